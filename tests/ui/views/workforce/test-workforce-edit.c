/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Workforce view's editors through the window, on a small new plan
 * with two practices and no workforce figures: the empty state says what
 * is needed and has its buttons; a baseline FTE typed by hand and a +4 GP
 * FTE target give exact figures; bad input is refused under its field
 * with nothing saved; undo takes the plan back step by step; PNGs of each
 * editor and of the empty state for a person to look at. */
#include "config.h"

#include <string.h>

#include "lp-test-util.h"
#include "lp-test-workforce.h"
#include "lp-workforce-baseline-dialog.h"
#include "lp-workforce-rates-dialog.h"
#include "lp-workforce-reference-dialog.h"
#include "lp-workforce-target-dialog.h"
#include "lp-workforce-view.h"

/* A new plan as a commissioner has it before NHS Digital's file: one
 * locality, X06K01 (30,000 patients) and X06K02 (10,000), and the plan's
 * reference date, 31/03/2019. */
static char *
small_plan (void)
{
  char *path = lp_test_scratch_path ("Workforce-edit.lpplan");
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_create (path, &error);
  LpLocalityFields north = { "North", NULL, NULL };
  const char *codes[] = { "X06K01", "X06K02" };
  const gint64 patients[] = { 30000, 10000 };
  gint64 locality;

  g_assert_no_error (error);
  locality = lp_plan_add_locality (plan, &north, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      LpPracticeFields fields = { codes[i], codes[i], NULL, locality, NULL, NULL };
      gint64 id = lp_plan_add_practice (plan, &fields, &error);

      g_assert_no_error (error);
      g_assert_true (lp_plan_set_list_size (plan, id, "2019-01-01", patients[i], NULL, &error));
    }
  g_assert_true (lp_plan_set_info (plan, "reference_date", "2019-03-31", &error));
  g_assert_no_error (error);
  return path;
}

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

static const LpWorkforceTextPractice *
practice (const LpWorkforceText *text,
          const char            *code)
{
  for (guint i = 0; i < text->practices->len; i++)
    if (g_strcmp0 (((LpWorkforceTextPractice *) g_ptr_array_index (text->practices, i))->code, code) == 0)
      return g_ptr_array_index (text->practices, i);
  g_error ("no practice %s", code);
}

static gboolean
shows_empty_state (GtkWidget *view)
{
  GtkWidget *status = lp_test_find_type (view, ADW_TYPE_STATUS_PAGE);

  return status != NULL && gtk_widget_get_mapped (status) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (status)), "No Workforce Figures") == 0;
}

/* The buttons of the empty state, by their action. */
static GtkWidget *
empty_button (GtkWidget  *view,
              const char *action)
{
  GtkWidget *status = lp_test_find_type (view, ADW_TYPE_STATUS_PAGE);

  for (GtkWidget *button = gtk_widget_get_first_child (adw_status_page_get_child (ADW_STATUS_PAGE (status)));
       button != NULL; button = gtk_widget_get_next_sibling (button))
    if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), action) == 0)
      return button;
  return NULL;
}

static void
undo (LpWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
}

static void
test_workforce_edit (void)
{
  g_autofree char *path = small_plan ();
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 700);
  GtkWidget *view = lp_test_show_view (window, "workforce");
  LpPlan *plan = lp_window_get_plan (window);
  LpEditDialog *dialog;
  const LpWorkforceText *text;
  GtkWidget *status;

  /* Nothing to show: what is needed, and the buttons that provide it. */
  lp_test_wait_true (shows_empty_state (view));
  status = lp_test_find_type (view, ADW_TYPE_STATUS_PAGE);
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ==,
                   "Targets and plans are measured from each practice’s FTE. Import NHS Digital’s practice-level "
                   "workforce file, or enter the FTE by hand where there is no file yet.");
  g_assert_nonnull (empty_button (view, "win.import"));
  g_assert_nonnull (empty_button (view, "workforce.enter-baseline"));
  g_assert_true (gtk_widget_is_sensitive (empty_button (view, "workforce.enter-baseline")));
  lp_test_save_png (GTK_WIDGET (window), "workforce-empty.png");

  /* A target alone: the view says it waits for the FTE. */
  lp_test_workforce_add_target (window, "GP", "CCG", "+4", "2019/20 Q4");
  lp_test_wait_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ==,
                       "The plan has a workforce target, but no FTE to measure it from. Import NHS Digital’s "
                       "practice-level workforce file, or enter each practice’s FTE by hand where there is no "
                       "file yet.");
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Add workforce target");

  /* A refusal: the reason under the field, the dialog open, nothing saved. */
  g_assert_true (gtk_widget_activate_action (view, "workforce.enter-baseline", NULL));
  dialog = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_WORKFORCE_BASELINE_DIALOG));
  lp_test_wait_allocated (GTK_WIDGET (dialog));
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_PRACTICE, "X06K01");
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_FTE, "-1");
  g_assert_false (lp_edit_dialog_save (dialog));
  g_assert_cmpstr (lp_edit_dialog_get_error (dialog, LP_FIELD_WF_FTE), ==, "FTE must be 0 or more, not “-1”");
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_AS_AT, "31/02/2019");
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_FTE, "10");
  g_assert_false (lp_edit_dialog_save (dialog));
  g_assert_cmpstr (lp_edit_dialog_get_error (dialog, LP_FIELD_WF_AS_AT), ==,
                   "As at: “31/02/2019” is not a real date (use DD/MM/YYYY or YYYY-MM-DD)");
  lp_test_save_png (GTK_WIDGET (dialog), "workforce-baseline-dialog-error.png");
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Add workforce target");
  gtk_window_close (GTK_WINDOW (dialog));
  lp_test_wait_closed (dialog);

  /* 10.0 GP FTE by hand: the view shows the plan, the hand figure marked. */
  lp_test_workforce_enter_baseline (window, "X06K01", "GP_PARTNER", "10.0");
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Enter baseline FTE");
  g_assert_true (lp_workforce_view_select (LP_WORKFORCE_VIEW (view), "GP", NULL));
  lp_test_wait_true (shows_selection (LP_WORKFORCE_VIEW (view), "All localities, GPs"));
  text = lp_workforce_view_get_text (LP_WORKFORCE_VIEW (view));
  g_assert_cmpstr (quarter (text, 0)->quarter, ==, "2018/19 Q4");
  g_assert_cmpstr (quarter (text, 0)->plan, ==, "10.0");
  g_assert_cmpstr (quarter (text, 2)->target, ==, "12.0");
  g_assert_cmpstr (quarter (text, 4)->quarter, ==, "2019/20 Q4");
  g_assert_cmpstr (quarter (text, 4)->target, ==, "14.0");
  g_assert_cmpstr (quarter (text, 4)->plan, ==, "10.0");
  g_assert_cmpstr (quarter (text, 4)->short_by, ==, "4.0");
  g_assert_cmpstr (practice (text, "X06K01")->fte, ==, "10.0, by hand");
  g_assert_cmpstr (practice (text, "X06K02")->fte, ==, "–");
  lp_test_wait_label (view, "+4.0 FTE GPs for the whole CCG");
  lp_test_wait_label (view, "By 31/03/2020");

  /* 10 % turnover: 9.0 by 2019/20 Q4, 5.0 short. */
  lp_test_workforce_set_rates (window, "GP partner", "10", "");
  lp_test_wait_cmpstr (quarter (lp_workforce_view_get_text (LP_WORKFORCE_VIEW (view)), 4)->plan, ==, "9.0");
  g_assert_cmpstr (quarter (lp_workforce_view_get_text (LP_WORKFORCE_VIEW (view)), 4)->short_by, ==, "5.0");
  lp_test_save_png (GTK_WIDGET (window), "workforce-entered.png");

  /* The England comparison, typed in. */
  g_assert_true (gtk_widget_activate_action (view, "workforce.edit-reference", NULL));
  dialog = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_WORKFORCE_REFERENCE_DIALOG));
  lp_test_wait_allocated (GTK_WIDGET (dialog));
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_REF_VALUE, "2,087");
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_REF_AS_AT, "31/12/2019");
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_REF_SOURCE, "NHS Digital");
  lp_test_save_png (GTK_WIDGET (dialog), "workforce-reference-dialog.png");
  g_assert_true (lp_edit_dialog_save (dialog));
  lp_test_wait_closed (dialog);
  lp_test_wait_true (g_str_has_suffix (lp_workforce_view_get_text (LP_WORKFORCE_VIEW (view))->patients_per_gp,
                                       "England: 2,087 on 31/12/2019"));

  /* Joiners typed in place for a practice with no figure yet: 1.5 GP
   * partner FTE join X06K02 in 2019/20 Q1, after X06K01's 10.0 lost
   * 1 - 0.9^(1/4) of themselves: 9.74 + 1.5 = 11.2. */
  g_assert_true (lp_workforce_view_select (LP_WORKFORCE_VIEW (view), "GP", "GP_PARTNER"));
  lp_test_wait_true (shows_selection (LP_WORKFORCE_VIEW (view), "All localities, GP partner"));
  g_assert_true (lp_workforce_view_enter_movements (LP_WORKFORCE_VIEW (view), "X06K02", "1.5", ""));
  lp_test_wait_cmpstr (quarter (lp_workforce_view_get_text (LP_WORKFORCE_VIEW (view)), 1)->plan, ==, "11.2");
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Plan joiners and leavers");

  /* A target removed by its row's button comes back with undo (shown
   * for the group it is set for: a role's figures have no group target). */
  g_assert_true (lp_workforce_view_select (LP_WORKFORCE_VIEW (view), "GP", NULL));
  lp_test_wait_true (shows_selection (LP_WORKFORCE_VIEW (view), "All localities, GPs"));
  {
    g_autoptr(GPtrArray) targets = lp_plan_list_workforce_targets (plan, 0, NULL);

    g_assert_cmpuint (targets->len, ==, 1);
    g_assert_true (gtk_widget_activate_action (view, "workforce.delete-target", "x",
                                               ((LpWorkforceTarget *) g_ptr_array_index (targets, 0))->id));
    lp_test_wait_false (lp_workforce_view_get_text (LP_WORKFORCE_VIEW (view)) != NULL &&
                        strcmp (quarter (lp_workforce_view_get_text (LP_WORKFORCE_VIEW (view)), 4)->target, "–")
                        != 0);
    g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Remove workforce target");
    undo (window);
    lp_test_wait_cmpstr (quarter (lp_workforce_view_get_text (LP_WORKFORCE_VIEW (view)), 4)->target, ==, "14.0");
  }

  /* 120 % is refused with its reason. */
  g_assert_true (gtk_widget_activate_action (view, "workforce.edit-rates", NULL));
  dialog = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_WORKFORCE_RATES_DIALOG));
  lp_test_wait_allocated (GTK_WIDGET (dialog));
  g_assert_cmpstr (lp_edit_dialog_get_text (dialog, LP_FIELD_WF_TURNOVER), ==, "10");
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_TURNOVER, "120");
  g_assert_false (lp_edit_dialog_save (dialog));
  g_assert_cmpstr (lp_edit_dialog_get_error (dialog, LP_FIELD_WF_TURNOVER), ==, "Turnover must be 0 to 100 %, not “120”");
  lp_test_save_png (GTK_WIDGET (dialog), "workforce-rates-dialog-error.png");
  gtk_window_close (GTK_WINDOW (dialog));
  lp_test_wait_closed (dialog);

  /* The target's editor holds it as typed; a bad date is refused. */
  g_assert_true (gtk_widget_activate_action (view, "workforce.add-target", NULL));
  dialog = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_WORKFORCE_TARGET_DIALOG));
  lp_test_wait_allocated (GTK_WIDGET (dialog));
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_FTE_CHANGE, "2");
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_DUE, "31/02/2019");
  g_assert_false (lp_edit_dialog_save (dialog));
  g_assert_cmpstr (lp_edit_dialog_get_error (dialog, LP_FIELD_WF_DUE), ==,
                   "“31/02/2019” is not a date (use DD/MM/YYYY, or a quarter such as 2019/20 Q4)");
  lp_test_save_png (GTK_WIDGET (dialog), "workforce-target-dialog-error.png");
  gtk_window_close (GTK_WINDOW (dialog));
  lp_test_wait_closed (dialog);

  /* Undo, step by step, back to the empty plan. */
  undo (window);
  lp_test_wait_cmpstr (quarter (lp_workforce_view_get_text (LP_WORKFORCE_VIEW (view)), 1)->plan, ==, "9.7");
  undo (window);
  lp_test_wait_true (lp_workforce_view_get_text (LP_WORKFORCE_VIEW (view))->patients_per_gp != NULL &&
                     strstr (lp_workforce_view_get_text (LP_WORKFORCE_VIEW (view))->patients_per_gp, "England")
                     == NULL);
  undo (window);
  lp_test_wait_cmpstr (quarter (lp_workforce_view_get_text (LP_WORKFORCE_VIEW (view)), 4)->plan, ==, "10.0");
  undo (window);
  lp_test_wait_true (shows_empty_state (view));
  undo (window);
  lp_test_wait_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ==,
                       "Targets and plans are measured from each practice’s FTE. Import NHS Digital’s "
                       "practice-level workforce file, or enter the FTE by hand where there is no file yet.");
  g_assert_false (lp_plan_can_undo (plan));
  lp_test_destroy_windows ();
}

/* The plan file as it is on disk (with its write-ahead log). */
static char *
file_state (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (name, &contents, &length, NULL))
        g_checksum_update (checksum, (const guchar *) contents, (gssize) length);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* In a plan for 2018/19, a target due before April 2017 is a slip of the
 * year: the dialog says so under its "By" field and saves nothing. */
static void
test_target_before_plan (void)
{
  g_autofree char *path = small_plan ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LpWindow *window;
  GtkWidget *view;
  LpEditDialog *dialog;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LpPlan) plan = lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (lp_plan_set_info (plan, "financial_year", "2018/19", &error));
    g_assert_no_error (error);
  }
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 700);
  view = lp_test_show_view (window, "workforce");
  before = file_state (path);
  g_assert_true (gtk_widget_activate_action (view, "workforce.add-target", NULL));
  dialog = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_WORKFORCE_TARGET_DIALOG));
  g_object_ref (dialog);
  lp_test_wait_allocated (GTK_WIDGET (dialog));
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_FTE_CHANGE, "2");
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_DUE, "2016/17 Q4");
  g_assert_false (lp_edit_dialog_save (dialog));
  g_assert_cmpstr (lp_edit_dialog_get_error (dialog, LP_FIELD_WF_DUE), ==,
                   "By date: 31/03/2017 is before the plan (its years start in 2018/19; dates from 01/04/2017)");
  lp_test_save_png (GTK_WIDGET (dialog), "workforce-target-dialog-before-plan.png");
  gtk_window_close (GTK_WINDOW (dialog));
  lp_test_wait_closed (dialog);
  g_object_unref (dialog);
  after = file_state (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (lp_plan_can_undo (lp_window_get_plan (window)));
  lp_test_destroy_windows ();
}

int
main (int argc, char **argv)
{
  lp_test_init (&argc, &argv);
  g_test_add_func ("/workforce/edit", test_workforce_edit);
  g_test_add_func ("/workforce/edit/target-before-plan", test_target_before_plan);
  return lp_test_run ();
}
