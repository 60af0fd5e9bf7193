/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LpPlan: the user's plan file, open.  One SQLite connection, used from the
 * thread that opened it; every write goes through lp_plan_begin_write(). */
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lp-history.h"
#include "lp-plan-file.h"
#include "lp-plan-stamp.h"

struct _LpPlan
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text -> prepared statement */
  LpHistory  *history;
  GPtrArray  *pending_changes;  /* tables written by the open transaction */
  char       *migration_backup;
  gint64      base_scenario_id;
  int         schema_version;
  guint       write_depth;
  gboolean    write_failed;
  gboolean    read_only;
  LpFileIdentity identity;  /* the file opened, to notice it moved or deleted */
  gboolean    sound_at_open;   /* opened for changes, and checked or known sound */
  gboolean    known_sound;     /* the plan-stamp vouched for it: not read whole at open */
  gint64      data_version_at_open;
};

enum {
  CHANGED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LpPlan, lp_plan, G_TYPE_OBJECT)

static void lp_plan_flush_changes (LpPlan *self);

static void
lp_plan_finalize (GObject *object)
{
  LpPlan *self = LP_PLAN (object);

  lp_plan_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->migration_backup, g_free);
  g_clear_pointer (&self->history, lp_history_free);
  g_clear_pointer (&self->pending_changes, g_ptr_array_unref);
  G_OBJECT_CLASS (lp_plan_parent_class)->finalize (object);
}

static void
lp_plan_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  LpPlan *self = LP_PLAN (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO: g_value_set_boolean (value, lp_plan_can_undo (self)); break;
    case PROP_CAN_REDO: g_value_set_boolean (value, lp_plan_can_redo (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_plan_class_init (LpPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lp_plan_finalize;
  object_class->get_property = lp_plan_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LpPlan::changed:
   * @table: the table whose rows changed
   *
   * Emitted after a write to the plan has been committed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
lp_plan_finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
lp_plan_init (LpPlan *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            lp_plan_finalize_statement);
  self->history = lp_history_new ();
  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
}

gboolean
lp_plan_reload_base_scenario (LpPlan  *self,
                              GError **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (self,
      "SELECT id FROM scenario WHERE base_id IS NULL ORDER BY name = 'Base' DESC, name LIMIT 1",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    self->base_scenario_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT,
                   _("The plan has no base scenario"));
      return FALSE;
    }
  return TRUE;
}

static LpPlan *
lp_plan_new_for_db (sqlite3    *db,
                    const char *path,
                    int         version,
                    gboolean    read_only)
{
  LpPlan *self = g_object_new (LP_TYPE_PLAN, NULL);

  self->db = db;
  self->path = g_strdup (path);
  self->schema_version = version;
  self->read_only = read_only;
  lp_plan_file_remember (path, &self->identity);
  return self;
}

/**
 * lp_plan_get_data_version:
 *
 * SQLite's data_version: it changes when another connection commits to
 * the file, never for this connection's own commits, so that what was read
 * and kept can be known to be still true.  -1 when it cannot be read.
 */
gint64
lp_plan_get_data_version (LpPlan *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  if (self->db != NULL && sqlite3_prepare_v2 (self->db, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
lp_plan_file_is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  /* SQLite also needs the folder to be writable for its rollback journal. */
  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

static gboolean
lp_plan_migrate (LpPlan             *self,
                 const LpMigration  *steps,
                 guint               n_steps,
                 GError            **error)
{
  int target = steps[n_steps - 1].version;

  if (self->schema_version >= target)
    return TRUE;
  if (self->read_only)
    {
      g_autofree char *name = g_filename_display_basename (self->path);

      /* Opened only to be read (as the command-line tool's reports do),
       * a file that could be changed just needs opening for changes once. */
      if (lp_plan_file_is_writable (self->path))
        g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NEEDS_UPGRADE,
                     _("“%s” was made by an older Locality Planner and must be upgraded first: "
                       "open it in Locality Planner, which keeps a copy of the old file"), name);
      else
        g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_READ_ONLY,
                     _("“%s” was made by an older Locality Planner and must be upgraded, "
                       "but it is read-only. Open a copy that you can change"), name);
      return FALSE;
    }
  self->migration_backup = lp_plan_file_backup (self->db, self->path, self->schema_version, error);
  if (self->migration_backup == NULL)
    return FALSE;
  if (!lp_migrations_apply (self->db, steps, n_steps, self->schema_version, error))
    return FALSE;
  self->schema_version = target;
  return TRUE;
}

LpPlan *
lp_plan_open_with_migrations (const char         *path,
                              LpPlanOpenFlags     flags,
                              const LpMigration  *steps,
                              guint               n_steps,
                              GError            **error)
{
  g_autoptr(LpPlan) self = NULL;
  gboolean read_only = (flags & LP_PLAN_OPEN_READ_ONLY) != 0;
  sqlite3 *db;
  int version = 0;
  gboolean known_sound;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (n_steps > 0, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                   _("There is no plan file at “%s”"), name);
      return NULL;
    }
  read_only = read_only || !lp_plan_file_is_writable (path);
  db = lp_plan_file_connect (path, read_only, FALSE, error);
  if (db == NULL)
    return NULL;
  /* A plan closed sound by this program and not written since need not be
   * read whole again (see lp-plan-stamp.c). */
  known_sound = lp_plan_stamp_matches (path);
  if (!lp_plan_file_identify_full (db, path, &version, !known_sound, error))
    {
      sqlite3_close_v2 (db);
      lp_plan_stamp_forget (path);
      return NULL;
    }
  self = lp_plan_new_for_db (db, path, version, read_only);
  self->known_sound = known_sound;
  if ((!read_only && !lp_plan_file_set_journal (db, error)) ||
      !lp_plan_migrate (self, steps, n_steps, error) ||
      !lp_plan_reload_base_scenario (self, error))
    return NULL;
  /* Only a check on a connection that may write tests the CHECK rules. */
  self->sound_at_open = !read_only;
  self->data_version_at_open = lp_plan_get_data_version (self);
  return g_steal_pointer (&self);
}

/**
 * lp_plan_open:
 * @path: a plan file
 * @flags: %LP_PLAN_OPEN_READ_ONLY to open without changing it
 *
 * Opens a plan file.  A file that is not a plan, is damaged, or was made by
 * a newer version is refused with a #LpPlanError and is left untouched.  A
 * plan made by an older version is upgraded, after a copy of it is kept
 * beside it (see lp_plan_get_migration_backup()).  A file the user may not
 * write is opened read-only.
 *
 * Returns: (transfer full): the open plan, or %NULL with @error set
 */
LpPlan *
lp_plan_open (const char       *path,
              LpPlanOpenFlags   flags,
              GError          **error)
{
  guint n_steps;
  const LpMigration *steps = lp_migrations_builtin (&n_steps);

  return lp_plan_open_with_migrations (path, flags, steps, n_steps, error);
}

gboolean
lp_plan_initialise (sqlite3  *db,
                    GError  **error)
{
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", LP_PLAN_APPLICATION_ID);
  guint n_steps;
  const LpMigration *steps = lp_migrations_builtin (&n_steps);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!lp_sqlite_exec (db, "PRAGMA page_size = 4096", error) ||
      !lp_plan_file_set_journal (db, error) ||
      !lp_sqlite_exec (db, set_id, error) ||
      !lp_migrations_apply (db, steps, n_steps, 0, error))
    return FALSE;
  rc = sqlite3_prepare_v2 (db,
      "INSERT INTO scenario (id, name, notes) VALUES (?1, 'Base', '');"
      , -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, lp_id_new ());
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return lp_sqlite_set_error (error, db, rc, _("create the base scenario"));
  return lp_sqlite_exec (db,
      "INSERT INTO plan_info (key, value) VALUES "
      "('created', strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')), "
      "('created_by', 'Locality Planner " PACKAGE_VERSION "')", error);
}

/**
 * lp_plan_create:
 * @path: where the new plan file goes; it must not exist yet
 *
 * Creates an empty plan with the current schema, the reference rows every
 * plan carries (staff groups and roles, points of delivery, activity lines)
 * and a base scenario.
 *
 * Returns: (transfer full): the open plan, or %NULL with @error set
 */
LpPlan *
lp_plan_create (const char  *path,
                GError     **error)
{
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_EXISTS,
                   _("“%s” already exists; choose another name for the new plan"), name);
      return NULL;
    }
  db = lp_plan_file_connect (path, FALSE, TRUE, error);
  if (db == NULL)
    return NULL;
  if (!lp_plan_initialise (db, error))
    {
      sqlite3_close_v2 (db);
      g_unlink (path);
      return NULL;
    }
  sqlite3_close_v2 (db);
  return lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, error);
}

/**
 * lp_plan_close:
 *
 * Closes the database connection.  Safe to call more than once; the plan
 * object answers no further queries afterwards.
 */
void
lp_plan_close (LpPlan *self)
{
  gboolean still_sound;

  g_return_if_fail (LP_IS_PLAN (self));

  /* Sound when opened, written only through this connection since (no
   * other program committed: data_version is the same), and every write
   * whole: the file is sound as it is left. */
  still_sound = self->db != NULL && self->sound_at_open && !self->write_failed && self->write_depth == 0 &&
                lp_plan_get_data_version (self) == self->data_version_at_open &&
                lp_plan_file_still_there (self->path, &self->identity, NULL);
  g_hash_table_remove_all (self->statements);
  lp_history_abort (self->history);   /* a session must not outlive its connection */
  if (self->db != NULL && sqlite3_close (self->db) != SQLITE_OK)
    {
      /* Something still holds the connection: it closes when let go, and
       * the file is checked when next opened. */
      sqlite3_close_v2 (self->db);
      still_sound = FALSE;
    }
  self->db = NULL;
  if (still_sound)
    lp_plan_stamp_record (self->path);
}

const char *
lp_plan_get_path (LpPlan *self)
{
  g_return_val_if_fail (LP_IS_PLAN (self), NULL);
  return self->path;
}

gboolean
lp_plan_is_read_only (LpPlan *self)
{
  g_return_val_if_fail (LP_IS_PLAN (self), TRUE);
  return self->read_only;
}

/**
 * lp_plan_was_known_sound:
 *
 * Whether opening trusted the file without reading it whole: this program
 * closed it sound and nothing has written it since (see lp-plan-stamp.c).
 * A plan not known sound may still break rules that opening does not test
 * (a reference to a row that is gone, a key held twice, and on a read-only
 * file every CHECK): a caller that must know runs lp_plan_check().
 */
gboolean
lp_plan_was_known_sound (LpPlan *self)
{
  g_return_val_if_fail (LP_IS_PLAN (self), FALSE);
  return self->known_sound;
}

/**
 * lp_plan_set_unsound:
 *
 * Records that the plan breaks rules (lp_plan_check() found errors), so
 * that closing it does not vouch for the file and the next open checks it
 * again.
 */
void
lp_plan_set_unsound (LpPlan *self)
{
  g_return_if_fail (LP_IS_PLAN (self));
  self->sound_at_open = FALSE;
  self->known_sound = FALSE;
  lp_plan_stamp_forget (self->path);
}

int
lp_plan_get_schema_version (LpPlan *self)
{
  g_return_val_if_fail (LP_IS_PLAN (self), 0);
  return self->schema_version;
}

/**
 * lp_plan_get_migration_backup:
 *
 * Returns: (nullable): the copy kept when opening upgraded the plan, or %NULL
 */
const char *
lp_plan_get_migration_backup (LpPlan *self)
{
  g_return_val_if_fail (LP_IS_PLAN (self), NULL);
  return self->migration_backup;
}

gint64
lp_plan_get_base_scenario_id (LpPlan *self)
{
  g_return_val_if_fail (LP_IS_PLAN (self), 0);
  return self->base_scenario_id;
}

static gboolean
lp_plan_same_file (const char *a,
                   const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/**
 * lp_plan_save_copy:
 * @dest_path: where the copy goes; an existing file there is replaced
 *
 * Writes a complete, consistent copy of the plan ("Save As").  The open
 * plan stays as it is.
 */
gboolean
lp_plan_save_copy (LpPlan      *self,
                   const char  *dest_path,
                   GError     **error)
{
  g_return_val_if_fail (LP_IS_PLAN (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (lp_plan_same_file (self->path, dest_path))
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_EXISTS,
                   _("A copy cannot replace the plan it is copied from"));
      return FALSE;
    }
  return lp_plan_file_copy_to (self->db, dest_path, error);
}

/**
 * lp_plan_take_copy:
 *
 * Copies the plan, as committed, into a new temporary file (VACUUM INTO),
 * for lp_plan_restore_copy() to put back.
 *
 * Returns: (transfer full): the copy's path, or %NULL with @error set
 */
char *
lp_plan_take_copy (LpPlan  *self,
                   GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;
  int fd, rc;

  g_return_val_if_fail (LP_IS_PLAN (self), NULL);
  /* An empty file is one VACUUM INTO may fill. */
  fd = g_file_open_tmp ("locality-planner-undo-XXXXXX.lpplan", &path, &local_error);
  if (fd < 0)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO,
                   _("Could not keep a copy of the plan to undo with: %s"), local_error->message);
      return NULL;
    }
  close (fd);
  rc = lp_sqlite_vacuum_into (self->db, path);
  if (rc != SQLITE_OK)
    {
      g_unlink (path);
      lp_sqlite_set_error (error, self->db, rc, _("keep a copy of the plan to undo with"));
      return NULL;
    }
  return g_steal_pointer (&path);
}

int
lp_sqlite_vacuum_into (sqlite3    *db,
                       const char *path)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?1", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* Tells every view that each of the plan's tables may have changed. */
static void
lp_plan_emit_all_changed (LpPlan *self)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                          "AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < tables->len; i++)
    lp_plan_emit_changed (self, g_ptr_array_index (tables, i));
}

/**
 * lp_plan_restore_copy:
 * @path: a copy made by lp_plan_take_copy() of this plan
 *
 * Replaces the plan's contents with the copy's, in one transaction (the
 * backup API writes the pages under the plan's own journal, so a crash
 * leaves the plan as it was or as the copy).  The file stays the same
 * file.  Readers on other connections are waited for a few seconds.
 */
gboolean
lp_plan_restore_copy (LpPlan      *self,
                      const char  *path,
                      GError     **error)
{
  sqlite3 *source = NULL;
  sqlite3_backup *backup;
  int rc, tries = 0;

  g_return_val_if_fail (LP_IS_PLAN (self), FALSE);
  g_return_val_if_fail (self->write_depth == 0, FALSE);

  if (self->read_only)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_READ_ONLY,
                   _("The plan is open read-only; save a copy to make changes"));
      return FALSE;
    }
  if (!lp_plan_file_still_there (self->path, &self->identity, error))
    return FALSE;
  rc = sqlite3_open_v2 (path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_close_v2 (source);
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO,
                   _("The copy of the plan kept to undo with cannot be read"));
      return FALSE;
    }
  /* Cached statements would hold the old schema; they are made again. */
  g_hash_table_remove_all (self->statements);
  backup = sqlite3_backup_init (self->db, "main", source, "main");
  if (backup == NULL)
    {
      lp_sqlite_set_error (error, self->db, sqlite3_errcode (self->db), _("put the earlier plan back"));
      sqlite3_close_v2 (source);
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++tries < 250);
  sqlite3_backup_finish (backup);
  sqlite3_close_v2 (source);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, self->db, rc, _("put the earlier plan back"));
  if (!lp_plan_reload_base_scenario (self, error))
    return FALSE;
  lp_plan_emit_all_changed (self);
  return TRUE;
}

sqlite3 *
lp_plan_get_db (LpPlan *self)
{
  g_return_val_if_fail (LP_IS_PLAN (self), NULL);
  return self->db;
}

/**
 * lp_plan_prepare:
 * @sql: a statement; the text is the cache key, so pass a string literal
 *
 * Returns a prepared statement, reset and with no bindings, that the plan
 * keeps and reuses.  The caller resets it after stepping (lp_stmt_run()
 * does).
 */
sqlite3_stmt *
lp_plan_prepare (LpPlan      *self,
                 const char  *sql,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (self), NULL);

  if (self->db == NULL)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_DATABASE, _("The plan is closed"));
      return NULL;
    }
  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      lp_sqlite_set_error (error, self->db, rc, _("read the plan"));
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sqlite3_sql (stmt), stmt);
  return stmt;
}

/**
 * lp_plan_begin_write:
 *
 * Starts a write transaction (BEGIN IMMEDIATE, so a second writer waits at
 * the start rather than failing half way).  Calls nest: only the outermost
 * commits, and a rollback at any depth makes the whole transaction roll
 * back.
 */
static gboolean lp_plan_begin (LpPlan *self, gboolean tracked, GError **error);

gboolean
lp_plan_begin_write (LpPlan  *self,
                     GError **error)
{
  return lp_plan_begin (self, TRUE, error);
}

/**
 * lp_plan_begin_untracked_write:
 *
 * Like lp_plan_begin_write(), but the transaction is not recorded for
 * undo: an import of a million rows would otherwise hold a changeset of a
 * million rows in memory.  Earlier undo steps stay; one that touches rows
 * the import changed is refused as a conflict when undone.
 */
gboolean
lp_plan_begin_untracked_write (LpPlan  *self,
                               GError **error)
{
  return lp_plan_begin (self, FALSE, error);
}

static gboolean
lp_plan_begin (LpPlan   *self,
               gboolean  tracked,
               GError  **error)
{
  g_return_val_if_fail (LP_IS_PLAN (self), FALSE);

  if (self->read_only)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_READ_ONLY,
                   _("The plan is open read-only; save a copy to make changes"));
      return FALSE;
    }
  if (self->db == NULL)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_DATABASE, _("The plan is closed"));
      return FALSE;
    }
  if (self->write_depth == 0 && !lp_plan_file_still_there (self->path, &self->identity, error))
    return FALSE;
  if (self->write_depth == 0)
    {
      int rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        return lp_sqlite_set_error (error, self->db, rc, _("start changing the plan"));
      self->write_failed = FALSE;
      if (tracked)
        lp_history_begin (self->history, self->db);
    }
  self->write_depth++;
  return TRUE;
}

gboolean
lp_plan_commit (LpPlan  *self,
                GError **error)
{
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (self), FALSE);
  g_return_val_if_fail (self->write_depth > 0, FALSE);

  if (--self->write_depth > 0)
    return TRUE;
  if (self->write_failed)
    {
      g_ptr_array_set_size (self->pending_changes, 0);
      lp_history_abort (self->history);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_DATABASE,
                   _("The change was not saved because part of it failed"));
      return FALSE;
    }
  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_ptr_array_set_size (self->pending_changes, 0);
      lp_history_abort (self->history);
      lp_sqlite_set_error (error, self->db, rc, _("save the change"));
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  if (lp_history_commit (self->history))
    lp_plan_notify_history (self);
  lp_plan_flush_changes (self);
  return TRUE;
}

void
lp_plan_rollback (LpPlan *self)
{
  g_return_if_fail (LP_IS_PLAN (self));
  g_return_if_fail (self->write_depth > 0);

  self->write_failed = TRUE;
  if (--self->write_depth == 0)
    {
      g_ptr_array_set_size (self->pending_changes, 0);
      lp_history_abort (self->history);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    }
}

LpHistory *
lp_plan_get_history (LpPlan *self)
{
  return self->history;
}

void
lp_plan_notify_history (LpPlan *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Emits "changed" for @table now, or, inside a transaction, once the
 * outermost transaction has committed (and not at all if it rolls back). */
void
lp_plan_emit_changed (LpPlan     *self,
                      const char *table)
{
  if (self->write_depth > 0)
    {
      if (!g_ptr_array_find_with_equal_func (self->pending_changes, table, g_str_equal, NULL))
        g_ptr_array_add (self->pending_changes, g_strdup (table));
      return;
    }
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table);
}

static void
lp_plan_flush_changes (LpPlan *self)
{
  g_autoptr(GPtrArray) tables = g_steal_pointer (&self->pending_changes);

  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < tables->len; i++)
    lp_plan_emit_changed (self, g_ptr_array_index (tables, i));
}

