/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drawings saved as PDF or PNG files (see lp-cairo-file.h). */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "lp-cairo-file.h"

typedef struct {
  GOutputStream *stream;
  GError        *error;
} FileSink;

static cairo_status_t
file_sink_write (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  FileSink *sink = closure;

  if (sink->error != NULL ||
      !g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* Keeps the new file if all went well, else drops it (a cancelled
 * replace keeps the old one) and says why, naming the file. */
static gboolean
file_sink_finish (FileSink        *sink,
                  const char      *path,
                  cairo_status_t   status,
                  GError         **error)
{
  g_autoptr(GCancellable) abandon = g_cancellable_new ();
  g_autofree char *display = g_filename_display_name (path);

  if (status == CAIRO_STATUS_SUCCESS && sink->error == NULL)
    return g_output_stream_close (sink->stream, NULL, error);
  g_cancellable_cancel (abandon);
  g_output_stream_close (sink->stream, abandon, NULL);
  g_set_error (error, G_IO_ERROR, sink->error != NULL ? sink->error->code : G_IO_ERROR_FAILED,
               _("Could not write “%s”: %s"), display,
               sink->error != NULL ? sink->error->message : cairo_status_to_string (status));
  g_clear_error (&sink->error);
  return FALSE;
}

static GOutputStream *
file_sink_open (const char  *path,
                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                          NULL, error));
}

gboolean
lp_cairo_write_pdf (const char       *path,
                    double            width,
                    double            height,
                    LpCairoDrawFunc   draw,
                    gpointer          data,
                    GError          **error)
{
  g_autoptr(GOutputStream) stream = file_sink_open (path, error);
  FileSink sink = { stream, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (stream == NULL)
    return FALSE;
  surface = cairo_pdf_surface_create_for_stream (file_sink_write, &sink, width, height);
  cr = cairo_create (surface);
  draw (cr, width, height, data);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return file_sink_finish (&sink, path, status, error);
}

gboolean
lp_cairo_write_png (const char       *path,
                    double            width,
                    double            height,
                    double            scale,
                    LpCairoDrawFunc   draw,
                    gpointer          data,
                    GError          **error)
{
  g_autoptr(GOutputStream) stream = file_sink_open (path, error);
  FileSink sink = { stream, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (stream == NULL)
    return FALSE;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (scale * width), (int) (scale * height));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw (cr, width, height, data);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png_stream (surface, file_sink_write, &sink);
  cairo_surface_destroy (surface);
  return file_sink_finish (&sink, path, status, error);
}
