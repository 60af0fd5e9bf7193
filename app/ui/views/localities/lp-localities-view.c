/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The localities of the plan with their practice counts and registered
 * patients: a searchable, sortable table with add, edit and delete.  The
 * table is LpDataView's; this file says what a locality row is and what
 * adding, editing and deleting one does. */
#include "config.h"

#include "lp-localities-view.h"
#include <glib/gi18n.h>

#include "lp-localities-from-dialog.h"
#include "lp-locality-dialog.h"
#include "lp-merge-locality-dialog.h"
#include "lp-view-common.h"

struct _LpLocalitiesView
{
  LpDataView  parent_instance;
};

G_DEFINE_FINAL_TYPE (LpLocalitiesView, lp_localities_view, LP_TYPE_DATA_VIEW)

/* A locality row counts its practices and adds up their list sizes. */
static const char *const locality_tables[] = { "locality", "practice", "list_size", NULL };

static GListModel *
list_localities (LpPlan  *reader,
                 GError **error)
{
  return lp_plan_list_localities (reader, error);
}

static char *
locality_search_key (gpointer row)
{
  const char *columns[] = { lp_locality_get_name (row), lp_locality_get_code (row) };

  return lp_view_text_search_key (columns, G_N_ELEMENTS (columns));
}

static gint64
locality_id (gpointer row)
{
  return lp_locality_get_id (row);
}

static GtkWidget *
lp_localities_view_new_editor (LpDataView *self,
                               LpPlan     *plan,
                               gint64      id)
{
  return GTK_WIDGET (lp_locality_dialog_new (plan, id));
}

static char *
locality_deleted_name (gpointer row)
{
  return g_strdup (lp_locality_get_name (row));
}

/* A locality with practices is not simply deleted: its practices go to
 * another, chosen in a dialog (a merge).  With no other locality to take
 * them, core's refusal says why. */
static gboolean
lp_localities_view_delete_interactive (LpDataView *self,
                                       gpointer    row)
{
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));
  gint64 id = lp_locality_get_id (row);
  g_autoptr(GListModel) localities = NULL;
  LpMergeLocalityDialog *dialog;

  if (lp_plan_count_locality_practices (plan, id) == 0)
    return FALSE;
  localities = lp_plan_list_localities (plan, NULL);
  if (localities == NULL || g_list_model_get_n_items (localities) < 2)
    return FALSE;
  dialog = lp_merge_locality_dialog_new (plan, id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (lp_data_view_select_id), self, G_CONNECT_SWAPPED);
  lp_edit_dialog_present (LP_EDIT_DIALOG (dialog), GTK_WIDGET (self));
  return TRUE;
}

static void
lp_localities_view_made_cb (LpLocalitiesView *self)
{
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));
  const char *label = plan != NULL ? lp_plan_get_undo_label (plan) : NULL;

  if (label != NULL)
    lp_view_common_toast (GTK_WIDGET (self), label, TRUE);
}

static void
lp_localities_view_make_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LpLocalitiesFromDialog *dialog;

  if (!lp_data_view_can_edit (LP_DATA_VIEW (widget)))
    return;
  dialog = lp_localities_from_dialog_new (lp_view_get_plan (LP_VIEW (widget)));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (lp_localities_view_made_cb), widget, G_CONNECT_SWAPPED);
  lp_edit_dialog_present (LP_EDIT_DIALOG (dialog), widget);
}

static void
lp_localities_view_update_actions (LpDataView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.make-from-map", lp_data_view_can_edit (self));
}

static void
lp_localities_view_class_init (LpLocalitiesViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpDataViewClass *data_view_class = LP_DATA_VIEW_CLASS (klass);

  data_view_class->kind = LP_VIEW_LOCALITIES;
  data_view_class->row_type = LP_TYPE_LOCALITY;
  data_view_class->list_rows = list_localities;
  data_view_class->search_key = locality_search_key;
  data_view_class->new_editor = lp_localities_view_new_editor;
  data_view_class->delete_row = lp_plan_delete_locality;
  data_view_class->deleted_name = locality_deleted_name;
  data_view_class->get_id = locality_id;
  data_view_class->delete_interactive = lp_localities_view_delete_interactive;
  data_view_class->update_actions = lp_localities_view_update_actions;
  lp_view_class_set_tables (LP_VIEW_CLASS (klass), locality_tables);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/org/localityplanner/LocalityPlanner/views/lp-localities-view.ui");
  lp_view_common_bind_callbacks (widget_class);
  gtk_widget_class_install_action (widget_class, "view.make-from-map", NULL, lp_localities_view_make_action);

}

static void
lp_localities_view_init (LpLocalitiesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lp_localities_view_new (void)
{
  return g_object_new (LP_TYPE_LOCALITIES_VIEW, NULL);
}

/**
 * lp_localities_view_get_model:
 *
 * Returns: (transfer none): the rows shown, in the order shown; also the
 *   table's selection (a GtkSingleSelection)
 */
GListModel *
lp_localities_view_get_model (LpLocalitiesView *self)
{
  g_return_val_if_fail (LP_IS_LOCALITIES_VIEW (self), NULL);

  return lp_data_view_get_model (LP_DATA_VIEW (self));
}
