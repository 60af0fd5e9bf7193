/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A table of text, written either aligned for a terminal or as RFC 4180
 * CSV for a spreadsheet (by core's writer, lp-csv-writer.h).  Cells are added row by row, left to right; a new
 * row starts when the last column has been filled. */

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LP_CLI_OUTPUT_HUMAN,
  LP_CLI_OUTPUT_CSV,
} LpCliOutput;

typedef enum {
  LP_CLI_COLUMN_TEXT,    /* left-aligned; guarded against formulas in CSV */
  LP_CLI_COLUMN_NUMBER,  /* right-aligned; a raw number in CSV */
} LpCliColumnKind;

typedef struct _LpCliTable LpCliTable;

LpCliTable *lp_cli_table_new        (LpCliOutput      output);
void        lp_cli_table_free       (LpCliTable      *self);
LpCliOutput lp_cli_table_get_output (LpCliTable      *self);
void        lp_cli_table_add_column (LpCliTable      *self,
                                     const char      *title,
                                     LpCliColumnKind  kind);
void        lp_cli_table_add_text   (LpCliTable      *self,
                                     const char      *text);
void        lp_cli_table_add_count  (LpCliTable      *self,
                                     gint64           value);
void        lp_cli_table_add_pounds (LpCliTable      *self,
                                     gint64           pounds);
void        lp_cli_table_add_date   (LpCliTable      *self,
                                     const char      *iso_date);
void        lp_cli_table_add_tenths (LpCliTable      *self,
                                     double           value);
void        lp_cli_table_add_optional_tenths (LpCliTable *self,
                                               gboolean    known,
                                               double      value);
char       *lp_cli_table_to_string  (LpCliTable      *self);

gsize       lp_cli_display_width    (const char      *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpCliTable, lp_cli_table_free)

G_END_DECLS
