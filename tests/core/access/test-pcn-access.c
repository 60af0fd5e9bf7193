/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Enhanced access per primary care network, on the small plan of
 * tests/fixtures/pcn-era.sql whose every figure is worked out by hand
 * there: a rule changing in October 2022 from practice coverage to PCN
 * minutes. */
#include "core-test-util.h"
#include "lp-access-edit.h"
#include "lp-plan-private.h"

typedef struct {
  char   *dir;
  LpPlan *plan;
} Fixture;

static void
sql (Fixture    *f,
     const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lp_sqlite_exec (lp_plan_get_db (f->plan), text, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *plan_sql = test_fixture_sql ("pcn-era.sql");

  f->dir = test_tmp_dir ();
  f->plan = test_new_plan (f->dir);
  sql (f, plan_sql);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->plan);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

static LpPcnAccess *
pcn_access (Fixture    *f,
            const char *locality,
            const char *month)
{
  g_autoptr(GError) error = NULL;
  LpPcnAccess *access = lp_plan_pcn_access (f->plan, 0, locality != NULL ? lp_plan_find_locality (f->plan, locality) : 0,
                                            month, &error);

  g_assert_no_error (error);
  g_assert_nonnull (access);
  return access;
}

static const LpPcnAccessPcn *
find_pcn (LpPcnAccess *access,
          const char  *code)
{
  for (guint i = 0; i < access->pcns->len; i++)
    if (g_str_equal (((LpPcnAccessPcn *) g_ptr_array_index (access->pcns, i))->code, code))
      return g_ptr_array_index (access->pcns, i);
  return NULL;
}

static void
test_standard_hours (void)
{
  /* Weekdays 18:30-20:00, Saturdays 09:00-17:00, Sundays never. */
  g_assert_cmpint (lp_pcn_standard_minutes (1, 18 * 60 + 30, 20 * 60), ==, 90);
  g_assert_cmpint (lp_pcn_standard_minutes (3, 17 * 60, 20 * 60), ==, 90);
  g_assert_cmpint (lp_pcn_standard_minutes (5, 20 * 60, 21 * 60), ==, 0);
  g_assert_cmpint (lp_pcn_standard_minutes (6, 8 * 60, 12 * 60), ==, 180);
  g_assert_cmpint (lp_pcn_standard_minutes (6, 16 * 60, 18 * 60), ==, 60);
  g_assert_cmpint (lp_pcn_standard_minutes (7, 10 * 60, 14 * 60), ==, 0);
}

/* October 2022, the first month of the PCN rule. */
static void
test_pcn_month (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LpPcnAccess) access = pcn_access (f, NULL, "2022-10");
  const LpPcnAccessPcn *riverside = find_pcn (access, "U00001");
  const LpPcnAccessPcn *hillside = find_pcn (access, "U00002");
  const LpPcnAccessLocality *east, *west;

  g_assert_true (access->pcn_era);
  g_assert_cmpstr (access->rule, ==, "Enhanced access");
  g_assert_cmpstr (access->base, ==, "weighted PCN adjusted");
  g_assert_cmpuint (access->pcns->len, ==, 2);
  /* By name: Hillside before Riverside. */
  g_assert_true (g_ptr_array_index (access->pcns, 0) == hillside);
  /* 30,000 adjusted at 60 per 1,000: 1,800 minutes, 30 hours. */
  g_assert_cmpstr (riverside->name, ==, "Riverside PCN");
  g_assert_cmpfloat (riverside->population, ==, 30000);
  g_assert_cmpuint (riverside->practices, ==, 3);
  g_assert_cmpfloat (riverside->required_minutes, ==, 1800);
  g_assert_cmpint (riverside->offered_minutes, ==, 1080);
  g_assert_cmpint (riverside->standard_minutes, ==, 690);
  g_assert_cmpuint (riverside->sessions, ==, 6);
  g_assert_true (riverside->shortfall);
  g_assert_cmpfloat (riverside->locality_share, ==, 1);
  /* 6,500 at 60: 390; the Friday session ended on 15 October. */
  g_assert_cmpfloat (hillside->population, ==, 6500);
  g_assert_cmpfloat (hillside->required_minutes, ==, 390);
  g_assert_cmpint (hillside->offered_minutes, ==, 330);
  g_assert_cmpint (hillside->standard_minutes, ==, 330);
  g_assert_cmpuint (hillside->sessions, ==, 2);
  /* Localities: East has 0.7 of Riverside, West 0.3 and Hillside. */
  g_assert_cmpuint (access->localities->len, ==, 2);
  east = g_ptr_array_index (access->localities, 0);
  west = g_ptr_array_index (access->localities, 1);
  g_assert_cmpstr (east->name, ==, "East");
  g_assert_cmpfloat_with_epsilon (east->population, 21000, 1e-6);
  g_assert_cmpfloat_with_epsilon (east->required_minutes, 1260, 1e-6);
  g_assert_cmpfloat_with_epsilon (east->offered_minutes, 756, 1e-6);
  g_assert_cmpfloat_with_epsilon (east->standard_minutes, 483, 1e-6);
  g_assert_cmpstr (west->name, ==, "West");
  g_assert_cmpfloat_with_epsilon (west->population, 15500, 1e-6);
  g_assert_cmpfloat_with_epsilon (west->required_minutes, 930, 1e-6);
  g_assert_cmpfloat_with_epsilon (west->offered_minutes, 654, 1e-6);
  g_assert_cmpfloat_with_epsilon (west->standard_minutes, 537, 1e-6);
  /* Nothing counted twice: the localities add up to the PCNs. */
  g_assert_cmpfloat_with_epsilon (access->population, 36500, 1e-6);
  g_assert_cmpfloat_with_epsilon (access->required_minutes, 2190, 1e-6);
  g_assert_cmpfloat_with_epsilon (access->offered_minutes, 1410, 1e-6);
  g_assert_cmpfloat_with_epsilon (access->standard_minutes, 1020, 1e-6);
  g_assert_cmpuint (access->all_pcns, ==, 2);
  g_assert_cmpuint (access->all_sessions, ==, 10);
}

/* A locality sees its PCNs whole, with its share of each. */
static void
test_pcn_locality (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LpPcnAccess) east = pcn_access (f, "East", "2022-10");
  g_autoptr(LpPcnAccess) west = pcn_access (f, "West", "2022-10");

  g_assert_cmpuint (east->pcns->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (find_pcn (east, "U00001")->locality_share, 0.7, 1e-9);
  g_assert_cmpfloat_with_epsilon (east->required_minutes, 1260, 1e-6);
  g_assert_cmpfloat_with_epsilon (east->offered_minutes, 756, 1e-6);
  g_assert_cmpuint (west->pcns->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (find_pcn (west, "U00001")->locality_share, 0.3, 1e-9);
  g_assert_cmpfloat_with_epsilon (west->required_minutes, 930, 1e-6);
  g_assert_cmpfloat_with_epsilon (west->standard_minutes, 537, 1e-6);
}

/* From January 2023 Riverside's Thursday evening counts too. */
static void
test_pcn_later_session (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(LpPcnAccess) access = pcn_access (f, NULL, "2023-01");
  const LpPcnAccessPcn *riverside = find_pcn (access, "U00001");

  g_assert_cmpint (riverside->offered_minutes, ==, 1170);
  g_assert_cmpint (riverside->standard_minutes, ==, 780);
  g_assert_cmpuint (riverside->sessions, ==, 7);
}

/* September 2022 is still the practice era. */
static void
test_practice_month (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(LpPcnAccess) access = pcn_access (f, NULL, "2022-09");
  g_autoptr(GError) error = NULL;
  gboolean pcn = TRUE;

  g_assert_false (access->pcn_era);
  g_assert_cmpstr (access->rule, ==, "Extended access");
  g_assert_cmpuint (access->pcns->len, ==, 0);
  g_assert_true (lp_plan_access_is_pcn_month (f->plan, "2022-09", &pcn, &error));
  g_assert_false (pcn);
  g_assert_true (lp_plan_access_is_pcn_month (f->plan, "2022-10", &pcn, &error));
  g_assert_true (pcn);
  g_assert_false (lp_plan_access_is_pcn_month (f->plan, "October", &pcn, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
}

/* The month by month table: coverage % before October, minutes after. */
static void
test_months (Fixture       *f,
             gconstpointer  data)
{
  LpAccessQuery query = { 0, 0, "2022-09", "2022-10", FALSE, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpAccessTable) table = lp_plan_access (f->plan, &query, &error);
  const LpAccessMonth *september, *october;

  g_assert_no_error (error);
  g_assert_cmpuint (table->months->len, ==, 2);
  september = g_ptr_array_index (table->months, 0);
  october = g_ptr_array_index (table->months, 1);
  /* East One and West Two live: 18,000 / 36,000; behind the 100%. */
  g_assert_false (september->pcn_rule);
  g_assert_cmpfloat (september->planned, ==, 0.5);
  g_assert_true (september->behind);
  g_assert_cmpfloat (september->required_minutes, ==, 1080);
  g_assert_cmpint (september->offered_minutes, ==, 540);
  g_assert_true (october->pcn_rule);
  g_assert_false (october->behind);
  g_assert_cmpstr (october->rule, ==, "Enhanced access");
  g_assert_cmpfloat (october->required_minutes, ==, 2190);
  g_assert_cmpint (october->offered_minutes, ==, 1410);
  g_assert_cmpint (october->standard_minutes, ==, 1020);
  /* West alone: 930 required, 654 offered, 537 inside. */
  query.locality_id = lp_plan_find_locality (f->plan, "West");
  g_clear_pointer (&table, lp_access_table_free);
  table = lp_plan_access (f->plan, &query, &error);
  g_assert_no_error (error);
  october = g_ptr_array_index (table->months, 1);
  g_assert_cmpfloat (october->required_minutes, ==, 930);
  g_assert_cmpint (october->offered_minutes, ==, 654);
  g_assert_cmpint (october->standard_minutes, ==, 537);
}

/* A newer adjusted population from December: Hillside's 7,000 need 420,
 * 30 more than its 6,500's 390; the months before keep the older figure. */
static void
test_months_newer_figure (Fixture       *f,
                          gconstpointer  data)
{
  LpAccessQuery query = { 0, 0, "2022-10", "2023-01", FALSE, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpAccessTable) table = NULL;
  static const double required[] = { 2190, 2190, 2220, 2220 };

  sql (f, "INSERT INTO weighted_population (weights_name, practice_id, as_at, population) "
          "VALUES ('PCN adjusted', 22, '2022-12-01', 7000)");
  table = lp_plan_access (f->plan, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->months->len, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_cmpfloat (((LpAccessMonth *) g_ptr_array_index (table->months, i))->required_minutes, ==, required[i]);

  /* On registered patients, a list-size extract of 7,000 for West Two
   * from January: 30,000 + 6,000 need 2,160, then 2,220. */
  sql (f, "UPDATE capacity_rule SET population_base = 'registered' WHERE id = 2;"
          "INSERT INTO list_size (practice_id, extract_date, patients) VALUES (22, '2023-01-01', 7000)");
  g_clear_pointer (&table, lp_access_table_free);
  table = lp_plan_access (f->plan, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (((LpAccessMonth *) g_ptr_array_index (table->months, 2))->required_minutes, ==, 2160);
  g_assert_cmpfloat (((LpAccessMonth *) g_ptr_array_index (table->months, 3))->required_minutes, ==, 2220);
}

/* On registered patients Riverside is 30,000 too and Hillside 6,000; at
 * 45 a 1,000 rounded to the quarter hour Hillside's 270 stays, and on the
 * adjusted base its 292.5 rounds to 300. */
static void
test_bases_and_rounding (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(LpPcnAccess) registered = NULL;
  g_autoptr(LpPcnAccess) rounded = NULL;

  sql (f, "UPDATE capacity_rule SET population_base = 'registered' WHERE id = 2");
  registered = pcn_access (f, NULL, "2022-10");
  g_assert_cmpfloat (find_pcn (registered, "U00001")->required_minutes, ==, 1800);
  g_assert_cmpfloat (find_pcn (registered, "U00002")->required_minutes, ==, 360);
  sql (f, "UPDATE capacity_rule SET population_base = 'weighted PCN adjusted', minutes_per_1000 = 45, "
          "round_to_quarter_hour = 1 WHERE id = 2");
  rounded = pcn_access (f, NULL, "2022-10");
  g_assert_cmpfloat (find_pcn (rounded, "U00002")->required_minutes, ==, 300);
  g_assert_cmpfloat (find_pcn (rounded, "U00001")->required_minutes, ==, 1350);
}

/* A member practice without an adjusted population is named, never 0;
 * one whose figure is dated after the month uses it. */
static void
test_missing_figure (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPcnAccess) access = NULL;
  LpAccessQuery query = { 0, 0, "2022-10", "2022-10", FALSE, 0 };
  g_autoptr(LpAccessTable) table = NULL;

  sql (f, "UPDATE weighted_population SET as_at = '2023-04-01' WHERE practice_id = 11");
  access = pcn_access (f, NULL, "2022-10");
  g_assert_cmpfloat (find_pcn (access, "U00001")->population, ==, 30000);
  g_clear_pointer (&access, lp_pcn_access_free);
  sql (f, "DELETE FROM weighted_population WHERE practice_id = 12");
  access = lp_plan_pcn_access (f->plan, 0, 0, "2022-10", &error);
  g_assert_null (access);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Practice E00002 is in a primary care network but has no figure on the population base "
                   "“weighted PCN adjusted”: import it, or choose another base for the rule");
  g_clear_error (&error);
  /* The month table says so too, rather than counting it as 0. */
  table = lp_plan_access (f->plan, &query, &error);
  g_assert_null (table);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
}

static char *
plan_path (Fixture *f)
{
  return test_tmp_path (f->dir, "plan.lpplan");
}

/* A session added, edited and deleted: each one undo step, and the PCN's
 * minutes follow. */
static void
test_session_edits (Fixture       *f,
                    gconstpointer  data)
{
  LpPcnSessionForm form = { "U00002", 2, "18.30", " 20:00 ", "01/11/2022", "" };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPcnSessionRow) row = NULL;
  g_autoptr(LpPcnAccess) access = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  const char *field = NULL;
  gint64 id;

  g_assert_false (lp_plan_can_undo (f->plan));
  id = lp_plan_save_pcn_session_form (f->plan, 0, &form, &field, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Add enhanced access session");
  row = lp_plan_get_pcn_session (f->plan, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (row->pcn_name, ==, "Hillside PCN");
  g_assert_cmpint (row->weekday, ==, 2);
  g_assert_cmpstr (row->start_time, ==, "18:30");
  g_assert_cmpstr (row->end_time, ==, "20:00");
  g_assert_cmpstr (row->start_date, ==, "2022-11-01");
  g_assert_cmpstr (row->end_date, ==, "");
  g_assert_cmpint (row->offered_minutes, ==, 90);
  g_assert_cmpint (row->standard_minutes, ==, 90);
  /* November: Hillside's 330 and this 90. */
  access = pcn_access (f, NULL, "2022-11");
  g_assert_cmpint (find_pcn (access, "U00002")->offered_minutes, ==, 420);
  g_clear_pointer (&access, lp_pcn_access_free);

  /* Moved to Saturday morning, until the end of the year: 08:00-10:00
   * offers 120, 60 inside (09:00-10:00). */
  form.weekday = 6;
  form.start_time = "8:00";
  form.end_time = "10:00";
  form.end_date = "2022-12-31";
  g_assert_cmpint (lp_plan_save_pcn_session_form (f->plan, id, &form, &field, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Edit enhanced access session");
  access = pcn_access (f, NULL, "2022-12");
  g_assert_cmpint (find_pcn (access, "U00002")->offered_minutes, ==, 450);
  g_assert_cmpint (find_pcn (access, "U00002")->standard_minutes, ==, 390);
  g_clear_pointer (&access, lp_pcn_access_free);
  access = pcn_access (f, NULL, "2023-01");
  g_assert_cmpint (find_pcn (access, "U00002")->offered_minutes, ==, 330);
  g_clear_pointer (&access, lp_pcn_access_free);

  g_assert_true (lp_plan_delete_pcn_session (f->plan, id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Delete enhanced access session");
  sessions = lp_plan_list_pcn_sessions (f->plan, "U00002", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 3);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  /* Undo the delete, the edit, then the add. */
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_clear_pointer (&row, lp_pcn_session_row_free);
  row = lp_plan_get_pcn_session (f->plan, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (row->weekday, ==, 6);
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_clear_pointer (&row, lp_pcn_session_row_free);
  row = lp_plan_get_pcn_session (f->plan, id, &error);
  g_assert_cmpint (row->weekday, ==, 2);
  g_assert_cmpstr (row->end_date, ==, "");
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_null (lp_plan_get_pcn_session (f->plan, id, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
  g_assert_false (lp_plan_can_undo (f->plan));
}

static const struct {
  LpPcnSessionForm  form;
  const char       *field;
  const char       *message;
} bad_sessions[] = {
  { { "U00009", 1, "18:30", "20:00", "01/10/2022", NULL }, "pcn",
    "No practice of the plan is in a primary care network “U00009”" },
  { { "", 1, "18:30", "20:00", "01/10/2022", NULL }, "pcn", "Choose the primary care network" },
  { { "U00001", 0, "18:30", "20:00", "01/10/2022", NULL }, "weekday", "Choose the day of the week" },
  { { "U00001", 8, "18:30", "20:00", "01/10/2022", NULL }, "weekday", "Choose the day of the week" },
  { { "U00001", 1, "", "20:00", "01/10/2022", NULL }, "start_time", "Start time is needed: a time of day such as 18:30" },
  { { "U00001", 1, "6.30pm", "20:00", "01/10/2022", NULL }, "start_time",
    "Start time must be a time of day such as 18:30, not “6.30pm”" },
  { { "U00001", 1, "1830", "20:00", "01/10/2022", NULL }, "start_time",
    "Start time must be a time of day such as 18:30, not “1830”" },
  { { "U00001", 1, "18:30", "24:00", "01/10/2022", NULL }, "end_time",
    "End time must be a time of day from 00:00 to 23:59, not “24:00”" },
  { { "U00001", 1, "18:75", "20:00", "01/10/2022", NULL }, "start_time",
    "Start time must be a time of day from 00:00 to 23:59, not “18:75”" },
  { { "U00001", 1, "20:00", "18:30", "01/10/2022", NULL }, "end_time",
    "The session must end after it starts, on the same day" },
  { { "U00001", 1, "18:30", "18:30", "01/10/2022", NULL }, "end_time",
    "The session must end after it starts, on the same day" },
  { { "U00001", 1, "18:30", "20:00", "31/09/2022", NULL }, "start_date", NULL },
  { { "U00001", 1, "18:30", "20:00", "", NULL }, "start_date", NULL },
  { { "U00001", 1, "18:30", "20:00", "01/10/2022", "30/09/2022" }, "end_date",
    "The session must run until a date on or after the date it starts" },
};

/* Bad sessions are refused with their message, under their field, and
 * the plan file is unchanged. */
static void
test_session_refusals (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = plan_path (f);
  g_autofree char *before = test_file_checksum (path);

  for (guint i = 0; i < G_N_ELEMENTS (bad_sessions); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      const char *field = NULL;

      g_test_message ("%s %s-%s", bad_sessions[i].form.pcn_code, bad_sessions[i].form.start_time,
                      bad_sessions[i].form.end_time);
      g_assert_cmpint (lp_plan_save_pcn_session_form (f->plan, 0, &bad_sessions[i].form, &field, &error), ==, 0);
      g_assert_nonnull (error);
      if (bad_sessions[i].message != NULL)
        g_assert_cmpstr (error->message, ==, bad_sessions[i].message);
      g_assert_cmpstr (field, ==, bad_sessions[i].field);
      after = test_file_checksum (path);
      g_assert_cmpstr (after, ==, before);
    }
  g_assert_false (lp_plan_can_undo (f->plan));
}

/* The rule editor: applies to, and a base that must be registered or
 * weights the plan holds. */
static void
test_rule_form (Fixture       *f,
                gconstpointer  data)
{
  LpCapacityRuleForm form = { "Enhanced access 2024", "01/04/2024", "60", NULL, LP_CAPACITY_APPLIES_PCN,
                              "weighted PCN adjusted" };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpCapacityRuleRow) row = NULL;
  g_autofree char *path = plan_path (f);
  g_autofree char *before = NULL;
  const char *field = NULL;
  gint64 id;

  id = lp_plan_save_capacity_rule_form (f->plan, 0, &form, &field, &error);
  g_assert_no_error (error);
  row = lp_plan_get_capacity_rule (f->plan, id, &error);
  g_assert_true (row->per_pcn);
  g_assert_cmpstr (row->population_base, ==, "weighted PCN adjusted");
  g_clear_pointer (&row, lp_capacity_rule_row_free);
  /* Back to practices: the base is registered whatever was typed. */
  form.applies_to = LP_CAPACITY_APPLIES_PRACTICE;
  g_assert_cmpint (lp_plan_save_capacity_rule_form (f->plan, id, &form, &field, &error), ==, id);
  row = lp_plan_get_capacity_rule (f->plan, id, &error);
  g_assert_false (row->per_pcn);
  g_assert_cmpstr (row->population_base, ==, "registered");
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_clear_pointer (&row, lp_capacity_rule_row_free);
  row = lp_plan_get_capacity_rule (f->plan, id, &error);
  g_assert_true (row->per_pcn);

  before = test_file_checksum (path);
  form.applies_to = LP_CAPACITY_APPLIES_PCN;
  form.population_base = "weighted Need";
  g_assert_cmpint (lp_plan_save_capacity_rule_form (f->plan, id, &form, &field, &error), ==, 0);
  g_assert_cmpstr (field, ==, "population_base");
  g_assert_cmpstr (error->message, ==,
                   "The plan has no weighted population called “Need”: import the PCN adjusted populations first");
  g_clear_error (&error);
  form.population_base = "75+";
  g_assert_cmpint (lp_plan_save_capacity_rule_form (f->plan, id, &form, &field, &error), ==, 0);
  g_assert_cmpstr (field, ==, "population_base");
  g_assert_cmpstr (error->message, ==,
                   "A rule for primary care networks counts registered patients or a weighted population "
                   "such as the PCN adjusted population, not “75+”");
  g_clear_error (&error);
  form.applies_to = "locality";
  g_assert_cmpint (lp_plan_save_capacity_rule_form (f->plan, id, &form, &field, &error), ==, 0);
  g_assert_cmpstr (field, ==, "applies_to");
  g_clear_error (&error);
  {
    g_autofree char *after = test_file_checksum (path);

    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_list_pcns (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pcns = lp_plan_list_pcns (f->plan, &error);
  const LpPcnRow *first;

  g_assert_no_error (error);
  g_assert_cmpuint (pcns->len, ==, 2);
  first = g_ptr_array_index (pcns, 0);
  g_assert_cmpstr (first->name, ==, "Hillside PCN");
  g_assert_cmpstr (first->code, ==, "U00002");
  g_assert_cmpuint (first->practices, ==, 1);
  g_assert_cmpuint (((LpPcnRow *) g_ptr_array_index (pcns, 1))->practices, ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pcn-access/standard-hours", test_standard_hours);
#define ADD(path, fn) g_test_add ("/pcn-access/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("pcn-month", test_pcn_month);
  ADD ("locality", test_pcn_locality);
  ADD ("later-session", test_pcn_later_session);
  ADD ("practice-month", test_practice_month);
  ADD ("months", test_months);
  ADD ("months-newer-figure", test_months_newer_figure);
  ADD ("bases-and-rounding", test_bases_and_rounding);
  ADD ("missing-figure", test_missing_figure);
  ADD ("session-edits", test_session_edits);
  ADD ("session-refusals", test_session_refusals);
  ADD ("rule-form", test_rule_form);
  ADD ("list-pcns", test_list_pcns);
#undef ADD
  return g_test_run ();
}
