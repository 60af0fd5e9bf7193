/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Locality Modelling view under a real (virtual) display: the sample
 * plan's Lower Lea Valley table as the STP published it, per month and per
 * week, its practices, the table following an edit, the empty state, and
 * PNGs of the view for a person to look at. */
#include "config.h"

#include "lp-modelling-view.h"
#include "lp-test-util.h"

/* The published per-month table for Lower Lea Valley
 * (../shared/reference/enh-ccg-2018-19.md); the totals are sums of
 * unrounded figures, so 5 years' in-patients total is 16.6, not 16.7. */
typedef struct {
  const char *row;
  const char *cells[4];
} ExpectedRow;

static const ExpectedRow lower_lea_month[] = {
  { "Frailty",                   { "5.5", "8.1", "8.7", "10.4" } },
  { "Respiratory",               { "1.4", "4.5", "2.2", "5.5" } },
  { "CVD",                       { "1.4", "1.5", "2.2", "2.0" } },
  { "Diabetes",                  { "0.1", "0.1", "0.2", "0.1" } },
  { "MSK",                       { "0.3", "0.3", "0.4", "0.4" } },
  { "Elective",                  { "1.8", "5.9", "2.9", "8.5" } },
  { "In-patients total",         { "10.5", "20.4", "16.6", "26.9" } },
  { "Well adults (A&E)",         { "57.1", "0.0", "90.4", "0.0" } },
  { "Outpatients",               { "173.9", "0.0", "275.3", "0.0" } },
  { "A&E and outpatients total", { "231.0", "0.0", "365.7", "0.0" } },
  { "Grand total",               { "241.5", "20.4", "382.3", "26.9" } },
};

static LpModellingView *
show_modelling (LpWindow *window)
{
  GtkWidget *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "modelling"));
  lp_test_wait_ms (100);
  g_assert_cmpstr (lp_window_get_visible_view (window), ==, "modelling");
  view = lp_window_get_view (window, "modelling");
  g_assert_true (LP_IS_MODELLING_VIEW (view));
  g_assert_true (gtk_widget_get_mapped (view));
  return LP_MODELLING_VIEW (view);
}

static gboolean
is_scrolled_window (GtkWidget     *widget,
                    gconstpointer  unused)
{
  return GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget);
}

/* To the end of the view, where the practices are, for a PNG, or back to
 * its top. */
static void
scroll_view (LpModellingView *view,
             gboolean         to_end)
{
  GtkWidget *scrolled = lp_test_find_widget (GTK_WIDGET (view), is_scrolled_window, NULL);
  GtkAdjustment *adjustment;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, to_end ? gtk_adjustment_get_upper (adjustment) : 0);
  lp_test_wait_ms (100);
}

static void
assert_rows (LpModellingView   *view,
             const ExpectedRow *rows,
             gsize              n_rows)
{
  for (gsize i = 0; i < n_rows; i++)
    for (guint c = 0; c < 4; c++)
      if (g_strcmp0 (lp_modelling_view_get_cell (view, rows[i].row, c), rows[i].cells[c]) != 0)
        g_error ("%s, column %u: shows “%s”, expected “%s”", rows[i].row, c,
                 lp_modelling_view_get_cell (view, rows[i].row, c), rows[i].cells[c]);
}

static void
test_modelling_lower_lea_valley (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpModellingView *view = show_modelling (window);

  /* All localities first: every practice of the sample. */
  g_assert_false (lp_modelling_view_is_empty (view));
  g_assert_null (lp_modelling_view_get_error (view));
  g_assert_cmpuint (lp_modelling_view_get_n_practices (view), ==, 57);
  g_assert_true (lp_test_shows_label (GTK_WIDGET (view), "Locality Modelling"));
  scroll_view (view, TRUE);
  lp_test_save_png (GTK_WIDGET (window), "modelling-all-practices.png");
  scroll_view (view, FALSE);

  g_assert_true (lp_modelling_view_select_locality (view, "Lower Lea Valley"));
  g_assert_false (lp_modelling_view_select_locality (view, "Nowhere"));
  lp_test_wait_ms (100);
  assert_rows (view, lower_lea_month, G_N_ELEMENTS (lower_lea_month));
  g_assert_cmpuint (lp_modelling_view_get_n_practices (view), ==, 8);
  g_assert_true (lp_test_shows_label (GTK_WIDGET (view),
      "Lower Lea Valley: reductions per month, for 75,825 registered patients"));
  g_assert_true (lp_test_shows_label (GTK_WIDGET (view), "What this means for each practice, per month"));
  lp_test_save_png (GTK_WIDGET (window), "modelling-month.png");

  /* Per week: the month's figures x 12 / 52. */
  lp_modelling_view_set_per (view, LP_PER_WEEK);
  lp_test_wait_ms (100);
  g_assert_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "1.3");
  g_assert_cmpstr (lp_modelling_view_get_cell (view, "Grand total", 0), ==, "55.7");
  g_assert_cmpuint (lp_modelling_view_get_n_practices (view), ==, 8);
  g_assert_true (lp_test_shows_label (GTK_WIDGET (view), "What this means for each practice, per week"));
  lp_test_save_png (GTK_WIDGET (window), "modelling-week.png");
  scroll_view (view, TRUE);
  lp_test_save_png (GTK_WIDGET (window), "modelling-week-practices.png");

  lp_modelling_view_set_per (view, LP_PER_MONTH);
  lp_test_wait_ms (50);
  assert_rows (view, lower_lea_month, G_N_ELEMENTS (lower_lea_month));
  lp_test_destroy_windows ();
}

/* An edit anywhere in the plan is modelled again at once: 100 more
 * patients in the locality, and the STP's share of the change for all. */
static void
test_modelling_follows_plan (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpModellingView *view = show_modelling (window);
  LpPlan *plan = lp_window_get_plan (window);
  gint64 locality = lp_plan_find_locality (plan, "Lower Lea Valley");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) practices = lp_plan_list_practices (plan, locality, &error);
  g_autoptr(LpPractice) practice = g_list_model_get_item (practices, 0);

  g_assert_no_error (error);
  g_assert_true (lp_modelling_view_select_locality (view, "Lower Lea Valley"));
  g_assert_true (lp_plan_set_list_size (plan, lp_practice_get_id (practice),
                                        lp_practice_get_list_size_date (practice),
                                        lp_practice_get_list_size (practice) + 100, "test", &error));
  g_assert_no_error (error);
  lp_test_wait_ms (50);
  g_assert_true (lp_test_shows_label (GTK_WIDGET (view),
      "Lower Lea Valley: reductions per month, for 75,925 registered patients"));
  /* Entered figures stay as entered; the choice of locality survives. */
  assert_rows (view, lower_lea_month, G_N_ELEMENTS (lower_lea_month));
  g_assert_true (lp_modelling_view_select_locality (view, "All localities"));
  lp_test_wait_ms (50);
  g_assert_true (lp_test_shows_label (GTK_WIDGET (view),
      "All localities: reductions per month, for 597,007 registered patients"));
  g_assert_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), !=, NULL);
  lp_test_destroy_windows ();
}

/* A small screen: the view scrolls, and the PNG shows what fits. */
static void
test_modelling_small_screen (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  LpModellingView *view = show_modelling (window);

  g_assert_true (lp_modelling_view_select_locality (view, "Lower Lea Valley"));
  lp_test_wait_ms (200);
  g_assert_cmpstr (lp_modelling_view_get_cell (view, "Grand total", 0), ==, "241.5");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1024);
  lp_test_save_png (GTK_WIDGET (window), "modelling-1024x600.png");
  lp_test_destroy_windows ();
}

/* A new plan holds no pathway change: the view says so, not a bare table. */
static void
test_modelling_empty (void)
{
  g_autofree char *path = lp_test_scratch_path ("Empty.lpplan");
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_create (path, &error);
  LpWindow *window;
  LpModellingView *view;

  g_assert_no_error (error);
  g_clear_object (&plan);
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  view = show_modelling (window);
  g_assert_true (lp_modelling_view_is_empty (view));
  g_assert_null (lp_modelling_view_get_error (view));
  g_assert_cmpuint (lp_modelling_view_get_n_practices (view), ==, 0);
  g_assert_true (lp_test_shows_label (GTK_WIDGET (view), "No Pathway Changes Yet"));
  lp_test_save_png (GTK_WIDGET (window), "modelling-empty.png");
  lp_test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  lp_test_init (&argc, &argv);

  g_test_add_func ("/modelling/lower-lea-valley", test_modelling_lower_lea_valley);
  g_test_add_func ("/modelling/follows-plan", test_modelling_follows_plan);
  g_test_add_func ("/modelling/small-screen", test_modelling_small_screen);
  g_test_add_func ("/modelling/empty", test_modelling_empty);
  return lp_test_run ();
}
