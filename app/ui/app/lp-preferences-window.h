/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LP_TYPE_PREFERENCES_WINDOW (lp_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (LpPreferencesWindow, lp_preferences_window, LP, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget     *lp_preferences_window_new                     (GtkWindow           *parent);
GtkSpinButton *lp_preferences_window_get_ending_soon_spin    (LpPreferencesWindow *self);
GtkSwitch     *lp_preferences_window_get_weeks_switch        (LpPreferencesWindow *self);
GtkSpinButton *lp_preferences_window_get_capacity_spin      (LpPreferencesWindow *self);

G_END_DECLS
