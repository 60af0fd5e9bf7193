/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan's weights (see lp-population-weights-window.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-population-weights-dialog.h"
#include "lp-population-weights-window.h"

struct _LpPopulationWeightsWindow
{
  AdwWindow            parent_instance;

  /* Template children */
  GtkStack            *stack;
  AdwPreferencesGroup *list_group;

  LpPlan              *plan;
  GPtrArray           *rows;     /* the rows in list_group */
};

G_DEFINE_FINAL_TYPE (LpPopulationWeightsWindow, lp_population_weights_window, ADW_TYPE_WINDOW)

static void
lp_population_weights_window_toast (LpPopulationWeightsWindow *self,
                                    const char                *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Weights Cannot Be Removed"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lp_population_weights_window_remove_clicked (GtkButton                 *button,
                                             LpPopulationWeightsWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *name = g_object_get_data (G_OBJECT (button), "lp-weights");

  lp_plan_set_step_label (self->plan, _("Remove weights"));
  if (!lp_plan_delete_population_weights (self->plan, name, &error))
    lp_population_weights_window_toast (self, error->message);
  lp_plan_set_step_label (self->plan, NULL);
}

static void
lp_population_weights_window_row_activated (AdwActionRow              *row,
                                            LpPopulationWeightsWindow *self)
{
  lp_population_weights_dialog_new (GTK_WINDOW (self), self->plan, g_object_get_data (G_OBJECT (row), "lp-weights"));
}

static GtkWidget *
lp_population_weights_window_row (LpPopulationWeightsWindow *self,
                                  const LpPopulationWeights *weights)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *base = g_strconcat ("weighted ", weights->name, NULL);
  g_autofree char *source = lp_plan_describe_population_base (self->plan, base, NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), weights->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), source != NULL ? source : "");
  g_object_set_data_full (G_OBJECT (row), "lp-weights", g_strdup (weights->name), g_free);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Weights"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Weights"), -1);
  g_object_set_data_full (G_OBJECT (remove), "lp-weights", g_strdup (weights->name), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (lp_population_weights_window_remove_clicked), self, 0);
  gtk_widget_set_sensitive (remove, !lp_plan_is_read_only (self->plan));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  /* Imported figures change by importing them again, not here. */
  if (!weights->imported && !lp_plan_is_read_only (self->plan))
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (lp_population_weights_window_row_activated), self, 0);
    }
  return row;
}

static void
lp_population_weights_window_fill (LpPopulationWeightsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) weights = lp_plan_list_population_weights (self->plan, &error);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->list_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; weights != NULL && i < weights->len; i++)
    {
      GtkWidget *row = lp_population_weights_window_row (self, g_ptr_array_index (weights, i));

      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_stack_set_visible_child_name (self->stack, self->rows->len > 0 ? "list" : "empty");
}

static void
lp_population_weights_window_plan_changed (LpPlan                    *plan,
                                           const char                *table,
                                           LpPopulationWeightsWindow *self)
{
  static const char *const tables[] = { "population_weights", "population_weight", "weighted_population",
                                        "age_profile", "list_size", NULL };

  if (g_strv_contains (tables, table))
    lp_population_weights_window_fill (self);
}

static void
lp_population_weights_window_add_activated (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  LpPopulationWeightsWindow *self = LP_POPULATION_WEIGHTS_WINDOW (widget);

  lp_population_weights_dialog_new (GTK_WINDOW (self), self->plan, NULL);
}

static void
lp_population_weights_window_dispose (GObject *object)
{
  LpPopulationWeightsWindow *self = LP_POPULATION_WEIGHTS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_POPULATION_WEIGHTS_WINDOW);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (lp_population_weights_window_parent_class)->dispose (object);
}

static void
lp_population_weights_window_finalize (GObject *object)
{
  LpPopulationWeightsWindow *self = LP_POPULATION_WEIGHTS_WINDOW (object);

  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (lp_population_weights_window_parent_class)->finalize (object);
}

static void
lp_population_weights_window_class_init (LpPopulationWeightsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_population_weights_window_dispose;
  object_class->finalize = lp_population_weights_window_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lp-population-weights-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LpPopulationWeightsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LpPopulationWeightsWindow, list_group);
  gtk_widget_class_install_action (widget_class, "weights-list.add", NULL,
                                   lp_population_weights_window_add_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "weights-list.add", NULL);
}

static void
lp_population_weights_window_init (LpPopulationWeightsWindow *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lp_population_weights_window_new:
 *
 * Returns: (transfer none): the window, shown; it closes itself
 */
LpPopulationWeightsWindow *
lp_population_weights_window_new (GtkWindow *parent,
                                  LpPlan    *plan)
{
  LpPopulationWeightsWindow *self;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  self = g_object_new (LP_TYPE_POPULATION_WEIGHTS_WINDOW, "transient-for", parent, NULL);
  self->plan = g_object_ref (plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "weights-list.add", !lp_plan_is_read_only (plan));
  g_signal_connect_object (plan, "changed", G_CALLBACK (lp_population_weights_window_plan_changed), self, 0);
  lp_population_weights_window_fill (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

GStrv
lp_population_weights_window_dup_rows (LpPopulationWeightsWindow *self)
{
  g_autoptr(GStrvBuilder) rows = g_strv_builder_new ();

  g_return_val_if_fail (LP_IS_POPULATION_WEIGHTS_WINDOW (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->rows, i);

      g_autofree char *text = g_strdup_printf ("%s: %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                               adw_action_row_get_subtitle (row));

      g_strv_builder_add (rows, text);
    }
  return g_strv_builder_end (rows);
}
