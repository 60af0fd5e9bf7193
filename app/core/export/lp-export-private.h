/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Inside the exporter: a source (a plan table, or a view's list model)
 * hands typed rows to a sink (CSV or an .xlsx sheet), which decides how
 * each kind of column looks in its format. */

#include "lp-export.h"

G_BEGIN_DECLS

typedef enum {
  LP_EXPORT_COLUMN_PLAIN,  /* each value as its type: number or text */
  LP_EXPORT_COLUMN_ID,     /* 64-bit keys: text in .xlsx, whose numbers are doubles */
  LP_EXPORT_COLUMN_COUNT,  /* whole numbers people read as 596,907 */
  LP_EXPORT_COLUMN_DATE,   /* YYYY-MM-DD text; a date cell in .xlsx */
  LP_EXPORT_COLUMN_MONEY,  /* whole pounds; £#,##0 in .xlsx */
  /* Modelled figures: every digit in CSV, in the shortest form that reads
   * back to the same number (a spreadsheet rounds them for display as it
   * is told); shown to one decimal (#,##0.0) but kept whole in .xlsx. */
  LP_EXPORT_COLUMN_MODELLED,
} LpExportColumnKind;

typedef struct {
  const char         *title;
  LpExportColumnKind  kind;
} LpExportColumn;

typedef enum {
  LP_EXPORT_VALUE_NULL,
  LP_EXPORT_VALUE_INT,
  LP_EXPORT_VALUE_REAL,
  LP_EXPORT_VALUE_TEXT,
} LpExportValueType;

typedef struct {
  LpExportValueType  type;
  gint64             i;
  double             d;
  const char        *text;
} LpExportValue;

/* Values for a view's row.  A view is for reading: an empty text and a
 * missing one look the same, an empty cell. */
static inline LpExportValue
lp_export_int_value (gint64 value)
{
  return (LpExportValue) { .type = LP_EXPORT_VALUE_INT, .i = value };
}

static inline LpExportValue
lp_export_real_value (double value)
{
  return (LpExportValue) { .type = LP_EXPORT_VALUE_REAL, .d = value };
}

static inline LpExportValue
lp_export_text_value (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return (LpExportValue) { .type = LP_EXPORT_VALUE_NULL };
  return (LpExportValue) { .type = LP_EXPORT_VALUE_TEXT, .text = text };
}

/* One sheet at a time: begin_sheet, write_row for each row, end_sheet.
 * Errors name the file; the sink remembers the sheet and row. */
typedef struct _LpExportSink LpExportSink;
struct _LpExportSink
{
  gboolean (*begin_sheet) (LpExportSink          *sink,
                           const char            *name,
                           const LpExportColumn  *columns,
                           guint                  n_columns,
                           GError               **error);
  gboolean (*write_row)   (LpExportSink          *sink,
                           const LpExportValue   *values,
                           GError               **error);
  gboolean (*end_sheet)   (LpExportSink          *sink,
                           GError               **error);
};

/* lp-export-table.c: the plan's tables, in the order they were created. */
GStrv          lp_export_dup_table_names (LpPlan        *plan,
                                          GError       **error);
gboolean       lp_export_table           (LpPlan        *plan,
                                          const char    *table,
                                          LpExportSink  *sink,
                                          GError       **error);

/* lp-export-view.c: what the views show, from core's list models. */
gboolean       lp_export_is_view         (const char    *name);
gboolean       lp_export_view            (LpPlan              *plan,
                                          const char          *view,
                                          const LpModelQuery  *query,
                                          LpExportSink        *sink,
                                          GError             **error);

/* lp-export-model.c: the modelling and activity views' tables. */
gboolean       lp_export_modelling       (LpPlan              *plan,
                                          const LpModelQuery  *query,
                                          LpExportSink        *sink,
                                          GError             **error);
gboolean       lp_export_modelling_practices (LpPlan              *plan,
                                              const LpModelQuery  *query,
                                              LpExportSink        *sink,
                                              GError             **error);
gboolean       lp_export_activity_plan   (LpPlan              *plan,
                                          const LpModelQuery  *query,
                                          LpExportSink        *sink,
                                          GError             **error);
gboolean       lp_export_access          (LpPlan              *plan,
                                          const LpModelQuery  *query,
                                          LpExportSink        *sink,
                                          GError             **error);
gboolean       lp_export_workforce       (LpPlan              *plan,
                                          const LpModelQuery  *query,
                                          LpExportSink        *sink,
                                          GError             **error);
gboolean       lp_export_qipp            (LpPlan              *plan,
                                          const LpModelQuery  *query,
                                          LpExportSink        *sink,
                                          GError             **error);

/* lp-export-heading.c: what a view's table is, as label/value pairs. */
GPtrArray     *lp_export_heading         (LpPlan              *plan,
                                          const char          *view,
                                          const LpModelQuery  *query,
                                          const char          *today);

/* lp-xlsx.c: a workbook written to @path, complete after _close(). */
LpExportSink  *lp_xlsx_sink_new          (const char    *path,
                                          const char    *display_path,
                                          GError       **error);
void           lp_xlsx_sink_describe     (LpExportSink  *sink,
                                          GPtrArray     *heading);
gboolean       lp_xlsx_sink_close        (LpExportSink  *sink,
                                          GError       **error);

G_END_DECLS
