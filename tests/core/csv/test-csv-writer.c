/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one CSV writer (lp-csv-writer.h), field by field: quoting, the
 * guard against spreadsheet formulas and how a reader undoes it, REALs
 * that read back as the same double, NULL apart from "". */
#include <math.h>
#include <string.h>

#include "core-test-util.h"

/* One whole field read back as RFC 4180 says, independently of the
 * writer: quotes around it removed and doubled quotes undone. */
static char *
read_field (const char *text)
{
  gsize length = strlen (text);
  GString *field = g_string_new (NULL);

  if (text[0] != '"')
    {
      g_assert_null (strpbrk (text, ",\"\r\n"));
      return g_string_free (g_string_append (field, text), FALSE);
    }
  g_assert_cmpuint (length, >=, 2);
  g_assert_cmpint (text[length - 1], ==, '"');
  for (gsize i = 1; i < length - 1; i++)
    {
      if (text[i] == '"')
        g_assert_cmpint (text[++i], ==, '"');
      g_string_append_c (field, text[i]);
    }
  return g_string_free (field, FALSE);
}

/* What LP_IMPORT_PLAN_TABLE does to a text field: drop the one ' that
 * the writer put before a character that a spreadsheet would act on. */
static char *
unguard (const char *field)
{
  if (field[0] == '\'' && field[1] != '\0' && strchr ("=+-@'\t\r", field[1]) != NULL)
    return g_strdup (field + 1);
  return g_strdup (field);
}

static const struct {
  const char *value;
  const char *as_text;
  const char *as_number;
} escape_cases[] = {
  { "", "\"\"", "\"\"" },
  { "Stevenage", "Stevenage", "Stevenage" },
  { "Lister House, Stevenage", "\"Lister House, Stevenage\"", "\"Lister House, Stevenage\"" },
  { "The \"Old\" Surgery", "\"The \"\"Old\"\" Surgery\"", "\"The \"\"Old\"\" Surgery\"" },
  { "\"", "\"\"\"\"", "\"\"\"\"" },
  { "two\nlines", "\"two\nlines\"", "\"two\nlines\"" },
  { "two\r\nlines", "\"two\r\nlines\"", "\"two\r\nlines\"" },
  { " leading", "\" leading\"", "\" leading\"" },
  { "trailing ", "\"trailing \"", "\"trailing \"" },
  { "Bishop’s Stortford £", "Bishop’s Stortford £", "Bishop’s Stortford £" },
  { "it's", "it's", "it's" },
  { "=SUM(A1:A9)", "'=SUM(A1:A9)", "=SUM(A1:A9)" },
  { "+44 1438 000000", "'+44 1438 000000", "+44 1438 000000" },
  { "-5", "'-5", "-5" },
  { "@cmd", "'@cmd", "@cmd" },
  { "\t=1", "'\t=1", "\t=1" },
  { "'quoted", "''quoted", "'quoted" },
  { "'", "''", "'" },
  { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
    "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
  { "\r=1", "\"'\r=1\"", "\"\r=1\"" },
  { " =1", "\" =1\"", "\" =1\"" },
  { "a=b", "a=b", "a=b" },
  { "Smith-Jones", "Smith-Jones", "Smith-Jones" },
};

static void
test_escape (void)
{
  g_autofree char *null_text = lp_csv_escape (NULL, LP_CSV_FIELD_TEXT);

  g_assert_cmpstr (null_text, ==, "");
  for (gsize i = 0; i < G_N_ELEMENTS (escape_cases); i++)
    {
      g_autofree char *text = lp_csv_escape (escape_cases[i].value, LP_CSV_FIELD_TEXT);
      g_autofree char *number = lp_csv_escape (escape_cases[i].value, LP_CSV_FIELD_NUMBER);
      g_autofree char *field = read_field (text);
      g_autofree char *back = unguard (field);

      g_assert_cmpstr (text, ==, escape_cases[i].as_text);
      g_assert_cmpstr (number, ==, escape_cases[i].as_number);
      /* Read back and unguarded, every text is what was written. */
      g_assert_cmpstr (back, ==, escape_cases[i].value);
    }
}

static void
assert_round_trip (double value)
{
  g_autofree char *text = lp_csv_format_double (value);

  g_assert_true (g_ascii_strtod (text, NULL) == value);
  /* Never read as an integer, nor as text in a comma-decimal locale. */
  g_assert_nonnull (strpbrk (text, ".en"));
  g_assert_null (strchr (text, ','));
}

static void
test_format_double (void)
{
  static const struct {
    double value;
    const char *text;
  } cases[] = {
    { 0.5, "0.5" }, { 2.0, "2.0" }, { 2.22, "2.22" }, { 1.2, "1.2" },
    { -0.0, "-0.0" }, { 1e300, "1e+300" }, { 123456.789, "123456.789" },
    { 1e-7, "1e-07" }, { 1.0 / 3.0, "0.3333333333333333" }, { 20.0, "20.0" },
    { -40.0, "-40.0" }, { 1234567.0, "1234567.0" }, { 1e15, "1000000000000000.0" },
    { 1e21, "1e+21" }, { 29.219184, "29.219184" },
  };
  volatile double tenth = 0.1;  /* kept from being folded into 0.3 */

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lp_csv_format_double (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
      assert_round_trip (cases[i].value);
    }
  assert_round_trip (tenth + 0.2);
  for (int i = 0; i < 20000; i++)
    {
      guint64 bits = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();
      double value;

      memcpy (&value, &bits, sizeof value);
      if (isfinite (value))
        assert_round_trip (value);
      assert_round_trip (g_test_rand_double_range (-1e6, 1e6));
    }
}

static void
test_writer (void)
{
  g_autoptr(LpCsvWriter) writer = lp_csv_writer_new (NULL, LP_CSV_WRITER_BOM);
  g_autofree char *text = NULL;

  lp_csv_writer_add_text (writer, "name");
  lp_csv_writer_add_text (writer, "value");
  lp_csv_writer_add_text (writer, "count");
  g_assert_true (lp_csv_writer_end_record (writer, NULL));
  lp_csv_writer_add_null (writer);
  lp_csv_writer_add_double (writer, 0.25);
  lp_csv_writer_add_int (writer, -5);
  g_assert_true (lp_csv_writer_end_record (writer, NULL));
  lp_csv_writer_add_text (writer, "");
  lp_csv_writer_add_text (writer, NULL);
  lp_csv_writer_add_field (writer, "12", LP_CSV_FIELD_NUMBER);
  g_assert_true (lp_csv_writer_end_record (writer, NULL));
  text = lp_csv_writer_steal_text (writer);

  g_assert_cmpstr (text, ==, "\xef\xbb\xbfname,value,count\r\n,0.25,-5\r\n\"\",,12\r\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-writer/escape", test_escape);
  g_test_add_func ("/csv-writer/format-double", test_format_double);
  g_test_add_func ("/csv-writer/writer", test_writer);

  return g_test_run ();
}
