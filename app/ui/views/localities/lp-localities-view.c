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
  lp_view_class_set_tables (LP_VIEW_CLASS (klass), locality_tables);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/org/localityplanner/LocalityPlanner/views/lp-localities-view.ui");
  lp_view_common_bind_callbacks (widget_class);

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
