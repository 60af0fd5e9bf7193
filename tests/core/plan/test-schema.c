/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Schema v1: keys that merge, and constraints that refuse impossible data
 * even when it is written behind the application's back. */
#include "core-test-util.h"
#include "lp-plan-private.h"

/* Runs @sql on the plan's own connection and returns SQLite's result. */
static int
exec_rc (LpPlan     *plan,
         const char *sql)
{
  return sqlite3_exec (lp_plan_get_db (plan), sql, NULL, NULL, NULL) & 0xff;
}

static void
test_every_table_has_primary_key (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  const char *path = lp_plan_get_path (plan);

  g_assert_cmpint (test_sql_int (path,
      "SELECT count(*) FROM sqlite_schema AS m WHERE m.type = 'table' "
      "AND NOT EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE pk > 0)"), ==, 0);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"), >=, 25);
  /* No AUTOINCREMENT anywhere. */
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_sequence'"), ==, 0);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%AUTOINCREMENT%'"), ==, 0);
  lp_plan_close (plan);
  test_rm_rf (dir);
}

static void
test_keys_are_random (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  gint64 ids[20];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("Locality %u", i);
      LpLocalityFields fields = { name, NULL, NULL };
      ids[i] = lp_plan_add_locality (plan, &fields, NULL);
      g_assert_cmpint (ids[i], >, 0);
    }
  /* Sequential rowids would be 1, 2, 3...: two laptops would both make
   * locality 1.  Random 63-bit keys are spread over the whole range. */
  for (guint i = 1; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpint (ABS (ids[i] - ids[i - 1]), >, 1000);
  g_assert_cmpint (MAX (ids[0], MAX (ids[1], ids[2])), >, G_MAXINT64 / 1000);
  lp_plan_close (plan);
  test_rm_rf (dir);
}

typedef struct {
  const char *name;
  const char *sql;
} Impossible;

/* Each statement is impossible data; the schema itself must refuse it. */
static const Impossible impossible[] = {
  { "negative list size", "INSERT INTO list_size VALUES (1, '2018-01-01', -5, '')" },
  { "fractional list size", "INSERT INTO list_size VALUES (1, '2018-01-01', 10.5, '')" },
  { "31 February", "INSERT INTO list_size VALUES (1, '2018-02-31', 5, '')" },
  { "unknown practice", "INSERT INTO list_size VALUES (999, '2018-01-01', 5, '')" },
  { "duplicate ODS code", "INSERT INTO practice (id, ods_code, name) VALUES (3, 'X06K01', 'Copy')" },
  { "lower-case ODS code", "INSERT INTO practice (id, ods_code, name) VALUES (3, 'x06k09', 'Lower')" },
  { "practice in unknown locality", "INSERT INTO practice (id, ods_code, name, locality_id) VALUES (3, 'X06K09', 'P', 77)" },
  { "unknown status", "INSERT INTO practice (id, ods_code, name, status) VALUES (3, 'X06K09', 'P', 'open')" },
  { "end before start", "INSERT INTO contract (id, provider_id, service, start_date, end_date, annual_value_pounds) "
                        "VALUES (1, 1, 'Acute', '2019-04-01', '2019-03-31', 100)" },
  { "money in floating point", "INSERT INTO contract (id, provider_id, service, start_date, end_date, annual_value_pounds) "
                               "VALUES (1, 1, 'Acute', '2018-04-01', '2019-03-31', 100.5)" },
  { "negative FTE", "INSERT INTO workforce_fte (practice_id, role, as_at, fte) VALUES (1, 'GP_PARTNER', '2018-03-31', -0.5)" },
  { "unknown role", "INSERT INTO workforce_fte (practice_id, role, as_at, fte) VALUES (1, 'WIZARD', '2018-03-31', 1)" },
  { "coverage over 100%", "INSERT INTO access_trajectory (id, scenario_id, period_month, target_bp) "
                          "SELECT 1, id, '2018-07-01', 10001 FROM scenario" },
  { "trajectory not on a month start", "INSERT INTO access_trajectory (id, scenario_id, period_month, target_bp) "
                                       "SELECT 1, id, '2018-07-15', 5000 FROM scenario" },
  { "quarter starting in May", "INSERT INTO workforce_change (id, scenario_id, practice_id, role, quarter_start) "
                               "SELECT 1, id, 1, 'GP_PARTNER', '2018-05-01' FROM scenario" },
  { "target for group and role", "INSERT INTO workforce_target (id, scenario_id, level, staff_group, role, fte_change, due_date) "
                                 "SELECT 1, id, 'ccg', 'GP', 'GP_PARTNER', 40, '2021-03-31' FROM scenario" },
  { "locality target without locality", "INSERT INTO workforce_target (id, scenario_id, level, staff_group, fte_change, due_date) "
                                        "SELECT 1, id, 'locality', 'GP', 4, '2021-03-31' FROM scenario" },
  { "scenario based on itself", "UPDATE scenario SET base_id = id" },
};

static void
test_constraints_refuse_impossible_data (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);

  g_assert_cmpint (exec_rc (plan,
      "INSERT INTO locality (id, name) VALUES (1, 'North Herts');"
      "INSERT INTO practice (id, ods_code, name, locality_id) VALUES (1, 'X06K01', 'A', 1);"
      "INSERT INTO provider (id, name) VALUES (1, 'ENHT');"), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (impossible); i++)
    {
      int rc = exec_rc (plan, impossible[i].sql);
      if (rc != SQLITE_CONSTRAINT)
        g_error ("“%s” was accepted (rc %d): %s", impossible[i].name, rc, impossible[i].sql);
    }
  /* ...while the legitimate versions of the same rows go in. */
  g_assert_cmpint (exec_rc (plan, "INSERT INTO list_size VALUES (1, '2018-01-01', 0, '')"), ==, SQLITE_OK);
  g_assert_cmpint (exec_rc (plan,
      "INSERT INTO workforce_fte (practice_id, role, as_at, fte, headcount) VALUES (1, 'GP_PARTNER', '2018-03-31', NULL, NULL)"),
      ==, SQLITE_OK);
  lp_plan_close (plan);
  test_rm_rf (dir);
}

static void
test_practice_in_one_locality (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autoptr(GError) error = NULL;
  LpLocalityFields north = { "North Herts", "NH", NULL };
  LpLocalityFields stevenage = { "Stevenage", "ST", NULL };
  gint64 nh = lp_plan_add_locality (plan, &north, NULL);
  gint64 st = lp_plan_add_locality (plan, &stevenage, NULL);
  LpPracticeFields practice = { "X06K01", "Hitchin Surgery", "SG4 9ZZ", nh, NULL, NULL };
  gint64 id = lp_plan_add_practice (plan, &practice, &error);
  g_autoptr(LpPractice) moved = NULL;

  g_assert_no_error (error);
  /* Moving a practice takes it out of its old locality: it cannot be in both. */
  practice.locality_id = st;
  g_assert_true (lp_plan_update_practice (plan, id, &practice, &error));
  moved = lp_plan_get_practice (plan, id, &error);
  g_assert_cmpint (lp_practice_get_locality_id (moved), ==, st);
  g_assert_cmpint (test_sql_int (lp_plan_get_path (plan),
                                 "SELECT count(*) FROM practice WHERE ods_code = 'X06K01'"), ==, 1);
  lp_plan_close (plan);
  test_rm_rf (dir);
}

static void
test_readable_views (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  const char *path = lp_plan_get_path (plan);

  g_assert_cmpint (exec_rc (plan,
      "INSERT INTO locality (id, name) VALUES (1, 'Stevenage');"
      "INSERT INTO practice (id, ods_code, name, locality_id) VALUES (1, 'X06K01', 'A', 1), (2, 'X06K02', 'B', 1);"
      "INSERT INTO list_size VALUES (1, '2017-01-01', 900, ''), (1, '2018-01-01', 1000, ''), (2, '2018-01-01', 500, '');"),
      ==, SQLITE_OK);
  /* The summary uses each practice's latest extract only. */
  g_assert_cmpint (test_sql_int (path, "SELECT registered_patients FROM locality_summary"), ==, 1500);
  g_assert_cmpint (test_sql_int (path, "SELECT practices FROM locality_summary"), ==, 2);
  /* A practice closed by the plan's reference date is left out, as the app
   * leaves it out; before its close date it still counts. */
  g_assert_cmpint (exec_rc (plan,
      "UPDATE practice SET status = 'closed', close_date = '2018-06-01' WHERE id = 2;"
      "INSERT OR REPLACE INTO plan_info (key, value) VALUES ('reference_date', '2018-10-01');"), ==, SQLITE_OK);
  g_assert_cmpint (test_sql_int (path, "SELECT practices FROM locality_summary"), ==, 1);
  g_assert_cmpint (test_sql_int (path, "SELECT registered_patients FROM locality_summary"), ==, 1000);
  g_assert_cmpint (exec_rc (plan, "UPDATE plan_info SET value = '2018-05-01' WHERE key = 'reference_date'"),
                   ==, SQLITE_OK);
  g_assert_cmpint (test_sql_int (path, "SELECT practices FROM locality_summary"), ==, 2);
  g_assert_cmpint (exec_rc (plan, "UPDATE practice SET status = 'dormant', close_date = NULL WHERE id = 2"),
                   ==, SQLITE_OK);
  g_assert_cmpint (test_sql_int (path, "SELECT practices FROM locality_summary"), ==, 1);
  lp_plan_close (plan);
  test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/schema/primary-keys", test_every_table_has_primary_key);
  g_test_add_func ("/schema/random-keys", test_keys_are_random);
  g_test_add_func ("/schema/constraints", test_constraints_refuse_impossible_data);
  g_test_add_func ("/schema/practice-in-one-locality", test_practice_in_one_locality);
  g_test_add_func ("/schema/readable-views", test_readable_views);
  return g_test_run ();
}
