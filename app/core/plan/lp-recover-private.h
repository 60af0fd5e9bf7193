/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "lp-repair.h"

G_BEGIN_DECLS

/* Reads every row that can still be read out of @path, a file SQLite finds
 * damaged, into @copy, a new plan holding the schema this build creates and
 * no rows of the user's yet; rows are written as they were found, with
 * CHECK constraints and foreign keys off, for the repair to judge after.
 * Sets each table's rows_read in @report (adding the tables it finds) and
 * @report->recovered.  FALSE with @error set when nothing at all could be
 * read, saying what was tried. */
gboolean lp_recover_rows (const char      *path,
                          sqlite3         *copy,
                          LpRepairReport  *report,
                          GCancellable    *cancellable,
                          GError         **error);

G_END_DECLS
