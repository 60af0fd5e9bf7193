/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A scenario's population bases (see lp-scenario-bases-dialog.h): a
 * field a pathway, made from core's list, and core's save function;
 * LpEditDialog does the rest. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-population-base-row.h"
#include "lp-scenario-bases-dialog.h"

typedef struct {
  char *pathway;
  char *key;        /* the field's */
} LpBaseField;

struct _LpScenarioBasesDialog
{
  LpEditDialog         parent_instance;

  /* Template children */
  AdwPreferencesGroup *bases_group;

  GArray              *fields;   /* LpBaseField, a pathway each */
};

G_DEFINE_FINAL_TYPE (LpScenarioBasesDialog, lp_scenario_bases_dialog, LP_TYPE_EDIT_DIALOG)

static gboolean
lp_scenario_bases_dialog_save (LpEditDialog  *dialog,
                               gint64        *id,
                               const char   **bad_field,
                               GError       **error)
{
  LpScenarioBasesDialog *self = LP_SCENARIO_BASES_DIALOG (dialog);
  g_autofree LpScenarioBaseFormRow *rows = g_new0 (LpScenarioBaseFormRow, self->fields->len + 1);

  for (guint i = 0; i < self->fields->len; i++)
    {
      const LpBaseField *field = &g_array_index (self->fields, LpBaseField, i);

      rows[i] = (LpScenarioBaseFormRow) { field->pathway, lp_edit_dialog_get_text (dialog, field->key), field->key };
    }
  return lp_plan_save_scenario_bases_form (lp_edit_dialog_get_plan (dialog), *id, rows, self->fields->len,
                                           bad_field, error);
}

static void
lp_scenario_bases_dialog_clear_row (GtkButton   *button,
                                    GtkEditable *row)
{
  gtk_editable_set_text (row, "");
}

/* "Frailty (as the pathway: 75+)", or as the scenario it builds on. */
static char *
lp_scenario_bases_dialog_title (const LpScenarioBase *base)
{
  if (base->inherited_from != NULL)
    /* TRANSLATORS: a pathway, the scenario it is built on, and that one's population base */
    return g_strdup_printf (_("%s (as %s: %s)"), base->pathway, base->inherited_from, base->inherited);
  /* TRANSLATORS: a pathway and its own population base, such as Frailty (as the pathway: 75+) */
  return g_strdup_printf (_("%s (as the pathway: %s)"), base->pathway, base->inherited);
}

static void
lp_scenario_bases_dialog_fill (LpScenarioBasesDialog *self,
                               GPtrArray             *bases,
                               GPtrArray             *choices)
{
  LpEditDialog *dialog = LP_EDIT_DIALOG (self);

  for (guint i = 0; bases != NULL && i < bases->len; i++)
    {
      const LpScenarioBase *base = g_ptr_array_index (bases, i);
      g_autofree char *title = lp_scenario_bases_dialog_title (base);
      LpBaseField field = { g_strdup (base->pathway), g_strdup_printf ("base-%u", i) };
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (clear, "flat");
      gtk_widget_set_tooltip_text (clear, _("As the Pathway"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("As the Pathway"), -1);
      g_signal_connect_object (clear, "clicked", G_CALLBACK (lp_scenario_bases_dialog_clear_row), row, 0);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), clear);
      lp_population_base_row_setup (ADW_ENTRY_ROW (row), NULL, lp_edit_dialog_get_plan (dialog), choices);
      adw_preferences_group_add (self->bases_group, row);
      g_array_append_val (self->fields, field);
      lp_edit_dialog_add_field (dialog, field.key, row, FALSE);
      lp_edit_dialog_set_text (dialog, field.key, base->own);
    }
}

static void
lp_base_field_clear (gpointer data)
{
  LpBaseField *field = data;

  g_free (field->pathway);
  g_free (field->key);
}

static void
lp_scenario_bases_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_SCENARIO_BASES_DIALOG);
  G_OBJECT_CLASS (lp_scenario_bases_dialog_parent_class)->dispose (object);
}

static void
lp_scenario_bases_dialog_finalize (GObject *object)
{
  LpScenarioBasesDialog *self = LP_SCENARIO_BASES_DIALOG (object);

  g_array_unref (self->fields);
  G_OBJECT_CLASS (lp_scenario_bases_dialog_parent_class)->finalize (object);
}

static void
lp_scenario_bases_dialog_class_init (LpScenarioBasesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_scenario_bases_dialog_dispose;
  object_class->finalize = lp_scenario_bases_dialog_finalize;
  LP_EDIT_DIALOG_CLASS (klass)->save = lp_scenario_bases_dialog_save;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lp-scenario-bases-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LpScenarioBasesDialog, bases_group);
}

static void
lp_scenario_bases_dialog_init (LpScenarioBasesDialog *self)
{
  self->fields = g_array_new (FALSE, FALSE, sizeof (LpBaseField));
  g_array_set_clear_func (self->fields, lp_base_field_clear);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lp_scenario_bases_dialog_new:
 *
 * Returns: (transfer none): the dialog, shown; it closes itself
 */
LpScenarioBasesDialog *
lp_scenario_bases_dialog_new (GtkWindow  *parent,
                              LpPlan     *plan,
                              LpScenario *scenario)
{
  LpScenarioBasesDialog *self;
  g_autoptr(GPtrArray) bases = NULL;
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan) && LP_IS_SCENARIO (scenario), NULL);

  self = g_object_new (LP_TYPE_SCENARIO_BASES_DIALOG, "plan", plan, "id", lp_scenario_get_id (scenario),
                       "subtitle", lp_scenario_get_name (scenario), NULL);
  bases = lp_plan_list_scenario_population_bases (plan, lp_scenario_get_id (scenario), &error);
  choices = lp_plan_list_population_base_choices (plan, NULL);
  if (bases == NULL)
    lp_edit_dialog_set_unavailable (LP_EDIT_DIALOG (self), error->message);
  else if (bases->len == 0)
    lp_edit_dialog_set_unavailable (LP_EDIT_DIALOG (self),
                                    _("The plan has no pathways yet: add a pathway change first."));
  lp_scenario_bases_dialog_fill (self, bases, choices);
  lp_edit_dialog_present (LP_EDIT_DIALOG (self), GTK_WIDGET (parent));
  return self;
}

const char *
lp_scenario_bases_dialog_get_key (LpScenarioBasesDialog *self,
                                  const char            *pathway)
{
  g_return_val_if_fail (LP_IS_SCENARIO_BASES_DIALOG (self), NULL);

  for (guint i = 0; i < self->fields->len; i++)
    if (g_strcmp0 (g_array_index (self->fields, LpBaseField, i).pathway, pathway) == 0)
      return g_array_index (self->fields, LpBaseField, i).key;
  return NULL;
}
