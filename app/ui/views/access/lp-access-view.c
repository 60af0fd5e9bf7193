/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Extended Access view (see lp-access-view.h): the locality picker,
 * the plan read and worded on the view's worker, and the go-live edits;
 * lp-access-view-grids.c lays the tables out. */
#include "config.h"

#include "lp-settings.h"

#include <glib/gi18n.h>

#include "lp-handout.h"
#include "lp-access-target-dialog.h"
#include "lp-access-view-private.h"
#include "lp-capacity-rule-dialog.h"
#include "lp-pcn-session-dialog.h"
#include "lp-chart-save.h"
#include "lp-export-task.h"
#include "lp-locality-picker.h"
#include "lp-print.h"

G_DEFINE_FINAL_TYPE (LpAccessView, lp_access_view, LP_TYPE_VIEW)

static void
lp_access_result_free (LpAccessResult *result)
{
  if (result->has_text)
    lp_access_text_clear (&result->text);
  g_clear_pointer (&result->practices, g_ptr_array_unref);
  g_clear_pointer (&result->note, g_free);
  g_clear_pointer (&result->capacity_rows, g_ptr_array_unref);
  g_clear_pointer (&result->practice_rows, g_ptr_array_unref);
  g_clear_pointer (&result->localities, lp_locality_choices_unref);
  g_clear_pointer (&result->targets, g_ptr_array_unref);
  g_clear_pointer (&result->rules, g_ptr_array_unref);
  if (result->has_pcn_text)
    lp_access_text_pcn_clear (&result->pcn_text);
  g_clear_pointer (&result->pcn_rows, g_ptr_array_unref);
  g_clear_pointer (&result->pcn_locality_rows, g_ptr_array_unref);
  g_clear_pointer (&result->sessions, g_ptr_array_unref);
  g_free (result->locality);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpAccessResult, lp_access_result_free)

/* What the worker needs to know, taken from the widgets and settings. */
typedef struct {
  gint64      locality_id;
  gboolean    partial_counts;
  guint       default_minutes;
  LpLocalityChoices *localities;  /* the choices offered now */
  GPtrArray  *shown_capacity;    /* the rows the tables show now */
  GPtrArray  *shown_practices;
} LpAccessInput;

static void
lp_access_input_free (LpAccessInput *input)
{
  lp_locality_choices_unref (input->localities);
  g_clear_pointer (&input->shown_capacity, g_ptr_array_unref);
  g_clear_pointer (&input->shown_practices, g_ptr_array_unref);
  g_free (input);
}

/* Adding, editing and removing need a plan that can be written. */
static void
lp_access_view_set_edit_actions (LpAccessView *self)
{
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));
  gboolean writable = plan != NULL && !lp_plan_is_read_only (plan);
  const char *const actions[] = {
    "access.add-target", "access.edit-target", "access.remove-target",
    "access.add-locality-target", "access.use-plan-trajectory", "access.add-rule", "access.edit-rule", "access.remove-rule",
    "access.add-session", "access.edit-session", "access.remove-session",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], writable);
}

static void
lp_access_view_set_actions (LpAccessView *self,
                            gboolean      enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.save-chart", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.export", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.print", enabled);
}

/* What an empty page offers: the button that provides what is missing. */
typedef enum {
  LP_ACCESS_OFFER_NOTHING      = 0,
  LP_ACCESS_OFFER_IMPORT       = 1 << 0,
  LP_ACCESS_OFFER_ADD_TARGET   = 1 << 1,
  LP_ACCESS_OFFER_SETTINGS     = 1 << 2,
} LpAccessOffer;

static void
lp_access_view_show_status (LpAccessView *self,
                            const char   *title,
                            const char   *description);

static void
lp_access_view_show_empty (LpAccessView  *self,
                           const char    *title,
                           const char    *description,
                           LpAccessOffer  offer)
{
  lp_access_view_show_status (self, title, description);
  gtk_widget_set_visible (self->empty_import_button, (offer & LP_ACCESS_OFFER_IMPORT) != 0);
  gtk_widget_set_visible (self->empty_add_target_button, (offer & LP_ACCESS_OFFER_ADD_TARGET) != 0);
  gtk_widget_set_visible (self->empty_settings_button, (offer & LP_ACCESS_OFFER_SETTINGS) != 0);
}

static void
lp_access_view_show_status (LpAccessView *self,
                            const char   *title,
                            const char   *description)
{
  gtk_widget_set_visible (self->empty_import_button, FALSE);
  gtk_widget_set_visible (self->empty_add_target_button, FALSE);
  gtk_widget_set_visible (self->empty_settings_button, FALSE);
  g_clear_pointer (&self->result, lp_access_result_free);
  lp_access_view_clear_rows (self);
  lp_chart_view_set_chart (self->chart_view, NULL);
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  lp_access_view_set_actions (self, FALSE);
}

static gint64
lp_access_view_locality_id (LpAccessView *self)
{
  return lp_locality_picker_id (self->locality_dropdown, self->localities);
}

/* The choices before any plan is read, or after it has gone. */
static void
lp_access_view_reset_localities (LpAccessView *self)
{
  self->updating = TRUE;
  g_clear_pointer (&self->localities, lp_locality_choices_unref);
  self->localities = lp_locality_choices_new_all ();
  lp_locality_picker_offer (self->locality_dropdown, self->localities, 0);
  self->updating = FALSE;
}

static GPtrArray *
lp_access_view_rows_of (GPtrArray      *texts,
                        GDestroyNotify  free_text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  /* The rows own their words now. */
  g_ptr_array_set_free_func (texts, NULL);
  for (guint i = 0; i < texts->len; i++)
    g_ptr_array_add (rows, lp_text_row_new (g_ptr_array_index (texts, i), free_text));
  g_ptr_array_set_size (texts, 0);
  return rows;
}

/* On the worker: enhanced access per network, in the month the lists are
 * as at if a network rule applies then, else the first month shown that
 * one does; the sessions of the networks shown. */
static gboolean
lp_access_view_read_pcn (LpPlan              *reader,
                         const LpAccessTable *table,
                         GPtrArray           *rules,
                         const LpAccessQuery *query,
                         LpAccessResult      *result,
                         GError             **error)
{
  g_autoptr(GPtrArray) pcns = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(LpPcnAccess) access = NULL;
  g_autoptr(GHashTable) codes = NULL;
  g_autofree char *reference = NULL;
  const char *month = NULL;

  for (guint i = 0; i < rules->len; i++)
    result->has_pcn_rule |= ((LpCapacityRuleRow *) g_ptr_array_index (rules, i))->per_pcn;
  if (!result->has_pcn_rule)
    return TRUE;
  if ((pcns = lp_plan_list_pcns (reader, error)) == NULL ||
      (sessions = lp_plan_list_pcn_sessions (reader, NULL, error)) == NULL)
    return FALSE;
  result->n_pcns = pcns->len;
  result->n_sessions = sessions->len;
  if (table->months->len > 0)
    {
      const char *as_at;

      reference = lp_plan_dup_reference_date (reader, NULL);
      as_at = lp_access_text_as_at_month (table, reference);
      for (guint i = 0; i < table->months->len; i++)
        {
          const LpAccessMonth *candidate = g_ptr_array_index (table->months, i);

          if (candidate->pcn_rule && (month == NULL || g_str_equal (candidate->month, as_at)))
            month = candidate->month;
        }
      result->pcn_as_at = month != NULL && g_str_equal (month, as_at);
    }
  if (month != NULL)
    {
      if ((access = lp_plan_pcn_access (reader, query->scenario_id, query->locality_id, month, error)) == NULL)
        return FALSE;
      lp_access_text_pcn_build (access, query->locality_id != 0 ? result->locality : NULL, &result->pcn_text);
      result->has_pcn_text = TRUE;
      result->pcn_rows = lp_access_view_rows_of (result->pcn_text.pcns, lp_access_text_pcn_free);
      result->pcn_locality_rows = lp_access_view_rows_of (result->pcn_text.localities,
                                                          lp_access_text_pcn_locality_free);
      if (query->locality_id != 0)
        {
          codes = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint i = 0; i < access->pcns->len; i++)
            g_hash_table_add (codes, ((LpPcnAccessPcn *) g_ptr_array_index (access->pcns, i))->code);
        }
    }
  result->sessions = lp_access_text_sessions (sessions, codes);
  return TRUE;
}

/* On the worker, with its own connection: core counts, lp-access-text
 * words, and the tables' rows are compared with those shown.  England's
 * 6,500 practices take about 0.6 s here, off the main thread. */
static gpointer
lp_access_view_read (LpPlan        *reader,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  LpAccessInput *input = data;
  g_autoptr(LpAccessResult) result = g_new0 (LpAccessResult, 1);
  g_autoptr(LpLocalityChoices) localities = lp_locality_choices_read (reader, error);
  g_autoptr(LpAccessTable) table = NULL;
  g_autoptr(GPtrArray) capacity = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *reference_setting = NULL;
  g_autofree char *financial_year = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  LpAccessQuery query = { 0, 0, NULL, NULL, input->partial_counts, input->default_minutes };
  LpAccessQuery all;
  const char *locality, *as_at;

  if (localities == NULL)
    return NULL;
  query.locality_id = input->locality_id;
  locality = lp_locality_choices_find (localities, &query.locality_id);
  result->locality_id = query.locality_id;
  all = query;
  all.locality_id = 0;
  result->locality = g_strdup (locality);
  /* The locality's own trajectory where it has one, else the plan's,
   * which it follows. */
  if ((table = lp_plan_access (reader, &query, error)) == NULL ||
      (targets = lp_plan_list_access_targets (reader, query.locality_id, error)) == NULL ||
      (rules = lp_plan_list_capacity_rules (reader, error)) == NULL)
    return NULL;
  result->targets_locality_id = targets->len > 0 ? query.locality_id : 0;
  if (targets->len == 0 && query.locality_id != 0)
    {
      g_clear_pointer (&targets, g_ptr_array_unref);
      if ((targets = lp_plan_list_access_targets (reader, 0, error)) == NULL)
        return NULL;
    }
  result->targets = lp_access_text_targets (targets);
  result->rules = lp_access_text_rules (rules);
  result->has_trajectory = table->targets->len > 0;
  reference_setting = lp_plan_dup_info (reader, "reference_date");
  financial_year = lp_plan_dup_info (reader, "financial_year");
  result->has_plan_year = !lp_text_is_blank (reference_setting) || !lp_text_is_blank (financial_year);
  if (table->months->len > 0)
    {
      reference = lp_plan_dup_reference_date (reader, NULL);
      as_at = lp_access_text_as_at_month (table, reference);
      if ((capacity = lp_plan_access_capacity (reader, &all, as_at, error)) == NULL ||
          (result->practices = lp_plan_access_practices (reader, &query, as_at, error)) == NULL)
        return NULL;
      /* Each locality with a practice has a row. */
      result->has_practices = capacity->len > 0;
      lp_access_text_build (table, capacity, result->practices, locality, as_at, input->partial_counts,
                            &result->text);
      result->has_text = TRUE;
      result->capacity_rows = lp_text_rows_new (input->shown_capacity, result->text.capacity,
                                                lp_access_text_capacity_copy, lp_access_text_capacity_free,
                                                lp_access_text_capacity_equal);
      result->practice_rows = lp_text_rows_new (input->shown_practices, result->text.practices,
                                                lp_access_text_practice_copy, lp_access_text_practice_free,
                                                lp_access_text_practice_equal);
    }
  if (!lp_access_view_read_pcn (reader, table, rules, &query, result, error))
    return NULL;
  result->note = lp_plan_dup_info (reader, "access_note");
  if (!lp_locality_choices_equal (localities, input->localities))
    result->localities = g_steal_pointer (&localities);
  return g_steal_pointer (&result);
}

/* Offers the localities read, if they changed; the one chosen stays
 * chosen unless it has gone. */
static void
lp_access_view_offer_localities (LpAccessView   *self,
                                 LpAccessResult *result)
{
  if (result->localities == NULL)
    return;
  g_clear_pointer (&self->localities, lp_locality_choices_unref);
  self->localities = g_steal_pointer (&result->localities);
  self->updating = TRUE;
  lp_locality_picker_offer (self->locality_dropdown, self->localities, result->locality_id);
  self->updating = FALSE;
}

/* On the main thread: puts the result into the widgets, nothing more. */
static void
lp_access_view_show (LpView       *view,
                     gpointer      data,
                     const GError *error)
{
  LpAccessView *self = LP_ACCESS_VIEW (view);
  LpAccessResult *result = data;
  gint64 start = g_get_monotonic_time ();

  if (result == NULL)
    {
      lp_access_view_show_status (self, _("Extended Access Cannot Be Shown"), error->message);
      return;
    }
  lp_access_view_offer_localities (self, result);
  if (!result->has_text)
    {
      lp_access_view_show_status (self, _("Extended Access Cannot Be Shown"), NULL);
      lp_access_result_free (result);
      return;
    }
  if (!result->has_practices)
    {
      lp_access_view_show_empty (self, _("No Practices"),
                                 _("Extended access is counted over the practices of the plan’s localities and "
                                   "their registered patients. Import the practice list and list sizes, and "
                                   "give the practices their localities."),
                                 LP_ACCESS_OFFER_IMPORT);
      lp_access_result_free (result);
      return;
    }
  /* A plan of the network era needs no coverage trajectory. */
  if (!result->has_trajectory && !result->has_pcn_rule)
    {
      LpAccessOffer offer = LP_ACCESS_OFFER_ADD_TARGET | (result->has_plan_year ? 0 : LP_ACCESS_OFFER_SETTINGS);

      lp_access_view_show_empty (self, _("No Coverage Trajectory"),
                                 result->has_plan_year
                                 ? _("Add the agreed coverage targets: the share of registered patients to be "
                                     "covered from a quarter, such as 2018/19 Q3, or a month.")
                                 : _("Add the agreed coverage targets: the share of registered patients to be "
                                     "covered from a quarter, such as 2018/19 Q3, or a month. Set the plan’s "
                                     "year in Plan Settings for the months to be the plan’s."),
                                 offer);
      lp_access_result_free (result);
      return;
    }
  g_clear_pointer (&self->result, lp_access_result_free);
  self->result = result;
  gtk_label_set_label (self->note_label, result->note != NULL ? result->note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), result->note != NULL);
  lp_access_view_show_result (self, result);
  lp_access_view_show_lists (self, result);
  lp_access_view_show_pcn (self, result);
  gtk_stack_set_visible_child_name (self->content_stack, "access");
  lp_access_view_set_actions (self, TRUE);
  /* G_MESSAGES_DEBUG=locality-planner tells how long the main thread took. */
  g_debug ("Extended Access shown in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
}

/* The plan was set, one of the view's tables changed, or a choice or
 * setting did: the figures are read again on the plan's worker.  What is
 * shown stays meanwhile; before anything is, a spinner. */
static void
lp_access_view_refresh (LpView *view)
{
  LpAccessView *self = LP_ACCESS_VIEW (view);
  LpAccessInput *input;

  if (lp_view_get_plan (view) == NULL)
    {
      lp_access_view_reset_localities (self);
      lp_access_view_show_status (self, _("No Plan Open"), NULL);
      return;
    }
  input = g_new0 (LpAccessInput, 1);
  input->locality_id = lp_access_view_locality_id (self);
  input->partial_counts = self->partial_counts;
  input->default_minutes = self->default_minutes;
  input->localities = lp_locality_choices_ref (self->localities);
  input->shown_capacity = self->shown_capacity != NULL ? g_ptr_array_ref (self->shown_capacity) : NULL;
  input->shown_practices = self->shown_practices != NULL ? g_ptr_array_ref (self->shown_practices) : NULL;
  if (self->result == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "loading");
  lp_view_run (view, lp_access_view_read, input, (GDestroyNotify) lp_access_input_free,
               (GDestroyNotify) lp_access_result_free, lp_access_view_show);
}

/* Another plan's figures and localities are not shown while this one's
 * are counted. */
static void
lp_access_view_plan_set (LpAccessView *self)
{
  g_clear_pointer (&self->result, lp_access_result_free);
  lp_access_view_clear_rows (self);
  lp_access_view_reset_localities (self);
  lp_chart_view_set_chart (self->chart_view, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "loading");
  lp_access_view_set_actions (self, FALSE);
  lp_access_view_set_edit_actions (self);
}

static void
lp_access_view_locality_chosen (LpAccessView *self)
{
  if (!self->updating)
    lp_view_queue_refresh (LP_VIEW (self));
}

void
lp_access_view_set_partial_counts (LpAccessView *self,
                                   gboolean      partial)
{
  g_return_if_fail (LP_IS_ACCESS_VIEW (self));

  if (self->partial_counts == !!partial)
    return;
  self->partial_counts = !!partial;
  lp_view_queue_refresh (LP_VIEW (self));
}

/* For tests: the default capacity rule the view counts with. */
guint
lp_access_view_get_default_minutes (LpAccessView *self)
{
  g_return_val_if_fail (LP_IS_ACCESS_VIEW (self), 0);

  return self->default_minutes;
}

/* Minutes a week per 1,000 patients before the plan's first capacity
 * rule; 0 for none. */
void
lp_access_view_set_default_minutes (LpAccessView *self,
                                    guint         minutes)
{
  g_return_if_fail (LP_IS_ACCESS_VIEW (self));

  if (self->default_minutes == minutes)
    return;
  self->default_minutes = minutes;
  lp_view_queue_refresh (LP_VIEW (self));
}

gboolean
lp_access_view_select_locality (LpAccessView *self,
                                const char   *name)
{
  g_return_val_if_fail (LP_IS_ACCESS_VIEW (self), FALSE);

  return lp_locality_picker_select (self->locality_dropdown, name);
}

/* The undo step of each of a practice's cells. */
static const char *
lp_access_view_provision_step (const char *field)
{
  if (g_strcmp0 (field, LP_FIELD_END_DATE) == 0)
    return _("Edit extended access end date");
  if (g_strcmp0 (field, LP_FIELD_LEVEL) == 0)
    return _("Edit extended access level");
  if (g_strcmp0 (field, LP_FIELD_MINUTES) == 0)
    return _("Edit extended access minutes");
  return _("Edit go-live date");
}

/**
 * lp_access_view_enter_provision:
 *
 * As Enter in one of a practice's cells: core reads what was typed into
 * the practice's planned provision, as one undoable step; a refusal is
 * shown under the table (and, by the cell, in it).
 */
gboolean
lp_access_view_enter_provision (LpAccessView *self,
                                const char   *ods_code,
                                const char   *field,
                                const char   *typed)
{
  LpPlan *plan;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  g_return_val_if_fail (LP_IS_ACCESS_VIEW (self), FALSE);

  plan = lp_view_get_plan (LP_VIEW (self));
  for (guint i = 0; plan != NULL && self->result != NULL && i < self->result->practices->len; i++)
    {
      const LpAccessPractice *practice = g_ptr_array_index (self->result->practices, i);

      if (g_strcmp0 (practice->ods_code, ods_code) != 0)
        continue;
      lp_plan_set_step_label (plan, lp_access_view_provision_step (field));
      saved = lp_plan_enter_access_provision (plan, 0, practice->practice_id, field, typed, &error);
      lp_plan_set_step_label (plan, NULL);
      lp_access_view_show_error (self, saved ? NULL : error->message);
      return saved;
    }
  return FALSE;
}

/**
 * lp_access_view_enter_go_live:
 *
 * As Enter in a practice's go-live field: plans the practice from that
 * date, keeping its level (full if it had none) and minutes.
 */
gboolean
lp_access_view_enter_go_live (LpAccessView *self,
                              const char   *ods_code,
                              const char   *typed)
{
  return lp_access_view_enter_provision (self, ods_code, LP_FIELD_GO_LIVE, typed);
}

GPtrArray *
lp_access_view_get_targets (LpAccessView *self)
{
  g_return_val_if_fail (LP_IS_ACCESS_VIEW (self), NULL);

  return self->result != NULL ? self->result->targets : NULL;
}

GPtrArray *
lp_access_view_get_rules (LpAccessView *self)
{
  g_return_val_if_fail (LP_IS_ACCESS_VIEW (self), NULL);

  return self->result != NULL ? self->result->rules : NULL;
}

/* The trajectory's and rules' dialogs, over the view's window. */
static void
lp_access_view_add_target_activated (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LpAccessView *self = LP_ACCESS_VIEW (widget);
  LpPlan *plan = lp_view_get_plan (LP_VIEW (widget));
  gint64 locality_id = self->result != NULL ? self->result->targets_locality_id : 0;

  /* To the trajectory listed: the locality's own where it has one. */
  if (plan != NULL)
    lp_edit_dialog_present (LP_EDIT_DIALOG (lp_access_target_dialog_new (plan, 0, locality_id,
                                                                         locality_id != 0 ? self->result->locality
                                                                                          : NULL)),
                            widget);
}

/* A locality that follows the plan's trajectory starts its own with a
 * first point. */
static void
lp_access_view_add_locality_target_activated (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter)
{
  LpAccessView *self = LP_ACCESS_VIEW (widget);
  LpPlan *plan = lp_view_get_plan (LP_VIEW (widget));

  if (plan != NULL && self->result != NULL && self->result->locality_id != 0)
    lp_edit_dialog_present (LP_EDIT_DIALOG (lp_access_target_dialog_new (plan, 0, self->result->locality_id,
                                                                         self->result->locality)),
                            widget);
}

/* Removing is one undoable step, so it asks nothing first. */
static void
lp_access_view_use_plan_trajectory_activated (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter)
{
  LpAccessView *self = LP_ACCESS_VIEW (widget);
  LpPlan *plan = lp_view_get_plan (LP_VIEW (widget));
  g_autoptr(GError) error = NULL;
  g_autofree char *step = NULL;
  gboolean cleared;

  if (plan == NULL || self->result == NULL || self->result->targets_locality_id == 0)
    return;
  /* TRANSLATORS: an undo step; %s is a locality's name */
  step = g_strdup_printf (_("Use the plan’s trajectory for %s"), self->result->locality);
  lp_plan_set_step_label (plan, step);
  cleared = lp_plan_clear_locality_trajectory (plan, self->result->targets_locality_id, &error);
  lp_plan_set_step_label (plan, NULL);
  lp_access_view_show_error (self, cleared ? NULL : error->message);
}

static void
lp_access_view_edit_target_activated (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  LpPlan *plan = lp_view_get_plan (LP_VIEW (widget));

  if (plan != NULL)
    lp_edit_dialog_present (LP_EDIT_DIALOG (lp_access_target_dialog_new (plan, g_variant_get_int64 (parameter),
                                                                         0, NULL)),
                            widget);
}

static void
lp_access_view_add_rule_activated (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LpPlan *plan = lp_view_get_plan (LP_VIEW (widget));

  if (plan != NULL)
    lp_edit_dialog_present (LP_EDIT_DIALOG (lp_capacity_rule_dialog_new (plan, 0)), widget);
}

static void
lp_access_view_edit_rule_activated (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  LpPlan *plan = lp_view_get_plan (LP_VIEW (widget));

  if (plan != NULL)
    lp_edit_dialog_present (LP_EDIT_DIALOG (lp_capacity_rule_dialog_new (plan, g_variant_get_int64 (parameter))),
                            widget);
}

/* A session for the network shown when a locality has only one. */
static void
lp_access_view_add_session_activated (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  LpAccessView *self = LP_ACCESS_VIEW (widget);
  LpPlan *plan = lp_view_get_plan (LP_VIEW (widget));
  const char *code = NULL;

  if (plan == NULL)
    return;
  if (self->result != NULL && self->result->sessions != NULL && self->result->has_pcn_text &&
      self->result->pcn_rows->len > 0)
    code = ((LpAccessTextPcn *) lp_text_row_get (g_ptr_array_index (self->result->pcn_rows, 0)))->code;
  lp_edit_dialog_present (LP_EDIT_DIALOG (lp_pcn_session_dialog_new (plan, 0, code)), widget);
}

static void
lp_access_view_edit_session_activated (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  LpPlan *plan = lp_view_get_plan (LP_VIEW (widget));

  if (plan != NULL)
    lp_edit_dialog_present (LP_EDIT_DIALOG (lp_pcn_session_dialog_new (plan, g_variant_get_int64 (parameter),
                                                                       NULL)),
                            widget);
}

static void
lp_access_view_remove_session_activated (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  LpAccessView *self = LP_ACCESS_VIEW (widget);
  LpPlan *plan = lp_view_get_plan (LP_VIEW (widget));
  g_autoptr(GError) error = NULL;
  gboolean removed;

  if (plan == NULL)
    return;
  lp_plan_set_step_label (plan, _("Remove enhanced access session"));
  removed = lp_plan_delete_pcn_session (plan, g_variant_get_int64 (parameter), &error);
  lp_plan_set_step_label (plan, NULL);
  lp_access_view_show_error (self, removed ? NULL : error->message);
}

GPtrArray *
lp_access_view_get_sessions (LpAccessView *self)
{
  g_return_val_if_fail (LP_IS_ACCESS_VIEW (self), NULL);

  return self->result != NULL ? self->result->sessions : NULL;
}

const LpAccessTextPcnMonth *
lp_access_view_get_pcn_text (LpAccessView *self)
{
  g_return_val_if_fail (LP_IS_ACCESS_VIEW (self), NULL);

  return self->result != NULL && self->result->has_pcn_text ? &self->result->pcn_text : NULL;
}

GPtrArray *
lp_access_view_get_pcn_rows (LpAccessView *self,
                             gboolean      localities)
{
  g_return_val_if_fail (LP_IS_ACCESS_VIEW (self), NULL);

  if (self->result == NULL || !self->result->has_pcn_text)
    return NULL;
  return localities ? self->result->pcn_locality_rows : self->result->pcn_rows;
}

/* Removing is one undoable step, so it asks nothing first. */
static void
lp_access_view_remove_activated (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LpAccessView *self = LP_ACCESS_VIEW (widget);
  LpPlan *plan = lp_view_get_plan (LP_VIEW (widget));
  gboolean target = g_str_equal (action_name, "access.remove-target");
  g_autoptr(GError) error = NULL;
  gboolean removed;

  if (plan == NULL)
    return;
  lp_plan_set_step_label (plan, target ? _("Remove trajectory target") : _("Remove capacity rule"));
  removed = target ? lp_plan_delete_access_target (plan, g_variant_get_int64 (parameter), &error)
                   : lp_plan_delete_capacity_rule (plan, g_variant_get_int64 (parameter), &error);
  lp_plan_set_step_label (plan, NULL);
  lp_access_view_show_error (self, removed ? NULL : error->message);
}

const LpAccessText *
lp_access_view_get_text (LpAccessView *self)
{
  g_return_val_if_fail (LP_IS_ACCESS_VIEW (self), NULL);

  return self->result != NULL ? &self->result->text : NULL;
}

const char *
lp_access_view_get_error (LpAccessView *self)
{
  g_return_val_if_fail (LP_IS_ACCESS_VIEW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_label (self->error_label)
                                                                 : NULL;
}

static void
lp_access_view_save_chart_activated (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LpAccessView *self = LP_ACCESS_VIEW (widget);

  /* TRANSLATORS: the file name offered for the chart; keep it short */
  lp_chart_save_run (widget, lp_chart_view_get_chart (self->chart_view), _("access-chart.png"));
}

static void
lp_access_view_export_activated (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LpAccessView *self = LP_ACCESS_VIEW (widget);
  LpModelQuery query = { lp_access_view_locality_id (self), 0, LP_PER_MONTH };

  /* The export shows what the view shows. */
  query.access_partial = self->partial_counts;
  query.access_default_minutes = self->default_minutes;

  gtk_widget_activate_action_variant (widget, "win.export-view", lp_export_task_view_parameter ("access", &query));
}

/* The chart and the months, behind ones in bold. */
LpHandout *
lp_access_view_handout (LpAccessView *self)
{
  const char *titles[] = { _("Month"), _("Target"), _("From"), _("Planned"), _("Actual"), _("Behind by"), NULL };
  const double widths[] = { 70, 55, 60, 55, 55, 65 };
  /* Across the change to a rule per network, the minutes instead of the
   * target's month and the gap, in no more room, so the chart keeps its. */
  const char *pcn_titles[] = { _("Month"), _("Target"), _("Planned"), _("Actual"), _("Required"), _("Offered"),
                               _("In hours"), NULL };
  const double pcn_widths[] = { 55, 45, 48, 45, 60, 52, 45 };
  const LpAccessText *text;
  LpHandout *handout;
  gboolean pcn;

  g_return_val_if_fail (LP_IS_ACCESS_VIEW (self), NULL);

  if (self->result == NULL)
    return NULL;
  text = &self->result->text;
  pcn = text->has_pcn_months;
  handout = lp_handout_new (text->chart->title, text->summary, text->basis, text->chart,
                            pcn ? pcn_titles : titles, pcn ? pcn_widths : widths);

  for (guint i = 0; i < text->months->len; i++)
    {
      const LpAccessTextMonth *month = g_ptr_array_index (text->months, i);
      const char *cells[] = { month->month, month->target, month->target_from, month->planned, month->actual,
                              month->gap, NULL };
      const char *pcn_cells[] = { month->month, month->target, month->planned, month->actual, month->required,
                                  month->offered, month->standard, NULL };

      lp_handout_add_row (handout, pcn ? pcn_cells : cells, month->behind);
    }
  return handout;
}

static void
lp_access_view_print_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LpAccessView *self = LP_ACCESS_VIEW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;

  if (self->result == NULL)
    return;
  operation = lp_handout_operation (lp_access_view_handout (self));
  lp_print_run_dialog (widget, operation);
}

static void
lp_access_view_dispose (GObject *object)
{
  LpAccessView *self = LP_ACCESS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_ACCESS_VIEW);
  G_OBJECT_CLASS (lp_access_view_parent_class)->dispose (object);
}

static void
lp_access_view_finalize (GObject *object)
{
  LpAccessView *self = LP_ACCESS_VIEW (object);

  g_clear_pointer (&self->result, lp_access_result_free);
  g_clear_pointer (&self->shown_capacity, g_ptr_array_unref);
  g_clear_pointer (&self->shown_practices, g_ptr_array_unref);
  g_clear_pointer (&self->localities, lp_locality_choices_unref);
  G_OBJECT_CLASS (lp_access_view_parent_class)->finalize (object);
}

#define BIND_CHILD(name) \
  gtk_widget_class_bind_template_child (widget_class, LpAccessView, name)

/* The preferences this view shows its figures by. */
static void
lp_access_view_apply_settings (gpointer    owner,
                               const char *key,
                               GSettings  *settings)
{
  LpAccessView *self = owner;

  lp_access_view_set_partial_counts (self, g_settings_get_boolean (settings, LP_SETTINGS_ACCESS_PARTIAL));
  lp_access_view_set_default_minutes (self, g_settings_get_uint (settings, LP_SETTINGS_DEFAULT_CAPACITY));
}

static void
lp_access_view_class_init (LpAccessViewClass *klass)
{
  /* What lp_plan_access and its capacity and practices read: the
   * practices (and their close dates), localities, list sizes, provision,
   * trajectory, capacity rules, the scenarios they come through, and the
   * plan's reference date and note. */
  static const char * const tables[] = {
    "access_trajectory", "access_provision", "capacity_rule", "practice", "list_size", "locality",
    "scenario", "plan_info", "pcn_access_session", "practice_grouping", "population_weights",
    "weighted_population", NULL,
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  LP_VIEW_CLASS (klass)->refresh = lp_access_view_refresh;
  lp_view_class_set_tables (LP_VIEW_CLASS (klass), tables);
  object_class->dispose = lp_access_view_dispose;
  object_class->finalize = lp_access_view_finalize;
  g_type_ensure (LP_TYPE_CHART_VIEW);
  g_type_ensure (LP_TYPE_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lp-access-view.ui");
  BIND_CHILD (content_stack);
  BIND_CHILD (empty_page);
  BIND_CHILD (summary_label);
  BIND_CHILD (locality_dropdown);
  BIND_CHILD (basis_label);
  BIND_CHILD (note_label);
  BIND_CHILD (chart_title);
  BIND_CHILD (chart_view);
  BIND_CHILD (months_grid);
  BIND_CHILD (as_at_label);
  BIND_CHILD (capacity_view);
  BIND_CHILD (capacity_rows);
  BIND_CHILD (practices_view);
  BIND_CHILD (practice_rows);
  BIND_CHILD (error_label);
  BIND_CHILD (targets_list);
  BIND_CHILD (rules_list);
  BIND_CHILD (empty_import_button);
  BIND_CHILD (empty_add_target_button);
  BIND_CHILD (trajectory_scope_label);
  BIND_CHILD (own_trajectory_button);
  BIND_CHILD (empty_settings_button);
  BIND_CHILD (pcn_section);
  BIND_CHILD (pcn_heading);
  BIND_CHILD (pcn_basis_label);
  BIND_CHILD (pcn_empty_box);
  BIND_CHILD (pcn_empty_label);
  BIND_CHILD (pcn_import_button);
  BIND_CHILD (pcn_add_session_button);
  BIND_CHILD (add_session_button);
  BIND_CHILD (pcn_view);
  BIND_CHILD (pcn_rows);
  BIND_CHILD (pcn_localities_label);
  BIND_CHILD (pcn_localities_view);
  BIND_CHILD (pcn_locality_rows);
  BIND_CHILD (sessions_label);
  BIND_CHILD (sessions_list);
  gtk_widget_class_install_action (widget_class, "access.save-chart", NULL, lp_access_view_save_chart_activated);
  gtk_widget_class_install_action (widget_class, "access.export", NULL, lp_access_view_export_activated);
  gtk_widget_class_install_action (widget_class, "access.print", NULL, lp_access_view_print_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "access.print", NULL);
  gtk_widget_class_install_action (widget_class, "access.add-target", NULL, lp_access_view_add_target_activated);
  /* Ctrl+Shift+N adds to the view on screen, in every view. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "access.add-target", NULL);
  gtk_widget_class_install_action (widget_class, "access.add-locality-target", NULL,
                                   lp_access_view_add_locality_target_activated);
  gtk_widget_class_install_action (widget_class, "access.use-plan-trajectory", NULL,
                                   lp_access_view_use_plan_trajectory_activated);
  gtk_widget_class_install_action (widget_class, "access.edit-target", "x", lp_access_view_edit_target_activated);
  gtk_widget_class_install_action (widget_class, "access.remove-target", "x", lp_access_view_remove_activated);
  gtk_widget_class_install_action (widget_class, "access.add-rule", NULL, lp_access_view_add_rule_activated);
  gtk_widget_class_install_action (widget_class, "access.edit-rule", "x", lp_access_view_edit_rule_activated);
  gtk_widget_class_install_action (widget_class, "access.remove-rule", "x", lp_access_view_remove_activated);
  gtk_widget_class_install_action (widget_class, "access.add-session", NULL, lp_access_view_add_session_activated);
  gtk_widget_class_install_action (widget_class, "access.edit-session", "x", lp_access_view_edit_session_activated);
  gtk_widget_class_install_action (widget_class, "access.remove-session", "x",
                                   lp_access_view_remove_session_activated);
}

static void
lp_access_view_init (LpAccessView *self)
{
  static const char * const settings_keys[] = { LP_SETTINGS_ACCESS_PARTIAL, LP_SETTINGS_DEFAULT_CAPACITY, NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  lp_access_view_setup_tables (self);
  lp_access_view_reset_localities (self);
  g_signal_connect (self, "notify::plan", G_CALLBACK (lp_access_view_plan_set), NULL);
  lp_access_view_set_edit_actions (self);
  g_signal_connect_swapped (self->locality_dropdown, "notify::selected",
                            G_CALLBACK (lp_access_view_locality_chosen), self);
  lp_access_view_show_error (self, NULL);
  lp_access_view_show_status (self, _("No Plan Open"), NULL);
  lp_settings_follow (self, settings_keys, lp_access_view_apply_settings);
}

GtkWidget *
lp_access_view_new (void)
{
  return g_object_new (LP_TYPE_ACCESS_VIEW, NULL);
}
