/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-presentation-window.h"
#include "lp-window.h"

G_BEGIN_DECLS

/* Presentation mode as a person uses it: F5 (the window's win.present),
 * the slides' keys, Save Slides as PDF from the main menu. */

/* Presses F5 in @window and waits until the slides are read and shown. */
LpPresentationWindow *lp_test_present_start    (LpWindow             *window);
/* Presses @keyval (no modifier) in the presentation, as the keyboard or
 * a clicker does, and runs the main loop until it has been handled. */
void                  lp_test_present_key      (LpPresentationWindow *presentation,
                                                guint                 keyval);
/* The titles of the slides, in order, NULL-terminated. */
char                **lp_test_present_titles   (LpPresentationWindow *presentation);
/* Save Slides as PDF… from @window's menu, saved as @name beside the
 * test; returns the file's path. */
char                 *lp_test_present_save_pdf (LpWindow             *window,
                                                const char           *name);

G_END_DECLS
