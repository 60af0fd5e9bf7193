/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

#define LP_TYPE_PREPARE_DIALOG (lp_prepare_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpPrepareDialog, lp_prepare_dialog, LP, PREPARE_DIALOG, LpEditDialog)

/* The keys of its fields. */
#define LP_PREPARE_FIELD_NAMES  "names"
#define LP_PREPARE_FIELD_FOLDER "folder"

LpPrepareDialog    *lp_prepare_dialog_new        (LpPlan          *plan,
                                                  const char      *folder);
const char * const *lp_prepare_dialog_get_names  (LpPrepareDialog *self);
const char         *lp_prepare_dialog_get_folder (LpPrepareDialog *self);

G_END_DECLS
