/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness: lp_recover_rows on any bytes as a plan file, into a
 * new plan, inside a transaction rolled back after each input so the plan
 * stays empty.  A damaged file decides every offset and length the reader
 * meets: it must read rows or give an error, never crash, overrun or
 * leak. */
#include <stdint.h>

#include <glib/gstdio.h>

#include "fuzz-scratch.h"
#include "lp-core.h"
#include "lp-plan-private.h"
#include "lp-recover-private.h"

static LpPlan *plan;
static char *path;

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *plan_path = g_build_filename (fuzz_scratch_dir (), "copy.lpplan", NULL);

  plan = lp_plan_create (plan_path, NULL);
  /* Set outside the transaction: inside one SQLite ignores it. */
  lp_sqlite_exec (lp_plan_get_db (plan), "PRAGMA foreign_keys = OFF", NULL);
  path = g_build_filename (fuzz_scratch_dir (), "damaged.lpplan", NULL);
  return 0;
}

static void
report_clear (LpRepairReport *report)
{
  g_clear_pointer (&report->tables, g_ptr_array_unref);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  sqlite3 *db = lp_plan_get_db (plan);
  LpRepairReport report = { 0 };
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    return 0;
  lp_sqlite_exec (db, "BEGIN", NULL);
  if (!lp_recover_rows (path, db, &report, NULL, &error))
    g_assert (error != NULL);
  lp_sqlite_exec (db, "ROLLBACK", NULL);
  report_clear (&report);
  return 0;
}
