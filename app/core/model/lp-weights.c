/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A scenario's apportionment weights (see lp-pathway.h). */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lp-pathway.h"
#include "lp-plan-private.h"
#include "lp-locality.h"
#include "lp-scenario.h"
#include "lp-validate.h"

/**
 * lp_plan_get_weights:
 *
 * Returns: (transfer full) (element-type gint64 double): the weights of the
 *   nearest scenario (from @scenario_id to the base) that states any, as
 *   entered; empty: by registered population
 */
GHashTable *
lp_plan_get_weights (LpPlan  *plan,
                     gint64   scenario_id,
                     GError **error)
{
  g_autoptr(GHashTable) weights = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) chain = lp_plan_dup_scenario_chain (plan, scenario_id, error);
  sqlite3_stmt *stmt;
  int best = G_MAXINT;

  if (chain == NULL ||
      (stmt = lp_plan_prepare (plan, "SELECT scenario_id, locality_id, weight FROM apportionment_weight",
                               error)) == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int rank = lp_scenario_chain_rank (chain, sqlite3_column_int64 (stmt, 0));

      if (rank < 0 || rank > best)
        continue;
      if (rank < best)
        {
          g_hash_table_remove_all (weights);
          best = rank;
        }
      g_hash_table_insert (weights, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 1) }, sizeof (gint64)),
                           g_memdup2 (&(double) { sqlite3_column_double (stmt, 2) }, sizeof (double)));
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&weights);
}

static gboolean
lp_weights_check (GHashTable  *weights,
                  GError     **error)
{
  GHashTableIter iter;
  gpointer value;
  double sum = 0;

  g_hash_table_iter_init (&iter, weights);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      double weight = *(double *) value;

      if (!isfinite (weight) || weight < 0)
        return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                            _("A weight must be a figure of 0 or more")), FALSE;
      sum += weight;
    }
  if (g_hash_table_size (weights) > 0 && sum <= 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("At least one locality needs a weight above 0")), FALSE;
  return TRUE;
}

static gboolean
lp_weights_write (LpPlan      *plan,
                  gint64       scenario_id,
                  GHashTable  *weights,
                  GError     **error)
{
  sqlite3_stmt *clear = lp_plan_prepare (plan, "DELETE FROM apportionment_weight WHERE scenario_id = ?1", error);
  sqlite3_stmt *insert;
  GHashTableIter iter;
  gpointer id, weight;

  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, scenario_id);
  if (!lp_stmt_run (plan, clear, _("change the weights"), error) ||
      (insert = lp_plan_prepare (plan, "INSERT INTO apportionment_weight (scenario_id, locality_id, weight) "
                                       "VALUES (?1, ?2, ?3)", error)) == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, weights);
  while (g_hash_table_iter_next (&iter, &id, &weight))
    {
      sqlite3_bind_int64 (insert, 1, scenario_id);
      sqlite3_bind_int64 (insert, 2, *(gint64 *) id);
      sqlite3_bind_double (insert, 3, *(double *) weight);
      if (!lp_stmt_run (plan, insert, _("change the weights"), error))
        return FALSE;
    }
  return TRUE;
}

/**
 * lp_plan_set_weights:
 * @weights: (element-type gint64 double): locality id -> weight
 *
 * One undoable step.  A locality that is not in the plan is refused by
 * the plan file's own rules.
 */
gboolean
lp_plan_set_weights (LpPlan      *plan,
                     gint64       scenario_id,
                     GHashTable  *weights,
                     GError     **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan) && weights != NULL, FALSE);

  if (!lp_weights_check (weights, error))
    return FALSE;
  if (scenario_id == 0)
    scenario_id = lp_plan_get_base_scenario_id (plan);
  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  if (!lp_weights_write (plan, scenario_id, weights, error))
    {
      lp_plan_rollback (plan);
      return FALSE;
    }
  if (!lp_plan_commit (plan, error))
    return FALSE;
  lp_plan_emit_changed (plan, "apportionment_weight");
  return TRUE;
}

/* A locality's weight as typed; blank is 0. */
static gboolean
lp_weights_form_read_row (LpPlan                  *plan,
                          const LpWeightsFormRow  *row,
                          double                  *weight,
                          GError                 **error)
{
  g_autoptr(LpLocality) locality = NULL;
  g_autofree char *field = NULL;
  g_autoptr(GError) local_error = NULL;

  if (lp_text_is_blank (row->weight))
    return *weight = 0, TRUE;
  if (lp_parse_decimal ("", row->weight, 0, weight, NULL))
    return TRUE;
  /* Named only once refused: the locality's name is read for the message. */
  locality = lp_plan_get_locality (plan, row->locality_id, &local_error);
  if (locality == NULL)
    return g_propagate_error (error, g_steal_pointer (&local_error)), FALSE;
  /* TRANSLATORS: names the field in an error message; %s is a locality */
  field = g_strdup_printf (_("The weight of %s"), lp_locality_get_name (locality));
  return lp_parse_decimal (field, row->weight, 0, weight, error);
}

/**
 * lp_plan_save_weights_form:
 * @by_population: share by registered population, leaving @rows aside
 * @rows: (array length=n_rows): each locality's weight as typed
 * @bad_field: (out) (optional): on failure, the field key of the weight
 *   refused, as its row gives it, or %NULL if the reason is not one
 *   weight's
 *
 * Stores what was typed into a weights dialog (lp_plan_set_weights()).
 * One undoable step.
 */
gboolean
lp_plan_save_weights_form (LpPlan                  *plan,
                           gint64                   scenario_id,
                           gboolean                 by_population,
                           const LpWeightsFormRow  *rows,
                           guint                    n_rows,
                           const char             **bad_field,
                           GError                 **error)
{
  g_autoptr(GHashTable) weights = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (rows != NULL || n_rows == 0, FALSE);

  if (bad_field != NULL)
    *bad_field = NULL;
  for (guint i = 0; !by_population && i < n_rows; i++)
    {
      double weight;

      if (!lp_weights_form_read_row (plan, &rows[i], &weight, error))
        {
          if (bad_field != NULL)
            *bad_field = rows[i].field;
          return FALSE;
        }
      g_hash_table_insert (weights, g_memdup2 (&rows[i].locality_id, sizeof (gint64)),
                           g_memdup2 (&weight, sizeof weight));
    }
  return lp_plan_set_weights (plan, scenario_id, weights, error);
}
