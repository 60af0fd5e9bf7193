/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-plan.h"

G_BEGIN_DECLS

typedef enum {
  LP_PROBLEM_WARNING,
  LP_PROBLEM_ERROR,
} LpProblemSeverity;

/* Which kind of rule a problem breaks: a repair treats a row breaking a
 * CHECK or NOT NULL (clear the value or leave the row out) unlike a
 * dangling reference or a duplicate key. */
typedef enum {
  LP_PROBLEM_KIND_OTHER,
  LP_PROBLEM_KIND_INTEGRITY,    /* SQLite's own integrity check (pages, indexes) */
  LP_PROBLEM_KIND_SCHEMA,       /* a table or column missing or different */
  LP_PROBLEM_KIND_CHECK,        /* a CHECK constraint of the schema */
  LP_PROBLEM_KIND_NOT_NULL,     /* an empty value in a NOT NULL column */
  LP_PROBLEM_KIND_FOREIGN_KEY,  /* a reference to a row that does not exist */
  LP_PROBLEM_KIND_UNIQUE,       /* a primary or unique key held by several rows */
  LP_PROBLEM_KIND_DOMAIN,       /* a rule of the domain no constraint states */
} LpProblemKind;

/**
 * LpProblem:
 * @severity: an error makes the plan unsound; a warning is worth a look
 * @message: the whole problem in one sentence, as check prints it
 * @kind: which kind of rule is broken
 * @table: (nullable): the table of the row at fault, as named in the file
 * @row: (nullable): the row in words a user knows ("Practice X06K20",
 *   "List size of practice X06K20 on 2018-01-01"), or its key when nothing
 *   more readable can be read
 * @key: (nullable): the row's primary key as SQL equalities
 *   ("id=12", "practice_id=3, extract_date='2018-01-01'"), or "rowid=N"
 *   for a table without one; what a repair uses to find the row again
 * @column: (nullable): the column at fault; for a rule over several
 *   columns, their names separated by ", "
 * @value: (nullable): the value as stored, written as SQL's quote() does
 *   ('abc', -5, 1.0e+308, NULL); several values separated by ", "
 * @rule: (nullable): the rule in words, a phrase that follows the value
 *   ("must be a whole number of 0 or more", "refers to a practice that
 *   does not exist")
 *
 * The structured fields are set for the row-by-row problems (CHECK,
 * NOT NULL, foreign key, unique key) and NULL for the others.
 */
typedef struct {
  LpProblemSeverity  severity;
  char              *message;
  LpProblemKind      kind;
  char              *table;
  char              *row;
  char              *key;
  char              *column;
  char              *value;
  char              *rule;
} LpProblem;

/* Checks the database's integrity, its schema, every row against every
 * CHECK, NOT NULL, foreign key and unique key of the schema this build
 * creates, and the domain rules no constraint states.  Works the same on a
 * plan opened read-only.  Element type LpProblem; an empty array means the
 * plan is sound.  NULL with @error set only if the checks could not run. */
GPtrArray *lp_plan_check            (LpPlan      *plan,
                                     GError     **error);
GPtrArray *lp_plan_check_file       (const char  *path,
                                     GError     **error);
guint      lp_problems_count_errors (GPtrArray *problems);

G_END_DECLS
