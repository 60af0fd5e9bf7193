/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Locality Modelling: the pathway changes a locality (or all of them) must
 * make per month or per week, laid out like the STP's published table, and
 * what they mean for each of its practices.  Core computes every figure
 * (lp_plan_model) and lp-modelling-text words them; this widget only lays
 * the words out, again whenever the plan or a picker changes. */
#include "config.h"

#include "lp-settings.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lp-chart-save.h"
#include "lp-export-task.h"
#include "lp-locality-picker.h"
#include "lp-modelling-view-private.h"
#include "lp-pathway-dialog.h"
#include "lp-weights-dialog.h"
#include "lp-plan-watch.h"


G_DEFINE_FINAL_TYPE (LpModellingView, lp_modelling_view, LP_TYPE_VIEW)

static GtkStack *
lp_modelling_view_stack (LpModellingView *self)
{
  return GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (self)));
}

static void
lp_modelling_view_show_status (LpModellingView *self,
                               const char      *title,
                               const char      *description)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (lp_modelling_view_stack (self), "empty");
  self->n_practices = 0;
  lp_chart_view_set_chart (self->chart_view, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "modelling.save-chart", FALSE);
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

static gint64
lp_modelling_view_locality_id (LpModellingView *self)
{
  return lp_locality_picker_id (self->locality_dropdown, self->locality_ids);
}

/* Core models on the main thread, which owns the plan's connection: on the
 * sample plan lp_plan_model and lp_plan_model_practices together take
 * 0.15 ms on average (0.09 ms at best; 1,000 runs, all localities, on the
 * build machine), a hundredth of a frame. */
/* What the pickers ask for: the locality, scenario and period on screen. */
void
lp_modelling_view_query (LpModellingView *self,
                         LpModelQuery    *query)
{
  LpScenario *scenario = lp_modelling_view_scenario (self);

  *query = (LpModelQuery) { 0, };
  query->locality_id = lp_modelling_view_locality_id (self);
  query->scenario_id = scenario != NULL ? lp_scenario_get_id (scenario) : 0;
  query->per = lp_modelling_view_per (self);
  query->weeks_365_7 = self->weeks_365_7;
}

/* Every locality's grand total, in a second pass over the plan (as quick
 * as the first: core models every locality either way). */
static gboolean
lp_modelling_view_compute_chart (LpModellingView    *self,
                                 const LpModelQuery *query,
                                 LpModellingText    *text,
                                 GError            **error)
{
  LpScenario *scenario = lp_modelling_view_scenario (self);
  g_autofree char *plan_name = lp_plan_dup_display_name (self->plan);
  g_autoptr(LpModelTable) all = NULL;
  g_autoptr(GPtrArray) localities = lp_plan_model_localities (self->plan, query, &all, error);

  if (localities == NULL)
    return FALSE;
  text->chart = lp_modelling_text_chart (all, localities, plan_name,
                                         scenario != NULL ? lp_scenario_get_name (scenario) : "");
  return TRUE;
}

static gboolean
lp_modelling_view_compute (LpModellingView *self,
                           LpModellingText *text,
                           LpModellingText *compare,
                           GError         **error)
{
  LpScenario *scenario = lp_modelling_view_scenario (self);
  LpModelQuery query;
  g_autoptr(LpModelTable) table = NULL;
  g_autoptr(GPtrArray) practices = NULL;

  lp_modelling_view_query (self, &query);
  table = lp_plan_model (self->plan, &query, error);
  if (table == NULL)
    return FALSE;
  self->n_horizons = table->n_horizons;
  memcpy (self->horizons, table->horizons, sizeof self->horizons);
  if (table->n_horizons > 0 &&
      (practices = lp_plan_model_practices (self->plan, &query, table, error)) == NULL)
    return FALSE;
  lp_modelling_text_build (table, practices, lp_modelling_view_locality_name (self), text);
  if (scenario != NULL && lp_scenario_get_base_id (scenario) != 0)
    lp_modelling_text_set_scenario (text, lp_scenario_get_name (scenario),
                                    lp_scenario_get_base_name (scenario));
  return table->n_horizons == 0 ||
         (lp_modelling_view_compute_chart (self, &query, text, error) &&
          lp_modelling_view_compute_compare (self, &query, table, compare, error));
}

static void
lp_modelling_view_reload (LpModellingView *self)
{
  g_auto(LpModellingText) text = { 0, };
  g_auto(LpModellingText) compare = { 0, };
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->error, g_free);
  if (self->plan == NULL)
    {
      lp_modelling_view_show_status (self, _("No Plan Open"), NULL);
      return;
    }
  if (!lp_modelling_view_compute (self, &text, &compare, &error))
    {
      self->error = g_strdup (error->message);
      lp_modelling_view_show_status (self, _("The Plan Cannot Be Modelled"), error->message);
      return;
    }
  if (text.empty)
    {
      lp_modelling_view_show_status (self, _("No Pathway Changes Yet"),
          _("Once the plan states its changes to activity and bed days for the STP, the CCG "
            "or a locality, this view shows what each locality and practice must do per month "
            "and per week."));
      return;
    }
  gtk_label_set_label (self->summary_label, text.summary);
  {
    g_autofree char *convention = g_strjoin (" ", text.convention, text.sharing, NULL);

    gtk_label_set_label (self->convention_label, convention);
  }
  lp_modelling_view_show_table (self, &text);
  lp_modelling_view_show_compare (self, &compare);
  lp_modelling_view_show_practices (self, &text);
  gtk_label_set_label (self->chart_title, text.chart != NULL ? text.chart->title : "");
  lp_chart_view_set_chart (self->chart_view, g_steal_pointer (&text.chart));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "modelling.save-chart",
                                 lp_chart_view_get_chart (self->chart_view) != NULL);
  gtk_stack_set_visible_child_name (lp_modelling_view_stack (self), "table");
}

static void
lp_modelling_view_fill_localities (LpModellingView *self)
{
  self->updating = TRUE;
  lp_locality_picker_fill (self->locality_dropdown, self->locality_ids, self->plan);
  self->updating = FALSE;
}

static void
lp_modelling_view_plan_changed (LpModellingView *self,
                                const char      *table)
{
  lp_modelling_view_fill_localities (self);
  if (table == NULL || g_str_equal (table, "scenario"))
    lp_modelling_view_fill_scenarios (self);
  lp_modelling_view_update_actions (self);
  lp_modelling_view_reload (self);
}

static void
lp_modelling_view_choice_changed (LpModellingView *self)
{
  if (self->updating)
    return;
  lp_modelling_view_update_actions (self);
  lp_modelling_view_reload (self);
}

/* The plan was set, or a table the view reads changed. */
static void
lp_modelling_view_refresh (LpView *view)
{
  LpModellingView *self = LP_MODELLING_VIEW (view);

  g_set_object (&self->plan, lp_view_get_plan (view));
  lp_modelling_view_plan_changed (self, NULL);
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

/* A year of 365/7 weeks (the preference) instead of the tables' 52. */
void
lp_modelling_view_set_weeks_365_7 (LpModellingView *self,
                                   gboolean         exact)
{
  g_return_if_fail (LP_IS_MODELLING_VIEW (self));
  if (self->weeks_365_7 == !!exact)
    return;
  self->weeks_365_7 = !!exact;
  lp_modelling_view_reload (self);
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

/* Selects the comparison with @scenario, or none for %NULL. */
gboolean
lp_modelling_view_compare_with (LpModellingView *self,
                                const char      *scenario)
{
  gint64 id;

  g_return_val_if_fail (LP_IS_MODELLING_VIEW (self), FALSE);

  id = scenario != NULL && self->plan != NULL ? lp_plan_find_scenario (self->plan, scenario) : 0;
  for (guint i = 0; i < self->compare_ids->len; i++)
    if (g_array_index (self->compare_ids, gint64, i) == id)
      {
        gtk_drop_down_set_selected (self->compare_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

guint
lp_modelling_view_get_n_practices (LpModellingView *self)
{
  g_return_val_if_fail (LP_IS_MODELLING_VIEW (self), 0);

  return self->n_practices;
}

gboolean
lp_modelling_view_is_empty (LpModellingView *self)
{
  g_return_val_if_fail (LP_IS_MODELLING_VIEW (self), TRUE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (lp_modelling_view_stack (self)), "empty") == 0;
}

const char *
lp_modelling_view_get_error (LpModellingView *self)
{
  g_return_val_if_fail (LP_IS_MODELLING_VIEW (self), NULL);

  return self->error;
}

static void
lp_modelling_view_dispose (GObject *object)
{
  LpModellingView *self = LP_MODELLING_VIEW (object);

  lp_plan_watch_clear (&self->plan, self);
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
  static const int first_horizons[] = { 3, 5 };
  GtkRoot *root = gtk_widget_get_root (widget);
  gint64 locality = lp_modelling_view_locality_id (self);

  if (self->plan == NULL || scenario == NULL)
    return;
  lp_pathway_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->plan, scenario, locality,
                         locality != 0 ? lp_modelling_view_locality_name (self) : NULL,
                         self->n_horizons > 0 ? self->horizons : first_horizons,
                         self->n_horizons > 0 ? self->n_horizons : G_N_ELEMENTS (first_horizons),
                         g_variant_get_string (parameter, NULL));
}

static void
lp_modelling_view_edit_weights_activated (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  LpModellingView *self = LP_MODELLING_VIEW (widget);
  LpScenario *scenario = lp_modelling_view_scenario (self);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->plan != NULL && scenario != NULL)
    lp_weights_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->plan, scenario);
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
  LP_VIEW_CLASS (klass)->refresh = lp_modelling_view_refresh;
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_modelling_view_dispose;
  object_class->finalize = lp_modelling_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
      RESOURCE_BASE "/ui/lp-modelling-view.ui");
  BIND_CHILD (empty_page);
  BIND_CHILD (summary_label);
  BIND_CHILD (locality_dropdown);
  BIND_CHILD (month_button);
  BIND_CHILD (week_button);
  BIND_CHILD (convention_label);
  BIND_CHILD (table_grid);
  BIND_CHILD (legend_box);
  BIND_CHILD (practices_title);
  BIND_CHILD (practices_grid);
  BIND_CHILD (chart_title);
  BIND_CHILD (chart_view);
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
  /* The picker's expression names the type; the builder needs it registered. */
  g_type_ensure (LP_TYPE_SCENARIO);
  g_type_ensure (LP_TYPE_CHART_VIEW);
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
  g_signal_connect_swapped (self->locality_dropdown, "notify::selected",
                            G_CALLBACK (lp_modelling_view_choice_changed), self);
  g_signal_connect_swapped (self->scenario_dropdown, "notify::selected",
                            G_CALLBACK (lp_modelling_view_choice_changed), self);
  g_signal_connect_swapped (self->compare_dropdown, "notify::selected",
                            G_CALLBACK (lp_modelling_view_choice_changed), self);
  lp_modelling_view_plan_changed (self, NULL);
  lp_settings_follow (self, settings_keys, lp_modelling_view_apply_settings);
}

GtkWidget *
lp_modelling_view_new (void)
{
  return g_object_new (LP_TYPE_MODELLING_VIEW, NULL);
}
