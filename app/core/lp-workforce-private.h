/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Between lp-workforce-data.c (reading the plan) and lp-workforce.c and
 * lp-workforce-ratios.c (the projection, ratios and shares). */

#include "lp-workforce.h"

G_BEGIN_DECLS

typedef struct {
  char      group[16];
  gboolean  trainee;
  gboolean  locum;
  guint     index;         /* its place among the plan's roles */
} LpWfRole;

typedef struct {
  gint64  id;
  gint64  locality_id;
  gint64  patients;        /* at the latest extract */
} LpWfPractice;

typedef struct {
  gint64    practice_id;
  char      role[32];
  char      as_at[11];
  gboolean  has_fte;       /* FALSE: the figure is missing, not 0 */
  double    fte;
  int       quarter;       /* lp_wf_quarter_index (as_at), worked out once */
} LpWfRecord;

typedef struct {
  gint64  practice_id;
  char    role[32];
  char    quarter[11];
  double  joiners, leavers, retirements;
  int     rank;            /* the scenario's place in the chain */
} LpWfChange;

typedef struct {
  char    level[10];
  gint64  locality_id;
  gint64  practice_id;
  char    group[16];       /* "" when the target is for a role */
  char    role[32];        /* "" when the target is for a group */
  double  change;
  char    due[11];
} LpWfTarget;

typedef struct {
  GHashTable *roles;       /* code -> LpWfRole */
  GArray     *practices;   /* LpWfPractice */
  GHashTable *by_id;       /* practice id -> LpWfPractice */
  GArray     *records;     /* LpWfRecord, by practice, role and date */
  GArray     *changes;     /* LpWfChange, the nearest scenario's per key */
  GHashTable *change_keys; /* "practice|role|quarter" -> index in changes */
  GHashTable *turnover;    /* role code -> double annual rate */
  GArray     *targets;     /* LpWfTarget, the nearest scenario's */
  char        base_date[11];
  gint64      ccg_patients;
} LpWfData;

gboolean lp_wf_data_load  (LpWfData               *data,
                           LpPlan                 *plan,
                           const LpWorkforceQuery *query,
                           GError                **error);
void     lp_wf_data_clear (LpWfData               *data);
/* The movements planned for a practice's role in a quarter, or NULL. */
const LpWfChange *lp_wf_find_change (const LpWfData *data,
                                     gint64          practice_id,
                                     const char     *role,
                                     const char     *quarter);
gboolean lp_wf_practice_selected (const LpWfData         *data,
                                  const LpWorkforceQuery *query,
                                  gint64                  practice_id);
gboolean lp_wf_role_selected     (const LpWfData         *data,
                                  const LpWorkforceQuery *query,
                                  const char             *role);
/* The first day of the quarter holding @date, as a quarter number
 * (year x 4 + quarter of the calendar year). */
int      lp_wf_quarter_index     (const char             *date);
void     lp_wf_quarter_start     (int                     index,
                                  char                    start[11]);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LpWfData, lp_wf_data_clear)

G_END_DECLS
