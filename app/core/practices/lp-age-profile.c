/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Age bands per practice, read from age_profile: a row per practice, sex
 * and extract whose figures sit at fixed places (see
 * resources/sql/0006-age-profiles.sql), so a band is a few additions per
 * row, without the list_size_age view's million rows. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lp-age-profile.h"
#include "lp-error.h"
#include "lp-plan-private.h"

#define LP_AGE_WIDTH 6
#define LP_OPEN_AGE 95   /* the files give 95 and over as one figure */

char *
lp_age_band_label (int min_age,
                   int max_age)
{
  if (max_age < 0)
    return g_strdup_printf ("%d+", min_age);
  if (max_age == min_age)
    return g_strdup_printf ("%d", min_age);
  return g_strdup_printf ("%d-%d", min_age, max_age);
}

/* The sum of the figures in slots @first to @last of @text (blank ones
 * count as none). */
static gint64
lp_age_profile_sum (const char *text,
                    gsize       length,
                    int         first,
                    int         last)
{
  gint64 sum = 0;

  for (int slot = first; slot <= last && (gsize) (slot + 1) * LP_AGE_WIDTH <= length; slot++)
    {
      const char *field = text + slot * LP_AGE_WIDTH;
      gint64 value = 0;

      for (int i = 0; i < LP_AGE_WIDTH; i++)
        if (field[i] >= '0' && field[i] <= '9')
          value = value * 10 + (field[i] - '0');
      sum += value;
    }
  return sum;
}

static char *
lp_age_profile_latest (LpPlan  *plan,
                       GError **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, "SELECT max (extract_date) FROM age_profile", error);
  char *date = NULL;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (date == NULL)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                 _("The plan has no age profiles: import NHS Digital’s single-year-of-age or "
                   "five-year-band registrations file first"));
  return date;
}

typedef struct {
  gint64 by_sex;     /* male plus female */
  gint64 all;        /* from profiles given for both sexes at once */
  gboolean has_by_sex;
} LpBandSum;

gboolean
lp_plan_age_band_counts (LpPlan       *plan,
                         const char   *extract_date,
                         int           min_age,
                         int           max_age,
                         const char   *sex,
                         GHashTable  **counts,
                         char        **extract_used,
                         GError      **error)
{
  g_autofree char *band = lp_age_band_label (min_age, max_age);
  g_autofree char *date = NULL;
  g_autoptr(GHashTable) sums = NULL;
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  gboolean any = FALSE;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  if (min_age < 0 || min_age > LP_OPEN_AGE || (max_age >= 0 && max_age < min_age))
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("“%s” is not an age band"), band), FALSE;
  if (max_age >= LP_OPEN_AGE)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("“%s” cannot be counted: the registration files give 95 and over as one figure"),
                        band), FALSE;
  if (sex != NULL && !g_str_equal (sex, "male") && !g_str_equal (sex, "female"))
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("“%s” is not a sex the registration files give (male or female)"), sex), FALSE;
  date = extract_date != NULL ? g_strdup (extract_date) : lp_age_profile_latest (plan, error);
  if (date == NULL)
    return FALSE;

  stmt = lp_plan_prepare (plan,
      "SELECT practice_id, sex, banding, patients FROM age_profile "
      "WHERE extract_date = ?1 AND (?2 IS NULL OR sex = ?2 OR sex = 'all')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, sex, -1, SQLITE_TRANSIENT);
  sums = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 practice = sqlite3_column_int64 (stmt, 0);
      const char *row_sex = (const char *) sqlite3_column_text (stmt, 1);
      gboolean five_year = g_str_equal ((const char *) sqlite3_column_text (stmt, 2), "five_year");
      const char *text = (const char *) sqlite3_column_text (stmt, 3);
      gsize length = (gsize) sqlite3_column_bytes (stmt, 3);
      int first = min_age, last = max_age < 0 ? LP_OPEN_AGE : max_age;
      LpBandSum *sum;
      gint64 figure;

      any = TRUE;
      if (five_year)
        {
          if (min_age % 5 != 0 || (max_age >= 0 && max_age % 5 != 4))
            {
              sqlite3_reset (stmt);
              return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                                  _("“%s” does not fit the five-year bands of the %s extract (0-4, 5-9… 90-94, "
                                    "95+): choose a band such as 75+ or 65-74, or import the single-year-of-age "
                                    "file"), band, date), FALSE;
            }
          first = min_age / 5;
          last = max_age < 0 ? LP_OPEN_AGE / 5 : max_age / 5;
        }
      figure = lp_age_profile_sum (text, length, first, last);
      /* A sex asked for: a profile for both sexes answers only where the
       * practice has none for that sex, as below. */
      sum = g_hash_table_lookup (sums, &practice);
      if (sum == NULL)
        {
          gint64 *id = g_new (gint64, 1);

          *id = practice;
          sum = g_new0 (LpBandSum, 1);
          g_hash_table_insert (sums, id, sum);
        }
      if (g_str_equal (row_sex, "all"))
        sum->all += figure;
      else
        {
          sum->by_sex += figure;
          sum->has_by_sex = TRUE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the age profiles")), FALSE;
  if (!any)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                        _("The plan has no age profiles for the %s extract"), date), FALSE;

  *counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      LpBandSum *sum = value;
      gint64 *id = g_new (gint64, 1);
      gint64 *count = g_new (gint64, 1);

      *id = *(gint64 *) key;
      /* Files for both sexes at once and files per sex would count the
       * same people twice: the per-sex figures win. */
      *count = sum->has_by_sex ? sum->by_sex : sum->all;
      g_hash_table_insert (*counts, id, count);
    }
  if (extract_used != NULL)
    *extract_used = g_steal_pointer (&date);
  return TRUE;
}
