/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plan-wide settings (name, organisation, financial year, reference date):
 * the plan_info table's key/value rows. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lp-plan-private.h"

/**
 * lp_plan_dup_info:
 * @key: e.g. "name", "organisation_code", "financial_year"
 *
 * Returns: (nullable): the plan-wide setting, or %NULL if it is not set
 */
char *
lp_plan_dup_info (LpPlan     *self,
                  const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (LP_IS_PLAN (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = lp_plan_prepare (self, "SELECT value FROM plan_info WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (lp_stmt_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

gboolean
lp_plan_set_info (LpPlan      *self,
                  const char  *key,
                  const char  *value,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (self), FALSE);
  g_return_val_if_fail (key != NULL && *key != '\0', FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!lp_plan_begin_write (self, error))
    return FALSE;
  stmt = lp_plan_prepare (self,
      "INSERT INTO plan_info (key, value) VALUES (?1, ?2) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    {
      lp_plan_rollback (self);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (!lp_stmt_run (self, stmt, _("save the plan's details"), error))
    {
      lp_plan_rollback (self);
      return FALSE;
    }
  if (!lp_plan_commit (self, error))
    return FALSE;
  lp_plan_emit_changed (self, "plan_info");
  return TRUE;
}

/**
 * lp_plan_dup_display_name:
 *
 * The plan's name for a window title: the plan_info "name" if set,
 * otherwise the file name without its suffix.
 */
char *
lp_plan_dup_display_name (LpPlan *self)
{
  g_autofree char *name = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (LP_IS_PLAN (self), NULL);

  name = lp_plan_dup_info (self, "name");
  if (name != NULL && *name != '\0')
    return g_steal_pointer (&name);
  base = g_filename_display_basename (lp_plan_get_path (self));
  if (g_str_has_suffix (base, LP_PLAN_FILE_SUFFIX))
    base[strlen (base) - strlen (LP_PLAN_FILE_SUFFIX)] = '\0';
  return g_steal_pointer (&base);
}
