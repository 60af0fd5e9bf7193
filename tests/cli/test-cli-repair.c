/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `repair PLAN OUT.lpplan [--report FILE]` on plans of the damaged corpus
 * and on the sound sample: each decision a line, a summary, the report
 * file, a copy that `check` passes, and PLAN never changed. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"
#include "test-damaged-plans.h"

static const Damage *
find_damage (const char *name)
{
  guint n;
  const Damage *damages = damaged_plans (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (damages[i].name, name))
      return &damages[i];
  g_assert_not_reached ();
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

typedef struct {
  const char *damage;
  const char *first_line;   /* the first decision */
  guint       n_decisions;
  const char *summary;
} RepairCase;

/* The sample's tables hold 1,042 rows. */
static const RepairCase cases[] = {
  { "list-size-abc",
    "List size of practice X06K01 on 2018-01-01: left out, because patients is 'abc'; "
    "it must be a whole number of 0 or more", 1,
    ": 0 values cleared, 1 row left out; 1,041 rows kept\n" },
  { "workforce-headcount-text",
    "Workforce of practice X06K03, ADMIN_MANAGER on 2018-03-31: headcount cleared (was 'many'), "
    "because it must be a whole number of 0 or more", 1,
    ": 1 value cleared, 0 rows left out; 1,042 rows kept\n" },
  { "scenario-name-twice",
    "Scenario BASE: left out, because name is 'BASE'; it must be unique, but 2 rows have it; "
    "the first of them is kept", 2,
    ": 0 values cleared, 1 row left out, 1 table or index made again; 1,042 rows kept\n" },
};

static void
test_repair_case (gconstpointer data)
{
  const RepairCase *c = data;
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = damaged_plan_make (cli_sample_plan (), dir, find_damage (c->damage));
  g_autofree char *copy = g_build_filename (dir, "repaired.lpplan", NULL);
  g_autofree char *report = g_build_filename (dir, "repair report.txt", NULL);
  g_autofree char *before = cli_file_checksum (plan);
  g_autofree char *after = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CliRun) run = cli_run ("repair", plan, copy, "--report", report, NULL);
  g_autoptr(CliRun) check = NULL;
  g_autoptr(CliRun) again = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  lines = g_strsplit (run->out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, c->first_line);
  /* one line per decision, then the summary */
  g_assert_cmpuint (count_lines (run->out), ==, c->n_decisions + 1);
  summary = g_strdup_printf ("Repaired copy written to %s%s", copy, c->summary);
  g_assert_true (g_str_has_suffix (run->out, summary));

  /* the report holds the same decisions */
  g_assert_true (g_file_get_contents (report, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "Repair of a damaged plan\n"));
  g_assert_nonnull (strstr (text, c->first_line));
  {
    g_autofree char *damaged_line = g_strdup_printf ("\nDamaged plan: %s\n", plan);
    g_assert_nonnull (strstr (text, damaged_line));
  }

  /* the copy passes check; the plan is as it was, and still damaged */
  check = cli_run ("check", copy, NULL);
  g_assert_cmpint (check->status, ==, 0);
  g_assert_null (strstr (check->out, "error:"));
  after = cli_file_checksum (plan);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&check, cli_run_free);
  check = cli_run ("check", plan, NULL);
  g_assert_cmpint (check->status, ==, 1);
  /* the copy's import log has the repair, one note per decision */
  g_assert_cmpint (test_sql_int (copy, "SELECT count (*) FROM import_log WHERE kind = 'repair'"), ==, 1);
  g_assert_cmpint (test_sql_int (copy, "SELECT count (*) FROM import_log_note"), ==, c->n_decisions);

  /* a second repair to the same name is refused, the copy kept */
  {
    g_autofree char *copy_sum = cli_file_checksum (copy);
    g_autofree char *copy_after = NULL;
    g_autofree char *expected = g_strdup_printf ("locality-planner-cli: “repaired.lpplan” already exists; "
                                                 "choose another name for the repaired copy\n");

    again = cli_run ("repair", plan, copy, NULL);
    g_assert_cmpint (again->status, ==, 1);
    g_assert_cmpstr (again->out, ==, "");
    g_assert_cmpstr (again->err, ==, expected);
    copy_after = cli_file_checksum (copy);
    g_assert_cmpstr (copy_sum, ==, copy_after);
  }
}

/* A sound plan: nothing to decide, every row kept. */
static void
test_repair_sound (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = cli_copy_sample (dir, "sound.lpplan");
  g_autofree char *copy = g_build_filename (dir, "copy.lpplan", NULL);
  g_autofree char *before = cli_file_checksum (plan);
  g_autofree char *after = NULL;
  g_autofree char *expected = g_strdup_printf ("Repaired copy written to %s: 0 values cleared, 0 rows left out; "
                                               "1,042 rows kept\n", copy);
  g_autoptr(CliRun) run = cli_run ("repair", plan, copy, NULL);
  g_autoptr(CliRun) check = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpstr (run->out, ==, expected);
  after = cli_file_checksum (plan);
  g_assert_cmpstr (before, ==, after);
  check = cli_run ("check", copy, NULL);
  g_assert_cmpint (check->status, ==, 0);
  g_assert_cmpint (test_sql_int (copy, "SELECT count (*) FROM practice"), ==, 57);
}

/* What cannot be repaired: said on stderr, exit status 1, nothing written. */
static void
test_repair_refused (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = damaged_plan_make (cli_sample_plan (), dir, find_damage ("list-size-abc"));
  g_autofree char *truncated = g_build_filename (dir, "truncated.lpplan", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.lpplan", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(CliRun) same = cli_run ("repair", plan, plan, NULL);
  g_autoptr(CliRun) usage = cli_run ("repair", plan, NULL);
  g_autoptr(CliRun) broken = NULL;

  g_assert_cmpint (same->status, ==, 1);
  g_assert_cmpstr (same->err, ==, "locality-planner-cli: A repair never writes over the plan it repairs; "
                                  "choose another name for the copy\n");
  g_assert_cmpint (usage->status, ==, 2);
  g_assert_nonnull (strstr (usage->err, "missing argument"));

  /* a file SQLite finds damaged: its rows are read out, or it says why not */
  g_assert_true (g_file_get_contents (plan, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (truncated, contents, (gssize) (length / 2), NULL));
  broken = cli_run ("repair", truncated, copy, NULL);
  if (broken->status == 1)
    {
      g_assert_nonnull (strstr (broken->err, "truncated.lpplan"));
      g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
    }
  else
    {
      g_autoptr(CliRun) check = cli_run ("check", copy, NULL);
      g_assert_cmpint (broken->status, ==, 0);
      g_assert_cmpint (check->status, ==, 0);
    }
}

/* A command that refuses a plan as damaged says how to list its problems
 * and repair it. */
static void
test_hint_on_damaged (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = damaged_plan_make (cli_sample_plan (), dir, find_damage ("list-size-null"));
  g_autoptr(CliRun) run = cli_run ("list", "practices", plan, NULL);
  g_autofree char *hint = g_strdup_printf ("\nhint: run “locality-planner-cli check %s” to list its problems and "
                                           "“locality-planner-cli repair %s COPY.lpplan” to repair it into a copy\n",
                                           plan, plan);

  g_test_message ("%s", run->err);
  if (run->status == 0)
    {
      /* opened read-only with its problems listed: nothing to hint */
      g_assert_null (strstr (run->err, "hint:"));
      return;
    }
  g_assert_cmpint (run->status, ==, 2);
  g_assert_true (g_str_has_prefix (run->err, "locality-planner-cli: "));
  g_assert_nonnull (strstr (run->err, "damaged"));
  g_assert_true (g_str_has_suffix (run->err, hint));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/cli/repair/%s", cases[i].damage);
      g_test_add_data_func (name, &cases[i], test_repair_case);
    }
  g_test_add_func ("/cli/repair/sound", test_repair_sound);
  g_test_add_func ("/cli/repair/refused", test_repair_refused);
  g_test_add_func ("/cli/repair/hint-on-damaged", test_hint_on_damaged);
  return g_test_run ();
}
