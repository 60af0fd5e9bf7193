/* SPDX-License-Identifier: GPL-3.0-or-later */
/* From a new plan to an activity plan only through the window: the
 * Overview and the Activity Plan say what to do first; Plan Settings sets
 * the year (a bad one refused with its reason, the file unchanged); an
 * outturn, a growth rate and a QIPP reduction typed in give the figures
 * worked by hand; and Undo takes each step back.  PNGs of the empty
 * states and both dialogs are saved for a person to look at. */
#include "config.h"

#include <glib/gstdio.h>

#include "lp-activity-view.h"
#include "lp-plan-settings-dialog.h"
#include "lp-qipp-dialog.h"
#include "lp-test-settings.h"
#include "lp-test-util.h"

#define NEL "Total Non-Elective Admissions"

static char *
new_plan (const char *name)
{
  g_autofree char *path = lp_test_scratch_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = NULL;

  g_unlink (path);
  plan = lp_plan_create (path, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static gint64
rows_in (const char *path,
         const char *table)
{
  g_autoptr(LpPlan) plan = lp_test_read_plan (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = lp_plan_count_table_rows (plan, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < counts->len; i++)
    if (g_str_equal (((LpTableCount *) g_ptr_array_index (counts, i))->table, table))
      return ((LpTableCount *) g_ptr_array_index (counts, i))->rows;
  g_error ("no table %s", table);
}

static gboolean
shows_empty (gpointer view)
{
  return lp_test_shows_label (view, "No Financial Year");
}

static void
undo (LpWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
}

static void
test_empty_states (void)
{
  g_autofree char *path = new_plan ("empty.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  GtkWidget *overview = lp_test_show_view (window, "overview");
  GtkWidget *activity;
  GtkWidget *button;

  lp_test_wait_label (overview, "Start Your Plan");
  g_assert_nonnull (lp_test_wait_label (overview, "_Import Practice List…"));
  g_assert_nonnull (lp_test_wait_label (overview, "_Plan Settings…"));
  lp_test_save_png (GTK_WIDGET (window), "activity-inputs-overview-empty.png");

  activity = lp_test_show_view (window, "activity");
  lp_test_wait_until (shows_empty, activity, "No Financial Year");
  button = gtk_widget_get_parent (lp_test_wait_label (activity, "_Set Plan Year…"));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.plan-settings");
  lp_test_save_png (GTK_WIDGET (window), "activity-inputs-no-year.png");

  /* The button opens Plan Settings, as the menu item does. */
  g_signal_emit_by_name (button, "clicked");
  lp_test_save_png (GTK_WIDGET (lp_test_wait_toplevel (LP_TYPE_PLAN_SETTINGS_DIALOG)),
                    "activity-inputs-settings-dialog.png");
  gtk_window_close (lp_test_find_toplevel (LP_TYPE_PLAN_SETTINGS_DIALOG));
  lp_test_destroy_windows ();
}

static void
test_bad_settings (void)
{
  static const struct { const char *key, *text, *message; } bad[] = {
    { LP_SETTING_FIRST_YEAR, "2018/20", "First financial year: “2018/20” is not one financial year "
                                        "(April to March): the second year must follow the first, as in 2018/19" },
    { LP_SETTING_REFERENCE_DATE, "31/02/2019",
      "Reference date: “31/02/2019” is not a real date (use DD/MM/YYYY or YYYY-MM-DD)" },
    { LP_SETTING_STP_POPULATION, "-5", "STP population must be a whole number of 0 or more, not “-5”" },
    { LP_SETTING_ALLOCATION, "lots", "Allocation must be an amount in whole pounds, such as 1,250,000, not “lots”" },
  };
  g_autofree char *path = new_plan ("bad-settings.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);

  lp_test_settings_set_year (window, "2018/19", "01/10/2018");
  g_assert_cmpint (rows_in (path, "plan_info"), ==, 4);
  /* The plan's name becomes the window's title. */
  g_assert_null (lp_test_settings_set (window, LP_SETTING_NAME, "Lister 2018/19"));
  lp_test_wait_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Lister 2018/19");
  g_assert_cmpint (rows_in (path, "plan_info"), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *message = lp_test_settings_set (window, bad[i].key, bad[i].text);
      g_autoptr(LpPlan) plan = lp_test_read_plan (path);
      g_autofree char *year = lp_plan_dup_info (plan, LP_SETTING_FIRST_YEAR);

      g_assert_cmpstr (message, ==, bad[i].message);
      g_assert_cmpstr (year, ==, "2018/19");
      g_assert_cmpint (rows_in (path, "plan_info"), ==, 5);
    }
  /* A date outside the plan's years is refused; the years say which. */
  {
    g_autofree char *message = lp_test_settings_set (window, LP_SETTING_REFERENCE_DATE, "01/10/2021");

    g_assert_cmpstr (message, ==, "Reference date: 01/10/2021 is outside the plan’s years; "
                                  "use a date from 01/04/2017 (the year before the plan) to 31/03/2019");
  }
  lp_test_destroy_windows ();
}

static void
test_from_new_plan (void)
{
  g_autofree char *path = new_plan ("first-activity.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpActivityView *view;
  g_autofree char *message = NULL;
  GtkWindow *dialog;

  lp_test_settings_set_year (window, "2018-19", "01/10/2018");
  g_assert_null (lp_test_activity_set_outturn (window, NEL, "60,000"));
  g_assert_null (lp_test_activity_set_growth (window, NEL, "1.8"));
  view = LP_ACTIVITY_VIEW (lp_window_get_view (window, "activity"));
  /* 60,000 x 1.018 = 61,080. */
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, NEL, LP_ACTIVITY_COLUMN_BASELINE), ==, "60,000.0");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, NEL, LP_ACTIVITY_COLUMN_GROWTH), ==, "1.8%");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, NEL, LP_ACTIVITY_COLUMN_PLAN), ==, "61,080.0");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, NEL, LP_ACTIVITY_COLUMN_WITHOUT_QIPP), ==, "61,080.0");

  /* A bad reduction is refused with its reason; nothing is added. */
  message = lp_test_activity_add_qipp (window, "Frailty", "NEL", "-500", "£100,000");
  g_assert_cmpstr (message, ==, "Activity reduction for Non-elective must be 0 or more, not “-500”");
  g_assert_cmpint (rows_in (path, "qipp_programme"), ==, 0);

  /* The plan is net of QIPP: without QIPP it is 500 more. */
  g_assert_null (lp_test_activity_add_qipp (window, "Frailty", "NEL", "500", "£100,000"));
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, NEL, LP_ACTIVITY_COLUMN_QIPP), ==, "500.0");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, NEL, LP_ACTIVITY_COLUMN_PLAN), ==, "61,080.0");
  g_assert_cmpstr (lp_activity_view_get_line_cell (view, NEL, LP_ACTIVITY_COLUMN_WITHOUT_QIPP), ==, "61,580.0");
  g_assert_cmpstr (lp_activity_view_get_qipp_cell (view, "Frailty", -1), ==, "£100,000");
  g_assert_cmpstr (lp_activity_view_get_qipp_cell (view, NULL, -1), ==, "£100,000");
  lp_test_save_png (GTK_WIDGET (window), "activity-inputs-figures.png");
  lp_test_scroll_to (GTK_WIDGET (view), 1.0);
  lp_test_save_png (GTK_WIDGET (window), "activity-inputs-qipp.png");

  /* The programme's edit button opens it as saved. */
  {
    g_autoptr(LpPlan) plan = lp_test_read_plan (path);
    g_autoptr(LpQippTable) table = lp_plan_qipp_table (plan, 0, "2018/19", NULL);
    gint64 id = g_array_index (table->programme_ids, gint64, 0);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "activity.edit-qipp", "x", id));
    dialog = lp_test_wait_toplevel (LP_TYPE_QIPP_DIALOG);
    g_assert_cmpstr (lp_edit_dialog_get_text (LP_EDIT_DIALOG (dialog), LP_FIELD_NAME), ==, "Frailty");
    g_assert_cmpstr (lp_edit_dialog_get_text (LP_EDIT_DIALOG (dialog), "activity:NEL"), ==, "500.0");
    g_assert_cmpstr (lp_edit_dialog_get_text (LP_EDIT_DIALOG (dialog), "saving:NEL"), ==, "£100,000");
    g_assert_cmpstr (lp_edit_dialog_get_text (LP_EDIT_DIALOG (dialog), "saving:AE"), ==, "");
    lp_test_save_png (GTK_WIDGET (dialog), "activity-inputs-qipp-dialog.png");
    gtk_window_close (dialog);
    lp_test_wait_closed (dialog);

    /* Removed at once; Undo brings it back with its reduction. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "activity.remove-qipp", "x", id));
    lp_test_wait_cmpstr (lp_activity_view_get_line_cell (view, NEL, LP_ACTIVITY_COLUMN_WITHOUT_QIPP), ==, "61,080.0");
    g_assert_cmpint (rows_in (path, "qipp_reduction"), ==, 0);
    undo (window);
    lp_test_wait_cmpstr (lp_activity_view_get_line_cell (view, NEL, LP_ACTIVITY_COLUMN_WITHOUT_QIPP), ==, "61,580.0");
    g_assert_cmpint (rows_in (path, "qipp_reduction"), ==, 1);
  }

  /* Each step back, to the empty plan. */
  undo (window);
  lp_test_wait_cmpstr (lp_activity_view_get_line_cell (view, NEL, LP_ACTIVITY_COLUMN_WITHOUT_QIPP), ==, "61,080.0");
  g_assert_cmpint (rows_in (path, "qipp_programme"), ==, 0);
  undo (window);
  lp_test_wait_cmpstr (lp_activity_view_get_line_cell (view, NEL, LP_ACTIVITY_COLUMN_PLAN), ==, "60,000.0");
  undo (window);
  lp_test_wait_cmpstr (lp_activity_view_get_line_cell (view, NEL, LP_ACTIVITY_COLUMN_PLAN), ==, "–");
  undo (window);
  lp_test_wait_until (shows_empty, view, "No Financial Year");
  g_assert_cmpint (rows_in (path, "growth_assumption"), ==, 0);
  g_assert_cmpint (rows_in (path, "activity_baseline"), ==, 0);
  g_assert_cmpint (rows_in (path, "plan_info"), ==, 2);
  lp_test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  lp_test_init (&argc, &argv);
  g_test_add_func ("/activity-inputs/empty-states", test_empty_states);
  g_test_add_func ("/activity-inputs/bad-settings", test_bad_settings);
  g_test_add_func ("/activity-inputs/from-new-plan", test_from_new_plan);
  return lp_test_run ();
}
