/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Enhanced access per primary care network, on the small plan of
 * tests/fixtures/pcn-era.sql whose every figure is worked out by hand
 * there: a rule changing in October 2022 from practice coverage to PCN
 * minutes. */
#include "core-test-util.h"
#include "lp-plan-private.h"

typedef struct {
  char   *dir;
  LpPlan *plan;
} Fixture;

static void
sql (Fixture    *f,
     const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lp_sqlite_exec (lp_plan_get_db (f->plan), text, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *plan_sql = test_fixture_sql ("pcn-era.sql");

  f->dir = test_tmp_dir ();
  f->plan = test_new_plan (f->dir);
  sql (f, plan_sql);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->plan);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

static LpPcnAccess *
pcn_access (Fixture    *f,
            const char *locality,
            const char *month)
{
  g_autoptr(GError) error = NULL;
  LpPcnAccess *access = lp_plan_pcn_access (f->plan, 0, locality != NULL ? lp_plan_find_locality (f->plan, locality) : 0,
                                            month, &error);

  g_assert_no_error (error);
  g_assert_nonnull (access);
  return access;
}

static const LpPcnAccessPcn *
find_pcn (LpPcnAccess *access,
          const char  *code)
{
  for (guint i = 0; i < access->pcns->len; i++)
    if (g_str_equal (((LpPcnAccessPcn *) g_ptr_array_index (access->pcns, i))->code, code))
      return g_ptr_array_index (access->pcns, i);
  return NULL;
}

static void
test_standard_hours (void)
{
  /* Weekdays 18:30-20:00, Saturdays 09:00-17:00, Sundays never. */
  g_assert_cmpint (lp_pcn_standard_minutes (1, 18 * 60 + 30, 20 * 60), ==, 90);
  g_assert_cmpint (lp_pcn_standard_minutes (3, 17 * 60, 20 * 60), ==, 90);
  g_assert_cmpint (lp_pcn_standard_minutes (5, 20 * 60, 21 * 60), ==, 0);
  g_assert_cmpint (lp_pcn_standard_minutes (6, 8 * 60, 12 * 60), ==, 180);
  g_assert_cmpint (lp_pcn_standard_minutes (6, 16 * 60, 18 * 60), ==, 60);
  g_assert_cmpint (lp_pcn_standard_minutes (7, 10 * 60, 14 * 60), ==, 0);
}

/* October 2022, the first month of the PCN rule. */
static void
test_pcn_month (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LpPcnAccess) access = pcn_access (f, NULL, "2022-10");
  const LpPcnAccessPcn *riverside = find_pcn (access, "U00001");
  const LpPcnAccessPcn *hillside = find_pcn (access, "U00002");
  const LpPcnAccessLocality *east, *west;

  g_assert_true (access->pcn_era);
  g_assert_cmpstr (access->rule, ==, "Enhanced access");
  g_assert_cmpstr (access->base, ==, "weighted PCN adjusted");
  g_assert_cmpuint (access->pcns->len, ==, 2);
  /* By name: Hillside before Riverside. */
  g_assert_true (g_ptr_array_index (access->pcns, 0) == hillside);
  /* 30,000 adjusted at 60 per 1,000: 1,800 minutes, 30 hours. */
  g_assert_cmpstr (riverside->name, ==, "Riverside PCN");
  g_assert_cmpfloat (riverside->population, ==, 30000);
  g_assert_cmpuint (riverside->practices, ==, 3);
  g_assert_cmpfloat (riverside->required_minutes, ==, 1800);
  g_assert_cmpint (riverside->offered_minutes, ==, 1080);
  g_assert_cmpint (riverside->standard_minutes, ==, 690);
  g_assert_cmpuint (riverside->sessions, ==, 6);
  g_assert_true (riverside->shortfall);
  g_assert_cmpfloat (riverside->locality_share, ==, 1);
  /* 6,500 at 60: 390; the Friday session ended on 15 October. */
  g_assert_cmpfloat (hillside->population, ==, 6500);
  g_assert_cmpfloat (hillside->required_minutes, ==, 390);
  g_assert_cmpint (hillside->offered_minutes, ==, 330);
  g_assert_cmpint (hillside->standard_minutes, ==, 330);
  g_assert_cmpuint (hillside->sessions, ==, 2);
  /* Localities: East has 0.7 of Riverside, West 0.3 and Hillside. */
  g_assert_cmpuint (access->localities->len, ==, 2);
  east = g_ptr_array_index (access->localities, 0);
  west = g_ptr_array_index (access->localities, 1);
  g_assert_cmpstr (east->name, ==, "East");
  g_assert_cmpfloat_with_epsilon (east->population, 21000, 1e-6);
  g_assert_cmpfloat_with_epsilon (east->required_minutes, 1260, 1e-6);
  g_assert_cmpfloat_with_epsilon (east->offered_minutes, 756, 1e-6);
  g_assert_cmpfloat_with_epsilon (east->standard_minutes, 483, 1e-6);
  g_assert_cmpstr (west->name, ==, "West");
  g_assert_cmpfloat_with_epsilon (west->population, 15500, 1e-6);
  g_assert_cmpfloat_with_epsilon (west->required_minutes, 930, 1e-6);
  g_assert_cmpfloat_with_epsilon (west->offered_minutes, 654, 1e-6);
  g_assert_cmpfloat_with_epsilon (west->standard_minutes, 537, 1e-6);
  /* Nothing counted twice: the localities add up to the PCNs. */
  g_assert_cmpfloat_with_epsilon (access->population, 36500, 1e-6);
  g_assert_cmpfloat_with_epsilon (access->required_minutes, 2190, 1e-6);
  g_assert_cmpfloat_with_epsilon (access->offered_minutes, 1410, 1e-6);
  g_assert_cmpfloat_with_epsilon (access->standard_minutes, 1020, 1e-6);
  g_assert_cmpuint (access->all_pcns, ==, 2);
  g_assert_cmpuint (access->all_sessions, ==, 10);
}

/* A locality sees its PCNs whole, with its share of each. */
static void
test_pcn_locality (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LpPcnAccess) east = pcn_access (f, "East", "2022-10");
  g_autoptr(LpPcnAccess) west = pcn_access (f, "West", "2022-10");

  g_assert_cmpuint (east->pcns->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (find_pcn (east, "U00001")->locality_share, 0.7, 1e-9);
  g_assert_cmpfloat_with_epsilon (east->required_minutes, 1260, 1e-6);
  g_assert_cmpfloat_with_epsilon (east->offered_minutes, 756, 1e-6);
  g_assert_cmpuint (west->pcns->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (find_pcn (west, "U00001")->locality_share, 0.3, 1e-9);
  g_assert_cmpfloat_with_epsilon (west->required_minutes, 930, 1e-6);
  g_assert_cmpfloat_with_epsilon (west->standard_minutes, 537, 1e-6);
}

/* From January 2023 Riverside's Thursday evening counts too. */
static void
test_pcn_later_session (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(LpPcnAccess) access = pcn_access (f, NULL, "2023-01");
  const LpPcnAccessPcn *riverside = find_pcn (access, "U00001");

  g_assert_cmpint (riverside->offered_minutes, ==, 1170);
  g_assert_cmpint (riverside->standard_minutes, ==, 780);
  g_assert_cmpuint (riverside->sessions, ==, 7);
}

/* September 2022 is still the practice era. */
static void
test_practice_month (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(LpPcnAccess) access = pcn_access (f, NULL, "2022-09");
  g_autoptr(GError) error = NULL;
  gboolean pcn = TRUE;

  g_assert_false (access->pcn_era);
  g_assert_cmpstr (access->rule, ==, "Extended access");
  g_assert_cmpuint (access->pcns->len, ==, 0);
  g_assert_true (lp_plan_access_is_pcn_month (f->plan, "2022-09", &pcn, &error));
  g_assert_false (pcn);
  g_assert_true (lp_plan_access_is_pcn_month (f->plan, "2022-10", &pcn, &error));
  g_assert_true (pcn);
  g_assert_false (lp_plan_access_is_pcn_month (f->plan, "October", &pcn, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
}

/* The month by month table: coverage % before October, minutes after. */
static void
test_months (Fixture       *f,
             gconstpointer  data)
{
  LpAccessQuery query = { 0, 0, "2022-09", "2022-10", FALSE, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpAccessTable) table = lp_plan_access (f->plan, &query, &error);
  const LpAccessMonth *september, *october;

  g_assert_no_error (error);
  g_assert_cmpuint (table->months->len, ==, 2);
  september = g_ptr_array_index (table->months, 0);
  october = g_ptr_array_index (table->months, 1);
  /* East One and West Two live: 18,000 / 36,000; behind the 100%. */
  g_assert_false (september->pcn_rule);
  g_assert_cmpfloat (september->planned, ==, 0.5);
  g_assert_true (september->behind);
  g_assert_cmpfloat (september->required_minutes, ==, 1080);
  g_assert_cmpint (september->offered_minutes, ==, 540);
  g_assert_true (october->pcn_rule);
  g_assert_false (october->behind);
  g_assert_cmpstr (october->rule, ==, "Enhanced access");
  g_assert_cmpfloat (october->required_minutes, ==, 2190);
  g_assert_cmpint (october->offered_minutes, ==, 1410);
  g_assert_cmpint (october->standard_minutes, ==, 1020);
  /* West alone: 930 required, 654 offered, 537 inside. */
  query.locality_id = lp_plan_find_locality (f->plan, "West");
  g_clear_pointer (&table, lp_access_table_free);
  table = lp_plan_access (f->plan, &query, &error);
  g_assert_no_error (error);
  october = g_ptr_array_index (table->months, 1);
  g_assert_cmpfloat (october->required_minutes, ==, 930);
  g_assert_cmpint (october->offered_minutes, ==, 654);
  g_assert_cmpint (october->standard_minutes, ==, 537);
}

/* On registered patients Riverside is 30,000 too and Hillside 6,000; at
 * 45 a 1,000 rounded to the quarter hour Hillside's 270 stays, and on the
 * adjusted base its 292.5 rounds to 300. */
static void
test_bases_and_rounding (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(LpPcnAccess) registered = NULL;
  g_autoptr(LpPcnAccess) rounded = NULL;

  sql (f, "UPDATE capacity_rule SET population_base = 'registered' WHERE id = 2");
  registered = pcn_access (f, NULL, "2022-10");
  g_assert_cmpfloat (find_pcn (registered, "U00001")->required_minutes, ==, 1800);
  g_assert_cmpfloat (find_pcn (registered, "U00002")->required_minutes, ==, 360);
  sql (f, "UPDATE capacity_rule SET population_base = 'weighted PCN adjusted', minutes_per_1000 = 45, "
          "round_to_quarter_hour = 1 WHERE id = 2");
  rounded = pcn_access (f, NULL, "2022-10");
  g_assert_cmpfloat (find_pcn (rounded, "U00002")->required_minutes, ==, 300);
  g_assert_cmpfloat (find_pcn (rounded, "U00001")->required_minutes, ==, 1350);
}

/* A member practice without an adjusted population is named, never 0;
 * one whose figure is dated after the month uses it. */
static void
test_missing_figure (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPcnAccess) access = NULL;
  LpAccessQuery query = { 0, 0, "2022-10", "2022-10", FALSE, 0 };
  g_autoptr(LpAccessTable) table = NULL;

  sql (f, "UPDATE weighted_population SET as_at = '2023-04-01' WHERE practice_id = 11");
  access = pcn_access (f, NULL, "2022-10");
  g_assert_cmpfloat (find_pcn (access, "U00001")->population, ==, 30000);
  g_clear_pointer (&access, lp_pcn_access_free);
  sql (f, "DELETE FROM weighted_population WHERE practice_id = 12");
  access = lp_plan_pcn_access (f->plan, 0, 0, "2022-10", &error);
  g_assert_null (access);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Practice E00002 is in a primary care network but has no figure on the population base "
                   "“weighted PCN adjusted”: import it, or choose another base for the rule");
  g_clear_error (&error);
  /* The month table says so too, rather than counting it as 0. */
  table = lp_plan_access (f->plan, &query, &error);
  g_assert_null (table);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pcn-access/standard-hours", test_standard_hours);
#define ADD(path, fn) g_test_add ("/pcn-access/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("pcn-month", test_pcn_month);
  ADD ("locality", test_pcn_locality);
  ADD ("later-session", test_pcn_later_session);
  ADD ("practice-month", test_practice_month);
  ADD ("months", test_months);
  ADD ("bases-and-rounding", test_bases_and_rounding);
  ADD ("missing-figure", test_missing_figure);
#undef ADD
  return g_test_run ();
}
