/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Choosing population bases and editing weights (see lp-population-base.h):
 * what the editors offer, a pathway's and a scenario's base, and the
 * tables of weights by age band.  The readers that turn a base into
 * practices' counts are in lp-population-base.c. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lp-format.h"
#include "lp-history.h"
#include "lp-pathway.h"
#include "lp-plan-private.h"
#include "lp-practice-private.h"
#include "lp-population-base.h"
#include "lp-model-private.h"
#include "lp-scenario.h"
#include "lp-validate.h"

void
lp_population_base_choice_free (LpPopulationBaseChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->name);
  g_free (choice->source);
  g_free (choice);
}

void
lp_scenario_base_free (LpScenarioBase *base)
{
  if (base == NULL)
    return;
  g_free (base->pathway);
  g_free (base->own);
  g_free (base->inherited);
  g_free (base->inherited_from);
  g_free (base);
}

void
lp_population_weights_free (LpPopulationWeights *weights)
{
  if (weights == NULL)
    return;
  g_free (weights->name);
  g_free (weights->note);
  g_free (weights->source);
  g_free (weights->as_at);
  g_free (weights);
}

void
lp_practice_weighted_free (LpPracticeWeighted *weighted)
{
  if (weighted == NULL)
    return;
  g_free (weighted->name);
  g_free (weighted->source);
  g_free (weighted);
}

static void
lp_population_weight_row_free (gpointer data)
{
  LpPopulationWeightRow *row = data;

  g_free (row->age_band);
  g_free (row->sex);
  g_free (row);
}

/* One text from a query of one row (NULL: no row, or NULL there). */
static char *
lp_population_query_text (LpPlan      *plan,
                          const char  *sql,
                          const char  *param,
                          GError     **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, sql, error);
  char *text = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup (lp_stmt_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the population bases"));
  return text;
}

static char *
lp_population_source_registered (LpPlan *plan)
{
  g_autofree char *latest = lp_population_query_text (plan, "SELECT max (extract_date) FROM list_size", NULL, NULL);
  g_autofree char *date = latest != NULL ? lp_format_date (latest) : NULL;

  /* TRANSLATORS: where a population base's figures come from; %s is a date */
  return date != NULL ? g_strdup_printf (_("List sizes of %s"), date) : g_strdup (_("List sizes"));
}

/* The latest age profiles' date, or NULL when the plan holds none. */
static char *
lp_population_latest_ages (LpPlan *plan)
{
  return lp_population_query_text (plan, "SELECT max (extract_date) FROM age_profile", NULL, NULL);
}

static char *
lp_population_source_ages (const char *latest)
{
  g_autofree char *date = lp_format_date (latest);

  /* TRANSLATORS: where a population base's figures come from; %s is a date */
  return g_strdup_printf (_("Age profiles of %s"), date);
}

static char *
lp_population_source_weights (const LpPopulationWeights *weights,
                              const char                *latest_ages)
{
  g_autofree char *what = NULL;

  if (weights->imported)
    {
      g_autofree char *date = lp_format_date (weights->as_at);

      /* TRANSLATORS: where a weighted population comes from: a file's name and a date */
      what = g_strdup_printf (_("Imported from %s, as at %s"), weights->source, date);
    }
  else if (latest_ages != NULL)
    {
      g_autofree char *date = lp_format_date (latest_ages);

      /* TRANSLATORS: %s is the date of the age profiles the weights are applied to */
      what = g_strdup_printf (_("Weights by age band on the age profiles of %s"), date);
    }
  else
    what = g_strdup (_("Weights by age band (the plan holds no age profiles yet)"));
  if (weights->note == NULL || weights->note[0] == '\0')
    return g_steal_pointer (&what);
  return g_strdup_printf ("%s · %s", what, weights->note);
}

/**
 * lp_plan_list_population_weights:
 *
 * Returns: (transfer full) (element-type LpPopulationWeights): by name
 */
GPtrArray *
lp_plan_list_population_weights (LpPlan  *plan,
                                 GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) lp_population_weights_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  stmt = lp_plan_prepare (plan,
      "WITH l AS (SELECT w.*, (SELECT max (as_at) FROM weighted_population AS p WHERE p.weights_name = w.name) "
      "  AS latest FROM population_weights AS w) "
      "SELECT l.name, l.note, l.kind = 'imported', l.source, l.latest, "
      "  CASE WHEN l.kind = 'imported' "
      "    THEN (SELECT count (*) FROM weighted_population AS p WHERE p.weights_name = l.name AND p.as_at = l.latest) "
      "    ELSE (SELECT count (*) FROM population_weight AS r WHERE r.weights_name = l.name) END "
      "FROM l ORDER BY l.name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LpPopulationWeights *weights = g_new0 (LpPopulationWeights, 1);

      weights->name = g_strdup (lp_stmt_column_text (stmt, 0));
      weights->note = g_strdup (lp_stmt_column_text (stmt, 1));
      weights->imported = sqlite3_column_int (stmt, 2) != 0;
      weights->source = g_strdup (lp_stmt_column_text (stmt, 3));
      weights->as_at = g_strdup (lp_stmt_column_text (stmt, 4));
      weights->n_rows = (guint) sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (list, weights);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the weights")), NULL;
  return g_steal_pointer (&list);
}

static void
lp_population_choices_add (GPtrArray  *choices,
                           const char *name,
                           char       *source)
{
  LpPopulationBaseChoice *choice = g_new0 (LpPopulationBaseChoice, 1);

  choice->name = g_strdup (name);
  choice->source = source;
  g_ptr_array_add (choices, choice);
}

/**
 * lp_plan_list_population_base_choices:
 *
 * Returns: (transfer full) (element-type LpPopulationBaseChoice): the
 *   bases the plan can give, registered first
 */
GPtrArray *
lp_plan_list_population_base_choices (LpPlan  *plan,
                                      GError **error)
{
  /* The bands the plans talk about: the frail elderly, the over-65s, the
   * oldest, and the under-fives. */
  static const char *const bands[] = { "75+", "65+", "85+", "0-4" };
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func ((GDestroyNotify) lp_population_base_choice_free);
  g_autoptr(GPtrArray) weights = NULL;
  g_autofree char *latest = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  if ((weights = lp_plan_list_population_weights (plan, error)) == NULL)
    return NULL;
  latest = lp_population_latest_ages (plan);
  lp_population_choices_add (choices, LP_POPULATION_BASE_REGISTERED, lp_population_source_registered (plan));
  for (guint i = 0; latest != NULL && i < G_N_ELEMENTS (bands); i++)
    lp_population_choices_add (choices, bands[i], lp_population_source_ages (latest));
  for (guint i = 0; i < weights->len; i++)
    {
      const LpPopulationWeights *one = g_ptr_array_index (weights, i);
      g_autofree char *name = g_strconcat ("weighted ", one->name, NULL);

      lp_population_choices_add (choices, name, lp_population_source_weights (one, latest));
    }
  return g_steal_pointer (&choices);
}

/* The weights called @name, matched in either case as people type them. */
static LpPopulationWeights *
lp_population_find_weights (LpPlan      *plan,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(GPtrArray) list = lp_plan_list_population_weights (plan, error);

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (g_utf8_collate (((LpPopulationWeights *) g_ptr_array_index (list, i))->name, name) == 0 ||
        g_ascii_strcasecmp (((LpPopulationWeights *) g_ptr_array_index (list, i))->name, name) == 0)
      return g_ptr_array_steal_index (list, i);
  if (list != NULL)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                 _("The plan has no weights called “%s”"), name);
  return NULL;
}

/**
 * lp_plan_check_population_base:
 *
 * Returns: (transfer full): the base's name as stored, or %NULL with
 *   @error set to what the user should read under the field
 */
char *
lp_plan_check_population_base (LpPlan      *plan,
                               const char  *text,
                               GError     **error)
{
  g_autoptr(LpPopulationBase) base = NULL;
  g_autoptr(LpPopulationWeights) weights = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  if ((base = lp_population_base_parse (text, error)) == NULL)
    return NULL;
  if (base->kind != LP_POPULATION_BASE_KIND_WEIGHTED)
    return g_steal_pointer (&base->name);
  if ((weights = lp_population_find_weights (plan, base->weights, error)) == NULL)
    return NULL;
  return g_strconcat ("weighted ", weights->name, NULL);
}

/**
 * lp_plan_describe_population_base:
 *
 * Returns: (transfer full): where the figures come from, or %NULL with
 *   @error set
 */
char *
lp_plan_describe_population_base (LpPlan      *plan,
                                  const char  *name,
                                  GError     **error)
{
  g_autoptr(LpPopulationBase) base = NULL;
  g_autoptr(LpPopulationWeights) weights = NULL;
  g_autofree char *latest = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  if ((base = lp_population_base_parse (name, error)) == NULL)
    return NULL;
  latest = lp_population_latest_ages (plan);
  switch (base->kind)
    {
    case LP_POPULATION_BASE_KIND_AGE:
      if (latest == NULL)
        return g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                                    _("The plan holds no age profiles: import them first")), NULL;
      return lp_population_source_ages (latest);
    case LP_POPULATION_BASE_KIND_WEIGHTED:
      if ((weights = lp_population_find_weights (plan, base->weights, error)) == NULL)
        return NULL;
      return lp_population_source_weights (weights, latest);
    case LP_POPULATION_BASE_KIND_REGISTERED:
    default:
      return lp_population_source_registered (plan);
    }
}

/**
 * lp_plan_get_pathway_population_base:
 *
 * Returns: (transfer full): the pathway's own base, or %NULL with @error
 */
char *
lp_plan_get_pathway_population_base (LpPlan      *plan,
                                     const char  *pathway,
                                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *base;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  base = lp_population_query_text (plan, "SELECT population_base FROM pathway WHERE name = ?1", pathway,
                                   &local_error);
  if (base == NULL && local_error == NULL)
    g_set_error (&local_error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND, _("There is no pathway “%s”"),
                 pathway != NULL ? pathway : "");
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return base;
}

/* The scenario's name, for "as in Baseline". */
static char *
lp_population_scenario_name (LpPlan *plan,
                             gint64  scenario_id)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, "SELECT name FROM scenario WHERE id = ?1", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (lp_stmt_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return name;
}

/**
 * lp_plan_list_scenario_population_bases:
 *
 * Returns: (transfer full) (element-type LpScenarioBase): a row per
 *   pathway, in the table's order
 */
GPtrArray *
lp_plan_list_scenario_population_bases (LpPlan  *plan,
                                        gint64   scenario_id,
                                        GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) lp_scenario_base_free);
  g_autoptr(GArray) chain = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));   /* the pathways' */
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  if (scenario_id == 0)
    scenario_id = lp_plan_get_base_scenario_id (plan);
  if ((chain = lp_plan_dup_scenario_chain (plan, scenario_id, error)) == NULL)
    return NULL;
  stmt = lp_plan_prepare (plan, "SELECT name, population_base, id FROM pathway "
                                "ORDER BY category = 'ae_outpatient', sort_order, name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LpScenarioBase *base = g_new0 (LpScenarioBase, 1);

      base->pathway = g_strdup (lp_stmt_column_text (stmt, 0));
      base->inherited = g_strdup (lp_stmt_column_text (stmt, 1));
      g_ptr_array_add (list, base);
      {
        gint64 id = sqlite3_column_int64 (stmt, 2);

        g_array_append_val (ids, id);
      }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the pathways")), NULL;
  stmt = lp_plan_prepare (plan, "SELECT scenario_id, population_base FROM scenario_population_base "
                                "WHERE pathway_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      LpScenarioBase *base = g_ptr_array_index (list, i);
      int best = G_MAXINT;
      gint64 best_scenario = 0;
      g_autofree char *best_base = NULL;

      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 scenario = sqlite3_column_int64 (stmt, 0);
          int rank = lp_scenario_chain_rank (chain, scenario);

          if (rank == 0)
            base->own = g_strdup (lp_stmt_column_text (stmt, 1));
          else if (rank > 0 && rank < best)
            {
              best = rank;
              best_scenario = scenario;
              g_free (best_base);
              best_base = g_strdup (lp_stmt_column_text (stmt, 1));
            }
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the scenarios’ bases")), NULL;
      if (best_base != NULL)
        {
          g_free (base->inherited);
          base->inherited = g_steal_pointer (&best_base);
          base->inherited_from = lp_population_scenario_name (plan, best_scenario);
        }
    }
  return g_steal_pointer (&list);
}

/**
 * lp_plan_save_scenario_bases_form:
 * @rows: (array length=n_rows): a pathway's base each as typed
 * @bad_field: (out) (optional): the refused row's field key
 *
 * The scenario's own bases: a blank row has none (it shares as the
 * scenario it builds on, or as the pathway).  One undoable step.
 */
gboolean
lp_plan_save_scenario_bases_form (LpPlan                      *plan,
                                  gint64                       scenario_id,
                                  const LpScenarioBaseFormRow *rows,
                                  guint                        n_rows,
                                  const char                 **bad_field,
                                  GError                     **error)
{
  g_autofree gint64 *ids = g_new0 (gint64, n_rows + 1);
  g_auto(GStrv) names = g_new0 (char *, n_rows + 1);
  sqlite3_stmt *clear, *set;
  gboolean ok = TRUE;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (rows != NULL || n_rows == 0, FALSE);

  if (bad_field != NULL)
    *bad_field = NULL;
  if (scenario_id == 0)
    scenario_id = lp_plan_get_base_scenario_id (plan);
  for (guint i = 0; i < n_rows; i++)
    {
      if ((ids[i] = lp_pathway_find (plan, rows[i].pathway, error)) == 0)
        return FALSE;
      if (!lp_text_is_blank (rows[i].base) &&
          (names[i] = lp_plan_check_population_base (plan, rows[i].base, error)) == NULL)
        {
          if (bad_field != NULL)
            *bad_field = rows[i].field;
          return FALSE;
        }
    }
  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  clear = lp_plan_prepare (plan, "DELETE FROM scenario_population_base WHERE scenario_id = ?1 AND pathway_id = ?2 "
                                 "AND population_base IS NOT ?3", error);
  set = clear != NULL ? lp_plan_prepare (plan, "INSERT INTO scenario_population_base "
                                               "(scenario_id, pathway_id, population_base) VALUES (?1, ?2, ?3) "
                                               "ON CONFLICT DO NOTHING", error) : NULL;
  ok = set != NULL;
  /* Only what changed is written, so that undo's step names the row. */
  for (guint i = 0; ok && i < n_rows; i++)
    {
      sqlite3_bind_int64 (clear, 1, scenario_id);
      sqlite3_bind_int64 (clear, 2, ids[i]);
      lp_stmt_bind_text (clear, 3, names[i]);
      ok = lp_stmt_run (plan, clear, _("change the scenario’s population bases"), error);
      if (ok && names[i] != NULL)
        {
          sqlite3_bind_int64 (set, 1, scenario_id);
          sqlite3_bind_int64 (set, 2, ids[i]);
          lp_stmt_bind_text (set, 3, names[i]);
          ok = lp_stmt_run (plan, set, _("change the scenario’s population bases"), error);
        }
    }
  if (!ok)
    {
      lp_plan_rollback (plan);
      return FALSE;
    }
  /* Named as the dialog is: rows added and removed are one change. */
  lp_plan_set_step_label (plan, _("Change population bases"));
  ok = lp_plan_commit (plan, error);
  lp_plan_set_step_label (plan, NULL);
  if (!ok)
    return FALSE;
  lp_plan_emit_changed (plan, "scenario_population_base");
  return TRUE;
}

/**
 * lp_plan_get_population_weight_rows:
 *
 * Returns: (transfer full) (element-type LpPopulationWeightRow): youngest
 *   band first
 */
GPtrArray *
lp_plan_get_population_weight_rows (LpPlan      *plan,
                                    const char  *name,
                                    GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (lp_population_weight_row_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  stmt = lp_plan_prepare (plan, "SELECT age_band, sex, weight FROM population_weight WHERE weights_name = ?1 "
                                "ORDER BY CAST (age_band AS INTEGER), length (age_band), age_band, "
                                "CASE sex WHEN 'all' THEN 0 WHEN 'female' THEN 1 ELSE 2 END", error);
  if (stmt == NULL)
    return NULL;
  lp_stmt_bind_text (stmt, 1, name);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LpPopulationWeightRow *row = g_new0 (LpPopulationWeightRow, 1);

      row->age_band = g_strdup (lp_stmt_column_text (stmt, 0));
      row->sex = g_strdup (lp_stmt_column_text (stmt, 1));
      row->weight = sqlite3_column_double (stmt, 2);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the weights")), NULL;
  return g_steal_pointer (&rows);
}

/* A row of the weights form, read: its band as stored, its sex, its weight. */
typedef struct {
  char   *band;
  char   *sex;
  double  weight;
} LpWeightsRead;

static gboolean
lp_weights_form_read_band (const LpWeightsTableFormRow *row,
                           LpWeightsRead               *read,
                           GError                     **error)
{
  g_autoptr(LpPopulationBase) band = NULL;
  g_autofree char *typed = g_strstrip (g_strdup (row->age_band != NULL ? row->age_band : ""));

  if (typed[0] == '\0')
    return g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                                _("Enter an age band, such as 75+ or 0-74")), FALSE;
  band = lp_population_base_parse (row->age_band, NULL);
  if (band == NULL || band->kind != LP_POPULATION_BASE_KIND_AGE || !g_str_equal (band->sex, "all"))
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("“%s” is not an age band: write one such as 75+ or 0-74, and choose the sex beside it"),
                        typed), FALSE;
  read->band = g_steal_pointer (&band->name);
  return TRUE;
}

/* Renames the base "weighted OLD" wherever a pathway or a scenario uses it. */
static gboolean
lp_weights_rename_uses (LpPlan      *plan,
                        const char  *old_name,
                        const char  *new_name,
                        GError     **error)
{
  static const char *const sql[] = {
    "UPDATE pathway SET population_base = 'weighted ' || ?2 WHERE population_base = 'weighted ' || ?1",
    "UPDATE scenario_population_base SET population_base = 'weighted ' || ?2 "
    "  WHERE population_base = 'weighted ' || ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = lp_plan_prepare (plan, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      lp_stmt_bind_text (stmt, 1, old_name);
      lp_stmt_bind_text (stmt, 2, new_name);
      if (!lp_stmt_run (plan, stmt, _("rename the weights where they are used"), error))
        return FALSE;
    }
  return TRUE;
}

static void
lp_weights_read_clear (gpointer data)
{
  LpWeightsRead *read = data;

  g_free (read->band);
  g_free (read->sex);
}

/* Checks the form; the rows read into @read. */
static gboolean
lp_weights_form_check (LpPlan                   *plan,
                       const char               *old_name,
                       const LpWeightsTableForm *form,
                       GArray                   *read,
                       char                    **name,
                       const char              **bad_field,
                       GError                  **error)
{
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  *name = g_strstrip (g_strdup (form->name != NULL ? form->name : ""));
  *bad_field = LP_FIELD_WEIGHTS_NAME;
  if ((*name)[0] == '\0')
    return g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                                _("Enter the weights’ name, such as Need")), FALSE;
  if (!lp_validate_text (_("The weights’ name"), *name, TRUE, LP_NAME_MAX_CHARS, error))
    return FALSE;
  if ((existing = lp_plan_list_population_weights (plan, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < existing->len; i++)
    {
      const LpPopulationWeights *one = g_ptr_array_index (existing, i);

      if (g_ascii_strcasecmp (one->name, *name) == 0 && g_strcmp0 (one->name, old_name) != 0)
        return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                            _("There are already weights called “%s”"), one->name), FALSE;
      if (g_strcmp0 (one->name, old_name) == 0 && one->imported)
        return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                            _("The weights “%s” were imported per practice: import them again to change them"),
                            one->name), FALSE;
    }
  *bad_field = LP_FIELD_WEIGHTS_NOTE;
  if (!lp_validate_text (_("The note"), form->note != NULL ? form->note : "", FALSE, LP_NOTES_MAX_CHARS, error))
    return FALSE;
  *bad_field = NULL;
  for (guint i = 0; i < form->n_rows; i++)
    {
      const LpWeightsTableFormRow *row = &form->rows[i];
      LpWeightsRead one = { NULL, NULL, 0 };
      g_autofree char *key = NULL;

      /* A row added and left empty is no row. */
      if (lp_text_is_blank (row->age_band) && lp_text_is_blank (row->weight))
        continue;
      *bad_field = row->band_field;
      if (!lp_weights_form_read_band (row, &one, error))
        return FALSE;
      one.sex = g_strdup (row->sex != NULL ? row->sex : "all");
      g_array_append_val (read, one);
      if (!g_str_equal (one.sex, "all") && !g_str_equal (one.sex, "male") && !g_str_equal (one.sex, "female"))
        return g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                                    _("Choose all, female or male")), FALSE;
      key = g_strconcat (one.band, " ", one.sex, NULL);
      if (!g_hash_table_add (seen, g_steal_pointer (&key)))
        return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                            _("The band %s is there twice for the same sex"), one.band), FALSE;
      *bad_field = row->weight_field;
      if (lp_text_is_blank (row->weight))
        return g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                                    _("Enter the band’s weight, such as 1 or 2.5")), FALSE;
      if (!lp_parse_decimal (_("The weight"), row->weight, 0,
                             &g_array_index (read, LpWeightsRead, read->len - 1).weight, error))
        return FALSE;
    }
  *bad_field = NULL;
  if (read->len == 0)
    return g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                                _("Give the weights at least one age band")), FALSE;
  return TRUE;
}

/**
 * lp_plan_save_population_weights_form:
 * @bad_field: (out) (optional): LP_FIELD_WEIGHTS_NAME, LP_FIELD_WEIGHTS_NOTE
 *   or a row's key, or %NULL
 *
 * Returns: %FALSE with @error set if refused; nothing is saved then
 */
gboolean
lp_plan_save_population_weights_form (LpPlan                   *plan,
                                      const char               *old_name,
                                      const LpWeightsTableForm *form,
                                      const char              **bad_field,
                                      GError                  **error)
{
  g_autoptr(GArray) read = g_array_new (FALSE, TRUE, sizeof (LpWeightsRead));
  g_autofree char *name = NULL;
  g_autofree char *note = NULL;
  const char *bad = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (LP_IS_PLAN (plan) && form != NULL, FALSE);
  g_return_val_if_fail (form->rows != NULL || form->n_rows == 0, FALSE);

  g_array_set_clear_func (read, lp_weights_read_clear);
  note = g_strstrip (g_strdup (form->note != NULL ? form->note : ""));
  ok = lp_weights_form_check (plan, old_name, form, read, &name, &bad, error);
  if (bad_field != NULL)
    *bad_field = ok ? NULL : bad;
  if (!ok || !lp_plan_begin_write (plan, error))
    return FALSE;
  if (old_name == NULL)
    stmt = lp_plan_prepare (plan, "INSERT INTO population_weights (name, note, kind) VALUES (?2, ?3, 'by_age')",
                            error);
  else
    stmt = lp_plan_prepare (plan, "UPDATE population_weights SET name = ?2, note = ?3 WHERE name = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      lp_stmt_bind_text (stmt, 1, old_name);
      lp_stmt_bind_text (stmt, 2, name);
      lp_stmt_bind_text (stmt, 3, note);
      ok = lp_stmt_run (plan, stmt, _("save the weights"), error);
      if (ok && old_name != NULL && sqlite3_changes (lp_plan_get_db (plan)) == 0)
        ok = (g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                           _("The weights “%s” are no longer in the plan"), old_name), FALSE);
    }
  if (ok && old_name != NULL && !g_str_equal (old_name, name))
    ok = lp_weights_rename_uses (plan, old_name, name, error);
  if (ok && (stmt = lp_plan_prepare (plan, "DELETE FROM population_weight WHERE weights_name = ?1", error)) == NULL)
    ok = FALSE;
  if (ok)
    {
      lp_stmt_bind_text (stmt, 1, name);
      ok = lp_stmt_run (plan, stmt, _("save the weights"), error);
    }
  if (ok && (stmt = lp_plan_prepare (plan, "INSERT INTO population_weight (weights_name, age_band, sex, weight) "
                                           "VALUES (?1, ?2, ?3, ?4)", error)) == NULL)
    ok = FALSE;
  for (guint i = 0; ok && i < read->len; i++)
    {
      const LpWeightsRead *one = &g_array_index (read, LpWeightsRead, i);

      lp_stmt_bind_text (stmt, 1, name);
      lp_stmt_bind_text (stmt, 2, one->band);
      lp_stmt_bind_text (stmt, 3, one->sex);
      sqlite3_bind_double (stmt, 4, one->weight);
      ok = lp_stmt_run (plan, stmt, _("save the weights"), error);
    }
  if (!ok)
    {
      lp_plan_rollback (plan);
      return FALSE;
    }
  /* An edit that changes only rows would otherwise be named by them. */
  lp_plan_set_step_label (plan, old_name == NULL ? _("Add weights") : _("Edit weights"));
  ok = lp_plan_commit (plan, error);
  lp_plan_set_step_label (plan, NULL);
  if (!ok)
    return FALSE;
  lp_plan_emit_changed (plan, "population_weights");
  lp_plan_emit_changed (plan, "population_weight");
  if (old_name != NULL && !g_str_equal (old_name, name))
    {
      lp_plan_emit_changed (plan, "pathway");
      lp_plan_emit_changed (plan, "scenario_population_base");
    }
  return TRUE;
}

/**
 * lp_plan_delete_population_weights:
 *
 * One undoable step; refused while a pathway or a scenario shares by them.
 */
gboolean
lp_plan_delete_population_weights (LpPlan      *plan,
                                   const char  *name,
                                   GError     **error)
{
  g_autofree char *user = NULL;
  g_autofree char *base = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (LP_IS_PLAN (plan) && name != NULL, FALSE);

  base = g_strconcat ("weighted ", name, NULL);
  user = lp_population_query_text (plan,
      "SELECT name FROM pathway WHERE population_base = ?1 "
      "UNION ALL SELECT p.name FROM scenario_population_base AS s JOIN pathway AS p ON p.id = s.pathway_id "
      "  WHERE s.population_base = ?1 LIMIT 1", base, error);
  if (user != NULL)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT,
                        _("%s is shared by the weights “%s”: choose another base for it first"), user, name),
           FALSE;
  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  stmt = lp_plan_prepare (plan, "DELETE FROM population_weights WHERE name = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      lp_stmt_bind_text (stmt, 1, name);
      ok = lp_stmt_run (plan, stmt, _("remove the weights"), error);
      if (ok && sqlite3_changes (lp_plan_get_db (plan)) == 0)
        ok = (g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                           _("The weights “%s” are no longer in the plan"), name), FALSE);
    }
  if (!ok)
    {
      lp_plan_rollback (plan);
      return FALSE;
    }
  if (!lp_plan_commit (plan, error))
    return FALSE;
  lp_plan_emit_changed (plan, "population_weights");
  lp_plan_emit_changed (plan, "population_weight");
  lp_plan_emit_changed (plan, "weighted_population");
  return TRUE;
}

/**
 * lp_plan_list_practice_weighted:
 * @gp_fte: the practice's GP FTE, for its patients per GP FTE on each
 *
 * Returns: (transfer full) (element-type LpPracticeWeighted)
 */
GPtrArray *
lp_plan_list_practice_weighted (LpPlan  *plan,
                                gint64   practice_id,
                                double   gp_fte,
                                GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) lp_practice_weighted_free);
  g_autoptr(GPtrArray) weights = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  if ((weights = lp_plan_list_population_weights (plan, error)) == NULL)
    return NULL;
  stmt = lp_plan_prepare (plan, "SELECT population, as_at FROM weighted_population "
                                "WHERE weights_name = ?1 AND practice_id = ?2 ORDER BY as_at DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < weights->len; i++)
    {
      LpPopulationWeights *one = g_ptr_array_index (weights, i);
      LpPracticeWeighted *weighted;

      if (!one->imported)
        continue;
      lp_stmt_bind_text (stmt, 1, one->name);
      sqlite3_bind_int64 (stmt, 2, practice_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          continue;
        }
      weighted = g_new0 (LpPracticeWeighted, 1);
      weighted->name = g_strdup (one->name);
      weighted->population = sqlite3_column_double (stmt, 0);
      /* The practice's own latest figure dates it, not the set's. */
      g_free (one->as_at);
      one->as_at = g_strdup (lp_stmt_column_text (stmt, 1));
      sqlite3_reset (stmt);
      weighted->source = lp_population_source_weights (one, NULL);
      weighted->per_gp_fte = gp_fte > 0 ? weighted->population / gp_fte : 0;
      g_ptr_array_add (list, weighted);
    }
  return g_steal_pointer (&list);
}

/**
 * lp_plan_list_locality_weighted:
 *
 * Returns: (transfer full) (element-type LpPracticeWeighted): a row per
 *   imported weighted population that has a figure for any of the
 *   locality's practices
 */
GPtrArray *
lp_plan_list_locality_weighted (LpPlan  *plan,
                                gint64   locality_id,
                                double   gp_fte,
                                GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) lp_practice_weighted_free);
  g_autoptr(GPtrArray) weights = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  if ((weights = lp_plan_list_population_weights (plan, error)) == NULL)
    return NULL;
  stmt = lp_plan_prepare (plan,
      "SELECT total (w.population), count (w.population), count (*) - count (w.population), max (w.as_at) "
      "FROM practice AS p LEFT JOIN weighted_population AS w ON w.practice_id = p.id AND w.weights_name = ?1 "
      "  AND w.as_at = (SELECT max (l.as_at) FROM weighted_population AS l "
      "                 WHERE l.weights_name = ?1 AND l.practice_id = p.id) "
      "WHERE (?2 = 0 OR p.locality_id = ?2) AND p.locality_id IS NOT NULL AND "
      LP_PRACTICE_COUNTS_ON ("p", "NULL"), error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < weights->len; i++)
    {
      LpPopulationWeights *one = g_ptr_array_index (weights, i);
      LpPracticeWeighted *weighted;

      if (!one->imported)
        continue;
      lp_stmt_bind_text (stmt, 1, one->name);
      sqlite3_bind_int64 (stmt, 2, locality_id);
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          if (rc == SQLITE_DONE)
            continue;
          return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the weighted populations")), NULL;
        }
      if (sqlite3_column_int64 (stmt, 1) == 0)
        {
          sqlite3_reset (stmt);
          continue;
        }
      weighted = g_new0 (LpPracticeWeighted, 1);
      weighted->name = g_strdup (one->name);
      weighted->population = sqlite3_column_double (stmt, 0);
      weighted->n_missing = (guint) sqlite3_column_int64 (stmt, 2);
      g_free (one->as_at);
      one->as_at = g_strdup (lp_stmt_column_text (stmt, 3));
      sqlite3_reset (stmt);
      weighted->source = lp_population_source_weights (one, NULL);
      weighted->per_gp_fte = gp_fte > 0 && weighted->n_missing == 0 ? weighted->population / gp_fte : 0;
      g_ptr_array_add (list, weighted);
    }
  return g_steal_pointer (&list);
}
