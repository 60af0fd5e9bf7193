/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-chart.h"
#include "lp-core.h"
#include "lp-access-edit.h"

G_BEGIN_DECLS

/* Every piece of text (and the chart) the Extended Access view shows,
 * built from core's lp_plan_access results without a display, so that a
 * test can check the figures, the words and the chart's series and marks. */

typedef struct {
  char     *month;          /* "Jul 2018" */
  char     *target;         /* "68.0%"; "–" without one */
  char     *target_label;   /* the trajectory's words in the month it names, else NULL */
  char     *target_from;    /* "Oct 2018": the month the target in force applies from; "–" without one */
  char     *planned;
  char     *actual;         /* "–" after the reference date */
  char     *gap;            /* percentage points behind ("3.5"), "–" when on or ahead */
  char     *required;       /* "2,274.8" minutes a week */
  char     *offered;        /* "2,340" */
  gboolean  behind;
  /* Under a rule per primary care network: coverage is "–", required and
   * offered are the networks'; @standard the minutes inside network
   * standard hours ("1,020"), "–" in a practice month. */
  gboolean  pcn;
  char     *standard;
} LpAccessTextMonth;

typedef struct {
  char     *locality;
  char     *population;
  char     *required;       /* "2,274.8 (37.9 h)" */
  char     *offered;        /* "2,340 (39.0 h)" */
  char     *difference;     /* "+65.2" or "-120.0" minutes a week */
  gboolean  shortfall;
} LpAccessTextCapacity;

typedef struct {
  gint64    practice_id;
  char     *code;
  char     *name;
  char     *list_size;
  char     *go_live;        /* DD/MM/YYYY, as typed back into the field; "" for none */
  char     *level;          /* "Full", "Partial", "None", "–" */
  char     *offered;
  char     *required;
  gboolean  shortfall;
  /* The planned provision as entered, typed back into its fields. */
  char     *end_date;       /* DD/MM/YYYY; "" while it runs on */
  char     *plan_level;     /* "Full", "Partial", "None"; "" without a plan */
  char     *plan_minutes;   /* "375" a week; "" without a plan */
} LpAccessTextPractice;

/* A point of the plan's trajectory, as the trajectory list shows it. */
typedef struct {
  gint64    id;
  char     *period;         /* the plan's words, "2018/19 Q2" */
  char     *target;         /* "68.0%" */
  char     *from;           /* "from July 2018" */
} LpAccessTextTarget;

typedef struct {
  gint64    id;
  char     *name;
  char     *detail;         /* "30 minutes a week per 1,000 patients from 01/04/2017, exact" */
  char     *start;          /* "01/04/2017" */
  char     *minutes;        /* "30" */
} LpAccessTextRule;

typedef struct {
  char      *summary;       /* "Lower Lea Valley: 75,825 registered patients; 100% planned from October 2018" */
  char      *basis;         /* what counts, which list sizes, which rule, the trajectory */
  char      *trajectory;    /* "The plan’s trajectory: 21.0% from January 2018 (2017/18 Q4); …" */
  char      *as_at;         /* "Capacity and practices as at October 2018" */
  guint      n_behind;
  gboolean   has_pcn_months;  /* a month is under a rule per primary care network */
  GPtrArray *months;        /* LpAccessTextMonth */
  GPtrArray *capacity;      /* LpAccessTextCapacity */
  GPtrArray *practices;     /* LpAccessTextPractice */
  LpChart   *chart;
} LpAccessText;

/* Enhanced access per primary care network (lp-pcn-access.h), in a month. */
typedef struct {
  char     *code;
  char     *name;
  char     *population;     /* on the rule's base: "30,000" */
  char     *share;          /* of it in the locality shown: "70%"; "" when all is shown */
  char     *required;       /* "1,800.0 (30.0 h)" */
  char     *offered;        /* "1,080.0 (18.0 h)" */
  char     *standard;       /* inside network standard hours: "690" */
  char     *difference;     /* offered less required: "-720.0" */
  gboolean  shortfall;
} LpAccessTextPcn;

typedef struct {
  char     *locality;
  char     *population;
  char     *required;
  char     *offered;
  char     *standard;
  char     *difference;
  gboolean  shortfall;
} LpAccessTextPcnLocality;

/* A session, as the sessions list shows it. */
typedef struct {
  gint64    id;
  char     *pcn_code;
  char     *title;          /* "Riverside PCN · Monday 18:30–20:00" */
  char     *detail;         /* "90 minutes, 90 in network standard hours; from 01/10/2022" */
} LpAccessTextSession;

typedef struct {
  char      *heading;       /* "Enhanced Access by Network, October 2022" */
  char      *month;         /* "October 2022" */
  char      *basis;         /* the rule, its base and how networks are shared */
  GPtrArray *pcns;          /* LpAccessTextPcn */
  GPtrArray *localities;    /* LpAccessTextPcnLocality */
} LpAccessTextPcnMonth;

void        lp_access_text_pcn_build   (const LpPcnAccess    *access,
                                        const char           *locality,
                                        LpAccessTextPcnMonth *text);
void        lp_access_text_pcn_clear   (LpAccessTextPcnMonth *text);
void        lp_access_text_pcn_free    (gpointer              pcn);
void        lp_access_text_pcn_locality_free (gpointer        locality);
/* Sessions (LpPcnSessionRow), those of @codes only unless it is NULL. */
GPtrArray  *lp_access_text_sessions    (GPtrArray            *sessions,
                                        GHashTable           *codes);
/* "Monday" for 1. */
const char *lp_access_text_weekday     (int                   weekday);

/* The month the capacity and practice lists are for: the reference date's
 * if the table spans it, else the table's last month ("YYYY-MM"). */
const char *lp_access_text_as_at_month (const LpAccessTable  *table,
                                        const char           *reference_date);
void        lp_access_text_build       (const LpAccessTable  *table,
                                        GPtrArray            *capacity,
                                        GPtrArray            *practices,
                                        const char           *locality,
                                        const char           *as_at_month,
                                        gboolean              partial_counts,
                                        LpAccessText         *text);
void        lp_access_text_clear       (LpAccessText         *text);
/* A capacity or practice row on its own, for the view's tables' rows
 * (see lp-text-row.h): copied, compared, freed. */
gpointer    lp_access_text_capacity_copy  (gconstpointer       capacity);
gboolean    lp_access_text_capacity_equal (gconstpointer       a,
                                           gconstpointer       b);
void        lp_access_text_capacity_free  (gpointer            capacity);
gpointer    lp_access_text_practice_copy  (gconstpointer       practice);
gboolean    lp_access_text_practice_equal (gconstpointer       a,
                                           gconstpointer       b);
void        lp_access_text_practice_free  (gpointer            practice);
/* The trajectory's points (LpAccessTargetRow) and capacity rules
 * (LpCapacityRuleRow) of lp-access-edit.h, worded for their lists. */
GPtrArray  *lp_access_text_targets     (GPtrArray            *targets);
GPtrArray  *lp_access_text_rules       (GPtrArray            *rules);
/* Whose trajectory the list shows, for @locality (NULL: the whole plan):
 * "Stevenage has its own trajectory, in place of the plan’s." */
char       *lp_access_text_trajectory_scope (const char *locality,
                                             gboolean    own);
/* The button that starts a locality's own trajectory. */
char       *lp_access_text_own_trajectory_button (const char *locality);
/* "July 2018": the month a trajectory period as typed applies from, or
 * NULL while it does not read as one. */
char       *lp_access_text_applies_from (LpPlan              *plan,
                                         const char          *period);
/* A target as typed back into its field: "68.0" for 6800. */
char       *lp_access_text_percent_typed (gint64              target_bp);
/* "Jul 2018" for "2018-07"; the financial year "2018/19" for an April. */
char       *lp_access_text_month       (const char           *month);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LpAccessText, lp_access_text_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LpAccessTextPcnMonth, lp_access_text_pcn_clear)

G_END_DECLS
