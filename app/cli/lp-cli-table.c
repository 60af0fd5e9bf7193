/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lp-csv-writer.h"
#include "lp-format.h"
#include "lp-cli-table.h"

/* Space between two columns of the human table. */
#define COLUMN_GAP "  "

struct _LpCliTable {
  LpCliOutput output;
  GPtrArray  *titles;   /* char *, NULL for a column without a title */
  GArray     *kinds;    /* LpCliColumnKind */
  GPtrArray  *cells;    /* char *, row by row; NULL for a missing value */
};

/**
 * lp_cli_table_new:
 *
 * Returns: (transfer full): an empty table that will be written as @output
 */
LpCliTable *
lp_cli_table_new (LpCliOutput output)
{
  LpCliTable *self = g_new0 (LpCliTable, 1);

  self->output = output;
  self->titles = g_ptr_array_new_with_free_func (g_free);
  self->kinds = g_array_new (FALSE, FALSE, sizeof (LpCliColumnKind));
  self->cells = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
lp_cli_table_free (LpCliTable *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->titles);
  g_array_unref (self->kinds);
  g_ptr_array_unref (self->cells);
  g_free (self);
}

LpCliOutput
lp_cli_table_get_output (LpCliTable *self)
{
  g_return_val_if_fail (self != NULL, LP_CLI_OUTPUT_HUMAN);
  return self->output;
}

/**
 * lp_cli_table_add_column:
 * @title: (nullable): the header; a table whose columns all have none is
 *   written without a header row
 *
 * Columns are added before any cell.
 */
void
lp_cli_table_add_column (LpCliTable      *self,
                         const char      *title,
                         LpCliColumnKind  kind)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->cells->len == 0);

  g_ptr_array_add (self->titles, g_strdup (title));
  g_array_append_val (self->kinds, kind);
}

/* A terminal must show a cell on one line and must not act on escape
 * sequences hidden in a plan's data, so control characters (C0 and C1)
 * become spaces and invalid UTF-8 becomes U+FFFD. */
static char *
make_printable (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* @cell: (transfer full) (nullable): NULL is a missing value, which CSV
 * writes as an empty unquoted field, apart from the empty text "". */
static void
add_cell (LpCliTable *self,
          char       *cell)
{
  g_assert (self->kinds->len > 0);
  if (self->output == LP_CLI_OUTPUT_HUMAN && cell != NULL)
    {
      g_ptr_array_add (self->cells, make_printable (cell));
      g_free (cell);
    }
  else
    g_ptr_array_add (self->cells, cell);
}

/**
 * lp_cli_table_add_text:
 * @text: (nullable): the cell; NULL is a missing value (an empty cell)
 */
void
lp_cli_table_add_text (LpCliTable *self,
                       const char *text)
{
  g_return_if_fail (self != NULL);
  add_cell (self, g_strdup (text));
}

/* People read 596,907; spreadsheets want 596907. */
void
lp_cli_table_add_count (LpCliTable *self,
                        gint64      value)
{
  g_return_if_fail (self != NULL);
  if (self->output == LP_CLI_OUTPUT_HUMAN)
    add_cell (self, lp_format_count (value));
  else
    add_cell (self, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

void
lp_cli_table_add_pounds (LpCliTable *self,
                         gint64      pounds)
{
  g_return_if_fail (self != NULL);
  if (self->output == LP_CLI_OUTPUT_HUMAN)
    add_cell (self, lp_format_pounds (pounds));
  else
    add_cell (self, g_strdup_printf ("%" G_GINT64_FORMAT, pounds));
}

/* One decimal for people; for spreadsheets, which round as they are
 * told to, the figure unrounded in its shortest exact form (29.219184,
 * not the 29.219184000000002 of 17 digits). */
void
lp_cli_table_add_tenths (LpCliTable *self,
                         double      value)
{
  g_return_if_fail (self != NULL);
  if (self->output == LP_CLI_OUTPUT_HUMAN)
    add_cell (self, lp_format_tenths (value));
  else
    add_cell (self, lp_format_shortest (value));
}

/* A figure to one decimal place, or an empty cell when it is not known. */
void
lp_cli_table_add_optional_tenths (LpCliTable *self,
                                  gboolean    known,
                                  double      value)
{
  if (known)
    lp_cli_table_add_tenths (self, value);
  else
    lp_cli_table_add_text (self, "");
}

/* DD/MM/YYYY for people, ISO 8601 for spreadsheets (no day/month
 * ambiguity when a US-locale spreadsheet opens the file). */
void
lp_cli_table_add_date (LpCliTable *self,
                       const char *iso_date)
{
  g_return_if_fail (self != NULL);
  if (iso_date == NULL)
    add_cell (self, NULL);
  else if (self->output == LP_CLI_OUTPUT_HUMAN)
    add_cell (self, lp_format_date (iso_date));
  else
    add_cell (self, g_strdup (iso_date));
}

/**
 * lp_cli_display_width:
 *
 * Returns: how many terminal columns @text takes: East Asian wide
 *   characters take two and combining marks none, so "Café" (with a
 *   combining accent) and "東京" both take four.
 */
gsize
lp_cli_display_width (const char *text)
{
  gsize width = 0;

  g_return_val_if_fail (text != NULL, 0);

  if (!g_utf8_validate (text, -1, NULL))
    return strlen (text);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static gboolean
has_header (LpCliTable *self)
{
  for (guint i = 0; i < self->titles->len; i++)
    if (g_ptr_array_index (self->titles, i) != NULL)
      return TRUE;
  return FALSE;
}

static LpCliColumnKind
column_kind (LpCliTable *self,
             guint       column)
{
  return g_array_index (self->kinds, LpCliColumnKind, column);
}

/* Core's CSV writer, the same as for exports: RFC 4180, text guarded
 * against formulas, numbers left alone so that -5 stays a number. */
static void
append_csv_row (LpCliTable  *self,
                LpCsvWriter *writer,
                char       **row,
                gboolean     is_header)
{
  for (guint i = 0; i < self->kinds->len; i++)
    {
      gboolean number = !is_header && column_kind (self, i) == LP_CLI_COLUMN_NUMBER;

      lp_csv_writer_add_field (writer, row[i],
                               number ? LP_CSV_FIELD_NUMBER : LP_CSV_FIELD_TEXT);
    }
  /* In memory: there is no stream to fail. */
  lp_csv_writer_end_record (writer, NULL);
}

static char *
table_to_csv (LpCliTable *self)
{
  g_autoptr(LpCsvWriter) writer = lp_csv_writer_new (NULL, LP_CSV_WRITER_DEFAULT);
  guint n_columns = self->kinds->len;

  if (has_header (self))
    append_csv_row (self, writer, (char **) self->titles->pdata, TRUE);
  for (guint i = 0; i + n_columns <= self->cells->len; i += n_columns)
    append_csv_row (self, writer, (char **) self->cells->pdata + i, FALSE);
  return lp_csv_writer_steal_text (writer);
}

static void
append_padding (GString *out,
                gsize    n)
{
  for (gsize i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

/* Headers are aligned like their column so that numbers line up under
 * the right-hand end of their title. */
static void
append_human_row (LpCliTable  *self,
                  GString     *out,
                  char       **row,
                  const gsize *widths)
{
  gsize line_start = out->len;

  for (guint i = 0; i < self->kinds->len; i++)
    {
      const char *cell = row[i] != NULL ? row[i] : "";
      gsize padding = widths[i] - lp_cli_display_width (cell);

      if (i > 0)
        g_string_append (out, COLUMN_GAP);
      if (column_kind (self, i) == LP_CLI_COLUMN_NUMBER)
        append_padding (out, padding);
      g_string_append (out, cell);
      if (column_kind (self, i) == LP_CLI_COLUMN_TEXT)
        append_padding (out, padding);
    }
  while (out->len > line_start && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

static gsize *
column_widths (LpCliTable *self,
               gboolean    header)
{
  guint n_columns = self->kinds->len;
  gsize *widths = g_new0 (gsize, n_columns);

  for (guint i = 0; i < n_columns; i++)
    {
      const char *title = g_ptr_array_index (self->titles, i);

      if (header && title != NULL)
        widths[i] = lp_cli_display_width (title);
    }
  for (guint i = 0; i < self->cells->len; i++)
    {
      const char *cell = g_ptr_array_index (self->cells, i);

      if (cell != NULL)
        widths[i % n_columns] = MAX (widths[i % n_columns], lp_cli_display_width (cell));
    }
  return widths;
}

static char *
table_to_human (LpCliTable *self)
{
  GString *out = g_string_new (NULL);
  guint n_columns = self->kinds->len;
  gboolean header = has_header (self);
  g_autofree gsize *widths = column_widths (self, header);

  if (header)
    {
      g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < n_columns; i++)
        {
          const char *title = g_ptr_array_index (self->titles, i);

          g_ptr_array_add (titles, make_printable (title != NULL ? title : ""));
        }
      append_human_row (self, out, (char **) titles->pdata, widths);
    }
  for (guint i = 0; i + n_columns <= self->cells->len; i += n_columns)
    append_human_row (self, out, (char **) self->cells->pdata + i, widths);
  return g_string_free (out, FALSE);
}

/**
 * lp_cli_table_to_string:
 *
 * Returns: (transfer full): the whole table in the table's output form,
 *   each line ending in a newline (CRLF for CSV)
 */
char *
lp_cli_table_to_string (LpCliTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->kinds->len > 0, NULL);
  g_return_val_if_fail (self->cells->len % self->kinds->len == 0, NULL);

  if (self->output == LP_CLI_OUTPUT_CSV)
    return table_to_csv (self);
  return table_to_human (self);
}
