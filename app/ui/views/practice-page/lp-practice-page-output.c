/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing the Practice Page and saving it as PDF (see
 * lp-practice-page-output.h). */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lp-practice-page-output.h"
#include "lp-print.h"
#include "lp-window.h"

static void
lp_practice_page_draw_page (GtkPrintOperation *operation,
                            GtkPrintContext   *context,
                            int                page,
                            LpPracticeText    *text)
{
  lp_practice_page_draw (text, gtk_print_context_get_cairo_context (context),
                         gtk_print_context_get_width (context),
                         gtk_print_context_get_height (context));
}

GtkPrintOperation *
lp_practice_page_print_operation (const LpPracticeText *text)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  LpPracticeText *copy = lp_practice_text_dup (text);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  /* Points, as lp_practice_page_draw() lays the page out, on the whole
   * sheet: the page keeps its own margins, as in the PDF. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, text->title);
  g_object_set_data_full (G_OBJECT (operation), "lp-text", copy, (GDestroyNotify) lp_practice_text_free);
  g_signal_connect (operation, "draw-page", G_CALLBACK (lp_practice_page_draw_page), copy);
  return operation;
}

static void
lp_practice_page_show_error (GtkWidget  *widget,
                             const char *heading,
                             const char *body)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
lp_practice_page_print (GtkWidget            *widget,
                        const LpPracticeText *text)
{
  g_autoptr(GtkPrintOperation) operation = lp_practice_page_print_operation (text);

  lp_print_run_dialog (widget, operation);
}

char *
lp_practice_page_suggested_name (const LpPracticeText *text)
{
  /* A name is free text; "/" would make it a folder. */
  g_autofree char *name = g_strdelimit (g_strdup (text->title), "/\\", '-');

  /* TRANSLATORS: the file name offered for a practice's page */
  return g_strdup_printf (_("Practice page - %s.pdf"), name);
}

static void
lp_practice_page_save_thread (GTask        *task,
                              gpointer      source_object,
                              gpointer      task_data,
                              GCancellable *cancellable)
{
  const char *path = g_object_get_data (G_OBJECT (task), "lp-path");
  GError *error = NULL;

  if (!lp_practice_page_write_pdf (task_data, path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
lp_practice_page_saved (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  GtkWidget *widget = GTK_WIDGET (object);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *path = g_object_get_data (G_OBJECT (result), "lp-path");
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *toast = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      lp_practice_page_show_error (widget, _("Could Not Save the Page"), error->message);
      return;
    }
  /* TRANSLATORS: a toast; %s is the file's name */
  toast = g_strdup_printf (_("Saved the page as %s"), name);
  if (LP_IS_WINDOW (root))
    lp_window_toast (LP_WINDOW (root), toast);
}

static void
lp_practice_page_save_response (GtkNativeDialog *chooser,
                                int              response,
                                GtkWidget       *widget)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  LpPracticeText *text = g_object_get_data (G_OBJECT (chooser), "lp-text");
  g_autoptr(GTask) task = NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (path, -1);

      task = g_task_new (widget, NULL, lp_practice_page_saved, NULL);
      g_object_set_data_full (G_OBJECT (task), "lp-path",
                              g_str_has_suffix (lower, ".pdf") ? g_strdup (path) : g_strconcat (path, ".pdf", NULL),
                              g_free);
      g_task_set_task_data (task, lp_practice_text_dup (text), (GDestroyNotify) lp_practice_text_free);
      g_task_run_in_thread (task, lp_practice_page_save_thread);
    }
  g_object_unref (chooser);
}

void
lp_practice_page_save_pdf (GtkWidget            *widget,
                           const LpPracticeText *text)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *suggested = lp_practice_page_suggested_name (text);
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Practice Page as PDF"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (pdf, _("PDF document (.pdf)"));
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_object_set_data_full (G_OBJECT (chooser), "lp-text", lp_practice_text_dup (text),
                          (GDestroyNotify) lp_practice_text_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (lp_practice_page_save_response), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
