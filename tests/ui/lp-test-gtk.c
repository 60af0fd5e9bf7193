/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every window test needs of GTK: waiting for what it checks next,
 * finding widgets, and a PNG of what a widget shows.
 *
 * A test waits for a condition, never for a time: a fixed pause is long
 * enough on an idle machine and too short on a busy one, and the views
 * may show a figure a moment after what changed it.  Each wait runs the
 * main loop until its condition holds, and only a failure waits long
 * (LP_TEST_WAIT_TIMEOUT_S), then says what it waited for. */
#include "config.h"

#include <string.h>

#include "lp-test-gtk.h"

/* While waiting, the condition is looked at again at least this often,
 * in case another thread (writing a file, say) changed it. */
#define POLL_MS 10

/* The time by which a wait that starts now has failed. */
gint64
lp_test_wait_deadline (void)
{
  return g_get_monotonic_time () + (gint64) LP_TEST_WAIT_TIMEOUT_S * G_USEC_PER_SEC;
}

static gboolean
poll_cb (gpointer unused)
{
  return G_SOURCE_CONTINUE;
}

/**
 * lp_test_wait_step:
 * @deadline: from lp_test_wait_deadline()
 * @what: what is waited for, for the message if the wait fails
 *
 * One turn of the main loop: dispatches what is ready or, if nothing is,
 * blocks until something is, or at most %POLL_MS.
 *
 * Returns: %FALSE (having said so in the test's log) once @deadline has
 *   passed
 */
gboolean
lp_test_wait_step (gint64      deadline,
                   const char *what)
{
  GSource *poll;

  if (g_get_monotonic_time () >= deadline)
    {
      g_test_message ("Waited %d s in vain for %s", LP_TEST_WAIT_TIMEOUT_S, what);
      return FALSE;
    }
  poll = g_timeout_source_new (POLL_MS);
  g_source_set_callback (poll, poll_cb, NULL, NULL);
  g_source_attach (poll, NULL);
  g_main_context_iteration (NULL, TRUE);
  g_source_destroy (poll);
  g_source_unref (poll);
  return TRUE;
}

static void
wait_failed (const char *file,
             int         line,
             const char *func,
             const char *what)
{
  g_autofree char *message = g_strdup_printf ("waited %d s in vain for %s",
                                              LP_TEST_WAIT_TIMEOUT_S, what);

  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

/* See lp_test_wait_until() in the header, which gives the caller's place. */
void
lp_test_wait_until_at (const char      *file,
                       int              line,
                       const char      *func,
                       LpTestCondition  done,
                       gpointer         data,
                       const char      *what)
{
  gint64 deadline = lp_test_wait_deadline ();

  while (!done (data))
    if (!lp_test_wait_step (deadline, what))
      {
        wait_failed (file, line, func, what);
        return;
      }
}

/**
 * lp_test_wait_idle:
 *
 * Dispatches whatever is ready until nothing is: what a test checks next
 * has been done by everything its last step set off on the main thread.
 * For a check that something did not happen.
 */
void
lp_test_wait_idle (void)
{
  gint64 deadline = lp_test_wait_deadline ();

  while (g_main_context_pending (NULL))
    {
      if (g_get_monotonic_time () >= deadline)
        {
          wait_failed (__FILE__, __LINE__, G_STRFUNC, "the main loop to go idle");
          return;
        }
      g_main_context_iteration (NULL, FALSE);
    }
}

typedef struct {
  GtkWidget     *window;
  GdkFrameClock *clock;
  gint64         frame_before;
} ClockMark;

static void
clock_mark_clear (gpointer data)
{
  ClockMark *mark = data;

  g_object_unref (mark->clock);
  g_object_unref (mark->window);
}

static GArray *
mark_frame_clocks (void)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (ClockMark));
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_array_set_clear_func (marks, clock_mark_clear);
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
painted_and_idle (gpointer data)
{
  GArray *marks = data;

  for (guint i = 0; i < marks->len; i++)
    {
      ClockMark *mark = &g_array_index (marks, ClockMark, i);

      /* A window closed meanwhile paints no more frames, and needs none. */
      if (gtk_widget_get_mapped (mark->window) &&
          gdk_frame_clock_get_frame_counter (mark->clock) <= mark->frame_before)
        return FALSE;
    }
  return !g_main_context_pending (NULL);
}

/**
 * lp_test_wait_frame:
 *
 * Waits until every shown window has laid out and painted a frame begun
 * after the call, and nothing more is ready to run: a PNG taken next
 * shows what the test did before.
 */
void
lp_test_wait_frame (void)
{
  g_autoptr(GArray) marks = mark_frame_clocks ();

  lp_test_wait_until (painted_and_idle, marks, "every shown window to paint a new frame");
}

static gboolean
has_size (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0;
}

/* Waits until @widget has been given a size. */
void
lp_test_wait_allocated (GtkWidget *widget)
{
  g_autofree char *what = g_strdup_printf ("a %s to be given a size", G_OBJECT_TYPE_NAME (widget));

  lp_test_wait_until (has_size, widget, what);
}

/* Compares pointers only: @window may be gone. */
static gboolean
is_closed (gpointer window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  return g_list_find (toplevels, window) == NULL;
}

/* Waits until @window is no longer one of the application's windows
 * (closed, destroyed, perhaps freed). */
void
lp_test_wait_closed (gpointer window)
{
  lp_test_wait_until (is_closed, window, "a window to close");
}

/* Depth first: the first descendant of @root for which @match holds. */
GtkWidget *
lp_test_find_widget (GtkWidget     *root,
                     LpTestMatch    match,
                     gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lp_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* @type points to a GType. */
static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) type);
}

/* Depth first: the first descendant of @root (or @root) of @type. */
GtkWidget *
lp_test_find_type (GtkWidget *root,
                   GType      type)
{
  return lp_test_find_widget (root, is_type, &type);
}

/* How many descendants of @root (and @root) @match holds for. */
guint
lp_test_count_widgets (GtkWidget     *root,
                       LpTestMatch    match,
                       gconstpointer  data)
{
  guint count = match (root, data) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += lp_test_count_widgets (child, match, data);
  return count;
}

/* A label on screen (mapped) with exactly @text. */
gboolean
lp_test_is_label (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

gboolean
lp_test_shows_label (GtkWidget  *root,
                     const char *text)
{
  return lp_test_find_widget (root, lp_test_is_label, text) != NULL;
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_gone (gpointer data)
{
  LabelWait *wait = data;

  return !lp_test_shows_label (wait->root, wait->text);
}

/* For the message of a failed wait: the labels on screen that begin as
 * @text does, which are most likely what shows instead. */
static void
report_like_labels (GtkWidget  *root,
                    const char *text)
{
  size_t prefix = MIN (strlen (text), 8);

  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root)
      && strncmp (gtk_label_get_label (GTK_LABEL (root)), text, prefix) == 0)
    g_test_message ("A label shows “%s”", gtk_label_get_label (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    report_like_labels (child, text);
}

/**
 * lp_test_wait_label:
 *
 * Waits until a label under @root shows exactly @text, on screen.
 *
 * Returns: (transfer none): the label
 */
GtkWidget *
lp_test_wait_label (GtkWidget  *root,
                    const char *text)
{
  g_autofree char *what = g_strdup_printf ("a label showing “%s”", text);
  gint64 deadline = lp_test_wait_deadline ();

  while (!lp_test_shows_label (root, text))
    if (!lp_test_wait_step (deadline, what))
      {
        report_like_labels (root, text);
        wait_failed (__FILE__, __LINE__, G_STRFUNC, what);
        return NULL;
      }
  return lp_test_find_widget (root, lp_test_is_label, text);
}

/* Waits until no label under @root shows @text on screen. */
void
lp_test_wait_no_label (GtkWidget  *root,
                       const char *text)
{
  LabelWait wait = { root, text };
  g_autofree char *what = g_strdup_printf ("no label to show “%s”", text);

  lp_test_wait_until (label_gone, &wait, what);
}

static gboolean
is_scrolled_window (GtkWidget     *widget,
                    gconstpointer  unused)
{
  return GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget);
}

/**
 * lp_test_scroll_to:
 * @root: a scrolled window on screen, or a widget holding one
 * @fraction: how far down: 0 the top, 1 the end
 *
 * Scrolls the first scrolled window on screen under @root, once it is
 * laid out with all it now shows, for a PNG of what is further down; to
 * scroll down at all, it must be taller than its window.
 */
void
lp_test_scroll_to (GtkWidget *root,
                   double     fraction)
{
  GtkWidget *scrolled = lp_test_find_widget (root, is_scrolled_window, NULL);
  GtkAdjustment *adjustment;
  double range;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  lp_test_wait_frame ();
  range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment)
          - gtk_adjustment_get_page_size (adjustment);
  if (fraction > 0)
    g_assert_cmpfloat (range, >, 0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment) + fraction * range);
}

/* A shown window of @type (the first, if there are several). */
GtkWindow *
lp_test_find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
toplevel_exists (gpointer type)
{
  return lp_test_find_toplevel ((GType) GPOINTER_TO_SIZE (type)) != NULL;
}

/**
 * lp_test_wait_toplevel:
 *
 * Waits until a window of @type is shown.
 *
 * Returns: (transfer none): the window
 */
GtkWindow *
lp_test_wait_toplevel (GType type)
{
  g_autofree char *what = g_strdup_printf ("a %s to be shown", g_type_name (type));

  lp_test_wait_until (toplevel_exists, GSIZE_TO_POINTER ((gsize) type), what);
  return lp_test_find_toplevel (type);
}

/* Renders @widget as it is on screen into a PNG at @path, once it has a
 * size and has been painted. */
void
lp_test_write_png (GtkWidget  *widget,
                   const char *path)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  lp_test_wait_allocated (widget);
  /* A widget just shown may have a size and not yet a first frame; and
   * one may ask for a new frame just after one (a table's row lit up as
   * rows come in under the pointer), leaving nothing drawn until it
   * comes: then wait for that one. */
  for (int tries = 0; node == NULL && tries < 10; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      g_clear_object (&paintable);
      lp_test_wait_frame ();
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      paintable = gtk_widget_paintable_new (widget);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}
