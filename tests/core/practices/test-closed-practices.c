/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Closed and dormant practices: kept, but left out of every count from
 * their close date on.  tests/fixtures/import/epraccur-06k-status.csv
 * holds 06K's X06K01-X06K08 (all in the sample's North Herts): X06K02
 * (12,617 patients) closed on 2018-08-15, X06K06 (10,962) closed without a
 * date, X06K04 (6,790) dormant without one, the other five active; and a
 * prison of 06K and three practices of 00L that an import for 06K leaves
 * out. */
#include "core-test-util.h"

static char *
status_fixture (void)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", "epraccur-06k-status.csv", NULL);
}

static LpImportReport *
import_statuses (LpPlan *plan)
{
  LpImportOptions options = { .add_new_practices = TRUE, .commissioner = "06K" };
  g_autofree char *file = status_fixture ();
  g_autoptr(GError) error = NULL;
  LpImportReport *report = lp_plan_import (plan, file, &options, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* Into an empty plan: eight practices kept, five counted. */
static void
test_import_counts_active (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = test_tmp_path (dir, "empty.lpplan");
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_create (path, &error);
  g_autoptr(LpImportReport) dry = NULL;
  g_autoptr(LpImportReport) report = NULL;
  g_autoptr(GListModel) practices = NULL;
  LpOverview overview;
  LpImportOptions dry_run = { .add_new_practices = TRUE, .commissioner = "06K", .dry_run = TRUE };
  g_autofree char *file = status_fixture ();

  g_assert_no_error (error);
  /* The preview's counts come from a dry run that keeps nothing. */
  dry = lp_plan_import (plan, file, &dry_run, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dry->rows_read, ==, 12);
  g_assert_cmpuint (dry->rows_imported, ==, 8);
  g_assert_cmpuint (dry->active_practices, ==, 5);
  g_assert_cmpuint (dry->closed_practices, ==, 2);
  g_assert_cmpuint (dry->dormant_practices, ==, 1);
  g_assert_cmpuint (dry->proposed_practices, ==, 0);
  g_assert_cmpint (test_sql_int (path, "SELECT count (*) FROM practice"), ==, 0);

  report = import_statuses (plan);
  g_assert_cmpuint (report->new_practices, ==, 8);
  g_assert_cmpuint (report->active_practices, ==, 5);
  g_assert_cmpint (test_sql_int (path, "SELECT count (*) FROM practice"), ==, 8);
  g_assert_cmpint (test_sql_int (path, "SELECT count (*) FROM practice "
                                       "WHERE ods_code = 'X06K02' AND status = 'closed' AND close_date = '2018-08-15'"), ==, 1);
  g_assert_cmpint (test_sql_int (path, "SELECT count (*) FROM practice "
                                       "WHERE ods_code = 'X06K06' AND status = 'closed' AND close_date IS NULL"), ==, 1);
  g_assert_cmpint (test_sql_int (path, "SELECT count (*) FROM practice "
                                       "WHERE ods_code = 'X06K04' AND status = 'dormant' AND close_date IS NULL"), ==, 1);
  g_assert_cmpint (test_sql_int (path, "SELECT count (*) FROM practice WHERE status = 'active' AND close_date IS NULL"),
                   ==, 5);

  /* The plan has no reference date: judged today, long after 2018. */
  g_assert_true (lp_plan_get_overview (plan, "2024-06-01", 6, &overview, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (overview.summary.practices, ==, 5);
  g_assert_cmpuint (overview.summary.closed_practices, ==, 3);
  lp_overview_clear (&overview);

  practices = lp_plan_list_practices (plan, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (practices), ==, 8);
  for (guint i = 0; i < g_list_model_get_n_items (practices); i++)
    {
      g_autoptr(LpPractice) practice = g_list_model_get_item (practices, i);
      const char *code = lp_practice_get_ods_code (practice);
      gboolean closed = g_str_equal (code, "X06K02") || g_str_equal (code, "X06K04") ||
                        g_str_equal (code, "X06K06");

      g_assert_cmpint (lp_practice_is_closed (practice), ==, closed);
      g_assert_cmpint (lp_practice_get_counted (practice), ==, !closed);
      g_assert_cmpstr (lp_practice_get_close_date (practice), ==,
                       g_str_equal (code, "X06K02") ? "2018-08-15" : NULL);
    }

  /* The practices export keeps them, with status and close date. */
  {
    g_autofree char *csv = test_tmp_path (dir, "practices.csv");
    g_autofree char *text = NULL;
    g_autoptr(GPtrArray) rows = NULL;

    g_assert_true (lp_plan_export_query (plan, "practices", NULL, csv, LP_EXPORT_DEFAULT, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
    rows = test_parse_csv (text);
    g_assert_cmpuint (rows->len, ==, 1 + 8);
    g_assert_cmpstr (test_csv_cell (rows, 0, 4), ==, "Status");
    g_assert_cmpstr (test_csv_cell (rows, 0, 5), ==, "Closed on");
    g_assert_cmpstr (test_csv_cell (rows, 0, 0), ==, "Code");
    g_assert_cmpstr (g_ptr_array_index (test_csv_find_row (rows, 0, "X06K02"), 4), ==, "closed");
    g_assert_cmpstr (g_ptr_array_index (test_csv_find_row (rows, 0, "X06K02"), 5), ==, "2018-08-15");
    g_assert_cmpstr (g_ptr_array_index (test_csv_find_row (rows, 0, "X06K04"), 4), ==, "dormant");
    g_assert_null (g_ptr_array_index (test_csv_find_row (rows, 0, "X06K04"), 5));
  }
  g_clear_object (&plan);
  test_rm_rf (dir);
}

/* Before its close date a practice counts: the sample plan read as at a
 * day in July 2018 counts X06K02 but never X06K04 or X06K06. */
static void
test_summary_before_close_date (TestSample *f, gconstpointer data)
{
  g_autoptr(LpImportReport) report = import_statuses (f->plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpLocality) north_herts = NULL;
  LpPlanSummary summary;

  g_assert_true (lp_plan_set_info (f->plan, "reference_date", "2018-07-01", &error));
  g_assert_no_error (error);
  g_assert_true (lp_plan_get_summary (f->plan, &summary, &error));
  g_assert_cmpuint (summary.practices, ==, 57 - 2);
  g_assert_cmpint (summary.registered_patients, ==, 596907 - 6790 - 10962);
  north_herts = lp_plan_get_locality (f->plan, lp_plan_find_locality (f->plan, "North Herts"), &error);
  g_assert_cmpuint (lp_locality_get_practice_count (north_herts), ==, 12 - 2);
  g_assert_cmpint (lp_locality_get_registered_patients (north_herts), ==, 116154 - 6790 - 10962);

  /* The sample's own date, 2018-10-01, is after X06K02 closed. */
  g_assert_true (lp_plan_set_info (f->plan, "reference_date", "2018-10-01", &error));
  g_assert_true (lp_plan_get_summary (f->plan, &summary, &error));
  g_assert_cmpuint (summary.practices, ==, 54);
  g_assert_cmpint (summary.registered_patients, ==, 596907 - 30369);
}

/* North Herts: 116,154 patients in 12 practices, all on one 2018-01-01
 * extract.  X06K04 and X06K06 never count: 98,402 patients.  X06K02 counts
 * in July and August (open on the 1st), not from September: 85,785. */
static void
test_access_until_close_date (TestSample *f, gconstpointer data)
{
  g_autoptr(LpImportReport) report = import_statuses (f->plan);
  gint64 north_herts = lp_plan_find_locality (f->plan, "North Herts");
  LpAccessQuery query = { north_herts, 0, "2018-07", "2018-09", FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpAccessTable) table = lp_plan_access (f->plan, &query, &error);
  g_autoptr(GPtrArray) july = NULL;
  g_autoptr(GPtrArray) september = NULL;
  g_autoptr(GPtrArray) capacity = NULL;
  const LpAccessMonth *month;

  g_assert_no_error (error);
  g_assert_cmpuint (table->months->len, ==, 3);
  month = g_ptr_array_index (table->months, 0);
  g_assert_cmpstr (month->month, ==, "2018-07");
  g_assert_cmpint (month->population, ==, 98402);
  /* Live in July: X06K01, 02, 03, 05, 07, 08 and 09 (X06K04 and 06 are
   * live too, but closed). */
  g_assert_cmpfloat_with_epsilon (month->planned, 67010.0 / 98402.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (month->required_minutes, 98402 * 30 / 1000.0, 1e-9);
  g_assert_cmpint (month->offered_minutes, ==, 2595 - 210 - 330);
  month = g_ptr_array_index (table->months, 1);
  g_assert_cmpint (month->population, ==, 98402);
  g_assert_cmpint (month->offered_minutes, ==, 3555 - 210 - 330);
  month = g_ptr_array_index (table->months, 2);
  g_assert_cmpstr (month->month, ==, "2018-09");
  g_assert_cmpint (month->population, ==, 85785);
  g_assert_cmpfloat_with_epsilon (month->planned, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (month->required_minutes, 2573.55, 1e-9);
  g_assert_cmpint (month->offered_minutes, ==, 3555 - 210 - 330 - 390);

  july = lp_plan_access_practices (f->plan, &query, "2018-07", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (july->len, ==, 10);
  september = lp_plan_access_practices (f->plan, &query, "2018-09", &error);
  g_assert_cmpuint (september->len, ==, 9);

  query.locality_id = 0;
  capacity = lp_plan_access_capacity (f->plan, &query, "2018-09", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < capacity->len; i++)
    {
      const LpAccessCapacity *locality = g_ptr_array_index (capacity, i);

      if (locality->locality_id != north_herts)
        continue;
      g_assert_cmpint (locality->population, ==, 85785);
      g_assert_cmpint (locality->offered_minutes, ==, 2625);
      g_assert_cmpfloat_with_epsilon (locality->required_minutes, 2573.55, 1e-9);
      north_herts = 0;
    }
  g_assert_cmpint (north_herts, ==, 0);
}

/* The model's population and each practice's share leave the closed
 * practices out, so the nine others still make the whole. */
static void
test_model_shares_without_closed (TestSample *f, gconstpointer data)
{
  g_autoptr(LpImportReport) report = import_statuses (f->plan);
  gint64 north_herts = lp_plan_find_locality (f->plan, "North Herts");
  LpModelQuery query = { north_herts, 0, LP_PER_WEEK };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpModelTable) table = lp_plan_model (f->plan, &query, &error);
  g_autoptr(GPtrArray) practices = NULL;
  g_autoptr(LpPracticeModel) page = NULL;
  double share = 0;

  g_assert_no_error (error);
  g_assert_cmpint (table->population, ==, 85785);
  practices = lp_plan_model_practices (f->plan, &query, table, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (practices->len, ==, 9);
  for (guint i = 0; i < practices->len; i++)
    {
      const LpModelPractice *practice = g_ptr_array_index (practices, i);

      g_assert_cmpstr (practice->ods_code, !=, "X06K02");
      g_assert_cmpstr (practice->ods_code, !=, "X06K04");
      g_assert_cmpstr (practice->ods_code, !=, "X06K06");
      if (g_str_equal (practice->ods_code, "X06K01"))
        g_assert_cmpfloat_with_epsilon (practice->share, 12326.0 / 85785.0, 1e-15);
      share += practice->share;
    }
  g_assert_cmpfloat_with_epsilon (share, 1.0, 1e-12);

  /* The closed practice's own page: no share. */
  page = lp_plan_model_practice (f->plan, lp_plan_find_practice (f->plan, "X06K02"), 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (page->closed);
  g_assert_cmpstr (page->close_date, ==, "2018-08-15");
  g_assert_cmpfloat (page->share, ==, 0.0);
}

/* The GPs of one practice of North Herts, before any is closed. */
static LpWorkforceTable *
gp_table (LpPlan     *plan,
          gint64      locality_id,
          const char *ods_code)
{
  LpWorkforceQuery query = { locality_id, 0, 0, "GP", NULL };
  g_autoptr(GError) error = NULL;
  LpWorkforceTable *table;

  if (ods_code != NULL)
    query.practice_id = lp_plan_find_practice (plan, ods_code);
  table = lp_plan_workforce (plan, &query, &error);
  g_assert_no_error (error);
  return table;
}

static double
quarter_plan (const LpWorkforceTable *table,
              guint                   k)
{
  return ((const LpWorkforceQuarter *) g_ptr_array_index (table->quarters, k))->plan;
}

/* A closed practice's staff leave the projection from the first quarter
 * it is closed on the first day of: X06K02, closed on 2018-08-15, still
 * counts in 2018/19 Q2 and not from Q3; X06K04 and X06K06, closed without
 * a date, not at all.  Every other practice's GPs are as they were. */
static void
test_workforce_staff_leave (TestSample *f, gconstpointer data)
{
  gint64 north_herts = lp_plan_find_locality (f->plan, "North Herts");
  g_autoptr(LpWorkforceTable) open = gp_table (f->plan, north_herts, NULL);
  g_autoptr(LpWorkforceTable) k02 = gp_table (f->plan, 0, "X06K02");
  g_autoptr(LpWorkforceTable) k04 = gp_table (f->plan, 0, "X06K04");
  g_autoptr(LpWorkforceTable) k06 = gp_table (f->plan, 0, "X06K06");
  g_autoptr(LpImportReport) report = import_statuses (f->plan);
  g_autoptr(LpWorkforceTable) closed = gp_table (f->plan, north_herts, NULL);
  guint third_quarter = G_MAXUINT;

  g_assert_cmpuint (closed->quarters->len, ==, open->quarters->len);
  g_assert_cmpfloat (quarter_plan (k02, 0), >, 0);
  g_assert_cmpfloat (quarter_plan (k04, 0), >, 0);
  g_assert_cmpfloat (quarter_plan (k06, 0), >, 0);
  for (guint k = 0; k < open->quarters->len; k++)
    {
      const LpWorkforceQuarter *quarter = g_ptr_array_index (closed->quarters, k);
      gboolean k02_closed = strcmp (quarter->start, "2018-10-01") >= 0;
      double expected = quarter_plan (open, k) - quarter_plan (k04, k) - quarter_plan (k06, k) -
                        (k02_closed ? quarter_plan (k02, k) : 0);

      if (g_str_equal (quarter->start, "2018-10-01"))
        third_quarter = k;
      g_assert_cmpfloat_with_epsilon (quarter->plan, expected, 1e-9);
    }
  g_assert_cmpuint (third_quarter, <, open->quarters->len);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/closed-practices/import-counts-active", test_import_counts_active);
  g_test_add ("/closed-practices/summary-before-close-date", TestSample, NULL,
              test_sample_set_up, test_summary_before_close_date, test_sample_tear_down);
  g_test_add ("/closed-practices/access-until-close-date", TestSample, NULL,
              test_sample_set_up, test_access_until_close_date, test_sample_tear_down);
  g_test_add ("/closed-practices/workforce-staff-leave", TestSample, NULL, test_sample_set_up,
              test_workforce_staff_leave, test_sample_tear_down);
  g_test_add ("/closed-practices/model-shares", TestSample, NULL,
              test_sample_set_up, test_model_shares_without_closed, test_sample_tear_down);
  return g_test_run ();
}
