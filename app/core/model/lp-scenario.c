/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scenarios, and the plan functions that manage them. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lp-plan-private.h"
#include "lp-scenario.h"
#include "lp-validate.h"

struct _LpScenario
{
  GObject  parent_instance;
  gint64   id;
  char    *name;
  gint64   base_id;
  char    *base_name;
};

enum { PROP_0, PROP_ID, PROP_NAME, PROP_BASE_ID, PROP_BASE_NAME, N_PROPS };

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LpScenario, lp_scenario, G_TYPE_OBJECT)

static void
lp_scenario_finalize (GObject *object)
{
  LpScenario *self = LP_SCENARIO (object);

  g_free (self->name);
  g_free (self->base_name);
  G_OBJECT_CLASS (lp_scenario_parent_class)->finalize (object);
}

static void
lp_scenario_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LpScenario *self = LP_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_BASE_ID: g_value_set_int64 (value, self->base_id); break;
    case PROP_BASE_NAME: g_value_set_string (value, self->base_name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_scenario_class_init (LpScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lp_scenario_finalize;
  object_class->get_property = lp_scenario_get_property;
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_BASE_ID] = g_param_spec_int64 ("base-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_BASE_NAME] = g_param_spec_string ("base-name", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lp_scenario_init (LpScenario *self)
{
}

gint64 lp_scenario_get_id (LpScenario *self) { g_return_val_if_fail (LP_IS_SCENARIO (self), 0); return self->id; }
const char *lp_scenario_get_name (LpScenario *self) { g_return_val_if_fail (LP_IS_SCENARIO (self), NULL); return self->name; }
gint64 lp_scenario_get_base_id (LpScenario *self) { g_return_val_if_fail (LP_IS_SCENARIO (self), 0); return self->base_id; }
const char *lp_scenario_get_base_name (LpScenario *self) { g_return_val_if_fail (LP_IS_SCENARIO (self), NULL); return self->base_name; }

GListModel *
lp_plan_list_scenarios (LpPlan  *plan,
                        GError **error)
{
  g_autoptr(GListStore) store = g_list_store_new (LP_TYPE_SCENARIO);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  stmt = lp_plan_prepare (plan,
      "SELECT s.id, s.name, ifnull (s.base_id, 0), ifnull (b.name, '') FROM scenario AS s "
      "LEFT JOIN scenario AS b ON b.id = s.base_id ORDER BY s.base_id IS NOT NULL, s.name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(LpScenario) scenario = g_object_new (LP_TYPE_SCENARIO, NULL);
      scenario->id = sqlite3_column_int64 (stmt, 0);
      scenario->name = g_strdup (lp_stmt_column_text (stmt, 1));
      scenario->base_id = sqlite3_column_int64 (stmt, 2);
      scenario->base_name = g_strdup (lp_stmt_column_text (stmt, 3));
      g_list_store_append (store, scenario);
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Inserts the scenario; the caller holds the write transaction. */
static gint64
lp_scenario_insert (LpPlan      *plan,
                    const char  *name,
                    gint64       base_id,
                    GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 id = lp_id_new ();

  if (!lp_validate_text (_("Scenario name"), name, TRUE, LP_NAME_MAX_CHARS, error))
    return 0;
  stmt = lp_plan_prepare (plan, "INSERT INTO scenario (id, name, base_id) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, base_id != 0 ? base_id : lp_plan_get_base_scenario_id (plan));
  if (lp_stmt_run (plan, stmt, _("add the scenario"), &local_error))
    return id;
  if (g_error_matches (local_error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT) &&
      strstr (sqlite3_errmsg (lp_plan_get_db (plan)), "FOREIGN KEY") == NULL)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT,
                 _("There is already a scenario called “%s”"), trimmed);
  else if (g_error_matches (local_error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT))
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND, _("The scenario to build on no longer exists"));
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

gint64
lp_plan_add_scenario (LpPlan      *plan,
                      const char  *name,
                      gint64       base_id,
                      GError     **error)
{
  gint64 id;

  g_return_val_if_fail (LP_IS_PLAN (plan), 0);

  if (!lp_plan_begin_write (plan, error))
    return 0;
  id = lp_scenario_insert (plan, name, base_id, error);
  if (id == 0)
    return lp_plan_rollback (plan), 0;
  if (!lp_plan_commit (plan, error))
    return 0;
  lp_plan_emit_changed (plan, "scenario");
  return id;
}

gboolean
lp_plan_rename_scenario (LpPlan      *plan,
                         gint64       id,
                         const char  *name,
                         GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  sqlite3_stmt *stmt;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  if (!lp_validate_text (_("Scenario name"), name, TRUE, LP_NAME_MAX_CHARS, error) ||
      !lp_plan_begin_write (plan, error))
    return FALSE;
  stmt = lp_plan_prepare (plan, "UPDATE scenario SET name = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return lp_plan_rollback (plan), FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_TRANSIENT);
  if (!lp_stmt_run (plan, stmt, _("rename the scenario"), &local_error))
    {
      lp_plan_rollback (plan);
      return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT,
                          _("There is already a scenario called “%s”"), trimmed), FALSE;
    }
  if (!lp_plan_commit (plan, error))
    return FALSE;
  lp_plan_emit_changed (plan, "scenario");
  return TRUE;
}

/* The tables whose rows belong to a scenario, and whether they carry a key
 * of their own (which a copy must not repeat). */
static const struct {
  const char *table;
  gboolean    has_id;
} scenario_tables[] = {
  { "activity_baseline", TRUE }, { "growth_assumption", FALSE }, { "qipp_reduction", FALSE },
  { "locality_growth_assumption", FALSE },
  { "pathway_change", TRUE }, { "apportionment_weight", FALSE }, { "access_trajectory", TRUE },
  { "access_provision", TRUE }, { "workforce_change", TRUE }, { "workforce_turnover", FALSE },
  { "workforce_target", TRUE },
};

/* INSERT INTO t (a, b...) SELECT a, b... FROM t WHERE scenario_id = ?2,
 * with ?1 for the copy's scenario and a new random key where there is one.
 * Names come from the schema and are quoted with %w. */
static char *
lp_scenario_copy_sql (sqlite3    *db,
                      const char *table)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  char *sql = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info (?1) ORDER BY cid", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      char *column = sqlite3_mprintf ("%s\"%w\"", columns->len > 0 ? ", " : "", name);
      const char *value = g_str_equal (name, "id") ? "(abs (random ()) % 9000000000000000000) + 1"
                        : g_str_equal (name, "scenario_id") ? "?1" : NULL;
      char *expression = value != NULL ? sqlite3_mprintf ("%s%s", values->len > 0 ? ", " : "", value)
                                       : sqlite3_mprintf ("%s\"%w\"", values->len > 0 ? ", " : "", name);
      g_string_append (columns, column);
      g_string_append (values, expression);
      sqlite3_free (column);
      sqlite3_free (expression);
    }
  sqlite3_finalize (stmt);
  sql = sqlite3_mprintf ("INSERT INTO \"%w\" (%s) SELECT %s FROM \"%w\" WHERE scenario_id = ?2",
                         table, columns->str, values->str, table);
  return sql;
}

static gboolean
lp_scenario_copy_rows (LpPlan  *plan,
                       gint64   from,
                       gint64   to,
                       GError **error)
{
  sqlite3 *db = lp_plan_get_db (plan);

  for (guint i = 0; i < G_N_ELEMENTS (scenario_tables); i++)
    {
      char *sql = lp_scenario_copy_sql (db, scenario_tables[i].table);
      sqlite3_stmt *stmt = NULL;
      int rc = sql != NULL ? sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) : SQLITE_ERROR;

      sqlite3_free (sql);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_int64 (stmt, 1, to);
          sqlite3_bind_int64 (stmt, 2, from);
          rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_OK)
        return lp_sqlite_set_error (error, db, rc, _("copy the scenario"));
    }
  return TRUE;
}

static gint64
lp_scenario_base_of (LpPlan *plan,
                     gint64  id,
                     gboolean *found)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, "SELECT ifnull (base_id, 0) FROM scenario WHERE id = ?1", NULL);
  gint64 base = 0;

  *found = FALSE;
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    base = sqlite3_column_int64 (stmt, 0), *found = TRUE;
  sqlite3_reset (stmt);
  return base;
}

gint64
lp_plan_duplicate_scenario (LpPlan      *plan,
                            gint64       id,
                            const char  *name,
                            GError     **error)
{
  gboolean found;
  gint64 base = lp_scenario_base_of (plan, id, &found);
  gint64 copy;

  g_return_val_if_fail (LP_IS_PLAN (plan), 0);

  if (!found)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND, _("The scenario no longer exists")), 0;
  if (!lp_plan_begin_write (plan, error))
    return 0;
  /* A copy of the base scenario builds on the base, like any other. */
  copy = lp_scenario_insert (plan, name, base != 0 ? base : id, error);
  if (copy == 0 || !lp_scenario_copy_rows (plan, id, copy, error))
    return lp_plan_rollback (plan), 0;
  if (!lp_plan_commit (plan, error))
    return 0;
  lp_plan_emit_changed (plan, "scenario");
  return copy;
}

gboolean
lp_plan_delete_scenario (LpPlan      *plan,
                         gint64       id,
                         GError     **error)
{
  gboolean found;
  gint64 base = lp_scenario_base_of (plan, id, &found);

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  if (found && base == 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT,
                        _("The base scenario cannot be deleted: every other scenario builds on it")), FALSE;
  /* A scenario others build on is refused by the schema (ON DELETE
   * RESTRICT); the helper turns that into words. */
  if (!lp_plan_delete_row (plan, "DELETE FROM scenario WHERE id = ?1", id, "scenario",
                           _("delete the scenario"), _("The scenario no longer exists"), error))
    {
      if (error != NULL && *error != NULL && (*error)->code == LP_PLAN_ERROR_CONSTRAINT)
        {
          g_clear_error (error);
          g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT,
                       _("Other scenarios build on this one; delete them first"));
        }
      return FALSE;
    }
  return TRUE;
}

/**
 * lp_plan_dup_scenario_chain:
 *
 * Returns: (transfer full) (element-type gint64): the scenario, then the
 *   one it builds on, and so on to the base; %NULL with @error set if the
 *   scenario is gone
 */
GArray *
lp_plan_dup_scenario_chain (LpPlan  *plan,
                            gint64   scenario_id,
                            GError **error)
{
  gint64 id = scenario_id != 0 ? scenario_id : lp_plan_get_base_scenario_id (plan);
  sqlite3_stmt *stmt = lp_plan_prepare (plan, "SELECT ifnull (base_id, 0) FROM scenario WHERE id = ?1", error);
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (stmt == NULL)
    return NULL;
  /* Sixteen deep at most: a loop in a damaged file cannot hang the app. */
  while (id != 0 && chain->len < 16)
    {
      g_array_append_val (chain, id);
      sqlite3_bind_int64 (stmt, 1, id);
      id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
      sqlite3_reset (stmt);
      if (id < 0)
        return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                            _("The scenario no longer exists")), NULL;
    }
  return g_steal_pointer (&chain);
}

int
lp_scenario_chain_rank (GArray *chain,
                        gint64  scenario)
{
  for (guint i = 0; i < chain->len; i++)
    if (g_array_index (chain, gint64, i) == scenario)
      return (int) i;
  return -1;
}
