/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pathway dialog's name and group (see lp-pathway-name-dialog.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-pathway-name-dialog.h"
#include "lp-pathway-text.h"
#include "lp-population-base-row.h"

struct _LpPathwayNameDialog
{
  LpEditDialog  parent_instance;

  /* Template children */
  AdwActionRow *base_source_row;

  char         *pathway;   /* its name when the dialog opened */
};

G_DEFINE_FINAL_TYPE (LpPathwayNameDialog, lp_pathway_name_dialog, LP_TYPE_EDIT_DIALOG)

static const LpEditField fields[] = {
  { LP_FIELD_PATHWAY_NAME, "name_row", TRUE },
  { LP_FIELD_PATHWAY_CATEGORY, "category_row", FALSE },
  { LP_FIELD_POPULATION_BASE, "base_row", TRUE },
};

static gboolean
lp_pathway_name_dialog_save (LpEditDialog  *dialog,
                             gint64        *id,
                             const char   **bad_field,
                             GError       **error)
{
  LpPathwayNameDialog *self = LP_PATHWAY_NAME_DIALOG (dialog);
  AdwComboRow *category = ADW_COMBO_ROW (lp_edit_dialog_get_field (dialog, LP_FIELD_PATHWAY_CATEGORY));

  if (!lp_plan_save_pathway_edit (lp_edit_dialog_get_plan (dialog), self->pathway,
                                  (LpPathwayCategory) adw_combo_row_get_selected (category),
                                  lp_edit_dialog_get_text (dialog, LP_FIELD_PATHWAY_NAME),
                                  lp_edit_dialog_get_text (dialog, LP_FIELD_POPULATION_BASE), bad_field, error))
    return FALSE;
  g_free (self->pathway);
  self->pathway = g_strstrip (g_strdup (lp_edit_dialog_get_text (dialog, LP_FIELD_PATHWAY_NAME)));
  return TRUE;
}

static void
lp_pathway_name_dialog_finalize (GObject *object)
{
  LpPathwayNameDialog *self = LP_PATHWAY_NAME_DIALOG (object);

  g_free (self->pathway);
  G_OBJECT_CLASS (lp_pathway_name_dialog_parent_class)->finalize (object);
}

static void
lp_pathway_name_dialog_class_init (LpPathwayNameDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->finalize = lp_pathway_name_dialog_finalize;
  edit_class->save = lp_pathway_name_dialog_save;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lp-pathway-name-dialog.ui");
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
  gtk_widget_class_bind_template_child (widget_class, LpPathwayNameDialog, base_source_row);
}

static void
lp_pathway_name_dialog_init (LpPathwayNameDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lp_pathway_name_dialog_new:
 *
 * Returns: (transfer none): the dialog, shown; it closes itself
 */
LpPathwayNameDialog *
lp_pathway_name_dialog_new (GtkWindow  *parent,
                            LpPlan     *plan,
                            const char *pathway)
{
  LpPathwayNameDialog *self;
  LpPathwayCategory category = LP_PATHWAY_INPATIENT;
  g_auto(GStrv) categories = lp_pathway_text_categories ();
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char *const *) categories);
  AdwComboRow *row;
  g_autoptr(GPtrArray) choices = lp_plan_list_population_base_choices (plan, NULL);
  g_autofree char *base = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan) && pathway != NULL, NULL);

  self = g_object_new (LP_TYPE_PATHWAY_NAME_DIALOG, "plan", plan, "subtitle", pathway, NULL);
  self->pathway = g_strdup (pathway);
  lp_plan_get_pathway_category (plan, pathway, &category, NULL);
  row = ADW_COMBO_ROW (lp_edit_dialog_get_field (LP_EDIT_DIALOG (self), LP_FIELD_PATHWAY_CATEGORY));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, category);
  lp_edit_dialog_set_text (LP_EDIT_DIALOG (self), LP_FIELD_PATHWAY_NAME, pathway);
  base = lp_plan_get_pathway_population_base (plan, pathway, NULL);
  lp_edit_dialog_set_text (LP_EDIT_DIALOG (self), LP_FIELD_POPULATION_BASE,
                           base != NULL ? base : LP_POPULATION_BASE_REGISTERED);
  lp_population_base_row_setup (ADW_ENTRY_ROW (lp_edit_dialog_get_field (LP_EDIT_DIALOG (self),
                                                                         LP_FIELD_POPULATION_BASE)),
                                self->base_source_row, plan, choices);
  lp_edit_dialog_present (LP_EDIT_DIALOG (self), GTK_WIDGET (parent));
  return self;
}
