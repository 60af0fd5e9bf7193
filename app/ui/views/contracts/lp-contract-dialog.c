/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Adding or editing a contract: its fields, and core's save function
 * (lp_plan_save_contract_form), which adds the provider if it is new;
 * LpEditDialog does the rest. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-contract-dialog.h"
#include "lp-view-text.h"

struct _LpContractDialog
{
  LpEditDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (LpContractDialog, lp_contract_dialog, LP_TYPE_EDIT_DIALOG)

static const LpEditField fields[] = {
  { LP_FIELD_PROVIDER, "provider_row", TRUE },
  { LP_FIELD_SECTOR, "sector_row", FALSE },
  { LP_FIELD_SERVICE, "service_row", TRUE },
  { LP_FIELD_START_DATE, "start_date_row", TRUE },
  { LP_FIELD_END_DATE, "end_date_row", TRUE },
  { LP_FIELD_EXTENSION, "extension_row", FALSE },
  { LP_FIELD_ANNUAL_VALUE, "annual_value_row", TRUE },
  { LP_FIELD_NOTES, "notes_row", FALSE },
};

static gboolean
lp_contract_dialog_save (LpEditDialog  *dialog,
                         gint64        *id,
                         const char   **bad_field,
                         GError       **error)
{
  LpContractForm form = {
    .provider = lp_edit_dialog_get_text (dialog, LP_FIELD_PROVIDER),
    .sector = lp_edit_dialog_get_key (dialog, LP_FIELD_SECTOR),
    .service = lp_edit_dialog_get_text (dialog, LP_FIELD_SERVICE),
    .start_date = lp_edit_dialog_get_text (dialog, LP_FIELD_START_DATE),
    .end_date = lp_edit_dialog_get_text (dialog, LP_FIELD_END_DATE),
    .extension_months = lp_edit_dialog_get_text (dialog, LP_FIELD_EXTENSION),
    .annual_value = lp_edit_dialog_get_text (dialog, LP_FIELD_ANNUAL_VALUE),
    .notes = lp_edit_dialog_get_text (dialog, LP_FIELD_NOTES),
  };

  *id = lp_plan_save_contract_form (lp_edit_dialog_get_plan (dialog), *id, &form, bad_field, error);
  return *id != 0;
}

static void
lp_contract_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_CONTRACT_DIALOG);
  G_OBJECT_CLASS (lp_contract_dialog_parent_class)->dispose (object);
}

static void
lp_contract_dialog_class_init (LpContractDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = lp_contract_dialog_dispose;
  edit_class->save = lp_contract_dialog_save;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
      "/org/localityplanner/LocalityPlanner/views/lp-contract-dialog.ui");
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
}

static void
lp_contract_dialog_init (LpContractDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
lp_contract_dialog_set_sector (LpContractDialog *self,
                               const char       *sector)
{
  lp_edit_dialog_set_keys (LP_EDIT_DIALOG (self), LP_FIELD_SECTOR, lp_view_text_sector_keys (),
                           lp_view_text_sector_label, sector);
}

/* The figures and dates as the user would type them; core reads both
 * forms back. */
static void
lp_contract_dialog_fill (LpContractDialog *self,
                         LpContract       *contract)
{
  LpEditDialog *dialog = LP_EDIT_DIALOG (self);
  g_autofree char *start = lp_format_date (lp_contract_get_start_date (contract));
  g_autofree char *end = lp_format_date (lp_contract_get_end_date (contract));
  g_autofree char *extension = lp_format_count (lp_contract_get_extension_months (contract));
  g_autofree char *value = lp_format_pounds (lp_contract_get_annual_value_pounds (contract));

  lp_edit_dialog_set_text (dialog, LP_FIELD_PROVIDER, lp_contract_get_provider (contract));
  lp_contract_dialog_set_sector (self, lp_contract_get_sector (contract));
  lp_edit_dialog_set_text (dialog, LP_FIELD_SERVICE, lp_contract_get_service (contract));
  lp_edit_dialog_set_text (dialog, LP_FIELD_START_DATE, start);
  lp_edit_dialog_set_text (dialog, LP_FIELD_END_DATE, end);
  lp_edit_dialog_set_text (dialog, LP_FIELD_EXTENSION, extension);
  lp_edit_dialog_set_text (dialog, LP_FIELD_ANNUAL_VALUE, value);
  lp_edit_dialog_set_text (dialog, LP_FIELD_NOTES, lp_contract_get_notes (contract));
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

  self = g_object_new (LP_TYPE_CONTRACT_DIALOG, "plan", plan, "id", contract_id, NULL);
  if (contract_id == 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Contract"));
      lp_edit_dialog_set_undo_label (LP_EDIT_DIALOG (self), _("Add contract"));
      lp_contract_dialog_set_sector (self, NULL);
      return self;
    }
  contract = lp_plan_get_contract (plan, contract_id, &error);
  if (contract == NULL)
    {
      lp_contract_dialog_set_sector (self, NULL);
      lp_edit_dialog_set_unavailable (LP_EDIT_DIALOG (self), error->message);
      return self;
    }
  lp_contract_dialog_fill (self, contract);
  return self;
}
