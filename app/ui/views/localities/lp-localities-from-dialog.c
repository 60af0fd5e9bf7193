/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Making localities from the practice map's PCNs or Sub-ICBs: which
 * grouping, whether practices already placed move too, and core's preview
 * of what that does (lp_plan_describe_localities_from) before Save makes
 * them in one undo step (lp_plan_make_localities_from). */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-localities-from-dialog.h"

#define FIELD_GROUPING "grouping"

struct _LpLocalitiesFromDialog
{
  LpEditDialog  parent_instance;

  /* Template children */
  GtkSwitch    *reassign_switch;
  GtkLabel     *preview_label;
};

G_DEFINE_FINAL_TYPE (LpLocalitiesFromDialog, lp_localities_from_dialog, LP_TYPE_EDIT_DIALOG)

static const LpEditField fields[] = {
  { FIELD_GROUPING, "grouping_row", TRUE },
};

static const char *const groupings[] = { "pcn", "sub_icb", NULL };

static const char *
grouping_label (const char *grouping)
{
  return g_strcmp0 (grouping, "pcn") == 0 ? _("PCN") : _("Sub-ICB");
}

static const char *
chosen_grouping (LpLocalitiesFromDialog *self)
{
  const char *grouping = lp_edit_dialog_get_key (LP_EDIT_DIALOG (self), FIELD_GROUPING);

  return grouping != NULL ? grouping : "pcn";
}

static void
lp_localities_from_dialog_update_preview (LpLocalitiesFromDialog *self)
{
  LpPlan *plan = lp_edit_dialog_get_plan (LP_EDIT_DIALOG (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* The rows' signals come before the plan is set. */
  if (plan == NULL || self->preview_label == NULL)
    return;
  text = lp_plan_describe_localities_from (plan, chosen_grouping (self),
                                           gtk_switch_get_active (self->reassign_switch), &error);
  gtk_label_set_label (self->preview_label, text != NULL ? text : error->message);
}

static gboolean
lp_localities_from_dialog_save (LpEditDialog  *dialog,
                                gint64        *id,
                                const char   **bad_field,
                                GError       **error)
{
  LpLocalitiesFromDialog *self = LP_LOCALITIES_FROM_DIALOG (dialog);
  guint made = 0;

  if (!lp_plan_make_localities_from (lp_edit_dialog_get_plan (dialog), chosen_grouping (self),
                                     gtk_switch_get_active (self->reassign_switch), &made, error))
    {
      *bad_field = FIELD_GROUPING;
      return FALSE;
    }
  /* "saved" carries no one row: any non-zero id says it was saved. */
  *id = MAX (made, 1);
  return TRUE;
}

static void
lp_localities_from_dialog_dispose (GObject *object)
{
  /* No gtk_widget_dispose_template(): GTK 4.8's asserts on this class's
   * children as the edit dialog's base disposes them (see LpDataView);
   * they go with the widget tree. */
  G_OBJECT_CLASS (lp_localities_from_dialog_parent_class)->dispose (object);
}

static void
lp_localities_from_dialog_class_init (LpLocalitiesFromDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = lp_localities_from_dialog_dispose;
  edit_class->save = lp_localities_from_dialog_save;
  gtk_widget_class_set_template_from_resource (widget_class,
      "/org/localityplanner/LocalityPlanner/views/lp-localities-from-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LpLocalitiesFromDialog, reassign_switch);
  gtk_widget_class_bind_template_child (widget_class, LpLocalitiesFromDialog, preview_label);
  gtk_widget_class_bind_template_callback (widget_class, lp_localities_from_dialog_update_preview);
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
}

static void
lp_localities_from_dialog_init (LpLocalitiesFromDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lp_edit_dialog_set_save_label (LP_EDIT_DIALOG (self), _("_Make Localities"));
}

/**
 * lp_localities_from_dialog_new:
 *
 * Returns: (transfer none): the dialog, not yet shown, PCNs chosen and
 *   practices already in a locality kept there
 */
LpLocalitiesFromDialog *
lp_localities_from_dialog_new (LpPlan *plan)
{
  LpLocalitiesFromDialog *self;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  self = g_object_new (LP_TYPE_LOCALITIES_FROM_DIALOG, "plan", plan, NULL);
  lp_edit_dialog_set_keys (LP_EDIT_DIALOG (self), FIELD_GROUPING, groupings, grouping_label, "pcn");
  lp_localities_from_dialog_update_preview (self);
  return self;
}

/* @grouping: "pcn" or "sub_icb" */
void
lp_localities_from_dialog_set_grouping (LpLocalitiesFromDialog *self,
                                        const char             *grouping)
{
  g_return_if_fail (LP_IS_LOCALITIES_FROM_DIALOG (self));

  lp_edit_dialog_set_keys (LP_EDIT_DIALOG (self), FIELD_GROUPING, groupings, grouping_label, grouping);
  lp_localities_from_dialog_update_preview (self);
}

void
lp_localities_from_dialog_set_reassign (LpLocalitiesFromDialog *self,
                                        gboolean                reassign)
{
  g_return_if_fail (LP_IS_LOCALITIES_FROM_DIALOG (self));

  gtk_switch_set_active (self->reassign_switch, reassign);
}

/* The preview shown: core's words for what Save would do. */
const char *
lp_localities_from_dialog_get_preview (LpLocalitiesFromDialog *self)
{
  g_return_val_if_fail (LP_IS_LOCALITIES_FROM_DIALOG (self), NULL);

  return gtk_label_get_label (self->preview_label);
}
