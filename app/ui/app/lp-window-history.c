/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undo and redo of a step kept as a copy of the plan (a large import), on
 * a worker thread.  Putting the copy back writes every page of the plan,
 * which for a large plan would freeze the window; so the window lends its
 * undo history to a connection of the worker's own, which undoes (or
 * redoes) the step there and hands the history back.  The window says
 * what it is doing and takes no edits meanwhile, then opens the plan
 * again, as after an import, with the history carried on. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-history.h"
#include "lp-window-private.h"

typedef struct {
  char        *plan_path;
  LpPlanSteps *steps;   /* the window's, lent to the worker and back */
  gboolean     undo;
} LpHistoryJob;

static void
lp_history_job_free (LpHistoryJob *job)
{
  g_free (job->plan_path);
  lp_plan_steps_free (job->steps);
  g_free (job);
}

static void
lp_window_history_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  LpHistoryJob *job = task_data;
  GError *error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (job->plan_path, LP_PLAN_OPEN_DEFAULT, &error);
  gboolean done;

  if (plan == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  lp_plan_add_history (plan, g_steal_pointer (&job->steps));
  done = job->undo ? lp_plan_undo (plan, &error) : lp_plan_redo (plan, &error);
  /* Moved a step on success, unchanged on failure: the window gets it
   * back either way. */
  job->steps = lp_plan_steal_history (plan);
  lp_plan_close (plan);
  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * lp_window_set_working:
 * @text: (nullable): what the window is doing, "Undoing “Import …”…"
 *
 * With @text, says it (until the work is done) and takes no edits, while
 * another connection writes the plan file; with %NULL, takes edits again.
 */
void
lp_window_set_working (LpWindow   *self,
                       const char *text)
{
  gboolean busy = text != NULL;

  if (self->restore_toast != NULL)
    adw_toast_dismiss (self->restore_toast);
  g_clear_object (&self->restore_toast);
  if (busy)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      self->restore_toast = g_object_ref (adw_toast_new (escaped));
      adw_toast_set_timeout (self->restore_toast, 0);
      /* Shown at once, not behind the import's own toast. */
      adw_toast_set_priority (self->restore_toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->restore_toast));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->leaflet), !busy);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), busy ? "progress" : NULL);
  lp_window_update_actions (self);
}

static void
lp_window_history_done (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  LpWindow *self = LP_WINDOW (object);
  LpHistoryJob *job = g_task_get_task_data (G_TASK (result));
  LpPlanSteps *steps = g_steal_pointer (&job->steps);
  g_autoptr(GError) error = NULL;
  gboolean done = g_task_propagate_boolean (G_TASK (result), &error);

  /* The window is going away: nothing left to give the history to. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      lp_plan_steps_free (steps);
      return;
    }
  g_clear_object (&self->history_cancellable);
  lp_window_set_working (self, NULL);
  if (self->plan == NULL || g_strcmp0 (lp_plan_get_path (self->plan), job->plan_path) != 0)
    {
      lp_plan_steps_free (steps);
      return;
    }
  if (done)
    {
      /* The window's connection has not seen the worker's change: it opens
       * the file again, staying on the same view, with the history. */
      lp_window_reload_after (self, steps);
      return;
    }
  /* Nothing changed: the history is as it was, and the toast says why. */
  lp_plan_add_history (self->plan, steps);
  lp_window_toast (self, error->message);
}

/**
 * lp_window_move_history_async:
 * @undo: %TRUE to undo the newest step, %FALSE to redo the one most
 *   recently undone
 *
 * Undoes or redoes, on a worker thread, a step kept as a copy of the plan
 * (lp_plan_next_undo_is_copy()); lp_window_is_busy() is %TRUE until the
 * window has the plan, and its history, again.
 */
void
lp_window_move_history_async (LpWindow *self,
                              gboolean  undo)
{
  g_autoptr(GTask) task = NULL;
  LpHistoryJob *job;
  const char *label;
  g_autofree char *text = NULL;

  g_return_if_fail (LP_IS_WINDOW (self));
  g_return_if_fail (self->plan != NULL && self->history_cancellable == NULL);

  label = undo ? lp_plan_get_undo_label (self->plan) : lp_plan_get_redo_label (self->plan);
  /* Translators: %s says what the step did, "Import gp-reg-pat-prac-all.csv" */
  text = g_strdup_printf (undo ? _("Undoing “%s”…") : _("Redoing “%s”…"), label);
  job = g_new0 (LpHistoryJob, 1);
  job->plan_path = g_strdup (lp_plan_get_path (self->plan));
  job->undo = undo;
  job->steps = lp_plan_steal_history (self->plan);
  self->history_cancellable = g_cancellable_new ();
  lp_window_set_working (self, text);

  task = g_task_new (self, self->history_cancellable, lp_window_history_done, NULL);
  g_task_set_source_tag (task, lp_window_move_history_async);
  g_task_set_task_data (task, job, (GDestroyNotify) lp_history_job_free);
  /* Once begun, the copy is put back whole: the result always comes. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, lp_window_history_thread);
}
