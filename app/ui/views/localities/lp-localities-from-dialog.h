/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

#define LP_TYPE_LOCALITIES_FROM_DIALOG (lp_localities_from_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpLocalitiesFromDialog, lp_localities_from_dialog, LP, LOCALITIES_FROM_DIALOG, LpEditDialog)

LpLocalitiesFromDialog *lp_localities_from_dialog_new          (LpPlan                 *plan);
void                    lp_localities_from_dialog_set_grouping (LpLocalitiesFromDialog *self,
                                                                const char             *grouping);
void                    lp_localities_from_dialog_set_reassign (LpLocalitiesFromDialog *self,
                                                                gboolean                reassign);
const char             *lp_localities_from_dialog_get_preview  (LpLocalitiesFromDialog *self);

G_END_DECLS
