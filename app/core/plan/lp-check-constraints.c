/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every row against every constraint of the schema this build creates.
 *
 * Why not SQLite's own PRAGMA integrity_check: on a read-only connection
 * SQLite does not even parse a table's CHECK constraints, so they go
 * untested; and on a writable one it says only "CHECK constraint failed in
 * list_size", never which row.  A private writable copy made with the
 * backup API would fix the first but not the second, and would double the
 * memory for a large plan.  So each constraint is turned into a query,
 * "SELECT the row WHERE NOT (its CHECK)", run on the plan's own connection,
 * which works the same whether or not the file is writable.
 *
 * The rules come from the reference schema (the migrations applied to an
 * empty in-memory database), not from the file's own CREATE statements: a
 * program that rebuilt a table without its CHECKs or its unique index must
 * not thereby make its rows pass.  The schema check reports such a table
 * apart; a rule whose query cannot run on the file (a missing column) is
 * left to that report.
 *
 * The SQL below is built from identifiers and CHECK expressions read from
 * the reference schema, never from the plan's data; values are only read. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-check-private.h"
#include "lp-plan-private.h"

/* How to name a row of a table in words a user knows.  Each argument is
 * an SQL expression on the row (alias t); a row whose arguments read NULL
 * is named by its key instead.  @noun names a row of the table when
 * another row refers to one that is missing. */
typedef struct {
  const char *table;
  const char *format;
  const char *args[3];
  const char *noun;
} LpRowName;

/* A row's name must not hang on the very value at fault: a missing
 * practice or provider is named by its id, a blank name by the row's. */
#define PRACTICE_OF(col) "ifnull ((SELECT ods_code FROM practice WHERE id = t." col "), '#' || t." col ")"
#define NAME_OF(table, col) "ifnull ((SELECT name FROM " table " WHERE id = t." col "), '#' || t." col ")"
#define TEXT_OR_ID(col) "ifnull (nullif (trim (t." col "), ''), '#' || t.id)"

static const LpRowName row_names[] = {
  { "practice", N_("Practice %s"), { "t.ods_code" }, N_("a practice") },
  { "locality", N_("Locality %s"), { TEXT_OR_ID ("name") }, N_("a locality") },
  { "provider", N_("Provider %s"), { TEXT_OR_ID ("name") }, N_("a provider") },
  { "scenario", N_("Scenario %s"), { "t.name" }, N_("a scenario") },
  { "pathway", N_("Pathway %s"), { TEXT_OR_ID ("name") }, N_("a pathway") },
  { "qipp_programme", N_("QIPP programme %s"), { "t.name" }, N_("a QIPP programme") },
  { "capacity_rule", N_("Capacity rule %s"), { "t.name" }, N_("a capacity rule") },
  { "activity_line", N_("Activity line %s"), { "t.code" }, N_("an activity line") },
  { "point_of_delivery", N_("Point of delivery %s"), { "t.code" }, N_("a point of delivery") },
  { "staff_group", N_("Staff group %s"), { "t.code" }, N_("a staff group") },
  { "staff_role", N_("Staff role %s"), { "t.code" }, N_("a staff role") },
  { "population_weights", N_("Population weights %s"), { "t.name" }, N_("a set of population weights") },
  { "plan_info", N_("Plan setting %s"), { "t.key" }, N_("a plan setting") },
  { "contract", N_("Contract for %s with %s"),
    { TEXT_OR_ID ("service"), NAME_OF ("provider", "provider_id") }, N_("a contract") },
  { "vulnerable_service", N_("Vulnerable service %s"), { TEXT_OR_ID ("service") }, N_("a vulnerable service") },
  { "list_size", N_("List size of practice %s on %s"),
    { PRACTICE_OF ("practice_id"), "t.extract_date" }, N_("a list size") },
  { "age_profile", N_("Age profile of practice %s on %s (%s)"),
    { PRACTICE_OF ("practice_id"), "t.extract_date", "t.sex" }, N_("an age profile") },
  { "workforce_fte", N_("Workforce of practice %s, %s on %s"),
    { PRACTICE_OF ("practice_id"), "t.role", "t.as_at" }, N_("a workforce figure") },
  { "access_provision", N_("Access provision of practice %s from %s"),
    { PRACTICE_OF ("practice_id"), "t.start_date" }, N_("an access provision") },
  { "practice_grouping", N_("Grouping of practice %s in %s %s"),
    { PRACTICE_OF ("practice_id"), "t.kind", "t.code" }, N_("a practice grouping") },
  { "weighted_population", N_("Weighted population %s of practice %s on %s"),
    { "t.weights_name", PRACTICE_OF ("practice_id"), "t.as_at" }, N_("a weighted population") },
  { "access_trajectory", N_("Access trajectory of scenario %s for %s"),
    { NAME_OF ("scenario", "scenario_id"), "t.period_month" }, N_("an access trajectory") },
  { "pathway_change", N_("Change to pathway %s in scenario %s"),
    { NAME_OF ("pathway", "pathway_id"), NAME_OF ("scenario", "scenario_id") },
    N_("a pathway change") },
  { "growth_assumption", N_("Growth of %s in %s, scenario %s"),
    { "t.activity_line", "t.financial_year", NAME_OF ("scenario", "scenario_id") },
    N_("a growth assumption") },
  { "qipp_reduction", N_("QIPP saving of %s on %s in %s"),
    { NAME_OF ("qipp_programme", "programme_id"), "t.pod", "t.financial_year" },
    N_("a QIPP saving") },
  { "import_log_note", N_("Note %s of an import record"), { "t.position" }, N_("an import note") },
  { "pcn_workforce_fte", N_("Workforce of PCN %s, %s on %s"),
    { "t.pcn_code", "t.role", "t.as_at" }, N_("a PCN workforce figure") },
};

static const LpRowName *
lp_row_name_find (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (row_names); i++)
    if (g_str_equal (row_names[i].table, table))
      return &row_names[i];
  return NULL;
}

/* ---- Reading CHECK constraints out of a CREATE TABLE statement ---- */

/* Skips a quoted string or identifier starting at @p ('…', "…", `…`, […]),
 * returning the character after it. */
static const char *
lp_skip_quoted (const char *p)
{
  char close = *p == '[' ? ']' : *p;

  for (p++; *p != '\0'; p++)
    if (*p == close)
      {
        if (close != ']' && p[1] == close)
          p++;   /* a doubled quote stands for itself */
        else
          return p + 1;
      }
  return p;
}

static gboolean
lp_is_quote (char c)
{
  return c == '\'' || c == '"' || c == '`' || c == '[';
}

static gboolean
lp_is_ident_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Returns the character after the parenthesis matching the one at @p. */
static const char *
lp_skip_parens (const char *p)
{
  int depth = 0;

  while (*p != '\0')
    {
      if (lp_is_quote (*p))
        {
          p = lp_skip_quoted (p);
          continue;
        }
      if (*p == '(')
        depth++;
      else if (*p == ')' && --depth == 0)
        return p + 1;
      p++;
    }
  return p;
}

/* Splits the text between the outer parentheses of CREATE TABLE at its
 * top-level commas: one part per column or table constraint. */
static GPtrArray *
lp_split_definitions (const char *create_sql)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *p = create_sql;
  const char *start;

  while (*p != '\0' && *p != '(')
    p = lp_is_quote (*p) ? lp_skip_quoted (p) : p + 1;
  if (*p == '\0')
    return parts;
  start = ++p;
  while (*p != '\0')
    {
      if (lp_is_quote (*p))
        p = lp_skip_quoted (p);
      else if (*p == '(')
        p = lp_skip_parens (p);
      else if (*p == ',' || *p == ')')
        {
          g_ptr_array_add (parts, g_strstrip (g_strndup (start, p - start)));
          if (*p == ')')
            break;
          start = ++p;
        }
      else
        p++;
    }
  return parts;
}

static gboolean
lp_starts_with_word (const char *text,
                     const char *word)
{
  gsize n = strlen (word);

  return g_ascii_strncasecmp (text, word, n) == 0 && !lp_is_ident_char (text[n]);
}

/* The column a column definition defines, unquoted. */
static char *
lp_definition_column (const char *part)
{
  if (lp_is_quote (*part))
    {
      const char *end = lp_skip_quoted (part);
      g_autofree char *inner = g_strndup (part + 1, MAX (end - part - 2, 0));
      char quote[2] = { *part == '[' ? ']' : *part, '\0' };
      g_autofree char *doubled = g_strdup_printf ("%s%s", quote, quote);
      g_auto(GStrv) pieces = g_strsplit (inner, doubled, -1);

      return g_strjoinv (quote, pieces);
    }
  for (const char *p = part; ; p++)
    if (!lp_is_ident_char (*p))
      return g_strndup (part, p - part);
}

static void
lp_check_expr_free (gpointer data)
{
  LpCheckExpr *check = data;

  g_free (check->column);
  g_free (check->expression);
  g_free (check);
}

/**
 * lp_check_split_checks:
 * @create_sql: a CREATE TABLE statement
 * @columns: (nullable): filled with the table's column names
 *
 * Returns: (element-type LpCheckExpr): the statement's CHECK constraints,
 *   each with its column when it is a column constraint.
 */
GPtrArray *
lp_check_split_checks (const char *create_sql,
                       GPtrArray  *columns)
{
  g_autoptr(GPtrArray) parts = lp_split_definitions (create_sql);
  GPtrArray *checks = g_ptr_array_new_with_free_func (lp_check_expr_free);
  static const char *const table_words[] = { "CONSTRAINT", "CHECK", "PRIMARY", "UNIQUE", "FOREIGN" };

  for (guint i = 0; i < parts->len; i++)
    {
      const char *part = g_ptr_array_index (parts, i);
      g_autofree char *column = NULL;
      gboolean table_constraint = FALSE;

      for (guint w = 0; w < G_N_ELEMENTS (table_words); w++)
        table_constraint |= lp_starts_with_word (part, table_words[w]);
      if (!table_constraint)
        {
          column = lp_definition_column (part);
          if (columns != NULL)
            g_ptr_array_add (columns, g_strdup (column));
        }
      for (const char *p = part; *p != '\0'; )
        {
          if (lp_is_quote (*p))
            {
              p = lp_skip_quoted (p);
              continue;
            }
          if (*p == '(')
            {
              p = lp_skip_parens (p);
              continue;
            }
          if ((p == part || !lp_is_ident_char (p[-1])) && lp_starts_with_word (p, "CHECK"))
            {
              const char *open = p + 5;
              const char *end;
              LpCheckExpr *check;

              while (g_ascii_isspace (*open))
                open++;
              if (*open != '(')
                {
                  p = open;
                  continue;
                }
              end = lp_skip_parens (open);
              check = g_new0 (LpCheckExpr, 1);
              check->column = g_strdup (column);
              check->expression = g_strstrip (g_strndup (open + 1, MAX (end - open - 2, 0)));
              g_ptr_array_add (checks, check);
              p = end;
              continue;
            }
          p++;
        }
    }
  return checks;
}

/* The columns of @columns that @expression mentions, in table order. */
static GPtrArray *
lp_mentioned_columns (const char *expression,
                      GPtrArray  *columns)
{
  GPtrArray *mentioned = g_ptr_array_new ();
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (const char *p = expression; *p != '\0'; )
    {
      if (*p == '\'')
        p = lp_skip_quoted (p);
      else if (lp_is_quote (*p))
        {
          const char *end = lp_skip_quoted (p);
          g_hash_table_add (words, lp_definition_column (p));
          p = end;
        }
      else if (lp_is_ident_char (*p))
        {
          const char *start = p;
          while (lp_is_ident_char (*p))
            p++;
          g_hash_table_add (words, g_ascii_strdown (start, p - start));
        }
      else
        p++;
    }
  for (guint i = 0; i < columns->len; i++)
    {
      g_autofree char *lower = g_ascii_strdown (g_ptr_array_index (columns, i), -1);
      if (g_hash_table_contains (words, lower))
        g_ptr_array_add (mentioned, g_ptr_array_index (columns, i));
    }
  return mentioned;
}

/* ---- A CHECK expression in words ---- */

typedef struct {
  const char *pattern;   /* C stands for the column, escaped */
  const char *words;     /* printf format over the pattern's groups */
} LpRuleWords;

static const LpRuleWords rule_words[] = {
  { "typeof\\(C\\) = 'integer' AND C >= (-?[0-9]+)", N_("must be a whole number of %s or more") },
  { "typeof\\(C\\) = 'integer' AND C > (-?[0-9]+)", N_("must be a whole number greater than %s") },
  { "typeof\\(C\\) = 'integer' AND C BETWEEN (-?[0-9]+) AND (-?[0-9]+)", N_("must be a whole number from %s to %s") },
  { "C >= (-?[0-9.]+)", N_("must be a number of %s or more") },
  { "C > (-?[0-9.]+)", N_("must be a number greater than %s") },
  { "C = (-?[0-9]+)", N_("must be %s") },
  { "date\\(C, '\\+0 days'\\) IS C", N_("must be a real date such as 2018-04-01") },
  { "date\\(C, '\\+0 days'\\) IS C AND C LIKE '%-01'", N_("must be the first day of a month, such as 2018-04-01") },
  { "date\\(C, '\\+0 days'\\) IS C AND C >= ([a-z_]+)", N_("must be a real date, not before %s") },
  { "length\\(trim\\(C\\)\\) > 0", N_("must not be empty") },
  { "length\\(C\\) > 0", N_("must not be empty") },
  { "length\\(C\\) = ([0-9]+)", N_("must be %s characters long") },
  { "length\\(C\\) BETWEEN ([0-9]+) AND ([0-9]+) AND C = upper\\(C\\)", N_("must be a code of %s to %s capital letters or digits") },
  { "length\\(C\\) = 5 AND time\\(C\\) IS C \\|\\| ':00'", N_("must be a time such as 08:30") },
  { "C GLOB '\\[0-9\\]\\[0-9\\]\\[0-9\\]\\[0-9\\]/\\[0-9\\]\\[0-9\\]'", N_("must be a financial year such as 2018/19") },
  { "C <> ([a-z_]+)", N_("must not be the same as %s") },
  { "date\\(C, '\\+0 days'\\) IS C AND substr\\(C, 6\\) IN \\('01-01', '04-01', '07-01', '10-01'\\)",
    N_("must be the first day of a quarter, such as 2018-04-01") },
  /* \x43 is a C that is not the column */
  { "instr\\(C, '-'\\) = 0 AND length\\(C\\) = \\x43ASE banding .*",
    N_("must hold six digits for each age band of its banding, and no minus sign") },
};

/* Rules over two columns of a table constraint. */
static const LpRuleWords pair_words[] = {
  { "(?:[a-z_]+ IS NULL OR )?([a-z_]+) <> ([a-z_]+)", N_("%s must not be the same as %s") },
  { "([a-z_]+) >= ([a-z_]+)", N_("%s must not be before %s") },
  { "([a-z_]+) > ([a-z_]+)", N_("%s must be after %s") },
  { "\\(level = '([a-z_]+)'\\) = \\(([a-z_]+) IS NOT NULL\\)", N_("%2$s must be given when, and only when, level is %1$s") },
  { "\\(([a-z_]+) IS NULL\\) <> \\(([a-z_]+) IS NULL\\)", N_("exactly one of %s and %s must be given") },
};

/* One space between tokens and none inside "f (", "( x" or "x )": the
 * schema's files are not all written alike. */
static char *
lp_normalize_expression (const char *expression)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autoptr(GRegex) calls = g_regex_new ("([a-z_]) \\(", 0, 0, NULL);
  g_autoptr(GRegex) opens = g_regex_new ("\\( ", 0, 0, NULL);
  g_autoptr(GRegex) closes = g_regex_new (" \\)", 0, 0, NULL);
  g_autofree char *one = g_regex_replace_literal (spaces, expression, -1, 0, " ", 0, NULL);
  g_autofree char *two = g_regex_replace (calls, one, -1, 0, "\\1(", 0, NULL);
  g_autofree char *three = g_regex_replace_literal (opens, two, -1, 0, "(", 0, NULL);
  char *four = g_regex_replace_literal (closes, three, -1, 0, ")", 0, NULL);

  return g_strstrip (four);
}

/* "status IN ('active', 'closed')" or "sex = 'all' OR sex = 'male'":
 * the list of allowed values, or NULL. */
static char *
lp_allowed_values (const char *expression,
                   const char *escaped)
{
  g_autofree char *in_pattern = g_strdup_printf ("^%s IN \\((.*)\\)$", escaped);
  g_autofree char *or_pattern = g_strdup_printf ("^%s = ('[^']*'|-?[0-9]+)$", escaped);
  g_autoptr(GRegex) in = g_regex_new (in_pattern, G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GRegex) one = g_regex_new (or_pattern, G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) items = NULL;

  if (g_regex_match (in, expression, 0, &match))
    {
      g_autofree char *list = g_match_info_fetch (match, 1);
      items = g_strsplit (list, ",", -1);
    }
  else
    {
      items = g_strsplit (expression, " OR ", -1);
      for (guint i = 0; items[i] != NULL; i++)
        {
          g_autoptr(GMatchInfo) item = NULL;
          char *value;

          if (!g_regex_match (one, items[i], 0, &item))
            return NULL;
          /* the match reads the item it was made on: fetch, then free */
          value = g_match_info_fetch (item, 1);
          g_free (items[i]);
          items[i] = value;
        }
    }
  for (guint i = 0; items[i] != NULL; i++)
    {
      char *value = g_strstrip (items[i]);
      gsize n = strlen (value);
      if (n >= 2 && value[0] == '\'' && value[n - 1] == '\'')
        g_ptr_array_add (values, g_strndup (value + 1, n - 2));
      else
        g_ptr_array_add (values, g_strdup (value));
    }
  g_ptr_array_add (values, NULL);
  {
    g_autofree char *joined = g_strjoinv (", ", (char **) values->pdata);
    return g_strdup_printf (_("must be one of %s"), joined);
  }
}

/* The formats are this file's own translatable constants, each with as
 * many %s as its pattern has groups. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

static char *
lp_words_try (const LpRuleWords *table,
              guint              n,
              const char        *expression,
              const char        *escaped)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *pattern = NULL;
      g_autoptr(GRegex) regex = NULL;
      g_autoptr(GMatchInfo) match = NULL;
      g_auto(GStrv) parts = NULL;

      if (escaped != NULL)
        {
          parts = g_strsplit (table[i].pattern, "C", -1);
          {
            g_autofree char *body = g_strjoinv (escaped, parts);
            pattern = g_strdup_printf ("^%s$", body);
          }
        }
      else
        pattern = g_strdup_printf ("^%s$", table[i].pattern);
      regex = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);
      if (regex != NULL && g_regex_match (regex, expression, 0, &match))
        {
          g_autofree char *a = g_match_info_fetch (match, 1);
          g_autofree char *b = g_match_info_fetch (match, 2);
          return g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, table[i].words),
                                  a != NULL ? a : "", b != NULL ? b : "");
        }
    }
  return NULL;
}

#pragma GCC diagnostic pop

/**
 * lp_check_rule_in_words:
 * @expression: a CHECK constraint's expression
 * @column: (nullable): its column, NULL for a table constraint
 *
 * Returns: the rule as a phrase that follows the value ("must be a whole
 *   number of 0 or more"), or "breaks the rule CHECK (…)" when no words fit.
 */
char *
lp_check_rule_in_words (const char *expression,
                        const char *column)
{
  g_autofree char *normal = lp_normalize_expression (expression);
  g_autofree char *escaped = column != NULL ? g_regex_escape_string (column, -1) : NULL;
  const char *body = normal;
  g_autofree char *stripped = NULL;
  char *words = NULL;

  if (escaped != NULL)
    {
      /* "c IS NULL OR (rule)": an empty value passes anyway, so the words
       * are the rule's */
      g_autofree char *prefix = g_strdup_printf ("^%s IS NULL OR \\(?(.*?)\\)?$", escaped);
      g_autoptr(GRegex) nullable = g_regex_new (prefix, G_REGEX_CASELESS, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (nullable, normal, 0, &match))
        body = stripped = g_match_info_fetch (match, 1);
      words = lp_words_try (rule_words, G_N_ELEMENTS (rule_words), body, escaped);
      if (words == NULL)
        words = lp_allowed_values (body, escaped);
    }
  else
    words = lp_words_try (pair_words, G_N_ELEMENTS (pair_words), body, NULL);
  if (words == NULL)
    words = g_strdup_printf (_("breaks the rule CHECK (%s)"), normal);
  return words;
}

/* ---- Running the rules ---- */

typedef struct {
  sqlite3          *db;
  const char       *table;
  char             *quoted;    /* the table's name quoted for SQL */
  char             *key_sql;   /* the row's key as text */
  const LpRowName  *name;
  GPtrArray        *columns;   /* the table's column names */
  GPtrArray        *problems;
} LpTableScan;

/* The row's key as an SQL text expression: "id=12" or "a=1, b='x'". */
static char *
lp_key_sql (sqlite3    *reference,
            const char *table)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (reference,
        "SELECT name FROM pragma_table_info (?1) WHERE pk > 0 ORDER BY pk", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *column = lp_stmt_column_text (stmt, 0);
          g_autofree char *ident = lp_sqlite_quote_ident (column);
          g_autofree char *label = g_strdup_printf ("%s%s=", sql->len > 0 ? ", " : "", column);
          char *literal = sqlite3_mprintf ("%Q", label);

          g_string_append_printf (sql, "%s%s || quote (t.%s)", sql->len > 0 ? " || " : "", literal, ident);
          sqlite3_free (literal);
        }
    }
  sqlite3_finalize (stmt);
  if (sql->len == 0)
    g_string_assign (sql, "'rowid=' || t.rowid");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

char *
lp_check_key_sql (sqlite3    *reference,
                  const char *table)
{
  return lp_key_sql (reference, table);
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

static char *
lp_row_words (const LpRowName *name,
              sqlite3_stmt    *stmt,
              const char      *key)
{
  const char *args[3] = { "", "", "" };

  if (name == NULL)
    return g_strdup_printf (_("Row %s"), key);
  for (guint i = 0; i < G_N_ELEMENTS (name->args) && name->args[i] != NULL; i++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 1 + i);
      if (text == NULL || *text == '\0')
        return g_strdup_printf (_("Row %s"), key);
      args[i] = text;
    }
  return g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, name->format), args[0], args[1], args[2]);
}

#pragma GCC diagnostic pop

/* A test for NULL is written typeof (c) = 'null' throughout: SQLite
 * folds "c IS NULL" to false for a column its schema declares NOT NULL,
 * which is just the column a damaged file may hold a NULL in. */

/**
 * lp_scan_rows:
 * @column: the column at fault, or the columns joined by ", "
 * @value_sql: an SQL expression giving the value at fault, as text
 * @from: the FROM clause, whose rows are named t
 * @where: the condition a row at fault meets
 * @rule: the rule in words, unless @rule_has_count
 * @rule_has_count: the FROM clause gives a column n, the number of rows
 *   holding the row's key, and the rule says it
 *
 * Runs "SELECT key, name args…, value FROM from WHERE where" and adds a
 * problem for each row.  The row's name is left out if its query cannot
 * run on this file (a column missing), and the rule skipped if even that
 * fails: the schema check reports the missing column.
 */
static void
lp_scan_rows (LpTableScan   *scan,
              LpProblemKind  kind,
              const char    *column,
              const char    *value_sql,
              const char    *from,
              const char    *where,
              const char    *rule,
              gboolean       rule_has_count)
{
  for (int attempt = 0; attempt < 2; attempt++)
    {
      const LpRowName *name = attempt == 0 ? scan->name : NULL;
      g_autoptr(GString) sql = g_string_new ("SELECT ");
      sqlite3_stmt *stmt = NULL;

      g_string_append_printf (sql, "%s", scan->key_sql);
      for (guint i = 0; i < 3; i++)
        g_string_append_printf (sql, ", %s",
                                name != NULL && name->args[i] != NULL ? name->args[i] : "NULL");
      g_string_append_printf (sql, ", %s, %s FROM %s WHERE %s", value_sql,
                              rule_has_count ? "n" : "NULL", from, where);
      if (sqlite3_prepare_v2 (scan->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
        {
          sqlite3_finalize (stmt);
          continue;
        }
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *key = lp_stmt_column_text (stmt, 0);
          const char *value = lp_stmt_column_text (stmt, 4);
          LpProblem *problem;
          g_autofree char *row = lp_row_words (name, stmt, key);
          g_autofree char *words = NULL;

          if (rule_has_count)
            {
              int n = sqlite3_column_int (stmt, 5);
              words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "must be unique, but %d row has it",
                                                    "must be unique, but %d rows have it", n), n);
            }
          else
            words = g_strdup (rule);
          problem = lp_problem_add (scan->problems, LP_PROBLEM_ERROR, kind,
                                    strchr (column, ',') != NULL
                                    ? g_strdup_printf (_("%s (table %s): %s are %s; %s"),
                                                       row, scan->table, column, value, words)
                                    : g_strdup_printf (_("%s (table %s): %s is %s; it %s"),
                                                       row, scan->table, column, value, words));
          problem->table = g_strdup (scan->table);
          problem->row = g_steal_pointer (&row);
          problem->key = g_strdup (key);
          problem->column = g_strdup (column);
          problem->value = g_strdup (value);
          problem->rule = g_steal_pointer (&words);
        }
      sqlite3_finalize (stmt);
      return;
    }
}

/* "quote (t.a)" or "quote (t.a) || ', ' || quote (t.b)". */
static char *
lp_values_sql (GPtrArray *columns)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  for (guint i = 0; i < columns->len; i++)
    {
      g_autofree char *ident = lp_sqlite_quote_ident (g_ptr_array_index (columns, i));
      g_string_append_printf (sql, "%squote (t.%s)", i > 0 ? " || ', ' || " : "", ident);
    }
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static char *
lp_join_columns (GPtrArray *columns)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", (char *) g_ptr_array_index (columns, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Whether any row of the table meets @where; TRUE also when that cannot
 * be asked (a column missing), so that the rules are then tried one by
 * one.  One pass over a table whose rows are sound, rather than one per
 * rule: a year of England's age profiles is 100 MB. */
static gboolean
lp_scan_any (LpTableScan *scan,
             const char  *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s AS t WHERE %s LIMIT 1", scan->quoted, where);
  sqlite3_stmt *stmt = NULL;
  gboolean any = TRUE;

  if (sqlite3_prepare_v2 (scan->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    any = sqlite3_step (stmt) != SQLITE_DONE;
  sqlite3_finalize (stmt);
  return any;
}

static void
lp_scan_checks (LpTableScan *scan,
                const char  *create_sql)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) checks = lp_check_split_checks (create_sql, columns);
  g_autofree char *from = g_strdup_printf ("%s AS t", scan->quoted);
  g_autoptr(GString) any = g_string_new (NULL);

  /* NOT (a) OR NOT (b) holds where some rule fails, and is NULL or false
   * where each passes or is NULL, as SQLite's CHECK counts them. */
  for (guint i = 0; i < checks->len; i++)
    g_string_append_printf (any, "%sNOT (%s)", i > 0 ? " OR " : "",
                            ((LpCheckExpr *) g_ptr_array_index (checks, i))->expression);
  if (checks->len == 0 || !lp_scan_any (scan, any->str))
    return;
  for (guint i = 0; i < checks->len; i++)
    {
      LpCheckExpr *check = g_ptr_array_index (checks, i);
      g_autoptr(GPtrArray) mentioned = NULL;
      g_autofree char *where = g_strdup_printf ("NOT (%s)", check->expression);
      g_autofree char *rule = lp_check_rule_in_words (check->expression, check->column);
      g_autofree char *values = NULL;
      g_autofree char *names = NULL;

      if (check->column != NULL)
        {
          mentioned = g_ptr_array_new ();
          g_ptr_array_add (mentioned, check->column);
        }
      else
        mentioned = lp_mentioned_columns (check->expression, columns);
      if (mentioned->len == 0)
        continue;
      values = lp_values_sql (mentioned);
      names = lp_join_columns (mentioned);
      lp_scan_rows (scan, LP_PROBLEM_KIND_CHECK, names, values, from, where, rule, FALSE);
    }
}

static void
lp_scan_not_null (LpTableScan *scan,
                  sqlite3     *reference)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *from = g_strdup_printf ("%s AS t", scan->quoted);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) any = g_string_new (NULL);

  /* An INTEGER PRIMARY KEY is the rowid, which cannot be NULL. */
  if (sqlite3_prepare_v2 (reference,
        "SELECT c.name FROM pragma_table_info (?1) AS c WHERE c.\"notnull\" "
        "AND NOT (c.pk = 1 AND upper (c.type) = 'INTEGER' "
        "AND (SELECT count (*) FROM pragma_table_info (?1) WHERE pk > 0) = 1 "
        "AND NOT EXISTS (SELECT 1 FROM pragma_index_list (?1) WHERE origin = 'pk')) "
        "ORDER BY c.cid", -1, &stmt, NULL) != SQLITE_OK)
    return;
  sqlite3_bind_text (stmt, 1, scan->table, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *ident = lp_sqlite_quote_ident (lp_stmt_column_text (stmt, 0));

      g_ptr_array_add (columns, g_strdup (lp_stmt_column_text (stmt, 0)));
      g_string_append_printf (any, "%stypeof (t.%s) = 'null'", any->len > 0 ? " OR " : "", ident);
    }
  sqlite3_finalize (stmt);
  /* One pass to see whether any column is NULL, then one per column. */
  if (columns->len == 0 || !lp_scan_any (scan, any->str))
    return;
  for (guint i = 0; i < columns->len; i++)
    {
      const char *column = g_ptr_array_index (columns, i);
      g_autofree char *ident = lp_sqlite_quote_ident (column);
      g_autofree char *where = g_strdup_printf ("typeof (t.%s) = 'null'", ident);

      lp_scan_rows (scan, LP_PROBLEM_KIND_NOT_NULL, column, "'NULL'", from, where,
                    _("must not be empty"), FALSE);
    }
}

/* Foreign keys as foreign_key_check sees them (a row with any key column
 * NULL refers to nothing), but from the reference schema and with the row
 * named: foreign_key_check gives no rowid for a WITHOUT ROWID table. */
static void
lp_scan_foreign_keys (LpTableScan *scan,
                      sqlite3     *reference)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *from = g_strdup_printf ("%s AS t", scan->quoted);
  gint64 current = -1;
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) parents = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *parent = NULL;

  if (sqlite3_prepare_v2 (reference,
        "SELECT f.id, f.\"table\", f.\"from\", ifnull (f.\"to\", "
        "(SELECT name FROM pragma_table_info (f.\"table\") WHERE pk = f.seq + 1)) "
        "FROM pragma_foreign_key_list (?1) AS f ORDER BY f.id, f.seq", -1, &stmt, NULL) != SQLITE_OK)
    return;
  sqlite3_bind_text (stmt, 1, scan->table, -1, SQLITE_TRANSIENT);
  for (gboolean more = TRUE; more; )
    {
      more = sqlite3_step (stmt) == SQLITE_ROW;
      if (current >= 0 && (!more || sqlite3_column_int64 (stmt, 0) != current))
        {
          /* one whole key read: check it */
          g_autoptr(GString) where = g_string_new (NULL);
          g_autoptr(GString) match = g_string_new (NULL);
          g_autofree char *parent_ident = lp_sqlite_quote_ident (parent);
          g_autofree char *values = lp_values_sql (children);
          g_autofree char *names = lp_join_columns (children);
          const LpRowName *parent_name = lp_row_name_find (parent);
          g_autofree char *noun = parent_name != NULL
            ? g_strdup (g_dgettext (GETTEXT_PACKAGE, parent_name->noun))
            : g_strdup_printf (_("a row of table %s"), parent);
          g_autofree char *rule = g_strdup_printf (_("refers to %s that does not exist"), noun);

          for (guint i = 0; i < children->len; i++)
            {
              g_autofree char *c = lp_sqlite_quote_ident (g_ptr_array_index (children, i));
              g_autofree char *p = lp_sqlite_quote_ident (g_ptr_array_index (parents, i));
              g_string_append_printf (where, "typeof (t.%s) <> 'null' AND ", c);
              g_string_append_printf (match, "%sp.%s = t.%s", i > 0 ? " AND " : "", p, c);
            }
          g_string_append_printf (where, "NOT EXISTS (SELECT 1 FROM %s AS p WHERE %s)",
                                  parent_ident, match->str);
          lp_scan_rows (scan, LP_PROBLEM_KIND_FOREIGN_KEY, names, values, from, where->str, rule, FALSE);
          g_ptr_array_set_size (children, 0);
          g_ptr_array_set_size (parents, 0);
        }
      if (!more)
        break;
      current = sqlite3_column_int64 (stmt, 0);
      g_free (parent);
      parent = g_strdup (lp_stmt_column_text (stmt, 1));
      g_ptr_array_add (children, g_strdup (lp_stmt_column_text (stmt, 2)));
      g_ptr_array_add (parents, g_strdup (lp_stmt_column_text (stmt, 3)));
    }
  sqlite3_finalize (stmt);
}

/* Unique and primary keys held by more than one row, written with the
 * index dropped.  Rows with a NULL in the key are distinct, as in SQLite.
 * A key is a list of columns (with their collation) or, for an index
 * created by CREATE UNIQUE INDEX, of the expressions its statement lists
 * ("ifnull (locality_id, 0)"). */
static void
lp_scan_unique (LpTableScan *scan,
                sqlite3     *reference)
{
  sqlite3_stmt *indexes = NULL;

  if (sqlite3_prepare_v2 (reference,
        "SELECT il.name, m.sql FROM pragma_index_list (?1) AS il "
        "LEFT JOIN sqlite_schema AS m ON m.name = il.name AND m.type = 'index' "
        "WHERE il.\"unique\" AND NOT il.partial", -1, &indexes, NULL) != SQLITE_OK)
    return;
  sqlite3_bind_text (indexes, 1, scan->table, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (indexes) == SQLITE_ROW)
    {
      g_autoptr(GPtrArray) keys = NULL;
      g_autoptr(GPtrArray) columns = NULL;
      g_autoptr(GString) partition = g_string_new (NULL);
      g_autoptr(GString) not_null = g_string_new (NULL);
      const char *index_sql = (const char *) sqlite3_column_text (indexes, 1);

      if (index_sql != NULL)
        {
          g_autofree char *joined = NULL;

          keys = lp_split_definitions (index_sql);
          g_ptr_array_add (keys, NULL);
          joined = g_strjoinv (" ", (char **) keys->pdata);
          g_ptr_array_set_size (keys, keys->len - 1);
          columns = lp_mentioned_columns (joined, scan->columns);
        }
      else
        {
          sqlite3_stmt *info = NULL;

          keys = g_ptr_array_new_with_free_func (g_free);
          columns = g_ptr_array_new ();
          if (sqlite3_prepare_v2 (reference,
                "SELECT name, coll FROM pragma_index_xinfo (?1) WHERE key AND name IS NOT NULL "
                "ORDER BY seqno", -1, &info, NULL) == SQLITE_OK)
            {
              sqlite3_bind_text (info, 1, lp_stmt_column_text (indexes, 0), -1, SQLITE_TRANSIENT);
              while (sqlite3_step (info) == SQLITE_ROW)
                {
                  const char *column = lp_stmt_column_text (info, 0);
                  g_autofree char *ident = lp_sqlite_quote_ident (column);

                  for (guint c = 0; c < scan->columns->len; c++)
                    if (g_str_equal (g_ptr_array_index (scan->columns, c), column))
                      g_ptr_array_add (columns, g_ptr_array_index (scan->columns, c));
                  g_ptr_array_add (keys, g_strdup_printf ("%s COLLATE %s", ident,
                                                          lp_stmt_column_text (info, 1)));
                }
            }
          sqlite3_finalize (info);
        }
      for (guint k = 0; k < keys->len; k++)
        {
          g_string_append_printf (partition, "%s%s", k > 0 ? ", " : "", (char *) g_ptr_array_index (keys, k));
          g_string_append_printf (not_null, " AND typeof (%s) <> 'null'", (char *) g_ptr_array_index (keys, k));
        }
      if (keys->len > 0 && columns->len > 0)
        {
          g_autofree char *values = lp_values_sql (columns);
          g_autofree char *names = lp_join_columns (columns);
          gboolean by_rowid = g_str_has_prefix (scan->key_sql, "'rowid=");
          /* the inner query counts the holders of each row's key; the
           * outer keeps the rows whose key is held more than once */
          g_autofree char *from = g_strdup_printf (
              "(SELECT t.*%s, count (*) OVER (PARTITION BY %s) AS n "
              "FROM %s AS t WHERE 1%s) AS t", by_rowid ? ", t.rowid AS rowid" : "",
              partition->str, scan->quoted, not_null->str);

          lp_scan_rows (scan, LP_PROBLEM_KIND_UNIQUE, names, values, from, "n > 1", NULL, TRUE);
        }
    }
  sqlite3_finalize (indexes);
}

/**
 * lp_check_constraints:
 * @db: the plan's connection, read-only or not
 * @reference: an empty database with this build's schema
 *
 * Adds a problem for every row of @db that breaks a CHECK, a NOT NULL, a
 * foreign key or a unique key of @reference's tables.
 */
void
lp_check_constraints (sqlite3   *db,
                      sqlite3   *reference,
                      GPtrArray *problems)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (reference,
        "SELECT name, sql FROM sqlite_schema WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &stmt, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LpTableScan scan = { 0 };

      scan.db = db;
      scan.table = lp_stmt_column_text (stmt, 0);
      scan.quoted = lp_sqlite_quote_ident (scan.table);
      scan.key_sql = lp_key_sql (reference, scan.table);
      scan.name = lp_row_name_find (scan.table);
      scan.problems = problems;
      scan.columns = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_unref (lp_check_split_checks (lp_stmt_column_text (stmt, 1), scan.columns));
      lp_scan_not_null (&scan, reference);
      lp_scan_checks (&scan, lp_stmt_column_text (stmt, 1));
      lp_scan_foreign_keys (&scan, reference);
      lp_scan_unique (&scan, reference);
      g_ptr_array_unref (scan.columns);
      g_free (scan.quoted);
      g_free (scan.key_sql);
    }
  sqlite3_finalize (stmt);
}
