/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What an exported view's table is, in words, for the rows above it in
 * CSV and the workbook's properties in .xlsx: a table handed round a
 * meeting must say which plan, locality, scenario and period it shows,
 * and when it was made. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-export-private.h"
#include "lp-overview.h"
#include "lp-plan-private.h"

typedef enum {
  SAYS_LOCALITY = 1 << 0,
  SAYS_SCENARIO = 1 << 1,
  SAYS_PERIOD   = 1 << 2,
} HeadingParts;

static const struct {
  const char   *view;
  const char   *title;
  HeadingParts  parts;
} view_headings[] = {
  { "localities", N_("Localities"), 0 },
  { "practices", N_("Practices"), 0 },
  { "contracts", N_("Contracts"), 0 },
  { "modelling", N_("Locality modelling"), SAYS_LOCALITY | SAYS_SCENARIO | SAYS_PERIOD },
  { "modelling-practices", N_("Locality modelling by practice"), SAYS_LOCALITY | SAYS_SCENARIO | SAYS_PERIOD },
  { "activity-plan", N_("Activity plan"), SAYS_LOCALITY | SAYS_SCENARIO },
  { "qipp", N_("QIPP programmes"), SAYS_SCENARIO },
  { "access", N_("Extended access"), SAYS_LOCALITY | SAYS_SCENARIO },
  { "workforce", N_("Workforce"), SAYS_LOCALITY | SAYS_SCENARIO },
};

static char *
heading_lookup (LpPlan     *plan,
                const char *sql,
                gint64      id)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, sql, NULL);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

static void
heading_add (GPtrArray  *heading,
             const char *label,
             char       *value)
{
  if (value == NULL || *value == '\0')
    {
      g_free (value);
      return;
    }
  g_ptr_array_add (heading, g_strdup (label));
  g_ptr_array_add (heading, value);
}

static const char *
per_words (LpPer per)
{
  switch (per)
    {
    case LP_PER_YEAR:
      return _("Per year");
    case LP_PER_WEEK:
      return _("Per week");
    case LP_PER_MONTH:
    default:
      return _("Per month");
    }
}

/**
 * lp_export_heading:
 * @view: one of lp_export_view_names(), or a table of the plan
 * @today: the export's date (YYYY-MM-DD)
 *
 * Returns: (transfer full) (nullable): label and value, alternately
 *   ("Plan", "East and North Hertfordshire CCG 2018-19", "Locality", ...),
 *   the first pair naming the table; %NULL for a plan table, which is
 *   written bare so that it imports back
 */
GPtrArray *
lp_export_heading (LpPlan              *plan,
                   const char          *view,
                   const LpModelQuery  *query,
                   const char          *today)
{
  GPtrArray *heading;
  HeadingParts parts = 0;
  const char *title = NULL;
  char *code, *name;

  for (guint i = 0; i < G_N_ELEMENTS (view_headings); i++)
    if (strcmp (view_headings[i].view, view) == 0)
      {
        title = g_dgettext (GETTEXT_PACKAGE, view_headings[i].title);
        parts = view_headings[i].parts;
      }
  if (title == NULL)
    return NULL;

  heading = g_ptr_array_new_with_free_func (g_free);
  heading_add (heading, _("Locality Planner"), g_strdup (title));
  heading_add (heading, _("Plan"), lp_plan_dup_display_name (plan));
  code = lp_plan_dup_info (plan, "organisation_code");
  name = lp_plan_dup_info (plan, "organisation_name");
  heading_add (heading, _("Organisation"),
               code != NULL && name != NULL ? g_strdup_printf ("%s %s", code, name)
                                            : g_strdup (code != NULL ? code : name));
  g_free (code);
  g_free (name);
  if (parts & SAYS_LOCALITY)
    heading_add (heading, _("Locality"),
                 query->locality_id == 0 ? g_strdup (_("All localities"))
                   : heading_lookup (plan, "SELECT name FROM locality WHERE id = ?1", query->locality_id));
  if (parts & SAYS_SCENARIO)
    heading_add (heading, _("Scenario"),
                 query->scenario_id == 0
                   ? heading_lookup (plan, "SELECT name FROM scenario WHERE base_id IS NULL "
                                     "ORDER BY name = 'Base' DESC, name LIMIT 1", 0)
                   : heading_lookup (plan, "SELECT name FROM scenario WHERE id = ?1", query->scenario_id));
  if (parts & SAYS_PERIOD)
    heading_add (heading, _("Period"), g_strdup (per_words (query->per)));
  heading_add (heading, _("Plan as at"), lp_plan_dup_reference_date (plan, NULL));
  heading_add (heading, _("Exported"), g_strdup (today));
  return heading;
}
