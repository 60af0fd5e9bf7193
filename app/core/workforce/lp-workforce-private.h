/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Between lp-workforce-data.c (reading the plan) and lp-workforce.c and
 * lp-workforce-ratios.c (the projection, ratios and shares). */

#include "lp-workforce.h"

G_BEGIN_DECLS

typedef struct {
  char      group[16];
  char      name[64];
  gboolean  trainee;
  gboolean  locum;
  guint     index;         /* its place among the plan's roles, in their order */
} LpWfRole;

/* A role's yearly rates in basis points. */
typedef struct {
  gint  turnover_bp;
  gint  joiner_bp;
} LpWfRate;

typedef struct {
  gint64  id;
  gint64  locality_id;
  gint64  patients;        /* at the latest extract */
  int     closed_quarter;  /* the first quarter it no longer counts in
                            * (closed by the quarter's first day); G_MAXINT
                            * while it counts */
} LpWfPractice;

typedef struct {
  gint64    practice_id;
  char      role[32];
  char      as_at[11];
  gboolean  has_fte;       /* FALSE: the figure is missing, not 0 */
  double    fte;
  int       quarter;       /* lp_wf_quarter_index (as_at), worked out once */
  gboolean  by_hand;       /* typed in, not from NHS Digital's file */
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
  GHashTable *rates;       /* role code -> LpWfRate, the nearest scenario's */
  GArray     *targets;     /* LpWfTarget, the nearest scenario's */
  char        base_date[11];
  gint64      ccg_patients;
  gint64      scenario_id;   /* the scenario asked for, resolved */
  guint       chain_length;  /* 1: a scenario that builds on none */
} LpWfData;

/* One practice's one role through the quarters. */
typedef struct {
  gint64    practice_id;
  guint     role;         /* LpWfRole.index */
  double    rate;         /* quarterly turnover */
  double    join;         /* quarterly joiner rate */
  gboolean  missing;      /* the baseline record has no FTE */
  double    baseline;
  double    fte;
  int       closed_quarter;   /* its practice's LpWfPractice.closed_quarter */
} LpWfPair;

/* A planned movement, net, for a pair in a quarter. */
typedef struct {
  guint   pair;
  double  delta;
} LpWfMove;

/* The pairs and the quarters' movements and records of one projection. */
typedef struct {
  GArray     *pairs;       /* LpWfPair */
  GHashTable *keys;        /* pair key -> index + 1 */
  GPtrArray  *moves;       /* GArray of LpWfMove, a quarter from the baseline's */
  double     *actual;      /* recorded FTE a quarter */
  gboolean   *has_actual;
  guint       missing;
  double      turnover;    /* of the quarter last projected, by the rates */
  double      recruited;
  int         base;
  int         last;
} LpWfRun;

void     lp_wf_run_clear        (LpWfRun                *run);
/* Builds @run and @table from @data; FALSE with @error if the plan has
 * no workforce figures. */
gboolean lp_wf_compute          (const LpWfData         *data,
                                 const LpWorkforceQuery *query,
                                 LpWfRun                *run,
                                 LpWorkforceTable       *table,
                                 GError                **error);
/* Projects @run again into @table's plan, gap and shortfall. */
void     lp_wf_reproject        (LpWfRun                *run,
                                 LpWorkforceTable       *table);
/* The pair of @practice_id's @role in @run, or NULL. */
LpWfPair *lp_wf_find_pair       (const LpWfData         *data,
                                 LpWfRun                *run,
                                 gint64                  practice_id,
                                 const char             *role);
LpWorkforceTable *lp_workforce_table_copy (const LpWorkforceTable *table);
/* lp-workforce-cache.c: after lp_plan_set_workforce_change() stored a
 * movement, brings the cached projection up to date, or drops it. */
void     lp_wf_cache_moved      (LpPlan                 *plan,
                                 gint64                  scenario_id,
                                 gint64                  practice_id,
                                 const char             *role,
                                 const char             *quarter_start,
                                 double                  delta);
void     lp_wf_cache_end_move   (LpPlan                 *plan);

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
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LpWfRun, lp_wf_run_clear)

G_END_DECLS
