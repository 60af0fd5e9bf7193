/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every command of the tool on every plan of the damaged corpus, and on
 * every file of the corrupt one: a plan another program broke, or a file
 * cut short, must give an answer or a message, never a crash.
 * test.sh runs this again with AddressSanitizer and UndefinedBehavior-
 * Sanitizer, whose findings end the tool with a signal or print a report:
 * both fail here. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"
#include "test-damaged-plans.h"

/* One command; PLAN, DIR and FIXTURES stand for the damaged plan, the
 * scratch folder and tests/fixtures/import. */
static const char *const commands[][10] = {
  { "info", "PLAN" },
  { "check", "PLAN" },
  { "list", "localities", "PLAN" },
  { "list", "practices", "PLAN", "--csv" },
  { "list", "contracts", "PLAN" },
  { "model", "PLAN" },
  { "model", "PLAN", "--per", "week", "--compare", "Base" },
  { "model", "PLAN", "--practices", "--csv" },
  { "model", "PLAN", "--base", "registered", "--per", "year" },
  { "access", "PLAN" },
  { "access", "PLAN", "--partial", "--csv" },
  { "workforce", "PLAN" },
  { "workforce", "PLAN", "--group", "GP", "--csv" },
  { "export", "PLAN", "practices", "DIR/practices.csv" },
  { "export", "PLAN", "list_size", "DIR/list_size.csv" },
  { "export", "PLAN", "contracts", "DIR/contracts.xlsx" },
  { "import", "PLAN", "FIXTURES/gp-reg-pat-prac-all.csv", "--dry-run" },
  { "workshop", "PLAN", "DIR/workshop", "--copies", "table-a" },
  { "merge", "PLAN", "DIR/workshop/table-a.lpplan", "--dry-run" },
  { "repair", "PLAN", "DIR/repaired.lpplan", "--report", "DIR/repair.txt" },
};

static char *
expand (const char *arg,
        const char *plan,
        const char *dir)
{
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", "import", NULL);

  if (g_strcmp0 (arg, "PLAN") == 0)
    return g_strdup (plan);
  if (g_str_has_prefix (arg, "DIR/"))
    return g_build_filename (dir, arg + strlen ("DIR/"), NULL);
  if (g_str_has_prefix (arg, "FIXTURES/"))
    return g_build_filename (fixtures, arg + strlen ("FIXTURES/"), NULL);
  return g_strdup (arg);
}

/* A sanitizer that finds something either ends the tool with a signal
 * (cli_runv fails the test then) or, for undefined behaviour, prints a
 * report and exits with a status of its own. */
static void
assert_no_finding (const char *command,
                   CliRun     *run)
{
  if (strstr (run->err, "runtime error:") != NULL ||
      strstr (run->err, "AddressSanitizer") != NULL ||
      strstr (run->err, "LeakSanitizer") != NULL ||
      strstr (run->err, "CRITICAL") != NULL)
    g_error ("%s: %s", command, run->err);
  /* an answer, or a message that says what went wrong */
  g_assert_cmpint (run->status, <=, 2);
  if (run->status != 0 && run->err[0] == '\0' && run->out[0] == '\0')
    g_error ("%s: exit status %d and not a word why", command, run->status);
}

/* Runs every command on @plan, in @dir; the number that refused it. */
static guint
run_every_command (const char *plan,
                   const char *dir)
{
  g_autofree char *workshop = g_build_filename (dir, "workshop", NULL);
  guint n_refused = 0;

  g_assert_cmpint (g_mkdir (workshop, 0755), ==, 0);

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(CliRun) run = NULL;
      g_autofree char *line = NULL;

      for (guint a = 0; commands[c][a] != NULL; a++)
        g_ptr_array_add (args, expand (commands[c][a], plan, dir));
      g_ptr_array_add (args, NULL);
      line = g_strjoinv (" ", (char **) args->pdata);
      run = cli_runv ((const char *const *) args->pdata);
      g_test_message ("%s: exit %d%s%s", line, run->status,
                      run->status != 0 ? ": " : "", run->status != 0 ? (run->err[0] ? run->err : run->out) : "");
      assert_no_finding (line, run);
      n_refused += run->status != 0;
    }
  return n_refused;
}

static void
test_every_command (gconstpointer data)
{
  const Damage *damage = data;
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = damaged_plan_make (cli_sample_plan (), dir, damage);
  guint n_refused = run_every_command (plan, dir);

  /* check always finds the damage */
  {
    g_autoptr(CliRun) run = cli_run ("check", plan, NULL);

    g_assert_cmpint (run->status, ==, 1);
  }
  g_test_message ("%s: %u of %zu commands refused the plan", damage->name, n_refused,
                  G_N_ELEMENTS (commands));
}

/* A file SQLite finds corrupt: every command refuses it in words or, for
 * repair, recovers what it can; none crashes. */
static void
test_every_command_corrupt (gconstpointer data)
{
  const Corruption *corruption = data;
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = corrupt_plan_make (cli_sample_plan (), dir, corruption);
  guint n_refused = run_every_command (plan, dir);

  g_test_message ("%s: %u of %zu commands refused the plan", corruption->name, n_refused,
                  G_N_ELEMENTS (commands));
  /* all but repair, which recovers what can be read */
  g_assert_cmpuint (n_refused, >=, G_N_ELEMENTS (commands) - 1);
}

int
main (int argc, char *argv[])
{
  guint n_damages;
  const Damage *corpus = damaged_plans (&n_damages);
  guint n_corruptions;
  const Corruption *corrupt = corrupt_plans (&n_corruptions);

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < n_damages; i++)
    {
      g_autofree char *name = g_strdup_printf ("/cli/damaged/%s", corpus[i].name);

      g_test_add_data_func (name, &corpus[i], test_every_command);
    }
  for (guint i = 0; i < n_corruptions; i++)
    {
      g_autofree char *name = g_strdup_printf ("/cli/damaged/corrupt/%s", corrupt[i].name);

      g_test_add_data_func (name, &corrupt[i], test_every_command_corrupt);
    }
  return g_test_run ();
}
