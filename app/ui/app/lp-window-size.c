/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's size and state, kept in GSettings from one window to the
 * next. */
#include "config.h"

#include "lp-settings.h"
#include "lp-window-private.h"

/* A size saved on a big screen must not push the window off a small one
 * (1024x600 netbooks are still about in GP practices). */
static void
lp_window_fit_screen (int *width,
                      int *height)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  int max_width = 0, max_height = 0;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      max_width = MAX (max_width, geometry.width);
      max_height = MAX (max_height, geometry.height);
    }
  if (max_width > 0 && max_height > 0)
    {
      *width = MIN (*width, max_width);
      *height = MIN (*height, max_height);
    }
}

void
lp_window_restore_size (LpWindow *self)
{
  int width = g_settings_get_int (self->settings, LP_SETTINGS_WINDOW_WIDTH);
  int height = g_settings_get_int (self->settings, LP_SETTINGS_WINDOW_HEIGHT);

  lp_window_fit_screen (&width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, LP_SETTINGS_WINDOW_MAXIMIZED))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* The next window opens as this one was left. */
void
lp_window_save_size (LpWindow *self)
{
  GtkWindow *window = GTK_WINDOW (self);
  gboolean maximized = gtk_window_is_maximized (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, LP_SETTINGS_WINDOW_MAXIMIZED, maximized);
  /* A maximized window's size is the screen's; keep the size to go back to. */
  if (!maximized && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, LP_SETTINGS_WINDOW_WIDTH, width);
      g_settings_set_int (self->settings, LP_SETTINGS_WINDOW_HEIGHT, height);
    }
}

