/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Enhanced access in the primary care network era (from 1 October 2022):
 * access is commissioned per PCN, not per practice.
 *
 * - The capacity rule in force in a month is the latest one starting on
 *   or before the month's last day (as for the practice era).  A rule
 *   that applies to 'pcn' makes the month a PCN-era month; before the
 *   first such rule the practice-era coverage % is counted as before.
 * - A PCN is the practices that practice_grouping puts in one (kind
 *   'pcn', from the practice map).  Its population is the sum of its
 *   open practices' figures on the rule's population base ('registered',
 *   or 'weighted NAME' for an imported PCN adjusted population), each at
 *   its latest figure on or before the month's first day, or its latest
 *   of all when it has none that early.  A member practice with no figure
 *   at all is named in the error: it is never counted as 0.
 * - Required minutes a week = minutes per 1,000 x population / 1,000,
 *   rounded to the nearest quarter hour when the rule says so: 30,000 at
 *   60 need 1,800 (30 hours).
 * - Offered minutes a week: the PCN's sessions (pcn_access_session) live
 *   on the month's last day, from the nearest scenario that gives the PCN
 *   any (a scenario's sessions for a PCN replace its base's), each its
 *   end less its start.  Those inside network standard hours (18:30-20:00
 *   Monday to Friday, 09:00-17:00 Saturday) are counted apart: Saturday
 *   08:00-12:00 offers 240 of which 180 are inside.
 * - A locality's figures: each PCN's population, required, offered and
 *   inside-hours minutes shared among localities by its practices' share
 *   of its population on the base, so a PCN whose practices sit in two
 *   localities is counted once, in parts (a practice in no locality keeps
 *   its share out of every locality). */

#include "lp-plan.h"

G_BEGIN_DECLS

#define LP_CAPACITY_APPLIES_PRACTICE "practice"
#define LP_CAPACITY_APPLIES_PCN      "pcn"

/* Network standard hours, in minutes from midnight. */
#define LP_PCN_WEEKDAY_FROM   (18 * 60 + 30)
#define LP_PCN_WEEKDAY_UNTIL  (20 * 60)
#define LP_PCN_SATURDAY_FROM  (9 * 60)
#define LP_PCN_SATURDAY_UNTIL (17 * 60)

typedef struct {
  char     *code;
  char     *name;                /* as the practice map names it; the code if none */
  double    population;          /* on the rule's base */
  guint     practices;           /* open member practices */
  double    required_minutes;    /* a week */
  gint64    offered_minutes;     /* a week */
  gint64    standard_minutes;    /* of those, inside network standard hours */
  guint     sessions;            /* live in the month */
  double    locality_share;      /* of the PCN in the locality asked for (1: all) */
  gboolean  shortfall;           /* offers fewer minutes than required */
} LpPcnAccessPcn;

typedef struct {
  gint64    locality_id;
  char     *name;
  double    population;          /* its share of its PCNs' populations */
  double    required_minutes;
  double    offered_minutes;
  double    standard_minutes;
  gboolean  shortfall;
} LpPcnAccessLocality;

typedef struct {
  char        month[8];          /* "2022-10" */
  gboolean    pcn_era;           /* the rule in force applies per PCN; else the rest is empty */
  char       *rule;              /* the rule in force, or NULL */
  char       *base;              /* its population base, "registered" or "weighted NAME" */
  double      minutes_per_1000;
  gboolean    round_to_quarter_hour;
  GPtrArray  *pcns;              /* LpPcnAccessPcn of the locality asked for (all: 0), by name */
  GPtrArray  *localities;        /* LpPcnAccessLocality, every locality, by name */
  /* Over the selection: the locality's shares, or every PCN. */
  double      population;
  double      required_minutes;
  double      offered_minutes;
  double      standard_minutes;
  guint       all_pcns;          /* PCNs in the plan, whatever the selection */
  guint       all_sessions;      /* sessions of the scenario's chain, any month */
} LpPcnAccess;

/* Whether the rule in force at @month ("YYYY-MM") applies per PCN. */
gboolean     lp_plan_access_is_pcn_month (LpPlan      *plan,
                                          const char  *month,
                                          gboolean    *pcn_era,
                                          GError     **error);
/* @locality_id 0: all; @scenario_id 0: the base. */
LpPcnAccess *lp_plan_pcn_access         (LpPlan      *plan,
                                         gint64       scenario_id,
                                         gint64       locality_id,
                                         const char  *month,
                                         GError     **error);
void         lp_pcn_access_free         (LpPcnAccess *access);

/* Minutes of a session on @weekday (1 Monday ... 7 Sunday) from @start to
 * @end (minutes from midnight) inside network standard hours. */
gint64       lp_pcn_standard_minutes    (int          weekday,
                                         int          start,
                                         int          end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpPcnAccess, lp_pcn_access_free)

G_END_DECLS
