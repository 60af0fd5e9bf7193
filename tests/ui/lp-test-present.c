/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lp-test-present.h"
#include "lp-test-util.h"

/* A key's shortcut on @widget, or NULL; those that see the key first
 * (the capture phase) before the class's. */
static GtkShortcut *
lp_test_present_find_shortcut (GtkWidget       *widget,
                               guint            keyval,
                               GdkModifierType  modifiers)
{
  GtkShortcut *found = NULL;

  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (!gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            continue;
          /* The controller keeps it. */
          if (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_CAPTURE)
            return shortcut;
          if (found == NULL)
            found = shortcut;
        }
    }
  return found;
}

/* Carries out the shortcut bound to @keyval as the key press would. */
static void
lp_test_present_press (GtkWidget *widget,
                       guint      keyval)
{
  GtkShortcut *shortcut = lp_test_present_find_shortcut (widget, keyval, 0);

  if (shortcut == NULL)
    g_error ("No shortcut for %s", gdk_keyval_name (keyval));
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                               gtk_shortcut_get_arguments (shortcut)));
  lp_test_wait_idle ();
}

LpPresentationWindow *
lp_test_present_start (LpWindow *window)
{
  LpPresentationWindow *presentation;

  lp_test_present_press (GTK_WIDGET (window), GDK_KEY_F5);
  presentation = LP_PRESENTATION_WINDOW (lp_test_wait_toplevel (LP_TYPE_PRESENTATION_WINDOW));
  lp_test_wait_nonnull (lp_presentation_window_get_deck (presentation));
  lp_test_wait_allocated (lp_presentation_window_get_slide_area (presentation));
  lp_test_wait_frame ();
  return presentation;
}

void
lp_test_present_key (LpPresentationWindow *presentation,
                     guint                 keyval)
{
  lp_test_present_press (GTK_WIDGET (presentation), keyval);
}

char **
lp_test_present_titles (LpPresentationWindow *presentation)
{
  const LpSlideDeck *deck = lp_presentation_window_get_deck (presentation);
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();

  g_assert_nonnull (deck);
  for (guint i = 0; i < lp_slide_deck_get_n_slides (deck); i++)
    g_strv_builder_add (titles, lp_slide_deck_get_slide (deck, i)->title);
  return g_strv_builder_end (titles);
}

char *
lp_test_present_save_pdf (LpWindow   *window,
                          const char *name)
{
  GtkWindow *chooser;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-slides", NULL);
  chooser = lp_test_wait_save_dialog ();
  lp_test_save_beside_test (chooser, name);
  return g_test_build_filename (G_TEST_BUILT, name, NULL);
}
