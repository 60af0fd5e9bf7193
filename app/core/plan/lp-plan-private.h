/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Core-internal access to the plan's database connection.  Nothing outside
 * app/core includes this header: SQL stays in the core. */

#include <sqlite3.h>

#include "lp-plan.h"

G_BEGIN_DECLS

typedef struct {
  int         version;
  const char *resource;   /* GResource path of the script, or NULL */
  const char *sql;        /* the script itself, when not a resource */
} LpMigration;

const LpMigration *lp_migrations_builtin   (guint             *n_steps);
gboolean           lp_migrations_apply     (sqlite3           *db,
                                            const LpMigration *steps,
                                            guint              n_steps,
                                            int                from_version,
                                            GError           **error);

/* A new plan's schema, reference rows, base scenario and details, written
 * into the empty database @db. */
gboolean      lp_plan_initialise           (sqlite3            *db,
                                            GError            **error);
LpPlan       *lp_plan_open_with_migrations (const char         *path,
                                            LpPlanOpenFlags     flags,
                                            const LpMigration  *steps,
                                            guint               n_steps,
                                            GError            **error);

sqlite3      *lp_plan_get_db               (LpPlan             *self);
sqlite3_stmt *lp_plan_prepare              (LpPlan             *self,
                                            const char         *sql,
                                            GError            **error);
gboolean      lp_plan_begin_write          (LpPlan             *self,
                                            GError            **error);
gboolean      lp_plan_begin_untracked_write (LpPlan            *self,
                                            GError            **error);
gboolean      lp_plan_reload_base_scenario (LpPlan             *self,
                                            GError            **error);
gboolean      lp_plan_commit               (LpPlan             *self,
                                            GError            **error);
void          lp_plan_rollback             (LpPlan             *self);
gint64        lp_plan_get_data_version     (LpPlan             *self);
void          lp_plan_emit_changed         (LpPlan             *self,
                                            const char         *table);

/* Writes the database, as committed, into @path (which may be an empty
 * file): a SQLite result code. */
int           lp_sqlite_vacuum_into        (sqlite3            *db,
                                            const char         *path);
gboolean      lp_sqlite_set_error          (GError            **error,
                                            sqlite3            *db,
                                            int                 rc,
                                            const char         *doing);
gboolean      lp_sqlite_exec               (sqlite3            *db,
                                            const char         *sql,
                                            GError            **error);
char         *lp_sqlite_quote_ident        (const char         *name);
gint64        lp_id_new                    (void);

/* Deletes the row @id with @sql ("DELETE FROM t WHERE id = ?1") in its own
 * transaction; NOT_FOUND with @gone if no row had that id. */
gboolean      lp_plan_delete_row           (LpPlan             *self,
                                            const char         *sql,
                                            gint64              id,
                                            const char         *table,
                                            const char         *doing,
                                            const char         *gone,
                                            GError            **error);

/* Step a cached statement that returns no rows, then reset it. */
gboolean      lp_stmt_run                  (LpPlan             *self,
                                            sqlite3_stmt       *stmt,
                                            const char         *doing,
                                            GError            **error);
/* Bind text, or NULL when @text is NULL (SQLITE_TRANSIENT copy). */
void          lp_stmt_bind_text            (sqlite3_stmt       *stmt,
                                            int                 index,
                                            const char         *text);
const char   *lp_stmt_column_text          (sqlite3_stmt       *stmt,
                                            int                 column);

/* A whole copy of the plan in a temporary file, and putting one back in
 * place of the plan's rows: undo for a change too large to record. */
char         *lp_plan_take_copy            (LpPlan             *self,
                                            GError            **error);
gboolean      lp_plan_restore_copy         (LpPlan             *self,
                                            const char         *path,
                                            GError            **error);

/* The undo history (lp-history.c); LpPlan drives it from its transactions. */
typedef struct _LpHistory LpHistory;

LpHistory    *lp_history_new               (void);
void          lp_history_free              (LpHistory          *history);
void          lp_history_begin             (LpHistory          *history,
                                            sqlite3            *db);
gboolean      lp_history_commit            (LpHistory          *history);
void          lp_history_push_copy         (LpHistory          *history,
                                            char               *before_path,
                                            const char         *label);
void          lp_history_abort             (LpHistory          *history);
LpHistory    *lp_plan_get_history          (LpPlan             *self);
void          lp_plan_notify_history       (LpPlan             *self);

G_END_DECLS
