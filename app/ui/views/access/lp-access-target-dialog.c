/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Adding or editing a point of the plan's coverage trajectory: the
 * period as the plan writes it and the target percentage, handed to core
 * (lp_plan_save_access_target_form); LpEditDialog does the rest.  While
 * the period is typed, the dialog says the month it applies from, since
 * a quarter's target starts in the quarter's first month. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-access-target-dialog.h"
#include "lp-access-text.h"

struct _LpAccessTargetDialog
{
  LpEditDialog  parent_instance;

  GtkWidget    *period_row;
  GtkLabel     *applies_label;
  gint64        locality_id;   /* a new point's: the locality's own trajectory; 0: the plan's */
};

G_DEFINE_FINAL_TYPE (LpAccessTargetDialog, lp_access_target_dialog, LP_TYPE_EDIT_DIALOG)

static const LpEditField fields[] = {
  { LP_FIELD_PERIOD, "period_row", TRUE },
  { LP_FIELD_TARGET, "target_row", TRUE },
};

static gboolean
lp_access_target_dialog_save (LpEditDialog  *dialog,
                              gint64        *id,
                              const char   **bad_field,
                              GError       **error)
{
  LpAccessTargetForm form = {
    .period = lp_edit_dialog_get_text (dialog, LP_FIELD_PERIOD),
    .target = lp_edit_dialog_get_text (dialog, LP_FIELD_TARGET),
  };

  *id = lp_plan_save_access_target_form (lp_edit_dialog_get_plan (dialog), *id,
                                         LP_ACCESS_TARGET_DIALOG (dialog)->locality_id, &form, bad_field, error);
  return *id != 0;
}

static void
lp_access_target_dialog_period_changed (LpAccessTargetDialog *self)
{
  g_autofree char *month = lp_access_text_applies_from (lp_edit_dialog_get_plan (LP_EDIT_DIALOG (self)),
                                                         gtk_editable_get_text (GTK_EDITABLE (self->period_row)));

  gtk_label_set_label (self->applies_label, month != NULL ? month : "–");
}

/* The template's widgets are the base's to dispose, so they are found
 * by name rather than bound. */
static GtkWidget *
lp_access_target_dialog_find (GtkWidget  *root,
                              const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lp_access_target_dialog_find (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
lp_access_target_dialog_constructed (GObject *object)
{
  LpAccessTargetDialog *self = LP_ACCESS_TARGET_DIALOG (object);

  G_OBJECT_CLASS (lp_access_target_dialog_parent_class)->constructed (object);
  self->period_row = lp_edit_dialog_get_field (LP_EDIT_DIALOG (self), LP_FIELD_PERIOD);
  self->applies_label = GTK_LABEL (lp_access_target_dialog_find (GTK_WIDGET (self), "applies-label"));
  g_signal_connect_swapped (self->period_row, "changed", G_CALLBACK (lp_access_target_dialog_period_changed), self);
}

static void
lp_access_target_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_ACCESS_TARGET_DIALOG);
  G_OBJECT_CLASS (lp_access_target_dialog_parent_class)->dispose (object);
}

static void
lp_access_target_dialog_class_init (LpAccessTargetDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->constructed = lp_access_target_dialog_constructed;
  object_class->dispose = lp_access_target_dialog_dispose;
  edit_class->save = lp_access_target_dialog_save;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
      "/org/localityplanner/LocalityPlanner/ui/lp-access-target-dialog.ui");
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
}

static void
lp_access_target_dialog_init (LpAccessTargetDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lp_access_target_dialog_new:
 * @target_id: the trajectory point to edit, or 0 to add one
 * @locality_id: for a new point, the locality whose own trajectory it is
 *   part of, or 0 for the plan's
 * @locality: (nullable): that locality's name
 *
 * Returns: (transfer none): the dialog, not yet shown; GTK holds it until
 *   it is closed
 */
LpAccessTargetDialog *
lp_access_target_dialog_new (LpPlan     *plan,
                             gint64      target_id,
                             gint64      locality_id,
                             const char *locality)
{
  LpAccessTargetDialog *self;
  g_autoptr(LpAccessTargetRow) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *percent = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (locality_id == 0 || locality != NULL, NULL);

  self = g_object_new (LP_TYPE_ACCESS_TARGET_DIALOG, "plan", plan, "id", target_id, NULL);
  if (target_id == 0 && locality_id != 0)
    {
      /* TRANSLATORS: a dialog's title; %s is a locality's name */
      g_autofree char *title = g_strdup_printf (_("New Target for %s"), locality);
      /* TRANSLATORS: an undo step; %s is a locality's name */
      g_autofree char *step = g_strdup_printf (_("Add %s trajectory target"), locality);

      self->locality_id = locality_id;
      gtk_window_set_title (GTK_WINDOW (self), title);
      lp_edit_dialog_set_undo_label (LP_EDIT_DIALOG (self), step);
      return self;
    }
  if (target_id == 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Target"));
      lp_edit_dialog_set_undo_label (LP_EDIT_DIALOG (self), _("Add trajectory target"));
      return self;
    }
  target = lp_plan_get_access_target (plan, target_id, &error);
  if (target == NULL)
    {
      lp_edit_dialog_set_unavailable (LP_EDIT_DIALOG (self), error->message);
      return self;
    }
  /* The percentage as typed: "68", "95.5"; core reads it back. */
  percent = lp_access_text_percent_typed (target->target_bp);
  lp_edit_dialog_set_text (LP_EDIT_DIALOG (self), LP_FIELD_PERIOD, target->period);
  lp_edit_dialog_set_text (LP_EDIT_DIALOG (self), LP_FIELD_TARGET, percent);
  return self;
}
