/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undo and redo through the window (see lp-test-polish.h). */
#include "config.h"

#include "lp-test-polish.h"
#include "lp-test-util.h"

static void
move_history (LpWindow   *window,
              const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  lp_test_wait_loaded (window);
}

void
lp_test_polish_undo (LpWindow *window)
{
  move_history (window, "win.undo");
}

void
lp_test_polish_redo (LpWindow *window)
{
  move_history (window, "win.redo");
}
