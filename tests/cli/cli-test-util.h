/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Running the built locality-planner-cli and reading what it wrote. */

#include <glib.h>

#include "test-sql.h"

G_BEGIN_DECLS

typedef struct {
  int   status;  /* the exit status */
  char *out;
  char *err;
} CliRun;

CliRun    *cli_runv           (const char *const *args);
CliRun    *cli_run            (const char *arg,
                               ...) G_GNUC_NULL_TERMINATED;
void       cli_run_free       (CliRun     *run);
void       cli_assert_one_line_error (CliRun     *run,
                                      const char *needle);
char      *cli_info_value     (const char *out,
                               const char *label);
GPtrArray *cli_find_line      (const char *out,
                               const char *prefix);
GPtrArray *cli_parse_csv      (const char *text);
const char *cli_csv_cell      (GPtrArray  *rows,
                               guint       row,
                               guint       column);
GPtrArray *cli_list_csv       (const char *what,
                               const char *plan);

char      *cli_make_tmp_dir   (void);
void       cli_remove_tmp_dir (char       *dir);
const char *cli_sample_plan   (void);
char      *cli_copy_sample    (const char *dir,
                               const char *name);
void       cli_sql            (const char *plan_path,
                               const char *sql);
char      *cli_file_checksum  (const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliRun, cli_run_free)
/* A temporary directory that is emptied and removed with its variable. */
typedef char CliTmpDir;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliTmpDir, cli_remove_tmp_dir)

G_END_DECLS
