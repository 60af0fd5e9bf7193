/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Workshop copies driven through the window (see lp-test-workshop.h). */
#include "config.h"

#include "lp-prepare-dialog.h"
#include "lp-test-util.h"
#include "lp-test-workshop.h"

/**
 * lp_test_workshop_try_prepare:
 * @names: the names as typed, "Table A, Table B"
 *
 * Opens Prepare Workshop Copies from the window's action, fills it in and
 * presses Prepare.
 *
 * Returns: %NULL once the copies are written and the window takes edits
 *   again; or the message shown under a field, the dialog then closed
 */
char *
lp_test_workshop_try_prepare (LpWindow   *window,
                              const char *names,
                              const char *folder)
{
  LpEditDialog *dialog;
  const char *message;
  char *said;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.prepare-workshop", NULL));
  dialog = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_PREPARE_DIALOG));
  lp_edit_dialog_set_text (dialog, LP_PREPARE_FIELD_NAMES, names);
  lp_edit_dialog_set_text (dialog, LP_PREPARE_FIELD_FOLDER, folder);
  g_object_ref (dialog);
  if (lp_edit_dialog_save (dialog))
    {
      lp_test_wait_closed (dialog);
      g_object_unref (dialog);
      lp_test_wait_false (lp_window_is_busy (window));
      return NULL;
    }
  message = lp_edit_dialog_get_error (dialog, LP_PREPARE_FIELD_NAMES);
  if (message == NULL)
    message = lp_edit_dialog_get_error (dialog, LP_PREPARE_FIELD_FOLDER);
  said = g_strdup (message != NULL ? message : "(refused with no message)");
  gtk_window_close (GTK_WINDOW (dialog));
  lp_test_wait_closed (dialog);
  g_object_unref (dialog);
  return said;
}

void
lp_test_workshop_prepare (LpWindow   *window,
                          const char *names,
                          const char *folder)
{
  g_autofree char *message = lp_test_workshop_try_prepare (window, names, folder);

  g_assert_null (message);
}

/* The merge window over @window for @paths, once it shows the first copy
 * (or why it cannot be merged). */
LpMergeWindow *
lp_test_workshop_open_merge (LpWindow           *window,
                             const char * const *paths)
{
  LpMergeWindow *merge;

  lp_window_merge_copies (window, paths);
  merge = LP_MERGE_WINDOW (lp_test_wait_toplevel (LP_TYPE_MERGE_WINDOW));
  lp_test_wait_false (g_str_equal (lp_merge_window_get_page (merge), "reading"));
  lp_test_wait_frame ();
  return merge;
}

void
lp_test_workshop_wait_page (LpMergeWindow *merge,
                            const char    *page)
{
  lp_test_wait_cmpstr (lp_merge_window_get_page (merge), ==, page);
  lp_test_wait_frame ();
}

/* The item of @kind whose text is @text, or (with @text %NULL) the first
 * of @kind. */
LpMergeItem *
lp_test_workshop_find_item (LpMergeWindow   *merge,
                            LpMergeItemKind  kind,
                            const char      *text)
{
  GListModel *items = lp_merge_window_get_items (merge);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(LpMergeItem) item = g_list_model_get_item (items, i);

      if (lp_merge_item_get_kind (item) == kind &&
          (text == NULL || g_strcmp0 (lp_merge_item_get_text (item), text) == 0))
        return item;
    }
  return NULL;
}

guint
lp_test_workshop_count_items (LpMergeWindow   *merge,
                              LpMergeItemKind  kind)
{
  GListModel *items = lp_merge_window_get_items (merge);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(LpMergeItem) item = g_list_model_get_item (items, i);
      n += lp_merge_item_get_kind (item) == kind;
    }
  return n;
}

static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  item)
{
  return LP_IS_MERGE_ROW (widget) && lp_merge_row_get_item (LP_MERGE_ROW (widget)) == item;
}

/* The row on screen showing @item, scrolled to first. */
LpMergeRow *
lp_test_workshop_row_of (LpMergeWindow *merge,
                         LpMergeItem   *item)
{
  GtkWidget *list = lp_merge_window_get_list (merge);
  GListModel *items = lp_merge_window_get_items (merge);
  GtkWidget *row = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(LpMergeItem) other = g_list_model_get_item (items, i);

      if (other == item)
        gtk_widget_activate_action (list, "list.scroll-to-item", "u", i);
    }
  lp_test_await ((row = lp_test_find_widget (list, is_row_of, item)) != NULL && gtk_widget_get_mapped (row));
  g_assert_nonnull (row);
  return LP_MERGE_ROW (row);
}

/* A click as a person makes it: a button's "clicked" (its "activate"
 * waits a quarter of a second to show the press), a tick's "activate". */
void
lp_test_workshop_click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_mapped (button));
  if (GTK_IS_BUTTON (button))
    g_signal_emit_by_name (button, "clicked");
  else
    gtk_widget_activate (button);
  lp_test_wait_frame ();
}

static gboolean
is_button_for_action (GtkWidget     *widget,
                      gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

gboolean
lp_test_workshop_can_merge (LpMergeWindow *merge)
{
  return gtk_widget_is_sensitive (lp_test_find_widget (GTK_WIDGET (merge), is_button_for_action,
                                                       "merge.merge"));
}

/* Presses the header bar's button for @action ("merge.merge"…). */
void
lp_test_workshop_press (LpMergeWindow *merge,
                        const char    *action)
{
  GtkWidget *button = lp_test_find_widget (GTK_WIDGET (merge), is_button_for_action, action);

  g_assert_nonnull (button);
  lp_test_workshop_click (button);
}
