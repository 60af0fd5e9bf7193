/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How the user's locale writes figures and dates, as this app uses them:
 * UTF-8 always, and the NHS's own conventions (596,907 and 31/03/2019)
 * where the locale names none of its own: the C locale, or a locale whose
 * character set is not UTF-8. */
typedef struct {
  char thousands[8];      /* between groups of three digits: ",", ".", U+202F */
  char decimal[8];        /* ".", "," */
  char date_pattern[32];  /* strftime (), a four-digit year; "" for DD/MM/YYYY */
} LpLocaleConventions;

void lp_locale_get_conventions (LpLocaleConventions *conventions);

G_END_DECLS
