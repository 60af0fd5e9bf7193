/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Scenarios: named sets of assumptions.  A scenario built on another
 * inherits every figure it does not state itself; the plan's base
 * scenario builds on none.  Modelling and activity plans take a scenario
 * and look its figures up nearest first (lp-model.h, lp-activity.h). */

#include "lp-plan.h"

G_BEGIN_DECLS

/* LpScenario: one scenario as read from the plan.  Read-only GObject
 * properties: "id", "name", "base-id" (0 for the base scenario) and
 * "base-name". */
#define LP_TYPE_SCENARIO (lp_scenario_get_type ())
G_DECLARE_FINAL_TYPE (LpScenario, lp_scenario, LP, SCENARIO, GObject)

gint64      lp_scenario_get_id        (LpScenario *self);
const char *lp_scenario_get_name      (LpScenario *self);
gint64      lp_scenario_get_base_id   (LpScenario *self);
const char *lp_scenario_get_base_name (LpScenario *self);

/* The base scenario first, then the others by name. */
GListModel *lp_plan_list_scenarios     (LpPlan      *plan,
                                        GError     **error);
/* @base_id 0: built on the base scenario.  Returns the id, or 0. */
gint64      lp_plan_add_scenario       (LpPlan      *plan,
                                        const char  *name,
                                        gint64       base_id,
                                        GError     **error);
gboolean    lp_plan_rename_scenario    (LpPlan      *plan,
                                        gint64       id,
                                        const char  *name,
                                        GError     **error);
/* A copy of the scenario's own figures under a new name, built on the
 * same base.  Returns the copy's id, or 0. */
gint64      lp_plan_duplicate_scenario (LpPlan      *plan,
                                        gint64       id,
                                        const char  *name,
                                        GError     **error);
/* @scenario_id (0: the base) and the scenarios it builds on, nearest
 * first, as gint64 ids. */
GArray     *lp_plan_dup_scenario_chain (LpPlan      *plan,
                                        gint64       scenario_id,
                                        GError     **error);
/* @scenario's place in @chain (0: the nearest), or -1 if not in it. */
int         lp_scenario_chain_rank     (GArray      *chain,
                                        gint64       scenario);
/* Refused for the base scenario, and for one that others build on. */
gboolean    lp_plan_delete_scenario    (LpPlan      *plan,
                                        gint64       id,
                                        GError     **error);

G_END_DECLS
