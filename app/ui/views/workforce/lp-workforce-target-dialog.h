/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

#define LP_TYPE_WORKFORCE_TARGET_DIALOG (lp_workforce_target_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpWorkforceTargetDialog, lp_workforce_target_dialog, LP, WORKFORCE_TARGET_DIALOG, LpEditDialog)

LpWorkforceTargetDialog *lp_workforce_target_dialog_new (LpPlan *plan,
                                                         gint64  target_id);

G_END_DECLS
