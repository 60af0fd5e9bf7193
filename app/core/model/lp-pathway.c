/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A scenario's pathway changes and apportionment weights (see
 * lp-pathway.h). */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lp-pathway.h"
#include "lp-model-private.h"
#include "lp-plan-private.h"
#include "lp-population-base.h"
#include "lp-scenario.h"
#include "lp-validate.h"

static const char *const level_names[] = { "stp", "ccg", "locality" };
static const char *const period_names[] = { "horizon", "year", "month", "week" };

static LpPathwayPeriod
lp_pathway_period_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (period_names); i++)
    if (g_strcmp0 (name, period_names[i]) == 0)
      return (LpPathwayPeriod) i;
  return LP_PATHWAY_OVER_HORIZON;
}

/**
 * lp_plan_list_pathways:
 *
 * Returns: (transfer full): the pathways' names, in-patient ones first,
 *   in the modelling table's order
 */
GStrv
lp_plan_list_pathways (LpPlan  *plan,
                       GError **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT name FROM pathway ORDER BY category = 'ae_outpatient', sort_order, name", error);

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (names, lp_stmt_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return g_strv_builder_end (names);
}

/* The id of the pathway called @pathway; 0 with @error set when there is
 * none. */
gint64
lp_pathway_find (LpPlan      *plan,
                 const char  *pathway,
                 GError     **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, "SELECT id FROM pathway WHERE name = ?1", error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  lp_stmt_bind_text (stmt, 1, pathway);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND, _("There is no pathway “%s”"),
                 pathway != NULL ? pathway : "");
  return id;
}

/* A locality's figures need the locality; the STP's and CCG's have none. */
static gboolean
lp_pathway_check_level (LpPathwayLevel   level,
                        gint64          *locality_id,
                        GError         **error)
{
  if (level > LP_LEVEL_LOCALITY)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("Pathway changes are stated for the STP, the CCG or a locality")), FALSE;
  if (level == LP_LEVEL_LOCALITY && *locality_id == 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("Choose the locality the figures are for")), FALSE;
  if (level != LP_LEVEL_LOCALITY)
    *locality_id = 0;
  return TRUE;
}

static sqlite3_stmt *
lp_pathway_select (LpPlan          *plan,
                   gint64           pathway,
                   LpPathwayLevel   level,
                   gint64           locality_id,
                   GError         **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT scenario_id, horizon_years, period, activity, bed_days FROM pathway_change "
      "WHERE pathway_id = ?1 AND level = ?2 AND ifnull (locality_id, 0) = ?3 ORDER BY horizon_years", error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, pathway);
      sqlite3_bind_text (stmt, 2, level_names[level], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, locality_id);
    }
  return stmt;
}

/* Keeps, horizon by horizon, the figure of the nearest scenario. */
static void
lp_pathway_keep (LpPathwayFigures *figures,
                 int              *ranks,
                 int               rank,
                 sqlite3_stmt     *stmt)
{
  int horizon = sqlite3_column_int (stmt, 1);
  guint at = 0;

  while (at < figures->n_figures && figures->figures[at].horizon_years != horizon)
    at++;
  if (at == figures->n_figures)
    {
      if (at == LP_MODEL_MAX_HORIZONS)
        return;
      figures->n_figures++;
      ranks[at] = G_MAXINT;
    }
  if (rank >= ranks[at])
    return;
  ranks[at] = rank;
  figures->figures[at] = (LpPathwayFigure) { horizon, sqlite3_column_double (stmt, 3),
                                             sqlite3_column_double (stmt, 4),
                                             sqlite3_column_int64 (stmt, 0) };
  if (rank <= ranks[LP_MODEL_MAX_HORIZONS])
    {
      ranks[LP_MODEL_MAX_HORIZONS] = rank;
      figures->period = lp_pathway_period_from_name (lp_stmt_column_text (stmt, 2));
    }
}

/**
 * lp_plan_get_pathway_figures:
 *
 * Fills @figures, by horizon, with the figures @scenario_id models with at
 * that level; the period is the nearest scenario's.
 */
gboolean
lp_plan_get_pathway_figures (LpPlan            *plan,
                             gint64             scenario_id,
                             const char        *pathway,
                             LpPathwayLevel     level,
                             gint64             locality_id,
                             LpPathwayFigures  *figures,
                             GError           **error)
{
  g_autoptr(GArray) chain = NULL;
  int ranks[LP_MODEL_MAX_HORIZONS + 1] = { [LP_MODEL_MAX_HORIZONS] = G_MAXINT };
  sqlite3_stmt *stmt;
  gint64 pathway_id;

  g_return_val_if_fail (LP_IS_PLAN (plan) && figures != NULL, FALSE);

  *figures = (LpPathwayFigures) { LP_PATHWAY_OVER_HORIZON, 0, };
  if (!lp_pathway_check_level (level, &locality_id, error) ||
      (pathway_id = lp_pathway_find (plan, pathway, error)) == 0 ||
      (chain = lp_plan_dup_scenario_chain (plan, scenario_id, error)) == NULL ||
      (stmt = lp_pathway_select (plan, pathway_id, level, locality_id, error)) == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int rank = lp_scenario_chain_rank (chain, sqlite3_column_int64 (stmt, 0));

      if (rank >= 0)
        lp_pathway_keep (figures, ranks, rank, stmt);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
lp_pathway_check_figures (const LpPathwayFigures  *figures,
                          GError                 **error)
{
  if (figures->period > LP_PATHWAY_PER_WEEK || figures->n_figures > LP_MODEL_MAX_HORIZONS)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("The figures are not over a horizon, a year, a month or a week")), FALSE;
  for (guint i = 0; i < figures->n_figures; i++)
    {
      const LpPathwayFigure *figure = &figures->figures[i];

      if (figure->horizon_years < 1 || figure->horizon_years > 50)
        return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                            _("A horizon must be 1 to 50 years, not %d"), figure->horizon_years), FALSE;
      if (!isfinite (figure->activity) || figure->activity < 0)
        return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                            _("The activity reduction over %d years must be a figure of 0 or more"),
                            figure->horizon_years), FALSE;
      if (!isfinite (figure->bed_days) || figure->bed_days < 0)
        return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                            _("The reduction in bed days over %d years must be a figure of 0 or more"),
                            figure->horizon_years), FALSE;
    }
  return TRUE;
}

static gboolean
lp_pathway_delete_own (LpPlan          *plan,
                       gint64           scenario_id,
                       gint64           pathway_id,
                       LpPathwayLevel   level,
                       gint64           locality_id,
                       GError         **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "DELETE FROM pathway_change WHERE scenario_id = ?1 AND pathway_id = ?2 AND level = ?3 "
      "AND ifnull (locality_id, 0) = ?4", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  sqlite3_bind_int64 (stmt, 2, pathway_id);
  sqlite3_bind_text (stmt, 3, level_names[level], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, locality_id);
  return lp_stmt_run (plan, stmt, _("change the pathway's figures"), error);
}

/* Writes the change @id, new or replacing the row of that id. */
static gboolean
lp_pathway_insert_with_id (LpPlan                 *plan,
                           gint64                  id,
                           gint64                  scenario_id,
                           gint64                  pathway_id,
                           LpPathwayLevel          level,
                           gint64                  locality_id,
                           LpPathwayPeriod         period,
                           const LpPathwayFigure  *figure,
                           GError                **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "INSERT INTO pathway_change (id, scenario_id, pathway_id, level, locality_id, horizon_years, "
      "period, activity, bed_days) VALUES (?1, ?2, ?3, ?4, nullif (?5, 0), ?6, ?7, ?8, ?9) "
      "ON CONFLICT (id) DO UPDATE SET pathway_id = ?3, level = ?4, locality_id = nullif (?5, 0), "
      "horizon_years = ?6, period = ?7, activity = ?8, bed_days = ?9", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, scenario_id);
  sqlite3_bind_int64 (stmt, 3, pathway_id);
  sqlite3_bind_text (stmt, 4, level_names[level], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, locality_id);
  sqlite3_bind_int (stmt, 6, figure->horizon_years);
  sqlite3_bind_text (stmt, 7, period_names[period], -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 8, figure->activity);
  sqlite3_bind_double (stmt, 9, figure->bed_days);
  return lp_stmt_run (plan, stmt, _("change the pathway's figures"), error);
}

static gboolean
lp_pathway_insert (LpPlan                 *plan,
                   gint64                  scenario_id,
                   gint64                  pathway_id,
                   LpPathwayLevel          level,
                   gint64                  locality_id,
                   LpPathwayPeriod         period,
                   const LpPathwayFigure  *figure,
                   GError                **error)
{
  return lp_pathway_insert_with_id (plan, lp_id_new (), scenario_id, pathway_id, level, locality_id, period,
                                    figure, error);
}

/* Deletes the scenario's own figures at the level, then writes @figures
 * (if any), in one transaction: one step to undo. */
static gboolean
lp_pathway_replace (LpPlan                  *plan,
                    gint64                   scenario_id,
                    const char              *pathway,
                    LpPathwayLevel           level,
                    gint64                   locality_id,
                    const LpPathwayFigures  *figures,
                    GError                 **error)
{
  gint64 pathway_id;
  gboolean ok;

  if (!lp_pathway_check_level (level, &locality_id, error) ||
      (figures != NULL && !lp_pathway_check_figures (figures, error)) ||
      (pathway_id = lp_pathway_find (plan, pathway, error)) == 0)
    return FALSE;
  if (scenario_id == 0)
    scenario_id = lp_plan_get_base_scenario_id (plan);
  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  ok = lp_pathway_delete_own (plan, scenario_id, pathway_id, level, locality_id, error);
  for (guint i = 0; ok && figures != NULL && i < figures->n_figures; i++)
    ok = lp_pathway_insert (plan, scenario_id, pathway_id, level, locality_id, figures->period,
                            &figures->figures[i], error);
  if (!ok)
    {
      lp_plan_rollback (plan);
      return FALSE;
    }
  if (!lp_plan_commit (plan, error))
    return FALSE;
  lp_plan_emit_changed (plan, "pathway_change");
  return TRUE;
}

gboolean
lp_plan_set_pathway_figures (LpPlan                  *plan,
                             gint64                   scenario_id,
                             const char              *pathway,
                             LpPathwayLevel           level,
                             gint64                   locality_id,
                             const LpPathwayFigures  *figures,
                             GError                 **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan) && figures != NULL, FALSE);

  return lp_pathway_replace (plan, scenario_id, pathway, level, locality_id, figures, error);
}

gboolean
lp_plan_clear_pathway_figures (LpPlan          *plan,
                               gint64           scenario_id,
                               const char      *pathway,
                               LpPathwayLevel   level,
                               gint64           locality_id,
                               GError         **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  return lp_pathway_replace (plan, scenario_id, pathway, level, locality_id, NULL, error);
}

/* One horizon's two figures as typed; both blank leaves it out. */
static gboolean
lp_pathway_form_read_horizon (const LpPathwayFormHorizon  *horizon,
                              LpPathwayFigures            *figures,
                              const char                 **bad_field,
                              GError                     **error)
{
  LpPathwayFigure figure = { horizon->horizon_years, 0, 0, 0 };
  gboolean no_activity = lp_text_is_blank (horizon->activity);
  gboolean no_bed_days = lp_text_is_blank (horizon->bed_days);
  g_autofree char *activity_field = NULL;
  g_autofree char *bed_days_field = NULL;
  int years = horizon->horizon_years;

  if (no_activity && no_bed_days)
    return TRUE;
  /* TRANSLATORS: names the field in an error message */
  activity_field = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Activity reduction over %d year",
                                                 "Activity reduction over %d years", years), years);
  /* TRANSLATORS: names the field in an error message */
  bed_days_field = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reduced bed days over %d year",
                                                 "Reduced bed days over %d years", years), years);
  /* "3,600" is how a commissioner writes three thousand six hundred. */
  if (!no_activity && !lp_parse_decimal (activity_field, horizon->activity, 0, &figure.activity, error))
    return *bad_field = horizon->activity_field, FALSE;
  if (!no_bed_days && !lp_parse_decimal (bed_days_field, horizon->bed_days, 0, &figure.bed_days, error))
    return *bad_field = horizon->bed_days_field, FALSE;
  figures->figures[figures->n_figures++] = figure;
  return TRUE;
}

/**
 * lp_pathway_form_read:
 * @bad_field: (out) (optional): on failure, the field key of the figure
 *   refused, as the form gives it
 *
 * Reads what was typed into a pathway dialog: each horizon's figures
 * ("3,600", "12.5"), a horizon with both left blank left out (the base's
 * figure applies), one left blank 0.
 */
gboolean
lp_pathway_form_read (const LpPathwayForm  *form,
                      LpPathwayFigures     *figures,
                      const char          **bad_field,
                      GError              **error)
{
  const char *refused = NULL;

  g_return_val_if_fail (form != NULL && figures != NULL, FALSE);
  g_return_val_if_fail (form->n_horizons <= LP_MODEL_MAX_HORIZONS, FALSE);

  *figures = (LpPathwayFigures) { form->period, 0, };
  for (guint h = 0; h < form->n_horizons; h++)
    if (!lp_pathway_form_read_horizon (&form->horizons[h], figures, &refused, error))
      {
        if (bad_field != NULL)
          *bad_field = refused;
        return FALSE;
      }
  return TRUE;
}

/**
 * lp_plan_save_pathway_form:
 * @bad_field: (out) (optional): on failure, the field key of the figure
 *   refused, or %NULL if the reason is not one figure's
 *
 * Stores what was typed into a pathway dialog as the scenario's own
 * figures at the form's level, or, with every figure blank, removes them
 * so that its base's apply again.  One undoable step.
 */
gboolean
lp_plan_save_pathway_form (LpPlan               *plan,
                           gint64                scenario_id,
                           const LpPathwayForm  *form,
                           const char          **bad_field,
                           GError              **error)
{
  LpPathwayFigures figures;

  g_return_val_if_fail (LP_IS_PLAN (plan) && form != NULL, FALSE);

  if (bad_field != NULL)
    *bad_field = NULL;
  if (!lp_pathway_form_read (form, &figures, bad_field, error))
    return FALSE;
  return lp_pathway_replace (plan, scenario_id, form->pathway, form->level, form->locality_id,
                             figures.n_figures > 0 ? &figures : NULL, error);
}

/* Pathways and changes one at a time ------------------------------------ */

static const char *const category_names[] = { "inpatient", "ae_outpatient" };

void
lp_pathway_change_free (LpPathwayChange *change)
{
  if (change == NULL)
    return;
  g_free (change->pathway);
  g_free (change->locality);
  g_free (change);
}

static LpPathwayLevel
lp_pathway_level_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (level_names); i++)
    if (g_strcmp0 (name, level_names[i]) == 0)
      return (LpPathwayLevel) i;
  return LP_LEVEL_CCG;
}

#define LP_CHANGE_SELECT \
  "SELECT c.id, c.scenario_id, p.id, p.name, p.category, c.level, ifnull (c.locality_id, 0), l.name, " \
  "c.horizon_years, c.period, c.activity, c.bed_days " \
  "FROM pathway_change c JOIN pathway p ON p.id = c.pathway_id " \
  "LEFT JOIN locality l ON l.id = c.locality_id "

static LpPathwayChange *
lp_pathway_change_from_row (sqlite3_stmt *stmt)
{
  LpPathwayChange *change = g_new0 (LpPathwayChange, 1);

  change->id = sqlite3_column_int64 (stmt, 0);
  change->scenario_id = sqlite3_column_int64 (stmt, 1);
  change->pathway_id = sqlite3_column_int64 (stmt, 2);
  change->pathway = g_strdup (lp_stmt_column_text (stmt, 3));
  change->category = g_strcmp0 (lp_stmt_column_text (stmt, 4), "ae_outpatient") == 0
                     ? LP_PATHWAY_AE_OUTPATIENT : LP_PATHWAY_INPATIENT;
  change->level = lp_pathway_level_from_name (lp_stmt_column_text (stmt, 5));
  change->locality_id = sqlite3_column_int64 (stmt, 6);
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    change->locality = g_strdup (lp_stmt_column_text (stmt, 7));
  change->horizon_years = sqlite3_column_int (stmt, 8);
  change->period = lp_pathway_period_from_name (lp_stmt_column_text (stmt, 9));
  change->activity = sqlite3_column_double (stmt, 10);
  change->bed_days = sqlite3_column_double (stmt, 11);
  return change;
}

/**
 * lp_plan_list_pathway_changes:
 *
 * Returns: (transfer full) (element-type LpPathwayChange): the changes the
 *   scenario states itself, in the modelling table's order
 */
GPtrArray *
lp_plan_list_pathway_changes (LpPlan  *plan,
                              gint64   scenario_id,
                              GError **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) lp_pathway_change_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  if (scenario_id == 0)
    scenario_id = lp_plan_get_base_scenario_id (plan);
  stmt = lp_plan_prepare (plan, LP_CHANGE_SELECT "WHERE c.scenario_id = ?1 "
      "ORDER BY p.category = 'ae_outpatient', p.sort_order, p.name, "
      "CASE c.level WHEN 'stp' THEN 0 WHEN 'ccg' THEN 1 ELSE 2 END, l.name, c.horizon_years", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (changes, lp_pathway_change_from_row (stmt));
  sqlite3_reset (stmt);
  return g_steal_pointer (&changes);
}

/**
 * lp_plan_get_pathway_change:
 *
 * Returns: (transfer full) (nullable): the change, or %NULL with @error
 *   NOT_FOUND
 */
LpPathwayChange *
lp_plan_get_pathway_change (LpPlan  *plan,
                            gint64   id,
                            GError **error)
{
  sqlite3_stmt *stmt;
  LpPathwayChange *change = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  stmt = lp_plan_prepare (plan, LP_CHANGE_SELECT "WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    change = lp_pathway_change_from_row (stmt);
  sqlite3_reset (stmt);
  if (change == NULL)
    g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                         _("The pathway change is no longer in the plan"));
  return change;
}

gboolean
lp_plan_delete_pathway_change (LpPlan  *plan,
                               gint64   id,
                               GError **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  return lp_plan_delete_row (plan, "DELETE FROM pathway_change WHERE id = ?1", id, "pathway_change",
                             _("remove the pathway change"),
                             _("The pathway change is no longer in the plan"), error);
}

/* A pathway's name as typed, trimmed, checked and not another's. */
static char *
lp_pathway_check_name (LpPlan      *plan,
                       const char  *name,
                       gint64       except_id,
                       GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  sqlite3_stmt *stmt;
  gboolean taken;

  if (trimmed[0] == '\0')
    return g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                                _("Enter the pathway’s name, such as Frailty")), NULL;
  if (!lp_validate_text (_("The pathway’s name"), trimmed, TRUE, LP_NAME_MAX_CHARS, error))
    return NULL;
  /* Either case: "frailty" beside "Frailty" would be two rows a reader takes for one. */
  stmt = lp_plan_prepare (plan, "SELECT 1 FROM pathway WHERE name = ?1 COLLATE NOCASE AND id != ?2", error);
  if (stmt == NULL)
    return NULL;
  lp_stmt_bind_text (stmt, 1, trimmed);
  sqlite3_bind_int64 (stmt, 2, except_id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("There is already a pathway called “%s”"), trimmed), NULL;
  return g_steal_pointer (&trimmed);
}

static gboolean
lp_pathway_check_category (LpPathwayCategory   category,
                           GError            **error)
{
  if ((guint) category < G_N_ELEMENTS (category_names))
    return TRUE;
  return g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                              _("Choose whether the pathway is in-patient or A&E and outpatient")), FALSE;
}

/* Inside a transaction: the new pathway goes last in its group. */
static gint64
lp_pathway_insert_pathway (LpPlan             *plan,
                           LpPathwayCategory   category,
                           const char         *name,
                           GError            **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "INSERT INTO pathway (id, name, category, sort_order) VALUES (?1, ?2, ?3, "
      "(SELECT ifnull (max (sort_order), 0) + 1 FROM pathway WHERE category = ?3))", error);
  gint64 id = lp_id_new ();

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  lp_stmt_bind_text (stmt, 2, name);
  sqlite3_bind_text (stmt, 3, category_names[category], -1, SQLITE_STATIC);
  return lp_stmt_run (plan, stmt, _("add the pathway"), error) ? id : 0;
}

/* Ends the write begun: committed if @ok, else nothing of it kept. */
static gboolean
lp_pathway_finish_write (LpPlan   *plan,
                         gboolean  ok,
                         GError  **error)
{
  if (!ok)
    {
      lp_plan_rollback (plan);
      return FALSE;
    }
  if (!lp_plan_commit (plan, error))
    return FALSE;
  lp_plan_emit_changed (plan, "pathway");
  lp_plan_emit_changed (plan, "pathway_change");
  return TRUE;
}

/**
 * lp_plan_add_pathway:
 *
 * Returns: the new pathway's id, or 0 with @error set (an empty name, or
 *   one another pathway has)
 */
gint64
lp_plan_add_pathway (LpPlan             *plan,
                     LpPathwayCategory   category,
                     const char         *name,
                     GError            **error)
{
  g_autofree char *checked = NULL;
  gint64 id;

  g_return_val_if_fail (LP_IS_PLAN (plan), 0);

  if (!lp_pathway_check_category (category, error) ||
      (checked = lp_pathway_check_name (plan, name, 0, error)) == NULL ||
      !lp_plan_begin_write (plan, error))
    return 0;
  id = lp_pathway_insert_pathway (plan, category, checked, error);
  if (!lp_pathway_finish_write (plan, id != 0, error))
    return 0;
  return id;
}

gboolean
lp_plan_update_pathway (LpPlan             *plan,
                        const char         *pathway,
                        LpPathwayCategory   category,
                        const char         *name,
                        GError            **error)
{
  g_autofree char *checked = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  if ((id = lp_pathway_find (plan, pathway, error)) == 0 ||
      !lp_pathway_check_category (category, error) ||
      (checked = lp_pathway_check_name (plan, name, id, error)) == NULL ||
      !lp_plan_begin_write (plan, error))
    return FALSE;
  stmt = lp_plan_prepare (plan, "UPDATE pathway SET name = ?2, category = ?3, sort_order = CASE "
      "WHEN category = ?3 THEN sort_order "
      "ELSE (SELECT ifnull (max (sort_order), 0) + 1 FROM pathway WHERE category = ?3) END WHERE id = ?1",
      error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      lp_stmt_bind_text (stmt, 2, checked);
      sqlite3_bind_text (stmt, 3, category_names[category], -1, SQLITE_STATIC);
    }
  return lp_pathway_finish_write (plan, stmt != NULL && lp_stmt_run (plan, stmt, _("change the pathway"), error),
                                  error);
}

/**
 * lp_plan_save_pathway_edit:
 * @base: the pathway's population base as typed ("75+"); %NULL leaves it
 *
 * Returns: %FALSE with @error and @bad_field set if refused; nothing is
 *   saved then
 */
gboolean
lp_plan_save_pathway_edit (LpPlan             *plan,
                           const char         *pathway,
                           LpPathwayCategory   category,
                           const char         *name,
                           const char         *base,
                           const char        **bad_field,
                           GError            **error)
{
  g_autofree char *checked = NULL;
  g_autofree char *base_name = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  if (bad_field != NULL)
    *bad_field = NULL;
  if ((id = lp_pathway_find (plan, pathway, error)) == 0 || !lp_pathway_check_category (category, error))
    return FALSE;
  if ((checked = lp_pathway_check_name (plan, name, id, error)) == NULL)
    {
      if (bad_field != NULL)
        *bad_field = LP_FIELD_PATHWAY_NAME;
      return FALSE;
    }
  if (base != NULL && (base_name = lp_plan_check_population_base (plan, base, error)) == NULL)
    {
      if (bad_field != NULL)
        *bad_field = LP_FIELD_POPULATION_BASE;
      return FALSE;
    }
  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  stmt = lp_plan_prepare (plan, "UPDATE pathway SET name = ?2, category = ?3, sort_order = CASE "
      "WHEN category = ?3 THEN sort_order "
      "ELSE (SELECT ifnull (max (sort_order), 0) + 1 FROM pathway WHERE category = ?3) END, "
      "population_base = ifnull (?4, population_base) WHERE id = ?1",
      error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      lp_stmt_bind_text (stmt, 2, checked);
      sqlite3_bind_text (stmt, 3, category_names[category], -1, SQLITE_STATIC);
      lp_stmt_bind_text (stmt, 4, base_name);
    }
  return lp_pathway_finish_write (plan, stmt != NULL && lp_stmt_run (plan, stmt, _("change the pathway"), error),
                                  error);
}

gboolean
lp_plan_delete_pathway (LpPlan      *plan,
                        const char  *pathway,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  if ((id = lp_pathway_find (plan, pathway, error)) == 0 || !lp_plan_begin_write (plan, error))
    return FALSE;
  /* Its changes first, as rows of their own: undo brings them back with it. */
  stmt = lp_plan_prepare (plan, "DELETE FROM pathway_change WHERE pathway_id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = lp_stmt_run (plan, stmt, _("remove the pathway’s changes"), error);
    }
  if (ok && (stmt = lp_plan_prepare (plan, "DELETE FROM pathway WHERE id = ?1", error)) == NULL)
    ok = FALSE;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = lp_stmt_run (plan, stmt, _("remove the pathway"), error);
    }
  return lp_pathway_finish_write (plan, ok, error);
}

gboolean
lp_plan_get_pathway_category (LpPlan             *plan,
                              const char         *pathway,
                              LpPathwayCategory  *category,
                              GError            **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (LP_IS_PLAN (plan) && category != NULL, FALSE);

  stmt = lp_plan_prepare (plan, "SELECT category FROM pathway WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;
  lp_stmt_bind_text (stmt, 1, pathway);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      *category = g_strcmp0 (lp_stmt_column_text (stmt, 0), "ae_outpatient") == 0
                  ? LP_PATHWAY_AE_OUTPATIENT : LP_PATHWAY_INPATIENT;
    }
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND, _("There is no pathway “%s”"),
                 pathway != NULL ? pathway : "");
  return found;
}

/* A reduction as typed: a commissioner may write the 900 fewer
 * admissions of a plan as "-900", which must not silently become an
 * increase nor be taken for one. */
static gboolean
lp_pathway_parse_reduction (const char  *field,
                            const char  *text,
                            double      *out,
                            GError     **error)
{
  if (lp_text_is_blank (text))
    return *out = 0, TRUE;
  if (!lp_parse_decimal_grouped (field, text, -G_MAXDOUBLE, out, error))
    return FALSE;
  if (*out < 0)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (text));

      return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                          /* TRANSLATORS: %s is the field, %s the figure typed, %s the same without its minus */
                          _("%s is how many fewer: type %s, not “%s”"), field, trimmed + 1, trimmed), FALSE;
    }
  return TRUE;
}

/* The horizon as typed: whole years, 1 to 50. */
static gboolean
lp_pathway_parse_horizon (const char  *text,
                          int         *years,
                          GError     **error)
{
  gint64 value;

  if (lp_text_is_blank (text))
    return g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                                _("Enter the horizon in years, such as 3")), FALSE;
  if (!lp_parse_count (_("The horizon"), text, &value, error))
    return FALSE;
  if (value < 1 || value > 50)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("The horizon must be 1 to 50 years, not %lld"), (long long) value), FALSE;
  *years = (int) value;
  return TRUE;
}

static gboolean
lp_pathway_locality_exists (LpPlan   *plan,
                            gint64    locality_id,
                            GError  **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, "SELECT 1 FROM locality WHERE id = ?1", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, locality_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!found)
    g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                         _("That locality is no longer in the plan: choose another"));
  return found;
}

/* The table shows at most LP_MODEL_MAX_HORIZONS horizons: a change over
 * another one would not be seen anywhere. */
static gboolean
lp_pathway_check_horizon_room (LpPlan   *plan,
                               int       years,
                               gint64    except_id,
                               GError  **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT count (DISTINCT horizon_years), group_concat (DISTINCT horizon_years) FROM "
      "(SELECT horizon_years FROM pathway_change WHERE id != ?2 AND horizon_years != ?1 ORDER BY horizon_years)",
      error);
  g_autofree char *used = NULL;
  int n = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, years);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      n = sqlite3_column_int (stmt, 0);
      used = g_strdup (lp_stmt_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (n < LP_MODEL_MAX_HORIZONS)
    return TRUE;
  return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                      _("The plan already models %d horizons (%s years): use one of them"),
                      LP_MODEL_MAX_HORIZONS, used), FALSE;
}

/* Another change with the same key would break the table's one figure
 * per pathway, level and horizon. */
static gboolean
lp_pathway_check_not_stated (LpPlan          *plan,
                             gint64           scenario_id,
                             gint64           pathway_id,
                             const char      *pathway,
                             LpPathwayLevel   level,
                             gint64           locality_id,
                             int              years,
                             gint64           except_id,
                             GError         **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT 1 FROM pathway_change WHERE scenario_id = ?1 AND pathway_id = ?2 AND level = ?3 "
      "AND ifnull (locality_id, 0) = ?4 AND horizon_years = ?5 AND id != ?6", error);
  gboolean taken;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  sqlite3_bind_int64 (stmt, 2, pathway_id);
  sqlite3_bind_text (stmt, 3, level_names[level], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, locality_id);
  sqlite3_bind_int (stmt, 5, years);
  sqlite3_bind_int64 (stmt, 6, except_id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%s already has a change over %d year at this level: edit that one",
                              "%s already has a change over %d years at this level: edit that one", years),
                 pathway, years);
  return !taken;
}

/* Everything that can be checked before writing, field by field. */
static gboolean
lp_pathway_change_form_read (LpPlan                     *plan,
                             const LpPathwayChangeForm  *form,
                             gint64                     *locality_id,
                             LpPathwayFigure            *figure,
                             char                      **new_name,
                             const char                **bad_field,
                             GError                    **error)
{
  gboolean new_pathway = lp_text_is_blank (form->pathway);

  *locality_id = form->locality_id;
  if (new_pathway)
    {
      if (!lp_pathway_check_category (form->new_category, error))
        return *bad_field = LP_FIELD_PATHWAY_CATEGORY, FALSE;
      if ((*new_name = lp_pathway_check_name (plan, form->new_name, 0, error)) == NULL)
        return *bad_field = LP_FIELD_PATHWAY_NAME, FALSE;
    }
  if (!lp_pathway_check_level (form->level, locality_id, error) ||
      (form->level == LP_LEVEL_LOCALITY && !lp_pathway_locality_exists (plan, *locality_id, error)))
    return *bad_field = LP_FIELD_LEVEL, FALSE;
  if (form->period > LP_PATHWAY_PER_WEEK)
    return g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                                _("Choose what the figures are counted over")),
           *bad_field = LP_FIELD_PERIOD, FALSE;
  if (!lp_pathway_parse_horizon (form->horizon, &figure->horizon_years, error))
    return *bad_field = LP_FIELD_HORIZON, FALSE;
  if (!lp_pathway_parse_reduction (_("Activity reduction"), form->activity, &figure->activity, error))
    return *bad_field = LP_FIELD_ACTIVITY, FALSE;
  if (!lp_pathway_parse_reduction (_("Reduced bed days"), form->bed_days, &figure->bed_days, error))
    return *bad_field = LP_FIELD_BED_DAYS, FALSE;
  if (figure->activity == 0 && figure->bed_days == 0)
    return g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                                _("Enter the reduction in activity, in bed days or both")),
           *bad_field = LP_FIELD_ACTIVITY, FALSE;
  return TRUE;
}

/**
 * lp_plan_save_pathway_change_form:
 *
 * Saves one change as typed into the pathway change dialog (see
 * lp-pathway.h).
 */
gint64
lp_plan_save_pathway_change_form (LpPlan                     *plan,
                                  gint64                      scenario_id,
                                  gint64                      id,
                                  const LpPathwayChangeForm  *form,
                                  const char                **bad_field,
                                  GError                    **error)
{
  const char *refused = NULL;
  g_autofree char *new_name = NULL;
  LpPathwayFigure figure = { 0, };
  gint64 locality_id = 0, pathway_id = 0, saved = 0;
  gboolean ok;

  g_return_val_if_fail (LP_IS_PLAN (plan) && form != NULL, 0);

  if (bad_field != NULL)
    *bad_field = NULL;
  if (scenario_id == 0)
    scenario_id = lp_plan_get_base_scenario_id (plan);
  if (id != 0)
    {
      g_autoptr(LpPathwayChange) old = lp_plan_get_pathway_change (plan, id, error);

      if (old == NULL)
        return 0;
      /* The dialog edits what the scenario it shows states itself. */
      scenario_id = old->scenario_id;
    }
  if (!lp_pathway_change_form_read (plan, form, &locality_id, &figure, &new_name, &refused, error))
    goto refused;
  if (new_name == NULL && (pathway_id = lp_pathway_find (plan, form->pathway, error)) == 0)
    {
      refused = LP_FIELD_PATHWAY;
      goto refused;
    }
  if (!lp_pathway_check_horizon_room (plan, figure.horizon_years, id, error) ||
      (pathway_id != 0 &&
       !lp_pathway_check_not_stated (plan, scenario_id, pathway_id, form->pathway, form->level, locality_id,
                                     figure.horizon_years, id, error)))
    {
      refused = LP_FIELD_HORIZON;
      goto refused;
    }
  if (!lp_plan_begin_write (plan, error))
    return 0;
  ok = TRUE;
  if (new_name != NULL)
    ok = (pathway_id = lp_pathway_insert_pathway (plan, form->new_category, new_name, error)) != 0;
  /* An edit keeps the change's id: the row chosen stays chosen. */
  if (ok)
    {
      saved = id != 0 ? id : lp_id_new ();
      ok = lp_pathway_insert_with_id (plan, saved, scenario_id, pathway_id, form->level, locality_id,
                                      form->period, &figure, error);
    }
  if (!lp_pathway_finish_write (plan, ok, error))
    return 0;
  return saved;

refused:
  if (bad_field != NULL)
    *bad_field = refused;
  return 0;
}
