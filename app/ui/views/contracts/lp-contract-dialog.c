/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Adding or editing a contract.  Core checks and saves the form
 * (lp_plan_save_contract_form), adding the provider if it is new; a
 * refusal is shown under the field it is about and the dialog stays open. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-contract-dialog.h"
#include "lp-edit-dialog.h"
#include "lp-field-errors.h"
#include "lp-view-text.h"

struct _LpContractDialog
{
  AdwWindow      parent_instance;

  /* Template children */
  GtkLabel      *general_error;
  GtkWidget     *provider_row;
  AdwComboRow   *sector_row;
  GtkWidget     *service_row;
  GtkWidget     *start_date_row;
  GtkWidget     *end_date_row;
  GtkWidget     *extension_row;
  GtkWidget     *annual_value_row;
  GtkWidget     *notes_row;

  LpPlan        *plan;
  gint64         id;       /* 0 while adding */
  LpFieldErrors *errors;
};

G_DEFINE_FINAL_TYPE (LpContractDialog, lp_contract_dialog, ADW_TYPE_WINDOW)

static guint saved_signal;

static void
lp_contract_dialog_save_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  lp_contract_dialog_save (LP_CONTRACT_DIALOG (widget));
}

static void
lp_contract_dialog_dispose (GObject *object)
{
  LpContractDialog *self = LP_CONTRACT_DIALOG (object);

  g_clear_pointer (&self->errors, lp_field_errors_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_CONTRACT_DIALOG);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (lp_contract_dialog_parent_class)->dispose (object);
}

static void
lp_contract_dialog_class_init (LpContractDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_contract_dialog_dispose;
  saved_signal = lp_edit_dialog_saved_signal (LP_TYPE_CONTRACT_DIALOG);

  lp_edit_dialog_class_setup (widget_class,
      "/org/localityplanner/LocalityPlanner/views/lp-contract-dialog.ui",
      lp_contract_dialog_save_action);
  gtk_widget_class_bind_template_child (widget_class, LpContractDialog, general_error);
  gtk_widget_class_bind_template_child (widget_class, LpContractDialog, provider_row);
  gtk_widget_class_bind_template_child (widget_class, LpContractDialog, sector_row);
  gtk_widget_class_bind_template_child (widget_class, LpContractDialog, service_row);
  gtk_widget_class_bind_template_child (widget_class, LpContractDialog, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, LpContractDialog, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, LpContractDialog, extension_row);
  gtk_widget_class_bind_template_child (widget_class, LpContractDialog, annual_value_row);
  gtk_widget_class_bind_template_child (widget_class, LpContractDialog, notes_row);
}

static void
lp_contract_dialog_init (LpContractDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->errors = lp_field_errors_new (self->general_error);
  lp_field_errors_add (self->errors, LP_FIELD_PROVIDER, self->provider_row);
  lp_field_errors_add (self->errors, LP_FIELD_SECTOR, GTK_WIDGET (self->sector_row));
  lp_field_errors_add (self->errors, LP_FIELD_SERVICE, self->service_row);
  lp_field_errors_add (self->errors, LP_FIELD_START_DATE, self->start_date_row);
  lp_field_errors_add (self->errors, LP_FIELD_END_DATE, self->end_date_row);
  lp_field_errors_add (self->errors, LP_FIELD_EXTENSION, self->extension_row);
  lp_field_errors_add (self->errors, LP_FIELD_ANNUAL_VALUE, self->annual_value_row);
  lp_field_errors_add (self->errors, LP_FIELD_NOTES, self->notes_row);
}

static void
lp_contract_dialog_set_sector (LpContractDialog *self,
                               const char       *sector)
{
  lp_edit_dialog_set_keys (self->sector_row, lp_view_text_sector_keys (),
                           lp_view_text_sector_label, sector);
}

/* The figures and dates as the user would type them; core reads both
 * forms back. */
static void
lp_contract_dialog_fill (LpContractDialog *self,
                         LpContract       *contract)
{
  g_autofree char *start = lp_format_date (lp_contract_get_start_date (contract));
  g_autofree char *end = lp_format_date (lp_contract_get_end_date (contract));
  g_autofree char *extension = lp_format_count (lp_contract_get_extension_months (contract));
  g_autofree char *value = lp_format_pounds (lp_contract_get_annual_value_pounds (contract));

  lp_edit_dialog_set_text (self->provider_row, lp_contract_get_provider (contract));
  lp_contract_dialog_set_sector (self, lp_contract_get_sector (contract));
  lp_edit_dialog_set_text (self->service_row, lp_contract_get_service (contract));
  lp_edit_dialog_set_text (self->start_date_row, start);
  lp_edit_dialog_set_text (self->end_date_row, end);
  lp_edit_dialog_set_text (self->extension_row, extension);
  lp_edit_dialog_set_text (self->annual_value_row, value);
  lp_edit_dialog_set_text (self->notes_row, lp_contract_get_notes (contract));
}

/**
 * lp_contract_dialog_new:
 * @contract_id: the contract to edit, or 0 to add one
 *
 * Returns: (transfer none): the dialog, not yet shown; GTK holds it until
 *   it is closed
 */
LpContractDialog *
lp_contract_dialog_new (LpPlan *plan,
                        gint64  contract_id)
{
  LpContractDialog *self;
  g_autoptr(LpContract) contract = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  self = g_object_new (LP_TYPE_CONTRACT_DIALOG, NULL);
  self->plan = g_object_ref (plan);
  self->id = contract_id;
  if (contract_id == 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Contract"));
      lp_contract_dialog_set_sector (self, NULL);
      return self;
    }
  contract = lp_plan_get_contract (plan, contract_id, &error);
  if (contract == NULL)
    {
      lp_contract_dialog_set_sector (self, NULL);
      lp_field_errors_show (self->errors, NULL, error->message);
      return self;
    }
  lp_contract_dialog_fill (self, contract);
  return self;
}

gint64
lp_contract_dialog_get_id (LpContractDialog *self)
{
  g_return_val_if_fail (LP_IS_CONTRACT_DIALOG (self), 0);

  return self->id;
}

/**
 * lp_contract_dialog_get_field:
 * @field: an LP_FIELD_* key
 *
 * Returns: (transfer none) (nullable): the field's row: an AdwEntryRow
 *   (a GtkEditable) or an AdwComboRow
 */
GtkWidget *
lp_contract_dialog_get_field (LpContractDialog *self,
                              const char       *field)
{
  g_return_val_if_fail (LP_IS_CONTRACT_DIALOG (self), NULL);

  return lp_field_errors_get_row (self->errors, field);
}

/**
 * lp_contract_dialog_get_error:
 * @field: (nullable): an LP_FIELD_* key, or %NULL for the general message
 *
 * Returns: (nullable): the message shown under the field, if any
 */
const char *
lp_contract_dialog_get_error (LpContractDialog *self,
                              const char       *field)
{
  g_return_val_if_fail (LP_IS_CONTRACT_DIALOG (self), NULL);

  return lp_field_errors_get_message (self->errors, field);
}

/**
 * lp_contract_dialog_save:
 *
 * What Save does: hands the form to core; closes the dialog and emits
 * "saved" if core stored it, shows core's reason otherwise.
 *
 * Returns: whether the contract was saved
 */
gboolean
lp_contract_dialog_save (LpContractDialog *self)
{
  LpContractForm form;
  const char *bad_field = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (LP_IS_CONTRACT_DIALOG (self), FALSE);

  form.provider = lp_edit_dialog_get_text (self->provider_row);
  form.sector = lp_edit_dialog_get_key (self->sector_row, lp_view_text_sector_keys ());
  form.service = lp_edit_dialog_get_text (self->service_row);
  form.start_date = lp_edit_dialog_get_text (self->start_date_row);
  form.end_date = lp_edit_dialog_get_text (self->end_date_row);
  form.extension_months = lp_edit_dialog_get_text (self->extension_row);
  form.annual_value = lp_edit_dialog_get_text (self->annual_value_row);
  form.notes = lp_edit_dialog_get_text (self->notes_row);
  lp_field_errors_clear (self->errors);
  id = lp_plan_save_contract_form (self->plan, self->id, &form, &bad_field, &error);
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
