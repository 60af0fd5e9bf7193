/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A workshop copy's changes and conflicts put into words for the merge
 * window: the exact lines a commissioner reads, for the rows workshops
 * edit, and for every kind of conflict. */
#include <string.h>
#include <glib/gstdio.h>

#include "core-test-util.h"

/* The sample's keys are random per build: rows are found by natural keys. */
typedef struct {
  TestSample  sample;
  TestCopies  copies;
  gint64      scenario_id;     /* Base */
  gint64      stevenage_id;
} TestWords;

static void
words_set_up (TestWords     *f,
              gconstpointer  data)
{
  test_sample_set_up (&f->sample, data);
  f->scenario_id = test_sql_int (f->sample.path, "SELECT id FROM scenario WHERE name = 'Base'");
  f->stevenage_id = test_sql_int (f->sample.path, "SELECT id FROM locality WHERE name = 'Stevenage'");
  test_copies_prepare (&f->copies, &f->sample);
}

static void
words_tear_down (TestWords     *f,
                 gconstpointer  data)
{
  test_copies_remove (&f->copies);
  test_sample_tear_down (&f->sample, data);
}

static const LpCopyChange *
find_change (GPtrArray  *changes,
             const char *table,
             const char *row_key)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const LpCopyChange *change = g_ptr_array_index (changes, i);

      if (g_str_equal (change->table, table) && g_str_equal (change->row_key, row_key))
        return change;
    }
  g_error ("no change of %s %s", table, row_key);
}

/* The change of @table's row @row_key says exactly what is expected. */
static void
assert_change (LpWorkshopCopy *copy,
               GPtrArray      *changes,
               const char     *table,
               const char     *row_key,
               const char     *section,
               const char     *place,
               const char     *subject,
               const char     *text)
{
  g_autoptr(LpChangeWords) words = lp_workshop_copy_describe_change (copy, find_change (changes, table, row_key));

  g_assert_cmpstr (words->text, ==, text);
  g_assert_cmpstr (words->section, ==, section);
  g_assert_cmpstr (words->place, ==, place);
  g_assert_cmpstr (words->subject, ==, subject);
}

static char *
key_of (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static void
test_changes (TestWords     *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpWorkshopCopy) copy = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *list_key = g_strdup_printf ("%" G_GINT64_FORMAT ", 2018-01-01", f->copies.practice_id);
  g_autofree char *contract_key = key_of (f->copies.contract_id);
  g_autofree char *change_key = key_of (f->copies.change_id);
  gint64 moved_id = test_sql_int (f->sample.path, "SELECT id FROM practice WHERE ods_code = 'X06K02'");
  gint64 gone_id = test_sql_int (f->sample.path, "SELECT id FROM practice WHERE ods_code = 'X06K03'");
  g_autofree char *moved_key = key_of (moved_id);
  g_autofree char *gone_key = key_of (gone_id);
  g_autofree char *gone_list_key = g_strdup_printf ("%" G_GINT64_FORMAT ", 2018-01-01", gone_id);
  g_autofree char *target_key = key_of (test_sql_int (f->sample.path, "SELECT id FROM workforce_target "
                                                      "WHERE level = 'ccg' AND staff_group = 'GP'"));
  g_autofree char *provision_key = key_of (test_sql_int (f->copies.a, "SELECT a.id FROM access_provision a JOIN practice p "
                                                         "ON p.id = a.practice_id WHERE p.ods_code = 'X06K01' "
                                                         "AND a.basis = 'plan'"));
  g_autofree char *trajectory_key = key_of (test_sql_int (f->copies.a, "SELECT id FROM access_trajectory "
                                                          "WHERE locality_id IS NULL AND period_month = '2018-04-01'"));
  g_autofree char *growth_key = g_strdup_printf ("%" G_GINT64_FORMAT ", EL_DC, 2018/19", f->scenario_id);
  g_autofree char *welwyn_key = key_of (test_sql_int (f->copies.a, "SELECT id FROM locality WHERE name = 'Welwyn Hatfield'"));
  g_autofree char *joiners_key = key_of (test_sql_int (f->copies.a, "SELECT w.id FROM workforce_change w JOIN practice p "
                                                       "ON p.id = w.practice_id WHERE p.ods_code = 'X06K01' "
                                                       "AND w.role = 'GP_SALARIED' AND w.quarter_start = '2018-07-01'"));

  /* Copy A: a list size through core, everything else with plain SQL. */
  {
    g_autoptr(LpPlan) plan = lp_plan_open (f->copies.a, LP_PLAN_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (lp_plan_set_list_size (plan, f->copies.practice_id, "2018-01-01", 12400,
                                           "sample: illustrative list size", &error));
    g_assert_no_error (error);
  }
  test_sql_on_filef (f->copies.a,
               "INSERT INTO practice (id, ods_code, name, locality_id) VALUES (111, 'X99A01', 'Copy Surgery', %" G_GINT64_FORMAT ");"
               "UPDATE practice SET locality_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT ";"
               "UPDATE contract SET annual_value_pounds = 27000000 WHERE id = %" G_GINT64_FORMAT ";"
               "DELETE FROM pathway_change WHERE id = %" G_GINT64_FORMAT ";"
               "INSERT INTO pathway_change (id, scenario_id, pathway_id, level, horizon_years, activity, bed_days) "
               "  VALUES (222, %" G_GINT64_FORMAT ", (SELECT id FROM pathway WHERE name = 'Frailty'), 'ccg', 3, 900, 0);"
               "UPDATE workforce_target SET fte_change = 44 WHERE id = %s;"
               "INSERT INTO workforce_target (id, scenario_id, level, locality_id, staff_group, fte_change, due_date) "
               "  VALUES (333, %" G_GINT64_FORMAT ", 'locality', %" G_GINT64_FORMAT ", 'GP', 3, '2020-03-31');"
               "UPDATE access_provision SET start_date = '2018-09-01' WHERE id = %s;"
               "UPDATE access_trajectory SET target_bp = 3500 WHERE id = %s;"
               "UPDATE growth_assumption SET growth_bp = 450 WHERE scenario_id = %" G_GINT64_FORMAT
               "  AND activity_line = 'EL_DC' AND financial_year = '2018/19';"
               "UPDATE locality SET name = 'Welwyn and Hatfield' WHERE id = %s;"
               "UPDATE workforce_change SET joiners = 2, leavers = 0.5 WHERE id = %s;"
               "DELETE FROM list_size WHERE practice_id = %" G_GINT64_FORMAT ";"
               "DELETE FROM access_provision WHERE practice_id = %" G_GINT64_FORMAT ";"
               "DELETE FROM workforce_fte WHERE practice_id = %" G_GINT64_FORMAT ";"
               "DELETE FROM practice WHERE id = %" G_GINT64_FORMAT ";"
               "INSERT INTO staff_role (code, staff_group, name, sort_order) VALUES ('GP_TEST', 'GP', 'Test GP', 99);",
               f->stevenage_id, f->stevenage_id, moved_id, f->copies.contract_id, f->copies.change_id, f->scenario_id, target_key,
               f->scenario_id, f->stevenage_id, provision_key, trajectory_key, f->scenario_id, welwyn_key, joiners_key,
               gone_id, gone_id, gone_id, gone_id);

  copy = test_read_copy (f->sample.plan, f->copies.a);
  changes = lp_workshop_copy_list_changes (copy, &error);
  g_assert_no_error (error);

  assert_change (copy, changes, "list_size", list_key, "Practices", "North Herts",
                 "Practice X06K01 · list size at 01/01/2018",
                 "North Herts · Practice X06K01 · list size at 01/01/2018: 12,400 patients (was 12,326)");
  assert_change (copy, changes, "practice", "111", "Practices", "Stevenage", "New practice X99A01",
                 "Stevenage · New practice X99A01 · Copy Surgery");
  assert_change (copy, changes, "practice", moved_key, "Practices", "Stevenage", "Practice X06K02",
                 "Stevenage · Practice X06K02 · locality Stevenage (was North Herts)");
  assert_change (copy, changes, "contract", contract_key, "Contracts", NULL, "Contract “Acute”",
                 "Contract “Acute” · annual value £27,000,000 (was £26,350,000)");
  assert_change (copy, changes, "pathway_change", change_key, "Locality Modelling", NULL, "Deleted pathway change",
                 "Deleted pathway change · CVD, STP, 3 years: activity 1,677, reduced bed days 2,544");
  assert_change (copy, changes, "pathway_change", "222", "Locality Modelling", NULL, "New pathway change",
                 "New pathway change · Frailty, CCG, 3 years: 900");
  assert_change (copy, changes, "workforce_target", target_key, "Workforce", NULL, "Target for GPs by 2020/21 Q4",
                 "Target for GPs by 2020/21 Q4: +44.0 FTE (was +40.0)");
  assert_change (copy, changes, "workforce_target", "333", "Workforce", "Stevenage", "New target for GPs by 2019/20 Q4",
                 "Stevenage · New target for GPs by 2019/20 Q4 · +3.0 FTE");
  assert_change (copy, changes, "access_provision", provision_key, "Extended Access", "North Herts", "Practice X06K01",
                 "North Herts · Practice X06K01 · go-live 01/09/2018 (was 01/07/2018)");
  assert_change (copy, changes, "access_trajectory", trajectory_key, "Extended Access", NULL,
                 "Trajectory target from 01/04/2018",
                 "Trajectory target from 01/04/2018: 35.0% (was 31.0%)");
  assert_change (copy, changes, "growth_assumption", growth_key, "Activity Plan", NULL,
                 "Growth rate of Total Elective Admissions - Day Cases in 2018/19",
                 "Growth rate of Total Elective Admissions - Day Cases in 2018/19: 4.5% (was 4.2%)");
  assert_change (copy, changes, "locality", welwyn_key, "Localities", "Welwyn and Hatfield", "Locality",
                 "Welwyn and Hatfield · Locality · name “Welwyn and Hatfield” (was “Welwyn Hatfield”)");
  assert_change (copy, changes, "workforce_change", joiners_key, "Workforce", "North Herts",
                 "Practice X06K01 · Salaried GP in 2018/19 Q2",
                 "North Herts · Practice X06K01 · Salaried GP in 2018/19 Q2 · joiners 2 (was 1), leavers 0.5 (was 0)");
  /* A deleted practice and its rows: their names are only in the base. */
  assert_change (copy, changes, "practice", gone_key, "Practices", "North Herts", "Deleted practice X06K03",
                 "North Herts · Deleted practice X06K03 · Baldock Garden Surgery");
  assert_change (copy, changes, "list_size", gone_list_key, "Practices", "North Herts",
                 "Practice X06K03 · deleted list size at 01/01/2018",
                 "North Herts · Practice X06K03 · deleted list size at 01/01/2018 · 9,113 patients");
  /* A table with no sentence of its own: its noun, its name, its values. */
  assert_change (copy, changes, "staff_role", "GP_TEST", "Workforce", NULL, "New staff role “Test GP”",
                 "New staff role “Test GP” · reimbursement by ARRS no, is locum 0, is trainee 0, sort order 99, staff group GPs");

  /* Every change of the copy reads, and says where it shows. */
  for (guint i = 0; i < changes->len; i++)
    {
      g_autoptr(LpChangeWords) words = lp_workshop_copy_describe_change (copy, g_ptr_array_index (changes, i));

      g_test_message ("%s: %s", words->section, words->text);
      g_assert_nonnull (words->section);
      g_assert_nonnull (words->subject);
      g_assert_nonnull (strstr (words->text, words->subject));
    }
}

/* More of the tables workshops edit, in a plan of two scenarios. */
static void
test_more_changes (TestWords     *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpWorkshopCopy) copy = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *new_growth_key = g_strdup_printf ("555, EL_DC, 2019/20");
  g_autofree char *locality_growth_key = g_strdup_printf ("%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", EL_DC, 2018/19",
                                                          f->scenario_id, f->stevenage_id);
  g_autofree char *rule_key = key_of (test_sql_int (f->copies.b, "SELECT id FROM capacity_rule WHERE name = 'PCN Enhanced Access'"));
  g_autofree char *qipp_key = NULL;
  g_autofree char *weight_key = g_strdup_printf ("%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT, f->scenario_id, f->stevenage_id);
  g_autofree char *closed_key = key_of (test_sql_int (f->copies.b, "SELECT id FROM practice WHERE ods_code = 'X06K04'"));
  g_autofree char *fte_key = g_strdup_printf ("%" G_GINT64_FORMAT ", ADMIN_OTHER, 2018-03-31", f->copies.practice_id);

  {
    gint64 programme = test_sql_int (f->copies.b, "SELECT id FROM qipp_programme WHERE name = 'Service Restriction'");

    qipp_key = g_strdup_printf ("%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", EL, 2018/19", f->scenario_id, programme);
  }
  test_sql_on_filef (f->copies.b,
               "INSERT INTO scenario (id, name, base_id) VALUES (555, 'High growth', %" G_GINT64_FORMAT ");"
               "INSERT INTO growth_assumption VALUES (555, 'EL_DC', '2019/20', 500);"
               "INSERT INTO locality_growth_assumption VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'EL_DC', '2018/19', 300);"
               "UPDATE plan_info SET value = '2019-04-01' WHERE key = 'reference_date';"
               "UPDATE capacity_rule SET minutes_per_1000 = 45, round_to_quarter_hour = 1 WHERE id = %s;"
               "UPDATE qipp_reduction SET saving_pounds = 1800000 WHERE scenario_id = %" G_GINT64_FORMAT
               "  AND pod = 'EL' AND financial_year = '2018/19';"
               "INSERT INTO workforce_change (id, scenario_id, practice_id, role, quarter_start, joiners) "
               "  VALUES (666, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'GP_SALARIED', '2019-01-01', 1);"
               "INSERT INTO apportionment_weight VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 1.25);"
               "UPDATE workforce_fte SET fte = 3.5, headcount = 4 WHERE practice_id = %" G_GINT64_FORMAT
               "  AND role = 'ADMIN_OTHER' AND as_at = '2018-03-31';"
               "UPDATE practice SET status = 'closed', close_date = '2018-12-31' WHERE ods_code = 'X06K04';"
               "INSERT INTO access_provision (id, scenario_id, practice_id, start_date, level, minutes_per_week) "
               "  VALUES (777, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '2019-01-01', 'partial', 120);",
               f->scenario_id, f->scenario_id, f->stevenage_id, rule_key, f->scenario_id,
               f->scenario_id, f->copies.practice_id, f->scenario_id, f->stevenage_id, f->copies.practice_id,
               f->scenario_id, f->copies.practice_id);

  copy = test_read_copy (f->sample.plan, f->copies.b);
  changes = lp_workshop_copy_list_changes (copy, &error);
  g_assert_no_error (error);

  assert_change (copy, changes, "scenario", "555", "Plan", NULL, "New scenario “High growth”",
                 "New scenario “High growth” · built on “Base”");
  assert_change (copy, changes, "growth_assumption", new_growth_key, "Activity Plan", NULL,
                 "New growth rate of Total Elective Admissions - Day Cases in 2019/20 (scenario “High growth”)",
                 "New growth rate of Total Elective Admissions - Day Cases in 2019/20 (scenario “High growth”) · 5.0%");
  assert_change (copy, changes, "locality_growth_assumption", locality_growth_key, "Activity Plan", "Stevenage",
                 "New growth rate of Total Elective Admissions - Day Cases in 2018/19 (scenario “Base”)",
                 "Stevenage · New growth rate of Total Elective Admissions - Day Cases in 2018/19 (scenario “Base”) · 3.0%");
  assert_change (copy, changes, "plan_info", "reference_date", "Plan", NULL, "Plan details",
                 "Plan details · reference date 01/04/2019 (was 01/10/2018)");
  assert_change (copy, changes, "capacity_rule", rule_key, "Extended Access", NULL, "Capacity rule “PCN Enhanced Access”",
                 "Capacity rule “PCN Enhanced Access” · minutes a week per 1,000 patients 45 (was 60), "
                 "rounded to the quarter hour yes (was no)");
  assert_change (copy, changes, "qipp_reduction", qipp_key, "Activity Plan", NULL,
                 "QIPP “Service Restriction” · Elective in 2018/19 (scenario “Base”)",
                 "QIPP “Service Restriction” · Elective in 2018/19 (scenario “Base”) · saving £1,800,000 (was £1,725,233)");
  assert_change (copy, changes, "workforce_change", "666", "Workforce", "North Herts",
                 "Practice X06K01 · new plan for Salaried GP in 2018/19 Q4 (scenario “Base”)",
                 "North Herts · Practice X06K01 · new plan for Salaried GP in 2018/19 Q4 (scenario “Base”) · "
                 "joiners 1, leavers 0, retirements 0");
  assert_change (copy, changes, "apportionment_weight", weight_key, "Locality Modelling", "Stevenage",
                 "New apportionment weight (scenario “Base”)",
                 "Stevenage · New apportionment weight (scenario “Base”) · 1.25");
  assert_change (copy, changes, "workforce_fte", fte_key, "Workforce", "North Herts",
                 "Practice X06K01 · Other admin at 31/03/2018",
                 "North Herts · Practice X06K01 · Other admin at 31/03/2018: 3.5 FTE (was 3.38), headcount 4 (was 5)");
  assert_change (copy, changes, "practice", closed_key, "Practices", "North Herts", "Practice X06K04",
                 "North Herts · Practice X06K04 · status closed (was active), close date 31/12/2018 (was none)");
  assert_change (copy, changes, "access_provision", "777", "Extended Access", "North Herts",
                 "Practice X06K01 · new extended access plan (scenario “Base”)",
                 "North Herts · Practice X06K01 · new extended access plan (scenario “Base”) · "
                 "partial access from 01/01/2019, 120 minutes a week");
}

/* A copy of 1,000 changes is worded in one go (the time is reported, not
 * asserted: the merge window words them on a worker). */
static void
test_many (TestWords     *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpWorkshopCopy) copy = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(GPtrArray) all_words = NULL;
  guint n_new = 0;

  test_sql_on_filef (f->copies.a, "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999) "
                     "INSERT INTO list_size (practice_id, extract_date, patients) "
                     "SELECT %" G_GINT64_FORMAT ", date ('2010-01-01', '+' || i || ' days'), 10000 + i FROM n",
               f->copies.practice_id);
  copy = test_read_copy (f->sample.plan, f->copies.a);
  changes = lp_workshop_copy_list_changes (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1000);
  timer = g_timer_new ();
  all_words = lp_workshop_copy_describe_changes (copy, changes);
  g_test_message ("1,000 changes worded in %.3f s", g_timer_elapsed (timer, NULL));
  g_assert_cmpuint (all_words->len, ==, changes->len);
  for (guint i = 0; i < changes->len; i++)
    {
      LpChangeWords *words = g_ptr_array_index (all_words, i);
      g_autoptr(LpChangeWords) one = lp_workshop_copy_describe_change (copy, g_ptr_array_index (changes, i));

      /* The same words, one at a time or all in one read. */
      g_assert_cmpstr (one->text, ==, words->text);

      if (g_str_has_prefix (words->text, "North Herts · Practice X06K01 · new list size at "))
        n_new++;
      if (g_str_equal (words->subject, "Practice X06K01 · new list size at 01/01/2010"))
        g_assert_cmpstr (words->text, ==, "North Herts · Practice X06K01 · new list size at 01/01/2010 · 10,000 patients");
    }
  g_assert_cmpuint (n_new, ==, 1000);
}

/* A change that cannot be looked up still reads: the table's noun and key. */
static void
test_unknown (TestWords     *f,
              gconstpointer  data)
{
  g_autoptr(LpWorkshopCopy) copy = test_read_copy (f->sample.plan, f->copies.a);
  char *columns[] = { "patients", NULL };
  char *old_values[] = { "10", NULL };
  char *new_values[] = { "20", NULL };
  LpCopyChange missing = { LP_COPY_CHANGE_CHANGED, "list_size", "1, 2018-01-01", 1, columns, old_values, new_values };
  LpCopyChange unknown = { LP_COPY_CHANGE_CHANGED, "no_such_table", "1", 1, columns, old_values, new_values };
  LpMergeConflict conflict = { LP_MERGE_CONFLICT_BOTH_CHANGED, "no_such_table", "1", "patients", "10", "20", "30",
                               LP_MERGE_UNDECIDED };
  g_autoptr(LpChangeWords) missing_words = lp_workshop_copy_describe_change (copy, &missing);
  g_autoptr(LpChangeWords) unknown_words = lp_workshop_copy_describe_change (copy, &unknown);
  g_autoptr(LpConflictWords) conflict_words = lp_workshop_copy_describe_conflict (copy, &conflict);

  g_assert_cmpstr (missing_words->text, ==, "Practice 1 · list size at 01/01/2018: 20 patients (was 10)");
  g_assert_null (missing_words->place);
  g_assert_cmpstr (unknown_words->section, ==, "Plan");
  g_assert_cmpstr (unknown_words->text, ==, "No_such_table · patients 20 (was 10)");
  g_assert_cmpstr (conflict_words->subject, ==, "No_such_table · patients");
  g_assert_cmpstr (conflict_words->question, ==, "The plan and this copy both changed the patients since it was taken.");
  g_assert_cmpstr (conflict_words->base_text, ==, "10");
}

static GPtrArray *
merge (TestWords      *f,
       LpWorkshopCopy *copy,
       GPtrArray      *decisions)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts = NULL;
  guint n_changes = 0;

  g_assert_true (lp_plan_merge_copy (f->sample.plan, copy, decisions, NULL, LP_MERGE_UNDECIDED, 0, &conflicts,
                                     &n_changes, &error));
  g_assert_no_error (error);
  return conflicts;
}

static void
assert_conflict (LpWorkshopCopy  *copy,
                 LpMergeConflict *conflict,
                 const char      *section,
                 const char      *place,
                 const char      *subject,
                 const char      *question,
                 const char      *base_text,
                 const char      *copy_text,
                 const char      *plan_text)
{
  g_autoptr(LpConflictWords) words = lp_workshop_copy_describe_conflict (copy, conflict);

  g_assert_cmpstr (words->question, ==, question);
  g_assert_cmpstr (words->subject, ==, subject);
  g_assert_cmpstr (words->section, ==, section);
  g_assert_cmpstr (words->place, ==, place);
  g_assert_cmpstr (words->base_text, ==, base_text);
  g_assert_cmpstr (words->copy_text, ==, copy_text);
  g_assert_cmpstr (words->plan_text, ==, plan_text);
}

static LpMergeConflict *
find_conflict (GPtrArray           *conflicts,
               LpMergeConflictKind  kind,
               const char          *table)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      LpMergeConflict *conflict = g_ptr_array_index (conflicts, i);

      if (conflict->kind == kind && g_str_equal (conflict->table, table))
        return conflict;
    }
  g_error ("no conflict of kind %d on %s", kind, table);
}

static void
test_conflicts (TestWords     *f,
                gconstpointer  data)
{
  LpPracticeFields practice = { "X99A01", "Plan Surgery", "", 0, "active", "", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpWorkshopCopy) a = NULL;
  g_autoptr(LpWorkshopCopy) b = NULL;
  g_autoptr(LpWorkshopCopy) c = NULL;
  g_autoptr(GPtrArray) a_conflicts = NULL;
  g_autoptr(GPtrArray) b_conflicts = NULL;
  g_autoptr(GPtrArray) c_conflicts = NULL;

  /* C changes the list size the plan changes too. */
  test_sql_on_filef (f->copies.c, "UPDATE list_size SET patients = 12500 WHERE practice_id = %" G_GINT64_FORMAT
                     " AND extract_date = '2018-01-01'", f->copies.practice_id);
  /* B changes a contract the plan deletes, and deletes a pathway change
   * the plan changes. */
  test_sql_on_filef (f->copies.b, "UPDATE contract SET annual_value_pounds = 27000000 WHERE id = %" G_GINT64_FORMAT ";"
                     "DELETE FROM pathway_change WHERE id = %" G_GINT64_FORMAT ";", f->copies.contract_id, f->copies.change_id);
  /* A adds a practice with the ODS code the plan gives another, and the
   * list size of a date the plan adds too. */
  test_sql_on_filef (f->copies.a, "INSERT INTO practice (id, ods_code, name) VALUES (111, 'X99A01', 'Copy Surgery');"
                     "INSERT INTO list_size (practice_id, extract_date, patients) VALUES (%" G_GINT64_FORMAT
                     ", '2018-02-01', 12000);", f->copies.practice_id);

  g_assert_true (lp_plan_set_list_size (f->sample.plan, f->copies.practice_id, "2018-01-01", 12400, "", &error));
  g_assert_true (lp_plan_set_list_size (f->sample.plan, f->copies.practice_id, "2018-02-01", 12100, "", &error));
  g_assert_cmpint (lp_plan_add_practice (f->sample.plan, &practice, &error), >, 0);
  g_assert_no_error (error);
  test_sql_on_filef (f->sample.path, "DELETE FROM vulnerable_service WHERE contract_id = %" G_GINT64_FORMAT ";"
                               "DELETE FROM contract WHERE id = %" G_GINT64_FORMAT ";"
                               "UPDATE pathway_change SET horizon_years = 4 WHERE id = %" G_GINT64_FORMAT,
               f->copies.contract_id, f->copies.contract_id, f->copies.change_id);

  c = test_read_copy (f->sample.plan, f->copies.c);
  c_conflicts = merge (f, c, NULL);
  g_assert_cmpuint (c_conflicts->len, ==, 1);
  assert_conflict (c, find_conflict (c_conflicts, LP_MERGE_CONFLICT_BOTH_CHANGED, "list_size"),
                   "Practices", "North Herts", "Practice X06K01 · list size at 01/01/2018",
                   "The plan and this copy both changed the list size since it was taken.", "12,326 patients", "12,500 patients", "12,400 patients");

  b = test_read_copy (f->sample.plan, f->copies.b);
  b_conflicts = merge (f, b, NULL);
  g_assert_cmpuint (b_conflicts->len, ==, 2);
  assert_conflict (b, find_conflict (b_conflicts, LP_MERGE_CONFLICT_DELETED_IN_PLAN, "contract"),
                   "Contracts", NULL, "Contract “Acute”",
                   "The plan deleted this contract; the copy changed its annual value.",
                   "£26,350,000", "£27,000,000", "deleted");
  assert_conflict (b, find_conflict (b_conflicts, LP_MERGE_CONFLICT_DELETED_IN_COPY, "pathway_change"),
                   "Locality Modelling", NULL, "Pathway change · CVD, STP, 3 years",
                   "The copy deleted this pathway change; the plan changed its horizon.",
                   "3 years", "deleted", "horizon changed");

  a = test_read_copy (f->sample.plan, f->copies.a);
  a_conflicts = merge (f, a, NULL);
  g_assert_cmpuint (a_conflicts->len, ==, 2);
  assert_conflict (a, find_conflict (a_conflicts, LP_MERGE_CONFLICT_BREAKS_RULE, "practice"),
                   "Practices", NULL, "New practice X99A01",
                   "This would use the ODS code X99A01 twice.",
                   "none", "Copy Surgery", "already uses the ODS code X99A01");
  assert_conflict (a, find_conflict (a_conflicts, LP_MERGE_CONFLICT_BOTH_ADDED, "list_size"),
                   "Practices", "North Herts", "Practice X06K01 · list size at 01/02/2018",
                   "Both added this, with a different list size.", "none", "12,000 patients", "12,100 patients");
}

/* A copy whose base is gone, compared with the plan as it is. */
static void
test_against_plan (TestWords     *f,
                   gconstpointer  data)
{
  LpPracticeFields practice = { "X99B01", "Plan Surgery", "", 0, "active", "", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpWorkshopCopy) copy = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  test_sql_on_filef (f->copies.a, "UPDATE list_size SET patients = 12400 WHERE practice_id = %" G_GINT64_FORMAT
                     " AND extract_date = '2018-01-01';"
                     "INSERT INTO practice (id, ods_code, name, locality_id) VALUES (111, 'X99A01', 'Copy Surgery', %"
                     G_GINT64_FORMAT ");", f->copies.practice_id, f->stevenage_id);
  g_assert_cmpint (lp_plan_add_practice (f->sample.plan, &practice, &error), >, 0);
  g_assert_no_error (error);
  test_sql_on_file (f->sample.path, "DELETE FROM workshop_base");

  copy = lp_plan_read_copy_against_plan (f->sample.plan, f->copies.a, &error);
  g_assert_no_error (error);
  conflicts = merge (f, copy, NULL);
  g_assert_cmpuint (conflicts->len, ==, 3);
  assert_conflict (copy, find_conflict (conflicts, LP_MERGE_CONFLICT_ONLY_IN_COPY, "practice"),
                   "Practices", "Stevenage", "Practice X99A01",
                   "Only the copy has this practice.", "none", "Copy Surgery", "none");
  assert_conflict (copy, find_conflict (conflicts, LP_MERGE_CONFLICT_ONLY_IN_PLAN, "practice"),
                   "Practices", NULL, "Practice X99B01",
                   "Only the plan has this practice.", "none", "none", "Plan Surgery");
  assert_conflict (copy, find_conflict (conflicts, LP_MERGE_CONFLICT_BOTH_CHANGED, "list_size"),
                   "Practices", "North Herts", "Practice X06K01 · list size at 01/01/2018",
                   "The copy and the plan have a different list size.", "none", "12,400 patients", "12,326 patients");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/merge-words/changes", TestWords, NULL, words_set_up, test_changes, words_tear_down);
  g_test_add ("/merge-words/more-changes", TestWords, NULL, words_set_up, test_more_changes, words_tear_down);
  g_test_add ("/merge-words/many", TestWords, NULL, words_set_up, test_many, words_tear_down);
  g_test_add ("/merge-words/unknown", TestWords, NULL, words_set_up, test_unknown, words_tear_down);
  g_test_add ("/merge-words/conflicts", TestWords, NULL, words_set_up, test_conflicts, words_tear_down);
  g_test_add ("/merge-words/against-plan", TestWords, NULL, words_set_up, test_against_plan, words_tear_down);
  return g_test_run ();
}
