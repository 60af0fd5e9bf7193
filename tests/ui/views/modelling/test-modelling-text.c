/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Locality Modelling view's words and figures, without a display. */
#include "config.h"

#include <string.h>

#include "lp-core.h"
#include "lp-modelling-item.h"
#include "lp-modelling-text.h"
#include "lp-pathway-text.h"

static void
assert_modelling_text_rows (const LpModellingText *text)
{
  const LpModellingRow *row;

  g_assert_cmpuint (text->rows->len, ==, 4);
  row = g_ptr_array_index (text->rows, 0);
  g_assert_cmpstr (row->name, ==, "Frailty");
  g_assert_cmpint (row->kind, ==, LP_MODELLING_ROW_ENTERED);
  g_assert_cmpstr (row->tooltip, ==, "Figures entered for this locality");
  g_assert_cmpstr (row->cells[0], ==, "5.5");
  g_assert_cmpstr (row->cells[1], ==, "8.1");
  g_assert_cmpstr (row->cells[2], ==, "8.7");
  g_assert_cmpstr (row->cells[3], ==, "10.4");
  row = g_ptr_array_index (text->rows, 1);
  g_assert_cmpint (row->kind, ==, LP_MODELLING_ROW_SHARE);
  g_assert_cmpstr (row->tooltip, ==, "Share of the STP’s or CCG’s change");
  g_assert_cmpstr (row->cells[0], ==, "1,234.6");
  g_assert_cmpstr (row->cells[1], ==, "0.0");
  g_assert_cmpint (((LpModellingRow *) g_ptr_array_index (text->rows, 2))->kind, ==, LP_MODELLING_ROW_SUBTOTAL);
  g_assert_cmpint (((LpModellingRow *) g_ptr_array_index (text->rows, 3))->kind, ==, LP_MODELLING_ROW_TOTAL);
}

static void
assert_modelling_text_practice (const LpModellingText *text)
{
  const LpModellingPractice *shown;

  g_assert_cmpuint (text->practices->len, ==, 1);
  shown = g_ptr_array_index (text->practices, 0);
  g_assert_cmpstr (shown->code, ==, "E82013");
  g_assert_cmpstr (shown->name, ==, "Test Surgery");
  g_assert_cmpstr (shown->list_size, ==, "12,345");
  g_assert_cmpstr (shown->share, ==, "16.3%");
  g_assert_cmpstr (shown->cells[0], ==, "201.9");
  g_assert_cmpstr (shown->cells[1], ==, "1.3");
  g_assert_cmpstr (shown->cells[3], ==, "1.7");
}

/* A table made by hand: the cells in the published order (activity then
 * bed days per horizon), rounded to one decimal with thousands separators,
 * the kinds of rows and what each says of its figures. */
static void
test_modelling_text_table (void)
{
  LpModelRow rows[] = {
    { "Frailty", LP_MODEL_ROW_PATHWAY, TRUE, { 5.54, 8.7 }, { 8.05, 10.44 } },
    { "CVD", LP_MODEL_ROW_PATHWAY, FALSE, { 1234.56, 0 }, { 0.04, 0.05 } },
    { "In-patients total", LP_MODEL_ROW_SUBTOTAL, FALSE, { 1240.1, 8.7 }, { 8.09, 10.49 } },
    { "Grand total", LP_MODEL_ROW_TOTAL, FALSE, { 1240.1, 8.7 }, { 8.09, 10.49 } },
  };
  LpModelPractice practice = { .ods_code = "E82013", .name = "Test Surgery", .list_size = 12345,
                               .share = 0.1628, .activity = { 201.9, 1.4 }, .bed_days = { 1.3, 1.7 } };
  LpModelTable table = { 2, { 3, 5 }, LP_PER_MONTH, 52, 75825, FALSE, FALSE, g_ptr_array_new () };
  g_autoptr(GPtrArray) practices = g_ptr_array_new ();
  g_auto(LpModellingText) text = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_ptr_array_add (table.rows, &rows[i]);
  g_ptr_array_add (practices, &practice);
  g_auto(LpModellingText) weighted = { 0, };
  g_auto(LpModellingText) normalised = { 0, };

  lp_modelling_text_build (&table, practices, "Lower Lea Valley", &text);
  /* By population, the view says nothing; by weights, it says so, and
   * that they were divided by their total when they did not add to 1. */
  g_assert_null (text.sharing);
  table.by_weights = TRUE;
  lp_modelling_text_build (&table, practices, "Lower Lea Valley", &weighted);
  g_assert_cmpstr (weighted.sharing, ==, "The STP’s and CCG’s changes are shared by this scenario’s weights.");
  table.weights_normalised = TRUE;
  lp_modelling_text_build (&table, practices, "Lower Lea Valley", &normalised);
  g_assert_nonnull (strstr (normalised.sharing, "each divided by their total as they do not add up to 1"));
  g_ptr_array_unref (table.rows);

  g_assert_false (text.empty);
  g_assert_cmpuint (text.n_horizons, ==, 2);
  g_assert_cmpstr (text.horizons[0], ==, "3 years");
  g_assert_cmpstr (text.horizons[1], ==, "5 years");
  g_assert_cmpstr (text.columns[0], ==, "3 years: activity");
  g_assert_cmpstr (text.columns[1], ==, "3 years: reduced bed days");
  g_assert_cmpstr (text.columns[3], ==, "5 years: reduced bed days");
  g_assert_cmpstr (text.summary, ==, "Lower Lea Valley: reductions per month, for 75,825 registered patients");
  g_assert_cmpstr (text.practices_title, ==, "What this means for each practice, per month");
  assert_modelling_text_rows (&text);
  assert_modelling_text_practice (&text);
}

/* Too many localities to chart: each one's grand total worded as a
 * practice's share is, its registered patients for a list size; the
 * table's rows sort by the figures, not their rounded words. */
static void
test_modelling_text_localities (void)
{
  LpModelTable table = { 2, { 3, 5 }, LP_PER_WEEK, 52, 100, FALSE, FALSE, NULL };
  LpModelLocality north = { 1, "North", 1234567, { 1234.56, 9.04 }, { 0.05, 2 } };
  LpModelLocality south = { 2, "South", 800, { 1234.54, 10 }, { 0, 1 } };
  g_autoptr(GPtrArray) localities = g_ptr_array_new ();
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *title = lp_modelling_text_localities_title (LP_PER_WEEK);
  g_autoptr(LpModellingItem) first = NULL;
  g_autoptr(LpModellingItem) second = NULL;
  const LpModellingPractice *shown;

  g_ptr_array_add (localities, &north);
  g_ptr_array_add (localities, &south);
  words = lp_modelling_text_localities (&table, localities);
  g_assert_cmpuint (words->len, ==, 2);
  shown = g_ptr_array_index (words, 0);
  g_assert_null (shown->code);
  g_assert_null (shown->share);
  g_assert_cmpstr (shown->name, ==, "North");
  g_assert_cmpstr (shown->list_size, ==, "1,234,567");
  g_assert_cmpstr (shown->cells[0], ==, "1,234.6");
  g_assert_cmpstr (shown->cells[1], ==, "0.1");
  g_assert_cmpstr (shown->cells[2], ==, "9.0");
  g_assert_cmpstr (shown->cells[3], ==, "2.0");
  g_assert_cmpstr (title, ==, "Reductions per week by locality");

  first = lp_modelling_item_new (g_ptr_array_index (words, 0), north.population, 0, 2,
                                 north.activity, north.bed_days);
  second = lp_modelling_item_new (g_ptr_array_index (words, 1), south.population, 0, 2,
                                  south.activity, south.bed_days);
  g_assert_cmpstr (lp_modelling_item_get_text (first, LP_MODELLING_COLUMN_NAME), ==, "North");
  g_assert_null (lp_modelling_item_get_text (first, LP_MODELLING_COLUMN_CODE));
  g_assert_cmpstr (lp_modelling_item_get_text (first, LP_MODELLING_COLUMN_FIGURES + 2), ==, "9.0");
  /* Both show 1,234.5 or so; North's is the larger figure. */
  g_assert_cmpint (lp_modelling_item_compare (first, second, LP_MODELLING_COLUMN_FIGURES), >, 0);
  g_assert_cmpint (lp_modelling_item_compare (first, second, LP_MODELLING_COLUMN_FIGURES + 2), <, 0);
  g_assert_cmpint (lp_modelling_item_compare (first, second, LP_MODELLING_COLUMN_SIZE), >, 0);
  g_assert_cmpint (lp_modelling_item_compare (first, first, LP_MODELLING_COLUMN_SIZE), ==, 0);
}

/* No horizon means no pathway change: the view shows its empty state. */
static void
test_modelling_text_empty (void)
{
  LpModelTable table = { 0, { 0 }, LP_PER_WEEK, 52, 100, FALSE, FALSE, g_ptr_array_new () };
  g_auto(LpModellingText) text = { 0, };
  g_auto(LpModellingText) none = { 0, };

  lp_modelling_text_build (&table, NULL, "All localities", &text);
  g_ptr_array_unref (table.rows);
  g_assert_true (text.empty);
  g_assert_cmpuint (text.rows->len, ==, 0);
  g_assert_null (text.summary);
  lp_modelling_text_build (NULL, NULL, "All localities", &none);
  g_assert_true (none.empty);
}

/* The sample's Lower Lea Valley per week: the published month x 12 / 52. */
static void
test_modelling_text_sample_week (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (g_getenv ("LP_SAMPLE_PLAN"), LP_PLAN_OPEN_READ_ONLY, &error);
  LpModelQuery query = { 0, 0, LP_PER_WEEK, FALSE, NULL };
  g_autoptr(LpModelTable) table = NULL;
  g_autoptr(GPtrArray) practices = NULL;
  g_auto(LpModellingText) text = { 0, };
  const LpModellingRow *first, *last;

  g_assert_no_error (error);
  query.locality_id = lp_plan_find_locality (plan, "Lower Lea Valley");
  table = lp_plan_model (plan, &query, &error);
  g_assert_no_error (error);
  practices = lp_plan_model_practices (plan, &query, table, &error);
  g_assert_no_error (error);
  lp_modelling_text_build (table, practices, "Lower Lea Valley", &text);
  g_assert_cmpuint (text.rows->len, ==, 11);
  g_assert_cmpuint (text.practices->len, ==, 8);
  first = g_ptr_array_index (text.rows, 0);
  last = g_ptr_array_index (text.rows, text.rows->len - 1);
  g_assert_cmpstr (first->name, ==, "Frailty");
  g_assert_cmpstr (first->cells[0], ==, "1.3");
  g_assert_cmpstr (last->name, ==, "Grand total");
  g_assert_cmpstr (last->cells[0], ==, "55.7");
  g_assert_cmpstr (last->cells[1], ==, "4.7");
  g_assert_cmpstr (text.summary, ==, "Lower Lea Valley: reductions per week, for 75,825 registered patients");
  g_assert_true (g_str_has_suffix (lp_modelling_text_convention (52.0), "spread evenly over them."));
}

/* The summary names a scenario other than the base, and the one it
 * builds on; the base's summary stays as it was. */
static void
test_modelling_text_scenario (void)
{
  g_auto(LpModellingText) text = { 0, };
  g_auto(LpModellingText) empty = { 0, };

  text.summary = g_strdup ("Lower Lea Valley: reductions per month, for 75,825 registered patients");
  lp_modelling_text_set_scenario (&text, "Base", NULL);
  g_assert_cmpstr (text.summary, ==, "Lower Lea Valley: reductions per month, for 75,825 registered patients");
  lp_modelling_text_set_scenario (&text, "Faster frailty", "Base");
  g_assert_cmpstr (text.summary, ==, "Lower Lea Valley: reductions per month, for 75,825 registered "
                                     "patients, in scenario “Faster frailty”, built on Base");
  lp_modelling_text_set_scenario (&empty, "Faster frailty", "Base");
  g_assert_null (empty.summary);
}

typedef struct {
  LpScenarioEdit  edit;
  const char     *heading;
  const char     *response;
  const char     *name;       /* NULL: the dialog asks no name */
  gboolean        destructive;
  const char     *failed;
} PromptCase;

static const PromptCase prompt_cases[] = {
  { LP_SCENARIO_EDIT_NEW, "New Scenario", "_Create", "", FALSE, "The Scenario Could Not Be Created" },
  { LP_SCENARIO_EDIT_DUPLICATE, "Duplicate “Faster frailty”", "_Duplicate", "Copy of Faster frailty",
    FALSE, "The Scenario Could Not Be Duplicated" },
  { LP_SCENARIO_EDIT_RENAME, "Rename “Faster frailty”", "_Rename", "Faster frailty", FALSE,
    "The Scenario Could Not Be Renamed" },
  { LP_SCENARIO_EDIT_DELETE, "Delete “Faster frailty”?", "_Delete", NULL, TRUE,
    "The Scenario Could Not Be Deleted" },
};

static void
test_modelling_text_scenario_prompts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (prompt_cases); i++)
    {
      const PromptCase *c = &prompt_cases[i];
      g_auto(LpScenarioPrompt) prompt = { 0, };

      lp_modelling_text_scenario_prompt (c->edit, "Faster frailty", &prompt);
      g_assert_cmpstr (prompt.heading, ==, c->heading);
      g_assert_cmpstr (prompt.response, ==, c->response);
      g_assert_cmpstr (prompt.name, ==, c->name);
      g_assert_cmpint (prompt.destructive, ==, c->destructive);
      g_assert_cmpstr (prompt.failed, ==, c->failed);
      g_assert_nonnull (prompt.body);
    }
  /* A new scenario's body names the one it builds on. */
  {
    g_auto(LpScenarioPrompt) prompt = { 0, };

    lp_modelling_text_scenario_prompt (LP_SCENARIO_EDIT_NEW, "Base", &prompt);
    g_assert_nonnull (strstr (prompt.body, "builds on “Base”"));
  }
  g_assert_true (lp_modelling_text_scenario_name_ok ("Faster frailty"));
  g_assert_true (lp_modelling_text_scenario_name_ok (" x "));
  g_assert_false (lp_modelling_text_scenario_name_ok (""));
  g_assert_false (lp_modelling_text_scenario_name_ok (" \t\u00a0"));
  g_assert_false (lp_modelling_text_scenario_name_ok (NULL));
}

static void
test_pathway_text_words (void)
{
  g_auto(GStrv) with = lp_pathway_text_levels ("Stevenage");
  g_auto(GStrv) without = lp_pathway_text_levels (NULL);
  g_auto(GStrv) periods = lp_pathway_text_periods ();
  g_autofree char *half = lp_pathway_text_figure (5.5);
  g_autofree char *whole = lp_pathway_text_figure (3600);
  g_autofree char *third = lp_pathway_text_figure (1.0 / 3.0);
  LpPathwayFigures none = { 0, };
  LpPathwayFigures inherited = { LP_PATHWAY_PER_YEAR, 1, { { 3, 1, 1, 7 } } };
  LpPathwayFigures own = { LP_PATHWAY_PER_YEAR, 1, { { 3, 1, 1, 9 } } };
  g_autofree char *none_text = lp_pathway_text_source (&none, 9, "Fast");
  g_autofree char *inherited_text = lp_pathway_text_source (&inherited, 9, "Fast");
  g_autofree char *own_text = lp_pathway_text_source (&own, 9, "Fast");

  g_assert_cmpuint (g_strv_length (with), ==, 3);
  g_assert_cmpstr (with[2], ==, "Stevenage");
  g_assert_cmpuint (g_strv_length (without), ==, 2);
  g_assert_cmpstr (periods[LP_PATHWAY_PER_WEEK], ==, "A week");
  g_assert_cmpstr (half, ==, "5.5");
  g_assert_cmpstr (whole, ==, "3600");
  g_assert_cmpstr (third, ==, "0.3333333333");
  g_assert_cmpstr (none_text, ==, "No figures yet at this level: the pathway is modelled from the others.");
  g_assert_cmpstr (inherited_text, ==,
                   "“Fast” uses the figures of the scenario it builds on; saving makes them its own.");
  g_assert_cmpstr (own_text, ==, "“Fast” states these figures itself.");
}

/* The view's list of changes: each change's pathway and level, its
 * figures as stated, grouped as a reader writes them. */
static void
test_pathway_text_changes (void)
{
  LpPathwayChange stp = { 1, 0, 0, (char *) "Respiratory", LP_PATHWAY_INPATIENT, LP_LEVEL_STP, 0, NULL,
                          3, LP_PATHWAY_OVER_HORIZON, 1578, 4263 };
  LpPathwayChange own = { 2, 0, 0, (char *) "Well adults (A&E)", LP_PATHWAY_AE_OUTPATIENT, LP_LEVEL_LOCALITY, 7,
                          (char *) "Lower Lea Valley", 1, LP_PATHWAY_PER_MONTH, 57.1, 0 };
  LpPathwayChange ccg = { 3, 0, 0, (char *) "Frailty", LP_PATHWAY_INPATIENT, LP_LEVEL_CCG, 0, NULL,
                          5, LP_PATHWAY_PER_WEEK, 12, 2.5 };
  g_autofree char *stp_title = lp_pathway_text_change_title (&stp);
  g_autofree char *stp_figures = lp_pathway_text_change_subtitle (&stp);
  g_autofree char *own_title = lp_pathway_text_change_title (&own);
  g_autofree char *own_figures = lp_pathway_text_change_subtitle (&own);
  g_autofree char *ccg_title = lp_pathway_text_change_title (&ccg);
  g_autofree char *ccg_figures = lp_pathway_text_change_subtitle (&ccg);
  g_auto(GStrv) levels = lp_pathway_text_change_levels ((const char *[]) { "North", "South", NULL });
  g_auto(GStrv) categories = lp_pathway_text_categories ();

  g_assert_cmpstr (stp_title, ==, "Respiratory · the STP");
  g_assert_cmpstr (stp_figures, ==, "1,578 fewer admissions and 4,263 fewer bed days over 3 years");
  g_assert_cmpstr (own_title, ==, "Well adults (A&E) · Lower Lea Valley");
  g_assert_cmpstr (own_figures, ==, "57.1 fewer admissions and 0 fewer bed days a month, over 1 year");
  g_assert_cmpstr (ccg_title, ==, "Frailty · the CCG");
  g_assert_cmpstr (ccg_figures, ==, "12 fewer admissions and 2.5 fewer bed days a week, over 5 years");
  g_assert_cmpstrv (levels, ((const char *[]) { "The STP", "The CCG", "North", "South", NULL }));
  g_assert_cmpstrv (categories, ((const char *[]) { "In-patient", "A&E and outpatient", NULL }));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/modelling-text/table", test_modelling_text_table);
  g_test_add_func ("/modelling-text/empty", test_modelling_text_empty);
  g_test_add_func ("/modelling-text/localities", test_modelling_text_localities);
  g_test_add_func ("/modelling-text/sample-week", test_modelling_text_sample_week);
  g_test_add_func ("/modelling-text/scenario", test_modelling_text_scenario);
  g_test_add_func ("/modelling-text/scenario-prompts", test_modelling_text_scenario_prompts);
  g_test_add_func ("/modelling-text/pathway-words", test_pathway_text_words);
  g_test_add_func ("/modelling-text/pathway-changes", test_pathway_text_changes);
  return g_test_run ();
}
