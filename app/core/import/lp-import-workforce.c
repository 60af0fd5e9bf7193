/* SPDX-License-Identifier: GPL-3.0-or-later */
/* NHS Digital's General Practice Workforce, practice level: the wide
 * Detailed file (800+ columns named TOTAL_<GROUP>[_<ROLE>]_<HC|FTE>) and
 * the long High-level file (one row per practice, role and measure).
 * Missing markers (ND, NA, EST, NS, ".", empty) stay missing, never 0. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lp-import-private.h"
#include "lp-validate.h"
#include "lp-workforce.h"

/* The app's roles and the Detailed file's column stems that add up to
 * them.  A stem ending in "_" takes every column that starts with it.  The
 * file's own subtotals (TOTAL_GP_FTE, TOTAL_GP_EXTGL_FTE...) are left out:
 * they would count the same people twice. */
static const struct {
  const char *role;
  const char *stems[4];
} role_columns[] = {
  { "GP_PARTNER", { "TOTAL_GP_SEN_PTNR", "TOTAL_GP_PTNR_PROV", NULL } },
  { "GP_SALARIED", { "TOTAL_GP_SAL_BY_PRAC", "TOTAL_GP_SAL_BY_OTH", NULL } },
  { "GP_LOCUM", { "TOTAL_GP_LOCUM_", NULL } },
  { "GP_RETAINER", { "TOTAL_GP_RET", NULL } },
  { "GP_REGISTRAR", { "TOTAL_GP_REG_", NULL } },
  { "N_PRACTICE", { "TOTAL_N_PRAC_NURSE", NULL } },
  { "N_ANP", { "TOTAL_N_ADV_NURSE_PRAC", NULL } },
  { "DPC_PHARMACIST", { "TOTAL_DPC_PHARMA", NULL } },
  { "DPC_PHYSICIAN_ASSOC", { "TOTAL_DPC_PHYSICIAN_ASSOC", NULL } },
  { "DPC_PARAMEDIC", { "TOTAL_DPC_PARAMED", NULL } },
  { "DPC_PHYSIO", { "TOTAL_DPC_PHYSIO", NULL } },
  { "DPC_HCA", { "TOTAL_DPC_HCA", NULL } },
  { "DPC_SPLW", { "TOTAL_DPC_SPLW", NULL } },
  { "ADMIN_MANAGER", { "TOTAL_ADMIN_MANAGER", NULL } },
  { "ADMIN_RECEPTION", { "TOTAL_ADMIN_RECEPT", NULL } },
};

#define N_ROLES G_N_ELEMENTS (role_columns)

typedef struct {
  char      *as_at;
  GArray    *fte_columns[N_ROLES];   /* of int: the file's columns for each role */
  GArray    *hc_columns[N_ROLES];
  GHashTable *totals;               /* high-level: "practice-id|role" -> LpWorkforceTotal */
} LpWorkforce;

typedef struct {
  gint64   practice;
  guint    role;
  double   fte;
  gint64   headcount;
  gboolean has_fte;
  gboolean has_headcount;
} LpWorkforceTotal;

static void
lp_workforce_free (gpointer data)
{
  LpWorkforce *workforce = data;

  for (guint i = 0; i < N_ROLES; i++)
    {
      g_clear_pointer (&workforce->fte_columns[i], g_array_unref);
      g_clear_pointer (&workforce->hc_columns[i], g_array_unref);
    }
  g_clear_pointer (&workforce->totals, g_hash_table_unref);
  g_free (workforce->as_at);
  g_free (workforce);
}

static gboolean
lp_workforce_is_missing (const char *text)
{
  static const char * const markers[] = { "", "ND", "NA", "EST", "NS", ".", NULL };
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  for (guint i = 0; markers[i] != NULL; i++)
    if (g_ascii_strcasecmp (trimmed, markers[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The last day of the month the file's name gives ("... June 2024 ..."). */
char *
lp_import_date_from_month_name (const char *file_name)
{
  static const char * const month_names[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", NULL
  };
  g_autofree char *lower = g_ascii_strdown (file_name, -1);

  for (guint m = 0; month_names[m] != NULL; m++)
    {
      const char *at = strstr (lower, month_names[m]);
      guint year;

      if (at != NULL && sscanf (at + strlen (month_names[m]), " %4u", &year) == 1 && year >= 2000)
        return g_strdup_printf ("%04u-%02u-%02u", year, m + 1,
                                g_date_get_days_in_month ((GDateMonth) (m + 1), (GDateYear) year));
    }
  return NULL;
}

static gboolean
lp_workforce_start (LpImporter  *importer,
                    GError     **error)
{
  LpWorkforce *workforce = g_new0 (LpWorkforce, 1);
  static const char * const code_names[] = { "PRAC_CODE", "PRACTICE_CODE", "ORG_CODE", NULL };

  importer->data = workforce;
  importer->data_free = lp_workforce_free;
  workforce->as_at = importer->options->as_at != NULL ? g_strdup (importer->options->as_at)
                                                     : lp_import_date_from_month_name (importer->file_name);
  if (workforce->as_at == NULL || !lp_validate_date ("", workforce->as_at, NULL))
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("%s: the file's name does not say which month it describes "
                          "(such as “June 2024”); give the date it is as at"),
                        importer->file_name), FALSE;
  importer->report->extract_date = g_strdup (workforce->as_at);
  return lp_importer_require (importer, 0, code_names, error);
}

static gboolean
lp_workforce_stem_matches (const char *column,
                           const char *stem,
                           const char *measure)
{
  if (g_str_has_suffix (stem, "_"))
    return g_str_has_prefix (column, stem) && g_str_has_suffix (column, measure);
  return strlen (column) == strlen (stem) + strlen (measure) &&
         g_str_has_prefix (column, stem) && g_str_has_suffix (column, measure);
}

static void
lp_workforce_map_column (LpWorkforce *workforce,
                         const char  *column,
                         int          index)
{
  for (guint r = 0; r < N_ROLES; r++)
    for (guint s = 0; role_columns[r].stems[s] != NULL; s++)
      {
        if (lp_workforce_stem_matches (column, role_columns[r].stems[s], "_FTE"))
          g_array_append_val (workforce->fte_columns[r], index);
        else if (lp_workforce_stem_matches (column, role_columns[r].stems[s], "_HC"))
          g_array_append_val (workforce->hc_columns[r], index);
      }
}

static gboolean
lp_detailed_bind (LpImporter  *importer,
                  GError     **error)
{
  LpWorkforce *workforce;

  if (!lp_workforce_start (importer, error))
    return FALSE;
  workforce = importer->data;
  for (guint r = 0; r < N_ROLES; r++)
    {
      workforce->fte_columns[r] = g_array_new (FALSE, FALSE, sizeof (int));
      workforce->hc_columns[r] = g_array_new (FALSE, FALSE, sizeof (int));
    }
  for (guint i = 0; i < lp_csv_reader_get_n_columns (importer->csv); i++)
    {
      g_autofree char *name = g_ascii_strup (lp_csv_reader_get_column_name (importer->csv, i), -1);
      lp_workforce_map_column (workforce, g_strstrip (name), (int) i);
    }
  return TRUE;
}

/* Adds up a role's columns; FALSE in *present when every one is missing. */
static gboolean
lp_workforce_sum (LpImporter  *importer,
                  GArray      *columns,
                  double      *sum,
                  gboolean    *present,
                  GError     **error)
{
  *sum = 0;
  *present = FALSE;
  for (guint i = 0; i < columns->len; i++)
    {
      int column = g_array_index (columns, int, i);
      const char *text = lp_csv_reader_get (importer->csv, column);
      double value;

      if (lp_workforce_is_missing (text))
        continue;
      if (!lp_parse_decimal ("", text, 0, &value, NULL))
        {
          g_autofree char *why = g_strdup_printf (_("“%s” is not a number of 0 or more (nor a missing-value "
                                                    "marker such as ND or NA)"), text);
          importer->columns[1] = column;
          return lp_importer_bad_value (importer, 1, why, error);
        }
      *sum += value;
      *present = TRUE;
    }
  return TRUE;
}

static gboolean
lp_workforce_save (LpImporter              *importer,
                   const LpWorkforceTotal  *total,
                   GError                 **error)
{
  LpWorkforce *workforce = importer->data;
  /* NHS Digital's figure for a practice's role replaces any typed by hand
   * while there was no file (whatever their date). */
  sqlite3_stmt *by_hand = lp_plan_prepare (importer->plan,
      "DELETE FROM workforce_fte WHERE practice_id = ?1 AND role = ?2 AND source = '" LP_WORKFORCE_SOURCE_HAND "'",
      error);
  sqlite3_stmt *stmt;

  if (by_hand == NULL)
    return FALSE;
  sqlite3_bind_int64 (by_hand, 1, total->practice);
  sqlite3_bind_text (by_hand, 2, role_columns[total->role].role, -1, SQLITE_STATIC);
  if (!lp_stmt_run (importer->plan, by_hand, _("replace the FTE typed by hand"), error))
    return FALSE;
  stmt = lp_plan_prepare (importer->plan,
      "INSERT INTO workforce_fte (practice_id, role, as_at, fte, headcount, source) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (practice_id, role, as_at) DO UPDATE SET "
      "fte = excluded.fte, headcount = excluded.headcount, source = excluded.source", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, total->practice);
  sqlite3_bind_text (stmt, 2, role_columns[total->role].role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, workforce->as_at, -1, SQLITE_STATIC);
  if (total->has_fte)
    sqlite3_bind_double (stmt, 4, total->fte);
  if (total->has_headcount)
    sqlite3_bind_int64 (stmt, 5, total->headcount);
  sqlite3_bind_text (stmt, 6, importer->file_name, -1, SQLITE_STATIC);
  return lp_importer_run (importer, stmt, "workforce_fte", error);
}

static gboolean
lp_detailed_row (LpImporter  *importer,
                 GError     **error)
{
  LpWorkforce *workforce = importer->data;
  gint64 practice = lp_importer_practice (importer, 0, NULL, error);

  if (practice == 0 || !lp_importer_first_time (importer, lp_importer_get (importer, 0), 0, error))
    return FALSE;
  for (guint r = 0; r < N_ROLES; r++)
    {
      LpWorkforceTotal total = { practice, r, 0, 0, FALSE, FALSE };
      double headcount;

      if (workforce->fte_columns[r]->len == 0 && workforce->hc_columns[r]->len == 0)
        continue;
      if (!lp_workforce_sum (importer, workforce->fte_columns[r], &total.fte, &total.has_fte, error) ||
          !lp_workforce_sum (importer, workforce->hc_columns[r], &headcount, &total.has_headcount, error))
        return FALSE;
      total.headcount = (gint64) (headcount + 0.5);
      if (!lp_workforce_save (importer, &total, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
lp_workforce_finish (LpImporter  *importer,
                     GError     **error)
{
  LpWorkforce *workforce = importer->data;
  GHashTableIter iter;
  gpointer total;

  if (workforce->totals != NULL)
    {
      g_hash_table_iter_init (&iter, workforce->totals);
      while (g_hash_table_iter_next (&iter, NULL, &total))
        if (!lp_workforce_save (importer, total, error))
          return FALSE;
    }
  lp_importer_report_missing_practices (importer);
  return TRUE;
}

const LpImportHandler lp_import_workforce_detailed_handler = {
  LP_IMPORT_WORKFORCE_DETAILED, "workforce-detailed", TRUE,
  lp_detailed_bind, lp_detailed_row, lp_workforce_finish,
};

/* High-level file: the published role names, matched by the words in them
 * (first match wins; the file's wording varies a little by release). */
static const struct {
  const char *words;
  const char *role;
} role_words[] = {
  { "partner", "GP_PARTNER" }, { "salaried", "GP_SALARIED" }, { "locum", "GP_LOCUM" },
  { "retainer", "GP_RETAINER" }, { "registrar", "GP_REGISTRAR" }, { "training", "GP_REGISTRAR" },
  { "advanced nurse", "N_ANP" }, { "practice nurse", "N_PRACTICE" },
  { "pharmacy technician", "DPC_PHARM_TECH" }, { "pharmacist", "DPC_PHARMACIST" },
  { "physician associate", "DPC_PHYSICIAN_ASSOC" }, { "paramedic", "DPC_PARAMEDIC" },
  { "physiotherapist", "DPC_PHYSIO" }, { "health care assistant", "DPC_HCA" },
  { "healthcare assistant", "DPC_HCA" }, { "social prescribing", "DPC_SPLW" },
  { "nursing associate", "DPC_NURSING_ASSOC" }, { "mental health", "DPC_MENTAL_HEALTH" },
  { "manager", "ADMIN_MANAGER" }, { "receptionist", "ADMIN_RECEPTION" },
};

enum { HL_CODE, HL_GROUP, HL_ROLE, HL_MEASURE, HL_VALUE };

static gboolean
lp_high_level_bind (LpImporter  *importer,
                    GError     **error)
{
  static const char * const group_names[] = { "STAFF_GROUP", NULL };
  static const char * const role_names[] = { "DETAILED_STAFF_ROLE", "STAFF_ROLE", NULL };
  static const char * const measure_names[] = { "MEASURE", NULL };
  static const char * const value_names[] = { "VALUE", NULL };
  LpWorkforce *workforce;

  if (!lp_workforce_start (importer, error))
    return FALSE;
  workforce = importer->data;
  workforce->totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return lp_importer_require (importer, HL_GROUP, group_names, error) &&
         lp_importer_require (importer, HL_ROLE, role_names, error) &&
         lp_importer_require (importer, HL_MEASURE, measure_names, error) &&
         lp_importer_require (importer, HL_VALUE, value_names, error);
}

/* The app's role for a published one; -1 for roles the app does not keep. */
static int
lp_high_level_role (const char *published)
{
  g_autofree char *lower = g_ascii_strdown (published, -1);

  for (guint w = 0; w < G_N_ELEMENTS (role_words); w++)
    if (strstr (lower, role_words[w].words) != NULL)
      for (guint r = 0; r < N_ROLES; r++)
        if (g_str_equal (role_columns[r].role, role_words[w].role))
          return (int) r;
  return -1;
}

static LpWorkforceTotal *
lp_high_level_total (LpWorkforce *workforce,
                     gint64       practice,
                     guint        role)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "|%u", practice, role);
  LpWorkforceTotal *total = g_hash_table_lookup (workforce->totals, key);

  if (total == NULL)
    {
      total = g_new0 (LpWorkforceTotal, 1);
      total->practice = practice;
      total->role = role;
      g_hash_table_insert (workforce->totals, g_steal_pointer (&key), total);
    }
  return total;
}

static gboolean
lp_high_level_row (LpImporter  *importer,
                   GError     **error)
{
  const char *measure = lp_importer_get (importer, HL_MEASURE);
  const char *text = lp_importer_get (importer, HL_VALUE);
  int role = lp_high_level_role (lp_importer_get (importer, HL_ROLE));
  gboolean fte = g_ascii_strcasecmp (measure, "FTE") == 0;
  LpWorkforceTotal *total;
  gint64 practice;
  double value;

  if (!fte && g_ascii_strcasecmp (measure, "Headcount") != 0 && g_ascii_strcasecmp (measure, "HC") != 0)
    {
      g_autofree char *why = g_strdup_printf (_("“%s” is neither FTE nor Headcount"), measure);
      return lp_importer_bad_value (importer, HL_MEASURE, why, error);
    }
  if (role < 0 || (practice = lp_importer_practice (importer, HL_CODE, NULL, error)) == 0)
    return FALSE;
  /* A missing figure still makes the row, with nothing in it: missing. */
  total = lp_high_level_total (importer->data, practice, (guint) role);
  if (lp_workforce_is_missing (text))
    return TRUE;
  if (!lp_parse_decimal ("", text, 0, &value, NULL))
    {
      g_autofree char *why = g_strdup_printf (_("“%s” is not a number of 0 or more (nor a missing-value "
                                                "marker such as ND or NA)"), text);
      return lp_importer_bad_value (importer, HL_VALUE, why, error);
    }
  if (fte)
    total->fte += value, total->has_fte = TRUE;
  else
    total->headcount += (gint64) (value + 0.5), total->has_headcount = TRUE;
  return TRUE;
}

const LpImportHandler lp_import_workforce_high_level_handler = {
  LP_IMPORT_WORKFORCE_HIGH_LEVEL, "workforce-high-level", TRUE,
  lp_high_level_bind, lp_high_level_row, lp_workforce_finish,
};
