/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Activity Plan's locality inputs, driven through the window (see
 * lp-test-actloc.h). */
#include "config.h"

#include "lp-test-actloc.h"
#include "lp-test-util.h"

typedef struct {
  LpActivityView *view;
  gint64          locality_id;
} LocalityWait;

static gboolean
shows_locality (gpointer data)
{
  LocalityWait *wait = data;

  return !lp_view_get_busy (LP_VIEW (wait->view)) &&
         lp_activity_view_get_locality (wait->view) == wait->locality_id &&
         lp_activity_view_get_line_cell (wait->view, "Total Elective Admissions", LP_ACTIVITY_COLUMN_GROWTH) != NULL;
}

LpActivityView *
lp_test_actloc_choose (LpWindow   *window,
                       const char *locality)
{
  LpActivityView *view = LP_ACTIVITY_VIEW (lp_test_show_view (window, "activity"));
  gboolean whole = g_strcmp0 (locality, "Whole plan") == 0;
  LocalityWait wait = { view, whole ? 0 : lp_plan_find_locality (lp_window_get_plan (window), locality) };
  g_autofree char *what = g_strdup_printf ("the Activity Plan to show %s", locality);

  g_assert_true (whole || wait.locality_id != 0);
  g_assert_true (lp_activity_view_select_locality (view, locality));
  lp_test_wait_until (shows_locality, &wait, what);
  return view;
}

static char *
actloc_enter (LpWindow         *window,
              const char       *locality,
              const char       *line,
              LpActivityColumn  column,
              const char       *text)
{
  LpActivityView *view = lp_test_actloc_choose (window, locality);
  const char *message;

  g_assert_true (lp_activity_view_enter (view, line, column, text));
  /* Core saves or refuses as Enter is pressed; the figures come after. */
  message = lp_activity_view_get_line_error (view, line);
  if (message != NULL)
    return g_strdup (message);
  lp_test_wait_view (GTK_WIDGET (view));
  return NULL;
}

char *
lp_test_actloc_set_outturn (LpWindow   *window,
                            const char *locality,
                            const char *line,
                            const char *text)
{
  return actloc_enter (window, locality, line, LP_ACTIVITY_COLUMN_BASELINE, text);
}

char *
lp_test_actloc_set_growth (LpWindow   *window,
                           const char *locality,
                           const char *line,
                           const char *text)
{
  return actloc_enter (window, locality, line, LP_ACTIVITY_COLUMN_GROWTH, text);
}
