/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* An export on a worker thread, with its own read-only connection to the
 * plan file; and the export's wording, which a test checks without a
 * display. */

#include "lp-core.h"

G_BEGIN_DECLS

void      lp_export_task_run_async      (gpointer              source_object,
                                         const char           *plan_path,
                                         const char           *name,
                                         const LpModelQuery   *query,
                                         const char           *dest_path,
                                         LpExportFlags         flags,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean  lp_export_task_run_finish     (GAsyncResult         *result,
                                         GError              **error);

/* "win.export-view" exports a view's table as on screen; its parameter
 * holds the name, locality, scenario, period and the 365/7 switch. */
#define LP_EXPORT_VIEW_PARAMETER_TYPE "(sxxubbu)"
GVariant *lp_export_task_view_parameter (const char           *name,
                                         const LpModelQuery   *query);

char     *lp_export_task_suggested_name (const char           *name,
                                         const char           *plan_name,
                                         gboolean              csv);
char     *lp_export_task_with_suffix    (const char           *path,
                                         gboolean              csv);
char     *lp_export_task_done_text      (const char           *name,
                                         const char           *dest_path);
char     *lp_export_task_title          (const char           *name);

G_END_DECLS
