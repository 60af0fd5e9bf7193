/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pathway changes dialog (see lp-pathway-dialog.h).  Core reads and
 * stores the figures (lp-pathway.h); lp-pathway-text words them and reads
 * what was typed. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-pathway-dialog.h"
#include "lp-form-window.h"
#include "lp-pathway-text.h"

typedef struct {
  int         years;
  GtkWidget  *activity;   /* AdwEntryRow */
  GtkWidget  *bed_days;
} LpHorizonRows;

struct _LpPathwayDialog
{
  AdwWindow       parent_instance;

  LpPlan         *plan;
  LpScenario     *scenario;
  gint64          locality_id;
  GStrv           pathways;
  AdwComboRow    *pathway_row;
  AdwComboRow    *level_row;
  AdwComboRow    *period_row;
  AdwPreferencesGroup *choice_group;
  LpHorizonRows   horizons[LP_MODEL_MAX_HORIZONS];
  guint           n_horizons;
  GtkLabel       *error_label;
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (LpPathwayDialog, lp_pathway_dialog, ADW_TYPE_WINDOW)

static const char *
lp_pathway_dialog_pathway (LpPathwayDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->pathway_row);

  return selected < g_strv_length (self->pathways) ? self->pathways[selected] : NULL;
}

static LpPathwayLevel
lp_pathway_dialog_level (LpPathwayDialog *self)
{
  return (LpPathwayLevel) MIN (adw_combo_row_get_selected (self->level_row), LP_LEVEL_LOCALITY);
}

static void
lp_pathway_dialog_show_error (LpPathwayDialog *self,
                             const char      *message)
{
  lp_form_window_show_error (self->error_label, message);
}

/* The figures the scenario models with for the pathway and level chosen. */
static void
lp_pathway_dialog_load (LpPathwayDialog *self)
{
  LpPathwayFigures figures;
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;

  if (self->loading || lp_pathway_dialog_pathway (self) == NULL)
    return;
  self->loading = TRUE;
  if (!lp_plan_get_pathway_figures (self->plan, lp_scenario_get_id (self->scenario),
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
      gtk_editable_set_text (GTK_EDITABLE (self->horizons[h].activity), activity != NULL ? activity : "");
      gtk_editable_set_text (GTK_EDITABLE (self->horizons[h].bed_days), bed_days != NULL ? bed_days : "");
    }
  if (figures.n_figures > 0)
    adw_combo_row_set_selected (self->period_row, figures.period);
  source = lp_pathway_text_source (&figures, lp_scenario_get_id (self->scenario),
                                   lp_scenario_get_name (self->scenario));
  adw_preferences_group_set_description (self->choice_group, source);
  lp_pathway_dialog_show_error (self, error != NULL ? error->message : NULL);
  self->loading = FALSE;
}

/* Reads the form; both of a horizon's entries empty leaves it out. */
static gboolean
lp_pathway_dialog_read (LpPathwayDialog   *self,
                        LpPathwayFigures  *figures,
                        GError           **error)
{
  *figures = (LpPathwayFigures) { (LpPathwayPeriod) adw_combo_row_get_selected (self->period_row), 0, };
  for (guint h = 0; h < self->n_horizons; h++)
    if (!lp_pathway_text_parse (self->horizons[h].years,
                                gtk_editable_get_text (GTK_EDITABLE (self->horizons[h].activity)),
                                gtk_editable_get_text (GTK_EDITABLE (self->horizons[h].bed_days)),
                                figures, error))
      return FALSE;
  return TRUE;
}

/**
 * lp_pathway_dialog_save:
 *
 * Stores the form as the scenario's own figures (or, with every entry
 * empty, removes them) and closes; or shows why not and stays open.
 *
 * Returns: whether the figures were stored
 */
gboolean
lp_pathway_dialog_save (LpPathwayDialog *self)
{
  LpPathwayFigures figures;
  g_autoptr(GError) error = NULL;
  gint64 scenario = lp_scenario_get_id (self->scenario);
  gboolean ok;

  g_return_val_if_fail (LP_IS_PATHWAY_DIALOG (self), FALSE);

  ok = lp_pathway_dialog_read (self, &figures, &error);
  if (ok && figures.n_figures == 0)
    ok = lp_plan_clear_pathway_figures (self->plan, scenario, lp_pathway_dialog_pathway (self),
                                        lp_pathway_dialog_level (self), self->locality_id, &error);
  else if (ok)
    ok = lp_plan_set_pathway_figures (self->plan, scenario, lp_pathway_dialog_pathway (self),
                                      lp_pathway_dialog_level (self), self->locality_id, &figures, &error);
  if (!ok)
    {
      lp_pathway_dialog_show_error (self, error->message);
      return FALSE;
    }
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
lp_pathway_dialog_save_activated (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  lp_pathway_dialog_save (LP_PATHWAY_DIALOG (widget));
}

static AdwComboRow *
lp_pathway_dialog_combo (AdwPreferencesGroup *group,
                         const char          *title,
                         const char *const   *choices)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_preferences_group_add (group, row);
  return ADW_COMBO_ROW (row);
}

/* An error stays only until a figure is changed. */
static void
lp_pathway_dialog_edited (LpPathwayDialog *self)
{
  if (!self->loading)
    lp_pathway_dialog_show_error (self, NULL);
}

static GtkWidget *
lp_pathway_dialog_entry (LpPathwayDialog     *self,
                         AdwPreferencesGroup *group,
                         const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  g_signal_connect_swapped (row, "changed", G_CALLBACK (lp_pathway_dialog_edited), self);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Enter saves, as in the app's other forms. */
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  adw_preferences_group_add (group, row);
  return row;
}

static void
lp_pathway_dialog_build_horizons (LpPathwayDialog *self,
                                  GtkWidget       *page,
                                  const int       *horizons,
                                  guint            n_horizons)
{
  self->n_horizons = MIN (n_horizons, LP_MODEL_MAX_HORIZONS);
  for (guint h = 0; h < self->n_horizons; h++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      g_autofree char *title = lp_pathway_text_horizon (horizons[h]);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      self->horizons[h].years = horizons[h];
      self->horizons[h].activity = lp_pathway_dialog_entry (self, ADW_PREFERENCES_GROUP (group),
                                                            _("Activity reduction"));
      self->horizons[h].bed_days = lp_pathway_dialog_entry (self, ADW_PREFERENCES_GROUP (group),
                                                            _("Reduced bed days"));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }
}

static void
lp_pathway_dialog_build_choices (LpPathwayDialog *self,
                                 GtkWidget       *page,
                                 const char      *locality)
{
  g_auto(GStrv) levels = lp_pathway_text_levels (locality);
  g_auto(GStrv) periods = lp_pathway_text_periods ();
  GtkWidget *group = adw_preferences_group_new ();

  self->choice_group = ADW_PREFERENCES_GROUP (group);
  self->pathway_row = lp_pathway_dialog_combo (self->choice_group, _("Pathway"),
                                               (const char *const *) self->pathways);
  self->level_row = lp_pathway_dialog_combo (self->choice_group, _("Stated for"),
                                             (const char *const *) levels);
  self->period_row = lp_pathway_dialog_combo (self->choice_group, _("Figures are"),
                                              (const char *const *) periods);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->choice_group);
}

static void
lp_pathway_dialog_build (LpPathwayDialog *self,
                         const char      *locality,
                         const int       *horizons,
                         guint            n_horizons)
{
  GtkWidget *page = adw_preferences_page_new ();

  lp_pathway_dialog_build_choices (self, page, locality);
  lp_pathway_dialog_build_horizons (self, page, horizons, n_horizons);
  self->error_label = lp_form_window_build (ADW_WINDOW (self), _("Pathway Changes"),
                                            lp_scenario_get_name (self->scenario), page);
}

/* Selects @name in a combo row of strings; FALSE if it is not there. */
static gboolean
lp_pathway_dialog_select_pathway (LpPathwayDialog *self,
                                  const char      *name)
{
  for (guint i = 0; name != NULL && self->pathways[i] != NULL; i++)
    if (g_strcmp0 (self->pathways[i], name) == 0)
      {
        adw_combo_row_set_selected (self->pathway_row, i);
        return TRUE;
      }
  return FALSE;
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
  LpPathwayDialog *self = g_object_new (LP_TYPE_PATHWAY_DIALOG, "modal", TRUE, "transient-for", parent,
                                        "default-width", 480, "default-height", 640, NULL);

  self->plan = g_object_ref (plan);
  self->scenario = g_object_ref (scenario);
  self->locality_id = locality_id;
  self->pathways = lp_plan_list_pathways (plan, NULL);
  if (self->pathways == NULL)
    self->pathways = g_new0 (char *, 1);
  lp_pathway_dialog_build (self, locality_id != 0 ? locality : NULL, horizons, n_horizons);
  lp_pathway_dialog_select_pathway (self, pathway);
  /* A locality on screen: its own figures are what a commissioner edits first. */
  adw_combo_row_set_selected (self->level_row, locality_id != 0 ? LP_LEVEL_LOCALITY : LP_LEVEL_CCG);
  g_signal_connect_swapped (self->pathway_row, "notify::selected", G_CALLBACK (lp_pathway_dialog_load), self);
  g_signal_connect_swapped (self->level_row, "notify::selected", G_CALLBACK (lp_pathway_dialog_load), self);
  lp_pathway_dialog_load (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), !lp_plan_is_read_only (plan));
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

void
lp_pathway_dialog_choose (LpPathwayDialog *self,
                          LpPathwayLevel   level,
                          LpPathwayPeriod  period)
{
  g_return_if_fail (LP_IS_PATHWAY_DIALOG (self));

  adw_combo_row_set_selected (self->level_row, level);
  adw_combo_row_set_selected (self->period_row, period);
}

void
lp_pathway_dialog_set_figures (LpPathwayDialog *self,
                               guint            horizon,
                               const char      *activity,
                               const char      *bed_days)
{
  g_return_if_fail (LP_IS_PATHWAY_DIALOG (self) && horizon < self->n_horizons);

  gtk_editable_set_text (GTK_EDITABLE (self->horizons[horizon].activity), activity);
  gtk_editable_set_text (GTK_EDITABLE (self->horizons[horizon].bed_days), bed_days);
}

const char *
lp_pathway_dialog_get_figure (LpPathwayDialog *self,
                              guint            horizon,
                              gboolean         bed_days)
{
  g_return_val_if_fail (LP_IS_PATHWAY_DIALOG (self) && horizon < self->n_horizons, NULL);

  return gtk_editable_get_text (GTK_EDITABLE (bed_days ? self->horizons[horizon].bed_days
                                                       : self->horizons[horizon].activity));
}

const char *
lp_pathway_dialog_get_error (LpPathwayDialog *self)
{
  g_return_val_if_fail (LP_IS_PATHWAY_DIALOG (self), NULL);

  return lp_form_window_get_error (self->error_label);
}

static void
lp_pathway_dialog_finalize (GObject *object)
{
  LpPathwayDialog *self = LP_PATHWAY_DIALOG (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->scenario);
  g_strfreev (self->pathways);
  G_OBJECT_CLASS (lp_pathway_dialog_parent_class)->finalize (object);
}

static void
lp_pathway_dialog_class_init (LpPathwayDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lp_pathway_dialog_finalize;
  lp_form_window_class_setup (widget_class, lp_pathway_dialog_save_activated);
}

static void
lp_pathway_dialog_init (LpPathwayDialog *self)
{
}
