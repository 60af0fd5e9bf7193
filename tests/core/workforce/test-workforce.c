/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Workforce planning on a small hand-made plan with exact expected FTE:
 * joiners and leavers in one quarter, turnover and joiner rates
 * compounding by quarter (alone, together, with planned movements and
 * overridden in a scenario), a missing baseline kept missing, ratios and a
 * target line; then the sample's +40 GP FTE shared among its six
 * localities and its GPs projected with the illustrative rates. */
#include <math.h>
#include <string.h>

#include <sqlite3.h>

#include "core-test-util.h"
#include "lp-plan-private.h"
#include "lp-scenario.h"

typedef struct {
  char    *dir;
  LpPlan  *plan;
  gint64   a, p, r;
} Small;

static gint64
add_practice (LpPlan     *plan,
              const char *code,
              gint64      locality,
              gint64      patients)
{
  LpPracticeFields fields = { code, code, NULL, locality, NULL, NULL };
  g_autoptr(GError) error = NULL;
  gint64 id = lp_plan_add_practice (plan, &fields, &error);

  g_assert_no_error (error);
  g_assert_true (lp_plan_set_list_size (plan, id, "2018-01-01", patients, NULL, &error));
  return id;
}

/* Practice P (30,000 patients): 4.0 partners, 2.0 salaried GPs (19% a year
 * leave), a practice nurse with no figure, 2.0 advanced nurse
 * practitioners.  Practice R (10,000): 4.0 partners and 1.0 registrar.
 * All at 31 March 2018; +4 GP FTE for the CCG by 31 March 2019. */
static void
small_set_up (Small *f, gconstpointer data)
{
  LpLocalityFields a = { "A", NULL, NULL };
  g_autofree char *sql = NULL;

  f->dir = test_tmp_dir ();
  f->plan = test_new_plan (f->dir);
  f->a = lp_plan_add_locality (f->plan, &a, NULL);
  f->p = add_practice (f->plan, "P00001", f->a, 30000);
  f->r = add_practice (f->plan, "R00001", f->a, 10000);
  sql = g_strdup_printf (
      "INSERT INTO workforce_fte (practice_id, role, as_at, fte, headcount) VALUES "
      "(%1$" G_GINT64_FORMAT ", 'GP_PARTNER', '2018-03-31', 4.0, 4),"
      "(%1$" G_GINT64_FORMAT ", 'GP_SALARIED', '2018-03-31', 2.0, 3),"
      "(%1$" G_GINT64_FORMAT ", 'N_PRACTICE', '2018-03-31', NULL, NULL),"
      "(%1$" G_GINT64_FORMAT ", 'N_ANP', '2018-03-31', 2.0, 2),"
      "(%2$" G_GINT64_FORMAT ", 'GP_PARTNER', '2018-03-31', 4.0, 4),"
      "(%2$" G_GINT64_FORMAT ", 'GP_REGISTRAR', '2018-03-31', 1.0, 1);"
      "INSERT INTO workforce_turnover (scenario_id, role, annual_rate_bp) SELECT id, 'GP_SALARIED', 1900 FROM scenario;"
      "INSERT INTO workforce_target (id, scenario_id, level, staff_group, fte_change, due_date) "
      "  SELECT 1, id, 'ccg', 'GP', 4, '2019-03-31' FROM scenario;",
      f->p, f->r);
  g_assert_cmpint (sqlite3_exec (lp_plan_get_db (f->plan), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
small_tear_down (Small *f, gconstpointer data)
{
  g_clear_object (&f->plan);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

static LpWorkforceTable *
workforce (Small      *f,
           gint64      practice,
           const char *group,
           const char *role)
{
  LpWorkforceQuery query = { 0, practice, 0, group, role };
  g_autoptr(GError) error = NULL;
  LpWorkforceTable *table = lp_plan_workforce (f->plan, &query, &error);

  g_assert_no_error (error);
  return table;
}

static const LpWorkforceQuarter *
quarter (const LpWorkforceTable *table,
         guint                   i)
{
  g_assert_cmpuint (i, <, table->quarters->len);
  return g_ptr_array_index (table->quarters, i);
}

/* Joiners and leavers in the same quarter: 4.0 + 1.5 - 0.5 - 0.25. */
static void
test_movements (Small *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpWorkforceTable) table = NULL;

  g_assert_true (lp_plan_set_workforce_change (f->plan, 0, f->p, "GP_PARTNER", "2018-04-01", 1.5, 0.5, 0.25,
                                               &error));
  g_assert_no_error (error);
  table = workforce (f, f->p, NULL, "GP_PARTNER");
  g_assert_cmpstr (table->baseline_date, ==, "2018-03-31");
  g_assert_cmpstr (quarter (table, 0)->start, ==, "2018-01-01");
  g_assert_cmpstr (quarter (table, 0)->label, ==, "2017/18 Q4");
  g_assert_cmpstr (quarter (table, 1)->label, ==, "2018/19 Q1");
  g_assert_cmpfloat (quarter (table, 0)->plan, ==, 4.0);
  g_assert_true (quarter (table, 0)->has_actual);
  g_assert_cmpfloat (quarter (table, 0)->actual, ==, 4.0);
  g_assert_cmpfloat_with_epsilon (quarter (table, 1)->plan, 4.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (table, 2)->plan, 4.75, 1e-12);
  g_assert_false (quarter (table, 1)->has_actual);
  g_assert_cmpuint (table->quarters->len, ==, 12);   /* three years */

  /* Changed again: replaced, not added (the kept projection moved, and a
   * projection read afresh agrees); undone in one step. */
  g_assert_true (lp_plan_set_workforce_change (f->plan, 0, f->p, "GP_PARTNER", "2018-04-01", 1.0, 0, 0, &error));
  g_clear_pointer (&table, lp_workforce_table_free);
  table = workforce (f, f->p, NULL, "GP_PARTNER");
  g_assert_cmpfloat_with_epsilon (quarter (table, 1)->plan, 5.0, 1e-12);
  {
    g_autoptr(LpWorkforceTable) other = workforce (f, 0, "NURSE", NULL);   /* drops the kept one */
    g_autoptr(LpWorkforceTable) fresh = workforce (f, f->p, NULL, "GP_PARTNER");

    for (guint i = 0; i < table->quarters->len; i++)
      g_assert_cmpfloat_with_epsilon (quarter (fresh, i)->plan, quarter (table, i)->plan, 1e-12);
    g_assert_nonnull (other);
  }
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_clear_pointer (&table, lp_workforce_table_free);
  table = workforce (f, f->p, NULL, "GP_PARTNER");
  g_assert_cmpfloat_with_epsilon (quarter (table, 1)->plan, 4.75, 1e-12);
}

/* 19% a year is 1 - 0.81^(1/4) a quarter: after four quarters 2.0 x 0.81. */
static void
test_turnover (Small *f, gconstpointer data)
{
  g_autoptr(LpWorkforceTable) table = workforce (f, f->p, NULL, "GP_SALARIED");

  g_assert_cmpfloat_with_epsilon (lp_workforce_quarterly_rate (0.19), 1.0 - pow (0.81, 0.25), 1e-15);
  g_assert_cmpfloat_with_epsilon (quarter (table, 1)->plan, 2.0 * pow (0.81, 0.25), 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (table, 4)->plan, 1.62, 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (table, 8)->plan, 2.0 * 0.81 * 0.81, 1e-12);
}

/* Practice R's partners set to 10.0 FTE with @turnover_bp and @joiner_bp a
 * year in scenario @scenario (0: the base). */
static void
set_rates (Small      *f,
           gint64      scenario,
           int         turnover_bp,
           int         joiner_bp)
{
  g_autofree char *sql = g_strdup_printf (
      "UPDATE workforce_fte SET fte = 10.0 WHERE practice_id = %1$" G_GINT64_FORMAT " AND role = 'GP_PARTNER';"
      "INSERT INTO workforce_turnover (scenario_id, role, annual_rate_bp, joiner_rate_bp) "
      "  VALUES (%2$" G_GINT64_FORMAT ", 'GP_PARTNER', %3$d, %4$d) "
      "  ON CONFLICT DO UPDATE SET annual_rate_bp = excluded.annual_rate_bp, "
      "                            joiner_rate_bp = excluded.joiner_rate_bp;",
      f->r, scenario != 0 ? scenario : lp_plan_get_base_scenario_id (f->plan), turnover_bp, joiner_bp);

  g_assert_cmpint (sqlite3_exec (lp_plan_get_db (f->plan), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  lp_plan_emit_changed (f->plan, "workforce_turnover");
}

static LpWorkforceTable *
partners_of_r (Small  *f,
               gint64  scenario)
{
  LpWorkforceQuery query = { 0, f->r, scenario, NULL, "GP_PARTNER" };
  g_autoptr(GError) error = NULL;
  LpWorkforceTable *table = lp_plan_workforce (f->plan, &query, &error);

  g_assert_no_error (error);
  return table;
}

/* 10% joiners a year is 1.1^(1/4) - 1 a quarter, on the quarter's FTE:
 * 10.0 FTE grow to 11.0 in a year and 12.1 in two. */
static void
test_joiners_only (Small *f, gconstpointer data)
{
  g_autoptr(LpWorkforceTable) table = NULL;
  const LpWorkforceRate *rate;

  set_rates (f, 0, 0, 1000);
  table = partners_of_r (f, 0);
  g_assert_cmpfloat_with_epsilon (lp_workforce_quarterly_joiner_rate (0.10), pow (1.1, 0.25) - 1.0, 1e-15);
  g_assert_cmpfloat (lp_workforce_quarterly_joiner_rate (0), ==, 0.0);
  g_assert_cmpfloat (quarter (table, 0)->plan, ==, 10.0);
  g_assert_cmpfloat_with_epsilon (quarter (table, 1)->plan, 10.0 * pow (1.1, 0.25), 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (table, 4)->plan, 11.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (table, 8)->plan, 12.1, 1e-12);
  /* The table says which rates it assumed. */
  g_assert_cmpuint (table->rates->len, ==, 1);
  rate = g_ptr_array_index (table->rates, 0);
  g_assert_cmpstr (rate->role, ==, "GP_PARTNER");
  g_assert_cmpstr (rate->name, ==, "GP partner");
  g_assert_cmpint (rate->turnover_bp, ==, 0);
  g_assert_cmpint (rate->joiner_bp, ==, 1000);
}

/* 10% turnover and 10% joiners multiply: a year takes 10.0 FTE to
 * 10 x 0.9 x 1.1 = 9.9, two years to 10 x 0.99^2 = 9.801; a quarter to
 * 10 x 0.99^(1/4). */
static void
test_joiners_and_turnover (Small *f, gconstpointer data)
{
  g_autoptr(LpWorkforceTable) table = NULL;

  set_rates (f, 0, 1000, 1000);
  table = partners_of_r (f, 0);
  g_assert_cmpfloat_with_epsilon (quarter (table, 1)->plan, 10.0 * pow (0.99, 0.25), 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (table, 4)->plan, 9.9, 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (table, 8)->plan, 9.801, 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (table, 11)->plan, 10.0 * pow (0.99, 2.75), 1e-12);
}

/* A planned movement comes at its quarter's end: +1.0 joiner in 2018/19
 * Q2 adds 1.0 then, and the two quarters after it take it to 0.99^(1/2):
 * 2018/19 Q2 is 10 x 0.99^(1/2) + 1 = 10.949874..., 2018/19 Q4 is
 * 9.9 + 0.99^(1/2) = 10.894987...  The kept projection, moved, and one
 * read afresh agree. */
static void
test_joiners_with_movements (Small *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpWorkforceTable) before = NULL;
  g_autoptr(LpWorkforceTable) kept = NULL;
  g_autoptr(LpWorkforceTable) other = NULL;
  g_autoptr(LpWorkforceTable) fresh = NULL;

  set_rates (f, 0, 1000, 1000);
  before = partners_of_r (f, 0);
  g_assert_true (lp_plan_set_workforce_change (f->plan, 0, f->r, "GP_PARTNER", "2018-07-01", 1.0, 0, 0, &error));
  g_assert_no_error (error);
  kept = partners_of_r (f, 0);
  g_assert_cmpfloat_with_epsilon (quarter (kept, 1)->plan, 10.0 * pow (0.99, 0.25), 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (kept, 2)->plan, 10.0 * sqrt (0.99) + 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (kept, 2)->plan, 10.949874371066199, 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (kept, 4)->plan, 9.9 + sqrt (0.99), 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (kept, 4)->plan, 10.894987437106620, 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (kept, 8)->plan, (9.9 + sqrt (0.99)) * 0.99, 1e-12);
  other = workforce (f, 0, "NURSE", NULL);   /* drops the kept one */
  fresh = partners_of_r (f, 0);
  for (guint i = 0; i < fresh->quarters->len; i++)
    g_assert_cmpfloat_with_epsilon (quarter (fresh, i)->plan, quarter (kept, i)->plan, 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (before, 4)->plan, 9.9, 1e-12);
  g_assert_nonnull (other);
}

/* A scenario's own row for a role replaces its base's, both rates: the
 * base loses 10% a year and recruits nobody (10.0 -> 9.0); "Recruit"
 * keeps the 10% and recruits 20% (10 x 0.9 x 1.2 = 10.8); a scenario
 * built on "Recruit" with no row of its own inherits that. */
static void
test_joiners_scenario (Small *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 recruit, later;
  g_autoptr(LpWorkforceTable) base = NULL;
  g_autoptr(LpWorkforceTable) own = NULL;
  g_autoptr(LpWorkforceTable) inherited = NULL;
  const LpWorkforceRate *rate;

  set_rates (f, 0, 1000, 0);
  recruit = lp_plan_add_scenario (f->plan, "Recruit", 0, &error);
  g_assert_no_error (error);
  later = lp_plan_add_scenario (f->plan, "Later", recruit, &error);
  g_assert_no_error (error);
  set_rates (f, recruit, 1000, 2000);
  base = partners_of_r (f, 0);
  own = partners_of_r (f, recruit);
  inherited = partners_of_r (f, later);
  g_assert_cmpfloat_with_epsilon (quarter (base, 4)->plan, 9.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (own, 4)->plan, 10.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (own, 8)->plan, 10.0 * 1.08 * 1.08, 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (inherited, 4)->plan, 10.8, 1e-12);
  rate = g_ptr_array_index (inherited->rates, 0);
  g_assert_cmpint (rate->turnover_bp, ==, 1000);
  g_assert_cmpint (rate->joiner_bp, ==, 2000);
  rate = g_ptr_array_index (base->rates, 0);
  g_assert_cmpint (rate->joiner_bp, ==, 0);
}

/* The plan's own CSV of workforce_turnover carries the joiner rate: it
 * imports and the projection uses it; a rate over 100% is refused, naming
 * the line. */
static void
test_joiners_import (Small *f, gconstpointer data)
{
  g_autofree char *path = test_tmp_path (f->dir, "workforce_turnover.csv");
  g_autofree char *bad = test_tmp_path (f->dir, "bad.csv");
  g_autofree char *csv = g_strdup_printf ("scenario_id,role,annual_rate_bp,joiner_rate_bp\r\n"
                                          "%" G_GINT64_FORMAT ",GP_PARTNER,1000,1000\r\n",
                                          lp_plan_get_base_scenario_id (f->plan));
  g_autofree char *too_high = g_strdup_printf ("scenario_id,role,annual_rate_bp,joiner_rate_bp\r\n"
                                               "%" G_GINT64_FORMAT ",GP_PARTNER,1000,10001\r\n",
                                               lp_plan_get_base_scenario_id (f->plan));
  LpImportOptions options = { .kind = LP_IMPORT_PLAN_TABLE, .table = "workforce_turnover" };
  g_autoptr(LpImportReport) report = NULL;
  g_autoptr(LpImportReport) refused = NULL;
  g_autoptr(LpWorkforceTable) table = NULL;
  g_autoptr(GError) error = NULL;

  set_rates (f, 0, 0, 0);
  test_write_file (path, csv, -1);
  report = lp_plan_import (f->plan, path, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  table = partners_of_r (f, 0);
  g_assert_cmpfloat_with_epsilon (quarter (table, 4)->plan, 9.9, 1e-12);
  test_write_file (bad, too_high, -1);
  refused = lp_plan_import (f->plan, bad, &options, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "line 2"));
}

/* A workforce_turnover.csv exported before the joiner rate existed has no
 * joiner_rate_bp: it still imports.  A role already in the plan keeps its
 * joiner rate (10%) and takes the file's turnover (20%): 10.0 FTE become
 * 10 x 0.8 x 1.1 = 8.8 in a year; a role new to the plan joins nobody.
 * A file without a column the table needs is refused, naming it. */
static void
test_joiners_import_old (Small *f, gconstpointer data)
{
  g_autofree char *path = test_tmp_path (f->dir, "workforce_turnover.csv");
  g_autofree char *bad = test_tmp_path (f->dir, "no-role.csv");
  gint64 base = lp_plan_get_base_scenario_id (f->plan);
  g_autofree char *csv = g_strdup_printf ("scenario_id,role,annual_rate_bp\r\n"
                                          "%1$" G_GINT64_FORMAT ",GP_PARTNER,2000\r\n"
                                          "%1$" G_GINT64_FORMAT ",N_ANP,500\r\n", base);
  g_autofree char *no_role = g_strdup_printf ("scenario_id,annual_rate_bp\r\n%" G_GINT64_FORMAT ",2000\r\n", base);
  LpImportOptions options = { .kind = LP_IMPORT_PLAN_TABLE, .table = "workforce_turnover" };
  g_autoptr(LpImportReport) report = NULL;
  g_autoptr(LpImportReport) refused = NULL;
  g_autoptr(LpWorkforceTable) partners = NULL;
  g_autoptr(LpWorkforceTable) anps = NULL;
  g_autoptr(GError) error = NULL;

  set_rates (f, 0, 1000, 1000);
  test_write_file (path, csv, -1);
  report = lp_plan_import (f->plan, path, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  partners = partners_of_r (f, 0);
  g_assert_cmpfloat_with_epsilon (quarter (partners, 4)->plan, 8.8, 1e-12);
  anps = workforce (f, f->p, NULL, "N_ANP");
  g_assert_cmpfloat_with_epsilon (quarter (anps, 4)->plan, 2.0 * 0.95, 1e-12);
  g_assert_cmpint (((LpWorkforceRate *) g_ptr_array_index (anps->rates, 0))->joiner_bp, ==, 0);
  test_write_file (bad, no_role, -1);
  refused = lp_plan_import (f->plan, bad, &options, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "the header has no column “role”, which table workforce_turnover needs"));
}

/* A practice nurse with no figure is missing, not 0: the nurses' plan
 * counts the 2.0 ANPs and says one figure is missing. */
static void
test_missing (Small *f, gconstpointer data)
{
  g_autoptr(LpWorkforceTable) table = workforce (f, 0, "NURSE", NULL);
  LpWorkforceQuery query = { 0, f->p, 0, NULL, NULL };
  LpWorkforceRatios ratios;

  g_assert_cmpfloat (quarter (table, 0)->plan, ==, 2.0);
  g_assert_cmpuint (quarter (table, 0)->missing, ==, 1);
  g_assert_cmpuint (quarter (table, 5)->missing, ==, 1);
  g_assert_true (lp_plan_workforce_ratios (f->plan, &query, &ratios, NULL));
  g_assert_cmpuint (ratios.missing, ==, 1);
}

/* 10,000 patients with 5.0 GP FTE, 1.0 of them a registrar: 2,000 patients
 * per GP FTE, 2,500 per qualified GP FTE; 0.5 GP FTE per 1,000. */
static void
test_ratios (Small *f, gconstpointer data)
{
  LpWorkforceQuery query = { 0, f->r, 0, NULL, NULL };
  LpWorkforceRatios ratios;
  g_autoptr(GError) error = NULL;

  g_assert_true (lp_plan_workforce_ratios (f->plan, &query, &ratios, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ratios.patients, ==, 10000);
  g_assert_cmpfloat (ratios.gp_fte, ==, 5.0);
  g_assert_cmpfloat (ratios.gp_fte_qualified, ==, 4.0);
  g_assert_cmpfloat_with_epsilon (ratios.patients_per_gp, 2000.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ratios.patients_per_qualified_gp, 2500.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ratios.per_1000[0], 0.5, 1e-12);
  g_assert_cmpfloat (ratios.per_1000[1], ==, 0.0);
}

/* +4 GP FTE for the CCG by 2018/19 Q4: the line runs from the baseline
 * (4 + 2 + 4 + 1 = 11 GP FTE) to 15 over four quarters; practice R, with a
 * quarter of the patients, is to gain 1.0. */
static void
test_target (Small *f, gconstpointer data)
{
  g_autoptr(LpWorkforceTable) all = workforce (f, 0, "GP", NULL);
  g_autoptr(LpWorkforceTable) r = workforce (f, f->r, "GP", NULL);
  g_autoptr(LpWorkforceTable) nurses = workforce (f, 0, "NURSE", NULL);

  g_assert_cmpfloat (quarter (all, 0)->target, ==, 11.0);
  g_assert_cmpfloat_with_epsilon (quarter (all, 2)->target, 13.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (all, 4)->target, 15.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (all, 8)->target, 15.0, 1e-12);
  /* Turnover takes salaried GPs away: short of the target. */
  g_assert_true (quarter (all, 4)->short_of_target);
  g_assert_cmpfloat_with_epsilon (quarter (all, 4)->gap, 15.0 - (9.0 + 1.62), 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (r, 4)->target, 5.0 + 1.0, 1e-12);
  g_assert_false (quarter (nurses, 4)->has_target);
}

/* By practice: the group's FTE at the baseline, a missing figure counted,
 * and the movements planned in the quarter asked for. */
static void
test_practices (Small *f, gconstpointer data)
{
  LpWorkforceQuery gps = { 0, 0, 0, "GP", NULL };
  LpWorkforceQuery nurses = { 0, 0, 0, "NURSE", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) gp = NULL;
  g_autoptr(GPtrArray) nursing = NULL;
  const LpWorkforcePractice *p;

  g_assert_true (lp_plan_set_workforce_change (f->plan, 0, f->p, "GP_PARTNER", "2018-04-01", 1.5, 0.5, 0, &error));
  gp = lp_plan_workforce_practices (f->plan, &gps, "2018-04-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gp->len, ==, 2);
  p = g_ptr_array_index (gp, 0);
  g_assert_cmpstr (p->ods_code, ==, "P00001");
  g_assert_cmpfloat (p->fte, ==, 6.0);
  g_assert_cmpfloat (p->joiners, ==, 1.5);
  g_assert_cmpfloat (p->leavers, ==, 0.5);
  g_assert_cmpfloat (((LpWorkforcePractice *) g_ptr_array_index (gp, 1))->fte, ==, 5.0);
  nursing = lp_plan_workforce_practices (f->plan, &nurses, "2018-07-01", &error);
  p = g_ptr_array_index (nursing, 0);
  g_assert_true (p->has_fte);
  g_assert_cmpfloat (p->fte, ==, 2.0);
  g_assert_cmpuint (p->missing, ==, 1);
  g_assert_false (((LpWorkforcePractice *) g_ptr_array_index (nursing, 1))->has_fte);   /* R has no nurses */
}

/* The export says a figure is missing, as the view does. */
static void
test_export_missing (Small *f, gconstpointer data)
{
  g_autofree char *csv = test_tmp_path (f->dir, "workforce.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_true (lp_plan_export_query (f->plan, "workforce", NULL, csv, LP_EXPORT_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  rows = test_parse_csv (text);
  g_assert_cmpstr (test_csv_cell (rows, 0, 6), ==, "Missing figures");
  g_assert_cmpstr (test_csv_cell (rows, 1, 0), ==, "2017/18 Q4");
  g_assert_cmpstr (test_csv_cell (rows, 1, 2), ==, "13");     /* recorded: P 4 + 2 + 2, R 4 + 1; the nurse left out */
  g_assert_cmpstr (test_csv_cell (rows, 1, 6), ==, "1");
  g_assert_null (test_csv_cell (rows, 2, 2));                 /* nothing recorded in 2018/19 Q1 */
  /* What the rates moved: none at the baseline; in 2018/19 Q1 the salaried
   * GPs' 19% a year takes 2.0 x (1 - 0.81^(1/4)) = 0.103, and nobody is
   * recruited by rate. */
  g_assert_cmpstr (test_csv_cell (rows, 0, 7), ==, "Turnover FTE");
  g_assert_cmpstr (test_csv_cell (rows, 0, 8), ==, "Recruitment FTE");
  g_assert_null (test_csv_cell (rows, 1, 7));
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (test_csv_cell (rows, 2, 7), NULL),
                                  2.0 * (1.0 - pow (0.81, 0.25)), 1e-12);
  g_assert_cmpstr (test_csv_cell (rows, 2, 8), ==, "0");
}

/* The quarter's flows by rate, exactly: 10.0 FTE with 10% turnover and
 * 10% joiners lose 10 x (1 - 0.9^(1/4)) in the first quarter and recruit
 * 10 x 0.9^(1/4) x (1.1^(1/4) - 1); what is left is the plan. */
static void
test_joiners_flows (Small *f, gconstpointer data)
{
  g_autoptr(LpWorkforceTable) table = NULL;

  set_rates (f, 0, 1000, 1000);
  table = partners_of_r (f, 0);
  g_assert_cmpfloat (quarter (table, 0)->turnover, ==, 0.0);
  g_assert_cmpfloat (quarter (table, 0)->recruited, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (quarter (table, 1)->turnover, 10.0 * (1.0 - pow (0.9, 0.25)), 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (table, 1)->recruited, 10.0 * pow (0.9, 0.25) * (pow (1.1, 0.25) - 1.0),
                                  1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (table, 0)->plan - quarter (table, 1)->turnover +
                                  quarter (table, 1)->recruited, quarter (table, 1)->plan, 1e-12);
}

static void
test_refused (Small *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (lp_plan_set_workforce_change (f->plan, 0, f->p, "GP_PARTNER", "2018-05-01", 1, 0, 0, &error));
  g_assert_nonnull (strstr (error->message, "is not the first day of a quarter"));
  g_clear_error (&error);
  g_assert_false (lp_plan_set_workforce_change (f->plan, 0, f->p, "GP_PARTNER", "2018-04-01", -1, 0, 0, &error));
  g_assert_cmpstr (error->message, ==, "Joiners, leavers and retirements are FTE of 0 or more");
}

/* Joiners and leavers as typed into the Workforce view: blank is none; a
 * figure that is not one names its field. */
static void
test_enter_typed (Small *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpWorkforceTable) table = NULL;
  const char *bad_field = "unset";

  lp_plan_clear_history (f->plan);
  g_assert_false (lp_plan_enter_workforce_change (f->plan, 0, f->p, "GP_PARTNER", "2018-04-01", "two", "",
                                                  &bad_field, &error));
  g_assert_cmpstr (bad_field, ==, LP_FIELD_JOINERS);
  g_assert_cmpstr (error->message, ==, "Joiners must be a number such as 1.5, not “two”");
  g_clear_error (&error);
  g_assert_false (lp_plan_enter_workforce_change (f->plan, 0, f->p, "GP_PARTNER", "2018-04-01", "1", "-1",
                                                  &bad_field, &error));
  g_assert_cmpstr (bad_field, ==, LP_FIELD_LEAVERS);
  g_assert_cmpstr (error->message, ==, "Leavers must be 0 or more, not “-1”");
  g_clear_error (&error);
  g_assert_false (lp_plan_enter_workforce_change (f->plan, 0, f->p, "GP_PARTNER", "2018-05-01", "1", "",
                                                  &bad_field, &error));
  g_assert_null (bad_field);
  g_assert_nonnull (strstr (error->message, "is not the first day of a quarter"));
  g_clear_error (&error);
  g_assert_false (lp_plan_can_undo (f->plan));

  g_assert_true (lp_plan_enter_workforce_change (f->plan, 0, f->p, "GP_PARTNER", "2018-04-01", " 1.5 ", " ",
                                                 NULL, &error));
  g_assert_no_error (error);
  table = workforce (f, f->p, NULL, "GP_PARTNER");
  g_assert_cmpfloat_with_epsilon (quarter (table, 1)->plan, 5.5, 1e-12);
}

/* The sample's +40 GP FTE shared among its six localities adds up to
 * exactly 40.0: nothing lost to rounding in the shares. */
static void
test_sample_shares (TestSample *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) gp = lp_plan_workforce_shares (f->plan, 0, "GP", &error);
  g_autoptr(GHashTable) nurses = lp_plan_workforce_shares (f->plan, 0, "NURSE", &error);
  GHashTableIter iter;
  gpointer value;
  double sum = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (gp), ==, 6);
  g_hash_table_iter_init (&iter, gp);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sum += *(double *) value;
  g_assert_cmpfloat_with_epsilon (sum, 40.0, 1e-9);
  /* Lower Lea Valley has 75,825 of 596,907 patients. */
  g_assert_cmpfloat_with_epsilon (*(double *) g_hash_table_lookup (gp, "Lower Lea Valley"),
                                  40.0 * 75825 / 596907, 1e-12);
  g_assert_cmpfloat_with_epsilon (*(double *) g_hash_table_lookup (nurses, "Lower Lea Valley"),
                                  77.0 * 75825 / 596907, 1e-12);
  {
    double figure = 0;
    g_autofree char *label = NULL, *as_at = NULL;

    g_assert_true (lp_plan_get_reference_figure (f->plan, "ENG_PATIENTS_PER_GP_FTE_2019", &figure, &label, &as_at));
    g_assert_cmpfloat (figure, ==, 2087.0);
    g_assert_cmpstr (as_at, ==, "2019-12-31");
    g_assert_false (lp_plan_get_reference_figure (f->plan, "NO_SUCH_FIGURE", &figure, NULL, NULL));
  }
}

/* On the sample (turnover, movements in many quarters): three edits
 * followed by the kept projection give what a projection read afresh
 * gives. */
static void
test_sample_kept (TestSample *f, gconstpointer data)
{
  LpWorkforceQuery all = { 0, };
  LpWorkforceQuery nurses = { 0, 0, 0, "NURSE", NULL };
  g_autoptr(LpWorkforceTable) first = lp_plan_workforce (f->plan, &all, NULL);
  g_autoptr(LpWorkforceTable) kept = NULL;
  g_autoptr(LpWorkforceTable) other = NULL;
  g_autoptr(LpWorkforceTable) fresh = NULL;
  gint64 practice = lp_plan_find_practice (f->plan, "X06K01");

  g_assert_nonnull (first);
  g_assert_true (lp_plan_set_workforce_change (f->plan, 0, practice, "GP_SALARIED", "2019-01-01", 2, 0, 0, NULL));
  g_assert_true (lp_plan_set_workforce_change (f->plan, 0, practice, "N_PRACTICE", "2018-07-01", 0, 1.5, 0, NULL));
  g_assert_true (lp_plan_set_workforce_change (f->plan, 0, practice, "GP_SALARIED", "2019-01-01", 3, 0, 0, NULL));
  kept = lp_plan_workforce (f->plan, &all, NULL);
  other = lp_plan_workforce (f->plan, &nurses, NULL);
  fresh = lp_plan_workforce (f->plan, &all, NULL);
  g_assert_cmpuint (kept->quarters->len, ==, fresh->quarters->len);
  for (guint i = 0; i < fresh->quarters->len; i++)
    g_assert_cmpfloat_with_epsilon (((LpWorkforceQuarter *) g_ptr_array_index (kept->quarters, i))->plan,
                                    ((LpWorkforceQuarter *) g_ptr_array_index (fresh->quarters, i))->plan, 1e-9);
  /* The third edit replaced the first: +3.0 in 2018/19 Q4 less turnover since. */
  g_assert_cmpfloat (((LpWorkforceQuarter *) g_ptr_array_index (kept->quarters, 4))->plan, >,
                     ((LpWorkforceQuarter *) g_ptr_array_index (first->quarters, 4))->plan + 1.0);
  g_assert_nonnull (other);
}

/* A second connection to the file, as a view's worker has, hears no
 * "changed": what it keeps goes when the plan's connection commits. */
static void
test_sample_kept_reader (TestSample *f, gconstpointer data)
{
  LpWorkforceQuery gps = { 0, lp_plan_find_practice (f->plan, "X06K01"), 0, "GP", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) reader = lp_plan_open (f->path, LP_PLAN_OPEN_READ_ONLY, &error);
  g_autoptr(LpWorkforceTable) before = NULL;
  g_autoptr(LpWorkforceTable) again = NULL;
  g_autoptr(LpWorkforceTable) after = NULL;
  g_autoptr(LpWorkforceTable) own = NULL;

  g_assert_no_error (error);
  before = lp_plan_workforce (reader, &gps, &error);
  g_assert_no_error (error);
  again = lp_plan_workforce (reader, &gps, &error);
  g_assert_cmpfloat (quarter (again, 4)->plan, ==, quarter (before, 4)->plan);
  g_assert_true (lp_plan_set_workforce_change (f->plan, 0, gps.practice_id, "GP_SALARIED", "2019-01-01", 2, 0, 0,
                                               &error));
  g_assert_no_error (error);
  after = lp_plan_workforce (reader, &gps, &error);
  own = lp_plan_workforce (f->plan, &gps, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (quarter (after, 4)->plan, >, quarter (before, 4)->plan + 1.0);
  g_assert_cmpfloat_with_epsilon (quarter (after, 4)->plan, quarter (own, 4)->plan, 1e-9);
}

/* The sample's GPs with its illustrative rates (partners 5% leave, 4%
 * join; salaried GPs 12% and 11%; registrars none) and planned movements
 * (19.0 salaried GP joiners, 4.5 partner retirements): 250.37 FTE at the
 * baseline, 249.49 after a quarter, 254.07 at 2020/21 Q4 (turnover mostly
 * replaced, where turnover alone gave 218.1), against a target of
 * 250.37 + 40 = 290.37. */
static void
test_sample_gps (TestSample *f, gconstpointer data)
{
  LpWorkforceQuery gps = { 0, 0, 0, "GP", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpWorkforceTable) table = lp_plan_workforce (f->plan, &gps, &error);
  const LpWorkforceQuarter *last;
  const LpWorkforceRate *rate;

  g_assert_no_error (error);
  g_assert_cmpuint (table->quarters->len, ==, 13);
  last = quarter (table, 12);
  g_assert_cmpstr (last->label, ==, "2020/21 Q4");
  g_assert_cmpfloat_with_epsilon (quarter (table, 0)->plan, 250.37, 1e-9);
  g_assert_cmpfloat_with_epsilon (quarter (table, 1)->plan, 249.4945350008, 1e-9);
  g_assert_cmpfloat_with_epsilon (quarter (table, 4)->plan, 252.8551295481, 1e-9);
  g_assert_cmpfloat_with_epsilon (last->plan, 254.0712063474, 1e-9);
  g_assert_cmpfloat_with_epsilon (last->target, 290.37, 1e-9);
  g_assert_true (last->short_of_target);
  g_assert_cmpfloat_with_epsilon (last->gap, 290.37 - 254.0712063474, 1e-9);
  /* The target is +40 on the baseline, due 31 March 2021. */
  g_assert_true (table->has_target);
  g_assert_cmpfloat_with_epsilon (table->target_change, 40.0, 1e-9);
  g_assert_cmpstr (table->target_due, ==, "2021-03-31");
  g_assert_cmpuint (table->rates->len, ==, 2);
  rate = g_ptr_array_index (table->rates, 0);
  g_assert_cmpstr (rate->role, ==, "GP_PARTNER");
  g_assert_cmpint (rate->turnover_bp, ==, 500);
  g_assert_cmpint (rate->joiner_bp, ==, 400);
  rate = g_ptr_array_index (table->rates, 1);
  g_assert_cmpstr (rate->role, ==, "GP_SALARIED");
  g_assert_cmpint (rate->turnover_bp, ==, 1200);
  g_assert_cmpint (rate->joiner_bp, ==, 1100);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Small, NULL, small_set_up, func, small_tear_down)
  ADD ("/workforce/movements", test_movements);
  ADD ("/workforce/enter-typed", test_enter_typed);
  ADD ("/workforce/turnover", test_turnover);
  ADD ("/workforce/joiners-only", test_joiners_only);
  ADD ("/workforce/joiners-and-turnover", test_joiners_and_turnover);
  ADD ("/workforce/joiners-with-movements", test_joiners_with_movements);
  ADD ("/workforce/joiners-scenario", test_joiners_scenario);
  ADD ("/workforce/joiners-import", test_joiners_import);
  ADD ("/workforce/joiners-import-old", test_joiners_import_old);
  ADD ("/workforce/joiners-flows", test_joiners_flows);
  ADD ("/workforce/missing", test_missing);
  ADD ("/workforce/ratios", test_ratios);
  ADD ("/workforce/target", test_target);
  ADD ("/workforce/practices", test_practices);
  ADD ("/workforce/export-missing", test_export_missing);
  ADD ("/workforce/refused", test_refused);
#undef ADD
  g_test_add ("/workforce/sample-shares", TestSample, NULL, test_sample_set_up, test_sample_shares,
              test_sample_tear_down);
  g_test_add ("/workforce/sample-gps", TestSample, NULL, test_sample_set_up, test_sample_gps,
              test_sample_tear_down);
  g_test_add ("/workforce/sample-kept", TestSample, NULL, test_sample_set_up, test_sample_kept,
              test_sample_tear_down);
  g_test_add ("/workforce/sample-kept-reader", TestSample, NULL, test_sample_set_up, test_sample_kept_reader,
              test_sample_tear_down);
  return g_test_run ();
}
