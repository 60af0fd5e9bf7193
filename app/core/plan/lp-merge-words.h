/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-workshop.h"

G_BEGIN_DECLS

/**
 * LpChangeWords:
 * @section: the view the change belongs to, as the sidebar names it
 *   ("Localities", "Practices", "Contracts", "Activity Plan", "Locality
 *   Modelling", "Extended Access", "Workforce"), or "Plan" for the plan's
 *   details, scenarios and anything else
 * @place: (nullable): the locality the row belongs to, %NULL for the whole plan
 * @subject: what the row is ("Practice X06K12", "Target for GPs by 2019/20 Q4")
 * @text: the whole line, place first ("Stevenage · Target for GPs by
 *   2019/20 Q4: +4 FTE (was +3)")
 *
 * Where a change shows in the app, and what it says.
 */
typedef struct {
  char *section;
  char *place;
  char *subject;
  char *text;
} LpChangeWords;

void           lp_change_words_free              (LpChangeWords         *words);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpChangeWords, lp_change_words_free)

LpChangeWords *lp_workshop_copy_describe_change   (LpWorkshopCopy        *copy,
                                                   const LpCopyChange    *change);
GPtrArray     *lp_workshop_copy_describe_changes  (LpWorkshopCopy        *copy,
                                                   GPtrArray             *changes);

/**
 * LpConflictWords:
 * @section: as #LpChangeWords
 * @place: (nullable): as #LpChangeWords
 * @subject: what the row is and which of its values ("Practice X06K12 ·
 *   list size at 01/01/2018")
 * @question: one sentence saying what happened ("Both changed the list size.")
 * @base_text: the value when the copy was taken, with its unit ("12,326
 *   patients"), "none" when there was no row or no value
 * @copy_text: the copy's value, "deleted" when the copy deleted the row
 * @plan_text: the plan's value, "deleted" when the plan deleted the row
 *
 * A conflict in words, to be decided by someone who does not know tables.
 */
typedef struct {
  char *section;
  char *place;
  char *subject;
  char *question;
  char *base_text;
  char *copy_text;
  char *plan_text;
} LpConflictWords;

void             lp_conflict_words_free             (LpConflictWords       *words);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpConflictWords, lp_conflict_words_free)

LpConflictWords *lp_workshop_copy_describe_conflict (LpWorkshopCopy        *copy,
                                                     const LpMergeConflict *conflict);

G_END_DECLS
