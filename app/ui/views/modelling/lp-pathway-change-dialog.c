/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pathway change dialog (see lp-pathway-change-dialog.h): its fields
 * in its template, the choices filled from the plan, and core's save
 * function; LpEditDialog does the rest.  lp-pathway-text words the
 * choices. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-pathway-change-dialog.h"
#include "lp-pathway-text.h"

struct _LpPathwayChangeDialog
{
  LpEditDialog  parent_instance;

  LpScenario   *scenario;
  GStrv         pathways;        /* the choices before "New pathway" */
  GArray       *locality_ids;    /* gint64 of each level choice after the STP and CCG */
  GStrv         localities;      /* their names */
};

G_DEFINE_FINAL_TYPE (LpPathwayChangeDialog, lp_pathway_change_dialog, LP_TYPE_EDIT_DIALOG)

static const LpEditField fields[] = {
  { LP_FIELD_PATHWAY, "pathway_row", FALSE },
  { LP_FIELD_PATHWAY_NAME, "name_row", FALSE },
  { LP_FIELD_PATHWAY_CATEGORY, "category_row", FALSE },
  { LP_FIELD_LEVEL, "level_row", FALSE },
  { LP_FIELD_HORIZON, "horizon_row", FALSE },
  { LP_FIELD_PERIOD, "period_row", FALSE },
  { LP_FIELD_ACTIVITY, "activity_row", FALSE },
  { LP_FIELD_BED_DAYS, "bed_days_row", FALSE },
};

static AdwComboRow *
lp_pathway_change_dialog_combo (LpPathwayChangeDialog *self,
                                const char            *key)
{
  return ADW_COMBO_ROW (lp_edit_dialog_get_field (LP_EDIT_DIALOG (self), key));
}

/* The pathway chosen, or NULL for "New pathway". */
static const char *
lp_pathway_change_dialog_pathway (LpPathwayChangeDialog *self)
{
  guint selected = adw_combo_row_get_selected (lp_pathway_change_dialog_combo (self, LP_FIELD_PATHWAY));

  return selected < g_strv_length (self->pathways) ? self->pathways[selected] : NULL;
}

/* A new pathway's name and group show only when one is being made. */
static void
lp_pathway_change_dialog_pathway_changed (LpPathwayChangeDialog *self)
{
  gboolean new_pathway = lp_pathway_change_dialog_pathway (self) == NULL;

  gtk_widget_set_visible (lp_edit_dialog_get_field (LP_EDIT_DIALOG (self), LP_FIELD_PATHWAY_NAME), new_pathway);
  gtk_widget_set_visible (lp_edit_dialog_get_field (LP_EDIT_DIALOG (self), LP_FIELD_PATHWAY_CATEGORY), new_pathway);
}

static gboolean
lp_pathway_change_dialog_save (LpEditDialog  *dialog,
                               gint64        *id,
                               const char   **bad_field,
                               GError       **error)
{
  LpPathwayChangeDialog *self = LP_PATHWAY_CHANGE_DIALOG (dialog);
  guint level = adw_combo_row_get_selected (lp_pathway_change_dialog_combo (self, LP_FIELD_LEVEL));
  LpPathwayChangeForm form = {
    lp_pathway_change_dialog_pathway (self),
    lp_edit_dialog_get_text (dialog, LP_FIELD_PATHWAY_NAME),
    (LpPathwayCategory) adw_combo_row_get_selected (lp_pathway_change_dialog_combo (self, LP_FIELD_PATHWAY_CATEGORY)),
    level < LP_LEVEL_LOCALITY ? (LpPathwayLevel) level : LP_LEVEL_LOCALITY,
    level >= LP_LEVEL_LOCALITY && level - LP_LEVEL_LOCALITY < self->locality_ids->len
      ? g_array_index (self->locality_ids, gint64, level - LP_LEVEL_LOCALITY) : 0,
    lp_edit_dialog_get_text (dialog, LP_FIELD_HORIZON),
    (LpPathwayPeriod) adw_combo_row_get_selected (lp_pathway_change_dialog_combo (self, LP_FIELD_PERIOD)),
    lp_edit_dialog_get_text (dialog, LP_FIELD_ACTIVITY),
    lp_edit_dialog_get_text (dialog, LP_FIELD_BED_DAYS),
  };
  gint64 saved = lp_plan_save_pathway_change_form (lp_edit_dialog_get_plan (dialog),
                                                   lp_scenario_get_id (self->scenario), *id, &form,
                                                   bad_field, error);

  if (saved == 0)
    return FALSE;
  *id = saved;
  return TRUE;
}

static void
lp_pathway_change_dialog_set_choices (LpPathwayChangeDialog *self,
                                      const char            *key,
                                      const char *const     *choices)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

  adw_combo_row_set_model (lp_pathway_change_dialog_combo (self, key), G_LIST_MODEL (model));
}

/* The pathways, then "New pathway"; the STP, the CCG, then every locality. */
static void
lp_pathway_change_dialog_fill (LpPathwayChangeDialog *self,
                               LpPlan                *plan)
{
  g_autoptr(GStrvBuilder) pathways = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) localities = g_strv_builder_new ();
  g_autoptr(GListModel) list = lp_plan_list_localities (plan, NULL);
  g_auto(GStrv) levels = NULL;
  g_auto(GStrv) pathway_choices = NULL;
  g_auto(GStrv) periods = lp_pathway_text_periods ();
  g_auto(GStrv) categories = lp_pathway_text_categories ();

  self->pathways = lp_plan_list_pathways (plan, NULL);
  if (self->pathways == NULL)
    self->pathways = g_new0 (char *, 1);
  g_strv_builder_addv (pathways, (const char **) self->pathways);
  g_strv_builder_add (pathways, _("New pathway…"));
  pathway_choices = g_strv_builder_end (pathways);
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LpLocality) locality = g_list_model_get_item (list, i);
      gint64 id = lp_locality_get_id (locality);

      g_array_append_val (self->locality_ids, id);
      g_strv_builder_add (localities, lp_locality_get_name (locality));
    }
  self->localities = g_strv_builder_end (localities);
  levels = lp_pathway_text_change_levels ((const char *const *) self->localities);
  lp_pathway_change_dialog_set_choices (self, LP_FIELD_PATHWAY, (const char *const *) pathway_choices);
  lp_pathway_change_dialog_set_choices (self, LP_FIELD_PATHWAY_CATEGORY, (const char *const *) categories);
  lp_pathway_change_dialog_set_choices (self, LP_FIELD_LEVEL, (const char *const *) levels);
  lp_pathway_change_dialog_set_choices (self, LP_FIELD_PERIOD, (const char *const *) periods);
}

static void
lp_pathway_change_dialog_select_locality (LpPathwayChangeDialog *self,
                                          gint64                 locality_id)
{
  for (guint i = 0; i < self->locality_ids->len; i++)
    if (g_array_index (self->locality_ids, gint64, i) == locality_id)
      adw_combo_row_set_selected (lp_pathway_change_dialog_combo (self, LP_FIELD_LEVEL), LP_LEVEL_LOCALITY + i);
}

/* What the change holds now, to be edited. */
static void
lp_pathway_change_dialog_load (LpPathwayChangeDialog *self,
                               const LpPathwayChange *change)
{
  LpEditDialog *dialog = LP_EDIT_DIALOG (self);
  g_autofree char *horizon = g_strdup_printf ("%d", change->horizon_years);
  g_autofree char *activity = lp_pathway_text_figure (change->activity);
  g_autofree char *bed_days = lp_pathway_text_figure (change->bed_days);

  for (guint i = 0; self->pathways[i] != NULL; i++)
    if (g_strcmp0 (self->pathways[i], change->pathway) == 0)
      adw_combo_row_set_selected (lp_pathway_change_dialog_combo (self, LP_FIELD_PATHWAY), i);
  if (change->level == LP_LEVEL_LOCALITY)
    lp_pathway_change_dialog_select_locality (self, change->locality_id);
  else
    adw_combo_row_set_selected (lp_pathway_change_dialog_combo (self, LP_FIELD_LEVEL), change->level);
  adw_combo_row_set_selected (lp_pathway_change_dialog_combo (self, LP_FIELD_PERIOD), change->period);
  lp_edit_dialog_set_text (dialog, LP_FIELD_HORIZON, horizon);
  lp_edit_dialog_set_text (dialog, LP_FIELD_ACTIVITY, activity);
  lp_edit_dialog_set_text (dialog, LP_FIELD_BED_DAYS, bed_days);
}

static void
lp_pathway_change_dialog_dispose (GObject *object)
{
  LpPathwayChangeDialog *self = LP_PATHWAY_CHANGE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_PATHWAY_CHANGE_DIALOG);
  g_clear_object (&self->scenario);
  G_OBJECT_CLASS (lp_pathway_change_dialog_parent_class)->dispose (object);
}

static void
lp_pathway_change_dialog_finalize (GObject *object)
{
  LpPathwayChangeDialog *self = LP_PATHWAY_CHANGE_DIALOG (object);

  g_strfreev (self->pathways);
  g_strfreev (self->localities);
  g_array_unref (self->locality_ids);
  G_OBJECT_CLASS (lp_pathway_change_dialog_parent_class)->finalize (object);
}

static void
lp_pathway_change_dialog_class_init (LpPathwayChangeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = lp_pathway_change_dialog_dispose;
  object_class->finalize = lp_pathway_change_dialog_finalize;
  edit_class->save = lp_pathway_change_dialog_save;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lp-pathway-change-dialog.ui");
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
}

static void
lp_pathway_change_dialog_init (LpPathwayChangeDialog *self)
{
  self->locality_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lp_pathway_change_dialog_new:
 *
 * Returns: (transfer none): the dialog, shown; it closes itself
 */
LpPathwayChangeDialog *
lp_pathway_change_dialog_new (GtkWindow  *parent,
                              LpPlan     *plan,
                              LpScenario *scenario,
                              gint64      change_id,
                              gint64      locality_id)
{
  g_autoptr(LpPathwayChange) change = NULL;
  LpPathwayChangeDialog *self;
  LpEditDialog *dialog;

  g_return_val_if_fail (LP_IS_PLAN (plan) && LP_IS_SCENARIO (scenario), NULL);

  if (change_id != 0)
    change = lp_plan_get_pathway_change (plan, change_id, NULL);
  self = g_object_new (LP_TYPE_PATHWAY_CHANGE_DIALOG, "plan", plan, "id", change != NULL ? change_id : 0,
                       "subtitle", lp_scenario_get_name (scenario), NULL);
  dialog = LP_EDIT_DIALOG (self);
  self->scenario = g_object_ref (scenario);
  lp_pathway_change_dialog_fill (self, plan);
  g_signal_connect_object (lp_edit_dialog_get_field (dialog, LP_FIELD_PATHWAY), "notify::selected",
                           G_CALLBACK (lp_pathway_change_dialog_pathway_changed), self, G_CONNECT_SWAPPED);
  if (change != NULL)
    {
      lp_edit_dialog_set_undo_label (dialog, _("Edit pathway change"));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Pathway Change"));
      lp_pathway_change_dialog_load (self, change);
    }
  else
    {
      /* A commissioner's first change is most often the CCG's, over 3 years. */
      adw_combo_row_set_selected (lp_pathway_change_dialog_combo (self, LP_FIELD_LEVEL), LP_LEVEL_CCG);
      if (locality_id != 0)
        lp_pathway_change_dialog_select_locality (self, locality_id);
      adw_combo_row_set_selected (lp_pathway_change_dialog_combo (self, LP_FIELD_PERIOD), LP_PATHWAY_OVER_HORIZON);
    }
  lp_pathway_change_dialog_pathway_changed (self);
  lp_edit_dialog_present (dialog, GTK_WIDGET (parent));
  return self;
}

gboolean
lp_pathway_change_dialog_choose_pathway (LpPathwayChangeDialog *self,
                                         const char            *pathway)
{
  g_return_val_if_fail (LP_IS_PATHWAY_CHANGE_DIALOG (self), FALSE);

  if (pathway == NULL)
    {
      adw_combo_row_set_selected (lp_pathway_change_dialog_combo (self, LP_FIELD_PATHWAY),
                                  g_strv_length (self->pathways));
      return TRUE;
    }
  for (guint i = 0; self->pathways[i] != NULL; i++)
    if (g_strcmp0 (self->pathways[i], pathway) == 0)
      {
        adw_combo_row_set_selected (lp_pathway_change_dialog_combo (self, LP_FIELD_PATHWAY), i);
        return TRUE;
      }
  return FALSE;
}

gboolean
lp_pathway_change_dialog_choose_level (LpPathwayChangeDialog *self,
                                       const char            *level)
{
  g_return_val_if_fail (LP_IS_PATHWAY_CHANGE_DIALOG (self) && level != NULL, FALSE);

  if (g_ascii_strcasecmp (level, "STP") == 0 || g_ascii_strcasecmp (level, "CCG") == 0)
    {
      adw_combo_row_set_selected (lp_pathway_change_dialog_combo (self, LP_FIELD_LEVEL),
                                  g_ascii_strcasecmp (level, "STP") == 0 ? LP_LEVEL_STP : LP_LEVEL_CCG);
      return TRUE;
    }
  for (guint i = 0; self->localities[i] != NULL; i++)
    if (g_strcmp0 (self->localities[i], level) == 0)
      {
        adw_combo_row_set_selected (lp_pathway_change_dialog_combo (self, LP_FIELD_LEVEL), LP_LEVEL_LOCALITY + i);
        return TRUE;
      }
  return FALSE;
}

void
lp_pathway_change_dialog_choose_period (LpPathwayChangeDialog *self,
                                        LpPathwayPeriod        period)
{
  g_return_if_fail (LP_IS_PATHWAY_CHANGE_DIALOG (self));

  adw_combo_row_set_selected (lp_pathway_change_dialog_combo (self, LP_FIELD_PERIOD), period);
}

void
lp_pathway_change_dialog_choose_category (LpPathwayChangeDialog *self,
                                          LpPathwayCategory      category)
{
  g_return_if_fail (LP_IS_PATHWAY_CHANGE_DIALOG (self));

  adw_combo_row_set_selected (lp_pathway_change_dialog_combo (self, LP_FIELD_PATHWAY_CATEGORY), category);
}
