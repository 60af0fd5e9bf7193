/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Locality Modelling view's chart: each locality's grand total, a bar
 * per horizon, activity beside reduced bed days, from core's
 * lp_plan_model_localities; figures rounded as the table rounds them. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-format.h"
#include "lp-modelling-text.h"

static const char *
lp_modelling_chart_per (LpPer per)
{
  return per == LP_PER_MONTH ? _("per month") : per == LP_PER_WEEK ? _("per week") : _("per year");
}

static void
lp_modelling_chart_add (LpChart               *chart,
                        guint                  n_horizons,
                        const LpModelLocality *locality)
{
  double values[2 * LP_MODEL_MAX_HORIZONS];
  char *labels[2 * LP_MODEL_MAX_HORIZONS] = { NULL, };

  for (guint h = 0; h < n_horizons; h++)
    {
      values[h] = locality->activity[h];
      values[n_horizons + h] = locality->bed_days[h];
      labels[h] = lp_format_tenths (locality->activity[h]);
      labels[n_horizons + h] = lp_format_tenths (locality->bed_days[h]);
    }
  lp_chart_add_category (chart, locality->name, values, (const char *const *) labels);
  for (guint i = 0; i < 2 * n_horizons; i++)
    g_free (labels[i]);
}

/**
 * lp_modelling_text_chart:
 * @table: the table of all localities, for its horizons and period
 * @localities: (element-type LpModelLocality): from lp_plan_model_localities()
 * @plan_name: the plan's name, for the chart's subtitle
 * @scenario: the scenario's name
 *
 * Returns: (transfer full) (nullable): the chart, or %NULL when the plan
 *   has no pathway change to chart
 */
LpChart *
lp_modelling_text_chart (const LpModelTable *table,
                         GPtrArray          *localities,
                         const char         *plan_name,
                         const char         *scenario)
{
  LpChart *chart;
  guint n = MIN (table->n_horizons, LP_CHART_MAX_SERIES);

  if (n == 0 || localities == NULL || localities->len == 0)
    return NULL;
  chart = lp_chart_new (n, 2);
  /* TRANSLATORS: the chart's title, e.g. "Reductions per week by locality" */
  chart->title = g_strdup_printf (_("Reductions %s by locality"), lp_modelling_chart_per (table->per));
  /* TRANSLATORS: the plan's name, then the scenario's; the second line says
   * how a year was divided */
  chart->subtitle = g_strdup_printf (_("%s, scenario “%s”\n%s"), plan_name, scenario,
                                     lp_modelling_text_convention (table->weeks_per_year));
  for (guint h = 0; h < n; h++)
    chart->series[h] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years",
                                                     table->horizons[h]), table->horizons[h]);
  chart->panels[0] = g_strdup (lp_modelling_text_activity_label ());
  chart->panels[1] = g_strdup (lp_modelling_text_bed_days_label ());
  for (guint i = 0; i < localities->len; i++)
    lp_modelling_chart_add (chart, n, g_ptr_array_index (localities, i));
  return chart;
}
