/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

#define LP_TYPE_WORKFORCE_BASELINE_DIALOG (lp_workforce_baseline_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpWorkforceBaselineDialog, lp_workforce_baseline_dialog, LP, WORKFORCE_BASELINE_DIALOG, LpEditDialog)

LpWorkforceBaselineDialog *lp_workforce_baseline_dialog_new (LpPlan     *plan,
                                                          const char *practice_code);

G_END_DECLS
