/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Workforce view's practice and PCN staff, on the small plan of
 * tests/fixtures/pcn-workforce-plan.sql: the short "no PCN staff" line
 * before the PCN file is imported, then the practices' and the PCNs'
 * staff side by side, the PCN split between two localities at 25%, and
 * PNGs at 1024x600 for a person to look at. */
#include "config.h"

#include <string.h>

#include "lp-import-dialog.h"
#include "lp-test-util.h"
#include "lp-workforce-view.h"

static const LpWorkforceTextStaff *
staff_row (const LpWorkforceStaffText *text,
           const char                 *employer,
           const char                 *role)
{
  for (guint i = 0; i < text->rows->len; i++)
    {
      const LpWorkforceTextStaff *row = g_ptr_array_index (text->rows, i);
      if (g_str_equal (row->employer, employer) && g_str_equal (row->role, role))
        return row;
    }
  g_error ("no row %s, %s", employer, role);
  return NULL;
}

static const LpWorkforceTextStaffGroup *
staff_group (const LpWorkforceStaffText *text,
             const char                 *group)
{
  for (guint i = 0; i < text->groups->len; i++)
    {
      const LpWorkforceTextStaffGroup *row = g_ptr_array_index (text->groups, i);
      if (g_str_equal (row->group, group))
        return row;
    }
  g_error ("no group %s", group);
  return NULL;
}

static gboolean
shows_pcn_staff (LpWorkforceView *view,
                 gboolean         imported)
{
  const LpWorkforceStaffText *text = lp_workforce_view_get_staff_text (view);

  return text != NULL && text->summary != NULL && text->offer_import == !imported &&
         (strstr (text->summary, "PCNs ") != NULL) == imported;
}

static const char *
staff_summary (LpWorkforceView *view)
{
  const LpWorkforceStaffText *text = lp_workforce_view_get_staff_text (view);

  return text != NULL ? text->summary : NULL;
}

/* Scrolls the view to its "Practice and PCN Staff" heading. */
static void
scroll_to_staff (LpWorkforceView *view)
{
  GtkWidget *heading = lp_workforce_view_get_staff_heading (view);
  GtkWidget *scrolled = gtk_widget_get_ancestor (heading, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  double x = 0, y = 0;

  lp_test_wait_frame ();
  g_assert_true (gtk_widget_translate_coordinates (heading, content, 0, 0, &x, &y));
  /* @y is where the heading is in the viewport, as scrolled now. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 12);
  lp_test_wait_frame ();
}

/* Scrolls the staff table (the scrolled window after the heading) to its
 * last rows and the view on by @down pixels, to see the split PCN's rows
 * and the note below. */
static void
scroll_staff_table_down (LpWorkforceView *view,
                         double           down)
{
  GtkWidget *heading = lp_workforce_view_get_staff_heading (view);
  GtkScrolledWindow *outer = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (heading, GTK_TYPE_SCROLLED_WINDOW));
  GtkWidget *table = heading;
  GtkAdjustment *adjustment;

  while (table != NULL && !GTK_IS_SCROLLED_WINDOW (table))
    table = gtk_widget_get_next_sibling (table);
  g_assert_nonnull (table);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (table));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  adjustment = gtk_scrolled_window_get_vadjustment (outer);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + down);
  lp_test_wait_frame ();
  lp_test_wait_frame ();
}

static gboolean
dialog_is_idle (gpointer dialog)
{
  return !lp_import_dialog_is_busy (dialog);
}

static void
test_pcn_staff (void)
{
  g_autofree char *path = lp_test_scratch_path ("PCN staff.lpplan");
  g_autofree char *fixture = test_fixture_sql ("pcn-workforce-plan.sql");
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "pcn-workforce-individual.csv", NULL);
  g_autoptr(GError) error = NULL;
  const LpWorkforceStaffText *text;
  const LpWorkforceTextStaff *row;
  const LpWorkforceTextStaffGroup *group;
  LpWorkforceView *view;
  LpWindow *window;

  {
    g_autoptr(LpPlan) plan = lp_plan_create (path, &error);
    g_assert_no_error (error);
  }
  test_sql_on_file (path, fixture);
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  view = LP_WORKFORCE_VIEW (lp_test_show_view (window, "workforce"));
  g_assert_true (lp_workforce_view_select_locality (view, "Stevenage"));

  /* Before the import: the practices' staff, and one line offering the
   * import, not a page over the practices' figures. */
  lp_test_wait_cmpstr (staff_summary (view), ==, "Practices 9.50 FTE (June 2024) · 1 figure missing, not counted");
  text = lp_workforce_view_get_staff_text (view);
  g_assert_true (text->offer_import);
  /* The nurse's figure is missing: no FTE, not 0. */
  g_assert_cmpstr (staff_group (text, "Nurses")->practices, ==, "–");
  g_assert_cmpstr (staff_group (text, "Nurses")->together, ==, "–");
  g_assert_cmpuint (text->rows->len, ==, 4);
  lp_test_wait_label (GTK_WIDGET (view), "No PCN staff are imported: the practices are in PCNs, whose own staff "
                                         "(ARRS roles and others) are in NHS Digital’s Primary Care Network "
                                         "Workforce file.");
  scroll_to_staff (view);
  lp_test_save_png (GTK_WIDGET (window), "workforce-pcn-none.png");

  /* The import through the window's Import dialog, as a person makes it:
   * the file is told by its columns, checked, then imported. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (csv);
    LpPlan *before = lp_window_get_plan (window);
    LpImportDialog *dialog = lp_import_dialog_new (window, file);

    gtk_window_present (GTK_WINDOW (dialog));
    lp_test_wait_until (dialog_is_idle, dialog, "the import dialog to check the file");
    g_assert_no_error ((GError *) lp_import_dialog_get_error (dialog));
    g_assert_cmpint (lp_import_dialog_get_kind (dialog), ==, LP_IMPORT_PCN_WORKFORCE);
    lp_test_wait_label (GTK_WIDGET (dialog), "NHS Digital Primary Care Network workforce");
    /* By PCN: nothing is said of the plan's practices. */
    g_assert_cmpstr (lp_import_dialog_get_check_text (dialog), ==, "16 rows; 16 to import.");
    lp_test_save_png (GTK_WIDGET (dialog), "workforce-pcn-import-preview.png");
    g_signal_emit_by_name (lp_import_dialog_get_import_button (dialog), "clicked");
    lp_test_wait_until (dialog_is_idle, dialog, "the import dialog to import the file");
    g_assert_no_error ((GError *) lp_import_dialog_get_error (dialog));
    g_assert_cmpstr (lp_import_dialog_get_done_text (dialog), ==,
                     "Imported 16 rows of PCN staff from pcn-workforce-individual.csv");
    gtk_window_destroy (GTK_WINDOW (dialog));
    /* The window opens the plan again. */
    lp_test_await (lp_window_get_plan (window) != before);
    lp_test_wait_loaded (window);
  }
  view = LP_WORKFORCE_VIEW (lp_test_show_view (window, "workforce"));
  g_assert_true (lp_workforce_view_select_locality (view, "Stevenage"));
  /* Practices 9.5; PCNs 3.65 + 25% of 4.5 = 4.775, ARRS 4.525 (all but the
   * clinical director); together 14.275. */
  lp_test_wait_cmpstr (staff_summary (view), ==, "Practices 9.50 FTE (June 2024) · PCNs 4.78 FTE, of it ARRS 4.53 "
                                      "(census June 2024) · together 14.28 FTE · 2 figures missing, not counted");
  text = lp_workforce_view_get_staff_text (view);
  g_assert_false (text->offer_import);
  g_assert_true (text->has_pcns);
  g_assert_cmpuint (text->rows->len, ==, 15);
  row = staff_row (text, "Practices", "GP partner");
  g_assert_cmpstr (row->fte, ==, "7.00");
  g_assert_cmpstr (row->arrs, ==, "");
  row = staff_row (text, "Practices", "Clinical pharmacist");
  g_assert_cmpstr (row->fte, ==, "0.50");
  g_assert_cmpstr (row->arrs, ==, "");
  row = staff_row (text, "PCN · Stevenage North PCN", "Clinical pharmacist");
  g_assert_cmpstr (row->fte, ==, "1.60");
  g_assert_cmpstr (row->arrs, ==, "ARRS");
  row = staff_row (text, "PCN · Stevenage North PCN", "Health and wellbeing coach");
  g_assert_cmpstr (row->fte, ==, "missing");
  row = staff_row (text, "PCN · Stevenage North PCN", "PCN clinical director");
  g_assert_cmpstr (row->arrs, ==, "");
  row = staff_row (text, "PCN · Stevenage South and Hitchin PCN", "Clinical pharmacist");
  g_assert_cmpstr (row->fte, ==, "0.25 (25.0% of 1.00)");
  /* Direct patient care: 0.50 the practices', 4.525 the PCNs'; 26,000
   * patients: 52,000 per practice FTE, 26,000 / 5.025 = 5,174 with both. */
  group = staff_group (text, "Direct patient care");
  g_assert_cmpstr (group->practices, ==, "0.50");
  g_assert_cmpstr (group->pcns, ==, "4.53");
  g_assert_cmpstr (group->together, ==, "5.03");
  g_assert_cmpstr (group->per_fte, ==, "52,000");
  g_assert_cmpstr (group->per_fte_with_pcns, ==, "5,174");
  group = staff_group (text, "GPs");
  g_assert_cmpstr (group->pcns, ==, "–");
  g_assert_cmpstr (group->per_fte, ==, "2,889");
  g_assert_cmpstr (group->per_fte_with_pcns, ==, "2,889");
  lp_test_wait_no_label (GTK_WIDGET (view), "No PCN staff are imported: the practices are in PCNs, whose own staff "
                                            "(ARRS roles and others) are in NHS Digital’s Primary Care Network "
                                            "Workforce file.");
  lp_test_wait_label (GTK_WIDGET (view), "PCN staff are those the PCN employs (most under the Additional Roles "
                                         "Reimbursement Scheme, marked ARRS); the practices’ own staff are counted "
                                         "apart, so no one is counted twice. Stevenage South and Hitchin PCN also "
                                         "serves another locality: 25.0% of its staff are counted here, by its "
                                         "practices’ registered patients (6,000 of 24,000).");
  scroll_to_staff (view);
  lp_test_save_png (GTK_WIDGET (window), "workforce-pcn.png");
  scroll_staff_table_down (view, 240);
  lp_test_save_png (GTK_WIDGET (window), "workforce-pcn-split.png");

  /* Hitchin has the other 75%: 0.75 of the pharmacist. */
  g_assert_true (lp_workforce_view_select_locality (view, "Hitchin"));
  lp_test_wait_true (staff_summary (view) != NULL && strstr (staff_summary (view), "PCNs 5.58 FTE") != NULL);
  row = staff_row (lp_workforce_view_get_staff_text (view), "PCN · Stevenage South and Hitchin PCN",
                   "Clinical pharmacist");
  g_assert_cmpstr (row->fte, ==, "0.75 (75.0% of 1.00)");

  /* Undo takes the PCN staff away again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_true (shows_pcn_staff (view, FALSE));
  g_assert_cmpstr (staff_summary (view), ==, "Practices 11.00 FTE (June 2024)");
  lp_test_destroy_windows ();
}

/* The sample plan has no PCNs: its practices' staff show as before, with
 * no PCN rows, no note and no offer to import a PCN file. */
static void
test_sample_no_pcns (void)
{
  g_autofree char *path = lp_test_copy_sample ("Workforce sample.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  LpWorkforceView *view = LP_WORKFORCE_VIEW (lp_test_show_view (window, "workforce"));
  const LpWorkforceStaffText *text;

  g_assert_true (lp_workforce_view_select_locality (view, "Lower Lea Valley"));
  lp_test_wait_true (staff_summary (view) != NULL && lp_workforce_view_get_text (view) != NULL &&
                     g_str_has_prefix (lp_workforce_view_get_text (view)->summary, "Lower Lea Valley"));
  text = lp_workforce_view_get_staff_text (view);
  g_assert_false (text->offer_import);
  g_assert_null (text->note);
  g_assert_true (g_str_has_prefix (text->summary, "Practices "));
  g_assert_null (strstr (text->summary, "PCNs"));
  for (guint i = 0; i < text->rows->len; i++)
    g_assert_false (((const LpWorkforceTextStaff *) g_ptr_array_index (text->rows, i))->is_pcn);
  /* The same patients per GP FTE as the ratios above. */
  g_assert_true (g_str_has_prefix (lp_workforce_view_get_text (view)->patients_per_gp, "Patients per GP FTE: 2,267 "));
  g_assert_cmpstr (((const LpWorkforceTextStaffGroup *) g_ptr_array_index (text->groups, 0))->per_fte, ==, "2,267");
  g_assert_false (text->has_pcns);
  g_assert_cmpstr (text->title, ==, "Staff by Role");
  lp_test_wait_label (GTK_WIDGET (view), "Staff by Role");
  scroll_to_staff (view);
  lp_test_save_png (GTK_WIDGET (window), "workforce-sample-staff.png");
  lp_test_destroy_windows ();
}

int
main (int argc, char **argv)
{
  lp_test_init (&argc, &argv);
  g_test_add_func ("/workforce/pcn-staff", test_pcn_staff);
  g_test_add_func ("/workforce/sample-no-pcns", test_sample_no_pcns);
  return lp_test_run ();
}
