/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

/* A table of weights by age band and sex: its name, a note (where the
 * weights come from; an illustrative set says so) and its bands, each an
 * age band as people write it, a sex and a weight, added and removed in
 * the dialog; saved by lp_plan_save_population_weights_form as one
 * undoable step, renaming the base where pathways and scenarios use it.
 * A band core cannot read is refused under it. */
#define LP_TYPE_POPULATION_WEIGHTS_DIALOG (lp_population_weights_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpPopulationWeightsDialog, lp_population_weights_dialog, LP, POPULATION_WEIGHTS_DIALOG,
                      LpEditDialog)

/* @name NULL: new weights, with two empty bands. */
LpPopulationWeightsDialog *lp_population_weights_dialog_new (GtkWindow  *parent,
                                                             LpPlan     *plan,
                                                             const char *name);

/* For tests: the bands shown (removed ones left out), and each band's
 * fields' keys; @sex "all", "female" or "male". */
guint       lp_population_weights_dialog_get_n_bands  (LpPopulationWeightsDialog *self);
void        lp_population_weights_dialog_add_band     (LpPopulationWeightsDialog *self);
void        lp_population_weights_dialog_remove_band  (LpPopulationWeightsDialog *self,
                                                       guint                      band);
const char *lp_population_weights_dialog_band_key     (LpPopulationWeightsDialog *self,
                                                       guint                      band);
const char *lp_population_weights_dialog_weight_key   (LpPopulationWeightsDialog *self,
                                                       guint                      band);
void        lp_population_weights_dialog_set_sex      (LpPopulationWeightsDialog *self,
                                                       guint                      band,
                                                       const char                *sex);

G_END_DECLS
