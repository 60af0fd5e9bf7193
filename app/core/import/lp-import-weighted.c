/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A weighted population per practice: a CSV of practice code and
 * weighted population, as NHS England publishes PCN adjusted populations
 * (columns such as "Practice Code" and "Adjusted Population").  It becomes
 * the plan's weights of the name given (LpImportOptions.weights_name,
 * "PCN adjusted" unless said), kind 'imported', with the file's name as
 * their source; a pathway or a scenario then shares by "weighted NAME".
 * The date the figures are as at is given (as_at) or read from an
 * EXTRACT_DATE column.  Re-importing the same name and date replaces it;
 * practices the plan does not hold are reported, as are the plan's
 * practices the file lacks. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lp-import-private.h"
#include "lp-validate.h"

#define LP_IMPORT_WEIGHTS_DEFAULT_NAME N_("PCN adjusted")

enum { W_CODE, W_POPULATION, W_DATE };

typedef struct {
  gint64  practice;
  double  population;
} LpWeightedFigure;

typedef struct {
  char    *name;
  GArray  *figures;   /* LpWeightedFigure */
} LpWeighted;

static void
lp_weighted_free (gpointer data)
{
  LpWeighted *weighted = data;

  g_free (weighted->name);
  g_array_unref (weighted->figures);
  g_free (weighted);
}

static const char * const code_names[] = {
  "PRACTICE_CODE", "Practice Code", "Practice code", "PRAC_CODE", "ORG_CODE", "Code", NULL
};
static const char * const population_names[] = {
  "WEIGHTED_POPULATION", "Weighted Population", "Weighted population", "ADJUSTED_POPULATION",
  "Adjusted Population", "Adjusted population", "PCN Adjusted Population", "PCN adjusted population",
  "WEIGHTED_LIST_SIZE", "Weighted List Size", "Weighted list size", NULL
};
static const char * const date_names[] = { "EXTRACT_DATE", "Extract Date", "AS_AT", "As At", "As at", NULL };

/* Whether a header is a weighted population's (lp_import_detect). */
gboolean
lp_import_weighted_header (LpCsvReader *csv)
{
  for (guint i = 0; population_names[i] != NULL; i++)
    if (lp_csv_reader_find_column (csv, population_names[i]) >= 0)
      return TRUE;
  return FALSE;
}

static gboolean
lp_weighted_bind (LpImporter  *importer,
                  GError     **error)
{
  LpWeighted *weighted = g_new0 (LpWeighted, 1);
  const char *name = importer->options->weights_name;

  importer->data = weighted;
  importer->data_free = lp_weighted_free;
  weighted->figures = g_array_new (FALSE, FALSE, sizeof (LpWeightedFigure));
  weighted->name = g_strstrip (g_strdup (name != NULL ? name : _(LP_IMPORT_WEIGHTS_DEFAULT_NAME)));
  if (weighted->name[0] == '\0')
    return g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                                _("Give the weighted population a name, such as PCN adjusted")), FALSE;
  if (!lp_validate_text (_("The weighted population’s name"), weighted->name, TRUE, LP_NAME_MAX_CHARS, error) ||
      !lp_importer_require (importer, W_CODE, code_names, error) ||
      !lp_importer_require (importer, W_POPULATION, population_names, error))
    return FALSE;
  importer->columns[W_DATE] = lp_importer_find (importer, date_names);
  if (importer->options->as_at != NULL)
    {
      if (!lp_validate_date (_("The date the figures are as at"), importer->options->as_at, error))
        return FALSE;
      importer->report->extract_date = g_strdup (importer->options->as_at);
      importer->columns[W_DATE] = -1;
    }
  else if (importer->columns[W_DATE] < 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("%s does not say the date its figures are as at: give the date"),
                        importer->file_name), FALSE;
  return TRUE;
}

static gboolean
lp_weighted_row (LpImporter  *importer,
                 GError     **error)
{
  LpWeighted *weighted = importer->data;
  const char *text = lp_importer_get (importer, W_POPULATION);
  LpWeightedFigure figure = { 0, 0 };
  g_autofree char *key = NULL;

  if (importer->columns[W_DATE] >= 0 && !lp_importer_extract_date (importer, W_DATE, error))
    return FALSE;
  if ((figure.practice = lp_importer_practice (importer, W_CODE, NULL, error)) == 0)
    return FALSE;
  key = g_strdup_printf ("practice:%" G_GINT64_FORMAT, figure.practice);
  if (!lp_importer_first_time (importer, key, W_CODE, error))
    return FALSE;
  if (!lp_parse_decimal_grouped ("", text, 0, &figure.population, NULL))
    {
      g_autofree char *why = g_strdup_printf (_("“%s” is not a population of 0 or more"), text);
      return lp_importer_bad_value (importer, W_POPULATION, why, error);
    }
  g_array_append_val (weighted->figures, figure);
  return TRUE;
}

/* The weights' row: made, or its source updated; weights by age band of
 * the same name are not replaced by a file. */
static gboolean
lp_weighted_write_weights (LpImporter  *importer,
                           LpWeighted  *weighted,
                           GError     **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (importer->plan,
      "SELECT kind = 'by_age' FROM population_weights WHERE name = ?1", error);
  gboolean by_age = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, weighted->name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    by_age = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (by_age)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("The plan already has weights by age band called “%s”: give the imported ones "
                          "another name"), weighted->name), FALSE;
  stmt = lp_plan_prepare (importer->plan,
      "INSERT INTO population_weights (name, kind, source) VALUES (?1, 'imported', ?2) "
      "ON CONFLICT (name) DO UPDATE SET source = excluded.source WHERE source IS NOT excluded.source", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, weighted->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, importer->file_name, -1, SQLITE_TRANSIENT);
  return lp_importer_run (importer, stmt, "population_weights", error);
}

static gboolean
lp_weighted_finish (LpImporter  *importer,
                    GError     **error)
{
  LpWeighted *weighted = importer->data;
  const char *as_at = importer->report->extract_date;
  sqlite3_stmt *stmt;

  if (as_at == NULL)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("%s does not say the date its figures are as at: give the date"),
                        importer->file_name), FALSE;
  if (!lp_weighted_write_weights (importer, weighted, error))
    return FALSE;
  /* The same figures imported again replace the earlier ones. */
  stmt = lp_plan_prepare (importer->plan,
      "DELETE FROM weighted_population WHERE weights_name = ?1 AND as_at = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, weighted->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, as_at, -1, SQLITE_TRANSIENT);
  if (!lp_importer_run (importer, stmt, "weighted_population", error))
    return FALSE;
  stmt = lp_plan_prepare (importer->plan,
      "INSERT INTO weighted_population (weights_name, practice_id, as_at, population) VALUES (?1, ?2, ?3, ?4)",
      error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < weighted->figures->len; i++)
    {
      const LpWeightedFigure *figure = &g_array_index (weighted->figures, LpWeightedFigure, i);

      sqlite3_bind_text (stmt, 1, weighted->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, figure->practice);
      sqlite3_bind_text (stmt, 3, as_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 4, figure->population);
      if (!lp_importer_run (importer, stmt, "weighted_population", error))
        return FALSE;
    }
  lp_importer_report_missing_practices (importer);
  return TRUE;
}

const LpImportHandler lp_import_weighted_population_handler = {
  LP_IMPORT_WEIGHTED_POPULATION, "weighted-population", TRUE,
  lp_weighted_bind, lp_weighted_row, lp_weighted_finish, TRUE,
};
