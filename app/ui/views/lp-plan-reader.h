/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Reading a plan off the main thread.  Each open plan gets one worker
 * thread with its own read-only connection to the plan file, made on first
 * use; jobs run on it one after the other, so a view's figures never wait
 * for the main thread and the main thread never waits for them.  The
 * worker sees what the plan's connection has committed: "changed" is
 * emitted after the commit. */

#include "lp-core.h"

G_BEGIN_DECLS

/* Runs on the worker with its connection; returns the result, or %NULL
 * with @error set. */
typedef gpointer (*LpPlanReadFunc) (LpPlan        *reader,
                                    gpointer       data,
                                    GCancellable  *cancellable,
                                    GError       **error);

void     lp_plan_reader_run_async  (LpPlan              *plan,
                                    gpointer             source_object,
                                    LpPlanReadFunc       func,
                                    gpointer             data,
                                    GDestroyNotify       data_free,
                                    GDestroyNotify       result_free,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gpointer lp_plan_reader_run_finish (GAsyncResult        *result,
                                    GError             **error);

G_END_DECLS
