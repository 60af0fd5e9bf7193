/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>

#include <glib/gstdio.h>

#include "fuzz-scratch.h"

static char *dir;

static void
fuzz_scratch_remove (void)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

const char *
fuzz_scratch_dir (void)
{
  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("lp-fuzz-XXXXXX", NULL);
      g_assert (dir != NULL);
      atexit (fuzz_scratch_remove);
    }
  return dir;
}
