/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Figures as people read them: 596,907 and £221,961,000.  The grouping is
 * done here rather than with printf's ' flag so that output does not
 * depend on whether the user's locale defines a thousands separator. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "lp-format.h"

/**
 * lp_format_count:
 *
 * Returns: (transfer full): @value with thousands separators ("-1,234")
 */
char *
lp_format_count (gint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                             value < 0 ? (guint64) 0 - (guint64) value : (guint64) value);
  GString *out = g_string_new (value < 0 ? "-" : "");
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * lp_format_pounds:
 *
 * Returns: (transfer full): whole pounds with a £ sign ("£221,961,000")
 */
char *
lp_format_pounds (gint64 pounds)
{
  /* Not -pounds: that overflows for G_MININT64. */
  g_autofree char *count = lp_format_count (pounds);

  return pounds < 0 ? g_strdup_printf ("-£%s", count + 1) : g_strdup_printf ("£%s", count);
}

/**
 * lp_format_date:
 *
 * Returns: (transfer full): a YYYY-MM-DD date as NHS documents write it,
 *   DD/MM/YYYY; anything else is returned unchanged
 */
char *
lp_format_date (const char *iso_date)
{
  if (iso_date == NULL || strlen (iso_date) != 10 || iso_date[4] != '-')
    return g_strdup (iso_date != NULL ? iso_date : "");
  return g_strdup_printf ("%.2s/%.2s/%.4s", iso_date + 8, iso_date + 5, iso_date);
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

  return g_strdup_printf ("%s%s.%d", value < 0 && tenths != 0 ? "-" : "", whole, (int) (tenths % 10));
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

  if (magnitude % 10 == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%" G_GUINT64_FORMAT "%%", sign,
                            magnitude / 100, (magnitude % 100) / 10);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02" G_GUINT64_FORMAT "%%", sign, magnitude / 100, magnitude % 100);
}
