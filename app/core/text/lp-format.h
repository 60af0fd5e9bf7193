/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *lp_format_count  (gint64      value);
char *lp_format_pounds (gint64      pounds);
char *lp_format_date   (const char *iso_date);
char *lp_format_tenths (double      value);
char *lp_format_share  (double      fraction);
char *lp_format_percent_bp (gint64 basis_points);
char *lp_format_shortest (double      value);

G_END_DECLS
