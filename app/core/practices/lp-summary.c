/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan at a glance, and how many rows each table holds. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lp-plan-private.h"
#include "lp-practice-private.h"
#include "lp-summary.h"

/**
 * lp_plan_get_summary:
 *
 * Fills @summary with the plan's headline figures for the base scenario,
 * as at the plan's reference date: closed practices are left out of the
 * practices and the patients from their close date on.
 */
gboolean
lp_plan_get_summary (LpPlan         *plan,
                     LpPlanSummary  *summary,
                     GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  stmt = lp_plan_prepare (plan,
      "SELECT (SELECT count (*) FROM locality), "
      "       (SELECT count (*) FROM practice AS p WHERE " LP_PRACTICE_COUNTS_ON ("p", "NULL") "), "
      "       (SELECT ifnull (sum (s.patients), 0) FROM practice_latest_list_size AS s "
      "          JOIN practice AS p ON p.id = s.practice_id WHERE " LP_PRACTICE_COUNTS_ON ("p", "NULL") "), "
      "       (SELECT count (*) FROM contract), "
      "       (SELECT ifnull (sum (annual_value_pounds), 0) FROM contract), "
      "       (SELECT ifnull (sum (saving_pounds), 0) FROM qipp_reduction WHERE scenario_id = ?1), "
      "       (SELECT count (*) FROM practice AS p WHERE NOT " LP_PRACTICE_COUNTS_ON ("p", "NULL") ")",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, lp_plan_get_base_scenario_id (plan));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      summary->localities = (guint) sqlite3_column_int (stmt, 0);
      summary->practices = (guint) sqlite3_column_int (stmt, 1);
      summary->registered_patients = sqlite3_column_int64 (stmt, 2);
      summary->contracts = (guint) sqlite3_column_int (stmt, 3);
      summary->contract_value_pounds = sqlite3_column_int64 (stmt, 4);
      summary->qipp_saving_pounds = sqlite3_column_int64 (stmt, 5);
      summary->closed_practices = (guint) sqlite3_column_int (stmt, 6);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the plan's totals"));
  return TRUE;
}

static void
lp_table_count_free (gpointer data)
{
  LpTableCount *count = data;

  g_free (count->table);
  g_free (count);
}

static gboolean
lp_count_one_table (LpPlan      *plan,
                    const char  *table,
                    gint64      *rows,
                    GError     **error)
{
  /* A table name cannot be a bound parameter; %w quotes it as an
   * identifier, and the names come from the file's own schema. */
  char *sql = sqlite3_mprintf ("SELECT count (*) FROM \"%w\"", table);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (lp_plan_get_db (plan), sql, -1, &stmt, NULL);

  sqlite3_free (sql);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *rows = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("count the rows"));
  return TRUE;
}

/**
 * lp_plan_count_table_rows:
 *
 * Returns: (transfer full) (element-type LpTableCount): every table of the
 *   plan file by name, with its number of rows
 */
GPtrArray *
lp_plan_count_table_rows (LpPlan  *plan,
                          GError **error)
{
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func (lp_table_count_free);
  g_auto(GStrv) tables = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  stmt = lp_plan_prepare (plan,
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, lp_stmt_column_text (stmt, 0));
  sqlite3_reset (stmt);
  tables = g_strv_builder_end (builder);
  for (guint i = 0; tables[i] != NULL; i++)
    {
      LpTableCount *count = g_new0 (LpTableCount, 1);
      count->table = g_strdup (tables[i]);
      g_ptr_array_add (counts, count);
      if (!lp_count_one_table (plan, tables[i], &count->rows, error))
        return NULL;
    }
  return g_steal_pointer (&counts);
}
