/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The weights-by-age-band dialog (see lp-population-weights-dialog.h):
 * name and note in its template, a group a band added at run time, and
 * core's save function; LpEditDialog does the rest. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-pathway-text.h"
#include "lp-population-weights-dialog.h"

static const char *const sexes[] = { "all", "female", "male" };

typedef struct {
  char        *band_key;     /* the fields' keys */
  char        *weight_key;
  GtkWidget   *group;
  GtkDropDown *sex;
  gboolean     removed;      /* hidden: a field cannot leave the form */
} LpBandField;

struct _LpPopulationWeightsDialog
{
  LpEditDialog  parent_instance;

  char         *name;        /* the weights' when the dialog opened; NULL: new */
  GPtrArray    *bands;       /* LpBandField */
  guint         next_key;
};

G_DEFINE_FINAL_TYPE (LpPopulationWeightsDialog, lp_population_weights_dialog, LP_TYPE_EDIT_DIALOG)

static const LpEditField fields[] = {
  { LP_FIELD_WEIGHTS_NAME, "name_row", TRUE },
  { LP_FIELD_WEIGHTS_NOTE, "note_row", FALSE },
};

static void
lp_band_field_free (gpointer data)
{
  LpBandField *band = data;

  g_free (band->band_key);
  g_free (band->weight_key);
  g_free (band);
}

static gboolean
lp_population_weights_dialog_save (LpEditDialog  *dialog,
                                   gint64        *id,
                                   const char   **bad_field,
                                   GError       **error)
{
  LpPopulationWeightsDialog *self = LP_POPULATION_WEIGHTS_DIALOG (dialog);
  g_autofree LpWeightsTableFormRow *rows = g_new0 (LpWeightsTableFormRow, self->bands->len + 1);
  LpWeightsTableForm form = { lp_edit_dialog_get_text (dialog, LP_FIELD_WEIGHTS_NAME),
                              lp_edit_dialog_get_text (dialog, LP_FIELD_WEIGHTS_NOTE), 0, rows };

  for (guint i = 0; i < self->bands->len; i++)
    {
      const LpBandField *band = g_ptr_array_index (self->bands, i);
      guint sex = gtk_drop_down_get_selected (band->sex);

      if (band->removed)
        continue;
      rows[form.n_rows++] = (LpWeightsTableFormRow) {
        lp_edit_dialog_get_text (dialog, band->band_key),
        sexes[sex < G_N_ELEMENTS (sexes) ? sex : 0],
        lp_edit_dialog_get_text (dialog, band->weight_key),
        band->band_key, band->weight_key };
    }
  if (!lp_plan_save_population_weights_form (lp_edit_dialog_get_plan (dialog), self->name, &form, bad_field, error))
    return FALSE;
  g_free (self->name);
  self->name = g_strstrip (g_strdup (form.name));
  return TRUE;
}

static void
lp_population_weights_dialog_remove_clicked (GtkButton                 *button,
                                             LpPopulationWeightsDialog *self)
{
  for (guint i = 0; i < self->bands->len; i++)
    {
      LpBandField *band = g_ptr_array_index (self->bands, i);

      if (band->group == g_object_get_data (G_OBJECT (button), "lp-group"))
        {
          band->removed = TRUE;
          gtk_widget_set_visible (band->group, FALSE);
        }
    }
}

static LpBandField *
lp_population_weights_dialog_append (LpPopulationWeightsDialog   *self,
                                     const LpPopulationWeightRow *row)
{
  LpEditDialog *dialog = LP_EDIT_DIALOG (self);
  LpBandField *band = g_new0 (LpBandField, 1);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *band_row = adw_entry_row_new ();
  GtkWidget *weight_row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *labels[] = { _("Both sexes"), _("Female"), _("Male"), NULL };
  GtkWidget *sex = gtk_drop_down_new_from_strings (labels);
  guint n = ++self->next_key;

  band->band_key = g_strdup_printf ("band-%u", n);
  band->weight_key = g_strdup_printf ("weight-%u", n);
  band->group = group;
  band->sex = GTK_DROP_DOWN (sex);
  g_ptr_array_add (self->bands, band);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (band_row), _("Age band, such as 75+ or 0-74"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (weight_row), _("Weight"));
  gtk_widget_set_valign (sex, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sex), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sex"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (band_row), sex);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Band"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Band"), -1);
  g_object_set_data (G_OBJECT (remove), "lp-group", group);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (lp_population_weights_dialog_remove_clicked), self, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (weight_row), remove);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), band_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), weight_row);
  lp_edit_dialog_add_group (dialog, ADW_PREFERENCES_GROUP (group));
  lp_edit_dialog_add_field (dialog, band->band_key, band_row, FALSE);
  lp_edit_dialog_add_field (dialog, band->weight_key, weight_row, FALSE);
  if (row != NULL)
    {
      g_autofree char *weight = lp_pathway_text_figure (row->weight);

      lp_edit_dialog_set_text (dialog, band->band_key, row->age_band);
      lp_edit_dialog_set_text (dialog, band->weight_key, weight);
      for (guint i = 0; i < G_N_ELEMENTS (sexes); i++)
        if (g_strcmp0 (row->sex, sexes[i]) == 0)
          gtk_drop_down_set_selected (band->sex, i);
    }
  return band;
}

static void
lp_population_weights_dialog_add_band_activated (GtkWidget  *widget,
                                                 const char *action_name,
                                                 GVariant   *parameter)
{
  LpBandField *band = lp_population_weights_dialog_append (LP_POPULATION_WEIGHTS_DIALOG (widget), NULL);

  gtk_widget_grab_focus (lp_edit_dialog_get_field (LP_EDIT_DIALOG (widget), band->band_key));
}

static void
lp_population_weights_dialog_finalize (GObject *object)
{
  LpPopulationWeightsDialog *self = LP_POPULATION_WEIGHTS_DIALOG (object);

  g_free (self->name);
  g_ptr_array_unref (self->bands);
  G_OBJECT_CLASS (lp_population_weights_dialog_parent_class)->finalize (object);
}

static void
lp_population_weights_dialog_class_init (LpPopulationWeightsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->finalize = lp_population_weights_dialog_finalize;
  edit_class->save = lp_population_weights_dialog_save;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lp-population-weights-dialog.ui");
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
  gtk_widget_class_install_action (widget_class, "weights.add-band", NULL,
                                   lp_population_weights_dialog_add_band_activated);
}

static void
lp_population_weights_dialog_init (LpPopulationWeightsDialog *self)
{
  self->bands = g_ptr_array_new_with_free_func (lp_band_field_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lp_population_weights_dialog_new:
 *
 * Returns: (transfer none): the dialog, shown; it closes itself
 */
LpPopulationWeightsDialog *
lp_population_weights_dialog_new (GtkWindow  *parent,
                                  LpPlan     *plan,
                                  const char *name)
{
  LpPopulationWeightsDialog *self;
  g_autoptr(GPtrArray) weights = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  self = g_object_new (LP_TYPE_POPULATION_WEIGHTS_DIALOG, "plan", plan, "subtitle", name, NULL);
  if (name == NULL)
    {
      lp_edit_dialog_set_undo_label (LP_EDIT_DIALOG (self), _("Add weights"));
      lp_population_weights_dialog_append (self, NULL);
      lp_population_weights_dialog_append (self, NULL);
      lp_edit_dialog_present (LP_EDIT_DIALOG (self), GTK_WIDGET (parent));
      return self;
    }
  self->name = g_strdup (name);
  weights = lp_plan_list_population_weights (plan, &error);
  for (guint i = 0; weights != NULL && i < weights->len; i++)
    {
      const LpPopulationWeights *one = g_ptr_array_index (weights, i);

      if (g_strcmp0 (one->name, name) == 0)
        {
          lp_edit_dialog_set_text (LP_EDIT_DIALOG (self), LP_FIELD_WEIGHTS_NAME, one->name);
          lp_edit_dialog_set_text (LP_EDIT_DIALOG (self), LP_FIELD_WEIGHTS_NOTE, one->note);
        }
    }
  rows = lp_plan_get_population_weight_rows (plan, name, error == NULL ? &error : NULL);
  if (rows == NULL)
    lp_edit_dialog_set_unavailable (LP_EDIT_DIALOG (self), error->message);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    lp_population_weights_dialog_append (self, g_ptr_array_index (rows, i));
  lp_edit_dialog_present (LP_EDIT_DIALOG (self), GTK_WIDGET (parent));
  return self;
}

/* The @band'th band shown, counting from 0. */
static LpBandField *
lp_population_weights_dialog_band (LpPopulationWeightsDialog *self,
                                   guint                      band)
{
  for (guint i = 0; i < self->bands->len; i++)
    {
      LpBandField *field = g_ptr_array_index (self->bands, i);

      if (!field->removed && band-- == 0)
        return field;
    }
  return NULL;
}

guint
lp_population_weights_dialog_get_n_bands (LpPopulationWeightsDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (LP_IS_POPULATION_WEIGHTS_DIALOG (self), 0);

  while (lp_population_weights_dialog_band (self, n) != NULL)
    n++;
  return n;
}

void
lp_population_weights_dialog_add_band (LpPopulationWeightsDialog *self)
{
  g_return_if_fail (LP_IS_POPULATION_WEIGHTS_DIALOG (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "weights.add-band", NULL);
}

void
lp_population_weights_dialog_remove_band (LpPopulationWeightsDialog *self,
                                          guint                      band)
{
  LpBandField *field;

  g_return_if_fail (LP_IS_POPULATION_WEIGHTS_DIALOG (self));

  if ((field = lp_population_weights_dialog_band (self, band)) != NULL)
    {
      field->removed = TRUE;
      gtk_widget_set_visible (field->group, FALSE);
    }
}

const char *
lp_population_weights_dialog_band_key (LpPopulationWeightsDialog *self,
                                       guint                      band)
{
  LpBandField *field;

  g_return_val_if_fail (LP_IS_POPULATION_WEIGHTS_DIALOG (self), NULL);

  field = lp_population_weights_dialog_band (self, band);
  return field != NULL ? field->band_key : NULL;
}

const char *
lp_population_weights_dialog_weight_key (LpPopulationWeightsDialog *self,
                                         guint                      band)
{
  LpBandField *field;

  g_return_val_if_fail (LP_IS_POPULATION_WEIGHTS_DIALOG (self), NULL);

  field = lp_population_weights_dialog_band (self, band);
  return field != NULL ? field->weight_key : NULL;
}

void
lp_population_weights_dialog_set_sex (LpPopulationWeightsDialog *self,
                                      guint                      band,
                                      const char                *sex)
{
  LpBandField *field;

  g_return_if_fail (LP_IS_POPULATION_WEIGHTS_DIALOG (self));

  if ((field = lp_population_weights_dialog_band (self, band)) == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (sexes); i++)
    if (g_strcmp0 (sex, sexes[i]) == 0)
      gtk_drop_down_set_selected (field->sex, i);
}
