/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Locality modelling: a pathway change stated for the STP, the CCG or a
 * locality, turned into what a locality (or all of them) must do per year,
 * per month and per week.
 *
 * - A change stated over its horizon is spread evenly: per year = total /
 *   years.  A locality's own figures may be stated per year, month or week.
 * - STP and CCG changes reach a locality by its share of the CCG's
 *   population on the pathway's population base (lp-population-base.h):
 *   the locality's count / the CCG's count; "registered" (list size) unless
 *   the pathway, the scenario (nearest in its chain) or the query names
 *   another, such as "75+".  The scenario's apportionment weights,
 *   normalised to sum to 1, win over any base where they are set.
 * - An STP change first reaches the CCG by the CCG's share of the STP on
 *   the same base, where the plan holds the STP's figure for that base
 *   (the plan setting "stp_population_" and the base's name, e.g.
 *   "stp_population_75+"), else by registered population (the CCG's list
 *   size / the plan setting "stp_population"), as before bases.
 * - Per month = per year / 12; per week = per year / 52 (the planning
 *   tables' convention), or / (365 / 7) if asked.
 * - Totals are sums of unrounded figures; rounding is for display.
 * - A practice's share of any figure is its locality's figure (the
 *   locality's own where it states them, else its share of the CCG's or
 *   STP's) times the practice's share of the locality's count on the row's
 *   base (its list size for registered), the same
 *   number whether all localities, its locality or its own page is asked
 *   for (lp_plan_model_practices is the only place it is made). */

#include "lp-plan.h"

G_BEGIN_DECLS

#define LP_MODEL_MAX_HORIZONS 4

typedef enum {
  LP_PER_YEAR,
  LP_PER_MONTH,
  LP_PER_WEEK,
} LpPer;

typedef struct {
  gint64      locality_id;    /* 0: all localities together */
  gint64      scenario_id;    /* 0: the base scenario */
  LpPer       per;
  gboolean    weeks_365_7;    /* a year of 365/7 weeks instead of 52 */
  const char *extract_date;   /* list sizes as at this date (YYYY-MM-DD); NULL: the latest */
  const char *base;           /* a population base for every pathway ("75+"), overriding
                               * the pathways' and the scenario's; NULL: theirs */
  /* The Extended Access view's preferences, for its export. */
  gboolean    access_partial;          /* partial provision counts as covered */
  guint       access_default_minutes;  /* the default capacity rule; 0: none */
} LpModelQuery;

typedef enum {
  LP_MODEL_ROW_PATHWAY,
  LP_MODEL_ROW_SUBTOTAL,
  LP_MODEL_ROW_TOTAL,
} LpModelRowKind;

typedef struct {
  char           *name;
  LpModelRowKind  kind;
  gboolean        entered;    /* every figure in the row came from the source as stated
                               * (a locality's own figures), none is a share: for all
                               * localities, only if every locality's are its own */
  double          activity[LP_MODEL_MAX_HORIZONS];
  double          bed_days[LP_MODEL_MAX_HORIZONS];
  char           *base;       /* a pathway's population base as written ("registered",
                               * "75+"); NULL for totals */
} LpModelRow;

typedef struct {
  guint       n_horizons;
  int         horizons[LP_MODEL_MAX_HORIZONS];   /* years, ascending */
  LpPer       per;
  double      weeks_per_year;
  gint64      population;         /* of the locality (or all), at the extract used */
  gboolean    by_weights;         /* STP and CCG changes shared by the scenario's weights */
  gboolean    weights_normalised; /* the scenario's weights did not sum to 1 */
  GPtrArray  *rows;               /* LpModelRow: in-patient pathways, their subtotal,
                                   * A&E and outpatient pathways, their subtotal, grand total */
} LpModelTable;

typedef struct {
  gint64      practice_id;
  char       *ods_code;
  char       *name;
  gint64      locality_id;
  char       *locality;
  gint64      list_size;
  double      share;                            /* of its locality's registered population */
  double      activity[LP_MODEL_MAX_HORIZONS];  /* the grand total's share */
  double      bed_days[LP_MODEL_MAX_HORIZONS];
  GPtrArray  *rows;     /* LpModelRow: its share of each row of its locality's
                         * table, in the table's order; none is marked entered */
} LpModelPractice;

/* A locality's grand total, for the chart of all localities. */
typedef struct {
  gint64  locality_id;
  char   *name;
  gint64  population;                       /* at the extract used */
  double  activity[LP_MODEL_MAX_HORIZONS];  /* per year, month or week, as asked */
  double  bed_days[LP_MODEL_MAX_HORIZONS];
} LpModelLocality;

LpModelTable *lp_plan_model            (LpPlan              *plan,
                                        const LpModelQuery  *query,
                                        GError             **error);
/* The locality's (or all localities') practices, each with its share of
 * its own locality's table. */
GPtrArray    *lp_plan_model_practices  (LpPlan              *plan,
                                        const LpModelQuery  *query,
                                        const LpModelTable  *table,
                                        GError             **error);
void          lp_model_practice_free   (LpModelPractice     *practice);
/* Every locality's grand total by name, in one pass over the plan
 * (@query's locality is not used); @table, if given, gets the table of
 * all localities, whose horizons the totals follow. */
GPtrArray    *lp_plan_model_localities (LpPlan              *plan,
                                        const LpModelQuery  *query,
                                        LpModelTable       **table,
                                        GError             **error);
void          lp_model_table_free      (LpModelTable        *table);
/* The population base every pathway row of @table uses, or NULL when
 * they use different ones (each row says its own). */
const char   *lp_model_table_base      (const LpModelTable  *table);
/* Cell by cell, @table minus @other (the same plan, locality and period
 * in two scenarios), or NULL when their rows or horizons differ. */
LpModelTable *lp_model_table_difference (const LpModelTable *table,
                                         const LpModelTable *other);
double        lp_model_per_year_factor (LpPer                per,
                                        gboolean             weeks_365_7);
/* The id of the scenario called @name (either case), or 0. */
gint64        lp_plan_find_scenario    (LpPlan              *plan,
                                        const char          *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpModelTable, lp_model_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpModelPractice, lp_model_practice_free)

G_END_DECLS
