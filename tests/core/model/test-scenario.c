/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scenarios: create, rename, duplicate, delete, and inheritance. */
#include "core-test-util.h"

typedef TestSample Fixture;

static gint64
growth (LpPlan *plan, gint64 scenario, const char *code)
{
  g_autoptr(LpActivityPlan) activity = lp_plan_activity_plan (plan, scenario, "2018/19", NULL);

  for (guint i = 0; i < activity->lines->len; i++)
    {
      LpActivityLine *line = g_ptr_array_index (activity->lines, i);
      if (g_str_equal (line->code, code))
        return line->growth_bp;
    }
  g_error ("no line %s", code);
}

static void
test_add_and_inherit (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) scenarios = NULL;
  g_autoptr(LpScenario) child = NULL;
  gint64 id = lp_plan_add_scenario (f->plan, "Faster elective", 0, &error);

  g_assert_no_error (error);
  scenarios = lp_plan_list_scenarios (f->plan, &error);
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, 2);
  child = g_list_model_get_item (scenarios, 1);
  g_assert_cmpstr (lp_scenario_get_name (child), ==, "Faster elective");
  g_assert_cmpstr (lp_scenario_get_base_name (child), ==, "Base");
  /* An override in the child changes only that figure, only there. */
  g_assert_true (lp_plan_set_growth (f->plan, id, "EL_TOTAL", "2018/19", 800, &error));
  g_assert_cmpint (growth (f->plan, id, "EL_TOTAL"), ==, 800);
  g_assert_cmpint (growth (f->plan, id, "NEL_0LOS"), ==, 1330);
  g_assert_cmpint (growth (f->plan, 0, "EL_TOTAL"), ==, 350);
  /* Two scenarios cannot share a name. */
  g_assert_cmpint (lp_plan_add_scenario (f->plan, "faster elective ", 0, &error), ==, 0);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT);
}

static void
test_duplicate_and_rename (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = lp_plan_add_scenario (f->plan, "Faster elective", 0, NULL);
  gint64 copy;

  g_assert_true (lp_plan_set_growth (f->plan, id, "EL_TOTAL", "2018/19", 800, NULL));
  copy = lp_plan_duplicate_scenario (f->plan, id, "Faster elective (copy)", &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy, !=, 0);
  g_assert_cmpint (growth (f->plan, copy, "EL_TOTAL"), ==, 800);
  /* The copy is separate: changing it leaves the original alone. */
  g_assert_true (lp_plan_set_growth (f->plan, copy, "EL_TOTAL", "2018/19", 900, NULL));
  g_assert_cmpint (growth (f->plan, id, "EL_TOTAL"), ==, 800);
  g_assert_true (lp_plan_rename_scenario (f->plan, copy, "Fastest elective", &error));
  g_assert_cmpint (lp_plan_find_scenario (f->plan, "fastest elective"), ==, copy);
  g_assert_false (lp_plan_rename_scenario (f->plan, copy, "Base", &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT);
}

static void
test_delete (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 child = lp_plan_add_scenario (f->plan, "Child", 0, NULL);
  gint64 grandchild = lp_plan_add_scenario (f->plan, "Grandchild", child, NULL);

  g_assert_false (lp_plan_delete_scenario (f->plan, lp_plan_get_base_scenario_id (f->plan), &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (lp_plan_delete_scenario (f->plan, child, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Other scenarios build on this one; delete them first");
  g_clear_error (&error);
  g_assert_true (lp_plan_set_growth (f->plan, grandchild, "EL_TOTAL", "2018/19", 100, NULL));
  g_assert_true (lp_plan_delete_scenario (f->plan, grandchild, &error));
  g_assert_true (lp_plan_delete_scenario (f->plan, child, &error));
  /* Its figures went with it. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM growth_assumption WHERE growth_bp = 100"), ==, 0);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM scenario"), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, test_sample_set_up, func, test_sample_tear_down)
  ADD ("/scenario/add-and-inherit", test_add_and_inherit);
  ADD ("/scenario/duplicate-and-rename", test_duplicate_and_rename);
  ADD ("/scenario/delete", test_delete);
#undef ADD
  return g_test_run ();
}
