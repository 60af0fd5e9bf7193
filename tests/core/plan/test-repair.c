/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Repair into a copy: every plan of the damaged corpus gives a copy that
 * passes check and opens, with every good row kept as it was and each
 * decision in the report and the copy's import log; the damaged file is
 * never changed; refusals leave nothing behind. */
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "core-test-util.h"
#include "test-damaged-plans.h"

static const char *
sample_plan (void)
{
  const char *path = g_getenv ("LP_SAMPLE_PLAN");

  g_assert_nonnull (path);
  return path;
}

static gint64
db_int (sqlite3    *db,
        const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sqlite3_errmsg (db), sql);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* check's key ("id=12", "practice_id=3, extract_date='2018-01-01'",
 * "rowid=7") as a condition: no value of the corpus holds ", ". */
static char *
key_where (const char *key)
{
  g_auto(GStrv) parts = g_strsplit (key, ", ", -1);

  return g_strjoinv (" AND ", parts);
}

/* The names of the files in @dir. */
static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

typedef struct {
  guint left_out;
  guint cleared;
} Counts;

/* Everything a repaired copy must be, whatever the damage. */
static void
assert_repaired (const char           *source,
                 const LpRepairReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = lp_plan_check_file (report->copy_path, &error);
  g_autoptr(LpPlan) plan = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *attach = NULL;
  gint64 repair_id;

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    if (((LpProblem *) g_ptr_array_index (problems, i))->severity == LP_PROBLEM_ERROR)
      g_test_message ("left in the copy: %s", ((LpProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (lp_problems_count_errors (problems), ==, 0);
  g_assert_false (report->recovered);

  /* opens writable, as a plan */
  plan = lp_plan_open (report->copy_path, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (lp_plan_is_read_only (plan));
  g_clear_object (&plan);

  for (guint i = 0; i < report->steps->len; i++)
    {
      const LpRepairStep *step = g_ptr_array_index (report->steps, i);
      Counts *c = g_hash_table_lookup (counts, step->table);

      g_assert_nonnull (step->message);
      g_assert_true (g_str_has_prefix (step->message, step->row != NULL ? step->row : step->message));
      if (c == NULL)
        g_hash_table_insert (counts, step->table, c = g_new0 (Counts, 1));
      if (step->action == LP_REPAIR_LEFT_OUT)
        c->left_out++;
      else if (step->action == LP_REPAIR_CLEARED)
        c->cleared++;
    }

  g_assert_cmpint (sqlite3_open_v2 (report->copy_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  attach = sqlite3_mprintf ("ATTACH DATABASE %Q AS source", source);
  g_assert_cmpint (sqlite3_exec (db, attach, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_free (g_steal_pointer (&attach));

  for (guint i = 0; i < report->tables->len; i++)
    {
      const LpRepairTable *table = g_ptr_array_index (report->tables, i);
      Counts *c = g_hash_table_lookup (counts, table->table);
      guint left_out = c != NULL ? c->left_out : 0;
      guint cleared = c != NULL ? c->cleared : 0;
      g_autofree char *sql = NULL;
      gint64 gone, changed;

      g_assert_cmpint (table->rows_read, ==,
                       db_int (db, (sql = g_strdup_printf ("SELECT count (*) FROM source.\"%s\"", table->table))));
      g_clear_pointer (&sql, g_free);
      g_assert_cmpint (table->rows_kept, ==, table->rows_read - left_out);
      /* the repair's own record is the only row more in the import log */
      g_assert_cmpint (table->rows_kept + (g_str_equal (table->table, "import_log") ? 1 : 0)
                       + (g_str_equal (table->table, "import_log_note") ? (gint64) report->steps->len : 0), ==,
                       db_int (db, (sql = g_strdup_printf ("SELECT count (*) FROM main.\"%s\"", table->table))));
      g_clear_pointer (&sql, g_free);
      if (g_str_has_prefix (table->table, "import_log"))
        continue;
      /* each source row is in the copy as it was, but those left out and
       * those with a value cleared */
      gone = db_int (db, (sql = g_strdup_printf ("SELECT count (*) FROM (SELECT * FROM source.\"%s\" "
                                                 "EXCEPT SELECT * FROM main.\"%s\")",
                                                 table->table, table->table)));
      g_clear_pointer (&sql, g_free);
      changed = db_int (db, (sql = g_strdup_printf ("SELECT count (*) FROM (SELECT * FROM main.\"%s\" "
                                                    "EXCEPT SELECT * FROM source.\"%s\")",
                                                    table->table, table->table)));
      g_assert_cmpint (gone, ==, left_out + cleared);
      g_assert_cmpint (changed, ==, cleared);
    }

  /* left out: gone; cleared: NULL in the copy, the rest of the row kept */
  for (guint i = 0; i < report->steps->len; i++)
    {
      const LpRepairStep *step = g_ptr_array_index (report->steps, i);
      g_autofree char *where = NULL;
      g_autofree char *sql = NULL;

      if (step->action == LP_REPAIR_REBUILT)
        continue;
      where = key_where (step->key);
      if (step->action == LP_REPAIR_LEFT_OUT && !g_str_has_prefix (step->key, "rowid="))
        g_assert_cmpint (db_int (db, (sql = g_strdup_printf ("SELECT count (*) FROM main.\"%s\" WHERE %s",
                                                             step->table, where))), <=,
                         db_int (db, (g_free (sql), sql = g_strdup_printf ("SELECT count (*) FROM source.\"%s\" "
                                                                           "WHERE %s", step->table, where))) - 1);
      else if (step->action == LP_REPAIR_CLEARED)
        g_assert_cmpint (db_int (db, (sql = g_strdup_printf ("SELECT count (*) FROM main.\"%s\" WHERE %s AND "
                                                             "\"%s\" IS NULL", step->table, where, step->column))),
                         ==, 1);
    }

  /* the import log: the repair, and one note per decision in order */
  repair_id = db_int (db, "SELECT ifnull (max (id), 0) FROM main.import_log WHERE kind = 'repair'");
  g_assert_cmpint (repair_id, !=, 0);
  g_assert_cmpint (db_int (db, "SELECT count (*) FROM main.import_log WHERE kind = 'repair'"), ==, 1);
  g_assert_cmpint (db_int (db, "SELECT count (*) FROM main.import_log_note"), ==, report->steps->len);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT position, message FROM main.import_log_note "
                                       "WHERE import_id = ?1 ORDER BY position", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, repair_id);
  for (guint i = 0; i < report->steps->len; i++)
    {
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, i + 1);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==,
                       ((LpRepairStep *) g_ptr_array_index (report->steps, i))->message);
    }
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  {
    g_autofree char *name = g_path_get_basename (source);
    char *sql = sqlite3_mprintf ("SELECT count (*) FROM main.import_log WHERE id = %lld "
                                 "AND file_name = %Q AND length (file_sha256) = 64", (long long) repair_id, name);
    g_assert_cmpint (db_int (db, sql), ==, 1);
    sqlite3_free (sql);
  }
  sqlite3_close (db);
}

/* What the repair decides for each damage of the corpus: the first
 * decision's action, table and column, and how many decisions in all
 * (0: as many as the rows that belong to a row picked by its random id,
 * which each build of the sample draws anew).
 *
 * A value is cleared only where the column may be empty and is no part of
 * a key (a workforce figure's headcount or FTE, an access plan's end date,
 * a practice's locality): the row is kept.  Anything else leaves the row
 * out, and with it the rows that cannot be without it: a practice whose
 * status is '' takes its list size, access plans and workforce figures
 * with it (14 decisions), as a status cannot be guessed and a practice
 * with no status counts in no total; a locality whose name is blank is
 * left out, and its 7 practices lose only their locality.  Of two rows
 * sharing a key the first is kept, and the dropped unique index or the
 * table rebuilt without its key is made again (the second decision). */
typedef struct {
  const char     *name;
  LpRepairAction  action;
  const char     *table;
  const char     *column;
  const char     *message;   /* (nullable) the first decision's words */
  guint           n_steps;
} Expected;

#define LEFT_OUT LP_REPAIR_LEFT_OUT
#define CLEARED LP_REPAIR_CLEARED

static const Expected expected[] = {
  { "access-ends-before-start", CLEARED, "access_provision", "end_date", NULL, 1 },
  { "access-level-empty", LEFT_OUT, "access_provision", "level", NULL, 1 },
  { "access-level-null", LEFT_OUT, "access_provision", "level", NULL, 1 },
  { "access-minutes-negative", LEFT_OUT, "access_provision", "minutes_per_week", NULL, 1 },
  { "access-minutes-text", LEFT_OUT, "access_provision", "minutes_per_week", NULL, 1 },
  { "capacity-minutes-zero", LEFT_OUT, "capacity_rule", "minutes_per_1000", NULL, 1 },
  { "contract-backwards", LEFT_OUT, "contract", "start_date, end_date", NULL, 0 },
  { "contract-end-1e308", LEFT_OUT, "contract", "end_date", NULL, 0 },
  { "contract-extension-fraction", LEFT_OUT, "contract", "extension_months", NULL, 0 },
  { "contract-service-null", LEFT_OUT, "contract", "service", NULL, 0 },
  { "contract-start-13th-month", LEFT_OUT, "contract", "start_date", NULL, 0 },
  { "contract-value-negative", LEFT_OUT, "contract", "annual_value_pounds", NULL, 25 },
  { "contract-value-text", LEFT_OUT, "contract", "annual_value_pounds", NULL, 0 },
  { "growth-below-minus-100pc", LEFT_OUT, "growth_assumption", "growth_bp", NULL, 1 },
  { "growth-unknown-line", LEFT_OUT, "growth_assumption", "activity_line", NULL, 1 },
  { "growth-year-dashed", LEFT_OUT, "growth_assumption", "financial_year",
    "Growth of RTT_NONADM in 2018-19, scenario Base: left out, because financial_year is '2018-19'; it must be a financial year such as 2018/19", 1 },
  { "list-size-abc", LEFT_OUT, "list_size", "patients",
    "List size of practice X06K01 on 2018-01-01: left out, because patients is 'abc'; it must be a whole number of 0 or more", 1 },
  { "list-size-date-words", LEFT_OUT, "list_size", "extract_date", NULL, 1 },
  { "list-size-feb-31", LEFT_OUT, "list_size", "extract_date", NULL, 1 },
  { "list-size-fraction", LEFT_OUT, "list_size", "patients", NULL, 1 },
  { "list-size-negative", LEFT_OUT, "list_size", "patients", NULL, 1 },
  { "list-size-null", LEFT_OUT, "list_size", "patients",
    "List size of practice X06K15 on 2018-01-01: left out, because patients is NULL; it must not be empty", 1 },
  { "list-size-of-no-practice", LEFT_OUT, "list_size", "practice_id", NULL, 1 },
  { "list-size-rebuilt-twice", LEFT_OUT, "list_size", "practice_id, extract_date", NULL, 2 },
  { "locality-deleted", CLEARED, "practice", "locality_id", NULL, 7 },
  { "locality-name-blank", LEFT_OUT, "locality", "name", NULL, 8 },
  { "pathway-activity-negative", LEFT_OUT, "pathway_change", "activity", NULL, 1 },
  { "pathway-category-empty", LEFT_OUT, "pathway", "category", NULL, 0 },
  { "pathway-change-twice", LEFT_OUT, "pathway_change", "scenario_id, pathway_id, level, locality_id, horizon_years", NULL, 2 },
  { "pathway-horizon-zero", LEFT_OUT, "pathway_change", "horizon_years", NULL, 1 },
  { "pathway-level-without-locality", LEFT_OUT, "pathway_change", "level, locality_id", NULL, 1 },
  { "practice-code-lower-case", LEFT_OUT, "practice", "ods_code", NULL, 14 },
  { "practice-name-null", LEFT_OUT, "practice", "name",
    "Practice X06K16: left out, because name is NULL; it must not be empty", 16 },
  { "practice-status-empty", LEFT_OUT, "practice", "status",
    "Practice X06K09: left out, because status is ''; it must be one of active, closed, dormant, proposed", 14 },
  { "practice-status-open", LEFT_OUT, "practice", "status", NULL, 16 },
  { "provider-deleted", LEFT_OUT, "contract", "provider_id", NULL, 0 },
  { "provider-sector-private", LEFT_OUT, "provider", "sector", NULL, 0 },
  { "qipp-saving-negative", LEFT_OUT, "qipp_reduction", "saving_pounds", NULL, 1 },
  { "qipp-unknown-pod", LEFT_OUT, "qipp_reduction", "pod", NULL, 1 },
  { "scenario-name-twice", LEFT_OUT, "scenario", "name",
    "Scenario BASE: left out, because name is 'BASE'; it must be unique, but 2 rows have it; the first of them is kept", 2 },
  { "staff-role-locum-text", LEFT_OUT, "staff_role", "is_locum",
    "Staff role ADMIN_DIGITAL_LEAD: left out, because is_locum is 'yes'; it must be one of 0, 1", 1 },
  { "trajectory-20000bp", LEFT_OUT, "access_trajectory", "target_bp", NULL, 1 },
  { "trajectory-mid-month", LEFT_OUT, "access_trajectory", "period_month", NULL, 1 },
  { "trajectory-twice", LEFT_OUT, "access_trajectory", "scenario_id, locality_id, period_month", NULL, 2 },
  { "vulnerable-service-empty", LEFT_OUT, "vulnerable_service", "service", NULL, 1 },
  { "vulnerable-service-of-no-contract", LEFT_OUT, "vulnerable_service", "contract_id", NULL, 1 },
  { "workforce-as-at-feb-30", LEFT_OUT, "workforce_fte", "as_at", NULL, 10 },
  { "workforce-fte-negative", CLEARED, "workforce_fte", "fte", NULL, 7 },
  { "workforce-headcount-text", CLEARED, "workforce_fte", "headcount",
    "Workforce of practice X06K03, ADMIN_MANAGER on 2018-03-31: headcount cleared (was 'many'), because it must be a whole number of 0 or more", 1 },
  { "workforce-unknown-role", LEFT_OUT, "workforce_fte", "role", NULL, 1 },
};

static const Expected *
expected_find (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (g_str_equal (expected[i].name, name))
      return &expected[i];
  return NULL;
}

static void
test_damage (gconstpointer data)
{
  const Damage *damage = data;
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = damaged_plan_make (sample_plan (), dir, damage);
  g_autofree char *copy_name = g_strdup_printf ("%s-repaired.lpplan", damage->name);
  g_autofree char *copy = g_build_filename (dir, copy_name, NULL);
  g_autofree char *before = test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpRepairReport) report = NULL;
  const Expected *e = expected_find (damage->name);
  gboolean found_kind = FALSE;

  report = lp_plan_repair_file (path, copy, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  for (guint i = 0; i < report->steps->len; i++)
    {
      const LpRepairStep *step = g_ptr_array_index (report->steps, i);
      g_test_message ("%s", step->message);
    }
  g_assert_cmpuint (report->steps->len, >=, 1);
  for (guint i = 0; i < report->problems->len; i++)
    found_kind |= ((LpProblem *) g_ptr_array_index (report->problems, i))->kind == (LpProblemKind) damage->kind;
  g_assert_true (found_kind);
  assert_repaired (path, report);
  g_assert_nonnull (e);
  {
    const LpRepairStep *first = g_ptr_array_index (report->steps, 0);

    g_assert_cmpint (first->action, ==, e->action);
    g_assert_cmpstr (first->table, ==, e->table);
    g_assert_cmpstr (first->column, ==, e->column);
    if (e->message != NULL)
      g_assert_cmpstr (first->message, ==, e->message);
    if (e->n_steps > 0)
      g_assert_cmpuint (report->steps->len, ==, e->n_steps);
  }
  /* the rows that belonged to a row left out say so */
  if (g_str_equal (damage->name, "practice-status-empty"))
    for (guint i = 1; i < report->steps->len; i++)
      {
        const LpRepairStep *step = g_ptr_array_index (report->steps, i);

        g_assert_cmpint (step->action, ==, LP_REPAIR_LEFT_OUT);
        g_assert_true (g_str_has_suffix (step->message, ": left out with Practice X06K09, which it belongs to"));
        /* named by the practice's code, as before it was left out */
        g_assert_nonnull (strstr (step->row, "practice X06K09"));
        g_assert_null (strchr (step->message, '#'));
      }
  if (g_str_equal (damage->name, "locality-name-blank"))
    for (guint i = 1; i < report->steps->len; i++)
      {
        const LpRepairStep *step = g_ptr_array_index (report->steps, i);

        g_assert_cmpint (step->action, ==, LP_REPAIR_CLEARED);
        g_assert_cmpstr (step->column, ==, "locality_id");
        g_assert_nonnull (strstr (step->message, ": locality_id cleared (was "));
        g_assert_nonnull (strstr (step->message, "), because Locality #"));
        g_assert_true (g_str_has_suffix (step->message, " was left out"));
      }
  /* the copy and the damaged plan, and nothing else */
  g_assert_cmpuint (count_files (dir), ==, 2);
  test_rm_rf (dir);
}

/* A sound plan: nothing to decide, every row kept, the repair logged. */
static void
test_sample (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = damaged_plan_copy_file (sample_plan (), dir, "sound.lpplan");
  g_autofree char *copy = g_build_filename (dir, "sound copy.lpplan", NULL);
  g_autofree char *before = test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpRepairReport) report = lp_plan_repair_file (path, copy, NULL, &error);
  gint64 total = 0;

  g_assert_no_error (error);
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (report->steps->len, ==, 0);
  g_assert_cmpuint (lp_problems_count_errors (report->problems), ==, 0);
  g_assert_cmpstr (report->source_path, ==, path);
  g_assert_cmpstr (report->copy_path, ==, copy);
  g_assert_nonnull (report->repaired_at);
  for (guint i = 0; i < report->tables->len; i++)
    {
      const LpRepairTable *table = g_ptr_array_index (report->tables, i);
      g_assert_cmpint (table->rows_kept, ==, table->rows_read);
      total += table->rows_kept;
    }
  /* 1,042 rows in the sample's tables, as `info` lists them */
  g_assert_cmpint (total, ==, 1042);
  assert_repaired (path, report);
  text = lp_repair_report_to_text (report);
  g_assert_nonnull (strstr (text, "Nothing needed repair."));
  g_assert_nonnull (strstr (text, "\n  practice: 57 read, 57 kept\n"));
  g_assert_nonnull (strstr (text, "\n  workforce_fte: 544 read, 544 kept\n"));
  /* tables with no rows are not listed */
  g_assert_null (strstr (text, "import_log"));
  g_assert_null (strstr (text, "page by page"));
  test_rm_rf (dir);
}

/* The report a user saves: where, when, what was found, each decision,
 * and the rows per table. */
static void
test_report_text (void)
{
  g_autofree char *dir = test_tmp_dir ();
  guint n;
  const Damage *damages = damaged_plans (&n);
  g_autofree char *path = damaged_plan_make (sample_plan (), dir, &damages[0]);   /* list-size-abc */
  g_autofree char *copy = g_build_filename (dir, "repaired.lpplan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpRepairReport) report = lp_plan_repair_file (path, copy, NULL, &error);
  g_autofree char *text = NULL;
  g_autofree char *expected_source = g_strdup_printf ("\nDamaged plan: %s\nRepaired copy: %s\nRepaired on: ", path, copy);

  g_assert_no_error (error);
  g_assert_cmpstr (damages[0].name, ==, "list-size-abc");
  text = lp_repair_report_to_text (report);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "Repair of a damaged plan\n"));
  g_assert_nonnull (strstr (text, expected_source));
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_nonnull (strstr (text, "\n1 problem found\n  error: List size of practice X06K01 on 2018-01-01 "
                                  "(table list_size): patients is 'abc'; it must be a whole number of 0 or more\n"));
  g_assert_nonnull (strstr (text, "\n1 decision\n  1. List size of practice X06K01 on 2018-01-01: left out, "
                                  "because patients is 'abc'; it must be a whole number of 0 or more\n"
                                  "0 values cleared, 1 row left out\n"));
  /* 57 list sizes read, the one of X06K01 left out */
  g_assert_nonnull (strstr (text, "\n  list_size: 57 read, 56 kept\n"));
  test_rm_rf (dir);
}

/* Refused before anything is written: the source as it was, no copy, no
 * temporary file. */
static void
assert_refused (const char *dir,
                const char *path,
                const char *copy,
                guint       n_files,
                GError     *error,
                GQuark      domain,
                int         code,
                const char *message)
{
  g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (count_files (dir), ==, n_files);
  (void) path;
  (void) copy;
}

static void
test_refusals (void)
{
  g_autofree char *dir = test_tmp_dir ();
  guint n;
  const Damage *damages = damaged_plans (&n);
  g_autofree char *path = damaged_plan_make (sample_plan (), dir, &damages[0]);
  g_autofree char *before = test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *existing = g_build_filename (dir, "existing.lpplan", NULL);
  g_autofree char *same = g_build_filename (dir, ".", "list-size-abc.lpplan", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.lpplan", NULL);
  g_autofree char *missing = g_build_filename (dir, "no such folder", "copy.lpplan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  LpRepairReport *report;

  /* over the source itself, however it is named */
  report = lp_plan_repair_file (path, path, NULL, &error);
  g_assert_null (report);
  assert_refused (dir, path, path, 1, error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                  "A repair never writes over the plan it repairs; choose another name for the copy");
  g_clear_error (&error);
  report = lp_plan_repair_file (path, same, NULL, &error);
  g_assert_null (report);
  assert_refused (dir, path, same, 1, error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                  "A repair never writes over the plan it repairs; choose another name for the copy");
  g_clear_error (&error);

  /* over an existing file, which keeps its contents */
  test_write_file (existing, "keep me", -1);
  report = lp_plan_repair_file (path, existing, NULL, &error);
  g_assert_null (report);
  assert_refused (dir, path, existing, 2, error, LP_PLAN_ERROR, LP_PLAN_ERROR_EXISTS,
                  "“existing.lpplan” already exists; choose another name for the repaired copy");
  g_clear_error (&error);
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "keep me");
  }
  g_unlink (existing);

  /* cancelled: no copy, no temporary file */
  g_cancellable_cancel (cancellable);
  report = lp_plan_repair_file (path, copy, cancellable, &error);
  g_assert_null (report);
  assert_refused (dir, path, copy, 1, error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The repair was cancelled");
  g_clear_error (&error);

  /* a folder that cannot be written (as root a folder's mode does not
   * stop a write, so a folder that does not exist stands in) */
  report = lp_plan_repair_file (path, missing, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "Could not write the repaired copy in the folder “"));
  g_assert_true (g_str_has_suffix (error->message, "no such folder”: No such file or directory"));
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_clear_error (&error);
  if (getuid () != 0)
    {
      g_autofree char *locked = g_build_filename (dir, "locked", NULL);
      g_autofree char *locked_copy = g_build_filename (locked, "copy.lpplan", NULL);

      g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
      report = lp_plan_repair_file (path, locked_copy, NULL, &error);
      g_assert_null (report);
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO);
      g_assert_true (g_str_has_suffix (error->message, "locked”: Permission denied"));
      g_assert_cmpuint (count_files (locked), ==, 0);
      g_clear_error (&error);
      g_chmod (locked, 0755);
    }

  /* no plan at all */
  {
    g_autofree char *nothing = g_build_filename (dir, "nothing.lpplan", NULL);
    report = lp_plan_repair_file (nothing, copy, NULL, &error);
    g_assert_null (report);
    g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  test_rm_rf (dir);
}

/* A plan with no scenario at all: the rows of its scenarios are left
 * out, but a plan without a base scenario cannot be made sound by leaving
 * rows out, and a base scenario is not made up: the repair says so and
 * writes nothing. */
static void
test_no_base_scenario (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = damaged_plan_copy_file (sample_plan (), dir, "no-base.lpplan");
  g_autofree char *copy = g_build_filename (dir, "copy.lpplan", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  LpRepairReport *report;

  test_sql_on_file (path, "PRAGMA foreign_keys = OFF; DELETE FROM scenario");
  before = test_file_checksum (path);
  report = lp_plan_repair_file (path, copy, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT);
  g_assert_cmpstr (error->message, ==, "The plan cannot be repaired: The plan has no base scenario");
  g_assert_cmpuint (count_files (dir), ==, 1);
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  test_rm_rf (dir);
}

/* A row that no constraint refuses but a rule of the domain cannot read
 * (an age profile of letters) is left out; the sound one beside it kept. */
static void
test_impossible_age_profile (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = damaged_plan_copy_file (sample_plan (), dir, "ages.lpplan");
  g_autofree char *copy = g_build_filename (dir, "copy.lpplan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpRepairReport) report = NULL;
  const LpRepairStep *step;

  /* 20 five-year bands of 6 characters: 120 letters, or 120 digits */
  test_sql_on_file (path,
      "INSERT INTO age_profile (extract_date, practice_id, sex, banding, total, patients) VALUES "
      "('2018-01-01', (SELECT id FROM practice WHERE ods_code = 'X06K01'), 'all', 'five_year', NULL, "
      " replace (hex (zeroblob (60)), '0', 'x')), "
      "('2018-01-01', (SELECT id FROM practice WHERE ods_code = 'X06K01'), 'male', 'five_year', NULL, "
      " hex (zeroblob (60)))");
  report = lp_plan_repair_file (path, copy, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->steps->len, ==, 1);
  step = g_ptr_array_index (report->steps, 0);
  g_assert_cmpint (step->action, ==, LP_REPAIR_LEFT_OUT);
  g_assert_cmpstr (step->table, ==, "age_profile");
  g_assert_null (step->column);
  g_assert_cmpstr (step->message, ==, "Age profile of practice X06K01 on 2018-01-01 (all): left out, because it "
                                      "holds figures that are not its banding’s age bands of whole numbers");
  assert_repaired (path, report);
  g_assert_cmpint (test_sql_int (copy, "SELECT count (*) FROM age_profile WHERE sex = 'male'"), ==, 1);
  g_assert_cmpint (test_sql_int (copy, "SELECT count (*) FROM age_profile"), ==, 1);
  test_rm_rf (dir);
}

/* A damaged plan of the previous format (every plan before this version):
 * the copy is upgraded, then repaired by this version's rules; the file
 * itself stays at its format. */
static void
test_older_format (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "v8.lpplan", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.lpplan", NULL);
  g_autofree char *sql = test_fixture_sql ("migrations/v8.sql");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpRepairReport) report = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const LpRepairStep *step;

  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  test_sql_on_file (path, "PRAGMA ignore_check_constraints = ON; UPDATE list_size SET patients = 'abc' "
                          "WHERE practice_id = (SELECT id FROM practice WHERE ods_code = 'X06K01')");
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, 8);
  before = test_file_checksum (path);
  report = lp_plan_repair_file (path, copy, NULL, &error);
  g_assert_no_error (error);
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (lp_problems_count_errors (report->problems), ==, 1);
  g_assert_cmpuint (report->steps->len, ==, 1);
  step = g_ptr_array_index (report->steps, 0);
  g_assert_cmpstr (step->message, ==, "List size of practice X06K01 on 2018-01-01: left out, because patients is "
                                      "'abc'; it must be a whole number of 0 or more");
  g_assert_cmpint (test_sql_int (copy, "PRAGMA user_version"), ==, LP_PLAN_SCHEMA_VERSION);
  g_assert_cmpint (test_sql_int (copy, "SELECT count (*) FROM import_log_note"), ==, 1);
  g_assert_cmpint (test_sql_int (copy, "SELECT count (*) FROM list_size"), ==,
                   test_sql_int (path, "SELECT count (*) FROM list_size") - 1);
  problems = lp_plan_check_file (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lp_problems_count_errors (problems), ==, 0);
  test_rm_rf (dir);
}

/* A file SQLite finds damaged goes to the recovery of its rows; what it
 * cannot read is said, and nothing is left behind. */
static void
test_truncated (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = damaged_plan_copy_file (sample_plan (), dir, "truncated.lpplan");
  g_autofree char *copy = g_build_filename (dir, "copy.lpplan", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpRepairReport) report = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  test_write_file (path, contents, (gssize) (length / 2));
  before = test_file_checksum (path);
  report = lp_plan_repair_file (path, copy, NULL, &error);
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  if (report == NULL)
    {
      /* nothing could be read: said, nothing written */
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "truncated.lpplan"));
      g_assert_cmpuint (count_files (dir), ==, 1);
    }
  else
    {
      g_autoptr(GPtrArray) problems = lp_plan_check_file (copy, &error);
      g_autofree char *text = lp_repair_report_to_text (report);

      g_assert_no_error (error);
      g_assert_true (report->recovered);
      g_assert_cmpuint (lp_problems_count_errors (problems), ==, 0);
      g_assert_nonnull (strstr (text, "recovered page by page"));
      g_assert_cmpuint (count_files (dir), ==, 2);
    }
  test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  guint n;
  const Damage *damages = damaged_plans (&n);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/repair/sample", test_sample);
  g_test_add_func ("/repair/report-text", test_report_text);
  g_test_add_func ("/repair/refusals", test_refusals);
  g_test_add_func ("/repair/no-base-scenario", test_no_base_scenario);
  g_test_add_func ("/repair/truncated", test_truncated);
  g_test_add_func ("/repair/impossible-age-profile", test_impossible_age_profile);
  g_test_add_func ("/repair/older-format", test_older_format);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("/repair/corpus/%s", damages[i].name);
      g_test_add_data_func (name, &damages[i], test_damage);
    }
  return g_test_run ();
}
