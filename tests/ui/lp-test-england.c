/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Timing the views on a plan of England's size (see lp-test-england.h). */
#include "config.h"

#include <string.h>
#include <time.h>

#include "lp-test-england.h"
#include "lp-test-util.h"

static char *
copy_england (void)
{
  const char *england = g_getenv ("LP_TEST_ENGLAND_PLAN");
  g_autofree char *path = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (england == NULL)
    return NULL;
  path = lp_test_scratch_path ("England.lpplan");
  source = g_file_new_for_path (england);
  copy = g_file_new_for_path (path);
  g_assert_true (g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

LpWindow *
lp_test_open_england (void)
{
  g_autofree char *path = copy_england ();

  if (path == NULL)
    {
      g_test_skip ("LP_TEST_ENGLAND_PLAN names no plan");
      return NULL;
    }
  return lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
}

static gint64
thread_cpu_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static gboolean
stall_tick (gpointer data)
{
  LpTestStall *stall = data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();

  if (stall->last != 0)
    {
      stall->worst = MAX (stall->worst, now - stall->last);
      stall->worst_cpu = MAX (stall->worst_cpu, cpu - stall->last_cpu);
    }
  stall->last = now;
  stall->last_cpu = cpu;
  stall->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
after_paint (GdkFrameClock *clock,
             gint64        *painted)
{
  if (*painted == 0)
    *painted = g_get_monotonic_time ();
}

static gboolean
is_painted (gpointer painted)
{
  return *(gint64 *) painted != 0;
}

/* A tick every 2 ms, before anything else the loop has to do. */
void
lp_test_stall_start (LpTestStall *stall)
{
  memset (stall, 0, sizeof *stall);
  stall->source = g_timeout_add_full (G_PRIORITY_HIGH, 2, stall_tick, stall, NULL);
}

static void
stall_reset (LpTestStall *stall)
{
  stall->worst = stall->worst_cpu = 0;
}

static gboolean
has_ticked (gpointer data)
{
  gpointer *args = data;

  return ((LpTestStall *) args[0])->ticks > GPOINTER_TO_UINT (args[1]);
}

/* What was just waited for has yet to be laid out and painted, and the
 * loop to turn after it: only then does the stall count it. */
static void
stall_settle (LpTestStall *stall,
              GtkWidget   *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 painted = 0;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), &painted);
  gpointer args[2];

  gtk_widget_queue_draw (widget);
  lp_test_wait_until (is_painted, &painted, "is_painted");
  g_signal_handler_disconnect (clock, handler);
  args[0] = stall;
  args[1] = GUINT_TO_POINTER (stall->ticks);
  lp_test_wait_until (has_ticked, args, "has_ticked");
}

void
lp_test_stall_stop (LpTestStall *stall)
{
  g_clear_handle_id (&stall->source, g_source_remove);
}

gint64
lp_test_stall_begin (LpTestStall *stall)
{
  stall_reset (stall);
  return g_get_monotonic_time ();
}

void
lp_test_stall_end (LpTestStall *stall,
                   gint64       start,
                   GtkWidget   *widget,
                   const char  *what)
{
  double ms = (g_get_monotonic_time () - start) / 1000.0;

  stall_settle (stall, widget);
  g_test_message ("England: %s in %.1f ms; longest stall %.1f ms (%.1f ms of its own)", what, ms,
                  stall->worst / 1000.0, stall->worst_cpu / 1000.0);
}

/* Milliseconds from asking for @view to the window's next paint, on the
 * wall clock; @cpu_ms: of the main thread's own time. */
static double
time_view_switch (LpWindow   *window,
                  const char *view,
                  double     *cpu_ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 painted = 0;
  gint64 start = g_get_monotonic_time ();
  gint64 start_cpu = thread_cpu_us ();
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), &painted);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", view));
  lp_test_wait_until (is_painted, &painted, "is_painted");
  *cpu_ms = (thread_cpu_us () - start_cpu) / 1000.0;
  g_signal_handler_disconnect (clock, handler);
  return (painted - start) / 1000.0;
}

GtkWidget *
lp_test_show_england_view (LpWindow        *window,
                           const char      *view,
                           LpTestStall     *stall,
                           LpTestCondition  shown,
                           const char      *what)
{
  double ms, cpu_ms, shown_ms;
  GtkWidget *widget;
  gint64 start;

  stall_reset (stall);
  ms = time_view_switch (window, view, &cpu_ms);
  widget = lp_window_get_view (window, view);
  start = g_get_monotonic_time ();
  lp_test_wait_until (shown, widget, what);
  shown_ms = (g_get_monotonic_time () - start) / 1000.0;
  stall_settle (stall, GTK_WIDGET (window));
  g_test_message ("England: view switch painted in %.1f ms (%.1f ms of the main thread's); %s %.1f ms "
                  "later; longest stall %.1f ms (%.1f ms of its own)", ms, cpu_ms, what, shown_ms,
                  stall->worst / 1000.0, stall->worst_cpu / 1000.0);
  return widget;
}
