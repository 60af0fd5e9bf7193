/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Extended access: coverage, targets and capacity on a small hand-made
 * plan with exact expected figures, then the sample plan's published
 * trajectory and illustrative go-live dates. */
#include <string.h>

#include <sqlite3.h>

#include "core-test-util.h"
#include "lp-plan-private.h"

typedef struct {
  char    *dir;
  LpPlan  *plan;
  gint64   a, empty, p1, p2;
} Small;

static gint64
add_practice (LpPlan     *plan,
              const char *code,
              gint64      locality)
{
  LpPracticeFields fields = { code, code, NULL, locality, NULL, NULL };
  g_autoptr(GError) error = NULL;
  gint64 id = lp_plan_add_practice (plan, &fields, &error);

  g_assert_no_error (error);
  return id;
}

/* Locality A: P1 (6,000 patients, 9,000 from July) goes live on 15 July;
 * P2 (4,000) runs from 1 June to 20 August, partial, offering 100 minutes.  Locality Empty has a
 * practice of no patients.  The plan's target: 50% from June ("Q1");
 * the rule: 30 minutes per 1,000 from April 2017; actuals to 15 August. */
static void
small_set_up (Small *f, gconstpointer data)
{
  LpLocalityFields a = { "A", NULL, NULL }, empty = { "Empty", NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 nobody;

  f->dir = test_tmp_dir ();
  f->plan = test_new_plan (f->dir);
  f->a = lp_plan_add_locality (f->plan, &a, &error);
  f->empty = lp_plan_add_locality (f->plan, &empty, &error);
  f->p1 = add_practice (f->plan, "P00001", f->a);
  f->p2 = add_practice (f->plan, "P00002", f->a);
  nobody = add_practice (f->plan, "P00003", f->empty);
  g_assert_true (lp_plan_set_list_size (f->plan, f->p1, "2018-01-01", 6000, NULL, &error));
  g_assert_true (lp_plan_set_list_size (f->plan, f->p1, "2018-07-01", 9000, NULL, &error));
  g_assert_true (lp_plan_set_list_size (f->plan, f->p2, "2018-01-01", 4000, NULL, &error));
  g_assert_true (lp_plan_set_list_size (f->plan, nobody, "2018-01-01", 0, NULL, &error));
  g_assert_true (lp_plan_set_access_plan (f->plan, 0, f->p1, "2018-07-15", "full", 270, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf (
      "UPDATE access_provision SET end_date = NULL;"
      "INSERT INTO access_provision (id, scenario_id, practice_id, basis, start_date, end_date, level, "
      "  minutes_per_week) SELECT 11, id, %" G_GINT64_FORMAT ", 'plan', '2018-06-01', '2018-08-20', 'partial', 100 "
      "  FROM scenario;"
      "INSERT INTO access_provision (id, scenario_id, practice_id, basis, start_date, level, minutes_per_week) "
      "  SELECT 12, id, %" G_GINT64_FORMAT ", 'actual', '2018-08-01', 'full', 270 FROM scenario;"
      "INSERT INTO access_trajectory (id, scenario_id, label, period_month, target_bp) "
      "  SELECT 21, id, 'Q1', '2018-06-01', 5000 FROM scenario;"
      "INSERT INTO capacity_rule (id, name, start_date, minutes_per_1000) VALUES (31, 'GPFV', '2017-04-01', 30);"
      "INSERT INTO plan_info VALUES ('reference_date', '2018-08-15');",
      f->p2, f->p1);
  g_assert_cmpint (sqlite3_exec (lp_plan_get_db (f->plan), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
small_tear_down (Small *f, gconstpointer data)
{
  g_clear_object (&f->plan);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

static const LpAccessMonth *
month_of (const LpAccessTable *table,
          const char          *month)
{
  for (guint i = 0; i < table->months->len; i++)
    if (strcmp (((LpAccessMonth *) g_ptr_array_index (table->months, i))->month, month) == 0)
      return g_ptr_array_index (table->months, i);
  g_error ("no month %s", month);
}

static LpAccessTable *
access_table (LpPlan   *plan,
              gint64    locality,
              gboolean  partial)
{
  LpAccessQuery query = { locality, 0, "2018-05", "2018-09", partial };
  g_autoptr(GError) error = NULL;
  LpAccessTable *table = lp_plan_access (plan, &query, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (table->months->len, ==, 5);
  return table;
}

/* Going live mid-month counts that month; stopping mid-month does not;
 * list sizes follow the extracts; partial counts only when asked. */
static void
test_coverage (Small *f, gconstpointer data)
{
  g_autoptr(LpAccessTable) full = access_table (f->plan, f->a, FALSE);
  g_autoptr(LpAccessTable) partial = access_table (f->plan, f->a, TRUE);

  g_assert_cmpint (month_of (full, "2018-06")->population, ==, 10000);
  g_assert_cmpstr (month_of (full, "2018-06")->extract_date, ==, "2018-01-01");
  g_assert_cmpfloat (month_of (full, "2018-06")->planned, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (month_of (partial, "2018-06")->planned, 0.4, 1e-12);
  /* July: P1 live since the 15th, at its July list size of 9,000. */
  g_assert_cmpint (month_of (full, "2018-07")->population, ==, 13000);
  g_assert_cmpstr (month_of (full, "2018-07")->extract_date, ==, "2018-07-01");
  g_assert_cmpfloat_with_epsilon (month_of (full, "2018-07")->planned, 9000.0 / 13000.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (month_of (partial, "2018-07")->planned, 1.0, 1e-12);
  /* August: P2 stopped on the 20th. */
  g_assert_cmpfloat_with_epsilon (month_of (partial, "2018-08")->planned, 9000.0 / 13000.0, 1e-12);
  g_assert_cmpfloat (month_of (full, "2018-05")->planned, ==, 0.0);
}

static void
test_targets (Small *f, gconstpointer data)
{
  g_autoptr(LpAccessTable) table = access_table (f->plan, f->a, TRUE);
  const LpAccessMonth *may = month_of (table, "2018-05");
  const LpAccessMonth *june = month_of (table, "2018-06");
  const LpAccessMonth *july = month_of (table, "2018-07");
  const LpAccessMonth *august = month_of (table, "2018-08");

  g_assert_false (may->has_target);
  g_assert_false (may->behind);
  g_assert_true (june->has_target);
  g_assert_cmpstr (june->target_label, ==, "Q1");
  g_assert_cmpfloat (june->target, ==, 0.5);
  /* Before the reference date the gap is the actual's: nothing was live
   * in June or July, so both are behind however good the plan. */
  g_assert_cmpfloat_with_epsilon (june->planned, 0.4, 1e-12);
  g_assert_true (june->has_actual);
  g_assert_true (june->behind);
  g_assert_cmpfloat_with_epsilon (june->gap, 0.5, 1e-12);
  g_assert_null (july->target_label);                 /* the target holds, unlabelled */
  g_assert_cmpfloat (july->target, ==, 0.5);
  g_assert_cmpfloat_with_epsilon (july->planned, 1.0, 1e-12);
  g_assert_true (july->behind);
  /* P1 went live on 1 August: 9,000 of 13,000 is ahead of 50%. */
  g_assert_true (august->has_actual);
  g_assert_cmpfloat_with_epsilon (august->actual, 9000.0 / 13000.0, 1e-12);
  g_assert_false (august->behind);
  g_assert_cmpfloat_with_epsilon (august->gap, 0.5 - 9000.0 / 13000.0, 1e-12);
  /* After the reference date only the plan is known. */
  g_assert_false (month_of (table, "2018-09")->has_actual);
  g_assert_cmpfloat_with_epsilon (month_of (table, "2018-09")->gap, 0.5 - 9000.0 / 13000.0, 1e-12);
}

/* 13,000 patients at 30 minutes per 1,000 need 390 minutes a week; the
 * plan offers 270 + 100, P2 20 short of its 120.  A locality with no patients needs none and has
 * no coverage to divide by. */
static void
test_capacity (Small *f, gconstpointer data)
{
  g_autoptr(LpAccessTable) table = access_table (f->plan, f->a, FALSE);
  g_autoptr(LpAccessTable) empty = access_table (f->plan, f->empty, FALSE);
  LpAccessQuery query = { 0, 0, NULL, NULL, FALSE };
  g_autoptr(GPtrArray) capacity = lp_plan_access_capacity (f->plan, &query, "2018-07", NULL);
  g_autoptr(GPtrArray) practices = lp_plan_access_practices (f->plan, &query, "2018-07", NULL);
  const LpAccessPractice *p1;

  g_assert_cmpstr (month_of (table, "2018-07")->rule, ==, "GPFV");
  g_assert_cmpfloat_with_epsilon (month_of (table, "2018-07")->required_minutes, 390.0, 1e-9);
  g_assert_cmpint (month_of (table, "2018-07")->offered_minutes, ==, 370);
  g_assert_cmpint (month_of (empty, "2018-07")->population, ==, 0);
  g_assert_cmpfloat (month_of (empty, "2018-07")->planned, ==, 0.0);
  g_assert_cmpfloat (month_of (empty, "2018-07")->required_minutes, ==, 0.0);

  g_assert_cmpuint (capacity->len, ==, 2);
  g_assert_cmpstr (((LpAccessCapacity *) g_ptr_array_index (capacity, 0))->name, ==, "A");
  g_assert_cmpint (((LpAccessCapacity *) g_ptr_array_index (capacity, 0))->offered_minutes, ==, 370);
  g_assert_cmpfloat_with_epsilon (((LpAccessCapacity *) g_ptr_array_index (capacity, 0))->required_minutes,
                                  390.0, 1e-9);
  g_assert_cmpuint (practices->len, ==, 3);
  p1 = g_ptr_array_index (practices, 0);
  g_assert_cmpstr (p1->ods_code, ==, "P00001");
  g_assert_cmpstr (p1->go_live, ==, "2018-07-15");
  g_assert_cmpstr (p1->level, ==, "full");
  g_assert_cmpint (p1->list_size, ==, 9000);
  g_assert_cmpfloat_with_epsilon (p1->required_minutes, 270.0, 1e-9);
  g_assert_false (p1->shortfall);
  g_assert_true (((LpAccessPractice *) g_ptr_array_index (practices, 1))->shortfall);
  g_assert_false (((LpAccessPractice *) g_ptr_array_index (practices, 2))->shortfall);  /* no patients */
}

static void
test_required_minutes (void)
{
  /* The published rules: 30 minutes per 1,000 a week. */
  g_assert_cmpfloat_with_epsilon (lp_access_required_minutes (75825, 30, FALSE), 2274.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (lp_access_required_minutes (75825, 30, FALSE) / 60.0, 37.9125, 1e-9);
  g_assert_cmpfloat (lp_access_required_minutes (50000, 30, TRUE), ==, 1500.0);   /* 25 hours */
  g_assert_cmpfloat (lp_access_required_minutes (75825, 30, TRUE), ==, 2280.0);   /* 37 hours 45 */
  g_assert_cmpfloat (lp_access_required_minutes (75825, 60, FALSE), ==, 4549.5);
}

/* The sample: the published trajectory read as the plan says it ("100%
 * by 1st October 2018", listed as 2018/19 Q3): 21% from January 2018,
 * 31% from April, 68% from July, 81% from August, 100% from October, each
 * until the next; the financial years 2017/18 and 2018/19.  Planned
 * coverage is 100% from October 2018 (not September) but, with the
 * illustrative go-live dates, short of the trajectory in January,
 * February, April and May 2018. */
static void
test_sample (TestSample *f, gconstpointer data)
{
  static const struct { const char *month; double target; const char *from; const char *label; } trajectory[] = {
    { "2018-01", 0.21, "2018-01", "2017/18 Q4" }, { "2018-03", 0.21, "2018-01", NULL },
    { "2018-04", 0.31, "2018-04", "2018/19 Q1" }, { "2018-06", 0.31, "2018-04", NULL },
    { "2018-07", 0.68, "2018-07", "2018/19 Q2 (July)" }, { "2018-08", 0.81, "2018-08", "2018/19 Q2 (August)" },
    { "2018-09", 0.81, "2018-08", NULL }, { "2018-10", 1.00, "2018-10", "2018/19 Q3" },
    { "2018-11", 1.00, "2018-10", NULL }, { "2019-03", 1.00, "2018-10", NULL },
  };
  static const struct { const char *month; double target; const char *label; } points[] = {
    { "2018-01", 0.21, "2017/18 Q4" }, { "2018-04", 0.31, "2018/19 Q1" }, { "2018-07", 0.68, "2018/19 Q2 (July)" },
    { "2018-08", 0.81, "2018/19 Q2 (August)" }, { "2018-10", 1.00, "2018/19 Q3" },
  };
  /* Patients of practices planned live by each month's end, of 596,907. */
  static const struct { const char *month; gint64 planned; } planned[] = {
    { "2017-12", 0 }, { "2018-01", 63655 }, { "2018-02", 63655 }, { "2018-03", 129026 }, { "2018-04", 129026 },
    { "2018-05", 129026 }, { "2018-06", 192132 }, { "2018-07", 407750 }, { "2018-08", 494583 },
    { "2018-09", 564730 }, { "2018-10", 596907 }, { "2018-11", 596907 },
  };
  static const char *const plan_short[] = { "2018-01", "2018-02", "2018-04", "2018-05" };
  LpAccessQuery query = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpAccessTable) table = lp_plan_access (f->plan, &query, &error);
  const LpAccessMonth *october;
  guint n_short = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (table->months->len, ==, 24);
  g_assert_cmpstr (((LpAccessMonth *) g_ptr_array_index (table->months, 0))->month, ==, "2017-04");
  g_assert_cmpstr (((LpAccessMonth *) g_ptr_array_index (table->months, 23))->month, ==, "2019-03");
  g_assert_false (month_of (table, "2017-12")->has_target);
  g_assert_cmpstr (month_of (table, "2017-12")->target_from, ==, "");
  g_assert_null (month_of (table, "2017-12")->target_period);
  for (gsize i = 0; i < G_N_ELEMENTS (trajectory); i++)
    {
      const LpAccessMonth *month = month_of (table, trajectory[i].month);

      g_assert_true (month->has_target);
      g_assert_cmpfloat_with_epsilon (month->target, trajectory[i].target, 1e-12);
      g_assert_cmpstr (month->target_from, ==, trajectory[i].from);
      g_assert_cmpstr (month->target_label, ==, trajectory[i].label);
    }
  g_assert_cmpstr (month_of (table, "2018-09")->target_period, ==, "2018/19 Q2 (August)");
  g_assert_cmpstr (month_of (table, "2018-11")->target_period, ==, "2018/19 Q3");
  g_assert_cmpuint (table->targets->len, ==, G_N_ELEMENTS (points));
  for (gsize i = 0; i < G_N_ELEMENTS (points); i++)
    {
      const LpAccessTarget *target = g_ptr_array_index (table->targets, i);

      g_assert_cmpstr (target->month, ==, points[i].month);
      g_assert_cmpfloat_with_epsilon (target->target, points[i].target, 1e-12);
      g_assert_cmpstr (target->label, ==, points[i].label);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (planned); i++)
    g_assert_cmpfloat_with_epsilon (month_of (table, planned[i].month)->planned,
                                    (double) planned[i].planned / 596907.0, 1e-12);
  for (guint i = 0; i < table->months->len; i++)
    {
      const LpAccessMonth *month = g_ptr_array_index (table->months, i);

      g_assert_cmpint (month->population, ==, 596907);
      if (month->has_target && month->planned < month->target)
        {
          g_assert_cmpuint (n_short, <, G_N_ELEMENTS (plan_short));
          g_assert_cmpstr (month->month, ==, plan_short[n_short]);
          n_short++;
        }
    }
  g_assert_cmpuint (n_short, ==, G_N_ELEMENTS (plan_short));
  g_assert_cmpstr (month_of (table, "2018-10")->rule, ==, "GP Forward View extended access");
  /* 596,907 patients at 30 minutes per 1,000: 17,907.21 minutes a week. */
  g_assert_cmpfloat_with_epsilon (month_of (table, "2018-10")->required_minutes, 17907.21, 1e-9);
  /* Three practices that went live a month late put July (61.96% of 68%)
   * and August (80.00% of 81%) behind on actuals. */
  g_assert_true (month_of (table, "2018-07")->has_actual);
  g_assert_true (month_of (table, "2018-07")->behind);
  g_assert_cmpfloat_with_epsilon (month_of (table, "2018-07")->gap, 0.68 - 369870.0 / 596907.0, 1e-12);
  g_assert_true (month_of (table, "2018-08")->behind);
  g_assert_cmpfloat_with_epsilon (month_of (table, "2018-08")->gap, 0.81 - 477537.0 / 596907.0, 1e-12);
  g_assert_false (month_of (table, "2018-09")->behind);
  /* October, the reference month, is behind against 100%: two practices
   * went live with partial access, 97.14% covered, 2.86 points short
   * (against 81% it would read 16.1 points ahead). */
  october = month_of (table, "2018-10");
  g_assert_true (october->has_actual);
  g_assert_cmpfloat_with_epsilon (october->actual, 579861.0 / 596907.0, 1e-12);
  g_assert_true (october->behind);
  g_assert_cmpfloat_with_epsilon (october->gap, 17046.0 / 596907.0, 1e-12);
  g_assert_false (month_of (table, "2018-11")->has_actual);
  g_assert_false (month_of (table, "2018-11")->behind);
}

/* A plan saved when a quarter was read as its last month holds
 * "2018/19 Q2" in September: its words place it in July.  Words that are
 * not a period ("Q1") keep the month stored. */
static void
test_stored_quarter (Small *f, gconstpointer data)
{
  g_autoptr(LpAccessTable) table = NULL;
  const LpAccessTarget *second;

  g_assert_cmpint (sqlite3_exec (lp_plan_get_db (f->plan),
                                 "INSERT INTO access_trajectory (id, scenario_id, label, period_month, target_bp) "
                                 "  SELECT 22, id, '2018/19 Q2', '2018-09-01', 8000 FROM scenario;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  table = access_table (f->plan, f->a, TRUE);
  g_assert_cmpfloat (month_of (table, "2018-06")->target, ==, 0.5);
  g_assert_cmpstr (month_of (table, "2018-06")->target_from, ==, "2018-06");
  g_assert_cmpstr (month_of (table, "2018-06")->target_period, ==, "Q1");
  g_assert_cmpfloat (month_of (table, "2018-07")->target, ==, 0.8);
  g_assert_cmpstr (month_of (table, "2018-07")->target_from, ==, "2018-07");
  g_assert_cmpstr (month_of (table, "2018-07")->target_label, ==, "2018/19 Q2");
  g_assert_cmpfloat (month_of (table, "2018-09")->target, ==, 0.8);
  g_assert_null (month_of (table, "2018-09")->target_label);
  g_assert_cmpstr (month_of (table, "2018-09")->target_period, ==, "2018/19 Q2");
  /* P1's 9,000 of 13,000 live from 1 August: short of 80% by 10.77 points. */
  g_assert_cmpfloat_with_epsilon (month_of (table, "2018-08")->gap, 0.8 - 9000.0 / 13000.0, 1e-12);
  g_assert_true (month_of (table, "2018-08")->behind);
  g_assert_cmpuint (table->targets->len, ==, 2);
  second = g_ptr_array_index (table->targets, 1);
  g_assert_cmpstr (second->month, ==, "2018-07");
  g_assert_cmpfloat (second->target, ==, 0.8);
}

/* Before the plan's first capacity rule (April 2017), the user's default
 * rule applies if they set one, and no rule at all if not. */
static void
test_default_rule (TestSample *f, gconstpointer data)
{
  LpAccessQuery with_default = { 0, 0, "2017-03", "2017-04", FALSE, 45 };
  LpAccessQuery without = { 0, 0, "2017-03", "2017-04", FALSE, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpAccessTable) table = lp_plan_access (f->plan, &with_default, &error);
  g_autoptr(LpAccessTable) plain = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (month_of (table, "2017-03")->rule, ==, "Default rule: 45 minutes a week per 1,000 patients");
  /* 596,907 patients at 45 minutes per 1,000: 26,860.815 minutes a week. */
  g_assert_cmpfloat_with_epsilon (month_of (table, "2017-03")->required_minutes, 26860.815, 1e-9);
  g_assert_cmpstr (month_of (table, "2017-04")->rule, ==, "GP Forward View extended access");
  g_assert_cmpfloat_with_epsilon (month_of (table, "2017-04")->required_minutes, 17907.21, 1e-9);
  plain = lp_plan_access (f->plan, &without, &error);
  g_assert_no_error (error);
  g_assert_null (month_of (plain, "2017-03")->rule);
  g_assert_cmpfloat (month_of (plain, "2017-03")->required_minutes, ==, 0);
}

/* A practice's go-live moved to November leaves October short of 100%;
 * one undo puts it back.  Bad dates and levels are refused. */
static void
test_set_plan (TestSample *f, gconstpointer data)
{
  gint64 practice = lp_plan_find_practice (f->plan, "X06K01");
  LpAccessQuery query = { 0, 0, "2018-10", "2018-10", FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpAccessTable) moved = NULL;
  g_autoptr(LpAccessTable) undone = NULL;

  g_assert_true (lp_plan_set_access_plan (f->plan, 0, practice, "01/11/2018", "full", 375, &error));
  g_assert_no_error (error);
  moved = lp_plan_access (f->plan, &query, &error);
  g_assert_cmpfloat_with_epsilon (((LpAccessMonth *) g_ptr_array_index (moved->months, 0))->planned,
                                  1.0 - 12326.0 / 596907.0, 1e-12);
  g_assert_true (lp_plan_undo (f->plan, &error));
  undone = lp_plan_access (f->plan, &query, &error);
  g_assert_cmpfloat_with_epsilon (((LpAccessMonth *) g_ptr_array_index (undone->months, 0))->planned, 1.0, 1e-12);

  g_assert_false (lp_plan_set_access_plan (f->plan, 0, practice, "31/02/2018", "full", 375, &error));
  g_assert_nonnull (strstr (error->message, "Go-live date"));
  g_clear_error (&error);
  g_assert_false (lp_plan_set_access_plan (f->plan, 0, practice, "2018-11-01", "sometimes", 375, &error));
  g_assert_cmpstr (error->message, ==, "The level must be full, partial or none, not “sometimes”");
  g_clear_error (&error);
  g_assert_false (lp_plan_set_access_plan (f->plan, 0, practice, "2018-11-01", "full", -5, &error));
  g_assert_cmpstr (error->message, ==, "Minutes a week must be 0 or more, not -5");
}

/* Periods as the published trajectory writes them: a quarter from its
 * first month ("100% by 1st October 2018" is listed as 2018/19 Q3), a
 * named month from that month. */
static void
test_periods (void)
{
  static const char *const cases[][2] = {
    { "2017/18 Q4", "2018-01-01" }, { "2018/19 Q1", "2018-04-01" }, { "2018/19 Q2 (July)", "2018-07-01" },
    { "2018/19 Q2 (August)", "2018-08-01" }, { "2018/19 Q3", "2018-10-01" }, { "2018/19 Q4 (Jan)", "2019-01-01" },
    { "2018/19 Q2", "2018-07-01" }, { "2018/19 Q4", "2019-01-01" }, { "2018/19 Q4 (March)", "2019-03-01" },
    { "2018/19 Q3 (December)", "2018-12-01" }, { "2018-07", "2018-07-01" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *wrong_quarter = NULL;
  g_autofree char *not_a_year = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *month = lp_access_parse_period (cases[i][0], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (month, ==, cases[i][1]);
    }
  wrong_quarter = lp_access_parse_period ("2018/19 Q1 (July)", &error);
  g_assert_null (wrong_quarter);
  g_assert_cmpstr (error->message, ==, "“2018/19 Q1 (July)”: July is not a month of quarter 1");
  g_clear_error (&error);
  not_a_year = lp_access_parse_period ("2018/20 Q1", &error);
  g_assert_null (not_a_year);
  g_assert_nonnull (strstr (error->message, "is not a period such as 2018/19 Q3"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/access/coverage", Small, NULL, small_set_up, test_coverage, small_tear_down);
  g_test_add ("/access/targets", Small, NULL, small_set_up, test_targets, small_tear_down);
  g_test_add ("/access/capacity", Small, NULL, small_set_up, test_capacity, small_tear_down);
  g_test_add ("/access/stored-quarter", Small, NULL, small_set_up, test_stored_quarter, small_tear_down);
  g_test_add_func ("/access/required-minutes", test_required_minutes);
  g_test_add_func ("/access/periods", test_periods);
  g_test_add ("/access/sample", TestSample, NULL, test_sample_set_up, test_sample, test_sample_tear_down);
  g_test_add ("/access/default-rule", TestSample, NULL, test_sample_set_up, test_default_rule, test_sample_tear_down);
  g_test_add ("/access/set-plan", TestSample, NULL, test_sample_set_up, test_set_plan, test_sample_tear_down);
  return g_test_run ();
}
