/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving a chart from a view (see lp-chart-save.h). */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lp-chart-save.h"
#include "lp-window.h"

/* Wide enough for six localities' names and two panels; a PDF of this
 * many points fits a landscape A4 page. */
#define LP_CHART_FILE_WIDTH 760.0

typedef struct {
  LpChart *chart;
  char    *path;
} LpChartJob;

static void
lp_chart_job_free (LpChartJob *job)
{
  lp_chart_free (job->chart);
  g_free (job->path);
  g_free (job);
}

static void
lp_chart_save_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  LpChartJob *job = task_data;
  GError *error = NULL;

  if (!lp_chart_write (job->chart, job->path, LP_CHART_FILE_WIDTH, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
lp_chart_save_done (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (object));
  LpChartJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (job->path);
  g_autofree char *text = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Could Not Save the Chart"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  /* TRANSLATORS: a toast; %s is the file's name, "chart.pdf" */
  text = g_strdup_printf (_("Saved the chart as %s"), name);
  if (LP_IS_WINDOW (root))
    lp_window_toast (LP_WINDOW (root), text);
}

char *
lp_chart_save_with_suffix (const char *path,
                           gboolean    pdf)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png") || g_str_has_suffix (lower, ".pdf"))
    return g_strdup (path);
  return g_strconcat (path, pdf ? ".pdf" : ".png", NULL);
}

static void
lp_chart_save_response (GtkNativeDialog *chooser,
                        int              response,
                        GtkWidget       *widget)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  LpChart *chart = g_object_get_data (G_OBJECT (chooser), "lp-chart");
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autoptr(GTask) task = NULL;
  LpChartJob *job;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    {
      job = g_new0 (LpChartJob, 1);
      job->chart = lp_chart_copy (chart);
      job->path = lp_chart_save_with_suffix (path, filter != NULL &&
          g_strcmp0 (g_object_get_data (G_OBJECT (filter), "lp-suffix"), "pdf") == 0);
      task = g_task_new (widget, NULL, lp_chart_save_done, NULL);
      g_task_set_task_data (task, job, (GDestroyNotify) lp_chart_job_free);
      g_task_run_in_thread (task, lp_chart_save_thread);
    }
  g_object_unref (chooser);
}

static void
lp_chart_save_add_filter (GtkFileChooser *chooser,
                          const char     *name,
                          const char     *suffix)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, suffix);
  g_object_set_data (G_OBJECT (filter), "lp-suffix", (gpointer) suffix);
  gtk_file_chooser_add_filter (chooser, filter);
}

void
lp_chart_save_run (GtkWidget     *widget,
                   const LpChart *chart,
                   const char    *suggested_name)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  if (chart == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  lp_chart_save_add_filter (GTK_FILE_CHOOSER (chooser), _("PNG image (.png)"), "png");
  lp_chart_save_add_filter (GTK_FILE_CHOOSER (chooser), _("PDF document (.pdf)"), "pdf");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_object_set_data_full (G_OBJECT (chooser), "lp-chart", lp_chart_copy (chart),
                          (GDestroyNotify) lp_chart_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (lp_chart_save_response), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
