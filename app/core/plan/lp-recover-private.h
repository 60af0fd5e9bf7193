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

/* Whether @path, which SQLite cannot read as a database, still holds pages
 * of a plan (sqlite_schema rows naming a plan's tables): a plan whose
 * header is damaged, rather than another kind of file. */
gboolean lp_recover_looks_like_plan (const char *path);

G_END_DECLS
