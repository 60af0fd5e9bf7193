/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Entering the extended access inputs (see lp-access-edit.h): the
 * trajectory, the capacity rules and a practice's planned provision, each
 * read from what was typed and saved in one transaction. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-access-edit.h"
#include "lp-access.h"
#include "lp-format.h"
#include "lp-pcn-access.h"
#include "lp-population-base.h"
#include "lp-plan-private.h"
#include "lp-plan-settings.h"
#include "lp-validate.h"

static gboolean
lp_access_fail (const char **bad_field,
                const char  *field)
{
  if (bad_field != NULL)
    *bad_field = field;
  return FALSE;
}

/* "July 2018" for "2018-07-01", in the user's language. */
static char *
lp_access_month_words (const char *first_day)
{
  unsigned year = 0, month = 0;
  g_autoptr(GDateTime) date = NULL;

  if (sscanf (first_day, "%4u-%2u", &year, &month) != 2 || month < 1 || month > 12)
    return g_strdup (first_day);
  date = g_date_time_new_utc ((int) year, (int) month, 1, 0, 0, 0);
  return g_date_time_format (date, "%B %Y");
}

void
lp_access_target_row_free (LpAccessTargetRow *row)
{
  if (row == NULL)
    return;
  g_free (row->period);
  g_free (row);
}

void
lp_capacity_rule_row_free (LpCapacityRuleRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->population_base);
  g_free (row);
}

/* ---- The trajectory ---------------------------------------------------- */

static int
lp_access_target_compare (gconstpointer a,
                          gconstpointer b)
{
  const LpAccessTargetRow *left = *(LpAccessTargetRow *const *) a;
  const LpAccessTargetRow *right = *(LpAccessTargetRow *const *) b;

  return strcmp (left->month, right->month);
}

/* The base scenario's points of one trajectory (@locality_id 0: the
 * plan's), or the one point @only_id whichever it belongs to, placed as
 * lp-access-data.c places them: by their words when those read as a
 * period. */
static GPtrArray *
lp_access_read_targets (LpPlan   *plan,
                        gint64    locality_id,
                        gint64    only_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) lp_access_target_row_free);
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT id, label, substr (period_month, 1, 7), target_bp, ifnull (locality_id, 0) FROM access_trajectory "
      "WHERE scenario_id = ?1 AND (?2 = 0 AND ifnull (locality_id, 0) = ?3 OR id = ?2)", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, lp_plan_get_base_scenario_id (plan));
  sqlite3_bind_int64 (stmt, 2, only_id);
  sqlite3_bind_int64 (stmt, 3, locality_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LpAccessTargetRow *row = g_new0 (LpAccessTargetRow, 1);
      g_autofree char *parsed = NULL;

      row->id = sqlite3_column_int64 (stmt, 0);
      row->period = g_strdup (lp_stmt_column_text (stmt, 1));
      parsed = lp_access_parse_period (row->period, NULL);
      g_strlcpy (row->month, parsed != NULL ? parsed : lp_stmt_column_text (stmt, 2), sizeof row->month);
      row->target_bp = sqlite3_column_int64 (stmt, 3);
      row->locality_id = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  g_ptr_array_sort (rows, lp_access_target_compare);
  return g_steal_pointer (&rows);
}

/**
 * lp_plan_list_access_targets:
 *
 * @locality_id: a locality, or 0 for the whole plan
 *
 * Returns: (transfer full) (element-type LpAccessTargetRow): the points
 *   of the plan's trajectory, or of the locality's own (none where it
 *   follows the plan's), by the month each applies from
 */
GPtrArray *
lp_plan_list_access_targets (LpPlan  *plan,
                             gint64   locality_id,
                             GError **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  return lp_access_read_targets (plan, locality_id, 0, error);
}

/**
 * lp_plan_get_access_target:
 *
 * Returns: (transfer full): the point, or %NULL with @error set
 */
LpAccessTargetRow *
lp_plan_get_access_target (LpPlan  *plan,
                           gint64   id,
                           GError **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  if ((rows = lp_access_read_targets (plan, 0, id, error)) == NULL)
    return NULL;
  if (id == 0 || rows->len == 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                        _("The trajectory target no longer exists")), NULL;
  return g_ptr_array_steal_index (rows, 0);
}

/* A second point from the same month in one trajectory would leave one
 * of them unused. */
static gboolean
lp_access_check_unique_month (LpPlan      *plan,
                              gint64       id,
                              gint64       locality_id,
                              const char  *first_day,
                              GError     **error)
{
  g_autoptr(GPtrArray) rows = lp_access_read_targets (plan, locality_id, 0, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const LpAccessTargetRow *row = g_ptr_array_index (rows, i);
      g_autofree char *month = NULL;

      if (row->id == id || strncmp (row->month, first_day, 7) != 0)
        continue;
      month = lp_access_month_words (first_day);
      return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT,
                          _("The trajectory already has a target from %s (“%s”): edit that one instead"),
                          month, row->period), FALSE;
    }
  return TRUE;
}

/* A quarter typed without its year ("Q2 (August)") is the plan year's:
 * the words stored are the whole period, "2018/19 Q2 (August)", so that
 * they read the same once the plan's year changes. */
static char *
lp_access_period_in_plan_year (LpPlan     *plan,
                               const char *period)
{
  g_autofree char *year = NULL;
  unsigned first, next;
  char tail;

  if ((period[0] != 'Q' && period[0] != 'q') || !g_ascii_isdigit (period[1]))
    return NULL;
  year = lp_plan_dup_info (plan, "financial_year");
  if (year == NULL || sscanf (year, "%4u/%2u%c", &first, &next, &tail) != 2)
    return NULL;
  return g_strdup_printf ("%04u/%02u Q%s", first, next, period + 1);
}

/* @saving: refuse a period before the plan too; only when saving, so that
 * the dialog still says which month such a period reads as, and the slip
 * can be seen. */
static gboolean
lp_access_read_target_form (LpPlan                    *plan,
                            const LpAccessTargetForm  *form,
                            gboolean                   saving,
                            char                     **label,
                            char                     **first_day,
                            gint64                    *target_bp,
                            const char               **bad_field,
                            GError                   **error)
{
  g_autofree char *period = g_strstrip (g_strdup (form->period != NULL ? form->period : ""));
  g_autofree char *target = g_strstrip (g_strdup (form->target != NULL ? form->target : ""));
  g_autofree char *in_plan_year = NULL;

  if (period[0] == '\0')
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("Type the period, such as 2018/19 Q3 or July 2018")),
           lp_access_fail (bad_field, LP_FIELD_PERIOD);
  if ((in_plan_year = lp_access_period_in_plan_year (plan, period)) != NULL)
    {
      g_free (period);
      period = g_steal_pointer (&in_plan_year);
    }
  if ((*first_day = lp_access_parse_period (period, error)) == NULL)
    return lp_access_fail (bad_field, LP_FIELD_PERIOD);
  if (saving && !lp_plan_check_date_in_plan (plan, *first_day, _("Applies from"), error))
    {
      g_clear_pointer (first_day, g_free);
      return lp_access_fail (bad_field, LP_FIELD_PERIOD);
    }
  if (!lp_parse_percent_bp (_("The target"), form->target, target_bp, error))
    return lp_access_fail (bad_field, LP_FIELD_TARGET);
  if (*target_bp < 0 || *target_bp > 10000)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("The target must be 0 to 100 %%, not “%s”"), target),
           lp_access_fail (bad_field, LP_FIELD_TARGET);
  *label = g_steal_pointer (&period);
  return TRUE;
}

/**
 * lp_plan_read_access_period:
 *
 * Returns: (transfer full): the first day of the month a period as typed
 *   applies from, reading a quarter without its year as the plan year's,
 *   or %NULL with @error saying why it does not read
 */
char *
lp_plan_read_access_period (LpPlan      *plan,
                            const char  *typed,
                            GError     **error)
{
  LpAccessTargetForm form = { typed, "0" };
  g_autofree char *label = NULL;
  char *first_day = NULL;
  gint64 target_bp;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  if (!lp_access_read_target_form (plan, &form, FALSE, &label, &first_day, &target_bp, NULL, error))
    return NULL;
  return first_day;
}

/* The locality a new point is for must still be there. */
static gboolean
lp_access_check_locality (LpPlan      *plan,
                          gint64       locality_id,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  if (locality_id == 0)
    return TRUE;
  if ((stmt = lp_plan_prepare (plan, "SELECT 1 FROM locality WHERE id = ?1", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, locality_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND, _("The locality no longer exists"));
  return found;
}

/**
 * lp_plan_save_access_target_form:
 * @id: the point to change, or 0 to add one
 * @locality_id: for a new point, the locality whose own trajectory it is
 *   part of, or 0 for the plan's; an edited point stays where it is
 *
 * Returns: the point's id, or 0 with @error set and nothing saved
 */
gint64
lp_plan_save_access_target_form (LpPlan                    *plan,
                                 gint64                     id,
                                 gint64                     locality_id,
                                 const LpAccessTargetForm  *form,
                                 const char               **bad_field,
                                 GError                   **error)
{
  g_autofree char *label = NULL;
  g_autofree char *first_day = NULL;
  gint64 target_bp = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan), 0);
  g_return_val_if_fail (form != NULL, 0);

  if (!lp_access_read_target_form (plan, form, TRUE, &label, &first_day, &target_bp, bad_field, error))
    return 0;
  if (!lp_plan_begin_write (plan, error))
    return 0;
  if (id != 0)
    {
      g_autoptr(LpAccessTargetRow) old = lp_plan_get_access_target (plan, id, error);

      if (old == NULL)
        return lp_plan_rollback (plan), 0;
      locality_id = old->locality_id;
    }
  else if (!lp_access_check_locality (plan, locality_id, error))
    return lp_plan_rollback (plan), 0;
  if (!lp_access_check_unique_month (plan, id, locality_id, first_day, error))
    return lp_plan_rollback (plan), lp_access_fail (bad_field, LP_FIELD_PERIOD), 0;
  if (id == 0)
    {
      id = lp_id_new ();
      stmt = lp_plan_prepare (plan,
          "INSERT INTO access_trajectory (id, scenario_id, locality_id, label, period_month, target_bp) "
          "VALUES (?1, ?2, nullif (?6, 0), ?3, ?4, ?5)", error);
    }
  else
    stmt = lp_plan_prepare (plan,
        "UPDATE access_trajectory SET label = ?3, period_month = ?4, target_bp = ?5 "
        "WHERE id = ?1 AND scenario_id = ?2 AND ifnull (locality_id, 0) = ?6", error);
  if (stmt == NULL)
    return lp_plan_rollback (plan), 0;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, lp_plan_get_base_scenario_id (plan));
  lp_stmt_bind_text (stmt, 3, label);
  lp_stmt_bind_text (stmt, 4, first_day);
  sqlite3_bind_int64 (stmt, 5, target_bp);
  sqlite3_bind_int64 (stmt, 6, locality_id);
  if (!lp_stmt_run (plan, stmt, _("save the trajectory target"), error))
    return lp_plan_rollback (plan), 0;
  if (!lp_plan_commit (plan, error))
    return 0;
  lp_plan_emit_changed (plan, "access_trajectory");
  return id;
}

gboolean
lp_plan_delete_access_target (LpPlan  *plan,
                              gint64   id,
                              GError **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  return lp_plan_delete_row (plan, "DELETE FROM access_trajectory WHERE id = ?1", id, "access_trajectory",
                             _("delete the trajectory target"), _("The trajectory target no longer exists"),
                             error);
}

/**
 * lp_plan_clear_locality_trajectory:
 *
 * Removes the base scenario's points of the locality's own trajectory,
 * so that it follows the plan's again.
 *
 * Returns: %FALSE with @error set, and nothing changed, if it had none
 */
gboolean
lp_plan_clear_locality_trajectory (LpPlan  *plan,
                                   gint64   locality_id,
                                   GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (locality_id != 0, FALSE);

  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  stmt = lp_plan_prepare (plan, "DELETE FROM access_trajectory WHERE scenario_id = ?1 AND locality_id = ?2", error);
  if (stmt == NULL)
    return lp_plan_rollback (plan), FALSE;
  sqlite3_bind_int64 (stmt, 1, lp_plan_get_base_scenario_id (plan));
  sqlite3_bind_int64 (stmt, 2, locality_id);
  if (!lp_stmt_run (plan, stmt, _("remove the locality’s own trajectory"), error))
    return lp_plan_rollback (plan), FALSE;
  if (sqlite3_changes (lp_plan_get_db (plan)) == 0)
    {
      lp_plan_rollback (plan);
      return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                          _("The locality already follows the plan’s trajectory")), FALSE;
    }
  if (!lp_plan_commit (plan, error))
    return FALSE;
  lp_plan_emit_changed (plan, "access_trajectory");
  return TRUE;
}

/* ---- Capacity rules ---------------------------------------------------- */

static GPtrArray *
lp_access_read_rules (LpPlan   *plan,
                      gint64    only_id,
                      GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) lp_capacity_rule_row_free);
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT id, name, start_date, minutes_per_1000, round_to_quarter_hour, applies_to = 'pcn', "
      "population_base FROM capacity_rule WHERE ?1 = 0 OR id = ?1 ORDER BY start_date, name", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LpCapacityRuleRow *row = g_new0 (LpCapacityRuleRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->name = g_strdup (lp_stmt_column_text (stmt, 1));
      g_strlcpy (row->start_date, lp_stmt_column_text (stmt, 2), sizeof row->start_date);
      row->minutes_per_1000 = sqlite3_column_double (stmt, 3);
      row->round_to_quarter_hour = sqlite3_column_int (stmt, 4) != 0;
      row->per_pcn = sqlite3_column_int (stmt, 5) != 0;
      row->population_base = g_strdup (lp_stmt_column_text (stmt, 6));
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

/**
 * lp_plan_list_capacity_rules:
 *
 * Returns: (transfer full) (element-type LpCapacityRuleRow): by start date
 */
GPtrArray *
lp_plan_list_capacity_rules (LpPlan  *plan,
                             GError **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  return lp_access_read_rules (plan, 0, error);
}

LpCapacityRuleRow *
lp_plan_get_capacity_rule (LpPlan  *plan,
                           gint64   id,
                           GError **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  if ((rows = lp_access_read_rules (plan, id, error)) == NULL)
    return NULL;
  if (id == 0 || rows->len == 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                        _("The capacity rule no longer exists")), NULL;
  return g_ptr_array_steal_index (rows, 0);
}

static gboolean
lp_access_check_rule_name (LpPlan      *plan,
                           gint64       id,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(GPtrArray) rows = lp_access_read_rules (plan, 0, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const LpCapacityRuleRow *row = g_ptr_array_index (rows, i);

      if (row->id != id && g_utf8_collate (row->name, name) == 0)
        return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT,
                            _("There is already a capacity rule named “%s”"), name), FALSE;
    }
  return TRUE;
}

/* A PCN rule's base: registered patients, or weights the plan holds
 * (an imported PCN adjusted population); an age band is not what the
 * contract counts. */
static char *
lp_access_read_rule_base (LpPlan      *plan,
                          const char  *typed,
                          GError     **error)
{
  g_autoptr(LpPopulationBase) base = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (lp_text_is_blank (typed))
    return g_strdup (LP_POPULATION_BASE_REGISTERED);
  if ((base = lp_population_base_parse (typed, error)) == NULL)
    return NULL;
  if (base->kind == LP_POPULATION_BASE_KIND_REGISTERED)
    return g_strdup (base->name);
  if (base->kind != LP_POPULATION_BASE_KIND_WEIGHTED)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("A rule for primary care networks counts registered patients or a weighted "
                          "population such as the PCN adjusted population, not “%s”"), base->name), NULL;
  if ((stmt = lp_plan_prepare (plan, "SELECT 1 FROM population_weights WHERE name = ?1", error)) == NULL)
    return NULL;
  lp_stmt_bind_text (stmt, 1, base->weights);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("The plan has no weighted population called “%s”: import the PCN adjusted "
                          "populations first"), base->weights), NULL;
  if (rc != SQLITE_ROW)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the weighted populations")), NULL;
  return g_strdup (base->name);
}

/**
 * lp_plan_list_pcn_rule_bases:
 *
 * Returns: (transfer full): %NULL-terminated, "registered" first
 */
char **
lp_plan_list_pcn_rule_bases (LpPlan  *plan,
                             GError **error)
{
  g_autoptr(GStrvBuilder) bases = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  stmt = lp_plan_prepare (plan, "SELECT name FROM population_weights ORDER BY kind = 'imported' DESC, name", error);
  if (stmt == NULL)
    return NULL;
  g_strv_builder_add (bases, LP_POPULATION_BASE_REGISTERED);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *base = g_strconcat ("weighted ", lp_stmt_column_text (stmt, 0), NULL);

      g_strv_builder_add (bases, base);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the weighted populations")), NULL;
  return g_strv_builder_end (bases);
}

static gboolean
lp_access_read_rule_form (LpPlan                    *plan,
                          const LpCapacityRuleForm  *form,
                          char                     **name,
                          char                     **start,
                          double                    *minutes,
                          gboolean                  *quarter_hour,
                          gboolean                  *per_pcn,
                          char                     **base,
                          const char               **bad_field,
                          GError                   **error)
{
  const char *rounding = form->rounding != NULL ? form->rounding : LP_ROUNDING_EXACT;
  const char *applies = form->applies_to != NULL ? form->applies_to : LP_CAPACITY_APPLIES_PRACTICE;

  if (!lp_validate_text (_("The rule’s name"), form->name, TRUE, LP_NAME_MAX_CHARS, error))
    return lp_access_fail (bad_field, LP_FIELD_NAME);
  if ((*start = lp_parse_date (_("Start date"), form->start_date, error)) == NULL ||
      !lp_plan_check_date_in_plan (plan, *start, _("Start date"), error))
    return lp_access_fail (bad_field, LP_FIELD_START_DATE);
  if (!lp_parse_decimal_grouped (_("Minutes per 1,000 patients"), form->minutes_per_1000, 0, minutes, error))
    return lp_access_fail (bad_field, LP_FIELD_MINUTES_PER_1000);
  if (*minutes <= 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("Minutes per 1,000 patients must be more than 0")),
           lp_access_fail (bad_field, LP_FIELD_MINUTES_PER_1000);
  if (strcmp (rounding, LP_ROUNDING_EXACT) != 0 && strcmp (rounding, LP_ROUNDING_QUARTER_HOUR) != 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("Choose how the minutes are rounded")), lp_access_fail (bad_field, LP_FIELD_ROUNDING);
  *quarter_hour = strcmp (rounding, LP_ROUNDING_QUARTER_HOUR) == 0;
  if (strcmp (applies, LP_CAPACITY_APPLIES_PRACTICE) != 0 && strcmp (applies, LP_CAPACITY_APPLIES_PCN) != 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("Choose whether the rule applies to practices or to primary care networks")),
           lp_access_fail (bad_field, LP_FIELD_APPLIES_TO);
  *per_pcn = strcmp (applies, LP_CAPACITY_APPLIES_PCN) == 0;
  *base = *per_pcn ? lp_access_read_rule_base (plan, form->population_base, error)
                   : g_strdup (LP_POPULATION_BASE_REGISTERED);
  if (*base == NULL)
    return lp_access_fail (bad_field, LP_FIELD_POPULATION_BASE);
  *name = g_strstrip (g_strdup (form->name));
  return TRUE;
}

/**
 * lp_plan_save_capacity_rule_form:
 * @id: the rule to change, or 0 to add one
 *
 * Returns: the rule's id, or 0 with @error set and nothing saved
 */
gint64
lp_plan_save_capacity_rule_form (LpPlan                    *plan,
                                 gint64                     id,
                                 const LpCapacityRuleForm  *form,
                                 const char               **bad_field,
                                 GError                   **error)
{
  g_autofree char *name = NULL;
  g_autofree char *start = NULL;
  g_autofree char *base = NULL;
  double minutes = 0;
  gboolean quarter_hour = FALSE, per_pcn = FALSE;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan), 0);
  g_return_val_if_fail (form != NULL, 0);

  if (!lp_access_read_rule_form (plan, form, &name, &start, &minutes, &quarter_hour, &per_pcn, &base,
                                 bad_field, error))
    return 0;
  if (!lp_plan_begin_write (plan, error))
    return 0;
  if (id != 0)
    {
      g_autoptr(LpCapacityRuleRow) old = lp_plan_get_capacity_rule (plan, id, error);

      if (old == NULL)
        return lp_plan_rollback (plan), 0;
    }
  if (!lp_access_check_rule_name (plan, id, name, error))
    return lp_plan_rollback (plan), lp_access_fail (bad_field, LP_FIELD_NAME), 0;
  if (id == 0)
    {
      id = lp_id_new ();
      stmt = lp_plan_prepare (plan,
          "INSERT INTO capacity_rule (id, name, start_date, minutes_per_1000, round_to_quarter_hour, "
          "applies_to, population_base) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
    }
  else
    stmt = lp_plan_prepare (plan,
        "UPDATE capacity_rule SET name = ?2, start_date = ?3, minutes_per_1000 = ?4, "
        "round_to_quarter_hour = ?5, applies_to = ?6, population_base = ?7 WHERE id = ?1", error);
  if (stmt == NULL)
    return lp_plan_rollback (plan), 0;
  sqlite3_bind_int64 (stmt, 1, id);
  lp_stmt_bind_text (stmt, 2, name);
  lp_stmt_bind_text (stmt, 3, start);
  sqlite3_bind_double (stmt, 4, minutes);
  sqlite3_bind_int (stmt, 5, quarter_hour ? 1 : 0);
  lp_stmt_bind_text (stmt, 6, per_pcn ? LP_CAPACITY_APPLIES_PCN : LP_CAPACITY_APPLIES_PRACTICE);
  lp_stmt_bind_text (stmt, 7, base);
  if (!lp_stmt_run (plan, stmt, _("save the capacity rule"), error))
    return lp_plan_rollback (plan), 0;
  if (!lp_plan_commit (plan, error))
    return 0;
  lp_plan_emit_changed (plan, "capacity_rule");
  return id;
}

gboolean
lp_plan_delete_capacity_rule (LpPlan  *plan,
                              gint64   id,
                              GError **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  return lp_plan_delete_row (plan, "DELETE FROM capacity_rule WHERE id = ?1", id, "capacity_rule",
                             _("delete the capacity rule"), _("The capacity rule no longer exists"), error);
}

/* ---- A practice's provision -------------------------------------------- */

/* The planned row a practice's go-live date comes from: its first that
 * provides anything, else its first. */
typedef struct {
  gint64  id;               /* 0: the practice has no planned provision */
  char    start[11];
  char    end[11];          /* "": runs on */
  char    level[8];
  gint64  minutes;
} LpAccessPlanRow;

static gboolean
lp_access_read_plan_row (LpPlan           *plan,
                         gint64            scenario_id,
                         gint64            practice_id,
                         LpAccessPlanRow  *row,
                         GError          **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT id, start_date, ifnull (end_date, ''), level, minutes_per_week FROM access_provision "
      "WHERE scenario_id = ?1 AND practice_id = ?2 AND basis = 'plan' "
      "ORDER BY level = 'none', start_date LIMIT 1", error);

  memset (row, 0, sizeof *row);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  sqlite3_bind_int64 (stmt, 2, practice_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      row->id = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (row->start, lp_stmt_column_text (stmt, 1), sizeof row->start);
      g_strlcpy (row->end, lp_stmt_column_text (stmt, 2), sizeof row->end);
      g_strlcpy (row->level, lp_stmt_column_text (stmt, 3), sizeof row->level);
      row->minutes = sqlite3_column_int64 (stmt, 4);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* "full", "partial" or "none", in English or as the view shows them
 * ("Full" in the user's language). */
static const char *
lp_access_read_level (const char  *typed,
                      GError     **error)
{
  static const char *const levels[] = { "full", "partial", "none" };
  const char *words[] = { _("Full"), _("Partial"), _("None") };
  g_autofree char *trimmed = g_strstrip (g_strdup (typed != NULL ? typed : ""));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autofree char *word = g_utf8_casefold (words[i], -1);

      if (strcmp (folded, levels[i]) == 0 || strcmp (folded, word) == 0)
        return levels[i];
    }
  return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                      _("The level must be full, partial or none, not “%s”"), trimmed), NULL;
}

/* Reads what was typed into @row's @field; FALSE with @error when it does
 * not read or leaves the row impossible. */
static gboolean
lp_access_apply_typed (LpPlan           *plan,
                       LpAccessPlanRow  *row,
                       const char       *field,
                       const char       *typed,
                       GError          **error)
{
  g_autofree char *date = NULL;
  const char *level;

  if (strcmp (field, LP_FIELD_GO_LIVE) == 0)
    {
      if ((date = lp_parse_date (_("Go-live date"), typed, error)) == NULL ||
          !lp_plan_check_date_in_plan (plan, date, _("Go-live date"), error))
        return FALSE;
      g_strlcpy (row->start, date, sizeof row->start);
      if (row->level[0] == '\0' || row->id == 0)
        g_strlcpy (row->level, "full", sizeof row->level);
    }
  else if (row->id == 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("Type the practice’s go-live date first")), FALSE;
  else if (strcmp (field, LP_FIELD_END_DATE) == 0)
    {
      if (lp_text_is_blank (typed))
        row->end[0] = '\0';
      else if ((date = lp_parse_date (_("End date"), typed, error)) == NULL ||
               !lp_plan_check_date_in_plan (plan, date, _("End date"), error))
        return FALSE;
      else
        g_strlcpy (row->end, date, sizeof row->end);
    }
  else if (strcmp (field, LP_FIELD_LEVEL) == 0)
    {
      if ((level = lp_access_read_level (typed, error)) == NULL)
        return FALSE;
      g_strlcpy (row->level, level, sizeof row->level);
    }
  else if (strcmp (field, LP_FIELD_MINUTES) == 0)
    {
      if (!lp_parse_count (_("Minutes a week"), typed, &row->minutes, error))
        return FALSE;
    }
  else
    g_return_val_if_reached (FALSE);
  if (row->end[0] != '\0' && strcmp (row->end, row->start) < 0)
    {
      g_autofree char *end = lp_format_date (row->end);
      g_autofree char *start = lp_format_date (row->start);

      return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                          _("The end date, %s, is before the go-live date, %s"), end, start), FALSE;
    }
  return TRUE;
}

static gboolean
lp_access_write_plan_row (LpPlan                *plan,
                          gint64                 scenario_id,
                          gint64                 practice_id,
                          const LpAccessPlanRow *row,
                          GError               **error)
{
  sqlite3_stmt *stmt;

  if (row->id == 0)
    stmt = lp_plan_prepare (plan,
        "INSERT INTO access_provision (id, scenario_id, practice_id, basis, start_date, end_date, level, "
        "minutes_per_week) VALUES (?1, ?2, ?3, 'plan', ?4, ?5, ?6, ?7)", error);
  else
    stmt = lp_plan_prepare (plan,
        "UPDATE access_provision SET start_date = ?4, end_date = ?5, level = ?6, minutes_per_week = ?7 "
        "WHERE id = ?1 AND scenario_id = ?2 AND practice_id = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->id != 0 ? row->id : lp_id_new ());
  sqlite3_bind_int64 (stmt, 2, scenario_id);
  sqlite3_bind_int64 (stmt, 3, practice_id);
  lp_stmt_bind_text (stmt, 4, row->start);
  lp_stmt_bind_text (stmt, 5, row->end[0] != '\0' ? row->end : NULL);
  lp_stmt_bind_text (stmt, 6, row->level);
  sqlite3_bind_int64 (stmt, 7, row->minutes);
  return lp_stmt_run (plan, stmt, _("change the practice’s access plan"), error);
}

/**
 * lp_plan_enter_access_provision:
 *
 * An empty go-live date removes the practice's planned provision in the
 * scenario; any other field changes the planned row the go-live date comes
 * from and leaves the rest as they are.
 */
gboolean
lp_plan_enter_access_provision (LpPlan      *plan,
                                gint64       scenario_id,
                                gint64       practice_id,
                                const char  *field,
                                const char  *typed,
                                GError     **error)
{
  LpAccessPlanRow row;
  sqlite3_stmt *clear;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (scenario_id == 0)
    scenario_id = lp_plan_get_base_scenario_id (plan);
  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  if (!lp_access_read_plan_row (plan, scenario_id, practice_id, &row, error))
    return lp_plan_rollback (plan), FALSE;
  if (strcmp (field, LP_FIELD_GO_LIVE) == 0 && lp_text_is_blank (typed))
    {
      clear = lp_plan_prepare (plan, "DELETE FROM access_provision WHERE scenario_id = ?1 AND practice_id = ?2 "
                                     "AND basis = 'plan'", error);
      if (clear == NULL)
        return lp_plan_rollback (plan), FALSE;
      sqlite3_bind_int64 (clear, 1, scenario_id);
      sqlite3_bind_int64 (clear, 2, practice_id);
      if (!lp_stmt_run (plan, clear, _("change the practice’s access plan"), error))
        return lp_plan_rollback (plan), FALSE;
    }
  else if (!lp_access_apply_typed (plan, &row, field, typed, error) ||
           !lp_access_write_plan_row (plan, scenario_id, practice_id, &row, error))
    return lp_plan_rollback (plan), FALSE;
  if (!lp_plan_commit (plan, error))
    return FALSE;
  lp_plan_emit_changed (plan, "access_provision");
  return TRUE;
}
