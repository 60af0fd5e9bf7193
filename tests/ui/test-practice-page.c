/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Practice Page under a real (virtual) display: a Lower Lea Valley
 * practice's share of the published table per month and per week, the
 * page printed through GTK to PDF and saved as PDF, a practice in no
 * locality, and PNGs for a person to look at. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "lp-practice-page-output.h"
#include "lp-practice-page-view.h"
#include "lp-test-pdf.h"
#include "lp-test-util.h"

static LpPracticePageView *
show_page (LpWindow *window)
{
  GtkWidget *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "practice-page"));
  lp_test_wait_cmpstr (lp_window_get_visible_view (window), ==, "practice-page");
  view = lp_window_get_view (window, "practice-page");
  g_assert_true (LP_IS_PRACTICE_PAGE_VIEW (view));
  /* Once shown, it reads the plan on its worker: wait for what it read. */
  lp_test_wait_view (view);
  return LP_PRACTICE_PAGE_VIEW (view);
}

/* What the page shows of the practice: its details line, NULL while it
 * shows no page. */
static const char *
page_details (LpPracticePageView *view)
{
  const LpPracticeText *text = lp_practice_page_view_get_text (view);

  return text != NULL ? text->details : NULL;
}

static gboolean
page_access_short (LpPracticePageView *view)
{
  const LpPracticeText *text = lp_practice_page_view_get_text (view);

  return text != NULL && text->access_short;
}

/* The modelling view's breakdown for the practice: the same figures. */
static LpModelPractice *
breakdown (LpPlan     *plan,
           const char *code,
           LpPer       per)
{
  LpModelQuery query = { lp_plan_find_locality (plan, "Lower Lea Valley"), 0, per };
  g_autoptr(LpModelTable) table = lp_plan_model (plan, &query, NULL);
  g_autoptr(GPtrArray) practices = lp_plan_model_practices (plan, &query, table, NULL);

  for (guint i = 0; i < practices->len; i++)
    {
      LpModelPractice *practice = g_ptr_array_index (practices, i);

      if (strcmp (practice->ods_code, code) == 0)
        return g_ptr_array_steal_index (practices, i);
    }
  g_assert_not_reached ();
}

static char *
first_practice_of (LpPlan     *plan,
                   const char *locality)
{
  g_autoptr(GListModel) practices = lp_plan_list_practices (plan, lp_plan_find_locality (plan, locality), NULL);
  g_autoptr(LpPractice) practice = g_list_model_get_item (practices, 0);

  return g_strdup (lp_practice_get_ods_code (practice));
}

static void
test_practice_page_figures (void)
{
  g_autofree char *path = lp_test_copy_sample ("Practice page.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpPracticePageView *view = show_page (window);
  LpPlan *plan = lp_window_get_plan (window);
  g_autofree char *code = first_practice_of (plan, "Lower Lea Valley");
  g_autoptr(LpModelPractice) month = breakdown (plan, code, LP_PER_MONTH);
  g_autoptr(LpModelPractice) week = breakdown (plan, code, LP_PER_WEEK);
  g_autofree char *month_text = lp_format_tenths (month->activity[0]);
  g_autofree char *week_text = lp_format_tenths (week->activity[0]);
  g_autofree char *beds_text = lp_format_tenths (month->bed_days[1]);
  g_autofree char *share = lp_format_share (month->share);

  lp_test_wait_nonnull (lp_practice_page_view_get_title (view));   /* the first practice by name */
  g_assert_true (lp_practice_page_view_select_practice (view, code));
  lp_test_wait_cmpstr (lp_practice_page_view_get_title (view), ==, month->name);
  /* Per horizon: activity a month, a week; bed days a month, a week. */
  lp_test_wait_cmpstr (lp_practice_page_view_get_cell (view, "Grand total", 0), ==, month_text);
  lp_test_wait_cmpstr (lp_practice_page_view_get_cell (view, "Grand total", 1), ==, week_text);
  lp_test_wait_cmpstr (lp_practice_page_view_get_cell (view, "Grand total", 6), ==, beds_text);
  lp_test_wait_nonnull (lp_practice_page_view_get_cell (view, "Frailty", 0));
  g_assert_nonnull (strstr (lp_practice_page_view_get_text (view)->details, share));
  g_assert_nonnull (strstr (lp_practice_page_view_get_text (view)->details, "Lower Lea Valley"));
  lp_test_wait_label (GTK_WIDGET (view), "Scenario: Base");
  /* Extended access at the plan's reference month, under the rule then. */
  g_assert_true (g_str_has_prefix (lp_practice_page_view_get_text (view)->access,
                                   "Extended access, Oct 2018: live from 01/07/2018 (full), offering "));
  g_assert_nonnull (strstr (lp_practice_page_view_get_text (view)->access,
                            "GP Forward View extended access requires "));
  g_assert_false (lp_practice_page_view_get_text (view)->access_short);
  /* Workforce at the baseline, and the GPs planned against the target. */
  g_assert_true (g_str_has_prefix (lp_practice_page_view_get_text (view)->workforce, "Workforce on 31/03/2018: GPs "));
  g_assert_nonnull (strstr (lp_practice_page_view_get_text (view)->workforce, "GPs planned for 2020/21 Q4: "));
  g_assert_nonnull (strstr (lp_practice_page_view_get_text (view)->workforce, "against a target of "));
  g_assert_true (lp_practice_page_view_select_practice (view, "X06K26"));   /* offers too few minutes */
  lp_test_wait_true (page_access_short (view));
  g_assert_true (lp_practice_page_view_select_practice (view, code));
  lp_test_wait_cmpstr (lp_practice_page_view_get_title (view), ==, month->name);
  lp_test_wait_false (page_access_short (view));
  lp_test_save_png (GTK_WIDGET (window), "practice-page.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  lp_test_wait_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1024);
  lp_test_save_png (GTK_WIDGET (window), "practice-page-1024x600.png");
  lp_test_destroy_windows ();
}

/* GTK's own printing, exported to PDF: one page, drawn by the page's code. */
static void
test_practice_page_print (void)
{
  g_autofree char *path = lp_test_copy_sample ("Practice print.lpplan");
  /* Beside the test, for a person to look at. */
  g_autofree char *pdf = g_test_build_filename (G_TEST_BUILT, "practice-page-printed.pdf", NULL);
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpPracticePageView *view = show_page (window);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  /* What prints is what the page shows, once it shows it. */
  lp_test_wait_nonnull (lp_practice_page_view_get_text (view));
  operation = lp_practice_page_print_operation (lp_practice_page_view_get_text (view));
  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  lp_test_assert_one_page_pdf (pdf, "/MediaBox [ 0 0 595");
  name = lp_practice_page_suggested_name (lp_practice_page_view_get_text (view));
  g_assert_true (g_str_has_prefix (name, "Practice page - "));
  g_assert_true (g_str_has_suffix (name, ".pdf"));
  lp_test_destroy_windows ();
}

/* Save as PDF asks where, then writes one page on a worker; the page
 * lands beside the test as a PNG too, for a person to look at. */
static void
test_practice_page_save_pdf (void)
{
  g_autofree char *path = lp_test_copy_sample ("Practice save.lpplan");
  g_autofree char *pdf = lp_test_scratch_path ("page.pdf");
  g_autofree char *folder = g_path_get_dirname (pdf);
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpPracticePageView *view = show_page (window);
  GtkWindow *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "practice-page.save-pdf", NULL));
  chooser = lp_test_wait_save_dialog ();
  g_assert_true (g_str_has_prefix (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)),
                                   "Practice page - "));
  lp_test_save_in_dialog (chooser, folder, "page", pdf);   /* .pdf added */
  lp_test_assert_one_page_pdf (pdf, "/MediaBox [ 0 0 595");
  lp_test_destroy_windows ();
}

static gboolean
is_print_button (GtkWidget     *widget,
                 gconstpointer  unused)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "practice-page.print") == 0;
}

/* A practice in no locality has no share: the page says why, and there
 * is nothing to print. */
static void
test_practice_page_no_locality (void)
{
  g_autofree char *path = lp_test_copy_sample ("Practice alone.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpPracticePageView *view = show_page (window);
  LpPracticeFields fields = { "Y99999", "Aaron Lone Surgery", NULL, 0, NULL, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (lp_plan_add_practice (lp_window_get_plan (window), &fields, &error), !=, 0);
  g_assert_no_error (error);
  /* Chosen once the page's picker offers it. */
  lp_test_wait_true (lp_practice_page_view_select_practice (view, "Y99999"));
  lp_test_wait_null (lp_practice_page_view_get_text (view));
  lp_test_wait_label (GTK_WIDGET (view), "No Page for This Practice");
  lp_test_wait_false (gtk_widget_is_sensitive (lp_test_find_widget (GTK_WIDGET (view), is_print_button, NULL)));
  lp_test_destroy_windows ();
}

/* A practice closed by the plan's reference date (01/10/2018): its page
 * says so, with the date, and gives it no share of the locality's. */
static void
test_practice_page_closed (void)
{
  g_autofree char *path = lp_test_copy_sample ("Practice closed.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpPracticePageView *view = show_page (window);
  LpPlan *plan = lp_window_get_plan (window);
  gint64 id = lp_plan_find_practice (plan, "X06K02");
  g_autoptr(LpPractice) practice = lp_plan_get_practice (plan, id, NULL);
  LpPracticeForm form = { "X06K02", lp_practice_get_name (practice), lp_practice_get_postcode (practice),
                          lp_practice_get_locality_id (practice), "closed", lp_practice_get_notes (practice),
                          NULL, NULL, "15/08/2018" };
  g_autoptr(GError) error = NULL;
  const LpPracticeText *text;

  g_assert_cmpint (lp_plan_save_practice_form (plan, id, &form, NULL, &error), ==, id);
  g_assert_no_error (error);
  g_assert_true (lp_practice_page_view_select_practice (view, "X06K02"));
  lp_test_wait_cmpstr (page_details (view), ==, "X06K02 · North Herts · closed on 15/08/2018, so left out of the "
                                                "locality’s patients and changes from then on");
  text = lp_practice_page_view_get_text (view);
  g_assert_nonnull (text);
  lp_test_save_png (GTK_WIDGET (window), "practice-page-closed.png");
  lp_test_destroy_windows ();
}

int
main (int    argc,
      char **argv)
{
  lp_test_init (&argc, &argv);

  g_test_add_func ("/practice-page/figures", test_practice_page_figures);
  g_test_add_func ("/practice-page/print", test_practice_page_print);
  g_test_add_func ("/practice-page/save-pdf", test_practice_page_save_pdf);
  g_test_add_func ("/practice-page/no-locality", test_practice_page_no_locality);
  g_test_add_func ("/practice-page/closed", test_practice_page_closed);
  return lp_test_run ();
}
