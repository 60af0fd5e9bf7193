/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-plan.h"

G_BEGIN_DECLS

/* The plan at a glance, for the base scenario, as at the plan's reference
 * date (today when it has none). */
typedef struct {
  guint  localities;
  guint  practices;             /* those that count: not closed by then */
  gint64 registered_patients;   /* latest extract of each practice counted */
  guint  contracts;
  gint64 contract_value_pounds; /* sum of annual values */
  gint64 qipp_saving_pounds;    /* sum over programmes and points of delivery */
  guint  closed_practices;      /* kept for their history, not counted */
} LpPlanSummary;

typedef struct {
  char  *table;
  gint64 rows;
} LpTableCount;

gboolean   lp_plan_get_summary      (LpPlan        *plan,
                                     LpPlanSummary *summary,
                                     GError       **error);
/* Element type LpTableCount, free with g_ptr_array_unref(). */
GPtrArray *lp_plan_count_table_rows (LpPlan        *plan,
                                     GError       **error);

G_END_DECLS
