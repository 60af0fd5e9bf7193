/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Extended access: the plan's practices, list sizes, provision, trajectory
 * and capacity rules, read once into memory for lp-access.c to count. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-access-private.h"
#include "lp-overview.h"
#include "lp-plan-private.h"
#include "lp-plan-settings.h"
#include "lp-practice-private.h"
#include "lp-scenario.h"

static void
lp_access_practice_clear (gpointer data)
{
  LpAccessPracticeData *practice = data;

  g_free (practice->ods_code);
  g_free (practice->name);
  g_free (practice->locality);
  g_clear_pointer (&practice->extracts, g_array_unref);
  g_clear_pointer (&practice->plan, g_array_unref);
  g_clear_pointer (&practice->actual, g_array_unref);
}

static void
lp_access_point_clear (gpointer data)
{
  g_free (((LpAccessPoint *) data)->label);
}

static void
lp_access_rule_clear (gpointer data)
{
  g_free (((LpAccessRule *) data)->name);
}

void
lp_access_data_clear (LpAccessData *data)
{
  g_clear_pointer (&data->chain, g_array_unref);
  g_clear_pointer (&data->practices, g_array_unref);
  g_clear_pointer (&data->by_id, g_hash_table_unref);
  g_clear_pointer (&data->points, g_array_unref);
  g_clear_pointer (&data->rules, g_array_unref);
  g_clear_pointer (&data->reference_date, g_free);
}

static void
lp_access_copy_date (char        target[11],
                     const char *date)
{
  g_strlcpy (target, date != NULL ? date : "", 11);
}

static gboolean
lp_access_load_practices (LpAccessData  *data,
                          LpPlan        *plan,
                          GError       **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT p.id, p.ods_code, p.name, p.locality_id, l.name, " LP_PRACTICE_CLOSED_FROM ("p") " "
      "FROM practice AS p "
      "JOIN locality AS l ON l.id = p.locality_id ORDER BY p.name, p.ods_code", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LpAccessPracticeData practice = {
        sqlite3_column_int64 (stmt, 0), g_strdup (lp_stmt_column_text (stmt, 1)),
        g_strdup (lp_stmt_column_text (stmt, 2)), sqlite3_column_int64 (stmt, 3),
        g_strdup (lp_stmt_column_text (stmt, 4)),
        g_array_new (FALSE, FALSE, sizeof (LpAccessExtract)),
        g_array_new (FALSE, FALSE, sizeof (LpAccessProvision)),
        g_array_new (FALSE, FALSE, sizeof (LpAccessProvision)),
        { G_MAXINT, G_MAXINT },
      };

      lp_access_copy_date (practice.closed_from, lp_stmt_column_text (stmt, 5));
      g_array_append_val (data->practices, practice);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < data->practices->len; i++)
    {
      LpAccessPracticeData *practice = &g_array_index (data->practices, LpAccessPracticeData, i);

      g_hash_table_insert (data->by_id, &practice->id, practice);
    }
  return TRUE;
}

static gboolean
lp_access_load_extracts (LpAccessData  *data,
                         LpPlan        *plan,
                         GError       **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT practice_id, extract_date, patients FROM list_size ORDER BY practice_id, extract_date", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      LpAccessPracticeData *practice = g_hash_table_lookup (data->by_id, &id);
      LpAccessExtract extract = { { 0 }, sqlite3_column_int64 (stmt, 2) };

      if (practice == NULL)
        continue;
      lp_access_copy_date (extract.date, lp_stmt_column_text (stmt, 1));
      g_array_append_val (practice->extracts, extract);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static LpAccessLevel
lp_access_level_from_name (const char *name)
{
  if (g_strcmp0 (name, "full") == 0)
    return LP_ACCESS_FULL;
  if (g_strcmp0 (name, "partial") == 0)
    return LP_ACCESS_PARTIAL;
  return LP_ACCESS_NONE;
}

/* A practice's provision of one basis comes from the nearest scenario
 * that states any for it: a scenario's plan for a practice replaces its
 * base's whole. */
static void
lp_access_add_provision (LpAccessData         *data,
                         LpAccessPracticeData *practice,
                         gboolean              actual,
                         int                   rank,
                         const LpAccessProvision *provision)
{
  GArray *rows = actual ? practice->actual : practice->plan;
  int *best = &practice->best_rank[actual ? 1 : 0];

  if (rank > *best)
    return;
  if (rank < *best)
    g_array_set_size (rows, 0);
  *best = rank;
  g_array_append_vals (rows, provision, 1);
}

static gboolean
lp_access_load_provision (LpAccessData  *data,
                          LpPlan        *plan,
                          GError       **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT scenario_id, practice_id, basis, start_date, ifnull (end_date, ''), level, minutes_per_week "
      "FROM access_provision ORDER BY start_date", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int rank = lp_scenario_chain_rank (data->chain, sqlite3_column_int64 (stmt, 0));
      gint64 id = sqlite3_column_int64 (stmt, 1);
      LpAccessPracticeData *practice = g_hash_table_lookup (data->by_id, &id);
      LpAccessProvision provision = { { 0 }, { 0 }, lp_access_level_from_name (lp_stmt_column_text (stmt, 5)),
                                      sqlite3_column_int64 (stmt, 6) };

      if (rank < 0 || practice == NULL)
        continue;
      lp_access_copy_date (provision.start, lp_stmt_column_text (stmt, 3));
      lp_access_copy_date (provision.end, lp_stmt_column_text (stmt, 4));
      lp_access_add_provision (data, practice, g_strcmp0 (lp_stmt_column_text (stmt, 2), "actual") == 0,
                               rank, &provision);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* A point's month comes from its period's words when they read as one:
 * plans saved before quarters were read from their first month hold
 * "2018/19 Q3" in December, and the words are what the plan published.
 * Words that are not a period (a note, say) leave the stored month. */
static void
lp_access_point_month (LpAccessPoint *point,
                       const char    *stored)
{
  g_autofree char *parsed = point->label != NULL ? lp_access_parse_period (point->label, NULL) : NULL;

  g_strlcpy (point->month, parsed != NULL ? parsed : stored, sizeof point->month);
}

static int
lp_access_point_compare (gconstpointer a,
                         gconstpointer b)
{
  return strcmp (((const LpAccessPoint *) a)->month, ((const LpAccessPoint *) b)->month);
}

/* The nearest scenario's trajectory points, for the locality asked for if
 * it has its own, else for the whole plan. */
static gboolean
lp_access_load_points (LpAccessData  *data,
                       LpPlan        *plan,
                       gint64         locality_id,
                       GError       **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT scenario_id, ifnull (locality_id, 0), substr (period_month, 1, 7), target_bp, label "
      "FROM access_trajectory ORDER BY period_month", error);
  int best = G_MAXINT;

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int rank = lp_scenario_chain_rank (data->chain, sqlite3_column_int64 (stmt, 0));
      gint64 scope = sqlite3_column_int64 (stmt, 1);
      /* Rank the locality's own points ahead of the plan's. */
      int order = rank < 0 ? -1 : 2 * rank + (scope == locality_id && locality_id != 0 ? 0 : 1);
      LpAccessPoint point = { { 0 }, sqlite3_column_int (stmt, 3), g_strdup (lp_stmt_column_text (stmt, 4)) };

      if (rank < 0 || (scope != 0 && scope != locality_id) || order > best)
        {
          g_free (point.label);
          continue;
        }
      if (order < best)
        g_array_set_size (data->points, 0);
      best = order;
      data->own_trajectory = scope != 0;
      lp_access_point_month (&point, lp_stmt_column_text (stmt, 2));
      g_array_append_val (data->points, point);
    }
  sqlite3_reset (stmt);
  /* Placing points by their words may change their order. */
  g_array_sort (data->points, lp_access_point_compare);
  return TRUE;
}

/* The plan's capacity rules by start; a default (the user's preference)
 * comes first, for the months before the plan's first rule, or all months
 * of a plan that has none yet. */
static gboolean
lp_access_load_rules (LpAccessData  *data,
                      LpPlan        *plan,
                      guint          default_minutes,
                      GError       **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT start_date, name, minutes_per_1000, round_to_quarter_hour, applies_to = 'pcn' FROM capacity_rule "
      "ORDER BY start_date", error);

  if (stmt == NULL)
    return FALSE;
  if (default_minutes > 0)
    {
      LpAccessRule rule = { "0001-01-01",
                            g_strdup_printf (_("Default rule: %u minutes a week per 1,000 patients"),
                                             default_minutes),
                            default_minutes, FALSE, FALSE };

      g_array_append_val (data->rules, rule);
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LpAccessRule rule = { { 0 }, g_strdup (lp_stmt_column_text (stmt, 1)),
                            sqlite3_column_double (stmt, 2), sqlite3_column_int (stmt, 3) != 0,
                            sqlite3_column_int (stmt, 4) != 0 };

      lp_access_copy_date (rule.start, lp_stmt_column_text (stmt, 0));
      g_array_append_val (data->rules, rule);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * lp_access_data_load:
 *
 * Reads everything the access figures need, in one read of the plan.
 */
gboolean
lp_access_data_load (LpAccessData         *data,
                     LpPlan               *plan,
                     const LpAccessQuery  *query,
                     GError              **error)
{
  memset (data, 0, sizeof *data);
  data->practices = g_array_new (FALSE, TRUE, sizeof (LpAccessPracticeData));
  g_array_set_clear_func (data->practices, lp_access_practice_clear);
  data->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  data->points = g_array_new (FALSE, TRUE, sizeof (LpAccessPoint));
  g_array_set_clear_func (data->points, lp_access_point_clear);
  data->rules = g_array_new (FALSE, TRUE, sizeof (LpAccessRule));
  g_array_set_clear_func (data->rules, lp_access_rule_clear);
  data->reference_date = lp_plan_dup_reference_date (plan, NULL);
  {
    g_autofree char *setting = lp_plan_dup_info (plan, "reference_date");
    data->reference_is_setting = g_strcmp0 (setting, data->reference_date) == 0;
  }
  if (!lp_plan_get_year_span (plan, data->year_first_day, data->year_last_day))
    data->year_first_day[0] = data->year_last_day[0] = '\0';
  data->chain = lp_plan_dup_scenario_chain (plan, query->scenario_id, error);
  return data->chain != NULL && lp_access_load_practices (data, plan, error) &&
         lp_access_load_extracts (data, plan, error) && lp_access_load_provision (data, plan, error) &&
         lp_access_load_points (data, plan, query->locality_id, error) &&
         lp_access_load_rules (data, plan, query->default_minutes, error);
}
