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
  gboolean  by_hand;        /* a baseline figure was entered by hand */
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


/* Editing the workforce inputs from what a user typed (see lp-form.h for
 * the pattern): each function parses the text, refuses bad input with the
 * reason and @bad_field naming the field (one of the keys below), saves
 * nothing then, and otherwise saves in one undoable step. */
#define LP_FIELD_WF_STAFF        "wf_staff"
#define LP_FIELD_WF_APPLIES_TO   "wf_applies_to"
#define LP_FIELD_WF_FTE_CHANGE   "wf_fte_change"
#define LP_FIELD_WF_DUE          "wf_due"
#define LP_FIELD_WF_LABEL        "wf_label"
#define LP_FIELD_WF_PRACTICE     "wf_practice"
#define LP_FIELD_WF_ROLE         "wf_role"
#define LP_FIELD_WF_FTE          "wf_fte"
#define LP_FIELD_WF_AS_AT        "wf_as_at"
#define LP_FIELD_WF_TURNOVER     "wf_turnover"
#define LP_FIELD_WF_JOINERS      "wf_joiner_rate"
#define LP_FIELD_WF_REF_VALUE    "wf_reference_value"
#define LP_FIELD_WF_REF_AS_AT    "wf_reference_as_at"
#define LP_FIELD_WF_REF_SOURCE   "wf_reference_source"

/* What workforce_fte.source holds for a figure entered by hand; an import
 * of NHS Digital's file replaces such figures for the practices it has. */
#define LP_WORKFORCE_SOURCE_HAND "hand"

/* The reference figure the view compares patients per GP FTE with. */
#define LP_WORKFORCE_REFERENCE_PER_GP "ENG_PATIENTS_PER_GP_FTE_2019"

typedef struct {
  const char *staff;        /* a staff group's code ("GP") or a role's ("GP_SALARIED") */
  /* Blank or "CCG": the whole CCG; else a locality's name or code, or a
   * practice's ODS code. */
  const char *applies_to;
  const char *fte_change;   /* "+4", "-1.5": FTE to add to the baseline */
  /* The date it is due by: DD/MM/YYYY, YYYY-MM-DD, or a quarter of the
   * financial year, "2019/20 Q4" (its last day, 31/03/2020). */
  const char *due;
  const char *label;        /* optional words */
} LpWorkforceTargetForm;

/* A target as the plan holds it, for the view's list and the editor. */
typedef struct {
  gint64  id;
  char   *staff;            /* the group's or role's code */
  char   *staff_name;       /* "GPs", "Salaried GP" */
  char   *level;            /* "ccg", "locality", "practice" */
  char   *applies_to;       /* as typed back: "CCG", a locality's name, a practice's code */
  double  fte_change;
  char   *due;              /* YYYY-MM-DD */
  char   *label;
} LpWorkforceTarget;

void       lp_workforce_target_free            (LpWorkforceTarget *target);
/* @id 0 adds a target to the base scenario.  Returns its id, or 0. */
gint64     lp_plan_save_workforce_target_form  (LpPlan                      *plan,
                                                gint64                       id,
                                                const LpWorkforceTargetForm *form,
                                                const char                 **bad_field,
                                                GError                     **error);
gboolean   lp_plan_delete_workforce_target     (LpPlan                      *plan,
                                                gint64                       id,
                                                GError                     **error);
/* The base scenario's targets (@id 0: all; else that one), by due date:
 * LpWorkforceTarget. */
GPtrArray *lp_plan_list_workforce_targets      (LpPlan                      *plan,
                                                gint64                       id,
                                                GError                     **error);
/* The staff a target can be for: each group, then its roles, as codes and
 * names ("GPs (every role)", "Salaried GP"), NULL-terminated. */
gboolean   lp_plan_list_staff_choices          (LpPlan                      *plan,
                                                GStrv                       *codes,
                                                GStrv                       *names,
                                                GError                     **error);
/* A practice's FTE in a role, typed by hand where no NHS Digital file is
 * there yet; @as_at blank: the date of the plan's latest figures, else its
 * reference date, else today.  Stored with the source "hand". */
gboolean   lp_plan_enter_baseline_fte          (LpPlan                      *plan,
                                                const char                  *practice_code,
                                                const char                  *role,
                                                const char                  *fte,
                                                const char                  *as_at,
                                                const char                 **bad_field,
                                                GError                     **error);
/* A role's yearly turnover and joiner rates as typed ("10", "10.5 %"), 0
 * to 100 %, for @scenario_id (0: the base). */
gboolean   lp_plan_enter_workforce_rates       (LpPlan                      *plan,
                                                gint64                       scenario_id,
                                                const char                  *role,
                                                const char                  *turnover,
                                                const char                  *joiners,
                                                const char                 **bad_field,
                                                GError                     **error);
/* The rates @scenario_id itself states for @role; FALSE if none. */
gboolean   lp_plan_get_workforce_rates         (LpPlan                      *plan,
                                                gint64                       scenario_id,
                                                const char                  *role,
                                                gint                        *turnover_bp,
                                                gint                        *joiner_bp);
/* Sets the reference figure @code (added if new) from what was typed: its
 * value, the date it describes and where it comes from. */
gboolean   lp_plan_enter_reference_figure      (LpPlan                      *plan,
                                                const char                  *code,
                                                const char                  *label,
                                                const char                  *value,
                                                const char                  *as_at,
                                                const char                  *source,
                                                const char                 **bad_field,
                                                GError                     **error);
gboolean   lp_plan_delete_reference_figure     (LpPlan                      *plan,
                                                const char                  *code,
                                                GError                     **error);

/* Staff by employer: a locality's practice staff (workforce_fte) and its
 * PCNs' staff (pcn_workforce_fte) side by side, each labelled, never
 * counted twice: the PCN file holds only staff the PCN employs.
 * - Practice figures are each practice's and role's latest on or before
 *   the latest date any practice figure has (the baseline, as above).
 * - PCN figures are those of the latest census imported.  A PCN belongs
 *   to the localities of its practices (practice_grouping kind 'pcn');
 *   one whose practices sit in two localities is shared between them by
 *   its practices' registered patients at the census (the latest list
 *   size on or before it, else the first after), counting only its
 *   practices in the plan.
 * - A missing figure stays missing: counted in `missing`, never as 0. */
typedef struct {
  char     *pcn_code;       /* NULL: the practices' own staff */
  char     *pcn_name;       /* the PCN's name ("" if the file gave none) */
  double    share;          /* of the PCN's staff counted here, 0-1; 1 for practice staff */
  char     *role;           /* "DPC_SPLW" */
  char     *role_name;      /* "Social prescribing link worker" */
  char     *staff_group;    /* "DPC" */
  char     *group_name;     /* "Direct patient care" */
  gboolean  is_arrs;        /* a role the Additional Roles Reimbursement Scheme pays for */
  gboolean  has_fte;        /* FALSE: every figure of the row is missing */
  double    fte;            /* after the share */
  guint     missing;        /* figures of the row that are missing */
} LpWorkforceStaffRow;

typedef struct {
  char    *staff_group;     /* "GP" */
  char    *group_name;      /* "GPs" */
  double   practice_fte;
  double   pcn_fte;
  gboolean has_practice_fte;            /* FALSE: no figure, or only missing ones */
  gboolean has_pcn_fte;
  double   patients_per_practice_fte;  /* 0 when there is no FTE */
  double   patients_per_fte;           /* with the PCN staff */
} LpWorkforceStaffGroup;

typedef struct {
  char    *pcn_code;
  char    *pcn_name;
  double   share;           /* of its staff counted in the selection */
  gint64   patients;        /* of its practices in the selection */
  gint64   pcn_patients;    /* of all its practices in the plan */
} LpWorkforcePcnShare;

typedef struct {
  char       *practice_date;  /* the practice figures' baseline date, or NULL */
  char       *census_date;    /* the PCN census shown, or NULL if none is imported */
  gint64      patients;       /* registered patients of the selection, latest extract */
  GPtrArray  *rows;           /* LpWorkforceStaffRow: practice staff by role, then each PCN's by role */
  GPtrArray  *groups;         /* LpWorkforceStaffGroup, in the groups' order, those with staff */
  GPtrArray  *pcns;           /* LpWorkforcePcnShare: the selection's PCNs, by name */
  double      practice_fte;
  double      pcn_fte;
  double      arrs_fte;       /* of pcn_fte, in ARRS roles */
  guint       missing;
} LpWorkforceStaff;

/* The staff of @locality_id (0: every locality) by employer. */
LpWorkforceStaff *lp_plan_workforce_staff   (LpPlan                  *plan,
                                             gint64                   locality_id,
                                             GError                 **error);
void              lp_workforce_staff_free   (LpWorkforceStaff        *staff);
/* TRUE when the PCN is shared with another locality: only part of its
 * staff is counted in the selection. */
gboolean          lp_workforce_pcn_share_is_split (const LpWorkforcePcnShare *share);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpWorkforceStaff, lp_workforce_staff_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpWorkforceTarget, lp_workforce_target_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpWorkforceTable, lp_workforce_table_free)

char *lp_workforce_quarter_label (const char *date);

G_END_DECLS
