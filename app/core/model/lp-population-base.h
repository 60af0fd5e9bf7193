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

G_END_DECLS
