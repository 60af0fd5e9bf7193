/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Driving the Activity Plan by locality as a person does: its locality
 * picker, then a line's cell and Enter.  The setters return NULL once
 * saved and shown, or the message the view shows under the line (free
 * it). */

#include "lp-activity-view.h"
#include "lp-window.h"

G_BEGIN_DECLS

/* Shows the Activity Plan and chooses @locality ("Stevenage", or "Whole
 * plan") in its picker; waits until its lines are shown. */
LpActivityView *lp_test_actloc_choose       (LpWindow   *window,
                                             const char *locality);
/* A locality's forecast outturn or own growth rate for an activity line
 * (its name as shown, "Total Elective Admissions"); blank clears it. */
char           *lp_test_actloc_set_outturn  (LpWindow   *window,
                                             const char *locality,
                                             const char *line,
                                             const char *text);
char           *lp_test_actloc_set_growth   (LpWindow   *window,
                                             const char *locality,
                                             const char *line,
                                             const char *text);

G_END_DECLS
