/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Workshop copies are whole plan files: writing three of an England-sized
 * plan, or reading one back and comparing it with its base, takes far
 * longer than a frame.  Writing needs a connection that may write, so it
 * opens the plan file again on a thread of its own (as undoing a large
 * import does); reading needs only the plan's worker. */
#include "config.h"

#include "lp-plan-reader.h"
#include "lp-workshop-jobs.h"

typedef struct {
  char  *plan_path;
  char  *folder;
  GStrv  names;
} LpPrepareJob;

static void
lp_prepare_job_free (LpPrepareJob *job)
{
  g_free (job->plan_path);
  g_free (job->folder);
  g_strfreev (job->names);
  g_free (job);
}

static void
lp_workshop_prepare_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  LpPrepareJob *job = task_data;
  GError *error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (job->plan_path, LP_PLAN_OPEN_DEFAULT, &error);
  GPtrArray *paths = NULL;

  if (plan != NULL)
    lp_plan_prepare_workshop_copies (plan, job->folder, (const char * const *) job->names,
                                     g_strv_length (job->names), &paths, &error);
  if (plan != NULL)
    lp_plan_close (plan);
  if (paths != NULL)
    g_task_return_pointer (task, paths, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

/**
 * lp_workshop_prepare_async:
 * @plan_path: the plan file; its window must make no edits meanwhile
 *
 * Writes the workshop copies (lp_plan_prepare_workshop_copies()) on a
 * thread, with a connection of its own.
 */
void
lp_workshop_prepare_async (const char          *plan_path,
                           const char          *folder,
                           const char * const  *names,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LpPrepareJob *job = g_new0 (LpPrepareJob, 1);

  job->plan_path = g_strdup (plan_path);
  job->folder = g_strdup (folder);
  job->names = g_strdupv ((char **) names);
  g_task_set_source_tag (task, lp_workshop_prepare_async);
  g_task_set_task_data (task, job, (GDestroyNotify) lp_prepare_job_free);
  /* Once begun, the copies are written or none is: the answer always comes. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, lp_workshop_prepare_thread);
}

/* Returns: (transfer full): the copies' paths, in the order named */
GPtrArray *
lp_workshop_prepare_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
lp_copy_reading_free (LpCopyReading *reading)
{
  if (reading == NULL)
    return;
  g_clear_pointer (&reading->changes, g_ptr_array_unref);
  g_clear_pointer (&reading->words, g_ptr_array_unref);
  g_clear_pointer (&reading->copy, lp_workshop_copy_free);
  g_free (reading);
}

typedef struct {
  char     *path;
  gboolean  against_plan;
} LpReadJob;

static void
lp_read_job_free (LpReadJob *job)
{
  g_free (job->path);
  g_free (job);
}

static gpointer
lp_workshop_read_copy (LpPlan        *reader,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  LpReadJob *job = data;
  g_autoptr(LpCopyReading) reading = g_new0 (LpCopyReading, 1);

  reading->copy = job->against_plan ? lp_plan_read_copy_against_plan (reader, job->path, error)
                                    : lp_plan_read_workshop_copy (reader, job->path, error);
  if (reading->copy == NULL)
    return NULL;
  reading->changes = lp_workshop_copy_list_changes (reading->copy, error);
  if (reading->changes == NULL)
    return NULL;
  reading->words = lp_workshop_copy_describe_changes (reading->copy, reading->changes);
  return g_steal_pointer (&reading);
}

/**
 * lp_workshop_read_copy_async:
 * @against_plan: compare the copy with the plan as it is (its base is
 *   gone), rather than with its base
 *
 * Reads a workshop copy on the plan's worker: checks it
 * (lp_plan_read_workshop_copy()), lists what it changed and words each
 * change.  The copy's connection is the worker's no longer once this
 * finishes: the main thread merges with it.
 */
void
lp_workshop_read_copy_async (LpPlan              *plan,
                             gpointer             source_object,
                             const char          *path,
                             gboolean             against_plan,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  LpReadJob *job = g_new0 (LpReadJob, 1);

  job->path = g_strdup (path);
  job->against_plan = against_plan;
  lp_plan_reader_run_async (plan, source_object, lp_workshop_read_copy, job, (GDestroyNotify) lp_read_job_free,
                            (GDestroyNotify) lp_copy_reading_free, cancellable, callback, user_data);
}

LpCopyReading *
lp_workshop_read_copy_finish (GAsyncResult  *result,
                              GError       **error)
{
  return lp_plan_reader_run_finish (result, error);
}
