/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"
#include "lp-plan-loader.h"

G_BEGIN_DECLS

#define LP_TYPE_WINDOW (lp_window_get_type ())
G_DECLARE_FINAL_TYPE (LpWindow, lp_window, LP, WINDOW, AdwApplicationWindow)

LpWindow   *lp_window_new                (AdwApplication  *application);
void        lp_window_open               (LpWindow        *self,
                                          const char      *path,
                                          LpPlanOpenFlags  flags);
void        lp_window_open_sample        (LpWindow        *self);
void        lp_window_show_load          (LpWindow        *self,
                                          LpPlanLoad      *load);
void        lp_window_save_as            (LpWindow        *self,
                                          const char      *dest_path);
void        lp_window_show_view          (LpWindow        *self,
                                          const char      *view);
void        lp_window_reload             (LpWindow        *self);
void        lp_window_reload_after       (LpWindow        *self,
                                          LpPlanSteps     *steps);
void        lp_window_toast              (LpWindow        *self,
                                          const char      *text);
void        lp_window_import             (LpWindow        *self,
                                          GFile           *file);
void        lp_window_export             (LpWindow        *self,
                                          const char      *name,
                                          const char      *dest_path,
                                          LpExportFlags    flags);
void        lp_window_export_query       (LpWindow           *self,
                                          const char         *name,
                                          const LpModelQuery *query,
                                          const char         *dest_path,
                                          LpExportFlags       flags);
const char *lp_window_get_path           (LpWindow        *self);
LpPlan     *lp_window_get_plan           (LpWindow        *self);
gboolean    lp_window_is_loading         (LpWindow        *self);
gboolean    lp_window_is_busy            (LpWindow        *self);
void        lp_window_merge_copies       (LpWindow           *self,
                                          const char * const *paths);
void        lp_window_repair_copy        (LpWindow        *self,
                                          const char      *dest_path);
void        lp_window_recover_copy       (LpWindow        *self,
                                          const char      *source_path,
                                          const char      *dest_path);
gboolean    lp_window_save_repair_report (LpWindow        *self,
                                          const char      *dest_path,
                                          GError         **error);

/* What the window shows, for tests. */
const char *lp_window_get_plan_title     (LpWindow        *self);
const char *lp_window_get_plan_subtitle  (LpWindow        *self);
const char *lp_window_get_error_text     (LpWindow        *self);
const char *lp_window_get_visible_view   (LpWindow        *self);
GtkWidget  *lp_window_get_view           (LpWindow        *self,
                                          const char      *view);
GtkWidget  *lp_window_get_undo_button    (LpWindow        *self);
GtkWidget  *lp_window_get_redo_button    (LpWindow        *self);
gboolean    lp_window_is_folded          (LpWindow        *self);
GPtrArray  *lp_window_get_problems       (LpWindow        *self);
const char *lp_window_get_banner_text    (LpWindow        *self);
GtkWindow  *lp_window_get_problems_window (LpWindow       *self);

G_END_DECLS
