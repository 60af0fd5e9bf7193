/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lp-chart.h"

G_BEGIN_DECLS

/* A view on one landscape A4 page for a workshop: a title, a summary and
 * its basis on top, the view's chart on the left and its table on the
 * right, flagged rows (behind, short) in bold.  A copy of what the view
 * shows, so the view may change while the page prints. */
typedef struct _LpHandout LpHandout;

/* @titles: the table's column titles; @widths: their widths in points. */
LpHandout         *lp_handout_new       (const char        *title,
                                         const char        *summary,
                                         const char        *basis,
                                         const LpChart     *chart,
                                         const char *const *titles,
                                         const double      *widths);
void               lp_handout_add_row   (LpHandout         *handout,
                                         const char *const *cells,
                                         gboolean           flagged);
void               lp_handout_free      (LpHandout         *handout);
void               lp_handout_draw      (const LpHandout   *handout,
                                         cairo_t           *cr,
                                         double             width,
                                         double             height);
/* A print operation of the page; it takes @handout. */
GtkPrintOperation *lp_handout_operation (LpHandout         *handout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpHandout, lp_handout_free)

G_END_DECLS
