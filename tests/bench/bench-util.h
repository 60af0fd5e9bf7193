/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once
/* What the benchmarks share: England's shape of plan, and medians. */
#include <sqlite3.h>

#include <glib.h>

G_BEGIN_DECLS

#define BENCH_LOCALITIES 1250
#define BENCH_PRACTICES 6500

/* Adds 1,250 localities and 6,500 practices, each with a list size of
 * 2,000 to 14,000 at @extract_date (YYYY-MM-DD), inside the caller's
 * transaction. */
void   bench_add_england (sqlite3    *db,
                          const char *extract_date);
/* Sorts @times and returns the middle one. */
double bench_median      (double     *times,
                          gsize       n);

G_END_DECLS
