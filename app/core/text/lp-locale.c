/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The user's locale's conventions for figures and dates (see lp-locale.h).
 * Read with nl_langinfo (), which is safe on the worker threads that
 * format an import's progress, where localeconv () and setlocale () are
 * not. */
#define _GNU_SOURCE   /* _NL_LOCALE_NAME */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include "lp-locale.h"

/* Whether @category's locale is one the user did not choose (C, POSIX,
 * C.UTF-8), or writes a character set other than UTF-8. */
static gboolean
lp_locale_is_plain (int category)
{
  const char *name = nl_langinfo (_NL_LOCALE_NAME (category));

  return name == NULL || *name == '\0' || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0 ||
         g_str_has_prefix (name, "C.") || strcmp (nl_langinfo (CODESET), "UTF-8") != 0;
}

static void
lp_locale_copy (char       *to,
                gsize       size,
                const char *from)
{
  if (from == NULL || !g_utf8_validate (from, -1, NULL) || strlen (from) >= size)
    from = "";
  g_strlcpy (to, from, size);
}

static void
lp_locale_numbers (LpLocaleConventions *conventions)
{
  if (lp_locale_is_plain (LC_NUMERIC))
    {
      g_strlcpy (conventions->thousands, ",", sizeof conventions->thousands);
      g_strlcpy (conventions->decimal, ".", sizeof conventions->decimal);
      return;
    }
  lp_locale_copy (conventions->decimal, sizeof conventions->decimal, nl_langinfo (RADIXCHAR));
  lp_locale_copy (conventions->thousands, sizeof conventions->thousands, nl_langinfo (THOUSEP));
  if (conventions->decimal[0] == '\0')
    g_strlcpy (conventions->decimal, ".", sizeof conventions->decimal);
  /* Some locales group no digits; figures of six or seven digits need it.
   * A comma would read as the decimal point where that is a comma. */
  if (conventions->thousands[0] == '\0' || strcmp (conventions->thousands, conventions->decimal) == 0)
    g_strlcpy (conventions->thousands, strcmp (conventions->decimal, ",") == 0 ? "\u202F" : ",",
               sizeof conventions->thousands);
}

/* The first of @codes found in @pattern, as an offset; G_MAXSIZE if none. */
static gsize
lp_locale_find_first (const char         *pattern,
                      const char * const *codes)
{
  gsize first = G_MAXSIZE;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      const char *found = strstr (pattern, codes[i]);

      if (found != NULL && (gsize) (found - pattern) < first)
        first = (gsize) (found - pattern);
    }
  return first;
}

/* The locale's short date with a four-digit year.  A month-first date
 * (03/31/2019) is written with the month's name instead (31 Mar 2019):
 * NHS documents and files write dates day first, and 04/05/2019 must not
 * mean two different days. */
static void
lp_locale_dates (LpLocaleConventions *conventions)
{
  static const char * const days[] = { "%d", "%e", "%Od", "%Oe", NULL };
  static const char * const months[] = { "%m", "%b", "%B", "%h", "%Om", NULL };
  static const char * const years[] = { "%Y", "%y", "%EY", "%Ey", "%Oy", "%C", NULL };
  g_autoptr(GString) pattern = NULL;
  gsize day, month, year;

  conventions->date_pattern[0] = '\0';
  if (lp_locale_is_plain (LC_TIME))
    return;
  pattern = g_string_new (nl_langinfo (D_FMT));
  g_string_replace (pattern, "%D", "%m/%d/%y", 0);
  g_string_replace (pattern, "%Ey", "%Y", 0);
  g_string_replace (pattern, "%Oy", "%Y", 0);
  g_string_replace (pattern, "%y", "%Y", 0);
  day = lp_locale_find_first (pattern->str, days);
  month = lp_locale_find_first (pattern->str, months);
  year = lp_locale_find_first (pattern->str, years);
  if (day == G_MAXSIZE || month == G_MAXSIZE || year == G_MAXSIZE || !g_utf8_validate (pattern->str, -1, NULL))
    return;
  if (month < day && year > month)
    g_string_assign (pattern, "%d %b %Y");
  if (pattern->len < sizeof conventions->date_pattern)
    g_strlcpy (conventions->date_pattern, pattern->str, sizeof conventions->date_pattern);
}

/**
 * lp_locale_get_conventions:
 *
 * Reads the conventions of the locale in force (setlocale ()).
 */
void
lp_locale_get_conventions (LpLocaleConventions *conventions)
{
  g_return_if_fail (conventions != NULL);

  lp_locale_numbers (conventions);
  lp_locale_dates (conventions);
}
