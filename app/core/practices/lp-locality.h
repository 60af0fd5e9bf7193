/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-plan.h"

G_BEGIN_DECLS

/* What a user can set on a locality.  @code and @notes may be NULL. */
typedef struct {
  const char *name;
  const char *code;
  const char *notes;
} LpLocalityFields;

/* LpLocality: one locality as read from the plan.  Read-only GObject
 * properties, for list views and sorters: "id" (gint64), "name", "code",
 * "notes", "practice-count" (guint) and "registered-patients" (gint64, the
 * sum of its practices' latest list sizes). */
#define LP_TYPE_LOCALITY (lp_locality_get_type ())
G_DECLARE_FINAL_TYPE (LpLocality, lp_locality, LP, LOCALITY, GObject)

gint64      lp_locality_get_id                  (LpLocality *self);
const char *lp_locality_get_name                (LpLocality *self);
const char *lp_locality_get_code                (LpLocality *self);
const char *lp_locality_get_notes               (LpLocality *self);
guint       lp_locality_get_practice_count      (LpLocality *self);
gint64      lp_locality_get_registered_patients (LpLocality *self);
/* FALSE while none of its practices has a list size: the total is unknown, not 0. */
gboolean    lp_locality_has_registered_patients (LpLocality *self);

GListModel *lp_plan_list_localities  (LpPlan                 *plan,
                                      GError                **error);
GStrv       lp_plan_list_locality_names (LpPlan              *plan,
                                      GArray                **ids,
                                      GError                **error);
LpLocality *lp_plan_get_locality     (LpPlan                 *plan,
                                      gint64                  id,
                                      GError                **error);
gint64      lp_plan_find_locality    (LpPlan                 *plan,
                                      const char             *name_or_code);
gint64      lp_plan_add_locality     (LpPlan                 *plan,
                                      const LpLocalityFields *fields,
                                      GError                **error);
gboolean    lp_plan_update_locality  (LpPlan                 *plan,
                                      gint64                  id,
                                      const LpLocalityFields *fields,
                                      GError                **error);
gboolean    lp_plan_delete_locality  (LpPlan                 *plan,
                                      gint64                  id,
                                      GError                **error);

/* Localities in bulk (lp-locality-groups.c). */

/* What making localities from a grouping of the practice map would do. */
typedef struct {
  guint n_new_localities;       /* localities made */
  guint n_existing_localities;  /* groupings whose name a locality already has: joined */
  guint n_assigned;             /* practices without a locality that get one */
  guint n_moved;                /* practices moved from another locality (reassign) */
  guint n_ungrouped_unassigned; /* practices without the grouping and without a locality */
  guint n_ungrouped_kept;       /* practices without the grouping that keep their locality */
  guint n_kept;                 /* practices with the grouping that keep their locality */
  guint n_grouped;              /* practices the map gives the grouping */
} LpLocalitiesPreview;

gboolean    lp_plan_preview_localities_from  (LpPlan              *plan,
                                              const char          *grouping,
                                              gboolean             reassign,
                                              LpLocalitiesPreview *preview,
                                              GError             **error);
char       *lp_plan_describe_localities_from (LpPlan              *plan,
                                              const char          *grouping,
                                              gboolean             reassign,
                                              GError             **error);
gboolean    lp_plan_make_localities_from     (LpPlan              *plan,
                                              const char          *grouping,
                                              gboolean             reassign,
                                              guint               *n_made,
                                              GError             **error);
gboolean    lp_plan_move_practices           (LpPlan              *plan,
                                              const gint64        *ids,
                                              guint                n_ids,
                                              gint64               locality_id,
                                              GError             **error);
guint       lp_plan_count_locality_practices (LpPlan              *plan,
                                              gint64               id);
char       *lp_plan_describe_merge_locality  (LpPlan              *plan,
                                              gint64               from_id,
                                              gint64               into_id,
                                              GError             **error);
gboolean    lp_plan_merge_locality           (LpPlan              *plan,
                                              gint64               from_id,
                                              gint64               into_id,
                                              GError             **error);

G_END_DECLS
