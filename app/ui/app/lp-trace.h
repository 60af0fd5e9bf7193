/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Timings of the window for tests/bench/window-bench.py: frames drawn,
 * main-loop stalls, and a scripted run of view switches and typing.
 * Inert unless LP_TRACE names a file to write them to. */

#include <gtk/gtk.h>

G_BEGIN_DECLS

void lp_trace_init (GtkApplication *application);

G_END_DECLS
