/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Is this plan sound?": SQLite's own integrity and foreign-key checks, the
 * schema against the one this build creates, and the domain's rules, which
 * a file edited behind the application's back (sqlite3 shell with foreign
 * keys or CHECK constraints turned off) may break. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lp-check-private.h"
#include "lp-plan-file.h"
#include "lp-plan-private.h"
#include "lp-practice-private.h"

typedef struct {
  LpProblemSeverity  severity;
  const char        *sql;     /* returns three text columns for the format */
  const char        *format;
  /* for a rule one row breaks: its table, and the sql's fourth column is
   * the row's key as lp_check_constraints writes it, for a repair to find
   * it; the row is named by @row_format over the three columns and the
   * rule is @rule */
  const char        *table;
  const char        *row_format;
  const char        *rule;
} LpRule;

/* Rules of the domain that no constraint of the schema states; what a
 * CHECK, NOT NULL, foreign or unique key says is found row by row in
 * lp-check-constraints.c. */
static const LpRule domain_rules[] = {
  { LP_PROBLEM_ERROR,
    /* The age profile's figures read by substr(): anything but digits and
     * blanks, or a length that is not its banding's, would be misread. */
    "SELECT ifnull (p.ods_code, '(unknown practice)'), a.extract_date, a.sex, "
    "'extract_date=' || quote (a.extract_date) || ', practice_id=' || quote (a.practice_id) "
    "|| ', sex=' || quote (a.sex) FROM age_profile AS a "
    "LEFT JOIN practice AS p ON p.id = a.practice_id "
    "WHERE date (a.extract_date, '+0 days') IS NOT a.extract_date OR typeof (a.patients) <> 'text' "
    "OR a.patients GLOB '*[^0-9 ]*' OR a.banding NOT IN ('single', 'five_year') "
    "OR length (a.patients) <> CASE a.banding WHEN 'single' THEN 576 ELSE 120 END "
    "OR a.total < 0 OR (a.total IS NOT NULL AND typeof (a.total) <> 'integer')",
    N_("Practice %s has an impossible age profile (extract %s, %s)"),
    "age_profile", N_("Age profile of practice %s on %s (%s)"),
    N_("holds figures that are not its banding’s age bands of whole numbers") },
  { LP_PROBLEM_ERROR,
    "SELECT 'base', '', '' WHERE NOT EXISTS (SELECT 1 FROM scenario WHERE base_id IS NULL)",
    N_("The plan has no %s scenario") },
  { LP_PROBLEM_WARNING,
    /* A closed practice is kept for its history: it needs no locality, no
     * list size, and does not make a locality any less empty. */
    "SELECT p.ods_code, p.name, '' FROM practice AS p WHERE p.locality_id IS NULL "
    "AND " LP_PRACTICE_COUNTS_ON ("p", "NULL"),
    N_("Practice %s (%s) is not in any locality") },
  { LP_PROBLEM_WARNING,
    "SELECT l.name, '', '' FROM locality AS l WHERE NOT EXISTS (SELECT 1 FROM practice AS p "
    "WHERE p.locality_id = l.id AND " LP_PRACTICE_COUNTS_ON ("p", "NULL") ")",
    N_("Locality %s has no practices") },
  { LP_PROBLEM_WARNING,
    "SELECT p.ods_code, p.name, '' FROM practice AS p WHERE " LP_PRACTICE_COUNTS_ON ("p", "NULL") " "
    "AND NOT EXISTS (SELECT 1 FROM list_size WHERE practice_id = p.id)",
    N_("Practice %s (%s) has no list size") },
};

static void
lp_problem_free (gpointer data)
{
  LpProblem *problem = data;

  g_free (problem->message);
  g_free (problem->table);
  g_free (problem->row);
  g_free (problem->key);
  g_free (problem->column);
  g_free (problem->value);
  g_free (problem->rule);
  g_free (problem);
}

/* Adds a problem owning @message; the caller fills in the row's fields. */
LpProblem *
lp_problem_add (GPtrArray         *problems,
                LpProblemSeverity  severity,
                LpProblemKind      kind,
                char              *message)
{
  LpProblem *problem = g_new0 (LpProblem, 1);

  problem->severity = severity;
  problem->kind = kind;
  problem->message = message;
  g_ptr_array_add (problems, problem);
  return problem;
}

/* The formats are this file's own translatable constants, and every rule's
 * query returns the three columns its format expects. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* Runs @sql (on a fresh statement: tampered files may lack a table) and
 * hands each row's three columns to @format. */
static gboolean
lp_check_rule (sqlite3        *db,
               const LpRule   *rule,
               GPtrArray      *problems)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, rule->sql, -1, &stmt, NULL);

  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *a = lp_stmt_column_text (stmt, 0);
      const char *b = lp_stmt_column_text (stmt, 1);
      const char *c = lp_stmt_column_text (stmt, 2);
      LpProblem *problem = lp_problem_add (problems, rule->severity, LP_PROBLEM_KIND_DOMAIN,
                                           g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, rule->format), a, b, c));

      if (rule->table != NULL)
        {
          problem->table = g_strdup (rule->table);
          problem->key = g_strdup (lp_stmt_column_text (stmt, 3));
          problem->row = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, rule->row_format), a, b, c);
          problem->rule = g_strdup (g_dgettext (GETTEXT_PACKAGE, rule->rule));
        }
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

#pragma GCC diagnostic pop

/* Pages, indexes and the like.  Its lines about CHECK and NOT NULL (these
 * come only on a writable connection) are left out: those rules are tested
 * row by row, with the row named, by lp_check_constraints(). */
static void
lp_check_integrity (sqlite3   *db,
                    GPtrArray *problems)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check(50)", -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row = lp_stmt_column_text (stmt, 0);
      if (g_strcmp0 (row, "ok") != 0 && !g_str_has_prefix (row, "CHECK constraint failed in ") &&
          !g_str_has_prefix (row, "NULL value in "))
        lp_problem_add (problems, LP_PROBLEM_ERROR, LP_PROBLEM_KIND_INTEGRITY,
                        g_strdup_printf (_("Database integrity: %s"), row));
      rc = SQLITE_OK;
    }
  /* a file too damaged for the check to run at all */
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    lp_problem_add (problems, LP_PROBLEM_ERROR, LP_PROBLEM_KIND_INTEGRITY,
                    g_strdup_printf (_("The plan file is damaged: %s"), sqlite3_errmsg (db)));
  sqlite3_finalize (stmt);
}

static GHashTable *
lp_check_table_columns (sqlite3 *db)
{
  GHashTable *tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
        "SELECT m.name, group_concat (c.name, ',') FROM sqlite_schema AS m, "
        "pragma_table_info (m.name) AS c WHERE m.type IN ('table', 'view') "
        "AND m.name NOT LIKE 'sqlite_%' GROUP BY m.name", -1, &stmt, NULL) != SQLITE_OK)
    return tables;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (tables, g_strdup (lp_stmt_column_text (stmt, 0)),
                         g_strdup (lp_stmt_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  return tables;
}

/* Compares the file's tables and columns with those of @reference. */
static void
lp_check_schema (sqlite3   *db,
                 sqlite3   *reference,
                 GPtrArray *problems)
{
  g_autoptr(GHashTable) expected = lp_check_table_columns (reference);
  g_autoptr(GHashTable) actual = lp_check_table_columns (db);
  GHashTableIter iter;
  gpointer name, columns;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &name, &columns))
    {
      const char *found = g_hash_table_lookup (actual, name);
      if (found == NULL)
        lp_problem_add (problems, LP_PROBLEM_ERROR, LP_PROBLEM_KIND_SCHEMA,
                        g_strdup_printf (_("Table %s is missing from the plan file"), (char *) name));
      else if (g_strcmp0 (found, columns) != 0)
        lp_problem_add (problems, LP_PROBLEM_ERROR, LP_PROBLEM_KIND_SCHEMA,
                        g_strdup_printf (_("Table %s has columns (%s) where (%s) are expected"),
                                         (char *) name, found, (char *) columns));
    }
}

/* An empty database with the schema this build creates: the rules every
 * plan is checked against. */
sqlite3 *
lp_check_reference (void)
{
  sqlite3 *reference = NULL;
  guint n_steps;
  const LpMigration *steps = lp_migrations_builtin (&n_steps);

  if (sqlite3_open (":memory:", &reference) != SQLITE_OK ||
      !lp_migrations_apply (reference, steps, n_steps, 0, NULL))
    {
      sqlite3_close (reference);
      return NULL;
    }
  return reference;
}

/* Every check, on @db: the plan's own connection or one of check's. */
static gboolean
lp_check_db (sqlite3    *db,
             GPtrArray  *problems,
             GError    **error)
{
  sqlite3 *reference = lp_check_reference ();

  if (reference == NULL)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_DATABASE,
                   _("The rules to check the plan against could not be built"));
      return FALSE;
    }
  lp_check_integrity (db, problems);
  lp_check_schema (db, reference, problems);
  lp_check_constraints (db, reference, problems);
  sqlite3_close (reference);
  for (guint i = 0; i < G_N_ELEMENTS (domain_rules); i++)
    lp_check_rule (db, &domain_rules[i], problems);
  return TRUE;
}

/* Every check on a connection of the caller's, e.g. the repair's copy. */
GPtrArray *
lp_check_connection (sqlite3  *db,
                     GError  **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (lp_problem_free);

  if (!lp_check_db (db, problems, error))
    return NULL;
  return g_steal_pointer (&problems);
}

GPtrArray *
lp_plan_check (LpPlan  *plan,
               GError **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (lp_problem_free);
  sqlite3 *db;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  db = lp_plan_get_db (plan);
  if (db == NULL)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_DATABASE, _("The plan is closed"));
      return NULL;
    }
  if (!lp_check_db (db, problems, error))
    return NULL;
  return g_steal_pointer (&problems);
}

/**
 * lp_plan_check_file:
 * @path: a plan file
 *
 * lp_plan_check() on a file that need not open as a plan: one whose rows
 * break rules, or whose pages SQLite finds damaged, which lp_plan_open()
 * refuses.  The file is read on a read-only connection of its own and
 * never changed.  A file SQLite cannot read at all gives one problem that
 * says so.  A file that is not a plan, or is of another schema version,
 * is an error as for lp_plan_open().
 */
GPtrArray *
lp_plan_check_file (const char  *path,
                    GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (lp_problem_free);
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db;
  int version = 0;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                   _("There is no plan file at “%s”"), name);
      return NULL;
    }
  db = lp_plan_file_connect (path, TRUE, FALSE, error);
  if (db == NULL)
    return NULL;
  /* The pages are read by the integrity check below, which lists what it
   * finds rather than stopping at the first. */
  if (!lp_plan_file_identify_full (db, path, &version, FALSE, &local_error))
    {
      sqlite3_close_v2 (db);
      if (!g_error_matches (local_error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      lp_problem_add (problems, LP_PROBLEM_ERROR, LP_PROBLEM_KIND_INTEGRITY,
                      g_strdup (local_error->message));
      return g_steal_pointer (&problems);
    }
  if (version != LP_PLAN_SCHEMA_VERSION)
    {
      /* An older plan is checked once upgraded; opening says how.  One
       * SQLite finds damaged is that one problem, whatever its version, so
       * that it can be repaired like any other. */
      g_autoptr(LpPlan) plan = NULL;

      sqlite3_close_v2 (db);
      plan = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, &local_error);
      if (plan == NULL && g_error_matches (local_error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT))
        {
          lp_problem_add (problems, LP_PROBLEM_ERROR, LP_PROBLEM_KIND_INTEGRITY,
                          g_strdup (local_error->message));
          return g_steal_pointer (&problems);
        }
      if (plan == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      return lp_plan_check (plan, error);
    }
  ok = lp_check_db (db, problems, error);
  sqlite3_close_v2 (db);
  return ok ? g_steal_pointer (&problems) : NULL;
}

guint
lp_problems_count_errors (GPtrArray *problems)
{
  guint errors = 0;

  g_return_val_if_fail (problems != NULL, 0);

  for (guint i = 0; i < problems->len; i++)
    if (((LpProblem *) g_ptr_array_index (problems, i))->severity == LP_PROBLEM_ERROR)
      errors++;
  return errors;
}
