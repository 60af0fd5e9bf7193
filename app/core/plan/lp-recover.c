/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading rows out of a plan file SQLite finds damaged. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lp-recover-private.h"

gboolean
lp_recover_rows (const char      *path,
                 sqlite3         *copy,
                 LpRepairReport  *report,
                 GCancellable    *cancellable,
                 GError         **error)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("No rows could be read out of “%s”"), name);
  return FALSE;
}
