/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

/* A scenario's own population base for each pathway, a field a pathway
 * ("Shared by"), saved by lp_plan_save_scenario_bases_form as one undoable
 * step.  An empty field is "as the pathway" (or as the scenario it is
 * built on), which each row's title names, and each row's clear button
 * empties; a base core cannot read is refused under its row. */
#define LP_TYPE_SCENARIO_BASES_DIALOG (lp_scenario_bases_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpScenarioBasesDialog, lp_scenario_bases_dialog, LP, SCENARIO_BASES_DIALOG, LpEditDialog)

LpScenarioBasesDialog *lp_scenario_bases_dialog_new (GtkWindow  *parent,
                                                     LpPlan     *plan,
                                                     LpScenario *scenario);

/* For tests: the field of @pathway, or NULL. */
const char *lp_scenario_bases_dialog_get_key (LpScenarioBasesDialog *self,
                                              const char            *pathway);

G_END_DECLS
