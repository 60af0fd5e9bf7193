/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Core-internal: the one rule for which practices count on a day.
 *
 * A closed or dormant practice stays in the plan for its history, but
 * from its close date on it is not counted: not in the totals, the
 * coverage, the capacity or the shares.  Its patients have registered
 * elsewhere, so counting its last list size as well would count them
 * twice.  A closed or dormant practice without a close date counts as
 * closed from the start; an active or proposed one counts until its close
 * date, if it has one (a planned closure).
 *
 * Every count in the core goes through these two macros (SQL) or
 * lp_practice_counts_on() (practices already read into memory), so that
 * the rule is written once. */

#include <glib.h>

G_BEGIN_DECLS

/* SQL: the first day practice @p (a table alias) no longer counts, or NULL
 * while it counts.  '0000-01-01' is "from the start". */
#define LP_PRACTICE_CLOSED_FROM(p) \
  "(CASE WHEN " p ".close_date IS NOT NULL THEN " p ".close_date " \
  "WHEN " p ".status IN ('closed', 'dormant') THEN '0000-01-01' END)"

/* SQL: whether practice @p counts on @day, an SQL expression giving
 * YYYY-MM-DD (usually a bound parameter).  A NULL @day means "now": the
 * plan's reference date when it holds a valid date (a plan about 2018-19
 * is read as at 2018, like the Overview), else today. */
#define LP_PRACTICE_COUNTS_ON(p, day) \
  "(" LP_PRACTICE_CLOSED_FROM (p) " IS NULL OR " LP_PRACTICE_CLOSED_FROM (p) " > " \
  "coalesce (" day ", (SELECT date (value) FROM plan_info WHERE key = 'reference_date'), " \
  "date ('now', 'localtime')))"

gboolean lp_practice_counts_on (const char *closed_from,
                                const char *day);

G_END_DECLS
