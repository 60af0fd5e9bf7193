/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-check.h"

G_BEGIN_DECLS

/* What a repair did with one row that broke a rule. */
typedef enum {
  LP_REPAIR_CLEARED,   /* the bad value was cleared; the row was kept */
  LP_REPAIR_LEFT_OUT,  /* the row was left out of the copy */
  LP_REPAIR_REBUILT,   /* a table, index or view the file had lost or
                        * changed was made again as this version makes it;
                        * no row was changed */
} LpRepairAction;

/**
 * LpRepairStep:
 * @action: what was done
 * @table: the table of the row, as named in the file
 * @row: the row in words, as check names it
 * @column: (nullable): the column at fault
 * @value: (nullable): the value as stored, as SQL's quote() writes it
 * @reason: the rule the row broke, in check's words
 * @message: the whole decision in one sentence, as the report and the
 *   copy's import log write it
 * @key: (nullable): the row's key as check gives it (LpProblem.key), to
 *   find the row again in the source; NULL for a rebuilt table
 */
typedef struct {
  LpRepairAction  action;
  char           *table;
  char           *row;
  char           *column;
  char           *value;
  char           *reason;
  char           *message;
  char           *key;
} LpRepairStep;

/* Rows per table: how many the damaged file held (as far as they could be
 * read) and how many of them the copy keeps; for a recovered file, how
 * many rows a new plan starts with (staff roles, points of delivery, a
 * base scenario) were put back because the file's could not be read,
 * which rows_kept does not count. */
typedef struct {
  char   *table;
  gint64  rows_read;
  gint64  rows_kept;
  gint64  rows_added;
} LpRepairTable;

/**
 * LpRepairReport:
 * @source_path: the damaged plan, which a repair never changes
 * @copy_path: the repaired copy
 * @recovered: %TRUE when SQLite found the file itself damaged and its rows
 *   were read out page by page; %FALSE when the file was sound and only
 *   its rows broke rules
 * @problems: (element-type LpProblem): what check found in the source
 * @steps: (element-type LpRepairStep): every decision, in the order taken
 * @tables: (element-type LpRepairTable): the plan's tables in the schema's
 *   order; rows_kept counts the rows kept from the source, not the repair's
 *   own record in the import log
 * @repaired_at: when the copy was written
 * @rows_unplaced: rows read off pages of a recovered file whose table
 *   could not be told (their table's schema row lost, and their columns
 *   fitting several tables): not in the copy
 */
typedef struct {
  char      *source_path;
  char      *copy_path;
  gboolean   recovered;
  GPtrArray *problems;
  GPtrArray *steps;
  GPtrArray *tables;
  GDateTime *repaired_at;
  gint64     rows_unplaced;
} LpRepairReport;

LpRepairReport *lp_plan_repair_file       (const char            *path,
                                           const char            *copy_path,
                                           GCancellable          *cancellable,
                                           GError               **error);
char           *lp_repair_report_to_text  (const LpRepairReport  *report);
void            lp_repair_report_free     (LpRepairReport        *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpRepairReport, lp_repair_report_free)

G_END_DECLS
