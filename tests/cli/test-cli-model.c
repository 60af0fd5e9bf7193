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

/* Two localities of 10,000 patients, South with three times North's 500
 * patients aged 75 and over, and a CCG frailty change of 4,000 admissions
 * and 8,000 bed days in a year: 1,000:3,000 on the 75+ base. */
static char *
plan_with_age_profiles (const char *dir)
{
  g_autofree char *plan = g_build_filename (dir, "ages.lpplan", NULL);
  g_autoptr(CliRun) made = cli_run ("new", plan, NULL);
  g_autofree char *fixture = test_fixture_sql ("population-bases.sql");

  g_assert_cmpint (made->status, ==, 0);
  cli_sql (plan, fixture);
  cli_sql (plan,
           "INSERT INTO pathway (id, name, category) VALUES (7, 'Frailty', 'inpatient');"
           "INSERT INTO pathway_change (scenario_id, pathway_id, level, horizon_years, activity, bed_days) "
           "  SELECT id, 7, 'ccg', 1, 4000, 8000 FROM scenario WHERE base_id IS NULL;");
  return g_steal_pointer (&plan);
}

static void
test_model_base (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = plan_with_age_profiles (dir);
  g_autoptr(CliRun) north = cli_run ("model", plan, "--locality", "North", "--per", "year", "--base", "75+", NULL);
  g_autoptr(CliRun) registered = cli_run ("model", plan, "--locality", "North", "--per", "year", NULL);
  g_autoptr(CliRun) practices = cli_run ("model", plan, "--per", "year", "--base=75+", "--practices", "--csv", NULL);
  g_autoptr(CliRun) bad = cli_run ("model", plan, "--base", "75++", NULL);

  g_assert_cmpint (north->status, ==, 0);
  g_assert_cmpstr (north->out, ==,
                   "North: reductions per year, for 10,000 registered patients\n"
                   "Shared by population base: 75+\n"
                   "\n"
                   "Pathway                    1 years: activity  1 years: bed days  Population base\n"
                   "Frailty                              1,000.0            2,000.0  75+\n"
                   "In-patients total                    1,000.0            2,000.0\n"
                   "A&E and outpatients total                0.0                0.0\n"
                   "Grand total                          1,000.0            2,000.0\n");
  g_assert_cmpint (registered->status, ==, 0);
  g_assert_cmpstr (registered->out, ==,
                   "North: reductions per year, for 10,000 registered patients\n"
                   "Shared by population base: registered\n"
                   "\n"
                   "Pathway                    1 years: activity  1 years: bed days\n"
                   "Frailty                              2,000.0            4,000.0\n"
                   "In-patients total                    2,000.0            4,000.0\n"
                   "A&E and outpatients total                0.0                0.0\n"
                   "Grand total                          2,000.0            4,000.0\n");
  g_assert_cmpint (practices->status, ==, 0);
  g_assert_cmpstr (practices->out, ==,
                   "Code,Practice,Locality,List size,Share (%),1 years: activity,1 years: bed days,Population base\r\n"
                   "N00001,North One,North,5000,50,250,500,75+\r\n"
                   "N00002,North Two,North,5000,50,750,1500,75+\r\n"
                   "S00001,South One,South,10000,100,3000,6000,75+\r\n");
  g_assert_cmpint (bad->status, ==, 2);
  cli_assert_one_line_error (bad, "“75++” is not a population base: write registered, or an age band such as 75+ or 0-4");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/model/lower-lea-valley", test_model_lower_lea_valley);
  g_test_add_func ("/cli/model/per-week-csv", test_model_per_week_csv);
  g_test_add_func ("/cli/model/usage", test_model_usage);
  g_test_add_func ("/cli/model/compare", test_model_compare);
  g_test_add_func ("/cli/model/base", test_model_base);
  return g_test_run ();
}
