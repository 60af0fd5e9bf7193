/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `workforce PLAN [--locality NAME] [--scenario NAME] [--group
 * GP|nurses|dpc|admin] [--csv]`: FTE quarter by quarter, as the view's
 * table shows it. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-cli.h"
#include "lp-cli-table.h"

static const struct {
  const char *word;
  const char *group;
} groups[] = {
  { "gp", "GP" }, { "gps", "GP" }, { "nurses", "NURSE" }, { "nurse", "NURSE" },
  { "dpc", "DPC" }, { "admin", "ADMIN" },
};

static gboolean
lp_cli_workforce_query (LpPlan            *plan,
                        GHashTable        *given,
                        LpWorkforceQuery  *query,
                        GError           **error)
{
  const char *group = g_hash_table_lookup (given, "--group");

  if (!lp_cli_find_scope (plan, given, &query->locality_id, &query->scenario_id, error))
    return FALSE;
  for (gsize i = 0; group != NULL && i < G_N_ELEMENTS (groups); i++)
    if (g_ascii_strcasecmp (group, groups[i].word) == 0)
      query->staff_group = groups[i].group;
  if (group != NULL && query->staff_group == NULL)
    return g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE,
                        _("--group takes GP, nurses, dpc or admin, not “%s”"), group), FALSE;
  return TRUE;
}

static char *
lp_cli_workforce_text (const LpWorkforceTable *workforce,
                       gboolean                csv)
{
  g_autoptr(LpCliTable) table = lp_cli_table_new (csv ? LP_CLI_OUTPUT_CSV : LP_CLI_OUTPUT_HUMAN);

  lp_cli_table_add_column (table, _("Quarter"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Starts"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Baseline FTE"), LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, _("Plan FTE"), LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, _("Target FTE"), LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, _("Gap"), LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, _("Missing figures"), LP_CLI_COLUMN_NUMBER);
  for (guint i = 0; i < workforce->quarters->len; i++)
    {
      const LpWorkforceQuarter *quarter = g_ptr_array_index (workforce->quarters, i);

      lp_cli_table_add_text (table, quarter->label);
      lp_cli_table_add_text (table, quarter->start);
      lp_cli_table_add_optional_tenths (table, quarter->has_actual, quarter->actual);
      lp_cli_table_add_tenths (table, quarter->plan);
      lp_cli_table_add_optional_tenths (table, quarter->has_target, quarter->target);
      lp_cli_table_add_optional_tenths (table, quarter->has_target, quarter->gap);
      lp_cli_table_add_count (table, quarter->missing);
    }
  return lp_cli_table_to_string (table);
}

int
lp_cli_workforce (const char *const  *args,
                  GHashTable         *given,
                  GError            **error)
{
  g_autoptr(LpPlan) plan = lp_cli_open_plan (args[0], error);
  LpWorkforceQuery query = { 0, };
  g_autoptr(LpWorkforceTable) workforce = NULL;
  g_autofree char *text = NULL;

  if (plan == NULL || !lp_cli_workforce_query (plan, given, &query, error) ||
      (workforce = lp_plan_workforce (plan, &query, error)) == NULL)
    return LP_CLI_EXIT_FAILURE;
  text = lp_cli_workforce_text (workforce, g_hash_table_contains (given, "--csv"));
  g_print ("%s", text);
  return LP_CLI_EXIT_OK;
}
