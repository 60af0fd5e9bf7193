/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `import PLAN FILE [options]`: one file into the plan, in one transaction.
 * Exit status 0 when it is in; 1 when the data is bad (every bad row listed
 * on stderr as FILE:LINE: COLUMN: MESSAGE, nothing imported); 2 for usage
 * or a file that cannot be read. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-cli.h"

static gboolean
lp_cli_import_options (GHashTable       *given,
                       LpImportOptions  *options,
                       GError          **error)
{
  const char *kind = g_hash_table_lookup (given, "--kind");

  options->add_new_practices = g_hash_table_contains (given, "--add-new-practices");
  options->skip_bad_rows = g_hash_table_contains (given, "--skip-bad-rows");
  options->dry_run = g_hash_table_contains (given, "--dry-run");
  options->commissioner = g_hash_table_lookup (given, "--commissioner");
  options->as_at = g_hash_table_lookup (given, "--as-at");
  options->localities_from = g_hash_table_lookup (given, "--localities-from");
  options->weights_name = g_hash_table_lookup (given, "--name");
  if (kind == NULL)
    return TRUE;
  options->kind = lp_import_kind_from_string (kind);
  if (options->kind == LP_IMPORT_UNKNOWN)
    g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE,
                 _("unknown kind “%s”; kinds: gp-reg-totals, gp-reg-single-age, gp-reg-quinary, "
                   "gp-reg-map, ods-epraccur, workforce-detailed, workforce-high-level, pcn-workforce, plan-table, "
                   "weighted-population"), kind);
  return options->kind != LP_IMPORT_UNKNOWN;
}

static void
lp_cli_import_print_problem (const char            *file,
                             const LpImportProblem *problem)
{
  g_autofree char *reason = lp_cli_one_line (problem->reason);

  /* FILE:LINE: COLUMN: REASON, the shape compilers use, so an editor's or
   * a script's error list can take it. */
  if (problem->column != NULL)
    g_printerr ("%s:%" G_GUINT64_FORMAT ": %s: %s\n", file, problem->line, problem->column, reason);
  else
    g_printerr ("%s:%" G_GUINT64_FORMAT ": %s\n", file, problem->line, reason);
}

/* A bad file: list every bad row (by checking them all, changing nothing),
 * not only the first. */
static int
lp_cli_import_list_problems (LpPlan                 *plan,
                             const char             *file,
                             const LpImportOptions  *options,
                             GError                 *first)
{
  LpImportOptions check = *options;
  g_autoptr(LpImportReport) report = NULL;

  check.skip_bad_rows = TRUE;
  check.dry_run = TRUE;
  report = lp_plan_import (plan, file, &check, NULL, NULL, NULL);
  if (report == NULL || report->problems->len == 0)
    {
      g_autofree char *message = lp_cli_one_line (first->message);
      g_printerr ("%s: %s\n", LP_CLI_NAME, message);
    }
  else
    for (guint i = 0; i < report->problems->len; i++)
      lp_cli_import_print_problem (file, g_ptr_array_index (report->problems, i));
  g_printerr (_("%s: nothing was imported; the plan is unchanged\n"), LP_CLI_NAME);
  return LP_CLI_EXIT_PROBLEMS;
}

static void
lp_cli_import_summary (const char           *file,
                       const LpImportReport *report,
                       gboolean              dry_run)
{
  g_autofree char *imported = lp_format_count ((gint64) report->rows_imported);
  g_autofree char *read = lp_format_count ((gint64) report->rows_read);

  g_print (dry_run ? _("%s: would import %s of %s rows (%s)\n") : _("%s: imported %s of %s rows (%s)\n"),
           file, imported, read, lp_import_kind_to_string (report->kind));
  if (report->extract_date != NULL)
    g_print (_("  as at %s\n"), report->extract_date);
  /* Closed and dormant practices are kept but not counted: say how many. */
  if (report->kind == LP_IMPORT_ODS_EPRACCUR)
    g_print (_("  practices: %u active, %u closed, %u dormant, %u proposed\n"), report->active_practices,
             report->closed_practices, report->dormant_practices, report->proposed_practices);
  if (report->new_practices > 0)
    g_print (_("  practices added: %u\n"), report->new_practices);
  if (report->unknown_practices > 0)
    g_print (_("  practices not in the plan, skipped: %u (--add-new-practices adds them)\n"),
             report->unknown_practices);
  if (report->missing_practices->len > 0)
    g_print (_("  the plan's practices not in the file: %u\n"), report->missing_practices->len);
  if (report->latin1)
    g_print (_("  the file is not UTF-8; it was read as Latin-1\n"));
  for (guint i = 0; i < report->problems->len; i++)
    lp_cli_import_print_problem (file, g_ptr_array_index (report->problems, i));
}

int
lp_cli_import (const char *const  *args,
               GHashTable         *given,
               GError            **error)
{
  LpImportOptions options = { 0 };
  g_autoptr(LpPlan) plan = NULL;
  g_autoptr(LpImportReport) report = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!lp_cli_import_options (given, &options, error))
    return LP_CLI_EXIT_FAILURE;
  plan = lp_plan_open (args[0], LP_PLAN_OPEN_DEFAULT, error);
  if (plan == NULL)
    return LP_CLI_EXIT_FAILURE;
  report = lp_plan_import (plan, args[1], &options, NULL, NULL, &local_error);
  if (report != NULL)
    {
      lp_cli_import_summary (args[1], report, options.dry_run);
      return report->rows_skipped > 0 ? LP_CLI_EXIT_PROBLEMS : LP_CLI_EXIT_OK;
    }
  /* A file that is damaged or of the wrong layout is bad data (1); one
   * that cannot be read at all, or a plan that cannot be written, is 2. */
  if (g_error_matches (local_error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID))
    return lp_cli_import_list_problems (plan, args[1], &options, local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return LP_CLI_EXIT_FAILURE;
}
