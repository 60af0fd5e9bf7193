/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A practice's share of its locality's modelled changes (see
 * lp-practice-model.h).  No SQL here: the locality's tables come from
 * lp_plan_model, the practice from the domain API. */
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
  model->rows = g_ptr_array_new_with_free_func (lp_practice_model_row_free);
  return model;
}

/* The locality's month and week tables have the same rows and horizons:
 * both come from one plan, one scenario, one moment. */
static void
lp_practice_model_fill (LpPracticeModel    *model,
                        const LpModelTable *month,
                        const LpModelTable *week)
{
  model->locality_population = month->population;
  model->share = !model->closed && model->list_size > 0 && month->population > 0
                 ? (double) model->list_size / (double) month->population : 0;
  model->n_horizons = month->n_horizons;
  memcpy (model->horizons, month->horizons, sizeof model->horizons);
  model->weeks_per_year = month->weeks_per_year;
  for (guint i = 0; i < month->rows->len; i++)
    {
      const LpModelRow *m = g_ptr_array_index (month->rows, i);
      const LpModelRow *w = g_ptr_array_index (week->rows, i);
      LpPracticeModelRow *row = g_new0 (LpPracticeModelRow, 1);

      row->name = g_strdup (m->name);
      row->kind = m->kind;
      for (guint h = 0; h < month->n_horizons; h++)
        {
          row->month_activity[h] = m->activity[h] * model->share;
          row->month_bed_days[h] = m->bed_days[h] * model->share;
          row->week_activity[h] = w->activity[h] * model->share;
          row->week_bed_days[h] = w->bed_days[h] * model->share;
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
  month = lp_plan_model (plan, &query, error);
  query.per = LP_PER_WEEK;
  if (month == NULL || (week = lp_plan_model (plan, &query, error)) == NULL)
    return NULL;
  model = lp_practice_model_new (practice);
  lp_practice_model_fill (model, month, week);
  return g_steal_pointer (&model);
}
