/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the data views' tests share: a scratch copy of the sample plan, a
 * window to show a view in, waiting for its rows, counting widgets, and
 * PNGs for a person to look at (waiting and finding widgets in general:
 * ../lp-test-gtk.c). */
#include "config.h"

#include <glib/gstdio.h>

#include "lp-test-gtk.h"
#include "lp-view.h"
#include "views-test-util.h"

/**
 * views_test_copy_sample:
 *
 * Returns: (transfer full): the path of a fresh copy of the sample plan,
 *   made through core's Save As so that the sample itself is only read
 */
char *
views_test_copy_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lp-views-XXXXXX", &error);
  char *path;
  g_autoptr(LpPlan) sample = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "Test plan.lpplan", NULL);
  sample = lp_plan_open (g_getenv ("LP_SAMPLE_PLAN"), LP_PLAN_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (lp_plan_save_copy (sample, path, &error));
  g_assert_no_error (error);
  return path;
}

/* Walks down a view's model chain to see whether a filter or sort is still
 * working through the rows incrementally. */
static gboolean
models_pending (GListModel *model)
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
  return !models_pending (shown) && !views_busy () && !g_main_context_pending (NULL);
}

/**
 * views_test_wait_models:
 * @shown: a view's model (its selection)
 *
 * Waits until the views have read the plan and the filter and sort have
 * gone through every row.
 */
void
views_test_wait_models (GListModel *shown)
{
  lp_test_wait_until (models_done, shown, "the views to read the plan and sort and filter its rows");
}

/**
 * views_test_wait_rows:
 * @shown: a view's model (its selection)
 * @n_rows: the rows it is to show
 *
 * Waits until the view shows @n_rows rows, read, filtered and sorted.
 */
void
views_test_wait_rows (GListModel *shown,
                      guint       n_rows)
{
  lp_test_await (g_list_model_get_n_items (shown) == n_rows && models_done (shown));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_rows);
  g_assert_false (models_pending (shown));
}

/**
 * views_test_window_new:
 *
 * Returns: (transfer none): a shown window holding @view in a toast
 *   overlay, as the application window does
 */
GtkWindow *
views_test_window_new (GtkWidget *view)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), view);
  gtk_window_set_child (window, overlay);
  gtk_window_set_default_size (window, 1100, 740);
  gtk_window_present (window);
  lp_test_wait_frame ();
  return window;
}

/* PNGs land beside the test in the build tree. */
void
views_test_save_png (GtkWidget  *widget,
                     const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  lp_test_write_png (widget, path);
}

guint
views_test_count (GtkWidget      *root,
                  ViewsMatchFunc  match,
                  gconstpointer   data)
{
  guint count = match (root, data) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += views_test_count (child, match, data);
  return count;
}

/* @gtype points to a GType. */
gboolean
views_test_is_type (GtkWidget     *widget,
                    gconstpointer  gtype)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) gtype);
}

/**
 * views_test_list_size_on_disk:
 *
 * Returns: the practice's list size as the plan file holds it, read by a
 *   second, read-only connection
 */
gint64
views_test_list_size_on_disk (const char *path,
                              const char *ods_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, &error);
  g_autoptr(LpPractice) practice = NULL;

  g_assert_no_error (error);
  practice = lp_plan_get_practice (plan, lp_plan_find_practice (plan, ods_code), &error);
  g_assert_no_error (error);
  return lp_practice_get_list_size (practice);
}
