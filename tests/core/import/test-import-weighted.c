/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A weighted population per practice imported from a CSV of practice code
 * and weighted population, as NHS England publishes PCN adjusted
 * populations: it becomes the plan's weights "PCN adjusted" (or the name
 * given), kind imported, its source the file's name; practices the plan
 * does not hold and the plan's practices the file lacks are reported;
 * re-importing the same name and date replaces it; a bad row is named by
 * file, line, column and value, and leaves the plan as it was. */
#include "core-test-util.h"
#include "lp-plan-private.h"

/* tests/fixtures/population-bases.sql: N00001, N00002 (North), S00001 (South). */
typedef struct {
  char   *dir;
  LpPlan *plan;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *plan_sql = test_fixture_sql ("population-bases.sql");
  g_autoptr(GError) error = NULL;

  f->dir = test_tmp_dir ();
  f->plan = test_new_plan (f->dir);
  g_assert_true (lp_sqlite_exec (lp_plan_get_db (f->plan), plan_sql, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->plan);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

/* As NHS England's file lays it out: PCN, practice, registered and
 * adjusted population; X99999 is not in the plan and S00001 not in the file. */
static const char good[] =
  "PCN Code,PCN Name,Practice Code,Practice Name,Registered Population,Adjusted Population\n"
  "U00001,North PCN,N00001,North One,5000,\"5,100.5\"\n"
  "U00001,North PCN,N00002,North Two,5000,4899.5\n"
  "U00002,Other PCN,X99999,Elsewhere,100,120\n";

static char *
write_csv (Fixture    *f,
           const char *name,
           const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);

  test_write_file (path, contents, -1);
  return path;
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return test_sql_int (lp_plan_get_path (f->plan), sql);
}

/* The practices' figures on the base "weighted NAME" at @date (NULL: the latest). */
static double
figure (Fixture    *f,
        const char *base_text,
        const char *code,
        const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPopulationBase) base = lp_population_base_parse (base_text, &error);
  g_autoptr(GHashTable) counts = lp_plan_read_population_base (f->plan, base, date, &error);
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM practice WHERE ods_code = '%s'", code);
  gint64 id = count (f, sql);
  double *value;

  g_assert_no_error (error);
  value = g_hash_table_lookup (counts, &id);
  return value != NULL ? *value : -1;
}

static void
test_detect_and_import (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "pcn-adjusted.csv", good);
  g_autoptr(GError) error = NULL;
  LpImportOptions options = { 0 };
  g_autoptr(LpImportReport) report = NULL;

  g_assert_cmpint (lp_import_detect (path, &error), ==, LP_IMPORT_WEIGHTED_POPULATION);
  g_assert_no_error (error);
  g_assert_cmpint (lp_import_kind_from_string ("weighted-population"), ==, LP_IMPORT_WEIGHTED_POPULATION);
  options.as_at = "2023-01-01";
  report = lp_plan_import (f->plan, path, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->kind, ==, LP_IMPORT_WEIGHTED_POPULATION);
  g_assert_cmpstr (report->extract_date, ==, "2023-01-01");
  g_assert_cmpuint (report->rows_read, ==, 3);
  g_assert_cmpuint (report->rows_imported, ==, 2);
  g_assert_cmpuint (report->unknown_practices, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (report->unknown_practice_codes, 0), ==, "X99999");
  g_assert_cmpuint (report->missing_practices->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (report->missing_practices, 0), ==, "S00001");
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Import pcn-adjusted.csv");

  g_assert_cmpint (count (f, "SELECT count (*) FROM population_weights WHERE name = 'PCN adjusted' "
                             "AND kind = 'imported' AND source = 'pcn-adjusted.csv' AND note = ''"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM weighted_population"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count (*) FROM import_log WHERE kind = 'weighted-population' "
                             "AND file_name = 'pcn-adjusted.csv' AND file_date = '2023-01-01' AND rows = 2"), ==, 1);
  g_assert_cmpfloat (figure (f, "weighted PCN adjusted", "N00001", NULL), ==, 5100.5);
  g_assert_cmpfloat (figure (f, "weighted PCN adjusted", "N00002", NULL), ==, 4899.5);
  /* Left out, never 0: the model names it. */
  g_assert_cmpfloat (figure (f, "weighted PCN adjusted", "S00001", NULL), ==, -1);
  /* The practice's figure and its patients per GP FTE: 5,100.5 / 2.5. */
  {
    g_autoptr(GPtrArray) weighted = lp_plan_list_practice_weighted (f->plan, 11, 2.5, &error);
    g_autoptr(GPtrArray) none = lp_plan_list_practice_weighted (f->plan, 21, 2.5, &error);
    g_autofree char *date = lp_format_date ("2023-01-01");
    g_autofree char *source = g_strdup_printf ("Imported from pcn-adjusted.csv, as at %s", date);
    const LpPracticeWeighted *one;

    g_assert_no_error (error);
    g_assert_cmpuint (weighted->len, ==, 1);
    one = g_ptr_array_index (weighted, 0);
    g_assert_cmpstr (one->name, ==, "PCN adjusted");
    g_assert_cmpstr (one->source, ==, source);
    g_assert_cmpfloat (one->population, ==, 5100.5);
    g_assert_cmpfloat (one->per_gp_fte, ==, 2040.2);
    g_assert_cmpuint (none->len, ==, 0);
  }
  /* North: N1 5,100.5 + N2 4,899.5 = 10,000 over 4 GP FTE, 2,500 each;
   * South's S1 has no figure: named as missing, no ratio; all: 1 missing. */
  {
    g_autoptr(GPtrArray) north = lp_plan_list_locality_weighted (f->plan, 1, 4, &error);
    g_autoptr(GPtrArray) south = lp_plan_list_locality_weighted (f->plan, 2, 4, &error);
    g_autoptr(GPtrArray) all = lp_plan_list_locality_weighted (f->plan, 0, 8, &error);
    const LpPracticeWeighted *one;

    g_assert_no_error (error);
    g_assert_cmpuint (north->len, ==, 1);
    one = g_ptr_array_index (north, 0);
    g_assert_cmpfloat (one->population, ==, 10000);
    g_assert_cmpfloat (one->per_gp_fte, ==, 2500);
    g_assert_cmpuint (one->n_missing, ==, 0);
    g_assert_cmpuint (south->len, ==, 0);
    one = g_ptr_array_index (all, 0);
    g_assert_cmpfloat (one->population, ==, 10000);
    g_assert_cmpuint (one->n_missing, ==, 1);
    g_assert_cmpfloat (one->per_gp_fte, ==, 0);
  }

  /* Undo takes it all away. */
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM population_weights"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM weighted_population"), ==, 0);
}

/* The same name and date again replaces; another date adds; another name
 * is other weights; a file's date column gives the date. */
static void
test_reimport (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *first = write_csv (f, "pcn.csv", good);
  g_autofree char *again = write_csv (f, "pcn-again.csv",
      "Practice Code,Adjusted Population\nN00001,6000\nN00002,4000\nS00001,10000\n");
  g_autofree char *dated = write_csv (f, "pcn-2024.csv",
      "PRACTICE_CODE,WEIGHTED_POPULATION,EXTRACT_DATE\nN00001,7000,01JAN2024\nS00001,9000,01JAN2024\n");
  g_autoptr(GError) error = NULL;
  LpImportOptions options = { .as_at = "2023-01-01" };
  LpImportOptions named = { .as_at = "2023-01-01", .weights_name = "  Need 2023 " };
  LpImportOptions from_file = { 0 };
  LpImportReport *report;

  report = lp_plan_import (f->plan, first, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  lp_import_report_free (report);
  report = lp_plan_import (f->plan, again, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->missing_practices->len, ==, 0);
  lp_import_report_free (report);
  g_assert_cmpint (count (f, "SELECT count (*) FROM weighted_population"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count (*) FROM population_weights WHERE source = 'pcn-again.csv'"), ==, 1);
  g_assert_cmpfloat (figure (f, "weighted PCN adjusted", "N00001", NULL), ==, 6000);

  report = lp_plan_import (f->plan, dated, &from_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->extract_date, ==, "2024-01-01");
  lp_import_report_free (report);
  g_assert_cmpint (count (f, "SELECT count (*) FROM weighted_population"), ==, 5);
  /* Each practice's latest on or before the date asked for. */
  g_assert_cmpfloat (figure (f, "weighted PCN adjusted", "N00001", NULL), ==, 7000);
  g_assert_cmpfloat (figure (f, "weighted PCN adjusted", "N00002", NULL), ==, 4000);
  g_assert_cmpfloat (figure (f, "weighted PCN adjusted", "N00001", "2023-06-30"), ==, 6000);

  report = lp_plan_import (f->plan, first, &named, NULL, NULL, &error);
  g_assert_no_error (error);
  lp_import_report_free (report);
  g_assert_cmpint (count (f, "SELECT count (*) FROM population_weights"), ==, 2);
  g_assert_cmpfloat (figure (f, "weighted Need 2023", "N00002", NULL), ==, 4899.5);
}

static void
assert_refused (Fixture               *f,
                const char            *name,
                const char            *contents,
                const LpImportOptions *options,
                const char            *expected)
{
  g_autofree char *path = write_csv (f, name, contents);
  g_autofree char *before = test_file_checksum (lp_plan_get_path (f->plan));
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpImportReport) report = lp_plan_import (f->plan, path, options, NULL, NULL, &error);

  g_assert_null (report);
  g_assert_nonnull (error);
  /* Row problems name the file by its path, as every import's do. */
  if (g_str_has_prefix (error->message, f->dir))
    {
      g_autofree char *located = g_build_filename (f->dir, expected, NULL);

      g_assert_cmpstr (error->message, ==, located);
    }
  else
    g_assert_cmpstr (error->message, ==, expected);
  after = test_file_checksum (lp_plan_get_path (f->plan));
  g_assert_cmpstr (after, ==, before);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  LpImportOptions options = { .as_at = "2023-01-01" };
  LpImportOptions undated = { 0 };
  LpImportOptions blank_name = { .as_at = "2023-01-01", .weights_name = " " };
  LpImportOptions clash = { .as_at = "2023-01-01", .weights_name = "Need" };
  g_autoptr(GError) error = NULL;

  assert_refused (f, "bad-figure.csv", "Practice Code,Adjusted Population\nN00001,5000\nN00002,12a\n", &options,
                  "bad-figure.csv, line 3, column Adjusted Population: “12a” is not a population of 0 or more");
  assert_refused (f, "negative.csv", "Practice Code,Adjusted Population\nN00001,-5\n", &options,
                  "negative.csv, line 2, column Adjusted Population: “-5” is not a population of 0 or more");
  assert_refused (f, "twice.csv", "Practice Code,Adjusted Population\nN00001,5\nN00002,5\nN00001,6\n", &options,
                  "twice.csv, line 4, column Practice Code: “N00001” appears a second time in this file "
                  "(first on line 2)");
  assert_refused (f, "bad-code.csv", "Practice Code,Adjusted Population\nN0!001,5\n", &options,
                  "bad-code.csv, line 2, column Practice Code: “N0!001” is not a practice code");
  assert_refused (f, "no-code.csv", "PCN Code,Adjusted Population\nU00001,5\n", &options,
                  "no-code.csv: the required column PRACTICE_CODE is missing (also accepted: Practice Code, "
                  "Practice code, PRAC_CODE, ORG_CODE, Code)");
  assert_refused (f, "undated.csv", "Practice Code,Adjusted Population\nN00001,5\n", &undated,
                  "undated.csv does not say the date its figures are as at: give the date");
  assert_refused (f, "blank-name.csv", "Practice Code,Adjusted Population\nN00001,5\n", &blank_name,
                  "Give the weighted population a name, such as PCN adjusted");
  g_assert_true (lp_sqlite_exec (lp_plan_get_db (f->plan),
                                 "INSERT INTO population_weights (name) VALUES ('Need');"
                                 "INSERT INTO population_weight VALUES ('Need', '75+', 'all', 3);", &error));
  assert_refused (f, "clash.csv", "Practice Code,Adjusted Population\nN00001,5\n", &clash,
                  "The plan already has weights by age band called “Need”: give the imported ones another name");
  g_assert_cmpint (count (f, "SELECT count (*) FROM weighted_population"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) \
  g_test_add ("/import/weighted/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("detect-and-import", test_detect_and_import);
  ADD ("reimport", test_reimport);
  ADD ("refused", test_refused);
  return g_test_run ();
}
