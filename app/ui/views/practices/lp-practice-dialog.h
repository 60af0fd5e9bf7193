/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

#define LP_TYPE_PRACTICE_DIALOG (lp_practice_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpPracticeDialog, lp_practice_dialog, LP, PRACTICE_DIALOG, LpEditDialog)

LpPracticeDialog *lp_practice_dialog_new (LpPlan *plan,
                                          gint64  practice_id,
                                          gint64  locality_id);

G_END_DECLS
