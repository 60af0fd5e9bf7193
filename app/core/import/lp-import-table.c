/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app's own CSV of one plan table, as exported: the header is the
 * table's columns, an empty unquoted field is NULL, "" is the empty text,
 * and a text that a spreadsheet would run as a formula carries one extra
 * leading apostrophe, taken off here.  A row updates the row it clashes
 * with (same key, or same name where names are unique) in place, rather
 * than replacing it: a delete would be refused by the rows that refer to
 * it (the staff roles of a staff group).  So export then import gives the
 * same content back. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lp-import-private.h"

typedef struct {
  char         *table;
  GPtrArray    *types;     /* declared type of each file column: "INTEGER", "REAL", "TEXT" */
  sqlite3_stmt *insert;
} LpTableImport;

static void
lp_table_import_free (gpointer data)
{
  LpTableImport *import = data;

  g_free (import->table);
  g_clear_pointer (&import->types, g_ptr_array_unref);
  sqlite3_finalize (import->insert);
  g_free (import);
}

/* The table's columns and declared types, from the schema; @required
 * gets those a row cannot go without (NOT NULL and no default). */
static GHashTable *
lp_table_columns (sqlite3    *db,
                  const char *table,
                  GPtrArray  *required)
{
  GHashTable *columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT name, upper (type), \"notnull\" AND dflt_value IS NULL "
                              "FROM pragma_table_info (?1) ORDER BY cid", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_hash_table_insert (columns, g_strdup (lp_stmt_column_text (stmt, 0)),
                               g_strdup (lp_stmt_column_text (stmt, 1)));
          if (sqlite3_column_int (stmt, 2) != 0)
            g_ptr_array_add (required, g_strdup (lp_stmt_column_text (stmt, 0)));
        }
    }
  sqlite3_finalize (stmt);
  return columns;
}

/* The table the file is for: the one asked for, else the file's name
 * ("practice.csv"). */
static char *
lp_table_name (LpImporter *importer)
{
  g_autofree char *name = NULL;

  if (importer->options->table != NULL)
    return g_strdup (importer->options->table);
  name = g_strdup (importer->file_name);
  if (g_str_has_suffix (name, ".csv"))
    name[strlen (name) - 4] = '\0';
  return g_steal_pointer (&name);
}

/* A file exported before a column was added to its table (the joiner
 * rate of schema version 3) leaves that column out: it may, if the
 * column has a default or may be empty; a column updated in place keeps
 * its value. */
static gboolean
lp_table_check_header (LpImporter     *importer,
                       LpTableImport  *import,
                       GHashTable     *columns,
                       GPtrArray      *required,
                       GString        *sql,
                       GError        **error)
{
  guint n = lp_csv_reader_get_n_columns (importer->csv);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      const char *name = lp_csv_reader_get_column_name (importer->csv, i);
      const char *type = g_hash_table_lookup (columns, name);
      char *quoted;

      if (type == NULL)
        return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                            _("%s: table %s has no column “%s”"),
                            lp_csv_reader_get_path (importer->csv), import->table, name), FALSE;
      if (!g_hash_table_add (seen, (gpointer) name))
        return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                            _("%s: the header names column “%s” twice"),
                            lp_csv_reader_get_path (importer->csv), name), FALSE;
      g_ptr_array_add (import->types, g_strdup (type));
      quoted = sqlite3_mprintf ("%s\"%w\"", i > 0 ? ", " : "", name);
      g_string_append (sql, quoted);
      sqlite3_free (quoted);
    }
  for (guint i = 0; i < required->len; i++)
    if (!g_hash_table_contains (seen, g_ptr_array_index (required, i)))
      return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                          _("%s: the header has no column “%s”, which table %s needs"),
                          lp_csv_reader_get_path (importer->csv), (const char *) g_ptr_array_index (required, i),
                          import->table), FALSE;
  return TRUE;
}

/* "a" = excluded."a", ... for every column of the file. */
static void
lp_table_append_updates (LpImporter *importer,
                         GString    *sql)
{
  for (guint i = 0; i < lp_csv_reader_get_n_columns (importer->csv); i++)
    {
      const char *name = lp_csv_reader_get_column_name (importer->csv, i);
      char *update = sqlite3_mprintf ("%s\"%w\" = excluded.\"%w\"", i > 0 ? ", " : "", name, name);

      g_string_append (sql, update);
      sqlite3_free (update);
    }
}

static gboolean
lp_table_bind (LpImporter  *importer,
               GError     **error)
{
  LpTableImport *import = g_new0 (LpTableImport, 1);
  sqlite3 *db = lp_plan_get_db (importer->plan);
  g_autoptr(GHashTable) columns = NULL;
  g_autoptr(GPtrArray) required = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = g_string_new (NULL);
  char *start;

  importer->data = import;
  importer->data_free = lp_table_import_free;
  import->table = lp_table_name (importer);
  import->types = g_ptr_array_new_with_free_func (g_free);
  columns = lp_table_columns (db, import->table, required);
  if (g_hash_table_size (columns) == 0 || g_str_has_prefix (import->table, "sqlite_"))
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("%s: this is neither an NHS file Locality Planner knows nor the CSV of a "
                          "plan table (there is no table “%s”)"),
                        lp_csv_reader_get_path (importer->csv), import->table), FALSE;
  /* Identifiers cannot be bound; %w quotes the schema's own names. */
  start = sqlite3_mprintf ("INSERT INTO \"%w\" (", import->table);
  g_string_append (sql, start);
  sqlite3_free (start);
  if (!lp_table_check_header (importer, import, columns, required, sql, error))
    return FALSE;
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < import->types->len; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  g_string_append (sql, ") ON CONFLICT DO UPDATE SET ");
  lp_table_append_updates (importer, sql);
  if (sqlite3_prepare_v2 (db, sql->str, -1, &import->insert, NULL) != SQLITE_OK)
    return lp_sqlite_set_error (error, db, sqlite3_errcode (db), _("prepare the import"));
  return TRUE;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
/* @format is one of this file's own messages, with one %s for the value. */
static gboolean
lp_table_bad_value (LpImporter  *importer,
                    const char  *format,
                    const char  *value,
                    GError     **error)
{
  g_autofree char *why = g_strdup_printf (format, value);

  return lp_importer_bad_value (importer, 0, why, error);
}
#pragma GCC diagnostic pop

/* Binds one value as the column's declared type asks. */
static gboolean
lp_table_bind_value (LpImporter     *importer,
                     LpTableImport  *import,
                     guint           i,
                     GError        **error)
{
  const char *text = lp_csv_reader_get_field (importer->csv, i);
  const char *type = g_ptr_array_index (import->types, i);
  char *end = NULL;

  importer->columns[0] = (int) i;
  if (lp_csv_reader_field_is_null (importer->csv, i))
    return sqlite3_bind_null (import->insert, (int) i + 1) == SQLITE_OK;
  if (g_str_equal (type, "INTEGER"))
    {
      gint64 value = g_ascii_strtoll (text, &end, 10);
      if (*text == '\0' || *end != '\0')
        return lp_table_bad_value (importer, _("“%s” is not a whole number"), text, error);
      return sqlite3_bind_int64 (import->insert, (int) i + 1, value) == SQLITE_OK;
    }
  if (g_str_equal (type, "REAL"))
    {
      double value = g_ascii_strtod (text, &end);
      if (*text == '\0' || *end != '\0')
        return lp_table_bad_value (importer, _("“%s” is not a number"), text, error);
      return sqlite3_bind_double (import->insert, (int) i + 1, value) == SQLITE_OK;
    }
  /* Undo the export's guard against spreadsheet formulas. */
  if (text[0] == '\'' && text[1] != '\0' && strchr ("=+-@'\t\r", text[1]) != NULL)
    text++;
  return sqlite3_bind_text (import->insert, (int) i + 1, text, -1, SQLITE_TRANSIENT) == SQLITE_OK;
}

static gboolean
lp_table_row (LpImporter  *importer,
              GError     **error)
{
  LpTableImport *import = importer->data;
  guint n_fields = lp_csv_reader_get_n_fields (importer->csv);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *why = NULL;

  if (n_fields != import->types->len)
    {
      why = g_strdup_printf (_("has %u fields where the header has %u"), n_fields, import->types->len);
      return lp_importer_bad_row (importer, why, error);
    }
  sqlite3_reset (import->insert);
  for (guint i = 0; i < n_fields; i++)
    if (!lp_table_bind_value (importer, import, i, error))
      return FALSE;
  importer->columns[0] = -1;
  if (!lp_importer_run (importer, import->insert, import->table, &local_error))
    {
      /* The plan's own rules refused the row: say which row, and why. */
      if (!g_error_matches (local_error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      why = g_strdup_printf (_("the plan refuses this row (%s)"),
                             strchr (local_error->message, ':') != NULL ? strchr (local_error->message, ':') + 2
                                                                       : local_error->message);
      return lp_importer_bad_row (importer, why, error);
    }
  return TRUE;
}

static gboolean
lp_table_finish (LpImporter  *importer,
                 GError     **error)
{
  LpTableImport *import = importer->data;

  if (g_str_equal (import->table, "scenario"))
    return lp_plan_reload_base_scenario (importer->plan, error);
  return TRUE;
}

const LpImportHandler lp_import_table_handler = {
  LP_IMPORT_PLAN_TABLE, "plan-table", TRUE, lp_table_bind, lp_table_row, lp_table_finish,
};
