/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lp_plan_check() finds what a plan edited behind the application's back
 * can get wrong, and passes a sound plan. */
#include <glib/gstdio.h>

#include "core-test-util.h"
#include "lp-check-private.h"

static char *
sound_plan (const char *dir)
{
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  LpLocalityFields locality = { "Stevenage", "ST", NULL };
  gint64 st = lp_plan_add_locality (plan, &locality, NULL);
  LpPracticeFields practice = { "X06K20", "Stevenage Surgery", NULL, st, NULL, NULL };
  gint64 id = lp_plan_add_practice (plan, &practice, NULL);
  LpContractFields contract = { "ENHT", NULL, "Acute", "2017-04-01", "2019-03-31", 0, 100, NULL };

  g_assert_true (lp_plan_set_list_size (plan, id, "2018-01-01", 9000, NULL, NULL));
  g_assert_cmpint (lp_plan_add_contract (plan, &contract, NULL), !=, 0);
  return g_strdup (lp_plan_get_path (plan));
}

/* Opens @path, checks it, and returns the problems as one text. */
static char *
check_text (const char *path,
            guint      *errors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, &error);
  g_autoptr(GPtrArray) problems = NULL;
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  problems = lp_plan_check (plan, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (text, "%s\n", ((LpProblem *) g_ptr_array_index (problems, i))->message);
  *errors = lp_problems_count_errors (problems);
  return g_string_free (text, FALSE);
}

static void
test_sound_plan_passes (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = sound_plan (dir);
  guint errors = 99;
  g_autofree char *text = check_text (path, &errors);

  g_assert_cmpstr (text, ==, "");
  g_assert_cmpuint (errors, ==, 0);
  test_rm_rf (dir);
}

typedef struct {
  const char *name;
  const char *tamper;
  const char *expected;
  const char *expected2;
} Tampering;

static const Tampering tamperings[] = {
  { "deleted-locality", "PRAGMA foreign_keys = OFF; DELETE FROM locality;",
    "Practice X06K20 (table practice): locality_id is ", "; it refers to a locality that does not exist" },
  { "negative-list-size",
    "PRAGMA ignore_check_constraints = ON; UPDATE list_size SET patients = -5;",
    "List size of practice X06K20 on 2018-01-01 (table list_size): patients is -5; "
    "it must be a whole number of 0 or more" },
  { "contract-backwards",
    "PRAGMA ignore_check_constraints = ON; UPDATE contract SET end_date = '2016-03-31';",
    "Contract for Acute with ENHT (table contract): start_date, end_date are '2017-04-01', '2016-03-31'; "
    "end_date must not be before start_date" },
  { "negative-fte",
    "PRAGMA ignore_check_constraints = ON; INSERT INTO workforce_fte (practice_id, role, as_at, fte) "
    "SELECT id, 'GP_PARTNER', '2018-03-31', -2 FROM practice;",
    "Workforce of practice X06K20, GP_PARTNER on 2018-03-31 (table workforce_fte): fte is -2.0; "
    "it must be a number of 0 or more" },
  { "dropped-table", "DROP TABLE reference_figure;", "Table reference_figure is missing from the plan file" },
  { "impossible-age-band",
    "PRAGMA ignore_check_constraints = ON; INSERT INTO age_profile "
    "SELECT '2021-02-31', id, 'male', 'single', NULL, printf ('%576s', '7') FROM practice;",
    "Practice X06K20 has an impossible age profile (extract 2021-02-31, male)" },
  { "no-base-scenario", "PRAGMA foreign_keys = OFF; DELETE FROM scenario;", "The plan has no base scenario" },
};

static void
test_tampering_found (gconstpointer data)
{
  const Tampering *t = data;
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = sound_plan (dir);
  g_autofree char *text = NULL;
  guint errors = 0;

  test_sql_on_file (path, t->tamper);
  if (g_str_equal (t->name, "no-base-scenario"))
    {
      /* Such a plan cannot even be opened: the open says why. */
      g_autoptr(GError) error = NULL;
      g_autoptr(LpPlan) plan = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, &error);
      g_assert_null (plan);
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT);
      g_assert_cmpstr (error->message, ==, "The plan has no base scenario");
      /* but checking the file says so among its problems */
      {
        g_autoptr(GPtrArray) problems = lp_plan_check_file (path, &error);
        gboolean said = FALSE;

        g_assert_nonnull (problems);
        for (guint i = 0; i < problems->len; i++)
          said |= g_str_equal (((LpProblem *) g_ptr_array_index (problems, i))->message,
                               "The plan has no base scenario");
        g_assert_true (said);
      }
      test_rm_rf (dir);
      return;
    }
  text = check_text (path, &errors);
  g_test_message ("%s", text);
  g_assert_cmpuint (errors, >=, 1);
  g_assert_nonnull (strstr (text, t->expected));
  if (t->expected2 != NULL)
    g_assert_nonnull (strstr (text, t->expected2));
  test_rm_rf (dir);
}

static void
test_warnings_are_not_errors (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autofree char *path = g_strdup (lp_plan_get_path (plan));
  LpLocalityFields empty = { "Stort Valley and Villages", NULL, NULL };
  LpPracticeFields lonely = { "X06K99", "Lonely Surgery", NULL, 0, NULL, NULL };
  LpLocalityFields ghost = { "Ghost Town", NULL, NULL };
  LpPracticeFields gone = { "X06K98", "Gone Surgery", NULL, 0, "closed", NULL, "2018-08-15" };
  LpPracticeFields shut = { "X06K97", "Shut Surgery", NULL, 0, "dormant", NULL, NULL };
  g_autofree char *text = NULL;
  guint errors = 99;

  g_assert_cmpint (lp_plan_add_locality (plan, &empty, NULL), !=, 0);
  g_assert_cmpint (lp_plan_add_practice (plan, &lonely, NULL), !=, 0);
  /* Closed practices need no locality or list size, and a locality of
   * closed practices alone has none that count. */
  gone.locality_id = lp_plan_add_locality (plan, &ghost, NULL);
  g_assert_cmpint (gone.locality_id, !=, 0);
  g_assert_cmpint (lp_plan_add_practice (plan, &gone, NULL), !=, 0);
  g_assert_cmpint (lp_plan_add_practice (plan, &shut, NULL), !=, 0);
  g_clear_object (&plan);
  text = check_text (path, &errors);
  g_assert_cmpuint (errors, ==, 0);
  g_assert_nonnull (strstr (text, "Practice X06K99 (Lonely Surgery) is not in any locality"));
  g_assert_nonnull (strstr (text, "Locality Stort Valley and Villages has no practices"));
  g_assert_nonnull (strstr (text, "Practice X06K99 (Lonely Surgery) has no list size"));
  g_assert_nonnull (strstr (text, "Locality Ghost Town has no practices"));
  g_assert_null (strstr (text, "X06K98"));
  g_assert_null (strstr (text, "X06K97"));
  test_rm_rf (dir);
}

typedef struct {
  char *column;
  char *expression;
} CheckExpr;   /* as lp-check-constraints.c's LpCheckExpr */

/* CHECK constraints read out of CREATE TABLE: column ones know their
 * column; parentheses and the word CHECK inside quotes do not count. */
static void
test_split_checks (void)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) checks = lp_check_split_checks (
      "CREATE TABLE \"odd (table\" (\n"
      "  id INTEGER PRIMARY KEY NOT NULL,\n"
      "  note TEXT DEFAULT 'CHECK (no), )' CHECK (note <> ')(' AND length(note) > 0),\n"
      "  \"two words\" REAL NOT NULL check(\"two words\" >= 0) CHECK ( \"two words\" < 10 ),\n"
      "  start_date TEXT, end_date TEXT,\n"
      "  CONSTRAINT ordered CHECK (end_date >= start_date),\n"
      "  UNIQUE (note, start_date)\n"
      ") WITHOUT ROWID", columns);
  const CheckExpr *c;

  g_assert_cmpuint (columns->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (columns, 0), ==, "id");
  g_assert_cmpstr (g_ptr_array_index (columns, 1), ==, "note");
  g_assert_cmpstr (g_ptr_array_index (columns, 2), ==, "two words");
  g_assert_cmpstr (g_ptr_array_index (columns, 4), ==, "end_date");
  g_assert_cmpuint (checks->len, ==, 4);
  c = g_ptr_array_index (checks, 0);
  g_assert_cmpstr (c->column, ==, "note");
  g_assert_cmpstr (c->expression, ==, "note <> ')(' AND length(note) > 0");
  c = g_ptr_array_index (checks, 1);
  g_assert_cmpstr (c->column, ==, "two words");
  g_assert_cmpstr (c->expression, ==, "\"two words\" >= 0");
  c = g_ptr_array_index (checks, 2);
  g_assert_cmpstr (c->expression, ==, "\"two words\" < 10");
  c = g_ptr_array_index (checks, 3);
  g_assert_null (c->column);
  g_assert_cmpstr (c->expression, ==, "end_date >= start_date");
}

/* Every CHECK of the schema has words a user reads, not the SQL. */
static void
test_every_rule_in_words (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  sqlite3_stmt *stmt = NULL;
  guint n_checks = 0;
  g_autoptr(GString) missing = g_string_new (NULL);

  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (lp_plan_get_path (plan), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                   "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
                   -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GPtrArray) checks = lp_check_split_checks ((const char *) sqlite3_column_text (stmt, 0), NULL);

      for (guint i = 0; i < checks->len; i++)
        {
          const CheckExpr *c = g_ptr_array_index (checks, i);
          g_autofree char *words = lp_check_rule_in_words (c->expression, c->column);

          n_checks++;
          if (g_str_has_prefix (words, "breaks the rule"))
            g_string_append_printf (missing, "%s: %s\n", c->column, words);
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_test_message ("%u CHECK constraints", n_checks);
  g_assert_cmpuint (n_checks, >=, 100);
  g_assert_cmpstr (missing->str, ==, "");
  g_clear_object (&plan);
  test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/check/sound-plan", test_sound_plan_passes);
  g_test_add_func ("/check/split-checks", test_split_checks);
  g_test_add_func ("/check/every-rule-in-words", test_every_rule_in_words);
  g_test_add_func ("/check/warnings", test_warnings_are_not_errors);
  for (guint i = 0; i < G_N_ELEMENTS (tamperings); i++)
    {
      g_autofree char *name = g_strdup_printf ("/check/finds/%s", tamperings[i].name);
      g_test_add_data_func (name, &tamperings[i], test_tampering_found);
    }
  return g_test_run ();
}
