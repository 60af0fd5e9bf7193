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
#include "test-damaged-plans.h"

/* The corpus numbers its kinds as the core does. */
G_STATIC_ASSERT ((int) DAMAGE_CHECK == (int) LP_PROBLEM_KIND_CHECK);
G_STATIC_ASSERT ((int) DAMAGE_NOT_NULL == (int) LP_PROBLEM_KIND_NOT_NULL);
G_STATIC_ASSERT ((int) DAMAGE_FOREIGN_KEY == (int) LP_PROBLEM_KIND_FOREIGN_KEY);
G_STATIC_ASSERT ((int) DAMAGE_UNIQUE == (int) LP_PROBLEM_KIND_UNIQUE);

#define PRACTICE(code) "(SELECT id FROM practice WHERE ods_code = '" code "')"

static const char *
sample_plan (void)
{
  const char *path = g_getenv ("LP_SAMPLE_PLAN");

  g_assert_nonnull (path);
  return path;
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
  g_autofree char *path = damaged_plan_make (sample_plan (), dir, d);
  g_autofree char *copy = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GHashTable) check_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_rule_breaks, n_foreign_keys, n_not_null = 0, n_fk = 0, n_unique = 0;
  gboolean found = FALSE;

  copy = damaged_plan_copy_file (path, dir, "writable-copy.lpplan");
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
      if (p->kind == (LpProblemKind) d->kind && g_strcmp0 (p->table, d->table) == 0 &&
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
      g_autofree char *path = damaged_plan_copy_file (sample_plan (), dir, "words.lpplan");
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
  g_autofree char *path = damaged_plan_copy_file (sample_plan (), dir, "sound.lpplan");
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
  guint n_damages;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/check/corpus/sample-sound", test_sample_sound);
  g_test_add_func ("/check/corpus/words", test_words);
  const Damage *corpus = damaged_plans (&n_damages);

  for (guint i = 0; i < n_damages; i++)
    {
      g_autofree char *name = g_strdup_printf ("/check/corpus/%s", corpus[i].name);
      g_test_add_data_func (name, &corpus[i], test_damage_found);
    }
  return g_test_run ();
}
