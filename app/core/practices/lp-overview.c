/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Overview's figures, and how a contract's dates read on a given day. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lp-age-profile.h"
#include "lp-overview.h"
#include "lp-plan-private.h"
#include "lp-practice-private.h"
#include "lp-validate.h"

const int lp_overview_age_from[LP_OVERVIEW_N_AGE_BANDS] = { 65, 75, 85 };

static void
lp_locality_ages_free (gpointer data)
{
  LpLocalityAges *ages = data;

  g_free (ages->name);
  g_free (ages);
}

/* The latest age profiles' date; NULL, error unset, when there are none. */
static char *
lp_age_profile_latest_or_none (LpPlan  *plan,
                               GError **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, "SELECT max (extract_date) FROM age_profile", error);
  char *latest = NULL;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    latest = g_strdup (lp_stmt_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return latest;
}

static void
lp_locality_ages_free_counts (GHashTable **counts)
{
  for (guint i = 0; i < LP_OVERVIEW_N_AGE_BANDS; i++)
    g_clear_pointer (&counts[i], g_hash_table_unref);
}

/**
 * lp_plan_get_practice_ages:
 * @extract: (out) (transfer full): the age profiles' date, or %NULL
 */
gboolean
lp_plan_get_practice_ages (LpPlan      *plan,
                           gint64       practice_id,
                           gint64       aged[LP_OVERVIEW_N_AGE_BANDS],
                           char       **extract,
                           GError     **error)
{
  GHashTable *counts[LP_OVERVIEW_N_AGE_BANDS] = { NULL, };
  g_autofree char *latest = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean found = TRUE;

  g_return_val_if_fail (LP_IS_PLAN (plan) && aged != NULL && extract != NULL, FALSE);

  *extract = NULL;
  if ((latest = lp_age_profile_latest_or_none (plan, &local_error)) == NULL)
    return local_error != NULL ? (g_propagate_error (error, g_steal_pointer (&local_error)), FALSE) : FALSE;
  for (guint i = 0; i < LP_OVERVIEW_N_AGE_BANDS && found; i++)
    {
      gint64 *count;

      if (!lp_plan_age_band_counts (plan, latest, lp_overview_age_from[i], -1, NULL, &counts[i], NULL, error))
        return lp_locality_ages_free_counts (counts), FALSE;
      count = g_hash_table_lookup (counts[i], &practice_id);
      found = count != NULL;
      aged[i] = found ? *count : 0;
    }
  lp_locality_ages_free_counts (counts);
  if (found)
    *extract = g_steal_pointer (&latest);
  return found;
}

/**
 * lp_plan_get_locality_ages:
 * @ages: (out) (transfer full) (element-type LpLocalityAges): by name
 * @extract: (out) (transfer full): the age profiles' date
 *
 * The plans talk of the over-65s, 75s and 85s: each locality's, from the
 * latest age profiles.  A practice without a profile in that extract is
 * counted apart, never as 0 patients.
 */
gboolean
lp_plan_get_locality_ages (LpPlan      *plan,
                           const char  *reference_date,
                           GPtrArray  **ages,
                           char       **extract,
                           GError     **error)
{
  GHashTable *counts[LP_OVERVIEW_N_AGE_BANDS] = { NULL, };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (lp_locality_ages_free);
  g_autofree char *latest = NULL;
  LpLocalityAges *row = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan) && ages != NULL && extract != NULL, FALSE);

  *ages = NULL;
  *extract = NULL;
  {
    g_autoptr(GError) local_error = NULL;

    if ((latest = lp_age_profile_latest_or_none (plan, &local_error)) == NULL)
      return local_error != NULL ? (g_propagate_error (error, g_steal_pointer (&local_error)), FALSE) : TRUE;
  }
  for (guint i = 0; i < LP_OVERVIEW_N_AGE_BANDS; i++)
    if (!lp_plan_age_band_counts (plan, latest, lp_overview_age_from[i], -1, NULL, &counts[i], NULL, error))
      return lp_locality_ages_free_counts (counts), FALSE;
  stmt = lp_plan_prepare (plan,
      "SELECT l.id, l.name, p.id FROM locality AS l "
      "LEFT JOIN practice AS p ON p.locality_id = l.id AND " LP_PRACTICE_COUNTS_ON ("p", "?1") " "
      "ORDER BY l.name COLLATE NOCASE, l.id", error);
  if (stmt == NULL)
    return lp_locality_ages_free_counts (counts), FALSE;
  lp_stmt_bind_text (stmt, 1, reference_date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 locality = sqlite3_column_int64 (stmt, 0);
      gint64 practice = sqlite3_column_int64 (stmt, 2);

      if (row == NULL || row->locality_id != locality)
        {
          row = g_new0 (LpLocalityAges, 1);
          row->locality_id = locality;
          row->name = g_strdup (lp_stmt_column_text (stmt, 1));
          g_ptr_array_add (rows, row);
        }
      if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
        continue;
      row->practices++;
      if (!g_hash_table_contains (counts[0], &practice))
        {
          row->without_profile++;
          continue;
        }
      for (guint i = 0; i < LP_OVERVIEW_N_AGE_BANDS; i++)
        {
          gint64 *count = g_hash_table_lookup (counts[i], &practice);

          row->aged[i] += count != NULL ? *count : 0;
        }
    }
  sqlite3_reset (stmt);
  lp_locality_ages_free_counts (counts);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the age profiles")), FALSE;
  *ages = g_steal_pointer (&rows);
  *extract = g_steal_pointer (&latest);
  return TRUE;
}

static char *
lp_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * lp_plan_dup_reference_date:
 * @today: (nullable): today as YYYY-MM-DD, or %NULL for the real date
 *
 * Returns: (transfer full): the day the plan's dates are judged from: its
 *   "reference_date" setting when it holds a valid date (a plan about
 *   2018-19 is read as at 2018), otherwise @today
 */
char *
lp_plan_dup_reference_date (LpPlan     *plan,
                            const char *today)
{
  g_autofree char *setting = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  setting = lp_plan_dup_info (plan, "reference_date");
  if (setting != NULL && lp_validate_date ("", setting, NULL))
    return g_steal_pointer (&setting);
  return today != NULL ? g_strdup (today) : lp_today ();
}

static gboolean
lp_date_from_iso (const char *iso,
                  GDate      *date)
{
  guint y, m, d;

  g_date_clear (date, 1);
  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/**
 * lp_contract_get_state:
 * @reference_date: YYYY-MM-DD
 *
 * A contract is ending soon when its end date falls on or after
 * @reference_date and no later than @ending_soon_months after it.
 */
LpContractState
lp_contract_get_state (LpContract *contract,
                       const char *reference_date,
                       guint       ending_soon_months)
{
  GDate reference, start, end, horizon;

  g_return_val_if_fail (LP_IS_CONTRACT (contract), LP_CONTRACT_CURRENT);

  if (!lp_date_from_iso (reference_date, &reference) ||
      !lp_date_from_iso (lp_contract_get_start_date (contract), &start) ||
      !lp_date_from_iso (lp_contract_get_end_date (contract), &end))
    return LP_CONTRACT_CURRENT;
  if (g_date_compare (&end, &reference) < 0)
    return LP_CONTRACT_ENDED;
  if (g_date_compare (&start, &reference) > 0)
    return LP_CONTRACT_NOT_STARTED;
  horizon = reference;
  g_date_add_months (&horizon, ending_soon_months);
  return g_date_compare (&end, &horizon) <= 0 ? LP_CONTRACT_ENDING_SOON : LP_CONTRACT_CURRENT;
}

/**
 * lp_plan_get_overview:
 * @today: (nullable): today as YYYY-MM-DD, or %NULL for the real date
 *
 * Fills @overview (free its contents with lp_overview_clear()).
 */
gboolean
lp_plan_get_overview (LpPlan      *plan,
                      const char  *today,
                      guint        ending_soon_months,
                      LpOverview  *overview,
                      GError     **error)
{
  g_autoptr(GListModel) contracts = NULL;
  g_autofree char *setting = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (overview != NULL, FALSE);

  memset (overview, 0, sizeof *overview);
  if (!lp_plan_get_summary (plan, &overview->summary, error) ||
      (contracts = lp_plan_list_contracts (plan, error)) == NULL)
    return FALSE;
  overview->reference_date = lp_plan_dup_reference_date (plan, today);
  setting = lp_plan_dup_info (plan, "reference_date");
  overview->reference_is_plan_setting = g_strcmp0 (setting, overview->reference_date) == 0;
  overview->ending_soon_months = ending_soon_months;
  if (!lp_plan_get_locality_ages (plan, overview->reference_date, &overview->locality_ages,
                                  &overview->ages_extract, error))
    return lp_overview_clear (overview), FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(LpContract) contract = g_list_model_get_item (contracts, i);
      LpContractState state = lp_contract_get_state (contract, overview->reference_date, ending_soon_months);

      if (state == LP_CONTRACT_ENDING_SOON)
        {
          overview->contracts_ending_soon++;
          overview->ending_soon_value_pounds += lp_contract_get_annual_value_pounds (contract);
        }
      else if (state == LP_CONTRACT_ENDED)
        overview->contracts_ended++;
    }
  return TRUE;
}

void
lp_overview_clear (LpOverview *overview)
{
  g_clear_pointer (&overview->reference_date, g_free);
  g_clear_pointer (&overview->locality_ages, g_ptr_array_unref);
  g_clear_pointer (&overview->ages_extract, g_free);
}
