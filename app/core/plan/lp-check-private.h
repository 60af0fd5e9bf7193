/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "lp-check.h"

G_BEGIN_DECLS

LpProblem *lp_problem_add         (GPtrArray          *problems,
                                   LpProblemSeverity   severity,
                                   LpProblemKind       kind,
                                   char               *message);
void       lp_check_constraints   (sqlite3            *db,
                                   sqlite3            *reference,
                                   GPtrArray          *problems);

/* Exposed for the tests of the CREATE TABLE reader and of the words. */
char      *lp_check_rule_in_words (const char         *expression,
                                   const char         *column);
GPtrArray *lp_check_split_checks  (const char         *create_sql,
                                   GPtrArray          *columns);

G_END_DECLS
