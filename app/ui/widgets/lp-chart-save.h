/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lp-chart.h"

G_BEGIN_DECLS

/* Asks where to save a copy of @chart (PNG or PDF, by the filter chosen or
 * the name typed), writes it on a worker thread, then says so in the
 * window's toast, or why not in a dialog. */
void   lp_chart_save_run          (GtkWidget     *widget,
                                   const LpChart *chart,
                                   const char    *suggested_name);
/* The path the chooser's answer becomes: @path with .png or .pdf added
 * when it has neither. */
char  *lp_chart_save_with_suffix  (const char    *path,
                                   gboolean       pdf);

G_END_DECLS
