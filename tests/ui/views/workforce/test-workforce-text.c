/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Workforce view's words and chart without a display: the sample's
 * GP FTE by quarter, the marks on quarters short of the target, the
 * ratios against England's, the illustrative turnover and joiner rates,
 * the targets said to be growth on the baseline, and missing figures said
 * to be missing. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lp-workforce-text.h"

static void
sample_text (LpWorkforceText *text,
             double           reference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (g_getenv ("LP_SAMPLE_PLAN"), LP_PLAN_OPEN_READ_ONLY, &error);
  LpWorkforceQuery query = { 0, 0, 0, "GP", NULL };
  g_autoptr(LpWorkforceTable) table = NULL;
  g_autoptr(GPtrArray) practices = NULL;
  LpWorkforceRatios ratios;
  g_autofree char *rates_source = NULL;

  g_assert_no_error (error);
  rates_source = lp_plan_dup_info (plan, "workforce_rates_source");
  table = lp_plan_workforce (plan, &query, &error);
  g_assert_no_error (error);
  g_assert_true (lp_plan_workforce_ratios (plan, &query, &ratios, &error));
  practices = lp_plan_workforce_practices (plan, &query, "2018-04-01", &error);
  lp_workforce_text_build (table, &ratios, reference, "2019-12-31", practices, "All localities, GPs", rates_source,
                           text);
}

static void
test_workforce_chart (void)
{
  g_auto(LpWorkforceText) text = { 0, };
  const LpChart *chart;
  guint marked = 0, sections = 0;

  sample_text (&text, 2087);
  chart = text.chart;
  g_assert_cmpint (chart->kind, ==, LP_CHART_LINES);
  g_assert_cmpstr (chart->title, ==, "FTE by quarter: All localities, GPs");
  g_assert_cmpstr (chart->series[0], ==, "Target");
  g_assert_cmpstr (chart->series[2], ==, "Recorded");
  g_assert_cmpuint (chart->categories->len, ==, 13);
  /* Recorded only at the baseline; the target starts there and ends 40 up. */
  g_assert_false (isnan (lp_chart_get_value (chart, 0, 0, 2)));
  g_assert_true (isnan (lp_chart_get_value (chart, 1, 0, 2)));
  g_assert_cmpfloat_with_epsilon (lp_chart_get_value (chart, 0, 0, 0), lp_chart_get_value (chart, 0, 0, 1), 1e-9);
  g_assert_cmpfloat_with_epsilon (lp_chart_get_value (chart, 12, 0, 0) - lp_chart_get_value (chart, 0, 0, 0),
                                  40.0, 1e-9);
  for (guint c = 0; c < chart->categories->len; c++)
    {
      marked += g_array_index (chart->marked, gboolean, c);
      sections += g_ptr_array_index (chart->sections, c) != NULL;
      g_assert_cmpint (g_array_index (chart->marked, gboolean, c), ==,
                       ((LpWorkforceTextQuarter *) g_ptr_array_index (text.quarters, c))->short_of_target);
    }
  g_assert_cmpuint (marked, ==, text.n_short);
  g_assert_cmpuint (sections, ==, 3);   /* 2018/19, 2019/20 and 2020/21 from their Q1 */
  g_assert_cmpfloat (chart->maximum, >=, lp_chart_get_value (chart, 12, 0, 0));
}

static void
test_workforce_words (void)
{
  g_auto(LpWorkforceText) text = { 0, };
  g_auto(LpWorkforceText) no_reference = { 0, };
  const LpWorkforceTextQuarter *first;

  sample_text (&text, 2087);
  sample_text (&no_reference, NAN);
  g_assert_true (g_str_has_prefix (text.summary, "All localities, GPs: 250.4 FTE on 31/03/2018 for 596,907 patients"));
  g_assert_true (g_str_has_prefix (text.patients_per_gp, "Patients per GP FTE: "));
  g_assert_true (g_str_has_suffix (text.patients_per_gp, "; England: 2,087 on 31/12/2019"));
  g_assert_null (strstr (no_reference.patients_per_gp, "England"));
  g_assert_true (g_str_has_prefix (text.per_1000, "FTE per 1,000 patients: GPs 0.42"));
  g_assert_cmpstr (text.practices_title, ==, "Planned joiners and leavers in 2018/19 Q1");
  g_assert_cmpstr (text.next_quarter, ==, "2018-04-01");
  first = g_ptr_array_index (text.quarters, 0);
  g_assert_cmpstr (first->recorded, ==, "250.4");
  g_assert_cmpstr (((LpWorkforceTextQuarter *) g_ptr_array_index (text.quarters, 1))->recorded, ==, "–");
  g_assert_cmpstr (first->missing, ==, "");
  /* With the sample's illustrative rates, most turnover is replaced: 250.4
   * GP FTE become 254.1 by 2020/21 Q4, 36.3 short of the 290.4 target. */
  g_assert_cmpstr (((LpWorkforceTextQuarter *) g_ptr_array_index (text.quarters, 12))->plan, ==, "254.1");
  g_assert_cmpstr (((LpWorkforceTextQuarter *) g_ptr_array_index (text.quarters, 12))->target, ==, "290.4");
  g_assert_cmpstr (((LpWorkforceTextQuarter *) g_ptr_array_index (text.quarters, 12))->short_by, ==, "36.3");
  g_assert_cmpstr (text.rates, ==, "Yearly turnover and joiner rates (illustrative): GP partner 5.0% leave, "
                                   "4.0% join · Salaried GP 12.0% leave, 11.0% join");
  g_assert_cmpstr (text.targets, ==, "Targets are growth on the 31/03/2018 baseline, as the plan states them: "
                                     "+40.0 FTE by 31/03/2021, so 290.4 FTE.");
  g_assert_nonnull (strstr (text.basis, "FTE × (1 - turnover) × (1 + joiners)"));
}

/* A practice whose only figure is missing shows "–", not 0.  (What is
 * typed into its fields is core's to read: tests/core/test-workforce.c.) */
static void
test_workforce_missing (void)
{
  LpWorkforcePractice practice = { 1, "X1", "Missing Surgery", FALSE, 0, 1, 0, 0, 0 };
  g_autoptr(GPtrArray) practices = g_ptr_array_new ();
  LpWorkforceQuarter quarter = { "2018-01-01", "2017/18 Q4", FALSE, 0, 0, 2, FALSE, 0, 0, FALSE };
  LpWorkforceTable table = { "2018-03-31", 100, g_ptr_array_new () };
  LpWorkforceRatios ratios = { 0, };
  g_auto(LpWorkforceText) text = { 0, };

  g_ptr_array_add (table.quarters, &quarter);
  g_ptr_array_add (practices, &practice);
  lp_workforce_text_build (&table, &ratios, NAN, NULL, practices, "A, nurses", NULL, &text);
  g_ptr_array_unref (table.quarters);
  g_assert_cmpstr (((LpWorkforceTextPractice *) g_ptr_array_index (text.practices, 0))->fte, ==, "– + 1 missing");
  g_assert_cmpstr (((LpWorkforceTextQuarter *) g_ptr_array_index (text.quarters, 0))->missing, ==, "2 missing");
  g_assert_cmpstr (text.patients_per_gp, ==, "Patients per GP FTE: – (no GP FTE recorded)");
  /* No rates and no target: said, not left blank. */
  g_assert_cmpstr (text.rates, ==, "Yearly turnover and joiner rates: none set, so only the planned movements "
                                   "change the FTE.");
  g_assert_null (text.targets);
}

/* The sample's ratio, then the same on an imported weighted population:
 * 5,100 on 2.5 GP FTE is 2,040 per GP FTE, with the practice that has no
 * figure said; a population with no GP FTE to divide by is left out. */
static void
test_workforce_weighted (void)
{
  g_auto(LpWorkforceText) text = { 0, };
  g_autoptr(GPtrArray) weighted = g_ptr_array_new ();
  LpPracticeWeighted adjusted = { "PCN adjusted", "Imported from pcn.csv, as at 01/01/2023", 5100, 5100 / 2.5, 1 };
  LpPracticeWeighted none = { "Other", "Imported from other.csv, as at 01/01/2023", 100, 0, 0 };
  g_autofree char *before = NULL;

  sample_text (&text, NAN);
  before = g_strdup (text.patients_per_gp);
  g_ptr_array_add (weighted, &adjusted);
  g_ptr_array_add (weighted, &none);
  lp_workforce_text_add_weighted (&text, weighted);
  g_assert_true (g_str_has_prefix (text.patients_per_gp, before));
  g_assert_cmpstr (text.patients_per_gp + strlen (before), ==,
                   ". On the PCN adjusted population 5,100 (Imported from pcn.csv, as at 01/01/2023): "
                   "2,040 per GP FTE, 1 practice without a figure not counted");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/workforce-text/chart", test_workforce_chart);
  g_test_add_func ("/workforce-text/words", test_workforce_words);
  g_test_add_func ("/workforce-text/missing", test_workforce_missing);
  g_test_add_func ("/workforce-text/weighted", test_workforce_weighted);
  return g_test_run ();
}
