/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A streaming CSV reader on libcsv: one record in memory at a time, fields
 * bound to the header row by name, every record's first line known so that
 * a problem can be reported as file, line and column. */
typedef struct _LpCsvReader LpCsvReader;

/* The longest field accepted; longer ones are an error, not an allocation. */
#define LP_CSV_MAX_FIELD_BYTES (1024 * 1024)

LpCsvReader *lp_csv_reader_open         (const char   *path,
                                         gboolean      has_header,
                                         GError      **error);
void         lp_csv_reader_free         (LpCsvReader  *reader);
gboolean     lp_csv_reader_next         (LpCsvReader  *reader,
                                         GError      **error);
guint        lp_csv_reader_get_n_fields (LpCsvReader  *reader);
const char  *lp_csv_reader_get_field    (LpCsvReader  *reader,
                                         guint         index);
gboolean     lp_csv_reader_field_is_null (LpCsvReader *reader,
                                         guint         index);
guint        lp_csv_reader_get_n_columns (LpCsvReader *reader);
const char  *lp_csv_reader_get_column_name (LpCsvReader *reader,
                                           guint        index);
void         lp_csv_reader_get_progress (LpCsvReader  *reader,
                                         guint64      *bytes_read,
                                         guint64      *bytes_total);
guint64      lp_csv_reader_get_latin1_line (LpCsvReader *reader);
char        *lp_csv_reader_dup_checksum (LpCsvReader  *reader);
void         lp_csv_reader_read_ahead   (LpCsvReader  *reader);
const char  *lp_csv_reader_get_member   (LpCsvReader  *reader);
int          lp_csv_reader_find_column  (LpCsvReader  *reader,
                                         const char   *name);
const char  *lp_csv_reader_get          (LpCsvReader  *reader,
                                         int           column);
guint64      lp_csv_reader_get_line     (LpCsvReader  *reader);
const char  *lp_csv_reader_get_path     (LpCsvReader  *reader);
gboolean     lp_csv_reader_require      (LpCsvReader  *reader,
                                         const char   *name,
                                         int          *column,
                                         GError      **error);
void         lp_csv_reader_set_error    (LpCsvReader  *reader,
                                         GError      **error,
                                         int           column,
                                         const char   *why);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpCsvReader, lp_csv_reader_free)

G_END_DECLS
