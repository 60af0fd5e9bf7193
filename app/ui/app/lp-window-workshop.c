/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "win.prepare-workshop" and "win.merge-copies": handing out workshop
 * copies of the plan and bringing back what each changed.  Writing the
 * copies happens on a connection of its own while the window says so and
 * takes no edits; merging happens in the merge window, over this one. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-merge-window.h"
#include "lp-plan-chooser.h"
#include "lp-prepare-dialog.h"
#include "lp-window-private.h"
#include "lp-workshop-jobs.h"

static void
lp_window_workshop_prepared (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(LpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = lp_workshop_prepare_finish (result, &error);
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *toast = NULL;

  /* The window is going away: nothing to say it in. */
  if (g_cancellable_is_cancelled (self->workshop_cancellable))
    return;
  g_clear_object (&self->workshop_cancellable);
  lp_window_set_working (self, NULL);
  if (paths == NULL)
    {
      lp_window_show_error_dialog (GTK_WINDOW (self), _("Could Not Prepare the Workshop Copies"), error->message);
      return;
    }
  dir = g_path_get_dirname (g_ptr_array_index (paths, 0));
  folder = g_filename_display_basename (dir);
  toast = g_strdup_printf (ngettext ("Wrote %u workshop copy into “%s”", "Wrote %u workshop copies into “%s”",
                                     paths->len),
                           paths->len, folder);
  lp_window_toast (self, toast);
}

static void
lp_window_workshop_dialog_saved (LpPrepareDialog *dialog,
                                 gint64           id,
                                 LpWindow        *self)
{
  const char * const *names = lp_prepare_dialog_get_names (dialog);
  guint n_names = g_strv_length ((char **) names);
  g_autofree char *text = NULL;

  if (self->plan == NULL || lp_window_is_working (self))
    return;
  text = g_strdup_printf (ngettext ("Writing %u workshop copy…", "Writing %u workshop copies…", n_names), n_names);
  self->workshop_cancellable = g_cancellable_new ();
  lp_window_set_working (self, text);
  lp_workshop_prepare_async (lp_plan_get_path (self->plan), lp_prepare_dialog_get_folder (dialog), names,
                             self->workshop_cancellable, lp_window_workshop_prepared, g_object_ref (self));
}

static void
lp_window_prepare_workshop_activated (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  LpWindow *self = LP_WINDOW (widget);
  g_autofree char *folder = NULL;
  LpPrepareDialog *dialog;

  if (self->plan == NULL || lp_plan_is_read_only (self->plan) || lp_window_is_working (self))
    return;
  folder = g_path_get_dirname (lp_plan_get_path (self->plan));
  dialog = lp_prepare_dialog_new (self->plan, folder);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (lp_window_workshop_dialog_saved), self, 0);
  lp_edit_dialog_present (LP_EDIT_DIALOG (dialog), widget);
}

static void
lp_window_merge_chosen (GtkNativeDialog *chooser,
                        int              response,
                        LpWindow        *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->plan != NULL)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            g_strv_builder_add (builder, path);
        }
      paths = g_strv_builder_end (builder);
      if (paths[0] != NULL)
        lp_window_merge_copies (self, (const char * const *) paths);
    }
  g_object_unref (chooser);
}

/**
 * lp_window_merge_copies:
 * @paths: workshop copies of the window's plan
 *
 * Opens the merge window over this one, for the copies in this order.
 */
void
lp_window_merge_copies (LpWindow           *self,
                        const char * const *paths)
{
  g_return_if_fail (LP_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  if (self->plan == NULL || lp_plan_is_read_only (self->plan) || lp_window_is_working (self) || paths[0] == NULL)
    return;
  gtk_window_present (GTK_WINDOW (lp_merge_window_new (GTK_WINDOW (self), self->plan, paths)));
}

static void
lp_window_merge_copies_activated (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  LpWindow *self = LP_WINDOW (widget);
  g_autofree char *folder = NULL;
  GtkFileChooserNative *chooser;

  if (self->plan == NULL)
    return;
  folder = g_path_get_dirname (lp_plan_get_path (self->plan));
  chooser = lp_plan_chooser_new (GTK_WINDOW (self), LP_PLAN_CHOOSER_OPEN, NULL, folder);
  gtk_native_dialog_set_title (GTK_NATIVE_DIALOG (chooser), _("Merge Workshop Copies"));
  gtk_file_chooser_native_set_accept_label (chooser, _("_Merge"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (lp_window_merge_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
lp_window_class_install_workshop_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.prepare-workshop", NULL, lp_window_prepare_workshop_activated);
  gtk_widget_class_install_action (widget_class, "win.merge-copies", NULL, lp_window_merge_copies_activated);
}
