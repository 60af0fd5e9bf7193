/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A practice's FTE in a role typed by hand, for a plan with no NHS Digital
 * file yet (lp_plan_enter_baseline_fte): stored as entered by hand, and
 * replaced when the file is imported. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-workforce-baseline-dialog.h"
#include "lp-workforce-staff-row.h"

struct _LpWorkforceBaselineDialog
{
  LpEditDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (LpWorkforceBaselineDialog, lp_workforce_baseline_dialog, LP_TYPE_EDIT_DIALOG)

static const LpEditField fields[] = {
  { LP_FIELD_WF_PRACTICE, "practice_row", TRUE },
  { LP_FIELD_WF_ROLE, "role_row", FALSE },
  { LP_FIELD_WF_FTE, "fte_row", TRUE },
  { LP_FIELD_WF_AS_AT, "as_at_row", FALSE },
};

/* The row saved is a practice's role, not a row id: 1 says it saved. */
static gboolean
lp_workforce_baseline_dialog_save (LpEditDialog  *dialog,
                                   gint64        *id,
                                   const char   **bad_field,
                                   GError       **error)
{
  if (!lp_plan_enter_baseline_fte (lp_edit_dialog_get_plan (dialog),
                                   lp_edit_dialog_get_text (dialog, LP_FIELD_WF_PRACTICE),
                                   lp_edit_dialog_get_key (dialog, LP_FIELD_WF_ROLE),
                                   lp_edit_dialog_get_text (dialog, LP_FIELD_WF_FTE),
                                   lp_edit_dialog_get_text (dialog, LP_FIELD_WF_AS_AT), bad_field, error))
    return FALSE;
  *id = 1;
  return TRUE;
}

static void
lp_workforce_baseline_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_WORKFORCE_BASELINE_DIALOG);
  G_OBJECT_CLASS (lp_workforce_baseline_dialog_parent_class)->dispose (object);
}

static void
lp_workforce_baseline_dialog_class_init (LpWorkforceBaselineDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = lp_workforce_baseline_dialog_dispose;
  edit_class->save = lp_workforce_baseline_dialog_save;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
      "/org/localityplanner/LocalityPlanner/ui/lp-workforce-baseline-dialog.ui");
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
}

static void
lp_workforce_baseline_dialog_init (LpWorkforceBaselineDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lp_workforce_baseline_dialog_new:
 * @practice_code: (nullable): the practice to start with
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
LpWorkforceBaselineDialog *
lp_workforce_baseline_dialog_new (LpPlan     *plan,
                                  const char *practice_code)
{
  LpWorkforceBaselineDialog *self;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  self = g_object_new (LP_TYPE_WORKFORCE_BASELINE_DIALOG, "plan", plan, NULL);
  lp_workforce_staff_row_fill (LP_EDIT_DIALOG (self), LP_FIELD_WF_ROLE, FALSE, "GP_PARTNER");
  lp_edit_dialog_set_text (LP_EDIT_DIALOG (self), LP_FIELD_WF_PRACTICE, practice_code);
  return self;
}
