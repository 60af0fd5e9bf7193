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
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (((GStrv) g_ptr_array_index (rows, 1))[1], NULL),
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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/model/lower-lea-valley", test_model_lower_lea_valley);
  g_test_add_func ("/cli/model/per-week-csv", test_model_per_week_csv);
  g_test_add_func ("/cli/model/usage", test_model_usage);
  return g_test_run ();
}
