/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A corpus of plans damaged behind the application's back, as another
 * program could (the sqlite3 shell with CHECK constraints or foreign keys
 * turned off, a table rebuilt without its unique index, a schema edited to
 * let a NULL in).  For each, lp_plan_check() on a read-only file finds the
 * damage it was given, and finds as many rule breaks as SQLite itself
 * counts on a writable copy: PRAGMA integrity_check's CHECK and NOT NULL
 * lines plus PRAGMA foreign_key_check's rows. */
#include <string.h>

#include <glib/gstdio.h>

#include "core-test-util.h"

typedef struct {
  const char    *name;
  const char    *sql;          /* run with CHECKs and foreign keys off */
  const char    *null_table;   /* or: let a NULL into this NOT NULL column */
  const char    *null_column;
  const char    *null_where;
  LpProblemKind  kind;         /* a problem the damage must produce */
  const char    *table;
  const char    *column;
  const char    *row;          /* (nullable) words its row must contain */
  guint          n_unique;     /* duplicate rows expected */
} Damage;

#define PRACTICE(code) "(SELECT id FROM practice WHERE ods_code = '" code "')"
#define FIRST(table) "(SELECT min (id) FROM " table ")"
#define CHECK LP_PROBLEM_KIND_CHECK
#define NOT_NULL LP_PROBLEM_KIND_NOT_NULL
#define FK LP_PROBLEM_KIND_FOREIGN_KEY
#define UNIQUE LP_PROBLEM_KIND_UNIQUE

static const Damage corpus[] = {
  /* values of the wrong type */
  { "list-size-abc", "UPDATE list_size SET patients = 'abc' WHERE practice_id = " PRACTICE ("X06K01"),
    NULL, NULL, NULL, CHECK, "list_size", "patients", "List size of practice X06K01 on 2018-01-01" },
  { "list-size-fraction", "UPDATE list_size SET patients = 12.5 WHERE practice_id = " PRACTICE ("X06K02"),
    NULL, NULL, NULL, CHECK, "list_size", "patients", "practice X06K02" },
  { "contract-value-text", "UPDATE contract SET annual_value_pounds = 'lots' WHERE id = " FIRST ("contract"),
    NULL, NULL, NULL, CHECK, "contract", "annual_value_pounds", "Contract for " },
  { "contract-extension-fraction", "UPDATE contract SET extension_months = 1.5 WHERE id = " FIRST ("contract"),
    NULL, NULL, NULL, CHECK, "contract", "extension_months", NULL },
  { "workforce-headcount-text",
    "UPDATE workforce_fte SET headcount = 'many' WHERE practice_id = " PRACTICE ("X06K03")
    " AND role = (SELECT min (role) FROM workforce_fte WHERE practice_id = " PRACTICE ("X06K03") ")",
    NULL, NULL, NULL, CHECK, "workforce_fte", "headcount", "Workforce of practice X06K03" },
  { "access-minutes-text", "UPDATE access_provision SET minutes_per_week = 'ninety' WHERE id = " FIRST ("access_provision"),
    NULL, NULL, NULL, CHECK, "access_provision", "minutes_per_week", "Access provision of practice" },
  { "staff-role-locum-text", "UPDATE staff_role SET is_locum = 'yes' WHERE code = (SELECT min (code) FROM staff_role)",
    NULL, NULL, NULL, CHECK, "staff_role", "is_locum", "Staff role " },
  /* out of range */
  { "list-size-negative", "UPDATE list_size SET patients = -5 WHERE practice_id = " PRACTICE ("X06K04"),
    NULL, NULL, NULL, CHECK, "list_size", "patients", "practice X06K04" },
  { "contract-end-1e308", "UPDATE contract SET end_date = 1e308 WHERE id = " FIRST ("contract"),
    NULL, NULL, NULL, CHECK, "contract", "end_date", "Contract for " },
  { "contract-backwards", "UPDATE contract SET end_date = '2000-03-31' WHERE id = " FIRST ("contract"),
    NULL, NULL, NULL, CHECK, "contract", "start_date, end_date", NULL },
  { "contract-value-negative", "UPDATE contract SET annual_value_pounds = -1",
    NULL, NULL, NULL, CHECK, "contract", "annual_value_pounds", NULL },
  { "trajectory-20000bp", "UPDATE access_trajectory SET target_bp = 20000 WHERE id = " FIRST ("access_trajectory"),
    NULL, NULL, NULL, CHECK, "access_trajectory", "target_bp", "Access trajectory of scenario " },
  { "growth-below-minus-100pc",
    "UPDATE growth_assumption SET growth_bp = -20000 WHERE activity_line = (SELECT min (activity_line) FROM growth_assumption)",
    NULL, NULL, NULL, CHECK, "growth_assumption", "growth_bp", "Growth of " },
  { "qipp-saving-negative",
    "UPDATE qipp_reduction SET saving_pounds = -100 WHERE saving_pounds = (SELECT max (saving_pounds) FROM qipp_reduction)",
    NULL, NULL, NULL, CHECK, "qipp_reduction", "saving_pounds", "QIPP saving of " },
  { "pathway-horizon-zero", "UPDATE pathway_change SET horizon_years = 0 WHERE id = " FIRST ("pathway_change"),
    NULL, NULL, NULL, CHECK, "pathway_change", "horizon_years", "Change to pathway " },
  { "pathway-activity-negative", "UPDATE pathway_change SET activity = -1 WHERE id = " FIRST ("pathway_change"),
    NULL, NULL, NULL, CHECK, "pathway_change", "activity", NULL },
  { "workforce-fte-negative",
    "UPDATE workforce_fte SET fte = -2 WHERE practice_id = " PRACTICE ("X06K05"),
    NULL, NULL, NULL, CHECK, "workforce_fte", "fte", "practice X06K05" },
  { "capacity-minutes-zero", "UPDATE capacity_rule SET minutes_per_1000 = 0 WHERE id = " FIRST ("capacity_rule"),
    NULL, NULL, NULL, CHECK, "capacity_rule", "minutes_per_1000", "Capacity rule " },
  { "access-minutes-negative", "UPDATE access_provision SET minutes_per_week = -60 WHERE id = " FIRST ("access_provision"),
    NULL, NULL, NULL, CHECK, "access_provision", "minutes_per_week", NULL },
  /* impossible dates */
  { "list-size-feb-31", "UPDATE list_size SET extract_date = '2018-02-31' WHERE practice_id = " PRACTICE ("X06K06"),
    NULL, NULL, NULL, CHECK, "list_size", "extract_date", "practice X06K06 on 2018-02-31" },
  { "list-size-date-words", "UPDATE list_size SET extract_date = 'last April' WHERE practice_id = " PRACTICE ("X06K07"),
    NULL, NULL, NULL, CHECK, "list_size", "extract_date", "practice X06K07" },
  { "contract-start-13th-month", "UPDATE contract SET start_date = '2017-13-01' WHERE id = " FIRST ("contract"),
    NULL, NULL, NULL, CHECK, "contract", "start_date", NULL },
  { "trajectory-mid-month", "UPDATE access_trajectory SET period_month = '2018-04-15' WHERE id = " FIRST ("access_trajectory"),
    NULL, NULL, NULL, CHECK, "access_trajectory", "period_month", NULL },
  { "access-ends-before-start", "UPDATE access_provision SET end_date = '2000-01-01' WHERE id = " FIRST ("access_provision"),
    NULL, NULL, NULL, CHECK, "access_provision", "end_date", NULL },
  { "workforce-as-at-feb-30", "UPDATE workforce_fte SET as_at = '2018-02-30' WHERE practice_id = " PRACTICE ("X06K08"),
    NULL, NULL, NULL, CHECK, "workforce_fte", "as_at", "practice X06K08" },
  { "growth-year-dashed",
    "UPDATE growth_assumption SET financial_year = '2018-19' WHERE activity_line = (SELECT max (activity_line) FROM growth_assumption)",
    NULL, NULL, NULL, CHECK, "growth_assumption", "financial_year", NULL },
  /* empty or unknown enum values, empty names */
  { "practice-status-empty", "UPDATE practice SET status = '' WHERE ods_code = 'X06K09'",
    NULL, NULL, NULL, CHECK, "practice", "status", "Practice X06K09" },
  { "practice-status-open", "UPDATE practice SET status = 'open' WHERE ods_code = 'X06K10'",
    NULL, NULL, NULL, CHECK, "practice", "status", "Practice X06K10" },
  { "access-level-empty", "UPDATE access_provision SET level = '' WHERE id = " FIRST ("access_provision"),
    NULL, NULL, NULL, CHECK, "access_provision", "level", NULL },
  { "provider-sector-private", "UPDATE provider SET sector = 'Private' WHERE id = " FIRST ("provider"),
    NULL, NULL, NULL, CHECK, "provider", "sector", "Provider " },
  { "pathway-category-empty", "UPDATE pathway SET category = '' WHERE id = " FIRST ("pathway"),
    NULL, NULL, NULL, CHECK, "pathway", "category", "Pathway " },
  { "pathway-level-without-locality",
    "UPDATE pathway_change SET level = 'locality', locality_id = NULL WHERE id = "
    "(SELECT min (id) FROM pathway_change WHERE level <> 'locality')",
    NULL, NULL, NULL, CHECK, "pathway_change", "level, locality_id", NULL },
  { "locality-name-blank", "UPDATE locality SET name = '   ' WHERE name = 'Stevenage'",
    NULL, NULL, NULL, CHECK, "locality", "name", NULL },
  { "practice-code-lower-case", "UPDATE practice SET ods_code = 'x06k11' WHERE ods_code = 'X06K11'",
    NULL, NULL, NULL, CHECK, "practice", "ods_code", "Practice x06k11" },
  { "vulnerable-service-empty", "UPDATE vulnerable_service SET service = '' WHERE id = " FIRST ("vulnerable_service"),
    NULL, NULL, NULL, CHECK, "vulnerable_service", "service", NULL },
  /* dangling foreign keys */
  { "locality-deleted", "DELETE FROM locality WHERE name = 'Stevenage'",
    NULL, NULL, NULL, FK, "practice", "locality_id", "Practice X06K1" },
  { "list-size-of-no-practice", "UPDATE list_size SET practice_id = 99999 WHERE practice_id = " PRACTICE ("X06K12"),
    NULL, NULL, NULL, FK, "list_size", "practice_id", NULL },
  { "provider-deleted", "DELETE FROM provider WHERE id = (SELECT provider_id FROM contract WHERE id = " FIRST ("contract") ")",
    NULL, NULL, NULL, FK, "contract", "provider_id", NULL },
  { "workforce-unknown-role",
    "UPDATE workforce_fte SET role = 'NO_SUCH_ROLE' WHERE practice_id = " PRACTICE ("X06K13")
    " AND role = (SELECT min (role) FROM workforce_fte WHERE practice_id = " PRACTICE ("X06K13") ")",
    NULL, NULL, NULL, FK, "workforce_fte", "role", "practice X06K13, NO_SUCH_ROLE" },
  { "qipp-unknown-pod",
    "UPDATE qipp_reduction SET pod = 'ZZ' WHERE saving_pounds = (SELECT min (saving_pounds) FROM qipp_reduction)",
    NULL, NULL, NULL, FK, "qipp_reduction", "pod", "on ZZ" },
  { "growth-unknown-line",
    "UPDATE growth_assumption SET activity_line = 'NOPE' WHERE activity_line = (SELECT min (activity_line) FROM growth_assumption)",
    NULL, NULL, NULL, FK, "growth_assumption", "activity_line", "Growth of NOPE" },
  { "vulnerable-service-of-no-contract", "UPDATE vulnerable_service SET contract_id = 42 WHERE id = " FIRST ("vulnerable_service"),
    NULL, NULL, NULL, FK, "vulnerable_service", "contract_id", NULL },
  /* duplicate keys written with the unique index dropped */
  { "scenario-name-twice",
    "DROP INDEX scenario_name_nocase; INSERT INTO scenario (name, base_id) SELECT upper (name), id FROM scenario",
    NULL, NULL, NULL, UNIQUE, "scenario", "name", "Scenario BASE", 2 },
  { "pathway-change-twice",
    "DROP INDEX pathway_change_key; INSERT INTO pathway_change "
    "(scenario_id, pathway_id, level, locality_id, horizon_years, activity, bed_days) "
    "SELECT scenario_id, pathway_id, level, locality_id, horizon_years, activity + 1, bed_days "
    "FROM pathway_change WHERE id = " FIRST ("pathway_change"),
    NULL, NULL, NULL, UNIQUE, "pathway_change", "scenario_id, pathway_id, level, locality_id, horizon_years",
    "Change to pathway ", 2 },
  { "trajectory-twice",
    "DROP INDEX access_trajectory_key; INSERT INTO access_trajectory "
    "(scenario_id, locality_id, period_month, target_bp) "
    "SELECT scenario_id, locality_id, period_month, target_bp FROM access_trajectory WHERE id = " FIRST ("access_trajectory"),
    NULL, NULL, NULL, UNIQUE, "access_trajectory", "scenario_id, locality_id, period_month", NULL, 2 },
  { "list-size-rebuilt-twice",
    "PRAGMA legacy_alter_table = ON; CREATE TABLE list_size_copy AS SELECT * FROM list_size; DROP TABLE list_size; "
    "ALTER TABLE list_size_copy RENAME TO list_size; "
    "INSERT INTO list_size (practice_id, extract_date, patients, source) "
    "SELECT practice_id, extract_date, patients + 1, source FROM list_size "
    "WHERE practice_id = " PRACTICE ("X06K14"),
    NULL, NULL, NULL, UNIQUE, "list_size", "practice_id, extract_date", "practice X06K14 on 2018-01-01", 2 },
  /* NULL in NOT NULL columns, let in by editing the schema */
  { "list-size-null", NULL, "list_size", "patients", "practice_id = " PRACTICE ("X06K15"),
    NOT_NULL, "list_size", "patients", "practice X06K15" },
  { "contract-service-null", NULL, "contract", "service", "id = " FIRST ("contract"),
    NOT_NULL, "contract", "service", NULL },
  { "practice-name-null", NULL, "practice", "name", "ods_code = 'X06K16'",
    NOT_NULL, "practice", "name", "Practice X06K16" },
  { "access-level-null", NULL, "access_provision", "level", "id = " FIRST ("access_provision"),
    NOT_NULL, "access_provision", "level", NULL },
};

static const char *
sample_plan (void)
{
  const char *path = g_getenv ("LP_SAMPLE_PLAN");

  g_assert_nonnull (path);
  return path;
}

static char *
copy_file (const char *from,
           const char *dir,
           const char *name)
{
  g_autofree char *contents = NULL;
  gsize length;
  char *to = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
  return to;
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s\n%s", message, sql);
}

/* Drops NOT NULL from @column's definition in the schema, writes the NULL
 * on a fresh connection, then puts the schema back as it was: what a
 * careless tool could leave behind. */
static void
write_null (const char   *path,
            const Damage *d)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *original = NULL;
  g_autofree char *pattern = g_strdup_printf ("(\\b%s\\s+[A-Z]+\\s+)NOT NULL", d->null_column);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autofree char *loose = NULL;
  g_autofree char *update = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, d->null_table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  original = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  loose = g_regex_replace (regex, original, -1, 0, "\\1", 0, NULL);
  g_assert_cmpstr (loose, !=, original);

  for (guint pass = 0; pass < 2; pass++)
    {
      exec_sql (db, "PRAGMA writable_schema = ON");
      g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE sqlite_schema SET sql = ?1 WHERE type = 'table' AND name = ?2",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, pass == 0 ? loose : original, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, d->null_table, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
      exec_sql (db, "PRAGMA writable_schema = OFF");
      sqlite3_close (db);
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      if (pass == 0)
        {
          update = g_strdup_printf ("PRAGMA ignore_check_constraints = ON; PRAGMA foreign_keys = OFF; "
                                    "UPDATE %s SET %s = NULL WHERE %s",
                                    d->null_table, d->null_column, d->null_where);
          exec_sql (db, update);
          g_assert_cmpint (sqlite3_changes (db), >=, 1);
          sqlite3_close (db);
          g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
        }
    }
  sqlite3_close (db);
}

static void
damage (const char   *path,
        const Damage *d)
{
  if (d->sql != NULL)
    {
      sqlite3 *db = NULL;
      g_autofree char *sql = g_strdup_printf ("PRAGMA ignore_check_constraints = ON; "
                                              "PRAGMA foreign_keys = OFF; %s", d->sql);

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      exec_sql (db, sql);
      g_assert_cmpint (sqlite3_total_changes (db), >=, 1);
      sqlite3_close (db);
    }
  else
    write_null (path, d);
}

/* What SQLite itself counts on a writable connection: the rows breaking a
 * CHECK (one line per row, whatever the number of CHECKs broken), the
 * NULLs in NOT NULL columns, and the dangling references. */
static void
sqlite_counts (const char *path,
               guint      *n_rule_breaks,
               guint      *n_foreign_keys)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  *n_rule_breaks = 0;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check(100000)", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      g_test_message ("integrity_check: %s", line);
      *n_rule_breaks += g_str_has_prefix (line, "CHECK constraint failed in ") ||
                        g_str_has_prefix (line, "NULL value in ");
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count (*) FROM pragma_foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *n_foreign_keys = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static GPtrArray *
check_read_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = NULL;
  GPtrArray *problems;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  problems = lp_plan_check_file (path, &error);
  g_assert_no_error (error);
  /* where the plan opens, lp_plan_check() finds just the same */
  plan = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, NULL);
  if (plan != NULL)
    {
      g_autoptr(GPtrArray) again = lp_plan_check (plan, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (again->len, ==, problems->len);
      for (guint i = 0; i < again->len; i++)
        g_assert_cmpstr (((LpProblem *) g_ptr_array_index (again, i))->message, ==,
                         ((LpProblem *) g_ptr_array_index (problems, i))->message);
    }
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("check: %s", ((LpProblem *) g_ptr_array_index (problems, i))->message);
  return problems;
}

static void
test_damage_found (gconstpointer data)
{
  const Damage *d = data;
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = copy_file (sample_plan (), dir, "damaged.lpplan");
  g_autofree char *copy = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GHashTable) check_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_rule_breaks, n_foreign_keys, n_not_null = 0, n_fk = 0, n_unique = 0;
  gboolean found = FALSE;

  damage (path, d);
  copy = copy_file (path, dir, "writable-copy.lpplan");
  sqlite_counts (copy, &n_rule_breaks, &n_foreign_keys);
  problems = check_read_only (path);
  g_assert_cmpuint (lp_problems_count_errors (problems), >=, 1);

  for (guint i = 0; i < problems->len; i++)
    {
      const LpProblem *p = g_ptr_array_index (problems, i);

      switch (p->kind)
        {
        case LP_PROBLEM_KIND_CHECK:
          g_hash_table_add (check_rows, g_strdup_printf ("%s|%s", p->table, p->key));
          break;
        case LP_PROBLEM_KIND_NOT_NULL:
          n_not_null++;
          break;
        case LP_PROBLEM_KIND_FOREIGN_KEY:
          n_fk++;
          break;
        case LP_PROBLEM_KIND_UNIQUE:
          n_unique++;
          break;
        default:
          break;
        }
      if (p->kind >= LP_PROBLEM_KIND_CHECK && p->kind <= LP_PROBLEM_KIND_UNIQUE)
        {
          /* every row-by-row problem carries its fields, and its message
           * says them */
          g_assert_nonnull (p->table);
          g_assert_nonnull (p->row);
          g_assert_nonnull (p->key);
          g_assert_nonnull (p->column);
          g_assert_nonnull (p->value);
          g_assert_nonnull (p->rule);
          g_assert_nonnull (strstr (p->message, p->row));
          g_assert_nonnull (strstr (p->message, p->rule));
          g_assert_null (strstr (p->rule, "breaks the rule"));
        }
      if (p->kind == d->kind && g_strcmp0 (p->table, d->table) == 0 &&
          g_strcmp0 (p->column, d->column) == 0 &&
          (d->row == NULL || strstr (p->row, d->row) != NULL))
        found = TRUE;
    }
  g_assert_true (found);
  g_assert_cmpuint (g_hash_table_size (check_rows) + n_not_null, ==, n_rule_breaks);
  g_assert_cmpuint (n_fk, ==, n_foreign_keys);
  g_assert_cmpuint (n_unique, ==, d->n_unique);
  test_rm_rf (dir);
}

/* The words of a few problems, whole. */
static void
test_words (void)
{
  static const struct {
    const char *sql;
    const char *message;
  } cases[] = {
    { "UPDATE list_size SET patients = 'abc' WHERE practice_id = " PRACTICE ("X06K01"),
      "List size of practice X06K01 on 2018-01-01 (table list_size): patients is 'abc'; "
      "it must be a whole number of 0 or more" },
    { "UPDATE practice SET status = '' WHERE ods_code = 'X06K09'",
      "Practice X06K09 (table practice): status is ''; it must be one of active, closed, dormant, proposed" },
    { "UPDATE list_size SET extract_date = '2018-02-31' WHERE practice_id = " PRACTICE ("X06K06"),
      "List size of practice X06K06 on 2018-02-31 (table list_size): extract_date is '2018-02-31'; "
      "it must be a real date such as 2018-04-01" },
    { "UPDATE workforce_fte SET role = 'NO_SUCH_ROLE' WHERE practice_id = " PRACTICE ("X06K13")
      " AND as_at = (SELECT min (as_at) FROM workforce_fte) AND role = 'GP_PARTNER'",
      "refers to a staff role that does not exist" },
    { "UPDATE access_trajectory SET target_bp = 20000",
      "target_bp is 20000; it must be a whole number from 0 to 10000" },
    { "UPDATE growth_assumption SET financial_year = '2018-19'",
      "it must be a financial year such as 2018/19" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *dir = test_tmp_dir ();
      g_autofree char *path = copy_file (sample_plan (), dir, "words.lpplan");
      g_autofree char *sql = g_strdup_printf ("PRAGMA ignore_check_constraints = ON; "
                                              "PRAGMA foreign_keys = OFF; %s", cases[c].sql);
      g_autoptr(GPtrArray) problems = NULL;
      gboolean found = FALSE;

      test_sql_on_file (path, sql);
      problems = check_read_only (path);
      for (guint i = 0; i < problems->len; i++)
        found |= strstr (((LpProblem *) g_ptr_array_index (problems, i))->message, cases[c].message) != NULL;
      if (!found)
        g_error ("no problem says: %s", cases[c].message);
      test_rm_rf (dir);
    }
}

/* The sample, read-only, is sound: not one error. */
static void
test_sample_sound (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = copy_file (sample_plan (), dir, "sound.lpplan");
  g_autoptr(GPtrArray) problems = check_read_only (path);
  guint n_rule_breaks, n_foreign_keys;

  g_assert_cmpuint (lp_problems_count_errors (problems), ==, 0);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  sqlite_counts (path, &n_rule_breaks, &n_foreign_keys);
  g_assert_cmpuint (n_rule_breaks, ==, 0);
  g_assert_cmpuint (n_foreign_keys, ==, 0);
  test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/check/corpus/sample-sound", test_sample_sound);
  g_test_add_func ("/check/corpus/words", test_words);
  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autofree char *name = g_strdup_printf ("/check/corpus/%s", corpus[i].name);
      g_test_add_data_func (name, &corpus[i], test_damage_found);
    }
  return g_test_run ();
}
