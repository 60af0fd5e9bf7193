/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A commissioner's first plan, from New Plan to a meeting's handouts,
 * only through the window's editors: the NHS files imported for one
 * commissioner, localities made from PCNs and two practices moved, the
 * plan year set, every planning input entered; each view's figures
 * checked; a table exported and a handout printed; then every step undone
 * back to the empty plan. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "lp-access-view.h"
#include "lp-activity-view.h"
#include "lp-application.h"
#include "lp-import-dialog.h"
#include "lp-modelling-view.h"
#include "lp-practice-page-output.h"
#include "lp-practice-page-view.h"
#include "lp-test-access.h"
#include "lp-test-localities.h"
#include "lp-test-modelling.h"
#include "lp-test-pdf.h"
#include "lp-test-settings.h"
#include "lp-test-util.h"
#include "lp-test-workforce.h"
#include "lp-workforce-view.h"

#define NEL "Total Non-Elective Admissions"

/* The fixtures' 06K practices: 68,000 patients.  After the PCNs and the
 * move, NORTH PCN has X06K01 and X06K02 (21,000), CENTRAL PCN X06K04-06
 * (25,000) and SOUTH PCN X06K07, X06K03 and X06K08 (22,000). */
#define CCG_PATIENTS 68000.0
#define NORTH_PATIENTS 21000.0

/* The tables the journey fills; each is empty again after the undos. */
static const char *const filled_tables[] = {
  "practice", "list_size", "practice_grouping", "locality", "import_log",
  "pathway", "pathway_change", "access_trajectory", "capacity_rule", "access_provision",
  "workforce_fte", "workforce_target", "activity_baseline", "growth_assumption",
  "qipp_programme", "qipp_reduction",
};

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "first-plan", name, NULL);
}

static gint64
rows_in (const char *path,
         const char *table)
{
  g_autoptr(LpPlan) plan = lp_test_read_plan (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = lp_plan_count_table_rows (plan, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < counts->len; i++)
    if (g_str_equal (((LpTableCount *) g_ptr_array_index (counts, i))->table, table))
      return ((LpTableCount *) g_ptr_array_index (counts, i))->rows;
  g_error ("The plan has no table %s", table);
}

static gboolean
dialog_is_idle (gpointer dialog)
{
  return !lp_import_dialog_is_busy (dialog);
}

static gboolean
has_windows (gpointer n)
{
  return lp_test_count_windows () >= GPOINTER_TO_UINT (n);
}

/* File ▸ Import as a person does it: the file, the commissioner's code
 * when the file has commissioners, Import; then the window reads the
 * plan again. */
static void
import_file (LpWindow   *window,
             const char *name,
             const char *commissioner)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LpPlan *before = lp_window_get_plan (window);
  LpImportDialog *dialog = lp_import_dialog_new (window, file);

  gtk_window_present (GTK_WINDOW (dialog));
  lp_test_wait_until (dialog_is_idle, dialog, "the import dialog to check the file");
  if (commissioner != NULL)
    {
      GtkWidget *row = lp_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);

      gtk_editable_set_text (GTK_EDITABLE (row), commissioner);
      g_signal_emit_by_name (row, "apply");
      lp_test_wait_until (dialog_is_idle, dialog, "the import dialog to check the file again");
    }
  g_assert_no_error ((GError *) lp_import_dialog_get_error (dialog));
  g_assert_true (gtk_widget_get_sensitive (lp_import_dialog_get_import_button (dialog)));
  g_signal_emit_by_name (lp_import_dialog_get_import_button (dialog), "clicked");
  lp_test_wait_until (dialog_is_idle, dialog, "the import to finish");
  g_assert_no_error ((GError *) lp_import_dialog_get_error (dialog));
  lp_test_await (lp_window_get_plan (window) != before);
  lp_test_wait_loaded (window);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static const LpAccessTextMonth *
access_month (LpAccessView *view,
              const char   *month)
{
  const LpAccessText *text = lp_access_view_get_text (view);

  return text != NULL ? lp_test_access_month (text, month) : NULL;
}

static const char *
workforce_last_target (LpWorkforceView *view)
{
  const LpWorkforceText *text = lp_workforce_view_get_text (view);
  const LpWorkforceTextQuarter *last;

  if (text == NULL || text->quarters->len == 0)
    return NULL;
  last = g_ptr_array_index (text->quarters, text->quarters->len - 1);
  return last->target;
}

static void
check_figures (LpWindow *window)
{
  LpModellingView *modelling;
  LpActivityView *activity;
  LpAccessView *access;
  LpWorkforceView *workforce;
  g_autofree char *north_month = g_strdup_printf ("%.1f", 900.0 / 36.0 * NORTH_PATIENTS / CCG_PATIENTS);

  /* The localities, and the practices' patients in them. */
  lp_test_show_view (window, "localities");
  lp_test_wait_label (lp_window_get_view (window, "localities"), "NORTH PCN");
  lp_test_wait_label (lp_window_get_view (window, "localities"), "21,000");
  lp_test_wait_label (lp_window_get_view (window, "localities"), "22,000");

  /* 900 fewer frailty admissions over 3 years: 25.0 a month across the
   * CCG, and NORTH PCN's share by its patients, 21,000 of 68,000. */
  modelling = LP_MODELLING_VIEW (lp_test_show_view (window, "modelling"));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (modelling, "Grand total", 0), ==, "25.0");
  g_assert_true (lp_modelling_view_select_locality (modelling, "NORTH PCN"));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (modelling, "Grand total", 0), ==, north_month);
  g_assert_cmpstr (north_month, ==, "7.7");

  /* 60,000 at +1.8% plans 61,080; a QIPP reduction of 500 means 61,580
   * without QIPP. */
  activity = LP_ACTIVITY_VIEW (lp_test_show_view (window, "activity"));
  lp_test_wait_cmpstr (lp_activity_view_get_line_cell (activity, NEL, LP_ACTIVITY_COLUMN_PLAN), ==, "61,080.0");
  g_assert_cmpstr (lp_activity_view_get_line_cell (activity, NEL, LP_ACTIVITY_COLUMN_QIPP), ==, "500.0");
  g_assert_cmpstr (lp_activity_view_get_line_cell (activity, NEL, LP_ACTIVITY_COLUMN_WITHOUT_QIPP), ==, "61,580.0");

  /* 100% from October 2018; X06K01 (12,000 of 68,000) live from then:
   * 17.6% planned; 30 minutes per 1,000 patients: 2,040.0 a week. */
  access = LP_ACCESS_VIEW (lp_test_show_view (window, "access"));
  lp_test_wait_nonnull (access_month (access, "Oct 2018"));
  lp_test_wait_cmpstr (access_month (access, "Oct 2018")->planned, ==, "17.6%");
  g_assert_cmpstr (access_month (access, "Oct 2018")->target, ==, "100.0%");
  g_assert_cmpstr (access_month (access, "Oct 2018")->required, ==, "2,040.0");
  g_assert_cmpstr (access_month (access, "Sep 2018")->planned, ==, "0.0%");

  /* 10.0 GP FTE entered by hand, +4 by 2019/20 Q4: 14.0. */
  workforce = LP_WORKFORCE_VIEW (lp_test_show_view (window, "workforce"));
  lp_test_wait_nonnull (lp_workforce_view_get_text (workforce));
  g_assert_true (lp_workforce_view_select (workforce, "GP", NULL));
  lp_test_wait_cmpstr (workforce_last_target (workforce), ==, "14.0");
}

/* Export the modelling table on screen (NORTH PCN, per month). */
static void
export_table (LpWindow *window)
{
  GtkWidget *view = lp_window_get_view (window, "modelling");
  g_autofree char *csv = lp_test_scratch_path ("first-plan-north.csv");
  g_autofree char *folder = g_path_get_dirname (csv);
  g_autofree char *text = NULL;
  const char *line;
  GtkWindow *chooser;

  lp_test_show_view (window, "modelling");
  g_assert_true (gtk_widget_activate_action (view, "modelling.export", "s", "modelling"));
  chooser = lp_test_wait_save_dialog ();
  lp_test_save_in_dialog (chooser, folder, "first-plan-north.csv", csv);
  lp_test_wait_loaded (window);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Locality Planner,Locality modelling\r\n"));
  g_assert_nonnull (strstr (text, "\r\nOrganisation,06K East and North Hertfordshire CCG\r\n"));
  g_assert_nonnull (strstr (text, "\r\nLocality,NORTH PCN\r\nScenario,Base\r\nPeriod,Per month\r\n"));
  g_assert_nonnull (strstr (text, "\r\nPlan as at,2018-10-01\r\n"));
  line = strstr (text, "\r\nGrand total,");
  g_assert_nonnull (line);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (line + strlen ("\r\nGrand total,"), NULL),
                                  900.0 / 36.0 * NORTH_PATIENTS / CCG_PATIENTS, 1e-9);
}

/* Print X06K01's handout to PDF: one A4 page. */
static void
print_handout (LpWindow *window)
{
  LpPracticePageView *view = LP_PRACTICE_PAGE_VIEW (lp_test_show_view (window, "practice-page"));
  g_autoptr(GtkPrintOperation) operation = NULL;

  lp_test_wait_true (lp_practice_page_view_select_practice (view, "X06K01"));
  lp_test_wait_true (!lp_view_get_busy (LP_VIEW (view)) && lp_practice_page_view_get_text (view) != NULL &&
                     g_str_has_prefix (lp_practice_page_view_get_text (view)->details, "X06K01 · "));
  operation = lp_practice_page_print_operation (lp_practice_page_view_get_text (view));
  lp_test_print_pdf (operation, GTK_WINDOW (window), "first-plan-handout.pdf", "/MediaBox [ 0 0 595");
}

static void
test_first_plan (void)
{
  g_autofree char *sample = lp_test_copy_sample ("First plan sample.lpplan");
  g_autofree char *path = lp_test_scratch_path ("First plan.lpplan");
  const char *const moved[] = { "X06K03", "X06K08", NULL };
  LpWindow *start = lp_test_open_window (sample, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  gint64 info_rows;
  LpWindow *window;
  LpPlan *plan;
  guint steps = 0;

  /* New Plan. */
  g_unlink (path);
  lp_application_new_plan (lp_test_app, path, GTK_WINDOW (start));
  lp_test_wait_until (has_windows, GUINT_TO_POINTER (2), "the new plan's window");
  lp_test_wait_nonnull (lp_application_find_window (lp_test_app, path));
  window = lp_application_find_window (lp_test_app, path);
  lp_test_wait_loaded (window);
  gtk_window_destroy (GTK_WINDOW (start));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  info_rows = rows_in (path, "plan_info");

  /* The NHS files, for one commissioner. */
  import_file (window, "epraccur.csv", "06K");
  import_file (window, "gp-reg-pat-prac-all.csv", NULL);
  import_file (window, "gp-reg-pat-prac-map.csv", "06K");
  g_assert_cmpint (rows_in (path, "practice"), ==, 8);
  g_assert_cmpint (rows_in (path, "list_size"), ==, 8);

  /* Localities from PCNs; two practices moved together. */
  lp_test_localities_make_from (window, "pcn");
  g_assert_cmpint (rows_in (path, "locality"), ==, 3);
  lp_test_practices_move (window, moved, "SOUTH PCN");

  /* The plan year and reference date; the organisation. */
  g_assert_null (lp_test_settings_set (window, "organisation_code", "06K"));
  g_assert_null (lp_test_settings_set (window, "organisation_name", "East and North Hertfordshire CCG"));
  lp_test_settings_set_year (window, "2018/19", "01/10/2018");

  /* Extended access: the trajectory, a capacity rule, a go-live. */
  lp_test_show_view (window, "access");
  lp_test_access_add_target (window, "2018/19 Q3", "100");
  lp_test_access_add_rule (window, "Extended access", "01/04/2018", "30", FALSE);
  lp_test_access_set_provision (window, "X06K01", "go_live", "01/10/2018");

  /* Workforce: a baseline by hand and +4 GP FTE. */
  lp_test_show_view (window, "workforce");
  lp_test_workforce_enter_baseline (window, "X06K01", "GP partner", "10");
  lp_test_workforce_add_target (window, "GP", "CCG", "4", "2019/20 Q4");

  /* A pathway change for the CCG. */
  lp_test_show_view (window, "modelling");
  lp_test_modelling_add_change (window, "In-patient", "Frailty", "CCG", "3", "900", "450");

  /* Activity: outturn, growth and a QIPP reduction. */
  lp_test_show_view (window, "activity");
  g_assert_null (lp_test_activity_set_outturn (window, NEL, "60,000"));
  g_assert_null (lp_test_activity_set_growth (window, NEL, "1.8"));
  g_assert_null (lp_test_activity_add_qipp (window, "Frailty", "NEL", "500", "£100,000"));

  check_figures (window);
  export_table (window);
  print_handout (window);
  lp_test_save_pngs (window, "first-plan");

  /* Every step undone, back to the empty plan. */
  plan = lp_window_get_plan (window);
  while (lp_plan_can_undo (plan))
    {
      g_test_message ("undo: %s", lp_plan_get_undo_label (plan));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
      steps++;
      g_assert_cmpuint (steps, <=, 50);
    }
  g_test_message ("%u steps undone", steps);
  /* Three imports, the localities and the move, three settings, three
   * access inputs, two workforce inputs, the pathway change and three
   * activity inputs: each one step. */
  g_assert_cmpuint (steps, ==, 17);
  for (guint i = 0; i < G_N_ELEMENTS (filled_tables); i++)
    if (rows_in (path, filled_tables[i]) != 0)
      g_error ("%s still has %" G_GINT64_FORMAT " rows after undoing everything", filled_tables[i],
               rows_in (path, filled_tables[i]));
  g_assert_cmpint (rows_in (path, "plan_info"), ==, info_rows);
  lp_test_wait_label (lp_test_show_view (window, "overview"), "Start Your Plan");
  lp_test_destroy_windows ();
}

int
main (int argc, char *argv[])
{
  lp_test_init (&argc, &argv);
  g_test_add_func ("/first-plan/journey", test_first_plan);
  return lp_test_run ();
}
