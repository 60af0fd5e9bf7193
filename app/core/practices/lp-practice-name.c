/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The practices as a chooser lists them (see lp-practice-name.h): one
 * query over the practice and locality tables, without the list sizes. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lp-plan-private.h"
#include "lp-practice-name.h"

struct _LpPracticeName
{
  GObject  parent_instance;
  gint64   id;
  char    *ods_code;
  char    *name;
  char    *locality_name;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_ODS_CODE,
  PROP_NAME,
  PROP_LOCALITY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LpPracticeName, lp_practice_name, G_TYPE_OBJECT)

static void
lp_practice_name_finalize (GObject *object)
{
  LpPracticeName *self = LP_PRACTICE_NAME (object);

  g_free (self->ods_code);
  g_free (self->name);
  g_free (self->locality_name);
  G_OBJECT_CLASS (lp_practice_name_parent_class)->finalize (object);
}

static void
lp_practice_name_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LpPracticeName *self = LP_PRACTICE_NAME (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_ODS_CODE: g_value_set_string (value, self->ods_code); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_LOCALITY_NAME: g_value_set_string (value, self->locality_name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_practice_name_class_init (LpPracticeNameClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lp_practice_name_finalize;
  object_class->get_property = lp_practice_name_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ODS_CODE] = g_param_spec_string ("ods-code", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_LOCALITY_NAME] = g_param_spec_string ("locality-name", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lp_practice_name_init (LpPracticeName *self)
{
}

gint64
lp_practice_name_get_id (LpPracticeName *self)
{
  g_return_val_if_fail (LP_IS_PRACTICE_NAME (self), 0);

  return self->id;
}

const char *
lp_practice_name_get_ods_code (LpPracticeName *self)
{
  g_return_val_if_fail (LP_IS_PRACTICE_NAME (self), NULL);

  return self->ods_code;
}

const char *
lp_practice_name_get_name (LpPracticeName *self)
{
  g_return_val_if_fail (LP_IS_PRACTICE_NAME (self), NULL);

  return self->name;
}

const char *
lp_practice_name_get_locality_name (LpPracticeName *self)
{
  g_return_val_if_fail (LP_IS_PRACTICE_NAME (self), NULL);

  return self->locality_name;
}

/**
 * lp_plan_list_practice_names:
 *
 * Returns: (transfer full): a list of #LpPracticeName, by name then code,
 *   or %NULL with @error set
 */
GListModel *
lp_plan_list_practice_names (LpPlan  *plan,
                             GError **error)
{
  g_autoptr(GListStore) store = g_list_store_new (LP_TYPE_PRACTICE_NAME);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  stmt = lp_plan_prepare (plan,
      "SELECT p.id, p.ods_code, p.name, ifnull (l.name, '') "
      "FROM practice AS p LEFT JOIN locality AS l ON l.id = p.locality_id "
      "ORDER BY p.name COLLATE NOCASE, p.ods_code", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LpPracticeName) practice = g_object_new (LP_TYPE_PRACTICE_NAME, NULL);

      practice->id = sqlite3_column_int64 (stmt, 0);
      practice->ods_code = g_strdup (lp_stmt_column_text (stmt, 1));
      practice->name = g_strdup (lp_stmt_column_text (stmt, 2));
      practice->locality_name = g_strdup (lp_stmt_column_text (stmt, 3));
      g_list_store_append (store, practice);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the practices")), NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}
