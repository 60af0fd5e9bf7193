/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

#define LP_TYPE_QIPP_DIALOG (lp_qipp_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpQippDialog, lp_qipp_dialog, LP, QIPP_DIALOG, LpEditDialog)

/* Field keys: LP_FIELD_NAME, and for each point of delivery "saving:" and
 * "activity:" followed by its code ("saving:NEL"). */
LpQippDialog *lp_qipp_dialog_new (LpPlan     *plan,
                                  gint64      programme_id,
                                  const char *financial_year);

G_END_DECLS
