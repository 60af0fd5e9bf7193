/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A workshop through the window, on the sample plan: three copies
 * prepared with the dialog, edited as three groups would, and merged back
 * in the merge window — a change left out with its tick, a conflict
 * decided by clicking — then undone; and the copies the window refuses,
 * with the offer to merge against the plan as it is. */
#include "config.h"

#include <glib/gstdio.h>

#include "lp-prepare-dialog.h"
#include "lp-presentation-window.h"
#include "lp-test-util.h"
#include "lp-test-workshop.h"

/* What the copies change in the sample: practice X06K01's list size of
 * 1 January 2018 (12,326 patients), the Royal Free's contract
 * (£26,350,000) and the 3-year STP pathway change for CVD. */
#define LIST_DATE "2018-01-01"

typedef struct {
  char     *path;
  char     *folder;
  char     *a, *b, *c;
  LpWindow *window;
  gint64    practice_id;
} Workshop;

static gint64
patients (const char *path)
{
  return test_sql_int (path, "SELECT patients FROM list_size l JOIN practice p ON p.id = l.practice_id "
                        "WHERE p.ods_code = 'X06K01' AND l.extract_date = '" LIST_DATE "'");
}

static void
workshop_open (Workshop   *w,
               const char *name)
{
  g_autofree char *file = g_strconcat (name, ".lpplan", NULL);

  w->path = lp_test_copy_sample (file);
  w->folder = lp_test_scratch_path ("copies");
  g_assert_cmpint (g_mkdir_with_parents (w->folder, 0700), ==, 0);
  w->a = g_build_filename (w->folder, "Table A.lpplan", NULL);
  w->b = g_build_filename (w->folder, "Table B.lpplan", NULL);
  w->c = g_build_filename (w->folder, "Table C.lpplan", NULL);
  w->window = lp_test_open_window (w->path, LP_PLAN_OPEN_DEFAULT, 1100, 760);
  lp_test_wait_loaded (w->window);
  w->practice_id = test_sql_int (w->path, "SELECT id FROM practice WHERE ods_code = 'X06K01'");
}

static void
workshop_close (Workshop *w)
{
  lp_test_destroy_windows ();
  g_free (w->path);
  g_free (w->folder);
  g_free (w->a);
  g_free (w->b);
  g_free (w->c);
}

/* The three groups' edits: A through the app's core, B and C with plain
 * SQLite, as another program would. */
static void
edit_copies (Workshop *w)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) a = lp_plan_open (w->a, LP_PLAN_OPEN_DEFAULT, &error);
  LpPracticeFields practice = { "X99A01", "Workshop Surgery", "SG1 1AA", 0, "active", "", NULL };
  g_autofree char *c_sql = g_strdup_printf ("UPDATE list_size SET patients = 12500 WHERE practice_id = %"
                                            G_GINT64_FORMAT " AND extract_date = '" LIST_DATE "'",
                                            w->practice_id);

  g_assert_no_error (error);
  g_assert_true (lp_plan_set_list_size (a, w->practice_id, LIST_DATE, 12400, "sample: illustrative list size",
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpint (lp_plan_add_practice (a, &practice, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&a);
  test_sql_on_file (w->b, "UPDATE contract SET annual_value_pounds = 27000000 WHERE annual_value_pounds = 26350000;"
                 "DELETE FROM pathway_change WHERE id = (SELECT c.id FROM pathway_change c "
                 "JOIN pathway p ON p.id = c.pathway_id WHERE p.name = 'CVD' AND c.level = 'stp' "
                 "AND c.horizon_years = 3);");
  test_sql_on_file (w->c, c_sql);
}

static gint64
cvd_changes (const char *path)
{
  return test_sql_int (path, "SELECT count(*) FROM pathway_change c JOIN pathway p ON p.id = c.pathway_id "
                        "WHERE p.name = 'CVD' AND c.level = 'stp' AND c.horizon_years = 3");
}

static LpMergeItem *
change_item (LpMergeWindow    *merge,
             LpCopyChangeKind  kind,
             const char       *table)
{
  GListModel *items = lp_merge_window_get_items (merge);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(LpMergeItem) item = g_list_model_get_item (items, i);
      LpCopyChange *change = lp_merge_item_get_change (item);

      if (change != NULL && change->kind == kind && g_str_equal (change->table, table))
        return item;
    }
  return NULL;
}

/* Names checked under their field, the plan file untouched; then the
 * copies written, and the same names again refused. */
static void
test_workshop_prepare (void)
{
  Workshop w = { 0, };
  g_autofree char *missing = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *message = NULL;

  workshop_open (&w, "Workshop prepare");
  missing = g_build_filename (w.folder, "missing", NULL);

  /* As it opens: three tables offered, in the plan's own folder. */
  {
    g_autofree char *plan_folder = g_path_get_dirname (w.path);
    LpEditDialog *dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w.window), "win.prepare-workshop", NULL));
    dialog = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_PREPARE_DIALOG));
    g_assert_cmpstr (lp_edit_dialog_get_text (dialog, LP_PREPARE_FIELD_NAMES), ==, "Table 1, Table 2, Table 3");
    g_assert_cmpstr (lp_edit_dialog_get_text (dialog, LP_PREPARE_FIELD_FOLDER), ==, plan_folder);
    lp_test_wait_frame ();
    lp_test_save_png (GTK_WIDGET (dialog), "workshop-prepare.png");
    gtk_window_close (GTK_WINDOW (dialog));
    lp_test_wait_closed (dialog);
  }

  message = lp_test_workshop_try_prepare (w.window, "Table A, table a", w.folder);
  g_assert_cmpstr (message, ==, "“table a” is named twice; each copy needs a name of its own");
  g_clear_pointer (&message, g_free);
  message = lp_test_workshop_try_prepare (w.window, " , ", w.folder);
  g_assert_cmpstr (message, ==, "Name at least one copy to prepare");
  g_clear_pointer (&message, g_free);
  message = lp_test_workshop_try_prepare (w.window, "Table A", missing);
  expected = g_strdup_printf ("There is no folder “%s” to put the workshop copies in", missing);
  g_assert_cmpstr (message, ==, expected);
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM workshop_base"), ==, 0);

  lp_test_workshop_prepare (w.window, "Table A, Table B,Table C", w.folder);
  g_assert_true (g_file_test (w.a, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (w.b, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (w.c, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM workshop_base"), ==, 1);
  lp_test_wait_label (GTK_WIDGET (w.window), "Wrote 3 workshop copies into “copies”");
  /* A copy is a plan like any other, with the same list sizes. */
  g_assert_cmpint (patients (w.a), ==, 12326);
  /* Preparing is not an edit of the plan: nothing to undo. */
  g_assert_false (lp_plan_can_undo (lp_window_get_plan (w.window)));

  message = lp_test_workshop_try_prepare (w.window, "Table A", w.folder);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("“Table A.lpplan” already exists in “%s”; choose another folder or another name",
                              w.folder);
  g_assert_cmpstr (message, ==, expected);
  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM workshop_base"), ==, 1);
  workshop_close (&w);
}

/* A, B and C merged one after the other: B's deletion left out by its
 * tick, C's conflict with A decided by clicking; each merge one undo step. */
static void
test_workshop_merge (void)
{
  Workshop w = { 0, };
  const char *paths[4] = { NULL, };
  LpMergeWindow *merge;
  LpMergeItem *deletion, *conflict;
  LpMergeRow *row;
  LpPlan *plan;

  workshop_open (&w, "Workshop merge");
  lp_test_workshop_prepare (w.window, "Table A, Table B, Table C", w.folder);
  edit_copies (&w);
  paths[0] = w.a, paths[1] = w.b, paths[2] = w.c;
  merge = lp_test_workshop_open_merge (w.window, paths);
  plan = lp_window_get_plan (w.window);

  /* A: a list size and a new practice, nothing to decide. */
  lp_test_workshop_wait_page (merge, "changes");
  g_assert_cmpuint (lp_test_workshop_count_items (merge, LP_MERGE_ITEM_CHANGE), ==, 2);
  g_assert_cmpuint (lp_test_workshop_count_items (merge, LP_MERGE_ITEM_CONFLICT), ==, 0);
  /* In words, grouped by view and locality. */
  g_assert_nonnull (lp_test_workshop_find_item (merge, LP_MERGE_ITEM_HEADING, "Practices"));
  g_assert_nonnull (lp_test_workshop_find_item (merge, LP_MERGE_ITEM_CHANGE, "New practice X99A01 · Workshop Surgery"));
  g_assert_nonnull (lp_test_workshop_find_item (merge, LP_MERGE_ITEM_HEADING, "Practices · North Herts"));
  g_assert_nonnull (lp_test_workshop_find_item (merge, LP_MERGE_ITEM_CHANGE,
                                                "North Herts · Practice X06K01 · list size at 01/01/2018: "
                                                "12,400 patients (was 12,326)"));
  lp_test_wait_label (GTK_WIDGET (merge), "New practice X99A01 · Workshop Surgery");
  lp_test_wait_label (GTK_WIDGET (merge), "_Merge 2 Changes");
  lp_test_save_png (GTK_WIDGET (merge), "workshop-merge-a.png");
  lp_test_workshop_press (merge, "merge.merge");
  lp_test_wait_cmpuint (lp_merge_window_get_index (merge), ==, 1);
  lp_test_workshop_wait_page (merge, "changes");
  g_assert_cmpint (patients (w.path), ==, 12400);
  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM practice WHERE ods_code = 'X99A01'"), ==, 1);
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Merge “Table A”");

  /* B: the contract's value and a deleted pathway change; the deletion
   * is left out. */
  g_assert_cmpuint (lp_test_workshop_count_items (merge, LP_MERGE_ITEM_CHANGE), ==, 2);
  deletion = change_item (merge, LP_COPY_CHANGE_DELETED, "pathway_change");
  g_assert_nonnull (deletion);
  g_assert_cmpstr (lp_merge_item_get_text (deletion), ==,
                   "Deleted pathway change · CVD, STP, 3 years: activity 1,677, reduced bed days 2,544");
  g_assert_nonnull (lp_test_workshop_find_item (merge, LP_MERGE_ITEM_CHANGE,
                                                "Contract “Acute” · annual value £27,000,000 (was £26,350,000)"));
  g_assert_nonnull (lp_test_workshop_find_item (merge, LP_MERGE_ITEM_HEADING, "Contracts"));
  lp_test_save_png (GTK_WIDGET (merge), "workshop-merge-b.png");
  row = lp_test_workshop_row_of (merge, deletion);
  lp_test_workshop_click (lp_merge_row_get_check (row));
  g_assert_false (lp_merge_item_get_included (deletion));
  lp_test_wait_label (GTK_WIDGET (merge), "_Merge 1 Change");
  lp_test_workshop_press (merge, "merge.merge");
  lp_test_wait_cmpuint (lp_merge_window_get_index (merge), ==, 2);
  lp_test_workshop_wait_page (merge, "changes");
  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM contract WHERE annual_value_pounds = 27000000"), ==, 1);
  g_assert_cmpint (cvd_changes (w.path), ==, 1);

  /* C: the list size A changed too.  Nothing merges until it is decided. */
  g_assert_cmpuint (lp_test_workshop_count_items (merge, LP_MERGE_ITEM_CONFLICT), ==, 1);
  g_assert_cmpuint (lp_test_workshop_count_items (merge, LP_MERGE_ITEM_CHANGE), ==, 1);
  g_assert_false (lp_test_workshop_can_merge (merge));
  /* Ctrl+Return does nothing either. */
  gtk_widget_activate_action (GTK_WIDGET (merge), "merge.merge", NULL);
  lp_test_wait_idle ();
  g_assert_cmpstr (lp_merge_window_get_page (merge), ==, "changes");
  g_assert_cmpint (patients (w.path), ==, 12400);
  conflict = lp_test_workshop_find_item (merge, LP_MERGE_ITEM_CONFLICT, "Practice X06K01 · list size at 01/01/2018");
  g_assert_nonnull (conflict);
  /* Shown as base / the plan now / this copy, in words. */
  lp_test_wait_label (GTK_WIDGET (merge), "The plan and this copy both changed the list size since it was taken.");
  lp_test_wait_label (GTK_WIDGET (merge), "12,326 patients");
  lp_test_wait_label (GTK_WIDGET (merge), "12,400 patients");
  lp_test_wait_label (GTK_WIDGET (merge), "12,500 patients");
  lp_test_wait_label (GTK_WIDGET (merge), "Take Table C’s");
  g_assert_cmpstr (lp_merge_item_get_conflict (conflict)->base_value, ==, "12326");
  g_assert_cmpstr (lp_merge_item_get_conflict (conflict)->copy_value, ==, "12500");
  g_assert_cmpstr (lp_merge_item_get_conflict (conflict)->plan_value, ==, "12400");
  lp_test_wait_label (GTK_WIDGET (merge),
                      "1 conflict to decide: the plan changed the same thing since the copy was taken. Choose "
                      "which to keep; nothing is merged until each is decided.");
  lp_test_save_png (GTK_WIDGET (merge), "workshop-merge-conflict.png");
  /* The README's picture of a merge (build-aux/update-screenshots.sh). */
  {
    g_autofree char *shots = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);

    g_assert_cmpint (g_mkdir_with_parents (shots, 0755), ==, 0);
    lp_test_save_png (GTK_WIDGET (merge), "screenshots/workshop-merge.png");
  }
  row = lp_test_workshop_row_of (merge, conflict);
  lp_test_workshop_click (lp_merge_row_get_take (row));
  g_assert_cmpint (lp_merge_item_get_choice (conflict), ==, LP_MERGE_TAKE_COPY);
  lp_test_wait_true (lp_test_workshop_can_merge (merge));
  lp_test_wait_label (GTK_WIDGET (merge), "The conflict is decided.");
  lp_test_save_png (GTK_WIDGET (merge), "workshop-merge-decided.png");
  lp_test_workshop_press (merge, "merge.merge");

  lp_test_workshop_wait_page (merge, "done");
  lp_test_wait_label (GTK_WIDGET (merge), "Copies Merged");
  lp_test_wait_label (GTK_WIDGET (merge),
                      "“Table A”: 2 changes merged\n“Table B”: 1 change merged\n“Table C”: 1 change merged");
  lp_test_save_png (GTK_WIDGET (merge), "workshop-merge-done.png");
  g_assert_cmpint (patients (w.path), ==, 12500);
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Merge “Table C”");

  /* Each copy is one step: three undos put the plan back. */
  gtk_window_close (GTK_WINDOW (merge));
  lp_test_wait_closed (merge);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w.window), "win.undo", NULL));
  lp_test_wait_cmpint (patients (w.path), ==, 12400);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w.window), "win.undo", NULL));
  lp_test_wait_cmpint (test_sql_int (w.path, "SELECT count(*) FROM contract WHERE annual_value_pounds = 26350000"), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w.window), "win.undo", NULL));
  lp_test_wait_cmpint (patients (w.path), ==, 12326);
  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM practice WHERE ods_code = 'X99A01'"), ==, 0);
  g_assert_false (lp_plan_can_undo (plan));

  /* Merging A again after it was merged changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w.window), "win.redo", NULL));
  lp_test_wait_cmpint (patients (w.path), ==, 12400);
  paths[1] = NULL;
  merge = lp_test_workshop_open_merge (w.window, paths);
  lp_test_workshop_wait_page (merge, "changes");
  lp_test_wait_label (GTK_WIDGET (merge), "The plan already has everything “Table A” changed: there is nothing to merge.");
  g_assert_false (lp_test_workshop_can_merge (merge));
  lp_test_workshop_press (merge, "merge.skip");
  lp_test_workshop_wait_page (merge, "done");
  lp_test_wait_label (GTK_WIDGET (merge), "“Table A”: not merged");
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Merge “Table A”");
  workshop_close (&w);
}

/* A Save As copy is refused; a copy whose base the plan lost is refused
 * too, with the offer to merge it against the plan as it is, where each
 * difference is a conflict. */
static void
test_workshop_refused (void)
{
  Workshop w = { 0, };
  g_autofree char *saved = NULL;
  const char *paths[3] = { NULL, };
  LpMergeWindow *merge;
  LpMergeItem *conflict;
  GtkWidget *against;

  workshop_open (&w, "Workshop refused");
  lp_test_workshop_prepare (w.window, "Table A", w.folder);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE list_size SET patients = 12400 WHERE practice_id = %"
                                            G_GINT64_FORMAT " AND extract_date = '" LIST_DATE "'", w.practice_id);
    test_sql_on_file (w.a, sql);
  }
  saved = g_build_filename (w.folder, "Saved.lpplan", NULL);
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (lp_plan_save_copy (lp_window_get_plan (w.window), saved, &error));
    g_assert_no_error (error);
  }

  paths[0] = saved;
  paths[1] = w.a;
  merge = lp_test_workshop_open_merge (w.window, paths);
  lp_test_workshop_wait_page (merge, "refused");
  lp_test_wait_label (GTK_WIDGET (merge), "“Saved.lpplan” Cannot Be Merged");
  lp_test_wait_label (GTK_WIDGET (merge), "“Saved.lpplan” is not a workshop copy: only copies made with Prepare "
                                          "Workshop Copies can be merged");
  against = lp_test_find_widget (GTK_WIDGET (merge), lp_test_is_label,
                                 "Merge _Against the Plan as It Is…");
  g_assert_false (against != NULL && gtk_widget_is_visible (against));
  lp_test_save_png (GTK_WIDGET (merge), "workshop-merge-refused.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (merge), "merge.skip", NULL));
  lp_test_workshop_wait_page (merge, "changes");
  gtk_window_close (GTK_WINDOW (merge));
  lp_test_wait_closed (merge);
  g_assert_cmpint (patients (w.path), ==, 12326);

  /* The plan loses its base (another program removed it). */
  test_sql_on_file (w.path, "DELETE FROM workshop_base");
  paths[0] = w.a;
  paths[1] = NULL;
  merge = lp_test_workshop_open_merge (w.window, paths);
  lp_test_workshop_wait_page (merge, "refused");
  g_assert_true (lp_test_shows_label (GTK_WIDGET (merge), "“Table A.lpplan” Cannot Be Merged"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (merge), "merge.against-plan", NULL));
  lp_test_workshop_wait_page (merge, "changes");
  g_assert_cmpuint (lp_test_workshop_count_items (merge, LP_MERGE_ITEM_CONFLICT), ==, 1);
  conflict = lp_test_workshop_find_item (merge, LP_MERGE_ITEM_CONFLICT, NULL);
  g_assert_null (lp_merge_item_get_conflict (conflict)->base_value);
  g_assert_cmpstr (lp_merge_item_get_conflict (conflict)->copy_value, ==, "12400");
  g_assert_cmpstr (lp_merge_item_get_conflict (conflict)->plan_value, ==, "12326");
  g_assert_false (lp_test_workshop_can_merge (merge));
  lp_test_wait_label (GTK_WIDGET (merge), "1 difference to decide: choose which to keep; nothing is merged until "
                                          "each is decided.");
  lp_test_wait_label (GTK_WIDGET (merge), "The copy and the plan have a different list size.");
  lp_test_save_png (GTK_WIDGET (merge), "workshop-merge-against-plan.png");
  lp_test_workshop_click (lp_merge_row_get_take (lp_test_workshop_row_of (merge, conflict)));
  lp_test_workshop_press (merge, "merge.merge");
  lp_test_workshop_wait_page (merge, "done");
  g_assert_cmpint (patients (w.path), ==, 12400);
  workshop_close (&w);
}

/* A plan opened read-only can be presented, not handed out or merged
 * into: both menu items are off. */
static void
test_workshop_read_only (void)
{
  g_autofree char *path = lp_test_copy_sample ("Workshop read-only.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_READ_ONLY, 1100, 760);

  lp_test_wait_loaded (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.prepare-workshop", NULL);
  lp_test_wait_idle ();
  g_assert_null (lp_test_find_toplevel (LP_TYPE_PREPARE_DIALOG));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.merge-copies", NULL);
  lp_test_wait_idle ();
  g_assert_null (lp_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  lp_test_wait_toplevel (LP_TYPE_PRESENTATION_WINDOW);
  lp_test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  lp_test_init (&argc, &argv);
  g_test_add_func ("/workshop/prepare", test_workshop_prepare);
  g_test_add_func ("/workshop/merge", test_workshop_merge);
  g_test_add_func ("/workshop/refused", test_workshop_refused);
  g_test_add_func ("/workshop/read-only", test_workshop_read_only);
  return lp_test_run ();
}
