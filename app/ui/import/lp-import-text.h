/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The import dialog's wording, apart from its widgets so that a test can
 * check every sentence without a display. */

#include "lp-core.h"

G_BEGIN_DECLS

/* One line of the summary after an import: "Rows read" → "6,612". */
typedef struct {
  char *label;
  char *value;
} LpImportFact;

const char *lp_import_text_kind             (LpImportKind             kind);
gboolean    lp_import_text_offers_add       (LpImportKind             kind);
gboolean    lp_import_text_adds_by_default  (LpImportKind             kind);
gboolean    lp_import_text_has_commissioners (LpImportKind            kind);
char       *lp_import_text_add_all          (guint                    practices);
GStrv       lp_import_text_outcome          (const LpImportReport    *report,
                                             guint                    plan_practices);
char       *lp_import_text_statuses         (const LpImportReport    *report);
char       *lp_import_text_imported         (const LpImportReport    *report,
                                             const char              *file_name);
GPtrArray  *lp_import_text_facts            (const LpImportReport    *report,
                                             const LpImportOptions   *options);
char       *lp_import_text_problem_title    (const LpImportProblem   *problem);
char       *lp_import_text_cell             (const char              *value);
char       *lp_import_text_more_problems    (guint                    more);
char       *lp_import_text_columns_note     (const char * const      *header,
                                             const char * const      *used_columns,
                                             guint                    shown,
                                             guint                    total);
double      lp_import_text_fraction         (guint64                  bytes_read,
                                             guint64                  bytes_total);
char       *lp_import_text_progress         (guint64                  rows_read,
                                             guint64                  bytes_read,
                                             guint64                  bytes_total);
const char *lp_import_text_unchanged        (void);

G_END_DECLS
