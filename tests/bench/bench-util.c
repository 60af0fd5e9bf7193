/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>

#include "bench-util.h"

void
bench_add_england (sqlite3    *db,
                   const char *extract_date)
{
  char *places = sqlite3_mprintf (
      "WITH RECURSIVE l(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM l WHERE x < %d) "
      "INSERT INTO locality (id, name) SELECT x, 'Locality ' || x FROM l;"
      "WITH RECURSIVE p(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM p WHERE x < %d) "
      "INSERT INTO practice (id, ods_code, name, locality_id) SELECT x, printf ('Z%%05d', x), 'Practice', "
      "(x %% %d) + 1 FROM p;"
      "INSERT INTO list_size SELECT id, %Q, 2000 + (id * 7919) %% 12000, '' FROM practice;",
      BENCH_LOCALITIES, BENCH_PRACTICES, BENCH_LOCALITIES, extract_date);

  g_assert_cmpint (sqlite3_exec (db, places, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_free (places);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median (double *times,
              gsize   n)
{
  qsort (times, n, sizeof times[0], compare_doubles);
  return times[n / 2];
}
