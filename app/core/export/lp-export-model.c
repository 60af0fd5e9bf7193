/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The modelling and activity views' tables, from the same core results the
 * views show (lp_plan_model, lp_plan_activity_plan, lp_plan_qipp_table),
 * so an export says what the screen says.  No SQL here. */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lp-activity.h"
#include "lp-export-private.h"
#include "lp-population-base.h"

#define MAX_COLUMNS 32

/* A modelled figure; NaN (none given) is an empty cell. */
static LpExportValue
tenths_value (double value)
{
  if (isnan (value))
    return lp_export_text_value (NULL);
  return lp_export_real_value (value);
}

/* Column titles are built at run time ("3 years: activity"), so they live
 * in a string array that outlives the sheet. */
static LpExportColumn
add_column (GPtrArray          *titles,
            char               *title,
            LpExportColumnKind  kind)
{
  g_ptr_array_add (titles, title);
  return (LpExportColumn) { title, kind };
}

static guint
add_horizon_columns (const LpModelTable *table,
                     GPtrArray          *titles,
                     LpExportColumn     *columns,
                     guint               n)
{
  for (guint h = 0; h < table->n_horizons; h++)
    {
      int years = table->horizons[h];

      columns[n++] = add_column (titles, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                 "%d year: activity", "%d years: activity", years), years),
                                 LP_EXPORT_COLUMN_MODELLED);
      columns[n++] = add_column (titles, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                 "%d year: reduced bed days", "%d years: reduced bed days", years), years),
                                 LP_EXPORT_COLUMN_MODELLED);
    }
  return n;
}

static void
add_horizon_values (guint          n_horizons,
                    const double  *activity,
                    const double  *bed_days,
                    LpExportValue *values,
                    guint          n)
{
  for (guint h = 0; h < n_horizons; h++)
    {
      values[n + 2 * h] = tenths_value (activity[h]);
      values[n + 2 * h + 1] = tenths_value (bed_days[h]);
    }
}

/* Whether the sheet says each row's population base: only where a row is
 * shared by something other than registered population, so the plan's
 * usual sheets stay as they were. */
static gboolean
says_bases (const LpModelTable *table)
{
  const char *base = lp_model_table_base (table);

  return base == NULL || !lp_population_base_is_registered (base);
}

/**
 * lp_export_modelling:
 *
 * The Locality Modelling table for @query: a row a pathway, then the
 * subtotals and the grand total; two columns (activity, reduced bed days)
 * a horizon.
 */
gboolean
lp_export_modelling (LpPlan              *plan,
                     const LpModelQuery  *query,
                     LpExportSink        *sink,
                     GError             **error)
{
  g_autoptr(LpModelTable) table = lp_plan_model (plan, query, error);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  LpExportColumn columns[MAX_COLUMNS];
  guint n;

  if (table == NULL)
    return FALSE;
  columns[0] = (LpExportColumn) { _("Pathway"), LP_EXPORT_COLUMN_PLAIN };
  n = add_horizon_columns (table, titles, columns, 1);
  if (says_bases (table))
    columns[n++] = (LpExportColumn) { _("Population base"), LP_EXPORT_COLUMN_PLAIN };
  if (!sink->begin_sheet (sink, "modelling", columns, n, error))
    return FALSE;
  for (guint i = 0; i < table->rows->len; i++)
    {
      const LpModelRow *row = g_ptr_array_index (table->rows, i);
      LpExportValue values[MAX_COLUMNS];

      values[0] = lp_export_text_value (row->name);
      add_horizon_values (table->n_horizons, row->activity, row->bed_days, values, 1);
      if (says_bases (table))
        values[1 + 2 * table->n_horizons] = lp_export_text_value (row->base != NULL ? row->base : "");
      if (!sink->write_row (sink, values, error))
        return FALSE;
    }
  return sink->end_sheet (sink, error);
}

/**
 * lp_export_modelling_practices:
 *
 * Each practice of @query's locality (or of all localities) with its
 * locality, list size, its share of the locality's patients in percent,
 * and its share of the grand total: lp_plan_model_practices' figures, the
 * same for a practice whether one locality or all are exported.
 */
gboolean
lp_export_modelling_practices (LpPlan              *plan,
                               const LpModelQuery  *query,
                               LpExportSink        *sink,
                               GError             **error)
{
  g_autoptr(LpModelTable) table = lp_plan_model (plan, query, error);
  g_autoptr(GPtrArray) practices = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  LpExportColumn columns[MAX_COLUMNS] = {
    { _("Code"), LP_EXPORT_COLUMN_PLAIN },
    { _("Practice"), LP_EXPORT_COLUMN_PLAIN },
    { _("Locality"), LP_EXPORT_COLUMN_PLAIN },
    { _("List size"), LP_EXPORT_COLUMN_COUNT },
    { _("Share (%)"), LP_EXPORT_COLUMN_MODELLED },
  };
  guint n;

  if (table == NULL || (practices = lp_plan_model_practices (plan, query, table, error)) == NULL)
    return FALSE;
  n = add_horizon_columns (table, titles, columns, 5);
  if (says_bases (table))
    columns[n++] = (LpExportColumn) { _("Population base"), LP_EXPORT_COLUMN_PLAIN };
  if (!sink->begin_sheet (sink, "modelling-practices", columns, n, error))
    return FALSE;
  for (guint i = 0; i < practices->len; i++)
    {
      const LpModelPractice *practice = g_ptr_array_index (practices, i);
      LpExportValue values[MAX_COLUMNS] = {
        lp_export_text_value (practice->ods_code),
        lp_export_text_value (practice->name),
        lp_export_text_value (practice->locality),
        /* A practice with no list size yet has neither a size nor a
         * share: empty cells, not 0. */
        practice->list_size > 0 ? lp_export_int_value (practice->list_size) : lp_export_text_value (NULL),
        practice->list_size > 0 ? tenths_value (practice->share * 100.0) : lp_export_text_value (NULL),
      };

      add_horizon_values (table->n_horizons, practice->activity, practice->bed_days, values, 5);
      /* The grand total's share mixes the pathways' bases where they differ. */
      if (says_bases (table))
        values[5 + 2 * table->n_horizons] = lp_export_text_value (lp_model_table_base (table) != NULL
                                                                  ? lp_model_table_base (table)
                                                                  : _("each pathway's"));
      if (!sink->write_row (sink, values, error))
        return FALSE;
    }
  return sink->end_sheet (sink, error);
}

static const char *
month_title (guint month)
{
  /* The financial year's months, April first. */
  const char *const titles[12] = {
    N_("April"), N_("May"), N_("June"), N_("July"), N_("August"), N_("September"),
    N_("October"), N_("November"), N_("December"), N_("January"), N_("February"), N_("March"),
  };

  return g_dgettext (GETTEXT_PACKAGE, titles[month]);
}

static gboolean
write_activity_line (LpExportSink          *sink,
                     const LpActivityLine  *line,
                     gboolean               by_locality,
                     GError               **error)
{
  LpExportValue values[MAX_COLUMNS] = {
    lp_export_text_value (line->code),
    lp_export_text_value (line->name),
    lp_export_text_value (line->unit),
    line->baseline_set ? tenths_value (line->baseline) : lp_export_text_value (NULL),
    line->growth_set ? lp_export_real_value (line->growth_bp / 100.0) : lp_export_text_value (NULL),
    /* QIPP is planned for the whole plan: a locality's is left empty. */
    by_locality ? lp_export_text_value (NULL) : tenths_value (line->qipp),
    /* Without a baseline there is no plan, and without QIPP would be only
     * the QIPP: both left empty, as on screen. */
    line->baseline_set ? tenths_value (line->plan) : lp_export_text_value (NULL),
    line->baseline_set && !by_locality ? tenths_value (line->without_qipp) : lp_export_text_value (NULL),
  };

  for (guint m = 0; m < 12; m++)
    values[8 + m] = line->baseline_set ? tenths_value (line->per_month[m]) : lp_export_text_value (NULL);
  values[20] = line->baseline_set ? tenths_value (line->per_week) : lp_export_text_value (NULL);
  return sink->write_row (sink, values, error);
}

/**
 * lp_export_activity_plan:
 *
 * The plan year's activity plan in @query's scenario and locality (0:
 * the whole plan): baseline, growth (in percent), QIPP, the plan (net of
 * QIPP), the year without QIPP (plan + QIPP), and the plan's twelve months
 * and a week.  A locality's growth is its own rate or the line's it takes.
 */
gboolean
lp_export_activity_plan (LpPlan              *plan,
                         const LpModelQuery  *query,
                         LpExportSink        *sink,
                         GError             **error)
{
  g_autofree char *year = lp_plan_dup_info (plan, "financial_year");
  g_autoptr(LpActivityPlan) activity = lp_plan_activity_plan_for_locality (plan, query->scenario_id, year,
                                                                           query->locality_id, error);
  LpExportColumn columns[MAX_COLUMNS] = {
    { _("Code"), LP_EXPORT_COLUMN_PLAIN },
    { _("Activity line"), LP_EXPORT_COLUMN_PLAIN },
    { _("Unit"), LP_EXPORT_COLUMN_PLAIN },
    { _("Forecast outturn"), LP_EXPORT_COLUMN_MODELLED },
    { _("Growth (%)"), LP_EXPORT_COLUMN_PLAIN },   /* 3.75 stays 3.75 */
    { _("QIPP"), LP_EXPORT_COLUMN_MODELLED },
    { _("Plan"), LP_EXPORT_COLUMN_MODELLED },
    { _("Without QIPP"), LP_EXPORT_COLUMN_MODELLED },
  };

  if (activity == NULL)
    return FALSE;
  for (guint m = 0; m < 12; m++)
    columns[8 + m] = (LpExportColumn) { month_title (m), LP_EXPORT_COLUMN_MODELLED };
  columns[20] = (LpExportColumn) { _("Per week"), LP_EXPORT_COLUMN_MODELLED };
  if (!sink->begin_sheet (sink, "activity-plan", columns, 21, error))
    return FALSE;
  for (guint i = 0; i < activity->lines->len; i++)
    if (!write_activity_line (sink, g_ptr_array_index (activity->lines, i), activity->locality_id != 0, error))
      return FALSE;
  return sink->end_sheet (sink, error);
}

static gboolean
write_qipp_row (LpExportSink   *sink,
                const char     *name,
                const gint64   *savings,
                guint           n_pods,
                gint64          total,
                GError        **error)
{
  LpExportValue values[MAX_COLUMNS] = { lp_export_text_value (name) };

  for (guint p = 0; p < n_pods; p++)
    values[1 + p] = lp_export_int_value (savings[p]);
  values[1 + n_pods] = lp_export_int_value (total);
  return sink->write_row (sink, values, error);
}

/**
 * lp_export_qipp:
 *
 * The QIPP savings in pounds by programme (rows) and point of delivery
 * (columns), with row totals, then a row of column totals.
 */
gboolean
lp_export_qipp (LpPlan              *plan,
                const LpModelQuery  *query,
                LpExportSink        *sink,
                GError             **error)
{
  g_autofree char *year = lp_plan_dup_info (plan, "financial_year");
  g_autoptr(LpQippTable) qipp = lp_plan_qipp_table (plan, query->scenario_id, year, error);
  LpExportColumn columns[MAX_COLUMNS] = { { _("Programme"), LP_EXPORT_COLUMN_PLAIN } };

  if (qipp == NULL)
    return FALSE;
  for (guint p = 0; p < qipp->n_pods; p++)
    columns[1 + p] = (LpExportColumn) { qipp->pod_names[p], LP_EXPORT_COLUMN_MONEY };
  columns[1 + qipp->n_pods] = (LpExportColumn) { _("Total"), LP_EXPORT_COLUMN_MONEY };
  if (!sink->begin_sheet (sink, "qipp", columns, qipp->n_pods + 2, error))
    return FALSE;
  for (guint i = 0; i < qipp->programmes->len; i++)
    {
      gint64 savings[LP_QIPP_MAX_PODS];

      for (guint p = 0; p < qipp->n_pods; p++)
        savings[p] = lp_qipp_table_get_saving (qipp, i, p);
      if (!write_qipp_row (sink, g_ptr_array_index (qipp->programmes, i), savings, qipp->n_pods,
                           g_array_index (qipp->programme_totals, gint64, i), error))
        return FALSE;
    }
  if (!write_qipp_row (sink, _("Total"), qipp->pod_totals, qipp->n_pods, qipp->total, error))
    return FALSE;
  return sink->end_sheet (sink, error);
}
