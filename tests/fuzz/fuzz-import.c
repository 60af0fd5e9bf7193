/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness: one importer (LP_FUZZ_KIND, set when this file is
 * compiled) on any bytes, as a dry run against a small plan: every row is
 * read and checked, nothing is written, and it must give a report or an
 * error, never crash, overrun or leak. */
#include <stdint.h>

#include <glib/gstdio.h>

#include "fuzz-scratch.h"
#include "lp-core.h"

/* The file names the importers read a date or a table from. */
static const char *const names[] = {
  [LP_IMPORT_GP_REG_TOTALS] = "gp-reg-pat-prac-all.csv",
  [LP_IMPORT_GP_REG_SINGLE_AGE] = "gp-reg-pat-prac-sing-age-male.csv",
  [LP_IMPORT_GP_REG_QUINARY] = "gp-reg-pat-prac-quin-age.csv",
  [LP_IMPORT_GP_REG_MAP] = "gp-reg-pat-prac-map.csv",
  [LP_IMPORT_WORKFORCE_DETAILED] = "General Practice – June 2024 Practice Level - Detailed.csv",
  [LP_IMPORT_WORKFORCE_HIGH_LEVEL] = "General Practice – March 2023 Practice Level - High level.csv",
  [LP_IMPORT_ODS_EPRACCUR] = "epraccur.csv",
  [LP_IMPORT_PLAN_TABLE] = "list_size.csv",
  [LP_IMPORT_PCN_WORKFORCE] = "Primary Care Networks - June 2024 Individual Level.csv",
  [LP_IMPORT_WEIGHTED_POPULATION] = "pcn-adjusted-populations.csv",
};

static LpPlan *plan;
static char *path;

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *plan_path = NULL;
  LpLocalityFields locality = { "Stevenage", "ST", NULL };
  LpPracticeFields practice = { "X06K01", "Hitchin Bridge", NULL, 0, NULL, NULL };

  plan_path = g_build_filename (fuzz_scratch_dir (), "plan.lpplan", NULL);
  plan = lp_plan_create (plan_path, NULL);
  practice.locality_id = lp_plan_add_locality (plan, &locality, NULL);
  lp_plan_add_practice (plan, &practice, NULL);
  path = g_build_filename (fuzz_scratch_dir (), names[LP_FUZZ_KIND], NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  LpImportOptions options = { LP_FUZZ_KIND, TRUE, TRUE, NULL, NULL, TRUE, NULL, "pcn" };

  /* A weighted population needs its date when the file has none. */
  if (LP_FUZZ_KIND == LP_IMPORT_WEIGHTED_POPULATION)
    options.as_at = "2023-01-01";
  g_autoptr(GError) error = NULL;
  g_autoptr(LpImportReport) report = NULL;

  if (g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    report = lp_plan_import (plan, path, &options, NULL, NULL, &error);
  return 0;
}
