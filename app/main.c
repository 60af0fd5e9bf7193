/* SPDX-License-Identifier: GPL-3.0-or-later */
/* locality-planner [FILE.lpplan...]: the desktop application. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "lp-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LpApplication) app = NULL;

#ifdef __GLIBC__
  /* One heap for every thread, set before any thread starts.  The plan's
   * rows are read on its worker thread and kept, then freed, on the main
   * thread; with glibc's heap per thread what the main thread frees goes
   * back to the worker's heap, where only the worker's next reads reuse
   * it, so each read left its pages held twice.  At England's size the
   * window peaked at 254 MB with a heap per thread and 242 MB with one.
   * The two threads seldom allocate at the same moment, so sharing one
   * heap costs no time. */
  mallopt (M_ARENA_MAX, 1);
#endif

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = lp_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
