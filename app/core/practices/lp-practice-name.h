/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-plan.h"

G_BEGIN_DECLS

/* LpPracticeName: a practice as a chooser lists it, by its name, with its
 * code and locality to tell two of one name apart.  Read-only GObject
 * properties: "id", "ods-code", "name" and "locality-name" ("" when in
 * none).  Lighter than LpPractice, which carries its latest list size:
 * England's 6,500 practices list in a few milliseconds. */
#define LP_TYPE_PRACTICE_NAME (lp_practice_name_get_type ())
G_DECLARE_FINAL_TYPE (LpPracticeName, lp_practice_name, LP, PRACTICE_NAME, GObject)

gint64      lp_practice_name_get_id            (LpPracticeName *self);
const char *lp_practice_name_get_ods_code      (LpPracticeName *self);
const char *lp_practice_name_get_name          (LpPracticeName *self);
const char *lp_practice_name_get_locality_name (LpPracticeName *self);

/* Every practice, closed ones too, by name (letters of either case alike),
 * then by code. */
GListModel *lp_plan_list_practice_names        (LpPlan          *plan,
                                                GError         **error);

G_END_DECLS
