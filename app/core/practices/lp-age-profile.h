/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-plan.h"

G_BEGIN_DECLS

/* Patients aged @min_age to @max_age (-1: no upper bound, as in "75+") per
 * practice, from the age profiles of @extract_date (NULL: the latest the
 * plan holds), for @sex ("male" or "female", NULL: both).  @counts gets a
 * table from practice id (gint64, g_int64_hash) to its count (gint64*).
 * An extract in five-year bands answers only bands that fit them (0-4,
 * 75+...); any other band, or an extract the plan does not hold, is an
 * error naming it. */
gboolean lp_plan_age_band_counts (LpPlan       *plan,
                                  const char   *extract_date,
                                  int           min_age,
                                  int           max_age,
                                  const char   *sex,
                                  GHashTable  **counts,
                                  char        **extract_used,
                                  GError      **error);

/* "75+", "0-4", "65": the band as people write it. */
char    *lp_age_band_label       (int           min_age,
                                  int           max_age);

G_END_DECLS
