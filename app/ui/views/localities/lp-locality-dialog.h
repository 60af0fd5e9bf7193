/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

#define LP_TYPE_LOCALITY_DIALOG (lp_locality_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpLocalityDialog, lp_locality_dialog, LP, LOCALITY_DIALOG, LpEditDialog)

LpLocalityDialog *lp_locality_dialog_new (LpPlan *plan,
                                          gint64  locality_id);

G_END_DECLS
