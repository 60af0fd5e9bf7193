/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Undo and redo as a person does them: the window's action (Ctrl+Z,
 * Ctrl+Shift+Z), then waiting until the window shows the result.  A step
 * kept as a copy of the plan (a large import) is put back on a worker and
 * the window opens the plan again; a step recorded row by row is done at
 * once.  Either way the plan is as the step left it on return. */

#include "lp-window.h"

G_BEGIN_DECLS

void lp_test_polish_undo (LpWindow *window);
void lp_test_polish_redo (LpWindow *window);

G_END_DECLS
