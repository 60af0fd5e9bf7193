/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The repair's side of a file SQLite finds damaged: a new plan for the
 * recovered rows, the reference rows and base scenario the file lost put
 * back, the rows cleaned as any repair cleans them, "recovered" in the
 * report.  Reading rows out of the damaged pages is lp_recover_rows()'s
 * job (tested on its own); here a stand-in, which the linker puts in its
 * place (--wrap, tests/core/meson.build), hands over the rows of a
 * readable plan, all of its tables or only some. */
#include <string.h>

#include <glib/gstdio.h>

#include "core-test-util.h"
#include "lp-recover-private.h"

/* What the stand-in "recovers": the tables of this plan, all or those named. */
static const char *recovered_from;
static const char *const *recovered_tables;

gboolean __wrap_lp_recover_rows (const char *path, sqlite3 *copy, LpRepairReport *report,
                                 GCancellable *cancellable, GError **error);

gboolean
__wrap_lp_recover_rows (const char      *path,
                 sqlite3         *copy,
                 LpRepairReport  *report,
                 GCancellable    *cancellable,
                 GError         **error)
{
  char *attach = sqlite3_mprintf ("ATTACH DATABASE %Q AS found", recovered_from);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (sqlite3_exec (copy, attach, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_free (attach);
  g_assert_cmpint (sqlite3_prepare_v2 (copy, "SELECT name FROM found.sqlite_schema WHERE type = 'table'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      if (recovered_tables == NULL || g_strv_contains (recovered_tables, name))
        g_ptr_array_add (tables, g_strdup (name));
    }
  sqlite3_finalize (stmt);
  for (guint i = 0; i < tables->len; i++)
    {
      const char *name = g_ptr_array_index (tables, i);
      g_autofree char *sql = g_strdup_printf ("INSERT INTO main.\"%s\" SELECT * FROM found.\"%s\"", name, name);
      LpRepairTable *table = NULL;

      g_assert_cmpint (sqlite3_exec (copy, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      for (guint t = 0; t < report->tables->len && table == NULL; t++)
        if (g_str_equal (((LpRepairTable *) g_ptr_array_index (report->tables, t))->table, name))
          table = g_ptr_array_index (report->tables, t);
      g_assert_nonnull (table);
      table->rows_read = sqlite3_changes (copy);
    }
  g_assert_cmpint (sqlite3_exec (copy, "DETACH DATABASE found", NULL, NULL, NULL), ==, SQLITE_OK);
  report->recovered = TRUE;
  (void) path;
  (void) cancellable;
  (void) error;
  return TRUE;
}

static const char *
sample_plan (void)
{
  const char *path = g_getenv ("LP_SAMPLE_PLAN");

  g_assert_nonnull (path);
  return path;
}

/* A plan whose pages SQLite refuses: the first half of it. */
static char *
truncated_plan (const char *dir,
                const char *from)
{
  g_autofree char *contents = NULL;
  gsize length;
  char *path = g_build_filename (dir, "truncated.lpplan", NULL);

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  test_write_file (path, contents, (gssize) (length / 2));
  return path;
}

static gint64
table_kept (const LpRepairReport *report,
            const char           *name,
            gint64               *read)
{
  for (guint i = 0; i < report->tables->len; i++)
    {
      const LpRepairTable *table = g_ptr_array_index (report->tables, i);
      if (g_str_equal (table->table, name))
        {
          *read = table->rows_read;
          return table->rows_kept;
        }
    }
  g_assert_not_reached ();
}

/* Every table recovered, one list size of 'abc' among them: the copy is
 * the plan less that row, no reference row twice. */
static void
test_all_recovered (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *readable = g_build_filename (dir, "readable.lpplan", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.lpplan", NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(LpRepairReport) report = NULL;
  g_autoptr(LpPlan) plan = NULL;
  const LpRepairStep *step;
  gint64 read;

  {
    g_autofree char *contents = NULL;
    gsize length;
    g_assert_true (g_file_get_contents (sample_plan (), &contents, &length, NULL));
    test_write_file (readable, contents, (gssize) length);
  }
  test_sql_on_file (readable, "PRAGMA ignore_check_constraints = ON; UPDATE list_size SET patients = 'abc' "
                              "WHERE practice_id = (SELECT id FROM practice WHERE ods_code = 'X06K01')");
  path = truncated_plan (dir, readable);
  before = test_file_checksum (path);
  recovered_from = readable;
  recovered_tables = NULL;

  report = lp_plan_repair_file (path, copy, NULL, &error);
  g_assert_no_error (error);
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (report->recovered);
  g_assert_cmpuint (report->steps->len, ==, 1);
  step = g_ptr_array_index (report->steps, 0);
  g_assert_cmpstr (step->message, ==, "List size of practice X06K01 on 2018-01-01: left out, because patients is "
                                      "'abc'; it must be a whole number of 0 or more");
  g_assert_cmpint (table_kept (report, "list_size", &read), ==, 56);
  g_assert_cmpint (read, ==, 57);
  /* the file's 31 staff roles and one base scenario, not the new plan's as well */
  g_assert_cmpint (table_kept (report, "staff_role", &read), ==, 31);
  g_assert_cmpint (read, ==, 31);
  g_assert_cmpint (test_sql_int (copy, "SELECT count (*) FROM scenario"), ==, 1);
  g_assert_cmpint (test_sql_int (copy, "SELECT count (*) FROM scenario WHERE name = 'Base'"), ==,
                   test_sql_int (readable, "SELECT count (*) FROM scenario WHERE name = 'Base'"));
  g_assert_cmpint (test_sql_int (copy, "SELECT count (*) FROM plan_info"), ==,
                   test_sql_int (readable, "SELECT count (*) FROM plan_info"));

  problems = lp_plan_check_file (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lp_problems_count_errors (problems), ==, 0);
  plan = lp_plan_open (copy, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&plan);
  text = lp_repair_report_to_text (report);
  g_assert_nonnull (strstr (text, "\nSQLite found the file itself damaged: its rows were recovered page by page.\n"));
  g_assert_cmpint (test_sql_int (copy, "SELECT count (*) FROM import_log_note"), ==, 1);
  test_rm_rf (dir);
}

/* Only the practices and their list sizes could be read: the reference
 * rows (staff roles, points of delivery…) and a base scenario come from
 * the new plan, so the copy is sound and usable. */
static void
test_some_recovered (void)
{
  static const char *const some[] = { "practice", "list_size", "locality", NULL };
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *copy = g_build_filename (dir, "copy.lpplan", NULL);
  g_autofree char *path = truncated_plan (dir, sample_plan ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(LpRepairReport) report = NULL;
  gint64 read;

  recovered_from = sample_plan ();
  recovered_tables = some;
  report = lp_plan_repair_file (path, copy, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->steps->len, ==, 0);
  g_assert_cmpint (table_kept (report, "practice", &read), ==, 57);
  g_assert_cmpint (read, ==, 57);
  g_assert_cmpint (table_kept (report, "list_size", &read), ==, 57);
  /* not read, put back from this version's own: added, not kept */
  g_assert_cmpint (table_kept (report, "staff_role", &read), ==, 0);
  g_assert_cmpint (read, ==, 0);
  g_assert_cmpint (test_sql_int (copy, "SELECT count (*) FROM staff_role"), ==, 31);
  {
    g_autofree char *text = lp_repair_report_to_text (report);
    g_assert_nonnull (strstr (text, "\n  staff_role: 0 read, 0 kept, 31 added as a new plan has them\n"));
    g_assert_nonnull (strstr (text, "\n  practice: 57 read, 57 kept\n"));
  }
  g_assert_cmpint (test_sql_int (copy, "SELECT count (*) FROM scenario WHERE base_id IS NULL"), ==, 1);
  g_assert_cmpint (table_kept (report, "scenario", &read), ==, 0);
  g_assert_cmpint (test_sql_int (copy, "SELECT count (*) FROM contract"), ==, 0);
  problems = lp_plan_check_file (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lp_problems_count_errors (problems), ==, 0);
  test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/repair/recovered/all", test_all_recovered);
  g_test_add_func ("/repair/recovered/some", test_some_recovered);
  return g_test_run ();
}
