/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lp_plan_workforce(), with the last projection kept on the plan: asked
 * again for the same selection, it answers from memory; after a planned
 * movement it moves that one figure and projects again, without reading
 * the plan (England's 160,000 records take 150 ms to read, a projection a
 * few).  Any other change to the plan drops what is kept: on the plan's
 * own connection its "changed" says so; on another that reads the same
 * file (a view's worker) SQLite's data_version does. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-plan-private.h"
#include "lp-workforce-private.h"

typedef struct {
  LpPlan           *plan;       /* not a reference: the cache lives on it */
  gulong            handler;
  gboolean          valid;
  gboolean          moving;     /* the change being reported is one already applied */
  gint64            data_version;   /* of the connection, when the projection was made */
  gint64            locality_id, practice_id, scenario_id;
  char             *staff_group, *role;
  LpWfData          data;
  LpWfRun           run;
  LpWorkforceTable *table;
} LpWfCache;

static void
lp_wf_cache_drop (LpWfCache *cache)
{
  if (cache->valid)
    {
      lp_wf_data_clear (&cache->data);
      lp_wf_run_clear (&cache->run);
    }
  g_clear_pointer (&cache->table, lp_workforce_table_free);
  g_clear_pointer (&cache->staff_group, g_free);
  g_clear_pointer (&cache->role, g_free);
  cache->valid = FALSE;
}

static void
lp_wf_cache_free (gpointer data)
{
  LpWfCache *cache = data;

  lp_wf_cache_drop (cache);
  g_free (cache);
}

static void
lp_wf_cache_changed (LpPlan     *plan,
                     const char *table,
                     LpWfCache  *cache)
{
  if (!cache->moving)
    lp_wf_cache_drop (cache);
}

static LpWfCache *
lp_wf_cache_get (LpPlan *plan)
{
  LpWfCache *cache = g_object_get_data (G_OBJECT (plan), "lp-workforce-cache");

  if (cache == NULL)
    {
      cache = g_new0 (LpWfCache, 1);
      cache->plan = plan;
      cache->handler = g_signal_connect (plan, "changed", G_CALLBACK (lp_wf_cache_changed), cache);
      g_object_set_data_full (G_OBJECT (plan), "lp-workforce-cache", cache, lp_wf_cache_free);
    }
  return cache;
}

static gboolean
lp_wf_cache_matches (const LpWfCache        *cache,
                     const LpWorkforceQuery *query,
                     gint64                  data_version)
{
  return cache->valid && cache->data_version == data_version && data_version >= 0 &&
         cache->locality_id == query->locality_id && cache->practice_id == query->practice_id &&
         cache->scenario_id == query->scenario_id && g_strcmp0 (cache->staff_group, query->staff_group) == 0 &&
         g_strcmp0 (cache->role, query->role) == 0;
}

/**
 * lp_plan_workforce:
 *
 * Returns: (transfer full): a row a quarter from the baseline's to the
 *   last target's (three years at least), or %NULL with @error set, also
 *   when the plan has no workforce figures
 */
LpWorkforceTable *
lp_plan_workforce (LpPlan                  *plan,
                   const LpWorkforceQuery  *query,
                   GError                 **error)
{
  LpWfCache *cache;
  g_autoptr(LpWorkforceTable) table = NULL;
  gint64 data_version;

  g_return_val_if_fail (LP_IS_PLAN (plan) && query != NULL, NULL);

  cache = lp_wf_cache_get (plan);
  data_version = lp_plan_get_data_version (plan);
  if (lp_wf_cache_matches (cache, query, data_version))
    return lp_workforce_table_copy (cache->table);
  lp_wf_cache_drop (cache);
  if (!lp_wf_data_load (&cache->data, plan, query, error))
    {
      lp_wf_data_clear (&cache->data);
      return NULL;
    }
  table = g_new0 (LpWorkforceTable, 1);
  cache->valid = TRUE;
  if (!lp_wf_compute (&cache->data, query, &cache->run, table, error))
    {
      lp_wf_cache_drop (cache);
      return NULL;
    }
  cache->data_version = data_version;
  cache->locality_id = query->locality_id;
  cache->practice_id = query->practice_id;
  cache->scenario_id = query->scenario_id;
  cache->staff_group = g_strdup (query->staff_group);
  cache->role = g_strdup (query->role);
  cache->table = lp_workforce_table_copy (table);
  return g_steal_pointer (&table);
}

/* The movement's place among the quarter's, or a new one. */
static void
lp_wf_cache_set_move (GArray *moves,
                      guint   pair,
                      double  delta)
{
  for (guint i = 0; i < moves->len; i++)
    if (g_array_index (moves, LpWfMove, i).pair == pair)
      {
        g_array_index (moves, LpWfMove, i).delta = delta;
        return;
      }
  g_array_append_val (moves, ((LpWfMove) { pair, delta }));
}

/* Applies the movement just stored if the cache can: the same scenario,
 * which builds on none, and a practice role the projection already has.
 * Otherwise the cache is dropped when "changed" comes. */
void
lp_wf_cache_moved (LpPlan     *plan,
                   gint64      scenario_id,
                   gint64      practice_id,
                   const char *role,
                   const char *quarter_start,
                   double      delta)
{
  LpWfCache *cache = g_object_get_data (G_OBJECT (plan), "lp-workforce-cache");
  LpWorkforceQuery query;
  LpWfPair *pair;
  int k;

  if (cache == NULL || !cache->valid || cache->data.chain_length != 1 || cache->data.scenario_id != scenario_id)
    return;
  query = (LpWorkforceQuery) { cache->locality_id, cache->practice_id, cache->scenario_id, cache->staff_group,
                               cache->role };
  k = lp_wf_quarter_index (quarter_start) - cache->run.base;
  if (!lp_wf_practice_selected (&cache->data, &query, practice_id) ||
      !lp_wf_role_selected (&cache->data, &query, role) || k > cache->run.last - cache->run.base)
    {
      cache->moving = TRUE;   /* nothing shown moves */
      return;
    }
  if (k <= 0 || (pair = lp_wf_find_pair (&cache->data, &cache->run, practice_id, role)) == NULL)
    return;
  lp_wf_cache_set_move (g_ptr_array_index (cache->run.moves, k),
                        (guint) (pair - (LpWfPair *) (gpointer) cache->run.pairs->data), delta);
  lp_wf_reproject (&cache->run, cache->table);
  cache->moving = TRUE;
}

void
lp_wf_cache_end_move (LpPlan *plan)
{
  LpWfCache *cache = g_object_get_data (G_OBJECT (plan), "lp-workforce-cache");

  if (cache != NULL)
    cache->moving = FALSE;
}
