/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `workforce PLAN [--locality NAME] [--scenario NAME] [--group
 * GP|nurses|dpc|admin] [--csv]`: FTE quarter by quarter, as the view's
 * table shows it, with the FTE the turnover and joiner rates move each
 * quarter; without --csv, the rates assumed and what the target means
 * follow the table. */
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
  lp_cli_table_add_column (table, _("Turnover FTE"), LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, _("Recruitment FTE"), LP_CLI_COLUMN_NUMBER);
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
      /* The baseline is as recorded: nothing moved by rate yet. */
      lp_cli_table_add_optional_tenths (table, i > 0, quarter->turnover);
      lp_cli_table_add_optional_tenths (table, i > 0, quarter->recruited);
    }
  return lp_cli_table_to_string (table);
}

/* The rates the projection assumed, marked with where they come from
 * when the plan says ("illustrative"), and, with a target, that it is
 * growth on the baseline (as the plan states it), not a total. */
static char *
lp_cli_workforce_notes (const LpWorkforceTable *workforce,
                        const char             *source)
{
  g_autoptr(GString) notes = g_string_new (NULL);

  if (workforce->rates->len == 0)
    g_string_append_printf (notes, "%s\n",
                            _("No turnover or joiner rates: only the planned movements change the FTE."));
  else if (source != NULL && *source != '\0')
    /* TRANSLATORS: %s says where the rates come from, "illustrative" */
    g_string_append_printf (notes, _("Yearly turnover and joiner rates (%s):\n"), source);
  else
    g_string_append_printf (notes, "%s\n", _("Yearly turnover and joiner rates:"));
  for (guint i = 0; i < workforce->rates->len; i++)
    {
      const LpWorkforceRate *rate = g_ptr_array_index (workforce->rates, i);
      g_autofree char *turnover = lp_format_percent_bp (rate->turnover_bp);
      g_autofree char *joiners = lp_format_percent_bp (rate->joiner_bp);

      /* TRANSLATORS: a role's yearly rates: "Salaried GP: turnover 12.0%, joiners 11.0%" */
      g_string_append_printf (notes, _("  %s: turnover %s, joiners %s\n"), rate->name, turnover, joiners);
    }
  if (workforce->has_target)
    {
      g_autofree char *change = lp_format_tenths (workforce->target_change);

      /* TRANSLATORS: "Target: +40.0 FTE by 2021-03-31, growth on the 2018-03-31 baseline as the plan states it" */
      g_string_append_printf (notes, _("Target: %s%s FTE by %s, growth on the %s baseline as the plan states it\n"),
                              workforce->target_change >= 0 ? "+" : "", change, workforce->target_due,
                              workforce->baseline_date);
    }
  return g_string_free (g_steal_pointer (&notes), FALSE);
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
  if (!g_hash_table_contains (given, "--csv"))
    {
      g_autofree char *source = lp_plan_dup_info (plan, "workforce_rates_source");
      g_autofree char *notes = lp_cli_workforce_notes (workforce, source);

      g_print ("\n%s", notes);
    }
  return LP_CLI_EXIT_OK;
}
