/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared helpers for the core tests.  Tests may use SQLite directly: they
 * tamper with plan files the way a user with the sqlite3 shell could. */
#include <string.h>
#include <glib/gstdio.h>

#include "core-test-util.h"

char *
test_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lp-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

char *
test_tmp_path (const char *dir,
               const char *name)
{
  return g_build_filename (dir, name, NULL);
}

LpPlan *
test_new_plan (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_tmp_path (dir, "plan.lpplan");
  LpPlan *plan = lp_plan_create (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

char *
test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

void
test_write_file (const char *path,
                 const char *contents,
                 gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

void
test_rm_rf (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* One field from @p on: NULL for an empty unquoted field, "" for "". */
static char *
parse_field (const char **p)
{
  g_autoptr(GString) field = g_string_new (NULL);
  const char *q = *p;
  gboolean quoted = *q == '"';

  if (quoted)
    {
      for (q++; !(*q == '"' && q[1] != '"'); q++)
        {
          g_assert_cmpint (*q, !=, '\0');  /* an unterminated quote */
          if (*q == '"')
            q++;                           /* a doubled quote is one quote */
          g_string_append_c (field, *q);
        }
      q++;
    }
  else
    for (; *q != ',' && *q != '\r' && *q != '\0'; q++)
      {
        g_assert_cmpint (*q, !=, '"');
        g_assert_cmpint (*q, !=, '\n');
        g_string_append_c (field, *q);
      }
  *p = q;
  if (!quoted && field->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&field), FALSE);
}

/* A strict RFC 4180 reader, independent of the writer: every record ends
 * in CRLF, and a quote may only open and close a whole field. */
GPtrArray *
test_parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      g_ptr_array_add (row, parse_field (&p));
      if (*p == ',')
        {
          p++;
          continue;
        }
      g_assert_cmpint (p[0], ==, '\r');
      g_assert_cmpint (p[1], ==, '\n');
      p += 2;
      g_ptr_array_add (rows, row);
      row = g_ptr_array_new_with_free_func (g_free);
    }
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  /* An exported view starts with what it is and an empty row: the tests
   * read the table below it; test_csv_heading() reads the heading. */
  if (rows->len > 0 && g_strcmp0 (test_csv_cell (rows, 0, 0), "Locality Planner") == 0)
    {
      guint end = 0;

      /* An empty field reads as NULL (a missing value). */
      while (end < rows->len && !(((GPtrArray *) g_ptr_array_index (rows, end))->len == 1 &&
                                  (test_csv_cell (rows, end, 0) == NULL || *test_csv_cell (rows, end, 0) == '\0')))
        end++;
      g_assert_cmpuint (end, <, rows->len);
      g_ptr_array_remove_range (rows, 0, end + 1);
    }
  return rows;
}

/* The value of @label in an exported view's heading, or NULL. */
char *
test_csv_heading (const char *text,
                  const char *label)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autofree char *prefix = g_strconcat (label, ",", NULL);

      if (g_str_has_prefix (lines[i], prefix))
        return g_strdup (lines[i] + strlen (prefix));
    }
  return NULL;
}

const char *
test_csv_cell (GPtrArray *rows,
               guint      row,
               guint      column)
{
  GPtrArray *fields = g_ptr_array_index (rows, row);

  g_assert_cmpuint (column, <, fields->len);
  return g_ptr_array_index (fields, column);
}

gint64
test_csv_column_sum (GPtrArray *rows,
                     guint      column)
{
  gint64 sum = 0;

  for (guint i = 1; i < rows->len; i++)
    sum += g_ascii_strtoll (test_csv_cell (rows, i, column), NULL, 10);
  return sum;
}

/* The first data row whose @column holds @value. */
GPtrArray *
test_csv_find_row (GPtrArray  *rows,
                   guint       column,
                   const char *value)
{
  for (guint i = 1; i < rows->len; i++)
    if (g_strcmp0 (test_csv_cell (rows, i, column), value) == 0)
      return g_ptr_array_index (rows, i);
  g_assert_not_reached ();
}

/* A writable copy of the sample plan in a fresh folder, for a test that
 * changes it. */
void
test_sample_set_up (TestSample    *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) sample = lp_plan_open (g_getenv ("LP_SAMPLE_PLAN"), LP_PLAN_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  f->dir = test_tmp_dir ();
  f->path = test_tmp_path (f->dir, "plan.lpplan");
  g_assert_true (lp_plan_save_copy (sample, f->path, &error));
  f->plan = lp_plan_open (f->path, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

void
test_sample_tear_down (TestSample    *f,
                       gconstpointer  data)
{
  g_clear_object (&f->plan);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

void
test_copies_prepare (TestCopies *copies,
                     TestSample *sample)
{
  const char *names[] = { "Table A", "Table B", "Table C" };
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;

  copies->practice_id = test_sql_int (sample->path, "SELECT id FROM practice WHERE ods_code = 'X06K01'");
  copies->contract_id = test_sql_int (sample->path, "SELECT id FROM contract WHERE annual_value_pounds = 26350000");
  copies->change_id = test_sql_int (sample->path, "SELECT c.id FROM pathway_change c JOIN pathway p "
                                    "ON p.id = c.pathway_id WHERE p.name = 'CVD' AND c.level = 'stp' "
                                    "AND c.horizon_years = 3");
  copies->dir = test_tmp_path (sample->dir, "copies");
  g_assert_cmpint (g_mkdir (copies->dir, 0700), ==, 0);
  g_assert_true (lp_plan_prepare_workshop_copies (sample->plan, copies->dir, names, 3, &paths, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, ==, 3);
  copies->a = g_strdup (g_ptr_array_index (paths, 0));
  copies->b = g_strdup (g_ptr_array_index (paths, 1));
  copies->c = g_strdup (g_ptr_array_index (paths, 2));
}

void
test_copies_remove (TestCopies *copies)
{
  test_rm_rf (copies->dir);
  g_clear_pointer (&copies->dir, g_free);
  g_clear_pointer (&copies->a, g_free);
  g_clear_pointer (&copies->b, g_free);
  g_clear_pointer (&copies->c, g_free);
}

/* A workshop copy of @plan, read and checked: the test fails if it is refused. */
LpWorkshopCopy *
test_read_copy (LpPlan     *plan,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  LpWorkshopCopy *copy = lp_plan_read_workshop_copy (plan, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (copy);
  return copy;
}
