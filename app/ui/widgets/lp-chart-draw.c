/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drawing a chart with cairo and Pango: the same drawing on screen, in a
 * PNG for a slide and in a PDF for a handout.  Only placing happens here;
 * the figures and their words come made (lp-chart.h). */
#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "lp-chart.h"

#define PAD         16.0
#define BAR         13.0   /* a bar's thickness */
#define BAR_GAP      3.0
#define ROW_GAP     14.0
#define PANEL_GAP   28.0
#define VALUE_ROOM  54.0   /* for the figure after the longest bar */
#define LEGEND      26.0
#define HEADER      24.0
#define TITLE       66.0   /* a title, two lines of subtitle */

/* GNOME's palette: blue, orange, green, purple. */
const LpChartColour lp_chart_series_colours[LP_CHART_MAX_SERIES] = {
  { 0.208, 0.518, 0.894 }, { 0.902, 0.380, 0.000 },
  { 0.180, 0.761, 0.494 }, { 0.569, 0.255, 0.675 },
};

static double
row_height (const LpChart *chart)
{
  return chart->n_series * (BAR + BAR_GAP) - BAR_GAP + ROW_GAP;
}

static double
top_height (const LpChartStyle *style)
{
  return PAD + (style->with_title ? TITLE : 0) + LEGEND + HEADER;
}

double
lp_chart_natural_height (const LpChart      *chart,
                         const LpChartStyle *style)
{
  if (chart->kind == LP_CHART_LINES)
    return top_height (style) - HEADER + lp_chart_lines_height (chart, style) + PAD;
  return top_height (style) + chart->categories->len * row_height (chart) + PAD;
}

static void
set_colour (cairo_t             *cr,
            const LpChartColour *colour,
            double               alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, alpha);
}

/* Text with its top left at (x, y), or its right edge at x if @right. */
static double
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           gboolean     right)
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, right ? x - width : x, y);
  pango_cairo_show_layout (cr, layout);
  return width;
}

static PangoLayout *
new_layout (cairo_t    *cr,
            const char *font)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  return layout;
}

static double
label_width (const LpChart *chart,
             PangoLayout   *layout,
             double         width)
{
  int widest = 0;

  for (guint i = 0; i < chart->categories->len; i++)
    {
      int w;

      pango_layout_set_text (layout, g_ptr_array_index (chart->categories, i), -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  return MIN (widest + 12.0, width * 0.35);
}

static double
draw_titles (const LpChart      *chart,
             const LpChartStyle *style,
             cairo_t            *cr,
             double              y,
             double              width)
{
  g_autoptr(PangoLayout) title = new_layout (cr, "Sans Bold 14");
  g_autoptr(PangoLayout) subtitle = new_layout (cr, "Sans 9");

  if (!style->with_title)
    return y;
  set_colour (cr, &style->text, 1.0);
  show_text (cr, title, chart->title != NULL ? chart->title : "", PAD, y, FALSE);
  set_colour (cr, &style->text, 0.7);
  /* Each line of the subtitle ends in … rather than running off the page. */
  pango_layout_set_width (subtitle, (int) ((width - 2 * PAD) * PANGO_SCALE));
  pango_layout_set_ellipsize (subtitle, PANGO_ELLIPSIZE_END);
  show_text (cr, subtitle, chart->subtitle != NULL ? chart->subtitle : "", PAD, y + 24, FALSE);
  return y + TITLE;
}

static void
draw_legend (const LpChart      *chart,
             const LpChartStyle *style,
             cairo_t            *cr,
             PangoLayout        *layout,
             double              y)
{
  double x = PAD;

  for (guint s = 0; s < chart->n_series; s++)
    {
      set_colour (cr, &lp_chart_series_colours[s], 1.0);
      cairo_rectangle (cr, x, y + 3, 12, chart->kind == LP_CHART_LINES ? 4 : 12);
      cairo_fill (cr);
      set_colour (cr, &style->text, LP_CHART_TEXT_ALPHA (style, 0.85));
      x += 18 + show_text (cr, layout, chart->series[s], x + 18, y - (chart->kind == LP_CHART_LINES ? 4 : 0),
                           FALSE) + 20;
    }
  if (chart->kind == LP_CHART_LINES && chart->marked_label != NULL)
    {
      cairo_set_source_rgba (cr, 0.878, 0.106, 0.141, LP_CHART_MARK_ALPHA (style));   /* GNOME red, faint */
      cairo_rectangle (cr, x, y, 12, 14);
      cairo_fill (cr);
      set_colour (cr, &style->text, LP_CHART_TEXT_ALPHA (style, 0.85));
      show_text (cr, layout, chart->marked_label, x + 18, y - 1, FALSE);
    }
}

static double
panel_maximum (const LpChart *chart,
               guint          panel)
{
  double maximum = 0;

  for (guint c = 0; c < chart->categories->len; c++)
    for (guint s = 0; s < chart->n_series; s++)
      maximum = MAX (maximum, lp_chart_get_value (chart, c, panel, s));
  return maximum;
}

/* One panel: its title, a zero line, and a bar and figure per series in
 * each row.  A figure of 0 or less has no bar, only its figure. */
static void
draw_panel (const LpChart      *chart,
            const LpChartStyle *style,
            cairo_t            *cr,
            PangoLayout        *layout,
            PangoLayout        *bold,
            guint               panel,
            double              x,
            double              y,
            double              width)
{
  double maximum = panel_maximum (chart, panel);
  double scale = maximum > 0 ? (width - VALUE_ROOM) / maximum : 0;
  double rows = chart->categories->len * row_height (chart);

  set_colour (cr, &style->text, 1.0);
  show_text (cr, bold, chart->panels[panel], x, y, FALSE);
  y += HEADER;
  set_colour (cr, &style->text, 0.3);
  cairo_rectangle (cr, x, y - 4, 1, rows - ROW_GAP + 8);
  cairo_fill (cr);
  for (guint c = 0; c < chart->categories->len; c++)
    for (guint s = 0; s < chart->n_series; s++)
      {
        double value = lp_chart_get_value (chart, c, panel, s);
        double top = y + c * row_height (chart) + s * (BAR + BAR_GAP);
        double length = value > 0 ? value * scale : 0;

        set_colour (cr, &lp_chart_series_colours[s], 1.0);
        cairo_rectangle (cr, x + 1, top, length, BAR);
        cairo_fill (cr);
        set_colour (cr, &style->text, LP_CHART_TEXT_ALPHA (style, 0.85));
        show_text (cr, layout, lp_chart_get_label (chart, c, panel, s), x + length + 6, top - 2, FALSE);
      }
}

void
lp_chart_draw (const LpChart      *chart,
               const LpChartStyle *style,
               cairo_t            *cr,
               double              width,
               double              height G_GNUC_UNUSED)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, "Sans 9");
  g_autoptr(PangoLayout) bold = new_layout (cr, "Sans Bold 9");
  double y = draw_titles (chart, style, cr, PAD, width);
  double names = label_width (chart, layout, width);
  double panel_width = (width - 2 * PAD - names - (chart->n_panels - 1) * PANEL_GAP) / chart->n_panels;

  draw_legend (chart, style, cr, layout, y);
  y += LEGEND;
  if (chart->kind == LP_CHART_LINES)
    {
      lp_chart_draw_lines (chart, style, cr, y, width);
      return;
    }
  for (guint c = 0; c < chart->categories->len; c++)
    {
      double middle = y + HEADER + c * row_height (chart) + (row_height (chart) - ROW_GAP) / 2;

      pango_layout_set_width (layout, (int) ((names - 12) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      set_colour (cr, &style->text, 1.0);
      show_text (cr, layout, g_ptr_array_index (chart->categories, c), PAD, middle - 8, FALSE);
      pango_layout_set_width (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
    }
  for (guint p = 0; p < chart->n_panels; p++)
    draw_panel (chart, style, cr, layout, bold, p,
                PAD + names + p * (panel_width + PANEL_GAP), y, panel_width);
}
