/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"

G_BEGIN_DECLS

/* A "Shared by" field for a population base, as the pathway and scenario
 * dialogs have: a button at its end offers the bases the plan can give
 * (core's lp_plan_list_population_base_choices), each with where its
 * figures come from, and choosing one writes its name into the field.
 * @source_row, if given, says under the field where the typed base's
 * figures come from (hidden while core cannot read it: the dialog shows
 * why on saving).  @choices: element type LpPopulationBaseChoice. */
void lp_population_base_row_setup (AdwEntryRow  *row,
                                   AdwActionRow *source_row,
                                   LpPlan       *plan,
                                   GPtrArray    *choices);

G_END_DECLS
