/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Adding or renaming a locality: its fields, and core's save function
 * (lp_plan_save_locality_form); LpEditDialog does the rest. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-locality-dialog.h"

struct _LpLocalityDialog
{
  LpEditDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (LpLocalityDialog, lp_locality_dialog, LP_TYPE_EDIT_DIALOG)

static const LpEditField fields[] = {
  { LP_FIELD_NAME, "name_row", TRUE },
  { LP_FIELD_CODE, "code_row", FALSE },
  { LP_FIELD_NOTES, "notes_row", FALSE },
};

static gboolean
lp_locality_dialog_save (LpEditDialog  *dialog,
                         gint64        *id,
                         const char   **bad_field,
                         GError       **error)
{
  LpLocalityForm form = {
    lp_edit_dialog_get_text (dialog, LP_FIELD_NAME),
    lp_edit_dialog_get_text (dialog, LP_FIELD_CODE),
    lp_edit_dialog_get_text (dialog, LP_FIELD_NOTES),
  };

  *id = lp_plan_save_locality_form (lp_edit_dialog_get_plan (dialog), *id, &form, bad_field, error);
  return *id != 0;
}

static void
lp_locality_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_LOCALITY_DIALOG);
  G_OBJECT_CLASS (lp_locality_dialog_parent_class)->dispose (object);
}

static void
lp_locality_dialog_class_init (LpLocalityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = lp_locality_dialog_dispose;
  edit_class->save = lp_locality_dialog_save;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
      "/org/localityplanner/LocalityPlanner/views/lp-locality-dialog.ui");
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
}

static void
lp_locality_dialog_init (LpLocalityDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lp_locality_dialog_new:
 * @locality_id: the locality to edit, or 0 to add one
 *
 * Returns: (transfer none): the dialog, not yet shown; GTK holds it until
 *   it is closed
 */
LpLocalityDialog *
lp_locality_dialog_new (LpPlan *plan,
                        gint64  locality_id)
{
  LpLocalityDialog *self;
  LpEditDialog *dialog;
  g_autoptr(LpLocality) locality = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  self = g_object_new (LP_TYPE_LOCALITY_DIALOG, "plan", plan, "id", locality_id, NULL);
  dialog = LP_EDIT_DIALOG (self);
  if (locality_id == 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Locality"));
      lp_edit_dialog_set_undo_label (dialog, _("Add locality"));
      return self;
    }
  locality = lp_plan_get_locality (plan, locality_id, &error);
  if (locality == NULL)
    {
      lp_edit_dialog_set_unavailable (dialog, error->message);
      return self;
    }
  lp_edit_dialog_set_text (dialog, LP_FIELD_NAME, lp_locality_get_name (locality));
  lp_edit_dialog_set_text (dialog, LP_FIELD_CODE, lp_locality_get_code (locality));
  lp_edit_dialog_set_text (dialog, LP_FIELD_NOTES, lp_locality_get_notes (locality));
  return self;
}
