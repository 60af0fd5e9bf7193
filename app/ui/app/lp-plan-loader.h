/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-core.h"

G_BEGIN_DECLS

/* What a window needs to show a plan, read on a worker thread. */
typedef struct {
  LpPlan        *plan;
  LpPlanSummary  summary;
  char          *display_name;
} LpPlanLoad;

void        lp_plan_load_free   (LpPlanLoad           *load);
void        lp_plan_load_async  (gpointer              source_object,
                                 const char           *path,
                                 LpPlanOpenFlags       flags,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
void        lp_plan_create_async (gpointer             source_object,
                                  const char          *path,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
LpPlanLoad *lp_plan_load_finish (GAsyncResult         *result,
                                 GError              **error);

void        lp_plan_copy_async  (gpointer              source_object,
                                 const char           *source_path,
                                 const char           *dest_path,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
gboolean    lp_plan_copy_finish (GAsyncResult         *result,
                                 GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpPlanLoad, lp_plan_load_free)

G_END_DECLS
