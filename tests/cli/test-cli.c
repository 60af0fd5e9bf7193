/* SPDX-License-Identifier: GPL-3.0-or-later */
/* locality-planner-cli as a user or a script meets it: the built tool,
 * run on the built sample plan and on plans made here. */
#include "config.h"

#include <string.h>

#include "cli-test-util.h"

static void
test_help (void)
{
  static const char *const spellings[] = { "--help", "-h", "help" };
  static const char *const names[] = {
    "new PLAN", "info PLAN", "check PLAN", "list localities|practices|contracts PLAN [--csv]",
    "sample DATA_DIR PLAN [--replace]", "help", "--version",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autoptr(CliRun) run = cli_run (spellings[i], NULL);

      g_assert_cmpint (run->status, ==, 0);
      g_assert_cmpstr (run->err, ==, "");
      g_assert_true (g_str_has_prefix (run->out, "Usage: locality-planner-cli COMMAND"));
      for (gsize j = 0; j < G_N_ELEMENTS (names); j++)
        g_assert_nonnull (strstr (run->out, names[j]));
    }
}

/* COMMAND --help shows that command alone; an unknown one is an error. */
static void
test_command_help (void)
{
  g_autoptr(CliRun) model = cli_run ("model", "--help", NULL);
  g_autoptr(CliRun) unknown = cli_run ("frobnicate", "--help", NULL);

  g_assert_cmpint (model->status, ==, 0);
  g_assert_true (g_str_has_prefix (model->out, "Usage: locality-planner-cli model PLAN [--locality NAME]"));
  g_assert_nonnull (strstr (model->out, "per month, week or year"));
  g_assert_null (strstr (model->out, "Commands and options"));
  g_assert_cmpint (unknown->status, ==, 2);
  g_assert_cmpstr (unknown->err, ==, "locality-planner-cli: unknown command “frobnicate”; see --help\n");
}

static void
test_version (void)
{
  g_autoptr(CliRun) run = cli_run ("--version", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "locality-planner-cli " PACKAGE_VERSION "\n");
}

static void
test_usage_errors (void)
{
  static const struct {
    const char *args[4];
    const char *message;
  } cases[] = {
    { { "foo" }, "locality-planner-cli: unknown command “foo”; see --help\n" },
    { { NULL }, "locality-planner-cli: no command given; see --help\n" },
    { { "info" }, "locality-planner-cli: missing argument; usage: locality-planner-cli info PLAN\n" },
    { { "list", "localities" }, "missing argument; usage: locality-planner-cli list " },
    { { "info", "a.lpplan", "b.lpplan" }, "too many arguments; usage: " },
    { { "info", "a.lpplan", "--frobnicate" }, "locality-planner-cli: unknown option “--frobnicate”; see --help\n" },
    { { "info", "a.lpplan", "--csv" }, "“info” does not take the option “--csv”" },
    { { "new", "a.lpplan", "--replace" }, "“new” does not take the option “--replace”" },
    { { "list", "widgets", "a.lpplan" }, "cannot list “widgets”: choose localities, practices or contracts" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CliRun) run = cli_runv (cases[i].args);

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, run->err);
      cli_assert_one_line_error (run, cases[i].message);
    }
}

/* Looking must not create: a mistyped name stays an error, not a new plan. */
static void
test_open_missing_file (void)
{
  static const char *const commands[] = { "info", "check" };
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "nowhere.lpplan", NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(CliRun) run = cli_run (commands[i], path, NULL);

      cli_assert_one_line_error (run, "nowhere.lpplan");
    }
  {
    g_autoptr(CliRun) run = cli_run ("list", "practices", path, "--csv", NULL);

    cli_assert_one_line_error (run, "nowhere.lpplan");
  }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_open_not_a_plan (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "x.lpplan", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "Practice,List size\nE81001,9000\n", -1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CliRun) info = cli_run ("info", path, NULL);
    g_autoptr(CliRun) check = cli_run ("check", path, NULL);
    g_autoptr(CliRun) list = cli_run ("list", "localities", path, NULL);

    cli_assert_one_line_error (info, "not a Locality Planner plan");
    cli_assert_one_line_error (check, "not a Locality Planner plan");
    cli_assert_one_line_error (list, "not a Locality Planner plan");
  }
}

static void
test_new_then_info (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.lpplan", NULL);
  g_autoptr(CliRun) created = cli_run ("new", path, NULL);
  g_autoptr(CliRun) info = NULL;
  g_autofree char *version = NULL;
  g_autofree char *practices = NULL;
  g_autofree char *value = NULL;

  g_assert_cmpint (created->status, ==, 0);
  g_assert_cmpstr (created->err, ==, "");
  g_assert_true (g_str_has_prefix (created->out, "Created empty plan "));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  info = cli_run ("info", path, NULL);
  g_assert_cmpint (info->status, ==, 0);
  g_assert_cmpstr (info->err, ==, "");
  version = cli_info_value (info->out, "Schema version:");
  practices = cli_info_value (info->out, "Practices:");
  value = cli_info_value (info->out, "Total contract value:");
  g_assert_cmpstr (version, ==, "9");
  g_assert_cmpstr (practices, ==, "0");
  g_assert_cmpstr (value, ==, "£0");
}

/* `new` must never overwrite: the existing plan is someone's work. */
static void
test_new_existing_file (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *path = cli_copy_sample (dir, "work.lpplan");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  g_autoptr(CliRun) run = NULL;

  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));
  run = cli_run ("new", path, NULL);
  cli_assert_one_line_error (run, "work.lpplan");
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
}

static void
assert_info_value (const char *out,
                   const char *label,
                   const char *expected)
{
  g_autofree char *value = cli_info_value (out, label);

  g_assert_cmpstr (value, ==, expected);
}

static void
test_info_sample (void)
{
  g_autoptr(CliRun) run = cli_run ("info", cli_sample_plan (), NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  assert_info_value (run->out, "Schema version:", "9");
  assert_info_value (run->out, "Localities:", "6");
  assert_info_value (run->out, "Practices:", "57");
  assert_info_value (run->out, "Registered patients:", "596,907");
  assert_info_value (run->out, "Contracts:", "11");
  assert_info_value (run->out, "Total contract value:", "£505,666,000");
  /* The table counts come from the database itself. */
  assert_info_value (run->out, "locality", "6");
  assert_info_value (run->out, "practice", "57");
  assert_info_value (run->out, "contract", "11");
}

static void
test_sample_build (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *data_dir = g_build_filename (g_getenv ("LP_SOURCE_ROOT"), "data", "sample", NULL);
  g_autofree char *path = g_build_filename (dir, "sample.lpplan", NULL);
  g_autoptr(CliRun) first = cli_run ("sample", data_dir, path, NULL);
  g_autoptr(CliRun) again = cli_run ("sample", data_dir, path, NULL);
  g_autoptr(CliRun) replaced = cli_run ("sample", data_dir, path, "--replace", NULL);
  g_autoptr(GPtrArray) rows = cli_list_csv ("localities", path);

  g_assert_cmpint (first->status, ==, 0);
  cli_assert_one_line_error (again, "sample.lpplan");
  g_assert_cmpint (replaced->status, ==, 0);
  g_assert_cmpstr (replaced->err, ==, "");
  g_assert_cmpuint (rows->len, ==, 1 + 6);
}

/* A failed build leaves nothing that the next build could take for a
 * finished sample plan. */
static void
test_sample_bad_data_dir (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "sample.lpplan", NULL);
  g_autoptr(CliRun) run = cli_run ("sample", dir, path, "--replace", NULL);

  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "locality-planner-cli: "));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/command-help", test_command_help);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/usage/errors", test_usage_errors);
  g_test_add_func ("/cli/open/missing-file", test_open_missing_file);
  g_test_add_func ("/cli/open/not-a-plan", test_open_not_a_plan);
  g_test_add_func ("/cli/new/then-info", test_new_then_info);
  g_test_add_func ("/cli/new/existing-file", test_new_existing_file);
  g_test_add_func ("/cli/info/sample", test_info_sample);
  g_test_add_func ("/cli/sample/build", test_sample_build);
  g_test_add_func ("/cli/sample/bad-data-dir", test_sample_bad_data_dir);

  return g_test_run ();
}
