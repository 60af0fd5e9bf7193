/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The slides' words and charts, read on the plan's worker: core computes
 * every figure (lp_plan_get_overview, lp_plan_model_localities,
 * lp_plan_access, lp_plan_workforce) and the views' text functions word
 * them, so a slide says what the view says. */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lp-access-text.h"
#include "lp-format.h"
#include "lp-modelling-text.h"
#include "lp-overview-text.h"
#include "lp-slides.h"
#include "lp-workforce-text.h"

static void
lp_slide_figure_free (gpointer data)
{
  LpSlideFigure *figure = data;

  g_free (figure->value);
  g_free (figure->caption);
  g_free (figure);
}

static void
lp_slide_free (gpointer data)
{
  LpSlide *slide = data;

  g_free (slide->title);
  g_free (slide->headline);
  g_free (slide->note);
  g_clear_pointer (&slide->figures, g_ptr_array_unref);
  g_clear_pointer (&slide->chart, lp_chart_free);
  g_free (slide);
}

static LpSlide *
lp_slide_new (LpSlideKind  kind,
              const char  *title,
              guint        figure_columns)
{
  LpSlide *slide = g_new0 (LpSlide, 1);

  slide->kind = kind;
  slide->title = g_strdup (title);
  slide->figure_columns = figure_columns;
  slide->figures = g_ptr_array_new_with_free_func (lp_slide_figure_free);
  return slide;
}

/* Takes @value. */
static void
lp_slide_add_figure (LpSlide    *slide,
                     char       *value,
                     const char *caption)
{
  LpSlideFigure *figure = g_new0 (LpSlideFigure, 1);

  figure->value = value;
  figure->caption = g_strdup (caption);
  g_ptr_array_add (slide->figures, figure);
}

void
lp_slide_deck_free (LpSlideDeck *deck)
{
  if (deck == NULL)
    return;
  g_free (deck->plan_name);
  g_free (deck->scenario);
  g_clear_pointer (&deck->slides, g_ptr_array_unref);
  g_free (deck);
}

guint
lp_slide_deck_get_n_slides (const LpSlideDeck *deck)
{
  g_return_val_if_fail (deck != NULL, 0);

  return deck->slides->len;
}

const LpSlide *
lp_slide_deck_get_slide (const LpSlideDeck *deck,
                         guint              index)
{
  g_return_val_if_fail (deck != NULL, NULL);
  g_return_val_if_fail (index < deck->slides->len, NULL);

  return g_ptr_array_index (deck->slides, index);
}

char *
lp_slide_deck_footer (const LpSlideDeck *deck,
                      guint              index)
{
  g_return_val_if_fail (deck != NULL, NULL);

  /* TRANSLATORS: a slide's footer: the plan's name, the scenario's, then
   * "3 of 9" */
  return g_strdup_printf (_("%s · scenario “%s” · %u of %u"), deck->plan_name, deck->scenario,
                          index + 1, deck->slides->len);
}

/* The Overview's four totals, as its cards word them. */
static gboolean
lp_slides_overview (LpPlan       *reader,
                    LpSlideDeck  *deck,
                    GError      **error)
{
  g_auto(LpOverviewText) text = { 0, };
  LpOverview overview = { { 0, }, };
  LpSlide *slide;

  if (!lp_plan_get_overview (reader, NULL, LP_ENDING_SOON_MONTHS_DEFAULT, &overview, error))
    return FALSE;
  lp_overview_text_build (&overview, &text);
  lp_overview_clear (&overview);
  slide = lp_slide_new (LP_SLIDE_OVERVIEW, _("Overview"), 2);
  slide->headline = g_strdup (text.reference);
  lp_slide_add_figure (slide, g_strdup (text.localities), text.localities_caption);
  lp_slide_add_figure (slide, g_strdup (text.practices), text.practices_caption);
  lp_slide_add_figure (slide, g_strdup (text.patients), text.patients_caption);
  lp_slide_add_figure (slide, g_strdup (text.contract_value), text.contract_value_caption);
  g_ptr_array_add (deck->slides, slide);
  return TRUE;
}

static const LpModelLocality *
lp_slides_find_locality (GPtrArray *localities,
                         gint64     id)
{
  for (guint i = 0; i < localities->len; i++)
    if (((LpModelLocality *) g_ptr_array_index (localities, i))->locality_id == id)
      return g_ptr_array_index (localities, i);
  return NULL;
}

/* A locality's slide: its grand total a month and a week for each
 * horizon, in large type, and the modelling chart of its month. */
static LpSlide *
lp_slides_locality (const LpModelTable    *table,
                    const LpModelLocality *month,
                    const LpModelLocality *week,
                    const LpSlideDeck     *deck)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autofree char *population = lp_format_count (month->population);
  LpSlide *slide = lp_slide_new (LP_SLIDE_MODELLING, month->name, 2);
  LpModelLocality per_month;

  /* TRANSLATORS: under a locality's name on its slide; %s is a count of patients */
  slide->headline = g_strdup_printf (_("Reductions to make, for %s registered patients"), population);
  for (guint h = 0; h < table->n_horizons; h++)
    {
      g_autofree char *activity_month = lp_format_tenths (month->activity[h]);
      g_autofree char *activity_week = lp_format_tenths (week->activity[h]);
      g_autofree char *bed_days_month = lp_format_tenths (month->bed_days[h]);
      g_autofree char *bed_days_week = lp_format_tenths (week->bed_days[h]);
      g_autofree char *activity = NULL;
      g_autofree char *bed_days = NULL;

      /* TRANSLATORS: a figure's caption on a locality's slide, "Activity over 3 years" */
      activity = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s over %d year", "%s over %d years",
                                               table->horizons[h]),
                                  lp_modelling_text_activity_label (), table->horizons[h]);
      bed_days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s over %d year", "%s over %d years",
                                               table->horizons[h]),
                                  lp_modelling_text_bed_days_label (), table->horizons[h]);
      /* TRANSLATORS: a locality's figure per month and per week, "5.5 a month · 1.3 a week" */
      lp_slide_add_figure (slide, g_strdup_printf (_("%s a month · %s a week"), activity_month, activity_week),
                           activity);
      lp_slide_add_figure (slide, g_strdup_printf (_("%s a month · %s a week"), bed_days_month, bed_days_week),
                           bed_days);
    }
  /* The view's chart of this locality alone: its row is named by what
   * the bars are, the title above naming the locality already. */
  per_month = *month;
  per_month.name = (char *) _("A month");
  g_ptr_array_add (one, &per_month);
  slide->chart = lp_modelling_text_chart (table, one, deck->plan_name, deck->scenario);
  return slide;
}

/* Each locality's slide, in the plan's order of localities.  A plan
 * core cannot model yet (no pathway change) has none. */
static void
lp_slides_modelling (LpPlan             *reader,
                     const LpSlideQuery *asked,
                     LpSlideDeck        *deck)
{
  LpModelQuery query = { 0, };
  g_autoptr(LpModelTable) table = NULL;
  g_autoptr(LpModelTable) week_table = NULL;
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GPtrArray) weeks = NULL;

  query.scenario_id = asked->scenario_id;
  query.weeks_365_7 = asked->weeks_365_7;
  query.per = LP_PER_MONTH;
  if ((months = lp_plan_model_localities (reader, &query, &table, NULL)) == NULL || table->n_horizons == 0)
    return;
  query.per = LP_PER_WEEK;
  if ((weeks = lp_plan_model_localities (reader, &query, &week_table, NULL)) == NULL)
    return;
  for (guint i = 0; i < months->len; i++)
    {
      const LpModelLocality *month = g_ptr_array_index (months, i);
      const LpModelLocality *week = lp_slides_find_locality (weeks, month->locality_id);

      if (week != NULL)
        g_ptr_array_add (deck->slides, lp_slides_locality (table, month, week, deck));
    }
}

/* The whole plan's access trajectory, and the months it is behind. */
static void
lp_slides_access (LpPlan             *reader,
                  const LpSlideQuery *asked,
                  LpSlideDeck        *deck)
{
  LpAccessQuery query = { 0, asked->scenario_id, NULL, NULL, asked->access_partial,
                          asked->access_default_minutes };
  g_autoptr(LpAccessTable) table = NULL;
  g_autoptr(GPtrArray) capacity = NULL;
  g_auto(LpAccessText) text = { 0, };
  g_autoptr(GString) behind = g_string_new (NULL);
  g_autofree char *reference = NULL;
  const char *as_at;
  LpSlide *slide;

  if ((table = lp_plan_access (reader, &query, NULL)) == NULL || table->months->len == 0 ||
      table->targets->len == 0)
    return;
  reference = lp_plan_dup_reference_date (reader, NULL);
  as_at = lp_access_text_as_at_month (table, reference);
  capacity = lp_plan_access_capacity (reader, &query, as_at, NULL);
  lp_access_text_build (table, capacity, NULL, _("All localities"), as_at, asked->access_partial, &text);
  slide = lp_slide_new (LP_SLIDE_ACCESS, _("Extended Access"), 1);
  slide->headline = g_strdup (text.summary);
  for (guint i = 0; i < text.months->len; i++)
    {
      const LpAccessTextMonth *month = g_ptr_array_index (text.months, i);

      if (month->behind)
        g_string_append_printf (behind, "%s%s", behind->len > 0 ? ", " : "", month->month);
    }
  if (text.n_behind > 0)
    /* TRANSLATORS: on the access slide, the months behind: "Jan 2018, Feb 2018" */
    slide->note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Behind the trajectory in %u month: %s",
                                                "Behind the trajectory in %u months: %s", text.n_behind),
                                   text.n_behind, behind->str);
  else
    slide->note = g_strdup (_("On or ahead of the trajectory in every month"));
  slide->chart = g_steal_pointer (&text.chart);
  g_ptr_array_add (deck->slides, slide);
}

/* The GPs of the whole plan: the projection against the targets, and the
 * quarters short of them. */
static void
lp_slides_workforce (LpPlan             *reader,
                     const LpSlideQuery *asked,
                     LpSlideDeck        *deck)
{
  LpWorkforceQuery query = { 0, 0, asked->scenario_id, "GP", NULL };
  g_autoptr(LpWorkforceTable) table = NULL;
  g_auto(LpWorkforceText) text = { 0, };
  const LpWorkforceTextQuarter *last_short = NULL;
  g_autofree char *reference_date = NULL;
  g_autofree char *rates_source = NULL;
  g_autofree char *selection = NULL;
  LpWorkforceRatios ratios;
  double reference = NAN;
  LpSlide *slide;

  if ((table = lp_plan_workforce (reader, &query, NULL)) == NULL || table->quarters->len == 0 ||
      !lp_plan_workforce_ratios (reader, &query, &ratios, NULL))
    return;
  if (!lp_plan_get_reference_figure (reader, LP_WORKFORCE_REFERENCE_PER_GP, &reference, NULL, &reference_date))
    reference = NAN;
  rates_source = lp_plan_dup_info (reader, "workforce_rates_source");
  /* TRANSLATORS: whose workforce the slide shows, as the Workforce view says it */
  selection = g_strdup_printf ("%s, %s", _("All localities"), _("GPs"));
  lp_workforce_text_build (table, &ratios, reference, reference_date, NULL, selection, rates_source, &text);
  slide = lp_slide_new (LP_SLIDE_WORKFORCE, _("Workforce Gap: GPs"), 2);
  slide->headline = g_strdup (text.summary);
  /* The gap where the plan last falls short, and how often it does:
   * every quarter's figure is the chart's, not a list to read out. */
  for (guint i = text.quarters->len; i > 0 && last_short == NULL; i--)
    if (((LpWorkforceTextQuarter *) g_ptr_array_index (text.quarters, i - 1))->short_of_target)
      last_short = g_ptr_array_index (text.quarters, i - 1);
  if (last_short != NULL)
    {
      g_autofree char *caption = NULL;

      /* TRANSLATORS: under "36.3 FTE" on the workforce slide; %s is a quarter, "2020/21 Q4" */
      caption = g_strdup_printf (_("short of the target in %s"), last_short->quarter);
      /* TRANSLATORS: a gap in full-time equivalents, "36.3 FTE" */
      lp_slide_add_figure (slide, g_strdup_printf (_("%s FTE"), last_short->short_by), caption);
      lp_slide_add_figure (slide, g_strdup_printf ("%u", text.n_short),
                           g_dngettext (GETTEXT_PACKAGE, "quarter short of the target",
                                        "quarters short of the target", text.n_short));
    }
  else
    slide->note = g_strdup (_("On or above the target in every quarter"));
  slide->chart = g_steal_pointer (&text.chart);
  g_ptr_array_add (deck->slides, slide);
}

/* The name of the scenario asked for; one the plan does not have (it
 * was deleted, or the window opened another plan) gives way to the base,
 * whose id 0 then goes in @scenario_id. */
static char *
lp_slides_scenario_name (LpPlan  *reader,
                         gint64  *scenario_id)
{
  g_autoptr(GListModel) scenarios = lp_plan_list_scenarios (reader, NULL);
  char *first = NULL;

  for (guint i = 0; scenarios != NULL && i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(LpScenario) scenario = g_list_model_get_item (scenarios, i);

      if (*scenario_id != 0 && lp_scenario_get_id (scenario) == *scenario_id)
        {
          g_free (first);
          return g_strdup (lp_scenario_get_name (scenario));
        }
      if (first == NULL)
        first = g_strdup (lp_scenario_get_name (scenario));
    }
  *scenario_id = 0;
  return first != NULL ? first : g_strdup (_("Base"));
}

gpointer
lp_slide_deck_read (LpPlan        *reader,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  LpSlideQuery query = *(const LpSlideQuery *) data;
  g_autoptr(LpSlideDeck) deck = g_new0 (LpSlideDeck, 1);

  deck->slides = g_ptr_array_new_with_free_func (lp_slide_free);
  deck->plan_name = lp_plan_dup_display_name (reader);
  deck->scenario = lp_slides_scenario_name (reader, &query.scenario_id);
  if (!lp_slides_overview (reader, deck, error))
    return NULL;
  lp_slides_modelling (reader, &query, deck);
  lp_slides_access (reader, &query, deck);
  lp_slides_workforce (reader, &query, deck);
  return g_steal_pointer (&deck);
}
