/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-core.h"

G_BEGIN_DECLS

/* The words of the pathway and weights dialogs, without a display, so
 * that a test can check them.  Core reads what is typed into them
 * (lp_plan_save_pathway_form, lp_plan_save_weights_form). */

/* "the STP", "the CCG", then the locality's name if one is given. */
GStrv       lp_pathway_text_levels     (const char             *locality);
/* "over the whole horizon", "a year", "a month", "a week". */
GStrv       lp_pathway_text_periods    (void);
char       *lp_pathway_text_horizon    (int                     years);
/* A figure as an entry shows it to be edited: "5.5", "3600", "" for none. */
char       *lp_pathway_text_figure     (double                  value);
/* What the dialog says about where the figures come from. */
char       *lp_pathway_text_source     (const LpPathwayFigures *figures,
                                        gint64                  scenario_id,
                                        const char             *scenario);

G_END_DECLS
