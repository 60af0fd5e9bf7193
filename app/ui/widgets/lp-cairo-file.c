/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drawings saved as PDF or PNG files (see lp-cairo-file.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>

#include "lp-cairo-file.h"

/* The drawing goes to a hidden file beside the one asked for, renamed to
 * it only when complete: the file never exists half-written, whether it
 * is new or replaces one, and a failed write leaves the old one as it was. */
typedef struct {
  int   fd;
  char *partial;
  int   error;    /* errno of the first failure, 0 if none */
} FileSink;

static cairo_status_t
file_sink_write (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  FileSink *sink = closure;

  while (sink->error == 0 && length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written == 0)
        sink->error = EIO;   /* no progress: never loop for ever */
      else if (written < 0 && errno != EINTR)
        sink->error = errno;
      else if (written > 0)
        {
          data += written;
          length -= (unsigned int) written;
        }
    }
  return sink->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
file_sink_open (FileSink    *sink,
                const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  /* Short, so that a file name near the system's limit still fits. */
  g_autofree char *name = g_strdup_printf (".lp-%08x.partial", g_random_int ());

  sink->partial = g_build_filename (dir, name, NULL);
  sink->fd = g_open (sink->partial, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  sink->error = 0;
  if (sink->fd >= 0)
    return TRUE;
  {
    int saved = errno;
    g_autofree char *display = g_filename_display_name (path);

    g_clear_pointer (&sink->partial, g_free);
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write “%s”: %s"),
                 display, g_strerror (saved));
    return FALSE;
  }
}

/* Keeps the new file if all went well, else drops it and says why,
 * naming the file. */
static gboolean
file_sink_finish (FileSink        *sink,
                  const char      *path,
                  cairo_status_t   status,
                  GError         **error)
{
  g_autofree char *partial = g_steal_pointer (&sink->partial);
  g_autofree char *display = g_filename_display_name (path);
  int failure = sink->error;
  gboolean ok = failure == 0 && status == CAIRO_STATUS_SUCCESS;

  if (ok && fsync (sink->fd) != 0)
    ok = FALSE, failure = errno;
  if (close (sink->fd) != 0 && ok)
    ok = FALSE, failure = errno;
  if (ok && g_rename (partial, path) != 0)
    ok = FALSE, failure = errno;
  if (ok)
    return TRUE;
  g_unlink (partial);
  if (failure != 0)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (failure), _("Could not write “%s”: %s"),
                 display, g_strerror (failure));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                 display, cairo_status_to_string (status));
  return FALSE;
}

gboolean
lp_cairo_write_pdf (const char       *path,
                    double            width,
                    double            height,
                    LpCairoDrawFunc   draw,
                    gpointer          data,
                    GError          **error)
{
  FileSink sink = { -1, NULL, 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (!file_sink_open (&sink, path, error))
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
  FileSink sink = { -1, NULL, 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (!file_sink_open (&sink, path, error))
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
