/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A practice's share of its locality's modelled changes, per month and per
 * week together, for the practice page a practice manager reads or prints.
 * The figures are the modelling view's practice breakdown's own
 * (lp_plan_model_practices: the locality's figure times the practice's
 * share of its list size), per month and per week, so the page agrees
 * with the breakdown, for its locality or all, to the last digit. */

#include "lp-model.h"

G_BEGIN_DECLS

typedef struct {
  char           *name;                                 /* "Frailty", "Grand total" */
  LpModelRowKind  kind;
  double          month_activity[LP_MODEL_MAX_HORIZONS];
  double          month_bed_days[LP_MODEL_MAX_HORIZONS];
  double          week_activity[LP_MODEL_MAX_HORIZONS];
  double          week_bed_days[LP_MODEL_MAX_HORIZONS];
} LpPracticeModelRow;

typedef struct {
  char       *ods_code;
  char       *name;
  char       *locality;
  gint64      list_size;          /* -1: no extract yet, so no share */
  char       *list_size_date;     /* the extract's date, or NULL */
  gint64      locality_population;
  double      share;              /* of the locality's registered population */
  gboolean    closed;             /* closed by now: no share, left out of the locality's */
  char       *close_date;         /* the day it closed, or NULL (none, or not known) */
  guint       n_horizons;
  int         horizons[LP_MODEL_MAX_HORIZONS];
  double      weeks_per_year;
  GPtrArray  *rows;               /* LpPracticeModelRow, in the modelling table's order */
} LpPracticeModel;

/* @scenario_id 0: the base scenario.  Fails, saying so, for a practice in
 * no locality. */
LpPracticeModel *lp_plan_model_practice   (LpPlan           *plan,
                                           gint64            practice_id,
                                           gint64            scenario_id,
                                           gboolean          weeks_365_7,
                                           GError          **error);
void             lp_practice_model_free   (LpPracticeModel  *model);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpPracticeModel, lp_practice_model_free)

G_END_DECLS
