/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving a text report (the problems of a damaged plan, what a repair did)
 * where the user chooses: one file dialog and one error for every report. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-report-save.h"
#include "lp-window-private.h"

typedef struct {
  GtkWindow *parent;  /* weak: the dialog may outlive it */
  char      *text;
} LpReportSave;

static void
lp_report_save_free (gpointer data,
                     GClosure *closure)
{
  LpReportSave *save = data;

  g_clear_weak_pointer (&save->parent);
  g_free (save->text);
  g_free (save);
}

static void
lp_report_save_response (GtkNativeDialog *chooser,
                         int              response,
                         LpReportSave    *save)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;
      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Reports can only be saved to a folder on this computer"));
      else
        g_file_set_contents (path, save->text, -1, &error);
      if (error != NULL)
        lp_window_show_error_dialog (save->parent, _("Could Not Save the Report"), error->message);
    }
  g_object_unref (chooser);
}

/**
 * lp_report_save_ask:
 * @parent: the window the file dialog belongs to
 * @beside_path: a file; the dialog starts in its folder
 * @name: the report's file name to offer
 * @text: (transfer full): the report, written as it is when the user
 *   accepts
 *
 * Asks where to save a text report, and saves it there; a failure is
 * shown in a dialog over @parent.
 */
void
lp_report_save_ask (GtkWindow  *parent,
                    const char *beside_path,
                    const char *name,
                    char       *text)
{
  g_autofree char *folder = g_path_get_dirname (beside_path);
  g_autoptr(GFile) where = g_file_new_for_path (folder);
  LpReportSave *save = g_new0 (LpReportSave, 1);
  GtkFileChooserNative *chooser;

  g_set_weak_pointer (&save->parent, parent);
  save->text = text;
  chooser = gtk_file_chooser_native_new (_("Save Report"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), where, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_data (chooser, "response", G_CALLBACK (lp_report_save_response), save,
                         lp_report_save_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
