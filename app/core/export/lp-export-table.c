/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A plan table as it is in the file: every column in the table's order,
 * every value with its SQLite type, rows in primary-key order so that two
 * exports of the same plan are the same bytes. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-export-private.h"
#include "lp-plan-private.h"

/* Column names that hold YYYY-MM-DD text without ending in _date. */
static const char *const date_columns[] = {
  "as_at", "period_month", "quarter_start",
};

/**
 * lp_export_dup_table_names:
 *
 * Returns: (transfer full): every table of the plan file (not SQLite's own
 *   sqlite_* tables, nor the workshop bases), in the order the schema
 *   created them
 */
GStrv
lp_export_dup_table_names (LpPlan  *plan,
                           GError **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  /* workshop_base holds whole plan files as blobs (lp-workshop.c): the
   * state workshop copies were taken from, not rows anyone reads. */
  stmt = lp_plan_prepare (plan,
      "SELECT name FROM sqlite_schema "
      "WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'workshop_base' "
      "ORDER BY rowid",
      error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, lp_stmt_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("list the plan's tables"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

static LpExportColumnKind
column_kind (const char *name)
{
  if (strcmp (name, "id") == 0 || g_str_has_suffix (name, "_id"))
    return LP_EXPORT_COLUMN_ID;
  if (g_str_has_suffix (name, "_pounds"))
    return LP_EXPORT_COLUMN_MONEY;
  if (g_str_has_suffix (name, "_date")
      || g_strv_contains (date_columns, name))
    return LP_EXPORT_COLUMN_DATE;
  return LP_EXPORT_COLUMN_PLAIN;
}

/* SQL identifiers cannot be bound parameters, so they are quoted here; the
 * names come from the file's own schema, never from what a user typed. */
static void
append_identifier (GString    *sql,
                   const char *name)
{
  g_string_append_c (sql, '"');
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (sql, '"');
      g_string_append_c (sql, *p);
    }
  g_string_append_c (sql, '"');
}

typedef struct {
  GPtrArray *names;   /* char *, in the table's column order */
  GPtrArray *key;     /* char *, borrowed from names, in key order */
} TableShape;

static void
table_shape_clear (TableShape *shape)
{
  g_clear_pointer (&shape->key, g_ptr_array_unref);
  g_clear_pointer (&shape->names, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TableShape, table_shape_clear)

/* pk in pragma_table_info is the column's place in the primary key (1, 2,
 * ...) or 0; a table without one is ordered by all its columns. */
static gboolean
read_table_shape (LpPlan      *plan,
                  const char  *table,
                  TableShape  *shape,
                  GError     **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT name, pk FROM pragma_table_info (?1) ORDER BY cid", error);
  g_autoptr(GArray) pk = g_array_new (FALSE, TRUE, sizeof (int));
  int rc;

  if (stmt == NULL)
    return FALSE;
  shape->names = g_ptr_array_new_with_free_func (g_free);
  lp_stmt_bind_text (stmt, 1, table);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int place = sqlite3_column_int (stmt, 1);

      g_ptr_array_add (shape->names, g_strdup (lp_stmt_column_text (stmt, 0)));
      g_array_append_val (pk, place);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read a table's columns"));
  shape->key = g_ptr_array_new ();
  for (int place = 1; place <= (int) pk->len; place++)
    for (guint i = 0; i < pk->len; i++)
      if (g_array_index (pk, int, i) == place)
        g_ptr_array_add (shape->key, g_ptr_array_index (shape->names, i));
  if (shape->key->len == 0)
    g_ptr_array_extend (shape->key, shape->names, NULL, NULL);
  return TRUE;
}

static char *
select_sql (const char       *table,
            const TableShape *shape)
{
  GString *sql = g_string_new ("SELECT ");

  for (guint i = 0; i < shape->names->len; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      append_identifier (sql, g_ptr_array_index (shape->names, i));
    }
  g_string_append (sql, " FROM ");
  append_identifier (sql, table);
  g_string_append (sql, " ORDER BY ");
  for (guint i = 0; i < shape->key->len; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      append_identifier (sql, g_ptr_array_index (shape->key, i));
    }
  return g_string_free (sql, FALSE);
}

/* The values point into @stmt's row: valid until the next step. */
static void
read_row (sqlite3_stmt  *stmt,
          LpExportValue *values,
          guint          n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      LpExportValue *value = &values[i];

      memset (value, 0, sizeof *value);
      switch (sqlite3_column_type (stmt, (int) i))
        {
        case SQLITE_NULL:
          value->type = LP_EXPORT_VALUE_NULL;
          break;
        case SQLITE_INTEGER:
          value->type = LP_EXPORT_VALUE_INT;
          value->i = sqlite3_column_int64 (stmt, (int) i);
          break;
        case SQLITE_FLOAT:
          value->type = LP_EXPORT_VALUE_REAL;
          value->d = sqlite3_column_double (stmt, (int) i);
          break;
        default:  /* TEXT, and BLOB (no table has one) read as its bytes */
          value->type = LP_EXPORT_VALUE_TEXT;
          value->text = (const char *) sqlite3_column_text (stmt, (int) i);
          break;
        }
    }
}

static gboolean
write_rows (LpPlan        *plan,
            sqlite3_stmt  *stmt,
            guint          n_columns,
            LpExportSink  *sink,
            GError       **error)
{
  g_autofree LpExportValue *values = g_new0 (LpExportValue, n_columns);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      read_row (stmt, values, n_columns);
      if (!sink->write_row (sink, values, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the table's rows"));
  return TRUE;
}

static LpExportColumn *
table_columns (const TableShape *shape)
{
  LpExportColumn *columns = g_new0 (LpExportColumn, shape->names->len);

  for (guint i = 0; i < shape->names->len; i++)
    {
      columns[i].title = g_ptr_array_index (shape->names, i);
      columns[i].kind = column_kind (columns[i].title);
    }
  return columns;
}

/**
 * lp_export_table:
 *
 * Writes the plan table @table (a name from lp_export_dup_table_names())
 * to @sink as one sheet.
 */
gboolean
lp_export_table (LpPlan        *plan,
                 const char    *table,
                 LpExportSink  *sink,
                 GError       **error)
{
  g_auto(TableShape) shape = { NULL, NULL };
  g_autofree LpExportColumn *columns = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc;

  if (!read_table_shape (plan, table, &shape, error))
    return FALSE;
  sql = select_sql (table, &shape);
  rc = sqlite3_prepare_v2 (lp_plan_get_db (plan), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read a table"));
  columns = table_columns (&shape);
  ok = sink->begin_sheet (sink, table, columns, shape.names->len, error)
       && write_rows (plan, stmt, shape.names->len, sink, error)
       && sink->end_sheet (sink, error);
  sqlite3_finalize (stmt);
  return ok;
}
