/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `access` and `workforce`: the sample's trajectory and GP FTE, as the
 * views show them, for a terminal and as CSV; wrong options refused; and
 * the CSV's figures in their shortest exact form. */
#include <string.h>

#include "cli-test-util.h"
#include "test-sql.h"

static void
test_access_months (void)
{
  g_autoptr(CliRun) run = cli_run ("access", cli_sample_plan (), "--from", "2018-06", "--to=2018-08",
                                   "--locality", "Lower Lea Valley", NULL);
  g_autoptr(GPtrArray) july = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "Month"));
  g_assert_null (strstr (run->out, "2018-05"));
  g_assert_null (strstr (run->out, "2018-09"));
  july = cli_find_line (run->out, "2018-07");
  /* Target, the month it applies from, planned, actual, gap, required and
   * offered minutes a week. */
  g_assert_cmpstr (g_ptr_array_index (july, 0), ==, "68.0");
  g_assert_cmpstr (g_ptr_array_index (july, 1), ==, "2018-07");
  g_assert_cmpstr (g_ptr_array_index (july, 2), ==, "100.0");
  g_assert_cmpstr (g_ptr_array_index (july, 5), ==, "2,274.8");
}

/* "2018/19 Q3: 100%" applies from October, the quarter's first month (the
 * plan: "100% population coverage by 1st October 2018"); August's 81%
 * holds through September.  October's 97.1% actual is behind, not ahead. */
static void
test_access_quarter_from_first_month (void)
{
  g_autoptr(CliRun) run = cli_run ("access", cli_sample_plan (), "--from", "2018-09", "--to", "2018-11", "--csv",
                                   NULL);
  static const struct { const char *month; double target; const char *from; } expected[] = {
    { "2018-09", 81.0, "2018-08" }, { "2018-10", 100.0, "2018-10" }, { "2018-11", 100.0, "2018-10" },
  };
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_cmpint (run->status, ==, 0);
  rows = cli_parse_csv (run->out);
  g_assert_cmpuint (rows->len, ==, 1 + 3);
  g_assert_cmpstr (cli_csv_cell (rows, 0, 1), ==, "Target %");
  g_assert_cmpstr (cli_csv_cell (rows, 0, 2), ==, "Target from");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (cli_csv_cell (rows, i + 1, 0), ==, expected[i].month);
      g_assert_cmpfloat (g_ascii_strtod (cli_csv_cell (rows, i + 1, 1), NULL), ==, expected[i].target);
      g_assert_cmpstr (cli_csv_cell (rows, i + 1, 2), ==, expected[i].from);
    }
  /* October: 579,861 of 596,907 patients covered, 2.86 points short. */
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cli_csv_cell (rows, 2, 4), NULL), 100.0 * 579861.0 / 596907.0,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cli_csv_cell (rows, 2, 5), NULL), 100.0 * 17046.0 / 596907.0,
                                  1e-9);
}

static void
test_access_csv (void)
{
  g_autoptr(CliRun) run = cli_run ("access", cli_sample_plan (), "--csv", NULL);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_cmpint (run->status, ==, 0);
  rows = cli_parse_csv (run->out);
  g_assert_cmpuint (rows->len, ==, 1 + 24);
  /* 2017/18 Q4's 21% from January 2018, the quarter's first month. */
  g_assert_cmpstr (cli_csv_cell (rows, 9, 0), ==, "2017-12");
  g_assert_cmpstr (cli_csv_cell (rows, 9, 1), ==, "");
  g_assert_cmpstr (cli_csv_cell (rows, 10, 0), ==, "2018-01");
  g_assert_cmpfloat (g_ascii_strtod (cli_csv_cell (rows, 10, 1), NULL), ==, 21.0);
  g_assert_cmpstr (cli_csv_cell (rows, 12, 0), ==, "2018-03");
  g_assert_cmpfloat (g_ascii_strtod (cli_csv_cell (rows, 12, 1), NULL), ==, 21.0);
  g_assert_cmpstr (cli_csv_cell (rows, 12, 2), ==, "2018-01");
}

/* Every number in @rows (past the header) in its shortest exact form: it
 * has no more significant digits than it needs, so the same figure with
 * one digit fewer reads back as a different double. */
static void
assert_shortest_numbers (GPtrArray *rows)
{
  guint checked = 0;

  for (guint r = 1; r < rows->len; r++)
    for (GStrv field = g_ptr_array_index (rows, r); *field != NULL; field++)
      {
        char *end = NULL;
        double value = g_ascii_strtod (*field, &end);
        g_autoptr(GString) digits = g_string_new (NULL);
        char format[16], fewer[64];

        if (**field == '\0' || *end != '\0')
          continue;
        /* The significant digits: no leading or trailing zeros. */
        for (const char *p = *field; *p != '\0' && *p != 'e'; p++)
          if (g_ascii_isdigit (*p) && (digits->len > 0 || *p != '0'))
            g_string_append_c (digits, *p);
        while (digits->len > 0 && digits->str[digits->len - 1] == '0')
          g_string_truncate (digits, digits->len - 1);
        checked++;
        if (digits->len <= 1)
          continue;
        g_snprintf (format, sizeof format, "%%.%ug", (guint) digits->len - 1);
        g_ascii_formatd (fewer, sizeof fewer, format, value);
        if (g_ascii_strtod (fewer, NULL) == value)
          g_error ("“%s” is written with more digits than “%s”", *field, fewer);
      }
  g_assert_cmpuint (checked, >, 0);
}

/* 596,907 patients at 30 minutes per 1,000 need 17,907.21 minutes a week:
 * written "17907.21", not the 17 digits of 17907.209999999999. */
static void
test_access_csv_shortest (void)
{
  g_autoptr(CliRun) run = cli_run ("access", cli_sample_plan (), "--csv", NULL);
  g_autoptr(CliRun) model = cli_run ("model", cli_sample_plan (), "--csv", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) model_rows = NULL;

  g_assert_cmpint (run->status, ==, 0);
  rows = cli_parse_csv (run->out);
  g_assert_cmpstr (cli_csv_cell (rows, 0, 6), ==, "Required min/week");
  g_assert_cmpstr (cli_csv_cell (rows, 1, 6), ==, "17907.21");
  g_assert_cmpstr (cli_csv_cell (rows, 24, 6), ==, "17907.21");
  g_assert_null (strstr (run->out, "17907.20999"));
  assert_shortest_numbers (rows);
  g_assert_cmpint (model->status, ==, 0);
  model_rows = cli_parse_csv (model->out);
  assert_shortest_numbers (model_rows);
}

static void
test_workforce_gp (void)
{
  g_autoptr(CliRun) run = cli_run ("workforce", cli_sample_plan (), "--group", "GP", "--csv", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  GStrv due;

  g_assert_cmpint (run->status, ==, 0);
  rows = cli_parse_csv (run->out);
  g_assert_cmpstr (cli_csv_cell (rows, 1, 0), ==, "2017/18 Q4");
  /* The target is +40 GP FTE by 31 March 2021: 2020/21 Q4, twelve quarters
   * on, 40 above the first quarter's (the baseline). */
  due = g_ptr_array_index (rows, 13);
  g_assert_cmpstr (due[0], ==, "2020/21 Q4");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (due[4], NULL) -
                                  g_ascii_strtod (cli_csv_cell (rows, 1, 4), NULL), 40.0, 1e-9);
  /* The illustrative rates replace most of the turnover: 250.37 GP FTE
   * become 254.0712063474; in 2020/21 Q4 turnover takes 4.4551144265 FTE
   * and recruitment brings 3.5244074278.  The baseline is as recorded:
   * nothing moved by rate. */
  g_assert_cmpstr (cli_csv_cell (rows, 0, 7), ==, "Turnover FTE");
  g_assert_cmpstr (cli_csv_cell (rows, 0, 8), ==, "Recruitment FTE");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cli_csv_cell (rows, 1, 3), NULL), 250.37, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (due[3], NULL), 254.0712063474, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (due[7], NULL), 4.4551144265, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (due[8], NULL), 3.5244074278, 1e-9);
  g_assert_cmpstr (cli_csv_cell (rows, 1, 7), ==, "");
  g_assert_null (strstr (run->out, "illustrative"));   /* --csv is the table alone */
}

/* Without --csv, the table is followed by the rates it assumed, marked
 * illustrative as the sample says, and the target as growth. */
static void
test_workforce_notes (void)
{
  g_autoptr(CliRun) run = cli_run ("workforce", cli_sample_plan (), "--group", "GP", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "\n\nYearly turnover and joiner rates (illustrative):\n"
                                      "  GP partner: turnover 5.0%, joiners 4.0%\n"
                                      "  Salaried GP: turnover 12.0%, joiners 11.0%\n"
                                      "Target: +40.0 FTE by 2021-03-31, growth on the 2018-03-31 baseline as "
                                      "the plan states it\n"));
}

/* A plan with no capacity rule requires nothing, unless a default rule
 * is given: 596,907 patients at 45 minutes per 1,000 need 26,860.8 a week. */
static void
test_access_default_rule (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = cli_copy_sample (dir, "no-rules.lpplan");
  g_autoptr(CliRun) none = NULL;
  g_autoptr(CliRun) given = NULL;
  g_autoptr(CliRun) bad = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  cli_sql (plan, "DELETE FROM capacity_rule");
  none = cli_run ("access", plan, "--from", "2018-10", "--to", "2018-10", "--csv", NULL);
  given = cli_run ("access", plan, "--from", "2018-10", "--to", "2018-10", "--default-rule", "45", "--csv", NULL);
  bad = cli_run ("access", plan, "--default-rule", "601", NULL);
  g_assert_cmpint (none->status, ==, 0);
  rows = cli_parse_csv (none->out);
  g_assert_cmpstr (cli_csv_cell (rows, 1, 6), ==, "0");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_cmpint (given->status, ==, 0);
  rows = cli_parse_csv (given->out);
  g_assert_cmpstr (cli_csv_cell (rows, 0, 6), ==, "Required min/week");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cli_csv_cell (rows, 1, 6), NULL), 26860.815, 1e-9);
  g_assert_cmpint (bad->status, ==, 2);
  g_assert_nonnull (strstr (bad->err, "--default-rule must be a whole number of minutes from 0 to 600, not “601”"));
}

static void
test_usage (void)
{
  g_autoptr(CliRun) group = cli_run ("workforce", cli_sample_plan (), "--group", "doctors", NULL);
  g_autoptr(CliRun) locality = cli_run ("access", cli_sample_plan (), "--locality", "Nowhere", NULL);

  g_assert_cmpint (group->status, ==, 2);
  g_assert_nonnull (strstr (group->err, "--group takes GP, nurses, dpc or admin, not “doctors”"));
  g_assert_cmpint (locality->status, ==, 2);
  g_assert_nonnull (strstr (locality->err, "the plan has no locality called “Nowhere”"));
}

/* The small plan of tests/fixtures/pcn-era.sql: its rule changes in
 * October 2022 from coverage of practices to minutes per network. */
static void
test_access_pcn_era (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = g_build_filename (dir, "pcn-era.lpplan", NULL);
  g_autoptr(CliRun) made = cli_run ("new", plan, NULL);
  g_autofree char *fixture = test_fixture_sql ("pcn-era.sql");
  g_autoptr(CliRun) months = NULL;
  g_autoptr(CliRun) sample = NULL;
  g_autoptr(CliRun) networks = NULL;
  g_autoptr(CliRun) west = NULL;
  g_autoptr(CliRun) refused = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_cmpint (made->status, ==, 0);
  cli_sql (plan, fixture);
  months = cli_run ("access", plan, "--from", "2022-09", "--to", "2022-10", NULL);
  g_assert_cmpint (months->status, ==, 0);
  /* September: 50% covered, 1,080 required of 36,000 at 30; October: no
   * coverage, 2,190 required of the networks, 1,410 offered, 1,020 of
   * them inside network standard hours. */
  g_assert_cmpstr (months->out, ==,
                   "Month    Target %  Target from  Planned %  Actual %  Gap (points)  Required min/week  "
                   "Offered min/week  In network hours\n"
                   "2022-09     100.0  2022-04           50.0                    50.0            1,080.0  "
                   "             540\n"
                   "2022-10                                                                      2,190.0  "
                   "           1,410             1,020\n");
  /* A practice-era table keeps its columns. */
  sample = cli_run ("access", plan, "--from", "2022-09", "--to", "2022-09", "--csv", NULL);
  g_assert_cmpstr (sample->out, ==,
                   "Month,Target %,Target from,Planned %,Actual %,Gap (points),Required min/week,Offered min/week\r\n"
                   "2022-09,100,2022-04,50,\"\",50,1080,540\r\n");

  /* Riverside's 30,000 adjusted at 60 per 1,000: 1,800 minutes (30 hours). */
  networks = cli_run ("access", plan, "--to", "2022-10", "--networks", "--csv", NULL);
  g_assert_cmpint (networks->status, ==, 0);
  rows = cli_parse_csv (networks->out);
  g_assert_cmpuint (rows->len, ==, 1 + 4);
  g_assert_cmpstr (cli_csv_cell (rows, 0, 7), ==, "In network hours");
  g_assert_cmpstr (cli_csv_cell (rows, 2, 3), ==, "Riverside PCN");
  g_assert_cmpstr (cli_csv_cell (rows, 2, 4), ==, "30000");
  g_assert_cmpstr (cli_csv_cell (rows, 2, 5), ==, "1800");
  g_assert_cmpstr (cli_csv_cell (rows, 2, 6), ==, "1080");
  g_assert_cmpstr (cli_csv_cell (rows, 2, 7), ==, "690");
  /* East has 0.7 of Riverside: 1,260 required, 756 offered, 483 inside. */
  g_assert_cmpstr (cli_csv_cell (rows, 3, 1), ==, "locality");
  g_assert_cmpstr (cli_csv_cell (rows, 3, 3), ==, "East");
  g_assert_cmpstr (cli_csv_cell (rows, 3, 5), ==, "1260");
  g_assert_cmpstr (cli_csv_cell (rows, 3, 6), ==, "756");
  g_assert_cmpstr (cli_csv_cell (rows, 3, 7), ==, "483");

  west = cli_run ("access", plan, "--to", "2022-10", "--locality", "West", NULL);
  g_assert_cmpint (west->status, ==, 0);
  g_assert_nonnull (strstr (west->out, "2022-10                                                                        "
                                       "930.0               654               537\n"));

  refused = cli_run ("access", plan, "--to", "2022-09", "--networks", NULL);
  cli_assert_one_line_error (refused,
                             "--networks needs a last month (2022-09) under a capacity rule per primary care network");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/access/months", test_access_months);
  g_test_add_func ("/cli/access/csv", test_access_csv);
  g_test_add_func ("/cli/access/quarter-from-first-month", test_access_quarter_from_first_month);
  g_test_add_func ("/cli/access/csv-shortest", test_access_csv_shortest);
  g_test_add_func ("/cli/access/default-rule", test_access_default_rule);
  g_test_add_func ("/cli/access/pcn-era", test_access_pcn_era);
  g_test_add_func ("/cli/workforce/gp", test_workforce_gp);
  g_test_add_func ("/cli/workforce/notes", test_workforce_notes);
  g_test_add_func ("/cli/plans/usage", test_usage);
  return g_test_run ();
}
