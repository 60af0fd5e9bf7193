/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Extended Access view's month-by-month table, from lp_plan_access, so
 * an export says what the screen says.  No SQL here. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lp-access.h"
#include "lp-export-private.h"

static LpExportValue
lp_export_percent (gboolean known,
                   double   fraction)
{
  return known ? lp_export_real_value (fraction * 100.0) : lp_export_text_value (NULL);
}

/**
 * lp_export_access:
 *
 * A row a month for @query's locality (or all) and scenario: target, the
 * month it applies from and the plan's words for it, planned and actual
 * coverage in percent, the gap in percentage points, and the minutes a
 * week required and offered.  In a month under a rule per primary care
 * network coverage is not measured, as on screen: the coverage columns are
 * empty and the minutes are the networks', with those inside network
 * standard hours in the last column (empty in other months).
 */
gboolean
lp_export_access (LpPlan              *plan,
                  const LpModelQuery  *query,
                  LpExportSink        *sink,
                  GError             **error)
{
  const LpExportColumn columns[] = {
    { _("Month"), LP_EXPORT_COLUMN_PLAIN },
    { _("Target (%)"), LP_EXPORT_COLUMN_MODELLED },
    /* Beside the target so nobody has to work out when a quarter's
     * target starts. */
    { _("Target from"), LP_EXPORT_COLUMN_PLAIN },
    { _("Target period"), LP_EXPORT_COLUMN_PLAIN },
    { _("Planned (%)"), LP_EXPORT_COLUMN_MODELLED },
    { _("Actual (%)"), LP_EXPORT_COLUMN_MODELLED },
    { _("Gap (points)"), LP_EXPORT_COLUMN_MODELLED },
    { _("Required (minutes a week)"), LP_EXPORT_COLUMN_MODELLED },
    { _("Offered (minutes a week)"), LP_EXPORT_COLUMN_COUNT },
    { _("In network standard hours (minutes a week)"), LP_EXPORT_COLUMN_COUNT },
  };
  LpAccessQuery access_query = { query->locality_id, query->scenario_id, NULL, NULL,
                                 query->access_partial, query->access_default_minutes };
  g_autoptr(LpAccessTable) table = lp_plan_access (plan, &access_query, error);

  if (table == NULL || !sink->begin_sheet (sink, "access", columns, G_N_ELEMENTS (columns), error))
    return FALSE;
  for (guint i = 0; i < table->months->len; i++)
    {
      const LpAccessMonth *month = g_ptr_array_index (table->months, i);
      gboolean coverage = !month->pcn_rule;
      const LpExportValue row[] = {
        lp_export_text_value (month->month),
        lp_export_percent (coverage && month->has_target, month->target),
        lp_export_text_value (coverage && month->has_target ? month->target_from : NULL),
        lp_export_text_value (coverage ? month->target_period : NULL),
        lp_export_percent (coverage, month->planned),
        lp_export_percent (coverage && month->has_actual, month->actual),
        lp_export_percent (coverage && month->has_target, month->gap),
        lp_export_real_value (month->required_minutes),
        lp_export_int_value (month->offered_minutes),
        month->pcn_rule ? lp_export_int_value (month->standard_minutes) : lp_export_text_value (NULL),
      };

      if (!sink->write_row (sink, row, error))
        return FALSE;
    }
  return sink->end_sheet (sink, error);
}
