/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness: the CSV reader on any bytes (as a file, since it reads
 * files, zipped or not).  It must give rows or an error, never crash,
 * overrun or leak. */
#include <stdint.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "fuzz-scratch.h"
#include "lp-core.h"
#include "lp-csv.h"

static char *path;

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  path = g_build_filename (fuzz_scratch_dir (), "input.csv", NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  LpCsvReader *reader;

  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    return 0;
  reader = lp_csv_reader_open (path, TRUE, &error);
  if (reader == NULL)
    return 0;
  while (lp_csv_reader_next (reader, &error))
    for (guint i = 0; i < lp_csv_reader_get_n_fields (reader); i++)
      (void) lp_csv_reader_get (reader, (int) i);
  lp_csv_reader_free (reader);
  return 0;
}
