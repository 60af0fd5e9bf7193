/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A damaged plan in the window: the banner that says how many problems
 * its file has, Show Problems, Repair into a Copy… and, on the error page
 * of a file SQLite itself finds damaged, Recover into a Copy….
 *
 * The plan a damaged file is shown from is a copy the loader repaired
 * into a private folder and opened read-only (lp-plan-loader.c): the views
 * read data that keeps every rule and need know nothing of the damage.
 * This file keeps the damaged file's problems for the banner and removes
 * the copy when the window lets the plan go.  The damaged file itself is
 * only ever read. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-application.h"
#include "lp-plan-chooser.h"
#include "lp-problems-window.h"
#include "lp-report-save.h"
#include "lp-window-private.h"
#include "lp-window-text.h"

/**
 * lp_window_take_damage:
 * @load: the plan about to be shown; a damaged plan's problems and its
 *   copy's folder become the window's
 */
void
lp_window_take_damage (LpWindow   *self,
                       LpPlanLoad *load)
{
  g_autofree char *text = NULL;

  lp_window_forget_damage (self);
  if (load->damaged_path == NULL)
    return;
  self->problems = g_steal_pointer (&load->problems);
  self->damage_dir = g_steal_pointer (&load->temp_dir);
  text = lp_window_text_damage_banner (lp_problems_count_errors (self->problems));
  gtk_label_set_text (self->damage_label, text);
  gtk_revealer_set_reveal_child (self->damage_banner, TRUE);
}

/**
 * lp_window_forget_damage:
 *
 * Called once the window has let its plan go: the banner goes, and so
 * does a damaged plan's repaired copy.
 */
void
lp_window_forget_damage (LpWindow *self)
{
  gtk_revealer_set_reveal_child (self->damage_banner, FALSE);
  if (self->problems_window != NULL)
    gtk_window_destroy (self->problems_window);
  lp_window_drop_damage (self);
}

/**
 * lp_window_drop_damage:
 *
 * The part of lp_window_forget_damage() that touches no widget, for a
 * window being disposed: the problems go, and so does the repaired copy.
 */
void
lp_window_drop_damage (LpWindow *self)
{
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  lp_plan_load_remove_temp (self->damage_dir);
  g_clear_pointer (&self->damage_dir, g_free);
}

static void
lp_window_show_problems_activated (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LpWindow *self = LP_WINDOW (widget);

  if (self->problems == NULL || self->path == NULL)
    return;
  if (self->problems_window == NULL)
    g_set_weak_pointer (&self->problems_window,
                        GTK_WINDOW (lp_problems_window_new (GTK_WINDOW (self), self->path, self->problems)));
  gtk_window_present (self->problems_window);
}

/* The copy must be a new file: the damaged one is never written, and a
 * plan open in another window must not be pulled from under it. */
static gboolean
lp_window_check_copy_path (LpWindow   *self,
                           const char *source_path,
                           const char *dest_path,
                           const char *heading)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GFile) source = g_file_new_for_path (source_path);
  g_autoptr(GFile) dest = g_file_new_for_path (dest_path);
  g_autofree char *name = g_filename_display_basename (dest_path);
  g_autofree char *body = NULL;
  LpWindow *other = NULL;

  if (g_file_equal (source, dest))
    body = g_strdup_printf (_("The copy must be a new file: “%s” itself is never changed. "
                              "Choose another name for the copy."), name);
  else
    {
      if (LP_IS_APPLICATION (app))
        other = lp_application_find_window (LP_APPLICATION (app), dest_path);
      if (other != NULL)
        body = g_strdup_printf (_("“%s” is open in another window. Close it there first, "
                                  "or choose another name for the copy."), name);
    }
  if (body == NULL)
    return TRUE;
  lp_window_show_error_dialog (GTK_WINDOW (self), heading, body);
  return FALSE;
}

static void
lp_window_repair_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  LpWindow *self = LP_WINDOW (object);
  g_autoptr(LpPlanLoad) load = NULL;
  g_autoptr(GError) error = NULL;

  load = lp_plan_repair_finish (result, &error);
  /* Cancelled only when the window went away: touch nothing. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->repair_cancellable);
  lp_window_set_working (self, NULL);
  if (load == NULL)
    {
      lp_window_show_error_dialog (GTK_WINDOW (self), _("Could Not Repair the Plan"), error->message);
      return;
    }
  lp_window_show_repaired (self, load);
}

/**
 * lp_window_repair_copy:
 * @dest_path: where the repaired copy goes; a file there is replaced
 *
 * Repairs the damaged plan shown into @dest_path on a worker thread (the
 * damaged file is only read), then goes on with the copy, which can be
 * changed; a toast says what the repair did.
 */
void
lp_window_repair_copy (LpWindow   *self,
                       const char *dest_path)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (LP_IS_WINDOW (self));
  g_return_if_fail (dest_path != NULL);

  if (self->problems == NULL || self->path == NULL || self->repair_cancellable != NULL)
    return;
  if (!lp_window_check_copy_path (self, self->path, dest_path, _("Could Not Repair the Plan")))
    return;
  name = g_filename_display_basename (dest_path);
  /* Translators: said while the repair runs; %s is the copy's file name */
  text = g_strdup_printf (_("Repairing into “%s”…"), name);
  self->repair_cancellable = g_cancellable_new ();
  lp_window_set_working (self, text);
  lp_plan_repair_async (self, self->path, dest_path, self->repair_cancellable, lp_window_repair_cb, NULL);
}

static void
lp_window_copy_response (GtkNativeDialog *chooser,
                         int              response,
                         LpWindow        *self)
{
  gboolean recover = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "lp-recover"));
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      path = lp_plan_chooser_get_path (GTK_FILE_CHOOSER_NATIVE (chooser));
      if (path == NULL)
        lp_window_show_error_dialog (GTK_WINDOW (self),
                                     recover ? _("Could Not Recover the Plan") : _("Could Not Repair the Plan"),
                                     _("Plans can only be saved to a folder on this computer"));
      else if (recover)
        lp_window_recover_copy (self, self->path, path);
      else
        lp_window_repair_copy (self, path);
    }
  g_object_unref (chooser);
}

/* The copy is offered beside the damaged file, named after it. */
static void
lp_window_choose_copy (LpWindow *self,
                       gboolean  recover)
{
  g_autofree char *name = lp_window_text_repaired_name (self->path, recover);
  g_autofree char *folder = g_path_get_dirname (self->path);
  GtkFileChooserNative *chooser;

  chooser = lp_plan_chooser_new (GTK_WINDOW (self),
                                 recover ? LP_PLAN_CHOOSER_RECOVER_COPY : LP_PLAN_CHOOSER_REPAIR_COPY,
                                 name, folder);
  g_object_set_data (G_OBJECT (chooser), "lp-recover", GINT_TO_POINTER (recover));
  g_signal_connect_object (chooser, "response", G_CALLBACK (lp_window_copy_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
lp_window_repair_copy_activated (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LpWindow *self = LP_WINDOW (widget);

  if (self->problems != NULL && self->path != NULL && self->repair_cancellable == NULL)
    lp_window_choose_copy (self, FALSE);
}

static void
lp_window_recover_copy_activated (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  LpWindow *self = LP_WINDOW (widget);

  if (self->error_recoverable && self->path != NULL)
    lp_window_choose_copy (self, TRUE);
}

/**
 * lp_window_save_repair_report:
 * @dest_path: the text file to write; a file there is replaced
 *
 * Saves the report of the repair that made the plan shown.
 */
gboolean
lp_window_save_repair_report (LpWindow    *self,
                              const char  *dest_path,
                              GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (LP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (self->repair_report == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This plan was not made by a repair"));
      return FALSE;
    }
  text = lp_repair_report_to_text (self->repair_report);
  return g_file_set_contents (dest_path, text, -1, error);
}

static void
lp_window_save_repair_report_activated (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  LpWindow *self = LP_WINDOW (widget);
  g_autofree char *name = NULL;

  if (self->repair_report == NULL || self->repair_report->copy_path == NULL)
    return;
  name = lp_window_text_report_name (self->repair_report->copy_path, TRUE);
  lp_report_save_ask (GTK_WINDOW (self), self->repair_report->copy_path, name,
                      lp_repair_report_to_text (self->repair_report));
}

/* Folded (a narrow window), the banner's words go above its buttons, so
 * that neither is squeezed. */
static void
lp_window_damage_folded (LpWindow   *self,
                         GParamSpec *pspec,
                         AdwLeaflet *leaflet)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->damage_box),
                                  adw_leaflet_get_folded (leaflet) ? GTK_ORIENTATION_VERTICAL
                                                                   : GTK_ORIENTATION_HORIZONTAL);
}

void
lp_window_setup_damage (LpWindow *self)
{
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (lp_window_damage_folded), self,
                           G_CONNECT_SWAPPED);
  lp_window_damage_folded (self, NULL, self->leaflet);
}

void
lp_window_class_install_damage_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, lp_window_show_problems_activated);
  gtk_widget_class_install_action (widget_class, "win.repair-copy", NULL, lp_window_repair_copy_activated);
  gtk_widget_class_install_action (widget_class, "win.recover-copy", NULL, lp_window_recover_copy_activated);
  gtk_widget_class_install_action (widget_class, "win.save-repair-report", NULL,
                                   lp_window_save_repair_report_activated);
}

/**
 * lp_window_get_problems:
 *
 * Returns: (transfer none) (nullable) (element-type LpProblem): what check
 *   finds in the damaged plan shown, or %NULL for a sound plan
 */
GPtrArray *
lp_window_get_problems (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  return self->problems;
}

/**
 * lp_window_get_banner_text:
 *
 * Returns: (nullable): the damaged plan's banner as shown, or %NULL when
 *   it is hidden
 */
const char *
lp_window_get_banner_text (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->damage_banner))
    return NULL;
  return gtk_label_get_text (self->damage_label);
}

GtkWindow *
lp_window_get_problems_window (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  return self->problems_window;
}
