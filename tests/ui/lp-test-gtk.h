/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void      lp_test_settle          (guint       at_least_ms);
gboolean  lp_test_wait_allocated  (GtkWidget  *widget);
void      lp_test_write_png       (GtkWidget  *widget,
                                   const char *path);

G_END_DECLS
