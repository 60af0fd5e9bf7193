/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Checking and parsing what a user typed or a file held, with messages that
 * say which field, which value and why. */

#include <glib.h>

G_BEGIN_DECLS

#define LP_NAME_MAX_CHARS 200
#define LP_NOTES_MAX_CHARS 10000

gboolean  lp_text_is_blank     (const char  *text);
gboolean  lp_validate_text     (const char  *field,
                                const char  *value,
                                gboolean     required,
                                gsize        max_chars,
                                GError     **error);
gboolean  lp_validate_date     (const char  *field,
                                const char  *iso_date,
                                GError     **error);
char     *lp_normalise_ods_code (const char *field,
                                 const char *code,
                                 GError    **error);
gboolean  lp_parse_count       (const char  *field,
                                const char  *text,
                                gint64      *out,
                                GError     **error);
gboolean  lp_parse_pounds      (const char  *field,
                                const char  *text,
                                gint64      *out,
                                GError     **error);
char     *lp_parse_date        (const char  *field,
                                const char  *text,
                                GError     **error);

G_END_DECLS

G_BEGIN_DECLS

gboolean  lp_parse_percent_bp  (const char  *field,
                                const char  *text,
                                gint64      *basis_points,
                                GError     **error);
gboolean  lp_parse_decimal     (const char  *field,
                                const char  *text,
                                double       minimum,
                                double      *out,
                                GError     **error);
/* lp_parse_decimal(), and "12,345.0" too where the comma is the locale's
 * decimal point. */
gboolean  lp_parse_decimal_grouped (const char  *field,
                                    const char  *text,
                                    double       minimum,
                                    double      *out,
                                    GError     **error);

G_END_DECLS
