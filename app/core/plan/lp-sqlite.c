/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small helpers shared by everything in the core that talks to SQLite. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lp-plan-private.h"

static LpPlanError
lp_plan_error_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return LP_PLAN_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return LP_PLAN_ERROR_READ_ONLY;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      return LP_PLAN_ERROR_IO;
    case SQLITE_CORRUPT:
      return LP_PLAN_ERROR_CORRUPT;
    case SQLITE_NOTADB:
      return LP_PLAN_ERROR_NOT_A_PLAN;
    case SQLITE_CONSTRAINT:
      return LP_PLAN_ERROR_CONSTRAINT;
    default:
      return LP_PLAN_ERROR_DATABASE;
    }
}

static const char *
lp_sqlite_explain (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return _("another program is using the plan file; try again in a moment");
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return _("the plan file is read-only");
    case SQLITE_FULL:
      return _("the disk is full");
    case SQLITE_CORRUPT:
      return _("the plan file is damaged");
    case SQLITE_NOTADB:
      return _("the file is not a database");
    default:
      return NULL;
    }
}

/**
 * lp_sqlite_set_error:
 * @doing: what was being done, in words a user understands ("saving the practice")
 *
 * Sets @error from SQLite's result @rc, naming what failed and why.
 * Always returns %FALSE so callers can `return lp_sqlite_set_error (...)`.
 */
gboolean
lp_sqlite_set_error (GError     **error,
                     sqlite3     *db,
                     int          rc,
                     const char  *doing)
{
  const char *why = lp_sqlite_explain (rc);

  if (why == NULL)
    why = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  g_set_error (error, LP_PLAN_ERROR, lp_plan_error_for_sqlite (rc),
               /* Translators: "Could not save the practice: the disk is full" */
               _("Could not %s: %s"), doing, why);
  return FALSE;
}

gboolean
lp_sqlite_exec (sqlite3     *db,
                const char  *sql,
                GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, LP_PLAN_ERROR, lp_plan_error_for_sqlite (rc),
                   "%s", message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/**
 * lp_id_new:
 *
 * Returns a random positive 63-bit key for a new row.  Random keys, unlike
 * rowids, do not collide when copies of a plan made on different laptops
 * are merged back together.
 */
/* @name as an SQL identifier in double quotes, any quote in it doubled:
 * table and column names read from a file another program wrote may hold
 * anything. */
char *
lp_sqlite_quote_ident (const char *name)
{
  g_autoptr(GString) quoted = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

gint64
lp_id_new (void)
{
  gint64 id = 0;

  while (id <= 0)
    {
      sqlite3_randomness (sizeof id, &id);
      id &= G_MAXINT64;
    }
  return id;
}

gboolean
lp_stmt_run (LpPlan        *self,
             sqlite3_stmt  *stmt,
             const char    *doing,
             GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return lp_sqlite_set_error (error, lp_plan_get_db (self), rc, doing);
  return TRUE;
}

void
lp_stmt_bind_text (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
lp_stmt_column_text (sqlite3_stmt *stmt,
                     int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? (const char *) text : "";
}

gboolean
lp_plan_delete_row (LpPlan      *self,
                    const char  *sql,
                    gint64       id,
                    const char  *table,
                    const char  *doing,
                    const char  *gone,
                    GError     **error)
{
  sqlite3_stmt *stmt;

  if (!lp_plan_begin_write (self, error))
    return FALSE;
  stmt = lp_plan_prepare (self, sql, error);
  if (stmt == NULL)
    return lp_plan_rollback (self), FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!lp_stmt_run (self, stmt, doing, error))
    return lp_plan_rollback (self), FALSE;
  if (sqlite3_changes (lp_plan_get_db (self)) == 0)
    {
      lp_plan_rollback (self);
      g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND, gone);
      return FALSE;
    }
  if (!lp_plan_commit (self, error))
    return FALSE;
  lp_plan_emit_changed (self, table);
  return TRUE;
}
