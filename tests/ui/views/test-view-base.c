/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LpView, the base of every view, with a small view of the test's own: it
 * refreshes only while shown and only for the tables it reads, its work
 * runs on the plan's worker and not on the main thread, and a result that
 * a newer refresh has overtaken is never shown. */
#include "config.h"

#include <glib/gstdio.h>

#include "lp-test-gtk.h"
#include "lp-view.h"

#define TEST_TYPE_VIEW (test_view_get_type ())
G_DECLARE_FINAL_TYPE (TestView, test_view, TEST, VIEW, LpView)

struct _TestView
{
  LpView   parent_instance;

  guint    refreshes;
  guint    shown;
  char    *last_shown;      /* what the last result said */
  char    *last_error;
  GThread *work_thread;     /* where the last work ran */
};

G_DEFINE_FINAL_TYPE (TestView, test_view, LP_TYPE_VIEW)

/* A worker that waits until the test lets it go, so that a second refresh
 * can be queued behind a first still in work. */
static GMutex gate_mutex;
static GCond gate_cond;
static gboolean gate_closed;
static gboolean gate_reached;

typedef struct {
  char     *label;
  gboolean  wait_at_gate;
  TestView *view;           /* only to record the thread; not touched */
} WorkInput;

static void
work_input_free (WorkInput *input)
{
  g_free (input->label);
  g_free (input);
}

static gpointer
test_view_work (LpPlan        *reader,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  WorkInput *input = data;
  g_autofree char *name = NULL;

  g_atomic_pointer_set (&input->view->work_thread, g_thread_self ());
  if (input->wait_at_gate)
    {
      g_mutex_lock (&gate_mutex);
      gate_reached = TRUE;
      g_cond_broadcast (&gate_cond);
      while (gate_closed)
        g_cond_wait (&gate_cond, &gate_mutex);
      g_mutex_unlock (&gate_mutex);
    }
  /* Read the plan through the worker's own connection. */
  name = lp_plan_dup_info (reader, "test_name");
  return g_strdup_printf ("%s:%s", input->label, name != NULL ? name : "-");
}

static void
test_view_show (LpView       *view,
                gpointer      result,
                const GError *error)
{
  TestView *self = TEST_VIEW (view);

  self->shown++;
  g_free (self->last_shown);
  self->last_shown = result;
  g_free (self->last_error);
  self->last_error = error != NULL ? g_strdup (error->message) : NULL;
}

static gboolean next_waits_at_gate;

static void
test_view_refresh (LpView *view)
{
  TestView *self = TEST_VIEW (view);
  WorkInput *input;

  self->refreshes++;
  if (lp_view_get_plan (view) == NULL)
    return;
  input = g_new0 (WorkInput, 1);
  input->label = g_strdup_printf ("refresh %u", self->refreshes);
  input->wait_at_gate = next_waits_at_gate;
  input->view = self;
  next_waits_at_gate = FALSE;
  lp_view_run (view, test_view_work, input, (GDestroyNotify) work_input_free, g_free,
               test_view_show);
}

static void
test_view_finalize (GObject *object)
{
  TestView *self = TEST_VIEW (object);

  g_free (self->last_shown);
  g_free (self->last_error);
  G_OBJECT_CLASS (test_view_parent_class)->finalize (object);
}

static void
test_view_class_init (TestViewClass *klass)
{
  static const char * const tables[] = { "plan_info", NULL };

  G_OBJECT_CLASS (klass)->finalize = test_view_finalize;
  LP_VIEW_CLASS (klass)->refresh = test_view_refresh;
  lp_view_class_set_tables (LP_VIEW_CLASS (klass), tables);
}

static void
test_view_init (TestView *self)
{
}

static gboolean
is_not_busy (gpointer data)
{
  return !lp_view_get_busy (data);
}

/* Shown results are counted: a view that is not busy may not have begun
 * its refresh yet, so waiting for "not busy" alone can pass too early. */
static guint shown_wanted;

static gboolean
has_shown_wanted (gpointer data)
{
  TestView *view = data;

  return view->shown >= shown_wanted && !lp_view_get_busy (LP_VIEW (view));
}

static void
wait_shown (TestView   *view,
            guint       n,
            const char *what)
{
  shown_wanted = n;
  lp_test_wait_until (has_shown_wanted, view, what);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
gate_was_reached (gpointer data)
{
  gboolean reached;

  g_mutex_lock (&gate_mutex);
  reached = gate_reached;
  g_mutex_unlock (&gate_mutex);
  return reached;
}

typedef struct {
  char      *dir;
  char      *path;
  LpPlan    *plan;
  GtkWindow *window;
  TestView  *view;
} Fixture;

static void
fixture_set_up (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("lp-view-base-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "plan.lpplan", NULL);
  f->plan = lp_plan_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (lp_plan_set_info (f->plan, "test_name", "first", &error));
  g_assert_no_error (error);
  f->view = g_object_ref_sink (g_object_new (TEST_TYPE_VIEW, NULL));
}

static void
fixture_show (Fixture *f)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  lp_test_wait_until (is_mapped, f->view, "the view to be shown");
}

static void
fixture_tear_down (Fixture *f)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  g_clear_object (&f->view);
  lp_plan_close (f->plan);
  g_clear_object (&f->plan);
  lp_test_wait_idle ();
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_refresh_only_when_shown (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;

  fixture_set_up (&f);
  lp_view_set_plan (LP_VIEW (f.view), f.plan);
  lp_test_wait_idle ();
  /* Hidden: the plan is kept, nothing is read. */
  g_assert_cmpuint (f.view->refreshes, ==, 0);
  g_assert_true (lp_view_get_plan (LP_VIEW (f.view)) == f.plan);

  fixture_show (&f);
  wait_shown (f.view, 1, "the first refresh");
  lp_test_wait_idle ();
  g_assert_cmpuint (f.view->refreshes, ==, 1);
  g_assert_cmpuint (f.view->shown, ==, 1);
  g_assert_cmpstr (f.view->last_shown, ==, "refresh 1:first");
  /* The work ran on the plan's worker, not on the main thread. */
  g_assert_nonnull (f.view->work_thread);
  g_assert_true (f.view->work_thread != g_thread_self ());

  /* A table the view reads: one refresh, which sees the committed change
   * through the worker's own connection. */
  g_assert_true (lp_plan_set_info (f.plan, "test_name", "second", &error));
  g_assert_no_error (error);
  lp_test_wait_idle ();
  wait_shown (f.view, 2, "the second refresh");
  g_assert_cmpuint (f.view->refreshes, ==, 2);
  g_assert_cmpstr (f.view->last_shown, ==, "refresh 2:second");

  /* A table it does not read: nothing. */
  g_signal_emit_by_name (f.plan, "changed::locality", "locality");
  lp_test_wait_idle ();
  g_assert_cmpuint (f.view->refreshes, ==, 2);

  /* Hidden, a change is remembered and read when next shown, once. */
  gtk_widget_set_visible (GTK_WIDGET (f.view), FALSE);
  g_assert_true (lp_plan_set_info (f.plan, "test_name", "third", &error));
  g_assert_true (lp_plan_set_info (f.plan, "test_name", "fourth", &error));
  lp_test_wait_idle ();
  g_assert_cmpuint (f.view->refreshes, ==, 2);
  gtk_widget_set_visible (GTK_WIDGET (f.view), TRUE);
  lp_test_wait_until (is_mapped, f.view, "the view to be shown again");
  lp_test_wait_idle ();
  wait_shown (f.view, 3, "the refresh on showing");
  g_assert_cmpuint (f.view->refreshes, ==, 3);
  g_assert_cmpstr (f.view->last_shown, ==, "refresh 3:fourth");
  fixture_tear_down (&f);
}

static void
test_stale_result_dropped (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;

  fixture_set_up (&f);
  fixture_show (&f);
  /* The first refresh's work waits at the gate... */
  gate_closed = TRUE;
  gate_reached = FALSE;
  next_waits_at_gate = TRUE;
  lp_view_set_plan (LP_VIEW (f.view), f.plan);
  lp_test_wait_until (gate_was_reached, NULL, "the first work to start");
  g_assert_true (lp_view_get_busy (LP_VIEW (f.view)));
  /* ...while the plan changes and a second refresh is queued behind it. */
  g_assert_true (lp_plan_set_info (f.plan, "test_name", "newer", &error));
  g_assert_no_error (error);
  lp_test_wait_idle ();
  g_assert_cmpuint (f.view->refreshes, ==, 2);
  g_mutex_lock (&gate_mutex);
  gate_closed = FALSE;
  g_cond_broadcast (&gate_cond);
  g_mutex_unlock (&gate_mutex);
  lp_test_wait_until (is_not_busy, f.view, "both works to come back");
  lp_test_wait_idle ();
  /* Only the newer result was shown; the older one never overwrote it. */
  g_assert_cmpuint (f.view->shown, ==, 1);
  g_assert_cmpstr (f.view->last_shown, ==, "refresh 2:newer");

  /* Work still out when the plan is taken away is dropped too. */
  gate_closed = TRUE;
  gate_reached = FALSE;
  next_waits_at_gate = TRUE;
  g_assert_true (lp_plan_set_info (f.plan, "test_name", "gone", &error));
  lp_test_wait_until (gate_was_reached, NULL, "the third work to start");
  lp_view_set_plan (LP_VIEW (f.view), NULL);
  g_mutex_lock (&gate_mutex);
  gate_closed = FALSE;
  g_cond_broadcast (&gate_cond);
  g_mutex_unlock (&gate_mutex);
  lp_test_wait_until (is_not_busy, f.view, "the dropped work to come back");
  lp_test_wait_idle ();
  g_assert_cmpuint (f.view->shown, ==, 1);
  g_assert_cmpstr (f.view->last_shown, ==, "refresh 2:newer");
  g_assert_null (lp_view_get_plan (LP_VIEW (f.view)));
  fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/view-base/refresh-only-when-shown", test_refresh_only_when_shown);
  g_test_add_func ("/view-base/stale-result-dropped", test_stale_result_dropped);
  return g_test_run ();
}
