/* SPDX-License-Identifier: GPL-3.0-or-later */
/* NHS Digital's Primary Care Network Workforce publication: the staff that
 * PCNs employ (most of them under the Additional Roles Reimbursement
 * Scheme), which the practice-level workforce files do not hold.
 *
 * Two shapes are published and both are read:
 * - the Individual-level CSV, a row per person and role:
 *   CENSUS_YEAR, CENSUS_MONTH, UNIQUE_IDENTIFIER, PCN_CODE, PCN_NAME,
 *   SUB_ICB_CODE ..., ICB_CODE, ICB_NAME, ..., STAFF_GROUP, STAFF_ROLE,
 *   DETAILED_STAFF_ROLE, FTE;
 * - role-level tables, a row per PCN and role with FTE (and HEADCOUNT), or
 *   in long form with MEASURE (FTE / Headcount) and VALUE.
 * Rows are added up into FTE per PCN, role and census date (the last day
 * of the census month).  Headcount is the number of distinct
 * UNIQUE_IDENTIFIERs where the file has them, since one person may hold
 * two roles.  Missing figures (ND, NA, empty...) stay missing.  A re-import
 * replaces each PCN's figures at each census date the file holds. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lp-import-private.h"
#include "lp-validate.h"

enum {
  PW_PCN, PW_NAME, PW_ROLE, PW_DETAILED, PW_FTE, PW_HEADCOUNT, PW_MEASURE, PW_VALUE,
  PW_PERSON, PW_YEAR, PW_MONTH,
};

/* The published role names (singular, lower case, words only: see
 * lp_pcn_role_key()) and the plan's roles.  The wording has varied by
 * release ("Care Co-ordinators", "Care Coordinator"), and the Individual
 * level file qualifies some roles in brackets, which are dropped.  The
 * advanced practitioners the scheme reimburses (nurse, pharmacist,
 * paramedic...) are one ARRS role, as the scheme counts them. */
static const struct {
  const char *published;
  const char *role;
} pcn_roles[] = {
  { "clinical pharmacist", "DPC_PHARMACIST" },
  { "pharmacist", "DPC_PHARMACIST" },
  { "senior clinical pharmacist", "DPC_PHARMACIST" },
  { "pharmacy technician", "DPC_PHARM_TECH" },
  { "social prescribing link worker", "DPC_SPLW" },
  { "social prescriber", "DPC_SPLW" },
  { "health and wellbeing coach", "DPC_HWB_COACH" },
  { "health and well being coach", "DPC_HWB_COACH" },
  { "care coordinator", "DPC_CARE_COORDINATOR" },
  { "physician associate", "DPC_PHYSICIAN_ASSOC" },
  { "first contact physiotherapist", "DPC_PHYSIO" },
  { "physiotherapist", "DPC_PHYSIO" },
  { "dietitian", "DPC_DIETITIAN" },
  { "dietician", "DPC_DIETITIAN" },
  { "podiatrist", "DPC_PODIATRIST" },
  { "occupational therapist", "DPC_OCCUPATIONAL_THERAPIST" },
  { "paramedic", "DPC_PARAMEDIC" },
  { "community paramedic", "DPC_PARAMEDIC" },
  { "mental health practitioner", "DPC_MENTAL_HEALTH" },
  { "mental health and wellbeing practitioner", "DPC_MENTAL_HEALTH" },
  { "nursing associate", "DPC_NURSING_ASSOC" },
  { "trainee nursing associate", "DPC_TRAINEE_NURSING_ASSOC" },
  { "general practice assistant", "DPC_GP_ASSISTANT" },
  { "gp assistant", "DPC_GP_ASSISTANT" },
  { "digital and transformation lead", "ADMIN_DIGITAL_LEAD" },
  { "advanced practitioner", "DPC_ADVANCED_PRACTITIONER" },
  { "advanced clinical practitioner", "DPC_ADVANCED_PRACTITIONER" },
  { "advanced nurse practitioner", "DPC_ADVANCED_PRACTITIONER" },
  { "advanced pharmacist practitioner", "DPC_ADVANCED_PRACTITIONER" },
  { "advanced paramedic practitioner", "DPC_ADVANCED_PRACTITIONER" },
  { "advanced physiotherapist practitioner", "DPC_ADVANCED_PRACTITIONER" },
  { "advanced occupational therapist practitioner", "DPC_ADVANCED_PRACTITIONER" },
  { "health care assistant", "DPC_HCA" },
  { "healthcare assistant", "DPC_HCA" },
  { "other direct patient care", "DPC_OTHER" },
  { "other direct patient care staff", "DPC_OTHER" },
  { "nurse", "N_PRACTICE" },
  { "practice nurse", "N_PRACTICE" },
  { "salaried gp", "GP_SALARIED" },
  { "gp", "GP_SALARIED" },
  { "clinical director", "ADMIN_PCN_CLINICAL_DIRECTOR" },
  { "pcn clinical director", "ADMIN_PCN_CLINICAL_DIRECTOR" },
  { "pcn manager", "ADMIN_PCN_MANAGER" },
  { "network manager", "ADMIN_PCN_MANAGER" },
  { "manager", "ADMIN_PCN_MANAGER" },
  { "receptionist", "ADMIN_RECEPTION" },
  { "admin", "ADMIN_OTHER" },
  { "administrator", "ADMIN_OTHER" },
  { "other admin", "ADMIN_OTHER" },
  { "admin non clinical", "ADMIN_OTHER" },
  { "other admin non clinical", "ADMIN_OTHER" },
  { "other admin non clinical staff", "ADMIN_OTHER" },
};

typedef struct {
  char       *key;          /* "PCN|ROLE|DATE", the totals table's key */
  char       *pcn_code;
  char       *pcn_name;
  const char *role;
  char       *as_at;
  double      fte;
  gboolean    has_fte;
  gint64      headcount;
  gboolean    has_headcount;
  GHashTable *people;       /* UNIQUE_IDENTIFIERs counted, when the file has them */
} LpPcnTotal;

typedef struct {
  char       *as_at;        /* from the options or the file's name, when the rows have no census */
  GHashTable *totals;       /* "PCN|ROLE|DATE" -> LpPcnTotal */
  GPtrArray  *order;        /* the totals in the file's order, for a stable write */
} LpPcnWorkforce;

static void
lp_pcn_total_free (gpointer data)
{
  LpPcnTotal *total = data;

  g_free (total->key);
  g_free (total->pcn_code);
  g_free (total->pcn_name);
  g_free (total->as_at);
  g_clear_pointer (&total->people, g_hash_table_unref);
  g_free (total);
}

static void
lp_pcn_workforce_free (gpointer data)
{
  LpPcnWorkforce *workforce = data;

  g_clear_pointer (&workforce->totals, g_hash_table_unref);
  g_clear_pointer (&workforce->order, g_ptr_array_unref);
  g_free (workforce->as_at);
  g_free (workforce);
}

/* "Care Co-ordinators (ARRS)" -> "care coordinator": brackets dropped,
 * '&' read as "and", hyphens joined, other punctuation a space. */
static char *
lp_pcn_role_key (const char *published)
{
  GString *key = g_string_new (NULL);
  int depth = 0;

  for (const char *p = published; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (c == '(')
        depth++;
      else if (c == ')')
        depth = MAX (depth - 1, 0);
      else if (depth > 0 || c == '-' || c == '\'')
        ;
      else if (c == '&')
        g_string_append (key, " and ");
      else if (g_ascii_isalnum (c) || (guchar) c >= 0x80)
        g_string_append_c (key, c);
      else if (key->len > 0 && key->str[key->len - 1] != ' ')
        g_string_append_c (key, ' ');
    }
  g_strstrip (key->str);
  /* Collapse the spaces '&' may have doubled. */
  {
    char **words = g_strsplit (key->str, " ", -1);
    g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
    g_auto(GStrv) joined = NULL;

    for (guint i = 0; words[i] != NULL; i++)
      if (words[i][0] != '\0')
        g_strv_builder_add (kept, words[i]);
    joined = g_strv_builder_end (kept);
    g_strfreev (words);
    g_string_free (key, TRUE);
    return g_strjoinv (" ", joined);
  }
}

static const char *
lp_pcn_role_lookup (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (pcn_roles); i++)
    if (g_str_equal (pcn_roles[i].published, key))
      return pcn_roles[i].role;
  return NULL;
}

/**
 * lp_import_pcn_role:
 *
 * The plan's role code for a role name as the PCN workforce publication
 * writes it ("Social Prescribing Link Workers", "Care Co-ordinator"), or
 * %NULL for a name it does not know.  Plurals are read as singulars.
 */
const char *
lp_import_pcn_role (const char *published)
{
  g_autofree char *key = lp_pcn_role_key (published);
  const char *role = lp_pcn_role_lookup (key);
  size_t len = strlen (key);

  if (role == NULL && len > 1 && key[len - 1] == 's')
    {
      key[len - 1] = '\0';
      role = lp_pcn_role_lookup (key);
      if (role == NULL && len > 2 && key[len - 2] == 'e')
        {
          key[len - 2] = '\0';
          role = lp_pcn_role_lookup (key);
        }
    }
  return role;
}

static gboolean
lp_pcn_is_missing (const char *text)
{
  static const char * const markers[] = { "", "ND", "NA", "N/A", "EST", "NS", ".", "*", NULL };
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  for (guint i = 0; markers[i] != NULL; i++)
    if (g_ascii_strcasecmp (trimmed, markers[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
lp_pcn_workforce_bind (LpImporter  *importer,
                       GError     **error)
{
  static const char * const pcn_names[] = { "PCN_CODE", "PCN_ODS_CODE", "PCN CODE", NULL };
  static const char * const name_names[] = { "PCN_NAME", "PCN NAME", NULL };
  static const char * const role_names[] = { "STAFF_ROLE", "JOB_ROLE", "STAFF ROLE", NULL };
  static const char * const detailed_names[] = { "DETAILED_STAFF_ROLE", "DETAILED_ROLE", NULL };
  static const char * const fte_names[] = { "FTE", "FTE_VALUE", "TOTAL_FTE", NULL };
  static const char * const headcount_names[] = { "HEADCOUNT", "HC", "TOTAL_HEADCOUNT", NULL };
  static const char * const measure_names[] = { "MEASURE", NULL };
  static const char * const value_names[] = { "VALUE", NULL };
  static const char * const person_names[] = { "UNIQUE_IDENTIFIER", "UNIQUE_ID", NULL };
  static const char * const year_names[] = { "CENSUS_YEAR", "YEAR", NULL };
  static const char * const month_names[] = { "CENSUS_MONTH", "MONTH", NULL };
  LpPcnWorkforce *workforce = g_new0 (LpPcnWorkforce, 1);

  importer->data = workforce;
  importer->data_free = lp_pcn_workforce_free;
  workforce->totals = g_hash_table_new (g_str_hash, g_str_equal);
  workforce->order = g_ptr_array_new_with_free_func (lp_pcn_total_free);

  if (!lp_importer_require (importer, PW_PCN, pcn_names, error))
    return FALSE;
  importer->columns[PW_NAME] = lp_importer_find (importer, name_names);
  importer->columns[PW_DETAILED] = lp_importer_find (importer, detailed_names);
  /* STAFF_ROLE is the role; a file with only the detailed one uses that. */
  importer->columns[PW_ROLE] = lp_importer_find (importer, role_names);
  if (importer->columns[PW_ROLE] < 0)
    importer->columns[PW_ROLE] = importer->columns[PW_DETAILED];
  if (importer->columns[PW_ROLE] < 0 && !lp_importer_require (importer, PW_ROLE, role_names, error))
    return FALSE;
  importer->columns[PW_FTE] = lp_importer_find (importer, fte_names);
  importer->columns[PW_HEADCOUNT] = lp_importer_find (importer, headcount_names);
  importer->columns[PW_PERSON] = lp_importer_find (importer, person_names);
  if (importer->columns[PW_FTE] < 0)
    {
      if (lp_importer_find (importer, measure_names) < 0)
        return lp_importer_require (importer, PW_FTE, fte_names, error);
      if (!lp_importer_require (importer, PW_MEASURE, measure_names, error) ||
          !lp_importer_require (importer, PW_VALUE, value_names, error))
        return FALSE;
    }
  importer->columns[PW_YEAR] = lp_importer_find (importer, year_names);
  importer->columns[PW_MONTH] = lp_importer_find (importer, month_names);
  if ((importer->columns[PW_YEAR] >= 0) != (importer->columns[PW_MONTH] >= 0))
    return lp_importer_require (importer, PW_YEAR, year_names, error) &&
           lp_importer_require (importer, PW_MONTH, month_names, error);
  if (importer->columns[PW_YEAR] < 0)
    {
      workforce->as_at = importer->options->as_at != NULL ? g_strdup (importer->options->as_at)
                                                         : lp_import_date_from_month_name (importer->file_name);
      if (workforce->as_at == NULL || !lp_validate_date ("", workforce->as_at, NULL))
        return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                            _("%s: the file has no CENSUS_YEAR and CENSUS_MONTH, and its name does not "
                              "say which month it describes (such as “June 2024”); give the date it is as at"),
                            importer->file_name), FALSE;
    }
  return TRUE;
}

/* The census date of the row: the last day of CENSUS_MONTH (a number or
 * a month's name) of CENSUS_YEAR. */
static char *
lp_pcn_census_date (LpImporter  *importer,
                    GError     **error)
{
  static const char * const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", NULL
  };
  const char *year_text = lp_importer_get (importer, PW_YEAR);
  g_autofree char *month_text = g_strstrip (g_strdup (lp_importer_get (importer, PW_MONTH)));
  gint64 year = 0, month = 0;

  if (!lp_parse_count ("", year_text, &year, NULL) || year < 2000 || year > 2200)
    {
      g_autofree char *why = g_strdup_printf (_("“%s” is not a year"), year_text);
      return lp_importer_bad_value (importer, PW_YEAR, why, error), NULL;
    }
  if (!lp_parse_count ("", month_text, &month, NULL))
    for (guint m = 0; months[m] != NULL && month == 0; m++)
      if (strlen (month_text) >= 3 && g_ascii_strncasecmp (month_text, months[m], 3) == 0)
        month = m + 1;
  if (month < 1 || month > 12)
    {
      g_autofree char *why = g_strdup_printf (_("“%s” is not a month (1 to 12, or its name)"), month_text);
      return lp_importer_bad_value (importer, PW_MONTH, why, error), NULL;
    }
  return g_strdup_printf ("%04d-%02d-%02d", (int) year, (int) month,
                          g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year));
}

/* A figure of the row: FALSE with @error for a bad one; *present FALSE
 * for a missing-value marker. */
static gboolean
lp_pcn_figure (LpImporter  *importer,
               guint        slot,
               double      *value,
               gboolean    *present,
               GError     **error)
{
  const char *text = lp_importer_get (importer, slot);

  *present = FALSE;
  if (lp_pcn_is_missing (text))
    return TRUE;
  if (!lp_parse_decimal ("", text, 0, value, NULL))
    {
      g_autofree char *why = g_strdup_printf (_("“%s” is not a number of 0 or more (nor a missing-value "
                                                "marker such as ND or NA)"), text);
      return lp_importer_bad_value (importer, slot, why, error);
    }
  *present = TRUE;
  return TRUE;
}

static LpPcnTotal *
lp_pcn_total (LpPcnWorkforce *workforce,
              const char     *pcn_code,
              const char     *role,
              char           *as_at)
{
  g_autofree char *key = g_strdup_printf ("%s|%s|%s", pcn_code, role, as_at);
  LpPcnTotal *total = g_hash_table_lookup (workforce->totals, key);

  if (total != NULL)
    return g_free (as_at), total;
  total = g_new0 (LpPcnTotal, 1);
  total->key = g_steal_pointer (&key);
  total->pcn_code = g_strdup (pcn_code);
  total->role = role;
  total->as_at = as_at;
  /* The order array owns the totals, and so the keys. */
  g_ptr_array_add (workforce->order, total);
  g_hash_table_insert (workforce->totals, total->key, total);
  return total;
}

static gboolean
lp_pcn_workforce_row (LpImporter  *importer,
                      GError     **error)
{
  LpPcnWorkforce *workforce = importer->data;
  g_autofree char *code = g_ascii_strup (lp_importer_get (importer, PW_PCN), -1);
  const char *published = lp_importer_get (importer, PW_ROLE);
  const char *role = lp_import_pcn_role (published);
  g_autofree char *as_at = NULL;
  gboolean is_fte = TRUE, present = FALSE, has_headcount = FALSE;
  double value = 0, headcount = 0;
  LpPcnTotal *total;

  g_strstrip (code);
  if (code[0] == '\0')
    return lp_importer_bad_value (importer, PW_PCN, _("the PCN code is empty"), error);
  if (role == NULL && importer->columns[PW_DETAILED] >= 0 && importer->columns[PW_DETAILED] != importer->columns[PW_ROLE])
    role = lp_import_pcn_role (lp_importer_get (importer, PW_DETAILED));
  if (role == NULL)
    {
      g_autofree char *why = g_strdup_printf (_("“%s” is not a staff role Locality Planner knows "
                                                "(the roles it reads are listed in the help on importing)"),
                                              published);
      return lp_importer_bad_value (importer, PW_ROLE, why, error);
    }
  if (importer->columns[PW_YEAR] >= 0)
    {
      if ((as_at = lp_pcn_census_date (importer, error)) == NULL)
        return FALSE;
    }
  else
    as_at = g_strdup (workforce->as_at);

  if (importer->columns[PW_FTE] >= 0)
    {
      if (!lp_pcn_figure (importer, PW_FTE, &value, &present, error))
        return FALSE;
      if (importer->columns[PW_HEADCOUNT] >= 0 &&
          !lp_pcn_figure (importer, PW_HEADCOUNT, &headcount, &has_headcount, error))
        return FALSE;
    }
  else
    {
      const char *measure = lp_importer_get (importer, PW_MEASURE);

      is_fte = g_ascii_strcasecmp (measure, "FTE") == 0;
      if (!is_fte && g_ascii_strcasecmp (measure, "Headcount") != 0 && g_ascii_strcasecmp (measure, "HC") != 0)
        {
          g_autofree char *why = g_strdup_printf (_("“%s” is neither FTE nor Headcount"), measure);
          return lp_importer_bad_value (importer, PW_MEASURE, why, error);
        }
      if (!lp_pcn_figure (importer, PW_VALUE, &value, &present, error))
        return FALSE;
      if (!is_fte)
        headcount = value, has_headcount = present, present = FALSE;
    }

  /* Every check has passed: only now does the row count. */
  total = lp_pcn_total (workforce, code, role, g_steal_pointer (&as_at));
  if (total->pcn_name == NULL && importer->columns[PW_NAME] >= 0)
    total->pcn_name = g_strstrip (g_strdup (lp_importer_get (importer, PW_NAME)));
  if (present && is_fte)
    total->fte += value, total->has_fte = TRUE;
  if (importer->columns[PW_PERSON] >= 0)
    {
      const char *person = lp_importer_get (importer, PW_PERSON);

      /* A pooled resource has no identifier: its FTE counts, its people
       * cannot. */
      if (total->people == NULL)
        total->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      if (!lp_pcn_is_missing (person))
        g_hash_table_add (total->people, g_strdup (person));
      total->headcount = g_hash_table_size (total->people);
      total->has_headcount = total->headcount > 0;
    }
  else if (has_headcount)
    total->headcount += (gint64) (headcount + 0.5), total->has_headcount = TRUE;
  return TRUE;
}

static gboolean
lp_pcn_workforce_finish (LpImporter  *importer,
                         GError     **error)
{
  LpPcnWorkforce *workforce = importer->data;
  g_autoptr(GHashTable) cleared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *latest = NULL;

  for (guint i = 0; i < workforce->order->len; i++)
    {
      LpPcnTotal *total = g_ptr_array_index (workforce->order, i);
      g_autofree char *census = g_strdup_printf ("%s|%s", total->pcn_code, total->as_at);
      sqlite3_stmt *stmt;

      /* A PCN's census is replaced whole: a role the new file no longer
       * has is gone from it too. */
      if (g_hash_table_add (cleared, g_steal_pointer (&census)))
        {
          stmt = lp_plan_prepare (importer->plan,
                                  "DELETE FROM pcn_workforce_fte WHERE pcn_code = ?1 AND as_at = ?2", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, total->pcn_code, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, total->as_at, -1, SQLITE_STATIC);
          if (!lp_importer_run (importer, stmt, "pcn_workforce_fte", error))
            return FALSE;
        }
      stmt = lp_plan_prepare (importer->plan,
          "INSERT INTO pcn_workforce_fte (pcn_code, role, as_at, pcn_name, fte, headcount, source) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, total->pcn_code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, total->role, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, total->as_at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, total->pcn_name != NULL ? total->pcn_name : "", -1, SQLITE_STATIC);
      if (total->has_fte)
        sqlite3_bind_double (stmt, 5, total->fte);
      if (total->has_headcount)
        sqlite3_bind_int64 (stmt, 6, total->headcount);
      sqlite3_bind_text (stmt, 7, importer->file_name, -1, SQLITE_STATIC);
      if (!lp_importer_run (importer, stmt, "pcn_workforce_fte", error))
        return FALSE;
      if (latest == NULL || strcmp (total->as_at, latest) > 0)
        latest = total->as_at;
    }
  g_free (importer->report->extract_date);
  importer->report->extract_date = g_strdup (latest != NULL ? latest : workforce->as_at);
  return TRUE;
}

const LpImportHandler lp_import_pcn_workforce_handler = {
  LP_IMPORT_PCN_WORKFORCE, "pcn-workforce", TRUE,
  lp_pcn_workforce_bind, lp_pcn_workforce_row, lp_pcn_workforce_finish,
};
