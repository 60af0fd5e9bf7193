/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application's file handling under a real (virtual) display: Open
 * (a bad file gets a dialog and the window keeps its plan; a file already
 * open is brought forward), New Plan, Save As, the recent list,
 * Preferences and About. */
#include "config.h"

#include "lp-access-view.h"
#include "lp-modelling-view.h"
#include "lp-preferences-window.h"
#include "lp-recent-plans.h"
#include "lp-settings.h"
#include "lp-test-util.h"

static gboolean
has_windows (gpointer n)
{
  return lp_test_count_windows () >= GPOINTER_TO_UINT (n);
}

static LpWindow *
window_for (const char *path)
{
  LpWindow *window;

  lp_test_wait_nonnull (lp_application_find_window (lp_test_app, path));
  window = lp_application_find_window (lp_test_app, path);
  lp_test_wait_loaded (window);
  return window;
}

/* File ▸ Open on something that is not a plan: a dialog with core's words,
 * and the window the user was in keeps its plan. */
static void
test_open_bad_file_keeps_plan (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  g_autofree char *bad = lp_test_scratch_path ("Notes.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpPlan *plan = lp_window_get_plan (window);
  g_autoptr(GError) expected = NULL;
  g_autoptr(LpPlan) not_a_plan = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (bad, "Practice list, to tidy up\n", -1, NULL));
  not_a_plan = lp_plan_open (bad, LP_PLAN_OPEN_DEFAULT, &expected);
  g_assert_error (expected, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_A_PLAN);

  lp_application_open_plan (lp_test_app, bad, GTK_WINDOW (window));
  dialog = ADW_MESSAGE_DIALOG (lp_test_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open the Plan");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected->message);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  lp_test_save_png (GTK_WIDGET (dialog), "open-bad-file-dialog.png");

  g_assert_cmpuint (lp_test_count_windows (), ==, 1);
  g_assert_true (lp_window_get_plan (window) == plan);
  g_assert_cmpstr (lp_window_get_path (window), ==, path);
  g_assert_null (lp_window_get_error_text (window));
  lp_test_destroy_windows ();
}

/* Opening a plan already open brings its window forward, whichever way it
 * is asked for. */
static void
test_open_file_once (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LpWindow *window;

  g_application_open (G_APPLICATION (lp_test_app), &file, 1, "");
  window = window_for (path);
  g_assert_cmpstr (lp_window_get_path (window), ==, path);

  g_application_open (G_APPLICATION (lp_test_app), &file, 1, "");
  lp_application_open_plan (lp_test_app, path, GTK_WINDOW (window));
  lp_test_wait_idle ();
  g_assert_cmpuint (lp_test_count_windows (), ==, 1);
  g_assert_null (lp_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  lp_test_destroy_windows ();
}

static gboolean
recent_menu_starts_with (gpointer path)
{
  GMenuModel *menu = lp_recent_plans_get_menu ();
  g_autoptr(GVariant) target = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  if (g_menu_model_get_n_items (menu) == 0)
    return FALSE;
  target = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET,
                                                  G_VARIANT_TYPE_STRING);
  return target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), uri) == 0;
}

/* Another plan opens in a window of its own, as GNOME document apps do. */
static void
test_open_in_new_window (void)
{
  g_autofree char *first = lp_test_copy_sample ("First.lpplan");
  g_autofree char *second = lp_test_copy_sample ("Second.lpplan");
  LpWindow *window = lp_test_open_window (first, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpWindow *other;
  g_auto(GStrv) recent = NULL;
  g_autofree char *first_uri = g_filename_to_uri (first, NULL, NULL);
  g_autofree char *second_uri = g_filename_to_uri (second, NULL, NULL);

  lp_application_open_plan (lp_test_app, second, GTK_WINDOW (window));
  lp_test_wait_until (has_windows, GUINT_TO_POINTER (2), "a second window");
  other = window_for (second);
  g_assert_true (other != window);
  g_assert_cmpstr (lp_window_get_path (window), ==, first);
  g_assert_nonnull (lp_window_get_plan (other));

  /* Both are in the recent list, newest first, for File ▸ Open Recent. */
  recent = lp_recent_plans_list (LP_RECENT_PLANS_MAX);
  g_assert_cmpuint (g_strv_length (recent), >=, 2);
  g_assert_cmpstr (recent[0], ==, second_uri);
  g_assert_cmpstr (recent[1], ==, first_uri);
  lp_test_wait_until (recent_menu_starts_with, second, "Open Recent to start with the second plan");
  lp_test_destroy_windows ();
}

static char *
uri_of (const char *path)
{
  return g_filename_to_uri (path, NULL, NULL);
}

/* The recent list keeps each plan once, newest first, at most 20, as URIs
 * (a file name need not be UTF-8); the menu shows the five newest that
 * still exist, and opens them. */
static void
test_recent_plans (void)
{
  g_autoptr(GSettings) settings = lp_settings_new ();
  g_autofree char *a = lp_test_copy_sample ("Recent A.lpplan");
  g_autofree char *b = lp_test_copy_sample ("Recent B.lpplan");
  g_autofree char *latin1 = lp_test_scratch_path ("Cynllun f\xfcr.lpplan");   /* not UTF-8 */
  g_autofree char *gone = lp_test_scratch_path ("Gone.lpplan");
  g_autofree char *a_uri = uri_of (a), *b_uri = uri_of (b), *gone_uri = uri_of (gone);
  g_autofree char *latin1_uri = uri_of (latin1);
  g_autoptr(GFile) from = g_file_new_for_path (a);
  g_autoptr(GFile) to = g_file_new_for_path (latin1);
  g_auto(GStrv) kept = NULL;
  g_auto(GStrv) listed = NULL;

  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
  g_settings_reset (settings, LP_SETTINGS_RECENT_PLANS);
  lp_recent_plans_add (a);
  lp_recent_plans_add (gone);
  lp_recent_plans_add (b);
  lp_recent_plans_add (a);
  lp_recent_plans_add (latin1);
  kept = g_settings_get_strv (settings, LP_SETTINGS_RECENT_PLANS);
  g_assert_cmpuint (g_strv_length (kept), ==, 4);
  g_assert_cmpstr (kept[0], ==, latin1_uri);
  g_assert_cmpstr (kept[1], ==, a_uri);
  g_assert_cmpstr (kept[2], ==, b_uri);
  g_assert_cmpstr (kept[3], ==, gone_uri);
  listed = lp_recent_plans_list (LP_RECENT_PLANS_MAX);
  g_assert_cmpuint (g_strv_length (listed), ==, 3);
  lp_test_wait_until (recent_menu_starts_with, latin1, "Open Recent to start with the plan whose name is not UTF-8");

  /* Open Recent opens the plan with the awkward name. */
  g_action_group_activate_action (G_ACTION_GROUP (lp_test_app), "open-recent", g_variant_new_string (latin1_uri));
  lp_test_wait_until (has_windows, GUINT_TO_POINTER (1), "a window");
  g_assert_nonnull (window_for (latin1));
  lp_test_destroy_windows ();

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("/nowhere/plan %u.lpplan", i);

      lp_recent_plans_add (name);
    }
  g_clear_pointer (&kept, g_strfreev);
  kept = g_settings_get_strv (settings, LP_SETTINGS_RECENT_PLANS);
  g_assert_cmpuint (g_strv_length (kept), ==, 20);
  g_assert_cmpstr (kept[0], ==, "file:///nowhere/plan%2029.lpplan");
  g_settings_reset (settings, LP_SETTINGS_RECENT_PLANS);
}

static void
test_new_plan (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  g_autofree char *new_path = lp_test_scratch_path ("New plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpWindow *created;

  lp_application_new_plan (lp_test_app, new_path, GTK_WINDOW (window));
  lp_test_wait_until (has_windows, GUINT_TO_POINTER (2), "a second window");
  created = window_for (new_path);
  g_assert_true (g_file_test (new_path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (lp_plan_is_read_only (lp_window_get_plan (created)));
  /* Nothing to sum yet: the Overview says what to do first. */
  lp_test_wait_label (lp_window_get_view (created, "overview"), "Start Your Plan");
  lp_test_wait_label (lp_window_get_view (created, "overview"), "_Import Practice List…");
  lp_test_save_png (GTK_WIDGET (created), "window-new-plan.png");

  /* A file that exists is not made again: core says so, nothing changes. */
  lp_application_new_plan (lp_test_app, path, GTK_WINDOW (window));
  g_assert_nonnull (lp_test_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (lp_test_count_windows (), ==, 2);
  lp_test_destroy_windows ();
}

/* Save As writes a complete copy on a worker thread; the window goes on
 * with the copy and says so in a toast. */
static void
test_save_as (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  g_autofree char *copy = lp_test_scratch_path ("Copy of the plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_READ_ONLY, 1280, 800);

  lp_window_save_as (window, copy);
  g_assert_true (lp_window_is_busy (window));
  lp_test_wait_loaded (window);
  g_assert_null (lp_window_get_error_text (window));
  g_assert_cmpstr (lp_window_get_path (window), ==, copy);
  g_assert_cmpstr (lp_plan_get_path (lp_window_get_plan (window)), ==, copy);
  /* The copy of a read-only plan can be edited. */
  g_assert_cmpstr (lp_window_get_plan_subtitle (window), ==, copy);
  lp_test_wait_label (GTK_WIDGET (window), "Saved a copy as Copy of the plan.lpplan");
  lp_test_wait_label (GTK_WIDGET (window), "596,907");
  g_assert_cmpuint (lp_test_count_localities (copy), ==, 6);
  g_assert_cmpuint (lp_test_count_localities (path), ==, 6);
  lp_test_save_png (GTK_WIDGET (window), "window-saved-copy.png");
  lp_test_destroy_windows ();
}

/* A copy may not replace a plan open in another window. */
static void
test_save_as_onto_open_plan (void)
{
  g_autofree char *first = lp_test_copy_sample ("First.lpplan");
  g_autofree char *second = lp_test_copy_sample ("Second.lpplan");
  LpWindow *window = lp_test_open_window (first, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  AdwMessageDialog *dialog;

  lp_test_open_window (second, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  lp_window_save_as (window, second);
  dialog = ADW_MESSAGE_DIALOG (lp_test_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "open in another window"));
  g_assert_false (lp_window_is_busy (window));
  g_assert_cmpstr (lp_window_get_path (window), ==, first);
  lp_test_destroy_windows ();
}

static void
test_preferences (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  g_autoptr(GSettings) settings = lp_settings_new ();
  LpPreferencesWindow *preferences;
  LpModellingView *modelling;

  g_action_group_activate_action (G_ACTION_GROUP (lp_test_app), "preferences", NULL);
  preferences = LP_PREFERENCES_WINDOW (lp_test_wait_toplevel (LP_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (window));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (
                     lp_preferences_window_get_ending_soon_spin (preferences)), ==, 6);
  lp_test_save_png (GTK_WIDGET (preferences), "preferences.png");

  /* Within 12 months of 01/10/2018 the same ten contracts end. */
  gtk_spin_button_set_value (lp_preferences_window_get_ending_soon_spin (preferences), 12);
  g_assert_cmpuint (g_settings_get_uint (settings, LP_SETTINGS_ENDING_SOON_MONTHS), ==, 12);
  lp_test_wait_label (GTK_WIDGET (window), "Ending within 12 months");
  lp_test_wait_label (GTK_WIDGET (window), "Worth £496,453,000 a year");

  g_settings_reset (settings, LP_SETTINGS_ENDING_SOON_MONTHS);
  lp_test_wait_label (GTK_WIDGET (window), "Ending within 6 months");

  /* The default capacity rule: 30 minutes (the GP Forward View's) until changed. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (lp_preferences_window_get_capacity_spin (preferences)), ==, 30);
  gtk_spin_button_set_value (lp_preferences_window_get_capacity_spin (preferences), 45);
  g_assert_cmpuint (g_settings_get_uint (settings, LP_SETTINGS_DEFAULT_CAPACITY), ==, 45);
  lp_test_wait_cmpuint (lp_access_view_get_default_minutes (LP_ACCESS_VIEW (lp_window_get_view (window, "access"))),
                        ==, 45);
  g_settings_reset (settings, LP_SETTINGS_DEFAULT_CAPACITY);
  lp_test_wait_cmpuint (lp_access_view_get_default_minutes (LP_ACCESS_VIEW (lp_window_get_view (window, "access"))),
                        ==, 30);

  /* A year of 365/7 weeks reaches the window's modelling view. */
  modelling = LP_MODELLING_VIEW (lp_test_show_view (window, "modelling"));
  g_assert_true (lp_modelling_view_select_locality (modelling, "Lower Lea Valley"));
  lp_modelling_view_set_per (modelling, LP_PER_WEEK);
  g_assert_false (gtk_switch_get_active (lp_preferences_window_get_weeks_switch (preferences)));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (modelling, "Grand total", 0), ==, "55.7");
  gtk_switch_set_active (lp_preferences_window_get_weeks_switch (preferences), TRUE);
  g_assert_true (g_settings_get_boolean (settings, LP_SETTINGS_WEEKS_365_7));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (modelling, "Grand total", 0), ==, "55.6");
  g_settings_reset (settings, LP_SETTINGS_WEEKS_365_7);
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (modelling, "Grand total", 0), ==, "55.7");
  lp_test_destroy_windows ();
}

static void
test_about (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  AdwAboutWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (lp_test_app), "about", NULL);
  about = ADW_ABOUT_WINDOW (lp_test_wait_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Locality Planner");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (strstr (adw_about_window_get_comments (about), "illustrative"));
  lp_test_save_png (GTK_WIDGET (about), "about.png");
  lp_test_destroy_windows ();
}

/* F1 opens the user guide, as in every GNOME app. */
static void
test_help_key (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (lp_test_app), "app.help");

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (lp_test_app), "help"));
  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));
}

/* Started with no file: the user's own copy of the sample. */
static void
test_activate_opens_sample_copy (void)
{
  g_autofree char *user_path = g_build_filename (g_get_user_data_dir (), "locality-planner",
                                                 "Sample plan.lpplan", NULL);
  LpWindow *window;

  g_assert_false (g_file_test (user_path, G_FILE_TEST_EXISTS));
  g_application_activate (G_APPLICATION (lp_test_app));
  lp_test_wait_nonnull (gtk_application_get_active_window (GTK_APPLICATION (lp_test_app)));
  window = LP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (lp_test_app)));
  lp_test_wait_loaded (window);

  g_assert_cmpstr (lp_window_get_path (window), ==, user_path);
  g_assert_true (g_file_test (user_path, G_FILE_TEST_IS_REGULAR));
  lp_test_wait_label (GTK_WIDGET (window), "596,907");

  /* Started again with no file: the open window comes forward. */
  g_application_activate (G_APPLICATION (lp_test_app));
  lp_test_wait_idle ();
  g_assert_cmpuint (lp_test_count_windows (), ==, 1);
  lp_test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  lp_test_init (&argc, &argv);

  g_test_add_func ("/application/activate-opens-sample-copy", test_activate_opens_sample_copy);
  g_test_add_func ("/application/open-bad-file-keeps-plan", test_open_bad_file_keeps_plan);
  g_test_add_func ("/application/open-file-once", test_open_file_once);
  g_test_add_func ("/application/open-in-new-window", test_open_in_new_window);
  g_test_add_func ("/application/new-plan", test_new_plan);
  g_test_add_func ("/application/recent-plans", test_recent_plans);
  g_test_add_func ("/application/save-as", test_save_as);
  g_test_add_func ("/application/save-as-onto-open-plan", test_save_as_onto_open_plan);
  g_test_add_func ("/application/preferences", test_preferences);
  g_test_add_func ("/application/about", test_about);
  g_test_add_func ("/application/help-key", test_help_key);
  return lp_test_run ();
}
