/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"

G_BEGIN_DECLS

#define LP_TYPE_MERGE_WINDOW (lp_merge_window_get_type ())
G_DECLARE_FINAL_TYPE (LpMergeWindow, lp_merge_window, LP, MERGE_WINDOW, AdwWindow)

LpMergeWindow *lp_merge_window_new          (GtkWindow          *parent,
                                             LpPlan             *plan,
                                             const char * const *paths);
const char    *lp_merge_window_get_page     (LpMergeWindow      *self);
guint          lp_merge_window_get_index    (LpMergeWindow      *self);
GListModel    *lp_merge_window_get_items    (LpMergeWindow      *self);
GtkWidget     *lp_merge_window_get_list     (LpMergeWindow      *self);

G_END_DECLS
