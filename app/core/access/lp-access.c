/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Extended access month by month (see lp-access.h for the rules). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-access-private.h"
#include "lp-pcn-access.h"

int
lp_access_month_index (const char *month)
{
  unsigned year, number;
  char tail;

  if (month == NULL || sscanf (month, "%4u-%2u%c", &year, &number, &tail) < 2 ||
      number < 1 || number > 12 || year < 1900 || year > 9999)
    return -1;
  return (int) (year * 12 + number - 1);
}

void
lp_access_month_first_day (int  index,
                           char date[11])
{
  g_snprintf (date, 11, "%04d-%02d-01", index / 12, index % 12 + 1);
}

void
lp_access_month_last_day (int  index,
                          char date[11])
{
  int year = index / 12, month = index % 12 + 1;

  g_snprintf (date, 11, "%04d-%02d-%02d", year, month,
              g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year));
}

gint64
lp_access_patients (const LpAccessPracticeData  *practice,
                    const char                  *first_day,
                    const char                 **extract)
{
  const LpAccessExtract *chosen = NULL;

  for (guint i = 0; i < practice->extracts->len; i++)
    {
      const LpAccessExtract *candidate = &g_array_index (practice->extracts, LpAccessExtract, i);

      if (chosen == NULL || strcmp (candidate->date, first_day) <= 0)
        chosen = candidate;
      if (strcmp (candidate->date, first_day) > 0)
        break;
    }
  if (extract != NULL)
    *extract = chosen != NULL ? chosen->date : NULL;
  return chosen != NULL ? chosen->patients : 0;
}

const LpAccessProvision *
lp_access_live (GArray     *rows,
                const char *date)
{
  const LpAccessProvision *live = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      const LpAccessProvision *row = &g_array_index (rows, LpAccessProvision, i);

      if (strcmp (row->start, date) <= 0 && (row->end[0] == '\0' || strcmp (row->end, date) >= 0))
        live = row;   /* rows are by start: the latest wins */
    }
  return live;
}

const LpAccessRule *
lp_access_rule_at (const LpAccessData *data,
                   const char         *date)
{
  const LpAccessRule *rule = NULL;

  for (guint i = 0; i < data->rules->len; i++)
    if (strcmp (g_array_index (data->rules, LpAccessRule, i).start, date) <= 0)
      rule = &g_array_index (data->rules, LpAccessRule, i);
  return rule;
}

/**
 * lp_access_required_minutes:
 *
 * Returns: minutes a week: 75,825 patients at 30 per 1,000 need 2,274.75;
 *   rounded to the nearest quarter hour, 50,000 at 30 need 1,500 (25 hours)
 */
double
lp_access_required_minutes (gint64   patients,
                            double   minutes_per_1000,
                            gboolean round_to_quarter_hour)
{
  double minutes = (double) patients * minutes_per_1000 / 1000.0;

  return round_to_quarter_hour ? round (minutes / 15.0) * 15.0 : minutes;
}

static void
lp_access_month_free (gpointer data)
{
  LpAccessMonth *month = data;

  g_free (month->extract_date);
  g_free (month->target_label);
  g_free (month->target_period);
  g_free (month->rule);
  g_free (month);
}

void
lp_access_table_free (LpAccessTable *table)
{
  if (table == NULL)
    return;
  g_clear_pointer (&table->months, g_ptr_array_unref);
  g_clear_pointer (&table->targets, g_ptr_array_unref);
  g_free (table);
}

static gboolean
lp_access_counts (const LpAccessProvision *provision,
                  gboolean                 partial_counts)
{
  return provision != NULL &&
         (provision->level == LP_ACCESS_FULL || (partial_counts && provision->level == LP_ACCESS_PARTIAL));
}

/* Patients, coverage and minutes offered over the selection's practices. */
static void
lp_access_count_month (const LpAccessData  *data,
                       const LpAccessQuery *query,
                       int                  index,
                       LpAccessMonth       *month)
{
  char first[11], last[11];
  gint64 planned = 0, actual = 0;
  const char *newest = NULL;

  lp_access_month_first_day (index, first);
  lp_access_month_last_day (index, last);
  for (guint i = 0; i < data->practices->len; i++)
    {
      const LpAccessPracticeData *practice = &g_array_index (data->practices, LpAccessPracticeData, i);
      const LpAccessProvision *plan;
      const char *extract = NULL;
      gint64 patients;

      if ((query->locality_id != 0 && practice->locality_id != query->locality_id) ||
          !lp_practice_counts_on (practice->closed_from, first))
        continue;
      patients = lp_access_patients (practice, first, &extract);
      month->population += patients;
      if (extract != NULL && (newest == NULL || strcmp (extract, newest) > 0))
        newest = extract;
      plan = lp_access_live (practice->plan, last);
      planned += lp_access_counts (plan, query->partial_counts) ? patients : 0;
      month->offered_minutes += plan != NULL ? plan->minutes : 0;
      actual += lp_access_counts (lp_access_live (practice->actual, last), query->partial_counts) ? patients : 0;
    }
  month->extract_date = g_strdup (newest);
  month->planned = month->population > 0 ? (double) planned / (double) month->population : 0;
  month->actual = month->population > 0 ? (double) actual / (double) month->population : 0;
}

static void
lp_access_target_month (const LpAccessData *data,
                        LpAccessMonth      *month)
{
  for (guint i = 0; i < data->points->len; i++)
    {
      const LpAccessPoint *point = &g_array_index (data->points, LpAccessPoint, i);

      if (strcmp (point->month, month->month) > 0)
        break;
      month->has_target = TRUE;
      month->target = point->target_bp / 10000.0;
      g_strlcpy (month->target_from, point->month, sizeof month->target_from);
      g_clear_pointer (&month->target_period, g_free);
      month->target_period = g_strdup (point->label);
      g_clear_pointer (&month->target_label, g_free);
      if (strcmp (point->month, month->month) == 0)
        month->target_label = g_strdup (point->label);
    }
}

static void
lp_access_target_free (gpointer data)
{
  LpAccessTarget *target = data;

  g_free (target->label);
  g_free (target);
}

/* The trajectory itself, so a reader sees each target with the month it
 * applies from rather than working it out from the months. */
static GPtrArray *
lp_access_targets (const LpAccessData *data)
{
  GPtrArray *targets = g_ptr_array_new_with_free_func (lp_access_target_free);

  for (guint i = 0; i < data->points->len; i++)
    {
      const LpAccessPoint *point = &g_array_index (data->points, LpAccessPoint, i);
      LpAccessTarget *target = g_new0 (LpAccessTarget, 1);

      g_strlcpy (target->month, point->month, sizeof target->month);
      target->target = point->target_bp / 10000.0;
      target->label = g_strdup (point->label);
      g_ptr_array_add (targets, target);
    }
  return targets;
}

static gboolean
lp_access_has_actuals (const LpAccessData  *data,
                       const LpAccessQuery *query)
{
  for (guint i = 0; i < data->practices->len; i++)
    {
      const LpAccessPracticeData *practice = &g_array_index (data->practices, LpAccessPracticeData, i);

      if ((query->locality_id == 0 || practice->locality_id == query->locality_id) && practice->actual->len > 0)
        return TRUE;
    }
  return FALSE;
}

static LpAccessMonth *
lp_access_month (const LpAccessData  *data,
                 const LpAccessQuery *query,
                 gboolean             any_actual,
                 int                  index)
{
  LpAccessMonth *month = g_new0 (LpAccessMonth, 1);
  char first[11], last[11];
  const LpAccessRule *rule;

  g_snprintf (month->month, sizeof month->month, "%04d-%02d", index / 12, index % 12 + 1);
  lp_access_month_first_day (index, first);
  lp_access_month_last_day (index, last);
  lp_access_count_month (data, query, index, month);
  lp_access_target_month (data, month);
  month->has_actual = any_actual && data->reference_date != NULL && strcmp (first, data->reference_date) <= 0;
  month->gap = month->has_target ? month->target - (month->has_actual ? month->actual : month->planned) : 0;
  /* A hundredth of a percentage point is below what anyone reads. */
  month->behind = month->has_target && month->gap > 1e-6;
  rule = lp_access_rule_at (data, last);
  if (rule != NULL && rule->pcn)
    {
      /* Coverage of practices is no longer what is commissioned. */
      month->rule = g_strdup (rule->name);
      month->pcn_rule = TRUE;
      month->behind = FALSE;
    }
  else if (rule != NULL)
    {
      month->rule = g_strdup (rule->name);
      month->required_minutes = lp_access_required_minutes (month->population, rule->minutes_per_1000,
                                                            rule->round_to_quarter_hour);
    }
  return month;
}

/* The financial years the trajectory spans: April before its first point
 * to March after its last; without one, the reference date's year, or
 * without that the plan's own years (a plan for 2021/22 opened years
 * later must not show the year it is opened in), or this year. */
static void
lp_access_range (const LpAccessData  *data,
                 const LpAccessQuery *query,
                 int                 *from,
                 int                 *to)
{
  int first = data->points->len > 0 ? lp_access_month_index (g_array_index (data->points, LpAccessPoint, 0).month)
                                    : lp_access_month_index (data->reference_date);
  int last = data->points->len > 0
             ? lp_access_month_index (g_array_index (data->points, LpAccessPoint, data->points->len - 1).month)
             : first;

  if (data->points->len == 0 && !data->reference_is_setting && data->year_first_day[0] != '\0')
    {
      first = lp_access_month_index (data->year_first_day);
      last = lp_access_month_index (data->year_last_day);
    }

  if (first < 0)
    {
      GDateTime *now = g_date_time_new_now_local ();

      first = last = g_date_time_get_year (now) * 12 + g_date_time_get_month (now) - 1;
      g_date_time_unref (now);
    }
  *from = first - ((first % 12) - 3 + 12) % 12;    /* back to April */
  *to = last + (2 - (last % 12) + 12) % 12;        /* on to March */
  if (query->from != NULL && lp_access_month_index (query->from) >= 0)
    *from = lp_access_month_index (query->from);
  if (query->to != NULL && lp_access_month_index (query->to) >= 0)
    *to = lp_access_month_index (query->to);
}

/* The PCN-era months' required and offered minutes: the PCNs' figures,
 * or the locality's shares of them. */
static gboolean
lp_access_pcn_months (LpPlan              *plan,
                      const LpAccessQuery *query,
                      LpAccessTable       *table,
                      GError             **error)
{
  g_autoptr(LpPcnCache) cache = lp_pcn_cache_new ();

  for (guint i = 0; i < table->months->len; i++)
    {
      LpAccessMonth *month = g_ptr_array_index (table->months, i);
      g_autoptr(LpPcnAccess) pcn = NULL;

      if (!month->pcn_rule)
        continue;
      pcn = lp_pcn_access_cached (plan, query->scenario_id, query->locality_id, month->month, cache, error);
      if (pcn == NULL)
        return FALSE;
      month->required_minutes = pcn->required_minutes;
      month->offered_minutes = (gint64) round (pcn->offered_minutes);
      month->standard_minutes = (gint64) round (pcn->standard_minutes);
    }
  return TRUE;
}

/**
 * lp_plan_access:
 *
 * Returns: (transfer full): a row a month for the query's locality (or
 *   all), or %NULL with @error set (also for a range of over 20 years, or
 *   one that ends before it starts)
 */
LpAccessTable *
lp_plan_access (LpPlan               *plan,
                const LpAccessQuery  *query,
                GError              **error)
{
  g_auto(LpAccessData) data = { 0, };
  g_autoptr(LpAccessTable) table = g_new0 (LpAccessTable, 1);
  gboolean any_actual;
  int from, to;

  g_return_val_if_fail (LP_IS_PLAN (plan) && query != NULL, NULL);

  if (!lp_access_data_load (&data, plan, query, error))
    return NULL;
  lp_access_range (&data, query, &from, &to);
  if (to < from || to - from >= 240)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("Choose a range of months that ends after it starts, within 20 years")), NULL;
  table->months = g_ptr_array_new_with_free_func (lp_access_month_free);
  table->own_trajectory = data.own_trajectory;
  table->targets = lp_access_targets (&data);
  any_actual = lp_access_has_actuals (&data, query);
  for (int index = from; index <= to; index++)
    g_ptr_array_add (table->months, lp_access_month (&data, query, any_actual, index));
  if (!lp_access_pcn_months (plan, query, table, error))
    return NULL;
  return g_steal_pointer (&table);
}
