/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A scenario's pathway changes and apportionment weights (see
 * lp-pathway.h). */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lp-pathway.h"
#include "lp-plan-private.h"
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

static gint64
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
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "INSERT INTO pathway_change (id, scenario_id, pathway_id, level, locality_id, horizon_years, "
      "period, activity, bed_days) VALUES (?1, ?2, ?3, ?4, nullif (?5, 0), ?6, ?7, ?8, ?9)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, lp_id_new ());
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
