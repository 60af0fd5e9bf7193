/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plan Settings and the Activity Plan's inputs, driven through the
 * window (see lp-test-settings.h). */
#include "config.h"

#include "lp-activity-view.h"
#include "lp-plan-settings-dialog.h"
#include "lp-qipp-dialog.h"
#include "lp-test-settings.h"
#include "lp-test-util.h"

/* Presses Save; NULL once the dialog closed, or the first message it
 * shows (under @keys' fields, or at the top), after closing it. */
static char *
save_dialog (LpEditDialog       *dialog,
             const char * const *keys)
{
  g_autofree char *message = NULL;

  g_object_ref (dialog);
  if (lp_edit_dialog_save (dialog))
    {
      lp_test_wait_closed (dialog);
      g_object_unref (dialog);
      return NULL;
    }
  for (guint i = 0; keys[i] != NULL && message == NULL; i++)
    message = g_strdup (lp_edit_dialog_get_error (dialog, keys[i]));
  if (message == NULL)
    message = g_strdup (lp_edit_dialog_get_error (dialog, NULL));
  gtk_window_close (GTK_WINDOW (dialog));
  lp_test_wait_closed (dialog);
  g_object_unref (dialog);
  return message != NULL ? g_steal_pointer (&message) : g_strdup ("(refused with no message)");
}

static LpEditDialog *
open_settings (LpWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.plan-settings", NULL));
  return LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_PLAN_SETTINGS_DIALOG));
}

char *
lp_test_settings_set (LpWindow   *window,
                      const char *key,
                      const char *text)
{
  LpEditDialog *dialog = open_settings (window);
  const char *keys[] = { key, NULL };

  lp_edit_dialog_set_text (dialog, key, text);
  return save_dialog (dialog, keys);
}

void
lp_test_settings_set_year (LpWindow   *window,
                           const char *financial_year,
                           const char *reference_date)
{
  LpEditDialog *dialog = open_settings (window);
  const char *keys[] = { LP_SETTING_FIRST_YEAR, LP_SETTING_REFERENCE_DATE, NULL };
  g_autofree char *message = NULL;

  lp_edit_dialog_set_text (dialog, LP_SETTING_FIRST_YEAR, financial_year);
  lp_edit_dialog_set_text (dialog, LP_SETTING_REFERENCE_DATE, reference_date);
  message = save_dialog (dialog, keys);
  g_assert_null (message);
}

static gboolean
activity_has_lines (gpointer view)
{
  return !lp_view_get_busy (view) &&
         lp_activity_view_get_line_cell (view, "Total Elective Admissions", LP_ACTIVITY_COLUMN_GROWTH) != NULL;
}

static LpActivityView *
show_activity (LpWindow *window)
{
  GtkWidget *view = lp_test_show_view (window, "activity");

  lp_test_wait_until (activity_has_lines, view, "the Activity Plan to show its lines");
  return LP_ACTIVITY_VIEW (view);
}

static char *
activity_enter (LpWindow         *window,
                const char       *line,
                LpActivityColumn  column,
                const char       *text)
{
  LpActivityView *view = show_activity (window);
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
lp_test_activity_set_outturn (LpWindow   *window,
                              const char *line,
                              const char *text)
{
  return activity_enter (window, line, LP_ACTIVITY_COLUMN_BASELINE, text);
}

char *
lp_test_activity_set_growth (LpWindow   *window,
                             const char *line,
                             const char *text)
{
  return activity_enter (window, line, LP_ACTIVITY_COLUMN_GROWTH, text);
}

char *
lp_test_activity_add_qipp (LpWindow   *window,
                           const char *name,
                           const char *pod,
                           const char *activity,
                           const char *saving)
{
  LpActivityView *view = show_activity (window);
  g_autofree char *activity_key = g_strdup_printf ("activity:%s", pod);
  g_autofree char *saving_key = g_strdup_printf ("saving:%s", pod);
  const char *keys[] = { LP_FIELD_NAME, activity_key, saving_key, NULL };
  LpEditDialog *dialog;
  char *message;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "activity.add-qipp", NULL));
  dialog = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_QIPP_DIALOG));
  lp_edit_dialog_set_text (dialog, LP_FIELD_NAME, name);
  if (activity != NULL)
    lp_edit_dialog_set_text (dialog, activity_key, activity);
  if (saving != NULL)
    lp_edit_dialog_set_text (dialog, saving_key, saving);
  message = save_dialog (dialog, keys);
  if (message == NULL)
    lp_test_wait_view (GTK_WIDGET (view));
  return message;
}
