/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A role's yearly turnover and joiner rates in the base scenario
 * (lp_plan_enter_workforce_rates), each 0 to 100 %; choosing another role
 * shows the rates it has. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-workforce-rates-dialog.h"
#include "lp-workforce-staff-row.h"

struct _LpWorkforceRatesDialog
{
  LpEditDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (LpWorkforceRatesDialog, lp_workforce_rates_dialog, LP_TYPE_EDIT_DIALOG)

static const LpEditField fields[] = {
  { LP_FIELD_WF_ROLE, "role_row", FALSE },
  { LP_FIELD_WF_TURNOVER, "turnover_row", FALSE },
  { LP_FIELD_WF_JOINERS, "joiners_row", FALSE },
};

static gboolean
lp_workforce_rates_dialog_save (LpEditDialog  *dialog,
                                gint64        *id,
                                const char   **bad_field,
                                GError       **error)
{
  if (!lp_plan_enter_workforce_rates (lp_edit_dialog_get_plan (dialog), 0,
                                      lp_edit_dialog_get_key (dialog, LP_FIELD_WF_ROLE),
                                      lp_edit_dialog_get_text (dialog, LP_FIELD_WF_TURNOVER),
                                      lp_edit_dialog_get_text (dialog, LP_FIELD_WF_JOINERS), bad_field, error))
    return FALSE;
  *id = 1;
  return TRUE;
}

static void
lp_workforce_rates_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_WORKFORCE_RATES_DIALOG);
  G_OBJECT_CLASS (lp_workforce_rates_dialog_parent_class)->dispose (object);
}

static void
lp_workforce_rates_dialog_class_init (LpWorkforceRatesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = lp_workforce_rates_dialog_dispose;
  edit_class->save = lp_workforce_rates_dialog_save;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
      "/org/localityplanner/LocalityPlanner/ui/lp-workforce-rates-dialog.ui");
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
}

static void
lp_workforce_rates_dialog_init (LpWorkforceRatesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The chosen role's rates as they would be typed; blank where it has none. */
static void
lp_workforce_rates_dialog_role_changed (LpWorkforceRatesDialog *self)
{
  LpEditDialog *dialog = LP_EDIT_DIALOG (self);
  const char *role = lp_edit_dialog_get_key (dialog, LP_FIELD_WF_ROLE);
  gint turnover = 0, joiners = 0;
  g_autofree char *turnover_text = NULL;
  g_autofree char *joiners_text = NULL;

  if (role != NULL && lp_plan_get_workforce_rates (lp_edit_dialog_get_plan (dialog), 0, role, &turnover, &joiners))
    {
      turnover_text = lp_format_shortest (turnover / 100.0);
      joiners_text = lp_format_shortest (joiners / 100.0);
    }
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_TURNOVER, turnover_text);
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_JOINERS, joiners_text);
}

/**
 * lp_workforce_rates_dialog_new:
 * @role: (nullable): the role to start with
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
LpWorkforceRatesDialog *
lp_workforce_rates_dialog_new (LpPlan     *plan,
                               const char *role)
{
  LpWorkforceRatesDialog *self;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  self = g_object_new (LP_TYPE_WORKFORCE_RATES_DIALOG, "plan", plan, NULL);
  lp_workforce_staff_row_fill (LP_EDIT_DIALOG (self), LP_FIELD_WF_ROLE, FALSE, role);
  lp_workforce_rates_dialog_role_changed (self);
  g_signal_connect_swapped (lp_edit_dialog_get_field (LP_EDIT_DIALOG (self), LP_FIELD_WF_ROLE), "notify::selected",
                            G_CALLBACK (lp_workforce_rates_dialog_role_changed), self);
  return self;
}
