/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Adding or editing a workforce target: the staff group or role, where it
 * applies, the FTE change and the date or quarter it is due by, handed as
 * typed to core (lp_plan_save_workforce_target_form). */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-workforce-staff-row.h"
#include "lp-workforce-target-dialog.h"

struct _LpWorkforceTargetDialog
{
  LpEditDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (LpWorkforceTargetDialog, lp_workforce_target_dialog, LP_TYPE_EDIT_DIALOG)

static const LpEditField fields[] = {
  { LP_FIELD_WF_STAFF, "staff_row", FALSE },
  { LP_FIELD_WF_APPLIES_TO, "applies_to_row", FALSE },
  { LP_FIELD_WF_FTE_CHANGE, "fte_change_row", TRUE },
  { LP_FIELD_WF_DUE, "due_row", TRUE },
  { LP_FIELD_WF_LABEL, "label_row", FALSE },
};

static gboolean
lp_workforce_target_dialog_save (LpEditDialog  *dialog,
                                 gint64        *id,
                                 const char   **bad_field,
                                 GError       **error)
{
  LpWorkforceTargetForm form = {
    .staff = lp_edit_dialog_get_key (dialog, LP_FIELD_WF_STAFF),
    .applies_to = lp_edit_dialog_get_text (dialog, LP_FIELD_WF_APPLIES_TO),
    .fte_change = lp_edit_dialog_get_text (dialog, LP_FIELD_WF_FTE_CHANGE),
    .due = lp_edit_dialog_get_text (dialog, LP_FIELD_WF_DUE),
    .label = lp_edit_dialog_get_text (dialog, LP_FIELD_WF_LABEL),
  };

  *id = lp_plan_save_workforce_target_form (lp_edit_dialog_get_plan (dialog), *id, &form, bad_field, error);
  return *id != 0;
}

static void
lp_workforce_target_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_WORKFORCE_TARGET_DIALOG);
  G_OBJECT_CLASS (lp_workforce_target_dialog_parent_class)->dispose (object);
}

static void
lp_workforce_target_dialog_class_init (LpWorkforceTargetDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = lp_workforce_target_dialog_dispose;
  edit_class->save = lp_workforce_target_dialog_save;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
      "/org/localityplanner/LocalityPlanner/ui/lp-workforce-target-dialog.ui");
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
}

static void
lp_workforce_target_dialog_init (LpWorkforceTargetDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The target as the user would type it again. */
static void
lp_workforce_target_dialog_fill (LpWorkforceTargetDialog *self,
                                 const LpWorkforceTarget *target)
{
  LpEditDialog *dialog = LP_EDIT_DIALOG (self);
  g_autofree char *change = lp_format_shortest (target->fte_change);
  g_autofree char *signed_change = target->fte_change > 0 ? g_strconcat ("+", change, NULL) : g_strdup (change);
  g_autofree char *due = lp_format_date (target->due);

  lp_workforce_staff_row_fill (dialog, LP_FIELD_WF_STAFF, TRUE, target->staff);
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_APPLIES_TO, target->applies_to);
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_FTE_CHANGE, signed_change);
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_DUE, due);
  lp_edit_dialog_set_text (dialog, LP_FIELD_WF_LABEL, target->label);
}

/**
 * lp_workforce_target_dialog_new:
 * @target_id: the target to edit, or 0 to add one
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
LpWorkforceTargetDialog *
lp_workforce_target_dialog_new (LpPlan *plan,
                                gint64  target_id)
{
  LpWorkforceTargetDialog *self;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  self = g_object_new (LP_TYPE_WORKFORCE_TARGET_DIALOG, "plan", plan, "id", target_id, NULL);
  if (target_id == 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Workforce Target"));
      lp_edit_dialog_set_undo_label (LP_EDIT_DIALOG (self), _("Add workforce target"));
      lp_workforce_staff_row_fill (LP_EDIT_DIALOG (self), LP_FIELD_WF_STAFF, TRUE, "GP");
      return self;
    }
  targets = lp_plan_list_workforce_targets (plan, target_id, &error);
  if (targets == NULL || targets->len == 0)
    {
      lp_workforce_staff_row_fill (LP_EDIT_DIALOG (self), LP_FIELD_WF_STAFF, TRUE, NULL);
      lp_edit_dialog_set_unavailable (LP_EDIT_DIALOG (self),
                                      error != NULL ? error->message : _("The target no longer exists"));
      return self;
    }
  lp_workforce_target_dialog_fill (self, g_ptr_array_index (targets, 0));
  return self;
}
