/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Deleting a locality that has practices: they go to another locality,
 * chosen here, and the locality is deleted, in one undo step "Merge X into
 * Y" (lp_plan_merge_locality); core says beforehand what goes with it
 * (lp_plan_describe_merge_locality). */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-merge-locality-dialog.h"

struct _LpMergeLocalityDialog
{
  LpEditDialog          parent_instance;

  /* Template children */
  AdwPreferencesGroup  *merge_group;
  AdwComboRow          *into_row;

  GArray               *into_ids;   /* of each choice: every other locality */
};

G_DEFINE_FINAL_TYPE (LpMergeLocalityDialog, lp_merge_locality_dialog, LP_TYPE_EDIT_DIALOG)

static const LpEditField fields[] = {
  { LP_FIELD_LOCALITY, "into_row", TRUE },
};

static gint64
chosen_into (LpMergeLocalityDialog *self)
{
  guint chosen = self->into_ids != NULL ? adw_combo_row_get_selected (self->into_row) : GTK_INVALID_LIST_POSITION;

  return chosen < self->into_ids->len ? g_array_index (self->into_ids, gint64, chosen) : 0;
}

static void
lp_merge_locality_dialog_update_summary (LpMergeLocalityDialog *self)
{
  LpEditDialog *dialog = LP_EDIT_DIALOG (self);
  LpPlan *plan = lp_edit_dialog_get_plan (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (plan == NULL || self->into_ids == NULL)
    return;
  text = lp_plan_describe_merge_locality (plan, lp_edit_dialog_get_id (dialog), chosen_into (self), &error);
  adw_preferences_group_set_description (self->merge_group, text != NULL ? text : error->message);
}

static gboolean
lp_merge_locality_dialog_save (LpEditDialog  *dialog,
                               gint64        *id,
                               const char   **bad_field,
                               GError       **error)
{
  LpMergeLocalityDialog *self = LP_MERGE_LOCALITY_DIALOG (dialog);
  gint64 into = chosen_into (self);

  if (!lp_plan_merge_locality (lp_edit_dialog_get_plan (dialog), *id, into, error))
    {
      *bad_field = LP_FIELD_LOCALITY;
      return FALSE;
    }
  /* The row left is the one that received the practices. */
  *id = into;
  return TRUE;
}

static void
lp_merge_locality_dialog_dispose (GObject *object)
{
  LpMergeLocalityDialog *self = LP_MERGE_LOCALITY_DIALOG (object);

  /* No gtk_widget_dispose_template(): GTK 4.8's asserts on this class's
   * children as the edit dialog's base disposes them (see LpDataView);
   * they go with the widget tree. */
  g_clear_pointer (&self->into_ids, g_array_unref);
  G_OBJECT_CLASS (lp_merge_locality_dialog_parent_class)->dispose (object);
}

static void
lp_merge_locality_dialog_class_init (LpMergeLocalityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = lp_merge_locality_dialog_dispose;
  edit_class->save = lp_merge_locality_dialog_save;
  gtk_widget_class_set_template_from_resource (widget_class,
      "/org/localityplanner/LocalityPlanner/views/lp-merge-locality-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LpMergeLocalityDialog, merge_group);
  gtk_widget_class_bind_template_child (widget_class, LpMergeLocalityDialog, into_row);
  gtk_widget_class_bind_template_callback (widget_class, lp_merge_locality_dialog_update_summary);
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
}

static void
lp_merge_locality_dialog_init (LpMergeLocalityDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lp_edit_dialog_set_save_label (LP_EDIT_DIALOG (self), _("_Delete and Move"));
}

/**
 * lp_merge_locality_dialog_new:
 * @locality_id: the locality to delete, whose practices move
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
LpMergeLocalityDialog *
lp_merge_locality_dialog_new (LpPlan *plan,
                              gint64  locality_id)
{
  LpMergeLocalityDialog *self;
  g_autoptr(GListModel) localities = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(LpLocality) locality = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  self = g_object_new (LP_TYPE_MERGE_LOCALITY_DIALOG, "plan", plan, "id", locality_id, NULL);
  locality = lp_plan_get_locality (plan, locality_id, &error);
  localities = locality != NULL ? lp_plan_list_localities (plan, &error) : NULL;
  if (localities == NULL)
    {
      lp_edit_dialog_set_unavailable (LP_EDIT_DIALOG (self), error->message);
      return self;
    }
  /* "Delete Hitchin": what the user asked for, though it is a merge. */
  title = g_strdup_printf (_("Delete %s"), lp_locality_get_name (locality));
  gtk_window_set_title (GTK_WINDOW (self), title);
  self->into_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < g_list_model_get_n_items (localities); i++)
    {
      g_autoptr(LpLocality) other = g_list_model_get_item (localities, i);
      gint64 id = lp_locality_get_id (other);

      if (id == locality_id)
        continue;
      g_array_append_val (self->into_ids, id);
      gtk_string_list_append (names, lp_locality_get_name (other));
    }
  adw_combo_row_set_model (self->into_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->into_row, 0);
  lp_merge_locality_dialog_update_summary (self);
  return self;
}

/* Chooses the locality called @name to receive the practices. */
gboolean
lp_merge_locality_dialog_set_into (LpMergeLocalityDialog *self,
                                   const char            *name)
{
  GListModel *names;

  g_return_val_if_fail (LP_IS_MERGE_LOCALITY_DIALOG (self), FALSE);

  names = adw_combo_row_get_model (self->into_row);
  for (guint i = 0; names != NULL && i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (names, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), name) == 0)
        {
          adw_combo_row_set_selected (self->into_row, i);
          return TRUE;
        }
    }
  return FALSE;
}

const char *
lp_merge_locality_dialog_get_summary (LpMergeLocalityDialog *self)
{
  g_return_val_if_fail (LP_IS_MERGE_LOCALITY_DIALOG (self), NULL);

  return adw_preferences_group_get_description (self->merge_group);
}
