/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Core-internal: plan files known to be sound, so that a plan closed by
 * this program and untouched since is opened without reading all of it
 * again (see lp-plan-stamp.c). */

#include <glib.h>

G_BEGIN_DECLS

/* Whether @path is the very file that was recorded as sound. */
gboolean lp_plan_stamp_matches (const char *path);
/* Records @path, as it is now, as sound: call it after the connection
 * that checked it or wrote it is closed. */
void     lp_plan_stamp_record  (const char *path);
void     lp_plan_stamp_forget  (const char *path);

G_END_DECLS
