/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Core-internal: the import framework (lp-import.c) and the handlers that
 * know each kind of file. */

#include "lp-csv.h"
#include "lp-import.h"
#include "lp-plan-private.h"

G_BEGIN_DECLS

#define LP_IMPORT_MAX_COLUMNS 32

typedef struct _LpImporter LpImporter;

struct _LpImporter
{
  LpPlan                 *plan;
  LpCsvReader            *csv;
  const LpImportOptions  *options;
  LpImportReport         *report;
  char                   *file_name;    /* shown in the report and recorded as the source */
  GHashTable             *practices;    /* ODS code -> gint64 id, as boxed pointer */
  GHashTable             *seen;         /* row keys already imported -> first line */
  GHashTable             *touched;      /* tables written, for "changed" */
  int                     columns[LP_IMPORT_MAX_COLUMNS];
  int                     bad_column;   /* where the last row problem was, or -1 */
  char                   *bad_reason;   /* and what it was */
  /* Rows of an extract come grouped by practice and share one date: the
   * last code and date seen are remembered, to skip the lookups. */
  char                   *last_code;
  gint64                  last_practice;
  char                   *last_date_text;
  gpointer                data;         /* the handler's own state */
  GDestroyNotify          data_free;
};

typedef struct {
  LpImportKind  kind;
  const char   *name;         /* for the CLI's --kind and the report */
  gboolean      has_header;
  gboolean    (*bind)   (LpImporter *importer, GError **error);
  gboolean    (*row)    (LpImporter *importer, GError **error);
  gboolean    (*finish) (LpImporter *importer, GError **error);
  /* Writes a row per practice, however long the file (the age profiles):
   * the import is recorded for undo as an edit is, whatever its size,
   * rather than by a copy of the whole plan taken before it. */
  gboolean      writes_per_practice;
} LpImportHandler;

extern const LpImportHandler lp_import_registrations_handler;
extern const LpImportHandler lp_import_single_age_handler;
extern const LpImportHandler lp_import_quinary_handler;
extern const LpImportHandler lp_import_map_handler;
extern const LpImportHandler lp_import_epraccur_handler;
extern const LpImportHandler lp_import_workforce_detailed_handler;
extern const LpImportHandler lp_import_workforce_high_level_handler;
extern const LpImportHandler lp_import_table_handler;
extern const LpImportHandler lp_import_pcn_workforce_handler;
extern const LpImportHandler lp_import_weighted_population_handler;

/* Whether the header is a weighted population's (lp-import-weighted.c). */
gboolean  lp_import_weighted_header (LpCsvReader         *csv);

/* Binding columns by name, with the aliases NHS files have used. */
int       lp_importer_find      (LpImporter          *importer,
                                 const char * const  *aliases);
gboolean  lp_importer_require   (LpImporter          *importer,
                                 guint                slot,
                                 const char * const  *aliases,
                                 GError             **error);
const char *lp_importer_get     (LpImporter          *importer,
                                 guint                slot);

/* Row problems, located as file, line, column and value. */
gboolean  lp_importer_bad_value (LpImporter          *importer,
                                 guint                slot,
                                 const char          *why,
                                 GError             **error);
gboolean  lp_importer_bad_row   (LpImporter          *importer,
                                 const char          *why,
                                 GError             **error);

gint64    lp_importer_practice  (LpImporter          *importer,
                                 guint                code_slot,
                                 const char          *name,
                                 GError             **error);
gboolean  lp_importer_first_time (LpImporter         *importer,
                                  const char         *key,
                                  guint               slot,
                                  GError            **error);
gboolean  lp_importer_count     (LpImporter          *importer,
                                 guint                slot,
                                 gint64              *count,
                                 GError             **error);
gboolean  lp_importer_extract_date (LpImporter       *importer,
                                    guint             slot,
                                    GError          **error);
gboolean  lp_importer_run       (LpImporter          *importer,
                                 sqlite3_stmt        *stmt,
                                 const char          *table,
                                 GError             **error);
void      lp_importer_report_missing_practices (LpImporter *importer);
gboolean  lp_importer_load_practices (LpImporter *importer,
                                      GError    **error);

char     *lp_import_parse_extract_date (const char   *text);
/* The last day of the month a file's name gives ("... June 2024 ..."), or
 * NULL. */
char     *lp_import_date_from_month_name (const char *file_name);

G_END_DECLS
