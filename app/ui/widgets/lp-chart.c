/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A chart's figures and words (see lp-chart.h). */
#include "config.h"

#include "lp-chart.h"

LpChart *
lp_chart_new (guint n_series,
              guint n_panels)
{
  LpChart *chart = g_new0 (LpChart, 1);

  g_return_val_if_fail (n_series > 0 && n_series <= LP_CHART_MAX_SERIES, NULL);
  g_return_val_if_fail (n_panels > 0 && n_panels <= LP_CHART_MAX_PANELS, NULL);

  chart->n_series = n_series;
  chart->n_panels = n_panels;
  chart->categories = g_ptr_array_new_with_free_func (g_free);
  chart->values = g_array_new (FALSE, FALSE, sizeof (double));
  chart->labels = g_ptr_array_new_with_free_func (g_free);
  chart->marked = g_array_new (FALSE, TRUE, sizeof (gboolean));
  chart->sections = g_ptr_array_new_with_free_func (g_free);
  return chart;
}

void
lp_chart_free (LpChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_free (chart->subtitle);
  for (guint i = 0; i < LP_CHART_MAX_SERIES; i++)
    g_free (chart->series[i]);
  for (guint i = 0; i < LP_CHART_MAX_PANELS; i++)
    g_free (chart->panels[i]);
  g_ptr_array_unref (chart->categories);
  g_array_unref (chart->values);
  g_ptr_array_unref (chart->labels);
  g_array_unref (chart->marked);
  g_ptr_array_unref (chart->sections);
  g_free (chart->marked_label);
  g_free (chart->unit);
  g_free (chart);
}

static gpointer
lp_chart_copy_string (gconstpointer string,
                      gpointer      unused)
{
  return g_strdup (string);
}

/* A copy for a worker thread, which then owns it alone. */
LpChart *
lp_chart_copy (const LpChart *chart)
{
  LpChart *copy = lp_chart_new (chart->n_series, chart->n_panels);

  copy->kind = chart->kind;
  copy->title = g_strdup (chart->title);
  copy->subtitle = g_strdup (chart->subtitle);
  for (guint i = 0; i < chart->n_series; i++)
    copy->series[i] = g_strdup (chart->series[i]);
  for (guint i = 0; i < chart->n_panels; i++)
    copy->panels[i] = g_strdup (chart->panels[i]);
  g_ptr_array_extend (copy->categories, chart->categories, lp_chart_copy_string, NULL);
  g_array_append_vals (copy->values, chart->values->data, chart->values->len);
  g_ptr_array_extend (copy->labels, chart->labels, lp_chart_copy_string, NULL);
  g_array_append_vals (copy->marked, chart->marked->data, chart->marked->len);
  g_ptr_array_extend (copy->sections, chart->sections, lp_chart_copy_string, NULL);
  copy->marked_label = g_strdup (chart->marked_label);
  copy->maximum = chart->maximum;
  copy->label_every = chart->label_every;
  copy->label_last_word = chart->label_last_word;
  copy->target_steps = chart->target_steps;
  copy->unit = g_strdup (chart->unit);
  return copy;
}

void
lp_chart_add_category (LpChart            *chart,
                       const char         *name,
                       const double       *values,
                       const char *const  *labels)
{
  guint n = chart->n_panels * chart->n_series;

  g_ptr_array_add (chart->categories, g_strdup (name));
  g_array_append_vals (chart->values, values, n);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (chart->labels, g_strdup (labels[i]));
  g_array_set_size (chart->marked, chart->categories->len);
  g_ptr_array_add (chart->sections, NULL);
}

void
lp_chart_section_last (LpChart    *chart,
                       const char *section)
{
  g_return_if_fail (chart->sections->len > 0);

  g_free (g_ptr_array_index (chart->sections, chart->sections->len - 1));
  g_ptr_array_index (chart->sections, chart->sections->len - 1) = g_strdup (section);
}

void
lp_chart_mark_last (LpChart  *chart,
                    gboolean  marked)
{
  g_return_if_fail (chart->marked->len > 0);

  g_array_index (chart->marked, gboolean, chart->marked->len - 1) = marked;
}

static guint
lp_chart_index (const LpChart *chart,
                guint          category,
                guint          panel,
                guint          series)
{
  return (category * chart->n_panels + panel) * chart->n_series + series;
}

double
lp_chart_get_value (const LpChart *chart,
                    guint          category,
                    guint          panel,
                    guint          series)
{
  g_return_val_if_fail (category < chart->categories->len, 0);

  return g_array_index (chart->values, double, lp_chart_index (chart, category, panel, series));
}

const char *
lp_chart_get_label (const LpChart *chart,
                    guint          category,
                    guint          panel,
                    guint          series)
{
  g_return_val_if_fail (category < chart->categories->len, NULL);

  return g_ptr_array_index (chart->labels, lp_chart_index (chart, category, panel, series));
}
