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
 * and CCG savings have no activity line. */

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
} LpActivityLine;

typedef struct {
  char        *financial_year;   /* "2018/19" */
  gboolean     seasonal;         /* a seasonal profile was used */
  GPtrArray   *lines;            /* LpActivityLine, in the activity lines' order */
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
 * plan; one undoable step. */
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
