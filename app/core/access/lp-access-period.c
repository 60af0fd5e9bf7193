/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Trajectory periods as NHS plans write them: "2018/19 Q3" (a quarter of
 * the financial year), "2018/19 Q2 (July)" (a month named within its
 * quarter), or a month, "2018-07".  A quarter's target applies from the
 * quarter's first month: plans say "100% by 1st October 2018" and list it
 * as "2018/19 Q3", and reading it as the quarter's last month would hold
 * the previous, lower target through October and November. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-access.h"

static const char *const month_names[] = {
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
};

static int
lp_access_period_month_number (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (int i = 0; i < 12; i++)
    if (strcmp (lower, month_names[i]) == 0 || (strlen (lower) == 3 && strncmp (lower, month_names[i], 3) == 0))
      return i + 1;
  return 0;
}

/* The financial year's quarter @quarter (1 to 4) holds these months:
 * Q1 April to June, ..., Q4 January to March. */
static gboolean
lp_access_period_in_quarter (int month,
                             int quarter)
{
  int place = (month + 8) % 12;   /* April 0 ... March 11 */

  return place / 3 + 1 == quarter;
}

/**
 * lp_access_parse_period:
 *
 * Returns: (transfer full): the first day of the month the period's
 *   target applies from ("2018-10-01" for "2018/19 Q3", "2018-08-01" for
 *   "2018/19 Q2 (August)"), or %NULL with @error naming the period
 */
char *
lp_access_parse_period (const char  *label,
                        GError     **error)
{
  unsigned year, next, quarter, month;
  char name[16] = "", tail;
  int number;

  if (label != NULL && sscanf (label, "%4u-%2u%c", &year, &month, &tail) >= 2 && month >= 1 && month <= 12)
    return g_strdup_printf ("%04u-%02u-01", year, month);
  /* "August 2018", as a person writes a month. */
  if (label != NULL && sscanf (label, " %15[A-Za-z] %4u %c", name, &year, &tail) == 2 &&
      (number = lp_access_period_month_number (name)) > 0 && year >= 1000)
    return g_strdup_printf ("%04u-%02d-01", year, number);
  if (label == NULL || sscanf (label, "%4u/%2u Q%1u", &year, &next, &quarter) != 3 ||
      quarter < 1 || quarter > 4 || (year + 1) % 100 != next)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("“%s” is not a period such as 2018/19 Q3, 2018/19 Q2 (July) or July 2018"),
                        label != NULL ? label : ""), NULL;
  if (sscanf (label, "%*4u/%*2u Q%*1u (%15[A-Za-z])", name) == 1)
    {
      number = lp_access_period_month_number (name);
      if (number == 0 || !lp_access_period_in_quarter (number, (int) quarter))
        return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                            _("“%s”: %s is not a month of quarter %u"), label, name, quarter), NULL;
    }
  else
    number = (int) ((quarter * 3) % 12 + 1);   /* Q1 April, Q2 July, Q3 October, Q4 January */
  return g_strdup_printf ("%04u-%02d-01", number >= 4 ? year : year + 1, number);
}
