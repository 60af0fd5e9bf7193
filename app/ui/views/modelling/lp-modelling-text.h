/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-chart.h"
#include "lp-model.h"

G_BEGIN_DECLS

/* Every piece of text the Locality Modelling view shows, built from core's
 * table without a display, so that a test can check the figures and the
 * wording the view puts on screen. */

#define LP_MODELLING_MAX_COLUMNS (2 * LP_MODEL_MAX_HORIZONS)

typedef enum {
  LP_MODELLING_ROW_SHARE,     /* a pathway: a share of the STP's or CCG's change */
  LP_MODELLING_ROW_ENTERED,   /* a pathway: the locality's own figures */
  LP_MODELLING_ROW_SUBTOTAL,
  LP_MODELLING_ROW_TOTAL,
} LpModellingRowKind;

typedef struct {
  char               *name;                              /* "Frailty" */
  LpModellingRowKind  kind;
  const char         *tooltip;                           /* why the figures are what they are */
  char               *cells[LP_MODELLING_MAX_COLUMNS];   /* "5.5", "8.1", … */
  char               *base;                              /* a pathway's population base, "75+";
                                                          * NULL for totals */
} LpModellingRow;

/* A practice's share of the grand total; also a locality's grand total
 * in the table of localities, with no code or share and its registered
 * patients as its list size. */
typedef struct {
  char   *code;                              /* "E82013"; NULL for a locality */
  char   *name;
  char   *list_size;                         /* "9,876" */
  char   *share;                             /* "13.0%"; NULL for a locality */
  char   *cells[LP_MODELLING_MAX_COLUMNS];   /* the grand total's share */
} LpModellingPractice;

/* Above this many localities the view lists their grand totals in a table
 * instead of charting them: a bar per horizon for each of a region's or
 * England's localities makes a chart taller than anyone reads. */
#define LP_MODELLING_CHART_MAX_LOCALITIES 40

typedef struct {
  gboolean   empty;                                /* no pathway change in the plan */
  guint      n_horizons;
  char      *horizons[LP_MODEL_MAX_HORIZONS];      /* "3 years" */
  char      *columns[LP_MODELLING_MAX_COLUMNS];    /* "3 years: activity" */
  char      *summary;      /* "Lower Lea Valley: reductions per month, for 75,825 registered patients" */
  char      *practices_title;  /* "What this means for each practice, per month" */
  const char *practices_caption;  /* how a practice's share is made, on the rows' bases */
  const char *convention;     /* "Per week = a year / 52; …" */
  const char *sharing;        /* how STP and CCG changes were shared, if not by population; or NULL */
  char      *bases;        /* which population base the rows use: "Shared by population base:
                            * 75+." or, where they differ, each pathway's */
  GPtrArray *rows;         /* LpModellingRow */
  GPtrArray *practices;    /* LpModellingPractice */
  LpChart   *chart;        /* every locality's grand total; NULL: not made */
} LpModellingText;

void        lp_modelling_text_build           (const LpModelTable *table,
                                               GPtrArray          *practices,
                                               const char         *locality,
                                               LpModellingText    *text);
void        lp_modelling_text_clear           (LpModellingText    *text);
const char *lp_modelling_text_activity_label  (void);
const char *lp_modelling_text_bed_days_label  (void);
/* The divisors used, from the table's weeks_per_year (52 or 365/7). */
const char *lp_modelling_text_convention      (double              weeks_per_year);
LpChart    *lp_modelling_text_chart           (const LpModelTable *table,
                                               GPtrArray          *localities,
                                               const char         *plan_name,
                                               const char         *scenario);
GPtrArray  *lp_modelling_text_localities      (const LpModelTable *table,
                                               GPtrArray          *localities);
char       *lp_modelling_text_localities_title (LpPer              per);
void        lp_modelling_text_set_scenario    (LpModellingText    *text,
                                               const char         *scenario,
                                               const char         *base);

/* What the scenario menu asks before it changes the plan, and says if
 * core refuses. */
typedef enum {
  LP_SCENARIO_EDIT_NEW,
  LP_SCENARIO_EDIT_DUPLICATE,
  LP_SCENARIO_EDIT_RENAME,
  LP_SCENARIO_EDIT_DELETE,
} LpScenarioEdit;

typedef struct {
  char       *heading;       /* "New Scenario" */
  char       *body;          /* what will happen */
  const char *response;      /* the button that does it: "_Create" */
  char       *name;          /* the name entry's first text; NULL: no entry */
  gboolean    destructive;
  const char *failed;        /* the heading over core's message if it refuses */
} LpScenarioPrompt;

void        lp_modelling_text_scenario_prompt       (LpScenarioEdit      edit,
                                                     const char         *scenario,
                                                     LpScenarioPrompt   *prompt);
void        lp_modelling_text_scenario_prompt_clear (LpScenarioPrompt   *prompt);
gboolean    lp_modelling_text_scenario_name_ok      (const char         *name);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LpModellingText, lp_modelling_text_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LpScenarioPrompt, lp_modelling_text_scenario_prompt_clear)

G_END_DECLS
