/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `list localities|practices|contracts PLAN [--csv]`: one row per item of
 * core's list model, as an aligned table or as CSV. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lp-cli.h"
#include "lp-cli-table.h"

typedef gboolean (*LpCliFillFunc) (LpPlan      *plan,
                                   LpCliTable  *table,
                                   GError     **error);

static gboolean
fill_localities (LpPlan      *plan,
                 LpCliTable  *table,
                 GError     **error)
{
  g_autoptr(GListModel) model = lp_plan_list_localities (plan, error);
  guint practices = 0;
  gint64 patients = 0;

  if (model == NULL)
    return FALSE;
  lp_cli_table_add_column (table, _("Locality"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Code"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Practices"), LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, _("Registered patients"), LP_CLI_COLUMN_NUMBER);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LpLocality) locality = g_list_model_get_item (model, i);

      lp_cli_table_add_text (table, lp_locality_get_name (locality));
      lp_cli_table_add_text (table, lp_locality_get_code (locality));
      lp_cli_table_add_count (table, lp_locality_get_practice_count (locality));
      lp_cli_table_add_count (table, lp_locality_get_registered_patients (locality));
      practices += lp_locality_get_practice_count (locality);
      patients += lp_locality_get_registered_patients (locality);
    }
  /* A total row would be read as one more locality by a spreadsheet. */
  if (lp_cli_table_get_output (table) == LP_CLI_OUTPUT_HUMAN)
    {
      lp_cli_table_add_text (table, _("Total"));
      lp_cli_table_add_text (table, NULL);
      lp_cli_table_add_count (table, practices);
      lp_cli_table_add_count (table, patients);
    }
  return TRUE;
}

static gboolean
fill_practices (LpPlan      *plan,
                LpCliTable  *table,
                GError     **error)
{
  g_autoptr(GListModel) model = lp_plan_list_practices (plan, 0, error);

  if (model == NULL)
    return FALSE;
  lp_cli_table_add_column (table, _("Code"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Name"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Locality"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Postcode"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Status"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Closed on"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("List size"), LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, _("List size date"), LP_CLI_COLUMN_TEXT);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LpPractice) practice = g_list_model_get_item (model, i);
      gint64 list_size = lp_practice_get_list_size (practice);

      lp_cli_table_add_text (table, lp_practice_get_ods_code (practice));
      lp_cli_table_add_text (table, lp_practice_get_name (practice));
      lp_cli_table_add_text (table, lp_practice_get_locality_name (practice));
      lp_cli_table_add_text (table, lp_practice_get_postcode (practice));
      lp_cli_table_add_text (table, lp_practice_get_status (practice));
      lp_cli_table_add_date (table, lp_practice_get_close_date (practice));
      /* -1 means no extract yet: an empty cell, not a figure to add up. */
      if (list_size < 0)
        lp_cli_table_add_text (table, NULL);
      else
        lp_cli_table_add_count (table, list_size);
      lp_cli_table_add_date (table, lp_practice_get_list_size_date (practice));
    }
  return TRUE;
}

static gboolean
fill_contracts (LpPlan      *plan,
                LpCliTable  *table,
                GError     **error)
{
  g_autoptr(GListModel) model = lp_plan_list_contracts (plan, error);

  if (model == NULL)
    return FALSE;
  lp_cli_table_add_column (table, _("Provider"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Sector"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Service"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Start"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("End"), LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, _("Months"), LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, _("Annual value (£)"), LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, _("Vulnerable services"), LP_CLI_COLUMN_TEXT);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LpContract) contract = g_list_model_get_item (model, i);

      lp_cli_table_add_text (table, lp_contract_get_provider (contract));
      lp_cli_table_add_text (table, lp_contract_get_sector (contract));
      lp_cli_table_add_text (table, lp_contract_get_service (contract));
      lp_cli_table_add_date (table, lp_contract_get_start_date (contract));
      lp_cli_table_add_date (table, lp_contract_get_end_date (contract));
      lp_cli_table_add_count (table, lp_contract_get_length_months (contract));
      lp_cli_table_add_pounds (table, lp_contract_get_annual_value_pounds (contract));
      lp_cli_table_add_text (table, lp_contract_get_vulnerable_services (contract));
    }
  return TRUE;
}

static const struct {
  const char    *name;
  LpCliFillFunc  fill;
} lists[] = {
  { "localities", fill_localities },
  { "practices", fill_practices },
  { "contracts", fill_contracts },
};

static LpCliFillFunc
find_list (const char  *name,
           GError     **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (lists); i++)
    if (strcmp (lists[i].name, name) == 0)
      return lists[i].fill;
  g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE,
               _("cannot list “%s”: choose localities, practices or contracts"), name);
  return NULL;
}

/* CSV is written as raw UTF-8 bytes: the file is for a spreadsheet, not
 * for this terminal's character set, which g_print() would convert to. */
int
lp_cli_list (const char *const  *args,
             GHashTable         *options,
             GError            **error)
{
  gboolean csv = g_hash_table_contains (options, "--csv");
  LpCliFillFunc fill = find_list (args[0], error);
  g_autoptr(LpPlan) plan = NULL;
  g_autoptr(LpCliTable) table = lp_cli_table_new (csv ? LP_CLI_OUTPUT_CSV : LP_CLI_OUTPUT_HUMAN);
  g_autofree char *text = NULL;

  if (fill == NULL)
    return LP_CLI_EXIT_FAILURE;
  plan = lp_cli_open_plan (args[1], error);
  if (plan == NULL || !fill (plan, table, error))
    return LP_CLI_EXIT_FAILURE;
  text = lp_cli_table_to_string (table);
  if (csv)
    fputs (text, stdout);
  else
    g_print ("%s", text);
  return LP_CLI_EXIT_OK;
}
