/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A chart on screen (see lp-chart-view.h). */
#include "config.h"

#include "lp-chart-view.h"

struct _LpChartView
{
  GtkWidget  parent_instance;
  LpChart   *chart;
};

G_DEFINE_FINAL_TYPE (LpChartView, lp_chart_view, GTK_TYPE_WIDGET)

static void
lp_chart_view_style (LpChartView  *self,
                     LpChartStyle *style)
{
  GdkRGBA colour;

  /* gtk_widget_get_color() is GTK 4.10; the style context gives the same in 4.8. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  *style = (LpChartStyle) { { colour.red, colour.green, colour.blue }, FALSE };
}

static void
lp_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  LpChartView *self = LP_CHART_VIEW (widget);
  LpChartStyle style;

  lp_chart_view_style (self, &style);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 480;
  else
    *minimum = *natural = self->chart != NULL ? (int) lp_chart_natural_height (self->chart, &style) : 0;
  *minimum_baseline = *natural_baseline = -1;
}

static void
lp_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LpChartView *self = LP_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  LpChartStyle style;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;
  lp_chart_view_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  lp_chart_draw (self->chart, &style, cr, width, height);
  cairo_destroy (cr);
}

static void
lp_chart_view_finalize (GObject *object)
{
  LpChartView *self = LP_CHART_VIEW (object);

  g_clear_pointer (&self->chart, lp_chart_free);
  G_OBJECT_CLASS (lp_chart_view_parent_class)->finalize (object);
}

static void
lp_chart_view_class_init (LpChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lp_chart_view_finalize;
  widget_class->measure = lp_chart_view_measure;
  widget_class->snapshot = lp_chart_view_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lp_chart_view_init (LpChartView *self)
{
}

GtkWidget *
lp_chart_view_new (void)
{
  return g_object_new (LP_TYPE_CHART_VIEW, NULL);
}

void
lp_chart_view_set_chart (LpChartView *self,
                         LpChart     *chart)
{
  g_return_if_fail (LP_IS_CHART_VIEW (self));

  g_clear_pointer (&self->chart, lp_chart_free);
  self->chart = chart;
  /* A screen reader hears what the chart is of; the table beside it has the figures. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  chart != NULL && chart->title != NULL ? chart->title : "", -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const LpChart *
lp_chart_view_get_chart (LpChartView *self)
{
  g_return_val_if_fail (LP_IS_CHART_VIEW (self), NULL);

  return self->chart;
}
