/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-chart.h"
#include "lp-core.h"

G_BEGIN_DECLS

/* Every piece of text (and the chart) the Workforce view shows, built from
 * core's lp_plan_workforce results without a display, so that a test can
 * check them.  Missing figures are said to be missing, never shown as 0. */

typedef struct {
  char     *quarter;        /* "2018/19 Q1" */
  char     *recorded;       /* "250.4"; "–" when nothing was recorded then */
  char     *plan;
  char     *target;         /* "–" without one */
  char     *short_by;       /* "3.3"; "–" when on or above the target */
  char     *missing;        /* "2 missing", or "" */
  gboolean  short_of_target;
} LpWorkforceTextQuarter;

typedef struct {
  gint64    practice_id;
  char     *code;
  char     *name;
  char     *fte;            /* "6.0", "6.0 + 1 missing", "–" */
  char     *joiners;        /* as typed back into the fields: "1.5", "" for none */
  char     *leavers;
} LpWorkforceTextPractice;

typedef struct {
  char      *summary;       /* "Lower Lea Valley, GPs: 47.3 FTE on 31/03/2018 for 75,825 patients" */
  char      *basis;         /* how the projection works */
  char      *rates;         /* "Yearly rates (illustrative): Salaried GP 12.0% leave, 11.0% join · …" */
  char      *targets;       /* that targets are growth on the baseline; NULL without one */
  char      *patients_per_gp;   /* with the reference figure if the plan has one */
  char      *per_1000;      /* FTE per 1,000 patients by staff group */
  char      *practices_title;   /* "Planned joiners and leavers in 2018/19 Q1" */
  char      *next_quarter;  /* that quarter's first day, "2018-04-01" */
  guint      n_short;
  GPtrArray *quarters;      /* LpWorkforceTextQuarter */
  GPtrArray *practices;     /* LpWorkforceTextPractice */
  LpChart   *chart;
} LpWorkforceText;

void  lp_workforce_text_build (const LpWorkforceTable  *table,
                               const LpWorkforceRatios *ratios,
                               double                   reference,      /* NAN: none */
                               const char              *reference_date,
                               GPtrArray               *practices,
                               const char              *selection,      /* "Lower Lea Valley, GPs" */
                               const char              *rates_source,   /* "illustrative"; NULL: not said */
                               LpWorkforceText         *text);
void  lp_workforce_text_clear (LpWorkforceText         *text);
/* Adds to the patients-per-GP line the same figure on each weighted
 * population the plan imported (@weighted: LpPracticeWeighted, from
 * lp_plan_list_locality_weighted()). */
void  lp_workforce_text_add_weighted (LpWorkforceText   *text,
                                      const GPtrArray   *weighted);
/* A practice's row on its own, for the view's table's rows (see
 * lp-text-row.h): copied, compared, freed. */
gpointer lp_workforce_text_practice_copy  (gconstpointer  practice);
gboolean lp_workforce_text_practice_equal (gconstpointer  a,
                                           gconstpointer  b);
void     lp_workforce_text_practice_free  (gpointer       practice);

/* A target as the view lists it: "+4.0 FTE GPs for the whole CCG" and
 * "By 31/03/2020", with its label after. */
void     lp_workforce_text_target         (const LpWorkforceTarget *target,
                                           char                   **title,
                                           char                   **subtitle);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LpWorkforceText, lp_workforce_text_clear)

G_END_DECLS
