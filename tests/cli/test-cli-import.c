/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `import`: exit 0 with a summary, 1 with every bad row as
 * FILE:LINE: COLUMN: REASON and nothing imported, 2 for usage. */
#include <string.h>

#include "cli-test-util.h"
#include "test-sql.h"

static char *
fixture (const char *folder,
         const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", folder, name, NULL);
}

static char *
checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_import_totals (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = cli_copy_sample (dir, "plan.lpplan");
  g_autofree char *file = fixture ("import", "gp-reg-pat-prac-all.csv");
  g_autoptr(CliRun) run = cli_run ("import", plan, file, "--add-new-practices", NULL);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "imported 4 of 4 rows (gp-reg-totals)"));
  g_assert_nonnull (strstr (run->out, "as at 2021-01-01"));
  g_assert_nonnull (strstr (run->out, "practices added: 1"));
  g_assert_cmpstr (run->err, ==, "");
  rows = cli_list_csv ("practices", plan);
  /* 57 sample practices and A84002 (header row included). */
  g_assert_cmpuint (rows->len, ==, 59);
}

static void
test_import_bad_rows_listed (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = cli_copy_sample (dir, "plan.lpplan");
  g_autofree char *file = fixture ("bad", "duplicate-practice.csv");
  g_autofree char *before = checksum (plan);
  g_autofree char *after = NULL;
  g_autofree char *expected = g_strdup_printf ("%s:4: CODE: “X06K01” appears a second time in this file "
                                               "(first on line 2)\n", file);
  g_autoptr(CliRun) run = cli_run ("import", plan, file, NULL);

  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (g_str_has_prefix (run->err, expected));
  g_assert_nonnull (strstr (run->err, "nothing was imported; the plan is unchanged"));
  after = checksum (plan);
  g_assert_cmpstr (after, ==, before);
}

static void
test_import_skip_bad_rows (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = cli_copy_sample (dir, "plan.lpplan");
  g_autofree char *file = fixture ("bad", "non-numeric-count.csv");
  g_autoptr(CliRun) run = cli_run ("import", plan, file, "--skip-bad-rows", NULL);

  /* The good row is in; the bad one is listed and the status says so. */
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->out, "imported 1 of 2 rows"));
  g_assert_nonnull (strstr (run->err, ":3: NUMBER_OF_PATIENTS: “12a” is not a whole number of 0 or more"));
}

static void
test_import_usage (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = cli_copy_sample (dir, "plan.lpplan");
  g_autoptr(CliRun) kind = cli_run ("import", plan, "x.csv", "--kind", "spreadsheet", NULL);
  g_autoptr(CliRun) missing = cli_run ("import", plan, NULL);
  g_autoptr(CliRun) no_value = cli_run ("import", plan, "x.csv", "--kind", NULL);
  g_autoptr(CliRun) no_file = cli_run ("import", plan, "/nonexistent/x.csv", NULL);

  g_assert_cmpint (kind->status, ==, 2);
  cli_assert_one_line_error (kind, "unknown kind “spreadsheet”");
  g_assert_cmpint (missing->status, ==, 2);
  cli_assert_one_line_error (missing, "missing argument");
  g_assert_cmpint (no_value->status, ==, 2);
  cli_assert_one_line_error (no_value, "option “--kind” needs a value");
  g_assert_cmpint (no_file->status, ==, 2);
  cli_assert_one_line_error (no_file, "/nonexistent/x.csv");
}

static void
test_import_dry_run (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = cli_copy_sample (dir, "plan.lpplan");
  g_autofree char *file = fixture ("import", "epraccur.csv");
  g_autofree char *before = checksum (plan);
  g_autofree char *after = NULL;
  g_autoptr(CliRun) run = cli_run ("import", plan, file, "--commissioner=06K", "--dry-run", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "would import 2 of 4 rows (ods-epraccur)"));
  after = checksum (plan);
  g_assert_cmpstr (after, ==, before);
}

/* A weighted population per practice, named by --name and dated by
 * --as-at; the practice the plan does not hold is counted as skipped. */
static void
test_import_weighted (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = cli_copy_sample (dir, "plan.lpplan");
  g_autofree char *file = g_build_filename (dir, "pcn-adjusted.csv", NULL);
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) bad = NULL;

  g_assert_true (g_file_set_contents (file, "Practice Code,Adjusted Population\n"
                                            "X06K01,\"6,120.5\"\nX06K02,3000\nZ99999,10\n", -1, NULL));
  run = cli_run ("import", plan, file, "--name", "PCN 2023", "--as-at", "2023-01-01", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "imported 2 of 3 rows (weighted-population)"));
  g_assert_nonnull (strstr (run->out, "as at 2023-01-01"));
  g_assert_cmpint (test_sql_int (plan, "SELECT count (*) FROM population_weights WHERE name = 'PCN 2023' "
                                       "AND kind = 'imported' AND source = 'pcn-adjusted.csv'"), ==, 1);
  g_assert_cmpint (test_sql_int (plan, "SELECT round (sum (population) * 10) FROM weighted_population "
                                       "WHERE weights_name = 'PCN 2023' AND as_at = '2023-01-01'"), ==, 91205);

  /* Without a date: refused, with core's words. */
  bad = cli_run ("import", plan, file, NULL);
  g_assert_cmpint (bad->status, ==, 1);
  g_assert_nonnull (strstr (bad->err, "pcn-adjusted.csv does not say the date its figures are as at: give the date"));
}

/* The PCN workforce file into the small plan of
 * tests/fixtures/pcn-workforce-plan.sql: 16 rows into 14 figures; a bad
 * row named by file, line and column, the plan unchanged; the same census
 * imported again replaces it. */
static void
test_import_pcn_workforce (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = g_build_filename (dir, "pcn.lpplan", NULL);
  g_autofree char *plan_sql = NULL;
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "fixtures", "pcn-workforce-plan.sql", NULL);
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "fixtures", "pcn-workforce-individual.csv", NULL);
  g_autofree char *bad = fixture ("bad", "pcn-workforce-bad-fte.csv");
  g_autofree char *expected = g_strdup_printf ("%s:4: FTE: “0.8 FTE” is not a number of 0 or more (nor a "
                                               "missing-value marker such as ND or NA)\n", bad);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CliRun) created = cli_run ("new", plan, NULL);
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) refused = NULL;
  g_autoptr(CliRun) again = NULL;

  g_assert_cmpint (created->status, ==, 0);
  g_assert_true (g_file_get_contents (sql_path, &plan_sql, NULL, NULL));
  cli_sql (plan, plan_sql);
  run = cli_run ("import", plan, file, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "imported 16 of 16 rows (pcn-workforce)"));
  g_assert_nonnull (strstr (run->out, "as at 2024-06-30"));
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (test_sql_int (plan, "SELECT count (*) FROM pcn_workforce_fte"), ==, 14);
  /* Pharmacists 1.6 + 1.0 = 2.6 FTE over the two PCNs that have them. */
  g_assert_cmpint (test_sql_int (plan, "SELECT round (sum (fte) * 10) FROM pcn_workforce_fte "
                                 "WHERE role = 'DPC_PHARMACIST'"), ==, 26);

  before = checksum (plan);
  refused = cli_run ("import", plan, bad, NULL);
  g_assert_cmpint (refused->status, ==, 1);
  g_assert_true (g_str_has_prefix (refused->err, expected));
  g_assert_nonnull (strstr (refused->err, "nothing was imported; the plan is unchanged"));
  after = checksum (plan);
  g_assert_cmpstr (after, ==, before);

  again = cli_run ("import", plan, file, "--kind", "pcn-workforce", NULL);
  g_assert_cmpint (again->status, ==, 0);
  g_assert_cmpint (test_sql_int (plan, "SELECT count (*) FROM pcn_workforce_fte"), ==, 14);
  g_assert_cmpint (test_sql_int (plan, "SELECT count (*) FROM import_log WHERE kind = 'pcn-workforce'"), ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/import/totals", test_import_totals);
  g_test_add_func ("/cli/import/bad-rows-listed", test_import_bad_rows_listed);
  g_test_add_func ("/cli/import/skip-bad-rows", test_import_skip_bad_rows);
  g_test_add_func ("/cli/import/usage", test_import_usage);
  g_test_add_func ("/cli/import/dry-run", test_import_dry_run);
  g_test_add_func ("/cli/import/weighted", test_import_weighted);
  g_test_add_func ("/cli/import/pcn-workforce", test_import_pcn_workforce);
  return g_test_run ();
}
