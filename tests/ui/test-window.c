/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan window under a real (virtual) display: it opens a copy of the
 * sample in the background and shows its localities, shows core's message
 * for a file that is not a plan, and saves PNGs for a person to look at. */
#include "config.h"

#include <glib/gstdio.h>

#include "lp-application.h"
#include "lp-sample-copy.h"
#include "lp-window.h"

#define LOAD_TIMEOUT_US (10 * G_USEC_PER_SEC)
/* The sample plan's plan_info "name" (data/sample/plan.csv). */
#define EXPECTED_TITLE "East and North Hertfordshire CCG 2018-19 (sample)"

static LpApplication *app;

static void
wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static void
wait_loaded (LpWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + LOAD_TIMEOUT_US;

  while (lp_window_is_loading (window) && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_false (lp_window_is_loading (window));
  /* Let the window lay out and paint what it now shows. */
  wait_ms (300);
}

/* PNGs land beside the test in the build tree. */
static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/* A path for one test's file, in a folder of its own under the run's
 * scratch XDG_DATA_HOME. */
static char *
scratch_path (const char *name)
{
  g_autofree char *test_dir = g_strdelimit (g_strdup (g_test_get_path ()), "/", '-');
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "scratch", test_dir, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static char *
copy_sample (const char *name)
{
  g_autofree char *path = scratch_path (name);
  g_autoptr(GError) error = NULL;
  char *made;

  made = lp_sample_copy_ensure_at (g_getenv ("LP_SAMPLE_PLAN"), path, &error);
  g_assert_no_error (error);
  return made;
}

static LpWindow *
open_window (const char      *path,
             LpPlanOpenFlags  flags)
{
  LpWindow *window = lp_window_new (ADW_APPLICATION (app));

  lp_window_open (window, path, flags);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (lp_window_is_loading (window));
  wait_loaded (window);
  return window;
}

static LpLocality *
find_locality (GListModel *model,
               const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      LpLocality *locality = g_list_model_get_item (model, i);

      if (g_strcmp0 (lp_locality_get_name (locality), name) == 0)
        return locality;
      g_object_unref (locality);
    }
  return NULL;
}

static const char *
name_at (GListModel *model,
         guint       position)
{
  g_autoptr(LpLocality) locality = g_list_model_get_item (model, position);

  /* The model keeps the locality, so its name outlives this reference. */
  return lp_locality_get_name (locality);
}

/* Depth first: the first descendant of @root for which @match holds. */
static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_column_view (GtkWidget     *widget,
                gconstpointer  unused)
{
  return GTK_IS_COLUMN_VIEW (widget);
}

static void
destroy_windows (void)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
}

static void
test_window_shows_sample (void)
{
  g_autofree char *path = copy_sample ("Test plan.lpplan");
  LpWindow *window = open_window (path, LP_PLAN_OPEN_DEFAULT);
  GListModel *model = lp_window_get_locality_model (window);
  g_autoptr(LpLocality) north_herts = NULL;

  g_assert_null (lp_window_get_error_text (window));
  g_assert_cmpstr (lp_window_get_path (window), ==, path);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
  north_herts = find_locality (model, "North Herts");
  g_assert_nonnull (north_herts);
  g_assert_cmpuint (lp_locality_get_practice_count (north_herts), ==, 12);
  g_assert_cmpint (lp_locality_get_registered_patients (north_herts), ==, 116154);

  g_assert_cmpstr (lp_window_get_plan_title (window), ==, EXPECTED_TITLE);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, EXPECTED_TITLE);
  g_assert_cmpstr (lp_window_get_plan_subtitle (window), ==,
                   "57 practices · 596,907 registered patients");
  g_assert_cmpstr (lp_window_get_total_text (window), ==,
                   "Total: 57 practices, 596,907 registered patients");
  g_assert_false (lp_window_shows_read_only (window));

  /* The cells show the figures as people read them. */
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_with_text, "North Herts"));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_with_text, "116,154"));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_with_text, "Stort Valley and Villages"));

  save_png (GTK_WIDGET (window), "ui-window.png");
  destroy_windows ();
}

static void
sort_and_check (LpWindow    *window,
                guint        column,
                GtkSortType  order,
                const char  *first,
                const char  *last)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (window), is_column_view, NULL));
  g_autoptr(GtkColumnViewColumn) by = g_list_model_get_item (gtk_column_view_get_columns (view), column);
  GListModel *model = lp_window_get_locality_model (window);

  gtk_column_view_sort_by_column (view, by, order);
  wait_ms (100);   /* the sort is incremental */
  g_assert_cmpstr (name_at (model, 0), ==, first);
  g_assert_cmpstr (name_at (model, 5), ==, last);
}

static void
test_window_sorts (void)
{
  g_autofree char *path = copy_sample ("Test plan.lpplan");
  LpWindow *window = open_window (path, LP_PLAN_OPEN_DEFAULT);

  sort_and_check (window, 0, GTK_SORT_ASCENDING, "Lower Lea Valley", "Welwyn Hatfield");
  sort_and_check (window, 1, GTK_SORT_DESCENDING, "Upper Lea Valley", "Stort Valley and Villages");
  sort_and_check (window, 2, GTK_SORT_DESCENDING, "Upper Lea Valley", "Stort Valley and Villages");
  sort_and_check (window, 2, GTK_SORT_ASCENDING, "Stort Valley and Villages", "Upper Lea Valley");
  save_png (GTK_WIDGET (window), "ui-window-sorted.png");
  destroy_windows ();
}

static void
test_window_read_only (void)
{
  g_autofree char *path = copy_sample ("Test plan.lpplan");
  LpWindow *window = open_window (path, LP_PLAN_OPEN_READ_ONLY);

  g_assert_true (lp_window_shows_read_only (window));
  g_assert_cmpuint (g_list_model_get_n_items (lp_window_get_locality_model (window)), ==, 6);
  save_png (GTK_WIDGET (window), "ui-window-read-only.png");
  destroy_windows ();
}

typedef struct {
  const char  *file_name;
  const char  *contents;   /* NULL: no such file */
  int          code;
  const char  *png;
} BadPlanCase;

static const BadPlanCase bad_plan_cases[] = {
  { "Notes.lpplan", "Practice list, to tidy up\nA81001,12\n", LP_PLAN_ERROR_NOT_A_PLAN, "ui-window-error.png" },
  { "Missing.lpplan", NULL, LP_PLAN_ERROR_NOT_FOUND, NULL },
};

static void
check_bad_plan (const BadPlanCase *c)
{
  g_autofree char *path = scratch_path (c->file_name);
  g_autofree char *after = NULL;
  g_autoptr(GError) expected = NULL;
  g_autoptr(LpPlan) plan = NULL;
  LpWindow *window;

  if (c->contents != NULL)
    g_assert_true (g_file_set_contents (path, c->contents, -1, NULL));
  plan = lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, &expected);
  g_assert_error (expected, LP_PLAN_ERROR, c->code);

  window = open_window (path, LP_PLAN_OPEN_DEFAULT);
  g_assert_cmpstr (lp_window_get_error_text (window), ==, expected->message);
  g_assert_nonnull (strstr (expected->message, c->file_name));
  g_assert_cmpstr (lp_window_get_plan_title (window), ==, "Locality Planner");
  g_assert_cmpuint (g_list_model_get_n_items (lp_window_get_locality_model (window)), ==, 0);
  g_assert_null (lp_window_get_plan (window));
  if (c->contents != NULL)
    {
      g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
      g_assert_cmpstr (after, ==, c->contents);
    }
  if (c->png != NULL)
    save_png (GTK_WIDGET (window), c->png);
  destroy_windows ();
}

static void
test_window_bad_plans (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (bad_plan_cases); i++)
    check_bad_plan (&bad_plan_cases[i]);
}

/* A window that opens another file shows nothing of the plan before. */
static void
test_window_reopen (void)
{
  g_autofree char *path = copy_sample ("Test plan.lpplan");
  g_autofree char *missing = scratch_path ("Missing.lpplan");
  LpWindow *window = open_window (path, LP_PLAN_OPEN_READ_ONLY);

  lp_window_open (window, missing, LP_PLAN_OPEN_DEFAULT);
  g_assert_true (lp_window_is_loading (window));
  wait_loaded (window);
  g_assert_nonnull (lp_window_get_error_text (window));
  g_assert_null (lp_window_get_plan (window));
  g_assert_cmpuint (g_list_model_get_n_items (lp_window_get_locality_model (window)), ==, 0);
  g_assert_cmpstr (lp_window_get_plan_title (window), ==, "Locality Planner");
  g_assert_cmpstr (lp_window_get_plan_subtitle (window), ==, "");
  g_assert_false (lp_window_shows_read_only (window));

  lp_window_open (window, path, LP_PLAN_OPEN_DEFAULT);
  wait_loaded (window);
  g_assert_null (lp_window_get_error_text (window));
  g_assert_cmpuint (g_list_model_get_n_items (lp_window_get_locality_model (window)), ==, 6);
  destroy_windows ();
}

static void
test_app_activate_opens_sample_copy (void)
{
  g_autofree char *user_path = g_build_filename (g_get_user_data_dir (), "locality-planner",
                                                 "Sample plan.lpplan", NULL);
  LpWindow *window;

  g_assert_false (g_file_test (user_path, G_FILE_TEST_EXISTS));
  g_application_activate (G_APPLICATION (app));
  window = LP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  wait_loaded (window);

  g_assert_cmpstr (lp_window_get_path (window), ==, user_path);
  g_assert_true (g_file_test (user_path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (lp_window_shows_read_only (window));
  g_assert_cmpuint (g_list_model_get_n_items (lp_window_get_locality_model (window)), ==, 6);

  /* Started again with no file: the open window comes forward. */
  g_application_activate (G_APPLICATION (app));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  destroy_windows ();
}

static void
test_app_open_file_once (void)
{
  g_autofree char *path = copy_sample ("Test plan.lpplan");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LpWindow *window;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = LP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  wait_loaded (window);
  g_assert_cmpstr (lp_window_get_path (window), ==, path);

  /* The same plan again: shown in its window, not opened a second time. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  destroy_windows ();
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

static void
test_app_about (void)
{
  g_autofree char *path = copy_sample ("Test plan.lpplan");
  LpWindow *window = open_window (path, LP_PLAN_OPEN_DEFAULT);
  AdwAboutWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = ADW_ABOUT_WINDOW (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Locality Planner");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (strstr (adw_about_window_get_comments (about), "illustrative"));
  wait_ms (300);
  save_png (GTK_WIDGET (about), "ui-about.png");
  gtk_window_destroy (GTK_WINDOW (about));
  destroy_windows ();
}

/* The window's own shortcuts live in its class's shortcut controller. */
static GtkShortcut *
find_shortcut (GtkWidget *widget,
               guint      keyval,
               GdkModifierType modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return shortcut;   /* the controller keeps it */
        }
    }
  return NULL;
}

static void
test_shortcuts (void)
{
  g_autofree char *path = copy_sample ("Test plan.lpplan");
  LpWindow *window = open_window (path, LP_PLAN_OPEN_DEFAULT);
  g_auto(GStrv) quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  GtkShortcut *close = find_shortcut (GTK_WIDGET (window), GDK_KEY_w, GDK_CONTROL_MASK);

  g_assert_true (g_strv_contains ((const char * const *) quit_accels, "<Control>q"));
  /* GtkApplication found the shortcuts window at gtk/help-overlay.ui. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  g_assert_nonnull (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  gtk_window_close (GTK_WINDOW (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW)));
  g_assert_nonnull (close);
  g_assert_true (GTK_IS_NAMED_ACTION (gtk_shortcut_get_action (close)));
  g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (gtk_shortcut_get_action (close))),
                   ==, "window.close");

  /* Carry the shortcut out as a key press would. */
  gtk_shortcut_action_activate (gtk_shortcut_get_action (close), 0, GTK_WIDGET (window), NULL);
  wait_ms (100);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_dir_make_tmp ("lp-test-window-XXXXXX", &error);
  int status;

  /* The app's copy of the sample and the tests' files go to a scratch
   * XDG_DATA_HOME, never the real home.  (G_TEST_OPTION_ISOLATE_DIRS would
   * also hide the system's GSettings schemas and icons from GTK.) */
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  /* No transitions: what a test checks is on screen at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = lp_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/shows-sample", test_window_shows_sample);
  g_test_add_func ("/window/sorts", test_window_sorts);
  g_test_add_func ("/window/read-only", test_window_read_only);
  g_test_add_func ("/window/bad-plans", test_window_bad_plans);
  g_test_add_func ("/window/reopen", test_window_reopen);
  g_test_add_func ("/window/shortcuts", test_shortcuts);
  g_test_add_func ("/application/activate-opens-sample-copy", test_app_activate_opens_sample_copy);
  g_test_add_func ("/application/open-file-once", test_app_open_file_once);
  g_test_add_func ("/application/about", test_app_about);
  status = g_test_run ();

  destroy_windows ();
  g_clear_object (&app);
  remove_tree (data_home);
  return status;
}
