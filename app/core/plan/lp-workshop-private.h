/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Core-internal access to a workshop copy's own connection, for the code
 * that puts its changes into words (lp-merge-words.c).  Nothing outside
 * app/core includes this header. */

#include <sqlite3.h>

#include "lp-workshop.h"

G_BEGIN_DECLS

/* The copy as "main", its base attached as "base"; only to read, on the
 * thread that uses @copy. */
sqlite3  *lp_workshop_copy_get_db           (LpWorkshopCopy *copy);
gboolean  lp_workshop_copy_is_against_plan  (LpWorkshopCopy *copy);
sqlite3_stmt *lp_workshop_copy_prepare      (LpWorkshopCopy *copy,
                                             const char     *sql);

G_END_DECLS
