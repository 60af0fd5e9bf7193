/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The core library must build and run without a display: no file under
 * app/core (or a folder in it) may include a GTK, GDK or libadwaita
 * header. */
#include <string.h>

#include "core-test-util.h"

static gboolean
line_includes_toolkit (const char *line)
{
  static const char * const forbidden[] = { "<gtk/", "<gdk/", "<gsk/", "<adwaita.h>", "<gtk.h", NULL };
  const char *p = line;

  while (*p == ' ' || *p == '\t')
    p++;
  if (!g_str_has_prefix (p, "#include") && !g_str_has_prefix (p, "#  include"))
    return FALSE;
  for (guint i = 0; forbidden[i] != NULL; i++)
    if (strstr (p, forbidden[i]) != NULL)
      return TRUE;
  return FALSE;
}

static guint
scan_file (const char *path,
           GString    *offenders)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint found = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (line_includes_toolkit (lines[i]))
      {
        g_string_append_printf (offenders, "%s:%u: %s\n", path, i + 1, lines[i]);
        found++;
      }
  return found;
}

/* Every source and meson.build in @dir and the folders under it. */
static void
scan_folder (const char *dir_path,
             GString    *offenders,
             guint      *scanned,
             guint      *found)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          scan_folder (path, offenders, scanned, found);
          continue;
        }
      if (!g_str_has_suffix (name, ".c") && !g_str_has_suffix (name, ".h") &&
          g_strcmp0 (name, "meson.build") != 0)
        continue;
      *found += scan_file (path, offenders);
      (*scanned)++;
    }
}

static void
test_core_has_no_gtk (void)
{
  const char *root = g_getenv ("LP_SOURCE_ROOT");
  g_autofree char *core_dir = NULL;
  g_autoptr(GString) offenders = g_string_new (NULL);
  guint scanned = 0, found = 0;

  g_assert_nonnull (root);
  core_dir = g_build_filename (root, "app", "core", NULL);
  scan_folder (core_dir, offenders, &scanned, &found);
  if (found > 0)
    g_test_message ("GTK headers in app/core:\n%s", offenders->str);
  g_assert_cmpuint (found, ==, 0);
  /* The scan saw the library's sources, not an empty folder. */
  g_assert_cmpuint (scanned, >=, 20);
}

static void
test_detector_catches_includes (void)
{
  g_assert_true (line_includes_toolkit ("#include <gtk/gtk.h>"));
  g_assert_true (line_includes_toolkit ("  #include <adwaita.h>"));
  g_assert_true (line_includes_toolkit ("#include <gdk/gdk.h>"));
  g_assert_false (line_includes_toolkit ("#include <glib.h>"));
  g_assert_false (line_includes_toolkit ("/* not gtk/ */"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/no-gtk/detector", test_detector_catches_includes);
  g_test_add_func ("/no-gtk/core-sources", test_core_has_no_gtk);
  return g_test_run ();
}
