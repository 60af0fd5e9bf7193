/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opens a plan and reads what the window shows first, off the main thread:
 * opening may run a quick check and a migration over the whole file, which
 * can take longer than a frame.  The plan's connection is made and used on
 * the worker, then handed whole to the main thread, which alone uses it
 * from then on, so no connection is ever used by two threads at once. */
#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

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

G_DEFINE_QUARK (lp-plan-load-error-quark, lp_plan_load_error)

/**
 * lp_plan_load_remove_temp:
 * @temp_dir: (nullable): the folder of a damaged plan's repaired copy
 *
 * Deletes the copy and its folder.  A connection still open on the copy
 * (a view's, reading on a worker) keeps reading the file it has open.
 */
void
lp_plan_load_remove_temp (const char *temp_dir)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (temp_dir == NULL)
    return;
  dir = g_dir_open (temp_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (temp_dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (temp_dir);
}

/**
 * lp_plan_load_free:
 *
 * Frees @load and closes its plan, if the plan has no other owner.  A
 * damaged plan's repaired copy still in @load (not taken by a window)
 * is deleted.
 */
void
lp_plan_load_free (LpPlanLoad *load)
{
  if (load == NULL)
    return;
  g_clear_object (&load->plan);
  g_free (load->display_name);
  g_free (load->damaged_path);
  g_clear_pointer (&load->problems, g_ptr_array_unref);
  lp_plan_load_remove_temp (load->temp_dir);
  g_free (load->temp_dir);
  lp_repair_report_free (load->report);
  g_free (load);
}

/**
 * lp_plan_load_get_path:
 *
 * Returns: the plan file as the user knows it: the damaged file, not its
 *   repaired copy, for a damaged plan
 */
const char *
lp_plan_load_get_path (LpPlanLoad *load)
{
  g_return_val_if_fail (load != NULL, NULL);

  return load->damaged_path != NULL ? load->damaged_path : lp_plan_get_path (load->plan);
}

static gboolean
lp_problems_have_kind (GPtrArray     *problems,
                       LpProblemKind  kind)
{
  for (guint i = 0; i < problems->len; i++)
    if (((LpProblem *) g_ptr_array_index (problems, i))->kind == kind)
      return TRUE;
  return FALSE;
}

/* The honest refusal of a file SQLite cannot read whole: it says that the
 * file is damaged, not that the user did something wrong, and what can be
 * tried. */
static void
lp_plan_load_set_corrupt (GError     **error,
                          const char  *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, LP_PLAN_LOAD_ERROR, LP_PLAN_LOAD_ERROR_CORRUPT,
               _("“%s” is damaged: parts of the file itself cannot be read, so it cannot be opened. "
                 "Recover into a Copy… saves whatever rows can still be read into a new plan; "
                 "this file is left as it is."), name);
}

static gboolean
lp_plan_load_read_summary (LpPlanLoad  *load,
                           GError     **error)
{
  if (!lp_plan_get_summary (load->plan, &load->summary, error))
    return FALSE;
  load->display_name = lp_plan_dup_display_name (load->plan);
  return TRUE;
}

/* The damaged route: @path breaks rules (@problems) but SQLite reads it
 * whole.  Repairing it into a private folder takes about as long as
 * copying it, and gives every view data that keeps every rule. */
static LpPlanLoad *
lp_plan_load_damaged (const char  *path,
                      GPtrArray   *problems,
                      GError     **error)
{
  g_autoptr(LpPlanLoad) load = g_new0 (LpPlanLoad, 1);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *copy = NULL;
  g_autoptr(GError) local_error = NULL;

  load->damaged_path = g_strdup (path);
  load->problems = g_ptr_array_ref (problems);
  g_debug ("%s: %u problems; shown from a repaired copy", path, problems->len);
  load->temp_dir = g_dir_make_tmp ("locality-planner-damaged-XXXXXX", error);
  if (load->temp_dir == NULL)
    return NULL;
  /* Named as the damaged file, so that the window's title, which comes
   * from the file's name unless the plan has one, is the same. */
  copy = g_build_filename (load->temp_dir, base, NULL);
  load->report = lp_plan_repair_file (path, copy, NULL, &local_error);
  if (load->report == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT,
                   _("“%s” has rows that break the plan's rules, and they could not be set aside "
                     "to show the rest: %s"), name, local_error->message);
      return NULL;
    }
  load->plan = lp_plan_open (copy, LP_PLAN_OPEN_READ_ONLY, error);
  if (load->plan == NULL || !lp_plan_load_read_summary (load, error))
    return NULL;
  return g_steal_pointer (&load);
}

/* What to do with a plan whose open was refused as damaged: check it on a
 * connection of its own, which can list even what made the open fail. */
static LpPlanLoad *
lp_plan_load_refused (const char  *path,
                      GError      *open_error,
                      GError     **error)
{
  g_autoptr(GPtrArray) problems = NULL;

  if (g_error_matches (open_error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT))
    problems = lp_plan_check_file (path, NULL);
  if (problems == NULL || lp_problems_count_errors (problems) == 0)
    {
      g_propagate_error (error, open_error);
      return NULL;
    }
  g_error_free (open_error);
  if (lp_problems_have_kind (problems, LP_PROBLEM_KIND_INTEGRITY))
    {
      lp_plan_load_set_corrupt (error, path);
      return NULL;
    }
  return lp_plan_load_damaged (path, problems, error);
}

/* Opening tests what SQLite's quick check tests (on a read-only file not
 * even the CHECK rules), and a plan this program closed sound is not read
 * whole at all.  Any other plan is checked here, before a view reads it:
 * a dangling reference or a key held twice opens fine but breaks the
 * views' assumptions. */
static LpPlanLoad *
lp_plan_load_open (const char       *path,
                   LpPlanOpenFlags   flags,
                   GError          **error)
{
  g_autoptr(LpPlan) plan = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(LpPlanLoad) load = NULL;
  GError *open_error = NULL;

  plan = lp_plan_open (path, flags, &open_error);
  if (plan == NULL)
    return lp_plan_load_refused (path, open_error, error);
  if (!lp_plan_was_known_sound (plan))
    {
      /* If the check cannot run, the plan opens as before: opening has
       * already tested what SQLite can. */
      problems = lp_plan_check (plan, NULL);
      if (problems != NULL && lp_problems_count_errors (problems) > 0)
        {
          /* Not to be vouched for as sound when it is closed. */
          lp_plan_set_unsound (plan);
          lp_plan_close (plan);
          if (lp_problems_have_kind (problems, LP_PROBLEM_KIND_INTEGRITY))
            {
              lp_plan_load_set_corrupt (error, path);
              return NULL;
            }
          return lp_plan_load_damaged (path, problems, error);
        }
    }
  load = g_new0 (LpPlanLoad, 1);
  load->plan = g_steal_pointer (&plan);
  if (!lp_plan_load_read_summary (load, error))
    return NULL;
  return g_steal_pointer (&load);
}

static LpPlanLoad *
lp_plan_load_read (const char       *path,
                   LpPlanOpenFlags   flags,
                   gboolean          create,
                   GError          **error)
{
  g_autoptr(LpPlanLoad) load = NULL;

  if (!create)
    return lp_plan_load_open (path, flags, error);
  load = g_new0 (LpPlanLoad, 1);
  load->plan = lp_plan_create (path, error);
  if (load->plan == NULL || !lp_plan_load_read_summary (load, error))
    return NULL;
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

typedef struct {
  char *source_path;
  char *copy_path;
} LpPlanRepairRequest;

static void
lp_plan_repair_request_free (LpPlanRepairRequest *request)
{
  g_free (request->source_path);
  g_free (request->copy_path);
  g_free (request);
}

/* Puts the copy written at @partial in place of @dest_path, with any
 * journal the old file left, which SQLite would otherwise replay into
 * the new one. */
static gboolean
lp_plan_repair_replace (const char  *partial,
                        const char  *dest_path,
                        GError     **error)
{
  static const char *const suffixes[] = { "-journal", "-wal", "-shm" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *extra = g_strconcat (dest_path, suffixes[i], NULL);

      g_unlink (extra);
    }
  if (g_rename (partial, dest_path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_basename (dest_path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not replace “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* The repair reads the damaged file on a connection of its own and writes
 * the copy; the copy is then opened like any plan, so that if the repair
 * had left anything broken the window would show it damaged again rather
 * than trust it. */
static void
lp_plan_repair_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  LpPlanRepairRequest *request = task_data;
  g_autoptr(LpRepairReport) report = NULL;
  g_autofree char *partial = NULL;
  LpPlanLoad *load;
  GError *error = NULL;

  /* The file dialog has asked before replacing a file, but a repair
   * writes only a new one: it goes beside, and over the old one only once
   * it is whole, so a failed repair leaves the old file as it was. */
  if (g_file_test (request->copy_path, G_FILE_TEST_EXISTS))
    partial = g_strdup_printf ("%s-%08x.partial", request->copy_path, g_random_int ());
  report = lp_plan_repair_file (request->source_path, partial != NULL ? partial : request->copy_path,
                                cancellable, &error);
  if (report == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (partial != NULL && !lp_plan_repair_replace (partial, request->copy_path, &error))
    {
      g_unlink (partial);
      g_task_return_error (task, error);
      return;
    }
  load = lp_plan_load_read (request->copy_path, LP_PLAN_OPEN_DEFAULT, FALSE, &error);
  if (load == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (load->report == NULL)
    {
      g_free (report->copy_path);
      report->copy_path = g_strdup (request->copy_path);
      load->report = g_steal_pointer (&report);
    }
  g_task_return_pointer (task, load, (GDestroyNotify) lp_plan_load_free);
}

/**
 * lp_plan_repair_async:
 * @source_path: the damaged plan; only read
 * @copy_path: where the repaired copy goes
 *
 * Repairs (or, for a file SQLite finds damaged, recovers) @source_path
 * into @copy_path on a worker thread, then opens the copy.  Finish with
 * lp_plan_repair_finish(): the load's report says what the repair did.
 */
void
lp_plan_repair_async (gpointer             source_object,
                      const char          *source_path,
                      const char          *copy_path,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LpPlanRepairRequest *request;

  g_return_if_fail (source_path != NULL);
  g_return_if_fail (copy_path != NULL);

  request = g_new0 (LpPlanRepairRequest, 1);
  request->source_path = g_strdup (source_path);
  request->copy_path = g_strdup (copy_path);
  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, lp_plan_repair_async);
  g_task_set_task_data (task, request, (GDestroyNotify) lp_plan_repair_request_free);
  g_task_run_in_thread (task, lp_plan_repair_thread);
}

/**
 * lp_plan_repair_finish:
 *
 * Returns: (transfer full): the repaired copy, open for changes, with the
 *   repair's report, or %NULL with @error set
 */
LpPlanLoad *
lp_plan_repair_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lp_plan_repair_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
