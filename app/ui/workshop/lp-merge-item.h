/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lp-core.h"

G_BEGIN_DECLS

/* One line of the merge window's list: a heading over a group of changes,
 * one change (which can be left out), or one conflict (to be decided). */
typedef enum {
  LP_MERGE_ITEM_HEADING,
  LP_MERGE_ITEM_CHANGE,
  LP_MERGE_ITEM_CONFLICT,
} LpMergeItemKind;

#define LP_TYPE_MERGE_ITEM (lp_merge_item_get_type ())
G_DECLARE_FINAL_TYPE (LpMergeItem, lp_merge_item, LP, MERGE_ITEM, GObject)

LpMergeItem           *lp_merge_item_new_heading   (const char            *text);
LpMergeItem           *lp_merge_item_new_change    (LpCopyChange          *change,
                                                    const LpChangeWords   *words);
LpMergeItem           *lp_merge_item_new_conflict  (LpMergeConflict       *conflict,
                                                    LpConflictWords       *words,
                                                    gboolean               has_base);

LpMergeItemKind        lp_merge_item_get_kind      (LpMergeItem           *self);
const char            *lp_merge_item_get_text      (LpMergeItem           *self);
LpCopyChange          *lp_merge_item_get_change    (LpMergeItem           *self);
LpMergeConflict       *lp_merge_item_get_conflict  (LpMergeItem           *self);
const LpConflictWords *lp_merge_item_get_conflict_words (LpMergeItem      *self);

gboolean               lp_merge_item_get_included  (LpMergeItem           *self);
void                   lp_merge_item_set_included  (LpMergeItem           *self,
                                                    gboolean               included);
LpMergeChoice          lp_merge_item_get_choice    (LpMergeItem           *self);
void                   lp_merge_item_set_choice    (LpMergeItem           *self,
                                                    LpMergeChoice          choice);
gboolean               lp_merge_item_get_can_take  (LpMergeItem           *self);
gboolean               lp_merge_item_get_has_base  (LpMergeItem           *self);
gboolean               lp_merge_item_get_decidable (LpMergeItem           *self);
void                   lp_merge_item_set_decidable (LpMergeItem           *self,
                                                    gboolean               decidable);

G_END_DECLS
