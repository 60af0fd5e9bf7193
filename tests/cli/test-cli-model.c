/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `model`: the locality modelling table, as published for Lower Lea Valley. */
#include <string.h>

#include "cli-test-util.h"

static void
test_model_lower_lea_valley (void)
{
  g_autoptr(CliRun) run = cli_run ("model", cli_sample_plan (), "--locality", "Lower Lea Valley",
                                   "--per", "month", NULL);
  g_autoptr(GPtrArray) frailty = NULL;
  g_autoptr(GPtrArray) total = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "Lower Lea Valley: reductions per month (a year / 12), "
                                      "for 75,825 registered patients"));
  frailty = cli_find_line (run->out, "Frailty");
  /* The words after the row's name: the four published figures. */
  g_assert_cmpuint (frailty->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (frailty, 0), ==, "5.5");
  g_assert_cmpstr (g_ptr_array_index (frailty, 3), ==, "10.4");
  total = cli_find_line (run->out, "Grand total");
  g_assert_cmpstr (g_ptr_array_index (total, 0), ==, "241.5");
  g_assert_cmpstr (g_ptr_array_index (total, 1), ==, "20.4");
}

static void
test_model_per_week_csv (void)
{
  g_autoptr(CliRun) run = cli_run ("model", cli_sample_plan (), "--locality=Lower Lea Valley",
                                   "--per=week", "--csv", NULL);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_cmpint (run->status, ==, 0);
  rows = cli_parse_csv (run->out);
  /* Header and 11 rows; Frailty's 5.5 a month is 5.5 x 12 / 52 a week. */
  g_assert_cmpuint (rows->len, ==, 12);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cli_csv_cell (rows, 1, 1), NULL),
                                  5.5 * 12 / 52, 1e-9);
}

static void
test_model_usage (void)
{
  g_autoptr(CliRun) locality = cli_run ("model", cli_sample_plan (), "--locality", "Atlantis", NULL);
  g_autoptr(CliRun) per = cli_run ("model", cli_sample_plan (), "--per", "fortnight", NULL);

  g_assert_cmpint (locality->status, ==, 2);
  cli_assert_one_line_error (locality, "the plan has no locality called “Atlantis”");
  g_assert_cmpint (per->status, ==, 2);
  cli_assert_one_line_error (per, "--per takes month, week or year, not “fortnight”");
}

/* A scenario whose Lower Lea Valley Frailty is 7.5 a month, compared with
 * the base: the difference is 2.0 on that row and on the totals only. */
static void
test_model_compare (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = cli_copy_sample (dir, "plan.lpplan");
  g_autoptr(CliRun) run = NULL;
  g_autoptr(GPtrArray) frailty = NULL;
  g_autoptr(GPtrArray) msk = NULL;
  const char *difference;

  cli_sql (plan, "INSERT INTO scenario (id, name, base_id) SELECT 77, 'Faster frailty', id FROM scenario;"
                 "INSERT INTO pathway_change (id, scenario_id, pathway_id, level, locality_id, horizon_years, "
                 "  period, activity, bed_days) "
                 "SELECT 78, 77, pathway_id, level, locality_id, horizon_years, period, 7.5, bed_days "
                 "FROM pathway_change JOIN pathway ON pathway.id = pathway_id "
                 "WHERE name = 'Frailty' AND level = 'locality' AND horizon_years = 3;");
  run = cli_run ("model", plan, "--locality", "Lower Lea Valley", "--scenario", "faster frailty",
                 "--compare", "Base", NULL);
  g_assert_cmpint (run->status, ==, 0);
  difference = strstr (run->out, "Difference from scenario “Base”:");
  g_assert_nonnull (difference);
  frailty = cli_find_line (difference, "Frailty");
  msk = cli_find_line (difference, "MSK");
  g_assert_cmpstr (g_ptr_array_index (frailty, 0), ==, "2.0");
  g_assert_cmpstr (g_ptr_array_index (msk, 0), ==, "0.0");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/model/lower-lea-valley", test_model_lower_lea_valley);
  g_test_add_func ("/cli/model/per-week-csv", test_model_per_week_csv);
  g_test_add_func ("/cli/model/usage", test_model_usage);
  g_test_add_func ("/cli/model/compare", test_model_compare);
  return g_test_run ();
}
