/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pathway dialog's words and the reading of its entries (see
 * lp-pathway-text.h). */
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

static gboolean
lp_pathway_text_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
lp_pathway_text_parse (int                years,
                       const char        *activity,
                       const char        *bed_days,
                       LpPathwayFigures  *figures,
                       GError           **error)
{
  g_autofree char *activity_field = NULL;
  g_autofree char *beds_field = NULL;
  LpPathwayFigure figure = { years, 0, 0, 0 };
  gboolean no_activity = lp_pathway_text_blank (activity);
  gboolean no_beds = lp_pathway_text_blank (bed_days);

  if (no_activity && no_beds)
    return TRUE;
  /* TRANSLATORS: names the field in an error message */
  activity_field = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Activity reduction over %d year",
                                                 "Activity reduction over %d years", years), years);
  /* TRANSLATORS: names the field in an error message */
  beds_field = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reduced bed days over %d year",
                                             "Reduced bed days over %d years", years), years);
  /* "3,600" is how a commissioner writes three thousand six hundred. */
  if ((!no_activity && !lp_parse_decimal (activity_field, activity, 0, &figure.activity, error)) ||
      (!no_beds && !lp_parse_decimal (beds_field, bed_days, 0, &figure.bed_days, error)))
    return FALSE;
  g_return_val_if_fail (figures->n_figures < LP_MODEL_MAX_HORIZONS, FALSE);
  figures->figures[figures->n_figures++] = figure;
  return TRUE;
}

gboolean
lp_pathway_text_parse_weight (const char  *locality,
                              const char  *text,
                              double      *weight,
                              GError     **error)
{
  g_autofree char *field = NULL;

  if (lp_pathway_text_blank (text))
    {
      *weight = 0;
      return TRUE;
    }
  /* TRANSLATORS: names the field in an error message; %s is a locality */
  field = g_strdup_printf (_("The weight of %s"), locality);
  return lp_parse_decimal (field, text, 0, weight, error);
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
