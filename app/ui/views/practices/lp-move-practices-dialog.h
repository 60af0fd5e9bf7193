/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

#define LP_TYPE_MOVE_PRACTICES_DIALOG (lp_move_practices_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpMovePracticesDialog, lp_move_practices_dialog, LP, MOVE_PRACTICES_DIALOG, LpEditDialog)

LpMovePracticesDialog *lp_move_practices_dialog_new (LpPlan             *plan,
                                                     GArray             *practice_ids,
                                                     const char * const *ods_codes,
                                                     gint64              locality_id);

G_END_DECLS
