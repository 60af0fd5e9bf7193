/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Practice Page under a real (virtual) display: a Lower Lea Valley
 * practice's share of the published table per month and per week, the
 * page printed through GTK to PDF and saved as PDF, a practice in no
 * locality, and PNGs for a person to look at. */
#include "config.h"

#include <string.h>

#include "lp-practice-page-output.h"
#include "lp-practice-page-view.h"
#include "lp-test-england.h"
#include "lp-test-pdf.h"
#include "lp-test-util.h"

/* The page is read on the plan's worker: whether it shows a practice's
 * page (by the start of its details, or any with NULL). */
static gboolean
shows_page (LpPracticePageView *view,
            const char         *prefix)
{
  const LpPracticeText *text = lp_practice_page_view_get_text (view);

  return !lp_view_get_busy (LP_VIEW (view)) && text != NULL &&
         (prefix == NULL || g_str_has_prefix (text->details, prefix));
}

/* Waits for the page of the practice @code, or any with NULL. */
static void
wait_page (LpPracticePageView *view,
           const char         *code)
{
  g_autofree char *prefix = code != NULL ? g_strconcat (code, " · ", NULL) : NULL;

  lp_test_wait_true (shows_page (view, prefix));
}

/* Waits for the view, its page read, to show @label. */
static void
wait_label (LpPracticePageView *view,
            const char         *label)
{
  lp_test_wait_true (!lp_view_get_busy (LP_VIEW (view)) && lp_test_shows_label (GTK_WIDGET (view), label));
}

static LpPracticePageView *
show_page (LpWindow *window)
{
  GtkWidget *view = lp_test_show_view (window, "practice-page");

  g_assert_true (LP_IS_PRACTICE_PAGE_VIEW (view));
  wait_page (LP_PRACTICE_PAGE_VIEW (view), NULL);
  return LP_PRACTICE_PAGE_VIEW (view);
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

  g_assert_nonnull (lp_practice_page_view_get_title (view));   /* the first practice by name */
  g_assert_true (lp_practice_page_view_select_practice (view, code));
  wait_page (view, code);
  g_assert_cmpstr (lp_practice_page_view_get_title (view), ==, month->name);
  /* Per horizon: activity a month, a week; bed days a month, a week. */
  g_assert_cmpstr (lp_practice_page_view_get_cell (view, "Grand total", 0), ==, month_text);
  g_assert_cmpstr (lp_practice_page_view_get_cell (view, "Grand total", 1), ==, week_text);
  g_assert_cmpstr (lp_practice_page_view_get_cell (view, "Grand total", 6), ==, beds_text);
  g_assert_nonnull (lp_practice_page_view_get_cell (view, "Frailty", 0));
  g_assert_nonnull (strstr (lp_practice_page_view_get_text (view)->details, share));
  g_assert_nonnull (strstr (lp_practice_page_view_get_text (view)->details, "Lower Lea Valley"));
  g_assert_true (lp_test_shows_label (GTK_WIDGET (view), "Scenario: Base"));
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
  wait_page (view, "X06K26");
  g_assert_true (lp_practice_page_view_get_text (view)->access_short);
  g_assert_true (lp_practice_page_view_select_practice (view, code));
  wait_page (view, code);
  lp_test_save_pngs (window, "practice-page");
  lp_test_destroy_windows ();
}

static gboolean
is_busy (gpointer view)
{
  return lp_view_get_busy (view);
}

static gboolean
is_practice_picker (GtkWidget     *widget,
                    gconstpointer  unused)
{
  return GTK_IS_DROP_DOWN (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Practice") == 0;
}

/* Choosing in the picker reads that practice's page; the picker lists
 * every practice by name, with search, and keeps the choice when the
 * plan changes. */
static void
test_practice_page_picker (void)
{
  g_autofree char *path = lp_test_copy_sample ("Practice picker.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpPracticePageView *view = show_page (window);
  LpPlan *plan = lp_window_get_plan (window);
  GtkDropDown *picker = GTK_DROP_DOWN (lp_test_find_widget (GTK_WIDGET (view), is_practice_picker, NULL));
  GListModel *practices = gtk_drop_down_get_model (picker);
  g_autoptr(GListModel) all = lp_plan_list_practices (plan, 0, NULL);
  g_autoptr(LpPracticeName) first = NULL;
  g_autoptr(GError) error = NULL;
  guint chosen = G_MAXUINT;

  g_assert_true (gtk_drop_down_get_enable_search (picker));
  g_assert_cmpuint (g_list_model_get_n_items (practices), ==, g_list_model_get_n_items (all));
  first = g_list_model_get_item (practices, 0);
  g_assert_cmpstr (lp_practice_page_view_get_title (view), ==, lp_practice_name_get_name (first));
  for (guint i = 0; i < g_list_model_get_n_items (practices); i++)
    {
      g_autoptr(LpPracticeName) practice = g_list_model_get_item (practices, i);

      if (g_str_equal (lp_practice_name_get_ods_code (practice), "X06K26"))
        chosen = i;
    }
  g_assert_cmpuint (chosen, !=, G_MAXUINT);
  gtk_drop_down_set_selected (picker, chosen);
  wait_page (view, "X06K26");
  g_assert_true (lp_practice_page_view_get_text (view)->access_short);

  /* Another practice's list size changes: the picker keeps its list and
   * its choice. */
  g_assert_true (lp_plan_set_list_size (plan, lp_plan_find_practice (plan, "X06K45"), "2018-01-01", 15000,
                                        NULL, &error));
  g_assert_no_error (error);
  lp_test_wait_until (is_busy, view, "is_busy");
  wait_page (view, "X06K26");
  g_assert_true (gtk_drop_down_get_model (picker) == practices);
  g_assert_cmpuint (gtk_drop_down_get_selected (picker), ==, chosen);
  lp_test_destroy_windows ();
}

/* The picker's list has been searched: the filter has gone through every
 * practice. */
static gboolean
is_filtered (gpointer list)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));

  return g_list_model_get_n_items (model) < 6500 && !lp_test_models_pending (model);
}

static gboolean
has_first_page (gpointer view)
{
  return shows_page (view, NULL);
}

/* England's size, with LP_TEST_ENGLAND_PLAN naming a plan that
 * tests/bench/make-england-plan.py made (skipped without): the first
 * page, a practice chosen, and the picker's 6,500 practices searched; how
 * long each took, and how long the main loop was held up meanwhile, go
 * to the test's log; PNGs at both sizes. */
static void
test_practice_page_england (void)
{
  LpWindow *window = lp_test_open_england ();
  g_autoptr(LpPracticeName) practice = NULL;
  g_autofree char *searched = NULL;
  LpPracticePageView *view;
  GtkDropDown *picker;
  GtkWidget *popover, *list, *search;
  LpTestStall stall;
  gint64 start;
  guint found;

  if (window == NULL)
    return;
  lp_test_stall_start (&stall);
  view = LP_PRACTICE_PAGE_VIEW (lp_test_show_england_view (window, "practice-page", &stall, has_first_page,
                                                           "the first page"));

  picker = GTK_DROP_DOWN (lp_test_find_widget (GTK_WIDGET (view), is_practice_picker, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (picker)), ==, 6500);
  practice = g_list_model_get_item (gtk_drop_down_get_model (picker), 3250);
  start = lp_test_stall_begin (&stall);
  gtk_drop_down_set_selected (picker, 3250);
  wait_page (view, lp_practice_name_get_ods_code (practice));
  lp_test_stall_end (&stall, start, GTK_WIDGET (window), "a practice chosen, its page");

  /* The picker's popover, and a search of its list.  A button activated
   * shows itself pressed for a moment before it acts: the popover comes
   * then. */
  popover = lp_test_find_type (GTK_WIDGET (picker), GTK_TYPE_POPOVER);
  search = lp_test_find_type (popover, GTK_TYPE_SEARCH_ENTRY);
  list = lp_test_find_type (popover, GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (search);
  g_assert_nonnull (list);
  start = lp_test_stall_begin (&stall);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (picker)));
  lp_test_wait_true (gtk_widget_get_mapped (list));
  lp_test_stall_end (&stall, start, GTK_WIDGET (window), "the picker opened");

  start = lp_test_stall_begin (&stall);
  gtk_editable_set_text (GTK_EDITABLE (search), "Practice 03");
  lp_test_wait_until (is_filtered, list, "the picker's search");
  found = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))));
  searched = g_strdup_printf ("the picker searched (%u of 6,500 left)", found);
  lp_test_stall_end (&stall, start, list, searched);
  /* The plan's made-up practices 03000 to 03999: a name is matched from
   * its start. */
  g_assert_cmpuint (found, ==, 1000);
  lp_test_save_png (popover, "practice-page-england-picker.png");
  gtk_popover_popdown (GTK_POPOVER (popover));
  lp_test_wait_idle ();
  lp_test_wait_frame ();
  lp_test_stall_stop (&stall);

  lp_test_save_pngs (window, "practice-page-england");
  lp_test_destroy_windows ();
}

/* GTK's own printing, exported to PDF: one page, drawn by the page's code. */
static void
test_practice_page_print (void)
{
  g_autofree char *path = lp_test_copy_sample ("Practice print.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpPracticePageView *view = show_page (window);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *name = NULL;

  operation = lp_practice_page_print_operation (lp_practice_page_view_get_text (view));
  lp_test_print_pdf (operation, GTK_WINDOW (window), "practice-page-printed.pdf", "/MediaBox [ 0 0 595");
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
  lp_test_wait_idle ();
  lp_test_wait_frame ();
  g_assert_true (lp_practice_page_view_select_practice (view, "Y99999"));
  wait_label (view, "No Page for This Practice");
  g_assert_null (lp_practice_page_view_get_text (view));
  g_assert_true (lp_test_shows_label (GTK_WIDGET (view), "No Page for This Practice"));
  lp_test_save_png (GTK_WIDGET (window), "practice-page-no-locality.png");
  g_assert_false (gtk_widget_is_sensitive (lp_test_find_widget (GTK_WIDGET (view), is_print_button, NULL)));
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
  lp_test_wait_idle ();
  lp_test_wait_frame ();
  g_assert_true (lp_practice_page_view_select_practice (view, "X06K02"));
  wait_page (view, "X06K02");
  text = lp_practice_page_view_get_text (view);
  g_assert_nonnull (text);
  g_assert_cmpstr (text->details, ==, "X06K02 · North Herts · closed on 15/08/2018, so left out of the "
                                      "locality’s patients and changes from then on");
  lp_test_save_png (GTK_WIDGET (window), "practice-page-closed.png");
  lp_test_destroy_windows ();
}

int
main (int    argc,
      char **argv)
{
  lp_test_init (&argc, &argv);

  g_test_add_func ("/practice-page/figures", test_practice_page_figures);
  g_test_add_func ("/practice-page/picker", test_practice_page_picker);
  g_test_add_func ("/practice-page/print", test_practice_page_print);
  g_test_add_func ("/practice-page/save-pdf", test_practice_page_save_pdf);
  g_test_add_func ("/practice-page/no-locality", test_practice_page_no_locality);
  g_test_add_func ("/practice-page/closed", test_practice_page_closed);
  g_test_add_func ("/practice-page/england", test_practice_page_england);
  return lp_test_run ();
}
