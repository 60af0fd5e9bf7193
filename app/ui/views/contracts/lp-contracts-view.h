/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"
#include "lp-data-view.h"

G_BEGIN_DECLS

#define LP_TYPE_CONTRACTS_VIEW (lp_contracts_view_get_type ())
G_DECLARE_FINAL_TYPE (LpContractsView, lp_contracts_view, LP, CONTRACTS_VIEW, LpDataView)

GtkWidget  *lp_contracts_view_new                    (void);
/* The rows shown, in the order shown; also the table's GtkSingleSelection. */
GListModel *lp_contracts_view_get_model              (LpContractsView *self);
/* How far ahead a contract's end counts as "ending soon"
 * (default LP_ENDING_SOON_MONTHS_DEFAULT). */
void        lp_contracts_view_set_ending_soon_months (LpContractsView *self,
                                                      guint            months);

G_END_DECLS
