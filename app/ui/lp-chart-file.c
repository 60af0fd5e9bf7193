/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A chart as a PNG (for a slide: twice the pixels, sharp on a projector)
 * or a PDF (for a handout), black on white.  The file is written beside
 * its name and renamed over it when complete (g_file_replace), so a
 * failure leaves what was there before. */
#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

#include "lp-chart.h"

typedef struct {
  GOutputStream *stream;
  GError        *error;
} ChartSink;

static cairo_status_t
chart_sink_write (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  ChartSink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
chart_paint (const LpChart *chart,
             cairo_t       *cr,
             double         width,
             double         height)
{
  static const LpChartStyle style = { { 0.1, 0.1, 0.1 }, TRUE };

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  lp_chart_draw (chart, &style, cr, width, height);
}

static cairo_status_t
chart_write_png (const LpChart *chart,
                 ChartSink     *sink,
                 double         width,
                 double         height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (2 * width),
                                                         (int) (2 * height));
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_scale (cr, 2, 2);
  chart_paint (chart, cr, width, height);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png_stream (surface, chart_sink_write, sink);
  cairo_surface_destroy (surface);
  return status;
}

static cairo_status_t
chart_write_pdf (const LpChart *chart,
                 ChartSink     *sink,
                 double         width,
                 double         height)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (chart_sink_write, sink, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  chart_paint (chart, cr, width, height);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
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
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GCancellable) abandon = g_cancellable_new ();
  double height = lp_chart_natural_height (chart, &measure);
  ChartSink sink = { NULL, NULL };
  cairo_status_t status;

  if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".pdf"))
    return g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                        _("Cannot save the chart as “%s”: the file name must end in .png or .pdf"),
                        display), FALSE;
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    return FALSE;
  sink.stream = G_OUTPUT_STREAM (out);
  status = g_str_has_suffix (lower, ".png") ? chart_write_png (chart, &sink, width, height)
                                            : chart_write_pdf (chart, &sink, width, height);
  if (status == CAIRO_STATUS_SUCCESS && sink.error == NULL)
    return g_output_stream_close (sink.stream, NULL, error);
  /* Closing a cancelled replace drops the new file and keeps the old. */
  g_cancellable_cancel (abandon);
  g_output_stream_close (sink.stream, abandon, NULL);
  if (sink.error != NULL)
    {
      g_set_error (error, G_IO_ERROR, sink.error->code, _("Could not write “%s”: %s"), display,
                   sink.error->message);
      g_clear_error (&sink.error);
    }
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the chart for “%s”: %s"),
                 display, cairo_status_to_string (status));
  return FALSE;
}
