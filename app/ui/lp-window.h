/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"

G_BEGIN_DECLS

#define LP_TYPE_WINDOW (lp_window_get_type ())
G_DECLARE_FINAL_TYPE (LpWindow, lp_window, LP, WINDOW, AdwApplicationWindow)

LpWindow   *lp_window_new                (AdwApplication  *application);
void        lp_window_open               (LpWindow        *self,
                                          const char      *path,
                                          LpPlanOpenFlags  flags);
void        lp_window_open_sample        (LpWindow        *self);
const char *lp_window_get_path           (LpWindow        *self);
LpPlan     *lp_window_get_plan           (LpWindow        *self);
gboolean    lp_window_is_loading         (LpWindow        *self);

/* What the window shows, for tests. */
GListModel *lp_window_get_locality_model (LpWindow        *self);
const char *lp_window_get_plan_title     (LpWindow        *self);
const char *lp_window_get_plan_subtitle  (LpWindow        *self);
const char *lp_window_get_total_text     (LpWindow        *self);
const char *lp_window_get_error_text     (LpWindow        *self);
gboolean    lp_window_shows_read_only    (LpWindow        *self);

G_END_DECLS
