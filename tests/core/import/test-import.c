/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing the NHS files into a copy of the sample plan. */
#include "core-test-util.h"

typedef struct {
  char   *dir;
  char   *path;
  LpPlan *plan;
} Fixture;

static char *
fixture_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) sample = lp_plan_open (g_getenv ("LP_SAMPLE_PLAN"), LP_PLAN_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  f->dir = test_tmp_dir ();
  f->path = test_tmp_path (f->dir, "plan.lpplan");
  g_assert_true (lp_plan_save_copy (sample, f->path, &error));
  f->plan = lp_plan_open (f->path, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->plan);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static LpImportReport *
import_ok (Fixture               *f,
           const char            *name,
           const LpImportOptions *options)
{
  g_autofree char *file = fixture_file (name);
  g_autoptr(GError) error = NULL;
  LpImportReport *report = lp_plan_import (f->plan, file, options, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static gint64
list_size (Fixture *f, const char *code, const char *date)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ifnull ((SELECT patients FROM list_size JOIN practice ON id = practice_id "
                                          "WHERE ods_code = '%s' AND extract_date = '%s'), -1)", code, date);
  return test_sql_int (f->path, sql);
}

static void
test_detect (Fixture *f, gconstpointer data)
{
  static const struct { const char *file; LpImportKind kind; } files[] = {
    { "gp-reg-pat-prac-all.csv", LP_IMPORT_GP_REG_TOTALS },
    { "gp-reg-pat-prac-all-2025.csv", LP_IMPORT_GP_REG_TOTALS },
    { "gp-reg-pat-prac-quin-age.csv", LP_IMPORT_GP_REG_QUINARY },
    { "gp-reg-pat-prac-sing-age-male.csv", LP_IMPORT_GP_REG_SINGLE_AGE },
    { "gp-reg-pat-prac-map.csv", LP_IMPORT_GP_REG_MAP },
    { "epraccur.csv", LP_IMPORT_ODS_EPRACCUR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *file = fixture_file (files[i].file);
      g_autoptr(GError) error = NULL;
      g_assert_cmpint (lp_import_detect (file, &error), ==, files[i].kind);
      g_assert_no_error (error);
    }
}

static void
test_totals_skip_unknown (Fixture *f, gconstpointer data)
{
  LpImportOptions options = { 0 };
  g_autoptr(LpImportReport) report = import_ok (f, "gp-reg-pat-prac-all.csv", &options);

  g_assert_cmpint (report->kind, ==, LP_IMPORT_GP_REG_TOTALS);
  g_assert_cmpstr (report->extract_date, ==, "2021-01-01");
  g_assert_cmpuint (report->rows_read, ==, 4);
  g_assert_cmpuint (report->rows_imported, ==, 3);
  g_assert_cmpuint (report->unknown_practices, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (report->unknown_practice_codes, 0), ==, "A84002");
  g_assert_cmpuint (report->new_practices, ==, 0);
  /* The plan's other 54 practices are reported, not deleted. */
  g_assert_cmpuint (report->missing_practices->len, ==, 54);
  g_assert_cmpstr (g_ptr_array_index (report->missing_practices, 0), ==, "X06K04");
  g_assert_cmpint (list_size (f, "X06K01", "2021-01-01"), ==, 12400);
  g_assert_cmpint (list_size (f, "X06K03", "2021-01-01"), ==, 9100);
  g_assert_cmpint (list_size (f, "X06K01", "2018-01-01"), ==, 12326);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM practice"), ==, 57);
  g_assert_cmpint (test_sql_int (f->path,
      "SELECT count(*) FROM import_log WHERE file_name = 'gp-reg-pat-prac-all.csv' AND file_date = '2021-01-01' "
      "AND rows = 3 AND length (file_sha256) = 64"), ==, 1);
  /* The file's SHA-256, as sha256sum gives it. */
  g_assert_cmpint (test_sql_int (f->path,
      "SELECT count(*) FROM import_log WHERE file_name = 'gp-reg-pat-prac-all.csv' AND file_sha256 = "
      "'2cd0b154c912e8ceda6d1d6c71da15319b8f17b5778b6de81398a6eaea2756d9'"), ==, 1);
}

static void
test_totals_add_new_and_reimport (Fixture *f, gconstpointer data)
{
  LpImportOptions options = { .add_new_practices = TRUE };
  g_autoptr(LpImportReport) first = import_ok (f, "gp-reg-pat-prac-all.csv", &options);
  g_autoptr(LpImportReport) again = import_ok (f, "gp-reg-pat-prac-all.csv", &options);

  g_assert_cmpuint (first->new_practices, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (first->new_practice_codes, 0), ==, "A84002");
  g_assert_cmpuint (again->new_practices, ==, 0);
  g_assert_cmpint (list_size (f, "A84002", "2021-01-01"), ==, 5903);
  /* Importing the same extract again replaces its figures. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM list_size WHERE extract_date = '2021-01-01'"), ==, 4);
  /* The totals file has no names: the code stands in until one comes. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM practice WHERE ods_code = 'A84002' AND name = 'A84002'"),
                   ==, 1);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM import_log"), ==, 2);
}

static void
test_totals_zipped (Fixture *f, gconstpointer data)
{
  LpImportOptions options = { 0 };
  g_autoptr(LpImportReport) report = import_ok (f, "gp-reg-pat-prac-all.zip", &options);

  /* The CSV inside is read directly: same figures as the plain file. */
  g_assert_cmpint (report->kind, ==, LP_IMPORT_GP_REG_TOTALS);
  g_assert_cmpuint (report->rows_imported, ==, 3);
  g_assert_cmpint (list_size (f, "X06K01", "2021-01-01"), ==, 12400);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM import_log WHERE file_name = 'gp-reg-pat-prac-all.zip' "
                                          "AND length (file_sha256) = 64"), ==, 1);
}

static void
test_totals_newer_layout (Fixture *f, gconstpointer data)
{
  LpImportOptions options = { 0 };
  g_autoptr(LpImportReport) report = import_ok (f, "gp-reg-pat-prac-all-2025.csv", &options);

  g_assert_cmpstr (report->extract_date, ==, "2025-10-01");
  g_assert_cmpint (list_size (f, "X06K01", "2025-10-01"), ==, 12800);
  g_assert_cmpint (list_size (f, "X06K13", "2025-10-01"), ==, 1);   /* tiny lists are real */
}

static void
test_quinary (Fixture *f, gconstpointer data)
{
  LpImportOptions options = { 0 };
  g_autoptr(LpImportReport) report = import_ok (f, "gp-reg-pat-prac-quin-age.csv", &options);

  /* The ICB and PCN rows are left out: only GP rows count. */
  g_assert_cmpuint (report->rows_read, ==, 6);
  g_assert_cmpuint (report->rows_imported, ==, 4);
  g_assert_cmpint (list_size (f, "X06K01", "2026-04-01"), ==, 13000);
  g_assert_cmpint (test_sql_int (f->path, "SELECT patients FROM list_size_age WHERE sex = 'female' AND age_band = '95+'"),
                   ==, 41);
  g_assert_cmpint (test_sql_int (f->path, "SELECT patients FROM list_size_age WHERE sex = 'male' AND age_band = '0_4'"),
                   ==, 380);
}

static void
test_single_age_per_sex (Fixture *f, gconstpointer data)
{
  LpImportOptions options = { 0 };
  g_autoptr(LpImportReport) male = import_ok (f, "gp-reg-pat-prac-sing-age-male.csv", &options);
  g_autoptr(LpImportReport) female = NULL;

  /* One sex is not a list size... */
  g_assert_cmpint (list_size (f, "X06K05", "2021-07-01"), ==, -1);
  female = import_ok (f, "gp-reg-pat-prac-sing-age-female.csv", &options);
  /* ...both are: 2,010 men and 2,090 women. */
  g_assert_cmpint (list_size (f, "X06K05", "2021-07-01"), ==, 4100);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM list_size_age"), ==, 6);
}

static void
test_practice_map (Fixture *f, gconstpointer data)
{
  LpImportOptions options = { .add_new_practices = TRUE };
  g_autoptr(LpImportReport) report = import_ok (f, "gp-reg-pat-prac-map.csv", &options);

  g_assert_cmpuint (report->new_practices, ==, 1);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM practice WHERE name = 'MADE UP MEDICAL GROUP'"), ==, 1);
  /* The user's own name for a practice is kept. */
  g_assert_cmpint (test_sql_int (f->path,
      "SELECT count(*) FROM practice WHERE ods_code = 'X06K01' AND name = 'Hitchin Bridge Family Practice'"), ==, 1);
  g_assert_cmpint (test_sql_int (f->path,
      "SELECT count(*) FROM practice_grouping WHERE kind = 'pcn' AND code = 'U99001'"), ==, 1);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM practice_grouping"), ==, 8);
}

/* Into an empty plan: the practice map makes localities from the PCNs. */
static void
test_localities_from_pcns (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autofree char *file = fixture_file ("gp-reg-pat-prac-map.csv");
  LpImportOptions options = { .add_new_practices = TRUE, .localities_from = "pcn" };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpImportReport) report = lp_plan_import (plan, file, &options, NULL, NULL, &error);
  g_autoptr(GListModel) localities = NULL;
  g_autoptr(LpLocality) first = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (report->new_practices, ==, 2);
  localities = lp_plan_list_localities (plan, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (localities), ==, 2);
  first = g_list_model_get_item (localities, 0);
  g_assert_cmpstr (lp_locality_get_name (first), ==, "NORTH HERTS PCN ONE");
  g_assert_cmpstr (lp_locality_get_code (first), ==, "U99001");
  g_assert_cmpuint (lp_locality_get_practice_count (first), ==, 1);
  g_clear_object (&plan);
  test_rm_rf (dir);
}

static void
test_localities_kept (Fixture *f, gconstpointer data)
{
  LpImportOptions options = { .add_new_practices = TRUE, .localities_from = "sub_icb" };
  g_autoptr(LpImportReport) report = import_ok (f, "gp-reg-pat-prac-map.csv", &options);

  /* The sample's practices keep their localities; only A84002, new, goes
   * into a locality named after its Sub-ICB. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM locality"), ==, 7);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM practice JOIN locality ON locality.id = locality_id "
                                          "WHERE ods_code = 'X06K01' AND locality.name = 'North Herts'"), ==, 1);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM practice JOIN locality ON locality.id = locality_id "
                                          "WHERE ods_code = 'A84002' AND locality.name = 'NHS NORTHUMBERLAND'"), ==, 1);
}

static void
test_epraccur (Fixture *f, gconstpointer data)
{
  LpImportOptions options = { .add_new_practices = TRUE, .commissioner = "06K" };
  g_autoptr(LpImportReport) report = import_ok (f, "epraccur.csv", &options);

  /* The prison is not a GP practice; A84002 belongs to another commissioner. */
  g_assert_cmpuint (report->rows_read, ==, 4);
  g_assert_cmpuint (report->rows_imported, ==, 2);
  g_assert_cmpuint (report->new_practices, ==, 0);
  g_assert_cmpint (test_sql_int (f->path,
      "SELECT count(*) FROM practice WHERE ods_code = 'X06K02' AND status = 'closed' AND commissioner = '06K'"), ==, 1);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM practice WHERE ods_code IN ('Y99001', 'A84002')"), ==, 0);
}

static void
test_epraccur_every_commissioner (Fixture *f, gconstpointer data)
{
  LpImportOptions options = { .add_new_practices = TRUE };
  g_autoptr(LpImportReport) report = import_ok (f, "epraccur.csv", &options);

  g_assert_cmpuint (report->new_practices, ==, 1);
  g_assert_cmpint (test_sql_int (f->path,
      "SELECT count(*) FROM practice WHERE ods_code = 'A84002' AND status = 'active' AND commissioner = '00L'"), ==, 1);
}

typedef struct {
  int    calls;
  int    cancel_after;
} Progress;

static gboolean
on_progress (guint64 rows, guint64 done, guint64 total, gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, <=, total);
  return ++progress->calls < progress->cancel_after;
}

static void
test_progress_and_cancel (Fixture *f, gconstpointer data)
{
  g_autofree char *file = fixture_file ("gp-reg-pat-prac-all.csv");
  g_autofree char *before = test_file_checksum (f->path);
  g_autofree char *after = NULL;
  LpImportOptions options = { 0 };
  Progress progress = { 0, 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpImportReport) report = lp_plan_import (f->plan, file, &options, on_progress, &progress, &error);

  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* FTE of a practice's role at a date: -1 when the row is missing, -2 when
 * the row holds no figure (missing in the file, not zero). */
static double
fte_of (Fixture *f, const char *code, const char *role, const char *as_at)
{
  g_autofree char *sql = g_strdup_printf (
      "SELECT ifnull ((SELECT ifnull (fte * 1000, -2000) FROM workforce_fte JOIN practice ON id = practice_id "
      "WHERE ods_code = '%s' AND role = '%s' AND as_at = '%s'), -1000)", code, role, as_at);
  return test_sql_int (f->path, sql) / 1000.0;
}

static void
test_workforce_detailed (Fixture *f, gconstpointer data)
{
  LpImportOptions options = { 0 };
  g_autoptr(LpImportReport) report = import_ok (f, "1 General Practice – June 2024 Practice Level - Detailed.csv", &options);
  const char *june = "2024-06-30";

  g_assert_cmpint (report->kind, ==, LP_IMPORT_WORKFORCE_DETAILED);
  g_assert_cmpstr (report->extract_date, ==, june);
  /* Senior partner 1.0 + partner/provider 2.5; headcount 1 + 3. */
  g_assert_cmpfloat_with_epsilon (fte_of (f, "X06K01", "GP_PARTNER", june), 3.5, 1e-9);
  g_assert_cmpint (test_sql_int (f->path, "SELECT headcount FROM workforce_fte WHERE role = 'GP_PARTNER' "
                                          "AND as_at = '2024-06-30' AND fte = 3.5"), ==, 4);
  /* A locum column marked ND is left out of the sum, not read as 0... */
  g_assert_cmpfloat_with_epsilon (fte_of (f, "X06K01", "GP_LOCUM", june), 0.3, 1e-9);
  /* ...and where every figure is missing the FTE stays missing. */
  g_assert_cmpfloat (fte_of (f, "X06K01", "N_PRACTICE", june), ==, -2);
  g_assert_cmpfloat (fte_of (f, "X06K01", "DPC_PHARMACIST", june), ==, -2);
  g_assert_cmpfloat (fte_of (f, "X06K02", "GP_PARTNER", june), ==, -2);
  g_assert_cmpfloat_with_epsilon (fte_of (f, "X06K01", "ADMIN_RECEPTION", june), 4.53, 1e-9);
  /* The file's own subtotals would count the same GPs twice. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(DISTINCT role) FROM workforce_fte WHERE as_at = '2024-06-30'"),
                   ==, 6);
}

static void
test_workforce_high_level (Fixture *f, gconstpointer data)
{
  LpImportOptions options = { 0 };
  g_autoptr(LpImportReport) report = import_ok (f, "General Practice – March 2023 Practice Level - High level.csv", &options);
  const char *march = "2023-03-31";

  g_assert_cmpint (report->kind, ==, LP_IMPORT_WORKFORCE_HIGH_LEVEL);
  g_assert_cmpfloat_with_epsilon (fte_of (f, "X06K01", "GP_PARTNER", march), 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (fte_of (f, "X06K01", "DPC_PHARMACIST", march), 0.8, 1e-9);
  g_assert_cmpfloat (fte_of (f, "X06K01", "N_ANP", march), ==, -2);
  /* Dispensers are not a role the plan keeps. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM workforce_fte WHERE as_at = '2023-03-31'"), ==, 4);
}

static void
test_workforce_needs_a_date (Fixture *f, gconstpointer data)
{
  g_autofree char *source = fixture_file ("General Practice – March 2023 Practice Level - High level.csv");
  g_autofree char *renamed = test_tmp_path (f->dir, "workforce.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpImportReport) report = NULL;
  LpImportOptions options = { 0 };
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  test_write_file (renamed, contents, length);
  report = lp_plan_import (f->plan, renamed, &options, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "does not say which month"));
  g_clear_error (&error);
  options.as_at = "2023-03-31";
  report = lp_plan_import (f->plan, renamed, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_imported, >, 0);
}

static void
test_dry_run_changes_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *before = test_file_checksum (f->path);
  g_autofree char *after = NULL;
  LpImportOptions options = { .add_new_practices = TRUE, .dry_run = TRUE };
  g_autoptr(LpImportReport) report = import_ok (f, "gp-reg-pat-prac-all.csv", &options);

  /* The report says what a real import would do... */
  g_assert_cmpuint (report->rows_imported, ==, 4);
  g_assert_cmpuint (report->new_practices, ==, 1);
  g_assert_cmpstr (report->used_columns[0], ==, "CODE");
  g_assert_true (g_strv_contains ((const char * const *) report->used_columns, "NUMBER_OF_PATIENTS"));
  g_assert_true (g_strv_contains ((const char * const *) report->used_columns, "EXTRACT_DATE"));
  g_assert_false (g_strv_contains ((const char * const *) report->used_columns, "POSTCODE"));
  /* ...and the plan file is as it was. */
  after = test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_peek (Fixture *f, gconstpointer data)
{
  g_autofree char *totals = fixture_file ("gp-reg-pat-prac-all.csv");
  g_autofree char *ods = fixture_file ("epraccur.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(LpImportPeek) peek = lp_import_peek (totals, 2, &error);
  g_autoptr(LpImportPeek) no_header = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (peek->kind, ==, LP_IMPORT_GP_REG_TOTALS);
  g_assert_cmpuint (g_strv_length (peek->header), ==, 10);
  g_assert_cmpuint (peek->rows->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (peek->rows, 1))[5], ==, "X06K02");
  no_header = lp_import_peek (ods, 10, &error);
  g_assert_no_error (error);
  g_assert_null (no_header->header);
  g_assert_cmpuint (no_header->rows->len, ==, 4);
  g_assert_cmpstr (((char **) g_ptr_array_index (no_header->rows, 0))[0], ==, "X06K01");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import/detect", test_detect);
  ADD ("/import/totals/skip-unknown", test_totals_skip_unknown);
  ADD ("/import/totals/add-new-and-reimport", test_totals_add_new_and_reimport);
  ADD ("/import/totals/newer-layout", test_totals_newer_layout);
  ADD ("/import/totals/zipped", test_totals_zipped);
  ADD ("/import/quinary", test_quinary);
  ADD ("/import/single-age-per-sex", test_single_age_per_sex);
  ADD ("/import/practice-map", test_practice_map);
  ADD ("/import/epraccur", test_epraccur);
  ADD ("/import/localities-from-pcns", test_localities_from_pcns);
  ADD ("/import/localities-kept", test_localities_kept);
  ADD ("/import/epraccur-every-commissioner", test_epraccur_every_commissioner);
  ADD ("/import/progress-and-cancel", test_progress_and_cancel);
  ADD ("/import/dry-run", test_dry_run_changes_nothing);
  ADD ("/import/workforce/detailed", test_workforce_detailed);
  ADD ("/import/workforce/high-level", test_workforce_high_level);
  ADD ("/import/workforce/needs-a-date", test_workforce_needs_a_date);
  ADD ("/import/peek", test_peek);
#undef ADD
  return g_test_run ();
}
