/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Importing the public NHS files and the app's own CSV.  An import is one
 * transaction: all its rows or none.  The file's kind is detected from its
 * header (or its shape, for files without one); columns are bound by name
 * with aliases, since the layouts drift between releases. */

#include "lp-plan.h"

G_BEGIN_DECLS

typedef enum {
  LP_IMPORT_UNKNOWN,
  LP_IMPORT_GP_REG_TOTALS,        /* gp-reg-pat-prac-all.csv */
  LP_IMPORT_GP_REG_SINGLE_AGE,    /* gp-reg-pat-prac-sing-age-{male,female}.csv */
  LP_IMPORT_GP_REG_QUINARY,       /* gp-reg-pat-prac-quin-age.csv */
  LP_IMPORT_GP_REG_MAP,           /* gp-reg-pat-prac-map.csv */
  LP_IMPORT_WORKFORCE_DETAILED,   /* General Practice – ... Practice Level - Detailed.csv */
  LP_IMPORT_WORKFORCE_HIGH_LEVEL, /* PRAC_CODE,...,STAFF_GROUP,DETAILED_STAFF_ROLE,MEASURE,VALUE */
  LP_IMPORT_ODS_EPRACCUR,         /* epraccur.csv: no header, 27 quoted fields */
  LP_IMPORT_PLAN_TABLE,           /* the app's own CSV of one plan table */
  LP_IMPORT_WEIGHTED_POPULATION,  /* practice code and weighted (PCN adjusted) population */
  LP_IMPORT_PCN_WORKFORCE,        /* Primary Care Networks - June 2024 Individual Level.csv:
                                   * PCN_CODE,...,STAFF_ROLE,FTE */
} LpImportKind;

typedef struct {
  LpImportKind  kind;               /* LP_IMPORT_UNKNOWN: detect */
  gboolean      skip_bad_rows;      /* import the good rows, list the bad */
  gboolean      add_new_practices;  /* add practices the plan does not know */
  const char   *commissioner;       /* epraccur: only this commissioner's (e.g. "06K"); practice
                                     * map: this Sub-ICB location's or ICB's; NULL: all */
  const char   *table;              /* LP_IMPORT_PLAN_TABLE: the table; NULL: from the file name */
  gboolean      dry_run;            /* read and check everything, report, change nothing */
  const char   *as_at;              /* workforce: the snapshot date (YYYY-MM-DD); NULL: from the
                                     * file name ("... June 2024 ..." is 2024-06-30) */
  const char   *localities_from;    /* practice map: "pcn" or "sub_icb" puts each practice that
                                     * has no locality into one named after that grouping */
  const char   *weights_name;       /* weighted population: the name it is chosen by as a base
                                     * ("weighted NAME"); NULL: "PCN adjusted" */
} LpImportOptions;

typedef struct {
  guint64  line;
  char    *column;    /* NULL when the whole row is at fault */
  char    *value;
  char    *reason;    /* what is wrong, without the place: "“12a” is not a whole number..." */
  char    *message;   /* the whole of it: "FILE, line N, column C: ..." */
} LpImportProblem;

typedef struct {
  LpImportKind  kind;
  char         *extract_date;         /* YYYY-MM-DD, when the file has one */
  gboolean      latin1;               /* the file was not UTF-8 and was read as Latin-1 */
  guint64       rows_read;
  guint64       rows_imported;
  guint64       rows_skipped;         /* bad rows, with skip_bad_rows */
  guint         new_practices;        /* added, with add_new_practices */
  guint         unknown_practices;    /* skipped: not in the plan */
  /* epraccur: the practices imported, by status.  Closed and dormant ones
   * are kept for their history but not counted from their close date. */
  guint         active_practices;
  guint         closed_practices;
  guint         dormant_practices;
  guint         proposed_practices;
  GPtrArray    *problems;             /* LpImportProblem, rows rejected */
  GPtrArray    *missing_practices;    /* char *: plan practices the file lacks */
  GPtrArray    *new_practice_codes;   /* char *: the practices added */
  GPtrArray    *unknown_practice_codes; /* char *: the practices skipped */
  GStrv         used_columns;         /* the file's columns the import read */
  char         *localities_made;      /* practice map with localities_from: what it made, in
                                       * words ("3 localities (3 new); 7 practices assigned; …") */
} LpImportReport;

/* The first rows of a file, for a preview: its header (NULL for a file
 * without one) and up to @max_rows rows, each a GStrv. */
typedef struct {
  LpImportKind  kind;
  GStrv         header;
  GPtrArray    *rows;
} LpImportPeek;

/* Called now and then from the importing thread with the rows and bytes
 * read so far and the file's size; return FALSE to cancel. */
typedef gboolean (*LpImportProgressFunc) (guint64  rows_read,
                                          guint64  bytes_read,
                                          guint64  bytes_total,
                                          gpointer user_data);

const char     *lp_import_kind_to_string  (LpImportKind  kind);
LpImportKind    lp_import_kind_from_string (const char   *name);
LpImportKind    lp_import_detect          (const char   *path,
                                           GError      **error);
LpImportReport *lp_plan_import            (LpPlan                 *plan,
                                           const char             *path,
                                           const LpImportOptions  *options,
                                           LpImportProgressFunc    progress,
                                           gpointer                user_data,
                                           GError                **error);
void            lp_import_report_free     (LpImportReport         *report);
LpImportPeek   *lp_import_peek            (const char             *path,
                                           guint                   max_rows,
                                           GError                **error);
void            lp_import_peek_free       (LpImportPeek           *peek);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpImportReport, lp_import_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpImportPeek, lp_import_peek_free)

void            lp_import_set_record_max_bytes (guint max_bytes);

/* The plan's staff role for a role as the PCN workforce publication names
 * it ("Social Prescribing Link Workers"), or NULL if unknown. */
const char     *lp_import_pcn_role        (const char             *published);

G_END_DECLS
