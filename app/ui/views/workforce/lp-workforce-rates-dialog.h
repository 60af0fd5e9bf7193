/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

#define LP_TYPE_WORKFORCE_RATES_DIALOG (lp_workforce_rates_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpWorkforceRatesDialog, lp_workforce_rates_dialog, LP, WORKFORCE_RATES_DIALOG, LpEditDialog)

LpWorkforceRatesDialog *lp_workforce_rates_dialog_new (LpPlan     *plan,
                                                    const char *role);

G_END_DECLS
