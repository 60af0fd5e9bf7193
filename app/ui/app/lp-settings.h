/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LP_SETTINGS_ENDING_SOON_MONTHS "ending-soon-months"
#define LP_SETTINGS_WEEKS_365_7       "weeks-365-7"
#define LP_SETTINGS_ACCESS_PARTIAL    "access-partial-counts"
#define LP_SETTINGS_DEFAULT_CAPACITY  "default-capacity-minutes"
#define LP_SETTINGS_RECENT_PLANS      "recent-plans"
#define LP_SETTINGS_WINDOW_WIDTH       "window-width"
#define LP_SETTINGS_WINDOW_HEIGHT      "window-height"
#define LP_SETTINGS_WINDOW_MAXIMIZED   "window-maximized"

/* @key is NULL on the first call. */
typedef void (*LpSettingsApplyFunc) (gpointer    owner,
                                     const char *key,
                                     GSettings  *settings);

GSettings *lp_settings_new    (void);
void       lp_settings_follow (gpointer             owner,
                               const char * const  *keys,
                               LpSettingsApplyFunc  apply);

G_END_DECLS
