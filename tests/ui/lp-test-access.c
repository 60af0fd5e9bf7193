/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Driving the Extended Access view's editors as a person does (see
 * lp-test-access.h). */
#include "config.h"

#include "lp-access-target-dialog.h"
#include "lp-access-view.h"
#include "lp-capacity-rule-dialog.h"
#include "lp-editable-cell.h"
#include "lp-test-access.h"
#include "lp-test-util.h"
#include "lp-text-row.h"

static LpAccessView *
lp_test_access_view (LpWindow *window)
{
  GtkWidget *view = lp_test_show_view (window, "access");

  g_assert_true (LP_IS_ACCESS_VIEW (view));
  return LP_ACCESS_VIEW (view);
}

/* Fills a dialog's field, as typing into it does. */
static void
lp_test_access_type (LpEditDialog *dialog,
                     const char   *key,
                     const char   *text)
{
  GtkWidget *field = lp_edit_dialog_get_field (dialog, key);

  g_assert_nonnull (field);
  gtk_editable_set_text (GTK_EDITABLE (field), text);
}

/* Saves @dialog as Save does; fails with core's reason if refused. */
static void
lp_test_access_save (LpEditDialog *dialog)
{
  const char *keys[] = { NULL, "period", "target", "name", "start_date", "minutes_per_1000", "rounding" };

  g_object_ref (dialog);
  if (!lp_edit_dialog_save (dialog))
    {
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        if (lp_edit_dialog_get_error (dialog, keys[i]) != NULL)
          g_error ("The dialog refused what was typed: %s", lp_edit_dialog_get_error (dialog, keys[i]));
      g_error ("The dialog did not save");
    }
  lp_test_wait_closed (dialog);
  g_object_unref (dialog);
}

static gboolean
lp_test_access_shows_target (LpAccessView *view,
                             const char   *period)
{
  GPtrArray *targets = lp_access_view_get_targets (view);

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    if (g_strcmp0 (((LpAccessTextTarget *) g_ptr_array_index (targets, i))->period, period) == 0)
      return lp_access_view_get_text (view) != NULL;
  return FALSE;
}

void
lp_test_access_add_target (LpWindow   *window,
                           const char *period,
                           const char *percent)
{
  LpAccessView *view = lp_test_access_view (window);
  LpEditDialog *dialog;

  lp_test_wait_view (GTK_WIDGET (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "access.add-target", NULL));
  dialog = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_ACCESS_TARGET_DIALOG));
  lp_test_access_type (dialog, "period", period);
  lp_test_access_type (dialog, "target", percent);
  lp_test_access_save (dialog);
  lp_test_wait_true (lp_test_access_shows_target (view, period));
  lp_test_wait_view (GTK_WIDGET (view));
}

static gboolean
lp_test_access_shows_rule (LpAccessView *view,
                           const char   *name)
{
  GPtrArray *rules = lp_access_view_get_rules (view);

  for (guint i = 0; rules != NULL && i < rules->len; i++)
    if (g_strcmp0 (((LpAccessTextRule *) g_ptr_array_index (rules, i))->name, name) == 0)
      return TRUE;
  return FALSE;
}

void
lp_test_access_add_rule (LpWindow   *window,
                         const char *name,
                         const char *start,
                         const char *minutes,
                         gboolean    round_to_quarter_hour)
{
  LpAccessView *view = lp_test_access_view (window);
  LpEditDialog *dialog;

  lp_test_wait_view (GTK_WIDGET (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "access.add-rule", NULL));
  dialog = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_CAPACITY_RULE_DIALOG));
  lp_test_access_type (dialog, "name", name);
  lp_test_access_type (dialog, "start_date", start);
  lp_test_access_type (dialog, "minutes_per_1000", minutes);
  /* The rounding's choices: none (the first), the quarter hour. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (lp_edit_dialog_get_field (dialog, "rounding")),
                              round_to_quarter_hour ? 1 : 0);
  lp_test_access_save (dialog);
  lp_test_wait_true (lp_test_access_shows_rule (view, name));
  lp_test_wait_view (GTK_WIDGET (view));
}

typedef struct {
  const char *code;
  const char *column;
} LpTestAccessCell;

static gboolean
lp_test_access_is_cell (GtkWidget     *widget,
                        gconstpointer  data)
{
  const LpTestAccessCell *wanted = data;
  GtkListItem *item;
  LpTextRow *row;

  if (!LP_IS_EDITABLE_CELL (widget) ||
      g_strcmp0 (g_object_get_data (G_OBJECT (widget), "lp-field"), wanted->column) != 0)
    return FALSE;
  item = g_object_get_data (G_OBJECT (widget), "lp-list-item");
  row = item != NULL ? gtk_list_item_get_item (item) : NULL;
  return row != NULL && g_strcmp0 (((LpAccessTextPractice *) lp_text_row_get (row))->code, wanted->code) == 0;
}

LpEditableCell *
lp_test_access_wait_cell (GtkWidget  *view,
                          const char *practice_code,
                          const char *column)
{
  LpTestAccessCell wanted = { practice_code, column };
  GtkWidget *cell = NULL;

  lp_test_wait_nonnull (cell = lp_test_find_widget (view, lp_test_access_is_cell, &wanted));
  return LP_EDITABLE_CELL (cell);
}

void
lp_test_access_set_provision (LpWindow   *window,
                              const char *practice_code,
                              const char *column,
                              const char *text)
{
  LpAccessView *view = lp_test_access_view (window);
  LpEditableCell *cell;
  const LpAccessText *before;

  lp_test_wait_nonnull (lp_access_view_get_text (view));
  before = lp_access_view_get_text (view);
  cell = lp_test_access_wait_cell (GTK_WIDGET (view), practice_code, column);
  lp_editable_cell_enter (cell, text);
  if (lp_access_view_get_error (view) != NULL)
    g_error ("The %s of %s was refused: %s", column, practice_code, lp_access_view_get_error (view));
  /* The figures read again after the change, and no refresh pending. */
  lp_test_wait_true (lp_access_view_get_text (view) != before);
  lp_test_wait_view (GTK_WIDGET (view));
}
