/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* SQL on a plan file through a connection of its own, as another program
 * (the sqlite3 shell, a script) would: the core, command-line and window
 * tests tamper with plans and read back what was written.  Shared by all
 * three, which otherwise link different things. */

#include <glib.h>

G_BEGIN_DECLS

void     test_sql_on_file    (const char *path,
                              const char *sql);
gint64   test_sql_int        (const char *path,
                              const char *sql);
void     test_sql_on_filef   (const char *path,
                              const char *format,
                              ...) G_GNUC_PRINTF (2, 3);
gint64   test_sql_intf       (const char *path,
                              const char *format,
                              ...) G_GNUC_PRINTF (2, 3);
char    *test_fixture_sql    (const char *name);

G_END_DECLS
