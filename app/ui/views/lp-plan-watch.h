/* lp-plan-watch.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-plan.h"

G_BEGIN_DECLS

gboolean lp_plan_watch_swap  (LpPlan   **slot,
                              LpPlan    *plan,
                              gpointer   watcher,
                              GCallback  on_changed);
void     lp_plan_watch_clear (LpPlan   **slot,
                              gpointer   watcher);

G_END_DECLS
