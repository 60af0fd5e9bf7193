/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Core-internal: the plan file on disk — connecting, recognising, backing up
 * and copying.  LpPlan builds on these. */

#include "lp-plan-private.h"

G_BEGIN_DECLS

/* Which file a path named when the plan was opened, to notice it being
 * moved or deleted (SQLite would go on writing to the lost file). */
typedef struct {
  gboolean  known;
  guint64   device;
  guint64   inode;
} LpFileIdentity;

void      lp_plan_file_remember (const char     *path,
                                 LpFileIdentity *identity);
/* FALSE, with an error naming the file, if @path is no longer that file. */
gboolean  lp_plan_file_still_there (const char           *path,
                                    const LpFileIdentity *identity,
                                    GError              **error);

sqlite3  *lp_plan_file_connect  (const char  *path,
                                 gboolean     read_only,
                                 gboolean     create,
                                 GError     **error);
gboolean  lp_plan_file_identify (sqlite3     *db,
                                 const char  *path,
                                 int         *version,
                                 GError     **error);
gboolean  lp_plan_file_identify_full (sqlite3     *db,
                                      const char  *path,
                                      int         *version,
                                      gboolean     check_pages,
                                      GError     **error);
gboolean  lp_plan_file_set_journal (sqlite3  *db,
                                     GError  **error);
char     *lp_plan_file_backup   (sqlite3     *db,
                                 const char  *path,
                                 int          version,
                                 GError     **error);
/* Flushes a file, or a folder's entries, to the disk. */
gboolean  lp_plan_file_sync_path (const char *path,
                                  GError    **error);
gboolean  lp_plan_file_copy_to  (sqlite3     *db,
                                 const char  *dest_path,
                                 GError     **error);

G_END_DECLS
