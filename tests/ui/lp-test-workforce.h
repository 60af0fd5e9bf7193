/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-window.h"

G_BEGIN_DECLS

/* Driving the Workforce view's editors as a person does: the view shown
 * through the sidebar's action, the dialog opened by the view's button or
 * menu action, its fields filled, Save pressed, and the wait until the
 * dialog has closed and the view shows the plan as saved.  Each fails the
 * test if the editor refuses what it is given. */

/* Add Target…: @group_or_role a staff group's code ("GP") or a role's
 * ("GP_SALARIED"), or the words the dialog shows for it ("Salaried GP");
 * @level what "Applies to" takes: "CCG" (or "") for the
 * whole CCG, a locality's name, or a practice's ODS code; @fte the change
 * as typed ("+4"); @by a date (31/03/2020) or a quarter ("2019/20 Q4"). */
void lp_test_workforce_add_target     (LpWindow   *window,
                                       const char *group_or_role,
                                       const char *level,
                                       const char *fte,
                                       const char *by);
/* Enter Baseline FTE…: a practice's FTE in a role (a role's code,
 * "GP_PARTNER", or its words, "GP partner"), typed by hand, for the date the plan's other figures
 * have, else its reference date. */
void lp_test_workforce_enter_baseline (LpWindow   *window,
                                       const char *practice_code,
                                       const char *role,
                                       const char *fte);
/* Turnover and Joiner Rates…: a role's yearly rates as typed ("10"). */
void lp_test_workforce_set_rates      (LpWindow   *window,
                                       const char *role,
                                       const char *turnover,
                                       const char *joiners);

G_END_DECLS
