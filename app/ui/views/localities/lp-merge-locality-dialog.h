/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

#define LP_TYPE_MERGE_LOCALITY_DIALOG (lp_merge_locality_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpMergeLocalityDialog, lp_merge_locality_dialog, LP, MERGE_LOCALITY_DIALOG, LpEditDialog)

LpMergeLocalityDialog *lp_merge_locality_dialog_new  (LpPlan                *plan,
                                                      gint64                 locality_id);
gboolean               lp_merge_locality_dialog_set_into (LpMergeLocalityDialog *self,
                                                      const char            *name);
const char            *lp_merge_locality_dialog_get_summary (LpMergeLocalityDialog *self);

G_END_DECLS
