/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pathway changes dialog (see lp-pathway-dialog.h): the choice of
 * figures in its template, a group of two figures for each horizon, and
 * core's save function; LpEditDialog does the rest.  lp-pathway-text words
 * the choices and the figures. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-pathway-dialog.h"
#include "lp-pathway-text.h"

#define FIELD_PATHWAY "pathway"
#define FIELD_LEVEL   "level"
#define FIELD_PERIOD  "period"

typedef struct {
  int   years;
  char *activity;   /* the fields' keys */
  char *bed_days;
} LpHorizonFields;

struct _LpPathwayDialog
{
  LpEditDialog         parent_instance;

  /* Template children */
  AdwPreferencesGroup *choice_group;

  LpScenario          *scenario;
  gint64               locality_id;
  GStrv                pathways;
  LpHorizonFields      horizons[LP_MODEL_MAX_HORIZONS];
  guint                n_horizons;
};

G_DEFINE_FINAL_TYPE (LpPathwayDialog, lp_pathway_dialog, LP_TYPE_EDIT_DIALOG)

static const LpEditField fields[] = {
  { FIELD_PATHWAY, "pathway_row", TRUE },
  { FIELD_LEVEL, "level_row", TRUE },
  { FIELD_PERIOD, "period_row", TRUE },
};

static guint
lp_pathway_dialog_selected (LpPathwayDialog *self,
                            const char      *key)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (lp_edit_dialog_get_field (LP_EDIT_DIALOG (self), key)));
}

static const char *
lp_pathway_dialog_pathway (LpPathwayDialog *self)
{
  guint selected = lp_pathway_dialog_selected (self, FIELD_PATHWAY);

  return selected < g_strv_length (self->pathways) ? self->pathways[selected] : NULL;
}

static LpPathwayLevel
lp_pathway_dialog_level (LpPathwayDialog *self)
{
  return (LpPathwayLevel) MIN (lp_pathway_dialog_selected (self, FIELD_LEVEL), LP_LEVEL_LOCALITY);
}

static gboolean
lp_pathway_dialog_save (LpEditDialog  *dialog,
                        gint64        *id,
                        const char   **bad_field,
                        GError       **error)
{
  LpPathwayDialog *self = LP_PATHWAY_DIALOG (dialog);
  LpPathwayForm form = {
    lp_pathway_dialog_pathway (self), lp_pathway_dialog_level (self), self->locality_id,
    (LpPathwayPeriod) lp_pathway_dialog_selected (self, FIELD_PERIOD), self->n_horizons,
  };

  for (guint h = 0; h < self->n_horizons; h++)
    form.horizons[h] = (LpPathwayFormHorizon) {
      self->horizons[h].years,
      lp_edit_dialog_get_text (dialog, self->horizons[h].activity),
      lp_edit_dialog_get_text (dialog, self->horizons[h].bed_days),
      self->horizons[h].activity,
      self->horizons[h].bed_days,
    };
  *id = lp_scenario_get_id (self->scenario);
  return lp_plan_save_pathway_form (lp_edit_dialog_get_plan (dialog), *id, &form, bad_field, error);
}

/* The figures the scenario models with for the pathway and level chosen. */
static void
lp_pathway_dialog_load (LpPathwayDialog *self)
{
  LpEditDialog *dialog = LP_EDIT_DIALOG (self);
  LpPathwayFigures figures;
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;

  if (lp_pathway_dialog_pathway (self) == NULL)
    return;
  if (!lp_plan_get_pathway_figures (lp_edit_dialog_get_plan (dialog), lp_scenario_get_id (self->scenario),
                                    lp_pathway_dialog_pathway (self), lp_pathway_dialog_level (self),
                                    self->locality_id, &figures, &error))
    figures.n_figures = 0;
  for (guint h = 0; h < self->n_horizons; h++)
    {
      g_autofree char *activity = NULL, *bed_days = NULL;

      for (guint i = 0; i < figures.n_figures; i++)
        if (figures.figures[i].horizon_years == self->horizons[h].years)
          {
            activity = lp_pathway_text_figure (figures.figures[i].activity);
            bed_days = lp_pathway_text_figure (figures.figures[i].bed_days);
          }
      lp_edit_dialog_set_text (dialog, self->horizons[h].activity, activity);
      lp_edit_dialog_set_text (dialog, self->horizons[h].bed_days, bed_days);
    }
  if (figures.n_figures > 0)
    adw_combo_row_set_selected (ADW_COMBO_ROW (lp_edit_dialog_get_field (dialog, FIELD_PERIOD)), figures.period);
  source = lp_pathway_text_source (&figures, lp_scenario_get_id (self->scenario),
                                   lp_scenario_get_name (self->scenario));
  adw_preferences_group_set_description (self->choice_group, source);
  lp_edit_dialog_clear_errors (dialog);
  if (error != NULL)
    lp_edit_dialog_show_error (dialog, NULL, error->message);
}

static void
lp_pathway_dialog_set_choices (LpEditDialog      *dialog,
                               const char        *key,
                               const char *const *choices)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

  adw_combo_row_set_model (ADW_COMBO_ROW (lp_edit_dialog_get_field (dialog, key)), G_LIST_MODEL (model));
}

static GtkWidget *
lp_pathway_dialog_figure_row (AdwPreferencesGroup *group,
                              const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return row;
}

/* A group of two figures for each horizon the table shows. */
static void
lp_pathway_dialog_add_horizons (LpPathwayDialog *self,
                                const int       *horizons,
                                guint            n_horizons)
{
  LpEditDialog *dialog = LP_EDIT_DIALOG (self);

  self->n_horizons = MIN (n_horizons, LP_MODEL_MAX_HORIZONS);
  for (guint h = 0; h < self->n_horizons; h++)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      g_autofree char *title = lp_pathway_text_horizon (horizons[h]);
      LpHorizonFields *horizon = &self->horizons[h];

      adw_preferences_group_set_title (group, title);
      lp_edit_dialog_add_group (dialog, group);
      horizon->years = horizons[h];
      horizon->activity = g_strdup_printf ("activity-%d", horizons[h]);
      horizon->bed_days = g_strdup_printf ("bed-days-%d", horizons[h]);
      lp_edit_dialog_add_field (dialog, horizon->activity,
                                lp_pathway_dialog_figure_row (group, _("Activity reduction")), FALSE);
      lp_edit_dialog_add_field (dialog, horizon->bed_days,
                                lp_pathway_dialog_figure_row (group, _("Reduced bed days")), FALSE);
    }
}

/* Selects @name among the pathways; FALSE if it is not there. */
static gboolean
lp_pathway_dialog_select_pathway (LpPathwayDialog *self,
                                  const char      *name)
{
  GtkWidget *row = lp_edit_dialog_get_field (LP_EDIT_DIALOG (self), FIELD_PATHWAY);

  for (guint i = 0; name != NULL && self->pathways[i] != NULL; i++)
    if (g_strcmp0 (self->pathways[i], name) == 0)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        return TRUE;
      }
  return FALSE;
}

static void
lp_pathway_dialog_dispose (GObject *object)
{
  LpPathwayDialog *self = LP_PATHWAY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_PATHWAY_DIALOG);
  g_clear_object (&self->scenario);
  G_OBJECT_CLASS (lp_pathway_dialog_parent_class)->dispose (object);
}

static void
lp_pathway_dialog_finalize (GObject *object)
{
  LpPathwayDialog *self = LP_PATHWAY_DIALOG (object);

  for (guint h = 0; h < self->n_horizons; h++)
    {
      g_free (self->horizons[h].activity);
      g_free (self->horizons[h].bed_days);
    }
  g_strfreev (self->pathways);
  G_OBJECT_CLASS (lp_pathway_dialog_parent_class)->finalize (object);
}

static void
lp_pathway_dialog_class_init (LpPathwayDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = lp_pathway_dialog_dispose;
  object_class->finalize = lp_pathway_dialog_finalize;
  edit_class->save = lp_pathway_dialog_save;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lp-pathway-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LpPathwayDialog, choice_group);
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
}

static void
lp_pathway_dialog_init (LpPathwayDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lp_pathway_dialog_new:
 * @horizons: the horizons the form asks for, in years
 * @pathway: (nullable): the pathway chosen at first
 *
 * Returns: (transfer none): the dialog, shown; it closes itself
 */
LpPathwayDialog *
lp_pathway_dialog_new (GtkWindow   *parent,
                       LpPlan      *plan,
                       LpScenario  *scenario,
                       gint64       locality_id,
                       const char  *locality,
                       const int   *horizons,
                       guint        n_horizons,
                       const char  *pathway)
{
  LpPathwayDialog *self;
  LpEditDialog *dialog;
  g_auto(GStrv) levels = lp_pathway_text_levels (locality_id != 0 ? locality : NULL);
  g_auto(GStrv) periods = lp_pathway_text_periods ();

  g_return_val_if_fail (LP_IS_PLAN (plan) && LP_IS_SCENARIO (scenario), NULL);

  self = g_object_new (LP_TYPE_PATHWAY_DIALOG, "plan", plan, "id", lp_scenario_get_id (scenario),
                       "subtitle", lp_scenario_get_name (scenario), NULL);
  dialog = LP_EDIT_DIALOG (self);
  self->scenario = g_object_ref (scenario);
  self->locality_id = locality_id;
  self->pathways = lp_plan_list_pathways (plan, NULL);
  if (self->pathways == NULL)
    self->pathways = g_new0 (char *, 1);
  lp_pathway_dialog_set_choices (dialog, FIELD_PATHWAY, (const char *const *) self->pathways);
  lp_pathway_dialog_set_choices (dialog, FIELD_LEVEL, (const char *const *) levels);
  lp_pathway_dialog_set_choices (dialog, FIELD_PERIOD, (const char *const *) periods);
  lp_pathway_dialog_add_horizons (self, horizons, n_horizons);
  lp_pathway_dialog_select_pathway (self, pathway);
  /* A locality on screen: its own figures are what a commissioner edits first. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (lp_edit_dialog_get_field (dialog, FIELD_LEVEL)),
                              locality_id != 0 ? LP_LEVEL_LOCALITY : LP_LEVEL_CCG);
  g_signal_connect_object (lp_edit_dialog_get_field (dialog, FIELD_PATHWAY), "notify::selected",
                           G_CALLBACK (lp_pathway_dialog_load), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lp_edit_dialog_get_field (dialog, FIELD_LEVEL), "notify::selected",
                           G_CALLBACK (lp_pathway_dialog_load), self, G_CONNECT_SWAPPED);
  lp_pathway_dialog_load (self);
  lp_edit_dialog_present (dialog, GTK_WIDGET (parent));
  return self;
}

void
lp_pathway_dialog_choose (LpPathwayDialog *self,
                          LpPathwayLevel   level,
                          LpPathwayPeriod  period)
{
  LpEditDialog *dialog = LP_EDIT_DIALOG (self);

  g_return_if_fail (LP_IS_PATHWAY_DIALOG (self));

  adw_combo_row_set_selected (ADW_COMBO_ROW (lp_edit_dialog_get_field (dialog, FIELD_LEVEL)), level);
  adw_combo_row_set_selected (ADW_COMBO_ROW (lp_edit_dialog_get_field (dialog, FIELD_PERIOD)), period);
}

void
lp_pathway_dialog_set_figures (LpPathwayDialog *self,
                               guint            horizon,
                               const char      *activity,
                               const char      *bed_days)
{
  g_return_if_fail (LP_IS_PATHWAY_DIALOG (self) && horizon < self->n_horizons);

  lp_edit_dialog_set_text (LP_EDIT_DIALOG (self), self->horizons[horizon].activity, activity);
  lp_edit_dialog_set_text (LP_EDIT_DIALOG (self), self->horizons[horizon].bed_days, bed_days);
}

const char *
lp_pathway_dialog_get_figure (LpPathwayDialog *self,
                              guint            horizon,
                              gboolean         bed_days)
{
  g_return_val_if_fail (LP_IS_PATHWAY_DIALOG (self) && horizon < self->n_horizons, NULL);

  return lp_edit_dialog_get_text (LP_EDIT_DIALOG (self), bed_days ? self->horizons[horizon].bed_days
                                                                  : self->horizons[horizon].activity);
}

/* The reason shown under a figure, or NULL. */
const char *
lp_pathway_dialog_get_error (LpPathwayDialog *self,
                             guint            horizon,
                             gboolean         bed_days)
{
  g_return_val_if_fail (LP_IS_PATHWAY_DIALOG (self) && horizon < self->n_horizons, NULL);

  return lp_edit_dialog_get_error (LP_EDIT_DIALOG (self), bed_days ? self->horizons[horizon].bed_days
                                                                   : self->horizons[horizon].activity);
}
