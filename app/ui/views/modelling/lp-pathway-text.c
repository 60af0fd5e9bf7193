/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pathway and weights dialogs' words (see lp-pathway-text.h). */
#include "config.h"

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
