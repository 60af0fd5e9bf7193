/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How quickly the data views answer on a plan of England's size (6,500
 * practices in 1,250 localities): showing the Practices view, each
 * keystroke of a search, a locality chosen, a column sorted.  A figure is
 * the time from the user's act to the first frame painted after the list
 * has settled; the longest single main-loop dispatch meanwhile says how
 * long the window could not answer at all.
 *
 *   bench-data-views MAKE-ENGLAND-PLAN.py
 *
 * LP_BENCH_PLAN names a plan to use instead of making one. */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>

#include "lp-localities-view.h"
#include "lp-practices-view.h"
#include "lp-test-util.h"

static guint paints;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       unused)
{
  paints++;
}

typedef gboolean (*Condition) (gpointer data);

/* The main thread's processor time: on a busy machine the wall clock
 * also counts the time other processes had the processor. */
static gint64
cpu_time_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

typedef struct {
  double cpu_ms;       /* main-thread processor time until settled */
  double settled_ms;   /* until the condition held and a frame was painted */
  double first_ms;     /* until the first frame painted */
  double first_cpu_ms; /* main-thread processor time until then */
  double stall_ms;     /* the longest main-loop dispatch */
} Timing;

/* Runs the main loop from @start until @done holds and a frame has been
 * painted after that. */
typedef struct {
  gint64 wall;
  gint64 cpu;
} Start;

static Start
start_now (void)
{
  return (Start) { g_get_monotonic_time (), cpu_time_us () };
}

static Timing
wait_painted (Start      from,
              Condition  done,
              gpointer   data)
{
  gint64 start = from.wall;
  Timing timing = { 0, };
  gint64 deadline = start + 60 * G_USEC_PER_SEC;
  guint paints_at_start = paints;
  guint paints_when_done = 0;
  gboolean was_done = FALSE;

  while (g_get_monotonic_time () < deadline)
    {
      gint64 before = g_get_monotonic_time ();
      gboolean dispatched = g_main_context_iteration (NULL, FALSE);
      gint64 after = g_get_monotonic_time ();

      timing.stall_ms = MAX (timing.stall_ms, (after - before) / 1000.0);
      if (timing.first_ms == 0 && paints > paints_at_start)
        {
          timing.first_ms = (after - start) / 1000.0;
          timing.first_cpu_ms = (cpu_time_us () - from.cpu) / 1000.0;
        }
      if (!was_done && done (data))
        {
          was_done = TRUE;
          paints_when_done = paints;
        }
      if (was_done && paints > paints_when_done)
        {
          timing.settled_ms = (after - start) / 1000.0;
          timing.cpu_ms = (cpu_time_us () - from.cpu) / 1000.0;
          return timing;
        }
      if (!dispatched)
        g_usleep (200);
    }
  g_error ("the view did not settle within a minute");
}

typedef struct {
  GtkWidget  *view;
  GListModel *shown;
  guint       n_rows;   /* G_MAXUINT: any */
} Settled;

static gboolean
view_settled (gpointer data)
{
  Settled *settled = data;

  return !lp_view_get_busy (LP_VIEW (settled->view))
         && !lp_test_models_pending (settled->shown)
         && (settled->n_rows == G_MAXUINT
             || g_list_model_get_n_items (settled->shown) == settled->n_rows);
}

static void
report (const char   *what,
        const Timing *timing)
{
  g_print ("%-44s first frame %7.1f ms (processor %6.1f ms)   settled %7.1f ms (processor %6.1f ms)   longest stall %6.1f ms\n",
           what, timing->first_ms, timing->first_cpu_ms, timing->settled_ms, timing->cpu_ms,
           timing->stall_ms);
}

static char *
make_plan (const char *script,
           char      **dir)
{
  g_autoptr(GError) error = NULL;
  char *path;
  int status = 0;

  *dir = g_dir_make_tmp ("lp-bench-views-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "England.lpplan", NULL);
  {
    const char *argv[] = { "python3", script, g_getenv ("LP_SAMPLE_PLAN"), path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                  &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return path;
}

static GtkWidget *
find_search_entry (GtkWidget *view)
{
  GtkWidget *bar = lp_test_find_type (view, GTK_TYPE_SEARCH_BAR);

  return lp_test_find_type (bar, GTK_TYPE_SEARCH_ENTRY);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Types @text one key at a time, then deletes it one key at a time. */
static void
type_search (GtkWidget  *view,
             GListModel *shown,
             const char *text)
{
  GtkWidget *entry = find_search_entry (view);
  Settled settled = { view, shown, G_MAXUINT };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  double worst_stall = 0;
  glong n = g_utf8_strlen (text, -1);

  for (glong i = 1; i <= 2 * n; i++)
    {
      glong len = i <= n ? i : 2 * n - i;
      g_autofree char *typed = g_utf8_substring (text, 0, len);
      Start start = start_now ();
      Timing timing;

      gtk_editable_set_text (GTK_EDITABLE (entry), typed);
      timing = wait_painted (start, view_settled, &settled);
      g_array_append_val (times, timing.settled_ms);
      g_array_append_val (cpu_times, timing.cpu_ms);
      worst_stall = MAX (worst_stall, timing.stall_ms);
      g_print ("  key %2ld  “%s”%*s %5u rows   drawn %7.1f ms  (processor %6.1f ms)   longest stall %6.1f ms\n",
               i, typed, (int) (12 - len), "", g_list_model_get_n_items (shown),
               timing.settled_ms, timing.cpu_ms, timing.stall_ms);
    }
  g_array_sort (times, compare_doubles);
  g_array_sort (cpu_times, compare_doubles);
  g_print ("%-44s median %7.1f ms  worst %7.1f ms  (processor: median %6.1f ms, worst %6.1f ms)  longest stall %6.1f ms\n",
           "search keystroke → list drawn:", g_array_index (times, double, times->len / 2),
           g_array_index (times, double, times->len - 1),
           g_array_index (cpu_times, double, cpu_times->len / 2),
           g_array_index (cpu_times, double, cpu_times->len - 1), worst_stall);
}

static gboolean
popover_shown (gpointer dropdown)
{
  GtkWidget *popover = lp_test_find_type (dropdown, GTK_TYPE_POPOVER);

  return popover != NULL && gtk_widget_get_mapped (popover);
}

typedef struct {
  GtkWidget *popover;
  guint      n_rows;
} Rows;

/* The popover's list shows @n_rows rows, or any number for G_MAXUINT. */
static gboolean
popover_lists (gpointer data)
{
  Rows *rows = data;
  GtkWidget *list = lp_test_find_type (rows->popover, GTK_TYPE_LIST_VIEW);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));

  return rows->n_rows == G_MAXUINT || g_list_model_get_n_items (model) == rows->n_rows;
}

/* Opens the locality drop-down, searches it for @text, and picks the
 * one locality found, as a user would with 1,250 to choose from. */
static void
pick_locality (GtkWidget  *view,
               const char *text)
{
  GtkWidget *dropdown = lp_test_find_type (view, GTK_TYPE_DROP_DOWN);
  GListModel *shown = lp_practices_view_get_model (LP_PRACTICES_VIEW (view));
  Settled settled = { view, shown, G_MAXUINT };
  Start start = start_now ();
  Timing timing;
  Rows rows = { NULL, G_MAXUINT };
  GtkWidget *entry;

  g_signal_emit_by_name (dropdown, "activate");
  timing = wait_painted (start, popover_shown, dropdown);
  report ("open the locality drop-down:", &timing);
  if (g_getenv ("LP_BENCH_PNG") != NULL)
    lp_test_write_png (GTK_WIDGET (gtk_widget_get_root (view)), g_getenv ("LP_BENCH_PNG"));

  rows.popover = lp_test_find_type (dropdown, GTK_TYPE_POPOVER);
  entry = lp_test_find_type (rows.popover, GTK_TYPE_SEARCH_ENTRY);
  rows.n_rows = 1;
  start = start_now ();
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  timing = wait_painted (start, popover_lists, &rows);
  report ("search the drop-down:", &timing);

  start = start_now ();
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 601);
  gtk_popover_popdown (GTK_POPOVER (rows.popover));
  timing = wait_painted (start, view_settled, &settled);
  report ("pick it:", &timing);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  lp_test_wait_idle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(LpPlan) plan = NULL;
  g_autoptr(GListModel) localities = NULL;
  GtkWidget *stack, *blank, *view, *localities_view;
  GtkWindow *window;
  GListModel *shown;
  Settled settled;
  Start start;
  Timing timing;

  gtk_init ();
  adw_init ();
  if (g_getenv ("LP_BENCH_PLAN") != NULL)
    path = g_strdup (g_getenv ("LP_BENCH_PLAN"));
  else if (argc > 1)
    path = make_plan (argv[1], &dir);
  else
    g_error ("usage: bench-data-views MAKE-ENGLAND-PLAN.py, or set LP_BENCH_PLAN");

  plan = lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* As in the window: the views in a stack, the Practices view not shown
   * yet, each with the plan. */
  stack = gtk_stack_new ();
  blank = gtk_label_new ("Overview");
  view = lp_practices_view_new ();
  localities_view = lp_localities_view_new ();
  gtk_stack_add_named (GTK_STACK (stack), blank, "overview");
  gtk_stack_add_named (GTK_STACK (stack), view, "practices");
  gtk_stack_add_named (GTK_STACK (stack), localities_view, "localities");
  window = lp_test_window_new (stack);
  gtk_window_set_default_size (window, 1280, 800);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  lp_view_set_plan (LP_VIEW (view), plan);
  lp_view_set_plan (LP_VIEW (localities_view), plan);
  lp_test_wait_idle ();
  shown = lp_practices_view_get_model (LP_PRACTICES_VIEW (view));

  g_print ("Data views on a plan of 6,500 practices in 1,250 localities\n");
  settled = (Settled) { view, shown, 6500 };
  start = start_now ();
  gtk_stack_set_visible_child (GTK_STACK (stack), view);
  timing = wait_painted (start, view_settled, &settled);
  report ("switch to Practices (first time):", &timing);

  start = start_now ();
  gtk_stack_set_visible_child (GTK_STACK (stack), blank);
  gtk_stack_set_visible_child (GTK_STACK (stack), view);
  timing = wait_painted (start, view_settled, &settled);
  report ("switch to Practices again:", &timing);

  settled = (Settled) { localities_view,
                        lp_localities_view_get_model (LP_LOCALITIES_VIEW (localities_view)), G_MAXUINT };
  start = start_now ();
  gtk_stack_set_visible_child (GTK_STACK (stack), localities_view);
  timing = wait_painted (start, view_settled, &settled);
  report ("switch to Localities (first time):", &timing);
  gtk_stack_set_visible_child (GTK_STACK (stack), view);
  lp_test_wait_idle ();

  lp_view_start_search (LP_VIEW (view));
  lp_test_wait_idle ();
  /* For a profiler: the same two keys again and again. */
  if (g_getenv ("LP_BENCH_REPEAT") != NULL)
    {
      for (int i = 0; i < atoi (g_getenv ("LP_BENCH_REPEAT")); i++)
        type_search (view, shown, "no");
      return 0;
    }
  type_search (view, shown, "north");
  type_search (view, shown, "surgery 2");

  localities = lp_plan_list_localities (plan, NULL);
  {
    g_autoptr(LpLocality) locality = g_list_model_get_item (localities, 600);

    settled = (Settled) { view, shown, G_MAXUINT };
    start = start_now ();
    lp_practices_view_set_locality (LP_PRACTICES_VIEW (view), lp_locality_get_id (locality));
    timing = wait_painted (start, view_settled, &settled);
    report ("choose a locality:", &timing);
    start = start_now ();
    lp_practices_view_set_locality (LP_PRACTICES_VIEW (view), 0);
    timing = wait_painted (start, view_settled, &settled);
    report ("all localities again:", &timing);
  }
  /* GTK 4.8 drop-downs match the start of a name. */
  pick_locality (view, "England Locality 0600");


  start = start_now ();
  lp_test_sort_by (view, "List size", GTK_SORT_DESCENDING);
  timing = wait_painted (start, view_settled, &settled);
  report ("sort by list size:", &timing);
  type_search (view, shown, "north");

  /* A change in one practice: the view reads its rows again. */
  settled = (Settled) { view, shown, 6500 };
  start = start_now ();
  g_assert_true (lp_plan_set_list_size (plan, lp_plan_find_practice (plan, "X06K01"),
                                        "2018-01-01", 999, "bench", NULL));
  timing = wait_painted (start, view_settled, &settled);
  report ("one list size changed (rows read again):", &timing);
  g_assert_true (lp_plan_undo (plan, NULL));

  gtk_window_destroy (window);
  lp_test_wait_idle ();
  g_clear_object (&plan);
  if (dir != NULL)
    {
      g_remove (path);
      g_rmdir (dir);
    }
  return 0;
}
