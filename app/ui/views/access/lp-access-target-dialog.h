/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

#define LP_TYPE_ACCESS_TARGET_DIALOG (lp_access_target_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpAccessTargetDialog, lp_access_target_dialog, LP, ACCESS_TARGET_DIALOG, LpEditDialog)

LpAccessTargetDialog *lp_access_target_dialog_new (LpPlan     *plan,
                                                   gint64      target_id,
                                                   gint64      locality_id,
                                                   const char *locality);

G_END_DECLS
