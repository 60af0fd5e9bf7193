/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* An import (or a dry run of one) on a worker thread, with its own
 * connection to the plan file.  Progress reaches the main thread. */

#include "lp-core.h"

G_BEGIN_DECLS

typedef struct {
  LpImportReport *report;
  guint           plan_practices;  /* the plan's practices after the import */
  LpPlanSteps    *history;         /* the import as an undo step, for the window's plan */
} LpImportOutcome;

/* Called on the main thread, now and then, while the import reads. */
typedef void (*LpImportTaskProgress) (guint64  rows_read,
                                      guint64  bytes_read,
                                      guint64  bytes_total,
                                      gpointer user_data);

void             lp_import_task_run_async  (gpointer               source_object,
                                            const char            *plan_path,
                                            const char            *file_path,
                                            const LpImportOptions *options,
                                            GCancellable          *cancellable,
                                            LpImportTaskProgress   progress,
                                            gpointer               progress_data,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data);
LpImportOutcome *lp_import_task_run_finish (GAsyncResult          *result,
                                            GError               **error);
void             lp_import_outcome_free    (LpImportOutcome       *outcome);

void             lp_import_task_peek_async  (gpointer               source_object,
                                             const char            *file_path,
                                             guint                  max_rows,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
LpImportPeek    *lp_import_task_peek_finish (GAsyncResult          *result,
                                             GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpImportOutcome, lp_import_outcome_free)

G_END_DECLS
