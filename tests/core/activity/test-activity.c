/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Activity plans and QIPP: the sample's published figures reproduced, and
 * plan = baseline x (1 + growth), net of QIPP already, with the figure
 * without QIPP = plan + QIPP beside it, and the plan's profiles. */
#include <math.h>

#include "core-test-util.h"

typedef TestSample Fixture;

static int
pod_index (const LpQippTable *table, const char *code)
{
  for (guint i = 0; i < table->n_pods; i++)
    if (g_str_equal (table->pod_codes[i], code))
      return (int) i;
  g_error ("no point of delivery %s", code);
}

static gint64
programme_total (const LpQippTable *table, const char *prefix)
{
  for (guint i = 0; i < table->programmes->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (table->programmes, i), prefix))
      return g_array_index (table->programme_totals, gint64, i);
  g_error ("no programme %s", prefix);
}

static void
test_qipp_table (Fixture *f, gconstpointer data)
{
  static const struct { const char *pod; gint64 total; } pods[] = {
    { "AE", 2792121 }, { "AMB", 572000 }, { "NEL", 5508564 }, { "OPFA", 1309419 },
    { "OPFU", 400795 }, { "EL", 2127658 }, { "PRESC", 1524333 }, { "CCG", 988353 },
  };
  static const struct { const char *programme; gint64 total; } programmes[] = {
    { "Frailty", 3600590 }, { "CFF", 3154540 }, { "Integrated Urgent Care", 2325000 },
    { "Service Restriction", 1991233 }, { "Right Care", 1354399 }, { "Medicines", 1154333 },
    { "Other Programme", 738353 }, { "Pathway Changes", 654795 }, { "Running costs", 250000 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpQippTable) table = lp_plan_qipp_table (f->plan, 0, "2018/19", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (table->n_pods, ==, 8);
  g_assert_cmpuint (table->programmes->len, ==, 9);
  g_assert_cmpint (table->total, ==, 15223243);
  for (guint i = 0; i < G_N_ELEMENTS (pods); i++)
    g_assert_cmpint (table->pod_totals[pod_index (table, pods[i].pod)], ==, pods[i].total);
  for (guint i = 0; i < G_N_ELEMENTS (programmes); i++)
    g_assert_cmpint (programme_total (table, programmes[i].programme), ==, programmes[i].total);
  /* Frailty's non-elective saving, cell by cell. */
  g_assert_cmpint (lp_qipp_table_get_saving (table, 0, pod_index (table, "NEL")), ==, 3496590);
}

static const LpActivityLine *
line (const LpActivityPlan *activity_plan, const char *code)
{
  for (guint i = 0; i < activity_plan->lines->len; i++)
    if (g_str_equal (((LpActivityLine *) g_ptr_array_index (activity_plan->lines, i))->code, code))
      return g_ptr_array_index (activity_plan->lines, i);
  g_error ("no activity line %s", code);
}

static void
test_sample_assumptions (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpActivityPlan) plan = lp_plan_activity_plan (f->plan, 0, "2018/19", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (plan->lines->len, ==, 15);
  g_assert_cmpint (line (plan, "NEL_0LOS")->growth_bp, ==, 1330);
  g_assert_cmpint (line (plan, "NEL_1LOS")->growth_bp, ==, -290);
  /* The QIPP programmes' activity reductions land on their lines. */
  g_assert_cmpfloat (line (plan, "AE_ATT")->qipp, ==, 30374);
  g_assert_cmpfloat (line (plan, "EL_TOTAL")->qipp, ==, 1185);
  g_assert_cmpfloat (line (plan, "OP_FIRST")->qipp, ==, 7628);
  g_assert_cmpfloat (line (plan, "OP_FU")->qipp, ==, 4311);
  g_assert_cmpfloat (line (plan, "NEL_TOTAL")->qipp, ==, 953 + 1494);
  g_assert_false (plan->seasonal);
}

static void
test_plan_arithmetic (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpActivityPlan) plan = NULL;
  const LpActivityLine *elective;

  g_assert_true (lp_plan_set_baseline (f->plan, 0, "EL_TOTAL", "2018/19", 100000, &error));
  g_assert_no_error (error);
  plan = lp_plan_activity_plan (f->plan, 0, "2018/19", &error);
  elective = line (plan, "EL_TOTAL");
  /* 100,000 x 1.035; the 1,185 QIPP admissions are inside the 3.5%, and
   * 103,500 + 1,185 is the year without the schemes. */
  g_assert_cmpfloat (elective->baseline, ==, 100000);
  g_assert_true (elective->baseline_set);
  g_assert_false (line (plan, "EL_DC")->baseline_set);
  g_assert_cmpfloat (elective->qipp, ==, 1185);
  g_assert_cmpfloat (elective->plan, ==, 103500);
  g_assert_cmpfloat (elective->without_qipp, ==, 104685);
  g_assert_cmpfloat_with_epsilon (elective->per_month[0], 103500.0 / 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (elective->per_week, 103500.0 / 52, 1e-9);
  /* Stored as the forecast outturn of the year before. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM activity_baseline WHERE financial_year = '2017/18' "
                                          "AND activity = 100000"), ==, 1);
}

/* The planning assumptions are net of QIPP: an outturn of 60,000
 * non-elective admissions at +1.8% plans 61,080, not 61,080 less the
 * line's 2,447 QIPP admissions (58,633) as if the growth were before QIPP;
 * without the schemes the year would be 61,080 + 2,447 = 63,527. */
static void
test_plan_net_of_qipp (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpActivityPlan) plan = NULL;
  const LpActivityLine *nel;
  const LpActivityLine *rtt;

  g_assert_true (lp_plan_set_baseline (f->plan, 0, "NEL_TOTAL", "2018/19", 60000, &error));
  g_assert_no_error (error);
  g_assert_true (lp_plan_set_baseline (f->plan, 0, "RTT_NEW", "2018/19", 25000, &error));
  g_assert_no_error (error);
  plan = lp_plan_activity_plan (f->plan, 0, "2018/19", &error);
  g_assert_no_error (error);
  nel = line (plan, "NEL_TOTAL");
  g_assert_cmpint (nel->growth_bp, ==, 180);
  /* Frailty 1,494, MCAS 397, Right Care 532, Pathway Changes 24. */
  g_assert_cmpfloat (nel->qipp, ==, 2447);
  g_assert_cmpfloat (nel->plan, ==, 61080);
  g_assert_cmpfloat (nel->without_qipp, ==, 63527);
  g_assert_cmpfloat (nel->per_month[0], ==, 5090);
  g_assert_cmpfloat_with_epsilon (nel->per_week, 61080.0 / 52, 1e-9);
  /* No programme reduces new RTT pathways: both figures are the plan,
   * 25,000 x 1.001. */
  rtt = line (plan, "RTT_NEW");
  g_assert_cmpfloat (rtt->qipp, ==, 0);
  g_assert_cmpfloat (rtt->plan, ==, 25025);
  g_assert_cmpfloat (rtt->without_qipp, ==, rtt->plan);
}

static void
test_seasonal_profile (Fixture *f, gconstpointer data)
{
  g_autoptr(LpActivityPlan) plan = NULL;
  const LpActivityLine *elective;
  double sum = 0;

  g_assert_true (lp_plan_set_baseline (f->plan, 0, "EL_TOTAL", "2018/19", 100000, NULL));
  /* Twice as much in each winter month (December to March). */
  g_assert_true (lp_plan_set_info (f->plan, "activity_profile", "1,1,1,1,1,1,1,1,2,2,2,2", NULL));
  plan = lp_plan_activity_plan (f->plan, 0, "2018/19", NULL);
  elective = line (plan, "EL_TOTAL");
  g_assert_true (plan->seasonal);
  g_assert_cmpfloat_with_epsilon (elective->per_month[0], 103500.0 / 16, 1e-9);
  g_assert_cmpfloat_with_epsilon (elective->per_month[11], 103500.0 * 2 / 16, 1e-9);
  /* The profile spreads the plan, not the year without QIPP. */
  g_assert_cmpfloat (elective->without_qipp, ==, 104685);
  for (int m = 0; m < 12; m++)
    sum += elective->per_month[m];
  g_assert_cmpfloat_with_epsilon (sum, elective->plan, 1e-6);
}

static void
test_set_growth_and_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpActivityPlan) before = NULL;
  g_autoptr(LpActivityPlan) after = NULL;

  g_assert_true (lp_plan_set_growth (f->plan, 0, "EL_TOTAL", "2018/19", 400, &error));
  after = lp_plan_activity_plan (f->plan, 0, "2018/19", NULL);
  g_assert_cmpint (line (after, "EL_TOTAL")->growth_bp, ==, 400);
  g_assert_true (lp_plan_undo (f->plan, &error));
  before = lp_plan_activity_plan (f->plan, 0, "2018/19", NULL);
  g_assert_cmpint (line (before, "EL_TOTAL")->growth_bp, ==, 350);
  g_assert_false (lp_plan_set_growth (f->plan, 0, "EL_TOTAL", "next year", 400, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
}

/* What is typed into the Activity Plan's cells: a rate with or without
 * its %, an outturn as the table shows it; a bad one saves nothing and
 * says which field and what was typed. */
static void
test_enter_typed (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpActivityPlan) entered = NULL;

  g_assert_true (lp_plan_enter_growth (f->plan, 0, "EL_TOTAL", "2018/19", "Growth", "3.75%", &error));
  g_assert_no_error (error);
  g_assert_true (lp_plan_enter_baseline (f->plan, 0, "EL_TOTAL", "2018/19", "Outturn", "61,080.0", &error));
  g_assert_no_error (error);
  entered = lp_plan_activity_plan (f->plan, 0, "2018/19", NULL);
  g_assert_cmpint (line (entered, "EL_TOTAL")->growth_bp, ==, 375);
  g_assert_cmpfloat (line (entered, "EL_TOTAL")->baseline, ==, 61080);

  g_assert_false (lp_plan_enter_growth (f->plan, 0, "EL_TOTAL", "2018/19", "Growth", "abc", &error));
  g_assert_cmpstr (error->message, ==, "Growth must be a percentage with at most two decimals, such as 13.3, "
                                       "not “abc”");
  g_clear_error (&error);
  g_assert_false (lp_plan_enter_baseline (f->plan, 0, "EL_TOTAL", "2018/19", "Outturn", "1,2", &error));
  g_assert_cmpstr (error->message, ==, "Outturn must be a number such as 1.5, not “1,2”");
  g_clear_error (&error);
  g_assert_false (lp_plan_enter_baseline (f->plan, 0, "EL_TOTAL", "2018/19", "Outturn", "-5", &error));
  g_assert_cmpstr (error->message, ==, "Outturn must be 0 or more, not “-5”");
  g_assert_true (lp_plan_undo (f->plan, NULL));
  g_assert_true (lp_plan_undo (f->plan, NULL));
  g_assert_false (lp_plan_can_undo (f->plan));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, test_sample_set_up, func, test_sample_tear_down)
  ADD ("/activity/qipp-table", test_qipp_table);
  ADD ("/activity/sample-assumptions", test_sample_assumptions);
  ADD ("/activity/plan-arithmetic", test_plan_arithmetic);
  ADD ("/activity/plan-net-of-qipp", test_plan_net_of_qipp);
  ADD ("/activity/seasonal-profile", test_seasonal_profile);
  ADD ("/activity/set-growth-and-undo", test_set_growth_and_undo);
  ADD ("/activity/enter-typed", test_enter_typed);
#undef ADD
  return g_test_run ();
}
