/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Extended Access view under a real (virtual) display: the sample's
 * trajectory and illustrative go-live dates, one locality, a go-live date
 * typed in place (and a bad one refused), typed in its cell (a date being
 * typed in another cell meanwhile left be), the chart saved as PNG, and PNGs of the view
 * for a person to look at. */
#include "config.h"

#include <string.h>

#include "lp-handout.h"
#include "lp-access-view.h"
#include "lp-editable-cell.h"
#include "lp-text-row.h"
#include "lp-test-pdf.h"
#include "lp-test-util.h"

static LpAccessView *
show_access (LpWindow *window)
{
  GtkWidget *view = lp_test_show_view (window, "access");

  g_assert_true (LP_IS_ACCESS_VIEW (view));
  return LP_ACCESS_VIEW (view);
}

/* Whether the view shows figures whose summary starts with @prefix. */
static gboolean
summary_starts (LpAccessView *view,
                const char   *prefix)
{
  const LpAccessText *text = lp_access_view_get_text (view);

  return text != NULL && g_str_has_prefix (text->summary, prefix);
}

static void
test_access_sample (void)
{
  g_autofree char *path = lp_test_copy_sample ("Access.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpAccessView *view = show_access (window);
  const LpAccessText *text;

  lp_test_wait_true (summary_starts (view, "All localities: "));
  text = lp_access_view_get_text (view);
  g_assert_nonnull (text);
  g_assert_cmpuint (text->months->len, ==, 24);
  g_assert_cmpstr (text->summary, ==,
                   "All localities: 596,907 registered patients; all covered by the plan from October 2018");
  g_assert_cmpstr (lp_test_access_month (text, "Jul 2018")->target, ==, "68.0%");
  g_assert_cmpstr (lp_test_access_month (text, "Jul 2018")->target_label, ==, "2018/19 Q2 (July)");
  g_assert_cmpstr (lp_test_access_month (text, "Oct 2018")->planned, ==, "100.0%");
  /* 2018/19 Q3's 100% from October: 97.1% covered is 2.9 points behind. */
  g_assert_cmpstr (lp_test_access_month (text, "Oct 2018")->target, ==, "100.0%");
  g_assert_cmpstr (lp_test_access_month (text, "Oct 2018")->target_from, ==, "Oct 2018");
  g_assert_cmpstr (lp_test_access_month (text, "Oct 2018")->actual, ==, "97.1%");
  g_assert_cmpstr (lp_test_access_month (text, "Oct 2018")->gap, ==, "2.9");
  g_assert_cmpstr (lp_test_access_month (text, "Sep 2018")->target_from, ==, "Aug 2018");
  g_assert_true (lp_test_access_month (text, "Jul 2018")->behind);
  g_assert_cmpuint (text->n_behind, ==, 7);
  lp_test_wait_label (GTK_WIDGET (view), "Target from");
  g_assert_cmpstr (lp_test_access_month (text, "Nov 2018")->actual, ==, "–");
  g_assert_cmpuint (text->capacity->len, ==, 6);
  g_assert_cmpuint (text->practices->len, ==, 57);
  g_assert_cmpstr (text->as_at, ==, "Capacity and practices as at October 2018");
  lp_test_wait_label (GTK_WIDGET (view), "Extended access coverage: All localities");
  lp_test_save_png (GTK_WIDGET (window), "access.png");
  lp_test_scroll_to (GTK_WIDGET (view), 0.3);
  lp_test_save_png (GTK_WIDGET (window), "access-months.png");
  lp_test_scroll_to (GTK_WIDGET (view), 0.62);
  lp_test_save_png (GTK_WIDGET (window), "access-capacity.png");

  g_assert_true (lp_access_view_select_locality (view, "Lower Lea Valley"));
  lp_test_wait_true (summary_starts (view, "Lower Lea Valley: "));
  text = lp_access_view_get_text (view);
  g_assert_cmpuint (text->practices->len, ==, 8);
  g_assert_true (g_str_has_prefix (text->summary, "Lower Lea Valley: 75,825 registered patients"));
  lp_test_scroll_to (GTK_WIDGET (view), 0);
  lp_test_save_png (GTK_WIDGET (window), "access-lower-lea-valley.png");
  lp_test_destroy_windows ();
}

/* A go-live date typed in place: moved to November, October is no longer
 * 100%; a date that does not exist is refused with its reason; undo. */
static void
test_access_go_live (void)
{
  g_autofree char *path = lp_test_copy_sample ("Access edit.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpAccessView *view = show_access (window);

  lp_test_wait_true (summary_starts (view, "All localities: "));
  g_assert_false (lp_access_view_enter_go_live (view, "X06K01", "31/02/2018"));
  g_assert_nonnull (strstr (lp_access_view_get_error (view), "Go-live date"));
  g_assert_true (lp_access_view_enter_go_live (view, "X06K01", "01/11/2018"));
  lp_test_wait_cmpstr (lp_test_access_month (lp_access_view_get_text (view), "Oct 2018")->planned, ==, "97.9%");
  lp_test_wait_null (lp_access_view_get_error (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (lp_test_access_month (lp_access_view_get_text (view), "Oct 2018")->planned, ==, "100.0%");
  lp_test_destroy_windows ();
}

/* The go-live cell in a practice's row of the table. */
static gboolean
is_go_live_cell (GtkWidget     *widget,
                 gconstpointer  code)
{
  GtkListItem *item = LP_IS_EDITABLE_CELL (widget) ? g_object_get_data (G_OBJECT (widget), "lp-list-item") : NULL;
  LpTextRow *row = item != NULL ? gtk_list_item_get_item (item) : NULL;

  return row != NULL && g_strcmp0 (((LpAccessTextPractice *) lp_text_row_get (row))->code, code) == 0;
}

/* The table's rows come in frame by frame: waits for the practice's. */
static LpEditableCell *
go_live_cell (LpAccessView *view,
              const char   *code)
{
  GtkWidget *cell = NULL;

  lp_test_wait_nonnull (cell = lp_test_find_widget (GTK_WIDGET (view), is_go_live_cell, code));
  return LP_EDITABLE_CELL (cell);
}

/* Enter in a practice's go-live cell plans it from the date typed, and a
 * bad date is refused in the cell; a date being typed in a cell while
 * the plan changes elsewhere stays as typed. */
static void
test_access_go_live_field (void)
{
  g_autofree char *path = lp_test_copy_sample ("Access field.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpAccessView *view = show_access (window);
  LpEditableCell *cell = go_live_cell (view, "X06K01");
  LpEditableCell *typing;

  lp_editable_cell_enter (cell, "31/02/2018");
  lp_test_wait_nonnull (lp_editable_cell_get_error (cell));
  g_assert_nonnull (strstr (lp_editable_cell_get_error (cell), "Go-live date"));
  lp_editable_cell_enter (cell, "01/11/2018");
  lp_test_wait_cmpstr (lp_test_access_month (lp_access_view_get_text (view), "Oct 2018")->planned, ==, "97.9%");
  g_assert_null (lp_access_view_get_error (view));
  lp_test_wait_cmpstr (lp_editable_cell_get_text (go_live_cell (view, "X06K01")), ==, "01/11/2018");

  typing = go_live_cell (view, "X06K02");
  lp_editable_cell_type (typing, "15/0");
  g_assert_true (lp_access_view_enter_go_live (view, "X06K03", "01/12/2018"));
  lp_test_wait_cmpstr (lp_editable_cell_get_text (go_live_cell (view, "X06K03")), ==, "01/12/2018");
  g_assert_true (go_live_cell (view, "X06K02") == typing);
  g_assert_cmpstr (lp_editable_cell_get_text (typing), ==, "15/0");
  /* The practices' table with one cell being typed in, the others as
   * labels drawn as fields, for a person to look at. */
  lp_test_scroll_to (GTK_WIDGET (view), 1);
  lp_test_save_png (GTK_WIDGET (window), "access-go-live-cells.png");
  lp_test_destroy_windows ();
}

/* Save Chart writes the chart on screen; the PNG lands beside the test. */
static void
test_access_save_chart (void)
{
  g_autofree char *path = lp_test_copy_sample ("Access chart.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpAccessView *view = show_access (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "access.save-chart", NULL));
  lp_test_save_beside_test (lp_test_wait_save_dialog (), "access-chart-file.png");
  lp_test_destroy_windows ();
}

/* The workshop handout through GTK's printing, exported to PDF: one
 * landscape page, beside the test for a person to look at. */
static void
test_access_handout (void)
{
  g_autofree char *path = lp_test_copy_sample ("Access handout.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpAccessView *view = show_access (window);
  g_autoptr(GtkPrintOperation) operation = NULL;

  /* The handout prints what the view shows, once it shows it. */
  lp_test_wait_true (summary_starts (view, "All localities: "));
  operation = lp_handout_operation (lp_access_view_handout (view));
  /* Landscape A4. */
  lp_test_print_pdf (operation, GTK_WINDOW (window), "access-handout.pdf", "/MediaBox [ 0 0 841");
  lp_test_destroy_windows ();
}

int
main (int    argc,
      char **argv)
{
  lp_test_init (&argc, &argv);

  g_test_add_func ("/access/sample", test_access_sample);
  g_test_add_func ("/access/go-live", test_access_go_live);
  g_test_add_func ("/access/go-live-field", test_access_go_live_field);
  g_test_add_func ("/access/save-chart", test_access_save_chart);
  g_test_add_func ("/access/handout", test_access_handout);
  return lp_test_run ();
}
