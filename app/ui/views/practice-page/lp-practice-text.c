/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Practice Page's words and figures.  Core computes every figure
 * (lp_plan_model_practice); this file only rounds them for display, one
 * decimal place, as the modelling view does. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lp-access-text.h"
#include "lp-modelling-text.h"
#include "lp-practice-text.h"

static void
lp_practice_text_row_free (gpointer data)
{
  LpPracticeTextRow *row = data;

  g_free (row->name);
  for (guint i = 0; i < LP_PRACTICE_TEXT_MAX_COLUMNS; i++)
    g_free (row->cells[i]);
  g_free (row);
}

const char *
lp_practice_text_measure (guint column)
{
  return column % LP_PRACTICE_TEXT_PER_HORIZON < 2 ? _("Activity") : _("Reduced bed days");
}

const char *
lp_practice_text_period (guint column)
{
  return column % 2 == 0 ? _("a month") : _("a week");
}

static LpPracticeTextRow *
lp_practice_text_row (const LpPracticeModel    *model,
                      const LpPracticeModelRow *row)
{
  LpPracticeTextRow *text = g_new0 (LpPracticeTextRow, 1);

  text->name = g_strdup (row->name);
  text->total = row->kind != LP_MODEL_ROW_PATHWAY;
  for (guint h = 0; h < model->n_horizons; h++)
    {
      char **cells = &text->cells[LP_PRACTICE_TEXT_PER_HORIZON * h];

      cells[0] = lp_format_tenths (row->month_activity[h]);
      cells[1] = lp_format_tenths (row->week_activity[h]);
      cells[2] = lp_format_tenths (row->month_bed_days[h]);
      cells[3] = lp_format_tenths (row->week_bed_days[h]);
    }
  return text;
}

/* "E82013 · Lower Lea Valley · 9,876 registered patients on 1 January
 * 2018, 13.0% of the locality's 75,825". */
static char *
lp_practice_text_details (const LpPracticeModel *model)
{
  g_autofree char *patients = NULL;
  g_autofree char *date = NULL;
  g_autofree char *share = NULL;
  g_autofree char *population = NULL;

  if (model->closed && model->close_date != NULL)
    {
      date = lp_format_date (model->close_date);
      /* TRANSLATORS: the practice's code, its locality, the day it closed */
      return g_strdup_printf (_("%s · %s · closed on %s, so left out of the locality’s patients and "
                                "changes from then on"), model->ods_code, model->locality, date);
    }
  if (model->closed)
    /* TRANSLATORS: the practice's code, then its locality */
    return g_strdup_printf (_("%s · %s · closed, so left out of the locality’s patients and changes"),
                            model->ods_code, model->locality);
  if (model->list_size < 0)
    /* TRANSLATORS: the practice's code, then its locality */
    return g_strdup_printf (_("%s · %s · no list size yet, so no share of the locality's changes"),
                            model->ods_code, model->locality);
  patients = lp_format_count (model->list_size);
  date = lp_format_date (model->list_size_date);
  share = lp_format_share (model->share);
  population = lp_format_count (model->locality_population);
  /* TRANSLATORS: "E82013 · Lower Lea Valley · 9,876 registered patients on
   * 01/01/2018, 13.0% of the locality's 75,825" */
  return g_strdup_printf (_("%s · %s · %s registered patients on %s, %s of the locality’s %s"),
                          model->ods_code, model->locality, patients, date, share, population);
}

/**
 * lp_practice_text_build:
 * @scenario: the scenario's name
 *
 * Fills @text; a plan without pathway changes gives an empty @text with
 * its title and details still set.
 */
void
lp_practice_text_build (const LpPracticeModel *model,
                        const char            *scenario,
                        LpPracticeText        *text)
{
  g_return_if_fail (model != NULL && text != NULL);

  memset (text, 0, sizeof *text);
  text->rows = g_ptr_array_new_with_free_func (lp_practice_text_row_free);
  text->title = g_strdup (model->name);
  text->details = lp_practice_text_details (model);
  /* TRANSLATORS: the scenario the figures come from */
  text->scenario = g_strdup_printf (_("Scenario: %s"), scenario);
  text->convention = lp_modelling_text_convention (model->weeks_per_year);
  text->empty = model->n_horizons == 0;
  text->n_horizons = model->n_horizons;
  for (guint h = 0; h < model->n_horizons; h++)
    text->horizons[h] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years",
                                                      model->horizons[h]), model->horizons[h]);
  for (guint i = 0; i < model->rows->len && !text->empty; i++)
    g_ptr_array_add (text->rows, lp_practice_text_row (model, g_ptr_array_index (model->rows, i)));
}

/**
 * lp_practice_text_set_access:
 *
 * "Extended access, October 2018: live from 01/07/2018 (full), offering 375
 * minutes a week; GP Forward View extended access requires 369.8 (6.2 h)."
 */
void
lp_practice_text_set_access (LpPracticeText         *text,
                             const LpAccessPractice *practice,
                             const char             *rule,
                             const char             *month)
{
  g_autofree char *when = lp_access_text_month (month);
  g_autofree char *go_live = practice->go_live != NULL ? lp_format_date (practice->go_live) : NULL;
  g_autofree char *offered = lp_format_count (practice->offered_minutes);
  g_autofree char *required = lp_format_tenths (practice->required_minutes);
  g_autofree char *hours = lp_format_tenths (practice->required_minutes / 60.0);
  g_autofree char *live = NULL;
  g_autofree char *need = NULL;

  g_free (text->access);
  /* TRANSLATORS: a practice's go-live date and level: "live from 01/07/2018 (full)" */
  live = go_live != NULL ? g_strdup_printf (_("live from %s (%s)"), go_live,
                                            practice->level != NULL ? practice->level : _("none"))
                         : g_strdup (_("no go-live date planned"));
  /* TRANSLATORS: the capacity rule, then the minutes and hours a week it requires */
  need = rule != NULL ? g_strdup_printf (_("%s requires %s (%s h)"), rule, required, hours)
                      : g_strdup (_("no capacity rule is in force"));
  /* TRANSLATORS: "Extended access, Oct 2018: live from …, offering 375 minutes a week; … requires …" */
  text->access = g_strdup_printf (_("Extended access, %s: %s, offering %s minutes a week; %s."),
                                  when, live, offered, need);
  text->access_short = practice->shortfall;
}

/**
 * lp_practice_text_set_workforce:
 *
 * "Workforce on 31/03/2018: GPs 6.2 FTE (1,988 patients each; 2,210 without
 * trainees and locums), nurses 4.1, direct patient care 2.0, admin 5.3.
 * GPs planned for 2020/21 Q4: 6.8 FTE against a target of 7.3."
 */
void
lp_practice_text_set_workforce (LpPracticeText           *text,
                                const LpWorkforceRatios  *ratios,
                                const char               *baseline_date,
                                const LpWorkforceQuarter *planned)
{
  double per_patient = ratios->patients / 1000.0;
  g_autofree char *date = lp_format_date (baseline_date);
  g_autofree char *gps = lp_format_tenths (ratios->gp_fte);
  g_autofree char *each = lp_format_count ((gint64) llround (ratios->patients_per_gp));
  g_autofree char *qualified = lp_format_count ((gint64) llround (ratios->patients_per_qualified_gp));
  g_autofree char *nurses = lp_format_tenths (ratios->per_1000[1] * per_patient);
  g_autofree char *dpc = lp_format_tenths (ratios->per_1000[2] * per_patient);
  g_autofree char *admin = lp_format_tenths (ratios->per_1000[3] * per_patient);
  g_autofree char *now = NULL;
  g_autofree char *plan = lp_format_tenths (planned->plan);
  g_autofree char *target = planned->has_target ? lp_format_tenths (planned->target) : NULL;

  /* TRANSLATORS: a practice's staff at the baseline date */
  now = g_strdup_printf (_("Workforce on %s: GPs %s FTE (%s patients each; %s without trainees and locums), "
                           "nurses %s, direct patient care %s, admin %s."),
                         date, gps, each, qualified, nurses, dpc, admin);
  g_free (text->workforce);
  text->workforce = target != NULL
    /* TRANSLATORS: the first %s is the sentence above */
    ? g_strdup_printf (_("%s GPs planned for %s: %s FTE against a target of %s."), now, planned->label, plan, target)
    : g_strdup_printf (_("%s GPs planned for %s: %s FTE."), now, planned->label, plan);
}

/**
 * lp_practice_text_set_population:
 *
 * "Patients aged 65 and over 125, 75 and over 125, 85 and over 25 (age
 * profile of 01/04/2018).  PCN adjusted population 5,101 (Imported from
 * pcn.csv, as at 01/01/2023): 2,040 patients per GP FTE."
 */
void
lp_practice_text_set_population (LpPracticeText *text,
                                 const gint64   *aged,
                                 const char     *extract,
                                 GPtrArray      *weighted,
                                 gboolean        has_gp_fte)
{
  g_autoptr(GString) population = g_string_new (NULL);

  if (aged != NULL)
    {
      g_autofree char *a = lp_format_count (aged[0]);
      g_autofree char *b = lp_format_count (aged[1]);
      g_autofree char *c = lp_format_count (aged[2]);
      g_autofree char *date = lp_format_date (extract);

      /* TRANSLATORS: a practice's older patients; the last %s is a date */
      g_string_append_printf (population, _("Patients aged 65 and over %s, 75 and over %s, 85 and over %s "
                                            "(age profile of %s)."), a, b, c, date);
    }
  for (guint i = 0; weighted != NULL && i < weighted->len; i++)
    {
      const LpPracticeWeighted *one = g_ptr_array_index (weighted, i);
      g_autofree char *figure = lp_format_count ((gint64) llround (one->population));
      g_autofree char *each = lp_format_count ((gint64) llround (one->per_gp_fte));

      if (population->len > 0)
        g_string_append_c (population, ' ');
      if (has_gp_fte && one->per_gp_fte > 0)
        /* TRANSLATORS: a weighted population's name, its figure, where it comes from, and patients per GP FTE */
        g_string_append_printf (population, _("%s population %s (%s): %s patients per GP FTE."),
                                one->name, figure, one->source, each);
      else
        /* TRANSLATORS: a weighted population's name, its figure and where it comes from */
        g_string_append_printf (population, _("%s population %s (%s)."), one->name, figure, one->source);
    }
  g_free (text->population);
  text->population = population->len > 0 ? g_string_free (g_steal_pointer (&population), FALSE) : NULL;
}

void
lp_practice_text_clear (LpPracticeText *text)
{
  g_clear_pointer (&text->title, g_free);
  g_clear_pointer (&text->details, g_free);
  g_clear_pointer (&text->scenario, g_free);
  for (guint h = 0; h < LP_MODEL_MAX_HORIZONS; h++)
    g_clear_pointer (&text->horizons[h], g_free);
  g_clear_pointer (&text->rows, g_ptr_array_unref);
  g_clear_pointer (&text->access, g_free);
  g_clear_pointer (&text->workforce, g_free);
  g_clear_pointer (&text->population, g_free);
  text->n_horizons = 0;
}

static LpPracticeTextRow *
lp_practice_text_row_dup (const LpPracticeTextRow *row)
{
  LpPracticeTextRow *copy = g_new0 (LpPracticeTextRow, 1);

  copy->name = g_strdup (row->name);
  copy->total = row->total;
  for (guint i = 0; i < LP_PRACTICE_TEXT_MAX_COLUMNS; i++)
    copy->cells[i] = g_strdup (row->cells[i]);
  return copy;
}

LpPracticeText *
lp_practice_text_dup (const LpPracticeText *text)
{
  LpPracticeText *copy = g_new0 (LpPracticeText, 1);

  copy->empty = text->empty;
  copy->title = g_strdup (text->title);
  copy->details = g_strdup (text->details);
  copy->scenario = g_strdup (text->scenario);
  copy->convention = text->convention;
  copy->n_horizons = text->n_horizons;
  for (guint h = 0; h < text->n_horizons; h++)
    copy->horizons[h] = g_strdup (text->horizons[h]);
  copy->access = g_strdup (text->access);
  copy->workforce = g_strdup (text->workforce);
  copy->population = g_strdup (text->population);
  copy->access_short = text->access_short;
  copy->rows = g_ptr_array_new_with_free_func (lp_practice_text_row_free);
  for (guint i = 0; i < text->rows->len; i++)
    g_ptr_array_add (copy->rows, lp_practice_text_row_dup (g_ptr_array_index (text->rows, i)));
  return copy;
}

void
lp_practice_text_free (LpPracticeText *text)
{
  if (text == NULL)
    return;
  lp_practice_text_clear (text);
  g_free (text);
}
