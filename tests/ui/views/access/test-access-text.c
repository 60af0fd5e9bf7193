/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Extended Access view's words and chart without a display, from the
 * sample plan: the published targets from their months, the behind months
 * marked, financial years from each April, capacity signed, the go-live
 * field's reading, and the practices' table rows kept where their words
 * are unchanged. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lp-access-text.h"
#include "lp-test-util.h"
#include "lp-text-row.h"

static void
sample_text (LpAccessText *text,
             const char   *locality)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (g_getenv ("LP_SAMPLE_PLAN"), LP_PLAN_OPEN_READ_ONLY, &error);
  LpAccessQuery query = { locality != NULL ? lp_plan_find_locality (plan, locality) : 0, };
  LpAccessQuery all = { 0, };
  g_autoptr(LpAccessTable) table = NULL;
  g_autoptr(GPtrArray) capacity = NULL;
  g_autoptr(GPtrArray) practices = NULL;
  const char *as_at;

  g_assert_no_error (error);
  table = lp_plan_access (plan, &query, &error);
  g_assert_no_error (error);
  as_at = lp_access_text_as_at_month (table, "2018-10-01");
  g_assert_cmpstr (as_at, ==, "2018-10");
  capacity = lp_plan_access_capacity (plan, &all, as_at, &error);
  practices = lp_plan_access_practices (plan, &query, as_at, &error);
  g_assert_no_error (error);
  lp_access_text_build (table, capacity, practices, locality != NULL ? locality : "All localities", as_at,
                        FALSE, text);
}

/* The chart: target dashed first, in steps, then planned and actual; no
 * target before January 2018 (2017/18 Q4 applies from the quarter's first
 * month) and no actual after the reference date (gaps in the lines); each
 * behind month marked; a section from each April. */
static void
test_access_chart (void)
{
  g_auto(LpAccessText) text = { 0, };
  const LpChart *chart;
  guint marked = 0, sections = 0;

  sample_text (&text, NULL);
  chart = text.chart;
  g_assert_cmpint (chart->kind, ==, LP_CHART_LINES);
  g_assert_cmpuint (chart->n_series, ==, 3);
  g_assert_cmpstr (chart->series[0], ==, "Target");
  g_assert_cmpstr (chart->series[1], ==, "Planned");
  g_assert_cmpstr (chart->series[2], ==, "Actual");
  g_assert_cmpuint (chart->categories->len, ==, 24);
  g_assert_cmpstr (g_ptr_array_index (chart->categories, 0), ==, "Apr 2017");
  g_assert_true (chart->target_steps);
  g_assert_true (isnan (lp_chart_get_value (chart, 8, 0, 0)));            /* Dec 2017: no target yet */
  g_assert_cmpfloat (lp_chart_get_value (chart, 9, 0, 0), ==, 21.0);      /* Jan 2018 */
  g_assert_cmpfloat (lp_chart_get_value (chart, 11, 0, 0), ==, 21.0);     /* Mar 2018 */
  g_assert_cmpfloat (lp_chart_get_value (chart, 17, 0, 0), ==, 81.0);     /* Sep 2018 */
  g_assert_cmpfloat (lp_chart_get_value (chart, 18, 0, 0), ==, 100.0);    /* Oct 2018 */
  g_assert_cmpfloat_with_epsilon (lp_chart_get_value (chart, 18, 0, 1), 100.0, 1e-9);   /* Oct 2018 planned */
  g_assert_true (isnan (lp_chart_get_value (chart, 19, 0, 2)));           /* Nov 2018: no actual */
  for (guint c = 0; c < chart->categories->len; c++)
    {
      const LpAccessTextMonth *month = g_ptr_array_index (text.months, c);

      g_assert_cmpint (g_array_index (chart->marked, gboolean, c), ==, month->behind);
      marked += month->behind;
      sections += g_ptr_array_index (chart->sections, c) != NULL;
    }
  g_assert_cmpuint (marked, ==, text.n_behind);
  /* Planned short in January, February, April and May 2018; actual short
   * in July, August and October 2018. */
  g_assert_cmpuint (marked, ==, 7);
  g_assert_cmpuint (sections, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (chart->sections, 12), ==, "2018/19");
}

static void
test_access_words (void)
{
  g_auto(LpAccessText) text = { 0, };
  const LpAccessTextMonth *july;
  const LpAccessTextCapacity *first;

  sample_text (&text, "Lower Lea Valley");
  g_assert_cmpstr (text.summary, ==,
                   "Lower Lea Valley: 75,825 registered patients; all covered by the plan from July 2018");
  g_assert_nonnull (strstr (text.basis, "Covered: full access only."));
  g_assert_nonnull (strstr (text.basis, "(01/01/2018 in October 2018)"));
  g_assert_nonnull (strstr (text.basis, "Capacity rule: GP Forward View extended access."));
  july = lp_test_access_month (&text, "Jul 2018");
  g_assert_cmpstr (july->target, ==, "68.0%");
  g_assert_cmpstr (july->planned, ==, "100.0%");
  g_assert_cmpstr (july->gap, ==, "–");
  /* 75,825 patients at 30 minutes per 1,000 a week. */
  g_assert_cmpstr (july->required, ==, "2,274.8");
  g_assert_cmpstr (lp_test_access_month (&text, "Dec 2017")->target, ==, "–");
  g_assert_cmpstr (lp_test_access_month (&text, "Dec 2017")->target_from, ==, "–");
  g_assert_cmpstr (lp_test_access_month (&text, "Feb 2018")->target, ==, "21.0%");
  g_assert_cmpstr (lp_test_access_month (&text, "Feb 2018")->target_from, ==, "Jan 2018");
  g_assert_cmpstr (july->target_from, ==, "Jul 2018");
  g_assert_cmpstr (lp_test_access_month (&text, "Sep 2018")->target, ==, "81.0%");
  g_assert_cmpstr (lp_test_access_month (&text, "Sep 2018")->target_from, ==, "Aug 2018");
  /* The locality's 77.5% actual in October is 22.5 points short of 100%. */
  g_assert_cmpstr (lp_test_access_month (&text, "Oct 2018")->target, ==, "100.0%");
  g_assert_cmpstr (lp_test_access_month (&text, "Oct 2018")->target_from, ==, "Oct 2018");
  g_assert_cmpstr (lp_test_access_month (&text, "Oct 2018")->gap, ==, "22.5");
  g_assert_cmpstr (lp_test_access_month (&text, "Nov 2018")->target_from, ==, "Oct 2018");
  g_assert_cmpstr (text.trajectory, ==,
                   "The plan’s trajectory: 21.0% from January 2018 (2017/18 Q4); 31.0% from April 2018 (2018/19 Q1); "
                   "68.0% from July 2018 (2018/19 Q2 (July)); 81.0% from August 2018 (2018/19 Q2 (August)); "
                   "100.0% from October 2018 (2018/19 Q3)");
  g_assert_true (g_str_has_suffix (text.basis, "100.0% from October 2018 (2018/19 Q3)."));
  g_assert_cmpuint (text.practices->len, ==, 8);
  first = g_ptr_array_index (text.capacity, 0);
  g_assert_cmpstr (first->locality, ==, "Lower Lea Valley");
  g_assert_cmpstr (first->required, ==, "2,274.8 (37.9 h)");
  g_assert_true (first->difference[0] == '+' || first->shortfall);
}

static void
test_access_months (void)
{
  g_autofree char *july = lp_access_text_month ("2018-07");

  g_assert_cmpstr (july, ==, "Jul 2018");
}

/* The rows read again after one practice's go-live date moved: the others'
 * rows are those shown (so their fields are left alone), its own is new. */
static void
test_access_rows (void)
{
  g_auto(LpAccessText) text = { 0, };
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (lp_access_text_practice_free);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) fewer = NULL;
  LpAccessTextPractice *moved;

  sample_text (&text, "Lower Lea Valley");
  shown = lp_text_rows_new (NULL, text.practices, lp_access_text_practice_copy, lp_access_text_practice_free,
                            lp_access_text_practice_equal);
  g_assert_cmpuint (shown->len, ==, 8);
  for (guint i = 0; i < text.practices->len; i++)
    g_ptr_array_add (fresh, lp_access_text_practice_copy (g_ptr_array_index (text.practices, i)));
  moved = g_ptr_array_index (fresh, 3);
  g_free (moved->go_live);
  moved->go_live = g_strdup ("01/11/2018");
  rows = lp_text_rows_new (shown, fresh, lp_access_text_practice_copy, lp_access_text_practice_free,
                           lp_access_text_practice_equal);
  g_assert_cmpuint (rows->len, ==, 8);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true ((g_ptr_array_index (rows, i) == g_ptr_array_index (shown, i)) == (i != 3));
  g_assert_cmpstr (((LpAccessTextPractice *) lp_text_row_get (g_ptr_array_index (rows, 3)))->go_live, ==,
                   "01/11/2018");
  /* A practice gone from the middle: the rows on either side are kept. */
  g_ptr_array_remove_index (fresh, 3);
  fewer = lp_text_rows_new (rows, fresh, lp_access_text_practice_copy, lp_access_text_practice_free,
                            lp_access_text_practice_equal);
  g_assert_cmpuint (fewer->len, ==, 7);
  for (guint i = 0; i < fewer->len; i++)
    g_assert_true (g_ptr_array_index (fewer, i) == g_ptr_array_index (rows, i < 3 ? i : i + 1));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/access-text/chart", test_access_chart);
  g_test_add_func ("/access-text/words", test_access_words);
  g_test_add_func ("/access-text/months", test_access_months);
  g_test_add_func ("/access-text/rows", test_access_rows);
  return g_test_run ();
}
