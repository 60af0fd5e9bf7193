/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A practice's share of its locality's modelled changes (see
 * lp-practice-model.h).  No SQL here: the locality's tables come from
 * lp_plan_model, the practice's share of them from lp_plan_model_practices
 * (the one place a share is made), the practice from the domain API. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-plan.h"
#include "lp-practice.h"
#include "lp-practice-model.h"

static void
lp_practice_model_row_free (gpointer data)
{
  LpPracticeModelRow *row = data;

  g_free (row->name);
  g_free (row);
}

void
lp_practice_model_free (LpPracticeModel *model)
{
  if (model == NULL)
    return;
  g_free (model->ods_code);
  g_free (model->name);
  g_free (model->locality);
  g_free (model->list_size_date);
  g_free (model->close_date);
  g_clear_pointer (&model->rows, g_ptr_array_unref);
  g_free (model);
}

static LpPracticeModel *
lp_practice_model_new (LpPractice *practice)
{
  LpPracticeModel *model = g_new0 (LpPracticeModel, 1);

  model->ods_code = g_strdup (lp_practice_get_ods_code (practice));
  model->name = g_strdup (lp_practice_get_name (practice));
  model->locality = g_strdup (lp_practice_get_locality_name (practice));
  model->list_size = lp_practice_get_list_size (practice);
  model->list_size_date = g_strdup (lp_practice_get_list_size_date (practice));
  /* The locality's population leaves it out too, so the other practices'
   * shares still make the whole. */
  model->closed = !lp_practice_get_counted (practice);
  model->close_date = g_strdup (lp_practice_get_close_date (practice));
  model->rows = g_ptr_array_new_with_free_func (lp_practice_model_row_free);
  return model;
}

/* The practice's entry in its locality's breakdown for @query, which is
 * where its share is made; NULL when the breakdown leaves it out. */
static LpModelPractice *
lp_practice_model_share (LpPlan              *plan,
                         const LpModelQuery  *query,
                         gint64               practice_id,
                         LpModelTable       **table,
                         GError             **error)
{
  g_autoptr(GPtrArray) practices = NULL;

  if ((*table = lp_plan_model (plan, query, error)) == NULL ||
      (practices = lp_plan_model_practices (plan, query, *table, error)) == NULL)
    return NULL;
  for (guint i = 0; i < practices->len; i++)
    if (((LpModelPractice *) g_ptr_array_index (practices, i))->practice_id == practice_id)
      return g_ptr_array_steal_index (practices, i);
  return g_new0 (LpModelPractice, 1);
}

/* The locality's month and week tables have the same rows and horizons:
 * both come from one plan, one scenario, one moment.  The figures are the
 * breakdown's own, copied, so the page and the modelling view cannot
 * disagree. */
static void
lp_practice_model_fill (LpPracticeModel       *model,
                        const LpModelTable    *month,
                        const LpModelPractice *month_share,
                        const LpModelPractice *week_share)
{
  model->locality_population = month->population;
  /* A closed practice is left out of the breakdown, so its share is 0. */
  model->share = model->closed ? 0 : month_share->share;
  model->n_horizons = month->n_horizons;
  memcpy (model->horizons, month->horizons, sizeof model->horizons);
  model->weeks_per_year = month->weeks_per_year;
  for (guint i = 0; i < month->rows->len; i++)
    {
      const LpModelRow *m = g_ptr_array_index (month->rows, i);
      const LpModelRow *pm = month_share->rows != NULL ? g_ptr_array_index (month_share->rows, i) : NULL;
      const LpModelRow *pw = week_share->rows != NULL ? g_ptr_array_index (week_share->rows, i) : NULL;
      LpPracticeModelRow *row = g_new0 (LpPracticeModelRow, 1);

      row->name = g_strdup (m->name);
      row->kind = m->kind;
      for (guint h = 0; h < month->n_horizons && pm != NULL && pw != NULL; h++)
        {
          row->month_activity[h] = pm->activity[h];
          row->month_bed_days[h] = pm->bed_days[h];
          row->week_activity[h] = pw->activity[h];
          row->week_bed_days[h] = pw->bed_days[h];
        }
      g_ptr_array_add (model->rows, row);
    }
}

/**
 * lp_plan_model_practice:
 *
 * Returns: (transfer full): the practice's share of each row of its
 *   locality's modelling table, per month and per week, or %NULL with
 *   @error set
 */
LpPracticeModel *
lp_plan_model_practice (LpPlan    *plan,
                        gint64     practice_id,
                        gint64     scenario_id,
                        gboolean   weeks_365_7,
                        GError   **error)
{
  g_autoptr(LpPractice) practice = NULL;
  g_autoptr(LpPracticeModel) model = NULL;
  g_autoptr(LpModelTable) month = NULL;
  g_autoptr(LpModelTable) week = NULL;
  g_autoptr(LpModelPractice) month_share = NULL;
  g_autoptr(LpModelPractice) week_share = NULL;
  LpModelQuery query = { .scenario_id = scenario_id, .weeks_365_7 = weeks_365_7 };

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  practice = lp_plan_get_practice (plan, practice_id, error);
  if (practice == NULL)
    return NULL;
  if ((query.locality_id = lp_practice_get_locality_id (practice)) == 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("“%s” is in no locality yet: put it in one to see its share of the "
                          "locality's modelled changes"), lp_practice_get_name (practice)), NULL;
  query.per = LP_PER_MONTH;
  month_share = lp_practice_model_share (plan, &query, practice_id, &month, error);
  query.per = LP_PER_WEEK;
  if (month_share == NULL ||
      (week_share = lp_practice_model_share (plan, &query, practice_id, &week, error)) == NULL)
    return NULL;
  model = lp_practice_model_new (practice);
  lp_practice_model_fill (model, month, month_share, week_share);
  return g_steal_pointer (&model);
}
