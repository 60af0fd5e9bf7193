/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CLI's table writer on text that the sample plan does not hold:
 * commas, quotes, would-be formulas, missing values, wide and combining
 * characters, escape sequences. */
#include "config.h"

#include <string.h>

#include "lp-cli-table.h"

static void
test_csv_table (void)
{
  g_autoptr(LpCliTable) table = lp_cli_table_new (LP_CLI_OUTPUT_CSV);
  g_autofree char *text = NULL;

  lp_cli_table_add_column (table, "Name", LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, "Patients", LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, "Value (£)", LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, "Date", LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_text (table, "Lister House, Stevenage");
  lp_cli_table_add_count (table, 116154);
  lp_cli_table_add_pounds (table, 221961000);
  lp_cli_table_add_date (table, "2018-04-01");
  lp_cli_table_add_text (table, "=cmd|' /C calc'!A0");
  lp_cli_table_add_count (table, -5);
  lp_cli_table_add_pounds (table, -1234);
  lp_cli_table_add_date (table, NULL);
  lp_cli_table_add_text (table, "");
  lp_cli_table_add_text (table, NULL);
  lp_cli_table_add_text (table, " padded ");
  lp_cli_table_add_date (table, "2019-03-31");
  text = lp_cli_table_to_string (table);

  /* The same writer as the exports (tests/core/export/test-export.c has the
   * escaping rules case by case): "" is quoted, a missing value is not. */
  g_assert_cmpstr (text, ==,
                   "Name,Patients,Value (£),Date\r\n"
                   "\"Lister House, Stevenage\",116154,221961000,2018-04-01\r\n"
                   "'=cmd|' /C calc'!A0,-5,-1234,\r\n"
                   "\"\",,\" padded \",2019-03-31\r\n");
}

/* Figures for a spreadsheet: unrounded, in their shortest exact form,
 * with a point whatever the locale; one decimal for people. */
static void
test_csv_figures (void)
{
  g_autoptr(LpCliTable) csv = lp_cli_table_new (LP_CLI_OUTPUT_CSV);
  g_autoptr(LpCliTable) human = lp_cli_table_new (LP_CLI_OUTPUT_HUMAN);
  volatile double tenth = 0.1;  /* kept from being folded into 0.3 */
  g_autofree char *csv_text = NULL;
  g_autofree char *human_text = NULL;

  lp_cli_table_add_column (csv, "Figure", LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (human, "Figure", LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_tenths (csv, 29.219184);
  lp_cli_table_add_tenths (csv, 20.0);
  lp_cli_table_add_tenths (csv, tenth + 0.2);
  lp_cli_table_add_optional_tenths (csv, TRUE, -0.5);
  lp_cli_table_add_tenths (human, 29.219184);
  csv_text = lp_cli_table_to_string (csv);
  human_text = lp_cli_table_to_string (human);

  g_assert_cmpstr (csv_text, ==, "Figure\r\n29.219184\r\n20\r\n0.30000000000000004\r\n-0.5\r\n");
  g_assert_nonnull (strstr (human_text, "29.2\n"));
}

static void
test_display_width (void)
{
  static const struct {
    const char *text;
    gsize width;
  } cases[] = {
    { "", 0 },
    { "Stevenage", 9 },
    { "Caf\xc3\xa9", 4 },        /* é precomposed */
    { "Cafe\xcc\x81", 4 },       /* e + combining acute */
    { "東京", 4 },                /* two wide characters */
    { "£221,961,000", 12 },
    { "\xff\xfe", 2 },           /* not UTF-8: one column a byte */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (lp_cli_display_width (cases[i].text), ==, cases[i].width);
}

/* Text pads on the right, numbers on the left, by display width, and no
 * line has trailing spaces. */
static void
test_human_alignment (void)
{
  g_autoptr(LpCliTable) table = lp_cli_table_new (LP_CLI_OUTPUT_HUMAN);
  g_autofree char *text = NULL;

  lp_cli_table_add_column (table, "Name", LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, "Patients", LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_column (table, "Start", LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_text (table, "Cafe\xcc\x81");
  lp_cli_table_add_count (table, 1234);
  lp_cli_table_add_date (table, "2017-04-01");
  lp_cli_table_add_text (table, "東京");
  lp_cli_table_add_count (table, 596907);
  lp_cli_table_add_text (table, NULL);
  lp_cli_table_add_text (table, "Long name here");
  lp_cli_table_add_pounds (table, 12);
  lp_cli_table_add_text (table, "x");
  text = lp_cli_table_to_string (table);

  g_assert_cmpstr (text, ==,
                   "Name            Patients  Start\n"
                   "Cafe\xcc\x81               1,234  01/04/2017\n"
                   "東京             596,907\n"
                   "Long name here       £12  x\n");
}

static void
test_human_no_header (void)
{
  g_autoptr(LpCliTable) table = lp_cli_table_new (LP_CLI_OUTPUT_HUMAN);
  g_autofree char *text = NULL;

  lp_cli_table_add_column (table, NULL, LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, NULL, LP_CLI_COLUMN_NUMBER);
  lp_cli_table_add_text (table, "Practices:");
  lp_cli_table_add_count (table, 57);
  lp_cli_table_add_text (table, "Registered patients:");
  lp_cli_table_add_count (table, 596907);
  text = lp_cli_table_to_string (table);

  g_assert_cmpstr (text, ==,
                   "Practices:                 57\n"
                   "Registered patients:  596,907\n");
}

/* A name in a plan made elsewhere must not break the layout nor send
 * escape sequences to the user's terminal. */
static void
test_human_control_characters (void)
{
  g_autoptr(LpCliTable) table = lp_cli_table_new (LP_CLI_OUTPUT_HUMAN);
  g_autofree char *text = NULL;

  lp_cli_table_add_column (table, "Name", LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_column (table, "Code", LP_CLI_COLUMN_TEXT);
  lp_cli_table_add_text (table, "red\x1b[31m\nline\xc2\x9b");
  lp_cli_table_add_text (table, "E8\xff" "1");
  text = lp_cli_table_to_string (table);

  g_assert_cmpstr (text, ==,
                   "Name            Code\n"
                   "red [31m line   E8\xef\xbf\xbd" "1\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/table/csv-table", test_csv_table);
  g_test_add_func ("/cli/table/csv-figures", test_csv_figures);
  g_test_add_func ("/cli/table/display-width", test_display_width);
  g_test_add_func ("/cli/table/human-alignment", test_human_alignment);
  g_test_add_func ("/cli/table/human-no-header", test_human_no_header);
  g_test_add_func ("/cli/table/human-control-characters", test_human_control_characters);

  return g_test_run ();
}
