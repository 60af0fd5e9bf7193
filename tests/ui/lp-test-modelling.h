/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-pathway-change-dialog.h"
#include "lp-weights-dialog.h"
#include "lp-window.h"

G_BEGIN_DECLS

/* Driving the Locality Modelling view's editors as a person does: the
 * view shown, its "Add Pathway Change…" button (in the header, or in the
 * empty state of a plan without changes) clicked, the dialog filled and
 * saved. */

/* Clicks the button and returns the dialog it opened, empty. */
LpPathwayChangeDialog *lp_test_modelling_open_add_change (LpWindow   *window);

/* Fills the dialog: @pathway chosen if the plan has it, else made, in
 * @category ("In-patient" or "A&E and outpatient"; NULL: in-patient);
 * @level "STP", "CCG" or a locality's name; @years "3"; @activity and
 * @bed_days the reductions over the whole horizon ("900" for 900 fewer
 * admissions; NULL or "" for none). */
void  lp_test_modelling_fill_change  (LpPathwayChangeDialog *dialog,
                                      const char            *category,
                                      const char            *pathway,
                                      const char            *level,
                                      const char            *years,
                                      const char            *activity,
                                      const char            *bed_days);

/* Opens, fills and saves (failing the test if the dialog refuses), then
 * waits until the view lists the new change and shows its figures. */
void  lp_test_modelling_add_change   (LpWindow              *window,
                                      const char            *category,
                                      const char            *pathway,
                                      const char            *level,
                                      const char            *years,
                                      const char            *activity,
                                      const char            *bed_days);

/* Opens Apportionment Weights from the view's menu, shares by weight
 * instead of population, types each locality's weight (@pairs: a name,
 * its weight such as "3", …, NULL; the others left blank, 0) and saves. */
void  lp_test_modelling_set_weights  (LpWindow              *window,
                                      const char *const     *pairs);

G_END_DECLS
