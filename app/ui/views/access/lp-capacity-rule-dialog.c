/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Adding or editing a capacity rule: its name, start date, minutes a
 * week per 1,000 patients, rounding, whether it applies to practices or
 * to primary care networks and, for networks, the population base,
 * handed to core (lp_plan_save_capacity_rule_form); LpEditDialog does
 * the rest. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lp-access-edit.h"
#include "lp-pcn-access.h"
#include "lp-capacity-rule-dialog.h"

struct _LpCapacityRuleDialog
{
  LpEditDialog parent_instance;

  char **bases;     /* the population base keys offered */
};

G_DEFINE_FINAL_TYPE (LpCapacityRuleDialog, lp_capacity_rule_dialog, LP_TYPE_EDIT_DIALOG)

static const LpEditField fields[] = {
  { LP_FIELD_NAME, "name_row", TRUE },
  { LP_FIELD_START_DATE, "start_date_row", TRUE },
  { LP_FIELD_MINUTES_PER_1000, "minutes_row", TRUE },
  { LP_FIELD_ROUNDING, "rounding_row", FALSE },
  { LP_FIELD_APPLIES_TO, "applies_row", FALSE },
  { LP_FIELD_POPULATION_BASE, "base_row", FALSE },
};

static const char *const rounding_keys[] = { LP_ROUNDING_EXACT, LP_ROUNDING_QUARTER_HOUR, NULL };
static const char *const applies_keys[] = { LP_CAPACITY_APPLIES_PRACTICE, LP_CAPACITY_APPLIES_PCN, NULL };

static const char *
lp_capacity_rule_dialog_applies_label (const char *key)
{
  if (g_strcmp0 (key, LP_CAPACITY_APPLIES_PCN) == 0)
    return _("Primary care networks");
  return _("Practices");
}

/* "Registered patients", or the weights' own name ("PCN adjusted"). */
static const char *
lp_capacity_rule_dialog_base_label (const char *key)
{
  if (g_str_has_prefix (key, "weighted "))
    return key + strlen ("weighted ");
  return _("Registered patients");
}

/* The base counts only for a rule per network. */
static void
lp_capacity_rule_dialog_applies_changed (LpCapacityRuleDialog *self)
{
  LpEditDialog *dialog = LP_EDIT_DIALOG (self);

  gtk_widget_set_sensitive (lp_edit_dialog_get_field (dialog, LP_FIELD_POPULATION_BASE),
                            g_strcmp0 (lp_edit_dialog_get_key (dialog, LP_FIELD_APPLIES_TO),
                                       LP_CAPACITY_APPLIES_PCN) == 0);
}

static const char *
lp_capacity_rule_dialog_rounding_label (const char *key)
{
  if (g_strcmp0 (key, LP_ROUNDING_QUARTER_HOUR) == 0)
    return _("To the nearest quarter hour");
  return _("None: the exact minutes");
}

static gboolean
lp_capacity_rule_dialog_save (LpEditDialog  *dialog,
                              gint64        *id,
                              const char   **bad_field,
                              GError       **error)
{
  LpCapacityRuleForm form = {
    .name = lp_edit_dialog_get_text (dialog, LP_FIELD_NAME),
    .start_date = lp_edit_dialog_get_text (dialog, LP_FIELD_START_DATE),
    .minutes_per_1000 = lp_edit_dialog_get_text (dialog, LP_FIELD_MINUTES_PER_1000),
    .rounding = lp_edit_dialog_get_key (dialog, LP_FIELD_ROUNDING),
    .applies_to = lp_edit_dialog_get_key (dialog, LP_FIELD_APPLIES_TO),
    .population_base = lp_edit_dialog_get_key (dialog, LP_FIELD_POPULATION_BASE),
  };

  *id = lp_plan_save_capacity_rule_form (lp_edit_dialog_get_plan (dialog), *id, &form, bad_field, error);
  return *id != 0;
}

static void
lp_capacity_rule_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_CAPACITY_RULE_DIALOG);
  G_OBJECT_CLASS (lp_capacity_rule_dialog_parent_class)->dispose (object);
}

static void
lp_capacity_rule_dialog_finalize (GObject *object)
{
  g_strfreev (LP_CAPACITY_RULE_DIALOG (object)->bases);
  G_OBJECT_CLASS (lp_capacity_rule_dialog_parent_class)->finalize (object);
}

static void
lp_capacity_rule_dialog_class_init (LpCapacityRuleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = lp_capacity_rule_dialog_dispose;
  object_class->finalize = lp_capacity_rule_dialog_finalize;
  edit_class->save = lp_capacity_rule_dialog_save;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
      "/org/localityplanner/LocalityPlanner/ui/lp-capacity-rule-dialog.ui");
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
}

static void
lp_capacity_rule_dialog_init (LpCapacityRuleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lp_capacity_rule_dialog_new:
 * @rule_id: the rule to edit, or 0 to add one
 *
 * Returns: (transfer none): the dialog, not yet shown; GTK holds it until
 *   it is closed
 */
LpCapacityRuleDialog *
lp_capacity_rule_dialog_new (LpPlan *plan,
                             gint64  rule_id)
{
  LpCapacityRuleDialog *self;
  LpEditDialog *dialog;
  g_autoptr(LpCapacityRuleRow) rule = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *minutes = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  dialog = g_object_new (LP_TYPE_CAPACITY_RULE_DIALOG, "plan", plan, "id", rule_id, NULL);
  self = LP_CAPACITY_RULE_DIALOG (dialog);
  if (rule_id != 0)
    rule = lp_plan_get_capacity_rule (plan, rule_id, &error);
  self->bases = lp_plan_list_pcn_rule_bases (plan, NULL);
  if (self->bases == NULL)
    self->bases = g_strdupv ((char *[]) { (char *) "registered", NULL });
  /* A rule on weights since deleted still shows its base. */
  if (rule != NULL && !g_strv_contains ((const char *const *) self->bases, rule->population_base))
    {
      guint n = g_strv_length (self->bases);

      self->bases = g_renew (char *, self->bases, n + 2);
      self->bases[n] = g_strdup (rule->population_base);
      self->bases[n + 1] = NULL;
    }
  lp_edit_dialog_set_keys (dialog, LP_FIELD_ROUNDING, rounding_keys, lp_capacity_rule_dialog_rounding_label,
                           rule != NULL && rule->round_to_quarter_hour ? LP_ROUNDING_QUARTER_HOUR
                                                                       : LP_ROUNDING_EXACT);
  lp_edit_dialog_set_keys (dialog, LP_FIELD_APPLIES_TO, applies_keys, lp_capacity_rule_dialog_applies_label,
                           rule != NULL && rule->per_pcn ? LP_CAPACITY_APPLIES_PCN : LP_CAPACITY_APPLIES_PRACTICE);
  /* A new network rule most often counts the imported PCN adjusted
   * population, listed first after registered patients. */
  lp_edit_dialog_set_keys (dialog, LP_FIELD_POPULATION_BASE, (const char *const *) self->bases,
                           lp_capacity_rule_dialog_base_label,
                           rule != NULL ? rule->population_base
                                        : self->bases[1] != NULL ? self->bases[1] : self->bases[0]);
  g_signal_connect_swapped (lp_edit_dialog_get_field (dialog, LP_FIELD_APPLIES_TO), "notify::selected",
                            G_CALLBACK (lp_capacity_rule_dialog_applies_changed), self);
  lp_capacity_rule_dialog_applies_changed (self);
  if (rule_id == 0)
    {
      gtk_window_set_title (GTK_WINDOW (dialog), _("New Capacity Rule"));
      lp_edit_dialog_set_undo_label (dialog, _("Add capacity rule"));
      return self;
    }
  if (rule == NULL)
    {
      lp_edit_dialog_set_unavailable (dialog, error->message);
      return self;
    }
  /* As the user would type them; core reads both forms back. */
  start = lp_format_date (rule->start_date);
  minutes = lp_format_shortest (rule->minutes_per_1000);
  lp_edit_dialog_set_text (dialog, LP_FIELD_NAME, rule->name);
  lp_edit_dialog_set_text (dialog, LP_FIELD_START_DATE, start);
  lp_edit_dialog_set_text (dialog, LP_FIELD_MINUTES_PER_1000, minutes);
  return self;
}
