/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the UI tests share: a scratch home, copies of the sample plan and
 * reading plan files, opening and closing windows, showing their views
 * and waiting for them, a view in a window of its own and waiting for its
 * rows, saving through the file dialog, PNGs for a person to look at, and
 * what both tests of one view look for in it (waiting and finding
 * widgets in general: lp-test-gtk.c). */
#include "config.h"

#include <sqlite3.h>

#include <execinfo.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lp-data-view.h"
#include "lp-sample-copy.h"
#include "lp-test-gtk.h"
#include "lp-test-util.h"
#include "lp-text-row.h"
#include "lp-view.h"
#include "lp-workforce-text.h"

LpApplication *lp_test_app;
static char *data_home;

static gboolean
window_is_idle (gpointer window)
{
  return !lp_window_is_busy (window);
}

void
lp_test_wait_loaded (LpWindow *window)
{
  lp_test_wait_until (window_is_idle, window, "the window to finish loading");
  /* And to lay out and paint what it now shows. */
  lp_test_wait_frame ();
}

static gboolean
view_caught_up (gpointer view)
{
  return !g_main_context_pending (NULL) && !lp_view_get_busy (view);
}

/**
 * lp_test_wait_view:
 * @view: one of the window's views (an LpView), shown
 *
 * Waits until @view shows what it last read of the plan: the refresh its
 * showing (or a change) queued has run, and its work on the worker has
 * come back.  Its pickers then offer the plan's localities, and its
 * actions (Save Chart, say) are on.
 */
void
lp_test_wait_view (GtkWidget *view)
{
  g_autofree char *what = g_strdup_printf ("the %s to show its figures", G_OBJECT_TYPE_NAME (view));

  g_assert_true (LP_IS_VIEW (view));
  lp_test_wait_until (view_caught_up, view, what);
}

/**
 * lp_test_show_view:
 * @window: a window, loaded
 * @name: the view's name, as win.show-view takes it
 *
 * Shows the view, as the sidebar does, and waits until it is on screen
 * and shows what it read of the plan (a view reads it only while shown).
 *
 * Returns: (transfer none): the view
 */
GtkWidget *
lp_test_show_view (LpWindow   *window,
                   const char *name)
{
  GtkWidget *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", name));
  lp_test_wait_cmpstr (lp_window_get_visible_view (window), ==, name);
  view = lp_window_get_view (window, name);
  lp_test_wait_true (gtk_widget_get_mapped (view));
  lp_test_wait_view (view);
  return view;
}

/* PNGs land beside the test in the build tree. */
void
lp_test_save_png (GtkWidget  *widget,
                  const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  lp_test_write_png (widget, path);
}

/* @name.png of @window as it is, then @name-1024x600.png of it on a
 * small screen (where it stays). */
void
lp_test_save_pngs (LpWindow   *window,
                   const char *name)
{
  g_autofree char *large = g_strconcat (name, ".png", NULL);
  g_autofree char *small = g_strconcat (name, "-1024x600.png", NULL);

  lp_test_save_png (GTK_WIDGET (window), large);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  lp_test_wait_idle ();
  lp_test_wait_frame ();
  lp_test_save_png (GTK_WIDGET (window), small);
}

/* A path for one test's file, in a folder of its own under the run's
 * scratch XDG_DATA_HOME. */
char *
lp_test_scratch_path (const char *name)
{
  g_autofree char *test_dir = g_strdelimit (g_strdup (g_test_get_path ()), "/", '-');
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "scratch", test_dir, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

char *
lp_test_copy_sample (const char *name)
{
  g_autofree char *path = lp_test_scratch_path (name);
  g_autoptr(GError) error = NULL;
  char *made;

  made = lp_sample_copy_ensure_at (g_getenv ("LP_SAMPLE_PLAN"), path, &error);
  g_assert_no_error (error);
  return made;
}

/* The plan file at @path as it is on disk, through a read-only
 * connection of its own, as another program would read it. */
LpPlan *
lp_test_read_plan (const char *path)
{
  g_autoptr(GError) error = NULL;
  LpPlan *plan = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return plan;
}

/* How many localities the plan file at @path holds. */
guint
lp_test_count_localities (const char *path)
{
  g_autoptr(LpPlan) plan = lp_test_read_plan (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) localities = lp_plan_list_localities (plan, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (localities);
}

LpWindow *
lp_test_open_window (const char      *path,
                     LpPlanOpenFlags  flags,
                     int              width,
                     int              height)
{
  LpWindow *window = lp_window_new (ADW_APPLICATION (lp_test_app));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  lp_window_open (window, path, flags);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (lp_window_is_loading (window));
  lp_test_wait_loaded (window);
  return window;
}

guint
lp_test_count_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (lp_test_app)); l; l = l->next)
    n += LP_IS_WINDOW (l->data);
  return n;
}

void
lp_test_destroy_windows (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  /* Held, because destroying a window also destroys its dialogs. */
  for (GList *l = toplevels; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  for (GList *l = toplevels; l != NULL; l = l->next)
    lp_test_wait_closed (l->data);
  /* And held until what they set off has run: a dialog that its work
   * (an import's last progress, say) keeps alive a moment longer must
   * not outlive the window it is transient for. */
  lp_test_wait_idle ();
  g_list_free_full (toplevels, g_object_unref);
  lp_test_wait_idle ();
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

/* A critical that fails a test once in many runs (a race) is only
 * understood from where it was raised: the stack goes to the log first,
 * as "binary(+offset)" lines that addr2line reads. */
static void
lp_test_log_with_stack (const char     *domain,
                        GLogLevelFlags  level,
                        const char     *message,
                        gpointer        data)
{
  if ((level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) != 0)
    {
      void *frames[64];
      int n = backtrace (frames, G_N_ELEMENTS (frames));

      g_printerr ("Stack of the message below:\n");
      backtrace_symbols_fd (frames, n, STDERR_FILENO);
    }
  g_log_default_handler (domain, level, message, data);
}

void
lp_test_init (int    *argc,
              char ***argv)
{
  g_autoptr(GError) error = NULL;

  /* The app's copy of the sample, the recent list and the tests' files go
   * to a scratch XDG_DATA_HOME, never the real home.
   * (G_TEST_OPTION_ISOLATE_DIRS would also hide the system's GSettings
   * schemas and icons from GTK.) */
  data_home = g_dir_make_tmp ("lp-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (argc, argv, NULL);
  g_log_set_default_handler (lp_test_log_with_stack, NULL);
  gtk_init ();
  /* No transitions: what a test checks is on screen at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  lp_test_app = lp_application_new ();
  g_application_set_flags (G_APPLICATION (lp_test_app),
                           g_application_get_flags (G_APPLICATION (lp_test_app))
                           | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (lp_test_app), NULL, &error);
  g_assert_no_error (error);
}

int
lp_test_run (void)
{
  int status = g_test_run ();

  lp_test_destroy_windows ();
  g_clear_object (&lp_test_app);
  remove_tree (data_home);
  g_free (data_home);
  return status;
}

/* The save dialog an action has just asked for, once mapped, as a person
 * would see it. */
GtkWindow *
lp_test_wait_save_dialog (void)
{
  GtkWindow *chooser = lp_test_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  g_assert_nonnull (chooser);
  lp_test_wait_allocated (GTK_WIDGET (chooser));
  lp_test_wait_frame ();
  return chooser;
}

/* As a person would: the folder, then @name typed over the one offered,
 * then Save; waits until @expected (written on a worker) is there. */
void
lp_test_save_in_dialog (GtkWindow  *chooser,
                        const char *folder,
                        const char *name,
                        const char *expected)
{
  g_autoptr(GFile) where = g_file_new_for_path (folder);

  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), where, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  lp_test_wait_true (g_file_test (expected, G_FILE_TEST_EXISTS));
}

/* Saves in @chooser as @name beside the test in the build tree, for a
 * person to look at: a file of that name from an earlier run goes first,
 * so that the one waited for is this run's. */
void
lp_test_save_beside_test (GtkWindow  *chooser,
                          const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  g_unlink (path);
  lp_test_save_in_dialog (chooser, g_test_get_dir (G_TEST_BUILT), name, path);
}

/**
 * lp_test_window_new:
 * @child: a view, or another widget to test outside LpWindow
 *
 * Returns: (transfer none): a shown window holding @child in a toast
 *   overlay, as the application window does
 */
GtkWindow *
lp_test_window_new (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), child);
  gtk_window_set_child (window, overlay);
  gtk_window_set_default_size (window, 1100, 740);
  gtk_window_present (window);
  lp_test_wait_frame ();
  return window;
}

/**
 * lp_test_view_open:
 * @test: to fill in
 * @view: a new view, not yet given a plan
 * @flags: how to open the plan
 *
 * Opens the test's copy of the sample plan (lp_test_copy_sample() of
 * "Test plan.lpplan": made now, unless the test made and changed it
 * first) and shows @view in a window of its own; the test gives @view the
 * plan when it is ready to.  lp_test_view_close() undoes it.
 */
void
lp_test_view_open (LpTestView      *test,
                   GtkWidget       *view,
                   LpPlanOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;

  test->path = lp_test_copy_sample ("Test plan.lpplan");
  test->plan = lp_plan_open (test->path, flags, &error);
  g_assert_no_error (error);
  test->view = view;
  test->shown = LP_IS_DATA_VIEW (view) ? lp_data_view_get_model (LP_DATA_VIEW (view)) : NULL;
  test->window = lp_test_window_new (view);
}

/* Closes the window and the plan, and removes the copy: another
 * lp_test_view_open() in the same test starts from the sample again. */
void
lp_test_view_close (LpTestView *test)
{
  gtk_window_destroy (test->window);
  lp_test_wait_closed (test->window);
  lp_test_wait_idle ();
  g_clear_object (&test->plan);
  g_assert_cmpint (g_remove (test->path), ==, 0);
  g_clear_pointer (&test->path, g_free);
}

/**
 * lp_test_models_pending:
 * @model: a view's model (its selection)
 *
 * Returns: whether a filter or sort down @model's chain is still working
 *   through the rows, as they do a few at a time
 */
gboolean
lp_test_models_pending (GListModel *model)
{
  while (model != NULL)
    {
      if (GTK_IS_SORT_LIST_MODEL (model))
        {
          if (gtk_sort_list_model_get_pending (GTK_SORT_LIST_MODEL (model)) > 0)
            return TRUE;
          model = gtk_sort_list_model_get_model (GTK_SORT_LIST_MODEL (model));
        }
      else if (GTK_IS_FILTER_LIST_MODEL (model))
        {
          if (gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (model)) > 0)
            return TRUE;
          model = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (model));
        }
      else if (GTK_IS_SINGLE_SELECTION (model))
        model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model));
      else if (GTK_IS_MULTI_SELECTION (model))
        model = gtk_multi_selection_get_model (GTK_MULTI_SELECTION (model));
      else
        return FALSE;
    }
  return FALSE;
}

/* Whether a view under @widget is reading the plan on its worker. */
static gboolean
view_busy (GtkWidget *widget)
{
  if (LP_IS_VIEW (widget) && lp_view_get_busy (LP_VIEW (widget)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (view_busy (child))
      return TRUE;
  return FALSE;
}

static gboolean
views_busy (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (view_busy (l->data))
      return TRUE;
  return FALSE;
}

/* The views have read the plan (a refresh waits in an idle, then on the
 * plan's worker) and the filter and sort have gone through every row. */
static gboolean
models_done (gpointer shown)
{
  return !lp_test_models_pending (shown) && !views_busy () && !g_main_context_pending (NULL);
}

/**
 * lp_test_wait_models:
 * @shown: a view's model (its selection)
 *
 * Waits until the views have read the plan and the filter and sort have
 * gone through every row.
 */
void
lp_test_wait_models (GListModel *shown)
{
  lp_test_wait_until (models_done, shown, "the views to read the plan and sort and filter its rows");
}

/**
 * lp_test_wait_rows:
 * @shown: a view's model (its selection)
 * @n_rows: the rows it is to show
 *
 * Waits until the view shows @n_rows rows, read, filtered and sorted.
 */
void
lp_test_wait_rows (GListModel *shown,
                   guint       n_rows)
{
  lp_test_await (g_list_model_get_n_items (shown) == n_rows && models_done (shown));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_rows);
  g_assert_false (lp_test_models_pending (shown));
}

/* The Extended Access view's figures for @month ("Jul 2018"). */
const LpAccessTextMonth *
lp_test_access_month (const LpAccessText *text,
                      const char         *month)
{
  for (guint i = 0; i < text->months->len; i++)
    if (g_strcmp0 (((LpAccessTextMonth *) g_ptr_array_index (text->months, i))->month, month) == 0)
      return g_ptr_array_index (text->months, i);
  g_error ("no month %s", month);
}

LpAccessView *
lp_test_show_access (LpWindow *window)
{
  GtkWidget *view = lp_test_show_view (window, "access");

  g_assert_true (LP_IS_ACCESS_VIEW (view));
  lp_test_wait_view (view);
  return LP_ACCESS_VIEW (view);
}

const LpAccessTextMonth *
lp_test_access_month_shown (LpAccessView *view,
                            const char   *month)
{
  const LpAccessText *text = lp_access_view_get_text (view);

  return text != NULL ? lp_test_access_month (text, month) : NULL;
}

typedef struct {
  const char *code;
  int         movement;   /* as the view marks its cells: 0 joiners, 1 leavers */
} MovementKey;

static gboolean
is_movement_cell (GtkWidget     *widget,
                  gconstpointer  data)
{
  const MovementKey *key = data;
  GtkListItem *item = LP_IS_EDITABLE_CELL (widget) ? g_object_get_data (G_OBJECT (widget), "lp-list-item") : NULL;
  LpTextRow *row = item != NULL ? gtk_list_item_get_item (item) : NULL;

  return row != NULL &&
         g_strcmp0 (((LpWorkforceTextPractice *) lp_text_row_get (row))->code, key->code) == 0 &&
         GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "lp-movement")) == key->movement;
}

/**
 * lp_test_find_movement_cell:
 * @view: the Workforce view
 * @code: a practice's ODS code
 * @column: "joiners" or "leavers"
 *
 * Returns: (nullable) (transfer none): the cell of @column in @code's row
 *   of the view's table, if the table shows the row yet
 */
GtkWidget *
lp_test_find_movement_cell (GtkWidget  *view,
                            const char *code,
                            const char *column)
{
  MovementKey key = { code, g_str_equal (column, "joiners") ? 0 : 1 };

  return lp_test_find_widget (view, is_movement_cell, &key);
}

/* The table's rows come in frame by frame: waits for the practice's. */
LpEditableCell *
lp_test_wait_movement_cell (GtkWidget  *view,
                            const char *code,
                            const char *column)
{
  GtkWidget *cell = NULL;

  lp_test_wait_nonnull (cell = lp_test_find_movement_cell (view, code, column));
  return LP_EDITABLE_CELL (cell);
}

/* Sorts the table of @view by its column titled @title, as a click on
 * the column's header does. */
void
lp_test_sort_by (GtkWidget   *view,
                 const char  *title,
                 GtkSortType  order)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (lp_test_find_type (view, GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        {
          gtk_column_view_sort_by_column (column_view, column, order);
          return;
        }
    }
  g_error ("no column titled %s", title);
}
