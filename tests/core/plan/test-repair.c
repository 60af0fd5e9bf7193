/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Repair into a copy: every plan of the damaged corpus gives a copy that
 * passes check and opens, with every good row kept as it was and each
 * decision in the report and the copy's import log; the damaged file is
 * never changed; refusals leave nothing behind. */
#include <string.h>

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
 * decision's action, table and column (NULL: the whole row). */
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
  { "list-size-abc", LEFT_OUT, "list_size", "patients",
    "List size of practice X06K01 on 2018-01-01: left out, because patients is 'abc'; "
    "it must be a whole number of 0 or more", 1 },
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
  if (e == NULL) g_test_message ("NO EXPECTATION"); else
  {
    const LpRepairStep *first = g_ptr_array_index (report->steps, 0);

    g_assert_cmpint (first->action, ==, e->action);
    g_assert_cmpstr (first->table, ==, e->table);
    g_assert_cmpstr (first->column, ==, e->column);
    if (e->message != NULL)
      g_assert_cmpstr (first->message, ==, e->message);
    g_assert_cmpuint (report->steps->len, ==, e->n_steps);
  }
  /* the copy and the damaged plan, and nothing else */
  g_assert_cmpuint (count_files (dir), ==, 2);
  test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  guint n;
  const Damage *damages = damaged_plans (&n);

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("/repair/corpus/%s", damages[i].name);
      g_test_add_data_func (name, &damages[i], test_damage);
    }
  return g_test_run ();
}
