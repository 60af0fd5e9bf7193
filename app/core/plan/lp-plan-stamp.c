/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plan files known to be sound (see lp-plan-stamp.h).
 *
 * Opening a plan runs SQLite's quick_check, which reads every page and
 * tests every CHECK rule: half a second for a plan holding a year of
 * England's age profiles, every time it is opened.  A plan this program
 * closed after checking it, and that no other program has written since,
 * is the file it was: when closing, the plan's file as the filesystem
 * describes it (device, inode, size, modification and change times to the
 * nanosecond) is remembered in the user's cache, and a plan that still
 * matches is opened without the check.  Any write by anything else changes
 * the times, and the check runs again; `locality-planner-cli check`
 * always checks. */
#include "config.h"

#include <stdint.h>
#include <sys/stat.h>
#include <time.h>
#include <glib/gstdio.h>

#include "lp-plan-stamp.h"

/* Plans remembered at most: older ones are simply checked again. */
#define LP_PLAN_STAMP_MAX 64
#define LP_PLAN_STAMP_GROUP "Sound plans"

static GMutex lp_plan_stamp_lock;

static char *
lp_plan_stamp_file (void)
{
  return g_build_filename (g_get_user_cache_dir (), "locality-planner", "sound-plans.ini", NULL);
}

/* The file as the filesystem describes it, or NULL when it cannot say. */
static char *
lp_plan_stamp_describe (const char *path)
{
  struct stat st;

  if (stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;
  return g_strdup_printf ("%ju:%ju:%jd:%jd.%09ld:%jd.%09ld", (uintmax_t) st.st_dev, (uintmax_t) st.st_ino,
                          (intmax_t) st.st_size, (intmax_t) st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                          (intmax_t) st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
}

static char *
lp_plan_stamp_key (const char *path)
{
  return g_canonicalize_filename (path, NULL);
}

static GKeyFile *
lp_plan_stamp_load (void)
{
  g_autofree char *file = lp_plan_stamp_file ();
  GKeyFile *keys = g_key_file_new ();

  /* Missing or unreadable: nothing is known, and every plan is checked. */
  g_key_file_load_from_file (keys, file, G_KEY_FILE_NONE, NULL);
  return keys;
}

gboolean
lp_plan_stamp_matches (const char *path)
{
  g_autofree char *key = lp_plan_stamp_key (path);
  g_autofree char *now = lp_plan_stamp_describe (path);
  g_autofree char *known = NULL;
  g_autoptr(GKeyFile) keys = NULL;

  if (now == NULL)
    return FALSE;
  g_mutex_lock (&lp_plan_stamp_lock);
  keys = lp_plan_stamp_load ();
  g_mutex_unlock (&lp_plan_stamp_lock);
  known = g_key_file_get_string (keys, LP_PLAN_STAMP_GROUP, key, NULL);
  return known != NULL && g_str_equal (known, now);
}

static void
lp_plan_stamp_save (GKeyFile *keys)
{
  g_autofree char *file = lp_plan_stamp_file ();
  g_autofree char *dir = g_path_get_dirname (file);

  /* A cache: if it cannot be written, plans are checked every time. */
  if (g_mkdir_with_parents (dir, 0700) == 0)
    g_key_file_save_to_file (keys, file, NULL);
}

/* Whether a write from now on would give @path a later modification time
 * than it has.  The kernel stamps files from a clock that moves in ticks of
 * a few milliseconds: a write in the same tick as the last one would leave
 * the times as they are, so the tick is waited out (20 ms at most). */
static gboolean
lp_plan_stamp_wait_for_tick (const char *path)
{
  struct stat st;

  if (stat (path, &st) != 0)
    return FALSE;
  for (int tries = 0; tries < 20; tries++)
    {
      struct timespec now;

      if (clock_gettime (CLOCK_REALTIME_COARSE, &now) != 0)
        return FALSE;
      if (now.tv_sec > st.st_mtim.tv_sec || (now.tv_sec == st.st_mtim.tv_sec && now.tv_nsec > st.st_mtim.tv_nsec))
        return TRUE;
      g_usleep (1000);
    }
  return FALSE;
}

void
lp_plan_stamp_record (const char *path)
{
  g_autofree char *key = lp_plan_stamp_key (path);
  g_autofree char *now = NULL;
  g_autoptr(GKeyFile) keys = NULL;
  g_auto(GStrv) known = NULL;
  gsize n_known = 0;

  g_autofree char *after_tick = NULL;

  /* Described before and after the tick: a write in between is not taken
   * for the program's own. */
  if ((now = lp_plan_stamp_describe (path)) == NULL || !lp_plan_stamp_wait_for_tick (path) ||
      (after_tick = lp_plan_stamp_describe (path)) == NULL || !g_str_equal (now, after_tick))
    return;
  g_mutex_lock (&lp_plan_stamp_lock);
  keys = lp_plan_stamp_load ();
  g_key_file_remove_key (keys, LP_PLAN_STAMP_GROUP, key, NULL);
  known = g_key_file_get_keys (keys, LP_PLAN_STAMP_GROUP, &n_known, NULL);
  /* Keys keep the order they were added in: the oldest go first. */
  for (gsize i = 0; known != NULL && i + LP_PLAN_STAMP_MAX <= n_known; i++)
    g_key_file_remove_key (keys, LP_PLAN_STAMP_GROUP, known[i], NULL);
  g_key_file_set_string (keys, LP_PLAN_STAMP_GROUP, key, now);
  lp_plan_stamp_save (keys);
  g_mutex_unlock (&lp_plan_stamp_lock);
}

void
lp_plan_stamp_forget (const char *path)
{
  g_autofree char *key = lp_plan_stamp_key (path);
  g_autoptr(GKeyFile) keys = NULL;

  g_mutex_lock (&lp_plan_stamp_lock);
  keys = lp_plan_stamp_load ();
  if (g_key_file_remove_key (keys, LP_PLAN_STAMP_GROUP, key, NULL))
    lp_plan_stamp_save (keys);
  g_mutex_unlock (&lp_plan_stamp_lock);
}
