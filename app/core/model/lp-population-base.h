/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Population bases: the population a pathway change is shared by among
 * localities and practices, named as people write it.
 *
 * - "registered": the practice's list size (list_size), as at the extract.
 * - An age band from the age profiles (list_size_age): "75+", "65+",
 *   "85+", "0-4", any "A-B" (0 <= A <= B <= 94) or "A+" (A <= 95), of
 *   both sexes or of one ("75+ female", "0-4 male").  Single years are
 *   used where a practice has them, else five-year bands when the band
 *   starts and ends on theirs (0-4, 65+, but not 3-7).
 * - "weighted NAME": the age profiles weighted by the plan's table of
 *   weights NAME (population_weight: age band, sex, weight): a practice's
 *   figure is the sum over its rows of weight x patients in that band.
 *
 * A practice's age counts are those of its latest extract on or before the
 * date asked for (the latest of all when none is given).  A practice with
 * no age profile that can give the band is left out of the counts, so the
 * caller can name it: it is never counted as 0. */

#include "lp-plan.h"

G_BEGIN_DECLS

#define LP_POPULATION_BASE_REGISTERED "registered"
#define LP_POPULATION_BASE_AGE_OPEN   999   /* age_to of "A+" */

typedef enum {
  LP_POPULATION_BASE_KIND_REGISTERED,
  LP_POPULATION_BASE_KIND_AGE,
  LP_POPULATION_BASE_KIND_WEIGHTED,
} LpPopulationBaseKind;

typedef struct {
  LpPopulationBaseKind  kind;
  int                   age_from;   /* LP_POPULATION_BASE_KIND_AGE: years */
  int                   age_to;     /* inclusive, or LP_POPULATION_BASE_AGE_OPEN */
  char                 *sex;        /* "all", "male" or "female" */
  char                 *weights;    /* LP_POPULATION_BASE_KIND_WEIGHTED: the weights' name */
  char                 *name;       /* as written back: "registered", "75+", "0-4 female",
                                     * "weighted Need" */
} LpPopulationBase;

/* Reads a base as typed; the error's message is what the user sees:
 * "“75++” is not a population base: write registered, or an age band such
 * as 75+ or 0-4". */
LpPopulationBase *lp_population_base_parse   (const char              *text,
                                              GError                 **error);
void              lp_population_base_free    (LpPopulationBase        *base);
gboolean          lp_population_base_is_registered (const char        *name);

/* Each practice's count on @base (practice id, a g_malloc'd gint64 ->
 * g_malloc'd double), practices without the figure left out; @extract_date
 * NULL: the latest.  Age bands are counted once while the age profiles
 * stay as they are, and the same table is given to every caller: read it,
 * never change it. */
GHashTable       *lp_plan_read_population_base (LpPlan                *plan,
                                                const LpPopulationBase *base,
                                                const char            *extract_date,
                                                GError               **error);

/* The plan setting holding the STP's figure on @base: "stp_population"
 * for registered, else "stp_population_" and the base's name
 * ("stp_population_75+"). */
char             *lp_population_base_stp_key (const LpPopulationBase  *base);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpPopulationBase, lp_population_base_free)

/* Choosing and editing bases (lp-population-base-edit.c) ------------------ */

/* A base the plan can give, as the editors offer it: its name and where its
 * figures come from, with the extract's date ("Age profiles of 1 April
 * 2018"). */
typedef struct {
  char *name;
  char *source;
} LpPopulationBaseChoice;

void        lp_population_base_choice_free (LpPopulationBaseChoice *choice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpPopulationBaseChoice, lp_population_base_choice_free)

/* Registered; 65+, 75+, 85+ and 0-4 when the plan holds age profiles; each
 * set of weights.  Element type LpPopulationBaseChoice. */
GPtrArray  *lp_plan_list_population_base_choices (LpPlan      *plan,
                                                  GError     **error);
/* Where the figures of the base @name come from, as the choices say it;
 * NULL with @error if it is not a base the plan can give. */
char       *lp_plan_describe_population_base (LpPlan          *plan,
                                              const char      *name,
                                              GError         **error);
/* @text as typed, parsed; weights the plan does not hold are refused.
 * Returns the base's name as stored ("75+ female"), or NULL. */
char       *lp_plan_check_population_base (LpPlan             *plan,
                                           const char         *text,
                                           GError            **error);

#define LP_FIELD_POPULATION_BASE "population_base"

/* A practice's figure on a weighted population the plan imported (as NHS
 * England publishes PCN adjusted populations), and its patients per GP
 * FTE on that figure. */
typedef struct {
  char   *name;          /* the weights' */
  char   *source;        /* "Imported from pcn.csv, as at 01/01/2023" */
  double  population;
  double  per_gp_fte;    /* population / @gp_fte; 0 without GP FTE */
  guint   n_missing;     /* lp_plan_list_locality_weighted: practices without a figure */
} LpPracticeWeighted;

void        lp_practice_weighted_free (LpPracticeWeighted *weighted);

/* Each imported weighted population that has a figure for the practice,
 * by name (element type LpPracticeWeighted); empty when none has. */
GPtrArray  *lp_plan_list_practice_weighted (LpPlan      *plan,
                                            gint64       practice_id,
                                            double       gp_fte,
                                            GError     **error);
/* The same for a locality (0: every locality), over its practices that
 * count now: the sum of their latest figures, with the practices lacking
 * one counted in n_missing (per_gp_fte is then 0: it would flatter). */
GPtrArray  *lp_plan_list_locality_weighted (LpPlan      *plan,
                                            gint64       locality_id,
                                            double       gp_fte,
                                            GError     **error);

/* The pathway's own base ("registered" unless chosen). */
char       *lp_plan_get_pathway_population_base (LpPlan        *plan,
                                                 const char    *pathway,
                                                 GError       **error);
/* A pathway's base in a scenario: the scenario's own (NULL: none), and
 * the one it uses, with whose it is. */
typedef struct {
  char *pathway;
  char *own;          /* stated by this scenario, or NULL */
  char *inherited;    /* what it uses without its own: a scenario it builds on's, or the pathway's */
  char *inherited_from;  /* that scenario's name, or NULL: the pathway's */
} LpScenarioBase;

void        lp_scenario_base_free (LpScenarioBase *base);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpScenarioBase, lp_scenario_base_free)

/* Every pathway in the table's order (element type LpScenarioBase). */
GPtrArray  *lp_plan_list_scenario_population_bases (LpPlan    *plan,
                                                    gint64     scenario_id,
                                                    GError   **error);

/* A scenario's base for a pathway as typed; blank: as the pathway (or
 * the scenario it builds on). */
typedef struct {
  const char *pathway;
  const char *base;
  const char *field;      /* the caller's key, given back if refused */
} LpScenarioBaseFormRow;

gboolean    lp_plan_save_scenario_bases_form (LpPlan                      *plan,
                                              gint64                       scenario_id,
                                              const LpScenarioBaseFormRow *rows,
                                              guint                        n_rows,
                                              const char                 **bad_field,
                                              GError                     **error);

/* Sets of weights (population_weights): by age band and sex, the user's
 * own or an illustrative set, or imported per practice. */
typedef struct {
  char    *name;
  char    *note;
  gboolean imported;
  char    *source;     /* imported: the file's name */
  char    *as_at;      /* imported: the latest date of its figures */
  guint    n_rows;     /* by age: its rows; imported: practices at as_at */
} LpPopulationWeights;

void        lp_population_weights_free (LpPopulationWeights *weights);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpPopulationWeights, lp_population_weights_free)

/* By name (element type LpPopulationWeights). */
GPtrArray  *lp_plan_list_population_weights (LpPlan     *plan,
                                             GError    **error);

typedef struct {
  char   *age_band;    /* "75+" */
  char   *sex;         /* "all", "male" or "female" */
  double  weight;
} LpPopulationWeightRow;

/* The rows of the weights @name by age band (element type
 * LpPopulationWeightRow). */
GPtrArray  *lp_plan_get_population_weight_rows (LpPlan      *plan,
                                                const char  *name,
                                                GError     **error);

#define LP_FIELD_WEIGHTS_NAME "weights_name"
#define LP_FIELD_WEIGHTS_NOTE "weights_note"

typedef struct {
  const char *age_band;      /* as typed: "75+", "0-74" */
  const char *sex;           /* "all", "male" or "female" */
  const char *weight;        /* as typed: "1.5" */
  const char *band_field;    /* the caller's keys, given back if refused */
  const char *weight_field;
} LpWeightsTableFormRow;

typedef struct {
  const char                  *name;
  const char                  *note;
  guint                        n_rows;
  const LpWeightsTableFormRow *rows;
} LpWeightsTableForm;

/* Adds (@old_name NULL) or replaces the weights @old_name, renaming them
 * where the pathways and scenarios use them: one undoable step. */
gboolean    lp_plan_save_population_weights_form (LpPlan                   *plan,
                                                  const char               *old_name,
                                                  const LpWeightsTableForm *form,
                                                  const char              **bad_field,
                                                  GError                  **error);
/* Refused while a pathway or a scenario shares by them. */
gboolean    lp_plan_delete_population_weights (LpPlan      *plan,
                                               const char  *name,
                                               GError     **error);

G_END_DECLS
