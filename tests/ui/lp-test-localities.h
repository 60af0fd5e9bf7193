/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Localities in bulk driven as a user does, through the window's views and
 * dialogs: for the end-to-end test and the views' own tests. */

#include "lp-window.h"

G_BEGIN_DECLS

/* Opens the Localities view's "Make Localities from PCNs…" dialog, chooses
 * @grouping ("pcn" or "sub_icb"), keeps practices already in a locality
 * there, saves, and waits until the view shows the localities. */
void lp_test_localities_make_from (LpWindow           *window,
                                   const char         *grouping);

/* Selects the practices of @codes in the Practices view (all localities,
 * no search), moves them with "Move to Locality…" to the locality called
 * @locality_name, and waits until every one of them shows it. */
void lp_test_practices_move       (LpWindow           *window,
                                   const char * const *codes,
                                   const char         *locality_name);

G_END_DECLS
