/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>

#include "test-sql.h"

/* A window or a worker may hold the file for a moment: SQLite waits. */
#define TEST_SQL_BUSY_MS 10000

void
test_sql_on_file (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, TEST_SQL_BUSY_MS);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("SQL failed on %s: %s\n%s", path, message, sql);
  sqlite3_close (db);
}

/* The first column of the first row @sql returns. */
gint64
test_sql_int (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, TEST_SQL_BUSY_MS);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* The same, with the SQL written printf-style (the tests' own ids only). */
void
test_sql_on_filef (const char *path,
                   const char *format,
                   ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  test_sql_on_file (path, sql);
}

gint64
test_sql_intf (const char *path,
               const char *format,
               ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return test_sql_int (path, sql);
}

/* The SQL of tests/fixtures/@name, to run on a plan. */
char *
test_fixture_sql (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  char *sql = NULL;

  g_file_get_contents (path, &sql, NULL, &error);
  g_assert_no_error (error);
  return sql;
}
