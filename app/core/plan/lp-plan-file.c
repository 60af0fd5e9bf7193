/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan file on disk.  These functions never write to a file that has
 * not been recognised as a plan, and never open the document through
 * anything but its one SQLite connection (closing a second descriptor on
 * the same file would silently drop SQLite's POSIX locks). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lp-plan-file.h"
#include "lp-recover-private.h"

#define LP_BUSY_TIMEOUT_MS 5000

static gboolean
lp_plan_file_configure (sqlite3  *db,
                        GError  **error)
{
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, LP_BUSY_TIMEOUT_MS);
  /* Defensive mode stops anything (including a crafted file's schema)
   * from corrupting the database through writable_schema and friends. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  return lp_sqlite_exec (db, "PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF;", error);
}

/**
 * lp_plan_file_connect:
 *
 * Opens one SQLite connection on @path.  Nothing is read or written yet:
 * SQLite touches the file at the first statement.
 */
sqlite3 *
lp_plan_file_connect (const char  *path,
                      gboolean     read_only,
                      gboolean     create,
                      GError     **error)
{
  sqlite3 *db = NULL;
  int flags = SQLITE_OPEN_EXRESCODE;
  int rc;

  flags |= read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (create)
    flags |= SQLITE_OPEN_CREATE;
  rc = sqlite3_open_v2 (path, &db, flags, NULL);
  if (rc != SQLITE_OK || !lp_plan_file_configure (db, NULL))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO,
                   _("Could not open “%s”: %s"), name,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return NULL;
    }
  return db;
}

static int
lp_plan_file_pragma_int (sqlite3    *db,
                         const char *sql,
                         int        *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

static gboolean
lp_plan_file_quick_check (sqlite3     *db,
                          const char  *name,
                          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  gboolean ok = FALSE;

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  if (!ok)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT,
                 _("“%s” is damaged and cannot be opened; use a backup copy of the plan"),
                 name);
  return ok;
}

static gboolean
lp_plan_file_is_empty (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size == 0;
}

static gboolean
lp_plan_file_not_a_plan (GError     **error,
                         int          rc,
                         const char  *path,
                         const char  *name)
{
  /* A plan whose first bytes were overwritten is no database to SQLite,
   * but its pages still hold the plan's rows: say it is damaged, so that
   * it is offered for repair rather than called something else. */
  if ((rc & 0xff) == SQLITE_NOTADB && lp_recover_looks_like_plan (path))
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT,
                 _("“%s” is damaged and cannot be opened; use a backup copy of the plan"), name);
  else if ((rc & 0xff) == SQLITE_NOTADB)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_A_PLAN,
                 _("“%s” is not a Locality Planner plan: it is not a database file"), name);
  else if ((rc & 0xff) == SQLITE_CORRUPT)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT,
                 _("“%s” is damaged and cannot be opened; use a backup copy of the plan"), name);
  else if ((rc & 0xff) == SQLITE_BUSY)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_BUSY,
                 _("“%s” is locked by another program; try again in a moment"), name);
  else
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO,
                 _("Could not read “%s”: %s"), name, sqlite3_errstr (rc));
  return FALSE;
}

/**
 * lp_plan_file_identify:
 * @version: (out): the file's schema version
 *
 * Checks, without writing anything, that @db is a plan file this build can
 * read: the right application id, a known schema version, and an intact
 * database.
 */
gboolean
lp_plan_file_identify (sqlite3     *db,
                       const char  *path,
                       int         *version,
                       GError     **error)
{
  return lp_plan_file_identify_full (db, path, version, TRUE, error);
}

/**
 * lp_plan_file_identify_full:
 * @check_pages: whether to read every page with SQLite's quick check; a
 *   file known to be as it was when last found sound need not be
 *
 * lp_plan_file_identify(), with the check of the whole file optional.
 */
gboolean
lp_plan_file_identify_full (sqlite3     *db,
                            const char  *path,
                            int         *version,
                            gboolean     check_pages,
                            GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  int app_id = 0;
  int rc;

  rc = lp_plan_file_pragma_int (db, "PRAGMA application_id", &app_id);
  if (rc != SQLITE_OK)
    return lp_plan_file_not_a_plan (error, rc, path, name);
  if (app_id != LP_PLAN_APPLICATION_ID && lp_plan_file_is_empty (path))
    {
      /* SQLite takes an empty file for an empty database, not another
       * program's; there is nothing in it to repair either. */
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_A_PLAN,
                   _("“%s” is not a Locality Planner plan: it is empty (0 bytes long)"), name);
      return FALSE;
    }
  if (app_id != LP_PLAN_APPLICATION_ID)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_A_PLAN,
                   _("“%s” is not a Locality Planner plan: it is a database made by another program"),
                   name);
      return FALSE;
    }
  rc = lp_plan_file_pragma_int (db, "PRAGMA user_version", version);
  if (rc != SQLITE_OK)
    return lp_plan_file_not_a_plan (error, rc, path, name);
  if (*version > LP_PLAN_SCHEMA_VERSION)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_TOO_NEW,
                   _("“%s” was made by a newer Locality Planner (plan format %d; this version reads up to %d). "
                     "Update Locality Planner to open it"),
                   name, *version, LP_PLAN_SCHEMA_VERSION);
      return FALSE;
    }
  if (*version < 1)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT,
                   _("“%s” is damaged: it has no plan format version"), name);
      return FALSE;
    }
  return !check_pages || lp_plan_file_quick_check (db, name, error);
}

/**
 * lp_plan_file_set_journal:
 *
 * A rollback journal (DELETE) with synchronous=FULL keeps the plan one
 * self-contained file between edits: it can be copied, mailed or carried to
 * a workshop on a USB stick without a -wal file that must travel with it.
 */
gboolean
lp_plan_file_set_journal (sqlite3  *db,
                          GError  **error)
{
  return lp_sqlite_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;", error);
}

gboolean
lp_plan_file_sync_path (const char  *path,
                        GError     **error)
{
  int fd = g_open (path, O_RDONLY, 0);
  int saved_errno;

  if (fd < 0 || fsync (fd) != 0)
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO,
                   _("Could not write “%s” to disk: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static char *
lp_plan_file_free_backup_name (const char *path,
                               int         version)
{
  char *candidate = g_strdup_printf ("%s.v%d.bak", path, version);

  for (int n = 2; g_file_test (candidate, G_FILE_TEST_EXISTS); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s.v%d-%d.bak", path, version, n);
    }
  return candidate;
}

static gboolean
lp_plan_file_backup_into (sqlite3     *db,
                          const char  *dest_path,
                          GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc = sqlite3_open_v2 (dest_path, &dest,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE, NULL);

  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          rc = rc == SQLITE_DONE ? sqlite3_backup_finish (backup) : (sqlite3_backup_finish (backup), rc);
        }
    }
  if (rc != SQLITE_OK)
    lp_sqlite_set_error (error, dest, rc, _("make a backup copy of the plan"));
  sqlite3_close_v2 (dest);
  if (rc != SQLITE_OK)
    g_unlink (dest_path);
  return rc == SQLITE_OK;
}

/**
 * lp_plan_file_backup:
 *
 * Copies the plan, before a migration changes it, to a file beside it
 * ("name.lpplan.v1.bak"), through SQLite's backup API so that the copy is
 * complete and consistent.  Returns the backup's path.
 */
char *
lp_plan_file_backup (sqlite3     *db,
                     const char  *path,
                     int          version,
                     GError     **error)
{
  g_autofree char *dest_path = lp_plan_file_free_backup_name (path, version);

  if (!lp_plan_file_backup_into (db, dest_path, error))
    return NULL;
  return g_steal_pointer (&dest_path);
}

static gboolean
lp_plan_file_check_copy (const char  *copy_path,
                         GError     **error)
{
  sqlite3 *copy = lp_plan_file_connect (copy_path, TRUE, FALSE, error);
  int version = 0;
  gboolean ok;

  if (copy == NULL)
    return FALSE;
  ok = lp_plan_file_identify (copy, copy_path, &version, error);
  sqlite3_close_v2 (copy);
  return ok;
}

/**
 * lp_plan_file_copy_to:
 *
 * "Save As": VACUUM INTO a temporary file beside @dest_path, flush it to
 * disk, check it opens as an intact plan, then rename it over @dest_path.
 * A reader of @dest_path sees the old file or the complete copy, never part.
 */
gboolean
lp_plan_file_copy_to (sqlite3     *db,
                      const char  *dest_path,
                      GError     **error)
{
  g_autofree char *tmp_path = g_strdup_printf ("%s.part-%08x", dest_path, g_random_int ());
  g_autofree char *dir = g_path_get_dirname (dest_path);
  int rc;

  rc = lp_sqlite_vacuum_into (db, tmp_path);
  if (rc != SQLITE_OK)
    {
      g_unlink (tmp_path);
      return lp_sqlite_set_error (error, db, rc, _("copy the plan"));
    }
  if (!lp_plan_file_sync_path (tmp_path, error) ||
      !lp_plan_file_check_copy (tmp_path, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }
  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;
      g_unlink (tmp_path);
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO,
                   _("Could not save the copy as “%s”: %s"), dest_path, g_strerror (saved_errno));
      return FALSE;
    }
  return lp_plan_file_sync_path (dir, error);
}

void
lp_plan_file_remember (const char     *path,
                       LpFileIdentity *identity)
{
  GStatBuf st;

  identity->known = path != NULL && g_stat (path, &st) == 0;
  identity->device = identity->known ? (guint64) st.st_dev : 0;
  identity->inode = identity->known ? (guint64) st.st_ino : 0;
}

gboolean
lp_plan_file_still_there (const char           *path,
                          const LpFileIdentity *identity,
                          GError              **error)
{
  GStatBuf st;
  g_autofree char *display = NULL;

  if (!identity->known ||
      (g_stat (path, &st) == 0 && (guint64) st.st_dev == identity->device && (guint64) st.st_ino == identity->inode))
    return TRUE;
  display = g_filename_display_name (path);
  g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO,
               _("The plan file “%s” was moved or deleted while it was open, so this change was not "
                 "saved; use Save As to keep the plan"), display);
  return FALSE;
}
