/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A new plan gets its activity plan from typed text only: the plan year,
 * an outturn, a growth rate and a QIPP programme with its reductions,
 * each one undo step; bad text is refused at its field, saving nothing. */
#include <math.h>

#include "core-test-util.h"

typedef struct {
  char   *dir;
  LpPlan *plan;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  LpPlanSettingsForm settings = { .first_year = "2018/19" };
  g_autoptr(GError) error = NULL;

  f->dir = test_tmp_dir ();
  f->plan = test_new_plan (f->dir);
  g_assert_true (lp_plan_save_settings_form (f->plan, &settings, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->plan);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

static const LpActivityLine *
find_line (const LpActivityPlan *plan,
           const char           *code)
{
  for (guint i = 0; i < plan->lines->len; i++)
    if (g_str_equal (((LpActivityLine *) g_ptr_array_index (plan->lines, i))->code, code))
      return g_ptr_array_index (plan->lines, i);
  g_assert_not_reached ();
}

static gint64
save_frailty (Fixture     *f,
              const char  *saving,
              const char  *activity,
              const char **bad_field,
              GError     **error)
{
  LpQippFormRow rows[] = {
    { "NEL", "Non-elective", saving, activity, "saving:NEL", "activity:NEL" },
    { "PRESC", "Prescribing", "£104,000", "", "saving:PRESC", "activity:PRESC" },
  };

  return lp_plan_save_qipp_form (f->plan, 0, "2018/19", "Frailty", rows, G_N_ELEMENTS (rows), bad_field, error);
}

static void
test_from_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpActivityPlan) plan = NULL;
  g_autoptr(LpQippTable) table = NULL;
  g_auto(LpQippProgramme) programme = { 0, };
  const LpActivityLine *line;
  gint64 id;

  g_assert_true (lp_plan_enter_baseline (f->plan, 0, "NEL_TOTAL", "2018/19", "Outturn", "60,000", &error));
  g_assert_true (lp_plan_enter_growth (f->plan, 0, "NEL_TOTAL", "2018/19", "Growth", "1.8", &error));
  lp_plan_set_step_label (f->plan, "Add QIPP programme");
  id = save_frailty (f, "3,496,590", "500", NULL, &error);
  lp_plan_set_step_label (f->plan, NULL);
  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Add QIPP programme");

  plan = lp_plan_activity_plan (f->plan, 0, "2018/19", &error);
  g_assert_no_error (error);
  line = find_line (plan, "NEL_TOTAL");
  /* 60,000 x 1.018 = 61,080; without QIPP 61,080 + 500. */
  g_assert_cmpfloat (line->plan, ==, 61080.0);
  g_assert_cmpfloat (line->qipp, ==, 500.0);
  g_assert_cmpfloat (line->without_qipp, ==, 61580.0);

  table = lp_plan_qipp_table (f->plan, 0, "2018/19", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->programmes->len, ==, 1);
  g_assert_cmpint (g_array_index (table->programme_ids, gint64, 0), ==, id);
  g_assert_cmpint (table->total, ==, 3496590 + 104000);

  g_assert_true (lp_plan_get_qipp_programme (f->plan, id, "2018/19", &programme, &error));
  g_assert_cmpstr (programme.name, ==, "Frailty");
  g_assert_cmpuint (programme.n_pods, ==, 8);
  for (guint d = 0; d < programme.n_pods; d++)
    if (g_str_equal (programme.pod_codes[d], "NEL"))
      {
        g_assert_true (programme.pod_has_line[d]);
        g_assert_cmpint (programme.saving[d], ==, 3496590);
        g_assert_cmpfloat (programme.activity[d], ==, 500.0);
      }
    else if (g_str_equal (programme.pod_codes[d], "PRESC"))
      {
        g_assert_false (programme.pod_has_line[d]);
        g_assert_cmpint (programme.saving[d], ==, 104000);
        g_assert_true (isnan (programme.activity[d]));
      }
    else
      g_assert_cmpint (programme.saving[d], ==, -1);

  /* Undo takes the whole programme back in one step, then the growth. */
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan), "SELECT count(*) FROM qipp_programme"), ==, 0);
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan), "SELECT count(*) FROM qipp_reduction"), ==, 0);
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan), "SELECT count(*) FROM growth_assumption"), ==, 0);
}

static void
test_edit_and_remove (Fixture *f, gconstpointer data)
{
  LpQippFormRow rows[] = { { "NEL", NULL, "", "", "saving:NEL", "activity:NEL" } };
  g_autoptr(GError) error = NULL;
  gint64 id = save_frailty (f, "1000", "20", NULL, &error);

  /* Both blank: the reduction goes; the renamed programme stays. */
  g_assert_cmpint (lp_plan_save_qipp_form (f->plan, id, "2018/19", "Frailty and care homes", rows, 1, NULL, &error),
                   ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan),
                                 "SELECT count(*) FROM qipp_reduction WHERE pod = 'NEL'"), ==, 0);
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan),
                                 "SELECT count(*) FROM qipp_programme WHERE name = 'Frailty and care homes'"), ==, 1);

  g_assert_true (lp_plan_delete_qipp_programme (f->plan, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan), "SELECT count(*) FROM qipp_reduction"), ==, 0);
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan), "SELECT count(*) FROM qipp_reduction"), ==, 1);
  g_assert_false (lp_plan_delete_qipp_programme (f->plan, 12345, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  static const struct { const char *name, *saving, *activity, *field, *message; } bad[] = {
    { " ", "1000", "", "name", "Programme name must not be empty" },
    { "Frailty", "1000", "", "name", "Programme name: another programme is called “Frailty”" },
    { "Other", "abc", "", "saving:NEL",
      "Saving for Non-elective must be an amount in whole pounds, such as 1,250,000, not “abc”" },
    { "Other", "-5", "", "saving:NEL",
      "Saving for Non-elective must be an amount in whole pounds, such as 1,250,000, not “-5”" },
    { "Other", "1000", "-3", "activity:NEL", "Activity reduction for Non-elective must be 0 or more, not “-3”" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  save_frailty (f, "1000", "20", NULL, &error);
  g_assert_no_error (error);
  before = test_file_checksum (lp_plan_get_path (f->plan));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      LpQippFormRow rows[] = { { "NEL", "Non-elective", bad[i].saving, bad[i].activity, "saving:NEL", "activity:NEL" } };
      g_autofree char *after = NULL;
      const char *field = NULL;

      g_assert_cmpint (lp_plan_save_qipp_form (f->plan, 0, "2018/19", bad[i].name, rows, 1, &field, &error), ==, 0);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, bad[i].message);
      g_assert_cmpstr (field, ==, bad[i].field);
      g_clear_error (&error);
      after = test_file_checksum (lp_plan_get_path (f->plan));
      g_assert_cmpstr (after, ==, before);
    }
}

/* A line held by locality is not given a whole-plan figure on top. */
static void
test_outturn_by_locality_refused (Fixture *f, gconstpointer data)
{
  LpLocalityForm locality = { "Stevenage", "ST", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  gint64 id = lp_plan_save_locality_form (f->plan, 0, &locality, NULL, &error);

  g_autofree char *path = g_strdup (lp_plan_get_path (f->plan));

  g_assert_no_error (error);
  g_clear_object (&f->plan);
  sql = g_strdup_printf ("INSERT INTO activity_baseline (id, scenario_id, activity_line, financial_year, "
                         "locality_id, activity) SELECT 1, id, 'NEL_TOTAL', '2017/18', %" G_GINT64_FORMAT
                         ", 20000 FROM scenario", id);
  test_sql_on_file (path, sql);
  f->plan = lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  before = test_file_checksum (lp_plan_get_path (f->plan));
  g_assert_false (lp_plan_enter_baseline (f->plan, 0, "NEL_TOTAL", "2018/19", "Outturn", "60,000", &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "This line’s forecast outturn is held by locality or provider in the plan "
                                       "file, and a figure for the whole plan would be added to theirs: choose a "
                                       "locality above the table to edit its figure, or clear every locality’s "
                                       "figure first");
  {
    g_autofree char *after = test_file_checksum (lp_plan_get_path (f->plan));
    g_assert_cmpstr (after, ==, before);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/qipp-form/from-nothing", test_from_nothing);
  ADD ("/qipp-form/edit-and-remove", test_edit_and_remove);
  ADD ("/qipp-form/refused", test_refused);
  ADD ("/qipp-form/outturn-by-locality-refused", test_outturn_by_locality_refused);
#undef ADD
  return g_test_run ();
}
