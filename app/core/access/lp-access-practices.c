/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Extended access by practice and by locality at one month, and setting a
 * practice's planned provision (see lp-access.h). */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-access-private.h"
#include "lp-plan-private.h"
#include "lp-validate.h"

static const char *const level_names[] = { "none", "partial", "full" };

static void
lp_access_practice_free (gpointer data)
{
  LpAccessPractice *practice = data;

  g_free (practice->ods_code);
  g_free (practice->name);
  g_free (practice->locality);
  g_free (practice->go_live);
  g_free (practice->level);
  g_free (practice->end_date);
  g_free (practice->plan_level);
  g_free (practice);
}

static void
lp_access_capacity_free (gpointer data)
{
  LpAccessCapacity *capacity = data;

  g_free (capacity->name);
  g_free (capacity);
}

static gboolean
lp_access_month_dates (const char  *month,
                       char         first[11],
                       char         last[11],
                       GError     **error)
{
  int index = lp_access_month_index (month);

  if (index < 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("“%s” is not a month such as 2018-10"), month != NULL ? month : ""), FALSE;
  lp_access_month_first_day (index, first);
  lp_access_month_last_day (index, last);
  return TRUE;
}

static double
lp_access_required_at (const LpAccessData *data,
                       gint64              patients,
                       const char         *last_day)
{
  const LpAccessRule *rule = lp_access_rule_at (data, last_day);

  /* A PCN rule requires nothing of a practice alone (lp-pcn-access.h). */
  return rule != NULL && !rule->pcn ? lp_access_required_minutes (patients, rule->minutes_per_1000,
                                                    rule->round_to_quarter_hour) : 0;
}

/* The planned provision's first start: the practice's go-live date. */
static const LpAccessProvision *
lp_access_first_live (GArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, LpAccessProvision, i).level != LP_ACCESS_NONE)
      return &g_array_index (rows, LpAccessProvision, i);
  return NULL;
}

static LpAccessPractice *
lp_access_practice_at (const LpAccessData         *data,
                       const LpAccessPracticeData *source,
                       const char                 *first,
                       const char                 *last)
{
  LpAccessPractice *practice = g_new0 (LpAccessPractice, 1);
  const LpAccessProvision *live = lp_access_live (source->plan, last);
  const LpAccessProvision *first_live = lp_access_first_live (source->plan);
  const LpAccessProvision *entered = first_live != NULL ? first_live
                                     : source->plan->len > 0 ? &g_array_index (source->plan, LpAccessProvision, 0)
                                     : NULL;

  practice->practice_id = source->id;
  practice->ods_code = g_strdup (source->ods_code);
  practice->name = g_strdup (source->name);
  practice->locality = g_strdup (source->locality);
  practice->list_size = source->extracts->len > 0 ? lp_access_patients (source, first, NULL) : -1;
  practice->go_live = first_live != NULL ? g_strdup (first_live->start) : NULL;
  practice->level = live != NULL ? g_strdup (level_names[live->level]) : NULL;
  practice->offered_minutes = live != NULL ? live->minutes : 0;
  practice->required_minutes = lp_access_required_at (data, MAX (practice->list_size, 0), last);
  practice->shortfall = (double) practice->offered_minutes < practice->required_minutes - 1e-9;
  if (entered != NULL)
    {
      practice->end_date = entered->end[0] != '\0' ? g_strdup (entered->end) : NULL;
      practice->plan_level = g_strdup (level_names[entered->level]);
      practice->plan_minutes = entered->minutes;
    }
  return practice;
}

/**
 * lp_plan_access_practices:
 * @month: "YYYY-MM"
 *
 * Returns: (transfer full) (element-type LpAccessPractice): by name
 */
GPtrArray *
lp_plan_access_practices (LpPlan               *plan,
                          const LpAccessQuery  *query,
                          const char           *month,
                          GError              **error)
{
  g_auto(LpAccessData) data = { 0, };
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (lp_access_practice_free);
  char first[11], last[11];

  g_return_val_if_fail (LP_IS_PLAN (plan) && query != NULL, NULL);

  if (!lp_access_month_dates (month, first, last, error) || !lp_access_data_load (&data, plan, query, error))
    return NULL;
  for (guint i = 0; i < data.practices->len; i++)
    {
      const LpAccessPracticeData *source = &g_array_index (data.practices, LpAccessPracticeData, i);

      if ((query->locality_id == 0 || source->locality_id == query->locality_id) &&
          lp_practice_counts_on (source->closed_from, first))
        g_ptr_array_add (practices, lp_access_practice_at (&data, source, first, last));
    }
  return g_steal_pointer (&practices);
}

static LpAccessCapacity *
lp_access_capacity_for (GHashTable                 *localities,
                        GPtrArray                  *list,
                        const LpAccessPracticeData *practice)
{
  LpAccessCapacity *capacity = g_hash_table_lookup (localities, &practice->locality_id);

  if (capacity == NULL)
    {
      capacity = g_new0 (LpAccessCapacity, 1);
      capacity->locality_id = practice->locality_id;
      capacity->name = g_strdup (practice->locality);
      g_hash_table_insert (localities, &capacity->locality_id, capacity);
      g_ptr_array_add (list, capacity);
    }
  return capacity;
}

static int
lp_access_capacity_compare (gconstpointer a,
                            gconstpointer b)
{
  return g_utf8_collate ((*(LpAccessCapacity *const *) a)->name, (*(LpAccessCapacity *const *) b)->name);
}

/**
 * lp_plan_access_capacity:
 * @month: "YYYY-MM"
 *
 * Each locality's requirement comes from its whole population, not from
 * its practices' rounded requirements.
 *
 * Returns: (transfer full) (element-type LpAccessCapacity): by name
 */
GPtrArray *
lp_plan_access_capacity (LpPlan               *plan,
                         const LpAccessQuery  *query,
                         const char           *month,
                         GError              **error)
{
  g_auto(LpAccessData) data = { 0, };
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (lp_access_capacity_free);
  g_autoptr(GHashTable) localities = g_hash_table_new (g_int64_hash, g_int64_equal);
  char first[11], last[11];

  g_return_val_if_fail (LP_IS_PLAN (plan) && query != NULL, NULL);

  if (!lp_access_month_dates (month, first, last, error) || !lp_access_data_load (&data, plan, query, error))
    return NULL;
  for (guint i = 0; i < data.practices->len; i++)
    {
      const LpAccessPracticeData *practice = &g_array_index (data.practices, LpAccessPracticeData, i);
      LpAccessCapacity *capacity;
      const LpAccessProvision *live;

      if (!lp_practice_counts_on (practice->closed_from, first))
        continue;
      capacity = lp_access_capacity_for (localities, list, practice);
      live = lp_access_live (practice->plan, last);
      capacity->population += lp_access_patients (practice, first, NULL);
      capacity->offered_minutes += live != NULL ? live->minutes : 0;
    }
  for (guint i = 0; i < list->len; i++)
    {
      LpAccessCapacity *capacity = g_ptr_array_index (list, i);

      capacity->required_minutes = lp_access_required_at (&data, capacity->population, last);
    }
  g_ptr_array_sort (list, lp_access_capacity_compare);
  return g_steal_pointer (&list);
}

static gboolean
lp_access_check_plan (const char  *go_live,
                      const char  *level,
                      gint64       minutes,
                      GError     **error)
{
  g_autofree char *date = lp_parse_date (_("Go-live date"), go_live, error);

  if (date == NULL)
    return FALSE;
  if (!g_strv_contains (level_names, level != NULL ? level : ""))
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("The level must be full, partial or none, not “%s”"), level != NULL ? level : ""), FALSE;
  if (minutes < 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("Minutes a week must be 0 or more, not %lld"), (long long) minutes), FALSE;
  return TRUE;
}

/**
 * lp_plan_set_access_plan:
 *
 * Replaces the scenario's planned provision for the practice with one
 * period from @go_live on.  One undoable step.
 */
gboolean
lp_plan_set_access_plan (LpPlan      *plan,
                         gint64       scenario_id,
                         gint64       practice_id,
                         const char  *go_live,
                         const char  *level,
                         gint64       minutes,
                         GError     **error)
{
  g_autofree char *date = NULL;
  sqlite3_stmt *clear, *insert;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  if (!lp_access_check_plan (go_live, level, minutes, error))
    return FALSE;
  date = lp_parse_date (_("Go-live date"), go_live, NULL);
  if (scenario_id == 0)
    scenario_id = lp_plan_get_base_scenario_id (plan);
  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  clear = lp_plan_prepare (plan, "DELETE FROM access_provision WHERE scenario_id = ?1 AND practice_id = ?2 "
                                 "AND basis = 'plan'", error);
  insert = clear == NULL ? NULL : lp_plan_prepare (plan,
      "INSERT INTO access_provision (id, scenario_id, practice_id, basis, start_date, level, minutes_per_week) "
      "VALUES (?1, ?2, ?3, 'plan', ?4, ?5, ?6)", error);
  if (insert == NULL)
    return lp_plan_rollback (plan), FALSE;
  sqlite3_bind_int64 (clear, 1, scenario_id);
  sqlite3_bind_int64 (clear, 2, practice_id);
  sqlite3_bind_int64 (insert, 1, lp_id_new ());
  sqlite3_bind_int64 (insert, 2, scenario_id);
  sqlite3_bind_int64 (insert, 3, practice_id);
  lp_stmt_bind_text (insert, 4, date);
  lp_stmt_bind_text (insert, 5, level);
  sqlite3_bind_int64 (insert, 6, minutes);
  if (!lp_stmt_run (plan, clear, _("change the practice's access plan"), error) ||
      !lp_stmt_run (plan, insert, _("change the practice's access plan"), error))
    return lp_plan_rollback (plan), FALSE;
  if (!lp_plan_commit (plan, error))
    return FALSE;
  lp_plan_emit_changed (plan, "access_provision");
  return TRUE;
}
