/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What is made from a model table: each practice's share of its
 * locality's change, each locality's grand total for the chart, and the
 * difference between two scenarios. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-model-private.h"
#include "lp-plan-private.h"
#include "lp-practice-private.h"
#include "lp-population-base.h"

void
lp_model_practice_free (LpModelPractice *practice)
{
  if (practice == NULL)
    return;
  g_free (practice->ods_code);
  g_free (practice->name);
  g_free (practice->locality);
  g_clear_pointer (&practice->rows, g_ptr_array_unref);
  g_free (practice);
}

/* The one place a practice's share of a modelled figure is made, so that
 * the breakdown of all localities, of one, the practice's page, the
 * exports and the CLI all show the same number: @locality is the
 * practice's own locality's table (its own figures where it states them,
 * else its share of the CCG's or STP's), scaled by the practice's share
 * of that locality's list size.  Sharing a wider total by list size
 * instead would give a practice a different figure in "All localities"
 * wherever a locality states figures of its own. */
/* The practices' counts on each base other than registered that @table's
 * rows use, and their sums per locality (base name -> LpPracticeBase). */
typedef struct {
  GHashTable *practices;   /* practice id -> double */
  GHashTable *localities;  /* locality id -> double, over the practices asked for */
} LpPracticeBase;

static void
lp_practice_base_free (gpointer data)
{
  LpPracticeBase *base = data;

  g_clear_pointer (&base->practices, g_hash_table_unref);
  g_clear_pointer (&base->localities, g_hash_table_unref);
  g_free (base);
}

/* A practice's share of its locality's figure on the row's base. */
static double
lp_model_practice_base_share (const LpModelPractice *practice,
                              GHashTable            *bases,
                              const char            *name)
{
  const LpPracticeBase *base = name != NULL ? g_hash_table_lookup (bases, name) : NULL;
  const double *count, *sum;

  if (base == NULL)
    return practice->share;
  count = g_hash_table_lookup (base->practices, &practice->practice_id);
  sum = g_hash_table_lookup (base->localities, &practice->locality_id);
  return count != NULL && sum != NULL && *sum > 0 ? *count / *sum : 0;
}

/* Where the rows use bases other than registered, each pathway row is
 * shared by its own base, and the totals are the sums of the practice's
 * rows (in-patients, then A&E and outpatients, then all). */
static void
lp_model_practice_share_by_bases (LpModelPractice    *practice,
                                  const LpModelTable *locality,
                                  GHashTable         *bases)
{
  double section[2][LP_MODEL_MAX_HORIZONS] = { { 0 } }, all[2][LP_MODEL_MAX_HORIZONS] = { { 0 } };

  for (guint i = 0; i < locality->rows->len; i++)
    {
      const LpModelRow *row = g_ptr_array_index (locality->rows, i);
      LpModelRow *part = g_new0 (LpModelRow, 1);
      double share = lp_model_practice_base_share (practice, bases, row->base);

      part->name = g_strdup (row->name);
      part->kind = row->kind;
      part->base = g_strdup (row->base);
      for (guint h = 0; h < locality->n_horizons; h++)
        {
          if (row->kind == LP_MODEL_ROW_PATHWAY)
            {
              part->activity[h] = row->activity[h] * share;
              part->bed_days[h] = row->bed_days[h] * share;
              section[0][h] += part->activity[h], section[1][h] += part->bed_days[h];
              all[0][h] += part->activity[h], all[1][h] += part->bed_days[h];
            }
          else
            {
              part->activity[h] = row->kind == LP_MODEL_ROW_SUBTOTAL ? section[0][h] : all[0][h];
              part->bed_days[h] = row->kind == LP_MODEL_ROW_SUBTOTAL ? section[1][h] : all[1][h];
            }
        }
      if (row->kind == LP_MODEL_ROW_SUBTOTAL)
        memset (section, 0, sizeof section);
      g_ptr_array_add (practice->rows, part);
    }
  memcpy (practice->activity, all[0], sizeof practice->activity);
  memcpy (practice->bed_days, all[1], sizeof practice->bed_days);
}

static void
lp_model_practice_share (LpModelPractice    *practice,
                         const LpModelTable *locality,
                         GHashTable         *bases)
{
  const LpModelRow *total = g_ptr_array_index (locality->rows, locality->rows->len - 1);

  practice->share = practice->list_size > 0 && locality->population > 0
                    ? (double) practice->list_size / (double) locality->population : 0;
  practice->rows = g_ptr_array_new_with_free_func (lp_model_row_free);
  if (g_hash_table_size (bases) > 0)
    {
      lp_model_practice_share_by_bases (practice, locality, bases);
      return;
    }
  for (guint i = 0; i < locality->rows->len; i++)
    {
      const LpModelRow *row = g_ptr_array_index (locality->rows, i);
      LpModelRow *part = g_new0 (LpModelRow, 1);

      part->name = g_strdup (row->name);
      part->kind = row->kind;
      part->base = g_strdup (row->base);
      for (guint h = 0; h < locality->n_horizons; h++)
        {
          part->activity[h] = row->activity[h] * practice->share;
          part->bed_days[h] = row->bed_days[h] * practice->share;
        }
      g_ptr_array_add (practice->rows, part);
    }
  for (guint h = 0; h < locality->n_horizons; h++)
    {
      practice->activity[h] = total->activity[h] * practice->share;
      practice->bed_days[h] = total->bed_days[h] * practice->share;
    }
}

/* The counts of the bases other than registered that @table's rows use. */
static GHashTable *
lp_model_practice_bases (LpPlan              *plan,
                         const LpModelQuery  *query,
                         const LpModelTable  *table,
                         GError             **error)
{
  g_autoptr(GHashTable) bases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, lp_practice_base_free);

  for (guint i = 0; i < table->rows->len; i++)
    {
      const LpModelRow *row = g_ptr_array_index (table->rows, i);
      g_autoptr(LpPopulationBase) parsed = NULL;
      LpPracticeBase *base;

      if (row->base == NULL || lp_population_base_is_registered (row->base) ||
          g_hash_table_contains (bases, row->base))
        continue;
      if ((parsed = lp_population_base_parse (row->base, error)) == NULL)
        return NULL;
      base = g_new0 (LpPracticeBase, 1);
      g_hash_table_insert (bases, g_strdup (row->base), base);
      base->localities = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      if ((base->practices = lp_plan_read_population_base (plan, parsed, query->extract_date, error)) == NULL)
        return NULL;
    }
  return g_steal_pointer (&bases);
}

/* Adds each practice's counts to its locality's sums; a practice lacking
 * a base's figure is named (the model of the same query has named it
 * already; this is for a table made from another plan state). */
static gboolean
lp_model_practice_bases_sum (GHashTable       *bases,
                             const GPtrArray  *practices,
                             GError          **error)
{
  GHashTableIter iter;
  gpointer name, value;

  g_hash_table_iter_init (&iter, bases);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      LpPracticeBase *base = value;

      for (guint i = 0; i < practices->len; i++)
        {
          const LpModelPractice *practice = g_ptr_array_index (practices, i);
          const double *count = g_hash_table_lookup (base->practices, &practice->practice_id);
          double *sum = g_hash_table_lookup (base->localities, &practice->locality_id);

          if (count == NULL && g_str_has_prefix (name, "weighted "))
            return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                                _("Practice %s has no figure in the population “%s”"),
                                practice->ods_code, (const char *) name), FALSE;
          if (count == NULL)
            return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                                _("Practice %s has no age profile that gives its population on the base “%s”"),
                                practice->ods_code, (const char *) name), FALSE;
          if (sum == NULL)
            g_hash_table_insert (base->localities, g_memdup2 (&practice->locality_id, sizeof (gint64)),
                                 g_memdup2 (count, sizeof (double)));
          else
            *sum += *count;
        }
    }
  return TRUE;
}

/**
 * lp_plan_model_practices:
 * @table: the table from lp_plan_model() with the same @query
 *
 * For one locality, each practice's share comes from @table; for all
 * localities, from each locality's own table, made in one more pass over
 * the plan, so a practice has the same figures either way.
 *
 * Returns: (transfer full) (element-type LpModelPractice): the practices
 *   by code, each with its share of every row of its locality's table;
 *   practices closed by the query's extract date are left out
 */
GPtrArray *
lp_plan_model_practices (LpPlan              *plan,
                         const LpModelQuery  *query,
                         const LpModelTable  *table,
                         GError             **error)
{
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func ((GDestroyNotify) lp_model_practice_free);
  g_autoptr(GHashTable) tables = NULL;
  g_autoptr(GHashTable) bases = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (table != NULL && table->rows->len > 0, NULL);

  if (query->locality_id == 0)
    {
      g_autoptr(LpModelTable) all = NULL;

      tables = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                      (GDestroyNotify) lp_model_table_free);
      if ((all = lp_model_run (plan, query, tables, error)) == NULL)
        return NULL;
    }
  if ((bases = lp_model_practice_bases (plan, query, table, error)) == NULL)
    return NULL;
  stmt = lp_plan_prepare (plan,
      "SELECT p.ods_code, p.name, ifnull ((SELECT s.patients FROM list_size AS s WHERE s.practice_id = p.id "
      "  AND (?1 IS NULL OR s.extract_date <= ?1) ORDER BY s.extract_date DESC LIMIT 1), 0), "
      "  p.id, p.locality_id, l.name "
      "FROM practice AS p JOIN locality AS l ON l.id = p.locality_id WHERE (?2 = 0 OR p.locality_id = ?2) "
      "  AND " LP_PRACTICE_COUNTS_ON ("p", "?1") " "
      "ORDER BY p.ods_code", error);
  if (stmt == NULL)
    return NULL;
  lp_stmt_bind_text (stmt, 1, query->extract_date);
  sqlite3_bind_int64 (stmt, 2, query->locality_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LpModelPractice *practice = g_new0 (LpModelPractice, 1);

      practice->ods_code = g_strdup (lp_stmt_column_text (stmt, 0));
      practice->name = g_strdup (lp_stmt_column_text (stmt, 1));
      practice->list_size = sqlite3_column_int64 (stmt, 2);
      practice->practice_id = sqlite3_column_int64 (stmt, 3);
      practice->locality_id = sqlite3_column_int64 (stmt, 4);
      practice->locality = g_strdup (lp_stmt_column_text (stmt, 5));
      g_ptr_array_add (practices, practice);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the practices")), NULL;
  /* The locality's counts on each base are the sums over its practices,
   * known only once all are read. */
  if (!lp_model_practice_bases_sum (bases, practices, error))
    return NULL;
  for (guint i = 0; i < practices->len; i++)
    {
      LpModelPractice *practice = g_ptr_array_index (practices, i);
      const LpModelTable *locality = tables != NULL ? g_hash_table_lookup (tables, &practice->locality_id) : table;

      g_assert (locality != NULL);
      lp_model_practice_share (practice, locality, bases);
    }
  return g_steal_pointer (&practices);
}

gint64
lp_plan_find_scenario (LpPlan     *plan,
                       const char *name)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (LP_IS_PLAN (plan), 0);

  stmt = lp_plan_prepare (plan, "SELECT id FROM scenario WHERE name = ?1 COLLATE NOCASE", NULL);
  if (stmt == NULL || name == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
lp_model_tables_match (const LpModelTable *table,
                       const LpModelTable *other)
{
  if (table->n_horizons != other->n_horizons || table->rows->len != other->rows->len ||
      memcmp (table->horizons, other->horizons, sizeof table->horizons) != 0)
    return FALSE;
  for (guint i = 0; i < table->rows->len; i++)
    if (g_strcmp0 (((LpModelRow *) g_ptr_array_index (table->rows, i))->name,
                   ((LpModelRow *) g_ptr_array_index (other->rows, i))->name) != 0)
      return FALSE;
  return TRUE;
}

/**
 * lp_model_table_difference:
 *
 * For comparing scenarios: the rows keep their names and kinds; each
 * figure is @table's minus @other's.
 *
 * Returns: (transfer full) (nullable): the difference table
 */
LpModelTable *
lp_model_table_difference (const LpModelTable *table,
                           const LpModelTable *other)
{
  LpModelTable *difference;

  g_return_val_if_fail (table != NULL && other != NULL, NULL);

  if (!lp_model_tables_match (table, other))
    return NULL;
  difference = g_new0 (LpModelTable, 1);
  *difference = *table;
  difference->rows = g_ptr_array_new_with_free_func (lp_model_row_free);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const LpModelRow *a = g_ptr_array_index (table->rows, i);
      const LpModelRow *b = g_ptr_array_index (other->rows, i);
      LpModelRow *row = g_new0 (LpModelRow, 1);

      row->name = g_strdup (a->name);
      row->kind = a->kind;
      row->base = g_strdup (a->base);
      row->entered = a->entered;
      for (guint h = 0; h < table->n_horizons; h++)
        {
          row->activity[h] = a->activity[h] - b->activity[h];
          row->bed_days[h] = a->bed_days[h] - b->bed_days[h];
        }
      g_ptr_array_add (difference->rows, row);
    }
  return difference;
}

static void
lp_model_locality_free (gpointer data)
{
  LpModelLocality *locality = data;

  g_free (locality->name);
  g_free (locality);
}

static int
lp_model_locality_compare (gconstpointer a,
                           gconstpointer b)
{
  const LpModelLocality *x = *(LpModelLocality *const *) a;
  const LpModelLocality *y = *(LpModelLocality *const *) b;

  return g_utf8_collate (x->name, y->name);
}

/* Names the totals and puts them in name order. */
static gboolean
lp_model_name_localities (LpPlan      *plan,
                          GHashTable  *totals,
                          GPtrArray   *localities,
                          GError     **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, "SELECT id, name FROM locality", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      LpModelLocality *total = NULL;

      if (g_hash_table_steal_extended (totals, &id, NULL, (gpointer *) &total))
        {
          total->name = g_strdup (lp_stmt_column_text (stmt, 1));
          g_ptr_array_add (localities, total);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the localities"));
  g_ptr_array_sort (localities, lp_model_locality_compare);
  return TRUE;
}

/**
 * lp_plan_model_localities:
 * @table: (out) (optional): the table of all localities
 *
 * Returns: (transfer full) (element-type LpModelLocality): each locality's
 *   grand total per year, month or week, by name; they add up to the
 *   table's grand total
 */
GPtrArray *
lp_plan_model_localities (LpPlan              *plan,
                          const LpModelQuery  *query,
                          LpModelTable       **table,
                          GError             **error)
{
  g_autoptr(GHashTable) totals = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        lp_model_locality_free);
  g_autoptr(GHashTable) tables = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) lp_model_table_free);
  g_autoptr(GPtrArray) localities = g_ptr_array_new_with_free_func (lp_model_locality_free);
  g_autoptr(LpModelTable) all = NULL;
  LpModelQuery all_query;
  GHashTableIter iter;
  gpointer id, own;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  all_query = *query;
  all_query.locality_id = 0;
  if ((all = lp_model_run (plan, &all_query, tables, error)) == NULL)
    return NULL;
  /* Each total is the grand total of the locality's own table, so the
   * chart says what that locality's view says. */
  g_hash_table_iter_init (&iter, tables);
  while (g_hash_table_iter_next (&iter, &id, &own))
    {
      const LpModelTable *one = own;
      const LpModelRow *grand = g_ptr_array_index (one->rows, one->rows->len - 1);
      LpModelLocality *total = g_new0 (LpModelLocality, 1);

      total->locality_id = *(gint64 *) id;
      total->population = one->population;
      memcpy (total->activity, grand->activity, sizeof total->activity);
      memcpy (total->bed_days, grand->bed_days, sizeof total->bed_days);
      g_hash_table_insert (totals, &total->locality_id, total);
    }
  if (!lp_model_name_localities (plan, totals, localities, error))
    return NULL;
  if (table != NULL)
    *table = g_steal_pointer (&all);
  return g_steal_pointer (&localities);
}
