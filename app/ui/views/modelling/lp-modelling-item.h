/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "lp-modelling-text.h"

G_BEGIN_DECLS

/* LpModellingItem: one row of the Locality Modelling view's long tables,
 * a practice's share of the grand total or a locality's grand total.  Made
 * on the plan's worker with its words (lp-modelling-text) and the figures
 * they round, which the tables sort by.  Read-only GObject properties
 * "code" and "name", for the tables' string sorters. */
#define LP_TYPE_MODELLING_ITEM (lp_modelling_item_get_type ())
G_DECLARE_FINAL_TYPE (LpModellingItem, lp_modelling_item, LP, MODELLING_ITEM, GObject)

/* The tables' columns: the figure columns follow, activity then bed days
 * for each horizon. */
typedef enum {
  LP_MODELLING_COLUMN_CODE,
  LP_MODELLING_COLUMN_NAME,
  LP_MODELLING_COLUMN_SIZE,      /* list size, or a locality's registered patients */
  LP_MODELLING_COLUMN_SHARE,
  LP_MODELLING_COLUMN_FIGURES,
} LpModellingColumn;

#define LP_MODELLING_N_COLUMNS (LP_MODELLING_COLUMN_FIGURES + LP_MODELLING_MAX_COLUMNS)

LpModellingItem *lp_modelling_item_new      (const LpModellingPractice *words,
                                             gint64                     size,
                                             double                     share,
                                             guint                      n_horizons,
                                             const double              *activity,
                                             const double              *bed_days);
/* What the item shows in @column; %NULL where it has nothing (a
 * locality's code). */
const char      *lp_modelling_item_get_text (LpModellingItem           *self,
                                             LpModellingColumn          column);
/* Orders two items by the figure behind @column (not its rounded words). */
int              lp_modelling_item_compare  (LpModellingItem           *a,
                                             LpModellingItem           *b,
                                             LpModellingColumn          column);

G_END_DECLS
