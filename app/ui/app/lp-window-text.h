/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *lp_window_text_location (const char *path,
                               gboolean    read_only,
                               const char *home_dir);
char *lp_window_text_copy_name (const char *path);

G_END_DECLS
