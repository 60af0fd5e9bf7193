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

/* One practice's ages for one sex, gathered from the file's rows and
 * written as one age_profile row when the file has been read: the table
 * holds a row per practice, sex and extract, not per age. */
#define LP_AGE_SLOTS 96          /* single years 0..94 and 95+ */
#define LP_BAND_SLOTS 20         /* five-year bands 0-4..90-94 and 95+ */
#define LP_AGE_WIDTH 6           /* characters per figure in age_profile.patients */
#define LP_AGE_MAX 999999

typedef enum { LP_BANDING_UNKNOWN, LP_BANDING_SINGLE, LP_BANDING_FIVE_YEAR } LpBanding;

typedef struct {
  gint64      practice;          /* the hash key, in the table of its sex */
  int         sex_index;         /* 0 all, 1 male, 2 female */
  const char *sex;               /* static string */
  LpBanding   banding;
  gint64      total;             /* the ALL row, -1 if none */
  gint64      patients[LP_AGE_SLOTS];   /* -1 where the file gave no figure */
} LpAgeProfile;

typedef struct {
  gboolean      had_totals;   /* the file gave all-persons totals itself */
  char         *cleared[4];   /* sexes whose age rows this import replaces (static strings) */
  GHashTable   *profiles[3];  /* per sex index: practice id -> LpAgeProfile */
} LpRegistrations;

static void
lp_registrations_free (gpointer data)
{
  LpRegistrations *registrations = data;

  for (guint i = 0; i < G_N_ELEMENTS (registrations->profiles); i++)
    g_clear_pointer (&registrations->profiles[i], g_hash_table_unref);
  g_free (registrations);
}

static gboolean
lp_registrations_bind (LpImporter  *importer,
                       GError     **error)
{
  LpRegistrations *registrations = g_new0 (LpRegistrations, 1);

  for (guint i = 0; i < G_N_ELEMENTS (registrations->profiles); i++)
    registrations->profiles[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  importer->data = registrations;
  importer->data_free = lp_registrations_free;
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

/* The slot of @band in a profile of its banding, or -1 if @band is no
 * age NHS Digital publishes: single years "0" to "94", five-year bands
 * "0_4" to "90_94", and "95+" (the last slot of either). */
static int
lp_registrations_slot (const char *band,
                       LpBanding  *banding)
{
  int from = 0, to = 0;
  const char *p = band;

  if (g_str_equal (band, "95+"))
    return *banding = LP_BANDING_UNKNOWN, -2;
  for (; g_ascii_isdigit (*p) && p - band < 9; p++)
    from = from * 10 + (*p - '0');
  if (p == band)
    return -1;
  if (*p == '\0')
    return from <= 94 ? (*banding = LP_BANDING_SINGLE, from) : -1;
  if (*p != '_' || from % 5 != 0 || from > 90)
    return -1;
  band = ++p;
  for (; g_ascii_isdigit (*p) && p - band < 9; p++)
    to = to * 10 + (*p - '0');
  if (p == band || *p != '\0' || to != from + 4)
    return -1;
  *banding = LP_BANDING_FIVE_YEAR;
  return from / 5;
}

static int
lp_registrations_sex_index (const char *sex)
{
  return g_str_equal (sex, "male") ? 1 : g_str_equal (sex, "female") ? 2 : 0;
}

/* Keeps one age row's figure for the practice and sex, refusing a second
 * figure for the same age, and a file that mixes single years with
 * five-year bands for one practice and sex. */
static gboolean
lp_registrations_band (LpImporter  *importer,
                       gint64       practice,
                       const char  *sex,
                       const char  *band,
                       int          slot,
                       LpBanding    banding,
                       gint64       patients,
                       GError     **error)
{
  LpRegistrations *registrations = importer->data;
  int sex_index = lp_registrations_sex_index (sex);
  LpAgeProfile *profile = g_hash_table_lookup (registrations->profiles[sex_index], &practice);
  gint64 *figure;

  if (profile == NULL)
    {
      profile = g_new (LpAgeProfile, 1);
      profile->practice = practice;
      profile->sex_index = sex_index;
      profile->sex = sex;
      profile->banding = LP_BANDING_UNKNOWN;
      profile->total = -1;
      for (guint i = 0; i < LP_AGE_SLOTS; i++)
        profile->patients[i] = -1;
      g_hash_table_insert (registrations->profiles[sex_index], &profile->practice, profile);
    }
  if (banding != LP_BANDING_UNKNOWN && profile->banding != LP_BANDING_UNKNOWN && banding != profile->banding)
    {
      g_autofree char *why = g_strdup_printf (banding == LP_BANDING_SINGLE
          ? _("“%s” is a single year of age, but this file gives five-year bands for the same practice and sex")
          : _("“%s” is a five-year band, but this file gives single years of age for the same practice and sex"),
          band);
      return lp_importer_bad_value (importer, REG_AGE, why, error);
    }
  if (slot == -3)
    figure = &profile->total;
  else if (slot == -2)   /* 95+: the last slot, whichever the banding */
    figure = &profile->patients[LP_AGE_SLOTS - 1];
  else
    figure = &profile->patients[slot];
  if (slot != -3 && patients > LP_AGE_MAX)
    {
      g_autofree char *why = g_strdup_printf (_("“%" G_GINT64_FORMAT "” is more patients than one practice "
                                                "can have of one age"), patients);
      return lp_importer_bad_value (importer, REG_COUNT, why, error);
    }
  if (*figure >= 0)
    {
      g_autofree char *why = g_strdup_printf (_("“%s” appears a second time in this file for the same "
                                                "practice and sex"), band);
      return lp_importer_bad_value (importer, REG_AGE, why, error);
    }
  if (banding != LP_BANDING_UNKNOWN)
    profile->banding = banding;
  *figure = patients;
  if (!g_strv_contains ((const char * const *) registrations->cleared, sex))
    registrations->cleared[g_strv_length (registrations->cleared)] = (char *) sex;
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
  LpBanding banding = LP_BANDING_UNKNOWN;
  int slot = -3;   /* ALL */

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
  else if ((slot = lp_registrations_slot (band, &banding)) == -1)
    {
      g_autofree char *why = g_strdup_printf (_("“%s” is not an age (0 to 94, or 95+) nor a five-year band "
                                                "(0_4 to 90_94, or 95+)"), band);
      return lp_importer_bad_value (importer, REG_AGE, why, error);
    }
  if (!g_str_equal (sex, "all") || !g_str_equal (band, "ALL"))
    return lp_registrations_band (importer, practice, sex, band, slot, banding, patients, error);
  key = g_strconcat ("total|", lp_importer_get (importer, REG_CODE), NULL);
  return lp_importer_first_time (importer, key, REG_CODE, error) &&
         lp_registrations_total (importer, practice, patients, error);
}

static int
lp_profile_compare (gconstpointer a,
                    gconstpointer b)
{
  const LpAgeProfile *pa = *(LpAgeProfile * const *) a, *pb = *(LpAgeProfile * const *) b;

  if (pa->practice != pb->practice)
    return pa->practice < pb->practice ? -1 : 1;
  return pa->sex_index - pb->sex_index;
}

/* The profile's figures as age_profile keeps them: each right-aligned in
 * LP_AGE_WIDTH characters, blank where the file gave none. */
static void
lp_profile_write_text (const LpAgeProfile *profile,
                       GString            *text)
{
  guint n = profile->banding == LP_BANDING_FIVE_YEAR ? LP_BAND_SLOTS : LP_AGE_SLOTS;

  g_string_truncate (text, 0);
  for (guint i = 0; i < n; i++)
    {
      /* 95+ is kept in the last slot until the banding is known. */
      gint64 figure = i == n - 1 ? profile->patients[LP_AGE_SLOTS - 1] : profile->patients[i];
      char field[LP_AGE_WIDTH + 1] = "      ";
      int at = LP_AGE_WIDTH;

      for (; figure >= 0 && at > 0; figure = figure / 10 ? figure / 10 : -1)
        field[--at] = (char) ('0' + figure % 10);
      g_string_append_len (text, field, LP_AGE_WIDTH);
    }
}

/* Replaces the extract's profiles for each sex the file gave, written in
 * key order so that the pages fill one after another. */
static gboolean
lp_registrations_write_profiles (LpImporter  *importer,
                                 GError     **error)
{
  LpRegistrations *registrations = importer->data;
  g_autoptr(GPtrArray) profiles = g_ptr_array_new ();
  g_autoptr(GString) json = g_string_sized_new (512);
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < G_N_ELEMENTS (registrations->profiles); i++)
    {
      g_hash_table_iter_init (&iter, registrations->profiles[i]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (profiles, value);
    }

  for (guint i = 0; registrations->cleared[i] != NULL; i++)
    {
      stmt = lp_plan_prepare (importer->plan, "DELETE FROM age_profile WHERE extract_date = ?1 AND sex = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, importer->report->extract_date, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, registrations->cleared[i], -1, SQLITE_STATIC);
      if (!lp_importer_run (importer, stmt, "age_profile", error))
        return FALSE;
    }
  if (profiles->len == 0)
    return TRUE;
  g_ptr_array_sort (profiles, lp_profile_compare);
  /* A profile with only 95+ or ALL takes the file's own banding. */
  for (guint i = 0; i < profiles->len; i++)
    if (((LpAgeProfile *) g_ptr_array_index (profiles, i))->banding == LP_BANDING_UNKNOWN &&
        importer->report->kind == LP_IMPORT_GP_REG_QUINARY)
      ((LpAgeProfile *) g_ptr_array_index (profiles, i))->banding = LP_BANDING_FIVE_YEAR;
  stmt = lp_plan_prepare (importer->plan,
      "INSERT INTO age_profile (extract_date, practice_id, sex, banding, total, patients) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, importer->report->extract_date, -1, SQLITE_STATIC);
  for (guint i = 0; i < profiles->len; i++)
    {
      const LpAgeProfile *profile = g_ptr_array_index (profiles, i);

      lp_profile_write_text (profile, json);
      sqlite3_bind_int64 (stmt, 2, profile->practice);
      sqlite3_bind_text (stmt, 3, profile->sex, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, profile->banding == LP_BANDING_FIVE_YEAR ? "five_year" : "single", -1,
                         SQLITE_STATIC);
      if (profile->total >= 0)
        sqlite3_bind_int64 (stmt, 5, profile->total);
      else
        sqlite3_bind_null (stmt, 5);
      sqlite3_bind_text (stmt, 6, json->str, (int) json->len, SQLITE_STATIC);
      if (!lp_importer_run (importer, stmt, "age_profile", error))
        return FALSE;
    }
  return TRUE;
}

/* The age profiles; then a practice's list size from its male and female
 * totals, where the files gave no all-persons total (the
 * single-year-of-age files come per sex). */
static gboolean
lp_registrations_finish (LpImporter  *importer,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  lp_importer_report_missing_practices (importer);
  if (!lp_registrations_write_profiles (importer, error))
    return FALSE;
  if (((LpRegistrations *) importer->data)->had_totals || importer->report->extract_date == NULL)
    return TRUE;
  stmt = lp_plan_prepare (importer->plan,
      "INSERT INTO list_size (practice_id, extract_date, patients, source) "
      "SELECT practice_id, extract_date, sum (total), ?2 FROM age_profile "
      "WHERE extract_date = ?1 AND total IS NOT NULL AND (sex = 'male' OR sex = 'female') "
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
  lp_registrations_bind, lp_registrations_row, lp_registrations_finish, TRUE,
};

const LpImportHandler lp_import_quinary_handler = {
  LP_IMPORT_GP_REG_QUINARY, "gp-reg-quinary", TRUE,
  lp_registrations_bind, lp_registrations_row, lp_registrations_finish, TRUE,
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
