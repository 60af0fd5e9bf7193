/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-merge-item.h"

G_BEGIN_DECLS

#define LP_TYPE_MERGE_ROW (lp_merge_row_get_type ())
G_DECLARE_FINAL_TYPE (LpMergeRow, lp_merge_row, LP, MERGE_ROW, GtkWidget)

GtkWidget   *lp_merge_row_new          (void);
void         lp_merge_row_set_item     (LpMergeRow  *self,
                                        LpMergeItem *item,
                                        const char  *copy_name);
LpMergeItem *lp_merge_row_get_item     (LpMergeRow  *self);
GtkWidget   *lp_merge_row_get_check    (LpMergeRow  *self);
GtkWidget   *lp_merge_row_get_keep     (LpMergeRow  *self);
GtkWidget   *lp_merge_row_get_take     (LpMergeRow  *self);

G_END_DECLS
