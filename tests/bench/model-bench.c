/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Modelling benchmark: an England-sized plan (6,500 practices in 1,250
 * localities, 10 pathways, 2 horizons, 3 scenarios), edited once, then
 * modelled again, as the view does after every edit.  Prints the median of
 * 21 runs against the goal of one frame (16 ms).  Figures, not a test. */
#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "bench-util.h"
#include "lp-core.h"
#include "lp-plan-private.h"

#define RUNS 21

static void
build (LpPlan *plan)
{
  sqlite3 *db = lp_plan_get_db (plan);
  gint64 base = lp_plan_get_base_scenario_id (plan);
  g_autofree char *scenarios = g_strdup_printf (
      "INSERT INTO scenario (id, name, base_id) VALUES (2, 'Faster', %" G_GINT64_FORMAT "), (3, 'Fastest', 2);",
      base);
  g_autofree char *changes = g_strdup_printf (
      "WITH RECURSIVE p(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM p WHERE x < 10) "
      "INSERT INTO pathway (id, name, category) SELECT x, 'Pathway ' || x, "
      "CASE WHEN x <= 6 THEN 'inpatient' ELSE 'ae_outpatient' END FROM p;"
      "INSERT INTO pathway_change (id, scenario_id, pathway_id, level, horizon_years, activity, bed_days) "
      "SELECT id * 10 + h, %" G_GINT64_FORMAT ", id, 'stp', h, id * 1000.0, id * 1500.0 "
      "FROM pathway, (SELECT 3 AS h UNION SELECT 5);"
      "INSERT INTO pathway_change (id, scenario_id, pathway_id, level, horizon_years, activity) "
      "VALUES (1001, 2, 1, 'stp', 3, 20000), (1002, 3, 2, 'stp', 5, 9000);", base);


  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  bench_add_england (db, "2021-01-01");
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO plan_info VALUES ('stp_population', '60000000');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, scenarios, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, changes, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
}

typedef enum {
  MODEL_TABLE,       /* the table alone */
  MODEL_CHART,       /* every locality's total, as the view's chart needs them */
  MODEL_PRACTICES,   /* the table and every practice's share of it */
} ModelWork;

/* Median milliseconds of an edit followed by modelling @locality. */
static double
time_model (LpPlan    *plan,
            gint64     locality,
            gint64     scenario,
            ModelWork  work)
{
  double times[RUNS];

  for (int i = 0; i < RUNS; i++)
    {
      LpModelQuery query = { locality, scenario, LP_PER_WEEK };
      g_autoptr(LpModelTable) table = NULL;
      gint64 start;

      g_assert_true (lp_plan_set_list_size (plan, 1 + i, "2021-01-01", 3000 + i, NULL, NULL));
      start = g_get_monotonic_time ();
      if (work == MODEL_CHART)
        {
          g_autoptr(GPtrArray) localities = lp_plan_model_localities (plan, &query, &table, NULL);

          g_assert_nonnull (localities);
          g_assert_cmpuint (localities->len, ==, BENCH_LOCALITIES);
        }
      else
        table = lp_plan_model (plan, &query, NULL);
      if (work == MODEL_PRACTICES)
        {
          g_autoptr(GPtrArray) practices = lp_plan_model_practices (plan, &query, table, NULL);

          g_assert_nonnull (practices);
          g_assert_cmpuint (practices->len, >, 0);
        }
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_nonnull (table);
    }
  return bench_median (times, RUNS);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("lp-model-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "england.lpplan", NULL);
  g_autoptr(LpPlan) plan = lp_plan_create (path, NULL);
  double one, all, child, chart, one_practices, all_practices;

  build (plan);
  one = time_model (plan, 17, 0, MODEL_TABLE);
  all = time_model (plan, 0, 0, MODEL_TABLE);
  child = time_model (plan, 17, 3, MODEL_TABLE);
  chart = time_model (plan, 0, 0, MODEL_CHART);
  one_practices = time_model (plan, 17, 0, MODEL_PRACTICES);
  all_practices = time_model (plan, 0, 0, MODEL_PRACTICES);
  printf ("plan: %d practices in %d localities, 10 pathways, 2 horizons, 3 scenarios\n", BENCH_PRACTICES,
          BENCH_LOCALITIES);
  printf ("model one locality after an edit:      median %.2f ms\n", one);
  printf ("model a grandchild scenario's locality: median %.2f ms\n", child);
  printf ("model all localities after an edit:    median %.2f ms\n", all);
  printf ("every locality's total, for the chart:  median %.2f ms\n", chart);
  printf ("one locality and its practices' shares: median %.2f ms (%.1f x the table alone)\n",
          one_practices, one_practices / one);
  printf ("all localities and every practice's share: median %.2f ms (%.1f x the table alone)\n",
          all_practices, all_practices / all);
  printf ("goal: under 16 ms (one frame): %s\n",
          MAX (MAX (one, chart), MAX (all, child)) < 16.0 ? "met" : "NOT met");
  g_clear_object (&plan);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
