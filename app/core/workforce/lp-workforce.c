/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Workforce projection by quarter (see lp-workforce.h for the rules). */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-workforce-private.h"

double
lp_workforce_quarterly_rate (double annual)
{
  return annual <= 0 ? 0 : annual >= 1 ? 1 : 1.0 - pow (1.0 - annual, 0.25);
}

double
lp_workforce_quarterly_joiner_rate (double annual)
{
  return annual <= 0 ? 0 : pow (1.0 + annual, 0.25) - 1.0;
}

static void
lp_wf_rate_free (gpointer data)
{
  LpWorkforceRate *rate = data;

  g_free (rate->role);
  g_free (rate->name);
  g_free (rate);
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
  g_clear_pointer (&table->rates, g_ptr_array_unref);
  g_free (table);
}

void
lp_wf_run_clear (LpWfRun *run)
{
  g_clear_pointer (&run->pairs, g_array_unref);
  g_clear_pointer (&run->keys, g_hash_table_unref);
  g_clear_pointer (&run->moves, g_ptr_array_unref);
  g_clear_pointer (&run->actual, g_free);
  g_clear_pointer (&run->has_actual, g_free);
}

/* A practice's role as one number: the practice's place in the plan's
 * list, then the role's; no strings to build for 160,000 of them. */
static gint64
lp_wf_key (const LpWfData *data,
           gint64          practice_id,
           const LpWfRole *role)
{
  const LpWfPractice *practice = g_hash_table_lookup (data->by_id, &practice_id);

  return (gint64) (practice - (const LpWfPractice *) (gpointer) data->practices->data) * 4096 + role->index;
}

LpWfPair *
lp_wf_find_pair (const LpWfData *data,
                 LpWfRun        *run,
                 gint64          practice_id,
                 const char     *role_code)
{
  const LpWfRole *role = g_hash_table_lookup (data->roles, role_code);
  gint64 key;
  guint index;

  if (role == NULL || g_hash_table_lookup (data->by_id, &practice_id) == NULL)
    return NULL;
  key = lp_wf_key (data, practice_id, role);
  index = GPOINTER_TO_UINT (g_hash_table_lookup (run->keys, &key));
  return index > 0 ? &g_array_index (run->pairs, LpWfPair, index - 1) : NULL;
}

static LpWfPair *
lp_wf_pair (const LpWfData *data,
            LpWfRun        *run,
            gint64          practice_id,
            const char     *role_code)
{
  const LpWfRole *role = g_hash_table_lookup (data->roles, role_code);
  gint64 key = lp_wf_key (data, practice_id, role);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (run->keys, &key));
  const LpWfRate *rate;
  const LpWfPractice *practice;

  if (index > 0)
    return &g_array_index (run->pairs, LpWfPair, index - 1);
  rate = g_hash_table_lookup (data->rates, role_code);
  practice = g_hash_table_lookup (data->by_id, &practice_id);
  g_array_append_val (run->pairs,
                      ((LpWfPair) { practice_id, role->index,
                                    lp_workforce_quarterly_rate (rate != NULL ? rate->turnover_bp / 10000.0 : 0),
                                    lp_workforce_quarterly_joiner_rate (rate != NULL ? rate->joiner_bp / 10000.0
                                                                                     : 0),
                                    .closed_quarter = practice != NULL ? practice->closed_quarter : G_MAXINT }));
  g_hash_table_insert (run->keys, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (run->pairs->len));
  return &g_array_index (run->pairs, LpWfPair, run->pairs->len - 1);
}

static gboolean
lp_wf_record_selected (const LpWfData         *data,
                       const LpWorkforceQuery *query,
                       gint64                  practice_id,
                       const char             *role)
{
  return lp_wf_practice_selected (data, query, practice_id) && lp_wf_role_selected (data, query, role);
}

/* Each selected practice and role at its latest record on or before the
 * baseline date, and the FTE recorded in each quarter: records come by
 * practice, role and date, so a record is a pair's latest in its quarter
 * when the next one is of another pair or quarter. */
static void
lp_wf_read_records (const LpWfData         *data,
                    const LpWorkforceQuery *query,
                    LpWfRun                *run)
{
  for (guint i = 0; i < data->records->len; i++)
    {
      const LpWfRecord *record = &g_array_index (data->records, LpWfRecord, i);
      const LpWfRecord *next = i + 1 < data->records->len ? &g_array_index (data->records, LpWfRecord, i + 1)
                                                          : NULL;
      gboolean last_of_quarter = next == NULL || next->practice_id != record->practice_id ||
                                 strcmp (next->role, record->role) != 0 || next->quarter != record->quarter;
      const LpWfPractice *practice = g_hash_table_lookup (data->by_id, &record->practice_id);
      LpWfPair *pair;

      if (!lp_wf_record_selected (data, query, record->practice_id, record->role))
        continue;
      if (last_of_quarter && record->has_fte && record->quarter >= run->base && record->quarter <= run->last &&
          (practice == NULL || record->quarter < practice->closed_quarter))
        {
          run->actual[record->quarter - run->base] += record->fte;
          run->has_actual[record->quarter - run->base] = TRUE;
        }
      if (strcmp (record->as_at, data->base_date) > 0)
        continue;
      pair = lp_wf_pair (data, run, record->practice_id, record->role);
      pair->missing = !record->has_fte;
      pair->baseline = record->has_fte ? record->fte : 0;
    }
}

/* The plan's movements, net, by quarter; a movement into a role a
 * practice has no record of starts it from 0. */
static void
lp_wf_read_moves (const LpWfData         *data,
                  const LpWorkforceQuery *query,
                  LpWfRun                *run)
{
  for (int k = 0; k <= run->last - run->base; k++)
    g_ptr_array_add (run->moves, g_array_new (FALSE, FALSE, sizeof (LpWfMove)));
  for (guint i = 0; i < data->changes->len; i++)
    {
      const LpWfChange *change = &g_array_index (data->changes, LpWfChange, i);
      int k = lp_wf_quarter_index (change->quarter) - run->base;
      LpWfPair *pair;

      if (k <= 0 || k > run->last - run->base ||
          !lp_wf_record_selected (data, query, change->practice_id, change->role))
        continue;
      pair = lp_wf_pair (data, run, change->practice_id, change->role);
      g_array_append_val (g_ptr_array_index (run->moves, k),
                          ((LpWfMove) { (guint) (pair - (LpWfPair *) (gpointer) run->pairs->data),
                                        change->joiners - change->leavers - change->retirements }));
    }
}

/* Moves every pair on by quarter @k (0: the baseline, as recorded);
 * returns the selection's FTE. */
static double
lp_wf_project (LpWfRun *run,
               int      k)
{
  GArray *moves = g_ptr_array_index (run->moves, k);
  double total = 0;

  run->turnover = run->recruited = 0;
  for (guint i = 0; i < run->pairs->len; i++)
    {
      LpWfPair *pair = &g_array_index (run->pairs, LpWfPair, i);
      double stayed = pair->fte * (1.0 - pair->rate);

      if (k == 0)
        {
          pair->fte = pair->baseline;
          continue;
        }
      /* A missing figure's flows are as unknown as its FTE; a closed
       * practice's staff have gone. */
      if (!pair->missing && run->base + k < pair->closed_quarter)
        {
          run->turnover += pair->fte - stayed;
          run->recruited += stayed * pair->join;
        }
      pair->fte = stayed * (1.0 + pair->join);
    }
  for (guint i = 0; k > 0 && i < moves->len; i++)
    g_array_index (run->pairs, LpWfPair, g_array_index (moves, LpWfMove, i).pair).fte +=
      g_array_index (moves, LpWfMove, i).delta;
  run->missing = 0;
  for (guint i = 0; i < run->pairs->len; i++)
    {
      LpWfPair *pair = &g_array_index (run->pairs, LpWfPair, i);

      if (run->base + k >= pair->closed_quarter)
        continue;
      if (pair->missing)
        {
          run->missing++;
          continue;
        }
      pair->fte = MAX (pair->fte, 0);   /* nobody is left to leave */
      total += pair->fte;
    }
  return total;
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

/**
 * lp_workforce_quarter_label:
 * @date: a YYYY-MM-DD date
 *
 * Returns: (transfer full) (nullable): the NHS financial quarter holding
 *   @date, as the Workforce view writes it ("2019/20 Q4" for 2020-02-01),
 *   or %NULL if @date is not a date
 */
char *
lp_workforce_quarter_label (const char *date)
{
  int index = lp_wf_quarter_index (date);

  return index < 0 ? NULL : lp_wf_quarter_label (index);
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

static LpWorkforceQuarter *
lp_wf_quarter_copy (const LpWorkforceQuarter *quarter)
{
  LpWorkforceQuarter *copy = g_memdup2 (quarter, sizeof *quarter);

  copy->label = g_strdup (quarter->label);
  return copy;
}

LpWorkforceTable *
lp_workforce_table_copy (const LpWorkforceTable *table)
{
  LpWorkforceTable *copy = g_new0 (LpWorkforceTable, 1);

  copy->baseline_date = g_strdup (table->baseline_date);
  copy->population = table->population;
  copy->quarters = g_ptr_array_new_with_free_func (lp_wf_quarter_free);
  for (guint i = 0; i < table->quarters->len; i++)
    g_ptr_array_add (copy->quarters, lp_wf_quarter_copy (g_ptr_array_index (table->quarters, i)));
  copy->rates = g_ptr_array_new_with_free_func (lp_wf_rate_free);
  for (guint i = 0; table->rates != NULL && i < table->rates->len; i++)
    {
      const LpWorkforceRate *rate = g_ptr_array_index (table->rates, i);

      g_ptr_array_add (copy->rates, g_memdup2 (&(LpWorkforceRate) { g_strdup (rate->role), g_strdup (rate->name),
                                                                     rate->turnover_bp, rate->joiner_bp },
                                               sizeof (LpWorkforceRate)));
    }
  copy->has_target = table->has_target;
  copy->target_change = table->target_change;
  memcpy (copy->target_due, table->target_due, sizeof copy->target_due);
  return copy;
}

void
lp_wf_reproject (LpWfRun          *run,
                 LpWorkforceTable *table)
{
  for (guint k = 0; k < table->quarters->len; k++)
    {
      LpWorkforceQuarter *quarter = g_ptr_array_index (table->quarters, k);

      quarter->plan = lp_wf_project (run, (int) k);
      quarter->missing = run->missing;
      quarter->turnover = run->turnover;
      quarter->recruited = run->recruited;
      quarter->gap = quarter->has_target ? quarter->target - quarter->plan : 0;
      quarter->short_of_target = quarter->has_target && quarter->gap > 1e-9;
    }
}

static gint
lp_wf_rate_compare (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const LpWfData *data = user_data;
  const LpWfRole *role_a = g_hash_table_lookup (data->roles, (*(LpWorkforceRate *const *) a)->role);
  const LpWfRole *role_b = g_hash_table_lookup (data->roles, (*(LpWorkforceRate *const *) b)->role);

  return (role_a->index > role_b->index) - (role_a->index < role_b->index);
}

/* The rates of the selection's roles, for the view to say what the
 * projection assumed. */
static GPtrArray *
lp_wf_rates (const LpWfData         *data,
             const LpWorkforceQuery *query)
{
  GPtrArray *rates = g_ptr_array_new_with_free_func (lp_wf_rate_free);
  GHashTableIter iter;
  gpointer code, value;

  g_hash_table_iter_init (&iter, data->rates);
  while (g_hash_table_iter_next (&iter, &code, &value))
    {
      const LpWfRate *rate = value;
      const LpWfRole *role = g_hash_table_lookup (data->roles, code);

      if (role != NULL && lp_wf_role_selected (data, query, code))
        g_ptr_array_add (rates, g_memdup2 (&(LpWorkforceRate) { g_strdup (code), g_strdup (role->name),
                                                                 rate->turnover_bp, rate->joiner_bp },
                                           sizeof (LpWorkforceRate)));
    }
  g_ptr_array_sort_with_data (rates, lp_wf_rate_compare, (gpointer) data);
  return rates;
}

/* The targets' whole growth on the baseline for the selection, and when
 * the last falls due: the plan states targets as additions. */
static void
lp_wf_target_change (const LpWfData         *data,
                     const LpWorkforceQuery *query,
                     LpWorkforceTable       *table)
{
  for (guint i = 0; i < data->targets->len; i++)
    {
      const LpWfTarget *target = &g_array_index (data->targets, LpWfTarget, i);
      double share = lp_wf_target_share (data, query, target);

      if (share <= 0)
        continue;
      table->has_target = TRUE;
      table->target_change += target->change * share;
      if (strcmp (target->due, table->target_due) > 0)
        g_strlcpy (table->target_due, target->due, sizeof table->target_due);
    }
}

gboolean
lp_wf_compute (const LpWfData         *data,
               const LpWorkforceQuery *query,
               LpWfRun                *run,
               LpWorkforceTable       *table,
               GError                **error)
{
  double baseline = 0;

  if ((run->base = lp_wf_quarter_index (data->base_date)) < 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                        _("The plan has no workforce figures yet: import NHS Digital's practice-level "
                          "workforce file")), FALSE;
  run->last = lp_wf_last_quarter (data, query, run->base);
  run->pairs = g_array_new (FALSE, TRUE, sizeof (LpWfPair));
  run->keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  run->moves = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  run->actual = g_new0 (double, run->last - run->base + 1);
  run->has_actual = g_new0 (gboolean, run->last - run->base + 1);
  lp_wf_read_records (data, query, run);
  lp_wf_read_moves (data, query, run);
  table->baseline_date = g_strdup (data->base_date);
  table->population = lp_wf_patients (data, query, 0);
  table->rates = lp_wf_rates (data, query);
  lp_wf_target_change (data, query, table);
  table->quarters = g_ptr_array_new_with_free_func (lp_wf_quarter_free);
  for (int index = run->base; index <= run->last; index++)
    {
      LpWorkforceQuarter *quarter = g_new0 (LpWorkforceQuarter, 1);

      lp_wf_quarter_start (index, quarter->start);
      quarter->label = lp_wf_quarter_label (index);
      quarter->plan = lp_wf_project (run, index - run->base);
      if (index == run->base)
        baseline = quarter->plan;
      quarter->has_actual = run->has_actual[index - run->base];
      quarter->actual = run->actual[index - run->base];
      quarter->has_target = lp_wf_target (data, query, run->base, index, baseline, &quarter->target);
      g_ptr_array_add (table->quarters, quarter);
    }
  lp_wf_reproject (run, table);
  return TRUE;
}
