/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The apportionment weights dialog (see lp-weights-dialog.h): the switch
 * in its template, a field for each locality, and core's save function;
 * LpEditDialog does the rest. */
#include "config.h"

#include "lp-pathway-text.h"
#include "lp-weights-dialog.h"

typedef struct {
  gint64  locality_id;
  char   *key;        /* the field's */
  char   *name;       /* the locality's, which the row shows */
} LpWeightField;

struct _LpWeightsDialog
{
  LpEditDialog         parent_instance;

  /* Template children */
  GtkSwitch           *population_switch;
  AdwPreferencesGroup *weights_group;

  LpScenario          *scenario;
  GArray              *weights;   /* LpWeightField, a locality each */
};

G_DEFINE_FINAL_TYPE (LpWeightsDialog, lp_weights_dialog, LP_TYPE_EDIT_DIALOG)

static gboolean
lp_weights_dialog_save (LpEditDialog  *dialog,
                        gint64        *id,
                        const char   **bad_field,
                        GError       **error)
{
  LpWeightsDialog *self = LP_WEIGHTS_DIALOG (dialog);
  g_autofree LpWeightsFormRow *rows = g_new0 (LpWeightsFormRow, self->weights->len);

  for (guint i = 0; i < self->weights->len; i++)
    {
      const LpWeightField *field = &g_array_index (self->weights, LpWeightField, i);

      rows[i] = (LpWeightsFormRow) { field->locality_id, lp_edit_dialog_get_text (dialog, field->key), field->key };
    }
  *id = lp_scenario_get_id (self->scenario);
  return lp_plan_save_weights_form (lp_edit_dialog_get_plan (dialog), *id,
                                    gtk_switch_get_active (self->population_switch),
                                    rows, self->weights->len, bad_field, error);
}

/* A row a locality, with its weight as stated (or empty: 0). */
static void
lp_weights_dialog_fill (LpWeightsDialog *self,
                        GHashTable      *weights)
{
  LpEditDialog *dialog = LP_EDIT_DIALOG (self);
  g_autoptr(GListModel) localities = lp_plan_list_localities (lp_edit_dialog_get_plan (dialog), NULL);

  for (guint i = 0; localities != NULL && i < g_list_model_get_n_items (localities); i++)
    {
      g_autoptr(LpLocality) locality = g_list_model_get_item (localities, i);
      gint64 id = lp_locality_get_id (locality);
      double *weight = g_hash_table_lookup (weights, &id);
      g_autofree char *text = weight != NULL ? lp_pathway_text_figure (*weight) : NULL;
      LpWeightField field = { id, g_strdup_printf ("weight-%" G_GINT64_FORMAT, id),
                              g_strdup (lp_locality_get_name (locality)) };
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field.name);
      adw_preferences_group_add (self->weights_group, row);
      g_array_append_val (self->weights, field);
      lp_edit_dialog_add_field (dialog, field.key, row, FALSE);
      lp_edit_dialog_set_text (dialog, field.key, text);
    }
}

static void
lp_weight_field_clear (gpointer data)
{
  LpWeightField *field = data;

  g_free (field->key);
  g_free (field->name);
}

static void
lp_weights_dialog_dispose (GObject *object)
{
  LpWeightsDialog *self = LP_WEIGHTS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_WEIGHTS_DIALOG);
  g_clear_object (&self->scenario);
  G_OBJECT_CLASS (lp_weights_dialog_parent_class)->dispose (object);
}

static void
lp_weights_dialog_finalize (GObject *object)
{
  LpWeightsDialog *self = LP_WEIGHTS_DIALOG (object);

  g_array_unref (self->weights);
  G_OBJECT_CLASS (lp_weights_dialog_parent_class)->finalize (object);
}

static void
lp_weights_dialog_class_init (LpWeightsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_weights_dialog_dispose;
  object_class->finalize = lp_weights_dialog_finalize;
  LP_EDIT_DIALOG_CLASS (klass)->save = lp_weights_dialog_save;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lp-weights-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LpWeightsDialog, population_switch);
  gtk_widget_class_bind_template_child (widget_class, LpWeightsDialog, weights_group);
}

static void
lp_weights_dialog_init (LpWeightsDialog *self)
{
  self->weights = g_array_new (FALSE, FALSE, sizeof (LpWeightField));
  g_array_set_clear_func (self->weights, lp_weight_field_clear);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lp_weights_dialog_new:
 *
 * Returns: (transfer none): the dialog, shown; it closes itself
 */
LpWeightsDialog *
lp_weights_dialog_new (GtkWindow  *parent,
                       LpPlan     *plan,
                       LpScenario *scenario)
{
  LpWeightsDialog *self;
  g_autoptr(GHashTable) weights = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan) && LP_IS_SCENARIO (scenario), NULL);

  self = g_object_new (LP_TYPE_WEIGHTS_DIALOG, "plan", plan, "id", lp_scenario_get_id (scenario),
                       "subtitle", lp_scenario_get_name (scenario), NULL);
  self->scenario = g_object_ref (scenario);
  weights = lp_plan_get_weights (plan, lp_scenario_get_id (scenario), NULL);
  if (weights == NULL)
    weights = g_hash_table_new (g_int64_hash, g_int64_equal);
  gtk_switch_set_active (self->population_switch, g_hash_table_size (weights) == 0);
  lp_weights_dialog_fill (self, weights);
  lp_edit_dialog_present (LP_EDIT_DIALOG (self), GTK_WIDGET (parent));
  return self;
}

void
lp_weights_dialog_set_by_population (LpWeightsDialog *self,
                                     gboolean         by_population)
{
  g_return_if_fail (LP_IS_WEIGHTS_DIALOG (self));

  gtk_switch_set_active (self->population_switch, by_population);
}

static const char *
lp_weights_dialog_key (LpWeightsDialog *self,
                       const char      *locality)
{
  for (guint i = 0; i < self->weights->len; i++)
    {
      const LpWeightField *field = &g_array_index (self->weights, LpWeightField, i);

      if (g_strcmp0 (field->name, locality) == 0)
        return field->key;
    }
  return NULL;
}

gboolean
lp_weights_dialog_set_weight (LpWeightsDialog *self,
                              const char      *locality,
                              const char      *weight)
{
  const char *key;

  g_return_val_if_fail (LP_IS_WEIGHTS_DIALOG (self), FALSE);

  key = lp_weights_dialog_key (self, locality);
  if (key != NULL)
    lp_edit_dialog_set_text (LP_EDIT_DIALOG (self), key, weight);
  return key != NULL;
}

const char *
lp_weights_dialog_get_weight (LpWeightsDialog *self,
                              const char      *locality)
{
  const char *key;

  g_return_val_if_fail (LP_IS_WEIGHTS_DIALOG (self), NULL);

  key = lp_weights_dialog_key (self, locality);
  return key != NULL ? lp_edit_dialog_get_text (LP_EDIT_DIALOG (self), key) : NULL;
}

/* The reason shown under the locality's weight, or NULL. */
const char *
lp_weights_dialog_get_error (LpWeightsDialog *self,
                             const char      *locality)
{
  const char *key;

  g_return_val_if_fail (LP_IS_WEIGHTS_DIALOG (self), NULL);

  key = lp_weights_dialog_key (self, locality);
  return key != NULL ? lp_edit_dialog_get_error (LP_EDIT_DIALOG (self), key) : NULL;
}
