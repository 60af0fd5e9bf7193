/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `model PLAN [--locality NAME] [--scenario NAME] [--per month|week|year]
 * [--base BASE] [--practices] [--csv]`: the locality modelling table, as the view shows
 * it, or with --practices each practice's share of its grand total, as the
 * view's practice breakdown, the practice page and the export give it. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-cli.h"
#include "lp-cli-table.h"

static gboolean
lp_cli_model_query (LpPlan        *plan,
                    GHashTable    *given,
                    LpModelQuery  *query,
                    GError       **error)
{
  const char *per = g_hash_table_lookup (given, "--per");

  if (!lp_cli_find_scope (plan, given, &query->locality_id, &query->scenario_id, error))
    return FALSE;
  /* Core reads the base and refuses a bad one with its own words. */
  query->base = g_hash_table_lookup (given, "--base");
  if (per == NULL || g_str_equal (per, "month"))
    query->per = LP_PER_MONTH;
  else if (g_str_equal (per, "week"))
    query->per = LP_PER_WEEK;
  else if (g_str_equal (per, "year"))
    query->per = LP_PER_YEAR;
  else
    return g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE,
                        _("--per takes month, week or year, not “%s”"), per), FALSE;
  return TRUE;
}

static void
lp_cli_model_horizon_columns (LpCliTable         *table,
                              const LpModelTable *model)
{
  for (guint h = 0; h < model->n_horizons; h++)
    {
      g_autofree char *activity = g_strdup_printf (_("%d years: activity"), model->horizons[h]);
      g_autofree char *beds = g_strdup_printf (_("%d years: bed days"), model->horizons[h]);

      lp_cli_table_add_column (table, activity, LP_CLI_COLUMN_NUMBER);
      lp_cli_table_add_column (table, beds, LP_CLI_COLUMN_NUMBER);
    }
}

/* Whether the table says each row's base: only where a row is shared by
 * something other than registered population, so that the plan's usual
 * tables stay as they were. */
static gboolean
lp_cli_model_says_bases (const LpModelTable *model)
{
  const char *base = lp_model_table_base (model);

  return base == NULL || !lp_population_base_is_registered (base);
}

static void
lp_cli_model_columns (LpCliTable         *table,
                      const LpModelTable *model)
{
  lp_cli_table_add_column (table, _("Pathway"), LP_CLI_COLUMN_TEXT);
  lp_cli_model_horizon_columns (table, model);
  if (lp_cli_model_says_bases (model))
    lp_cli_table_add_column (table, _("Population base"), LP_CLI_COLUMN_TEXT);
}

static void
lp_cli_model_heading (const char          *locality,
                      const LpModelQuery  *query,
                      const LpModelTable  *model)
{
  g_autofree char *population = lp_format_count (model->population);
  const char *per = query->per == LP_PER_MONTH ? _("per month (a year / 12)")
                  : query->per == LP_PER_WEEK ? _("per week (a year / 52)") : _("per year");

  const char *base = lp_model_table_base (model);

  g_print (_("%s: reductions %s, for %s registered patients\n"), locality, per, population);
  if (base != NULL)
    g_print (_("Shared by population base: %s\n"), base);
  else
    g_print ("%s\n", _("Shared by each pathway's population base (the last column)"));
  if (model->by_weights)
    g_print ("%s\n", model->weights_normalised
             ? _("STP and CCG changes shared by the scenario's weights, divided by their total")
             : _("STP and CCG changes shared by the scenario's weights"));
  g_print ("\n");
}

static char *
lp_cli_model_text (const LpModelTable *model,
                   gboolean            csv)
{
  g_autoptr(LpCliTable) table = lp_cli_table_new (csv ? LP_CLI_OUTPUT_CSV : LP_CLI_OUTPUT_HUMAN);

  lp_cli_model_columns (table, model);
  for (guint i = 0; i < model->rows->len; i++)
    {
      const LpModelRow *row = g_ptr_array_index (model->rows, i);
      lp_cli_table_add_text (table, row->name);
      for (guint h = 0; h < model->n_horizons; h++)
        {
          lp_cli_table_add_tenths (table, row->activity[h]);
          lp_cli_table_add_tenths (table, row->bed_days[h]);
        }
      if (lp_cli_model_says_bases (model))
        lp_cli_table_add_text (table, row->base != NULL ? row->base : "");
    }
  return lp_cli_table_to_string (table);
}

/* --practices: a row a practice, with its locality and list size, its
 * share of the locality's patients in percent and its share of each column
 * of the grand total, all from core's breakdown. */
static char *
lp_cli_model_practices_text (LpPlan              *plan,
                             const LpModelQuery  *query,
                             const LpModelTable  *model,
                             gboolean             csv,
                             GError             **error)
{
  g_autoptr(LpCliTable) table = lp_cli_table_new (csv ? LP_CLI_OUTPUT_CSV : LP_CLI_OUTPUT_HUMAN);
  g_autoptr(GPtrArray) practices = lp_plan_model_practices (plan, query, model, error);

  if (practices == NULL)
    return NULL;
  lp_cli_table_add_column (table, _("Code"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Practice"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Locality"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("List size"), LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, _("Share (%)"), LP_CLI_COLUMN_NUMBER);
  lp_cli_model_horizon_columns (table, model);
  if (lp_cli_model_says_bases (model))
    lp_cli_table_add_column (table, _("Population base"), LP_CLI_COLUMN_TEXT);
  for (guint i = 0; i < practices->len; i++)
    {
      const LpModelPractice *practice = g_ptr_array_index (practices, i);

      lp_cli_table_add_text (table, practice->ods_code);
      lp_cli_table_add_text (table, practice->name);
      lp_cli_table_add_text (table, practice->locality);
      lp_cli_table_add_count (table, practice->list_size);
      lp_cli_table_add_tenths (table, practice->share * 100.0);
      for (guint h = 0; h < model->n_horizons; h++)
        {
          lp_cli_table_add_tenths (table, practice->activity[h]);
          lp_cli_table_add_tenths (table, practice->bed_days[h]);
        }
      if (lp_cli_model_says_bases (model))
        lp_cli_table_add_text (table, lp_model_table_base (model) != NULL ? lp_model_table_base (model)
                                                                         : _("each pathway's"));
    }
  return lp_cli_table_to_string (table);
}

/* --compare NAME: the same table in another scenario, as differences. */
static char *
lp_cli_model_comparison (LpPlan              *plan,
                         const LpModelQuery  *query,
                         const LpModelTable  *model,
                         const char          *other_name,
                         gboolean             csv,
                         GError             **error)
{
  LpModelQuery other = *query;
  g_autoptr(LpModelTable) other_model = NULL;
  g_autoptr(LpModelTable) difference = NULL;
  g_autofree char *table = NULL;

  if ((other.scenario_id = lp_plan_find_scenario (plan, other_name)) == 0)
    return g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE,
                        _("the plan has no scenario called “%s”"), other_name), NULL;
  if ((other_model = lp_plan_model (plan, &other, error)) == NULL)
    return NULL;
  difference = lp_model_table_difference (model, other_model);
  if (difference == NULL)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("the two scenarios' tables have different rows or horizons")), NULL;
  table = lp_cli_model_text (difference, csv);
  return csv ? g_steal_pointer (&table)
             : g_strdup_printf (_("\nDifference from scenario “%s”:\n\n%s"), other_name, table);
}

int
lp_cli_model (const char *const  *args,
              GHashTable         *given,
              GError            **error)
{
  g_autoptr(LpPlan) plan = lp_cli_open_plan (args[0], error);
  gboolean csv = g_hash_table_contains (given, "--csv");
  gboolean practices = g_hash_table_contains (given, "--practices");
  const char *compare = g_hash_table_lookup (given, "--compare");
  g_autoptr(LpModelTable) model = NULL;
  g_autofree char *text = NULL;
  g_autofree char *comparison = NULL;
  LpModelQuery query = { 0 };

  if (practices && compare != NULL)
    return g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE,
                        _("--practices and --compare cannot be used together")), LP_CLI_EXIT_FAILURE;
  if (plan == NULL || !lp_cli_model_query (plan, given, &query, error) ||
      (model = lp_plan_model (plan, &query, error)) == NULL)
    return LP_CLI_EXIT_FAILURE;
  if (practices && model->n_horizons > 0 &&
      (text = lp_cli_model_practices_text (plan, &query, model, csv, error)) == NULL)
    return LP_CLI_EXIT_FAILURE;
  if (compare != NULL &&
      (comparison = lp_cli_model_comparison (plan, &query, model, compare, csv, error)) == NULL)
    return LP_CLI_EXIT_FAILURE;
  if (!csv)
    lp_cli_model_heading (g_hash_table_lookup (given, "--locality") != NULL
                          ? (const char *) g_hash_table_lookup (given, "--locality") : _("All localities"),
                          &query, model);
  /* With --csv and --compare, only the differences: one table a file. */
  if (text == NULL)
    text = comparison != NULL && csv ? g_steal_pointer (&comparison) : lp_cli_model_text (model, csv);
  g_print ("%s%s", text, comparison != NULL ? comparison : "");
  return LP_CLI_EXIT_OK;
}
