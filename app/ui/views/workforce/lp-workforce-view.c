/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Workforce view (see lp-workforce-view.h): pickers, reload and the
 * movements typed in place; lp-workforce-view-grids.c lays out the tables. */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lp-chart-save.h"
#include "lp-export-task.h"
#include "lp-locality-picker.h"
#include "lp-handout.h"
#include "lp-plan-watch.h"
#include "lp-print.h"
#include "lp-workforce-view-private.h"

G_DEFINE_FINAL_TYPE (LpWorkforceView, lp_workforce_view, LP_TYPE_VIEW)

/* The staff groups in the picker's order, after "All staff". */
static const char *const group_codes[] = { "GP", "NURSE", "DPC", "ADMIN" };

static GtkStack *
lp_workforce_view_stack (LpWorkforceView *self)
{
  return GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (self)));
}

static void
lp_workforce_view_forget (LpWorkforceView *self)
{
  if (self->has_text)
    lp_workforce_text_clear (&self->text);
  self->has_text = FALSE;
}

static void
lp_workforce_view_show_status (LpWorkforceView *self,
                               const char      *title,
                               const char      *description)
{
  lp_workforce_view_forget (self);
  lp_chart_view_set_chart (self->chart_view, NULL);
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (lp_workforce_view_stack (self), "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workforce.save-chart", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workforce.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workforce.print", FALSE);
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

static void
lp_workforce_view_query (LpWorkforceView  *self,
                         LpWorkforceQuery *query)
{
  *query = (LpWorkforceQuery) { lp_locality_picker_id (self->locality_dropdown, self->locality_ids), 0, 0,
                                lp_workforce_view_group (self), lp_workforce_view_role (self) };
}

/* "Lower Lea Valley, GPs" or "All localities, Salaried GP". */
static char *
lp_workforce_view_selection (LpWorkforceView *self)
{
  GtkStringObject *locality = gtk_drop_down_get_selected_item (self->locality_dropdown);
  GtkStringObject *staff = gtk_drop_down_get_selected_item (lp_workforce_view_role (self) != NULL
                                                            ? self->role_dropdown : self->group_dropdown);

  return g_strdup_printf ("%s, %s", locality != NULL ? gtk_string_object_get_string (locality) : "",
                          staff != NULL ? gtk_string_object_get_string (staff) : "");
}

/* Core counts on the main thread, which owns the plan's connection: the
 * sample's 545 records and 57 practices take a few milliseconds. */
static gboolean
lp_workforce_view_compute (LpWorkforceView  *self,
                           GError          **error)
{
  LpWorkforceQuery query;
  LpWorkforceRatios ratios;
  g_autoptr(LpWorkforceTable) table = NULL;
  g_autoptr(GPtrArray) practices = NULL;
  g_autofree char *selection = lp_workforce_view_selection (self);
  g_autofree char *reference_date = NULL;
  g_autofree char *rates_source = NULL;
  double reference = NAN;

  lp_workforce_view_query (self, &query);
  if ((table = lp_plan_workforce (self->plan, &query, error)) == NULL ||
      !lp_plan_workforce_ratios (self->plan, &query, &ratios, error))
    return FALSE;
  practices = lp_plan_workforce_practices (self->plan, &query,
                                           ((LpWorkforceQuarter *) g_ptr_array_index (table->quarters,
                                               MIN (1, table->quarters->len - 1)))->start, error);
  if (practices == NULL)
    return FALSE;
  if (!lp_plan_get_reference_figure (self->plan, "ENG_PATIENTS_PER_GP_FTE_2019", &reference, NULL,
                                     &reference_date))
    reference = NAN;
  rates_source = lp_plan_dup_info (self->plan, "workforce_rates_source");
  lp_workforce_text_build (table, &ratios, reference, reference_date, practices, selection, rates_source,
                           &self->text);
  self->has_text = TRUE;
  return TRUE;
}

static void
lp_workforce_view_reload (LpWorkforceView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;

  if (self->updating)
    return;
  lp_workforce_view_forget (self);
  if (self->plan == NULL)
    {
      lp_workforce_view_show_status (self, _("No Plan Open"), NULL);
      return;
    }
  if (!lp_workforce_view_compute (self, &error))
    {
      lp_workforce_view_show_status (self, _("No Workforce Figures"), error->message);
      return;
    }
  note = lp_plan_dup_info (self->plan, "workforce_note");
  gtk_label_set_label (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
  lp_workforce_view_show_text (self);
  gtk_stack_set_visible_child_name (lp_workforce_view_stack (self), "workforce");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workforce.save-chart", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workforce.export", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workforce.print", TRUE);
}

/* "All roles", then the group's roles; none to choose for all staff. */
static void
lp_workforce_view_fill_roles (LpWorkforceView *self)
{
  const char *group = lp_workforce_view_group (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) { _("All roles"), NULL });
  g_auto(GStrv) role_names = NULL;

  g_clear_pointer (&self->role_codes, g_strfreev);
  if (group != NULL && self->plan != NULL &&
      lp_plan_list_staff_roles (self->plan, group, &self->role_codes, &role_names, NULL))
    gtk_string_list_splice (names, 1, 0, (const char *const *) role_names);
  self->updating = TRUE;
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->role_dropdown, 0);
  self->updating = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->role_dropdown), group != NULL);
}

static void
lp_workforce_view_group_changed (LpWorkforceView *self)
{
  if (self->updating)
    return;
  lp_workforce_view_fill_roles (self);
  lp_workforce_view_reload (self);
}

static void
lp_workforce_view_plan_changed (LpWorkforceView *self,
                                const char      *table)
{
  self->updating = TRUE;
  lp_locality_picker_fill (self->locality_dropdown, self->locality_ids, self->plan);
  self->updating = FALSE;
  lp_workforce_view_reload (self);
}

/* The plan was set, or a table the view reads changed. */
static void
lp_workforce_view_refresh (LpView *view)
{
  LpWorkforceView *self = LP_WORKFORCE_VIEW (view);
  gboolean new_plan = self->plan != lp_view_get_plan (view);

  g_set_object (&self->plan, lp_view_get_plan (view));
  if (new_plan)
    lp_workforce_view_fill_roles (self);
  lp_workforce_view_plan_changed (self, NULL);
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
  return role == NULL;
}

/**
 * lp_workforce_view_save_movements:
 * @bad_field: (out) (optional): on a refusal, %LP_FIELD_JOINERS or
 *   %LP_FIELD_LEAVERS if the figure there is the reason, else %NULL
 *
 * Hands a practice's joiners and leavers, as typed, to core for the
 * quarter after the baseline and the role chosen; says why not if core
 * refuses.
 */
gboolean
lp_workforce_view_save_movements (LpWorkforceView  *self,
                                  const char       *ods_code,
                                  const char       *joiners,
                                  const char       *leavers,
                                  const char      **bad_field)
{
  const char *role = lp_workforce_view_role (self);
  g_autoptr(GError) error = NULL;

  if (bad_field != NULL)
    *bad_field = NULL;
  if (role == NULL || !self->has_text)
    {
      lp_workforce_view_show_error (self, _("Choose a role first: joiners and leavers are planned role by role."));
      return FALSE;
    }
  if (lp_plan_enter_workforce_change (self->plan, 0, lp_plan_find_practice (self->plan, ods_code), role,
                                      self->text.next_quarter, joiners, leavers, bad_field, &error))
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
 * quarter after the baseline, for the role chosen.
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

  return self->has_text ? &self->text : NULL;
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
  LpModelQuery query = { lp_locality_picker_id (self->locality_dropdown, self->locality_ids), 0, LP_PER_MONTH };

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
  LpHandout *handout;

  g_return_val_if_fail (LP_IS_WORKFORCE_VIEW (self), NULL);

  if (!self->has_text)
    return NULL;
  /* The rates and what the targets mean go with the figures they explain. */
  ratios = g_strjoin (". ", self->text.patients_per_gp, self->text.per_1000, self->text.rates, self->text.targets,
                      NULL);
  handout = lp_handout_new (self->text.chart->title, self->text.summary, ratios, self->text.chart, titles, widths);
  for (guint i = 0; i < self->text.quarters->len; i++)
    {
      const LpWorkforceTextQuarter *quarter = g_ptr_array_index (self->text.quarters, i);
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

  if (!self->has_text)
    return;
  operation = lp_handout_operation (lp_workforce_view_handout (self));
  lp_print_run_dialog (widget, operation);
}

static void
lp_workforce_view_dispose (GObject *object)
{
  LpWorkforceView *self = LP_WORKFORCE_VIEW (object);

  lp_plan_watch_clear (&self->plan, self);
  G_OBJECT_CLASS (lp_workforce_view_parent_class)->dispose (object);
}

static void
lp_workforce_view_finalize (GObject *object)
{
  LpWorkforceView *self = LP_WORKFORCE_VIEW (object);

  lp_workforce_view_forget (self);
  g_array_unref (self->locality_ids);
  g_strfreev (self->role_codes);
  G_OBJECT_CLASS (lp_workforce_view_parent_class)->finalize (object);
}

#define BIND_CHILD(name) \
  gtk_widget_class_bind_template_child (widget_class, LpWorkforceView, name)

static void
lp_workforce_view_class_init (LpWorkforceViewClass *klass)
{
  LP_VIEW_CLASS (klass)->refresh = lp_workforce_view_refresh;
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_workforce_view_dispose;
  object_class->finalize = lp_workforce_view_finalize;
  g_type_ensure (LP_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lp-workforce-view.ui");
  BIND_CHILD (empty_page);
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
  BIND_CHILD (practices_grid);
  BIND_CHILD (error_label);
  gtk_widget_class_install_action (widget_class, "workforce.save-chart", NULL,
                                   lp_workforce_view_save_chart_activated);
  gtk_widget_class_install_action (widget_class, "workforce.export", NULL, lp_workforce_view_export_activated);
  gtk_widget_class_install_action (widget_class, "workforce.print", NULL, lp_workforce_view_print_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "workforce.print", NULL);
}

static void
lp_workforce_view_init (LpWorkforceView *self)
{
  g_autoptr(GtkStringList) groups = gtk_string_list_new ((const char *[]) {
    _("All staff"), _("GPs"), _("Nurses"), _("Direct patient care"), _("Admin and non-clinical"), NULL });

  self->locality_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (groups));
  lp_workforce_view_fill_roles (self);
  g_signal_connect_swapped (self->locality_dropdown, "notify::selected",
                            G_CALLBACK (lp_workforce_view_reload), self);
  g_signal_connect_swapped (self->group_dropdown, "notify::selected",
                            G_CALLBACK (lp_workforce_view_group_changed), self);
  g_signal_connect_swapped (self->role_dropdown, "notify::selected", G_CALLBACK (lp_workforce_view_reload), self);
  lp_workforce_view_show_error (self, NULL);
  lp_workforce_view_reload (self);
}

GtkWidget *
lp_workforce_view_new (void)
{
  return g_object_new (LP_TYPE_WORKFORCE_VIEW, NULL);
}
