/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every kind of damaged file gives its own clear error, naming file, line
 * and column, and leaves the plan file byte for byte as it was. */
#include <glib/gstdio.h>

#include "core-test-util.h"

typedef struct {
  const char   *file;
  LpImportKind  kind;
  const char   *expected;   /* the error message after "PATH" */
} BadFile;

static const BadFile bad_files[] = {
  { "empty.csv", 0, " is empty: it has no header row" },
  { "header-only.csv", 0, " has a header but no rows to import" },
  { "missing-count-column.csv", 0,
    ": the required column NUMBER_OF_PATIENTS is missing (also accepted: Number of Patients)" },
  { "unterminated-quote.csv", 0, ", line 3: a quoted field is not closed properly" },
  { "wrong-field-count.csv", 0, ", line 3: has 9 fields where the header has 10" },
  { "non-numeric-count.csv", 0, ", line 3, column NUMBER_OF_PATIENTS: “12a” is not a whole number of 0 or more" },
  { "negative-count.csv", 0, ", line 2, column NUMBER_OF_PATIENTS: “-5” is not a whole number of 0 or more" },
  { "duplicate-practice.csv", 0, ", line 4, column CODE: “X06K01” appears a second time in this file (first on line 2)" },
  { "invalid-date.csv", 0,
    ", line 2, column EXTRACT_DATE: “31FEB2021” is not a date (expected e.g. 01JAN2021 or 2026-04-01)" },
  { "mixed-extract-dates.csv", 0,
    ", line 3, column EXTRACT_DATE: “01FEB2021” differs from this file's extract date 2021-01-01" },
  { "nul-byte.csv", 0, ", line 3 contains a NUL byte: this is not a text file" },
  { "latin1-sex.csv", 0, ", line 3, column SEX: “MéLE” is not ALL, MALE or FEMALE" },
  { "unknown-sex.csv", 0, ", line 2, column SEX: “ALLSORTS” is not ALL, MALE or FEMALE" },
  { "bad-practice-code.csv", 0, ", line 3, column CODE: “X0!K02” is not a practice code" },
  { "picture.csv", 0, ": this is a PNG picture, not a CSV file" },
  { "unknown-kind.csv", 0, ": this is neither an NHS file Locality Planner knows nor the CSV of a plan table "
                           "(there is no table “unknown-kind”)" },
  { "epraccur-26-fields.csv", LP_IMPORT_ODS_EPRACCUR, ", line 1: has 26 fields where epraccur.csv has 27" },
  { "epraccur-28-fields.csv", LP_IMPORT_ODS_EPRACCUR, ", line 1: has 28 fields where epraccur.csv has 27" },
  { "blank-count.csv", 0, ", line 2, column NUMBER_OF_PATIENTS: “” is not a whole number of 0 or more" },
  /* epraccur has no header, so an empty one reaches the reader's hand-over
   * of a first row with no fields at all. */
  { "empty.csv", LP_IMPORT_ODS_EPRACCUR, " is empty: it has no rows to import" },
  { "bom-only.csv", 0, " is empty: it has no header row" },
  { "compressed.csv", 0, ": this is a gzip-compressed file: unpack it first, then import the CSV file inside" },
  { "utf16.csv", 0, ": this text is saved as UTF-16; save it as CSV UTF-8 (comma-delimited) and import that" },
  { "control-char-code.csv", 0, ", line 2, column CODE: “X06\\x01K01” is not a practice code" },
  { "decimal-count.csv", 0, ", line 2, column NUMBER_OF_PATIENTS: “12.5” is not a whole number of 0 or more" },
  { "empty-code.csv", 0, ", line 3, column CODE: “” is not a practice code" },
  { "formula-count.csv", 0, ", line 3, column NUMBER_OF_PATIENTS: “=1+1” is not a whole number of 0 or more" },
  { "huge-count.csv", 0,
    ", line 2, column NUMBER_OF_PATIENTS: “99999999999999999999” is not a whole number of 0 or more" },
  { "leap-day-2021.csv", 0,
    ", line 2, column EXTRACT_DATE: “29FEB2021” is not a date (expected e.g. 01JAN2021 or 2026-04-01)" },
  { "year-9999.csv", 0,
    ", line 2, column EXTRACT_DATE: “01JAN9999” is not a date (expected e.g. 01JAN2021 or 2026-04-01)" },
  { "long-code.csv", 0, ", line 2, column CODE: “X06K0123456” is not a practice code" },
  { "sql-code.csv", 0, ", line 2, column CODE: “'); DROP TABLE practice;--” is not a practice code" },
  { "quote-in-field.csv", 0, ", line 2: a quoted field is not closed properly" },
  { "no-csv-inside.zip", 0, ": the zip file holds no .csv file" },
  { "truncated.zip", 0, ": Truncated ZIP file data" },
  { "gp-reg-pat-prac-quin-age-bad-band.csv", 0, ", line 2, column AGE_GROUP_5: “3_7” is not an age (0 to 94, "
                                                "or 95+) nor a five-year band (0_4 to 90_94, or 95+)" },
  { "gp-reg-pat-prac-sing-age-male-age-130.csv", 0, ", line 2, column AGE: “130” is not an age (0 to 94, or "
                                                    "95+) nor a five-year band (0_4 to 90_94, or 95+)" },
  { "workforce March 2023 negative.csv", LP_IMPORT_WORKFORCE_HIGH_LEVEL, ", line 2, column VALUE: “-2.5” is not "
    "a number of 0 or more (nor a missing-value marker such as ND or NA)" },
  { "workforce March 2023 words.csv", LP_IMPORT_WORKFORCE_HIGH_LEVEL, ", line 2, column VALUE: “lots” is not a "
    "number of 0 or more (nor a missing-value marker such as ND or NA)" },
  { "list_size.csv", LP_IMPORT_PLAN_TABLE, ", line 2, column patients: “abc” is not a whole number" },
  { "locality.csv", LP_IMPORT_PLAN_TABLE,
    ", line 2: the plan refuses this row (NOT NULL constraint failed: locality.notes)" },
};

typedef struct {
  char   *dir;
  char   *path;
  LpPlan *plan;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) sample = lp_plan_open (g_getenv ("LP_SAMPLE_PLAN"), LP_PLAN_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  f->dir = test_tmp_dir ();
  f->path = test_tmp_path (f->dir, "plan.lpplan");
  g_assert_true (lp_plan_save_copy (sample, f->path, &error));
  f->plan = lp_plan_open (f->path, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->plan);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
assert_import_fails (Fixture    *f,
                     const char *file,
                     LpImportKind kind,
                     const char *expected)
{
  g_autofree char *before = test_file_checksum (f->path);
  g_autofree char *after = NULL;
  g_autofree char *message = g_strconcat (file, expected, NULL);
  LpImportOptions options = { .kind = kind, .add_new_practices = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpImportReport) report = lp_plan_import (f->plan, file, &options, NULL, NULL, &error);

  g_assert_null (report);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  after = test_file_checksum (f->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_bad_file (Fixture *f, gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "fixtures", "bad", bad->file, NULL);

  assert_import_fails (f, file, bad->kind, bad->expected);
}

/* Text that looks like a formula or SQL, very long text and any script
 * are names like any other: stored exactly as written, nothing run. */
static void
test_hostile_names (Fixture *f, gconstpointer data)
{
  g_autofree char *file = test_tmp_path (f->dir, "locality.csv");
  g_autofree char *long_name = g_strnfill (300, 'L');
  const char *names[] = { "=HYPERLINK(\"http://example.com\",\"click\")", "'); DROP TABLE practice;--",
                          long_name, "Caerdydd – Ysbyty’r Waun", "+44 Ward", "@Home", NULL };
  g_autoptr(GString) csv = g_string_new ("id,name,code,notes\r\n");
  LpImportOptions options = { .kind = LP_IMPORT_PLAN_TABLE };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpImportReport) report = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (names[i], "\"", -1);
      g_autofree char *quoted = g_strjoinv ("\"\"", parts);

      g_string_append_printf (csv, "%u,\"%s\",,\"\"\r\n", 900 + i, quoted);
    }
  test_write_file (file, csv->str, (gssize) csv->len);
  report = lp_plan_import (f->plan, file, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_imported, ==, g_strv_length ((char **) names));
  for (guint i = 0; names[i] != NULL; i++)
    {
      /* The test's own SQL doubles the quote; the plan holds the text. */
      g_auto(GStrv) parts = g_strsplit (names[i], "'", -1);
      g_autofree char *escaped = g_strjoinv ("''", parts);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM locality WHERE id = %u AND name = '%s'", 900 + i, escaped);
      g_assert_cmpint (test_sql_int (f->path, sql), ==, 1);
    }
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM practice"), >, 0);   /* nothing dropped */
}

/* A 10 MB field is refused by the reader's cap, not read into memory. */
static void
test_huge_field (Fixture *f, gconstpointer data)
{
  g_autofree char *file = test_tmp_path (f->dir, "huge-field.csv");
  GString *text = g_string_new ("PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,"
                                "NUMBER_OF_PATIENTS\nGP_PRAC_PAT_LIST,01JAN2021,GP,06K,E38000049,X06K01,\"");

  for (guint i = 0; i < 10 * 1024 * 1024 / 64; i++)
    g_string_append (text, "0123456789012345678901234567890123456789012345678901234567890123");
  g_string_append (text, "\",ALL,ALL,12400\n");
  test_write_file (file, text->str, text->len);
  g_string_free (text, TRUE);
  assert_import_fails (f, file, 0, ", line 2: a field is longer than the 1 MiB this reader accepts");
}

static void
test_skip_bad_rows (Fixture *f, gconstpointer data)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "fixtures", "bad", "duplicate-practice.csv", NULL);
  LpImportOptions options = { .skip_bad_rows = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpImportReport) report = lp_plan_import (f->plan, file, &options, NULL, NULL, &error);
  LpImportProblem *problem;

  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_imported, ==, 2);
  g_assert_cmpuint (report->rows_skipped, ==, 1);
  problem = g_ptr_array_index (report->problems, 0);
  g_assert_cmpuint (problem->line, ==, 4);
  g_assert_cmpstr (problem->column, ==, "CODE");
  g_assert_cmpstr (problem->value, ==, "X06K01");
  /* The first figure stands; the duplicate was not taken. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT patients FROM list_size JOIN practice ON id = practice_id "
                                          "WHERE ods_code = 'X06K01' AND extract_date = '2021-01-01'"), ==, 12400);
}

static void
test_latin1_is_read_and_reported (Fixture *f, gconstpointer data)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "fixtures", "bad", "latin1-postcode.csv", NULL);
  LpImportOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpImportReport) report = lp_plan_import (f->plan, file, &options, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (report->latin1);
  g_assert_cmpuint (report->rows_imported, ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = bad_files[i].kind == 0
        ? g_strdup_printf ("/import/bad/%s", bad_files[i].file)
        : g_strdup_printf ("/import/bad/as-kind-%d/%s", bad_files[i].kind, bad_files[i].file);
      g_test_add (name, Fixture, &bad_files[i], fixture_set_up, test_bad_file, fixture_tear_down);
    }
  g_test_add ("/import/bad/huge-field", Fixture, NULL, fixture_set_up, test_huge_field, fixture_tear_down);
  g_test_add ("/import/skip-bad-rows", Fixture, NULL, fixture_set_up, test_skip_bad_rows, fixture_tear_down);
  g_test_add ("/import/latin1", Fixture, NULL, fixture_set_up, test_latin1_is_read_and_reported, fixture_tear_down);
  g_test_add ("/import/hostile-names", Fixture, NULL, fixture_set_up, test_hostile_names, fixture_tear_down);
  return g_test_run ();
}
