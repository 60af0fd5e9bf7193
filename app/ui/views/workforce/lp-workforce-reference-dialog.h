/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

#define LP_TYPE_WORKFORCE_REFERENCE_DIALOG (lp_workforce_reference_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpWorkforceReferenceDialog, lp_workforce_reference_dialog, LP, WORKFORCE_REFERENCE_DIALOG, LpEditDialog)

LpWorkforceReferenceDialog *lp_workforce_reference_dialog_new (LpPlan *plan);

G_END_DECLS
