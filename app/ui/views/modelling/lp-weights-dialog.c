/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The apportionment weights dialog (see lp-weights-dialog.h).  Core reads
 * and stores the weights (lp-pathway.h); lp-pathway-text reads what was
 * typed. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-form-window.h"
#include "lp-pathway-text.h"
#include "lp-weights-dialog.h"

struct _LpWeightsDialog
{
  AdwWindow            parent_instance;

  LpPlan              *plan;
  LpScenario          *scenario;
  GtkSwitch           *population_switch;
  AdwPreferencesGroup *weights_group;
  GPtrArray           *rows;          /* AdwEntryRow, one a locality */
  GArray              *locality_ids;  /* gint64, in the rows' order */
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (LpWeightsDialog, lp_weights_dialog, ADW_TYPE_WINDOW)

static void
lp_weights_dialog_show_error (LpWeightsDialog *self,
                             const char      *message)
{
  lp_form_window_show_error (self->error_label, message);
}

/* An error stays only until the figure it is about is changed. */
static void
lp_weights_dialog_edited (LpWeightsDialog *self)
{
  lp_weights_dialog_show_error (self, NULL);
}

static GHashTable *
lp_weights_dialog_read (LpWeightsDialog  *self,
                        GError          **error)
{
  g_autoptr(GHashTable) weights = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (gtk_switch_get_active (self->population_switch))
    return g_steal_pointer (&weights);
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      double weight;

      if (!lp_pathway_text_parse_weight (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                         gtk_editable_get_text (GTK_EDITABLE (row)), &weight, error))
        return NULL;
      g_hash_table_insert (weights, g_memdup2 (&g_array_index (self->locality_ids, gint64, i), sizeof (gint64)),
                           g_memdup2 (&weight, sizeof weight));
    }
  return g_steal_pointer (&weights);
}

gboolean
lp_weights_dialog_save (LpWeightsDialog *self)
{
  g_autoptr(GHashTable) weights = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LP_IS_WEIGHTS_DIALOG (self), FALSE);

  weights = lp_weights_dialog_read (self, &error);
  if (weights == NULL || !lp_plan_set_weights (self->plan, lp_scenario_get_id (self->scenario), weights, &error))
    {
      lp_weights_dialog_show_error (self, error->message);
      return FALSE;
    }
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
lp_weights_dialog_save_activated (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  lp_weights_dialog_save (LP_WEIGHTS_DIALOG (widget));
}

static AdwPreferencesGroup *
lp_weights_dialog_population_group (LpWeightsDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
      _("How this scenario shares the STP’s and the CCG’s pathway changes among localities. "
        "A locality’s own figures are not shared."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("By registered population"));
  self->population_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->population_switch), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->population_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->population_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_PREFERENCES_GROUP (group);
}

/* A row a locality, its weight as stated (or empty: 0). */
static void
lp_weights_dialog_fill (LpWeightsDialog *self,
                        GHashTable      *weights)
{
  g_autoptr(GListModel) localities = lp_plan_list_localities (self->plan, NULL);

  for (guint i = 0; localities != NULL && i < g_list_model_get_n_items (localities); i++)
    {
      g_autoptr(LpLocality) locality = g_list_model_get_item (localities, i);
      gint64 id = lp_locality_get_id (locality);
      double *weight = g_hash_table_lookup (weights, &id);
      g_autofree char *text = weight != NULL ? lp_pathway_text_figure (*weight) : NULL;
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lp_locality_get_name (locality));
      adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
      g_signal_connect_swapped (row, "changed", G_CALLBACK (lp_weights_dialog_edited), self);
      adw_preferences_group_add (self->weights_group, row);
      g_ptr_array_add (self->rows, row);
      g_array_append_val (self->locality_ids, id);
    }
}

static void
lp_weights_dialog_build (LpWeightsDialog *self)
{
  GtkWidget *page = adw_preferences_page_new ();

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), lp_weights_dialog_population_group (self));
  self->weights_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->weights_group, _("Weights"));
  adw_preferences_group_set_description (self->weights_group,
      _("Any scale: each locality gets its weight over the total of them all. An empty weight is 0."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->weights_group);
  g_object_bind_property (self->population_switch, "active", self->weights_group, "sensitive",
                          G_BINDING_INVERT_BOOLEAN | G_BINDING_SYNC_CREATE);
  self->error_label = lp_form_window_build (ADW_WINDOW (self), _("Apportionment Weights"),
                                            lp_scenario_get_name (self->scenario), page);
}

LpWeightsDialog *
lp_weights_dialog_new (GtkWindow  *parent,
                       LpPlan     *plan,
                       LpScenario *scenario)
{
  LpWeightsDialog *self = g_object_new (LP_TYPE_WEIGHTS_DIALOG, "modal", TRUE, "transient-for", parent,
                                        "default-width", 480, "default-height", 600, NULL);
  g_autoptr(GHashTable) weights = NULL;

  self->plan = g_object_ref (plan);
  self->scenario = g_object_ref (scenario);
  lp_weights_dialog_build (self);
  weights = lp_plan_get_weights (plan, lp_scenario_get_id (scenario), NULL);
  if (weights == NULL)
    weights = g_hash_table_new (g_int64_hash, g_int64_equal);
  gtk_switch_set_active (self->population_switch, g_hash_table_size (weights) == 0);
  lp_weights_dialog_fill (self, weights);
  gtk_widget_set_sensitive (GTK_WIDGET (self), !lp_plan_is_read_only (plan));
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

void
lp_weights_dialog_set_by_population (LpWeightsDialog *self,
                                     gboolean         by_population)
{
  g_return_if_fail (LP_IS_WEIGHTS_DIALOG (self));

  gtk_switch_set_active (self->population_switch, by_population);
}

static GtkWidget *
lp_weights_dialog_row (LpWeightsDialog *self,
                       const char      *locality)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (self->rows, i)), locality) == 0)
      return g_ptr_array_index (self->rows, i);
  return NULL;
}

gboolean
lp_weights_dialog_set_weight (LpWeightsDialog *self,
                              const char      *locality,
                              const char      *weight)
{
  GtkWidget *row;

  g_return_val_if_fail (LP_IS_WEIGHTS_DIALOG (self), FALSE);

  row = lp_weights_dialog_row (self, locality);
  if (row != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), weight);
  return row != NULL;
}

const char *
lp_weights_dialog_get_weight (LpWeightsDialog *self,
                              const char      *locality)
{
  GtkWidget *row;

  g_return_val_if_fail (LP_IS_WEIGHTS_DIALOG (self), NULL);

  row = lp_weights_dialog_row (self, locality);
  return row != NULL ? gtk_editable_get_text (GTK_EDITABLE (row)) : NULL;
}

const char *
lp_weights_dialog_get_error (LpWeightsDialog *self)
{
  g_return_val_if_fail (LP_IS_WEIGHTS_DIALOG (self), NULL);

  return lp_form_window_get_error (self->error_label);
}

static void
lp_weights_dialog_finalize (GObject *object)
{
  LpWeightsDialog *self = LP_WEIGHTS_DIALOG (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->scenario);
  g_ptr_array_unref (self->rows);
  g_array_unref (self->locality_ids);
  G_OBJECT_CLASS (lp_weights_dialog_parent_class)->finalize (object);
}

static void
lp_weights_dialog_class_init (LpWeightsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lp_weights_dialog_finalize;
  lp_form_window_class_setup (widget_class, lp_weights_dialog_save_activated);
}

static void
lp_weights_dialog_init (LpWeightsDialog *self)
{
  self->rows = g_ptr_array_new ();
  self->locality_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}
