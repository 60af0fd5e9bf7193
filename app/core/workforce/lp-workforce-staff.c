/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Staff by employer: a locality's practice staff and its share of its
 * PCNs' staff, side by side (see lp-workforce.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-plan-private.h"
#include "lp-workforce.h"

static void
lp_workforce_staff_row_free (gpointer data)
{
  LpWorkforceStaffRow *row = data;

  g_free (row->pcn_code);
  g_free (row->pcn_name);
  g_free (row->role);
  g_free (row->role_name);
  g_free (row->staff_group);
  g_free (row->group_name);
  g_free (row);
}

static void
lp_workforce_staff_group_free (gpointer data)
{
  LpWorkforceStaffGroup *group = data;

  g_free (group->staff_group);
  g_free (group->group_name);
  g_free (group);
}

static void
lp_workforce_pcn_share_free (gpointer data)
{
  LpWorkforcePcnShare *share = data;

  g_free (share->pcn_code);
  g_free (share->pcn_name);
  g_free (share);
}

void
lp_workforce_staff_free (LpWorkforceStaff *staff)
{
  if (staff == NULL)
    return;
  g_free (staff->practice_date);
  g_free (staff->census_date);
  g_clear_pointer (&staff->rows, g_ptr_array_unref);
  g_clear_pointer (&staff->groups, g_ptr_array_unref);
  g_clear_pointer (&staff->pcns, g_ptr_array_unref);
  g_free (staff);
}

gboolean
lp_workforce_pcn_share_is_split (const LpWorkforcePcnShare *share)
{
  g_return_val_if_fail (share != NULL, FALSE);
  return share->share < 1 - 1e-9;
}

/* Resets a statement stepped to @rc, an error unless it ran to its end. */
static gboolean
lp_wf_staff_done (LpPlan        *plan,
                  sqlite3_stmt  *stmt,
                  int            rc,
                  GError       **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the staff by employer"));
}

/* The role columns every query below ends with, from staff_role r and
 * staff_group g. */
#define ROLE_COLUMNS "r.code, r.name, r.staff_group, g.name, r.is_arrs"

static LpWorkforceStaffRow *
lp_workforce_staff_row_new (sqlite3_stmt *stmt,
                            int           first)
{
  LpWorkforceStaffRow *row = g_new0 (LpWorkforceStaffRow, 1);

  row->role = g_strdup (lp_stmt_column_text (stmt, first));
  row->role_name = g_strdup (lp_stmt_column_text (stmt, first + 1));
  row->staff_group = g_strdup (lp_stmt_column_text (stmt, first + 2));
  row->group_name = g_strdup (lp_stmt_column_text (stmt, first + 3));
  row->is_arrs = sqlite3_column_int (stmt, first + 4) != 0;
  return row;
}

static char *
lp_workforce_dup_date (LpPlan     *plan,
                       const char *sql,
                       GError    **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, sql, error);
  char *date = NULL;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    date = g_strdup (lp_stmt_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return date;
}

/* Each practice's and role's latest figure on or before the baseline,
 * added up by role. */
static gboolean
lp_workforce_staff_practices (LpPlan            *plan,
                              gint64             locality_id,
                              LpWorkforceStaff  *staff,
                              GError           **error)
{
  int rc = SQLITE_DONE;
  sqlite3_stmt *stmt;

  if (staff->practice_date == NULL)
    return TRUE;
  stmt = lp_plan_prepare (plan,
      "WITH latest AS (SELECT w.practice_id, w.role, max (w.as_at) AS as_at FROM workforce_fte AS w "
      "                JOIN practice AS p ON p.id = w.practice_id "
      "                WHERE w.as_at <= ?2 AND (?1 = 0 OR p.locality_id = ?1) GROUP BY w.practice_id, w.role) "
      "SELECT total (w.fte), count (w.fte), count (*), " ROLE_COLUMNS " FROM latest AS l "
      "JOIN workforce_fte AS w ON w.practice_id = l.practice_id AND w.role = l.role AND w.as_at = l.as_at "
      "JOIN staff_role AS r ON r.code = w.role JOIN staff_group AS g ON g.code = r.staff_group "
      "GROUP BY r.code ORDER BY g.sort_order, r.sort_order, r.code", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, locality_id);
  sqlite3_bind_text (stmt, 2, staff->practice_date, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LpWorkforceStaffRow *row = lp_workforce_staff_row_new (stmt, 3);

      row->share = 1;
      row->has_fte = sqlite3_column_int (stmt, 1) > 0;
      row->fte = sqlite3_column_double (stmt, 0);
      row->missing = (guint) (sqlite3_column_int (stmt, 2) - sqlite3_column_int (stmt, 1));
      g_ptr_array_add (staff->rows, row);
    }
  return lp_wf_staff_done (plan, stmt, rc, error);
}

/* The selection's PCNs and the share of each: its practices' registered
 * patients in the selection over those of all its practices in the plan.
 * A PCN none of whose practices has a list size is shared by practices. */
static gboolean
lp_workforce_staff_shares (LpPlan            *plan,
                           gint64             locality_id,
                           LpWorkforceStaff  *staff,
                           GError           **error)
{
  int rc = SQLITE_DONE;
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "WITH member AS (SELECT g.code, g.name, p.id, p.locality_id, "
      "  (SELECT l.patients FROM list_size AS l WHERE l.practice_id = p.id "
      "   ORDER BY l.extract_date <= ?2 DESC, CASE WHEN l.extract_date <= ?2 THEN l.extract_date END DESC, "
      "            l.extract_date LIMIT 1) AS patients "
      "  FROM practice_grouping AS g JOIN practice AS p ON p.id = g.practice_id WHERE g.kind = 'pcn') "
      "SELECT code, max (name), total (CASE WHEN ?1 = 0 OR locality_id = ?1 THEN patients END), total (patients), "
      "       count (CASE WHEN ?1 = 0 OR locality_id = ?1 THEN 1 END), count (*) "
      "FROM member GROUP BY code "
      "HAVING count (CASE WHEN ?1 = 0 OR locality_id = ?1 THEN 1 END) > 0 ORDER BY max (name), code", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, locality_id);
  lp_stmt_bind_text (stmt, 2, staff->census_date != NULL ? staff->census_date : "9999-12-31");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LpWorkforcePcnShare *share = g_new0 (LpWorkforcePcnShare, 1);

      share->pcn_code = g_strdup (lp_stmt_column_text (stmt, 0));
      share->pcn_name = g_strdup (lp_stmt_column_text (stmt, 1));
      share->patients = (gint64) sqlite3_column_double (stmt, 2);
      share->pcn_patients = (gint64) sqlite3_column_double (stmt, 3);
      share->share = share->pcn_patients > 0
        ? (double) share->patients / (double) share->pcn_patients
        : (double) sqlite3_column_int (stmt, 4) / (double) sqlite3_column_int (stmt, 5);
      g_ptr_array_add (staff->pcns, share);
    }
  return lp_wf_staff_done (plan, stmt, rc, error);
}

static gboolean
lp_workforce_staff_pcns (LpPlan            *plan,
                         LpWorkforceStaff  *staff,
                         GError           **error)
{
  int rc = SQLITE_DONE;
  sqlite3_stmt *stmt;

  if (staff->census_date == NULL)
    return TRUE;
  stmt = lp_plan_prepare (plan,
      "SELECT w.fte, w.pcn_name, " ROLE_COLUMNS " FROM pcn_workforce_fte AS w "
      "JOIN staff_role AS r ON r.code = w.role JOIN staff_group AS g ON g.code = r.staff_group "
      "WHERE w.pcn_code = ?1 AND w.as_at = ?2 ORDER BY g.sort_order, r.sort_order, r.code", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < staff->pcns->len; i++)
    {
      LpWorkforcePcnShare *share = g_ptr_array_index (staff->pcns, i);

      sqlite3_bind_text (stmt, 1, share->pcn_code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, staff->census_date, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          LpWorkforceStaffRow *row = lp_workforce_staff_row_new (stmt, 2);

          row->pcn_code = g_strdup (share->pcn_code);
          /* The practice map's name, else the workforce file's. */
          row->pcn_name = g_strdup (share->pcn_name[0] != '\0' ? share->pcn_name : lp_stmt_column_text (stmt, 1));
          row->share = share->share;
          row->has_fte = sqlite3_column_type (stmt, 0) != SQLITE_NULL;
          row->fte = row->has_fte ? sqlite3_column_double (stmt, 0) * share->share : 0;
          row->missing = row->has_fte ? 0 : 1;
          g_ptr_array_add (staff->rows, row);
        }
      if (!lp_wf_staff_done (plan, stmt, rc, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
lp_workforce_staff_patients (LpPlan            *plan,
                             gint64             locality_id,
                             LpWorkforceStaff  *staff,
                             GError           **error)
{
  int rc = SQLITE_DONE;
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT total (l.patients) FROM list_size AS l JOIN practice AS p ON p.id = l.practice_id "
      "WHERE (?1 = 0 OR p.locality_id = ?1) AND p.status <> 'closed' "
      "AND l.extract_date = (SELECT max (extract_date) FROM list_size WHERE practice_id = p.id)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, locality_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    staff->patients = (gint64) sqlite3_column_double (stmt, 0), rc = SQLITE_DONE;
  return lp_wf_staff_done (plan, stmt, rc, error);
}

static void
lp_workforce_staff_totals (LpWorkforceStaff *staff)
{
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < staff->rows->len; i++)
    {
      LpWorkforceStaffRow *row = g_ptr_array_index (staff->rows, i);
      LpWorkforceStaffGroup *group = g_hash_table_lookup (by_code, row->staff_group);

      if (group == NULL)
        {
          group = g_new0 (LpWorkforceStaffGroup, 1);
          group->staff_group = g_strdup (row->staff_group);
          group->group_name = g_strdup (row->group_name);
          g_hash_table_insert (by_code, group->staff_group, group);
          g_ptr_array_add (order, group);
        }
      staff->missing += row->missing;
      if (row->pcn_code == NULL)
        {
          group->practice_fte += row->fte, staff->practice_fte += row->fte;
          group->has_practice_fte |= row->has_fte;
        }
      else
        {
          group->pcn_fte += row->fte, staff->pcn_fte += row->fte;
          group->has_pcn_fte |= row->has_fte;
          if (row->is_arrs)
            staff->arrs_fte += row->fte;
        }
    }
  /* In the groups' own order: the rows come by group within each employer. */
  for (const char *const *code = (const char *const[]) { "GP", "NURSE", "DPC", "ADMIN", NULL }; *code != NULL; code++)
    {
      LpWorkforceStaffGroup *group = g_hash_table_lookup (by_code, *code);
      if (group != NULL)
        g_ptr_array_add (staff->groups, group), g_ptr_array_remove (order, group);
    }
  for (guint i = 0; i < order->len; i++)
    g_ptr_array_add (staff->groups, g_ptr_array_index (order, i));
  for (guint i = 0; i < staff->groups->len; i++)
    {
      LpWorkforceStaffGroup *group = g_ptr_array_index (staff->groups, i);
      double all = group->practice_fte + group->pcn_fte;

      group->patients_per_practice_fte = group->practice_fte > 0 ? staff->patients / group->practice_fte : 0;
      group->patients_per_fte = all > 0 ? staff->patients / all : 0;
    }
}

/**
 * lp_plan_workforce_staff:
 * @locality_id: a locality, or 0 for every locality
 *
 * Returns: (transfer full): the selection's staff by employer, or %NULL
 *   with @error set
 */
LpWorkforceStaff *
lp_plan_workforce_staff (LpPlan   *plan,
                         gint64    locality_id,
                         GError  **error)
{
  g_autoptr(LpWorkforceStaff) staff = g_new0 (LpWorkforceStaff, 1);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  staff->rows = g_ptr_array_new_with_free_func (lp_workforce_staff_row_free);
  staff->groups = g_ptr_array_new_with_free_func (lp_workforce_staff_group_free);
  staff->pcns = g_ptr_array_new_with_free_func (lp_workforce_pcn_share_free);
  staff->practice_date = lp_workforce_dup_date (plan, "SELECT max (as_at) FROM workforce_fte", &local_error);
  if (local_error == NULL)
    staff->census_date = lp_workforce_dup_date (plan, "SELECT max (as_at) FROM pcn_workforce_fte", &local_error);
  if (local_error != NULL)
    return g_propagate_error (error, g_steal_pointer (&local_error)), NULL;
  if (!lp_workforce_staff_practices (plan, locality_id, staff, error) ||
      !lp_workforce_staff_shares (plan, locality_id, staff, error) ||
      !lp_workforce_staff_pcns (plan, staff, error) ||
      !lp_workforce_staff_patients (plan, locality_id, staff, error))
    return NULL;
  lp_workforce_staff_totals (staff);
  return g_steal_pointer (&staff);
}
