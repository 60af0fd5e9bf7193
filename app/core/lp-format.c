/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Figures as people read them, in the user's locale: 596,907, £221,961,000
 * and 31/03/2019 in en_GB and cy_GB, 596.907 and 31.03.2019 in de_DE.  The
 * grouping is done here rather than with printf's ' flag, so that the C
 * locale (no thousands separator, dates month first) gets the NHS's own
 * conventions instead of bare digits. */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lp-format.h"

/* Whether the locale for @category is C or POSIX (or C.UTF-8): one the
 * user did not choose, which names no conventions of its own. */
static gboolean
lp_format_locale_is_plain (int category)
{
  const char *name = setlocale (category, NULL);

  return name == NULL || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0
         || g_str_has_prefix (name, "C.");
}

/**
 * lp_format_thousands_separator:
 *
 * Returns: (transfer none): the separator between groups of three digits
 *   in the user's locale, "," in the C locale
 */
const char *
lp_format_thousands_separator (void)
{
  const char *separator = localeconv ()->thousands_sep;

  if (lp_format_locale_is_plain (LC_NUMERIC) || separator == NULL || *separator == '\0')
    return ",";
  return separator;
}

/**
 * lp_format_decimal_point:
 *
 * Returns: (transfer none): the user's locale's decimal point
 */
const char *
lp_format_decimal_point (void)
{
  const char *point = localeconv ()->decimal_point;

  return point != NULL && *point != '\0' ? point : ".";
}

static char *
lp_format_grouped (guint64 magnitude)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude);
  const char *separator = lp_format_thousands_separator ();
  GString *out = g_string_new (NULL);
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
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
 *   with a four-digit year (31/03/2019 in en_GB, 31.03.2019 in de_DE);
 *   DD/MM/YYYY, as NHS documents write it, in the C locale; anything that
 *   is not a date is returned unchanged
 */
char *
lp_format_date (const char *iso_date)
{
  g_autofree char *pattern = lp_format_date_pattern ();
  char out[64];
  GDate date;

  if (iso_date == NULL || strlen (iso_date) != 10 || iso_date[4] != '-')
    return g_strdup (iso_date != NULL ? iso_date : "");
  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso_date);
  if (pattern == NULL || !g_date_valid (&date))
    return g_strdup_printf ("%.2s/%.2s/%.4s", iso_date + 8, iso_date + 5, iso_date);
  if (g_date_strftime (out, sizeof out, pattern, &date) == 0)
    return g_strdup (iso_date);
  return g_strdup (out);
}

/**
 * lp_format_date_pattern:
 *
 * Returns: (transfer full) (nullable): the strftime() pattern of the
 *   locale's short date with a four-digit year, or %NULL in the C locale
 *   (where dates are DD/MM/YYYY)
 */
char *
lp_format_date_pattern (void)
{
  GString *pattern;

  if (lp_format_locale_is_plain (LC_TIME))
    return NULL;
  /* Some locales' short dates have two-digit years: 31/03/19 is ambiguous
   * in a plan that spans decades. */
  pattern = g_string_new (nl_langinfo (D_FMT));
  g_string_replace (pattern, "%y", "%Y", 0);
  return g_string_free (pattern, FALSE);
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

  return g_strdup_printf ("%s%s%s%d", value < 0 && tenths != 0 ? "-" : "", whole,
                          lp_format_decimal_point (), (int) (tenths % 10));
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

  const char *point = lp_format_decimal_point ();

  if (magnitude % 10 == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%s%" G_GUINT64_FORMAT "%%", sign,
                            magnitude / 100, point, (magnitude % 100) / 10);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%s%02" G_GUINT64_FORMAT "%%", sign,
                          magnitude / 100, point, magnitude % 100);
}
