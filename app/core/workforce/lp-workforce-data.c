/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Workforce planning: the plan's roles, practices, FTE records, planned
 * movements, turnover and joiner rates and targets, read once into
 * memory. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-plan-private.h"
#include "lp-practice-private.h"
#include "lp-scenario.h"
#include "lp-workforce-private.h"

void
lp_wf_data_clear (LpWfData *data)
{
  g_clear_pointer (&data->roles, g_hash_table_unref);
  g_clear_pointer (&data->practices, g_array_unref);
  g_clear_pointer (&data->by_id, g_hash_table_unref);
  g_clear_pointer (&data->records, g_array_unref);
  g_clear_pointer (&data->changes, g_array_unref);
  g_clear_pointer (&data->change_keys, g_hash_table_unref);
  g_clear_pointer (&data->rates, g_hash_table_unref);
  g_clear_pointer (&data->targets, g_array_unref);
}

/* By hand, not sscanf: it runs once a record, 160,000 times for England. */
int
lp_wf_quarter_index (const char *date)
{
  int year = 0, month;

  if (date == NULL || strlen (date) < 7 || date[4] != '-')
    return -1;
  for (int i = 0; i < 4; i++)
    {
      if (!g_ascii_isdigit (date[i]))
        return -1;
      year = year * 10 + (date[i] - '0');
    }
  if (!g_ascii_isdigit (date[5]) || !g_ascii_isdigit (date[6]))
    return -1;
  month = (date[5] - '0') * 10 + (date[6] - '0');
  if (month < 1 || month > 12)
    return -1;
  return year * 4 + (month - 1) / 3;
}

void
lp_wf_quarter_start (int  index,
                     char start[11])
{
  g_snprintf (start, 11, "%04d-%02d-01", index / 4, (index % 4) * 3 + 1);
}

gboolean
lp_wf_practice_selected (const LpWfData         *data,
                         const LpWorkforceQuery *query,
                         gint64                  practice_id)
{
  const LpWfPractice *practice = g_hash_table_lookup (data->by_id, &practice_id);

  return practice != NULL &&
         (query->practice_id == 0 || query->practice_id == practice_id) &&
         (query->locality_id == 0 || query->locality_id == practice->locality_id);
}

gboolean
lp_wf_role_selected (const LpWfData         *data,
                     const LpWorkforceQuery *query,
                     const char             *role)
{
  const LpWfRole *found = g_hash_table_lookup (data->roles, role);

  if (found == NULL)
    return FALSE;
  if (query->role != NULL)
    return strcmp (query->role, role) == 0;
  return query->staff_group == NULL || strcmp (query->staff_group, found->group) == 0;
}

static gboolean
lp_wf_load_roles (LpWfData  *data,
                  LpPlan    *plan,
                  GError   **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, "SELECT code, staff_group, is_trainee, is_locum, name FROM staff_role "
                                        "ORDER BY sort_order, code", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LpWfRole *role = g_new0 (LpWfRole, 1);

      g_strlcpy (role->group, lp_stmt_column_text (stmt, 1), sizeof role->group);
      g_strlcpy (role->name, lp_stmt_column_text (stmt, 4), sizeof role->name);
      role->trainee = sqlite3_column_int (stmt, 2) != 0;
      role->locum = sqlite3_column_int (stmt, 3) != 0;
      role->index = g_hash_table_size (data->roles);
      g_hash_table_insert (data->roles, g_strdup (lp_stmt_column_text (stmt, 0)), role);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* The first quarter a practice closed from @closed_from (its
 * LP_PRACTICE_CLOSED_FROM; NULL while it counts) no longer counts in: the
 * quarter it closed on the first day of, else the next one. */
static int
lp_wf_closed_quarter (const char *closed_from)
{
  char start[11];
  int quarter;

  if (closed_from == NULL || *closed_from == '\0')
    return G_MAXINT;
  quarter = lp_wf_quarter_index (closed_from);
  if (quarter < 0)
    return G_MAXINT;
  lp_wf_quarter_start (quarter, start);
  return strcmp (closed_from, start) == 0 ? quarter : quarter + 1;
}

/* Practices in a locality, with their latest list size; a closed practice
 * keeps its staff records but no patients (they have registered
 * elsewhere, and would be counted twice in the ratios and shares), and its
 * staff leave the projection from the quarter it closed by. */
static gboolean
lp_wf_load_practices (LpWfData  *data,
                      LpPlan    *plan,
                      GError   **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT p.id, p.locality_id, CASE WHEN " LP_PRACTICE_COUNTS_ON ("p", "NULL") " THEN "
      "  ifnull ((SELECT s.patients FROM list_size AS s WHERE s.practice_id = p.id "
      "  ORDER BY s.extract_date DESC LIMIT 1), 0) ELSE 0 END, " LP_PRACTICE_CLOSED_FROM ("p") " "
      "FROM practice AS p WHERE p.locality_id IS NOT NULL",
      error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LpWfPractice practice = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                sqlite3_column_int64 (stmt, 2),
                                lp_wf_closed_quarter ((const char *) sqlite3_column_text (stmt, 3)) };

      data->ccg_patients += practice.patients;
      g_array_append_val (data->practices, practice);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < data->practices->len; i++)
    {
      LpWfPractice *practice = &g_array_index (data->practices, LpWfPractice, i);

      g_hash_table_insert (data->by_id, &practice->id, practice);
    }
  return TRUE;
}

/* Only the selection's rows are read: for one locality, a hundred or so
 * instead of England's 160,000. */
#define LP_WF_SELECTION \
  " (?1 = 0 OR practice_id IN (SELECT id FROM practice WHERE locality_id = ?1))" \
  " AND (?2 = 0 OR practice_id = ?2)" \
  " AND (?3 IS NULL OR role IN (SELECT code FROM staff_role WHERE staff_group = ?3))" \
  " AND (?4 IS NULL OR role = ?4)"

static void
lp_wf_bind_selection (sqlite3_stmt           *stmt,
                      const LpWorkforceQuery *query)
{
  sqlite3_bind_int64 (stmt, 1, query->locality_id);
  sqlite3_bind_int64 (stmt, 2, query->practice_id);
  lp_stmt_bind_text (stmt, 3, query->staff_group);
  lp_stmt_bind_text (stmt, 4, query->role);
}

static gboolean
lp_wf_load_records (LpWfData               *data,
                    LpPlan                 *plan,
                    const LpWorkforceQuery *query,
                    GError                **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT practice_id, role, as_at, fte, source = '" LP_WORKFORCE_SOURCE_HAND "' FROM workforce_fte WHERE" LP_WF_SELECTION
      " ORDER BY practice_id, role, as_at", error);

  if (stmt == NULL)
    return FALSE;
  lp_wf_bind_selection (stmt, query);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LpWfRecord record = { sqlite3_column_int64 (stmt, 0), { 0 }, { 0 },
                            sqlite3_column_type (stmt, 3) != SQLITE_NULL, sqlite3_column_double (stmt, 3) };

      g_strlcpy (record.role, lp_stmt_column_text (stmt, 1), sizeof record.role);
      g_strlcpy (record.as_at, lp_stmt_column_text (stmt, 2), sizeof record.as_at);
      record.quarter = lp_wf_quarter_index (record.as_at);
      record.by_hand = sqlite3_column_int (stmt, 4) != 0;
      g_array_append_val (data->records, record);
      /* In the primary key's order (no sort): the latest date is kept. */
      if (strcmp (record.as_at, data->base_date) > 0)
        g_strlcpy (data->base_date, record.as_at, sizeof data->base_date);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static char *
lp_wf_change_key (gint64      practice_id,
                  const char *role,
                  const char *quarter)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s", practice_id, role, quarter);
}

const LpWfChange *
lp_wf_find_change (const LpWfData *data,
                   gint64          practice_id,
                   const char     *role,
                   const char     *quarter)
{
  g_autofree char *key = lp_wf_change_key (practice_id, role, quarter);
  gpointer index;

  if (!g_hash_table_lookup_extended (data->change_keys, key, NULL, &index))
    return NULL;
  return &g_array_index (data->changes, LpWfChange, GPOINTER_TO_UINT (index));
}

/* A child scenario's movements for a practice, role and quarter replace
 * its base's. */
static void
lp_wf_keep_change (LpWfData         *data,
                   const LpWfChange *change)
{
  LpWfChange *known = (LpWfChange *) lp_wf_find_change (data, change->practice_id, change->role, change->quarter);

  if (known != NULL)
    {
      if (change->rank < known->rank)
        *known = *change;
      return;
    }
  g_hash_table_insert (data->change_keys, lp_wf_change_key (change->practice_id, change->role, change->quarter),
                       GUINT_TO_POINTER (data->changes->len));
  g_array_append_vals (data->changes, change, 1);
}

static gboolean
lp_wf_load_changes (LpWfData               *data,
                    LpPlan                 *plan,
                    const LpWorkforceQuery *query,
                    GArray                 *chain,
                    GError                **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT scenario_id, practice_id, role, quarter_start, joiners, leavers, retirements FROM workforce_change "
      "WHERE" LP_WF_SELECTION, error);

  if (stmt == NULL)
    return FALSE;
  lp_wf_bind_selection (stmt, query);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LpWfChange change = { sqlite3_column_int64 (stmt, 1), { 0 }, { 0 }, sqlite3_column_double (stmt, 4),
                            sqlite3_column_double (stmt, 5), sqlite3_column_double (stmt, 6),
                            lp_scenario_chain_rank (chain, sqlite3_column_int64 (stmt, 0)) };

      if (change.rank < 0)
        continue;
      g_strlcpy (change.role, lp_stmt_column_text (stmt, 2), sizeof change.role);
      g_strlcpy (change.quarter, lp_stmt_column_text (stmt, 3), sizeof change.quarter);
      /* One scenario states each practice, role and quarter once: only a
       * chain of scenarios has overrides to weed out. */
      if (chain->len > 1)
        lp_wf_keep_change (data, &change);
      else
        g_array_append_val (data->changes, change);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* A role's row from the nearest scenario that has one gives both its
 * rates: a scenario that changes one rate states the other beside it. */
static gboolean
lp_wf_load_rates (LpWfData  *data,
                  LpPlan    *plan,
                  GArray    *chain,
                  GError   **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT scenario_id, role, annual_rate_bp, joiner_rate_bp FROM workforce_turnover", error);
  g_autoptr(GHashTable) ranks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int rank = lp_scenario_chain_rank (chain, sqlite3_column_int64 (stmt, 0));
      const char *role = lp_stmt_column_text (stmt, 1);
      gpointer known;

      if (rank < 0 || (g_hash_table_lookup_extended (ranks, role, NULL, &known) && GPOINTER_TO_INT (known) <= rank))
        continue;
      g_hash_table_insert (ranks, g_strdup (role), GINT_TO_POINTER (rank));
      g_hash_table_insert (data->rates, g_strdup (role),
                           g_memdup2 (&(LpWfRate) { sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3) },
                                      sizeof (LpWfRate)));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* The nearest scenario that states any targets states them all. */
static gboolean
lp_wf_load_targets (LpWfData  *data,
                    LpPlan    *plan,
                    GArray    *chain,
                    GError   **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT scenario_id, level, ifnull (locality_id, 0), ifnull (practice_id, 0), ifnull (staff_group, ''), "
      "ifnull (role, ''), fte_change, due_date FROM workforce_target ORDER BY due_date", error);
  int best = G_MAXINT;

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int rank = lp_scenario_chain_rank (chain, sqlite3_column_int64 (stmt, 0));
      LpWfTarget target = { { 0 }, sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3), { 0 }, { 0 },
                            sqlite3_column_double (stmt, 6), { 0 } };

      if (rank < 0 || rank > best)
        continue;
      if (rank < best)
        g_array_set_size (data->targets, 0);
      best = rank;
      g_strlcpy (target.level, lp_stmt_column_text (stmt, 1), sizeof target.level);
      g_strlcpy (target.group, lp_stmt_column_text (stmt, 4), sizeof target.group);
      g_strlcpy (target.role, lp_stmt_column_text (stmt, 5), sizeof target.role);
      g_strlcpy (target.due, lp_stmt_column_text (stmt, 7), sizeof target.due);
      g_array_append_val (data->targets, target);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
lp_wf_data_load (LpWfData               *data,
                 LpPlan                 *plan,
                 const LpWorkforceQuery *query,
                 GError                **error)
{
  g_autoptr(GArray) chain = NULL;

  memset (data, 0, sizeof *data);
  data->roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  data->practices = g_array_new (FALSE, TRUE, sizeof (LpWfPractice));
  data->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  data->records = g_array_new (FALSE, TRUE, sizeof (LpWfRecord));
  data->changes = g_array_new (FALSE, TRUE, sizeof (LpWfChange));
  data->change_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  data->rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  data->targets = g_array_new (FALSE, TRUE, sizeof (LpWfTarget));
  chain = lp_plan_dup_scenario_chain (plan, query->scenario_id, error);
  if (chain != NULL)
    {
      data->scenario_id = g_array_index (chain, gint64, 0);
      data->chain_length = chain->len;
    }
  return chain != NULL && lp_wf_load_roles (data, plan, error) && lp_wf_load_practices (data, plan, error) &&
         lp_wf_load_records (data, plan, query, error) && lp_wf_load_changes (data, plan, query, chain, error) &&
         lp_wf_load_rates (data, plan, chain, error) && lp_wf_load_targets (data, plan, chain, error);
}
