/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The commands new, info, check and sample.  Everything they know about a
 * plan comes from core's functions; they only word and lay out the answer. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-cli.h"
#include "lp-cli-table.h"

/**
 * lp_cli_open_plan:
 *
 * Opens @path read-only: looking at a plan must never change it, nor
 * migrate it to a newer schema behind the user's back.
 */
LpPlan *
lp_cli_open_plan (const char  *path,
                  GError     **error)
{
  return lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, error);
}

/**
 * lp_cli_find_scope:
 * @locality_id: (out): the --locality option's locality, left as it is
 *   without the option
 * @scenario_id: (out): the --scenario option's scenario, likewise
 *
 * Reads the options that say which part of the plan a report covers; a
 * name the plan does not have is a usage error.
 */
gboolean
lp_cli_find_scope (LpPlan      *plan,
                   GHashTable  *options,
                   gint64      *locality_id,
                   gint64      *scenario_id,
                   GError     **error)
{
  const char *locality = g_hash_table_lookup (options, "--locality");
  const char *scenario = g_hash_table_lookup (options, "--scenario");

  if (locality != NULL && (*locality_id = lp_plan_find_locality (plan, locality)) == 0)
    return g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE,
                        _("the plan has no locality called “%s”"), locality), FALSE;
  if (scenario != NULL && (*scenario_id = lp_plan_find_scenario (plan, scenario)) == 0)
    return g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE,
                        _("the plan has no scenario called “%s”"), scenario), FALSE;
  return TRUE;
}

/**
 * lp_cli_one_line:
 *
 * Returns: (transfer full): @text with line breaks turned into spaces, so
 *   that every message is one line that grep and log readers keep whole
 */
char *
lp_cli_one_line (const char *text)
{
  char *line = g_strdup (text);

  g_strdelimit (line, "\r\n", ' ');
  return line;
}

int
lp_cli_new (const char *const  *args,
            GHashTable         *options,
            GError            **error)
{
  g_autoptr(LpPlan) plan = lp_plan_create (args[0], error);
  g_autofree char *display = NULL;

  if (plan == NULL)
    return LP_CLI_EXIT_FAILURE;
  display = g_filename_display_name (lp_plan_get_path (plan));
  lp_plan_close (plan);
  g_print (_("Created empty plan %s\n"), display);
  return LP_CLI_EXIT_OK;
}

static void
add_info_line (LpCliTable *table,
               const char *label,
               char       *value)
{
  lp_cli_table_add_text (table, label);
  lp_cli_table_add_text (table, value);
  g_free (value);
}

static gboolean
print_table_counts (LpPlan  *plan,
                    GError **error)
{
  g_autoptr(GPtrArray) counts = lp_plan_count_table_rows (plan, error);
  g_autoptr(LpCliTable) table = lp_cli_table_new (LP_CLI_OUTPUT_HUMAN);
  g_autofree char *text = NULL;

  if (counts == NULL)
    return FALSE;
  lp_cli_table_add_column (table, _("Table"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Rows"), LP_CLI_COLUMN_NUMBER);
  for (guint i = 0; i < counts->len; i++)
    {
      const LpTableCount *count = g_ptr_array_index (counts, i);

      lp_cli_table_add_text (table, count->table);
      lp_cli_table_add_count (table, count->rows);
    }
  text = lp_cli_table_to_string (table);
  g_print ("\n%s", text);
  return TRUE;
}

static gboolean
print_summary (LpPlan  *plan,
               GError **error)
{
  LpPlanSummary summary;
  g_autoptr(LpCliTable) table = lp_cli_table_new (LP_CLI_OUTPUT_HUMAN);
  g_autofree char *text = NULL;

  if (!lp_plan_get_summary (plan, &summary, error))
    return FALSE;
  lp_cli_table_add_column (table, NULL, LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, NULL, LP_CLI_COLUMN_NUMBER);
  add_info_line (table, _("Localities:"), lp_format_count (summary.localities));
  add_info_line (table, _("Practices:"), lp_format_count (summary.practices));
  /* Kept for their history, left out of every count. */
  if (summary.closed_practices > 0)
    add_info_line (table, _("Closed or dormant, not counted:"), lp_format_count (summary.closed_practices));
  add_info_line (table, _("Registered patients:"), lp_format_count (summary.registered_patients));
  add_info_line (table, _("Contracts:"), lp_format_count (summary.contracts));
  add_info_line (table, _("Total contract value:"), lp_format_pounds (summary.contract_value_pounds));
  add_info_line (table, _("QIPP savings:"), lp_format_pounds (summary.qipp_saving_pounds));
  text = lp_cli_table_to_string (table);
  g_print ("\n%s", text);
  return TRUE;
}

static void
print_identity (LpPlan *plan)
{
  g_autoptr(LpCliTable) table = lp_cli_table_new (LP_CLI_OUTPUT_HUMAN);
  g_autofree char *text = NULL;

  lp_cli_table_add_column (table, NULL, LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, NULL, LP_CLI_COLUMN_TEXT);
  add_info_line (table, _("Plan:"), lp_plan_dup_display_name (plan));
  add_info_line (table, _("File:"), g_filename_display_name (lp_plan_get_path (plan)));
  add_info_line (table, _("Schema version:"),
                 g_strdup_printf ("%d", lp_plan_get_schema_version (plan)));
  text = lp_cli_table_to_string (table);
  g_print ("%s", text);
}

int
lp_cli_info (const char *const  *args,
             GHashTable         *options,
             GError            **error)
{
  g_autoptr(LpPlan) plan = lp_cli_open_plan (args[0], error);

  if (plan == NULL)
    return LP_CLI_EXIT_FAILURE;
  print_identity (plan);
  if (!print_table_counts (plan, error) || !print_summary (plan, error))
    return LP_CLI_EXIT_FAILURE;
  return LP_CLI_EXIT_OK;
}

/* Problems go to stdout: they are what was asked for, not a failure of
 * the tool.  The exit status tells a script whether any is an error. */
int
lp_cli_check (const char *const  *args,
              GHashTable         *options,
              GError            **error)
{
  /* Checked on a connection of its own: a plan whose rows break rules,
   * which the window opens only read-only, still gets every problem listed. */
  g_autoptr(GPtrArray) problems = lp_plan_check_file (args[0], error);

  if (problems == NULL)
    return LP_CLI_EXIT_FAILURE;
  for (guint i = 0; i < problems->len; i++)
    {
      const LpProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *message = lp_cli_one_line (problem->message);

      if (problem->severity == LP_PROBLEM_ERROR)
        g_print (_("error: %s\n"), message);
      else
        g_print (_("warning: %s\n"), message);
    }
  if (problems->len == 0)
    {
      g_autofree char *display = g_filename_display_name (args[0]);

      g_print (_("%s: no problems found\n"), display);
    }
  return lp_problems_count_errors (problems) > 0 ? LP_CLI_EXIT_PROBLEMS : LP_CLI_EXIT_OK;
}

/* A journal left by an earlier, interrupted build would be replayed into
 * the new file by SQLite, so it goes with the plan. */
static gboolean
delete_plan_files (const char  *path,
                   GError     **error)
{
  static const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (name);
      g_autoptr(GError) local_error = NULL;

      if (!g_file_delete (file, NULL, &local_error)
          && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}

int
lp_cli_sample (const char *const  *args,
               GHashTable         *options,
               GError            **error)
{
  const char *data_dir = args[0];
  const char *plan_path = args[1];
  g_autofree char *display = g_filename_display_name (plan_path);
  gboolean existed;

  if (g_hash_table_contains (options, "--replace") && !delete_plan_files (plan_path, error))
    return LP_CLI_EXIT_FAILURE;
  existed = g_file_test (plan_path, G_FILE_TEST_EXISTS);
  if (!lp_sample_build (data_dir, plan_path, error))
    {
      /* Leave no half-built plan for the build to mistake for a good one;
       * a file that was there before is the user's and stays. */
      if (!existed)
        delete_plan_files (plan_path, NULL);
      return LP_CLI_EXIT_FAILURE;
    }
  g_print (_("Built sample plan %s\n"), display);
  return LP_CLI_EXIT_OK;
}
