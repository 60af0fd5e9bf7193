/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void lp_report_save_ask (GtkWindow  *parent,
                         const char *beside_path,
                         const char *name,
                         char       *text);

G_END_DECLS
