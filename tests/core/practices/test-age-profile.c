/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Age profiles: imported from the registration files into age_profile,
 * read back unchanged through the list_size_age view, replaced by a
 * re-import of the same extract, bad rows named by line and column, kept
 * by the upgrade from schema 5, and added up per practice by
 * lp_plan_age_band_counts. */
#include <sqlite3.h>

#include "core-test-util.h"
#include "lp-plan-private.h"

/* Two practices, each sex: ages 0..94, 95+ and ALL; male figures
 * 10 * p + age + 1, female 200 + age (95+ counted as age 95). */
static char *
single_age_file (const char *dir,
                 const char *name,
                 const char *extract,
                 guint       n_practices,
                 int         offset,
                 GString    *expected)
{
  g_autofree char *path = test_tmp_path (dir, name);
  GString *text = g_string_new ("PUBLICATION,EXTRACT_DATE,CCG_CODE,ONS_CCG_CODE,ORG_CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\r\n");

  for (guint p = 0; p < n_practices; p++)
    for (guint s = 0; s < 2; s++)
      {
        gint64 total = 0;

        for (int age = 0; age <= 95; age++)
          {
            gint64 n = (s == 0 ? 10 * (gint64) p + age + 1 : 200 + age) + offset;
            g_autofree char *band = age == 95 ? g_strdup ("95+") : g_strdup_printf ("%d", age);

            total += n;
            g_string_append_printf (text, "GP_PRAC_PAT_LIST,%s,06K,E38000049,Z0000%u,SG1 1ZZ,%s,%s,%" G_GINT64_FORMAT "\r\n",
                                    extract, p, s == 0 ? "MALE" : "FEMALE", band, n);
            if (expected != NULL)
              g_string_append_printf (expected, "Z0000%u|%s|%s|%" G_GINT64_FORMAT "\n", p,
                                      s == 0 ? "male" : "female", band, n);
          }
        g_string_append_printf (text, "GP_PRAC_PAT_LIST,%s,06K,E38000049,Z0000%u,SG1 1ZZ,%s,ALL,%" G_GINT64_FORMAT "\r\n",
                                extract, p, s == 0 ? "MALE" : "FEMALE", total);
        if (expected != NULL)
          g_string_append_printf (expected, "Z0000%u|%s|ALL|%" G_GINT64_FORMAT "\n", p,
                                  s == 0 ? "male" : "female", total);
      }
  test_write_file (path, text->str, (gssize) text->len);
  g_string_free (text, TRUE);
  return g_steal_pointer (&path);
}

/* The view's rows of one extract, one line each, in the file's order. */
static char *
view_rows (const char *path,
           const char *extract)
{
  GString *text = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
      "SELECT p.ods_code, a.sex, a.age_band, a.patients, typeof (a.patients) FROM list_size_age AS a "
      "JOIN practice AS p ON p.id = a.practice_id WHERE a.extract_date = ?1 "
      "ORDER BY p.ods_code, a.sex = 'female', a.age_band = 'ALL', "
      "CASE WHEN a.age_band = '95+' THEN 95 ELSE CAST (a.age_band AS INTEGER) END", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, extract, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, "integer");
      g_string_append_printf (text, "%s|%s|%s|%s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                              sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 3));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (text, FALSE);
}

static void
import_file (LpPlan     *plan,
             const char *file)
{
  LpImportOptions options = { .add_new_practices = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpImportReport) report = lp_plan_import (plan, file, &options, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
}

static gint64
count_of (GHashTable *counts,
          const char *path,
          const char *code)
{
  gint64 id = test_sql_intf (path, "SELECT id FROM practice WHERE ods_code = '%s'", code);
  gint64 *count = g_hash_table_lookup (counts, &id);

  g_assert_nonnull (count);
  return *count;
}

static void
test_view_reads_the_file (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *file = single_age_file (dir, "sing-age.csv", "01JAN2022", 2, 0, expected);
  g_autofree char *rows = NULL;
  const char *path = lp_plan_get_path (plan);

  import_file (plan, file);
  rows = view_rows (path, "2022-01-01");
  g_assert_cmpstr (rows, ==, expected->str);
  /* 2 practices x 2 sexes: one row each, not one per age. */
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM age_profile"), ==, 4);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM list_size_age"), ==, 2 * 2 * 97);
  /* The list size is the two sexes' ALL rows. */
  g_assert_cmpint (test_sql_int (path, "SELECT patients FROM list_size JOIN practice ON id = practice_id "
                                       "WHERE ods_code = 'Z00001'"),
                   ==, (10 + 1) * 96 + 95 * 96 / 2 + 200 * 96 + 95 * 96 / 2);
}

static void
test_reimport_replaces_month (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autoptr(GString) february = g_string_new (NULL);
  g_autoptr(GString) again = g_string_new (NULL);
  g_autofree char *jan = single_age_file (dir, "jan.csv", "01JAN2022", 2, 0, NULL);
  g_autofree char *feb = single_age_file (dir, "feb.csv", "01FEB2022", 2, 5, february);
  g_autofree char *jan_again = single_age_file (dir, "jan2.csv", "01JAN2022", 1, 7, again);
  g_autofree char *rows = NULL;
  g_autofree char *feb_rows = NULL;
  const char *path = lp_plan_get_path (plan);

  import_file (plan, jan);
  import_file (plan, feb);
  import_file (plan, jan_again);
  /* January is now the second file's one practice only; February as it was. */
  rows = view_rows (path, "2022-01-01");
  g_assert_cmpstr (rows, ==, again->str);
  feb_rows = view_rows (path, "2022-02-01");
  g_assert_cmpstr (feb_rows, ==, february->str);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM age_profile WHERE extract_date = '2022-01-01'"), ==, 2);
}

/* However large the file, an age import is one undo step recorded as an
 * edit is (its 13,000 rows a month for England), not a copy of the plan. */
static void
test_undo_import (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *jan = single_age_file (dir, "jan.csv", "01JAN2022", 2, 0, expected);
  g_autofree char *rows = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = lp_plan_get_path (plan);

  lp_import_set_record_max_bytes (1);
  import_file (plan, jan);
  lp_import_set_record_max_bytes (0);
  g_assert_true (lp_plan_can_undo (plan));
  g_assert_false (lp_plan_next_undo_is_copy (plan));
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Import jan.csv");
  g_assert_true (lp_plan_undo (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM age_profile"), ==, 0);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM list_size"), ==, 0);
  g_assert_true (lp_plan_redo (plan, &error));
  g_assert_no_error (error);
  rows = view_rows (path, "2022-01-01");
  g_assert_cmpstr (rows, ==, expected->str);
}

static void
assert_import_refused (const char *line,
                       const char *message)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autofree char *good = single_age_file (dir, "jan.csv", "01JAN2022", 1, 0, NULL);
  g_autofree char *bad = test_tmp_path (dir, "bad.csv");
  g_autofree char *contents = NULL;
  g_autofree char *with_bad_row = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LpImportOptions options = { .add_new_practices = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpImportReport) report = NULL;

  import_file (plan, good);
  g_assert_true (g_file_get_contents (good, &contents, NULL, NULL));
  /* The bad row goes after the header and three good rows: line 5. */
  {
    g_auto(GStrv) lines = g_strsplit (contents, "\r\n", 5);

    with_bad_row = g_strdup_printf ("%s\r\n%s\r\n%s\r\n%s\r\n%s\r\n%s", lines[0], lines[1], lines[2], lines[3], line,
                                    lines[4]);
  }
  test_write_file (bad, with_bad_row, -1);
  before = test_file_checksum (lp_plan_get_path (plan));
  report = lp_plan_import (plan, bad, &options, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, message));
  after = test_file_checksum (lp_plan_get_path (plan));
  g_assert_cmpstr (after, ==, before);
}

static void
test_bad_rows_named (void)
{
  assert_import_refused ("GP_PRAC_PAT_LIST,01JAN2022,06K,E38000049,Z00000,SG1 1ZZ,MALE,96,4",
                         "bad.csv, line 5, column AGE: “96” is not an age (0 to 94, or 95+) nor a five-year band "
                         "(0_4 to 90_94, or 95+)");
  assert_import_refused ("GP_PRAC_PAT_LIST,01JAN2022,06K,E38000049,Z00000,SG1 1ZZ,MALE,1,4",
                         "bad.csv, line 5, column AGE: “1” appears a second time in this file for the same "
                         "practice and sex");
  assert_import_refused ("GP_PRAC_PAT_LIST,01JAN2022,06K,E38000049,Z00000,SG1 1ZZ,MALE,5_9,4",
                         "bad.csv, line 5, column AGE: “5_9” is a five-year band, but this file gives single "
                         "years of age for the same practice and sex");
  assert_import_refused ("GP_PRAC_PAT_LIST,01JAN2022,06K,E38000049,Z00000,SG1 1ZZ,MALE,50,-3",
                         "bad.csv, line 5, column NUMBER_OF_PATIENTS: “-3” is not a whole number of 0 or more");
}

static void
test_band_counts (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autofree char *jan = single_age_file (dir, "jan.csv", "01JAN2022", 2, 0, NULL);
  g_autofree char *feb = single_age_file (dir, "feb.csv", "01FEB2022", 2, 1, NULL);
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *used = NULL;
  const char *path = lp_plan_get_path (plan);

  import_file (plan, jan);
  import_file (plan, feb);
  /* 75+ in January, both sexes: ages 75..95 are 21 figures; sum of 75..95 is 1,785.
   * Z00000: men 21 * 1 + 1785, women 21 * 200 + 1785: 7,791.  Z00001: men add 21 * 10: 8,001. */
  g_assert_true (lp_plan_age_band_counts (plan, "2022-01-01", 75, -1, NULL, &counts, &used, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (used, ==, "2022-01-01");
  g_assert_cmpuint (g_hash_table_size (counts), ==, 2);
  g_assert_cmpint (count_of (counts, path, "Z00000"), ==, 7791);
  g_assert_cmpint (count_of (counts, path, "Z00001"), ==, 8001);
  g_clear_pointer (&counts, g_hash_table_unref);
  g_clear_pointer (&used, g_free);
  /* The latest extract, men only, 0-4: February adds 1 a figure: 5 * 1 + 10 + 5 = 20 for Z00000. */
  g_assert_true (lp_plan_age_band_counts (plan, NULL, 0, 4, "male", &counts, &used, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (used, ==, "2022-02-01");
  g_assert_cmpint (count_of (counts, path, "Z00000"), ==, 20);
  g_assert_cmpint (count_of (counts, path, "Z00001"), ==, 20 + 50);
  g_clear_pointer (&counts, g_hash_table_unref);
  /* 95 and over is one figure: no band can end inside it. */
  g_assert_false (lp_plan_age_band_counts (plan, NULL, 85, 99, NULL, &counts, NULL, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“85-99” cannot be counted: the registration files give 95 and over as one figure");
  g_clear_error (&error);
  g_assert_false (lp_plan_age_band_counts (plan, "2021-01-01", 75, -1, NULL, &counts, NULL, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The plan has no age profiles for the 2021-01-01 extract");
}

static void
test_band_counts_five_year (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) plan = test_new_plan (dir);
  g_autofree char *file = test_tmp_path (dir, "quin.csv");
  GString *text = g_string_new ("PUBLICATION,EXTRACT_DATE,ORG_TYPE,ORG_CODE,ONS_CODE,POSTCODE,SEX,AGE_GROUP_5,NUMBER_OF_PATIENTS\n");
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;

  /* Bands 0_4 .. 90_94 hold 100 + band index, 95+ holds 7, per sex. */
  for (guint s = 0; s < 2; s++)
    {
      for (int b = 0; b < 19; b++)
        g_string_append_printf (text, "GP_PRAC_PAT_LIST,2026-04-01,GP,Z00009,,SG1 1ZZ,%s,%d_%d,%d\n",
                                s ? "FEMALE" : "MALE", b * 5, b * 5 + 4, 100 + b);
      g_string_append_printf (text, "GP_PRAC_PAT_LIST,2026-04-01,GP,Z00009,,SG1 1ZZ,%s,95+,7\n", s ? "FEMALE" : "MALE");
    }
  test_write_file (file, text->str, (gssize) text->len);
  g_string_free (text, TRUE);
  import_file (plan, file);
  g_assert_cmpint (test_sql_int (lp_plan_get_path (plan), "SELECT count(*) FROM list_size_age WHERE age_band = '75_79'"), ==, 2);
  /* 75+: bands 15..18 (115 + 116 + 117 + 118 = 466) and 95+ (7), twice. */
  g_assert_true (lp_plan_age_band_counts (plan, NULL, 75, -1, NULL, &counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_of (counts, lp_plan_get_path (plan), "Z00009"), ==, 2 * (466 + 7));
  g_clear_pointer (&counts, g_hash_table_unref);
  g_assert_true (lp_plan_age_band_counts (plan, NULL, 0, 4, "female", &counts, NULL, &error));
  g_assert_cmpint (count_of (counts, lp_plan_get_path (plan), "Z00009"), ==, 100);
  g_clear_pointer (&counts, g_hash_table_unref);
  g_assert_false (lp_plan_age_band_counts (plan, NULL, 73, -1, NULL, &counts, NULL, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“73+” does not fit the five-year bands of the 2026-04-01 extract (0-4, 5-9… "
                   "90-94, 95+): choose a band such as 75+ or 65-74, or import the single-year-of-age file");
}

/* A plan of schema 5 holding age rows, single years and five-year bands,
 * upgraded: the view gives back the very rows the table held. */
static void
test_upgrade_from_v5_keeps_rows (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "migrations", "v5.sql", NULL);
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = test_tmp_path (dir, "old.lpplan");
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = NULL;
  g_autoptr(GHashTable) counts = NULL;
  const char *rows_query = "SELECT group_concat (r, ';') FROM (SELECT practice_id || ',' || extract_date || ',' || sex || ',' "
                           "|| age_band || ',' || patients || ',' || typeof (patients) AS r FROM list_size_age ORDER BY r)";
  sqlite3 *db = NULL;
  gint64 id;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  id = test_sql_int (path, "SELECT min (id) FROM practice");
  test_sql_on_filef (path,
      "INSERT INTO list_size_age VALUES (%1$" G_GINT64_FORMAT ", '2021-01-01', 'male', '0', 10), "
      "(%1$" G_GINT64_FORMAT ", '2021-01-01', 'male', '80', 30), (%1$" G_GINT64_FORMAT ", '2021-01-01', 'male', '95+', 2), "
      "(%1$" G_GINT64_FORMAT ", '2021-01-01', 'male', 'ALL', 42), "
      "(%1$" G_GINT64_FORMAT ", '2021-01-01', 'female', '94', 5), "
      "(%1$" G_GINT64_FORMAT ", '2026-04-01', 'female', '75_79', 300), (%1$" G_GINT64_FORMAT ", '2026-04-01', 'female', '95+', 41), "
      "(%1$" G_GINT64_FORMAT ", '2026-04-01', 'all', '0_4', 12)", id);
  {
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (db, rows_query, -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    before = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  plan = lp_plan_open (path, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM list_size_age"), ==, 8);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM age_profile"), ==, 4);
  {
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (db, rows_query, -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    after = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  g_assert_cmpstr (after, ==, before);
  /* 75+ in 2026: women 300 + 41; the profile for both sexes is 0-4 only. */
  g_assert_true (lp_plan_age_band_counts (plan, NULL, 75, -1, "female", &counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (*(gint64 *) g_hash_table_lookup (counts, &id), ==, 341);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/age-profile/view-reads-the-file", test_view_reads_the_file);
  g_test_add_func ("/age-profile/reimport-replaces-month", test_reimport_replaces_month);
  g_test_add_func ("/age-profile/bad-rows-named", test_bad_rows_named);
  g_test_add_func ("/age-profile/undo-import", test_undo_import);
  g_test_add_func ("/age-profile/band-counts", test_band_counts);
  g_test_add_func ("/age-profile/band-counts-five-year", test_band_counts_five_year);
  g_test_add_func ("/age-profile/upgrade-from-v5-keeps-rows", test_upgrade_from_v5_keeps_rows);
  return g_test_run ();
}
