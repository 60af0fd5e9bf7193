/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a file that is not CSV text is, from its first bytes, so that the
 * error says what the user has and what to do: a picture, a PDF, a
 * compressed file, or text saved as UTF-16 (Excel's "Unicode Text"). */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-csv-private.h"

static const struct {
  const char *magic;
  gsize       length;
  const char *what;
} not_csv[] = {
  { "\x89PNG\r\n\x1a\n", 8, N_("this is a PNG picture, not a CSV file") },
  { "%PDF", 4, N_("this is a PDF document, not a CSV file") },
  { "\x1f\x8b", 2, N_("this is a gzip-compressed file: unpack it first, then import the CSV file inside") },
  { "\xff\xfe", 2, N_("this text is saved as UTF-16; save it as CSV UTF-8 (comma-delimited) and import that") },
  { "\xfe\xff", 2, N_("this text is saved as UTF-16; save it as CSV UTF-8 (comma-delimited) and import that") },
};

/**
 * lp_csv_sniff_not_csv:
 * @magic: the file's first bytes
 *
 * Returns: (nullable): why the file is not CSV text, or %NULL if it may be
 */
const char *
lp_csv_sniff_not_csv (const unsigned char *magic,
                      gsize                n)
{
  for (gsize i = 0; i < G_N_ELEMENTS (not_csv); i++)
    if (n >= not_csv[i].length && memcmp (magic, not_csv[i].magic, not_csv[i].length) == 0)
      return _(not_csv[i].what);
  return NULL;
}
