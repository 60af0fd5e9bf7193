/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `check` on the sample plan and on copies damaged behind the app's back
 * with SQLite, as another program could. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"

/* A sound plan passes, and looking at it (info, list, check) leaves the
 * file exactly as it was: the CLI opens plans read-only. */
static void
test_check_sample (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *path = cli_copy_sample (dir, "sound.lpplan");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  g_autoptr(CliRun) info = NULL;
  g_autoptr(CliRun) list = NULL;
  g_autoptr(CliRun) check = NULL;

  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));
  info = cli_run ("info", path, NULL);
  list = cli_run ("list", "contracts", path, NULL);
  check = cli_run ("check", path, NULL);
  g_assert_cmpint (info->status, ==, 0);
  g_assert_cmpint (list->status, ==, 0);
  g_assert_cmpint (check->status, ==, 0);
  g_assert_cmpstr (check->err, ==, "");
  g_assert_null (strstr (check->out, "error: "));
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
}

/* A file the user may not write to can still be looked at. */
static void
test_check_read_only_file (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *path = cli_copy_sample (dir, "locked.lpplan");
  g_autoptr(CliRun) check = NULL;
  g_autoptr(CliRun) info = NULL;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  check = cli_run ("check", path, NULL);
  info = cli_run ("info", path, NULL);
  g_assert_cmpint (check->status, ==, 0);
  g_assert_cmpint (info->status, ==, 0);
}

static guint
count_lines_with (const char *out,
                  const char *prefix,
                  const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], prefix) && strstr (lines[i], needle) != NULL;
  return n;
}

/* Damages a copy of the sample with @sql and expects `check` to report
 * @n_expected errors saying @needle, and to exit 1. */
static void
assert_check_finds (const char *sql,
                    const char *needle,
                    guint       n_expected)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *path = cli_copy_sample (dir, "damaged.lpplan");
  g_autoptr(CliRun) run = NULL;

  cli_sql (path, sql);
  run = cli_run ("check", path, NULL);
  g_test_message ("check said:\n%s", run->out);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpuint (count_lines_with (run->out, "error: ", needle), ==, n_expected);
  g_assert_null (strstr (run->out, "no problems found"));
}

/* Stevenage's 7 practices now point at a locality that is not there. */
static void
test_check_missing_locality (void)
{
  assert_check_finds ("PRAGMA foreign_keys = OFF;"
                      "DELETE FROM locality WHERE name = 'Stevenage'",
                      "(table practice): locality_id is ", 7);
}

static void
test_check_negative_list_size (void)
{
  assert_check_finds ("PRAGMA ignore_check_constraints = ON;"
                      "UPDATE list_size SET patients = -5"
                      " WHERE practice_id = (SELECT min(practice_id) FROM list_size)",
                      "(table list_size): patients is -5; it must be a whole number of 0 or more", 1);
}

/* Every problem on a line of its own, and exit 1, whether the plan can
 * be written or not: a file of mode 0444, then one in a folder of mode
 * 0555.  Two broken CHECKs (a list size of 'abc', an empty access level)
 * and a NULL where the schema forbids one (let in by editing the schema,
 * as a careless tool could): a plan the window does not open. */
static void
test_check_read_only_damaged (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *path = cli_copy_sample (dir, "damaged.lpplan");
  g_autofree char *folder = g_build_filename (dir, "locked", NULL);
  g_autofree char *inside = g_build_filename (folder, "damaged.lpplan", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  const char *const paths[] = { path, inside };

  cli_sql (path, "PRAGMA ignore_check_constraints = ON;"
                 "UPDATE list_size SET patients = 'abc' WHERE practice_id = "
                 "(SELECT id FROM practice WHERE ods_code = 'X06K01');"
                 "UPDATE access_provision SET level = '' WHERE id = (SELECT min (id) FROM access_provision)");
  cli_sql (path, "PRAGMA writable_schema = ON;"
                 "UPDATE sqlite_schema SET sql = replace (sql, 'service              TEXT NOT NULL', "
                 "'service              TEXT') WHERE name = 'contract'");
  cli_sql (path, "UPDATE contract SET service = NULL WHERE id = (SELECT min (id) FROM contract)");
  cli_sql (path, "PRAGMA writable_schema = ON;"
                 "UPDATE sqlite_schema SET sql = replace (sql, 'service              TEXT', "
                 "'service              TEXT NOT NULL') WHERE name = 'contract'");
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (inside, contents, length, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (inside, 0444), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(CliRun) run = cli_run ("check", paths[i], NULL);
      g_autofree char *after = NULL;
      gsize after_length;

      g_test_message ("check said:\n%s", run->out);
      g_assert_cmpint (run->status, ==, 1);
      g_assert_cmpstr (run->err, ==, "");
      g_assert_cmpuint (count_lines_with (run->out, "error: ",
                                          "List size of practice X06K01 on 2018-01-01 (table list_size): "
                                          "patients is 'abc'; it must be a whole number of 0 or more"), ==, 1);
      g_assert_cmpuint (count_lines_with (run->out, "error: ",
                                          "(table access_provision): level is ''; "
                                          "it must be one of full, partial, none"), ==, 1);
      g_assert_cmpuint (count_lines_with (run->out, "error: ",
                                          "(table contract): service is NULL; it must not be empty"), ==, 1);
      g_assert_cmpuint (count_lines_with (run->out, "error: ", ""), ==, 3);
      g_assert_true (g_file_get_contents (paths[i], &after, &after_length, NULL));
      g_assert_cmpmem (contents, length, after, after_length);
    }
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
}

/* A file cut short is reported, not crashed on. */
static void
test_check_truncated (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *path = cli_copy_sample (dir, "cut.lpplan");
  g_autoptr(CliRun) run = NULL;

  g_assert_cmpint (truncate (path, 100000), ==, 0);
  run = cli_run ("check", path, NULL);
  g_test_message ("check said:\n%s", run->out);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->out, "error: "));
  g_assert_nonnull (strstr (run->out, "damaged"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/check/sample", test_check_sample);
  g_test_add_func ("/cli/check/read-only-file", test_check_read_only_file);
  g_test_add_func ("/cli/check/missing-locality", test_check_missing_locality);
  g_test_add_func ("/cli/check/negative-list-size", test_check_negative_list_size);
  g_test_add_func ("/cli/check/read-only-damaged", test_check_read_only_damaged);
  g_test_add_func ("/cli/check/truncated", test_check_truncated);

  return g_test_run ();
}
