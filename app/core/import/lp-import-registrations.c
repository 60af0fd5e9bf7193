/* SPDX-License-Identifier: GPL-3.0-or-later */
/* NHS Digital's "Patients Registered at a GP Practice": the practice totals
 * file, the single-year-of-age and five-year-band files, and the practice
 * map.  One row handler serves the three count files: a row for all
 * patients of all ages is the practice's list size; any other row is an
 * age or sex breakdown. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lp-import-private.h"
#include "lp-locality-private.h"
#include "lp-locality.h"

enum { REG_CODE, REG_COUNT, REG_DATE, REG_TYPE, REG_SEX, REG_AGE };

static const char * const code_names[] = { "CODE", "ORG_CODE", "PRACTICE_CODE", "PRAC_CODE", NULL };
static const char * const count_names[] = { "NUMBER_OF_PATIENTS", "Number of Patients", NULL };
static const char * const date_names[] = { "EXTRACT_DATE", NULL };
static const char * const type_names[] = { "ORG_TYPE", "TYPE", NULL };
static const char * const sex_names[] = { "SEX", NULL };
static const char * const age_names[] = { "AGE", "AGE_GROUP_5", NULL };

typedef struct {
  gboolean      had_totals;   /* the file gave all-persons totals itself */
  char         *cleared[4];   /* sexes whose age rows this import replaced (static strings) */
  sqlite3_stmt *insert_band;  /* kept here: a million rows, one statement */
} LpRegistrations;

static gboolean
lp_registrations_bind (LpImporter  *importer,
                       GError     **error)
{
  importer->data = g_new0 (LpRegistrations, 1);
  importer->data_free = g_free;
  importer->columns[REG_TYPE] = lp_importer_find (importer, type_names);
  importer->columns[REG_SEX] = lp_importer_find (importer, sex_names);
  importer->columns[REG_AGE] = lp_importer_find (importer, age_names);
  return lp_importer_require (importer, REG_CODE, code_names, error) &&
         lp_importer_require (importer, REG_COUNT, count_names, error) &&
         lp_importer_require (importer, REG_DATE, date_names, error);
}

/* "ALL", "MALE", "FEMALE" (older files: "MALES", "FEMALES"); NULL if neither. */
static const char *
lp_registrations_sex (const char *text)
{
  if (*text == '\0' || g_ascii_strcasecmp (text, "ALL") == 0 || g_ascii_strcasecmp (text, "PERSONS") == 0)
    return "all";
  if (g_ascii_strcasecmp (text, "MALE") == 0 || g_ascii_strcasecmp (text, "MALES") == 0)
    return "male";
  if (g_ascii_strcasecmp (text, "FEMALE") == 0 || g_ascii_strcasecmp (text, "FEMALES") == 0)
    return "female";
  return NULL;
}

static gboolean
lp_registrations_total (LpImporter  *importer,
                        gint64       practice,
                        gint64       patients,
                        GError     **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (importer->plan,
      "INSERT INTO list_size (practice_id, extract_date, patients, source) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (practice_id, extract_date) DO UPDATE SET patients = excluded.patients, "
      "source = excluded.source", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, practice);
  sqlite3_bind_text (stmt, 2, importer->report->extract_date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, patients);
  sqlite3_bind_text (stmt, 4, importer->file_name, -1, SQLITE_STATIC);
  ((LpRegistrations *) importer->data)->had_totals = TRUE;
  return lp_importer_run (importer, stmt, "list_size", error);
}

/* Age rows replace the extract's rows for that sex, cleared when the first
 * row of each sex arrives: cheaper than remembering a million keys to spot
 * duplicates, which the table's primary key then refuses. */
static gboolean
lp_registrations_clear_sex (LpImporter  *importer,
                            const char  *sex,
                            GError     **error)
{
  LpRegistrations *registrations = importer->data;
  sqlite3_stmt *stmt;

  if (g_strv_contains ((const char * const *) registrations->cleared, sex))
    return TRUE;
  registrations->cleared[g_strv_length (registrations->cleared)] = (char *) sex;
  stmt = lp_plan_prepare (importer->plan,
      "DELETE FROM list_size_age WHERE extract_date = ?1 AND sex = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, importer->report->extract_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sex, -1, SQLITE_STATIC);
  return lp_importer_run (importer, stmt, "list_size_age", error);
}

static gboolean
lp_registrations_band (LpImporter  *importer,
                       gint64       practice,
                       const char  *sex,
                       const char  *band,
                       gint64       patients,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  if (!lp_registrations_clear_sex (importer, sex, error))
    return FALSE;
  stmt = ((LpRegistrations *) importer->data)->insert_band;
  if (stmt == NULL)
    {
      stmt = lp_plan_prepare (importer->plan,
          "INSERT INTO list_size_age (practice_id, extract_date, sex, age_band, patients) "
          "VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (stmt == NULL)
        return FALSE;
      ((LpRegistrations *) importer->data)->insert_band = stmt;
    }
  sqlite3_bind_int64 (stmt, 1, practice);
  sqlite3_bind_text (stmt, 2, importer->report->extract_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sex, -1, SQLITE_STATIC);
  /* The row's text outlives the step: no copy needed. */
  sqlite3_bind_text (stmt, 4, band, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, patients);
  if (lp_importer_run (importer, stmt, "list_size_age", &local_error))
    return TRUE;
  if (g_error_matches (local_error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT))
    {
      g_autofree char *why = g_strdup_printf (_("“%s” appears a second time in this file for the same "
                                                "practice and sex"), band);
      return lp_importer_bad_value (importer, REG_AGE, why, error);
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* The bands NHS Digital publishes: single years "0" to "94", five-year
 * bands "0_4" to "90_94", and "95+". */
static gboolean
lp_registrations_band_ok (const char *band)
{
  char *end = NULL;
  guint64 from;

  if (g_str_equal (band, "95+"))
    return TRUE;
  if (!g_ascii_isdigit (band[0]) || !g_ascii_string_to_unsigned (band, 10, 0, 94, &from, NULL))
    {
      from = g_ascii_strtoull (band, &end, 10);
      return g_ascii_isdigit (band[0]) && end != NULL && *end == '_' && from % 5 == 0 && from <= 90 &&
             g_ascii_isdigit (end[1]) && g_ascii_strtoull (end + 1, &end, 10) == from + 4 && *end == '\0';
    }
  return TRUE;
}

static gboolean
lp_registrations_row (LpImporter  *importer,
                      GError     **error)
{
  const char *type = lp_importer_get (importer, REG_TYPE);
  const char *sex = lp_registrations_sex (lp_importer_get (importer, REG_SEX));
  const char *band = lp_importer_get (importer, REG_AGE);
  g_autofree char *key = NULL;
  gint64 practice, patients;

  /* Files that mix levels (PCN, Sub-ICB...) repeat the counts: GP rows only. */
  if (importer->columns[REG_TYPE] >= 0 && g_ascii_strcasecmp (type, "GP") != 0)
    return FALSE;
  /* The practice first: one whose rows are all bad is still in the file. */
  practice = lp_importer_practice (importer, REG_CODE, NULL, error);
  if (practice == 0)
    return FALSE;
  if (sex == NULL)
    {
      g_autofree char *why = g_strdup_printf (_("“%s” is not ALL, MALE or FEMALE"),
                                              lp_importer_get (importer, REG_SEX));
      return lp_importer_bad_value (importer, REG_SEX, why, error);
    }
  if (!lp_importer_extract_date (importer, REG_DATE, error) ||
      !lp_importer_count (importer, REG_COUNT, &patients, error))
    return FALSE;
  if (*band == '\0' || g_ascii_strcasecmp (band, "ALL") == 0)
    band = "ALL";
  else if (!lp_registrations_band_ok (band))
    {
      g_autofree char *why = g_strdup_printf (_("“%s” is not an age (0 to 94, or 95+) nor a five-year band "
                                                "(0_4 to 90_94, or 95+)"), band);
      return lp_importer_bad_value (importer, REG_AGE, why, error);
    }
  if (!g_str_equal (sex, "all") || !g_str_equal (band, "ALL"))
    return lp_registrations_band (importer, practice, sex, band, patients, error);
  key = g_strconcat ("total|", lp_importer_get (importer, REG_CODE), NULL);
  return lp_importer_first_time (importer, key, REG_CODE, error) &&
         lp_registrations_total (importer, practice, patients, error);
}

/* A practice's list size from its male and female totals, where the files
 * gave no all-persons total (the single-year-of-age files come per sex). */
static gboolean
lp_registrations_finish (LpImporter  *importer,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  lp_importer_report_missing_practices (importer);
  if (((LpRegistrations *) importer->data)->had_totals || importer->report->extract_date == NULL)
    return TRUE;
  stmt = lp_plan_prepare (importer->plan,
      "INSERT INTO list_size (practice_id, extract_date, patients, source) "
      "SELECT practice_id, extract_date, sum (patients), ?2 FROM list_size_age "
      "WHERE extract_date = ?1 AND age_band = 'ALL' AND sex IN ('male', 'female') "
      "GROUP BY practice_id HAVING count (*) = 2 "
      "ON CONFLICT (practice_id, extract_date) DO UPDATE SET patients = excluded.patients, "
      "source = excluded.source", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, importer->report->extract_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, importer->file_name, -1, SQLITE_STATIC);
  return lp_importer_run (importer, stmt, "list_size", error);
}

const LpImportHandler lp_import_registrations_handler = {
  LP_IMPORT_GP_REG_TOTALS, "gp-reg-totals", TRUE,
  lp_registrations_bind, lp_registrations_row, lp_registrations_finish,
};

const LpImportHandler lp_import_single_age_handler = {
  LP_IMPORT_GP_REG_SINGLE_AGE, "gp-reg-single-age", TRUE,
  lp_registrations_bind, lp_registrations_row, lp_registrations_finish,
};

const LpImportHandler lp_import_quinary_handler = {
  LP_IMPORT_GP_REG_QUINARY, "gp-reg-quinary", TRUE,
  lp_registrations_bind, lp_registrations_row, lp_registrations_finish,
};

/* The practice map: practice names and postcodes, and the groupings a
 * commissioner can start localities from. */
enum { MAP_CODE, MAP_NAME, MAP_POSTCODE, MAP_GROUPS };

static const struct {
  const char *kind;
  const char *code_names[3];
  const char *name_names[3];
} groupings[] = {
  { "pcn", { "PCN_CODE", NULL }, { "PCN_NAME", NULL } },
  { "sub_icb", { "SUB_ICB_LOCATION_CODE", "CCG_CODE", NULL }, { "SUB_ICB_LOCATION_NAME", "CCG_NAME", NULL } },
  { "icb", { "ICB_CODE", "STP_CODE", NULL }, { "ICB_NAME", "STP_NAME", NULL } },
  { "region", { "COMM_REGION_CODE", NULL }, { "COMM_REGION_NAME", NULL } },
};

static gboolean
lp_map_bind (LpImporter  *importer,
             GError     **error)
{
  static const char * const map_code[] = { "PRACTICE_CODE", "PRAC_CODE", "CODE", NULL };
  static const char * const map_name[] = { "PRACTICE_NAME", "PRAC_NAME", NULL };
  static const char * const map_postcode[] = { "PRACTICE_POSTCODE", "POSTCODE", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (groupings); i++)
    {
      importer->columns[MAP_GROUPS + 2 * i] = lp_importer_find (importer, groupings[i].code_names);
      importer->columns[MAP_GROUPS + 2 * i + 1] = lp_importer_find (importer, groupings[i].name_names);
    }
  importer->columns[MAP_POSTCODE] = lp_importer_find (importer, map_postcode);
  return lp_importer_require (importer, MAP_CODE, map_code, error) &&
         lp_importer_require (importer, MAP_NAME, map_name, error);
}

static gboolean
lp_map_grouping (LpImporter  *importer,
                 gint64       practice,
                 guint        i,
                 GError     **error)
{
  const char *code = lp_importer_get (importer, MAP_GROUPS + 2 * i);
  sqlite3_stmt *stmt;

  if (*code == '\0')
    return TRUE;
  stmt = lp_plan_prepare (importer->plan,
      "INSERT INTO practice_grouping (practice_id, kind, code, name) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (practice_id, kind) DO UPDATE SET code = excluded.code, name = excluded.name", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, practice);
  sqlite3_bind_text (stmt, 2, groupings[i].kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, lp_importer_get (importer, MAP_GROUPS + 2 * i + 1), -1, SQLITE_TRANSIENT);
  return lp_importer_run (importer, stmt, "practice_grouping", error);
}

/* With a commissioner given, only the rows of that Sub-ICB location (the
 * old CCG) or ICB: the map lists every practice in England. */
static gboolean
lp_map_wanted (LpImporter *importer)
{
  const char *commissioner = importer->options->commissioner;
  static const guint commissioning[] = { 1 /* sub_icb */, 2 /* icb */ };

  if (commissioner == NULL || *commissioner == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (commissioning); i++)
    if (importer->columns[MAP_GROUPS + 2 * commissioning[i]] >= 0 &&
        g_ascii_strcasecmp (lp_importer_get (importer, MAP_GROUPS + 2 * commissioning[i]), commissioner) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
lp_map_row (LpImporter  *importer,
            GError     **error)
{
  const char *name = lp_importer_get (importer, MAP_NAME);
  gint64 practice;
  sqlite3_stmt *stmt;

  if (!lp_map_wanted (importer))
    return FALSE;
  if (*name == '\0')
    return lp_importer_bad_value (importer, MAP_NAME, _("the practice name is empty"), error);
  if ((practice = lp_importer_practice (importer, MAP_CODE, name, error)) == 0 ||
      !lp_importer_first_time (importer, lp_importer_get (importer, MAP_CODE), MAP_CODE, error))
    return FALSE;
  /* A name the user gave is kept; the stand-in (the code) is replaced. */
  stmt = lp_plan_prepare (importer->plan,
      "UPDATE practice SET name = ?2, postcode = CASE WHEN postcode = '' THEN ?3 ELSE postcode END "
      "WHERE id = ?1 AND name = ods_code", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, practice);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, lp_importer_get (importer, MAP_POSTCODE), -1, SQLITE_TRANSIENT);
  if (!lp_importer_run (importer, stmt, "practice", error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (groupings); i++)
    if (!lp_map_grouping (importer, practice, i, error))
      return FALSE;
  return TRUE;
}

/* Localities are published nowhere; a PCN or Sub-ICB is a starting point.
 * Practices the user already placed keep their locality.  The same code
 * as the Localities view's "Make Localities from PCNs". */
static gboolean
lp_map_suggest_localities (LpImporter  *importer,
                           GError     **error)
{
  g_hash_table_add (importer->touched, (gpointer) "locality");
  g_hash_table_add (importer->touched, (gpointer) "practice");
  /* Said before it is done, in the words of the Localities view's
   * preview: the import dialog's check shows it before anything changes. */
  g_free (importer->report->localities_made);
  importer->report->localities_made =
    lp_plan_describe_localities_from (importer->plan, importer->options->localities_from, FALSE, NULL);
  return lp_localities_from_grouping_write (importer->plan, importer->options->localities_from,
                                            FALSE, NULL, NULL, error);
}

static gboolean
lp_map_finish (LpImporter  *importer,
               GError     **error)
{
  lp_importer_report_missing_practices (importer);
  return importer->options->localities_from == NULL || lp_map_suggest_localities (importer, error);
}

const LpImportHandler lp_import_map_handler = {
  LP_IMPORT_GP_REG_MAP, "gp-reg-map", TRUE, lp_map_bind, lp_map_row, lp_map_finish,
};
