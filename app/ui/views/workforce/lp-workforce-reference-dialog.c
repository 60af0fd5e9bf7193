/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reference figure the Workforce view compares the plan's patients
 * per GP FTE with (England's, as NHS Digital publishes it): its value,
 * the date it describes and its source (lp_plan_enter_reference_figure). */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-workforce-reference-dialog.h"

struct _LpWorkforceReferenceDialog
{
  LpEditDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (LpWorkforceReferenceDialog, lp_workforce_reference_dialog, LP_TYPE_EDIT_DIALOG)

static const LpEditField fields[] = {
  { LP_FIELD_WF_REF_VALUE, "value_row", TRUE },
  { LP_FIELD_WF_REF_AS_AT, "as_at_row", TRUE },
  { LP_FIELD_WF_REF_SOURCE, "source_row", FALSE },
};

static gboolean
lp_workforce_reference_dialog_save (LpEditDialog  *dialog,
                                    gint64        *id,
                                    const char   **bad_field,
                                    GError       **error)
{
  if (!lp_plan_enter_reference_figure (lp_edit_dialog_get_plan (dialog), LP_WORKFORCE_REFERENCE_PER_GP,
                                       _("Patients per fully qualified FTE GP in England"),
                                       lp_edit_dialog_get_text (dialog, LP_FIELD_WF_REF_VALUE),
                                       lp_edit_dialog_get_text (dialog, LP_FIELD_WF_REF_AS_AT),
                                       lp_edit_dialog_get_text (dialog, LP_FIELD_WF_REF_SOURCE), bad_field, error))
    return FALSE;
  *id = 1;
  return TRUE;
}

static void
lp_workforce_reference_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_WORKFORCE_REFERENCE_DIALOG);
  G_OBJECT_CLASS (lp_workforce_reference_dialog_parent_class)->dispose (object);
}

static void
lp_workforce_reference_dialog_class_init (LpWorkforceReferenceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = lp_workforce_reference_dialog_dispose;
  edit_class->save = lp_workforce_reference_dialog_save;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
      "/org/localityplanner/LocalityPlanner/ui/lp-workforce-reference-dialog.ui");
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
}

static void
lp_workforce_reference_dialog_init (LpWorkforceReferenceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lp_workforce_reference_dialog_new:
 *
 * Returns: (transfer none): the dialog, not yet shown, holding the figure
 *   the plan has
 */
LpWorkforceReferenceDialog *
lp_workforce_reference_dialog_new (LpPlan *plan)
{
  LpWorkforceReferenceDialog *self;
  g_autofree char *as_at = NULL;
  double value;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  self = g_object_new (LP_TYPE_WORKFORCE_REFERENCE_DIALOG, "plan", plan, NULL);
  if (lp_plan_get_reference_figure (plan, LP_WORKFORCE_REFERENCE_PER_GP, &value, NULL, &as_at))
    {
      g_autofree char *figure = lp_format_shortest (value);
      g_autofree char *date = lp_format_date (as_at);

      lp_edit_dialog_set_text (LP_EDIT_DIALOG (self), LP_FIELD_WF_REF_VALUE, figure);
      lp_edit_dialog_set_text (LP_EDIT_DIALOG (self), LP_FIELD_WF_REF_AS_AT, date);
    }
  return self;
}
