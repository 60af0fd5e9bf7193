/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"
#include "lp-data-view.h"

G_BEGIN_DECLS

#define LP_TYPE_PRACTICES_VIEW (lp_practices_view_get_type ())
G_DECLARE_FINAL_TYPE (LpPracticesView, lp_practices_view, LP, PRACTICES_VIEW, LpDataView)

GtkWidget  *lp_practices_view_new          (void);
/* The rows shown (what the locality, PCN, Sub-ICB and search filters
 * leave), in the order shown; also the table's GtkMultiSelection. */
GListModel *lp_practices_view_get_model    (LpPracticesView *self);
/* Shows only the practices of @locality_id; 0 shows every locality's. */
void        lp_practices_view_set_locality (LpPracticesView *self,
                                            gint64           locality_id);
gint64      lp_practices_view_get_locality (LpPracticesView *self);

G_END_DECLS
