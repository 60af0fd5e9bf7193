/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lp_plan_export_query() for the modelling and activity views' tables:
 * the published Lower Lea Valley figures, the QIPP totals, a scenario's
 * override and the per-week convention, read back from the CSV. */
#include <string.h>

#include "core-test-util.h"

typedef TestSample Fixture;

static GPtrArray *
export_rows (Fixture            *f,
             const char         *name,
             const LpModelQuery *query)
{
  g_autofree char *path = test_tmp_path (f->dir, "export.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (lp_plan_export_query (f->plan, name, query, path, LP_EXPORT_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return test_parse_csv (text);
}

/* @row holds @expected: words as they are, and figures that round to the
 * tenth expected, as the view shows them (the CSV keeps every digit). */
static void
assert_fields (GPtrArray         *row,
               const char *const *expected)
{
  for (guint i = 0; expected[i] != NULL; i++)
    {
      const char *field = g_ptr_array_index (row, i);
      char *end = NULL;
      double figure = g_ascii_strtod (expected[i], &end);

      if (i > 0 && *expected[i] != '\0' && *end == '\0')
        {
          g_assert_nonnull (field);
          g_assert_cmpfloat_with_epsilon (g_ascii_strtod (field, NULL), figure, 0.05 + 1e-9);
        }
      else
        g_assert_cmpstr (field, ==, expected[i]);
    }
  g_assert_cmpuint (row->len, ==, g_strv_length ((char **) expected));
}

/* The row whose first field is @expected[0] holds @expected. */
static void
assert_row (GPtrArray         *rows,
            const char *const *expected)
{
  assert_fields (test_csv_find_row (rows, 0, expected[0]), expected);
}

/* The published Lower Lea Valley table, per month, as the view shows it. */
static void
test_modelling_per_month (Fixture *f, gconstpointer data)
{
  LpModelQuery query = { .per = LP_PER_MONTH };
  g_autoptr(GPtrArray) rows = NULL;

  query.locality_id = lp_plan_find_locality (f->plan, "Lower Lea Valley");
  g_assert_cmpint (query.locality_id, !=, 0);
  rows = export_rows (f, "modelling", &query);
  g_assert_cmpuint (rows->len, ==, 1 + 11);
  assert_fields (g_ptr_array_index (rows, 0), (const char *[]) { "Pathway", "3 years: activity", "3 years: reduced bed days",
                                       "5 years: activity", "5 years: reduced bed days", NULL });
  assert_row (rows, (const char *[]) { "Frailty", "5.5", "8.1", "8.7", "10.4", NULL });
  assert_row (rows, (const char *[]) { "Outpatients", "173.9", "0.0", "275.3", "0.0", NULL });
  assert_row (rows, (const char *[]) { "In-patients total", "10.5", "20.4", "16.6", "26.9", NULL });
  assert_row (rows, (const char *[]) { "Grand total", "241.5", "20.4", "382.3", "26.9", NULL });
}

/* Per week = per year / 52 (or 365/7 when asked), from unrounded figures. */
static void
test_modelling_per_week (Fixture *f, gconstpointer data)
{
  LpModelQuery query = { .per = LP_PER_WEEK };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) rows_365 = NULL;

  query.locality_id = lp_plan_find_locality (f->plan, "Lower Lea Valley");
  rows = export_rows (f, "modelling", &query);
  /* 241.5 x 12 / 52 = 55.73; 382.3 x 12 / 52 = 88.22 */
  assert_row (rows, (const char *[]) { "Grand total", "55.7", "4.7", "88.2", "6.2", NULL });
  assert_row (rows, (const char *[]) { "Frailty", "1.3", "1.9", "2.0", "2.4", NULL });
  query.weeks_365_7 = TRUE;
  rows_365 = export_rows (f, "modelling", &query);
  /* 2,898 a year / (365 / 7) = 55.58 */
  assert_row (rows_365, (const char *[]) { "Grand total", "55.6", "4.7", "88.0", "6.2", NULL });
}

/* Every practice of the locality, and their shares add up to the whole. */
static void
test_modelling_practices (Fixture *f, gconstpointer data)
{
  LpModelQuery query = { .per = LP_PER_MONTH };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) all = NULL;
  double activity = 0, share = 0;

  query.locality_id = lp_plan_find_locality (f->plan, "Lower Lea Valley");
  rows = export_rows (f, "modelling-practices", &query);
  g_assert_cmpstr (test_csv_cell (rows, 0, 2), ==, "Locality");
  g_assert_cmpstr (test_csv_cell (rows, 0, 4), ==, "Share (%)");
  g_assert_cmpint (test_csv_column_sum (rows, 3), ==, 75825);
  for (guint i = 1; i < rows->len; i++)
    {
      g_assert_cmpstr (test_csv_cell (rows, i, 2), ==, "Lower Lea Valley");
      share += g_ascii_strtod (test_csv_cell (rows, i, 4), NULL);
      activity += g_ascii_strtod (test_csv_cell (rows, i, 5), NULL);
    }
  /* Every digit is kept, so the shares add up to the whole. */
  g_assert_cmpfloat_with_epsilon (share, 100.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (activity, 241.5, 1e-9);

  query.locality_id = 0;
  all = export_rows (f, "modelling-practices", &query);
  g_assert_cmpuint (all->len, ==, 1 + 57);
  g_assert_cmpint (test_csv_column_sum (all, 3), ==, 596907);
}

static void
test_qipp (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) rows = export_rows (f, "qipp", NULL);
  GPtrArray *header = g_ptr_array_index (rows, 0);
  guint total_column = header->len - 1;
  gint64 column_total = 0;

  g_assert_cmpstr (test_csv_cell (rows, 0, total_column), ==, "Total");
  g_assert_cmpstr (test_csv_cell (rows, rows->len - 1, 0), ==, "Total");
  g_assert_cmpstr (test_csv_cell (rows, rows->len - 1, total_column), ==, "15223243");
  /* Row totals add up to the grand total (the last row is the totals). */
  for (guint i = 1; i + 1 < rows->len; i++)
    column_total += g_ascii_strtoll (test_csv_cell (rows, i, total_column), NULL, 10);
  g_assert_cmpint (column_total, ==, 15223243);
  assert_row (rows, (const char *[]) { "Frailty Programme including Care homes / homefirst",
                                       "0", "0", "3496590", "0", "0", "0", "104000", "0", "3600590", NULL });
}

/* A scenario's growth rate and a forecast outturn reach the plan columns;
 * the plan is net of QIPP, with the year without QIPP beside it. */
static void
test_activity_plan (Fixture *f, gconstpointer data)
{
  LpModelQuery query = { .per = LP_PER_MONTH };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) base = NULL;
  g_autoptr(GPtrArray) higher = NULL;

  g_assert_true (lp_plan_set_baseline (f->plan, 0, "NEL_0LOS", "2018/19", 10000, &error));
  g_assert_no_error (error);
  g_assert_true (lp_plan_set_baseline (f->plan, 0, "NEL_TOTAL", "2018/19", 60000, &error));
  g_assert_no_error (error);
  query.scenario_id = lp_plan_add_scenario (f->plan, "Higher growth", 0, &error);
  g_assert_no_error (error);
  g_assert_true (lp_plan_set_growth (f->plan, query.scenario_id, "NEL_0LOS", "2018/19", 2000, &error));
  g_assert_no_error (error);

  base = export_rows (f, "activity-plan", NULL);
  g_assert_cmpuint (base->len, ==, 1 + 15);
  assert_fields (g_ptr_array_index (base, 0), (const char *[]) {
    "Code", "Activity line", "Unit", "Forecast outturn", "Growth (%)", "QIPP", "Plan", "Without QIPP",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "January", "February", "March", "Per week", NULL });
  /* 60,000 x 1.018 = 61,080: the 2,447 QIPP admissions are inside the
   * 1.8%, and 61,080 + 2,447 = 63,527 is the year without the schemes.
   * A month is a twelfth (5,090), a week a 52nd (1,174.615…): every digit,
   * in its shortest form, for the spreadsheet to round as it is told. */
  {
    GPtrArray *row = test_csv_find_row (base, 0, "NEL_TOTAL");

    g_assert_cmpstr (g_ptr_array_index (row, 3), ==, "60000");
    g_assert_cmpstr (g_ptr_array_index (row, 4), ==, "1.8");
    g_assert_cmpstr (g_ptr_array_index (row, 5), ==, "2447");
    g_assert_cmpstr (g_ptr_array_index (row, 6), ==, "61080");
    g_assert_cmpstr (g_ptr_array_index (row, 7), ==, "63527");
    g_assert_cmpstr (g_ptr_array_index (row, 8), ==, "5090");
    g_assert_cmpstr (g_ptr_array_index (row, 19), ==, "5090");
    g_assert_cmpstr (g_ptr_array_index (row, 20), ==, "1174.6153846153845");
  }
  /* 10,000 x 1.133, and no programme reduces the 0 LoS line: the plan and
   * the figure without QIPP are the same.  11,330 / 52 = 217.88. */
  {
    GPtrArray *row = test_csv_find_row (base, 0, "NEL_0LOS");

    g_assert_cmpstr (g_ptr_array_index (row, 3), ==, "10000");
    g_assert_cmpstr (g_ptr_array_index (row, 4), ==, "13.3");
    g_assert_cmpstr (g_ptr_array_index (row, 5), ==, "0");
    g_assert_cmpstr (g_ptr_array_index (row, 6), ==, "11330");
    g_assert_cmpstr (g_ptr_array_index (row, 7), ==, "11330");
    g_assert_cmpstr (g_ptr_array_index (row, 8), ==, "944.1666666666666");
    g_assert_cmpstr (g_ptr_array_index (row, 20), ==, "217.8846153846154");
  }
  /* A line without a forecast outturn has no plan and no figure without
   * QIPP, rather than figures made of its QIPP alone. */
  g_assert_null (g_ptr_array_index (test_csv_find_row (base, 0, "OP_FIRST"), 6));
  g_assert_null (g_ptr_array_index (test_csv_find_row (base, 0, "OP_FIRST"), 7));
  g_assert_cmpstr (g_ptr_array_index (test_csv_find_row (base, 0, "OP_FIRST"), 5), ==, "7628");

  higher = export_rows (f, "activity-plan", &query);
  g_assert_cmpstr (g_ptr_array_index (test_csv_find_row (higher, 0, "NEL_0LOS"), 4), ==, "20.0");
  g_assert_cmpstr (g_ptr_array_index (test_csv_find_row (higher, 0, "NEL_1LOS"), 4), ==, "-2.9");
}

static char *
export_text (Fixture *f, const char *name, const LpModelQuery *query, const char *file)
{
  g_autofree char *path = test_tmp_path (f->dir, file);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (lp_plan_export_query (f->plan, name, query, path, LP_EXPORT_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* A table handed round a meeting says what it is above its columns:
 * which plan, locality, scenario and period, as at when, made when. */
static void
test_heading (Fixture *f, gconstpointer data)
{
  LpModelQuery query = { .per = LP_PER_WEEK };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *text = NULL;
  g_autofree char *table = NULL;
  const struct { const char *label; const char *value; } expected[] = {
    { "Locality Planner", "Locality modelling" },
    { "Plan", "East and North Hertfordshire CCG 2018-19 (sample)" },
    { "Organisation", "06K East and North Hertfordshire CCG" },
    { "Locality", "Lower Lea Valley" },
    { "Scenario", "Base" },
    { "Period", "Per week" },
    { "Plan as at", "2018-10-01" },
  };

  query.locality_id = lp_plan_find_locality (f->plan, "Lower Lea Valley");
  text = export_text (f, "modelling", &query, "heading.csv");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *value = test_csv_heading (text, expected[i].label);
      g_assert_cmpstr (value, ==, expected[i].value);
    }
  {
    g_autofree char *exported = test_csv_heading (text, "Exported");
    g_assert_cmpstr (exported, ==, today);
  }
  /* The heading, an empty row, then the columns. */
  g_assert_nonnull (strstr (text, "\r\nExported," ));
  g_assert_nonnull (strstr (text, "\r\n\r\nPathway,3 years: activity,"));

  /* Views that are not per locality or scenario do not say one. */
  table = export_text (f, "practices", NULL, "practices.csv");
  g_assert_true (g_str_has_prefix (table, "Locality Planner,Practices\r\nPlan,"));
  g_assert_null (test_csv_heading (table, "Locality"));
  g_assert_null (test_csv_heading (table, "Period"));
  /* A plan table stays bare, to import back. */
  g_clear_pointer (&table, g_free);
  table = export_text (f, "locality", NULL, "locality.csv");
  g_assert_true (g_str_has_prefix (table, "id,"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, test_sample_set_up, func, test_sample_tear_down)
  ADD ("/export-model/modelling/per-month", test_modelling_per_month);
  ADD ("/export-model/modelling/per-week", test_modelling_per_week);
  ADD ("/export-model/modelling/practices", test_modelling_practices);
  ADD ("/export-model/qipp", test_qipp);
  ADD ("/export-model/activity-plan", test_activity_plan);
  ADD ("/export-model/heading", test_heading);
#undef ADD
  return g_test_run ();
}
