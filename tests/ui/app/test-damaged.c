/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A damaged plan in the window: each plan of the damaged-plan corpus
 * (sound files whose rows break rules) opens read-only with a banner that
 * counts check's errors, and every view shows it without a critical
 * warning; a bad value is missing, not miscounted; Show Problems lists
 * check's words and saves them; Repair into a Copy… goes on with a
 * writable copy and leaves the damaged file as it was; a file SQLite
 * itself finds damaged is refused honestly, with Recover into a Copy…. */
#include "config.h"

#include <sys/stat.h>
#include <glib/gstdio.h>

#include "lp-overview-view.h"
#include "lp-problems-window.h"
#include "lp-test-util.h"
#include "lp-window-text.h"
#include "test-damaged-plans.h"

static const char * const views[] = {
  "overview", "localities", "practices", "contracts", "modelling", "activity", "practice-page", "access",
  "workforce",
};

/* The sample's registered patients, as the Overview shows them (see
 * test-window.c: data/sample/). */
#define SAMPLE_PATIENTS 596907

static const Damage *
find_damage (const char *name)
{
  guint n;
  const Damage *damages = damaged_plans (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (damages[i].name, name))
      return &damages[i];
  g_error ("No damage called %s", name);
  return NULL;
}

static char *
make_damaged (const Damage *damage)
{
  g_autofree char *probe = lp_test_scratch_path ("probe");
  g_autofree char *dir = g_path_get_dirname (probe);

  return damaged_plan_make (g_getenv ("LP_SAMPLE_PLAN"), dir, damage);
}

static GPtrArray *
check_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = lp_plan_check_file (path, &error);

  g_assert_no_error (error);
  return problems;
}

static char *
read_bytes (const char *path,
            gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

static void
assert_same_bytes (const char *path,
                   const char *before,
                   gsize       before_length)
{
  gsize length = 0;
  g_autofree char *after = read_bytes (path, &length);

  g_assert_cmpuint (length, ==, before_length);
  g_assert_true (memcmp (before, after, length) == 0);
}

/* A damaged plan as the window shows it: read-only, titled by the
 * damaged file, with the banner counting check's errors. */
static void
assert_shown_damaged (LpWindow   *window,
                      const char *path,
                      guint       n_errors)
{
  g_autofree char *banner = lp_window_text_damage_banner (n_errors);
  g_autofree char *subtitle = g_strdup_printf ("Read-only · %s", path);
  LpPlan *plan = lp_window_get_plan (window);

  g_assert_cmpstr (lp_window_get_error_text (window), ==, NULL);
  g_assert_nonnull (plan);
  g_assert_true (lp_plan_is_read_only (plan));
  /* Shown from a copy, but named after the file the user chose. */
  g_assert_cmpstr (lp_plan_get_path (plan), !=, path);
  g_assert_cmpstr (lp_window_get_path (window), ==, path);
  g_assert_cmpstr (lp_window_get_plan_subtitle (window), ==, subtitle);
  g_assert_nonnull (lp_window_get_problems (window));
  g_assert_cmpstr (lp_window_get_banner_text (window), ==, banner);
  lp_test_wait_label (GTK_WIDGET (window), banner);
}

/* Every plan of the corpus, half of them read-only files (which open
 * without SQLite testing any CHECK rule): each opens damaged, with check's
 * count, and every view shows it; the file is never changed, and the
 * repaired copy the window read goes with the window. */
static void
test_damaged_corpus (void)
{
  guint n_damages;
  const Damage *damages = damaged_plans (&n_damages);

  /* A warning in any view would be a bug too. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_assert_cmpuint (n_damages, >=, 40);
  for (guint i = 0; i < n_damages; i++)
    {
      g_autofree char *path = make_damaged (&damages[i]);
      g_autoptr(GPtrArray) problems = check_file (path);
      guint n_errors = lp_problems_count_errors (problems);
      g_autofree char *before = NULL;
      g_autofree char *shown_from = NULL;
      gsize before_length = 0;
      LpWindow *window;

      g_test_message ("%s: %u errors", damages[i].name, n_errors);
      g_assert_cmpuint (n_errors, >, 0);
      if (i % 2 == 1)
        g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      before = read_bytes (path, &before_length);
      window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
      assert_shown_damaged (window, path, n_errors);
      g_assert_cmpuint (lp_window_get_problems (window)->len, ==, problems->len);
      for (gsize v = 0; v < G_N_ELEMENTS (views); v++)
        lp_test_show_view (window, views[v]);
      g_assert_null (lp_overview_view_get_error (LP_OVERVIEW_VIEW (lp_window_get_view (window, "overview"))));
      lp_test_show_view (window, "overview");
      shown_from = g_strdup (lp_plan_get_path (lp_window_get_plan (window)));
      g_assert_true (g_file_test (shown_from, G_FILE_TEST_EXISTS));
      lp_test_destroy_windows ();
      g_assert_false (g_file_test (shown_from, G_FILE_TEST_EXISTS));
      assert_same_bytes (path, before, before_length);
    }
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
}

static char *
with_thousands (gint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  GString *text = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

/* list-size-abc writes 'abc' as X06K01's list size: the repaired copy the
 * window shows leaves that row out (patients may not be empty), so the
 * Overview's registered patients are the sample's less X06K01's latest
 * list size, the figure that row held. */
static void
test_damaged_value_missing (void)
{
  g_autofree char *path = make_damaged (find_damage ("list-size-abc"));
  const char *sample = g_getenv ("LP_SAMPLE_PLAN");
  gint64 x06k01 = test_sql_int (sample,
      "SELECT patients FROM practice_latest_list_size "
      "WHERE practice_id = (SELECT id FROM practice WHERE ods_code = 'X06K01')");
  gint64 sample_total = test_sql_int (sample,
      "SELECT sum (patients) FROM practice_latest_list_size AS s JOIN practice AS p ON p.id = s.practice_id "
      "WHERE p.status <> 'closed'");
  g_autofree char *expected = NULL;
  g_autofree char *whole = with_thousands (SAMPLE_PATIENTS);
  LpWindow *window;
  GtkWidget *overview;

  /* The sample's total, computed as the Overview does, is the published one. */
  g_assert_cmpint (sample_total, ==, SAMPLE_PATIENTS);
  g_assert_cmpint (x06k01, >, 0);
  expected = with_thousands (SAMPLE_PATIENTS - x06k01);
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  assert_shown_damaged (window, path, 1);
  overview = lp_test_show_view (window, "overview");
  lp_test_wait_label (overview, expected);
  g_assert_false (lp_test_shows_label (overview, whole));
  lp_test_save_pngs (window, "damaged-banner");
  /* Folded, the banner's words go above its buttons. */
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 600);
  lp_test_wait_true (lp_window_is_folded (window));
  lp_test_wait_frame ();
  lp_test_wait_label (GTK_WIDGET (window), lp_window_get_banner_text (window));
  lp_test_save_png (GTK_WIDGET (window), "damaged-banner-folded.png");
  lp_test_destroy_windows ();
}

/* A plan with problems in three tables: 'abc' as a list size, an empty
 * practice status, and contracts whose provider is gone. */
static char *
make_three_tables (const char *name)
{
  g_autofree char *made = make_damaged (find_damage ("list-size-abc"));
  g_autofree char *dir = g_path_get_dirname (made);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_rename (made, path), ==, 0);
  test_sql_on_file (path,
                    "PRAGMA ignore_check_constraints = ON; PRAGMA foreign_keys = OFF; "
                    "UPDATE practice SET status = '' WHERE ods_code = 'X06K09'; "
                    "DELETE FROM provider WHERE id = (SELECT provider_id FROM contract "
                    "WHERE id = (SELECT min (id) FROM contract))");
  return g_steal_pointer (&path);
}

static gboolean
is_problems_window (gpointer data)
{
  return lp_test_find_toplevel (LP_TYPE_PROBLEMS_WINDOW) != NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Show Problems lists what check finds, in check's words, grouped by
 * table; Save Report… writes them as check prints them. */
static void
test_damaged_show_problems (void)
{
  g_autofree char *path = make_three_tables ("Three tables.lpplan");
  g_autoptr(GPtrArray) problems = check_file (path);
  g_autofree char *report_path = NULL;
  g_autofree char *report = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_auto(GStrv) shown = NULL;
  g_auto(GStrv) lines = NULL;
  LpProblemsWindow *problems_window;
  GtkWindow *chooser;
  LpWindow *window;
  const char *table = NULL;
  guint n_tables = 0;
  GListModel *rows;

  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  assert_shown_damaged (window, path, lp_problems_count_errors (problems));
  g_assert_cmpuint (lp_problems_count_errors (problems), >=, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL));
  lp_test_wait_until (is_problems_window, NULL, "the problems window");
  problems_window = LP_PROBLEMS_WINDOW (lp_test_find_toplevel (LP_TYPE_PROBLEMS_WINDOW));
  lp_test_wait_allocated (GTK_WIDGET (problems_window));

  /* The same messages as check, each once; grouped: a table's problems
   * are together under one heading. */
  shown = lp_problems_window_dup_messages (problems_window);
  g_assert_cmpuint (g_strv_length (shown), ==, problems->len);
  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (expected, ((LpProblem *) g_ptr_array_index (problems, i))->message);
  g_ptr_array_sort (expected, compare_strings);
  {
    g_autofree char **sorted = g_memdup2 (shown, sizeof (char *) * (problems->len + 1));

    qsort (sorted, problems->len, sizeof (char *), compare_strings);
    for (guint i = 0; i < problems->len; i++)
      g_assert_cmpstr (sorted[i], ==, g_ptr_array_index (expected, i));
  }
  for (guint i = 0; i < problems->len; i++)
    {
      const LpProblem *problem = NULL;

      for (guint j = 0; j < problems->len; j++)
        if (g_str_equal (((LpProblem *) g_ptr_array_index (problems, j))->message, shown[i]))
          problem = g_ptr_array_index (problems, j);
      if (i == 0 || g_strcmp0 (problem->table, table) != 0)
        {
          n_tables++;
          table = problem->table;
        }
    }
  rows = lp_problems_window_get_rows (problems_window);
  /* list_size, practice and contract at least; a heading each. */
  g_assert_cmpuint (n_tables, >=, 3);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, problems->len + n_tables);
  lp_test_wait_label (GTK_WIDGET (problems_window), "Table list_size");
  lp_test_wait_label (GTK_WIDGET (problems_window), "Table practice");
  lp_test_save_png (GTK_WIDGET (problems_window), "damaged-problems.png");

  /* Save Report…, through the file dialog, beside the plan. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (problems_window), "problems.save-report", NULL));
  chooser = lp_test_wait_save_dialog ();
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                   "Three tables problems.txt");
  report_path = g_build_filename (folder, "Three tables problems.txt", NULL);
  lp_test_save_in_dialog (chooser, folder, "Three tables problems.txt", report_path);
  report = read_bytes (report_path, NULL);
  lines = g_strsplit (report, "\n", -1);
  {
    g_autofree char *heading = g_strdup_printf ("Problems in %s", path);

    g_assert_cmpstr (lines[0], ==, heading);
  }
  g_assert_cmpuint (g_strv_length (lines), ==, problems->len + 2);   /* heading, problems, "" after the last \n */
  for (guint i = 0; i < problems->len; i++)
    {
      const LpProblem *problem = NULL;
      g_autofree char *line = NULL;

      for (guint j = 0; j < problems->len; j++)
        if (g_str_equal (((LpProblem *) g_ptr_array_index (problems, j))->message, shown[i]))
          problem = g_ptr_array_index (problems, j);
      line = g_strdup_printf ("%s: %s", problem->severity == LP_PROBLEM_ERROR ? "error" : "warning",
                              problem->message);
      g_assert_cmpstr (lines[i + 1], ==, line);
    }
  lp_test_destroy_windows ();
}

static gboolean
is_repaired_toast (GtkWidget     *widget,
                   gconstpointer  unused)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), "Repaired copy saved: ");
}

/* Repair into a Copy…, through its file dialog: the window goes on with
 * the copy, writable and sound, the banner gone; the damaged file is as
 * it was; the repair's report can be saved. */
static void
test_damaged_repair_copy (void)
{
  g_autofree char *path = make_three_tables ("Three tables.lpplan");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *dest = g_build_filename (folder, "Three tables (repaired).lpplan", NULL);
  g_autofree char *report_path = g_build_filename (folder, "Three tables (repaired) repair report.txt", NULL);
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *report = NULL;
  gsize before_length = 0;
  GtkWindow *chooser;
  LpWindow *window;

  before = read_bytes (path, &before_length);
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  g_assert_nonnull (lp_window_get_banner_text (window));

  /* The copy is offered beside the damaged file, named after it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.repair-copy", NULL));
  chooser = lp_test_wait_save_dialog ();
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                   "Three tables (repaired).lpplan");
  lp_test_save_in_dialog (chooser, folder, "Three tables (repaired).lpplan", dest);
  lp_test_wait_loaded (window);
  lp_test_wait_cmpstr (lp_window_get_path (window), ==, dest);

  g_assert_cmpstr (lp_plan_get_path (lp_window_get_plan (window)), ==, dest);
  g_assert_false (lp_plan_is_read_only (lp_window_get_plan (window)));
  g_assert_null (lp_window_get_banner_text (window));
  g_assert_null (lp_window_get_problems (window));
  g_assert_cmpstr (lp_window_get_plan_subtitle (window), ==, dest);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "overview"));
  g_assert_nonnull (lp_test_find_widget (GTK_WIDGET (window), is_repaired_toast, NULL));
  lp_test_save_png (GTK_WIDGET (window), "damaged-repaired-1024x600.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-repair-report", NULL));
  chooser = lp_test_wait_save_dialog ();
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                   "Three tables (repaired) repair report.txt");
  lp_test_save_in_dialog (chooser, folder, "Three tables (repaired) repair report.txt", report_path);
  report = read_bytes (report_path, NULL);
  g_assert_cmpstr (report, !=, "");

  /* The copy keeps every rule; the damaged file is as it was. */
  after = check_file (dest);
  g_assert_cmpuint (lp_problems_count_errors (after), ==, 0);
  assert_same_bytes (path, before, before_length);
  lp_test_destroy_windows ();
}

/* A plan whose dangling reference lets it open is checked, shown damaged,
 * and the window's closing it does not have the plan-stamp vouch for it:
 * it is checked, and shown damaged, the next time too. */
static void
test_damaged_not_trusted_after_close (void)
{
  g_autofree char *path = make_damaged (find_damage ("locality-deleted"));
  g_autoptr(GPtrArray) problems = check_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = NULL;
  LpWindow *window;

  /* It opens: SQLite tests no foreign key when opening.  (Read-only: a
   * plan opened for changes and closed is vouched for by the plan-stamp,
   * and then not checked again; see lp-plan-stamp.c.) */
  plan = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (lp_plan_was_known_sound (plan));
  lp_plan_close (plan);
  g_clear_object (&plan);

  for (int round = 0; round < 2; round++)
    {
      window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
      assert_shown_damaged (window, path, lp_problems_count_errors (problems));
      lp_test_destroy_windows ();
    }
}

/* A file SQLite finds damaged, cut short to its 100-byte header: the
 * window says so honestly and offers Recover into a Copy…, which says
 * that nothing could be read; the file is left as it was. */
static void
test_damaged_corrupt (void)
{
  g_autofree char *path = lp_test_copy_sample ("Cut short.lpplan");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *dest = g_build_filename (folder, "Cut short (recovered).lpplan", NULL);
  g_autofree char *before = NULL;
  gsize before_length = 0;
  const char *text;
  LpWindow *window;

  g_assert_cmpint (truncate (path, 100), ==, 0);
  before = read_bytes (path, &before_length);
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  text = lp_window_get_error_text (window);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "“Cut short.lpplan” is damaged: parts of the file itself cannot be read"));
  g_assert_null (lp_window_get_plan (window));
  lp_test_wait_label (GTK_WIDGET (window), "_Recover into a Copy…");
  lp_test_save_png (GTK_WIDGET (window), "damaged-corrupt.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.recover-copy", NULL));
  {
    GtkWindow *chooser = lp_test_wait_save_dialog ();

    g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                     "Cut short (recovered).lpplan");
    gtk_window_destroy (chooser);
  }
  lp_window_recover_copy (window, path, dest);
  g_assert_true (lp_window_is_loading (window));
  lp_test_wait_loaded (window);
  /* A header and no page: nothing to read, and the page says so. */
  g_assert_null (lp_window_get_plan (window));
  text = lp_window_get_error_text (window);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "Cut short.lpplan"));
  lp_test_wait_label (GTK_WIDGET (window), "Could Not Recover the Plan");
  g_assert_false (lp_test_shows_label (GTK_WIDGET (window), "_Recover into a Copy…"));
  assert_same_bytes (path, before, before_length);
  lp_test_destroy_windows ();
}

/* Opened with File ▸ Open, the same file gets a dialog, not a window:
 * it says the file is damaged and offers the recovery. */
static void
test_damaged_corrupt_dialog (void)
{
  g_autofree char *path = lp_test_copy_sample ("Cut short.lpplan");
  AdwMessageDialog *dialog;

  g_assert_cmpint (truncate (path, 100), ==, 0);
  lp_application_open_plan (lp_test_app, path, NULL);
  dialog = ADW_MESSAGE_DIALOG (lp_test_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Plan File Is Damaged");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "“Cut short.lpplan” is damaged"));
  g_assert_true (adw_message_dialog_has_response (dialog, "recover"));
  g_assert_cmpuint (lp_test_count_windows (), ==, 0);
  lp_test_wait_allocated (GTK_WIDGET (dialog));
  lp_test_wait_frame ();
  lp_test_save_png (GTK_WIDGET (dialog), "damaged-corrupt-dialog.png");
  lp_test_destroy_windows ();
}

static LpWindow *
only_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (lp_test_app)); l; l = l->next)
    if (LP_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* File ▸ Open of a damaged plan: a window, damaged; opened again, the
 * same window, found by the damaged file's path (not its copy's). */
static void
test_damaged_open_from_menu (void)
{
  g_autofree char *path = make_damaged (find_damage ("list-size-abc"));
  LpWindow *window;

  lp_application_open_plan (lp_test_app, path, NULL);
  lp_test_wait_cmpuint (lp_test_count_windows (), ==, 1);
  window = only_window ();
  lp_test_wait_loaded (window);
  assert_shown_damaged (window, path, 1);
  g_assert_true (lp_application_find_window (lp_test_app, path) == window);
  lp_application_open_plan (lp_test_app, path, NULL);
  lp_test_wait_idle ();
  g_assert_cmpuint (lp_test_count_windows (), ==, 1);
  lp_test_destroy_windows ();
}

static gboolean
is_recovered_toast (GtkWidget     *widget,
                    gconstpointer  unused)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), "Recovered copy saved: ");
}

/* Every plan of the corrupt corpus: refused with Recover into a Copy…
 * offered, never a crash; recovered, the copy opens writable and sound
 * with a toast counting the rows kept, or, when nothing can be read, the
 * page says so.  The corrupt file is never changed. */
static void
test_damaged_corrupt_corpus (void)
{
  guint n;
  const Corruption *corruptions = corrupt_plans (&n);
  g_autofree char *probe = lp_test_scratch_path ("probe");
  g_autofree char *dir = g_path_get_dirname (probe);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = corrupt_plan_make (g_getenv ("LP_SAMPLE_PLAN"), dir, &corruptions[i]);
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *dest = g_strdup_printf ("%s/recovered-%u.lpplan", dir, i);
      g_autofree char *before = NULL;
      gsize before_length = 0;
      LpWindow *window;

      g_test_message ("%s", corruptions[i].name);
      before = read_bytes (path, &before_length);
      window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
      g_assert_null (lp_window_get_plan (window));
      g_assert_nonnull (lp_window_get_error_text (window));
      g_test_message ("  refused: %s", lp_window_get_error_text (window));
      /* An empty file is no plan at all: nothing to recover, and the page
       * offers nothing. */
      if (corruptions[i].how == CORRUPT_TRUNCATE && corruptions[i].page_sql == NULL &&
          corruptions[i].bytes == 0)
        {
          g_assert_true (g_str_has_suffix (lp_window_get_error_text (window), "it is empty (0 bytes long)"));
          g_assert_false (lp_test_shows_label (GTK_WIDGET (window), "_Recover into a Copy…"));
          lp_test_destroy_windows ();
          continue;
        }
      g_assert_true (g_str_has_prefix (lp_window_get_error_text (window), "“"));
      g_assert_nonnull (strstr (lp_window_get_error_text (window), "” is damaged: parts of the file itself"));
      lp_test_wait_label (GTK_WIDGET (window), "_Recover into a Copy…");
      lp_window_recover_copy (window, path, dest);
      lp_test_wait_loaded (window);
      if (corruptions[i].unreadable)
        {
          g_assert_null (lp_window_get_plan (window));
          g_test_message ("  not recovered: %s", lp_window_get_error_text (window));
          lp_test_wait_label (GTK_WIDGET (window), "Could Not Recover the Plan");
        }
      else
        {
          g_autoptr(GPtrArray) after = NULL;

          g_assert_cmpstr (lp_window_get_error_text (window), ==, NULL);
          g_assert_nonnull (lp_window_get_plan (window));
          g_assert_false (lp_plan_is_read_only (lp_window_get_plan (window)));
          g_assert_null (lp_window_get_banner_text (window));
          lp_test_wait_true (lp_test_find_widget (GTK_WIDGET (window), is_recovered_toast, NULL) != NULL);
          after = check_file (dest);
          g_assert_cmpuint (lp_problems_count_errors (after), ==, 0);
        }
      assert_same_bytes (path, before, before_length);
      lp_test_destroy_windows ();
    }
}

int
main (int   argc,
      char *argv[])
{
  lp_test_init (&argc, &argv);
  g_test_add_func ("/damaged/value-missing", test_damaged_value_missing);
  g_test_add_func ("/damaged/show-problems", test_damaged_show_problems);
  g_test_add_func ("/damaged/repair-copy", test_damaged_repair_copy);
  g_test_add_func ("/damaged/not-trusted-after-close", test_damaged_not_trusted_after_close);
  g_test_add_func ("/damaged/open-from-menu", test_damaged_open_from_menu);
  g_test_add_func ("/damaged/corrupt", test_damaged_corrupt);
  g_test_add_func ("/damaged/corrupt-dialog", test_damaged_corrupt_dialog);
  g_test_add_func ("/damaged/corrupt-corpus", test_damaged_corrupt_corpus);
  g_test_add_func ("/damaged/corpus", test_damaged_corpus);
  return lp_test_run ();
}
