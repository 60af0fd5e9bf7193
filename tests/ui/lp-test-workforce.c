/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Workforce view's editors driven as a person does (see
 * lp-test-workforce.h), for its own test and the first-plan journey. */
#include "config.h"

#include "lp-test-util.h"
#include "lp-test-workforce.h"
#include "lp-workforce-baseline-dialog.h"
#include "lp-workforce-rates-dialog.h"
#include "lp-workforce-target-dialog.h"

/* Chooses @code in a choice row of the dialog: a code ("GP_PARTNER") or
 * the words shown for it ("GP partner"). */
static void
choose (LpEditDialog *dialog,
        const char   *key,
        const char   *code)
{
  GtkWidget *row = lp_edit_dialog_get_field (dialog, key);
  const char *const *keys = g_object_get_data (G_OBJECT (row), "lp-keys");
  GListModel *names = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  g_assert_nonnull (keys);
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_strcmp0 (keys[i], code) == 0 ||
        g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), code) == 0)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        g_assert_cmpstr (lp_edit_dialog_get_key (dialog, key), ==, keys[i]);
        return;
      }
  g_error ("no choice %s in %s", code, key);
}

static LpEditDialog *
open_editor (LpWindow   *window,
             const char *action,
             GType       type)
{
  GtkWidget *view = lp_test_show_view (window, "workforce");
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (view, action, NULL));
  dialog = lp_test_wait_toplevel (type);
  lp_test_wait_allocated (GTK_WIDGET (dialog));
  return LP_EDIT_DIALOG (dialog);
}

/* Presses Save; the dialog closes and the view reads the plan again. */
static void
save (LpWindow     *window,
      LpEditDialog *dialog)
{
  GtkWidget *view = lp_window_get_view (window, "workforce");

  static const char *const keys[] = {
    LP_FIELD_WF_STAFF, LP_FIELD_WF_APPLIES_TO, LP_FIELD_WF_FTE_CHANGE, LP_FIELD_WF_DUE, LP_FIELD_WF_PRACTICE,
    LP_FIELD_WF_ROLE, LP_FIELD_WF_FTE, LP_FIELD_WF_TURNOVER, LP_FIELD_WF_JOINERS, NULL,
  };

  if (!lp_edit_dialog_save (dialog))
    {
      /* Which field refused, and why, in the failure's message. */
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        if (lp_edit_dialog_get_error (dialog, keys[i]) != NULL)
          g_error ("the %s refused %s: %s", G_OBJECT_TYPE_NAME (dialog), keys[i] != NULL ? keys[i] : "the form",
                   lp_edit_dialog_get_error (dialog, keys[i]));
      g_error ("the %s did not save", G_OBJECT_TYPE_NAME (dialog));
    }
  lp_test_wait_closed (dialog);
  lp_test_wait_view (view);
}

void
lp_test_workforce_add_target (LpWindow   *window,
                              const char *group_or_role,
                              const char *level,
                              const char *fte,
                              const char *by)
{
  LpEditDialog *dialog = open_editor (window, "workforce.add-target", LP_TYPE_WORKFORCE_TARGET_DIALOG);

  choose (dialog, LP_FIELD_WF_STAFF, group_or_role);
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_APPLIES_TO, level);
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_FTE_CHANGE, fte);
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_DUE, by);
  save (window, dialog);
}

void
lp_test_workforce_enter_baseline (LpWindow   *window,
                                  const char *practice_code,
                                  const char *role,
                                  const char *fte)
{
  LpEditDialog *dialog = open_editor (window, "workforce.enter-baseline", LP_TYPE_WORKFORCE_BASELINE_DIALOG);

  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_PRACTICE, practice_code);
  choose (dialog, LP_FIELD_WF_ROLE, role);
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_FTE, fte);
  save (window, dialog);
}

void
lp_test_workforce_set_rates (LpWindow   *window,
                             const char *role,
                             const char *turnover,
                             const char *joiners)
{
  LpEditDialog *dialog = open_editor (window, "workforce.edit-rates", LP_TYPE_WORKFORCE_RATES_DIALOG);

  choose (dialog, LP_FIELD_WF_ROLE, role);
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_TURNOVER, turnover);
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_JOINERS, joiners);
  save (window, dialog);
}
