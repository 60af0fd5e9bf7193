/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Save Slides as PDF: the deck a workshop can take away or show from
 * another computer.  The slides are read and drawn on the plan's worker,
 * never on the main thread. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-cairo-file.h"
#include "lp-plan-reader.h"
#include "lp-slide-deck-pdf.h"
#include "lp-slide-draw.h"
#include "lp-window.h"

/* Every slide on a page of its own: lp_cairo_write_pdf ends the last. */
static void
lp_slide_deck_draw_pages (cairo_t  *cr,
                          double    width,
                          double    height,
                          gpointer  data)
{
  const LpSlideDeck *deck = data;

  for (guint i = 0; i < deck->slides->len; i++)
    {
      if (i > 0)
        cairo_show_page (cr);
      lp_slide_draw (deck, i, cr, width, height);
    }
}

gboolean
lp_slide_deck_write_pdf (const LpSlideDeck  *deck,
                         const char         *path,
                         GError            **error)
{
  g_return_val_if_fail (deck != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return lp_cairo_write_pdf (path, LP_SLIDE_PAGE_WIDTH, LP_SLIDE_PAGE_HEIGHT, lp_slide_deck_draw_pages,
                             (gpointer) deck, error);
}

typedef struct {
  LpSlideQuery  query;
  char         *path;
} LpSlideSave;

static void
lp_slide_save_free (LpSlideSave *save)
{
  g_free (save->path);
  g_free (save);
}

/* On the plan's worker: the deck, then its file; returns the path. */
static gpointer
lp_slide_deck_save_work (LpPlan        *reader,
                         gpointer       data,
                         GCancellable  *cancellable,
                         GError       **error)
{
  LpSlideSave *save = data;
  g_autoptr(LpSlideDeck) deck = lp_slide_deck_read (reader, &save->query, cancellable, error);

  if (deck == NULL || !lp_slide_deck_write_pdf (deck, save->path, error))
    return NULL;
  return g_strdup (save->path);
}

static void
lp_slide_deck_saved (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GtkWidget *widget = GTK_WIDGET (object);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = lp_plan_reader_run_finish (result, &error);
  g_autofree char *name = NULL;
  g_autofree char *toast = NULL;

  if (path == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Could Not Save the Slides"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  name = g_filename_display_basename (path);
  /* TRANSLATORS: a toast; %s is the file's name */
  toast = g_strdup_printf (_("Saved the slides as %s"), name);
  if (LP_IS_WINDOW (root))
    lp_window_toast (LP_WINDOW (root), toast);
  else if (GTK_IS_WINDOW (root) && LP_IS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (root))))
    lp_window_toast (LP_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (root))), toast);
}

static void
lp_slide_deck_save_response (GtkNativeDialog *chooser,
                             int              response,
                             GtkWidget       *widget)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  LpPlan *plan = g_object_get_data (G_OBJECT (chooser), "lp-plan");
  const LpSlideQuery *query = g_object_get_data (G_OBJECT (chooser), "lp-query");

  if (response == GTK_RESPONSE_ACCEPT && path != NULL && plan != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (path, -1);
      LpSlideSave *save = g_new0 (LpSlideSave, 1);

      save->query = *query;
      save->path = g_str_has_suffix (lower, ".pdf") ? g_strdup (path) : g_strconcat (path, ".pdf", NULL);
      lp_plan_reader_run_async (plan, widget, lp_slide_deck_save_work, save,
                                (GDestroyNotify) lp_slide_save_free, g_free, NULL,
                                lp_slide_deck_saved, NULL);
    }
  g_object_unref (chooser);
}

void
lp_slide_deck_save_pdf (GtkWidget          *widget,
                        LpPlan             *plan,
                        const LpSlideQuery *query)
{
  GtkRoot *root;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *plan_name = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (LP_IS_PLAN (plan));
  g_return_if_fail (query != NULL);

  root = gtk_widget_get_root (widget);
  /* A name is free text; "/" would make it a folder. */
  plan_name = g_strdelimit (lp_plan_dup_display_name (plan), "/\\", '-');
  /* TRANSLATORS: the file name offered for the slides; %s is the plan's name */
  suggested = g_strdup_printf (_("Slides - %s.pdf"), plan_name);
  chooser = gtk_file_chooser_native_new (_("Save Slides as PDF"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (pdf, _("PDF document (.pdf)"));
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_object_set_data_full (G_OBJECT (chooser), "lp-plan", g_object_ref (plan), g_object_unref);
  g_object_set_data_full (G_OBJECT (chooser), "lp-query", g_memdup2 (query, sizeof *query), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (lp_slide_deck_save_response), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
