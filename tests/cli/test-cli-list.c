/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `list` on the built sample plan, as a table for people and as CSV that
 * a strict reader parses back. */
#include "config.h"

#include <string.h>

#include "cli-test-util.h"

static const struct {
  const char *name;
  const char *practices;
  const char *patients;      /* as people read it */
  const char *patients_raw;  /* as a spreadsheet reads it */
} sample_localities[] = {
  { "North Herts", "12", "116,154", "116154" },
  { "Stevenage", "7", "96,338", "96338" },
  { "Welwyn Hatfield", "10", "121,995", "121995" },
  { "Upper Lea Valley", "15", "125,168", "125168" },
  { "Lower Lea Valley", "8", "75,825", "75825" },
  { "Stort Valley and Villages", "5", "61,427", "61427" },
};

static void
test_list_localities (void)
{
  g_autoptr(CliRun) run = cli_run ("list", "localities", cli_sample_plan (), NULL);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) total = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  for (gsize i = 0; i < G_N_ELEMENTS (sample_localities); i++)
    {
      g_autoptr(GPtrArray) words = cli_find_line (run->out, sample_localities[i].name);

      g_assert_nonnull (words);
      g_assert_cmpuint (words->len, >=, 2);
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 2), ==, sample_localities[i].practices);
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 1), ==, sample_localities[i].patients);
    }
  total = cli_find_line (run->out, "Total");
  g_assert_nonnull (total);
  g_assert_cmpuint (total->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (total, 0), ==, "57");
  g_assert_cmpstr (g_ptr_array_index (total, 1), ==, "596,907");

  /* The last column is right-aligned, so every line ends in one column:
   * header, 6 localities and the total. */
  lines = g_strsplit (run->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 6 + 1 + 1);
  g_assert_true (g_str_has_prefix (lines[0], "Locality "));
  for (guint i = 1; lines[i][0] != '\0'; i++)
    g_assert_cmpint (g_utf8_strlen (lines[i], -1), ==, g_utf8_strlen (lines[0], -1));
}

static void
test_list_localities_csv (void)
{
  g_autoptr(GPtrArray) rows = cli_list_csv ("localities", cli_sample_plan ());
  const char *const header[] = { "Locality", "Code", "Practices", "Registered patients", NULL };

  g_assert_cmpuint (rows->len, ==, 1 + 6);
  g_assert_cmpstrv (g_ptr_array_index (rows, 0), header);
  for (gsize i = 0; i < G_N_ELEMENTS (sample_localities); i++)
    {
      gboolean found = FALSE;

      for (guint r = 1; r < rows->len; r++)
        {
          char **row = g_ptr_array_index (rows, r);

          g_assert_cmpuint (g_strv_length (row), ==, 4);
          if (strcmp (row[0], sample_localities[i].name) != 0)
            continue;
          found = TRUE;
          g_assert_cmpstr (row[2], ==, sample_localities[i].practices);
          g_assert_cmpstr (row[3], ==, sample_localities[i].patients_raw);
        }
      g_assert_true (found);
    }
}

static void
test_list_practices_csv (void)
{
  g_autoptr(GPtrArray) rows = cli_list_csv ("practices", cli_sample_plan ());
  const char *const header[] = {
    "Code", "Name", "Locality", "Postcode", "Status", "Closed on", "List size", "List size date", NULL
  };
  gint64 patients = 0;
  guint in_stevenage = 0;

  g_assert_cmpuint (rows->len, ==, 1 + 57);
  g_assert_cmpstrv (g_ptr_array_index (rows, 0), header);
  for (guint r = 1; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      g_assert_cmpuint (g_strv_length (row), ==, 8);
      /* The sample's practices are all open. */
      g_assert_cmpstr (row[4], ==, "active");
      g_assert_cmpstr (row[5], ==, "");
      patients += g_ascii_strtoll (row[6], NULL, 10);
      in_stevenage += strcmp (row[2], "Stevenage") == 0;
    }
  /* The raw list sizes add up to the localities' total. */
  g_assert_cmpint (patients, ==, 596907);
  g_assert_cmpuint (in_stevenage, ==, 7);
}

/* tests/fixtures/import/epraccur-06k-status.csv closes three of North
 * Herts' twelve practices: X06K02 (12,617 patients) on 2018-08-15, X06K06
 * (10,962) without a date and X06K04 (6,790), dormant.  The sample plan is
 * read as at 2018-10-01, so all three are left out of the counts. */
static void
test_list_closed_practices (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = cli_copy_sample (dir, "closed.lpplan");
  g_autofree char *file = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fixtures", "import",
                                            "epraccur-06k-status.csv", NULL);
  g_autoptr(CliRun) import = cli_run ("import", plan, file, "--commissioner=06K", NULL);
  g_autoptr(CliRun) info = NULL;
  g_autoptr(GPtrArray) practices = NULL;
  g_autoptr(GPtrArray) localities = NULL;
  g_autofree char *count = NULL;
  g_autofree char *closed = NULL;
  guint seen = 0;

  g_assert_cmpint (import->status, ==, 0);
  g_assert_nonnull (strstr (import->out, "imported 8 of 12 rows (ods-epraccur)"));
  g_assert_nonnull (strstr (import->out, "practices: 5 active, 2 closed, 1 dormant, 0 proposed"));

  practices = cli_list_csv ("practices", plan);
  g_assert_cmpuint (practices->len, ==, 1 + 57);
  g_assert_cmpstr (cli_csv_cell (practices, 0, 5), ==, "Closed on");
  for (guint r = 1; r < practices->len; r++)
    {
      const char *code = cli_csv_cell (practices, r, 0);
      const char *status = "active";
      const char *close_date = "";

      if (strcmp (code, "X06K02") == 0)
        status = "closed", close_date = "2018-08-15";
      else if (strcmp (code, "X06K06") == 0)
        status = "closed";
      else if (strcmp (code, "X06K04") == 0)
        status = "dormant";
      seen += strcmp (status, "active") != 0;
      g_assert_cmpstr (cli_csv_cell (practices, r, 4), ==, status);
      g_assert_cmpstr (cli_csv_cell (practices, r, 5), ==, close_date);
    }
  g_assert_cmpuint (seen, ==, 3);

  /* North Herts: 12 - 3 practices, 116,154 - 30,369 patients. */
  localities = cli_list_csv ("localities", plan);
  g_assert_cmpstr (cli_csv_cell (localities, 0, 0), ==, "Locality");
  for (guint r = 1; r < localities->len; r++)
    if (strcmp (cli_csv_cell (localities, r, 0), "North Herts") == 0)
      {
        seen++;
        g_assert_cmpstr (cli_csv_cell (localities, r, 2), ==, "9");
        g_assert_cmpstr (cli_csv_cell (localities, r, 3), ==, "85785");
      }
  g_assert_cmpuint (seen, ==, 3 + 1);

  info = cli_run ("info", plan, NULL);
  count = cli_info_value (info->out, "Practices:");
  closed = cli_info_value (info->out, "Closed or dormant, not counted:");
  g_assert_cmpstr (count, ==, "54");
  g_assert_cmpstr (closed, ==, "3");
}

static void
test_list_contracts (void)
{
  g_autoptr(CliRun) run = cli_run ("list", "contracts", cli_sample_plan (), NULL);
  g_autoptr(GPtrArray) rows = cli_list_csv ("contracts", cli_sample_plan ());
  g_autoptr(GPtrArray) words = NULL;
  gint64 total = 0;

  g_assert_cmpint (run->status, ==, 0);
  words = cli_find_line (run->out, "East and North Hertfordshire NHS Trust");
  g_assert_nonnull (words);
  g_assert_nonnull (strstr (run->out, "£221,961,000"));

  g_assert_cmpuint (rows->len, ==, 1 + 11);
  g_assert_cmpstr (cli_csv_cell (rows, 0, 6), ==, "Annual value (£)");
  for (guint r = 1; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      g_assert_cmpuint (g_strv_length (row), ==, 8);
      total += g_ascii_strtoll (row[6], NULL, 10);
      if (strcmp (row[0], "East and North Hertfordshire NHS Trust") == 0
          && strcmp (row[2], "Acute") == 0)
        g_assert_cmpstr (row[6], ==, "221961000");
    }
  g_assert_cmpint (total, ==, 505666000);
}


int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/list/localities", test_list_localities);
  g_test_add_func ("/cli/list/localities-csv", test_list_localities_csv);
  g_test_add_func ("/cli/list/practices-csv", test_list_practices_csv);
  g_test_add_func ("/cli/list/closed-practices", test_list_closed_practices);
  g_test_add_func ("/cli/list/contracts", test_list_contracts);

  return g_test_run ();
}
