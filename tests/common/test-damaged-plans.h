/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Plans damaged behind the application's back, as another program could
 * damage them: the sqlite3 shell with CHECK constraints or foreign keys
 * turned off, a table rebuilt without its unique index, a schema edited to
 * let a NULL in.  Each is a copy of the sample with one kind of damage, and
 * says which problem check must find.  Shared by the core, command-line and
 * window tests. */

#include <glib.h>

G_BEGIN_DECLS

/* The kinds, as LpProblemKind numbers them (the command-line tests do not
 * link the core). */
typedef enum {
  DAMAGE_CHECK = 3,
  DAMAGE_NOT_NULL = 4,
  DAMAGE_FOREIGN_KEY = 5,
  DAMAGE_UNIQUE = 6,
} DamageKind;

typedef struct {
  const char    *name;
  const char    *sql;          /* run with CHECKs and foreign keys off */
  const char    *null_table;   /* or: let a NULL into this NOT NULL column */
  const char    *null_column;
  const char    *null_where;
  DamageKind     kind;         /* a problem the damage must produce */
  const char    *table;
  const char    *column;
  const char    *row;          /* (nullable) words its row must contain */
  guint          n_unique;     /* duplicate rows expected */
} Damage;

const Damage *damaged_plans         (guint        *n_damages);
char         *damaged_plan_copy_file (const char   *from,
                                      const char   *dir,
                                      const char   *name);
/* A copy of @sample in @dir, named after the damage, with the damage done. */
char         *damaged_plan_make      (const char   *sample,
                                      const char   *dir,
                                      const Damage *damage);

G_END_DECLS
