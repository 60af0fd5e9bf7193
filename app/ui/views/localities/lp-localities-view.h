/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"
#include "lp-data-view.h"

G_BEGIN_DECLS

#define LP_TYPE_LOCALITIES_VIEW (lp_localities_view_get_type ())
G_DECLARE_FINAL_TYPE (LpLocalitiesView, lp_localities_view, LP, LOCALITIES_VIEW, LpDataView)

GtkWidget  *lp_localities_view_new          (void);
/* The rows shown, in the order shown; also the table's GtkSingleSelection. */
GListModel *lp_localities_view_get_model    (LpLocalitiesView *self);

G_END_DECLS
