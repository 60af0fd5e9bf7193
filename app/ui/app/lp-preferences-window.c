/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preferences.  Each control is bound to its GSettings key, so a change
 * takes effect at once in every window (they listen to the same key) and
 * there is nothing to apply or cancel. */
#include "config.h"

#include "lp-preferences-window.h"
#include "lp-settings.h"

struct _LpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkSpinButton        *ending_soon_spin;
  GtkSwitch            *weeks_switch;
  GtkSwitch            *partial_switch;
  GtkSpinButton        *capacity_spin;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (LpPreferencesWindow, lp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
lp_preferences_window_dispose (GObject *object)
{
  LpPreferencesWindow *self = LP_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (lp_preferences_window_parent_class)->dispose (object);
}

static void
lp_preferences_window_class_init (LpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
      RESOURCE_BASE "/ui/lp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LpPreferencesWindow, ending_soon_spin);
  gtk_widget_class_bind_template_child (widget_class, LpPreferencesWindow, weeks_switch);
  gtk_widget_class_bind_template_child (widget_class, LpPreferencesWindow, partial_switch);
  gtk_widget_class_bind_template_child (widget_class, LpPreferencesWindow, capacity_spin);
}

static void
lp_preferences_window_init (LpPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = lp_settings_new ();
  g_settings_bind (self->settings, LP_SETTINGS_ENDING_SOON_MONTHS,
                   self->ending_soon_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, LP_SETTINGS_WEEKS_365_7,
                   self->weeks_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, LP_SETTINGS_ACCESS_PARTIAL,
                   self->partial_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, LP_SETTINGS_DEFAULT_CAPACITY,
                   self->capacity_spin, "value", G_SETTINGS_BIND_DEFAULT);
}

/**
 * lp_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 */
GtkWidget *
lp_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (LP_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}

/* For tests: the control bound to "ending-soon-months". */
GtkSpinButton *
lp_preferences_window_get_ending_soon_spin (LpPreferencesWindow *self)
{
  g_return_val_if_fail (LP_IS_PREFERENCES_WINDOW (self), NULL);

  return self->ending_soon_spin;
}

/* For tests: the switch bound to "weeks-365-7". */
GtkSwitch *
lp_preferences_window_get_weeks_switch (LpPreferencesWindow *self)
{
  g_return_val_if_fail (LP_IS_PREFERENCES_WINDOW (self), NULL);

  return self->weeks_switch;
}

/* For tests: the spin button bound to "default-capacity-minutes". */
GtkSpinButton *
lp_preferences_window_get_capacity_spin (LpPreferencesWindow *self)
{
  g_return_val_if_fail (LP_IS_PREFERENCES_WINDOW (self), NULL);

  return self->capacity_spin;
}
