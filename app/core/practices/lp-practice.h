/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-plan.h"
#include "lp-locality.h"

G_BEGIN_DECLS

/* What a user can set on a practice.  @locality_id 0 = no locality yet;
 * @status is one of "active", "closed", "dormant", "proposed" (NULL =
 * "active"); @postcode and @notes may be NULL; @close_date (YYYY-MM-DD)
 * is the day it closed or is to close, NULL for none. */
typedef struct {
  const char *ods_code;
  const char *name;
  const char *postcode;
  gint64      locality_id;
  const char *status;
  const char *notes;
  const char *close_date;
} LpPracticeFields;

/* LpPractice: one practice as read from the plan.  Read-only GObject
 * properties: "id", "ods-code", "name", "postcode", "locality-id",
 * "locality-name", "status", "close-date" (YYYY-MM-DD, NULL when none),
 * "notes", "list-size" (gint64, -1 when none), "list-size-date", "pcn" and
 * "sub-icb" (names from the practice map, "" when none). */
#define LP_TYPE_PRACTICE (lp_practice_get_type ())
G_DECLARE_FINAL_TYPE (LpPractice, lp_practice, LP, PRACTICE, GObject)

gint64      lp_practice_get_id             (LpPractice *self);
const char *lp_practice_get_ods_code       (LpPractice *self);
const char *lp_practice_get_name           (LpPractice *self);
const char *lp_practice_get_postcode       (LpPractice *self);
gint64      lp_practice_get_locality_id    (LpPractice *self);
const char *lp_practice_get_locality_name  (LpPractice *self);
const char *lp_practice_get_status         (LpPractice *self);
/* From ODS: the day the practice closed; NULL when it has none. */
const char *lp_practice_get_close_date     (LpPractice *self);
/* Closed or dormant: kept for its history, but not counted from its close
 * date on (from the start when it has none). */
gboolean    lp_practice_is_closed          (LpPractice *self);
/* Whether it counts as at the plan's reference date (today without one). */
gboolean    lp_practice_get_counted        (LpPractice *self);
const char *lp_practice_get_notes          (LpPractice *self);
/* The latest extract's list size, or -1 when the practice has none. */
gint64      lp_practice_get_list_size      (LpPractice *self);
const char *lp_practice_get_list_size_date (LpPractice *self);
/* The practice map's groupings: its PCN's and Sub-ICB's names, "" when the
 * map gives none (or was not imported). */
const char *lp_practice_get_pcn            (LpPractice *self);
const char *lp_practice_get_sub_icb        (LpPractice *self);

/* @locality_id 0 lists every practice. */
GListModel *lp_plan_list_practices  (LpPlan                 *plan,
                                     gint64                  locality_id,
                                     GError                **error);
/* The names of the practice map's @grouping ("pcn" or "sub_icb") that
 * the plan's practices have, by name; @some_without set to whether a
 * practice has none. */
GStrv       lp_plan_list_grouping_names (LpPlan             *plan,
                                     const char             *grouping,
                                     gboolean               *some_without,
                                     GError                **error);
LpPractice *lp_plan_get_practice    (LpPlan                 *plan,
                                     gint64                  id,
                                     GError                **error);
gint64      lp_plan_find_practice   (LpPlan                 *plan,
                                     const char             *ods_code);
gint64      lp_plan_add_practice    (LpPlan                 *plan,
                                     const LpPracticeFields *fields,
                                     GError                **error);
gboolean    lp_plan_update_practice (LpPlan                 *plan,
                                     gint64                  id,
                                     const LpPracticeFields *fields,
                                     GError                **error);
gboolean    lp_plan_delete_practice (LpPlan                 *plan,
                                     gint64                  id,
                                     GError                **error);
gboolean    lp_plan_delete_practices (LpPlan                *plan,
                                      const gint64          *ids,
                                      guint                  n_ids,
                                      GError               **error);

G_END_DECLS
