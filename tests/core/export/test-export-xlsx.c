/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The .xlsx exports read back by another program: LibreOffice Calc
 * converts each workbook to CSV, one file per sheet, and every value is
 * compared with the plan.  Without soffice this test fails: ./test.sh
 * installs it (libreoffice-calc-nogui, build-aux/debian-packages.txt). */
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "core-test-util.h"
#include "lp-csv.h"

/* LibreOffice 7.4's CSV filter options: comma, double quote, UTF-8, from
 * line 1, ..., "save cell contents as shown" (token 9), and -1 = every
 * sheet, each to FILE-SHEET.csv.  Not as shown, dates are written
 * MM/DD/YYYY and numbers raw; as shown, with the cells' own formats. */
#define FILTER_RAW   "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
#define FILTER_SHOWN "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"

#define EXACT_INTEGER_LIMIT (G_GINT64_CONSTANT (1) << 53)

static char *work_dir;  /* profile, HOME and all files of this run */

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* soffice wants a writable profile; a private one also keeps a user's
 * running LibreOffice out of the way. */
static void
convert (const char *xlsx,
         const char *out_dir,
         const char *filter)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *profile = g_build_filename (work_dir, "profile", NULL);
  g_autofree char *home = g_build_filename (work_dir, "home", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  const char *argv[] = { soffice, env_arg, "--headless", "--convert-to", filter,
                         "--outdir", out_dir, xlsx, NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "HOME", home, TRUE);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (soffice == NULL)
    g_error ("soffice (LibreOffice) is not installed: install libreoffice-calc-nogui, "
             "as ./test.sh does from build-aux/debian-packages.txt");
  g_mkdir_with_parents (home, 0700);
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("soffice failed on %s: %s\n%s%s", xlsx, error->message, out, err);
}

static LpPlan *
open_sample (void)
{
  g_autoptr(GError) error = NULL;
  LpPlan *plan = lp_plan_open (g_getenv ("LP_SAMPLE_PLAN"), LP_PLAN_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return plan;
}

static char *
export_xlsx (LpPlan     *plan,
             const char *name)
{
  g_autofree char *file = g_strconcat (name, ".xlsx", NULL);
  char *path = g_build_filename (work_dir, file, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (lp_plan_export (plan, name, path, LP_EXPORT_DEFAULT, &error));
  g_assert_no_error (error);
  return path;
}

static LpCsvReader *
open_sheet (const char *dir,
            const char *workbook,
            const char *sheet)
{
  g_autofree char *file = g_strdup_printf ("%s-%s.csv", workbook, sheet);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GError) error = NULL;
  LpCsvReader *reader = lp_csv_reader_open (path, TRUE, &error);

  g_assert_no_error (error);
  return reader;
}

/* LibreOffice writes a date cell MM/DD/YYYY (raw) or as its format
 * (DD/MM/YYYY); ISO is accepted too, for other versions. */
static char *
date_to_iso (const char *text,
             gboolean    day_first)
{
  guint a, b, year;

  if (strlen (text) == 10 && text[4] == '-')
    return g_strdup (text);
  if (sscanf (text, "%2u/%2u/%4u", &a, &b, &year) != 3)
    return g_strdup_printf ("(not a date: %s)", text);
  return g_strdup_printf ("%04u-%02u-%02u", year, day_first ? b : a, day_first ? a : b);
}

static gboolean
is_date_column (const char *name)
{
  return g_str_has_suffix (name, "_date") || strcmp (name, "as_at") == 0
         || strcmp (name, "period_month") == 0 || strcmp (name, "quarter_start") == 0;
}

static gboolean
is_id_column (const char *name)
{
  return strcmp (name, "id") == 0 || g_str_has_suffix (name, "_id");
}

/* Integers exactly.  A REAL to 15 significant digits: spreadsheets keep
 * no more (libxlsxwriter writes 16, LibreOffice reads back 15), which is
 * why the exact round trip is the CSV's job, not the workbook's. */
static void
assert_number (const char *field,
               double      expected,
               gboolean    real,
               const char *where)
{
  char *end = NULL;
  double value = g_ascii_strtod (field, &end);
  char got[G_ASCII_DTOSTR_BUF_SIZE], want[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (got, sizeof got, "%.15g", value);
  g_ascii_formatd (want, sizeof want, "%.15g", expected);
  if (field[0] == '\0' || *end != '\0'
      || (real ? strcmp (got, want) != 0 : value != expected))
    g_error ("%s: LibreOffice read “%s”, the plan has %.17g", where, field, expected);
}

/* One cell of a plan table against what LibreOffice read from the sheet.
 * An empty string and NULL are both an empty cell in a spreadsheet. */
static void
assert_cell (sqlite3_stmt *stmt,
             int           column,
             const char   *field,
             const char   *where)
{
  const char *name = sqlite3_column_name (stmt, column);
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  gint64 integer = sqlite3_column_int64 (stmt, column);
  g_autofree char *as_text = g_strdup_printf ("%" G_GINT64_FORMAT, integer);

  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      g_assert_cmpstr (field, ==, "");
      break;
    case SQLITE_INTEGER:
      if (is_id_column (name) || integer >= EXACT_INTEGER_LIMIT || integer <= -EXACT_INTEGER_LIMIT)
        g_assert_cmpstr (field, ==, as_text);
      else
        assert_number (field, (double) integer, FALSE, where);
      break;
    case SQLITE_FLOAT:
      assert_number (field, sqlite3_column_double (stmt, column), TRUE, where);
      break;
    default:
      if (is_date_column (name) && strlen (text) == 10)
        {
          g_autofree char *iso = date_to_iso (field, FALSE);
          g_assert_cmpstr (iso, ==, text);
        }
      else
        g_assert_cmpstr (field, ==, text);
    }
}

/* The plan's rows in primary-key order, found here independently of the
 * exporter. */
static sqlite3_stmt *
select_table (sqlite3    *db,
              const char *table)
{
  sqlite3_stmt *stmt = NULL;
  char *order = NULL;
  char *query;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
      "SELECT ifnull (group_concat (quote (name), ', '), 'rowid') FROM "
      "(SELECT name FROM pragma_table_info (?1) WHERE pk > 0 ORDER BY pk)",
      -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  order = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  query = sqlite3_mprintf ("SELECT * FROM \"%w\" ORDER BY %s", table, order);
  g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_free (query);
  g_free (order);
  return stmt;
}

static guint
compare_table (sqlite3    *db,
               const char *dir,
               const char *table)
{
  g_autoptr(LpCsvReader) reader = open_sheet (dir, "all", table);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = select_table (db, table);
  int n_columns = sqlite3_column_count (stmt);
  guint rows = 0;

  for (int i = 0; i < n_columns; i++)
    g_assert_cmpint (lp_csv_reader_find_column (reader, sqlite3_column_name (stmt, i)), ==, i);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_true (lp_csv_reader_next (reader, &error));
      g_assert_no_error (error);
      rows++;
      for (int i = 0; i < n_columns; i++)
        {
          g_autofree char *where = g_strdup_printf ("%s row %u column %s", table, rows,
                                                    sqlite3_column_name (stmt, i));
          assert_cell (stmt, i, lp_csv_reader_get_field (reader, (guint) i), where);
        }
    }
  g_assert_false (lp_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  sqlite3_finalize (stmt);
  return rows;
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

/* "all": one sheet per table, every value as in the plan file. */
static void
test_all_tables (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autofree char *xlsx = export_xlsx (plan, "all");
  g_autofree char *out = g_build_filename (work_dir, "all-raw", NULL);
  g_auto(GStrv) names = lp_export_list_names (plan);
  guint n_tables = g_strv_length (names) - g_strv_length ((char **) lp_export_view_names ());
  sqlite3 *db = NULL;
  guint practices = 0, list_sizes = 0;

  convert (xlsx, out, FILTER_RAW);
  g_assert_cmpuint (count_files (out), ==, n_tables);
  g_assert_cmpint (sqlite3_open_v2 (g_getenv ("LP_SAMPLE_PLAN"), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n_tables; i++)
    {
      guint rows = compare_table (db, out, names[i]);

      if (strcmp (names[i], "practice") == 0)
        practices = rows;
      else if (strcmp (names[i], "list_size") == 0)
        list_sizes = rows;
    }
  sqlite3_close (db);
  g_assert_cmpuint (practices, ==, 57);
  g_assert_cmpuint (list_sizes, ==, 57);
}

static void
assert_contract_row (LpCsvReader *reader,
                     LpContract  *contract)
{
  g_autofree char *start = date_to_iso (lp_csv_reader_get_field (reader, 3), FALSE);
  g_autofree char *end = date_to_iso (lp_csv_reader_get_field (reader, 4), FALSE);
  const char *where = lp_contract_get_provider (contract);

  g_assert_cmpstr (lp_csv_reader_get_field (reader, 0), ==, lp_contract_get_provider (contract));
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 1), ==, lp_contract_get_sector (contract));
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 2), ==, lp_contract_get_service (contract));
  g_assert_cmpstr (start, ==, lp_contract_get_start_date (contract));
  g_assert_cmpstr (end, ==, lp_contract_get_end_date (contract));
  assert_number (lp_csv_reader_get_field (reader, 5), lp_contract_get_length_months (contract), FALSE, where);
  assert_number (lp_csv_reader_get_field (reader, 6), lp_contract_get_annual_value_pounds (contract), FALSE, where);
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 8), ==, lp_contract_get_vulnerable_services (contract));
}

/* The contracts view: what the app lists, in the same order. */
static void
test_contracts_view (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autofree char *xlsx = export_xlsx (plan, "contracts");
  g_autofree char *out = g_build_filename (work_dir, "contracts-raw", NULL);
  g_autoptr(GListModel) contracts = lp_plan_list_contracts (plan, NULL);
  g_autoptr(LpCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint ending_soon = 0;

  convert (xlsx, out, FILTER_RAW);
  reader = open_sheet (out, "contracts", "contracts");
  g_assert_cmpint (lp_csv_reader_find_column (reader, "Annual value (£)"), ==, 6);
  g_assert_cmpint (lp_csv_reader_find_column (reader, "Vulnerable services"), ==, 8);
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(LpContract) contract = g_list_model_get_item (contracts, i);

      g_assert_true (lp_csv_reader_next (reader, &error));
      assert_contract_row (reader, contract);
      ending_soon += strcmp (lp_csv_reader_get_field (reader, 7), "Ending soon") == 0;
    }
  g_assert_false (lp_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (contracts), ==, 11);
  g_assert_cmpuint (ending_soon, ==, 10);
}

/* As shown: the cells carry the date and money formats. */
static void
test_formats (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autofree char *xlsx = export_xlsx (plan, "contracts");
  g_autofree char *out = g_build_filename (work_dir, "contracts-shown", NULL);
  g_autoptr(LpCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  convert (xlsx, out, FILTER_SHOWN);
  reader = open_sheet (out, "contracts", "contracts");
  while (lp_csv_reader_next (reader, &error))
    if (strcmp (lp_csv_reader_get_field (reader, 0), "East and North Hertfordshire NHS Trust") == 0)
      break;
  g_assert_no_error (error);
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 3), ==, "01/04/2017");
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 4), ==, "31/03/2019");
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 6), ==, "£221,961,000");
}

/* The grand total row of the modelling sheet, converted with @filter. */
static char *
modelling_grand_total (const char *xlsx,
                       const char *out,
                       const char *filter)
{
  g_autoptr(LpCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  convert (xlsx, out, filter);
  reader = open_sheet (out, "modelling", "modelling");
  while (lp_csv_reader_next (reader, &error))
    if (strcmp (lp_csv_reader_get_field (reader, 0), "Grand total") == 0)
      return g_strdup (lp_csv_reader_get_field (reader, 1));
  g_assert_no_error (error);
  g_assert_not_reached ();
}

/* Modelled figures show one decimal place, as on screen, but keep every
 * digit, so that a spreadsheet's sums match the app's: all localities'
 * 3-year activity per month is 2,189.4975…, shown as 2,189.5 (the six
 * localities' figures rounded first would add up to 2,189.4). */
static void
test_modelling_view (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autofree char *xlsx = export_xlsx (plan, "modelling");
  g_autofree char *shown_dir = g_build_filename (work_dir, "modelling-shown", NULL);
  g_autofree char *raw_dir = g_build_filename (work_dir, "modelling-raw", NULL);
  g_autofree char *shown = modelling_grand_total (xlsx, shown_dir, FILTER_SHOWN);
  g_autofree char *raw = modelling_grand_total (xlsx, raw_dir, FILTER_RAW);
  double value = g_ascii_strtod (raw, NULL);

  g_assert_cmpstr (shown, ==, "2,189.5");
  g_assert_cmpfloat_with_epsilon (value, 2189.4975093, 1e-6);
  g_assert_cmpuint (strlen (raw), >, strlen ("2189.4"));   /* not rounded in the file */
}

static LpPlan *
hostile_plan (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "plan.lpplan", NULL);
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  LpPracticeFields fields = { .ods_code = "A00001", .name = "=HYPERLINK(\"http://x\",\"y\")",
                              .notes = "two\nlines, \"quoted\"" };
  g_autoptr(GError) error = NULL;
  gint64 id = lp_plan_add_practice (plan, &fields, &error);
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO workforce_fte (practice_id, role, as_at, fte) VALUES "
      "(%" G_GINT64_FORMAT ", 'GP_PARTNER', '2018-03-31', 0.1 + 0.2)", id);

  g_assert_no_error (error);
  lp_plan_close (plan);
  test_sql_on_file (path, sql);
  return lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, NULL);
}

/* Text that looks like a formula arrives as that text, never evaluated;
 * 0.1 + 0.2 arrives as the spreadsheet's 0.3. */
static void
test_hostile_text (void)
{
  g_autofree char *plan_dir = g_build_filename (work_dir, "hostile", NULL);
  g_autofree char *out = g_build_filename (work_dir, "hostile-raw", NULL);
  g_autoptr(LpPlan) plan = NULL;
  g_autoptr(LpCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir (plan_dir, 0700), ==, 0);
  plan = hostile_plan (plan_dir);
  g_assert_nonnull (plan);
  xlsx = export_xlsx (plan, "all");
  convert (xlsx, out, FILTER_RAW);
  reader = open_sheet (out, "all", "practice");
  g_assert_true (lp_csv_reader_next (reader, &error));
  g_assert_cmpstr (lp_csv_reader_get (reader, lp_csv_reader_find_column (reader, "name")), ==,
                   "=HYPERLINK(\"http://x\",\"y\")");
  g_assert_cmpstr (lp_csv_reader_get (reader, lp_csv_reader_find_column (reader, "notes")), ==,
                   "two\nlines, \"quoted\"");
  g_assert_cmpint (sqlite3_open_v2 (lp_plan_get_path (plan), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpuint (compare_table (db, out, "workforce_fte"), ==, 1);
  g_assert_cmpuint (compare_table (db, out, "practice"), ==, 1);
  sqlite3_close (db);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = g_dir_make_tmp ("lp-test-xlsx-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/export/xlsx/all-tables", test_all_tables);
  g_test_add_func ("/export/xlsx/contracts-view", test_contracts_view);
  g_test_add_func ("/export/xlsx/formats", test_formats);
  g_test_add_func ("/export/xlsx/modelling-view", test_modelling_view);
  g_test_add_func ("/export/xlsx/hostile-text", test_hostile_text);

  status = g_test_run ();
  remove_tree (work_dir);
  g_free (work_dir);
  return status;
}
