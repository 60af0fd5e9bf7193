/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Crash safety: a child process imports a large file (or makes a stream
 * of edits) into a plan and is killed with SIGKILL at a random moment;
 * after each kill the plan opens, passes SQLite's integrity check and the
 * app's own check, and holds all of the interrupted import or none of it,
 * and each edit whole or not at all.  The kill points come from a seed
 * that is printed (LP_CRASH_SEED replays a run; LP_CRASH_KILLS sets how
 * many kills each part makes, 30 by default; LP_CRASH_ROWS the size of
 * the import, 20,000 rows by default: the longer variant for
 * benchmarking is e.g. LP_CRASH_KILLS=200 LP_CRASH_ROWS=99999). */
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "core-test-util.h"
#include "lp-plan-private.h"

static GRand *rand_source;
static guint import_rows;
static guint kills;

static void
write_totals_file (const char *path)
{
  g_autoptr(GString) text = g_string_new ("PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,"
                                          "SEX,AGE,NUMBER_OF_PATIENTS\n");

  for (guint i = 0; i < import_rows; i++)
    g_string_append_printf (text, "GP_PRAC_PAT_LIST,01JAN2021,GP,06K,E38000049,Z%05u,SG1 1AA,ALL,ALL,%u\n",
                            i, 1000 + i % 9000);
  test_write_file (path, text->str, (gssize) text->len);
}

/* In the child: import @file into @plan_path; never returns. */
static void G_GNUC_NORETURN
child_import (const char *plan_path,
              const char *file)
{
  LpImportOptions options = { LP_IMPORT_GP_REG_TOTALS, FALSE, TRUE, };
  LpPlan *plan = lp_plan_open (plan_path, LP_PLAN_OPEN_DEFAULT, NULL);
  LpImportReport *report = plan != NULL ? lp_plan_import (plan, file, &options, NULL, NULL, NULL) : NULL;

  _exit (report != NULL && report->rows_imported == import_rows ? 0 : 1);
}

/* Runs @run in a child; kills it after @delay_us unless @delay_us < 0.
 * Returns TRUE if the child had finished by itself. */
static gboolean
run_child (void (*run) (const char *, const char *),
           const char *plan_path,
           const char *argument,
           gint64      delay_us)
{
  pid_t pid;
  int status = 0;

  fflush (stdout);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    run (plan_path, argument);
  if (delay_us >= 0)
    {
      g_usleep ((gulong) delay_us);
      kill (pid, SIGKILL);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return WIFEXITED (status);
}

/* The plan opens (rolling back a half-written transaction from its
 * journal), and both checks find nothing wrong. */
static LpPlan *
open_and_check (const char *plan_path)
{
  g_autoptr(GError) error = NULL;
  LpPlan *plan = lp_plan_open (plan_path, LP_PLAN_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_no_error (error);
  problems = lp_plan_check (plan, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    if (((LpProblem *) g_ptr_array_index (problems, i))->severity == LP_PROBLEM_ERROR)
      g_test_message ("error: %s", ((LpProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (lp_problems_count_errors (problems), ==, 0);
  return plan;
}

static gint64
count (LpPlan     *plan,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (lp_plan_get_db (plan), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
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

/* Kills an import at random moments up to 1.2 times its whole length:
 * afterwards, all 20,000 practices and list sizes, or none. */
static void
test_crash_import (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *base = test_tmp_path (dir, "plan.lpplan");
  g_autofree char *work = test_tmp_path (dir, "work.lpplan");
  g_autofree char *journal = g_strconcat (work, "-journal", NULL);
  g_autofree char *file = test_tmp_path (dir, "gp-reg-pat-prac-all.csv");
  guint all = 0, none = 0;
  gint64 start, whole;

  g_object_unref (test_new_plan (dir));   /* an empty plan: the base each kill starts from */
  write_totals_file (file);
  copy_file (base, work);
  start = g_get_monotonic_time ();
  g_assert_true (run_child ((void (*) (const char *, const char *)) child_import, work, file, -1));
  whole = g_get_monotonic_time () - start;
  g_test_message ("an import of %u rows takes %.0f ms in a child", import_rows, whole / 1000.0);
  for (guint i = 0; i < kills; i++)
    {
      gint64 delay = g_rand_int_range (rand_source, 0, (gint32) MIN (whole * 6 / 5, G_MAXINT32));
      g_autoptr(LpPlan) plan = NULL;
      gint64 practices, sizes;

      copy_file (base, work);
      g_unlink (journal);
      run_child ((void (*) (const char *, const char *)) child_import, work, file, delay);
      plan = open_and_check (work);
      practices = count (plan, "SELECT count(*) FROM practice");
      sizes = count (plan, "SELECT count(*) FROM list_size");
      if (practices != 0 && practices != import_rows)
        g_error ("kill %u at %" G_GINT64_FORMAT " us left %" G_GINT64_FORMAT " practices", i, delay, practices);
      g_assert_cmpint (sizes, ==, practices);
      all += practices == import_rows;
      none += practices == 0;
    }
  g_test_message ("import: %u kill points tried, %u passed (%u left all the rows, %u none)",
                  kills, all + none, all, none);
  test_rm_rf (dir);
}

static const LpPathwayFigures figures_a = { LP_PATHWAY_OVER_HORIZON, 2, { { 3, 300, 30, 0 }, { 5, 500, 50, 0 } } };
static const LpPathwayFigures figures_b = { LP_PATHWAY_PER_YEAR, 2, { { 3, 111, 11, 0 }, { 5, 222, 22, 0 } } };

/* In the child: replace the CCG's Frailty figures, A then B then A...,
 * each a delete and two inserts in one transaction, until killed. */
static void G_GNUC_NORETURN
child_edits (const char *plan_path,
             const char *unused)
{
  LpPlan *plan = lp_plan_open (plan_path, LP_PLAN_OPEN_DEFAULT, NULL);

  for (guint i = 0; plan != NULL; i++)
    if (!lp_plan_set_pathway_figures (plan, 0, "Frailty", LP_LEVEL_CCG, 0, i % 2 ? &figures_b : &figures_a, NULL))
      _exit (1);
  _exit (1);
}

/* Kills a stream of edits at random moments: afterwards the figures are
 * all A's or all B's, never a mixture or a half. */
static void
test_crash_edits (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autofree char *path = g_strdup (lp_plan_get_path (plan));
  guint passed = 0, a = 0, b = 0;

  g_assert_cmpint (sqlite3_exec (lp_plan_get_db (plan),
                                 "INSERT INTO pathway (id, name, category) VALUES (1, 'Frailty', 'inpatient')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (lp_plan_set_pathway_figures (plan, 0, "Frailty", LP_LEVEL_CCG, 0, &figures_a, NULL));
  lp_plan_close (plan);
  g_clear_object (&plan);
  for (guint i = 0; i < kills; i++)
    {
      g_autoptr(LpPlan) after = NULL;
      gint64 rows, from_a, from_b;

      run_child ((void (*) (const char *, const char *)) child_edits, path, NULL,
                 g_rand_int_range (rand_source, 20000, 150000));
      after = open_and_check (path);
      rows = count (after, "SELECT count(*) FROM pathway_change");
      from_a = count (after, "SELECT count(*) FROM pathway_change WHERE period = 'horizon' "
                             "AND activity IN (300, 500)");
      from_b = count (after, "SELECT count(*) FROM pathway_change WHERE period = 'year' AND activity IN (111, 222)");
      if (rows != 2 || (from_a != 2 && from_b != 2))
        g_error ("kill %u left %" G_GINT64_FORMAT " rows (%" G_GINT64_FORMAT " of A, %" G_GINT64_FORMAT " of B)",
                 i, rows, from_a, from_b);
      passed++;
      a += from_a == 2;
      b += from_b == 2;
    }
  g_test_message ("edits: %u kill points tried, %u passed (%u left A, %u left B)", kills, passed, a, b);
  test_rm_rf (dir);
}

#define WRITES 150

/* In a child: WRITES list sizes for the practice with code @code, each in
 * its own transaction, waiting for the other writer when it must. */
static void G_GNUC_NORETURN
child_writes (const char *plan_path,
              const char *code)
{
  LpPlan *plan = lp_plan_open (plan_path, LP_PLAN_OPEN_DEFAULT, NULL);
  gint64 practice = plan != NULL ? lp_plan_find_practice (plan, code) : 0;
  g_autoptr(GDateTime) first = g_date_time_new_utc (2000, 1, 1, 0, 0, 0);

  for (guint i = 0; practice != 0 && i < WRITES; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, (gint) i);
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      g_autoptr(GError) error = NULL;

      if (!lp_plan_set_list_size (plan, practice, date, 1000 + i, NULL, &error))
        {
          g_printerr ("writer %s: %s\n", code, error->message);
          _exit (1);
        }
    }
  _exit (practice != 0 ? 0 : 1);
}

/* Two processes write to one plan at once: both finish (each waits for
 * the other's transaction), and every write of both is there. */
static void
test_two_writers (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autofree char *path = g_strdup (lp_plan_get_path (plan));
  LpPracticeFields a = { "A00001", "A", NULL, 0, NULL, NULL }, b = { "B00001", "B", NULL, 0, NULL, NULL };
  pid_t first, second;
  int status = 0;

  g_assert_cmpint (lp_plan_add_practice (plan, &a, NULL), !=, 0);
  g_assert_cmpint (lp_plan_add_practice (plan, &b, NULL), !=, 0);
  lp_plan_close (plan);
  g_clear_object (&plan);
  fflush (stdout);
  if ((first = fork ()) == 0)
    child_writes (path, "A00001");
  if ((second = fork ()) == 0)
    child_writes (path, "B00001");
  g_assert_cmpint (waitpid (first, &status, 0), ==, first);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpint (waitpid (second, &status, 0), ==, second);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  plan = open_and_check (path);
  g_assert_cmpint (count (plan, "SELECT count(*) FROM list_size"), ==, 2 * WRITES);
  g_test_message ("two writers: %d writes each, all %d there", WRITES, 2 * WRITES);
  lp_plan_close (plan);
  test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  const char *seed_text = g_getenv ("LP_CRASH_SEED");
  const char *kills_text = g_getenv ("LP_CRASH_KILLS");
  const char *rows_text = g_getenv ("LP_CRASH_ROWS");
  guint32 seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10)
                                   : (guint32) g_get_real_time ();

  g_test_init (&argc, &argv, NULL);
  kills = kills_text != NULL ? (guint) g_ascii_strtoull (kills_text, NULL, 10) : 30;
  import_rows = rows_text != NULL ? (guint) g_ascii_strtoull (rows_text, NULL, 10) : 20000;
  if (import_rows == 0 || import_rows > 99999)
    g_error ("LP_CRASH_ROWS must be 1 to 99,999 (practice codes Z00000 to Z99999), not %s", rows_text);
  rand_source = g_rand_new_with_seed (seed);
  printf ("# crash seed %u (replay with LP_CRASH_SEED=%u), %u kills a part, %u rows an import\n",
          seed, seed, kills, import_rows);
  g_test_add_func ("/crash/import", test_crash_import);
  g_test_add_func ("/crash/edits", test_crash_edits);
  g_test_add_func ("/crash/two-writers", test_two_writers);
  return g_test_run ();
}
