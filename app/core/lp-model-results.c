/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What is made from a model table: each practice's share of its
 * locality's change, each locality's grand total for the chart, and the
 * difference between two scenarios. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lp-model-private.h"
#include "lp-plan-private.h"
#include "lp-practice-private.h"

static void
lp_model_practice_free (gpointer data)
{
  LpModelPractice *practice = data;

  g_free (practice->ods_code);
  g_free (practice->name);
  g_free (practice);
}

/**
 * lp_plan_model_practices:
 * @table: the locality's table from lp_plan_model() with the same @query
 *
 * Returns: (transfer full) (element-type LpModelPractice): the locality's
 *   practices by code, each with its list-size share of the grand total;
 *   practices closed by the query's extract date are left out
 */
GPtrArray *
lp_plan_model_practices (LpPlan              *plan,
                         const LpModelQuery  *query,
                         const LpModelTable  *table,
                         GError             **error)
{
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (lp_model_practice_free);
  const LpModelRow *total;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (table != NULL && table->rows->len > 0, NULL);

  total = g_ptr_array_index (table->rows, table->rows->len - 1);
  stmt = lp_plan_prepare (plan,
      "SELECT p.ods_code, p.name, ifnull ((SELECT s.patients FROM list_size AS s WHERE s.practice_id = p.id "
      "  AND (?1 IS NULL OR s.extract_date <= ?1) ORDER BY s.extract_date DESC LIMIT 1), 0) "
      "FROM practice AS p WHERE p.locality_id IS NOT NULL AND (?2 = 0 OR p.locality_id = ?2) "
      "  AND " LP_PRACTICE_COUNTS_ON ("p", "?1") " "
      "ORDER BY p.ods_code", error);
  if (stmt == NULL)
    return NULL;
  lp_stmt_bind_text (stmt, 1, query->extract_date);
  sqlite3_bind_int64 (stmt, 2, query->locality_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LpModelPractice *practice = g_new0 (LpModelPractice, 1);

      practice->ods_code = g_strdup (lp_stmt_column_text (stmt, 0));
      practice->name = g_strdup (lp_stmt_column_text (stmt, 1));
      practice->list_size = sqlite3_column_int64 (stmt, 2);
      practice->share = table->population > 0 ? (double) practice->list_size / (double) table->population : 0;
      for (guint h = 0; h < table->n_horizons; h++)
        {
          practice->activity[h] = total->activity[h] * practice->share;
          practice->bed_days[h] = total->bed_days[h] * practice->share;
        }
      g_ptr_array_add (practices, practice);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&practices);
}

gint64
lp_plan_find_scenario (LpPlan     *plan,
                       const char *name)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (LP_IS_PLAN (plan), 0);

  stmt = lp_plan_prepare (plan, "SELECT id FROM scenario WHERE name = ?1 COLLATE NOCASE", NULL);
  if (stmt == NULL || name == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
lp_model_tables_match (const LpModelTable *table,
                       const LpModelTable *other)
{
  if (table->n_horizons != other->n_horizons || table->rows->len != other->rows->len ||
      memcmp (table->horizons, other->horizons, sizeof table->horizons) != 0)
    return FALSE;
  for (guint i = 0; i < table->rows->len; i++)
    if (g_strcmp0 (((LpModelRow *) g_ptr_array_index (table->rows, i))->name,
                   ((LpModelRow *) g_ptr_array_index (other->rows, i))->name) != 0)
      return FALSE;
  return TRUE;
}

/**
 * lp_model_table_difference:
 *
 * For comparing scenarios: the rows keep their names and kinds; each
 * figure is @table's minus @other's.
 *
 * Returns: (transfer full) (nullable): the difference table
 */
LpModelTable *
lp_model_table_difference (const LpModelTable *table,
                           const LpModelTable *other)
{
  LpModelTable *difference;

  g_return_val_if_fail (table != NULL && other != NULL, NULL);

  if (!lp_model_tables_match (table, other))
    return NULL;
  difference = g_new0 (LpModelTable, 1);
  *difference = *table;
  difference->rows = g_ptr_array_new_with_free_func (lp_model_row_free);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const LpModelRow *a = g_ptr_array_index (table->rows, i);
      const LpModelRow *b = g_ptr_array_index (other->rows, i);
      LpModelRow *row = g_new0 (LpModelRow, 1);

      row->name = g_strdup (a->name);
      row->kind = a->kind;
      row->entered = a->entered;
      for (guint h = 0; h < table->n_horizons; h++)
        {
          row->activity[h] = a->activity[h] - b->activity[h];
          row->bed_days[h] = a->bed_days[h] - b->bed_days[h];
        }
      g_ptr_array_add (difference->rows, row);
    }
  return difference;
}

static void
lp_model_locality_free (gpointer data)
{
  LpModelLocality *locality = data;

  g_free (locality->name);
  g_free (locality);
}

static int
lp_model_locality_compare (gconstpointer a,
                           gconstpointer b)
{
  const LpModelLocality *x = *(LpModelLocality *const *) a;
  const LpModelLocality *y = *(LpModelLocality *const *) b;

  return g_utf8_collate (x->name, y->name);
}

/* Names the totals and puts them in name order. */
static gboolean
lp_model_name_localities (LpPlan      *plan,
                          GHashTable  *totals,
                          GPtrArray   *localities,
                          GError     **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, "SELECT id, name FROM locality", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      LpModelLocality *total = NULL;

      if (g_hash_table_steal_extended (totals, &id, NULL, (gpointer *) &total))
        {
          total->name = g_strdup (lp_stmt_column_text (stmt, 1));
          g_ptr_array_add (localities, total);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the localities"));
  g_ptr_array_sort (localities, lp_model_locality_compare);
  return TRUE;
}

/**
 * lp_plan_model_localities:
 * @table: (out) (optional): the table of all localities
 *
 * Returns: (transfer full) (element-type LpModelLocality): each locality's
 *   grand total per year, month or week, by name; they add up to the
 *   table's grand total
 */
GPtrArray *
lp_plan_model_localities (LpPlan              *plan,
                          const LpModelQuery  *query,
                          LpModelTable       **table,
                          GError             **error)
{
  g_autoptr(GHashTable) totals = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        lp_model_locality_free);
  g_autoptr(GPtrArray) localities = g_ptr_array_new_with_free_func (lp_model_locality_free);
  g_autoptr(LpModelTable) all = NULL;
  LpModelQuery all_query;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  all_query = *query;
  all_query.locality_id = 0;
  all = lp_model_run (plan, &all_query, totals, error);
  if (all == NULL || !lp_model_name_localities (plan, totals, localities, error))
    return NULL;
  if (table != NULL)
    *table = g_steal_pointer (&all);
  return g_steal_pointer (&localities);
}
