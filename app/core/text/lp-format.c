/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Figures as people read them, in the user's locale (lp-locale.h):
 * 596,907, £221,961,000 and 31/03/2019 in en_GB, 31.03.2019 in cy_GB,
 * 596.907 in de_DE.  The grouping is done here rather than with printf's '
 * flag, so that the C locale (no thousands separator, dates month first)
 * gets the NHS's own conventions instead of bare digits.  One exception,
 * lp_format_shortest(), writes a figure for programs (CSV): locale-free
 * and exact. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lp-format.h"
#include "lp-locale.h"

static char *
lp_format_grouped (guint64 magnitude)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude);
  LpLocaleConventions conventions;
  GString *out = g_string_new (NULL);
  gsize length = strlen (digits);

  lp_locale_get_conventions (&conventions);
  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (out, conventions.thousands);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static const char *
lp_format_decimal_point (LpLocaleConventions *conventions)
{
  lp_locale_get_conventions (conventions);
  return conventions->decimal;
}

/**
 * lp_format_count:
 *
 * Returns: (transfer full): @value with the locale's thousands separators
 *   ("-1,234")
 */
char *
lp_format_count (gint64 value)
{
  g_autofree char *grouped = lp_format_grouped (value < 0 ? (guint64) 0 - (guint64) value : (guint64) value);

  return g_strconcat (value < 0 ? "-" : "", grouped, NULL);
}

/**
 * lp_format_pounds:
 *
 * Returns: (transfer full): whole pounds with a £ sign ("£221,961,000")
 */
char *
lp_format_pounds (gint64 pounds)
{
  /* Not -pounds: that overflows for G_MININT64.  Always pounds sterling,
   * whatever the locale's own currency. */
  g_autofree char *grouped = lp_format_grouped (pounds < 0 ? (guint64) 0 - (guint64) pounds : (guint64) pounds);

  return g_strconcat (pounds < 0 ? "-£" : "£", grouped, NULL);
}

/**
 * lp_format_date:
 *
 * Returns: (transfer full): a YYYY-MM-DD date in the locale's short form
 *   with a four-digit year (31/03/2019 in en_GB, 31.03.2019 in de_DE, and
 *   31 Mar 2019 where the short form is month first); DD/MM/YYYY, as NHS
 *   documents write it, in the C locale; anything that is not a date is
 *   returned unchanged
 */
char *
lp_format_date (const char *iso_date)
{
  LpLocaleConventions conventions;
  char out[64];
  GDate date;

  if (iso_date == NULL || strlen (iso_date) != 10 || iso_date[4] != '-')
    return g_strdup (iso_date != NULL ? iso_date : "");
  lp_locale_get_conventions (&conventions);
  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso_date);
  if (conventions.date_pattern[0] == '\0' || !g_date_valid (&date))
    return g_strdup_printf ("%.2s/%.2s/%.4s", iso_date + 8, iso_date + 5, iso_date);
  if (g_date_strftime (out, sizeof out, conventions.date_pattern, &date) == 0)
    return g_strdup (iso_date);
  return g_strdup (out);
}

/**
 * lp_format_tenths:
 *
 * Returns: (transfer full): @value to one decimal place with thousands
 *   separators ("1,234.5", "0.1", "-2.0"), as the planning tables show
 *   modelled figures
 */
char *
lp_format_tenths (double value)
{
  gint64 tenths = (gint64) llround (fabs (value) * 10.0);
  g_autofree char *whole = lp_format_count (tenths / 10);
  LpLocaleConventions conventions;

  return g_strdup_printf ("%s%s%s%d", value < 0 && tenths != 0 ? "-" : "", whole,
                          lp_format_decimal_point (&conventions), (int) (tenths % 10));
}

/**
 * lp_format_share:
 * @fraction: a share of a whole, 0 to 1
 *
 * Returns: (transfer full): the share as a percentage to one decimal,
 *   "18.5%"
 */
char *
lp_format_share (double fraction)
{
  g_autofree char *tenths = lp_format_tenths (fraction * 100.0);

  return g_strdup_printf ("%s%%", tenths);
}

/**
 * lp_format_percent_bp:
 * @basis_points: hundredths of a percent (1330 is 13.3%)
 *
 * Returns: (transfer full): the percentage with one decimal, or two when
 *   the figure has them: "13.3%", "-2.9%", "3.75%"
 */
char *
lp_format_percent_bp (gint64 basis_points)
{
  guint64 magnitude = basis_points < 0 ? (guint64) 0 - (guint64) basis_points : (guint64) basis_points;
  const char *sign = basis_points < 0 ? "-" : "";

  LpLocaleConventions conventions;
  const char *point = lp_format_decimal_point (&conventions);

  if (magnitude % 10 == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%s%" G_GUINT64_FORMAT "%%", sign,
                            magnitude / 100, point, (magnitude % 100) / 10);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%s%02" G_GUINT64_FORMAT "%%", sign,
                          magnitude / 100, point, magnitude % 100);
}

/* @value through g_ascii_formatd() with @conversion ('e', 'f' or 'g') and
 * @precision: locale-free, whatever LC_NUMERIC says. */
static void
lp_format_ascii (char   *buffer,
                 gsize   size,
                 char    conversion,
                 int     precision,
                 double  value)
{
  char format[16];

  g_snprintf (format, sizeof format, "%%.%d%c", precision, conversion);
  g_ascii_formatd (buffer, size, format, value);
}

static gboolean
lp_format_reads_back (const char *text,
                      double      value)
{
  double back = g_ascii_strtod (text, NULL);

  /* Bit for bit: -0 is not 0. */
  return memcmp (&back, &value, sizeof value) == 0;
}

/* @value's first @digits significant digits (as "%.*e" rounds them) in
 * fixed notation: 3.0823075524813716e+18 is "3082307552481371600", where
 * "%.0f" would write every digit of the double, 3082307552481371648. */
static char *
lp_format_fixed (double value,
                 int    digits)
{
  char scientific[64];
  GString *mantissa = g_string_new (NULL);
  GString *out = g_string_new (value < 0 ? "-" : "");
  const char *e;
  int exponent;

  lp_format_ascii (scientific, sizeof scientific, 'e', digits - 1, value);
  e = strchr (scientific, 'e');
  g_assert (e != NULL);
  exponent = atoi (e + 1);
  for (const char *p = scientific; p < e; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (mantissa, *p);
  if (exponent < 0)
    {
      g_string_append (out, "0.");
      for (int i = -1; i > exponent; i--)
        g_string_append_c (out, '0');
      g_string_append (out, mantissa->str);
    }
  else if ((gsize) exponent + 1 >= mantissa->len)
    {
      g_string_append (out, mantissa->str);
      for (gsize i = mantissa->len; i < (gsize) exponent + 1; i++)
        g_string_append_c (out, '0');
    }
  else
    {
      g_string_append_len (out, mantissa->str, exponent + 1);
      g_string_append_c (out, '.');
      g_string_append (out, mantissa->str + exponent + 1);
    }
  g_string_free (mantissa, TRUE);
  return g_string_free (out, FALSE);
}

/**
 * lp_format_shortest:
 *
 * Returns: (transfer full): @value in the C locale with the fewest
 *   significant digits that g_ascii_strtod() reads back as the same
 *   double, bit for bit: 29.219184 is "29.219184", not the
 *   "29.219184000000002" of 17 digits, and 0.1 + 0.2 is
 *   "0.30000000000000004".  From 1e-6 up to 1e21 the figure is written
 *   without an exponent, as a spreadsheet or a person expects (20 is "20",
 *   not "2e+01"; 0.000001 is "0.000001"); outside that, "1e-07", "1e+21".
 *   -0 is "-0"; infinities and NaN are "inf", "-inf" and "nan".
 */
char *
lp_format_shortest (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  int digits;

  if (isnan (value))
    return g_strdup ("nan");
  if (isinf (value))
    return g_strdup (value < 0 ? "-inf" : "inf");
  /* 17 significant digits always read back (IEEE 754 double). */
  for (digits = 1; digits <= 17; digits++)
    {
      lp_format_ascii (buffer, sizeof buffer, 'g', digits, value);
      if (digits == 17 || lp_format_reads_back (buffer, value))
        break;
    }
  /* %g turns to an exponent when the exponent reaches the digits (20 is
   * "2e+01") or is below -4: the same digits in fixed notation instead,
   * where that is not long. */
  if (strchr (buffer, 'e') != NULL && fabs (value) >= 1e-6 && fabs (value) < 1e21)
    {
      g_autofree char *fixed = lp_format_fixed (value, digits);

      if (lp_format_reads_back (fixed, value))
        return g_steal_pointer (&fixed);
    }
  return g_strdup (buffer);
}
