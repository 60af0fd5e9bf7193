/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import dialog and export under a real (virtual) display, on copies
 * of the sample plan: the preview and its dry run, an import that the
 * window then shows, a bad file that leaves the plan byte for byte as it
 * was, a cancelled import of a big file, dropping a file on the window,
 * and exports to CSV and Excel.  PNGs of the preview, the progress and
 * the summary land in the build folder for a person to look at. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "lp-import-dialog.h"
#include "lp-import-text.h"
#include "lp-practices-view.h"
#include "lp-test-polish.h"
#include "lp-test-util.h"
#include "test-sql.h"

/* Practices of the sample plan (data/sample/) and the fixture's figure. */
#define SAMPLE_PRACTICES 57
#define X06K01_NEW_SIZE  12400
/* Rows in the big file for the cancel test: enough that the import is
 * still going when the first progress reaches the main thread. */
#define BIG_ROWS         300000

static char *
fixture (const char *folder,
         const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", folder, name, NULL);
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
dialog_is_idle (gpointer dialog)
{
  return !lp_import_dialog_is_busy (dialog);
}

static void
wait_dialog_idle (LpImportDialog *dialog)
{
  lp_test_wait_until (dialog_is_idle, dialog, "the import dialog to finish its work");
}

/* Whether the widget has been drawn since its last change of size (a
 * summary page shown, an ODS check's line about closed practices): the
 * PNG needs the frame after it, which a busy machine may not have drawn
 * yet. */
static gboolean
has_drawn (gpointer data)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (data);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (data),
                          gtk_widget_get_height (data));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  return node != NULL;
}

static LpImportDialog *
open_dialog (LpWindow   *window,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LpImportDialog *dialog = lp_import_dialog_new (window, file);

  gtk_window_present (GTK_WINDOW (dialog));
  wait_dialog_idle (dialog);
  return dialog;
}

/* The newest list size of practice @code, read through a connection of
 * the test's own, as another program would see the file. */
static void
newest_list_size (const char  *plan_path,
                  const char  *code,
                  char       **date,
                  gint64      *patients)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (plan_path, LP_PLAN_OPEN_READ_ONLY, &error);
  g_autoptr(GListModel) practices = NULL;
  g_autoptr(GListModel) sizes = NULL;
  g_autoptr(LpListSize) size = NULL;
  gint64 id = 0;

  g_assert_no_error (error);
  practices = lp_plan_list_practices (plan, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (practices) && id == 0; i++)
    {
      g_autoptr(LpPractice) practice = g_list_model_get_item (practices, i);
      if (g_strcmp0 (lp_practice_get_ods_code (practice), code) == 0)
        id = lp_practice_get_id (practice);
    }
  g_assert_cmpint (id, !=, 0);
  sizes = lp_plan_list_list_sizes (plan, id, &error);
  g_assert_no_error (error);
  size = g_list_model_get_item (sizes, 0);
  *date = g_strdup (lp_list_size_get_extract_date (size));
  *patients = lp_list_size_get_patients (size);
}

static gint64
shown_list_size (LpWindow   *window,
                 const char *code)
{
  GtkWidget *view = lp_window_get_view (window, "practices");
  GListModel *model = lp_practices_view_get_model (LP_PRACTICES_VIEW (view));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LpPractice) practice = g_list_model_get_item (model, i);
      if (g_strcmp0 (lp_practice_get_ods_code (practice), code) == 0)
        return lp_practice_get_list_size (practice);
    }
  return -1;
}

static void
assert_preview_of_totals (LpImportDialog *dialog)
{
  const LpImportReport *check = lp_import_dialog_get_check (dialog);

  g_assert_no_error ((GError *) lp_import_dialog_get_error (dialog));
  g_assert_cmpstr (lp_import_dialog_get_page (dialog), ==, "preview");
  g_assert_cmpint (lp_import_dialog_get_kind (dialog), ==, LP_IMPORT_GP_REG_TOTALS);
  lp_test_wait_label (GTK_WIDGET (dialog), "NHS Digital practice list sizes");
  lp_test_wait_label (GTK_WIDGET (dialog), "gp-reg-pat-prac-all.csv");
  g_assert_cmpuint (lp_import_dialog_get_n_preview_rows (dialog), ==, 4);
  /* The dry run: A84002 is another CCG's practice, left out by default. */
  g_assert_nonnull (check);
  g_assert_cmpuint (check->rows_read, ==, 4);
  g_assert_cmpuint (check->rows_imported, ==, 3);
  g_assert_cmpuint (check->unknown_practices, ==, 1);
  g_assert_cmpuint (check->new_practices, ==, 0);
  g_assert_cmpuint (check->missing_practices->len, ==, SAMPLE_PRACTICES - 3);
  g_assert_cmpstr (lp_import_dialog_get_check_text (dialog), ==,
                   "4 rows; 3 to import.\n"
                   "1 practice is not in the plan and will be skipped.\n"
                   "54 of the plan’s 57 practices are not in the file.");
  lp_test_wait_label (GTK_WIDGET (dialog),
                                      "Uses the columns EXTRACT_DATE, TYPE, CODE, SEX, AGE, "
                                      "NUMBER_OF_PATIENTS.");
  g_assert_true (gtk_widget_get_sensitive (lp_import_dialog_get_import_button (dialog)));
}

static void
assert_summary_of_totals (LpImportDialog *dialog)
{
  const LpImportReport *report = lp_import_dialog_get_report (dialog);

  g_assert_no_error ((GError *) lp_import_dialog_get_error (dialog));
  g_assert_cmpstr (lp_import_dialog_get_page (dialog), ==, "done");
  g_assert_nonnull (report);
  g_assert_cmpuint (report->rows_imported, ==, 3);
  g_assert_cmpstr (report->extract_date, ==, "2021-01-01");
  g_assert_cmpstr (lp_import_dialog_get_done_text (dialog), ==,
                   "Imported 3 list sizes from gp-reg-pat-prac-all.csv");
  lp_test_wait_label (GTK_WIDGET (dialog), "Import Complete");
  lp_test_wait_label (GTK_WIDGET (dialog), "Rows read");
  lp_test_wait_label (GTK_WIDGET (dialog), "Practices not in the plan, skipped");
  lp_test_wait_label (GTK_WIDGET (dialog), "01/01/2021");
}

static void
test_import_totals (void)
{
  g_autofree char *path = lp_test_copy_sample ("Import.lpplan");
  g_autofree char *csv = fixture ("import", "gp-reg-pat-prac-all.csv");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpPlan *before = lp_window_get_plan (window);
  LpImportDialog *dialog = open_dialog (window, csv);
  g_autofree char *date = NULL;
  gint64 patients = 0;

  assert_preview_of_totals (dialog);
  lp_test_save_png (GTK_WIDGET (dialog), "import-preview.png");
  g_signal_emit_by_name (lp_import_dialog_get_import_button (dialog), "clicked");
  wait_dialog_idle (dialog);
  assert_summary_of_totals (dialog);
  lp_test_wait_until (has_drawn, dialog, "the dialog to be drawn");
  lp_test_save_png (GTK_WIDGET (dialog), "import-summary.png");

  newest_list_size (path, "X06K01", &date, &patients);
  g_assert_cmpstr (date, ==, "2021-01-01");
  g_assert_cmpint (patients, ==, X06K01_NEW_SIZE);
  /* The window opened the plan again and its Practices view shows it. */
  lp_test_await (lp_window_get_plan (window) != before);
  lp_test_wait_loaded (window);
  g_assert_true (lp_window_get_plan (window) != before);
  g_assert_cmpstr (lp_window_get_visible_view (window), ==, "overview");
  /* A view reads the plan only while shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "practices"));
  lp_test_wait_cmpint (shown_list_size (window, "X06K01"), ==, X06K01_NEW_SIZE);
  lp_test_wait_label (GTK_WIDGET (window),
                                      "Imported 3 list sizes from gp-reg-pat-prac-all.csv");
  lp_test_destroy_windows ();
}

/* A file that cannot be read shows core's reason, with the file and
 * line, and the plan file stays byte for byte as it was. */
static void
test_import_bad_file (void)
{
  g_autofree char *path = lp_test_copy_sample ("Bad.lpplan");
  g_autofree char *csv = fixture ("csv", "bad/unterminated-quote.csv");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  g_autofree char *sum = file_checksum (path);
  LpImportDialog *dialog = open_dialog (window, csv);
  const GError *error = lp_import_dialog_get_error (dialog);
  g_autofree char *after = NULL;

  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "unterminated-quote.csv"));
  g_assert_cmpstr (lp_import_dialog_get_page (dialog), ==, "done");
  g_assert_nonnull (strstr (lp_import_dialog_get_done_text (dialog), error->message));
  g_assert_true (g_str_has_suffix (lp_import_dialog_get_done_text (dialog),
                                   lp_import_text_unchanged ()));
  g_assert_null (lp_import_dialog_get_report (dialog));
  /* Importing it anyway fails the same way and changes nothing. */
  lp_import_dialog_start_import (dialog);
  wait_dialog_idle (dialog);
  error = lp_import_dialog_get_error (dialog);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "unterminated-quote.csv"));
  lp_test_wait_label (GTK_WIDGET (dialog), "Could Not Import the File");
  lp_test_save_png (GTK_WIDGET (dialog), "import-error.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  lp_test_wait_closed (dialog);
  lp_test_wait_idle ();
  after = file_checksum (path);
  g_assert_cmpstr (after, ==, sum);
  lp_test_destroy_windows ();
}

/* The switch of the options row titled @title. */
static GtkSwitch *
option_switch (LpImportDialog *dialog,
               const char     *title)
{
  GtkWidget *label = lp_test_find_widget (GTK_WIDGET (dialog), lp_test_is_label, title);
  GtkWidget *row = label != NULL ? gtk_widget_get_ancestor (label, ADW_TYPE_ACTION_ROW) : NULL;

  g_assert_nonnull (row);
  return GTK_SWITCH (lp_test_find_type (row, GTK_TYPE_SWITCH));
}

/* Scrolls the page holding the label @text to its end, for a PNG. */
static void
scroll_to_end (LpImportDialog *dialog,
               const char     *text)
{
  GtkWidget *label = lp_test_find_widget (GTK_WIDGET (dialog), lp_test_is_label, text);

  lp_test_scroll_to (gtk_widget_get_ancestor (label, GTK_TYPE_SCROLLED_WINDOW), 1);
}

/* Two bad counts: the check names the first and offers no import; with
 * "Skip bad rows and list them" the good rows go in and the summary lists
 * the bad ones with line, column and value. */
static void
test_import_skip_bad_rows (void)
{
  g_autofree char *path = lp_test_copy_sample ("Skip.lpplan");
  g_autofree char *csv = lp_test_scratch_path ("gp-reg-pat-prac-all-bad.csv");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpImportDialog *dialog;
  const LpImportReport *report;

  g_assert_true (g_file_set_contents (csv,
      "PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n"
      "GP_PRAC_PAT_LIST,01JAN2021,GP,06K,E38000049,X06K01,SG4 9ZE,ALL,ALL,12400\n"
      "GP_PRAC_PAT_LIST,01JAN2021,GP,06K,E38000049,X06K02,SG6 9ZL,ALL,ALL,12a\n"
      "GP_PRAC_PAT_LIST,01JAN2021,GP,06K,E38000049,X06K03,SG7 7ZP,ALL,ALL,-5\n", -1, NULL));
  dialog = open_dialog (window, csv);
  g_assert_null (lp_import_dialog_get_check (dialog));
  g_assert_nonnull (lp_import_dialog_get_error (dialog));
  g_assert_nonnull (strstr (lp_import_dialog_get_check_text (dialog), "line 3"));
  g_assert_false (gtk_widget_get_sensitive (lp_import_dialog_get_import_button (dialog)));

  gtk_switch_set_active (option_switch (dialog, "Skip bad rows and list them"), TRUE);
  wait_dialog_idle (dialog);
  lp_test_wait_nonnull (lp_import_dialog_get_check (dialog));
  g_assert_cmpuint (lp_import_dialog_get_check (dialog)->rows_skipped, ==, 2);
  g_assert_true (gtk_widget_get_sensitive (lp_import_dialog_get_import_button (dialog)));
  lp_import_dialog_start_import (dialog);
  wait_dialog_idle (dialog);
  report = lp_import_dialog_get_report (dialog);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->rows_imported, ==, 1);
  g_assert_cmpuint (report->problems->len, ==, 2);
  lp_test_wait_label (GTK_WIDGET (dialog), "Rejected Rows");
  lp_test_wait_label (GTK_WIDGET (dialog), "Line 3 · NUMBER_OF_PATIENTS · “12a”");
  scroll_to_end (dialog, "Rejected Rows");
  lp_test_save_png (GTK_WIDGET (dialog), "import-rejected.png");
  lp_test_destroy_windows ();
}

/* epraccur has no header and lists every practice in England: the
 * preview shows its rows without one, practices are added by default,
 * and the commissioner starts as the plan's own (06K). */
static void
test_import_epraccur (void)
{
  g_autofree char *path = lp_test_copy_sample ("Epraccur.lpplan");
  g_autofree char *csv = fixture ("import", "epraccur.csv");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpImportDialog *dialog = open_dialog (window, csv);
  GtkWidget *commissioner = lp_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);

  g_assert_no_error ((GError *) lp_import_dialog_get_error (dialog));
  g_assert_cmpint (lp_import_dialog_get_kind (dialog), ==, LP_IMPORT_ODS_EPRACCUR);
  lp_test_wait_label (GTK_WIDGET (dialog), "ODS list of GP practices (epraccur)");
  g_assert_cmpuint (lp_import_dialog_get_n_preview_rows (dialog), ==, 4);
  g_assert_true (gtk_switch_get_active (option_switch (dialog, "Add practices the plan does not have")));
  g_assert_true (gtk_widget_get_mapped (commissioner));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (commissioner)), ==, "06K");
  lp_test_wait_label (GTK_WIDGET (dialog), "Showing the first 12 of 27 columns.");
  g_assert_cmpuint (lp_import_dialog_get_check (dialog)->rows_imported, ==, 2);
  lp_test_wait_until (has_drawn, dialog, "the dialog to be drawn");
  lp_test_save_png (GTK_WIDGET (dialog), "import-epraccur.png");
  /* Every commissioner's: A84002 (00L) comes in too; still not the prison. */
  gtk_editable_set_text (GTK_EDITABLE (commissioner), "");
  g_signal_emit_by_name (commissioner, "apply");
  wait_dialog_idle (dialog);
  g_assert_cmpuint (lp_import_dialog_get_check (dialog)->rows_imported, ==, 3);
  /* Adding every commissioner's practices waits for an explicit yes that
   * says how many: here one (A84002); the plan's own 06K are known. */
  g_assert_cmpuint (lp_import_dialog_get_check (dialog)->new_practices, ==, 1);
  lp_test_wait_label (GTK_WIDGET (dialog), "Yes, add all 1 practice in England");
  g_assert_false (gtk_widget_get_sensitive (lp_import_dialog_get_import_button (dialog)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (lp_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON)),
                               TRUE);
  g_assert_true (gtk_widget_get_sensitive (lp_import_dialog_get_import_button (dialog)));
  lp_test_save_png (GTK_WIDGET (dialog), "import-epraccur-all-england.png");
  /* Not adding practices needs no yes. */
  gtk_switch_set_active (option_switch (dialog, "Add practices the plan does not have"), FALSE);
  wait_dialog_idle (dialog);
  g_assert_false (gtk_widget_is_visible (lp_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON)));
  g_assert_true (gtk_widget_get_sensitive (lp_import_dialog_get_import_button (dialog)));
  lp_test_destroy_windows ();
}

/* A totals file of made-up practices (Z00000…, Y00000…, …). */
static char *
write_big_file (void)
{
  g_autofree char *path = lp_test_scratch_path ("gp-reg-pat-prac-all-big.csv");
  g_autoptr(GString) text = g_string_new ("PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,"
                                          "POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\r\n");
  static const char letters[] = "ZYWV";

  for (guint i = 0; i < BIG_ROWS; i++)
    g_string_append_printf (text, "GP_PRAC_PAT_LIST,01JAN2021,GP,06K,E38000049,%c%05u,"
                            "SG4 9ZE,ALL,ALL,%u\r\n", letters[i / 100000], i % 100000, 1000 + i % 9000);
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  return g_steal_pointer (&path);
}

static gboolean
progress_shown (gpointer dialog)
{
  return lp_import_dialog_get_fraction (dialog) > 0.0 || !lp_import_dialog_is_busy (dialog);
}

static gboolean
progress_fifth (gpointer dialog)
{
  return lp_import_dialog_get_fraction (dialog) >= 0.2 || !lp_import_dialog_is_busy (dialog);
}

/* The big file, with "Add practices the plan does not have" on: each row
 * adds a practice, which keeps the import busy for a while.  The check
 * with that option is left running: Import replaces it. */
static LpImportDialog *
open_big_dialog (LpWindow   *window,
                 const char *csv)
{
  LpImportDialog *dialog = open_dialog (window, csv);

  g_assert_cmpuint (lp_import_dialog_get_check (dialog)->unknown_practices, ==, BIG_ROWS);
  gtk_switch_set_active (option_switch (dialog, "Add practices the plan does not have"), TRUE);
  g_assert_true (lp_import_dialog_is_busy (dialog));
  return dialog;
}

static void
assert_cancelled (LpImportDialog *dialog,
                  const char     *plan_path,
                  const char     *checksum)
{
  g_autofree char *after = NULL;
  gpointer alive = dialog;

  wait_dialog_idle (dialog);
  g_assert_error ((GError *) lp_import_dialog_get_error (dialog), G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (lp_import_dialog_get_report (dialog));
  lp_test_wait_label (GTK_WIDGET (dialog), "Import Cancelled");
  g_assert_cmpstr (lp_import_dialog_get_done_text (dialog), ==, lp_import_text_unchanged ());
  g_object_add_weak_pointer (G_OBJECT (dialog), &alive);
  gtk_window_destroy (GTK_WINDOW (dialog));
  lp_test_wait_closed (dialog);
  /* Gone for good once the check of the file that the import cancelled
   * has let it go on the worker: a dialog destroyed before its window
   * that outlives the window is left pointing at it, and fails as it
   * goes (GTK 4.8, with destroy-with-parent). */
  lp_test_wait_null (alive);
  lp_test_wait_idle ();
  after = file_checksum (plan_path);
  g_assert_cmpstr (after, ==, checksum);
}

/* Cancelled right after the first progress, the plan is unchanged.  A
 * second import, cancelled a fifth of the way through (with a PNG of the
 * dialog then), leaves it unchanged too. */
static void
test_import_cancel (void)
{
  g_autofree char *path = lp_test_copy_sample ("Cancel.lpplan");
  g_autofree char *csv = write_big_file ();
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  g_autofree char *sum = file_checksum (path);
  LpImportDialog *dialog = open_big_dialog (window, csv);
  double fraction;

  lp_import_dialog_start_import (dialog);
  lp_test_wait_until (progress_shown, dialog, "the import's first progress");
  g_assert_true (lp_import_dialog_is_busy (dialog));
  lp_import_dialog_cancel_import (dialog);
  assert_cancelled (dialog, path, sum);

  dialog = open_big_dialog (window, csv);
  lp_import_dialog_start_import (dialog);
  lp_test_wait_until (progress_fifth, dialog, "the import to be a fifth of the way through");
  g_assert_true (lp_import_dialog_is_busy (dialog));
  lp_test_wait_frame ();   /* for the bar to be laid out */
  fraction = lp_import_dialog_get_fraction (dialog);
  g_assert_cmpfloat (fraction, >, 0.0);
  g_assert_cmpfloat (fraction, <, 1.0);
  lp_test_save_png (GTK_WIDGET (dialog), "import-progress.png");
  lp_import_dialog_cancel_import (dialog);
  assert_cancelled (dialog, path, sum);
  g_unlink (csv);
  lp_test_destroy_windows ();
}

/* A dialog closed while something still holds it (as an import's worker
 * may, a moment after a cancel) can outlive the window it was for: it
 * must let go of that window as it closes, not once it is freed. */
static void
test_import_outlives_window (void)
{
  g_autofree char *path = lp_test_copy_sample ("Outlives.lpplan");
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "gp-reg-pat-prac-all.csv",
                                                NULL);
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpImportDialog *dialog = open_dialog (window, csv);
  gpointer held = g_object_ref (dialog);

  gtk_window_destroy (GTK_WINDOW (dialog));
  lp_test_wait_closed (dialog);
  g_assert_null (gtk_window_get_transient_for (GTK_WINDOW (held)));
  lp_test_destroy_windows ();
  g_object_unref (held);

  /* And one closed along with its window. */
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  dialog = open_dialog (window, csv);
  held = g_object_ref (dialog);
  lp_test_destroy_windows ();
  g_assert_null (gtk_window_get_transient_for (GTK_WINDOW (held)));
  g_object_unref (held);
}

static GtkDropTarget *
window_drop_target (LpWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static guint
count_import_dialogs (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    n += LP_IS_IMPORT_DIALOG (l->data);
  return n;
}

/* Dropping a file on the window opens the import dialog on it. */
static void
test_import_drop (void)
{
  g_autofree char *path = lp_test_copy_sample ("Drop.lpplan");
  g_autofree char *csv = fixture ("import", "gp-reg-pat-prac-all.csv");
  g_autofree char *epraccur = fixture ("import", "epraccur.csv");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  GtkDropTarget *target = window_drop_target (window);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_auto(GValue) value = G_VALUE_INIT;
  LpImportDialog *dialog;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  dialog = LP_IMPORT_DIALOG (lp_test_wait_toplevel (LP_TYPE_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  wait_dialog_idle (dialog);
  g_assert_cmpint (lp_import_dialog_get_kind (dialog), ==, LP_IMPORT_GP_REG_TOTALS);

  /* Another file dropped goes to the same dialog: one import at a time. */
  g_value_take_object (&value, g_file_new_for_path (epraccur));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  lp_test_wait_cmpint (lp_import_dialog_get_kind (dialog), ==, LP_IMPORT_ODS_EPRACCUR);
  wait_dialog_idle (dialog);
  g_assert_cmpuint (count_import_dialogs (), ==, 1);
  lp_test_destroy_windows ();
}

/* The menu's Import… opens the dialog on its "choose a file" page; a
 * read-only plan offers no import at all. */
static void
test_import_action (void)
{
  g_autofree char *path = lp_test_copy_sample ("Action.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  LpWindow *read_only;
  LpImportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  dialog = LP_IMPORT_DIALOG (lp_test_wait_toplevel (LP_TYPE_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (lp_import_dialog_get_page (dialog), ==, "choose");
  lp_test_save_png (GTK_WIDGET (dialog), "import-choose.png");
  lp_test_destroy_windows ();

  read_only = lp_test_open_window (path, LP_PLAN_OPEN_READ_ONLY, 1280, 800);
  gtk_widget_activate_action (GTK_WIDGET (read_only), "win.import", NULL);
  lp_test_wait_idle ();
  g_assert_null (lp_test_find_toplevel (LP_TYPE_IMPORT_DIALOG));
  lp_test_destroy_windows ();
}

static guint
count_lines (const char *path)
{
  g_autofree char *contents = NULL;
  guint lines = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (const char *p = contents; *p != '\0'; p++)
    lines += *p == '\n';
  return lines;
}

static void
export_and_wait (LpWindow   *window,
                 const char *name,
                 const char *dest)
{
  lp_window_export (window, name, dest, LP_EXPORT_DEFAULT);
  g_assert_true (lp_window_is_busy (window));
  lp_test_wait_loaded (window);   /* waits until the window is not busy */
}

static gboolean
label_has_line (GtkWidget     *widget,
                gconstpointer  line)
{
  g_auto(GStrv) lines = NULL;

  if (!GTK_IS_LABEL (widget))
    return FALSE;
  lines = g_strsplit (gtk_label_get_text (GTK_LABEL (widget)), "\n", -1);
  return g_strv_contains ((const char * const *) lines, line);
}

/* The practice map for one commissioner can make the localities too: the
 * check says what it will make before anything changes, the import does
 * it, and one undo takes the whole import back. */
static void
test_import_map_localities (void)
{
  g_autofree char *path = lp_test_scratch_path ("Map localities.lpplan");
  g_autofree char *ods = fixture ("first-plan", "epraccur.csv");
  g_autofree char *map = fixture ("first-plan", "gp-reg-pat-prac-map.csv");
  LpImportOptions options = { .add_new_practices = TRUE, .commissioner = "06K" };
  g_autoptr(LpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  LpImportDialog *dialog;
  LpWindow *window;
  GtkWidget *commissioner;
  AdwComboRow *localities;

  g_unlink (path);
  {
    g_autoptr(LpPlan) plan = lp_plan_create (path, &error);

    g_assert_no_error (error);
    report = lp_plan_import (plan, ods, &options, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->new_practices, ==, 8);
  }
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  dialog = open_dialog (window, map);
  g_assert_cmpint (lp_import_dialog_get_kind (dialog), ==, LP_IMPORT_GP_REG_MAP);
  localities = ADW_COMBO_ROW (lp_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (localities)));
  commissioner = lp_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (commissioner), "06K");
  g_signal_emit_by_name (commissioner, "apply");
  wait_dialog_idle (dialog);
  /* The other commissioner's two practices are left out, not counted. */
  g_assert_cmpuint (lp_import_dialog_get_check (dialog)->rows_imported, ==, 8);
  g_assert_cmpuint (lp_import_dialog_get_check (dialog)->unknown_practices, ==, 0);
  g_assert_null (lp_import_dialog_get_check (dialog)->localities_made);

  adw_combo_row_set_selected (localities, 1);   /* one per PCN */
  wait_dialog_idle (dialog);
  g_assert_cmpstr (lp_import_dialog_get_check (dialog)->localities_made, ==,
                   "3 localities; 7 practices assigned; 1 practice has no PCN and stays unassigned.");
  /* A line of the check's sentences. */
  g_assert_nonnull (lp_test_find_widget (GTK_WIDGET (dialog), label_has_line,
                                         "Localities: 3 localities; 7 practices assigned; "
                                         "1 practice has no PCN and stays unassigned."));
  g_assert_cmpuint (lp_test_count_localities (path), ==, 0);
  lp_test_wait_until (has_drawn, dialog, "the dialog to be drawn");
  scroll_to_end (dialog, "Options");
  lp_test_save_png (GTK_WIDGET (dialog), "import-map-localities.png");

  g_signal_emit_by_name (lp_import_dialog_get_import_button (dialog), "clicked");
  wait_dialog_idle (dialog);
  g_assert_no_error ((GError *) lp_import_dialog_get_error (dialog));
  g_assert_cmpuint (lp_test_count_localities (path), ==, 3);
  lp_test_wait_loaded (window);
  lp_test_await (lp_plan_can_undo (lp_window_get_plan (window)));
  g_assert_cmpstr (lp_plan_get_undo_label (lp_window_get_plan (window)), ==, "Import gp-reg-pat-prac-map.csv");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (lp_test_count_localities (path), ==, 0);
  lp_test_destroy_windows ();
}

/* A count read by @db, in the transaction it has open (a new reader would
 * wait: the writer putting the copy back holds the file's pending lock). */
static gint64
count_in (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Undoes or redoes the window's newest step, kept as a copy of the plan,
 * while another program reads the file: the copy cannot be put back until
 * it stops, and meanwhile the window, busy and taking no edits, keeps
 * running its main loop.  Then the window opens the plan again as the step
 * left it, its history carried on. */
static void
move_copy_step (LpWindow   *window,
                const char *path,
                const char *action,
                guint       localities_before)
{
  sqlite3 *reader = NULL;
  gboolean idle_ran = FALSE;

  g_assert_cmpint (sqlite3_open_v2 (path, &reader, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (reader, "BEGIN; SELECT count (*) FROM locality;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  g_assert_true (lp_window_is_busy (window));
  g_assert_false (gtk_widget_get_sensitive (lp_test_find_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET)));
  g_idle_add (set_flag, &idle_ran);
  lp_test_wait_true (idle_ran);
  /* Still waiting for the reader, and nothing changed yet. */
  g_assert_true (lp_window_is_busy (window));
  g_assert_false (lp_plan_can_undo (lp_window_get_plan (window)));
  g_assert_cmpint (count_in (reader, "SELECT count (*) FROM locality"), ==, localities_before);
  if (g_str_equal (action, "win.undo"))
    {
      lp_test_wait_frame ();
      lp_test_save_png (GTK_WIDGET (window), "import-undo-by-copy.png");
    }
  g_assert_cmpint (sqlite3_exec (reader, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (reader);
  lp_test_wait_loaded (window);
  g_assert_true (gtk_widget_get_sensitive (lp_test_find_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET)));
}

/* An import undone by a copy of the plan (any file above the limit; here
 * the limit is 1 byte) is undone and redone on a worker. */
static void
test_import_undo_by_copy (void)
{
  g_autofree char *path = lp_test_scratch_path ("Undo by copy.lpplan");
  g_autofree char *ods = fixture ("first-plan", "epraccur.csv");
  g_autofree char *map = fixture ("first-plan", "gp-reg-pat-prac-map.csv");
  LpImportOptions options = { .add_new_practices = TRUE, .commissioner = "06K" };
  g_autoptr(LpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  LpImportDialog *dialog;
  LpWindow *window;
  LpPlan *plan;

  g_unlink (path);
  {
    g_autoptr(LpPlan) made = lp_plan_create (path, &error);

    g_assert_no_error (error);
    report = lp_plan_import (made, ods, &options, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  lp_import_set_record_max_bytes (1);
  dialog = open_dialog (window, map);
  gtk_editable_set_text (GTK_EDITABLE (lp_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW)), "06K");
  g_signal_emit_by_name (lp_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW), "apply");
  wait_dialog_idle (dialog);
  adw_combo_row_set_selected (ADW_COMBO_ROW (lp_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW)), 1);
  wait_dialog_idle (dialog);
  g_signal_emit_by_name (lp_import_dialog_get_import_button (dialog), "clicked");
  wait_dialog_idle (dialog);
  lp_import_set_record_max_bytes (0);
  g_assert_no_error ((GError *) lp_import_dialog_get_error (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  lp_test_wait_loaded (window);
  lp_test_await (lp_plan_can_undo (lp_window_get_plan (window)));
  plan = lp_window_get_plan (window);
  g_assert_true (lp_plan_next_undo_is_copy (plan));
  g_assert_cmpuint (lp_test_count_localities (path), ==, 3);

  move_copy_step (window, path, "win.undo", 3);
  plan = lp_window_get_plan (window);
  g_assert_cmpuint (lp_test_count_localities (path), ==, 0);
  g_assert_false (lp_plan_can_undo (plan));
  g_assert_cmpstr (lp_plan_get_redo_label (plan), ==, "Import gp-reg-pat-prac-map.csv");

  move_copy_step (window, path, "win.redo", 0);
  plan = lp_window_get_plan (window);
  g_assert_cmpuint (lp_test_count_localities (path), ==, 3);
  g_assert_false (lp_plan_can_redo (plan));
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Import gp-reg-pat-prac-map.csv");
  g_assert_true (lp_plan_next_undo_is_copy (plan));

  /* And with nobody else reading, as the end-to-end test does it. */
  lp_test_polish_undo (window);
  g_assert_cmpuint (lp_test_count_localities (path), ==, 0);
  lp_test_polish_redo (window);
  g_assert_cmpuint (lp_test_count_localities (path), ==, 3);
  lp_test_destroy_windows ();
}

/* Exports run on a worker: the practices view to CSV (a header and the
 * sample's 57 practices), every table to a workbook; a name the core
 * refuses ends in a dialog with its reason. */
static void
test_export (void)
{
  g_autofree char *path = lp_test_copy_sample ("Export.lpplan");
  g_autofree char *csv = lp_test_scratch_path ("practices.csv");
  g_autofree char *xlsx = lp_test_scratch_path ("all.xlsx");
  g_autofree char *bad = lp_test_scratch_path ("all.csv");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  g_autofree char *head = NULL;

  export_and_wait (window, "practices", csv);
  /* What the table is (title, plan, organisation, as at, exported), an
   * empty line, then the header and the practices. */
  g_assert_cmpuint (count_lines (csv), ==, 5 + 1 + SAMPLE_PRACTICES + 1);
  g_assert_true (g_file_get_contents (csv, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "Locality Planner,Practices\r\n"));
  g_assert_nonnull (strstr (head, "\r\n\r\nCode,Name,Locality,"));
  g_clear_pointer (&head, g_free);
  export_and_wait (window, "all", xlsx);
  g_assert_true (g_file_get_contents (xlsx, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "PK"));   /* a zip, as .xlsx files are */
  g_assert_null (lp_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  export_and_wait (window, "all", bad);
  g_assert_nonnull (lp_test_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  lp_test_destroy_windows ();
}

/* Each data view's Export button asks where to save, suggesting a name. */
static void
test_export_button (void)
{
  g_autofree char *path = lp_test_copy_sample ("Export button.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  GtkWindow *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "practices"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", "s", "practices"));
  /* Shown before its window goes, as a person would see it. */
  chooser = lp_test_wait_save_dialog ();
  g_assert_nonnull (chooser);
  g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (window));
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                   "practices.xlsx");
  lp_test_destroy_windows ();
}

static gboolean
row_titled (GtkWidget     *widget,
            gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* A weighted population per practice: named and dated in the Options (the
 * file has no date, which the check says), then imported as one step. */
static void
test_import_weighted (void)
{
  g_autofree char *path = lp_test_scratch_path ("Weighted.lpplan");
  g_autofree char *csv = lp_test_scratch_path ("pcn-adjusted.csv");
  g_autofree char *fixture_sql = test_fixture_sql ("population-bases.sql");
  g_autoptr(GError) error = NULL;
  LpImportDialog *dialog;
  LpWindow *window;
  GtkWidget *name_row;
  GtkWidget *as_at_row;

  g_unlink (path);
  {
    g_autoptr(LpPlan) plan = lp_plan_create (path, &error);
    g_assert_no_error (error);
  }
  test_sql_on_file (path, fixture_sql);
  g_assert_true (g_file_set_contents (csv, "Practice Code,Adjusted Population\n"
                                           "N00001,5100\nN00002,4900\nS00001,\"10,250\"\n", -1, NULL));
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  dialog = open_dialog (window, csv);
  g_assert_cmpint (lp_import_dialog_get_kind (dialog), ==, LP_IMPORT_WEIGHTED_POPULATION);
  g_assert_nonnull (lp_import_dialog_get_error (dialog));
  g_assert_cmpstr (lp_import_dialog_get_error (dialog)->message, ==,
                   "pcn-adjusted.csv does not say the date its figures are as at: give the date");
  name_row = lp_test_find_widget (GTK_WIDGET (dialog), row_titled, "Name, chosen as “weighted NAME”");
  as_at_row = lp_test_find_widget (GTK_WIDGET (dialog), row_titled,
                                   "As at (YYYY-MM-DD; empty: the file’s EXTRACT_DATE)");
  g_assert_true (gtk_widget_get_visible (name_row) && gtk_widget_get_visible (as_at_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "PCN adjusted");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "PCN 2023");
  gtk_editable_set_text (GTK_EDITABLE (as_at_row), "2023-01-01");
  g_signal_emit_by_name (as_at_row, "apply");
  wait_dialog_idle (dialog);
  g_assert_null (lp_import_dialog_get_error (dialog));
  g_assert_cmpuint (lp_import_dialog_get_check (dialog)->rows_imported, ==, 3);
  g_assert_cmpstr (lp_import_dialog_get_check (dialog)->extract_date, ==, "2023-01-01");
  lp_test_wait_until (has_drawn, dialog, "the dialog to be drawn");
  scroll_to_end (dialog, "Options");
  lp_test_save_png (GTK_WIDGET (dialog), "import-weighted.png");

  g_signal_emit_by_name (lp_import_dialog_get_import_button (dialog), "clicked");
  wait_dialog_idle (dialog);
  g_assert_no_error ((GError *) lp_import_dialog_get_error (dialog));
  g_assert_cmpint (test_sql_int (path, "SELECT count (*) FROM population_weights WHERE name = 'PCN 2023' "
                                       "AND kind = 'imported' AND source = 'pcn-adjusted.csv'"), ==, 1);
  g_assert_cmpint (test_sql_int (path, "SELECT sum (population) FROM weighted_population "
                                       "WHERE as_at = '2023-01-01'"), ==, 20250);
  lp_test_wait_loaded (window);
  lp_test_await (lp_plan_can_undo (lp_window_get_plan (window)));
  g_assert_cmpstr (lp_plan_get_undo_label (lp_window_get_plan (window)), ==, "Import pcn-adjusted.csv");
  lp_test_destroy_windows ();
}

int
main (int    argc,
      char **argv)
{
  lp_test_init (&argc, &argv);

  g_test_add_func ("/import-dialog/totals", test_import_totals);
  g_test_add_func ("/import-dialog/epraccur", test_import_epraccur);
  g_test_add_func ("/import-dialog/map-localities", test_import_map_localities);
  g_test_add_func ("/import-dialog/weighted", test_import_weighted);
  g_test_add_func ("/import-dialog/undo-by-copy", test_import_undo_by_copy);
  g_test_add_func ("/import-dialog/bad-file", test_import_bad_file);
  g_test_add_func ("/import-dialog/skip-bad-rows", test_import_skip_bad_rows);
  g_test_add_func ("/import-dialog/cancel", test_import_cancel);
  g_test_add_func ("/import-dialog/outlives-window", test_import_outlives_window);
  g_test_add_func ("/import-dialog/drop", test_import_drop);
  g_test_add_func ("/import-dialog/action", test_import_action);
  g_test_add_func ("/import-dialog/export", test_export);
  g_test_add_func ("/import-dialog/export-button", test_export_button);
  return lp_test_run ();
}
