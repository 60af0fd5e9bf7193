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

/* The pathway change dialog's and the view's list of changes. */
/* "In-patient", "A&E and outpatient", in LpPathwayCategory's order. */
GStrv       lp_pathway_text_categories (void);
/* "The STP", "The CCG", then each locality. */
GStrv       lp_pathway_text_change_levels (const char *const     *localities);
/* "Frailty · the CCG": the change's row in the view. */
char       *lp_pathway_text_change_title (const LpPathwayChange  *change);
/* "900 fewer admissions and 450 fewer bed days over 3 years". */
char       *lp_pathway_text_change_subtitle (const LpPathwayChange *change);

G_END_DECLS
