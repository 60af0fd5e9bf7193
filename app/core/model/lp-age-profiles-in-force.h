/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The age profiles in force at a date: for each practice, the profiles of
 * its latest extract on or before the date (the latest of all when none is
 * given), read from age_profile and kept on the plan until the age data
 * changes, so that modelling on an age band after an edit elsewhere reads
 * no age data at all. */

#include "lp-plan.h"

G_BEGIN_DECLS

typedef struct _LpAgeProfiles LpAgeProfiles;

/* (transfer full): the profiles, none when the plan has no age data; %NULL
 * only on a database error. */
LpAgeProfiles *lp_plan_age_profiles_in_force (LpPlan         *plan,
                                              const char     *extract_date,
                                              GError        **error);
LpAgeProfiles *lp_age_profiles_ref           (LpAgeProfiles  *profiles);
void           lp_age_profiles_unref         (LpAgeProfiles  *profiles);

/* Each practice's patients aged @from to @to (LP_POPULATION_BASE_AGE_OPEN:
 * and over) of @sex ("all", "male" or "female"): practice id (g_malloc'd
 * gint64) -> patients (g_malloc'd double).  Single years where a
 * practice's profile has them; five-year bands only when the band is made
 * of whole ones; for "all", the profile given for all persons, else male
 * and female together where both are there.  A practice whose profiles
 * cannot give the band is left out.  Counted once per band and kept with
 * the profiles: the table is shared, and must not be changed. */
GHashTable    *lp_age_profiles_band_counts   (LpAgeProfiles  *profiles,
                                              int             from,
                                              int             to,
                                              const char     *sex);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpAgeProfiles, lp_age_profiles_unref)

G_END_DECLS
