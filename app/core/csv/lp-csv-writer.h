/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The one CSV writer of the app (exports and the CLI's `list --csv`):
 * RFC 4180 with CRLF record ends, UTF-8.
 *
 * - A field is quoted when it holds a comma, a quote, CR or LF, has
 *   leading or trailing spaces, or is the empty string; SQL NULL is an
 *   empty unquoted field, so a reader (libcsv with CSV_EMPTY_IS_NULL) can
 *   tell NULL from "".
 * - Numbers are never quoted nor neutralised; REALs are written with the
 *   fewest digits that read back (g_ascii_strtod) as the same double, and
 *   always with a '.' or an exponent, so that "3.0" stays a REAL.
 * - A text value that a spreadsheet would run as a formula (it begins with
 *   = + - @, TAB or CR) or that begins with ' gets one ' in front.  A
 *   reader restores the value exactly by removing one leading ' when the
 *   next character is one of = + - @ ' TAB CR. */

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  LP_CSV_WRITER_DEFAULT = 0,
  LP_CSV_WRITER_BOM     = 1 << 0,  /* a UTF-8 BOM first, for Excel */
} LpCsvWriterFlags;

typedef enum {
  LP_CSV_FIELD_TEXT,    /* guarded against formulas */
  LP_CSV_FIELD_NUMBER,  /* already a number's text: written as it is */
} LpCsvFieldKind;

typedef struct _LpCsvWriter LpCsvWriter;

LpCsvWriter *lp_csv_writer_new          (GOutputStream     *stream,
                                         LpCsvWriterFlags   flags);
void         lp_csv_writer_free         (LpCsvWriter       *self);
void         lp_csv_writer_add_null     (LpCsvWriter       *self);
void         lp_csv_writer_add_text     (LpCsvWriter       *self,
                                         const char        *text);
void         lp_csv_writer_add_field    (LpCsvWriter       *self,
                                         const char        *value,
                                         LpCsvFieldKind     kind);
void         lp_csv_writer_add_int      (LpCsvWriter       *self,
                                         gint64             value);
void         lp_csv_writer_add_double   (LpCsvWriter       *self,
                                         double             value);
/* Every digit, in the shortest form that reads back to the same double
 * ("44.748293333333336", "20"), as lp_format_shortest() writes it. */
void         lp_csv_writer_add_shortest (LpCsvWriter       *self,
                                         double             value);
gboolean     lp_csv_writer_end_record   (LpCsvWriter       *self,
                                         GError           **error);
gboolean     lp_csv_writer_flush        (LpCsvWriter       *self,
                                         GError           **error);
char        *lp_csv_writer_steal_text   (LpCsvWriter       *self);

char        *lp_csv_escape              (const char        *value,
                                         LpCsvFieldKind     kind);
char        *lp_csv_format_double       (double             value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpCsvWriter, lp_csv_writer_free)

G_END_DECLS
