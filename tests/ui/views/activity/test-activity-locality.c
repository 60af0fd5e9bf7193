/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Activity Plan by locality under a real (virtual) display: the
 * locality picker, a locality's forecast outturn and growth typed into
 * its cells and saved (each one undo step named after the locality), bad
 * input refused under the line with the file unchanged, and the whole
 * plan then showing the localities' sum with its outturn locked.  The
 * sample's total elective admissions grow 3.5 % for the whole plan. */
#include "config.h"

#include <string.h>

#include "lp-test-actloc.h"
#include "lp-test-gtk.h"
#include "lp-test-util.h"

#define ELECTIVE "Total Elective Admissions"

typedef struct {
  LpActivityView   *view;
  const char       *line;
  LpActivityColumn  column;
  const char       *expected;
} CellWait;

static gboolean
cell_shows (gpointer data)
{
  CellWait *wait = data;

  return g_strcmp0 (lp_activity_view_get_line_cell (wait->view, wait->line, wait->column), wait->expected) == 0;
}

static void
wait_cell (LpActivityView *view, LpActivityColumn column, const char *expected)
{
  CellWait wait = { view, ELECTIVE, column, expected };

  lp_test_wait_until (cell_shows, &wait, expected);
}

static void
assert_cells (LpActivityView *view, const char *outturn, const char *growth, const char *plan,
              const char *month, const char *week)
{
  wait_cell (view, LP_ACTIVITY_COLUMN_PLAN, plan);
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_BASELINE), ==, outturn);
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH), ==, growth);
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_MONTH), ==, month);
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_WEEK), ==, week);
}

/* What the plan file holds for a locality, through a connection of its own. */
static void
assert_in_file (const char *path, const char *locality, double outturn, double planned)
{
  g_autoptr(LpPlan) plan = lp_test_read_plan (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpActivityPlan) activity = lp_plan_activity_plan_for_locality (plan, 0, "2018/19",
                                                                           lp_plan_find_locality (plan, locality),
                                                                           &error);

  g_assert_no_error (error);
  for (guint i = 0; i < activity->lines->len; i++)
    {
      LpActivityLine *line = g_ptr_array_index (activity->lines, i);

      if (g_str_equal (line->code, "EL_TOTAL"))
        {
          g_assert_cmpfloat (line->baseline, ==, outturn);
          g_assert_cmpfloat (line->plan, ==, planned);
          return;
        }
    }
  g_assert_not_reached ();
}

/* Stevenage 30,000 at the line's 3.5 % (31,050) and North Herts 20,000 at
 * its own 2 % (20,400): the whole plan 51,450 a year, 4,287.5 a month,
 * 989.4 a week. */
static void
test_by_locality (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpPlan *plan = lp_window_get_plan (window);
  LpActivityView *view;
  g_autofree char *message = NULL;

  /* A locality with nothing yet: its cells empty, the line's rate dimmed
   * in the growth cell, QIPP left to the whole plan. */
  view = lp_test_actloc_choose (window, "Stevenage");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH), ==, "");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_BASELINE), ==, "");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_QIPP), ==, "–");
  g_assert_cmpstr (lp_activity_view_get_line_tooltip (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH), ==,
                   "The whole plan’s rate; type one for Stevenage alone");

  g_assert_null (message = lp_test_actloc_set_outturn (window, "Stevenage", ELECTIVE, "30,000"));
  assert_cells (view, "30,000.0", "", "31,050.0", "2,587.5", "597.1");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_WITHOUT_QIPP), ==, "–");
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Edit Stevenage forecast outturn");
  lp_test_save_png (GTK_WIDGET (window), "activity-locality.png");

  g_assert_null (message = lp_test_actloc_set_outturn (window, "North Herts", ELECTIVE, "20000"));
  view = lp_test_actloc_choose (window, "North Herts");
  assert_cells (view, "20,000.0", "", "20,700.0", "1,725.0", "398.1");
  g_assert_null (message = lp_test_actloc_set_growth (window, "North Herts", ELECTIVE, "2"));
  assert_cells (view, "20,000.0", "2.0%", "20,400.0", "1,700.0", "392.3");
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Edit North Herts growth rate");
  g_assert_cmpstr (lp_activity_view_get_line_tooltip (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH), ==,
                   "North Herts’s own rate; leave it empty for the whole plan’s");

  /* Bad input: its message under the line, the file as it was. */
  message = lp_test_actloc_set_growth (window, "North Herts", ELECTIVE, "150");
  g_assert_cmpstr (message, ==, "Growth must be between -100% and 100%");
  g_assert_true (lp_test_shows_label (GTK_WIDGET (view), lp_activity_view_get_line_error (view, ELECTIVE)));
  lp_test_save_png (GTK_WIDGET (window), "activity-locality-error.png");
  g_clear_pointer (&message, g_free);
  message = lp_test_actloc_set_outturn (window, "North Herts", ELECTIVE, "lots");
  g_assert_cmpstr (message, ==, "Forecast outturn for Total Elective Admissions in North Herts must be a number "
                                "such as 1.5, not “lots”");
  g_clear_pointer (&message, g_free);
  message = lp_test_actloc_set_outturn (window, "North Herts", ELECTIVE, "-5");
  g_assert_cmpstr (message, ==, "Forecast outturn for Total Elective Admissions in North Herts must be 0 or more, "
                                "not “-5”");
  g_clear_pointer (&message, g_free);
  assert_in_file (path, "North Herts", 20000, 20400);
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Edit North Herts growth rate");

  /* The whole plan: the localities' sum, said so, its outturn locked with
   * the reason in its tooltip. */
  view = lp_test_actloc_choose (window, "Whole plan");
  assert_cells (view, "50,000.0", "3.5%", "51,450.0", "4,287.5", "989.4");
  g_assert_cmpstr (lp_activity_view_get_line_note (view, ELECTIVE), ==, "Sum of 2 localities");
  g_assert_false (lp_activity_view_is_line_editable (view, ELECTIVE, LP_ACTIVITY_COLUMN_BASELINE));
  g_assert_true (lp_activity_view_is_line_editable (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH));
  g_assert_cmpstr (lp_activity_view_get_line_tooltip (view, ELECTIVE, LP_ACTIVITY_COLUMN_BASELINE), ==,
                   "The sum of the localities’ forecast outturns: choose a locality above the table to edit its "
                   "figure, or clear every locality’s figure to enter one for the whole plan");
  /* 51,450 + the line's 1,185 QIPP admissions. */
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_WITHOUT_QIPP), ==,
                   "52,635.0");
  lp_test_save_png (GTK_WIDGET (window), "activity-whole-plan-sum.png");
  /* Other lines are the whole plan's to type into, as before. */
  g_assert_true (lp_activity_view_is_line_editable (view, "Total Non-Elective Admissions",
                                                     LP_ACTIVITY_COLUMN_BASELINE));

  /* The whole plan's rate moves Stevenage, which has none of its own:
   * 30,000 x 1.04 + 20,400. */
  g_assert_true (lp_activity_view_enter (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH, "4"));
  wait_cell (view, LP_ACTIVITY_COLUMN_PLAN, "51,600.0");

  /* Undo, step by step. */
  g_assert_true (lp_plan_undo (plan, NULL));
  wait_cell (view, LP_ACTIVITY_COLUMN_PLAN, "51,450.0");
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Edit North Herts growth rate");
  g_assert_true (lp_plan_undo (plan, NULL));
  /* 31,050 + 20,700 */
  wait_cell (view, LP_ACTIVITY_COLUMN_PLAN, "51,750.0");
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Edit North Herts forecast outturn");
  g_assert_true (lp_plan_undo (plan, NULL));
  wait_cell (view, LP_ACTIVITY_COLUMN_PLAN, "31,050.0");
  g_assert_cmpstr (lp_activity_view_get_line_note (view, ELECTIVE), ==, "Sum of 1 locality");
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Edit Stevenage forecast outturn");
  g_assert_true (lp_plan_undo (plan, NULL));
  wait_cell (view, LP_ACTIVITY_COLUMN_PLAN, "–");
  g_assert_null (lp_activity_view_get_line_note (view, ELECTIVE));
  g_assert_true (lp_activity_view_is_line_editable (view, ELECTIVE, LP_ACTIVITY_COLUMN_BASELINE));
  g_assert_false (lp_plan_can_undo (plan));
  lp_test_destroy_windows ();
}

/* Export Activity Plan… saves the locality on screen, and says which. */
static void
test_export_locality (void)
{
  g_autofree char *path = lp_test_copy_sample ("Export locality.lpplan");
  g_autofree char *csv = lp_test_scratch_path ("stevenage.csv");
  g_autofree char *folder = g_path_get_dirname (csv);
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;
  LpActivityView *view;
  GtkWindow *chooser;

  g_assert_null (message = lp_test_actloc_set_outturn (window, "Stevenage", ELECTIVE, "30,000"));
  view = lp_test_actloc_choose (window, "Stevenage");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "activity.export", "s", "activity-plan"));
  chooser = lp_test_wait_save_dialog ();
  lp_test_save_in_dialog (chooser, folder, "stevenage.csv", csv);
  lp_test_wait_loaded (window);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\r\nLocality,Stevenage\r\nScenario,Base\r\n"));
  /* Its outturn, the line's 3.5 %, no QIPP of its own, the plan. */
  g_assert_nonnull (strstr (text, "\r\nEL_TOTAL,Total Elective Admissions,admissions,30000,3.5,,31050,,2587.5,"));
  lp_test_destroy_windows ();
}

int
main (int argc, char *argv[])
{
  lp_test_init (&argc, &argv);
  g_test_add_func ("/activity-locality/by-locality", test_by_locality);
  g_test_add_func ("/activity-locality/export-locality", test_export_locality);
  return g_test_run ();
}
