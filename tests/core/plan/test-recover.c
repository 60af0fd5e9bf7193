/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading rows out of plan files SQLite itself finds corrupt
 * (lp_recover_rows), on the corrupt corpus of tests/common.
 *
 * What each damage must leave is worked out here independently of the
 * reader, from SQLite's dbstat table on the sound sample: which pages hold
 * each table's rows (the leaves, and the interior pages of a WITHOUT ROWID
 * table, whose cells are rows too) and how many rows each holds.  A page cut
 * off or overwritten loses its rows; every other row must be read, and read
 * exactly as the sample holds it. */
#include <string.h>

#include <glib/gstdio.h>

#include "core-test-util.h"
#include "lp-check.h"
#include "lp-plan-private.h"
#include "lp-recover-private.h"
#include "test-damaged-plans.h"

static const char *
sample_plan (void)
{
  const char *path = g_getenv ("LP_SAMPLE_PLAN");

  g_assert_nonnull (path);
  return path;
}

static void
report_clear (LpRepairReport *report)
{
  g_clear_pointer (&report->tables, g_ptr_array_unref);
}

static gint64
report_rows (const LpRepairReport *report,
             const char           *table)
{
  g_assert_nonnull (report->tables);
  for (guint i = 0; i < report->tables->len; i++)
    {
      const LpRepairTable *t = g_ptr_array_index (report->tables, i);

      if (g_strcmp0 (t->table, table) == 0)
        return t->rows_read;
    }
  g_assert_not_reached ();
}

/* The tables of this build's schema, in the new plan @db. */
static GPtrArray *
plan_tables (sqlite3 *db)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM main.sqlite_schema WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (names->len, >, 30);
  return names;
}

static gint64
sql_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s\n%s", sqlite3_errmsg (db), sql);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The rows of @table that survive @c: those on its row-bearing pages that
 * were neither cut off nor overwritten (@page: the page hit, or the pages
 * a truncation keeps). */
static gint64
expected_rows (const char       *table,
               const Corruption *c,
               gint64            page)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 rows = 0;

  g_assert_cmpint (sqlite3_open_v2 (sample_plan (), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT pageno, ncell FROM dbstat WHERE name = ?1 "
                                       "AND (pagetype = 'leaf' OR (pagetype = 'internal' AND "
                                       "  (SELECT wr FROM pragma_table_list WHERE name = ?1)))",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 pageno = sqlite3_column_int64 (stmt, 0);
      gint64 ncell = sqlite3_column_int64 (stmt, 1);

      if (c != NULL && g_strcmp0 (table, c->unplaced) == 0)
        continue;
      if (c != NULL && c->how == CORRUPT_TRUNCATE && pageno > page)
        continue;
      if (c != NULL && c->how != CORRUPT_TRUNCATE && pageno == page)
        ncell = c->lost_cells < 0 ? 0 : ncell - c->lost_cells;
      rows += ncell;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rows;
}

/* The copy's rows of @table that neither the sample nor the new plan as
 * made (attached as n: its plan identity, its seeded rows) holds, and the
 * sample's the copy does not, compared on this build's columns. */
static void
compare_rows (sqlite3    *copy,
              const char *table,
              gint64     *extra,
              gint64     *missing)
{
  g_autofree char *sql = NULL;
  char *q = sqlite3_mprintf ("%w", table);

  sql = g_strdup_printf ("SELECT count(*) FROM (SELECT * FROM main.\"%s\" EXCEPT SELECT * FROM s.\"%s\" EXCEPT SELECT * FROM n.\"%s\")", q, q, q);
  *extra = sql_int (copy, sql);
  if (*extra != 0)
    {
      sqlite3_stmt *stmt = NULL;

      /* Say which rows, to find out why. */
      g_free (sql);
      sql = g_strdup_printf ("SELECT * FROM main.\"%s\" EXCEPT SELECT * FROM s.\"%s\" EXCEPT SELECT * FROM n.\"%s\"", q, q, q);
      g_assert_cmpint (sqlite3_prepare_v2 (copy, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int i = 0; i < sqlite3_column_count (stmt); i++)
          g_test_message ("%s row not in the sample: %s = %s", table, sqlite3_column_name (stmt, i),
                          (const char *) sqlite3_column_text (stmt, i));
      sqlite3_finalize (stmt);
    }
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM (SELECT * FROM s.\"%s\" EXCEPT SELECT * FROM main.\"%s\")", q, q);
  *missing = sql_int (copy, sql);
  sqlite3_free (q);
}

/* Attaches @source (the sample, unless given) as s and @made, the new plan
 * as it was made, as n. */
static void
attach_source (sqlite3    *db,
               const char *source,
               const char *made)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "ATTACH ?1 AS s", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, source != NULL ? source : sample_plan (), -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "ATTACH ?1 AS n", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, made, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* Check of a corrupt file says it is damaged, or refuses it with a clear
 * error; never crashes. */
static void
assert_check_refuses (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = lp_plan_check_file (path, &error);
  gboolean integrity = FALSE;

  if (problems == NULL)
    {
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
      return;
    }
  for (guint i = 0; i < problems->len; i++)
    integrity |= ((LpProblem *) g_ptr_array_index (problems, i))->kind == LP_PROBLEM_KIND_INTEGRITY;
  g_assert_true (integrity);
}

/* The window's refusal: damaged (and so offered for repair), whichever
 * part was hit; only the empty file is no plan at all. */
static void
assert_open_refuses (const Corruption *c,
                     const char       *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, &error);
  g_autofree char *words = NULL;

  g_assert_null (plan);
  if (c->how == CORRUPT_TRUNCATE && c->page_sql == NULL && c->bytes == 0)
    {
      words = g_strdup_printf ("“%s.lpplan” is not a Locality Planner plan: it is empty (0 bytes long)", c->name);
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_A_PLAN);
    }
  else
    {
      words = g_strdup_printf ("“%s.lpplan” is damaged and cannot be opened", c->name);
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT);
    }
  g_assert_true (g_str_has_prefix (error->message, words));
}

static void
test_corrupt (gconstpointer data)
{
  const Corruption *c = data;
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = corrupt_plan_make (sample_plan (), dir, c);
  g_autofree char *copy_path = test_tmp_path (dir, "copy.lpplan");
  g_autofree char *before = test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) copy = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *made = NULL;
  gint64 page = corrupt_plan_page (sample_plan (), c);
  LpRepairReport report = { 0 };
  sqlite3 *db;
  gboolean ok;

  assert_check_refuses (path);
  assert_open_refuses (c, path);

  copy = lp_plan_create (copy_path, &error);
  g_assert_no_error (error);
  db = lp_plan_get_db (copy);
  tables = plan_tables (db);
  made = damaged_plan_copy_file (copy_path, dir, "made.lpplan");
  ok = lp_recover_rows (path, db, &report, NULL, &error);
  after = test_file_checksum (path);
  g_assert_cmpstr (after, ==, before);

  if (c->unreadable)
    {
      g_autofree char *message = NULL;

      g_assert_false (ok);
      message = g_strdup_printf ("No rows could be read out of “%s.lpplan”: it is %" G_GINT64_FORMAT
                                 " bytes long, shorter than one page of a plan", c->name, c->bytes);
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT);
      g_assert_cmpstr (error->message, ==, message);
      g_assert_false (report.recovered);
      /* Nothing was written: the new plan has only what it was made with. */
      g_assert_cmpint (sql_int (db, "SELECT count(*) FROM practice"), ==, 0);
    }
  else
    {
      gint64 total = 0;

      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_true (report.recovered);
      attach_source (db, NULL, made);
      for (guint i = 0; i < tables->len; i++)
        {
          const char *table = g_ptr_array_index (tables, i);
          gint64 expected = expected_rows (table, c, page);
          gint64 read = report_rows (&report, table);
          gint64 extra, missing;

          if (g_test_verbose ())
            g_test_message ("%s: %s %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT, c->name, table,
                            read, expected);
          g_assert_cmpint (read, ==, expected);
          total += read;
          /* Every row saved is a row of the sample, unchanged. */
          compare_rows (db, table, &extra, &missing);
          g_assert_cmpint (extra, ==, 0);
          if (expected == expected_rows (table, NULL, 0))
            g_assert_cmpint (missing, ==, 0);
        }
      g_assert_cmpint (total, >, 0);
      /* Only the scenario's row, cut off from its schema row, fits two
       * tables (scenario and locality) and is left unplaced. */
      g_assert_cmpint (report.rows_unplaced, ==, g_strcmp0 (c->unplaced, "scenario") == 0 ? 1 : 0);
      g_assert_true (lp_sqlite_exec (db, "DETACH s; DETACH n", NULL));
    }
  report_clear (&report);
  lp_plan_close (copy);
  test_rm_rf (dir);
}

/* End to end: the repair of a corrupt plan reads its rows with
 * lp_recover_rows into a copy that passes check and opens, with the rows
 * read per table as worked out above; or, when nothing can be read, says
 * so and leaves nothing behind. */
static void
test_repair (gconstpointer data)
{
  const Corruption *c = data;
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = corrupt_plan_make (sample_plan (), dir, c);
  g_autofree char *copy_path = test_tmp_path (dir, "repaired.lpplan");
  g_autofree char *before = test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpRepairReport) report = lp_plan_repair_file (path, copy_path, NULL, &error);
  gint64 page = corrupt_plan_page (sample_plan (), c);

  after = test_file_checksum (path);
  g_assert_cmpstr (after, ==, before);
  if (c->unreadable)
    {
      g_autofree char *message = g_strdup_printf ("No rows could be read out of “%s.lpplan”: it is %" G_GINT64_FORMAT
                                                  " bytes long, shorter than one page of a plan", c->name, c->bytes);

      g_assert_null (report);
      if (c->bytes == 0)
        {
          /* Refused before any reading: SQLite sees no plan in it. */
          g_free (message);
          message = g_strdup_printf ("“%s.lpplan” is not a Locality Planner plan: it is empty (0 bytes long)", c->name);
          g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_A_PLAN);
        }
      else
        g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT);
      g_assert_cmpstr (error->message, ==, message);
      g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
    }
  else
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(LpPlan) plan = NULL;
      gint64 kept = 0;

      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (report);
      g_assert_true (report->recovered);
      /* the report says what could not be placed */
      g_assert_cmpint (report->rows_unplaced, ==, g_strcmp0 (c->unplaced, "scenario") == 0 ? 1 : 0);
      text = lp_repair_report_to_text (report);
      g_assert_nonnull (strstr (text, "its rows were recovered page by page"));
      if (report->rows_unplaced == 1)
        g_assert_nonnull (strstr (text, "\n1 row was read whose table could not be told, and was left out.\n"));
      else
        g_assert_null (strstr (text, "could not be told"));
      for (guint i = 0; i < report->tables->len; i++)
        {
          const LpRepairTable *t = g_ptr_array_index (report->tables, i);

          g_assert_cmpint (t->rows_read, ==, expected_rows (t->table, c, page));
          /* The reference rows a new plan is made with, put back where
           * the file's were lost, are counted apart (rows_added). */
          g_assert_cmpint (t->rows_kept, <=, t->rows_read);
          kept += t->rows_kept;
        }
      g_assert_cmpint (kept, >, 0);
      problems = lp_plan_check_file (copy_path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (lp_problems_count_errors (problems), ==, 0);
      plan = lp_plan_open (copy_path, LP_PLAN_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_nonnull (plan);
    }
  test_rm_rf (dir);
}

/* A plan of an older schema (8, as every plan made before this version
 * is) with a page SQLite finds damaged: check says so rather than refusing
 * it, and the repair reads its rows into a copy of this version. */
static void
test_older_version (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = test_tmp_path (dir, "v8.lpplan");
  g_autofree char *copy_path = test_tmp_path (dir, "repaired.lpplan");
  g_autofree char *sql = test_fixture_sql ("migrations/v8.sql");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(LpRepairReport) report = NULL;
  gint64 page, lost, page_size;
  gsize length;

  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_cmpint (test_sql_int (path, "SELECT user_version FROM pragma_user_version"), ==, 8);
  page = test_sql_int (path, "SELECT pageno FROM dbstat WHERE name = 'practice' AND pagetype = 'leaf' "
                             "ORDER BY path LIMIT 1");
  lost = test_sql_int (path, "SELECT ncell FROM dbstat WHERE name = 'practice' AND pagetype = 'leaf' "
                             "ORDER BY path LIMIT 1");
  page_size = test_sql_int (path, "SELECT page_size FROM pragma_page_size");
  g_assert_cmpint (lost, >, 0);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  memset (contents + (page - 1) * page_size, 0, page_size);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  problems = lp_plan_check_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpint (((LpProblem *) g_ptr_array_index (problems, 0))->kind, ==, LP_PROBLEM_KIND_INTEGRITY);

  report = lp_plan_repair_file (path, copy_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (report->recovered);
  /* 57 practices, less those of the zeroed leaf */
  g_assert_cmpint (report_rows (report, "practice"), ==, 57 - lost);
  g_assert_cmpint (report_rows (report, "workforce_fte"), ==, 544);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = lp_plan_check_file (copy_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lp_problems_count_errors (problems), ==, 0);
  test_rm_rf (dir);
}

/* The sound sample, read: every row of every table, exactly. */
static void
test_sound (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = damaged_plan_copy_file (sample_plan (), dir, "sound.lpplan");
  g_autofree char *copy_path = test_tmp_path (dir, "copy.lpplan");
  g_autofree char *before = test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) copy = lp_plan_create (copy_path, &error);
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *made = NULL;
  LpRepairReport report = { 0 };
  sqlite3 *db;

  g_assert_no_error (error);
  db = lp_plan_get_db (copy);
  tables = plan_tables (db);
  made = damaged_plan_copy_file (copy_path, dir, "made.lpplan");
  g_assert_true (lp_recover_rows (path, db, &report, NULL, &error));
  g_assert_no_error (error);
  after = test_file_checksum (path);
  g_assert_cmpstr (after, ==, before);
  attach_source (db, NULL, made);
  g_assert_cmpuint (report.tables->len, ==, tables->len);
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM s.\"%s\"", table);
      gint64 extra, missing;

      /* The report lists the tables in the schema's order. */
      g_assert_cmpstr (((LpRepairTable *) g_ptr_array_index (report.tables, i))->table, ==, table);
      g_assert_cmpint (report_rows (&report, table), ==, sql_int (db, sql));
      compare_rows (db, table, &extra, &missing);
      g_assert_cmpint (extra, ==, 0);
      g_assert_cmpint (missing, ==, 0);
    }
  /* 57 practices, 544 workforce rows (11 leaves and the 10 rows of the
   * interior page of a WITHOUT ROWID table). */
  g_assert_cmpint (report_rows (&report, "practice"), ==, 57);
  g_assert_cmpint (report_rows (&report, "workforce_fte"), ==, 544);
  g_assert_true (lp_sqlite_exec (db, "DETACH s; DETACH n", NULL));
  report_clear (&report);
  lp_plan_close (copy);
  test_rm_rf (dir);
}

/* Rows longer than a page go on in overflow pages: read through the chain,
 * in a rowid table (a practice's notes) and a WITHOUT ROWID one (a plan
 * setting), with the header damaged so that every row is read page by
 * page; and with a page of a chain zeroed, that row alone is lost. */
static void
test_overflow (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *sound = damaged_plan_copy_file (sample_plan (), dir, "long.lpplan");
  g_autofree char *path = NULL;
  g_autofree char *copy_path = test_tmp_path (dir, "copy.lpplan");
  g_autofree char *made = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) copy = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  LpRepairReport report = { 0 };
  gsize length;
  gint64 extra, missing;
  sqlite3 *db;

  /* 20,000 and 9,000 bytes: 4 and 2 overflow pages of 4,096 besides what
   * the cell itself holds */
  test_sql_on_file (sound, "UPDATE practice SET notes = printf ('%.*c', 20000, 'x') WHERE ods_code = 'X06K01';"
                           "UPDATE plan_info SET value = printf ('%.*c', 9000, 'y') WHERE key = 'access_note'");
  g_assert_cmpint (test_sql_int (sound, "SELECT count(*) FROM dbstat WHERE pagetype = 'overflow'"), ==, 4 + 2);
  g_assert_true (g_file_get_contents (sound, &contents, &length, NULL));
  for (guint i = 0; i < 16; i++)
    contents[i] ^= 0x5a;
  path = g_build_filename (dir, "long-damaged.lpplan", NULL);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  copy = lp_plan_create (copy_path, &error);
  g_assert_no_error (error);
  db = lp_plan_get_db (copy);
  tables = plan_tables (db);
  made = damaged_plan_copy_file (copy_path, dir, "made.lpplan");
  g_assert_true (lp_recover_rows (path, db, &report, NULL, &error));
  g_assert_no_error (error);
  attach_source (db, sound, made);
  for (guint i = 0; i < tables->len; i++)
    {
      compare_rows (db, g_ptr_array_index (tables, i), &extra, &missing);
      g_assert_cmpint (extra, ==, 0);
      g_assert_cmpint (missing, ==, 0);
    }
  g_assert_cmpint (sql_int (db, "SELECT length (notes) FROM practice WHERE ods_code = 'X06K01'"), ==, 20000);
  g_assert_cmpint (sql_int (db, "SELECT length (value) FROM plan_info WHERE key = 'access_note'"), ==, 9000);
  g_assert_true (lp_sqlite_exec (db, "DETACH s; DETACH n", NULL));
  report_clear (&report);
  lp_plan_close (copy);
  g_clear_object (&copy);

  /* The practice's first overflow page zeroed: the chain ends there. */
  {
    gint64 page = test_sql_int (sound, "SELECT pageno FROM dbstat WHERE name = 'practice' "
                                       "AND pagetype = 'overflow' ORDER BY path LIMIT 1");
    gint64 page_size = test_sql_int (sound, "SELECT page_size FROM pragma_page_size");
    g_autofree char *copy2_path = test_tmp_path (dir, "copy2.lpplan");

    memset (contents + (page - 1) * page_size, 0, page_size);
    g_assert_true (g_file_set_contents (path, contents, length, NULL));
    copy = lp_plan_create (copy2_path, &error);
    g_assert_no_error (error);
    db = lp_plan_get_db (copy);
    g_assert_true (lp_recover_rows (path, db, &report, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (report_rows (&report, "practice"), ==, 56);
    g_assert_cmpint (report_rows (&report, "plan_info"), ==, 15);
    g_assert_cmpint (sql_int (db, "SELECT count(*) FROM practice WHERE ods_code = 'X06K01'"), ==, 0);
    report_clear (&report);
    lp_plan_close (copy);
  }
  test_rm_rf (dir);
}

/* A table whose columns the file holds in another order than this build
 * (rebuilt by another program): read page by page (the header damaged),
 * each value goes to its column by name, from the file's own CREATE TABLE,
 * the INTEGER PRIMARY KEY from the rowid. */
static void
test_columns_by_name (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *sound = damaged_plan_copy_file (sample_plan (), dir, "reordered.lpplan");
  g_autofree char *path = g_build_filename (dir, "reordered-damaged.lpplan", NULL);
  g_autofree char *copy_path = test_tmp_path (dir, "copy.lpplan");
  g_autofree char *made = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) copy = NULL;
  LpRepairReport report = { 0 };
  gsize length;
  gint64 extra, missing;
  sqlite3 *db;

  test_sql_on_file (sound,
                    "PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON;"
                    "CREATE TABLE locality_new (notes TEXT NOT NULL DEFAULT '', code TEXT UNIQUE,"
                    "  name TEXT NOT NULL UNIQUE, id INTEGER PRIMARY KEY NOT NULL);"
                    "INSERT INTO locality_new (notes, code, name, id) SELECT notes, code, name, id FROM locality;"
                    "DROP TABLE locality; ALTER TABLE locality_new RENAME TO locality");
  g_assert_cmpint (test_sql_int (sound, "SELECT cid FROM pragma_table_info ('locality') WHERE name = 'id'"), ==, 3);
  g_assert_true (g_file_get_contents (sound, &contents, &length, NULL));
  for (guint i = 0; i < 16; i++)
    contents[i] ^= 0x5a;
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  copy = lp_plan_create (copy_path, &error);
  g_assert_no_error (error);
  db = lp_plan_get_db (copy);
  made = damaged_plan_copy_file (copy_path, dir, "made.lpplan");
  g_assert_true (lp_recover_rows (path, db, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report_rows (&report, "locality"), ==, 6);
  attach_source (db, NULL, made);
  compare_rows (db, "locality", &extra, &missing);
  g_assert_cmpint (extra, ==, 0);
  g_assert_cmpint (missing, ==, 0);
  g_assert_true (lp_sqlite_exec (db, "DETACH s; DETACH n", NULL));
  report_clear (&report);
  lp_plan_close (copy);
  test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  guint n;
  const Corruption *corpus;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recover/sound", test_sound);
  g_test_add_func ("/recover/overflow", test_overflow);
  g_test_add_func ("/recover/columns-by-name", test_columns_by_name);
  g_test_add_func ("/recover/older-version", test_older_version);
  corpus = corrupt_plans (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("/recover/corrupt/%s", corpus[i].name);

      g_autofree char *repair = g_strdup_printf ("/recover/repair/%s", corpus[i].name);

      g_test_add_data_func (name, &corpus[i], test_corrupt);
      g_test_add_data_func (repair, &corpus[i], test_repair);
    }
  return g_test_run ();
}
