/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Activity plans: for each activity line, the forecast outturn (baseline)
 * and the growth assumption give the plan:
 *
 *   plan         = baseline x (1 + growth)
 *   without QIPP = plan + QIPP
 *
 * The growth assumptions are net of QIPP (the operational plan's "Planning
 * assumptions are net of QIPP", "growth in activity post QIPP"): the QIPP
 * reductions are already inside the plan and are not taken off again.
 * Without QIPP is what the year would be without the schemes, so the QIPP
 * column is what the schemes must take out of that demand to reach the
 * plan.  The plan is spread over the year's months flat (1/12 each) or by
 * a seasonal profile of 12 monthly weights, and per week as the year / 52.
 * QIPP is planned by programme and point of delivery; a point of
 * delivery's activity reduction counts against the activity line that
 * measures it (A&E against A&E attendances, non-elective against
 * non-elective admissions, elective against elective admissions,
 * outpatient firsts and follow-ups against theirs); ambulance, prescribing
 * and CCG savings have no activity line.
 *
 * By locality.  A line's forecast outturn is held either for the whole
 * plan (one row without a locality) or by locality (a row for each
 * locality that has one; provider rows count like a whole-plan row).  A
 * locality may state its own growth rate for a line
 * (locality_growth_assumption); one that does not grows at the line's
 * whole-plan rate.  So:
 *
 *   a locality's plan = its outturn x (1 + its own rate, or the line's)
 *   the whole plan    = the sum of the localities' plans
 *                       + any whole-plan or provider row x (1 + the line's rate)
 *
 * Two localities, 30,000 at 3.5 % and 20,000 at 2 %, plan 31,050 +
 * 20,400 = 51,450 a year: 4,287.5 a month, 989.4 a week.  The whole plan's
 * growth column shows the line's rate, the one localities without a rate
 * of their own use.  A line held by locality takes no whole-plan outturn
 * (it would be added to the localities'), and a line with a whole-plan
 * outturn takes none by locality until that is cleared: never both.  QIPP
 * is planned for the whole plan, by programme and point of delivery, not
 * by locality: a locality's lines carry none (qipp 0, without QIPP = plan). */

#include "lp-plan.h"

G_BEGIN_DECLS

#define LP_QIPP_MAX_PODS 8

typedef struct {
  char   *code;
  char   *name;
  char   *unit;
  double  baseline;          /* the year's forecast outturn, all localities and providers */
  gboolean baseline_set;     /* a forecast outturn was given (0 is a figure too) */
  gint64  growth_bp;         /* basis points: 1330 is 13.3% */
  gboolean growth_set;       /* the scenario (or one it builds on) states a rate */
  double  qipp;              /* activity the QIPP programmes take off this line */
  double  plan;              /* baseline x (1 + growth): net of QIPP already */
  double  without_qipp;      /* plan + QIPP: the demand before the schemes */
  double  per_month[12];     /* the plan's, April first */
  double  per_week;          /* the plan's */
  guint   n_localities;      /* whole plan: localities whose own outturns make up the line's */
  gboolean held_by_locality; /* whole plan: the outturn is held by locality or provider, not
                              * for the whole plan, and cannot be entered here */
  gboolean growth_own;       /* a locality's: it states its own rate (else the line's applies) */
} LpActivityLine;

typedef struct {
  char        *financial_year;   /* "2018/19" */
  gboolean     seasonal;         /* a seasonal profile was used */
  GPtrArray   *lines;            /* LpActivityLine, in the activity lines' order */
  gint64       locality_id;      /* 0: the whole plan */
  char        *locality_name;    /* NULL for the whole plan */
} LpActivityPlan;

typedef struct {
  guint        n_pods;
  char        *pod_codes[LP_QIPP_MAX_PODS];
  char        *pod_names[LP_QIPP_MAX_PODS];
  GPtrArray   *programmes;                     /* char *: row names */
  GArray      *programme_ids;                  /* gint64: each row's programme */
  GArray      *savings;                        /* gint64 pounds: programmes x pods, row by row */
  GArray      *activity;                       /* double: programmes x pods; NAN where none given */
  gint64       pod_totals[LP_QIPP_MAX_PODS];   /* column totals */
  GArray      *programme_totals;               /* gint64: row totals */
  gint64       total;
} LpQippTable;

LpActivityPlan *lp_plan_activity_plan     (LpPlan        *plan,
                                           gint64         scenario_id,
                                           const char    *financial_year,
                                           GError       **error);
/* One locality's lines (@locality_id 0: the whole plan, as above). */
LpActivityPlan *lp_plan_activity_plan_for_locality (LpPlan     *plan,
                                                    gint64      scenario_id,
                                                    const char *financial_year,
                                                    gint64      locality_id,
                                                    GError    **error);
void            lp_activity_plan_free     (LpActivityPlan *activity_plan);
LpQippTable    *lp_plan_qipp_table        (LpPlan        *plan,
                                           gint64         scenario_id,
                                           const char    *financial_year,
                                           GError       **error);
void            lp_qipp_table_free        (LpQippTable   *table);
gint64          lp_qipp_table_get_saving  (const LpQippTable *table,
                                           guint          programme,
                                           guint          pod);
/* Sets (or, with the base's rate, keeps) a growth rate in @scenario_id
 * (0: the base scenario); one undoable step. */
gboolean        lp_plan_set_growth        (LpPlan        *plan,
                                           gint64         scenario_id,
                                           const char    *activity_line,
                                           const char    *financial_year,
                                           gint64         growth_bp,
                                           GError       **error);
/* Sets the baseline (forecast outturn) of an activity line for the whole
 * plan; one undoable step.  Typed blank (lp_plan_enter_baseline()), the
 * whole plan's figure is cleared, so that the line can be planned by
 * locality instead. */
gboolean        lp_plan_set_baseline      (LpPlan        *plan,
                                           gint64         scenario_id,
                                           const char    *activity_line,
                                           const char    *financial_year,
                                           double         activity,
                                           GError       **error);
/* The two above from what the user typed; @field names the field in an
 * error message. */
gboolean        lp_plan_enter_growth      (LpPlan        *plan,
                                           gint64         scenario_id,
                                           const char    *activity_line,
                                           const char    *financial_year,
                                           const char    *field,
                                           const char    *typed,
                                           GError       **error);
gboolean        lp_plan_enter_baseline    (LpPlan        *plan,
                                           gint64         scenario_id,
                                           const char    *activity_line,
                                           const char    *financial_year,
                                           const char    *field,
                                           const char    *typed,
                                           GError       **error);

/* A locality's own forecast outturn and growth rate for a line: one
 * undoable step each, labelled with the locality's name ("Edit Stevenage
 * forecast outturn").  Typed blank, the outturn is cleared (the locality
 * has none) and the rate is cleared (the line's whole-plan rate applies).
 * A line whose outturn is held for the whole plan, or by provider, is
 * refused a locality's outturn: LP_PLAN_ERROR_CONSTRAINT. */
gboolean        lp_plan_enter_locality_baseline (LpPlan     *plan,
                                                 gint64      scenario_id,
                                                 gint64      locality_id,
                                                 const char *activity_line,
                                                 const char *financial_year,
                                                 const char *field,
                                                 const char *typed,
                                                 GError    **error);
gboolean        lp_plan_enter_locality_growth   (LpPlan     *plan,
                                                 gint64      scenario_id,
                                                 gint64      locality_id,
                                                 const char *activity_line,
                                                 const char *financial_year,
                                                 const char *field,
                                                 const char *typed,
                                                 GError    **error);
/* @activity or @growth_bp, or with @clear none. */
gboolean        lp_plan_set_locality_baseline   (LpPlan     *plan,
                                                 gint64      scenario_id,
                                                 gint64      locality_id,
                                                 const char *activity_line,
                                                 const char *financial_year,
                                                 gboolean    clear,
                                                 double      activity,
                                                 GError    **error);
gboolean        lp_plan_set_locality_growth     (LpPlan     *plan,
                                                 gint64      scenario_id,
                                                 gint64      locality_id,
                                                 const char *activity_line,
                                                 const char *financial_year,
                                                 gboolean    clear,
                                                 gint64      growth_bp,
                                                 GError    **error);

/* One QIPP programme's reductions in a year, for its editor; -1 or NAN
 * where none is planned. */
typedef struct {
  char      *name;
  guint      n_pods;
  char      *pod_codes[LP_QIPP_MAX_PODS];
  char      *pod_names[LP_QIPP_MAX_PODS];
  gboolean   pod_has_line[LP_QIPP_MAX_PODS];   /* its activity counts against an activity line */
  gint64     saving[LP_QIPP_MAX_PODS];
  double     activity[LP_QIPP_MAX_PODS];
} LpQippProgramme;

/* A point of delivery's reduction as typed; both blank: none. */
typedef struct {
  const char *pod;             /* its code, "NEL" */
  const char *pod_name;        /* for messages, "Non-elective"; NULL: the code */
  const char *saving;          /* whole pounds; blank with an activity: £0 */
  const char *activity;        /* the activity it takes out; blank: not given */
  const char *saving_field;    /* the caller's keys, given back if refused */
  const char *activity_field;
} LpQippFormRow;

/* @programme_id 0: only the points of delivery, for a new programme. */
gboolean        lp_plan_get_qipp_programme    (LpPlan              *plan,
                                               gint64               programme_id,
                                               const char          *financial_year,
                                               LpQippProgramme     *programme,
                                               GError             **error);
void            lp_qipp_programme_clear       (LpQippProgramme     *programme);
/* Adds (@programme_id 0) or changes a programme and its base-scenario
 * reductions in @financial_year: one undoable step; on a refusal nothing
 * is saved and @bad_field is "name" or the refused row's field.  Returns
 * the programme's id, or 0. */
gint64          lp_plan_save_qipp_form        (LpPlan              *plan,
                                               gint64               programme_id,
                                               const char          *financial_year,
                                               const char          *name,
                                               const LpQippFormRow *rows,
                                               guint                n_rows,
                                               const char         **bad_field,
                                               GError             **error);
/* Removes a programme and all its reductions: one undoable step. */
gboolean        lp_plan_delete_qipp_programme (LpPlan              *plan,
                                               gint64               programme_id,
                                               GError             **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LpQippProgramme, lp_qipp_programme_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpActivityPlan, lp_activity_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpQippTable, lp_qipp_table_free)

G_END_DECLS
