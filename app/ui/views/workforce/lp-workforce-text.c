/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Workforce view's words, figures and chart (see lp-workforce-text.h).
 * Core computes every figure; this file rounds and words them. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lp-workforce-text.h"

static void
lp_workforce_text_quarter_free (gpointer data)
{
  LpWorkforceTextQuarter *quarter = data;

  g_free (quarter->quarter);
  g_free (quarter->recorded);
  g_free (quarter->plan);
  g_free (quarter->target);
  g_free (quarter->short_by);
  g_free (quarter->missing);
  g_free (quarter);
}

void
lp_workforce_text_practice_free (gpointer data)
{
  LpWorkforceTextPractice *practice = data;

  g_free (practice->code);
  g_free (practice->name);
  g_free (practice->fte);
  g_free (practice->joiners);
  g_free (practice->leavers);
  g_free (practice);
}

gpointer
lp_workforce_text_practice_copy (gconstpointer data)
{
  const LpWorkforceTextPractice *practice = data;
  LpWorkforceTextPractice *copy = g_new0 (LpWorkforceTextPractice, 1);

  copy->practice_id = practice->practice_id;
  copy->code = g_strdup (practice->code);
  copy->name = g_strdup (practice->name);
  copy->fte = g_strdup (practice->fte);
  copy->joiners = g_strdup (practice->joiners);
  copy->leavers = g_strdup (practice->leavers);
  return copy;
}

gboolean
lp_workforce_text_practice_equal (gconstpointer a,
                                  gconstpointer b)
{
  const LpWorkforceTextPractice *x = a, *y = b;

  return x->practice_id == y->practice_id && g_strcmp0 (x->code, y->code) == 0 &&
         g_strcmp0 (x->name, y->name) == 0 && g_strcmp0 (x->fte, y->fte) == 0 &&
         g_strcmp0 (x->joiners, y->joiners) == 0 && g_strcmp0 (x->leavers, y->leavers) == 0;
}

static char *
lp_workforce_text_fte (gboolean known,
                       double   fte)
{
  return known ? lp_format_tenths (fte) : g_strdup ("–");
}

/* An entry's text: "1.5", "" for none. */
static char *
lp_workforce_text_field (double fte)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return fte != 0 ? g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", fte)) : g_strdup ("");
}

static LpWorkforceTextQuarter *
lp_workforce_text_quarter (const LpWorkforceQuarter *quarter)
{
  LpWorkforceTextQuarter *row = g_new0 (LpWorkforceTextQuarter, 1);

  row->quarter = g_strdup (quarter->label);
  row->recorded = lp_workforce_text_fte (quarter->has_actual, quarter->actual);
  row->plan = lp_format_tenths (quarter->plan);
  row->target = lp_workforce_text_fte (quarter->has_target, quarter->target);
  row->short_by = quarter->short_of_target ? lp_format_tenths (quarter->gap) : g_strdup ("–");
  /* TRANSLATORS: how many practice roles have no FTE figure */
  row->missing = quarter->missing > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u missing",
                                                                      "%u missing", quarter->missing),
                                                         quarter->missing)
                                      : g_strdup ("");
  row->short_of_target = quarter->short_of_target;
  return row;
}

static LpWorkforceTextPractice *
lp_workforce_text_practice (const LpWorkforcePractice *practice)
{
  LpWorkforceTextPractice *row = g_new0 (LpWorkforceTextPractice, 1);
  g_autofree char *fte = lp_workforce_text_fte (practice->has_fte, practice->fte);

  row->practice_id = practice->practice_id;
  row->code = g_strdup (practice->ods_code);
  row->name = g_strdup (practice->name);
  /* TRANSLATORS: FTE, then how many figures are missing: "6.0 + 1 missing" */
  if (practice->by_hand)
    {
      /* TRANSLATORS: a practice's FTE typed in, not from NHS Digital's file */
      char *marked = g_strdup_printf (_("%s, by hand"), fte);

      g_free (fte);
      fte = marked;
    }
  row->fte = practice->missing > 0 ? g_strdup_printf (_("%s + %u missing"), fte, practice->missing)
                                   : g_steal_pointer (&fte);
  row->joiners = lp_workforce_text_field (practice->joiners);
  row->leavers = lp_workforce_text_field (practice->leavers);
  return row;
}

/* A round top for the y axis at or above @value: 4, 8, 20, 40, 80, 200,
 * ... so that its quarters (the grid lines) are round too. */
static double
lp_workforce_text_axis_top (double value)
{
  static const double steps[] = { 4, 8, 20 };
  double scale = 1;

  for (int k = 0; k < 12; k++, scale *= 10)
    for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
      if (steps[i] * scale >= value)
        return steps[i] * scale;
  return value;
}

/* Lines: target dashed, plan, recorded; quarters short of the target
 * shaded; each financial year from its Q1. */
static LpChart *
lp_workforce_text_chart (const LpWorkforceTable *table,
                         const char             *selection)
{
  LpChart *chart = lp_chart_new (3, 1);
  double top = 0;

  chart->kind = LP_CHART_LINES;
  chart->label_every = 1;
  chart->label_last_word = TRUE;
  /* TRANSLATORS: the chart's title, "FTE by quarter: Lower Lea Valley, GPs" */
  chart->title = g_strdup_printf (_("FTE by quarter: %s"), selection);
  chart->series[0] = g_strdup (_("Target"));
  chart->series[1] = g_strdup (_("Plan"));
  chart->series[2] = g_strdup (_("Recorded"));
  chart->marked_label = g_strdup (_("Short of the target"));
  for (guint i = 0; i < table->quarters->len; i++)
    {
      const LpWorkforceQuarter *quarter = g_ptr_array_index (table->quarters, i);
      double values[3] = { quarter->has_target ? quarter->target : NAN, quarter->plan,
                           quarter->has_actual ? quarter->actual : NAN };
      const char *labels[3] = { "", "", "" };

      top = MAX (top, MAX (quarter->plan, MAX (quarter->has_target ? quarter->target : 0,
                                               quarter->has_actual ? quarter->actual : 0)));
      lp_chart_add_category (chart, quarter->label, values, labels);
      lp_chart_mark_last (chart, quarter->short_of_target);
      if (g_str_has_suffix (quarter->label, "Q1"))
        {
          g_autofree char *year = g_strndup (quarter->label, 7);

          lp_chart_section_last (chart, year);
        }
    }
  chart->maximum = lp_workforce_text_axis_top (top * 1.05);
  return chart;
}

static char *
lp_workforce_text_ratios (const LpWorkforceRatios *ratios,
                          double                   reference,
                          const char              *reference_date)
{
  g_autofree char *all = lp_format_count ((gint64) llround (ratios->patients_per_gp));
  g_autofree char *qualified = lp_format_count ((gint64) llround (ratios->patients_per_qualified_gp));
  g_autofree char *national = NULL;
  g_autofree char *when = NULL;

  if (ratios->gp_fte <= 0)
    return g_strdup (_("Patients per GP FTE: – (no GP FTE recorded)"));
  if (isnan (reference))
    /* TRANSLATORS: patients per GP FTE, then without trainees and locums */
    return g_strdup_printf (_("Patients per GP FTE: %s (%s without trainees and locums)"), all, qualified);
  national = lp_format_count ((gint64) llround (reference));
  when = lp_format_date (reference_date);
  /* TRANSLATORS: …, then England's figure and its date */
  return g_strdup_printf (_("Patients per GP FTE: %s (%s without trainees and locums); England: %s on %s"),
                          all, qualified, national, when);
}

static char *
lp_workforce_text_per_1000 (const LpWorkforceRatios *ratios)
{
  /* TRANSLATORS: FTE per 1,000 patients by staff group */
  return g_strdup_printf (_("FTE per 1,000 patients: GPs %.2f · nurses %.2f · direct patient care %.2f · "
                            "admin %.2f"), ratios->per_1000[0], ratios->per_1000[1], ratios->per_1000[2],
                          ratios->per_1000[3]);
}

/* "GP partner 5.0% leave, 4.0% join · …": what the projection assumed,
 * with where the rates come from when the plan says. */
static char *
lp_workforce_text_rates (const GPtrArray *rates,
                         const char      *source)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; rates != NULL && i < rates->len; i++)
    {
      const LpWorkforceRate *rate = g_ptr_array_index (rates, i);
      g_autofree char *turnover = lp_format_percent_bp (rate->turnover_bp);
      g_autofree char *joiners = lp_format_percent_bp (rate->joiner_bp);

      if (i > 0)
        g_string_append (list, " · ");
      /* TRANSLATORS: a role's yearly rates: "Salaried GP 12.0% leave, 11.0% join" */
      g_string_append_printf (list, _("%s %s leave, %s join"), rate->name, turnover, joiners);
    }
  if (list->len == 0)
    return source != NULL && *source != '\0'
           /* TRANSLATORS: %s says where the plan's rates come from, "illustrative" */
           ? g_strdup_printf (_("Yearly turnover and joiner rates (%s): none set, so only the planned movements "
                                "change the FTE."), source)
           : g_strdup (_("Yearly turnover and joiner rates: none set, so only the planned movements change the "
                         "FTE."));
  if (source != NULL && *source != '\0')
    /* TRANSLATORS: where the rates come from ("illustrative"), then the roles' rates */
    return g_strdup_printf (_("Yearly turnover and joiner rates (%s): %s"), source, list->str);
  /* TRANSLATORS: the roles' rates */
  return g_strdup_printf (_("Yearly turnover and joiner rates: %s"), list->str);
}

/* The plan states its targets as additions (the +40 GP FTE is more GPs
 * than at the baseline), not as totals: say so, with the total they
 * lead to. */
static char *
lp_workforce_text_targets (const LpWorkforceTable *table)
{
  const LpWorkforceQuarter *last = g_ptr_array_index (table->quarters, table->quarters->len - 1);
  g_autofree char *baseline = lp_format_date (table->baseline_date);
  g_autofree char *change = lp_format_tenths (table->target_change);
  g_autofree char *due = lp_format_date (table->target_due);
  g_autofree char *total = lp_format_tenths (last->target);

  if (!table->has_target || !last->has_target)
    return NULL;
  /* TRANSLATORS: "Targets are growth on the 31/03/2018 baseline, as the plan
   * states them: +40.0 FTE by 31/03/2021, so 290.4 FTE." */
  return g_strdup_printf (_("Targets are growth on the %s baseline, as the plan states them: %s%s FTE by %s, "
                            "so %s FTE."), baseline, table->target_change >= 0 ? "+" : "", change, due, total);
}

/**
 * lp_workforce_text_add_weighted:
 *
 * "Patients per GP FTE: 2,267 (…). On the PCN adjusted population 5,100
 * (Imported from pcn.csv, as at 01/01/2023): 2,040 per GP FTE."
 */
void
lp_workforce_text_add_weighted (LpWorkforceText *text,
                                const GPtrArray *weighted)
{
  g_autoptr(GString) line = g_string_new (text->patients_per_gp);

  for (guint i = 0; weighted != NULL && i < weighted->len; i++)
    {
      const LpPracticeWeighted *one = g_ptr_array_index (weighted, i);
      g_autofree char *figure = lp_format_count ((gint64) llround (one->population));
      g_autofree char *each = lp_format_count ((gint64) llround (one->per_gp_fte));

      if (one->per_gp_fte <= 0)
        continue;
      /* TRANSLATORS: a weighted population's name, its figure, where it comes from, and patients per GP FTE */
      g_string_append_printf (line, _(". On the %s population %s (%s): %s per GP FTE"), one->name, figure,
                              one->source, each);
      if (one->n_missing > 0)
        g_string_append_printf (line, ngettext (", %u practice without a figure not counted",
                                                ", %u practices without a figure not counted", one->n_missing),
                                one->n_missing);
    }
  g_free (text->patients_per_gp);
  text->patients_per_gp = g_string_free (g_steal_pointer (&line), FALSE);
}

void
lp_workforce_text_build (const LpWorkforceTable  *table,
                         const LpWorkforceRatios *ratios,
                         double                   reference,
                         const char              *reference_date,
                         GPtrArray               *practices,
                         const char              *selection,
                         const char              *rates_source,
                         LpWorkforceText         *text)
{
  const LpWorkforceQuarter *first = g_ptr_array_index (table->quarters, 0);
  const LpWorkforceQuarter *next = table->quarters->len > 1 ? g_ptr_array_index (table->quarters, 1) : first;
  g_autofree char *fte = lp_format_tenths (first->plan);
  g_autofree char *date = lp_format_date (table->baseline_date);
  g_autofree char *patients = lp_format_count (table->population);

  memset (text, 0, sizeof *text);
  text->quarters = g_ptr_array_new_with_free_func (lp_workforce_text_quarter_free);
  text->practices = g_ptr_array_new_with_free_func (lp_workforce_text_practice_free);
  /* TRANSLATORS: "Lower Lea Valley, GPs: 47.3 FTE on 31/03/2018 for 75,825 patients" */
  text->summary = g_strdup_printf (_("%s: %s FTE on %s for %s patients"), selection, fte, date, patients);
  text->basis = g_strdup (_("Each quarter: FTE × (1 - turnover) × (1 + joiners), each role's yearly rates "
                            "compounded by quarter, then + joiners - leavers - retirements planned. Targets are "
                            "shared by registered patients and reached in a straight line by their due date. "
                            "Missing figures are left out and counted, never taken as 0."));
  text->rates = lp_workforce_text_rates (table->rates, rates_source);
  text->targets = lp_workforce_text_targets (table);
  text->patients_per_gp = lp_workforce_text_ratios (ratios, reference, reference_date);
  text->per_1000 = lp_workforce_text_per_1000 (ratios);
  /* TRANSLATORS: %s is a quarter, "2018/19 Q1" */
  text->practices_title = g_strdup_printf (_("Planned joiners and leavers in %s"), next->label);
  text->next_quarter = g_strdup (next->start);
  for (guint i = 0; i < table->quarters->len; i++)
    {
      LpWorkforceTextQuarter *row = lp_workforce_text_quarter (g_ptr_array_index (table->quarters, i));

      text->n_short += row->short_of_target;
      g_ptr_array_add (text->quarters, row);
    }
  for (guint i = 0; practices != NULL && i < practices->len; i++)
    g_ptr_array_add (text->practices, lp_workforce_text_practice (g_ptr_array_index (practices, i)));
  text->chart = lp_workforce_text_chart (table, selection);
}

void
lp_workforce_text_clear (LpWorkforceText *text)
{
  g_clear_pointer (&text->summary, g_free);
  g_clear_pointer (&text->basis, g_free);
  g_clear_pointer (&text->rates, g_free);
  g_clear_pointer (&text->targets, g_free);
  g_clear_pointer (&text->patients_per_gp, g_free);
  g_clear_pointer (&text->per_1000, g_free);
  g_clear_pointer (&text->practices_title, g_free);
  g_clear_pointer (&text->next_quarter, g_free);
  g_clear_pointer (&text->quarters, g_ptr_array_unref);
  g_clear_pointer (&text->practices, g_ptr_array_unref);
  g_clear_pointer (&text->chart, lp_chart_free);
}

void
lp_workforce_text_target (const LpWorkforceTarget  *target,
                          char                    **title,
                          char                    **subtitle)
{
  g_autofree char *change = lp_format_tenths (fabs (target->fte_change));
  g_autofree char *due = lp_format_date (target->due);
  g_autofree char *where = NULL;
  const char *sign = target->fte_change < 0 ? "−" : "+";

  if (g_strcmp0 (target->level, "ccg") == 0)
    where = g_strdup (_("the whole CCG"));
  else
    where = g_strdup (target->applies_to);
  /* TRANSLATORS: "+4.0 FTE GPs for the whole CCG", "−1.5 FTE Practice nurse for X06K02" */
  *title = g_strdup_printf (_("%s%s FTE %s for %s"), sign, change, target->staff_name, where);
  *subtitle = target->label != NULL && target->label[0] != '\0'
              ? g_strdup_printf (_("By %s · %s"), due, target->label)
              : g_strdup_printf (_("By %s"), due);
}
