/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan window: a sidebar of views beside the view shown, over one open
 * plan file.  This file loads the plan and hands it to the views; what the
 * header bar, the menu and the shortcuts do is in lp-window-actions.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-plan-loader.h"
#include "lp-settings.h"
#include "lp-recent-plans.h"
#include "lp-window-private.h"
#include "lp-window-text.h"

G_DEFINE_FINAL_TYPE (LpWindow, lp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The views are bound to the "plan" property in the template. */
static void
lp_window_set_plan (LpWindow *self,
                    LpPlan   *plan)
{
  if (g_set_object (&self->plan, plan))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

static void
lp_window_set_titles (LpWindow   *self,
                      const char *title,
                      const char *subtitle)
{
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* The spinner turns only while its page is shown: a spinning one on a
 * page hidden away would have the window drawn at every frame. */
static void
lp_window_show_page (LpWindow   *self,
                     const char *page)
{
  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (page, "loading"));
  gtk_stack_set_visible_child_name (self->stack, page);
}

/* Plan Settings may rename the plan: the title follows. */
static void
lp_window_plan_info_changed (LpWindow   *self,
                             const char *table,
                             LpPlan     *plan)
{
  g_autofree char *name = lp_plan_dup_display_name (plan);

  gtk_window_set_title (GTK_WINDOW (self), name);
  adw_window_title_set_title (self->window_title, name);
}

static void
lp_window_show_plan (LpWindow   *self,
                     LpPlanLoad *load)
{
  g_autofree char *location = NULL;

  g_free (self->path);
  /* A damaged plan is shown from a repaired copy, but it is the damaged
   * file the user opened: the title, Open Recent and a second Open of it
   * go by that. */
  self->path = g_strdup (lp_plan_load_get_path (load));
  location = lp_window_text_location (self->path, lp_plan_is_read_only (load->plan),
                                      g_get_home_dir ());
  lp_window_set_titles (self, load->display_name, location);
  lp_window_take_damage (self, load);
  lp_window_set_plan (self, load->plan);
  g_signal_connect_object (self->plan, "notify::can-undo",
                           G_CALLBACK (lp_window_update_history), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "notify::can-redo",
                           G_CALLBACK (lp_window_update_history), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "changed::plan_info",
                           G_CALLBACK (lp_window_plan_info_changed), self, G_CONNECT_SWAPPED);
  lp_window_show_page (self, "plan");
  lp_recent_plans_add (self->path);
  lp_window_update_history (self);
}

static void
lp_window_show_error (LpWindow     *self,
                      const GError *error)
{
  /* Core's messages already name the file and say what to do; the status
   * page shows them as they are. */
  adw_status_page_set_description (self->error_page, error->message);
  /* SQLite finds the file itself damaged: its rows may still be read out
   * into a copy, and that is what the page offers first. */
  self->error_recoverable = g_error_matches (error, LP_PLAN_LOAD_ERROR, LP_PLAN_LOAD_ERROR_CORRUPT);
  gtk_widget_set_visible (GTK_WIDGET (self->recover_button), self->error_recoverable);
  if (self->error_recoverable)
    gtk_widget_remove_css_class (GTK_WIDGET (self->open_other_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->open_other_button), "suggested-action");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.recover-copy", self->error_recoverable);
  lp_window_show_page (self, "error");
}

static void
lp_window_load_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LpWindow *self = LP_WINDOW (object);
  g_autoptr(LpPlanLoad) load = NULL;
  g_autoptr(GError) error = NULL;

  load = lp_plan_load_finish (result, &error);
  /* Cancelled only when another load replaced this one or the window is
   * going away: either way this result is not wanted. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (load == NULL)
    lp_window_show_error (self, error);
  else
    lp_window_show_plan (self, load);
}

/* Nothing of a previous plan may linger beside a new one or an error. */
static void
lp_window_clear_plan (LpWindow *self)
{
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  lp_window_set_plan (self, NULL);
  lp_window_forget_damage (self);
  lp_window_set_titles (self, _("Locality Planner"), NULL);
  lp_window_update_history (self);
}

static void
lp_window_cancel_load (LpWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
lp_window_start_load (LpWindow        *self,
                      const char      *path,
                      LpPlanOpenFlags  flags)
{
  lp_window_cancel_load (self);
  self->cancellable = g_cancellable_new ();

  g_free (self->path);
  self->path = g_strdup (path);
  lp_window_clear_plan (self);
  adw_status_page_set_title (self->error_page, _("Could Not Open the Plan"));
  lp_window_show_page (self, "loading");
  lp_plan_load_async (self, path, flags, self->cancellable,
                      lp_window_load_cb, NULL);
}

/**
 * lp_window_open:
 * @path: (nullable): a plan file; %NULL when the file has no local path,
 *   which shows the error page
 *
 * Opens the plan in the background; the window shows a spinner meanwhile,
 * then the plan, or why it could not be opened.
 */
void
lp_window_open (LpWindow        *self,
                const char      *path,
                LpPlanOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LP_IS_WINDOW (self));

  if (path != NULL)
    {
      lp_window_start_load (self, path, flags);
      return;
    }
  lp_window_cancel_load (self);
  lp_window_clear_plan (self);
  g_clear_pointer (&self->path, g_free);
  g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("Only plan files on this computer can be opened"));
  lp_window_show_error (self, error);
}

/**
 * lp_window_open_sample:
 *
 * Opens the user's copy of the sample plan, making it first if needed.
 */
void
lp_window_open_sample (LpWindow *self)
{
  g_return_if_fail (LP_IS_WINDOW (self));

  lp_window_start_load (self, NULL, LP_PLAN_OPEN_DEFAULT);
}

static void
lp_window_reload_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  LpWindow *self = LP_WINDOW (object);
  g_autoptr(LpPlanLoad) load = NULL;
  g_autoptr(GError) error = NULL;

  load = lp_plan_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (load != NULL && self->steps_to_add != NULL && self->plan != NULL)
    {
      /* The new connection carries on the old one's undo history, with the
       * other connection's change (an import) as its newest step. */
      lp_plan_add_history (load->plan, lp_plan_steal_history (self->plan));
      lp_plan_add_history (load->plan, g_steal_pointer (&self->steps_to_add));
    }
  g_clear_pointer (&self->steps_to_add, lp_plan_steps_free);
  lp_window_clear_plan (self);
  if (load == NULL)
    lp_window_show_error (self, error);
  else
    lp_window_show_plan (self, load);
}

/**
 * lp_window_reload:
 *
 * Opens the plan file again, after another connection (an import's) has
 * changed it: the views read everything afresh.  The plan stays on screen
 * until the new connection is ready, and the view shown stays shown.
 * Undo starts afresh, as the steps before the change may no longer apply.
 */
void
lp_window_reload (LpWindow *self)
{
  LpPlanOpenFlags flags;

  g_return_if_fail (LP_IS_WINDOW (self));

  if (self->plan == NULL || self->path == NULL)
    return;
  flags = lp_plan_is_read_only (self->plan) ? LP_PLAN_OPEN_READ_ONLY : LP_PLAN_OPEN_DEFAULT;
  lp_window_cancel_load (self);
  self->cancellable = g_cancellable_new ();
  lp_window_update_actions (self);
  lp_plan_load_async (self, self->path, flags, self->cancellable, lp_window_reload_cb, NULL);
}

/**
 * lp_window_reload_after:
 * @steps: (transfer full) (nullable): the undo steps another connection
 *   made to the file, e.g. an import's
 *
 * Like lp_window_reload(), but the undo history goes on: what was
 * undoable before stays so, and @steps are the newest steps.
 */
void
lp_window_reload_after (LpWindow    *self,
                        LpPlanSteps *steps)
{
  g_return_if_fail (LP_IS_WINDOW (self));

  lp_plan_steps_free (self->steps_to_add);
  self->steps_to_add = steps;
  lp_window_reload (self);
}

/**
 * lp_window_show_repaired:
 * @load: a repaired (or recovered) copy, opened for changes, with the
 *   repair's report
 *
 * Goes on with the copy, as Save As goes on with its copy, and says in a
 * toast what the repair did, with the way to save its report.
 */
void
lp_window_show_repaired (LpWindow   *self,
                         LpPlanLoad *load)
{
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  lp_window_cancel_load (self);
  lp_window_clear_plan (self);
  lp_repair_report_free (self->repair_report);
  self->repair_report = g_steal_pointer (&load->report);
  lp_window_show_plan (self, load);
  if (self->repair_report == NULL)
    return;
  text = lp_window_text_repair_done (self->repair_report);
  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("Save _Report…"));
  adw_toast_set_action_name (toast, "win.save-repair-report");
  /* Long enough to read and decide; the copy's import log keeps the
   * repair's decisions too. */
  adw_toast_set_timeout (toast, 15);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
lp_window_recover_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  LpWindow *self = LP_WINDOW (object);
  g_autoptr(LpPlanLoad) load = NULL;
  g_autoptr(GError) error = NULL;

  load = lp_plan_repair_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (load == NULL)
    {
      adw_status_page_set_title (self->error_page, _("Could Not Recover the Plan"));
      lp_window_show_error (self, error);
      return;
    }
  lp_window_show_repaired (self, load);
}

/**
 * lp_window_recover_copy:
 * @source_path: a plan file SQLite finds damaged; only read
 * @dest_path: where the recovered copy goes; a file there is replaced
 *
 * Reads what rows can be read out of @source_path into a new plan at
 * @dest_path, on a worker thread, then shows the copy, or why nothing
 * could be recovered.
 */
void
lp_window_recover_copy (LpWindow   *self,
                        const char *source_path,
                        const char *dest_path)
{
  g_autofree char *source = NULL;

  g_return_if_fail (LP_IS_WINDOW (self));
  g_return_if_fail (source_path != NULL && dest_path != NULL);

  source = g_strdup (source_path);
  lp_window_cancel_load (self);
  self->cancellable = g_cancellable_new ();
  lp_window_clear_plan (self);
  g_free (self->path);
  self->path = g_steal_pointer (&source);
  lp_window_show_page (self, "loading");
  lp_plan_repair_async (self, self->path, dest_path, self->cancellable, lp_window_recover_cb, NULL);
}

/**
 * lp_window_show_load:
 * @load: a plan the application has already opened, e.g. from File ▸ Open,
 *   which opens the file first so that a bad one leaves no empty window
 */
void
lp_window_show_load (LpWindow   *self,
                     LpPlanLoad *load)
{
  g_return_if_fail (LP_IS_WINDOW (self));
  g_return_if_fail (load != NULL && LP_IS_PLAN (load->plan));

  lp_window_cancel_load (self);
  lp_window_clear_plan (self);
  lp_window_show_plan (self, load);
}

static void
lp_window_sidebar_selected (LpWindow      *self,
                            GtkListBoxRow *row,
                            GtkListBox    *list)
{
  if (row != NULL)
    gtk_stack_set_visible_child_name (self->view_stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* Folded, choosing a view also goes to it; unfolded, both panes show. */
static void
lp_window_sidebar_activated (LpWindow      *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
lp_window_back_clicked (LpWindow  *self,
                        GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static GtkListBoxRow *
lp_window_find_sidebar_row (LpWindow   *self,
                            const char *view)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);

      if (row == NULL || g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), view) == 0)
        return row;
    }
}

/* The sidebar always marks the view shown, however it was chosen. */
static void
lp_window_view_changed (LpWindow   *self,
                        GParamSpec *pspec,
                        GtkStack   *stack)
{
  const char *view = gtk_stack_get_visible_child_name (stack);
  GtkListBoxRow *row = lp_window_find_sidebar_row (self, view);

  if (row != NULL && row != gtk_list_box_get_selected_row (self->sidebar_list))
    gtk_list_box_select_row (self->sidebar_list, row);
  lp_window_update_actions (self);
}

static gboolean
lp_window_close_request (GtkWindow *window)
{
  lp_window_save_size (LP_WINDOW (window));
  return GTK_WINDOW_CLASS (lp_window_parent_class)->close_request (window);
}

static void
lp_window_dispose (GObject *object)
{
  LpWindow *self = LP_WINDOW (object);

  lp_window_cancel_load (self);
  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_cancellable_cancel (self->history_cancellable);
  g_clear_object (&self->history_cancellable);
  g_cancellable_cancel (self->workshop_cancellable);
  g_clear_object (&self->workshop_cancellable);
  g_cancellable_cancel (self->repair_cancellable);
  g_clear_object (&self->repair_cancellable);
  g_clear_weak_pointer (&self->problems_window);
  g_clear_object (&self->restore_toast);
  g_clear_weak_pointer (&self->import_dialog);
  g_clear_weak_pointer (&self->settings_dialog);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_WINDOW);
  g_clear_object (&self->plan);
  /* The views are gone with the template: a damaged plan's copy can go. */
  lp_window_drop_damage (self);
  g_clear_pointer (&self->repair_report, lp_repair_report_free);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (lp_window_parent_class)->dispose (object);
}

static void
lp_window_finalize (GObject *object)
{
  LpWindow *self = LP_WINDOW (object);

  g_free (self->path);
  lp_plan_steps_free (self->steps_to_add);
  G_OBJECT_CLASS (lp_window_parent_class)->finalize (object);
}

static void
lp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LpWindow *self = LP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND_CHILD(name) \
  gtk_widget_class_bind_template_child (widget_class, LpWindow, name)

static void
lp_window_class_init (LpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_window_dispose;
  object_class->finalize = lp_window_finalize;
  object_class->get_property = lp_window_get_property;
  GTK_WINDOW_CLASS (klass)->close_request = lp_window_close_request;

  /* The open plan, which the template binds to every view's "plan". */
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, LP_TYPE_PLAN,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template names the views' types; GtkBuilder finds each one's
   * get_type() in the program itself (it is linked with export_dynamic),
   * so a new view needs no line here. */
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lp-window.ui");
  BIND_CHILD (toast_overlay);
  BIND_CHILD (stack);
  BIND_CHILD (loading_spinner);
  BIND_CHILD (error_page);
  BIND_CHILD (leaflet);
  BIND_CHILD (sidebar_list);
  BIND_CHILD (window_title);
  BIND_CHILD (undo_button);
  BIND_CHILD (redo_button);
  BIND_CHILD (view_stack);
  BIND_CHILD (recent_menu);
  BIND_CHILD (export_views_menu);
  BIND_CHILD (damage_banner);
  BIND_CHILD (damage_box);
  BIND_CHILD (damage_label);
  BIND_CHILD (recover_button);
  BIND_CHILD (open_other_button);
  gtk_widget_class_bind_template_callback (widget_class, lp_window_sidebar_selected);
  gtk_widget_class_bind_template_callback (widget_class, lp_window_sidebar_activated);
  gtk_widget_class_bind_template_callback (widget_class, lp_window_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, lp_window_view_changed);

  lp_window_class_install_actions (widget_class);
}

static void
lp_window_init (LpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  lp_window_setup_views (self);
  /* Folded, a window opens on its view, not on the list of views. */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  gtk_list_box_select_row (self->sidebar_list, gtk_list_box_get_row_at_index (self->sidebar_list, 0));
  g_menu_append_section (self->recent_menu, NULL, lp_recent_plans_get_menu ());
  self->settings = lp_settings_new ();
  lp_window_restore_size (self);
  lp_window_setup_drop (self);
  lp_window_setup_damage (self);
  lp_window_update_actions (self);
}

LpWindow *
lp_window_new (AdwApplication *application)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);

  return g_object_new (LP_TYPE_WINDOW, "application", application, NULL);
}

/**
 * lp_window_get_path:
 *
 * Returns: (nullable): the plan file shown or being opened; %NULL while
 *   the sample's copy is still being found
 */
const char *
lp_window_get_path (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  return self->path;
}

/**
 * lp_window_get_plan:
 *
 * Returns: (transfer none) (nullable): the open plan, once loaded
 */
LpPlan *
lp_window_get_plan (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  return self->plan;
}

gboolean
lp_window_is_loading (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}

/* Loading, writing a copy for Save As, exporting, or putting back a copy
 * of the plan for undo or redo. */
gboolean
lp_window_is_busy (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), FALSE);

  return self->cancellable != NULL || self->save_cancellable != NULL ||
         self->export_cancellable != NULL || self->repair_cancellable != NULL ||
         lp_window_is_working (self);
}

/* Another connection is writing the plan file: undoing a large import, or
 * writing workshop copies and keeping their base. */
gboolean
lp_window_is_working (LpWindow *self)
{
  return self->history_cancellable != NULL || self->workshop_cancellable != NULL;
}

const char *
lp_window_get_plan_title (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  return adw_window_title_get_title (self->window_title);
}

const char *
lp_window_get_plan_subtitle (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  return adw_window_title_get_subtitle (self->window_title);
}

/**
 * lp_window_get_error_text:
 *
 * Returns: (nullable): why the plan could not be opened, or %NULL when the
 *   window is not showing the error page
 */
const char *
lp_window_get_error_text (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") != 0)
    return NULL;
  return adw_status_page_get_description (self->error_page);
}

/**
 * lp_window_get_visible_view:
 *
 * Returns: the name of the view shown: "overview", "localities", …
 */
const char *
lp_window_get_visible_view (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->view_stack);
}

GtkWidget *
lp_window_get_view (LpWindow   *self,
                    const char *view)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  return gtk_stack_get_child_by_name (self->view_stack, view);
}

/* The header's undo and redo buttons: insensitive while their action is
 * disabled, which is what a test checks. */
GtkWidget *
lp_window_get_undo_button (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->undo_button);
}

GtkWidget *
lp_window_get_redo_button (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->redo_button);
}

gboolean
lp_window_is_folded (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet);
}
