/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Builds the bundled sample plan (East and North Hertfordshire CCG 2018-19)
 * from the readable CSV files in data/sample/.  Everything goes in one
 * transaction: a mistake in any file leaves no plan behind. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lp-contract.h"
#include "lp-csv.h"
#include "lp-list-size.h"
#include "lp-locality.h"
#include "lp-plan-private.h"
#include "lp-practice.h"
#include "lp-access.h"
#include "lp-sample.h"
#include "lp-validate.h"

typedef struct {
  LpPlan      *plan;
  LpCsvReader *csv;
  char        *extract_date;
  gint64       scenario_id;
  int          sort_order;
} LpSample;

typedef gboolean (*LpSampleRowFunc) (LpSample *sample, GError **error);

#define SAMPLE_PRACTICE_NOTE \
  "Illustrative practice: its name, code, postcode, list size and workforce are made up."

static const char *
col (LpSample   *sample,
     const char *name)
{
  return lp_csv_reader_get (sample->csv, lp_csv_reader_find_column (sample->csv, name));
}

static gboolean
lp_sample_load_file (LpSample         *sample,
                     const char       *data_dir,
                     const char       *file_name,
                     LpSampleRowFunc   row_func,
                     GError          **error)
{
  g_autofree char *path = g_build_filename (data_dir, file_name, NULL);
  g_autoptr(LpCsvReader) csv = lp_csv_reader_open (path, TRUE, error);
  gboolean ok = csv != NULL;

  sample->csv = csv;
  while (ok && lp_csv_reader_next (csv, error))
    if (!row_func (sample, error))
      {
        g_prefix_error (error, "%s, line %" G_GUINT64_FORMAT ": ", file_name, lp_csv_reader_get_line (csv));
        ok = FALSE;
      }
  sample->csv = NULL;
  return ok && (error == NULL || *error == NULL);
}

static gboolean
lp_sample_plan_row (LpSample *sample, GError **error)
{
  if (g_strcmp0 (col (sample, "key"), "list_size_extract") == 0)
    {
      g_free (sample->extract_date);
      sample->extract_date = g_strdup (col (sample, "value"));
    }
  return lp_plan_set_info (sample->plan, col (sample, "key"), col (sample, "value"), error);
}

static gboolean
lp_sample_locality_row (LpSample *sample, GError **error)
{
  g_autofree char *notes = g_strdup_printf ("Priorities 2018-19: %s", col (sample, "priorities"));
  LpLocalityFields fields = { col (sample, "name"), col (sample, "code"), notes };

  return lp_plan_add_locality (sample->plan, &fields, error) != 0;
}

static gboolean
lp_sample_practice_row (LpSample *sample, GError **error)
{
  LpPracticeFields fields = { col (sample, "ods_code"), col (sample, "name"), col (sample, "postcode"),
                              lp_plan_find_locality (sample->plan, col (sample, "locality_code")),
                              "active", SAMPLE_PRACTICE_NOTE };
  gint64 patients, id;

  if (fields.locality_id == 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID, _("no locality has the code “%s”"),
                        col (sample, "locality_code")), FALSE;
  if (!lp_parse_count (_("List size"), col (sample, "list_size"), &patients, error) ||
      (id = lp_plan_add_practice (sample->plan, &fields, error)) == 0)
    return FALSE;
  return lp_plan_set_list_size (sample->plan, id, sample->extract_date, patients,
                                "sample: illustrative list size", error);
}

static gboolean
lp_sample_contract_row (LpSample *sample, GError **error)
{
  LpContractFields fields = { col (sample, "provider"), col (sample, "sector"), col (sample, "service"),
                              col (sample, "start_date"), col (sample, "end_date"), 0, 0, col (sample, "notes") };

  return lp_parse_count (_("Extension"), col (sample, "extension_months"), &fields.extension_months, error) &&
         lp_parse_pounds (_("Annual value"), col (sample, "annual_value_pounds"), &fields.annual_value_pounds, error) &&
         lp_plan_add_contract (sample->plan, &fields, error) != 0;
}

static gboolean
lp_sample_vulnerable_row (LpSample *sample, GError **error)
{
  g_autoptr(GListModel) contracts = lp_plan_list_contracts (sample->plan, error);
  guint n = contracts != NULL ? g_list_model_get_n_items (contracts) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LpContract) contract = g_list_model_get_item (contracts, i);
      if (g_strcmp0 (lp_contract_get_provider (contract), col (sample, "provider")) == 0)
        return lp_plan_add_vulnerable_service (sample->plan, lp_contract_get_id (contract),
                                               col (sample, "service"), error) != 0;
    }
  if (contracts != NULL)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID, _("no contract with provider “%s”"),
                 col (sample, "provider"));
  return FALSE;
}

/* Binds the values in order and runs @sql.  @types has a letter per
 * parameter: i gint64, d double, t text (NULL binds NULL), n NULL (takes no
 * argument). */
static gboolean
lp_sample_insert (LpSample    *sample,
                  const char  *sql,
                  GError     **error,
                  const char  *types,
                  ...)
{
  sqlite3_stmt *stmt = lp_plan_prepare (sample->plan, sql, error);
  va_list args;

  if (stmt == NULL)
    return FALSE;
  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    {
      if (types[i] == 'i')
        sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
      else if (types[i] == 'd')
        sqlite3_bind_double (stmt, i + 1, va_arg (args, double));
      else if (types[i] == 'n')
        sqlite3_bind_null (stmt, i + 1);   /* takes no argument */
      else
        lp_stmt_bind_text (stmt, i + 1, va_arg (args, const char *));
    }
  va_end (args);
  return lp_stmt_run (sample->plan, stmt, _("add sample data"), error);
}

static gboolean
lp_sample_growth_row (LpSample *sample, GError **error)
{
  gint64 bp;

  return lp_parse_percent_bp (_("Growth"), col (sample, "growth_percent"), &bp, error) &&
         lp_sample_insert (sample,
                           "INSERT INTO growth_assumption (scenario_id, activity_line, financial_year, growth_bp) "
                           "VALUES (?1, ?2, ?3, ?4)", error, "itti",
                           sample->scenario_id, col (sample, "activity_line"),
                           col (sample, "financial_year"), bp);
}

/* Returns the id of the row named @name in @table's lookup, adding it with
 * @insert_sql (parameters: id, name, sort order, extra) if missing. */
static gint64
lp_sample_ensure (LpSample    *sample,
                  const char  *select_sql,
                  const char  *insert_sql,
                  const char  *name,
                  const char  *extra,
                  GError     **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (sample->plan, select_sql, error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id != 0)
    return id;
  id = lp_id_new ();
  return lp_sample_insert (sample, insert_sql, error, "itit", id, name, (gint64) ++sample->sort_order, extra)
         ? id : 0;
}

static gboolean
lp_sample_qipp_row (LpSample *sample, GError **error)
{
  const char *activity = col (sample, "activity");
  gint64 saving, units = 0;
  gint64 programme = lp_sample_ensure (sample, "SELECT id FROM qipp_programme WHERE name = ?1",
      "INSERT INTO qipp_programme (id, name, sort_order) VALUES (?1, ?2, ?3)",
      col (sample, "programme"), NULL, error);

  return programme != 0 &&
         lp_parse_pounds (_("Saving"), col (sample, "saving_pounds"), &saving, error) &&
         (*activity == '\0' || lp_parse_count (_("Activity"), activity, &units, error)) &&
         lp_sample_insert (sample,
                           "INSERT INTO qipp_reduction (scenario_id, programme_id, pod, financial_year, "
                           "saving_pounds, activity) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error,
                           *activity == '\0' ? "iittin" : "iittid",
                           sample->scenario_id, programme, col (sample, "pod"),
                           col (sample, "financial_year"), saving, (double) units);
}

static gboolean
lp_sample_pathway_row (LpSample *sample, GError **error)
{
  const char *locality_code = col (sample, "locality");
  gint64 locality = *locality_code != '\0' ? lp_plan_find_locality (sample->plan, locality_code) : 0;
  gint64 horizon;
  double activity, bed_days;
  gint64 pathway = lp_sample_ensure (sample, "SELECT id FROM pathway WHERE name = ?1",
      "INSERT INTO pathway (id, name, sort_order, category) VALUES (?1, ?2, ?3, ?4)",
      col (sample, "pathway"), col (sample, "category"), error);

  if (*locality_code != '\0' && locality == 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID, _("no locality has the code “%s”"),
                        locality_code), FALSE;
  if (pathway == 0 ||
      !lp_parse_count (_("Horizon"), col (sample, "horizon_years"), &horizon, error) ||
      !lp_parse_decimal (_("Activity"), col (sample, "activity"), 0, &activity, error) ||
      !lp_parse_decimal (_("Bed days"), col (sample, "bed_days"), 0, &bed_days, error))
    return FALSE;
  /* NULLIF: the STP's and the CCG's own figures belong to no locality. */
  return lp_sample_insert (sample,
                           "INSERT INTO pathway_change (id, scenario_id, pathway_id, level, locality_id, "
                           "horizon_years, period, activity, bed_days) "
                           "VALUES (?1, ?2, ?3, ?4, nullif (?5, 0), ?6, ?7, ?8, ?9)",
                           error, "iiitiitdd", lp_id_new (), sample->scenario_id, pathway,
                           col (sample, "level"), locality, horizon, col (sample, "period"), activity, bed_days);
}

/* The period as the plan wrote it ("2018/19 Q2 (July)") gives the month. */
static gboolean
lp_sample_trajectory_row (LpSample *sample, GError **error)
{
  g_autofree char *month = lp_access_parse_period (col (sample, "period"), error);
  gint64 bp;

  return month != NULL &&
         lp_parse_percent_bp (_("Target"), col (sample, "target_percent"), &bp, error) &&
         lp_sample_insert (sample,
                           "INSERT INTO access_trajectory (id, scenario_id, label, period_month, target_bp) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)", error, "iitti",
                           lp_id_new (), sample->scenario_id, col (sample, "period"), month, bp);
}

static gboolean
lp_sample_provision_row (LpSample *sample, GError **error)
{
  gint64 practice = lp_plan_find_practice (sample->plan, col (sample, "ods_code"));
  gint64 minutes;

  if (practice == 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID, _("no practice has the code “%s”"),
                        col (sample, "ods_code")), FALSE;
  return lp_parse_count (_("Minutes a week"), col (sample, "minutes_per_week"), &minutes, error) &&
         lp_sample_insert (sample,
                           "INSERT INTO access_provision (id, scenario_id, practice_id, basis, start_date, level, "
                           "minutes_per_week) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error, "iiittti",
                           lp_id_new (), sample->scenario_id, practice, col (sample, "basis"),
                           col (sample, "start_date"), col (sample, "level"), minutes);
}

static gboolean
lp_sample_rule_row (LpSample *sample, GError **error)
{
  double minutes;
  gint64 round;

  return lp_parse_decimal (_("Minutes per 1,000"), col (sample, "minutes_per_1000"), 0, &minutes, error) &&
         lp_parse_count (_("Round to a quarter hour"), col (sample, "round_to_quarter_hour"), &round, error) &&
         lp_sample_insert (sample,
                           "INSERT INTO capacity_rule (id, name, start_date, minutes_per_1000, round_to_quarter_hour) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)", error, "ittdi",
                           lp_id_new (), col (sample, "name"), col (sample, "start_date"), minutes, round);
}

static gboolean
lp_sample_target_row (LpSample *sample, GError **error)
{
  double fte;

  return lp_parse_decimal (_("FTE change"), col (sample, "fte_change"), -1e6, &fte, error) &&
         lp_sample_insert (sample,
                           "INSERT INTO workforce_target (id, scenario_id, level, staff_group, fte_change, "
                           "due_date, label) VALUES (?1, ?2, 'ccg', ?3, ?4, ?5, ?6)", error, "iitdtt",
                           lp_id_new (), sample->scenario_id, col (sample, "staff_group"), fte,
                           col (sample, "due_date"), col (sample, "label"));
}

static gboolean
lp_sample_workforce_row (LpSample *sample, GError **error)
{
  gint64 practice = lp_plan_find_practice (sample->plan, col (sample, "ods_code"));
  gint64 headcount;
  double fte;

  if (practice == 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID, _("no practice has the code “%s”"),
                        col (sample, "ods_code")), FALSE;
  return lp_parse_decimal (_("FTE"), col (sample, "fte"), 0, &fte, error) &&
         lp_parse_count (_("Headcount"), col (sample, "headcount"), &headcount, error) &&
         lp_sample_insert (sample,
                           "INSERT INTO workforce_fte (practice_id, role, as_at, fte, headcount, source) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, 'sample: illustrative')", error, "ittdi",
                           practice, col (sample, "role"), col (sample, "as_at"), fte, headcount);
}

static gboolean
lp_sample_change_row (LpSample *sample, GError **error)
{
  gint64 practice = lp_plan_find_practice (sample->plan, col (sample, "ods_code"));
  double joiners, leavers, retirements;

  if (practice == 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID, _("no practice has the code “%s”"),
                        col (sample, "ods_code")), FALSE;
  return lp_parse_decimal (_("Joiners"), col (sample, "joiners"), 0, &joiners, error) &&
         lp_parse_decimal (_("Leavers"), col (sample, "leavers"), 0, &leavers, error) &&
         lp_parse_decimal (_("Retirements"), col (sample, "retirements"), 0, &retirements, error) &&
         lp_sample_insert (sample,
                           "INSERT INTO workforce_change (id, scenario_id, practice_id, role, quarter_start, "
                           "joiners, leavers, retirements) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error,
                           "iiittddd", lp_id_new (), sample->scenario_id, practice, col (sample, "role"),
                           col (sample, "quarter_start"), joiners, leavers, retirements);
}

/* A role's yearly turnover and joiner rates, both as percentages. */
static gboolean
lp_sample_turnover_row (LpSample *sample, GError **error)
{
  gint64 turnover, joiners;

  return lp_parse_percent_bp (_("Turnover"), col (sample, "turnover_percent"), &turnover, error) &&
         lp_parse_percent_bp (_("Joiners"), col (sample, "joiner_percent"), &joiners, error) &&
         lp_sample_insert (sample,
                           "INSERT INTO workforce_turnover (scenario_id, role, annual_rate_bp, joiner_rate_bp) "
                           "VALUES (?1, ?2, ?3, ?4)",
                           error, "itii", sample->scenario_id, col (sample, "role"), turnover, joiners);
}

static gboolean
lp_sample_reference_row (LpSample *sample, GError **error)
{
  double value;

  return lp_parse_decimal (_("Value"), col (sample, "value"), -1e12, &value, error) &&
         lp_sample_insert (sample,
                           "INSERT INTO reference_figure (code, label, value, as_at, source) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)", error, "ttdtt",
                           col (sample, "code"), col (sample, "label"), value,
                           col (sample, "as_at"), col (sample, "source"));
}

static const struct {
  const char      *file;
  LpSampleRowFunc  row;
} sample_files[] = {
  { "plan.csv", lp_sample_plan_row },
  { "localities.csv", lp_sample_locality_row },
  { "practices.csv", lp_sample_practice_row },
  { "contracts.csv", lp_sample_contract_row },
  { "vulnerable_services.csv", lp_sample_vulnerable_row },
  { "activity_growth.csv", lp_sample_growth_row },
  { "qipp.csv", lp_sample_qipp_row },
  { "pathways.csv", lp_sample_pathway_row },
  { "access_trajectory.csv", lp_sample_trajectory_row },
  { "access_provision.csv", lp_sample_provision_row },
  { "capacity_rules.csv", lp_sample_rule_row },
  { "workforce_targets.csv", lp_sample_target_row },
  { "workforce_baseline.csv", lp_sample_workforce_row },
  { "workforce_changes.csv", lp_sample_change_row },
  { "workforce_turnover.csv", lp_sample_turnover_row },
  { "reference_figures.csv", lp_sample_reference_row },
};

static gboolean
lp_sample_load_all (LpSample    *sample,
                    const char  *data_dir,
                    GError     **error)
{
  if (!lp_plan_begin_write (sample->plan, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (sample_files); i++)
    if (!lp_sample_load_file (sample, data_dir, sample_files[i].file, sample_files[i].row, error))
      {
        lp_plan_rollback (sample->plan);
        return FALSE;
      }
  return lp_plan_commit (sample->plan, error);
}

gboolean
lp_sample_build (const char  *data_dir,
                 const char  *plan_path,
                 GError     **error)
{
  LpSample sample = { 0 };
  gboolean ok;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (plan_path != NULL, FALSE);

  sample.plan = lp_plan_create (plan_path, error);
  if (sample.plan == NULL)
    return FALSE;
  sample.scenario_id = lp_plan_get_base_scenario_id (sample.plan);
  ok = lp_sample_load_all (&sample, data_dir, error);
  g_clear_object (&sample.plan);
  g_free (sample.extract_date);
  if (!ok)
    g_unlink (plan_path);
  return ok;
}
