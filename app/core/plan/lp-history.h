/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Undo and redo of the edits made to a plan in this session.  Every
 * committed write transaction is recorded (with SQLite's session extension)
 * as one step; undo applies the step's inverse, redo applies it again.
 * LpPlan notifies "can-undo" and "can-redo" when they change, and emits
 * "changed" for each table an undo or redo touches. */

#include "lp-plan.h"

G_BEGIN_DECLS

gboolean    lp_plan_can_undo        (LpPlan  *plan);
gboolean    lp_plan_can_redo        (LpPlan  *plan);
/* What the step does, as a short phrase ("Delete practice X06K01"), or NULL. */
const char *lp_plan_get_undo_label  (LpPlan  *plan);
const char *lp_plan_get_redo_label  (LpPlan  *plan);
/* Names the steps committed until it is called again (NULL: by their
 * first row again). */
void        lp_plan_set_step_label  (LpPlan     *plan,
                                     const char *label);
gboolean    lp_plan_undo            (LpPlan  *plan,
                                     GError **error);
gboolean    lp_plan_redo            (LpPlan  *plan,
                                     GError **error);
void        lp_plan_clear_history   (LpPlan  *plan);
/* Whether the next undo or redo puts back a whole copy of the plan. */
gboolean    lp_plan_next_undo_is_copy (LpPlan *plan);
gboolean    lp_plan_next_redo_is_copy (LpPlan *plan);

/* Steps moved from one connection to a plan file to another. */
typedef struct _LpPlanSteps LpPlanSteps;

LpPlanSteps *lp_plan_steal_history  (LpPlan      *plan);
void         lp_plan_add_history    (LpPlan      *plan,
                                     LpPlanSteps *steps);
void         lp_plan_steps_free     (LpPlanSteps *steps);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpPlanSteps, lp_plan_steps_free)

G_END_DECLS
