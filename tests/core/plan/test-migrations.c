/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plans written by every earlier schema version, kept as SQL fixtures in
 * tests/fixtures/migrations/vN.sql, open with the current code: upgraded to
 * the current version, every row and column they held unchanged, the plan
 * sound, and a copy of the old file kept beside it. */
#include <glib/gstdio.h>

#include "core-test-util.h"
#include "lp-plan-private.h"

static guint
current_version (void)
{
  guint n_steps;
  const LpMigration *steps = lp_migrations_builtin (&n_steps);

  return steps[n_steps - 1].version;
}

static char *
fixture_path (guint version)
{
  g_autofree char *name = g_strdup_printf ("v%u.sql", version);

  return g_test_build_filename (G_TEST_DIST, "fixtures", "migrations", name, NULL);
}

/* Builds the plan file a fixture describes. */
static void
plan_from_fixture (const char *fixture,
                   const char *path)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* For each table of the database at @path: its name, and the SELECT that
 * reads all its columns in key order, so that the same statement reads the
 * same data after later versions have added columns. */
static GHashTable *
table_queries (const char *path)
{
  GHashTable *queries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, (SELECT group_concat(name, ', ') "
                                       "FROM pragma_table_info(s.name)) FROM sqlite_schema s "
                                       "WHERE type = 'table'", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      const char *columns = (const char *) sqlite3_column_text (tables, 1);

      g_hash_table_insert (queries, g_strdup (table),
                           g_strdup_printf ("SELECT %s FROM \"%s\" ORDER BY %s", columns, table, columns));
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return queries;
}

/* Every value a query reads, quoted as SQL would write it, in one text. */
static char *
query_contents (const char *path,
                const char *query,
                guint      *n_rows)
{
  GString *text = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
  *n_rows = 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (text, "%d:%s|", sqlite3_column_type (stmt, i), value ? value : "");
        }
      g_string_append_c (text, '\n');
      (*n_rows)++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (text, FALSE);
}

static void
assert_plan_sound (LpPlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = lp_plan_check (plan, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((LpProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (lp_problems_count_errors (problems), ==, 0);
}

/* Reference tables that a migration adds to (schema 8 brought the roles of
 * the Additional Roles Reimbursement Scheme) keep every row they had, with
 * the same values; the new rows come after. */
static void
assert_rows_kept (const char *before,
                  const char *after)
{
  g_auto(GStrv) before_rows = g_strsplit (before, "\n", -1);
  g_auto(GStrv) after_rows = g_strsplit (after, "\n", -1);

  g_assert_cmpuint (g_strv_length (after_rows), >=, g_strv_length (before_rows));
  for (guint i = 0; before_rows[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) after_rows, before_rows[i]))
      g_test_fail_printf ("the row “%s” was lost in the upgrade", before_rows[i]);
}

static void
test_upgrade (gconstpointer data)
{
  guint version = GPOINTER_TO_UINT (data);
  g_autofree char *fixture = fixture_path (version);
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = test_tmp_path (dir, "old.lpplan");
  g_autofree char *suffix = g_strdup_printf (".v%u.bak", version);
  g_autofree char *backup = g_strconcat (path, suffix, NULL);
  g_autoptr(GHashTable) queries = NULL;
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = NULL;
  GHashTableIter iter;
  gpointer table, query;
  guint n_rows, total = 0;

  plan_from_fixture (fixture, path);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, version);
  queries = table_queries (path);
  g_hash_table_iter_init (&iter, queries);
  while (g_hash_table_iter_next (&iter, &table, &query))
    g_hash_table_insert (before, table, query_contents (path, query, &n_rows));

  plan = lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lp_plan_get_schema_version (plan), ==, current_version ());
  g_assert_cmpstr (lp_plan_get_migration_backup (plan), ==, backup);
  assert_plan_sound (plan);
  g_clear_object (&plan);

  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, current_version ());
  g_assert_cmpint (test_sql_int (backup, "PRAGMA user_version"), ==, version);
  g_hash_table_iter_init (&iter, queries);
  while (g_hash_table_iter_next (&iter, &table, &query))
    {
      g_autofree char *after = query_contents (path, query, &n_rows);
      g_autofree char *kept = query_contents (backup, query, &n_rows);

      if (g_str_equal (table, "staff_role"))
        assert_rows_kept (g_hash_table_lookup (before, table), after);
      else
        g_assert_cmpstr (after, ==, g_hash_table_lookup (before, table));
      g_assert_cmpstr (kept, ==, g_hash_table_lookup (before, table));
      total += n_rows;
    }
  g_test_message ("version %u: %u tables, %u rows, all kept", version, g_hash_table_size (queries), total);
  g_assert_cmpuint (total, >, 0);
  test_rm_rf (dir);
}

/* Opened only to be read (as the command-line reports do), an old plan is
 * left as it is, and the error says how to upgrade it. */
static void
test_read_only_open_asks_for_upgrade (void)
{
  g_autofree char *fixture = fixture_path (1);
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = test_tmp_path (dir, "old.lpplan");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = NULL;

  plan_from_fixture (fixture, path);
  before = test_file_checksum (path);
  plan = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, &error);
  g_assert_null (plan);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NEEDS_UPGRADE);
  g_assert_cmpstr (error->message, ==, "“old.lpplan” was made by an older Locality Planner and must be "
                   "upgraded first: open it in Locality Planner, which keeps a copy of the old file");
  after = test_file_checksum (path);
  g_assert_cmpstr (after, ==, before);
  test_rm_rf (dir);
}

/* A new schema version must come with a fixture of the one before it. */
static void
test_every_version_has_a_fixture (void)
{
  for (guint version = 1; version < current_version (); version++)
    {
      g_autofree char *fixture = fixture_path (version);

      if (!g_file_test (fixture, G_FILE_TEST_IS_REGULAR))
        g_test_fail_printf ("no fixture for schema version %u: add %s", version, fixture);
    }
}

/* Version 6 to 7: every pathway of the sample is shared by registered
 * patients, as before bases, with no scenario's choice and no weights;
 * the sample's figures are the same before and after. */
static void
test_v6_pathways_stay_registered (void)
{
  g_autofree char *fixture = fixture_path (6);
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = test_tmp_path (dir, "old.lpplan");
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = NULL;
  g_autoptr(LpModelTable) table = NULL;
  LpModelQuery query = { 0, 0, LP_PER_MONTH };
  gint64 pathways;

  plan_from_fixture (fixture, path);
  pathways = test_sql_int (path, "SELECT count(*) FROM pathway");
  g_assert_cmpint (pathways, >, 0);
  plan = lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, LP_PLAN_SCHEMA_VERSION);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM pathway WHERE population_base = 'registered'"), ==, pathways);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM scenario_population_base"), ==, 0);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM population_weights"), ==, 0);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM population_weight"), ==, 0);
  query.locality_id = lp_plan_find_locality (plan, "Lower Lea Valley");
  table = lp_plan_model (plan, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lp_model_table_base (table), ==, "registered");
  test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/migrations/every-version-has-a-fixture", test_every_version_has_a_fixture);
  g_test_add_func ("/migrations/read-only-open-asks-for-upgrade", test_read_only_open_asks_for_upgrade);
  g_test_add_func ("/migrations/v6-pathways-stay-registered", test_v6_pathways_stay_registered);
  for (guint version = 1; version < current_version (); version++)
    {
      g_autofree char *name = g_strdup_printf ("/migrations/upgrade-from-v%u", version);

      g_test_add_data_func (name, GUINT_TO_POINTER (version), test_upgrade);
    }
  return g_test_run ();
}
