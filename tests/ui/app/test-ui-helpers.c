/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's non-widget helpers, without a display: which sample plan is
 * copied and where, the header's and the Overview's wording, and the
 * background loader, maker and copier of plans. */
#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "lp-overview-text.h"
#include "lp-plan-loader.h"
#include "lp-sample-copy.h"
#include "lp-summary-text.h"
#include "lp-test-util.h"
#include "lp-window-text.h"
#include "test-damaged-plans.h"

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
  g_assert_cmpuint (lp_test_count_localities (user_path), ==, 6);

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

typedef struct {
  LpOverview  overview;
  const char *expected[14];   /* in LpOverviewText's field order */
} OverviewTextCase;

static const OverviewTextCase overview_text_cases[] = {
  /* The sample plan as published. */
  { { .summary = { .localities = 6, .practices = 57, .registered_patients = 596907,
                   .contracts = 11, .contract_value_pounds = 505666000 },
      .reference_date = "2018-10-01", .reference_is_plan_setting = TRUE,
      .ending_soon_months = 6, .contracts_ending_soon = 10,
      .ending_soon_value_pounds = 496453000, .contracts_ended = 0 },
    { "6", "Localities", "57", "Practices", "596,907", "Registered patients",
      "£505,666,000", "A year, across 11 contracts",
      "As at 01/10/2018 (the plan’s reference date)", "Ending within 6 months", "10",
      "Worth £496,453,000 a year", "0", "No contract has passed its end date" } },
  /* One of everything, judged from today. */
  { { .summary = { .localities = 1, .practices = 1, .registered_patients = 1,
                   .contracts = 1, .contract_value_pounds = 1200 },
      .reference_date = "2025-06-15", .reference_is_plan_setting = FALSE,
      .ending_soon_months = 1, .contracts_ending_soon = 1,
      .ending_soon_value_pounds = 1200, .contracts_ended = 1 },
    { "1", "Locality", "1", "Practice", "1", "Registered patient",
      "£1,200", "A year, across 1 contract",
      "As at today (15/06/2025)", "Ending within 1 month", "1",
      "Worth £1,200 a year", "1", "Past its end date" } },
  /* A new, empty plan. */
  { { .summary = { 0, },
      .reference_date = "2025-06-15", .reference_is_plan_setting = FALSE,
      .ending_soon_months = 36, .contracts_ending_soon = 0,
      .ending_soon_value_pounds = 0, .contracts_ended = 0 },
    { "0", "Localities", "0", "Practices", "0", "Registered patients",
      "£0", "A year, across 0 contracts",
      "As at today (15/06/2025)", "Ending within 36 months", "0",
      "No contract ends in this time", "0", "No contract has passed its end date" } },
  /* Some already ended. */
  { { .summary = { .localities = 12, .practices = 1234, .registered_patients = 12345678,
                   .contracts = 40, .contract_value_pounds = 1000000000 },
      .reference_date = "2020-04-01", .reference_is_plan_setting = TRUE,
      .ending_soon_months = 12, .contracts_ending_soon = 3,
      .ending_soon_value_pounds = 7500000, .contracts_ended = 5 },
    { "12", "Localities", "1,234", "Practices", "12,345,678", "Registered patients",
      "£1,000,000,000", "A year, across 40 contracts",
      "As at 01/04/2020 (the plan’s reference date)", "Ending within 12 months", "3",
      "Worth £7,500,000 a year", "5", "Past their end dates" } },
};

static void
assert_overview_text (const LpOverviewText *text,
                      const char * const   *expected)
{
  const char *got[] = {
    text->localities, text->localities_caption, text->practices, text->practices_caption,
    text->patients, text->patients_caption, text->contract_value, text->contract_value_caption,
    text->reference, text->ending_soon_title, text->ending_soon_count, text->ending_soon_detail,
    text->ended_count, text->ended_detail,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (got); i++)
    g_assert_cmpstr (got[i], ==, expected[i]);
}

static void
test_overview_text (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (overview_text_cases); i++)
    {
      g_auto(LpOverviewText) text = { NULL, };

      lp_overview_text_build (&overview_text_cases[i].overview, &text);
      assert_overview_text (&text, overview_text_cases[i].expected);
    }
}

/* Core's figures for the sample, worded: the Overview's first screen. */
static void
test_overview_text_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (g_getenv ("LP_SAMPLE_PLAN"), LP_PLAN_OPEN_READ_ONLY, &error);
  LpOverview overview = { { 0, }, };
  g_auto(LpOverviewText) text = { NULL, };

  g_assert_no_error (error);
  g_assert_true (lp_plan_get_overview (plan, NULL, 6, &overview, &error));
  g_assert_no_error (error);
  lp_overview_text_build (&overview, &text);
  assert_overview_text (&text, overview_text_cases[0].expected);
  lp_overview_clear (&overview);
}

typedef struct {
  const char *path;
  gboolean    read_only;
  const char *home;
  const char *expected;
} LocationCase;

static const LocationCase location_cases[] = {
  { "/home/jo/Plans/Herts.lpplan", FALSE, "/home/jo", "~/Plans/Herts.lpplan" },
  { "/home/jo/Plans/Herts.lpplan", TRUE, "/home/jo", "Read-only · ~/Plans/Herts.lpplan" },
  /* Not the home folder, only a name starting like it. */
  { "/home/joanna/Herts.lpplan", FALSE, "/home/jo", "/home/joanna/Herts.lpplan" },
  { "/srv/plans/Herts.lpplan", FALSE, "/home/jo", "/srv/plans/Herts.lpplan" },
  { "/srv/plans/Herts.lpplan", FALSE, NULL, "/srv/plans/Herts.lpplan" },
  /* A home of "/" would turn every path into "~…". */
  { "/srv/plans/Herts.lpplan", FALSE, "/", "/srv/plans/Herts.lpplan" },
};

static void
test_window_text_location (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (location_cases); i++)
    {
      const LocationCase *c = &location_cases[i];
      g_autofree char *got = lp_window_text_location (c->path, c->read_only, c->home);

      g_assert_cmpstr (got, ==, c->expected);
    }
}

static void
test_window_text_copy_name (void)
{
  g_autofree char *a = lp_window_text_copy_name ("/srv/Herts 2018.lpplan");
  g_autofree char *b = lp_window_text_copy_name ("/srv/notes");

  g_assert_cmpstr (a, ==, "Herts 2018 copy.lpplan");
  g_assert_cmpstr (b, ==, "notes copy.lpplan");
}

/* The damaged plan's words: the banner, the names offered for the copy and
 * the reports, the saved list (check's lines) and the toast. */
static void
test_window_text_damage (void)
{
  g_autofree char *one = lp_window_text_damage_banner (1);
  g_autofree char *three = lp_window_text_damage_banner (3);
  g_autofree char *repaired = lp_window_text_repaired_name ("/srv/Herts 2018.lpplan", FALSE);
  g_autofree char *recovered = lp_window_text_repaired_name ("/srv/Herts 2018.lpplan", TRUE);
  g_autofree char *problems_name = lp_window_text_report_name ("/srv/Herts.lpplan", FALSE);
  g_autofree char *repair_name = lp_window_text_report_name ("/srv/Herts (repaired).lpplan", TRUE);
  g_autoptr(GPtrArray) problems = g_ptr_array_new ();
  LpProblem error = { .severity = LP_PROBLEM_ERROR, .message = "Practice X06K09 (table practice): status is ''" };
  LpProblem warning = { .severity = LP_PROBLEM_WARNING, .message = "No practice has a list size" };
  g_autofree char *report = NULL;

  g_assert_cmpstr (one, ==, "This plan has 1 problem and cannot be changed until it is repaired");
  g_assert_cmpstr (three, ==, "This plan has 3 problems and cannot be changed until it is repaired");
  g_assert_cmpstr (repaired, ==, "Herts 2018 (repaired).lpplan");
  g_assert_cmpstr (recovered, ==, "Herts 2018 (recovered).lpplan");
  g_assert_cmpstr (problems_name, ==, "Herts problems.txt");
  g_assert_cmpstr (repair_name, ==, "Herts (repaired) repair report.txt");
  g_ptr_array_add (problems, &error);
  g_ptr_array_add (problems, &warning);
  report = lp_window_text_problems_report ("/srv/Herts.lpplan", problems);
  g_assert_cmpstr (report, ==,
                   "Problems in /srv/Herts.lpplan\n"
                   "error: Practice X06K09 (table practice): status is ''\n"
                   "warning: No practice has a list size\n");
}

static void
test_window_text_repair_done (void)
{
  LpRepairStep cleared = { .action = LP_REPAIR_CLEARED };
  LpRepairStep left_out = { .action = LP_REPAIR_LEFT_OUT };
  LpRepairStep rebuilt = { .action = LP_REPAIR_REBUILT };
  LpRepairTable practices = { .table = "practice", .rows_read = 57, .rows_kept = 56 };
  LpRepairTable sizes = { .table = "list_size", .rows_read = 1300, .rows_kept = 1204 };
  g_autoptr(GPtrArray) steps = g_ptr_array_new ();
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  LpRepairReport report = { .steps = steps, .tables = tables };
  g_autofree char *none = NULL;
  g_autofree char *two_one = NULL;
  g_autofree char *one_cleared = NULL;
  g_autofree char *recovered = NULL;

  /* An index rebuilt changes no row: nothing cleared or left out. */
  g_ptr_array_add (steps, &rebuilt);
  none = lp_window_text_repair_done (&report);
  g_assert_cmpstr (none, ==, "Repaired copy saved: no value needed clearing");
  g_ptr_array_add (steps, &cleared);
  one_cleared = lp_window_text_repair_done (&report);
  g_assert_cmpstr (one_cleared, ==, "Repaired copy saved: 1 value cleared");
  g_ptr_array_add (steps, &cleared);
  g_ptr_array_add (steps, &left_out);
  two_one = lp_window_text_repair_done (&report);
  g_assert_cmpstr (two_one, ==, "Repaired copy saved: 2 values cleared, 1 row left out");
  /* 56 + 1,204 rows kept. */
  report.recovered = TRUE;
  g_ptr_array_add (tables, &practices);
  g_ptr_array_add (tables, &sizes);
  recovered = lp_window_text_repair_done (&report);
  g_assert_cmpstr (recovered, ==, "Recovered copy saved: 1260 rows kept");
}

/* A plan whose rows break rules loads from a repaired copy, read-only,
 * with the damaged file's problems; the copy goes with the load. */
static void
test_loader_damaged (void)
{
  g_autofree char *dir = scratch_dir ();
  guint n;
  const Damage *damages = damaged_plans (&n);
  g_autofree char *path = damaged_plan_make (g_getenv ("LP_SAMPLE_PLAN"), dir, &damages[0]);
  g_autoptr(GError) error = NULL;
  LpPlanLoad *load = load_and_wait (path, &error);
  g_autofree char *copy = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (load->damaged_path, ==, path);
  g_assert_cmpstr (lp_plan_load_get_path (load), ==, path);
  g_assert_true (lp_plan_is_read_only (load->plan));
  g_assert_nonnull (load->problems);
  g_assert_cmpuint (lp_problems_count_errors (load->problems), ==, 1);
  g_assert_nonnull (load->report);
  copy = g_strdup (lp_plan_get_path (load->plan));
  g_assert_true (g_str_has_prefix (copy, load->temp_dir));
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
  lp_plan_load_free (load);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
}

/* Cut short to its header: refused as corrupt, for Recover into a Copy…. */
static void
test_loader_corrupt (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = damaged_plan_copy_file (g_getenv ("LP_SAMPLE_PLAN"), dir, "Cut.lpplan");
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlanLoad) load = NULL;

  g_assert_cmpint (truncate (path, 100), ==, 0);
  load = load_and_wait (path, &error);
  g_assert_null (load);
  g_assert_error (error, LP_PLAN_LOAD_ERROR, LP_PLAN_LOAD_ERROR_CORRUPT);
  g_assert_true (g_str_has_prefix (error->message, "“Cut.lpplan” is damaged"));
}

static void
test_loader_create (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "New.lpplan", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlanLoad) load = NULL;
  g_autoptr(LpPlanLoad) again = NULL;

  lp_plan_create_async (NULL, path, NULL, load_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  load = lp_plan_load_finish (result, &error);
  g_assert_no_error (error);
  g_assert_false (lp_plan_is_read_only (load->plan));
  g_assert_cmpuint (load->summary.practices, ==, 0);
  g_assert_cmpuint (lp_test_count_localities (path), ==, 0);

  /* An existing file is never made again. */
  g_clear_object (&result);
  lp_plan_create_async (NULL, path, NULL, load_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  again = lp_plan_load_finish (result, &error);
  g_assert_null (again);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_EXISTS);
}

static gboolean
copy_and_wait (const char  *source,
               const char  *dest,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lp_plan_copy_async (NULL, source, dest, NULL, load_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return lp_plan_copy_finish (result, error);
}

/* The copy is made through a second connection while the first stays
 * open, as the window's does, with its edits committed. */
static void
test_loader_copy (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *source = g_build_filename (dir, "Source.lpplan", NULL);
  g_autofree char *dest = g_build_filename (dir, "Copy.lpplan", NULL);
  g_autofree char *made = NULL, *name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) open_plan = NULL;

  made = lp_sample_copy_ensure_at (g_getenv ("LP_SAMPLE_PLAN"), source, &error);
  g_assert_no_error (error);
  open_plan = lp_plan_open (source, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (lp_plan_set_info (open_plan, "name", "Edited", &error));

  g_assert_true (copy_and_wait (source, dest, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lp_test_count_localities (dest), ==, 6);
  name = plan_name (dest);
  g_assert_cmpstr (name, ==, "Edited");

  g_assert_false (copy_and_wait (source, source, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (copy_and_wait ("/nonexistent/plan.lpplan", dest, &error));
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
  g_test_add_func ("/plan-loader/create", test_loader_create);
  g_test_add_func ("/plan-loader/copy", test_loader_copy);
  g_test_add_func ("/overview-text/cases", test_overview_text);
  g_test_add_func ("/overview-text/sample", test_overview_text_sample);
  g_test_add_func ("/window-text/location", test_window_text_location);
  g_test_add_func ("/window-text/copy-name", test_window_text_copy_name);
  g_test_add_func ("/window-text/damage", test_window_text_damage);
  g_test_add_func ("/window-text/repair-done", test_window_text_repair_done);
  g_test_add_func ("/plan-loader/damaged", test_loader_damaged);
  g_test_add_func ("/plan-loader/corrupt", test_loader_corrupt);
  return g_test_run ();
}
