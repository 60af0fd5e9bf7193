/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-core.h"

G_BEGIN_DECLS

/* Every piece of text the Practice Page shows and prints, built from
 * core's lp_plan_model_practice without a display, so that a test can
 * check the figures and words on screen and on paper. */

/* Per horizon: activity per month and per week, then reduced bed days
 * per month and per week. */
#define LP_PRACTICE_TEXT_PER_HORIZON 4
#define LP_PRACTICE_TEXT_MAX_COLUMNS (LP_PRACTICE_TEXT_PER_HORIZON * LP_MODEL_MAX_HORIZONS)

typedef struct {
  char     *name;                                    /* "Frailty" */
  gboolean  total;                                   /* a subtotal or the grand total */
  char     *cells[LP_PRACTICE_TEXT_MAX_COLUMNS];     /* "0.7" */
} LpPracticeTextRow;

typedef struct {
  gboolean   empty;           /* no pathway change in the plan: nothing to share */
  char      *title;           /* the practice's name */
  char      *details;         /* code, locality, list size and its date, share */
  char      *scenario;        /* "Scenario: Base" */
  const char *convention;     /* how a month and a week were worked out */
  guint      n_horizons;
  char      *horizons[LP_MODEL_MAX_HORIZONS];   /* "3 years" */
  GPtrArray *rows;            /* LpPracticeTextRow */
  char      *access;          /* extended access: go-live, minutes offered and required; or NULL */
  char      *workforce;       /* FTE by staff group now and planned, ratios, target; or NULL */
  char      *population;      /* 65+/75+/85+ and weighted populations; or NULL without either */
  gboolean   access_short;    /* offers fewer minutes than the rule requires */
} LpPracticeText;

void        lp_practice_text_build       (const LpPracticeModel *model,
                                          const char            *scenario,
                                          LpPracticeText        *text);
void        lp_practice_text_clear       (LpPracticeText        *text);
/* Adds the practice's extended access as at @month ("YYYY-MM") under
 * @rule (NULL: none in force). */
void        lp_practice_text_set_access  (LpPracticeText        *text,
                                          const LpAccessPractice *practice,
                                          const char            *rule,
                                          const char            *month);
/* Adds the practice's workforce: @ratios at the baseline, and the GP
 * quarter @planned (the last of the table) with its target. */
void        lp_practice_text_set_workforce (LpPracticeText          *text,
                                            const LpWorkforceRatios *ratios,
                                            const char              *baseline_date,
                                            const LpWorkforceQuarter *planned);
/* Adds the practice's older patients (@aged: 65+, 75+, 85+ from the age
 * profiles of @extract; NULL: none) and its imported weighted populations
 * (@weighted: LpPracticeWeighted, with patients per GP FTE where
 * @has_gp_fte). */
void        lp_practice_text_set_population (LpPracticeText     *text,
                                             const gint64       *aged,
                                             const char         *extract,
                                             GPtrArray          *weighted,
                                             gboolean            has_gp_fte);
/* A copy on the heap, for printing or a worker thread; _free() frees it. */
LpPracticeText *lp_practice_text_dup     (const LpPracticeText  *text);
void        lp_practice_text_free        (LpPracticeText        *text);
/* The column headings under each horizon, as lp_practice_text_build
 * orders the cells: "Activity" over "a month" and "a week", … */
const char *lp_practice_text_measure     (guint                  column);
const char *lp_practice_text_period      (guint                  column);

/* lp-practice-page.c: the page drawn on paper (A4 portrait, points). */
#define LP_PRACTICE_PAGE_WIDTH  595.0
#define LP_PRACTICE_PAGE_HEIGHT 842.0
void        lp_practice_page_draw        (const LpPracticeText  *text,
                                          cairo_t               *cr,
                                          double                 width,
                                          double                 height);
/* One A4 page, replacing any file at @path only when complete. */
gboolean    lp_practice_page_write_pdf   (const LpPracticeText  *text,
                                          const char            *path,
                                          GError               **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LpPracticeText, lp_practice_text_clear)

G_END_DECLS
