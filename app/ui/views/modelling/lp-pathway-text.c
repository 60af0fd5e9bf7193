/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pathway and weights dialogs' words (see lp-pathway-text.h). */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lp-pathway-text.h"

GStrv
lp_pathway_text_levels (const char *locality)
{
  g_autoptr(GStrvBuilder) levels = g_strv_builder_new ();

  g_strv_builder_add (levels, _("The STP, shared by population"));
  g_strv_builder_add (levels, _("The CCG, shared by population"));
  if (locality != NULL)
    g_strv_builder_add (levels, locality);
  return g_strv_builder_end (levels);
}

GStrv
lp_pathway_text_periods (void)
{
  const char *periods[] = {
    _("Over the whole horizon"), _("A year"), _("A month"), _("A week"), NULL,
  };

  return g_strdupv ((char **) periods);
}

char *
lp_pathway_text_horizon (int years)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Over %d year", "Over %d years", years), years);
}

char *
lp_pathway_text_figure (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Ten significant digits: 5.5 stays 5.5, not 5.4999999999999996. */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
}

char *
lp_pathway_text_source (const LpPathwayFigures *figures,
                        gint64                  scenario_id,
                        const char             *scenario)
{
  gboolean own = FALSE;

  if (figures->n_figures == 0)
    return g_strdup (_("No figures yet at this level: the pathway is modelled from the others."));
  for (guint i = 0; i < figures->n_figures; i++)
    own |= figures->figures[i].scenario_id == scenario_id;
  if (own)
    /* TRANSLATORS: %s is the scenario */
    return g_strdup_printf (_("“%s” states these figures itself."), scenario);
  /* TRANSLATORS: %s is the scenario */
  return g_strdup_printf (_("“%s” uses the figures of the scenario it builds on; saving makes them its own."),
                          scenario);
}

GStrv
lp_pathway_text_categories (void)
{
  const char *categories[] = { _("In-patient"), _("A&E and outpatient"), NULL };

  return g_strdupv ((char **) categories);
}

GStrv
lp_pathway_text_change_levels (const char *const *localities)
{
  g_autoptr(GStrvBuilder) levels = g_strv_builder_new ();

  g_strv_builder_add (levels, _("The STP"));
  g_strv_builder_add (levels, _("The CCG"));
  if (localities != NULL)
    g_strv_builder_addv (levels, (const char **) localities);
  return g_strv_builder_end (levels);
}

char *
lp_pathway_text_change_title (const LpPathwayChange *change)
{
  switch (change->level)
    {
    case LP_LEVEL_STP:
      /* TRANSLATORS: %s is a pathway, such as Frailty */
      return g_strdup_printf (_("%s · the STP"), change->pathway);
    case LP_LEVEL_CCG:
      /* TRANSLATORS: %s is a pathway, such as Frailty */
      return g_strdup_printf (_("%s · the CCG"), change->pathway);
    case LP_LEVEL_LOCALITY:
    default:
      /* TRANSLATORS: a pathway, such as Frailty, then a locality */
      return g_strdup_printf (_("%s · %s"), change->pathway, change->locality != NULL ? change->locality : "");
    }
}

/* A reduction as a reader writes it: "900", "5.5", "3,600". */
static char *
lp_pathway_text_amount (double value)
{
  if (value == floor (value) && fabs (value) < 1e15)
    return lp_format_count ((gint64) value);
  return lp_format_tenths (value);
}

char *
lp_pathway_text_change_subtitle (const LpPathwayChange *change)
{
  g_autofree char *activity = lp_pathway_text_amount (change->activity);
  g_autofree char *bed_days = lp_pathway_text_amount (change->bed_days);
  g_autofree char *figures = NULL;
  int years = change->horizon_years;

  /* TRANSLATORS: the reductions a pathway change states */
  figures = g_strdup_printf (_("%s fewer admissions and %s fewer bed days"), activity, bed_days);
  switch (change->period)
    {
    case LP_PATHWAY_PER_YEAR:
      /* TRANSLATORS: the reductions, then the horizon in years */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s a year, over %d year", "%s a year, over %d years",
                                           years), figures, years);
    case LP_PATHWAY_PER_MONTH:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s a month, over %d year",
                                           "%s a month, over %d years", years), figures, years);
    case LP_PATHWAY_PER_WEEK:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s a week, over %d year", "%s a week, over %d years",
                                           years), figures, years);
    case LP_PATHWAY_OVER_HORIZON:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s over %d year", "%s over %d years", years),
                              figures, years);
    }
}
