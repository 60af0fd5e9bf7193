/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Activity plans by locality: each locality's outturn at its own growth
 * rate (or the line's), the whole plan their sum, every edit one undo step
 * named after the locality, and bad input refused with the file as it was.
 * The sample's total elective admissions grow 3.5 % for the whole plan. */
#include <math.h>

#include "core-test-util.h"

typedef TestSample Fixture;

#define YEAR "2018/19"
#define ELECTIVE "EL_TOTAL"

static const LpActivityLine *
line (const LpActivityPlan *activity_plan, const char *code)
{
  for (guint i = 0; i < activity_plan->lines->len; i++)
    if (g_str_equal (((LpActivityLine *) g_ptr_array_index (activity_plan->lines, i))->code, code))
      return g_ptr_array_index (activity_plan->lines, i);
  g_error ("no activity line %s", code);
}

static LpActivityPlan *
plan_for (Fixture *f, gint64 locality_id)
{
  g_autoptr(GError) error = NULL;
  LpActivityPlan *activity_plan = lp_plan_activity_plan_for_locality (f->plan, 0, YEAR, locality_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (activity_plan);
  return activity_plan;
}

static void
enter_outturn (Fixture *f, gint64 locality_id, const char *typed)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lp_plan_enter_locality_baseline (f->plan, 0, locality_id, ELECTIVE, YEAR, "Outturn", typed, &error));
  g_assert_no_error (error);
}

static void
enter_growth (Fixture *f, gint64 locality_id, const char *typed)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lp_plan_enter_locality_growth (f->plan, 0, locality_id, ELECTIVE, YEAR, "Growth", typed, &error));
  g_assert_no_error (error);
}

/* Stevenage 30,000 at the line's 3.5 % and North Herts 20,000 at its own
 * 2 %: 31,050 + 20,400 = 51,450 a year for the whole plan, 4,287.5 a
 * month, 51,450 / 52 = 989.42… a week. */
static void
test_two_localities (Fixture *f, gconstpointer data)
{
  gint64 stevenage = lp_plan_find_locality (f->plan, "Stevenage");
  gint64 north_herts = lp_plan_find_locality (f->plan, "North Herts");
  g_autoptr(LpActivityPlan) whole = NULL;
  g_autoptr(LpActivityPlan) st = NULL;
  g_autoptr(LpActivityPlan) nh = NULL;
  g_autoptr(LpActivityPlan) other = NULL;
  const LpActivityLine *elective;

  g_assert_cmpint (stevenage, !=, 0);
  g_assert_cmpint (north_herts, !=, 0);
  enter_outturn (f, stevenage, "30,000");
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Edit Stevenage forecast outturn");
  enter_outturn (f, north_herts, "20000");
  enter_growth (f, north_herts, "2%");
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Edit North Herts growth rate");

  st = plan_for (f, stevenage);
  g_assert_cmpstr (st->locality_name, ==, "Stevenage");
  elective = line (st, ELECTIVE);
  g_assert_true (elective->baseline_set);
  g_assert_cmpfloat (elective->baseline, ==, 30000);
  /* No rate of its own: the line's. */
  g_assert_false (elective->growth_own);
  g_assert_true (elective->growth_set);
  g_assert_cmpint (elective->growth_bp, ==, 350);
  g_assert_cmpfloat (elective->plan, ==, 31050);
  g_assert_cmpfloat (elective->per_month[0], ==, 2587.5);
  g_assert_cmpfloat_with_epsilon (elective->per_week, 31050.0 / 52, 1e-9);
  /* QIPP is the whole plan's, not a locality's. */
  g_assert_cmpfloat (elective->qipp, ==, 0);
  g_assert_cmpfloat (elective->without_qipp, ==, 31050);

  nh = plan_for (f, north_herts);
  elective = line (nh, ELECTIVE);
  g_assert_true (elective->growth_own);
  g_assert_cmpint (elective->growth_bp, ==, 200);
  g_assert_cmpfloat (elective->plan, ==, 20400);
  g_assert_cmpfloat (elective->per_month[0], ==, 1700);

  whole = plan_for (f, 0);
  elective = line (whole, ELECTIVE);
  g_assert_null (whole->locality_name);
  g_assert_true (elective->held_by_locality);
  g_assert_cmpuint (elective->n_localities, ==, 2);
  g_assert_cmpfloat (elective->baseline, ==, 50000);
  g_assert_cmpint (elective->growth_bp, ==, 350);
  g_assert_cmpfloat (elective->plan, ==, 51450);
  g_assert_cmpfloat (elective->per_month[0], ==, 4287.5);
  g_assert_cmpfloat_with_epsilon (elective->per_week, 989.4230769230769, 1e-9);
  g_assert_cmpfloat (round (elective->per_week * 10) / 10, ==, 989.4);
  /* The whole plan keeps its QIPP: inside the plan, added back without it. */
  g_assert_cmpfloat (elective->qipp, ==, 1185);
  g_assert_cmpfloat (elective->without_qipp, ==, 52635);
  /* Lines not planned by locality are as they were. */
  g_assert_false (line (whole, "NEL_TOTAL")->held_by_locality);
  g_assert_cmpuint (line (whole, "NEL_TOTAL")->n_localities, ==, 0);

  /* A locality without figures has none. */
  other = plan_for (f, lp_plan_find_locality (f->plan, "Welwyn Hatfield"));
  g_assert_false (line (other, ELECTIVE)->baseline_set);
  g_assert_cmpfloat (line (other, ELECTIVE)->plan, ==, 0);

  /* The whole plan's rate moves the localities without their own. */
  g_assert_true (lp_plan_set_growth (f->plan, 0, ELECTIVE, YEAR, 500, NULL));
  g_clear_pointer (&whole, lp_activity_plan_free);
  whole = plan_for (f, 0);
  /* 30,000 x 1.05 + 20,400 */
  g_assert_cmpfloat (line (whole, ELECTIVE)->plan, ==, 51900);
}

/* Each edit is one step, named after its locality, and undone alone;
 * blank clears a locality's figure, or its own rate. */
static void
test_undo_and_clear (Fixture *f, gconstpointer data)
{
  gint64 stevenage = lp_plan_find_locality (f->plan, "Stevenage");
  g_autoptr(LpActivityPlan) shown = NULL;
  g_autoptr(GError) error = NULL;

  enter_outturn (f, stevenage, "30,000");
  enter_growth (f, stevenage, "4");
  enter_outturn (f, stevenage, "32,000");
  shown = plan_for (f, stevenage);
  g_assert_cmpfloat (line (shown, ELECTIVE)->plan, ==, 33280);
  g_clear_pointer (&shown, lp_activity_plan_free);

  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Edit Stevenage forecast outturn");
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  shown = plan_for (f, stevenage);
  g_assert_cmpfloat (line (shown, ELECTIVE)->baseline, ==, 30000);
  g_assert_cmpint (line (shown, ELECTIVE)->growth_bp, ==, 400);
  g_clear_pointer (&shown, lp_activity_plan_free);

  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Edit Stevenage growth rate");
  g_assert_true (lp_plan_undo (f->plan, &error));
  shown = plan_for (f, stevenage);
  g_assert_false (line (shown, ELECTIVE)->growth_own);
  g_assert_cmpint (line (shown, ELECTIVE)->growth_bp, ==, 350);
  g_clear_pointer (&shown, lp_activity_plan_free);

  /* A rate of its own, then blank: the line's again. */
  enter_growth (f, stevenage, "4");
  enter_growth (f, stevenage, "  ");
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Clear Stevenage growth rate");
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM locality_growth_assumption"), ==, 0);

  /* Blank outturn: the locality has none, and the line is the whole
   * plan's to enter again. */
  enter_outturn (f, stevenage, "");
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Clear Stevenage forecast outturn");
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM activity_baseline"), ==, 0);
  g_assert_true (lp_plan_enter_baseline (f->plan, 0, ELECTIVE, YEAR, "Outturn", "100,000", &error));
  g_assert_no_error (error);

  /* Undo all the way back: nothing left in either table. */
  while (lp_plan_can_undo (f->plan))
    g_assert_true (lp_plan_undo (f->plan, NULL));
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM activity_baseline"), ==, 0);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM locality_growth_assumption"), ==, 0);
}

static void
assert_refused (Fixture *f, gboolean growth, gint64 locality_id, const char *typed, const char *message)
{
  g_autofree char *before = test_file_checksum (f->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved = growth
    ? lp_plan_enter_locality_growth (f->plan, 0, locality_id, ELECTIVE, YEAR, "Growth for Stevenage", typed, &error)
    : lp_plan_enter_locality_baseline (f->plan, 0, locality_id, ELECTIVE, YEAR, "Forecast outturn for Stevenage",
                                       typed, &error);

  g_assert_false (saved);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, message);
  after = test_file_checksum (f->path);
  g_assert_cmpstr (after, ==, before);
}

/* Bad figures, and a line held the other way, save nothing. */
static void
test_refused (Fixture *f, gconstpointer data)
{
  gint64 stevenage = lp_plan_find_locality (f->plan, "Stevenage");
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;

  assert_refused (f, FALSE, stevenage, "lots",
                  "Forecast outturn for Stevenage must be a number such as 1.5, not “lots”");
  assert_refused (f, FALSE, stevenage, "-5", "Forecast outturn for Stevenage must be 0 or more, not “-5”");
  assert_refused (f, TRUE, stevenage, "abc",
                  "Growth for Stevenage must be a percentage with at most two decimals, such as 13.3, not “abc”");
  assert_refused (f, TRUE, stevenage, "150", "Growth must be between -100% and 100%");
  assert_refused (f, TRUE, stevenage, "-101", "Growth must be between -100% and 100%");
  g_assert_false (lp_plan_can_undo (f->plan));

  /* A line with one figure for the whole plan takes none by locality. */
  g_assert_true (lp_plan_enter_baseline (f->plan, 0, ELECTIVE, YEAR, "Outturn", "60,000", NULL));
  assert_refused (f, FALSE, stevenage, "30,000",
                  "This line has one forecast outturn for the whole plan, and a locality’s figure would be "
                  "added to it: choose Whole plan and clear that figure first to plan the line by locality");
  /* Cleared (blank), it does. */
  g_assert_true (lp_plan_enter_baseline (f->plan, 0, ELECTIVE, YEAR, "Outturn", "", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Delete forecast outturn");
  enter_outturn (f, stevenage, "30,000");

  /* And a line held by locality takes none for the whole plan. */
  before = test_file_checksum (f->path);
  g_assert_false (lp_plan_enter_baseline (f->plan, 0, ELECTIVE, YEAR, "Outturn", "60,000", &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "This line’s forecast outturn is held by locality or provider in the plan "
                                       "file, and a figure for the whole plan would be added to theirs: choose a "
                                       "locality above the table to edit its figure, or clear every locality’s "
                                       "figure first");
  {
    g_autofree char *after = test_file_checksum (f->path);
    g_assert_cmpstr (after, ==, before);
  }
  /* The whole plan's rate stays limited as a locality's is. */
  g_clear_error (&error);
  g_assert_false (lp_plan_enter_growth (f->plan, 0, ELECTIVE, YEAR, "Growth", "100.5", &error));
  g_assert_cmpstr (error->message, ==, "Growth must be between -100% and 100%");
}

/* A scenario built on the base copies the localities' own rates, and can
 * change them without touching the base. */
static void
test_scenario (Fixture *f, gconstpointer data)
{
  gint64 stevenage = lp_plan_find_locality (f->plan, "Stevenage");
  g_autoptr(GError) error = NULL;
  g_autoptr(LpActivityPlan) base = NULL;
  g_autoptr(LpActivityPlan) higher = NULL;
  gint64 scenario;

  enter_outturn (f, stevenage, "30,000");
  enter_growth (f, stevenage, "2");
  scenario = lp_plan_add_scenario (f->plan, "Higher growth", 0, &error);
  g_assert_no_error (error);
  g_assert_true (lp_plan_enter_locality_growth (f->plan, scenario, stevenage, ELECTIVE, YEAR, "Growth", "10",
                                                &error));
  g_assert_no_error (error);
  base = lp_plan_activity_plan_for_locality (f->plan, 0, YEAR, stevenage, NULL);
  higher = lp_plan_activity_plan_for_locality (f->plan, scenario, YEAR, stevenage, NULL);
  g_assert_cmpfloat (line (base, ELECTIVE)->plan, ==, 30600);
  g_assert_cmpfloat (line (higher, ELECTIVE)->plan, ==, 33000);
  /* A locality that has gone is said so. */
  g_assert_null (lp_plan_activity_plan_for_locality (f->plan, 0, YEAR, 12345, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
}

/* The Activity Plan exported for a locality says which above its columns
 * and holds that locality's figures; QIPP, planned for the whole plan, is
 * left empty.  The whole plan's export sums the localities'. */
static void
test_export (Fixture *f, gconstpointer data)
{
  gint64 stevenage = lp_plan_find_locality (f->plan, "Stevenage");
  LpModelQuery query = { stevenage, 0, LP_PER_MONTH };
  g_autofree char *path = test_tmp_path (f->dir, "stevenage.csv");
  g_autofree char *text = NULL;
  g_autofree char *locality = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *row;

  enter_outturn (f, stevenage, "30,000");
  enter_outturn (f, lp_plan_find_locality (f->plan, "North Herts"), "20,000");
  enter_growth (f, lp_plan_find_locality (f->plan, "North Herts"), "2");
  g_assert_true (lp_plan_export_query (f->plan, "activity-plan", &query, path, LP_EXPORT_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  locality = test_csv_heading (text, "Locality");
  g_assert_cmpstr (locality, ==, "Stevenage");
  rows = test_parse_csv (text);
  row = test_csv_find_row (rows, 0, ELECTIVE);
  g_assert_cmpstr (g_ptr_array_index (row, 3), ==, "30000");
  g_assert_cmpstr (g_ptr_array_index (row, 4), ==, "3.5");
  g_assert_null (g_ptr_array_index (row, 5));
  g_assert_cmpstr (g_ptr_array_index (row, 6), ==, "31050");
  g_assert_null (g_ptr_array_index (row, 7));
  g_assert_cmpstr (g_ptr_array_index (row, 8), ==, "2587.5");

  query.locality_id = 0;
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&locality, g_free);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_true (lp_plan_export_query (f->plan, "activity-plan", &query, path, LP_EXPORT_DEFAULT, &error));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  locality = test_csv_heading (text, "Locality");
  g_assert_cmpstr (locality, ==, "All localities");
  rows = test_parse_csv (text);
  row = test_csv_find_row (rows, 0, ELECTIVE);
  g_assert_cmpstr (g_ptr_array_index (row, 3), ==, "50000");
  g_assert_cmpstr (g_ptr_array_index (row, 5), ==, "1185");
  g_assert_cmpstr (g_ptr_array_index (row, 6), ==, "51450");
  g_assert_cmpstr (g_ptr_array_index (row, 7), ==, "52635");
  g_assert_cmpstr (g_ptr_array_index (row, 8), ==, "4287.5");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, test_sample_set_up, func, test_sample_tear_down)
  ADD ("/activity-locality/two-localities", test_two_localities);
  ADD ("/activity-locality/undo-and-clear", test_undo_and_clear);
  ADD ("/activity-locality/refused", test_refused);
  ADD ("/activity-locality/scenario", test_scenario);
  ADD ("/activity-locality/export", test_export);
#undef ADD
  return g_test_run ();
}
