/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import framework: detect the file's kind, bind its columns, feed
 * every row to the kind's handler inside one transaction, and report what
 * happened.  A failed import leaves the plan as it was. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lp-history.h"
#include "lp-import-private.h"
#include "lp-validate.h"

static const LpImportHandler * const handlers[] = {
  &lp_import_registrations_handler,
  &lp_import_single_age_handler,
  &lp_import_quinary_handler,
  &lp_import_map_handler,
  &lp_import_epraccur_handler,
  &lp_import_workforce_detailed_handler,
  &lp_import_workforce_high_level_handler,
  &lp_import_table_handler,
  &lp_import_weighted_population_handler,
  &lp_import_pcn_workforce_handler,
};

#define LP_IMPORT_PROGRESS_EVERY 4096

static const LpImportHandler *
lp_import_handler_for (LpImportKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
    if (handlers[i]->kind == kind)
      return handlers[i];
  return NULL;
}

const char *
lp_import_kind_to_string (LpImportKind kind)
{
  const LpImportHandler *handler = lp_import_handler_for (kind);

  return handler != NULL ? handler->name : "unknown";
}

LpImportKind
lp_import_kind_from_string (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
    if (g_strcmp0 (handlers[i]->name, name) == 0)
      return handlers[i]->kind;
  return LP_IMPORT_UNKNOWN;
}

void
lp_import_report_free (LpImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->extract_date);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_clear_pointer (&report->missing_practices, g_ptr_array_unref);
  g_clear_pointer (&report->new_practice_codes, g_ptr_array_unref);
  g_clear_pointer (&report->unknown_practice_codes, g_ptr_array_unref);
  g_strfreev (report->used_columns);
  g_free (report->localities_made);
  g_free (report);
}

static void
lp_import_problem_free (gpointer data)
{
  LpImportProblem *problem = data;

  g_free (problem->column);
  g_free (problem->value);
  g_free (problem->reason);
  g_free (problem->message);
  g_free (problem);
}

static LpImportReport *
lp_import_report_new (LpImportKind kind)
{
  LpImportReport *report = g_new0 (LpImportReport, 1);

  report->kind = kind;
  report->problems = g_ptr_array_new_with_free_func (lp_import_problem_free);
  report->missing_practices = g_ptr_array_new_with_free_func (g_free);
  report->new_practice_codes = g_ptr_array_new_with_free_func (g_free);
  report->unknown_practice_codes = g_ptr_array_new_with_free_func (g_free);
  return report;
}

/* Which kind a header row (or, for epraccur, a first row) belongs to. */
static LpImportKind
lp_import_kind_of_header (LpCsvReader *csv)
{
  gboolean has_total_fte = FALSE;

  for (guint i = 0; i < lp_csv_reader_get_n_columns (csv); i++)
    {
      const char *name = lp_csv_reader_get_column_name (csv, i);
      if (g_str_has_prefix (name, "TOTAL_") && g_str_has_suffix (name, "_FTE"))
        has_total_fte = TRUE;
    }
  if (has_total_fte)
    return LP_IMPORT_WORKFORCE_DETAILED;
  /* The PCN workforce file is by PCN and role, with no practice column
   * (its role-level tables can also have MEASURE and VALUE). */
  if (lp_csv_reader_find_column (csv, "PCN_CODE") >= 0 && lp_csv_reader_find_column (csv, "PRAC_CODE") < 0 &&
      lp_csv_reader_find_column (csv, "PRACTICE_CODE") < 0 &&
      (lp_csv_reader_find_column (csv, "STAFF_ROLE") >= 0 || lp_csv_reader_find_column (csv, "DETAILED_STAFF_ROLE") >= 0))
    return LP_IMPORT_PCN_WORKFORCE;
  if (lp_csv_reader_find_column (csv, "STAFF_GROUP") >= 0 && lp_csv_reader_find_column (csv, "MEASURE") >= 0)
    return LP_IMPORT_WORKFORCE_HIGH_LEVEL;
  if (lp_import_weighted_header (csv))
    return LP_IMPORT_WEIGHTED_POPULATION;
  if (lp_csv_reader_find_column (csv, "AGE_GROUP_5") >= 0)
    return LP_IMPORT_GP_REG_QUINARY;
  if (lp_csv_reader_find_column (csv, "PCN_CODE") >= 0 && lp_csv_reader_find_column (csv, "PRACTICE_NAME") >= 0)
    return LP_IMPORT_GP_REG_MAP;
  /* A count file, even one whose count column is missing (so that the
   * import can say which column is missing rather than "unknown file"). */
  if (lp_csv_reader_find_column (csv, "NUMBER_OF_PATIENTS") >= 0 ||
      lp_csv_reader_find_column (csv, "Number of Patients") >= 0 ||
      (lp_csv_reader_find_column (csv, "EXTRACT_DATE") >= 0 && lp_csv_reader_find_column (csv, "AGE") >= 0))
    return lp_csv_reader_find_column (csv, "ORG_CODE") >= 0 ? LP_IMPORT_GP_REG_SINGLE_AGE
                                                           : LP_IMPORT_GP_REG_TOTALS;
  if (lp_csv_reader_get_n_columns (csv) == 27)
    return LP_IMPORT_ODS_EPRACCUR;
  return LP_IMPORT_UNKNOWN;
}

/**
 * lp_import_detect:
 *
 * Tells the kind of an NHS file from its first line.  The app's own table
 * CSV is told apart by lp_plan_import(), which knows the plan's tables.
 */
LpImportKind
lp_import_detect (const char  *path,
                  GError     **error)
{
  g_autoptr(LpCsvReader) csv = lp_csv_reader_open (path, TRUE, error);
  LpImportKind kind;

  if (csv == NULL)
    return LP_IMPORT_UNKNOWN;
  kind = lp_import_kind_of_header (csv);
  if (kind == LP_IMPORT_UNKNOWN)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                 _("%s: this is not a file Locality Planner can import: its first line names "
                   "none of the columns of the NHS files it knows"), path);
  return kind;
}

static void
lp_importer_clear (LpImporter *importer)
{
  if (importer->data_free != NULL)
    importer->data_free (importer->data);
  g_clear_pointer (&importer->csv, lp_csv_reader_free);
  g_clear_pointer (&importer->practices, g_hash_table_unref);
  g_clear_pointer (&importer->seen, g_hash_table_unref);
  g_clear_pointer (&importer->touched, g_hash_table_unref);
  g_clear_pointer (&importer->file_name, g_free);
  g_clear_pointer (&importer->bad_reason, g_free);
  g_clear_pointer (&importer->last_code, g_free);
  g_clear_pointer (&importer->last_date_text, g_free);
}

/* Keeps a rejected row in the report (with "skip bad rows"). */
static void
lp_importer_keep_problem (LpImporter *importer,
                          GError     *error)
{
  LpImportProblem *problem = g_new0 (LpImportProblem, 1);
  int column = importer->bad_column;

  problem->line = lp_csv_reader_get_line (importer->csv);
  if (column >= 0)
    {
      problem->column = g_strdup (lp_csv_reader_get_column_name (importer->csv, (guint) column));
      problem->value = g_strdup (lp_csv_reader_get (importer->csv, column));
    }
  problem->message = g_strdup (error->message);
  problem->reason = g_strdup (importer->bad_reason != NULL ? importer->bad_reason : error->message);
  g_ptr_array_add (importer->report->problems, problem);
  importer->report->rows_skipped++;
}

static gboolean
lp_importer_progress (LpImporter           *importer,
                      LpImportProgressFunc  progress,
                      gpointer              user_data,
                      GError              **error)
{
  guint64 done, total;

  if (progress == NULL)
    return TRUE;
  lp_csv_reader_get_progress (importer->csv, &done, &total);
  if (progress (importer->report->rows_read, done, total, user_data))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
               _("The import was cancelled; the plan is unchanged"));
  return FALSE;
}

/* A row whose fields do not line up with the header would put values
 * under the wrong names. */
static void
lp_importer_wrong_width (LpImporter  *importer,
                         GError     **error)
{
  g_autofree char *why = g_strdup_printf (_("has %u fields where the header has %u"),
                                          lp_csv_reader_get_n_fields (importer->csv),
                                          lp_csv_reader_get_n_columns (importer->csv));

  lp_importer_bad_row (importer, why, error);
}

static gboolean
lp_importer_row (LpImporter             *importer,
                 const LpImportHandler  *handler,
                 GError                **error)
{
  if (handler->has_header && handler != &lp_import_table_handler &&
      lp_csv_reader_get_n_fields (importer->csv) != lp_csv_reader_get_n_columns (importer->csv))
    {
      lp_importer_wrong_width (importer, error);
      return FALSE;
    }
  return handler->row (importer, error);
}

static gboolean
lp_importer_rows (LpImporter            *importer,
                  const LpImportHandler *handler,
                  LpImportProgressFunc   progress,
                  gpointer               user_data,
                  GError               **error)
{
  GError *row_error = NULL;

  while (lp_csv_reader_next (importer->csv, error))
    {
      importer->report->rows_read++;
      importer->bad_column = -1;
      g_clear_pointer (&importer->bad_reason, g_free);
      if (lp_importer_row (importer, handler, &row_error))
        importer->report->rows_imported++;
      else if (row_error == NULL)
        ;   /* a row the kind leaves out (another organisation level, an unknown practice) */
      else if (importer->options->skip_bad_rows)
        {
          lp_importer_keep_problem (importer, row_error);
          g_clear_error (&row_error);
        }
      else
        return g_propagate_error (error, row_error), FALSE;
      if (importer->report->rows_read % LP_IMPORT_PROGRESS_EVERY == 0 &&
          !lp_importer_progress (importer, progress, user_data, error))
        return FALSE;
    }
  if (error != NULL && *error != NULL)
    return FALSE;
  /* An empty plan table exports as its header alone; an NHS file with no
   * rows is a broken download. */
  if (importer->report->rows_read == 0 && handler != &lp_import_table_handler)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        handler->has_header ? _("%s has a header but no rows to import")
                                            : _("%s is empty: it has no rows to import"),
                        lp_csv_reader_get_path (importer->csv)), FALSE;
  return lp_importer_progress (importer, progress, user_data, error);
}

static gboolean
lp_importer_log (LpImporter  *importer,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *sha256 = lp_csv_reader_dup_checksum (importer->csv);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format_iso8601 (now);
  sqlite3_stmt *stmt;

  if (sha256 == NULL)
    {
      g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
      sha256 = file == NULL ? g_strdup ("")
               : g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                              (const guchar *) g_mapped_file_get_contents (file),
                                              g_mapped_file_get_length (file));
    }
  stmt = lp_plan_prepare (importer->plan,
      "INSERT INTO import_log (id, kind, file_name, file_sha256, file_date, rows, imported_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, lp_id_new ());
  sqlite3_bind_text (stmt, 2, lp_import_kind_to_string (importer->report->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, importer->file_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, sha256, -1, SQLITE_TRANSIENT);
  lp_stmt_bind_text (stmt, 5, importer->report->extract_date);
  sqlite3_bind_int64 (stmt, 6, (gint64) importer->report->rows_imported);
  sqlite3_bind_text (stmt, 7, when, -1, SQLITE_TRANSIENT);
  return lp_importer_run (importer, stmt, "import_log", error);
}

/* Picks the handler: the kind asked for, else the one the header shows,
 * else the app's own CSV of a plan table. */
static const LpImportHandler *
lp_import_choose (const char             *path,
                  const LpImportOptions  *options,
                  GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  LpImportKind kind = options->kind;

  if (kind == LP_IMPORT_UNKNOWN)
    kind = lp_import_detect (path, &local_error);
  if (kind == LP_IMPORT_UNKNOWN && g_error_matches (local_error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID) &&
      strstr (local_error->message, _("names none of the columns")) != NULL)
    kind = LP_IMPORT_PLAN_TABLE;   /* the table handler checks the header itself */
  if (kind == LP_IMPORT_UNKNOWN)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (lp_import_handler_for (kind) == NULL)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                 _("%s: importing %s files is not supported yet"), path, lp_import_kind_to_string (kind));
  return lp_import_handler_for (kind);
}

static gboolean
lp_importer_start (LpImporter             *importer,
                   LpPlan                 *plan,
                   const char             *path,
                   const LpImportHandler  *handler,
                   GError                **error)
{
  importer->plan = plan;
  importer->file_name = g_path_get_basename (path);
  importer->practices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  importer->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  importer->touched = g_hash_table_new (g_str_hash, g_str_equal);
  importer->report = lp_import_report_new (handler->kind);
  importer->csv = lp_csv_reader_open (path, handler->has_header, error);
  if (importer->csv == NULL || !lp_importer_load_practices (importer, error) ||
      !handler->bind (importer, error))
    return FALSE;
  /* Parsing the file on a second core while this one writes the rows. */
  lp_csv_reader_read_ahead (importer->csv);
  return TRUE;
}

/* Files up to this size are recorded for undo row by row; the changes of
 * a larger one (a million rows of age profiles) would not fit in memory. */
#define LP_IMPORT_RECORD_MAX_BYTES (8 * 1024 * 1024)

/* Read on the import's worker thread, set on any other. */
static gint lp_import_record_max_bytes = LP_IMPORT_RECORD_MAX_BYTES;

/**
 * lp_import_set_record_max_bytes:
 * @max_bytes: the largest file recorded row by row, or 0 for the usual
 *   8 MiB
 *
 * For tests: a small limit makes a small file's import undo by a copy of
 * the plan, as a large one's does, without writing 8 MiB first.
 */
void
lp_import_set_record_max_bytes (guint max_bytes)
{
  g_return_if_fail (max_bytes <= G_MAXINT);
  g_atomic_int_set (&lp_import_record_max_bytes, max_bytes != 0 ? (gint) max_bytes : LP_IMPORT_RECORD_MAX_BYTES);
}

static gboolean
lp_import_small_enough_to_record (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size <= g_atomic_int_get (&lp_import_record_max_bytes);
}

static void
lp_import_forget_copy (char **path)
{
  if (*path != NULL)
    g_unlink (*path);
  g_clear_pointer (path, g_free);
}

static gboolean
lp_importer_import (LpImporter             *importer,
                    const char             *path,
                    const LpImportHandler  *handler,
                    LpImportProgressFunc    progress,
                    gpointer                user_data,
                    GError                **error)
{
  gboolean dry_run = importer->options->dry_run;
  g_autofree char *label = g_strdup_printf (_("Import %s"), importer->file_name);
  g_autofree char *before = NULL;
  gboolean recorded = !dry_run && (handler->writes_per_practice || lp_import_small_enough_to_record (path));
  gboolean begun;

  /* An import is one undo step: row by row, as an edit is, when the file
   * is small enough or writes little whatever its size; otherwise as the
   * copy of the plan taken before it, whose cost grows with the plan. */
  if (!dry_run && !recorded && (before = lp_plan_take_copy (importer->plan, error)) == NULL)
    return FALSE;
  begun = recorded ? lp_plan_begin_write (importer->plan, error)
                   : lp_plan_begin_untracked_write (importer->plan, error);
  if (!begun)
    return lp_import_forget_copy (&before), FALSE;
  if (!lp_importer_rows (importer, handler, progress, user_data, error) ||
      (handler->finish != NULL && !handler->finish (importer, error)) ||
      !lp_importer_log (importer, path, error))
    {
      lp_plan_rollback (importer->plan);
      return lp_import_forget_copy (&before), FALSE;
    }
  if (dry_run)
    {
      /* Everything was read, checked and written; none of it is kept. */
      lp_plan_rollback (importer->plan);
      g_hash_table_remove_all (importer->touched);
      return TRUE;
    }
  lp_plan_set_step_label (importer->plan, label);
  if (!lp_plan_commit (importer->plan, error))
    {
      lp_plan_set_step_label (importer->plan, NULL);
      return lp_import_forget_copy (&before), FALSE;
    }
  lp_plan_set_step_label (importer->plan, NULL);
  if (before != NULL)
    {
      lp_history_push_copy (lp_plan_get_history (importer->plan), g_steal_pointer (&before), label);
      lp_plan_notify_history (importer->plan);
    }
  return TRUE;
}

static GStrv
lp_importer_used_columns (LpImporter *importer)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) added = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint slot = 0; slot < LP_IMPORT_MAX_COLUMNS; slot++)
    {
      int column = importer->columns[slot];
      const char *name;

      if (column < 0)
        continue;
      name = lp_csv_reader_get_n_columns (importer->csv) > 0
        ? lp_csv_reader_get_column_name (importer->csv, (guint) column) : NULL;
      if (name != NULL && g_hash_table_add (added, (gpointer) name))
        g_strv_builder_add (builder, name);
    }
  return g_strv_builder_end (builder);
}

static void
lp_importer_emit_changes (LpImporter *importer)
{
  GHashTableIter iter;
  gpointer table;

  g_hash_table_iter_init (&iter, importer->touched);
  while (g_hash_table_iter_next (&iter, &table, NULL))
    lp_plan_emit_changed (importer->plan, table);
}

/**
 * lp_plan_import:
 * @progress: (nullable): told of progress now and then; may cancel
 *
 * Imports @path into @plan in one transaction.  On any failure (or a
 * cancel) nothing is changed and %NULL is returned with @error set; with
 * skip_bad_rows the bad rows are listed in the report instead.
 *
 * Returns: (transfer full): what was imported
 */
LpImportReport *
lp_plan_import (LpPlan                 *plan,
                const char             *path,
                const LpImportOptions  *options,
                LpImportProgressFunc    progress,
                gpointer                user_data,
                GError                **error)
{
  LpImporter importer = { .options = options, .bad_column = -1 };
  const LpImportHandler *handler;
  LpImportReport *report = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (path != NULL && options != NULL, NULL);

  for (guint slot = 0; slot < LP_IMPORT_MAX_COLUMNS; slot++)
    importer.columns[slot] = -1;

  handler = lp_import_choose (path, options, error);
  if (handler != NULL && lp_importer_start (&importer, plan, path, handler, error) &&
      lp_importer_import (&importer, path, handler, progress, user_data, error))
    {
      importer.report->latin1 = lp_csv_reader_get_latin1_line (importer.csv) != 0;
      importer.report->used_columns = lp_importer_used_columns (&importer);
      report = g_steal_pointer (&importer.report);
      lp_importer_emit_changes (&importer);
    }
  lp_import_report_free (importer.report);
  lp_importer_clear (&importer);
  return report;
}

void
lp_import_peek_free (LpImportPeek *peek)
{
  if (peek == NULL)
    return;
  g_strfreev (peek->header);
  g_clear_pointer (&peek->rows, g_ptr_array_unref);
  g_free (peek);
}

static GStrv
lp_import_peek_record (LpCsvReader *csv,
                       gboolean     header)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = header ? lp_csv_reader_get_n_columns (csv) : lp_csv_reader_get_n_fields (csv);

  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, header ? lp_csv_reader_get_column_name (csv, i)
                                        : lp_csv_reader_get_field (csv, i));
  return g_strv_builder_end (builder);
}

/**
 * lp_import_peek:
 *
 * Reads the kind, the header and the first @max_rows rows of a file, for
 * the import dialog's preview.  The app's own table CSV shows as
 * %LP_IMPORT_PLAN_TABLE.
 *
 * Returns: (transfer full): the first rows, or %NULL with @error set
 */
LpImportPeek *
lp_import_peek (const char  *path,
                guint        max_rows,
                GError     **error)
{
  g_autoptr(LpImportPeek) peek = g_new0 (LpImportPeek, 1);
  g_autoptr(LpCsvReader) csv = NULL;
  g_autoptr(GError) local_error = NULL;

  peek->kind = lp_import_detect (path, &local_error);
  if (peek->kind == LP_IMPORT_UNKNOWN && local_error != NULL &&
      strstr (local_error->message, _("names none of the columns")) != NULL)
    peek->kind = LP_IMPORT_PLAN_TABLE;
  else if (peek->kind == LP_IMPORT_UNKNOWN)
    return g_propagate_error (error, g_steal_pointer (&local_error)), NULL;
  csv = lp_csv_reader_open (path, peek->kind != LP_IMPORT_ODS_EPRACCUR, error);
  if (csv == NULL)
    return NULL;
  if (peek->kind != LP_IMPORT_ODS_EPRACCUR)
    peek->header = lp_import_peek_record (csv, TRUE);
  peek->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  while (peek->rows->len < max_rows && lp_csv_reader_next (csv, error))
    g_ptr_array_add (peek->rows, lp_import_peek_record (csv, FALSE));
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&peek);
}
