/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Core-internal: making localities from the practice map's groupings, for
 * lp_plan_make_localities_from() and for the map import's
 * localities_from option, which both write it inside their own
 * transaction. */

#include "lp-plan.h"

G_BEGIN_DECLS

gboolean lp_localities_from_grouping_write (LpPlan      *plan,
                                            const char  *grouping,
                                            gboolean     reassign,
                                            guint       *n_made,
                                            guint       *n_placed,
                                            GError     **error);

G_END_DECLS
