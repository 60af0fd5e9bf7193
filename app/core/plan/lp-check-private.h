/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "lp-check.h"

G_BEGIN_DECLS

/* One CHECK constraint of a CREATE TABLE statement. */
typedef struct {
  char *column;       /* NULL for a table constraint */
  char *expression;   /* between CHECK's parentheses */
} LpCheckExpr;

LpProblem *lp_problem_add         (GPtrArray          *problems,
                                   LpProblemSeverity   severity,
                                   LpProblemKind       kind,
                                   char               *message);
void       lp_check_constraints   (sqlite3            *db,
                                   sqlite3            *reference,
                                   GPtrArray          *problems);

/* For the repair: the reference schema (this build's migrations applied
 * to an empty in-memory database), every check on a connection of the
 * caller's, and a table's row key as check writes it, as an SQL text
 * expression on the row (alias t). */
sqlite3   *lp_check_reference     (void);
GPtrArray *lp_check_connection    (sqlite3            *db,
                                   GError            **error);
char      *lp_check_key_sql       (sqlite3            *reference,
                                   const char         *table);

/* Exposed for the tests of the CREATE TABLE reader and of the words. */
char      *lp_check_rule_in_words (const char         *expression,
                                   const char         *column);
GPtrArray *lp_check_split_checks  (const char         *create_sql,
                                   GPtrArray          *columns);

G_END_DECLS
