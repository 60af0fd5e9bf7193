/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Localities: groups of practices, and the plan functions that edit them. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lp-locality.h"
#include "lp-plan-private.h"
#include "lp-practice-private.h"
#include "lp-validate.h"

struct _LpLocality
{
  GObject  parent_instance;
  gint64   id;
  char    *name;
  char    *code;
  char    *notes;
  guint    practice_count;
  gint64   registered_patients;
  gboolean registered_known;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CODE,
  PROP_NOTES,
  PROP_PRACTICE_COUNT,
  PROP_REGISTERED_PATIENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LpLocality, lp_locality, G_TYPE_OBJECT)

static void
lp_locality_finalize (GObject *object)
{
  LpLocality *self = LP_LOCALITY (object);

  g_free (self->name);
  g_free (self->code);
  g_free (self->notes);
  G_OBJECT_CLASS (lp_locality_parent_class)->finalize (object);
}

static void
lp_locality_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LpLocality *self = LP_LOCALITY (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_PRACTICE_COUNT: g_value_set_uint (value, self->practice_count); break;
    case PROP_REGISTERED_PATIENTS: g_value_set_int64 (value, self->registered_patients); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_locality_class_init (LpLocalityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lp_locality_finalize;
  object_class->get_property = lp_locality_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);
  properties[PROP_PRACTICE_COUNT] = g_param_spec_uint ("practice-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_REGISTERED_PATIENTS] =
    g_param_spec_int64 ("registered-patients", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lp_locality_init (LpLocality *self)
{
}

gint64 lp_locality_get_id (LpLocality *self) { g_return_val_if_fail (LP_IS_LOCALITY (self), 0); return self->id; }
const char *lp_locality_get_name (LpLocality *self) { g_return_val_if_fail (LP_IS_LOCALITY (self), NULL); return self->name; }
const char *lp_locality_get_code (LpLocality *self) { g_return_val_if_fail (LP_IS_LOCALITY (self), NULL); return self->code; }
const char *lp_locality_get_notes (LpLocality *self) { g_return_val_if_fail (LP_IS_LOCALITY (self), NULL); return self->notes; }
guint lp_locality_get_practice_count (LpLocality *self) { g_return_val_if_fail (LP_IS_LOCALITY (self), 0); return self->practice_count; }
gint64 lp_locality_get_registered_patients (LpLocality *self) { g_return_val_if_fail (LP_IS_LOCALITY (self), 0); return self->registered_patients; }
gboolean lp_locality_has_registered_patients (LpLocality *self) { g_return_val_if_fail (LP_IS_LOCALITY (self), FALSE); return self->registered_known; }

/* The locality_summary view gives the same counts (schema version 3), but
 * only as at the plan's reference date; the rule is spelt here by the one
 * macro every count in the core uses. */
#define LOCALITY_COLUMNS \
  "SELECT l.id, l.name, ifnull (l.code, ''), l.notes, " \
  "  (SELECT count (*) FROM practice AS p " \
  "    WHERE p.locality_id = l.id AND " LP_PRACTICE_COUNTS_ON ("p", "NULL") "), " \
  "  (SELECT sum (s.patients) FROM practice AS p " \
  "    JOIN practice_latest_list_size AS s ON s.practice_id = p.id " \
  "    WHERE p.locality_id = l.id AND " LP_PRACTICE_COUNTS_ON ("p", "NULL") ") " \
  "FROM locality AS l "

static LpLocality *
lp_locality_from_row (sqlite3_stmt *stmt)
{
  LpLocality *self = g_object_new (LP_TYPE_LOCALITY, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->name = g_strdup (lp_stmt_column_text (stmt, 1));
  self->code = g_strdup (lp_stmt_column_text (stmt, 2));
  self->notes = g_strdup (lp_stmt_column_text (stmt, 3));
  self->practice_count = (guint) sqlite3_column_int (stmt, 4);
  /* NULL: none of its practices has a list size yet. */
  self->registered_known = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
  self->registered_patients = sqlite3_column_int64 (stmt, 5);
  return self;
}

/**
 * lp_plan_list_localities:
 *
 * Returns: (transfer full): a list of #LpLocality by name, each with its
 *   number of practices and their latest registered population
 */
GListModel *
lp_plan_list_localities (LpPlan  *plan,
                         GError **error)
{
  g_autoptr(GListStore) store = g_list_store_new (LP_TYPE_LOCALITY);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  stmt = lp_plan_prepare (plan, LOCALITY_COLUMNS "ORDER BY l.name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LpLocality) locality = lp_locality_from_row (stmt);
      g_list_store_append (store, locality);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the localities")), NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * lp_plan_list_locality_names:
 * @ids: (out) (transfer full): each locality's id, in the names' order
 *
 * The localities as a choice lists them: by name, as
 * lp_plan_list_localities() orders them, without the practice counts and
 * list sizes that make that slower on a plan of many localities.
 *
 * Returns: (transfer full): the names, or %NULL with @error set
 */
GStrv
lp_plan_list_locality_names (LpPlan   *plan,
                             GArray  **ids,
                             GError  **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  stmt = lp_plan_prepare (plan, "SELECT l.id, l.name FROM locality AS l "
                          "ORDER BY l.name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (found, id);
      g_strv_builder_add (names, lp_stmt_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the localities")), NULL;
  *ids = g_steal_pointer (&found);
  return g_strv_builder_end (names);
}

LpLocality *
lp_plan_get_locality (LpPlan  *plan,
                      gint64   id,
                      GError **error)
{
  sqlite3_stmt *stmt;
  LpLocality *locality = NULL;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  stmt = lp_plan_prepare (plan, LOCALITY_COLUMNS "WHERE l.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    locality = lp_locality_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND, _("The locality no longer exists"));
  else if (rc != SQLITE_ROW)
    lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the locality"));
  return locality;
}

/**
 * lp_plan_find_locality:
 *
 * Returns: the id of the locality with this name or code (either case),
 *   or 0 if there is none
 */
gint64
lp_plan_find_locality (LpPlan     *plan,
                       const char *name_or_code)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (LP_IS_PLAN (plan), 0);

  stmt = lp_plan_prepare (plan,
      "SELECT id FROM locality WHERE name = ?1 COLLATE NOCASE OR code = ?1 COLLATE NOCASE "
      "ORDER BY name = ?1 COLLATE NOCASE DESC LIMIT 1", NULL);
  if (stmt == NULL || name_or_code == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name_or_code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
lp_locality_validate (const LpLocalityFields  *fields,
                      GError                 **error)
{
  return lp_validate_text (_("Locality name"), fields->name, TRUE, LP_NAME_MAX_CHARS, error) &&
         lp_validate_text (_("Locality code"), fields->code, FALSE, 20, error) &&
         lp_validate_text (_("Notes"), fields->notes, FALSE, LP_NOTES_MAX_CHARS, error);
}

/* Turns a UNIQUE failure into words; other failures keep SQLite's reason. */
static gboolean
lp_locality_write_failed (LpPlan                  *plan,
                          const LpLocalityFields  *fields,
                          GError                 **error,
                          GError                  *local_error)
{
  /* Read SQLite's reason before the rollback replaces it. */
  gboolean code_taken = g_strrstr (sqlite3_errmsg (lp_plan_get_db (plan)), "locality.code") != NULL;

  lp_plan_rollback (plan);
  if (g_error_matches (local_error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT) && code_taken)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT,
                 _("Another locality already has the code “%s”"), fields->code);
  else if (g_error_matches (local_error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT))
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT,
                 _("There is already a locality called “%s”"), fields->name);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  g_clear_error (&local_error);
  return FALSE;
}

static gboolean
lp_locality_write (LpPlan                  *plan,
                   const char              *sql,
                   gint64                   id,
                   const LpLocalityFields  *fields,
                   GError                 **error)
{
  g_autofree char *name = NULL;
  GError *local_error = NULL;
  sqlite3_stmt *stmt;

  if (!lp_locality_validate (fields, error) || !lp_plan_begin_write (plan, error))
    return FALSE;
  stmt = lp_plan_prepare (plan, sql, &local_error);
  if (stmt == NULL)
    return lp_locality_write_failed (plan, fields, error, local_error);
  name = g_strstrip (g_strdup (fields->name));
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  /* An empty code is no code: two localities may both have none. */
  lp_stmt_bind_text (stmt, 3, fields->code != NULL && *fields->code != '\0' ? fields->code : NULL);
  sqlite3_bind_text (stmt, 4, fields->notes != NULL ? fields->notes : "", -1, SQLITE_TRANSIENT);
  if (!lp_stmt_run (plan, stmt, _("save the locality"), &local_error))
    return lp_locality_write_failed (plan, fields, error, local_error);
  if (sqlite3_changes (lp_plan_get_db (plan)) == 0)
    {
      lp_plan_rollback (plan);
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND, _("The locality no longer exists"));
      return FALSE;
    }
  if (!lp_plan_commit (plan, error))
    return FALSE;
  lp_plan_emit_changed (plan, "locality");
  return TRUE;
}

/**
 * lp_plan_add_locality:
 *
 * Returns: the new locality's id, or 0 with @error set
 */
gint64
lp_plan_add_locality (LpPlan                  *plan,
                      const LpLocalityFields  *fields,
                      GError                 **error)
{
  gint64 id = lp_id_new ();

  g_return_val_if_fail (LP_IS_PLAN (plan), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!lp_locality_write (plan, "INSERT INTO locality (id, name, code, notes) VALUES (?1, ?2, ?3, ?4)",
                          id, fields, error))
    return 0;
  return id;
}

gboolean
lp_plan_update_locality (LpPlan                  *plan,
                         gint64                   id,
                         const LpLocalityFields  *fields,
                         GError                 **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  return lp_locality_write (plan, "UPDATE locality SET name = ?2, code = ?3, notes = ?4 WHERE id = ?1",
                            id, fields, error);
}

/**
 * lp_plan_delete_locality:
 *
 * Deletes a locality that has no practices; one that still has practices
 * is refused, so that no practice is left without its locality by mistake.
 */
gboolean
lp_plan_delete_locality (LpPlan  *plan,
                         gint64   id,
                         GError **error)
{
  g_autoptr(LpLocality) locality = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  locality = lp_plan_get_locality (plan, id, error);
  if (locality == NULL)
    return FALSE;
  if (locality->practice_count > 0)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” still has %u practice; move it to another locality first",
                                "“%s” still has %u practices; move them to another locality first",
                                locality->practice_count),
                   locality->name, locality->practice_count);
      return FALSE;
    }
  return lp_plan_delete_row (plan, "DELETE FROM locality WHERE id = ?1", id, "locality",
                             _("delete the locality"), _("The locality no longer exists"), error);
}
