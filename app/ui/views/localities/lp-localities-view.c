/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The localities of the plan with their practice counts and registered
 * patients: a searchable, sortable table with add, edit and delete.  The
 * table itself is lp-data-view.c's; this file says what a locality row is. */
#include "config.h"

#include "lp-data-view.h"
#include "lp-localities-view.h"
#include "lp-locality-dialog.h"
#include "lp-view-common.h"

struct _LpLocalitiesView
{
  LpView      parent_instance;

  LpDataView  dv;
};

G_DEFINE_FINAL_TYPE (LpLocalitiesView, lp_localities_view, LP_TYPE_VIEW)

static void lp_localities_view_refresh      (LpView *view);
static void lp_localities_view_start_search (LpView *view);

/* A locality row counts its practices and adds up their list sizes. */
static const char *const locality_tables[] = { "locality", "practice", "list_size", NULL };

static gint64
locality_id (gpointer item)
{
  return lp_locality_get_id (item);
}

static const LpDataViewInfo localities_info = {
  LP_VIEW_LOCALITIES, locality_tables, lp_plan_list_localities, locality_id,
};

static void
lp_localities_view_saved_cb (LpLocalitiesView *self,
                             gint64            id)
{
  lp_data_view_select_id (&self->dv, id);
}

static void
lp_localities_view_open_dialog (LpLocalitiesView *self,
                                gint64            id)
{
  LpLocalityDialog *dialog;

  if (!lp_data_view_can_edit (&self->dv))
    return;
  dialog = lp_locality_dialog_new (self->dv.plan, id);
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
  LpLocalitiesView *self = LP_LOCALITIES_VIEW (widget);
  LpLocality *locality = lp_data_view_get_selected (&self->dv);

  if (locality != NULL)
    lp_localities_view_open_dialog (self, lp_locality_get_id (locality));
}

/* Core refuses to delete a locality that still has practices, and says so
 * in a toast; a deleted one can come back with Undo. */
static void
lp_localities_view_delete (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  LpLocalitiesView *self = LP_LOCALITIES_VIEW (widget);
  LpLocality *locality = lp_data_view_get_selected (&self->dv);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (locality == NULL || !lp_data_view_can_edit (&self->dv))
    return;
  /* The reload during the delete drops the row, and the locality with it. */
  name = g_strdup (lp_locality_get_name (locality));
  if (!lp_plan_delete_locality (self->dv.plan, lp_locality_get_id (locality), &error))
    {
      lp_data_view_report (&self->dv, error);
      return;
    }
  title = lp_view_text_deleted (LP_VIEW_LOCALITIES, name);
  lp_view_common_toast (widget, title, TRUE);
}

static void
lp_localities_view_search (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  lp_localities_view_start_search (LP_VIEW (widget));
}

static void
lp_localities_view_dispose (GObject *object)
{
  LpLocalitiesView *self = LP_LOCALITIES_VIEW (object);

  lp_data_view_dispose (&self->dv);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_LOCALITIES_VIEW);
  G_OBJECT_CLASS (lp_localities_view_parent_class)->dispose (object);
}

static void
lp_localities_view_class_init (LpLocalitiesViewClass *klass)
{
  LP_VIEW_CLASS (klass)->refresh = lp_localities_view_refresh;
  LP_VIEW_CLASS (klass)->start_search = lp_localities_view_start_search;
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_localities_view_dispose;

  /* The template's expressions look the type up by name. */
  g_type_ensure (LP_TYPE_LOCALITY);
  lp_data_view_class_setup (widget_class,
      "/org/localityplanner/LocalityPlanner/views/lp-localities-view.ui",
      G_STRUCT_OFFSET (LpLocalitiesView, dv));

  gtk_widget_class_install_action (widget_class, "view.add", NULL, lp_localities_view_add);
  gtk_widget_class_install_action (widget_class, "view.edit", NULL, lp_localities_view_edit);
  gtk_widget_class_install_action (widget_class, "view.delete", NULL, lp_localities_view_delete);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, lp_localities_view_search);
}

static void
lp_localities_view_init (LpLocalitiesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lp_data_view_init (&self->dv, GTK_WIDGET (self), &localities_info);
}

GtkWidget *
lp_localities_view_new (void)
{
  return g_object_new (LP_TYPE_LOCALITIES_VIEW, NULL);
}

/* The plan was set, or a table the view reads changed. */
static void
lp_localities_view_refresh (LpView *view)
{
  lp_data_view_set_plan (&LP_LOCALITIES_VIEW (view)->dv, lp_view_get_plan (view));
}

static void
lp_localities_view_start_search (LpView *view)
{
  lp_data_view_start_search (&LP_LOCALITIES_VIEW (view)->dv);
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

  return G_LIST_MODEL (self->dv.selection);
}
