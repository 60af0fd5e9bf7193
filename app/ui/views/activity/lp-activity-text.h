/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-activity.h"

G_BEGIN_DECLS

/* Every piece of text the Activity Plan view shows, built from core's
 * activity plan and QIPP table without a display, so that a test can check
 * the figures and the wording the view puts on screen. */

typedef struct {
  char *code;             /* "NEL_0LOS" */
  char *name;             /* "Total Non-Elective Admissions - 0 LoS" */
  char *tooltip;          /* the unit it is counted in */
  char *growth;           /* "13.3%"; "" when no rate is stated */
  char *growth_field;     /* names the field in an error message */
  char *baseline;         /* "12,345.0"; "" when no forecast outturn is entered */
  char *baseline_field;
  char *qipp;             /* "1,494.0"; "–" when no programme reduces the line */
  char *plan;             /* net of QIPP; "–" without a baseline */
  char *without_qipp;     /* plan + QIPP; "–" without a baseline */
  char *per_month;
  char *per_week;
  char *growth_placeholder;  /* dimmed in an empty growth cell: a locality's inherited rate, or "–" */
  char *growth_tooltip;      /* where the rate comes from, or NULL */
  gboolean baseline_locked;  /* the outturn is held by locality: not typed here */
  char *baseline_tooltip;    /* why it is locked, or NULL */
  char *note;                /* under the name: "Sum of 6 localities", or NULL */
} LpActivityTextLine;

typedef struct {
  gint64 id;                        /* the programme's, for its editor */
  char *name;                       /* "Frailty Programme including Care homes / homefirst" */
  char *cells[LP_QIPP_MAX_PODS];    /* "£3,496,590"; "–" for nothing */
  char *total;
} LpActivityTextProgramme;

typedef struct {
  gint64     locality_id;    /* the lines' locality; 0: the whole plan */
  char      *summary;        /* "2018/19, base scenario: 15 activity lines" */
  char      *month_heading;  /* "Per month", or "April" with a seasonal profile */
  char      *convention;     /* how the month and week were worked out */
  gboolean   has_baseline;   /* some line has a forecast outturn */
  GPtrArray *lines;          /* LpActivityTextLine */

  guint      n_pods;
  char      *pods[LP_QIPP_MAX_PODS];          /* "A&E", "Non-elective", … */
  GPtrArray *programmes;                      /* LpActivityTextProgramme */
  char      *pod_totals[LP_QIPP_MAX_PODS];
  char      *total;                           /* "£15,223,243" */
} LpActivityText;

void        lp_activity_text_build            (const LpActivityPlan *plan,
                                               const LpQippTable    *qipp,
                                               LpActivityText       *text);
void        lp_activity_text_clear            (LpActivityText       *text);
gboolean    lp_activity_text_same_lines       (const LpActivityText *shown,
                                               const LpActivityText *text);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LpActivityText, lp_activity_text_clear)

G_END_DECLS
