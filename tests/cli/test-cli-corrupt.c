/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command-line tool on plan files SQLite itself finds corrupt (the
 * corrupt corpus of tests/common): check reports the damage with exit
 * status 1, info refuses the file saying it is damaged; neither crashes
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
  g_assert_cmpint (check->status, ==, 1);
  g_assert_true (g_str_has_prefix (check->out, "error: "));
  /* Damaged, or the pages SQLite found wrong; the empty file says so. */
  if (c->how == CORRUPT_TRUNCATE && c->bytes == 0 && c->page_sql == NULL)
    g_assert_nonnull (strstr (check->out, "is empty (0 bytes long)"));
  else
    g_assert_true (strstr (check->out, "damaged") != NULL || strstr (check->out, "integrity") != NULL);

  g_test_message ("info said:\n%s", info->err);
  g_assert_cmpint (info->status, ==, 2);
  g_assert_nonnull (strstr (info->err, base));
  g_assert_null (strstr (info->err, "another program"));
  g_assert_null (strstr (info->err, "not a database"));

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
