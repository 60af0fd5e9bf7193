/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Population bases (see lp-population-base.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lp-population-base.h"
#include "lp-age-profiles-in-force.h"
#include "lp-plan-private.h"

void
lp_population_base_free (LpPopulationBase *base)
{
  if (base == NULL)
    return;
  g_free (base->sex);
  g_free (base->weights);
  g_free (base->name);
  g_free (base);
}

gboolean
lp_population_base_is_registered (const char *name)
{
  return name == NULL || g_ascii_strcasecmp (name, LP_POPULATION_BASE_REGISTERED) == 0;
}

/* Whole years 0 to 95 at @text, moving past them. */
static gboolean
lp_population_base_read_age (const char **text,
                             int         *age)
{
  const char *start = *text;
  int value = 0;

  while (g_ascii_isdigit (**text) && *text - start < 3)
    value = value * 10 + (*(*text)++ - '0');
  if (*text == start || g_ascii_isdigit (**text) || value > 95)
    return FALSE;
  *age = value;
  return TRUE;
}

/* "75+", "0-4" (a hyphen or an en dash), into @from and @to. */
static gboolean
lp_population_base_read_band (const char *band,
                              int        *from,
                              int        *to)
{
  const char *at = band;

  if (!lp_population_base_read_age (&at, from))
    return FALSE;
  if (g_str_equal (at, "+"))
    return (*to = LP_POPULATION_BASE_AGE_OPEN), TRUE;
  if (*at == '-')
    at++;
  else if (g_str_has_prefix (at, "–"))
    at += strlen ("–");
  else
    return FALSE;
  return lp_population_base_read_age (&at, to) && *at == '\0' && *to >= *from && *to <= 94;
}

static const char *
lp_population_base_read_sex (const char *word)
{
  static const char * const female[] = { "female", "females", "women", NULL };
  static const char * const male[] = { "male", "males", "men", NULL };
  static const char * const all[] = { "all", "persons", "people", NULL };
  g_autofree char *lower = g_ascii_strdown (word, -1);

  if (g_strv_contains (female, lower))
    return "female";
  if (g_strv_contains (male, lower))
    return "male";
  if (g_strv_contains (all, lower))
    return "all";
  return NULL;
}

static char *
lp_population_base_band_name (int from,
                              int to)
{
  return to == LP_POPULATION_BASE_AGE_OPEN ? g_strdup_printf ("%d+", from)
                                           : g_strdup_printf ("%d-%d", from, to);
}

/**
 * lp_population_base_parse:
 *
 * Returns: (transfer full): the base, or %NULL with @error set
 *   (LP_PLAN_ERROR_INVALID) saying how to write one
 */
LpPopulationBase *
lp_population_base_parse (const char  *text,
                          GError     **error)
{
  g_autofree char *typed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) words = NULL;
  g_autoptr(LpPopulationBase) base = g_new0 (LpPopulationBase, 1);
  const char *sex = "all";
  g_autofree char *band = NULL;

  if (lp_population_base_is_registered (typed))
    {
      base->kind = LP_POPULATION_BASE_KIND_REGISTERED;
      base->sex = g_strdup ("all");
      base->name = g_strdup (LP_POPULATION_BASE_REGISTERED);
      return g_steal_pointer (&base);
    }
  if (g_ascii_strncasecmp (typed, "weighted", strlen ("weighted")) == 0 &&
      (typed[strlen ("weighted")] == ' ' || typed[strlen ("weighted")] == '\0'))
    {
      const char *name = typed + strlen ("weighted");

      while (*name == ' ')
        name++;
      if (*name == '\0')
        return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                            _("“%s” names no weights: write weighted and the name of a table of weights"),
                            typed), NULL;
      base->kind = LP_POPULATION_BASE_KIND_WEIGHTED;
      base->sex = g_strdup ("all");
      base->weights = g_strdup (name);
      base->name = g_strconcat ("weighted ", name, NULL);
      return g_steal_pointer (&base);
    }
  words = g_strsplit_set (typed, " ", -1);
  {
    guint n = 0;
    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        words[n++] = words[i];
      else
        g_free (words[i]);
    words[n] = NULL;
    if (n >= 1 && n <= 2 &&
        lp_population_base_read_band (words[0], &base->age_from, &base->age_to) &&
        (n == 1 || (sex = lp_population_base_read_sex (words[1])) != NULL))
      {
        base->kind = LP_POPULATION_BASE_KIND_AGE;
        base->sex = g_strdup (sex);
        band = lp_population_base_band_name (base->age_from, base->age_to);
        base->name = g_str_equal (sex, "all") ? g_steal_pointer (&band)
                                              : g_strconcat (band, " ", sex, NULL);
        return g_steal_pointer (&base);
      }
  }
  g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
               _("“%s” is not a population base: write registered, or an age band such as 75+ or 0-4"),
               typed);
  return NULL;
}

char *
lp_population_base_stp_key (const LpPopulationBase *base)
{
  if (base->kind == LP_POPULATION_BASE_KIND_REGISTERED)
    return g_strdup ("stp_population");
  return g_strconcat ("stp_population_", base->name, NULL);
}

static void
lp_population_counts_add (GHashTable *counts,
                          gint64      practice,
                          double      value)
{
  double *known = g_hash_table_lookup (counts, &practice);

  if (known != NULL)
    *known += value;
  else
    g_hash_table_insert (counts, g_memdup2 (&practice, sizeof practice), g_memdup2 (&value, sizeof value));
}

static GHashTable *
lp_population_counts_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/* The one reader of age data for population bases: each practice's
 * patients aged @from to @to of @sex, from the profiles in force at
 * @extract_date (see lp-age-profiles-in-force.h). */
static GHashTable *
lp_plan_read_age_counts (LpPlan      *plan,
                         int          from,
                         int          to,
                         const char  *sex,
                         const char  *extract_date,
                         GError     **error)
{
  g_autoptr(LpAgeProfiles) profiles = lp_plan_age_profiles_in_force (plan, extract_date, error);

  if (profiles == NULL)
    return NULL;
  return lp_age_profiles_band_counts (profiles, from, to, sex);
}

static GHashTable *
lp_plan_read_registered_counts (LpPlan      *plan,
                                const char  *extract_date,
                                GError     **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT p.id, (SELECT s.patients FROM list_size AS s WHERE s.practice_id = p.id "
      "  AND (?1 IS NULL OR s.extract_date <= ?1) ORDER BY s.extract_date DESC LIMIT 1) AS patients "
      "FROM practice AS p WHERE patients IS NOT NULL", error);
  g_autoptr(GHashTable) counts = lp_population_counts_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  lp_stmt_bind_text (stmt, 1, extract_date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    lp_population_counts_add (counts, sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the list sizes")), NULL;
  return g_steal_pointer (&counts);
}

/* A weighted population imported per practice (as NHS England publishes
 * PCN adjusted populations): each practice's figure at its latest date on
 * or before @extract_date; a practice without one is left out. */
static GHashTable *
lp_plan_read_imported_counts (LpPlan                 *plan,
                              const LpPopulationBase *base,
                              const char             *extract_date,
                              GError                **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT w.practice_id, w.population FROM weighted_population AS w "
      "WHERE w.weights_name = ?1 AND w.as_at = (SELECT max (l.as_at) FROM weighted_population AS l "
      "  WHERE l.weights_name = ?1 AND l.practice_id = w.practice_id AND (?2 IS NULL OR l.as_at <= ?2))",
      error);
  g_autoptr(GHashTable) counts = lp_population_counts_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, base->weights, -1, SQLITE_TRANSIENT);
  lp_stmt_bind_text (stmt, 2, extract_date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    lp_population_counts_add (counts, sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the weighted populations")), NULL;
  return g_steal_pointer (&counts);
}

/* Whether the weights called @name were imported per practice rather than
 * given by age band; FALSE with @error unset when there are none. */
static gboolean
lp_plan_weights_are_imported (LpPlan      *plan,
                              const char  *name,
                              gboolean    *imported,
                              GError     **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, "SELECT kind = 'imported' FROM population_weights WHERE name = ?1", error);
  int rc;

  *imported = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *imported = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the weights")), FALSE;
  return TRUE;
}

/* The sum over the weights' rows of weight x the practice's patients in
 * the row's band and sex; a practice lacking any row's band is left out. */
static GHashTable *
lp_plan_read_weighted_counts (LpPlan                 *plan,
                              const LpPopulationBase *base,
                              const char             *extract_date,
                              GError                **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT age_band, sex, weight FROM population_weight WHERE weights_name = ?1 ORDER BY age_band, sex", error);
  g_autoptr(GHashTable) counts = lp_population_counts_new ();
  g_autoptr(GHashTable) found = lp_population_counts_new ();   /* practice -> rows it had */
  guint n_rows = 0;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, base->weights, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *band = g_strdup (lp_stmt_column_text (stmt, 0));
      g_autofree char *row_sex = g_strdup (lp_stmt_column_text (stmt, 1));
      double weight = sqlite3_column_double (stmt, 2);
      g_autoptr(GHashTable) ages = NULL;
      GHashTableIter iter;
      gpointer practice, patients;
      int from, to;

      if (!lp_population_base_read_band (band, &from, &to))
        {
          sqlite3_reset (stmt);
          return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                              _("The weights “%s” have a row for “%s”, which is not an age band such as 75+ or 0-4"),
                              base->weights, band), NULL;
        }
      n_rows++;
      if ((ages = lp_plan_read_age_counts (plan, from, to, row_sex, extract_date, error)) == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_hash_table_iter_init (&iter, ages);
      while (g_hash_table_iter_next (&iter, &practice, &patients))
        {
          lp_population_counts_add (counts, *(gint64 *) practice, weight * *(double *) patients);
          lp_population_counts_add (found, *(gint64 *) practice, 1);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the weights")), NULL;
  if (n_rows == 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                        _("The plan has no weights called “%s”"), base->weights), NULL;
  {
    GHashTableIter iter;
    gpointer practice, rows;

    g_hash_table_iter_init (&iter, found);
    while (g_hash_table_iter_next (&iter, &practice, &rows))
      if (*(double *) rows < n_rows)
        g_hash_table_remove (counts, practice);
  }
  return g_steal_pointer (&counts);
}

/**
 * lp_plan_read_population_base:
 *
 * Returns: (transfer full): each practice's count, or %NULL with @error set
 */
GHashTable *
lp_plan_read_population_base (LpPlan                 *plan,
                              const LpPopulationBase *base,
                              const char             *extract_date,
                              GError                **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (base != NULL, NULL);

  switch (base->kind)
    {
    case LP_POPULATION_BASE_KIND_AGE:
      return lp_plan_read_age_counts (plan, base->age_from, base->age_to, base->sex, extract_date, error);
    case LP_POPULATION_BASE_KIND_WEIGHTED:
      {
        gboolean imported;

        if (!lp_plan_weights_are_imported (plan, base->weights, &imported, error))
          return NULL;
        return imported ? lp_plan_read_imported_counts (plan, base, extract_date, error)
                        : lp_plan_read_weighted_counts (plan, base, extract_date, error);
      }
    case LP_POPULATION_BASE_KIND_REGISTERED:
    default:
      return lp_plan_read_registered_counts (plan, extract_date, error);
    }
}
