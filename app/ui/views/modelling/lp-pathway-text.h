/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-core.h"

G_BEGIN_DECLS

/* The words of the pathway and weights dialogs, and the reading of what
 * was typed into them, without a display, so that a test can check both. */

/* "the STP", "the CCG", then the locality's name if one is given. */
GStrv       lp_pathway_text_levels     (const char             *locality);
/* "over the whole horizon", "a year", "a month", "a week". */
GStrv       lp_pathway_text_periods    (void);
char       *lp_pathway_text_horizon    (int                     years);
/* A figure as an entry shows it to be edited: "5.5", "3600", "" for none. */
char       *lp_pathway_text_figure     (double                  value);
/* What typed into a horizon's two entries means; both empty: the horizon
 * is left out (the base's figure applies); one empty: 0. */
gboolean    lp_pathway_text_parse      (int                     years,
                                        const char             *activity,
                                        const char             *bed_days,
                                        LpPathwayFigures       *figures,
                                        GError                **error);
/* A locality's apportionment weight; empty is 0. */
gboolean    lp_pathway_text_parse_weight (const char           *locality,
                                          const char           *text,
                                          double               *weight,
                                          GError              **error);
/* What the dialog says about where the figures come from. */
char       *lp_pathway_text_source     (const LpPathwayFigures *figures,
                                        gint64                  scenario_id,
                                        const char             *scenario);

G_END_DECLS
