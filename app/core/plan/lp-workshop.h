/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-plan.h"

G_BEGIN_DECLS

/* What a workshop copy changed that the plan also changed since the base. */
typedef enum {
  LP_MERGE_CONFLICT_BOTH_CHANGED,    /* a value changed on both sides, differently */
  LP_MERGE_CONFLICT_BOTH_ADDED,      /* a row with the same key added on both sides, differently */
  LP_MERGE_CONFLICT_DELETED_IN_PLAN, /* the copy changed a row the plan deleted */
  LP_MERGE_CONFLICT_DELETED_IN_COPY, /* the copy deleted a row the plan changed */
  LP_MERGE_CONFLICT_BREAKS_RULE,     /* the copy’s change would break a rule of the plan (a code used
                                      * twice…): only LP_MERGE_KEEP_PLAN, leaving it out, decides it */
  LP_MERGE_CONFLICT_ONLY_IN_COPY,    /* against the plan as it is: a row only the copy has */
  LP_MERGE_CONFLICT_ONLY_IN_PLAN,    /* against the plan as it is: a row only the plan has
                                      * (LP_MERGE_TAKE_COPY deletes it, as the copy has) */
} LpMergeConflictKind;

typedef enum {
  LP_MERGE_UNDECIDED,
  LP_MERGE_KEEP_PLAN,   /* "ours": the plan stays as it is */
  LP_MERGE_TAKE_COPY,   /* "theirs": the copy's change is made */
} LpMergeChoice;

/**
 * LpMergeConflict:
 * @table: the table of the plan file
 * @row_key: the row's primary key, its values joined with ", "
 * @column: (nullable): the column both changed, or for a whole row (a
 *   deletion, a rule) the columns concerned joined with ", "
 * @base_value: (nullable): the value when the copy was taken (NULL: no row,
 *   or SQL NULL)
 * @copy_value: (nullable): the copy's value (NULL: the copy deleted the row)
 * @plan_value: (nullable): the plan's value now (NULL: the plan deleted it)
 * @choice: what to do; set by the caller before merging again
 */
typedef struct {
  LpMergeConflictKind  kind;
  char                *table;
  char                *row_key;
  char                *column;
  char                *base_value;
  char                *copy_value;
  char                *plan_value;
  LpMergeChoice        choice;
} LpMergeConflict;

void             lp_merge_conflict_free   (LpMergeConflict *conflict);
LpMergeConflict *lp_merge_conflict_copy   (const LpMergeConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpMergeConflict, lp_merge_conflict_free)

/* A workshop copy, read and checked against the plan, ready to merge. */
typedef struct _LpWorkshopCopy LpWorkshopCopy;

typedef enum {
  LP_MERGE_DEFAULT = 0,
  LP_MERGE_DRY_RUN = 1 << 0,   /* find what would change and the conflicts, apply nothing */
} LpMergeFlags;

char           *lp_plan_dup_plan_id              (LpPlan              *plan);
GStrv           lp_workshop_split_names          (const char          *text);
gboolean        lp_workshop_check_copies         (const char          *dir,
                                                  const char * const  *names,
                                                  guint                n_names,
                                                  GError             **error);
gboolean        lp_plan_prepare_workshop_copies  (LpPlan              *plan,
                                                  const char          *dir,
                                                  const char * const  *names,
                                                  guint                n_names,
                                                  GPtrArray          **paths,
                                                  GError             **error);

LpWorkshopCopy *lp_plan_read_workshop_copy       (LpPlan              *plan,
                                                  const char          *path,
                                                  GError             **error);
LpWorkshopCopy *lp_plan_read_copy_against_plan   (LpPlan              *plan,
                                                  const char          *path,
                                                  GError             **error);
const char     *lp_workshop_copy_get_name        (LpWorkshopCopy      *copy);
const char     *lp_workshop_copy_get_taken_at    (LpWorkshopCopy      *copy);
void            lp_workshop_copy_free            (LpWorkshopCopy      *copy);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpWorkshopCopy, lp_workshop_copy_free)

/* One row the copy changed since its base. */
typedef enum {
  LP_COPY_CHANGE_ADDED,
  LP_COPY_CHANGE_CHANGED,
  LP_COPY_CHANGE_DELETED,
} LpCopyChangeKind;

/**
 * LpCopyChange:
 * @row_key: the row's primary key, its values joined with ", "
 * @columns: (array length=n_columns): the columns the copy set (every
 *   column of an added or deleted row; only those changed otherwise)
 * @old_values: (array length=n_columns): their values in the base (NULL
 *   entries for an added row or an SQL NULL)
 * @new_values: (array length=n_columns): their values in the copy (NULL
 *   entries for a deleted row or an SQL NULL)
 */
typedef struct {
  LpCopyChangeKind   kind;
  char              *table;
  char              *row_key;
  guint              n_columns;
  char             **columns;
  char             **old_values;
  char             **new_values;
} LpCopyChange;

void            lp_copy_change_free              (LpCopyChange        *change);
GPtrArray      *lp_workshop_copy_list_changes    (LpWorkshopCopy      *copy,
                                                  GError             **error);

gboolean        lp_plan_merge_copy               (LpPlan              *plan,
                                                  LpWorkshopCopy      *copy,
                                                  GPtrArray           *decisions,
                                                  GPtrArray           *left_out,
                                                  LpMergeChoice        otherwise,
                                                  LpMergeFlags         flags,
                                                  GPtrArray          **conflicts,
                                                  guint               *n_changes,
                                                  GError             **error);

G_END_DECLS
