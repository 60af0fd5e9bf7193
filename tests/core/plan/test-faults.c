/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Storage faults: a full disk fails the write with a clear message and
 * leaves the plan as it was; a read-only file opens read-only and refuses
 * edits; a plan deleted while open is noticed before the next edit is
 * lost. */
#include <errno.h>
#include <grp.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "core-test-util.h"
#include "lp-plan-private.h"

static void
write_totals_file (const char *path,
                   guint       rows)
{
  g_autoptr(GString) text = g_string_new ("PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,"
                                          "SEX,AGE,NUMBER_OF_PATIENTS\n");

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (text, "GP_PRAC_PAT_LIST,01JAN2021,GP,06K,E38000049,Z%05u,SG1 1AA,ALL,ALL,%u\n",
                            i, 1000 + i);
  test_write_file (path, text->str, (gssize) text->len);
}

/* SQLite's own limit on the file's pages stands in for a full disk: the
 * import of 20,000 practices fails saying so, and the plan keeps none. */
static void
test_disk_full (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *file = test_tmp_path (dir, "gp-reg-pat-prac-all.csv");
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autofree char *path = g_strdup (lp_plan_get_path (plan));
  LpImportOptions options = { LP_IMPORT_GP_REG_TOTALS, FALSE, TRUE, };
  g_autoptr(LpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  LpPracticeFields fields = { "A00001", "After", NULL, 0, NULL, NULL };

  write_totals_file (file, 20000);
  g_assert_cmpint (sqlite3_exec (lp_plan_get_db (plan), "PRAGMA max_page_count = 80", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  report = lp_plan_import (plan, file, &options, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_test_message ("full disk: %s", error->message);
  g_assert_nonnull (strstr (error->message, "the disk is full"));
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM practice"), ==, 0);
  lp_plan_close (plan);
  g_clear_object (&plan);

  /* Room again: the plan opens, is sound, and takes edits. */
  plan = lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  problems = lp_plan_check (plan, &error);
  g_assert_cmpuint (lp_problems_count_errors (problems), ==, 0);
  g_assert_cmpint (lp_plan_add_practice (plan, &fields, &error), !=, 0);
  g_assert_no_error (error);
  lp_plan_close (plan);
  test_rm_rf (dir);
}

/* In a child process: the plan at @path, which this user may not write,
 * opens read-only, and an edit is refused with a reason, not a crash.  Run
 * as root (as CI often is), the child first becomes "nobody", for whom
 * file permissions hold. */
static void
read_only_check (const char *path)
{
  g_autoptr(LpPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  LpLocalityFields fields = { "Nowhere", NULL, NULL };

  /* Where root cannot become nobody (a user namespace without that id),
   * a note beside the plan tells the parent to skip. */
  if (geteuid () == 0 && (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0))
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *note = g_build_filename (dir, "cannot-become-nobody", NULL);

      g_file_set_contents (note, g_strerror (errno), -1, NULL);
      return;
    }
  g_assert_cmpint (access (path, W_OK), !=, 0);
  plan = lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (lp_plan_is_read_only (plan));
  g_assert_cmpint (lp_plan_add_locality (plan, &fields, &error), ==, 0);
  g_assert_nonnull (error);
  g_print ("read-only: %s\n", error->message);
  lp_plan_close (plan);
}

/* A file the user may not write opens read-only and refuses edits; the
 * file is unchanged. */
static void
test_read_only_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *note = NULL;
  g_autofree char *reason = NULL;

  if (g_test_subprocess ())
    return read_only_check (g_getenv ("LP_READ_ONLY_PLAN"));
  dir = test_tmp_dir ();
  {
    g_autoptr(LpPlan) made = test_new_plan (dir);

    path = g_strdup (lp_plan_get_path (made));
    lp_plan_close (made);
  }
  before = test_file_checksum (path);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_setenv ("LP_READ_ONLY_PLAN", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  note = g_build_filename (dir, "cannot-become-nobody", NULL);
  if (g_file_get_contents (note, &reason, NULL, NULL))
    {
      g_test_skip_printf ("root here cannot become nobody (%s)", reason);
      g_unlink (note);
      g_chmod (path, 0644);
      test_rm_rf (dir);
      return;
    }
  g_test_trap_assert_stdout ("read-only: *");
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_chmod (path, 0644);
  test_rm_rf (dir);
}

/* Deleted (or moved) while open: the next edit is refused, saying where
 * the file went, instead of writing to a file nobody can open again. */
static void
test_deleted_while_open (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autofree char *path = g_strdup (lp_plan_get_path (plan));
  g_autofree char *moved = test_tmp_path (dir, "moved.lpplan");
  g_autoptr(GError) error = NULL;
  LpLocalityFields fields = { "Stevenage", NULL, NULL };

  g_assert_cmpint (g_rename (path, moved), ==, 0);
  g_assert_cmpint (lp_plan_add_locality (plan, &fields, &error), ==, 0);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO);
  g_test_message ("moved: %s", error->message);
  g_assert_nonnull (strstr (error->message, "was moved or deleted"));
  g_assert_cmpint (test_sql_int (moved, "SELECT count(*) FROM locality"), ==, 0);
  lp_plan_close (plan);
  test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/faults/disk-full", test_disk_full);
  g_test_add_func ("/faults/read-only-file", test_read_only_file);
  g_test_add_func ("/faults/deleted-while-open", test_deleted_while_open);
  return g_test_run ();
}
