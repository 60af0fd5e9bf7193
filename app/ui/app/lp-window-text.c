/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's own wording, apart from the widgets so that a test can
 * check it without a display. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lp-plan.h"
#include "lp-window-text.h"

static char *
lp_window_text_shorten_home (const char *path,
                             const char *home_dir)
{
  g_autofree char *display = g_filename_display_name (path);
  gsize home_len = home_dir != NULL ? strlen (home_dir) : 0;

  /* "~/Documents/Plan.lpplan" reads faster than "/home/jo/Documents/…". */
  if (home_len > 1 && g_str_has_prefix (path, home_dir) && path[home_len] == G_DIR_SEPARATOR)
    {
      g_autofree char *rest = g_filename_display_name (path + home_len);
      return g_strconcat ("~", rest, NULL);
    }
  return g_steal_pointer (&display);
}

/**
 * lp_window_text_location:
 * @path: the plan file
 * @home_dir: (nullable): the user's home folder, shown as "~"
 *
 * Returns: (transfer full): the header's subtitle:
 *   "~/Plans/Herts.lpplan", or "Read-only · ~/Plans/Herts.lpplan"
 */
char *
lp_window_text_location (const char *path,
                         gboolean    read_only,
                         const char *home_dir)
{
  g_autofree char *where = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  where = lp_window_text_shorten_home (path, home_dir);
  if (!read_only)
    return g_steal_pointer (&where);
  /* Translators: the window subtitle for a plan that cannot be changed */
  return g_strdup_printf (_("Read-only · %s"), where);
}

/**
 * lp_window_text_copy_name:
 * @path: the open plan file
 *
 * Returns: (transfer full): the file name Save As suggests:
 *   "Herts copy.lpplan" for "…/Herts.lpplan"
 */
char *
lp_window_text_copy_name (const char *path)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  base = g_filename_display_basename (path);
  if (g_str_has_suffix (base, LP_PLAN_FILE_SUFFIX))
    base[strlen (base) - strlen (LP_PLAN_FILE_SUFFIX)] = '\0';
  /* Translators: the name Save As suggests; %s is the plan file's name */
  return g_strdup_printf (_("%s copy.lpplan"), base);
}
