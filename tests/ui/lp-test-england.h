/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-test-gtk.h"
#include "lp-window.h"

G_BEGIN_DECLS

/* Timing a view on a plan of England's size: LP_TEST_ENGLAND_PLAN names
 * one that tests/bench/make-england-plan.py made.  Times are on the wall
 * clock and in the main thread's own time, which is what they would be
 * on an idle machine: a test machine shared with other work also counts
 * the time the others had the processor on the wall.  They go to the
 * test's log for a person to read, never into an assertion: how long a
 * step takes depends on the machine and what else it runs, and a test
 * must pass or fail on what the view shows. */

/* A copy of the plan, for the test to change, loaded in a window of
 * 1280 x 800; %NULL without one, the test then skipped. */
LpWindow  *lp_test_open_england      (void);

/* The longest the main loop went without turning while it was watched,
 * in microseconds. */
typedef struct {
  guint  source;
  guint  ticks;
  gint64 last, last_cpu;
  gint64 worst, worst_cpu;
} LpTestStall;

void       lp_test_stall_start       (LpTestStall     *stall);
void       lp_test_stall_stop        (LpTestStall     *stall);

/* Around one act of the user's: lp_test_stall_begin() before it starts
 * the clock and the stall afresh; lp_test_stall_end(), once what the act
 * brings is there, waits for @widget's next paint and the loop's next
 * turn, so that the stall counts it in full, and says in the test's log
 * how long @what took and the longest stall meanwhile. */
gint64     lp_test_stall_begin       (LpTestStall     *stall);
void       lp_test_stall_end         (LpTestStall     *stall,
                                      gint64           start,
                                      GtkWidget       *widget,
                                      const char      *what);

/* Shows @view, timed from asking for it to the window's next paint (on
 * the wall clock and in the main thread's own time), then waits until
 * @shown holds of it (@what, in words) and is painted, and says in the
 * test's log how long each took and the longest stall meanwhile. */
GtkWidget *lp_test_show_england_view (LpWindow        *window,
                                      const char      *view,
                                      LpTestStall     *stall,
                                      LpTestCondition  shown,
                                      const char      *what);

G_END_DECLS
