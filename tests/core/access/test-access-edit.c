/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Entering the extended access inputs on a copy of the sample plan: the
 * trajectory's points, capacity rules and a practice's provision, each
 * added, edited and removed with the exact values stored, bad input
 * refused with its reason and the file unchanged, and each step undone. */
#include <string.h>

#include "core-test-util.h"
#include "lp-access-edit.h"
#include "lp-plan-private.h"

static char *
target_sql (const char *path,
            gint64      id,
            const char *column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, &error);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM access_trajectory WHERE id = %" G_GINT64_FORMAT,
                                          column, id);
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (lp_plan_get_db (plan), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* One row's columns joined by "|", or NULL without the row. */
static char *
row_text (const char *path,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (path, LP_PLAN_OPEN_READ_ONLY, &error);
  sqlite3_stmt *stmt = NULL;
  GString *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (lp_plan_get_db (plan), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      text = g_string_new (NULL);
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (text, "%s%s", c > 0 ? "|" : "",
                                sqlite3_column_type (stmt, c) == SQLITE_NULL ? "NULL"
                                : (const char *) sqlite3_column_text (stmt, c));
    }
  sqlite3_finalize (stmt);
  return text != NULL ? g_string_free (text, FALSE) : NULL;
}

static void
test_target_add_edit_remove (TestSample *f, gconstpointer data)
{
  LpAccessTargetForm add = { "2018/19 Q4", "100" };
  LpAccessTargetForm edit = { " August 2019 ", "95.5%" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  const char *field = NULL;
  g_autofree char *stored = NULL;
  gint64 id;

  targets = lp_plan_list_access_targets (f->plan, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 5);
  g_assert_cmpstr (((LpAccessTargetRow *) g_ptr_array_index (targets, 2))->period, ==, "2018/19 Q2 (July)");
  g_assert_cmpstr (((LpAccessTargetRow *) g_ptr_array_index (targets, 2))->month, ==, "2018-07");
  g_assert_cmpint (((LpAccessTargetRow *) g_ptr_array_index (targets, 2))->target_bp, ==, 6800);
  g_clear_pointer (&targets, g_ptr_array_unref);

  id = lp_plan_save_access_target_form (f->plan, 0, 0, &add, &field, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  stored = target_sql (f->path, id, "label || '|' || period_month || '|' || target_bp || '|' || "
                                    "(locality_id IS NULL)");
  g_assert_cmpstr (stored, ==, "2018/19 Q4|2019-01-01|10000|1");
  g_clear_pointer (&stored, g_free);
  targets = lp_plan_list_access_targets (f->plan, 0, &error);
  g_assert_cmpuint (targets->len, ==, 6);
  g_assert_cmpstr (((LpAccessTargetRow *) g_ptr_array_index (targets, 5))->month, ==, "2019-01");
  g_clear_pointer (&targets, g_ptr_array_unref);

  g_assert_cmpint (lp_plan_save_access_target_form (f->plan, id, 0, &edit, &field, &error), ==, id);
  g_assert_no_error (error);
  stored = target_sql (f->path, id, "label || '|' || period_month || '|' || target_bp");
  g_assert_cmpstr (stored, ==, "August 2019|2019-08-01|9550");
  g_clear_pointer (&stored, g_free);

  g_assert_true (lp_plan_undo (f->plan, &error));
  stored = target_sql (f->path, id, "label || '|' || period_month || '|' || target_bp");
  g_assert_cmpstr (stored, ==, "2018/19 Q4|2019-01-01|10000");
  g_clear_pointer (&stored, g_free);

  g_assert_true (lp_plan_delete_access_target (f->plan, id, &error));
  g_assert_null (target_sql (f->path, id, "id"));
  g_assert_true (lp_plan_undo (f->plan, &error));
  stored = target_sql (f->path, id, "target_bp");
  g_assert_cmpstr (stored, ==, "10000");
  g_clear_pointer (&stored, g_free);
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_null (target_sql (f->path, id, "id"));
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM access_trajectory"), ==, 5);
}

static const struct {
  const char *period, *target, *field, *message;
} bad_targets[] = {
  { "2018/19 Q4", "120", "target", "The target must be 0 to 100 %, not “120”" },
  { "2018/19 Q4", "100.01", "target", "The target must be 0 to 100 %, not “100.01”" },
  { "2018/19 Q4", "-5", "target", "The target must be 0 to 100 %, not “-5”" },
  { "2018/19 Q4", "banana", "target",
    "The target must be a percentage with at most two decimals, such as 13.3, not “banana”" },
  { "2018/19 Q4", "", "target", "The target must be a percentage with at most two decimals, such as 13.3, not “”" },
  { "banana", "50", "period", "“banana” is not a period such as 2018/19 Q3, 2018/19 Q2 (July) or July 2018" },
  { "", "50", "period", "Type the period, such as 2018/19 Q3 or July 2018" },
  { "2018/19 Q5", "50", "period", "“2018/19 Q5” is not a period such as 2018/19 Q3, 2018/19 Q2 (July) or July 2018" },
  { "2018/19 Q2 (May)", "50", "period", "“2018/19 Q2 (May)”: May is not a month of quarter 2" },
  /* July 2018 already has "2018/19 Q2 (July)", however it is written. */
  { "2018/19 Q2", "70", "period",
    "The trajectory already has a target from July 2018 (“2018/19 Q2 (July)”): edit that one instead" },
  { "July 2018", "70", "period",
    "The trajectory already has a target from July 2018 (“2018/19 Q2 (July)”): edit that one instead" },
  { "2018-10", "70", "period",
    "The trajectory already has a target from October 2018 (“2018/19 Q3”): edit that one instead" },
  /* The sample's years start in 2018/19, so periods from April 2017. */
  { "2016/17 Q4", "50", "period",
    "Applies from: 01/01/2017 is before the plan (its years start in 2018/19; dates from 01/04/2017)" },
  { "March 2017", "50", "period",
    "Applies from: 01/03/2017 is before the plan (its years start in 2018/19; dates from 01/04/2017)" },
};

static void
test_target_refusals (TestSample *f, gconstpointer data)
{
  g_autofree char *before = test_file_checksum (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (bad_targets); i++)
    {
      LpAccessTargetForm form = { bad_targets[i].period, bad_targets[i].target };
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      const char *field = NULL;

      g_test_message ("%s %s", form.period, form.target);
      g_assert_cmpint (lp_plan_save_access_target_form (f->plan, 0, 0, &form, &field, &error), ==, 0);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, bad_targets[i].message);
      g_assert_cmpstr (field, ==, bad_targets[i].field);
      after = test_file_checksum (f->path);
      g_assert_cmpstr (after, ==, before);
    }
  g_assert_false (lp_plan_can_undo (f->plan));
}

/* A quarter without its year is the plan year's (the sample's 2018/19),
 * stored in full. */
static void
test_target_in_plan_year (TestSample *f, gconstpointer data)
{
  LpAccessTargetForm form = { "Q4 (February)", "100" };
  LpAccessTargetForm wrong = { "Q2 (May)", "100" };
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *month = NULL;
  const char *field = NULL;
  gint64 id;

  month = lp_plan_read_access_period (f->plan, " Q3", &error);
  g_assert_cmpstr (month, ==, "2018-10-01");
  id = lp_plan_save_access_target_form (f->plan, 0, 0, &form, &field, &error);
  g_assert_no_error (error);
  stored = target_sql (f->path, id, "label || '|' || period_month || '|' || target_bp");
  g_assert_cmpstr (stored, ==, "2018/19 Q4 (February)|2019-02-01|10000");
  g_assert_cmpint (lp_plan_save_access_target_form (f->plan, 0, 0, &wrong, &field, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "“2018/19 Q2 (May)”: May is not a month of quarter 2");
  g_assert_cmpstr (field, ==, "period");
}

/* Editing a point may keep its own month. */
static void
test_target_edit_same_month (TestSample *f, gconstpointer data)
{
  g_autoptr(GPtrArray) targets = lp_plan_list_access_targets (f->plan, 0, NULL);
  const LpAccessTargetRow *july = g_ptr_array_index (targets, 2);
  LpAccessTargetForm form = { "July 2018", "70" };
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  g_assert_cmpint (lp_plan_save_access_target_form (f->plan, july->id, 0, &form, NULL, &error), ==, july->id);
  g_assert_no_error (error);
  stored = target_sql (f->path, july->id, "label || '|' || period_month || '|' || target_bp");
  g_assert_cmpstr (stored, ==, "July 2018|2018-07-01|7000");
}

static void
test_rule_add_edit_remove (TestSample *f, gconstpointer data)
{
  LpCapacityRuleForm add = { "Winter pressures", "01/12/2018", "45", LP_ROUNDING_QUARTER_HOUR };
  LpCapacityRuleForm edit = { "Winter pressures 2018", "2019-01-01", "22.5", LP_ROUNDING_EXACT };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *stored = NULL;
  const char *field = NULL;
  gint64 id;

  rules = lp_plan_list_capacity_rules (f->plan, &error);
  g_assert_cmpuint (rules->len, ==, 2);
  g_assert_cmpstr (((LpCapacityRuleRow *) g_ptr_array_index (rules, 0))->name, ==, "GP Forward View extended access");
  g_assert_cmpfloat (((LpCapacityRuleRow *) g_ptr_array_index (rules, 0))->minutes_per_1000, ==, 30);

  id = lp_plan_save_capacity_rule_form (f->plan, 0, &add, &field, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT name, start_date, minutes_per_1000, round_to_quarter_hour FROM capacity_rule "
                         "WHERE id = %" G_GINT64_FORMAT, id);
  stored = row_text (f->path, sql);
  g_assert_cmpstr (stored, ==, "Winter pressures|2018-12-01|45.0|1");
  g_clear_pointer (&stored, g_free);

  g_assert_cmpint (lp_plan_save_capacity_rule_form (f->plan, id, &edit, &field, &error), ==, id);
  stored = row_text (f->path, sql);
  g_assert_cmpstr (stored, ==, "Winter pressures 2018|2019-01-01|22.5|0");
  g_clear_pointer (&stored, g_free);
  g_assert_true (lp_plan_undo (f->plan, &error));
  stored = row_text (f->path, sql);
  g_assert_cmpstr (stored, ==, "Winter pressures|2018-12-01|45.0|1");
  g_clear_pointer (&stored, g_free);

  g_assert_true (lp_plan_delete_capacity_rule (f->plan, id, &error));
  g_assert_null (row_text (f->path, sql));
  g_assert_true (lp_plan_undo (f->plan, &error));
  stored = row_text (f->path, sql);
  g_assert_cmpstr (stored, ==, "Winter pressures|2018-12-01|45.0|1");
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_null (row_text (f->path, sql));
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM capacity_rule"), ==, 2);
}

static const struct {
  const char *name, *start, *minutes, *field, *message;
} bad_rules[] = {
  { "", "01/12/2018", "45", "name", "The rule’s name must not be empty" },
  { "GP Forward View extended access", "01/12/2018", "45", "name",
    "There is already a capacity rule named “GP Forward View extended access”" },
  { "Winter", "31/02/2019", "45", "start_date",
    "Start date: “31/02/2019” is not a real date (use DD/MM/YYYY or YYYY-MM-DD)" },
  { "Winter", "banana", "45", "start_date", "Start date: “banana” is not a real date (use DD/MM/YYYY or YYYY-MM-DD)" },
  { "Winter", "01/04/2015", "45", "start_date",
    "Start date: 01/04/2015 is before the plan (its years start in 2018/19; dates from 01/04/2017)" },
  { "Winter", "2017-03-31", "45", "start_date",
    "Start date: 31/03/2017 is before the plan (its years start in 2018/19; dates from 01/04/2017)" },
  { "Winter", "01/12/2018", "banana", "minutes_per_1000",
    "Minutes per 1,000 patients must be a number such as 1.5, not “banana”" },
  { "Winter", "01/12/2018", "-30", "minutes_per_1000", "Minutes per 1,000 patients must be 0 or more, not “-30”" },
  { "Winter", "01/12/2018", "0", "minutes_per_1000", "Minutes per 1,000 patients must be more than 0" },
};

static void
test_rule_refusals (TestSample *f, gconstpointer data)
{
  g_autofree char *before = test_file_checksum (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (bad_rules); i++)
    {
      LpCapacityRuleForm form = { bad_rules[i].name, bad_rules[i].start, bad_rules[i].minutes, NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      const char *field = NULL;

      g_test_message ("%s %s %s", form.name, form.start_date, form.minutes_per_1000);
      g_assert_cmpint (lp_plan_save_capacity_rule_form (f->plan, 0, &form, &field, &error), ==, 0);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, bad_rules[i].message);
      g_assert_cmpstr (field, ==, bad_rules[i].field);
      after = test_file_checksum (f->path);
      g_assert_cmpstr (after, ==, before);
    }
  g_assert_false (lp_plan_can_undo (f->plan));
}

/* X06K01's planned provision in the sample: from 1 July 2018, full, 375
 * minutes a week, running on. */
static void
test_provision (TestSample *f, gconstpointer data)
{
  gint64 practice = lp_plan_find_practice (f->plan, "X06K01");
  g_autofree char *sql = g_strdup_printf (
      "SELECT start_date, end_date, level, minutes_per_week FROM access_provision "
      "WHERE practice_id = %" G_GINT64_FORMAT " AND basis = 'plan'", practice);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = row_text (f->path, sql);

  g_assert_cmpstr (stored, ==, "2018-07-01|NULL|full|375");
  g_clear_pointer (&stored, g_free);

  g_assert_true (lp_plan_enter_access_provision (f->plan, 0, practice, LP_FIELD_GO_LIVE, "01/11/2018", &error));
  g_assert_no_error (error);
  stored = row_text (f->path, sql);
  g_assert_cmpstr (stored, ==, "2018-11-01|NULL|full|375");
  g_clear_pointer (&stored, g_free);
  g_assert_true (lp_plan_enter_access_provision (f->plan, 0, practice, LP_FIELD_END_DATE, "31/03/2020", &error));
  g_assert_true (lp_plan_enter_access_provision (f->plan, 0, practice, LP_FIELD_LEVEL, " Partial", &error));
  g_assert_true (lp_plan_enter_access_provision (f->plan, 0, practice, LP_FIELD_MINUTES, "1,200", &error));
  g_assert_no_error (error);
  stored = row_text (f->path, sql);
  g_assert_cmpstr (stored, ==, "2018-11-01|2020-03-31|partial|1200");
  g_clear_pointer (&stored, g_free);

  /* Each was one step. */
  g_assert_true (lp_plan_undo (f->plan, &error));
  stored = row_text (f->path, sql);
  g_assert_cmpstr (stored, ==, "2018-11-01|2020-03-31|partial|375");
  g_clear_pointer (&stored, g_free);
  g_assert_true (lp_plan_undo (f->plan, &error));
  stored = row_text (f->path, sql);
  g_assert_cmpstr (stored, ==, "2018-11-01|2020-03-31|full|375");
  g_clear_pointer (&stored, g_free);
  g_assert_true (lp_plan_undo (f->plan, &error));
  stored = row_text (f->path, sql);
  g_assert_cmpstr (stored, ==, "2018-11-01|NULL|full|375");
  g_clear_pointer (&stored, g_free);

  /* An empty end date runs on; an empty go-live date plans nothing. */
  g_assert_true (lp_plan_enter_access_provision (f->plan, 0, practice, LP_FIELD_END_DATE, "31/03/2020", &error));
  g_assert_true (lp_plan_enter_access_provision (f->plan, 0, practice, LP_FIELD_END_DATE, "", &error));
  stored = row_text (f->path, sql);
  g_assert_cmpstr (stored, ==, "2018-11-01|NULL|full|375");
  g_clear_pointer (&stored, g_free);
  g_assert_true (lp_plan_enter_access_provision (f->plan, 0, practice, LP_FIELD_GO_LIVE, " ", &error));
  g_assert_null (row_text (f->path, sql));
  g_assert_true (lp_plan_undo (f->plan, &error));
  stored = row_text (f->path, sql);
  g_assert_cmpstr (stored, ==, "2018-11-01|NULL|full|375");
  g_clear_pointer (&stored, g_free);
  g_assert_no_error (error);
}

/* A practice with no planned provision gets one from its go-live date:
 * full, 0 minutes, until its minutes are typed. */
static void
test_provision_new (TestSample *f, gconstpointer data)
{
  gint64 practice = lp_plan_find_practice (f->plan, "X06K02");
  g_autofree char *sql = g_strdup_printf (
      "SELECT start_date, end_date, level, minutes_per_week FROM access_provision "
      "WHERE practice_id = %" G_GINT64_FORMAT " AND basis = 'plan'", practice);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  g_assert_true (lp_plan_enter_access_provision (f->plan, 0, practice, LP_FIELD_GO_LIVE, "", &error));
  g_assert_null (row_text (f->path, sql));
  g_assert_false (lp_plan_enter_access_provision (f->plan, 0, practice, LP_FIELD_MINUTES, "300", &error));
  g_assert_cmpstr (error->message, ==, "Type the practice’s go-live date first");
  g_clear_error (&error);
  g_assert_true (lp_plan_enter_access_provision (f->plan, 0, practice, LP_FIELD_GO_LIVE, "2018-09-03", &error));
  stored = row_text (f->path, sql);
  g_assert_cmpstr (stored, ==, "2018-09-03|NULL|full|0");
  g_assert_no_error (error);
}

static const struct {
  const char *field, *typed, *message;
} bad_provision[] = {
  { "go_live", "banana", "Go-live date: “banana” is not a real date (use DD/MM/YYYY or YYYY-MM-DD)" },
  { "go_live", "31/02/2019", "Go-live date: “31/02/2019” is not a real date (use DD/MM/YYYY or YYYY-MM-DD)" },
  { "end_date", "31/02/2019", "End date: “31/02/2019” is not a real date (use DD/MM/YYYY or YYYY-MM-DD)" },
  { "go_live", "31/03/2017",
    "Go-live date: 31/03/2017 is before the plan (its years start in 2018/19; dates from 01/04/2017)" },
  { "end_date", "01/04/2015",
    "End date: 01/04/2015 is before the plan (its years start in 2018/19; dates from 01/04/2017)" },
  /* An end before the provision starts. */
  { "end_date", "30/06/2018", "The end date, 30/06/2018, is before the go-live date, 01/07/2018" },
  { "level", "sometimes", "The level must be full, partial or none, not “sometimes”" },
  { "minutes", "-5", "Minutes a week must be a whole number of 0 or more, not “-5”" },
  { "minutes", "banana", "Minutes a week must be a whole number of 0 or more, not “banana”" },
};

static void
test_provision_refusals (TestSample *f, gconstpointer data)
{
  gint64 practice = lp_plan_find_practice (f->plan, "X06K01");
  g_autofree char *before = test_file_checksum (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (bad_provision); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_test_message ("%s %s", bad_provision[i].field, bad_provision[i].typed);
      g_assert_false (lp_plan_enter_access_provision (f->plan, 0, practice, bad_provision[i].field,
                                                      bad_provision[i].typed, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, bad_provision[i].message);
      after = test_file_checksum (f->path);
      g_assert_cmpstr (after, ==, before);
    }
  g_assert_false (lp_plan_can_undo (f->plan));
}

/* The earliest date each editor takes is 1 April of the year before the
 * plan's first (the sample's 2018/19): 01/04/2017. */
static void
test_earliest_dates (TestSample *f, gconstpointer data)
{
  LpAccessTargetForm target = { "2017/18 Q1", "10" };
  LpCapacityRuleForm rule = { "Early", "01/04/2017", "30", NULL };
  gint64 practice = lp_plan_find_practice (f->plan, "X06K02");
  g_autofree char *sql = g_strdup_printf (
      "SELECT start_date, ifnull (end_date, '') FROM access_provision "
      "WHERE practice_id = %" G_GINT64_FORMAT " AND basis = 'plan'", practice);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  gint64 id;

  id = lp_plan_save_access_target_form (f->plan, 0, 0, &target, NULL, &error);
  g_assert_no_error (error);
  stored = target_sql (f->path, id, "period_month");
  g_assert_cmpstr (stored, ==, "2017-04-01");
  g_clear_pointer (&stored, g_free);

  id = lp_plan_save_capacity_rule_form (f->plan, 0, &rule, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM capacity_rule WHERE name = 'Early' "
                                          "AND start_date = '2017-04-01'"), ==, 1);

  g_assert_true (lp_plan_enter_access_provision (f->plan, 0, practice, LP_FIELD_GO_LIVE, "01/04/2017", &error));
  g_assert_true (lp_plan_enter_access_provision (f->plan, 0, practice, LP_FIELD_END_DATE, "2017-04-01", &error));
  g_assert_no_error (error);
  stored = row_text (f->path, sql);
  g_assert_cmpstr (stored, ==, "2017-04-01|2017-04-01");
}

/* A plan that names no financial year has no "before" to refuse. */
static void
test_no_year_takes_old_dates (TestSample *f, gconstpointer data)
{
  LpAccessTargetForm target = { "2014/15 Q1", "10" };
  LpCapacityRuleForm rule = { "Old", "01/04/2015", "30", NULL };
  gint64 practice = lp_plan_find_practice (f->plan, "X06K02");
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  gint64 id;

  g_assert_true (lp_plan_begin_write (f->plan, &error));
  g_assert_cmpint (sqlite3_exec (lp_plan_get_db (f->plan),
                                 "DELETE FROM plan_info WHERE key IN ('financial_year', 'last_financial_year')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (lp_plan_commit (f->plan, &error));

  id = lp_plan_save_access_target_form (f->plan, 0, 0, &target, NULL, &error);
  g_assert_no_error (error);
  stored = target_sql (f->path, id, "period_month");
  g_assert_cmpstr (stored, ==, "2014-04-01");
  lp_plan_save_capacity_rule_form (f->plan, 0, &rule, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM capacity_rule WHERE start_date = '2015-04-01'"),
                   ==, 1);
  g_assert_true (lp_plan_enter_access_provision (f->plan, 0, practice, LP_FIELD_GO_LIVE, "01/04/2015", &error));
  g_assert_no_error (error);
}

/* The target in force for @month of @locality_id's access table. */
static double
target_in (LpPlan     *plan,
           gint64      locality_id,
           const char *month,
           gboolean   *own)
{
  LpAccessQuery query = { locality_id, 0, NULL, NULL, FALSE, 0 };
  g_autoptr(GError) error = NULL;
  LpAccessTable *table = lp_plan_access (plan, &query, &error);
  double target = -1;

  g_assert_no_error (error);
  for (guint i = 0; i < table->months->len; i++)
    {
      const LpAccessMonth *row = g_ptr_array_index (table->months, i);

      if (g_str_equal (row->month, month))
        target = row->has_target ? row->target : -1;
    }
  *own = table->own_trajectory;
  lp_access_table_free (table);
  return target;
}

/* A locality's own trajectory: added beside the plan's (the same month
 * in both), in force for that locality only, kept when edited, and
 * removed in one step so that the locality follows the plan's again. */
static void
test_locality_trajectory (TestSample *f, gconstpointer data)
{
  gint64 stevenage = lp_plan_find_locality (f->plan, "Stevenage");
  LpAccessTargetForm july = { "2018/19 Q2 (July)", "50" };
  LpAccessTargetForm october = { "2018/19 Q3", "90" };
  LpAccessTargetForm edit = { "2018/19 Q3", "92.5" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *expected = NULL;
  gint64 id, october_id;
  gboolean own;

  g_assert_cmpint (stevenage, !=, 0);
  /* The sample's plan-wide trajectory: 68% from July 2018, 100% from October. */
  g_assert_cmpfloat_with_epsilon (target_in (f->plan, stevenage, "2018-07", &own), 0.68, 1e-9);
  g_assert_false (own);
  targets = lp_plan_list_access_targets (f->plan, stevenage, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 0);
  g_clear_pointer (&targets, g_ptr_array_unref);

  id = lp_plan_save_access_target_form (f->plan, 0, stevenage, &july, NULL, &error);
  g_assert_no_error (error);
  october_id = lp_plan_save_access_target_form (f->plan, 0, stevenage, &october, NULL, &error);
  g_assert_no_error (error);
  stored = target_sql (f->path, id, "label || '|' || period_month || '|' || target_bp || '|' || locality_id");
  expected = g_strdup_printf ("2018/19 Q2 (July)|2018-07-01|5000|%" G_GINT64_FORMAT, stevenage);
  g_assert_cmpstr (stored, ==, expected);
  targets = lp_plan_list_access_targets (f->plan, stevenage, &error);
  g_assert_cmpuint (targets->len, ==, 2);
  g_assert_cmpint (((LpAccessTargetRow *) g_ptr_array_index (targets, 0))->locality_id, ==, stevenage);
  g_clear_pointer (&targets, g_ptr_array_unref);
  targets = lp_plan_list_access_targets (f->plan, 0, &error);
  g_assert_cmpuint (targets->len, ==, 5);
  g_clear_pointer (&targets, g_ptr_array_unref);

  /* In force for Stevenage alone: its 50% in July and its 90% from
   * October; no point of its own before July, so no target in June. */
  g_assert_cmpfloat_with_epsilon (target_in (f->plan, stevenage, "2018-07", &own), 0.50, 1e-9);
  g_assert_true (own);
  g_assert_cmpfloat_with_epsilon (target_in (f->plan, stevenage, "2018-11", &own), 0.90, 1e-9);
  g_assert_cmpfloat (target_in (f->plan, stevenage, "2018-06", &own), ==, -1);
  g_assert_cmpfloat_with_epsilon (target_in (f->plan, lp_plan_find_locality (f->plan, "North Herts"), "2018-07",
                                             &own), 0.68, 1e-9);
  g_assert_false (own);

  /* A second point from July in Stevenage's own trajectory is refused. */
  g_assert_cmpint (lp_plan_save_access_target_form (f->plan, 0, stevenage, &july, NULL, &error), ==, 0);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==,
                   "The trajectory already has a target from July 2018 (“2018/19 Q2 (July)”): edit that one instead");
  g_clear_error (&error);

  /* Edited with the plan's scope asked for, it stays Stevenage's. */
  g_assert_cmpint (lp_plan_save_access_target_form (f->plan, october_id, 0, &edit, NULL, &error), ==, october_id);
  g_assert_no_error (error);
  g_clear_pointer (&stored, g_free);
  stored = target_sql (f->path, october_id, "target_bp || '|' || (locality_id IS NOT NULL)");
  g_assert_cmpstr (stored, ==, "9250|1");

  /* Following the plan again: one step, undone in one. */
  g_assert_true (lp_plan_clear_locality_trajectory (f->plan, stevenage, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM access_trajectory WHERE locality_id IS NOT NULL"),
                   ==, 0);
  g_assert_cmpfloat_with_epsilon (target_in (f->plan, stevenage, "2018-07", &own), 0.68, 1e-9);
  g_assert_false (lp_plan_clear_locality_trajectory (f->plan, stevenage, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The locality already follows the plan’s trajectory");
  g_clear_error (&error);
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM access_trajectory WHERE locality_id IS NOT NULL"),
                   ==, 2);

  /* A locality that has gone takes no point. */
  g_assert_cmpint (lp_plan_save_access_target_form (f->plan, 0, 42, &july, NULL, &error), ==, 0);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The locality no longer exists");
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM access_trajectory"), ==, 7);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/access-edit/target", TestSample, NULL, test_sample_set_up, test_target_add_edit_remove,
              test_sample_tear_down);
  g_test_add ("/access-edit/target-refusals", TestSample, NULL, test_sample_set_up, test_target_refusals,
              test_sample_tear_down);
  g_test_add ("/access-edit/target-in-plan-year", TestSample, NULL, test_sample_set_up, test_target_in_plan_year,
              test_sample_tear_down);
  g_test_add ("/access-edit/target-same-month", TestSample, NULL, test_sample_set_up, test_target_edit_same_month,
              test_sample_tear_down);
  g_test_add ("/access-edit/locality-trajectory", TestSample, NULL, test_sample_set_up, test_locality_trajectory,
              test_sample_tear_down);
  g_test_add ("/access-edit/rule", TestSample, NULL, test_sample_set_up, test_rule_add_edit_remove,
              test_sample_tear_down);
  g_test_add ("/access-edit/rule-refusals", TestSample, NULL, test_sample_set_up, test_rule_refusals,
              test_sample_tear_down);
  g_test_add ("/access-edit/provision", TestSample, NULL, test_sample_set_up, test_provision,
              test_sample_tear_down);
  g_test_add ("/access-edit/provision-new", TestSample, NULL, test_sample_set_up, test_provision_new,
              test_sample_tear_down);
  g_test_add ("/access-edit/provision-refusals", TestSample, NULL, test_sample_set_up, test_provision_refusals,
              test_sample_tear_down);
  g_test_add ("/access-edit/earliest-dates", TestSample, NULL, test_sample_set_up, test_earliest_dates,
              test_sample_tear_down);
  g_test_add ("/access-edit/no-year-takes-old-dates", TestSample, NULL, test_sample_set_up,
              test_no_year_takes_old_dates, test_sample_tear_down);
  return g_test_run ();
}
