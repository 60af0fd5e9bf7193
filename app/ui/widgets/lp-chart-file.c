/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A chart as a PNG (for a slide: twice the pixels, sharp on a projector)
 * or a PDF (for a handout), black on white. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-cairo-file.h"
#include "lp-chart.h"

static void
chart_paint (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  chart)
{
  static const LpChartStyle style = { { 0.1, 0.1, 0.1 }, TRUE };

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  lp_chart_draw (chart, &style, cr, width, height);
}

/**
 * lp_chart_write:
 * @path: ends in .png or .pdf
 * @width: in points (PDF) or pixels before doubling (PNG)
 *
 * Errors name the file.
 */
gboolean
lp_chart_write (const LpChart  *chart,
                const char     *path,
                double          width,
                GError        **error)
{
  static const LpChartStyle measure = { { 0, 0, 0 }, TRUE };
  g_autofree char *lower = g_ascii_strdown (path, -1);
  double height = lp_chart_natural_height (chart, &measure);

  if (g_str_has_suffix (lower, ".png"))
    return lp_cairo_write_png (path, width, height, 2.0, chart_paint, (gpointer) chart, error);
  if (g_str_has_suffix (lower, ".pdf"))
    return lp_cairo_write_pdf (path, width, height, chart_paint, (gpointer) chart, error);
  {
    g_autofree char *display = g_filename_display_name (path);

    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("Cannot save the chart as “%s”: the file name must end in .png or .pdf"), display);
  }
  return FALSE;
}
