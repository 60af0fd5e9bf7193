/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The lines kind of chart: months along the bottom, grouped by financial
 * year, a line a series (the first dashed: the target), and the marked
 * months shaded so that a reader sees at a glance where a plan falls
 * behind.  Only placing happens here; the figures come made. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "lp-chart.h"

#define PLOT_HEIGHT  220.0
#define AXIS_ROOM     44.0   /* for "100%" left of the plot */
#define MONTH_ROOM    18.0   /* month names under the plot */
#define YEAR_ROOM     18.0   /* financial years under them */
#define SIDE          16.0

static double
plot_height (const LpChartStyle *style)
{
  return style != NULL && style->plot_height > 0 ? style->plot_height : PLOT_HEIGHT;
}

double
lp_chart_lines_height (const LpChart      *chart,
                       const LpChartStyle *style)
{
  return plot_height (style) + MONTH_ROOM + YEAR_ROOM + 8;
}

static void
lines_text (cairo_t     *cr,
            PangoLayout *layout,
            const char  *text,
            double       x,
            double       y,
            double       align)   /* 0 left, 0.5 centred, 1 right of x */
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - align * width, y);
  pango_cairo_show_layout (cr, layout);
}

typedef struct {
  double left, top, width, height;
  double step;          /* between months */
  double maximum;
} Plot;

static double
plot_x (const Plot *plot,
        guint       category)
{
  return plot->left + plot->step * (category + 0.5);
}

static double
plot_y (const Plot *plot,
        double      value)
{
  return plot->top + plot->height * (1.0 - CLAMP (value / plot->maximum, 0.0, 1.05));
}

static void
draw_grid (const LpChart      *chart,
           const LpChartStyle *style,
           cairo_t            *cr,
           PangoLayout        *layout,
           const Plot         *plot)
{
  for (int i = 0; i <= 4; i++)
    {
      double value = plot->maximum * i / 4.0;
      double y = plot_y (plot, value);
      g_autofree char *label = g_strdup_printf ("%g%s", value, chart->unit != NULL ? chart->unit : "");

      cairo_set_source_rgba (cr, style->text.red, style->text.green, style->text.blue, i == 0 ? 0.5 : 0.12);
      cairo_rectangle (cr, plot->left, y, plot->width, 1);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, style->text.red, style->text.green, style->text.blue,
                             LP_CHART_TEXT_ALPHA (style, 0.7));
      lines_text (cr, layout, label, plot->left - 6, y - 7, 1.0);
    }
}

static void
draw_marks (const LpChart      *chart,
            const LpChartStyle *style,
            cairo_t            *cr,
            const Plot         *plot)
{
  cairo_set_source_rgba (cr, 0.878, 0.106, 0.141, LP_CHART_MARK_ALPHA (style));   /* GNOME red, faint */
  for (guint c = 0; c < chart->marked->len; c++)
    if (g_array_index (chart->marked, gboolean, c))
      {
        cairo_rectangle (cr, plot->left + plot->step * c, plot->top, plot->step, plot->height);
        cairo_fill (cr);
      }
}

/* Every third month's name, and each financial year from its April. */
static void
draw_months (const LpChart      *chart,
             const LpChartStyle *style,
             cairo_t            *cr,
             PangoLayout        *layout,
             const Plot         *plot)
{
  double bottom = plot->top + plot->height;

  for (guint c = 0; c < chart->categories->len; c++)
    {
      const char *section = g_ptr_array_index (chart->sections, c);

      cairo_set_source_rgba (cr, style->text.red, style->text.green, style->text.blue,
                             LP_CHART_TEXT_ALPHA (style, 0.7));
      if (c % (chart->label_every > 0 ? chart->label_every : 3) == 0)
        {
          /* One word of the name ("Jul", "Q1"); the financial year under it says which. */
          g_autofree char *name = g_strdup (g_ptr_array_index (chart->categories, c));
          char *space = chart->label_last_word ? strrchr (name, ' ') : strchr (name, ' ');
          const char *word = name;

          if (space != NULL && chart->label_last_word)
            word = space + 1;
          else if (space != NULL)
            *space = '\0';
          lines_text (cr, layout, word, plot_x (plot, c), bottom + 3, 0.5);
        }
      if (section == NULL)
        continue;
      cairo_set_source_rgba (cr, style->text.red, style->text.green, style->text.blue, 0.3);
      cairo_rectangle (cr, plot->left + plot->step * c, plot->top, 1, plot->height + MONTH_ROOM + YEAR_ROOM);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, style->text.red, style->text.green, style->text.blue,
                             LP_CHART_TEXT_ALPHA (style, 0.9));
      lines_text (cr, layout, section, plot->left + plot->step * c + 5, bottom + MONTH_ROOM + 2, 0.0);
    }
}

static void
draw_series (const LpChart *chart,
             cairo_t       *cr,
             const Plot    *plot,
             guint          series)
{
  const LpChartColour *colour = &lp_chart_series_colours[series];
  static const double dash[] = { 6.0, 4.0 };
  gboolean drawing = FALSE;
  /* A target applies from the start of its month until the next one: a
   * sloping line between two months' figures would show one in between. */
  gboolean steps = series == 0 && chart->target_steps;

  cairo_set_source_rgb (cr, colour->red, colour->green, colour->blue);
  cairo_set_line_width (cr, series == 0 ? 2.0 : 2.5);
  cairo_set_dash (cr, dash, series == 0 ? 2 : 0, 0);
  for (guint c = 0; c < chart->categories->len; c++)
    {
      double value = lp_chart_get_value (chart, c, 0, series);

      if (isnan (value))
        {
          drawing = FALSE;
          continue;
        }
      if (steps)
        {
          double start = plot->left + plot->step * c;

          if (drawing)
            cairo_line_to (cr, start, plot_y (plot, value));
          else
            cairo_move_to (cr, start, plot_y (plot, value));
          cairo_line_to (cr, start + plot->step, plot_y (plot, value));
        }
      else if (drawing)
        cairo_line_to (cr, plot_x (plot, c), plot_y (plot, value));
      else
        cairo_move_to (cr, plot_x (plot, c), plot_y (plot, value));
      drawing = TRUE;
    }
  cairo_stroke (cr);
  /* A figure with no neighbour makes no line: a dot shows it (a step is
   * a line of its own). */
  for (guint c = 0; !steps && c < chart->categories->len; c++)
    {
      double value = lp_chart_get_value (chart, c, 0, series);
      gboolean before = c > 0 && !isnan (lp_chart_get_value (chart, c - 1, 0, series));
      gboolean after = c + 1 < chart->categories->len && !isnan (lp_chart_get_value (chart, c + 1, 0, series));

      if (isnan (value) || before || after)
        continue;
      cairo_arc (cr, plot_x (plot, c), plot_y (plot, value), 4.0, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

void
lp_chart_draw_lines (const LpChart      *chart,
                     const LpChartStyle *style,
                     cairo_t            *cr,
                     double              top,
                     double              width)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 8");
  Plot plot = { SIDE + AXIS_ROOM, top + 8, width - 2 * SIDE - AXIS_ROOM, plot_height (style) - 8, 0,
                chart->maximum > 0 ? chart->maximum : 100 };

  if (chart->categories->len == 0)
    {
      pango_font_description_free (font);
      return;
    }
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  plot.step = plot.width / chart->categories->len;
  draw_marks (chart, style, cr, &plot);
  draw_grid (chart, style, cr, layout, &plot);
  draw_months (chart, style, cr, layout, &plot);
  for (guint s = 0; s < chart->n_series; s++)
    draw_series (chart, cr, &plot, s);
}
