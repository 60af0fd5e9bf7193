/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Workforce ratios at the baseline, each locality's share of a CCG
 * target, and setting a practice's planned movements (see lp-workforce.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-form.h"
#include "lp-locality.h"
#include "lp-plan-private.h"
#include "lp-validate.h"
#include "lp-workforce-private.h"

static const char *const groups[] = { "GP", "NURSE", "DPC", "ADMIN" };

static void
lp_wf_add_record (const LpWfData    *data,
                  const LpWfRecord  *record,
                  LpWorkforceRatios *ratios)
{
  const LpWfRole *role = g_hash_table_lookup (data->roles, record->role);

  if (role == NULL)
    return;
  if (!record->has_fte)
    {
      ratios->missing++;
      return;
    }
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    if (strcmp (role->group, groups[g]) == 0)
      ratios->per_1000[g] += record->fte;
  if (strcmp (role->group, "GP") != 0)
    return;
  ratios->gp_fte += record->fte;
  if (!role->trainee && !role->locum)
    ratios->gp_fte_qualified += record->fte;
}

/**
 * lp_plan_workforce_ratios:
 *
 * Patients per GP FTE with and without trainees and locums, and FTE per
 * 1,000 patients by staff group, from the baseline records and the latest
 * list sizes.  A practice of 10,000 patients with 5.0 GP FTE of which 1.0
 * a trainee has 2,000 patients per GP FTE, 2,500 per qualified GP FTE.
 */
gboolean
lp_plan_workforce_ratios (LpPlan                  *plan,
                          const LpWorkforceQuery  *query,
                          LpWorkforceRatios       *ratios,
                          GError                 **error)
{
  LpWorkforceQuery all_roles = { query->locality_id, query->practice_id, query->scenario_id, NULL, NULL };
  g_auto(LpWfData) data = { 0, };

  g_return_val_if_fail (LP_IS_PLAN (plan) && ratios != NULL, FALSE);

  memset (ratios, 0, sizeof *ratios);
  if (!lp_wf_data_load (&data, plan, &all_roles, error))
    return FALSE;
  for (guint i = 0; i < data.practices->len; i++)
    {
      const LpWfPractice *practice = &g_array_index (data.practices, LpWfPractice, i);

      if (lp_wf_practice_selected (&data, &all_roles, practice->id))
        ratios->patients += practice->patients;
    }
  for (guint i = 0; i < data.records->len; i++)
    {
      const LpWfRecord *record = &g_array_index (data.records, LpWfRecord, i);

      if (strcmp (record->as_at, data.base_date) == 0 &&
          lp_wf_practice_selected (&data, &all_roles, record->practice_id))
        lp_wf_add_record (&data, record, ratios);
    }
  ratios->patients_per_gp = ratios->gp_fte > 0 ? ratios->patients / ratios->gp_fte : 0;
  ratios->patients_per_qualified_gp = ratios->gp_fte_qualified > 0 ? ratios->patients / ratios->gp_fte_qualified : 0;
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    ratios->per_1000[g] = ratios->patients > 0 ? ratios->per_1000[g] * 1000.0 / ratios->patients : 0;
  return TRUE;
}

/**
 * lp_plan_workforce_shares:
 *
 * Returns: (transfer full): locality name -> its share (double FTE) of the
 *   nearest scenario's CCG targets for @staff_group, by registered patients
 */
GHashTable *
lp_plan_workforce_shares (LpPlan      *plan,
                          gint64       scenario_id,
                          const char  *staff_group,
                          GError     **error)
{
  LpWorkforceQuery query = { 0, 0, scenario_id, staff_group, NULL };
  g_auto(LpWfData) data = { 0, };
  g_autoptr(GHashTable) shares = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GListModel) localities = NULL;
  double change = 0;

  if (!lp_wf_data_load (&data, plan, &query, error) || (localities = lp_plan_list_localities (plan, error)) == NULL)
    return NULL;
  for (guint i = 0; i < data.targets->len; i++)
    {
      const LpWfTarget *target = &g_array_index (data.targets, LpWfTarget, i);

      if (strcmp (target->level, "ccg") == 0 && strcmp (target->group, staff_group) == 0)
        change += target->change;
    }
  for (guint i = 0; i < g_list_model_get_n_items (localities); i++)
    {
      g_autoptr(LpLocality) locality = g_list_model_get_item (localities, i);
      gint64 patients = 0;

      for (guint p = 0; p < data.practices->len; p++)
        if (g_array_index (data.practices, LpWfPractice, p).locality_id == lp_locality_get_id (locality))
          patients += g_array_index (data.practices, LpWfPractice, p).patients;
      g_hash_table_insert (shares, g_strdup (lp_locality_get_name (locality)),
                           g_memdup2 (&(double) { data.ccg_patients > 0 ? change * patients / data.ccg_patients : 0 },
                                      sizeof (double)));
    }
  return g_steal_pointer (&shares);
}

static gboolean
lp_wf_check_change (const char  *quarter_start,
                    double       joiners,
                    double       leavers,
                    double       retirements,
                    GError     **error)
{
  int index = lp_wf_quarter_index (quarter_start);
  char start[11];

  if (index >= 0)
    lp_wf_quarter_start (index, start);
  if (index < 0 || strcmp (start, quarter_start) != 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("“%s” is not the first day of a quarter (1 April, 1 July, 1 October or 1 January)"),
                        quarter_start != NULL ? quarter_start : ""), FALSE;
  if (!isfinite (joiners) || !isfinite (leavers) || !isfinite (retirements) ||
      joiners < 0 || leavers < 0 || retirements < 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("Joiners, leavers and retirements are FTE of 0 or more")), FALSE;
  return TRUE;
}

gboolean
lp_plan_set_workforce_change (LpPlan      *plan,
                              gint64       scenario_id,
                              gint64       practice_id,
                              const char  *role,
                              const char  *quarter_start,
                              double       joiners,
                              double       leavers,
                              double       retirements,
                              GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  if (!lp_wf_check_change (quarter_start, joiners, leavers, retirements, error) ||
      !lp_plan_begin_write (plan, error))
    return FALSE;
  stmt = lp_plan_prepare (plan,
      "INSERT INTO workforce_change (id, scenario_id, practice_id, role, quarter_start, joiners, leavers, "
      "retirements) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
      "ON CONFLICT (scenario_id, practice_id, role, quarter_start) DO UPDATE SET joiners = excluded.joiners, "
      "leavers = excluded.leavers, retirements = excluded.retirements", error);
  if (stmt == NULL)
    return lp_plan_rollback (plan), FALSE;
  sqlite3_bind_int64 (stmt, 1, lp_id_new ());
  sqlite3_bind_int64 (stmt, 2, scenario_id != 0 ? scenario_id : lp_plan_get_base_scenario_id (plan));
  sqlite3_bind_int64 (stmt, 3, practice_id);
  lp_stmt_bind_text (stmt, 4, role);
  lp_stmt_bind_text (stmt, 5, quarter_start);
  sqlite3_bind_double (stmt, 6, joiners);
  sqlite3_bind_double (stmt, 7, leavers);
  sqlite3_bind_double (stmt, 8, retirements);
  if (!lp_stmt_run (plan, stmt, _("change the workforce plan"), error))
    return lp_plan_rollback (plan), FALSE;
  if (!lp_plan_commit (plan, error))
    return FALSE;
  /* The kept projection follows this one movement instead of reading the
   * plan again; the views hear of it as of any change. */
  lp_wf_cache_moved (plan, scenario_id != 0 ? scenario_id : lp_plan_get_base_scenario_id (plan), practice_id,
                     role, quarter_start, joiners - leavers - retirements);
  lp_plan_emit_changed (plan, "workforce_change");
  lp_wf_cache_end_move (plan);
  return TRUE;
}

/* An FTE as typed into a movements field; blank is none. */
static gboolean
lp_wf_read_fte (const char  *field,
                const char  *typed,
                double      *fte,
                GError     **error)
{
  if (lp_text_is_blank (typed))
    return *fte = 0, TRUE;
  return lp_parse_decimal (field, typed, 0, fte, error);
}

/**
 * lp_plan_enter_workforce_change:
 * @joiners: the joiners' FTE as typed ("1.5"); blank is none
 * @leavers: the leavers' FTE as typed
 * @bad_field: (out) (optional): on failure, %LP_FIELD_JOINERS or
 *   %LP_FIELD_LEAVERS if the figure there is refused, else %NULL
 *
 * Sets the practice's movements from what was typed into its joiners and
 * leavers fields, with no retirements, as lp_plan_set_workforce_change()
 * does.
 */
gboolean
lp_plan_enter_workforce_change (LpPlan       *plan,
                                gint64        scenario_id,
                                gint64        practice_id,
                                const char   *role,
                                const char   *quarter_start,
                                const char   *joiners,
                                const char   *leavers,
                                const char  **bad_field,
                                GError      **error)
{
  const char *refused = NULL;
  double in, out;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  if (!lp_wf_read_fte (_("Joiners"), joiners, &in, error))
    refused = LP_FIELD_JOINERS;
  else if (!lp_wf_read_fte (_("Leavers"), leavers, &out, error))
    refused = LP_FIELD_LEAVERS;
  else if (lp_plan_set_workforce_change (plan, scenario_id, practice_id, role, quarter_start, in, out, 0, error))
    return TRUE;
  if (bad_field != NULL)
    *bad_field = refused;
  return FALSE;
}
