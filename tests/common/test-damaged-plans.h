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

/* Plans SQLite itself finds corrupt, as a disk, a copy cut short or a
 * careless program leaves them: the file cut short, bytes of the header
 * changed, a page overwritten.  The page hit is found on the sample with
 * SQLite's dbstat table, so the tests can work out which rows survive. */
typedef enum {
  CORRUPT_TRUNCATE,   /* keep the first pages (page_sql) or bytes */
  CORRUPT_ZERO,       /* zero bytes of a page */
  CORRUPT_GARBLE,     /* flip bits (XOR 0x5a) in bytes of a page */
} CorruptHow;

typedef struct {
  const char  *name;
  CorruptHow   how;
  /* SQL on the sample giving the page hit, or for a truncation the number
   * of pages kept; NULL to truncate to @bytes */
  const char  *page_sql;
  gint64       bytes;
  guint        start;        /* the bytes hit within the page, */
  guint        length;       /* 0: to the page's end */
  int          lost_cells;   /* cells of the page lost: -1 all of them */
  gboolean     unreadable;   /* nothing at all can be read */
  /* (nullable) a table whose surviving rows the reader cannot place: with
   * its schema row lost, its page fits another table as well */
  const char  *unplaced;
} Corruption;

const Corruption *corrupt_plans     (guint            *n_corruptions);
/* A copy of @sample in @dir, named after the corruption, damaged. */
char             *corrupt_plan_make (const char       *sample,
                                     const char       *dir,
                                     const Corruption *c);
/* The page @c hits (or the number of pages a truncation keeps), from its
 * page_sql on @sample; 0 for none. */
gint64            corrupt_plan_page (const char       *sample,
                                     const Corruption *c);

G_END_DECLS
