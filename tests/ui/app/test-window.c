/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan window under a real (virtual) display: it opens a copy of the
 * sample in the background, shows the Overview's figures, visits every
 * view through its action, follows the plan's undo and redo, fits a small
 * screen, and saves a PNG of each view for a person to look at. */
#include "config.h"

#include "lp-overview-view.h"
#include "lp-test-util.h"

/* The sample plan's plan_info "name" (data/sample/plan.csv). */
#define EXPECTED_TITLE "East and North Hertfordshire CCG 2018-19 (sample)"

static const char * const views[] = {
  "overview", "localities", "practices", "contracts", "modelling", "activity", "practice-page", "access",
  "workforce",
};

/* The figures the CCG published (data/sample/): 11 contracts worth
 * £505,666,000 a year; all but Herts Urgent Care (£9,213,000, ends 2022)
 * end on 31/03/2019, within 6 months of the plan's date, 01/10/2018. */
static const char * const sample_overview_labels[] = {
  "6", "Localities", "57", "Practices", "596,907", "Registered patients",
  "£505,666,000", "A year, across 11 contracts",
  "As at 01/10/2018 (the plan’s reference date)",
  "Ending within 6 months", "10", "Worth £496,453,000 a year",
  "Already ended", "No contract has passed its end date",
  "Extended access", "Workforce",
  /* Every locality, with its practices and its registered patients. */
  "North Herts", "12 practices", "116,154 registered patients",
  "Stevenage", "7 practices", "96,338 registered patients",
  "Welwyn Hatfield", "10 practices", "121,995 registered patients",
  "Upper Lea Valley", "15 practices", "125,168 registered patients",
  "Lower Lea Valley", "8 practices", "75,825 registered patients",
  "Stort Valley and Villages", "5 practices", "61,427 registered patients",
};

static void
assert_overview_shows_sample (LpWindow *window)
{
  GtkWidget *overview = lp_window_get_view (window, "overview");

  g_assert_null (lp_overview_view_get_error (LP_OVERVIEW_VIEW (overview)));
  for (gsize i = 0; i < G_N_ELEMENTS (sample_overview_labels); i++)
    lp_test_wait_label (overview, sample_overview_labels[i]);
}

static void
test_window_shows_sample (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);

  g_assert_null (lp_window_get_error_text (window));
  g_assert_cmpstr (lp_window_get_path (window), ==, path);
  g_assert_cmpstr (lp_window_get_plan_title (window), ==, EXPECTED_TITLE);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, EXPECTED_TITLE);
  /* The scratch folder is not under the home folder: the path in full. */
  g_assert_cmpstr (lp_window_get_plan_subtitle (window), ==, path);
  g_assert_cmpstr (lp_window_get_visible_view (window), ==, "overview");
  g_assert_false (lp_window_is_folded (window));
  assert_overview_shows_sample (window);
  lp_test_destroy_windows ();
}

static gboolean
is_spinning (GtkWidget     *widget,
             gconstpointer  unused)
{
  return GTK_IS_SPINNER (widget) && gtk_spinner_get_spinning (GTK_SPINNER (widget));
}

static void
test_window_visits_views (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);

  for (gsize i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *png = g_strdup_printf ("window-%s.png", views[i]);

      /* The PNG shows the figures, once the view has read them. */
      lp_test_show_view (window, views[i]);
      lp_test_save_png (GTK_WIDGET (window), png);
    }
  /* The modelling view is there, titled (test-modelling.c checks its figures). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "modelling");
  lp_test_wait_label (GTK_WIDGET (window), "Locality Modelling");
  lp_test_wait_view (lp_window_get_view (window, "modelling"));
  /* Every view has read the plan: no spinner is left turning, shown or
   * not (one on a hidden page would have the window redrawn at every
   * frame, for ever). */
  g_assert_null (lp_test_find_widget (GTK_WIDGET (window), is_spinning, NULL));
  lp_test_destroy_windows ();
}

/* Clicking "Ending within 6 months" on the Overview goes to the contracts. */
static void
test_window_overview_row_shows_contracts (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  GtkWidget *title = lp_test_wait_label (lp_window_get_view (window, "overview"),
                                         "Ending within 6 months");
  GtkWidget *row = gtk_widget_get_ancestor (title, GTK_TYPE_LIST_BOX_ROW);

  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  lp_test_wait_cmpstr (lp_window_get_visible_view (window), ==, "contracts");
  lp_test_destroy_windows ();
}

static gboolean
is_visible_search_bar (GtkWidget     *widget,
                       gconstpointer  unused)
{
  return GTK_IS_SEARCH_BAR (widget) && gtk_widget_get_mapped (widget);
}

/* Ctrl+F (win.search) opens the search of the list on show, and is offered
 * only where there is a list to search; each list view has its own search
 * toggle, so the header carries none. */
static void
test_window_search_follows_view (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);

  for (gsize i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gboolean searchable = i >= 1 && i <= 3;
      GtkWidget *bar;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]);
      lp_test_wait_cmpstr (lp_window_get_visible_view (window), ==, views[i]);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
      /* Where there is no list, nothing is to happen. */
      if (searchable)
        lp_test_await (lp_test_find_widget (GTK_WIDGET (window), is_visible_search_bar, NULL) != NULL);
      else
        lp_test_wait_idle ();
      bar = lp_test_find_widget (GTK_WIDGET (window), is_visible_search_bar, NULL);
      g_assert_cmpint (bar != NULL, ==, searchable);
      if (bar != NULL)
        lp_test_wait_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
    }
  lp_test_destroy_windows ();
}

static gint64
list_size_in_file (const char *path,
                   gint64      practice_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, &error);
  g_autoptr(LpPractice) practice = NULL;

  g_assert_no_error (error);
  practice = lp_plan_get_practice (plan, practice_id, &error);
  g_assert_no_error (error);
  return lp_practice_get_list_size (practice);
}

static gboolean
history_shown (LpWindow *window,
               gboolean  can_undo,
               gboolean  can_redo)
{
  return gtk_widget_get_sensitive (lp_window_get_undo_button (window)) == can_undo
         && gtk_widget_get_sensitive (lp_window_get_redo_button (window)) == can_redo;
}

static void
test_window_undo_redo (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpPlan *plan = lp_window_get_plan (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) practices = lp_plan_list_practices (plan, 0, &error);
  g_autoptr(LpPractice) practice = g_list_model_get_item (practices, 0);
  gint64 id = lp_practice_get_id (practice);
  gint64 before = lp_practice_get_list_size (practice);

  g_assert_cmpint (before, >, 0);
  g_assert_true (history_shown (window, FALSE, FALSE));

  g_assert_true (lp_plan_set_list_size (plan, id, lp_practice_get_list_size_date (practice),
                                        before + 100, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (list_size_in_file (path, id), ==, before + 100);
  lp_test_wait_true (history_shown (window, TRUE, FALSE));
  /* The button says what it would undo, in core's words. */
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (lp_window_get_undo_button (window)),
                                   "Undo: "));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (lp_window_get_redo_button (window)), ==, "Redo");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (list_size_in_file (path, id), ==, before);
  lp_test_wait_true (history_shown (window, FALSE, TRUE));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpint (list_size_in_file (path, id), ==, before + 100);
  lp_test_wait_true (history_shown (window, TRUE, FALSE));

  /* The Overview follows the plan: 100 more registered patients. */
  lp_test_wait_label (GTK_WIDGET (window), "597,007");
  lp_test_destroy_windows ();
}

static gboolean
screen_fits (int width,
             int height)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;

  gdk_monitor_get_geometry (monitor, &geometry);
  return geometry.width >= width && geometry.height >= height;
}

/* A big screen: the Overview stays a readable width, centred. */
static void
save_big_screen_pngs (const char *path)
{
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1920, 1080);

  lp_test_save_png (GTK_WIDGET (window), "window-overview-1920x1080.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "contracts");
  lp_test_wait_cmpstr (lp_window_get_visible_view (window), ==, "contracts");
  lp_test_save_png (GTK_WIDGET (window), "window-contracts-1920x1080.png");
  lp_test_destroy_windows ();
}

/* At 1024x600 everything fits and both panes show, and at 1920x1080;
 * narrower than about 800 pixels the sidebar folds away behind a back
 * button. */
static void
test_window_screen_sizes (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  int min_width, min_height;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min_width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, 1024,
                      &min_height, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 1024);
  g_assert_cmpint (min_height, <=, 600);
  /* The frame GTK draws itself without a window manager takes a few pixels. */
  lp_test_wait_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, 1000);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1024);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 600);
  g_assert_false (lp_window_is_folded (window));
  lp_test_save_png (GTK_WIDGET (window), "window-overview-1024x600.png");
  /* Every view at that size, for a person to look at. */
  for (gsize i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *png = g_strdup_printf ("window-%s-1024x600.png", views[i]);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]);
      lp_test_wait_cmpstr (lp_window_get_visible_view (window), ==, views[i]);
      lp_test_wait_true (gtk_widget_get_mapped (lp_window_get_view (window, views[i])));
      lp_test_wait_view (lp_window_get_view (window, views[i]));
      lp_test_save_png (GTK_WIDGET (window), png);
    }
  lp_test_destroy_windows ();

  if (screen_fits (1920, 1080))
    save_big_screen_pngs (path);
  else
    g_test_message ("No 1920x1080 pictures: the virtual screen is smaller");

  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 720, 600);
  lp_test_wait_true (lp_window_is_folded (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "practices");
  lp_test_wait_true (gtk_widget_get_mapped (lp_window_get_view (window, "practices")));
  lp_test_save_png (GTK_WIDGET (window), "window-practices-720x600.png");
  lp_test_destroy_windows ();
}

static void
test_window_read_only (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  g_autofree char *expected = g_strdup_printf ("Read-only · %s", path);
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_READ_ONLY, 1280, 800);

  g_assert_cmpstr (lp_window_get_plan_subtitle (window), ==, expected);
  lp_test_wait_label (GTK_WIDGET (window), "596,907");
  lp_test_save_png (GTK_WIDGET (window), "window-read-only.png");
  lp_test_destroy_windows ();
}

typedef struct {
  const char  *file_name;
  const char  *contents;   /* NULL: no such file */
  int          code;
  const char  *png;
} BadPlanCase;

static const BadPlanCase bad_plan_cases[] = {
  { "Notes.lpplan", "Practice list, to tidy up\nA81001,12\n", LP_PLAN_ERROR_NOT_A_PLAN, "window-error.png" },
  { "Missing.lpplan", NULL, LP_PLAN_ERROR_NOT_FOUND, NULL },
};

/* Given on the command line, a file that is not a plan gets a window
 * saying why, with core's words. */
static void
check_bad_plan (const BadPlanCase *c)
{
  g_autofree char *path = lp_test_scratch_path (c->file_name);
  g_autofree char *after = NULL;
  g_autoptr(GError) expected = NULL;
  g_autoptr(LpPlan) plan = NULL;
  LpWindow *window;

  if (c->contents != NULL)
    g_assert_true (g_file_set_contents (path, c->contents, -1, NULL));
  plan = lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, &expected);
  g_assert_error (expected, LP_PLAN_ERROR, c->code);

  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  g_assert_cmpstr (lp_window_get_error_text (window), ==, expected->message);
  g_assert_nonnull (strstr (expected->message, c->file_name));
  g_assert_cmpstr (lp_window_get_plan_title (window), ==, "Locality Planner");
  g_assert_null (lp_window_get_plan (window));
  if (c->contents != NULL)
    {
      g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
      g_assert_cmpstr (after, ==, c->contents);
    }
  if (c->png != NULL)
    lp_test_save_png (GTK_WIDGET (window), c->png);
  lp_test_destroy_windows ();
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
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  g_autofree char *missing = lp_test_scratch_path ("Missing.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_READ_ONLY, 1280, 800);

  lp_window_open (window, missing, LP_PLAN_OPEN_DEFAULT);
  g_assert_true (lp_window_is_loading (window));
  lp_test_wait_loaded (window);
  g_assert_nonnull (lp_window_get_error_text (window));
  g_assert_null (lp_window_get_plan (window));
  g_assert_cmpstr (lp_window_get_plan_title (window), ==, "Locality Planner");
  g_assert_cmpstr (lp_window_get_plan_subtitle (window), ==, "");
  lp_test_wait_no_label (GTK_WIDGET (window), "596,907");

  lp_window_open (window, path, LP_PLAN_OPEN_DEFAULT);
  lp_test_wait_loaded (window);
  g_assert_null (lp_window_get_error_text (window));
  g_assert_cmpstr (lp_window_get_plan_subtitle (window), ==, path);
  lp_test_wait_label (GTK_WIDGET (window), "596,907");
  lp_test_destroy_windows ();
}

/* The window's own shortcuts live in its class's shortcut controller. */
static GtkShortcut *
find_shortcut (GtkWidget       *widget,
               guint            keyval,
               GdkModifierType  modifiers)
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

typedef struct {
  guint            keyval;
  GdkModifierType  modifiers;
  const char      *action;
  const char      *view;   /* the parameter of win.show-view */
} ShortcutCase;

static const ShortcutCase shortcut_cases[] = {
  { GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL },
  { GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL },
  { GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL },
  { GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL },
  { GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL },
  { GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL },
  { GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "overview" },
  { GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "localities" },
  { GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "practices" },
  { GDK_KEY_4, GDK_ALT_MASK, "win.show-view", "contracts" },
  { GDK_KEY_5, GDK_ALT_MASK, "win.show-view", "modelling" },
  { GDK_KEY_6, GDK_ALT_MASK, "win.show-view", "activity" },
  { GDK_KEY_7, GDK_ALT_MASK, "win.show-view", "practice-page" },
  { GDK_KEY_8, GDK_ALT_MASK, "win.show-view", "access" },
  { GDK_KEY_9, GDK_ALT_MASK, "win.show-view", "workforce" },
};

static void
check_shortcut (LpWindow           *window,
                const ShortcutCase *c)
{
  GtkShortcut *shortcut = find_shortcut (GTK_WIDGET (window), c->keyval, c->modifiers);
  GtkShortcutAction *action;

  g_assert_nonnull (shortcut);
  action = gtk_shortcut_get_action (shortcut);
  g_assert_true (GTK_IS_NAMED_ACTION (action));
  g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), ==, c->action);
  if (c->view == NULL)
    return;
  /* Carry the shortcut out as a key press would. */
  gtk_shortcut_action_activate (action, 0, GTK_WIDGET (window), gtk_shortcut_get_arguments (shortcut));
  lp_test_wait_cmpstr (lp_window_get_visible_view (window), ==, c->view);
}

/* Whether the shortcuts window lists @accelerator anywhere under @widget. */
static gboolean
overlay_lists (GtkWidget  *widget,
               const char *accelerator)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *listed = NULL;

      g_object_get (widget, "accelerator", &listed, NULL);
      if (g_strcmp0 (listed, accelerator) == 0)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (overlay_lists (child, accelerator))
      return TRUE;
  return FALSE;
}

static void
test_window_shortcuts (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  GtkApplication *app = GTK_APPLICATION (lp_test_app);
  static const char * const app_accels[][2] = {
    { "app.new", "<Control>n" }, { "app.open", "<Control>o" },
    { "app.preferences", "<Control>comma" }, { "app.quit", "<Control>q" },
  };
  GtkWindow *overlay;

  for (gsize i = 0; i < G_N_ELEMENTS (shortcut_cases); i++)
    check_shortcut (window, &shortcut_cases[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (app_accels); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, app_accels[i][0]);
      g_assert_true (g_strv_contains ((const char * const *) accels, app_accels[i][1]));
    }

  /* GtkApplication found the shortcuts window at gtk/help-overlay.ui. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  overlay = lp_test_wait_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (overlay);
  /* The views' own keys: Ctrl+Shift+N adds in every view, Ctrl+M moves practices. */
  g_assert_true (overlay_lists (GTK_WIDGET (overlay), "<Control><Shift>n"));
  g_assert_true (overlay_lists (GTK_WIDGET (overlay), "<Control>m"));
  lp_test_save_png (GTK_WIDGET (overlay), "window-shortcuts.png");
  gtk_window_destroy (overlay);

  gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL);
  lp_test_wait_cmpuint (lp_test_count_windows (), ==, 0);
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  unused)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* Every action of the menu, depth first, submenus and sections included. */
static void
collect_actions (GMenuModel *model,
                 GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      GMenuModel *linked;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, g_steal_pointer (&action));
      while (g_menu_link_iter_get_next (links, NULL, &linked))
        {
          collect_actions (linked, actions);
          g_object_unref (linked);
        }
    }
}

static void
test_window_primary_menu (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  GtkWidget *button = lp_test_find_widget (GTK_WIDGET (window), is_primary_menu_button, NULL);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  static const char * const expected[] = {
    "app.new", "app.open", "app.open-recent", "win.save-as", "win.import", "win.export",
    "app.preferences", "win.show-help-overlay", "app.help", "app.about",
  };

  g_assert_nonnull (button);
  collect_actions (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), actions);
  g_ptr_array_add (actions, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!g_strv_contains ((const char * const *) actions->pdata, expected[i]))
      g_error ("The main menu has no %s", expected[i]);

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  lp_test_wait_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
  lp_test_save_png (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                    "window-menu.png");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  lp_test_destroy_windows ();
}

/* The next window opens as the last one was left. */
static void
test_window_remembers_size (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1000, 700);
  int width, height;

  gtk_window_close (GTK_WINDOW (window));
  lp_test_wait_closed (window);
  window = lp_window_new (ADW_APPLICATION (lp_test_app));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  lp_test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  lp_test_init (&argc, &argv);

  g_test_add_func ("/window/shows-sample", test_window_shows_sample);
  g_test_add_func ("/window/visits-views", test_window_visits_views);
  g_test_add_func ("/window/overview-row-shows-contracts", test_window_overview_row_shows_contracts);
  g_test_add_func ("/window/search-follows-view", test_window_search_follows_view);
  g_test_add_func ("/window/undo-redo", test_window_undo_redo);
  g_test_add_func ("/window/screen-sizes", test_window_screen_sizes);
  g_test_add_func ("/window/primary-menu", test_window_primary_menu);
  g_test_add_func ("/window/read-only", test_window_read_only);
  g_test_add_func ("/window/bad-plans", test_window_bad_plans);
  g_test_add_func ("/window/reopen", test_window_reopen);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/window/remembers-size", test_window_remembers_size);
  return lp_test_run ();
}
