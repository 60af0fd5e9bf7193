/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plan Settings: the plan's name, organisation, financial years,
 * reference date, STP and allocation in one dialog.  Core reads, checks
 * and saves the form (lp_plan_save_settings_form) as one undo step;
 * LpEditDialog does the rest. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-plan-settings-dialog.h"

struct _LpPlanSettingsDialog
{
  LpEditDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (LpPlanSettingsDialog, lp_plan_settings_dialog, LP_TYPE_EDIT_DIALOG)

static const LpEditField fields[] = {
  { LP_SETTING_NAME, "name_row", FALSE },
  { LP_SETTING_ORGANISATION_CODE, "organisation_code_row", FALSE },
  { LP_SETTING_ORGANISATION_NAME, "organisation_name_row", FALSE },
  { LP_SETTING_FIRST_YEAR, "first_year_row", FALSE },
  { LP_SETTING_LAST_YEAR, "last_year_row", FALSE },
  { LP_SETTING_REFERENCE_DATE, "reference_date_row", FALSE },
  { LP_SETTING_STP_NAME, "stp_name_row", FALSE },
  { LP_SETTING_STP_POPULATION, "stp_population_row", FALSE },
  { LP_SETTING_ALLOCATION, "allocation_row", FALSE },
};

static gboolean
lp_plan_settings_dialog_save (LpEditDialog  *dialog,
                              gint64        *id,
                              const char   **bad_field,
                              GError       **error)
{
  LpPlanSettingsForm form = {
    .name = lp_edit_dialog_get_text (dialog, LP_SETTING_NAME),
    .organisation_code = lp_edit_dialog_get_text (dialog, LP_SETTING_ORGANISATION_CODE),
    .organisation_name = lp_edit_dialog_get_text (dialog, LP_SETTING_ORGANISATION_NAME),
    .first_year = lp_edit_dialog_get_text (dialog, LP_SETTING_FIRST_YEAR),
    .last_year = lp_edit_dialog_get_text (dialog, LP_SETTING_LAST_YEAR),
    .reference_date = lp_edit_dialog_get_text (dialog, LP_SETTING_REFERENCE_DATE),
    .stp_name = lp_edit_dialog_get_text (dialog, LP_SETTING_STP_NAME),
    .stp_population = lp_edit_dialog_get_text (dialog, LP_SETTING_STP_POPULATION),
    .allocation = lp_edit_dialog_get_text (dialog, LP_SETTING_ALLOCATION),
  };

  /* The plan's settings are one row of their own: there is no id. */
  *id = 0;
  return lp_plan_save_settings_form (lp_edit_dialog_get_plan (dialog), &form, bad_field, error);
}

static void
lp_plan_settings_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_PLAN_SETTINGS_DIALOG);
  G_OBJECT_CLASS (lp_plan_settings_dialog_parent_class)->dispose (object);
}

static void
lp_plan_settings_dialog_class_init (LpPlanSettingsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = lp_plan_settings_dialog_dispose;
  edit_class->save = lp_plan_settings_dialog_save;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
      RESOURCE_BASE "/ui/lp-plan-settings-dialog.ui");
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
}

static void
lp_plan_settings_dialog_init (LpPlanSettingsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A figure as the user would type it, or nothing for none. */
static char *
lp_plan_settings_dialog_figure (gint64   value,
                                gboolean pounds)
{
  if (value < 0)
    return g_strdup ("");
  return pounds ? lp_format_pounds (value) : lp_format_count (value);
}

/**
 * lp_plan_settings_dialog_new:
 *
 * Returns: (transfer none): the dialog, filled with the plan's settings
 *   as a person types them, not yet shown; GTK holds it until it is closed
 */
LpPlanSettingsDialog *
lp_plan_settings_dialog_new (LpPlan *plan)
{
  LpPlanSettingsDialog *self;
  LpEditDialog *dialog;
  g_auto(LpPlanSettings) settings = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *reference_date = NULL;
  g_autofree char *population = NULL;
  g_autofree char *allocation = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  self = g_object_new (LP_TYPE_PLAN_SETTINGS_DIALOG, "plan", plan, NULL);
  dialog = LP_EDIT_DIALOG (self);
  if (!lp_plan_get_settings (plan, &settings, &error))
    {
      lp_edit_dialog_set_unavailable (dialog, error->message);
      return self;
    }
  reference_date = settings.reference_date != NULL ? lp_format_date (settings.reference_date) : NULL;
  population = lp_plan_settings_dialog_figure (settings.stp_population, FALSE);
  allocation = lp_plan_settings_dialog_figure (settings.allocation_pounds, TRUE);
  lp_edit_dialog_set_text (dialog, LP_SETTING_NAME, settings.name);
  lp_edit_dialog_set_text (dialog, LP_SETTING_ORGANISATION_CODE, settings.organisation_code);
  lp_edit_dialog_set_text (dialog, LP_SETTING_ORGANISATION_NAME, settings.organisation_name);
  lp_edit_dialog_set_text (dialog, LP_SETTING_FIRST_YEAR, settings.first_year);
  lp_edit_dialog_set_text (dialog, LP_SETTING_LAST_YEAR, settings.last_year);
  lp_edit_dialog_set_text (dialog, LP_SETTING_REFERENCE_DATE, reference_date);
  lp_edit_dialog_set_text (dialog, LP_SETTING_STP_NAME, settings.stp_name);
  lp_edit_dialog_set_text (dialog, LP_SETTING_STP_POPULATION, population);
  lp_edit_dialog_set_text (dialog, LP_SETTING_ALLOCATION, allocation);
  return self;
}
