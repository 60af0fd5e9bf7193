/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-slides.h"

G_BEGIN_DECLS

/* Presentation mode: the plan's slides full screen, one at a time, in
 * large type on white.  Right, Page Down, Space (and a presenter's
 * clicker, which sends Page Down and Page Up) go on; Left and Page Up go
 * back; Home and End go to the first and last; Escape leaves.  The slides
 * are read on the plan's worker, and again when the plan changes. */
#define LP_TYPE_PRESENTATION_WINDOW (lp_presentation_window_get_type ())
G_DECLARE_FINAL_TYPE (LpPresentationWindow, lp_presentation_window, LP, PRESENTATION_WINDOW, AdwWindow)

GtkWidget         *lp_presentation_window_new         (GtkWindow          *parent,
                                                       LpPlan             *plan,
                                                       const LpSlideQuery *query);
/* %NULL until the slides are read. */
const LpSlideDeck *lp_presentation_window_get_deck    (LpPresentationWindow *self);
guint              lp_presentation_window_get_current (LpPresentationWindow *self);
void               lp_presentation_window_go_to       (LpPresentationWindow *self,
                                                       guint                 index);
/* The slide as drawn, for a test's picture of it. */
GtkWidget         *lp_presentation_window_get_slide_area (LpPresentationWindow *self);

G_END_DECLS
