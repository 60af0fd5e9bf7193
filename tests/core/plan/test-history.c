/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undo and redo of edits, checked against what the plan file holds. */
#include <glib/gstdio.h>

#include "core-test-util.h"

typedef struct {
  char   *dir;
  LpPlan *plan;
  gint64  locality;
  gint64  practice;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  LpLocalityFields locality = { "Lower Lea Valley", "LL", NULL };
  LpPracticeFields practice = { "X06K50", "Cheshunt Surgery", "EN8 9ZZ", 0, NULL, NULL };

  f->dir = test_tmp_dir ();
  f->plan = test_new_plan (f->dir);
  f->locality = lp_plan_add_locality (f->plan, &locality, NULL);
  practice.locality_id = f->locality;
  f->practice = lp_plan_add_practice (f->plan, &practice, NULL);
  g_assert_true (lp_plan_set_list_size (f->plan, f->practice, "2018-01-01", 9000, NULL, NULL));
  lp_plan_clear_history (f->plan);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->plan);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

static gint64
file_int (Fixture *f, const char *sql)
{
  return test_sql_int (lp_plan_get_path (f->plan), sql);
}

#define LIST_SIZE "SELECT patients FROM list_size WHERE extract_date = '2018-01-01'"

static void
test_undo_redo_edit (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (lp_plan_can_undo (f->plan));
  g_assert_true (lp_plan_set_list_size (f->plan, f->practice, "2018-01-01", 9500, NULL, &error));
  g_assert_true (lp_plan_can_undo (f->plan));
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Edit list size");
  g_assert_cmpint (file_int (f, LIST_SIZE), ==, 9500);

  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_int (f, LIST_SIZE), ==, 9000);
  g_assert_false (lp_plan_can_undo (f->plan));
  g_assert_true (lp_plan_can_redo (f->plan));

  g_assert_true (lp_plan_redo (f->plan, &error));
  g_assert_cmpint (file_int (f, LIST_SIZE), ==, 9500);
  g_assert_false (lp_plan_can_redo (f->plan));

  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_false (lp_plan_undo (f->plan, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
}

static void
test_undo_delete_with_cascade (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPractice) back = NULL;

  g_assert_true (lp_plan_delete_practice (f->plan, f->practice, &error));
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Delete practice");
  g_assert_cmpint (file_int (f, "SELECT count(*) FROM list_size"), ==, 0);
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  /* The practice comes back with the same key and its list size. */
  back = lp_plan_get_practice (f->plan, f->practice, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lp_practice_get_ods_code (back), ==, "X06K50");
  g_assert_cmpint (lp_practice_get_list_size (back), ==, 9000);
}

static void
test_new_edit_clears_redo (Fixture *f, gconstpointer data)
{
  LpLocalityFields renamed = { "Broxbourne", "LL", NULL };

  g_assert_true (lp_plan_set_list_size (f->plan, f->practice, "2018-01-01", 9500, NULL, NULL));
  g_assert_true (lp_plan_undo (f->plan, NULL));
  g_assert_true (lp_plan_can_redo (f->plan));
  g_assert_true (lp_plan_update_locality (f->plan, f->locality, &renamed, NULL));
  g_assert_false (lp_plan_can_redo (f->plan));
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Edit locality");
}

static void
test_failed_edit_is_not_a_step (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (lp_plan_set_list_size (f->plan, f->practice, "2018-01-01", -5, NULL, &error));
  g_assert_false (lp_plan_can_undo (f->plan));
}

static void
test_form_is_one_step (Fixture *f, gconstpointer data)
{
  LpPracticeForm form = { "X06K50", "Cheshunt Surgery", "EN8 9ZZ", 0, "active", NULL, "9,750", "" };
  g_autoptr(GError) error = NULL;

  form.locality_id = f->locality;
  g_assert_cmpint (lp_plan_save_practice_form (f->plan, f->practice, &form, NULL, &error), ==, f->practice);
  g_assert_no_error (error);
  g_assert_cmpint (file_int (f, LIST_SIZE), ==, 9750);
  /* The practice and its list size were saved together: one undo. */
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_cmpint (file_int (f, LIST_SIZE), ==, 9000);
  g_assert_false (lp_plan_can_undo (f->plan));
}

/* A dialog names its step for what the user did: a practice saved with
 * only its list size changed is "Edit practice", redone too; once the name
 * is taken back, steps are named by their first row again. */
static void
test_step_label (Fixture *f, gconstpointer data)
{
  LpPracticeForm form = { "X06K50", "Cheshunt Surgery", "EN8 9ZZ", 0, "active", NULL, "9,750", "" };
  g_autoptr(GError) error = NULL;

  form.locality_id = f->locality;
  lp_plan_set_step_label (f->plan, "Edit practice");
  g_assert_cmpint (lp_plan_save_practice_form (f->plan, f->practice, &form, NULL, &error), ==, f->practice);
  g_assert_no_error (error);
  lp_plan_set_step_label (f->plan, NULL);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Edit practice");
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_cmpstr (lp_plan_get_redo_label (f->plan), ==, "Edit practice");
  g_assert_true (lp_plan_redo (f->plan, &error));
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Edit practice");

  g_assert_true (lp_plan_set_list_size (f->plan, f->practice, "2018-01-01", 9500, NULL, &error));
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Edit list size");
}

static void
on_notify (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
on_changed (LpPlan *plan, const char *table, gpointer user_data)
{
  g_string_append_printf (user_data, "%s;", table);
}

static void
test_signals (Fixture *f, gconstpointer data)
{
  guint notifications = 0;
  g_autoptr(GString) tables = g_string_new (NULL);

  g_signal_connect (f->plan, "notify::can-undo", G_CALLBACK (on_notify), &notifications);
  g_signal_connect (f->plan, "changed", G_CALLBACK (on_changed), tables);
  g_assert_true (lp_plan_delete_practice (f->plan, f->practice, NULL));
  g_assert_cmpuint (notifications, >=, 1);
  g_assert_cmpstr (tables->str, ==, "practice;");
  g_string_truncate (tables, 0);
  g_assert_true (lp_plan_undo (f->plan, NULL));
  /* Undo names every table it touched. */
  g_assert_nonnull (strstr (tables->str, "practice;"));
  g_assert_nonnull (strstr (tables->str, "list_size;"));
}

static void
test_conflict_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lp_plan_set_list_size (f->plan, f->practice, "2018-01-01", 9500, NULL, NULL));
  /* Another program changes the same row behind the plan's back. */
  test_sql_on_file (lp_plan_get_path (f->plan), "UPDATE list_size SET patients = 1234");
  g_assert_false (lp_plan_undo (f->plan, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT);
  g_assert_cmpint (file_int (f, LIST_SIZE), ==, 1234);
  g_assert_true (lp_plan_can_undo (f->plan));
}

#define NEW_YEAR "SELECT count(*) FROM list_size WHERE extract_date = '2021-01-01'"
#define LOGGED "SELECT count(*) FROM import_log"

/* A registrations file naming the fixture's practice, padded with
 * @n_others practices the plan does not have (skipped, not added). */
static char *
write_registrations (Fixture *f, const char *name, guint n_others)
{
  g_autoptr(GString) text = g_string_new (
      "PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n"
      "GP_PRAC_PAT_LIST,01JAN2021,GP,06K,E38000049,X06K50,EN8 9ZZ,ALL,ALL,12000\n");
  char *path = test_tmp_path (f->dir, name);

  for (guint i = 0; i < n_others; i++)
    g_string_append_printf (text, "GP_PRAC_PAT_LIST,01JAN2021,GP,06K,E38000049,Y%05u,SG4 9ZE,ALL,ALL,%u\n",
                            i, 1000 + i % 9000);
  test_write_file (path, text->str, text->len);
  return path;
}

/* The window imports on a connection of its own and takes the import's
 * step over: it is undone like any edit, and the edit before it stays
 * undoable. */
static void
test_import_is_one_step (Fixture *f, gconstpointer data)
{
  g_autofree char *file = write_registrations (f, "gp-reg-pat-prac-all.csv", 0);
  LpImportOptions options = { 0 };
  g_autoptr(LpImportReport) report = NULL;
  g_autoptr(LpPlan) importing = NULL;
  g_autoptr(GError) error = NULL;
  gint64 logged = file_int (f, LOGGED);

  g_assert_true (lp_plan_set_list_size (f->plan, f->practice, "2018-01-01", 9500, NULL, &error));
  importing = lp_plan_open (lp_plan_get_path (f->plan), LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  report = lp_plan_import (importing, file, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_imported, ==, 1);
  g_assert_cmpstr (lp_plan_get_undo_label (importing), ==, "Import gp-reg-pat-prac-all.csv");
  lp_plan_add_history (f->plan, lp_plan_steal_history (importing));
  g_assert_false (lp_plan_can_undo (importing));
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Import gp-reg-pat-prac-all.csv");
  g_assert_cmpint (file_int (f, NEW_YEAR), ==, 1);
  g_assert_cmpint (file_int (f, LOGGED), ==, logged + 1);

  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_int (f, NEW_YEAR), ==, 0);
  g_assert_cmpint (file_int (f, LOGGED), ==, logged);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Edit list size");
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_cmpint (file_int (f, LIST_SIZE), ==, 9000);
  g_assert_false (lp_plan_can_undo (f->plan));

  g_assert_true (lp_plan_redo (f->plan, &error));
  g_assert_true (lp_plan_redo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_int (f, LIST_SIZE), ==, 9500);
  g_assert_cmpint (file_int (f, NEW_YEAR), ==, 1);
  g_assert_cmpint (file_int (f, LOGGED), ==, logged + 1);
}

/* A file too large to record row by row is undone by putting back the
 * copy taken before it, and redone by the copy taken before the undo. */
static void
test_large_import_undone_by_copy (Fixture *f, gconstpointer data)
{
  g_autofree char *file = write_registrations (f, "gp-reg-pat-prac-all.csv", 120000);
  LpImportOptions options = { 0 };
  g_autoptr(LpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  gint64 logged = file_int (f, LOGGED);

  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 8 * 1024 * 1024);
  g_assert_true (lp_plan_set_list_size (f->plan, f->practice, "2018-01-01", 9500, NULL, &error));
  report = lp_plan_import (f->plan, file, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->unknown_practices, ==, 120000);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Import gp-reg-pat-prac-all.csv");
  g_assert_cmpint (file_int (f, NEW_YEAR), ==, 1);
  g_assert_true (lp_plan_next_undo_is_copy (f->plan));
  g_assert_false (lp_plan_next_redo_is_copy (f->plan));

  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_true (lp_plan_next_redo_is_copy (f->plan));
  g_assert_false (lp_plan_next_undo_is_copy (f->plan));   /* the edit before it */
  g_assert_cmpint (file_int (f, NEW_YEAR), ==, 0);
  g_assert_cmpint (file_int (f, LOGGED), ==, logged);
  g_assert_cmpint (file_int (f, LIST_SIZE), ==, 9500);
  /* The edit before the import is still a step of its own. */
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_cmpint (file_int (f, LIST_SIZE), ==, 9000);

  g_assert_true (lp_plan_redo (f->plan, &error));
  g_assert_true (lp_plan_redo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_int (f, NEW_YEAR), ==, 1);
  g_assert_cmpint (file_int (f, LIST_SIZE), ==, 9500);
  /* And undone again after the redo; the plan still takes edits. */
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_cmpint (file_int (f, NEW_YEAR), ==, 0);
  g_assert_true (lp_plan_set_list_size (f->plan, f->practice, "2018-01-01", 9600, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_int (f, LIST_SIZE), ==, 9600);
  g_assert_false (lp_plan_can_redo (f->plan));
}

/* A step kept as a copy can be undone and redone on another connection to
 * the file (the window's worker), the steps carried there and back. */
static void
test_copy_step_on_another_connection (Fixture *f, gconstpointer data)
{
  g_autofree char *file = write_registrations (f, "gp-reg-pat-prac-all.csv", 0);
  LpImportOptions options = { 0 };
  g_autoptr(LpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 logged = file_int (f, LOGGED);

  lp_import_set_record_max_bytes (1);
  report = lp_plan_import (f->plan, file, &options, NULL, NULL, &error);
  lp_import_set_record_max_bytes (0);
  g_assert_no_error (error);
  g_assert_true (lp_plan_next_undo_is_copy (f->plan));
  g_assert_cmpint (file_int (f, NEW_YEAR), ==, 1);

  for (int undo = 1; undo >= 0; undo--)
    {
      g_autoptr(LpPlan) worker = lp_plan_open (lp_plan_get_path (f->plan), LP_PLAN_OPEN_DEFAULT, &error);

      g_assert_no_error (error);
      lp_plan_add_history (worker, lp_plan_steal_history (f->plan));
      g_assert_false (lp_plan_can_undo (f->plan));
      g_assert_true (undo ? lp_plan_undo (worker, &error) : lp_plan_redo (worker, &error));
      g_assert_no_error (error);
      lp_plan_add_history (f->plan, lp_plan_steal_history (worker));
      g_assert_cmpint (file_int (f, NEW_YEAR), ==, undo ? 0 : 1);
      g_assert_cmpint (file_int (f, LOGGED), ==, undo ? logged : logged + 1);
    }
  /* Back where it was after the import: one step to undo, none to redo. */
  g_assert_true (lp_plan_next_undo_is_copy (f->plan));
  g_assert_false (lp_plan_can_redo (f->plan));
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Import gp-reg-pat-prac-all.csv");
}

/* A dry run (the import dialog's check) changes nothing and so is no step. */
static void
test_dry_run_is_no_step (Fixture *f, gconstpointer data)
{
  g_autofree char *file = write_registrations (f, "gp-reg-pat-prac-all.csv", 0);
  LpImportOptions options = { .dry_run = TRUE };
  g_autoptr(LpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = lp_plan_import (f->plan, file, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (lp_plan_can_undo (f->plan));
  g_assert_cmpint (file_int (f, NEW_YEAR), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/history/undo-redo-edit", test_undo_redo_edit);
  ADD ("/history/undo-delete-with-cascade", test_undo_delete_with_cascade);
  ADD ("/history/new-edit-clears-redo", test_new_edit_clears_redo);
  ADD ("/history/failed-edit-is-not-a-step", test_failed_edit_is_not_a_step);
  ADD ("/history/form-is-one-step", test_form_is_one_step);
  ADD ("/history/step-label", test_step_label);
  ADD ("/history/signals", test_signals);
  ADD ("/history/conflict-refused", test_conflict_refused);
  ADD ("/history/import-is-one-step", test_import_is_one_step);
  ADD ("/history/large-import-undone-by-copy", test_large_import_undone_by_copy);
  ADD ("/history/copy-step-on-another-connection", test_copy_step_on_another_connection);
  ADD ("/history/dry-run-is-no-step", test_dry_run_is_no_step);
#undef ADD
  return g_test_run ();
}
