/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

#define LP_TYPE_PLAN_SETTINGS_DIALOG (lp_plan_settings_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpPlanSettingsDialog, lp_plan_settings_dialog, LP, PLAN_SETTINGS_DIALOG, LpEditDialog)

LpPlanSettingsDialog *lp_plan_settings_dialog_new (LpPlan *plan);

G_END_DECLS
