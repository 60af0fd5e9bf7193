/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A slide drawn with cairo, the same on screen and in the PDF deck: dark
 * text on white, large type and thick lines, so that it reads from the
 * back of a room through a washed-out projector. */

#include <cairo.h>

#include "lp-slides.h"

G_BEGIN_DECLS

/* The PDF deck's page: 16:9, PowerPoint's widescreen size in points. */
#define LP_SLIDE_PAGE_WIDTH  960.0
#define LP_SLIDE_PAGE_HEIGHT 540.0

void lp_slide_draw (const LpSlideDeck *deck,
                    guint              index,
                    cairo_t           *cr,
                    double             width,
                    double             height);

G_END_DECLS
