/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Driving the plan's settings and the Activity Plan's inputs as a person
 * does: through the window's action, the dialog's fields and Save, or
 * the view's cells and Enter.  Each returns NULL once saved, or the
 * message the editor shows (free it), leaving any dialog closed. */

#include "lp-window.h"

G_BEGIN_DECLS

/* Plan Settings (win.plan-settings): @key is an LP_SETTING_* key
 * ("financial_year", "reference_date", "stp_population", …). */
char *lp_test_settings_set          (LpWindow   *window,
                                     const char *key,
                                     const char *text);
/* The first financial year and the reference date together, asserted saved. */
void  lp_test_settings_set_year     (LpWindow   *window,
                                     const char *financial_year,
                                     const char *reference_date);
/* An activity line's forecast outturn or growth, typed into its cell in
 * the Activity Plan (shown first) and Enter pressed; @line is its name as
 * shown, "Total Non-Elective Admissions". */
char *lp_test_activity_set_outturn  (LpWindow   *window,
                                     const char *line,
                                     const char *text);
char *lp_test_activity_set_growth   (LpWindow   *window,
                                     const char *line,
                                     const char *text);
/* Add Programme… in the Activity Plan: @name with one reduction at the
 * point of delivery @pod (its code, "NEL"): @activity (or NULL) and
 * @saving in pounds (or NULL). */
char *lp_test_activity_add_qipp     (LpWindow   *window,
                                     const char *name,
                                     const char *pod,
                                     const char *activity,
                                     const char *saving);

G_END_DECLS
