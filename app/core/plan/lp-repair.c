/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Repairing a damaged plan into a copy; the damaged file is never written.
 *
 * The copy is built in a temporary file beside the one asked for and moved
 * into place only once it is whole and on the disk, so no half-written
 * copy is ever seen.  A file SQLite reads soundly is copied page for page
 * with the backup API; one SQLite finds damaged gets a new, empty plan
 * that lp_recover_rows() fills with whatever rows it can still read.
 *
 * Then the copy is cleaned, driven by check's problems, round after round
 * until check finds no error (leaving a row out can leave rows that refer
 * to it dangling, which the next round sees):
 *   - a value breaking a CHECK, or a dangling reference, in a column this
 *     version lets be empty and that is no part of a key: the value is
 *     cleared, if the row then passes every rule on that column; the row
 *     is kept.  A bad value is never replaced by a guess (a default of 0
 *     minutes or 'active' would be a figure nobody gave);
 *   - otherwise the row is left out;
 *   - rows sharing a unique key: the first (lowest rowid) is kept;
 *   - a table, index or view the file lost or changed (rebuilt without
 *     its rules, an index dropped) is made again as this version makes it,
 *     once its rows pass.
 * A domain rule no row can be blamed for (no base scenario) cannot be
 * repaired: the repair then fails, saying why, and writes nothing.
 *
 * Every decision is an LpRepairStep; the copy's import log records the
 * repair (kind 'repair', rows = the rows kept) and each decision as a note.
 *
 * SQL below is built from identifiers of the reference schema and check's
 * own key expressions; values from the file are always bound. */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lp-check-private.h"
#include "lp-format.h"
#include "lp-plan-file.h"
#include "lp-plan-private.h"
#include "lp-recover-private.h"
#include "lp-repair.h"

/* Each round leaves out at least one generation of rows (a practice, then
 * its list sizes, …); the schema is a few levels deep. */
#define LP_REPAIR_MAX_ROUNDS 16

typedef struct {
  LpRepairReport *report;
  sqlite3        *db;          /* the copy */
  sqlite3        *reference;   /* this build's schema, empty */
  GCancellable   *cancellable;
  GHashTable     *gone;        /* "table\037key" of rows left out this round */
  GHashTable     *left_out;    /* "table\037key" of every row left out -> its words */
  GHashTable     *labels;      /* … -> what its children's words call it */
} LpRepair;

static void
lp_repair_step_free (gpointer data)
{
  LpRepairStep *step = data;

  g_free (step->table);
  g_free (step->row);
  g_free (step->column);
  g_free (step->value);
  g_free (step->reason);
  g_free (step->message);
  g_free (step->key);
  g_free (step);
}

static void
lp_repair_table_free (gpointer data)
{
  LpRepairTable *table = data;

  g_free (table->table);
  g_free (table);
}

void
lp_repair_report_free (LpRepairReport *report)
{
  if (report == NULL)
    return;
  g_free (report->source_path);
  g_free (report->copy_path);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_clear_pointer (&report->steps, g_ptr_array_unref);
  g_clear_pointer (&report->tables, g_ptr_array_unref);
  g_clear_pointer (&report->repaired_at, g_date_time_unref);
  g_free (report);
}

static char *
lp_repair_ident (const char *name)
{
  g_autoptr(GString) quoted = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

static gboolean
lp_repair_cancelled (LpRepair  *r,
                     GError   **error)
{
  if (!g_cancellable_is_cancelled (r->cancellable))
    return FALSE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The repair was cancelled"));
  return TRUE;
}

static LpRepairStep *
lp_repair_add_step (LpRepair          *r,
                    LpRepairAction     action,
                    const LpProblem   *problem,
                    const char        *table,
                    char              *message)
{
  LpRepairStep *step = g_new0 (LpRepairStep, 1);

  step->action = action;
  step->table = g_strdup (table);
  step->message = message;
  if (problem != NULL)
    {
      step->row = g_strdup (problem->row);
      step->column = g_strdup (problem->column);
      step->value = g_strdup (problem->value);
      step->reason = g_strdup (problem->rule);
      step->key = g_strdup (problem->key);
    }
  g_ptr_array_add (r->report->steps, step);
  return step;
}

/* ---- Finding a row again ---- */

#define LP_REPAIR_KEY_MAX 8

/* A row to find again: a condition on alias t and the values it binds. */
typedef struct {
  char   *where;
  guint   n;
  int     type[LP_REPAIR_KEY_MAX];   /* SQLITE_INTEGER, _FLOAT, _TEXT or _NULL */
  gint64  integer[LP_REPAIR_KEY_MAX];
  double  real[LP_REPAIR_KEY_MAX];
  char   *text[LP_REPAIR_KEY_MAX];
} LpRowRef;

static void
lp_row_ref_clear (LpRowRef *ref)
{
  g_clear_pointer (&ref->where, g_free);
  for (guint i = 0; i < ref->n; i++)
    g_clear_pointer (&ref->text[i], g_free);
  ref->n = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LpRowRef, lp_row_ref_clear)

static void
lp_row_ref_bind (const LpRowRef *ref,
                 sqlite3_stmt   *stmt)
{
  for (guint i = 0; i < ref->n; i++)
    switch (ref->type[i])
      {
      case SQLITE_INTEGER:
        sqlite3_bind_int64 (stmt, (int) i + 1, ref->integer[i]);
        break;
      case SQLITE_FLOAT:
        sqlite3_bind_double (stmt, (int) i + 1, ref->real[i]);
        break;
      case SQLITE_TEXT:
        sqlite3_bind_text (stmt, (int) i + 1, ref->text[i], -1, SQLITE_TRANSIENT);
        break;
      default:
        sqlite3_bind_null (stmt, (int) i + 1);
      }
}

/* Reads one value as SQL's quote() writes it ('it''s', -12, 2.5, NULL) at
 * *@p into slot @i of @ref; FALSE for anything else (a blob). */
static gboolean
lp_row_ref_read_value (const char **p,
                       LpRowRef    *ref,
                       guint        i)
{
  const char *q = *p;

  if (*q == '\'')
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (q++; ; q++)
        {
          if (*q == '\0')
            return FALSE;
          if (*q == '\'')
            {
              if (q[1] != '\'')
                break;
              q++;
            }
          g_string_append_c (text, *q);
        }
      ref->type[i] = SQLITE_TEXT;
      ref->text[i] = g_string_free (g_steal_pointer (&text), FALSE);
      *p = q + 1;
      return TRUE;
    }
  if (g_str_has_prefix (q, "NULL"))
    {
      ref->type[i] = SQLITE_NULL;
      *p = q + 4;
      return TRUE;
    }
  {
    const char *end = strstr (q, ", ");
    g_autofree char *token = end != NULL ? g_strndup (q, end - q) : g_strdup (q);
    char *rest = NULL;

    if (*token == '\0')
      return FALSE;
    if (g_ascii_string_to_signed (token, 10, G_MININT64, G_MAXINT64, &ref->integer[i], NULL))
      ref->type[i] = SQLITE_INTEGER;
    else
      {
        ref->real[i] = g_ascii_strtod (token, &rest);
        if (rest == NULL || *rest != '\0')
          return FALSE;
        ref->type[i] = SQLITE_FLOAT;
      }
    *p = q + strlen (token);
    return TRUE;
  }
}

/* The row check's key names ("id=12", "rowid=7", "extract_date=
 * '2018-01-01', practice_id=3, sex='all'"), as the key's columns with
 * their values bound, which SQLite finds by the table's key rather than
 * by reading the whole table; or, for a key that cannot be read so, the
 * expression check made it with compared with the key as text. */
static void
lp_repair_row_ref (LpRepair    *r,
                   const char  *table,
                   const char  *key,
                   LpRowRef    *ref)
{
  g_autoptr(GString) where = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  const char *p = key;
  gboolean ok = TRUE;

  memset (ref, 0, sizeof *ref);
  if (g_str_has_prefix (key, "rowid=") &&
      g_ascii_string_to_signed (key + strlen ("rowid="), 10, G_MININT64, G_MAXINT64, &ref->integer[0], NULL))
    {
      ref->where = g_strdup ("t.rowid = ?1");
      ref->type[0] = SQLITE_INTEGER;
      ref->n = 1;
      return;
    }
  if (sqlite3_prepare_v2 (r->reference, "SELECT name FROM pragma_table_info (?1) WHERE pk > 0 ORDER BY pk",
                          -1, &stmt, NULL) != SQLITE_OK)
    ok = FALSE;
  else
    sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *ident = lp_repair_ident (column);

      ok = ref->n < LP_REPAIR_KEY_MAX &&
           (ref->n == 0 || g_str_has_prefix (p, ", ")) ;
      if (!ok)
        break;
      if (ref->n > 0)
        p += 2;
      ok = g_str_has_prefix (p, column) && p[strlen (column)] == '=';
      if (!ok)
        break;
      p += strlen (column) + 1;
      ok = lp_row_ref_read_value (&p, ref, ref->n);
      ref->n++;
      g_string_append_printf (where, "%st.%s IS ?%u", where->len > 0 ? " AND " : "", ident, ref->n);
    }
  sqlite3_finalize (stmt);
  if (ok && ref->n > 0 && *p == '\0')
    {
      ref->where = g_string_free (g_steal_pointer (&where), FALSE);
      return;
    }
  lp_row_ref_clear (ref);
  {
    g_autofree char *key_sql = lp_check_key_sql (r->reference, table);
    ref->where = g_strdup_printf ("(%s) = ?1", key_sql);
    ref->type[0] = SQLITE_TEXT;
    ref->text[0] = g_strdup (key);
    ref->n = 1;
  }
}

/* Runs @sql, a statement on the row @ref finds, on the copy: the number
 * of rows it changed, or -1 on error. */
static int
lp_repair_run_on_row (LpRepair        *r,
                      const char      *sql,
                      const LpRowRef  *ref,
                      GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (r->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      lp_row_ref_bind (ref, stmt);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      lp_sqlite_set_error (error, r->db, rc, _("repair a row"));
      return -1;
    }
  return sqlite3_changes (r->db);
}

/* ---- What the reference says of a column ---- */

/* Whether this version lets @column be empty and it is no part of the
 * table's primary key or of any of its unique keys: only such a value is
 * cleared rather than the row left out. */
static gboolean
lp_repair_clearable (LpRepair   *r,
                     const char *table,
                     const char *column)
{
  sqlite3_stmt *stmt = NULL;
  gboolean clearable = FALSE;
  g_autofree char *pattern = g_strdup_printf ("\\b%s\\b", column);
  g_autoptr(GRegex) word = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);

  if (sqlite3_prepare_v2 (r->reference,
        "SELECT NOT c.\"notnull\" AND c.pk = 0 FROM pragma_table_info (?1) AS c WHERE c.name = ?2",
        -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, column, -1, SQLITE_TRANSIENT);
      clearable = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
    }
  sqlite3_finalize (stmt);
  if (!clearable || word == NULL)
    return FALSE;
  /* Unique keys: an autoindex names its columns; a CREATE UNIQUE INDEX
   * may list expressions such as ifnull (locality_id, 0). */
  if (sqlite3_prepare_v2 (r->reference,
        "SELECT il.name, m.sql, (SELECT group_concat (ii.name, ' ') FROM pragma_index_info (il.name) AS ii) "
        "FROM pragma_index_list (?1) AS il LEFT JOIN sqlite_schema AS m ON m.name = il.name "
        "WHERE il.\"unique\"", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  while (clearable && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *index_sql = (const char *) sqlite3_column_text (stmt, 1);
      const char *names = (const char *) sqlite3_column_text (stmt, 2);

      if ((index_sql != NULL && g_regex_match (word, index_sql, 0, NULL)) ||
          (names != NULL && g_regex_match (word, names, 0, NULL)))
        clearable = FALSE;
    }
  sqlite3_finalize (stmt);
  return clearable;
}

/* "NOT (a) OR NOT (b)": the reference's CHECKs of @table that mention any
 * of @columns, as one condition a row meets when it breaks one; NULL when
 * there are none. */
static char *
lp_repair_checks_on (LpRepair    *r,
                     const char  *table,
                     GStrv        columns)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GString) any = g_string_new (NULL);

  if (sqlite3_prepare_v2 (r->reference, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    checks = lp_check_split_checks ((const char *) sqlite3_column_text (stmt, 0), NULL);
  sqlite3_finalize (stmt);
  if (checks == NULL)
    return NULL;
  for (guint i = 0; i < checks->len; i++)
    {
      const LpCheckExpr *check = g_ptr_array_index (checks, i);
      gboolean mentions = FALSE;

      for (guint c = 0; columns[c] != NULL && !mentions; c++)
        {
          g_autofree char *pattern = g_strdup_printf ("\\b%s\\b", columns[c]);
          g_autoptr(GRegex) word = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);

          mentions = g_strcmp0 (check->column, columns[c]) == 0 ||
                     (word != NULL && g_regex_match (word, check->expression, 0, NULL));
        }
      if (mentions)
        g_string_append_printf (any, "%sNOT (%s)", any->len > 0 ? " OR " : "", check->expression);
    }
  return any->len > 0 ? g_string_free (g_steal_pointer (&any), FALSE) : NULL;
}

/* ---- The decisions ---- */

static char *
lp_repair_gone_key (const char *table,
                    const char *key)
{
  return g_strdup_printf ("%s\037%s", table, key);
}

static gboolean
lp_repair_is_gone (LpRepair        *r,
                   const LpProblem *problem)
{
  g_autofree char *gone = lp_repair_gone_key (problem->table, problem->key);

  return g_hash_table_contains (r->gone, gone);
}

/* The problem in the words that follow "because": "patients is 'abc'; it
 * must be a whole number of 0 or more". */
static char *
lp_repair_because (const LpProblem *problem)
{
  if (problem->column == NULL)
    return g_strdup_printf (_("it %s"), problem->rule);
  if (strchr (problem->column, ',') != NULL && problem->kind == LP_PROBLEM_KIND_UNIQUE)
    return g_strdup_printf (_("%s are %s; together they %s"), problem->column, problem->value, problem->rule);
  if (strchr (problem->column, ',') != NULL)
    return g_strdup_printf (_("%s are %s; %s"), problem->column, problem->value, problem->rule);
  return g_strdup_printf (_("%s is %s; it %s"), problem->column, problem->value, problem->rule);
}

/* For a reference to a row this repair left out: that row's words, so
 * that the rows that belonged to it say so, and in @label what check
 * would have named it by in theirs; NULL for any other problem. */
static const char *
lp_repair_left_out_parent (LpRepair         *r,
                           const LpProblem  *problem,
                           const char      **label)
{
  sqlite3_stmt *stmt = NULL;
  const char *words = NULL;

  *label = NULL;
  if (problem->kind != LP_PROBLEM_KIND_FOREIGN_KEY || strchr (problem->column, ',') != NULL ||
      sqlite3_prepare_v2 (r->reference,
        "SELECT f.\"table\", ifnull (f.\"to\", (SELECT name FROM pragma_table_info (f.\"table\") WHERE pk = 1)) "
        "FROM pragma_foreign_key_list (?1) AS f WHERE f.\"from\" = ?2", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, problem->table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, problem->column, -1, SQLITE_TRANSIENT);
  while (words == NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *key = g_strdup_printf ("%s\037%s=%s", (const char *) sqlite3_column_text (stmt, 0),
                                              (const char *) sqlite3_column_text (stmt, 1), problem->value);
      words = g_hash_table_lookup (r->left_out, key);
      *label = g_hash_table_lookup (r->labels, key);
    }
  sqlite3_finalize (stmt);
  return words;
}

/* What the rows of @table call one of its rows in their own words: a
 * practice's code, else its name, read before the row is left out. */
static char *
lp_repair_label (LpRepair        *r,
                 const char      *table,
                 const LpRowRef  *ref)
{
  const char *column = g_str_equal (table, "practice") ? "ods_code" : "name";
  g_autofree char *ident = lp_repair_ident (table);
  g_autofree char *sql = g_strdup_printf ("SELECT t.%s FROM %s AS t WHERE %s", column, ident, ref->where);
  sqlite3_stmt *stmt = NULL;
  char *label = NULL;

  /* a table without such a column does not prepare: no label */
  if (sqlite3_prepare_v2 (r->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      lp_row_ref_bind (ref, stmt);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_TEXT)
        label = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return label;
}

/* The problem's row words, with "#id" of a row this repair left out put
 * back as that row was named ("practice #3021…" -> "practice X06K03"). */
static char *
lp_repair_row_words (const LpProblem *problem,
                     const char      *parent_label)
{
  g_autofree char *id = NULL;
  g_auto(GStrv) parts = NULL;

  if (parent_label == NULL || problem->value == NULL)
    return g_strdup (problem->row);
  id = g_strdup_printf ("#%s", problem->value);
  parts = g_strsplit (problem->row, id, -1);
  return g_strjoinv (parent_label, parts);
}

/* Leaves the row a problem names out of the copy. */
static gboolean
lp_repair_leave_out (LpRepair         *r,
                     const LpProblem  *problem,
                     GError          **error)
{
  g_auto(LpRowRef) ref;
  g_autofree char *table = lp_repair_ident (problem->table);
  g_autofree char *sql = NULL;
  g_autofree char *label = NULL;
  g_autofree char *row = NULL;
  const char *parent_label = NULL;
  const char *parent;
  int changed;

  lp_repair_row_ref (r, problem->table, problem->key, &ref);
  label = lp_repair_label (r, problem->table, &ref);
  sql = g_strdup_printf ("DELETE FROM %s AS t WHERE %s", table, ref.where);
  changed = lp_repair_run_on_row (r, sql, &ref, error);
  if (changed < 0)
    return FALSE;
  g_hash_table_add (r->gone, lp_repair_gone_key (problem->table, problem->key));
  if (changed == 0)
    return TRUE;
  parent = lp_repair_left_out_parent (r, problem, &parent_label);
  row = lp_repair_row_words (problem, parent_label);
  g_hash_table_insert (r->left_out, lp_repair_gone_key (problem->table, problem->key), g_strdup (row));
  if (label != NULL)
    g_hash_table_insert (r->labels, lp_repair_gone_key (problem->table, problem->key), g_steal_pointer (&label));
  if (parent != NULL)
    {
      LpRepairStep *step = lp_repair_add_step (r, LP_REPAIR_LEFT_OUT, problem, problem->table,
                                               g_strdup_printf (_("%s: left out with %s, which it belongs to"),
                                                                row, parent));
      g_free (step->row);
      step->row = g_steal_pointer (&row);
    }
  else
    {
      g_autofree char *because = lp_repair_because (problem);
      lp_repair_add_step (r, LP_REPAIR_LEFT_OUT, problem, problem->table,
                          g_strdup_printf (_("%s: left out, because %s"), row, because));
    }
  return TRUE;
}

/* Clears @columns of the problem's row if the row then passes every rule
 * on them; FALSE in @cleared (and nothing changed) if it would not. */
static gboolean
lp_repair_try_clear (LpRepair         *r,
                     const LpProblem  *problem,
                     GStrv             columns,
                     gboolean         *cleared,
                     GError          **error)
{
  g_auto(LpRowRef) ref;
  g_autofree char *table = lp_repair_ident (problem->table);
  g_autofree char *checks = lp_repair_checks_on (r, problem->table, columns);
  g_autoptr(GString) set = g_string_new (NULL);
  g_autofree char *update = NULL;
  int changed;

  *cleared = FALSE;
  lp_repair_row_ref (r, problem->table, problem->key, &ref);
  for (guint c = 0; columns[c] != NULL; c++)
    {
      g_autofree char *ident = lp_repair_ident (columns[c]);
      g_string_append_printf (set, "%s%s = NULL", c > 0 ? ", " : "", ident);
    }
  update = g_strdup_printf ("UPDATE %s AS t SET %s WHERE %s", table, set->str, ref.where);
  if (!lp_sqlite_exec (r->db, "SAVEPOINT lp_repair_clear", error))
    return FALSE;
  changed = lp_repair_run_on_row (r, update, &ref, error);
  if (changed > 0 && checks != NULL)
    {
      g_autofree char *test = g_strdup_printf ("SELECT count (*) FROM %s AS t WHERE %s AND (%s)",
                                               table, ref.where, checks);
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (r->db, test, -1, &stmt, NULL) == SQLITE_OK)
        {
          lp_row_ref_bind (&ref, stmt);
          *cleared = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) == 0;
        }
      sqlite3_finalize (stmt);
    }
  else
    *cleared = changed > 0;
  if (!*cleared)
    lp_sqlite_exec (r->db, "ROLLBACK TO lp_repair_clear", NULL);
  if (!lp_sqlite_exec (r->db, "RELEASE lp_repair_clear", error))
    return FALSE;
  return changed >= 0;
}

/* The columns a problem blames that can be cleared: for a reference,
 * all of its columns or none; for a rule over several columns, each that
 * can on its own, tried in turn. */
static gboolean
lp_repair_row (LpRepair         *r,
               const LpProblem  *problem,
               gboolean          clear_only,
               GError          **error)
{
  g_auto(GStrv) columns = g_strsplit (problem->column, ", ", -1);
  gboolean any_clearable = FALSE;

  if (lp_repair_is_gone (r, problem))
    return TRUE;
  if (problem->kind == LP_PROBLEM_KIND_FOREIGN_KEY)
    {
      gboolean all = TRUE;

      for (guint c = 0; columns[c] != NULL; c++)
        all = all && lp_repair_clearable (r, problem->table, columns[c]);
      any_clearable = all;
      if (all && !clear_only)
        return TRUE;
      if (all)
        {
          gboolean cleared;

          if (!lp_repair_try_clear (r, problem, columns, &cleared, error))
            return FALSE;
          if (cleared)
            {
              const char *parent_label;
              const char *parent = lp_repair_left_out_parent (r, problem, &parent_label);

              lp_repair_add_step (r, LP_REPAIR_CLEARED, problem, problem->table,
                                  parent != NULL
                                  ? g_strdup_printf (_("%s: %s cleared (was %s), because %s was left out"),
                                                     problem->row, problem->column, problem->value, parent)
                                  : g_strdup_printf (_("%s: %s cleared (was %s), because it %s"),
                                                     problem->row, problem->column, problem->value,
                                                     problem->rule));
              return TRUE;
            }
        }
    }
  else if (problem->kind == LP_PROBLEM_KIND_CHECK)
    {
      for (guint c = 0; columns[c] != NULL; c++)
        {
          const char *one[2] = { columns[c], NULL };
          gboolean cleared;

          if (!lp_repair_clearable (r, problem->table, columns[c]))
            continue;
          any_clearable = TRUE;
          if (!clear_only)
            return TRUE;
          if (!lp_repair_try_clear (r, problem, (GStrv) one, &cleared, error))
            return FALSE;
          if (cleared)
            {
              g_autofree char *because = lp_repair_because (problem);

              if (columns[1] == NULL)
                lp_repair_add_step (r, LP_REPAIR_CLEARED, problem, problem->table,
                                    g_strdup_printf (_("%s: %s cleared (was %s), because it %s"),
                                                     problem->row, problem->column, problem->value,
                                                     problem->rule));
              else
                {
                  LpRepairStep *step =
                    lp_repair_add_step (r, LP_REPAIR_CLEARED, problem, problem->table,
                                        g_strdup_printf (_("%s: %s cleared, because %s"),
                                                         problem->row, columns[c], because));
                  /* the column cleared, not every column of the rule */
                  g_free (step->column);
                  step->column = g_strdup (columns[c]);
                }
              return TRUE;
            }
        }
    }
  /* First pass: only the rows that cannot be saved by clearing a value
   * are left out, so that a row is not first cleared and then left out. */
  if (!clear_only && any_clearable)
    return TRUE;
  return lp_repair_leave_out (r, problem, error);
}

typedef struct {
  gint64           rowid;
  const LpProblem *problem;
} LpRepairHolder;

static int
lp_repair_holder_compare (gconstpointer a,
                          gconstpointer b)
{
  const LpRepairHolder *x = a;
  const LpRepairHolder *y = b;

  return x->rowid < y->rowid ? -1 : x->rowid > y->rowid;
}

/* The rows holding one key: the first (lowest rowid, or first in key
 * order for a table without rowids) is kept, the others left out. */
static gboolean
lp_repair_duplicates (LpRepair   *r,
                      GPtrArray  *group,
                      GError    **error)
{
  const LpProblem *first = g_ptr_array_index (group, 0);
  g_autofree char *table = lp_repair_ident (first->table);
  g_autoptr(GArray) holders = g_array_new (FALSE, FALSE, sizeof (LpRepairHolder));
  gboolean by_rowid = TRUE;

  for (guint i = 0; i < group->len && by_rowid; i++)
    {
      const LpProblem *problem = g_ptr_array_index (group, i);
      g_auto(LpRowRef) ref;
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;

      lp_repair_row_ref (r, problem->table, problem->key, &ref);
      sql = g_strdup_printf ("SELECT t.rowid FROM %s AS t WHERE %s", table, ref.where);

      if (sqlite3_prepare_v2 (r->db, sql, -1, &stmt, NULL) != SQLITE_OK)
        by_rowid = FALSE;   /* a WITHOUT ROWID table */
      else
        {
          lp_row_ref_bind (&ref, stmt);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            {
              LpRepairHolder holder = { sqlite3_column_int64 (stmt, 0), problem };
              gboolean seen = FALSE;

              for (guint h = 0; h < holders->len; h++)
                seen = seen || g_array_index (holders, LpRepairHolder, h).rowid == holder.rowid;
              if (!seen)
                g_array_append_val (holders, holder);
            }
        }
      sqlite3_finalize (stmt);
    }
  if (!by_rowid)
    {
      for (guint i = 1; i < group->len; i++)
        if (!lp_repair_leave_out (r, g_ptr_array_index (group, i), error))
          return FALSE;
      return TRUE;
    }
  g_array_sort (holders, lp_repair_holder_compare);
  for (guint h = 1; h < holders->len; h++)
    {
      const LpRepairHolder *holder = &g_array_index (holders, LpRepairHolder, h);
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s AS t WHERE t.rowid = ?1", table);
      g_autofree char *because = NULL;
      LpRowRef ref = { .n = 1, .type = { SQLITE_INTEGER }, .integer = { holder->rowid } };
      int changed = lp_repair_run_on_row (r, sql, &ref, error);
      LpRepairStep *step;

      if (changed < 0)
        return FALSE;
      if (changed == 0)
        continue;
      because = lp_repair_because (holder->problem);
      step = lp_repair_add_step (r, LP_REPAIR_LEFT_OUT, holder->problem, holder->problem->table,
                                 g_strdup_printf (_("%s: left out, because %s; the first of them is kept"),
                                                  holder->problem->row, because));
      /* rows of a table rebuilt without its key share the key; the rowid
       * tells them apart */
      if (!g_str_has_prefix (step->key, "rowid="))
        {
          g_autoptr(GPtrArray) same = g_ptr_array_new ();
          for (guint i = 0; i < group->len; i++)
            if (g_str_equal (((LpProblem *) g_ptr_array_index (group, i))->key, step->key))
              g_ptr_array_add (same, g_ptr_array_index (group, i));
          if (same->len > 1)
            {
              g_free (step->key);
              step->key = g_strdup_printf ("rowid=%" G_GINT64_FORMAT, holder->rowid);
            }
        }
    }
  return TRUE;
}

/* ---- The schema ---- */

static char *
lp_repair_schema_sql (sqlite3    *db,
                      const char *type,
                      const char *name)
{
  sqlite3_stmt *stmt = NULL;
  char *sql = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE type = ?1 AND name = ?2",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, type, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return sql;
}

/* The columns of @table in @reference that @db's table @old also has, in
 * the reference's order, quoted and joined by ", ". */
static char *
lp_repair_common_columns (LpRepair   *r,
                          const char *table,
                          const char *old)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (sqlite3_prepare_v2 (r->db, "SELECT name FROM pragma_table_info (?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, old, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_add (present, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);
  if (sqlite3_prepare_v2 (r->reference, "SELECT name FROM pragma_table_info (?1) ORDER BY cid",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (stmt, 0);
          if (g_hash_table_contains (present, column))
            {
              g_autofree char *ident = lp_repair_ident (column);
              g_string_append_printf (list, "%s%s", list->len > 0 ? ", " : "", ident);
            }
        }
    }
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* Makes @table again from the reference's statement, its rows copied
 * across column by column: the file's own table lost its rules (rebuilt
 * without its CHECKs or its key) or its columns differ. */
static gboolean
lp_repair_rebuild_table (LpRepair    *r,
                         const char  *table,
                         const char  *create_sql,
                         GError     **error)
{
  g_autofree char *ident = lp_repair_ident (table);
  g_autofree char *columns = lp_repair_common_columns (r, table, table);
  g_autofree char *rename = g_strdup_printf ("ALTER TABLE %s RENAME TO lp_repair_old", ident);
  g_autofree char *copy = g_strdup_printf ("INSERT INTO %s (%s) SELECT %s FROM lp_repair_old",
                                           ident, columns, columns);
  g_autoptr(GError) local_error = NULL;

  /* legacy: the views and other tables that name this one keep naming it */
  if (!lp_sqlite_exec (r->db, "PRAGMA legacy_alter_table = ON", error) ||
      !lp_sqlite_exec (r->db, rename, error) ||
      !lp_sqlite_exec (r->db, create_sql, error))
    return FALSE;
  if ((*columns != '\0' && !lp_sqlite_exec (r->db, copy, &local_error)) ||
      !lp_sqlite_exec (r->db, "DROP TABLE lp_repair_old; PRAGMA legacy_alter_table = OFF", &local_error))
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT,
                   _("Table %s could not be made again as this version makes it: %s"),
                   table, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Compares every table, index, view and trigger of the reference with the
 * copy's, and makes again each one that is missing or differs. */
static gboolean
lp_repair_schema (LpRepair  *r,
                  guint     *n_changed,
                  GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  *n_changed = 0;
  if (sqlite3_prepare_v2 (r->reference,
        "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' ORDER BY rowid", -1, &stmt, NULL) != SQLITE_OK)
    return lp_sqlite_set_error (error, r->reference, sqlite3_errcode (r->reference), _("read the schema"));
  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *table = (const char *) sqlite3_column_text (stmt, 2);
      const char *sql = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *found = lp_repair_schema_sql (r->db, type, name);
      g_autofree char *ident = lp_repair_ident (name);
      char *message;

      if (g_strcmp0 (found, sql) == 0)
        continue;
      if (lp_repair_cancelled (r, error))
        {
          ok = FALSE;
          break;
        }
      if (g_str_equal (type, "table"))
        {
          ok = found == NULL ? lp_sqlite_exec (r->db, sql, error)
                             : lp_repair_rebuild_table (r, name, sql, error);
          message = found == NULL
            ? g_strdup_printf (_("Table %s: missing from the file, made again empty"), name)
            : g_strdup_printf (_("Table %s: made again with the rules this version of Locality Planner "
                                 "gives it, which the file had lost or changed; its rows are kept"), name);
        }
      else
        {
          g_autofree char *drop = g_strdup_printf ("DROP %s IF EXISTS %s", type, ident);

          ok = lp_sqlite_exec (r->db, drop, error) && lp_sqlite_exec (r->db, sql, error);
          if (g_str_equal (type, "index"))
            message = g_strdup_printf (_("Index %s of table %s: made again, which the file had lost or changed"),
                                       name, table);
          else if (g_str_equal (type, "view"))
            message = g_strdup_printf (_("View %s: made again, which the file had lost or changed"), name);
          else
            message = g_strdup_printf (_("Trigger %s of table %s: made again, which the file had lost or changed"),
                                       name, table);
        }
      if (ok)
        {
          lp_repair_add_step (r, LP_REPAIR_REBUILT, NULL, table, message);
          (*n_changed)++;
        }
      else
        g_free (message);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* ---- The rounds ---- */

static gboolean
lp_repair_is_row_problem (const LpProblem *problem)
{
  return problem->severity == LP_PROBLEM_ERROR && problem->table != NULL && problem->key != NULL &&
         problem->column != NULL &&
         (problem->kind == LP_PROBLEM_KIND_CHECK || problem->kind == LP_PROBLEM_KIND_NOT_NULL ||
          problem->kind == LP_PROBLEM_KIND_FOREIGN_KEY || problem->kind == LP_PROBLEM_KIND_UNIQUE);
}

/* Whether a unique key of @table over @columns compares text without
 * regard to case (COLLATE NOCASE), so that 'Base' and 'BASE' are one key. */
static gboolean
lp_repair_nocase (LpRepair   *r,
                  const char *table,
                  const char *columns)
{
  g_auto(GStrv) names = g_strsplit (columns, ", ", -1);
  sqlite3_stmt *stmt = NULL;
  gboolean nocase = FALSE;

  if (sqlite3_prepare_v2 (r->reference,
        "SELECT 1 FROM pragma_index_list (?1) AS il, pragma_index_xinfo (il.name) AS x "
        "WHERE il.\"unique\" AND x.key AND x.name = ?2 AND upper (x.coll) = 'NOCASE'",
        -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  for (guint i = 0; names[i] != NULL && !nocase; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, names[i], -1, SQLITE_TRANSIENT);
      nocase = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return nocase;
}

/* One round: every row problem of @problems decided.  @n_decided counts
 * the steps it added. */
static gboolean
lp_repair_round (LpRepair   *r,
                 GPtrArray  *problems,
                 guint      *n_decided,
                 GError    **error)
{
  guint steps_before = r->report->steps->len;
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) group_order = g_ptr_array_new ();

  g_hash_table_remove_all (r->gone);
  /* rows no cleared value can save, then the values cleared, then the
   * duplicates among the rows still there */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < problems->len; i++)
      {
        const LpProblem *problem = g_ptr_array_index (problems, i);

        if (!lp_repair_is_row_problem (problem) || problem->kind == LP_PROBLEM_KIND_UNIQUE)
          continue;
        if (!lp_repair_row (r, problem, pass == 1, error))
          return FALSE;
      }
  /* a row a rule of the domain cannot read (an impossible age profile) */
  for (guint i = 0; i < problems->len; i++)
    {
      const LpProblem *problem = g_ptr_array_index (problems, i);

      if (problem->kind == LP_PROBLEM_KIND_DOMAIN && problem->severity == LP_PROBLEM_ERROR &&
          problem->table != NULL && problem->key != NULL && problem->column == NULL &&
          !lp_repair_leave_out (r, problem, error))
        return FALSE;
    }
  for (guint i = 0; i < problems->len; i++)
    {
      const LpProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *name = NULL;
      GPtrArray *group;

      if (!lp_repair_is_row_problem (problem) || problem->kind != LP_PROBLEM_KIND_UNIQUE)
        continue;
      {
        /* a key compared without case ('Base', 'BASE') is grouped so */
        g_autofree char *value = lp_repair_nocase (r, problem->table, problem->column)
                                 ? g_ascii_strdown (problem->value, -1) : g_strdup (problem->value);
        name = g_strdup_printf ("%s\037%s\037%s", problem->table, problem->column, value);
      }
      group = g_hash_table_lookup (groups, name);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_ptr_array_add (group_order, group);
          g_hash_table_insert (groups, g_steal_pointer (&name), group);
        }
      g_ptr_array_add (group, (gpointer) problem);
    }
  for (guint i = 0; i < group_order->len; i++)
    if (!lp_repair_duplicates (r, g_ptr_array_index (group_order, i), error))
      return FALSE;
  *n_decided = r->report->steps->len - steps_before;
  return TRUE;
}

static gboolean
lp_repair_clean (LpRepair  *r,
                 GError   **error)
{
  for (guint round = 0; round < LP_REPAIR_MAX_ROUNDS; round++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      guint n_decided = 0;
      guint n_errors;

      if (lp_repair_cancelled (r, error))
        return FALSE;
      problems = lp_check_connection (r->db, error);
      if (problems == NULL)
        return FALSE;
      n_errors = lp_problems_count_errors (problems);
      if (!lp_repair_round (r, problems, &n_decided, error))
        return FALSE;
      if (n_decided > 0)
        continue;
      /* the rows pass: now the tables can take their rules back */
      if (!lp_repair_schema (r, &n_decided, error))
        return FALSE;
      if (n_decided > 0)
        continue;
      if (n_errors == 0)
        return TRUE;
      for (guint i = 0; i < problems->len; i++)
        {
          const LpProblem *problem = g_ptr_array_index (problems, i);

          if (problem->severity == LP_PROBLEM_ERROR)
            {
              g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT,
                           _("The plan cannot be repaired: %s"), problem->message);
              return FALSE;
            }
        }
    }
  g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT,
               _("The plan cannot be repaired: its problems were still there after %d rounds of repair"),
               LP_REPAIR_MAX_ROUNDS);
  return FALSE;
}

/* ---- Counting, recording ---- */

static gint64
lp_repair_count (sqlite3    *db,
                 const char *table)
{
  g_autofree char *ident = lp_repair_ident (table);
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", ident);
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static LpRepairTable *
lp_repair_find_table (LpRepairReport *report,
                      const char     *name)
{
  for (guint i = 0; i < report->tables->len; i++)
    {
      LpRepairTable *table = g_ptr_array_index (report->tables, i);
      if (g_str_equal (table->table, name))
        return table;
    }
  return NULL;
}

/* The reference's tables, in the schema's order, each with @count_read
 * rows read (counted in the copy) or none yet. */
static gboolean
lp_repair_list_tables (LpRepair  *r,
                       gboolean   count_read,
                       GError   **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (r->reference,
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
        -1, &stmt, NULL) != SQLITE_OK)
    return lp_sqlite_set_error (error, r->reference, sqlite3_errcode (r->reference), _("read the schema"));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      LpRepairTable *table;

      if (lp_repair_find_table (r->report, name) != NULL)
        continue;
      table = g_new0 (LpRepairTable, 1);
      table->table = g_strdup (name);
      if (count_read)
        table->rows_read = lp_repair_count (r->db, name);
      g_ptr_array_add (r->report->tables, table);
    }
  sqlite3_finalize (stmt);
  return !lp_repair_cancelled (r, error);
}

static char *
lp_repair_file_sha256 (const char  *path,
                       GError     **error)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, error);

  if (file == NULL)
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                      (const guchar *) g_mapped_file_get_contents (file),
                                      g_mapped_file_get_length (file));
}

/* The repair in the copy's import log: one row, its count the rows kept,
 * and one note per decision. */
static gboolean
lp_repair_log (LpRepair    *r,
               const char  *path,
               GError     **error)
{
  g_autofree char *sha256 = lp_repair_file_sha256 (path, error);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *when = g_date_time_format_iso8601 (r->report->repaired_at);
  gint64 id = lp_id_new ();
  gint64 kept = 0;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sha256 == NULL)
    return FALSE;
  for (guint i = 0; i < r->report->tables->len; i++)
    kept += ((LpRepairTable *) g_ptr_array_index (r->report->tables, i))->rows_kept;
  rc = sqlite3_prepare_v2 (r->db,
        "INSERT INTO import_log (id, kind, file_name, file_sha256, file_date, rows, imported_at) "
        "VALUES (?1, 'repair', ?2, ?3, NULL, ?4, ?5)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, sha256, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, kept);
      sqlite3_bind_text (stmt, 5, when, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (r->db);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return lp_sqlite_set_error (error, r->db, rc, _("record the repair in the import log"));
  rc = sqlite3_prepare_v2 (r->db, "INSERT INTO import_log_note (import_id, position, message) VALUES (?1, ?2, ?3)",
                           -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < r->report->steps->len; i++)
    {
      const LpRepairStep *step = g_ptr_array_index (r->report->steps, i);

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, i + 1);
      sqlite3_bind_text (stmt, 3, step->message, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (r->db);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return lp_sqlite_set_error (error, r->db, rc, _("record the repair in the import log"));
  return TRUE;
}

/* ---- The two ways to a copy ---- */

/* Page for page, from a read-only connection. */
static gboolean
lp_repair_copy_sound (LpRepair    *r,
                      const char  *path,
                      int          old_version,
                      GError     **error)
{
  sqlite3 *source = lp_plan_file_connect (path, TRUE, FALSE, error);
  sqlite3_backup *backup;
  int rc;

  if (source == NULL)
    return FALSE;
  backup = sqlite3_backup_init (r->db, "main", source, "main");
  if (backup == NULL)
    {
      lp_sqlite_set_error (error, r->db, sqlite3_errcode (r->db), _("copy the plan"));
      sqlite3_close_v2 (source);
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO, _("Could not copy “%s”: %s"),
                   name, sqlite3_errstr (rc));
      sqlite3_close_v2 (source);
      return FALSE;
    }
  sqlite3_close_v2 (source);
  if (!lp_plan_file_set_journal (r->db, error))
    return FALSE;
  /* A plan of an older format: the copy is upgraded as opening it for
   * changes would (its bad values let through), then checked by this
   * version's rules; the file's own check could not say more than
   * "must be upgraded". */
  if (old_version > 0)
    {
      guint n_steps;
      const LpMigration *steps = lp_migrations_builtin (&n_steps);

      if (!lp_sqlite_exec (r->db, "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON", error) ||
          !lp_migrations_apply (r->db, steps, n_steps, old_version, error))
        return FALSE;
      g_assert (r->report->problems == NULL);
      r->report->problems = lp_check_connection (r->db, error);
      if (r->report->problems == NULL)
        return FALSE;
    }
  return lp_repair_list_tables (r, TRUE, error);
}

/* A new plan, its own rows set aside, filled with what can be read of the
 * damaged file; then the reference rows (staff roles, points of delivery…)
 * the file lost are put back, and the new plan's base scenario if the
 * file's was lost: a row read from the file wins over the new one. */
static gboolean
lp_repair_copy_recovered (LpRepair    *r,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(GPtrArray) seeded = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (!lp_plan_initialise (r->db, error) ||
      !lp_sqlite_exec (r->db, "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON", error) ||
      !lp_sqlite_exec (r->db, "BEGIN", error))
    return FALSE;
  if (sqlite3_prepare_v2 (r->db,
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
        -1, &stmt, NULL) != SQLITE_OK)
    return lp_sqlite_set_error (error, r->db, sqlite3_errcode (r->db), _("read the schema"));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      if (lp_repair_count (r->db, name) > 0)
        g_ptr_array_add (seeded, g_strdup (name));
    }
  sqlite3_finalize (stmt);
  for (guint i = 0; i < seeded->len; i++)
    {
      g_autofree char *ident = lp_repair_ident (g_ptr_array_index (seeded, i));
      g_autofree char *seed = g_strdup_printf ("\"lp_seed_%s\"", (char *) g_ptr_array_index (seeded, i));
      g_autofree char *sql = g_strdup_printf ("CREATE TEMP TABLE %s AS SELECT * FROM main.%s; DELETE FROM main.%s",
                                              seed, ident, ident);
      if (!lp_sqlite_exec (r->db, sql, error))
        return FALSE;
    }
  if (!lp_sqlite_exec (r->db, "COMMIT", error) ||
      !lp_repair_list_tables (r, FALSE, error))
    return FALSE;
  r->report->recovered = TRUE;
  if (!lp_recover_rows (path, r->db, r->report, r->cancellable, error))
    return FALSE;
  if (lp_repair_cancelled (r, error))
    return FALSE;
  for (guint i = 0; i < seeded->len; i++)
    {
      const char *name = g_ptr_array_index (seeded, i);
      g_autofree char *ident = lp_repair_ident (name);
      g_autofree char *seed = g_strdup_printf ("\"lp_seed_%s\"", name);
      g_autofree char *sql = g_str_equal (name, "scenario")
        ? g_strdup_printf ("INSERT OR IGNORE INTO main.%s SELECT * FROM temp.%s "
                           "WHERE NOT EXISTS (SELECT 1 FROM main.scenario WHERE base_id IS NULL)", ident, seed)
        : g_strdup_printf ("INSERT OR IGNORE INTO main.%s SELECT * FROM temp.%s", ident, seed);
      g_autofree char *drop = g_strdup_printf ("DROP TABLE temp.%s", seed);
      LpRepairTable *table;

      if (!lp_sqlite_exec (r->db, sql, error))
        return FALSE;
      table = lp_repair_find_table (r->report, name);
      if (table != NULL)
        table->rows_added = sqlite3_changes (r->db);
      if (!lp_sqlite_exec (r->db, drop, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- Into place ---- */

static void
lp_repair_remove_temp (const char *tmp_path)
{
  g_autofree char *journal = g_strconcat (tmp_path, "-journal", NULL);

  g_unlink (journal);
  g_unlink (tmp_path);
}

/* Moves the whole, flushed copy to @copy_path, never over a file that
 * appeared there meanwhile: link() refuses an existing name. */
static gboolean
lp_repair_move_into_place (const char  *tmp_path,
                           const char  *copy_path,
                           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (copy_path);
  g_autofree char *display = g_filename_display_name (copy_path);

  if (!lp_plan_file_sync_path (tmp_path, error))
    return FALSE;
  if (link (tmp_path, copy_path) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        {
          g_autofree char *name = g_filename_display_basename (copy_path);
          g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_EXISTS,
                       _("“%s” already exists; choose another name for the repaired copy"), name);
          return FALSE;
        }
      /* a file system without hard links */
      if (g_file_test (copy_path, G_FILE_TEST_EXISTS) || g_rename (tmp_path, copy_path) != 0)
        {
          saved_errno = g_file_test (copy_path, G_FILE_TEST_EXISTS) ? EEXIST : errno;
          g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO,
                       _("Could not write the repaired copy “%s”: %s"), display, g_strerror (saved_errno));
          return FALSE;
        }
    }
  else
    g_unlink (tmp_path);
  return lp_plan_file_sync_path (dir, error);
}

static gboolean
lp_repair_refuse_paths (const char  *path,
                        const char  *copy_path,
                        GError     **error)
{
  g_autofree char *source = g_canonicalize_filename (path, NULL);
  g_autofree char *copy = g_canonicalize_filename (copy_path, NULL);
  g_autofree char *display = g_filename_display_basename (copy_path);
  GStatBuf a, b;

  if (g_str_equal (source, copy) ||
      (g_stat (path, &a) == 0 && g_stat (copy_path, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino))
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                   _("A repair never writes over the plan it repairs; choose another name for the copy"));
      return FALSE;
    }
  if (g_file_test (copy_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_EXISTS,
                   _("“%s” already exists; choose another name for the repaired copy"), display);
      return FALSE;
    }
  return TRUE;
}

/* The format of a plan older than this version's, or 0 (this version's,
 * or a file that is no plan or cannot be read, which check then says). */
static int
lp_repair_older_version (const char *path)
{
  sqlite3 *db;
  int version = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return 0;
  db = lp_plan_file_connect (path, TRUE, FALSE, NULL);
  if (db == NULL)
    return 0;
  if (!lp_plan_file_identify_full (db, path, &version, FALSE, NULL) || version >= LP_PLAN_SCHEMA_VERSION)
    version = 0;
  sqlite3_close_v2 (db);
  return MAX (version, 0);
}

static gboolean
lp_repair_has_integrity_problem (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    if (((LpProblem *) g_ptr_array_index (problems, i))->kind == LP_PROBLEM_KIND_INTEGRITY)
      return TRUE;
  return FALSE;
}

/**
 * lp_plan_repair_file:
 * @path: a plan file, which is only read
 * @copy_path: where to write the repaired copy; must not exist yet
 * @cancellable: (nullable): checked between tables and between rounds
 *
 * Writes a repaired copy of @path to @copy_path (see the top of this file
 * for what a repair decides).  Nothing is left at @copy_path, nor beside
 * it, on any error, cancellation included (G_IO_ERROR_CANCELLED).
 *
 * Returns: (transfer full): what was found and decided, or NULL with
 *   @error set
 */
LpRepairReport *
lp_plan_repair_file (const char    *path,
                     const char    *copy_path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(LpRepairReport) report = NULL;
  g_autoptr(GHashTable) gone = NULL;
  g_autoptr(GHashTable) left_out = NULL;
  g_autoptr(GHashTable) labels = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  GPtrArray *problems = NULL;
  LpRepair r = { 0 };
  int old_version;
  int fd;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (copy_path != NULL, NULL);

  if (!lp_repair_refuse_paths (path, copy_path, error))
    return NULL;
  old_version = lp_repair_older_version (path);
  if (old_version > 0)
    {
      /* An older plan SQLite finds damaged cannot be copied and upgraded:
       * its rows are read out into this version's schema, as for any
       * damaged plan (lp_recover_rows matches columns by name). */
      g_autoptr(GPtrArray) damaged = lp_plan_check_file (path, NULL);

      if (damaged != NULL && lp_repair_has_integrity_problem (damaged))
        old_version = 0;
    }
  if (old_version == 0)
    {
      problems = lp_plan_check_file (path, error);
      if (problems == NULL)
        return NULL;
    }
  report = g_new0 (LpRepairReport, 1);
  report->source_path = g_strdup (path);
  report->copy_path = g_strdup (copy_path);
  report->problems = problems;
  report->steps = g_ptr_array_new_with_free_func (lp_repair_step_free);
  report->tables = g_ptr_array_new_with_free_func (lp_repair_table_free);

  dir = g_path_get_dirname (copy_path);
  base = g_path_get_basename (copy_path);
  tmp_path = g_strdup_printf ("%s%s.%s.repair-XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO,
                   _("Could not write the repaired copy in the folder “%s”: %s"),
                   display, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  gone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  left_out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.report = report;
  r.cancellable = cancellable;
  r.gone = gone;
  r.left_out = left_out;
  r.labels = labels;
  r.reference = lp_check_reference ();
  r.db = lp_plan_file_connect (tmp_path, FALSE, FALSE, error);
  ok = r.db != NULL && !lp_repair_cancelled (&r, error);
  if (ok && r.reference == NULL)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_DATABASE,
                   _("The rules to repair the plan against could not be built"));
      ok = FALSE;
    }
  if (ok)
    ok = old_version == 0 && lp_repair_has_integrity_problem (problems)
         ? lp_repair_copy_recovered (&r, path, error)
         : lp_repair_copy_sound (&r, path, old_version, error);
  ok = ok && lp_sqlite_exec (r.db, "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON; BEGIN", error);
  problems = report->problems;
  ok = ok && lp_repair_clean (&r, error);
  if (ok)
    {
      for (guint i = 0; i < report->tables->len; i++)
        {
          LpRepairTable *table = g_ptr_array_index (report->tables, i);
          table->rows_kept = MAX (lp_repair_count (r.db, table->table) - table->rows_added, 0);
        }
      report->repaired_at = g_date_time_new_now_utc ();
      ok = lp_repair_log (&r, path, error) &&
           lp_sqlite_exec (r.db, "COMMIT; PRAGMA ignore_check_constraints = OFF; PRAGMA foreign_keys = ON", error);
    }
  if (r.db != NULL && sqlite3_close (r.db) != SQLITE_OK)
    {
      sqlite3_close_v2 (r.db);
      if (ok)
        {
          g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_IO, _("Could not finish writing the repaired copy"));
          ok = FALSE;
        }
    }
  sqlite3_close (r.reference);
  ok = ok && !lp_repair_cancelled (&r, error);
  ok = ok && lp_repair_move_into_place (tmp_path, copy_path, error);
  if (!ok)
    {
      lp_repair_remove_temp (tmp_path);
      return NULL;
    }
  return g_steal_pointer (&report);
}

/* ---- The report in words ---- */

char *
lp_repair_report_to_text (const LpRepairReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *source = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *when = NULL;
  guint n_problems;
  guint n_cleared = 0, n_left_out = 0;

  g_return_val_if_fail (report != NULL, NULL);

  source = g_filename_display_name (report->source_path);
  copy = g_filename_display_name (report->copy_path);
  when = report->repaired_at != NULL ? g_date_time_format (report->repaired_at, "%Y-%m-%d %H:%M UTC")
                                     : g_strdup ("");
  n_problems = report->problems != NULL ? report->problems->len : 0;
  for (guint i = 0; i < report->steps->len; i++)
    {
      const LpRepairStep *step = g_ptr_array_index (report->steps, i);
      n_cleared += step->action == LP_REPAIR_CLEARED;
      n_left_out += step->action == LP_REPAIR_LEFT_OUT;
    }

  g_string_append_printf (text, "%s\n\n", _("Repair of a damaged plan"));
  g_string_append_printf (text, _("Damaged plan: %s\n"), source);
  g_string_append_printf (text, _("Repaired copy: %s\n"), copy);
  g_string_append_printf (text, _("Repaired on: %s\n"), when);
  if (report->recovered)
    g_string_append_printf (text, "%s\n",
                            _("SQLite found the file itself damaged: its rows were recovered page by page."));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u problem found\n", "%u problems found\n",
                                             n_problems), n_problems);
  for (guint i = 0; i < n_problems; i++)
    {
      const LpProblem *problem = g_ptr_array_index (report->problems, i);
      g_string_append_printf (text, "  %s %s\n",
                              problem->severity == LP_PROBLEM_ERROR ? _("error:") : _("warning:"),
                              problem->message);
    }
  g_string_append_c (text, '\n');
  if (report->steps->len == 0)
    g_string_append_printf (text, "%s\n", _("Nothing needed repair."));
  else
    {
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u decision\n", "%u decisions\n",
                                                 report->steps->len), report->steps->len);
      for (guint i = 0; i < report->steps->len; i++)
        g_string_append_printf (text, "  %u. %s\n", i + 1,
                                ((LpRepairStep *) g_ptr_array_index (report->steps, i))->message);
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u value cleared, ", "%u values cleared, ",
                                                 n_cleared), n_cleared);
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u row left out\n", "%u rows left out\n",
                                                 n_left_out), n_left_out);
    }
  g_string_append_c (text, '\n');
  g_string_append_printf (text, "%s\n", _("Rows per table (read from the damaged plan, kept in the copy):"));
  for (guint i = 0; i < report->tables->len; i++)
    {
      const LpRepairTable *table = g_ptr_array_index (report->tables, i);
      g_autofree char *read = NULL;
      g_autofree char *kept = NULL;

      if (table->rows_read == 0 && table->rows_kept == 0 && table->rows_added == 0)
        continue;
      read = lp_format_count (table->rows_read);
      kept = lp_format_count (table->rows_kept);
      if (table->rows_added > 0)
        {
          g_autofree char *added = lp_format_count (table->rows_added);
          g_string_append_printf (text, _("  %s: %s read, %s kept, %s added as a new plan has them\n"),
                                  table->table, read, kept, added);
        }
      else
        g_string_append_printf (text, _("  %s: %s read, %s kept\n"), table->table, read, kept);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
