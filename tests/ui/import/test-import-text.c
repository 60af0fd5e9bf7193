/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import dialog's and export's helpers that need no display: their
 * wording (lp-import-text.c, lp-export-task.c) and the worker tasks that
 * import, check, peek and export through connections of their own. */
#include "config.h"

#include <glib/gstdio.h>

#include "lp-export-task.h"
#include "lp-import-task.h"
#include "lp-import-text.h"
#include "lp-sample-copy.h"

/* A report as a dry run of tests/fixtures/import/gp-reg-pat-prac-all.csv
 * on the sample plan gives it. */
static LpImportReport *
totals_report (void)
{
  LpImportReport *report = g_new0 (LpImportReport, 1);

  report->kind = LP_IMPORT_GP_REG_TOTALS;
  report->extract_date = g_strdup ("2021-01-01");
  report->rows_read = 4;
  report->rows_imported = 3;
  report->unknown_practices = 1;
  report->problems = g_ptr_array_new ();
  report->missing_practices = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < 54; i++)
    g_ptr_array_add (report->missing_practices, g_strdup_printf ("E82%03u", i));
  return report;
}

static void
test_kind (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpstr (lp_import_text_kind (LP_IMPORT_GP_REG_TOTALS), ==, "NHS Digital practice list sizes");
  g_assert_cmpstr (lp_import_text_kind (LP_IMPORT_ODS_EPRACCUR), ==, "ODS list of GP practices (epraccur)");
  /* Every kind has words of its own. */
  for (int kind = LP_IMPORT_UNKNOWN; kind <= LP_IMPORT_PLAN_TABLE; kind++)
    g_assert_true (g_hash_table_add (seen, (gpointer) lp_import_text_kind (kind)));

  g_assert_true (lp_import_text_adds_by_default (LP_IMPORT_ODS_EPRACCUR));
  g_assert_true (lp_import_text_adds_by_default (LP_IMPORT_GP_REG_MAP));
  g_assert_false (lp_import_text_adds_by_default (LP_IMPORT_GP_REG_TOTALS));
  g_assert_false (lp_import_text_adds_by_default (LP_IMPORT_GP_REG_SINGLE_AGE));
  g_assert_true (lp_import_text_offers_add (LP_IMPORT_GP_REG_QUINARY));
  g_assert_false (lp_import_text_offers_add (LP_IMPORT_PLAN_TABLE));
}

static void
test_outcome (void)
{
  g_autoptr(LpImportReport) report = totals_report ();
  g_auto(GStrv) first = lp_import_text_outcome (report, 57);
  g_auto(GStrv) second = NULL;
  const char * const expected_first[] = {
    "4 rows; 3 to import.",
    "1 practice is not in the plan and will be skipped.",
    "54 of the plan’s 57 practices are not in the file.",
    NULL,
  };
  const char * const expected_second[] = {
    "1 row; 1 to import.",
    "2 bad rows will be skipped and listed.",
    "6,612 practices are not in the plan and will be added.",
    "Every practice in the plan is in the file.",
    "The file is not UTF-8; it will be read as Latin-1.",
    NULL,
  };

  g_assert_cmpstrv (first, expected_first);
  report->rows_read = report->rows_imported = 1;
  report->rows_skipped = 2;
  report->unknown_practices = 0;
  report->new_practices = 6612;
  report->latin1 = TRUE;
  g_ptr_array_set_size (report->missing_practices, 0);
  second = lp_import_text_outcome (report, 57);
  g_assert_cmpstrv (second, expected_second);
}

/* An ODS dry run of the 06K status fixture: the preview says how many
 * practices are active, closed and dormant (the "61 practices: 57
 * active, 3 closed, 1 dormant"). */
static void
test_outcome_statuses (void)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                "epraccur-06k-status.csv", NULL);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "statuses", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.lpplan", NULL);
  LpImportOptions options = { .add_new_practices = TRUE, .commissioner = "06K", .dry_run = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = NULL;
  g_autoptr(LpImportReport) report = NULL;
  g_autoptr(GPtrArray) facts = NULL;
  g_auto(GStrv) outcome = NULL;
  g_autofree char *many = NULL;
  const char * const expected[] = {
    "12 rows; 8 to import.",
    "8 practices: 5 active, 2 closed, 1 dormant.",
    "8 practices are not in the plan and will be added.",
    NULL,
  };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  plan = lp_plan_create (path, &error);
  g_assert_no_error (error);
  report = lp_plan_import (plan, csv, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  outcome = lp_import_text_outcome (report, 0);
  g_assert_cmpstrv (outcome, expected);

  facts = lp_import_text_facts (report, &options);
  for (guint i = 0; i < facts->len; i++)
    {
      LpImportFact *fact = g_ptr_array_index (facts, i);

      if (g_str_equal (fact->label, "Active practices"))
        g_assert_cmpstr (fact->value, ==, "5");
      else if (g_str_equal (fact->label, "Closed practices"))
        g_assert_cmpstr (fact->value, ==, "2");
      else if (g_str_equal (fact->label, "Dormant practices"))
        g_assert_cmpstr (fact->value, ==, "1");
    }

  /* The issue's own figures, and a proposed practice when there is one. */
  report->active_practices = 57;
  report->closed_practices = 3;
  report->dormant_practices = 1;
  many = lp_import_text_statuses (report);
  g_assert_cmpstr (many, ==, "61 practices: 57 active, 3 closed, 1 dormant.");
  g_clear_pointer (&many, g_free);
  report->proposed_practices = 1;
  many = lp_import_text_statuses (report);
  g_assert_cmpstr (many, ==, "62 practices: 57 active, 3 closed, 1 dormant, 1 proposed.");
  g_clear_pointer (&many, g_free);
  report->kind = LP_IMPORT_GP_REG_TOTALS;
  g_assert_null (lp_import_text_statuses (report));
}

static void
test_imported (void)
{
  static const struct {
    LpImportKind  kind;
    guint64       rows;
    const char   *expected;
  } cases[] = {
    { LP_IMPORT_GP_REG_TOTALS, 6612, "Imported 6,612 list sizes from f.csv" },
    { LP_IMPORT_GP_REG_TOTALS, 1, "Imported 1 list size from f.csv" },
    { LP_IMPORT_GP_REG_QUINARY, 20, "Imported 20 list sizes by age from f.csv" },
    { LP_IMPORT_ODS_EPRACCUR, 1, "Imported 1 practice from f.csv" },
    { LP_IMPORT_GP_REG_MAP, 3, "Imported 3 practices from f.csv" },
    { LP_IMPORT_PLAN_TABLE, 2, "Imported 2 rows from f.csv" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LpImportReport report = { .kind = cases[i].kind, .rows_imported = cases[i].rows };
      g_autofree char *text = lp_import_text_imported (&report, "f.csv");

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static char *
facts_text (const LpImportReport  *report,
            const LpImportOptions *options)
{
  g_autoptr(GPtrArray) facts = lp_import_text_facts (report, options);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < facts->len; i++)
    {
      LpImportFact *fact = g_ptr_array_index (facts, i);
      g_string_append_printf (text, "%s=%s;", fact->label, fact->value);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The counts an option makes possible show even at 0; others only when
 * something happened. */
static void
test_facts (void)
{
  g_autoptr(LpImportReport) report = totals_report ();
  LpImportOptions plain = { 0 };
  LpImportOptions both = { .skip_bad_rows = TRUE, .add_new_practices = TRUE };
  g_autofree char *a = facts_text (report, &plain);
  g_autofree char *b = NULL;

  g_assert_cmpstr (a, ==, "Rows read=4;Rows imported=3;Practices not in the plan, skipped=1;"
                          "Plan practices not in the file=54;Extract date=01/01/2021;");
  report->unknown_practices = 0;
  report->latin1 = TRUE;
  g_clear_pointer (&report->extract_date, g_free);
  b = facts_text (report, &both);
  g_assert_cmpstr (b, ==, "Rows read=4;Rows imported=3;Bad rows skipped=0;Practices added=0;"
                          "Plan practices not in the file=54;"
                          "Characters=Read as Latin-1: the file is not UTF-8;");
}

static void
test_problem (void)
{
  LpImportProblem value = {
    .line = 14, .column = (char *) "NUMBER_OF_PATIENTS", .value = (char *) "12a",
  };
  LpImportProblem row = { .line = 9 };
  g_autofree char *a = lp_import_text_problem_title (&value);
  g_autofree char *b = lp_import_text_problem_title (&row);
  g_autofree char *more = lp_import_text_more_problems (1234);
  g_autofree char *one = lp_import_text_more_problems (1);

  g_assert_cmpstr (a, ==, "Line 14 · NUMBER_OF_PATIENTS · “12a”");
  g_assert_cmpstr (b, ==, "Line 9");
  g_assert_cmpstr (more, ==, "And 1,234 more rejected rows");
  g_assert_cmpstr (one, ==, "And 1 more rejected row");
}

static void
test_cell (void)
{
  g_autofree char *forty = g_strnfill (40, 'a');
  g_autofree char *long_field = g_strnfill (10 * 1024 * 1024, 'b');
  g_autofree char *expected_long = g_strconcat ("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "…", NULL);
  g_autoptr(GString) accents = g_string_new (NULL);
  g_autofree char *a = lp_import_text_cell (NULL);
  g_autofree char *b = lp_import_text_cell ("X06K01");
  g_autofree char *c = lp_import_text_cell (forty);
  g_autofree char *d = lp_import_text_cell (long_field);
  g_autofree char *e = NULL, *f = NULL;

  for (int i = 0; i < 60; i++)
    g_string_append (accents, "é");
  e = lp_import_text_cell (accents->str);
  f = lp_import_text_cell ("Caf\xe9");   /* Latin-1, not UTF-8 */

  g_assert_cmpstr (a, ==, "");
  g_assert_cmpstr (b, ==, "X06K01");
  g_assert_cmpstr (c, ==, forty);
  g_assert_cmpstr (d, ==, expected_long);
  g_assert_cmpint (g_utf8_strlen (e, -1), ==, 40);
  g_assert_true (g_str_has_suffix (e, "é…"));
  g_assert_true (g_utf8_validate (f, -1, NULL));
}

static void
test_columns_note (void)
{
  const char * const header[] = { "PUBLICATION", "EXTRACT_DATE", "CODE", "NUMBER_OF_PATIENTS", NULL };
  const char * const used[] = { "CODE", "NUMBER_OF_PATIENTS", "EXTRACT_DATE", NULL };
  const char * const none[] = { NULL };
  g_autofree char *a = lp_import_text_columns_note (header, used, 4, 4);
  g_autofree char *b = lp_import_text_columns_note (header, used, 2, 4);
  g_autofree char *c = lp_import_text_columns_note (header, NULL, 2, 836);
  g_autofree char *d = lp_import_text_columns_note (NULL, none, 12, 12);

  g_assert_cmpstr (a, ==, "Uses the columns EXTRACT_DATE, CODE, NUMBER_OF_PATIENTS.");
  g_assert_cmpstr (b, ==, "Uses the columns EXTRACT_DATE, CODE, NUMBER_OF_PATIENTS. "
                          "Showing the first 2 of 4 columns.");
  g_assert_cmpstr (c, ==, "Showing the first 2 of 836 columns.");
  g_assert_null (d);
}

static void
test_progress (void)
{
  g_autofree char *a = lp_import_text_progress (12345, 1000000, 4000000);
  g_autofree char *b = lp_import_text_progress (0, 0, 0);
  g_autofree char *c = lp_import_text_progress (1, 20, 40);

  g_assert_cmpfloat (lp_import_text_fraction (0, 0), ==, 0.0);
  g_assert_cmpfloat (lp_import_text_fraction (50, 200), ==, 0.25);
  g_assert_cmpfloat (lp_import_text_fraction (300, 200), ==, 1.0);
  /* g_format_size() keeps a figure and its unit together, bytes aside. */
  g_assert_cmpstr (a, ==, "12,345 rows · 1.0\u00a0MB of 4.0\u00a0MB · 25 %");
  g_assert_cmpstr (b, ==, "0 rows · 0 bytes of 0 bytes · 0 %");
  g_assert_cmpstr (c, ==, "1 row · 20 bytes of 40 bytes · 50 %");
  g_assert_cmpstr (lp_import_text_unchanged (), ==, "Nothing was imported; the plan is unchanged.");
}

static void
test_export_text (void)
{
  g_autofree char *a = lp_export_task_suggested_name ("practices", "Herts", FALSE);
  g_autofree char *b = lp_export_task_suggested_name ("list_size", NULL, TRUE);
  g_autofree char *c = lp_export_task_suggested_name ("all", "Herts/Beds 2019", FALSE);
  g_autofree char *d = lp_export_task_suggested_name ("all", NULL, TRUE);
  g_autofree char *e = lp_export_task_with_suffix ("/d/practices", TRUE);
  g_autofree char *f = lp_export_task_with_suffix ("/d/practices", FALSE);
  g_autofree char *g = lp_export_task_with_suffix ("/d/Practices.XLSX", TRUE);
  g_autofree char *h = lp_export_task_done_text ("practices", "/d/practices.xlsx");
  g_autofree char *i = lp_export_task_done_text ("all", "/d/Herts.xlsx");
  g_autofree char *j = lp_export_task_title ("practices");
  g_autofree char *k = lp_export_task_title ("all");
  g_autofree char *l = lp_export_task_title ("list_size");

  g_assert_cmpstr (a, ==, "practices.xlsx");
  g_assert_cmpstr (b, ==, "list_size.csv");
  g_assert_cmpstr (c, ==, "Herts-Beds 2019.xlsx");
  g_assert_cmpstr (d, ==, "plan.xlsx");
  g_assert_cmpstr (e, ==, "/d/practices.csv");
  g_assert_cmpstr (f, ==, "/d/practices.xlsx");
  g_assert_cmpstr (g, ==, "/d/Practices.XLSX");
  g_assert_cmpstr (h, ==, "Exported practices to practices.xlsx");
  g_assert_cmpstr (i, ==, "Exported every table to Herts.xlsx");
  g_assert_cmpstr (j, ==, "Export Practices");
  g_assert_cmpstr (k, ==, "Export Every Table");
  g_assert_cmpstr (l, ==, "Export list_size");
}

static char *
sample_copy (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "scratch", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *made;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  made = lp_sample_copy_ensure_at (g_getenv ("LP_SAMPLE_PLAN"), path, &error);
  g_assert_no_error (error);
  return made;
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
progress_cb (guint64  rows_read,
             guint64  bytes_read,
             guint64  bytes_total,
             gpointer user_data)
{
  /* Progress comes to the thread that started the import. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpuint (bytes_read, <=, bytes_total);
  (*(guint *) user_data)++;
}

static LpImportOutcome *
run_import (const char            *plan,
            const char            *csv,
            const LpImportOptions *options,
            GCancellable          *cancellable,
            guint                 *progress,
            GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lp_import_task_run_async (NULL, plan, csv, options, cancellable, progress_cb, progress,
                            result_cb, &result);
  wait_result (&result);
  /* Progress comes at idle priority, after the redraws it is for; the
   * last of it may come after the result. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return lp_import_task_run_finish (result, error);
}

/* A dry run reports and changes nothing; a cancelled import changes
 * nothing; an import changes the file, through its own connection. */
static void
test_import_task (void)
{
  g_autofree char *plan = sample_copy ("Task.lpplan");
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                "gp-reg-pat-prac-all.csv", NULL);
  LpImportOptions dry = { .dry_run = TRUE, .commissioner = "06K" };
  LpImportOptions real = { 0 };
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(LpImportOutcome) check = NULL, outcome = NULL, none = NULL;
  g_autoptr(GError) error = NULL;
  guint progress = 0;

  check = run_import (plan, csv, &dry, NULL, &progress, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (check->report->unknown_practices, ==, 1);
  g_assert_cmpuint (check->plan_practices, ==, 57);
  g_assert_cmpuint (progress, >, 0);

  g_cancellable_cancel (cancelled);
  none = run_import (plan, csv, &real, cancelled, &progress, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  outcome = run_import (plan, csv, &real, NULL, &progress, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outcome->report->rows_imported, ==, 3);
  g_assert_cmpstr (outcome->report->extract_date, ==, "2021-01-01");
}

static void
test_peek_and_export_task (void)
{
  g_autofree char *plan = sample_copy ("Peek.lpplan");
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "epraccur.csv", NULL);
  g_autofree char *out = g_build_filename (g_get_user_data_dir (), "scratch", "localities.csv", NULL);
  g_autoptr(GAsyncResult) peeked = NULL;
  g_autoptr(GAsyncResult) exported = NULL;
  g_autoptr(LpImportPeek) peek = NULL;
  g_autoptr(GError) error = NULL;

  lp_import_task_peek_async (NULL, csv, 2, NULL, result_cb, &peeked);
  peek = lp_import_task_peek_finish (wait_result (&peeked), &error);
  g_assert_no_error (error);
  g_assert_cmpint (peek->kind, ==, LP_IMPORT_ODS_EPRACCUR);
  g_assert_null (peek->header);
  g_assert_cmpuint (peek->rows->len, ==, 2);

  lp_export_task_run_async (NULL, plan, "localities", NULL, out, LP_EXPORT_DEFAULT, NULL,
                            result_cb, &exported);
  g_assert_true (lp_export_task_run_finish (wait_result (&exported), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/import-text/kind", test_kind);
  g_test_add_func ("/import-text/outcome", test_outcome);
  g_test_add_func ("/import-text/outcome-statuses", test_outcome_statuses);
  g_test_add_func ("/import-text/imported", test_imported);
  g_test_add_func ("/import-text/facts", test_facts);
  g_test_add_func ("/import-text/problem", test_problem);
  g_test_add_func ("/import-text/cell", test_cell);
  g_test_add_func ("/import-text/columns-note", test_columns_note);
  g_test_add_func ("/import-text/progress", test_progress);
  g_test_add_func ("/export-task/text", test_export_text);
  g_test_add_func ("/import-task/import", test_import_task);
  g_test_add_func ("/import-task/peek-and-export", test_peek_and_export_task);
  return g_test_run ();
}
