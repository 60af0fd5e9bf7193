/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The practices of the plan: a searchable, sortable table that can be
 * narrowed to one locality, with add, edit and delete.  The table itself
 * is lp-data-view.c's; this file adds the locality filter and says what a
 * practice row is. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-data-view.h"
#include "lp-practice-dialog.h"
#include "lp-practices-view.h"
#include "lp-view-common.h"

struct _LpPracticesView
{
  LpView           parent_instance;

  LpDataView       dv;
  /* Template children */
  GtkDropDown     *locality_dropdown;
  GtkCustomFilter *locality_filter;

  GArray          *locality_ids;   /* of each choice in locality_dropdown */
  gint64           locality_id;    /* 0: every locality */
  gulong           dropdown_handler;
};

G_DEFINE_FINAL_TYPE (LpPracticesView, lp_practices_view, LP_TYPE_VIEW)

static void lp_practices_view_refresh      (LpView *view);
static void lp_practices_view_start_search (LpView *view);

/* A practice row shows its locality's name and its latest list size. */
static const char *const practice_tables[] = { "practice", "list_size", "locality", NULL };

static GListModel *
list_practices (LpPlan  *plan,
                GError **error)
{
  return lp_plan_list_practices (plan, 0, error);
}

static gint64
practice_id (gpointer item)
{
  return lp_practice_get_id (item);
}

static const LpDataViewInfo practices_info = {
  LP_VIEW_PRACTICES, practice_tables, list_practices, practice_id,
};

static gboolean
lp_practices_view_match_locality (gpointer item,
                                  gpointer user_data)
{
  LpPracticesView *self = user_data;

  return self->locality_id == 0 || lp_practice_get_locality_id (item) == self->locality_id;
}

static void
lp_practices_view_apply_locality (LpPracticesView *self,
                                  gint64           locality_id)
{
  if (locality_id == self->locality_id)
    return;
  self->locality_id = locality_id;
  gtk_filter_changed (GTK_FILTER (self->locality_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
lp_practices_view_dropdown_cb (LpPracticesView *self)
{
  guint position = gtk_drop_down_get_selected (self->locality_dropdown);

  if (self->locality_ids != NULL && position < self->locality_ids->len)
    lp_practices_view_apply_locality (self, g_array_index (self->locality_ids, gint64, position));
}

/* The drop-down lists the localities as they are now; a locality that
 * has gone shows every practice again. */
static gboolean
lp_practices_view_prepare (GtkWidget *owner)
{
  LpPracticesView *self = LP_PRACTICES_VIEW (owner);
  g_autoptr(GtkStringList) names = NULL;
  guint position;

  g_clear_pointer (&self->locality_ids, g_array_unref);
  names = lp_view_common_locality_choices (self->dv.plan, _("All localities"),
                                           &self->locality_ids);
  position = lp_view_common_find_id (self->locality_ids, self->locality_id);
  g_signal_handler_block (self->locality_dropdown, self->dropdown_handler);
  gtk_drop_down_set_model (self->locality_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->locality_dropdown, position);
  g_signal_handler_unblock (self->locality_dropdown, self->dropdown_handler);
  /* Without a plan the locality asked for may simply not be known yet. */
  if (position == 0 && self->dv.plan != NULL)
    lp_practices_view_apply_locality (self, 0);
  return FALSE;
}

static void
lp_practices_view_saved_cb (LpPracticesView *self,
                            gint64           id)
{
  lp_data_view_select_id (&self->dv, id);
}

static void
lp_practices_view_open_dialog (LpPracticesView *self,
                               gint64           id)
{
  LpPracticeDialog *dialog;

  if (!lp_data_view_can_edit (&self->dv))
    return;
  dialog = lp_practice_dialog_new (self->dv.plan, id, self->locality_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (lp_practices_view_saved_cb),
                           self, G_CONNECT_SWAPPED);
  lp_edit_dialog_present (LP_EDIT_DIALOG (dialog), GTK_WIDGET (self));
}

static void
lp_practices_view_add (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  lp_practices_view_open_dialog (LP_PRACTICES_VIEW (widget), 0);
}

static void
lp_practices_view_edit (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LpPracticesView *self = LP_PRACTICES_VIEW (widget);
  LpPractice *practice = lp_data_view_get_selected (&self->dv);

  if (practice != NULL)
    lp_practices_view_open_dialog (self, lp_practice_get_id (practice));
}

static void
lp_practices_view_delete (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LpPracticesView *self = LP_PRACTICES_VIEW (widget);
  LpPractice *practice = lp_data_view_get_selected (&self->dv);
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (practice == NULL || !lp_data_view_can_edit (&self->dv))
    return;
  /* The reload during the delete drops the row, and the practice with it. */
  code = g_strdup (lp_practice_get_ods_code (practice));
  if (!lp_plan_delete_practice (self->dv.plan, lp_practice_get_id (practice), &error))
    {
      lp_data_view_report (&self->dv, error);
      return;
    }
  title = lp_view_text_deleted (LP_VIEW_PRACTICES, code);
  lp_view_common_toast (widget, title, TRUE);
}

static void
lp_practices_view_search (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  lp_practices_view_start_search (LP_VIEW (widget));
}

static void
lp_practices_view_dispose (GObject *object)
{
  LpPracticesView *self = LP_PRACTICES_VIEW (object);

  lp_data_view_dispose (&self->dv);
  g_clear_signal_handler (&self->dropdown_handler, self->locality_dropdown);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_PRACTICES_VIEW);
  g_clear_pointer (&self->locality_ids, g_array_unref);
  G_OBJECT_CLASS (lp_practices_view_parent_class)->dispose (object);
}

static void
lp_practices_view_class_init (LpPracticesViewClass *klass)
{
  LP_VIEW_CLASS (klass)->refresh = lp_practices_view_refresh;
  LP_VIEW_CLASS (klass)->start_search = lp_practices_view_start_search;
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_practices_view_dispose;

  /* The template's expressions look the type up by name. */
  g_type_ensure (LP_TYPE_PRACTICE);
  lp_data_view_class_setup (widget_class,
      "/org/localityplanner/LocalityPlanner/views/lp-practices-view.ui",
      G_STRUCT_OFFSET (LpPracticesView, dv));
  gtk_widget_class_bind_template_child (widget_class, LpPracticesView, locality_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LpPracticesView, locality_filter);

  gtk_widget_class_install_action (widget_class, "view.add", NULL, lp_practices_view_add);
  gtk_widget_class_install_action (widget_class, "view.edit", NULL, lp_practices_view_edit);
  gtk_widget_class_install_action (widget_class, "view.delete", NULL, lp_practices_view_delete);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, lp_practices_view_search);
}

static void
lp_practices_view_init (LpPracticesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_custom_filter_set_filter_func (self->locality_filter,
                                     lp_practices_view_match_locality, self, NULL);
  self->dropdown_handler = g_signal_connect_swapped (self->locality_dropdown, "notify::selected",
                                                     G_CALLBACK (lp_practices_view_dropdown_cb), self);
  self->dv.prepare = lp_practices_view_prepare;
  lp_data_view_init (&self->dv, GTK_WIDGET (self), &practices_info);
  lp_practices_view_prepare (GTK_WIDGET (self));
}

GtkWidget *
lp_practices_view_new (void)
{
  return g_object_new (LP_TYPE_PRACTICES_VIEW, NULL);
}

/* The plan was set, or a table the view reads changed. */
static void
lp_practices_view_refresh (LpView *view)
{
  lp_data_view_set_plan (&LP_PRACTICES_VIEW (view)->dv, lp_view_get_plan (view));
}

static void
lp_practices_view_start_search (LpView *view)
{
  lp_data_view_start_search (&LP_PRACTICES_VIEW (view)->dv);
}

/**
 * lp_practices_view_set_locality:
 * @locality_id: the locality whose practices to show, or 0 for all
 */
void
lp_practices_view_set_locality (LpPracticesView *self,
                                gint64           locality_id)
{
  guint position;

  g_return_if_fail (LP_IS_PRACTICES_VIEW (self));

  position = lp_view_common_find_id (self->locality_ids, locality_id);
  /* A locality the plan does not have shows every practice, as the
   * drop-down then says; without a plan it is kept for when one comes. */
  if (position == 0 && self->dv.plan != NULL)
    locality_id = 0;
  g_signal_handler_block (self->locality_dropdown, self->dropdown_handler);
  gtk_drop_down_set_selected (self->locality_dropdown, position);
  g_signal_handler_unblock (self->locality_dropdown, self->dropdown_handler);
  lp_practices_view_apply_locality (self, locality_id);
}

gint64
lp_practices_view_get_locality (LpPracticesView *self)
{
  g_return_val_if_fail (LP_IS_PRACTICES_VIEW (self), 0);

  return self->locality_id;
}

/**
 * lp_practices_view_get_model:
 *
 * Returns: (transfer none): the rows shown, in the order shown; also the
 *   table's selection (a GtkSingleSelection)
 */
GListModel *
lp_practices_view_get_model (LpPracticesView *self)
{
  g_return_val_if_fail (LP_IS_PRACTICES_VIEW (self), NULL);

  return G_LIST_MODEL (self->dv.selection);
}
