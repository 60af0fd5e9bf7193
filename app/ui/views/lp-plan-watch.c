/* lp-plan-watch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Views hold the open plan and redraw on its "changed" signal. These two
 * helpers keep the reference and the signal connection in step, so a view
 * never listens to a plan it no longer holds.
 */

#include "config.h"

#include "lp-plan-watch.h"

/**
 * lp_plan_watch_swap:
 * @slot: the watcher's plan pointer
 * @plan: (nullable): the plan to hold instead, or %NULL for none
 * @watcher: the object whose @on_changed runs (as first argument)
 * @on_changed: called as (watcher, table) when @plan changes
 *
 * Returns: %TRUE if @slot now holds a different plan
 */
gboolean
lp_plan_watch_swap (LpPlan    **slot,
                    LpPlan     *plan,
                    gpointer    watcher,
                    GCallback   on_changed)
{
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (plan == NULL || LP_IS_PLAN (plan), FALSE);

  if (*slot == plan)
    return FALSE;
  lp_plan_watch_clear (slot, watcher);
  g_set_object (slot, plan);
  if (plan != NULL)
    g_signal_connect_swapped (plan, "changed", on_changed, watcher);
  return TRUE;
}

/**
 * lp_plan_watch_clear:
 * @slot: the watcher's plan pointer
 * @watcher: the object that was watching
 *
 * Stops watching and drops the reference; safe when @slot is already %NULL.
 */
void
lp_plan_watch_clear (LpPlan   **slot,
                     gpointer   watcher)
{
  g_return_if_fail (slot != NULL);

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, watcher);
  g_clear_object (slot);
}
