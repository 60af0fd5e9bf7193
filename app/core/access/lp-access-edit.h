/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Entering the extended access inputs as a commissioner types them: the
 * plan's coverage trajectory (a target percentage from a period), its
 * capacity rules, and each practice's planned provision.  Every value
 * arrives as text and is read here; a refusal says why in words for the
 * user, names the field (an LP_FIELD_* key of lp-form.h or those below)
 * and saves nothing.  Every save is one transaction, so one undo step. */

#include "lp-form.h"

G_BEGIN_DECLS

#define LP_FIELD_PERIOD            "period"
#define LP_FIELD_TARGET            "target"
#define LP_FIELD_MINUTES_PER_1000  "minutes_per_1000"
#define LP_FIELD_ROUNDING          "rounding"
#define LP_FIELD_GO_LIVE           "go_live"
#define LP_FIELD_LEVEL             "level"
#define LP_FIELD_MINUTES           "minutes"
#define LP_FIELD_APPLIES_TO        "applies_to"
#define LP_FIELD_POPULATION_BASE   "population_base"
#define LP_FIELD_PCN               "pcn"
#define LP_FIELD_WEEKDAY           "weekday"
#define LP_FIELD_START_TIME        "start_time"
#define LP_FIELD_END_TIME          "end_time"

/* The rounding keys of a capacity rule. */
#define LP_ROUNDING_EXACT          "exact"
#define LP_ROUNDING_QUARTER_HOUR   "quarter_hour"

/* One point of a trajectory of the base scenario (the whole plan's, or a
 * locality's own, which replaces the plan's for that locality), as
 * stored. */
typedef struct {
  gint64   id;
  gint64   locality_id;     /* 0: the whole plan's */
  char    *period;          /* the words typed ("2018/19 Q2", "August 2018") */
  char     month[8];        /* "YYYY-MM" the target applies from */
  gint64   target_bp;       /* hundredths of a percent: 6800 is 68% */
} LpAccessTargetRow;

typedef struct {
  gint64    id;
  char     *name;
  char      start_date[11];
  double    minutes_per_1000;
  gboolean  round_to_quarter_hour;
  gboolean  per_pcn;             /* applies to primary care networks, not practices */
  char     *population_base;     /* "registered" or "weighted NAME" */
} LpCapacityRuleRow;

typedef struct {
  /* "2018/19 Q2", "2018/19 Q2 (August)", "August 2018", "2018-08"; a
   * quarter without its year, "Q2 (August)", is the plan year's. */
  const char *period;
  const char *target;       /* "68", "68%", "68.5" */
} LpAccessTargetForm;

typedef struct {
  const char *name;
  const char *start_date;        /* DD/MM/YYYY or YYYY-MM-DD */
  const char *minutes_per_1000;  /* minutes a week per 1,000 patients: "30", "22.5" */
  const char *rounding;          /* LP_ROUNDING_EXACT or LP_ROUNDING_QUARTER_HOUR; NULL: exact */
  /* LP_CAPACITY_APPLIES_PRACTICE or _PCN (lp-pcn-access.h); NULL: practices */
  const char *applies_to;
  /* A PCN rule's population base as typed: "registered" or "weighted
   * NAME" of imported weights; NULL or empty: registered.  A practice
   * rule counts registered patients whatever this says. */
  const char *population_base;
} LpCapacityRuleForm;

/* One enhanced access session of a primary care network, as stored. */
typedef struct {
  gint64    id;
  char     *pcn_code;
  char     *pcn_name;            /* as the practice map names it; the code if none */
  int       weekday;             /* 1 Monday ... 7 Sunday */
  char      start_time[6];       /* "18:30" */
  char      end_time[6];
  char      start_date[11];
  char      end_date[11];        /* "": runs on */
  gint64    offered_minutes;     /* a week */
  gint64    standard_minutes;    /* of those, inside network standard hours */
} LpPcnSessionRow;

typedef struct {
  const char *pcn_code;          /* one of lp_plan_list_pcns() */
  int         weekday;           /* 1 Monday ... 7 Sunday */
  const char *start_time;        /* "18:30", "6:30", "18.30" */
  const char *end_time;
  const char *start_date;        /* DD/MM/YYYY or YYYY-MM-DD */
  const char *end_date;          /* NULL or empty: runs on */
} LpPcnSessionForm;

/* A primary care network of the practice map: code and name. */
typedef struct {
  char  *code;
  char  *name;
  guint  practices;
} LpPcnRow;

/* The base scenario's trajectory for the whole plan (@locality_id 0) or
 * a locality's own (none if it follows the plan's), by month. */
GPtrArray *lp_plan_list_access_targets     (LpPlan                    *plan,
                                            gint64                     locality_id,
                                            GError                   **error);
LpAccessTargetRow *lp_plan_get_access_target (LpPlan                  *plan,
                                            gint64                     id,
                                            GError                   **error);
void       lp_access_target_row_free       (LpAccessTargetRow         *row);
/* The first day of the month @typed applies from ("2018-08-01"). */
char      *lp_plan_read_access_period      (LpPlan                    *plan,
                                            const char                *typed,
                                            GError                   **error);
/* @id 0 adds a point to the trajectory of @locality_id (0: the whole
 * plan's); an edited point stays in its own.  Returns the point's id, or
 * 0 with @error set. */
gint64     lp_plan_save_access_target_form (LpPlan                    *plan,
                                            gint64                     id,
                                            gint64                     locality_id,
                                            const LpAccessTargetForm  *form,
                                            const char               **bad_field,
                                            GError                   **error);
gboolean   lp_plan_delete_access_target    (LpPlan                    *plan,
                                            gint64                     id,
                                            GError                   **error);
/* Removes a locality's own trajectory, so that it follows the plan's
 * again: one undoable step. */
gboolean   lp_plan_clear_locality_trajectory (LpPlan                  *plan,
                                            gint64                     locality_id,
                                            GError                   **error);

/* The plan's capacity rules, by start date. */
GPtrArray *lp_plan_list_capacity_rules     (LpPlan                    *plan,
                                            GError                   **error);
LpCapacityRuleRow *lp_plan_get_capacity_rule (LpPlan                  *plan,
                                            gint64                     id,
                                            GError                   **error);
void       lp_capacity_rule_row_free       (LpCapacityRuleRow         *row);
gint64     lp_plan_save_capacity_rule_form (LpPlan                    *plan,
                                            gint64                     id,
                                            const LpCapacityRuleForm  *form,
                                            const char               **bad_field,
                                            GError                   **error);
gboolean   lp_plan_delete_capacity_rule    (LpPlan                    *plan,
                                            gint64                     id,
                                            GError                   **error);

/* Sets one part of a practice's planned provision in the scenario (0:
 * the base) from what was typed in its cell: @field is LP_FIELD_GO_LIVE
 * (empty: the practice has no planned provision), LP_FIELD_END_DATE
 * (empty: it runs on), LP_FIELD_LEVEL ("full", "partial" or "none") or
 * LP_FIELD_MINUTES (a week).  The other parts stay; a practice without a
 * go-live date needs one first.  One undoable step. */
gboolean   lp_plan_enter_access_provision  (LpPlan                    *plan,
                                            gint64                     scenario_id,
                                            gint64                     practice_id,
                                            const char                *field,
                                            const char                *typed,
                                            GError                   **error);

/* The population bases a PCN rule may count: "registered", then
 * "weighted NAME" for each set of weights, imported ones (PCN adjusted
 * populations) first. */
char     **lp_plan_list_pcn_rule_bases     (LpPlan                    *plan,
                                            GError                   **error);

/* A time of day as typed, as minutes from midnight; the error's message
 * names @field: "Start time must be a time of day such as 18:30". */
gboolean   lp_parse_time_of_day            (const char                *field,
                                            const char                *text,
                                            int                       *minutes,
                                            GError                   **error);

/* The plan's PCNs (practice_grouping kind 'pcn'), by name. */
GPtrArray *lp_plan_list_pcns               (LpPlan                    *plan,
                                            GError                   **error);
void       lp_pcn_row_free                 (LpPcnRow                  *row);
/* The base scenario's sessions, of @pcn_code (NULL: every PCN), by PCN
 * name, weekday and start. */
GPtrArray *lp_plan_list_pcn_sessions       (LpPlan                    *plan,
                                            const char                *pcn_code,
                                            GError                   **error);
LpPcnSessionRow *lp_plan_get_pcn_session   (LpPlan                    *plan,
                                            gint64                     id,
                                            GError                   **error);
void       lp_pcn_session_row_free         (LpPcnSessionRow           *row);
/* @id 0 adds a session to the base scenario.  Returns its id, or 0 with
 * @error set, @bad_field the field at fault, and nothing saved. */
gint64     lp_plan_save_pcn_session_form   (LpPlan                    *plan,
                                            gint64                     id,
                                            const LpPcnSessionForm    *form,
                                            const char               **bad_field,
                                            GError                   **error);
gboolean   lp_plan_delete_pcn_session      (LpPlan                    *plan,
                                            gint64                     id,
                                            GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpPcnRow, lp_pcn_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpPcnSessionRow, lp_pcn_session_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpAccessTargetRow, lp_access_target_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpCapacityRuleRow, lp_capacity_rule_row_free)

G_END_DECLS
