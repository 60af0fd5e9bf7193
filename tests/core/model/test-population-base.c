/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Population bases: a pathway change shared by an age band, a weighted
 * population or registered patients, on a small plan whose every figure
 * is worked out by hand below. */
#include "core-test-util.h"
#include "lp-plan-private.h"

/* The plan of tests/fixtures/population-bases.sql (two localities of
 * 10,000 registered patients, South with three times North's 75+), with a
 * frailty pathway.  A CCG frailty change of 4,000 admissions and 8,000 bed
 * days over one year. */
typedef struct {
  char   *dir;
  LpPlan *plan;
  gint64  base_scenario;
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
  g_autofree char *change = NULL;

  f->dir = test_tmp_dir ();
  f->plan = test_new_plan (f->dir);
  f->base_scenario = lp_plan_get_base_scenario_id (f->plan);
  {
    g_autofree char *plan_sql = test_fixture_sql ("population-bases.sql");

    sql (f, plan_sql);
    sql (f, "INSERT INTO pathway (id, name, category) VALUES (7, 'Frailty', 'inpatient');");
  }
  change = g_strdup_printf ("INSERT INTO pathway_change (scenario_id, pathway_id, level, horizon_years, activity, bed_days) "
                            "VALUES (%" G_GINT64_FORMAT ", 7, '%s', 1, %s)", f->base_scenario,
                            data != NULL ? "stp" : "ccg", data != NULL ? "8000, 16000" : "4000, 8000");
  sql (f, change);
  if (data != NULL)
    sql (f, "INSERT INTO plan_info (key, value) VALUES ('stp_population', '40000')");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->plan);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

/* A locality's (0: all) frailty admissions per year on @base (NULL: the
 * pathway's own), in @scenario (0: the base). */
static double
frailty (Fixture    *f,
         const char *locality,
         const char *base,
         gint64      scenario,
         double     *bed_days)
{
  LpModelQuery query = { locality != NULL ? lp_plan_find_locality (f->plan, locality) : 0, scenario, LP_PER_YEAR };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpModelTable) table = NULL;
  const LpModelRow *row;

  query.base = base;
  table = lp_plan_model (f->plan, &query, &error);
  g_assert_no_error (error);
  row = g_ptr_array_index (table->rows, 0);
  g_assert_cmpstr (row->name, ==, "Frailty");
  g_assert_cmpstr (row->base, ==, base != NULL ? base : lp_model_table_base (table));
  if (bed_days != NULL)
    *bed_days = row->bed_days[0];
  return row->activity[0];
}

static void
assert_practices (Fixture    *f,
                  const char *locality,
                  const char *base,
                  double      n1,
                  double      n2,
                  double      s1)
{
  LpModelQuery query = { locality != NULL ? lp_plan_find_locality (f->plan, locality) : 0, 0, LP_PER_YEAR };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpModelTable) table = NULL;
  g_autoptr(GPtrArray) practices = NULL;
  const double expected[] = { n1, n2, s1 };

  query.base = base;
  table = lp_plan_model (f->plan, &query, &error);
  g_assert_no_error (error);
  practices = lp_plan_model_practices (f->plan, &query, table, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (practices->len, ==, locality != NULL && g_str_equal (locality, "South") ? 1 : locality != NULL ? 2 : 3);
  for (guint i = 0; i < practices->len; i++)
    {
      const LpModelPractice *practice = g_ptr_array_index (practices, i);
      const LpModelRow *row = g_ptr_array_index (practice->rows, 0);
      const LpModelRow *total = g_ptr_array_index (practice->rows, practice->rows->len - 1);
      double want = expected[g_str_equal (practice->ods_code, "N00001") ? 0 : g_str_equal (practice->ods_code, "N00002") ? 1 : 2];

      g_assert_cmpfloat_with_epsilon (row->activity[0], want, 1e-9);
      g_assert_cmpstr (row->base, ==, base);
      /* Frailty is the plan's only pathway: the practice's totals are its. */
      g_assert_cmpfloat_with_epsilon (total->activity[0], want, 1e-9);
      g_assert_cmpfloat_with_epsilon (practice->activity[0], want, 1e-9);
      g_assert_cmpfloat_with_epsilon (row->bed_days[0], 2 * want, 1e-9);
    }
}

/* 4,000 shared 500:1,500 of 2,000 on 75+, 10,000:10,000 on registered. */
static void
test_ccg_change_by_age (Fixture       *f,
                        gconstpointer  data)
{
  double bed_days = 0;

  g_assert_cmpfloat (frailty (f, "North", "75+", 0, &bed_days), ==, 1000.0);
  g_assert_cmpfloat (bed_days, ==, 2000.0);
  g_assert_cmpfloat (frailty (f, "South", "75+", 0, &bed_days), ==, 3000.0);
  g_assert_cmpfloat (bed_days, ==, 6000.0);
  g_assert_cmpfloat (frailty (f, NULL, "75+", 0, NULL), ==, 4000.0);
  g_assert_cmpfloat (frailty (f, "North", "registered", 0, NULL), ==, 2000.0);
  g_assert_cmpfloat (frailty (f, "South", "registered", 0, NULL), ==, 2000.0);
  /* The pathway's own default is registered. */
  g_assert_cmpfloat (frailty (f, "North", NULL, 0, NULL), ==, 2000.0);
}

/* Within North, N1 has 125 of its 500 75+ and N2 375; each has half its
 * list.  S1 is all of South. */
static void
test_practices_by_age (Fixture       *f,
                       gconstpointer  data)
{
  assert_practices (f, NULL, "75+", 250, 750, 3000);
  assert_practices (f, "North", "75+", 250, 750, 0);
  assert_practices (f, "South", "75+", 0, 0, 3000);
  assert_practices (f, NULL, "registered", 1000, 1000, 2000);
  assert_practices (f, "North", "registered", 1000, 1000, 0);
}

/* Over 65s are the same people here; 85+ are N2's 150 + 50 women and
 * N1's 25 (95+): North 225 of 225, South none, so South's share is 0. */
static void
test_other_bands (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_cmpfloat (frailty (f, "North", "65+", 0, NULL), ==, 1000.0);
  g_assert_cmpfloat (frailty (f, "North", "85+", 0, NULL), ==, 4000.0);
  g_assert_cmpfloat (frailty (f, "South", "85+", 0, NULL), ==, 0.0);
  /* 0-4: only S1 has under-fives, but N1's single years and N2's bands
   * answer the question (0), so nobody is missing. */
  g_assert_cmpfloat (frailty (f, "South", "0-4", 0, NULL), ==, 4000.0);
}

/* The pathway's default, then a scenario's own choice, then the query's. */
static void
test_default_scenario_and_query (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *scenario = NULL;
  gint64 need;

  sql (f, "UPDATE pathway SET population_base = '75+' WHERE id = 7");
  g_assert_cmpfloat (frailty (f, "North", NULL, 0, NULL), ==, 1000.0);
  g_assert_cmpfloat (frailty (f, "North", "registered", 0, NULL), ==, 2000.0);
  sql (f, "UPDATE pathway SET population_base = 'registered' WHERE id = 7");
  scenario = g_strdup_printf ("INSERT INTO scenario (id, name, base_id) VALUES (900, 'By need', %" G_GINT64_FORMAT ");"
                              "INSERT INTO scenario (id, name, base_id) VALUES (901, 'By need, later', 900);"
                              "INSERT INTO scenario_population_base (scenario_id, pathway_id, population_base) "
                              "VALUES (900, 7, '75+')", f->base_scenario);
  sql (f, scenario);
  need = lp_plan_find_scenario (f->plan, "By need");
  g_assert_cmpint (need, ==, 900);
  g_assert_cmpfloat (frailty (f, "North", NULL, 0, NULL), ==, 2000.0);
  g_assert_cmpfloat (frailty (f, "North", NULL, 900, NULL), ==, 1000.0);
  /* Inherited by a scenario built on it. */
  g_assert_cmpfloat (frailty (f, "North", NULL, 901, NULL), ==, 1000.0);
  /* Comparing the two scenarios shows who gains and who loses. */
  {
    LpModelQuery query = { 1, 900, LP_PER_YEAR }, other = { 1, 0, LP_PER_YEAR };
    g_autoptr(LpModelTable) a = lp_plan_model (f->plan, &query, NULL);
    g_autoptr(LpModelTable) b = lp_plan_model (f->plan, &other, NULL);
    g_autoptr(LpModelTable) difference = lp_model_table_difference (a, b);
    const LpModelRow *row = g_ptr_array_index (difference->rows, 0);

    g_assert_cmpfloat (row->activity[0], ==, -1000.0);
    g_assert_cmpstr (row->base, ==, "75+");
    g_assert_cmpstr (lp_model_table_base (a), ==, "75+");
    g_assert_cmpstr (lp_model_table_base (b), ==, "registered");
  }
}

/* The scenario's apportionment weights win over any base. */
static void
test_weights_win (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *weights = g_strdup_printf ("INSERT INTO apportionment_weight (scenario_id, locality_id, weight) "
                                              "VALUES (%" G_GINT64_FORMAT ", 1, 0.9), (%" G_GINT64_FORMAT ", 2, 0.1)",
                                              f->base_scenario, f->base_scenario);

  sql (f, weights);
  g_assert_cmpfloat_with_epsilon (frailty (f, "North", "75+", 0, NULL), 3600.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (frailty (f, "North", "registered", 0, NULL), 3600.0, 1e-9);
  /* Within North, practices still share by the base. */
  assert_practices (f, "North", "75+", 900, 2700, 0);
}

/* An STP change of 8,000 over a year; the STP has 40,000 registered
 * patients, the CCG 20,000.  Without the STP's 75+ figure it reaches the
 * CCG by registered population (4,000), then the localities by 75+; with
 * the STP's 75+ at 8,000, the CCG's 2,000 of them bring it 2,000. */
static void
test_stp_route (Fixture       *f,
                gconstpointer  data)
{
  g_assert_cmpfloat (frailty (f, "North", "registered", 0, NULL), ==, 2000.0);
  g_assert_cmpfloat (frailty (f, "North", "75+", 0, NULL), ==, 1000.0);
  g_assert_cmpfloat (frailty (f, "South", "75+", 0, NULL), ==, 3000.0);
  sql (f, "INSERT INTO plan_info (key, value) VALUES ('stp_population_75+', '8000')");
  g_assert_cmpfloat (frailty (f, "North", "75+", 0, NULL), ==, 500.0);
  g_assert_cmpfloat (frailty (f, "South", "75+", 0, NULL), ==, 1500.0);
  g_assert_cmpfloat (frailty (f, NULL, "75+", 0, NULL), ==, 2000.0);
  /* Registered is untouched by the 75+ figure. */
  g_assert_cmpfloat (frailty (f, "North", "registered", 0, NULL), ==, 2000.0);
  assert_practices (f, NULL, "75+", 125, 375, 1500);
}

/* Weights by age band: 1 for 0-74, 3 for 75+.  N1: 4,000 + 3 x 125 =
 * 4,375; N2: 4,000 + 3 x 375 = 5,125; North 9,500.  S1: 1,000 + 3 x 1,500
 * = 5,500.  The CCG: 15,000. */
static void
test_weighted (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpModelTable) table = NULL;
  LpModelQuery query = { 0, 0, LP_PER_YEAR };

  sql (f, "INSERT INTO population_weights (name, note) VALUES ('Need', 'illustrative');"
          "INSERT INTO population_weight (weights_name, age_band, sex, weight) VALUES "
          "  ('Need', '0-74', 'all', 1), ('Need', '75+', 'all', 3)");
  g_assert_cmpfloat_with_epsilon (frailty (f, "North", "weighted Need", 0, NULL), 4000.0 * 9500 / 15000, 1e-9);
  g_assert_cmpfloat_with_epsilon (frailty (f, "South", "weighted Need", 0, NULL), 4000.0 * 5500 / 15000, 1e-9);
  assert_practices (f, "North", "weighted Need", 4000.0 * 4375 / 15000, 4000.0 * 5125 / 15000, 0);
  /* Weights that are not there are named. */
  query.base = "weighted Other";
  table = lp_plan_model (f->plan, &query, &error);
  g_assert_null (table);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The plan has no weights called “Other”");
}

/* Each practice's age profile is its latest on or before the date: N00003,
 * new in North with 100 patients, has only a 2017 profile (all persons,
 * 500 aged 80), so North's 75+ are 125 + 375 + 500 = 1,000 of 2,500.  When
 * the profiles change (on the plan's connection, or committed by another
 * program) the next modelling reads them again. */
static void
test_older_extract_and_changes (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(LpPlan) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *older = g_strdup_printf ("INSERT INTO age_profile (extract_date, practice_id, sex, banding, patients) "
                                            "VALUES ('2017-04-01', 13, 'all', 'single', '%*s%6d%*s')",
                                            80 * 6, "", 500, 15 * 6, "");

  sql (f, "INSERT INTO practice (id, ods_code, name, locality_id) VALUES (13, 'N00003', 'North Three', 1);"
          "INSERT INTO list_size (practice_id, extract_date, patients) VALUES (13, '2018-04-01', 100)");
  lp_plan_emit_changed (f->plan, "practice");
  sql (f, older);
  lp_plan_emit_changed (f->plan, "age_profile");
  g_assert_cmpfloat_with_epsilon (frailty (f, "North", "75+", 0, NULL), 4000.0 * 1000 / 2500, 1e-9);
  g_assert_cmpfloat_with_epsilon (frailty (f, "South", "75+", 0, NULL), 4000.0 * 1500 / 2500, 1e-9);
  /* S1's 75+ halved on this connection: 750 of 1,750. */
  sql (f, "UPDATE age_profile SET patients = printf ('%6d%*s%6d%6d%*s', 1000, 14 * 6, '', 500, 250, 3 * 6, '') "
          "WHERE practice_id = 21 AND extract_date = '2018-04-01'");
  lp_plan_emit_changed (f->plan, "age_profile");
  g_assert_cmpfloat_with_epsilon (frailty (f, "South", "75+", 0, NULL), 4000.0 * 750 / 1750, 1e-9);
  /* Another program doubles S1's 75+ (2,000 aged 75-79, 1,000 aged
   * 80-84): North 1,000 of 4,000. */
  other = lp_plan_open (lp_plan_get_path (f->plan), LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (lp_sqlite_exec (lp_plan_get_db (other),
                                 "UPDATE age_profile SET patients = printf ('%6d%*s%6d%6d%*s', 1000, 14 * 6, '', 2000, 1000, 3 * 6, '') "
                                 "WHERE practice_id = 21 AND extract_date = '2018-04-01'", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (frailty (f, "North", "75+", 0, NULL), 4000.0 * 1000 / 4000, 1e-9);
}

/* A weighted population imported per practice (a PCN adjusted population):
 * N1 6,000, N2 3,000 and S1 6,000 at 2022-01-01 (North 9,000 of 15,000);
 * an older figure for N1 is not read.  S1 missing from the file is named. */
static void
test_weighted_imported (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpModelTable) table = NULL;
  LpModelQuery query = { 0, 0, LP_PER_YEAR };

  sql (f, "INSERT INTO population_weights (name, kind, source) VALUES ('Adjusted', 'imported', 'adjusted.csv');"
          "INSERT INTO weighted_population (weights_name, practice_id, as_at, population) VALUES "
          "  ('Adjusted', 11, '2021-01-01', 100), ('Adjusted', 11, '2022-01-01', 6000), "
          "  ('Adjusted', 12, '2022-01-01', 3000), ('Adjusted', 21, '2022-01-01', 6000)");
  g_assert_cmpfloat_with_epsilon (frailty (f, "North", "weighted Adjusted", 0, NULL), 4000.0 * 9000 / 15000, 1e-9);
  g_assert_cmpfloat_with_epsilon (frailty (f, "South", "weighted Adjusted", 0, NULL), 4000.0 * 6000 / 15000, 1e-9);
  assert_practices (f, "North", "weighted Adjusted", 4000.0 * 6000 / 15000, 4000.0 * 3000 / 15000, 0);
  sql (f, "DELETE FROM weighted_population WHERE practice_id = 21");
  query.base = "weighted Adjusted";
  table = lp_plan_model (f->plan, &query, &error);
  g_assert_null (table);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Practice S00001 has no figure in the population “weighted Adjusted”");
}

/* A practice without an age profile that gives the band is named, never
 * counted as 0: S1's profile is for all persons, so it has no 75+ women;
 * a new practice with no profile at all lacks every age base. */
static void
test_missing_age_data (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpModelTable) table = NULL;
  LpModelQuery query = { 0, 0, LP_PER_YEAR };

  /* 75 women: N1 50 + 25 (95+), N2 150 + 50. */
  query.base = "75+ female";
  table = lp_plan_model (f->plan, &query, &error);
  g_assert_null (table);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Practice S00001 has no age profile that gives its population on the base “75+ female”");
  g_clear_error (&error);
  /* 3-7 cannot be made of N2's or S1's five-year bands. */
  query.base = "3-7";
  table = lp_plan_model (f->plan, &query, &error);
  g_assert_null (table);
  g_assert_cmpstr (error->message, ==, "Practices N00002, S00001 have no age profile that gives their population on the base “3-7”");
  g_clear_error (&error);
  sql (f, "INSERT INTO practice (id, ods_code, name, locality_id) VALUES (13, 'N00003', 'North Three', 1);"
          "INSERT INTO list_size (practice_id, extract_date, patients) VALUES (13, '2018-04-01', 100)");
  query.base = "75+";
  table = lp_plan_model (f->plan, &query, &error);
  g_assert_null (table);
  g_assert_cmpstr (error->message, ==, "Practice N00003 has no age profile that gives its population on the base “75+”");
  g_clear_error (&error);
  /* Registered needs no age profile. */
  g_assert_cmpfloat_with_epsilon (frailty (f, "North", "registered", 0, NULL), 4000.0 * 10100 / 20100, 1e-9);
}

static void
test_parse (void)
{
  static const struct { const char *typed, *name; } good[] = {
    { "registered", "registered" }, { " Registered ", "registered" }, { "75+", "75+" }, { "65+", "65+" },
    { "85+", "85+" }, { "0-4", "0-4" }, { "0–4", "0-4" }, { "95+", "95+" }, { "0+", "0+" }, { "20-94", "20-94" },
    { "75+ female", "75+ female" }, { "75+  Women", "75+ female" }, { "0-4 male", "0-4 male" },
    { "75+ all", "75+" }, { "weighted Need", "weighted Need" },
  };
  static const char * const bad[] = { "75++", "", "96+", "5-4", "90-95", "75", "old", "75+ cats", "-4",
                                      "75+ female male", "1000+" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LpPopulationBase) base = lp_population_base_parse (good[i].typed, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (base->name, ==, good[i].name);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LpPopulationBase) base = lp_population_base_parse (bad[i], &error);
      g_autofree char *message = g_strdup_printf ("“%s” is not a population base: write registered, "
                                                  "or an age band such as 75+ or 0-4", bad[i]);

      g_assert_null (base);
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, message);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LpPopulationBase) base = lp_population_base_parse ("75+ female", &error);
    g_autofree char *key = lp_population_base_stp_key (base);

    g_assert_cmpint (base->age_from, ==, 75);
    g_assert_cmpint (base->age_to, ==, LP_POPULATION_BASE_AGE_OPEN);
    g_assert_cmpstr (base->sex, ==, "female");
    g_assert_cmpstr (key, ==, "stp_population_75+ female");
  }
}

/* A bad base in the plan or the query is refused with its message. */
static void
test_bad_base_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpModelTable) table = NULL;
  LpModelQuery query = { 0, 0, LP_PER_YEAR };

  query.base = "75++";
  table = lp_plan_model (f->plan, &query, &error);
  g_assert_null (table);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“75++” is not a population base: write registered, or an age band such as 75+ or 0-4");
  g_clear_error (&error);
  sql (f, "UPDATE pathway SET population_base = 'old people' WHERE id = 7");
  query.base = NULL;
  table = lp_plan_model (f->plan, &query, &error);
  g_assert_null (table);
  g_assert_cmpstr (error->message, ==, "“old people” is not a population base: write registered, or an age band such as 75+ or 0-4");
}

/* The exports say the base where it is not registered: a last column. */
static void
test_exports_say_base (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = test_tmp_path (f->dir, "modelling.csv");
  g_autofree char *practices_path = test_tmp_path (f->dir, "practices.csv");
  g_autofree char *text = NULL, *practices_text = NULL;
  g_autoptr(GError) error = NULL;
  LpModelQuery query = { 1, 0, LP_PER_YEAR };

  query.base = "75+";
  g_assert_true (lp_plan_export_query (f->plan, "modelling", &query, path, LP_EXPORT_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  /* After the sheet's heading lines (plan, locality, dates). */
  g_assert_true (g_str_has_suffix (text,
                   "\r\n\r\nPathway,1 year: activity,1 year: reduced bed days,Population base\r\n"
                   "Frailty,1000,2000,75+\r\n"
                   "In-patients total,1000,2000,\r\n"
                   "A&E and outpatients total,0,0,\r\n"
                   "Grand total,1000,2000,\r\n"));
  g_assert_true (lp_plan_export_query (f->plan, "modelling-practices", &query, practices_path,
                                       LP_EXPORT_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (practices_path, &practices_text, NULL, NULL));
  g_assert_true (g_str_has_suffix (practices_text, "N00002,North Two,North,5000,50,750,1500,75+\r\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/population-base/parse", test_parse);
#define ADD(path, func, data) \
  g_test_add ("/population-base/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("ccg-change-by-age", test_ccg_change_by_age, NULL);
  ADD ("practices-by-age", test_practices_by_age, NULL);
  ADD ("other-bands", test_other_bands, NULL);
  ADD ("default-scenario-and-query", test_default_scenario_and_query, NULL);
  ADD ("weights-win", test_weights_win, NULL);
  ADD ("stp-route", test_stp_route, "stp");
  ADD ("weighted", test_weighted, NULL);
  ADD ("weighted-imported", test_weighted_imported, NULL);
  ADD ("older-extract-and-changes", test_older_extract_and_changes, NULL);
  ADD ("missing-age-data", test_missing_age_data, NULL);
  ADD ("bad-base-refused", test_bad_base_refused, NULL);
  ADD ("exports-say-base", test_exports_say_base, NULL);
  return g_test_run ();
}
