/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Activity Plan view's words and figures.  Core computes every figure
 * (lp_plan_activity_plan, lp_plan_qipp_table); this file only words them
 * for display, so the view and its tests agree on exactly what a cell says. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lp-activity-text.h"
#include "lp-format.h"
#include "lp-validate.h"

/* What a cell says when there is nothing there: a dash reads as "none"
 * where a 0 would read as a figure someone entered. */
#define LP_NONE "–"

static void
lp_activity_text_line_free (gpointer data)
{
  LpActivityTextLine *line = data;

  g_free (line->code);
  g_free (line->name);
  g_free (line->tooltip);
  g_free (line->growth);
  g_free (line->growth_field);
  g_free (line->baseline);
  g_free (line->baseline_field);
  g_free (line->qipp);
  g_free (line->plan);
  g_free (line->without_qipp);
  g_free (line->per_month);
  g_free (line->per_week);
  g_free (line->growth_placeholder);
  g_free (line->growth_tooltip);
  g_free (line->baseline_tooltip);
  g_free (line->note);
  g_free (line);
}

static void
lp_activity_text_programme_free (gpointer data)
{
  LpActivityTextProgramme *programme = data;

  g_free (programme->name);
  for (guint i = 0; i < LP_QIPP_MAX_PODS; i++)
    g_free (programme->cells[i]);
  g_free (programme->total);
  g_free (programme);
}

/* "13.3%", or "3.75%" for a rate given to two decimals (core formats). */
static char *
lp_activity_text_growth (const LpActivityLine *line)
{
  if (!line->growth_set)
    return g_strdup ("");
  return lp_format_percent_bp (line->growth_bp);
}

static char *
lp_activity_text_figure (double   value,
                         gboolean shown)
{
  return shown ? lp_format_tenths (value) : g_strdup (LP_NONE);
}

/* Core reports no baseline as 0: a line with none has no plan to show,
 * and its figure without QIPP would then be only the QIPP. */
static LpActivityTextLine *
lp_activity_text_line (const LpActivityPlan *plan,
                       const LpActivityLine *source)
{
  LpActivityTextLine *line = g_new0 (LpActivityTextLine, 1);
  gboolean has_baseline = source->baseline_set;
  gboolean by_locality = plan->locality_id != 0;

  line->code = g_strdup (source->code);
  line->name = g_strdup (source->name);
  /* TRANSLATORS: a tooltip on an activity line's name; %s is its unit, "admissions" */
  line->tooltip = source->unit != NULL && *source->unit != '\0'
                ? g_strdup_printf (_("Counted in %s"), source->unit) : NULL;
  line->growth_placeholder = g_strdup (LP_NONE);
  if (!by_locality)
    {
      line->growth = lp_activity_text_growth (source);
      /* TRANSLATORS: names the field in an error message, "Growth for Total Elective Admissions" */
      line->growth_field = g_strdup_printf (_("Growth for %s"), source->name);
      /* TRANSLATORS: names the field in an error message */
      line->baseline_field = g_strdup_printf (_("Forecast outturn for %s"), source->name);
    }
  else
    {
      /* A locality's own rate is shown as typed; the line's, which it
       * takes without one, dimmed in the empty cell. */
      line->growth = source->growth_own ? lp_activity_text_growth (source) : g_strdup ("");
      if (!source->growth_own && source->growth_set)
        {
          g_free (line->growth_placeholder);
          line->growth_placeholder = lp_format_percent_bp (source->growth_bp);
        }
      line->growth_tooltip = g_strdup_printf (source->growth_own
          /* TRANSLATORS: a growth cell's tooltip; %s is a locality */
          ? _("%s’s own rate; leave it empty for the whole plan’s")
          /* TRANSLATORS: a growth cell's tooltip; %s is a locality */
          : _("The whole plan’s rate; type one for %s alone"), plan->locality_name);
      /* TRANSLATORS: names the field in an error message, "Growth for Total Elective Admissions in Stevenage" */
      line->growth_field = g_strdup_printf (_("Growth for %s in %s"), source->name, plan->locality_name);
      /* TRANSLATORS: names the field in an error message, "Forecast outturn for Total Elective
       * Admissions in Stevenage" */
      line->baseline_field = g_strdup_printf (_("Forecast outturn for %s in %s"), source->name,
                                              plan->locality_name);
    }
  line->baseline = has_baseline ? lp_format_tenths (source->baseline) : g_strdup ("");
  if (!by_locality && source->held_by_locality)
    {
      line->baseline_locked = TRUE;
      line->baseline_tooltip = g_strdup (source->n_localities > 0
          ? _("The sum of the localities’ forecast outturns: choose a locality above the table to edit its "
              "figure, or clear every locality’s figure to enter one for the whole plan")
          : _("Held by provider in the plan file: the sum of the providers’ forecast outturns"));
      if (source->n_localities > 0)
        line->growth_tooltip = g_strdup (_("The rate of each locality without one of its own"));
      if (source->n_localities > 0)
        /* TRANSLATORS: under an activity line's name: its plan adds up the localities' */
        line->note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sum of %u locality", "Sum of %u localities",
                                                   source->n_localities), source->n_localities);
    }
  /* QIPP is planned for the whole plan only: a locality has none to show. */
  line->qipp = lp_activity_text_figure (source->qipp, !by_locality && source->qipp > 0);
  line->plan = lp_activity_text_figure (source->plan, has_baseline);
  line->without_qipp = lp_activity_text_figure (source->without_qipp, has_baseline && !by_locality);
  line->per_month = lp_activity_text_figure (source->per_month[0], has_baseline);
  line->per_week = lp_activity_text_figure (source->per_week, has_baseline);
  return line;
}

static char *
lp_activity_text_pounds (gint64 pounds)
{
  return pounds != 0 ? lp_format_pounds (pounds) : g_strdup (LP_NONE);
}

static void
lp_activity_text_qipp (const LpQippTable *qipp,
                       LpActivityText    *text)
{
  text->n_pods = qipp->n_pods;
  for (guint d = 0; d < qipp->n_pods; d++)
    {
      text->pods[d] = g_strdup (qipp->pod_names[d]);
      text->pod_totals[d] = lp_activity_text_pounds (qipp->pod_totals[d]);
    }
  for (guint p = 0; p < qipp->programmes->len; p++)
    {
      LpActivityTextProgramme *programme = g_new0 (LpActivityTextProgramme, 1);

      programme->id = g_array_index (qipp->programme_ids, gint64, p);
      programme->name = g_strdup (g_ptr_array_index (qipp->programmes, p));
      for (guint d = 0; d < qipp->n_pods; d++)
        programme->cells[d] = lp_activity_text_pounds (lp_qipp_table_get_saving (qipp, p, d));
      programme->total = lp_activity_text_pounds (g_array_index (qipp->programme_totals, gint64, p));
      g_ptr_array_add (text->programmes, programme);
    }
  text->total = lp_activity_text_pounds (qipp->total);
}

static void
lp_activity_text_headings (const LpActivityPlan *plan,
                           LpActivityText       *text)
{
  text->locality_id = plan->locality_id;
  if (plan->locality_id == 0)
    /* TRANSLATORS: the view's subtitle, "2018/19, base scenario: 15 activity lines" */
    text->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, base scenario: %u activity line",
                                                  "%s, base scenario: %u activity lines", plan->lines->len),
                                     plan->financial_year, plan->lines->len);
  else
    /* TRANSLATORS: the view's subtitle, "Stevenage, 2018/19, base scenario: 15 activity lines" */
    text->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s, base scenario: %u activity line",
                                                  "%s, %s, base scenario: %u activity lines", plan->lines->len),
                                     plan->locality_name, plan->financial_year, plan->lines->len);
  /* Per month is April's figure: with a seasonal profile the months
   * differ, and the year starts in April. */
  text->month_heading = g_strdup (plan->seasonal ? _("April") : _("Per month"));
  text->convention = g_strdup (plan->locality_id != 0
      ? (plan->seasonal
         ? _("Plan = the locality’s forecast outturn × (1 + its growth, or the whole plan’s where it has none); "
             "the growth is net of QIPP, which is planned for the whole plan. April’s figure follows the plan’s "
             "seasonal profile; per week = a year / 52.")
         : _("Plan = the locality’s forecast outturn × (1 + its growth, or the whole plan’s where it has none); "
             "the growth is net of QIPP, which is planned for the whole plan. Per month = a year / 12; "
             "per week = a year / 52."))
      : plan->seasonal
      ? _("Plan = forecast outturn × (1 + growth): the growth is net of QIPP. Without QIPP = "
          "plan + QIPP, the demand the schemes must take out. April’s figure follows the "
          "plan’s seasonal profile; per week = a year / 52.")
      : _("Plan = forecast outturn × (1 + growth): the growth is net of QIPP. Without QIPP = "
          "plan + QIPP, the demand the schemes must take out. Per month = a year / 12; "
          "per week = a year / 52."));
}

/**
 * lp_activity_text_build:
 * @plan: the activity plan of one financial year and scenario
 * @qipp: the QIPP table of the same year and scenario
 *
 * Fills @text with what the view shows.
 */
void
lp_activity_text_build (const LpActivityPlan *plan,
                        const LpQippTable    *qipp,
                        LpActivityText       *text)
{
  g_return_if_fail (plan != NULL && qipp != NULL && text != NULL);

  memset (text, 0, sizeof *text);
  text->lines = g_ptr_array_new_with_free_func (lp_activity_text_line_free);
  text->programmes = g_ptr_array_new_with_free_func (lp_activity_text_programme_free);
  lp_activity_text_headings (plan, text);
  for (guint i = 0; i < plan->lines->len; i++)
    {
      const LpActivityLine *source = g_ptr_array_index (plan->lines, i);

      g_ptr_array_add (text->lines, lp_activity_text_line (plan, source));
      text->has_baseline |= source->baseline_set;
    }
  lp_activity_text_qipp (qipp, text);
}

void
lp_activity_text_clear (LpActivityText *text)
{
  g_clear_pointer (&text->summary, g_free);
  g_clear_pointer (&text->month_heading, g_free);
  g_clear_pointer (&text->convention, g_free);
  g_clear_pointer (&text->lines, g_ptr_array_unref);
  g_clear_pointer (&text->programmes, g_ptr_array_unref);
  for (guint d = 0; d < LP_QIPP_MAX_PODS; d++)
    {
      g_clear_pointer (&text->pods[d], g_free);
      g_clear_pointer (&text->pod_totals[d], g_free);
    }
  g_clear_pointer (&text->total, g_free);
  text->n_pods = 0;
  text->has_baseline = FALSE;
  text->locality_id = 0;
}

/**
 * lp_activity_text_same_lines:
 * @shown: what the view shows, perhaps nothing yet
 *
 * Returns: %TRUE if @text has the same activity lines under the same
 *   headings as @shown, so that the view can keep its rows (and the
 *   keyboard focus in them) and only change their words
 */
gboolean
lp_activity_text_same_lines (const LpActivityText *shown,
                             const LpActivityText *text)
{
  g_return_val_if_fail (shown != NULL && text != NULL, FALSE);

  /* Another locality's lines are new rows: nothing typed for one is kept
   * for the other. */
  if (shown->lines == NULL || text->lines == NULL || shown->lines->len != text->lines->len ||
      shown->locality_id != text->locality_id ||
      g_strcmp0 (shown->month_heading, text->month_heading) != 0)
    return FALSE;
  for (guint i = 0; i < text->lines->len; i++)
    if (g_strcmp0 (((LpActivityTextLine *) g_ptr_array_index (shown->lines, i))->code,
                   ((LpActivityTextLine *) g_ptr_array_index (text->lines, i))->code) != 0)
      return FALSE;
  return TRUE;
}
