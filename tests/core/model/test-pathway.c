/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A scenario's pathway changes and apportionment weights: read back with
 * inheritance, overridden in a child without touching its base, cleared,
 * undone, refused when impossible, and seen by the model at once. */
#include <string.h>

#include "core-test-util.h"

typedef struct {
  TestSample  sample;   /* first: the shared set-up sees a TestSample */
  LpPlan     *plan;
  gint64      llv;
  gint64      child;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  test_sample_set_up (&f->sample, data);
  f->plan = f->sample.plan;
  f->llv = lp_plan_find_locality (f->plan, "Lower Lea Valley");
  f->child = lp_plan_add_scenario (f->plan, "Faster frailty", 0, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_sample_tear_down (&f->sample, data);
}

/* Frailty's first row in the locality's table, per month. */
static double
frailty (Fixture    *f,
         gint64      locality,
         gint64      scenario,
         LpPer       per)
{
  LpModelQuery query = { locality, scenario, per };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpModelTable) table = lp_plan_model (f->plan, &query, &error);

  g_assert_no_error (error);
  return ((LpModelRow *) g_ptr_array_index (table->rows, 0))->activity[0];
}

static void
test_pathways_listed (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = lp_plan_list_pathways (f->plan, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 8);
  g_assert_cmpstr (names[0], ==, "Frailty");
  g_assert_cmpstr (names[5], ==, "Elective");
  g_assert_cmpstr (names[7], ==, "Outpatients");
}

/* The published Lower Lea Valley figures are the base's, per month. */
static void
test_read_published (Fixture *f, gconstpointer data)
{
  LpPathwayFigures figures;
  g_autoptr(GError) error = NULL;

  g_assert_true (lp_plan_get_pathway_figures (f->plan, f->child, "Frailty", LP_LEVEL_LOCALITY, f->llv,
                                              &figures, &error));
  g_assert_no_error (error);
  g_assert_cmpint (figures.period, ==, LP_PATHWAY_PER_MONTH);
  g_assert_cmpuint (figures.n_figures, ==, 2);
  g_assert_cmpint (figures.figures[0].horizon_years, ==, 3);
  g_assert_cmpfloat_with_epsilon (figures.figures[0].activity, 5.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (figures.figures[0].bed_days, 8.1, 1e-9);
  g_assert_cmpint (figures.figures[1].horizon_years, ==, 5);
  g_assert_cmpfloat_with_epsilon (figures.figures[1].activity, 8.7, 1e-9);
  /* Inherited: the base states them. */
  g_assert_cmpint (figures.figures[0].scenario_id, !=, f->child);
}

/* A child's own figure changes its table only; clearing it, or undoing
 * the change, brings the base's back. */
static void
test_override_and_clear (Fixture *f, gconstpointer data)
{
  LpPathwayFigures figures = { LP_PATHWAY_PER_MONTH, 2, {
    { 3, 7.5, 8.1, 0 }, { 5, 8.7, 10.4, 0 } } };
  LpPathwayFigures read;
  g_autoptr(GError) error = NULL;

  g_assert_true (lp_plan_set_pathway_figures (f->plan, f->child, "Frailty", LP_LEVEL_LOCALITY, f->llv,
                                              &figures, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (frailty (f, f->llv, f->child, LP_PER_MONTH), 7.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (frailty (f, f->llv, 0, LP_PER_MONTH), 5.5, 1e-9);
  g_assert_true (lp_plan_get_pathway_figures (f->plan, f->child, "Frailty", LP_LEVEL_LOCALITY, f->llv,
                                              &read, NULL));
  g_assert_cmpint (read.figures[0].scenario_id, ==, f->child);

  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_cmpfloat_with_epsilon (frailty (f, f->llv, f->child, LP_PER_MONTH), 5.5, 1e-9);
  g_assert_true (lp_plan_redo (f->plan, &error));
  g_assert_cmpfloat_with_epsilon (frailty (f, f->llv, f->child, LP_PER_MONTH), 7.5, 1e-9);

  g_assert_true (lp_plan_clear_pathway_figures (f->plan, f->child, "Frailty", LP_LEVEL_LOCALITY, f->llv,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (frailty (f, f->llv, f->child, LP_PER_MONTH), 5.5, 1e-9);
}

/* A CCG-wide change stated over 3 years reaches another locality by its
 * share of registered patients: 3,600 over 3 years is 1,200 a year. */
static void
test_ccg_change (Fixture *f, gconstpointer data)
{
  LpPathwayFigures figures = { LP_PATHWAY_OVER_HORIZON, 1, { { 3, 3600, 0, 0 } } };
  gint64 stevenage = lp_plan_find_locality (f->plan, "Stevenage");
  LpModelQuery query = { stevenage, f->child, LP_PER_YEAR };
  g_autoptr(LpModelTable) table = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (lp_plan_set_pathway_figures (f->plan, f->child, "Frailty", LP_LEVEL_CCG, 0, &figures, &error));
  g_assert_no_error (error);
  table = lp_plan_model (f->plan, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (((LpModelRow *) g_ptr_array_index (table->rows, 0))->activity[0],
                                  1200.0 * table->population / 596907.0, 1e-9);
}

static void
assert_refused (Fixture                *f,
                const char             *pathway,
                LpPathwayLevel          level,
                gint64                  locality,
                const LpPathwayFigures *figures,
                const char             *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (lp_plan_set_pathway_figures (f->plan, f->child, pathway, level, locality, figures, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message);
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  LpPathwayFigures negative = { LP_PATHWAY_PER_YEAR, 1, { { 3, -5, 0, 0 } } };
  LpPathwayFigures beds = { LP_PATHWAY_PER_YEAR, 1, { { 5, 5, -1, 0 } } };
  LpPathwayFigures horizon = { LP_PATHWAY_PER_YEAR, 1, { { 0, 5, 1, 0 } } };
  LpPathwayFigures fine = { LP_PATHWAY_PER_YEAR, 1, { { 3, 5, 1, 0 } } };

  assert_refused (f, "Frailty", LP_LEVEL_CCG, 0, &negative,
                  "The activity reduction over 3 years must be a figure of 0 or more");
  assert_refused (f, "Frailty", LP_LEVEL_CCG, 0, &beds,
                  "The reduction in bed days over 5 years must be a figure of 0 or more");
  assert_refused (f, "Frailty", LP_LEVEL_CCG, 0, &horizon, "A horizon must be 1 to 50 years, not 0");
  assert_refused (f, "Falls", LP_LEVEL_CCG, 0, &fine, "There is no pathway “Falls”");
  assert_refused (f, "Frailty", LP_LEVEL_LOCALITY, 0, &fine, "Choose the locality the figures are for");
  /* Nothing half-written: the child still models as its base. */
  g_assert_cmpfloat_with_epsilon (frailty (f, f->llv, f->child, LP_PER_MONTH), 5.5, 1e-9);
}

/* All of the CCG's share to one locality by weight; the child inherits
 * its base's weights until it states its own; empty goes back. */
static void
test_weights (Fixture *f, gconstpointer data)
{
  LpPathwayFigures figures = { LP_PATHWAY_OVER_HORIZON, 1, { { 3, 3600, 0, 0 } } };
  gint64 stevenage = lp_plan_find_locality (f->plan, "Stevenage");
  gint64 herts = lp_plan_find_locality (f->plan, "North Herts");
  g_autoptr(GHashTable) weights = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) read = NULL;
  g_autoptr(GHashTable) empty = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  gint64 grandchild;

  g_assert_true (lp_plan_set_pathway_figures (f->plan, f->child, "Frailty", LP_LEVEL_CCG, 0, &figures, NULL));
  g_hash_table_insert (weights, g_memdup2 (&stevenage, sizeof stevenage), g_memdup2 (&(double) { 3 }, sizeof (double)));
  g_hash_table_insert (weights, g_memdup2 (&herts, sizeof herts), g_memdup2 (&(double) { 1 }, sizeof (double)));
  g_assert_true (lp_plan_set_weights (f->plan, f->child, weights, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (frailty (f, stevenage, f->child, LP_PER_YEAR), 900.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (frailty (f, herts, f->child, LP_PER_YEAR), 300.0, 1e-9);

  grandchild = lp_plan_add_scenario (f->plan, "Grandchild", f->child, NULL);
  read = lp_plan_get_weights (f->plan, grandchild, &error);
  g_assert_cmpuint (g_hash_table_size (read), ==, 2);
  g_assert_cmpfloat (*(double *) g_hash_table_lookup (read, &stevenage), ==, 3.0);

  g_hash_table_insert (weights, g_memdup2 (&herts, sizeof herts), g_memdup2 (&(double) { -1 }, sizeof (double)));
  g_assert_false (lp_plan_set_weights (f->plan, f->child, weights, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_hash_table_insert (weights, g_memdup2 (&herts, sizeof herts), g_memdup2 (&(double) { 0 }, sizeof (double)));
  g_hash_table_insert (weights, g_memdup2 (&stevenage, sizeof stevenage), g_memdup2 (&(double) { 0 }, sizeof (double)));
  g_assert_false (lp_plan_set_weights (f->plan, f->child, weights, &error));
  g_assert_nonnull (strstr (error->message, "At least one locality needs a weight above 0"));
  g_clear_error (&error);

  g_assert_true (lp_plan_set_weights (f->plan, f->child, empty, &error));
  g_assert_no_error (error);
  g_clear_pointer (&read, g_hash_table_unref);
  read = lp_plan_get_weights (f->plan, f->child, NULL);
  g_assert_cmpuint (g_hash_table_size (read), ==, 0);
}

/* What is typed into the pathway dialog: blank horizons are left out,
 * "3,600" is 3,600, a blank half is 0, and a bad figure names its field
 * in words and by the form's own key. */
static void
test_form_read (Fixture *f, gconstpointer data)
{
  LpPathwayForm form = { "Frailty", LP_LEVEL_CCG, 0, LP_PATHWAY_PER_MONTH, 3, {
    { 1, "  ", "", "a1", "b1" }, { 3, "3,600", " 12.5 ", "a3", "b3" }, { 5, "", "7", "a5", "b5" } } };
  LpPathwayFigures figures;
  g_autoptr(GError) error = NULL;
  const char *bad_field = NULL;

  g_assert_true (lp_pathway_form_read (&form, &figures, &bad_field, &error));
  g_assert_no_error (error);
  g_assert_cmpint (figures.period, ==, LP_PATHWAY_PER_MONTH);
  g_assert_cmpuint (figures.n_figures, ==, 2);
  g_assert_cmpint (figures.figures[0].horizon_years, ==, 3);
  g_assert_cmpfloat (figures.figures[0].activity, ==, 3600.0);
  g_assert_cmpfloat (figures.figures[0].bed_days, ==, 12.5);
  g_assert_cmpint (figures.figures[1].horizon_years, ==, 5);
  g_assert_cmpfloat (figures.figures[1].activity, ==, 0.0);
  g_assert_cmpfloat (figures.figures[1].bed_days, ==, 7.0);

  form.horizons[0].activity = "lots";
  g_assert_false (lp_pathway_form_read (&form, &figures, &bad_field, &error));
  g_assert_cmpstr (error->message, ==, "Activity reduction over 1 year must be a number such as 1.5, not “lots”");
  g_assert_cmpstr (bad_field, ==, "a1");
  g_clear_error (&error);
  form.horizons[0].activity = "";
  form.horizons[2].bed_days = "-2";
  g_assert_false (lp_pathway_form_read (&form, &figures, &bad_field, &error));
  g_assert_cmpstr (error->message, ==, "Reduced bed days over 5 years must be 0 or more, not “-2”");
  g_assert_cmpstr (bad_field, ==, "b5");
}

/* Saved from the form: the child's own figures, one step; all blank
 * clears them; a refusal saves nothing. */
static void
test_form_save (Fixture *f, gconstpointer data)
{
  LpPathwayForm form = { "Frailty", LP_LEVEL_LOCALITY, 0, LP_PATHWAY_PER_MONTH, 2, {
    { 3, "7.5", "8.1", "a3", "b3" }, { 5, "8.7", "10.4", "a5", "b5" } } };
  g_autoptr(GError) error = NULL;
  const char *bad_field = "unset";

  form.locality_id = f->llv;
  g_assert_true (lp_plan_save_pathway_form (f->plan, f->child, &form, &bad_field, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (frailty (f, f->llv, f->child, LP_PER_MONTH), 7.5, 1e-9);

  form.horizons[1].activity = "-1";
  g_assert_false (lp_plan_save_pathway_form (f->plan, f->child, &form, &bad_field, &error));
  g_assert_cmpstr (bad_field, ==, "a5");
  g_clear_error (&error);
  form.pathway = "Falls";
  form.horizons[1].activity = "8.7";
  g_assert_false (lp_plan_save_pathway_form (f->plan, f->child, &form, &bad_field, &error));
  g_assert_null (bad_field);
  g_assert_cmpstr (error->message, ==, "There is no pathway “Falls”");
  g_clear_error (&error);
  g_assert_cmpfloat_with_epsilon (frailty (f, f->llv, f->child, LP_PER_MONTH), 7.5, 1e-9);

  form.pathway = "Frailty";
  for (guint h = 0; h < form.n_horizons; h++)
    form.horizons[h].activity = form.horizons[h].bed_days = " ";
  g_assert_true (lp_plan_save_pathway_form (f->plan, f->child, &form, NULL, &error));
  g_assert_cmpfloat_with_epsilon (frailty (f, f->llv, f->child, LP_PER_MONTH), 5.5, 1e-9);
  g_assert_true (lp_plan_undo (f->plan, NULL));
  g_assert_cmpfloat_with_epsilon (frailty (f, f->llv, f->child, LP_PER_MONTH), 7.5, 1e-9);
}

/* Weights as typed: blank is 0, a bad one is refused under its locality's
 * name and key, by population leaves the rows aside. */
static void
test_weights_form (Fixture *f, gconstpointer data)
{
  gint64 stevenage = lp_plan_find_locality (f->plan, "Stevenage");
  gint64 herts = lp_plan_find_locality (f->plan, "North Herts");
  LpWeightsFormRow rows[] = {
    { stevenage, "3", "w-stevenage" }, { herts, "x", "w-herts" }, { f->llv, "", "w-llv" },
  };
  g_autoptr(GHashTable) read = NULL;
  g_autoptr(GError) error = NULL;
  const char *bad_field = NULL;

  lp_plan_clear_history (f->plan);
  g_assert_false (lp_plan_save_weights_form (f->plan, f->child, FALSE, rows, G_N_ELEMENTS (rows),
                                             &bad_field, &error));
  g_assert_cmpstr (error->message, ==, "The weight of North Herts must be a number such as 1.5, not “x”");
  g_assert_cmpstr (bad_field, ==, "w-herts");
  g_clear_error (&error);
  g_assert_false (lp_plan_can_undo (f->plan));

  rows[1].weight = "1";
  g_assert_true (lp_plan_save_weights_form (f->plan, f->child, FALSE, rows, G_N_ELEMENTS (rows),
                                            &bad_field, &error));
  g_assert_no_error (error);
  read = lp_plan_get_weights (f->plan, f->child, NULL);
  g_assert_cmpuint (g_hash_table_size (read), ==, 3);
  g_assert_cmpfloat (*(double *) g_hash_table_lookup (read, &stevenage), ==, 3.0);
  g_assert_cmpfloat (*(double *) g_hash_table_lookup (read, &f->llv), ==, 0.0);

  rows[0].weight = "0";
  rows[1].weight = "";
  g_assert_false (lp_plan_save_weights_form (f->plan, f->child, FALSE, rows, G_N_ELEMENTS (rows),
                                             &bad_field, &error));
  g_assert_null (bad_field);
  g_assert_cmpstr (error->message, ==, "At least one locality needs a weight above 0");
  g_clear_error (&error);

  rows[0].weight = "nonsense, left aside";
  g_assert_true (lp_plan_save_weights_form (f->plan, f->child, TRUE, rows, G_N_ELEMENTS (rows),
                                            &bad_field, &error));
  g_clear_pointer (&read, g_hash_table_unref);
  read = lp_plan_get_weights (f->plan, f->child, NULL);
  g_assert_cmpuint (g_hash_table_size (read), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pathway/listed", test_pathways_listed);
  ADD ("/pathway/read-published", test_read_published);
  ADD ("/pathway/override-and-clear", test_override_and_clear);
  ADD ("/pathway/ccg-change", test_ccg_change);
  ADD ("/pathway/refused", test_refused);
  ADD ("/pathway/weights", test_weights);
  ADD ("/pathway/form-read", test_form_read);
  ADD ("/pathway/form-save", test_form_save);
  ADD ("/pathway/weights-form", test_weights_form);
#undef ADD
  return g_test_run ();
}
