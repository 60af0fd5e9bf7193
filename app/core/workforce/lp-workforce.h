/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Workforce planning: FTE by practice, role and quarter, from the recorded
 * baseline projected with the plan's joiners, leavers and retirements and
 * each role's turnover, against targets shared out by registered
 * population.
 *
 * - The baseline is each practice's and role's latest record on or before
 *   the latest date any record has; its quarter is the first shown.
 * - Each role has two yearly rates (nearest scenario first, the two from
 *   the same row): turnover, the share of its FTE that leaves in a year,
 *   and joiners, the share that is recruited in a year.  Both compound by
 *   quarter and multiply:
 *     FTE at a quarter's end = FTE at its start x (1 - t) x (1 + j)
 *                              + joiners - leavers - retirements planned,
 *   where t = 1 - (1 - turnover)^(1/4) and j = (1 + joiners)^(1/4) - 1.
 *   So a year without planned movements takes FTE to exactly
 *   FTE x (1 - turnover) x (1 + joiners): 10.0 FTE with 10% turnover and
 *   10% joiners is 10 x 0.9 x 1.1 = 9.9 after four quarters, and each
 *   rate alone gives its yearly figure.  A quarter's planned movements
 *   come at its end, so that quarter's rates do not act on them; the
 *   following quarters' do.  A role at 0 FTE recruits nobody by rate.
 * - A missing baseline (NHS Digital's ND/NA) stays missing: it is counted
 *   as missing, never as 0, and the projection leaves it out.
 * - A CCG target (an FTE change by a date for a staff group or a role)
 *   reaches a selection by its share of registered patients; a locality's
 *   or practice's own target applies to it whole.  The target line runs
 *   straight from the baseline to baseline + change at the due quarter. */

#include "lp-plan.h"

G_BEGIN_DECLS

typedef struct {
  gint64       locality_id;     /* 0: all localities */
  gint64       practice_id;     /* 0: every practice of the selection */
  gint64       scenario_id;     /* 0: the base scenario */
  const char  *staff_group;     /* "GP", "NURSE", "DPC", "ADMIN"; NULL: all */
  const char  *role;            /* a role's code; NULL: every role of the group */
} LpWorkforceQuery;

typedef struct {
  char      start[11];          /* the quarter's first day, 2018-04-01 */
  char     *label;              /* "2018/19 Q1" */
  gboolean  has_actual;         /* FTE recorded in this quarter */
  double    actual;
  double    plan;               /* projected FTE at the quarter's end */
  guint     missing;            /* practice roles with no baseline figure */
  gboolean  has_target;
  double    target;
  double    gap;                /* target less plan; > 0 is short */
  gboolean  short_of_target;
  double    turnover;           /* FTE lost to the turnover rates in the quarter */
  double    recruited;          /* FTE gained by the joiner rates in the quarter */
} LpWorkforceQuarter;

/* A role's yearly rates, as the plan states them (basis points: 800 is
 * 8%), from the nearest scenario that sets them. */
typedef struct {
  char  *role;                  /* its code, "GP_SALARIED" */
  char  *name;                  /* "Salaried GP" */
  gint   turnover_bp;
  gint   joiner_bp;
} LpWorkforceRate;

typedef struct {
  char       *baseline_date;    /* the records' date used as the baseline */
  gint64      population;       /* registered patients of the selection */
  GPtrArray  *quarters;         /* LpWorkforceQuarter, in order */
  GPtrArray  *rates;            /* LpWorkforceRate of the selection's roles that have them, in role order */
  gboolean    has_target;
  double      target_change;    /* the targets' FTE growth on the baseline, for the selection */
  char        target_due[11];   /* the last target's due date */
} LpWorkforceTable;

typedef struct {
  gint64   patients;
  double   gp_fte;                   /* every GP role */
  double   gp_fte_qualified;         /* without trainees and locums */
  double   patients_per_gp;          /* 0 when there is no GP FTE */
  double   patients_per_qualified_gp;
  double   per_1000[4];              /* FTE per 1,000 patients: GP, nurses, DPC, admin */
  guint    missing;                  /* records with no FTE figure */
} LpWorkforceRatios;

typedef struct {
  gint64    practice_id;
  char     *ods_code;
  char     *name;
  gboolean  has_fte;        /* FALSE: no figure, or every figure missing */
  double    fte;            /* the selection's roles at the baseline */
  guint     missing;
  double    joiners;        /* planned in the quarter asked for */
  double    leavers;
  double    retirements;
} LpWorkforcePractice;

LpWorkforceTable *lp_plan_workforce          (LpPlan                  *plan,
                                              const LpWorkforceQuery  *query,
                                              GError                 **error);
void              lp_workforce_table_free    (LpWorkforceTable        *table);
/* Patients per GP FTE and FTE per 1,000 for the query's locality or
 * practice (staff group and role are not used), at the baseline. */
gboolean          lp_plan_workforce_ratios   (LpPlan                  *plan,
                                              const LpWorkforceQuery  *query,
                                              LpWorkforceRatios       *ratios,
                                              GError                 **error);
/* Each locality's share of the CCG target for @staff_group, by name:
 * GHashTable of locality name -> double FTE, adding up to the target. */
GHashTable       *lp_plan_workforce_shares   (LpPlan                  *plan,
                                              gint64                   scenario_id,
                                              const char              *staff_group,
                                              GError                 **error);
/* Each practice of the selection, by name, with its FTE at the baseline
 * and its planned movements in @quarter_start's quarter. */
GPtrArray        *lp_plan_workforce_practices (LpPlan                 *plan,
                                               const LpWorkforceQuery *query,
                                               const char             *quarter_start,
                                               GError                **error);
/* The roles of @staff_group (NULL: all), in their order: @codes and
 * @names, each NULL-terminated. */
gboolean          lp_plan_list_staff_roles    (LpPlan                 *plan,
                                               const char             *staff_group,
                                               GStrv                  *codes,
                                               GStrv                  *names,
                                               GError                **error);
/* A reference figure the plan carries ("ENG_PATIENTS_PER_GP_FTE_2019"):
 * its value, words and date; FALSE if the plan has none of that code. */
gboolean          lp_plan_get_reference_figure (LpPlan                *plan,
                                                const char            *code,
                                                double                *value,
                                                char                 **label,
                                                char                 **as_at);
/* A practice's planned movements for a role in a quarter (its first day);
 * one undoable step. */
gboolean          lp_plan_set_workforce_change (LpPlan                *plan,
                                                gint64                 scenario_id,
                                                gint64                 practice_id,
                                                const char            *role,
                                                const char            *quarter_start,
                                                double                 joiners,
                                                double                 leavers,
                                                double                 retirements,
                                                GError               **error);
/* The same from what was typed into a practice's joiners and leavers
 * fields (blank: none), with no retirements; @bad_field names the field
 * whose figure is refused. */
gboolean          lp_plan_enter_workforce_change (LpPlan              *plan,
                                                  gint64               scenario_id,
                                                  gint64               practice_id,
                                                  const char          *role,
                                                  const char          *quarter_start,
                                                  const char          *joiners,
                                                  const char          *leavers,
                                                  const char         **bad_field,
                                                  GError             **error);
/* The quarterly turnover that compounds to @annual over four quarters:
 * 1 - (1 - annual)^(1/4). */
double            lp_workforce_quarterly_rate (double                 annual);
/* The quarterly joiner rate that compounds to @annual over four quarters:
 * (1 + annual)^(1/4) - 1. */
double            lp_workforce_quarterly_joiner_rate (double          annual);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpWorkforceTable, lp_workforce_table_free)

G_END_DECLS
