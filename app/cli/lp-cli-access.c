/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `access PLAN [--locality NAME] [--scenario NAME] [--from YYYY-MM]
 * [--to YYYY-MM] [--partial] [--networks] [--csv]`: extended access month
 * by month, as the view's table shows it; under a capacity rule per
 * primary care network, the networks' minutes (and with --networks, each
 * network's and locality's in the last month). */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-cli.h"
#include "lp-cli-table.h"

static gboolean
lp_cli_access_query (LpPlan         *plan,
                     GHashTable     *given,
                     LpAccessQuery  *query,
                     GError        **error)
{
  const char *default_rule = g_hash_table_lookup (given, "--default-rule");
  gint64 minutes = 0;

  if (!lp_cli_find_scope (plan, given, &query->locality_id, &query->scenario_id, error))
    return FALSE;
  query->from = g_hash_table_lookup (given, "--from");
  query->to = g_hash_table_lookup (given, "--to");
  query->partial_counts = g_hash_table_contains (given, "--partial");
  if (default_rule != NULL && (!lp_parse_count ("--default-rule", default_rule, &minutes, NULL) || minutes > 600))
    return g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE,
                        _("--default-rule must be a whole number of minutes from 0 to 600, not “%s”"),
                        default_rule), FALSE;
  query->default_minutes = (guint) minutes;
  return TRUE;
}

static char *
lp_cli_access_text (const LpAccessTable *access,
                    gboolean             csv)
{
  g_autoptr(LpCliTable) table = lp_cli_table_new (csv ? LP_CLI_OUTPUT_CSV : LP_CLI_OUTPUT_HUMAN);
  gboolean any_pcn = FALSE;

  for (guint i = 0; i < access->months->len; i++)
    any_pcn |= ((LpAccessMonth *) g_ptr_array_index (access->months, i))->pcn_rule;
  lp_cli_table_add_column (table, _("Month"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Target %"), LP_CLI_COLUMN_NUMBER);
  /* The month the target in force applies from, beside it, so a quarter's
   * target is not read as starting anywhere else. */
  lp_cli_table_add_column (table, _("Target from"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Planned %"), LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, _("Actual %"), LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, _("Gap (points)"), LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, _("Required min/week"), LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, _("Offered min/week"), LP_CLI_COLUMN_NUMBER);
  /* Only once a rule per network applies in a month asked for, so that a
   * practice-era table reads as it always has. */
  if (any_pcn)
    lp_cli_table_add_column (table, _("In network hours"), LP_CLI_COLUMN_NUMBER);
  for (guint i = 0; i < access->months->len; i++)
    {
      const LpAccessMonth *month = g_ptr_array_index (access->months, i);
      /* Coverage % only for the months a practice rule applies. */
      gboolean coverage = !month->pcn_rule;

      lp_cli_table_add_text (table, month->month);
      /* Shares as percentages, to one decimal place. */
      lp_cli_table_add_optional_tenths (table, coverage && month->has_target, month->target * 100.0);
      lp_cli_table_add_text (table, coverage ? month->target_from : "");
      lp_cli_table_add_optional_tenths (table, coverage, month->planned * 100.0);
      lp_cli_table_add_optional_tenths (table, coverage && month->has_actual, month->actual * 100.0);
      lp_cli_table_add_optional_tenths (table, coverage && month->has_target, month->gap * 100.0);
      lp_cli_table_add_tenths (table, month->required_minutes);
      lp_cli_table_add_count (table, month->offered_minutes);
      if (any_pcn && month->pcn_rule)
        lp_cli_table_add_count (table, month->standard_minutes);
      else if (any_pcn)
        lp_cli_table_add_text (table, "");
    }
  return lp_cli_table_to_string (table);
}

/* Each network's figures, then each locality's share of them, in @month. */
static char *
lp_cli_access_networks_text (const LpPcnAccess *access,
                             gboolean           csv)
{
  g_autoptr(LpCliTable) table = lp_cli_table_new (csv ? LP_CLI_OUTPUT_CSV : LP_CLI_OUTPUT_HUMAN);

  lp_cli_table_add_column (table, _("Month"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Kind"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Code"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Name"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Population"), LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, _("Required min/week"), LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, _("Offered min/week"), LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, _("In network hours"), LP_CLI_COLUMN_NUMBER);
  for (guint i = 0; i < access->pcns->len; i++)
    {
      const LpPcnAccessPcn *pcn = g_ptr_array_index (access->pcns, i);

      lp_cli_table_add_text (table, access->month);
      lp_cli_table_add_text (table, _("network"));
      lp_cli_table_add_text (table, pcn->code);
      lp_cli_table_add_text (table, pcn->name);
      lp_cli_table_add_tenths (table, pcn->population);
      lp_cli_table_add_tenths (table, pcn->required_minutes);
      lp_cli_table_add_count (table, pcn->offered_minutes);
      lp_cli_table_add_count (table, pcn->standard_minutes);
    }
  for (guint i = 0; i < access->localities->len; i++)
    {
      const LpPcnAccessLocality *locality = g_ptr_array_index (access->localities, i);

      lp_cli_table_add_text (table, access->month);
      lp_cli_table_add_text (table, _("locality"));
      lp_cli_table_add_text (table, "");
      lp_cli_table_add_text (table, locality->name);
      lp_cli_table_add_tenths (table, locality->population);
      lp_cli_table_add_tenths (table, locality->required_minutes);
      lp_cli_table_add_tenths (table, locality->offered_minutes);
      lp_cli_table_add_tenths (table, locality->standard_minutes);
    }
  return lp_cli_table_to_string (table);
}

int
lp_cli_access (const char *const  *args,
               GHashTable         *given,
               GError            **error)
{
  g_autoptr(LpPlan) plan = lp_cli_open_plan (args[0], error);
  LpAccessQuery query = { 0, };
  g_autoptr(LpAccessTable) access = NULL;
  g_autofree char *text = NULL;

  if (plan == NULL || !lp_cli_access_query (plan, given, &query, error) ||
      (access = lp_plan_access (plan, &query, error)) == NULL)
    return LP_CLI_EXIT_FAILURE;
  if (g_hash_table_contains (given, "--networks"))
    {
      /* The last month asked for: --to, or the range's end. */
      const LpAccessMonth *last = g_ptr_array_index (access->months, access->months->len - 1);
      g_autoptr(LpPcnAccess) networks = NULL;

      if (!last->pcn_rule)
        return g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE,
                            _("--networks needs a last month (%s) under a capacity rule per primary care network"),
                            last->month), LP_CLI_EXIT_FAILURE;
      if ((networks = lp_plan_pcn_access (plan, query.scenario_id, query.locality_id, last->month, error)) == NULL)
        return LP_CLI_EXIT_FAILURE;
      text = lp_cli_access_networks_text (networks, g_hash_table_contains (given, "--csv"));
      g_print ("%s", text);
      return LP_CLI_EXIT_OK;
    }
  text = lp_cli_access_text (access, g_hash_table_contains (given, "--csv"));
  g_print ("%s", text);
  return LP_CLI_EXIT_OK;
}
