/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Streaming CSV on libcsv.  The file is read in fixed-size chunks (memory
 * stays constant whatever the file's size or line length), and each chunk
 * is fed to the parser in pieces that end at a newline, so that each
 * record's first line number is known exactly even when a quoted field
 * holds line breaks. */
#include "config.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lp-csv.h"
#include "lp-error.h"

#define LP_CSV_CHUNK_BYTES (64 * 1024)

struct _LpCsvReader
{
  struct csv_parser  parser;
  FILE              *file;
  char              *path;
  char              *chunk;       /* LP_CSV_CHUNK_BYTES read from the file */
  gsize              chunk_length;
  gsize              chunk_pos;
  gboolean           in_line;     /* the last byte fed was not a newline */
  GPtrArray         *fields;      /* the record being parsed */
  GQueue             records;     /* complete records not yet returned */
  GQueue             record_lines;
  GPtrArray         *current;     /* the record returned by _next() */
  GPtrArray         *header;
  guint64            line_number; /* of the physical line last fed */
  guint64            record_start;
  guint64            current_line;
  gboolean           at_start;
  gboolean           finished;
};

static void *
lp_csv_capped_realloc (void   *ptr,
                       size_t  size)
{
  /* libcsv grows its field buffer without limit; refuse past the cap so a
   * damaged file cannot exhaust memory. */
  if (size > LP_CSV_MAX_FIELD_BYTES + 1024)
    return NULL;
  return realloc (ptr, size);
}

static void
lp_csv_on_field (void   *data,
                 size_t  length,
                 void   *user_data)
{
  LpCsvReader *self = user_data;

  g_ptr_array_add (self->fields, g_strndup (data != NULL ? data : "", length));
}

static void
lp_csv_on_record (int   terminator,
                  void *user_data)
{
  LpCsvReader *self = user_data;

  g_queue_push_tail (&self->records, g_steal_pointer (&self->fields));
  g_queue_push_tail (&self->record_lines, GSIZE_TO_POINTER ((gsize) self->record_start));
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->record_start = self->line_number + 1;
}

/**
 * lp_csv_reader_open:
 * @has_header: whether the first record names the columns
 */
LpCsvReader *
lp_csv_reader_open (const char  *path,
                    gboolean     has_header,
                    GError     **error)
{
  g_autoptr(LpCsvReader) self = g_new0 (LpCsvReader, 1);

  self->path = g_strdup (path);
  self->file = g_fopen (path, "rb");
  if (self->file == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                   _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  /* CSV_REPALL_NL reports blank lines as empty records, so that the next
   * record's first line moves past them; _next() skips the empty records. */
  csv_init (&self->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_REPALL_NL);
  csv_set_realloc_func (&self->parser, lp_csv_capped_realloc);
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->chunk = g_malloc (LP_CSV_CHUNK_BYTES);
  self->record_start = 1;
  self->at_start = TRUE;
  if (has_header)
    {
      if (!lp_csv_reader_next (self, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                         _("%s is empty: it has no header row"), path);
          return NULL;
        }
      self->header = g_steal_pointer (&self->current);
    }
  return g_steal_pointer (&self);
}

void
lp_csv_reader_free (LpCsvReader *self)
{
  if (self == NULL)
    return;
  if (self->file != NULL)
    {
      csv_free (&self->parser);
      fclose (self->file);
    }
  g_queue_clear_full (&self->records, (GDestroyNotify) g_ptr_array_unref);
  g_queue_clear (&self->record_lines);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->current, g_ptr_array_unref);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_free (self->chunk);
  g_free (self->path);
  g_free (self);
}

static gboolean
lp_csv_parse_error (LpCsvReader  *self,
                    GError      **error)
{
  int code = csv_error (&self->parser);
  const char *why = code == CSV_ENOMEM
    ? _("a field is longer than the 1 MiB this reader accepts")
    : _("a quoted field is not closed properly");

  g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
               _("%s, line %" G_GUINT64_FORMAT ": %s"), self->path, self->record_start, why);
  return FALSE;
}

/* Refills the chunk; returns FALSE at the end of the file. */
static gboolean
lp_csv_read_chunk (LpCsvReader *self)
{
  self->chunk_length = fread (self->chunk, 1, LP_CSV_CHUNK_BYTES, self->file);
  self->chunk_pos = 0;
  if (self->at_start && self->chunk_length >= 3 && memcmp (self->chunk, "\xEF\xBB\xBF", 3) == 0)
    self->chunk_pos = 3;   /* libcsv does not strip a UTF-8 byte order mark */
  self->at_start = FALSE;
  return self->chunk_length > 0;
}

/* Feeds the rest of the current line (or of the chunk, for a line longer
 * than a chunk); at the end of the file, finishes. */
static gboolean
lp_csv_feed (LpCsvReader  *self,
             GError      **error)
{
  const char *start, *newline;
  gsize length;

  if (self->chunk_pos >= self->chunk_length && !lp_csv_read_chunk (self))
    {
      self->finished = TRUE;
      if (ferror (self->file))
        return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO, _("Could not read %s"), self->path), FALSE;
      if (csv_fini (&self->parser, lp_csv_on_field, lp_csv_on_record, self) != 0)
        return lp_csv_parse_error (self, error);
      return TRUE;
    }
  start = self->chunk + self->chunk_pos;
  newline = memchr (start, '\n', self->chunk_length - self->chunk_pos);
  length = newline != NULL ? (gsize) (newline - start) + 1 : self->chunk_length - self->chunk_pos;
  if (!self->in_line)
    self->line_number++;
  self->in_line = newline == NULL;
  self->chunk_pos += length;
  if (csv_parse (&self->parser, start, length, lp_csv_on_field, lp_csv_on_record, self) != length)
    return lp_csv_parse_error (self, error);
  return TRUE;
}

static gboolean
lp_csv_record_is_blank (GPtrArray *record)
{
  return record->len == 0 || (record->len == 1 && *(char *) g_ptr_array_index (record, 0) == '\0');
}

/**
 * lp_csv_reader_next:
 *
 * Moves to the next record, skipping blank lines.
 *
 * Returns: %TRUE if there is one; %FALSE at the end (@error unset) or on a
 *   parse error (@error set)
 */
gboolean
lp_csv_reader_next (LpCsvReader  *self,
                    GError      **error)
{
  g_clear_pointer (&self->current, g_ptr_array_unref);
  for (;;)
    {
      if (!g_queue_is_empty (&self->records))
        {
          self->current = g_queue_pop_head (&self->records);
          self->current_line = GPOINTER_TO_SIZE (g_queue_pop_head (&self->record_lines));
          if (!lp_csv_record_is_blank (self->current))
            return TRUE;
          g_clear_pointer (&self->current, g_ptr_array_unref);
          continue;
        }
      if (self->finished || !lp_csv_feed (self, error))
        return FALSE;
    }
}

guint
lp_csv_reader_get_n_fields (LpCsvReader *self)
{
  return self->current != NULL ? self->current->len : 0;
}

const char *
lp_csv_reader_get_field (LpCsvReader *self,
                         guint        index)
{
  if (self->current == NULL || index >= self->current->len)
    return "";
  return g_ptr_array_index (self->current, index);
}

/**
 * lp_csv_reader_find_column:
 *
 * Returns: the index of the header column called @name (ignoring case and
 *   surrounding spaces), or -1
 */
int
lp_csv_reader_find_column (LpCsvReader *self,
                           const char  *name)
{
  for (guint i = 0; self->header != NULL && i < self->header->len; i++)
    {
      g_autofree char *title = g_strstrip (g_strdup (g_ptr_array_index (self->header, i)));
      if (g_ascii_strcasecmp (title, name) == 0)
        return (int) i;
    }
  return -1;
}

const char *
lp_csv_reader_get (LpCsvReader *self,
                   int          column)
{
  return column < 0 ? "" : lp_csv_reader_get_field (self, (guint) column);
}

guint64
lp_csv_reader_get_line (LpCsvReader *self)
{
  return self->current_line;
}

const char *
lp_csv_reader_get_path (LpCsvReader *self)
{
  return self->path;
}

gboolean
lp_csv_reader_require (LpCsvReader  *self,
                       const char   *name,
                       int          *column,
                       GError      **error)
{
  *column = lp_csv_reader_find_column (self, name);
  if (*column < 0)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                 _("%s: the required column %s is missing from the header row"), self->path, name);
  return *column >= 0;
}

/**
 * lp_csv_reader_set_error:
 * @why: what is wrong with the value
 *
 * Reports a problem with the current record as "FILE, line N, column NAME:
 * WHY"; @why says what the value was and what is wrong with it.
 */
void
lp_csv_reader_set_error (LpCsvReader  *self,
                         GError      **error,
                         int           column,
                         const char   *why)
{
  const char *name = self->header != NULL && column >= 0 && (guint) column < self->header->len
    ? g_ptr_array_index (self->header, column) : NULL;
  g_autofree char *where = name != NULL ? g_strstrip (g_strdup (name)) : g_strdup_printf ("%d", column + 1);

  g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
               _("%s, line %" G_GUINT64_FORMAT ", column %s: %s"),
               self->path, self->current_line, where, why);
}
