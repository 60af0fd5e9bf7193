/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared helpers for the core tests.  Tests may use SQLite directly: they
 * tamper with plan files the way a user with the sqlite3 shell could. */
#include <glib/gstdio.h>

#include "core-test-util.h"

char *
test_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lp-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

char *
test_tmp_path (const char *dir,
               const char *name)
{
  return g_build_filename (dir, name, NULL);
}

LpPlan *
test_new_plan (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_tmp_path (dir, "plan.lpplan");
  LpPlan *plan = lp_plan_create (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

void
test_sql_on_file (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("SQL failed on %s: %s\n%s", path, message, sql);
  sqlite3_close (db);
}

gint64
test_sql_int (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

char *
test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

void
test_write_file (const char *path,
                 const char *contents,
                 gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

void
test_rm_rf (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}
