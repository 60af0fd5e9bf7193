/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The screenshots of the README and the AppStream metainfo: the sample plan
 * as a user keeps it, ~/Plans/East and North Herts 2018-19.lpplan, in each
 * main view, at 1280 x 800.  Saved under the build folder's
 * tests/screenshots/ (G_TEST_BUILDDIR); build-aux/update-screenshots.sh
 * copies them to data/screenshots/.  Each view is checked for what it must
 * show first, so a screenshot of a broken view fails the test instead. */
#include "config.h"

#include <glib/gstdio.h>

#include "lp-modelling-view.h"
#include "lp-practice-page-view.h"
#include "lp-test-util.h"
#include "lp-workforce-view.h"
#include "lp-window.h"

static char *home;

static void
shoot (LpWindow   *window,
       const char *view,
       const char *must_show,
       const char *file)
{
  g_autofree char *name = g_build_filename ("screenshots", file, NULL);

  lp_window_show_view (window, view);
  /* Some views count in a worker thread: wait for their figures. */
  lp_test_wait_label (GTK_WIDGET (window), must_show);
  g_assert_cmpstr (lp_window_get_visible_view (window), ==, view);
  lp_test_save_png (GTK_WIDGET (window), name);
}

static void
test_views (void)
{
  g_autofree char *copy = lp_test_copy_sample ("sample.lpplan");
  g_autofree char *plans = g_build_filename (home, "Plans", NULL);
  g_autofree char *path = g_build_filename (plans, "East and North Herts 2018-19.lpplan", NULL);
  g_autofree char *shots = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  LpWindow *window;
  LpModellingView *modelling;

  g_assert_cmpint (g_mkdir_with_parents (plans, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (shots, 0755), ==, 0);
  g_assert_cmpint (g_rename (copy, path), ==, 0);
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  g_assert_cmpstr (lp_window_get_plan_subtitle (window), ==, "~/Plans/East and North Herts 2018-19.lpplan");

  shoot (window, "overview", "596,907", "overview.png");
  modelling = LP_MODELLING_VIEW (lp_test_show_view (window, "modelling"));
  g_assert_true (lp_modelling_view_select_locality (modelling, "Lower Lea Valley"));
  lp_modelling_view_set_per (modelling, LP_PER_MONTH);
  shoot (window, "modelling", "Lower Lea Valley: reductions per month, for 75,825 registered patients",
         "modelling.png");
  shoot (window, "access", "Extended access coverage: All localities", "access.png");
  g_assert_true (lp_workforce_view_select (LP_WORKFORCE_VIEW (lp_test_show_view (window, "workforce")), "GP", NULL));
  shoot (window, "workforce", "FTE by quarter: All localities, GPs", "workforce.png");
  shoot (window, "activity", "£15,223,243", "activity.png");
  g_assert_true (lp_practice_page_view_select_practice (
                   LP_PRACTICE_PAGE_VIEW (lp_test_show_view (window, "practice-page")), "X06K01"));
  shoot (window, "practice-page", "Scenario: Base", "practice-page.png");
  lp_test_destroy_windows ();
}

int
main (int argc, char *argv[])
{
  int status;

  /* The window shows the plan's folder under the home folder as "~". */
  home = g_dir_make_tmp ("lp-screenshots-home-XXXXXX", NULL);
  g_setenv ("HOME", home, TRUE);
  lp_test_init (&argc, &argv);
  g_test_add_func ("/screenshots/views", test_views);
  status = lp_test_run ();
  g_autofree char *plans = g_build_filename (home, "Plans", NULL);
  g_autofree char *plan = g_build_filename (plans, "East and North Herts 2018-19.lpplan", NULL);
  g_remove (plan);
  g_rmdir (plans);
  g_rmdir (home);
  return status;
}
