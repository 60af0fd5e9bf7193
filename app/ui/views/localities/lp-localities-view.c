/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The localities of the plan with their practice counts and registered
 * patients: a searchable, sortable table with add, edit and delete.  The
 * table is LpDataView's; this file says what a locality row is and what
 * adding, editing and deleting one does. */
#include "config.h"

#include "lp-localities-view.h"
#include "lp-locality-dialog.h"
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

static void
lp_localities_view_saved_cb (LpLocalitiesView *self,
                             gint64            id)
{
  lp_data_view_select_id (LP_DATA_VIEW (self), id);
}

static void
lp_localities_view_open_dialog (LpLocalitiesView *self,
                                gint64            id)
{
  LpLocalityDialog *dialog;

  if (!lp_data_view_can_edit (LP_DATA_VIEW (self)))
    return;
  dialog = lp_locality_dialog_new (lp_view_get_plan (LP_VIEW (self)), id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (lp_localities_view_saved_cb),
                           self, G_CONNECT_SWAPPED);
  lp_edit_dialog_present (LP_EDIT_DIALOG (dialog), GTK_WIDGET (self));
}

static void
lp_localities_view_add (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  lp_localities_view_open_dialog (LP_LOCALITIES_VIEW (widget), 0);
}

static void
lp_localities_view_edit (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LpLocality *locality = lp_data_view_get_selected (LP_DATA_VIEW (widget));

  if (locality != NULL)
    lp_localities_view_open_dialog (LP_LOCALITIES_VIEW (widget), lp_locality_get_id (locality));
}

/* Core refuses to delete a locality that still has practices, and says so
 * in a toast; a deleted one can come back with Undo. */
static void
lp_localities_view_delete (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  LpDataView *view = LP_DATA_VIEW (widget);
  LpLocality *selected = lp_data_view_get_selected (view);
  g_autoptr(LpLocality) locality = selected != NULL ? g_object_ref (selected) : NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (locality == NULL || !lp_data_view_can_edit (view))
    return;
  if (!lp_plan_delete_locality (lp_view_get_plan (LP_VIEW (view)), lp_locality_get_id (locality),
                                &error))
    {
      lp_data_view_report (view, error);
      return;
    }
  title = lp_view_text_deleted (LP_VIEW_LOCALITIES, lp_locality_get_name (locality));
  lp_view_common_toast (widget, title, TRUE);
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
  data_view_class->get_id = locality_id;
  lp_view_class_set_tables (LP_VIEW_CLASS (klass), locality_tables);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/org/localityplanner/LocalityPlanner/views/lp-localities-view.ui");
  lp_view_common_bind_callbacks (widget_class);

  gtk_widget_class_install_action (widget_class, "view.add", NULL, lp_localities_view_add);
  gtk_widget_class_install_action (widget_class, "view.edit", NULL, lp_localities_view_edit);
  gtk_widget_class_install_action (widget_class, "view.delete", NULL, lp_localities_view_delete);
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
