/* SPDX-License-Identifier: GPL-3.0-or-later */
/* See lp-test-localities.h. */
#include "config.h"

#include "lp-localities-from-dialog.h"
#include "lp-localities-view.h"
#include "lp-move-practices-dialog.h"
#include "lp-practices-view.h"
#include "lp-test-gtk.h"
#include "lp-test-localities.h"
#include "lp-test-util.h"

void
lp_test_localities_make_from (LpWindow   *window,
                              const char *grouping)
{
  GtkWidget *view = lp_test_show_view (window, "localities");
  LpPlan *plan = lp_window_get_plan (window);
  LpLocalitiesFromDialog *dialog;
  g_autoptr(GListModel) localities = NULL;

  lp_test_wait_view (view);
  gtk_widget_activate_action (view, "view.make-from-map", NULL);
  dialog = LP_LOCALITIES_FROM_DIALOG (lp_test_wait_toplevel (LP_TYPE_LOCALITIES_FROM_DIALOG));
  lp_localities_from_dialog_set_grouping (dialog, grouping);
  lp_localities_from_dialog_set_reassign (dialog, FALSE);
  g_test_message ("make localities from %s: %s", grouping, lp_localities_from_dialog_get_preview (dialog));
  g_assert_true (lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)));
  lp_test_wait_closed (dialog);
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==,
                   g_str_equal (grouping, "pcn") ? "Make localities from PCNs" : "Make localities from Sub-ICBs");
  localities = lp_plan_list_localities (plan, NULL);
  lp_test_wait_rows (lp_localities_view_get_model (LP_LOCALITIES_VIEW (view)),
                     g_list_model_get_n_items (localities));
}

static guint
find_code (GListModel *shown,
           const char *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(LpPractice) practice = g_list_model_get_item (shown, i);

      if (g_strcmp0 (lp_practice_get_ods_code (practice), code) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Whether every practice of @codes shows @locality_name. */
static gboolean
all_moved (GListModel         *shown,
           const char * const *codes,
           const char         *locality_name)
{
  for (guint i = 0; codes[i] != NULL; i++)
    {
      guint position = find_code (shown, codes[i]);
      g_autoptr(LpPractice) practice = position != GTK_INVALID_LIST_POSITION
                                       ? g_list_model_get_item (shown, position) : NULL;

      if (practice == NULL || g_strcmp0 (lp_practice_get_locality_name (practice), locality_name) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
choose_locality (AdwComboRow *row,
                 const char  *name)
{
  GListModel *names = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (names, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), name) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return TRUE;
        }
    }
  return FALSE;
}

void
lp_test_practices_move (LpWindow           *window,
                        const char * const *codes,
                        const char         *locality_name)
{
  GtkWidget *view = lp_test_show_view (window, "practices");
  GListModel *shown;
  GtkSelectionModel *selection;
  LpMovePracticesDialog *dialog;
  g_autoptr(GtkBitset) selected = NULL;
  guint n_codes = g_strv_length ((char **) codes);

  lp_test_wait_view (view);
  lp_practices_view_set_locality (LP_PRACTICES_VIEW (view), 0);
  shown = lp_practices_view_get_model (LP_PRACTICES_VIEW (view));
  lp_test_wait_models (shown);
  selection = GTK_SELECTION_MODEL (shown);
  /* As Ctrl-clicks: the first alone, the others added to it. */
  for (guint i = 0; i < n_codes; i++)
    {
      guint position = find_code (shown, codes[i]);

      g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
      g_assert_true (gtk_selection_model_select_item (selection, position, i == 0));
    }
  selected = gtk_selection_model_get_selection (selection);
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, n_codes);

  gtk_widget_activate_action (view, "view.move-to-locality", NULL);
  dialog = LP_MOVE_PRACTICES_DIALOG (lp_test_wait_toplevel (LP_TYPE_MOVE_PRACTICES_DIALOG));
  g_assert_true (choose_locality (ADW_COMBO_ROW (lp_edit_dialog_get_field (LP_EDIT_DIALOG (dialog), LP_FIELD_LOCALITY)),
                                  locality_name));
  g_assert_true (lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)));
  lp_test_wait_closed (dialog);
  lp_test_wait_true (all_moved (shown, codes, locality_name));
}
