/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Core-internal: the CSV reader's state, shared by lp-csv.c (parsing) and
 * lp-csv-ahead.c (parsing on a second thread while the rows are used). */

#include <csv.h>
#include <stdio.h>
#include <archive.h>
#include <nettle/sha2.h>

#include "lp-csv.h"

G_BEGIN_DECLS

typedef struct _LpCsvAhead LpCsvAhead;

/* Parsed records, kept together: the text of every field (each ending in
 * NUL) in one buffer, so that a record costs no allocation of its own and
 * the buffers are reused from one batch of records to the next. */
typedef struct {
  gsize    offset;  /* into text */
  gboolean null;    /* an empty, unquoted field: a missing value */
} LpCsvField;

typedef struct {
  guint    first;     /* its first field in fields */
  guint    n_fields;
  guint64  line;      /* the line it starts on */
} LpCsvRecord;

typedef struct {
  GString *text;
  GArray  *fields;    /* of LpCsvField */
  GArray  *records;   /* of LpCsvRecord */
  guint    next;      /* the next record to hand out */
} LpCsvStore;

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
  struct sha256_ctx  checksum;    /* SHA-256 of the bytes read from a plain file (Nettle's
                                   * uses the processor's SHA instructions: GLib's took
                                   * half a second of an 87 MB import) */
  char              *chunk;       /* LP_CSV_CHUNK_BYTES read from the file */
  gsize              chunk_length;
  gsize              chunk_pos;
  gboolean           in_line;     /* the last byte fed was not a newline */
  LpCsvStore        *parsing;     /* where the parser's callbacks write */
  LpCsvStore        *store;       /* the reader's own, without read-ahead */
  guint              first_field; /* in parsing: the record being parsed */
  LpCsvStore        *reading;     /* holds the current record */
  guint              current;     /* its index in reading->records */
  gboolean           has_current;
  GPtrArray         *header;      /* of char *, owned */
  guint64            line_number; /* of the physical line last fed */
  guint64            record_start;
  guint64            current_line;
  gboolean           at_start;
  gboolean           finished;
  LpCsvAhead        *ahead;       /* parsing on a second thread, once started */
};

/* lp-csv.c */
gboolean    lp_csv_feed            (LpCsvReader  *self,
                                    GError      **error);
gboolean    lp_csv_damage_error    (LpCsvReader  *self,
                                    GError      **error);
LpCsvStore *lp_csv_store_new       (void);
void        lp_csv_store_free      (LpCsvStore   *store);
void        lp_csv_store_move_tail (LpCsvStore   *from,
                                    guint         first_field,
                                    LpCsvStore   *to);

/* lp-csv-ahead.c */
gboolean lp_csv_ahead_next       (LpCsvReader  *self,
                                  GError      **error);
void     lp_csv_ahead_stop       (LpCsvReader  *self);
guint64  lp_csv_ahead_bytes_read (LpCsvReader  *self);

/* lp-csv-sniff.c */
const char *lp_csv_sniff_not_csv (const unsigned char *magic,
                                  gsize                n);

G_END_DECLS
