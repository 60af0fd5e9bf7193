/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Locality Modelling view's editors driven as a person drives them
 * (see lp-test-modelling.h), for its own tests and the first-plan test. */
#include "config.h"

#include "lp-modelling-view.h"
#include "lp-test-modelling.h"
#include "lp-test-util.h"

/* A button on screen that adds a change. */
static gboolean
is_add_change_button (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "modelling.add-change") == 0;
}

LpPathwayChangeDialog *
lp_test_modelling_open_add_change (LpWindow *window)
{
  GtkWidget *view = lp_test_show_view (window, "modelling");
  GtkWidget *button;

  lp_test_wait_nonnull (button = lp_test_find_widget (view, is_add_change_button, NULL));
  lp_test_wait_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
  return LP_PATHWAY_CHANGE_DIALOG (lp_test_wait_toplevel (LP_TYPE_PATHWAY_CHANGE_DIALOG));
}

void
lp_test_modelling_fill_change (LpPathwayChangeDialog *dialog,
                               const char            *category,
                               const char            *pathway,
                               const char            *level,
                               const char            *years,
                               const char            *activity,
                               const char            *bed_days)
{
  LpEditDialog *edit = LP_EDIT_DIALOG (dialog);

  if (!lp_pathway_change_dialog_choose_pathway (dialog, pathway))
    {
      g_assert_true (lp_pathway_change_dialog_choose_pathway (dialog, NULL));
      lp_edit_dialog_set_text (edit, LP_FIELD_PATHWAY_NAME, pathway);
      lp_pathway_change_dialog_choose_category (dialog,
          g_strcmp0 (category, "A&E and outpatient") == 0 ? LP_PATHWAY_AE_OUTPATIENT : LP_PATHWAY_INPATIENT);
    }
  g_assert_true (lp_pathway_change_dialog_choose_level (dialog, level));
  lp_pathway_change_dialog_choose_period (dialog, LP_PATHWAY_OVER_HORIZON);
  lp_edit_dialog_set_text (edit, LP_FIELD_HORIZON, years);
  lp_edit_dialog_set_text (edit, LP_FIELD_ACTIVITY, activity);
  lp_edit_dialog_set_text (edit, LP_FIELD_BED_DAYS, bed_days);
}

void
lp_test_modelling_add_change (LpWindow   *window,
                              const char *category,
                              const char *pathway,
                              const char *level,
                              const char *years,
                              const char *activity,
                              const char *bed_days)
{
  LpModellingView *view;
  LpPathwayChangeDialog *dialog = lp_test_modelling_open_add_change (window);
  guint before;

  view = LP_MODELLING_VIEW (lp_window_get_view (window, "modelling"));
  lp_test_wait_view (GTK_WIDGET (view));
  before = lp_modelling_view_get_n_changes (view);
  lp_test_modelling_fill_change (dialog, category, pathway, level, years, activity, bed_days);
  if (!lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)))
    {
      static const char *const keys[] = {
        LP_FIELD_PATHWAY, LP_FIELD_PATHWAY_NAME, LP_FIELD_PATHWAY_CATEGORY, LP_FIELD_LEVEL,
        LP_FIELD_HORIZON, LP_FIELD_PERIOD, LP_FIELD_ACTIVITY, LP_FIELD_BED_DAYS, NULL,
      };
      const char *reason = lp_edit_dialog_get_error (LP_EDIT_DIALOG (dialog), NULL);

      for (guint i = 0; reason == NULL && keys[i] != NULL; i++)
        reason = lp_edit_dialog_get_error (LP_EDIT_DIALOG (dialog), keys[i]);
      g_error ("The pathway change dialog refused %s, %s, %s years, %s, %s: %s",
               pathway, level, years, activity, bed_days, reason);
    }
  lp_test_wait_closed (dialog);
  lp_test_wait_cmpuint (lp_modelling_view_get_n_changes (view), ==, before + 1);
  lp_test_wait_view (GTK_WIDGET (view));
}

void
lp_test_modelling_set_weights (LpWindow          *window,
                               const char *const *pairs)
{
  GtkWidget *view = lp_test_show_view (window, "modelling");
  LpWeightsDialog *dialog;

  lp_test_wait_true (gtk_widget_activate_action (view, "modelling.edit-weights", NULL));
  dialog = LP_WEIGHTS_DIALOG (lp_test_wait_toplevel (LP_TYPE_WEIGHTS_DIALOG));
  lp_weights_dialog_set_by_population (dialog, FALSE);
  for (guint i = 0; pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    g_assert_true (lp_weights_dialog_set_weight (dialog, pairs[i], pairs[i + 1]));
  if (!lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)))
    g_error ("The weights dialog refused them: %s",
             lp_weights_dialog_get_error (dialog, pairs[0]) != NULL ? lp_weights_dialog_get_error (dialog, pairs[0])
                                                                    : "(no reason under the first)");
  lp_test_wait_closed (dialog);
  lp_test_wait_view (view);
}
