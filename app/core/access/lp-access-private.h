/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Between lp-access-data.c (reading the plan) and lp-access.c and
 * lp-access-practices.c (counting). */

#include "lp-access.h"
#include "lp-pcn-access.h"
#include "lp-practice-private.h"

G_BEGIN_DECLS

typedef enum {
  LP_ACCESS_NONE,
  LP_ACCESS_PARTIAL,
  LP_ACCESS_FULL,
} LpAccessLevel;

typedef struct {
  char    date[11];         /* YYYY-MM-DD */
  gint64  patients;
} LpAccessExtract;

typedef struct {
  char           start[11];
  char           end[11];   /* "" when it runs on */
  LpAccessLevel  level;
  gint64         minutes;
} LpAccessProvision;

typedef struct {
  gint64   id;
  char    *ods_code;
  char    *name;
  gint64   locality_id;
  char    *locality;
  GArray  *extracts;        /* LpAccessExtract, oldest first */
  GArray  *plan;            /* LpAccessProvision, by start */
  GArray  *actual;
  int      best_rank[2];    /* the scenario the plan and actual rows came from */
  char     closed_from[11]; /* LP_PRACTICE_CLOSED_FROM; "" while it counts.  A month
                             * counts the practice when it is open on the month's
                             * first day, the day its list size is taken at */
} LpAccessPracticeData;

typedef struct {
  char    month[8];         /* YYYY-MM */
  int     target_bp;
  char   *label;
} LpAccessPoint;

typedef struct {
  char      start[11];
  char     *name;
  double    minutes_per_1000;
  gboolean  round_to_quarter_hour;
  gboolean  pcn;            /* applies per primary care network */
} LpAccessRule;

typedef struct {
  GArray      *chain;          /* scenario ids, nearest first */
  GArray      *practices;      /* LpAccessPracticeData, by name; only practices in a locality */
  GHashTable  *by_id;          /* practice id -> its LpAccessPracticeData */
  GArray      *points;         /* LpAccessPoint, by month */
  gboolean     own_trajectory;
  GArray      *rules;          /* LpAccessRule, by start */
  char        *reference_date;
  /* The plan's reference_date setting is set: reference_date is not today. */
  gboolean     reference_is_setting;
  /* The plan's financial years (first April, last March), or "" for none. */
  char         year_first_day[11];
  char         year_last_day[11];
} LpAccessData;

gboolean lp_access_data_load  (LpAccessData         *data,
                               LpPlan               *plan,
                               const LpAccessQuery  *query,
                               GError              **error);
void     lp_access_data_clear (LpAccessData         *data);

/* Months as numbers (year x 12 + month - 1) and as dates. */
int      lp_access_month_index     (const char *month);
void     lp_access_month_first_day (int         index,
                                    char        date[11]);
void     lp_access_month_last_day  (int         index,
                                    char        date[11]);
/* The practice's patients at a month; @extract, if given, gets the date
 * of the extract used (NULL: none). */
gint64   lp_access_patients        (const LpAccessPracticeData *practice,
                                    const char                 *first_day,
                                    const char                **extract);
/* The provision live on @date, or NULL. */
const LpAccessProvision *lp_access_live (GArray      *rows,
                                         const char  *date);
const LpAccessRule      *lp_access_rule_at (const LpAccessData *data,
                                            const char         *date);

/* Enhanced access per network month by month (lp-pcn-access.c), reading
 * once what each month would read again. */
typedef struct _LpPcnCache LpPcnCache;

LpPcnCache *lp_pcn_cache_new     (void);
void        lp_pcn_cache_free    (LpPcnCache  *cache);
LpPcnAccess *lp_pcn_access_cached (LpPlan     *plan,
                                  gint64       scenario_id,
                                  gint64       locality_id,
                                  const char  *month,
                                  LpPcnCache  *cache,
                                  GError     **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LpAccessData, lp_access_data_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpPcnCache, lp_pcn_cache_free)

G_END_DECLS
