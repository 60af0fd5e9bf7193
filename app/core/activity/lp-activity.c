/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Activity plans and the QIPP table (see lp-activity.h for the sums). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lp-activity.h"
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

static void
lp_activity_compute (LpActivityPlan *activity_plan,
                     GHashTable     *baselines,
                     GHashTable     *growth,
                     const double    weights[12])
{
  for (guint i = 0; i < activity_plan->lines->len; i++)
    {
      LpActivityLine *line = g_ptr_array_index (activity_plan->lines, i);
      const LpRanked *baseline = g_hash_table_lookup (baselines, line->code);
      const LpRanked *rate = g_hash_table_lookup (growth, line->code);

      line->baseline = baseline != NULL ? baseline->value : 0;
      line->baseline_set = baseline != NULL;
      line->growth_set = rate != NULL;
      /* Basis points are whole numbers held as doubles by the query. */
      line->growth_bp = rate != NULL ? (gint64) llround (rate->value) : 0;
      /* The growth rates are net of QIPP: the reductions are inside the
       * plan, not taken off it.  The growth as baseline x bp / 10,000
       * keeps whole figures exact: 60,100 at 3.5% is 62,203.5, where
       * x 1.035 gives 62,203.499999999993. */
      line->plan = line->baseline + line->baseline * (double) line->growth_bp / 10000.0;
      line->without_qipp = line->plan + line->qipp;
      /* A flat year divides by 12 exactly (x (1/12) rounds differently). */
      for (int m = 0; m < 12; m++)
        line->per_month[m] = weights == NULL ? line->plan / 12.0 : line->plan * weights[m];
      line->per_week = line->plan / 52.0;
    }
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
  g_autoptr(LpActivityPlan) activity_plan = g_new0 (LpActivityPlan, 1);
  g_autofree char *previous = lp_activity_previous_year (financial_year);
  g_autoptr(GArray) chain = NULL;
  g_autoptr(GHashTable) baselines = NULL;
  g_autoptr(GHashTable) growth = NULL;
  g_autoptr(GHashTable) qipp = NULL;
  double weights[12];

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  if (previous == NULL)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("“%s” is not a financial year such as 2018/19"),
                        financial_year != NULL ? financial_year : ""), NULL;
  activity_plan->financial_year = g_strdup (financial_year);
  activity_plan->lines = g_ptr_array_new_with_free_func (lp_activity_line_free);
  if ((chain = lp_plan_dup_scenario_chain (plan, scenario_id, error)) == NULL ||
      !lp_activity_load_lines (plan, activity_plan, error) ||
      !(baselines = lp_activity_nearest (plan, chain,
          "SELECT scenario_id, activity_line, sum (activity) FROM activity_baseline "
          "WHERE financial_year = ?1 GROUP BY scenario_id, activity_line", previous, error)) ||
      !(growth = lp_activity_nearest (plan, chain,
          "SELECT scenario_id, activity_line, growth_bp FROM growth_assumption WHERE financial_year = ?1",
          financial_year, error)) ||
      !(qipp = lp_activity_nearest (plan, chain,
          "SELECT scenario_id, programme_id || '|' || pod, activity FROM qipp_reduction "
          "WHERE financial_year = ?1", financial_year, error)))
    return NULL;
  lp_activity_add_qipp (activity_plan, qipp);
  activity_plan->seasonal = lp_activity_profile (plan, weights);
  lp_activity_compute (activity_plan, baselines, growth, activity_plan->seasonal ? weights : NULL);
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
  if (growth_bp < -10000 || growth_bp > 1000000)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("Growth must be between -100%% and 10,000%%")), FALSE;
  if (!lp_activity_write (plan,
                          "INSERT INTO growth_assumption (scenario_id, activity_line, financial_year, growth_bp) "
                          "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (scenario_id, activity_line, financial_year) "
                          "DO UPDATE SET growth_bp = excluded.growth_bp",
                          scenario_id, activity_line, financial_year, (double) growth_bp, TRUE, error))
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
                        _("This line’s forecast outturn is held by locality or provider in the plan file; "
                          "a figure for the whole plan would be added to theirs")), FALSE;
  /* The whole plan's baseline: no locality, no provider. */
  if (!lp_activity_write (plan,
                          "INSERT INTO activity_baseline (scenario_id, activity_line, financial_year, activity, id) "
                          "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (scenario_id, activity_line, financial_year, "
                          "ifnull (locality_id, 0), ifnull (provider_id, 0)) DO UPDATE SET activity = excluded.activity",
                          scenario_id, activity_line, previous, activity, FALSE, error))
    return FALSE;
  lp_plan_emit_changed (plan, "activity_baseline");
  return TRUE;
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
 * Sets a baseline from what was typed, as lp_plan_set_baseline() does.
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
