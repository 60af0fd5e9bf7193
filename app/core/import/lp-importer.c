/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every importer shares: binding columns by name with aliases,
 * reading counts and extract dates, spotting a practice twice, finding
 * (or adding) the row's practice, and saying what is wrong where. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lp-import-private.h"
#include "lp-validate.h"

int
lp_importer_find (LpImporter          *importer,
                  const char * const  *aliases)
{
  for (guint i = 0; aliases[i] != NULL; i++)
    {
      int column = lp_csv_reader_find_column (importer->csv, aliases[i]);
      if (column >= 0)
        return column;
    }
  return -1;
}

/**
 * lp_importer_require:
 * @slot: where the column's index is kept (importer->columns[slot])
 *
 * Binds a required column by the first of its names that the header has.
 */
gboolean
lp_importer_require (LpImporter          *importer,
                     guint                slot,
                     const char * const  *aliases,
                     GError             **error)
{
  g_autofree char *others = NULL;

  g_assert (slot < LP_IMPORT_MAX_COLUMNS);
  importer->columns[slot] = lp_importer_find (importer, aliases);
  if (importer->columns[slot] >= 0)
    return TRUE;
  others = aliases[1] != NULL ? g_strjoinv (", ", (char **) aliases + 1) : NULL;
  if (others != NULL)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                 _("%s: the required column %s is missing (also accepted: %s)"),
                 lp_csv_reader_get_path (importer->csv), aliases[0], others);
  else
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                 _("%s: the required column %s is missing"), lp_csv_reader_get_path (importer->csv), aliases[0]);
  return FALSE;
}

const char *
lp_importer_get (LpImporter *importer,
                 guint       slot)
{
  return lp_csv_reader_get (importer->csv, importer->columns[slot]);
}

/* Control characters in a reason would be invisible (or move the
 * cursor) in a dialog or a terminal: they are shown as \x01. */
static char *
lp_importer_visible (const char *why)
{
  GString *shown = g_string_new (NULL);

  for (const char *p = why; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      g_string_append_printf (shown, "\\x%02x", (guchar) *p);
    else
      g_string_append_c (shown, *p);
  return g_string_free (shown, FALSE);
}

/**
 * lp_importer_bad_value:
 * @why: what is wrong, e.g. "“12a” is not a whole number"
 *
 * Fails the row, naming file, line, column and the reason.  Returns %FALSE.
 */
gboolean
lp_importer_bad_value (LpImporter  *importer,
                       guint        slot,
                       const char  *why,
                       GError     **error)
{
  importer->bad_column = importer->columns[slot];
  g_free (importer->bad_reason);
  importer->bad_reason = lp_importer_visible (why);
  lp_csv_reader_set_error (importer->csv, error, importer->columns[slot], importer->bad_reason);
  return FALSE;
}

gboolean
lp_importer_bad_row (LpImporter  *importer,
                     const char  *why,
                     GError     **error)
{
  importer->bad_column = -1;
  g_free (importer->bad_reason);
  importer->bad_reason = lp_importer_visible (why);
  g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
               _("%s, line %llu: %s"), lp_csv_reader_get_path (importer->csv),
               (unsigned long long) lp_csv_reader_get_line (importer->csv), importer->bad_reason);
  return FALSE;
}

gboolean
lp_importer_count (LpImporter  *importer,
                   guint        slot,
                   gint64      *count,
                   GError     **error)
{
  const char *text = lp_importer_get (importer, slot);
  g_autofree char *why = NULL;
  gint64 value = 0;
  const char *p;

  /* Plain digits, as NHS files write counts, without the general parser's
   * copying; anything else goes through it. */
  for (p = text; *p >= '0' && *p <= '9' && p - text < 15; p++)
    value = value * 10 + (*p - '0');
  if (p != text && *p == '\0')
    return *count = value, TRUE;
  if (lp_parse_count ("", text, count, NULL))
    return TRUE;
  why = g_strdup_printf (_("“%s” is not a whole number of 0 or more"), text);
  return lp_importer_bad_value (importer, slot, why, error);
}

/* Reads the row's extract date into the report: every row of an extract
 * carries the same one. */
gboolean
lp_importer_extract_date (LpImporter  *importer,
                          guint        slot,
                          GError     **error)
{
  const char *text = lp_importer_get (importer, slot);
  g_autofree char *date = NULL;
  g_autofree char *why = NULL;

  if (importer->last_date_text != NULL && strcmp (text, importer->last_date_text) == 0)
    return TRUE;
  date = lp_import_parse_extract_date (text);
  if (date == NULL)
    why = g_strdup_printf (_("“%s” is not a date (expected e.g. 01JAN2021 or 2026-04-01)"), text);
  else if (importer->report->extract_date != NULL && g_strcmp0 (date, importer->report->extract_date) != 0)
    why = g_strdup_printf (_("“%s” differs from this file's extract date %s"), text,
                           importer->report->extract_date);
  if (why != NULL)
    return lp_importer_bad_value (importer, slot, why, error);
  if (importer->report->extract_date == NULL)
    importer->report->extract_date = g_steal_pointer (&date);
  g_free (importer->last_date_text);
  importer->last_date_text = g_strdup (text);
  return TRUE;
}

static const char * const months[] = {
  "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC", NULL
};

/**
 * lp_import_parse_extract_date:
 *
 * Returns: (nullable): "01JAN2021", "01Oct2025" or "2026-04-01" as
 *   YYYY-MM-DD, or %NULL if it is none of these or not a real date
 */
char *
lp_import_parse_extract_date (const char *text)
{
  g_autofree char *upper = g_ascii_strup (text != NULL ? text : "", -1);
  g_autofree char *iso = NULL;

  g_strstrip (upper);
  if (strlen (upper) == 9 && g_ascii_isdigit (upper[0]) && g_ascii_isdigit (upper[1]))
    for (guint m = 0; months[m] != NULL; m++)
      if (strncmp (upper + 2, months[m], 3) == 0)
        iso = g_strdup_printf ("%.4s-%02u-%.2s", upper + 5, m + 1, upper);
  if (iso == NULL)
    iso = g_strdup (upper);
  return lp_validate_date ("", iso, NULL) ? g_steal_pointer (&iso) : NULL;
}

/**
 * lp_importer_first_time:
 *
 * Fails the row if @key (e.g. practice and extract) was imported before
 * from this file: one extract holds one figure per practice.
 */
gboolean
lp_importer_first_time (LpImporter  *importer,
                        const char  *key,
                        guint        slot,
                        GError     **error)
{
  gpointer first = g_hash_table_lookup (importer->seen, key);
  g_autofree char *why = NULL;

  if (first == NULL)
    {
      g_hash_table_insert (importer->seen, g_strdup (key),
                           GSIZE_TO_POINTER ((gsize) lp_csv_reader_get_line (importer->csv)));
      return TRUE;
    }
  why = g_strdup_printf (_("“%s” appears a second time in this file (first on line %zu)"),
                         lp_importer_get (importer, slot), GPOINTER_TO_SIZE (first));
  return lp_importer_bad_value (importer, slot, why, error);
}

/* Runs a prepared write and notes its table as changed. */
gboolean
lp_importer_run (LpImporter    *importer,
                 sqlite3_stmt  *stmt,
                 const char    *table,
                 GError       **error)
{
  g_hash_table_add (importer->touched, (gpointer) table);
  return lp_stmt_run (importer->plan, stmt, _("save the imported row"), error);
}

gboolean
lp_importer_load_practices (LpImporter  *importer,
                            GError     **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (importer->plan, "SELECT ods_code, id FROM practice", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      *id = sqlite3_column_int64 (stmt, 1);
      g_hash_table_insert (importer->practices, g_strdup (lp_stmt_column_text (stmt, 0)), id);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gint64
lp_importer_add_practice (LpImporter  *importer,
                          const char  *code,
                          const char  *name,
                          GError     **error)
{
  g_autofree char *notes = g_strdup_printf (_("Added by importing %s"), importer->file_name);
  sqlite3_stmt *stmt = lp_plan_prepare (importer->plan,
      "INSERT INTO practice (id, ods_code, name, notes) VALUES (?1, ?2, ?3, ?4)", error);
  gint64 *id;

  if (stmt == NULL)
    return 0;
  id = g_new (gint64, 1);
  *id = lp_id_new ();
  sqlite3_bind_int64 (stmt, 1, *id);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_TRANSIENT);
  /* The registration files carry no names: the code stands in until the
   * practice map or the ODS file brings the real one. */
  sqlite3_bind_text (stmt, 3, name != NULL && *name != '\0' ? name : code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, notes, -1, SQLITE_TRANSIENT);
  if (!lp_importer_run (importer, stmt, "practice", error))
    return g_free (id), 0;
  g_hash_table_insert (importer->practices, g_strdup (code), id);
  importer->report->new_practices++;
  g_ptr_array_add (importer->report->new_practice_codes, g_strdup (code));
  return *id;
}

static gint64
lp_importer_remember (LpImporter *importer,
                      const char *text,
                      gint64      practice)
{
  g_free (importer->last_code);
  importer->last_code = g_strdup (text);
  importer->last_practice = practice;
  return practice;
}

/**
 * lp_importer_practice:
 * @name: (nullable): the practice's name, if the file has it
 *
 * Returns: the id of the row's practice; 0 with @error set for a code that
 *   is not an ODS code; 0 without error for a practice the plan does not
 *   know and may not add (the row is skipped and counted).
 */
gint64
lp_importer_practice (LpImporter  *importer,
                      guint        code_slot,
                      const char  *name,
                      GError     **error)
{
  const char *text = lp_importer_get (importer, code_slot);
  g_autofree char *code = NULL;
  g_autofree char *key = NULL;
  gint64 *id;

  if (importer->last_code != NULL && strcmp (text, importer->last_code) == 0)
    return importer->last_practice;
  code = lp_normalise_ods_code ("", text, NULL);
  if (code == NULL)
    {
      g_autofree char *why = g_strdup_printf (_("“%s” is not a practice code"), text);
      return lp_importer_bad_value (importer, code_slot, why, error);
    }
  key = g_strconcat ("in-file:", code, NULL);
  g_hash_table_add (importer->seen, g_steal_pointer (&key));
  id = g_hash_table_lookup (importer->practices, code);
  if (id != NULL)
    return lp_importer_remember (importer, text, *id);
  if (importer->options->add_new_practices)
    return lp_importer_remember (importer, text, lp_importer_add_practice (importer, code, name, error));
  key = g_strconcat ("unknown:", code, NULL);
  if (g_hash_table_add (importer->seen, g_steal_pointer (&key)))
    {
      importer->report->unknown_practices++;
      g_ptr_array_add (importer->report->unknown_practice_codes, g_strdup (code));
    }
  return lp_importer_remember (importer, text, 0);
}

static gint
lp_import_compare_codes (gconstpointer a,
                         gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Lists the plan's practices that the file did not mention. */
void
lp_importer_report_missing_practices (LpImporter *importer)
{
  GHashTableIter iter;
  gpointer code;

  g_hash_table_iter_init (&iter, importer->practices);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    {
      g_autofree char *key = g_strconcat ("in-file:", (char *) code, NULL);
      if (!g_hash_table_contains (importer->seen, key))
        g_ptr_array_add (importer->report->missing_practices, g_strdup (code));
    }
  g_ptr_array_sort (importer->report->missing_practices, lp_import_compare_codes);
}

