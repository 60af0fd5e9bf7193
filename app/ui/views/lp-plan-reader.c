/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One worker thread per open plan (see lp-plan-reader.h).  The thread owns
 * its connection from start to end and takes jobs from a queue; when the
 * plan goes away it is sent a last job that tells it to close the
 * connection and stop.  Jobs hold no reference to the plan, so the plan is
 * always let go on the main thread, where it was made. */
#include "config.h"

#include <gio/gio.h>

#include "lp-plan-reader.h"

#define LP_PLAN_READER_KEY "lp-plan-reader"

typedef struct {
  LpPlanReadFunc  func;       /* NULL: the plan has gone; stop */
  GTask          *task;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
  GMainContext   *context;    /* where the job was queued and ends */
  gpointer        result;
  GError         *error;
} LpReadJob;

typedef struct {
  GAsyncQueue    *jobs;
  char           *path;
} LpPlanReader;

static void
lp_read_job_free (LpReadJob *job)
{
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  if (job->result_free != NULL && job->result != NULL)
    job->result_free (job->result);
  g_clear_error (&job->error);
  g_clear_object (&job->task);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

/* Back on the thread that queued the job: the task (and the view it
 * holds) is completed and let go there, never on the worker. */
static gboolean
lp_read_job_complete (gpointer user_data)
{
  LpReadJob *job = user_data;

  if (job->error != NULL)
    g_task_return_error (job->task, g_steal_pointer (&job->error));
  else
    g_task_return_pointer (job->task, g_steal_pointer (&job->result), job->result_free);
  lp_read_job_free (job);
  return G_SOURCE_REMOVE;
}

static void
lp_read_job_run (LpReadJob  *job,
                 LpPlan    **reader,
                 const char *path)
{
  GCancellable *cancellable = g_task_get_cancellable (job->task);

  if (g_cancellable_set_error_if_cancelled (cancellable, &job->error))
    return;
  /* Opened on first use and kept: opening costs a few queries each time. */
  if (*reader == NULL)
    *reader = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, &job->error);
  if (*reader == NULL)
    return;
  job->result = job->func (*reader, job->data, cancellable, &job->error);
  g_assert (job->result != NULL || job->error != NULL);
}

static gpointer
lp_plan_reader_thread (gpointer user_data)
{
  LpPlanReader *self = user_data;
  g_autoptr(LpPlan) reader = NULL;

  for (;;)
    {
      LpReadJob *job = g_async_queue_pop (self->jobs);
      gboolean stop = job->func == NULL;

      if (stop)
        {
          lp_read_job_free (job);
          break;
        }
      lp_read_job_run (job, &reader, self->path);
      g_main_context_invoke (job->context, lp_read_job_complete, job);
    }
  if (reader != NULL)
    lp_plan_close (reader);
  g_async_queue_unref (self->jobs);
  g_free (self->path);
  g_free (self);
  return NULL;
}

/* The plan is going: the thread finishes the jobs queued, then stops. */
static void
lp_plan_reader_stop (gpointer data)
{
  LpPlanReader *self = data;

  g_async_queue_push (self->jobs, g_new0 (LpReadJob, 1));
}

static LpPlanReader *
lp_plan_reader_get (LpPlan *plan)
{
  LpPlanReader *self = g_object_get_data (G_OBJECT (plan), LP_PLAN_READER_KEY);
  GThread *thread;

  if (self != NULL)
    return self;
  self = g_new0 (LpPlanReader, 1);
  self->jobs = g_async_queue_new ();
  self->path = g_strdup (lp_plan_get_path (plan));
  thread = g_thread_new ("lp-plan-reader", lp_plan_reader_thread, self);
  g_thread_unref (thread);
  g_object_set_data_full (G_OBJECT (plan), LP_PLAN_READER_KEY, self, lp_plan_reader_stop);
  return self;
}

/**
 * lp_plan_reader_run_async:
 * @plan: the open plan, on the main thread
 * @source_object: (nullable): the task's source object, e.g. the view
 * @func: the work, run on @plan's worker
 * @data: (transfer full): what @func reads; freed with @data_free
 * @result_free: frees a result nobody took
 *
 * Queues @func on @plan's worker; @callback runs on the caller's main
 * context when it is done, or cancelled.
 */
void
lp_plan_reader_run_async (LpPlan              *plan,
                          gpointer             source_object,
                          LpPlanReadFunc       func,
                          gpointer             data,
                          GDestroyNotify       data_free,
                          GDestroyNotify       result_free,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  LpPlanReader *self;
  LpReadJob *job;

  g_return_if_fail (LP_IS_PLAN (plan));
  g_return_if_fail (func != NULL);

  self = lp_plan_reader_get (plan);
  job = g_new0 (LpReadJob, 1);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  job->context = g_main_context_ref_thread_default ();
  job->task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, lp_plan_reader_run_async);
  g_task_set_name (job->task, "lp_plan_reader_run_async");
  g_async_queue_push (self->jobs, job);
}

/**
 * lp_plan_reader_run_finish:
 *
 * Returns: (transfer full): the work's result, or %NULL with @error set
 */
gpointer
lp_plan_reader_run_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
