/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-plan.h"
#include "lp-practice.h"

G_BEGIN_DECLS

/* LpListSize: a practice's registered patients at one extract.  Read-only
 * GObject properties: "practice-id", "extract-date", "patients", "source". */
#define LP_TYPE_LIST_SIZE (lp_list_size_get_type ())
G_DECLARE_FINAL_TYPE (LpListSize, lp_list_size, LP, LIST_SIZE, GObject)

gint64      lp_list_size_get_practice_id  (LpListSize *self);
const char *lp_list_size_get_extract_date (LpListSize *self);
gint64      lp_list_size_get_patients     (LpListSize *self);
const char *lp_list_size_get_source       (LpListSize *self);

/* Newest extract first. */
GListModel *lp_plan_list_list_sizes  (LpPlan      *plan,
                                      gint64       practice_id,
                                      GError     **error);
/* Adds the practice's list size at @extract_date, or replaces it. */
gboolean    lp_plan_set_list_size    (LpPlan      *plan,
                                      gint64       practice_id,
                                      const char  *extract_date,
                                      gint64       patients,
                                      const char  *source,
                                      GError     **error);
gboolean    lp_plan_delete_list_size (LpPlan      *plan,
                                      gint64       practice_id,
                                      const char  *extract_date,
                                      GError     **error);

G_END_DECLS
