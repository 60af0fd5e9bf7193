/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Locality Modelling: the pathway changes a locality (or all of them) must
 * make per month or per week, laid out like the STP's published table, and
 * what they mean for each of its practices.  Core computes every figure
 * (lp_plan_model) and lp-modelling-text words them, on the plan's worker
 * (lp-modelling-view-work.c), whenever the plan or a choice changes; this
 * file keeps the choices and puts what comes back on screen. */
#include "config.h"

#include "lp-settings.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lp-chart-save.h"
#include "lp-export-task.h"
#include "lp-locality-picker.h"
#include "lp-modelling-item.h"
#include "lp-modelling-view-private.h"
#include "lp-pathway-change-dialog.h"
#include "lp-pathway-dialog.h"
#include "lp-pathway-name-dialog.h"
#include "lp-population-weights-window.h"
#include "lp-scenario-bases-dialog.h"
#include "lp-pathway-text.h"
#include "lp-view-common.h"
#include "lp-weights-dialog.h"


G_DEFINE_FINAL_TYPE (LpModellingView, lp_modelling_view, LP_TYPE_VIEW)

/* @offer: the button that provides what is missing (adding a change,
 * importing practices), or NULL when there is nothing to offer (no plan). */
static void
lp_modelling_view_show_status (LpModellingView *self,
                               const char      *title,
                               const char      *description,
                               GtkWidget       *offer)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_widget_set_visible (self->empty_actions, offer != NULL);
  gtk_widget_set_visible (self->empty_add_button, offer == self->empty_add_button);
  gtk_widget_set_visible (self->empty_import_button, offer == self->empty_import_button);
  /* Weights are per locality: none to weigh before the practices come. */
  gtk_widget_set_visible (self->empty_weights_button, offer != self->empty_import_button);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  lp_modelling_view_clear_tables (self);
}

static LpPer
lp_modelling_view_per (LpModellingView *self)
{
  return gtk_toggle_button_get_active (self->week_button) ? LP_PER_WEEK : LP_PER_MONTH;
}

static const char *
lp_modelling_view_locality_name (LpModellingView *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->locality_dropdown);

  return item != NULL ? gtk_string_object_get_string (item) : _("All localities");
}

LpScenario *
lp_modelling_view_scenario (LpModellingView *self)
{
  return gtk_drop_down_get_selected_item (self->scenario_dropdown);
}

/* What the user chose: the locality, scenario and period. */
void
lp_modelling_view_query (LpModellingView *self,
                         LpModelQuery    *query)
{
  *query = (LpModelQuery) { 0, };
  query->locality_id = self->locality_id;
  query->scenario_id = self->scenario_id;
  query->per = lp_modelling_view_per (self);
  query->weeks_365_7 = self->weeks_365_7;
}

/* Where the scenario chosen goes if it is deleted: the one it built on. */
static gint64
lp_modelling_view_scenario_fallback (LpModellingView *self)
{
  GListModel *scenarios = gtk_drop_down_get_model (self->scenario_dropdown);

  for (guint i = 0; scenarios != NULL && i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(LpScenario) scenario = g_list_model_get_item (scenarios, i);

      if (lp_scenario_get_id (scenario) == self->scenario_id)
        return lp_scenario_get_base_id (scenario);
    }
  return 0;
}

static void
lp_modelling_view_input (LpModellingView  *self,
                         LpModellingInput *input)
{
  *input = (LpModellingInput) { { 0, }, };
  lp_modelling_view_query (self, &input->query);
  input->scenario_fallback = lp_modelling_view_scenario_fallback (self);
  input->compare_id = self->compare_id;
  input->plan_changes = self->plan_changes;
  input->totals = !self->has_totals || self->totals_changes != self->plan_changes ||
                  self->totals_scenario != input->query.scenario_id ||
                  self->totals_per != input->query.per ||
                  self->totals_weeks_365_7 != input->query.weeks_365_7;
}

/* The picker's locality, when the picker is up to date with the plan and
 * shows the locality chosen: the worker need not read them all again. */
static void
lp_modelling_view_input_locality (LpModellingView  *self,
                                  LpModellingInput *input)
{
  GListModel *names = gtk_drop_down_get_model (self->locality_dropdown);
  guint selected = gtk_drop_down_get_selected (self->locality_dropdown);

  if (self->localities_key == NULL || self->localities_changes != self->plan_changes ||
      names == NULL || selected >= self->locality_ids->len ||
      g_array_index (self->locality_ids, gint64, selected) != self->locality_id)
    return;
  input->locality_name = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (names), selected));
  input->locality_position = selected;
}

/* Whether the user has chosen otherwise since @asked was sent to the
 * worker; the refresh that choice queued will show it. */
static gboolean
lp_modelling_view_asked_otherwise (LpModellingView        *self,
                                   const LpModellingInput *asked)
{
  LpModellingInput now;

  lp_modelling_view_input (self, &now);
  return now.query.locality_id != asked->query.locality_id ||
         now.query.scenario_id != asked->query.scenario_id ||
         now.query.per != asked->query.per ||
         now.query.weeks_365_7 != asked->query.weeks_365_7 ||
         now.compare_id != asked->compare_id;
}

/* The locality picker offers what the worker read; its list is replaced
 * only when the localities changed (an open picker stays open), and it
 * shows the locality modelled. */
static void
lp_modelling_view_fill_localities (LpModellingView   *self,
                                   LpModellingResult *result)
{
  self->updating = TRUE;
  if (result->locality_names != NULL)
    self->localities_changes = result->asked.plan_changes;
  if (result->locality_names != NULL && g_strcmp0 (self->localities_key, result->localities_key) != 0)
    {
      g_free (self->localities_key);
      self->localities_key = g_strdup (result->localities_key);
      g_array_unref (self->locality_ids);
      self->locality_ids = g_array_ref (result->locality_ids);
      gtk_drop_down_set_model (self->locality_dropdown, G_LIST_MODEL (result->locality_names));
    }
  gtk_drop_down_set_selected (self->locality_dropdown, result->locality_position);
  self->updating = FALSE;
}

static void
lp_modelling_view_show_model (LpModellingView   *self,
                              LpModellingResult *result)
{
  g_autofree char *convention = g_strjoin (" ", result->text.convention, result->text.sharing, NULL);

  self->n_horizons = result->n_horizons;
  memcpy (self->horizons, result->horizons, sizeof self->horizons);
  if (result->error != NULL)
    {
      self->error = g_strdup (result->error);
      lp_modelling_view_show_status (self, _("The Plan Cannot Be Modelled"), result->error,
                                     self->empty_add_button);
      return;
    }
  /* Changes are shared among localities by their practices' list sizes:
   * without localities there is nothing to share them among yet. */
  if (result->text.empty && self->locality_ids->len <= 1)
    {
      lp_modelling_view_show_status (self, _("Import Practices First"),
          _("Pathway changes are shared among the plan’s localities by their practices’ list "
            "sizes. Import the practices and their list sizes, make the localities, then add "
            "the first pathway change."), self->empty_import_button);
      return;
    }
  if (result->text.empty)
    {
      lp_modelling_view_show_status (self, _("No Pathway Changes Yet"),
          _("Add a pathway change, such as 900 fewer frailty admissions over 3 years for the "
            "CCG, and this view shows what each locality and practice must do per month and "
            "per week."), self->empty_add_button);
      return;
    }
  gtk_label_set_label (self->summary_label, result->text.summary);
  gtk_label_set_label (self->convention_label, convention);
  gtk_label_set_label (self->bases_label, result->text.bases != NULL ? result->text.bases : "");
  lp_modelling_view_show_table (self, &result->text);
  lp_modelling_view_show_compare (self, &result->compare);
  lp_modelling_view_show_practices (self, result);
  /* Those on screen stay when the locality alone changed. */
  if (result->totals)
    {
      lp_modelling_view_show_localities (self, result);
      self->has_totals = TRUE;
      self->totals_changes = result->asked.plan_changes;
      self->totals_scenario = result->scenario_id;
      self->totals_per = result->asked.query.per;
      self->totals_weeks_365_7 = result->asked.query.weeks_365_7;
    }
  gtk_stack_set_visible_child_name (self->content_stack, "table");
}

/* On the main thread: only puts the worker's words and rows on screen.
 * G_MESSAGES_DEBUG=locality-planner logs how long each side took. */
static void
lp_modelling_view_show (LpView       *view,
                        gpointer      data,
                        const GError *error)
{
  LpModellingView *self = LP_MODELLING_VIEW (view);
  g_autoptr(LpModellingResult) result = data;
  gint64 start = g_get_monotonic_time ();
  gint64 cpu = lp_modelling_thread_cpu_us ();

  if (result == NULL)
    {
      g_clear_pointer (&self->error, g_free);
      self->error = g_strdup (error->message);
      lp_modelling_view_show_status (self, _("The Plan Cannot Be Modelled"), error->message, NULL);
      return;
    }
  if (lp_modelling_view_asked_otherwise (self, &result->asked))
    return;
  g_clear_pointer (&self->error, g_free);
  self->locality_id = result->locality_id;
  self->scenario_id = result->scenario_id;
  self->compare_id = result->compare_id;
  lp_modelling_view_fill_localities (self, result);
  lp_modelling_view_fill_scenarios (self, result);
  lp_modelling_view_update_actions (self);
  lp_modelling_view_show_changes (self, result->changes, result->pathways);
  lp_modelling_view_show_model (self, result);
  g_debug ("Locality Modelling: %u practices worked out in %.1f ms (%.1f ms of the worker's own time), "
           "shown in %.1f ms (%.1f ms of the main thread's)",
           result->practices != NULL ? g_list_model_get_n_items (G_LIST_MODEL (result->practices)) : 0,
           result->work_us / 1000.0, result->work_cpu_us / 1000.0,
           (g_get_monotonic_time () - start) / 1000.0, (lp_modelling_thread_cpu_us () - cpu) / 1000.0);
}

/* The plan was set, a table the view reads changed, or the user chose
 * otherwise: the worker models the choice; the figures on screen stay
 * (the spinner turns) until it is back. */
static void
lp_modelling_view_refresh (LpView *view)
{
  LpModellingView *self = LP_MODELLING_VIEW (view);
  LpModellingInput *input;

  if (lp_view_get_plan (view) == NULL)
    {
      g_clear_pointer (&self->error, g_free);
      lp_modelling_view_show_status (self, _("No Plan Open"), NULL, NULL);
      lp_modelling_view_update_actions (self);
      return;
    }
  input = g_new0 (LpModellingInput, 1);
  lp_modelling_view_input (self, input);
  lp_modelling_view_input_locality (self, input);
  lp_view_run (view, lp_modelling_view_work, input, (GDestroyNotify) lp_modelling_input_free,
               (GDestroyNotify) lp_modelling_result_free, lp_modelling_view_show);
}

static void
lp_modelling_view_count_change (LpModellingView *self)
{
  self->plan_changes++;
}

/* Another plan (or none): nothing chosen in the last one applies to it,
 * and none of its figures may show meanwhile. */
static void
lp_modelling_view_plan_set (LpModellingView *self)
{
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));

  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_func (self->watched, lp_modelling_view_count_change, self);
  g_set_object (&self->watched, plan);
  if (plan != NULL)
    g_signal_connect_swapped (plan, "changed", G_CALLBACK (lp_modelling_view_count_change), self);
  self->locality_id = self->scenario_id = self->compare_id = 0;
  g_clear_pointer (&self->localities_key, g_free);
  g_clear_pointer (&self->scenarios_key, g_free);
  g_array_set_size (self->locality_ids, 0);
  g_array_set_size (self->compare_ids, 1);
  self->updating = TRUE;
  gtk_drop_down_set_model (self->locality_dropdown, NULL);
  gtk_drop_down_set_model (self->scenario_dropdown, NULL);
  gtk_drop_down_set_model (self->compare_dropdown, NULL);
  self->updating = FALSE;
  lp_modelling_view_clear_tables (self);
  gtk_stack_set_visible_child_name (self->content_stack, "loading");
}

/* The user picked a locality, scenario, comparison or period. */
static void
lp_modelling_view_choice_changed (LpModellingView *self)
{
  LpScenario *scenario = lp_modelling_view_scenario (self);
  guint locality = gtk_drop_down_get_selected (self->locality_dropdown);

  if (self->updating)
    return;
  self->locality_id = locality < self->locality_ids->len ? g_array_index (self->locality_ids, gint64, locality) : 0;
  if (scenario != NULL)
    self->scenario_id = lp_scenario_get_id (scenario);
  self->compare_id = lp_modelling_view_compare_id (self);
  lp_modelling_view_update_actions (self);
  lp_view_queue_refresh (LP_VIEW (self));
}

/**
 * lp_modelling_view_select_locality:
 * @name: a locality's name, or "All localities"
 *
 * Returns: %TRUE if the picker offered @name and now shows it
 */
gboolean
lp_modelling_view_select_locality (LpModellingView *self,
                                   const char      *name)
{
  g_return_val_if_fail (LP_IS_MODELLING_VIEW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return lp_locality_picker_select (self->locality_dropdown, name);
}

/**
 * lp_modelling_view_select_scenario:
 * @name: a scenario's name, e.g. "Base"
 *
 * Returns: %TRUE if the picker offered @name and now shows it
 */
gboolean
lp_modelling_view_select_scenario (LpModellingView *self,
                                   const char      *name)
{
  GListModel *scenarios;

  g_return_val_if_fail (LP_IS_MODELLING_VIEW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  scenarios = gtk_drop_down_get_model (self->scenario_dropdown);
  for (guint i = 0; scenarios != NULL && i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(LpScenario) scenario = g_list_model_get_item (scenarios, i);

      if (g_strcmp0 (lp_scenario_get_name (scenario), name) == 0)
        return lp_modelling_view_select_scenario_id (self, lp_scenario_get_id (scenario));
    }
  return FALSE;
}

/**
 * lp_modelling_view_get_scenarios:
 *
 * Returns: (transfer none) (nullable) (element-type LpScenario): the
 *   scenarios the picker offers, in its order
 */
GListModel *
lp_modelling_view_get_scenarios (LpModellingView *self)
{
  g_return_val_if_fail (LP_IS_MODELLING_VIEW (self), NULL);

  return gtk_drop_down_get_model (self->scenario_dropdown);
}

/* The scenario on screen (0: the base, before the view has read the
 * plan), for what shows the same figures elsewhere: the slides. */
gint64
lp_modelling_view_get_scenario_id (LpModellingView *self)
{
  g_return_val_if_fail (LP_IS_MODELLING_VIEW (self), 0);

  return self->scenario_id;
}

/* A year of 365/7 weeks (the preference) instead of the tables' 52. */
void
lp_modelling_view_set_weeks_365_7 (LpModellingView *self,
                                   gboolean         exact)
{
  g_return_if_fail (LP_IS_MODELLING_VIEW (self));
  if (self->weeks_365_7 == !!exact)
    return;
  self->weeks_365_7 = !!exact;
  lp_view_queue_refresh (LP_VIEW (self));
}

void
lp_modelling_view_set_per (LpModellingView *self,
                           LpPer            per)
{
  g_return_if_fail (LP_IS_MODELLING_VIEW (self));
  g_return_if_fail (per == LP_PER_MONTH || per == LP_PER_WEEK);

  gtk_toggle_button_set_active (per == LP_PER_WEEK ? self->week_button : self->month_button, TRUE);
}

/**
 * lp_modelling_view_get_cell:
 * @row_name: a row's name as shown, e.g. "Grand total"
 * @column: 0 for the first horizon's activity, 1 for its bed days, …
 *
 * Returns: (nullable): the text of that cell on screen
 */
const char *
lp_modelling_view_get_cell (LpModellingView *self,
                            const char      *row_name,
                            guint            column)
{
  g_return_val_if_fail (LP_IS_MODELLING_VIEW (self), NULL);

  return lp_modelling_view_grid_cell (self->table_grid, self->grid_rows, row_name, column);
}

/**
 * lp_modelling_view_get_compare_cell:
 *
 * Returns: (nullable): what the comparison's table shows, or %NULL when
 *   no comparison is shown
 */
const char *
lp_modelling_view_get_compare_cell (LpModellingView *self,
                                    const char      *row_name,
                                    guint            column)
{
  g_return_val_if_fail (LP_IS_MODELLING_VIEW (self), NULL);

  if (!gtk_widget_get_visible (self->compare_box))
    return NULL;
  return lp_modelling_view_grid_cell (self->compare_grid, self->compare_rows, row_name, column);
}

/* Selects the comparison with the scenario the picker calls @scenario, or
 * none for %NULL. */
gboolean
lp_modelling_view_compare_with (LpModellingView *self,
                                const char      *scenario)
{
  GListModel *scenarios;

  g_return_val_if_fail (LP_IS_MODELLING_VIEW (self), FALSE);

  if (scenario == NULL)
    {
      gtk_drop_down_set_selected (self->compare_dropdown, 0);
      return TRUE;
    }
  /* The comparison offers the scenarios in the picker's order, after "none". */
  scenarios = gtk_drop_down_get_model (self->scenario_dropdown);
  for (guint i = 0; scenarios != NULL && i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(LpScenario) item = g_list_model_get_item (scenarios, i);

      if (g_strcmp0 (lp_scenario_get_name (item), scenario) == 0 && i + 1 < self->compare_ids->len)
        {
          gtk_drop_down_set_selected (self->compare_dropdown, i + 1);
          return TRUE;
        }
    }
  return FALSE;
}

guint
lp_modelling_view_get_n_practices (LpModellingView *self)
{
  g_return_val_if_fail (LP_IS_MODELLING_VIEW (self), 0);

  return lp_modelling_view_n_practices (self);
}

gboolean
lp_modelling_view_is_empty (LpModellingView *self)
{
  g_return_val_if_fail (LP_IS_MODELLING_VIEW (self), TRUE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") == 0;
}

const char *
lp_modelling_view_get_error (LpModellingView *self)
{
  g_return_val_if_fail (LP_IS_MODELLING_VIEW (self), NULL);

  return self->error;
}

guint
lp_modelling_view_get_n_changes (LpModellingView *self)
{
  g_return_val_if_fail (LP_IS_MODELLING_VIEW (self), 0);

  return self->n_changes;
}

static void
lp_modelling_view_dispose (GObject *object)
{
  LpModellingView *self = LP_MODELLING_VIEW (object);

  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_func (self->watched, lp_modelling_view_count_change, self);
  g_clear_object (&self->watched);
  lp_modelling_view_clear_tables (self);
  lp_modelling_view_stop_changes (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_MODELLING_VIEW);
  G_OBJECT_CLASS (lp_modelling_view_parent_class)->dispose (object);
}

static void
lp_modelling_view_finalize (GObject *object)
{
  LpModellingView *self = LP_MODELLING_VIEW (object);

  g_array_unref (self->locality_ids);
  g_hash_table_unref (self->grid_rows);
  g_hash_table_unref (self->compare_rows);
  g_array_unref (self->compare_ids);
  g_free (self->localities_key);
  g_free (self->scenarios_key);
  g_free (self->error);
  G_OBJECT_CLASS (lp_modelling_view_parent_class)->finalize (object);
}

/* The window exports, on a worker thread, what the pickers show. */
static void
lp_modelling_view_export_activated (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  LpModellingView *self = LP_MODELLING_VIEW (widget);
  LpModelQuery query;

  lp_modelling_view_query (self, &query);
  gtk_widget_activate_action_variant (widget, "win.export-view",
      lp_export_task_view_parameter (g_variant_get_string (parameter, NULL), &query));
}

static void
lp_modelling_view_save_chart_activated (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  LpModellingView *self = LP_MODELLING_VIEW (widget);

  /* TRANSLATORS: the file name offered for the chart; keep it short */
  lp_chart_save_run (widget, lp_chart_view_get_chart (self->chart_view), _("localities-chart.png"));
}

/* The pathway chosen (or the first), for the locality and scenario on
 * screen, over the table's horizons (3 and 5 years before there is any). */
static void
lp_modelling_view_edit_pathway_activated (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  LpModellingView *self = LP_MODELLING_VIEW (widget);
  LpScenario *scenario = lp_modelling_view_scenario (self);
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));
  static const int first_horizons[] = { 3, 5 };
  GtkRoot *root = gtk_widget_get_root (widget);
  gint64 locality = self->locality_id;

  if (plan == NULL || scenario == NULL)
    return;
  lp_pathway_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, plan, scenario, locality,
                         locality != 0 ? lp_modelling_view_locality_name (self) : NULL,
                         self->n_horizons > 0 ? self->horizons : first_horizons,
                         self->n_horizons > 0 ? self->n_horizons : G_N_ELEMENTS (first_horizons),
                         g_variant_get_string (parameter, NULL));
}

static GtkWindow *
lp_modelling_view_window (LpModellingView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A new change (for the locality on screen, if one is) or the change
 * whose id is the parameter. */
static void
lp_modelling_view_change_activated (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  LpModellingView *self = LP_MODELLING_VIEW (widget);
  LpScenario *scenario = lp_modelling_view_scenario (self);
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));

  if (plan == NULL || scenario == NULL)
    return;
  lp_pathway_change_dialog_new (lp_modelling_view_window (self), plan, scenario,
                                parameter != NULL ? g_variant_get_int64 (parameter) : 0, self->locality_id);
}

/* Removed at once: Undo in the toast (or Ctrl+Z) brings it back. */
static void
lp_modelling_view_remove_change_activated (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  LpModellingView *self = LP_MODELLING_VIEW (widget);
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));
  g_autoptr(GError) error = NULL;
  gboolean removed;

  if (plan == NULL)
    return;
  lp_plan_set_step_label (plan, _("Remove pathway change"));
  removed = lp_plan_delete_pathway_change (plan, g_variant_get_int64 (parameter), &error);
  lp_plan_set_step_label (plan, NULL);
  lp_view_common_toast (widget, removed ? _("Pathway change removed") : error->message, removed);
}

static void
lp_modelling_view_edit_pathway_name_activated (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *parameter)
{
  LpModellingView *self = LP_MODELLING_VIEW (widget);
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));

  if (plan != NULL)
    lp_pathway_name_dialog_new (lp_modelling_view_window (self), plan, g_variant_get_string (parameter, NULL));
}

/* With its changes in every scenario; Undo brings them all back. */
static void
lp_modelling_view_remove_pathway_activated (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  LpModellingView *self = LP_MODELLING_VIEW (widget);
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));
  const char *pathway = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  gboolean removed;

  if (plan == NULL)
    return;
  lp_plan_set_step_label (plan, _("Remove pathway"));
  removed = lp_plan_delete_pathway (plan, pathway, &error);
  lp_plan_set_step_label (plan, NULL);
  /* TRANSLATORS: %s is a pathway, such as Frailty */
  done = removed ? g_strdup_printf (_("Pathway “%s” removed"), pathway) : g_strdup (error->message);
  lp_view_common_toast (widget, done, removed);
}

/* What a dialog about the scenario shown needs: its window, the plan and
 * the scenario; FALSE while either is missing. */
static gboolean
lp_modelling_view_scenario_dialog_args (GtkWidget   *widget,
                                        GtkWindow  **parent,
                                        LpPlan     **plan,
                                        LpScenario **scenario)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  *plan = lp_view_get_plan (LP_VIEW (widget));
  *scenario = lp_modelling_view_scenario (LP_MODELLING_VIEW (widget));
  return *plan != NULL && *scenario != NULL;
}

static void
lp_modelling_view_edit_weights_activated (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  GtkWindow *parent;
  LpPlan *plan;
  LpScenario *scenario;

  if (lp_modelling_view_scenario_dialog_args (widget, &parent, &plan, &scenario))
    lp_weights_dialog_new (parent, plan, scenario);
}

/* The scenario's own population base per pathway. */
static void
lp_modelling_view_edit_bases_activated (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  GtkWindow *parent;
  LpPlan *plan;
  LpScenario *scenario;

  if (lp_modelling_view_scenario_dialog_args (widget, &parent, &plan, &scenario))
    lp_scenario_bases_dialog_new (parent, plan, scenario);
}

/* The plan's weights by age band and imported weighted populations. */
static void
lp_modelling_view_population_weights_activated (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *parameter)
{
  LpPlan *plan = lp_view_get_plan (LP_VIEW (widget));
  GtkRoot *root = gtk_widget_get_root (widget);

  if (plan != NULL)
    lp_population_weights_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, plan);
}

#define BIND_CHILD(name) \
  gtk_widget_class_bind_template_child (widget_class, LpModellingView, name)

/* The preferences this view shows its figures by. */
static void
lp_modelling_view_apply_settings (gpointer    owner,
                    const char *key,
                    GSettings  *settings)
{
  LpModellingView *self = owner;

  lp_modelling_view_set_weeks_365_7 (self, g_settings_get_boolean (settings, LP_SETTINGS_WEEKS_365_7));
}

static void
lp_modelling_view_class_init (LpModellingViewClass *klass)
{
  /* What core's model reads: the pathways and their changes, the
   * scenarios and their weights, the localities, their practices and list
   * sizes, and plan_info (the STP's population, the plan's name); and for
   * population bases, the age profiles, the scenarios' choices of base and
   * the tables of weights. */
  static const char * const tables[] = {
    "pathway", "pathway_change", "apportionment_weight", "scenario", "locality", "practice",
    "list_size", "plan_info", "list_size_age", "age_profile", "scenario_population_base", "population_weights",
    "population_weight", NULL,
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  LP_VIEW_CLASS (klass)->refresh = lp_modelling_view_refresh;
  lp_view_class_set_tables (LP_VIEW_CLASS (klass), tables);

  object_class->dispose = lp_modelling_view_dispose;
  object_class->finalize = lp_modelling_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
      RESOURCE_BASE "/ui/lp-modelling-view.ui");
  BIND_CHILD (content_stack);
  BIND_CHILD (empty_page);
  BIND_CHILD (empty_actions);
  BIND_CHILD (empty_add_button);
  BIND_CHILD (empty_import_button);
  BIND_CHILD (empty_scenario_box);
  BIND_CHILD (empty_weights_button);
  BIND_CHILD (changes_list);
  BIND_CHILD (summary_label);
  BIND_CHILD (locality_dropdown);
  BIND_CHILD (month_button);
  BIND_CHILD (week_button);
  BIND_CHILD (convention_label);
  BIND_CHILD (bases_label);
  BIND_CHILD (practices_caption);
  BIND_CHILD (table_grid);
  BIND_CHILD (legend_box);
  BIND_CHILD (practices_title);
  BIND_CHILD (practices_view);
  BIND_CHILD (practices_slice);
  BIND_CHILD (chart_title);
  BIND_CHILD (chart_caption);
  BIND_CHILD (chart_box);
  BIND_CHILD (chart_view);
  BIND_CHILD (localities_box);
  BIND_CHILD (localities_view);
  BIND_CHILD (localities_slice);
  BIND_CHILD (compare_dropdown);
  BIND_CHILD (compare_box);
  BIND_CHILD (compare_title);
  BIND_CHILD (compare_caption);
  BIND_CHILD (compare_grid);
  BIND_CHILD (scenario_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, lp_modelling_view_choice_changed);
  lp_modelling_view_install_scenario_actions (widget_class);
  /* "modelling" (the table) or "modelling-practices". */
  gtk_widget_class_install_action (widget_class, "modelling.export", "s",
                                   lp_modelling_view_export_activated);
  gtk_widget_class_install_action (widget_class, "modelling.save-chart", NULL,
                                   lp_modelling_view_save_chart_activated);
  /* The pathway to edit first; "" for the first of them. */
  gtk_widget_class_install_action (widget_class, "modelling.edit-pathway", "s",
                                   lp_modelling_view_edit_pathway_activated);
  gtk_widget_class_install_action (widget_class, "modelling.edit-weights", NULL,
                                   lp_modelling_view_edit_weights_activated);
  gtk_widget_class_install_action (widget_class, "modelling.population-weights", NULL,
                                   lp_modelling_view_population_weights_activated);
  gtk_widget_class_install_action (widget_class, "modelling.edit-bases", NULL,
                                   lp_modelling_view_edit_bases_activated);
  gtk_widget_class_install_action (widget_class, "modelling.add-change", NULL,
                                   lp_modelling_view_change_activated);
  /* The change's id. */
  gtk_widget_class_install_action (widget_class, "modelling.edit-change", "x",
                                   lp_modelling_view_change_activated);
  gtk_widget_class_install_action (widget_class, "modelling.remove-change", "x",
                                   lp_modelling_view_remove_change_activated);
  /* The pathway's name. */
  gtk_widget_class_install_action (widget_class, "modelling.edit-pathway-name", "s",
                                   lp_modelling_view_edit_pathway_name_activated);
  gtk_widget_class_install_action (widget_class, "modelling.remove-pathway", "s",
                                   lp_modelling_view_remove_pathway_activated);
  /* Ctrl+Shift+N adds to the view on screen, in every view: Ctrl+N is
   * the window's New Plan. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "modelling.add-change", NULL);
  /* The picker's expression names the type; the builder needs it registered. */
  g_type_ensure (LP_TYPE_SCENARIO);
  g_type_ensure (LP_TYPE_CHART_VIEW);
  g_type_ensure (LP_TYPE_MODELLING_ITEM);
}

static void
lp_modelling_view_init (LpModellingView *self)
{
  static const char * const settings_keys[] = { LP_SETTINGS_WEEKS_365_7, NULL };

  self->locality_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->grid_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->compare_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->compare_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_array_set_size (self->compare_ids, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
  lp_view_common_ensure_css ();
  lp_modelling_view_setup_tables (self);
  g_signal_connect_swapped (self->locality_dropdown, "notify::selected",
                            G_CALLBACK (lp_modelling_view_choice_changed), self);
  g_signal_connect_swapped (self->scenario_dropdown, "notify::selected",
                            G_CALLBACK (lp_modelling_view_choice_changed), self);
  g_signal_connect_swapped (self->compare_dropdown, "notify::selected",
                            G_CALLBACK (lp_modelling_view_choice_changed), self);
  g_signal_connect (self, "notify::plan", G_CALLBACK (lp_modelling_view_plan_set), NULL);
  lp_modelling_view_plan_set (self);
  lp_settings_follow (self, settings_keys, lp_modelling_view_apply_settings);
}

GtkWidget *
lp_modelling_view_new (void)
{
  return g_object_new (LP_TYPE_MODELLING_VIEW, NULL);
}
