/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Adding or renaming a locality.  Core checks and saves the form
 * (lp_plan_save_locality_form); a refusal is shown under the field it is
 * about and the dialog stays open. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-edit-dialog.h"
#include "lp-field-errors.h"
#include "lp-locality-dialog.h"

struct _LpLocalityDialog
{
  AdwWindow      parent_instance;

  /* Template children */
  GtkLabel      *general_error;
  GtkWidget     *name_row;
  GtkWidget     *code_row;
  GtkWidget     *notes_row;

  LpPlan        *plan;
  gint64         id;       /* 0 while adding */
  LpFieldErrors *errors;
};

G_DEFINE_FINAL_TYPE (LpLocalityDialog, lp_locality_dialog, ADW_TYPE_WINDOW)

static guint saved_signal;

static void
lp_locality_dialog_save_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  lp_locality_dialog_save (LP_LOCALITY_DIALOG (widget));
}

static void
lp_locality_dialog_dispose (GObject *object)
{
  LpLocalityDialog *self = LP_LOCALITY_DIALOG (object);

  g_clear_pointer (&self->errors, lp_field_errors_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_LOCALITY_DIALOG);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (lp_locality_dialog_parent_class)->dispose (object);
}

static void
lp_locality_dialog_class_init (LpLocalityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_locality_dialog_dispose;
  saved_signal = lp_edit_dialog_saved_signal (LP_TYPE_LOCALITY_DIALOG);

  lp_edit_dialog_class_setup (widget_class,
      "/org/localityplanner/LocalityPlanner/views/lp-locality-dialog.ui",
      lp_locality_dialog_save_action);
  gtk_widget_class_bind_template_child (widget_class, LpLocalityDialog, general_error);
  gtk_widget_class_bind_template_child (widget_class, LpLocalityDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LpLocalityDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, LpLocalityDialog, notes_row);
}

static void
lp_locality_dialog_init (LpLocalityDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->errors = lp_field_errors_new (self->general_error);
  lp_field_errors_add (self->errors, LP_FIELD_NAME, self->name_row);
  lp_field_errors_add (self->errors, LP_FIELD_CODE, self->code_row);
  lp_field_errors_add (self->errors, LP_FIELD_NOTES, self->notes_row);
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
  g_autoptr(LpLocality) locality = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  self = g_object_new (LP_TYPE_LOCALITY_DIALOG, NULL);
  self->plan = g_object_ref (plan);
  self->id = locality_id;
  if (locality_id == 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Locality"));
      return self;
    }
  locality = lp_plan_get_locality (plan, locality_id, &error);
  if (locality == NULL)
    {
      lp_field_errors_show (self->errors, NULL, error->message);
      return self;
    }
  lp_edit_dialog_set_text (self->name_row, lp_locality_get_name (locality));
  lp_edit_dialog_set_text (self->code_row, lp_locality_get_code (locality));
  lp_edit_dialog_set_text (self->notes_row, lp_locality_get_notes (locality));
  return self;
}

gint64
lp_locality_dialog_get_id (LpLocalityDialog *self)
{
  g_return_val_if_fail (LP_IS_LOCALITY_DIALOG (self), 0);

  return self->id;
}

/**
 * lp_locality_dialog_get_field:
 * @field: an LP_FIELD_* key
 *
 * Returns: (transfer none) (nullable): the field's row (a GtkEditable)
 */
GtkWidget *
lp_locality_dialog_get_field (LpLocalityDialog *self,
                              const char       *field)
{
  g_return_val_if_fail (LP_IS_LOCALITY_DIALOG (self), NULL);

  return lp_field_errors_get_row (self->errors, field);
}

/**
 * lp_locality_dialog_get_error:
 * @field: (nullable): an LP_FIELD_* key, or %NULL for the general message
 *
 * Returns: (nullable): the message shown under the field, if any
 */
const char *
lp_locality_dialog_get_error (LpLocalityDialog *self,
                              const char       *field)
{
  g_return_val_if_fail (LP_IS_LOCALITY_DIALOG (self), NULL);

  return lp_field_errors_get_message (self->errors, field);
}

/**
 * lp_locality_dialog_save:
 *
 * What Save does: hands the form to core; closes the dialog and emits
 * "saved" if core stored it, shows core's reason otherwise.
 *
 * Returns: whether the locality was saved
 */
gboolean
lp_locality_dialog_save (LpLocalityDialog *self)
{
  LpLocalityForm form;
  const char *bad_field = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (LP_IS_LOCALITY_DIALOG (self), FALSE);

  form.name = lp_edit_dialog_get_text (self->name_row);
  form.code = lp_edit_dialog_get_text (self->code_row);
  form.notes = lp_edit_dialog_get_text (self->notes_row);
  lp_field_errors_clear (self->errors);
  id = lp_plan_save_locality_form (self->plan, self->id, &form, &bad_field, &error);
  if (id == 0)
    {
      lp_field_errors_show (self->errors, bad_field, error->message);
      return FALSE;
    }
  self->id = id;
  g_signal_emit (self, saved_signal, 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
