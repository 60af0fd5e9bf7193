/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lp-slides.h"

G_BEGIN_DECLS

/* The deck as a PDF, a 16:9 page a slide, drawn as on screen; replaces
 * any file at @path only when complete.  Safe on a worker thread. */
gboolean lp_slide_deck_write_pdf (const LpSlideDeck   *deck,
                                  const char          *path,
                                  GError             **error);
/* "Save Slides as PDF…": asks where, then reads the slides of @plan as
 * @query asks and writes them, both on the plan's worker, and says so in
 * the window's toast, or why not in a dialog. */
void     lp_slide_deck_save_pdf  (GtkWidget           *widget,
                                  LpPlan              *plan,
                                  const LpSlideQuery  *query);

G_END_DECLS
