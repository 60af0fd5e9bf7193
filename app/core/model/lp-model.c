/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Locality modelling (see lp-model.h for the arithmetic). */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lp-model-private.h"
#include "lp-scenario.h"
#include "lp-population-base.h"
#include "lp-plan-private.h"
#include "lp-practice-private.h"

typedef struct {
  int     rank;        /* 0: the scenario asked for; 1: its base; ... */
  int     horizon;
  char    period[8];
  double  activity;
  double  bed_days;
} LpEntry;

typedef struct {
  gint64   id;
  char    *name;
  gboolean inpatient;
  char    *base;       /* its population base as written back ("registered", "75+") */
} LpPathway;

/* A population base's counts: each locality's and the CCG's, and the
 * STP's where the plan holds it (0: not held). */
typedef struct {
  GHashTable *localities;   /* locality id -> double */
  double      ccg;
  double      stp;
} LpModelBase;

static void
lp_model_base_free (gpointer data)
{
  LpModelBase *base = data;

  g_clear_pointer (&base->localities, g_hash_table_unref);
  g_free (base);
}

typedef struct {
  LpPlan             *plan;
  const LpModelQuery *query;
  GArray             *chain;        /* scenario ids, the one asked for first */
  GArray             *pathways;     /* LpPathway */
  GHashTable         *entries;      /* "pathway|level|locality|horizon" -> LpEntry */
  GHashTable         *populations;  /* locality id -> gint64 patients */
  GHashTable         *weights;      /* locality id -> double, normalised; NULL: by population */
  GHashTable         *bases;        /* base name -> LpModelBase, those the pathways use */
  gint64              ccg_population;
  double              stp_population;
  double              weeks_per_year;
  gboolean            has_locality_entries;  /* any figure stated for one locality */
  GHashTable         *tables;       /* locality id -> its own LpModelTable, or NULL: not wanted */
} LpModel;

static void
lp_pathway_clear (gpointer data)
{
  g_free (((LpPathway *) data)->name);
  g_free (((LpPathway *) data)->base);
}

static void
lp_model_clear (LpModel *model)
{
  g_clear_pointer (&model->chain, g_array_unref);
  g_clear_pointer (&model->pathways, g_array_unref);
  g_clear_pointer (&model->entries, g_hash_table_unref);
  g_clear_pointer (&model->populations, g_hash_table_unref);
  g_clear_pointer (&model->weights, g_hash_table_unref);
  g_clear_pointer (&model->bases, g_hash_table_unref);
}

double
lp_model_per_year_factor (LpPer    per,
                          gboolean weeks_365_7)
{
  switch (per)
    {
    case LP_PER_MONTH: return 12.0;
    case LP_PER_WEEK: return weeks_365_7 ? 365.0 / 7.0 : 52.0;
    case LP_PER_YEAR:
    default: return 1.0;
    }
}

/* The scenario asked for and the ones it inherits from, nearest first. */
static gboolean
lp_model_load_chain (LpModel  *model,
                     GError  **error)
{
  model->chain = lp_plan_dup_scenario_chain (model->plan, model->query->scenario_id, error);
  return model->chain != NULL;
}

static char *
lp_model_key (gint64      pathway,
              const char *level,
              gint64      locality,
              int         horizon)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%" G_GINT64_FORMAT "|%d", pathway, level, locality, horizon);
}

/* Keeps, for each pathway, level, locality and horizon, the figure of the
 * nearest scenario in the chain: a child's figure overrides its base's. */
static gboolean
lp_model_load_entries (LpModel  *model,
                       GError  **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (model->plan,
      "SELECT scenario_id, pathway_id, level, ifnull (locality_id, 0), horizon_years, period, activity, bed_days "
      "FROM pathway_change", error);

  if (stmt == NULL)
    return FALSE;
  model->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int rank = lp_scenario_chain_rank (model->chain, sqlite3_column_int64 (stmt, 0));
      char *key;
      LpEntry *entry, *known;

      if (rank < 0)
        continue;
      key = lp_model_key (sqlite3_column_int64 (stmt, 1), lp_stmt_column_text (stmt, 2),
                          sqlite3_column_int64 (stmt, 3), sqlite3_column_int (stmt, 4));
      known = g_hash_table_lookup (model->entries, key);
      if (known != NULL && known->rank <= rank)
        {
          g_free (key);
          continue;
        }
      model->has_locality_entries |= sqlite3_column_int64 (stmt, 3) != 0;
      entry = g_new0 (LpEntry, 1);
      entry->rank = rank;
      entry->horizon = sqlite3_column_int (stmt, 4);
      g_strlcpy (entry->period, lp_stmt_column_text (stmt, 5), sizeof entry->period);
      entry->activity = sqlite3_column_double (stmt, 6);
      entry->bed_days = sqlite3_column_double (stmt, 7);
      g_hash_table_insert (model->entries, key, entry);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
lp_model_load_pathways (LpModel  *model,
                        GError  **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (model->plan,
      "SELECT id, name, category = 'inpatient', population_base FROM pathway "
      "ORDER BY category = 'inpatient' DESC, sort_order, name", error);

  if (stmt == NULL)
    return FALSE;
  model->pathways = g_array_new (FALSE, FALSE, sizeof (LpPathway));
  g_array_set_clear_func (model->pathways, lp_pathway_clear);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LpPathway pathway = { sqlite3_column_int64 (stmt, 0), g_strdup (lp_stmt_column_text (stmt, 1)),
                            sqlite3_column_int (stmt, 2) != 0, g_strdup (lp_stmt_column_text (stmt, 3)) };
      g_array_append_val (model->pathways, pathway);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Each locality's registered patients: every practice's list size at the
 * latest extract on or before the date asked for, closed practices left
 * out (their patients are in the other practices' lists). */
static gboolean
lp_model_load_populations (LpModel  *model,
                           GError  **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (model->plan,
      "SELECT l.id, ifnull (sum ((SELECT s.patients FROM list_size AS s WHERE s.practice_id = p.id "
      "  AND (?1 IS NULL OR s.extract_date <= ?1) ORDER BY s.extract_date DESC LIMIT 1)), 0) "
      "FROM locality AS l LEFT JOIN practice AS p ON p.locality_id = l.id "
      "  AND " LP_PRACTICE_COUNTS_ON ("p", "?1") " GROUP BY l.id", error);

  if (stmt == NULL)
    return FALSE;
  model->populations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  lp_stmt_bind_text (stmt, 1, model->query->extract_date);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *id = g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64));
      gint64 *patients = g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 1) }, sizeof (gint64));

      model->ccg_population += *patients;
      g_hash_table_insert (model->populations, id, patients);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Each pathway's base: the query's if it names one, else the nearest
 * scenario's choice for the pathway, else the pathway's own default. */
static gboolean
lp_model_choose_bases (LpModel  *model,
                       GError  **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (model->plan,
      "SELECT scenario_id, pathway_id, population_base FROM scenario_population_base", error);
  g_autoptr(GHashTable) ranks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int rank = lp_scenario_chain_rank (model->chain, sqlite3_column_int64 (stmt, 0));
      gint64 pathway = sqlite3_column_int64 (stmt, 1);
      const int *known = g_hash_table_lookup (ranks, &pathway);

      if (rank < 0 || (known != NULL && *known <= rank))
        continue;
      g_hash_table_insert (ranks, g_memdup2 (&pathway, sizeof pathway), g_memdup2 (&rank, sizeof rank));
      for (guint i = 0; i < model->pathways->len; i++)
        {
          LpPathway *one = &g_array_index (model->pathways, LpPathway, i);
          if (one->id == pathway)
            g_free (one->base), one->base = g_strdup (lp_stmt_column_text (stmt, 2));
        }
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < model->pathways->len; i++)
    {
      LpPathway *one = &g_array_index (model->pathways, LpPathway, i);
      g_autoptr(LpPopulationBase) base = lp_population_base_parse (model->query->base != NULL
                                                                   ? model->query->base : one->base, error);
      if (base == NULL)
        return FALSE;
      g_free (one->base);
      one->base = g_strdup (base->name);
    }
  return TRUE;
}

static int
lp_model_compare_codes (gconstpointer a,
                        gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The codes of the practices counted in the CCG that lack @base's figure. */
static gboolean
lp_model_sum_base (LpModel            *model,
                   const LpPopulationBase *parsed,
                   GHashTable         *counts,
                   LpModelBase        *base,
                   GError            **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (model->plan,
      "SELECT p.id, p.locality_id, p.ods_code FROM practice AS p JOIN locality AS l ON l.id = p.locality_id "
      "WHERE " LP_PRACTICE_COUNTS_ON ("p", "?1"), error);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);

  if (stmt == NULL)
    return FALSE;
  lp_stmt_bind_text (stmt, 1, model->query->extract_date);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 practice = sqlite3_column_int64 (stmt, 0);
      gint64 locality = sqlite3_column_int64 (stmt, 1);
      const double *count = g_hash_table_lookup (counts, &practice);
      double *sum = g_hash_table_lookup (base->localities, &locality);

      if (count == NULL)
        g_ptr_array_add (missing, g_strdup (lp_stmt_column_text (stmt, 2)));
      else if (sum != NULL)
        *sum += *count, base->ccg += *count;
    }
  sqlite3_reset (stmt);
  if (missing->len > 0)
    {
      /* Sorted here, not by the query: they are rarely any. */
      g_ptr_array_sort (missing, lp_model_compare_codes);
      g_ptr_array_add (missing, NULL);
      g_autofree char *codes = g_strjoinv (", ", (char **) missing->pdata);
      if (parsed->kind == LP_POPULATION_BASE_KIND_WEIGHTED)
        return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Practice %2$s has no figure in the population “%1$s”",
                                         "Practices %2$s have no figure in the population “%1$s”",
                                         missing->len - 1),
                            parsed->name, codes), FALSE;
      return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Practice %2$s has no age profile that gives its population on the base “%1$s”",
                                       "Practices %2$s have no age profile that gives their population on the base “%1$s”",
                                       missing->len - 1),
                          parsed->name, codes), FALSE;
    }
  return TRUE;
}

/* The counts of every base the pathways use.  Registered is the list
 * sizes lp_model_load_populations read, so that its shares are exactly
 * those of the plan before bases. */
static gboolean
lp_model_load_bases (LpModel  *model,
                     GError  **error)
{
  model->bases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, lp_model_base_free);
  for (guint i = 0; i < model->pathways->len; i++)
    {
      const LpPathway *one = &g_array_index (model->pathways, LpPathway, i);
      g_autoptr(LpPopulationBase) parsed = NULL;
      g_autoptr(GHashTable) counts = NULL;
      g_autofree char *key = NULL, *stp = NULL;
      LpModelBase *base;
      GHashTableIter iter;
      gpointer id, patients;

      if (g_hash_table_contains (model->bases, one->base))
        continue;
      parsed = lp_population_base_parse (one->base, error);
      if (parsed == NULL)
        return FALSE;
      base = g_new0 (LpModelBase, 1);
      base->localities = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      g_hash_table_insert (model->bases, g_strdup (one->base), base);
      g_hash_table_iter_init (&iter, model->populations);
      while (g_hash_table_iter_next (&iter, &id, &patients))
        g_hash_table_insert (base->localities, g_memdup2 (id, sizeof (gint64)),
                             g_memdup2 (&(double) { parsed->kind == LP_POPULATION_BASE_KIND_REGISTERED
                                                    ? (double) *(gint64 *) patients : 0.0 }, sizeof (double)));
      if (parsed->kind == LP_POPULATION_BASE_KIND_REGISTERED)
        {
          base->ccg = (double) model->ccg_population;
          base->stp = model->stp_population;
          continue;
        }
      key = lp_population_base_stp_key (parsed);
      stp = lp_plan_dup_info (model->plan, key);
      base->stp = stp != NULL ? g_ascii_strtod (stp, NULL) : 0;
      counts = lp_plan_read_population_base (model->plan, parsed, model->query->extract_date, error);
      if (counts == NULL || !lp_model_sum_base (model, parsed, counts, base, error))
        return FALSE;
    }
  return TRUE;
}

/* The nearest scenario's apportionment weights, normalised to sum to 1. */
static gboolean
lp_model_load_weights (LpModel       *model,
                       LpModelTable  *table,
                       GError       **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (model->plan,
      "SELECT scenario_id, locality_id, weight FROM apportionment_weight", error);
  int best = G_MAXINT;
  double sum = 0;
  GHashTableIter iter;
  gpointer weight;

  if (stmt == NULL)
    return FALSE;
  model->weights = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int rank = lp_scenario_chain_rank (model->chain, sqlite3_column_int64 (stmt, 0));
      if (rank < 0 || rank > best)
        continue;
      if (rank < best)
        g_hash_table_remove_all (model->weights), best = rank;
      g_hash_table_insert (model->weights, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 1) }, sizeof (gint64)),
                           g_memdup2 (&(double) { sqlite3_column_double (stmt, 2) }, sizeof (double)));
    }
  sqlite3_reset (stmt);
  g_hash_table_iter_init (&iter, model->weights);
  while (g_hash_table_iter_next (&iter, NULL, &weight))
    sum += *(double *) weight;
  if (g_hash_table_size (model->weights) == 0 || sum <= 0)
    {
      g_clear_pointer (&model->weights, g_hash_table_unref);
      return TRUE;
    }
  table->by_weights = TRUE;
  table->weights_normalised = fabs (sum - 1.0) > 1e-9;
  g_hash_table_iter_init (&iter, model->weights);
  while (g_hash_table_iter_next (&iter, NULL, &weight))
    *(double *) weight /= sum;
  return TRUE;
}

/* A locality's share of the CCG's figures: its count on the base / the
 * CCG's.  The scenario's apportionment weights, where set, win over every
 * base: they are the user's own statement of the shares. */
static double
lp_model_ccg_share (LpModel           *model,
                    const LpModelBase *base,
                    gint64             locality)
{
  const double *weight;
  const double *count;

  if (model->weights != NULL)
    return (weight = g_hash_table_lookup (model->weights, &locality)) != NULL ? *weight : 0.0;
  count = g_hash_table_lookup (base->localities, &locality);
  if (count == NULL || base->ccg <= 0)
    return 0.0;
  return *count / base->ccg;
}

/* A figure as stated, made a yearly one. */
static double
lp_model_annual (const LpModel *model,
                 const LpEntry *entry,
                 double         value)
{
  if (g_str_equal (entry->period, "year"))
    return value;
  if (g_str_equal (entry->period, "month"))
    return value * 12.0;
  if (g_str_equal (entry->period, "week"))
    return value * model->weeks_per_year;
  return value / entry->horizon;
}

/* The figures a locality's row can come from: its own, else the CCG's,
 * else the STP's; looked up once per pathway and horizon. */
typedef struct {
  const LpEntry     *ccg;
  const LpEntry     *stp;
  const LpModelBase *base;   /* the pathway's population base */
} LpShared;

/* A locality's yearly change for a pathway and horizon: its own figure if
 * it has one, else its share of the CCG's, else of the STP's.  FALSE when
 * an STP figure applies but the plan lacks the STP's population. */
static gboolean
lp_model_locality_annual (LpModel        *model,
                          gint64          pathway,
                          gint64          locality,
                          int             horizon,
                          const LpShared *shared,
                          LpModelRow     *row,
                          guint           h)
{
  const LpEntry *own = NULL;
  double share;

  if (model->has_locality_entries)
    {
      g_autofree char *key = lp_model_key (pathway, "locality", locality, horizon);
      own = g_hash_table_lookup (model->entries, key);
    }
  if (own != NULL)
    {
      row->activity[h] += lp_model_annual (model, own, own->activity);
      row->bed_days[h] += lp_model_annual (model, own, own->bed_days);
      row->entered = TRUE;
      return TRUE;
    }
  if (shared->ccg == NULL && shared->stp == NULL)
    return TRUE;
  share = lp_model_ccg_share (model, shared->base, locality);
  if (shared->ccg == NULL)
    {
      /* The CCG's share of the STP on the same base where the plan holds
       * the STP's figure for it, else by registered population. */
      if (shared->base->stp > 0)
        share *= shared->base->ccg / shared->base->stp;
      else if (model->stp_population <= 0)
        return FALSE;
      else
        share *= (double) model->ccg_population / model->stp_population;
    }
  {
    const LpEntry *entry = shared->ccg != NULL ? shared->ccg : shared->stp;
    row->activity[h] += lp_model_annual (model, entry, entry->activity) * share;
    row->bed_days[h] += lp_model_annual (model, entry, entry->bed_days) * share;
  }
  return TRUE;
}

static const LpEntry *
lp_model_entry (LpModel    *model,
                gint64      pathway,
                const char *level,
                int         horizon)
{
  g_autofree char *key = lp_model_key (pathway, level, 0, horizon);

  return g_hash_table_lookup (model->entries, key);
}

void
lp_model_row_free (gpointer data)
{
  LpModelRow *row = data;

  g_free (row->name);
  g_free (row->base);
  g_free (row);
}

void
lp_model_table_free (LpModelTable *table)
{
  if (table == NULL)
    return;
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

static void
lp_model_find_horizons (LpModel      *model,
                        LpModelTable *table)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, model->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      int horizon = ((LpEntry *) value)->horizon;
      guint at = 0;

      while (at < table->n_horizons && table->horizons[at] < horizon)
        at++;
      if ((at < table->n_horizons && table->horizons[at] == horizon) || at >= LP_MODEL_MAX_HORIZONS)
        continue;
      memmove (&table->horizons[at + 1], &table->horizons[at],
               (MIN (table->n_horizons, LP_MODEL_MAX_HORIZONS - 1) - at) * sizeof (int));
      table->horizons[at] = horizon;
      table->n_horizons = MIN (table->n_horizons + 1, LP_MODEL_MAX_HORIZONS);
    }
}

/* Adds a locality's yearly figure to @row, and to the same row of the
 * locality's own table, in the per-year, month or week of the table, when
 * those are wanted.  That row gets the very same figure as the locality's
 * table alone would: one term added to 0 is that term, exactly, and it is
 * divided by the same factor.  A row stays marked entered only while every
 * figure added to it is a locality's own. */
static gboolean
lp_model_add_locality (LpModel         *model,
                       gint64           pathway,
                       gint64           locality,
                       const LpShared  *shared,
                       LpModelTable    *table,
                       LpModelRow      *row,
                       guint            h)
{
  LpModelRow part = { 0, };
  LpModelTable *own;
  LpModelRow *own_row;
  double factor = lp_model_per_year_factor (model->query->per, model->query->weeks_365_7);

  if (!lp_model_locality_annual (model, pathway, locality, table->horizons[h], shared, &part, h))
    return FALSE;
  row->activity[h] += part.activity[h];
  row->bed_days[h] += part.bed_days[h];
  row->entered &= part.entered;
  if (model->tables == NULL)
    return TRUE;
  own = g_hash_table_lookup (model->tables, &locality);
  own_row = g_ptr_array_index (own->rows, own->rows->len - 1);
  own_row->activity[h] = part.activity[h] / factor;
  own_row->bed_days[h] = part.bed_days[h] / factor;
  own_row->entered &= part.entered;
  return TRUE;
}

/* One pathway's row for the locality asked for, or summed over all. */
static gboolean
lp_model_pathway_row (LpModel          *model,
                      const LpPathway  *pathway,
                      LpModelTable     *table,
                      LpModelRow       *row,
                      GError          **error)
{
  double factor = lp_model_per_year_factor (model->query->per, model->query->weeks_365_7);

  for (guint h = 0; h < table->n_horizons; h++)
    {
      GHashTableIter iter;
      gpointer locality;
      gboolean ok = TRUE;

      LpShared shared = { lp_model_entry (model, pathway->id, "ccg", table->horizons[h]),
                          lp_model_entry (model, pathway->id, "stp", table->horizons[h]),
                          g_hash_table_lookup (model->bases, pathway->base) };

      g_hash_table_iter_init (&iter, model->populations);
      while (g_hash_table_iter_next (&iter, &locality, NULL))
        if (model->query->locality_id == 0 || *(gint64 *) locality == model->query->locality_id)
          ok = ok && lp_model_add_locality (model, pathway->id, *(gint64 *) locality, &shared, table, row, h);
      if (!ok)
        return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                            _("The plan has pathway changes for the STP but not the STP's population "
                              "(the plan setting stp_population)")), FALSE;
      row->activity[h] /= factor;
      row->bed_days[h] /= factor;
    }
  return TRUE;
}

/* Each locality's own table gets the row's twin, which
 * lp_model_add_locality fills. */
static LpModelRow *
lp_model_pathway_row_new (LpModel         *model,
                          const LpPathway *pathway,
                          LpModelTable    *table)
{
  LpModelRow *row = g_new0 (LpModelRow, 1);
  GHashTableIter iter;
  gpointer own;

  row->name = g_strdup (pathway->name);
  row->base = g_strdup (pathway->base);
  /* Unmarked as soon as one figure added to it is a share; a row with no
   * figure at all (no horizon, or no locality asked for) is not marked. */
  row->entered = table->n_horizons > 0 &&
                 (model->query->locality_id != 0 || g_hash_table_size (model->populations) > 0);
  if (model->tables == NULL)
    return row;
  g_hash_table_iter_init (&iter, model->tables);
  while (g_hash_table_iter_next (&iter, NULL, &own))
    {
      LpModelRow *twin = g_new0 (LpModelRow, 1);

      twin->name = g_strdup (pathway->name);
      twin->base = g_strdup (pathway->base);
      twin->entered = table->n_horizons > 0;
      g_ptr_array_add (((LpModelTable *) own)->rows, twin);
    }
  return row;
}

static LpModelRow *
lp_model_total_row (LpModelTable   *table,
                    const char     *name,
                    LpModelRowKind  kind,
                    guint           from,
                    guint           to)
{
  LpModelRow *total = g_new0 (LpModelRow, 1);

  total->name = g_strdup (name);
  total->kind = kind;
  for (guint i = from; i < to; i++)
    {
      LpModelRow *row = g_ptr_array_index (table->rows, i);
      if (row->kind != LP_MODEL_ROW_PATHWAY)
        continue;
      for (guint h = 0; h < table->n_horizons; h++)
        {
          total->activity[h] += row->activity[h];
          total->bed_days[h] += row->bed_days[h];
        }
    }
  return total;
}

/* A total row of @table and of each locality's own table, whose rows run
 * in step with it. */
static void
lp_model_add_total_row (LpModel        *model,
                        LpModelTable   *table,
                        const char     *name,
                        LpModelRowKind  kind,
                        guint           from)
{
  GHashTableIter iter;
  gpointer own;

  g_ptr_array_add (table->rows, lp_model_total_row (table, name, kind, from, table->rows->len));
  if (model->tables == NULL)
    return;
  g_hash_table_iter_init (&iter, model->tables);
  while (g_hash_table_iter_next (&iter, NULL, &own))
    g_ptr_array_add (((LpModelTable *) own)->rows,
                     lp_model_total_row (own, name, kind, from, ((LpModelTable *) own)->rows->len));
}

static gboolean
lp_model_build_rows (LpModel       *model,
                     LpModelTable  *table,
                     GError       **error)
{
  guint inpatients_end = 0;

  for (guint i = 0; i < model->pathways->len; i++)
    {
      const LpPathway *pathway = &g_array_index (model->pathways, LpPathway, i);
      LpModelRow *row;

      if (!pathway->inpatient && inpatients_end == 0)
        {
          lp_model_add_total_row (model, table, _("In-patients total"), LP_MODEL_ROW_SUBTOTAL, 0);
          inpatients_end = table->rows->len;
        }
      row = lp_model_pathway_row_new (model, pathway, table);
      g_ptr_array_add (table->rows, row);
      if (!lp_model_pathway_row (model, pathway, table, row, error))
        return FALSE;
    }
  if (inpatients_end == 0)
    {
      lp_model_add_total_row (model, table, _("In-patients total"), LP_MODEL_ROW_SUBTOTAL, 0);
      inpatients_end = table->rows->len;
    }
  lp_model_add_total_row (model, table, _("A&E and outpatients total"), LP_MODEL_ROW_SUBTOTAL,
                          inpatients_end);
  lp_model_add_total_row (model, table, _("Grand total"), LP_MODEL_ROW_TOTAL, 0);
  return TRUE;
}

/* Each locality of the plan, with its population, an empty table like
 * @table's. */
static void
lp_model_start_tables (LpModel            *model,
                       const LpModelTable *table,
                       GHashTable         *tables)
{
  GHashTableIter iter;
  gpointer id, patients;

  model->tables = tables;
  g_hash_table_iter_init (&iter, model->populations);
  while (g_hash_table_iter_next (&iter, &id, &patients))
    {
      LpModelTable *own = g_new0 (LpModelTable, 1);

      *own = *table;
      own->population = *(gint64 *) patients;
      own->rows = g_ptr_array_new_with_free_func (lp_model_row_free);
      g_hash_table_insert (tables, g_memdup2 (id, sizeof (gint64)), own);
    }
}

/**
 * lp_model_run:
 * @tables: (nullable): filled with each locality's own table, the very
 *   figures lp_plan_model() gives for that locality (locality id, a
 *   g_malloc'd gint64 -> LpModelTable); @query's locality should be 0
 *
 * Returns: (transfer full): the table of lp_plan_model()
 */
LpModelTable *
lp_model_run (LpPlan              *plan,
              const LpModelQuery  *query,
              GHashTable          *tables,
              GError             **error)
{
  g_autoptr(LpModelTable) table = g_new0 (LpModelTable, 1);
  g_autofree char *stp = NULL;
  LpModel model = { plan, query };
  gboolean ok;

  table->rows = g_ptr_array_new_with_free_func (lp_model_row_free);
  table->per = query->per;
  table->weeks_per_year = model.weeks_per_year = lp_model_per_year_factor (LP_PER_WEEK, query->weeks_365_7);
  stp = lp_plan_dup_info (plan, "stp_population");
  model.stp_population = stp != NULL ? g_ascii_strtod (stp, NULL) : 0;
  ok = lp_model_load_chain (&model, error) && lp_model_load_pathways (&model, error) &&
       lp_model_load_entries (&model, error) && lp_model_load_populations (&model, error) &&
       lp_model_choose_bases (&model, error) && lp_model_load_bases (&model, error) &&
       lp_model_load_weights (&model, table, error);
  if (ok && query->locality_id != 0 && !g_hash_table_contains (model.populations, &query->locality_id))
    ok = (g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND, _("The locality no longer exists")), FALSE);
  if (ok)
    {
      const gint64 *patients = g_hash_table_lookup (model.populations, &query->locality_id);
      table->population = query->locality_id != 0 ? *patients : model.ccg_population;
      lp_model_find_horizons (&model, table);
      if (tables != NULL)
        lp_model_start_tables (&model, table, tables);
      ok = lp_model_build_rows (&model, table, error);
    }
  lp_model_clear (&model);
  return ok ? g_steal_pointer (&table) : NULL;
}

const char *
lp_model_table_base (const LpModelTable *table)
{
  const char *base = NULL;

  g_return_val_if_fail (table != NULL, NULL);

  for (guint i = 0; i < table->rows->len; i++)
    {
      const LpModelRow *row = g_ptr_array_index (table->rows, i);
      if (row->kind != LP_MODEL_ROW_PATHWAY || row->base == NULL)
        continue;
      if (base != NULL && !g_str_equal (base, row->base))
        return NULL;
      base = row->base;
    }
  return base;
}

/**
 * lp_plan_model:
 *
 * Returns: (transfer full): the locality's (or all localities') table of
 *   pathway changes per year, month or week, or %NULL with @error set
 */
LpModelTable *
lp_plan_model (LpPlan              *plan,
               const LpModelQuery  *query,
               GError             **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return lp_model_run (plan, query, NULL, error);
}
