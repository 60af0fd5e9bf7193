/* SPDX-License-Identifier: GPL-3.0-or-later */
/* locality-planner-cli workshop and merge: the copies written, what each
 * merge prints and its exit status (0 merged or nothing, 1 conflicts left
 * undecided with nothing merged, 2 a file that cannot be used). */
#include <glib/gstdio.h>

#include "cli-test-util.h"

#define X06K01_PATIENTS "SELECT patients FROM list_size WHERE extract_date = '2018-01-01' AND practice_id = " \
                        "(SELECT id FROM practice WHERE ods_code = 'X06K01')"

static void
test_workshop_writes_copies (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = cli_copy_sample (dir, "plan.lpplan");
  g_autofree char *a = g_build_filename (dir, "Table A.lpplan", NULL);
  g_autofree char *expected = g_strdup_printf ("Wrote workshop copy %s/Table A.lpplan\n"
                                               "Wrote workshop copy %s/Table B.lpplan\n", dir, dir);
  g_autoptr(CliRun) run = cli_run ("workshop", plan, dir, "--copies", "Table A, Table B", NULL);
  g_autoptr(CliRun) again = NULL;
  g_autoptr(CliRun) unnamed = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpstr (run->out, ==, expected);
  g_assert_cmpint (test_sql_int (a, "SELECT count(*) FROM workshop_copy WHERE name = 'Table A'"), ==, 1);
  g_assert_cmpint (test_sql_int (plan, "SELECT count(*) FROM workshop_base"), ==, 1);

  again = cli_run ("workshop", plan, dir, "--copies", "Table C,Table A", NULL);
  g_assert_cmpint (again->status, ==, 2);
  cli_assert_one_line_error (again, "“Table A.lpplan” already exists in");
  g_assert_cmpint (test_sql_int (plan, "SELECT count(*) FROM workshop_base"), ==, 1);

  unnamed = cli_run ("workshop", plan, dir, NULL);
  g_assert_cmpint (unnamed->status, ==, 2);
  cli_assert_one_line_error (unnamed, "name the copies with --copies NAME[,NAME…]");
}

static void
test_merge_statuses (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = cli_copy_sample (dir, "plan.lpplan");
  g_autofree char *a = g_build_filename (dir, "A.lpplan", NULL);
  g_autofree char *b = g_build_filename (dir, "B.lpplan", NULL);
  g_autofree char *c = g_build_filename (dir, "C.lpplan", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *conflict = NULL;
  gint64 practice_id;
  CliRun *run;

  run = cli_run ("workshop", plan, dir, "--copies", "A,B,C", NULL);
  g_assert_cmpint (run->status, ==, 0);
  cli_run_free (run);
  practice_id = test_sql_int (plan, "SELECT id FROM practice WHERE ods_code = 'X06K01'");
  cli_sql (a, "UPDATE list_size SET patients = 12400 WHERE extract_date = '2018-01-01' AND practice_id = "
              "(SELECT id FROM practice WHERE ods_code = 'X06K01')");
  cli_sql (b, "UPDATE contract SET annual_value_pounds = 27000000 WHERE annual_value_pounds = 26350000");
  cli_sql (c, "UPDATE list_size SET patients = 12500 WHERE extract_date = '2018-01-01' AND practice_id = "
              "(SELECT id FROM practice WHERE ods_code = 'X06K01')");

  /* A dry run changes nothing. */
  before = cli_file_checksum (plan);
  run = cli_run ("merge", plan, a, b, "--dry-run", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "A: would merge 1 change\nB: would merge 1 change\n");
  cli_run_free (run);
  after = cli_file_checksum (plan);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* A and B merge. */
  run = cli_run ("merge", plan, a, b, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpstr (run->out, ==, "A: merged 1 change\nB: merged 1 change\n");
  cli_run_free (run);
  g_assert_cmpint (test_sql_int (plan, X06K01_PATIENTS), ==, 12400);
  g_assert_cmpint (test_sql_int (plan, "SELECT count(*) FROM contract WHERE annual_value_pounds = 27000000"), ==, 1);

  /* A again: nothing. */
  run = cli_run ("merge", plan, a, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "A: nothing to merge\n");
  cli_run_free (run);

  /* C: the conflict listed, status 1, nothing merged. */
  g_free (before);
  before = cli_file_checksum (plan);
  run = cli_run ("merge", plan, c, NULL);
  g_assert_cmpint (run->status, ==, 1);
  conflict = g_strdup_printf ("C: list_size %" G_GINT64_FORMAT ", 2018-01-01, patients: changed in both "
                              "(base 12326, copy 12500, plan now 12400)\n"
                              "C: not merged: 1 conflict to decide (--ours keeps the plan’s values, "
                              "--theirs takes the copy’s)\n", practice_id);
  g_assert_cmpstr (run->out, ==, conflict);
  cli_run_free (run);
  after = cli_file_checksum (plan);
  g_assert_cmpstr (after, ==, before);

  run = cli_run ("merge", plan, c, "--ours", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "C: nothing to merge\n");
  cli_run_free (run);
  g_assert_cmpint (test_sql_int (plan, X06K01_PATIENTS), ==, 12400);

  run = cli_run ("merge", plan, c, "--theirs", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "C: merged 1 change\n");
  cli_run_free (run);
  g_assert_cmpint (test_sql_int (plan, X06K01_PATIENTS), ==, 12500);

  run = cli_run ("merge", plan, c, "--ours", "--theirs", NULL);
  g_assert_cmpint (run->status, ==, 2);
  cli_run_free (run);
}

static void
test_merge_refuses_files (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = cli_copy_sample (dir, "plan.lpplan");
  g_autofree char *other = cli_copy_sample (dir, "other.lpplan");
  g_autofree char *a = g_build_filename (dir, "A.lpplan", NULL);
  g_autofree char *elsewhere = g_build_filename (dir, "Elsewhere.lpplan", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk.lpplan", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CliRun *run;

  run = cli_run ("workshop", plan, dir, "--copies", "A", NULL);
  g_assert_cmpint (run->status, ==, 0);
  cli_run_free (run);
  /* Another plan: the sample copied again gets an id of its own here. */
  cli_sql (other, "UPDATE plan_identity SET plan_id = '0123456789abcdef0123456789abcdef'");
  run = cli_run ("workshop", other, dir, "--copies", "Elsewhere", NULL);
  g_assert_cmpint (run->status, ==, 0);
  cli_run_free (run);
  cli_sql (a, "UPDATE list_size SET patients = 12400 WHERE extract_date = '2018-01-01' AND practice_id = "
              "(SELECT id FROM practice WHERE ods_code = 'X06K01')");
  g_assert_true (g_file_set_contents (junk, "not a plan at all", -1, NULL));
  before = cli_file_checksum (plan);

  run = cli_run ("merge", plan, a, elsewhere, NULL);
  g_assert_cmpint (run->status, ==, 2);
  cli_assert_one_line_error (run, "“Elsewhere.lpplan” is a copy of another plan, not of");
  g_assert_cmpstr (run->out, ==, "");
  cli_run_free (run);

  run = cli_run ("merge", plan, plan, NULL);
  g_assert_cmpint (run->status, ==, 2);
  cli_assert_one_line_error (run, "“plan.lpplan” is the plan itself");
  cli_run_free (run);

  run = cli_run ("merge", plan, junk, NULL);
  g_assert_cmpint (run->status, ==, 2);
  cli_assert_one_line_error (run, "“junk.lpplan” is not a Locality Planner plan");
  cli_run_free (run);

  after = cli_file_checksum (plan);
  g_assert_cmpstr (after, ==, before);
}

/* A copy whose base the plan no longer holds: refused (status 2), or,
 * with --against-plan, every difference a conflict. */
static void
test_merge_against_plan (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = cli_copy_sample (dir, "plan.lpplan");
  g_autofree char *a = g_build_filename (dir, "A.lpplan", NULL);
  g_autofree char *expected = NULL;
  gint64 practice_id;
  CliRun *run;

  run = cli_run ("workshop", plan, dir, "--copies", "A", NULL);
  g_assert_cmpint (run->status, ==, 0);
  cli_run_free (run);
  practice_id = test_sql_int (plan, "SELECT id FROM practice WHERE ods_code = 'X06K01'");
  cli_sql (a, "UPDATE list_size SET patients = 12400 WHERE extract_date = '2018-01-01' AND practice_id = "
              "(SELECT id FROM practice WHERE ods_code = 'X06K01')");
  cli_sql (plan, "DELETE FROM workshop_base");

  run = cli_run ("merge", plan, a, NULL);
  cli_assert_one_line_error (run, "which the plan no longer holds");
  cli_run_free (run);

  run = cli_run ("merge", plan, a, "--against-plan", NULL);
  g_assert_cmpint (run->status, ==, 1);
  expected = g_strdup_printf ("A: list_size %" G_GINT64_FORMAT ", 2018-01-01, patients: changed in both "
                              "(base (none), copy 12400, plan now 12326)\n"
                              "A: not merged: 1 conflict to decide (--ours keeps the plan’s values, "
                              "--theirs takes the copy’s)\n", practice_id);
  g_assert_cmpstr (run->out, ==, expected);
  cli_run_free (run);
  g_assert_cmpint (test_sql_int (plan, X06K01_PATIENTS), ==, 12326);

  run = cli_run ("merge", plan, a, "--against-plan", "--theirs", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "A: merged 1 change\n");
  cli_run_free (run);
  g_assert_cmpint (test_sql_int (plan, X06K01_PATIENTS), ==, 12400);
}

/* Age profiles imported into a copy come back with the merge, read the
 * same through the list_size_age view. */
static void
test_merge_brings_age_profiles (void)
{
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autofree char *plan = cli_copy_sample (dir, "plan.lpplan");
  g_autofree char *a = g_build_filename (dir, "A.lpplan", NULL);
  g_autofree char *file = g_build_filename (dir, "gp-reg-pat-prac-sing-age-male.csv", NULL);
  GString *text = g_string_new ("PUBLICATION,EXTRACT_DATE,CCG_CODE,ONS_CCG_CODE,ORG_CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n");
  CliRun *run;

  /* Ages 0 to 94 and 95+ with 1 to 96 men each, and their total. */
  for (int age = 0; age <= 94; age++)
    g_string_append_printf (text, "GP_PRAC_PAT_LIST,01JAN2022,06K,E38000049,X06K01,SG4 9ZE,MALE,%d,%d\n",
                            age, age + 1);
  g_string_append (text, "GP_PRAC_PAT_LIST,01JAN2022,06K,E38000049,X06K01,SG4 9ZE,MALE,95+,96\n"
                         "GP_PRAC_PAT_LIST,01JAN2022,06K,E38000049,X06K01,SG4 9ZE,MALE,ALL,4656\n");
  g_assert_true (g_file_set_contents (file, text->str, (gssize) text->len, NULL));
  g_string_free (text, TRUE);

  run = cli_run ("workshop", plan, dir, "--copies", "A", NULL);
  g_assert_cmpint (run->status, ==, 0);
  cli_run_free (run);
  run = cli_run ("import", a, file, NULL);
  g_assert_cmpint (run->status, ==, 0);
  cli_run_free (run);
  run = cli_run ("merge", plan, a, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "A: merged 2 changes\n");
  cli_run_free (run);
  g_assert_cmpint (test_sql_int (plan, "SELECT count(*) FROM age_profile"), ==, 1);
  /* 96 ages and ALL; 1 + 2 + ... + 96 = 4,656. */
  g_assert_cmpint (test_sql_int (plan, "SELECT count(*) FROM list_size_age"), ==, 97);
  g_assert_cmpint (test_sql_int (plan, "SELECT sum (patients) FROM list_size_age WHERE age_band <> 'ALL'"), ==, 4656);
  g_assert_cmpint (test_sql_int (plan, "SELECT patients FROM list_size_age WHERE age_band = '95+'"), ==, 96);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/workshop/writes-copies", test_workshop_writes_copies);
  g_test_add_func ("/cli/merge/statuses", test_merge_statuses);
  g_test_add_func ("/cli/merge/refuses-files", test_merge_refuses_files);
  g_test_add_func ("/cli/merge/against-plan", test_merge_against_plan);
  g_test_add_func ("/cli/merge/brings-age-profiles", test_merge_brings_age_profiles);
  return g_test_run ();
}
