/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Figures and dates follow the user's locale; with no locale chosen (C),
 * the NHS's own conventions.  The locales are compiled for the test with
 * localedef into a folder of its own (LOCPATH), so nothing on the machine
 * is changed and the test does not depend on which locales are installed. */
#include <locale.h>

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
  g_autofree char *tenths = lp_format_tenths (2.5);
  g_autofree char *percent = lp_format_percent_bp (1330);
  g_autofree char *date = lp_format_date ("2019-03-31");
  g_autofree char *iso = NULL;
  g_autoptr(GError) error = NULL;
  gint64 number = 0;
  double decimal = 0;

  g_assert_true (lp_parse_count ("List size", count, &number, &error));
  g_assert_cmpint (number, ==, 596907);
  g_assert_true (lp_parse_pounds ("Value", pounds, &number, &error));
  g_assert_cmpint (number, ==, 221961000);
  g_assert_true (lp_parse_decimal ("FTE", tenths, 0, &decimal, &error));
  g_assert_cmpfloat (decimal, ==, 2.5);
  g_assert_true (lp_parse_percent_bp ("Growth", percent, &number, &error));
  g_assert_cmpint (number, ==, 1330);
  iso = lp_parse_date ("Start", date, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (iso, ==, "2019-03-31");
  /* The NHS's own forms are read in every locale. */
  g_clear_pointer (&iso, g_free);
  iso = lp_parse_date ("Start", "2019-03-31", &error);
  g_assert_cmpstr (iso, ==, "2019-03-31");
  g_assert_true (lp_parse_count ("List size", "596,907", &number, &error));
  g_assert_cmpint (number, ==, 596907);
  g_assert_true (lp_parse_decimal ("FTE", "2.5", 0, &decimal, &error));
  g_assert_cmpfloat (decimal, ==, 2.5);
}

static void
test_plain_locale (void)
{
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  assert_formats ("596,907", "-£221,961,000", "1,234.6", "13.3%", "31/03/2019");
  assert_reads_back ();
}

static void
test_welsh (void)
{
  if (!use_locale ("cy_GB"))
    return g_test_skip ("localedef cannot build cy_GB here (no locales package)");
  assert_formats ("596,907", "-£221,961,000", "1,234.6", "13.3%", "31.03.2019");
  assert_reads_back ();
}

static void
test_german (void)
{
  if (!use_locale ("de_DE"))
    return g_test_skip ("localedef cannot build de_DE here (no locales package)");
  /* Pounds stay pounds: the figures are NHS England's whatever the reader's locale. */
  assert_formats ("596.907", "-£221.961.000", "1.234,6", "13,3%", "31.03.2019");
  assert_reads_back ();
}

static void
test_us_english (void)
{
  if (!use_locale ("en_US"))
    return g_test_skip ("localedef cannot build en_US here (no locales package)");
  /* A two-digit year would be ambiguous in a plan spanning decades. */
  assert_formats ("596,907", "-£221,961,000", "1,234.6", "13.3%", "03/31/2019");
  assert_reads_back ();
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  locale_dir = test_tmp_dir ();
  g_setenv ("LOCPATH", locale_dir, TRUE);
  g_test_add_func ("/format/plain-locale", test_plain_locale);
  g_test_add_func ("/format/cy_GB", test_welsh);
  g_test_add_func ("/format/de_DE", test_german);
  g_test_add_func ("/format/en_US", test_us_english);
  status = g_test_run ();
  test_rm_rf (locale_dir);
  return status;
}
