/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tables the views show, built from the same list models the views
 * use, so an export says what the screen says.  No SQL here. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-contract.h"
#include "lp-export-private.h"
#include "lp-locality.h"
#include "lp-overview.h"
#include "lp-practice.h"

typedef gboolean (*ViewFunc) (LpPlan              *plan,
                              const LpModelQuery  *query,
                              LpExportSink        *sink,
                              GError             **error);

static gboolean
export_localities (LpPlan              *plan,
                   const LpModelQuery  *query G_GNUC_UNUSED,
                   LpExportSink        *sink,
                   GError             **error)
{
  const LpExportColumn columns[] = {
    { _("Locality"), LP_EXPORT_COLUMN_PLAIN },
    { _("Code"), LP_EXPORT_COLUMN_PLAIN },
    { _("Practices"), LP_EXPORT_COLUMN_COUNT },
    { _("Registered patients"), LP_EXPORT_COLUMN_COUNT },
  };
  g_autoptr(GListModel) model = lp_plan_list_localities (plan, error);

  if (model == NULL || !sink->begin_sheet (sink, "localities", columns, G_N_ELEMENTS (columns), error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LpLocality) locality = g_list_model_get_item (model, i);
      const LpExportValue row[] = {
        lp_export_text_value (lp_locality_get_name (locality)),
        lp_export_text_value (lp_locality_get_code (locality)),
        lp_export_int_value (lp_locality_get_practice_count (locality)),
        /* No list size yet is an empty cell, not a total of 0. */
        lp_locality_has_registered_patients (locality)
          ? lp_export_int_value (lp_locality_get_registered_patients (locality)) : lp_export_text_value (NULL),
      };

      if (!sink->write_row (sink, row, error))
        return FALSE;
    }
  return sink->end_sheet (sink, error);
}

static gboolean
export_practices (LpPlan              *plan,
                  const LpModelQuery  *query G_GNUC_UNUSED,
                  LpExportSink        *sink,
                  GError             **error)
{
  const LpExportColumn columns[] = {
    { _("Code"), LP_EXPORT_COLUMN_PLAIN },
    { _("Name"), LP_EXPORT_COLUMN_PLAIN },
    { _("Locality"), LP_EXPORT_COLUMN_PLAIN },
    { _("Postcode"), LP_EXPORT_COLUMN_PLAIN },
    { _("Status"), LP_EXPORT_COLUMN_PLAIN },
    { _("Closed on"), LP_EXPORT_COLUMN_DATE },
    { _("List size"), LP_EXPORT_COLUMN_COUNT },
    { _("As at"), LP_EXPORT_COLUMN_DATE },
  };
  g_autoptr(GListModel) model = lp_plan_list_practices (plan, 0, error);

  if (model == NULL || !sink->begin_sheet (sink, "practices", columns, G_N_ELEMENTS (columns), error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LpPractice) practice = g_list_model_get_item (model, i);
      gint64 list_size = lp_practice_get_list_size (practice);
      /* -1 is "no extract yet": an empty cell, not a figure to add up. */
      const LpExportValue row[] = {
        lp_export_text_value (lp_practice_get_ods_code (practice)),
        lp_export_text_value (lp_practice_get_name (practice)),
        lp_export_text_value (lp_practice_get_locality_name (practice)),
        lp_export_text_value (lp_practice_get_postcode (practice)),
        lp_export_text_value (lp_practice_get_status (practice)),
        lp_export_text_value (lp_practice_get_close_date (practice)),
        list_size < 0 ? lp_export_text_value (NULL) : lp_export_int_value (list_size),
        lp_export_text_value (lp_practice_get_list_size_date (practice)),
      };

      if (!sink->write_row (sink, row, error))
        return FALSE;
    }
  return sink->end_sheet (sink, error);
}

/* The words of the contracts view's status column ("" needs no flag). */
static const char *
contract_state_text (LpContractState state)
{
  switch (state)
    {
    case LP_CONTRACT_ENDING_SOON:
      return _("Ending soon");
    case LP_CONTRACT_ENDED:
      return _("Ended");
    case LP_CONTRACT_NOT_STARTED:
    case LP_CONTRACT_CURRENT:
    default:
      return "";
    }
}

static gboolean
write_contract (LpExportSink  *sink,
                LpContract    *contract,
                const char    *reference_date,
                GError       **error)
{
  LpContractState state = lp_contract_get_state (contract, reference_date,
                                                 LP_ENDING_SOON_MONTHS_DEFAULT);
  const LpExportValue row[] = {
    lp_export_text_value (lp_contract_get_provider (contract)),
    lp_export_text_value (lp_contract_get_sector (contract)),
    lp_export_text_value (lp_contract_get_service (contract)),
    lp_export_text_value (lp_contract_get_start_date (contract)),
    lp_export_text_value (lp_contract_get_end_date (contract)),
    lp_export_int_value (lp_contract_get_length_months (contract)),
    lp_export_int_value (lp_contract_get_annual_value_pounds (contract)),
    lp_export_text_value (contract_state_text (state)),
    lp_export_text_value (lp_contract_get_vulnerable_services (contract)),
  };

  return sink->write_row (sink, row, error);
}

static gboolean
export_contracts (LpPlan              *plan,
                  const LpModelQuery  *query G_GNUC_UNUSED,
                  LpExportSink        *sink,
                  GError             **error)
{
  const LpExportColumn columns[] = {
    { _("Provider"), LP_EXPORT_COLUMN_PLAIN },
    { _("Sector"), LP_EXPORT_COLUMN_PLAIN },
    { _("Service"), LP_EXPORT_COLUMN_PLAIN },
    { _("Start"), LP_EXPORT_COLUMN_DATE },
    { _("End"), LP_EXPORT_COLUMN_DATE },
    { _("Length (months)"), LP_EXPORT_COLUMN_COUNT },
    { _("Annual value (£)"), LP_EXPORT_COLUMN_MONEY },
    { _("Status"), LP_EXPORT_COLUMN_PLAIN },
    { _("Vulnerable services"), LP_EXPORT_COLUMN_PLAIN },
  };
  g_autoptr(GListModel) model = lp_plan_list_contracts (plan, error);
  g_autofree char *reference_date = lp_plan_dup_reference_date (plan, NULL);

  if (model == NULL || !sink->begin_sheet (sink, "contracts", columns, G_N_ELEMENTS (columns), error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LpContract) contract = g_list_model_get_item (model, i);

      if (!write_contract (sink, contract, reference_date, error))
        return FALSE;
    }
  return sink->end_sheet (sink, error);
}

static const struct {
  const char *name;
  ViewFunc    export;
} views[] = {
  { "localities", export_localities },
  { "practices", export_practices },
  { "contracts", export_contracts },
  { "modelling", lp_export_modelling },
  { "modelling-practices", lp_export_modelling_practices },
  { "activity-plan", lp_export_activity_plan },
  { "qipp", lp_export_qipp },
  { "access", lp_export_access },
  { "workforce", lp_export_workforce },
};

/**
 * lp_export_view_names:
 *
 * Returns: (transfer none): the names of the views' tables, as
 *   lp_plan_export() takes them
 */
const char *const *
lp_export_view_names (void)
{
  static const char *const names[] = {
    "localities", "practices", "contracts",
    "modelling", "modelling-practices", "activity-plan", "qipp", "access", "workforce", NULL
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (views) + 1);
  return names;
}

gboolean
lp_export_is_view (const char *name)
{
  return g_strv_contains (lp_export_view_names (), name);
}

/* Writes the view @view (one of lp_export_view_names()) as one sheet. */
gboolean
lp_export_view (LpPlan              *plan,
                const char          *view,
                const LpModelQuery  *query,
                LpExportSink        *sink,
                GError             **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (views); i++)
    if (strcmp (views[i].name, view) == 0)
      return views[i].export (plan, query, sink, error);
  g_return_val_if_reached (FALSE);
}
