/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"

G_BEGIN_DECLS

#define LP_TYPE_LOCALITIES_VIEW (lp_localities_view_get_type ())
G_DECLARE_FINAL_TYPE (LpLocalitiesView, lp_localities_view, LP, LOCALITIES_VIEW, AdwBin)

GtkWidget  *lp_localities_view_new          (void);
/* @plan: (nullable): the plan to show; %NULL clears the view. */
void        lp_localities_view_set_plan     (LpLocalitiesView *self,
                                             LpPlan           *plan);
/* Reveals the search bar and focuses its entry (Ctrl+F). */
void        lp_localities_view_start_search (LpLocalitiesView *self);
/* The rows shown, in the order shown; also the table's GtkSingleSelection. */
GListModel *lp_localities_view_get_model    (LpLocalitiesView *self);

G_END_DECLS
