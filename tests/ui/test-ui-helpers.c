/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's non-widget helpers, without a display: which sample plan is
 * copied and where, the header's wording, and the background loader. */
#include "config.h"

#include <glib/gstdio.h>

#include "lp-plan-loader.h"
#include "lp-sample-copy.h"
#include "lp-summary-text.h"

/* A folder for one test's files; G_TEST_OPTION_ISOLATE_DIRS deletes it. */
static char *
scratch_dir (void)
{
  char *dir = g_build_filename (g_get_user_data_dir (), "scratch", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static void
test_choose_bundled (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *installed = g_build_filename (dir, "sample.lpplan", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.lpplan", NULL);
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  g_assert_true (g_file_set_contents (installed, "x", 1, NULL));

  a = lp_sample_copy_choose_bundled ("/env/sample.lpplan", installed, "/build/s.lpplan");
  g_assert_cmpstr (a, ==, "/env/sample.lpplan");
  /* An empty variable counts as unset. */
  b = lp_sample_copy_choose_bundled ("", installed, "/build/s.lpplan");
  g_assert_cmpstr (b, ==, installed);
  c = lp_sample_copy_choose_bundled (NULL, installed, "/build/s.lpplan");
  g_assert_cmpstr (c, ==, installed);
  d = lp_sample_copy_choose_bundled (NULL, missing, "/build/s.lpplan");
  g_assert_cmpstr (d, ==, "/build/s.lpplan");
}

static void
test_find_bundled_uses_env (void)
{
  g_autofree char *found = lp_sample_copy_find_bundled ();

  g_assert_cmpstr (found, ==, g_getenv ("LP_SAMPLE_PLAN"));
}

static void
test_user_path (void)
{
  g_autofree char *path = lp_sample_copy_user_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "locality-planner",
                                                "Sample plan.lpplan", NULL);

  g_assert_cmpstr (path, ==, expected);
}

typedef struct {
  guint       practices;
  gint64      patients;
  const char *subtitle;
  const char *total;
} SummaryCase;

static const SummaryCase summary_cases[] = {
  { 57, 596907, "57 practices · 596,907 registered patients",
    "Total: 57 practices, 596,907 registered patients" },
  { 1, 1, "1 practice · 1 registered patient",
    "Total: 1 practice, 1 registered patient" },
  { 0, 0, "0 practices · 0 registered patients",
    "Total: 0 practices, 0 registered patients" },
  { 1234, 12345678901, "1,234 practices · 12,345,678,901 registered patients",
    "Total: 1,234 practices, 12,345,678,901 registered patients" },
};

static void
test_summary_text (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (summary_cases); i++)
    {
      const SummaryCase *c = &summary_cases[i];
      LpPlanSummary summary = { .practices = c->practices,
                                .registered_patients = c->patients };
      g_autofree char *subtitle = lp_summary_text_subtitle (&summary);
      g_autofree char *total = lp_summary_text_total (&summary);

      g_assert_cmpstr (subtitle, ==, c->subtitle);
      g_assert_cmpstr (total, ==, c->total);
    }
}

static gint64
mtime_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return (gint64) st.st_mtime;
}

static guint
count_localities (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, &error);
  g_autoptr(GListModel) localities = NULL;

  g_assert_no_error (error);
  localities = lp_plan_list_localities (plan, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (localities);
}

static void
mark_plan (const char *path,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  lp_plan_set_info (plan, "name", name, &error);
  g_assert_no_error (error);
}

static char *
plan_name (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return lp_plan_dup_info (plan, "name");
}

static void
test_ensure_copy (void)
{
  const char *bundled = g_getenv ("LP_SAMPLE_PLAN");
  g_autofree char *dir = scratch_dir ();
  g_autofree char *user_path = g_build_filename (dir, "a", "b", "Sample plan.lpplan", NULL);
  g_autofree char *made = NULL, *again = NULL, *name = NULL;
  g_autoptr(GError) error = NULL;
  gint64 bundled_mtime = mtime_of (bundled);

  made = lp_sample_copy_ensure_at (bundled, user_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (made, ==, user_path);
  g_assert_cmpuint (count_localities (user_path), ==, 6);

  /* A copy the user has changed is kept, not replaced by the sample. */
  mark_plan (user_path, "My plan");
  again = lp_sample_copy_ensure_at (bundled, user_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, user_path);
  name = plan_name (user_path);
  g_assert_cmpstr (name, ==, "My plan");

  g_assert_cmpint (mtime_of (bundled), ==, bundled_mtime);
}

static void
test_ensure_copy_missing_sample (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *bundled = g_build_filename (dir, "no-such-sample.lpplan", NULL);
  g_autofree char *user_path = g_build_filename (dir, "copy", "Sample plan.lpplan", NULL);
  g_autofree char *made = NULL;
  g_autoptr(GError) error = NULL;

  made = lp_sample_copy_ensure_at (bundled, user_path, &error);
  g_assert_null (made);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (user_path, G_FILE_TEST_EXISTS));
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static LpPlanLoad *
load_and_wait (const char  *path,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lp_plan_load_async (NULL, path, LP_PLAN_OPEN_READ_ONLY, NULL, load_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return lp_plan_load_finish (result, error);
}

static void
test_loader_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlanLoad) load = load_and_wait (NULL, &error);
  g_autofree char *user_path = lp_sample_copy_user_path ();

  g_assert_no_error (error);
  g_assert_cmpstr (lp_plan_get_path (load->plan), ==, user_path);
  g_assert_true (lp_plan_is_read_only (load->plan));
  g_assert_cmpuint (g_list_model_get_n_items (load->localities), ==, 6);
  g_assert_cmpuint (load->summary.practices, ==, 57);
  g_assert_cmpint (load->summary.registered_patients, ==, 596907);
  g_assert_nonnull (load->display_name);
  g_assert_cmpstr (load->display_name, !=, "");
}

static void
test_loader_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlanLoad) load = load_and_wait ("/nonexistent/plan.lpplan", &error);

  g_assert_null (load);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  /* Each test gets its own XDG folders, so no copy of the sample is left
   * in the real home and no test sees another's copy. */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sample-copy/choose-bundled", test_choose_bundled);
  g_test_add_func ("/sample-copy/find-bundled-uses-env", test_find_bundled_uses_env);
  g_test_add_func ("/sample-copy/user-path", test_user_path);
  g_test_add_func ("/sample-copy/ensure", test_ensure_copy);
  g_test_add_func ("/sample-copy/missing-sample", test_ensure_copy_missing_sample);
  g_test_add_func ("/summary-text/subtitle-and-total", test_summary_text);
  g_test_add_func ("/plan-loader/sample", test_loader_sample);
  g_test_add_func ("/plan-loader/missing", test_loader_missing);
  return g_test_run ();
}
