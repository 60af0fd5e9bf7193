/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing from a view (see lp-print.h). */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lp-print.h"

static void
lp_print_show_error (GtkWidget  *widget,
                     const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Could Not Print"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lp_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWidget               *widget)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  lp_print_show_error (widget, error != NULL ? error->message : NULL);
}

void
lp_print_run_dialog (GtkWidget         *widget,
                     GtkPrintOperation *operation)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (lp_print_done), widget, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    lp_print_show_error (widget, error->message);
}
