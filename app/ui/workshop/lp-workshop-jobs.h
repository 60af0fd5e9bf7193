/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The workshop's work that grows with the plan, off the main thread:
 * writing the copies, and reading a copy and wording what it changed. */

#include "lp-core.h"

G_BEGIN_DECLS

void        lp_workshop_prepare_async   (const char          *plan_path,
                                         const char          *folder,
                                         const char * const  *names,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
GPtrArray  *lp_workshop_prepare_finish  (GAsyncResult        *result,
                                         GError             **error);

/* A copy read and checked against the plan, with what it changed since
 * its base and those changes in words, in the same order. */
typedef struct {
  LpWorkshopCopy *copy;
  GPtrArray      *changes;  /* LpCopyChange */
  GPtrArray      *words;    /* LpChangeWords */
} LpCopyReading;

void           lp_copy_reading_free          (LpCopyReading       *reading);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpCopyReading, lp_copy_reading_free)

void           lp_workshop_read_copy_async   (LpPlan              *plan,
                                              gpointer             source_object,
                                              const char          *path,
                                              gboolean             against_plan,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
LpCopyReading *lp_workshop_read_copy_finish  (GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
