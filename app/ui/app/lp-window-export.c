/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Export from the window: the save dialog, a worker thread, and a toast or
 * an error dialog at the end.  "win.export" takes what to export by name
 * (a view, a table or "all"); "win.export-view" a view's table for the
 * locality, scenario and period on screen. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-export-task.h"
#include "lp-window-private.h"

static void
lp_window_export_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  LpWindow *self = LP_WINDOW (object);
  g_auto(GStrv) job = user_data;   /* name, path */
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* Cancelled only when the window went away: touch nothing. */
  if (!lp_export_task_run_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->export_cancellable);
  lp_window_update_actions (self);
  if (error != NULL)
    {
      lp_window_show_error_dialog (GTK_WINDOW (self), _("Could Not Export"), error->message);
      return;
    }
  text = lp_export_task_done_text (job[0], job[1]);
  lp_window_toast (self, text);
}

/**
 * lp_window_export_query:
 * @name: a view ("practices", "modelling"), a table ("list_size") or "all"
 * @query: (nullable): the locality, scenario and period of a modelling or
 *   activity table; NULL: all localities, the base scenario, per month
 * @dest_path: a .csv or .xlsx file; one there is replaced
 *
 * Exports on a worker thread with its own read-only connection, then says
 * so in a toast, or why not in a dialog.
 */
void
lp_window_export_query (LpWindow           *self,
                        const char         *name,
                        const LpModelQuery *query,
                        const char         *dest_path,
                        LpExportFlags       flags)
{
  const char *job[] = { name, dest_path, NULL };

  g_return_if_fail (LP_IS_WINDOW (self));
  g_return_if_fail (name != NULL && dest_path != NULL);

  if (self->plan == NULL || self->export_cancellable != NULL)
    return;
  self->export_cancellable = g_cancellable_new ();
  lp_window_update_actions (self);
  lp_export_task_run_async (self, lp_plan_get_path (self->plan), name, query, dest_path, flags,
                            self->export_cancellable, lp_window_export_cb,
                            g_strdupv ((char **) job));
}

/**
 * lp_window_export:
 *
 * lp_window_export_query() with no query: all localities, the base
 * scenario, per month.
 */
void
lp_window_export (LpWindow      *self,
                  const char    *name,
                  const char    *dest_path,
                  LpExportFlags  flags)
{
  lp_window_export_query (self, name, NULL, dest_path, flags);
}

/* Known by its name: through the desktop portal, the filter chosen comes
 * back as a new object with the same name. */
static const char *lp_window_csv_filter_name = N_("CSV (.csv)");

static void
lp_window_export_response (GtkNativeDialog *chooser,
                           int              response,
                           LpWindow        *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  const char *for_excel = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "for-excel");
  const char *name = g_object_get_data (G_OBJECT (chooser), "lp-export-name");
  const LpModelQuery *query = g_object_get_data (G_OBJECT (chooser), "lp-export-query");
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autofree char *dest = NULL;

  if (response == GTK_RESPONSE_ACCEPT && path == NULL)
    lp_window_show_error_dialog (GTK_WINDOW (self), _("Could Not Export"),
                                 _("Exports can only be saved to a folder on this computer"));
  else if (response == GTK_RESPONSE_ACCEPT)
    {
      /* The core takes the format from the suffix; the filter chosen
       * supplies one when the name typed has none. */
      dest = lp_export_task_with_suffix (path, filter != NULL &&
                                         g_strcmp0 (gtk_file_filter_get_name (filter),
                                                    _(lp_window_csv_filter_name)) == 0);
      lp_window_export_query (self, name, query, dest, g_strcmp0 (for_excel, "true") == 0
                              ? LP_EXPORT_FOR_EXCEL : LP_EXPORT_DEFAULT);
    }
  g_object_unref (chooser);
}

static void
lp_window_export_add_filters (GtkFileChooser *chooser,
                              gboolean        with_csv)
{
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  gtk_file_filter_set_name (xlsx, _("Excel workbook (.xlsx)"));
  gtk_file_filter_add_suffix (xlsx, "xlsx");
  gtk_file_chooser_add_filter (chooser, xlsx);
  if (!with_csv)
    return;
  gtk_file_filter_set_name (csv, _(lp_window_csv_filter_name));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (chooser, csv);
  /* Excel reads a CSV as UTF-8 only when it starts with a byte order mark. */
  gtk_file_chooser_add_choice (chooser, "for-excel", _("Mark CSV files as UTF-8 for Excel"),
                               NULL, NULL);
  gtk_file_chooser_set_choice (chooser, "for-excel", "true");
}

/* @query, if given, is copied into the dialog for its answer. */
static void
lp_window_export_choose (LpWindow           *self,
                         const char         *name,
                         const LpModelQuery *query)
{
  g_autofree char *title = lp_export_task_title (name);
  g_autofree char *plan_name = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;

  if (self->plan == NULL)
    return;
  plan_name = lp_plan_dup_display_name (self->plan);
  suggested = lp_export_task_suggested_name (name, plan_name, FALSE);
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Every table at once fits only a workbook, one sheet each. */
  lp_window_export_add_filters (GTK_FILE_CHOOSER (chooser), g_strcmp0 (name, LP_EXPORT_ALL) != 0);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_object_set_data_full (G_OBJECT (chooser), "lp-export-name", g_strdup (name), g_free);
  if (query != NULL)
    g_object_set_data_full (G_OBJECT (chooser), "lp-export-query",
                            g_memdup2 (query, sizeof *query), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (lp_window_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
lp_window_export_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  lp_window_export_choose (LP_WINDOW (widget), g_variant_get_string (parameter, NULL), NULL);
}

static void
lp_window_export_view_activated (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LpModelQuery query = { 0 };
  const char *name;
  guint32 per;

  /* The variant's format, with & to borrow the name. */
#define LP_EXPORT_VIEW_PARAMETER_FORMAT "(&sxxubbu)"

  g_variant_get (parameter, LP_EXPORT_VIEW_PARAMETER_FORMAT, &name, &query.locality_id,
                 &query.scenario_id, &per, &query.weeks_365_7, &query.access_partial,
                 &query.access_default_minutes);
  query.per = per <= LP_PER_WEEK ? (LpPer) per : LP_PER_MONTH;
  lp_window_export_choose (LP_WINDOW (widget), name, &query);
}

void
lp_window_class_install_export_actions (GtkWidgetClass *widget_class)
{
  /* The parameter names what to export: a view, a table or "all". */
  gtk_widget_class_install_action (widget_class, "win.export", "s", lp_window_export_activated);
  /* A view's table as on screen: name, locality, scenario, period, 365/7. */
  gtk_widget_class_install_action (widget_class, "win.export-view", LP_EXPORT_VIEW_PARAMETER_TYPE,
                                   lp_window_export_view_activated);
}
