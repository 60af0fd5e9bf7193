/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Workforce view (see lp-workforce-view.h): the pickers, the plan
 * read and worded on the view's worker, and the movements typed in place;
 * lp-workforce-view-grids.c lays out the tables. */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lp-chart-save.h"
#include "lp-export-task.h"
#include "lp-locality-picker.h"
#include "lp-handout.h"
#include "lp-print.h"
#include "lp-workforce-baseline-dialog.h"
#include "lp-workforce-rates-dialog.h"
#include "lp-workforce-reference-dialog.h"
#include "lp-workforce-target-dialog.h"
#include "lp-workforce-view-private.h"

G_DEFINE_FINAL_TYPE (LpWorkforceView, lp_workforce_view, LP_TYPE_VIEW)

/* The staff groups in the picker's order, after "All staff". */
static const char *const group_codes[] = { "GP", "NURSE", "DPC", "ADMIN" };

static void
lp_workforce_result_free (LpWorkforceResult *result)
{
  lp_workforce_text_clear (&result->text);
  g_clear_pointer (&result->note, g_free);
  g_clear_pointer (&result->role, g_free);
  g_clear_pointer (&result->practice_rows, g_ptr_array_unref);
  g_clear_pointer (&result->localities, lp_locality_choices_unref);
  g_clear_pointer (&result->targets, g_ptr_array_unref);
  lp_workforce_staff_text_clear (&result->staff);
  g_clear_pointer (&result->staff_rows, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpWorkforceResult, lp_workforce_result_free)

/* What the worker needs to know, taken from the pickers. */
typedef struct {
  gint64      locality_id;
  const char *group;             /* one of group_codes, or NULL */
  char       *role;
  char       *staff;             /* the group's or role's words: "GPs" */
  LpLocalityChoices *localities;  /* the choices offered now */
  GPtrArray  *shown_practices;   /* the rows the table shows now, if of the role */
  GPtrArray  *shown_staff;       /* the staff rows shown now */
} LpWorkforceInput;

static void
lp_workforce_input_free (LpWorkforceInput *input)
{
  g_free (input->role);
  g_free (input->staff);
  lp_locality_choices_unref (input->localities);
  g_clear_pointer (&input->shown_practices, g_ptr_array_unref);
  g_clear_pointer (&input->shown_staff, g_ptr_array_unref);
  g_free (input);
}

static void
lp_workforce_view_set_actions (LpWorkforceView *self,
                               gboolean         enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workforce.save-chart", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workforce.export", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workforce.print", enabled);
}

/* The inputs can be edited whenever a plan is open, figures or none. */
static void
lp_workforce_view_set_edit_actions (LpWorkforceView *self,
                                    gboolean         enabled)
{
  static const char *const actions[] = {
    "workforce.add-target", "workforce.edit-target", "workforce.delete-target", "workforce.enter-baseline",
    "workforce.edit-rates", "workforce.edit-reference", "workforce.delete-reference",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], enabled);
}

static void
lp_workforce_view_show_status (LpWorkforceView *self,
                               const char      *title,
                               const char      *description)
{
  g_clear_pointer (&self->result, lp_workforce_result_free);
  lp_workforce_view_clear_rows (self);
  lp_chart_view_set_chart (self->chart_view, NULL);
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  /* Without a plan there is nothing to import into or type for. */
  gtk_widget_set_visible (self->empty_buttons, lp_view_get_plan (LP_VIEW (self)) != NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  lp_workforce_view_set_actions (self, FALSE);
  lp_workforce_view_set_edit_actions (self, lp_view_get_plan (LP_VIEW (self)) != NULL);
}

static const char *
lp_workforce_view_group (LpWorkforceView *self)
{
  guint selected = gtk_drop_down_get_selected (self->group_dropdown);

  return selected >= 1 && selected <= G_N_ELEMENTS (group_codes) ? group_codes[selected - 1] : NULL;
}

const char *
lp_workforce_view_role (LpWorkforceView *self)
{
  guint selected = gtk_drop_down_get_selected (self->role_dropdown);

  return self->role_codes != NULL && selected >= 1 && selected <= g_strv_length (self->role_codes)
         ? self->role_codes[selected - 1] : NULL;
}

/* "GPs" or "Salaried GP": the role's words if one is chosen, else the group's. */
static char *
lp_workforce_view_staff (LpWorkforceView *self)
{
  GtkStringObject *staff = gtk_drop_down_get_selected_item (lp_workforce_view_role (self) != NULL
                                                            ? self->role_dropdown : self->group_dropdown);

  return g_strdup (staff != NULL ? gtk_string_object_get_string (staff) : "");
}

/* The choices before any plan is read, or after it has gone. */
static void
lp_workforce_view_reset_localities (LpWorkforceView *self)
{
  self->updating = TRUE;
  g_clear_pointer (&self->localities, lp_locality_choices_unref);
  self->localities = lp_locality_choices_new_all ();
  lp_locality_picker_offer (self->locality_dropdown, self->localities, 0);
  self->updating = FALSE;
}

/* On the worker, with its own connection: core projects, lp-workforce-text
 * words, and the practices' rows are compared with those shown.  At
 * England's size (160,000 FTE records) about half a second, off the main
 * thread. */
static gpointer
lp_workforce_view_read (LpPlan        *reader,
                        gpointer       data,
                        GCancellable  *cancellable,
                        GError       **error)
{
  LpWorkforceInput *input = data;
  g_autoptr(LpWorkforceResult) result = g_new0 (LpWorkforceResult, 1);
  g_autoptr(LpLocalityChoices) localities = lp_locality_choices_read (reader, error);
  g_autoptr(LpWorkforceTable) table = NULL;
  g_autoptr(LpWorkforceStaff) staff = NULL;
  g_autoptr(GPtrArray) practices = NULL;
  g_autoptr(GPtrArray) weighted = NULL;
  g_autofree char *selection = NULL;
  g_autofree char *reference_date = NULL;
  g_autofree char *rates_source = NULL;
  g_autoptr(GError) local_error = NULL;
  LpWorkforceQuery query = { input->locality_id, 0, 0, input->group, input->role };
  LpWorkforceRatios ratios;
  const LpWorkforceQuarter *next;
  const char *locality;
  double reference = NAN;

  if (localities == NULL)
    return NULL;
  locality = lp_locality_choices_find (localities, &query.locality_id);
  result->locality_id = query.locality_id;
  result->role = g_strdup (input->role);
  if ((result->targets = lp_plan_list_workforce_targets (reader, 0, error)) == NULL)
    return NULL;
  if ((table = lp_plan_workforce (reader, &query, &local_error)) == NULL)
    {
      /* Say what the plan needs, and what it has waiting for the figures. */
      if (g_error_matches (local_error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND))
        g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND, "%s",
                     result->targets->len == 0
                     ? _("Targets and plans are measured from each practice’s FTE. Import NHS Digital’s "
                         "practice-level workforce file, or enter the FTE by hand where there is no file yet.")
                     : ngettext ("The plan has a workforce target, but no FTE to measure it from. Import NHS "
                                 "Digital’s practice-level workforce file, or enter each practice’s FTE by hand "
                                 "where there is no file yet.",
                                 "The plan has workforce targets, but no FTE to measure them from. Import NHS "
                                 "Digital’s practice-level workforce file, or enter each practice’s FTE by hand "
                                 "where there is no file yet.", result->targets->len));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!lp_plan_workforce_ratios (reader, &query, &ratios, error))
    return NULL;
  /* Movements are typed for the quarter after the baseline's. */
  next = g_ptr_array_index (table->quarters, MIN (1, table->quarters->len - 1));
  if ((practices = lp_plan_workforce_practices (reader, &query, next->start, error)) == NULL)
    return NULL;
  if (!lp_plan_get_reference_figure (reader, LP_WORKFORCE_REFERENCE_PER_GP, &reference, NULL,
                                     &reference_date))
    reference = NAN;
  rates_source = lp_plan_dup_info (reader, "workforce_rates_source");
  /* "Lower Lea Valley, GPs" or "All localities, Salaried GP". */
  selection = g_strdup_printf ("%s, %s", locality, input->staff);
  lp_workforce_text_build (table, &ratios, reference, reference_date, practices, selection, rates_source,
                           &result->text);
  /* The same ratio on each weighted population imported (PCN adjusted). */
  if ((weighted = lp_plan_list_locality_weighted (reader, query.locality_id, ratios.gp_fte, error)) == NULL)
    return NULL;
  lp_workforce_text_add_weighted (&result->text, weighted);
  result->note = lp_plan_dup_info (reader, "workforce_note");
  /* The practices' staff and the PCNs', side by side. */
  if ((staff = lp_plan_workforce_staff (reader, query.locality_id, error)) == NULL)
    return NULL;
  lp_workforce_staff_text_build (staff, &result->staff);
  result->staff_rows = lp_text_rows_new (input->shown_staff, result->staff.rows, lp_workforce_text_staff_copy,
                                         lp_workforce_text_staff_free, lp_workforce_text_staff_equal);
  result->practice_rows = lp_text_rows_new (input->shown_practices, result->text.practices,
                                            lp_workforce_text_practice_copy, lp_workforce_text_practice_free,
                                            lp_workforce_text_practice_equal);
  if (!lp_locality_choices_equal (localities, input->localities))
    result->localities = g_steal_pointer (&localities);
  return g_steal_pointer (&result);
}

/* Offers the localities read, if they changed; the one chosen stays
 * chosen unless it has gone. */
static void
lp_workforce_view_offer_localities (LpWorkforceView   *self,
                                    LpWorkforceResult *result)
{
  if (result->localities == NULL)
    return;
  g_clear_pointer (&self->localities, lp_locality_choices_unref);
  self->localities = g_steal_pointer (&result->localities);
  self->updating = TRUE;
  lp_locality_picker_offer (self->locality_dropdown, self->localities, result->locality_id);
  self->updating = FALSE;
}

/* A row a target, with its editor and its removal. */
static void
lp_workforce_view_show_targets (LpWorkforceView *self,
                                GPtrArray       *targets)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->targets_list))) != NULL)
    gtk_list_box_remove (self->targets_list, child);
  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      const LpWorkforceTarget *target = g_ptr_array_index (targets, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      lp_workforce_text_target (target, &title, &subtitle);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      for (GtkWidget *button = edit; button != NULL; button = button == edit ? remove : NULL)
        {
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", target->id);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "workforce.edit-target");
      gtk_widget_set_tooltip_text (edit, _("Edit Target"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "workforce.delete-target");
      gtk_widget_set_tooltip_text (remove, _("Remove Target"));
      gtk_list_box_append (self->targets_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->targets_list), targets != NULL && targets->len > 0);
}

/* On the main thread: puts the result into the widgets, nothing more. */
static void
lp_workforce_view_show (LpView       *view,
                        gpointer      data,
                        const GError *error)
{
  LpWorkforceView *self = LP_WORKFORCE_VIEW (view);
  LpWorkforceResult *result = data;
  gint64 start = g_get_monotonic_time ();

  if (result == NULL)
    {
      lp_workforce_view_show_status (self, _("No Workforce Figures"), error->message);
      return;
    }
  lp_workforce_view_offer_localities (self, result);
  g_clear_pointer (&self->result, lp_workforce_result_free);
  self->result = result;
  gtk_label_set_label (self->note_label, result->note != NULL ? result->note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), result->note != NULL);
  lp_workforce_view_show_result (self, result);
  lp_workforce_view_show_targets (self, result->targets);
  gtk_stack_set_visible_child_name (self->content_stack, "workforce");
  lp_workforce_view_set_actions (self, TRUE);
  lp_workforce_view_set_edit_actions (self, TRUE);
  /* G_MESSAGES_DEBUG=locality-planner tells how long the main thread took. */
  g_debug ("Workforce shown in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
}

/* "All roles", then the group's roles; none to choose for all staff.
 * The plan's handful of roles are read here, on the main thread. */
static void
lp_workforce_view_fill_roles (LpWorkforceView *self)
{
  const char *group = lp_workforce_view_group (self);
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) { _("All roles"), NULL });
  g_auto(GStrv) role_names = NULL;

  g_clear_pointer (&self->role_codes, g_strfreev);
  if (group != NULL && plan != NULL &&
      lp_plan_list_staff_roles (plan, group, &self->role_codes, &role_names, NULL))
    gtk_string_list_splice (names, 1, 0, (const char *const *) role_names);
  self->updating = TRUE;
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->role_dropdown, 0);
  self->updating = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->role_dropdown), group != NULL);
}

/* The plan was set, one of the view's tables changed, or a choice did:
 * the figures are read again on the plan's worker.  What is shown stays
 * meanwhile; before anything is, a spinner. */
static void
lp_workforce_view_refresh (LpView *view)
{
  LpWorkforceView *self = LP_WORKFORCE_VIEW (view);
  LpPlan *plan = lp_view_get_plan (view);
  LpWorkforceInput *input;

  if (plan == NULL)
    {
      lp_workforce_view_reset_localities (self);
      lp_workforce_view_show_status (self, _("No Plan Open"), NULL);
      return;
    }
  input = g_new0 (LpWorkforceInput, 1);
  input->locality_id = lp_locality_picker_id (self->locality_dropdown, self->localities);
  input->group = lp_workforce_view_group (self);
  input->role = g_strdup (lp_workforce_view_role (self));
  input->staff = lp_workforce_view_staff (self);
  input->localities = lp_locality_choices_ref (self->localities);
  /* Rows of another role have fields for that role: none are kept. */
  if (self->shown_practices != NULL && g_strcmp0 (self->shown_role, input->role) == 0)
    input->shown_practices = g_ptr_array_ref (self->shown_practices);
  if (self->shown_staff != NULL)
    input->shown_staff = g_ptr_array_ref (self->shown_staff);
  if (self->result == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "loading");
  lp_view_run (view, lp_workforce_view_read, input, (GDestroyNotify) lp_workforce_input_free,
               (GDestroyNotify) lp_workforce_result_free, lp_workforce_view_show);
}

/* Another plan's figures and localities are not shown while this one's
 * are counted; its roles are offered at once, so that a role can be
 * chosen before the view is first shown. */
static void
lp_workforce_view_plan_set (LpWorkforceView *self)
{
  g_clear_pointer (&self->result, lp_workforce_result_free);
  lp_workforce_view_clear_rows (self);
  lp_workforce_view_reset_localities (self);
  lp_workforce_view_fill_roles (self);
  lp_chart_view_set_chart (self->chart_view, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "loading");
  lp_workforce_view_set_actions (self, FALSE);
}

static void
lp_workforce_view_choice_changed (LpWorkforceView *self)
{
  if (!self->updating)
    lp_view_queue_refresh (LP_VIEW (self));
}

static void
lp_workforce_view_group_changed (LpWorkforceView *self)
{
  if (self->updating)
    return;
  lp_workforce_view_fill_roles (self);
  lp_view_queue_refresh (LP_VIEW (self));
}

gboolean
lp_workforce_view_select_locality (LpWorkforceView *self,
                                   const char      *name)
{
  g_return_val_if_fail (LP_IS_WORKFORCE_VIEW (self), FALSE);

  return lp_locality_picker_select (self->locality_dropdown, name);
}

gboolean
lp_workforce_view_select (LpWorkforceView *self,
                          const char      *group,
                          const char      *role)
{
  guint group_index = 0;

  g_return_val_if_fail (LP_IS_WORKFORCE_VIEW (self), FALSE);

  for (guint i = 0; group != NULL && i < G_N_ELEMENTS (group_codes); i++)
    if (g_strcmp0 (group_codes[i], group) == 0)
      group_index = i + 1;
  if (group != NULL && group_index == 0)
    return FALSE;
  gtk_drop_down_set_selected (self->group_dropdown, group_index);
  for (guint i = 0; role != NULL && self->role_codes != NULL && self->role_codes[i] != NULL; i++)
    if (g_strcmp0 (self->role_codes[i], role) == 0)
      {
        gtk_drop_down_set_selected (self->role_dropdown, i + 1);
        return TRUE;
      }
  /* The same group chosen again keeps its role until told "All roles". */
  if (role == NULL)
    gtk_drop_down_set_selected (self->role_dropdown, 0);
  return role == NULL;
}

/**
 * lp_workforce_view_save_movements:
 * @bad_field: (out) (optional): on a refusal, %LP_FIELD_JOINERS or
 *   %LP_FIELD_LEAVERS if the figure there is the reason, else %NULL
 *
 * Hands a practice's joiners and leavers, as typed, to core for the
 * quarter after the baseline and the role chosen (keeping retirements);
 * says why not if core refuses.
 */
gboolean
lp_workforce_view_save_movements (LpWorkforceView  *self,
                                  const char       *ods_code,
                                  const char       *joiners,
                                  const char       *leavers,
                                  const char      **bad_field)
{
  const char *role = lp_workforce_view_role (self);
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (bad_field != NULL)
    *bad_field = NULL;
  if (role == NULL || self->result == NULL || plan == NULL)
    {
      lp_workforce_view_show_error (self, _("Choose a role first: joiners and leavers are planned role by role."));
      return FALSE;
    }
  lp_plan_set_step_label (plan, _("Plan joiners and leavers"));
  saved = lp_plan_enter_workforce_change (plan, 0, lp_plan_find_practice (plan, ods_code), role,
                                          self->result->text.next_quarter, joiners, leavers, bad_field, &error);
  lp_plan_set_step_label (plan, NULL);
  if (saved)
    {
      lp_workforce_view_show_error (self, NULL);
      return TRUE;
    }
  lp_workforce_view_show_error (self, error->message);
  return FALSE;
}

/**
 * lp_workforce_view_enter_movements:
 *
 * As Enter in a practice's joiners or leavers field: plans them for the
 * quarter after the baseline, for the role chosen (keeping retirements).
 */
gboolean
lp_workforce_view_enter_movements (LpWorkforceView *self,
                                   const char      *ods_code,
                                   const char      *joiners,
                                   const char      *leavers)
{
  g_return_val_if_fail (LP_IS_WORKFORCE_VIEW (self), FALSE);

  return lp_workforce_view_save_movements (self, ods_code, joiners, leavers, NULL);
}

const LpWorkforceText *
lp_workforce_view_get_text (LpWorkforceView *self)
{
  g_return_val_if_fail (LP_IS_WORKFORCE_VIEW (self), NULL);

  return self->result != NULL ? &self->result->text : NULL;
}

const LpWorkforceStaffText *
lp_workforce_view_get_staff_text (LpWorkforceView *self)
{
  g_return_val_if_fail (LP_IS_WORKFORCE_VIEW (self), NULL);

  return self->result != NULL ? &self->result->staff : NULL;
}

GtkWidget *
lp_workforce_view_get_staff_heading (LpWorkforceView *self)
{
  g_return_val_if_fail (LP_IS_WORKFORCE_VIEW (self), NULL);

  return GTK_WIDGET (self->staff_title);
}

const char *
lp_workforce_view_get_error (LpWorkforceView *self)
{
  g_return_val_if_fail (LP_IS_WORKFORCE_VIEW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_label (self->error_label)
                                                                 : NULL;
}

static void
lp_workforce_view_save_chart_activated (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  LpWorkforceView *self = LP_WORKFORCE_VIEW (widget);

  /* TRANSLATORS: the file name offered for the chart; keep it short */
  lp_chart_save_run (widget, lp_chart_view_get_chart (self->chart_view), _("workforce-chart.png"));
}

static void
lp_workforce_view_export_activated (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  LpWorkforceView *self = LP_WORKFORCE_VIEW (widget);
  LpModelQuery query = { lp_locality_picker_id (self->locality_dropdown, self->localities), 0, LP_PER_MONTH };

  gtk_widget_activate_action_variant (widget, "win.export-view", lp_export_task_view_parameter ("workforce", &query));
}

/* The chart and the quarters, those short of the target in bold, with the
 * ratios under the summary. */
LpHandout *
lp_workforce_view_handout (LpWorkforceView *self)
{
  const char *titles[] = { _("Quarter"), _("Recorded"), _("Plan"), _("Target"), _("Short by"), NULL };
  const double widths[] = { 70, 60, 55, 55, 55 };
  g_autofree char *ratios = NULL;
  const LpWorkforceText *text;
  LpHandout *handout;

  g_return_val_if_fail (LP_IS_WORKFORCE_VIEW (self), NULL);

  if (self->result == NULL)
    return NULL;
  text = &self->result->text;
  /* The rates and what the targets mean go with the figures they explain. */
  ratios = g_strjoin (". ", text->patients_per_gp, text->per_1000, text->rates, text->targets, NULL);
  handout = lp_handout_new (text->chart->title, text->summary, ratios, text->chart, titles, widths);
  for (guint i = 0; i < text->quarters->len; i++)
    {
      const LpWorkforceTextQuarter *quarter = g_ptr_array_index (text->quarters, i);
      const char *cells[] = { quarter->quarter, quarter->recorded, quarter->plan, quarter->target,
                              quarter->short_by, NULL };

      lp_handout_add_row (handout, cells, quarter->short_of_target);
    }
  return handout;
}

static void
lp_workforce_view_print_activated (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LpWorkforceView *self = LP_WORKFORCE_VIEW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;

  if (self->result == NULL)
    return;
  operation = lp_handout_operation (lp_workforce_view_handout (self));
  lp_print_run_dialog (widget, operation);
}

static void
lp_workforce_view_present (LpWorkforceView *self,
                           gpointer         dialog)
{
  lp_edit_dialog_present (LP_EDIT_DIALOG (dialog), GTK_WIDGET (self));
}

static void
lp_workforce_view_add_target_activated (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  LpPlan *plan = lp_view_get_plan (LP_VIEW (widget));

  if (plan != NULL)
    lp_workforce_view_present (LP_WORKFORCE_VIEW (widget), lp_workforce_target_dialog_new (plan, 0));
}

static void
lp_workforce_view_edit_target_activated (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  LpPlan *plan = lp_view_get_plan (LP_VIEW (widget));

  if (plan != NULL)
    lp_workforce_view_present (LP_WORKFORCE_VIEW (widget),
                               lp_workforce_target_dialog_new (plan, g_variant_get_int64 (parameter)));
}

static void
lp_workforce_view_delete_target_activated (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  LpPlan *plan = lp_view_get_plan (LP_VIEW (widget));
  g_autoptr(GError) error = NULL;
  gboolean deleted;

  if (plan == NULL)
    return;
  lp_plan_set_step_label (plan, _("Remove workforce target"));
  deleted = lp_plan_delete_workforce_target (plan, g_variant_get_int64 (parameter), &error);
  lp_plan_set_step_label (plan, NULL);
  lp_workforce_view_show_error (LP_WORKFORCE_VIEW (widget), deleted ? NULL : error->message);
}

static void
lp_workforce_view_enter_baseline_activated (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  LpPlan *plan = lp_view_get_plan (LP_VIEW (widget));

  if (plan != NULL)
    lp_workforce_view_present (LP_WORKFORCE_VIEW (widget), lp_workforce_baseline_dialog_new (plan, NULL));
}

static void
lp_workforce_view_edit_rates_activated (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  LpWorkforceView *self = LP_WORKFORCE_VIEW (widget);
  LpPlan *plan = lp_view_get_plan (LP_VIEW (widget));

  if (plan != NULL)
    lp_workforce_view_present (self, lp_workforce_rates_dialog_new (plan, lp_workforce_view_role (self)));
}

static void
lp_workforce_view_edit_reference_activated (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  LpPlan *plan = lp_view_get_plan (LP_VIEW (widget));

  if (plan != NULL)
    lp_workforce_view_present (LP_WORKFORCE_VIEW (widget), lp_workforce_reference_dialog_new (plan));
}

static void
lp_workforce_view_delete_reference_activated (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter)
{
  LpPlan *plan = lp_view_get_plan (LP_VIEW (widget));
  g_autoptr(GError) error = NULL;
  gboolean deleted;

  if (plan == NULL)
    return;
  lp_plan_set_step_label (plan, _("Remove England comparison"));
  deleted = lp_plan_delete_reference_figure (plan, LP_WORKFORCE_REFERENCE_PER_GP, &error);
  lp_plan_set_step_label (plan, NULL);
  lp_workforce_view_show_error (LP_WORKFORCE_VIEW (widget), deleted ? NULL : error->message);
}

static void
lp_workforce_view_dispose (GObject *object)
{
  LpWorkforceView *self = LP_WORKFORCE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_WORKFORCE_VIEW);
  G_OBJECT_CLASS (lp_workforce_view_parent_class)->dispose (object);
}

static void
lp_workforce_view_finalize (GObject *object)
{
  LpWorkforceView *self = LP_WORKFORCE_VIEW (object);

  g_clear_pointer (&self->result, lp_workforce_result_free);
  g_clear_pointer (&self->shown_practices, g_ptr_array_unref);
  g_clear_pointer (&self->shown_staff, g_ptr_array_unref);
  g_free (self->shown_role);
  g_clear_pointer (&self->localities, lp_locality_choices_unref);
  g_strfreev (self->role_codes);
  G_OBJECT_CLASS (lp_workforce_view_parent_class)->finalize (object);
}

#define BIND_CHILD(name) \
  gtk_widget_class_bind_template_child (widget_class, LpWorkforceView, name)

static void
lp_workforce_view_class_init (LpWorkforceViewClass *klass)
{
  /* What lp_plan_workforce, its ratios and practices read: the records,
   * movements, rates and targets, the roles and groups, the practices
   * (and their close dates), localities and list sizes, the scenarios
   * they come through, the reference figure and the plan's words; and
   * for the staff by employer, the PCNs' staff and the practices' PCNs. */
  static const char * const tables[] = {
    "workforce_fte", "workforce_change", "workforce_turnover", "workforce_target", "staff_role",
    "staff_group", "practice", "locality", "list_size", "reference_figure", "scenario", "plan_info",
    "pcn_workforce_fte", "practice_grouping", "population_weights", "weighted_population", NULL,
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  LP_VIEW_CLASS (klass)->refresh = lp_workforce_view_refresh;
  lp_view_class_set_tables (LP_VIEW_CLASS (klass), tables);
  object_class->dispose = lp_workforce_view_dispose;
  object_class->finalize = lp_workforce_view_finalize;
  g_type_ensure (LP_TYPE_CHART_VIEW);
  g_type_ensure (LP_TYPE_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lp-workforce-view.ui");
  BIND_CHILD (content_stack);
  BIND_CHILD (empty_page);
  BIND_CHILD (empty_buttons);
  BIND_CHILD (targets_list);
  BIND_CHILD (summary_label);
  BIND_CHILD (locality_dropdown);
  BIND_CHILD (group_dropdown);
  BIND_CHILD (role_dropdown);
  BIND_CHILD (basis_label);
  BIND_CHILD (rates_label);
  BIND_CHILD (targets_label);
  BIND_CHILD (note_label);
  BIND_CHILD (chart_title);
  BIND_CHILD (chart_view);
  BIND_CHILD (quarters_grid);
  BIND_CHILD (per_gp_label);
  BIND_CHILD (per_1000_label);
  BIND_CHILD (practices_title);
  BIND_CHILD (practices_view);
  BIND_CHILD (practice_rows);
  BIND_CHILD (error_label);
  BIND_CHILD (staff_title);
  BIND_CHILD (staff_summary);
  BIND_CHILD (staff_import_box);
  BIND_CHILD (staff_groups_grid);
  BIND_CHILD (staff_scroller);
  BIND_CHILD (staff_view);
  BIND_CHILD (staff_rows);
  BIND_CHILD (staff_note);
  gtk_widget_class_install_action (widget_class, "workforce.save-chart", NULL,
                                   lp_workforce_view_save_chart_activated);
  gtk_widget_class_install_action (widget_class, "workforce.export", NULL, lp_workforce_view_export_activated);
  gtk_widget_class_install_action (widget_class, "workforce.print", NULL, lp_workforce_view_print_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "workforce.print", NULL);
  gtk_widget_class_install_action (widget_class, "workforce.add-target", NULL, lp_workforce_view_add_target_activated);
  gtk_widget_class_install_action (widget_class, "workforce.edit-target", "x",
                                   lp_workforce_view_edit_target_activated);
  gtk_widget_class_install_action (widget_class, "workforce.delete-target", "x",
                                   lp_workforce_view_delete_target_activated);
  gtk_widget_class_install_action (widget_class, "workforce.enter-baseline", NULL,
                                   lp_workforce_view_enter_baseline_activated);
  gtk_widget_class_install_action (widget_class, "workforce.edit-rates", NULL,
                                   lp_workforce_view_edit_rates_activated);
  gtk_widget_class_install_action (widget_class, "workforce.edit-reference", NULL,
                                   lp_workforce_view_edit_reference_activated);
  gtk_widget_class_install_action (widget_class, "workforce.delete-reference", NULL,
                                   lp_workforce_view_delete_reference_activated);
  /* Ctrl+Shift+N adds to the view on screen, in every view. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "workforce.add-target", NULL);
}

static void
lp_workforce_view_init (LpWorkforceView *self)
{
  g_autoptr(GtkStringList) groups = gtk_string_list_new ((const char *[]) {
    _("All staff"), _("GPs"), _("Nurses"), _("Direct patient care"), _("Admin and non-clinical"), NULL });

  gtk_widget_init_template (GTK_WIDGET (self));
  lp_workforce_view_setup_tables (self);
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (groups));
  lp_workforce_view_fill_roles (self);
  lp_workforce_view_reset_localities (self);
  g_signal_connect (self, "notify::plan", G_CALLBACK (lp_workforce_view_plan_set), NULL);
  g_signal_connect_swapped (self->locality_dropdown, "notify::selected",
                            G_CALLBACK (lp_workforce_view_choice_changed), self);
  g_signal_connect_swapped (self->group_dropdown, "notify::selected",
                            G_CALLBACK (lp_workforce_view_group_changed), self);
  g_signal_connect_swapped (self->role_dropdown, "notify::selected",
                            G_CALLBACK (lp_workforce_view_choice_changed), self);
  lp_workforce_view_show_error (self, NULL);
  lp_workforce_view_show_status (self, _("No Plan Open"), NULL);
}

GtkWidget *
lp_workforce_view_new (void)
{
  return g_object_new (LP_TYPE_WORKFORCE_VIEW, NULL);
}
