/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Locality modelling: the STP's worked example reproduced, shares that add
 * up to the whole, weights, and scenarios that inherit. */
#include "core-test-util.h"
#include "lp-plan-private.h"

/* Lower Lea Valley, per month, as published: 3-year activity and bed
 * days, 5-year activity and bed days. */
static const struct {
  const char *row;
  const char *cells[4];
} published[] = {
  { "Frailty", { "5.5", "8.1", "8.7", "10.4" } },
  { "Respiratory", { "1.4", "4.5", "2.2", "5.5" } },
  { "CVD", { "1.4", "1.5", "2.2", "2.0" } },
  { "Diabetes", { "0.1", "0.1", "0.2", "0.1" } },
  { "MSK", { "0.3", "0.3", "0.4", "0.4" } },
  { "Elective", { "1.8", "5.9", "2.9", "8.5" } },
  /* The published totals (16.7, 27.0...) add up unrounded figures; typed
   * in rounded, the rows add up to these. */
  { "In-patients total", { "10.5", "20.4", "16.6", "26.9" } },
  { "Well adults (A&E)", { "57.1", "0.0", "90.4", "0.0" } },
  { "Outpatients", { "173.9", "0.0", "275.3", "0.0" } },
  { "A&E and outpatients total", { "231.0", "0.0", "365.7", "0.0" } },
  { "Grand total", { "241.5", "20.4", "382.3", "26.9" } },
};

static LpPlan *
open_sample (void)
{
  g_autoptr(GError) error = NULL;
  LpPlan *plan = lp_plan_open (g_getenv ("LP_SAMPLE_PLAN"), LP_PLAN_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return plan;
}

static LpModelTable *
model (LpPlan     *plan,
       const char *locality,
       LpPer       per)
{
  LpModelQuery query = { locality != NULL ? lp_plan_find_locality (plan, locality) : 0, 0, per };
  g_autoptr(GError) error = NULL;
  LpModelTable *table = lp_plan_model (plan, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static const LpModelRow *
row_named (const LpModelTable *table,
           const char         *name)
{
  for (guint i = 0; i < table->rows->len; i++)
    if (g_str_equal (((LpModelRow *) g_ptr_array_index (table->rows, i))->name, name))
      return g_ptr_array_index (table->rows, i);
  g_error ("no row %s", name);
}

static char *
one_decimal (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
}

static void
test_lower_lea_valley_per_month (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autoptr(LpModelTable) table = model (plan, "Lower Lea Valley", LP_PER_MONTH);

  g_assert_cmpuint (table->n_horizons, ==, 2);
  g_assert_cmpint (table->horizons[0], ==, 3);
  g_assert_cmpint (table->horizons[1], ==, 5);
  g_assert_cmpuint (table->rows->len, ==, G_N_ELEMENTS (published));
  for (guint i = 0; i < G_N_ELEMENTS (published); i++)
    {
      const LpModelRow *row = g_ptr_array_index (table->rows, i);
      g_assert_cmpstr (row->name, ==, published[i].row);
      for (guint h = 0; h < 2; h++)
        {
          g_autofree char *activity = one_decimal (row->activity[h]);
          g_autofree char *bed_days = one_decimal (row->bed_days[h]);
          g_assert_cmpstr (activity, ==, published[i].cells[2 * h]);
          g_assert_cmpstr (bed_days, ==, published[i].cells[2 * h + 1]);
        }
    }
  g_assert_true (row_named (table, "Frailty")->entered);
}

/* Per week is per month x 12 / 52, cell for cell, to one decimal. */
static void
test_lower_lea_valley_per_week (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autoptr(LpModelTable) month = model (plan, "Lower Lea Valley", LP_PER_MONTH);
  g_autoptr(LpModelTable) week = model (plan, "Lower Lea Valley", LP_PER_WEEK);
  g_autoptr(LpModelTable) year = model (plan, "Lower Lea Valley", LP_PER_YEAR);

  g_assert_cmpfloat (week->weeks_per_year, ==, 52.0);
  for (guint i = 0; i < month->rows->len; i++)
    for (guint h = 0; h < month->n_horizons; h++)
      {
        const LpModelRow *m = g_ptr_array_index (month->rows, i);
        const LpModelRow *w = g_ptr_array_index (week->rows, i);
        const LpModelRow *y = g_ptr_array_index (year->rows, i);
        g_autofree char *expected = one_decimal (m->activity[h] * 12.0 / 52.0);
        g_autofree char *actual = one_decimal (w->activity[h]);
        g_autofree char *expected_beds = one_decimal (m->bed_days[h] * 12.0 / 52.0);
        g_autofree char *actual_beds = one_decimal (w->bed_days[h]);

        g_assert_cmpstr (actual, ==, expected);
        g_assert_cmpstr (actual_beds, ==, expected_beds);
        g_assert_cmpfloat_with_epsilon (y->activity[h], m->activity[h] * 12.0, 1e-9);
      }
  /* Frailty, 3 years: 5.5 a month is 1.269... a week. */
  g_assert_cmpfloat_with_epsilon (row_named (week, "Frailty")->activity[0], 5.5 * 12 / 52, 1e-9);
}

/* North Herts has no figures of its own: its share of the STP's, by its
 * registered population out of the STP's 1.5 million. */
static void
test_stp_share (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autoptr(LpModelTable) table = model (plan, "North Herts", LP_PER_YEAR);
  const LpModelRow *frailty = row_named (table, "Frailty");

  g_assert_cmpint (table->population, ==, 116154);
  g_assert_false (frailty->entered);
  g_assert_cmpfloat_with_epsilon (frailty->activity[0], 11231.0 / 3 * 116154 / 1500000, 1e-9);
  g_assert_cmpfloat_with_epsilon (frailty->bed_days[1], 28222.0 / 5 * 116154 / 1500000, 1e-9);
}

/* All localities together are the sum of each locality's table. */
static void
test_all_is_the_sum (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autoptr(LpModelTable) all = model (plan, NULL, LP_PER_WEEK);
  g_autoptr(GListModel) localities = lp_plan_list_localities (plan, NULL);
  double sum[2] = { 0, 0 };

  g_assert_cmpint (all->population, ==, 596907);
  for (guint i = 0; i < g_list_model_get_n_items (localities); i++)
    {
      g_autoptr(LpLocality) locality = g_list_model_get_item (localities, i);
      g_autoptr(LpModelTable) one = model (plan, lp_locality_get_name (locality), LP_PER_WEEK);
      const LpModelRow *total = g_ptr_array_index (one->rows, one->rows->len - 1);
      sum[0] += total->activity[0];
      sum[1] += total->bed_days[1];
    }
  g_assert_cmpfloat_with_epsilon (row_named (all, "Grand total")->activity[0], sum[0], 1e-9);
  g_assert_cmpfloat_with_epsilon (row_named (all, "Grand total")->bed_days[1], sum[1], 1e-9);
}

static void
test_practices_add_up (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  LpModelQuery query = { lp_plan_find_locality (plan, "Stevenage"), 0, LP_PER_WEEK };
  g_autoptr(LpModelTable) table = lp_plan_model (plan, &query, NULL);
  g_autoptr(GPtrArray) practices = lp_plan_model_practices (plan, &query, table, NULL);
  const LpModelRow *total = row_named (table, "Grand total");
  double share = 0, activity = 0;

  g_assert_cmpuint (practices->len, ==, 7);
  for (guint i = 0; i < practices->len; i++)
    {
      LpModelPractice *practice = g_ptr_array_index (practices, i);
      share += practice->share;
      activity += practice->activity[0];
    }
  g_assert_cmpfloat_with_epsilon (share, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (activity, total->activity[0], 1e-9);
}

/* A plan of three localities and one CCG-wide change of 1,200 a year. */
static LpPlan *
three_localities (const char *dir,
                  gint64      ids[3])
{
  LpPlan *plan = test_new_plan (dir);
  const char *names[] = { "A", "B", "Empty" };
  const gint64 patients[] = { 30000, 10000, 0 };

  for (guint i = 0; i < 3; i++)
    {
      LpLocalityFields locality = { names[i], NULL, NULL };
      g_autofree char *code = g_strdup_printf ("Z0000%u", i);
      LpPracticeFields practice = { code, "Surgery", NULL, 0, NULL, NULL };
      gint64 id;

      ids[i] = lp_plan_add_locality (plan, &locality, NULL);
      practice.locality_id = ids[i];
      if (i == 2)
        continue;   /* a locality with no practices at all */
      id = lp_plan_add_practice (plan, &practice, NULL);
      g_assert_true (lp_plan_set_list_size (plan, id, "2018-01-01", patients[i], NULL, NULL));
    }
  g_assert_cmpint (sqlite3_exec (lp_plan_get_db (plan),
      "INSERT INTO pathway (id, name, category) VALUES (1, 'Frailty', 'inpatient');"
      "INSERT INTO pathway_change (id, scenario_id, pathway_id, level, horizon_years, period, activity) "
      "SELECT 1, id, 1, 'ccg', 3, 'horizon', 3600 FROM scenario;", NULL, NULL, NULL), ==, SQLITE_OK);
  return plan;
}

static double
frailty_per_year (LpPlan *plan, gint64 locality, gint64 scenario)
{
  LpModelQuery query = { locality, scenario, LP_PER_YEAR };
  g_autoptr(LpModelTable) table = lp_plan_model (plan, &query, NULL);

  return row_named (table, "Frailty")->activity[0];
}

static void
test_population_shares (void)
{
  g_autofree char *dir = test_tmp_dir ();
  gint64 ids[3];
  g_autoptr(LpPlan) plan = three_localities (dir, ids);

  g_assert_cmpfloat_with_epsilon (frailty_per_year (plan, ids[0], 0), 900.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (frailty_per_year (plan, ids[1], 0), 300.0, 1e-9);
  g_assert_cmpfloat (frailty_per_year (plan, ids[2], 0), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (frailty_per_year (plan, 0, 0), 1200.0, 1e-9);
  g_clear_object (&plan);
  test_rm_rf (dir);
}

static void
test_weights_normalised (void)
{
  g_autofree char *dir = test_tmp_dir ();
  gint64 ids[3];
  g_autoptr(LpPlan) plan = three_localities (dir, ids);
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO apportionment_weight SELECT id, %" G_GINT64_FORMAT ", 1 FROM scenario;"
      "INSERT INTO apportionment_weight SELECT id, %" G_GINT64_FORMAT ", 3 FROM scenario;", ids[0], ids[2]);
  LpModelQuery query = { ids[2], 0, LP_PER_YEAR };
  g_autoptr(LpModelTable) table = NULL;

  g_assert_cmpint (sqlite3_exec (lp_plan_get_db (plan), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  table = lp_plan_model (plan, &query, NULL);
  /* Weights 1 and 3 (summing to 4) are read as a quarter and three quarters. */
  g_assert_true (table->weights_normalised);
  g_assert_cmpfloat_with_epsilon (row_named (table, "Frailty")->activity[0], 900.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (frailty_per_year (plan, ids[0], 0), 300.0, 1e-9);
  g_assert_cmpfloat (frailty_per_year (plan, ids[1], 0), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (frailty_per_year (plan, 0, 0), 1200.0, 1e-9);
  g_clear_object (&plan);
  test_rm_rf (dir);
}

static void
test_scenario_inherits (void)
{
  g_autofree char *dir = test_tmp_dir ();
  gint64 ids[3];
  g_autoptr(LpPlan) plan = three_localities (dir, ids);
  gint64 base = lp_plan_get_base_scenario_id (plan);
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO scenario (id, name, base_id) VALUES (77, 'Faster frailty', %" G_GINT64_FORMAT ");"
      "INSERT INTO pathway (id, name, category) VALUES (2, 'MSK', 'inpatient');"
      "INSERT INTO pathway_change (id, scenario_id, pathway_id, level, horizon_years, activity) "
      "VALUES (2, %" G_GINT64_FORMAT ", 2, 'ccg', 3, 300);"
      "INSERT INTO pathway_change (id, scenario_id, pathway_id, level, horizon_years, activity) "
      "VALUES (3, 77, 1, 'ccg', 3, 7200);", base, base);
  LpModelQuery query = { ids[0], 77, LP_PER_YEAR };
  g_autoptr(LpModelTable) child = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_exec (lp_plan_get_db (plan), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  child = lp_plan_model (plan, &query, NULL);
  /* The child's Frailty overrides the base's; its MSK is the base's. */
  g_assert_cmpfloat_with_epsilon (row_named (child, "Frailty")->activity[0], 1800.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (row_named (child, "MSK")->activity[0], 75.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (frailty_per_year (plan, ids[0], 0), 900.0, 1e-9);
  {
    /* Compared side by side: only Frailty differs, by 900 a year. */
    LpModelQuery base_query = { ids[0], 0, LP_PER_YEAR };
    g_autoptr(LpModelTable) base_table = lp_plan_model (plan, &base_query, NULL);
    g_autoptr(LpModelTable) difference = lp_model_table_difference (child, base_table);

    g_assert_nonnull (difference);
    g_assert_cmpfloat_with_epsilon (row_named (difference, "Frailty")->activity[0], 900.0, 1e-9);
    g_assert_cmpfloat (row_named (difference, "MSK")->activity[0], ==, 0.0);
    g_assert_cmpfloat_with_epsilon (row_named (difference, "Grand total")->activity[0], 900.0, 1e-9);
  }
  /* The base cannot go while a scenario builds on it. */
  g_assert_cmpint (sqlite3_exec (lp_plan_get_db (plan), "DELETE FROM scenario WHERE base_id IS NULL",
                                 NULL, NULL, &message) & 0xff, ==, SQLITE_CONSTRAINT);
  sqlite3_free (message);
  g_clear_object (&plan);
  test_rm_rf (dir);
}

/* The chart's figures: each locality's grand total in one pass, equal to
 * that locality's own table, by name, adding up to all localities. */
static void
test_localities_totals (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  LpModelQuery query = { .per = LP_PER_MONTH };
  g_autoptr(LpModelTable) all = NULL;
  g_autoptr(GPtrArray) totals = lp_plan_model_localities (plan, &query, &all, NULL);
  double sum[2] = { 0, 0 };
  gint64 population = 0;

  g_assert_nonnull (totals);
  g_assert_cmpuint (totals->len, ==, 6);
  for (guint i = 0; i < totals->len; i++)
    {
      const LpModelLocality *locality = g_ptr_array_index (totals, i);
      g_autoptr(LpModelTable) one = model (plan, locality->name, LP_PER_MONTH);
      const LpModelRow *total = row_named (one, "Grand total");

      if (i > 0)
        g_assert_cmpint (g_utf8_collate (((LpModelLocality *) g_ptr_array_index (totals, i - 1))->name,
                                         locality->name), <, 0);
      for (guint h = 0; h < one->n_horizons; h++)
        {
          g_assert_cmpfloat_with_epsilon (locality->activity[h], total->activity[h], 1e-9);
          g_assert_cmpfloat_with_epsilon (locality->bed_days[h], total->bed_days[h], 1e-9);
        }
      g_assert_cmpint (locality->population, ==, one->population);
      sum[0] += locality->activity[0];
      sum[1] += locality->bed_days[1];
      population += locality->population;
    }
  g_assert_cmpint (population, ==, 596907);
  g_assert_cmpfloat_with_epsilon (row_named (all, "Grand total")->activity[0], sum[0], 1e-9);
  g_assert_cmpfloat_with_epsilon (row_named (all, "Grand total")->bed_days[1], sum[1], 1e-9);
  /* Lower Lea Valley's own published month. */
  for (guint i = 0; i < totals->len; i++)
    {
      const LpModelLocality *locality = g_ptr_array_index (totals, i);

      if (g_strcmp0 (locality->name, "Lower Lea Valley") == 0)
        g_assert_cmpfloat_with_epsilon (locality->activity[0], 241.5, 0.05);
    }
}

/* Which rows carry the published mark. */
static guint
n_entered (const LpModelTable *table)
{
  guint n = 0;

  for (guint i = 0; i < table->rows->len; i++)
    {
      const LpModelRow *row = g_ptr_array_index (table->rows, i);

      /* Totals are sums the app makes, never figures from the source. */
      if (row->kind != LP_MODEL_ROW_PATHWAY)
        g_assert_false (row->entered);
      n += row->entered;
    }
  return n;
}

/* Only Lower Lea Valley's figures are published: its 8 pathways are all
 * marked, no other locality's row is, and no row of all localities is,
 * as each sums Lower Lea Valley's figures with five modelled shares. */
static void
test_published_marks (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autoptr(GListModel) localities = lp_plan_list_localities (plan, NULL);
  g_autoptr(LpModelTable) all = model (plan, NULL, LP_PER_MONTH);
  g_autoptr(LpModelTable) week = model (plan, NULL, LP_PER_WEEK);

  g_assert_cmpuint (g_list_model_get_n_items (localities), ==, 6);
  for (guint i = 0; i < g_list_model_get_n_items (localities); i++)
    {
      g_autoptr(LpLocality) locality = g_list_model_get_item (localities, i);
      const char *name = lp_locality_get_name (locality);
      g_autoptr(LpModelTable) one = model (plan, name, LP_PER_MONTH);

      g_assert_cmpuint (n_entered (one), ==, g_str_equal (name, "Lower Lea Valley") ? 8 : 0);
    }
  g_assert_cmpuint (n_entered (all), ==, 0);
  g_assert_cmpuint (n_entered (week), ==, 0);
  g_assert_false (row_named (all, "Frailty")->entered);
}

/* A row of all localities is marked only when every locality's figure in
 * it is the locality's own; a locality's row only when both horizons are. */
/* Locality @locality's own Frailty over @years: 100 a year. */
static void
add_own_frailty (LpPlan *plan,
                 gint64  id,
                 gint64  locality,
                 int     years)
{
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO pathway_change (id, scenario_id, pathway_id, level, locality_id, horizon_years, period, activity) "
      "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 1, 'locality', %" G_GINT64_FORMAT ", %d, 'year', 100)",
      id, lp_plan_get_base_scenario_id (plan), locality, years);

  g_assert_cmpint (sqlite3_exec (lp_plan_get_db (plan), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* A row of all localities is marked only when every locality's figure in
 * it is the locality's own; a locality's row only when both horizons are. */
static void
test_marks_need_every_figure (void)
{
  g_autofree char *dir = test_tmp_dir ();
  gint64 ids[3];
  g_autoptr(LpPlan) plan = three_localities (dir, ids);
  LpModelQuery query = { 0, 0, LP_PER_YEAR };
  g_autoptr(LpModelTable) all = NULL;
  g_autoptr(LpModelTable) a = NULL;
  g_autoptr(LpModelTable) b = NULL;

  /* The CCG's Frailty over 5 years too; every locality states its own
   * over 3 years, only A over 5. */
  g_assert_cmpint (sqlite3_exec (lp_plan_get_db (plan),
      "INSERT INTO pathway_change (id, scenario_id, pathway_id, level, horizon_years, period, activity) "
      "SELECT 2, id, 1, 'ccg', 5, 'horizon', 6000 FROM scenario", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < 3; i++)
    add_own_frailty (plan, 10 + i, ids[i], 3);
  add_own_frailty (plan, 20, ids[0], 5);
  all = lp_plan_model (plan, &query, NULL);
  query.locality_id = ids[0];
  a = lp_plan_model (plan, &query, NULL);
  query.locality_id = ids[1];
  b = lp_plan_model (plan, &query, NULL);
  g_assert_true (row_named (a, "Frailty")->entered);
  /* B's 5 years are its share of the CCG's: 6,000 / 5 x 1/4 = 300. */
  g_assert_false (row_named (b, "Frailty")->entered);
  g_assert_cmpfloat_with_epsilon (row_named (b, "Frailty")->activity[1], 300.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (row_named (b, "Frailty")->activity[0], 100.0, 1e-9);
  g_assert_false (row_named (all, "Frailty")->entered);
  g_clear_pointer (&all, lp_model_table_free);

  /* With B's and Empty's 5 years their own too, every figure is. */
  add_own_frailty (plan, 21, ids[1], 5);
  add_own_frailty (plan, 22, ids[2], 5);
  query.locality_id = 0;
  all = lp_plan_model (plan, &query, NULL);
  g_assert_true (row_named (all, "Frailty")->entered);
  g_assert_cmpfloat_with_epsilon (row_named (all, "Frailty")->activity[0], 300.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (row_named (all, "Frailty")->activity[1], 300.0, 1e-9);
  g_assert_false (row_named (all, "Grand total")->entered);
  g_clear_object (&plan);
  test_rm_rf (dir);
}

static gint64
add_practice (LpPlan     *plan,
              const char *code,
              gint64      locality,
              gint64      patients)
{
  LpPracticeFields fields = { code, "Practice", NULL, locality, NULL, NULL };
  g_autoptr(GError) error = NULL;
  gint64 id = lp_plan_add_practice (plan, &fields, &error);

  g_assert_no_error (error);
  if (patients >= 0)
    g_assert_true (lp_plan_set_list_size (plan, id, "2018-01-01", patients, NULL, NULL));
  return id;
}

/* The practice page: a practice of 30,000 of its locality's 40,000 (which
 * has 40,000 of the CCG's 50,000) gets 3/4 of 4/5 of 1,200 a year: 720,
 * so 60 a month and 720/52 a week.  A practice without a list size gets
 * no share; one in no locality is refused with its name. */
static void
test_practice_model (void)
{
  g_autofree char *dir = test_tmp_dir ();
  gint64 ids[3];
  g_autoptr(LpPlan) plan = three_localities (dir, ids);
  gint64 big = lp_plan_find_practice (plan, "Z00000");
  gint64 small = add_practice (plan, "Z00009", ids[0], 10000);
  gint64 none = add_practice (plan, "Z00008", ids[0], -1);
  gint64 lost = add_practice (plan, "Z00007", 0, 5000);
  g_autoptr(LpPracticeModel) page = lp_plan_model_practice (plan, big, 0, FALSE, NULL);
  g_autoptr(LpPracticeModel) other = lp_plan_model_practice (plan, small, 0, TRUE, NULL);
  g_autoptr(LpPracticeModel) empty = lp_plan_model_practice (plan, none, 0, FALSE, NULL);
  g_autoptr(GError) error = NULL;
  const LpPracticeModelRow *frailty, *total;

  g_assert_nonnull (page);
  g_assert_cmpstr (page->ods_code, ==, "Z00000");
  g_assert_cmpstr (page->locality, ==, "A");
  g_assert_cmpint (page->list_size, ==, 30000);
  g_assert_cmpstr (page->list_size_date, ==, "2018-01-01");
  g_assert_cmpint (page->locality_population, ==, 40000);
  g_assert_cmpfloat_with_epsilon (page->share, 0.75, 1e-12);
  g_assert_cmpuint (page->n_horizons, ==, 1);
  g_assert_cmpint (page->horizons[0], ==, 3);
  frailty = g_ptr_array_index (page->rows, 0);
  total = g_ptr_array_index (page->rows, page->rows->len - 1);
  g_assert_cmpstr (frailty->name, ==, "Frailty");
  g_assert_cmpstr (total->name, ==, "Grand total");
  g_assert_cmpfloat_with_epsilon (frailty->month_activity[0], 60.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (frailty->week_activity[0], 720.0 / 52.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (total->month_activity[0], 60.0, 1e-9);
  /* The 365/7 week: 240 a year / (365 / 7). */
  g_assert_cmpfloat_with_epsilon (((LpPracticeModelRow *) g_ptr_array_index (other->rows, 0))->week_activity[0],
                                  240.0 * 7.0 / 365.0, 1e-9);
  g_assert_cmpint (empty->list_size, ==, -1);
  g_assert_cmpfloat (empty->share, ==, 0.0);
  g_assert_cmpfloat (((LpPracticeModelRow *) g_ptr_array_index (empty->rows, 0))->month_activity[0], ==, 0.0);

  g_assert_null (lp_plan_model_practice (plan, lost, 0, FALSE, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Practice” is in no locality yet"));
  lp_plan_close (plan);
  test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/lower-lea-valley/per-month", test_lower_lea_valley_per_month);
  g_test_add_func ("/model/lower-lea-valley/per-week", test_lower_lea_valley_per_week);
  g_test_add_func ("/model/stp-share", test_stp_share);
  g_test_add_func ("/model/all-is-the-sum", test_all_is_the_sum);
  g_test_add_func ("/model/localities-totals", test_localities_totals);
  g_test_add_func ("/model/practice-page", test_practice_model);
  g_test_add_func ("/model/practices-add-up", test_practices_add_up);
  g_test_add_func ("/model/published-marks", test_published_marks);
  g_test_add_func ("/model/marks-need-every-figure", test_marks_need_every_figure);
  g_test_add_func ("/model/population-shares", test_population_shares);
  g_test_add_func ("/model/weights-normalised", test_weights_normalised);
  g_test_add_func ("/model/scenario-inherits", test_scenario_inherits);
  return g_test_run ();
}
