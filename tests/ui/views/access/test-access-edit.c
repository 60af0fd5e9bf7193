/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Entering the extended access inputs in the window: from a copy of the
 * sample with no trajectory and no capacity rules, a trajectory added
 * through the target dialog (a bad target refused under its field, the
 * file unchanged), a capacity rule through its dialog, and a practice's
 * go-live and end dates typed into its cells (a bad date refused in the
 * cell); the view's exact figures after each, and undo.  Then the empty
 * states, each with the button that provides what is missing, and PNGs
 * of the dialogs and empty pages for a person to look at. */
#include "config.h"

#include <sqlite3.h>

#include <string.h>

#include "lp-access-edit.h"
#include "lp-access-target-dialog.h"
#include "lp-access-view.h"
#include "lp-capacity-rule-dialog.h"
#include "lp-editable-cell.h"
#include "lp-test-access.h"
#include "lp-test-util.h"

/* The plan file as it is on disk (with its write-ahead log), for "left
 * unchanged". */
static char *
file_state (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (name, &contents, &length, NULL))
        g_checksum_update (checksum, (const guchar *) contents, (gssize) length);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* A copy of the sample without its trajectory and capacity rules, as a
 * commissioner's plan is once its practices and list sizes are in. */
static char *
copy_sample_without_access (const char *name,
                            gboolean    without_plan_year)
{
  char *path = lp_test_copy_sample (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) rules = NULL;

  g_assert_no_error (error);
  targets = lp_plan_list_access_targets (plan, 0, &error);
  rules = lp_plan_list_capacity_rules (plan, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < targets->len; i++)
    g_assert_true (lp_plan_delete_access_target (plan, ((LpAccessTargetRow *) g_ptr_array_index (targets, i))->id,
                                                 &error));
  for (guint i = 0; i < rules->len; i++)
    g_assert_true (lp_plan_delete_capacity_rule (plan, ((LpCapacityRuleRow *) g_ptr_array_index (rules, i))->id,
                                                 &error));
  if (without_plan_year)
    {
      g_assert_true (lp_plan_set_info (plan, "reference_date", "", &error));
      g_assert_true (lp_plan_set_info (plan, "financial_year", "", &error));
    }
  g_assert_no_error (error);
  return path;
}

static const char *
planned_in (LpAccessView *view,
            const char   *month)
{
  const LpAccessTextMonth *row = lp_test_access_month_shown (view, month);

  return row != NULL ? row->planned : NULL;
}

static const LpAccessTextPractice *
practice_shown (LpAccessView *view,
                const char   *code)
{
  const LpAccessText *text = lp_access_view_get_text (view);

  for (guint i = 0; text != NULL && i < text->practices->len; i++)
    if (g_strcmp0 (((LpAccessTextPractice *) g_ptr_array_index (text->practices, i))->code, code) == 0)
      return g_ptr_array_index (text->practices, i);
  return NULL;
}

/* The Add Target dialog refuses a target over 100% and a period the plan
 * already has, under the field, and saves nothing. */
static void
refuse_targets (LpWindow     *window,
                LpAccessView *view,
                const char   *path)
{
  g_autofree char *before = file_state (path);
  g_autofree char *after = NULL;
  LpEditDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "access.add-target", NULL));
  dialog = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_ACCESS_TARGET_DIALOG));
  g_object_ref (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, LP_FIELD_PERIOD)), "2018/19 Q4");
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, LP_FIELD_TARGET)), "120");
  g_assert_false (lp_edit_dialog_save (dialog));
  g_assert_cmpstr (lp_edit_dialog_get_error (dialog, LP_FIELD_TARGET), ==, "The target must be 0 to 100 %, not “120”");
  /* The month a quarter's target applies from, said as it is typed. */
  lp_test_wait_label (GTK_WIDGET (dialog), "January 2019");
  lp_test_save_png (GTK_WIDGET (dialog), "access-target-dialog-refused.png");

  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, LP_FIELD_PERIOD)), "October 2018");
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, LP_FIELD_TARGET)), "90");
  g_assert_false (lp_edit_dialog_save (dialog));
  g_assert_cmpstr (lp_edit_dialog_get_error (dialog, LP_FIELD_PERIOD), ==,
                   "The trajectory already has a target from October 2018 (“2018/19 Q3”): edit that one instead");
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, LP_FIELD_PERIOD)), "banana");
  g_assert_false (lp_edit_dialog_save (dialog));
  g_assert_cmpstr (lp_edit_dialog_get_error (dialog, LP_FIELD_PERIOD), ==,
                   "“banana” is not a period such as 2018/19 Q3, 2018/19 Q2 (July) or July 2018");
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, LP_FIELD_PERIOD)), "2016/17 Q4");
  g_assert_false (lp_edit_dialog_save (dialog));
  g_assert_cmpstr (lp_edit_dialog_get_error (dialog, LP_FIELD_PERIOD), ==,
                   "Applies from: 01/01/2017 is before the plan (its years start in 2018/19; dates from 01/04/2017)");
  gtk_window_close (GTK_WINDOW (dialog));
  lp_test_wait_closed (dialog);
  g_object_unref (dialog);
  after = file_state (path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_access_enter_inputs (void)
{
  g_autofree char *path = copy_sample_without_access ("Access inputs.lpplan", FALSE);
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpAccessView *view = lp_test_show_access (window);
  const LpAccessTextTarget *target;
  const LpAccessTextRule *rule;
  LpEditableCell *cell;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* No trajectory: the page says so and offers Add Target…. */
  lp_test_wait_label (GTK_WIDGET (view), "No Coverage Trajectory");
  g_assert_nonnull (lp_test_wait_label (GTK_WIDGET (view), "_Add Target…"));
  lp_test_save_png (GTK_WIDGET (window), "access-empty-trajectory.png");

  lp_test_access_add_target (window, "2018/19 Q3", "100");
  lp_test_access_add_target (window, "August 2018", "80");
  /* The quarter from its first month, the month from itself; the range
   * the financial year the points are in, April 2018 to March 2019. */
  g_assert_cmpuint (lp_access_view_get_targets (view)->len, ==, 2);
  target = g_ptr_array_index (lp_access_view_get_targets (view), 0);
  g_assert_cmpstr (target->period, ==, "August 2018");
  g_assert_cmpstr (target->target, ==, "80.0%");
  g_assert_cmpstr (target->from, ==, "from August 2018");
  target = g_ptr_array_index (lp_access_view_get_targets (view), 1);
  g_assert_cmpstr (target->period, ==, "2018/19 Q3");
  g_assert_cmpstr (target->target, ==, "100.0%");
  g_assert_cmpstr (target->from, ==, "from October 2018");
  lp_test_wait_cmpstr (lp_test_access_month_shown (view, "Sep 2018")->target, ==, "80.0%");
  g_assert_cmpuint (lp_access_view_get_text (view)->months->len, ==, 12);
  g_assert_cmpstr (lp_test_access_month_shown (view, "Jul 2018")->target, ==, "–");
  g_assert_cmpstr (lp_test_access_month_shown (view, "Sep 2018")->target_from, ==, "Aug 2018");
  g_assert_cmpstr (lp_test_access_month_shown (view, "Oct 2018")->target, ==, "100.0%");
  g_assert_cmpstr (lp_test_access_month_shown (view, "Oct 2018")->target_from, ==, "Oct 2018");
  /* 97.1% covered in October by recorded provision: 2.9 points behind. */
  g_assert_cmpstr (lp_test_access_month_shown (view, "Oct 2018")->actual, ==, "97.1%");
  g_assert_cmpstr (lp_test_access_month_shown (view, "Oct 2018")->gap, ==, "2.9");
  g_assert_cmpstr (planned_in (view, "Oct 2018"), ==, "100.0%");
  lp_test_wait_label (GTK_WIDGET (view), "from October 2018");

  refuse_targets (window, view, path);
  lp_test_wait_label (GTK_WIDGET (view), "No capacity rules: the minutes required come from the default rule in "
                                         "Preferences.");
  lp_test_scroll_to (GTK_WIDGET (view), 0.6);
  lp_test_save_png (GTK_WIDGET (window), "access-no-rules.png");

  /* 596,907 patients at 45 minutes per 1,000 need 26,860.815 minutes a
   * week: 26,865 to the quarter hour. */
  lp_test_access_add_rule (window, "Extended access 2018", "01/04/2018", "45", TRUE);
  rule = g_ptr_array_index (lp_access_view_get_rules (view), 0);
  g_assert_cmpstr (rule->detail, ==,
                   "45 minutes a week per 1,000 patients from 01/04/2018, rounded to the quarter hour");
  lp_test_wait_cmpstr (lp_test_access_month_shown (view, "Oct 2018")->required, ==, "26,865.0");
  g_assert_cmpstr (lp_test_access_month_shown (view, "Apr 2018")->required, ==, "26,865.0");
  /* The lists are made again on each refresh, each point once. */
  g_assert_cmpuint (lp_test_count_widgets (GTK_WIDGET (view), lp_test_is_label, "from October 2018"), ==, 1);
  g_assert_cmpuint (lp_test_count_widgets (GTK_WIDGET (view), lp_test_is_label, "Extended access 2018"), ==, 1);

  /* X06K01 (12,326 patients) from November: October is 1 - 12,326 /
   * 596,907 = 97.9% planned. */
  lp_test_access_set_provision (window, "X06K01", LP_FIELD_GO_LIVE, "01/11/2018");
  lp_test_wait_cmpstr (planned_in (view, "Oct 2018"), ==, "97.9%");
  g_assert_cmpstr (planned_in (view, "Nov 2018"), ==, "100.0%");
  g_assert_cmpstr (practice_shown (view, "X06K01")->go_live, ==, "01/11/2018");
  /* Until 15 December: not live on December's last day. */
  lp_test_access_set_provision (window, "X06K01", LP_FIELD_END_DATE, "15/12/2018");
  lp_test_wait_cmpstr (planned_in (view, "Dec 2018"), ==, "97.9%");
  g_assert_cmpstr (planned_in (view, "Nov 2018"), ==, "100.0%");
  g_assert_cmpstr (practice_shown (view, "X06K01")->end_date, ==, "15/12/2018");
  lp_test_access_set_provision (window, "X06K01", LP_FIELD_MINUTES, "500");
  lp_test_wait_cmpstr (practice_shown (view, "X06K01")->plan_minutes, ==, "500");
  lp_test_access_set_provision (window, "X06K01", LP_FIELD_LEVEL, "partial");
  lp_test_wait_cmpstr (practice_shown (view, "X06K01")->plan_level, ==, "Partial");
  /* Partial provision does not count: November is short too now. */
  lp_test_wait_cmpstr (planned_in (view, "Nov 2018"), ==, "97.9%");

  /* Bad input is refused in the cell where it was typed; nothing saved. */
  before = file_state (path);
  cell = lp_test_access_wait_cell (GTK_WIDGET (view), "X06K02", LP_FIELD_GO_LIVE);
  lp_editable_cell_enter (cell, "banana");
  lp_test_wait_cmpstr (lp_editable_cell_get_error (cell), ==,
                       "Go-live date: “banana” is not a real date (use DD/MM/YYYY or YYYY-MM-DD)");
  cell = lp_test_access_wait_cell (GTK_WIDGET (view), "X06K02", LP_FIELD_MINUTES);
  lp_editable_cell_enter (cell, "-5");
  lp_test_wait_cmpstr (lp_editable_cell_get_error (cell), ==,
                       "Minutes a week must be a whole number of 0 or more, not “-5”");
  cell = lp_test_access_wait_cell (GTK_WIDGET (view), "X06K01", LP_FIELD_END_DATE);
  lp_editable_cell_enter (cell, "31/02/2019");
  lp_test_wait_cmpstr (lp_editable_cell_get_error (cell), ==,
                       "End date: “31/02/2019” is not a real date (use DD/MM/YYYY or YYYY-MM-DD)");
  after = file_state (path);
  g_assert_cmpstr (after, ==, before);
  lp_test_scroll_to (GTK_WIDGET (view), 1);
  lp_test_save_png (GTK_WIDGET (window), "access-provision-cells.png");

  /* Each was one step: undo the level, the minutes, the end date. */
  g_assert_cmpstr (lp_plan_get_undo_label (lp_window_get_plan (window)), ==, "Edit extended access level");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (planned_in (view, "Nov 2018"), ==, "100.0%");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (practice_shown (view, "X06K01")->plan_minutes, ==, "375");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (planned_in (view, "Dec 2018"), ==, "100.0%");
  g_assert_cmpstr (lp_plan_get_undo_label (lp_window_get_plan (window)), ==, "Edit go-live date");

  lp_test_scroll_to (GTK_WIDGET (view), 0.35);
  lp_test_save_png (GTK_WIDGET (window), "access-trajectory-rules.png");
  lp_test_destroy_windows ();
}

/* Edit and remove from the trajectory's and rules' lists, each undone. */
static void
test_access_edit_remove (void)
{
  g_autofree char *path = lp_test_copy_sample ("Access lists.lpplan");
  /* The smallest window the app is made for, for the PNGs. */
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  LpAccessView *view = lp_test_show_access (window);
  const LpAccessTextTarget *july;
  const LpAccessTextRule *rule;
  LpEditDialog *dialog;

  lp_test_wait_nonnull (lp_access_view_get_targets (view));
  g_assert_cmpuint (lp_access_view_get_targets (view)->len, ==, 5);
  july = g_ptr_array_index (lp_access_view_get_targets (view), 2);
  g_assert_cmpstr (july->period, ==, "2018/19 Q2 (July)");
  g_assert_cmpstr (july->from, ==, "from July 2018");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "access.edit-target", "x", july->id));
  dialog = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_ACCESS_TARGET_DIALOG));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, LP_FIELD_PERIOD))), ==,
                   "2018/19 Q2 (July)");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, LP_FIELD_TARGET))), ==,
                   "68.0");
  lp_test_wait_label (GTK_WIDGET (dialog), "July 2018");
  lp_test_save_png (GTK_WIDGET (dialog), "access-target-dialog.png");
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, LP_FIELD_TARGET)), "75");
  g_assert_true (lp_edit_dialog_save (dialog));
  lp_test_wait_cmpstr (lp_test_access_month_shown (view, "Jul 2018")->target, ==, "75.0%");
  g_assert_cmpstr (lp_plan_get_undo_label (lp_window_get_plan (window)), ==, "Edit trajectory target");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (lp_test_access_month_shown (view, "Jul 2018")->target, ==, "68.0%");

  july = g_ptr_array_index (lp_access_view_get_targets (view), 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "access.remove-target", "x", july->id));
  /* Without July's 68%, Q1's 31% holds until August's 81%. */
  lp_test_wait_cmpstr (lp_test_access_month_shown (view, "Jul 2018")->target, ==, "31.0%");
  g_assert_cmpuint (lp_access_view_get_targets (view)->len, ==, 4);
  g_assert_cmpstr (lp_plan_get_undo_label (lp_window_get_plan (window)), ==, "Remove trajectory target");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (lp_test_access_month_shown (view, "Jul 2018")->target, ==, "68.0%");

  /* The sample's rule: 30 minutes per 1,000 from April 2017; October
   * 2018's 596,907 patients need 17,907.2 minutes a week. */
  lp_test_wait_cmpstr (lp_test_access_month_shown (view, "Oct 2018")->required, ==, "17,907.2");
  rule = g_ptr_array_index (lp_access_view_get_rules (view), 0);
  g_assert_cmpstr (rule->name, ==, "GP Forward View extended access");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "access.edit-rule", "x", rule->id));
  dialog = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_CAPACITY_RULE_DIALOG));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, LP_FIELD_START_DATE))), ==,
                   "01/04/2017");
  lp_test_save_png (GTK_WIDGET (dialog), "access-rule-dialog.png");
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, LP_FIELD_MINUTES_PER_1000)), "-30");
  g_assert_false (lp_edit_dialog_save (dialog));
  g_assert_cmpstr (lp_edit_dialog_get_error (dialog, LP_FIELD_MINUTES_PER_1000), ==,
                   "Minutes per 1,000 patients must be 0 or more, not “-30”");
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, LP_FIELD_START_DATE)), "31/02/2019");
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, LP_FIELD_MINUTES_PER_1000)), "20");
  g_assert_false (lp_edit_dialog_save (dialog));
  g_assert_cmpstr (lp_edit_dialog_get_error (dialog, LP_FIELD_START_DATE), ==,
                   "Start date: “31/02/2019” is not a real date (use DD/MM/YYYY or YYYY-MM-DD)");
  /* The sample's years start in 2018/19: a start in 2015 is a slip. */
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, LP_FIELD_START_DATE)), "01/04/2015");
  g_assert_false (lp_edit_dialog_save (dialog));
  g_assert_cmpstr (lp_edit_dialog_get_error (dialog, LP_FIELD_START_DATE), ==,
                   "Start date: 01/04/2015 is before the plan (its years start in 2018/19; dates from 01/04/2017)");
  lp_test_save_png (GTK_WIDGET (dialog), "access-rule-dialog-refused.png");
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, LP_FIELD_START_DATE)), "01/04/2017");
  g_assert_true (lp_edit_dialog_save (dialog));
  /* 596,907 x 20 / 1,000 = 11,938.14. */
  lp_test_wait_cmpstr (lp_test_access_month_shown (view, "Oct 2018")->required, ==, "11,938.1");
  rule = g_ptr_array_index (lp_access_view_get_rules (view), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "access.remove-rule", "x", rule->id));
  lp_test_wait_cmpuint (lp_access_view_get_rules (view)->len, ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpuint (lp_access_view_get_rules (view)->len, ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (lp_test_access_month_shown (view, "Oct 2018")->required, ==, "17,907.2");
  lp_test_wait_label (GTK_WIDGET (view), "PCN Enhanced Access");
  lp_test_scroll_to (GTK_WIDGET (view), 0.25);
  lp_test_save_png (GTK_WIDGET (window), "access-trajectory-1024x600.png");
  lp_test_scroll_to (GTK_WIDGET (view), 0.62);
  lp_test_save_png (GTK_WIDGET (window), "access-rules-1024x600.png");
  lp_test_scroll_to (GTK_WIDGET (view), 1);
  lp_test_save_png (GTK_WIDGET (window), "access-practices-1024x600.png");
  lp_test_destroy_windows ();
}

/* A locality's own trajectory: Stevenage, which follows the plan's,
 * is given its own first point through the view's button and dialog (a
 * target over 100% refused first); its months take it while North Herts
 * keeps the plan's; then it follows the plan's again, in one undoable
 * step. */
static void
test_access_locality_trajectory (void)
{
  g_autofree char *path = lp_test_copy_sample ("Access locality.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpAccessView *view = lp_test_show_access (window);
  LpPlan *plan = lp_window_get_plan (window);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LpEditDialog *dialog;

  g_assert_true (lp_access_view_select_locality (view, "Stevenage"));
  lp_test_wait_label (GTK_WIDGET (view), "Stevenage follows the plan’s trajectory, below.");
  lp_test_wait_cmpstr (lp_test_access_month_shown (view, "Jul 2018")->target, ==, "68.0%");
  g_assert_cmpuint (lp_access_view_get_targets (view)->len, ==, 5);
  lp_test_wait_label (GTK_WIDGET (view), "_Give Stevenage Its Own Trajectory…");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "access.add-locality-target", NULL));
  dialog = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_ACCESS_TARGET_DIALOG));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Target for Stevenage");
  before = file_state (path);
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, LP_FIELD_PERIOD)), "2018/19 Q2 (July)");
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, LP_FIELD_TARGET)), "150");
  g_assert_false (lp_edit_dialog_save (dialog));
  g_assert_cmpstr (lp_edit_dialog_get_error (dialog, LP_FIELD_TARGET), ==, "The target must be 0 to 100 %, not “150”");
  after = file_state (path);
  g_assert_cmpstr (after, ==, before);
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, LP_FIELD_TARGET)), "50");
  lp_test_save_png (GTK_WIDGET (dialog), "access-locality-target-dialog.png");
  g_assert_true (lp_edit_dialog_save (dialog));

  /* Stevenage's own point alone: 50% from July; none before it. */
  lp_test_wait_cmpstr (lp_test_access_month_shown (view, "Jul 2018")->target, ==, "50.0%");
  g_assert_cmpuint (lp_access_view_get_targets (view)->len, ==, 1);
  lp_test_wait_label (GTK_WIDGET (view), "Stevenage has its own trajectory, in place of the plan’s.");
  lp_test_wait_label (GTK_WIDGET (view), "_Use the Plan’s Trajectory");
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Add Stevenage trajectory target");
  lp_test_scroll_to (GTK_WIDGET (view), 0.25);
  lp_test_save_png (GTK_WIDGET (window), "access-locality-trajectory.png");
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM access_trajectory t JOIN locality l "
                                          "ON l.id = t.locality_id WHERE l.name = 'Stevenage' "
                                          "AND t.target_bp = 5000 AND t.period_month = '2018-07-01'"), ==, 1);

  g_assert_true (lp_access_view_select_locality (view, "North Herts"));
  lp_test_wait_label (GTK_WIDGET (view), "North Herts follows the plan’s trajectory, below.");
  lp_test_wait_cmpstr (lp_test_access_month_shown (view, "Jul 2018")->target, ==, "68.0%");

  g_assert_true (lp_access_view_select_locality (view, "Stevenage"));
  lp_test_wait_label (GTK_WIDGET (view), "_Use the Plan’s Trajectory");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "access.use-plan-trajectory", NULL));
  lp_test_wait_label (GTK_WIDGET (view), "Stevenage follows the plan’s trajectory, below.");
  lp_test_wait_cmpstr (lp_test_access_month_shown (view, "Jul 2018")->target, ==, "68.0%");
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Use the plan’s trajectory for Stevenage");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (lp_test_access_month_shown (view, "Jul 2018")->target, ==, "50.0%");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (lp_test_access_month_shown (view, "Jul 2018")->target, ==, "68.0%");
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM access_trajectory WHERE locality_id IS NOT NULL"),
                   ==, 0);
  lp_test_destroy_windows ();
}

/* Each empty page says what is missing and offers what provides it. */
static void
test_access_empty_states (void)
{
  g_autofree char *empty_path = lp_test_scratch_path ("Access empty.lpplan");
  g_autofree char *no_year_path = copy_sample_without_access ("Access no year.lpplan", TRUE);
  g_autoptr(GError) error = NULL;
  LpPlan *empty = lp_plan_create (empty_path, &error);
  LpWindow *window;
  LpAccessView *view;

  g_assert_no_error (error);
  g_object_unref (empty);
  window = lp_test_open_window (empty_path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  view = lp_test_show_access (window);
  lp_test_wait_label (GTK_WIDGET (view), "No Practices");
  lp_test_wait_label (GTK_WIDGET (view), "_Import Practices…");
  g_assert_false (lp_test_shows_label (GTK_WIDGET (view), "_Add Target…"));
  lp_test_save_png (GTK_WIDGET (window), "access-empty-practices.png");
  lp_test_destroy_windows ();

  window = lp_test_open_window (no_year_path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  view = lp_test_show_access (window);
  lp_test_wait_label (GTK_WIDGET (view), "No Coverage Trajectory");
  lp_test_wait_label (GTK_WIDGET (view), "_Add Target…");
  lp_test_wait_label (GTK_WIDGET (view), "_Plan Settings…");
  lp_test_save_png (GTK_WIDGET (window), "access-empty-plan-year.png");
  lp_test_destroy_windows ();
}

int
main (int    argc,
      char **argv)
{
  lp_test_init (&argc, &argv);

  g_test_add_func ("/access-edit/enter-inputs", test_access_enter_inputs);
  g_test_add_func ("/access-edit/edit-remove", test_access_edit_remove);
  g_test_add_func ("/access-edit/empty-states", test_access_empty_states);
  g_test_add_func ("/access-edit/locality-trajectory", test_access_locality_trajectory);
  return lp_test_run ();
}
