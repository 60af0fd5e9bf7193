/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Workforce projection by quarter (see lp-workforce.h for the rules). */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-workforce-private.h"

/* One practice's one role through the quarters. */
typedef struct {
  gint64    practice_id;
  char      role[32];
  char      as_at[11];    /* the baseline record's date */
  gboolean  missing;      /* the baseline record has no FTE */
  double    fte;
} LpWfPair;

double
lp_workforce_quarterly_rate (double annual)
{
  return annual <= 0 ? 0 : annual >= 1 ? 1 : 1.0 - pow (1.0 - annual, 0.25);
}

static void
lp_wf_quarter_free (gpointer data)
{
  LpWorkforceQuarter *quarter = data;

  g_free (quarter->label);
  g_free (quarter);
}

void
lp_workforce_table_free (LpWorkforceTable *table)
{
  if (table == NULL)
    return;
  g_free (table->baseline_date);
  g_clear_pointer (&table->quarters, g_ptr_array_unref);
  g_free (table);
}

static LpWfPair *
lp_wf_pair (GHashTable *pairs,
            gint64      practice_id,
            const char *role)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "|%s", practice_id, role);
  LpWfPair *pair = g_hash_table_lookup (pairs, key);

  if (pair == NULL)
    {
      pair = g_new0 (LpWfPair, 1);
      pair->practice_id = practice_id;
      g_strlcpy (pair->role, role, sizeof pair->role);
      g_hash_table_insert (pairs, g_steal_pointer (&key), pair);
    }
  return pair;
}

/* Each selected practice and role at its latest record on or before the
 * baseline date, and those the plan moves staff into. */
static GHashTable *
lp_wf_pairs (const LpWfData         *data,
             const LpWorkforceQuery *query)
{
  GHashTable *pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < data->records->len; i++)
    {
      const LpWfRecord *record = &g_array_index (data->records, LpWfRecord, i);
      LpWfPair *pair;

      if (!lp_wf_practice_selected (data, query, record->practice_id) ||
          !lp_wf_role_selected (data, query, record->role) || strcmp (record->as_at, data->base_date) > 0)
        continue;
      pair = lp_wf_pair (pairs, record->practice_id, record->role);
      g_strlcpy (pair->as_at, record->as_at, sizeof pair->as_at);   /* records are by date */
      pair->missing = !record->has_fte;
      pair->fte = record->has_fte ? record->fte : 0;
    }
  for (guint i = 0; i < data->changes->len; i++)
    {
      const LpWfChange *change = &g_array_index (data->changes, LpWfChange, i);

      if (lp_wf_practice_selected (data, query, change->practice_id) &&
          lp_wf_role_selected (data, query, change->role))
        lp_wf_pair (pairs, change->practice_id, change->role);
    }
  return pairs;
}

/* Moves every pair on by a quarter; returns the selection's FTE. */
static double
lp_wf_project (const LpWfData *data,
               GHashTable     *pairs,
               const char     *quarter,
               gboolean        first,
               guint          *missing)
{
  GHashTableIter iter;
  gpointer value;
  double total = 0;

  *missing = 0;
  g_hash_table_iter_init (&iter, pairs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      LpWfPair *pair = value;
      const LpWfChange *change = first ? NULL : lp_wf_find_change (data, pair->practice_id, pair->role, quarter);
      double *annual = g_hash_table_lookup (data->turnover, pair->role);

      if (pair->missing)
        {
          (*missing)++;
          continue;
        }
      if (!first)
        {
          double start = pair->fte;

          pair->fte -= start * lp_workforce_quarterly_rate (annual != NULL ? *annual : 0);
          if (change != NULL)
            pair->fte += change->joiners - change->leavers - change->retirements;
          pair->fte = MAX (pair->fte, 0);   /* nobody is left to leave */
        }
      total += pair->fte;
    }
  return total;
}

/* The FTE recorded in the quarter: each pair's latest record in it. */
static gboolean
lp_wf_actual (const LpWfData         *data,
              const LpWorkforceQuery *query,
              int                     index,
              double                 *actual)
{
  g_autoptr(GHashTable) latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer value;

  *actual = 0;
  for (guint i = 0; i < data->records->len; i++)
    {
      const LpWfRecord *record = &g_array_index (data->records, LpWfRecord, i);

      if (record->quarter == index && record->has_fte &&
          lp_wf_practice_selected (data, query, record->practice_id) &&
          lp_wf_role_selected (data, query, record->role))
        g_hash_table_insert (latest, g_strdup_printf ("%" G_GINT64_FORMAT "|%s", record->practice_id,
                                                      record->role), (gpointer) record);
    }
  g_hash_table_iter_init (&iter, latest);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    *actual += ((const LpWfRecord *) value)->fte;
  return g_hash_table_size (latest) > 0;
}

static gint64
lp_wf_patients (const LpWfData         *data,
                const LpWorkforceQuery *query,
                gint64                  locality_id)
{
  gint64 patients = 0;

  for (guint i = 0; i < data->practices->len; i++)
    {
      const LpWfPractice *practice = &g_array_index (data->practices, LpWfPractice, i);

      if ((locality_id == 0 || practice->locality_id == locality_id) &&
          (query == NULL || lp_wf_practice_selected (data, query, practice->id)))
        patients += practice->patients;
    }
  return patients;
}

/* The part of @target that falls on the selection. */
static double
lp_wf_target_share (const LpWfData         *data,
                    const LpWorkforceQuery *query,
                    const LpWfTarget       *target)
{
  gint64 selected;

  if (target->role[0] != '\0' ? !lp_wf_role_selected (data, query, target->role)
                              : query->role != NULL ||
                                (query->staff_group != NULL && strcmp (query->staff_group, target->group) != 0))
    return 0;
  if (strcmp (target->level, "practice") == 0)
    return lp_wf_practice_selected (data, query, target->practice_id) ? 1 : 0;
  if (strcmp (target->level, "locality") == 0)
    {
      gint64 locality = lp_wf_patients (data, NULL, target->locality_id);

      selected = lp_wf_patients (data, query, target->locality_id);
      return locality > 0 ? (double) selected / (double) locality : 0;
    }
  selected = lp_wf_patients (data, query, 0);
  return data->ccg_patients > 0 ? (double) selected / (double) data->ccg_patients : 0;
}

/* The target line at quarter @index: straight from the baseline to each
 * target at its due quarter. */
static gboolean
lp_wf_target (const LpWfData         *data,
              const LpWorkforceQuery *query,
              int                     base,
              int                     index,
              double                  baseline,
              double                 *target)
{
  gboolean any = FALSE;

  *target = baseline;
  for (guint i = 0; i < data->targets->len; i++)
    {
      const LpWfTarget *t = &g_array_index (data->targets, LpWfTarget, i);
      double share = lp_wf_target_share (data, query, t);
      int due = lp_wf_quarter_index (t->due);

      if (share <= 0)
        continue;
      any = TRUE;
      *target += t->change * share * (due <= base ? 1.0 : MIN (1.0, (double) (index - base) / (due - base)));
    }
  return any;
}

static char *
lp_wf_quarter_label (int index)
{
  int year = index / 4, calendar = index % 4;

  /* The NHS financial year starts in April: January to March is its Q4. */
  return g_strdup_printf ("%d/%02d Q%d", calendar == 0 ? year - 1 : year, (calendar == 0 ? year : year + 1) % 100,
                          (calendar + 3) % 4 + 1);
}

static int
lp_wf_last_quarter (const LpWfData         *data,
                    const LpWorkforceQuery *query,
                    int                     base)
{
  int last = base + 11;   /* three years */

  for (guint i = 0; i < data->targets->len; i++)
    {
      const LpWfTarget *target = &g_array_index (data->targets, LpWfTarget, i);

      if (lp_wf_target_share (data, query, target) > 0)
        last = MAX (last, lp_wf_quarter_index (target->due));
    }
  return MIN (last, base + 80);
}

/**
 * lp_plan_workforce:
 *
 * Returns: (transfer full): a row a quarter from the baseline's to the
 *   last target's (three years at least), or %NULL with @error set, also
 *   when the plan has no workforce figures
 */
LpWorkforceTable *
lp_plan_workforce (LpPlan                  *plan,
                   const LpWorkforceQuery  *query,
                   GError                 **error)
{
  g_auto(LpWfData) data = { 0, };
  g_autoptr(LpWorkforceTable) table = g_new0 (LpWorkforceTable, 1);
  g_autoptr(GHashTable) pairs = NULL;
  double baseline = 0;
  int base;

  g_return_val_if_fail (LP_IS_PLAN (plan) && query != NULL, NULL);

  if (!lp_wf_data_load (&data, plan, query, error))
    return NULL;
  if ((base = lp_wf_quarter_index (data.base_date)) < 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                        _("The plan has no workforce figures yet: import NHS Digital's practice-level "
                          "workforce file")), NULL;
  pairs = lp_wf_pairs (&data, query);
  table->baseline_date = g_strdup (data.base_date);
  table->population = lp_wf_patients (&data, query, 0);
  table->quarters = g_ptr_array_new_with_free_func (lp_wf_quarter_free);
  for (int index = base; index <= lp_wf_last_quarter (&data, query, base); index++)
    {
      LpWorkforceQuarter *quarter = g_new0 (LpWorkforceQuarter, 1);

      lp_wf_quarter_start (index, quarter->start);
      quarter->label = lp_wf_quarter_label (index);
      quarter->plan = lp_wf_project (&data, pairs, quarter->start, index == base, &quarter->missing);
      if (index == base)
        baseline = quarter->plan;
      quarter->has_actual = lp_wf_actual (&data, query, index, &quarter->actual);
      quarter->has_target = lp_wf_target (&data, query, base, index, baseline, &quarter->target);
      quarter->gap = quarter->has_target ? quarter->target - quarter->plan : 0;
      quarter->short_of_target = quarter->has_target && quarter->gap > 1e-9;
      g_ptr_array_add (table->quarters, quarter);
    }
  return g_steal_pointer (&table);
}
