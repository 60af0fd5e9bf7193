/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"
#include "lp-view.h"

G_BEGIN_DECLS

#define LP_TYPE_OVERVIEW_VIEW (lp_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (LpOverviewView, lp_overview_view, LP, OVERVIEW_VIEW, LpView)

GtkWidget  *lp_overview_view_new                     (void);
void        lp_overview_view_set_ending_soon_months  (LpOverviewView *self,
                                                      guint           months);
/* For tests: why the figures could not be read, or NULL. */
const char *lp_overview_view_get_error               (LpOverviewView *self);

G_END_DECLS
