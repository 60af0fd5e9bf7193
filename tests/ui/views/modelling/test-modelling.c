/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Locality Modelling view under a real (virtual) display: the sample
 * plan's Lower Lea Valley table as the STP published it, per month and per
 * week, its practices, the table following an edit, the empty state, and
 * PNGs of the view for a person to look at. */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "lp-modelling-view.h"
#include "lp-pathway-dialog.h"
#include "lp-weights-dialog.h"
#include "lp-plan-private.h"
#include "lp-test-util.h"

/* The STP's published per-month table for Lower Lea Valley (Hertfordshire
 * and West Essex STP plan, October 2016); the totals are sums of
 * unrounded figures, so 5 years' in-patients total is 16.6, not 16.7. */
typedef struct {
  const char *row;
  const char *cells[4];
} ExpectedRow;

static const ExpectedRow lower_lea_month[] = {
  { "Frailty",                   { "5.5", "8.1", "8.7", "10.4" } },
  { "Respiratory",               { "1.4", "4.5", "2.2", "5.5" } },
  { "CVD",                       { "1.4", "1.5", "2.2", "2.0" } },
  { "Diabetes",                  { "0.1", "0.1", "0.2", "0.1" } },
  { "MSK",                       { "0.3", "0.3", "0.4", "0.4" } },
  { "Elective",                  { "1.8", "5.9", "2.9", "8.5" } },
  { "In-patients total",         { "10.5", "20.4", "16.6", "26.9" } },
  { "Well adults (A&E)",         { "57.1", "0.0", "90.4", "0.0" } },
  { "Outpatients",               { "173.9", "0.0", "275.3", "0.0" } },
  { "A&E and outpatients total", { "231.0", "0.0", "365.7", "0.0" } },
  { "Grand total",               { "241.5", "20.4", "382.3", "26.9" } },
};

static LpModellingView *
show_modelling (LpWindow *window)
{
  GtkWidget *view = lp_test_show_view (window, "modelling");

  g_assert_true (LP_IS_MODELLING_VIEW (view));
  return LP_MODELLING_VIEW (view);
}

static gboolean
shows_rows (LpModellingView   *view,
            const ExpectedRow *rows,
            gsize              n_rows)
{
  for (gsize i = 0; i < n_rows; i++)
    for (guint c = 0; c < 4; c++)
      if (g_strcmp0 (lp_modelling_view_get_cell (view, rows[i].row, c), rows[i].cells[c]) != 0)
        return FALSE;
  return TRUE;
}

/* Waits until the table shows @rows. */
static void
assert_rows (LpModellingView   *view,
             const ExpectedRow *rows,
             gsize              n_rows)
{
  lp_test_await (shows_rows (view, rows, n_rows));
  for (gsize i = 0; i < n_rows; i++)
    for (guint c = 0; c < 4; c++)
      if (g_strcmp0 (lp_modelling_view_get_cell (view, rows[i].row, c), rows[i].cells[c]) != 0)
        g_error ("%s, column %u: shows “%s”, expected “%s”", rows[i].row, c,
                 lp_modelling_view_get_cell (view, rows[i].row, c), rows[i].cells[c]);
}

static void
test_modelling_lower_lea_valley (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpModellingView *view = show_modelling (window);

  /* All localities first: every practice of the sample. */
  lp_test_wait_cmpuint (lp_modelling_view_get_n_practices (view), ==, 57);
  g_assert_false (lp_modelling_view_is_empty (view));
  g_assert_null (lp_modelling_view_get_error (view));
  lp_test_wait_label (GTK_WIDGET (view), "Locality Modelling");
  lp_test_scroll_to (GTK_WIDGET (view), 1);
  lp_test_save_png (GTK_WIDGET (window), "modelling-all-practices.png");
  lp_test_scroll_to (GTK_WIDGET (view), 0);

  g_assert_true (lp_modelling_view_select_locality (view, "Lower Lea Valley"));
  g_assert_false (lp_modelling_view_select_locality (view, "Nowhere"));
  lp_test_wait_label (GTK_WIDGET (view),
      "Lower Lea Valley: reductions per month, for 75,825 registered patients");
  assert_rows (view, lower_lea_month, G_N_ELEMENTS (lower_lea_month));
  lp_test_wait_cmpuint (lp_modelling_view_get_n_practices (view), ==, 8);
  lp_test_wait_label (GTK_WIDGET (view), "What this means for each practice, per month");
  lp_test_save_png (GTK_WIDGET (window), "modelling-month.png");

  /* Per week: the month's figures x 12 / 52. */
  lp_modelling_view_set_per (view, LP_PER_WEEK);
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "1.3");
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Grand total", 0), ==, "55.7");
  lp_test_wait_cmpuint (lp_modelling_view_get_n_practices (view), ==, 8);
  lp_test_wait_label (GTK_WIDGET (view), "What this means for each practice, per week");
  lp_test_save_png (GTK_WIDGET (window), "modelling-week.png");
  lp_test_scroll_to (GTK_WIDGET (view), 1);
  lp_test_save_png (GTK_WIDGET (window), "modelling-week-practices.png");

  lp_modelling_view_set_per (view, LP_PER_MONTH);
  assert_rows (view, lower_lea_month, G_N_ELEMENTS (lower_lea_month));
  lp_test_destroy_windows ();
}

/* The preference of a year of 365/7 weeks: the week's figures shrink a
 * little (241.5 x 12 / (365/7) = 55.58) and the caption says why. */
static void
test_modelling_weeks_365_7 (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpModellingView *view = show_modelling (window);

  g_assert_true (lp_modelling_view_select_locality (view, "Lower Lea Valley"));
  lp_modelling_view_set_per (view, LP_PER_WEEK);
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Grand total", 0), ==, "55.7");
  lp_test_wait_label (GTK_WIDGET (view),
      "Per week = a year / 52; per month = a year / 12. "
      "Changes stated over 3 or 5 years are spread evenly over them.");

  lp_modelling_view_set_weeks_365_7 (view, TRUE);
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Grand total", 0), ==, "55.6");
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "1.3");
  lp_test_wait_label (GTK_WIDGET (view),
      "Per week = a year / 52.14 (365 / 7); per month = a year / 12. "
      "Changes stated over 3 or 5 years are spread evenly over them.");

  lp_modelling_view_set_weeks_365_7 (view, FALSE);
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Grand total", 0), ==, "55.7");
  lp_test_destroy_windows ();
}

/* An edit anywhere in the plan is modelled again at once: 100 more
 * patients in the locality, and the STP's share of the change for all. */
static void
test_modelling_follows_plan (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpModellingView *view = show_modelling (window);
  LpPlan *plan = lp_window_get_plan (window);
  gint64 locality = lp_plan_find_locality (plan, "Lower Lea Valley");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) practices = lp_plan_list_practices (plan, locality, &error);
  g_autoptr(LpPractice) practice = g_list_model_get_item (practices, 0);

  g_assert_no_error (error);
  g_assert_true (lp_modelling_view_select_locality (view, "Lower Lea Valley"));
  g_assert_true (lp_plan_set_list_size (plan, lp_practice_get_id (practice),
                                        lp_practice_get_list_size_date (practice),
                                        lp_practice_get_list_size (practice) + 100, "test", &error));
  g_assert_no_error (error);
  lp_test_wait_label (GTK_WIDGET (view),
      "Lower Lea Valley: reductions per month, for 75,925 registered patients");
  /* Entered figures stay as entered; the choice of locality survives. */
  assert_rows (view, lower_lea_month, G_N_ELEMENTS (lower_lea_month));
  g_assert_true (lp_modelling_view_select_locality (view, "All localities"));
  lp_test_wait_label (GTK_WIDGET (view),
      "All localities: reductions per month, for 597,007 registered patients");
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), !=, NULL);
  lp_test_destroy_windows ();
}

static gboolean
offers_scenarios (LpModellingView   *view,
                  const char *const *names)
{
  GListModel *scenarios = lp_modelling_view_get_scenarios (view);
  guint n = g_strv_length ((char **) names);

  if (scenarios == NULL || g_list_model_get_n_items (scenarios) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LpScenario) scenario = g_list_model_get_item (scenarios, i);

      if (g_strcmp0 (lp_scenario_get_name (scenario), names[i]) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Waits until the view offers the scenarios @names, in that order. */
static void
assert_scenarios (LpModellingView   *view,
                  const char *const *names)
{
  GListModel *scenarios;
  guint n = g_strv_length ((char **) names);

  lp_test_await (offers_scenarios (view, names));
  scenarios = lp_modelling_view_get_scenarios (view);
  g_assert_nonnull (scenarios);
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LpScenario) scenario = g_list_model_get_item (scenarios, i);

      g_assert_cmpstr (lp_scenario_get_name (scenario), ==, names[i]);
    }
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The dialog now open, which must say @heading. */
static AdwMessageDialog *
wait_dialog (const char *heading)
{
  GtkWindow *dialog = lp_test_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, heading);
  lp_test_wait_allocated (GTK_WIDGET (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

/* Clicks the dialog's button as a user would; the dialog closes. */
static void
click (AdwMessageDialog *dialog,
       const char       *label)
{
  GtkWidget *button = lp_test_find_widget (GTK_WIDGET (dialog), is_button_labelled, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  lp_test_wait_closed (dialog);
}

/* Asks for @action, types @name into the dialog titled @heading and
 * clicks @button; saves a PNG of the dialog as @png if given. */
static void
ask (LpModellingView *view,
     const char      *action,
     const char      *heading,
     const char      *name,
     const char      *button,
     const char      *png)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), action, NULL));
  dialog = wait_dialog (heading);
  entry = lp_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  if (png != NULL)
    lp_test_save_png (GTK_WIDGET (dialog), png);
  click (dialog, button);
  /* A scenario made is chosen once the view has read the plan again. */
  lp_test_wait_view (GTK_WIDGET (view));
}

static gboolean
is_scenarios_menu (GtkWidget     *widget,
                   gconstpointer  unused)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Scenarios") == 0;
}

static gboolean
is_menu_item (GtkWidget     *widget,
              gconstpointer  label)
{
  return g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "GtkModelButton") == 0 &&
         lp_test_find_widget (widget, lp_test_is_label, label) != NULL;
}

/* Whether the Scenarios menu offers @item, as the user sees it: waits
 * until it shows @item and whether it is @sensitive, and asserts that. */
static void
assert_menu_item (LpModellingView *view,
                  const char      *item,
                  gboolean         sensitive)
{
  GtkWidget *button = lp_test_find_widget (GTK_WIDGET (view), is_scenarios_menu, NULL);
  GtkWidget *popover, *found;

  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  lp_test_wait_nonnull (lp_test_find_widget (popover, is_menu_item, item));
  found = lp_test_find_widget (popover, is_menu_item, item);
  lp_test_wait_cmpint (gtk_widget_is_sensitive (found), ==, sensitive);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  lp_test_wait_false (gtk_widget_get_mapped (popover));
}

/* Core has no editor for pathway changes yet, so the test states the
 * scenario's own Frailty figure (7.5 a month over 3 years instead of 5.5)
 * as an edit would, and announces it. */
static void
override_frailty (LpPlan     *plan,
                  const char *scenario)
{
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO pathway_change (id, scenario_id, pathway_id, level, locality_id, horizon_years,"
      " activity, bed_days, period)"
      " SELECT 99, %" G_GINT64_FORMAT ", c.pathway_id, c.level, c.locality_id, c.horizon_years,"
      " 7.5, c.bed_days, c.period FROM pathway_change AS c JOIN pathway AS p ON p.id = c.pathway_id"
      " WHERE p.name = 'Frailty' AND c.level = 'locality' AND c.horizon_years = 3",
      lp_plan_find_scenario (plan, scenario));

  g_assert_cmpint (sqlite3_exec (lp_plan_get_db (plan), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (lp_plan_get_db (plan)), ==, 1);
  lp_plan_emit_changed (plan, "pathway_change");
}

#define SCENARIO_SUMMARY \
  "Lower Lea Valley: reductions per month, for 75,825 registered patients, " \
  "in scenario “Faster frailty”, built on Base"

/* Scenarios through the view's menu and dialogs: a new one is chosen at
 * once and inherits every published figure; core's refusals are shown in
 * its words. */
static void
test_modelling_scenarios (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpModellingView *view = show_modelling (window);
  AdwMessageDialog *dialog;

  g_assert_true (lp_modelling_view_select_locality (view, "Lower Lea Valley"));
  assert_scenarios (view, (const char *[]) { "Base", NULL });
  assert_menu_item (view, "_New Scenario…", TRUE);
  ask (view, "modelling.new-scenario", "New Scenario", " Faster frailty ", "_Create",
       "modelling-new-scenario.png");
  assert_scenarios (view, (const char *[]) { "Base", "Faster frailty", NULL });
  lp_test_wait_label (GTK_WIDGET (view), SCENARIO_SUMMARY);
  assert_rows (view, lower_lea_month, G_N_ELEMENTS (lower_lea_month));
  lp_test_wait_cmpuint (lp_modelling_view_get_n_practices (view), ==, 8);
  lp_test_save_png (GTK_WIDGET (window), "modelling-scenarios.png");

  /* Core refuses a second "Base"; the dialog says so in its words. */
  ask (view, "modelling.rename-scenario", "Rename “Faster frailty”", "base", "_Rename", NULL);
  dialog = wait_dialog ("The Scenario Could Not Be Renamed");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "There is already a scenario called “base”");
  lp_test_save_png (GTK_WIDGET (dialog), "modelling-scenario-error.png");
  click (dialog, "_Close");
  assert_scenarios (view, (const char *[]) { "Base", "Faster frailty", NULL });
  ask (view, "modelling.rename-scenario", "Rename “Faster frailty”", "Fast frailty", "_Rename", NULL);
  assert_scenarios (view, (const char *[]) { "Base", "Fast frailty", NULL });
  lp_test_wait_label (GTK_WIDGET (view),
      "Lower Lea Valley: reductions per month, for 75,825 registered patients, "
      "in scenario “Fast frailty”, built on Base");
  lp_test_destroy_windows ();
}

/* The table is the chosen scenario's: its own figure, the base's
 * everywhere else, and the base untouched; a duplicate copies the
 * scenario's own figures. */
static void
test_modelling_scenario_figures (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpModellingView *view = show_modelling (window);

  g_assert_true (lp_modelling_view_select_locality (view, "Lower Lea Valley"));
  ask (view, "modelling.new-scenario", "New Scenario", "Faster frailty", "_Create", NULL);
  override_frailty (lp_window_get_plan (window), "Faster frailty");
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "7.5");
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 1), ==, "8.1");
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 2), ==, "8.7");
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "In-patients total", 0), ==, "12.5");
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Grand total", 0), ==, "243.5");

  /* Side by side with Base: only the overridden figure and its totals moved. */
  lp_test_wait_null (lp_modelling_view_get_compare_cell (view, "Frailty", 0));
  g_assert_true (lp_modelling_view_compare_with (view, "Base"));
  lp_test_wait_cmpstr (lp_modelling_view_get_compare_cell (view, "Frailty", 0), ==, "+2.0");
  lp_test_wait_cmpstr (lp_modelling_view_get_compare_cell (view, "Frailty", 1), ==, "0.0");
  lp_test_wait_cmpstr (lp_modelling_view_get_compare_cell (view, "Respiratory", 0), ==, "0.0");
  lp_test_wait_cmpstr (lp_modelling_view_get_compare_cell (view, "In-patients total", 0), ==, "+2.0");
  lp_test_wait_cmpstr (lp_modelling_view_get_compare_cell (view, "Grand total", 0), ==, "+2.0");
  lp_test_wait_label (GTK_WIDGET (view), "Compared with Base");
  lp_test_scroll_to (GTK_WIDGET (view), 1);
  lp_test_scroll_to (GTK_WIDGET (view), 0);
  lp_test_save_png (GTK_WIDGET (window), "modelling-compare.png");
  g_assert_true (lp_modelling_view_select_scenario (view, "Base"));
  assert_rows (view, lower_lea_month, G_N_ELEMENTS (lower_lea_month));
  /* Base against itself: nothing to compare. */
  lp_test_wait_null (lp_modelling_view_get_compare_cell (view, "Frailty", 0));
  g_assert_true (lp_modelling_view_compare_with (view, NULL));

  g_assert_true (lp_modelling_view_select_scenario (view, "Faster frailty"));
  ask (view, "modelling.duplicate-scenario", "Duplicate “Faster frailty”", "Slower frailty",
       "_Duplicate", NULL);
  assert_scenarios (view, (const char *[]) { "Base", "Faster frailty", "Slower frailty", NULL });
  lp_test_wait_label (GTK_WIDGET (view),
      "Lower Lea Valley: reductions per month, for 75,825 registered patients, "
      "in scenario “Slower frailty”, built on Base");
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "7.5");
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Grand total", 0), ==, "243.5");
  lp_test_save_png (GTK_WIDGET (window), "modelling-scenario-override.png");
  lp_test_destroy_windows ();
}

/* The base cannot be deleted (its Delete is off), nor a scenario another
 * builds on (core says why); a deleted scenario gives way to the one it
 * built on, and the picker follows the plan, here an undo. */
static void
test_modelling_scenario_delete (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpModellingView *view = show_modelling (window);
  g_autoptr(GError) error = NULL;

  assert_menu_item (view, "_Delete", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (view), "modelling.delete-scenario", NULL);
  lp_test_wait_idle ();
  g_assert_null (lp_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  ask (view, "modelling.new-scenario", "New Scenario", "Faster frailty", "_Create", NULL);
  ask (view, "modelling.new-scenario", "New Scenario", "Fastest frailty", "_Create", NULL);
  lp_test_wait_label (GTK_WIDGET (view),
      "All localities: reductions per month, for 596,907 registered patients, "
      "in scenario “Fastest frailty”, built on Faster frailty");
  g_assert_true (lp_modelling_view_select_scenario (view, "Faster frailty"));
  assert_menu_item (view, "_Delete", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "modelling.delete-scenario", NULL));
  click (wait_dialog ("Delete “Faster frailty”?"), "_Delete");
  click (wait_dialog ("The Scenario Could Not Be Deleted"), "_Close");

  g_assert_true (lp_modelling_view_select_scenario (view, "Fastest frailty"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "modelling.delete-scenario", NULL));
  click (wait_dialog ("Delete “Fastest frailty”?"), "_Delete");
  assert_scenarios (view, (const char *[]) { "Base", "Faster frailty", NULL });
  lp_test_wait_label (GTK_WIDGET (view),
      "All localities: reductions per month, for 596,907 registered patients, "
      "in scenario “Faster frailty”, built on Base");

  g_assert_true (lp_plan_undo (lp_window_get_plan (window), &error));
  g_assert_no_error (error);
  assert_scenarios (view, (const char *[]) { "Base", "Faster frailty", "Fastest frailty", NULL });
  lp_test_destroy_windows ();
}

/* A small screen: the view scrolls, and the PNG shows what fits. */
static void
test_modelling_small_screen (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  LpModellingView *view = show_modelling (window);

  g_assert_true (lp_modelling_view_select_locality (view, "Lower Lea Valley"));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Grand total", 0), ==, "241.5");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1024);
  lp_test_save_png (GTK_WIDGET (window), "modelling-1024x600.png");
  lp_test_destroy_windows ();
}

/* Export Table saves what is on screen: Lower Lea Valley, per week. */
static void
test_modelling_export (void)
{
  g_autofree char *path = lp_test_copy_sample ("Export model.lpplan");
  g_autofree char *csv = lp_test_scratch_path ("llv-week.csv");
  g_autofree char *folder = g_path_get_dirname (csv);
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpModellingView *view = show_modelling (window);
  g_autofree char *text = NULL;
  GtkWindow *chooser;

  g_assert_true (lp_modelling_view_select_locality (view, "Lower Lea Valley"));
  lp_modelling_view_set_per (view, LP_PER_WEEK);
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Grand total", 0), ==, "55.7");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "modelling.export", "s", "modelling"));
  chooser = lp_test_wait_save_dialog ();
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Export Modelling Table");
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==, "modelling.xlsx");
  lp_test_save_in_dialog (chooser, folder, "llv-week.csv", csv);
  lp_test_wait_loaded (window);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  /* What the table is, then the table. */
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbfLocality Planner,Locality modelling\r\n"));
  g_assert_nonnull (strstr (text, "\r\nLocality,Lower Lea Valley\r\nScenario,Base\r\nPeriod,Per week\r\n"));
  g_assert_nonnull (strstr (text, "\r\n\r\nPathway,3 years: activity,"));
  /* Every digit kept: the published month's totals x 12 / 52 (the view
   * shows 55.7, 4.7, 88.2 and 6.2). */
  {
    const char *line = strstr (text, "\r\nGrand total,");
    g_auto(GStrv) fields = NULL;
    const double expected[] = { 241.5 * 12 / 52, 20.4 * 12 / 52, 382.3 * 12 / 52, 26.9 * 12 / 52 };

    g_assert_nonnull (line);
    fields = g_strsplit_set (line + 2, ",\r", 6);
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (fields[i + 1], NULL), expected[i], 1e-9);
  }
  lp_test_destroy_windows ();
}

/* Save Chart writes the chart on screen to a file; the PNG lands beside
 * the test for a person to look at. */
static void
test_modelling_save_chart (void)
{
  g_autofree char *path = lp_test_copy_sample ("Chart.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpModellingView *view = show_modelling (window);
  GtkWindow *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "modelling.save-chart", NULL));
  chooser = lp_test_wait_save_dialog ();
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Save Chart");
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                   "localities-chart.png");
  lp_test_save_beside_test (chooser, "modelling-chart-file.png");
  lp_test_destroy_windows ();
}

/* Edit Pathway Changes: the published figures come up for the locality on
 * screen; a scenario's own figure changes its table at once, a bad one is
 * refused with core's reason and the dialog stays, and Undo goes back. */
static void
test_modelling_edit_pathway (void)
{
  g_autofree char *path = lp_test_copy_sample ("Edit pathway.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpModellingView *view = show_modelling (window);
  LpPathwayDialog *dialog;

  g_assert_true (lp_modelling_view_select_locality (view, "Lower Lea Valley"));
  ask (view, "modelling.new-scenario", "New Scenario", "Faster frailty", "_Create", NULL);
  lp_test_wait_label (GTK_WIDGET (view),
      "Lower Lea Valley: reductions per month, for 75,825 registered patients, "
      "in scenario “Faster frailty”, built on Base");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "modelling.edit-pathway", "s", "Frailty"));
  dialog = LP_PATHWAY_DIALOG (lp_test_wait_toplevel (LP_TYPE_PATHWAY_DIALOG));
  g_assert_nonnull (dialog);
  lp_test_wait_cmpstr (lp_pathway_dialog_get_figure (dialog, 0, FALSE), ==, "5.5");
  lp_test_wait_cmpstr (lp_pathway_dialog_get_figure (dialog, 0, TRUE), ==, "8.1");
  lp_test_wait_cmpstr (lp_pathway_dialog_get_figure (dialog, 1, FALSE), ==, "8.7");
  lp_test_wait_label (GTK_WIDGET (dialog),
      "“Faster frailty” uses the figures of the scenario it builds on; saving makes them its own.");
  lp_test_save_png (GTK_WIDGET (dialog), "pathway-dialog.png");

  lp_pathway_dialog_set_figures (dialog, 0, "-1", "8.1");
  g_assert_false (lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)));
  g_assert_cmpstr (lp_pathway_dialog_get_error (dialog, 0, FALSE), ==,
                   "Activity reduction over 3 years must be 0 or more, not “-1”");
  lp_test_save_png (GTK_WIDGET (dialog), "pathway-dialog-error.png");
  lp_pathway_dialog_set_figures (dialog, 0, "7.5", "8.1");
  g_assert_true (lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)));
  lp_test_wait_closed (dialog);
  g_assert_null (lp_test_find_toplevel (LP_TYPE_PATHWAY_DIALOG));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "7.5");
  g_assert_true (lp_modelling_view_select_scenario (view, "Base"));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "5.5");
  g_assert_true (lp_modelling_view_select_scenario (view, "Faster frailty"));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "7.5");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "5.5");
  lp_test_destroy_windows ();
}

/* Apportionment Weights: three quarters of the STP's and CCG's changes to
 * Stevenage, a quarter to North Herts, none to the others; the table
 * shows what core models with them, and a bad weight is refused. */
static void
test_modelling_edit_weights (void)
{
  g_autofree char *path = lp_test_copy_sample ("Edit weights.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpModellingView *view = show_modelling (window);
  LpPlan *plan = lp_window_get_plan (window);
  LpModelQuery query = { lp_plan_find_locality (plan, "Stevenage"), 0, LP_PER_MONTH };
  g_autoptr(LpModelTable) base = lp_plan_model (plan, &query, NULL);
  g_autoptr(LpModelTable) weighted = NULL;
  g_autofree char *expected = NULL;
  LpWeightsDialog *dialog;

  g_assert_true (lp_modelling_view_select_locality (view, "Stevenage"));
  ask (view, "modelling.new-scenario", "New Scenario", "Stevenage first", "_Create", NULL);
  lp_test_wait_label (GTK_WIDGET (view),
      "Stevenage: reductions per month, for 96,338 registered patients, "
      "in scenario “Stevenage first”, built on Base");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "modelling.edit-weights", NULL));
  dialog = LP_WEIGHTS_DIALOG (lp_test_wait_toplevel (LP_TYPE_WEIGHTS_DIALOG));
  g_assert_nonnull (dialog);
  lp_test_wait_allocated (GTK_WIDGET (dialog));
  lp_weights_dialog_set_by_population (dialog, FALSE);
  g_assert_true (lp_weights_dialog_set_weight (dialog, "Stevenage", "3"));
  g_assert_true (lp_weights_dialog_set_weight (dialog, "North Herts", "x"));
  g_assert_false (lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)));
  g_assert_cmpstr (lp_weights_dialog_get_error (dialog, "North Herts"), ==,
                   "The weight of North Herts must be a number such as 1.5, not “x”");
  g_assert_true (lp_weights_dialog_set_weight (dialog, "North Herts", "1"));
  lp_test_save_png (GTK_WIDGET (dialog), "weights-dialog.png");
  g_assert_true (lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)));
  lp_test_wait_closed (dialog);

  query.scenario_id = lp_plan_find_scenario (plan, "Stevenage first");
  weighted = lp_plan_model (plan, &query, NULL);
  g_assert_true (weighted->weights_normalised);
  expected = lp_format_tenths (((LpModelRow *) g_ptr_array_index (weighted->rows, 0))->activity[0]);
  g_assert_cmpfloat (((LpModelRow *) g_ptr_array_index (weighted->rows, 0))->activity[0], >,
                     ((LpModelRow *) g_ptr_array_index (base->rows, 0))->activity[0]);
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, expected);
  lp_test_wait_label (GTK_WIDGET (view),
      "Per week = a year / 52; per month = a year / 12. Changes stated over 3 or 5 years are spread "
      "evenly over them. The STP’s and CCG’s changes are shared by this scenario’s weights, each "
      "divided by their total as they do not add up to 1.");
  lp_test_destroy_windows ();
}

/* A new plan holds no pathway change: the view says so, not a bare table. */
static void
test_modelling_empty (void)
{
  g_autofree char *path = lp_test_scratch_path ("Empty.lpplan");
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_create (path, &error);
  LpWindow *window;
  LpModellingView *view;

  g_assert_no_error (error);
  g_clear_object (&plan);
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  view = show_modelling (window);
  lp_test_wait_true (lp_modelling_view_is_empty (view));
  g_assert_null (lp_modelling_view_get_error (view));
  lp_test_wait_cmpuint (lp_modelling_view_get_n_practices (view), ==, 0);
  /* No localities yet: nothing to share a change among; import first. */
  lp_test_wait_label (GTK_WIDGET (view), "Import Practices First");
  g_assert_nonnull (lp_test_wait_label (GTK_WIDGET (view), "_Import Practices…"));
  g_assert_false (lp_test_shows_label (GTK_WIDGET (view), "_Add Pathway Change…"));
  /* The scenarios are there from the start. */
  g_assert_nonnull (lp_test_wait_label (GTK_WIDGET (view), "_Scenarios"));
  lp_test_save_png (GTK_WIDGET (window), "modelling-empty.png");
  lp_test_destroy_windows ();
}

/* A hand-made plan whose Frailty is shared by 75+ and Elective by
 * registered patients: two localities of 10,000, South with three times
 * North's 500 aged 75 and over.  Frailty's 4,000 a year for the CCG gives
 * North 1,000 (83.3 a month); Elective's 1,200 gives it 600 (50.0). */
static void
test_modelling_population_bases (void)
{
  g_autofree char *path = lp_test_scratch_path ("Ages.lpplan");
  LpWindow *window;
  LpModellingView *view;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LpPlan) plan = lp_plan_create (path, &error);
    g_assert_no_error (error);
  }
  {
    g_autofree char *fixture = test_fixture_sql ("population-bases.sql");

    test_sql_on_file (path, fixture);
  }
  test_sql_on_file (path,
      "INSERT INTO pathway (id, name, category, sort_order, population_base) VALUES "
      "  (7, 'Frailty', 'inpatient', 1, '75+'), (8, 'Elective', 'inpatient', 2, 'registered');"
      "INSERT INTO pathway_change (scenario_id, pathway_id, level, horizon_years, activity, bed_days) "
      "  SELECT id, 7, 'ccg', 1, 4000, 8000 FROM scenario WHERE base_id IS NULL;"
      "INSERT INTO pathway_change (scenario_id, pathway_id, level, horizon_years, activity, bed_days) "
      "  SELECT id, 8, 'ccg', 1, 1200, 0 FROM scenario WHERE base_id IS NULL;");
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  view = show_modelling (window);
  g_assert_true (lp_modelling_view_select_locality (view, "North"));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "83.3");
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Elective", 0), ==, "50.0");
  lp_test_wait_label (GTK_WIDGET (view),
      "Shared by each pathway’s population base: Frailty by 75+; Elective by registered.");
  lp_test_save_png (GTK_WIDGET (window), "modelling-bases-mixed.png");
  /* Frailty alone on 75+ in South: three times North's. */
  g_assert_true (lp_modelling_view_select_locality (view, "South"));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "250.0");
  test_sql_on_file (path, "UPDATE pathway SET population_base = '75+'");
  g_assert_true (lp_modelling_view_select_locality (view, "North"));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Elective", 0), ==, "25.0");
  lp_test_wait_label (GTK_WIDGET (view), "Shared by population base: 75+.");
  lp_test_wait_label (GTK_WIDGET (view),
      "Each practice’s share of the grand total, in proportion to its population on the base above; "
      "the Share column is of its list size.");
  lp_test_save_png (GTK_WIDGET (window), "modelling-bases-75.png");
  /* The same plan on registered patients, to set beside it: North's
   * Frailty is half the CCG's, 166.7 a month. */
  test_sql_on_file (path, "UPDATE pathway SET population_base = 'registered'");
  g_assert_true (lp_modelling_view_select_locality (view, "South"));
  g_assert_true (lp_modelling_view_select_locality (view, "North"));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "166.7");
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Elective", 0), ==, "50.0");
  g_assert_false (lp_test_shows_label (GTK_WIDGET (view), "Shared by population base: 75+."));
  lp_test_save_png (GTK_WIDGET (window), "modelling-bases-registered.png");
  lp_test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  lp_test_init (&argc, &argv);

  g_test_add_func ("/modelling/lower-lea-valley", test_modelling_lower_lea_valley);
  g_test_add_func ("/modelling/weeks-365-7", test_modelling_weeks_365_7);
  g_test_add_func ("/modelling/follows-plan", test_modelling_follows_plan);
  g_test_add_func ("/modelling/scenarios", test_modelling_scenarios);
  g_test_add_func ("/modelling/scenario-figures", test_modelling_scenario_figures);
  g_test_add_func ("/modelling/scenario-delete", test_modelling_scenario_delete);
  g_test_add_func ("/modelling/small-screen", test_modelling_small_screen);
  g_test_add_func ("/modelling/empty", test_modelling_empty);
  g_test_add_func ("/modelling/export", test_modelling_export);
  g_test_add_func ("/modelling/save-chart", test_modelling_save_chart);
  g_test_add_func ("/modelling/edit-pathway", test_modelling_edit_pathway);
  g_test_add_func ("/modelling/edit-weights", test_modelling_edit_weights);
  g_test_add_func ("/modelling/population-bases", test_modelling_population_bases);
  return lp_test_run ();
}
