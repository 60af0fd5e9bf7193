/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Core-internal: the plan file on disk — connecting, recognising, backing up
 * and copying.  LpPlan builds on these. */

#include "lp-plan-private.h"

G_BEGIN_DECLS

sqlite3  *lp_plan_file_connect  (const char  *path,
                                 gboolean     read_only,
                                 gboolean     create,
                                 GError     **error);
gboolean  lp_plan_file_identify (sqlite3     *db,
                                 const char  *path,
                                 int         *version,
                                 GError     **error);
gboolean  lp_plan_file_set_journal (sqlite3  *db,
                                     GError  **error);
char     *lp_plan_file_backup   (sqlite3     *db,
                                 const char  *path,
                                 int          version,
                                 GError     **error);
gboolean  lp_plan_file_copy_to  (sqlite3     *db,
                                 const char  *dest_path,
                                 GError     **error);

G_END_DECLS
