/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PCN workforce publication imported into PCN-level FTE, and a
 * locality's practice and PCN staff read side by side, on the small plan
 * of tests/fixtures/pcn-workforce-plan.sql whose figures are worked out by
 * hand there and below. */
#include <math.h>

#include "core-test-util.h"
#include "lp-plan-private.h"

typedef struct {
  char   *dir;
  char   *path;
  LpPlan *plan;
} Fixture;

static char *
fixture_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *plan_sql = test_fixture_sql ("pcn-workforce-plan.sql");
  g_autoptr(GError) error = NULL;

  f->dir = test_tmp_dir ();
  f->path = test_tmp_path (f->dir, "plan.lpplan");
  f->plan = test_new_plan (f->dir);
  g_assert_true (lp_sqlite_exec (lp_plan_get_db (f->plan), plan_sql, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->plan);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static LpImportReport *
import_file (Fixture     *f,
             const char  *name,
             GError     **error)
{
  g_autofree char *file = fixture_file (name);
  LpImportOptions options = { 0, };

  return lp_plan_import (f->plan, file, &options, NULL, NULL, error);
}

static void
import_ok (Fixture    *f,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpImportReport) report = import_file (f, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpint (report->kind, ==, LP_IMPORT_PCN_WORKFORCE);
  g_assert_cmpstr (report->extract_date, ==, "2024-06-30");
}

/* FTE x 1000 of a PCN's role at June 2024; -1 for no row, -2 for missing. */
static gint64
pcn_fte (Fixture    *f,
         const char *pcn,
         const char *role)
{
  return test_sql_intf (f->path, "SELECT ifnull ((SELECT ifnull (round (fte * 1000), -2) FROM pcn_workforce_fte "
                        "WHERE pcn_code = '%s' AND role = '%s' AND as_at = '2024-06-30'), -1)", pcn, role);
}

static void
test_roles (void)
{
  static const struct { const char *published; const char *role; } names[] = {
    { "Clinical Pharmacist", "DPC_PHARMACIST" },
    { "Pharmacists", "DPC_PHARMACIST" },
    { "Social Prescribing Link Workers (Non-Mental Health Practitioners)", "DPC_SPLW" },
    { "Care Co-ordinator", "DPC_CARE_COORDINATOR" },
    { "Care Coordinators", "DPC_CARE_COORDINATOR" },
    { "First Contact Physiotherapist", "DPC_PHYSIO" },
    { "Health and Wellbeing Coaches", "DPC_HWB_COACH" },
    { "Health & Wellbeing Coach", "DPC_HWB_COACH" },
    { "Nursing Associate", "DPC_NURSING_ASSOC" },
    { "Trainee Nursing Associates", "DPC_TRAINEE_NURSING_ASSOC" },
    { "Advanced Practitioner", "DPC_ADVANCED_PRACTITIONER" },
    { "Advanced Paramedic Practitioners", "DPC_ADVANCED_PRACTITIONER" },
    { "Mental Health and Wellbeing Practitioners (Mental Health Practitioners)", "DPC_MENTAL_HEALTH" },
    { "General Practice Assistants", "DPC_GP_ASSISTANT" },
    { "Digital and Transformation Lead", "ADMIN_DIGITAL_LEAD" },
    { "Dietitians", "DPC_DIETITIAN" },
    { "Podiatrist", "DPC_PODIATRIST" },
    { "Occupational Therapists", "DPC_OCCUPATIONAL_THERAPIST" },
    { "Physician Associates", "DPC_PHYSICIAN_ASSOC" },
    { "Pharmacy Technicians", "DPC_PHARM_TECH" },
    { "Paramedics", "DPC_PARAMEDIC" },
    { "Clinical Directors", "ADMIN_PCN_CLINICAL_DIRECTOR" },
    { "  CLINICAL   PHARMACIST ", "DPC_PHARMACIST" },
    { "Chief Wellbeing Wizard", NULL },
    { "", NULL },
    { "s", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (lp_import_pcn_role (names[i].published), ==, names[i].role);
}

static void
test_detect (void)
{
  static const char * const files[] = { "pcn-workforce-individual.csv", "pcn-workforce-roles.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *file = fixture_file (files[i]);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (lp_import_detect (file, &error), ==, LP_IMPORT_PCN_WORKFORCE);
      g_assert_no_error (error);
    }
}

/* The individual-level file added up by PCN and role; headcount by
 * distinct UNIQUE_IDENTIFIER. */
static void
test_import_individual (Fixture       *f,
                        gconstpointer  data)
{
  import_ok (f, "pcn-workforce-individual.csv");
  /* 16 rows into 14 figures. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count (*) FROM pcn_workforce_fte"), ==, 14);
  /* Stevenage North: pharmacists 1.0 + 0.6; the HWB coach's ND stays
   * missing, with one person. */
  g_assert_cmpint (pcn_fte (f, "U12345", "DPC_PHARMACIST"), ==, 1600);
  g_assert_cmpint (pcn_fte (f, "U12345", "DPC_SPLW"), ==, 800);
  g_assert_cmpint (pcn_fte (f, "U12345", "DPC_CARE_COORDINATOR"), ==, 1000);
  g_assert_cmpint (pcn_fte (f, "U12345", "ADMIN_PCN_CLINICAL_DIRECTOR"), ==, 250);
  g_assert_cmpint (pcn_fte (f, "U12345", "DPC_HWB_COACH"), ==, -2);
  g_assert_cmpint (test_sql_int (f->path, "SELECT headcount FROM pcn_workforce_fte WHERE pcn_code = 'U12345' "
                                 "AND role = 'DPC_HWB_COACH'"), ==, 1);
  /* Care coordinators 0.6 + 0.4, two people; person 2003 also a link
   * worker (0.2). */
  g_assert_cmpint (pcn_fte (f, "U23456", "DPC_CARE_COORDINATOR"), ==, 1000);
  g_assert_cmpint (test_sql_int (f->path, "SELECT headcount FROM pcn_workforce_fte WHERE pcn_code = 'U23456' "
                                 "AND role = 'DPC_CARE_COORDINATOR'"), ==, 2);
  g_assert_cmpint (pcn_fte (f, "U23456", "DPC_SPLW"), ==, 200);
  g_assert_cmpint (pcn_fte (f, "U23456", "DPC_ADVANCED_PRACTITIONER"), ==, 500);
  g_assert_cmpint (pcn_fte (f, "U23456", "DPC_TRAINEE_NURSING_ASSOC"), ==, 1000);
  /* A pooled link worker: FTE, no identifier, so no headcount. */
  g_assert_cmpint (pcn_fte (f, "U34567", "DPC_SPLW"), ==, 400);
  g_assert_cmpint (test_sql_int (f->path, "SELECT headcount IS NULL FROM pcn_workforce_fte WHERE pcn_code = 'U34567' "
                                 "AND role = 'DPC_SPLW'"), ==, 1);
  /* Totals by role over the three PCNs: pharmacists 1.6 + 1.0 = 2.6, link
   * workers 0.8 + 0.2 + 0.4 = 1.4, care coordinators 1.0 + 1.0 = 2.0; all
   * 10.35 FTE, of it ARRS 10.1 (all but the clinical director). */
  g_assert_cmpint (test_sql_int (f->path, "SELECT round (sum (fte) * 1000) FROM pcn_workforce_fte "
                                 "WHERE role = 'DPC_PHARMACIST'"), ==, 2600);
  g_assert_cmpint (test_sql_int (f->path, "SELECT round (sum (fte) * 1000) FROM pcn_workforce_fte "
                                 "WHERE role = 'DPC_SPLW'"), ==, 1400);
  g_assert_cmpint (test_sql_int (f->path, "SELECT round (sum (fte) * 1000) FROM pcn_workforce_fte "
                                 "WHERE role = 'DPC_CARE_COORDINATOR'"), ==, 2000);
  g_assert_cmpint (test_sql_int (f->path, "SELECT round (sum (fte) * 1000) FROM pcn_workforce_fte"), ==, 10350);
  g_assert_cmpint (test_sql_int (f->path, "SELECT round (sum (fte) * 1000) FROM pcn_workforce_fte "
                                 "JOIN staff_role ON code = role WHERE is_arrs = 1"), ==, 10100);
  /* The names as the file gives them, the file as the source, and the
   * import logged. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count (*) FROM pcn_workforce_fte WHERE pcn_name = 'HITCHIN TOWN PCN' "
                                 "AND source = 'pcn-workforce-individual.csv'"), ==, 3);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count (*) FROM import_log WHERE kind = 'pcn-workforce' "
                                 "AND file_date = '2024-06-30' AND rows = 16"), ==, 1);
  /* The practices' own figures are not touched. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count (*) FROM workforce_fte"), ==, 7);
}

/* Re-importing a census replaces each PCN's figures at that date whole;
 * the other PCNs keep theirs.  Undo puts the first import's back. */
static void
test_reimport_replaces (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  import_ok (f, "pcn-workforce-individual.csv");
  import_ok (f, "pcn-workforce-individual.csv");
  g_assert_cmpint (test_sql_int (f->path, "SELECT count (*) FROM pcn_workforce_fte"), ==, 14);
  g_assert_cmpint (pcn_fte (f, "U12345", "DPC_PHARMACIST"), ==, 1600);

  /* The role-level table for U12345 alone: pharmacists 2.0, an HWB coach
   * 0.5 ("Health & Wellbeing Coaches"), a dietitian NA; its link worker,
   * care coordinator and clinical director are gone. */
  import_ok (f, "pcn-workforce-roles.csv");
  g_assert_cmpint (test_sql_int (f->path, "SELECT count (*) FROM pcn_workforce_fte WHERE pcn_code = 'U12345'"), ==, 3);
  g_assert_cmpint (pcn_fte (f, "U12345", "DPC_PHARMACIST"), ==, 2000);
  g_assert_cmpint (pcn_fte (f, "U12345", "DPC_HWB_COACH"), ==, 500);
  g_assert_cmpint (pcn_fte (f, "U12345", "DPC_DIETITIAN"), ==, -2);
  g_assert_cmpint (pcn_fte (f, "U12345", "DPC_SPLW"), ==, -1);
  g_assert_cmpint (test_sql_int (f->path, "SELECT headcount FROM pcn_workforce_fte WHERE pcn_code = 'U12345' "
                                 "AND role = 'DPC_PHARMACIST'"), ==, 2);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count (*) FROM pcn_workforce_fte WHERE pcn_code <> 'U12345'"), ==, 9);

  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Import pcn-workforce-roles.csv");
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count (*) FROM pcn_workforce_fte"), ==, 14);
  g_assert_cmpint (pcn_fte (f, "U12345", "DPC_PHARMACIST"), ==, 1600);
  g_assert_cmpint (pcn_fte (f, "U12345", "DPC_SPLW"), ==, 800);
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count (*) FROM pcn_workforce_fte"), ==, 0);
}

/* A bad row is named by file, line, column and value; nothing is
 * imported and the plan file is byte for byte as it was. */
static void
test_bad_rows (Fixture       *f,
               gconstpointer  data)
{
  static const struct { const char *file; const char *expected; } bad[] = {
    { "pcn-workforce-bad-fte.csv", ", line 4, column FTE: “0.8 FTE” is not a number of 0 or more "
                                   "(nor a missing-value marker such as ND or NA)" },
    { "pcn-workforce-bad-role.csv", ", line 3, column STAFF_ROLE: “Chief Wellbeing Wizard” is not a staff role "
                                    "Locality Planner knows (the roles it reads are listed in the help on importing)" },
  };

  import_ok (f, "pcn-workforce-individual.csv");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *name = g_build_filename ("bad", bad[i].file, NULL);
      g_autofree char *file = fixture_file (name);
      g_autofree char *expected = g_strconcat (file, bad[i].expected, NULL);
      g_autofree char *before = test_file_checksum (f->path);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LpImportReport) report = import_file (f, name, &error);

      g_assert_null (report);
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
      after = test_file_checksum (f->path);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (pcn_fte (f, "U12345", "DPC_PHARMACIST"), ==, 1600);
    }
}

static const LpWorkforceStaffRow *
find_row (const LpWorkforceStaff *staff,
          const char             *pcn,
          const char             *role)
{
  for (guint i = 0; i < staff->rows->len; i++)
    {
      const LpWorkforceStaffRow *row = g_ptr_array_index (staff->rows, i);
      if (g_strcmp0 (row->pcn_code, pcn) == 0 && g_str_equal (row->role, role))
        return row;
    }
  return NULL;
}

static const LpWorkforceStaffGroup *
find_group (const LpWorkforceStaff *staff,
            const char             *code)
{
  for (guint i = 0; i < staff->groups->len; i++)
    {
      const LpWorkforceStaffGroup *group = g_ptr_array_index (staff->groups, i);
      if (g_str_equal (group->staff_group, code))
        return group;
    }
  return NULL;
}

/* Stevenage: its practices' staff, all of Stevenage North PCN's, and 25%
 * of Stevenage South and Hitchin's; Hitchin the other 75%. */
static void
test_staff_by_employer (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpWorkforceStaff) before = lp_plan_workforce_staff (f->plan, 1, &error);
  g_autoptr(LpWorkforceStaff) stevenage = NULL;
  g_autoptr(LpWorkforceStaff) hitchin = NULL;
  g_autoptr(LpWorkforceStaff) all = NULL;
  const LpWorkforceStaffRow *row;
  const LpWorkforceStaffGroup *group;
  const LpWorkforcePcnShare *share;

  /* Before the import: practice staff only; the PCNs are known (from the
   * practice map) but have no staff. */
  g_assert_no_error (error);
  g_assert_null (before->census_date);
  g_assert_cmpstr (before->practice_date, ==, "2024-06-30");
  g_assert_cmpuint (before->pcns->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (before->practice_fte, 9.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (before->pcn_fte, 0, 1e-9);

  import_ok (f, "pcn-workforce-individual.csv");
  stevenage = lp_plan_workforce_staff (f->plan, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stevenage->census_date, ==, "2024-06-30");
  /* Patients: 8,000 + 12,000 + 6,000 (June 2024, not 2023's 60,000). */
  g_assert_cmpint (stevenage->patients, ==, 26000);

  /* The PCNs by name, the split one at 6,000 / 24,000. */
  g_assert_cmpuint (stevenage->pcns->len, ==, 2);
  share = g_ptr_array_index (stevenage->pcns, 0);
  g_assert_cmpstr (share->pcn_code, ==, "U12345");
  g_assert_false (lp_workforce_pcn_share_is_split (share));
  share = g_ptr_array_index (stevenage->pcns, 1);
  g_assert_cmpstr (share->pcn_code, ==, "U23456");
  g_assert_cmpstr (share->pcn_name, ==, "Stevenage South and Hitchin PCN");
  g_assert_true (lp_workforce_pcn_share_is_split (share));
  g_assert_cmpfloat_with_epsilon (share->share, 0.25, 1e-12);
  g_assert_cmpint (share->patients, ==, 6000);
  g_assert_cmpint (share->pcn_patients, ==, 24000);

  /* Practice rows first, labelled by no PCN: the practice pharmacist 0.5
   * is the practice's own, beside the PCN's. */
  row = g_ptr_array_index (stevenage->rows, 0);
  g_assert_null (row->pcn_code);
  g_assert_cmpstr (row->role, ==, "GP_PARTNER");
  g_assert_cmpfloat_with_epsilon (row->fte, 7.0, 1e-9);
  row = find_row (stevenage, NULL, "DPC_PHARMACIST");
  g_assert_cmpfloat_with_epsilon (row->fte, 0.5, 1e-9);
  g_assert_true (row->is_arrs);
  row = find_row (stevenage, NULL, "N_PRACTICE");
  g_assert_false (row->has_fte);
  g_assert_cmpuint (row->missing, ==, 1);
  row = find_row (stevenage, "U12345", "DPC_PHARMACIST");
  g_assert_cmpfloat_with_epsilon (row->fte, 1.6, 1e-9);
  g_assert_cmpstr (row->pcn_name, ==, "Stevenage North PCN");
  row = find_row (stevenage, "U12345", "DPC_HWB_COACH");
  g_assert_false (row->has_fte);
  row = find_row (stevenage, "U12345", "ADMIN_PCN_CLINICAL_DIRECTOR");
  g_assert_false (row->is_arrs);
  /* 25% of U23456's pharmacist 1.0 and care coordinators 1.0. */
  row = find_row (stevenage, "U23456", "DPC_PHARMACIST");
  g_assert_cmpfloat_with_epsilon (row->fte, 0.25, 1e-9);
  row = find_row (stevenage, "U23456", "DPC_CARE_COORDINATOR");
  g_assert_cmpfloat_with_epsilon (row->fte, 0.25, 1e-9);
  g_assert_null (find_row (stevenage, "U34567", "DPC_SPLW"));
  /* Practices 4 roles, U12345 5, U23456 6. */
  g_assert_cmpuint (stevenage->rows->len, ==, 4 + 5 + 6);

  /* Totals.  Practices 4 + 3 + 2 + 0.5 = 9.5.  PCNs: U12345 1.6 + 0.8 +
   * 1.0 + 0.25 = 3.65, U23456 4.5 x 25% = 1.125: 4.775; ARRS all but the
   * clinical director, 4.525.  Missing: the nurse and the coach. */
  g_assert_cmpfloat_with_epsilon (stevenage->practice_fte, 9.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (stevenage->pcn_fte, 4.775, 1e-9);
  g_assert_cmpfloat_with_epsilon (stevenage->arrs_fte, 4.525, 1e-9);
  g_assert_cmpuint (stevenage->missing, ==, 2);
  /* By group: GPs 9.0 practice, none PCN, 26,000 / 9 patients per FTE;
   * DPC 0.5 practice and 4.525 PCN: 52,000 per practice FTE and
   * 26,000 / 5.025 = 5,174.13 with the PCNs'. */
  g_assert_cmpuint (stevenage->groups->len, ==, 4);
  group = find_group (stevenage, "NURSE");
  g_assert_false (group->has_practice_fte);
  g_assert_false (group->has_pcn_fte);
  group = find_group (stevenage, "GP");
  g_assert_true (group->has_practice_fte);
  g_assert_false (group->has_pcn_fte);
  g_assert_cmpfloat_with_epsilon (group->practice_fte, 9.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (group->pcn_fte, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (group->patients_per_fte, 26000.0 / 9.0, 1e-6);
  group = find_group (stevenage, "DPC");
  g_assert_cmpfloat_with_epsilon (group->practice_fte, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (group->pcn_fte, 4.525, 1e-9);
  g_assert_cmpfloat_with_epsilon (group->patients_per_practice_fte, 52000, 1e-6);
  g_assert_cmpfloat_with_epsilon (group->patients_per_fte, 26000.0 / 5.025, 1e-6);
  group = find_group (stevenage, "ADMIN");
  g_assert_cmpfloat_with_epsilon (group->pcn_fte, 0.25, 1e-9);

  /* Hitchin: U23456 x 75% = 3.375 and U34567 0.8 + 1.0 + 0.4 = 2.2. */
  hitchin = lp_plan_workforce_staff (f->plan, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (hitchin->pcn_fte, 5.575, 1e-9);
  g_assert_cmpfloat_with_epsilon (hitchin->practice_fte, 11.0, 1e-9);
  share = g_ptr_array_index (hitchin->pcns, 1);
  g_assert_cmpstr (share->pcn_code, ==, "U23456");
  g_assert_cmpfloat_with_epsilon (share->share, 0.75, 1e-12);

  /* Every locality: each PCN whole, once: 10.35. */
  all = lp_plan_workforce_staff (f->plan, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (all->pcn_fte, 10.35, 1e-9);
  g_assert_cmpfloat_with_epsilon (all->pcn_fte, stevenage->pcn_fte + hitchin->pcn_fte, 1e-9);
  g_assert_cmpfloat_with_epsilon (all->practice_fte, 20.5, 1e-9);
  g_assert_cmpint (all->patients, ==, 54000);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pcn-workforce/roles", test_roles);
  g_test_add_func ("/pcn-workforce/detect", test_detect);
  g_test_add ("/pcn-workforce/import-individual", Fixture, NULL, fixture_set_up, test_import_individual,
              fixture_tear_down);
  g_test_add ("/pcn-workforce/reimport-replaces", Fixture, NULL, fixture_set_up, test_reimport_replaces,
              fixture_tear_down);
  g_test_add ("/pcn-workforce/bad-rows", Fixture, NULL, fixture_set_up, test_bad_rows, fixture_tear_down);
  g_test_add ("/pcn-workforce/staff-by-employer", Fixture, NULL, fixture_set_up, test_staff_by_employer,
              fixture_tear_down);
  return g_test_run ();
}
