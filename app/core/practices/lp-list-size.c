/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Registered list sizes: patients per practice per NHS Digital extract. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lp-list-size.h"
#include "lp-plan-private.h"
#include "lp-validate.h"

struct _LpListSize
{
  GObject  parent_instance;
  gint64   practice_id;
  char    *extract_date;
  gint64   patients;
  char    *source;
};

enum {
  PROP_0,
  PROP_PRACTICE_ID,
  PROP_EXTRACT_DATE,
  PROP_PATIENTS,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LpListSize, lp_list_size, G_TYPE_OBJECT)

static void
lp_list_size_finalize (GObject *object)
{
  LpListSize *self = LP_LIST_SIZE (object);

  g_free (self->extract_date);
  g_free (self->source);
  G_OBJECT_CLASS (lp_list_size_parent_class)->finalize (object);
}

static void
lp_list_size_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LpListSize *self = LP_LIST_SIZE (object);

  switch (prop_id)
    {
    case PROP_PRACTICE_ID: g_value_set_int64 (value, self->practice_id); break;
    case PROP_EXTRACT_DATE: g_value_set_string (value, self->extract_date); break;
    case PROP_PATIENTS: g_value_set_int64 (value, self->patients); break;
    case PROP_SOURCE: g_value_set_string (value, self->source); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_list_size_class_init (LpListSizeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lp_list_size_finalize;
  object_class->get_property = lp_list_size_get_property;

  properties[PROP_PRACTICE_ID] = g_param_spec_int64 ("practice-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_EXTRACT_DATE] = g_param_spec_string ("extract-date", NULL, NULL, NULL, flags);
  properties[PROP_PATIENTS] = g_param_spec_int64 ("patients", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lp_list_size_init (LpListSize *self)
{
}

gint64 lp_list_size_get_practice_id (LpListSize *self) { g_return_val_if_fail (LP_IS_LIST_SIZE (self), 0); return self->practice_id; }
const char *lp_list_size_get_extract_date (LpListSize *self) { g_return_val_if_fail (LP_IS_LIST_SIZE (self), NULL); return self->extract_date; }
gint64 lp_list_size_get_patients (LpListSize *self) { g_return_val_if_fail (LP_IS_LIST_SIZE (self), 0); return self->patients; }
const char *lp_list_size_get_source (LpListSize *self) { g_return_val_if_fail (LP_IS_LIST_SIZE (self), NULL); return self->source; }

/**
 * lp_plan_list_list_sizes:
 *
 * Returns: (transfer full): the practice's #LpListSize rows, newest first
 */
GListModel *
lp_plan_list_list_sizes (LpPlan  *plan,
                         gint64   practice_id,
                         GError **error)
{
  g_autoptr(GListStore) store = g_list_store_new (LP_TYPE_LIST_SIZE);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  stmt = lp_plan_prepare (plan,
      "SELECT extract_date, patients, source FROM list_size WHERE practice_id = ?1 "
      "ORDER BY extract_date DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, practice_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LpListSize) row = g_object_new (LP_TYPE_LIST_SIZE, NULL);
      row->practice_id = practice_id;
      row->extract_date = g_strdup (lp_stmt_column_text (stmt, 0));
      row->patients = sqlite3_column_int64 (stmt, 1);
      row->source = g_strdup (lp_stmt_column_text (stmt, 2));
      g_list_store_append (store, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the list sizes")), NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static gboolean
lp_list_size_validate (LpPlan      *plan,
                       gint64       practice_id,
                       const char  *extract_date,
                       gint64       patients,
                       const char  *source,
                       GError     **error)
{
  g_autoptr(LpPractice) practice = NULL;

  if (patients < 0)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                   _("List size must be a whole number of 0 or more, not %lld"), (long long) patients);
      return FALSE;
    }
  if (!lp_validate_date (_("Extract date"), extract_date, error) ||
      !lp_validate_text (_("Source"), source, FALSE, LP_NAME_MAX_CHARS, error))
    return FALSE;
  practice = lp_plan_get_practice (plan, practice_id, error);
  return practice != NULL;
}

/**
 * lp_plan_set_list_size:
 * @extract_date: the extract's date, YYYY-MM-DD
 * @source: (nullable): where the figure came from (a file name)
 *
 * Records the practice's registered patients at @extract_date, replacing
 * any figure already held for that extract (re-importing an extract
 * replaces it rather than doubling it).
 */
gboolean
lp_plan_set_list_size (LpPlan      *plan,
                       gint64       practice_id,
                       const char  *extract_date,
                       gint64       patients,
                       const char  *source,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  if (!lp_list_size_validate (plan, practice_id, extract_date, patients, source, error) ||
      !lp_plan_begin_write (plan, error))
    return FALSE;
  stmt = lp_plan_prepare (plan,
      "INSERT INTO list_size (practice_id, extract_date, patients, source) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (practice_id, extract_date) DO UPDATE SET patients = excluded.patients, "
      "source = excluded.source", error);
  if (stmt == NULL)
    return lp_plan_rollback (plan), FALSE;
  sqlite3_bind_int64 (stmt, 1, practice_id);
  sqlite3_bind_text (stmt, 2, extract_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, patients);
  sqlite3_bind_text (stmt, 4, source != NULL ? source : "", -1, SQLITE_TRANSIENT);
  if (!lp_stmt_run (plan, stmt, _("save the list size"), error))
    return lp_plan_rollback (plan), FALSE;
  if (!lp_plan_commit (plan, error))
    return FALSE;
  lp_plan_emit_changed (plan, "list_size");
  return TRUE;
}

gboolean
lp_plan_delete_list_size (LpPlan      *plan,
                          gint64       practice_id,
                          const char  *extract_date,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (extract_date != NULL, FALSE);

  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  stmt = lp_plan_prepare (plan, "DELETE FROM list_size WHERE practice_id = ?1 AND extract_date = ?2", error);
  if (stmt == NULL)
    return lp_plan_rollback (plan), FALSE;
  sqlite3_bind_int64 (stmt, 1, practice_id);
  sqlite3_bind_text (stmt, 2, extract_date, -1, SQLITE_TRANSIENT);
  if (!lp_stmt_run (plan, stmt, _("delete the list size"), error))
    return lp_plan_rollback (plan), FALSE;
  if (sqlite3_changes (lp_plan_get_db (plan)) == 0)
    {
      lp_plan_rollback (plan);
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                   _("The practice has no list size for %s"), extract_date);
      return FALSE;
    }
  if (!lp_plan_commit (plan, error))
    return FALSE;
  lp_plan_emit_changed (plan, "list_size");
  return TRUE;
}
