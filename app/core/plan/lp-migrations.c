/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Numbered schema scripts shipped in the GResource bundle, applied in order
 * inside one transaction together with the user_version bump. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lp-plan-private.h"

static const LpMigration builtin_migrations[] = {
  { 1, RESOURCE_BASE "/sql/0001-initial.sql", NULL },
  { 2, RESOURCE_BASE "/sql/0002-age-bands-groupings.sql", NULL },
  { 3, RESOURCE_BASE "/sql/0003-closed-practices-joiners.sql", NULL },
  { 4, RESOURCE_BASE "/sql/0004-locality-growth.sql", NULL },
  { 5, RESOURCE_BASE "/sql/0005-plan-identity-workshop.sql", NULL },
  { 6, RESOURCE_BASE "/sql/0006-age-profiles.sql", NULL },
  { 7, RESOURCE_BASE "/sql/0007-population-bases.sql", NULL },
  { 8, RESOURCE_BASE "/sql/0008-pcn-era.sql", NULL },
  { 9, RESOURCE_BASE "/sql/0009-repair-notes.sql", NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (builtin_migrations) == LP_PLAN_SCHEMA_VERSION);

const LpMigration *
lp_migrations_builtin (guint *n_steps)
{
  *n_steps = G_N_ELEMENTS (builtin_migrations);
  return builtin_migrations;
}

static char *
lp_migration_load (const LpMigration  *step,
                   GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (step->sql != NULL)
    return g_strdup (step->sql);
  bytes = g_resources_lookup_data (step->resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static gboolean
lp_migration_run_step (sqlite3            *db,
                       const LpMigration  *step,
                       GError            **error)
{
  g_autofree char *script = lp_migration_load (step, error);
  g_autofree char *bump = NULL;
  g_autoptr(GError) local_error = NULL;

  if (script == NULL)
    return FALSE;
  if (!lp_sqlite_exec (db, script, &local_error))
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_DATABASE,
                   _("Could not upgrade the plan to schema version %d: %s"),
                   step->version, local_error->message);
      return FALSE;
    }
  /* PRAGMA cannot take bound parameters; the version is our own integer. */
  bump = g_strdup_printf ("PRAGMA user_version = %d", step->version);
  return lp_sqlite_exec (db, bump, error);
}

/**
 * lp_migrations_apply:
 * @from_version: the file's current user_version
 *
 * Applies every step newer than @from_version.  All steps and their
 * user_version bumps commit together or not at all.
 */
gboolean
lp_migrations_apply (sqlite3            *db,
                     const LpMigration  *steps,
                     guint               n_steps,
                     int                 from_version,
                     GError            **error)
{
  if (!lp_sqlite_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; i < n_steps; i++)
    {
      if (steps[i].version <= from_version)
        continue;
      if (!lp_migration_run_step (db, &steps[i], error))
        {
          lp_sqlite_exec (db, "ROLLBACK", NULL);
          return FALSE;
        }
    }
  if (!lp_sqlite_exec (db, "COMMIT", error))
    {
      lp_sqlite_exec (db, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}
