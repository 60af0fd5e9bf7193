/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A workshop copy's changes and conflicts in the words of the views, for
 * the merge window: "Stevenage · Practice X06K01 · list size at 01/01/2018:
 * 12,400 patients (was 12,326)".
 *
 * Everything is read from the copy's own connection (the copy as "main",
 * its base attached as "base"), never from the plan: the window may word
 * a copy on a worker thread while the plan is busy.  A name is looked up
 * in the copy first, then in the base, because a row the copy deleted
 * (and the locality or practice it belonged to) is only there.  Nothing
 * here fails: a row or a name that cannot be found is written with the
 * table's noun and its key. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lp-merge-words.h"
#include "lp-workshop-private.h"
#include "lp-format.h"
#include "lp-locale.h"
#include "lp-workforce.h"

/* How a column's value is written. */
typedef enum {
  K_TEXT,         /* quoted: “Stevenage” */
  K_GUESS,        /* a column no one listed: a figure as a figure, else quoted */
  K_WORD,         /* as it is: codes, postcodes */
  K_COUNT,        /* 12,326 */
  K_PATIENTS,     /* 12,326 patients */
  K_POUNDS,       /* £26,350,000 */
  K_DATE,         /* 01/09/2018 */
  K_BP,           /* basis points as a percentage: 3.5% */
  K_DECIMAL,      /* 1.25 */
  K_FTE,          /* 4.5 FTE */
  K_FTE_CHANGE,   /* +4 FTE */
  K_MONTHS,       /* 6 months */
  K_YEARS,        /* 3 years */
  K_MINUTES,      /* 120 minutes a week */
  K_BOOL,         /* yes, no */
  K_STATUS,       /* a practice's status */
  K_LEVEL,        /* STP, CCG, locality */
  K_TARGET_LEVEL, /* CCG, locality, practice */
  K_ACCESS,       /* full access … */
  K_BASIS,        /* planned, actual */
  K_PERIOD,       /* over the horizon, a year … */
  K_CATEGORY,     /* a pathway's category */
  K_LOCALITY,     /* ids and codes shown by the name they stand for */
  K_PRACTICE,
  K_PROVIDER,
  K_SCENARIO,
  K_PATHWAY,
  K_CONTRACT,
  K_PROGRAMME,
  K_ROLE,
  K_GROUP,
  K_LINE,
  K_POD,
} Kind;

typedef struct {
  const char *table;
  const char *column;
  const char *label;  /* before the value in a change ("annual value"); NULL: the row's own value */
  const char *name;   /* the value in a question ("list size") */
  Kind        kind;
} ColumnSpec;

#define MAIN_VALUE NULL

static const ColumnSpec column_specs[] = {
  { "locality", "name", N_("name"), N_("name"), K_TEXT },
  { "locality", "code", N_("code"), N_("code"), K_WORD },
  { "locality", "notes", N_("notes"), N_("notes"), K_TEXT },
  { "practice", "ods_code", N_("ODS code"), N_("ODS code"), K_WORD },
  { "practice", "name", N_("name"), N_("name"), K_TEXT },
  { "practice", "postcode", N_("postcode"), N_("postcode"), K_WORD },
  { "practice", "locality_id", N_("locality"), N_("locality"), K_LOCALITY },
  { "practice", "status", N_("status"), N_("status"), K_STATUS },
  { "practice", "notes", N_("notes"), N_("notes"), K_TEXT },
  { "practice", "commissioner", N_("commissioner"), N_("commissioner"), K_TEXT },
  { "practice", "close_date", N_("close date"), N_("close date"), K_DATE },
  { "list_size", "patients", MAIN_VALUE, N_("list size"), K_PATIENTS },
  { "list_size", "source", N_("source"), N_("source"), K_TEXT },
  { "provider", "name", N_("name"), N_("name"), K_TEXT },
  { "provider", "sector", N_("sector"), N_("sector"), K_WORD },
  { "provider", "ods_code", N_("ODS code"), N_("ODS code"), K_WORD },
  { "contract", "provider_id", N_("provider"), N_("provider"), K_PROVIDER },
  { "contract", "service", N_("service"), N_("service"), K_TEXT },
  { "contract", "start_date", N_("start"), N_("start date"), K_DATE },
  { "contract", "end_date", N_("end"), N_("end date"), K_DATE },
  { "contract", "extension_months", N_("extension"), N_("extension"), K_MONTHS },
  { "contract", "annual_value_pounds", N_("annual value"), N_("annual value"), K_POUNDS },
  { "contract", "notes", N_("notes"), N_("notes"), K_TEXT },
  { "vulnerable_service", "contract_id", N_("contract"), N_("contract"), K_CONTRACT },
  { "vulnerable_service", "service", N_("service"), N_("service"), K_TEXT },
  { "vulnerable_service", "notes", N_("notes"), N_("notes"), K_TEXT },
  { "pathway", "name", N_("name"), N_("name"), K_TEXT },
  { "pathway", "category", N_("category"), N_("category"), K_CATEGORY },
  { "pathway", "sort_order", N_("order"), N_("order"), K_COUNT },
  { "pathway_change", "scenario_id", N_("scenario"), N_("scenario"), K_SCENARIO },
  { "pathway_change", "pathway_id", N_("pathway"), N_("pathway"), K_PATHWAY },
  { "pathway_change", "level", N_("level"), N_("level"), K_LEVEL },
  { "pathway_change", "locality_id", N_("locality"), N_("locality"), K_LOCALITY },
  { "pathway_change", "horizon_years", N_("horizon"), N_("horizon"), K_YEARS },
  { "pathway_change", "activity", MAIN_VALUE, N_("activity"), K_DECIMAL },
  { "pathway_change", "bed_days", N_("reduced bed days"), N_("reduced bed days"), K_DECIMAL },
  { "pathway_change", "period", N_("figures"), N_("period"), K_PERIOD },
  { "apportionment_weight", "weight", MAIN_VALUE, N_("weight"), K_DECIMAL },
  { "access_trajectory", "scenario_id", N_("scenario"), N_("scenario"), K_SCENARIO },
  { "access_trajectory", "locality_id", N_("locality"), N_("locality"), K_LOCALITY },
  { "access_trajectory", "label", N_("label"), N_("label"), K_TEXT },
  { "access_trajectory", "period_month", N_("from"), N_("month"), K_DATE },
  { "access_trajectory", "target_bp", MAIN_VALUE, N_("target"), K_BP },
  { "access_provision", "scenario_id", N_("scenario"), N_("scenario"), K_SCENARIO },
  { "access_provision", "practice_id", N_("practice"), N_("practice"), K_PRACTICE },
  { "access_provision", "basis", N_("basis"), N_("basis"), K_BASIS },
  { "access_provision", "start_date", N_("go-live"), N_("go-live date"), K_DATE },
  { "access_provision", "end_date", N_("end"), N_("end date"), K_DATE },
  { "access_provision", "level", N_("access"), N_("access"), K_ACCESS },
  { "access_provision", "minutes_per_week", N_("time"), N_("time a week"), K_MINUTES },
  { "capacity_rule", "name", N_("name"), N_("name"), K_TEXT },
  { "capacity_rule", "start_date", N_("from"), N_("start date"), K_DATE },
  { "capacity_rule", "minutes_per_1000", N_("minutes a week per 1,000 patients"),
    N_("minutes a week per 1,000 patients"), K_DECIMAL },
  { "capacity_rule", "round_to_quarter_hour", N_("rounded to the quarter hour"),
    N_("rounding to the quarter hour"), K_BOOL },
  { "capacity_rule", "applies_to", N_("applies to"), N_("what it applies to"), K_WORD },
  { "capacity_rule", "population_base", N_("population base"), N_("population base"), K_TEXT },
  { "pcn_access_session", "scenario_id", N_("scenario"), N_("scenario"), K_SCENARIO },
  { "pcn_access_session", "pcn_code", N_("PCN"), N_("primary care network"), K_WORD },
  { "pcn_access_session", "weekday", N_("day"), N_("day of the week"), K_COUNT },
  { "pcn_access_session", "start_time", N_("from"), N_("start time"), K_WORD },
  { "pcn_access_session", "end_time", N_("to"), N_("end time"), K_WORD },
  { "pcn_access_session", "start_date", N_("from"), N_("start date"), K_DATE },
  { "pcn_access_session", "end_date", N_("until"), N_("end date"), K_DATE },
  { "staff_role", "is_arrs", N_("reimbursed by ARRS"), N_("reimbursement by ARRS"), K_BOOL },
  { "workforce_fte", "fte", MAIN_VALUE, N_("FTE"), K_FTE },
  { "workforce_fte", "headcount", N_("headcount"), N_("headcount"), K_COUNT },
  { "workforce_fte", "source", N_("source"), N_("source"), K_TEXT },
  { "pcn_workforce_fte", "fte", MAIN_VALUE, N_("FTE"), K_FTE },
  { "pcn_workforce_fte", "headcount", N_("headcount"), N_("headcount"), K_COUNT },
  { "pcn_workforce_fte", "pcn_name", N_("PCN name"), N_("PCN name"), K_TEXT },
  { "pcn_workforce_fte", "source", N_("source"), N_("source"), K_TEXT },
  { "workforce_change", "joiners", N_("joiners"), N_("joiners"), K_DECIMAL },
  { "workforce_change", "leavers", N_("leavers"), N_("leavers"), K_DECIMAL },
  { "workforce_change", "retirements", N_("retirements"), N_("retirements"), K_DECIMAL },
  { "workforce_turnover", "annual_rate_bp", N_("leaving rate"), N_("leaving rate"), K_BP },
  { "workforce_turnover", "joiner_rate_bp", N_("joining rate"), N_("joining rate"), K_BP },
  { "workforce_target", "scenario_id", N_("scenario"), N_("scenario"), K_SCENARIO },
  { "workforce_target", "level", N_("applies to"), N_("level"), K_TARGET_LEVEL },
  { "workforce_target", "locality_id", N_("locality"), N_("locality"), K_LOCALITY },
  { "workforce_target", "practice_id", N_("practice"), N_("practice"), K_PRACTICE },
  { "workforce_target", "staff_group", N_("staff"), N_("staff"), K_GROUP },
  { "workforce_target", "role", N_("role"), N_("role"), K_ROLE },
  { "workforce_target", "fte_change", MAIN_VALUE, N_("change in FTE"), K_FTE_CHANGE },
  { "workforce_target", "due_date", N_("due"), N_("due date"), K_DATE },
  { "workforce_target", "label", N_("label"), N_("label"), K_TEXT },
  { "growth_assumption", "growth_bp", MAIN_VALUE, N_("growth rate"), K_BP },
  { "locality_growth_assumption", "growth_bp", MAIN_VALUE, N_("growth rate"), K_BP },
  { "activity_baseline", "activity", MAIN_VALUE, N_("forecast outturn"), K_DECIMAL },
  { "activity_baseline", "locality_id", N_("locality"), N_("locality"), K_LOCALITY },
  { "activity_baseline", "provider_id", N_("provider"), N_("provider"), K_PROVIDER },
  { "qipp_reduction", "saving_pounds", N_("saving"), N_("saving"), K_POUNDS },
  { "qipp_reduction", "activity", N_("activity"), N_("activity"), K_DECIMAL },
  { "qipp_programme", "name", N_("name"), N_("name"), K_TEXT },
  { "qipp_programme", "sort_order", N_("order"), N_("order"), K_COUNT },
  { "scenario", "name", N_("name"), N_("name"), K_TEXT },
  { "scenario", "base_id", N_("built on"), N_("scenario it builds on"), K_SCENARIO },
  { "scenario", "notes", N_("notes"), N_("notes"), K_TEXT },
  { "reference_figure", "label", N_("label"), N_("label"), K_TEXT },
  { "reference_figure", "value", N_("value"), N_("value"), K_DECIMAL },
  { "reference_figure", "as_at", N_("as at"), N_("date"), K_DATE },
  { "reference_figure", "source", N_("source"), N_("source"), K_TEXT },
};

/* The plan's details, one row a key: the key says what the value is. */
static const ColumnSpec plan_info_specs[] = {
  { "plan_info", "name", N_("name"), N_("plan’s name"), K_TEXT },
  { "plan_info", "reference_date", N_("reference date"), N_("reference date"), K_DATE },
  { "plan_info", "financial_year", N_("financial year"), N_("financial year"), K_WORD },
  { "plan_info", "allocation_pounds", N_("allocation"), N_("allocation"), K_POUNDS },
  { "plan_info", "list_size_extract", N_("list size extract"), N_("list size extract"), K_DATE },
  { "plan_info", "stp_name", N_("STP"), N_("STP’s name"), K_TEXT },
  { "plan_info", "stp_population", N_("STP population"), N_("STP population"), K_COUNT },
  { "plan_info", "organisation_code", N_("organisation code"), N_("organisation code"), K_WORD },
  { "plan_info", "organisation_name", N_("organisation"), N_("organisation’s name"), K_TEXT },
  { "plan_info", "notes", N_("notes"), N_("notes"), K_TEXT },
  { "plan_info", "access_note", N_("Extended Access note"), N_("Extended Access note"), K_TEXT },
  { "plan_info", "workforce_note", N_("Workforce note"), N_("Workforce note"), K_TEXT },
};

/* A word for each table, for rows no sentence of their own is written for. */
static const struct { const char *table; const char *noun; const char *section; } tables[] = {
  { "plan_info", N_("plan details"), N_("Plan") },
  { "scenario", N_("scenario"), N_("Plan") },
  { "locality", N_("locality"), N_("Localities") },
  { "practice", N_("practice"), N_("Practices") },
  { "list_size", N_("list size"), N_("Practices") },
  { "age_profile", N_("age profile"), N_("Practices") },
  { "practice_grouping", N_("practice grouping"), N_("Practices") },
  { "provider", N_("provider"), N_("Contracts") },
  { "contract", N_("contract"), N_("Contracts") },
  { "vulnerable_service", N_("vulnerable service"), N_("Contracts") },
  { "point_of_delivery", N_("point of delivery"), N_("Activity Plan") },
  { "activity_line", N_("activity line"), N_("Activity Plan") },
  { "activity_baseline", N_("forecast outturn"), N_("Activity Plan") },
  { "growth_assumption", N_("growth rate"), N_("Activity Plan") },
  { "locality_growth_assumption", N_("locality’s growth rate"), N_("Activity Plan") },
  { "qipp_programme", N_("QIPP programme"), N_("Activity Plan") },
  { "qipp_reduction", N_("QIPP reduction"), N_("Activity Plan") },
  { "pathway", N_("pathway"), N_("Locality Modelling") },
  { "pathway_change", N_("pathway change"), N_("Locality Modelling") },
  { "apportionment_weight", N_("apportionment weight"), N_("Locality Modelling") },
  { "scenario_population_base", N_("scenario’s population base"), N_("Locality Modelling") },
  { "population_weights", N_("weights"), N_("Locality Modelling") },
  { "population_weight", N_("weight by age band"), N_("Locality Modelling") },
  { "weighted_population", N_("weighted population"), N_("Locality Modelling") },
  { "access_trajectory", N_("trajectory target"), N_("Extended Access") },
  { "access_provision", N_("extended access plan"), N_("Extended Access") },
  { "capacity_rule", N_("capacity rule"), N_("Extended Access") },
  { "pcn_access_session", N_("enhanced access session"), N_("Extended Access") },
  { "staff_group", N_("staff group"), N_("Workforce") },
  { "staff_role", N_("staff role"), N_("Workforce") },
  { "workforce_fte", N_("FTE figure"), N_("Workforce") },
  { "pcn_workforce_fte", N_("PCN staff figure"), N_("Workforce") },
  { "workforce_change", N_("planned joiners and leavers"), N_("Workforce") },
  { "workforce_turnover", N_("workforce rates"), N_("Workforce") },
  { "workforce_target", N_("workforce target"), N_("Workforce") },
  { "reference_figure", N_("reference figure"), N_("Plan") },
  { "import_log", N_("import record"), N_("Plan") },
  { "import_log_note", N_("import note"), N_("Plan") },
};

typedef struct {
  sqlite3        *db;
  LpWorkshopCopy *copy;
  gboolean        against_plan;
  int       n_scenarios;   /* in the copy and its base; -1 until counted */
} Words;

/* A row: column name → value as text (NULL for SQL NULL). */
typedef GHashTable Row;

/* What a row is, in words. */
typedef struct {
  const char *section;
  char       *place;     /* (nullable) */
  char       *identity;  /* "Practice X06K01": the subject of a changed row */
  char       *added;     /* "New practice X06K01" */
  char       *deleted;   /* "Deleted practice X06K01" */
  char       *summary;   /* (nullable) the row's values in words: "Frailty, CCG, 3 years: 900" */
} RowWords;

static void
row_words_clear (RowWords *rw)
{
  g_free (rw->place);
  g_free (rw->identity);
  g_free (rw->added);
  g_free (rw->deleted);
  g_free (rw->summary);
}

static const char *
table_noun (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (tables[i].table, table))
      return _(tables[i].noun);
  return table;
}

static const char *
table_section (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (tables[i].table, table))
      return _(tables[i].section);
  return _("Plan");
}

/* "list size" → "List size", for a noun that starts a line. */
static char *
capitalised (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buffer[8] = { 0 };

  if (*text == '\0')
    return g_strdup (text);
  g_unichar_to_utf8 (g_unichar_totitle (first), buffer);
  return g_strconcat (buffer, g_utf8_next_char (text), NULL);
}

/* -------------------------------------------------------------------- */
/* Reading the copy and its base                                         */

static const char *
row_get (Row        *row,
         const char *column)
{
  return row != NULL ? g_hash_table_lookup (row, column) : NULL;
}

static Row *
row_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* The columns of @table's primary key, in key order (empty if @schema
 * has no such table). */
static GPtrArray *
key_columns (Words      *w,
             const char *schema,
             const char *table)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  stmt = lp_workshop_copy_prepare (w->copy, "SELECT name FROM pragma_table_info (?1, ?2) WHERE pk > 0 ORDER BY pk");
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, schema, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);
    }
  return columns;
}

/* The row of @table whose key is @row_key ("v1, v2") in @schema, or NULL. */
static Row *
row_load_from (Words      *w,
               const char *schema,
               const char *table,
               const char *row_key)
{
  g_autoptr(GPtrArray) keys = key_columns (w, schema, table);
  g_auto(GStrv) values = NULL;
  GString *sql;
  sqlite3_stmt *stmt = NULL;
  Row *row = NULL;

  if (keys->len == 0 || row_key == NULL)
    return NULL;
  values = g_strsplit (row_key, ", ", -1);
  if (g_strv_length (values) != keys->len)
    {
      /* A text key holding ", " itself: only a one-column key can be told. */
      if (keys->len != 1)
        return NULL;
      g_strfreev (values);
      values = g_new0 (char *, 2);
      values[0] = g_strdup (row_key);
    }

  sql = g_string_new (NULL);
  {
    char *head = sqlite3_mprintf ("SELECT * FROM \"%w\".\"%w\" WHERE ", schema, table);
    g_string_append (sql, head);
    sqlite3_free (head);
  }
  for (guint i = 0; i < keys->len; i++)
    {
      char *term = sqlite3_mprintf ("%s\"%w\" = ?%u", i > 0 ? " AND " : "",
                                    (const char *) g_ptr_array_index (keys, i), i + 1);
      g_string_append (sql, term);
      sqlite3_free (term);
    }
  stmt = lp_workshop_copy_prepare (w->copy, sql->str);
  if (stmt != NULL)
    {
      for (guint i = 0; i < keys->len; i++)
        sqlite3_bind_text (stmt, (int) i + 1, values[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          row = row_new ();
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            g_hash_table_insert (row, g_strdup (sqlite3_column_name (stmt, i)),
                                 g_strdup ((const char *) sqlite3_column_text (stmt, i)));
        }
      sqlite3_reset (stmt);
    }
  g_string_free (sql, TRUE);
  return row;
}

static Row *
row_load (Words      *w,
          const char *table,
          const char *row_key)
{
  Row *row = row_load_from (w, "main", table, row_key);

  return row != NULL ? row : row_load_from (w, "base", table, row_key);
}

/* When the row is in neither the copy nor its base: its key, at least,
 * says what it was. */
static Row *
row_from_key (Words      *w,
              const char *table,
              const char *row_key)
{
  g_autoptr(GPtrArray) keys = key_columns (w, "main", table);
  g_auto(GStrv) values = g_strsplit (row_key != NULL ? row_key : "", ", ", -1);
  Row *row = row_new ();

  if (keys->len == 0)
    {
      g_ptr_array_unref (keys);
      keys = key_columns (w, "base", table);
    }
  if (keys->len == g_strv_length (values))
    for (guint i = 0; i < keys->len; i++)
      g_hash_table_insert (row, g_strdup (g_ptr_array_index (keys, i)), g_strdup (values[i]));
  return row;
}

/* A row of a change made from the change's own columns: the whole row for
 * an added or deleted one. */
static Row *
row_from_change (const LpCopyChange *change,
                 gboolean            new_values)
{
  Row *row = row_new ();

  for (guint i = 0; i < change->n_columns; i++)
    g_hash_table_insert (row, g_strdup (change->columns[i]),
                         g_strdup (new_values ? change->new_values[i] : change->old_values[i]));
  return row;
}

/* One value of a row elsewhere, @column of @table where @key_column is
 * @key: in the copy, else in its base. */
static char *
lookup (Words      *w,
        const char *table,
        const char *column,
        const char *key_column,
        const char *key)
{
  static const char *const schemas[] = { "main", "base" };
  char *found = NULL;

  if (key == NULL)
    return NULL;
  for (guint s = 0; s < G_N_ELEMENTS (schemas) && found == NULL; s++)
    {
      char *sql = sqlite3_mprintf ("SELECT \"%w\" FROM \"%w\".\"%w\" WHERE \"%w\" = ?1",
                                   column, schemas[s], table, key_column);
      sqlite3_stmt *stmt = lp_workshop_copy_prepare (w->copy, sql);

      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
            found = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          sqlite3_reset (stmt);
        }
      sqlite3_free (sql);
    }
  return found;
}

static char *
lookup_or_key (Words      *w,
               const char *table,
               const char *column,
               const char *key_column,
               const char *key)
{
  char *found = lookup (w, table, column, key_column, key);

  return found != NULL ? found : g_strdup (key != NULL ? key : "?");
}

static char *
locality_name (Words      *w,
               const char *id)
{
  return lookup (w, "locality", "name", "id", id);
}

/* The locality a practice belongs to, by the practice's id. */
static char *
practice_place (Words      *w,
                const char *practice_id)
{
  g_autofree char *locality_id = lookup (w, "practice", "locality_id", "id", practice_id);

  return locality_name (w, locality_id);
}

static char *
practice_code (Words      *w,
               const char *practice_id)
{
  return lookup_or_key (w, "practice", "ods_code", "id", practice_id);
}

/* -------------------------------------------------------------------- */
/* Values                                                                */

static gboolean
parse_double (const char *text,
              double     *value)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0';
}

/* 4, 2.5, 1.25, with thousands separators; "+4" with @sign. */
static char *
decimal_text (double   value,
              gboolean sign)
{
  gint64 hundredths = (gint64) llround (fabs (value) * 100.0);
  g_autofree char *whole = lp_format_count (hundredths / 100);
  const char *sign_text = value < 0 && hundredths != 0 ? "-" : sign && hundredths != 0 ? "+" : "";
  int fraction = (int) (hundredths % 100);
  LpLocaleConventions conventions;

  if (fraction == 0)
    return g_strconcat (sign_text, whole, NULL);
  lp_locale_get_conventions (&conventions);
  if (fraction % 10 == 0)
    return g_strdup_printf ("%s%s%s%d", sign_text, whole, conventions.decimal, fraction / 10);
  return g_strdup_printf ("%s%s%s%02d", sign_text, whole, conventions.decimal, fraction);
}

/* FTE as the Workforce view writes it, to one decimal ("+40.0"), with a
 * second where the figure has one (3.38), so that a change of a
 * hundredth still shows. */
static char *
fte_text (double   value,
          gboolean sign)
{
  gint64 hundredths = (gint64) llround (fabs (value) * 100.0);
  const char *sign_text = sign && value > 0 && hundredths != 0 ? "+" : "";

  if (hundredths % 10 == 0)
    {
      g_autofree char *tenths = lp_format_tenths (value);

      return g_strconcat (sign_text, tenths, NULL);
    }
  return decimal_text (value, sign);
}

static const char *
enum_words (Kind        kind,
            const char *raw)
{
  static const struct { Kind kind; const char *raw; const char *words; } words[] = {
    { K_STATUS, "active", N_("active") },
    { K_STATUS, "closed", N_("closed") },
    { K_STATUS, "dormant", N_("dormant") },
    { K_STATUS, "proposed", N_("proposed") },
    { K_LEVEL, "stp", N_("STP") },
    { K_LEVEL, "ccg", N_("CCG") },
    { K_LEVEL, "locality", N_("locality") },
    { K_TARGET_LEVEL, "ccg", N_("CCG") },
    { K_TARGET_LEVEL, "locality", N_("locality") },
    { K_TARGET_LEVEL, "practice", N_("practice") },
    { K_ACCESS, "full", N_("full access") },
    { K_ACCESS, "partial", N_("partial access") },
    { K_ACCESS, "none", N_("no access") },
    { K_BASIS, "plan", N_("planned") },
    { K_BASIS, "actual", N_("actual") },
    { K_PERIOD, "horizon", N_("over the horizon") },
    { K_PERIOD, "year", N_("a year") },
    { K_PERIOD, "month", N_("a month") },
    { K_PERIOD, "week", N_("a week") },
    { K_CATEGORY, "inpatient", N_("inpatient") },
    { K_CATEGORY, "ae_outpatient", N_("A&E and outpatient") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (words[i].kind == kind && g_str_equal (words[i].raw, raw))
      return _(words[i].words);
  return raw;
}

/* @raw (a value as SQLite gives it as text) in words; @unit adds the
 * unit ("patients", "FTE") where the figure needs one to be read. */
static char *
value_text (Words      *w,
            Kind        kind,
            const char *raw,
            gboolean    unit)
{
  double number = 0;

  if (raw == NULL)
    return g_strdup (_("none"));
  if (kind == K_GUESS)
    kind = parse_double (raw, &number) ? K_DECIMAL : K_TEXT;
  switch (kind)
    {
    case K_TEXT:
      return *raw == '\0' ? g_strdup (_("none")) : g_strdup_printf (_("“%s”"), raw);
    case K_WORD:
      return g_strdup (*raw == '\0' ? _("none") : raw);
    case K_DATE:
      return lp_format_date (raw);
    case K_BOOL:
      return g_strdup (g_str_equal (raw, "0") ? _("no") : _("yes"));
    case K_STATUS: case K_LEVEL: case K_TARGET_LEVEL: case K_ACCESS:
    case K_BASIS: case K_PERIOD: case K_CATEGORY:
      return g_strdup (enum_words (kind, raw));
    case K_LOCALITY:
      return lookup_or_key (w, "locality", "name", "id", raw);
    case K_PRACTICE:
      return practice_code (w, raw);
    case K_PROVIDER:
      return lookup_or_key (w, "provider", "name", "id", raw);
    case K_SCENARIO:
      return lookup_or_key (w, "scenario", "name", "id", raw);
    case K_PATHWAY:
      return lookup_or_key (w, "pathway", "name", "id", raw);
    case K_CONTRACT:
      return lookup_or_key (w, "contract", "service", "id", raw);
    case K_PROGRAMME:
      return lookup_or_key (w, "qipp_programme", "name", "id", raw);
    case K_ROLE:
      return lookup_or_key (w, "staff_role", "name", "code", raw);
    case K_GROUP:
      return lookup_or_key (w, "staff_group", "name", "code", raw);
    case K_LINE:
      return lookup_or_key (w, "activity_line", "name", "code", raw);
    case K_POD:
      return lookup_or_key (w, "point_of_delivery", "name", "code", raw);
    default:
      break;
    }

  /* Figures */
  if (!parse_double (raw, &number))
    return g_strdup (raw);
  switch (kind)
    {
    case K_COUNT:
      return lp_format_count ((gint64) llround (number));
    case K_PATIENTS:
      {
        gint64 count = (gint64) llround (number);
        g_autofree char *figure = lp_format_count (count);

        return unit ? g_strdup_printf (ngettext ("%s patient", "%s patients", (gulong) CLAMP (count, 0, G_MAXLONG)), figure)
                    : g_steal_pointer (&figure);
      }
    case K_POUNDS:
      return lp_format_pounds ((gint64) llround (number));
    case K_BP:
      return lp_format_percent_bp ((gint64) llround (number));
    case K_FTE:
    case K_FTE_CHANGE:
      {
        g_autofree char *figure = fte_text (number, kind == K_FTE_CHANGE);

        /* TRANSLATORS: full-time equivalent staff: "4.5 FTE" */
        return unit ? g_strdup_printf (_("%s FTE"), figure) : g_steal_pointer (&figure);
      }
    case K_MONTHS:
    case K_YEARS:
    case K_MINUTES:
      {
        gint64 count = (gint64) llround (number);
        g_autofree char *figure = lp_format_count (count);
        gulong n = (gulong) CLAMP (count, 0, G_MAXLONG);

        if (!unit)
          return g_steal_pointer (&figure);
        if (kind == K_MONTHS)
          return g_strdup_printf (ngettext ("%s month", "%s months", n), figure);
        if (kind == K_YEARS)
          return g_strdup_printf (ngettext ("%s year", "%s years", n), figure);
        return g_strdup_printf (ngettext ("%s minute a week", "%s minutes a week", n), figure);
      }
    case K_DECIMAL:
    default:
      return decimal_text (number, FALSE);
    }
}

/* What a column is and how its value is written; columns no one listed
 * are guessed from their names, so that a new column still reads. */
static ColumnSpec
column_spec (const char *table,
             const char *column,
             Row        *row)
{
  ColumnSpec spec = { table, column, NULL, NULL, K_GUESS };

  if (g_str_equal (table, "plan_info") && g_str_equal (column, "value"))
    {
      const char *key = row_get (row, "key");

      for (guint i = 0; key != NULL && i < G_N_ELEMENTS (plan_info_specs); i++)
        if (g_str_equal (plan_info_specs[i].column, key))
          return plan_info_specs[i];
      spec.column = key != NULL ? key : column;
      spec.kind = key != NULL && g_str_has_suffix (key, "_date") ? K_DATE : K_GUESS;
      return spec;
    }
  for (guint i = 0; i < G_N_ELEMENTS (column_specs); i++)
    if (g_str_equal (column_specs[i].table, table) && g_str_equal (column_specs[i].column, column))
      return column_specs[i];

  if (g_str_equal (column, "locality_id"))
    spec.kind = K_LOCALITY;
  else if (g_str_equal (column, "practice_id"))
    spec.kind = K_PRACTICE;
  else if (g_str_equal (column, "provider_id"))
    spec.kind = K_PROVIDER;
  else if (g_str_equal (column, "scenario_id"))
    spec.kind = K_SCENARIO;
  else if (g_str_equal (column, "pathway_id"))
    spec.kind = K_PATHWAY;
  else if (g_str_equal (column, "contract_id"))
    spec.kind = K_CONTRACT;
  else if (g_str_equal (column, "programme_id"))
    spec.kind = K_PROGRAMME;
  else if (g_str_equal (column, "role"))
    spec.kind = K_ROLE;
  else if (g_str_equal (column, "staff_group"))
    spec.kind = K_GROUP;
  else if (g_str_equal (column, "activity_line"))
    spec.kind = K_LINE;
  else if (g_str_equal (column, "pod"))
    spec.kind = K_POD;
  else if (g_str_has_suffix (column, "_date") || g_str_equal (column, "as_at"))
    spec.kind = K_DATE;
  else if (g_str_has_suffix (column, "_bp"))
    spec.kind = K_BP;
  else if (g_str_has_suffix (column, "_pounds"))
    spec.kind = K_POUNDS;
  else if (g_str_equal (column, "financial_year") || g_str_equal (column, "code") ||
           g_str_equal (column, "sex") || g_str_equal (column, "age_band") || g_str_equal (column, "kind"))
    spec.kind = K_WORD;
  return spec;
}

/* The label of a column no one listed: its name, words apart. */
static char *
column_label (const ColumnSpec *spec,
              gboolean          for_question)
{
  const char *label = for_question ? spec->name : spec->label;
  char *words;

  if (label != NULL)
    return g_strdup (_(label));
  if (!for_question && spec->name != NULL)
    return NULL;   /* the row's own value: no label */
  words = g_strdup (spec->column);
  g_strdelimit (words, "_", ' ');
  return words;
}

static char *
column_value (Words      *w,
              const char *table,
              const char *column,
              Row        *row,
              const char *raw,
              gboolean    unit)
{
  ColumnSpec spec = column_spec (table, column, row);

  return value_text (w, spec.kind, raw, unit);
}

static char *
row_value (Words      *w,
           const char *table,
           Row        *row,
           const char *column,
           gboolean    unit)
{
  return column_value (w, table, column, row, row_get (row, column), unit);
}

/* -------------------------------------------------------------------- */
/* Rows                                                                  */

static void
set_subjects (RowWords   *rw,
              char       *identity,
              char       *added,
              char       *deleted)
{
  rw->identity = identity;
  rw->added = added;
  rw->deleted = deleted;
}

/* "Frailty, CCG, 3 years": which pathway change a row is. */
static char *
pathway_change_what (Words *w,
                     Row   *row)
{
  g_autofree char *pathway = row_value (w, "pathway_change", row, "pathway_id", FALSE);
  g_autofree char *years = row_value (w, "pathway_change", row, "horizon_years", TRUE);
  const char *level = row_get (row, "level");
  g_autofree char *where = g_strcmp0 (level, "locality") == 0
                           ? row_value (w, "pathway_change", row, "locality_id", FALSE)
                           : value_text (w, K_LEVEL, level, FALSE);

  /* TRANSLATORS: a pathway change: pathway, where (STP, CCG or a locality), horizon */
  return g_strdup_printf (_("%s, %s, %s"), pathway, where, years);
}

/* For "Target for GPs by 2019/20 Q4": the staff and the quarter due. */
static void
target_what (Words  *w,
             Row    *row,
             char  **staff,
             char  **due)
{
  const char *group = row_get (row, "staff_group");
  char *quarter = lp_workforce_quarter_label (row_get (row, "due_date"));

  *staff = group != NULL ? value_text (w, K_GROUP, group, FALSE)
                         : row_value (w, "workforce_target", row, "role", FALSE);
  *due = quarter != NULL ? quarter : row_value (w, "workforce_target", row, "due_date", FALSE);
}

static gboolean
several_scenarios (Words *w)
{
  sqlite3_stmt *stmt = NULL;
  gboolean several = FALSE;

  if (w->n_scenarios < 0)
    {
      w->n_scenarios = 0;
      stmt = lp_workshop_copy_prepare (w->copy, "SELECT count (*) FROM (SELECT id FROM main.scenario "
                                                 "UNION SELECT id FROM base.scenario)");
      if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        w->n_scenarios = sqlite3_column_int (stmt, 0);
      if (stmt != NULL)
        sqlite3_reset (stmt);
    }
  several = w->n_scenarios > 1;
  return several;
}

/* Rows of the tables workshops edit, each in its own words; others in the
 * table's noun and the row's key. */
static void
describe_row (Words      *w,
              const char *table,
              Row        *row,
              RowWords   *rw)
{
  rw->section = table_section (table);

  if (g_str_equal (table, "locality"))
    {
      const char *code = row_get (row, "code");

      rw->place = g_strdup (row_get (row, "name"));
      set_subjects (rw, g_strdup (_("Locality")), g_strdup (_("New locality")), g_strdup (_("Deleted locality")));
      rw->summary = code != NULL && *code != '\0' ? g_strdup_printf (_("code %s"), code) : NULL;
    }
  else if (g_str_equal (table, "practice"))
    {
      const char *code = row_get (row, "ods_code");

      rw->place = locality_name (w, row_get (row, "locality_id"));
      set_subjects (rw, g_strdup_printf (_("Practice %s"), code), g_strdup_printf (_("New practice %s"), code),
                    g_strdup_printf (_("Deleted practice %s"), code));
      rw->summary = g_strdup (row_get (row, "name"));
    }
  else if (g_str_equal (table, "list_size"))
    {
      g_autofree char *code = practice_code (w, row_get (row, "practice_id"));
      g_autofree char *date = lp_format_date (row_get (row, "extract_date"));

      rw->place = practice_place (w, row_get (row, "practice_id"));
      set_subjects (rw, g_strdup_printf (_("Practice %s · list size at %s"), code, date),
                    g_strdup_printf (_("Practice %s · new list size at %s"), code, date),
                    g_strdup_printf (_("Practice %s · deleted list size at %s"), code, date));
      rw->summary = row_value (w, table, row, "patients", TRUE);
    }
  else if (g_str_equal (table, "provider"))
    {
      const char *name = row_get (row, "name");

      set_subjects (rw, g_strdup_printf (_("Provider “%s”"), name), g_strdup_printf (_("New provider “%s”"), name),
                    g_strdup_printf (_("Deleted provider “%s”"), name));
      rw->summary = g_strdup (row_get (row, "sector"));
    }
  else if (g_str_equal (table, "contract"))
    {
      const char *service = row_get (row, "service");
      g_autofree char *provider = row_value (w, table, row, "provider_id", FALSE);
      g_autofree char *start = row_value (w, table, row, "start_date", FALSE);
      g_autofree char *end = row_value (w, table, row, "end_date", FALSE);
      g_autofree char *value = row_value (w, table, row, "annual_value_pounds", FALSE);

      set_subjects (rw, g_strdup_printf (_("Contract “%s”"), service),
                    g_strdup_printf (_("New contract “%s”"), service),
                    g_strdup_printf (_("Deleted contract “%s”"), service));
      /* TRANSLATORS: a contract: provider, start date, end date, annual value */
      rw->summary = g_strdup_printf (_("%s, %s to %s, %s a year"), provider, start, end, value);
    }
  else if (g_str_equal (table, "pathway"))
    {
      const char *name = row_get (row, "name");

      set_subjects (rw, g_strdup_printf (_("Pathway “%s”"), name), g_strdup_printf (_("New pathway “%s”"), name),
                    g_strdup_printf (_("Deleted pathway “%s”"), name));
      rw->summary = row_value (w, table, row, "category", FALSE);
    }
  else if (g_str_equal (table, "pathway_change"))
    {
      g_autofree char *what = pathway_change_what (w, row);
      g_autofree char *activity = row_value (w, table, row, "activity", TRUE);
      const char *period = row_get (row, "period");
      double bed_days = 0;
      GString *summary = g_string_new (NULL);

      if (g_strcmp0 (row_get (row, "level"), "locality") == 0)
        rw->place = locality_name (w, row_get (row, "locality_id"));
      set_subjects (rw, g_strdup_printf (_("Pathway change · %s"), what), g_strdup (_("New pathway change")),
                    g_strdup (_("Deleted pathway change")));
      gboolean has_bed_days = parse_double (row_get (row, "bed_days"), &bed_days) && bed_days > 0;

      if (has_bed_days)
        /* TRANSLATORS: a pathway change with its activity and bed days:
         * "CVD, STP, 3 years: activity 1,677, reduced bed days 2,544" */
        g_string_printf (summary, _("%s: activity %s"), what, activity);
      else
        /* TRANSLATORS: a pathway change and its activity: "Frailty, CCG, 3 years: 900" */
        g_string_printf (summary, _("%s: %s"), what, activity);
      if (period != NULL && !g_str_equal (period, "horizon"))
        g_string_append_printf (summary, " %s", enum_words (K_PERIOD, period));
      if (has_bed_days)
        {
          g_autofree char *days = decimal_text (bed_days, FALSE);

          g_string_append_printf (summary, _(", reduced bed days %s"), days);
        }
      rw->summary = g_string_free (summary, FALSE);
    }
  else if (g_str_equal (table, "apportionment_weight"))
    {
      rw->place = locality_name (w, row_get (row, "locality_id"));
      set_subjects (rw, g_strdup (_("Apportionment weight")), g_strdup (_("New apportionment weight")),
                    g_strdup (_("Deleted apportionment weight")));
      rw->summary = row_value (w, table, row, "weight", TRUE);
    }
  else if (g_str_equal (table, "access_trajectory"))
    {
      g_autofree char *month = row_value (w, table, row, "period_month", FALSE);
      g_autofree char *target = row_value (w, table, row, "target_bp", TRUE);
      const char *label = row_get (row, "label");

      rw->place = locality_name (w, row_get (row, "locality_id"));
      set_subjects (rw, g_strdup_printf (_("Trajectory target from %s"), month),
                    g_strdup_printf (_("New trajectory target from %s"), month),
                    g_strdup_printf (_("Deleted trajectory target from %s"), month));
      rw->summary = label != NULL && *label != '\0'
                    ? g_strdup_printf (_("%s (%s)"), target, label) : g_steal_pointer (&target);
    }
  else if (g_str_equal (table, "access_provision"))
    {
      g_autofree char *code = practice_code (w, row_get (row, "practice_id"));
      g_autofree char *level = row_value (w, table, row, "level", FALSE);
      g_autofree char *start = row_value (w, table, row, "start_date", FALSE);
      gboolean actual = g_strcmp0 (row_get (row, "basis"), "actual") == 0;
      GString *summary = g_string_new (NULL);
      double minutes = 0;

      rw->place = practice_place (w, row_get (row, "practice_id"));
      if (actual)
        set_subjects (rw, g_strdup_printf (_("Practice %s · actual access"), code),
                      g_strdup_printf (_("Practice %s · new actual access"), code),
                      g_strdup_printf (_("Practice %s · deleted actual access"), code));
      else
        set_subjects (rw, g_strdup_printf (_("Practice %s"), code),
                      g_strdup_printf (_("Practice %s · new extended access plan"), code),
                      g_strdup_printf (_("Practice %s · deleted extended access plan"), code));
      /* TRANSLATORS: "full access from 01/09/2018" */
      g_string_printf (summary, _("%s from %s"), level, start);
      if (row_get (row, "end_date") != NULL)
        {
          g_autofree char *end = row_value (w, table, row, "end_date", FALSE);

          g_string_append_printf (summary, _(" to %s"), end);
        }
      if (parse_double (row_get (row, "minutes_per_week"), &minutes) && minutes > 0)
        {
          g_autofree char *time = row_value (w, table, row, "minutes_per_week", TRUE);

          g_string_append_printf (summary, _(", %s"), time);
        }
      rw->summary = g_string_free (summary, FALSE);
    }
  else if (g_str_equal (table, "capacity_rule"))
    {
      const char *name = row_get (row, "name");
      g_autofree char *minutes = row_value (w, table, row, "minutes_per_1000", FALSE);
      g_autofree char *start = row_value (w, table, row, "start_date", FALSE);

      set_subjects (rw, g_strdup_printf (_("Capacity rule “%s”"), name),
                    g_strdup_printf (_("New capacity rule “%s”"), name),
                    g_strdup_printf (_("Deleted capacity rule “%s”"), name));
      rw->summary = g_strdup_printf (_("%s minutes a week per 1,000 patients from %s"), minutes, start);
    }
  else if (g_str_equal (table, "workforce_fte"))
    {
      g_autofree char *code = practice_code (w, row_get (row, "practice_id"));
      g_autofree char *role = row_value (w, table, row, "role", FALSE);
      g_autofree char *date = row_value (w, table, row, "as_at", FALSE);

      rw->place = practice_place (w, row_get (row, "practice_id"));
      set_subjects (rw, g_strdup_printf (_("Practice %s · %s at %s"), code, role, date),
                    g_strdup_printf (_("Practice %s · new figure for %s at %s"), code, role, date),
                    g_strdup_printf (_("Practice %s · deleted figure for %s at %s"), code, role, date));
      rw->summary = row_value (w, table, row, "fte", TRUE);
    }
  else if (g_str_equal (table, "workforce_change"))
    {
      g_autofree char *code = practice_code (w, row_get (row, "practice_id"));
      g_autofree char *role = row_value (w, table, row, "role", FALSE);
      g_autofree char *quarter = lp_workforce_quarter_label (row_get (row, "quarter_start"));
      g_autofree char *joiners = row_value (w, table, row, "joiners", FALSE);
      g_autofree char *leavers = row_value (w, table, row, "leavers", FALSE);
      g_autofree char *retirements = row_value (w, table, row, "retirements", FALSE);
      const char *when = quarter != NULL ? quarter : row_get (row, "quarter_start");

      rw->place = practice_place (w, row_get (row, "practice_id"));
      set_subjects (rw, g_strdup_printf (_("Practice %s · %s in %s"), code, role, when),
                    g_strdup_printf (_("Practice %s · new plan for %s in %s"), code, role, when),
                    g_strdup_printf (_("Practice %s · deleted plan for %s in %s"), code, role, when));
      rw->summary = g_strdup_printf (_("joiners %s, leavers %s, retirements %s"), joiners, leavers, retirements);
    }
  else if (g_str_equal (table, "workforce_turnover"))
    {
      g_autofree char *role = row_value (w, table, row, "role", FALSE);
      g_autofree char *leaving = row_value (w, table, row, "annual_rate_bp", FALSE);
      g_autofree char *joining = row_value (w, table, row, "joiner_rate_bp", FALSE);

      set_subjects (rw, g_strdup_printf (_("Rates for %s"), role), g_strdup_printf (_("New rates for %s"), role),
                    g_strdup_printf (_("Deleted rates for %s"), role));
      rw->summary = g_strdup_printf (_("leaving rate %s, joining rate %s"), leaving, joining);
    }
  else if (g_str_equal (table, "workforce_target"))
    {
      const char *level = row_get (row, "level");
      g_autofree char *staff = NULL, *due = NULL;

      target_what (w, row, &staff, &due);
      if (g_strcmp0 (level, "practice") == 0)
        {
          g_autofree char *code = practice_code (w, row_get (row, "practice_id"));

          rw->place = practice_place (w, row_get (row, "practice_id"));
          set_subjects (rw, g_strdup_printf (_("Practice %s · target for %s by %s"), code, staff, due),
                        g_strdup_printf (_("Practice %s · new target for %s by %s"), code, staff, due),
                        g_strdup_printf (_("Practice %s · deleted target for %s by %s"), code, staff, due));
        }
      else
        {
          if (g_strcmp0 (level, "locality") == 0)
            rw->place = locality_name (w, row_get (row, "locality_id"));
          set_subjects (rw, g_strdup_printf (_("Target for %s by %s"), staff, due),
                        g_strdup_printf (_("New target for %s by %s"), staff, due),
                        g_strdup_printf (_("Deleted target for %s by %s"), staff, due));
        }
      rw->summary = row_value (w, table, row, "fte_change", TRUE);
    }
  else if (g_str_equal (table, "growth_assumption") || g_str_equal (table, "locality_growth_assumption"))
    {
      g_autofree char *line = row_value (w, table, row, "activity_line", FALSE);
      const char *year = row_get (row, "financial_year");

      if (g_str_equal (table, "locality_growth_assumption"))
        rw->place = locality_name (w, row_get (row, "locality_id"));
      set_subjects (rw, g_strdup_printf (_("Growth rate of %s in %s"), line, year),
                    g_strdup_printf (_("New growth rate of %s in %s"), line, year),
                    g_strdup_printf (_("Deleted growth rate of %s in %s"), line, year));
      rw->summary = row_value (w, table, row, "growth_bp", TRUE);
    }
  else if (g_str_equal (table, "activity_baseline"))
    {
      g_autofree char *line = row_value (w, table, row, "activity_line", FALSE);
      const char *year = row_get (row, "financial_year");
      g_autofree char *what = NULL;

      if (row_get (row, "provider_id") != NULL)
        {
          g_autofree char *provider = row_value (w, table, row, "provider_id", FALSE);

          what = g_strdup_printf (_("%s in %s from %s"), line, year, provider);
        }
      else
        what = g_strdup_printf (_("%s in %s"), line, year);
      rw->place = locality_name (w, row_get (row, "locality_id"));
      set_subjects (rw, g_strdup_printf (_("Forecast outturn · %s"), what),
                    g_strdup_printf (_("New forecast outturn · %s"), what),
                    g_strdup_printf (_("Deleted forecast outturn · %s"), what));
      rw->summary = row_value (w, table, row, "activity", TRUE);
    }
  else if (g_str_equal (table, "qipp_reduction"))
    {
      g_autofree char *programme = row_value (w, table, row, "programme_id", FALSE);
      g_autofree char *pod = row_value (w, table, row, "pod", FALSE);
      g_autofree char *saving = row_value (w, table, row, "saving_pounds", TRUE);
      const char *year = row_get (row, "financial_year");

      set_subjects (rw, g_strdup_printf (_("QIPP “%s” · %s in %s"), programme, pod, year),
                    g_strdup_printf (_("New QIPP reduction · “%s”, %s in %s"), programme, pod, year),
                    g_strdup_printf (_("Deleted QIPP reduction · “%s”, %s in %s"), programme, pod, year));
      if (row_get (row, "activity") != NULL)
        {
          g_autofree char *activity = row_value (w, table, row, "activity", TRUE);

          rw->summary = g_strdup_printf (_("saving %s, activity %s"), saving, activity);
        }
      else
        rw->summary = g_strdup_printf (_("saving %s"), saving);
    }
  else if (g_str_equal (table, "scenario"))
    {
      const char *name = row_get (row, "name");

      set_subjects (rw, g_strdup_printf (_("Scenario “%s”"), name), g_strdup_printf (_("New scenario “%s”"), name),
                    g_strdup_printf (_("Deleted scenario “%s”"), name));
      if (row_get (row, "base_id") != NULL)
        {
          g_autofree char *base = row_value (w, table, row, "base_id", FALSE);

          rw->summary = g_strdup_printf (_("built on “%s”"), base);
        }
    }
  else if (g_str_equal (table, "plan_info"))
    {
      ColumnSpec spec = column_spec (table, "value", row);
      g_autofree char *label = column_label (&spec, FALSE);
      g_autofree char *value = row_value (w, table, row, "value", TRUE);

      set_subjects (rw, g_strdup (_("Plan details")), g_strdup (_("Plan details")), g_strdup (_("Plan details")));
      rw->summary = g_strdup_printf ("%s %s", label, value);
    }
  else
    {
      /* Any other table: its noun and its key, a name where it has one. */
      g_autofree char *noun = capitalised (table_noun (table));
      const char *name = row_get (row, "name");
      g_autofree char *what = NULL;
      g_autoptr(GPtrArray) keys = key_columns (w, "main", table);
      GString *summary = g_string_new (NULL);
      GHashTableIter iter;
      gpointer column, raw;
      g_autoptr(GList) columns = NULL;

      if (keys->len == 0)
        {
          g_ptr_array_unref (keys);
          keys = key_columns (w, "base", table);
        }
      if (name != NULL && (keys->len != 1 || !g_str_equal (g_ptr_array_index (keys, 0), "name")))
        what = g_strdup_printf (_("“%s”"), name);
      else
        {
          GString *key = g_string_new (NULL);

          for (guint i = 0; i < keys->len; i++)
            {
              g_autofree char *value = row_value (w, table, row, g_ptr_array_index (keys, i), FALSE);

              g_string_append_printf (key, "%s%s", i > 0 ? ", " : "", value);
            }
          what = g_string_free (key, FALSE);
        }
      if (row_get (row, "locality_id") != NULL)
        rw->place = locality_name (w, row_get (row, "locality_id"));
      else if (row_get (row, "practice_id") != NULL)
        rw->place = practice_place (w, row_get (row, "practice_id"));
      /* TRANSLATORS: a row no sentence is written for: the table's noun, then its key or name */
      if (*what == '\0')
        set_subjects (rw, g_strdup (noun), g_strdup_printf (_("New %s"), table_noun (table)),
                      g_strdup_printf (_("Deleted %s"), table_noun (table)));
      else
        set_subjects (rw, g_strdup_printf (_("%s %s"), noun, what),
                      g_strdup_printf (_("New %s %s"), table_noun (table), what),
                      g_strdup_printf (_("Deleted %s %s"), table_noun (table), what));

      /* Its other values, in the order of the columns' names. */
      if (row != NULL)
        {
          g_hash_table_iter_init (&iter, row);
          while (g_hash_table_iter_next (&iter, &column, &raw))
            {
              gboolean is_key = g_str_equal (column, "id") || g_str_equal (column, "name");

              for (guint i = 0; i < keys->len && !is_key; i++)
                is_key = g_str_equal (g_ptr_array_index (keys, i), column);
              if (!is_key)
                columns = g_list_insert_sorted (columns, column, (GCompareFunc) strcmp);
            }
        }
      for (GList *l = columns; l != NULL; l = l->next)
        {
          ColumnSpec spec = column_spec (table, l->data, row);
          g_autofree char *label = column_label (&spec, TRUE);
          g_autofree char *value = row_value (w, table, row, l->data, TRUE);

          g_string_append_printf (summary, "%s%s %s", summary->len > 0 ? ", " : "", label, value);
        }
      rw->summary = summary->len > 0 ? g_string_free (summary, FALSE) : (g_string_free (summary, TRUE), NULL);
    }

  if (rw->identity == NULL)
    set_subjects (rw, capitalised (table_noun (table)), g_strdup_printf (_("New %s"), table_noun (table)),
                  g_strdup_printf (_("Deleted %s"), table_noun (table)));

  /* A plan of several scenarios: which one a row states. */
  if (!g_str_equal (table, "scenario") && row_get (row, "scenario_id") != NULL && several_scenarios (w))
    {
      g_autofree char *scenario = value_text (w, K_SCENARIO, row_get (row, "scenario_id"), FALSE);
      char **subjects[] = { &rw->identity, &rw->added, &rw->deleted };

      for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
        {
          char *plain = *subjects[i];

          /* TRANSLATORS: "Growth rate of … in 2018/19 (scenario “High growth”)" */
          *subjects[i] = g_strdup_printf (_("%s (scenario “%s”)"), plain, scenario);
          g_free (plain);
        }
    }
}

/* "Stevenage · Practice X06K01 · …": the parts there are, joined. */
static char *
join_line (const char *place,
           const char *subject,
           const char *separator,
           const char *detail)
{
  GString *line = g_string_new (NULL);

  if (place != NULL)
    g_string_append_printf (line, "%s · ", place);
  g_string_append (line, subject);
  if (detail != NULL && *detail != '\0')
    g_string_append_printf (line, "%s%s", separator, detail);
  return g_string_free (line, FALSE);
}

/* -------------------------------------------------------------------- */
/* Changes                                                               */

void
lp_change_words_free (LpChangeWords *words)
{
  if (words == NULL)
    return;
  g_free (words->section);
  g_free (words->place);
  g_free (words->subject);
  g_free (words->text);
  g_free (words);
}

static void
words_init (Words          *w,
            LpWorkshopCopy *copy)
{
  w->db = lp_workshop_copy_get_db (copy);
  w->copy = copy;
  w->against_plan = lp_workshop_copy_is_against_plan (copy);
  w->n_scenarios = -1;
}

/* "list size at 01/01/2018: 12,400 patients (was 12,326)" or, with a
 * label, "annual value £27,000,000 (was £26,350,000)". */
static char *
changed_items (Words              *w,
               const LpCopyChange *change,
               Row                *row,
               gboolean           *starts_with_value)
{
  GString *items = g_string_new (NULL);

  *starts_with_value = FALSE;
  /* The row's own value first, then the others in the table's order. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < change->n_columns; i++)
      {
        ColumnSpec spec = column_spec (change->table, change->columns[i], row);
        g_autofree char *label = column_label (&spec, FALSE);
        g_autofree char *now = NULL, *was = NULL, *item = NULL;

        if ((pass == 0) != (label == NULL))
          continue;
        now = value_text (w, spec.kind, change->new_values[i], TRUE);
        was = value_text (w, spec.kind, change->old_values[i], FALSE);
        /* TRANSLATORS: a value a copy changed, and what it was before */
        item = g_strdup_printf (_("%s (was %s)"), now, was);
        if (items->len == 0)
          *starts_with_value = label == NULL;
        else
          g_string_append (items, _(", "));
        if (label != NULL)
          g_string_append_printf (items, "%s %s", label, item);
        else
          g_string_append (items, item);
      }
  return g_string_free (items, FALSE);
}

/**
 * lp_workshop_copy_describe_change:
 * @copy: the copy @change was listed from
 * @change: one of lp_workshop_copy_list_changes()
 *
 * Puts a change into the words of the views: where it shows and what it
 * says.  Reads only the copy's own connection (not the plan), so it may
 * run on a worker thread; never fails.
 *
 * Returns: (transfer full): the words, to free with lp_change_words_free()
 */
LpChangeWords *
lp_workshop_copy_describe_change (LpWorkshopCopy     *copy,
                                  const LpCopyChange *change)
{
  LpChangeWords *words;
  RowWords rw = { 0 };
  Words w;
  Row *row = NULL;

  g_return_val_if_fail (copy != NULL, NULL);
  g_return_val_if_fail (change != NULL && change->table != NULL, NULL);

  words_init (&w, copy);
  words = g_new0 (LpChangeWords, 1);
  switch (change->kind)
    {
    case LP_COPY_CHANGE_ADDED:
    case LP_COPY_CHANGE_DELETED:
      {
        gboolean added = change->kind == LP_COPY_CHANGE_ADDED;

        row = row_from_change (change, added);
        describe_row (&w, change->table, row, &rw);
        words->subject = g_strdup (added ? rw.added : rw.deleted);
        words->text = join_line (rw.place, words->subject, " · ", rw.summary);
        break;
      }

    case LP_COPY_CHANGE_CHANGED:
    default:
      {
        g_autofree char *items = NULL;
        gboolean starts_with_value;

        /* Only the changed columns are in the change: the rest of the row,
         * which says what it is, comes from the copy. */
        row = row_load (&w, change->table, change->row_key);
        if (row == NULL)
          row = row_from_key (&w, change->table, change->row_key);
        for (guint i = 0; i < change->n_columns; i++)
          g_hash_table_insert (row, g_strdup (change->columns[i]), g_strdup (change->new_values[i]));
        describe_row (&w, change->table, row, &rw);
        items = changed_items (&w, change, row, &starts_with_value);
        words->subject = g_strdup (rw.identity);
        /* TRANSLATORS: between a row and the one value it changed: "Trajectory target from 01/04/2019: 75.0%" */
        words->text = join_line (rw.place, words->subject, starts_with_value ? _(": ") : " · ", items);
        break;
      }
    }
  words->section = g_strdup (rw.section);
  words->place = g_strdup (rw.place);
  row_words_clear (&rw);
  g_clear_pointer (&row, g_hash_table_unref);
  return words;
}

/* -------------------------------------------------------------------- */
/* Conflicts                                                             */

void
lp_conflict_words_free (LpConflictWords *words)
{
  if (words == NULL)
    return;
  g_free (words->section);
  g_free (words->place);
  g_free (words->subject);
  g_free (words->question);
  g_free (words->base_text);
  g_free (words->copy_text);
  g_free (words->plan_text);
  g_free (words);
}

/* The values of @columns ("a, b") of @row: one value alone, or each with
 * its label. */
static char *
columns_text (Words      *w,
              const char *table,
              const char *columns,
              Row        *row)
{
  g_auto(GStrv) names = NULL;
  GString *text;

  if (row == NULL)
    return g_strdup (_("none"));
  if (columns == NULL || *columns == '\0')
    return NULL;
  names = g_strsplit (columns, ", ", -1);
  if (g_strv_length (names) == 1)
    return row_value (w, table, row, names[0], TRUE);
  text = g_string_new (NULL);
  for (guint i = 0; names[i] != NULL; i++)
    {
      ColumnSpec spec = column_spec (table, names[i], row);
      g_autofree char *label = column_label (&spec, TRUE);
      g_autofree char *value = row_value (w, table, row, names[i], TRUE);

      g_string_append_printf (text, "%s%s %s", i > 0 ? _(", ") : "", label, value);
    }
  return g_string_free (text, FALSE);
}

/* "list size", "list size and source": what @columns are called. */
static char *
columns_names (const char *table,
               const char *columns,
               Row        *row)
{
  g_auto(GStrv) names = g_strsplit (columns != NULL ? columns : "", ", ", -1);
  GString *text = g_string_new (NULL);
  guint n = g_strv_length (names);

  for (guint i = 0; i < n; i++)
    {
      ColumnSpec spec = column_spec (table, names[i], row);
      g_autofree char *label = column_label (&spec, TRUE);

      if (i > 0)
        g_string_append (text, i + 1 == n ? _(" and ") : _(", "));
      g_string_append (text, label);
    }
  return g_string_free (text, FALSE);
}

/* The values the copy's row would hold a second time, if the table has
 * values it holds once only ("the ODS code Y00001"); SQLite does not say
 * which rule a change broke, and the plan is not read here, so every
 * value held once only is named. */
static char *
unique_values (Words      *w,
               const char *table,
               Row        *row,
               gboolean   *has_unique)
{
  sqlite3_stmt *indexes = NULL;
  GString *text = g_string_new (NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  *has_unique = FALSE;
  if (row != NULL &&
      sqlite3_prepare_v2 (w->db, "SELECT l.name, (SELECT count (*) FROM pragma_index_xinfo (l.name, 'main') x WHERE x.key), "
                          "(SELECT x.name FROM pragma_index_xinfo (l.name, 'main') x WHERE x.key AND x.cid >= 0) "
                          "FROM pragma_index_list (?1, 'main') l WHERE l.\"unique\" AND l.origin <> 'pk' ORDER BY l.name",
                          -1, &indexes, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (indexes, 1, table, -1, SQLITE_STATIC);
      while (sqlite3_step (indexes) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (indexes, 2);

          *has_unique = TRUE;
          if (sqlite3_column_int (indexes, 1) == 1 && column != NULL && row_get (row, column) != NULL)
            {
              ColumnSpec spec = column_spec (table, column, row);
              g_autofree char *label = column_label (&spec, TRUE);
              g_autofree char *value = row_value (w, table, row, column, FALSE);

              /* TRANSLATORS: "the ODS code Y00001" */
              g_ptr_array_add (found, g_strdup_printf (_("the %s %s"), label, value));
            }
        }
    }
  sqlite3_finalize (indexes);
  for (guint i = 0; i < found->len; i++)
    {
      if (i > 0)
        g_string_append (text, _(" or "));
      g_string_append (text, g_ptr_array_index (found, i));
    }
  return found->len > 0 ? g_string_free (text, FALSE) : (g_string_free (text, TRUE), NULL);
}

/* A whole row in words, for a conflict about the row rather than one of
 * its values: @missing when there is no such row. */
static char *
row_summary (Words      *w,
             const char *table,
             Row        *row,
             const char *missing)
{
  RowWords rw = { 0 };
  char *summary;

  if (row == NULL)
    return g_strdup (missing);
  describe_row (w, table, row, &rw);
  summary = g_strdup (rw.summary != NULL ? rw.summary : rw.identity);
  row_words_clear (&rw);
  return summary;
}

/**
 * lp_workshop_copy_describe_changes:
 * @changes: (element-type LpCopyChange): from lp_workshop_copy_list_changes()
 *
 * Words every change, in one read of the copy: outside a transaction each
 * lookup would take and let go of the files' locks again, which costs more
 * than the lookup itself.
 *
 * Returns: (transfer container) (element-type LpChangeWords): the words, in
 *   the order of @changes
 */
GPtrArray *
lp_workshop_copy_describe_changes (LpWorkshopCopy *copy,
                                   GPtrArray      *changes)
{
  sqlite3 *db = lp_workshop_copy_get_db (copy);
  GPtrArray *words = g_ptr_array_new_full (changes->len, (GDestroyNotify) lp_change_words_free);
  gboolean in_transaction = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;

  for (guint i = 0; i < changes->len; i++)
    g_ptr_array_add (words, lp_workshop_copy_describe_change (copy, g_ptr_array_index (changes, i)));
  if (in_transaction)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  return words;
}

/**
 * lp_workshop_copy_describe_conflict:
 * @copy: the copy whose merge found @conflict
 * @conflict: one of the conflicts of lp_plan_merge_copy()
 *
 * Puts a conflict into words: what the row is, what happened, and base,
 * copy and plan values with their units.  Reads only the copy's own
 * connection, never the plan; never fails.
 *
 * Returns: (transfer full): the words, to free with lp_conflict_words_free()
 */
LpConflictWords *
lp_workshop_copy_describe_conflict (LpWorkshopCopy        *copy,
                                    const LpMergeConflict *conflict)
{
  LpConflictWords *words;
  RowWords rw = { 0 };
  Words w;
  const char *table;
  const char *noun;
  Row *row = NULL, *base_row = NULL, *copy_row = NULL, *key_row = NULL;

  g_return_val_if_fail (copy != NULL, NULL);
  g_return_val_if_fail (conflict != NULL && conflict->table != NULL, NULL);

  words_init (&w, copy);
  table = conflict->table;
  noun = table_noun (table);
  words = g_new0 (LpConflictWords, 1);
  copy_row = row_load_from (&w, "main", table, conflict->row_key);
  base_row = row_load_from (&w, "base", table, conflict->row_key);
  row = copy_row != NULL ? copy_row : base_row;
  if (row == NULL)
    row = key_row = row_from_key (&w, table, conflict->row_key);
  describe_row (&w, table, row, &rw);
  words->section = g_strdup (rw.section);
  words->place = g_strdup (rw.place);

  switch (conflict->kind)
    {
    case LP_MERGE_CONFLICT_BOTH_CHANGED:
    case LP_MERGE_CONFLICT_BOTH_ADDED:
      {
        ColumnSpec spec = column_spec (table, conflict->column != NULL ? conflict->column : "", row);
        g_autofree char *label = column_label (&spec, FALSE);
        g_autofree char *name = column_label (&spec, TRUE);

        words->subject = label != NULL ? g_strdup_printf ("%s · %s", rw.identity, name) : g_strdup (rw.identity);
        if (conflict->kind == LP_MERGE_CONFLICT_BOTH_ADDED)
          words->question = g_strdup_printf (_("Both added this, with a different %s."), name);
        else if (w.against_plan)
          words->question = g_strdup_printf (_("The copy and the plan have a different %s."), name);
        else
          words->question = g_strdup_printf (_("The plan and this copy both changed the %s since it was taken."), name);
        words->base_text = value_text (&w, spec.kind, conflict->base_value, TRUE);
        words->copy_text = value_text (&w, spec.kind, conflict->copy_value, TRUE);
        words->plan_text = value_text (&w, spec.kind, conflict->plan_value, TRUE);
        break;
      }

    case LP_MERGE_CONFLICT_DELETED_IN_PLAN:
      {
        g_autofree char *names = columns_names (table, conflict->column, row);

        words->subject = g_strdup (rw.identity);
        words->question = g_strdup_printf (_("The plan deleted this %s; the copy changed its %s."), noun, names);
        words->base_text = columns_text (&w, table, conflict->column, base_row);
        words->copy_text = columns_text (&w, table, conflict->column, copy_row);
        words->plan_text = g_strdup (_("deleted"));
        break;
      }

    case LP_MERGE_CONFLICT_DELETED_IN_COPY:
      {
        g_autofree char *names = columns_names (table, conflict->column, row);

        words->subject = g_strdup (rw.identity);
        words->question = g_strdup_printf (_("The copy deleted this %s; the plan changed its %s."), noun, names);
        words->base_text = columns_text (&w, table, conflict->column, base_row);
        words->copy_text = g_strdup (_("deleted"));
        /* The plan's values are not read here (it may be busy on another
         * thread): the question says what it changed. */
        words->plan_text = g_strdup_printf (_("%s changed"), names);
        break;
      }

    case LP_MERGE_CONFLICT_BREAKS_RULE:
      {
        gboolean has_unique = FALSE;
        g_autofree char *values = unique_values (&w, table, copy_row, &has_unique);

        words->subject = g_strdup (copy_row != NULL ? (base_row != NULL ? rw.identity : rw.added) : rw.identity);
        if (values != NULL)
          {
            words->question = g_strdup_printf (_("This would use %s twice."), values);
            words->plan_text = g_strdup_printf (_("already uses %s"), values);
          }
        else
          {
            words->question = has_unique
                              ? g_strdup_printf (_("The plan already has a %s like this one, and cannot hold two."), noun)
                              : g_strdup (_("This change would break a rule of the plan, so it can only be left out."));
            words->plan_text = g_strdup (_("unchanged"));
          }
        words->base_text = row_summary (&w, table, base_row, _("none"));
        words->copy_text = row_summary (&w, table, copy_row, _("deleted"));
        break;
      }

    case LP_MERGE_CONFLICT_ONLY_IN_COPY:
    case LP_MERGE_CONFLICT_ONLY_IN_PLAN:
    default:
      {
        gboolean in_copy = conflict->kind == LP_MERGE_CONFLICT_ONLY_IN_COPY;
        g_autofree char *summary = row_summary (&w, table, row, _("none"));

        words->subject = g_strdup (rw.identity);
        words->question = g_strdup_printf (in_copy ? _("Only the copy has this %s.") : _("Only the plan has this %s."),
                                           noun);
        /* Compared with the plan as it is: there is no base. */
        words->base_text = g_strdup (_("none"));
        words->copy_text = in_copy ? g_strdup (summary) : g_strdup (_("none"));
        words->plan_text = in_copy ? g_strdup (_("none")) : g_strdup (summary);
        break;
      }
    }

  row_words_clear (&rw);
  g_clear_pointer (&copy_row, g_hash_table_unref);
  g_clear_pointer (&base_row, g_hash_table_unref);
  g_clear_pointer (&key_row, g_hash_table_unref);
  return words;
}
