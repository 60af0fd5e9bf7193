/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Workshop copies of the sample plan: preparing them, and merging back what
 * each changed (through core or with plain SQLite), conflicts, undo, and
 * the copies that are refused. */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "core-test-util.h"

/* The date of practice X06K01's list size the copies change (the rows
 * are TestCopies'). */
#define LIST_DATE     "2018-01-01"

typedef struct {
  TestSample  sample;
  TestCopies  copies;
} TestWorkshop;

static gint64
patients (TestWorkshop *f)
{
  return test_sql_intf (f->sample.path, "SELECT patients FROM list_size WHERE practice_id = %" G_GINT64_FORMAT
                  " AND extract_date = '" LIST_DATE "'", f->copies.practice_id);
}

/* Every row of every table of the plan file at @path, in key order: two
 * files with the same text hold the same plan. */
static char *
plan_contents (const char *path)
{
  GString *text = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, (SELECT group_concat(quote(name), ', ') "
                                       "FROM pragma_table_info(s.name)) FROM sqlite_schema s "
                                       "WHERE type = 'table' ORDER BY name", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      const char *columns = (const char *) sqlite3_column_text (tables, 1);
      g_autofree char *query = g_strdup_printf ("SELECT %s FROM \"%s\" ORDER BY %s", columns, table, columns);
      sqlite3_stmt *stmt = NULL;

      g_string_append_printf (text, "== %s\n", table);
      g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            if (sqlite3_column_type (stmt, i) == SQLITE_BLOB)
              g_string_append_printf (text, "blob:%d|", sqlite3_column_bytes (stmt, i));
            else
              g_string_append_printf (text, "%d:%s|", sqlite3_column_type (stmt, i),
                                      sqlite3_column_text (stmt, i) ? (const char *) sqlite3_column_text (stmt, i) : "");
          g_string_append_c (text, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (text, FALSE);
}

static void
workshop_set_up (TestWorkshop  *f,
                 gconstpointer  data)
{
  test_sample_set_up (&f->sample, data);
  test_copies_prepare (&f->copies, &f->sample);
}

static void
workshop_tear_down (TestWorkshop  *f,
                    gconstpointer  data)
{
  test_copies_remove (&f->copies);
  test_sample_tear_down (&f->sample, data);
}

static void
test_prepare (TestWorkshop  *f,
              gconstpointer  data)
{
  g_autofree char *expected_a = g_build_filename (f->copies.dir, "Table A.lpplan", NULL);
  g_autofree char *plan_id = lp_plan_dup_plan_id (f->sample.plan);
  g_autofree char *id_query = g_strdup_printf ("SELECT count(*) FROM plan_identity WHERE plan_id = '%s'", plan_id);
  g_autoptr(GDir) dir = g_dir_open (f->copies.dir, 0, NULL);
  guint n_files = 0;

  g_assert_cmpstr (f->copies.a, ==, expected_a);
  g_assert_cmpuint (strlen (plan_id), ==, 32);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 3);   /* nothing half-written left behind */
  /* The plan keeps one base; each copy carries the plan's id, its own name
   * and that base's id, and the whole plan. */
  g_assert_cmpint (test_sql_int (f->sample.path, "SELECT count(*) FROM workshop_base"), ==, 1);
  for (guint i = 0; i < 3; i++)
    {
      const char *copy = (const char *[]) { f->copies.a, f->copies.b, f->copies.c }[i];
      g_autofree char *name_query = g_strdup_printf ("SELECT count(*) FROM workshop_copy WHERE name = 'Table %c'",
                                                     'A' + i);

      g_assert_cmpint (test_sql_int (copy, id_query), ==, 1);
      g_assert_cmpint (test_sql_int (copy, name_query), ==, 1);
      g_assert_cmpint (test_sql_int (copy, "SELECT count(*) FROM workshop_base"), ==, 0);
      g_assert_cmpint (test_sql_int (copy, "SELECT count(*) FROM workshop_copy WHERE length(base_id) = 32"), ==, 1);
      g_assert_cmpint (test_sql_int (copy, "SELECT count(*) FROM practice"), ==, 57);
      g_assert_cmpint (test_sql_int (copy, "SELECT count(*) FROM list_size"), ==, 57);
    }
  g_assert_cmpint (test_sql_int (f->copies.a, "SELECT count(*) FROM workshop_copy WHERE base_id = "
                                       "(SELECT base_id FROM workshop_copy)"), ==, 1);
  g_assert_cmpint (test_sql_int (f->sample.path, "SELECT count(*) FROM workshop_base WHERE taken_at LIKE '____-__-__T__:__:__Z' "
                                                 "AND copies = 'Table A' || char(10) || 'Table B' || char(10) || 'Table C'"), ==, 1);
  /* A copy opens and works like any plan. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LpPlan) copy = lp_plan_open (f->copies.a, LP_PLAN_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    gboolean saved = lp_plan_set_list_size (copy, f->copies.practice_id, LIST_DATE, 100, "x", &error);

    g_assert_no_error (error);
    g_assert_true (saved);
    g_assert_true (lp_plan_undo (copy, &error));
    g_assert_no_error (error);
  }
}

static void
test_prepare_refused (TestWorkshop  *f,
                      gconstpointer  data)
{
  const char *clash[] = { "Table D", "Table A" };
  const char *twice[] = { "Table D", "table d" };
  const char *slash[] = { "a/b" };
  g_autofree char *missing = test_tmp_path (f->sample.dir, "no-such-folder");
  g_autofree char *before = test_file_checksum (f->sample.path);
  g_autofree char *after = NULL;
  g_autofree char *table_d = g_build_filename (f->copies.dir, "Table D.lpplan", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (lp_plan_prepare_workshop_copies (f->sample.plan, f->copies.dir, clash, 2, NULL, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_EXISTS);
  {
    g_autofree char *expected = g_strdup_printf ("“Table A.lpplan” already exists in “%s”; choose another folder "
                                                 "or another name", f->copies.dir);
    g_assert_cmpstr (error->message, ==, expected);
  }
  g_clear_error (&error);
  g_assert_false (g_file_test (table_d, G_FILE_TEST_EXISTS));

  g_assert_false (lp_plan_prepare_workshop_copies (f->sample.plan, f->copies.dir, twice, 2, NULL, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“table d” is named twice; each copy needs a name of its own");
  g_clear_error (&error);

  g_assert_false (lp_plan_prepare_workshop_copies (f->sample.plan, f->copies.dir, slash, 1, NULL, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (lp_plan_prepare_workshop_copies (f->sample.plan, missing, slash + 0, 0, NULL, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Name at least one copy to prepare");
  g_clear_error (&error);

  g_assert_false (lp_plan_prepare_workshop_copies (f->sample.plan, missing, clash, 1, NULL, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (g_file_test (table_d, G_FILE_TEST_EXISTS));
  g_assert_cmpint (test_sql_int (f->sample.path, "SELECT count(*) FROM workshop_base"), ==, 1);
  after = test_file_checksum (f->sample.path);
  g_assert_cmpstr (after, ==, before);
}

/* Merges with no decisions; returns the conflicts. */
static GPtrArray *
merge (TestWorkshop *f,
       const char   *path,
       GPtrArray    *decisions,
       guint        *n_changes)
{
  g_autoptr(LpWorkshopCopy) copy = test_read_copy (f->sample.plan, path);
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts = NULL;

  g_assert_true (lp_plan_merge_copy (f->sample.plan, copy, decisions, NULL, LP_MERGE_UNDECIDED, 0,
                                     &conflicts, n_changes, &error));
  g_assert_no_error (error);
  return conflicts;
}

/* Copy A through core: a list size and a new practice.  Copy B with plain
 * SQLite, as the sqlite3 shell would: a contract's value and a deleted
 * pathway change.  Copy C, also with SQLite: the same list size as A, to
 * another value. */
static void
edit_copies (TestWorkshop *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) a = lp_plan_open (f->copies.a, LP_PLAN_OPEN_DEFAULT, &error);
  LpPracticeFields practice = { "X99A01", "Workshop Surgery", "SG1 1AA", 0, "active", "", NULL };

  g_assert_no_error (error);
  g_assert_true (lp_plan_set_list_size (a, f->copies.practice_id, LIST_DATE, 12400,
                                        "sample: illustrative list size", &error));
  g_assert_no_error (error);
  g_assert_cmpint (lp_plan_add_practice (a, &practice, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&a);

  test_sql_on_filef (f->copies.b, "UPDATE contract SET annual_value_pounds = 27000000 WHERE id = %" G_GINT64_FORMAT ";"
                     "DELETE FROM pathway_change WHERE id = %" G_GINT64_FORMAT ";", f->copies.contract_id, f->copies.change_id);
  test_sql_on_filef (f->copies.c, "UPDATE list_size SET patients = 12500 WHERE practice_id = %" G_GINT64_FORMAT
                     " AND extract_date = '" LIST_DATE "';", f->copies.practice_id);
}

static void
test_merge (TestWorkshop  *f,
            gconstpointer  data)
{
  g_autofree char *expected_path = test_tmp_path (f->sample.dir, "expected.lpplan");
  g_autofree char *before_a = plan_contents (f->sample.path);
  g_autofree char *before_b = NULL;
  g_autofree char *before_c = NULL;
  g_autofree char *after_b = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *row_key = g_strdup_printf ("%" G_GINT64_FORMAT ", " LIST_DATE, f->copies.practice_id);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  LpMergeConflict *conflict;
  guint n_changes = 99;

  edit_copies (f);
  /* What A then B must make of the plan: the same edits, made directly. */
  g_assert_true (lp_plan_save_copy (f->sample.plan, expected_path, &error));
  test_sql_on_filef (expected_path, "ATTACH '%s' AS a;"
               "UPDATE list_size SET patients = 12400 WHERE practice_id = %" G_GINT64_FORMAT
               " AND extract_date = '" LIST_DATE "';"
               "INSERT INTO practice SELECT * FROM a.practice WHERE ods_code = 'X99A01';"
               "UPDATE contract SET annual_value_pounds = 27000000 WHERE id = %" G_GINT64_FORMAT ";"
               "DELETE FROM pathway_change WHERE id = %" G_GINT64_FORMAT ";",
               f->copies.a, f->copies.practice_id, f->copies.contract_id, f->copies.change_id);
  expected = plan_contents (expected_path);

  /* A: two changes, no conflict, one undo step. */
  conflicts = merge (f, f->copies.a, NULL, &n_changes);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (n_changes, ==, 2);
  g_assert_cmpstr (lp_plan_get_undo_label (f->sample.plan), ==, "Merge “Table A”");
  g_assert_cmpint (patients (f), ==, 12400);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  before_b = plan_contents (f->sample.path);

  /* B: two changes. */
  conflicts = merge (f, f->copies.b, NULL, &n_changes);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (n_changes, ==, 2);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  contents = plan_contents (f->sample.path);
  g_assert_cmpstr (contents, ==, expected);
  g_clear_pointer (&contents, g_free);

  /* A again: nothing, and no new undo step. */
  conflicts = merge (f, f->copies.a, NULL, &n_changes);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (n_changes, ==, 0);
  g_assert_cmpstr (lp_plan_get_undo_label (f->sample.plan), ==, "Merge “Table B”");
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  contents = plan_contents (f->sample.path);
  g_assert_cmpstr (contents, ==, expected);
  g_clear_pointer (&contents, g_free);

  /* C: one conflict, base / copy / plan, and nothing applied. */
  before_c = plan_contents (f->sample.path);
  conflicts = merge (f, f->copies.c, NULL, &n_changes);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpuint (n_changes, ==, 0);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpint (conflict->kind, ==, LP_MERGE_CONFLICT_BOTH_CHANGED);
  g_assert_cmpstr (conflict->table, ==, "list_size");
  g_assert_cmpstr (conflict->row_key, ==, row_key);
  g_assert_cmpstr (conflict->column, ==, "patients");
  g_assert_cmpstr (conflict->base_value, ==, "12326");
  g_assert_cmpstr (conflict->copy_value, ==, "12500");
  g_assert_cmpstr (conflict->plan_value, ==, "12400");
  contents = plan_contents (f->sample.path);
  g_assert_cmpstr (contents, ==, before_c);
  g_clear_pointer (&contents, g_free);
  g_assert_cmpstr (lp_plan_get_undo_label (f->sample.plan), ==, "Merge “Table B”");

  /* Kept as the plan has it: nothing changes. */
  conflict->choice = LP_MERGE_KEEP_PLAN;
  {
    g_autoptr(GPtrArray) left = merge (f, f->copies.c, conflicts, &n_changes);
    g_assert_cmpuint (left->len, ==, 0);
    g_assert_cmpuint (n_changes, ==, 0);
    contents = plan_contents (f->sample.path);
    g_assert_cmpstr (contents, ==, before_c);
    g_clear_pointer (&contents, g_free);
  }
  /* Taken from the copy: the copy's value, one undo step. */
  conflict->choice = LP_MERGE_TAKE_COPY;
  {
    g_autoptr(GPtrArray) left = merge (f, f->copies.c, conflicts, &n_changes);
    g_assert_cmpuint (left->len, ==, 0);
    g_assert_cmpuint (n_changes, ==, 1);
  }
  g_assert_cmpint (patients (f), ==, 12500);
  g_assert_cmpstr (lp_plan_get_undo_label (f->sample.plan), ==, "Merge “Table C”");

  /* Undo each merge: the plan as it was before it. */
  g_assert_true (lp_plan_undo (f->sample.plan, &error));
  g_assert_no_error (error);
  contents = plan_contents (f->sample.path);
  g_assert_cmpstr (contents, ==, before_c);
  g_clear_pointer (&contents, g_free);
  g_assert_true (lp_plan_undo (f->sample.plan, &error));
  g_assert_no_error (error);
  contents = plan_contents (f->sample.path);
  g_assert_cmpstr (contents, ==, before_b);
  g_clear_pointer (&contents, g_free);
  g_assert_true (lp_plan_undo (f->sample.plan, &error));
  g_assert_no_error (error);
  contents = plan_contents (f->sample.path);
  g_assert_cmpstr (contents, ==, before_a);
  g_clear_pointer (&contents, g_free);
  g_assert_false (lp_plan_can_undo (f->sample.plan));
  /* And redo brings B back. */
  g_assert_true (lp_plan_redo (f->sample.plan, &error));
  g_assert_true (lp_plan_redo (f->sample.plan, &error));
  g_assert_no_error (error);
  after_b = plan_contents (f->sample.path);
  g_assert_cmpstr (after_b, ==, expected);
}

/* A dry run finds what would change and applies nothing. */
static void
test_dry_run (TestWorkshop  *f,
              gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(LpWorkshopCopy) copy = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changes = 0;

  edit_copies (f);
  before = test_file_checksum (f->sample.path);
  copy = test_read_copy (f->sample.plan, f->copies.b);
  g_assert_true (lp_plan_merge_copy (f->sample.plan, copy, NULL, NULL, LP_MERGE_UNDECIDED, LP_MERGE_DRY_RUN,
                                     &conflicts, &n_changes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (n_changes, ==, 2);
  after = test_file_checksum (f->sample.path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (lp_plan_can_undo (f->sample.plan));
}

/* A row the copy changed and the plan deleted, and a row the copy deleted
 * and the plan changed: each a conflict, nothing applied. */
static void
test_deleted_on_one_side (TestWorkshop  *f,
                          gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  LpMergeConflict *conflict;
  guint n_changes = 0;

  g_autofree char *contract_key = g_strdup_printf ("%" G_GINT64_FORMAT, f->copies.contract_id);
  g_autofree char *change_key = g_strdup_printf ("%" G_GINT64_FORMAT, f->copies.change_id);

  test_sql_on_filef (f->copies.b, "UPDATE contract SET annual_value_pounds = 27000000 WHERE id = %" G_GINT64_FORMAT ";"
                     "DELETE FROM pathway_change WHERE id = %" G_GINT64_FORMAT ";", f->copies.contract_id, f->copies.change_id);
  test_sql_on_filef (f->sample.path, "DELETE FROM vulnerable_service WHERE contract_id = %" G_GINT64_FORMAT ";"
                               "DELETE FROM contract WHERE id = %" G_GINT64_FORMAT ";"
                               "UPDATE pathway_change SET horizon_years = horizon_years + 1 WHERE id = %" G_GINT64_FORMAT,
               f->copies.contract_id, f->copies.contract_id, f->copies.change_id);
  before = test_file_checksum (f->sample.path);
  conflicts = merge (f, f->copies.b, NULL, &n_changes);
  g_assert_cmpuint (conflicts->len, ==, 2);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpint (conflict->kind, ==, LP_MERGE_CONFLICT_DELETED_IN_PLAN);
  g_assert_cmpstr (conflict->table, ==, "contract");
  g_assert_cmpstr (conflict->row_key, ==, contract_key);
  g_assert_cmpstr (conflict->column, ==, "annual_value_pounds");
  g_assert_null (conflict->plan_value);
  conflict = g_ptr_array_index (conflicts, 1);
  g_assert_cmpint (conflict->kind, ==, LP_MERGE_CONFLICT_DELETED_IN_COPY);
  g_assert_cmpstr (conflict->table, ==, "pathway_change");
  g_assert_cmpstr (conflict->row_key, ==, change_key);
  g_assert_cmpstr (conflict->column, ==, "horizon_years");
  g_assert_null (conflict->copy_value);
  after = test_file_checksum (f->sample.path);
  g_assert_cmpstr (after, ==, before);

  /* Decided: keep the plan's deletion, take the copy's. */
  ((LpMergeConflict *) g_ptr_array_index (conflicts, 0))->choice = LP_MERGE_KEEP_PLAN;
  ((LpMergeConflict *) g_ptr_array_index (conflicts, 1))->choice = LP_MERGE_TAKE_COPY;
  {
    g_autoptr(GPtrArray) left = merge (f, f->copies.b, conflicts, &n_changes);
    g_assert_cmpuint (left->len, ==, 0);
  }
  g_assert_cmpint (test_sql_intf (f->sample.path, "SELECT count(*) FROM pathway_change WHERE id = %" G_GINT64_FORMAT,
                            f->copies.change_id), ==, 0);
  g_assert_cmpint (test_sql_intf (f->sample.path, "SELECT count(*) FROM contract WHERE id = %" G_GINT64_FORMAT,
                            f->copies.contract_id), ==, 0);
}


/* The plan deleted a row the copy changed: taking the copy's side brings
 * the row back as the copy has it, in the merge's one step; a row whose
 * parent the plan deleted too cannot come back, and nothing is merged. */
static void
test_deleted_row_brought_back (TestWorkshop  *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpWorkshopCopy) copy = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_changes = 0;

  test_sql_on_filef (f->copies.b, "UPDATE contract SET annual_value_pounds = 27000000 WHERE id = %" G_GINT64_FORMAT,
                     f->copies.contract_id);
  test_sql_on_filef (f->sample.path, "DELETE FROM vulnerable_service WHERE contract_id = %" G_GINT64_FORMAT ";"
                     "DELETE FROM contract WHERE id = %" G_GINT64_FORMAT, f->copies.contract_id, f->copies.contract_id);
  conflicts = merge (f, f->copies.b, NULL, &n_changes);
  g_assert_cmpuint (conflicts->len, ==, 1);
  ((LpMergeConflict *) g_ptr_array_index (conflicts, 0))->choice = LP_MERGE_TAKE_COPY;
  left = merge (f, f->copies.b, conflicts, &n_changes);
  g_assert_cmpuint (left->len, ==, 0);
  g_assert_cmpuint (n_changes, ==, 1);
  /* Back whole, with the copy's value and the rest of the row as it was. */
  g_assert_cmpint (test_sql_intf (f->sample.path, "SELECT annual_value_pounds FROM contract WHERE id = %"
                                  G_GINT64_FORMAT, f->copies.contract_id), ==, 27000000);
  g_assert_cmpint (test_sql_intf (f->sample.path, "SELECT count(*) FROM contract c JOIN provider p "
                                  "ON p.id = c.provider_id WHERE c.id = %" G_GINT64_FORMAT
                                  " AND p.name LIKE 'Royal Free%%'", f->copies.contract_id), ==, 1);
  g_assert_cmpstr (lp_plan_get_undo_label (f->sample.plan), ==, "Merge “Table B”");
  g_assert_true (lp_plan_undo (f->sample.plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_intf (f->sample.path, "SELECT count(*) FROM contract WHERE id = %" G_GINT64_FORMAT,
                                  f->copies.contract_id), ==, 0);

  /* Copy C changed a list size of a practice the plan then deleted with
   * its list sizes: the list size cannot come back without its practice. */
  test_sql_on_filef (f->copies.c, "UPDATE list_size SET patients = 12500 WHERE practice_id = %" G_GINT64_FORMAT
                     " AND extract_date = '" LIST_DATE "'", f->copies.practice_id);
  g_assert_true (lp_plan_delete_practice (f->sample.plan, f->copies.practice_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  g_clear_pointer (&left, g_ptr_array_unref);
  conflicts = merge (f, f->copies.c, NULL, &n_changes);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpint (((LpMergeConflict *) g_ptr_array_index (conflicts, 0))->kind, ==, LP_MERGE_CONFLICT_DELETED_IN_PLAN);
  ((LpMergeConflict *) g_ptr_array_index (conflicts, 0))->choice = LP_MERGE_TAKE_COPY;
  before = test_file_checksum (f->sample.path);
  copy = lp_plan_read_workshop_copy (f->sample.plan, f->copies.c, &error);
  g_assert_no_error (error);
  g_assert_false (lp_plan_merge_copy (f->sample.plan, copy, conflicts, NULL, LP_MERGE_UNDECIDED, 0, &left, NULL,
                                      &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "“Table C.lpplan” cannot be merged as decided: a row the plan deleted cannot "
                   "come back without the row it belongs to, which the plan deleted too (a practice, a locality, a "
                   "scenario…); keep the plan’s deletion");
  after = test_file_checksum (f->sample.path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (lp_plan_get_undo_label (f->sample.plan), ==, "Delete practice");
}

/* A workshop begun before an upgrade: the plan, its base and the copy at
 * schema 5 (as that version wrote them, from the v5 fixture), the copy
 * edited there; then the new version opens the plan and the copy, which
 * upgrades both, and the merge upgrades the base the same way, so that
 * the copy's one edit is all there is to merge. */
static void
test_base_from_older_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lp-workshop-v5-XXXXXX", &error);
  g_autofree char *plan_path = g_build_filename (dir, "plan.lpplan", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "Table A.lpplan", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "migrations", "v5.sql", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *image = NULL;
  g_autoptr(GString) keep_base = g_string_new ("INSERT INTO workshop_base (base_id, taken_at, copies, image) "
                                               "VALUES ('5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b', '2026-01-01T10:00:00Z', 'Table A', x'");
  g_autoptr(LpPlan) copy_plan = NULL;
  g_autoptr(LpPlan) plan = NULL;
  g_autoptr(LpWorkshopCopy) copy = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  gsize size = 0;
  guint n_changes = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  test_write_file (plan_path, "", 0);
  test_sql_on_file (plan_path, sql);
  g_assert_true (g_file_get_contents (plan_path, &image, &size, &error));
  test_write_file (copy_path, image, (gssize) size);
  for (gsize i = 0; i < size; i++)
    g_string_append_printf (keep_base, "%02x", (guchar) image[i]);
  g_string_append (keep_base, "')");
  test_sql_on_file (plan_path, keep_base->str);
  test_sql_on_file (copy_path, "INSERT INTO workshop_copy (singleton, name, base_id, taken_at) "
                               "VALUES (1, 'Table A', '5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b', '2026-01-01T10:00:00Z');"
                               "UPDATE list_size SET patients = 12400 WHERE extract_date = '" LIST_DATE "' AND "
                               "practice_id = (SELECT id FROM practice WHERE ods_code = 'X06K01')");
  g_assert_cmpint (test_sql_int (copy_path, "PRAGMA user_version"), ==, 5);

  /* The new version opens both: each is upgraded. */
  copy_plan = lp_plan_open (copy_path, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lp_plan_get_migration_backup (copy_plan));
  g_unlink (lp_plan_get_migration_backup (copy_plan));
  g_clear_object (&copy_plan);
  plan = lp_plan_open (plan_path, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_unlink (lp_plan_get_migration_backup (plan));
  g_assert_cmpint (lp_plan_get_schema_version (plan), ==, LP_PLAN_SCHEMA_VERSION);

  copy = lp_plan_read_workshop_copy (plan, copy_path, &error);
  g_assert_no_error (error);
  changes = lp_workshop_copy_list_changes (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (((LpCopyChange *) g_ptr_array_index (changes, 0))->table, ==, "list_size");
  g_assert_true (lp_plan_merge_copy (plan, copy, NULL, NULL, LP_MERGE_UNDECIDED, 0, &conflicts, &n_changes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpint (test_sql_int (plan_path, "SELECT patients FROM list_size WHERE extract_date = '" LIST_DATE "' AND "
                                 "practice_id = (SELECT id FROM practice WHERE ods_code = 'X06K01')"), ==, 12400);
  g_clear_pointer (&copy, lp_workshop_copy_free);
  g_clear_object (&plan);
  test_rm_rf (dir);
}

/* The same edits, made through core in copy A and with the sqlite3 shell
 * in copy B, merge into the same plan. */
static void
test_shell_edit_merges_like_core (TestWorkshop  *f,
                                  gconstpointer  data)
{
  g_autofree char *shell = g_find_program_in_path ("sqlite3");
  g_autofree char *through_core = NULL;
  g_autofree char *through_shell = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  int status = -1;
  guint n_changes = 0;

  if (shell == NULL)
    {
      g_test_skip ("the sqlite3 shell is not installed");
      return;
    }
  {
    g_autoptr(LpPlan) a = lp_plan_open (f->copies.a, LP_PLAN_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (lp_plan_set_list_size (a, f->copies.practice_id, LIST_DATE, 12400, "sample: illustrative list size",
                                          &error));
    g_assert_true (lp_plan_delete_pathway_change (a, f->copies.change_id, &error));
    g_assert_no_error (error);
  }
  sql = g_strdup_printf ("PRAGMA foreign_keys = ON;"
                         "UPDATE list_size SET patients = 12400 WHERE practice_id = %" G_GINT64_FORMAT
                         " AND extract_date = '" LIST_DATE "';"
                         "DELETE FROM pathway_change WHERE id = %" G_GINT64_FORMAT ";",
                         f->copies.practice_id, f->copies.change_id);
  {
    const char *argv[] = { shell, f->copies.b, sql, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
  }

  conflicts = merge (f, f->copies.a, NULL, &n_changes);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (n_changes, ==, 2);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  through_core = plan_contents (f->sample.path);
  g_assert_true (lp_plan_undo (f->sample.plan, &error));
  g_assert_no_error (error);

  conflicts = merge (f, f->copies.b, NULL, &n_changes);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (n_changes, ==, 2);
  through_shell = plan_contents (f->sample.path);
  g_assert_cmpstr (through_shell, ==, through_core);
  g_assert_cmpint (patients (f), ==, 12400);
}

/* A row with the same key added on both sides with different values, and
 * a row that would break a rule (an ODS code the plan has given meanwhile
 * to a practice of its own): conflicts, nothing applied until decided. */
static void
test_added_on_both_sides (TestWorkshop  *f,
                          gconstpointer  data)
{
  LpPracticeFields practice = { "X99A01", "Plan Surgery", "", 0, "active", "", NULL };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *list_key = g_strdup_printf ("%" G_GINT64_FORMAT ", 2018-02-01", f->copies.practice_id);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  LpMergeConflict *conflict;
  guint n_changes = 0;

  test_sql_on_filef (f->copies.a, "INSERT INTO list_size (practice_id, extract_date, patients, source) "
                     "VALUES (%" G_GINT64_FORMAT ", '2018-02-01', 12000, '');"
                     "INSERT INTO practice (id, ods_code, name) VALUES (111, 'X99A01', 'Copy Surgery');",
               f->copies.practice_id);
  g_assert_true (lp_plan_set_list_size (f->sample.plan, f->copies.practice_id, "2018-02-01", 12100, "", &error));
  g_assert_cmpint (lp_plan_add_practice (f->sample.plan, &practice, &error), >, 0);
  g_assert_no_error (error);
  before = test_file_checksum (f->sample.path);

  conflicts = merge (f, f->copies.a, NULL, &n_changes);
  g_assert_cmpuint (conflicts->len, ==, 2);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpint (conflict->kind, ==, LP_MERGE_CONFLICT_BREAKS_RULE);
  g_assert_cmpstr (conflict->table, ==, "practice");
  g_assert_cmpstr (conflict->row_key, ==, "111");
  g_assert_null (conflict->column);
  conflict = g_ptr_array_index (conflicts, 1);
  g_assert_cmpint (conflict->kind, ==, LP_MERGE_CONFLICT_BOTH_ADDED);
  g_assert_cmpstr (conflict->table, ==, "list_size");
  g_assert_cmpstr (conflict->row_key, ==, list_key);
  g_assert_cmpstr (conflict->column, ==, "patients");
  g_assert_null (conflict->base_value);
  g_assert_cmpstr (conflict->copy_value, ==, "12000");
  g_assert_cmpstr (conflict->plan_value, ==, "12100");
  after = test_file_checksum (f->sample.path);
  g_assert_cmpstr (after, ==, before);

  /* The rule-breaking practice left out, the copy's list size taken. */
  ((LpMergeConflict *) g_ptr_array_index (conflicts, 0))->choice = LP_MERGE_KEEP_PLAN;
  ((LpMergeConflict *) g_ptr_array_index (conflicts, 1))->choice = LP_MERGE_TAKE_COPY;
  {
    g_autoptr(GPtrArray) left = merge (f, f->copies.a, conflicts, &n_changes);
    g_assert_cmpuint (left->len, ==, 0);
    g_assert_cmpuint (n_changes, ==, 1);
  }
  g_assert_cmpint (test_sql_intf (f->sample.path, "SELECT patients FROM list_size WHERE practice_id = %" G_GINT64_FORMAT
                            " AND extract_date = '2018-02-01'", f->copies.practice_id), ==, 12000);
  g_assert_cmpint (test_sql_int (f->sample.path, "SELECT count(*) FROM practice WHERE id = 111"), ==, 0);
  g_assert_cmpint (test_sql_int (f->sample.path, "SELECT count(*) FROM practice WHERE name = 'Plan Surgery'"), ==, 1);
}

/* A copy that adds rows to a practice the plan deleted meanwhile is
 * refused whole, the plan unchanged. */
static void
test_rows_of_deleted_parent (TestWorkshop  *f,
                             gconstpointer  data)
{
  gint64 other = test_sql_int (f->sample.path, "SELECT id FROM practice WHERE ods_code = 'X06K02'");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(LpWorkshopCopy) copy = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  test_sql_on_filef (f->copies.a, "INSERT INTO list_size (practice_id, extract_date, patients, source) "
                     "VALUES (%" G_GINT64_FORMAT ", '2018-02-01', 5000, '')", other);
  g_assert_true (lp_plan_delete_practice (f->sample.plan, other, &error));
  g_assert_no_error (error);
  before = test_file_checksum (f->sample.path);
  copy = test_read_copy (f->sample.plan, f->copies.a);
  g_assert_false (lp_plan_merge_copy (f->sample.plan, copy, NULL, NULL, LP_MERGE_UNDECIDED, 0, &conflicts, NULL, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "“Table A.lpplan” cannot be merged: some of its rows refer to rows the plan "
                   "has deleted since the copy was taken (a practice, a locality, a scenario…)");
  after = test_file_checksum (f->sample.path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (lp_plan_get_undo_label (f->sample.plan), ==, "Delete practice");
}

#define BIG_ROWS 5000

/* In the child: merge @copy_path into @plan_path; never returns. */
static void G_GNUC_NORETURN
child_merge (const char *plan_path,
             const char *copy_path)
{
  LpPlan *plan = lp_plan_open (plan_path, LP_PLAN_OPEN_DEFAULT, NULL);
  LpWorkshopCopy *copy = plan != NULL ? lp_plan_read_workshop_copy (plan, copy_path, NULL) : NULL;
  GPtrArray *conflicts = NULL;
  guint n_changes = 0;
  gboolean merged = copy != NULL && lp_plan_merge_copy (plan, copy, NULL, NULL, LP_MERGE_UNDECIDED, 0, &conflicts,
                                                        &n_changes, NULL);

  _exit (merged && n_changes == BIG_ROWS + 1 ? 0 : 1);
}

/* Runs the merge in a child, killed with SIGKILL after @delay_us unless
 * @delay_us < 0; returns whether it finished by itself with success. */
static gboolean
run_merge_child (const char *plan_path,
                 const char *copy_path,
                 gint64      delay_us)
{
  pid_t pid;
  int status = 0;

  fflush (stdout);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    child_merge (plan_path, copy_path);
  if (delay_us >= 0)
    {
      g_usleep ((gulong) delay_us);
      kill (pid, SIGKILL);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *bytes = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &bytes, &length, NULL));
  test_write_file (to, bytes, (gssize) length);
}

/* A merge of a large copy killed at random moments: the plan opens intact
 * and holds all of the merge or none of it. */
static void
test_killed_during_merge (TestWorkshop  *f,
                          gconstpointer  data)
{
  g_autofree char *before = test_tmp_path (f->sample.dir, "before.lpplan");
  g_autofree char *work = test_tmp_path (f->sample.dir, "work.lpplan");
  g_autofree char *journal = g_strconcat (work, "-journal", NULL);
  g_autoptr(GRand) rand = g_rand_new ();
  guint all = 0, none = 0;
  gint64 start, whole;

  test_sql_on_filef (f->copies.a, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
                     "INSERT INTO list_size (practice_id, extract_date, patients, source) "
                     "SELECT %" G_GINT64_FORMAT ", date ('2000-01-01', '+' || i || ' days'), i, '' FROM n;"
                     "UPDATE contract SET annual_value_pounds = 27000000 WHERE id = %" G_GINT64_FORMAT,
               BIG_ROWS, f->copies.practice_id, f->copies.contract_id);
  g_clear_object (&f->sample.plan);
  copy_file (f->sample.path, before);
  copy_file (before, work);
  start = g_get_monotonic_time ();
  g_assert_true (run_merge_child (work, f->copies.a, -1));
  whole = g_get_monotonic_time () - start;
  g_assert_cmpint (test_sql_int (work, "SELECT count(*) FROM list_size"), ==, 57 + BIG_ROWS);
  g_test_message ("a merge of %d changes takes %.0f ms in a child", BIG_ROWS + 1, whole / 1000.0);
  for (guint i = 0; i < 12; i++)
    {
      gint64 delay = g_rand_int_range (rand, 0, (gint32) MIN (whole * 6 / 5, G_MAXINT32));
      g_autoptr(LpPlan) plan = NULL;
      g_autoptr(GError) error = NULL;
      gint64 sizes, value;

      copy_file (before, work);
      g_unlink (journal);
      run_merge_child (work, f->copies.a, delay);
      plan = lp_plan_open (work, LP_PLAN_OPEN_DEFAULT, &error);   /* rolls back a half-written merge */
      g_assert_no_error (error);
      g_clear_object (&plan);
      sizes = test_sql_int (work, "SELECT count(*) FROM list_size");
      value = test_sql_intf (work, "SELECT annual_value_pounds FROM contract WHERE id = %" G_GINT64_FORMAT, f->copies.contract_id);
      g_assert_cmpint (test_sql_int (work, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"),
                       ==, 0);
      if (sizes == 57)
        {
          g_assert_cmpint (value, ==, 26350000);
          none++;
        }
      else
        {
          g_assert_cmpint (sizes, ==, 57 + BIG_ROWS);
          g_assert_cmpint (value, ==, 27000000);
          all++;
        }
    }
  g_test_message ("killed merges: %u left all of it, %u none", all, none);
}

/* What each copy changed, row by row, for a merge window to word. */
static void
test_list_changes (TestWorkshop  *f,
                   gconstpointer  data)
{
  g_autoptr(LpWorkshopCopy) a = NULL;
  g_autoptr(LpWorkshopCopy) b = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contract_key = g_strdup_printf ("%" G_GINT64_FORMAT, f->copies.contract_id);
  g_autofree char *change_key = g_strdup_printf ("%" G_GINT64_FORMAT, f->copies.change_id);
  g_autofree char *list_key = g_strdup_printf ("%" G_GINT64_FORMAT ", " LIST_DATE, f->copies.practice_id);
  LpCopyChange *change;

  edit_copies (f);
  a = test_read_copy (f->sample.plan, f->copies.a);
  changes = lp_workshop_copy_list_changes (a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpint (change->kind, ==, LP_COPY_CHANGE_ADDED);
  g_assert_cmpstr (change->table, ==, "practice");
  g_assert_cmpuint (change->n_columns, ==, 9);
  g_assert_cmpstr (change->columns[1], ==, "ods_code");
  g_assert_cmpstr (change->new_values[1], ==, "X99A01");
  g_assert_cmpstr (change->columns[2], ==, "name");
  g_assert_cmpstr (change->new_values[2], ==, "Workshop Surgery");
  g_assert_null (change->old_values[1]);
  change = g_ptr_array_index (changes, 1);
  g_assert_cmpint (change->kind, ==, LP_COPY_CHANGE_CHANGED);
  g_assert_cmpstr (change->table, ==, "list_size");
  g_assert_cmpstr (change->row_key, ==, list_key);
  g_assert_cmpuint (change->n_columns, ==, 1);
  g_assert_cmpstr (change->columns[0], ==, "patients");
  g_assert_cmpstr (change->old_values[0], ==, "12326");
  g_assert_cmpstr (change->new_values[0], ==, "12400");
  g_clear_pointer (&changes, g_ptr_array_unref);

  b = test_read_copy (f->sample.plan, f->copies.b);
  changes = lp_workshop_copy_list_changes (b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpint (change->kind, ==, LP_COPY_CHANGE_CHANGED);
  g_assert_cmpstr (change->table, ==, "contract");
  g_assert_cmpstr (change->row_key, ==, contract_key);
  g_assert_cmpuint (change->n_columns, ==, 1);
  g_assert_cmpstr (change->columns[0], ==, "annual_value_pounds");
  g_assert_cmpstr (change->old_values[0], ==, "26350000");
  g_assert_cmpstr (change->new_values[0], ==, "27000000");
  change = g_ptr_array_index (changes, 1);
  g_assert_cmpint (change->kind, ==, LP_COPY_CHANGE_DELETED);
  g_assert_cmpstr (change->table, ==, "pathway_change");
  g_assert_cmpstr (change->row_key, ==, change_key);
  g_assert_cmpuint (change->n_columns, ==, 9);
  g_assert_cmpstr (change->columns[3], ==, "level");
  g_assert_cmpstr (change->old_values[3], ==, "stp");
  g_assert_cmpstr (change->columns[5], ==, "horizon_years");
  g_assert_cmpstr (change->old_values[5], ==, "3");
  g_assert_null (change->new_values[3]);
}

/* A change left out is not merged; the rest are, exactly as without the
 * leaving out (the kept changes are written into a changeset anew). */
static void
test_leave_out (TestWorkshop  *f,
                gconstpointer  data)
{
  g_autofree char *expected_path = test_tmp_path (f->sample.dir, "expected.lpplan");
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(LpWorkshopCopy) a = NULL;
  g_autoptr(LpWorkshopCopy) b = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) left_out = g_ptr_array_new ();
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  LpCopyChange nothing = { LP_COPY_CHANGE_CHANGED, (char *) "locality", (char *) "1", 0, NULL, NULL, NULL };
  guint n_changes = 0;

  edit_copies (f);
  g_assert_true (lp_plan_save_copy (f->sample.plan, expected_path, &error));
  test_sql_on_filef (expected_path, "ATTACH '%s' AS a;"
               "UPDATE list_size SET patients = 12400 WHERE practice_id = %" G_GINT64_FORMAT
               " AND extract_date = '" LIST_DATE "';"
               "INSERT INTO practice SELECT * FROM a.practice WHERE ods_code = 'X99A01';"
               "UPDATE contract SET annual_value_pounds = 27000000 WHERE id = %" G_GINT64_FORMAT ";",
               f->copies.a, f->copies.practice_id, f->copies.contract_id);
  expected = plan_contents (expected_path);

  /* Leaving out a change the copy does not have: every change written
   * anew, and merged as usual. */
  a = test_read_copy (f->sample.plan, f->copies.a);
  g_ptr_array_add (left_out, &nothing);
  g_assert_true (lp_plan_merge_copy (f->sample.plan, a, NULL, left_out, LP_MERGE_UNDECIDED, 0, &conflicts,
                                     &n_changes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (n_changes, ==, 2);
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* B without its deleted pathway change. */
  b = test_read_copy (f->sample.plan, f->copies.b);
  changes = lp_workshop_copy_list_changes (b, &error);
  g_assert_no_error (error);
  g_ptr_array_set_size (left_out, 0);
  g_ptr_array_add (left_out, g_ptr_array_index (changes, 1));
  g_assert_true (lp_plan_merge_copy (f->sample.plan, b, NULL, left_out, LP_MERGE_UNDECIDED, 0, &conflicts,
                                     &n_changes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (n_changes, ==, 1);
  contents = plan_contents (f->sample.path);
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpint (test_sql_intf (f->sample.path, "SELECT count(*) FROM pathway_change WHERE id = %" G_GINT64_FORMAT,
                            f->copies.change_id), ==, 1);
}

/* A copy whose base the plan no longer holds, merged against the plan as
 * it is: every difference is a conflict, applied only as decided. */
static void
test_against_plan (TestWorkshop  *f,
                   gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *list_key = g_strdup_printf ("%" G_GINT64_FORMAT ", " LIST_DATE, f->copies.practice_id);
  g_autoptr(LpWorkshopCopy) copy = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;
  LpMergeConflict *conflict;
  guint n_changes = 0;

  test_sql_on_filef (f->copies.a, "UPDATE list_size SET patients = 12400 WHERE practice_id = %" G_GINT64_FORMAT
                     " AND extract_date = '" LIST_DATE "';"
                     "INSERT INTO practice (id, ods_code, name) VALUES (111, 'X99A01', 'Copy Surgery');",
               f->copies.practice_id);
  test_sql_on_filef (f->sample.path, "DELETE FROM workshop_base;"
                               "UPDATE contract SET annual_value_pounds = 26000000 WHERE id = %" G_GINT64_FORMAT,
               f->copies.contract_id);
  before = test_file_checksum (f->sample.path);
  copy = lp_plan_read_copy_against_plan (f->sample.plan, f->copies.a, &error);
  g_assert_no_error (error);
  g_assert_true (lp_plan_merge_copy (f->sample.plan, copy, NULL, NULL, LP_MERGE_UNDECIDED, 0, &conflicts,
                                     &n_changes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 3);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpint (conflict->kind, ==, LP_MERGE_CONFLICT_ONLY_IN_COPY);
  g_assert_cmpstr (conflict->table, ==, "practice");
  g_assert_cmpstr (conflict->row_key, ==, "111");
  conflict = g_ptr_array_index (conflicts, 1);
  g_assert_cmpint (conflict->kind, ==, LP_MERGE_CONFLICT_BOTH_CHANGED);
  g_assert_cmpstr (conflict->table, ==, "list_size");
  g_assert_cmpstr (conflict->row_key, ==, list_key);
  g_assert_null (conflict->base_value);
  g_assert_cmpstr (conflict->copy_value, ==, "12400");
  g_assert_cmpstr (conflict->plan_value, ==, "12326");
  conflict = g_ptr_array_index (conflicts, 2);
  g_assert_cmpint (conflict->kind, ==, LP_MERGE_CONFLICT_BOTH_CHANGED);
  g_assert_cmpstr (conflict->table, ==, "contract");
  g_assert_cmpstr (conflict->column, ==, "annual_value_pounds");
  g_assert_cmpstr (conflict->copy_value, ==, "26350000");
  g_assert_cmpstr (conflict->plan_value, ==, "26000000");
  after = test_file_checksum (f->sample.path);
  g_assert_cmpstr (after, ==, before);

  ((LpMergeConflict *) g_ptr_array_index (conflicts, 0))->choice = LP_MERGE_TAKE_COPY;
  ((LpMergeConflict *) g_ptr_array_index (conflicts, 1))->choice = LP_MERGE_TAKE_COPY;
  ((LpMergeConflict *) g_ptr_array_index (conflicts, 2))->choice = LP_MERGE_KEEP_PLAN;
  g_assert_true (lp_plan_merge_copy (f->sample.plan, copy, conflicts, NULL, LP_MERGE_UNDECIDED, 0, &left,
                                     &n_changes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 0);
  g_assert_cmpuint (n_changes, ==, 2);
  g_assert_cmpint (patients (f), ==, 12400);
  g_assert_cmpint (test_sql_int (f->sample.path, "SELECT count(*) FROM practice WHERE id = 111"), ==, 1);
  g_assert_cmpint (test_sql_intf (f->sample.path, "SELECT annual_value_pounds FROM contract WHERE id = %" G_GINT64_FORMAT,
                            f->copies.contract_id), ==, 26000000);
}

static void
assert_refused (TestWorkshop *f,
                const char   *path,
                int           code,
                const char   *message)
{
  g_autofree char *before = test_file_checksum (f->sample.path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpWorkshopCopy) copy = lp_plan_read_workshop_copy (f->sample.plan, path, &error);

  g_assert_null (copy);
  g_assert_error (error, LP_PLAN_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  after = test_file_checksum (f->sample.path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_refused (TestWorkshop  *f,
              gconstpointer  data)
{
  g_autofree char *other_dir = test_tmp_dir ();
  g_autofree char *saved = test_tmp_path (f->sample.dir, "saved.lpplan");
  g_autofree char *damaged = test_tmp_path (f->sample.dir, "damaged.lpplan");
  g_autofree char *newer = test_tmp_path (f->sample.dir, "newer.lpplan");
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *names[] = { "Elsewhere" };

  /* A copy of another plan. */
  {
    g_autoptr(LpPlan) other = test_new_plan (other_dir);
    g_assert_true (lp_plan_prepare_workshop_copies (other, other_dir, names, 1, &paths, &error));
    g_assert_no_error (error);
  }
  assert_refused (f, g_ptr_array_index (paths, 0), LP_PLAN_ERROR_INVALID,
                  "“Elsewhere.lpplan” is a copy of another plan, not of “East and North Hertfordshire CCG "
                  "2018-19 (sample)”; it cannot be merged into it");
  /* The plan itself, and a copy made with Save As. */
  assert_refused (f, f->sample.path, LP_PLAN_ERROR_INVALID,
                  "“plan.lpplan” is the plan itself; choose a workshop copy to merge into it");
  g_assert_true (lp_plan_save_copy (f->sample.plan, saved, &error));
  assert_refused (f, saved, LP_PLAN_ERROR_INVALID,
                  "“saved.lpplan” is not a workshop copy: only copies made with Prepare Workshop Copies can be merged");
  /* A damaged copy. */
  g_assert_true (g_file_get_contents (f->copies.a, &contents, &length, NULL));
  for (gsize i = 4096; i < length && i < 4096 * 6; i++)
    contents[i] = (char) 0xA5;
  test_write_file (damaged, contents, (gssize) length);
  assert_refused (f, damaged, LP_PLAN_ERROR_CORRUPT, NULL);
  /* A copy from a newer version. */
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (f->copies.a, &contents, &length, NULL));
  test_write_file (newer, contents, (gssize) length);
  test_sql_on_file (newer, "PRAGMA user_version = 10");
  assert_refused (f, newer, LP_PLAN_ERROR_TOO_NEW,
                  "“newer.lpplan” was made by a newer Locality Planner (plan format 10; this version reads up to 9). "
                  "Update Locality Planner to open it");
  /* A copy whose base the plan no longer holds. */
  test_sql_on_file (f->sample.path, "DELETE FROM workshop_base");
  {
    g_autoptr(GError) local_error = NULL;
    g_autoptr(LpWorkshopCopy) copy = lp_plan_read_workshop_copy (f->sample.plan, f->copies.a, &local_error);

    g_assert_null (copy);
    g_assert_error (local_error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
    g_assert_true (g_str_has_prefix (local_error->message, "“Table A.lpplan” was copied from “East and North "
                                     "Hertfordshire CCG 2018-19 (sample)” as it was at 20"));
    g_assert_true (g_str_has_suffix (local_error->message, "Z, which the plan no longer holds, so what the copy "
                                     "changed cannot be told from what the plan changed; it can still be merged "
                                     "against the plan as it is, deciding every difference"));
  }
  test_rm_rf (other_dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/workshop/prepare", TestWorkshop, NULL, workshop_set_up, test_prepare, workshop_tear_down);
  g_test_add ("/workshop/prepare-refused", TestWorkshop, NULL, workshop_set_up, test_prepare_refused,
              workshop_tear_down);
  g_test_add ("/workshop/merge", TestWorkshop, NULL, workshop_set_up, test_merge, workshop_tear_down);
  g_test_add ("/workshop/dry-run", TestWorkshop, NULL, workshop_set_up, test_dry_run, workshop_tear_down);
  g_test_add_func ("/workshop/base-from-older-version", test_base_from_older_version);
  g_test_add ("/workshop/deleted-row-brought-back", TestWorkshop, NULL, workshop_set_up,
              test_deleted_row_brought_back, workshop_tear_down);
  g_test_add ("/workshop/deleted-on-one-side", TestWorkshop, NULL, workshop_set_up, test_deleted_on_one_side,
              workshop_tear_down);
  g_test_add ("/workshop/shell-edit-merges-like-core", TestWorkshop, NULL, workshop_set_up,
              test_shell_edit_merges_like_core, workshop_tear_down);
  g_test_add ("/workshop/added-on-both-sides", TestWorkshop, NULL, workshop_set_up, test_added_on_both_sides,
              workshop_tear_down);
  g_test_add ("/workshop/rows-of-deleted-parent", TestWorkshop, NULL, workshop_set_up, test_rows_of_deleted_parent,
              workshop_tear_down);
  g_test_add ("/workshop/killed-during-merge", TestWorkshop, NULL, workshop_set_up, test_killed_during_merge,
              workshop_tear_down);
  g_test_add ("/workshop/list-changes", TestWorkshop, NULL, workshop_set_up, test_list_changes, workshop_tear_down);
  g_test_add ("/workshop/leave-out", TestWorkshop, NULL, workshop_set_up, test_leave_out, workshop_tear_down);
  g_test_add ("/workshop/against-plan", TestWorkshop, NULL, workshop_set_up, test_against_plan, workshop_tear_down);
  g_test_add ("/workshop/refused", TestWorkshop, NULL, workshop_set_up, test_refused, workshop_tear_down);
  return g_test_run ();
}
