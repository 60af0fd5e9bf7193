/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Exporting a plan's tables and the views' tables to CSV and to Excel.
 *
 * A table (by its SQL name: "practice", "list_size", ...) is written in the
 * app's own CSV, which LP_IMPORT_PLAN_TABLE reads back exactly: a header of
 * the column names in the table's order, then every row ordered by primary
 * key, each value as SQLite holds it (see lp-csv-writer.h).  A view
 * ("localities", "practices", "contracts", "modelling", "modelling-practices",
 * "activity-plan", "qipp", "access", "workforce") is written as the app shows it, with raw numbers
 * and ISO dates in CSV, formatted money and dates in .xlsx; modelled figures
 * are rounded to one decimal place in CSV, as on screen, and kept whole in
 * .xlsx, shown to one place, so that a spreadsheet's sums match the app's.
 *
 * The format follows the file name: .csv or .xlsx.  "all" (.xlsx only) is
 * every table, one sheet each.  The file is written beside the target and
 * renamed over it when complete, so a failed export leaves no half file. */

#include "lp-model.h"

G_BEGIN_DECLS

#define LP_EXPORT_ALL "all"

typedef enum {
  LP_EXPORT_DEFAULT   = 0,
  LP_EXPORT_FOR_EXCEL = 1 << 0,  /* CSV: a UTF-8 BOM first, so Excel reads UTF-8 */
} LpExportFlags;

GStrv               lp_export_list_names  (LpPlan         *plan);
const char *const  *lp_export_view_names  (void);
gboolean            lp_plan_export        (LpPlan         *plan,
                                           const char     *name,
                                           const char     *path,
                                           LpExportFlags   flags,
                                           GError        **error);
/* As lp_plan_export(), for the modelling and activity views' tables as the
 * view shows them: @query's locality, scenario and period (NULL: all
 * localities, the base scenario, per month).  Other names ignore it. */
gboolean            lp_plan_export_query  (LpPlan              *plan,
                                           const char          *name,
                                           const LpModelQuery  *query,
                                           const char          *path,
                                           LpExportFlags        flags,
                                           GError             **error);

G_END_DECLS
