/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lp_plan_export() on the sample plan and on small hand-made plans: exact
 * bytes, real figures, a round trip through the importer, and no file
 * left behind by a failure.  (The writer's rules field by field are in
 * test-csv-writer.c; the .xlsx files are read back through LibreOffice in
 * test-export-xlsx.c.) */
#include <string.h>

#include <glib/gstdio.h>

#include "core-test-util.h"

static LpPlan *
open_sample (void)
{
  g_autoptr(GError) error = NULL;
  LpPlan *plan = lp_plan_open (g_getenv ("LP_SAMPLE_PLAN"), LP_PLAN_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return plan;
}

/* Exports @name to CSV in a fresh folder and returns the file's bytes. */
static char *
export_text (LpPlan        *plan,
             const char    *name,
             LpExportFlags  flags)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = test_tmp_path (dir, "export.csv");
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (lp_plan_export (plan, name, path, flags, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  test_rm_rf (dir);
  return text;
}

static GPtrArray *
export_rows (LpPlan     *plan,
             const char *name)
{
  g_autofree char *text = export_text (plan, name, LP_EXPORT_DEFAULT);

  return test_parse_csv (text);
}

/* The header is the table's columns as SQLite lists them. */
static char *
sqlite_columns (const char *table)
{
  g_autoptr(GString) names = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (g_getenv ("LP_SAMPLE_PLAN"), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info (?1) ORDER BY cid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (names, "%s%s", names->len > 0 ? "," : "",
                            (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
test_sample_tables (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autofree char *text = export_text (plan, "practice", LP_EXPORT_DEFAULT);
  g_autofree char *again = export_text (plan, "practice", LP_EXPORT_DEFAULT);
  g_autofree char *columns = sqlite_columns ("practice");
  g_autofree char *header = g_strconcat (columns, "\r\n", NULL);
  g_autoptr(GPtrArray) practices = test_parse_csv (text);
  g_autoptr(GPtrArray) list_sizes = export_rows (plan, "list_size");

  g_assert_true (g_str_has_prefix (text, header));
  g_assert_cmpuint (practices->len, ==, 1 + 57);
  g_assert_cmpstr (again, ==, text);
  /* Ordered by primary key: ids ascending. */
  for (guint i = 2; i < practices->len; i++)
    g_assert_cmpint (g_ascii_strtoll (test_csv_cell (practices, i - 1, 0), NULL, 10), <,
                     g_ascii_strtoll (test_csv_cell (practices, i, 0), NULL, 10));
  g_assert_cmpstr (test_csv_cell (list_sizes, 0, 2), ==, "patients");
  g_assert_cmpuint (list_sizes->len, ==, 1 + 57);
  g_assert_cmpint (test_csv_column_sum (list_sizes, 2), ==, 596907);
}


static void
test_sample_views (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autofree char *contracts_text = export_text (plan, "contracts", LP_EXPORT_DEFAULT);
  g_autoptr(GPtrArray) contracts = test_parse_csv (contracts_text);
  g_autoptr(GPtrArray) localities = export_rows (plan, "localities");
  g_autoptr(GPtrArray) practices = export_rows (plan, "practices");
  GPtrArray *row;

  g_assert_true (g_str_has_prefix (contracts_text, "Locality Planner,Contracts\r\n"));
  g_assert_nonnull (strstr (contracts_text,
      "\r\n\r\nProvider,Sector,Service,Start,End,Length (months),Annual value (£),Status,Vulnerable services\r\n"));
  g_assert_cmpuint (contracts->len, ==, 1 + 11);
  g_assert_cmpint (test_csv_column_sum (contracts, 6), ==, 505666000);
  g_assert_nonnull (strstr (contracts_text, ",2017-04-01,2019-03-31,24,221961000,Ending soon,"));
  row = test_csv_find_row (contracts, 0, "Herts Urgent Care");
  g_assert_cmpstr (g_ptr_array_index (row, 3), ==, "2017-06-29");
  g_assert_cmpstr (g_ptr_array_index (row, 5), ==, "60");
  g_assert_null (g_ptr_array_index (row, 7));  /* runs to 2022: no flag */

  g_assert_cmpuint (localities->len, ==, 1 + 6);
  g_assert_cmpint (test_csv_column_sum (localities, 2), ==, 57);
  g_assert_cmpint (test_csv_column_sum (localities, 3), ==, 596907);
  row = test_csv_find_row (localities, 0, "Lower Lea Valley");
  g_assert_cmpstr (g_ptr_array_index (row, 3), ==, "75825");

  g_assert_cmpuint (practices->len, ==, 1 + 57);
  g_assert_cmpstr (test_csv_cell (practices, 0, 5), ==, "Closed on");
  g_assert_null (test_csv_cell (practices, 1, 5));
  g_assert_cmpstr (test_csv_cell (practices, 0, 7), ==, "As at");
  g_assert_cmpint (test_csv_column_sum (practices, 6), ==, 596907);
  g_assert_cmpstr (test_csv_cell (practices, 1, 7), ==, "2018-01-01");
}

/* The access view's table says beside each target the month it applies
 * from and the plan's words for it: 2018/19 Q3's 100% from October 2018,
 * August's 81% through September, no target before January 2018. */
static void
test_sample_access (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autofree char *text = export_text (plan, "access", LP_EXPORT_DEFAULT);
  g_autoptr(GPtrArray) rows = test_parse_csv (text);
  static const struct { const char *month; double target; const char *from; const char *period; } expected[] = {
    { "2018-01", 21.0, "2018-01", "2017/18 Q4" }, { "2018-04", 31.0, "2018-04", "2018/19 Q1" },
    { "2018-07", 68.0, "2018-07", "2018/19 Q2 (July)" }, { "2018-08", 81.0, "2018-08", "2018/19 Q2 (August)" },
    { "2018-09", 81.0, "2018-08", "2018/19 Q2 (August)" }, { "2018-10", 100.0, "2018-10", "2018/19 Q3" },
    { "2018-11", 100.0, "2018-10", "2018/19 Q3" },
  };
  GPtrArray *row;

  g_assert_true (g_str_has_prefix (text, "Locality Planner,Extended access\r\n"));
  g_assert_nonnull (strstr (text, "\r\n\r\nMonth,Target (%),Target from,Target period,Planned (%),Actual (%),"
                                  "Gap (points),Required (minutes a week),Offered (minutes a week),"
                                  "In network standard hours (minutes a week)\r\n"));
  g_assert_cmpuint (rows->len, ==, 1 + 24);
  row = test_csv_find_row (rows, 0, "2017-12");
  g_assert_null (g_ptr_array_index (row, 1));
  g_assert_null (g_ptr_array_index (row, 2));
  g_assert_null (g_ptr_array_index (row, 3));
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      row = test_csv_find_row (rows, 0, expected[i].month);
      g_assert_cmpfloat (g_ascii_strtod (g_ptr_array_index (row, 1), NULL), ==, expected[i].target);
      g_assert_cmpstr (g_ptr_array_index (row, 2), ==, expected[i].from);
      g_assert_cmpstr (g_ptr_array_index (row, 3), ==, expected[i].period);
    }
  /* October's actual, 579,861 of 596,907 patients, is 2.856 points short,
   * every digit kept (the view shows 2.9). */
  row = test_csv_find_row (rows, 0, "2018-10");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (g_ptr_array_index (row, 6), NULL),
                                  100.0 - 579861.0 * 100.0 / 596907.0, 1e-9);
}

/* Under a rule per primary care network (tests/fixtures/pcn-era.sql, from
 * October 2022) the export says what the view says: coverage in
 * September, 50% of 36,000 patients; minutes in October, 2,190 required,
 * 1,410 offered, 1,020 inside network standard hours, and no coverage. */
static void
test_pcn_era_access (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autofree char *plan_sql = test_fixture_sql ("pcn-era.sql");
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *row;

  test_sql_on_file (lp_plan_get_path (plan), plan_sql);
  rows = export_rows (plan, "access");
  row = test_csv_find_row (rows, 0, "2022-09");
  g_assert_cmpstr (g_ptr_array_index (row, 4), ==, "50");
  g_assert_cmpstr (g_ptr_array_index (row, 7), ==, "1080");
  g_assert_cmpstr (g_ptr_array_index (row, 8), ==, "540");
  g_assert_null (g_ptr_array_index (row, 9));
  row = test_csv_find_row (rows, 0, "2022-10");
  for (guint i = 1; i <= 6; i++)
    g_assert_null (g_ptr_array_index (row, i));
  g_assert_cmpstr (g_ptr_array_index (row, 7), ==, "2190");
  g_assert_cmpstr (g_ptr_array_index (row, 8), ==, "1410");
  g_assert_cmpstr (g_ptr_array_index (row, 9), ==, "1020");
  g_clear_object (&plan);
  test_rm_rf (dir);
}

static void
test_for_excel (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autofree char *plain = export_text (plan, "localities", LP_EXPORT_DEFAULT);
  g_autofree char *excel = export_text (plan, "localities", LP_EXPORT_FOR_EXCEL);

  g_assert_true (g_str_has_prefix (plain, "Locality Planner,Localities\r\n"));
  g_assert_cmpmem (excel, 3, "\xef\xbb\xbf", 3);
  g_assert_cmpstr (excel + 3, ==, plain);
}

static gint64
add_practice (LpPlan     *plan,
              const char *code,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  LpPracticeFields fields = { .ods_code = code, .name = name };
  gint64 id = lp_plan_add_practice (plan, &fields, &error);

  g_assert_no_error (error);
  return id;
}

static void
assert_has_line (const char *text,
                 const char *line)
{
  g_autofree char *needle = g_strconcat ("\r\n", line, NULL);

  g_assert_nonnull (strstr (text, needle));
}

/* NULL is an empty field, "" a quoted one: a locality without a code and
 * with empty notes. */
static void
test_null_and_empty (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autoptr(GError) error = NULL;
  LpLocalityFields fields = { .name = "Alpha", .code = NULL, .notes = "" };
  gint64 id = lp_plan_add_locality (plan, &fields, &error);
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;

  g_assert_no_error (error);
  text = export_text (plan, "locality", LP_EXPORT_DEFAULT);
  line = g_strdup_printf ("%" G_GINT64_FORMAT ",Alpha,,\"\"\r\n", id);
  g_assert_true (g_str_has_prefix (text, "id,name,code,notes\r\n"));
  assert_has_line (text, line);
  lp_plan_close (plan);
  test_rm_rf (dir);
}

static void
test_formula_guard (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  gint64 link = add_practice (plan, "A00001", "=HYPERLINK(\"x\")");
  gint64 minus = add_practice (plan, "A00002", "-5 Surgery");
  gint64 quote = add_practice (plan, "A00003", "'quoted");
  g_autofree char *text = export_text (plan, "practice", LP_EXPORT_DEFAULT);
  g_autofree char *view = export_text (plan, "practices", LP_EXPORT_DEFAULT);
  g_autofree char *line1 = g_strdup_printf ("%" G_GINT64_FORMAT ",A00001,\"'=HYPERLINK(\"\"x\"\")\",\"\",", link);
  g_autofree char *line2 = g_strdup_printf ("%" G_GINT64_FORMAT ",A00002,'-5 Surgery,\"\",", minus);
  g_autofree char *line3 = g_strdup_printf ("%" G_GINT64_FORMAT ",A00003,''quoted,\"\",", quote);

  assert_has_line (text, line1);
  assert_has_line (text, line2);
  assert_has_line (text, line3);
  assert_has_line (view, "A00002,'-5 Surgery,,,active,,,\r\n");
  lp_plan_close (plan);
  test_rm_rf (dir);
}

/* A REAL such as 0.1 + 0.2 reads back as the same double; a missing
 * headcount stays missing. */
static void
test_real_round_trip (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = test_tmp_path (dir, "plan.lpplan");
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 id = add_practice (plan, "A00001", "Real Surgery");
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO workforce_fte (practice_id, role, as_at, fte, headcount) VALUES "
      "(%" G_GINT64_FORMAT ", 'GP_PARTNER', '2018-03-31', 0.1 + 0.2, NULL), "
      "(%" G_GINT64_FORMAT ", 'N_PRACTICE', '2018-03-31', 2.0, 3)", id, id);
  volatile double tenth = 0.1;

  g_clear_object (&plan);
  test_sql_on_file (path, sql);
  plan = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  rows = export_rows (plan, "workforce_fte");
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (test_csv_cell (rows, 0, 3), ==, "fte");
  g_assert_cmpstr (test_csv_cell (rows, 1, 1), ==, "GP_PARTNER");
  g_assert_cmpstr (test_csv_cell (rows, 1, 3), ==, "0.30000000000000004");
  g_assert_true (g_ascii_strtod (test_csv_cell (rows, 1, 3), NULL) == tenth + 0.2);
  g_assert_null (test_csv_cell (rows, 1, 4));
  g_assert_cmpstr (test_csv_cell (rows, 2, 3), ==, "2.0");
  g_assert_cmpstr (test_csv_cell (rows, 2, 4), ==, "3");
  lp_plan_close (plan);
  test_rm_rf (dir);
}

static void
test_list_names (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_auto(GStrv) names = lp_export_list_names (plan);
  guint n = g_strv_length (names);

  g_assert_cmpuint (n, >=, 3 + 25);
  g_assert_cmpstr (names[0], ==, "plan_info");
  g_assert_true (g_strv_contains ((const char *const *) names, "practice"));
  g_assert_true (g_strv_contains ((const char *const *) names, "list_size"));
  g_assert_true (g_strv_contains ((const char *const *) names, "contract"));
  g_assert_false (g_strv_contains ((const char *const *) names, "all"));
  g_assert_false (g_strv_contains ((const char *const *) names, "locality_summary"));
  g_assert_cmpstr (names[n - 9], ==, "localities");
  g_assert_cmpstr (names[n - 8], ==, "practices");
  g_assert_cmpstr (names[n - 7], ==, "contracts");
  g_assert_cmpstr (names[n - 6], ==, "modelling");
  g_assert_cmpstr (names[n - 5], ==, "modelling-practices");
  g_assert_cmpstr (names[n - 4], ==, "activity-plan");
  g_assert_cmpstr (names[n - 3], ==, "qipp");
  g_assert_cmpstr (names[n - 2], ==, "access");
  g_assert_cmpstr (names[n - 1], ==, "workforce");
  for (guint i = 0; i < n; i++)
    g_assert_false (g_str_has_prefix (names[i], "sqlite_"));
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
assert_export_fails (LpPlan     *plan,
                     const char *name,
                     const char *path,
                     int         code,
                     const char *needle)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (lp_plan_export (plan, name, path, LP_EXPORT_DEFAULT, &error));
  g_assert_error (error, LP_PLAN_ERROR, code);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not say “%s”", error->message, needle);
}

static void
test_errors (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *csv = test_tmp_path (dir, "out.csv");
  g_autofree char *folder = test_tmp_path (dir, "folder.csv");
  g_autofree char *nowhere = g_build_filename (dir, "no-such-folder", "out.csv", NULL);
  g_autofree char *contents = NULL;

  assert_export_fails (plan, "nonsense", csv, LP_PLAN_ERROR_INVALID, "“nonsense” is not a table or view");
  assert_export_fails (plan, "nonsense", csv, LP_PLAN_ERROR_INVALID, "(localities, practices, contracts, modelling, modelling-practices, activity-plan, qipp, access, workforce)");
  assert_export_fails (plan, "nonsense", csv, LP_PLAN_ERROR_INVALID, "practice, list_size");
  assert_export_fails (plan, "all", csv, LP_PLAN_ERROR_INVALID, ".xlsx");
  assert_export_fails (plan, "practice", "out.ods", LP_PLAN_ERROR_INVALID, ".csv or .xlsx");
  assert_export_fails (plan, "practice", nowhere, LP_PLAN_ERROR_IO, nowhere);
  g_assert_cmpuint (count_files (dir), ==, 0);

  /* The rename fails after the data is written: no temporary file stays. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_export_fails (plan, "practice", folder, LP_PLAN_ERROR_IO, folder);
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_rmdir (folder);

  /* A file that is there stays as it was until an export succeeds. */
  test_write_file (csv, "old", -1);
  assert_export_fails (plan, "nonsense", csv, LP_PLAN_ERROR_INVALID, "nonsense");
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);
  g_assert_true (lp_plan_export (plan, "localities", csv, LP_EXPORT_DEFAULT, NULL));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "Locality Planner,Localities\r\n"));
  g_assert_cmpuint (count_files (dir), ==, 1);
  test_rm_rf (dir);
}

/* The structure is checked here; the values, through LibreOffice, in
 * test-export-xlsx.c. */
static void
test_xlsx_files (void)
{
  static const char *const names[] = { "all", "contracts", "practice" };
  g_autoptr(LpPlan) plan = open_sample ();
  g_autofree char *dir = test_tmp_dir ();

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_strconcat (names[i], ".XLSX", NULL);
      g_autofree char *path = test_tmp_path (dir, file);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (lp_plan_export (plan, names[i], path, LP_EXPORT_FOR_EXCEL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      g_assert_cmpmem (contents, 4, "PK\3\4", 4);
    }
  g_assert_cmpuint (count_files (dir), ==, G_N_ELEMENTS (names));
  test_rm_rf (dir);
}

/* Exports each table of @from and imports it into @to, in the order the
 * schema creates them (parents first).  A failure is reported and the
 * other tests still run. */
static gboolean
copy_tables (LpPlan             *from,
             LpPlan             *to,
             const char *const  *tables,
             const char         *dir)
{
  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *file = g_strconcat (tables[i], ".csv", NULL);
      g_autofree char *path = test_tmp_path (dir, file);
      LpImportOptions options = { .kind = LP_IMPORT_PLAN_TABLE, .table = tables[i] };
      g_autoptr(LpImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      g_assert_true (lp_plan_export (from, tables[i], path, LP_EXPORT_DEFAULT, &error));
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      /* The importer takes a file with only a header for a mistake; an
       * empty table must stay empty in the copy, which the caller checks. */
      if (strstr (text, "\r\n")[2] != '\0')
        {
          report = lp_plan_import (to, path, &options, NULL, NULL, &error);
          if (error != NULL)
            {
              g_test_fail_printf ("importing the export of %s: %s", tables[i], error->message);
              return FALSE;
            }
        }
      g_unlink (path);
    }
  return TRUE;
}

/* The app's own CSV of every table, imported into a new plan, gives the
 * same tables back: exported again, the same bytes.  import_log is left
 * out: importing writes to it. */
static void
test_round_trip (void)
{
  g_autoptr(LpPlan) sample = open_sample ();
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) copy = test_new_plan (dir);
  g_auto(GStrv) names = lp_export_list_names (sample);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) tables = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], "import_log") != 0
        && !g_strv_contains (lp_export_view_names (), names[i]))
      g_strv_builder_add (builder, names[i]);
  tables = g_strv_builder_end (builder);
  if (copy_tables (sample, copy, (const char *const *) tables, dir))
    for (guint i = 0; tables[i] != NULL; i++)
      {
        g_autofree char *expected = export_text (sample, tables[i], LP_EXPORT_DEFAULT);
        g_autofree char *got = export_text (copy, tables[i], LP_EXPORT_DEFAULT);

        if (strcmp (expected, got) != 0)
          g_error ("table %s differs after export and import:\n%s\n---\n%s", tables[i], expected, got);
      }
  lp_plan_close (copy);
  test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/sample/tables", test_sample_tables);
  g_test_add_func ("/export/sample/views", test_sample_views);
  g_test_add_func ("/export/sample/access", test_sample_access);
  g_test_add_func ("/export/pcn-era-access", test_pcn_era_access);
  g_test_add_func ("/export/sample/for-excel", test_for_excel);
  g_test_add_func ("/export/null-and-empty", test_null_and_empty);
  g_test_add_func ("/export/formula-guard", test_formula_guard);
  g_test_add_func ("/export/real-round-trip", test_real_round_trip);
  g_test_add_func ("/export/list-names", test_list_names);
  g_test_add_func ("/export/errors", test_errors);
  g_test_add_func ("/export/xlsx-files", test_xlsx_files);
  g_test_add_func ("/export/sample/round-trip", test_round_trip);

  return g_test_run ();
}
