/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-summary.h"

G_BEGIN_DECLS

char *lp_summary_text_practices (guint                practices);
char *lp_summary_text_localities (guint               localities);
char *lp_summary_text_patients  (gint64               registered_patients);
char *lp_summary_text_subtitle  (const LpPlanSummary *summary);
char *lp_summary_text_total     (const LpPlanSummary *summary);

G_END_DECLS
