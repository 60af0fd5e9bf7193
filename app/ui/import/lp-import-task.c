/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs lp_plan_import() on a worker thread.  An SQLite connection may be
 * used by one thread at a time, so the worker opens a connection of its
 * own to the plan file and closes it when done; the window's connection
 * waits (busy_timeout) while the worker writes.  The worker never touches
 * a widget: progress goes to the main thread through an idle callback,
 * and only the latest figures are kept, so a fast import cannot flood the
 * main loop with updates it has no time to draw. */
#include "config.h"

#include "lp-import-task.h"

typedef struct {
  char                 *plan_path;
  char                 *file_path;
  char                 *commissioner;
  char                 *table;
  char                 *weights_name;
  char                 *as_at;
  LpImportOptions       options;   /* its strings point at the two above */
  GCancellable         *cancellable;
  GMainContext         *context;   /* where progress is reported */
  LpImportTaskProgress  progress;
  gpointer              progress_data;

  GMutex                lock;      /* guards the three below */
  guint64               rows_read;
  guint64               bytes_read;
  guint64               bytes_total;
  gboolean              pending;   /* an idle is on its way */
} LpImportJob;

static void
lp_import_job_free (LpImportJob *job)
{
  g_free (job->plan_path);
  g_free (job->file_path);
  g_free (job->commissioner);
  g_free (job->weights_name);
  g_free (job->as_at);
  g_free (job->table);
  g_clear_object (&job->cancellable);
  g_main_context_unref (job->context);
  g_mutex_clear (&job->lock);
  g_free (job);
}

void
lp_import_outcome_free (LpImportOutcome *outcome)
{
  if (outcome == NULL)
    return;
  lp_import_report_free (outcome->report);
  lp_plan_steps_free (outcome->history);
  g_free (outcome);
}

/* Main thread: the task (and so the job) is kept alive by the idle. */
static gboolean
lp_import_job_report_progress (gpointer data)
{
  GTask *task = data;
  LpImportJob *job = g_task_get_task_data (task);
  guint64 rows, done, total;

  g_mutex_lock (&job->lock);
  rows = job->rows_read;
  done = job->bytes_read;
  total = job->bytes_total;
  job->pending = FALSE;
  g_mutex_unlock (&job->lock);
  if (job->progress != NULL && !g_cancellable_is_cancelled (job->cancellable))
    job->progress (rows, done, total, job->progress_data);
  return G_SOURCE_REMOVE;
}

/* Worker thread: called by the importer every few thousand rows. */
static gboolean
lp_import_job_progress_cb (guint64  rows_read,
                           guint64  bytes_read,
                           guint64  bytes_total,
                           gpointer user_data)
{
  GTask *task = user_data;
  LpImportJob *job = g_task_get_task_data (task);
  gboolean schedule;

  if (g_cancellable_is_cancelled (job->cancellable))
    return FALSE;
  g_mutex_lock (&job->lock);
  job->rows_read = rows_read;
  job->bytes_read = bytes_read;
  job->bytes_total = bytes_total;
  schedule = !job->pending;
  job->pending = TRUE;
  g_mutex_unlock (&job->lock);
  if (schedule)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_callback (source, lp_import_job_report_progress, g_object_ref (task),
                             g_object_unref);
      g_source_set_static_name (source, "[locality-planner] import progress");
      g_source_attach (source, job->context);
    }
  return TRUE;
}

static LpImportOutcome *
lp_import_job_run (GTask        *task,
                   LpImportJob  *job,
                   GError      **error)
{
  g_autoptr(LpPlan) plan = lp_plan_open (job->plan_path, LP_PLAN_OPEN_DEFAULT, error);
  g_autoptr(LpImportOutcome) outcome = g_new0 (LpImportOutcome, 1);
  LpPlanSummary summary = { 0 };

  if (plan == NULL)
    return NULL;
  outcome->report = lp_plan_import (plan, job->file_path, &job->options,
                                    lp_import_job_progress_cb, task, error);
  if (outcome->report == NULL)
    return NULL;
  /* Only for the wording ("54 of the plan’s 57 practices…"): a failure
   * here changes nothing that was imported. */
  if (lp_plan_get_summary (plan, &summary, NULL))
    outcome->plan_practices = summary.practices;
  outcome->history = lp_plan_steal_history (plan);
  lp_plan_close (plan);
  return g_steal_pointer (&outcome);
}

static void
lp_import_task_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GError *error = NULL;
  LpImportOutcome *outcome = lp_import_job_run (task, task_data, &error);

  if (outcome == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, outcome, (GDestroyNotify) lp_import_outcome_free);
}

static LpImportJob *
lp_import_job_new (const char            *plan_path,
                   const char            *file_path,
                   const LpImportOptions *options,
                   GCancellable          *cancellable)
{
  LpImportJob *job = g_new0 (LpImportJob, 1);

  job->plan_path = g_strdup (plan_path);
  job->file_path = g_strdup (file_path);
  job->commissioner = g_strdup (options->commissioner);
  job->table = g_strdup (options->table);
  job->options = *options;
  job->options.commissioner = job->commissioner;
  job->options.table = job->table;
  job->weights_name = g_strdup (options->weights_name);
  job->as_at = g_strdup (options->as_at);
  job->options.weights_name = job->weights_name;
  job->options.as_at = job->as_at;
  /* The worker polls this to cancel, so there always is one. */
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  job->context = g_main_context_ref_thread_default ();
  g_mutex_init (&job->lock);
  return job;
}

/**
 * lp_import_task_run_async:
 * @plan_path: the plan file; the worker opens its own connection to it
 * @options: copied, strings and all
 * @cancellable: (nullable): cancels at the importer's next progress point,
 *   which leaves the plan unchanged
 * @progress: (nullable): told the bytes read and the file's size, on the
 *   thread that called this, until @cancellable is cancelled; at idle
 *   priority, so that the redraws it asks for come first, which means the
 *   last of it may arrive after the result
 *
 * Imports @file_path into the plan on a worker thread.  The result is what
 * really happened: an import cancelled too late to stop is reported as
 * done, since it was.
 */
void
lp_import_task_run_async (gpointer               source_object,
                          const char            *plan_path,
                          const char            *file_path,
                          const LpImportOptions *options,
                          GCancellable          *cancellable,
                          LpImportTaskProgress   progress,
                          gpointer               progress_data,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  LpImportJob *job;

  g_return_if_fail (plan_path != NULL && file_path != NULL && options != NULL);

  job = lp_import_job_new (plan_path, file_path, options, cancellable);
  job->progress = progress;
  job->progress_data = progress_data;
  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, lp_import_task_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) lp_import_job_free);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, lp_import_task_thread);
}

/**
 * lp_import_task_run_finish:
 *
 * Returns: (transfer full): the report and the plan's practice count, or
 *   %NULL with @error set (%G_IO_ERROR_CANCELLED after a cancel); either
 *   way a failed import has changed nothing
 */
LpImportOutcome *
lp_import_task_run_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
lp_import_task_peek_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  const char *path = g_object_get_data (G_OBJECT (task), "lp-path");
  guint max_rows = GPOINTER_TO_UINT (task_data);
  GError *error = NULL;
  LpImportPeek *peek = lp_import_peek (path, max_rows, &error);

  if (peek == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, peek, (GDestroyNotify) lp_import_peek_free);
}

/**
 * lp_import_task_peek_async:
 *
 * Reads the kind and the first @max_rows rows of @file_path on a worker
 * thread: a zip must be inflated, and a damaged file may have a very long
 * first field, so even this can take longer than a frame.
 */
void
lp_import_task_peek_async (gpointer             source_object,
                           const char          *file_path,
                           guint                max_rows,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (file_path != NULL);

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, lp_import_task_peek_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (max_rows), NULL);
  g_object_set_data_full (G_OBJECT (task), "lp-path", g_strdup (file_path), g_free);
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, lp_import_task_peek_thread);
}

LpImportPeek *
lp_import_task_peek_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
