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
#include <nettle/sha2.h>

#include "lp-csv-private.h"
#include "lp-error.h"

#define LP_CSV_CHUNK_BYTES (64 * 1024)


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

LpCsvStore *
lp_csv_store_new (void)
{
  LpCsvStore *store = g_new0 (LpCsvStore, 1);

  store->text = g_string_sized_new (LP_CSV_CHUNK_BYTES);
  store->fields = g_array_new (FALSE, FALSE, sizeof (LpCsvField));
  store->records = g_array_new (FALSE, FALSE, sizeof (LpCsvRecord));
  return store;
}

void
lp_csv_store_free (LpCsvStore *store)
{
  if (store == NULL)
    return;
  g_string_free (store->text, TRUE);
  g_array_unref (store->fields);
  g_array_unref (store->records);
  g_free (store);
}

/**
 * lp_csv_store_move_tail:
 * @first_field: the first field of a record still being parsed
 *
 * Empties @to, then moves into it the fields from @first_field on (a
 * record not finished yet) and takes them off @from, which keeps its
 * complete records.  @from and @to may be the same store: then the handed
 * out records are dropped and the unfinished one kept.
 */
void
lp_csv_store_move_tail (LpCsvStore *from,
                        guint       first_field,
                        LpCsvStore *to)
{
  gsize text_start = first_field < from->fields->len
    ? g_array_index (from->fields, LpCsvField, first_field).offset : from->text->len;
  gsize text_length = from->text->len - text_start;
  guint n_fields = from->fields->len - first_field;

  if (to != from)
    {
      g_string_truncate (to->text, 0);
      g_array_set_size (to->fields, 0);
    }
  if (to == from)
    {
      memmove (to->text->str, to->text->str + text_start, text_length);
      g_string_truncate (to->text, text_length);
      g_array_remove_range (to->fields, 0, first_field);
    }
  else
    {
      g_string_append_len (to->text, from->text->str + text_start, (gssize) text_length);
      if (n_fields > 0)
        g_array_append_vals (to->fields, &g_array_index (from->fields, LpCsvField, first_field), n_fields);
      g_string_truncate (from->text, text_start);
      g_array_set_size (from->fields, first_field);
    }
  for (guint i = 0; i < to->fields->len; i++)
    g_array_index (to->fields, LpCsvField, i).offset -= text_start;
  g_array_set_size (to->records, 0);
  to->next = 0;
}

/* Appends a field: UTF-8 kept as it is; anything else read as Latin-1 (as
 * older NHS extracts are), and the first such line remembered for the
 * import's report.  A NUL byte marks the file as not text at all. */
static void
lp_csv_on_field (void   *data,
                 size_t  length,
                 void   *user_data)
{
  LpCsvReader *self = user_data;
  LpCsvStore *store = self->parsing;
  LpCsvField field = { store->text->len, data == NULL };

  if (data != NULL && memchr (data, '\0', length) != NULL)
    {
      if (self->damage == NULL)
        self->damage = g_strdup_printf (_("line %llu contains a NUL byte: "
                                          "this is not a text file"), (unsigned long long) self->record_start);
      length = 0;
    }
  if (data != NULL && !g_utf8_validate_len (data, length, NULL))
    {
      g_autofree char *converted = g_convert (data, length, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
      if (self->latin1_line == 0)
        self->latin1_line = self->record_start;
      g_string_append (store->text, converted != NULL ? converted : "");
    }
  else if (data != NULL)
    g_string_append_len (store->text, data, (gssize) length);
  g_string_append_c (store->text, '\0');
  g_array_append_val (store->fields, field);
}

static gboolean
lp_csv_fields_are_blank (LpCsvStore *store,
                         guint       first)
{
  guint n = store->fields->len - first;
  const LpCsvField *only = n == 1 ? &g_array_index (store->fields, LpCsvField, first) : NULL;

  return n == 0 || (only != NULL && (only->null || store->text->str[only->offset] == '\0'));
}

/* Ends a record; a blank line (CSV_REPALL_NL reports it) makes none. */
static void
lp_csv_on_record (int   terminator,
                  void *user_data)
{
  LpCsvReader *self = user_data;
  LpCsvStore *store = self->parsing;
  LpCsvRecord record = { self->first_field, store->fields->len - self->first_field, self->record_start };

  if (lp_csv_fields_are_blank (store, self->first_field))
    {
      if (self->first_field < store->fields->len)
        g_string_truncate (store->text, g_array_index (store->fields, LpCsvField, self->first_field).offset);
      g_array_set_size (store->fields, self->first_field);
    }
  else
    g_array_append_val (store->records, record);
  self->first_field = store->fields->len;
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
      g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

      if (lower != NULL && g_str_has_suffix (lower, ".csv"))
        {
          self->member = g_strdup (name);
          return TRUE;
        }
      archive_read_data_skip (self->archive);
    }
  return lp_csv_open_failed (error, self->path, _("the zip file holds no .csv file"));
}

/* Looks at the first bytes: a zip is read through, a picture, a PDF, a
 * compressed file or UTF-16 text refused saying what it is. */
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
  if (lp_csv_sniff_not_csv (magic, n) != NULL)
    return lp_csv_open_failed (error, self->path, lp_csv_sniff_not_csv (magic, n));
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
  self->store = lp_csv_store_new ();
  self->parsing = self->store;
  self->chunk = g_malloc (LP_CSV_CHUNK_BYTES);
  sha256_init (&self->checksum);
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
      self->header = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < lp_csv_reader_get_n_fields (self); i++)
        g_ptr_array_add (self->header, g_strdup (lp_csv_reader_get_field (self, i)));
      self->has_current = FALSE;
    }
  return g_steal_pointer (&self);
}

void
lp_csv_reader_free (LpCsvReader *self)
{
  if (self == NULL)
    return;
  lp_csv_ahead_stop (self);
  csv_free (&self->parser);
  if (self->file != NULL)
    fclose (self->file);
  if (self->archive != NULL)
    archive_read_free (self->archive);
  g_clear_pointer (&self->store, lp_csv_store_free);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_free (self->chunk);
  g_free (self->path);
  g_free (self->member);
  g_free (self->damage);
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
               _("%s, line %llu: %s"), self->path, (unsigned long long) self->record_start, why);
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
      sha256_update (&self->checksum, self->chunk_length, (const guint8 *) self->chunk);
    }
  self->chunk_pos = 0;
  if (self->at_start && self->chunk_length >= 3 && memcmp (self->chunk, "\xEF\xBB\xBF", 3) == 0)
    self->chunk_pos = 3;   /* libcsv does not strip a UTF-8 byte order mark */
  self->at_start = FALSE;
  return self->chunk_length > 0;
}

static gboolean
lp_csv_is_space (char c)
{
  return c == ' ' || c == '\t';
}

/* Appends the fields of a line of UTF-8 text without quotes, as
 * lp_csv_on_field would one by one, but sizing the store once: a field's
 * text with its NUL takes at most its share of the line and its comma. */
static void
lp_csv_store_plain_fields (LpCsvStore *store,
                           const char *line,
                           const char *end)
{
  gsize text_start = store->text->len, text_end = text_start;
  guint first_field = store->fields->len, n_fields = 0;
  LpCsvField *fields;
  char *text;

  g_string_set_size (store->text, text_start + (gsize) (end - line) + 1);
  g_array_set_size (store->fields, first_field + (guint) (end - line) + 1);
  text = store->text->str;
  fields = &g_array_index (store->fields, LpCsvField, first_field);
  for (const char *field = line;;)
    {
      const char *comma = memchr (field, ',', (gsize) (end - field));
      const char *first = field, *last = comma != NULL ? comma : end;

      while (first < last && lp_csv_is_space (*first))
        first++;
      while (last > first && lp_csv_is_space (last[-1]))
        last--;
      fields[n_fields].offset = text_end;
      fields[n_fields].null = last == first;
      n_fields++;
      memcpy (text + text_end, first, (gsize) (last - first));
      text_end += (gsize) (last - first);
      text[text_end++] = '\0';
      if (comma == NULL)
        break;
      field = comma + 1;
    }
  g_string_truncate (store->text, text_end);
  g_array_set_size (store->fields, first_field + n_fields);
}

/* Most lines of NHS files hold no quotes: such a whole line, met between
 * records, is split at its commas here rather than fed to libcsv byte by
 * byte, giving the same fields as libcsv would (spaces and tabs around a
 * field dropped, an empty field a missing value).  Anything else — a
 * quote, a carriage return other than the line's last byte, a record
 * left open by the line before — is left to libcsv. */
static gboolean
lp_csv_split_plain_line (LpCsvReader *self,
                         const char  *line,
                         gsize        length)
{
  gsize content = length > 0 ? length - 1 : 0;   /* without the newline */
  const char *end, *field;

  if (length == 0 || self->parser.pstate != 0 || self->parser.entry_pos != 0 ||
      memchr (line, '"', length) != NULL)
    return FALSE;
  if (content > 0 && line[content - 1] == '\r')
    content--;
  if (memchr (line, '\r', content) != NULL)
    return FALSE;
  end = line + content;
  for (field = line; field < end && lp_csv_is_space (*field); field++)
    ;
  if (field == end)
    {
      /* A blank line: a record of no fields, which is dropped. */
      lp_csv_on_record ('\n', self);
      return TRUE;
    }
  /* NUL bytes and text that is not UTF-8 are for lp_csv_on_field to deal
   * with, by way of libcsv. */
  if (memchr (line, '\0', content) != NULL || !g_utf8_validate_len (line, content, NULL))
    return FALSE;
  lp_csv_store_plain_fields (self->parsing, line, end);
  lp_csv_on_record ('\n', self);
  return TRUE;
}

/* Feeds the rest of the current line (or of the chunk, for a line longer
 * than a chunk); at the end of the file, finishes. */
gboolean
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
  /* libcsv grows a field's buffer by a fixed block, 128 bytes by default,
   * which copies a 1 MiB field thousands of times.  A block as large as the
   * field so far (and at least a chunk) doubles it instead. */
  csv_set_blk_size (&self->parser, MAX (LP_CSV_CHUNK_BYTES, self->parser.entry_size));
  if (newline != NULL && lp_csv_split_plain_line (self, start, length))
    return TRUE;
  if (csv_parse (&self->parser, start, length, lp_csv_on_field, lp_csv_on_record, self) != length)
    return lp_csv_parse_error (self, error);
  return TRUE;
}

gboolean
lp_csv_damage_error (LpCsvReader  *self,
                     GError      **error)
{
  g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID, "%s, %s", self->path, self->damage);
  return FALSE;
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
  LpCsvStore *store = self->store;

  self->has_current = FALSE;
  if (self->ahead != NULL)
    return lp_csv_ahead_next (self, error);
  for (;;)
    {
      if (store->next < store->records->len)
        {
          const LpCsvRecord *record = &g_array_index (store->records, LpCsvRecord, store->next);

          self->reading = store;
          self->current = store->next++;
          self->current_line = record->line;
          self->has_current = TRUE;
          if (self->damage != NULL)
            return lp_csv_damage_error (self, error);
          return TRUE;
        }
      /* Every record handed out: keep only the one being parsed. */
      lp_csv_store_move_tail (store, self->first_field, store);
      self->first_field = 0;
      if (self->finished || !lp_csv_feed (self, error))
        return FALSE;
    }
}

static const LpCsvRecord *
lp_csv_current (LpCsvReader *self)
{
  if (!self->has_current)
    return NULL;
  return &g_array_index (self->reading->records, LpCsvRecord, self->current);
}

static const LpCsvField *
lp_csv_current_field (LpCsvReader *self,
                      guint        index)
{
  const LpCsvRecord *record = lp_csv_current (self);

  if (record == NULL || index >= record->n_fields)
    return NULL;
  return &g_array_index (self->reading->fields, LpCsvField, record->first + index);
}

guint
lp_csv_reader_get_n_fields (LpCsvReader *self)
{
  const LpCsvRecord *record = lp_csv_current (self);

  return record != NULL ? record->n_fields : 0;
}

const char *
lp_csv_reader_get_field (LpCsvReader *self,
                         guint        index)
{
  const LpCsvField *field = lp_csv_current_field (self, index);

  return field != NULL && !field->null ? self->reading->text->str + field->offset : "";
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
  const LpCsvField *field = lp_csv_current_field (self, index);

  return field == NULL || field->null;
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
  *bytes_read = self->ahead != NULL ? lp_csv_ahead_bytes_read (self) : self->bytes_read;
  *bytes_total = MAX (self->bytes_total, *bytes_read);
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
               _("%s, line %llu, column %s: %s"),
               self->path, (unsigned long long) self->current_line, where, why);
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
  struct sha256_ctx copy;
  guint8 digest[SHA256_DIGEST_SIZE];
  GString *hex = g_string_sized_new (2 * SHA256_DIGEST_SIZE);

  if (self->archive != NULL || !self->finished)
    return g_string_free (hex, TRUE), NULL;
  /* Nettle's digest resets the context: take it from a copy, so that it
   * can be asked for again. */
  copy = self->checksum;
  sha256_digest (&copy, SHA256_DIGEST_SIZE, digest);
  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    g_string_append_printf (hex, "%02x", digest[i]);
  return g_string_free (hex, FALSE);
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
