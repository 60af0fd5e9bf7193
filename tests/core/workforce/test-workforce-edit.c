/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The workforce inputs typed by a user, on a new plan with one locality and
 * two practices: a baseline FTE by hand and a target give exact figures;
 * bad input is refused with its reason and leaves the file as it was;
 * each step undoes; NHS Digital's file replaces the figures typed by hand. */
#include <string.h>

#include <sqlite3.h>

#include "core-test-util.h"
#include "lp-plan-private.h"

typedef struct {
  char    *dir;
  LpPlan  *plan;
  gint64   locality, p, q;
} Fixture;

static gint64
add_practice (LpPlan     *plan,
              const char *code,
              gint64      locality,
              gint64      patients)
{
  LpPracticeFields fields = { code, code, NULL, locality, NULL, NULL };
  g_autoptr(GError) error = NULL;
  gint64 id = lp_plan_add_practice (plan, &fields, &error);

  g_assert_no_error (error);
  g_assert_true (lp_plan_set_list_size (plan, id, "2019-01-01", patients, NULL, &error));
  return id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  LpLocalityFields a = { "North", NULL, NULL };

  f->dir = test_tmp_dir ();
  f->plan = test_new_plan (f->dir);
  f->locality = lp_plan_add_locality (f->plan, &a, NULL);
  f->p = add_practice (f->plan, "X06K01", f->locality, 30000);
  f->q = add_practice (f->plan, "X06K02", f->locality, 10000);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->plan);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

static gint64
count (Fixture *f, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (lp_plan_get_db (f->plan), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static LpWorkforceTable *
gps (Fixture *f)
{
  LpWorkforceQuery query = { 0, 0, 0, "GP", NULL };
  g_autoptr(GError) error = NULL;
  LpWorkforceTable *table = lp_plan_workforce (f->plan, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static const LpWorkforceQuarter *
quarter (LpWorkforceTable *table, guint k)
{
  g_assert_cmpuint (k, <, table->quarters->len);
  return g_ptr_array_index (table->quarters, k);
}

static gint64
add_target (Fixture *f, const char *staff, const char *applies_to, const char *change, const char *due)
{
  LpWorkforceTargetForm form = { staff, applies_to, change, due, NULL };
  const char *bad_field = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = lp_plan_save_workforce_target_form (f->plan, 0, &form, &bad_field, &error);

  g_assert_no_error (error);
  g_assert_null (bad_field);
  g_assert_cmpint (id, !=, 0);
  return id;
}

static void
enter_baseline (Fixture *f, const char *code, const char *role, const char *fte, const char *as_at)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lp_plan_enter_baseline_fte (f->plan, code, role, fte, as_at, NULL, &error));
  g_assert_no_error (error);
}

/* Before any figure the plan says what it needs; 10.0 GP FTE typed for
 * X06K01 at 31/03/2019 (2018/19 Q4) and +4 GP FTE for the CCG by 2019/20
 * Q4 (31/03/2020) give a target line 10, 11, 12, 13, 14 and a plan of
 * 10.0; with 10 % turnover the plan falls to exactly 9.0 by that quarter,
 * 5.0 short of the target of 14.0. */
static void
test_baseline_and_target (Fixture *f, gconstpointer data)
{
  LpWorkforceQuery query = { 0, 0, 0, "GP", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpWorkforceTable) none = lp_plan_workforce (f->plan, &query, &error);
  g_autoptr(LpWorkforceTable) table = NULL;
  g_autoptr(LpWorkforceTable) with_rates = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) practices = NULL;
  const LpWorkforceTarget *target;
  const LpWorkforcePractice *practice;

  g_assert_null (none);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  add_target (f, "GP", "CCG", "+4", "2019/20 Q4");
  enter_baseline (f, "x06k01", "GP_PARTNER", "10.0", "31/03/2019");
  g_assert_cmpint (count (f, "SELECT count(*) FROM workforce_fte WHERE source = 'hand' AND as_at = '2019-03-31' "
                             "AND role = 'GP_PARTNER' AND fte = 10.0"), ==, 1);
  table = gps (f);
  g_assert_cmpstr (table->baseline_date, ==, "2019-03-31");
  g_assert_cmpstr (quarter (table, 0)->label, ==, "2018/19 Q4");
  g_assert_cmpstr (quarter (table, 4)->label, ==, "2019/20 Q4");
  g_assert_true (table->has_target);
  g_assert_cmpfloat_with_epsilon (table->target_change, 4.0, 1e-12);
  g_assert_cmpstr (table->target_due, ==, "2020-03-31");
  g_assert_cmpfloat_with_epsilon (quarter (table, 0)->plan, 10.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (table, 2)->target, 12.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (table, 4)->target, 14.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (table, 4)->plan, 10.0, 1e-12);
  g_assert_true (lp_plan_enter_workforce_rates (f->plan, 0, "GP_PARTNER", "10", "", NULL, &error));
  g_assert_no_error (error);
  with_rates = gps (f);
  g_assert_cmpfloat_with_epsilon (quarter (with_rates, 4)->plan, 9.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (quarter (with_rates, 4)->gap, 5.0, 1e-12);
  g_assert_true (quarter (with_rates, 4)->short_of_target);
  targets = lp_plan_list_workforce_targets (f->plan, 0, &error);
  g_assert_cmpuint (targets->len, ==, 1);
  target = g_ptr_array_index (targets, 0);
  g_assert_cmpstr (target->staff, ==, "GP");
  g_assert_cmpstr (target->staff_name, ==, "GPs");
  g_assert_cmpstr (target->level, ==, "ccg");
  g_assert_cmpstr (target->applies_to, ==, "CCG");
  g_assert_cmpfloat (target->fte_change, ==, 4.0);
  g_assert_cmpstr (target->due, ==, "2020-03-31");
  practices = lp_plan_workforce_practices (f->plan, &query, NULL, &error);
  g_assert_cmpuint (practices->len, ==, 2);
  practice = g_ptr_array_index (practices, 0);
  g_assert_cmpstr (practice->ods_code, ==, "X06K01");
  g_assert_true (practice->by_hand);
  g_assert_cmpfloat (practice->fte, ==, 10.0);
  practice = g_ptr_array_index (practices, 1);
  g_assert_false (practice->by_hand);
  g_assert_false (practice->has_fte);
  /* A second figure typed without a date joins the first's baseline. */
  enter_baseline (f, "X06K02", "GP_SALARIED", "2.5", "");
  g_assert_cmpint (count (f, "SELECT count(*) FROM workforce_fte WHERE as_at = '2019-03-31' AND source = 'hand'"),
                   ==, 2);
}

/* A target for a locality by name, and one for a practice's role by its
 * code: each applies whole to it. */
static void
test_target_levels (Fixture *f, gconstpointer data)
{
  LpWorkforceTargetForm edit = { "N_PRACTICE", "X06K02", "-1.5", "30/06/2019", "Retirement" };
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GError) error = NULL;
  const LpWorkforceTarget *target;
  gint64 id;

  add_target (f, "GP", "north", "2", "2019-12-31");
  id = add_target (f, "GP_SALARIED", "X06K01", "1", "Q2 2019/20");
  g_assert_cmpint (count (f, "SELECT count(*) FROM workforce_target WHERE level = 'locality' AND staff_group = 'GP' "
                             "AND role IS NULL AND due_date = '2019-12-31'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM workforce_target WHERE level = 'practice' "
                             "AND role = 'GP_SALARIED' AND due_date = '2019-09-30'"), ==, 1);
  g_assert_cmpint (lp_plan_save_workforce_target_form (f->plan, id, &edit, NULL, &error), ==, id);
  g_assert_no_error (error);
  targets = lp_plan_list_workforce_targets (f->plan, id, &error);
  g_assert_cmpuint (targets->len, ==, 1);
  target = g_ptr_array_index (targets, 0);
  g_assert_cmpstr (target->staff, ==, "N_PRACTICE");
  g_assert_cmpstr (target->staff_name, ==, "Practice nurse");
  g_assert_cmpstr (target->applies_to, ==, "X06K02");
  g_assert_cmpfloat (target->fte_change, ==, -1.5);
  g_assert_cmpstr (target->due, ==, "2019-06-30");
  g_assert_cmpstr (target->label, ==, "Retirement");
}

typedef struct {
  const char *what;
  const char *fte;            /* baseline */
  const char *as_at;
  const char *turnover;       /* rates; NULL: not this one */
  const char *change;         /* target */
  const char *due;
  const char *applies_to;
  const char *bad_field;
  const char *message;
} Refusal;

static const Refusal refusals[] = {
  { "negative FTE", "-1", "", NULL, NULL, NULL, NULL, LP_FIELD_WF_FTE, "FTE must be 0 or more, not “-1”" },
  { "non-numeric FTE", "ten", "", NULL, NULL, NULL, NULL, LP_FIELD_WF_FTE,
    "FTE must be a number such as 1.5, not “ten”" },
  { "empty FTE", "", "", NULL, NULL, NULL, NULL, LP_FIELD_WF_FTE, "Type the FTE, such as 10.0" },
  { "31 February", "10", "31/02/2019", NULL, NULL, NULL, NULL, LP_FIELD_WF_AS_AT,
    "As at: “31/02/2019” is not a real date (use DD/MM/YYYY or YYYY-MM-DD)" },
  { "120 %", NULL, NULL, "120", NULL, NULL, NULL, LP_FIELD_WF_TURNOVER, "Turnover must be 0 to 100 %, not “120”" },
  { "negative %", NULL, NULL, "-5", NULL, NULL, NULL, LP_FIELD_WF_TURNOVER, "Turnover must be 0 to 100 %, not “-5”" },
  { "rate in words", NULL, NULL, "ten", NULL, NULL, NULL, LP_FIELD_WF_TURNOVER,
    "Turnover must be a percentage with at most two decimals, such as 13.3, not “ten”" },
  { "due 31 February", NULL, NULL, NULL, "4", "31/02/2019", "CCG", LP_FIELD_WF_DUE,
    "“31/02/2019” is not a date (use DD/MM/YYYY, or a quarter such as 2019/20 Q4)" },
  { "quarter of no year", NULL, NULL, NULL, "4", "2019/21 Q4", "CCG", LP_FIELD_WF_DUE,
    "“2019/21 Q4” is not a quarter of a financial year, such as 2019/20 Q4" },
  { "change in words", NULL, NULL, NULL, "four", "2019/20 Q4", "CCG", LP_FIELD_WF_FTE_CHANGE,
    "The FTE change must be a number such as 1.5, not “four”" },
  { "change of 0", NULL, NULL, NULL, "0", "2019/20 Q4", "CCG", LP_FIELD_WF_FTE_CHANGE,
    "The FTE change must not be 0: type the FTE to add, such as 4, or to lose, such as -2" },
  { "unknown place", NULL, NULL, NULL, "4", "2019/20 Q4", "Atlantis", LP_FIELD_WF_APPLIES_TO,
    "The plan has no locality or practice “Atlantis”: type a locality’s name, a practice’s code, or CCG for the "
    "whole CCG" },
};

/* Each refusal names its field and reason and changes nothing in the file. */
static void
test_refusals (Fixture *f, gconstpointer data)
{
  const char *path = lp_plan_get_path (f->plan);
  g_autofree char *before = NULL;

  enter_baseline (f, "X06K01", "GP_PARTNER", "10", "31/03/2019");
  before = test_file_checksum (path);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      const Refusal *r = &refusals[i];
      const char *bad_field = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      gboolean saved;

      g_test_message ("%s", r->what);
      if (r->fte != NULL)
        saved = lp_plan_enter_baseline_fte (f->plan, "X06K01", "GP_PARTNER", r->fte, r->as_at, &bad_field, &error);
      else if (r->turnover != NULL)
        saved = lp_plan_enter_workforce_rates (f->plan, 0, "GP_PARTNER", r->turnover, "5", &bad_field, &error);
      else
        {
          LpWorkforceTargetForm form = { "GP", r->applies_to, r->change, r->due, NULL };

          saved = lp_plan_save_workforce_target_form (f->plan, 0, &form, &bad_field, &error) != 0;
        }
      g_assert_false (saved);
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, r->message);
      g_assert_cmpstr (bad_field, ==, r->bad_field);
      after = test_file_checksum (path);
      g_assert_cmpstr (after, ==, before);
    }
  g_assert_cmpint (count (f, "SELECT count(*) FROM workforce_target"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM workforce_turnover"), ==, 0);
  g_assert_cmpint (count (f, "SELECT fte * 10 FROM workforce_fte"), ==, 100);
}

/* With the plan's years starting in 2018/19, a "by" or "as at" date before
 * 01/04/2017 (the April of the year the plan is written in) is refused at
 * its field; 01/04/2017 itself is taken. */
static void
test_dates_before_plan (Fixture *f, gconstpointer data)
{
  const char *path = lp_plan_get_path (f->plan);
  LpWorkforceTargetForm early = { "GP", "CCG", "4", "2016/17 Q4", NULL };
  LpWorkforceTargetForm long_ago = { "GP", "CCG", "4", "01/04/2015", NULL };
  LpWorkforceTargetForm earliest = { "GP", "CCG", "4", "01/04/2017", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *bad_field = NULL;
  gint64 id;

  g_assert_true (lp_plan_set_info (f->plan, "financial_year", "2018/19", &error));
  g_assert_no_error (error);
  before = test_file_checksum (path);

  g_assert_cmpint (lp_plan_save_workforce_target_form (f->plan, 0, &early, &bad_field, &error), ==, 0);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "By date: 31/03/2017 is before the plan (its years start in 2018/19; dates from 01/04/2017)");
  g_assert_cmpstr (bad_field, ==, LP_FIELD_WF_DUE);
  g_clear_error (&error);
  g_assert_cmpint (lp_plan_save_workforce_target_form (f->plan, 0, &long_ago, &bad_field, &error), ==, 0);
  g_assert_cmpstr (error->message, ==,
                   "By date: 01/04/2015 is before the plan (its years start in 2018/19; dates from 01/04/2017)");
  g_clear_error (&error);
  bad_field = NULL;
  g_assert_false (lp_plan_enter_baseline_fte (f->plan, "X06K01", "GP_PARTNER", "10", "31/03/2017", &bad_field,
                                              &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "As at: 31/03/2017 is before the plan (its years start in 2018/19; dates from 01/04/2017)");
  g_assert_cmpstr (bad_field, ==, LP_FIELD_WF_AS_AT);
  g_clear_error (&error);
  after = test_file_checksum (path);
  g_assert_cmpstr (after, ==, before);

  id = lp_plan_save_workforce_target_form (f->plan, 0, &earliest, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  enter_baseline (f, "X06K01", "GP_PARTNER", "10", "2017-04-01");
  g_assert_cmpint (count (f, "SELECT count(*) FROM workforce_target WHERE due_date = '2017-04-01'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM workforce_fte WHERE as_at = '2017-04-01'"), ==, 1);
}

/* A plan that names no financial year (as this new one) has no "before". */
static void
test_no_year_takes_old_dates (Fixture *f, gconstpointer data)
{
  LpWorkforceTargetForm old = { "GP", "CCG", "4", "2014/15 Q4", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *year = lp_plan_dup_info (f->plan, "financial_year");

  g_assert_null (year);
  g_assert_cmpint (lp_plan_save_workforce_target_form (f->plan, 0, &old, NULL, &error), !=, 0);
  g_assert_no_error (error);
  enter_baseline (f, "X06K01", "GP_PARTNER", "10", "01/04/2015");
  g_assert_cmpint (count (f, "SELECT count(*) FROM workforce_target WHERE due_date = '2015-03-31'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM workforce_fte WHERE as_at = '2015-04-01'"), ==, 1);
}

static void
undo (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_no_error (error);
}

/* Every step is one undo: a target added, edited and deleted; a baseline
 * typed and retyped; rates; a reference figure set and removed. */
static void
test_undo (Fixture *f, gconstpointer data)
{
  LpWorkforceTargetForm edit = { "GP", "CCG", "6", "2019/20 Q4", NULL };
  g_autoptr(GError) error = NULL;
  gint64 id;
  double value = 0;

  lp_plan_clear_history (f->plan);
  id = add_target (f, "GP", "CCG", "4", "2019/20 Q4");
  g_assert_cmpint (lp_plan_save_workforce_target_form (f->plan, id, &edit, NULL, &error), ==, id);
  g_assert_true (lp_plan_delete_workforce_target (f->plan, id, &error));
  enter_baseline (f, "X06K01", "GP_PARTNER", "10", "31/03/2019");
  enter_baseline (f, "X06K01", "GP_PARTNER", "11.5", "31/03/2019");
  g_assert_true (lp_plan_enter_workforce_rates (f->plan, 0, "GP_PARTNER", "10", "8.5", NULL, &error));
  g_assert_true (lp_plan_enter_reference_figure (f->plan, LP_WORKFORCE_REFERENCE_PER_GP, "Patients per GP FTE",
                                                 "2,087", "31/12/2019", "NHS Digital", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lp_plan_get_reference_figure (f->plan, LP_WORKFORCE_REFERENCE_PER_GP, &value, NULL, NULL));
  g_assert_cmpfloat (value, ==, 2087);
  g_assert_true (lp_plan_delete_reference_figure (f->plan, LP_WORKFORCE_REFERENCE_PER_GP, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM reference_figure"), ==, 0);

  undo (f);   /* the reference figure comes back */
  g_assert_cmpint (count (f, "SELECT value FROM reference_figure"), ==, 2087);
  undo (f);
  g_assert_cmpint (count (f, "SELECT count(*) FROM reference_figure"), ==, 0);
  g_assert_cmpint (count (f, "SELECT joiner_rate_bp FROM workforce_turnover"), ==, 850);
  undo (f);
  g_assert_cmpint (count (f, "SELECT count(*) FROM workforce_turnover"), ==, 0);
  g_assert_cmpint (count (f, "SELECT fte * 10 FROM workforce_fte"), ==, 115);
  undo (f);
  g_assert_cmpint (count (f, "SELECT fte * 10 FROM workforce_fte"), ==, 100);
  undo (f);
  g_assert_cmpint (count (f, "SELECT count(*) FROM workforce_fte"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM workforce_target"), ==, 0);
  undo (f);
  g_assert_cmpint (count (f, "SELECT fte_change FROM workforce_target"), ==, 6);
  undo (f);
  g_assert_cmpint (count (f, "SELECT fte_change FROM workforce_target"), ==, 4);
  undo (f);
  g_assert_cmpint (count (f, "SELECT count(*) FROM workforce_target"), ==, 0);
  g_assert_false (lp_plan_can_undo (f->plan));
}

/* NHS Digital's file replaces what was typed by hand for its practices'
 * roles: X06K01's 10.0 partners typed for 31/03/2019 give way to the
 * file's 3.5 of 30/06/2024; X06K02's hand figure gives way to the file's
 * missing one (ND), which is then counted as missing; a role the file
 * does not have keeps its hand figure. */
static void
test_import_replaces (Fixture *f, gconstpointer data)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                 "1 General Practice – June 2024 Practice Level - Detailed.csv",
                                                 NULL);
  LpImportOptions options = { 0 };
  g_autoptr(LpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  enter_baseline (f, "X06K01", "GP_PARTNER", "10", "31/03/2019");
  enter_baseline (f, "X06K02", "GP_PARTNER", "2", "31/03/2019");
  enter_baseline (f, "X06K01", "DPC_SPLW", "1", "31/03/2019");
  report = lp_plan_import (f->plan, file, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpint (count (f, "SELECT count(*) FROM workforce_fte WHERE role = 'GP_PARTNER' AND source = 'hand'"),
                   ==, 0);
  g_assert_cmpint (count (f, "SELECT fte * 10 FROM workforce_fte JOIN practice ON id = practice_id "
                             "WHERE ods_code = 'X06K01' AND role = 'GP_PARTNER'"), ==, 35);
  g_assert_cmpint (count (f, "SELECT count(*) FROM workforce_fte JOIN practice ON id = practice_id "
                             "WHERE ods_code = 'X06K02' AND role = 'GP_PARTNER' AND fte IS NULL "
                             "AND as_at = '2024-06-30'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM workforce_fte WHERE role = 'DPC_SPLW' AND source = 'hand'"),
                   ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/workforce/edit/baseline-and-target", test_baseline_and_target);
  ADD ("/workforce/edit/target-levels", test_target_levels);
  ADD ("/workforce/edit/refusals", test_refusals);
  ADD ("/workforce/edit/undo", test_undo);
  ADD ("/workforce/edit/dates-before-plan", test_dates_before_plan);
  ADD ("/workforce/edit/no-year-takes-old-dates", test_no_year_takes_old_dates);
  ADD ("/workforce/edit/import-replaces", test_import_replaces);
  return g_test_run ();
}
