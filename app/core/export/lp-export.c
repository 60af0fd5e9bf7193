/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lp_plan_export(): which name, which format, and a file that is either
 * complete or not there at all. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lp-csv-writer.h"
#include "lp-export-private.h"
#include "lp-plan-private.h"

typedef enum {
  FORMAT_CSV,
  FORMAT_XLSX,
} ExportFormat;

/* The CSV sink: one sheet, the app's own CSV. */
typedef struct {
  LpExportSink  sink;
  LpCsvWriter  *writer;
  const char   *display_path;
  guint         n_columns;
  GArray       *kinds;   /* LpExportColumnKind of each column */
} CsvSink;

static gboolean
csv_io_error (CsvSink  *self,
              GError   *cause,
              GError  **error)
{
  g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO, _("Could not write “%s”: %s"),
               self->display_path, cause->message);
  g_error_free (cause);
  return FALSE;
}

static gboolean
csv_end_record (CsvSink  *self,
                GError  **error)
{
  GError *local_error = NULL;

  if (!lp_csv_writer_end_record (self->writer, &local_error))
    return csv_io_error (self, local_error, error);
  return TRUE;
}

static gboolean
csv_begin_sheet (LpExportSink          *sink,
                 const char            *name,
                 const LpExportColumn  *columns,
                 guint                  n_columns,
                 GError               **error)
{
  CsvSink *self = (CsvSink *) sink;

  self->n_columns = n_columns;
  g_array_set_size (self->kinds, 0);
  for (guint i = 0; i < n_columns; i++)
    {
      g_array_append_val (self->kinds, columns[i].kind);
      lp_csv_writer_add_text (self->writer, columns[i].title);
    }
  return csv_end_record (self, error);
}

/* Every column kind is written as its value: raw numbers and ISO dates
 * are what a program or another spreadsheet reads without guessing.  A
 * modelled figure is written as the view shows it, to one decimal place. */
static gboolean
csv_write_row (LpExportSink         *sink,
               const LpExportValue  *values,
               GError              **error)
{
  CsvSink *self = (CsvSink *) sink;

  for (guint i = 0; i < self->n_columns; i++)
    switch (values[i].type)
      {
      case LP_EXPORT_VALUE_INT:
        lp_csv_writer_add_int (self->writer, values[i].i);
        break;
      case LP_EXPORT_VALUE_REAL:
        if (g_array_index (self->kinds, LpExportColumnKind, i) == LP_EXPORT_COLUMN_MODELLED)
          lp_csv_writer_add_shortest (self->writer, values[i].d);
        else
          lp_csv_writer_add_double (self->writer, values[i].d);
        break;
      case LP_EXPORT_VALUE_TEXT:
        lp_csv_writer_add_text (self->writer, values[i].text);
        break;
      case LP_EXPORT_VALUE_NULL:
      default:
        lp_csv_writer_add_null (self->writer);
        break;
      }
  return csv_end_record (self, error);
}

static gboolean
csv_end_sheet (LpExportSink  *sink,
               GError       **error)
{
  CsvSink *self = (CsvSink *) sink;
  GError *local_error = NULL;

  if (!lp_csv_writer_flush (self->writer, &local_error))
    return csv_io_error (self, local_error, error);
  return TRUE;
}

/**
 * lp_export_list_names:
 *
 * Returns: (transfer full): every name lp_plan_export() takes, the plan's
 *   tables first (in the order the schema created them), then the views'
 *   tables; "all" is not in it
 */
GStrv
lp_export_list_names (LpPlan *plan)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tables = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  tables = lp_export_dup_table_names (plan, &error);
  if (tables == NULL)
    g_warning ("Could not list the plan's tables: %s", error->message);
  else
    g_strv_builder_addv (builder, (const char **) tables);
  g_strv_builder_addv (builder, (const char **) lp_export_view_names ());
  return g_strv_builder_end (builder);
}

static gboolean
format_for_path (const char    *path,
                 const char    *display_path,
                 ExportFormat  *format,
                 GError       **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".csv"))
    *format = FORMAT_CSV;
  else if (g_str_has_suffix (lower, ".xlsx"))
    *format = FORMAT_XLSX;
  else
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                   _("Cannot export to “%s”: the file name must end in .csv or .xlsx"),
                   display_path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_name (const char *const  *tables,
            const char         *name,
            ExportFormat        format,
            GError            **error)
{
  g_autofree char *tables_text = NULL;
  g_autofree char *views_text = NULL;

  if (g_strv_contains (tables, name) || lp_export_is_view (name))
    return TRUE;
  if (strcmp (name, LP_EXPORT_ALL) == 0 && format == FORMAT_XLSX)
    return TRUE;
  if (strcmp (name, LP_EXPORT_ALL) == 0)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                   _("“%s” (every table) can only be exported to an .xlsx workbook, "
                     "one sheet a table; a CSV file holds one table or view"), name);
      return FALSE;
    }
  tables_text = g_strjoinv (", ", (char **) tables);
  views_text = g_strjoinv (", ", (char **) lp_export_view_names ());
  g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
               _("“%s” is not a table or view of this plan; choose a view (%s), "
                 "a table (%s), or %s for every table in an .xlsx workbook"),
               name, views_text, tables_text, LP_EXPORT_ALL);
  return FALSE;
}

/* What is written, and for which locality, scenario and period. */
typedef struct {
  const char *const   *tables;
  const char          *name;
  const LpModelQuery  *query;
  GPtrArray           *heading;   /* what a view's table is; NULL for plan tables */
} ExportWhat;

static gboolean
write_name (LpPlan            *plan,
            const ExportWhat  *what,
            LpExportSink      *sink,
            GError           **error)
{
  const char *const *tables = what->tables;
  const char *name = what->name;

  if (lp_export_is_view (name))
    return lp_export_view (plan, name, what->query, sink, error);
  if (strcmp (name, LP_EXPORT_ALL) != 0)
    return lp_export_table (plan, name, sink, error);
  for (guint i = 0; tables[i] != NULL; i++)
    if (!lp_export_table (plan, tables[i], sink, error))
      return FALSE;
  return TRUE;
}

/* All sheets are read in one read transaction: one consistent moment of
 * the plan even if another connection writes meanwhile.  A savepoint
 * nests if the caller already has a transaction open. */
static gboolean
write_consistent (LpPlan            *plan,
                  const ExportWhat  *what,
                  LpExportSink      *sink,
                  GError           **error)
{
  sqlite3 *db = lp_plan_get_db (plan);
  gboolean ok;

  if (!lp_sqlite_exec (db, "SAVEPOINT lp_export", error))
    return FALSE;
  ok = write_name (plan, what, sink, error);
  /* Nothing was changed: releasing only ends the read transaction. */
  lp_sqlite_exec (db, "RELEASE lp_export", NULL);
  return ok;
}

/* A view's table starts with what it is, a label and a value a row, then
 * an empty row before the columns' titles.  A plan table has none, so
 * that it imports back as it was. */
static gboolean
write_heading (CsvSink    *self,
               GPtrArray  *heading,
               GError    **error)
{
  if (heading == NULL)
    return TRUE;
  for (guint i = 0; i + 1 < heading->len; i += 2)
    {
      lp_csv_writer_add_text (self->writer, g_ptr_array_index (heading, i));
      lp_csv_writer_add_text (self->writer, g_ptr_array_index (heading, i + 1));
      if (!csv_end_record (self, error))
        return FALSE;
    }
  return csv_end_record (self, error);
}

static gboolean
write_csv (LpPlan             *plan,
           const ExportWhat   *what,
           const char         *tmp_path,
           const char         *display_path,
           LpExportFlags       flags,
           GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (tmp_path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  CsvSink sink = { { csv_begin_sheet, csv_write_row, csv_end_sheet }, NULL, display_path, 0, NULL };
  gboolean ok;

  stream = g_file_append_to (file, G_FILE_CREATE_NONE, NULL, &local_error);
  if (stream == NULL)
    return csv_io_error (&sink, g_steal_pointer (&local_error), error);
  sink.writer = lp_csv_writer_new (G_OUTPUT_STREAM (stream),
                                   (flags & LP_EXPORT_FOR_EXCEL) ? LP_CSV_WRITER_BOM
                                                                 : LP_CSV_WRITER_DEFAULT);
  sink.kinds = g_array_new (FALSE, FALSE, sizeof (LpExportColumnKind));
  ok = write_heading (&sink, what->heading, error) && write_consistent (plan, what, &sink.sink, error);
  lp_csv_writer_free (sink.writer);
  g_array_unref (sink.kinds);
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error) && ok)
    return csv_io_error (&sink, g_steal_pointer (&local_error), error);
  return ok;
}

static gboolean
write_xlsx (LpPlan             *plan,
            const ExportWhat   *what,
            const char         *tmp_path,
            const char         *display_path,
            GError            **error)
{
  LpExportSink *sink = lp_xlsx_sink_new (tmp_path, display_path, error);
  gboolean ok;

  if (sink == NULL)
    return FALSE;
  lp_xlsx_sink_describe (sink, what->heading);
  ok = write_consistent (plan, what, sink, error);
  /* Closing writes the file; after a failure it is deleted anyway. */
  return lp_xlsx_sink_close (sink, ok ? error : NULL) && ok;
}

static gboolean io_error (GError     **error,
                          int          saved_errno,
                          const char  *format,
                          ...) G_GNUC_PRINTF (3, 4);

/* @format's message, then the system's reason. */
static gboolean
io_error (GError     **error,
          int          saved_errno,
          const char  *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO, "%s: %s", message,
               g_strerror (saved_errno));
  return FALSE;
}

/* Beside the target, so that the rename stays on one file system and is
 * atomic; hidden, so that nobody opens it half-written.  Mode 0666 lets the
 * umask decide, as for any file the user saves. */
static char *
make_temp_file (const char  *path,
                const char  *display_path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template_name = g_strdup_printf (".%s.XXXXXX", base);
  char *tmp_path = g_build_filename (dir, template_name, NULL);
  int fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *display_dir = g_filename_display_name (dir);

      io_error (error, saved_errno, _("Could not write “%s”: cannot create a file in the folder “%s”"),
                display_path, display_dir);
      g_free (tmp_path);
      return NULL;
    }
  close (fd);
  return tmp_path;
}

/* The data reaches the disk before the name points at it, so a crash
 * leaves the old file or the new one, never an empty one. */
static gboolean
finish_file (const char  *tmp_path,
             const char  *path,
             const char  *display_path,
             GError     **error)
{
  int fd = g_open (tmp_path, O_RDWR | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      return io_error (error, saved_errno, _("Could not write “%s”"), display_path);
    }
  close (fd);
  if (g_rename (tmp_path, path) != 0)
    return io_error (error, errno, _("Could not save the export as “%s”"), display_path);
  return TRUE;
}

static gboolean
export_to_temp (LpPlan             *plan,
                const ExportWhat   *what,
                const char         *path,
                ExportFormat        format,
                LpExportFlags       flags,
                GError            **error)
{
  g_autofree char *display_path = g_filename_display_name (path);
  g_autofree char *tmp_path = make_temp_file (path, display_path, error);
  gboolean ok;

  if (tmp_path == NULL)
    return FALSE;
  if (format == FORMAT_CSV)
    ok = write_csv (plan, what, tmp_path, display_path, flags, error);
  else
    ok = write_xlsx (plan, what, tmp_path, display_path, error);
  ok = ok && finish_file (tmp_path, path, display_path, error);
  if (!ok)
    g_unlink (tmp_path);
  return ok;
}

/**
 * lp_plan_export:
 * @name: a table or view from lp_export_list_names(), or "all" (.xlsx)
 * @path: the file to write; its suffix, .csv or .xlsx, sets the format
 * @flags: LP_EXPORT_FOR_EXCEL puts a UTF-8 BOM before CSV
 *
 * Writes @name to @path, replacing any file there only once the export
 * is complete.  Errors: LP_PLAN_ERROR_INVALID for an unknown name or
 * suffix (the message lists the names), LP_PLAN_ERROR_IO naming the file.
 */
gboolean
lp_plan_export (LpPlan         *plan,
                const char     *name,
                const char     *path,
                LpExportFlags   flags,
                GError        **error)
{
  return lp_plan_export_query (plan, name, NULL, path, flags, error);
}

/**
 * lp_plan_export_query:
 * @query: (nullable): the locality, scenario and period of the modelling
 *   and activity tables; NULL: all localities, the base scenario, per month
 *
 * As lp_plan_export().
 */
gboolean
lp_plan_export_query (LpPlan              *plan,
                      const char          *name,
                      const LpModelQuery  *query,
                      const char          *path,
                      LpExportFlags        flags,
                      GError             **error)
{
  static const LpModelQuery per_month = { .per = LP_PER_MONTH };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GPtrArray) heading = NULL;
  g_autofree char *display_path = NULL;
  g_auto(GStrv) tables = NULL;
  ExportFormat format;
  ExportWhat what;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_path = g_filename_display_name (path);
  if (!format_for_path (path, display_path, &format, error))
    return FALSE;
  tables = lp_export_dup_table_names (plan, error);
  if (tables == NULL || !check_name ((const char *const *) tables, name, format, error))
    return FALSE;
  query = query != NULL ? query : &per_month;
  heading = lp_export_is_view (name) ? lp_export_heading (plan, name, query, today) : NULL;
  what = (ExportWhat) { (const char *const *) tables, name, query, heading };
  return export_to_temp (plan, &what, path, format, flags, error);
}
