/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command repair: a damaged plan repaired into a new file.  Core makes
 * every decision; this prints them, a summary, and the report if asked. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-cli.h"

/* A repair that could not be made is what the command reports, not a
 * misuse of the tool: exit status 1, the reason on stderr. */
static int
repair_failed (const GError *error)
{
  g_autofree char *message = lp_cli_one_line (error->message);

  g_printerr ("%s: %s\n", LP_CLI_NAME, message);
  return LP_CLI_EXIT_PROBLEMS;
}

int
lp_cli_repair (const char *const  *args,
               GHashTable         *options,
               GError            **error)
{
  const char *report_path = g_hash_table_lookup (options, "--report");
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LpRepairReport) report = NULL;
  g_autofree char *display = g_filename_display_name (args[1]);
  g_autofree char *cleared_text = NULL;
  g_autofree char *left_out_text = NULL;
  g_autofree char *kept_text = NULL;
  guint cleared = 0, left_out = 0, rebuilt = 0;
  gint64 kept = 0;

  if (report_path != NULL && *report_path == '\0')
    {
      g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE, _("--report needs a file name; see --help"));
      return LP_CLI_EXIT_FAILURE;
    }
  report = lp_plan_repair_file (args[0], args[1], NULL, &local_error);
  if (report == NULL)
    return repair_failed (local_error);
  for (guint i = 0; i < report->steps->len; i++)
    {
      const LpRepairStep *step = g_ptr_array_index (report->steps, i);
      g_autofree char *message = lp_cli_one_line (step->message);

      g_print ("%s\n", message);
      cleared += step->action == LP_REPAIR_CLEARED;
      left_out += step->action == LP_REPAIR_LEFT_OUT;
      rebuilt += step->action == LP_REPAIR_REBUILT;
    }
  for (guint i = 0; i < report->tables->len; i++)
    kept += ((const LpRepairTable *) g_ptr_array_index (report->tables, i))->rows_kept;
  if (report_path != NULL)
    {
      g_autofree char *text = lp_repair_report_to_text (report);

      if (!g_file_set_contents (report_path, text, -1, &local_error))
        {
          g_autofree char *report_display = g_filename_display_name (report_path);
          g_prefix_error (&local_error, _("The repaired copy %s was written, but not the report %s: "),
                          display, report_display);
          return repair_failed (local_error);
        }
    }
  cleared_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u value cleared", "%u values cleared",
                                               cleared), cleared);
  left_out_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row left out", "%u rows left out",
                                                left_out), left_out);
  {
    g_autofree char *count = lp_format_count (kept);
    kept_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row kept", "%s rows kept",
                                              (gulong) MIN (kept, 1000000)), count);
  }
  if (rebuilt > 0)
    {
      g_autofree char *rebuilt_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                    "%u table or index made again",
                                                                    "%u tables or indexes made again",
                                                                    rebuilt), rebuilt);
      /* TRANSLATORS: "Repaired copy written to OUT.lpplan: 3 values cleared, 2 rows left out, 1 table or
       * index made again; 1,234 rows kept" */
      g_print (_("Repaired copy written to %s: %s, %s, %s; %s\n"), display, cleared_text, left_out_text,
               rebuilt_text, kept_text);
    }
  else
    /* TRANSLATORS: "Repaired copy written to OUT.lpplan: 3 values cleared, 2 rows left out; 1,234 rows kept" */
    g_print (_("Repaired copy written to %s: %s, %s; %s\n"), display, cleared_text, left_out_text, kept_text);
  return LP_CLI_EXIT_OK;
}
