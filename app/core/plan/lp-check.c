/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Is this plan sound?": SQLite's own integrity and foreign-key checks, the
 * schema against the one this build creates, and the domain's rules, which
 * a file edited behind the application's back (sqlite3 shell with foreign
 * keys or CHECK constraints turned off) may break. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lp-check.h"
#include "lp-plan-private.h"
#include "lp-practice-private.h"

typedef struct {
  LpProblemSeverity  severity;
  const char        *sql;     /* returns three text columns for the format */
  const char        *format;
} LpRule;

static const LpRule domain_rules[] = {
  { LP_PROBLEM_ERROR,
    "SELECT p.ods_code, p.name, '' FROM practice AS p "
    "WHERE p.locality_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM locality WHERE id = p.locality_id) "
    "ORDER BY p.ods_code",
    N_("Practice %s (%s) belongs to a locality that does not exist") },
  { LP_PROBLEM_ERROR,
    "SELECT ifnull (p.ods_code, '(unknown practice)'), s.patients, s.extract_date FROM list_size AS s "
    "LEFT JOIN practice AS p ON p.id = s.practice_id WHERE s.patients < 0 OR typeof (s.patients) <> 'integer'",
    N_("Practice %s has an impossible list size of %s patients on %s") },
  { LP_PROBLEM_ERROR,
    "SELECT s.practice_id, s.extract_date, '' FROM list_size AS s "
    "WHERE NOT EXISTS (SELECT 1 FROM practice WHERE id = s.practice_id)",
    N_("A list size belongs to a practice that does not exist (id %s, extract %s)") },
  { LP_PROBLEM_ERROR,
    /* The age profile's figures read by substr(): anything but digits and
     * blanks, or a length that is not its banding's, would be misread. */
    "SELECT ifnull (p.ods_code, '(unknown practice)'), a.extract_date, a.sex FROM age_profile AS a "
    "LEFT JOIN practice AS p ON p.id = a.practice_id "
    "WHERE date (a.extract_date, '+0 days') IS NOT a.extract_date OR typeof (a.patients) <> 'text' "
    "OR a.patients GLOB '*[^0-9 ]*' OR a.banding NOT IN ('single', 'five_year') "
    "OR length (a.patients) <> CASE a.banding WHEN 'single' THEN 576 ELSE 120 END "
    "OR a.total < 0 OR (a.total IS NOT NULL AND typeof (a.total) <> 'integer')",
    N_("Practice %s has an impossible age profile (extract %s, %s)") },
  { LP_PROBLEM_ERROR,
    "SELECT pr.name, c.service, c.start_date || ' to ' || c.end_date FROM contract AS c "
    "LEFT JOIN provider AS pr ON pr.id = c.provider_id WHERE c.end_date < c.start_date",
    N_("Contract with %s for %s ends before it starts (%s)") },
  { LP_PROBLEM_ERROR,
    "SELECT c.service, c.provider_id, '' FROM contract AS c "
    "WHERE NOT EXISTS (SELECT 1 FROM provider WHERE id = c.provider_id)",
    N_("Contract for %s belongs to a provider that does not exist (id %s)") },
  { LP_PROBLEM_ERROR,
    "SELECT pr.name, c.service, c.annual_value_pounds FROM contract AS c "
    "LEFT JOIN provider AS pr ON pr.id = c.provider_id "
    "WHERE c.annual_value_pounds < 0 OR typeof (c.annual_value_pounds) <> 'integer'",
    N_("Contract with %s for %s has an impossible annual value (%s)") },
  { LP_PROBLEM_ERROR,
    "SELECT ifnull (p.ods_code, '(unknown practice)'), w.role, w.fte FROM workforce_fte AS w "
    "LEFT JOIN practice AS p ON p.id = w.practice_id WHERE w.fte < 0 OR w.headcount < 0",
    N_("Practice %s has negative workforce figures for %s (%s FTE)") },
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
  g_free (problem);
}

static void
lp_problem_add (GPtrArray         *problems,
                LpProblemSeverity  severity,
                char              *message)
{
  LpProblem *problem = g_new0 (LpProblem, 1);

  problem->severity = severity;
  problem->message = message;
  g_ptr_array_add (problems, problem);
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
      lp_problem_add (problems, rule->severity,
                      g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, rule->format), a, b, c));
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

#pragma GCC diagnostic pop

/* On a read-only connection SQLite's integrity check does not re-check
 * CHECK constraints; the domain rules below cover the ones that matter. */
static void
lp_check_integrity (sqlite3   *db,
                    GPtrArray *problems)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check(50)", -1, &stmt, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *row = lp_stmt_column_text (stmt, 0);
      if (g_strcmp0 (row, "ok") != 0)
        lp_problem_add (problems, LP_PROBLEM_ERROR,
                        g_strdup_printf (_("Database integrity: %s"), row));
    }
  sqlite3_finalize (stmt);
}

/* Foreign keys the domain rules above already explain row by row. */
static const char * const explained_keys[] = { "practice>locality", "list_size>practice", "contract>provider", NULL };

static void
lp_check_foreign_keys (sqlite3   *db,
                       GPtrArray *problems)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
        "SELECT \"table\", parent, count (*) FROM pragma_foreign_key_check GROUP BY 1, 2",
        -1, &stmt, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = lp_stmt_column_text (stmt, 0);
      const char *parent = lp_stmt_column_text (stmt, 1);
      g_autofree char *key = g_strdup_printf ("%s>%s", table, parent);
      int rows = sqlite3_column_int (stmt, 2);

      if (g_strv_contains (explained_keys, key))
        continue;
      lp_problem_add (problems, LP_PROBLEM_ERROR,
                      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%d row of table %s refers to a missing row of table %s",
                                                    "%d rows of table %s refer to missing rows of table %s", rows),
                                       rows, table, parent));
    }
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

/* Compares the file's tables and columns with those the migrations create
 * in an empty in-memory database. */
static void
lp_check_schema (LpPlan    *plan,
                 GPtrArray *problems)
{
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) actual = NULL;
  GHashTableIter iter;
  gpointer name, columns;
  sqlite3 *reference = NULL;
  guint n_steps;
  const LpMigration *steps = lp_migrations_builtin (&n_steps);

  if (sqlite3_open (":memory:", &reference) != SQLITE_OK ||
      !lp_migrations_apply (reference, steps, n_steps, 0, NULL))
    {
      sqlite3_close (reference);
      return;
    }
  expected = lp_check_table_columns (reference);
  sqlite3_close (reference);
  actual = lp_check_table_columns (lp_plan_get_db (plan));
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &name, &columns))
    {
      const char *found = g_hash_table_lookup (actual, name);
      if (found == NULL)
        lp_problem_add (problems, LP_PROBLEM_ERROR,
                        g_strdup_printf (_("Table %s is missing from the plan file"), (char *) name));
      else if (g_strcmp0 (found, columns) != 0)
        lp_problem_add (problems, LP_PROBLEM_ERROR,
                        g_strdup_printf (_("Table %s has columns (%s) where (%s) are expected"),
                                         (char *) name, found, (char *) columns));
    }
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
  lp_check_integrity (db, problems);
  lp_check_foreign_keys (db, problems);
  lp_check_schema (plan, problems);
  for (guint i = 0; i < G_N_ELEMENTS (domain_rules); i++)
    lp_check_rule (db, &domain_rules[i], problems);
  return g_steal_pointer (&problems);
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
