/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Workforce by practice, and the plan's reference figures (see
 * lp-workforce.h). */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-plan-private.h"
#include "lp-workforce-private.h"

static void
lp_wf_practice_free (gpointer data)
{
  LpWorkforcePractice *practice = data;

  g_free (practice->ods_code);
  g_free (practice->name);
  g_free (practice);
}

/* Names and codes, by name, of the practices the query selects. */
static GPtrArray *
lp_wf_named_practices (LpPlan                 *plan,
                       const LpWfData         *data,
                       const LpWorkforceQuery *query,
                       GHashTable             *by_id,
                       GError                **error)
{
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (lp_wf_practice_free);
  sqlite3_stmt *stmt = lp_plan_prepare (plan, "SELECT id, ods_code, name FROM practice ORDER BY name, ods_code",
                                        error);

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LpWorkforcePractice *practice;

      if (!lp_wf_practice_selected (data, query, sqlite3_column_int64 (stmt, 0)))
        continue;
      practice = g_new0 (LpWorkforcePractice, 1);
      practice->practice_id = sqlite3_column_int64 (stmt, 0);
      practice->ods_code = g_strdup (lp_stmt_column_text (stmt, 1));
      practice->name = g_strdup (lp_stmt_column_text (stmt, 2));
      g_ptr_array_add (practices, practice);
      g_hash_table_insert (by_id, &practice->practice_id, practice);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&practices);
}

/**
 * lp_plan_workforce_practices:
 *
 * Returns: (transfer full) (element-type LpWorkforcePractice): by name
 */
GPtrArray *
lp_plan_workforce_practices (LpPlan                  *plan,
                             const LpWorkforceQuery  *query,
                             const char              *quarter_start,
                             GError                 **error)
{
  g_auto(LpWfData) data = { 0, };
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) practices = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan) && query != NULL, NULL);

  if (!lp_wf_data_load (&data, plan, query, error) ||
      (practices = lp_wf_named_practices (plan, &data, query, by_id, error)) == NULL)
    return NULL;
  for (guint i = 0; i < data.records->len; i++)
    {
      const LpWfRecord *record = &g_array_index (data.records, LpWfRecord, i);
      LpWorkforcePractice *practice = g_hash_table_lookup (by_id, &record->practice_id);

      if (practice == NULL || strcmp (record->as_at, data.base_date) != 0 ||
          !lp_wf_role_selected (&data, query, record->role))
        continue;
      practice->missing += !record->has_fte;
      practice->fte += record->has_fte ? record->fte : 0;
      practice->has_fte |= record->has_fte;
      practice->by_hand |= record->by_hand;
    }
  for (guint i = 0; i < data.changes->len; i++)
    {
      const LpWfChange *change = &g_array_index (data.changes, LpWfChange, i);
      LpWorkforcePractice *practice = g_hash_table_lookup (by_id, &change->practice_id);

      if (practice == NULL || g_strcmp0 (change->quarter, quarter_start) != 0 ||
          !lp_wf_role_selected (&data, query, change->role))
        continue;
      practice->joiners += change->joiners;
      practice->leavers += change->leavers;
      practice->retirements += change->retirements;
    }
  return g_steal_pointer (&practices);
}

gboolean
lp_plan_get_reference_figure (LpPlan      *plan,
                              const char  *code,
                              double      *value,
                              char       **label,
                              char       **as_at)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, "SELECT value, label, as_at FROM reference_figure WHERE code = ?1",
                                        NULL);
  gboolean found = FALSE;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  if (stmt == NULL)
    return FALSE;
  lp_stmt_bind_text (stmt, 1, code);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      *value = sqlite3_column_double (stmt, 0);
      if (label != NULL)
        *label = g_strdup (lp_stmt_column_text (stmt, 1));
      if (as_at != NULL)
        *as_at = g_strdup (lp_stmt_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  return found;
}

gboolean
lp_plan_list_staff_roles (LpPlan      *plan,
                          const char  *staff_group,
                          GStrv       *codes,
                          GStrv       *names,
                          GError     **error)
{
  g_autoptr(GStrvBuilder) code_list = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) name_list = g_strv_builder_new ();
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT r.code, r.name FROM staff_role AS r JOIN staff_group AS g ON g.code = r.staff_group "
      "WHERE ?1 IS NULL OR r.staff_group = ?1 ORDER BY g.sort_order, r.sort_order, r.name", error);

  g_return_val_if_fail (LP_IS_PLAN (plan) && codes != NULL && names != NULL, FALSE);

  if (stmt == NULL)
    return FALSE;
  lp_stmt_bind_text (stmt, 1, staff_group);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_strv_builder_add (code_list, lp_stmt_column_text (stmt, 0));
      g_strv_builder_add (name_list, lp_stmt_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  *codes = g_strv_builder_end (code_list);
  *names = g_strv_builder_end (name_list);
  return TRUE;
}
