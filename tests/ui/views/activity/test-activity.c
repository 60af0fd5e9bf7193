/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Activity Plan view under a real (virtual) display: the sample plan's
 * growth rates and QIPP totals as the CCG published them, a growth rate
 * and a forecast outturn typed into the view and saved to the file (and
 * undone), a bad entry refused with core's message, and PNGs of the view
 * for a person to look at. */
#include "config.h"

#include "lp-activity-view.h"
#include "lp-test-england.h"
#include "lp-test-util.h"

#define FRAILTY "Frailty Programme including Care homes / homefirst"
#define ELECTIVE "Total Elective Admissions"
#define NO_BASELINE_NOTE "Enter each line’s forecast outturn to see the plan; growth and QIPP are already in."

/* The view works its figures out on the plan's worker: a cell shows
 * what it should once they are back. */
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
wait_cell (LpActivityView   *view,
           const char       *line,
           LpActivityColumn  column,
           const char       *expected)
{
  CellWait wait = { view, line, column, expected };

  lp_test_wait_until (cell_shows, &wait, expected);
}

static gboolean
has_figures (gpointer view)
{
  return !lp_view_get_busy (view) &&
         lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH) != NULL;
}

static LpActivityView *
show_activity (LpWindow *window)
{
  GtkWidget *view = lp_test_show_view (window, "activity");

  g_assert_true (LP_IS_ACTIVITY_VIEW (view));
  lp_test_wait_until (has_figures, view, "has_figures");
  return LP_ACTIVITY_VIEW (view);
}

/* What the plan file holds, through a connection of its own. */
static gint64
growth_in_file (const char *path,
                const char *code)
{
  g_autoptr(LpPlan) plan = lp_test_read_plan (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpActivityPlan) activity = lp_plan_activity_plan (plan, 0, "2018/19", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < activity->lines->len; i++)
    {
      LpActivityLine *line = g_ptr_array_index (activity->lines, i);

      if (g_str_equal (line->code, code))
        return line->growth_bp;
    }
  g_error ("no activity line %s", code);
}

static void
test_activity_sample (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpActivityView *view = show_activity (window);

  g_assert_true (lp_test_shows_label (GTK_WIDGET (view), "Activity Plan"));
  g_assert_true (lp_test_shows_label (GTK_WIDGET (view), "2018/19, base scenario: 15 activity lines"));
  /* The published growth rates; no forecast outturn yet, so no plan. */
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, "Total Non-Elective Admissions - 0 LoS",
                                                   LP_ACTIVITY_COLUMN_GROWTH), ==, "13.3%");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH), ==, "3.5%");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_BASELINE), ==, "");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_PLAN), ==, "–");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_WITHOUT_QIPP), ==, "–");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_WEEK), ==, "–");
  g_assert_null (lp_activity_view_get_line_cell (view, "No such line", LP_ACTIVITY_COLUMN_GROWTH));
  g_assert_true (lp_test_shows_label (GTK_WIDGET (view), NO_BASELINE_NOTE));

  /* The QIPP table's totals as published. */
  g_assert_cmpstr (lp_activity_view_get_qipp_cell (view, NULL, -1), ==, "£15,223,243");
  g_assert_cmpstr (lp_activity_view_get_qipp_cell (view, FRAILTY, -1), ==, "£3,600,590");
  g_assert_cmpstr (lp_activity_view_get_qipp_cell (view, FRAILTY, 0), ==, "–");
  g_assert_cmpstr (lp_activity_view_get_qipp_cell (view, NULL, 0), ==, "£2,792,121");
  g_assert_null (lp_activity_view_get_qipp_cell (view, "No such programme", -1));
  g_assert_true (lp_test_shows_label (GTK_WIDGET (view), "£15,223,243"));
  lp_test_save_png (GTK_WIDGET (window), "activity.png");
  lp_test_scroll_to (GTK_WIDGET (view), 1);
  lp_test_save_png (GTK_WIDGET (window), "activity-qipp.png");
  lp_test_destroy_windows ();
}

/* A rate typed into the view is saved to the file as basis points, one
 * undoable step. */
static void
test_activity_edit_growth (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpActivityView *view = show_activity (window);
  LpPlan *plan = lp_window_get_plan (window);
  g_autoptr(GError) error = NULL;

  g_assert_false (lp_plan_can_undo (plan));
  g_assert_true (lp_activity_view_enter (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH, "4.0"));
  wait_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH, "4.0%");
  g_assert_null (lp_activity_view_get_line_error (view, ELECTIVE));
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH), ==, "4.0%");
  g_assert_cmpint (growth_in_file (path, "EL_TOTAL"), ==, 400);

  g_assert_true (lp_plan_undo (plan, &error));
  g_assert_no_error (error);
  wait_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH, "3.5%");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH), ==, "3.5%");
  g_assert_cmpint (growth_in_file (path, "EL_TOTAL"), ==, 350);
  lp_test_destroy_windows ();
}

/* A bad rate saves nothing: the file and the history stay as they were,
 * and the entry keeps what was typed, to correct. */
static void
test_activity_bad_growth (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpActivityView *view = show_activity (window);
  LpPlan *plan = lp_window_get_plan (window);

  g_assert_true (lp_activity_view_enter (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH, "abc"));
  lp_test_wait_cmpstr (lp_activity_view_get_line_error (view, ELECTIVE), ==,
                   "Growth for Total Elective Admissions must be a percentage with at most two "
                   "decimals, such as 13.3, not “abc”");
  g_assert_true (lp_test_shows_label (GTK_WIDGET (view), lp_activity_view_get_line_error (view, ELECTIVE)));
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH), ==, "abc");
  g_assert_cmpint (growth_in_file (path, "EL_TOTAL"), ==, 350);
  g_assert_false (lp_plan_can_undo (plan));
  lp_test_save_png (GTK_WIDGET (window), "activity-error.png");

  /* Core's own limits are shown the same way. */
  g_assert_true (lp_activity_view_enter (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH, "-150"));
  lp_test_wait_cmpstr (lp_activity_view_get_line_error (view, ELECTIVE), ==,
                   "Growth must be between -100% and 100%");
  g_assert_cmpint (growth_in_file (path, "EL_TOTAL"), ==, 350);

  /* A good rate clears the message. */
  g_assert_true (lp_activity_view_enter (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH, "3.75"));
  wait_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH, "3.75%");
  g_assert_null (lp_activity_view_get_line_error (view, ELECTIVE));
  g_assert_cmpint (growth_in_file (path, "EL_TOTAL"), ==, 375);
  /* Shown with its two decimals; Enter on it as shown keeps it. */
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH), ==, "3.75%");
  g_assert_true (lp_activity_view_enter (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH, "3.75%"));
  lp_test_wait_idle ();
  lp_test_wait_frame ();
  g_assert_cmpint (growth_in_file (path, "EL_TOTAL"), ==, 375);
  lp_test_destroy_windows ();
}

/* A forecast outturn typed in gives the line its plan, per month and per
 * week; the note asking for one goes. */
static void
test_activity_edit_baseline (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpActivityView *view = show_activity (window);
  LpPlan *plan = lp_window_get_plan (window);
  g_autoptr(GError) error = NULL;

  g_assert_true (lp_activity_view_enter (view, ELECTIVE, LP_ACTIVITY_COLUMN_BASELINE, "60,100"));
  wait_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_PLAN, "62,203.5");
  g_assert_null (lp_activity_view_get_line_error (view, ELECTIVE));
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_BASELINE), ==, "60,100.0");
  /* 60,100 x 1.035, the 1,185 admissions the QIPP programmes take out
   * already inside the 3.5%; without them the year would be 63,388.5.
   * A month is 62,203.5 / 12, a week 62,203.5 / 52. */
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_QIPP), ==, "1,185.0");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_PLAN), ==, "62,203.5");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_WITHOUT_QIPP), ==, "63,388.5");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_MONTH), ==, "5,183.6");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_WEEK), ==, "1,196.2");
  g_assert_false (lp_test_shows_label (GTK_WIDGET (view), NO_BASELINE_NOTE));
  lp_test_save_png (GTK_WIDGET (window), "activity-baseline.png");

  g_assert_true (lp_activity_view_enter (view, ELECTIVE, LP_ACTIVITY_COLUMN_BASELINE, "-5"));
  lp_test_wait_cmpstr (lp_activity_view_get_line_error (view, ELECTIVE), ==,
                   "Forecast outturn for Total Elective Admissions must be 0 or more, not “-5”");

  g_assert_true (lp_plan_undo (plan, &error));
  g_assert_no_error (error);
  wait_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_PLAN, "–");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_PLAN), ==, "–");
  g_assert_null (lp_activity_view_get_line_error (view, ELECTIVE));
  g_assert_true (lp_test_shows_label (GTK_WIDGET (view), NO_BASELINE_NOTE));
  lp_test_destroy_windows ();
}

/* A figure being typed survives the figures coming back after a save
 * elsewhere (here an undo of the line's own growth): the entry keeps its
 * text and the focus, while the other cells change. */
static void
test_activity_typing_survives_save (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpActivityView *view = show_activity (window);
  LpPlan *plan = lp_window_get_plan (window);
  g_autoptr(GError) error = NULL;
  GtkWidget *focus;

  g_assert_true (lp_activity_view_enter (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH, "4.0"));
  wait_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH, "4.0%");
  g_assert_true (lp_activity_view_type (view, ELECTIVE, LP_ACTIVITY_COLUMN_BASELINE, "60,1"));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (lp_plan_undo (plan, &error));
  g_assert_no_error (error);
  wait_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_GROWTH, "3.5%");
  g_assert_false (lp_view_get_busy (LP_VIEW (view)));
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_BASELINE), ==, "60,1");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focus);
  /* Enter saves it as it would have: the whole figure, then shown as saved. */
  g_assert_true (lp_activity_view_enter (view, ELECTIVE, LP_ACTIVITY_COLUMN_BASELINE, "60,100"));
  wait_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_BASELINE, "60,100.0");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_PLAN), ==, "62,203.5");
  lp_test_destroy_windows ();
}

/* A small screen: the view scrolls, and the PNG shows what fits. */
static void
test_activity_small_screen (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  LpActivityView *view = show_activity (window);

  lp_test_wait_cmpstr (lp_activity_view_get_qipp_cell (view, NULL, -1), ==, "£15,223,243");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1024);
  lp_test_save_png (GTK_WIDGET (window), "activity-1024x600.png");
  lp_test_scroll_to (GTK_WIDGET (view), 1);
  lp_test_save_png (GTK_WIDGET (window), "activity-qipp-1024x600.png");
  lp_test_destroy_windows ();
}

/* England's size, with LP_TEST_ENGLAND_PLAN naming a plan that
 * tests/bench/make-england-plan.py made (skipped without): the view
 * shows the figures of the sample's activity lines for 6,500 practices,
 * and a forecast outturn saved brings its plan back; how long each took,
 * and how long the main loop was held up meanwhile, go to the test's log;
 * PNGs at both sizes. */
static void
test_activity_england (void)
{
  LpWindow *window = lp_test_open_england ();
  g_autoptr(GListModel) practices = NULL;
  LpActivityView *view;
  LpTestStall stall;
  gint64 start;

  if (window == NULL)
    return;
  practices = lp_plan_list_practices (lp_window_get_plan (window), 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (practices), ==, 6500);
  lp_test_stall_start (&stall);
  view = LP_ACTIVITY_VIEW (lp_test_show_england_view (window, "activity", &stall, has_figures, "the figures"));
  g_assert_true (lp_test_shows_label (GTK_WIDGET (view), "2018/19, base scenario: 15 activity lines"));

  start = lp_test_stall_begin (&stall);
  g_assert_true (lp_activity_view_enter (view, ELECTIVE, LP_ACTIVITY_COLUMN_BASELINE, "60,100"));
  wait_cell (view, ELECTIVE, LP_ACTIVITY_COLUMN_PLAN, "62,203.5");
  lp_test_stall_end (&stall, start, GTK_WIDGET (window), "a forecast outturn saved and its plan shown");
  lp_test_stall_stop (&stall);

  lp_test_save_pngs (window, "activity-england");
  lp_test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  lp_test_init (&argc, &argv);

  g_test_add_func ("/activity/sample", test_activity_sample);
  g_test_add_func ("/activity/edit-growth", test_activity_edit_growth);
  g_test_add_func ("/activity/bad-growth", test_activity_bad_growth);
  g_test_add_func ("/activity/edit-baseline", test_activity_edit_baseline);
  g_test_add_func ("/activity/typing-survives-save", test_activity_typing_survives_save);
  g_test_add_func ("/activity/small-screen", test_activity_small_screen);
  g_test_add_func ("/activity/england", test_activity_england);
  return lp_test_run ();
}
