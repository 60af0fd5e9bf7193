/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Workforce view's quarter-by-quarter table, from lp_plan_workforce,
 * so an export says what the screen says (all staff).  No SQL here. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lp-export-private.h"
#include "lp-workforce.h"

static LpExportValue
lp_export_fte (gboolean known,
               double   fte)
{
  return known ? lp_export_real_value (fte) : lp_export_text_value (NULL);
}

/**
 * lp_export_workforce:
 *
 * A row a quarter for @query's locality (or all) and scenario, all staff:
 * recorded FTE, the plan's, the target, the gap, how many figures are
 * missing, and the FTE the turnover and joiner rates moved in the quarter
 * (none at the baseline, which is as recorded).
 */
gboolean
lp_export_workforce (LpPlan              *plan,
                     const LpModelQuery  *query,
                     LpExportSink        *sink,
                     GError             **error)
{
  const LpExportColumn columns[] = {
    { _("Quarter"), LP_EXPORT_COLUMN_PLAIN },
    { _("Starts"), LP_EXPORT_COLUMN_DATE },
    { _("Recorded FTE"), LP_EXPORT_COLUMN_MODELLED },
    { _("Plan FTE"), LP_EXPORT_COLUMN_MODELLED },
    { _("Target FTE"), LP_EXPORT_COLUMN_MODELLED },
    { _("Gap"), LP_EXPORT_COLUMN_MODELLED },
    { _("Missing figures"), LP_EXPORT_COLUMN_COUNT },
    { _("Turnover FTE"), LP_EXPORT_COLUMN_MODELLED },
    { _("Recruitment FTE"), LP_EXPORT_COLUMN_MODELLED },
  };
  LpWorkforceQuery workforce_query = { query->locality_id, 0, query->scenario_id, NULL, NULL };
  g_autoptr(LpWorkforceTable) table = lp_plan_workforce (plan, &workforce_query, error);

  if (table == NULL || !sink->begin_sheet (sink, "workforce", columns, G_N_ELEMENTS (columns), error))
    return FALSE;
  for (guint i = 0; i < table->quarters->len; i++)
    {
      const LpWorkforceQuarter *quarter = g_ptr_array_index (table->quarters, i);
      const LpExportValue row[] = {
        lp_export_text_value (quarter->label),
        lp_export_text_value (quarter->start),
        lp_export_fte (quarter->has_actual, quarter->actual),
        lp_export_fte (TRUE, quarter->plan),
        lp_export_fte (quarter->has_target, quarter->target),
        lp_export_fte (quarter->has_target, quarter->gap),
        lp_export_int_value (quarter->missing),
        lp_export_fte (i > 0, quarter->turnover),
        lp_export_fte (i > 0, quarter->recruited),
      };

      if (!sink->write_row (sink, row, error))
        return FALSE;
    }
  return sink->end_sheet (sink, error);
}
