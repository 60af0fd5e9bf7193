/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Workforce view under a real (virtual) display: the sample's GP FTE
 * against the +40 target, one locality, joiners typed in place (refused
 * without a role), joiners and leavers typed in their cells, and PNGs of
 * the view for a person to look at. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lp-editable-cell.h"
#include "lp-handout.h"
#include "lp-test-pdf.h"
#include "lp-test-util.h"
#include "lp-workforce-view.h"

static LpWorkforceView *
show_workforce (LpWindow *window)
{
  GtkWidget *view = lp_test_show_view (window, "workforce");

  g_assert_true (LP_IS_WORKFORCE_VIEW (view));
  return LP_WORKFORCE_VIEW (view);
}

/* Whether the view shows the figures of @selection ("All localities, GPs"). */
static gboolean
shows_selection (LpWorkforceView *view,
                 const char      *selection)
{
  const LpWorkforceText *text = lp_workforce_view_get_text (view);
  g_autofree char *prefix = g_strconcat (selection, ": ", NULL);

  return text != NULL && g_str_has_prefix (text->summary, prefix);
}

static const LpWorkforceTextQuarter *
quarter (const LpWorkforceText *text,
         guint                  i)
{
  g_assert_cmpuint (i, <, text->quarters->len);
  return g_ptr_array_index (text->quarters, i);
}

static void
test_workforce_sample (void)
{
  g_autofree char *path = lp_test_copy_sample ("Workforce.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpWorkforceView *view = show_workforce (window);
  const LpWorkforceText *text;

  g_assert_true (lp_workforce_view_select (view, "GP", NULL));
  lp_test_wait_true (shows_selection (view, "All localities, GPs"));
  text = lp_workforce_view_get_text (view);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text->summary, "All localities, GPs: "));
  g_assert_cmpuint (text->quarters->len, ==, 13);
  g_assert_cmpstr (quarter (text, 0)->quarter, ==, "2017/18 Q4");
  g_assert_cmpstr (quarter (text, 12)->quarter, ==, "2020/21 Q4");
  g_assert_true (quarter (text, 12)->short_of_target);
  g_assert_cmpuint (text->practices->len, ==, 57);
  g_assert_true (g_str_has_suffix (text->patients_per_gp, "England: 2,087 on 31/12/2019"));
  lp_test_wait_label (GTK_WIDGET (view), "FTE by quarter: All localities, GPs");
  /* The illustrative rates replace most turnover: 254.1 GP FTE by 2020/21
   * Q4; the view says what it assumed and that the target is growth. */
  g_assert_cmpstr (quarter (text, 12)->plan, ==, "254.1");
  lp_test_wait_label (GTK_WIDGET (view),
                                      "Yearly turnover and joiner rates (illustrative): GP partner 5.0% leave, "
                                      "4.0% join · Salaried GP 12.0% leave, 11.0% join");
  lp_test_wait_label (GTK_WIDGET (view),
                                      "Targets are growth on the 31/03/2018 baseline, as the plan states them: "
                                      "+40.0 FTE by 31/03/2021, so 290.4 FTE.");
  lp_test_save_png (GTK_WIDGET (window), "workforce.png");

  g_assert_true (lp_workforce_view_select_locality (view, "Lower Lea Valley"));
  lp_test_wait_true (shows_selection (view, "Lower Lea Valley, GPs"));
  g_assert_cmpuint (lp_workforce_view_get_text (view)->practices->len, ==, 8);
  lp_test_save_png (GTK_WIDGET (window), "workforce-lower-lea-valley.png");
  lp_test_destroy_windows ();
}

/* An imported weighted population of 1,000 for each of the sample's 57
 * practices: the view gives patients per GP FTE on it too, 57,000 over
 * the plan's GP FTE. */
static void
test_workforce_weighted (void)
{
  g_autofree char *path = lp_test_copy_sample ("Weighted.lpplan");
  g_autofree char *expected = NULL;
  LpWindow *window;
  LpWorkforceView *view;
  const LpWorkforceText *text;

  test_sql_on_file (path,
      "INSERT INTO population_weights (name, kind, source) VALUES ('PCN adjusted', 'imported', 'adjusted.csv');"
      "INSERT INTO weighted_population (weights_name, practice_id, as_at, population) "
      "  SELECT 'PCN adjusted', id, '2018-01-01', 1000 FROM practice WHERE status = 'active'");
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM weighted_population"), ==, 57);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LpPlan) plan = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, &error);
    LpWorkforceQuery query = { 0, 0, 0, "GP", NULL };
    LpWorkforceRatios ratios;
    g_autofree char *each = NULL;

    g_assert_no_error (error);
    g_assert_true (lp_plan_workforce_ratios (plan, &query, &ratios, &error));
    each = lp_format_count ((gint64) llround (57000 / ratios.gp_fte));
    expected = g_strdup_printf (". On the PCN adjusted population 57,000 (Imported from adjusted.csv, as at "
                                "01/01/2018): %s per GP FTE", each);
  }
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  view = show_workforce (window);
  g_assert_true (lp_workforce_view_select (view, "GP", NULL));
  lp_test_wait_true (shows_selection (view, "All localities, GPs"));
  text = lp_workforce_view_get_text (view);
  g_assert_true (g_str_has_suffix (text->patients_per_gp, expected));
  lp_test_wait_label (GTK_WIDGET (view), text->patients_per_gp);
  lp_test_destroy_windows ();
}

/* Joiners need a role; with one, 2 salaried GPs joining next quarter add
 * 2.0 to the plan, and Undo takes them away. */
static void
test_workforce_joiners (void)
{
  g_autofree char *path = lp_test_copy_sample ("Workforce edit.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpWorkforceView *view = show_workforce (window);
  g_autofree char *before = NULL;
  double plan_before, plan_after;

  g_assert_true (lp_workforce_view_select (view, "GP", NULL));
  lp_test_wait_true (shows_selection (view, "All localities, GPs"));
  g_assert_false (lp_workforce_view_enter_movements (view, "X06K02", "2", ""));
  g_assert_cmpstr (lp_workforce_view_get_error (view), ==,
                   "Choose a role first: joiners and leavers are planned role by role.");
  g_assert_true (lp_workforce_view_select (view, "GP", "GP_SALARIED"));
  lp_test_wait_true (shows_selection (view, "All localities, Salaried GP"));
  before = g_strdup (quarter (lp_workforce_view_get_text (view), 1)->plan);
  g_assert_false (lp_workforce_view_enter_movements (view, "X06K02", "two", ""));
  g_assert_nonnull (strstr (lp_workforce_view_get_error (view), "Joiners must be a number"));
  g_assert_true (lp_workforce_view_enter_movements (view, "X06K02", "2", ""));
  lp_test_wait_cmpstr (quarter (lp_workforce_view_get_text (view), 1)->plan, !=, before);
  lp_test_wait_null (lp_workforce_view_get_error (view));
  plan_before = g_ascii_strtod (before, NULL);
  plan_after = g_ascii_strtod (quarter (lp_workforce_view_get_text (view), 1)->plan, NULL);
  g_assert_cmpfloat_with_epsilon (plan_after - plan_before, 2.0, 0.051);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (quarter (lp_workforce_view_get_text (view), 1)->plan, ==, before);
  lp_test_destroy_windows ();
}

/* What X06K02's joiners or leavers cell shows, once the table shows the
 * row. */
static const char *
x06k02_shows (LpWorkforceView *view,
              const char      *column)
{
  return lp_editable_cell_get_text (lp_test_wait_movement_cell (GTK_WIDGET (view), "X06K02", column));
}

/* Joiners typed in their cell and leavers in theirs: each is planned as
 * it is entered, and the row shows both; a figure that is no number is
 * refused in its cell. */
static void
test_workforce_fields (void)
{
  g_autofree char *path = lp_test_copy_sample ("Workforce fields.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpWorkforceView *view = show_workforce (window);
  g_autofree char *before = NULL;
  LpEditableCell *leavers;

  g_assert_true (lp_workforce_view_select (view, "GP", "GP_SALARIED"));
  lp_test_wait_true (shows_selection (view, "All localities, Salaried GP"));
  before = g_strdup (quarter (lp_workforce_view_get_text (view), 1)->plan);
  lp_editable_cell_enter (lp_test_wait_movement_cell (GTK_WIDGET (view), "X06K02", "joiners"), "2");
  lp_test_wait_cmpstr (x06k02_shows (view, "joiners"), ==, "2");
  leavers = lp_test_wait_movement_cell (GTK_WIDGET (view), "X06K02", "leavers");
  lp_editable_cell_enter (leavers, "half");
  lp_test_wait_nonnull (lp_editable_cell_get_error (leavers));
  lp_editable_cell_enter (leavers, "0.5");
  lp_test_wait_cmpstr (x06k02_shows (view, "leavers"), ==, "0.5");
  g_assert_null (lp_workforce_view_get_error (view));
  lp_test_wait_cmpstr (quarter (lp_workforce_view_get_text (view), 1)->plan, !=, before);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (quarter (lp_workforce_view_get_text (view), 1)->plan, NULL) -
                                  g_ascii_strtod (before, NULL), 1.5, 0.051);
  g_assert_cmpstr (x06k02_shows (view, "joiners"), ==, "2");
  lp_test_destroy_windows ();
}

/* The one-page summary for a locality through GTK's printing, exported
 * to PDF: one landscape page, beside the test for a person to look at. */
static void
test_workforce_summary (void)
{
  g_autofree char *path = lp_test_copy_sample ("Workforce summary.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpWorkforceView *view = show_workforce (window);
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_assert_true (lp_workforce_view_select_locality (view, "Stevenage"));
  g_assert_true (lp_workforce_view_select (view, "NURSE", NULL));
  lp_test_wait_true (shows_selection (view, "Stevenage, Nurses"));
  operation = lp_handout_operation (lp_workforce_view_handout (view));
  lp_test_print_pdf (operation, GTK_WINDOW (window), "workforce-summary.pdf", "/MediaBox [ 0 0 841");
  lp_test_destroy_windows ();
}

int
main (int    argc,
      char **argv)
{
  lp_test_init (&argc, &argv);

  g_test_add_func ("/workforce/sample", test_workforce_sample);
  g_test_add_func ("/workforce/weighted", test_workforce_weighted);
  g_test_add_func ("/workforce/joiners", test_workforce_joiners);
  g_test_add_func ("/workforce/fields", test_workforce_fields);
  g_test_add_func ("/workforce/summary", test_workforce_summary);
  return lp_test_run ();
}
