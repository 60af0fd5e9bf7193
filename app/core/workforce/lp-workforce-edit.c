/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The workforce inputs a user types: targets, a practice's baseline FTE
 * by hand, each role's turnover and joiner rates and the reference
 * figures (see lp-workforce.h).  Every figure and date is read here, so
 * that the editors parse nothing; each save is one transaction. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-locality.h"
#include "lp-plan-private.h"
#include "lp-plan-settings.h"
#include "lp-practice.h"
#include "lp-validate.h"
#include "lp-workforce-private.h"

static gboolean
lp_wf_refuse (const char  **bad_field,
              const char   *field)
{
  if (bad_field != NULL)
    *bad_field = field;
  return FALSE;
}

static gboolean
lp_wf_invalid (GError     **error,
               const char  *format,
               ...) G_GNUC_PRINTF (2, 3);

static gboolean
lp_wf_invalid (GError     **error,
               const char  *format,
               ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID, message);
  return FALSE;
}

void
lp_workforce_target_free (LpWorkforceTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->staff);
  g_free (target->staff_name);
  g_free (target->level);
  g_free (target->applies_to);
  g_free (target->due);
  g_free (target->label);
  g_free (target);
}

/* Whether @code is a staff group (TRUE in *is_group) or a role. */
static gboolean
lp_wf_staff_kind (LpPlan      *plan,
                  const char  *code,
                  gboolean    *is_group)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT 1 FROM staff_group WHERE code = ?1 UNION ALL SELECT 0 FROM staff_role WHERE code = ?1", NULL);
  gboolean found = FALSE;

  if (stmt == NULL || code == NULL)
    return FALSE;
  lp_stmt_bind_text (stmt, 1, code);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      *is_group = sqlite3_column_int (stmt, 0) != 0;
    }
  sqlite3_reset (stmt);
  return found;
}

/**
 * lp_workforce_parse_due:
 *
 * A date, or a quarter of the financial year ("2019/20 Q4") read as its
 * last day, which is how the plan's targets hold them.
 *
 * Returns: (transfer full): YYYY-MM-DD, or %NULL with @error set
 */
static char *
lp_wf_parse_due (const char  *text,
                 GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  static const char *const quarter_ends[] = { "06-30", "09-30", "12-31", "03-31" };
  guint year, next, quarter;
  char q, tail;

  /* "2019/20 Q4", as the view labels quarters, or "Q4 2019/20". */
  if ((sscanf (trimmed, "%4u/%2u %c%u%c", &year, &next, &q, &quarter, &tail) == 4 ||
       sscanf (trimmed, "%c%u %4u/%2u%c", &q, &quarter, &year, &next, &tail) == 4) && (q == 'Q' || q == 'q'))
    {
      if (next != (year + 1) % 100 || quarter < 1 || quarter > 4 || year < 1900)
        return lp_wf_invalid (error, _("“%s” is not a quarter of a financial year, such as 2019/20 Q4"),
                              trimmed), NULL;
      return g_strdup_printf ("%04u-%s", quarter == 4 ? year + 1 : year, quarter_ends[quarter - 1]);
    }
  if (lp_text_is_blank (trimmed))
    return lp_wf_invalid (error, _("Type the date the target is due by, such as 31/03/2020 or 2019/20 Q4")), NULL;
  {
    char *iso = lp_parse_date ("", trimmed, NULL);

    if (iso == NULL)
      return lp_wf_invalid (error, _("“%s” is not a date (use DD/MM/YYYY, or a quarter such as 2019/20 Q4)"),
                            trimmed), NULL;
    return iso;
  }
}

/* Where a target applies: blank or "CCG" for the whole CCG. */
static gboolean
lp_wf_parse_applies_to (LpPlan      *plan,
                        const char  *text,
                        const char **level,
                        gint64      *locality_id,
                        gint64      *practice_id,
                        GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  *locality_id = *practice_id = 0;
  if (trimmed[0] == '\0' || g_ascii_strcasecmp (trimmed, "CCG") == 0)
    return *level = "ccg", TRUE;
  if ((*locality_id = lp_plan_find_locality (plan, trimmed)) != 0)
    return *level = "locality", TRUE;
  if ((*practice_id = lp_plan_find_practice (plan, trimmed)) != 0)
    return *level = "practice", TRUE;
  return lp_wf_invalid (error, _("The plan has no locality or practice “%s”: type a locality’s name, a "
                                 "practice’s code, or CCG for the whole CCG"), trimmed);
}

/* A signed FTE: "+4", "-1.5". */
static gboolean
lp_wf_parse_change (const char  *text,
                    double      *change,
                    GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *number = trimmed[0] == '+' ? trimmed + 1 : trimmed;

  if (!lp_parse_decimal (_("The FTE change"), number, -G_MAXDOUBLE, change, error))
    return FALSE;
  if (*change == 0)
    return lp_wf_invalid (error, _("The FTE change must not be 0: type the FTE to add, such as 4, or to lose, "
                                   "such as -2"));
  return TRUE;
}

gint64
lp_plan_save_workforce_target_form (LpPlan                       *plan,
                                    gint64                        id,
                                    const LpWorkforceTargetForm  *form,
                                    const char                  **bad_field,
                                    GError                      **error)
{
  g_autofree char *due = NULL;
  const char *level = NULL;
  gint64 locality_id, practice_id;
  gboolean is_group = FALSE;
  double change;
  sqlite3_stmt *stmt;
  gint64 row_id = id != 0 ? id : lp_id_new ();

  g_return_val_if_fail (LP_IS_PLAN (plan) && form != NULL, 0);

  if (bad_field != NULL)
    *bad_field = NULL;
  if (!lp_wf_staff_kind (plan, form->staff, &is_group))
    return lp_wf_invalid (error, _("Choose the staff group or role the target is for")),
           lp_wf_refuse (bad_field, LP_FIELD_WF_STAFF);
  if (!lp_wf_parse_applies_to (plan, form->applies_to, &level, &locality_id, &practice_id, error))
    return lp_wf_refuse (bad_field, LP_FIELD_WF_APPLIES_TO);
  if (!lp_wf_parse_change (form->fte_change, &change, error))
    return lp_wf_refuse (bad_field, LP_FIELD_WF_FTE_CHANGE);
  if ((due = lp_wf_parse_due (form->due, error)) == NULL ||
      !lp_plan_check_date_in_plan (plan, due, _("By date"), error))
    return lp_wf_refuse (bad_field, LP_FIELD_WF_DUE);
  if (!lp_validate_text (_("Label"), form->label, FALSE, LP_NAME_MAX_CHARS, error))
    return lp_wf_refuse (bad_field, LP_FIELD_WF_LABEL);
  if (!lp_plan_begin_write (plan, error))
    return 0;
  stmt = lp_plan_prepare (plan, id == 0
      ? "INSERT INTO workforce_target (id, scenario_id, level, locality_id, practice_id, staff_group, role, "
        "fte_change, due_date, label) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
      : "UPDATE workforce_target SET level = ?3, locality_id = ?4, practice_id = ?5, staff_group = ?6, "
        "role = ?7, fte_change = ?8, due_date = ?9, label = ?10 WHERE id = ?1", error);
  if (stmt == NULL)
    return lp_plan_rollback (plan), 0;
  sqlite3_bind_int64 (stmt, 1, row_id);
  sqlite3_bind_int64 (stmt, 2, lp_plan_get_base_scenario_id (plan));
  sqlite3_bind_text (stmt, 3, level, -1, SQLITE_STATIC);
  if (locality_id != 0)
    sqlite3_bind_int64 (stmt, 4, locality_id);
  else
    sqlite3_bind_null (stmt, 4);
  if (practice_id != 0)
    sqlite3_bind_int64 (stmt, 5, practice_id);
  else
    sqlite3_bind_null (stmt, 5);
  lp_stmt_bind_text (stmt, 6, is_group ? form->staff : NULL);
  lp_stmt_bind_text (stmt, 7, is_group ? NULL : form->staff);
  sqlite3_bind_double (stmt, 8, change);
  lp_stmt_bind_text (stmt, 9, due);
  {
    g_autofree char *label = g_strstrip (g_strdup (form->label != NULL ? form->label : ""));

    lp_stmt_bind_text (stmt, 10, label);
  }
  if (!lp_stmt_run (plan, stmt, _("save the workforce target"), error))
    return lp_plan_rollback (plan), 0;
  if (id != 0 && sqlite3_changes (lp_plan_get_db (plan)) == 0)
    {
      lp_plan_rollback (plan);
      g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND, _("The target no longer exists"));
      return 0;
    }
  if (!lp_plan_commit (plan, error))
    return 0;
  lp_plan_emit_changed (plan, "workforce_target");
  return row_id;
}

gboolean
lp_plan_delete_workforce_target (LpPlan  *plan,
                                 gint64   id,
                                 GError **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  return lp_plan_delete_row (plan, "DELETE FROM workforce_target WHERE id = ?1", id, "workforce_target",
                             _("delete the workforce target"), _("The target no longer exists"), error);
}

/**
 * lp_plan_list_workforce_targets:
 *
 * Returns: (transfer full) (element-type LpWorkforceTarget): by due date
 */
GPtrArray *
lp_plan_list_workforce_targets (LpPlan  *plan,
                                gint64   id,
                                GError **error)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) lp_workforce_target_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  stmt = lp_plan_prepare (plan,
      "SELECT t.id, coalesce (t.role, t.staff_group), coalesce (r.name, g.name), t.level, "
      "  CASE t.level WHEN 'locality' THEN l.name WHEN 'practice' THEN p.ods_code ELSE 'CCG' END, "
      "  t.fte_change, t.due_date, t.label "
      "FROM workforce_target AS t LEFT JOIN staff_role AS r ON r.code = t.role "
      "LEFT JOIN staff_group AS g ON g.code = t.staff_group LEFT JOIN locality AS l ON l.id = t.locality_id "
      "LEFT JOIN practice AS p ON p.id = t.practice_id "
      "WHERE t.scenario_id = ?1 AND (?2 = 0 OR t.id = ?2) ORDER BY t.due_date, t.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, lp_plan_get_base_scenario_id (plan));
  sqlite3_bind_int64 (stmt, 2, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LpWorkforceTarget *target = g_new0 (LpWorkforceTarget, 1);

      target->id = sqlite3_column_int64 (stmt, 0);
      target->staff = g_strdup (lp_stmt_column_text (stmt, 1));
      target->staff_name = g_strdup (lp_stmt_column_text (stmt, 2));
      target->level = g_strdup (lp_stmt_column_text (stmt, 3));
      target->applies_to = g_strdup (lp_stmt_column_text (stmt, 4));
      target->fte_change = sqlite3_column_double (stmt, 5);
      target->due = g_strdup (lp_stmt_column_text (stmt, 6));
      target->label = g_strdup (lp_stmt_column_text (stmt, 7));
      g_ptr_array_add (targets, target);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&targets);
}

gboolean
lp_plan_list_staff_choices (LpPlan  *plan,
                            GStrv   *codes,
                            GStrv   *names,
                            GError **error)
{
  g_autoptr(GStrvBuilder) code_list = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) name_list = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan) && codes != NULL && names != NULL, FALSE);

  stmt = lp_plan_prepare (plan,
      "SELECT code, name, sort_order, 0, 0 AS role_order FROM staff_group "
      "UNION ALL SELECT r.code, r.name, g.sort_order, 1, r.sort_order FROM staff_role AS r "
      "JOIN staff_group AS g ON g.code = r.staff_group ORDER BY 3, 4, 5", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_strv_builder_add (code_list, lp_stmt_column_text (stmt, 0));
      if (sqlite3_column_int (stmt, 3) == 0)
        {
          /* TRANSLATORS: a staff group in the target's choice of staff, "GPs (every role)" */
          g_autofree char *name = g_strdup_printf (_("%s (every role)"), lp_stmt_column_text (stmt, 1));

          g_strv_builder_add (name_list, name);
        }
      else
        g_strv_builder_add (name_list, lp_stmt_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  *codes = g_strv_builder_end (code_list);
  *names = g_strv_builder_end (name_list);
  return TRUE;
}

/* The date a figure typed by hand is for, when none is typed: that of the
 * plan's latest figures (so that it joins their baseline), else the
 * plan's reference date, else today. */
static char *
lp_wf_default_as_at (LpPlan *plan)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT coalesce ((SELECT max (as_at) FROM workforce_fte), "
      "  (SELECT date (value) FROM plan_info WHERE key = 'reference_date'), date ('now', 'localtime'))", NULL);
  char *as_at = NULL;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    as_at = g_strdup (lp_stmt_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return as_at;
}

static gboolean
lp_wf_role_exists (LpPlan     *plan,
                   const char *role)
{
  gboolean is_group = TRUE;

  return lp_wf_staff_kind (plan, role, &is_group) && !is_group;
}

gboolean
lp_plan_enter_baseline_fte (LpPlan       *plan,
                            const char   *practice_code,
                            const char   *role,
                            const char   *fte,
                            const char   *as_at,
                            const char  **bad_field,
                            GError      **error)
{
  g_autofree char *date = NULL;
  gint64 practice_id;
  double value;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  if (bad_field != NULL)
    *bad_field = NULL;
  if (lp_text_is_blank (practice_code))
    return lp_wf_invalid (error, _("Type the practice’s code, such as X06K01")),
           lp_wf_refuse (bad_field, LP_FIELD_WF_PRACTICE);
  if ((practice_id = lp_plan_find_practice (plan, practice_code)) == 0)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (practice_code));

      return lp_wf_invalid (error, _("The plan has no practice “%s”"), trimmed),
             lp_wf_refuse (bad_field, LP_FIELD_WF_PRACTICE);
    }
  if (!lp_wf_role_exists (plan, role))
    return lp_wf_invalid (error, _("Choose the role the FTE is for")), lp_wf_refuse (bad_field, LP_FIELD_WF_ROLE);
  if (lp_text_is_blank (fte))
    return lp_wf_invalid (error, _("Type the FTE, such as 10.0")), lp_wf_refuse (bad_field, LP_FIELD_WF_FTE);
  if (!lp_parse_decimal (_("FTE"), fte, 0, &value, error))
    return lp_wf_refuse (bad_field, LP_FIELD_WF_FTE);
  if (lp_text_is_blank (as_at))
    date = lp_wf_default_as_at (plan);
  else if ((date = lp_parse_date (_("As at"), as_at, error)) == NULL ||
           !lp_plan_check_date_in_plan (plan, date, _("As at"), error))
    return lp_wf_refuse (bad_field, LP_FIELD_WF_AS_AT);
  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  stmt = lp_plan_prepare (plan,
      "INSERT INTO workforce_fte (practice_id, role, as_at, fte, headcount, source) "
      "VALUES (?1, ?2, ?3, ?4, NULL, '" LP_WORKFORCE_SOURCE_HAND "') ON CONFLICT (practice_id, role, as_at) "
      "DO UPDATE SET fte = excluded.fte, headcount = NULL, source = excluded.source", error);
  if (stmt == NULL)
    return lp_plan_rollback (plan), FALSE;
  sqlite3_bind_int64 (stmt, 1, practice_id);
  lp_stmt_bind_text (stmt, 2, role);
  lp_stmt_bind_text (stmt, 3, date);
  sqlite3_bind_double (stmt, 4, value);
  if (!lp_stmt_run (plan, stmt, _("save the FTE"), error))
    return lp_plan_rollback (plan), FALSE;
  if (!lp_plan_commit (plan, error))
    return FALSE;
  lp_plan_emit_changed (plan, "workforce_fte");
  return TRUE;
}

/* A yearly rate of 0 to 100 %, in basis points. */
static gboolean
lp_wf_parse_rate (const char  *field,
                  const char  *text,
                  gint64      *bp,
                  GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (trimmed[0] == '\0')
    return *bp = 0, TRUE;
  if (!lp_parse_percent_bp (field, trimmed, bp, error))
    return FALSE;
  if (*bp < 0 || *bp > 10000)
    return lp_wf_invalid (error, _("%s must be 0 to 100 %%, not “%s”"), field, trimmed);
  return TRUE;
}

gboolean
lp_plan_enter_workforce_rates (LpPlan       *plan,
                               gint64        scenario_id,
                               const char   *role,
                               const char   *turnover,
                               const char   *joiners,
                               const char  **bad_field,
                               GError      **error)
{
  gint64 turnover_bp, joiner_bp;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  if (bad_field != NULL)
    *bad_field = NULL;
  if (!lp_wf_role_exists (plan, role))
    return lp_wf_invalid (error, _("Choose the role the rates are for")), lp_wf_refuse (bad_field, LP_FIELD_WF_ROLE);
  if (!lp_wf_parse_rate (_("Turnover"), turnover, &turnover_bp, error))
    return lp_wf_refuse (bad_field, LP_FIELD_WF_TURNOVER);
  if (!lp_wf_parse_rate (_("Joiners"), joiners, &joiner_bp, error))
    return lp_wf_refuse (bad_field, LP_FIELD_WF_JOINERS);
  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  stmt = lp_plan_prepare (plan,
      "INSERT INTO workforce_turnover (scenario_id, role, annual_rate_bp, joiner_rate_bp) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (scenario_id, role) DO UPDATE SET annual_rate_bp = excluded.annual_rate_bp, "
      "joiner_rate_bp = excluded.joiner_rate_bp", error);
  if (stmt == NULL)
    return lp_plan_rollback (plan), FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id != 0 ? scenario_id : lp_plan_get_base_scenario_id (plan));
  lp_stmt_bind_text (stmt, 2, role);
  sqlite3_bind_int64 (stmt, 3, turnover_bp);
  sqlite3_bind_int64 (stmt, 4, joiner_bp);
  if (!lp_stmt_run (plan, stmt, _("save the rates"), error))
    return lp_plan_rollback (plan), FALSE;
  if (!lp_plan_commit (plan, error))
    return FALSE;
  lp_plan_emit_changed (plan, "workforce_turnover");
  return TRUE;
}

gboolean
lp_plan_get_workforce_rates (LpPlan     *plan,
                             gint64      scenario_id,
                             const char *role,
                             gint       *turnover_bp,
                             gint       *joiner_bp)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  stmt = lp_plan_prepare (plan, "SELECT annual_rate_bp, joiner_rate_bp FROM workforce_turnover "
                          "WHERE scenario_id = ?1 AND role = ?2", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id != 0 ? scenario_id : lp_plan_get_base_scenario_id (plan));
  lp_stmt_bind_text (stmt, 2, role);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      *turnover_bp = sqlite3_column_int (stmt, 0);
      *joiner_bp = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  return found;
}

gboolean
lp_plan_enter_reference_figure (LpPlan       *plan,
                                const char   *code,
                                const char   *label,
                                const char   *value,
                                const char   *as_at,
                                const char   *source,
                                const char  **bad_field,
                                GError      **error)
{
  g_autofree char *date = NULL;
  double figure;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan) && code != NULL && label != NULL, FALSE);

  if (bad_field != NULL)
    *bad_field = NULL;
  if (lp_text_is_blank (value))
    return lp_wf_invalid (error, _("Type the figure, such as 2,087")), lp_wf_refuse (bad_field, LP_FIELD_WF_REF_VALUE);
  if (!lp_parse_decimal (_("The figure"), value, 0, &figure, error))
    return lp_wf_refuse (bad_field, LP_FIELD_WF_REF_VALUE);
  if (lp_text_is_blank (as_at))
    return lp_wf_invalid (error, _("Type the date the figure describes, such as 31/12/2019")),
           lp_wf_refuse (bad_field, LP_FIELD_WF_REF_AS_AT);
  if ((date = lp_parse_date (_("As at"), as_at, error)) == NULL)
    return lp_wf_refuse (bad_field, LP_FIELD_WF_REF_AS_AT);
  if (!lp_validate_text (_("Source"), source, FALSE, LP_NAME_MAX_CHARS, error))
    return lp_wf_refuse (bad_field, LP_FIELD_WF_REF_SOURCE);
  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  stmt = lp_plan_prepare (plan,
      "INSERT INTO reference_figure (code, label, value, as_at, source) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT (code) DO UPDATE SET label = excluded.label, value = excluded.value, as_at = excluded.as_at, "
      "source = excluded.source", error);
  if (stmt == NULL)
    return lp_plan_rollback (plan), FALSE;
  lp_stmt_bind_text (stmt, 1, code);
  lp_stmt_bind_text (stmt, 2, label);
  sqlite3_bind_double (stmt, 3, figure);
  lp_stmt_bind_text (stmt, 4, date);
  {
    g_autofree char *words = g_strstrip (g_strdup (source != NULL ? source : ""));

    lp_stmt_bind_text (stmt, 5, words);
  }
  if (!lp_stmt_run (plan, stmt, _("save the reference figure"), error))
    return lp_plan_rollback (plan), FALSE;
  if (!lp_plan_commit (plan, error))
    return FALSE;
  lp_plan_emit_changed (plan, "reference_figure");
  return TRUE;
}

gboolean
lp_plan_delete_reference_figure (LpPlan      *plan,
                                 const char  *code,
                                 GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan) && code != NULL, FALSE);

  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  stmt = lp_plan_prepare (plan, "DELETE FROM reference_figure WHERE code = ?1", error);
  if (stmt == NULL)
    return lp_plan_rollback (plan), FALSE;
  lp_stmt_bind_text (stmt, 1, code);
  if (!lp_stmt_run (plan, stmt, _("delete the reference figure"), error))
    return lp_plan_rollback (plan), FALSE;
  if (sqlite3_changes (lp_plan_get_db (plan)) == 0)
    {
      lp_plan_rollback (plan);
      g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND, _("The plan has no such reference figure"));
      return FALSE;
    }
  if (!lp_plan_commit (plan, error))
    return FALSE;
  lp_plan_emit_changed (plan, "reference_figure");
  return TRUE;
}
