/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The slides' words and the PDF deck, without a display: read from the
 * sample plan as the plan's worker reads them. */
#include "config.h"

#include <glib/gstdio.h>

#include "lp-core.h"
#include "lp-slide-deck-pdf.h"
#include "lp-slide-draw.h"
#include "lp-slides.h"
#include "lp-test-pdf.h"

static LpSlideDeck *
sample_deck (const LpSlideQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (g_getenv ("LP_SAMPLE_PLAN"), LP_PLAN_OPEN_READ_ONLY, &error);
  LpSlideDeck *deck;

  g_assert_no_error (error);
  deck = lp_slide_deck_read (plan, (gpointer) query, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deck);
  lp_plan_close (plan);
  return deck;
}

static const LpSlideFigure *
figure (const LpSlideDeck *deck,
        guint              slide,
        guint              index)
{
  return g_ptr_array_index (lp_slide_deck_get_slide (deck, slide)->figures, index);
}

/* A week is a year / 52, or / (365 / 7) as the preference asks: Lower
 * Lea Valley's 241.5 activity a month is 2,898 a year, 55.7 a week of 52
 * and 55.6 of 365/7 (2,898 x 7 / 365 = 55.58). */
static void
test_slides_weeks (void)
{
  LpSlideQuery tables = { 0, FALSE, FALSE, 0 };
  LpSlideQuery exact = { 0, TRUE, FALSE, 0 };
  g_autoptr(LpSlideDeck) deck = sample_deck (&tables);
  g_autoptr(LpSlideDeck) exact_deck = sample_deck (&exact);

  g_assert_cmpuint (lp_slide_deck_get_n_slides (deck), ==, 9);
  g_assert_cmpstr (lp_slide_deck_get_slide (deck, 1)->title, ==, "Lower Lea Valley");
  g_assert_cmpstr (figure (deck, 1, 0)->value, ==, "241.5 a month · 55.7 a week");
  g_assert_cmpstr (figure (exact_deck, 1, 0)->value, ==, "241.5 a month · 55.6 a week");
  g_assert_cmpstr (deck->scenario, ==, "Base");
}

/* A scenario the plan does not have: the base's figures, named so. */
static void
test_slides_unknown_scenario (void)
{
  LpSlideQuery gone = { 12345, FALSE, FALSE, 0 };
  g_autoptr(LpSlideDeck) deck = sample_deck (&gone);

  g_assert_cmpstr (deck->scenario, ==, "Base");
  g_assert_cmpuint (lp_slide_deck_get_n_slides (deck), ==, 9);
  g_assert_cmpstr (figure (deck, 1, 0)->value, ==, "241.5 a month · 55.7 a week");
}

/* Each slide draws on the projector's 4:3 and the deck's 16:9 alike,
 * and the deck is a 16:9 page a slide. */
static void
test_slides_pdf (void)
{
  LpSlideQuery query = { 0, };
  g_autoptr(LpSlideDeck) deck = sample_deck (&query);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lp-slides-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < lp_slide_deck_get_n_slides (deck); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1024, 768);
      cairo_t *cr = cairo_create (surface);

      lp_slide_draw (deck, i, cr, 1024, 768);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      lp_slide_draw (deck, i, cr, LP_SLIDE_PAGE_WIDTH, LP_SLIDE_PAGE_HEIGHT);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  g_assert_cmpfloat (LP_SLIDE_PAGE_WIDTH * 9, ==, LP_SLIDE_PAGE_HEIGHT * 16);
  path = g_build_filename (dir, "Slides.pdf", NULL);
  g_assert_true (lp_slide_deck_write_pdf (deck, path, &error));
  g_assert_no_error (error);
  lp_test_assert_pdf_pages (path, 9, "/MediaBox [ 0 0 960 540 ]");
  g_unlink (path);
  g_rmdir (dir);
}

/* A folder that cannot be written: said, naming the file. */
static void
test_slides_pdf_unwritable (void)
{
  LpSlideQuery query = { 0, };
  g_autoptr(LpSlideDeck) deck = sample_deck (&query);
  g_autoptr(GError) error = NULL;

  g_assert_false (lp_slide_deck_write_pdf (deck, "/nonexistent-folder/Slides.pdf", &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Could not write “/nonexistent-folder/Slides.pdf”"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/slides/weeks", test_slides_weeks);
  g_test_add_func ("/slides/unknown-scenario", test_slides_unknown_scenario);
  g_test_add_func ("/slides/pdf", test_slides_pdf);
  g_test_add_func ("/slides/pdf-unwritable", test_slides_pdf_unwritable);
  return g_test_run ();
}
