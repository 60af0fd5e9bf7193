/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rules are in lp-csv-writer.h; the importer of the app's own CSV
 * (LP_IMPORT_PLAN_TABLE) relies on every one of them. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lp-csv-writer.h"
#include "lp-format.h"

/* Records are gathered in memory and written out in pieces of about this
 * size, so a table of any length costs constant memory. */
#define LP_CSV_WRITER_FLUSH_BYTES (64 * 1024)

#define LP_CSV_BOM "\xef\xbb\xbf"

struct _LpCsvWriter
{
  GOutputStream *stream;     /* NULL: the text stays in memory */
  GString       *buffer;
  gboolean       in_record;  /* a field has been written on this record */
};

/**
 * lp_csv_writer_new:
 * @stream: (nullable): where the CSV goes; %NULL keeps it in memory for
 *   lp_csv_writer_steal_text()
 *
 * Returns: (transfer full): a writer at the start of its first record
 */
LpCsvWriter *
lp_csv_writer_new (GOutputStream    *stream,
                   LpCsvWriterFlags  flags)
{
  LpCsvWriter *self;

  g_return_val_if_fail (stream == NULL || G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_new0 (LpCsvWriter, 1);
  self->stream = stream != NULL ? g_object_ref (stream) : NULL;
  self->buffer = g_string_sized_new (stream != NULL ? LP_CSV_WRITER_FLUSH_BYTES : 256);
  if (flags & LP_CSV_WRITER_BOM)
    g_string_append (self->buffer, LP_CSV_BOM);
  return self;
}

/* Does not flush: a writer dropped after an error must not write more. */
void
lp_csv_writer_free (LpCsvWriter *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  g_string_free (self->buffer, TRUE);
  g_free (self);
}

static gboolean
needs_quotes (const char *value)
{
  gsize length = strlen (value);

  return length == 0
         || strpbrk (value, ",\"\r\n") != NULL
         || value[0] == ' '
         || value[length - 1] == ' ';
}

/* = + - @ start a formula in spreadsheets, and some strip a leading TAB or
 * CR first (OWASP's advice on CSV injection); a leading ' is guarded too,
 * so that removing one ' on reading is always right. */
static gboolean
needs_guard (const char *value)
{
  return value[0] != '\0' && strchr ("=+-@'\t\r", value[0]) != NULL;
}

static void
append_escaped (GString        *out,
                const char     *value,
                LpCsvFieldKind  kind)
{
  gboolean quote = needs_quotes (value);

  if (quote)
    g_string_append_c (out, '"');
  if (kind == LP_CSV_FIELD_TEXT && needs_guard (value))
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

/**
 * lp_csv_escape:
 * @value: (nullable): the field; %NULL is SQL NULL
 *
 * Returns: (transfer full): @value as one field, by the rules in
 *   lp-csv-writer.h ("" for NULL, "\"\"" for the empty string)
 */
char *
lp_csv_escape (const char     *value,
               LpCsvFieldKind  kind)
{
  GString *out = g_string_new (NULL);

  if (value != NULL)
    append_escaped (out, value, kind);
  return g_string_free (out, FALSE);
}

/**
 * lp_csv_format_double:
 *
 * Returns: (transfer full): @value in the C locale with the fewest
 *   significant digits that g_ascii_strtod() reads back as the same
 *   double, as lp_format_shortest() writes it (0.1 + 0.2 is
 *   "0.30000000000000004", 0.5 is "0.5"), with ".0" added to a whole
 *   number so that the importer of a plan table still reads it as a REAL
 */
char *
lp_csv_format_double (double value)
{
  g_autofree char *shortest = lp_format_shortest (value);

  /* "e" for an exponent, "n" for inf and nan: already not an integer. */
  if (strpbrk (shortest, ".en") == NULL)
    return g_strconcat (shortest, ".0", NULL);
  return g_steal_pointer (&shortest);
}

static void
start_field (LpCsvWriter *self)
{
  if (self->in_record)
    g_string_append_c (self->buffer, ',');
  self->in_record = TRUE;
}

void
lp_csv_writer_add_null (LpCsvWriter *self)
{
  g_return_if_fail (self != NULL);
  start_field (self);
}

/**
 * lp_csv_writer_add_field:
 * @value: (nullable): the field's text; %NULL writes SQL NULL
 */
void
lp_csv_writer_add_field (LpCsvWriter    *self,
                         const char     *value,
                         LpCsvFieldKind  kind)
{
  g_return_if_fail (self != NULL);
  start_field (self);
  if (value != NULL)
    append_escaped (self->buffer, value, kind);
}

/* @text: (nullable): a text value; %NULL writes SQL NULL */
void
lp_csv_writer_add_text (LpCsvWriter *self,
                        const char  *text)
{
  lp_csv_writer_add_field (self, text, LP_CSV_FIELD_TEXT);
}

void
lp_csv_writer_add_int (LpCsvWriter *self,
                       gint64       value)
{
  g_return_if_fail (self != NULL);
  start_field (self);
  g_string_append_printf (self->buffer, "%" G_GINT64_FORMAT, value);
}

void
lp_csv_writer_add_double (LpCsvWriter *self,
                          double       value)
{
  g_autofree char *text = lp_csv_format_double (value);

  g_return_if_fail (self != NULL);
  start_field (self);
  g_string_append (self->buffer, text);
}

void
lp_csv_writer_add_shortest (LpCsvWriter *self,
                            double       value)
{
  g_autofree char *text = lp_format_shortest (value);

  g_return_if_fail (self != NULL);
  start_field (self);
  g_string_append (self->buffer, text);
}

/* RFC 4180 ends every record with CRLF, the last one too. */
gboolean
lp_csv_writer_end_record (LpCsvWriter  *self,
                          GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  g_string_append (self->buffer, "\r\n");
  self->in_record = FALSE;
  if (self->stream != NULL && self->buffer->len >= LP_CSV_WRITER_FLUSH_BYTES)
    return lp_csv_writer_flush (self, error);
  return TRUE;
}

/**
 * lp_csv_writer_flush:
 *
 * Writes what is gathered to the stream (it does not close it).  Without
 * a stream, there is nothing to do.
 */
gboolean
lp_csv_writer_flush (LpCsvWriter  *self,
                     GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->stream == NULL || self->buffer->len == 0)
    return TRUE;
  if (!g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len,
                                  NULL, NULL, error))
    return FALSE;
  g_string_truncate (self->buffer, 0);
  return TRUE;
}

/**
 * lp_csv_writer_steal_text:
 *
 * Returns: (transfer full): everything written so far by a writer without
 *   a stream; the writer starts again empty
 */
char *
lp_csv_writer_steal_text (LpCsvWriter *self)
{
  char *text;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->stream == NULL, NULL);

  text = g_string_free (self->buffer, FALSE);
  self->buffer = g_string_new (NULL);
  self->in_record = FALSE;
  return text;
}
