/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The edit dialogs, opened from their views and driven as a user would:
 * type into the fields, press Save or Enter or Escape.  A refused value
 * shows core's reason under its field and leaves the plan file as it was;
 * an accepted one is saved, and undo and redo bring each value back. */
#include "config.h"

#include "lp-contract-dialog.h"
#include "lp-contracts-view.h"
#include "lp-localities-view.h"
#include "lp-locality-dialog.h"
#include "lp-practice-dialog.h"
#include "lp-practices-view.h"
#include "lp-test-util.h"
#include "lp-view-text.h"

#define PRACTICE "X06K01"
#define PRACTICE_LIST_SIZE 12326

/* The practice's list size as the plan file holds it, read through a
 * connection of its own. */
static gint64
list_size_on_disk (const char *path,
                   const char *ods_code)
{
  g_autoptr(LpPlan) plan = lp_test_read_plan (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPractice) practice = lp_plan_get_practice (plan, lp_plan_find_practice (plan, ods_code), &error);

  g_assert_no_error (error);
  return lp_practice_get_list_size (practice);
}

/* Shows @view on a copy of the sample and waits for its @n_rows rows. */
static void
open_view (LpTestView *f,
           GtkWidget  *view,
           guint       n_rows)
{
  lp_test_view_open (f, view, LP_PLAN_OPEN_DEFAULT);
  lp_view_set_plan (LP_VIEW (f->view), f->plan);
  lp_test_wait_rows (f->shown, n_rows);
}

/* Edits the view's first row, as Edit does: the dialog it opens, of
 * @type. */
static GtkWindow *
edit_first_row (LpTestView *f,
                GType       type)
{
  GtkWindow *dialog;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (f->shown), 0, TRUE);
  gtk_widget_activate_action (f->view, "view.edit", NULL);
  dialog = lp_test_wait_toplevel (type);
  g_assert_nonnull (dialog);
  return dialog;
}

static const char *
selected_code (GListModel *shown)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (shown));
  g_autoptr(LpPractice) practice = gtk_bitset_get_size (selected) == 1
                                   ? g_list_model_get_item (shown, gtk_bitset_get_minimum (selected)) : NULL;

  return practice != NULL ? lp_practice_get_ods_code (practice) : NULL;
}

static LpPractice *
find_practice (GListModel *shown,
               const char *ods_code,
               guint      *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(LpPractice) practice = g_list_model_get_item (shown, i);

      if (g_strcmp0 (lp_practice_get_ods_code (practice), ods_code) == 0)
        {
          if (position != NULL)
            *position = i;
          return g_steal_pointer (&practice);
        }
    }
  g_assert_not_reached ();
}

static gint64
shown_list_size (LpTestView *f)
{
  g_autoptr(LpPractice) practice = NULL;

  lp_test_wait_models (f->shown);
  practice = find_practice (f->shown, PRACTICE, NULL);
  return lp_practice_get_list_size (practice);
}

/* Waits until the table shows @list_size for the practice. */
static void
wait_shown_list_size (LpTestView *f,
                      gint64      list_size)
{
  lp_test_wait_cmpint (shown_list_size (f), ==, list_size);
}

/* As a double-click or Enter on a row does: the table's "activate". */
static LpPracticeDialog *
edit_practice (LpTestView *f,
               const char *ods_code)
{
  g_autoptr(LpPractice) practice = NULL;
  guint position;
  LpPracticeDialog *dialog;

  practice = find_practice (f->shown, ods_code, &position);
  g_signal_emit_by_name (lp_test_find_type (f->view, GTK_TYPE_COLUMN_VIEW), "activate", position);
  dialog = LP_PRACTICE_DIALOG (lp_test_wait_toplevel (LP_TYPE_PRACTICE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == f->window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpint (lp_edit_dialog_get_id (LP_EDIT_DIALOG (dialog)), ==, lp_practice_get_id (practice));
  lp_test_wait_allocated (GTK_WIDGET (dialog));
  return dialog;
}

/* The message row right under @row, in the same list, shows @message. */
static void
assert_error_under (GtkWidget  *row,
                    const char *message)
{
  GtkWidget *under = gtk_widget_get_next_sibling (row);

  g_assert_true (GTK_IS_LIST_BOX_ROW (under));
  g_assert_true (gtk_widget_is_drawable (under));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (lp_test_find_type (under, GTK_TYPE_LABEL))),
                   ==, message);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
}

typedef struct {
  const char *typed;
  const char *message;
} BadValue;

static const BadValue bad_list_sizes[] = {
  { "-5", "List size must be a whole number of 0 or more, not “-5”" },
  { "abc", "List size must be a whole number of 0 or more, not “abc”" },
};

static void
check_refused (LpTestView       *f,
               LpPracticeDialog *dialog,
               const BadValue   *bad)
{
  GtkWidget *row = lp_edit_dialog_get_field (LP_EDIT_DIALOG (dialog), LP_FIELD_LIST_SIZE);

  gtk_editable_set_text (GTK_EDITABLE (row), bad->typed);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  lp_test_wait_cmpstr (lp_edit_dialog_get_error (LP_EDIT_DIALOG (dialog), LP_FIELD_LIST_SIZE), ==, bad->message);
  assert_error_under (row, bad->message);
  g_assert_null (lp_edit_dialog_get_error (LP_EDIT_DIALOG (dialog), LP_FIELD_NAME));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpint (list_size_on_disk (f->path, PRACTICE), ==, PRACTICE_LIST_SIZE);
  wait_shown_list_size (f, PRACTICE_LIST_SIZE);
  g_assert_false (lp_plan_can_undo (f->plan));
}

/* Enter in a field presses the default button, Save; a pressed button
 * shows itself pressed for a moment before it acts, and then the dialog,
 * its form saved, closes. */
static void
press_enter_in (GtkWidget *row)
{
  GtkWidget *text = lp_test_find_type (row, GTK_TYPE_TEXT);
  GtkRoot *dialog = gtk_widget_get_root (row);

  g_assert_nonnull (text);
  g_signal_emit_by_name (text, "activate");
  lp_test_wait_closed (dialog);
}

static void
test_practice_list_size (void)
{
  LpTestView f = { 0 };
  LpPracticeDialog *dialog;
  GtkWidget *row;

  open_view (&f, lp_practices_view_new (), 57);
  dialog = edit_practice (&f, PRACTICE);
  row = lp_edit_dialog_get_field (LP_EDIT_DIALOG (dialog), LP_FIELD_LIST_SIZE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "12,326");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lp_edit_dialog_get_field (LP_EDIT_DIALOG (dialog), LP_FIELD_EXTRACT_DATE))),
                   ==, "01/01/2018");

  for (gsize i = 0; i < G_N_ELEMENTS (bad_list_sizes); i++)
    check_refused (&f, dialog, &bad_list_sizes[i]);
  lp_test_save_png (GTK_WIDGET (dialog), "views-practice-dialog-error.png");

  /* Typing again clears the old reason. */
  gtk_editable_set_text (GTK_EDITABLE (row), "12,500");
  g_assert_null (lp_edit_dialog_get_error (LP_EDIT_DIALOG (dialog), LP_FIELD_LIST_SIZE));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  press_enter_in (row);
  g_assert_null (lp_test_find_toplevel (LP_TYPE_PRACTICE_DIALOG));
  g_assert_cmpint (list_size_on_disk (f.path, PRACTICE), ==, 12500);
  wait_shown_list_size (&f, 12500);

  /* One step each way, seen in the file and in the table. */
  g_assert_true (lp_plan_undo (f.plan, NULL));
  g_assert_cmpint (list_size_on_disk (f.path, PRACTICE), ==, PRACTICE_LIST_SIZE);
  wait_shown_list_size (&f, PRACTICE_LIST_SIZE);
  g_assert_true (lp_plan_redo (f.plan, NULL));
  g_assert_cmpint (list_size_on_disk (f.path, PRACTICE), ==, 12500);
  wait_shown_list_size (&f, 12500);
  lp_test_view_close (&f);
}

/* Closing a practice in its dialog: status and date saved, the row greyed
 * with "Closed 15/08/2018", a bad date refused under its field; undo
 * opens it again. */
static void
test_practice_close (void)
{
  LpTestView f = { 0 };
  LpPracticeDialog *dialog;
  GtkWidget *close_row;
  AdwComboRow *status_row;
  const char *const *keys = lp_view_text_status_keys ();
  g_autoptr(LpPractice) closed = NULL;
  g_autoptr(LpPractice) reopened = NULL;
  guint closed_key = 0;

  open_view (&f, lp_practices_view_new (), 57);
  dialog = edit_practice (&f, PRACTICE);
  close_row = lp_edit_dialog_get_field (LP_EDIT_DIALOG (dialog), LP_FIELD_CLOSE_DATE);
  status_row = ADW_COMBO_ROW (lp_edit_dialog_get_field (LP_EDIT_DIALOG (dialog), LP_FIELD_STATUS));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (close_row)), ==, "");
  while (keys[closed_key] != NULL && g_strcmp0 (keys[closed_key], "closed") != 0)
    closed_key++;
  g_assert_nonnull (keys[closed_key]);
  adw_combo_row_set_selected (status_row, closed_key);

  gtk_editable_set_text (GTK_EDITABLE (close_row), "31/02/2018");
  g_assert_false (lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)));
  g_assert_cmpstr (lp_edit_dialog_get_error (LP_EDIT_DIALOG (dialog), LP_FIELD_CLOSE_DATE), ==,
                   "Closed on: “31/02/2018” is not a real date (use DD/MM/YYYY or YYYY-MM-DD)");
  gtk_editable_set_text (GTK_EDITABLE (close_row), "15/08/2018");
  press_enter_in (close_row);
  g_assert_null (lp_test_find_toplevel (LP_TYPE_PRACTICE_DIALOG));
  closed = lp_plan_get_practice (f.plan, lp_plan_find_practice (f.plan, PRACTICE), NULL);
  g_assert_cmpstr (lp_practice_get_status (closed), ==, "closed");
  g_assert_cmpstr (lp_practice_get_close_date (closed), ==, "2018-08-15");
  lp_test_wait_models (f.shown);
  lp_test_wait_label (f.view, "Closed 15/08/2018");

  g_assert_true (lp_plan_undo (f.plan, NULL));
  reopened = lp_plan_get_practice (f.plan, lp_plan_find_practice (f.plan, PRACTICE), NULL);
  g_assert_cmpstr (lp_practice_get_status (reopened), ==, "active");
  g_assert_null (lp_practice_get_close_date (reopened));
  lp_test_view_close (&f);
}

static void
test_practice_cancel (void)
{
  LpTestView f = { 0 };
  LpPracticeDialog *dialog;

  open_view (&f, lp_practices_view_new (), 57);
  dialog = edit_practice (&f, PRACTICE);
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (LP_EDIT_DIALOG (dialog), LP_FIELD_NAME)), "Renamed");
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (LP_EDIT_DIALOG (dialog), LP_FIELD_LIST_SIZE)), "1");
  /* Escape is bound to window.close, as is the Cancel button. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  lp_test_wait_closed (dialog);
  g_assert_null (lp_test_find_toplevel (LP_TYPE_PRACTICE_DIALOG));
  wait_shown_list_size (&f, PRACTICE_LIST_SIZE);
  g_assert_false (lp_plan_can_undo (f.plan));
  lp_test_view_close (&f);
}

/* A new practice is added in the locality the view is filtered to, and
 * selected once saved. */
static void
test_practice_add (void)
{
  LpTestView f = { 0 };
  gint64 stevenage;
  LpPracticeDialog *dialog;
  LpPractice *selected;

  open_view (&f, lp_practices_view_new (), 57);
  stevenage = lp_plan_find_locality (f.plan, "Stevenage");
  lp_practices_view_set_locality (LP_PRACTICES_VIEW (f.view), stevenage);
  lp_test_wait_rows (f.shown, 7);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (f.shown), 0, TRUE);
  gtk_widget_activate_action (f.view, "view.add", NULL);
  dialog = LP_PRACTICE_DIALOG (lp_test_wait_toplevel (LP_TYPE_PRACTICE_DIALOG));
  g_assert_cmpint (lp_edit_dialog_get_id (LP_EDIT_DIALOG (dialog)), ==, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Practice");
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (LP_EDIT_DIALOG (dialog), LP_FIELD_ODS_CODE)), "X06K99");
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (LP_EDIT_DIALOG (dialog), LP_FIELD_NAME)), "Stevenage New Town Surgery");
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (LP_EDIT_DIALOG (dialog), LP_FIELD_LIST_SIZE)), "3,000");
  g_assert_true (lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)));
  lp_test_wait_rows (f.shown, 8);
  lp_test_wait_cmpstr (selected_code (f.shown), ==, "X06K99");

  selected = lp_data_view_get_selected (LP_DATA_VIEW (f.view));
  g_assert_nonnull (selected);
  g_assert_cmpstr (lp_practice_get_ods_code (selected), ==, "X06K99");
  g_assert_cmpstr (lp_practice_get_locality_name (selected), ==, "Stevenage");
  g_assert_cmpint (lp_practice_get_list_size (selected), ==, 3000);
  lp_test_view_close (&f);
}

static void
test_practice_delete_undo (void)
{
  LpTestView f = { 0 };
  g_autoptr(LpPractice) practice = NULL;
  guint position;

  open_view (&f, lp_practices_view_new (), 57);
  practice = find_practice (f.shown, PRACTICE, &position);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (f.shown), position, TRUE);
  gtk_widget_activate_action (f.view, "view.delete", NULL);
  lp_test_wait_rows (f.shown, 56);
  g_assert_cmpint (lp_plan_find_practice (f.plan, PRACTICE), ==, 0);
  g_assert_true (lp_plan_undo (f.plan, NULL));
  lp_test_wait_rows (f.shown, 57);
  wait_shown_list_size (&f, PRACTICE_LIST_SIZE);
  lp_test_view_close (&f);
}

static void
test_locality_rename (void)
{
  LpTestView f = { 0 };
  LpLocalityDialog *dialog;
  GtkWidget *name;

  open_view (&f, lp_localities_view_new (), 6);
  dialog = LP_LOCALITY_DIALOG (edit_first_row (&f, LP_TYPE_LOCALITY_DIALOG));
  name = lp_edit_dialog_get_field (LP_EDIT_DIALOG (dialog), LP_FIELD_NAME);

  /* A locality needs a name: core says so under the field. */
  gtk_editable_set_text (GTK_EDITABLE (name), "");
  g_assert_false (lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)));
  g_assert_nonnull (lp_edit_dialog_get_error (LP_EDIT_DIALOG (dialog), LP_FIELD_NAME));
  assert_error_under (name, lp_edit_dialog_get_error (LP_EDIT_DIALOG (dialog), LP_FIELD_NAME));

  gtk_editable_set_text (GTK_EDITABLE (name), "Lower Lea Valley and Cheshunt");
  g_assert_true (lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)));
  lp_test_wait_label (f.view, "Lower Lea Valley and Cheshunt");
  lp_test_wait_rows (f.shown, 6);
  lp_test_view_close (&f);
}

static void
test_contract_bad_value (void)
{
  LpTestView f = { 0 };
  LpContractDialog *dialog;
  GtkWidget *value;

  open_view (&f, lp_contracts_view_new (), 11);
  dialog = LP_CONTRACT_DIALOG (edit_first_row (&f, LP_TYPE_CONTRACT_DIALOG));
  value = lp_edit_dialog_get_field (LP_EDIT_DIALOG (dialog), LP_FIELD_ANNUAL_VALUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "£221,961,000");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lp_edit_dialog_get_field (LP_EDIT_DIALOG (dialog), LP_FIELD_END_DATE))),
                   ==, "31/03/2019");

  gtk_editable_set_text (GTK_EDITABLE (value), "lots");
  g_assert_false (lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)));
  g_assert_nonnull (lp_edit_dialog_get_error (LP_EDIT_DIALOG (dialog), LP_FIELD_ANNUAL_VALUE));
  assert_error_under (value, lp_edit_dialog_get_error (LP_EDIT_DIALOG (dialog), LP_FIELD_ANNUAL_VALUE));
  lp_test_save_png (GTK_WIDGET (dialog), "views-contract-dialog-error.png");
  g_assert_false (lp_plan_can_undo (f.plan));

  gtk_editable_set_text (GTK_EDITABLE (value), "£222,000,000");
  g_assert_true (lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)));
  lp_test_wait_label (f.view, "£222,000,000");
  lp_test_view_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  lp_test_init (&argc, &argv);

  g_test_add_func ("/view-dialogs/practice/list-size", test_practice_list_size);
  g_test_add_func ("/view-dialogs/practice/cancel", test_practice_cancel);
  g_test_add_func ("/view-dialogs/practice/close", test_practice_close);
  g_test_add_func ("/view-dialogs/practice/add", test_practice_add);
  g_test_add_func ("/view-dialogs/practice/delete-undo", test_practice_delete_undo);
  g_test_add_func ("/view-dialogs/locality/rename", test_locality_rename);
  g_test_add_func ("/view-dialogs/contract/bad-value", test_contract_bad_value);
  return lp_test_run ();
}
