/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Drawings saved as files: a PDF page or a PNG, written to a hidden file
 * beside the name and renamed to it when complete, so that the file is
 * never seen half-written and a failure leaves whatever file was there
 * before.  Safe on a worker thread. */

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef void (*LpCairoDrawFunc) (cairo_t  *cr,
                                 double    width,
                                 double    height,
                                 gpointer  data);

/* One page of @width x @height points. */
gboolean lp_cairo_write_pdf (const char       *path,
                             double            width,
                             double            height,
                             LpCairoDrawFunc   draw,
                             gpointer          data,
                             GError          **error);
/* @scale pixels a point, on white. */
gboolean lp_cairo_write_png (const char       *path,
                             double            width,
                             double            height,
                             double            scale,
                             LpCairoDrawFunc   draw,
                             gpointer          data,
                             GError          **error);

G_END_DECLS
