/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `export PLAN NAME FILE [--for-excel]` on the built sample plan: files
 * written on success, one line and exit status 2 on every kind of failure,
 * and nothing left behind when it fails. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

/* The sample's practice table: a header and 57 rows, parsed back by the
 * strict reader; the plan is opened read-only, so it is not changed. */
static void
test_export_csv (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "practice.csv", NULL);
  g_autoptr(CliRun) run = cli_run ("export", cli_sample_plan (), "practice", path, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  char **header;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_nonnull (strstr (run->out, "practice.csv"));
  text = read_file (path, NULL);
  g_assert_true (g_str_has_prefix (text, "id,ods_code,name,"));
  rows = cli_parse_csv (text);
  g_assert_cmpuint (rows->len, ==, 1 + 57);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (header[1], ==, "ods_code");
}

/* `export PLAN activity-plan FILE`: the plan net of QIPP, with the year
 * without QIPP beside it.  60,000 non-elective admissions at the sample's
 * +1.8% plan 61,080 (the line's 2,447 QIPP admissions are inside the
 * growth), and 63,527 without QIPP. */
static void
test_export_activity_plan (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = cli_copy_sample (dir, "activity.lpplan");
  g_autofree char *path = g_build_filename (dir, "activity-plan.csv", NULL);
  g_autoptr(CliRun) run = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  char **row = NULL;

  cli_sql (plan, "INSERT INTO activity_baseline (scenario_id, activity_line, financial_year, activity) "
                 "SELECT id, 'NEL_TOTAL', '2017/18', 60000 FROM scenario WHERE name = 'Base'");
  run = cli_run ("export", plan, "activity-plan", path, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  text = read_file (path, NULL);
  rows = cli_parse_csv (text);
  g_assert_cmpstr (cli_csv_cell (rows, 0, 5), ==, "QIPP");
  g_assert_cmpstr (cli_csv_cell (rows, 0, 6), ==, "Plan");
  g_assert_cmpstr (cli_csv_cell (rows, 0, 7), ==, "Without QIPP");
  g_assert_cmpstr (cli_csv_cell (rows, 0, 8), ==, "April");
  g_assert_cmpstr (cli_csv_cell (rows, 0, 20), ==, "Per week");
  for (guint i = 1; i < rows->len && row == NULL; i++)
    if (g_str_equal (cli_csv_cell (rows, i, 0), "NEL_TOTAL"))
      row = g_ptr_array_index (rows, i);
  g_assert_nonnull (row);
  g_assert_cmpstr (row[3], ==, "60000");
  g_assert_cmpstr (row[4], ==, "1.8");
  g_assert_cmpstr (row[5], ==, "2447");
  g_assert_cmpstr (row[6], ==, "61080");
  g_assert_cmpstr (row[7], ==, "63527");
  g_assert_cmpstr (row[8], ==, "5090");
  g_assert_cmpstr (row[20], ==, "1174.6153846153845");
}

static void
test_export_for_excel (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "localities.csv", NULL);
  g_autoptr(CliRun) run = cli_run ("export", "--for-excel", cli_sample_plan (),
                                   "localities", path, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_cmpint (run->status, ==, 0);
  text = read_file (path, NULL);
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf" "Locality Planner,Localities\r\n"));
  g_assert_nonnull (strstr (text, "\r\n\r\nLocality,Code,Practices,Registered patients\r\n"));
  rows = cli_parse_csv (text + 3);
  g_assert_cmpuint (rows->len, ==, 1 + 6);
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      if (strcmp (row[0], "North Herts") == 0)
        {
          g_assert_cmpstr (row[3], ==, "116154");
          return;
        }
    }
  g_assert_not_reached ();
}

/* An .xlsx file is a zip archive: it starts with "PK\3\4". */
static void
test_export_xlsx (void)
{
  static const char *const names[] = { "contracts", "all", "list_size" };
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_strconcat (names[i], ".xlsx", NULL);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr(CliRun) run = cli_run ("export", cli_sample_plan (), names[i], path, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_cmpint (run->status, ==, 0);
      g_assert_cmpstr (run->err, ==, "");
      contents = read_file (path, &length);
      g_assert_cmpuint (length, >, 1000);
      g_assert_cmpmem (contents, 4, "PK\3\4", 4);
    }
  g_assert_cmpuint (count_files (dir), ==, G_N_ELEMENTS (names));
}

/* Each failure: exit status 2, one line on stderr naming the problem,
 * and no file (nor temporary file) in the folder. */
static void
test_export_errors (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *txt = g_build_filename (dir, "out.txt", NULL);
  g_autofree char *missing_dir = g_build_filename (dir, "no-such-folder", "out.csv", NULL);
  g_autofree char *missing_plan = g_build_filename (dir, "missing.lpplan", NULL);
  const char *plan = cli_sample_plan ();
  const struct {
    const char *args[6];
    const char *needle;
  } cases[] = {
    { { "export", plan, "nonsense", csv, NULL }, "“nonsense” is not a table or view" },
    { { "export", plan, "nonsense", csv, NULL }, "localities, practices, contracts" },
    { { "export", plan, "all", csv, NULL }, ".xlsx" },
    { { "export", plan, "practice", txt, NULL }, "must end in .csv or .xlsx" },
    { { "export", plan, "practice", missing_dir, NULL }, "no-such-folder" },
    { { "export", missing_plan, "practice", csv, NULL }, "missing.lpplan" },
    { { "export", plan, "practice", NULL }, "missing argument; usage: locality-planner-cli export" },
    { { "export", plan, NULL }, "missing argument" },
    { { "export", plan, "practice", csv, "extra", NULL }, "too many arguments" },
    { { "export", plan, "practice", csv, "--csv", NULL }, "does not take the option “--csv”" },
    { { "list", "practices", plan, "--for-excel", NULL }, "does not take the option “--for-excel”" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CliRun) run = cli_runv (cases[i].args);

      cli_assert_one_line_error (run, cases[i].needle);
      g_assert_cmpuint (count_files (dir), ==, 0);
    }
}

static void
test_export_help (void)
{
  g_autoptr(CliRun) run = cli_run ("--help", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "export PLAN NAME FILE.csv|FILE.xlsx [--for-excel]"));
  g_assert_nonnull (strstr (run->out, "all (every table, .xlsx only)"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/export/csv", test_export_csv);
  g_test_add_func ("/cli/export/activity-plan", test_export_activity_plan);
  g_test_add_func ("/cli/export/for-excel", test_export_for_excel);
  g_test_add_func ("/cli/export/xlsx", test_export_xlsx);
  g_test_add_func ("/cli/export/errors", test_export_errors);
  g_test_add_func ("/cli/export/help", test_export_help);

  return g_test_run ();
}
