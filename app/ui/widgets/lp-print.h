/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs @operation's print dialog for @widget's window, on its own (the
 * window stays usable); a failure is told in a dialog. */
void lp_print_run_dialog (GtkWidget         *widget,
                          GtkPrintOperation *operation);

G_END_DECLS
