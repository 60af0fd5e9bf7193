/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-window.h"

G_BEGIN_DECLS

/* Entering the extended access inputs through the window, as a person
 * does: the Extended Access view shown, its Add Target… and Add Rule…
 * dialogs filled in and saved, a practice's cell typed into and Enter
 * pressed.  Each waits until the view shows the plan with the change,
 * and fails the test if the editor refused it.  The view counts the
 * practices of the plan's localities: they come first.  Add Target…
 * works from the view's empty page; the rules and the practices' cells
 * show once the plan has a trajectory. */

/* @period as the plan writes it ("2018/19 Q3", "August 2018"); @percent
 * as typed ("100"). */
void lp_test_access_add_target     (LpWindow   *window,
                                    const char *period,
                                    const char *percent);
/* @start DD/MM/YYYY; @minutes a week per 1,000 patients ("30"). */
void lp_test_access_add_rule       (LpWindow   *window,
                                    const char *name,
                                    const char *start,
                                    const char *minutes,
                                    gboolean    round_to_quarter_hour);
/* @column: "go_live", "end_date", "level" or "minutes" (the LP_FIELD_*
 * keys of lp-access-edit.h); @text as typed into the practice's cell,
 * different from what it shows. */
void lp_test_access_set_provision  (LpWindow   *window,
                                    const char *practice_code,
                                    const char *column,
                                    const char *text);

/* The practice's cell of @column in the view's table, once its row is
 * shown. */
struct _LpEditableCell *lp_test_access_wait_cell (GtkWidget  *view,
                                                  const char *practice_code,
                                                  const char *column);

G_END_DECLS
