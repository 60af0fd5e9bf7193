/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the Overview shows, and how a contract's dates read on a given day. */

#include "lp-contract.h"
#include "lp-summary.h"

G_BEGIN_DECLS

#define LP_ENDING_SOON_MONTHS_DEFAULT 6

typedef enum {
  LP_CONTRACT_NOT_STARTED,
  LP_CONTRACT_CURRENT,
  LP_CONTRACT_ENDING_SOON,   /* ends within the horizon from the reference date */
  LP_CONTRACT_ENDED,
} LpContractState;

/* The older patients of a locality: 65+, 75+ and 85+ from the latest age
 * profiles, over its practices that count on the reference date. */
#define LP_OVERVIEW_N_AGE_BANDS 3

typedef struct {
  gint64  locality_id;
  char   *name;
  gint64  aged[LP_OVERVIEW_N_AGE_BANDS];   /* 65+, 75+, 85+ */
  guint   practices;                       /* its practices that count */
  guint   without_profile;                 /* of them, without an age profile in the extract */
} LpLocalityAges;

extern const int lp_overview_age_from[LP_OVERVIEW_N_AGE_BANDS];   /* 65, 75, 85 */

typedef struct {
  LpPlanSummary summary;
  /* The day dates are judged from: the plan's "reference_date" setting if
   * it has one (the sample plan is set in 2018), otherwise today. */
  char         *reference_date;
  gboolean      reference_is_plan_setting;
  guint         ending_soon_months;
  guint         contracts_ending_soon;
  gint64        ending_soon_value_pounds;
  guint         contracts_ended;
  /* NULL when the plan holds no age profiles; else a row a locality, by
   * name (element type LpLocalityAges), of the extract ages_extract. */
  GPtrArray    *locality_ages;
  char         *ages_extract;
} LpOverview;

/* @today: YYYY-MM-DD, or NULL for the real date. */
char            *lp_plan_dup_reference_date (LpPlan      *plan,
                                             const char  *today);
LpContractState  lp_contract_get_state      (LpContract  *contract,
                                             const char  *reference_date,
                                             guint        ending_soon_months);
gboolean         lp_plan_get_overview       (LpPlan      *plan,
                                             const char  *today,
                                             guint        ending_soon_months,
                                             LpOverview  *overview,
                                             GError     **error);
void             lp_overview_clear          (LpOverview  *overview);

/* One practice's 65+, 75+ and 85+ from the latest age profiles; FALSE
 * without error (and @extract NULL) when the plan, or the practice, has
 * no profile in that extract. */
gboolean         lp_plan_get_practice_ages  (LpPlan      *plan,
                                             gint64       practice_id,
                                             gint64       aged[LP_OVERVIEW_N_AGE_BANDS],
                                             char       **extract,
                                             GError     **error);

/* The rows of LpOverview.locality_ages, for @reference_date (NULL: the
 * plan's); @ages and @extract NULL when the plan holds no age profiles. */
gboolean         lp_plan_get_locality_ages  (LpPlan      *plan,
                                             const char  *reference_date,
                                             GPtrArray  **ages,
                                             char       **extract,
                                             GError     **error);

G_END_DECLS
