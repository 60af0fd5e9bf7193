/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Edit dialogs' text is parsed, checked and saved by the core; each problem
 * is reported against its field and nothing is saved. */
#include "core-test-util.h"
#include "lp-practice-private.h"

typedef struct {
  char   *dir;
  LpPlan *plan;
  gint64  locality;
  gint64  practice;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  LpLocalityForm locality = { "Stevenage", "ST", NULL };
  LpPracticeForm practice = { "x06k13", "Stevenage Surgery", "sg1 9zz", 0, "active", NULL, "8,120", "01/01/2018" };
  g_autoptr(GError) error = NULL;

  f->dir = test_tmp_dir ();
  f->plan = test_new_plan (f->dir);
  f->locality = lp_plan_save_locality_form (f->plan, 0, &locality, NULL, &error);
  g_assert_no_error (error);
  practice.locality_id = f->locality;
  f->practice = lp_plan_save_practice_form (f->plan, 0, &practice, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->plan);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
test_practice_saved (Fixture *f, gconstpointer data)
{
  g_autoptr(LpPractice) practice = lp_plan_get_practice (f->plan, f->practice, NULL);

  g_assert_cmpstr (lp_practice_get_ods_code (practice), ==, "X06K13");
  g_assert_cmpstr (lp_practice_get_postcode (practice), ==, "SG1 9ZZ");
  g_assert_cmpint (lp_practice_get_list_size (practice), ==, 8120);
  g_assert_cmpstr (lp_practice_get_list_size_date (practice), ==, "2018-01-01");
}

typedef struct {
  const char *list_size;
  const char *extract_date;
  const char *code;
  const char *field;
  const char *message;
} BadPracticeEdit;

static const BadPracticeEdit bad_practice_edits[] = {
  { "-5", "", "X06K13", LP_FIELD_LIST_SIZE, "List size must be a whole number of 0 or more, not “-5”" },
  { "abc", "", "X06K13", LP_FIELD_LIST_SIZE, "List size must be a whole number of 0 or more, not “abc”" },
  { "8000", "31/02/2018", "X06K13", LP_FIELD_EXTRACT_DATE,
    "As at: “31/02/2018” is not a real date (use DD/MM/YYYY or YYYY-MM-DD)" },
  { "8000", "", "X-6", LP_FIELD_ODS_CODE,
    "Practice code “X-6” is not valid: use 3 to 8 letters and digits, for example D81047" },
};

static void
test_practice_errors_at_field (Fixture *f, gconstpointer data)
{
  g_autofree char *before = test_file_checksum (lp_plan_get_path (f->plan));

  for (guint i = 0; i < G_N_ELEMENTS (bad_practice_edits); i++)
    {
      const BadPracticeEdit *bad = &bad_practice_edits[i];
      LpPracticeForm form = { bad->code, "Stevenage Surgery", "SG1 9ZZ", f->locality, "active", NULL,
                              bad->list_size, bad->extract_date };
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      const char *field = NULL;

      g_assert_cmpint (lp_plan_save_practice_form (f->plan, f->practice, &form, &field, &error), ==, 0);
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
      g_assert_cmpstr (field, ==, bad->field);
      g_assert_cmpstr (error->message, ==, bad->message);
      after = test_file_checksum (lp_plan_get_path (f->plan));
      g_assert_cmpstr (after, ==, before);
    }
}

/* A practice closed by hand: the date is read as typed and stored, the
 * practice no longer counts from it, a bad date is refused at its field,
 * clearing the date opens it again, and undo brings the date back. */
static void
test_practice_close_date (Fixture *f, gconstpointer data)
{
  LpPracticeForm form = { "X06K13", "Stevenage Surgery", "SG1 9ZZ", f->locality, "closed", NULL, "", "",
                          "15/08/2018" };
  const char *bad_field = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPractice) closed = NULL;
  g_autoptr(LpPractice) reopened = NULL;
  g_autoptr(LpPractice) undone = NULL;
  LpPlanSummary summary;

  g_assert_cmpint (lp_plan_save_practice_form (f->plan, f->practice, &form, &bad_field, &error), ==, f->practice);
  g_assert_no_error (error);
  closed = lp_plan_get_practice (f->plan, f->practice, NULL);
  g_assert_cmpstr (lp_practice_get_close_date (closed), ==, "2018-08-15");
  g_assert_true (lp_practice_is_closed (closed));
  g_assert_true (lp_practice_counts_on ("2018-08-15", "2018-08-14"));
  g_assert_false (lp_practice_counts_on ("2018-08-15", "2018-08-15"));
  g_assert_true (lp_plan_set_info (f->plan, "reference_date", "2018-10-01", NULL));
  g_assert_true (lp_plan_get_summary (f->plan, &summary, NULL));
  g_assert_cmpuint (summary.practices, ==, 0);
  g_assert_cmpuint (summary.closed_practices, ==, 1);

  form.close_date = "31/02/2018";
  g_assert_cmpint (lp_plan_save_practice_form (f->plan, f->practice, &form, &bad_field, &error), ==, 0);
  g_assert_cmpstr (bad_field, ==, LP_FIELD_CLOSE_DATE);
  g_assert_cmpstr (error->message, ==, "Closed on: “31/02/2018” is not a real date (use DD/MM/YYYY or YYYY-MM-DD)");
  g_clear_error (&error);

  form.status = "active";
  form.close_date = "";
  g_assert_cmpint (lp_plan_save_practice_form (f->plan, f->practice, &form, &bad_field, &error), ==, f->practice);
  g_assert_no_error (error);
  reopened = lp_plan_get_practice (f->plan, f->practice, NULL);
  g_assert_null (lp_practice_get_close_date (reopened));
  g_assert_true (lp_plan_get_summary (f->plan, &summary, NULL));
  g_assert_cmpuint (summary.practices, ==, 1);

  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  undone = lp_plan_get_practice (f->plan, f->practice, NULL);
  g_assert_cmpstr (lp_practice_get_close_date (undone), ==, "2018-08-15");
  g_assert_cmpstr (lp_practice_get_status (undone), ==, "closed");
}

static void
test_practice_duplicate_code (Fixture *f, gconstpointer data)
{
  LpPracticeForm form = { "X06K13", "Another", NULL, 0, "active", NULL, "100", "" };
  g_autoptr(GError) error = NULL;
  const char *field = NULL;

  g_assert_cmpint (lp_plan_save_practice_form (f->plan, 0, &form, &field, &error), ==, 0);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT);
  g_assert_cmpstr (field, ==, LP_FIELD_ODS_CODE);
  g_assert_cmpstr (error->message, ==, "Another practice already has the code X06K13");
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan), "SELECT count(*) FROM practice"), ==, 1);
}

static void
test_blank_list_size_keeps_figures (Fixture *f, gconstpointer data)
{
  LpPracticeForm form = { "X06K13", "Renamed Surgery", "SG1 9ZZ", 0, "active", NULL, "", "" };
  g_autoptr(LpPractice) practice = NULL;

  form.locality_id = f->locality;
  g_assert_cmpint (lp_plan_save_practice_form (f->plan, f->practice, &form, NULL, NULL), ==, f->practice);
  practice = lp_plan_get_practice (f->plan, f->practice, NULL);
  g_assert_cmpstr (lp_practice_get_name (practice), ==, "Renamed Surgery");
  g_assert_cmpint (lp_practice_get_list_size (practice), ==, 8120);
}

static void
test_list_size_defaults_to_latest_extract (Fixture *f, gconstpointer data)
{
  LpPracticeForm form = { "X06K13", "Stevenage Surgery", NULL, 0, "active", NULL, "8,300", NULL };

  g_assert_cmpint (lp_plan_save_practice_form (f->plan, f->practice, &form, NULL, NULL), ==, f->practice);
  /* Replaced at the latest extract, not added as a new one. */
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan), "SELECT count(*) FROM list_size"), ==, 1);
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan),
                                 "SELECT patients FROM list_size WHERE extract_date = '2018-01-01'"), ==, 8300);
}

static void
test_locality_errors (Fixture *f, gconstpointer data)
{
  LpLocalityForm blank = { " ", NULL, NULL };
  LpLocalityForm taken_code = { "Hatfield", "ST", NULL };
  g_autoptr(GError) error = NULL;
  const char *field = NULL;

  g_assert_cmpint (lp_plan_save_locality_form (f->plan, 0, &blank, &field, &error), ==, 0);
  g_assert_cmpstr (field, ==, LP_FIELD_NAME);
  g_clear_error (&error);
  g_assert_cmpint (lp_plan_save_locality_form (f->plan, 0, &taken_code, &field, &error), ==, 0);
  g_assert_cmpstr (field, ==, LP_FIELD_CODE);
  g_assert_cmpstr (error->message, ==, "Another locality already has the code “ST”");
}

typedef struct {
  LpContractForm form;
  const char    *field;
  const char    *message;
} BadContract;

static void
test_contract_form (Fixture *f, gconstpointer data)
{
  LpContractForm good = { "Herts Urgent Care", "Independent", "Integrated Urgent Care", "29/06/2017",
                          "28/06/2022", "24", "£9,213,000", NULL };
  const BadContract bad[] = {
    { { "", "NHS", "Acute", "01/04/2017", "31/03/2019", "", "1", NULL }, LP_FIELD_PROVIDER,
      "Provider must not be empty" },
    { { "ENHT", "NHS", "Acute", "31/02/2017", "31/03/2019", "", "1", NULL }, LP_FIELD_START_DATE,
      "Start date: “31/02/2017” is not a real date (use DD/MM/YYYY or YYYY-MM-DD)" },
    { { "ENHT", "NHS", "Acute", "01/04/2019", "31/03/2019", "", "1", NULL }, LP_FIELD_END_DATE,
      "End date 2019-03-31 is before the start date 2019-04-01" },
    { { "ENHT", "NHS", "Acute", "01/04/2017", "31/03/2019", "two", "1", NULL }, LP_FIELD_EXTENSION,
      "Extension (months) must be a whole number of 0 or more, not “two”" },
    { { "ENHT", "NHS", "Acute", "01/04/2017", "31/03/2019", "", "£12.50", NULL }, LP_FIELD_ANNUAL_VALUE,
      "Annual value must be an amount in whole pounds, such as 1,250,000, not “£12.50”" },
    { { "ENHT", "Charity", "Acute", "01/04/2017", "31/03/2019", "", "1", NULL }, LP_FIELD_SECTOR,
      "Sector must be NHS, Independent or Other, not “Charity”" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpContract) contract = NULL;
  gint64 id = lp_plan_save_contract_form (f->plan, 0, &good, NULL, &error);

  g_assert_no_error (error);
  contract = lp_plan_get_contract (f->plan, id, NULL);
  g_assert_cmpint (lp_contract_get_annual_value_pounds (contract), ==, 9213000);
  g_assert_cmpstr (lp_contract_get_start_date (contract), ==, "2017-06-29");
  g_assert_cmpint (lp_contract_get_extension_months (contract), ==, 24);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) bad_error = NULL;
      const char *field = NULL;

      g_assert_cmpint (lp_plan_save_contract_form (f->plan, id, &bad[i].form, &field, &bad_error), ==, 0);
      g_assert_cmpstr (field, ==, bad[i].field);
      g_assert_cmpstr (bad_error->message, ==, bad[i].message);
    }
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan), "SELECT count(*) FROM contract"), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/form/practice/saved", test_practice_saved);
  ADD ("/form/practice/errors-at-field", test_practice_errors_at_field);
  ADD ("/form/practice/duplicate-code", test_practice_duplicate_code);
  ADD ("/form/practice/close-date", test_practice_close_date);
  ADD ("/form/practice/blank-list-size", test_blank_list_size_keeps_figures);
  ADD ("/form/practice/latest-extract", test_list_size_defaults_to_latest_extract);
  ADD ("/form/locality/errors", test_locality_errors);
  ADD ("/form/contract", test_contract_form);
#undef ADD
  return g_test_run ();
}
