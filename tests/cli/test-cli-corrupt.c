/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command-line tool on plan files SQLite itself finds corrupt (the
 * corrupt corpus of tests/common): check reports the damage with exit
 * status 1 (an empty file: status 2, not a plan), info refuses the file saying it is damaged; neither crashes
 * (cli_runv asserts a normal exit) nor changes the file. */
#include <string.h>

#include "cli-test-util.h"
#include "test-damaged-plans.h"

static void
test_corrupt (gconstpointer data)
{
  const Corruption *c = data;
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *path = corrupt_plan_make (cli_sample_plan (), dir, c);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *before = cli_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(CliRun) check = cli_run ("check", path, NULL);
  g_autoptr(CliRun) info = cli_run ("info", path, NULL);

  g_test_message ("check said:\n%s%s", check->out, check->err);
  if (c->how == CORRUPT_TRUNCATE && c->bytes == 0 && c->page_sql == NULL)
    {
      /* SQLite sees an empty database in an empty file: no plan to check
       * (status 2, as for any file that is not a plan), and it says so. */
      g_assert_cmpint (check->status, ==, 2);
      g_assert_nonnull (strstr (check->err, "is not a Locality Planner plan: it is empty (0 bytes long)"));
    }
  else
    {
      /* Damaged, or the pages SQLite found wrong. */
      g_assert_cmpint (check->status, ==, 1);
      g_assert_true (g_str_has_prefix (check->out, "error: "));
      g_assert_true (strstr (check->out, "damaged") != NULL || strstr (check->out, "integrity") != NULL);
    }

  g_test_message ("info said:\n%s", info->err);
  g_assert_cmpint (info->status, ==, 2);
  g_assert_nonnull (strstr (info->err, base));
  g_assert_null (strstr (info->err, "another program"));
  g_assert_null (strstr (info->err, "not a database"));
  if (c->bytes != 0 || c->page_sql != NULL)
    g_assert_nonnull (strstr (info->err, "is damaged and cannot be opened"));

  after = cli_file_checksum (path);
  g_assert_cmpstr (after, ==, before);
}

int
main (int    argc,
      char **argv)
{
  guint n;
  const Corruption *corpus;

  g_test_init (&argc, &argv, NULL);
  corpus = corrupt_plans (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("/cli/corrupt/%s", corpus[i].name);

      g_test_add_data_func (name, &corpus[i], test_corrupt);
    }
  return g_test_run ();
}
