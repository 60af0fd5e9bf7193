/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-core.h"
#include "lp-repair.h"

G_BEGIN_DECLS

#define LP_PLAN_LOAD_ERROR (lp_plan_load_error_quark ())

typedef enum {
  /* SQLite finds the file itself damaged (bad pages, cut short): it cannot
   * be opened, even read-only, but its rows may be recovered into a copy. */
  LP_PLAN_LOAD_ERROR_CORRUPT,
} LpPlanLoadError;

/* What a window needs to show a plan, read on a worker thread.
 *
 * A plan whose file is sound but whose rows break rules is shown from a
 * copy repaired into a private folder (@temp_dir) and opened read-only:
 * then @damaged_path is the file the user chose, which is never changed,
 * and @problems what check finds in it.  Every view reads the copy, so a
 * bad value is missing there, as a repair would leave it, rather than
 * crashing a view or spoiling a total. */
typedef struct {
  LpPlan         *plan;
  LpPlanSummary   summary;
  char           *display_name;
  char           *damaged_path;
  GPtrArray      *problems;     /* (element-type LpProblem) of @damaged_path */
  char           *temp_dir;     /* the copy's folder, removed with it */
  LpRepairReport *report;       /* the repair that made @plan, if one did */
} LpPlanLoad;

GQuark      lp_plan_load_error_quark (void);
void        lp_plan_load_free   (LpPlanLoad           *load);
const char *lp_plan_load_get_path (LpPlanLoad         *load);
void        lp_plan_load_remove_temp (const char      *temp_dir);
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

void        lp_plan_repair_async  (gpointer            source_object,
                                   const char         *source_path,
                                   const char         *copy_path,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data);
LpPlanLoad *lp_plan_repair_finish (GAsyncResult       *result,
                                   GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpPlanLoad, lp_plan_load_free)

G_END_DECLS
