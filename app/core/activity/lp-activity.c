/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Activity plans and the QIPP table (see lp-activity.h for the sums). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lp-activity.h"
#include "lp-history.h"
#include "lp-scenario.h"
#include "lp-plan-private.h"
#include "lp-validate.h"

/* The activity line a point of delivery's reductions count against. */
static const struct {
  const char *pod;
  const char *line;
} pod_lines[] = {
  { "AE", "AE_ATT" }, { "NEL", "NEL_TOTAL" }, { "EL", "EL_TOTAL" },
  { "OPFA", "OP_FIRST" }, { "OPFU", "OP_FU" },
};

/* "2018/19" gives "2017/18": a plan year's baseline is the year before's
 * forecast outturn. */
static char *
lp_activity_previous_year (const char *year)
{
  guint start;

  if (year == NULL || sscanf (year, "%4u/", &start) != 1 || start < 1901)
    return NULL;
  return g_strdup_printf ("%04u/%02u", start - 1, start % 100);
}

static void
lp_activity_line_free (gpointer data)
{
  LpActivityLine *line = data;

  g_free (line->code);
  g_free (line->name);
  g_free (line->unit);
  g_free (line);
}

void
lp_activity_plan_free (LpActivityPlan *activity_plan)
{
  if (activity_plan == NULL)
    return;
  g_free (activity_plan->financial_year);
  g_free (activity_plan->locality_name);
  g_clear_pointer (&activity_plan->lines, g_ptr_array_unref);
  g_free (activity_plan);
}

static LpActivityLine *
lp_activity_find_line (LpActivityPlan *activity_plan,
                       const char     *code)
{
  for (guint i = 0; i < activity_plan->lines->len; i++)
    if (g_str_equal (((LpActivityLine *) g_ptr_array_index (activity_plan->lines, i))->code, code))
      return g_ptr_array_index (activity_plan->lines, i);
  return NULL;
}

typedef struct {
  int    rank;
  double value;
} LpRanked;

/* Runs @sql (parameters ?1 the year; columns: scenario, key, value) and
 * keeps, per key, the value of the nearest scenario in @chain. */
static GHashTable *
lp_activity_nearest (LpPlan      *plan,
                     GArray      *chain,
                     const char  *sql,
                     const char  *year,
                     GError     **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = lp_plan_prepare (plan, sql, error);

  if (stmt == NULL)
    return NULL;
  lp_stmt_bind_text (stmt, 1, year);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int rank = lp_scenario_chain_rank (chain, sqlite3_column_int64 (stmt, 0));
      const char *key = lp_stmt_column_text (stmt, 1);
      LpRanked *known = g_hash_table_lookup (values, key);

      if (rank < 0 || (known != NULL && known->rank <= rank))
        continue;
      if (known == NULL)
        g_hash_table_insert (values, g_strdup (key), (known = g_new0 (LpRanked, 1)));
      known->rank = rank;
      known->value = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 2);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&values);
}

static gboolean
lp_activity_load_lines (LpPlan          *plan,
                        LpActivityPlan  *activity_plan,
                        GError         **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, "SELECT code, name, unit FROM activity_line ORDER BY sort_order", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LpActivityLine *line = g_new0 (LpActivityLine, 1);
      line->code = g_strdup (lp_stmt_column_text (stmt, 0));
      line->name = g_strdup (lp_stmt_column_text (stmt, 1));
      line->unit = g_strdup (lp_stmt_column_text (stmt, 2));
      g_ptr_array_add (activity_plan->lines, line);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Twelve monthly weights from the plan setting "activity_profile" (April
 * first, any scale), or a flat year; TRUE when a profile was used. */
static gboolean
lp_activity_profile (LpPlan *plan,
                     double  weights[12])
{
  g_autofree char *setting = lp_plan_dup_info (plan, "activity_profile");
  g_auto(GStrv) parts = setting != NULL ? g_strsplit (setting, ",", -1) : NULL;
  double sum = 0;

  for (int m = 0; m < 12; m++)
    weights[m] = 1.0 / 12.0;
  if (parts == NULL || g_strv_length (parts) != 12)
    return FALSE;
  for (int m = 0; m < 12; m++)
    if (!lp_parse_decimal ("", parts[m], 0, &weights[m], NULL))
      return FALSE;
  for (int m = 0; m < 12; m++)
    sum += weights[m];
  if (sum <= 0)
    return FALSE;
  for (int m = 0; m < 12; m++)
    weights[m] /= sum;
  return TRUE;
}

/* Adds the QIPP activity of each point of delivery to its activity line. */
static void
lp_activity_add_qipp (LpActivityPlan *activity_plan,
                      GHashTable     *qipp)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, qipp);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *pod = strchr (key, '|') + 1;
      double activity = ((LpRanked *) value)->value;

      for (guint i = 0; i < G_N_ELEMENTS (pod_lines) && !isnan (activity); i++)
        if (g_str_equal (pod_lines[i].pod, pod))
          {
            LpActivityLine *line = lp_activity_find_line (activity_plan, pod_lines[i].line);
            if (line != NULL)
              line->qipp += activity;
          }
    }
}

/* One group of a line's outturn rows: those of one scenario and one
 * locality (0: the whole plan's row and any provider's). */
typedef struct {
  int      rank;          /* the scenario's place in the chain */
  char    *line;
  gint64   locality_id;
  double   activity;      /* the rows' sum */
  gboolean split;         /* a row of a locality or a provider */
} LpOutturnRows;

static void
lp_outturn_rows_clear (gpointer data)
{
  g_free (((LpOutturnRows *) data)->line);
}

/* Every outturn row of @year by scenario, line and locality, with, per
 * line, the rank of the nearest scenario that holds any of the line's rows:
 * a scenario that states a line's outturn states all of it. */
static GArray *
lp_activity_outturns (LpPlan      *plan,
                      GArray      *chain,
                      const char  *year,
                      GHashTable  *nearest,
                      GError     **error)
{
  g_autoptr(GArray) groups = g_array_new (FALSE, TRUE, sizeof (LpOutturnRows));
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT scenario_id, activity_line, ifnull (locality_id, 0), sum (activity), "
      "max (locality_id IS NOT NULL OR provider_id IS NOT NULL) FROM activity_baseline "
      "WHERE financial_year = ?1 GROUP BY scenario_id, activity_line, ifnull (locality_id, 0)", error);

  if (stmt == NULL)
    return NULL;
  g_array_set_clear_func (groups, lp_outturn_rows_clear);
  lp_stmt_bind_text (stmt, 1, year);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LpOutturnRows group = { lp_scenario_chain_rank (chain, sqlite3_column_int64 (stmt, 0)), NULL,
                              sqlite3_column_int64 (stmt, 2), sqlite3_column_double (stmt, 3),
                              sqlite3_column_int (stmt, 4) != 0 };
      gpointer known;

      if (group.rank < 0)
        continue;
      group.line = g_strdup (lp_stmt_column_text (stmt, 1));
      if (!g_hash_table_lookup_extended (nearest, group.line, NULL, &known) ||
          group.rank < GPOINTER_TO_INT (known))
        g_hash_table_insert (nearest, g_strdup (group.line), GINT_TO_POINTER (group.rank));
      g_array_append_val (groups, group);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&groups);
}

/* A locality's own rate for @line, if it states one. */
static const LpRanked *
lp_activity_locality_rate (GHashTable *locality_growth,
                           const char *line,
                           gint64      locality_id)
{
  g_autofree char *key = g_strdup_printf ("%s|%" G_GINT64_FORMAT, line, locality_id);

  return g_hash_table_lookup (locality_growth, key);
}

/* The growth as outturn x bp / 10,000 keeps whole figures exact: 60,100
 * at 3.5% is 62,203.5, where x 1.035 gives 62,203.499999999993. */
static double
lp_activity_grown (double outturn,
                   gint64 growth_bp)
{
  return outturn + outturn * (double) growth_bp / 10000.0;
}

static void
lp_activity_compute (LpActivityPlan *activity_plan,
                     GArray         *outturns,
                     GHashTable     *nearest,
                     GHashTable     *growth,
                     GHashTable     *locality_growth,
                     const double    weights[12])
{
  gint64 locality_id = activity_plan->locality_id;

  for (guint i = 0; i < activity_plan->lines->len; i++)
    {
      LpActivityLine *line = g_ptr_array_index (activity_plan->lines, i);
      const LpRanked *rate = g_hash_table_lookup (growth, line->code);
      const LpRanked *own = locality_id != 0 ? lp_activity_locality_rate (locality_growth, line->code, locality_id)
                                             : NULL;
      /* Basis points are whole numbers held as doubles by the query. */
      gint64 line_bp = rate != NULL ? (gint64) llround (rate->value) : 0;
      gpointer found;
      int rank = g_hash_table_lookup_extended (nearest, line->code, NULL, &found) ? GPOINTER_TO_INT (found) : -1;

      line->growth_own = own != NULL;
      line->growth_set = rate != NULL || own != NULL;
      line->growth_bp = own != NULL ? (gint64) llround (own->value) : line_bp;
      for (guint g = 0; rank >= 0 && g < outturns->len; g++)
        {
          const LpOutturnRows *group = &g_array_index (outturns, LpOutturnRows, g);
          const LpRanked *group_rate;

          if (group->rank != rank || !g_str_equal (group->line, line->code))
            continue;
          if (locality_id != 0)
            {
              /* A locality's own rows; its rate is worked out above. */
              if (group->locality_id != locality_id)
                continue;
              line->baseline += group->activity;
              line->baseline_set = TRUE;
              continue;
            }
          /* The whole plan: each locality grows at its own rate, or the
           * line's; the whole plan's row and the providers' at the line's. */
          group_rate = group->locality_id != 0
                     ? lp_activity_locality_rate (locality_growth, line->code, group->locality_id) : NULL;
          line->baseline += group->activity;
          line->baseline_set = TRUE;
          line->plan += lp_activity_grown (group->activity,
                                           group_rate != NULL ? (gint64) llround (group_rate->value) : line_bp);
          line->n_localities += group->locality_id != 0;
          line->held_by_locality |= group->split;
        }
      /* The growth rates are net of QIPP: the reductions are inside the
       * plan, not taken off it.  QIPP is planned for the whole plan. */
      if (locality_id != 0)
        {
          line->qipp = 0;
          line->plan = lp_activity_grown (line->baseline, line->growth_bp);
        }
      line->without_qipp = line->plan + line->qipp;
      /* A flat year divides by 12 exactly (x (1/12) rounds differently). */
      for (int m = 0; m < 12; m++)
        line->per_month[m] = weights == NULL ? line->plan / 12.0 : line->plan * weights[m];
      line->per_week = line->plan / 52.0;
    }
}

/* The locality's name, or NULL with @error set if it has gone. */
static char *
lp_activity_locality_name (LpPlan      *plan,
                           gint64       locality_id,
                           GError     **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, "SELECT name FROM locality WHERE id = ?1", error);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, locality_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (lp_stmt_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (name == NULL)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                 _("The locality no longer exists; it may have been removed"));
  return name;
}

/**
 * lp_plan_activity_plan:
 * @scenario_id: 0 for the base scenario
 * @financial_year: the plan year, "2018/19"; its baseline is the previous
 *   year's forecast outturn
 *
 * Returns: (transfer full): every activity line's baseline, growth, QIPP,
 *   plan (net of QIPP), the figure without QIPP and the plan's monthly and
 *   weekly figures, or %NULL with @error set
 */
LpActivityPlan *
lp_plan_activity_plan (LpPlan      *plan,
                       gint64       scenario_id,
                       const char  *financial_year,
                       GError     **error)
{
  return lp_plan_activity_plan_for_locality (plan, scenario_id, financial_year, 0, error);
}

/**
 * lp_plan_activity_plan_for_locality:
 * @locality_id: a locality, or 0 for the whole plan
 *
 * As lp_plan_activity_plan(), for one locality's outturns and rates (see
 * lp-activity.h for how they make up the whole plan's).
 */
LpActivityPlan *
lp_plan_activity_plan_for_locality (LpPlan      *plan,
                                    gint64       scenario_id,
                                    const char  *financial_year,
                                    gint64       locality_id,
                                    GError     **error)
{
  g_autoptr(LpActivityPlan) activity_plan = g_new0 (LpActivityPlan, 1);
  g_autofree char *previous = lp_activity_previous_year (financial_year);
  g_autoptr(GArray) chain = NULL;
  g_autoptr(GArray) outturns = NULL;
  g_autoptr(GHashTable) nearest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) growth = NULL;
  g_autoptr(GHashTable) locality_growth = NULL;
  g_autoptr(GHashTable) qipp = NULL;
  double weights[12];

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  if (previous == NULL)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("“%s” is not a financial year such as 2018/19"),
                        financial_year != NULL ? financial_year : ""), NULL;
  activity_plan->financial_year = g_strdup (financial_year);
  activity_plan->locality_id = locality_id;
  activity_plan->lines = g_ptr_array_new_with_free_func (lp_activity_line_free);
  if (locality_id != 0 &&
      (activity_plan->locality_name = lp_activity_locality_name (plan, locality_id, error)) == NULL)
    return NULL;
  if ((chain = lp_plan_dup_scenario_chain (plan, scenario_id, error)) == NULL ||
      !lp_activity_load_lines (plan, activity_plan, error) ||
      !(outturns = lp_activity_outturns (plan, chain, previous, nearest, error)) ||
      !(growth = lp_activity_nearest (plan, chain,
          "SELECT scenario_id, activity_line, growth_bp FROM growth_assumption WHERE financial_year = ?1",
          financial_year, error)) ||
      !(locality_growth = lp_activity_nearest (plan, chain,
          "SELECT scenario_id, activity_line || '|' || locality_id, growth_bp FROM locality_growth_assumption "
          "WHERE financial_year = ?1", financial_year, error)) ||
      !(qipp = lp_activity_nearest (plan, chain,
          "SELECT scenario_id, programme_id || '|' || pod, activity FROM qipp_reduction "
          "WHERE financial_year = ?1", financial_year, error)))
    return NULL;
  lp_activity_add_qipp (activity_plan, qipp);
  activity_plan->seasonal = lp_activity_profile (plan, weights);
  lp_activity_compute (activity_plan, outturns, nearest, growth, locality_growth,
                       activity_plan->seasonal ? weights : NULL);
  return g_steal_pointer (&activity_plan);
}

void
lp_qipp_table_free (LpQippTable *table)
{
  if (table == NULL)
    return;
  for (guint i = 0; i < table->n_pods; i++)
    {
      g_free (table->pod_codes[i]);
      g_free (table->pod_names[i]);
    }
  g_clear_pointer (&table->programmes, g_ptr_array_unref);
  g_clear_pointer (&table->programme_ids, g_array_unref);
  g_clear_pointer (&table->savings, g_array_unref);
  g_clear_pointer (&table->activity, g_array_unref);
  g_clear_pointer (&table->programme_totals, g_array_unref);
  g_free (table);
}

gint64
lp_qipp_table_get_saving (const LpQippTable *table,
                          guint              programme,
                          guint              pod)
{
  g_return_val_if_fail (table != NULL && pod < table->n_pods, 0);
  g_return_val_if_fail (programme < table->programmes->len, 0);
  return g_array_index (table->savings, gint64, programme * table->n_pods + pod);
}

static gboolean
lp_qipp_load_axes (LpPlan       *plan,
                   LpQippTable  *table,
                   GArray       *programme_ids,
                   GError      **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, "SELECT code, name FROM point_of_delivery ORDER BY sort_order", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW && table->n_pods < LP_QIPP_MAX_PODS)
    {
      table->pod_codes[table->n_pods] = g_strdup (lp_stmt_column_text (stmt, 0));
      table->pod_names[table->n_pods++] = g_strdup (lp_stmt_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  stmt = lp_plan_prepare (plan, "SELECT id, name FROM qipp_programme ORDER BY sort_order, name", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (programme_ids, id);
      g_ptr_array_add (table->programmes, g_strdup (lp_stmt_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static void
lp_qipp_fill (LpQippTable *table,
              GArray      *programme_ids,
              GHashTable  *savings,
              GHashTable  *activity)
{
  for (guint p = 0; p < programme_ids->len; p++)
    {
      gint64 row_total = 0;

      for (guint d = 0; d < table->n_pods; d++)
        {
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "|%s",
                                                  g_array_index (programme_ids, gint64, p), table->pod_codes[d]);
          const LpRanked *saving = g_hash_table_lookup (savings, key);
          const LpRanked *units = g_hash_table_lookup (activity, key);
          /* Read through the shared double path: exact for any sum of money
           * below 2^53 pounds; kept as whole pounds from here on. */
          gint64 pounds = saving != NULL ? (gint64) llround (saving->value) : 0;
          double amount = units != NULL ? units->value : NAN;

          g_array_append_val (table->savings, pounds);
          g_array_append_val (table->activity, amount);
          table->pod_totals[d] += pounds;
          row_total += pounds;
        }
      g_array_append_val (table->programme_totals, row_total);
      table->total += row_total;
    }
}

/**
 * lp_plan_qipp_table:
 *
 * Returns: (transfer full): QIPP savings by programme and point of
 *   delivery, with row, column and grand totals (whole pounds)
 */
LpQippTable *
lp_plan_qipp_table (LpPlan      *plan,
                    gint64       scenario_id,
                    const char  *financial_year,
                    GError     **error)
{
  g_autoptr(LpQippTable) table = g_new0 (LpQippTable, 1);
  GArray *programme_ids;
  g_autoptr(GArray) chain = NULL;
  g_autoptr(GHashTable) savings = NULL;
  g_autoptr(GHashTable) activity = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  table->programmes = g_ptr_array_new_with_free_func (g_free);
  table->programme_ids = programme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  table->savings = g_array_new (FALSE, FALSE, sizeof (gint64));
  table->activity = g_array_new (FALSE, FALSE, sizeof (double));
  table->programme_totals = g_array_new (FALSE, FALSE, sizeof (gint64));
  if ((chain = lp_plan_dup_scenario_chain (plan, scenario_id, error)) == NULL ||
      !lp_qipp_load_axes (plan, table, programme_ids, error) ||
      !(savings = lp_activity_nearest (plan, chain,
          "SELECT scenario_id, programme_id || '|' || pod, saving_pounds FROM qipp_reduction "
          "WHERE financial_year = ?1", financial_year, error)) ||
      !(activity = lp_activity_nearest (plan, chain,
          "SELECT scenario_id, programme_id || '|' || pod, activity FROM qipp_reduction "
          "WHERE financial_year = ?1", financial_year, error)))
    return NULL;
  lp_qipp_fill (table, programme_ids, savings, activity);
  return g_steal_pointer (&table);
}

static gboolean
lp_activity_write (LpPlan      *plan,
                   const char  *sql,
                   gint64       scenario_id,
                   const char  *activity_line,
                   const char  *financial_year,
                   gint64       locality_id,
                   double       value,
                   gboolean     integer,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  stmt = lp_plan_prepare (plan, sql, error);
  if (stmt == NULL)
    return lp_plan_rollback (plan), FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id != 0 ? scenario_id : lp_plan_get_base_scenario_id (plan));
  sqlite3_bind_text (stmt, 2, activity_line, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, financial_year, -1, SQLITE_TRANSIENT);
  if (integer)
    sqlite3_bind_int64 (stmt, 4, (gint64) value);
  else
    sqlite3_bind_double (stmt, 4, value);
  sqlite3_bind_int64 (stmt, 5, lp_id_new ());
  /* A statement without ?6 (or ?5) ignores it. */
  sqlite3_bind_int64 (stmt, 6, locality_id);
  if (!lp_stmt_run (plan, stmt, _("save the activity plan"), error))
    return lp_plan_rollback (plan), FALSE;
  return lp_plan_commit (plan, error);
}

static gboolean
lp_activity_check_line (const char  *activity_line,
                        const char  *financial_year,
                        GError     **error)
{
  g_autofree char *previous = lp_activity_previous_year (financial_year);

  if (activity_line == NULL || *activity_line == '\0')
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID, _("No activity line was given")), FALSE;
  if (previous == NULL)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("“%s” is not a financial year such as 2018/19"),
                        financial_year != NULL ? financial_year : ""), FALSE;
  return TRUE;
}

/* A line may shrink to nothing, or double: a rate beyond is a slip of
 * the keyboard (35 for 3.5) rather than a plan. */
static gboolean
lp_activity_check_growth (gint64   growth_bp,
                          GError **error)
{
  if (growth_bp < -10000 || growth_bp > 10000)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("Growth must be between -100%% and 100%%")), FALSE;
  return TRUE;
}

gboolean
lp_plan_set_growth (LpPlan      *plan,
                    gint64       scenario_id,
                    const char  *activity_line,
                    const char  *financial_year,
                    gint64       growth_bp,
                    GError     **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  if (!lp_activity_check_line (activity_line, financial_year, error))
    return FALSE;
  if (!lp_activity_check_growth (growth_bp, error))
    return FALSE;
  if (!lp_activity_write (plan,
                          "INSERT INTO growth_assumption (scenario_id, activity_line, financial_year, growth_bp) "
                          "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (scenario_id, activity_line, financial_year) "
                          "DO UPDATE SET growth_bp = excluded.growth_bp",
                          scenario_id, activity_line, financial_year, 0, (double) growth_bp, TRUE, error))
    return FALSE;
  lp_plan_emit_changed (plan, "growth_assumption");
  return TRUE;
}

/* How many of the line's baseline rows in @year belong to a locality or a
 * provider rather than the whole plan. */
static gint64
lp_activity_split_rows (LpPlan     *plan,
                        gint64      scenario_id,
                        const char *activity_line,
                        const char *year)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT count(*) FROM activity_baseline WHERE scenario_id = ?1 AND activity_line = ?2 "
      "AND financial_year = ?3 AND (locality_id IS NOT NULL OR provider_id IS NOT NULL)", NULL);
  gint64 rows = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, scenario_id != 0 ? scenario_id : lp_plan_get_base_scenario_id (plan));
  lp_stmt_bind_text (stmt, 2, activity_line);
  lp_stmt_bind_text (stmt, 3, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    rows = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return rows;
}

/**
 * lp_plan_set_baseline:
 * @financial_year: the plan year; the figure is that year's baseline,
 *   the previous year's forecast outturn
 */
gboolean
lp_plan_set_baseline (LpPlan      *plan,
                      gint64       scenario_id,
                      const char  *activity_line,
                      const char  *financial_year,
                      double       activity,
                      GError     **error)
{
  g_autofree char *previous = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  if (!lp_activity_check_line (activity_line, financial_year, error))
    return FALSE;
  if (!(activity >= 0))
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("A forecast outturn must be 0 or more")), FALSE;
  previous = lp_activity_previous_year (financial_year);
  /* A line whose outturn is held by locality or provider sums those rows:
   * a whole-plan figure would be added to them, not replace them. */
  if (lp_activity_split_rows (plan, scenario_id, activity_line, previous) > 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT,
                        _("This line’s forecast outturn is held by locality or provider in the plan file, "
                          "and a figure for the whole plan would be added to theirs: choose a locality above "
                          "the table to edit its figure, or clear every locality’s figure first")), FALSE;
  /* The whole plan's baseline: no locality, no provider. */
  if (!lp_activity_write (plan,
                          "INSERT INTO activity_baseline (scenario_id, activity_line, financial_year, activity, id) "
                          "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (scenario_id, activity_line, financial_year, "
                          "ifnull (locality_id, 0), ifnull (provider_id, 0)) DO UPDATE SET activity = excluded.activity",
                          scenario_id, activity_line, previous, 0, activity, FALSE, error))
    return FALSE;
  lp_plan_emit_changed (plan, "activity_baseline");
  return TRUE;
}

/* Removes the whole plan's outturn for the line: it then has none, or
 * can be planned by locality. */
static gboolean
lp_activity_clear_baseline (LpPlan      *plan,
                            gint64       scenario_id,
                            const char  *activity_line,
                            const char  *financial_year,
                            GError     **error)
{
  g_autofree char *previous = NULL;

  if (!lp_activity_check_line (activity_line, financial_year, error))
    return FALSE;
  previous = lp_activity_previous_year (financial_year);
  if (!lp_activity_write (plan,
                          "DELETE FROM activity_baseline WHERE scenario_id = ?1 AND activity_line = ?2 "
                          "AND financial_year = ?3 AND locality_id IS NULL AND provider_id IS NULL",
                          scenario_id, activity_line, previous, 0, 0, TRUE, error))
    return FALSE;
  lp_plan_emit_changed (plan, "activity_baseline");
  return TRUE;
}

/* Whether the line's outturn in @year is held for the whole plan (a row
 * without locality or provider), or by provider (without locality): a
 * locality's figure would be added to those. */
static gboolean
lp_activity_check_by_locality (LpPlan      *plan,
                               gint64       scenario_id,
                               const char  *activity_line,
                               const char  *year,
                               GError     **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT ifnull (max (provider_id IS NULL), -1) FROM activity_baseline WHERE scenario_id = ?1 "
      "AND activity_line = ?2 AND financial_year = ?3 AND locality_id IS NULL", error);
  int held = -1;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id != 0 ? scenario_id : lp_plan_get_base_scenario_id (plan));
  lp_stmt_bind_text (stmt, 2, activity_line);
  lp_stmt_bind_text (stmt, 3, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    held = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (held == 1)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT,
                        _("This line has one forecast outturn for the whole plan, and a locality’s figure would "
                          "be added to it: choose Whole plan and clear that figure first to plan the line by "
                          "locality")), FALSE;
  if (held == 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT,
                        _("This line’s forecast outturn is held by provider in the plan file, and a locality’s "
                          "figure would be added to theirs")), FALSE;
  return TRUE;
}

typedef enum {
  LP_EDIT_OUTTURN,
  LP_CLEAR_OUTTURN,
  LP_EDIT_GROWTH,
  LP_CLEAR_GROWTH,
} LpLocalityEdit;

/* The undo step's name, with the locality's. */
static char *
lp_activity_locality_label (LpLocalityEdit  edit,
                            const char     *name)
{
  switch (edit)
    {
    case LP_EDIT_OUTTURN:
      /* TRANSLATORS: an undo step; %s is a locality, "Edit Stevenage forecast outturn" */
      return g_strdup_printf (_("Edit %s forecast outturn"), name);
    case LP_CLEAR_OUTTURN:
      /* TRANSLATORS: an undo step; %s is a locality, "Clear Stevenage forecast outturn" */
      return g_strdup_printf (_("Clear %s forecast outturn"), name);
    case LP_EDIT_GROWTH:
      /* TRANSLATORS: an undo step; %s is a locality, "Edit Stevenage growth rate" */
      return g_strdup_printf (_("Edit %s growth rate"), name);
    case LP_CLEAR_GROWTH:
    default:
      /* TRANSLATORS: an undo step; %s is a locality, "Clear Stevenage growth rate" */
      return g_strdup_printf (_("Clear %s growth rate"), name);
    }
}

/* Runs one locality's edit as one undoable step named after the locality:
 * "Edit Stevenage forecast outturn". */
static gboolean
lp_activity_write_for_locality (LpPlan      *plan,
                                LpLocalityEdit edit,
                                const char  *table,
                                const char  *sql,
                                gint64       scenario_id,
                                gint64       locality_id,
                                const char  *activity_line,
                                const char  *year,
                                double       value,
                                gboolean     integer,
                                GError     **error)
{
  g_autofree char *name = lp_activity_locality_name (plan, locality_id, error);
  g_autofree char *label = NULL;
  gboolean written;

  if (name == NULL)
    return FALSE;
  label = lp_activity_locality_label (edit, name);
  lp_plan_set_step_label (plan, label);
  written = lp_activity_write (plan, sql, scenario_id, activity_line, year, locality_id, value, integer, error);
  lp_plan_set_step_label (plan, NULL);
  if (written)
    lp_plan_emit_changed (plan, table);
  return written;
}

/**
 * lp_plan_set_locality_baseline:
 * @locality_id: the locality, not 0
 * @financial_year: the plan year; the figure is the previous year's
 *   forecast outturn, as lp_plan_set_baseline()'s is
 * @clear: remove the locality's figure instead (@activity is ignored)
 */
gboolean
lp_plan_set_locality_baseline (LpPlan      *plan,
                               gint64       scenario_id,
                               gint64       locality_id,
                               const char  *activity_line,
                               const char  *financial_year,
                               gboolean     clear,
                               double       activity,
                               GError     **error)
{
  g_autofree char *previous = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (locality_id != 0, FALSE);

  if (!lp_activity_check_line (activity_line, financial_year, error))
    return FALSE;
  if (!clear && !(activity >= 0))
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("A forecast outturn must be 0 or more")), FALSE;
  previous = lp_activity_previous_year (financial_year);
  if (clear)
    return lp_activity_write_for_locality (plan, LP_CLEAR_OUTTURN, "activity_baseline",
                                           "DELETE FROM activity_baseline WHERE scenario_id = ?1 "
                                           "AND activity_line = ?2 AND financial_year = ?3 AND locality_id = ?6",
                                           scenario_id, locality_id, activity_line, previous, 0, TRUE, error);
  if (!lp_activity_check_by_locality (plan, scenario_id, activity_line, previous, error))
    return FALSE;
  return lp_activity_write_for_locality (plan, LP_EDIT_OUTTURN, "activity_baseline",
                                         "INSERT INTO activity_baseline (scenario_id, activity_line, financial_year, "
                                         "activity, id, locality_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                         "ON CONFLICT (scenario_id, activity_line, financial_year, "
                                         "ifnull (locality_id, 0), ifnull (provider_id, 0)) "
                                         "DO UPDATE SET activity = excluded.activity",
                                         scenario_id, locality_id, activity_line, previous, activity, FALSE, error);
}

/**
 * lp_plan_set_locality_growth:
 * @locality_id: the locality, not 0
 * @clear: remove the locality's own rate, so that the line's whole-plan
 *   rate applies to it (@growth_bp is ignored)
 */
gboolean
lp_plan_set_locality_growth (LpPlan      *plan,
                             gint64       scenario_id,
                             gint64       locality_id,
                             const char  *activity_line,
                             const char  *financial_year,
                             gboolean     clear,
                             gint64       growth_bp,
                             GError     **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (locality_id != 0, FALSE);

  if (!lp_activity_check_line (activity_line, financial_year, error))
    return FALSE;
  if (clear)
    return lp_activity_write_for_locality (plan, LP_CLEAR_GROWTH, "locality_growth_assumption",
                                           "DELETE FROM locality_growth_assumption WHERE scenario_id = ?1 "
                                           "AND activity_line = ?2 AND financial_year = ?3 AND locality_id = ?6",
                                           scenario_id, locality_id, activity_line, financial_year, 0, TRUE, error);
  if (!lp_activity_check_growth (growth_bp, error))
    return FALSE;
  return lp_activity_write_for_locality (plan, LP_EDIT_GROWTH, "locality_growth_assumption",
                                         "INSERT INTO locality_growth_assumption (scenario_id, activity_line, "
                                         "financial_year, growth_bp, locality_id) VALUES (?1, ?2, ?3, ?4, ?6) "
                                         "ON CONFLICT (scenario_id, locality_id, activity_line, financial_year) "
                                         "DO UPDATE SET growth_bp = excluded.growth_bp",
                                         scenario_id, locality_id, activity_line, financial_year,
                                         (double) growth_bp, TRUE, error);
}

/**
 * lp_plan_enter_locality_baseline:
 * @field: names the field in an error message
 * @typed: as lp_plan_enter_baseline() reads it; blank clears the figure
 */
gboolean
lp_plan_enter_locality_baseline (LpPlan      *plan,
                                 gint64       scenario_id,
                                 gint64       locality_id,
                                 const char  *activity_line,
                                 const char  *financial_year,
                                 const char  *field,
                                 const char  *typed,
                                 GError     **error)
{
  double activity = 0;
  gboolean clear = lp_text_is_blank (typed);

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  return (clear || lp_parse_decimal_grouped (field, typed, 0, &activity, error)) &&
         lp_plan_set_locality_baseline (plan, scenario_id, locality_id, activity_line, financial_year, clear,
                                        activity, error);
}

/**
 * lp_plan_enter_locality_growth:
 * @field: names the field in an error message
 * @typed: as lp_plan_enter_growth() reads it; blank clears the
 *   locality's own rate
 */
gboolean
lp_plan_enter_locality_growth (LpPlan      *plan,
                               gint64       scenario_id,
                               gint64       locality_id,
                               const char  *activity_line,
                               const char  *financial_year,
                               const char  *field,
                               const char  *typed,
                               GError     **error)
{
  gint64 growth_bp = 0;
  gboolean clear = lp_text_is_blank (typed);

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  return (clear || lp_parse_percent_bp (field, typed, &growth_bp, error)) &&
         lp_plan_set_locality_growth (plan, scenario_id, locality_id, activity_line, financial_year, clear,
                                      growth_bp, error);
}

/**
 * lp_plan_enter_growth:
 * @field: names the field in an error message
 * @typed: the rate as the user typed it: "3.5", "3.5%", "-2"
 *
 * Sets a growth rate from what was typed, as lp_plan_set_growth() does.
 */
gboolean
lp_plan_enter_growth (LpPlan      *plan,
                      gint64       scenario_id,
                      const char  *activity_line,
                      const char  *financial_year,
                      const char  *field,
                      const char  *typed,
                      GError     **error)
{
  gint64 growth_bp;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  return lp_parse_percent_bp (field, typed, &growth_bp, error) &&
         lp_plan_set_growth (plan, scenario_id, activity_line, financial_year, growth_bp, error);
}

/**
 * lp_plan_enter_baseline:
 * @field: names the field in an error message
 * @typed: the forecast outturn as the user typed it: "61080", "61,080.0",
 *   or as the locale writes figures
 *
 * Sets a baseline from what was typed, as lp_plan_set_baseline() does;
 * blank clears the whole plan's figure.
 * A figure the table showed keeps its commas when it is changed, so they
 * are read as thousands whatever the locale (lp_parse_decimal_grouped()).
 */
gboolean
lp_plan_enter_baseline (LpPlan      *plan,
                        gint64       scenario_id,
                        const char  *activity_line,
                        const char  *financial_year,
                        const char  *field,
                        const char  *typed,
                        GError     **error)
{
  double activity;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (lp_text_is_blank (typed))
    return lp_activity_clear_baseline (plan, scenario_id, activity_line, financial_year, error);
  return lp_parse_decimal_grouped (field, typed, 0, &activity, error) &&
         lp_plan_set_baseline (plan, scenario_id, activity_line, financial_year, activity, error);
}

static gboolean
lp_activity_pod_has_line (const char *pod)
{
  for (guint i = 0; i < G_N_ELEMENTS (pod_lines); i++)
    if (g_str_equal (pod_lines[i].pod, pod))
      return TRUE;
  return FALSE;
}

void
lp_qipp_programme_clear (LpQippProgramme *programme)
{
  g_clear_pointer (&programme->name, g_free);
  for (guint d = 0; d < programme->n_pods; d++)
    {
      g_clear_pointer (&programme->pod_codes[d], g_free);
      g_clear_pointer (&programme->pod_names[d], g_free);
    }
  programme->n_pods = 0;
}

/**
 * lp_plan_get_qipp_programme:
 * @programme_id: the programme, or 0 for a new one (its name is then %NULL
 *   and it saves nothing anywhere)
 * @programme: (out caller-allocates): cleared with lp_qipp_programme_clear()
 *
 * The programme's base-scenario reductions in @financial_year, by point
 * of delivery in the plan's order.
 */
gboolean
lp_plan_get_qipp_programme (LpPlan           *plan,
                            gint64            programme_id,
                            const char       *financial_year,
                            LpQippProgramme  *programme,
                            GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (programme != NULL, FALSE);

  memset (programme, 0, sizeof *programme);
  if ((stmt = lp_plan_prepare (plan, "SELECT code, name FROM point_of_delivery ORDER BY sort_order", error)) == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW && programme->n_pods < LP_QIPP_MAX_PODS)
    {
      guint d = programme->n_pods++;

      programme->pod_codes[d] = g_strdup (lp_stmt_column_text (stmt, 0));
      programme->pod_names[d] = g_strdup (lp_stmt_column_text (stmt, 1));
      programme->pod_has_line[d] = lp_activity_pod_has_line (programme->pod_codes[d]);
      programme->saving[d] = -1;
      programme->activity[d] = NAN;
    }
  sqlite3_reset (stmt);
  if (programme_id == 0)
    return TRUE;
  if ((stmt = lp_plan_prepare (plan, "SELECT name FROM qipp_programme WHERE id = ?1", error)) == NULL)
    return lp_qipp_programme_clear (programme), FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    programme->name = g_strdup (lp_stmt_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (programme->name == NULL)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                        _("The QIPP programme no longer exists; it may have been removed")),
           lp_qipp_programme_clear (programme), FALSE;
  if ((stmt = lp_plan_prepare (plan, "SELECT pod, saving_pounds, activity FROM qipp_reduction "
                                     "WHERE programme_id = ?1 AND financial_year = ?2 AND scenario_id = ?3", error)) == NULL)
    return lp_qipp_programme_clear (programme), FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  lp_stmt_bind_text (stmt, 2, financial_year);
  sqlite3_bind_int64 (stmt, 3, lp_plan_get_base_scenario_id (plan));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (guint d = 0; d < programme->n_pods; d++)
      if (g_strcmp0 (programme->pod_codes[d], lp_stmt_column_text (stmt, 0)) == 0)
        {
          programme->saving[d] = sqlite3_column_int64 (stmt, 1);
          programme->activity[d] = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 2);
        }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Parsed reductions: saving -1 when the row plans none. */
typedef struct {
  const char *pod;
  gint64      saving;
  double      activity;
} LpQippReduction;

static gboolean
lp_qipp_form_read (const char           *name,
                   const LpQippFormRow  *rows,
                   guint                 n_rows,
                   LpQippReduction      *reductions,
                   const char          **bad_field,
                   GError              **error)
{
  if (!lp_validate_text (_("Programme name"), name, TRUE, LP_NAME_MAX_CHARS, error))
    return *bad_field = "name", FALSE;
  for (guint i = 0; i < n_rows; i++)
    {
      const char *pod = rows[i].pod_name != NULL ? rows[i].pod_name : rows[i].pod;
      /* TRANSLATORS: names a field in an error message; %s is a point of delivery, "A&E" */
      g_autofree char *saving_field = g_strdup_printf (_("Saving for %s"), pod);
      /* TRANSLATORS: names a field in an error message; %s is a point of delivery, "A&E" */
      g_autofree char *activity_field = g_strdup_printf (_("Activity reduction for %s"), pod);
      gboolean has_saving = !lp_text_is_blank (rows[i].saving);
      gboolean has_activity = !lp_text_is_blank (rows[i].activity);

      reductions[i].pod = rows[i].pod;
      reductions[i].saving = -1;
      reductions[i].activity = NAN;
      if (has_saving && !lp_parse_pounds (saving_field, rows[i].saving, &reductions[i].saving, error))
        return *bad_field = rows[i].saving_field, FALSE;
      if (has_activity && !lp_parse_decimal_grouped (activity_field, rows[i].activity, 0,
                                                     &reductions[i].activity, error))
        return *bad_field = rows[i].activity_field, FALSE;
      /* An activity reduction with no money against it saves £0. */
      if (has_activity && !has_saving)
        reductions[i].saving = 0;
    }
  return TRUE;
}

static gint64
lp_qipp_write_programme (LpPlan      *plan,
                         gint64       programme_id,
                         const char  *name,
                         GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  sqlite3_stmt *stmt;
  gint64 id = programme_id != 0 ? programme_id : lp_id_new ();

  /* A new programme goes after the others. */
  stmt = lp_plan_prepare (plan, programme_id != 0
                                ? "UPDATE qipp_programme SET name = ?2 WHERE id = ?1"
                                : "INSERT INTO qipp_programme (id, name, sort_order) "
                                  "VALUES (?1, ?2, (SELECT ifnull (max (sort_order), 0) + 1 FROM qipp_programme))",
                          error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_TRANSIENT);
  if (!lp_stmt_run (plan, stmt, _("save the QIPP programme"), error))
    return 0;
  if (programme_id != 0 && sqlite3_changes (lp_plan_get_db (plan)) == 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                        _("The QIPP programme no longer exists; it may have been removed")), 0;
  return id;
}

static gboolean
lp_qipp_write_reduction (LpPlan                 *plan,
                         gint64                  programme_id,
                         const char             *financial_year,
                         const LpQippReduction  *reduction,
                         GError                **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, reduction->saving < 0
      ? "DELETE FROM qipp_reduction WHERE scenario_id = ?1 AND programme_id = ?2 AND pod = ?3 "
        "AND financial_year = ?4"
      : "INSERT INTO qipp_reduction (scenario_id, programme_id, pod, financial_year, saving_pounds, activity) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (scenario_id, programme_id, pod, financial_year) "
        "DO UPDATE SET saving_pounds = excluded.saving_pounds, activity = excluded.activity", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, lp_plan_get_base_scenario_id (plan));
  sqlite3_bind_int64 (stmt, 2, programme_id);
  sqlite3_bind_text (stmt, 3, reduction->pod, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, financial_year, -1, SQLITE_TRANSIENT);
  if (reduction->saving >= 0)
    {
      sqlite3_bind_int64 (stmt, 5, reduction->saving);
      if (isnan (reduction->activity))
        sqlite3_bind_null (stmt, 6);
      else
        sqlite3_bind_double (stmt, 6, reduction->activity);
    }
  return lp_stmt_run (plan, stmt, _("save the QIPP reductions"), error);
}

/**
 * lp_plan_save_qipp_form:
 * @programme_id: the programme, or 0 to add one
 * @financial_year: the year the reductions are for, "2018/19"
 * @rows: (array length=n_rows): a row for each point of delivery shown;
 *   one left blank has no reduction
 *
 * Returns: the programme's id, or 0 with @error set and @bad_field the
 *   refused field: "name", or a row's saving_field or activity_field
 */
gint64
lp_plan_save_qipp_form (LpPlan               *plan,
                        gint64                programme_id,
                        const char           *financial_year,
                        const char           *name,
                        const LpQippFormRow  *rows,
                        guint                 n_rows,
                        const char          **bad_field,
                        GError              **error)
{
  g_autofree LpQippReduction *reductions = g_new0 (LpQippReduction, MAX (n_rows, 1));
  g_autoptr(GError) local_error = NULL;
  const char *refused = NULL;
  gint64 id;

  g_return_val_if_fail (LP_IS_PLAN (plan), 0);
  g_return_val_if_fail (rows != NULL || n_rows == 0, 0);

  if (bad_field != NULL)
    *bad_field = NULL;
  if (!lp_activity_check_line ("-", financial_year, error))
    return 0;
  if (!lp_qipp_form_read (name, rows, n_rows, reductions, &refused, error))
    {
      if (bad_field != NULL)
        *bad_field = refused;
      return 0;
    }
  if (!lp_plan_begin_write (plan, error))
    return 0;
  if ((id = lp_qipp_write_programme (plan, programme_id, name, &local_error)) == 0)
    {
      lp_plan_rollback (plan);
      /* The one constraint a name can break is that it is taken. */
      if (g_error_matches (local_error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT))
        {
          g_clear_error (&local_error);
          g_set_error (&local_error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT,
                       _("Programme name: another programme is called “%s”"), name);
        }
      if (bad_field != NULL)
        *bad_field = "name";
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  for (guint i = 0; i < n_rows; i++)
    if (!lp_qipp_write_reduction (plan, id, financial_year, &reductions[i], error))
      return lp_plan_rollback (plan), 0;
  lp_plan_emit_changed (plan, "qipp_programme");
  lp_plan_emit_changed (plan, "qipp_reduction");
  if (!lp_plan_commit (plan, error))
    return 0;
  return id;
}

gboolean
lp_plan_delete_qipp_programme (LpPlan  *plan,
                               gint64   programme_id,
                               GError **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  if (!lp_plan_delete_row (plan, "DELETE FROM qipp_programme WHERE id = ?1", programme_id, "qipp_programme",
                           _("remove the QIPP programme"),
                           _("The QIPP programme no longer exists; it may have been removed"), error))
    return lp_plan_rollback (plan), FALSE;
  lp_plan_emit_changed (plan, "qipp_reduction");
  return lp_plan_commit (plan, error);
}
