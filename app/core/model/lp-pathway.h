/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A scenario's assumptions for locality modelling: the pathway changes it
 * states for the STP, the CCG or one locality, and the weights that share
 * STP and CCG changes among localities instead of registered population.
 * A scenario states its own figures or inherits its base's, horizon by
 * horizon; every change is one undoable step. */

#include "lp-model.h"

G_BEGIN_DECLS

typedef enum {
  LP_LEVEL_STP,
  LP_LEVEL_CCG,
  LP_LEVEL_LOCALITY,
} LpPathwayLevel;

/* What the figures are counted over. */
typedef enum {
  LP_PATHWAY_OVER_HORIZON,   /* the whole horizon, e.g. 3 years */
  LP_PATHWAY_PER_YEAR,
  LP_PATHWAY_PER_MONTH,
  LP_PATHWAY_PER_WEEK,
} LpPathwayPeriod;

typedef struct {
  int     horizon_years;
  double  activity;        /* reductions, 0 or more */
  double  bed_days;
  gint64  scenario_id;     /* on reading: the scenario that states it */
} LpPathwayFigure;

typedef struct {
  LpPathwayPeriod  period;
  guint            n_figures;
  LpPathwayFigure  figures[LP_MODEL_MAX_HORIZONS];
} LpPathwayFigures;

/* The pathways in the table's order. */
GStrv    lp_plan_list_pathways         (LpPlan                  *plan,
                                        GError                 **error);
/* The figures @scenario_id (0: the base) uses at that level, each from the
 * nearest scenario that states it; none stated: n_figures 0. */
gboolean lp_plan_get_pathway_figures   (LpPlan                  *plan,
                                        gint64                   scenario_id,
                                        const char              *pathway,
                                        LpPathwayLevel           level,
                                        gint64                   locality_id,
                                        LpPathwayFigures        *figures,
                                        GError                 **error);
/* Replaces the scenario's own figures at that level. */
gboolean lp_plan_set_pathway_figures   (LpPlan                  *plan,
                                        gint64                   scenario_id,
                                        const char              *pathway,
                                        LpPathwayLevel           level,
                                        gint64                   locality_id,
                                        const LpPathwayFigures  *figures,
                                        GError                 **error);
/* Removes the scenario's own figures at that level: its base's apply again. */
gboolean lp_plan_clear_pathway_figures (LpPlan                  *plan,
                                        gint64                   scenario_id,
                                        const char              *pathway,
                                        LpPathwayLevel           level,
                                        gint64                   locality_id,
                                        GError                 **error);

/* Apportionment weights: locality id -> weight (any scale; the model
 * normalises them).  Empty: by registered population. */
GHashTable *lp_plan_get_weights        (LpPlan                  *plan,
                                        gint64                   scenario_id,
                                        GError                 **error);
/* Replaces the scenario's weights; an empty table goes back to registered
 * population (or the base scenario's weights). */
gboolean    lp_plan_set_weights        (LpPlan                  *plan,
                                        gint64                   scenario_id,
                                        GHashTable              *weights,
                                        GError                 **error);

/* What was typed into a pathway dialog, horizon by horizon.  The
 * field keys are the caller's own: a refused figure's is given back. */
typedef struct {
  int         horizon_years;
  const char *activity;        /* "3,600"; both blank: the horizon is left out */
  const char *bed_days;        /* one blank: 0 */
  const char *activity_field;
  const char *bed_days_field;
} LpPathwayFormHorizon;

typedef struct {
  const char           *pathway;
  LpPathwayLevel        level;
  gint64                locality_id;   /* for LP_LEVEL_LOCALITY */
  LpPathwayPeriod       period;
  guint                 n_horizons;
  LpPathwayFormHorizon  horizons[LP_MODEL_MAX_HORIZONS];
} LpPathwayForm;

gboolean lp_pathway_form_read          (const LpPathwayForm     *form,
                                        LpPathwayFigures        *figures,
                                        const char             **bad_field,
                                        GError                 **error);
/* The form as the scenario's own figures, or, all blank, none of its own. */
gboolean lp_plan_save_pathway_form     (LpPlan                  *plan,
                                        gint64                   scenario_id,
                                        const LpPathwayForm     *form,
                                        const char             **bad_field,
                                        GError                 **error);

/* A locality's weight as typed into a weights dialog (blank: 0). */
typedef struct {
  gint64      locality_id;
  const char *weight;
  const char *field;           /* the caller's key, given back if refused */
} LpWeightsFormRow;

gboolean lp_plan_save_weights_form     (LpPlan                  *plan,
                                        gint64                   scenario_id,
                                        gboolean                 by_population,
                                        const LpWeightsFormRow  *rows,
                                        guint                    n_rows,
                                        const char             **bad_field,
                                        GError                 **error);

/* Pathways and their changes one at a time, as the modelling view's
 * editors make them from an empty plan: a pathway is a name in one of
 * the table's two groups; a change is one horizon's figures for one
 * pathway, stated by one scenario for the STP, the CCG or a locality. */
typedef enum {
  LP_PATHWAY_INPATIENT,       /* in-patient: the table's first group */
  LP_PATHWAY_AE_OUTPATIENT,   /* A&E and outpatients: the second */
} LpPathwayCategory;

/* The keys of the pathway change form's fields, given back as @bad_field. */
#define LP_FIELD_PATHWAY          "pathway"
#define LP_FIELD_PATHWAY_NAME     "pathway_name"
#define LP_FIELD_PATHWAY_CATEGORY "pathway_category"
#define LP_FIELD_LEVEL            "level"
#define LP_FIELD_HORIZON          "horizon"
#define LP_FIELD_PERIOD           "period"
#define LP_FIELD_ACTIVITY         "activity"
#define LP_FIELD_BED_DAYS         "bed_days"

typedef struct {
  gint64             id;
  gint64             scenario_id;
  gint64             pathway_id;
  char              *pathway;
  LpPathwayCategory  category;
  LpPathwayLevel     level;
  gint64             locality_id;   /* 0 unless stated for a locality */
  char              *locality;      /* its name, or NULL */
  int                horizon_years;
  LpPathwayPeriod    period;
  double             activity;      /* reductions, as stated over the period */
  double             bed_days;
} LpPathwayChange;

void        lp_pathway_change_free          (LpPathwayChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpPathwayChange, lp_pathway_change_free)

/* The changes @scenario_id (0: the base) states itself, pathway by
 * pathway in the table's order, then by level, locality and horizon. */
GPtrArray  *lp_plan_list_pathway_changes    (LpPlan                 *plan,
                                             gint64                  scenario_id,
                                             GError                **error);
LpPathwayChange *lp_plan_get_pathway_change (LpPlan                 *plan,
                                             gint64                  id,
                                             GError                **error);
/* Removes one change (one undoable step): its scenario's base's figure,
 * if any, applies again. */
gboolean    lp_plan_delete_pathway_change   (LpPlan                 *plan,
                                             gint64                  id,
                                             GError                **error);

/* Pathways by name; each is one undoable step.  Deleting one deletes
 * its changes in every scenario. */
gint64      lp_plan_add_pathway             (LpPlan                 *plan,
                                             LpPathwayCategory       category,
                                             const char             *name,
                                             GError                **error);
gboolean    lp_plan_update_pathway          (LpPlan                 *plan,
                                             const char             *pathway,
                                             LpPathwayCategory       category,
                                             const char             *name,
                                             GError                **error);
gboolean    lp_plan_delete_pathway          (LpPlan                 *plan,
                                             const char             *pathway,
                                             GError                **error);
/* The pathway dialog: its name, group and population base (as typed:
 * "75+", lp-population-base.h) in one transaction, one undoable step;
 * refused: @bad_field LP_FIELD_PATHWAY_NAME or LP_FIELD_POPULATION_BASE. */
gboolean    lp_plan_save_pathway_edit       (LpPlan                 *plan,
                                             const char             *pathway,
                                             LpPathwayCategory       category,
                                             const char             *name,
                                             const char             *base,
                                             const char            **bad_field,
                                             GError                **error);
/* FALSE with @error if there is no pathway of that name. */
gboolean    lp_plan_get_pathway_category    (LpPlan                 *plan,
                                             const char             *pathway,
                                             LpPathwayCategory      *category,
                                             GError                **error);

/* One change as typed into the pathway change dialog. */
typedef struct {
  const char        *pathway;        /* an existing pathway; NULL or "": a new one */
  const char        *new_name;       /* the new pathway's name */
  LpPathwayCategory  new_category;
  LpPathwayLevel     level;
  gint64             locality_id;    /* for LP_LEVEL_LOCALITY */
  const char        *horizon;        /* years, "3" */
  LpPathwayPeriod    period;         /* what the figures are counted over */
  const char        *activity;       /* reductions: "900", "3,600"; blank: 0 */
  const char        *bed_days;
} LpPathwayChangeForm;

/* Adds the change (@id 0) or replaces the change @id, making the new
 * pathway first if the form names one, all in one transaction: one
 * undoable step.  Refused: nothing saved, @error for the user and
 * @bad_field one of the LP_FIELD_* keys above (NULL: not one field's).
 * Returns the change's id, 0 if refused. */
gint64      lp_plan_save_pathway_change_form (LpPlan                     *plan,
                                              gint64                      scenario_id,
                                              gint64                      id,
                                              const LpPathwayChangeForm  *form,
                                              const char                **bad_field,
                                              GError                    **error);

G_END_DECLS
