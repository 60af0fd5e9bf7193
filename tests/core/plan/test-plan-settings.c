/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Plan Settings form: typed text parsed and checked by core, saved as
 * one undo step, refused with the reason under the field and nothing
 * saved; and the years it sets used by the views that need them. */
#include "core-test-util.h"

typedef struct {
  char   *dir;
  LpPlan *plan;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = test_tmp_dir ();
  f->plan = test_new_plan (f->dir);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->plan);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

static const LpPlanSettingsForm good_form = {
  .name = "  Lister 2021/22 ",
  .organisation_code = "06K",
  .organisation_name = "East and North Hertfordshire CCG",
  .first_year = "2021-22",
  .last_year = "2022/2023",
  .reference_date = "01/10/2021",
  .stp_name = "Hertfordshire and West Essex STP",
  .stp_population = "1,500,000",
  .allocation = "£746,254,000",
};

static void
test_financial_year_parse (void)
{
  static const struct { const char *text; guint year; } good[] = {
    { "2018/19", 2018 }, { "2018-19", 2018 }, { " 2018/2019 ", 2018 }, { "1999/00", 1999 },
  };
  static const struct { const char *text; const char *message; } bad[] = {
    { "2018/20", "First financial year: “2018/20” is not one financial year (April to March): "
                 "the second year must follow the first, as in 2018/19" },
    { "2018", "First financial year: “2018” is not a financial year; write it as 2018/19" },
    { "18/19", "First financial year: “18/19” is not a financial year; write it as 2018/19" },
    { "2018/1x", "First financial year: “2018/1x” is not a financial year; write it as 2018/19" },
    { "banana", "First financial year: “banana” is not a financial year; write it as 2018/19" },
  };
  g_autofree char *formatted = lp_format_financial_year (2009);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      guint year = 0;

      g_assert_true (lp_parse_financial_year ("First financial year", good[i].text, &year, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (year, ==, good[i].year);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      guint year = 0;

      g_assert_false (lp_parse_financial_year ("First financial year", bad[i].text, &year, &error));
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, bad[i].message);
    }
  g_assert_cmpstr (formatted, ==, "2009/10");
}

static void
test_save_and_undo (Fixture *f, gconstpointer data)
{
  g_auto(LpPlanSettings) settings = { 0, };
  g_autoptr(GError) error = NULL;
  const char *bad_field = "unset";
  char first_day[11], last_day[11];

  g_assert_false (lp_plan_get_year_span (f->plan, first_day, last_day));
  lp_plan_set_step_label (f->plan, "Edit plan settings");
  g_assert_true (lp_plan_save_settings_form (f->plan, &good_form, &bad_field, &error));
  lp_plan_set_step_label (f->plan, NULL);
  g_assert_no_error (error);
  g_assert_null (bad_field);

  g_assert_true (lp_plan_get_settings (f->plan, &settings, &error));
  g_assert_cmpstr (settings.name, ==, "Lister 2021/22");
  g_assert_cmpstr (settings.organisation_code, ==, "06K");
  g_assert_cmpstr (settings.first_year, ==, "2021/22");
  g_assert_cmpstr (settings.last_year, ==, "2022/23");
  g_assert_cmpstr (settings.reference_date, ==, "2021-10-01");
  g_assert_cmpint (settings.stp_population, ==, 1500000);
  g_assert_cmpint (settings.allocation_pounds, ==, 746254000);
  g_assert_true (lp_plan_get_year_span (f->plan, first_day, last_day));
  g_assert_cmpstr (first_day, ==, "2021-04-01");
  g_assert_cmpstr (last_day, ==, "2023-03-31");
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Edit plan settings");

  /* One step: one undo takes every setting back. */
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  lp_plan_settings_clear (&settings);
  g_assert_true (lp_plan_get_settings (f->plan, &settings, &error));
  g_assert_null (settings.name);
  g_assert_null (settings.first_year);
  g_assert_null (settings.reference_date);
  g_assert_cmpint (settings.stp_population, ==, -1);
  g_assert_cmpint (settings.allocation_pounds, ==, -1);
  g_assert_false (lp_plan_can_undo (f->plan));
}

static void
test_one_year_and_blank (Fixture *f, gconstpointer data)
{
  LpPlanSettingsForm form = good_form;
  g_auto(LpPlanSettings) settings = { 0, };
  g_autoptr(GError) error = NULL;

  g_assert_true (lp_plan_save_settings_form (f->plan, &form, NULL, &error));
  /* A blank field clears its setting; a blank last year is one year. */
  form.last_year = "";
  form.stp_population = " ";
  form.organisation_name = NULL;
  g_assert_true (lp_plan_save_settings_form (f->plan, &form, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lp_plan_get_settings (f->plan, &settings, &error));
  g_assert_cmpstr (settings.first_year, ==, "2021/22");
  g_assert_null (settings.last_year);
  g_assert_null (settings.organisation_name);
  g_assert_cmpint (settings.stp_population, ==, -1);
  g_assert_cmpstr (settings.stp_name, ==, "Hertfordshire and West Essex STP");
}

typedef struct {
  const char *first_year;
  const char *last_year;
  const char *reference_date;
  const char *stp_population;
  const char *allocation;
  const char *field;
  const char *message;
} BadSettings;

static const BadSettings bad_settings[] = {
  { "2018/20", "", "01/10/2018", "1000", "1000", LP_SETTING_FIRST_YEAR,
    "First financial year: “2018/20” is not one financial year (April to March): "
    "the second year must follow the first, as in 2018/19" },
  { "2018/19", "2017/18", "01/10/2018", "1000", "1000", LP_SETTING_LAST_YEAR,
    "Last financial year: 2017/18 comes before the first, 2018/19" },
  { "", "2019/20", "", "", "", LP_SETTING_FIRST_YEAR,
    "First financial year must be given when the last one is" },
  { "2018/19", "", "31/02/2019", "1000", "1000", LP_SETTING_REFERENCE_DATE,
    "Reference date: “31/02/2019” is not a real date (use DD/MM/YYYY or YYYY-MM-DD)" },
  { "2018/19", "", "01/10/2021", "1000", "1000", LP_SETTING_REFERENCE_DATE,
    "Reference date: 01/10/2021 is outside the plan’s years; "
    "use a date from 01/04/2017 (the year before the plan) to 31/03/2019" },
  { "2018/19", "", "01/10/2018", "-5", "1000", LP_SETTING_STP_POPULATION,
    "STP population must be a whole number of 0 or more, not “-5”" },
  { "2018/19", "", "01/10/2018", "0", "1000", LP_SETTING_STP_POPULATION,
    "STP population must be more than 0" },
  { "2018/19", "", "01/10/2018", "lots", "1000", LP_SETTING_STP_POPULATION,
    "STP population must be a whole number of 0 or more, not “lots”" },
  { "2018/19", "", "01/10/2018", "1000", "£12.50", LP_SETTING_ALLOCATION,
    "Allocation must be an amount in whole pounds, such as 1,250,000, not “£12.50”" },
};

static void
test_refused_at_field (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  /* Settings already there stay as they were after each refusal. */
  g_assert_true (lp_plan_save_settings_form (f->plan, &good_form, NULL, &error));
  before = test_file_checksum (lp_plan_get_path (f->plan));
  for (guint i = 0; i < G_N_ELEMENTS (bad_settings); i++)
    {
      const BadSettings *bad = &bad_settings[i];
      LpPlanSettingsForm form = good_form;
      g_autofree char *after = NULL;
      const char *field = NULL;

      form.name = "Changed";
      form.first_year = bad->first_year;
      form.last_year = bad->last_year;
      form.reference_date = bad->reference_date;
      form.stp_population = bad->stp_population;
      form.allocation = bad->allocation;
      g_assert_false (lp_plan_save_settings_form (f->plan, &form, &field, &error));
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, bad->message);
      g_assert_cmpstr (field, ==, bad->field);
      g_clear_error (&error);
      after = test_file_checksum (lp_plan_get_path (f->plan));
      g_assert_cmpstr (after, ==, before);
    }
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), !=, NULL);
}

/* A plan for 2021/22 with no reference date is read in its own year, not
 * in the year it happens to be opened. */
static void
test_access_uses_plan_year (Fixture *f, gconstpointer data)
{
  LpPlanSettingsForm form = { .first_year = "2021/22" };
  LpAccessQuery query = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpAccessTable) table = NULL;

  g_assert_true (lp_plan_save_settings_form (f->plan, &form, NULL, &error));
  table = lp_plan_access (f->plan, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->months->len, ==, 12);
  g_assert_cmpstr (((LpAccessMonth *) g_ptr_array_index (table->months, 0))->month, ==, "2021-04");
  g_assert_cmpstr (((LpAccessMonth *) g_ptr_array_index (table->months, 11))->month, ==, "2022-03");
}

/* The one rule every dated editor uses: from 1 April of the year before
 * the plan's first financial year, whatever its last; none without one. */
static void
test_date_in_plan (Fixture *f, gconstpointer data)
{
  LpPlanSettingsForm form = { .first_year = "2021/22", .last_year = "2023/24" };
  g_autoptr(GError) error = NULL;

  g_assert_true (lp_plan_check_date_in_plan (f->plan, "1999-01-01", "Start date", &error));
  g_assert_no_error (error);
  g_assert_true (lp_plan_save_settings_form (f->plan, &form, NULL, &error));
  g_assert_true (lp_plan_check_date_in_plan (f->plan, "2020-04-01", "Start date", &error));
  g_assert_true (lp_plan_check_date_in_plan (f->plan, "2030-01-01", "Start date", &error));
  g_assert_no_error (error);
  g_assert_false (lp_plan_check_date_in_plan (f->plan, "2020-03-31", "Start date", &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Start date: 31/03/2020 is before the plan (its years start in 2021/22; dates from 01/04/2020)");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/settings/financial-year", test_financial_year_parse);
  ADD ("/settings/save-and-undo", test_save_and_undo);
  ADD ("/settings/one-year-and-blank", test_one_year_and_blank);
  ADD ("/settings/refused-at-field", test_refused_at_field);
  ADD ("/settings/access-uses-plan-year", test_access_uses_plan_year);
  ADD ("/settings/date-in-plan", test_date_in_plan);
#undef ADD
  return g_test_run ();
}
