/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The slides of presentation mode: one for each figure a workshop looks
 * at (the Overview's totals, each locality's modelling, the access
 * trajectory, the workforce gap), worded by the same text functions the
 * views use, from core's figures, on the plan's worker.  Nothing here
 * needs a display, so a test can check every word; lp-slide-draw.c draws
 * them, on screen and in the PDF deck alike. */

#include "lp-chart.h"
#include "lp-core.h"

G_BEGIN_DECLS

typedef enum {
  LP_SLIDE_OVERVIEW,
  LP_SLIDE_MODELLING,
  LP_SLIDE_ACCESS,
  LP_SLIDE_WORKFORCE,
} LpSlideKind;

/* A figure in large type with its words under it: "596,907" over
 * "Registered patients". */
typedef struct {
  char *value;
  char *caption;
} LpSlideFigure;

typedef struct {
  LpSlideKind  kind;
  char        *title;          /* "Stevenage" */
  char        *headline;       /* the sentence under the title */
  guint        figure_columns; /* the figures' grid: so many a row */
  GPtrArray   *figures;        /* LpSlideFigure */
  char        *note;           /* under the figures: "Behind the trajectory in 3 months: …"; or NULL */
  LpChart     *chart;          /* drawn without its own title; or NULL */
} LpSlide;

typedef struct {
  char      *plan_name;
  char      *scenario;         /* "Base" */
  GPtrArray *slides;           /* LpSlide */
} LpSlideDeck;

/* What the deck shows, as the views on screen show it. */
typedef struct {
  gint64    scenario_id;       /* 0: the base scenario */
  gboolean  weeks_365_7;       /* the modelling preference */
  gboolean  access_partial;    /* the access view's preferences */
  guint     access_default_minutes;
} LpSlideQuery;

/* Runs on the plan's worker (an LpPlanReadFunc, @data an LpSlideQuery):
 * the whole deck, or %NULL with @error set if the plan cannot be read.
 * A part the plan has no figures for yet (no pathway change, no access
 * trajectory, no workforce records) has no slide. */
gpointer     lp_slide_deck_read  (LpPlan        *reader,
                                  gpointer       data,
                                  GCancellable  *cancellable,
                                  GError       **error);
void         lp_slide_deck_free  (LpSlideDeck   *deck);
guint        lp_slide_deck_get_n_slides (const LpSlideDeck *deck);
const LpSlide *lp_slide_deck_get_slide  (const LpSlideDeck *deck,
                                         guint              index);
/* The footer: "Sample plan · scenario “Base” · 3 of 9". */
char        *lp_slide_deck_footer (const LpSlideDeck *deck,
                                   guint              index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpSlideDeck, lp_slide_deck_free)

G_END_DECLS
