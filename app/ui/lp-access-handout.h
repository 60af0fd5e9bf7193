/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lp-access-text.h"

G_BEGIN_DECLS

/* The Extended Access view on one landscape A4 page for a workshop: the
 * title and basis on top, the chart on the left, the months on the right
 * with the behind ones in bold.  A copy of what the view shows, so the
 * view may change while the page prints. */
typedef struct _LpAccessHandout LpAccessHandout;

LpAccessHandout   *lp_access_handout_new       (const LpAccessText *text);
void               lp_access_handout_free      (LpAccessHandout    *handout);
void               lp_access_handout_draw      (const LpAccessHandout *handout,
                                                cairo_t            *cr,
                                                double              width,
                                                double              height);
/* A print operation of the page; it takes @handout. */
GtkPrintOperation *lp_access_handout_operation (LpAccessHandout    *handout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpAccessHandout, lp_access_handout_free)

G_END_DECLS
