/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Locality Modelling from a new plan, only through the view's editors:
 * three practices in two localities, no pathway yet; the empty state
 * offers the first change, the scenarios and the weights; a change is
 * added through the dialog (making its pathway), refused while its input
 * is bad, edited, removed and undone, and the view shows the figures
 * worked out by hand. */
#include "config.h"

#include "lp-modelling-view.h"
#include "lp-pathway-change-dialog.h"
#include "lp-pathway-name-dialog.h"
#include "lp-test-modelling.h"
#include "lp-test-util.h"
#include "lp-weights-dialog.h"

/* North: A 6,000 and B 3,000 patients; South: C 6,000.  15,000 in all. */
static char *
new_plan (const char *name)
{
  g_autofree char *path = lp_test_scratch_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_create (path, &error);
  const struct { const char *code, *locality; gint64 patients; } practices[] = {
    { "A11111", "North", 6000 }, { "B22222", "North", 3000 }, { "C33333", "South", 6000 },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (practices); i++)
    {
      gint64 locality = lp_plan_find_locality (plan, practices[i].locality);
      LpPracticeFields fields = { practices[i].code, practices[i].code, NULL, 0, NULL, NULL, NULL };
      gint64 practice;

      if (locality == 0)
        locality = lp_plan_add_locality (plan, &(LpLocalityFields) { practices[i].locality, NULL, NULL },
                                         &error);
      g_assert_no_error (error);
      fields.locality_id = locality;
      practice = lp_plan_add_practice (plan, &fields, &error);
      g_assert_no_error (error);
      g_assert_true (lp_plan_set_list_size (plan, practice, "2019-04-01", practices[i].patients, "test", &error));
    }
  return g_steal_pointer (&path);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static gboolean
is_remove_button (GtkWidget     *widget,
                  gconstpointer  unused)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "modelling.remove-change") == 0;
}

static void
expect_frailty (LpModellingView *view,
                const char      *locality,
                LpPer            per,
                const char      *activity,
                const char      *bed_days)
{
  g_assert_true (lp_modelling_view_select_locality (view, locality));
  lp_modelling_view_set_per (view, per);
  lp_test_wait_view (GTK_WIDGET (view));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, activity);
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 1), ==, bed_days);
}

static gboolean
is_change_row (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* Frailty, a new pathway: 900 fewer admissions and 450 fewer bed days
 * over 3 years for the CCG, 300 and 150 a year.  Per month (÷ 12): the
 * CCG 25.0 and 12.5; North, 9,000 / 15,000 of it, 15.0 and 7.5; South
 * 10.0 and 5.0.  Per week (÷ 52): the CCG 5.769 and 2.885; North 3.462
 * and 1.731; South 2.308 and 1.154. */
static void
test_modelling_first_change (void)
{
  g_autofree char *path = new_plan ("First change.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpModellingView *view = LP_MODELLING_VIEW (lp_test_show_view (window, "modelling"));
  LpPathwayChangeDialog *dialog;
  g_autofree char *before = NULL;
  GtkWidget *row;
  GtkWindow *weights;

  lp_test_wait_true (lp_modelling_view_is_empty (view));
  lp_test_wait_label (GTK_WIDGET (view), "No Pathway Changes Yet");
  g_assert_nonnull (lp_test_wait_label (GTK_WIDGET (view), "_Add Pathway Change…"));
  g_assert_nonnull (lp_test_wait_label (GTK_WIDGET (view), "_Scenarios"));
  lp_test_save_png (GTK_WIDGET (window), "modelling-first-empty.png");

  /* The scenarios are there before any change: a new one is made. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "modelling.new-scenario", NULL));
  {
    AdwMessageDialog *ask = ADW_MESSAGE_DIALOG (lp_test_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    GtkWidget *entry = lp_test_find_type (GTK_WIDGET (ask), GTK_TYPE_ENTRY);

    gtk_editable_set_text (GTK_EDITABLE (entry), "Faster frailty");
    adw_message_dialog_response (ask, "apply");
    gtk_window_close (GTK_WINDOW (ask));
    lp_test_wait_closed (ask);
  }
  lp_test_wait_cmpuint (g_list_model_get_n_items (lp_modelling_view_get_scenarios (view)), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpuint (g_list_model_get_n_items (lp_modelling_view_get_scenarios (view)), ==, 1);
  lp_test_wait_true (lp_modelling_view_is_empty (view));

  /* The weights can be set before any change. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "modelling.edit-weights", NULL));
  weights = lp_test_wait_toplevel (LP_TYPE_WEIGHTS_DIALOG);
  lp_test_wait_label (GTK_WIDGET (weights), "North");
  lp_test_wait_label (GTK_WIDGET (weights), "South");
  gtk_window_close (weights);
  lp_test_wait_closed (weights);

  /* Bad input: its reason under its field, the file unchanged. */
  before = file_checksum (path);
  dialog = lp_test_modelling_open_add_change (window);
  lp_test_save_png (GTK_WIDGET (dialog), "pathway-change-dialog-new.png");
  lp_test_modelling_fill_change (dialog, "In-patient", "Frailty", "CCG", "0", "900", "450");
  g_assert_false (lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)));
  g_assert_cmpstr (lp_edit_dialog_get_error (LP_EDIT_DIALOG (dialog), LP_FIELD_HORIZON), ==,
                   "The horizon must be 1 to 50 years, not 0");
  lp_test_save_png (GTK_WIDGET (dialog), "pathway-change-dialog-error.png");
  lp_edit_dialog_set_text (LP_EDIT_DIALOG (dialog), LP_FIELD_HORIZON, "3");
  lp_edit_dialog_set_text (LP_EDIT_DIALOG (dialog), LP_FIELD_ACTIVITY, "-900");
  g_assert_false (lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)));
  g_assert_cmpstr (lp_edit_dialog_get_error (LP_EDIT_DIALOG (dialog), LP_FIELD_ACTIVITY), ==,
                   "Activity reduction is how many fewer: type 900, not “-900”");
  g_assert_null (lp_edit_dialog_get_error (LP_EDIT_DIALOG (dialog), LP_FIELD_HORIZON));
  lp_edit_dialog_set_text (LP_EDIT_DIALOG (dialog), LP_FIELD_PATHWAY_NAME, "");
  lp_edit_dialog_set_text (LP_EDIT_DIALOG (dialog), LP_FIELD_ACTIVITY, "900");
  g_assert_false (lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)));
  g_assert_cmpstr (lp_edit_dialog_get_error (LP_EDIT_DIALOG (dialog), LP_FIELD_PATHWAY_NAME), ==,
                   "Enter the pathway’s name, such as Frailty");
  {
    g_autofree char *after = file_checksum (path);
    g_assert_cmpstr (after, ==, before);
  }
  gtk_window_close (GTK_WINDOW (dialog));
  lp_test_wait_closed (dialog);

  lp_test_modelling_add_change (window, "In-patient", "Frailty", "CCG", "3", "900", "450");
  g_assert_false (lp_modelling_view_is_empty (view));
  g_assert_cmpuint (lp_modelling_view_get_n_changes (view), ==, 1);
  g_assert_cmpstr (lp_plan_get_undo_label (lp_window_get_plan (window)), ==, "Add pathway change");
  expect_frailty (view, "All localities", LP_PER_MONTH, "25.0", "12.5");
  lp_test_save_png (GTK_WIDGET (window), "modelling-first-change.png");
  expect_frailty (view, "North", LP_PER_MONTH, "15.0", "7.5");
  expect_frailty (view, "South", LP_PER_MONTH, "10.0", "5.0");
  expect_frailty (view, "South", LP_PER_WEEK, "2.3", "1.2");
  expect_frailty (view, "North", LP_PER_WEEK, "3.5", "1.7");
  expect_frailty (view, "All localities", LP_PER_WEEK, "5.8", "2.9");

  /* Shared by weights instead, 1 each: North 150 a year, 12.5 a month. */
  lp_test_modelling_set_weights (window, (const char *[]) { "North", "1", "South", "1", NULL });
  expect_frailty (view, "North", LP_PER_MONTH, "12.5", "6.3");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  expect_frailty (view, "North", LP_PER_MONTH, "15.0", "7.5");
  expect_frailty (view, "All localities", LP_PER_MONTH, "25.0", "12.5");

  /* Edit the change: click its row; twice the reduction, twice the figures. */
  lp_modelling_view_set_per (view, LP_PER_MONTH);
  lp_test_wait_view (GTK_WIDGET (view));
  lp_test_wait_nonnull (row = lp_test_find_widget (GTK_WIDGET (view), is_change_row, "Frailty · the CCG"));
  g_signal_emit_by_name (row, "activate");
  dialog = LP_PATHWAY_CHANGE_DIALOG (lp_test_wait_toplevel (LP_TYPE_PATHWAY_CHANGE_DIALOG));
  g_assert_cmpstr (lp_edit_dialog_get_text (LP_EDIT_DIALOG (dialog), LP_FIELD_HORIZON), ==, "3");
  g_assert_cmpstr (lp_edit_dialog_get_text (LP_EDIT_DIALOG (dialog), LP_FIELD_ACTIVITY), ==, "900");
  g_assert_cmpstr (lp_edit_dialog_get_text (LP_EDIT_DIALOG (dialog), LP_FIELD_BED_DAYS), ==, "450");
  lp_test_save_png (GTK_WIDGET (dialog), "pathway-change-dialog-edit.png");
  lp_edit_dialog_set_text (LP_EDIT_DIALOG (dialog), LP_FIELD_ACTIVITY, "1,800");
  g_assert_true (lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)));
  lp_test_wait_closed (dialog);
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "50.0");
  g_assert_cmpstr (lp_plan_get_undo_label (lp_window_get_plan (window)), ==, "Edit pathway change");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "25.0");

  /* Remove it: the empty state again; undo brings it back. */
  lp_test_wait_nonnull (row = lp_test_find_widget (GTK_WIDGET (view), is_change_row, "Frailty · the CCG"));
  gtk_widget_activate (lp_test_find_widget (row, is_remove_button, NULL));
  lp_test_wait_true (lp_modelling_view_is_empty (view));
  lp_test_wait_label (GTK_WIDGET (view), "No Pathway Changes Yet");
  g_assert_cmpstr (lp_plan_get_undo_label (lp_window_get_plan (window)), ==, "Remove pathway change");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "25.0");

  /* The pathway itself: renamed (an empty name refused), removed with
   * its change, each one step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "modelling.edit-pathway-name", "s", "Frailty"));
  {
    LpEditDialog *name = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_PATHWAY_NAME_DIALOG));

    g_assert_cmpstr (lp_edit_dialog_get_text (name, LP_FIELD_PATHWAY_NAME), ==, "Frailty");
    lp_edit_dialog_set_text (name, LP_FIELD_PATHWAY_NAME, " ");
    g_assert_false (lp_edit_dialog_save (name));
    g_assert_cmpstr (lp_edit_dialog_get_error (name, LP_FIELD_PATHWAY_NAME), ==,
                     "Enter the pathway’s name, such as Frailty");
    lp_edit_dialog_set_text (name, LP_FIELD_PATHWAY_NAME, "Frailty (over 75s)");
    lp_test_save_png (GTK_WIDGET (name), "pathway-name-dialog.png");
    g_assert_true (lp_edit_dialog_save (name));
    lp_test_wait_closed (name);
  }
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty (over 75s)", 0), ==, "25.0");
  g_assert_cmpstr (lp_plan_get_undo_label (lp_window_get_plan (window)), ==, "Edit pathway");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "25.0");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "modelling.remove-pathway", "s", "Frailty"));
  lp_test_wait_true (lp_modelling_view_is_empty (view));
  g_assert_cmpstr (lp_plan_get_undo_label (lp_window_get_plan (window)), ==, "Remove pathway");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "25.0");

  /* Undo the add: no pathway, no change. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_true (lp_modelling_view_is_empty (view));
  {
    g_auto(GStrv) pathways = lp_plan_list_pathways (lp_window_get_plan (window), NULL);
    g_assert_cmpuint (g_strv_length (pathways), ==, 0);
  }
  lp_test_destroy_windows ();
}

/* The sample plan's changes as the view lists them, for a person to
 * look at, on a small screen; the base states 8 pathways' changes. */
static void
test_modelling_sample_changes (void)
{
  g_autofree char *path = lp_test_copy_sample ("Sample changes.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  LpModellingView *view = LP_MODELLING_VIEW (lp_test_show_view (window, "modelling"));

  lp_test_wait_cmpuint (lp_modelling_view_get_n_changes (view), >, 0);
  lp_test_wait_nonnull (lp_test_find_widget (GTK_WIDGET (view), is_change_row, "Frailty · the STP"));
  lp_test_save_png (GTK_WIDGET (window), "modelling-sample-top.png");
  lp_test_scroll_to (GTK_WIDGET (view), 0.7);
  lp_test_save_png (GTK_WIDGET (window), "modelling-sample-changes.png");
  lp_test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  lp_test_init (&argc, &argv);

  g_test_add_func ("/modelling-edit/first-change", test_modelling_first_change);
  g_test_add_func ("/modelling-edit/sample-changes", test_modelling_sample_changes);
  return lp_test_run ();
}
