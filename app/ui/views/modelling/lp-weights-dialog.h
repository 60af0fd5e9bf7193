/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

/* Edits how a scenario shares STP and CCG changes among localities: by
 * registered population, or by a weight for each locality (any scale; the
 * model divides each by their total).  Save stores them through core
 * (lp_plan_save_weights_form), one undoable step; a refused weight's
 * reason shows under it. */
#define LP_TYPE_WEIGHTS_DIALOG (lp_weights_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpWeightsDialog, lp_weights_dialog, LP, WEIGHTS_DIALOG, LpEditDialog)

LpWeightsDialog *lp_weights_dialog_new          (GtkWindow       *parent,
                                                 LpPlan          *plan,
                                                 LpScenario      *scenario);

/* For tests: the form as a person would fill it (Save is
 * lp_edit_dialog_save()), and what it shows. */
void             lp_weights_dialog_set_by_population (LpWeightsDialog *self,
                                                      gboolean         by_population);
gboolean         lp_weights_dialog_set_weight   (LpWeightsDialog *self,
                                                 const char      *locality,
                                                 const char      *weight);
const char      *lp_weights_dialog_get_weight   (LpWeightsDialog *self,
                                                 const char      *locality);
const char      *lp_weights_dialog_get_error    (LpWeightsDialog *self,
                                                 const char      *locality);

G_END_DECLS
