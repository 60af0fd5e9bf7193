/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the Overview shows, and when a contract counts as ending soon. */
#include "core-test-util.h"
#include "lp-plan-private.h"

static LpPlan *
open_sample (void)
{
  g_autoptr(GError) error = NULL;
  LpPlan *plan = lp_plan_open (g_getenv ("LP_SAMPLE_PLAN"), LP_PLAN_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return plan;
}

static void
test_sample_overview (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autoptr(GError) error = NULL;
  LpOverview overview;

  g_assert_true (lp_plan_get_overview (plan, "2026-11-22", 6, &overview, &error));
  g_assert_no_error (error);
  /* The sample is read as at its own reference date, in 2018. */
  g_assert_cmpstr (overview.reference_date, ==, "2018-10-01");
  g_assert_true (overview.reference_is_plan_setting);
  g_assert_cmpuint (overview.summary.localities, ==, 6);
  g_assert_cmpuint (overview.summary.practices, ==, 57);
  g_assert_cmpint (overview.summary.registered_patients, ==, 596907);
  g_assert_cmpint (overview.summary.contract_value_pounds, ==, 505666000);
  /* Ten contracts end on 31/03/2019; Herts Urgent Care runs to 2022. */
  g_assert_cmpuint (overview.contracts_ending_soon, ==, 10);
  g_assert_cmpint (overview.ending_soon_value_pounds, ==, 505666000 - 9213000);
  g_assert_cmpuint (overview.contracts_ended, ==, 0);
  lp_overview_clear (&overview);

  g_assert_true (lp_plan_get_overview (plan, NULL, 3, &overview, &error));
  g_assert_cmpuint (overview.contracts_ending_soon, ==, 0);
  g_assert_cmpuint (overview.ending_soon_months, ==, 3);
  lp_overview_clear (&overview);
}

static void
test_reference_date_defaults_to_today (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autofree char *today = lp_plan_dup_reference_date (plan, "2026-11-22");
  g_autofree char *set = NULL;
  g_autofree char *bad = NULL;
  LpOverview overview;

  g_assert_cmpstr (today, ==, "2026-11-22");
  g_assert_true (lp_plan_get_overview (plan, "2026-11-22", 6, &overview, NULL));
  g_assert_false (overview.reference_is_plan_setting);
  g_assert_cmpuint (overview.summary.practices, ==, 0);
  lp_overview_clear (&overview);
  g_assert_true (lp_plan_set_info (plan, "reference_date", "2019-01-15", NULL));
  set = lp_plan_dup_reference_date (plan, "2026-11-22");
  g_assert_cmpstr (set, ==, "2019-01-15");
  /* A setting that is not a date is ignored rather than trusted. */
  g_assert_true (lp_plan_set_info (plan, "reference_date", "soon", NULL));
  bad = lp_plan_dup_reference_date (plan, "2026-11-22");
  g_assert_cmpstr (bad, ==, "2026-11-22");
  g_clear_object (&plan);
  test_rm_rf (dir);
}

static const struct {
  const char      *reference;
  guint            months;
  LpContractState  state;
} states[] = {
  { "2016-01-01", 6, LP_CONTRACT_NOT_STARTED },
  { "2017-04-01", 6, LP_CONTRACT_CURRENT },
  { "2018-09-30", 6, LP_CONTRACT_CURRENT },       /* horizon 30/03/2019, a day short */
  { "2018-10-01", 6, LP_CONTRACT_ENDING_SOON },   /* horizon 01/04/2019 */
  { "2018-10-01", 5, LP_CONTRACT_CURRENT },
  { "2019-03-31", 6, LP_CONTRACT_ENDING_SOON },   /* its last day */
  { "2019-04-01", 6, LP_CONTRACT_ENDED },
};

static void
test_contract_states (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  LpContractFields fields = { "ENHT", NULL, "Acute", "2017-04-01", "2019-03-31", 0, 221961000, NULL };
  gint64 id = lp_plan_add_contract (plan, &fields, NULL);
  g_autoptr(LpContract) contract = lp_plan_get_contract (plan, id, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      LpContractState state = lp_contract_get_state (contract, states[i].reference, states[i].months);
      if (state != states[i].state)
        g_error ("as at %s with %u months: state %d, expected %d",
                 states[i].reference, states[i].months, state, states[i].state);
    }
  g_clear_object (&plan);
  test_rm_rf (dir);
}

/* 65+, 75+ and 85+ per locality from the latest age profiles, only when
 * the plan holds some (the sample has none).  tests/fixtures/
 * population-bases.sql: N1 has single years (50 at 75, 50 at 80, 25 at
 * 95+), N2 five-year bands (175 at 75-79, 150 at 85-89, 50 at 95+), S1 a
 * profile for all persons (1,000 at 75-79, 500 at 80-84; its older extract
 * is not read).  North: 65+ 125 + 375 = 500, 75+ 500, 85+ 25 + 200 = 225;
 * South 1,500, 1,500, 0. */
static void
test_locality_ages (void)
{
  g_autoptr(LpPlan) sample = open_sample ();
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autofree char *plan_sql = test_fixture_sql ("population-bases.sql");
  g_autoptr(GError) error = NULL;
  LpOverview overview;
  const LpLocalityAges *north, *south;

  g_assert_true (lp_plan_get_overview (sample, NULL, 6, &overview, &error));
  g_assert_null (overview.locality_ages);
  g_assert_null (overview.ages_extract);
  lp_overview_clear (&overview);

  g_assert_true (lp_sqlite_exec (lp_plan_get_db (plan), plan_sql, &error));
  /* A third North practice with a list size but no age profile. */
  g_assert_true (lp_sqlite_exec (lp_plan_get_db (plan),
      "INSERT INTO practice (id, ods_code, name, locality_id) VALUES (13, 'N00003', 'North Three', 1);"
      "INSERT INTO list_size (practice_id, extract_date, patients) VALUES (13, '2018-04-01', 800);"
      "INSERT INTO locality (id, name) VALUES (3, 'Empty');", &error));
  g_assert_true (lp_plan_get_overview (plan, "2019-01-01", 6, &overview, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (overview.ages_extract, ==, "2018-04-01");
  g_assert_cmpuint (overview.locality_ages->len, ==, 3);
  g_assert_cmpstr (((LpLocalityAges *) g_ptr_array_index (overview.locality_ages, 0))->name, ==, "Empty");
  g_assert_cmpuint (((LpLocalityAges *) g_ptr_array_index (overview.locality_ages, 0))->practices, ==, 0);
  north = g_ptr_array_index (overview.locality_ages, 1);
  south = g_ptr_array_index (overview.locality_ages, 2);
  g_assert_cmpstr (north->name, ==, "North");
  g_assert_cmpint (north->aged[0], ==, 500);
  g_assert_cmpint (north->aged[1], ==, 500);
  g_assert_cmpint (north->aged[2], ==, 225);
  g_assert_cmpuint (north->practices, ==, 3);
  g_assert_cmpuint (north->without_profile, ==, 1);
  g_assert_cmpint (south->aged[0], ==, 1500);
  g_assert_cmpint (south->aged[1], ==, 1500);
  g_assert_cmpint (south->aged[2], ==, 0);
  g_assert_cmpuint (south->without_profile, ==, 0);
  lp_overview_clear (&overview);

  /* One practice's: N1 has 50 at 75, 50 at 80 and 25 at 95+. */
  {
    gint64 aged[LP_OVERVIEW_N_AGE_BANDS];
    g_autofree char *extract = NULL;

    g_assert_true (lp_plan_get_practice_ages (plan, 11, aged, &extract, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (extract, ==, "2018-04-01");
    g_assert_cmpint (aged[0], ==, 125);
    g_assert_cmpint (aged[1], ==, 125);
    g_assert_cmpint (aged[2], ==, 25);
    g_clear_pointer (&extract, g_free);
    /* N3 has none: not 0. */
    g_assert_false (lp_plan_get_practice_ages (plan, 13, aged, &extract, &error));
    g_assert_no_error (error);
    g_assert_null (extract);
    g_assert_false (lp_plan_get_practice_ages (sample, 1, aged, &extract, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&plan);
  test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/overview/sample", test_sample_overview);
  g_test_add_func ("/overview/reference-date", test_reference_date_defaults_to_today);
  g_test_add_func ("/overview/contract-states", test_contract_states);
  g_test_add_func ("/overview/locality-ages", test_locality_ages);
  return g_test_run ();
}
