/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the window's header bar, menu and shortcuts do: undo and redo,
 * search, switching views, Save As, import (also by dropping a file on
 * the window), export and presenting.  One function, lp_window_update_actions(),
 * decides which of them can be used. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-application.h"
#include "lp-import-dialog.h"
#include "lp-modelling-view.h"
#include "lp-plan-chooser.h"
#include "lp-plan-loader.h"
#include "lp-presentation-window.h"
#include "lp-settings.h"
#include "lp-slide-deck-pdf.h"
#include "lp-window-private.h"
#include "lp-window-text.h"

/* Only into a plan that can change, and not while it is being opened
 * again: the import would go to a connection about to be let go. */
static gboolean
lp_window_can_import (LpWindow *self)
{
  return self->plan != NULL && !lp_plan_is_read_only (self->plan) && self->cancellable == NULL &&
         !lp_window_is_working (self);
}

/**
 * lp_window_update_actions:
 *
 * Enables each action only when it can do something now.
 */
void
lp_window_update_actions (LpWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_plan = self->plan != NULL;
  LpView *view = lp_window_get_shown_view (self);
  gboolean restoring = lp_window_is_working (self);

  gtk_widget_action_set_enabled (widget, "win.undo", has_plan && !restoring && lp_plan_can_undo (self->plan));
  gtk_widget_action_set_enabled (widget, "win.redo", has_plan && !restoring && lp_plan_can_redo (self->plan));
  gtk_widget_action_set_enabled (widget, "win.search", has_plan && view != NULL && lp_view_can_search (view));
  gtk_widget_action_set_enabled (widget, "win.show-view", has_plan);
  gtk_widget_action_set_enabled (widget, "win.save-as",
                                 has_plan && self->save_cancellable == NULL);
  gtk_widget_action_set_enabled (widget, "win.import", lp_window_can_import (self));
  gtk_widget_action_set_enabled (widget, "win.plan-settings", lp_window_can_import (self));
  gtk_widget_action_set_enabled (widget, "win.export",
                                 has_plan && self->export_cancellable == NULL);
  gtk_widget_action_set_enabled (widget, "win.present", has_plan);
  gtk_widget_action_set_enabled (widget, "win.save-slides", has_plan);
  gtk_widget_action_set_enabled (widget, "win.prepare-workshop", lp_window_can_import (self));
  gtk_widget_action_set_enabled (widget, "win.merge-copies", lp_window_can_import (self));
  gtk_widget_action_set_enabled (widget, "win.show-problems", has_plan && self->problems != NULL);
  gtk_widget_action_set_enabled (widget, "win.repair-copy",
                                 has_plan && self->problems != NULL && self->repair_cancellable == NULL);
  gtk_widget_action_set_enabled (widget, "win.recover-copy", self->error_recoverable && self->cancellable == NULL);
  gtk_widget_action_set_enabled (widget, "win.save-repair-report", has_plan && self->repair_report != NULL);
}

/* The buttons say what they would undo or redo ("Undo: Delete practice
 * X06K01"), so nobody has to guess before pressing. */
void
lp_window_update_history (LpWindow *self)
{
  const char *undo_label = self->plan ? lp_plan_get_undo_label (self->plan) : NULL;
  const char *redo_label = self->plan ? lp_plan_get_redo_label (self->plan) : NULL;
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;

  /* Translators: a tooltip; %s says what the step did, "Delete practice X06K01" */
  undo = undo_label ? g_strdup_printf (_("Undo: %s"), undo_label) : g_strdup (_("Undo"));
  /* Translators: a tooltip; %s says what the step did, "Delete practice X06K01" */
  redo = redo_label ? g_strdup_printf (_("Redo: %s"), redo_label) : g_strdup (_("Redo"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo);
  lp_window_update_actions (self);
}

/* A toast's title is Pango markup in libadwaita 1.2: a plan or file name
 * with "&" in it must not break it. */
void
lp_window_toast (LpWindow   *self,
                 const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

void
lp_window_show_error_dialog (GtkWindow  *parent,
                             const char *heading,
                             const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lp_window_history_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  LpWindow *self = LP_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (self->plan == NULL || lp_window_is_working (self))
    return;
  /* Putting back a copy of the plan (a large import's step) takes a
   * while: on a worker, the window saying so. */
  if (g_str_equal (action_name, "win.undo") ? lp_plan_next_undo_is_copy (self->plan)
                                            : lp_plan_next_redo_is_copy (self->plan))
    {
      lp_window_move_history_async (self, g_str_equal (action_name, "win.undo"));
      return;
    }
  if (g_str_equal (action_name, "win.undo"))
    done = lp_plan_undo (self->plan, &error);
  else
    done = lp_plan_redo (self->plan, &error);
  /* The plan is as it was before the attempt; say why, and carry on. */
  if (!done)
    lp_window_toast (self, error->message);
}

static void
lp_window_search_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  LpView *view = lp_window_get_shown_view (LP_WINDOW (widget));

  if (view != NULL)
    lp_view_start_search (view);
}

/**
 * lp_window_show_view:
 * @view: a view's name, as its template gives it: "overview",
 *   "localities", "practices", …
 *
 * Shows the view, marks it in the sidebar and, when the window is folded,
 * goes from the sidebar to it.
 */
void
lp_window_show_view (LpWindow   *self,
                     const char *view)
{
  g_return_if_fail (LP_IS_WINDOW (self));
  g_return_if_fail (view != NULL);

  if (gtk_stack_get_child_by_name (self->view_stack, view) == NULL)
    {
      g_warning ("No view called “%s”", view);
      return;
    }
  gtk_stack_set_visible_child_name (self->view_stack, view);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
lp_window_show_view_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  lp_window_show_view (LP_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
lp_window_save_as_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  LpWindow *self = LP_WINDOW (object);
  g_autofree char *dest_path = user_data;
  g_autofree char *name = NULL;
  g_autofree char *toast = NULL;
  g_autoptr(GError) error = NULL;

  /* Cancelled only when the window went away: touch nothing. */
  if (!lp_plan_copy_finish (result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->save_cancellable);
  lp_window_update_actions (self);
  if (error != NULL)
    {
      lp_window_show_error_dialog (GTK_WINDOW (self), _("Could Not Save a Copy"), error->message);
      return;
    }
  /* As in other GNOME apps, the window goes on with the copy: later edits
   * go to it, and the file saved from is left as it was. */
  name = g_filename_display_basename (dest_path);
  toast = g_strdup_printf (_("Saved a copy as %s"), name);
  lp_window_toast (self, toast);
  lp_window_open (self, dest_path, LP_PLAN_OPEN_DEFAULT);
}

/* Replacing a file that another window has open would pull it from under
 * that window's connection; its edits would go to a file nobody sees. */
static gboolean
lp_window_check_not_open_elsewhere (LpWindow   *self,
                                    const char *dest_path)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  LpWindow *other = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  if (LP_IS_APPLICATION (app))
    other = lp_application_find_window (LP_APPLICATION (app), dest_path);
  if (other == NULL || other == self)
    return TRUE;
  name = g_filename_display_basename (dest_path);
  body = g_strdup_printf (_("“%s” is open in another window. Close it there first, "
                            "or choose another name for the copy."), name);
  lp_window_show_error_dialog (GTK_WINDOW (self), _("Could Not Save a Copy"), body);
  return FALSE;
}

/**
 * lp_window_save_as:
 * @dest_path: where the copy goes; a file there is replaced
 *
 * Writes a complete copy of the open plan on a worker thread, then shows
 * the copy in this window, or a dialog saying why it could not be made.
 */
void
lp_window_save_as (LpWindow   *self,
                   const char *dest_path)
{
  g_return_if_fail (LP_IS_WINDOW (self));
  g_return_if_fail (dest_path != NULL);

  if (self->plan == NULL || self->save_cancellable != NULL)
    return;
  if (!lp_window_check_not_open_elsewhere (self, dest_path))
    return;
  self->save_cancellable = g_cancellable_new ();
  lp_window_update_actions (self);
  lp_plan_copy_async (self, lp_plan_get_path (self->plan), dest_path, self->save_cancellable,
                      lp_window_save_as_cb, g_strdup (dest_path));
}

static void
lp_window_save_as_response (GtkNativeDialog *chooser,
                            int              response,
                            LpWindow        *self)
{
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      path = lp_plan_chooser_get_path (GTK_FILE_CHOOSER_NATIVE (chooser));
      if (path != NULL)
        lp_window_save_as (self, path);
      else
        lp_window_show_error_dialog (GTK_WINDOW (self), _("Could Not Save a Copy"),
                                     _("Plans can only be saved to a folder on this computer"));
    }
  g_object_unref (chooser);
}

static void
lp_window_save_as_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  LpWindow *self = LP_WINDOW (widget);
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  GtkFileChooserNative *chooser;

  if (self->plan == NULL)
    return;
  /* The plan shown is a repaired copy kept out of sight: a copy of it is
   * what Repair into a Copy… writes, beside the damaged file. */
  if (self->problems != NULL)
    {
      gtk_widget_activate_action (widget, "win.repair-copy", NULL);
      return;
    }
  name = lp_window_text_copy_name (lp_plan_get_path (self->plan));
  folder = g_path_get_dirname (lp_plan_get_path (self->plan));
  chooser = lp_plan_chooser_new (GTK_WINDOW (self), LP_PLAN_CHOOSER_SAVE_COPY, name, folder);
  g_signal_connect_object (chooser, "response", G_CALLBACK (lp_window_save_as_response),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * lp_window_import:
 * @file: (nullable): the file to import; %NULL lets the user choose one
 *
 * Opens the import dialog over the window.  It imports on a worker
 * thread and, when done, has the window open the plan again.
 */
void
lp_window_import (LpWindow *self,
                  GFile    *file)
{
  g_return_if_fail (LP_IS_WINDOW (self));

  if (!lp_window_can_import (self))
    return;
  /* One import at a time: a file dropped meanwhile goes to the dialog
   * open already, which takes it only before it has begun importing. */
  if (self->import_dialog != NULL)
    {
      if (file != NULL)
        lp_import_dialog_set_file (LP_IMPORT_DIALOG (self->import_dialog), file);
      gtk_window_present (self->import_dialog);
      return;
    }
  g_set_weak_pointer (&self->import_dialog, GTK_WINDOW (lp_import_dialog_new (self, file)));
  gtk_window_present (self->import_dialog);
}

static void
lp_window_import_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  lp_window_import (LP_WINDOW (widget), NULL);
}

/* A file dropped on the window is a file to import. */
static gboolean
lp_window_drop_cb (GtkDropTarget *target,
                   const GValue  *value,
                   double         x,
                   double         y,
                   LpWindow      *self)
{
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);
      file = files != NULL ? files->data : NULL;
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);
  if (file == NULL || !lp_window_can_import (self))
    return FALSE;
  lp_window_import (self, file);
  return TRUE;
}

void
lp_window_setup_drop (LpWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);

  gtk_drop_target_set_gtypes (target, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect_object (target, "drop", G_CALLBACK (lp_window_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* The slides show what the views show: the scenario chosen in Locality
 * Modelling and the preferences. */
static void
lp_window_slide_query (LpWindow     *self,
                       LpSlideQuery *query)
{
  *query = (LpSlideQuery) { 0, };
  for (GtkWidget *view = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack)); view != NULL;
       view = gtk_widget_get_next_sibling (view))
    if (LP_IS_MODELLING_VIEW (view))
      query->scenario_id = lp_modelling_view_get_scenario_id (LP_MODELLING_VIEW (view));
  query->weeks_365_7 = g_settings_get_boolean (self->settings, LP_SETTINGS_WEEKS_365_7);
  query->access_partial = g_settings_get_boolean (self->settings, LP_SETTINGS_ACCESS_PARTIAL);
  query->access_default_minutes = g_settings_get_uint (self->settings, LP_SETTINGS_DEFAULT_CAPACITY);
}

static void
lp_window_present_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  LpWindow *self = LP_WINDOW (widget);
  LpSlideQuery query;

  lp_window_slide_query (self, &query);
  gtk_window_present (GTK_WINDOW (lp_presentation_window_new (GTK_WINDOW (self), self->plan, &query)));
}

static void
lp_window_save_slides_activated (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LpWindow *self = LP_WINDOW (widget);
  LpSlideQuery query;

  lp_window_slide_query (self, &query);
  lp_slide_deck_save_pdf (widget, self->plan, &query);
}

/**
 * lp_window_class_install_actions:
 *
 * The window's actions and their shortcuts.  Shortcuts bound here sit on
 * the window, so a text field with focus gets Ctrl+Z first and undoes its
 * own typing, as people expect.
 */
void
lp_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, lp_window_history_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, lp_window_history_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, lp_window_search_activated);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s",
                                   lp_window_show_view_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, lp_window_save_as_activated);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, lp_window_import_activated);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, lp_window_present_activated);
  gtk_widget_class_install_action (widget_class, "win.save-slides", NULL, lp_window_save_slides_activated);
  lp_window_class_install_export_actions (widget_class);
  lp_window_class_install_settings_actions (widget_class);
  lp_window_class_install_workshop_actions (widget_class);
  lp_window_class_install_damage_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
}
