/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Creating, opening, refusing, upgrading and copying plan files. */
#include <glib/gstdio.h>

#include "core-test-util.h"
#include "lp-plan-stamp.h"
#include "lp-plan-private.h"

static void
test_create (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  const char *path = lp_plan_get_path (plan);

  g_assert_cmpint (lp_plan_get_schema_version (plan), ==, LP_PLAN_SCHEMA_VERSION);
  g_assert_false (lp_plan_is_read_only (plan));
  g_assert_cmpint (lp_plan_get_base_scenario_id (plan), >, 0);
  g_assert_cmpint (test_sql_int (path, "PRAGMA application_id"), ==, LP_PLAN_APPLICATION_ID);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, LP_PLAN_SCHEMA_VERSION);
  /* The defaults every new plan carries. */
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM staff_group"), ==, 4);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM staff_role"), ==, 31);
  /* Of which the roles the Additional Roles Reimbursement Scheme names: 17. */
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM staff_role WHERE is_arrs = 1"), ==, 17);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM activity_line"), ==, 15);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM point_of_delivery"), ==, 8);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM scenario WHERE name = 'Base'"), ==, 1);
  g_assert_null (lp_plan_get_migration_backup (plan));
  lp_plan_close (plan);
  test_rm_rf (dir);
}

static void
test_connection_settings (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  sqlite3_stmt *stmt;

  stmt = lp_plan_prepare (plan, "SELECT * FROM pragma_foreign_keys, pragma_journal_mode, pragma_synchronous", NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "delete");
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 2);   /* FULL */
  sqlite3_reset (stmt);
  lp_plan_close (plan);
  test_rm_rf (dir);
}

static void
test_create_refuses_existing (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = test_tmp_path (dir, "notes.lpplan");
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = NULL;
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "my notes", -1);
  g_autofree char *actual = NULL;

  test_write_file (path, "my notes", -1);
  plan = lp_plan_create (path, &error);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_EXISTS);
  g_assert_null (plan);
  actual = test_file_checksum (path);
  g_assert_cmpstr (actual, ==, expected);
  test_rm_rf (dir);
}

static void
test_reopen_keeps_data (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  LpPlan *plan = test_new_plan (dir);
  LpLocalityFields fields = { "Stevenage", "ST", NULL };
  g_autoptr(GListModel) localities = NULL;
  g_autoptr(LpLocality) locality = NULL;

  path = g_strdup (lp_plan_get_path (plan));
  g_assert_cmpint (lp_plan_add_locality (plan, &fields, &error), !=, 0);
  g_assert_no_error (error);
  g_object_unref (plan);
  plan = lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  localities = lp_plan_list_localities (plan, &error);
  g_assert_cmpuint (g_list_model_get_n_items (localities), ==, 1);
  locality = g_list_model_get_item (localities, 0);
  g_assert_cmpstr (lp_locality_get_name (locality), ==, "Stevenage");
  g_object_unref (plan);
  test_rm_rf (dir);
}

/* Opening @path must fail with @code and a message containing @words, and
 * leave the file byte for byte as it was. */
static void
assert_refused_untouched (const char *path,
                          int         code,
                          const char *words)
{
  g_autofree char *before = test_file_checksum (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, &error);
  g_autofree char *after = NULL;

  g_assert_null (plan);
  g_assert_error (error, LP_PLAN_ERROR, code);
  g_assert_nonnull (strstr (error->message, words));
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_reject_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open ("/nonexistent/folder/plan.lpplan", 0, &error);

  g_assert_null (plan);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/folder/plan.lpplan"));
}

static void
test_reject_text_file (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = test_tmp_path (dir, "minutes.lpplan");
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; i < 500; i++)
    g_string_append_printf (text, "Locality meeting minutes, item %d: frailty admissions.\n", i);
  test_write_file (path, text->str, text->len);
  assert_refused_untouched (path, LP_PLAN_ERROR_NOT_A_PLAN, "is not a Locality Planner plan: it is not a database file");
  test_rm_rf (dir);
}

static void
test_reject_empty_file (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = test_tmp_path (dir, "empty.lpplan");

  test_write_file (path, "", 0);
  assert_refused_untouched (path, LP_PLAN_ERROR_NOT_A_PLAN, "not a Locality Planner plan: it is empty (0 bytes long)");
  test_rm_rf (dir);
}

static void
test_reject_other_database (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = test_tmp_path (dir, "contacts.db");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contact (name TEXT); INSERT INTO contact VALUES ('Ann');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (path, LP_PLAN_ERROR_NOT_A_PLAN, "a database made by another program");
  test_rm_rf (dir);
}

static void
test_reject_newer (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autofree char *path = g_strdup (lp_plan_get_path (plan));

  g_clear_object (&plan);
  test_sql_on_file (path, "PRAGMA user_version = 99");
  assert_refused_untouched (path, LP_PLAN_ERROR_TOO_NEW, "made by a newer Locality Planner");
  test_rm_rf (dir);
}

static void
test_reject_no_version (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autofree char *path = g_strdup (lp_plan_get_path (plan));

  g_clear_object (&plan);
  test_sql_on_file (path, "PRAGMA user_version = 0");
  assert_refused_untouched (path, LP_PLAN_ERROR_CORRUPT, "damaged");
  test_rm_rf (dir);
}

/* Garbage over every page but the first (which holds the header): the
 * header still says "plan", the tables are gone. */
static void
test_reject_corrupt (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autofree char *path = g_strdup (lp_plan_get_path (plan));
  g_autofree char *contents = NULL;
  gsize length;

  g_clear_object (&plan);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096 * 4);
  for (gsize i = 4096; i < length; i++)
    contents[i] = (char) (i * 7919 % 251);
  test_write_file (path, contents, length);
  assert_refused_untouched (path, LP_PLAN_ERROR_CORRUPT, "is damaged");
  test_rm_rf (dir);
}

static void
test_reject_truncated (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autofree char *path = g_strdup (lp_plan_get_path (plan));
  g_autofree char *contents = NULL;
  gsize length;

  g_clear_object (&plan);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  test_write_file (path, contents, length / 2);
  assert_refused_untouched (path, LP_PLAN_ERROR_CORRUPT, "is damaged");
  test_rm_rf (dir);
}

/* The real migrations, and a next one that only a test knows. */
static const LpMigration test_steps_ok[] = {
  { 1, "/org/localityplanner/LocalityPlanner/sql/0001-initial.sql", NULL },
  { 2, "/org/localityplanner/LocalityPlanner/sql/0002-age-bands-groupings.sql", NULL },
  { 3, "/org/localityplanner/LocalityPlanner/sql/0003-closed-practices-joiners.sql", NULL },
  { 4, "/org/localityplanner/LocalityPlanner/sql/0004-locality-growth.sql", NULL },
  { 5, "/org/localityplanner/LocalityPlanner/sql/0005-plan-identity-workshop.sql", NULL },
  { 6, "/org/localityplanner/LocalityPlanner/sql/0006-age-profiles.sql", NULL },
  { 7, "/org/localityplanner/LocalityPlanner/sql/0007-population-bases.sql", NULL },
  { 8, "/org/localityplanner/LocalityPlanner/sql/0008-pcn-era.sql", NULL },
  { 9, "/org/localityplanner/LocalityPlanner/sql/0009-repair-notes.sql", NULL },
  { 10, NULL, "ALTER TABLE locality ADD COLUMN colour TEXT NOT NULL DEFAULT 'blue';" },
};

static const LpMigration test_steps_bad[] = {
  { 1, "/org/localityplanner/LocalityPlanner/sql/0001-initial.sql", NULL },
  { 2, "/org/localityplanner/LocalityPlanner/sql/0002-age-bands-groupings.sql", NULL },
  { 3, "/org/localityplanner/LocalityPlanner/sql/0003-closed-practices-joiners.sql", NULL },
  { 4, "/org/localityplanner/LocalityPlanner/sql/0004-locality-growth.sql", NULL },
  { 5, "/org/localityplanner/LocalityPlanner/sql/0005-plan-identity-workshop.sql", NULL },
  { 6, "/org/localityplanner/LocalityPlanner/sql/0006-age-profiles.sql", NULL },
  { 7, "/org/localityplanner/LocalityPlanner/sql/0007-population-bases.sql", NULL },
  { 8, "/org/localityplanner/LocalityPlanner/sql/0008-pcn-era.sql", NULL },
  { 9, "/org/localityplanner/LocalityPlanner/sql/0009-repair-notes.sql", NULL },
  { 10, NULL, "ALTER TABLE locality ADD COLUMN colour TEXT; ALTER TABLE no_such_table ADD COLUMN x;" },
};

/* A plan as the first release wrote it: schema version 1 only. */
static char *
version_1_plan (const char *dir)
{
  g_autofree char *path = test_tmp_path (dir, "old.lpplan");
  sqlite3 *db = NULL;
  guint n_steps;
  const LpMigration *steps = lp_migrations_builtin (&n_steps);
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", LP_PLAN_APPLICATION_ID);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, set_id, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (lp_migrations_apply (db, steps, 1, 0, NULL));
  g_assert_cmpint (sqlite3_exec (db,
      "INSERT INTO scenario (id, name) VALUES (77, 'Base');"
      "INSERT INTO locality (id, name) VALUES (5, 'Stevenage');"
      "INSERT INTO practice (id, ods_code, name, locality_id) VALUES (6, 'X06K13', 'Old Surgery', 5);",
      NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return g_steal_pointer (&path);
}

static void
test_migrate_from_version_1 (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = version_1_plan (dir);
  g_autofree char *backup = g_strconcat (path, ".v1.bak", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_cmpint (lp_plan_get_schema_version (plan), ==, LP_PLAN_SCHEMA_VERSION);
  g_assert_cmpstr (lp_plan_get_migration_backup (plan), ==, backup);
  g_clear_object (&plan);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, LP_PLAN_SCHEMA_VERSION);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM practice WHERE commissioner = ''"), ==, 1);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM list_size_age"), ==, 0);
  g_assert_cmpint (test_sql_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (test_sql_int (backup, "SELECT count(*) FROM practice"), ==, 1);
  test_rm_rf (dir);
}

static char *
plan_with_one_locality (const char *dir)
{
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  LpLocalityFields fields = { "Lower Lea Valley", "LL", NULL };

  g_assert_cmpint (lp_plan_add_locality (plan, &fields, NULL), !=, 0);
  return g_strdup (lp_plan_get_path (plan));
}

static void
test_migrate_keeps_backup (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = plan_with_one_locality (dir);
  g_autofree char *expected_backup = g_strconcat (path, ".v9.bak", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open_with_migrations (path, 0, test_steps_ok, 10, &error);

  g_assert_no_error (error);
  g_assert_cmpint (lp_plan_get_schema_version (plan), ==, 10);
  g_assert_cmpstr (lp_plan_get_migration_backup (plan), ==, expected_backup);
  g_clear_object (&plan);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, 10);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM locality WHERE colour = 'blue'"), ==, 1);
  /* The copy is the plan as it was, whole. */
  g_assert_cmpint (test_sql_int (expected_backup, "PRAGMA user_version"), ==, 9);
  g_assert_cmpint (test_sql_int (expected_backup, "PRAGMA application_id"), ==, LP_PLAN_APPLICATION_ID);
  g_assert_cmpint (test_sql_int (expected_backup, "SELECT count(*) FROM locality"), ==, 1);
  /* This build reads up to version 9, so the upgraded file is now too new. */
  plan = lp_plan_open (path, 0, &error);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_TOO_NEW);
  test_rm_rf (dir);
}

static void
test_migrate_failure_changes_nothing (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = plan_with_one_locality (dir);
  g_autofree char *before = test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open_with_migrations (path, 0, test_steps_bad, 10, &error);

  g_assert_null (plan);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "schema version 10"));
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, LP_PLAN_SCHEMA_VERSION);
  test_rm_rf (dir);
}

static void
test_read_only_flag (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = plan_with_one_locality (dir);
  g_autofree char *before = test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, &error);
  LpLocalityFields fields = { "Stevenage", NULL, NULL };

  g_assert_no_error (error);
  g_assert_true (lp_plan_is_read_only (plan));
  g_assert_cmpint (lp_plan_add_locality (plan, &fields, &error), ==, 0);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_READ_ONLY);
  g_clear_object (&plan);
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  test_rm_rf (dir);
}

static void
test_save_copy (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = plan_with_one_locality (dir);
  g_autofree char *dest = test_tmp_path (dir, "copy.lpplan");
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (path, 0, &error);
  g_autoptr(LpPlan) copy = NULL;
  g_autoptr(GListModel) localities = NULL;

  test_write_file (dest, "an old file that the copy replaces", -1);
  g_assert_true (lp_plan_save_copy (plan, dest, &error));
  g_assert_no_error (error);
  copy = lp_plan_open (dest, 0, &error);
  g_assert_no_error (error);
  localities = lp_plan_list_localities (copy, &error);
  g_assert_cmpuint (g_list_model_get_n_items (localities), ==, 1);
  g_assert_cmpint (lp_plan_get_base_scenario_id (copy), ==, lp_plan_get_base_scenario_id (plan));
  /* No temporary file is left beside it. */
  g_assert_cmpint (test_sql_int (dest, "PRAGMA application_id"), ==, LP_PLAN_APPLICATION_ID);
  g_assert_false (lp_plan_save_copy (plan, path, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_EXISTS);
  g_clear_object (&copy);
  g_clear_object (&plan);
  test_rm_rf (dir);
}

static void
test_display_name (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autofree char *file_name = lp_plan_dup_display_name (plan);
  g_autofree char *set_name = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (file_name, ==, "plan");
  g_assert_true (lp_plan_set_info (plan, "name", "Lower Lea Valley 2018-19", &error));
  set_name = lp_plan_dup_display_name (plan);
  g_assert_cmpstr (set_name, ==, "Lower Lea Valley 2018-19");
  g_clear_object (&plan);
  test_rm_rf (dir);
}

/* A plan closed sound is opened again without reading it whole, but only
 * while it is the very file that was closed: a rule broken or a byte
 * flipped by another program straight after closing is still found, and
 * a plan another program committed to while it was open is checked. */
static void
test_known_sound (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = plan_with_one_locality (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = NULL;
  g_autoptr(LpPlan) reader = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* Closed after changes through its own connection: known sound. */
  g_assert_true (lp_plan_stamp_matches (path));
  plan = lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&plan);
  g_assert_true (lp_plan_stamp_matches (path));

  /* A rule broken by another program at once: checked, and refused. */
  test_sql_on_file (path, "PRAGMA ignore_check_constraints = ON; UPDATE locality SET name = ''");
  g_assert_false (lp_plan_stamp_matches (path));
  assert_refused_untouched (path, LP_PLAN_ERROR_CORRUPT, "is damaged");
  test_sql_on_file (path, "UPDATE locality SET name = 'Lower Lea Valley'");

  /* Another program commits while the plan is open: not taken as the
   * plan's own, so the file is checked when next opened. */
  plan = lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  test_sql_on_file (path, "UPDATE locality SET code = 'LV'");
  g_clear_object (&plan);
  g_assert_false (lp_plan_stamp_matches (path));

  /* Opened only to be read, the check cannot test the rules, so nothing is
   * recorded; opened for changes, it is. */
  reader = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&reader);
  g_assert_false (lp_plan_stamp_matches (path));
  plan = lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&plan);
  g_assert_true (lp_plan_stamp_matches (path));

  /* A byte of the locality's page flipped at once, the size unchanged. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize i = 0; i + 16 < length; i++)
    if (memcmp (contents + i, "Lower Lea Valley", 16) == 0)
      contents[i] = 'X';
  test_write_file (path, contents, length);
  g_assert_false (lp_plan_stamp_matches (path));
  plan = lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM locality WHERE name = 'Xower Lea Valley'"), ==, 1);
  test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan-file/create", test_create);
  g_test_add_func ("/plan-file/connection-settings", test_connection_settings);
  g_test_add_func ("/plan-file/create-refuses-existing", test_create_refuses_existing);
  g_test_add_func ("/plan-file/reopen-keeps-data", test_reopen_keeps_data);
  g_test_add_func ("/plan-file/reject/missing", test_reject_missing);
  g_test_add_func ("/plan-file/reject/text-file", test_reject_text_file);
  g_test_add_func ("/plan-file/reject/empty-file", test_reject_empty_file);
  g_test_add_func ("/plan-file/reject/other-database", test_reject_other_database);
  g_test_add_func ("/plan-file/reject/newer-version", test_reject_newer);
  g_test_add_func ("/plan-file/reject/no-version", test_reject_no_version);
  g_test_add_func ("/plan-file/reject/corrupt", test_reject_corrupt);
  g_test_add_func ("/plan-file/reject/truncated", test_reject_truncated);
  g_test_add_func ("/plan-file/migrate/from-version-1", test_migrate_from_version_1);
  g_test_add_func ("/plan-file/migrate/keeps-backup", test_migrate_keeps_backup);
  g_test_add_func ("/plan-file/migrate/failure-changes-nothing", test_migrate_failure_changes_nothing);
  g_test_add_func ("/plan-file/read-only", test_read_only_flag);
  g_test_add_func ("/plan-file/save-copy", test_save_copy);
  g_test_add_func ("/plan-file/display-name", test_display_name);
  g_test_add_func ("/plan-file/known-sound", test_known_sound);
  return g_test_run ();
}
