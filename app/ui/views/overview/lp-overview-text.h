/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-overview.h"

G_BEGIN_DECLS

/* Every piece of text the Overview shows, built from core's figures
 * without a display so that a test can check the wording. */
typedef struct {
  char *localities;            /* "6" */
  char *localities_caption;    /* "Localities" */
  char *practices;             /* "57" */
  char *practices_caption;     /* "Practices" */
  char *patients;              /* "596,907" */
  char *patients_caption;      /* "Registered patients" */
  char *contract_value;        /* "£505,666,000" */
  char *contract_value_caption;/* "A year, across 11 contracts" */
  char *reference;             /* "As at 01/10/2018 (the plan’s reference date)" */
  char *ending_soon_title;     /* "Ending within 6 months" */
  char *ending_soon_count;     /* "10" */
  char *ending_soon_detail;    /* "Worth £496,453,000 a year" */
  char *ended_count;           /* "0" */
  char *ended_detail;          /* "No contract has passed its end date" */
} LpOverviewText;

/* A row of the Older Patients group: a locality (or, for a plan of many,
 * all of them) and its 65+, 75+ and 85+. */
typedef struct {
  char *title;     /* "North" */
  char *figures;   /* "65+ 500 · 75+ 500 · 85+ 225; 1 practice has no age profile" */
} LpOverviewAgesRow;

/* NULL when the plan holds no age profiles (the group is hidden); else
 * the rows (element type LpOverviewAgesRow), a locality each, or one for
 * all of them when there are more than @max_rows; @description says the
 * extract: "From the age profiles of 01/04/2018". */
GPtrArray *lp_overview_text_ages         (const LpOverview *overview,
                                          guint             max_rows,
                                          char            **description);

void  lp_overview_text_build             (const LpOverview *overview,
                                          LpOverviewText   *text);
void  lp_overview_text_clear             (LpOverviewText   *text);
char *lp_overview_text_reference         (const char       *reference_date,
                                          gboolean          is_plan_setting);
char *lp_overview_text_ending_soon_title (guint             months);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LpOverviewText, lp_overview_text_clear)

G_END_DECLS
