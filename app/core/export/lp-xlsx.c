/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An export sink that writes an .xlsx workbook with libxlsxwriter: one
 * sheet per table, header bold and frozen, numbers as numbers, dates as
 * dates, money as £#,##0.  Text is always written as a string cell, never
 * as a formula, so a hostile name cannot run in the user's spreadsheet. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "lp-error.h"
#include "lp-export-private.h"

/* Column widths, in characters of the default font. */
#define MIN_WIDTH 6.0
#define MAX_WIDTH 60.0

/* Beyond 2^53 a double (an Excel number) no longer holds every integer. */
#define EXACT_INTEGER_LIMIT (G_GINT64_CONSTANT (1) << 53)

typedef struct {
  LpExportSink    sink;
  lxw_workbook   *workbook;
  char           *display_path;
  lxw_format     *bold;
  lxw_format     *date;
  lxw_format     *money;
  lxw_format     *count;
  lxw_format     *tenths;
  /* the sheet being written */
  lxw_worksheet  *sheet;
  char           *sheet_name;
  GArray         *kinds;    /* LpExportColumnKind */
  GArray         *widths;   /* double */
  lxw_row_t       row;
  /* the workbook's properties, kept until it is written */
  char           *title;
  char           *subject;
  char           *comments;
} LpXlsxSink;

static gboolean
xlsx_error (LpXlsxSink  *self,
            lxw_error    code,
            guint        column,
            GError     **error)
{
  g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO,
               _("Could not write “%s”: sheet %s, row %u, column %u: %s"),
               self->display_path, self->sheet_name, (guint) self->row + 1,
               column + 1, lxw_strerror (code));
  return FALSE;
}

/* Sheet names: at most 31 characters, none of []:*?/\, unique in the
 * workbook (a cut-down name could meet another). */
static char *
sheet_name_for (LpXlsxSink *self,
                const char *name)
{
  g_autofree char *clean = g_strdelimit (g_utf8_make_valid (name, -1), "[]:*?/\\'", '_');
  char *candidate = g_utf8_substring (clean, 0, MIN (g_utf8_strlen (clean, -1), LXW_SHEETNAME_MAX));

  for (guint n = 2; workbook_get_worksheet_by_name (self->workbook, candidate) != NULL; n++)
    {
      g_autofree char *suffix = g_strdup_printf ("~%u", n);
      g_autofree char *stem = g_utf8_substring (clean, 0,
          MIN (g_utf8_strlen (clean, -1), LXW_SHEETNAME_MAX - (glong) strlen (suffix)));

      g_free (candidate);
      candidate = g_strconcat (stem, suffix, NULL);
    }
  return candidate;
}

static void
widen (LpXlsxSink *self,
       guint       column,
       double      chars)
{
  double *width = &g_array_index (self->widths, double, column);

  *width = CLAMP (MAX (*width, chars + 2.0), MIN_WIDTH, MAX_WIDTH);
}

static gboolean
begin_sheet (LpExportSink          *sink,
             const char            *name,
             const LpExportColumn  *columns,
             guint                  n_columns,
             GError               **error)
{
  LpXlsxSink *self = (LpXlsxSink *) sink;
  double zero = 0.0;

  g_free (self->sheet_name);
  self->sheet_name = sheet_name_for (self, name);
  self->sheet = workbook_add_worksheet (self->workbook, self->sheet_name);
  self->row = 0;
  g_array_set_size (self->kinds, 0);
  g_array_set_size (self->widths, 0);
  if (self->sheet == NULL)
    return xlsx_error (self, LXW_ERROR_PARAMETER_VALIDATION, 0, error);
  for (guint i = 0; i < n_columns; i++)
    {
      lxw_error code = worksheet_write_string (self->sheet, 0, (lxw_col_t) i,
                                               columns[i].title, self->bold);

      g_array_append_val (self->kinds, columns[i].kind);
      g_array_append_val (self->widths, zero);
      /* Bold is wider than the body text. */
      widen (self, i, g_utf8_strlen (columns[i].title, -1) * 1.1);
      if (code != LXW_NO_ERROR)
        return xlsx_error (self, code, i, error);
    }
  worksheet_freeze_panes (self->sheet, 1, 0);
  self->row = 1;
  return TRUE;
}

/* YYYY-MM-DD from 1900 on (Excel's calendar starts there); anything else
 * stays text rather than become a wrong date. */
static gboolean
parse_iso_date (const char   *text,
                lxw_datetime *date)
{
  guint year, month, day;
  char end;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-'
      || sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3)
    return FALSE;
  if (year < 1900 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  *date = (lxw_datetime) { .year = (int) year, .month = (int) month, .day = (int) day };
  return TRUE;
}

static lxw_error
write_text (LpXlsxSink *self,
            guint       column,
            const char *text)
{
  LpExportColumnKind kind = g_array_index (self->kinds, LpExportColumnKind, column);
  lxw_col_t col = (lxw_col_t) column;
  lxw_datetime date;

  if (kind == LP_EXPORT_COLUMN_DATE && parse_iso_date (text, &date))
    {
      widen (self, column, 10);
      return worksheet_write_datetime (self->sheet, self->row, col, &date, self->date);
    }
  widen (self, column, g_utf8_strlen (text, -1));
  return worksheet_write_string (self->sheet, self->row, col, text, NULL);
}

static lxw_format *
number_format (LpXlsxSink         *self,
               LpExportColumnKind  kind)
{
  switch (kind)
    {
    case LP_EXPORT_COLUMN_MONEY:
      return self->money;
    case LP_EXPORT_COLUMN_COUNT:
      return self->count;
    case LP_EXPORT_COLUMN_MODELLED:
      return self->tenths;
    case LP_EXPORT_COLUMN_PLAIN:
    case LP_EXPORT_COLUMN_ID:
    case LP_EXPORT_COLUMN_DATE:
    default:
      return NULL;
    }
}

/* Keys and integers a double would round are written as text, exact. */
static lxw_error
write_int (LpXlsxSink *self,
           guint       column,
           gint64      value)
{
  LpExportColumnKind kind = g_array_index (self->kinds, LpExportColumnKind, column);
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  if (kind == LP_EXPORT_COLUMN_ID || value >= EXACT_INTEGER_LIMIT || value <= -EXACT_INTEGER_LIMIT)
    return write_text (self, column, text);
  /* Room for the thousands separators and the pound sign. */
  widen (self, column, strlen (text) * 4.0 / 3.0 + 1);
  return worksheet_write_number (self->sheet, self->row, (lxw_col_t) column,
                                 (double) value, number_format (self, kind));
}

static lxw_error
write_value (LpXlsxSink          *self,
             guint                column,
             const LpExportValue *value)
{
  switch (value->type)
    {
    case LP_EXPORT_VALUE_INT:
      return write_int (self, column, value->i);
    case LP_EXPORT_VALUE_REAL:
      widen (self, column, 12);
      return worksheet_write_number (self->sheet, self->row, (lxw_col_t) column, value->d,
                                     number_format (self, g_array_index (self->kinds, LpExportColumnKind, column)));
    case LP_EXPORT_VALUE_TEXT:
      return write_text (self, column, value->text);
    case LP_EXPORT_VALUE_NULL:
    default:
      return LXW_NO_ERROR;  /* an empty cell */
    }
}

static gboolean
write_row (LpExportSink         *sink,
           const LpExportValue  *values,
           GError              **error)
{
  LpXlsxSink *self = (LpXlsxSink *) sink;

  if (self->row >= LXW_ROW_MAX)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                   _("Could not write “%s”: sheet %s has more rows than a spreadsheet "
                     "can hold (%u); export it to CSV instead"),
                   self->display_path, self->sheet_name, (guint) LXW_ROW_MAX - 1);
      return FALSE;
    }
  for (guint i = 0; i < self->kinds->len; i++)
    {
      lxw_error code = write_value (self, i, &values[i]);

      if (code != LXW_NO_ERROR)
        return xlsx_error (self, code, i, error);
    }
  self->row++;
  return TRUE;
}

static gboolean
end_sheet (LpExportSink  *sink,
           GError       **error)
{
  LpXlsxSink *self = (LpXlsxSink *) sink;

  for (guint i = 0; i < self->widths->len; i++)
    worksheet_set_column (self->sheet, (lxw_col_t) i, (lxw_col_t) i,
                          g_array_index (self->widths, double, i), NULL);
  return TRUE;
}

static lxw_format *
new_format (lxw_workbook *workbook,
            const char   *number_format_text,
            gboolean      bold)
{
  lxw_format *format = workbook_add_format (workbook);

  if (number_format_text != NULL)
    format_set_num_format (format, number_format_text);
  if (bold)
    format_set_bold (format);
  return format;
}

/**
 * lp_xlsx_sink_new:
 * @path: the file to write (created or replaced on lp_xlsx_sink_close())
 * @display_path: how error messages name the file
 *
 * Returns: (transfer full): a sink for lp_export_table() and
 *   lp_export_view(); each sheet begun is one sheet of the workbook
 */
LpExportSink *
lp_xlsx_sink_new (const char  *path,
                  const char  *display_path,
                  GError     **error)
{
  /* Rows go to a temporary file as they are written, so memory stays
   * constant whatever the table's size. */
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  LpXlsxSink *self;
  lxw_workbook *workbook = workbook_new_opt (path, &options);

  if (workbook == NULL)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO,
                   _("Could not start the workbook “%s”"), display_path);
      return NULL;
    }
  self = g_new0 (LpXlsxSink, 1);
  self->sink = (LpExportSink) { begin_sheet, write_row, end_sheet };
  self->workbook = workbook;
  self->display_path = g_strdup (display_path);
  self->bold = new_format (workbook, NULL, TRUE);
  self->date = new_format (workbook, "dd/mm/yyyy", FALSE);
  self->money = new_format (workbook, "£#,##0", FALSE);
  self->count = new_format (workbook, "#,##0", FALSE);
  self->tenths = new_format (workbook, "#,##0.0", FALSE);
  self->kinds = g_array_new (FALSE, FALSE, sizeof (LpExportColumnKind));
  self->widths = g_array_new (FALSE, FALSE, sizeof (double));
  return &self->sink;
}

/**
 * lp_xlsx_sink_describe:
 * @heading: lp_export_heading()'s pairs: the table's title first, then the
 *   plan, and what the table shows
 *
 * Says in the workbook's properties (File ▸ Properties in a spreadsheet)
 * what the table is: its title, the plan as the subject, and the rest
 * ("Locality: Stevenage; Scenario: Base; Period: Per week; …") as comments.
 */
void
lp_xlsx_sink_describe (LpExportSink *sink,
                       GPtrArray    *heading)
{
  LpXlsxSink *self = (LpXlsxSink *) sink;
  g_autoptr(GString) comments = g_string_new (NULL);
  lxw_doc_properties properties = { 0 };

  if (heading == NULL || heading->len < 2)
    return;
  self->title = g_strdup (g_ptr_array_index (heading, 1));
  for (guint i = 2; i + 1 < heading->len; i += 2)
    {
      if (g_strcmp0 (g_ptr_array_index (heading, i), _("Plan")) == 0 && self->subject == NULL)
        self->subject = g_strdup (g_ptr_array_index (heading, i + 1));
      g_string_append_printf (comments, "%s%s: %s", comments->len > 0 ? "; " : "",
                              (const char *) g_ptr_array_index (heading, i),
                              (const char *) g_ptr_array_index (heading, i + 1));
    }
  self->comments = g_string_free (g_steal_pointer (&comments), FALSE);
  properties.title = self->title;
  properties.subject = self->subject;
  properties.comments = self->comments;
  properties.author = "Locality Planner";
  workbook_set_properties (self->workbook, &properties);
}

/**
 * lp_xlsx_sink_close:
 *
 * Writes the workbook out and frees @sink, also after a failed export
 * (the caller then deletes the file).
 */
gboolean
lp_xlsx_sink_close (LpExportSink  *sink,
                    GError       **error)
{
  LpXlsxSink *self = (LpXlsxSink *) sink;
  lxw_error code = workbook_close (self->workbook);
  gboolean ok = code == LXW_NO_ERROR;

  if (!ok)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO,
                 _("Could not write “%s”: %s"), self->display_path, lxw_strerror (code));
  g_free (self->display_path);
  g_free (self->sheet_name);
  g_free (self->title);
  g_free (self->subject);
  g_free (self->comments);
  g_array_unref (self->kinds);
  g_array_unref (self->widths);
  g_free (self);
  return ok;
}
