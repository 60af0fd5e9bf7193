/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Extended Access view (see lp-access-view.h): pickers, reload and the
 * go-live edits; lp-access-view-grids.c lays the tables out. */
#include "config.h"

#include "lp-settings.h"

#include <glib/gi18n.h>

#include "lp-handout.h"
#include "lp-access-view-private.h"
#include "lp-chart-save.h"
#include "lp-export-task.h"
#include "lp-locality-picker.h"
#include "lp-plan-watch.h"
#include "lp-print.h"

G_DEFINE_FINAL_TYPE (LpAccessView, lp_access_view, LP_TYPE_VIEW)

static GtkStack *
lp_access_view_stack (LpAccessView *self)
{
  return GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (self)));
}

static void
lp_access_view_forget (LpAccessView *self)
{
  if (self->has_text)
    lp_access_text_clear (&self->text);
  self->has_text = FALSE;
  g_clear_pointer (&self->practices, g_ptr_array_unref);
}

static void
lp_access_view_show_status (LpAccessView *self,
                            const char   *title,
                            const char   *description)
{
  lp_access_view_forget (self);
  lp_chart_view_set_chart (self->chart_view, NULL);
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (lp_access_view_stack (self), "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.save-chart", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.print", FALSE);
}

static gint64
lp_access_view_locality_id (LpAccessView *self)
{
  return lp_locality_picker_id (self->locality_dropdown, self->locality_ids);
}

static const char *
lp_access_view_locality_name (LpAccessView *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->locality_dropdown);

  return item != NULL ? gtk_string_object_get_string (item) : _("All localities");
}

/* Core counts on the main thread, which owns the plan's connection: the
 * sample's 24 months, 57 practices and six localities take about a
 * millisecond. */
static gboolean
lp_access_view_compute (LpAccessView  *self,
                        GError       **error)
{
  LpAccessQuery query = { lp_access_view_locality_id (self), 0, NULL, NULL, self->partial_counts,
                          self->default_minutes };
  LpAccessQuery all = query;
  g_autoptr(LpAccessTable) table = lp_plan_access (self->plan, &query, error);
  g_autofree char *reference = NULL;
  g_autoptr(GPtrArray) capacity = NULL;
  const char *as_at;

  if (table == NULL || table->months->len == 0)
    return table != NULL;
  reference = lp_plan_dup_reference_date (self->plan, NULL);
  as_at = lp_access_text_as_at_month (table, reference);
  all.locality_id = 0;
  if ((capacity = lp_plan_access_capacity (self->plan, &all, as_at, error)) == NULL ||
      (self->practices = lp_plan_access_practices (self->plan, &query, as_at, error)) == NULL)
    return FALSE;
  lp_access_text_build (table, capacity, self->practices, lp_access_view_locality_name (self), as_at,
                        self->partial_counts, &self->text);
  self->has_text = TRUE;
  return TRUE;
}

static void
lp_access_view_reload (LpAccessView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;

  if (self->updating)
    return;
  lp_access_view_forget (self);
  if (self->plan == NULL)
    {
      lp_access_view_show_status (self, _("No Plan Open"), NULL);
      return;
    }
  if (!lp_access_view_compute (self, &error))
    {
      lp_access_view_show_status (self, _("Extended Access Cannot Be Shown"), error->message);
      return;
    }
  note = lp_plan_dup_info (self->plan, "access_note");
  gtk_label_set_label (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
  lp_access_view_show_text (self);
  gtk_stack_set_visible_child_name (lp_access_view_stack (self), "access");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.save-chart", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.export", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.print", TRUE);
}

static void
lp_access_view_fill_localities (LpAccessView *self)
{
  self->updating = TRUE;
  lp_locality_picker_fill (self->locality_dropdown, self->locality_ids, self->plan);
  self->updating = FALSE;
}

static void
lp_access_view_plan_changed (LpAccessView *self,
                             const char   *table)
{
  lp_access_view_fill_localities (self);
  lp_access_view_reload (self);
}

/* The plan was set, or a table the view reads changed. */
static void
lp_access_view_refresh (LpView *view)
{
  LpAccessView *self = LP_ACCESS_VIEW (view);

  g_set_object (&self->plan, lp_view_get_plan (view));
  lp_access_view_plan_changed (self, NULL);
}

void
lp_access_view_set_partial_counts (LpAccessView *self,
                                   gboolean      partial)
{
  g_return_if_fail (LP_IS_ACCESS_VIEW (self));

  if (self->partial_counts == !!partial)
    return;
  self->partial_counts = !!partial;
  lp_access_view_reload (self);
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
  lp_access_view_reload (self);
}

gboolean
lp_access_view_select_locality (LpAccessView *self,
                                const char   *name)
{
  g_return_val_if_fail (LP_IS_ACCESS_VIEW (self), FALSE);

  return lp_locality_picker_select (self->locality_dropdown, name);
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
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LP_IS_ACCESS_VIEW (self), FALSE);

  for (guint i = 0; self->practices != NULL && i < self->practices->len; i++)
    {
      const LpAccessPractice *practice = g_ptr_array_index (self->practices, i);

      if (g_strcmp0 (practice->ods_code, ods_code) != 0)
        continue;
      /* Core reads the date as typed ("01/11/2018"). */
      if (lp_plan_set_access_plan (self->plan, 0, practice->practice_id, typed,
                                   practice->level != NULL && g_strcmp0 (practice->level, "none") != 0
                                   ? practice->level : "full",
                                   practice->offered_minutes, &error))
        {
          lp_access_view_show_error (self, NULL);
          return TRUE;
        }
      lp_access_view_show_error (self, error->message);
      return FALSE;
    }
  return FALSE;
}

const LpAccessText *
lp_access_view_get_text (LpAccessView *self)
{
  g_return_val_if_fail (LP_IS_ACCESS_VIEW (self), NULL);

  return self->has_text ? &self->text : NULL;
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
  LpHandout *handout;

  g_return_val_if_fail (LP_IS_ACCESS_VIEW (self), NULL);

  if (!self->has_text)
    return NULL;
  handout = lp_handout_new (self->text.chart->title, self->text.summary, self->text.basis,
                                       self->text.chart, titles, widths);

  for (guint i = 0; i < self->text.months->len; i++)
    {
      const LpAccessTextMonth *month = g_ptr_array_index (self->text.months, i);
      const char *cells[] = { month->month, month->target, month->target_from, month->planned, month->actual,
                              month->gap, NULL };

      lp_handout_add_row (handout, cells, month->behind);
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

  if (!self->has_text)
    return;
  operation = lp_handout_operation (lp_access_view_handout (self));
  lp_print_run_dialog (widget, operation);
}

static void
lp_access_view_dispose (GObject *object)
{
  LpAccessView *self = LP_ACCESS_VIEW (object);

  lp_plan_watch_clear (&self->plan, self);
  G_OBJECT_CLASS (lp_access_view_parent_class)->dispose (object);
}

static void
lp_access_view_finalize (GObject *object)
{
  LpAccessView *self = LP_ACCESS_VIEW (object);

  lp_access_view_forget (self);
  g_array_unref (self->locality_ids);
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
  LP_VIEW_CLASS (klass)->refresh = lp_access_view_refresh;
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_access_view_dispose;
  object_class->finalize = lp_access_view_finalize;
  g_type_ensure (LP_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lp-access-view.ui");
  BIND_CHILD (empty_page);
  BIND_CHILD (summary_label);
  BIND_CHILD (locality_dropdown);
  BIND_CHILD (basis_label);
  BIND_CHILD (note_label);
  BIND_CHILD (chart_title);
  BIND_CHILD (chart_view);
  BIND_CHILD (months_grid);
  BIND_CHILD (as_at_label);
  BIND_CHILD (capacity_grid);
  BIND_CHILD (practices_grid);
  BIND_CHILD (error_label);
  gtk_widget_class_install_action (widget_class, "access.save-chart", NULL, lp_access_view_save_chart_activated);
  gtk_widget_class_install_action (widget_class, "access.export", NULL, lp_access_view_export_activated);
  gtk_widget_class_install_action (widget_class, "access.print", NULL, lp_access_view_print_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "access.print", NULL);
}

static void
lp_access_view_init (LpAccessView *self)
{
  static const char * const settings_keys[] = { LP_SETTINGS_ACCESS_PARTIAL, LP_SETTINGS_DEFAULT_CAPACITY, NULL };

  self->locality_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->locality_dropdown, "notify::selected", G_CALLBACK (lp_access_view_reload), self);
  lp_access_view_show_error (self, NULL);
  lp_access_view_reload (self);
  lp_settings_follow (self, settings_keys, lp_access_view_apply_settings);
}

GtkWidget *
lp_access_view_new (void)
{
  return g_object_new (LP_TYPE_ACCESS_VIEW, NULL);
}
