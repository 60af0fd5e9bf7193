/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every message names the field and the value and says what would be
 * accepted, so a commissioner can put it right without help. */
#include "config.h"

/* strptime () */
#define _XOPEN_SOURCE 700

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lp-error.h"
#include "lp-locale.h"
#include "lp-validate.h"

static gboolean
lp_invalid (GError    **error,
            const char *format,
            ...) G_GNUC_PRINTF (2, 3);

static gboolean
lp_invalid (GError    **error,
            const char *format,
            ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;
  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID, format, args));
  va_end (args);
  return FALSE;
}

static gboolean
lp_has_control_char (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_iscntrl (c) && c != '\n' && c != '\r' && c != '\t')
        return TRUE;
    }
  return FALSE;
}

/**
 * lp_text_is_blank:
 * @text: (nullable): what was typed
 *
 * Returns: whether @text is %NULL, empty or only white space: a field left
 *   empty
 */
gboolean
lp_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

/**
 * lp_validate_text:
 * @field: the field's name as the user sees it ("Practice name")
 * @max_chars: the longest value accepted, in characters
 *
 * Accepts valid UTF-8 without control characters (other than tab and
 * line breaks, which notes written on Windows carry as CR LF), not longer than @max_chars, and not blank if @required.
 */
gboolean
lp_validate_text (const char  *field,
                  const char  *value,
                  gboolean     required,
                  gsize        max_chars,
                  GError     **error)
{
  g_autofree char *trimmed = NULL;
  glong length;

  if (value == NULL)
    return !required || lp_invalid (error, _("%s must be given"), field);
  if (!g_utf8_validate (value, -1, NULL))
    return lp_invalid (error, _("%s is not valid text (it is not UTF-8)"), field);
  trimmed = g_strstrip (g_strdup (value));
  if (required && *trimmed == '\0')
    return lp_invalid (error, _("%s must not be empty"), field);
  length = g_utf8_strlen (value, -1);
  if ((gsize) length > max_chars)
    return lp_invalid (error, _("%s is too long (%ld characters; at most %zu)"),
                       field, length, max_chars);
  if (lp_has_control_char (value))
    return lp_invalid (error, _("%s contains a control character; remove it"), field);
  return TRUE;
}

static gboolean
lp_split_iso_date (const char *text,
                   guint      *year,
                   guint      *month,
                   guint      *day)
{
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  *year = g_ascii_strtoull (text, NULL, 10);
  *month = g_ascii_strtoull (text + 5, NULL, 10);
  *day = g_ascii_strtoull (text + 8, NULL, 10);
  return TRUE;
}

/**
 * lp_validate_date:
 *
 * Accepts a real calendar date written YYYY-MM-DD (so 2018-02-31 is
 * refused) between the years 1900 and 2200.
 */
gboolean
lp_validate_date (const char  *field,
                  const char  *iso_date,
                  GError     **error)
{
  guint y, m, d;

  if (iso_date == NULL || !lp_split_iso_date (iso_date, &y, &m, &d))
    return lp_invalid (error, _("%s must be a date written YYYY-MM-DD, not “%s”"),
                       field, iso_date != NULL ? iso_date : "");
  if (y < 1900 || y > 2200 || !g_date_valid_dmy (d, m, y))
    return lp_invalid (error, _("%s: “%s” is not a real date"), field, iso_date);
  return TRUE;
}

/**
 * lp_normalise_ods_code:
 *
 * Returns the practice code trimmed and in capitals ("d81047 " gives
 * "D81047"), or %NULL if it is not 3 to 8 letters and digits.
 */
char *
lp_normalise_ods_code (const char  *field,
                       const char  *code,
                       GError     **error)
{
  g_autofree char *upper = NULL;
  gsize length;

  if (code == NULL)
    return lp_invalid (error, _("%s must be given"), field), NULL;
  upper = g_ascii_strup (code, -1);
  g_strstrip (upper);
  length = strlen (upper);
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (upper[i]))
      length = 0;
  if (length < 3 || length > 8)
    return lp_invalid (error, _("%s “%s” is not valid: use 3 to 8 letters and digits, for example D81047"),
                       field, code), NULL;
  return g_steal_pointer (&upper);
}

/* The length of a thousands separator at @p: the locale's own ("." in
 * de_DE, a narrow space in fr_FR), or a comma, as NHS documents write
 * them, unless the comma is the locale's decimal point. */
static gsize
lp_separator_at (const char                *p,
                 const LpLocaleConventions *conventions)
{
  if (g_str_has_prefix (p, conventions->thousands))
    return strlen (conventions->thousands);
  return *p == ',' && strcmp (conventions->decimal, ",") != 0 ? 1 : 0;
}

/* Reads digits with optional thousands separators ("596,907").  A
 * separator must part groups of exactly three digits: "1,5" is more likely
 * a decimal comma than fifteen, and "1,23,4" a typing mistake. */
static gboolean
lp_read_grouped_digits (const char                *text,
                        const LpLocaleConventions *conventions,
                        gint64                    *out)
{
  guint64 value = 0;
  guint group = 0;   /* digits since the start or the last separator */
  gboolean grouped = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      gsize separator = lp_separator_at (p, conventions);

      if (separator > 0)
        {
          p += separator - 1;
          if (group == 0 || group > 3 || (grouped && group != 3))
            return FALSE;
          grouped = TRUE;
          group = 0;
          continue;
        }
      if (!g_ascii_isdigit (*p) || value > (guint64) (G_MAXINT64 - 9) / 10)
        return FALSE;
      value = value * 10 + (guint64) (*p - '0');
      group++;
    }
  *out = (gint64) value;
  return group > 0 && (!grouped || group == 3);
}

/* The decimal mark in @text, or NULL: the locale's decimal point, or a
 * full stop (the app's own fields and the NHS's files write one), unless
 * the full stop is the locale's thousands separator before three digits
 * ("1.500" in de_DE is fifteen hundred). */
static const char *
lp_find_decimal_mark (const char                *text,
                      const LpLocaleConventions *conventions,
                      gsize                     *length)
{
  const char *mark = g_strrstr (text, conventions->decimal);

  *length = strlen (conventions->decimal);
  if (mark != NULL || strcmp (conventions->decimal, ".") == 0 || (mark = strrchr (text, '.')) == NULL)
    return mark;
  *length = 1;
  if (strcmp (conventions->thousands, ".") == 0 && strlen (mark + 1) == 3)
    return NULL;
  return mark;
}

/* A number as the user writes it in their locale: sign, whole part with
 * optional thousands separators, and decimals as text of digits ("" for
 * none). */
typedef struct {
  gboolean  negative;
  gboolean  has_whole;   /* FALSE for ".5" */
  gint64    whole;
  char     *decimals;
} LpNumberParts;

static gboolean
lp_read_number (const char    *text,
                LpNumberParts *parts)
{
  LpLocaleConventions conventions;
  g_autofree char *whole_text = NULL;
  const char *mark;
  gsize mark_length;

  lp_locale_get_conventions (&conventions);
  parts->negative = text[0] == '-';
  text += parts->negative;
  mark = lp_find_decimal_mark (text, &conventions, &mark_length);
  whole_text = mark != NULL ? g_strndup (text, (gsize) (mark - text)) : g_strdup (text);
  parts->decimals = g_strdup (mark != NULL ? mark + mark_length : "");
  if (mark != NULL && (parts->decimals[0] == '\0' ||
                       strspn (parts->decimals, "0123456789") != strlen (parts->decimals)))
    return FALSE;
  parts->has_whole = whole_text[0] != '\0';
  if (!parts->has_whole && mark != NULL)
    return parts->whole = 0, TRUE;   /* ".5" */
  return lp_read_grouped_digits (whole_text, &conventions, &parts->whole);
}

/**
 * lp_parse_count:
 *
 * Parses a whole number of 0 or more ("12", "1,234", " 7 ").
 */
gboolean
lp_parse_count (const char  *field,
                const char  *text,
                gint64      *out,
                GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  LpLocaleConventions conventions;

  lp_locale_get_conventions (&conventions);
  if (!lp_read_grouped_digits (trimmed, &conventions, out))
    return lp_invalid (error, _("%s must be a whole number of 0 or more, not “%s”"),
                       field, trimmed);
  return TRUE;
}

/**
 * lp_parse_pounds:
 *
 * Parses whole pounds ("£221,961,000", "221961000", "1,200.00").  Pence
 * other than .00 are refused: contract values are held in whole pounds.
 */
gboolean
lp_parse_pounds (const char  *field,
                 const char  *text,
                 gint64      *out,
                 GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *digits = g_str_has_prefix (trimmed, "£") ? trimmed + strlen ("£") : trimmed;
  LpNumberParts parts = { FALSE, FALSE, 0, NULL };
  gboolean read = lp_read_number (digits, &parts);

  /* "1,200.00" as spreadsheets write money; other pence are refused. */
  if (!read || parts.negative || !parts.has_whole ||
      (parts.decimals[0] != '\0' && strcmp (parts.decimals, "00") != 0))
    {
      g_free (parts.decimals);
      return lp_invalid (error, _("%s must be an amount in whole pounds, such as 1,250,000, not “%s”"),
                         field, text != NULL ? text : "");
    }
  g_free (parts.decimals);
  *out = parts.whole;
  return TRUE;
}

/* A date in the locale's short form, as lp_format_date() shows it, as
 * YYYY-MM-DD; NULL if it is not one. */
static char *
lp_read_local_date (const char *text)
{
  LpLocaleConventions conventions;
  struct tm tm = { 0 };
  const char *end;

  lp_locale_get_conventions (&conventions);
  if (conventions.date_pattern[0] == '\0' ||
      (end = strptime (text, conventions.date_pattern, &tm)) == NULL || *end != '\0' ||
      tm.tm_year + 1900 < 1000)
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/**
 * lp_parse_date:
 *
 * Parses a date written YYYY-MM-DD, DD/MM/YYYY (as NHS documents write
 * them) or YYYYMMDD (as ODS files do).
 *
 * Returns: (transfer full): the date as YYYY-MM-DD, or %NULL with @error set
 */
char *
lp_parse_date (const char  *field,
               const char  *text,
               GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *iso = NULL;
  guint d, m, y;
  char tail;

  if ((iso = lp_read_local_date (trimmed)) != NULL)
    ;
  else if (sscanf (trimmed, "%2u/%2u/%4u%c", &d, &m, &y, &tail) == 3 && strlen (trimmed) >= 8)
    iso = g_strdup_printf ("%04u-%02u-%02u", y, m, d);
  else if (strlen (trimmed) == 8 && strspn (trimmed, "0123456789") == 8)
    iso = g_strdup_printf ("%.4s-%.2s-%.2s", trimmed, trimmed + 4, trimmed + 6);
  else
    iso = g_strdup (trimmed);
  if (!lp_validate_date (field, iso, NULL))
    return lp_invalid (error, _("%s: “%s” is not a real date (use DD/MM/YYYY or YYYY-MM-DD)"),
                       field, trimmed), NULL;
  return g_steal_pointer (&iso);
}

/**
 * lp_parse_percent_bp:
 * @basis_points: (out): the percentage in hundredths of a percent
 *
 * Parses a percentage with at most two decimals ("13.3", "-2.9", "21%")
 * exactly, without passing through floating point: 13.3 gives 1330.
 */
gboolean
lp_parse_percent_bp (const char  *field,
                     const char  *text,
                     gint64      *basis_points,
                     GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  LpNumberParts parts = { FALSE, FALSE, 0, NULL };
  g_autofree char *decimals = NULL;
  gint64 fraction;
  gboolean read;

  if (g_str_has_suffix (trimmed, "%"))
    trimmed[strlen (trimmed) - 1] = '\0';
  read = lp_read_number (trimmed, &parts);
  decimals = parts.decimals;
  if (!read || !parts.has_whole || parts.whole > 1000000 || strlen (decimals) > 2)
    return lp_invalid (error, _("%s must be a percentage with at most two decimals, such as 13.3, not “%s”"),
                       field, text != NULL ? text : "");
  fraction = decimals[0] == '\0' ? 0 : (decimals[0] - '0') * 10 + (decimals[1] != '\0' ? decimals[1] - '0' : 0);
  *basis_points = (parts.whole * 100 + fraction) * (parts.negative ? -1 : 1);
  return TRUE;
}

/**
 * lp_parse_decimal:
 *
 * Parses a number of at least @minimum, for quantities such as FTE that
 * are not money: "1.25", "3,600", "1,234.5", or as the user's locale
 * writes them ("1.234,5" in de_DE); a full stop is always read as the
 * decimal point unless it groups thousands there.
 */
gboolean
lp_parse_decimal (const char  *field,
                  const char  *text,
                  double       minimum,
                  double      *out,
                  GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  LpNumberParts parts = { FALSE, FALSE, 0, NULL };
  g_autofree char *decimals = NULL;
  g_autofree char *plain = NULL;
  gboolean read = lp_read_number (trimmed, &parts);
  double value;

  /* Plain decimals only: no "0x10", "1e3" or "inf". */
  decimals = parts.decimals;
  if (!read)
    return lp_invalid (error, _("%s must be a number such as 1.5, not “%s”"), field, trimmed);
  plain = g_strdup_printf ("%s%" G_GINT64_FORMAT ".%s", parts.negative ? "-" : "", parts.whole,
                           decimals[0] != '\0' ? decimals : "0");
  value = g_ascii_strtod (plain, NULL);
  if (!isfinite (value))
    return lp_invalid (error, _("%s must be a number such as 1.5, not “%s”"), field, trimmed);
  if (value < minimum)
    return lp_invalid (error, _("%s must be %g or more, not “%s”"), field, minimum, trimmed);
  *out = value;
  return TRUE;
}

/* Whether every comma in @text parts groups of three digits, as in
 * "12,345.0": then it cannot be a decimal comma. */
static gboolean
lp_commas_group_thousands (const char *text)
{
  const char *comma = strchr (text, ',');

  if (comma == NULL)
    return FALSE;
  for (; comma != NULL; comma = strchr (comma + 1, ','))
    if (strspn (comma + 1, "0123456789") != 3)
      return FALSE;
  return TRUE;
}

/**
 * lp_parse_decimal_grouped:
 *
 * Parses a figure of at least @minimum as lp_parse_decimal() does, and
 * also with commas grouping its thousands ("12,345.0") where the locale's
 * decimal point is a comma: figures in NHS documents, and those the app
 * showed before the locale changed, are written so.  A comma followed by
 * other than three digits is still the locale's decimal point, and an
 * error quotes @text as it was typed.
 */
gboolean
lp_parse_decimal_grouped (const char  *field,
                          const char  *text,
                          double       minimum,
                          double      *out,
                          GError     **error)
{
  g_autoptr(GError) first = NULL;
  g_auto(GStrv) groups = NULL;
  g_autofree char *joined = NULL;

  if (lp_parse_decimal (field, text, minimum, out, &first))
    return TRUE;
  if (text == NULL || !lp_commas_group_thousands (text))
    return g_propagate_error (error, g_steal_pointer (&first)), FALSE;
  groups = g_strsplit (text, ",", -1);
  joined = g_strjoinv ("", groups);
  if (lp_parse_decimal (field, joined, minimum, out, NULL))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&first));
  return FALSE;
}
