/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cli-test-util.h"

/**
 * cli_runv:
 * @args: the arguments, ending with NULL
 *
 * Runs the CLI named by $LP_CLI and waits for it.  A CLI that dies of a
 * signal (a crash, or a critical under G_DEBUG=fatal-criticals) fails the
 * test.
 */
CliRun *
cli_runv (const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  CliRun *run = g_new0 (CliRun, 1);
  const char *cli = g_getenv ("LP_CLI");
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (gsize i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  return run;
}

/* cli_runv() with the arguments in the call, ending with NULL. */
CliRun *
cli_run (const char *arg,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, arg);
  for (const char *a = arg; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return cli_runv ((const char *const *) args->pdata);
}

void
cli_run_free (CliRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

/* Every failure is one line, "locality-planner-cli: MESSAGE", exit 2,
 * and nothing on stdout that a script might take for an answer. */
void
cli_assert_one_line_error (CliRun     *run,
                           const char *needle)
{
  const char *newline = strchr (run->err, '\n');

  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "locality-planner-cli: "));
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
  g_assert_nonnull (strstr (run->err, needle));
}

/**
 * cli_find_line:
 *
 * Returns: (transfer full): the whitespace-separated words of the first
 *   line of @out that begins with @prefix followed by a space (or is
 *   @prefix), or NULL
 */
GPtrArray *
cli_find_line (const char *out,
               const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *rest;
      g_auto(GStrv) words = NULL;
      GPtrArray *result;

      if (!g_str_has_prefix (lines[i], prefix))
        continue;
      rest = lines[i] + strlen (prefix);
      if (*rest != ' ' && *rest != '\0')
        continue;
      words = g_strsplit_set (rest, " ", -1);
      result = g_ptr_array_new_with_free_func (g_free);
      for (guint j = 0; words[j] != NULL; j++)
        if (words[j][0] != '\0')
          g_ptr_array_add (result, g_strdup (words[j]));
      return result;
    }
  return NULL;
}

/**
 * cli_info_value:
 *
 * Returns: (transfer full): what follows "@label" on its line of `info`'s
 *   output, without the padding, or NULL if no line has that label
 */
char *
cli_info_value (const char *out,
                const char *label)
{
  g_autoptr(GPtrArray) words = cli_find_line (out, label);
  g_autoptr(GString) value = g_string_new (NULL);

  if (words == NULL)
    return NULL;
  for (guint i = 0; i < words->len; i++)
    g_string_append_printf (value, "%s%s", i > 0 ? " " : "",
                            (char *) g_ptr_array_index (words, i));
  return g_string_free (g_steal_pointer (&value), FALSE);
}

static void
end_field (GPtrArray *row,
           GString   *field)
{
  g_ptr_array_add (row, g_strdup (field->str));
  g_string_truncate (field, 0);
}

/**
 * cli_parse_csv:
 *
 * A strict reader of RFC 4180 text: every record ends with CRLF, a quote
 * opens a field only at its start.  A second, independent reading of what
 * the CLI writes, so the test does not trust the writer's own idea.
 *
 * Returns: (transfer full): rows, each a NULL-terminated GStrv
 */
/* An exported view starts with what it is ("Locality Planner", the
 * table's title; "Plan", …) and an empty row; the tests read the table
 * below it (cli_parse_csv_heading() reads the heading). */
static void
cli_drop_heading (GPtrArray *rows)
{
  if (rows->len == 0 || g_strcmp0 (((GStrv) g_ptr_array_index (rows, 0))[0], "Locality Planner") != 0)
    return;
  for (guint end = 0; end < rows->len; end++)
    {
      GStrv row = g_ptr_array_index (rows, end);

      if (g_strv_length (row) == 1 && row[0][0] == '\0')
        {
          g_ptr_array_remove_range (rows, 0, end + 1);
          return;
        }
    }
  g_error ("An exported view's heading has no empty row after it");
}

GPtrArray *
cli_parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (field, *p++);
      else if (*p == '"' && (quoted || field->len == 0))
        quoted = !quoted;
      else if (quoted || (*p != ',' && *p != '\r'))
        g_string_append_c (field, *p);
      else if (*p == ',')
        end_field (row, field);
      else
        {
          g_assert_cmpint (p[1], ==, '\n');
          p++;
          end_field (row, field);
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
        }
    }
  g_assert_false (quoted);
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (row->len, ==, 0);
  cli_drop_heading (rows);
  return rows;
}

/* `list WHAT PLAN --csv`, which must succeed, read back as rows. */
GPtrArray *
cli_list_csv (const char *what,
              const char *plan)
{
  g_autoptr(CliRun) run = cli_run ("list", what, plan, "--csv", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  return cli_parse_csv (run->out);
}

char *
cli_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lp-test-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* The tests make flat directories, so one level is enough. */
void
cli_remove_tmp_dir (char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_chmod (path, 0600);
      g_remove (path);
    }
  g_rmdir (dir);
  g_free (dir);
}

/* The sample plan built by data/sample/meson.build. */
const char *
cli_sample_plan (void)
{
  const char *path = g_getenv ("LP_SAMPLE_PLAN");

  g_assert_nonnull (path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/**
 * cli_copy_sample:
 *
 * Returns: (transfer full): the path of a fresh copy of the built sample
 *   plan ($LP_SAMPLE_PLAN), so that no test can spoil it for another
 */
char *
cli_copy_sample (const char *dir,
                 const char *name)
{
  const char *sample = cli_sample_plan ();
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  source = g_file_new_for_path (sample);
  dest = g_file_new_for_path (path);
  g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

/* Damages a plan behind the app's back, as another program could. */
void
cli_sql (const char *plan_path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (plan_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_changes (db), >, 0);
  sqlite3_close (db);
}

/* The file's bytes, as a checksum: a plan a refused command left alone
 * has the same. */
char *
cli_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* A cell of what cli_parse_csv() read: row 0 is the header. */
const char *
cli_csv_cell (GPtrArray *rows,
              guint      row,
              guint      column)
{
  g_assert_cmpuint (row, <, rows->len);
  g_assert_cmpuint (column, <, g_strv_length (g_ptr_array_index (rows, row)));
  return ((char **) g_ptr_array_index (rows, row))[column];
}
