/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `export PLAN NAME FILE.csv|FILE.xlsx [--for-excel]`: a table, a view or
 * (to .xlsx) every table, written by core's exporter. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-cli.h"

int
lp_cli_export (const char *const  *args,
               GHashTable         *options,
               GError            **error)
{
  g_autoptr(LpPlan) plan = lp_cli_open_plan (args[0], error);
  const char *name = args[1];
  const char *path = args[2];
  g_autofree char *display = NULL;

  if (plan == NULL)
    return LP_CLI_EXIT_FAILURE;
  if (!lp_plan_export (plan, name, path,
                       g_hash_table_contains (options, "--for-excel") ? LP_EXPORT_FOR_EXCEL : LP_EXPORT_DEFAULT, error))
    return LP_CLI_EXIT_FAILURE;
  display = g_filename_display_name (path);
  g_print (_("Exported %s to %s\n"), name, display);
  return LP_CLI_EXIT_OK;
}
