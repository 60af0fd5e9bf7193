/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

#define LP_TYPE_CONTRACT_DIALOG (lp_contract_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpContractDialog, lp_contract_dialog, LP, CONTRACT_DIALOG, LpEditDialog)

LpContractDialog *lp_contract_dialog_new (LpPlan *plan,
                                          gint64  contract_id);

G_END_DECLS
