/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-plan.h"

G_BEGIN_DECLS

typedef enum {
  LP_PROBLEM_WARNING,
  LP_PROBLEM_ERROR,
} LpProblemSeverity;

typedef struct {
  LpProblemSeverity  severity;
  char              *message;
} LpProblem;

/* Checks the database's integrity, its foreign keys, its schema and the
 * domain rules (no negative list sizes, no contract ending before it starts,
 * no negative FTE...).  Element type LpProblem; an empty array means the
 * plan is sound.  NULL with @error set only if the checks could not run. */
GPtrArray *lp_plan_check            (LpPlan   *plan,
                                     GError  **error);
guint      lp_problems_count_errors (GPtrArray *problems);

G_END_DECLS
