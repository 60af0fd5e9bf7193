/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Modelling benchmark: an England-sized plan (6,500 practices in 1,250
 * localities, 10 pathways, 2 horizons, 3 scenarios, a year of monthly
 * single-year-of-age profiles), edited once, then modelled again, as the
 * view does after every edit: on registered patients and on the 75+ base,
 * on the plan's own connection and on a second one that reads the same
 * file, as the view's worker does.  Prints the median of 21 runs against
 * the goal of one frame (16 ms), with registered as the baseline.  Figures,
 * not a test. */
#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "bench-util.h"
#include "lp-core.h"
#include "lp-plan-private.h"

#define RUNS 21
#define AGE_EXTRACTS 12
#define AGE_SLOTS 96   /* ages 0 to 94, then 95 and over */

/* Twelve monthly extracts of each practice's patients by single year of
 * age, men and women, as the importer stores them: about as many at each
 * age up to 60, fewer after (a practice of 6,000 has about 450 aged 75+). */
static void
add_age_profiles (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  GString *text = g_string_sized_new (AGE_SLOTS * 6);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO age_profile (extract_date, practice_id, sex, banding, total, patients) "
                                       "VALUES (?1, ?2, ?3, 'single', ?4, ?5)", -1, &stmt, NULL), ==, SQLITE_OK);
  for (int month = 0; month < AGE_EXTRACTS; month++)
    {
      g_autofree char *date = g_strdup_printf ("%04d-%02d-01", 2020 + month / 12, 1 + month % 12);

      for (int practice = 1; practice <= BENCH_PRACTICES; practice++)
        for (int sex = 0; sex < 2; sex++)
          {
            int per_year = (2000 + (practice * 7919) % 12000) / 150 + month % 3;
            gint64 total = 0;

            g_string_truncate (text, 0);
            for (int age = 0; age < AGE_SLOTS; age++)
              {
                int figure = age < 60 ? per_year : per_year * (AGE_SLOTS - age) / (AGE_SLOTS - 60 + sex * 4);

                total += figure;
                g_string_append_printf (text, "%6d", figure);
              }
            sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64 (stmt, 2, practice);
            sqlite3_bind_text (stmt, 3, sex == 0 ? "male" : "female", -1, SQLITE_STATIC);
            sqlite3_bind_int64 (stmt, 4, total);
            sqlite3_bind_text (stmt, 5, text->str, (int) text->len, SQLITE_TRANSIENT);
            g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
            sqlite3_reset (stmt);
          }
    }
  sqlite3_finalize (stmt);
  g_string_free (text, TRUE);
}

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
  add_age_profiles (db);
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

/* Median milliseconds of an edit on @plan followed by modelling @locality
 * on @base (NULL: each pathway's own) through @reader. */
static double
time_model (LpPlan     *plan,
            LpPlan     *reader,
            gint64      locality,
            gint64      scenario,
            ModelWork   work,
            const char *base)
{
  double times[RUNS];

  for (int i = 0; i < RUNS; i++)
    {
      LpModelQuery query = { locality, scenario, LP_PER_WEEK };
      g_autoptr(LpModelTable) table = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start;

      query.base = base;
      g_assert_true (lp_plan_set_list_size (plan, 1 + i, "2021-01-01", 3000 + i, NULL, NULL));
      start = g_get_monotonic_time ();
      if (work == MODEL_CHART)
        {
          g_autoptr(GPtrArray) localities = lp_plan_model_localities (reader, &query, &table, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (localities->len, ==, BENCH_LOCALITIES);
        }
      else
        table = lp_plan_model (reader, &query, &error);
      g_assert_no_error (error);
      if (work == MODEL_PRACTICES)
        {
          g_autoptr(GPtrArray) practices = lp_plan_model_practices (reader, &query, table, &error);

          g_assert_no_error (error);
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
  g_autoptr(LpPlan) worker = NULL;
  double one, all, child, chart, one_practices, all_practices;
  double old_all, old_chart, old_practices, old_worker, old_worker_practices;
  double first_read;
  gint64 start;

  build (plan);
  worker = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, NULL);
  g_assert_nonnull (worker);
  one = time_model (plan, plan, 17, 0, MODEL_TABLE, NULL);
  all = time_model (plan, plan, 0, 0, MODEL_TABLE, NULL);
  child = time_model (plan, plan, 17, 3, MODEL_TABLE, NULL);
  chart = time_model (plan, plan, 0, 0, MODEL_CHART, NULL);
  one_practices = time_model (plan, plan, 17, 0, MODEL_PRACTICES, NULL);
  all_practices = time_model (plan, plan, 0, 0, MODEL_PRACTICES, NULL);
  {
    LpModelQuery query = { 0, 0, LP_PER_WEEK };
    g_autoptr(LpModelTable) table = NULL;

    query.base = "75+";
    start = g_get_monotonic_time ();
    table = lp_plan_model (plan, &query, NULL);
    first_read = (g_get_monotonic_time () - start) / 1000.0;
    g_assert_nonnull (table);
  }
  old_all = time_model (plan, plan, 0, 0, MODEL_TABLE, "75+");
  old_chart = time_model (plan, plan, 0, 0, MODEL_CHART, "75+");
  old_practices = time_model (plan, plan, 0, 0, MODEL_PRACTICES, "75+");
  old_worker = time_model (plan, worker, 0, 0, MODEL_TABLE, "75+");
  old_worker_practices = time_model (plan, worker, 0, 0, MODEL_PRACTICES, "75+");
  printf ("plan: %d practices in %d localities, 10 pathways, 2 horizons, 3 scenarios, "
          "%d monthly age profiles (%d rows)\n", BENCH_PRACTICES, BENCH_LOCALITIES, AGE_EXTRACTS,
          AGE_EXTRACTS * BENCH_PRACTICES * 2);
  printf ("model one locality after an edit:      median %.2f ms\n", one);
  printf ("model a grandchild scenario's locality: median %.2f ms\n", child);
  printf ("model all localities after an edit:    median %.2f ms\n", all);
  printf ("every locality's total, for the chart:  median %.2f ms\n", chart);
  printf ("one locality and its practices' shares: median %.2f ms (%.1f x the table alone)\n",
          one_practices, one_practices / one);
  printf ("all localities and every practice's share: median %.2f ms (%.1f x the table alone)\n",
          all_practices, all_practices / all);
  printf ("on the 75+ base (baseline: the same on registered patients):\n");
  printf ("  first modelling, reading the age profiles: %.2f ms\n", first_read);
  printf ("  all localities after an edit:             median %.2f ms (%.2f x registered)\n",
          old_all, old_all / all);
  printf ("  every locality's total, for the chart:    median %.2f ms (%.2f x registered)\n",
          old_chart, old_chart / chart);
  printf ("  all localities and every practice's share: median %.2f ms (%.2f x registered)\n",
          old_practices, old_practices / all_practices);
  printf ("  all localities, on a second connection (the view's worker, which reads the age "
          "profiles again after every commit): median %.2f ms (%.2f x registered)\n",
          old_worker, old_worker / all);
  printf ("  the same with every practice's share:     median %.2f ms (%.2f x registered)\n",
          old_worker_practices, old_worker_practices / all_practices);
  printf ("goal: under 16 ms (one frame): registered %s; 75+ after an edit %s\n",
          MAX (MAX (one, chart), MAX (all, child)) < 16.0 ? "met" : "NOT met",
          MAX (old_all, old_worker) < 16.0 ? "met" : "NOT met");
  g_clear_object (&worker);
  g_clear_object (&plan);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
