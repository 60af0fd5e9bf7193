/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Extended access: which practices offer evening and weekend appointments,
 * month by month, against the agreed coverage trajectory and the capacity
 * rule in force.
 *
 * - A practice counts as covered in a month if its provision is live on
 *   the month's last day (so one going live on 15 July counts in July, one
 *   stopping on 20 July does not), at a level that counts: "full" only, or
 *   "full" and "partial" if asked.
 * - Coverage = registered patients of covered practices / all registered
 *   patients of the selection, with each practice's list size taken from
 *   the latest extract on or before the month's first day (or, if it has
 *   none that early, its first extract).
 * - A closed or dormant practice counts, in the coverage and the capacity,
 *   in the months it is still open on the first day of: one closed on
 *   15 August counts in August, not from September.  Without a close date
 *   it never counts.
 * - Planned coverage comes from the plan's go-live dates, actual coverage
 *   from recorded provision, up to the plan's reference date.
 * - The target in a month is the latest trajectory point at or before it;
 *   a locality's own trajectory, if it has one, else the plan's.  A point
 *   given for a quarter applies from the quarter's first month ("2018/19
 *   Q3" from October 2018), one for a named month from that month, each
 *   until the next.  Points are placed by their period's words when those
 *   read as a period, so a plan saved when quarters were read otherwise
 *   gets the same months as a new one.
 * - Required capacity = registered patients / 1,000 x the rule's minutes a
 *   week (rounded to the nearest quarter hour if the rule says so); the
 *   rule in force is the latest one starting on or before the month's end.
 * - From a rule that applies per primary care network, months are
 *   counted per PCN instead (lp-pcn-access.h). */

#include "lp-plan.h"

G_BEGIN_DECLS

typedef struct {
  gint64       locality_id;      /* 0: all localities */
  gint64       scenario_id;      /* 0: the base scenario */
  const char  *from;             /* "YYYY-MM"; NULL: April before the first target */
  const char  *to;               /* "YYYY-MM"; NULL: March after the last target */
  gboolean     partial_counts;   /* partial provision counts as covered */
  guint        default_minutes;  /* minutes a week per 1,000 patients before the
                                  * plan's first capacity rule; 0: none */
} LpAccessQuery;

typedef struct {
  char      month[8];            /* "2018-07" */
  gint64    population;          /* registered patients of the selection */
  char     *extract_date;        /* the newest list-size extract used */
  gboolean  has_target;
  double    target;              /* 0 to 1 */
  char     *target_label;        /* the trajectory point's own words, in its month; else NULL */
  char      target_from[8];      /* "YYYY-MM" the target in force applies from; "" without one */
  char     *target_period;       /* the words of the point in force ("2018/19 Q3"), or NULL */
  double    planned;             /* 0 to 1 */
  gboolean  has_actual;          /* the month has begun by the reference date */
  double    actual;
  double    gap;                 /* target less actual (or planned, without one); > 0 is behind */
  gboolean  behind;
  char     *rule;                /* the capacity rule in force, or NULL */
  double    required_minutes;    /* a week */
  gint64    offered_minutes;     /* a week, by the plan */
  /* The rule in force applies per primary care network (see
   * lp-pcn-access.h): coverage is not counted against the trajectory
   * (planned, actual and the gap are the practices' still, but no month
   * is behind); required and offered minutes are the PCNs' (the
   * locality's shares of them), offered rounded to the minute. */
  gboolean  pcn_rule;
  gint64    standard_minutes;    /* pcn_rule: of those offered, inside network standard hours */
} LpAccessMonth;

/* A trajectory point: its target from @month until the next point's. */
typedef struct {
  char      month[8];            /* "2018-10" */
  double    target;              /* 0 to 1 */
  char     *label;               /* the plan's words ("2018/19 Q3"), or NULL */
} LpAccessTarget;

typedef struct {
  GPtrArray *months;             /* LpAccessMonth, in order */
  gboolean   own_trajectory;     /* the locality's own, not the plan's */
  GPtrArray *targets;            /* LpAccessTarget, the trajectory in force, by month */
} LpAccessTable;

typedef struct {
  gint64    practice_id;
  char     *ods_code;
  char     *name;
  char     *locality;
  gint64    list_size;           /* at the month asked for; -1: none */
  char     *go_live;             /* planned start, or NULL */
  char     *level;               /* "full", "partial", "none", or NULL */
  gint64    offered_minutes;     /* a week, by the plan, at the month */
  double    required_minutes;    /* a week, under the rule in force */
  gboolean  shortfall;           /* offers fewer minutes than required */
  /* The planned provision the go-live date comes from, as entered. */
  char     *end_date;            /* its last day, or NULL: it runs on */
  char     *plan_level;          /* "full", "partial", "none", or NULL: none planned */
  gint64    plan_minutes;        /* a week */
} LpAccessPractice;

typedef struct {
  gint64    locality_id;
  char     *name;
  gint64    population;
  double    required_minutes;
  gint64    offered_minutes;
} LpAccessCapacity;

LpAccessTable *lp_plan_access            (LpPlan              *plan,
                                          const LpAccessQuery *query,
                                          GError             **error);
void           lp_access_table_free      (LpAccessTable       *table);
/* The practices of the query's locality (or all), as at @month
 * ("YYYY-MM"), by name. */
GPtrArray     *lp_plan_access_practices  (LpPlan              *plan,
                                          const LpAccessQuery *query,
                                          const char          *month,
                                          GError             **error);
/* Every locality's required and offered minutes a week at @month, by
 * name. */
GPtrArray     *lp_plan_access_capacity   (LpPlan              *plan,
                                          const LpAccessQuery *query,
                                          const char          *month,
                                          GError             **error);
/* Required minutes a week for @patients under @minutes_per_1000. */
double         lp_access_required_minutes (gint64              patients,
                                           double              minutes_per_1000,
                                           gboolean            round_to_quarter_hour);
/* A trajectory period as plans write it, as the month its target applies
 * from: "2018/19 Q3" is October 2018 (a quarter's first month),
 * "2018/19 Q2 (August)" August 2018; returns "YYYY-MM-01". */
char          *lp_access_parse_period    (const char          *label,
                                          GError             **error);
/* Sets a practice's planned provision in the scenario: from @go_live
 * (YYYY-MM-DD), at @level, offering @minutes a week.  One undoable step. */
gboolean       lp_plan_set_access_plan   (LpPlan              *plan,
                                          gint64               scenario_id,
                                          gint64               practice_id,
                                          const char          *go_live,
                                          const char          *level,
                                          gint64               minutes,
                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpAccessTable, lp_access_table_free)

G_END_DECLS
