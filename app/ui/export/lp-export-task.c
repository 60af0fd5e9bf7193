/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs lp_plan_export() on a worker thread.  The worker opens the plan
 * file read-only on a connection of its own (one thread per connection),
 * so a big workbook never holds up the window, and nothing the export
 * does can change the plan. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-export-task.h"

typedef struct {
  char          *plan_path;
  char          *name;
  LpModelQuery   query;
  gboolean       has_query;
  char          *dest_path;
  LpExportFlags  flags;
} LpExportJob;

static void
lp_export_job_free (LpExportJob *job)
{
  g_free (job->plan_path);
  g_free (job->name);
  g_free (job->dest_path);
  g_free (job);
}

static void
lp_export_task_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  LpExportJob *job = task_data;
  g_autoptr(LpPlan) plan = NULL;
  GError *error = NULL;

  plan = lp_plan_open (job->plan_path, LP_PLAN_OPEN_READ_ONLY, &error);
  if (plan == NULL || !lp_plan_export_query (plan, job->name, job->has_query ? &job->query : NULL,
                                             job->dest_path, job->flags, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  lp_plan_close (plan);
  g_task_return_boolean (task, TRUE);
}

/**
 * lp_export_task_run_async:
 * @name: a table, a view ("practices") or %LP_EXPORT_ALL
 * @query: (nullable): the modelling and activity tables' locality, scenario
 *   and period (its extract date is not used)
 * @dest_path: ends in .csv or .xlsx, which chooses the format
 *
 * Exports on a worker thread.  The core writes beside @dest_path and
 * renames, so a failed export leaves no half-written file.
 */
void
lp_export_task_run_async (gpointer             source_object,
                          const char          *plan_path,
                          const char          *name,
                          const LpModelQuery  *query,
                          const char          *dest_path,
                          LpExportFlags        flags,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LpExportJob *job;

  g_return_if_fail (plan_path != NULL && name != NULL && dest_path != NULL);

  job = g_new0 (LpExportJob, 1);
  job->plan_path = g_strdup (plan_path);
  job->name = g_strdup (name);
  if (query != NULL)
    {
      job->query = *query;
      job->query.extract_date = NULL;
      job->has_query = TRUE;
    }
  job->dest_path = g_strdup (dest_path);
  job->flags = flags;
  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, lp_export_task_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) lp_export_job_free);
  /* The export cannot be stopped midway; a cancel only drops its answer. */
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, lp_export_task_thread);
}

gboolean
lp_export_task_run_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * lp_export_task_view_parameter:
 *
 * Returns: (transfer floating): the parameter of "win.export-view" for
 *   @name with @query's locality, scenario and period
 */
GVariant *
lp_export_task_view_parameter (const char         *name,
                               const LpModelQuery *query)
{
  return g_variant_new (LP_EXPORT_VIEW_PARAMETER_TYPE, name, query->locality_id,
                        query->scenario_id, (guint32) query->per, query->weeks_365_7,
                        query->access_partial, (guint32) query->access_default_minutes);
}

/**
 * lp_export_task_suggested_name:
 * @plan_name: (nullable): the plan's name, for a workbook of every table
 * @csv: whether the file is to be CSV rather than .xlsx
 *
 * Returns: (transfer full): the file name the save dialog offers:
 *   "practices.xlsx", or "Herts 2019.xlsx" for every table of that plan
 */
char *
lp_export_task_suggested_name (const char *name,
                               const char *plan_name,
                               gboolean    csv)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  if (g_strcmp0 (name, LP_EXPORT_ALL) != 0)
    return g_strconcat (name, csv ? ".csv" : ".xlsx", NULL);
  /* A plan's name is free text; "/" would make it a folder. */
  base = g_strdelimit (g_strdup (plan_name != NULL && *plan_name != '\0' ? plan_name : _("plan")),
                       "/\\", '-');
  return g_strconcat (base, ".xlsx", NULL);
}

/**
 * lp_export_task_with_suffix:
 * @csv: the format chosen in the save dialog's filter
 *
 * Returns: (transfer full): @path, with ".csv" or ".xlsx" added when the
 *   name typed has neither: the core takes the format from the suffix
 */
char *
lp_export_task_with_suffix (const char *path,
                            gboolean    csv)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".xlsx"))
    return g_strdup (path);
  return g_strconcat (path, csv ? ".csv" : ".xlsx", NULL);
}

/**
 * lp_export_task_done_text:
 *
 * Returns: (transfer full): the toast after an export: "Exported practices
 *   to practices.xlsx", "Exported every table to Herts.xlsx"
 */
char *
lp_export_task_done_text (const char *name,
                          const char *dest_path)
{
  g_autofree char *file = NULL;

  g_return_val_if_fail (name != NULL && dest_path != NULL, NULL);

  file = g_filename_display_basename (dest_path);
  if (g_strcmp0 (name, LP_EXPORT_ALL) == 0)
    return g_strdup_printf (_("Exported every table to %s"), file);
  /* Translators: the first %s is a table or view ("practices"), the second a file */
  return g_strdup_printf (_("Exported %s to %s"), name, file);
}

/**
 * lp_export_task_title:
 *
 * Returns: (transfer full): the save dialog's title: "Export Practices",
 *   "Export Every Table", "Export list_size"
 */
char *
lp_export_task_title (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  if (g_strcmp0 (name, LP_EXPORT_ALL) == 0)
    return g_strdup (_("Export Every Table"));
  if (g_strcmp0 (name, "localities") == 0)
    return g_strdup (_("Export Localities"));
  if (g_strcmp0 (name, "practices") == 0)
    return g_strdup (_("Export Practices"));
  if (g_strcmp0 (name, "contracts") == 0)
    return g_strdup (_("Export Contracts"));
  if (g_strcmp0 (name, "modelling") == 0)
    return g_strdup (_("Export Modelling Table"));
  if (g_strcmp0 (name, "modelling-practices") == 0)
    return g_strdup (_("Export Practice Breakdown"));
  if (g_strcmp0 (name, "activity-plan") == 0)
    return g_strdup (_("Export Activity Plan"));
  if (g_strcmp0 (name, "qipp") == 0)
    return g_strdup (_("Export QIPP Table"));
  if (g_strcmp0 (name, "access") == 0)
    return g_strdup (_("Export Extended Access Table"));
  if (g_strcmp0 (name, "workforce") == 0)
    return g_strdup (_("Export Workforce Table"));
  /* Translators: %s is a table of the plan file by its SQL name ("list_size") */
  return g_strdup_printf (_("Export %s"), name);
}
