/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"

G_BEGIN_DECLS

#define LP_TYPE_CONTRACT_DIALOG (lp_contract_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpContractDialog, lp_contract_dialog, LP, CONTRACT_DIALOG, AdwWindow)

LpContractDialog *lp_contract_dialog_new       (LpPlan           *plan,
                                                gint64            contract_id);
gint64            lp_contract_dialog_get_id    (LpContractDialog *self);
GtkWidget        *lp_contract_dialog_get_field (LpContractDialog *self,
                                                const char       *field);
const char       *lp_contract_dialog_get_error (LpContractDialog *self,
                                                const char       *field);
gboolean          lp_contract_dialog_save      (LpContractDialog *self);

G_END_DECLS
