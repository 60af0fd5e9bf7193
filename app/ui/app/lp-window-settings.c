/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "win.plan-settings": the Plan Settings dialog over the window.  The
 * views whose figures need a setting the plan lacks (its year, its
 * reference date) offer a button with this action. */
#include "config.h"

#include "lp-plan-settings-dialog.h"
#include "lp-window-private.h"

/* Only a plan that can change, and one at a time: a second press brings
 * the open dialog forward. */
static void
lp_window_plan_settings_activated (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LpWindow *self = LP_WINDOW (widget);

  if (self->plan == NULL || lp_plan_is_read_only (self->plan))
    return;
  if (self->settings_dialog != NULL)
    {
      gtk_window_present (self->settings_dialog);
      return;
    }
  g_set_weak_pointer (&self->settings_dialog, GTK_WINDOW (lp_plan_settings_dialog_new (self->plan)));
  lp_edit_dialog_present (LP_EDIT_DIALOG (self->settings_dialog), widget);
}

void
lp_window_class_install_settings_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.plan-settings", NULL, lp_window_plan_settings_activated);
  /* Alt+Enter opens an item's properties across GNOME; the plan's are its settings. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK, "win.plan-settings", NULL);
}
