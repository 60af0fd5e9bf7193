/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Streaming CSV on libcsv.  The file is read in fixed-size chunks (memory
 * stays constant whatever the file's size or line length), and each chunk
 * is fed to the parser in pieces that end at a newline, so that each
 * record's first line number is known exactly even when a quoted field
 * holds line breaks. */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
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
  struct archive    *archive;     /* a zip file's CSV member, instead of file */
  char              *path;
  char              *member;      /* the CSV's name inside the zip file */
  guint64            bytes_total;
  guint64            bytes_read;
  guint64            latin1_line; /* first line that was not UTF-8, or 0 */
  char              *damage;      /* why the input cannot be read, once seen */
  GChecksum         *checksum;    /* SHA-256 of the bytes read from a plain file */
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

/* A field as text: UTF-8 kept as it is; anything else read as Latin-1 (as
 * older NHS extracts are), and the first such line remembered for the
 * import's report.  NULL for an empty unquoted field. */
static char *
lp_csv_field_text (LpCsvReader *self,
                   const char  *data,
                   size_t       length)
{
  if (data == NULL)
    return NULL;
  if (memchr (data, '\0', length) != NULL)
    {
      if (self->damage == NULL)
        self->damage = g_strdup_printf (_("line %" G_GUINT64_FORMAT " contains a NUL byte: "
                                          "this is not a text file"), self->record_start);
      return g_strdup ("");
    }
  if (g_utf8_validate_len (data, length, NULL))
    return g_strndup (data, length);
  if (self->latin1_line == 0)
    self->latin1_line = self->record_start;
  return g_convert (data, length, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
}

static void
lp_csv_on_field (void   *data,
                 size_t  length,
                 void   *user_data)
{
  LpCsvReader *self = user_data;

  g_ptr_array_add (self->fields, lp_csv_field_text (self, data, length));
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

static gboolean
lp_csv_open_failed (GError     **error,
                    const char  *path,
                    const char  *why)
{
  g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID, "%s: %s", path, why);
  return FALSE;
}

/* Opens the first CSV member of a zip file (NHS Digital publishes its
 * extracts zipped) to be read instead of the file itself. */
static gboolean
lp_csv_open_zip (LpCsvReader  *self,
                 GError      **error)
{
  struct archive_entry *entry;

  self->archive = archive_read_new ();
  archive_read_support_format_zip (self->archive);
  if (archive_read_open_filename (self->archive, self->path, LP_CSV_CHUNK_BYTES) != ARCHIVE_OK)
    return lp_csv_open_failed (error, self->path, archive_error_string (self->archive));
  while (archive_read_next_header (self->archive, &entry) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      if (name != NULL && g_str_has_suffix (g_ascii_strdown (name, -1), ".csv"))
        {
          self->member = g_strdup (name);
          return TRUE;
        }
      archive_read_data_skip (self->archive);
    }
  return lp_csv_open_failed (error, self->path, _("the zip file holds no .csv file"));
}

/* Looks at the first bytes: a zip is read through, a picture refused. */
static gboolean
lp_csv_open_source (LpCsvReader  *self,
                    GError      **error)
{
  unsigned char magic[8] = { 0 };
  size_t n = fread (magic, 1, sizeof magic, self->file);
  GStatBuf st;

  if (g_stat (self->path, &st) == 0)
    self->bytes_total = (guint64) st.st_size;
  rewind (self->file);
  if (n >= 4 && memcmp (magic, "PK\x03\x04", 4) == 0)
    {
      g_clear_pointer (&self->file, fclose);
      return lp_csv_open_zip (self, error);
    }
  if (n >= 8 && memcmp (magic, "\x89PNG\r\n\x1a\n", 8) == 0)
    return lp_csv_open_failed (error, self->path, _("this is a PNG picture, not a CSV file"));
  if (n >= 4 && memcmp (magic, "%PDF", 4) == 0)
    return lp_csv_open_failed (error, self->path, _("this is a PDF document, not a CSV file"));
  return TRUE;
}

/**
 * lp_csv_reader_open:
 * @has_header: whether the first record names the columns
 *
 * Opens a CSV file, or the first CSV file inside a zip file.
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
   * record's first line moves past them; _next() skips the empty records.
   * CSV_EMPTY_IS_NULL tells an empty unquoted field (NULL) from "". */
  csv_init (&self->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_REPALL_NL | CSV_EMPTY_IS_NULL);
  csv_set_realloc_func (&self->parser, lp_csv_capped_realloc);
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->chunk = g_malloc (LP_CSV_CHUNK_BYTES);
  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  self->record_start = 1;
  self->at_start = TRUE;
  if (!lp_csv_open_source (self, error))
    return NULL;
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
  csv_free (&self->parser);
  if (self->file != NULL)
    fclose (self->file);
  if (self->archive != NULL)
    archive_read_free (self->archive);
  g_queue_clear_full (&self->records, (GDestroyNotify) g_ptr_array_unref);
  g_queue_clear (&self->record_lines);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->current, g_ptr_array_unref);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_free (self->chunk);
  g_free (self->path);
  g_free (self->member);
  g_free (self->damage);
  g_clear_pointer (&self->checksum, g_checksum_free);
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
  if (self->archive != NULL)
    {
      la_ssize_t n = archive_read_data (self->archive, self->chunk, LP_CSV_CHUNK_BYTES);
      self->chunk_length = n > 0 ? (gsize) n : 0;
      if (n < 0 && self->damage == NULL)
        self->damage = g_strdup (archive_error_string (self->archive));
      self->bytes_read = (guint64) archive_filter_bytes (self->archive, -1);
    }
  else
    {
      self->chunk_length = fread (self->chunk, 1, LP_CSV_CHUNK_BYTES, self->file);
      self->bytes_read += self->chunk_length;
      g_checksum_update (self->checksum, (const guchar *) self->chunk, self->chunk_length);
    }
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
      if (self->damage != NULL)
        return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID, "%s: %s", self->path, self->damage), FALSE;
      if (self->file != NULL && ferror (self->file))
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
  const char *only = record->len == 1 ? g_ptr_array_index (record, 0) : NULL;

  return record->len == 0 || (record->len == 1 && (only == NULL || *only == '\0'));
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
          if (self->damage != NULL)
            return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                                "%s, %s", self->path, self->damage), FALSE;
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
  const char *field;

  if (self->current == NULL || index >= self->current->len)
    return "";
  field = g_ptr_array_index (self->current, index);
  return field != NULL ? field : "";
}

/**
 * lp_csv_reader_field_is_null:
 *
 * Returns: %TRUE if the field was empty and unquoted (a missing value),
 *   %FALSE for "" and for anything else
 */
gboolean
lp_csv_reader_field_is_null (LpCsvReader *self,
                             guint        index)
{
  return self->current == NULL || index >= self->current->len ||
         g_ptr_array_index (self->current, index) == NULL;
}

guint
lp_csv_reader_get_n_columns (LpCsvReader *self)
{
  return self->header != NULL ? self->header->len : 0;
}

const char *
lp_csv_reader_get_column_name (LpCsvReader *self,
                               guint        index)
{
  const char *name;

  if (self->header == NULL || index >= self->header->len)
    return "";
  name = g_ptr_array_index (self->header, index);
  return name != NULL ? name : "";
}

/**
 * lp_csv_reader_get_progress:
 *
 * Bytes of the file read so far, and its size (for a zip file, of the
 * compressed file).
 */
void
lp_csv_reader_get_progress (LpCsvReader *self,
                            guint64     *bytes_read,
                            guint64     *bytes_total)
{
  *bytes_read = self->bytes_read;
  *bytes_total = MAX (self->bytes_total, self->bytes_read);
}

/**
 * lp_csv_reader_get_latin1_line:
 *
 * Returns: the first line that was not UTF-8 and was read as Latin-1, or 0
 */
guint64
lp_csv_reader_get_latin1_line (LpCsvReader *self)
{
  return self->latin1_line;
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
      g_autofree char *title = g_strstrip (g_strdup (lp_csv_reader_get_column_name (self, i)));
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
    ? lp_csv_reader_get_column_name (self, (guint) column) : NULL;
  g_autofree char *where = name != NULL ? g_strstrip (g_strdup (name)) : g_strdup_printf ("%d", column + 1);

  g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
               _("%s, line %" G_GUINT64_FORMAT ", column %s: %s"),
               self->path, self->current_line, where, why);
}

/**
 * lp_csv_reader_dup_checksum:
 *
 * Returns: (transfer full) (nullable): the SHA-256 of the file in hex, once
 *   it has been read to the end; %NULL for a zip member or before the end
 */
char *
lp_csv_reader_dup_checksum (LpCsvReader *self)
{
  if (self->archive != NULL || !self->finished)
    return NULL;
  return g_strdup (g_checksum_get_string (self->checksum));
}

/**
 * lp_csv_reader_get_member:
 *
 * Returns: (nullable): the name of the CSV read inside a zip file
 */
const char *
lp_csv_reader_get_member (LpCsvReader *self)
{
  return self->member;
}
