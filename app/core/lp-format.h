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

/* The user's locale's conventions, for reading back what was shown. */
const char *lp_format_thousands_separator (void);
const char *lp_format_decimal_point       (void);
char       *lp_format_date_pattern        (void);

G_END_DECLS
