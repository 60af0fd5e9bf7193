/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where the bundled sample plan is, and the user's own copy of it.
 *
 * The installed sample is opened read-only and never changed: a user who
 * starts the app with no file works in a copy under their data folder, so
 * edits survive and a fresh install can always give them the original. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "lp-core.h"
#include "lp-sample-copy.h"

/**
 * lp_sample_copy_choose_bundled:
 * @env_value: (nullable): the value of LP_SAMPLE_PLAN
 * @installed_path: where an installed build keeps the sample
 * @build_path: the sample built in the build tree
 *
 * The environment wins so that tests and developers can point at any
 * sample; then an installed copy; the build tree last, so the app also
 * runs uninstalled.
 *
 * Returns: (transfer full): the path of the bundled sample plan
 */
char *
lp_sample_copy_choose_bundled (const char *env_value,
                               const char *installed_path,
                               const char *build_path)
{
  g_return_val_if_fail (installed_path != NULL, NULL);
  g_return_val_if_fail (build_path != NULL, NULL);

  if (env_value != NULL && *env_value != '\0')
    return g_strdup (env_value);
  if (g_file_test (installed_path, G_FILE_TEST_IS_REGULAR))
    return g_strdup (installed_path);
  return g_strdup (build_path);
}

/**
 * lp_sample_copy_find_bundled:
 *
 * Returns: (transfer full): the bundled sample plan for this process
 */
char *
lp_sample_copy_find_bundled (void)
{
  return lp_sample_copy_choose_bundled (g_getenv ("LP_SAMPLE_PLAN"),
                                        PKGDATADIR "/sample.lpplan",
                                        BUILD_SAMPLE_PLAN);
}

/**
 * lp_sample_copy_user_path:
 *
 * Returns: (transfer full): where the user's copy of the sample lives
 */
char *
lp_sample_copy_user_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "locality-planner",
                           LP_SAMPLE_COPY_NAME, NULL);
}

static gboolean
lp_sample_copy_make_folder (const char  *user_path,
                            GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (user_path);
  g_autofree char *name = NULL;
  int saved_errno;

  if (g_mkdir_with_parents (folder, 0700) == 0)
    return TRUE;

  saved_errno = errno;
  name = g_filename_display_name (folder);
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not create the folder “%s” for your copy of the sample plan: %s"),
               name, g_strerror (saved_errno));
  return FALSE;
}

/**
 * lp_sample_copy_ensure_at:
 * @bundled_path: the sample plan to copy from; only ever read
 * @user_path: where the user's copy belongs
 *
 * Makes the user's copy from the bundled sample unless it already exists;
 * an existing copy is left exactly as the user last saved it.
 *
 * Returns: (transfer full): @user_path, or %NULL with @error set
 */
char *
lp_sample_copy_ensure_at (const char  *bundled_path,
                          const char  *user_path,
                          GError     **error)
{
  g_autoptr(LpPlan) bundled = NULL;
  gboolean saved;

  g_return_val_if_fail (bundled_path != NULL, NULL);
  g_return_val_if_fail (user_path != NULL, NULL);

  if (g_file_test (user_path, G_FILE_TEST_EXISTS))
    return g_strdup (user_path);
  if (!lp_sample_copy_make_folder (user_path, error))
    return NULL;

  bundled = lp_plan_open (bundled_path, LP_PLAN_OPEN_READ_ONLY, error);
  if (bundled == NULL)
    return NULL;
  saved = lp_plan_save_copy (bundled, user_path, error);
  lp_plan_close (bundled);
  return saved ? g_strdup (user_path) : NULL;
}

/**
 * lp_sample_copy_ensure:
 *
 * Blocks on disk I/O: call it from a worker thread.
 *
 * Returns: (transfer full): the path of the user's copy of the sample plan,
 *   made now if it did not exist, or %NULL with @error set
 */
char *
lp_sample_copy_ensure (GError **error)
{
  g_autofree char *bundled = lp_sample_copy_find_bundled ();
  g_autofree char *user_path = lp_sample_copy_user_path ();

  return lp_sample_copy_ensure_at (bundled, user_path, error);
}
