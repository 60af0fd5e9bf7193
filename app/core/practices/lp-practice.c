/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GP practices, and the plan functions that edit them. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-history.h"
#include "lp-plan-private.h"
#include "lp-practice.h"
#include "lp-practice-private.h"
#include "lp-validate.h"

struct _LpPractice
{
  GObject  parent_instance;
  gint64   id;
  char    *ods_code;
  char    *name;
  char    *postcode;
  gint64   locality_id;
  char    *locality_name;
  char    *status;
  char    *close_date;
  gboolean counted;
  char    *notes;
  gint64   list_size;
  char    *list_size_date;
  char    *pcn;
  char    *sub_icb;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_ODS_CODE,
  PROP_NAME,
  PROP_POSTCODE,
  PROP_LOCALITY_ID,
  PROP_LOCALITY_NAME,
  PROP_STATUS,
  PROP_CLOSE_DATE,
  PROP_CLOSED,
  PROP_NOTES,
  PROP_LIST_SIZE,
  PROP_LIST_SIZE_DATE,
  PROP_PCN,
  PROP_SUB_ICB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LpPractice, lp_practice, G_TYPE_OBJECT)

static void
lp_practice_finalize (GObject *object)
{
  LpPractice *self = LP_PRACTICE (object);

  g_free (self->ods_code);
  g_free (self->name);
  g_free (self->postcode);
  g_free (self->locality_name);
  g_free (self->status);
  g_free (self->close_date);
  g_free (self->notes);
  g_free (self->list_size_date);
  g_free (self->pcn);
  g_free (self->sub_icb);
  G_OBJECT_CLASS (lp_practice_parent_class)->finalize (object);
}

static void
lp_practice_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LpPractice *self = LP_PRACTICE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_ODS_CODE: g_value_set_string (value, self->ods_code); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_POSTCODE: g_value_set_string (value, self->postcode); break;
    case PROP_LOCALITY_ID: g_value_set_int64 (value, self->locality_id); break;
    case PROP_LOCALITY_NAME: g_value_set_string (value, self->locality_name); break;
    case PROP_STATUS: g_value_set_string (value, self->status); break;
    case PROP_CLOSE_DATE: g_value_set_string (value, self->close_date); break;
    case PROP_CLOSED: g_value_set_boolean (value, !self->counted); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_LIST_SIZE: g_value_set_int64 (value, self->list_size); break;
    case PROP_LIST_SIZE_DATE: g_value_set_string (value, self->list_size_date); break;
    case PROP_PCN: g_value_set_string (value, self->pcn); break;
    case PROP_SUB_ICB: g_value_set_string (value, self->sub_icb); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_practice_class_init (LpPracticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lp_practice_finalize;
  object_class->get_property = lp_practice_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ODS_CODE] = g_param_spec_string ("ods-code", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_POSTCODE] = g_param_spec_string ("postcode", NULL, NULL, NULL, flags);
  properties[PROP_LOCALITY_ID] = g_param_spec_int64 ("locality-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_LOCALITY_NAME] = g_param_spec_string ("locality-name", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_CLOSE_DATE] = g_param_spec_string ("close-date", NULL, NULL, NULL, flags);
  /* Not counted as at the plan's reference date (closed by then, or closed
   * or dormant with no date): what the lists grey out. */
  properties[PROP_CLOSED] = g_param_spec_boolean ("closed", NULL, NULL, FALSE, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);
  properties[PROP_LIST_SIZE] = g_param_spec_int64 ("list-size", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_LIST_SIZE_DATE] = g_param_spec_string ("list-size-date", NULL, NULL, NULL, flags);
  properties[PROP_PCN] = g_param_spec_string ("pcn", NULL, NULL, NULL, flags);
  properties[PROP_SUB_ICB] = g_param_spec_string ("sub-icb", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lp_practice_init (LpPractice *self)
{
  self->list_size = -1;
}

gint64 lp_practice_get_id (LpPractice *self) { g_return_val_if_fail (LP_IS_PRACTICE (self), 0); return self->id; }
const char *lp_practice_get_ods_code (LpPractice *self) { g_return_val_if_fail (LP_IS_PRACTICE (self), NULL); return self->ods_code; }
const char *lp_practice_get_name (LpPractice *self) { g_return_val_if_fail (LP_IS_PRACTICE (self), NULL); return self->name; }
const char *lp_practice_get_postcode (LpPractice *self) { g_return_val_if_fail (LP_IS_PRACTICE (self), NULL); return self->postcode; }
gint64 lp_practice_get_locality_id (LpPractice *self) { g_return_val_if_fail (LP_IS_PRACTICE (self), 0); return self->locality_id; }
const char *lp_practice_get_locality_name (LpPractice *self) { g_return_val_if_fail (LP_IS_PRACTICE (self), NULL); return self->locality_name; }
const char *lp_practice_get_status (LpPractice *self) { g_return_val_if_fail (LP_IS_PRACTICE (self), NULL); return self->status; }
const char *lp_practice_get_close_date (LpPractice *self) { g_return_val_if_fail (LP_IS_PRACTICE (self), NULL); return self->close_date; }
const char *lp_practice_get_notes (LpPractice *self) { g_return_val_if_fail (LP_IS_PRACTICE (self), NULL); return self->notes; }
gint64 lp_practice_get_list_size (LpPractice *self) { g_return_val_if_fail (LP_IS_PRACTICE (self), -1); return self->list_size; }
const char *lp_practice_get_list_size_date (LpPractice *self) { g_return_val_if_fail (LP_IS_PRACTICE (self), NULL); return self->list_size_date; }
const char *lp_practice_get_pcn (LpPractice *self) { g_return_val_if_fail (LP_IS_PRACTICE (self), NULL); return self->pcn; }
const char *lp_practice_get_sub_icb (LpPractice *self) { g_return_val_if_fail (LP_IS_PRACTICE (self), NULL); return self->sub_icb; }

#define PRACTICE_COLUMNS \
  "SELECT p.id, p.ods_code, p.name, p.postcode, ifnull (p.locality_id, 0), ifnull (l.name, ''), " \
  "       p.status, p.notes, ifnull (s.patients, -1), ifnull (s.extract_date, ''), p.close_date, " \
  LP_PRACTICE_COUNTS_ON ("p", "NULL") ", ifnull (pcn.name, ''), ifnull (sub.name, '') " \
  "FROM practice AS p LEFT JOIN locality AS l ON l.id = p.locality_id " \
  "LEFT JOIN practice_latest_list_size AS s ON s.practice_id = p.id " \
  "LEFT JOIN practice_grouping AS pcn ON pcn.practice_id = p.id AND pcn.kind = 'pcn' " \
  "LEFT JOIN practice_grouping AS sub ON sub.practice_id = p.id AND sub.kind = 'sub_icb' "

static LpPractice *
lp_practice_from_row (sqlite3_stmt *stmt)
{
  LpPractice *self = g_object_new (LP_TYPE_PRACTICE, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->ods_code = g_strdup (lp_stmt_column_text (stmt, 1));
  self->name = g_strdup (lp_stmt_column_text (stmt, 2));
  self->postcode = g_strdup (lp_stmt_column_text (stmt, 3));
  self->locality_id = sqlite3_column_int64 (stmt, 4);
  self->locality_name = g_strdup (lp_stmt_column_text (stmt, 5));
  self->status = g_strdup (lp_stmt_column_text (stmt, 6));
  self->notes = g_strdup (lp_stmt_column_text (stmt, 7));
  self->list_size = sqlite3_column_int64 (stmt, 8);
  self->list_size_date = g_strdup (lp_stmt_column_text (stmt, 9));
  /* NULL, not "", when the practice has no close date. */
  self->close_date = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  self->counted = sqlite3_column_int (stmt, 11) != 0;
  self->pcn = g_strdup (lp_stmt_column_text (stmt, 12));
  self->sub_icb = g_strdup (lp_stmt_column_text (stmt, 13));
  return self;
}

/**
 * lp_plan_list_practices:
 * @locality_id: a locality, or 0 for every practice
 *
 * Returns: (transfer full): a list of #LpPractice by code, each with its
 *   latest list size
 */
GListModel *
lp_plan_list_practices (LpPlan  *plan,
                        gint64   locality_id,
                        GError **error)
{
  g_autoptr(GListStore) store = g_list_store_new (LP_TYPE_PRACTICE);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  stmt = lp_plan_prepare (plan, PRACTICE_COLUMNS
                          "WHERE ?1 = 0 OR p.locality_id = ?1 ORDER BY p.ods_code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, locality_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LpPractice) practice = lp_practice_from_row (stmt);
      g_list_store_append (store, practice);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the practices")), NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * lp_plan_list_grouping_names:
 * @grouping: "pcn" or "sub_icb"
 * @some_without: (out): whether a practice has no such grouping
 *
 * What a filter by the practice map's @grouping offers: each name a
 * practice has, once, as lp_practice_get_pcn() and
 * lp_practice_get_sub_icb() give it.  A plan without the map has none.
 *
 * Returns: (transfer full): the names, or %NULL with @error set
 */
GStrv
lp_plan_list_grouping_names (LpPlan      *plan,
                             const char  *grouping,
                             gboolean    *some_without,
                             GError     **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  gboolean without = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (grouping != NULL, NULL);
  g_return_val_if_fail (some_without != NULL, NULL);

  stmt = lp_plan_prepare (plan, "SELECT DISTINCT ifnull (g.name, '') AS name FROM practice AS p "
                          "LEFT JOIN practice_grouping AS g ON g.practice_id = p.id AND g.kind = ?1 "
                          "ORDER BY name COLLATE NOCASE, name", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, grouping, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = lp_stmt_column_text (stmt, 0);

      if (*name == '\0')
        without = TRUE;
      else
        g_strv_builder_add (names, name);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the practices")), NULL;
  *some_without = without;
  return g_strv_builder_end (names);
}

LpPractice *
lp_plan_get_practice (LpPlan  *plan,
                      gint64   id,
                      GError **error)
{
  sqlite3_stmt *stmt;
  LpPractice *practice = NULL;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  stmt = lp_plan_prepare (plan, PRACTICE_COLUMNS "WHERE p.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    practice = lp_practice_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND, _("The practice no longer exists"));
  else if (rc != SQLITE_ROW)
    lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the practice"));
  return practice;
}

/**
 * lp_plan_find_practice:
 *
 * Returns: the id of the practice with this ODS code (either case), or 0
 */
gint64
lp_plan_find_practice (LpPlan     *plan,
                       const char *ods_code)
{
  g_autofree char *code = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (LP_IS_PLAN (plan), 0);

  code = lp_normalise_ods_code ("", ods_code, NULL);
  stmt = lp_plan_prepare (plan, "SELECT id FROM practice WHERE ods_code = ?1", NULL);
  if (stmt == NULL || code == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/**
 * lp_practice_is_closed:
 *
 * Returns: whether the practice is closed or dormant, whatever its close
 *   date: what the lists show greyed, with its status
 */
gboolean
lp_practice_is_closed (LpPractice *self)
{
  g_return_val_if_fail (LP_IS_PRACTICE (self), FALSE);

  return g_strcmp0 (self->status, "closed") == 0 || g_strcmp0 (self->status, "dormant") == 0;
}

/**
 * lp_practice_get_counted:
 *
 * Returns: whether the practice counts as at the plan's reference date
 *   (today when it has none), when it was read: FALSE from its close date
 *   on
 */
gboolean
lp_practice_get_counted (LpPractice *self)
{
  g_return_val_if_fail (LP_IS_PRACTICE (self), FALSE);

  return self->counted;
}

/**
 * lp_practice_counts_on:
 * @closed_from: (nullable): the practice's LP_PRACTICE_CLOSED_FROM, read
 *   from the plan; %NULL or "" while it counts
 * @day: YYYY-MM-DD
 *
 * The in-memory side of LP_PRACTICE_COUNTS_ON, for counts made month by
 * month in C (extended access).
 */
gboolean
lp_practice_counts_on (const char *closed_from,
                       const char *day)
{
  g_return_val_if_fail (day != NULL, TRUE);

  return closed_from == NULL || *closed_from == '\0' || strcmp (closed_from, day) > 0;
}

static gboolean
lp_practice_status_is_valid (const char *status)
{
  static const char * const statuses[] = { "active", "closed", "dormant", "proposed", NULL };

  return status == NULL || g_strv_contains (statuses, status);
}

static gboolean
lp_practice_validate (LpPlan                  *plan,
                      const LpPracticeFields  *fields,
                      GError                 **error)
{
  if (!lp_validate_text (_("Practice name"), fields->name, TRUE, LP_NAME_MAX_CHARS, error) ||
      !lp_validate_text (_("Postcode"), fields->postcode, FALSE, 10, error) ||
      !lp_validate_text (_("Notes"), fields->notes, FALSE, LP_NOTES_MAX_CHARS, error))
    return FALSE;
  if (!lp_practice_status_is_valid (fields->status))
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                   _("Status must be active, closed, dormant or proposed, not “%s”"), fields->status);
      return FALSE;
    }
  if (fields->locality_id != 0)
    {
      g_autoptr(LpLocality) locality = lp_plan_get_locality (plan, fields->locality_id, NULL);
      if (locality == NULL)
        {
          g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                       _("Locality: the chosen locality no longer exists"));
          return FALSE;
        }
    }
  return TRUE;
}

static void
lp_practice_bind (sqlite3_stmt           *stmt,
                  gint64                  id,
                  const char             *code,
                  const LpPracticeFields *fields)
{
  g_autofree char *name = g_strstrip (g_strdup (fields->name));
  g_autofree char *postcode = g_strstrip (g_ascii_strup (fields->postcode != NULL ? fields->postcode : "", -1));

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, postcode, -1, SQLITE_TRANSIENT);
  if (fields->locality_id != 0)
    sqlite3_bind_int64 (stmt, 5, fields->locality_id);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_text (stmt, 6, fields->status != NULL ? fields->status : "active", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, fields->notes != NULL ? fields->notes : "", -1, SQLITE_TRANSIENT);
  if (fields->close_date != NULL && *fields->close_date != '\0')
    sqlite3_bind_text (stmt, 8, fields->close_date, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 8);
}

static gboolean
lp_practice_write (LpPlan                  *plan,
                   const char              *sql,
                   gint64                   id,
                   const LpPracticeFields  *fields,
                   GError                 **error)
{
  g_autofree char *code = lp_normalise_ods_code (_("Practice code"), fields->ods_code, error);
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  if (code == NULL || !lp_practice_validate (plan, fields, error) || !lp_plan_begin_write (plan, error))
    return FALSE;
  stmt = lp_plan_prepare (plan, sql, error);
  if (stmt == NULL)
    return lp_plan_rollback (plan), FALSE;
  lp_practice_bind (stmt, id, code, fields);
  if (!lp_stmt_run (plan, stmt, _("save the practice"), &local_error))
    {
      lp_plan_rollback (plan);
      if (g_error_matches (local_error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT))
        g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT,
                     _("Another practice already has the code %s"), code);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (sqlite3_changes (lp_plan_get_db (plan)) == 0)
    {
      lp_plan_rollback (plan);
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND, _("The practice no longer exists"));
      return FALSE;
    }
  if (!lp_plan_commit (plan, error))
    return FALSE;
  lp_plan_emit_changed (plan, "practice");
  return TRUE;
}

/**
 * lp_plan_add_practice:
 *
 * Returns: the new practice's id, or 0 with @error set
 */
gint64
lp_plan_add_practice (LpPlan                  *plan,
                      const LpPracticeFields  *fields,
                      GError                 **error)
{
  gint64 id = lp_id_new ();

  g_return_val_if_fail (LP_IS_PLAN (plan), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!lp_practice_write (plan,
                          "INSERT INTO practice (id, ods_code, name, postcode, locality_id, status, notes, "
                          "close_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", id, fields, error))
    return 0;
  return id;
}

gboolean
lp_plan_update_practice (LpPlan                  *plan,
                         gint64                   id,
                         const LpPracticeFields  *fields,
                         GError                 **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  return lp_practice_write (plan,
                            "UPDATE practice SET ods_code = ?2, name = ?3, postcode = ?4, "
                            "locality_id = ?5, status = ?6, notes = ?7, close_date = ?8 WHERE id = ?1",
                            id, fields, error);
}

/**
 * lp_plan_delete_practice:
 *
 * Deletes the practice with its list sizes, workforce figures and access
 * provision.
 */
gboolean
lp_plan_delete_practice (LpPlan  *plan,
                         gint64   id,
                         GError **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  return lp_plan_delete_row (plan, "DELETE FROM practice WHERE id = ?1", id, "practice",
                             _("delete the practice"), _("The practice no longer exists"), error);
}

/**
 * lp_plan_delete_practices:
 * @ids: (array length=n_ids): the practices to delete
 *
 * Deletes the practices of @ids (and their list sizes and other rows,
 * which go with a practice) in one step of the undo history, named
 * "Delete 3 practices".  Nothing is deleted if one of them no longer
 * exists.
 */
gboolean
lp_plan_delete_practices (LpPlan        *plan,
                          const gint64  *ids,
                          guint          n_ids,
                          GError       **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (n_ids == 0)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID, _("Choose the practices to delete"));
      return FALSE;
    }
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u practice", "Delete %u practices", n_ids),
                           n_ids);
  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_stmt *stmt = lp_plan_prepare (plan, "DELETE FROM practice WHERE id = ?1", error);

      if (stmt == NULL)
        return lp_plan_rollback (plan), FALSE;
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      if (!lp_stmt_run (plan, stmt, _("delete the practices"), error))
        return lp_plan_rollback (plan), FALSE;
      if (sqlite3_changes (lp_plan_get_db (plan)) == 0)
        {
          lp_plan_rollback (plan);
          g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND, _("The practice no longer exists"));
          return FALSE;
        }
    }
  lp_plan_set_step_label (plan, label);
  if (!lp_plan_commit (plan, error))
    {
      lp_plan_set_step_label (plan, NULL);
      return FALSE;
    }
  lp_plan_set_step_label (plan, NULL);
  lp_plan_emit_changed (plan, "practice");
  return TRUE;
}
