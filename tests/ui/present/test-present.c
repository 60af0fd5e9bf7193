/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Presentation mode on the sample plan at a projector's 1024 x 768: the
 * slides there are and what they say, the keys that move through them and
 * leave, a picture of each, the scenario on screen, and the PDF deck. */
#include "config.h"

#include <string.h>

#include "lp-modelling-view.h"
#include "lp-test-pdf.h"
#include "lp-test-present.h"
#include "lp-test-util.h"

static const char * const sample_titles[] = {
  "Overview",
  "Lower Lea Valley", "North Herts", "Stevenage", "Stort Valley and Villages", "Upper Lea Valley",
  "Welwyn Hatfield",
  "Extended Access",
  "Workforce Gap: GPs",
  NULL
};

static const LpSlideFigure *
figure (const LpSlide *slide,
        guint          index)
{
  g_assert_cmpuint (index, <, slide->figures->len);
  return g_ptr_array_index (slide->figures, index);
}

static void
assert_figure (const LpSlide *slide,
               guint          index,
               const char    *value,
               const char    *caption)
{
  g_assert_cmpstr (figure (slide, index)->value, ==, value);
  g_assert_cmpstr (figure (slide, index)->caption, ==, caption);
}

/* What each kind of slide says, for the sample: the Overview's cards, the
 * Locality Modelling view's grand totals (tests/ui/views/modelling), the
 * Extended Access and Workforce views' summaries. */
static void
assert_sample_words (const LpSlideDeck *deck)
{
  const LpSlide *overview = lp_slide_deck_get_slide (deck, 0);
  const LpSlide *lower_lea = lp_slide_deck_get_slide (deck, 1);
  const LpSlide *access = lp_slide_deck_get_slide (deck, 7);
  const LpSlide *workforce = lp_slide_deck_get_slide (deck, 8);
  g_autofree char *footer = lp_slide_deck_footer (deck, 2);

  g_assert_cmpint (overview->kind, ==, LP_SLIDE_OVERVIEW);
  g_assert_cmpstr (overview->headline, ==, "As at 01/10/2018 (the plan’s reference date)");
  g_assert_cmpuint (overview->figures->len, ==, 4);
  assert_figure (overview, 0, "6", "Localities");
  assert_figure (overview, 1, "57", "Practices");
  assert_figure (overview, 2, "596,907", "Registered patients");
  assert_figure (overview, 3, "£505,666,000", "A year, across 11 contracts");
  g_assert_null (overview->chart);

  /* The view's grand total a month, 241.5 and 20.4 over 3 years, and a
   * week, the month's x 12 / 52. */
  g_assert_cmpint (lower_lea->kind, ==, LP_SLIDE_MODELLING);
  g_assert_cmpstr (lower_lea->headline, ==, "Reductions to make, for 75,825 registered patients");
  g_assert_cmpuint (lower_lea->figures->len, ==, 4);
  assert_figure (lower_lea, 0, "241.5 a month · 55.7 a week", "Activity over 3 years");
  assert_figure (lower_lea, 1, "20.4 a month · 4.7 a week", "Reduced bed days over 3 years");
  assert_figure (lower_lea, 2, "382.3 a month · 88.2 a week", "Activity over 5 years");
  assert_figure (lower_lea, 3, "26.9 a month · 6.2 a week", "Reduced bed days over 5 years");
  g_assert_nonnull (lower_lea->chart);
  g_assert_cmpuint (lower_lea->chart->categories->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lower_lea->chart->categories, 0), ==, "A month");
  g_assert_cmpstr (lp_chart_get_label (lower_lea->chart, 0, 0, 0), ==, "241.5");
  g_assert_cmpstr (lp_chart_get_label (lower_lea->chart, 0, 1, 1), ==, "26.9");

  g_assert_cmpint (access->kind, ==, LP_SLIDE_ACCESS);
  g_assert_cmpstr (access->headline, ==,
                   "All localities: 596,907 registered patients; all covered by the plan from October 2018");
  g_assert_cmpstr (access->note, ==, "Behind the trajectory in 7 months: Jan 2018, Feb 2018, Apr 2018, "
                                     "May 2018, Jul 2018, Aug 2018, Oct 2018");
  g_assert_nonnull (access->chart);
  g_assert_cmpint (access->chart->kind, ==, LP_CHART_LINES);

  g_assert_cmpint (workforce->kind, ==, LP_SLIDE_WORKFORCE);
  g_assert_cmpstr (workforce->headline, ==, "All localities, GPs: 250.4 FTE on 31/03/2018 for 596,907 patients");
  assert_figure (workforce, 0, "36.3 FTE", "short of the target in 2020/21 Q4");
  assert_figure (workforce, 1, "12", "quarters short of the target");
  g_assert_nonnull (workforce->chart);

  g_assert_cmpstr (footer, ==, "East and North Hertfordshire CCG 2018-19 (sample) · scenario “Base” · 3 of 9");
}

static void
test_present_slides (void)
{
  g_autofree char *path = lp_test_copy_sample ("Present.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 768);
  LpPresentationWindow *presentation;
  const LpSlideDeck *deck;
  g_auto(GStrv) titles = NULL;

  lp_test_wait_loaded (window);
  presentation = lp_test_present_start (window);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (presentation), "lp-presentation"));
  deck = lp_presentation_window_get_deck (presentation);
  titles = lp_test_present_titles (presentation);
  g_assert_cmpstrv (titles, sample_titles);
  g_assert_cmpuint (lp_slide_deck_get_n_slides (deck), ==, 9);
  assert_sample_words (deck);
  g_assert_cmpuint (lp_presentation_window_get_current (presentation), ==, 0);

  /* A picture of each slide as the projector shows it. */
  for (guint i = 0; i < lp_slide_deck_get_n_slides (deck); i++)
    {
      g_autofree char *name = g_strdup_printf ("present-slide-%u.png", i + 1);

      lp_presentation_window_go_to (presentation, i);
      lp_test_wait_frame ();
      lp_test_save_png (lp_presentation_window_get_slide_area (presentation), name);
    }
  lp_presentation_window_go_to (presentation, 0);
  lp_test_destroy_windows ();
}

/* A press of the slide area's click gesture, as the pointer makes. */
static void
click_slide (LpPresentationWindow *presentation)
{
  g_autoptr(GListModel) controllers =
    gtk_widget_observe_controllers (lp_presentation_window_get_slide_area (presentation));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        {
          g_signal_emit_by_name (controller, "pressed", 1, 512.0, 384.0);
          lp_test_wait_idle ();
          return;
        }
    }
  g_error ("The slide has no click gesture");
}

/* Right, Page Down and Space go on; Left and Page Up back (a clicker
 * sends Page Down and Page Up); neither end is passed; Escape leaves. */
static void
test_present_keys (void)
{
  g_autofree char *path = lp_test_copy_sample ("Present keys.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 768);
  LpPresentationWindow *presentation;
  static const struct {
    guint keyval;
    guint current;
  } steps[] = {
    { GDK_KEY_Left, 0 },       /* already at the first */
    { GDK_KEY_Right, 1 },
    { GDK_KEY_Page_Down, 2 },
    { GDK_KEY_space, 3 },
    { GDK_KEY_Left, 2 },
    { GDK_KEY_Page_Up, 1 },
    { GDK_KEY_End, 8 },
    { GDK_KEY_Right, 8 },      /* a clicker pressed once too often */
    { GDK_KEY_Page_Down, 8 },
    { GDK_KEY_Home, 0 },
  };

  lp_test_wait_loaded (window);
  presentation = lp_test_present_start (window);
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &presentation);
  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      lp_test_present_key (presentation, steps[i].keyval);
      if (lp_presentation_window_get_current (presentation) != steps[i].current)
        g_error ("After %s: slide %u, expected %u", gdk_keyval_name (steps[i].keyval),
                 lp_presentation_window_get_current (presentation), steps[i].current);
    }
  /* A click on the slide goes on, as a clicker's button does. */
  click_slide (presentation);
  g_assert_cmpuint (lp_presentation_window_get_current (presentation), ==, 1);
  lp_test_present_key (presentation, GDK_KEY_Escape);
  lp_test_wait_null (presentation);
  /* Back at the plan's window, still open. */
  g_assert_cmpuint (lp_test_count_windows (), ==, 1);
  lp_test_destroy_windows ();
}

/* The slides show the scenario chosen in Locality Modelling, and follow
 * the plan as it changes while they are shown. */
static void
test_present_scenario (void)
{
  g_autofree char *path = lp_test_copy_sample ("Present scenario.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 768);
  LpPlan *plan;
  GtkWidget *view;
  LpPresentationWindow *presentation;
  g_autoptr(GError) error = NULL;
  gint64 workshop;

  lp_test_wait_loaded (window);
  plan = lp_window_get_plan (window);
  workshop = lp_plan_add_scenario (plan, "Workshop", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (workshop, !=, 0);
  view = lp_test_show_view (window, "modelling");
  lp_test_wait_cmpuint (g_list_model_get_n_items (lp_modelling_view_get_scenarios (LP_MODELLING_VIEW (view))), ==, 2);
  g_assert_true (lp_modelling_view_select_scenario (LP_MODELLING_VIEW (view), "Workshop"));
  lp_test_wait_cmpint (lp_modelling_view_get_scenario_id (LP_MODELLING_VIEW (view)), ==, workshop);

  presentation = lp_test_present_start (window);
  g_assert_cmpstr (lp_presentation_window_get_deck (presentation)->scenario, ==, "Workshop");

  g_assert_true (lp_plan_rename_scenario (plan, workshop, "Workshop 2", &error));
  g_assert_no_error (error);
  lp_test_wait_cmpstr (lp_presentation_window_get_deck (presentation)->scenario, ==, "Workshop 2");
  lp_test_destroy_windows ();
}

/* A new plan has only its Overview to show, its figures all nought. */
static void
test_present_new_plan (void)
{
  g_autofree char *path = lp_test_scratch_path ("Present new.lpplan");
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_create (path, &error);
  LpWindow *window;
  LpPresentationWindow *presentation;
  const LpSlideDeck *deck;
  const LpSlide *overview;

  g_assert_no_error (error);
  lp_plan_close (plan);
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 768);
  presentation = lp_test_present_start (window);
  deck = lp_presentation_window_get_deck (presentation);
  g_assert_cmpuint (lp_slide_deck_get_n_slides (deck), ==, 1);
  overview = lp_slide_deck_get_slide (deck, 0);
  g_assert_cmpstr (overview->title, ==, "Overview");
  g_assert_cmpstr (figure (overview, 0)->value, ==, "0");
  g_assert_cmpstr (figure (overview, 2)->value, ==, "0");
  lp_test_save_png (lp_presentation_window_get_slide_area (presentation), "present-new-plan.png");
  /* At the only slide, neither way goes anywhere. */
  lp_test_present_key (presentation, GDK_KEY_Right);
  lp_test_present_key (presentation, GDK_KEY_Left);
  g_assert_cmpuint (lp_presentation_window_get_current (presentation), ==, 0);
  lp_test_destroy_windows ();
}

/* Another plan opened in the window: the slides follow it. */
static void
test_present_follows_window (void)
{
  g_autofree char *path = lp_test_copy_sample ("Present follows.lpplan");
  g_autofree char *empty = lp_test_scratch_path ("Present follows new.lpplan");
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_create (empty, &error);
  LpWindow *window;
  LpPresentationWindow *presentation;

  g_assert_no_error (error);
  lp_plan_close (plan);
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 768);
  presentation = lp_test_present_start (window);
  lp_test_present_key (presentation, GDK_KEY_End);
  g_assert_cmpuint (lp_presentation_window_get_current (presentation), ==, 8);
  lp_window_open (window, empty, LP_PLAN_OPEN_DEFAULT);
  lp_test_wait_loaded (window);
  lp_test_wait_cmpuint (lp_slide_deck_get_n_slides (lp_presentation_window_get_deck (presentation)), ==, 1);
  lp_test_wait_cmpstr (lp_presentation_window_get_deck (presentation)->plan_name, ==, "Present follows new");
  /* The slide shown was past the new deck's end: the last there is. */
  g_assert_cmpuint (lp_presentation_window_get_current (presentation), ==, 0);
  lp_test_destroy_windows ();
}

static gboolean
is_present_button (GtkWidget     *widget,
                   gconstpointer  unused)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.present") == 0;
}

/* The header bar's Present button starts the presentation too. */
static void
test_present_button (void)
{
  g_autofree char *path = lp_test_copy_sample ("Present button.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 768);
  GtkWidget *button;

  lp_test_wait_true (lp_test_find_widget (GTK_WIDGET (window), is_present_button, NULL) != NULL);
  button = lp_test_find_widget (GTK_WIDGET (window), is_present_button, NULL);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  lp_test_wait_nonnull (lp_test_find_toplevel (LP_TYPE_PRESENTATION_WINDOW));
  lp_test_destroy_windows ();
}

/* Save Slides as PDF: a 16:9 page a slide. */
static void
test_present_pdf (void)
{
  g_autofree char *path = lp_test_copy_sample ("Present PDF.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 768);
  g_autofree char *pdf = NULL;

  lp_test_wait_loaded (window);
  pdf = lp_test_present_save_pdf (window, "present-slides.pdf");
  /* 9 pages, each 960 x 540 points: 16:9. */
  lp_test_assert_pdf_pages (pdf, 9, "/MediaBox [ 0 0 960 540 ]");
  lp_test_wait_label (GTK_WIDGET (window), "Saved the slides as present-slides.pdf");
  lp_test_destroy_windows ();
}

/* Ctrl+S while presenting saves the same deck; the plan's window says so. */
static void
test_present_save_while_presenting (void)
{
  g_autofree char *path = lp_test_copy_sample ("Present save.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 768);
  g_autofree char *pdf = g_test_build_filename (G_TEST_BUILT, "present-slides-while-presenting.pdf", NULL);
  LpPresentationWindow *presentation = lp_test_present_start (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "present.save-pdf", NULL));
  lp_test_save_beside_test (lp_test_wait_save_dialog (), "present-slides-while-presenting.pdf");
  lp_test_assert_pdf_pages (pdf, 9, "/MediaBox [ 0 0 960 540 ]");
  lp_test_wait_label (GTK_WIDGET (window), "Saved the slides as present-slides-while-presenting.pdf");
  lp_test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  lp_test_init (&argc, &argv);
  g_test_add_func ("/present/slides", test_present_slides);
  g_test_add_func ("/present/keys", test_present_keys);
  g_test_add_func ("/present/scenario", test_present_scenario);
  g_test_add_func ("/present/pdf", test_present_pdf);
  g_test_add_func ("/present/new-plan", test_present_new_plan);
  g_test_add_func ("/present/button", test_present_button);
  g_test_add_func ("/present/follows-window", test_present_follows_window);
  g_test_add_func ("/present/save-while-presenting", test_present_save_while_presenting);
  return lp_test_run ();
}
