/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every window test needs of GTK: letting it catch up, by condition
 * rather than by the clock (a fixed pause is long enough on an idle machine
 * and too short on a busy one, where the test then reads a window that has
 * not yet been laid out), and a PNG of what a widget shows. */
#include "config.h"

#include "lp-test-gtk.h"

/* Only a failure waits this long. */
#define SETTLE_TIMEOUT_US (30 * G_USEC_PER_SEC)

typedef struct {
  GtkWidget     *window;
  GdkFrameClock *clock;
  gint64         frame_before;
} ClockMark;

static GArray *
mark_frame_clocks (void)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (ClockMark));
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GdkFrameClock *clock;
      ClockMark mark;

      if (!gtk_widget_get_mapped (window) || (clock = gtk_widget_get_frame_clock (window)) == NULL)
        continue;
      /* Asks for a frame, so that "one frame later" is sure to come. */
      gtk_widget_queue_draw (window);
      mark.window = g_object_ref (window);
      mark.clock = g_object_ref (clock);
      mark.frame_before = gdk_frame_clock_get_frame_counter (clock);
      g_array_append_val (marks, mark);
    }
  return marks;
}

static gboolean
every_clock_moved_on (GArray *marks)
{
  for (guint i = 0; i < marks->len; i++)
    {
      ClockMark *mark = &g_array_index (marks, ClockMark, i);

      /* A window closed meanwhile paints no more frames, and needs none. */
      if (gtk_widget_get_mapped (mark->window) &&
          gdk_frame_clock_get_frame_counter (mark->clock) <= mark->frame_before)
        return FALSE;
    }
  return TRUE;
}

/**
 * lp_test_settle:
 * @at_least_ms: time given to timers the test relies on (a search entry's
 *   delay, say), however fast the machine
 *
 * Runs the main loop for at least @at_least_ms, then until nothing is
 * waiting to be dispatched and every shown window has laid out and painted
 * a frame begun after the call: what the test does next reads a window
 * that has caught up with what it did before.
 */
void
lp_test_settle (guint at_least_ms)
{
  gint64 start = g_get_monotonic_time ();
  gint64 until = start + (gint64) at_least_ms * 1000;
  GArray *marks = mark_frame_clocks ();

  for (;;)
    {
      gint64 now = g_get_monotonic_time ();
      gboolean busy = g_main_context_iteration (NULL, FALSE);

      if (!busy && now >= until && every_clock_moved_on (marks) && !g_main_context_pending (NULL))
        break;
      if (now - start > SETTLE_TIMEOUT_US)
        {
          g_test_message ("the main loop did not settle in %d s",
                          (int) (SETTLE_TIMEOUT_US / G_USEC_PER_SEC));
          break;
        }
      if (!busy)
        g_usleep (1000);
    }
  for (guint i = 0; i < marks->len; i++)
    {
      g_object_unref (g_array_index (marks, ClockMark, i).clock);
      g_object_unref (g_array_index (marks, ClockMark, i).window);
    }
  g_array_unref (marks);
}

/* Runs the main loop until @widget has a size; FALSE if it never gets one. */
gboolean
lp_test_wait_allocated (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + SETTLE_TIMEOUT_US;

  while ((gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0) &&
         g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  return gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0;
}

/* Renders @widget as it is on screen into a PNG at @path, once it has a
 * size. */
void
lp_test_write_png (GtkWidget  *widget,
                   const char *path)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  g_assert_true (lp_test_wait_allocated (widget));
  /* A widget just shown may have a size and not yet a first frame. */
  lp_test_settle (0);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}
