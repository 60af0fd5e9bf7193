/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

#define LP_TYPE_CAPACITY_RULE_DIALOG (lp_capacity_rule_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpCapacityRuleDialog, lp_capacity_rule_dialog, LP, CAPACITY_RULE_DIALOG, LpEditDialog)

LpCapacityRuleDialog *lp_capacity_rule_dialog_new (LpPlan *plan,
                                                   gint64  rule_id);

G_END_DECLS
