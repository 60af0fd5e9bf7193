/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Figures and dates follow the user's locale; with no locale chosen (C),
 * the NHS's own conventions.  The locales are compiled for the test with
 * localedef into a folder of its own (LOCPATH), so nothing on the machine
 * is changed and the test does not depend on which locales are installed. */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "core-test-util.h"

static char *locale_dir;

/* Compiles @name (e.g. "de_DE") as UTF-8; FALSE if the system has no
 * source for it. */
static gboolean
use_locale (const char *name)
{
  g_autofree char *full = g_strconcat (name, ".UTF-8", NULL);
  g_autofree char *target = g_build_filename (locale_dir, full, NULL);
  const char *argv[] = { "localedef", "-i", name, "-f", "UTF-8", target, NULL };
  int status = -1;

  if (!g_file_test (target, G_FILE_TEST_IS_DIR) &&
      (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                      G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) ||
       !g_spawn_check_wait_status (status, NULL)))
    return FALSE;
  return setlocale (LC_ALL, full) != NULL;
}

static void
assert_formats (const char *count, const char *pounds, const char *tenths,
                const char *percent, const char *date)
{
  g_autofree char *c = lp_format_count (596907);
  g_autofree char *p = lp_format_pounds (-221961000);
  g_autofree char *t = lp_format_tenths (1234.56);
  g_autofree char *b = lp_format_percent_bp (1330);
  g_autofree char *d = lp_format_date ("2019-03-31");

  g_assert_cmpstr (c, ==, count);
  g_assert_cmpstr (p, ==, pounds);
  g_assert_cmpstr (t, ==, tenths);
  g_assert_cmpstr (b, ==, percent);
  g_assert_cmpstr (d, ==, date);
}

/* What the app shows, typed back into a form, gives the same figure. */
static void
assert_reads_back (void)
{
  g_autofree char *count = lp_format_count (596907);
  g_autofree char *pounds = lp_format_pounds (221961000);
  g_autofree char *tenths = lp_format_tenths (1234.5);
  g_autofree char *percent = lp_format_percent_bp (1330);
  g_autofree char *date = lp_format_date ("2019-04-12");
  g_autofree char *iso = NULL;
  g_autoptr(GError) error = NULL;
  gint64 number = 0;
  double decimal = 0;

  g_assert_true (lp_parse_count ("List size", count, &number, &error));
  g_assert_cmpint (number, ==, 596907);
  g_assert_true (lp_parse_pounds ("Value", pounds, &number, &error));
  g_assert_cmpint (number, ==, 221961000);
  g_assert_true (lp_parse_decimal ("FTE", tenths, 0, &decimal, &error));
  g_assert_cmpfloat (decimal, ==, 1234.5);
  g_assert_true (lp_parse_percent_bp ("Growth", percent, &number, &error));
  g_assert_cmpint (number, ==, 1330);
  iso = lp_parse_date ("Start", date, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (iso, ==, "2019-04-12");
}

/* In every locale: ISO dates, DD/MM/YYYY day first (12/04/2019 is 12
 * April, whatever the locale writes), and a full stop as the decimal
 * point, as the app's own fields and the NHS's files write them. */
static void
assert_reads_nhs_forms (void)
{
  g_autofree char *iso = lp_parse_date ("Start", "2019-04-12", NULL);
  g_autofree char *day_first = lp_parse_date ("Start", "12/04/2019", NULL);
  double decimal = 0;

  g_assert_cmpstr (iso, ==, "2019-04-12");
  g_assert_cmpstr (day_first, ==, "2019-04-12");
  g_assert_true (lp_parse_decimal ("FTE", "2.5", 0, &decimal, NULL));
  g_assert_cmpfloat (decimal, ==, 2.5);
}

static void
test_plain_locale (void)
{
  gint64 number = 0;
  double decimal = 0;

  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  assert_formats ("596,907", "-£221,961,000", "1,234.6", "13.3%", "31/03/2019");
  assert_reads_back ();
  assert_reads_nhs_forms ();
  /* "1,5" is more likely a decimal comma than fifteen: refused. */
  g_assert_false (lp_parse_count ("List size", "1,5", &number, NULL));
  g_assert_false (lp_parse_decimal ("FTE", "1,5", 0, &decimal, NULL));
  g_assert_true (lp_parse_decimal ("Activity", "3,600", 0, &decimal, NULL));
  g_assert_cmpfloat (decimal, ==, 3600);
  /* A forecast outturn, as the NHS and this locale write it alike. */
  g_assert_true (lp_parse_decimal_grouped ("Outturn", "61,080", 0, &decimal, NULL));
  g_assert_cmpfloat (decimal, ==, 61080);
  g_assert_true (lp_parse_decimal_grouped ("Outturn", "61080", 0, &decimal, NULL));
  g_assert_cmpfloat (decimal, ==, 61080);
}

static void
test_welsh (void)
{
  if (!use_locale ("cy_GB"))
    return g_test_skip ("localedef cannot build cy_GB here (no locales package)");
  assert_formats ("596,907", "-£221,961,000", "1,234.6", "13.3%", "31.03.2019");
  assert_reads_back ();
  assert_reads_nhs_forms ();
}

static void
test_german (void)
{
  gint64 number = 0;
  double decimal = 0;

  if (!use_locale ("de_DE"))
    return g_test_skip ("localedef cannot build de_DE here (no locales package)");
  /* Pounds stay pounds: the figures are NHS England's whatever the reader's locale. */
  assert_formats ("596.907", "-£221.961.000", "1.234,6", "13,3%", "31.03.2019");
  assert_reads_back ();
  assert_reads_nhs_forms ();
  /* Figures for programs keep the C decimal point whatever the locale. */
  {
    g_autofree char *shortest = lp_format_shortest (29.219184);

    g_assert_cmpstr (shortest, ==, "29.219184");
  }
  /* A comma is the decimal point here, in every kind of field alike. */
  g_assert_true (lp_parse_decimal ("FTE", "1,500", 0, &decimal, NULL));
  g_assert_cmpfloat (decimal, ==, 1.5);
  g_assert_false (lp_parse_count ("List size", "1,500", &number, NULL));
  g_assert_true (lp_parse_count ("List size", "1.500", &number, NULL));
  g_assert_cmpint (number, ==, 1500);
  g_assert_true (lp_parse_decimal ("Activity", "1.500", 0, &decimal, NULL));
  g_assert_cmpfloat (decimal, ==, 1500);
  /* A forecast outturn in the locale's own grouping, plain, or with the
   * NHS's commas and full stop: a comma before three digits and a full
   * stop is no decimal comma.  A comma alone stays the locale's. */
  g_assert_true (lp_parse_decimal_grouped ("Outturn", "61.080", 0, &decimal, NULL));
  g_assert_cmpfloat (decimal, ==, 61080);
  g_assert_true (lp_parse_decimal_grouped ("Outturn", "61080", 0, &decimal, NULL));
  g_assert_cmpfloat (decimal, ==, 61080);
  g_assert_true (lp_parse_decimal_grouped ("Outturn", "61.080,5", 0, &decimal, NULL));
  g_assert_cmpfloat (decimal, ==, 61080.5);
  g_assert_true (lp_parse_decimal_grouped ("Outturn", "61,080.0", 0, &decimal, NULL));
  g_assert_cmpfloat (decimal, ==, 61080);
  g_assert_true (lp_parse_decimal_grouped ("Outturn", "1,234,567", 0, &decimal, NULL));
  g_assert_cmpfloat (decimal, ==, 1234567);
  g_assert_true (lp_parse_decimal_grouped ("Outturn", "61,080", 0, &decimal, NULL));
  g_assert_cmpfloat (decimal, ==, 61.08);
  g_assert_false (lp_parse_decimal_grouped ("Outturn", "61,08.0", 0, &decimal, NULL));
}

static void
test_us_english (void)
{
  g_autofree char *date = NULL;

  if (!use_locale ("en_US"))
    return g_test_skip ("localedef cannot build en_US here (no locales package)");
  /* Month first would make 04/05/2019 two different days: the month is named. */
  assert_formats ("596,907", "-£221,961,000", "1,234.6", "13.3%", "31 Mar 2019");
  assert_reads_back ();
  assert_reads_nhs_forms ();
  date = lp_parse_date ("Start", "13/04/2019", NULL);
  g_assert_cmpstr (date, ==, "2019-04-13");
}

/* No thousands separator of its own and a decimal comma: digits are
 * grouped with a narrow no-break space, never a comma. */
static void
test_bulgarian (void)
{
  double decimal = 0;

  if (!use_locale ("bg_BG"))
    return g_test_skip ("localedef cannot build bg_BG here (no locales package)");
  assert_formats ("596\u202F907", "-£221\u202F961\u202F000", "1\u202F234,6", "13,3%", "31.03.2019");
  assert_reads_back ();
  assert_reads_nhs_forms ();
  g_assert_true (lp_parse_decimal ("FTE", "1\u202F234,5", 0, &decimal, NULL));
  g_assert_cmpfloat (decimal, ==, 1234.5);
  g_assert_true (lp_parse_decimal_grouped ("Outturn", "61\u202F080", 0, &decimal, NULL));
  g_assert_cmpfloat (decimal, ==, 61080);
  g_assert_true (lp_parse_decimal_grouped ("Outturn", "61,080.0", 0, &decimal, NULL));
  g_assert_cmpfloat (decimal, ==, 61080);
}

/* A character set other than UTF-8: the NHS's conventions, never the
 * locale's bytes in a UTF-8 label. */
static void
test_latin1_locale (void)
{
  g_autofree char *target = g_build_filename (locale_dir, "fr_FR.ISO-8859-1", NULL);
  const char *argv[] = { "localedef", "-i", "fr_FR", "-f", "ISO-8859-1", target, NULL };
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL) || setlocale (LC_ALL, "fr_FR.ISO-8859-1") == NULL)
    return g_test_skip ("localedef cannot build fr_FR.ISO-8859-1 here (no locales package)");
  assert_formats ("596,907", "-£221,961,000", "1,234.6", "13.3%", "31/03/2019");
  assert_reads_back ();
}

/* The number of significant digits of a lp_format_shortest() text: the
 * mantissa's digits without leading or trailing zeros. */
static int
significant_digits (const char *text)
{
  g_autofree char *digits = g_strndup (text, strcspn (text, "e"));
  GString *kept = g_string_new (NULL);
  int n;

  for (const char *p = digits; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) && (kept->len > 0 || *p != '0'))
      g_string_append_c (kept, *p);
  while (kept->len > 0 && kept->str[kept->len - 1] == '0')
    g_string_truncate (kept, kept->len - 1);
  n = (int) kept->len;
  g_string_free (kept, TRUE);
  return n;
}

/* Reads back bit for bit, and one significant digit fewer would not. */
static void
assert_shortest (double value)
{
  g_autofree char *text = lp_format_shortest (value);
  double back = g_ascii_strtod (text, NULL);
  int n = significant_digits (text);

  g_assert_true (memcmp (&back, &value, sizeof value) == 0);
  g_assert_null (strchr (text, ','));
  if (n > 1)
    {
      char format[16], fewer[64];

      g_snprintf (format, sizeof format, "%%.%dg", n - 1);
      g_ascii_formatd (fewer, sizeof fewer, format, value);
      if (g_ascii_strtod (fewer, NULL) == value)
        g_error ("“%s” reads back from the shorter “%s”", text, fewer);
    }
}

static void
test_shortest (void)
{
  static const struct {
    double value;
    const char *text;
  } cases[] = {
    { 29.219184, "29.219184" },       /* 17 digits would be 29.219184000000002 */
    { 17907.21, "17907.21" },         /* not 17907.209999999999 */
    { 0.1, "0.1" },
    { 20.0, "20" },                   /* not "2e+01" */
    { -40.5, "-40.5" },
    { 0.0, "0" },
    { -0.0, "-0" },                   /* reads back as -0, bit for bit */
    { 1.0 / 3.0, "0.3333333333333333" },
    { 61080.0, "61080" },
    { 1e15, "1000000000000000" },
    { 1e20, "100000000000000000000" },
    { 1e21, "1e+21" },
    { 123456789012345680.0, "123456789012345680" },
    { 0.000001, "0.000001" },
    { 0.00012, "0.00012" },
    { 1e-7, "1e-07" },
    { 1.7976931348623157e308, "1.7976931348623157e+308" },
    { 5e-324, "5e-324" },
    { 99.96, "99.96" },
    { 9.5, "9.5" },
    { 3082307552481371648.0, "3082307552481371600" },   /* not every digit of the double */
  };
  volatile double tenth = 0.1;  /* kept from being folded into 0.3 */
  g_autofree char *sum = NULL;
  g_autofree char *inf = lp_format_shortest (-INFINITY);
  g_autofree char *nan = lp_format_shortest (NAN);

  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lp_format_shortest (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
      assert_shortest (cases[i].value);
    }
  sum = lp_format_shortest (tenth + 0.2);
  g_assert_cmpstr (sum, ==, "0.30000000000000004");
  g_assert_cmpstr (inf, ==, "-inf");
  g_assert_cmpstr (nan, ==, "nan");
  for (int i = 0; i < 20000; i++)
    {
      guint64 bits = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();
      double value;

      memcpy (&value, &bits, sizeof value);
      if (isfinite (value))
        assert_shortest (value);
      assert_shortest (g_test_rand_double_range (-1e6, 1e6));
      assert_shortest (g_test_rand_int_range (-100000, 100000) / 100.0);
    }
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  locale_dir = test_tmp_dir ();
  g_setenv ("LOCPATH", locale_dir, TRUE);
  g_test_add_func ("/format/plain-locale", test_plain_locale);
  g_test_add_func ("/format/shortest", test_shortest);
  g_test_add_func ("/format/cy_GB", test_welsh);
  g_test_add_func ("/format/de_DE", test_german);
  g_test_add_func ("/format/en_US", test_us_english);
  g_test_add_func ("/format/bg_BG", test_bulgarian);
  g_test_add_func ("/format/fr_FR.ISO-8859-1", test_latin1_locale);
  status = g_test_run ();
  test_rm_rf (locale_dir);
  return status;
}
