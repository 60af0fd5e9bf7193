/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Overview's wording.  Kept apart from the widget so that a test can
 * check every sentence, singular and plural, without a display. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-format.h"
#include "lp-overview-text.h"

/**
 * lp_overview_text_reference:
 * @reference_date: YYYY-MM-DD
 * @is_plan_setting: whether the date is the plan's own reference date
 *   rather than today
 *
 * A plan set in the past (the sample is 2018-19) is judged from its own
 * date; saying so stops a reader wondering why nothing has ended.
 *
 * Returns: (transfer full): "As at 01/10/2018 (the plan’s reference date)"
 *   or "As at today (15/06/2025)"
 */
char *
lp_overview_text_reference (const char *reference_date,
                            gboolean    is_plan_setting)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (reference_date != NULL, NULL);

  date = lp_format_date (reference_date);
  if (is_plan_setting)
    return g_strdup_printf (_("As at %s (the plan’s reference date)"), date);
  return g_strdup_printf (_("As at today (%s)"), date);
}

/**
 * lp_overview_text_ending_soon_title:
 *
 * Returns: (transfer full): "Ending within 6 months"
 */
char *
lp_overview_text_ending_soon_title (guint months)
{
  return g_strdup_printf (ngettext ("Ending within %u month", "Ending within %u months", months),
                          months);
}

static char *
lp_overview_text_ending_soon_detail (const LpOverview *overview)
{
  g_autofree char *value = NULL;

  if (overview->contracts_ending_soon == 0)
    return g_strdup (_("No contract ends in this time"));
  value = lp_format_pounds (overview->ending_soon_value_pounds);
  return g_strdup_printf (_("Worth %s a year"), value);
}

static char *
lp_overview_text_ended_detail (guint ended)
{
  if (ended == 0)
    return g_strdup (_("No contract has passed its end date"));
  return g_strdup (ngettext ("Past its end date", "Past their end dates", ended));
}

static char *
lp_overview_text_value_caption (guint contracts)
{
  g_autofree char *count = lp_format_count (contracts);

  return g_strdup_printf (ngettext ("A year, across %s contract", "A year, across %s contracts",
                                    contracts),
                          count);
}

static void
lp_overview_text_build_figures (const LpPlanSummary *summary,
                                LpOverviewText      *text)
{
  text->localities = lp_format_count (summary->localities);
  text->localities_caption = g_strdup (ngettext ("Locality", "Localities", summary->localities));
  text->practices = lp_format_count (summary->practices);
  text->practices_caption = g_strdup (ngettext ("Practice", "Practices", summary->practices));
  text->patients = lp_format_count (summary->registered_patients);
  text->patients_caption = g_strdup (summary->registered_patients == 1
                                     ? _("Registered patient") : _("Registered patients"));
  text->contract_value = lp_format_pounds (summary->contract_value_pounds);
  text->contract_value_caption = lp_overview_text_value_caption (summary->contracts);
}

static void
lp_overview_ages_row_free (gpointer data)
{
  LpOverviewAgesRow *row = data;

  g_free (row->title);
  g_free (row->figures);
  g_free (row);
}

static char *
lp_overview_text_ages_figures (const gint64 *aged,
                               guint         without_profile)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < LP_OVERVIEW_N_AGE_BANDS; i++)
    {
      g_autofree char *count = lp_format_count (aged[i]);

      /* TRANSLATORS: an age band and its patients, such as "75+ 1,500" */
      g_string_append_printf (text, i == 0 ? _("%d+ %s") : _(" · %d+ %s"), lp_overview_age_from[i], count);
    }
  if (without_profile > 0)
    {
      g_autofree char *n = lp_format_count (without_profile);

      /* TRANSLATORS: after the figures; %s is a number of practices */
      g_string_append_printf (text, ngettext ("; %s practice has no age profile and is not counted",
                                              "; %s practices have no age profile and are not counted",
                                              without_profile), n);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * lp_overview_text_ages:
 *
 * Returns: (transfer full) (nullable) (element-type LpOverviewAgesRow)
 */
GPtrArray *
lp_overview_text_ages (const LpOverview *overview,
                       guint             max_rows,
                       char            **description)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (overview != NULL && description != NULL, NULL);

  *description = NULL;
  if (overview->locality_ages == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func (lp_overview_ages_row_free);
  date = lp_format_date (overview->ages_extract);
  /* TRANSLATORS: %s is the date of the age profiles */
  *description = g_strdup_printf (_("Patients aged 65 and over, 75 and over and 85 and over, from the age "
                                    "profiles of %s"), date);
  if (overview->locality_ages->len > max_rows)
    {
      gint64 aged[LP_OVERVIEW_N_AGE_BANDS] = { 0, };
      guint without = 0;
      LpOverviewAgesRow *row = g_new0 (LpOverviewAgesRow, 1);

      for (guint i = 0; i < overview->locality_ages->len; i++)
        {
          const LpLocalityAges *one = g_ptr_array_index (overview->locality_ages, i);

          for (guint b = 0; b < LP_OVERVIEW_N_AGE_BANDS; b++)
            aged[b] += one->aged[b];
          without += one->without_profile;
        }
      row->title = g_strdup (_("All localities"));
      row->figures = lp_overview_text_ages_figures (aged, without);
      g_ptr_array_add (rows, row);
      return g_steal_pointer (&rows);
    }
  for (guint i = 0; i < overview->locality_ages->len; i++)
    {
      const LpLocalityAges *one = g_ptr_array_index (overview->locality_ages, i);
      LpOverviewAgesRow *row = g_new0 (LpOverviewAgesRow, 1);

      row->title = g_strdup (one->name);
      row->figures = one->practices == 0 ? g_strdup (_("No practices"))
                                         : lp_overview_text_ages_figures (one->aged, one->without_profile);
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}

/**
 * lp_overview_text_build:
 * @text: (out caller-allocates): filled in; free with lp_overview_text_clear()
 *
 * Builds every text the Overview shows from core's figures.
 */
void
lp_overview_text_build (const LpOverview *overview,
                        LpOverviewText   *text)
{
  g_return_if_fail (overview != NULL);
  g_return_if_fail (text != NULL);

  lp_overview_text_build_figures (&overview->summary, text);
  text->reference = lp_overview_text_reference (overview->reference_date,
                                                overview->reference_is_plan_setting);
  text->ending_soon_title = lp_overview_text_ending_soon_title (overview->ending_soon_months);
  text->ending_soon_count = lp_format_count (overview->contracts_ending_soon);
  text->ending_soon_detail = lp_overview_text_ending_soon_detail (overview);
  text->ended_count = lp_format_count (overview->contracts_ended);
  text->ended_detail = lp_overview_text_ended_detail (overview->contracts_ended);
}

void
lp_overview_text_clear (LpOverviewText *text)
{
  char **fields[] = {
    &text->localities, &text->localities_caption, &text->practices,
    &text->practices_caption, &text->patients, &text->patients_caption,
    &text->contract_value, &text->contract_value_caption, &text->reference,
    &text->ending_soon_title, &text->ending_soon_count, &text->ending_soon_detail,
    &text->ended_count, &text->ended_detail,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    g_clear_pointer (fields[i], g_free);
}
