/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The age profiles in force at a date (see lp-age-profiles-in-force.h).
 *
 * age_profile is keyed by extract first, so one extract is one run of the
 * table: the newest extract on or before the date is read whole (13,000
 * rows for England), and only the practices it lacks are looked for in
 * older extracts, one extract at a time.  What was read is kept on the plan
 * with the date asked for; a change to the age profiles or the practices
 * on this connection ("changed"), or any commit on another (SQLite's
 * data_version), lets it go. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lp-age-profiles-in-force.h"
#include "lp-plan-private.h"
#include "lp-population-base.h"

#define LP_AGE_WIDTH        6    /* characters per figure in age_profile.patients */
#define LP_SINGLE_OPEN_SLOT 95   /* single years: 0..94, then 95+ */
#define LP_FIVE_OPEN_SLOT   19   /* five-year bands: 0-4..90-94, then 95+ */
/* Fewer practices than this missing from an extract are looked up one by
 * one in the older ones; more, and the older extract is read whole. */
#define LP_LOOKUP_LIMIT     256

typedef enum {
  LP_AGE_SEX_ALL,
  LP_AGE_SEX_MALE,
  LP_AGE_SEX_FEMALE,
} LpAgeSex;

typedef struct {
  gint64    practice_id;
  LpAgeSex  sex;
  gboolean  five_year;
  char     *patients;    /* fixed-width figures, as stored */
  gsize     length;
} LpAgeProfileRow;

struct _LpAgeProfiles {
  gatomicrefcount  ref_count;
  GArray          *rows;    /* LpAgeProfileRow */
  GMutex           lock;    /* of bands: profiles are shared by their plan's callers */
  GHashTable      *bands;   /* "from to sex" -> counts, as counted once */
};

typedef struct {
  LpAgeProfiles *profiles;
  char          *extract_date;
  gint64         data_version;
} LpAgeProfilesCache;

#define LP_AGE_PROFILES_CACHE_KEY "lp-age-profiles-in-force"

static void
lp_age_profile_row_clear (gpointer data)
{
  g_free (((LpAgeProfileRow *) data)->patients);
}

LpAgeProfiles *
lp_age_profiles_ref (LpAgeProfiles *profiles)
{
  g_atomic_ref_count_inc (&profiles->ref_count);
  return profiles;
}

void
lp_age_profiles_unref (LpAgeProfiles *profiles)
{
  if (profiles != NULL && g_atomic_ref_count_dec (&profiles->ref_count))
    {
      g_array_unref (profiles->rows);
      g_clear_pointer (&profiles->bands, g_hash_table_unref);
      g_mutex_clear (&profiles->lock);
      g_free (profiles);
    }
}

static void
lp_age_profiles_cache_free (gpointer data)
{
  LpAgeProfilesCache *cache = data;

  lp_age_profiles_unref (cache->profiles);
  g_free (cache->extract_date);
  g_free (cache);
}

static void
lp_age_profiles_plan_changed (LpPlan     *plan,
                              const char *table,
                              gpointer    user_data)
{
  if (table == NULL || g_str_equal (table, "age_profile") || g_str_equal (table, "practice"))
    g_object_set_data (G_OBJECT (plan), LP_AGE_PROFILES_CACHE_KEY, NULL);
}

static LpAgeSex
lp_age_sex_from_text (const char *text)
{
  if (g_strcmp0 (text, "male") == 0)
    return LP_AGE_SEX_MALE;
  if (g_strcmp0 (text, "female") == 0)
    return LP_AGE_SEX_FEMALE;
  return LP_AGE_SEX_ALL;
}

/* Adds the current row of @stmt (practice_id, sex, banding, patients). */
static void
lp_age_profiles_add_row (LpAgeProfiles *profiles,
                         sqlite3_stmt  *stmt,
                         GHashTable    *found)
{
  LpAgeProfileRow row;
  const char *banding = (const char *) sqlite3_column_text (stmt, 2);

  row.practice_id = sqlite3_column_int64 (stmt, 0);
  row.sex = lp_age_sex_from_text ((const char *) sqlite3_column_text (stmt, 1));
  row.five_year = g_strcmp0 (banding, "five_year") == 0;
  row.length = (gsize) sqlite3_column_bytes (stmt, 3);
  row.patients = g_strndup ((const char *) sqlite3_column_text (stmt, 3), row.length);
  g_array_append_val (profiles->rows, row);
  if (!g_hash_table_contains (found, &row.practice_id))
    g_hash_table_add (found, g_memdup2 (&row.practice_id, sizeof row.practice_id));
}

/* The newest extract on or before @date (NULL: any), or before @before
 * when given; NULL when there is none. */
static char *
lp_age_profiles_extract (LpPlan      *plan,
                         const char  *date,
                         const char  *before,
                         GError     **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT max (extract_date) FROM age_profile WHERE (?1 IS NULL OR extract_date <= ?1) "
      "AND (?2 IS NULL OR extract_date < ?2)", error);
  char *extract = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  lp_stmt_bind_text (stmt, 1, date);
  lp_stmt_bind_text (stmt, 2, before);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    extract = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the age profiles"));
  return extract;
}

/* Every profile of @extract, or only those of @practices. */
static gboolean
lp_age_profiles_read_extract (LpPlan         *plan,
                              LpAgeProfiles  *profiles,
                              const char     *extract,
                              GPtrArray      *practices,
                              GHashTable     *found,
                              GError        **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT practice_id, sex, banding, patients FROM age_profile "
      "WHERE extract_date = ?1 AND (?2 IS NULL OR practice_id = ?2)", error);
  guint n = practices != NULL ? practices->len : 1;
  int rc = SQLITE_DONE;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n && rc == SQLITE_DONE; i++)
    {
      sqlite3_bind_text (stmt, 1, extract, -1, SQLITE_TRANSIENT);
      if (practices != NULL)
        sqlite3_bind_int64 (stmt, 2, *(gint64 *) g_ptr_array_index (practices, i));
      else
        sqlite3_bind_null (stmt, 2);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        lp_age_profiles_add_row (profiles, stmt, found);
      sqlite3_reset (stmt);
    }
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the age profiles")), FALSE;
  return TRUE;
}

/* The plan's practices that no profile read so far covers. */
static GPtrArray *
lp_age_profiles_missing (LpPlan      *plan,
                         GHashTable  *found,
                         GError     **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, "SELECT id FROM practice ORDER BY id", error);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!g_hash_table_contains (found, &id))
        g_ptr_array_add (missing, g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the practices")), NULL;
  return g_steal_pointer (&missing);
}

static LpAgeProfiles *
lp_age_profiles_load (LpPlan      *plan,
                      const char  *extract_date,
                      GError     **error)
{
  g_autoptr(LpAgeProfiles) profiles = g_new0 (LpAgeProfiles, 1);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *extract = NULL;
  GError *local_error = NULL;

  g_atomic_ref_count_init (&profiles->ref_count);
  g_mutex_init (&profiles->lock);
  profiles->bands = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  profiles->rows = g_array_new (FALSE, FALSE, sizeof (LpAgeProfileRow));
  g_array_set_clear_func (profiles->rows, lp_age_profile_row_clear);
  extract = lp_age_profiles_extract (plan, extract_date, NULL, &local_error);
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  while (extract != NULL)
    {
      g_autoptr(GPtrArray) missing = NULL;
      char *older;

      if (profiles->rows->len == 0)
        {
          if (!lp_age_profiles_read_extract (plan, profiles, extract, NULL, found, error))
            return NULL;
        }
      else
        {
          if ((missing = lp_age_profiles_missing (plan, found, error)) == NULL)
            return NULL;
          if (missing->len == 0)
            break;
          if (!lp_age_profiles_read_extract (plan, profiles, extract,
                                             missing->len < LP_LOOKUP_LIMIT ? missing : NULL,
                                             found, error))
            return NULL;
        }
      older = lp_age_profiles_extract (plan, extract_date, extract, &local_error);
      if (local_error != NULL)
        return g_propagate_error (error, local_error), NULL;
      g_free (extract);
      extract = older;
    }
  return g_steal_pointer (&profiles);
}

LpAgeProfiles *
lp_plan_age_profiles_in_force (LpPlan      *plan,
                               const char  *extract_date,
                               GError     **error)
{
  LpAgeProfilesCache *cache;
  gint64 data_version;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  data_version = lp_plan_get_data_version (plan);
  cache = g_object_get_data (G_OBJECT (plan), LP_AGE_PROFILES_CACHE_KEY);
  if (cache != NULL && cache->data_version == data_version && data_version >= 0 &&
      g_strcmp0 (cache->extract_date, extract_date) == 0)
    return lp_age_profiles_ref (cache->profiles);

  if (g_object_get_data (G_OBJECT (plan), LP_AGE_PROFILES_CACHE_KEY "-watch") == NULL)
    {
      g_signal_connect (plan, "changed", G_CALLBACK (lp_age_profiles_plan_changed), NULL);
      g_object_set_data (G_OBJECT (plan), LP_AGE_PROFILES_CACHE_KEY "-watch", GINT_TO_POINTER (1));
    }
  cache = g_new0 (LpAgeProfilesCache, 1);
  if ((cache->profiles = lp_age_profiles_load (plan, extract_date, error)) == NULL)
    {
      g_free (cache);
      return NULL;
    }
  cache->extract_date = g_strdup (extract_date);
  cache->data_version = data_version;
  g_object_set_data_full (G_OBJECT (plan), LP_AGE_PROFILES_CACHE_KEY, cache, lp_age_profiles_cache_free);
  return lp_age_profiles_ref (cache->profiles);
}

/* The sum of slots @first to @last (blank ones count as none). */
static gint64
lp_age_row_sum (const LpAgeProfileRow *row,
                int                    first,
                int                    last)
{
  gint64 sum = 0;

  for (int slot = first; slot <= last && (gsize) (slot + 1) * LP_AGE_WIDTH <= row->length; slot++)
    {
      const char *field = row->patients + slot * LP_AGE_WIDTH;
      gint64 value = 0;

      for (int i = 0; i < LP_AGE_WIDTH; i++)
        if (field[i] >= '0' && field[i] <= '9')
          value = value * 10 + (field[i] - '0');
      sum += value;
    }
  return sum;
}

/* A practice's figures by sex: < 0 where it has no profile for that sex
 * that gives the band. */
typedef struct {
  double by_sex[3];
} LpAgeBandFigures;

static GHashTable *
lp_age_profiles_count_band (LpAgeProfiles *profiles,
                            int            from,
                            int            to,
                            const char    *sex)
{
  g_autoptr(GHashTable) figures = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  GHashTable *counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gboolean five_fit = from % 5 == 0 && (to == LP_POPULATION_BASE_AGE_OPEN || to % 5 == 4);
  LpAgeSex wanted = lp_age_sex_from_text (sex);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < profiles->rows->len; i++)
    {
      const LpAgeProfileRow *row = &g_array_index (profiles->rows, LpAgeProfileRow, i);
      LpAgeBandFigures *one = g_hash_table_lookup (figures, &row->practice_id);
      double patients = -1;

      if (one == NULL)
        {
          one = g_new (LpAgeBandFigures, 1);
          one->by_sex[0] = one->by_sex[1] = one->by_sex[2] = -1;
          g_hash_table_insert (figures, (gpointer) &row->practice_id, one);
        }
      if (!row->five_year)
        patients = lp_age_row_sum (row, from, to == LP_POPULATION_BASE_AGE_OPEN ? LP_SINGLE_OPEN_SLOT : to);
      else if (five_fit)
        patients = lp_age_row_sum (row, from / 5, to == LP_POPULATION_BASE_AGE_OPEN ? LP_FIVE_OPEN_SLOT : to / 5);
      one->by_sex[row->sex] = patients;
    }
  g_hash_table_iter_init (&iter, figures);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const LpAgeBandFigures *one = value;
      double patients;

      /* Both sexes: the profile for all persons where there is one, else
       * male and female together, only where both are there. */
      if (wanted != LP_AGE_SEX_ALL)
        patients = one->by_sex[wanted];
      else if (one->by_sex[LP_AGE_SEX_ALL] >= 0)
        patients = one->by_sex[LP_AGE_SEX_ALL];
      else if (one->by_sex[LP_AGE_SEX_MALE] >= 0 && one->by_sex[LP_AGE_SEX_FEMALE] >= 0)
        patients = one->by_sex[LP_AGE_SEX_MALE] + one->by_sex[LP_AGE_SEX_FEMALE];
      else
        patients = -1;
      if (patients >= 0)
        g_hash_table_insert (counts, g_memdup2 (key, sizeof (gint64)), g_memdup2 (&patients, sizeof patients));
    }
  return counts;
}

GHashTable *
lp_age_profiles_band_counts (LpAgeProfiles *profiles,
                             int            from,
                             int            to,
                             const char    *sex)
{
  g_autofree char *key = g_strdup_printf ("%d %d %s", from, to, sex);
  GHashTable *counts;

  g_mutex_lock (&profiles->lock);
  counts = g_hash_table_lookup (profiles->bands, key);
  if (counts == NULL)
    {
      counts = lp_age_profiles_count_band (profiles, from, to, sex);
      g_hash_table_insert (profiles->bands, g_steal_pointer (&key), counts);
    }
  g_hash_table_ref (counts);
  g_mutex_unlock (&profiles->lock);
  return counts;
}
