/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"

G_BEGIN_DECLS

/* The plan's weights, as the modelling view's menu opens them: a row a
 * set, with where its figures come from (weights by age band and the age
 * profiles' date, or the file and date of an imported weighted
 * population); a set by age band opens in its dialog, and each can be
 * removed (one undoable step; refused while a pathway or a scenario
 * shares by it).  It follows the plan's changes while open. */
#define LP_TYPE_POPULATION_WEIGHTS_WINDOW (lp_population_weights_window_get_type ())
G_DECLARE_FINAL_TYPE (LpPopulationWeightsWindow, lp_population_weights_window, LP, POPULATION_WEIGHTS_WINDOW,
                      AdwWindow)

LpPopulationWeightsWindow *lp_population_weights_window_new (GtkWindow *parent,
                                                             LpPlan    *plan);

/* For tests: the rows shown, as "name: source". */
GStrv       lp_population_weights_window_dup_rows (LpPopulationWeightsWindow *self);

G_END_DECLS
