/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Parsing and checking what a user typed or a file held, and formatting
 * figures back.  Every refusal must be LP_PLAN_ERROR_INVALID with a
 * message that names the field and the value. */
#include <string.h>

#include "core-test-util.h"
#include "lp-core.h"

typedef struct {
  const char *text;
  gint64      expected;
} IntCase;

typedef struct {
  const char *text;
  const char *expected;
} StrCase;

/* Checks the error of a refused value: its domain and code, and that the
 * message names @field and @value (unless @value is empty). */
static void
assert_invalid (GError     *error,
                const char *field,
                const char *value)
{
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, field));
  if (value != NULL && *value != '\0')
    g_assert_nonnull (strstr (error->message, value));
}

static void
test_parse_count (void)
{
  static const IntCase good[] = {
    { "12", 12 },
    { "1,234", 1234 },
    { " 7 ", 7 },
    { "0", 0 },
    { "\t42\n", 42 },
    { "596,907", 596907 },
    { "12,345", 12345 },
    { "123,456", 123456 },
    { "1,234,567", 1234567 },
    { "1234567", 1234567 },
    { "007", 7 },
    { "999,999,999,999", G_GINT64_CONSTANT (999999999999) },
  };
  static const char * const bad[] = {
    "12a", "-1", "1.5", "", "   ", "+5", "1e3", "1 234", "twelve",
    /* Grouping commas only between groups of three digits. */
    "1,23,4", "1,5", "12,34", "1,2345", "1234,567", "1,23,456",
    ",123", "123,", "1,,234", ",",
    /* Too big for a 64-bit count: refused, not wrapped. */
    "99999999999999999999",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -1;

      g_test_message ("count “%s”", good[i].text);
      g_assert_true (lp_parse_count ("List size", good[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, good[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *trimmed = g_strstrip (g_strdup (bad[i]));
      g_autofree char *expected =
        g_strdup_printf ("List size must be a whole number of 0 or more, not “%s”", trimmed);
      gint64 value = -1;

      g_test_message ("count “%s”", bad[i]);
      g_assert_false (lp_parse_count ("List size", bad[i], &value, &error));
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

static void
test_parse_count_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) null_error = NULL;
  gint64 value = 0;

  g_assert_false (lp_parse_count ("List size", "12a", &value, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "List size must be a whole number of 0 or more, not “12a”");

  /* No text is refused like empty text, not a crash. */
  g_assert_false (lp_parse_count ("Headcount", NULL, &value, &null_error));
  g_assert_error (null_error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (null_error->message, ==, "Headcount must be a whole number of 0 or more, not “”");

  /* A caller that does not want the error still gets FALSE. */
  g_assert_false (lp_parse_count ("List size", "x", &value, NULL));
}

static void
test_parse_pounds (void)
{
  static const IntCase good[] = {
    { "£221,961,000", 221961000 },
    { "221961000", 221961000 },
    { "1,200.00", 1200 },
    { "£1,200.00", 1200 },
    { " £5 ", 5 },
    { "0", 0 },
    { "£0.00", 0 },
  };
  static const char * const bad[] = {
    "12.50", "£-5", "-5", "abc", "", "£", ".00", "£.00", "1,200.5", "1,200.0",
    "£1,2", "5.00.00", "£ 5", "5£", "$5", "1,23,400",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -1;

      g_test_message ("pounds “%s”", good[i].text);
      g_assert_true (lp_parse_pounds ("Contract value", good[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, good[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected =
        g_strdup_printf ("Contract value must be an amount in whole pounds, such as 1,250,000, not “%s”", bad[i]);
      gint64 value = -1;

      g_test_message ("pounds “%s”", bad[i]);
      g_assert_false (lp_parse_pounds ("Contract value", bad[i], &value, &error));
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

static void
test_parse_date (void)
{
  static const StrCase good[] = {
    { "31/03/2019", "2019-03-31" },
    { "2019-03-31", "2019-03-31" },
    { "20190331", "2019-03-31" },
    { " 01/04/2020 ", "2020-04-01" },
    { "1/4/2020", "2020-04-01" },
    { "29/02/2020", "2020-02-29" },
    { "20200229", "2020-02-29" },
  };
  static const char * const bad[] = {
    "31/02/2018", "2018-13-01", "yesterday", "", "29/02/2019", "20190229",
    "20191301", "31/03/19", "2019/03/31", "31-03-2019", "31/03/2019x",
    "03/31/2019", "2019-3-31", "01/01/1899", "00/01/2019",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      g_test_message ("date “%s”", good[i].text);
      iso = lp_parse_date ("Start date", good[i].text, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, good[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected =
        g_strdup_printf ("Start date: “%s” is not a real date (use DD/MM/YYYY or YYYY-MM-DD)", bad[i]);
      g_autofree char *iso = NULL;

      g_test_message ("date “%s”", bad[i]);
      iso = lp_parse_date ("Start date", bad[i], &error);
      g_assert_null (iso);
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

static void
test_validate_date (void)
{
  static const char * const good[] = {
    "2019-03-31", "2020-02-29", "1900-01-01", "2200-12-31",
  };
  static const char * const not_iso[] = {
    "31/03/2019", "20190331", "2019-3-31", "2019-03-31 ", "2019/03/31", "", "yyyy-mm-dd",
  };
  static const char * const not_real[] = {
    "2018-02-31", "2019-02-29", "2018-13-01", "2018-00-10", "2018-01-00",
    "1899-12-31", "2201-01-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("ISO date “%s”", good[i]);
      g_assert_true (lp_validate_date ("Start date", good[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_iso); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected =
        g_strdup_printf ("Start date must be a date written YYYY-MM-DD, not “%s”", not_iso[i]);

      g_test_message ("ISO date “%s”", not_iso[i]);
      g_assert_false (lp_validate_date ("Start date", not_iso[i], &error));
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_real); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("Start date: “%s” is not a real date", not_real[i]);

      g_test_message ("ISO date “%s”", not_real[i]);
      g_assert_false (lp_validate_date ("Start date", not_real[i], &error));
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (lp_validate_date ("End date", NULL, &error));
    g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "End date must be a date written YYYY-MM-DD, not “”");
  }
}

static char *
repeat (const char *unit,
        guint       times)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (text, unit);
  return g_string_free (text, FALSE);
}

typedef struct {
  const char *value;
  gboolean    required;
  const char *message;   /* NULL if accepted */
} TextCase;

static void
test_validate_text (void)
{
  static const TextCase cases[] = {
    { "Riverside Practice", TRUE, NULL },
    { "", FALSE, NULL },
    { "   ", FALSE, NULL },
    { NULL, FALSE, NULL },
    { "", TRUE, "Name must not be empty" },
    { "  \t\n ", TRUE, "Name must not be empty" },
    { NULL, TRUE, "Name must be given" },
    { "line one\nline two\tand a tab", TRUE, NULL },
    { "bell\x07", TRUE, "Name contains a control character; remove it" },
    { "escape \x1b[31m", TRUE, "Name contains a control character; remove it" },
    { "delete\x7f", TRUE, "Name contains a control character; remove it" },
    { "C1 \xc2\x85 control", TRUE, "Name contains a control character; remove it" },
    { "caf\xe9", TRUE, "Name is not valid text (it is not UTF-8)" },
    { "\xff\xfe", FALSE, "Name is not valid text (it is not UTF-8)" },
    { "overlong \xc0\xaf", TRUE, "Name is not valid text (it is not UTF-8)" },
    /* Legitimate text that merely looks like code: accepted as it is. */
    { "'); DROP TABLE practice;--", TRUE, NULL },
    { "=HYPERLINK(\"x\")", TRUE, NULL },
    { "Practice – Dr O’Brien & Partners (Ünïcode)", TRUE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_test_message ("text case %u", i);
      ok = lp_validate_text ("Name", cases[i].value, cases[i].required, LP_NAME_MAX_CHARS, &error);
      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
          g_assert_cmpstr (error->message, ==, cases[i].message);
        }
    }
}

/* The limit counts characters: "é" is two bytes but one character. */
static void
test_validate_text_length (void)
{
  g_autofree char *at_limit = repeat ("é", LP_NAME_MAX_CHARS);
  g_autofree char *too_long = repeat ("é", LP_NAME_MAX_CHARS + 1);
  g_autofree char *ascii_too_long = repeat ("a", LP_NAME_MAX_CHARS + 1);
  g_autofree char *expected =
    g_strdup_printf ("Name is too long (%d characters; at most %d)", LP_NAME_MAX_CHARS + 1, LP_NAME_MAX_CHARS);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) ascii_error = NULL;

  g_assert_cmpuint (strlen (at_limit), ==, 2 * LP_NAME_MAX_CHARS);
  g_assert_true (lp_validate_text ("Name", at_limit, TRUE, LP_NAME_MAX_CHARS, &error));
  g_assert_no_error (error);

  g_assert_false (lp_validate_text ("Name", too_long, TRUE, LP_NAME_MAX_CHARS, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);

  g_assert_false (lp_validate_text ("Name", ascii_too_long, FALSE, LP_NAME_MAX_CHARS, &ascii_error));
  g_assert_error (ascii_error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (ascii_error->message, ==, expected);
}

static void
test_normalise_ods_code (void)
{
  static const StrCase good[] = {
    { "d81047 ", "D81047" },
    { "  y01234", "Y01234" },
    { "D81047", "D81047" },
    { "abc", "ABC" },
    { "A1234567", "A1234567" },
  };
  static const char * const bad[] = {
    "A8400!", "AB", "TOOLONGCODE", "", "   ", "D8 1047", "D81047\xc3\xa9", "D81-047", "A123456789",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *code = lp_normalise_ods_code ("Practice code", good[i].text, &error);

      g_test_message ("ODS code “%s”", good[i].text);
      g_assert_no_error (error);
      g_assert_cmpstr (code, ==, good[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *code = lp_normalise_ods_code ("Practice code", bad[i], &error);
      g_autofree char *expected =
        g_strdup_printf ("Practice code “%s” is not valid: use 3 to 8 letters and digits, for example D81047", bad[i]);

      g_test_message ("ODS code “%s”", bad[i]);
      g_assert_null (code);
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *code = lp_normalise_ods_code ("Practice code", NULL, &error);

    g_assert_null (code);
    g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "Practice code must be given");
  }
}

static void
test_parse_percent_bp (void)
{
  static const IntCase good[] = {
    { "13.3", 1330 },
    { "-2.9", -290 },
    { "0.1", 10 },
    { "21", 2100 },
    { "21%", 2100 },
    { "5.05", 505 },
    { "0", 0 },
    { "-0", 0 },
    { "100", 10000 },
    { "0.01", 1 },
    { "-0.05", -5 },
    { " 7.25 ", 725 },
    { "12.5%", 1250 },
    { "1,000", 100000 },
    { "1,000,000", 100000000 },
  };
  static const char * const bad[] = {
    "1.234", "abc", "", "1..2", "-", "%", "5.", ".5", "-.5", "1.2.3", "--1", "+5",
    "1e2", "5%%", "1,5", "1,000,001", "2.-9", "3.a",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 bp = G_MININT64;

      g_test_message ("percent “%s”", good[i].text);
      g_assert_true (lp_parse_percent_bp ("Uplift", good[i].text, &bp, &error));
      g_assert_no_error (error);
      g_assert_cmpint (bp, ==, good[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected =
        g_strdup_printf ("Uplift must be a percentage with at most two decimals, such as 13.3, not “%s”", bad[i]);
      gint64 bp = 0;

      g_test_message ("percent “%s”", bad[i]);
      g_assert_false (lp_parse_percent_bp ("Uplift", bad[i], &bp, &error));
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

typedef struct {
  const char *text;
  double      minimum;
  double      expected;
} DecimalCase;

static void
test_parse_decimal (void)
{
  /* Values exact in binary, so == is a fair comparison. */
  static const DecimalCase good[] = {
    { "1.25", 0, 1.25 },
    { " 0.5 ", 0, 0.5 },
    { "0", 0, 0 },
    { "2", 1, 2 },
    { "1", 1, 1 },
    { "-1.5", -2, -1.5 },
  };
  static const struct { const char *text; double minimum; const char *message; } bad[] = {
    { "abc", 0, "FTE must be a number such as 1.5, not “abc”" },
    { "", 0, "FTE must be a number such as 1.5, not “”" },
    { "1,5", 0, "FTE must be a number such as 1.5, not “1,5”" },
    { "1.5x", 0, "FTE must be a number such as 1.5, not “1.5x”" },
    { "inf", 0, "FTE must be a number such as 1.5, not “inf”" },
    { "nan", 0, "FTE must be a number such as 1.5, not “nan”" },
    { "-0.5", 0, "FTE must be 0 or more, not “-0.5”" },
    { "0.5", 1, "FTE must be 1 or more, not “0.5”" },
    { "0.99", 1, "FTE must be 1 or more, not “0.99”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = -99;

      g_test_message ("decimal “%s”", good[i].text);
      g_assert_true (lp_parse_decimal ("FTE", good[i].text, good[i].minimum, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (value, ==, good[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = -99;

      g_test_message ("decimal “%s”", bad[i].text);
      g_assert_false (lp_parse_decimal ("FTE", bad[i].text, bad[i].minimum, &value, &error));
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, bad[i].message);
      g_assert_cmpfloat (value, ==, -99);
    }
}

/* A forecast outturn as the Activity Plan shows it ("12,345.0") or as a
 * commissioner types it; a comma not before three digits is a mistake,
 * and the message quotes what was typed. */
static void
test_parse_decimal_grouped (void)
{
  static const struct { const char *text; gboolean ok; double value; const char *message; } cases[] = {
    { "61,080", TRUE, 61080, NULL },
    { "61080", TRUE, 61080, NULL },
    { "1234.5", TRUE, 1234.5, NULL },
    { "12,345.0", TRUE, 12345, NULL },
    { " 1,234,567 ", TRUE, 1234567, NULL },
    { "0", TRUE, 0, NULL },
    { "1,2", FALSE, 0, "Outturn must be a number such as 1.5, not “1,2”" },
    { "12,34.5", FALSE, 0, "Outturn must be a number such as 1.5, not “12,34.5”" },
    { "abc", FALSE, 0, "Outturn must be a number such as 1.5, not “abc”" },
    { "", FALSE, 0, "Outturn must be a number such as 1.5, not “”" },
    { "-1", FALSE, 0, "Outturn must be 0 or more, not “-1”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = -99;
      gboolean ok = lp_parse_decimal_grouped ("Outturn", cases[i].text, 0, &value, &error);

      g_test_message ("outturn “%s”", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpfloat (value, ==, cases[i].value);
        }
      else
        {
          g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
          g_assert_cmpstr (error->message, ==, cases[i].message);
          g_assert_cmpfloat (value, ==, -99);
        }
    }
}

static void
test_text_is_blank (void)
{
  g_assert_true (lp_text_is_blank (NULL));
  g_assert_true (lp_text_is_blank (""));
  g_assert_true (lp_text_is_blank (" \t\n"));
  g_assert_false (lp_text_is_blank (" 0 "));
}

/* A message for each refused value names the field and the value. */
static void
test_messages_name_field_and_value (void)
{
  g_autoptr(GError) count = NULL;
  g_autoptr(GError) pounds = NULL;
  g_autoptr(GError) date = NULL;
  g_autoptr(GError) code = NULL;
  g_autoptr(GError) percent = NULL;
  g_autoptr(GError) decimal = NULL;
  g_autofree char *no_code = NULL;
  g_autofree char *no_date = NULL;
  gint64 n;
  double d;

  g_assert_false (lp_parse_count ("Registered patients", "12a", &n, &count));
  assert_invalid (count, "Registered patients", "12a");
  g_assert_false (lp_parse_pounds ("QIPP saving", "£12.50", &n, &pounds));
  assert_invalid (pounds, "QIPP saving", "£12.50");
  no_date = lp_parse_date ("Contract end", "31/02/2018", &date);
  assert_invalid (date, "Contract end", "31/02/2018");
  no_code = lp_normalise_ods_code ("Practice code", "A8400!", &code);
  assert_invalid (code, "Practice code", "A8400!");
  g_assert_false (lp_parse_percent_bp ("Growth", "1..2", &n, &percent));
  assert_invalid (percent, "Growth", "1..2");
  g_assert_false (lp_parse_decimal ("GP FTE", "one", 0, &d, &decimal));
  assert_invalid (decimal, "GP FTE", "one");
}

static void
test_format_count (void)
{
  static const struct { gint64 value; const char *expected; } cases[] = {
    { 0, "0" },
    { 7, "7" },
    { 999, "999" },
    { 1000, "1,000" },
    { 12345, "12,345" },
    { 100000, "100,000" },
    { 596907, "596,907" },
    { -1, "-1" },
    { -999, "-999" },
    { -1234, "-1,234" },
    { 1234567890, "1,234,567,890" },
    { G_MAXINT64, "9,223,372,036,854,775,807" },
    { G_MININT64, "-9,223,372,036,854,775,808" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lp_format_count (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_pounds (void)
{
  static const struct { gint64 value; const char *expected; } cases[] = {
    { 221961000, "£221,961,000" },
    { 0, "£0" },
    { 999, "£999" },
    { 1250000, "£1,250,000" },
    { -1234, "-£1,234" },
    { -5, "-£5" },
    { G_MAXINT64, "£9,223,372,036,854,775,807" },
    { G_MININT64, "-£9,223,372,036,854,775,808" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lp_format_pounds (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_date (void)
{
  static const StrCase cases[] = {
    { "2019-03-31", "31/03/2019" },
    { "2020-02-29", "29/02/2020" },
    /* Not YYYY-MM-DD: shown as it is. */
    { "31/03/2019", "31/03/2019" },
    { "", "" },
    { "soon", "soon" },
  };
  g_autofree char *null_date = lp_format_date (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lp_format_date (cases[i].text);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  g_assert_cmpstr (null_date, ==, "");
}

/* What is parsed, formatted and parsed again is unchanged. */
static void
test_round_trip (void)
{
  static const gint64 counts[] = { 0, 999, 1000, 596907, 1234567890 };
  static const char * const dates[] = { "2019-03-31", "2020-02-29", "1900-01-01" };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *count = lp_format_count (counts[i]);
      g_autofree char *pounds = lp_format_pounds (counts[i]);
      gint64 value = -1;

      g_assert_true (lp_parse_count ("Count", count, &value, NULL));
      g_assert_cmpint (value, ==, counts[i]);
      value = -1;
      g_assert_true (lp_parse_pounds ("Pounds", pounds, &value, NULL));
      g_assert_cmpint (value, ==, counts[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *shown = lp_format_date (dates[i]);
      g_autofree char *parsed = lp_parse_date ("Date", shown, NULL);

      g_assert_cmpstr (parsed, ==, dates[i]);
    }
}

static void
test_format_tenths (void)
{
  static const struct { double value; const char *text; } cases[] = {
    { 0.0, "0.0" }, { 5.5, "5.5" }, { 1.26923, "1.3" }, { 241.45, "241.5" },
    { 1234.56, "1,234.6" }, { -2.04, "-2.0" }, { -0.04, "0.0" }, { 1000000.0, "1,000,000.0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lp_format_tenths (cases[i].value);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
  {
    g_autofree char *share = lp_format_share (0.18516);
    g_autofree char *whole = lp_format_share (1.0);
    g_autofree char *growth = lp_format_percent_bp (1330);
    g_autofree char *fall = lp_format_percent_bp (-290);
    g_autofree char *fine = lp_format_percent_bp (375);
    g_autofree char *none = lp_format_percent_bp (0);
    g_assert_cmpstr (share, ==, "18.5%");
    g_assert_cmpstr (whole, ==, "100.0%");
    g_assert_cmpstr (growth, ==, "13.3%");
    g_assert_cmpstr (fall, ==, "-2.9%");
    g_assert_cmpstr (fine, ==, "3.75%");
    g_assert_cmpstr (none, ==, "0.0%");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/parse-count", test_parse_count);
  g_test_add_func ("/validate/parse-count/message", test_parse_count_message);
  g_test_add_func ("/validate/parse-pounds", test_parse_pounds);
  g_test_add_func ("/validate/parse-date", test_parse_date);
  g_test_add_func ("/validate/date", test_validate_date);
  g_test_add_func ("/validate/text", test_validate_text);
  g_test_add_func ("/validate/text/length", test_validate_text_length);
  g_test_add_func ("/validate/ods-code", test_normalise_ods_code);
  g_test_add_func ("/validate/parse-percent-bp", test_parse_percent_bp);
  g_test_add_func ("/validate/parse-decimal", test_parse_decimal);
  g_test_add_func ("/validate/parse-decimal-grouped", test_parse_decimal_grouped);
  g_test_add_func ("/validate/text-is-blank", test_text_is_blank);
  g_test_add_func ("/validate/messages", test_messages_name_field_and_value);
  g_test_add_func ("/format/tenths", test_format_tenths);
  g_test_add_func ("/format/count", test_format_count);
  g_test_add_func ("/format/pounds", test_format_pounds);
  g_test_add_func ("/format/date", test_format_date);
  g_test_add_func ("/format/round-trip", test_round_trip);

  return g_test_run ();
}
