/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Workshop copies and merging them back.
 *
 * Preparing copies takes one snapshot of the plan, the base, and writes one
 * complete plan file per group from it, each marked with its name and the
 * base's id (table workshop_copy).  The base itself is kept INSIDE the
 * organiser's plan file, as a blob in workshop_base, rather than as a
 * hidden file beside it: the plan is one self-contained file that people
 * carry to a workshop on a USB stick, mail, or Save As elsewhere, and a
 * hidden file beside it would be left behind by all of those, making every
 * copy unmergeable.  The price is the plan's size growing by one plan per
 * preparation; copies leave the blobs out.
 *
 * Merging finds what the copy changed with SQLite's session extension:
 * sqlite3session_diff() of each table of the copy against the base gives
 * the copy's changeset, whoever made the changes (the app, the CLI, the
 * sqlite3 shell).  The changeset is applied to the plan with
 * sqlite3changeset_apply() inside one write transaction, so it is one undo
 * step.  A change whose old values no longer match the plan's row is where
 * the plan (or a copy merged before) changed the same thing since the base:
 * the conflict handler compares base, copy and plan-now values column by
 * column.  A column the plan left at its base value, or that already holds
 * the copy's value, is no conflict (so merging the same copy twice changes
 * nothing); otherwise it is a conflict the caller decides.  While any
 * conflict is undecided the transaction is rolled back: nothing applied. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lp-workshop.h"
#include "lp-workshop-private.h"
#include "lp-history.h"
#include "lp-plan-file.h"

/* The tables that say which plan and which copy a file is: never merged. */
static const char * const lp_workshop_own_tables[] = {
  "plan_identity", "workshop_base", "workshop_copy", NULL
};

struct _LpWorkshopCopy
{
  char      *path;
  char      *display;    /* the file's name, for messages */
  char      *name;       /* the copy's name given when it was prepared */
  char      *base_id;
  char      *taken_at;
  char      *base_path;  /* the base, written out to a temporary file */
  sqlite3   *db;         /* the copy as "main", the base attached as "base" */
  GPtrArray *tables;     /* the tables compared, parents before children */
  gboolean   against_plan;  /* compared with the plan as it is: every difference a conflict */
  GHashTable *statements;   /* SQL text -> sqlite3_stmt, kept for the words of many changes */
  void      *changeset;     /* what the copy changed, found once (lp_workshop_diff) */
  int        changeset_size;
  gboolean   diffed;
};

void
lp_merge_conflict_free (LpMergeConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->table);
  g_free (conflict->row_key);
  g_free (conflict->column);
  g_free (conflict->base_value);
  g_free (conflict->copy_value);
  g_free (conflict->plan_value);
  g_free (conflict);
}

LpMergeConflict *
lp_merge_conflict_copy (const LpMergeConflict *conflict)
{
  LpMergeConflict *copy = g_new0 (LpMergeConflict, 1);

  *copy = *conflict;
  copy->table = g_strdup (conflict->table);
  copy->row_key = g_strdup (conflict->row_key);
  copy->column = g_strdup (conflict->column);
  copy->base_value = g_strdup (conflict->base_value);
  copy->copy_value = g_strdup (conflict->copy_value);
  copy->plan_value = g_strdup (conflict->plan_value);
  return copy;
}

static char *
lp_workshop_random_id (void)
{
  guint8 bytes[16];
  GString *id = g_string_sized_new (32);

  sqlite3_randomness (sizeof bytes, bytes);
  for (guint i = 0; i < sizeof bytes; i++)
    g_string_append_printf (id, "%02x", bytes[i]);
  return g_string_free (id, FALSE);
}

static char *
lp_workshop_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * lp_plan_dup_plan_id:
 *
 * Returns: (transfer full) (nullable): the plan's random identity, kept by
 *   every copy of it
 */
char *
lp_plan_dup_plan_id (LpPlan *plan)
{
  sqlite3_stmt *stmt;
  char *id = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);
  stmt = lp_plan_prepare (plan, "SELECT plan_id FROM plan_identity WHERE singleton = 1", NULL);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup (lp_stmt_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return id;
}

static gboolean
lp_workshop_check_names (const char * const  *names,
                         guint                n_names,
                         GError             **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (n_names == 0)
    {
      g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                           _("Name at least one copy to prepare"));
      return FALSE;
    }
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (names[i]));
      g_autofree char *folded = g_utf8_casefold (name, -1);

      if (*name == '\0' || name[0] == '.' || strchr (name, '/') != NULL || strchr (name, '\\') != NULL ||
          !g_utf8_validate (name, -1, NULL))
        {
          g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                       _("“%s” cannot be the name of a copy: a name is used as a file name, so it must not "
                         "be empty, start with a dot or contain a slash"), names[i]);
          return FALSE;
        }
      if (!g_hash_table_add (seen, g_steal_pointer (&folded)))
        {
          g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                       _("“%s” is named twice; each copy needs a name of its own"), name);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * lp_workshop_split_names:
 * @text: names as a person types them, one a line or separated by commas:
 *   "Table 1, Table 2"
 *
 * Returns: (transfer full): the names, each trimmed, the empty ones left
 *   out
 */
GStrv
lp_workshop_split_names (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_regex_split_simple ("[,\\n;]", text != NULL ? text : "", 0, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

/**
 * lp_workshop_check_copies:
 * @dir: where the copies are to go
 * @names: (array length=n_names): their names
 *
 * Checks, writing nothing, what lp_plan_prepare_workshop_copies() checks
 * before it begins: usable names, none twice, a folder that exists and can
 * be written to, and no file there already with a copy's name.  The error
 * is %LP_PLAN_ERROR_NOT_FOUND or %LP_PLAN_ERROR_READ_ONLY for the folder,
 * %LP_PLAN_ERROR_INVALID or %LP_PLAN_ERROR_EXISTS for the names.
 */
gboolean
lp_workshop_check_copies (const char          *dir,
                          const char * const  *names,
                          guint                n_names,
                          GError             **error)
{
  g_autofree char *display_dir = NULL;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (names != NULL || n_names == 0, FALSE);

  if (!lp_workshop_check_names (names, n_names, error))
    return FALSE;
  display_dir = g_filename_display_name (dir);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                   _("There is no folder “%s” to put the workshop copies in"), display_dir);
      return FALSE;
    }
  if (g_access (dir, W_OK) != 0)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_READ_ONLY,
                   _("The folder “%s” cannot be written to; choose another folder for the workshop copies"),
                   display_dir);
      return FALSE;
    }
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (names[i]));
      g_autofree char *file = g_strconcat (name, LP_PLAN_FILE_SUFFIX, NULL);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *display = g_filename_display_name (file);
          g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_EXISTS,
                       _("“%s” already exists in “%s”; choose another folder or another name"),
                       display, display_dir);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
lp_workshop_sync (const char  *path,
                  GError     **error)
{
  int fd = g_open (path, O_RDONLY, 0);
  int saved_errno = 0;

  if (fd < 0 || fsync (fd) != 0)
    saved_errno = errno;
  if (fd >= 0)
    close (fd);
  if (saved_errno != 0)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO,
                   _("Could not write “%s” to disk: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
lp_workshop_exec (sqlite3     *db,
                  const char  *doing,
                  const char  *sql,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (lp_sqlite_exec (db, sql, &local_error))
    return TRUE;
  g_set_error (error, LP_PLAN_ERROR, local_error->code, _("Could not %s: %s"), doing, local_error->message);
  return FALSE;
}

/* The base: the plan as it is, without any bases of its own or the mark of
 * a workshop copy (a copy may hand out copies of its own). */
static char *
lp_workshop_take_base (LpPlan  *plan,
                       GError **error)
{
  g_autofree char *path = lp_plan_take_copy (plan, error);
  sqlite3 *db;
  gboolean ok;

  if (path == NULL)
    return NULL;
  db = lp_plan_file_connect (path, FALSE, FALSE, error);
  ok = db != NULL &&
       lp_workshop_exec (db, _("prepare the workshop copies"),
                         "DELETE FROM workshop_base; DELETE FROM workshop_copy; VACUUM;", error);
  sqlite3_close_v2 (db);
  if (!ok)
    {
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

/* One copy, complete, under a temporary name beside where it goes. */
static gboolean
lp_workshop_write_copy (sqlite3     *base,
                        const char  *tmp_path,
                        const char  *name,
                        const char  *base_id,
                        const char  *taken_at,
                        GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *copy = NULL;
  int rc;

  rc = lp_sqlite_vacuum_into (base, tmp_path);
  if (rc != SQLITE_OK)
    return lp_sqlite_set_error (error, base, rc, _("write the workshop copy"));
  copy = lp_plan_file_connect (tmp_path, FALSE, FALSE, error);
  if (copy == NULL)
    return FALSE;
  rc = sqlite3_prepare_v2 (copy, "INSERT INTO workshop_copy (singleton, name, base_id, taken_at) "
                           "VALUES (1, ?1, ?2, ?3)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, base_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, taken_at, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    lp_sqlite_set_error (error, copy, rc, _("write the workshop copy"));
  sqlite3_close_v2 (copy);
  return rc == SQLITE_OK && lp_workshop_sync (tmp_path, error);
}

static gboolean
lp_workshop_keep_base (LpPlan      *plan,
                       const char  *base_path,
                       const char  *base_id,
                       const char  *taken_at,
                       const char  *copies,
                       GError     **error)
{
  g_autofree char *image = NULL;
  gsize size = 0;
  sqlite3_stmt *stmt;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_get_contents (base_path, &image, &size, &local_error))
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO,
                   _("Could not keep the state the copies were taken from: %s"), local_error->message);
      return FALSE;
    }
  /* Not an undo step: the base is bookkeeping, and undoing it would only
   * make the copies impossible to merge. */
  if (!lp_plan_begin_untracked_write (plan, error))
    return FALSE;
  stmt = lp_plan_prepare (plan, "INSERT INTO workshop_base (base_id, taken_at, copies, image) "
                          "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return lp_plan_rollback (plan), FALSE;
  sqlite3_bind_text (stmt, 1, base_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, taken_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, copies, -1, SQLITE_STATIC);
  sqlite3_bind_blob64 (stmt, 4, image, size, SQLITE_STATIC);
  if (!lp_stmt_run (plan, stmt, _("keep the state the copies were taken from"), error))
    return lp_plan_rollback (plan), FALSE;
  return lp_plan_commit (plan, error);
}

static void
lp_workshop_unlink_all (GPtrArray *paths)
{
  for (guint i = 0; i < paths->len; i++)
    g_unlink (g_ptr_array_index (paths, i));
}

/**
 * lp_plan_prepare_workshop_copies:
 * @dir: an existing folder the user may write to
 * @names: (array length=n_names): one name per group or laptop; each copy
 *   is written as "NAME.lpplan"
 * @paths: (out) (optional) (transfer full): the copies' paths, in order
 *
 * Writes one complete plan file per name into @dir, all taken at the same
 * moment, each carrying the plan's id, its own name and the id of that
 * moment (the base), which the plan keeps to tell later what each copy
 * changed (lp_plan_merge_copy()).  A file already there is never replaced:
 * the whole preparation is refused, writing nothing.  Each copy is
 * written under a temporary name and renamed into place once complete.
 */
gboolean
lp_plan_prepare_workshop_copies (LpPlan              *plan,
                                 const char          *dir,
                                 const char * const  *names,
                                 guint                n_names,
                                 GPtrArray          **paths,
                                 GError             **error)
{
  g_autoptr(GPtrArray) final_paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tmp_paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) renamed = g_ptr_array_new ();
  g_autofree char *base_path = NULL;
  g_autofree char *base_id = NULL;
  g_autofree char *taken_at = NULL;
  g_autofree char *copies = NULL;
  sqlite3 *base = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (names != NULL || n_names == 0, FALSE);

  if (!lp_workshop_check_copies (dir, names, n_names, error))
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (names[i]));
      g_autofree char *file = g_strconcat (name, LP_PLAN_FILE_SUFFIX, NULL);
      char *path = g_build_filename (dir, file, NULL);

      g_ptr_array_add (final_paths, path);
      g_ptr_array_add (tmp_paths, g_strdup_printf ("%s.part-%08x", path, g_random_int ()));
    }

  base_id = lp_workshop_random_id ();
  taken_at = lp_workshop_now ();
  {
    g_autoptr(GString) joined = g_string_new (NULL);
    for (guint i = 0; i < n_names; i++)
      g_string_append_printf (joined, "%s%s", i > 0 ? "\n" : "", names[i]);
    copies = g_string_free (g_steal_pointer (&joined), FALSE);
  }
  base_path = lp_workshop_take_base (plan, error);
  if (base_path == NULL)
    return FALSE;
  base = lp_plan_file_connect (base_path, TRUE, FALSE, error);
  ok = base != NULL;
  for (guint i = 0; ok && i < n_names; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (names[i]));
      ok = lp_workshop_write_copy (base, g_ptr_array_index (tmp_paths, i), name, base_id, taken_at, error);
    }
  sqlite3_close_v2 (base);
  ok = ok && lp_workshop_keep_base (plan, base_path, base_id, taken_at, copies, error);
  g_unlink (base_path);
  for (guint i = 0; ok && i < n_names; i++)
    {
      const char *final = g_ptr_array_index (final_paths, i);

      if (g_rename (g_ptr_array_index (tmp_paths, i), final) != 0)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (final);

          g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO,
                       _("Could not write the workshop copy “%s”: %s"), display, g_strerror (saved_errno));
          ok = FALSE;
          break;
        }
      g_ptr_array_add (renamed, (gpointer) final);
    }
  if (!ok)
    {
      lp_workshop_unlink_all (tmp_paths);
      lp_workshop_unlink_all (renamed);
      return FALSE;
    }
  if (!lp_workshop_sync (dir, error))
    return FALSE;
  lp_plan_emit_changed (plan, "workshop_base");
  if (paths != NULL)
    *paths = g_steal_pointer (&final_paths);
  return TRUE;
}

/* ----------------------------------------------------------------------- */
/* Reading a copy */

void
lp_workshop_copy_free (LpWorkshopCopy *copy)
{
  if (copy == NULL)
    return;
  g_clear_pointer (&copy->statements, g_hash_table_unref);
  sqlite3_close_v2 (copy->db);
  if (copy->base_path != NULL)
    g_unlink (copy->base_path);
  g_free (copy->base_path);
  g_free (copy->path);
  g_free (copy->display);
  g_free (copy->name);
  g_free (copy->base_id);
  g_free (copy->taken_at);
  g_clear_pointer (&copy->tables, g_ptr_array_unref);
  sqlite3_free (copy->changeset);
  g_free (copy);
}

const char *
lp_workshop_copy_get_name (LpWorkshopCopy *copy)
{
  return copy->name;
}

const char *
lp_workshop_copy_get_taken_at (LpWorkshopCopy *copy)
{
  return copy->taken_at;
}

sqlite3 *
lp_workshop_copy_get_db (LpWorkshopCopy *copy)
{
  return copy->db;
}

static void
lp_workshop_finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* A statement on the copy's connection, prepared once per copy and
 * reset for each use: wording a thousand changes asks the same few
 * questions a thousand times.  NULL if @sql cannot be prepared. */
sqlite3_stmt *
lp_workshop_copy_prepare (LpWorkshopCopy *copy,
                          const char     *sql)
{
  sqlite3_stmt *stmt;

  if (copy->statements == NULL)
    copy->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, lp_workshop_finalize_stmt);
  stmt = g_hash_table_lookup (copy->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (copy->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  g_hash_table_insert (copy->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
lp_workshop_copy_is_against_plan (LpWorkshopCopy *copy)
{
  return copy->against_plan;
}

static gboolean
lp_workshop_same_file (const char *a,
                       const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int
lp_workshop_count (sqlite3    *db,
                   const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int count = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

/* The copy's marks: its plan's id, its name and its base. */
static gboolean
lp_workshop_read_marks (LpWorkshopCopy  *copy,
                        char           **plan_id,
                        GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (copy->db,
      "SELECT (SELECT plan_id FROM main.plan_identity WHERE singleton = 1), name, base_id, taken_at "
      "FROM main.workshop_copy WHERE singleton = 1", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *plan_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      copy->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      copy->base_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      copy->taken_at = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                 _("“%s” is not a workshop copy: only copies made with Prepare Workshop Copies can be merged"),
                 copy->display);
  else
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT,
                 _("“%s” is damaged and cannot be merged: %s"), copy->display, sqlite3_errmsg (copy->db));
  return FALSE;
}

/* Writes the plan's base for @copy to a temporary file. */
static gboolean
lp_workshop_extract_base (LpPlan          *plan,
                          LpWorkshopCopy  *copy,
                          GError         **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan, "SELECT image FROM workshop_base WHERE base_id = ?1", error);
  g_autoptr(GError) local_error = NULL;
  gboolean found = FALSE, written = FALSE;
  int fd;

  if (stmt == NULL)
    return FALSE;
  fd = g_file_open_tmp ("locality-planner-base-XXXXXX.lpplan", &copy->base_path, &local_error);
  if (fd >= 0)
    close (fd);
  sqlite3_bind_text (stmt, 1, copy->base_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      written = fd >= 0 && g_file_set_contents (copy->base_path, sqlite3_column_blob (stmt, 0),
                                                sqlite3_column_bytes (stmt, 0), &local_error);
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_autofree char *plan_name = lp_plan_dup_display_name (plan);
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                   _("“%s” was copied from “%s” as it was at %s, which the plan no longer holds, so what "
                     "the copy changed cannot be told from what the plan changed; it can still be merged "
                     "against the plan as it is, deciding every difference"),
                   copy->display, plan_name, copy->taken_at);
      return FALSE;
    }
  if (!written)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO,
                   _("Could not read the state “%s” was copied from: %s"), copy->display,
                   local_error != NULL ? local_error->message : "");
      return FALSE;
    }
  return TRUE;
}

/* A base kept by an older Locality Planner is upgraded as the copy and the
 * plan were, so that the three compare table by table.  (Every migration
 * is deterministic on the same rows, so the base and the copy come out of
 * it alike wherever the copy was not changed.) */
static gboolean
lp_workshop_upgrade_base (LpWorkshopCopy  *copy,
                          int              plan_version,
                          GError         **error)
{
  sqlite3 *db = lp_plan_file_connect (copy->base_path, TRUE, FALSE, error);
  g_autoptr(LpPlan) base = NULL;
  int version = 0;
  gboolean known = db != NULL && lp_plan_file_identify (db, copy->base_path, &version, error);

  sqlite3_close_v2 (db);
  if (!known)
    return FALSE;
  if (version >= plan_version)
    return TRUE;
  base = lp_plan_open (copy->base_path, LP_PLAN_OPEN_DEFAULT, error);
  if (base == NULL)
    return FALSE;
  if (lp_plan_get_migration_backup (base) != NULL)
    g_unlink (lp_plan_get_migration_backup (base));
  lp_plan_close (base);
  return TRUE;
}

static gboolean
lp_workshop_attach_base (LpWorkshopCopy  *copy,
                         GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (copy->db, "ATTACH ?1 AS base", -1, &stmt, NULL);
  g_autofree char *check = NULL;

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, copy->base_path, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_OK &&
      lp_workshop_count (copy->db, "SELECT count(*) FROM pragma_quick_check(1, 'base') WHERE quick_check <> 'ok'") != 0)
    rc = SQLITE_CORRUPT;
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT,
                   _("The state “%s” was copied from is damaged in the plan, so the copy cannot be merged"),
                   copy->display);
      return FALSE;
    }
  /* A copy whose tables were altered by another program cannot be
   * compared row by row with its base. */
  if (lp_workshop_count (copy->db,
        "SELECT count(*) FROM (SELECT type, name, sql FROM main.sqlite_schema "
        "EXCEPT SELECT type, name, sql FROM base.sqlite_schema)") != 0 ||
      lp_workshop_count (copy->db,
        "SELECT count(*) FROM (SELECT type, name, sql FROM base.sqlite_schema "
        "EXCEPT SELECT type, name, sql FROM main.sqlite_schema)") != 0)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                   _("The tables of “%s” were changed by another program, so it cannot be merged"),
                   copy->display);
      return FALSE;
    }
  return TRUE;
}

static gboolean
lp_workshop_list_tables (LpWorkshopCopy  *copy,
                         GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (copy->db, "SELECT name FROM base.sqlite_schema WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite%' ORDER BY rowid", -1, &stmt, NULL);

  copy->tables = g_ptr_array_new_with_free_func (g_free);
  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      if (!g_strv_contains (lp_workshop_own_tables, table))
        g_ptr_array_add (copy->tables, g_strdup (table));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return lp_sqlite_set_error (error, copy->db, rc, _("read the workshop copy"));
  return TRUE;
}

/**
 * lp_plan_read_workshop_copy:
 * @path: a workshop copy of @plan
 *
 * Opens a workshop copy (read-only, never changing it) and checks that it
 * can be merged into @plan: it is a copy of this plan (the same plan id),
 * of this version, intact, not the plan itself, and the plan still holds
 * the base it was taken from.
 *
 * Returns: (transfer full): the copy, or %NULL with @error saying why not
 */
static LpWorkshopCopy *lp_workshop_read (LpPlan *plan, const char *path, gboolean against_plan, GError **error);

LpWorkshopCopy *
lp_plan_read_workshop_copy (LpPlan      *plan,
                            const char  *path,
                            GError     **error)
{
  return lp_workshop_read (plan, path, FALSE, error);
}

/**
 * lp_plan_read_copy_against_plan:
 * @path: a copy of @plan whose base the plan no longer holds (or a copy
 *   made with Save As)
 *
 * Like lp_plan_read_workshop_copy(), but the copy is compared with the
 * plan as it is now: lp_plan_merge_copy() then returns every difference
 * as a conflict (%LP_MERGE_CONFLICT_BOTH_CHANGED with no base value,
 * %LP_MERGE_CONFLICT_ONLY_IN_COPY, %LP_MERGE_CONFLICT_ONLY_IN_PLAN) for
 * the user to decide one by one.
 */
LpWorkshopCopy *
lp_plan_read_copy_against_plan (LpPlan      *plan,
                                const char  *path,
                                GError     **error)
{
  return lp_workshop_read (plan, path, TRUE, error);
}

static LpWorkshopCopy *
lp_workshop_read (LpPlan      *plan,
                  const char  *path,
                  gboolean     against_plan,
                  GError     **error)
{
  g_autoptr(LpWorkshopCopy) copy = NULL;
  g_autofree char *plan_id = NULL;
  g_autofree char *copy_plan_id = NULL;
  int version = 0;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  copy = g_new0 (LpWorkshopCopy, 1);
  copy->path = g_strdup (path);
  copy->display = g_filename_display_basename (path);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                   _("There is no workshop copy at “%s”"), copy->display);
      return NULL;
    }
  if (lp_workshop_same_file (path, lp_plan_get_path (plan)))
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                   _("“%s” is the plan itself; choose a workshop copy to merge into it"), copy->display);
      return NULL;
    }
  copy->db = lp_plan_file_connect (path, TRUE, FALSE, error);
  if (copy->db == NULL || !lp_plan_file_identify (copy->db, path, &version, error))
    return NULL;
  if (version < lp_plan_get_schema_version (plan))
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NEEDS_UPGRADE,
                   version < 5 ? _("“%s” is not a workshop copy: it was made by an older Locality Planner "
                                   "before workshop copies existed")
                               : _("“%s” was made by an older Locality Planner than the plan; open it once in "
                                   "Locality Planner to upgrade it, then merge it"),
                   copy->display);
      return NULL;
    }
  copy->against_plan = against_plan;
  if (!lp_workshop_read_marks (copy, &copy_plan_id, against_plan ? NULL : error))
    {
      sqlite3_stmt *stmt = NULL;

      if (!against_plan)
        return NULL;
      /* A Save As copy: no marks, named after its file. */
      g_clear_pointer (&copy->name, g_free);
      copy->name = g_strdup (copy->display);
      if (g_str_has_suffix (copy->name, LP_PLAN_FILE_SUFFIX))
        copy->name[strlen (copy->name) - strlen (LP_PLAN_FILE_SUFFIX)] = '\0';
      if (sqlite3_prepare_v2 (copy->db, "SELECT plan_id FROM main.plan_identity WHERE singleton = 1",
                              -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
        copy_plan_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  plan_id = lp_plan_dup_plan_id (plan);
  if (g_strcmp0 (plan_id, copy_plan_id) != 0)
    {
      g_autofree char *plan_name = lp_plan_dup_display_name (plan);
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                   _("“%s” is a copy of another plan, not of “%s”; it cannot be merged into it"),
                   copy->display, plan_name);
      return NULL;
    }
  if (against_plan)
    {
      copy->base_path = lp_workshop_take_base (plan, error);
      if (copy->base_path == NULL)
        return NULL;
    }
  if ((!against_plan && !lp_workshop_extract_base (plan, copy, error)) ||
      (!against_plan && !lp_workshop_upgrade_base (copy, lp_plan_get_schema_version (plan), error)) ||
      !lp_workshop_attach_base (copy, error) ||
      !lp_workshop_list_tables (copy, error))
    return NULL;
  return g_steal_pointer (&copy);
}

/* ----------------------------------------------------------------------- */
/* Merging */

/* The copy's changeset: what turns the base into the copy, table by table.
 * Comparing every row of a large plan with its base takes most of a
 * merge's time; neither file changes while the copy is open (the copy is
 * read-only to us, its base our own temporary file), so it is done once:
 * the copy is usually read and listed on a worker, then merged on the main
 * thread with the changeset already found.  @data is the caller's, to free
 * with sqlite3_free(). */
static gboolean
lp_workshop_diff (LpWorkshopCopy  *copy,
                  void           **data,
                  int             *size,
                  GError         **error)
{
  sqlite3_session *session = NULL;
  int rc;

  if (!copy->diffed)
    {
      rc = sqlite3session_create (copy->db, "main", &session);
      for (guint i = 0; rc == SQLITE_OK && i < copy->tables->len; i++)
        {
          const char *table = g_ptr_array_index (copy->tables, i);
          char *message = NULL;

          rc = sqlite3session_attach (session, table);
          if (rc == SQLITE_OK)
            rc = sqlite3session_diff (session, "base", table, &message);
          if (rc != SQLITE_OK)
            g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT,
                         _("Could not find what “%s” changed in its table %s: %s"), copy->display, table,
                         message != NULL ? message : sqlite3_errstr (rc));
          sqlite3_free (message);
        }
      if (rc == SQLITE_OK)
        {
          rc = sqlite3session_changeset (session, &copy->changeset_size, &copy->changeset);
          if (rc != SQLITE_OK)
            lp_sqlite_set_error (error, copy->db, rc, _("read what the workshop copy changed"));
        }
      sqlite3session_delete (session);
      if (rc != SQLITE_OK)
        return FALSE;
      copy->diffed = TRUE;
    }
  *size = copy->changeset_size;
  *data = sqlite3_malloc64 (MAX (copy->changeset_size, 1));
  if (*data == NULL)
    {
      g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO, _("Not enough memory to merge the workshop copy"));
      return FALSE;
    }
  if (copy->changeset_size > 0)
    memcpy (*data, copy->changeset, copy->changeset_size);
  return TRUE;
}

static char *
lp_value_text (sqlite3_value *value)
{
  if (value == NULL || sqlite3_value_type (value) == SQLITE_NULL)
    return NULL;
  if (sqlite3_value_type (value) == SQLITE_BLOB)
    return g_strdup_printf ("(%d bytes)", sqlite3_value_bytes (value));
  return g_strdup ((const char *) sqlite3_value_text (value));
}

static gboolean
lp_value_equal (sqlite3_value *a,
                sqlite3_value *b)
{
  int ta = a != NULL ? sqlite3_value_type (a) : SQLITE_NULL;
  int tb = b != NULL ? sqlite3_value_type (b) : SQLITE_NULL;

  if (ta == SQLITE_NULL || tb == SQLITE_NULL)
    return ta == tb;
  if ((ta == SQLITE_INTEGER || ta == SQLITE_FLOAT) && (tb == SQLITE_INTEGER || tb == SQLITE_FLOAT))
    return ta == SQLITE_INTEGER && tb == SQLITE_INTEGER ? sqlite3_value_int64 (a) == sqlite3_value_int64 (b)
                                                        : sqlite3_value_double (a) == sqlite3_value_double (b);
  if (ta != tb || sqlite3_value_bytes (a) != sqlite3_value_bytes (b))
    return FALSE;
  return memcmp (ta == SQLITE_BLOB ? sqlite3_value_blob (a) : (const void *) sqlite3_value_text (a),
                 tb == SQLITE_BLOB ? sqlite3_value_blob (b) : (const void *) sqlite3_value_text (b),
                 (size_t) sqlite3_value_bytes (a)) == 0;
}

/* A column to set back to the plan's value after the copy's row was
 * written over it: the user kept the plan's value for that column and took
 * the copy's for another column of the same row. */
typedef struct {
  char           *table;
  int             column;
  int             n_columns;
  unsigned char  *pk;          /* which columns are the key */
  sqlite3_value **key;         /* the key's values, by column */
  sqlite3_value  *value;
} LpFixup;

static void
lp_fixup_free (LpFixup *fixup)
{
  for (int i = 0; i < fixup->n_columns; i++)
    sqlite3_value_free (fixup->key[i]);
  g_free (fixup->key);
  g_free (fixup->pk);
  sqlite3_value_free (fixup->value);
  g_free (fixup->table);
  g_free (fixup);
}

typedef struct {
  LpPlan        *plan;
  LpWorkshopCopy *copy;
  GPtrArray     *decisions;
  LpMergeChoice  otherwise;
  GPtrArray     *conflicts;    /* undecided, found while applying */
  GPtrArray     *fixups;
  GPtrArray     *restores;     /* LpFixup (no column, no value): rows the plan deleted, the copy's taken */
  GError        *error;        /* a choice that cannot be made */
  guint          n_omitted;
  gboolean       broken_references;
} LpApply;

static LpMergeChoice
lp_apply_choice (LpApply             *apply,
                 LpMergeConflictKind  kind,
                 const char          *table,
                 const char          *row_key,
                 const char          *column)
{
  for (guint i = 0; apply->decisions != NULL && i < apply->decisions->len; i++)
    {
      const LpMergeConflict *decided = g_ptr_array_index (apply->decisions, i);

      if (decided->kind == kind && g_strcmp0 (decided->table, table) == 0 &&
          g_strcmp0 (decided->row_key, row_key) == 0 && g_strcmp0 (decided->column, column) == 0 &&
          decided->choice != LP_MERGE_UNDECIDED)
        return decided->choice;
    }
  return apply->otherwise;
}

/* The row's key as "value, value", and which columns make it. */
static char *
lp_apply_row_key (sqlite3_changeset_iter *iter,
                  int                     op)
{
  unsigned char *pk = NULL;
  int n_columns = 0;
  GString *key = g_string_new (NULL);

  sqlite3changeset_pk (iter, &pk, &n_columns);
  for (int i = 0; i < n_columns; i++)
    if (pk[i])
      {
        sqlite3_value *value = NULL;
        g_autofree char *text = NULL;

        if (op == SQLITE_INSERT)
          sqlite3changeset_new (iter, i, &value);
        else
          sqlite3changeset_old (iter, i, &value);
        text = lp_value_text (value);
        g_string_append_printf (key, "%s%s", key->len > 0 ? ", " : "", text != NULL ? text : "NULL");
      }
  return g_string_free (key, FALSE);
}

void
lp_copy_change_free (LpCopyChange *change)
{
  if (change == NULL)
    return;
  for (guint i = 0; i < change->n_columns; i++)
    {
      g_free (change->columns[i]);
      g_free (change->old_values[i]);
      g_free (change->new_values[i]);
    }
  g_free (change->columns);
  g_free (change->old_values);
  g_free (change->new_values);
  g_free (change->table);
  g_free (change->row_key);
  g_free (change);
}

/* The names of @table's columns in the copy, by position. */
static GPtrArray *
lp_workshop_column_names (LpWorkshopCopy *copy,
                          const char     *table)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (copy->db, "SELECT name FROM pragma_table_info (?1) ORDER BY cid", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);
  return names;
}

/**
 * lp_workshop_copy_list_changes:
 *
 * What the copy changed since its base, row by row, in the order a merge
 * applies it (parents' tables first), whoever made the changes.
 *
 * Returns: (transfer full) (element-type LpCopyChange): the changes, or
 *   %NULL with @error set
 */
GPtrArray *
lp_workshop_copy_list_changes (LpWorkshopCopy  *copy,
                               GError         **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) lp_copy_change_free);
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *names_table = NULL;
  sqlite3_changeset_iter *iter = NULL;
  void *data = NULL;
  int size = 0;

  g_return_val_if_fail (copy != NULL, NULL);

  if (!lp_workshop_diff (copy, &data, &size, error))
    return NULL;
  if (size > 0 && sqlite3changeset_start (&iter, size, data) == SQLITE_OK)
    {
      while (sqlite3changeset_next (iter) == SQLITE_ROW)
        {
          const char *table = NULL;
          int n_columns = 0, op = 0, indirect = 0;
          LpCopyChange *change = g_new0 (LpCopyChange, 1);

          sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
          if (g_strcmp0 (names_table, table) != 0)
            {
              g_clear_pointer (&names, g_ptr_array_unref);
              names = lp_workshop_column_names (copy, table);
              g_free (names_table);
              names_table = g_strdup (table);
            }
          change->kind = op == SQLITE_INSERT ? LP_COPY_CHANGE_ADDED
                       : op == SQLITE_DELETE ? LP_COPY_CHANGE_DELETED : LP_COPY_CHANGE_CHANGED;
          change->table = g_strdup (table);
          change->row_key = lp_apply_row_key (iter, op);
          change->columns = g_new0 (char *, n_columns + 1);
          change->old_values = g_new0 (char *, n_columns + 1);
          change->new_values = g_new0 (char *, n_columns + 1);
          for (int i = 0; i < n_columns; i++)
            {
              sqlite3_value *old = NULL, *new = NULL;

              if (op != SQLITE_INSERT)
                sqlite3changeset_old (iter, i, &old);
              if (op != SQLITE_DELETE)
                sqlite3changeset_new (iter, i, &new);
              /* An update carries the columns it changes, and the key. */
              if (op == SQLITE_UPDATE && new == NULL)
                continue;
              change->columns[change->n_columns] = g_strdup ((guint) i < names->len ? g_ptr_array_index (names, i) : "");
              change->old_values[change->n_columns] = lp_value_text (old);
              change->new_values[change->n_columns] = lp_value_text (new);
              change->n_columns++;
            }
          g_ptr_array_add (changes, change);
        }
      sqlite3changeset_finalize (iter);
    }
  sqlite3_free (data);
  return g_steal_pointer (&changes);
}

static const char *
lp_apply_column_name (LpApply    *apply,
                      const char *table,
                      int         column,
                      char      **owned)
{
  sqlite3_stmt *stmt = lp_plan_prepare (apply->plan, "SELECT name FROM pragma_table_info (?1) WHERE cid = ?2", NULL);

  *owned = NULL;
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, column);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        *owned = g_strdup (lp_stmt_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  if (*owned == NULL)
    *owned = g_strdup_printf ("%d", column);
  return *owned;
}

static void
lp_apply_add_conflict (LpApply             *apply,
                       LpMergeConflictKind  kind,
                       const char          *table,
                       const char          *row_key,
                       const char          *column,
                       sqlite3_value       *base,
                       sqlite3_value       *copy,
                       sqlite3_value       *plan_now)
{
  LpMergeConflict *conflict = g_new0 (LpMergeConflict, 1);

  conflict->kind = kind;
  conflict->table = g_strdup (table);
  conflict->row_key = g_strdup (row_key);
  conflict->column = g_strdup (column);
  conflict->base_value = lp_value_text (base);
  conflict->copy_value = lp_value_text (copy);
  conflict->plan_value = lp_value_text (plan_now);
  g_ptr_array_add (apply->conflicts, conflict);
}

static void
lp_apply_add_fixup (LpApply                *apply,
                    sqlite3_changeset_iter *iter,
                    const char             *table,
                    int                     op,
                    int                     column,
                    sqlite3_value          *value)
{
  LpFixup *fixup = g_new0 (LpFixup, 1);
  unsigned char *pk = NULL;

  sqlite3changeset_pk (iter, &pk, &fixup->n_columns);
  fixup->table = g_strdup (table);
  fixup->column = column;
  fixup->pk = g_memdup2 (pk, (gsize) fixup->n_columns);
  fixup->key = g_new0 (sqlite3_value *, fixup->n_columns);
  for (int i = 0; i < fixup->n_columns; i++)
    if (pk[i])
      {
        sqlite3_value *key = NULL;

        if (op == SQLITE_INSERT)
          sqlite3changeset_new (iter, i, &key);
        else
          sqlite3changeset_old (iter, i, &key);
        fixup->key[i] = sqlite3_value_dup (key);
      }
  fixup->value = value != NULL ? sqlite3_value_dup (value) : NULL;
  g_ptr_array_add (apply->fixups, fixup);
}

/* An UPDATE whose old values differ from the plan's row, or an INSERT
 * whose key the plan already has: column by column, base / copy / plan. */
static int
lp_apply_compare_columns (LpApply                *apply,
                          sqlite3_changeset_iter *iter,
                          const char             *table,
                          const char             *row_key,
                          int                     op,
                          int                     n_columns)
{
  LpMergeConflictKind kind = op == SQLITE_INSERT ? LP_MERGE_CONFLICT_BOTH_ADDED : LP_MERGE_CONFLICT_BOTH_CHANGED;
  gboolean undecided = FALSE, take_any = FALSE;
  guint first_fixup = apply->fixups->len;

  for (int i = 0; i < n_columns; i++)
    {
      sqlite3_value *old = NULL, *new = NULL, *now = NULL;
      g_autofree char *column = NULL;
      LpMergeChoice choice;

      if (sqlite3changeset_new (iter, i, &new) != SQLITE_OK || new == NULL)
        continue;   /* a column the copy did not change */
      sqlite3changeset_conflict (iter, i, &now);
      if (op == SQLITE_UPDATE)
        sqlite3changeset_old (iter, i, &old);
      if (lp_value_equal (now, new))
        continue;   /* the plan already holds the copy's value */
      if (op == SQLITE_UPDATE && lp_value_equal (now, old))
        {
          take_any = TRUE;   /* the plan left it as it was: no conflict */
          continue;
        }
      lp_apply_column_name (apply, table, i, &column);
      choice = lp_apply_choice (apply, kind, table, row_key, column);
      if (choice == LP_MERGE_UNDECIDED)
        {
          undecided = TRUE;
          lp_apply_add_conflict (apply, kind, table, row_key, column, old, new, now);
        }
      else if (choice == LP_MERGE_TAKE_COPY)
        take_any = TRUE;
      else
        lp_apply_add_fixup (apply, iter, table, op, i, now);
    }
  if (undecided || !take_any)
    {
      /* Nothing to take from this row (or not yet): its fixups are moot. */
      g_ptr_array_set_size (apply->fixups, first_fixup);
      apply->n_omitted++;
      return SQLITE_CHANGESET_OMIT;
    }
  return SQLITE_CHANGESET_REPLACE;
}

static char *
lp_apply_changed_columns (LpApply                *apply,
                          sqlite3_changeset_iter *iter,
                          const char             *table,
                          int                     n_columns,
                          gboolean                from_new)
{
  GString *columns = g_string_new (NULL);

  for (int i = 0; i < n_columns; i++)
    {
      sqlite3_value *value = NULL;
      g_autofree char *name = NULL;

      if (from_new)
        sqlite3changeset_new (iter, i, &value);
      else
        sqlite3changeset_old (iter, i, &value);
      if (value != NULL)
        g_string_append_printf (columns, "%s%s", columns->len > 0 ? ", " : "",
                                lp_apply_column_name (apply, table, i, &name));
    }
  return g_string_free (columns, FALSE);
}

static int
lp_apply_on_conflict (void                   *user_data,
                      int                     conflict,
                      sqlite3_changeset_iter *iter)
{
  LpApply *apply = user_data;
  const char *table = NULL;
  int n_columns = 0, op = 0, indirect = 0;
  g_autofree char *row_key = NULL;
  LpMergeChoice choice;

  if (conflict == SQLITE_CHANGESET_FOREIGN_KEY)
    {
      /* Rows of the copy that refer to rows the plan no longer has: never
       * committed half-linked. */
      apply->broken_references = TRUE;
      return SQLITE_CHANGESET_ABORT;
    }
  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
  row_key = lp_apply_row_key (iter, op);
  switch (conflict)
    {
    case SQLITE_CHANGESET_NOTFOUND:
      if (op == SQLITE_DELETE)
        {
          apply->n_omitted++;   /* already gone (deleted here too, or by a cascade) */
          return SQLITE_CHANGESET_OMIT;
        }
      else
        {
          g_autofree char *columns = lp_apply_changed_columns (apply, iter, table, n_columns, TRUE);

          choice = lp_apply_choice (apply, LP_MERGE_CONFLICT_DELETED_IN_PLAN, table, row_key, columns);
          if (choice == LP_MERGE_UNDECIDED)
            {
              LpMergeConflict *added;
              sqlite3_value *first_new = NULL;

              for (int i = 0; i < n_columns && first_new == NULL; i++)
                sqlite3changeset_new (iter, i, &first_new);
              lp_apply_add_conflict (apply, LP_MERGE_CONFLICT_DELETED_IN_PLAN, table, row_key, columns,
                                     NULL, first_new, NULL);
              added = g_ptr_array_index (apply->conflicts, apply->conflicts->len - 1);
              g_clear_pointer (&added->copy_value, g_free);
              added->copy_value = g_strdup (_("changed"));
            }
          else if (choice == LP_MERGE_TAKE_COPY)
            {
              /* The copy's row comes back whole, as the copy has it, once
               * the changeset is applied (lp_apply_restores). */
              lp_apply_add_fixup (apply, iter, table, op, -1, NULL);
              g_ptr_array_add (apply->restores, g_ptr_array_steal_index (apply->fixups, apply->fixups->len - 1));
              return SQLITE_CHANGESET_OMIT;
            }
          apply->n_omitted++;
          return SQLITE_CHANGESET_OMIT;
        }

    case SQLITE_CHANGESET_DATA:
      if (op == SQLITE_UPDATE)
        return lp_apply_compare_columns (apply, iter, table, row_key, op, n_columns);
      else
        {
          /* The copy deleted a row the plan changed since the base. */
          g_autofree char *columns = NULL;
          GString *changed = g_string_new (NULL);

          for (int i = 0; i < n_columns; i++)
            {
              sqlite3_value *old = NULL, *now = NULL;
              g_autofree char *name = NULL;

              sqlite3changeset_old (iter, i, &old);
              sqlite3changeset_conflict (iter, i, &now);
              if (!lp_value_equal (old, now))
                g_string_append_printf (changed, "%s%s", changed->len > 0 ? ", " : "",
                                        lp_apply_column_name (apply, table, i, &name));
            }
          columns = g_string_free (changed, FALSE);
          choice = lp_apply_choice (apply, LP_MERGE_CONFLICT_DELETED_IN_COPY, table, row_key, columns);
          if (choice == LP_MERGE_TAKE_COPY)
            return SQLITE_CHANGESET_REPLACE;
          if (choice == LP_MERGE_UNDECIDED)
            {
              LpMergeConflict *added;

              lp_apply_add_conflict (apply, LP_MERGE_CONFLICT_DELETED_IN_COPY, table, row_key, columns,
                                     NULL, NULL, NULL);
              added = g_ptr_array_index (apply->conflicts, apply->conflicts->len - 1);
              added->plan_value = g_strdup (_("changed"));
            }
          apply->n_omitted++;
          return SQLITE_CHANGESET_OMIT;
        }

    case SQLITE_CHANGESET_CONFLICT:
      return lp_apply_compare_columns (apply, iter, table, row_key, op, n_columns);

    case SQLITE_CHANGESET_CONSTRAINT:
    default:
      /* The session does not say which rule (SQLite's message is not
       * set here); a rule-breaking change can only be left out. */
      choice = lp_apply_choice (apply, LP_MERGE_CONFLICT_BREAKS_RULE, table, row_key, NULL);
      if (choice != LP_MERGE_KEEP_PLAN)
        lp_apply_add_conflict (apply, LP_MERGE_CONFLICT_BREAKS_RULE, table, row_key, NULL, NULL, NULL, NULL);
      apply->n_omitted++;
      return SQLITE_CHANGESET_OMIT;
    }
}

/* Writing a changeset of our own: the copy's changeset less the changes
 * the user left out.  SQLite 3.40 (Debian 12) has no call that drops one
 * change from a changeset, so the kept changes are written again in the
 * session extension's documented format (sqlite3session.h, "Changeset
 * format"): per table 'T', the column count, a byte per column giving
 * its place in the primary key (0 if none), the name; per change the operation, the
 * indirect flag, and the old and/or new record, each value a type byte
 * (0 none, 1 integer, 2 real, 3 text, 4 blob, 5 NULL) and its data. */
static void
lp_changeset_put_varint (GByteArray *out,
                         guint64     value)
{
  guint8 bytes[10];
  int n = 0;

  if (value & (((guint64) 0xff000000) << 32))
    {
      bytes[8] = (guint8) value;
      value >>= 8;
      for (int i = 7; i >= 0; i--)
        {
          bytes[i] = (guint8) ((value & 0x7f) | 0x80);
          value >>= 7;
        }
      g_byte_array_append (out, bytes, 9);
      return;
    }
  do
    {
      bytes[n++] = (guint8) ((value & 0x7f) | 0x80);
      value >>= 7;
    }
  while (value != 0);
  bytes[0] &= 0x7f;
  for (int i = n - 1; i >= 0; i--)
    g_byte_array_append (out, &bytes[i], 1);
}

static void
lp_changeset_put_u64 (GByteArray *out,
                      guint64     value)
{
  guint64 big = GUINT64_TO_BE (value);

  g_byte_array_append (out, (const guint8 *) &big, 8);
}

static void
lp_changeset_put_value (GByteArray    *out,
                        sqlite3_value *value)
{
  guint8 type;

  if (value == NULL)
    {
      type = 0;
      g_byte_array_append (out, &type, 1);
      return;
    }
  switch (sqlite3_value_type (value))
    {
    case SQLITE_INTEGER:
      type = 1;
      g_byte_array_append (out, &type, 1);
      lp_changeset_put_u64 (out, (guint64) sqlite3_value_int64 (value));
      break;
    case SQLITE_FLOAT:
      {
        double real = sqlite3_value_double (value);
        guint64 bits;

        memcpy (&bits, &real, sizeof bits);
        type = 2;
        g_byte_array_append (out, &type, 1);
        lp_changeset_put_u64 (out, bits);
        break;
      }
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      {
        const void *data = sqlite3_value_type (value) == SQLITE_TEXT ? (const void *) sqlite3_value_text (value)
                                                                     : sqlite3_value_blob (value);
        int size = sqlite3_value_bytes (value);

        type = sqlite3_value_type (value) == SQLITE_TEXT ? 3 : 4;
        g_byte_array_append (out, &type, 1);
        lp_changeset_put_varint (out, (guint64) size);
        if (size > 0)
          g_byte_array_append (out, data, (guint) size);
        break;
      }
    default:
      type = 5;
      g_byte_array_append (out, &type, 1);
    }
}

/* The changes of @data whose "table\x1frow key" is not in @left_out, as a
 * changeset of their own. */
static GByteArray *
lp_changeset_without (void       *data,
                      int         size,
                      GHashTable *left_out)
{
  GByteArray *out = g_byte_array_new ();
  sqlite3_changeset_iter *iter = NULL;
  g_autofree char *header_table = NULL;

  if (sqlite3changeset_start (&iter, size, data) != SQLITE_OK)
    return out;
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table = NULL;
      int n_columns = 0, op = 0, indirect = 0;
      unsigned char *pk = NULL;
      g_autofree char *row_key = NULL;
      g_autofree char *key = NULL;
      guint8 bytes[2];

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      row_key = lp_apply_row_key (iter, op);
      key = g_strconcat (table, "\x1f", row_key, NULL);
      if (g_hash_table_contains (left_out, key))
        continue;
      if (g_strcmp0 (header_table, table) != 0)
        {
          guint8 t = 'T';

          sqlite3changeset_pk (iter, &pk, &n_columns);
          g_byte_array_append (out, &t, 1);
          lp_changeset_put_varint (out, (guint64) n_columns);
          for (int i = 0; i < n_columns; i++)
            {
              guint8 flag = pk[i];   /* its place in the key, 0 if not in it */
              g_byte_array_append (out, &flag, 1);
            }
          g_byte_array_append (out, (const guint8 *) table, (guint) strlen (table) + 1);
          g_free (header_table);
          header_table = g_strdup (table);
        }
      bytes[0] = (guint8) op;
      bytes[1] = indirect ? 1 : 0;
      g_byte_array_append (out, bytes, 2);
      if (op != SQLITE_INSERT)
        for (int i = 0; i < n_columns; i++)
          {
            sqlite3_value *value = NULL;
            sqlite3changeset_old (iter, i, &value);
            lp_changeset_put_value (out, value);
          }
      if (op != SQLITE_DELETE)
        for (int i = 0; i < n_columns; i++)
          {
            sqlite3_value *value = NULL;
            sqlite3changeset_new (iter, i, &value);
            lp_changeset_put_value (out, value);
          }
    }
  sqlite3changeset_finalize (iter);
  return out;
}

/* Compared with the plan as it is, the copy's changeset is every
 * difference: each one is a conflict for the user to decide.  Those
 * decided for the plan are left out of the changeset (or, for some
 * columns of a changed row, set back after it); returns FALSE while any
 * is undecided. */
static gboolean
lp_apply_against_plan (LpApply  *apply,
                       void    **data,
                       int      *size)
{
  g_autoptr(GHashTable) left_out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_changeset_iter *iter = NULL;
  guint n_undecided = apply->conflicts->len;

  if (sqlite3changeset_start (&iter, *size, *data) != SQLITE_OK)
    return FALSE;
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table = NULL;
      int n_columns = 0, op = 0, indirect = 0;
      g_autofree char *row_key = NULL;
      gboolean take_any = FALSE;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      row_key = lp_apply_row_key (iter, op);
      if (op == SQLITE_UPDATE)
        {
          guint first_fixup = apply->fixups->len;

          for (int i = 0; i < n_columns; i++)
            {
              sqlite3_value *old = NULL, *new = NULL;
              g_autofree char *column = NULL;
              LpMergeChoice choice;

              if (sqlite3changeset_new (iter, i, &new) != SQLITE_OK || new == NULL)
                continue;
              sqlite3changeset_old (iter, i, &old);
              lp_apply_column_name (apply, table, i, &column);
              choice = lp_apply_choice (apply, LP_MERGE_CONFLICT_BOTH_CHANGED, table, row_key, column);
              if (choice == LP_MERGE_UNDECIDED)
                lp_apply_add_conflict (apply, LP_MERGE_CONFLICT_BOTH_CHANGED, table, row_key, column, NULL, new, old);
              else if (choice == LP_MERGE_TAKE_COPY)
                take_any = TRUE;
              else
                lp_apply_add_fixup (apply, iter, table, op, i, old);
            }
          if (!take_any)
            g_ptr_array_set_size (apply->fixups, first_fixup);
        }
      else
        {
          LpMergeConflictKind kind = op == SQLITE_INSERT ? LP_MERGE_CONFLICT_ONLY_IN_COPY
                                                         : LP_MERGE_CONFLICT_ONLY_IN_PLAN;
          LpMergeChoice choice = lp_apply_choice (apply, kind, table, row_key, NULL);

          if (choice == LP_MERGE_UNDECIDED)
            lp_apply_add_conflict (apply, kind, table, row_key, NULL, NULL, NULL, NULL);
          take_any = choice == LP_MERGE_TAKE_COPY;
        }
      if (!take_any)
        g_hash_table_add (left_out, g_strconcat (table, "\x1f", row_key, NULL));
    }
  sqlite3changeset_finalize (iter);
  if (apply->conflicts->len > n_undecided)
    return FALSE;
  if (g_hash_table_size (left_out) > 0)
    {
      GByteArray *kept = lp_changeset_without (*data, *size, left_out);

      sqlite3_free (*data);
      *size = (int) kept->len;
      *data = sqlite3_malloc64 (MAX (kept->len, 1));
      if (kept->len > 0)
        memcpy (*data, kept->data, kept->len);
      apply->n_omitted = 0;
      g_byte_array_unref (kept);
    }
  return TRUE;
}

/* Rows the plan deleted and the user took the copy's side of: each is
 * read whole from the copy and written back into the plan.  A row whose
 * parent the plan deleted too fails the foreign-key check afterwards and
 * the merge is refused, as for any row of the copy without its parent. */
static gboolean
lp_apply_restores (LpApply  *apply,
                   GError  **error)
{
  sqlite3 *plan_db = lp_plan_get_db (apply->plan);
  sqlite3 *copy_db = apply->copy->db;

  for (guint r = 0; r < apply->restores->len; r++)
    {
      LpFixup *restore = g_ptr_array_index (apply->restores, r);
      g_autoptr(GString) select = g_string_new (NULL);
      g_autoptr(GString) insert = g_string_new (NULL);
      g_autoptr(GString) marks = g_string_new (NULL);
      sqlite3_stmt *row = NULL, *stmt = NULL;
      int rc, n_bound = 0;
      char *quoted;

      /* Identifiers from the plan's own schema; every value bound. */
      quoted = sqlite3_mprintf ("SELECT * FROM main.\"%w\" WHERE ", restore->table);
      g_string_append (select, quoted);
      sqlite3_free (quoted);
      for (int i = 0; i < restore->n_columns; i++)
        if (restore->pk[i])
          {
            g_autofree char *name = NULL;

            quoted = sqlite3_mprintf ("%s\"%w\" = ?%d", n_bound > 0 ? " AND " : "",
                                      lp_apply_column_name (apply, restore->table, i, &name), n_bound + 1);
            g_string_append (select, quoted);
            sqlite3_free (quoted);
            n_bound++;
          }
      rc = sqlite3_prepare_v2 (copy_db, select->str, -1, &row, NULL);
      n_bound = 0;
      for (int i = 0; rc == SQLITE_OK && i < restore->n_columns; i++)
        if (restore->pk[i])
          sqlite3_bind_value (row, ++n_bound, restore->key[i]);
      if (rc == SQLITE_OK && (rc = sqlite3_step (row)) == SQLITE_ROW)
        {
          quoted = sqlite3_mprintf ("INSERT INTO main.\"%w\" (", restore->table);
          g_string_append (insert, quoted);
          sqlite3_free (quoted);
          for (int i = 0; i < sqlite3_column_count (row); i++)
            {
              quoted = sqlite3_mprintf ("%s\"%w\"", i > 0 ? ", " : "", sqlite3_column_name (row, i));
              g_string_append (insert, quoted);
              sqlite3_free (quoted);
              g_string_append_printf (marks, "%s?%d", i > 0 ? ", " : "", i + 1);
            }
          g_string_append_printf (insert, ") VALUES (%s)", marks->str);
          rc = sqlite3_prepare_v2 (plan_db, insert->str, -1, &stmt, NULL);
          for (int i = 0; rc == SQLITE_OK && i < sqlite3_column_count (row); i++)
            sqlite3_bind_value (stmt, i + 1, sqlite3_column_value (row, i));
          if (rc == SQLITE_OK)
            {
              rc = sqlite3_step (stmt);
              rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
            }
          sqlite3_finalize (stmt);
          if (rc != SQLITE_OK)
            {
              sqlite3_finalize (row);
              return lp_sqlite_set_error (error, plan_db, rc, _("bring back a row the plan deleted"));
            }
        }
      else if (rc == SQLITE_DONE || rc == SQLITE_OK)
        rc = SQLITE_OK;   /* the copy no longer has it either: nothing to bring back */
      sqlite3_finalize (row);
      if (rc != SQLITE_OK)
        return lp_sqlite_set_error (error, copy_db, rc, _("read the workshop copy"));
    }
  return TRUE;
}

static gboolean
lp_apply_fixups (LpApply  *apply,
                 GError  **error)
{
  sqlite3 *db = lp_plan_get_db (apply->plan);

  for (guint f = 0; f < apply->fixups->len; f++)
    {
      LpFixup *fixup = g_ptr_array_index (apply->fixups, f);
      g_autoptr(GString) sql = g_string_new ("UPDATE main.");
      g_autofree char *column = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc, n_bound = 1;
      char *quoted;

      /* Identifiers come from the plan's own schema (the copy's tables
       * were checked to match it); every value is bound. */
      quoted = sqlite3_mprintf ("\"%w\" SET \"%w\" = ?1 WHERE ", fixup->table,
                                lp_apply_column_name (apply, fixup->table, fixup->column, &column));
      g_string_append (sql, quoted);
      sqlite3_free (quoted);
      for (int i = 0; i < fixup->n_columns; i++)
        if (fixup->pk[i])
          {
            g_autofree char *name = NULL;

            const char *separator = n_bound > 1 ? " AND " : "";

            n_bound++;
            quoted = sqlite3_mprintf ("%s\"%w\" = ?%d", separator,
                                      lp_apply_column_name (apply, fixup->table, i, &name), n_bound);
            g_string_append (sql, quoted);
            sqlite3_free (quoted);
          }
      rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_value (stmt, 1, fixup->value);
          n_bound = 1;
          for (int i = 0; i < fixup->n_columns; i++)
            if (fixup->pk[i])
              sqlite3_bind_value (stmt, ++n_bound, fixup->key[i]);
          rc = sqlite3_step (stmt);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_OK)
        return lp_sqlite_set_error (error, db, rc, _("keep the plan’s values"));
    }
  return TRUE;
}

static guint
lp_changeset_count (void  *data,
                    int    size)
{
  sqlite3_changeset_iter *iter = NULL;
  guint n = 0;

  if (sqlite3changeset_start (&iter, size, data) != SQLITE_OK)
    return 0;
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    n++;
  sqlite3changeset_finalize (iter);
  return n;
}

static void
lp_changeset_emit_tables (LpPlan *plan,
                          void   *data,
                          int     size)
{
  sqlite3_changeset_iter *iter = NULL;
  const char *table;
  int n_columns, op, indirect;

  if (sqlite3changeset_start (&iter, size, data) != SQLITE_OK)
    return;
  /* Inside the transaction: each table is announced once, after commit. */
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    if (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect) == SQLITE_OK)
      lp_plan_emit_changed (plan, table);
  sqlite3changeset_finalize (iter);
}

/**
 * lp_plan_merge_copy:
 * @copy: a copy read with lp_plan_read_workshop_copy()
 * @decisions: (nullable) (element-type LpMergeConflict): conflicts returned
 *   by an earlier call, with their choice set
 * @left_out: (nullable) (element-type LpCopyChange): changes of
 *   lp_workshop_copy_list_changes() the user left out: not merged
 * @otherwise: the choice for a conflict not in @decisions;
 *   %LP_MERGE_UNDECIDED to have it returned
 * @flags: %LP_MERGE_DRY_RUN to apply nothing
 * @conflicts: (out) (transfer full) (element-type LpMergeConflict): the
 *   conflicts left undecided; when there are any, nothing was applied
 * @n_changes: (out) (optional): how many of the copy's row changes were
 *   (or, in a dry run, would be) applied
 *
 * Applies what @copy changed since its base to @plan, in one write
 * transaction and one undo step ("Merge “NAME”").  Conflicts are values
 * the plan changed too since the base (to something else), rows one side
 * deleted that the other changed, and changes that would break a rule of
 * the plan.  Merging the same copy again changes nothing.
 *
 * Returns: %FALSE with @error set if the copy cannot be merged at all
 */
gboolean
lp_plan_merge_copy (LpPlan          *plan,
                    LpWorkshopCopy  *copy,
                    GPtrArray       *decisions,
                    GPtrArray       *left_out,
                    LpMergeChoice    otherwise,
                    LpMergeFlags     flags,
                    GPtrArray      **conflicts,
                    guint           *n_changes,
                    GError         **error)
{
  g_autofree char *label = NULL;
  void *data = NULL;
  int size = 0, rc;
  LpApply apply = { 0 };
  gboolean dry_run = (flags & LP_MERGE_DRY_RUN) != 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (copy != NULL, FALSE);
  g_return_val_if_fail (conflicts != NULL, FALSE);

  *conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) lp_merge_conflict_free);
  if (n_changes != NULL)
    *n_changes = 0;
  if (!lp_workshop_diff (copy, &data, &size, error))
    return FALSE;
  if (left_out != NULL && left_out->len > 0 && size > 0)
    {
      g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GByteArray *kept;

      for (guint i = 0; i < left_out->len; i++)
        {
          const LpCopyChange *change = g_ptr_array_index (left_out, i);
          g_hash_table_add (keys, g_strconcat (change->table, "\x1f", change->row_key, NULL));
        }
      kept = lp_changeset_without (data, size, keys);
      sqlite3_free (data);
      size = (int) kept->len;
      data = sqlite3_malloc64 (MAX (kept->len, 1));
      if (kept->len > 0)
        memcpy (data, kept->data, kept->len);
      g_byte_array_unref (kept);
    }
  if (size == 0)
    return sqlite3_free (data), TRUE;

  apply.plan = plan;
  apply.decisions = decisions;
  apply.otherwise = otherwise;
  apply.conflicts = *conflicts;
  apply.copy = copy;
  apply.fixups = g_ptr_array_new_with_free_func ((GDestroyNotify) lp_fixup_free);
  apply.restores = g_ptr_array_new_with_free_func ((GDestroyNotify) lp_fixup_free);
  if (copy->against_plan && !lp_apply_against_plan (&apply, &data, &size))
    {
      /* Undecided differences: nothing applied. */
      ok = TRUE;
      goto out;
    }
  if (size == 0)
    {
      ok = TRUE;
      goto out;
    }
  label = g_strdup_printf (_("Merge “%s”"), copy->name);
  lp_plan_set_step_label (plan, label);
  if (!(dry_run ? lp_plan_begin_untracked_write (plan, error) : lp_plan_begin_write (plan, error)))
    goto out;
  rc = sqlite3changeset_apply (lp_plan_get_db (plan), size, data, NULL, lp_apply_on_conflict, &apply);
  if (apply.error != NULL)
    {
      lp_plan_rollback (plan);
      g_propagate_error (error, g_steal_pointer (&apply.error));
      goto out;
    }
  if (apply.broken_references)
    {
      lp_plan_rollback (plan);
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT,
                   _("“%s” cannot be merged: some of its rows refer to rows the plan has deleted since the "
                     "copy was taken (a practice, a locality, a scenario…)"), copy->display);
      goto out;
    }
  if (rc != SQLITE_OK)
    {
      lp_plan_rollback (plan);
      lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("merge the workshop copy"));
      goto out;
    }
  if (apply.conflicts->len > 0 || dry_run)
    {
      /* Nothing applied while a conflict is undecided. */
      lp_plan_rollback (plan);
      ok = TRUE;
    }
  else if (!lp_apply_restores (&apply, error))
    {
      /* A row brought back whose parent the plan deleted too. */
      if (sqlite3_extended_errcode (lp_plan_get_db (plan)) == SQLITE_CONSTRAINT_FOREIGNKEY)
        {
          g_clear_error (error);
          g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT,
                       _("“%s” cannot be merged as decided: a row the plan deleted cannot come back without "
                         "the row it belongs to, which the plan deleted too (a practice, a locality, a "
                         "scenario…); keep the plan’s deletion"), copy->display);
        }
      lp_plan_rollback (plan);
    }
  else if (!lp_apply_fixups (&apply, error))
    lp_plan_rollback (plan);
  else
    {
      lp_changeset_emit_tables (plan, data, size);
      ok = lp_plan_commit (plan, error) && lp_plan_reload_base_scenario (plan, error);
    }
  if (ok && n_changes != NULL && apply.conflicts->len == 0)
    *n_changes = lp_changeset_count (data, size) - apply.n_omitted;

out:
  lp_plan_set_step_label (plan, NULL);
  g_ptr_array_unref (apply.fixups);
  g_ptr_array_unref (apply.restores);
  g_clear_error (&apply.error);
  sqlite3_free (data);
  return ok;
}
