/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bundled sample plan reproduces the figures East and North
 * Hertfordshire CCG published for 2018-19 (Operational Plan, April 2018;
 * Hertfordshire and West Essex STP plan, October 2016). */
#include <sqlite3.h>

#include "lp-core.h"

static LpPlan *
open_sample (void)
{
  const char *path = g_getenv ("LP_SAMPLE_PLAN");
  g_autoptr(GError) error = NULL;
  LpPlan *plan;

  g_assert_nonnull (path);
  plan = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  return plan;
}

/* A single integer from the sample, for tables the domain API does not
 * cover yet (tests may read the file directly, as a user's sqlite3 can). */
static gint64
sample_int (const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (g_getenv ("LP_SAMPLE_PLAN"), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static const struct {
  const char *name;
  guint       practices;
  gint64      patients;
} published_localities[] = {
  { "North Herts", 12, 116154 },
  { "Stevenage", 7, 96338 },
  { "Welwyn Hatfield", 10, 121995 },
  { "Upper Lea Valley", 15, 125168 },
  { "Lower Lea Valley", 8, 75825 },
  { "Stort Valley and Villages", 5, 61427 },
};

static void
test_localities (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autoptr(GListModel) localities = lp_plan_list_localities (plan, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (localities), ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (published_localities); i++)
    {
      g_autoptr(LpLocality) locality = NULL;
      gint64 id = lp_plan_find_locality (plan, published_localities[i].name);

      g_assert_cmpint (id, !=, 0);
      locality = lp_plan_get_locality (plan, id, NULL);
      g_assert_cmpuint (lp_locality_get_practice_count (locality), ==, published_localities[i].practices);
      g_assert_cmpint (lp_locality_get_registered_patients (locality), ==, published_localities[i].patients);
    }
}

static void
test_summary (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autoptr(GError) error = NULL;
  LpPlanSummary summary;

  g_assert_true (lp_plan_get_summary (plan, &summary, &error));
  g_assert_cmpuint (summary.localities, ==, 6);
  g_assert_cmpuint (summary.practices, ==, 57);
  g_assert_cmpint (summary.registered_patients, ==, 596907);
  g_assert_cmpuint (summary.contracts, ==, 11);
  g_assert_cmpint (summary.contract_value_pounds, ==, 505666000);
  g_assert_cmpint (summary.qipp_saving_pounds, ==, 15223243);
}

static void
test_practices_are_illustrative (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autoptr(GListModel) practices = lp_plan_list_practices (plan, 0, NULL);
  g_autofree char *notes = lp_plan_dup_info (plan, "notes");

  g_assert_cmpuint (g_list_model_get_n_items (practices), ==, 57);
  for (guint i = 0; i < 57; i++)
    {
      g_autoptr(LpPractice) practice = g_list_model_get_item (practices, i);
      g_assert_true (g_str_has_prefix (lp_practice_get_ods_code (practice), "X06K"));
      g_assert_true (g_str_has_prefix (lp_practice_get_notes (practice), "Illustrative practice"));
      g_assert_cmpint (lp_practice_get_list_size (practice), >, 0);
      g_assert_cmpstr (lp_practice_get_list_size_date (practice), ==, "2018-01-01");
    }
  g_assert_nonnull (strstr (notes, "ILLUSTRATIVE"));
}

static void
test_contracts (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autoptr(GListModel) contracts = lp_plan_list_contracts (plan, NULL);
  g_autoptr(LpContract) largest = g_list_model_get_item (contracts, 0);
  guint with_vulnerable = 0, vulnerable_services = 0;

  g_assert_cmpstr (lp_contract_get_provider (largest), ==, "East and North Hertfordshire NHS Trust");
  g_assert_cmpint (lp_contract_get_annual_value_pounds (largest), ==, 221961000);
  g_assert_cmpint (lp_contract_get_length_months (largest), ==, 24);
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(LpContract) contract = g_list_model_get_item (contracts, i);
      if (*lp_contract_get_vulnerable_services (contract) != '\0')
        with_vulnerable++;
      if (g_str_equal (lp_contract_get_provider (contract), "Herts Urgent Care"))
        {
          g_assert_cmpint (lp_contract_get_length_months (contract), ==, 60);
          g_assert_cmpint (lp_contract_get_extension_months (contract), ==, 24);
          g_assert_cmpstr (lp_contract_get_sector (contract), ==, "Independent");
        }
    }
  vulnerable_services = (guint) sample_int ("SELECT count(*) FROM vulnerable_service");
  g_assert_cmpuint (with_vulnerable, ==, 2);        /* ENHT and PAH */
  g_assert_cmpuint (vulnerable_services, ==, 14);   /* 5 + 9 */
}

static void
test_growth_assumptions (void)
{
  g_assert_cmpint (sample_int ("SELECT count(*) FROM growth_assumption"), ==, 15);
  g_assert_cmpint (sample_int ("SELECT growth_bp FROM growth_assumption WHERE activity_line = 'NEL_0LOS'"), ==, 1330);
  g_assert_cmpint (sample_int ("SELECT growth_bp FROM growth_assumption WHERE activity_line = 'NEL_1LOS'"), ==, -290);
  g_assert_cmpint (sample_int ("SELECT growth_bp FROM growth_assumption WHERE activity_line = 'OP_FIRST'"), ==, 500);
  g_assert_cmpint (sample_int ("SELECT growth_bp FROM growth_assumption WHERE activity_line = 'RTT_ADM'"), ==, 630);
}

static void
test_qipp (void)
{
#define POD_SAVING "SELECT sum(saving_pounds) FROM qipp_reduction WHERE pod = "
#define POD_ACTIVITY "SELECT sum(activity) FROM qipp_reduction WHERE pod = "
  g_assert_cmpint (sample_int ("SELECT sum(saving_pounds) FROM qipp_reduction"), ==, 15223243);
  g_assert_cmpint (sample_int ("SELECT count(*) FROM qipp_programme"), ==, 9);
  g_assert_cmpint (sample_int ("SELECT sum(saving_pounds) FROM qipp_reduction JOIN qipp_programme ON id = programme_id "
                               "WHERE name LIKE 'Frailty%'"), ==, 3600590);
  g_assert_cmpint (sample_int (POD_SAVING "'AE'"), ==, 2792121);
  g_assert_cmpint (sample_int (POD_SAVING "'NEL'"), ==, 5508564);
  g_assert_cmpint (sample_int (POD_SAVING "'PRESC'"), ==, 1524333);
  /* The published activity totals. */
  g_assert_cmpint (sample_int (POD_ACTIVITY "'AE'"), ==, 30374);
  g_assert_cmpint (sample_int (POD_ACTIVITY "'AMB'"), ==, 2600);
  g_assert_cmpint (sample_int (POD_ACTIVITY "'OPFA'"), ==, 7628);
  g_assert_cmpint (sample_int (POD_ACTIVITY "'OPFU'"), ==, 4311);
  g_assert_cmpint (sample_int (POD_ACTIVITY "'EL'"), ==, 1185);
  /* The published non-elective total, 953, leaves out Frailty's 1,494. */
  g_assert_cmpint (sample_int (POD_ACTIVITY "'NEL'"), ==, 953 + 1494);
#undef POD_SAVING
#undef POD_ACTIVITY
}

static void
test_pathways (void)
{
#define HORIZON_SUM(what, years, category) \
  "SELECT sum(" what ") FROM pathway_change JOIN pathway ON pathway.id = pathway_id " \
  "WHERE level = 'stp' AND horizon_years = " years " AND category LIKE '" category "'"
  g_assert_cmpint (sample_int ("SELECT count(*) FROM pathway"), ==, 8);
  g_assert_cmpint (sample_int (HORIZON_SUM ("activity", "3", "inpatient")), ==, 16025);
  g_assert_cmpint (sample_int (HORIZON_SUM ("bed_days", "3", "inpatient")), ==, 24534);
  g_assert_cmpint (sample_int (HORIZON_SUM ("activity", "5", "inpatient")), ==, 36048);
  g_assert_cmpint (sample_int (HORIZON_SUM ("bed_days", "5", "inpatient")), ==, 51874);
  g_assert_cmpint (sample_int (HORIZON_SUM ("activity", "3", "ae_outpatient")), ==, 185847);
  g_assert_cmpint (sample_int (HORIZON_SUM ("activity", "5", "ae_outpatient")), ==, 456145);
  g_assert_cmpint (sample_int (HORIZON_SUM ("activity", "3", "%")), ==, 201872);
  g_assert_cmpint (sample_int (HORIZON_SUM ("activity", "5", "%")), ==, 492193);
  g_assert_cmpint (sample_int ("SELECT activity FROM pathway_change JOIN pathway ON pathway.id = pathway_id "
                               "WHERE name = 'Frailty' AND horizon_years = 3 AND level = 'stp'"), ==, 11231);
  /* Lower Lea Valley's own published per-month plan, entered directly. */
  g_assert_cmpint (sample_int ("SELECT count(*) FROM pathway_change JOIN locality ON locality.id = locality_id "
                               "WHERE locality.name = 'Lower Lea Valley' AND period = 'month'"), ==, 16);
  g_assert_cmpint (sample_int ("SELECT round (sum (activity) * 10) FROM pathway_change "
                               "WHERE level = 'locality' AND horizon_years = 3"), ==, 2415);
#undef HORIZON_SUM
}

static void
test_access_and_workforce (void)
{
  g_assert_cmpint (sample_int ("SELECT count(*) FROM access_trajectory"), ==, 5);
  /* A quarter's target from its first month: 2017/18 Q4 from January 2018,
   * 2018/19 Q3 from October 2018. */
  g_assert_cmpint (sample_int ("SELECT target_bp FROM access_trajectory WHERE period_month = '2018-01-01'"), ==, 2100);
  g_assert_cmpint (sample_int ("SELECT target_bp FROM access_trajectory WHERE period_month = '2018-10-01'"), ==, 10000);
  g_assert_cmpint (sample_int ("SELECT target_bp FROM access_trajectory WHERE label = '2018/19 Q2 (August)'"), ==, 8100);
  g_assert_cmpint (sample_int ("SELECT target_bp FROM access_trajectory WHERE label = '2018/19 Q3'"), ==, 10000);
  g_assert_cmpint (sample_int ("SELECT fte_change FROM workforce_target WHERE staff_group = 'GP'"), ==, 40);
  g_assert_cmpint (sample_int ("SELECT fte_change FROM workforce_target WHERE staff_group = 'NURSE'"), ==, 77);
  /* Every practice has an illustrative GP and nurse baseline. */
  g_assert_cmpint (sample_int ("SELECT count(DISTINCT practice_id) FROM workforce_fte JOIN staff_role "
                               "ON code = role WHERE staff_group = 'GP' AND fte > 0"), ==, 57);
  g_assert_cmpint (sample_int ("SELECT count(DISTINCT practice_id) FROM workforce_fte JOIN staff_role "
                               "ON code = role WHERE staff_group = 'NURSE' AND fte > 0"), ==, 57);
}

static void
test_sample_is_sound (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = lp_plan_check (plan, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((LpProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sample/localities", test_localities);
  g_test_add_func ("/sample/summary", test_summary);
  g_test_add_func ("/sample/practices-illustrative", test_practices_are_illustrative);
  g_test_add_func ("/sample/contracts", test_contracts);
  g_test_add_func ("/sample/growth-assumptions", test_growth_assumptions);
  g_test_add_func ("/sample/qipp", test_qipp);
  g_test_add_func ("/sample/pathways", test_pathways);
  g_test_add_func ("/sample/access-and-workforce", test_access_and_workforce);
  g_test_add_func ("/sample/sound", test_sample_is_sound);
  return g_test_run ();
}
