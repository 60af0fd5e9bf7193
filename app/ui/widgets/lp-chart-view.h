/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lp-chart.h"

G_BEGIN_DECLS

/* Shows an LpChart, drawn as lp_chart_draw() draws it, in the theme's
 * text colour; as tall as its rows need. */
#define LP_TYPE_CHART_VIEW (lp_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (LpChartView, lp_chart_view, LP, CHART_VIEW, GtkWidget)

GtkWidget     *lp_chart_view_new       (void);
/* Takes @chart (nullable: nothing to show). */
void           lp_chart_view_set_chart (LpChartView *self,
                                        LpChart     *chart);
const LpChart *lp_chart_view_get_chart (LpChartView *self);

G_END_DECLS
