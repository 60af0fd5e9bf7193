/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Plan Settings form: read as typed, checked field by field in the
 * order the dialog shows them, and saved to plan_info in one transaction,
 * so one edit is one undo step and a refusal saves nothing. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lp-format.h"
#include "lp-plan-private.h"
#include "lp-plan-settings.h"
#include "lp-validate.h"

/* A plan covers a few years (an STP plan five); more is a typing slip. */
#define LP_PLAN_MAX_YEARS 10

static gboolean
lp_settings_invalid (GError     **error,
                     const char **bad_field,
                     const char  *key,
                     const char  *format,
                     ...) G_GNUC_PRINTF (4, 5);

static gboolean
lp_settings_invalid (GError     **error,
                     const char **bad_field,
                     const char  *key,
                     const char  *format,
                     ...)
{
  va_list args;

  if (bad_field != NULL)
    *bad_field = key;
  if (error == NULL)
    return FALSE;
  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID, format, args));
  va_end (args);
  return FALSE;
}

static gboolean
lp_settings_fail (const char **bad_field,
                  const char  *key)
{
  if (bad_field != NULL)
    *bad_field = key;
  return FALSE;
}

/**
 * lp_parse_financial_year:
 * @field: names the field in an error message
 * @text: "2018/19", "2018-19", "2018/2019" or "2018-2019"
 * @start_year: (out): 2018 for any of those
 *
 * A financial year runs from April to March, so its two years follow
 * each other: "2018/20" is refused, saying so.
 */
gboolean
lp_parse_financial_year (const char  *field,
                         const char  *text,
                         guint       *start_year,
                         GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint first, second;
  int first_end = 0, end = 0;
  char separator;

  if (sscanf (trimmed, "%4u%n%c%u%n", &first, &first_end, &separator, &second, &end) != 3 ||
      first_end != 4 || (separator != '/' && separator != '-') ||
      (size_t) end != strlen (trimmed) || (end - first_end - 1 != 2 && end - first_end - 1 != 4) ||
      strspn (trimmed + first_end + 1, "0123456789") != (size_t) (end - first_end - 1) ||
      first < 1901 || first > 2998)
    return lp_settings_invalid (error, NULL, NULL,
                                _("%s: “%s” is not a financial year; write it as 2018/19"), field, trimmed);
  if (end - first_end - 1 == 2 ? second != (first + 1) % 100 : second != first + 1)
    return lp_settings_invalid (error, NULL, NULL,
                                _("%s: “%s” is not one financial year (April to March): "
                                  "the second year must follow the first, as in %04u/%02u"),
                                field, trimmed, first, (first + 1) % 100);
  *start_year = first;
  return TRUE;
}

/**
 * lp_format_financial_year:
 *
 * Returns: (transfer full): "2018/19" for 2018, as the plan stores it
 */
char *
lp_format_financial_year (guint start_year)
{
  return g_strdup_printf ("%04u/%02u", start_year, (start_year + 1) % 100);
}

static gint64
lp_settings_dup_count (LpPlan     *plan,
                       const char *key)
{
  g_autofree char *value = lp_plan_dup_info (plan, key);
  gint64 count;

  if (value == NULL || !lp_parse_count ("", value, &count, NULL))
    return -1;
  return count;
}

/**
 * lp_plan_get_settings:
 * @settings: (out caller-allocates): cleared with lp_plan_settings_clear()
 *
 * The plan's settings as stored; a setting the plan does not have is
 * %NULL (text) or -1 (figures).
 */
gboolean
lp_plan_get_settings (LpPlan          *plan,
                      LpPlanSettings  *settings,
                      GError         **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  memset (settings, 0, sizeof *settings);
  settings->name = lp_plan_dup_info (plan, LP_SETTING_NAME);
  settings->organisation_code = lp_plan_dup_info (plan, LP_SETTING_ORGANISATION_CODE);
  settings->organisation_name = lp_plan_dup_info (plan, LP_SETTING_ORGANISATION_NAME);
  settings->first_year = lp_plan_dup_info (plan, LP_SETTING_FIRST_YEAR);
  settings->last_year = lp_plan_dup_info (plan, LP_SETTING_LAST_YEAR);
  settings->reference_date = lp_plan_dup_info (plan, LP_SETTING_REFERENCE_DATE);
  settings->stp_name = lp_plan_dup_info (plan, LP_SETTING_STP_NAME);
  settings->stp_population = lp_settings_dup_count (plan, LP_SETTING_STP_POPULATION);
  settings->allocation_pounds = lp_settings_dup_count (plan, LP_SETTING_ALLOCATION);
  return TRUE;
}

void
lp_plan_settings_clear (LpPlanSettings *settings)
{
  g_clear_pointer (&settings->name, g_free);
  g_clear_pointer (&settings->organisation_code, g_free);
  g_clear_pointer (&settings->organisation_name, g_free);
  g_clear_pointer (&settings->first_year, g_free);
  g_clear_pointer (&settings->last_year, g_free);
  g_clear_pointer (&settings->reference_date, g_free);
  g_clear_pointer (&settings->stp_name, g_free);
  settings->stp_population = settings->allocation_pounds = -1;
}

/* The settings as they will be stored: NULL removes the row. */
typedef struct {
  const char *key;
  char       *value;
} LpSettingValue;

static gboolean
lp_settings_text (const char      *field,
                  const char      *key,
                  const char      *typed,
                  gsize            max_chars,
                  LpSettingValue  *value,
                  const char     **bad_field,
                  GError         **error)
{
  value->key = key;
  if (lp_text_is_blank (typed))
    return TRUE;
  if (!lp_validate_text (field, typed, FALSE, max_chars, error))
    return lp_settings_fail (bad_field, key);
  value->value = g_strstrip (g_strdup (typed));
  return TRUE;
}

/* The first and last years: the last blank is the first; it may not come
 * before it, nor stand without it. */
static gboolean
lp_settings_years (const LpPlanSettingsForm  *form,
                   LpSettingValue             values[2],
                   guint                     *first,
                   guint                     *last,
                   const char               **bad_field,
                   GError                   **error)
{
  values[0].key = LP_SETTING_FIRST_YEAR;
  values[1].key = LP_SETTING_LAST_YEAR;
  *first = *last = 0;
  if (!lp_text_is_blank (form->first_year) &&
      !lp_parse_financial_year (_("First financial year"), form->first_year, first, error))
    return lp_settings_fail (bad_field, LP_SETTING_FIRST_YEAR);
  if (!lp_text_is_blank (form->last_year) &&
      !lp_parse_financial_year (_("Last financial year"), form->last_year, last, error))
    return lp_settings_fail (bad_field, LP_SETTING_LAST_YEAR);
  if (*last != 0 && *first == 0)
    return lp_settings_invalid (error, bad_field, LP_SETTING_FIRST_YEAR,
                                _("First financial year must be given when the last one is"));
  if (*last != 0 && *last < *first)
    return lp_settings_invalid (error, bad_field, LP_SETTING_LAST_YEAR,
                                _("Last financial year: %s comes before the first, %s"),
                                form->last_year, form->first_year);
  if (*last != 0 && *last - *first >= LP_PLAN_MAX_YEARS)
    return lp_settings_invalid (error, bad_field, LP_SETTING_LAST_YEAR,
                                _("Last financial year: a plan covers at most %d years"), LP_PLAN_MAX_YEARS);
  if (*last == 0)
    *last = *first;
  if (*first != 0)
    values[0].value = lp_format_financial_year (*first);
  /* One year is stored as the first alone, as plans have always been. */
  if (*last != *first)
    values[1].value = lp_format_financial_year (*last);
  return TRUE;
}

/* A plan is written in the year before its first, with list sizes of then;
 * a date outside that and its own years is a slip, most likely the year. */
static gboolean
lp_settings_reference_date (const LpPlanSettingsForm  *form,
                            guint                      first,
                            guint                      last,
                            LpSettingValue            *value,
                            const char               **bad_field,
                            GError                   **error)
{
  g_autofree char *earliest = NULL;
  g_autofree char *latest = NULL;

  value->key = LP_SETTING_REFERENCE_DATE;
  if (lp_text_is_blank (form->reference_date))
    return TRUE;
  value->value = lp_parse_date (_("Reference date"), form->reference_date, error);
  if (value->value == NULL)
    return lp_settings_fail (bad_field, LP_SETTING_REFERENCE_DATE);
  if (first == 0)
    return TRUE;
  earliest = g_strdup_printf ("%04u-04-01", first - 1);
  latest = g_strdup_printf ("%04u-03-31", last + 1);
  if (strcmp (value->value, earliest) < 0 || strcmp (value->value, latest) > 0)
    {
      g_autofree char *shown = lp_format_date (value->value);
      g_autofree char *from = lp_format_date (earliest);
      g_autofree char *to = lp_format_date (latest);

      return lp_settings_invalid (error, bad_field, LP_SETTING_REFERENCE_DATE,
                                  _("Reference date: %s is outside the plan’s years; "
                                    "use a date from %s (the year before the plan) to %s"),
                                  shown, from, to);
    }
  return TRUE;
}

static gboolean
lp_settings_figure (const char      *field,
                    const char      *key,
                    const char      *typed,
                    gboolean         pounds,
                    LpSettingValue  *value,
                    const char     **bad_field,
                    GError         **error)
{
  gint64 figure;

  value->key = key;
  if (lp_text_is_blank (typed))
    return TRUE;
  if (!(pounds ? lp_parse_pounds (field, typed, &figure, error) : lp_parse_count (field, typed, &figure, error)))
    return lp_settings_fail (bad_field, key);
  if (figure == 0)
    return lp_settings_invalid (error, bad_field, key, _("%s must be more than 0"), field);
  value->value = g_strdup_printf ("%" G_GINT64_FORMAT, figure);
  return TRUE;
}

static gboolean
lp_settings_write (LpPlan                *plan,
                   const LpSettingValue  *values,
                   guint                  n_values,
                   GError               **error)
{
  sqlite3_stmt *set = NULL, *unset = NULL;

  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  if ((set = lp_plan_prepare (plan, "INSERT INTO plan_info (key, value) VALUES (?1, ?2) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error)) == NULL ||
      (unset = lp_plan_prepare (plan, "DELETE FROM plan_info WHERE key = ?1", error)) == NULL)
    return lp_plan_rollback (plan), FALSE;
  for (guint i = 0; i < n_values; i++)
    {
      sqlite3_stmt *stmt = values[i].value != NULL ? set : unset;

      sqlite3_bind_text (stmt, 1, values[i].key, -1, SQLITE_STATIC);
      if (values[i].value != NULL)
        sqlite3_bind_text (stmt, 2, values[i].value, -1, SQLITE_STATIC);
      if (!lp_stmt_run (plan, stmt, _("save the plan’s settings"), error))
        return lp_plan_rollback (plan), FALSE;
    }
  lp_plan_emit_changed (plan, "plan_info");
  return lp_plan_commit (plan, error);
}

/**
 * lp_plan_save_settings_form:
 * @bad_field: (out) (optional): on a refusal, the LP_SETTING_* key of the
 *   field refused
 *
 * Saves the Plan Settings form as one undoable step: every field is
 * checked first, and a refusal saves nothing.  A blank field removes the
 * setting.
 */
gboolean
lp_plan_save_settings_form (LpPlan                    *plan,
                            const LpPlanSettingsForm  *form,
                            const char               **bad_field,
                            GError                   **error)
{
  LpSettingValue values[9] = { { NULL, NULL }, };
  guint first, last;
  gboolean saved;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (form != NULL, FALSE);

  if (bad_field != NULL)
    *bad_field = NULL;
  saved = lp_settings_text (_("Plan name"), LP_SETTING_NAME, form->name, LP_NAME_MAX_CHARS,
                            &values[0], bad_field, error) &&
          lp_settings_text (_("Organisation code"), LP_SETTING_ORGANISATION_CODE, form->organisation_code, 12,
                            &values[1], bad_field, error) &&
          lp_settings_text (_("Organisation name"), LP_SETTING_ORGANISATION_NAME, form->organisation_name,
                            LP_NAME_MAX_CHARS, &values[2], bad_field, error) &&
          lp_settings_years (form, &values[3], &first, &last, bad_field, error) &&
          lp_settings_reference_date (form, first, last, &values[5], bad_field, error) &&
          lp_settings_text (_("STP name"), LP_SETTING_STP_NAME, form->stp_name, LP_NAME_MAX_CHARS,
                            &values[6], bad_field, error) &&
          lp_settings_figure (_("STP population"), LP_SETTING_STP_POPULATION, form->stp_population, FALSE,
                              &values[7], bad_field, error) &&
          lp_settings_figure (_("Allocation"), LP_SETTING_ALLOCATION, form->allocation, TRUE,
                              &values[8], bad_field, error) &&
          lp_settings_write (plan, values, G_N_ELEMENTS (values), error);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_free (values[i].value);
  return saved;
}

/**
 * lp_plan_get_year_span:
 * @first_day: (out): 1 April of the plan's first financial year
 * @last_day: (out): 31 March at the end of its last
 *
 * Returns: %FALSE when the plan names no financial year
 */
gboolean
lp_plan_get_year_span (LpPlan *plan,
                       char    first_day[11],
                       char    last_day[11])
{
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  guint first, last;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  first_text = lp_plan_dup_info (plan, LP_SETTING_FIRST_YEAR);
  if (first_text == NULL || !lp_parse_financial_year ("", first_text, &first, NULL))
    return FALSE;
  last_text = lp_plan_dup_info (plan, LP_SETTING_LAST_YEAR);
  if (last_text == NULL || !lp_parse_financial_year ("", last_text, &last, NULL) || last < first)
    last = first;
  g_snprintf (first_day, 11, "%04u-04-01", first);
  g_snprintf (last_day, 11, "%04u-03-31", last + 1);
  return TRUE;
}

/**
 * lp_plan_check_date_in_plan:
 * @iso_date: YYYY-MM-DD, as the parsers return it
 * @field_label: the field as the editor names it ("Start date")
 *
 * Every editor that takes a date uses this one rule, so a slip of the
 * year is caught the same everywhere.  Plans are written (and their list
 * sizes, rules and baselines dated) in the year before their first, so
 * the earliest date is 1 April of that year, as for the reference date.
 *
 * Returns: %FALSE with @error saying what and why when @iso_date is
 *   before that; %TRUE when it is not, or the plan names no year
 */
gboolean
lp_plan_check_date_in_plan (LpPlan      *plan,
                            const char  *iso_date,
                            const char  *field_label,
                            GError     **error)
{
  g_autofree char *first_text = NULL;
  char earliest[11];
  guint first;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (iso_date != NULL && field_label != NULL, FALSE);

  first_text = lp_plan_dup_info (plan, LP_SETTING_FIRST_YEAR);
  if (first_text == NULL || !lp_parse_financial_year ("", first_text, &first, NULL))
    return TRUE;
  g_snprintf (earliest, sizeof earliest, "%04u-04-01", first - 1);
  if (strcmp (iso_date, earliest) >= 0)
    return TRUE;
  {
    g_autofree char *shown = lp_format_date (iso_date);
    g_autofree char *from = lp_format_date (earliest);
    g_autofree char *years = lp_format_financial_year (first);

    /* TRANSLATORS: "Start date: 01/04/2015 is before the plan (its years
     * start in 2018/19; dates from 01/04/2017)" */
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                 _("%s: %s is before the plan (its years start in %s; dates from %s)"),
                 field_label, shown, years, from);
  }
  return FALSE;
}
