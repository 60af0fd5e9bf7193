/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Choosing population bases and editing weights: what the editors offer,
 * a pathway's base, a scenario's own base per pathway, and tables of
 * weights by age band, each one undoable step, bad input refused with the
 * message shown under its field and nothing written. */
#include "core-test-util.h"
#include "lp-plan-private.h"

/* The plan of tests/fixtures/population-bases.sql: North N1 5,000 and N2
 * 5,000 registered, 500 aged 75+ (N1 125, N2 375); South S1 10,000, 1,500
 * aged 75+; list sizes and age profiles of 2018-04-01.  A frailty pathway
 * with a CCG change of 4,000 admissions in one year. */
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
  g_autofree char *plan_sql = test_fixture_sql ("population-bases.sql");
  g_autofree char *change = NULL;

  f->dir = test_tmp_dir ();
  f->plan = test_new_plan (f->dir);
  f->base_scenario = lp_plan_get_base_scenario_id (f->plan);
  sql (f, plan_sql);
  sql (f, "INSERT INTO pathway (id, name, category, sort_order) VALUES (7, 'Frailty', 'inpatient', 1), "
          "(8, 'Elective', 'inpatient', 2);");
  change = g_strdup_printf ("INSERT INTO pathway_change (scenario_id, pathway_id, level, horizon_years, activity, bed_days) "
                            "VALUES (%" G_GINT64_FORMAT ", 7, 'ccg', 1, 4000, 8000)", f->base_scenario);
  sql (f, change);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->plan);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

/* North's frailty admissions a year in @scenario (0: the base). */
static double
north_frailty (Fixture *f,
               gint64   scenario)
{
  LpModelQuery query = { lp_plan_find_locality (f->plan, "North"), scenario, LP_PER_YEAR };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpModelTable) table = lp_plan_model (f->plan, &query, &error);

  g_assert_no_error (error);
  return ((const LpModelRow *) g_ptr_array_index (table->rows, 0))->activity[0];
}

static char *
frailty_base (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *base = lp_plan_get_pathway_population_base (f->plan, "Frailty", &error);

  g_assert_no_error (error);
  return base;
}

static void
undo (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_no_error (error);
}

/* Registered; the four bands, since the plan holds age profiles; each set
 * of weights by name, with where it comes from. */
static void
test_choices (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) choices = NULL;
  g_autofree char *date = lp_format_date ("2018-04-01");
  g_autofree char *imported_date = lp_format_date ("2023-01-01");
  g_autofree char *registered = g_strdup_printf ("List sizes of %s", date);
  g_autofree char *ages = g_strdup_printf ("Age profiles of %s", date);
  g_autofree char *need = g_strdup_printf ("Weights by age band on the age profiles of %s · Illustrative, not published", date);
  g_autofree char *pcn = g_strdup_printf ("Imported from pcn-adjusted.csv, as at %s", imported_date);
  const char *expected[][2] = {
    { "registered", registered }, { "75+", ages }, { "65+", ages }, { "85+", ages }, { "0-4", ages },
    { "weighted Need", need }, { "weighted PCN adjusted", pcn },
  };

  sql (f, "INSERT INTO population_weights (name, note) VALUES ('Need', 'Illustrative, not published');"
          "INSERT INTO population_weight VALUES ('Need', '0-74', 'all', 1), ('Need', '75+', 'all', 3);"
          "INSERT INTO population_weights (name, kind, source) VALUES ('PCN adjusted', 'imported', 'pcn-adjusted.csv');"
          "INSERT INTO weighted_population VALUES ('PCN adjusted', 11, '2023-01-01', 5100), "
          "  ('PCN adjusted', 12, '2022-01-01', 4800);");
  choices = lp_plan_list_population_base_choices (f->plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < choices->len; i++)
    {
      const LpPopulationBaseChoice *choice = g_ptr_array_index (choices, i);

      g_assert_cmpstr (choice->name, ==, expected[i][0]);
      g_assert_cmpstr (choice->source, ==, expected[i][1]);
    }
  {
    g_autofree char *described = lp_plan_describe_population_base (f->plan, "75+ female", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (described, ==, ages);
  }
  {
    g_autoptr(GPtrArray) weights = lp_plan_list_population_weights (f->plan, &error);
    const LpPopulationWeights *imported;

    g_assert_no_error (error);
    g_assert_cmpuint (weights->len, ==, 2);
    imported = g_ptr_array_index (weights, 1);
    g_assert_true (imported->imported);
    g_assert_cmpstr (imported->as_at, ==, "2023-01-01");
    /* Only N1 has a figure as at its latest date. */
    g_assert_cmpuint (imported->n_rows, ==, 1);
    g_assert_cmpuint (((LpPopulationWeights *) g_ptr_array_index (weights, 0))->n_rows, ==, 2);
  }

  /* No age profiles: no bands offered, and none described. */
  sql (f, "DELETE FROM age_profile; DELETE FROM population_weights;");
  g_clear_pointer (&choices, g_ptr_array_unref);
  choices = lp_plan_list_population_base_choices (f->plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 1);
  g_assert_null (lp_plan_describe_population_base (f->plan, "75+", &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The plan holds no age profiles: import them first");
}

/* The pathway dialog saves name, group and base as one step; a base that
 * cannot be read is refused under its field, with nothing written. */
static void
test_pathway_base (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *bad_field = NULL;
  g_autofree char *base = NULL;
  const struct { const char *typed, *field, *message; } refused[] = {
    { "75++", LP_FIELD_POPULATION_BASE,
      "“75++” is not a population base: write registered, or an age band such as 75+ or 0-4" },
    { "weighted Other", LP_FIELD_POPULATION_BASE, "The plan has no weights called “Other”" },
    { "weighted", LP_FIELD_POPULATION_BASE,
      "“weighted” names no weights: write weighted and the name of a table of weights" },
  };

  /* On registered, North has half: 2,000. */
  g_assert_cmpfloat (north_frailty (f, 0), ==, 2000.0);
  g_assert_true (lp_plan_save_pathway_edit (f->plan, "Frailty", LP_PATHWAY_INPATIENT, "Frailty", " 75+ ",
                                            &bad_field, &error));
  g_assert_no_error (error);
  g_assert_null (bad_field);
  g_assert_cmpstr ((base = frailty_base (f)), ==, "75+");
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Edit pathway");
  /* 4,000 x 500 / 2,000 aged 75+. */
  g_assert_cmpfloat (north_frailty (f, 0), ==, 1000.0);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *kept = NULL;

      g_assert_false (lp_plan_save_pathway_edit (f->plan, "Frailty", LP_PATHWAY_INPATIENT, "Frail",
                                                 refused[i].typed, &bad_field, &error));
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, refused[i].message);
      g_assert_cmpstr (bad_field, ==, refused[i].field);
      g_clear_error (&error);
      /* Neither the name nor the base was written. */
      g_assert_cmpstr ((kept = frailty_base (f)), ==, "75+");
    }

  /* Written as the plan names it: "75+ female", and the weights' own case. */
  sql (f, "INSERT INTO population_weights (name) VALUES ('Need');"
          "INSERT INTO population_weight VALUES ('Need', '0-74', 'all', 1), ('Need', '75+', 'all', 3);");
  g_assert_true (lp_plan_save_pathway_edit (f->plan, "Frailty", LP_PATHWAY_INPATIENT, "Frailty", "75+  Women",
                                            &bad_field, &error));
  g_clear_pointer (&base, g_free);
  g_assert_cmpstr ((base = frailty_base (f)), ==, "75+ female");
  g_assert_true (lp_plan_save_pathway_edit (f->plan, "Frailty", LP_PATHWAY_INPATIENT, "Frailty", "Weighted need",
                                            &bad_field, &error));
  g_assert_no_error (error);
  g_clear_pointer (&base, g_free);
  g_assert_cmpstr ((base = frailty_base (f)), ==, "weighted Need");
  /* N1 4,375 + N2 5,125 of 15,000 in all (S1 5,500): 4,000 x 9,500 / 15,000. */
  g_assert_cmpfloat_with_epsilon (north_frailty (f, 0), 4000.0 * 9500 / 15000, 1e-9);

  /* The name alone: the base stays. */
  g_assert_true (lp_plan_save_pathway_edit (f->plan, "Frailty", LP_PATHWAY_INPATIENT, "Frailty (75+)", NULL,
                                            &bad_field, &error));
  g_assert_no_error (error);
  g_clear_pointer (&base, g_free);
  base = lp_plan_get_pathway_population_base (f->plan, "Frailty (75+)", &error);
  g_assert_cmpstr (base, ==, "weighted Need");

  /* Each save one step. */
  undo (f);
  undo (f);
  g_clear_pointer (&base, g_free);
  g_assert_cmpstr ((base = frailty_base (f)), ==, "75+ female");
  undo (f);
  undo (f);
  g_clear_pointer (&base, g_free);
  g_assert_cmpstr ((base = frailty_base (f)), ==, "registered");
  g_assert_cmpfloat (north_frailty (f, 0), ==, 2000.0);

  g_assert_null (lp_plan_get_pathway_population_base (f->plan, "Nothing", &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
}

/* A scenario's own base per pathway, inherited by the scenarios built on
 * it; blank is "as the pathway".  Comparing two scenarios that differ only
 * in the base shows who gains and who loses. */
static void
test_scenario_bases (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bases = NULL;
  const char *bad_field = NULL;
  gint64 older = lp_plan_add_scenario (f->plan, "Older", 0, &error);
  gint64 oldest = lp_plan_add_scenario (f->plan, "Oldest", older, &error);
  const LpScenarioBase *frailty;
  LpScenarioBaseFormRow rows[] = { { "Frailty", " 75+", "frailty-base" }, { "Elective", "", "elective-base" } };

  g_assert_no_error (error);
  g_assert_true (lp_plan_save_scenario_bases_form (f->plan, older, rows, G_N_ELEMENTS (rows), &bad_field, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Change population bases");
  g_assert_cmpfloat (north_frailty (f, older), ==, 1000.0);
  g_assert_cmpfloat (north_frailty (f, oldest), ==, 1000.0);
  g_assert_cmpfloat (north_frailty (f, 0), ==, 2000.0);

  /* Oldest has none of its own: Older's, named. */
  bases = lp_plan_list_scenario_population_bases (f->plan, oldest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bases->len, ==, 2);
  frailty = g_ptr_array_index (bases, 0);
  g_assert_cmpstr (frailty->pathway, ==, "Frailty");
  g_assert_null (frailty->own);
  g_assert_cmpstr (frailty->inherited, ==, "75+");
  g_assert_cmpstr (frailty->inherited_from, ==, "Older");
  g_assert_cmpstr (((LpScenarioBase *) g_ptr_array_index (bases, 1))->inherited, ==, "registered");
  g_assert_null (((LpScenarioBase *) g_ptr_array_index (bases, 1))->inherited_from);
  g_clear_pointer (&bases, g_ptr_array_unref);
  bases = lp_plan_list_scenario_population_bases (f->plan, older, &error);
  frailty = g_ptr_array_index (bases, 0);
  g_assert_cmpstr (frailty->own, ==, "75+");
  g_assert_cmpstr (frailty->inherited, ==, "registered");
  g_assert_null (frailty->inherited_from);

  /* The difference Older less the base, North: 1,000 - 2,000. */
  {
    LpModelQuery query = { lp_plan_find_locality (f->plan, "North"), older, LP_PER_YEAR };
    LpModelQuery other = { lp_plan_find_locality (f->plan, "North"), 0, LP_PER_YEAR };
    g_autoptr(LpModelTable) a = lp_plan_model (f->plan, &query, &error);
    g_autoptr(LpModelTable) b = lp_plan_model (f->plan, &other, &error);
    g_autoptr(LpModelTable) difference = lp_model_table_difference (a, b);

    g_assert_no_error (error);
    g_assert_cmpfloat (((const LpModelRow *) g_ptr_array_index (difference->rows, 0))->activity[0], ==, -1000.0);
  }

  /* A base that cannot be read: its row named, nothing written. */
  rows[0].base = "over 75";
  g_assert_false (lp_plan_save_scenario_bases_form (f->plan, oldest, rows, G_N_ELEMENTS (rows), &bad_field, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“over 75” is not a population base: write registered, or an age band such as 75+ or 0-4");
  g_assert_cmpstr (bad_field, ==, "frailty-base");
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan), "SELECT count (*) FROM scenario_population_base"), ==, 1);

  /* Oldest back to registered on its own; then blank: as Older again. */
  rows[0].base = "Registered";
  g_assert_true (lp_plan_save_scenario_bases_form (f->plan, oldest, rows, 1, &bad_field, &error));
  g_assert_cmpfloat (north_frailty (f, oldest), ==, 2000.0);
  rows[0].base = "  ";
  g_assert_true (lp_plan_save_scenario_bases_form (f->plan, oldest, rows, 1, &bad_field, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Change population bases");
  g_assert_cmpfloat (north_frailty (f, oldest), ==, 1000.0);
  undo (f);
  g_assert_cmpfloat (north_frailty (f, oldest), ==, 2000.0);
  undo (f);
  undo (f);
  g_assert_cmpfloat (north_frailty (f, older), ==, 2000.0);
}

static void
assert_refused (Fixture                  *f,
                const char               *old_name,
                const LpWeightsTableForm *form,
                const char               *field,
                const char               *message)
{
  g_autoptr(GError) error = NULL;
  const char *bad_field = NULL;
  g_autofree char *before = test_file_checksum (lp_plan_get_path (f->plan));
  g_autofree char *after = NULL;

  g_assert_false (lp_plan_save_population_weights_form (f->plan, old_name, form, &bad_field, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpstr (bad_field, ==, field);
  after = test_file_checksum (lp_plan_get_path (f->plan));
  g_assert_cmpstr (after, ==, before);
}

/* A table of weights by age band: made, used, renamed where it is used,
 * refused while bad, and removed only when nothing shares by it. */
static void
test_weights_table (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *base = NULL;
  const char *bad_field = NULL;
  LpWeightsTableFormRow typed[] = {
    { " 75+", "all", "3", "band-2", "weight-2" },
    { "0–74", "all", "1", "band-1", "weight-1" },
  };
  LpWeightsTableForm form = { " Need ", "Illustrative: not published weights", G_N_ELEMENTS (typed), typed };
  gint64 older;

  g_assert_true (lp_plan_save_population_weights_form (f->plan, NULL, &form, &bad_field, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Add weights");
  rows = lp_plan_get_population_weight_rows (f->plan, "Need", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((LpPopulationWeightRow *) g_ptr_array_index (rows, 0))->age_band, ==, "0-74");
  g_assert_cmpfloat (((LpPopulationWeightRow *) g_ptr_array_index (rows, 0))->weight, ==, 1.0);
  g_assert_cmpstr (((LpPopulationWeightRow *) g_ptr_array_index (rows, 1))->age_band, ==, "75+");
  g_assert_cmpstr (((LpPopulationWeightRow *) g_ptr_array_index (rows, 1))->sex, ==, "all");
  g_assert_cmpfloat (((LpPopulationWeightRow *) g_ptr_array_index (rows, 1))->weight, ==, 3.0);

  /* Shared by them: N1 4,375 + N2 5,125 of 15,000. */
  g_assert_true (lp_plan_save_pathway_edit (f->plan, "Frailty", LP_PATHWAY_INPATIENT, "Frailty", "weighted Need",
                                            &bad_field, &error));
  older = lp_plan_add_scenario (f->plan, "Older", 0, &error);
  g_assert_true (lp_plan_save_scenario_bases_form (f->plan, older,
                                                   (LpScenarioBaseFormRow[]) { { "Elective", "weighted need", "e" } },
                                                   1, &bad_field, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (north_frailty (f, 0), 4000.0 * 9500 / 15000, 1e-9);

  /* Bad rows, each named by its field. */
  typed[0].age_band = "75++";
  assert_refused (f, "Need", &form, "band-2",
                  "“75++” is not an age band: write one such as 75+ or 0-74, and choose the sex beside it");
  typed[0].age_band = "75+ female";
  assert_refused (f, "Need", &form, "band-2",
                  "“75+ female” is not an age band: write one such as 75+ or 0-74, and choose the sex beside it");
  typed[0].age_band = "0-74";
  assert_refused (f, "Need", &form, "band-1", "The band 0-74 is there twice for the same sex");
  typed[0].age_band = "75+";
  typed[0].weight = "-1";
  {
    g_autoptr(GError) parse_error = NULL;
    double unused;

    g_assert_false (lp_parse_decimal ("The weight", "-1", 0, &unused, &parse_error));
    assert_refused (f, "Need", &form, "weight-2", parse_error->message);
  }
  typed[0].weight = " ";
  assert_refused (f, "Need", &form, "weight-2", "Enter the band’s weight, such as 1 or 2.5");
  typed[0].weight = "3";
  form.name = " ";
  assert_refused (f, "Need", &form, LP_FIELD_WEIGHTS_NAME, "Enter the weights’ name, such as Need");
  form.name = "need";
  assert_refused (f, NULL, &form, LP_FIELD_WEIGHTS_NAME, "There are already weights called “Need”");
  form.n_rows = 0;
  assert_refused (f, "Need", &form, NULL, "Give the weights at least one age band");
  form.n_rows = G_N_ELEMENTS (typed);
  /* Rows left empty are none. */
  {
    LpWeightsTableFormRow empty[] = { { " ", "all", "", "band-1", "weight-1" }, { NULL, "male", NULL, "b", "w" } };
    LpWeightsTableForm blank = { "Need", "", G_N_ELEMENTS (empty), empty };

    assert_refused (f, "Need", &blank, NULL, "Give the weights at least one age band");
    empty[1].weight = "2";
    assert_refused (f, "Need", &blank, "b", "Enter an age band, such as 75+ or 0-74");
  }

  /* Renamed: the pathway and the scenario follow, in one step. */
  typed[0].weight = "4";
  form.name = "Need 2019";
  g_assert_true (lp_plan_save_population_weights_form (f->plan, "Need", &form, &bad_field, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Edit weights");
  g_assert_cmpstr ((base = frailty_base (f)), ==, "weighted Need 2019");
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan),
                                 "SELECT count (*) FROM scenario_population_base WHERE population_base = 'weighted Need 2019'"),
                   ==, 1);
  /* 0-74 x 1 and 75+ x 4: N1 4,000 + 125 x 4 = 4,500; N2 4,000 + 375 x 4
   * = 5,500; S1 1,000 + 1,500 x 4 = 7,000.  North 10,000 of 17,000. */
  g_assert_cmpfloat_with_epsilon (north_frailty (f, 0), 4000.0 * 10000 / 17000, 1e-9);

  /* Not while shared by. */
  g_assert_false (lp_plan_delete_population_weights (f->plan, "Need 2019", &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==,
                   "Frailty is shared by the weights “Need 2019”: choose another base for it first");
  g_clear_error (&error);

  undo (f);
  g_clear_pointer (&base, g_free);
  g_assert_cmpstr ((base = frailty_base (f)), ==, "weighted Need");
  g_assert_cmpfloat_with_epsilon (north_frailty (f, 0), 4000.0 * 9500 / 15000, 1e-9);

  /* Imported weights are not edited here. */
  sql (f, "INSERT INTO population_weights (name, kind, source) VALUES ('PCN adjusted', 'imported', 'pcn.csv')");
  form.name = "PCN adjusted";
  assert_refused (f, "PCN adjusted", &form, LP_FIELD_WEIGHTS_NAME,
                  "The weights “PCN adjusted” were imported per practice: import them again to change them");

  /* Removed once nothing shares by them; undo brings their rows back. */
  g_assert_true (lp_plan_delete_population_weights (f->plan, "PCN adjusted", &error));
  g_assert_no_error (error);
  g_assert_true (lp_plan_save_pathway_edit (f->plan, "Frailty", LP_PATHWAY_INPATIENT, "Frailty", "registered",
                                            &bad_field, &error));
  g_assert_true (lp_plan_save_scenario_bases_form (f->plan, older,
                                                   (LpScenarioBaseFormRow[]) { { "Elective", "", "e" } },
                                                   1, &bad_field, &error));
  g_assert_true (lp_plan_delete_population_weights (f->plan, "Need", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Delete weights");
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan), "SELECT count (*) FROM population_weight"), ==, 0);
  undo (f);
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan), "SELECT count (*) FROM population_weight"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) \
  g_test_add ("/population-base-edit/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("choices", test_choices);
  ADD ("pathway-base", test_pathway_base);
  ADD ("scenario-bases", test_scenario_bases);
  ADD ("weights-table", test_weights_table);
  return g_test_run ();
}
