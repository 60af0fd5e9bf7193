/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opens a plan and reads what the window shows first, off the main thread:
 * opening may run a quick check and a migration over the whole file, which
 * can take longer than a frame.  The plan's connection is made and used on
 * the worker, then handed whole to the main thread, which alone uses it
 * from then on, so no connection is ever used by two threads at once. */
#include "config.h"

#include "lp-plan-loader.h"
#include "lp-sample-copy.h"

typedef struct {
  char            *path;   /* NULL: the user's copy of the sample plan */
  LpPlanOpenFlags  flags;
  gboolean         create; /* make a new, empty plan at @path */
} LpPlanLoadRequest;

static void
lp_plan_load_request_free (LpPlanLoadRequest *request)
{
  g_free (request->path);
  g_free (request);
}

/**
 * lp_plan_load_free:
 *
 * Frees @load and closes its plan, if the plan has no other owner.
 */
void
lp_plan_load_free (LpPlanLoad *load)
{
  if (load == NULL)
    return;
  g_clear_object (&load->plan);
  g_free (load->display_name);
  g_free (load);
}

static LpPlanLoad *
lp_plan_load_read (const char       *path,
                   LpPlanOpenFlags   flags,
                   gboolean          create,
                   GError          **error)
{
  g_autoptr(LpPlanLoad) load = g_new0 (LpPlanLoad, 1);

  if (create)
    load->plan = lp_plan_create (path, error);
  else
    load->plan = lp_plan_open (path, flags, error);
  if (load->plan == NULL)
    return NULL;
  if (!lp_plan_get_summary (load->plan, &load->summary, error))
    return NULL;
  load->display_name = lp_plan_dup_display_name (load->plan);
  return g_steal_pointer (&load);
}

static void
lp_plan_load_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  LpPlanLoadRequest *request = task_data;
  g_autofree char *sample_path = NULL;
  const char *path = request->path;
  GError *error = NULL;
  LpPlanLoad *load;

  if (path == NULL)
    {
      sample_path = lp_sample_copy_ensure (&error);
      if (sample_path == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      path = sample_path;
    }
  load = lp_plan_load_read (path, request->flags, request->create, &error);
  if (load == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, load, (GDestroyNotify) lp_plan_load_free);
}

static void
lp_plan_load_start (gpointer             source_object,
                    LpPlanLoadRequest   *request,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, lp_plan_load_async);
  g_task_set_task_data (task, request, (GDestroyNotify) lp_plan_load_request_free);
  /* A cancelled load still finishes on the worker (SQLite cannot be
   * interrupted midway here) but its result is then dropped unseen. */
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, lp_plan_load_thread);
}

/**
 * lp_plan_load_async:
 * @path: (nullable): the plan file, or %NULL for the user's copy of the
 *   sample plan (made from the bundled sample if it does not exist yet)
 *
 * Opens the plan on a worker thread and reads its summary, which also
 * brings the file's busiest pages into the connection's cache.
 */
void
lp_plan_load_async (gpointer             source_object,
                    const char          *path,
                    LpPlanOpenFlags      flags,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  LpPlanLoadRequest *request = g_new0 (LpPlanLoadRequest, 1);

  request->path = g_strdup (path);
  request->flags = flags;
  lp_plan_load_start (source_object, request, cancellable, callback, user_data);
}

/**
 * lp_plan_create_async:
 * @path: where the new plan goes; it must not exist yet
 *
 * Makes a new plan with the rows every plan carries (staff groups, activity
 * lines) on a worker thread, and opens it.  Finish with
 * lp_plan_load_finish().
 */
void
lp_plan_create_async (gpointer             source_object,
                      const char          *path,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  LpPlanLoadRequest *request;

  g_return_if_fail (path != NULL);

  request = g_new0 (LpPlanLoadRequest, 1);
  request->path = g_strdup (path);
  request->create = TRUE;
  lp_plan_load_start (source_object, request, cancellable, callback, user_data);
}

/**
 * lp_plan_load_finish:
 *
 * Returns: (transfer full): what was read, or %NULL with @error set
 */
LpPlanLoad *
lp_plan_load_finish (GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lp_plan_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  char *source_path;
  char *dest_path;
} LpPlanCopyRequest;

static void
lp_plan_copy_request_free (LpPlanCopyRequest *request)
{
  g_free (request->source_path);
  g_free (request->dest_path);
  g_free (request);
}

/* The window's connection belongs to the main thread, so the worker opens
 * a second, read-only one.  Every edit is committed as it is made, so the
 * second connection sees exactly what the window shows. */
static void
lp_plan_copy_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  LpPlanCopyRequest *request = task_data;
  g_autoptr(LpPlan) plan = NULL;
  GError *error = NULL;
  gboolean saved;

  plan = lp_plan_open (request->source_path, LP_PLAN_OPEN_READ_ONLY, &error);
  if (plan == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  saved = lp_plan_save_copy (plan, request->dest_path, &error);
  lp_plan_close (plan);
  if (saved)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * lp_plan_copy_async:
 * @source_path: the plan to copy; only read
 * @dest_path: where the copy goes; a file there is replaced
 *
 * Writes a complete copy of a plan ("Save As") on a worker thread.
 */
void
lp_plan_copy_async (gpointer             source_object,
                    const char          *source_path,
                    const char          *dest_path,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LpPlanCopyRequest *request;

  g_return_if_fail (source_path != NULL);
  g_return_if_fail (dest_path != NULL);

  request = g_new0 (LpPlanCopyRequest, 1);
  request->source_path = g_strdup (source_path);
  request->dest_path = g_strdup (dest_path);
  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, lp_plan_copy_async);
  g_task_set_task_data (task, request, (GDestroyNotify) lp_plan_copy_request_free);
  g_task_run_in_thread (task, lp_plan_copy_thread);
}

gboolean
lp_plan_copy_finish (GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lp_plan_copy_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
