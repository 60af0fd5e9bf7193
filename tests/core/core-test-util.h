/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "lp-core.h"
#include "test-sql.h"

G_BEGIN_DECLS

char    *test_tmp_dir        (void);
char    *test_tmp_path       (const char *dir,
                              const char *name);
LpPlan  *test_new_plan       (const char *dir);
char    *test_file_checksum  (const char *path);
void     test_write_file     (const char *path,
                              const char *contents,
                              gssize      length);
void     test_rm_rf          (const char *dir);

/* A fixture: a writable copy of the sample plan, removed afterwards. */
typedef struct {
  char    *dir;
  char    *path;
  LpPlan  *plan;
} TestSample;

/* For g_test_add () with a TestSample fixture. */
void        test_sample_set_up    (TestSample    *f,
                                   gconstpointer  data);
void        test_sample_tear_down (TestSample    *f,
                                   gconstpointer  data);

/* Three workshop copies of a TestSample's plan, "Table A", "Table B" and
 * "Table C", in a folder of the fixture's; removed with their folder.  With
 * them, the sample's rows the workshop tests change (its keys are random,
 * so they are looked up): practice X06K01 (12,326 patients on 1 January
 * 2018), the Royal Free's contract (£26,350,000) and the 3-year STP
 * pathway change for CVD. */
typedef struct {
  char   *dir;
  char   *a, *b, *c;
  gint64  practice_id;
  gint64  contract_id;
  gint64  change_id;
} TestCopies;

void        test_copies_prepare   (TestCopies    *copies,
                                   TestSample    *sample);
void        test_copies_remove    (TestCopies    *copies);
LpWorkshopCopy *test_read_copy    (LpPlan        *plan,
                                   const char    *path);

/* A strict RFC 4180 reader for checking exports: rows of fields, NULL for
 * an empty unquoted field; row 0 is the header. */
GPtrArray  *test_parse_csv       (const char *text);
char       *test_csv_heading     (const char *text,
                                  const char *label);
const char *test_csv_cell        (GPtrArray  *rows,
                                  guint       row,
                                  guint       column);
gint64      test_csv_column_sum  (GPtrArray  *rows,
                                  guint       column);
GPtrArray  *test_csv_find_row    (GPtrArray  *rows,
                                  guint       column,
                                  const char *value);

G_END_DECLS
