/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A primary care network's enhanced access sessions as a commissioner
 * types them (see lp-access-edit.h): a weekday, the times they run and
 * the dates they run between, each save one transaction. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-access-edit.h"
#include "lp-pcn-access.h"
#include "lp-plan-private.h"
#include "lp-plan-settings.h"
#include "lp-validate.h"

static gboolean
lp_pcn_fail (const char **bad_field,
             const char  *field)
{
  if (bad_field != NULL)
    *bad_field = field;
  return FALSE;
}

/**
 * lp_parse_time_of_day:
 *
 * Reads "18:30", "6:30" or "18.30" (hours 0-23, two-digit minutes) as
 * 1,110 minutes from midnight.  "24:00", "18:75" and "half six" are
 * refused.
 */
gboolean
lp_parse_time_of_day (const char  *field,
                      const char  *text,
                      int         *minutes,
                      GError     **error)
{
  g_autofree char *typed = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = typed;
  int hours = 0, digits = 0, mins;

  if (*typed == '\0')
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("%s is needed: a time of day such as 18:30"), field), FALSE;
  for (; g_ascii_isdigit (*p) && digits < 3; p++, digits++)
    hours = hours * 10 + (*p - '0');
  if (digits < 1 || digits > 2 || (*p != ':' && *p != '.') || !g_ascii_isdigit (p[1]) ||
      !g_ascii_isdigit (p[2]) || p[3] != '\0')
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("%s must be a time of day such as 18:30, not “%s”"), field, typed), FALSE;
  mins = (p[1] - '0') * 10 + (p[2] - '0');
  if (hours > 23 || mins > 59)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("%s must be a time of day from 00:00 to 23:59, not “%s”"), field, typed), FALSE;
  *minutes = hours * 60 + mins;
  return TRUE;
}

void
lp_pcn_row_free (LpPcnRow *row)
{
  if (row == NULL)
    return;
  g_free (row->code);
  g_free (row->name);
  g_free (row);
}

void
lp_pcn_session_row_free (LpPcnSessionRow *row)
{
  if (row == NULL)
    return;
  g_free (row->pcn_code);
  g_free (row->pcn_name);
  g_free (row);
}

/**
 * lp_plan_list_pcns:
 *
 * Returns: (transfer full) (element-type LpPcnRow): by name
 */
GPtrArray *
lp_plan_list_pcns (LpPlan  *plan,
                   GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) lp_pcn_row_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  stmt = lp_plan_prepare (plan,
      "SELECT code, ifnull (nullif (trim (max (name)), ''), code), count (*) FROM practice_grouping "
      "WHERE kind = 'pcn' AND length (trim (code)) > 0 GROUP BY code ORDER BY 2 COLLATE NOCASE, code", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LpPcnRow *row = g_new0 (LpPcnRow, 1);

      row->code = g_strdup (lp_stmt_column_text (stmt, 0));
      row->name = g_strdup (lp_stmt_column_text (stmt, 1));
      row->practices = (guint) sqlite3_column_int (stmt, 2);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the primary care networks")), NULL;
  return g_steal_pointer (&rows);
}

static int
lp_pcn_minutes_of (const char *time)
{
  int minutes = 0;

  return lp_parse_time_of_day ("", time, &minutes, NULL) ? minutes : 0;
}

static GPtrArray *
lp_pcn_read_sessions_rows (LpPlan      *plan,
                           const char  *pcn_code,
                           gint64       only_id,
                           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) lp_pcn_session_row_free);
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT s.id, s.pcn_code, ifnull ((SELECT nullif (trim (max (g.name)), '') FROM practice_grouping AS g "
      "  WHERE g.kind = 'pcn' AND g.code = s.pcn_code), s.pcn_code) AS pcn_name, "
      "s.weekday, s.start_time, s.end_time, s.start_date, ifnull (s.end_date, '') "
      "FROM pcn_access_session AS s "
      "WHERE (?3 <> 0 AND s.id = ?3) OR (?3 = 0 AND s.scenario_id = ?1 AND (?2 IS NULL OR s.pcn_code = ?2)) "
      "ORDER BY pcn_name COLLATE NOCASE, s.pcn_code, s.weekday, s.start_time, s.start_date", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, lp_plan_get_base_scenario_id (plan));
  lp_stmt_bind_text (stmt, 2, pcn_code);
  sqlite3_bind_int64 (stmt, 3, only_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LpPcnSessionRow *row = g_new0 (LpPcnSessionRow, 1);
      int start, end;

      row->id = sqlite3_column_int64 (stmt, 0);
      row->pcn_code = g_strdup (lp_stmt_column_text (stmt, 1));
      row->pcn_name = g_strdup (lp_stmt_column_text (stmt, 2));
      row->weekday = sqlite3_column_int (stmt, 3);
      g_strlcpy (row->start_time, lp_stmt_column_text (stmt, 4), sizeof row->start_time);
      g_strlcpy (row->end_time, lp_stmt_column_text (stmt, 5), sizeof row->end_time);
      g_strlcpy (row->start_date, lp_stmt_column_text (stmt, 6), sizeof row->start_date);
      g_strlcpy (row->end_date, lp_stmt_column_text (stmt, 7), sizeof row->end_date);
      start = lp_pcn_minutes_of (row->start_time);
      end = lp_pcn_minutes_of (row->end_time);
      row->offered_minutes = end - start;
      row->standard_minutes = lp_pcn_standard_minutes (row->weekday, start, end);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the enhanced access sessions")), NULL;
  return g_steal_pointer (&rows);
}

/**
 * lp_plan_list_pcn_sessions:
 *
 * Returns: (transfer full) (element-type LpPcnSessionRow): the base
 *   scenario's sessions, by PCN name, weekday and time
 */
GPtrArray *
lp_plan_list_pcn_sessions (LpPlan      *plan,
                           const char  *pcn_code,
                           GError     **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  return lp_pcn_read_sessions_rows (plan, pcn_code, 0, error);
}

LpPcnSessionRow *
lp_plan_get_pcn_session (LpPlan  *plan,
                         gint64   id,
                         GError **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  if ((rows = lp_pcn_read_sessions_rows (plan, NULL, id, error)) == NULL)
    return NULL;
  if (id == 0 || rows->len == 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                        _("The enhanced access session no longer exists")), NULL;
  return g_ptr_array_steal_index (rows, 0);
}

/* The PCN must be one the practice map names: a typing slip would
 * otherwise give minutes to a network with no patients. */
static gboolean
lp_pcn_check_code (LpPlan      *plan,
                   const char  *code,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (lp_text_is_blank (code))
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("Choose the primary care network")), FALSE;
  if ((stmt = lp_plan_prepare (plan, "SELECT 1 FROM practice_grouping WHERE kind = 'pcn' AND code = ?1 LIMIT 1",
                               error)) == NULL)
    return FALSE;
  lp_stmt_bind_text (stmt, 1, code);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("No practice of the plan is in a primary care network “%s”"), code), FALSE;
  if (rc != SQLITE_ROW)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the primary care networks")), FALSE;
  return TRUE;
}

/**
 * lp_plan_save_pcn_session_form:
 * @id: the session to change, or 0 to add one
 *
 * Returns: the session's id, or 0 with @error set and nothing saved
 */
gint64
lp_plan_save_pcn_session_form (LpPlan                  *plan,
                               gint64                   id,
                               const LpPcnSessionForm  *form,
                               const char             **bad_field,
                               GError                 **error)
{
  g_autofree char *start_date = NULL;
  g_autofree char *end_date = NULL;
  char start_time[6], end_time[6];
  int start = 0, end = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan), 0);
  g_return_val_if_fail (form != NULL, 0);

  if (!lp_pcn_check_code (plan, form->pcn_code, error))
    return lp_pcn_fail (bad_field, LP_FIELD_PCN), 0;
  if (form->weekday < 1 || form->weekday > 7)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID, _("Choose the day of the week")),
           lp_pcn_fail (bad_field, LP_FIELD_WEEKDAY), 0;
  if (!lp_parse_time_of_day (_("Start time"), form->start_time, &start, error))
    return lp_pcn_fail (bad_field, LP_FIELD_START_TIME), 0;
  if (!lp_parse_time_of_day (_("End time"), form->end_time, &end, error))
    return lp_pcn_fail (bad_field, LP_FIELD_END_TIME), 0;
  if (end <= start)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("The session must end after it starts, on the same day")),
           lp_pcn_fail (bad_field, LP_FIELD_END_TIME), 0;
  if ((start_date = lp_parse_date (_("From"), form->start_date, error)) == NULL ||
      !lp_plan_check_date_in_plan (plan, start_date, _("From"), error))
    return lp_pcn_fail (bad_field, LP_FIELD_START_DATE), 0;
  if (!lp_text_is_blank (form->end_date))
    {
      if ((end_date = lp_parse_date (_("Until"), form->end_date, error)) == NULL ||
          !lp_plan_check_date_in_plan (plan, end_date, _("Until"), error))
        return lp_pcn_fail (bad_field, LP_FIELD_END_DATE), 0;
      if (strcmp (end_date, start_date) < 0)
        return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                            _("The session must run until a date on or after the date it starts")),
               lp_pcn_fail (bad_field, LP_FIELD_END_DATE), 0;
    }
  g_snprintf (start_time, sizeof start_time, "%02d:%02d", start / 60, start % 60);
  g_snprintf (end_time, sizeof end_time, "%02d:%02d", end / 60, end % 60);
  if (!lp_plan_begin_write (plan, error))
    return 0;
  if (id != 0)
    {
      g_autoptr(LpPcnSessionRow) old = lp_plan_get_pcn_session (plan, id, error);

      if (old == NULL)
        return lp_plan_rollback (plan), 0;
    }
  if (id == 0)
    {
      id = lp_id_new ();
      stmt = lp_plan_prepare (plan,
          "INSERT INTO pcn_access_session (id, scenario_id, pcn_code, weekday, start_time, end_time, start_date, "
          "end_date) VALUES (?1, ?8, ?2, ?3, ?4, ?5, ?6, ?7)", error);
    }
  else
    stmt = lp_plan_prepare (plan,
        "UPDATE pcn_access_session SET pcn_code = ?2, weekday = ?3, start_time = ?4, end_time = ?5, "
        "start_date = ?6, end_date = ?7 WHERE id = ?1 AND ?8 IS NOT NULL", error);
  if (stmt == NULL)
    return lp_plan_rollback (plan), 0;
  sqlite3_bind_int64 (stmt, 1, id);
  lp_stmt_bind_text (stmt, 2, form->pcn_code);
  sqlite3_bind_int (stmt, 3, form->weekday);
  lp_stmt_bind_text (stmt, 4, start_time);
  lp_stmt_bind_text (stmt, 5, end_time);
  lp_stmt_bind_text (stmt, 6, start_date);
  lp_stmt_bind_text (stmt, 7, end_date);
  sqlite3_bind_int64 (stmt, 8, lp_plan_get_base_scenario_id (plan));
  if (!lp_stmt_run (plan, stmt, _("save the enhanced access session"), error))
    return lp_plan_rollback (plan), 0;
  if (!lp_plan_commit (plan, error))
    return 0;
  lp_plan_emit_changed (plan, "pcn_access_session");
  return id;
}

gboolean
lp_plan_delete_pcn_session (LpPlan  *plan,
                            gint64   id,
                            GError **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  return lp_plan_delete_row (plan, "DELETE FROM pcn_access_session WHERE id = ?1", id, "pcn_access_session",
                             _("delete the enhanced access session"),
                             _("The enhanced access session no longer exists"), error);
}
