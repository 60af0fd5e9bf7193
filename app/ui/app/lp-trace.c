/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures the plan window for tests/bench/window-bench.py.  With LP_TRACE
 * naming a file, the application's first plan window is watched:
 *
 *  - frames: each frame that drew the window is timed at the frame clock's
 *    "after-paint", i.e. once the window was painted;
 *  - stalls: a 5 ms timeout at high priority on the main context; any gap
 *    between two of its runs beyond those 5 ms is time in which the main
 *    loop answered nothing (input, redraws), the longest kept per phase;
 *  - with LP_TRACE_SCRIPT, once the plan is shown and the main context
 *    is idle, the script's view switches (win.show-view, as Alt+1…9) and
 *    keystrokes in the practices' search are made one at a time, each
 *    waiting for its frames, for the view's "busy" to drop and for the
 *    list to finish filtering before the next; then the app quits.
 *
 * Every figure is a JSON line in the LP_TRACE file.  Times are in ms from
 * LP_TRACE_T0_NS, the CLOCK_MONOTONIC time (as g_get_monotonic_time() and
 * Python's time.monotonic_ns()) taken just before the process was started,
 * so that the launch includes the process's own start-up.
 *
 * LP_TRACE_SCRIPT is "views=NAME,NAME,…;type=TEXT;backspace=N".
 *
 * Without LP_TRACE nothing here runs: lp_trace_init() returns at once. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "lp-trace.h"
#include "lp-window.h"

#define LP_TRACE_WATCH_MS      5
/* No frame for this long, with the low-priority sources reached, is idle. */
#define LP_TRACE_QUIET_US      (100 * G_TIME_SPAN_MILLISECOND)
/* Something that redraws for ever (an animation) must not hang the run. */
#define LP_TRACE_QUIET_MAX_US  (5 * G_TIME_SPAN_SECOND)
/* A view still busy, or a list still filtering, after this is given up on. */
#define LP_TRACE_BUSY_MAX_US   (180 * G_TIME_SPAN_SECOND)
/* An action that drew no frame at all (nothing changed) after this. */
#define LP_TRACE_FRAME_MAX_US  (10 * G_TIME_SPAN_SECOND)
/* Stalls at least this long are listed one by one, to find their cause. */
#define LP_TRACE_LIST_STALL_US (20 * G_TIME_SPAN_MILLISECOND)

typedef enum {
  LP_TRACE_SWITCH,   /* activate win.show-view */
  LP_TRACE_SEARCH,   /* reveal the practices' search entry, as Ctrl+F */
  LP_TRACE_INSERT,   /* type one character at the end of the search */
  LP_TRACE_DELETE,   /* backspace at the end of the search */
} LpTraceKind;

typedef struct {
  LpTraceKind  kind;
  char        *arg;     /* the view, or the character typed */
  gboolean     report;  /* FALSE for a switch made only to reach the practices */
} LpTraceAction;

typedef enum {
  LP_TRACE_WAIT_PLAN,   /* for the first frame showing the plan */
  LP_TRACE_WAIT_DRAWN,  /* for the first frame after an action */
  LP_TRACE_SETTLE,      /* for the view and the main context to be idle */
  LP_TRACE_IDLE,        /* script done, or none */
} LpTraceState;

typedef struct {
  GtkApplication    *application;
  LpWindow          *window;         /* weak */
  GdkSurface        *surface;
  FILE              *out;
  gint64             t0_us;

  /* Frames */
  gboolean           drew;           /* the surface rendered this frame */
  GtkStack          *top_stack;      /* "loading", "error", "plan" */
  gboolean           plan_complete;  /* its crossfade to the plan is over */
  gint64             first_frame_us;
  gint64             last_frame_us;
  guint              n_frames;

  /* Stalls */
  gint64             watch_last_us;
  gint64             phase_stall_us;
  char              *phase;

  /* Script */
  GPtrArray         *actions;
  guint              next_action;
  LpTraceAction     *action;
  LpTraceState       state;
  gint64             action_us;      /* when the action began */
  gint64             action_end_us;  /* when its synchronous part returned */
  gint64             drawn_us;
  gint64             settle_start_us;
  void             (*after_settle) (void);
  gboolean           timed_out;

  /* A view's "busy", for the views that compute on workers */
  GtkWidget         *busy_view;      /* the view switched to */
  gboolean           busy_seen;
  gboolean           figures_pending;
  gint64             figures_us;

  /* The practices' list, for typing in its search */
  GtkEditable       *entry;
  GListModel        *list;
  gboolean           list_changed;   /* since the action */
  gboolean           list_pending;   /* changed, not yet drawn */
  gint64             list_first_us;
  gint64             list_last_us;
} LpTrace;

static LpTrace *trace;

static void lp_trace_next_action (void);

static void
lp_trace_action_free (gpointer data)
{
  LpTraceAction *action = data;

  g_free (action->arg);
  g_free (action);
}

static void
lp_trace_add_action (LpTraceKind  kind,
                     const char  *arg,
                     gboolean     report)
{
  LpTraceAction *action = g_new0 (LpTraceAction, 1);

  action->kind = kind;
  action->arg = g_strdup (arg);
  action->report = report;
  g_ptr_array_add (trace->actions, action);
}

/* JSON output */

static void
lp_trace_append_string (GString    *line,
                        const char *text)
{
  g_string_append_c (line, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (line, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (line, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static void
lp_trace_append_ms (GString    *line,
                    const char *key,
                    gint64      us)
{
  g_string_append_printf (line, ",\"%s\":", key);
  if (us < 0)
    g_string_append (line, "null");
  else
    g_string_append_printf (line, "%.3f", us / 1000.0);
}

static GString *
lp_trace_line_new (const char *event)
{
  GString *line = g_string_new ("{\"event\":");

  lp_trace_append_string (line, event);
  return line;
}

static void
lp_trace_line_write (GString *line)
{
  g_string_append (line, "}\n");
  fputs (line->str, trace->out);
  fflush (trace->out);
  g_string_free (line, TRUE);
}

/* Stalls */

static void
lp_trace_set_phase (const char *phase)
{
  g_free (trace->phase);
  trace->phase = g_strdup (phase);
  trace->phase_stall_us = 0;
}

static gboolean
lp_trace_watch_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 stall = now - trace->watch_last_us - LP_TRACE_WATCH_MS * G_TIME_SPAN_MILLISECOND;

  trace->watch_last_us = now;
  if (stall > trace->phase_stall_us)
    trace->phase_stall_us = stall;
  if (stall >= LP_TRACE_LIST_STALL_US)
    {
      GString *line = lp_trace_line_new ("stall");

      g_string_append (line, ",\"phase\":");
      lp_trace_append_string (line, trace->phase);
      lp_trace_append_ms (line, "at_ms", now - stall - trace->t0_us);
      lp_trace_append_ms (line, "ms", stall);
      lp_trace_line_write (line);
    }
  return G_SOURCE_CONTINUE;
}

/* What the window shows */

/* Popovers are left out: a drop-down's popover has a search entry and a
 * list of its own. */
static GtkWidget *
lp_trace_find_descendant (GtkWidget *widget,
                          gboolean (*match) (GtkWidget *))
{
  if (match (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_NATIVE (child) ? NULL : lp_trace_find_descendant (child, match);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
lp_trace_is_search_bar (GtkWidget *widget)
{
  return GTK_IS_SEARCH_BAR (widget);
}

static gboolean
lp_trace_is_search_entry (GtkWidget *widget)
{
  return GTK_IS_SEARCH_ENTRY (widget);
}

static gboolean
lp_trace_is_list (GtkWidget *widget)
{
  return GTK_IS_COLUMN_VIEW (widget) || GTK_IS_LIST_VIEW (widget) || GTK_IS_GRID_VIEW (widget);
}

/* The window's top stack ("loading", "error", "plan") shows the plan and
 * its visible view is on screen. */
static gboolean
lp_trace_plan_shown (void)
{
  const char *name;
  GtkWidget *view;

  if (lp_window_get_plan (trace->window) == NULL || lp_window_is_loading (trace->window))
    return FALSE;
  name = lp_window_get_visible_view (trace->window);
  view = name != NULL ? lp_window_get_view (trace->window, name) : NULL;
  if (view == NULL || !gtk_widget_get_mapped (view))
    return FALSE;
  for (GtkWidget *w = gtk_widget_get_parent (view); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_STACK (w) && gtk_stack_get_child_by_name (GTK_STACK (w), "plan") != NULL)
      {
        trace->top_stack = GTK_STACK (w);
        return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (w)), "plan") == 0;
      }
  return TRUE;
}

/* Views that compute on workers say so with a boolean "busy"; views that
 * compute in place have no such property and are never busy. */
static gboolean
lp_trace_has_busy (GtkWidget *view)
{
  GParamSpec *pspec;

  if (view == NULL)
    return FALSE;
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (view), "busy");
  return pspec != NULL && pspec->value_type == G_TYPE_BOOLEAN;
}

static gboolean
lp_trace_is_busy (GtkWidget *view)
{
  gboolean busy = FALSE;

  if (lp_trace_has_busy (view))
    g_object_get (view, "busy", &busy, NULL);
  return busy;
}

static gboolean
lp_trace_visible_view_busy (void)
{
  const char *name;

  if (trace->window == NULL)
    return FALSE;
  name = lp_window_get_visible_view (trace->window);
  return name != NULL && lp_trace_is_busy (lp_window_get_view (trace->window, name));
}

/* Filtering and sorting can go on in idle steps after the text changed. */
static gboolean
lp_trace_list_pending (void)
{
  GListModel *model = trace->list;

  while (model != NULL)
    {
      if (GTK_IS_FILTER_LIST_MODEL (model))
        {
          if (gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (model)) > 0)
            return TRUE;
          model = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (model));
        }
      else if (GTK_IS_SORT_LIST_MODEL (model))
        {
          if (gtk_sort_list_model_get_pending (GTK_SORT_LIST_MODEL (model)) > 0)
            return TRUE;
          model = gtk_sort_list_model_get_model (GTK_SORT_LIST_MODEL (model));
        }
      else if (GTK_IS_SINGLE_SELECTION (model))
        model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model));
      else if (GTK_IS_MULTI_SELECTION (model))
        model = gtk_multi_selection_get_model (GTK_MULTI_SELECTION (model));
      else if (GTK_IS_MULTI_SELECTION (model))
        model = gtk_multi_selection_get_model (GTK_MULTI_SELECTION (model));
      else if (GTK_IS_NO_SELECTION (model))
        model = gtk_no_selection_get_model (GTK_NO_SELECTION (model));
      else
        break;
    }
  return FALSE;
}

/* Settling: the action's work is over when its view is not busy, its list
 * is not filtering, the low-priority sources are reached (nothing of
 * higher priority is waiting) and no frame has been drawn for a while. */

static gboolean
lp_trace_settle_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();
  gboolean working = lp_trace_visible_view_busy () || lp_trace_list_pending ();
  gboolean quiet = now - trace->last_frame_us >= LP_TRACE_QUIET_US;
  gint64 waited = now - trace->settle_start_us;

  if (working && waited < LP_TRACE_BUSY_MAX_US)
    return G_SOURCE_CONTINUE;
  if (!quiet && !working && waited < LP_TRACE_QUIET_MAX_US)
    return G_SOURCE_CONTINUE;
  trace->timed_out = working || !quiet;
  trace->state = LP_TRACE_IDLE;
  trace->after_settle ();
  return G_SOURCE_REMOVE;
}

static void
lp_trace_settle (void (*then) (void))
{
  trace->state = LP_TRACE_SETTLE;
  trace->after_settle = then;
  trace->settle_start_us = g_get_monotonic_time ();
  g_timeout_add_full (G_PRIORITY_LOW, 10, lp_trace_settle_cb, NULL, NULL);
}

/* Start-up */

static guint
lp_trace_count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += lp_trace_count_widgets (child);
  return n;
}

static void
lp_trace_write_end (void)
{
  g_autofree char *status = NULL;
  GString *line = lp_trace_line_new ("end");
  gboolean first = TRUE;

  /* VmHWM: the process's peak resident set, whatever the allocator freed. */
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    {
      for (const char *key = strstr (status, "VmHWM:"); key != NULL; key = NULL)
        g_string_append_printf (line, ",\"vmhwm_kb\":%" G_GINT64_FORMAT,
                                g_ascii_strtoll (key + strlen ("VmHWM:"), NULL, 10));
      for (const char *key = strstr (status, "VmRSS:"); key != NULL; key = NULL)
        g_string_append_printf (line, ",\"vmrss_kb\":%" G_GINT64_FORMAT,
                                g_ascii_strtoll (key + strlen ("VmRSS:"), NULL, 10));
    }
  g_string_append_printf (line, ",\"frames\":%u", trace->n_frames);

  /* How many widgets each view holds: what memory and layout scale with. */
  g_string_append (line, ",\"widgets\":{");
  for (guint i = 0; trace->window != NULL && i < trace->actions->len; i++)
    {
      LpTraceAction *action = g_ptr_array_index (trace->actions, i);
      GtkWidget *view;

      if (action->kind != LP_TRACE_SWITCH || !action->report)
        continue;
      view = lp_window_get_view (trace->window, action->arg);
      if (view == NULL)
        continue;
      if (!first)
        g_string_append_c (line, ',');
      first = FALSE;
      lp_trace_append_string (line, action->arg);
      g_string_append_printf (line, ":%u", lp_trace_count_widgets (view));
    }
  if (trace->window != NULL)
    g_string_append_printf (line, "%s\"window\":%u", first ? "" : ",",
                            lp_trace_count_widgets (GTK_WIDGET (trace->window)));
  g_string_append_c (line, '}');
  lp_trace_line_write (line);
}

static void
lp_trace_started (void)
{
  gint64 now = g_get_monotonic_time ();
  GString *line = lp_trace_line_new ("start");

  lp_trace_append_ms (line, "ready_ms", now - trace->t0_us);
  lp_trace_append_ms (line, "stall_ms", trace->phase_stall_us);
  g_string_append_printf (line, ",\"timed_out\":%s", trace->timed_out ? "true" : "false");
  lp_trace_line_write (line);

  if (trace->actions->len == 0)
    {
      lp_trace_write_end ();
      return;
    }
  /* A blinking cursor repaints the window for ever: the script waits for
   * a quiet window after each keystroke. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  lp_trace_next_action ();
}

/* Actions */

static void
lp_trace_busy_changed (GtkWidget  *view,
                       GParamSpec *pspec,
                       gpointer    user_data)
{
  if (view != trace->busy_view || trace->action == NULL)
    return;
  if (lp_trace_is_busy (view))
    {
      trace->busy_seen = TRUE;
      trace->figures_pending = FALSE;
      trace->figures_us = -1;
    }
  else
    trace->figures_pending = TRUE;
}

static void
lp_trace_list_changed (GListModel *list,
                       guint       position,
                       guint       removed,
                       guint       added,
                       gpointer    user_data)
{
  if (trace->action == NULL)
    return;
  trace->list_changed = TRUE;
  trace->list_pending = TRUE;
}

static void
lp_trace_action_done (void)
{
  LpTraceAction *action = trace->action;
  GString *line = NULL;

  switch (action->kind)
    {
    case LP_TRACE_SWITCH:
      line = lp_trace_line_new (action->report ? "switch" : "prepare");
      g_string_append (line, ",\"view\":");
      lp_trace_append_string (line, action->arg);
      lp_trace_append_ms (line, "drawn_ms", trace->drawn_us - trace->action_us);
      g_string_append_printf (line, ",\"has_busy\":%s,\"was_busy\":%s",
                              lp_trace_has_busy (trace->busy_view) ? "true" : "false",
                              trace->busy_seen ? "true" : "false");
      /* Figures are in at the first frame after "busy" dropped, or with
       * the switch's own frame when the view was never busy. */
      if (!lp_trace_has_busy (trace->busy_view))
        lp_trace_append_ms (line, "figures_ms", -1);
      else if (!trace->busy_seen)
        lp_trace_append_ms (line, "figures_ms", trace->drawn_us - trace->action_us);
      else
        lp_trace_append_ms (line, "figures_ms",
                            trace->figures_us < 0 ? -1 : trace->figures_us - trace->action_us);
      break;

    case LP_TRACE_SEARCH:
      line = lp_trace_line_new ("search");
      lp_trace_append_ms (line, "drawn_ms", trace->drawn_us - trace->action_us);
      break;

    case LP_TRACE_INSERT:
    case LP_TRACE_DELETE:
      line = lp_trace_line_new ("key");
      g_string_append (line, ",\"op\":");
      lp_trace_append_string (line, action->kind == LP_TRACE_INSERT ? "insert" : "backspace");
      g_string_append (line, ",\"text\":");
      lp_trace_append_string (line, trace->entry ? gtk_editable_get_text (trace->entry) : "");
      lp_trace_append_ms (line, "echo_ms", trace->drawn_us - trace->action_us);
      /* The list as filtered is on screen at the frame after its last
       * change; a keystroke that changed no row is filtered at its echo. */
      if (trace->list_changed)
        {
          lp_trace_append_ms (line, "filtered_ms", trace->list_last_us - trace->action_us);
          lp_trace_append_ms (line, "filtered_first_ms", trace->list_first_us - trace->action_us);
        }
      else
        lp_trace_append_ms (line, "filtered_ms", trace->drawn_us - trace->action_us);
      g_string_append_printf (line, ",\"list_changed\":%s,\"rows\":%u",
                              trace->list_changed ? "true" : "false",
                              trace->list ? g_list_model_get_n_items (trace->list) : 0);
      break;

    default:
      g_assert_not_reached ();
    }
  /* The last frame before idle: everything the step changed is drawn,
   * whether the view filled itself in the switch, in an idle after it or
   * on a worker. */
  lp_trace_append_ms (line, "last_frame_ms",
                      trace->drawn_us < 0 ? -1 : MAX (trace->last_frame_us, trace->drawn_us) - trace->action_us);
  if (trace->drawn_us < 0)
    g_string_append (line, ",\"no_frame\":true");
  /* When it began and settled, to line a profile up with the action. */
  lp_trace_append_ms (line, "at_ms", trace->action_us - trace->t0_us);
  lp_trace_append_ms (line, "until_ms", g_get_monotonic_time () - trace->t0_us);
  lp_trace_append_ms (line, "stall_ms", trace->phase_stall_us);
  g_string_append_printf (line, ",\"timed_out\":%s", trace->timed_out ? "true" : "false");
  lp_trace_line_write (line);
  trace->action = NULL;
  lp_trace_next_action ();
}

/* An action that changed nothing on screen draws no frame: give up. */
static gboolean
lp_trace_wait_drawn_cb (gpointer user_data)
{
  if (trace->state != LP_TRACE_WAIT_DRAWN)
    return G_SOURCE_REMOVE;
  if (g_get_monotonic_time () - trace->action_end_us < LP_TRACE_FRAME_MAX_US)
    return G_SOURCE_CONTINUE;
  trace->drawn_us = -1;
  lp_trace_settle (lp_trace_action_done);
  return G_SOURCE_REMOVE;
}

static gboolean
lp_trace_find_list (void)
{
  GtkWidget *view = lp_window_get_view (trace->window, "practices");
  GtkWidget *entry;
  GtkWidget *list;

  if (trace->entry != NULL)
    return TRUE;
  if (view == NULL)
    return FALSE;
  /* The search the view's Ctrl+F reveals: the one in its search bar. */
  entry = lp_trace_find_descendant (view, lp_trace_is_search_bar);
  entry = lp_trace_find_descendant (entry != NULL ? entry : view, lp_trace_is_search_entry);
  trace->entry = entry != NULL ? GTK_EDITABLE (entry) : NULL;
  list = lp_trace_find_descendant (view, lp_trace_is_list);
  if (GTK_IS_COLUMN_VIEW (list))
    trace->list = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (list)));
  else if (GTK_IS_LIST_VIEW (list))
    trace->list = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  else if (GTK_IS_GRID_VIEW (list))
    trace->list = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list)));
  if (trace->list != NULL)
    g_signal_connect (trace->list, "items-changed", G_CALLBACK (lp_trace_list_changed), NULL);
  return trace->entry != NULL;
}

static void
lp_trace_run (LpTraceAction *action)
{
  GtkWidget *window = GTK_WIDGET (trace->window);
  int length;

  switch (action->kind)
    {
    case LP_TRACE_SWITCH:
      trace->busy_view = lp_window_get_view (trace->window, action->arg);
      gtk_widget_activate_action (window, "win.show-view", "s", action->arg);
      if (lp_trace_is_busy (trace->busy_view))
        trace->busy_seen = TRUE;
      break;

    case LP_TRACE_SEARCH:
      /* Ctrl+F: the practices view's own action reveals and focuses it. */
      gtk_widget_activate_action (lp_window_get_view (trace->window, "practices"),
                                  "view.search", NULL);
      break;

    case LP_TRACE_INSERT:
      length = g_utf8_strlen (gtk_editable_get_text (trace->entry), -1);
      gtk_editable_insert_text (trace->entry, action->arg, -1, &length);
      gtk_editable_set_position (trace->entry, length);
      break;

    case LP_TRACE_DELETE:
      length = g_utf8_strlen (gtk_editable_get_text (trace->entry), -1);
      if (length > 0)
        gtk_editable_delete_text (trace->entry, length - 1, length);
      break;

    default:
      g_assert_not_reached ();
    }
}

static const char *
lp_trace_kind_phase (LpTraceKind kind)
{
  switch (kind)
    {
    case LP_TRACE_SWITCH: return "switch";
    case LP_TRACE_SEARCH: return "search";
    case LP_TRACE_INSERT:
    case LP_TRACE_DELETE: return "typing";
    default: g_assert_not_reached ();
    }
  return NULL;
}

static void
lp_trace_next_action (void)
{
  LpTraceAction *action;
  g_autofree char *phase = NULL;

  if (trace->window == NULL || trace->next_action >= trace->actions->len)
    {
      lp_trace_set_phase ("end");
      lp_trace_write_end ();
      g_application_quit (G_APPLICATION (trace->application));
      return;
    }
  action = g_ptr_array_index (trace->actions, trace->next_action++);
  if (action->kind == LP_TRACE_SWITCH && lp_window_get_view (trace->window, action->arg) == NULL)
    {
      GString *line = lp_trace_line_new ("missing");

      g_string_append (line, ",\"view\":");
      lp_trace_append_string (line, action->arg);
      lp_trace_line_write (line);
      lp_trace_next_action ();
      return;
    }
  if (action->kind != LP_TRACE_SWITCH && !lp_trace_find_list ())
    {
      GString *line = lp_trace_line_new ("missing");

      g_string_append (line, ",\"view\":\"practices search\"");
      lp_trace_line_write (line);
      trace->next_action = trace->actions->len;
      lp_trace_next_action ();
      return;
    }

  phase = action->kind == LP_TRACE_SWITCH
          ? g_strconcat (action->report ? "switch:" : "prepare:", action->arg, NULL)
          : g_strdup (lp_trace_kind_phase (action->kind));
  lp_trace_set_phase (phase);
  trace->action = action;
  trace->busy_view = NULL;
  trace->busy_seen = FALSE;
  trace->figures_pending = FALSE;
  trace->figures_us = -1;
  trace->list_changed = FALSE;
  trace->list_pending = FALSE;
  trace->list_first_us = -1;
  trace->list_last_us = -1;
  trace->drawn_us = -1;
  trace->timed_out = FALSE;
  trace->state = LP_TRACE_WAIT_DRAWN;

  trace->action_us = g_get_monotonic_time ();
  lp_trace_run (action);
  trace->action_end_us = g_get_monotonic_time ();
  g_timeout_add_full (G_PRIORITY_LOW, 100, lp_trace_wait_drawn_cb, NULL, NULL);
}

/* Frames */

static gboolean
lp_trace_render_hook (GSignalInvocationHint *hint,
                      guint                  n_values,
                      const GValue          *values,
                      gpointer               user_data)
{
  if (trace->surface != NULL && g_value_get_object (&values[0]) == (gpointer) trace->surface)
    trace->drew = TRUE;
  return TRUE;
}

static void
lp_trace_after_paint (GdkFrameClock *clock,
                      gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (!trace->drew)
    return;
  trace->drew = FALSE;
  trace->n_frames++;
  trace->last_frame_us = now;

  if (trace->first_frame_us == 0)
    {
      GString *line = lp_trace_line_new ("first-frame");

      trace->first_frame_us = now;
      lp_trace_append_ms (line, "ms", now - trace->t0_us);
      lp_trace_append_ms (line, "stall_ms", trace->phase_stall_us);
      lp_trace_line_write (line);
      lp_trace_set_phase ("start");
    }

  if (trace->figures_pending)
    {
      trace->figures_pending = FALSE;
      trace->figures_us = now;
    }
  if (trace->list_pending)
    {
      trace->list_pending = FALSE;
      if (trace->list_first_us < 0)
        trace->list_first_us = now;
      trace->list_last_us = now;
    }

  switch (trace->state)
    {
    case LP_TRACE_WAIT_PLAN:
      if (lp_trace_plan_shown ())
        {
          GString *line = lp_trace_line_new ("plan-frame");

          lp_trace_append_ms (line, "ms", now - trace->t0_us);
          g_string_append (line, ",\"view\":");
          lp_trace_append_string (line, lp_window_get_visible_view (trace->window));
          lp_trace_line_write (line);
          lp_trace_settle (lp_trace_started);
        }
      break;

    case LP_TRACE_WAIT_DRAWN:
      trace->drawn_us = now;
      lp_trace_settle (lp_trace_action_done);
      break;

    case LP_TRACE_SETTLE:
    case LP_TRACE_IDLE:
    default:
      break;
    }

  /* The first frame with the plan may be the first of a crossfade from
   * the spinner: also when the plan is all there is to see. */
  if (trace->state != LP_TRACE_WAIT_PLAN && !trace->plan_complete &&
      (trace->top_stack == NULL || !gtk_stack_get_transition_running (trace->top_stack)))
    {
      GString *line = lp_trace_line_new ("plan-complete");

      trace->plan_complete = TRUE;
      lp_trace_append_ms (line, "ms", now - trace->t0_us);
      lp_trace_line_write (line);
    }
}

static void
lp_trace_window_realized (GtkWidget *widget,
                          gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  trace->surface = gtk_native_get_surface (GTK_NATIVE (widget));
  g_signal_connect (clock, "after-paint", G_CALLBACK (lp_trace_after_paint), NULL);
}

static void
lp_trace_window_added (GtkApplication *application,
                       GtkWindow      *window,
                       gpointer        user_data)
{
  /* The first plan window only: the one the command line opened. */
  if (trace->window != NULL || !LP_IS_WINDOW (window))
    return;
  g_set_weak_pointer (&trace->window, LP_WINDOW (window));
  g_signal_connect_after (window, "realize", G_CALLBACK (lp_trace_window_realized), NULL);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    lp_trace_window_realized (GTK_WIDGET (window), NULL);

  for (guint i = 0; i < trace->actions->len; i++)
    {
      LpTraceAction *action = g_ptr_array_index (trace->actions, i);
      GtkWidget *view;

      if (action->kind != LP_TRACE_SWITCH)
        continue;
      view = lp_window_get_view (LP_WINDOW (window), action->arg);
      if (lp_trace_has_busy (view))
        g_signal_connect (view, "notify::busy", G_CALLBACK (lp_trace_busy_changed), NULL);
    }
}

/* "views=a,b;type=Practice 01;backspace=3": the views in the order to
 * switch to, then what to type in the practices' search. */
static void
lp_trace_parse_script (const char *script)
{
  g_auto(GStrv) parts = g_strsplit (script, ";", -1);
  const char *last_view = NULL;
  g_auto(GStrv) views = NULL;
  const char *type = NULL;
  guint backspaces = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_has_prefix (parts[i], "views="))
        {
          g_strfreev (views);
          views = g_strsplit (parts[i] + strlen ("views="), ",", -1);
        }
      else if (g_str_has_prefix (parts[i], "type="))
        type = parts[i] + strlen ("type=");
      else if (g_str_has_prefix (parts[i], "backspace="))
        backspaces = g_ascii_strtoull (parts[i] + strlen ("backspace="), NULL, 10);
    }

  for (guint i = 0; views != NULL && views[i] != NULL; i++)
    if (*views[i] != '\0')
      {
        lp_trace_add_action (LP_TRACE_SWITCH, views[i], TRUE);
        last_view = views[i];
      }
  if ((type == NULL || *type == '\0') && backspaces == 0)
    return;
  if (g_strcmp0 (last_view, "practices") != 0)
    lp_trace_add_action (LP_TRACE_SWITCH, "practices", FALSE);
  lp_trace_add_action (LP_TRACE_SEARCH, NULL, TRUE);
  for (const char *p = type; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      char c[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), c);
      lp_trace_add_action (LP_TRACE_INSERT, c, TRUE);
    }
  for (guint i = 0; i < backspaces; i++)
    lp_trace_add_action (LP_TRACE_DELETE, NULL, TRUE);
}

/**
 * lp_trace_init:
 *
 * With LP_TRACE set, watches the first plan window of @application and
 * writes its timings there (see the top of this file); otherwise does
 * nothing.
 */
void
lp_trace_init (GtkApplication *application)
{
  const char *path = g_getenv ("LP_TRACE");
  const char *t0 = g_getenv ("LP_TRACE_T0_NS");
  const char *script = g_getenv ("LP_TRACE_SCRIPT");
  FILE *out;
  GString *line;

  if (path == NULL || *path == '\0' || trace != NULL)
    return;
  out = fopen (path, "w");
  if (out == NULL)
    {
      g_warning ("Cannot write the trace to %s: %s", path, g_strerror (errno));
      return;
    }

  trace = g_new0 (LpTrace, 1);
  trace->application = application;
  trace->out = out;
  trace->t0_us = g_get_monotonic_time ();
  if (t0 != NULL && *t0 != '\0')
    trace->t0_us = g_ascii_strtoll (t0, NULL, 10) / 1000;
  trace->actions = g_ptr_array_new_with_free_func (lp_trace_action_free);
  trace->state = LP_TRACE_WAIT_PLAN;
  trace->last_frame_us = 0;
  if (script != NULL)
    lp_trace_parse_script (script);

  line = lp_trace_line_new ("init");
  lp_trace_append_ms (line, "ms", g_get_monotonic_time () - trace->t0_us);
  g_string_append_printf (line, ",\"t0_given\":%s,\"t0_us\":%" G_GINT64_FORMAT,
                          t0 != NULL ? "true" : "false", trace->t0_us);
  lp_trace_line_write (line);

  lp_trace_set_phase ("launch");
  trace->watch_last_us = g_get_monotonic_time ();
  g_timeout_add_full (G_PRIORITY_HIGH, LP_TRACE_WATCH_MS, lp_trace_watch_cb, NULL, NULL);
  g_type_class_ref (GDK_TYPE_SURFACE);
  g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                              lp_trace_render_hook, NULL, NULL);
  g_signal_connect (application, "window-added", G_CALLBACK (lp_trace_window_added), NULL);
}
