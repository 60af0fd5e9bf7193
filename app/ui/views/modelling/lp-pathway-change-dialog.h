/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

/* Adds or edits one pathway change of a scenario: the pathway (or a new
 * one, named and put in a group), stated for the STP, the CCG or any
 * locality, its horizon in years, what the figures are counted over and
 * the reductions in activity and bed days.  Save hands the text as typed
 * to lp_plan_save_pathway_change_form (one undoable step, making the new
 * pathway in the same step); core's reason shows under the field. */
#define LP_TYPE_PATHWAY_CHANGE_DIALOG (lp_pathway_change_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpPathwayChangeDialog, lp_pathway_change_dialog, LP, PATHWAY_CHANGE_DIALOG, LpEditDialog)

/* @change_id 0: a new change, for @locality_id if not 0, else the CCG. */
LpPathwayChangeDialog *lp_pathway_change_dialog_new (GtkWindow   *parent,
                                                     LpPlan      *plan,
                                                     LpScenario  *scenario,
                                                     gint64       change_id,
                                                     gint64       locality_id);

/* For tests and the lead's helpers: choose as a person would.  @pathway
 * NULL chooses "New pathway"; @level is "STP", "CCG" or a locality's
 * name; FALSE if the dialog does not offer it. */
gboolean lp_pathway_change_dialog_choose_pathway (LpPathwayChangeDialog *self,
                                                  const char            *pathway);
gboolean lp_pathway_change_dialog_choose_level   (LpPathwayChangeDialog *self,
                                                  const char            *level);
void     lp_pathway_change_dialog_choose_period  (LpPathwayChangeDialog *self,
                                                  LpPathwayPeriod        period);
void     lp_pathway_change_dialog_choose_category (LpPathwayChangeDialog *self,
                                                   LpPathwayCategory      category);

G_END_DECLS
