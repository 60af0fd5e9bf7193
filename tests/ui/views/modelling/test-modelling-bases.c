/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Population bases in the window: a pathway's own base in its dialog, a
 * scenario's per pathway, and the weights by age band, each
 * refused while core cannot read it, with the reason under the field and
 * the plan file unchanged, and each one undoable step; and the age bands
 * where they help (the Overview's older patients).  The plan is
 * tests/fixtures/population-bases.sql: North and South of 10,000
 * registered patients each, South with three times North's 75+ (1,500 to
 * 500); a CCG frailty change of 4,000 admissions a year. */
#include "config.h"

#include "lp-modelling-view.h"
#include "lp-overview-text.h"
#include "lp-overview-view.h"
#include "lp-practice-page-view.h"
#include "lp-practice-text.h"
#include "lp-pathway-name-dialog.h"
#include "lp-population-weights-dialog.h"
#include "lp-population-weights-window.h"
#include "lp-scenario-bases-dialog.h"
#include "lp-test-util.h"
#include "test-sql.h"

static char *
new_plan (const char *name)
{
  g_autofree char *path = lp_test_scratch_path (name);
  g_autofree char *fixture = test_fixture_sql ("population-bases.sql");

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LpPlan) plan = lp_plan_create (path, &error);
    g_assert_no_error (error);
  }
  test_sql_on_file (path, fixture);
  test_sql_on_file (path,
      "INSERT INTO pathway (id, name, category, sort_order) VALUES "
      "  (7, 'Frailty', 'inpatient', 1), (8, 'Elective', 'inpatient', 2);"
      "INSERT INTO pathway_change (scenario_id, pathway_id, level, horizon_years, activity, bed_days) "
      "  SELECT id, 7, 'ccg', 1, 4000, 8000 FROM scenario WHERE base_id IS NULL;"
      "INSERT INTO pathway_change (scenario_id, pathway_id, level, horizon_years, activity, bed_days) "
      "  SELECT id, 8, 'ccg', 1, 1200, 0 FROM scenario WHERE base_id IS NULL;");
  return g_steal_pointer (&path);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* The window's first row as "name: source", or NULL. */
static const char *
first_row (LpPopulationWeightsWindow *list)
{
  static char *row;
  g_auto(GStrv) rows = lp_population_weights_window_dup_rows (list);

  g_free (row);
  row = rows[0] != NULL ? g_strdup (rows[0]) : NULL;
  return row;
}

static LpModellingView *
show_north (LpWindow *window)
{
  LpModellingView *view = LP_MODELLING_VIEW (lp_test_show_view (window, "modelling"));

  g_assert_true (lp_modelling_view_select_locality (view, "North"));
  return view;
}

/* The pathway's dialog: "Shared by" with where the figures come from; a
 * base core cannot read refused under it; 75+ saved as one step.  North's
 * frailty a month: 4,000 / 12 x 10,000 / 20,000 = 166.7 on registered,
 * 4,000 / 12 x 500 / 2,000 = 83.3 on 75+. */
static void
test_pathway_base (void)
{
  g_autofree char *path = new_plan ("Pathway base.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  LpModellingView *view = show_north (window);
  g_autofree char *date = lp_format_date ("2018-04-01");
  g_autofree char *list_sizes = g_strdup_printf ("List sizes of %s", date);
  g_autofree char *ages = g_strdup_printf ("Age profiles of %s", date);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LpEditDialog *dialog;

  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "166.7");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "modelling.edit-pathway-name", "s", "Frailty"));
  dialog = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_PATHWAY_NAME_DIALOG));
  g_assert_cmpstr (lp_edit_dialog_get_text (dialog, LP_FIELD_POPULATION_BASE), ==, "registered");
  lp_test_wait_label (GTK_WIDGET (dialog), list_sizes);

  /* The bases the plan can give, each with its source, beside the field:
   * choosing one writes it in. */
  {
    GtkWidget *field = lp_edit_dialog_get_field (dialog, LP_FIELD_POPULATION_BASE);
    GtkMenuButton *button = GTK_MENU_BUTTON (lp_test_find_type (field, GTK_TYPE_MENU_BUTTON));
    GtkWidget *popover;
    GtkWidget *choice;
    GtkWidget *item;

    gtk_menu_button_popup (button);
    popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
    lp_test_wait_true (gtk_widget_get_mapped (popover));
    choice = lp_test_find_widget (popover, lp_test_is_label, "85+");
    item = choice != NULL ? gtk_widget_get_ancestor (choice, GTK_TYPE_LIST_BOX_ROW) : NULL;
    g_assert_nonnull (item);
    g_assert_nonnull (lp_test_find_widget (item, lp_test_is_label, ages));
    g_assert_nonnull (lp_test_find_widget (popover, lp_test_is_label, "registered"));
    lp_test_save_png (popover, "pathway-base-choices.png");
    g_signal_emit_by_name (item, "activate");
    lp_test_wait_false (gtk_widget_get_mapped (popover));
    g_assert_cmpstr (lp_edit_dialog_get_text (dialog, LP_FIELD_POPULATION_BASE), ==, "85+");
  }
  before = file_checksum (path);
  lp_edit_dialog_set_text (dialog, LP_FIELD_POPULATION_BASE, "75++");
  g_assert_false (lp_edit_dialog_save (dialog));
  g_assert_cmpstr (lp_edit_dialog_get_error (dialog, LP_FIELD_POPULATION_BASE), ==,
                   "“75++” is not a population base: write registered, or an age band such as 75+ or 0-4");
  lp_test_save_png (GTK_WIDGET (dialog), "pathway-base-refused.png");
  after = file_checksum (path);
  g_assert_cmpstr (after, ==, before);

  lp_edit_dialog_set_text (dialog, LP_FIELD_POPULATION_BASE, "75+");
  lp_test_wait_label (GTK_WIDGET (dialog), ages);
  lp_test_save_png (GTK_WIDGET (dialog), "pathway-base-dialog.png");
  g_assert_true (lp_edit_dialog_save (dialog));
  lp_test_wait_closed (dialog);
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "83.3");
  g_assert_cmpstr (lp_plan_get_undo_label (lp_window_get_plan (window)), ==, "Edit pathway");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "166.7");
  lp_test_destroy_windows ();
}

/* A scenario "Older" built on the base shares frailty by 75+: North loses
 * 166.7 - 83.3 = 83.3 admissions a month and South gains as many
 * (4,000 / 12 x 1,500 / 2,000 = 250.0 against 166.7), which comparing
 * the two scenarios shows. */
static void
test_scenario_bases (void)
{
  g_autofree char *path = new_plan ("Scenario bases.lpplan");
  LpWindow *window;
  LpModellingView *view;
  LpScenarioBasesDialog *dialog;
  const char *frailty;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  test_sql_on_file (path, "INSERT INTO scenario (name, base_id) SELECT 'Older', id FROM scenario WHERE base_id IS NULL");
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  view = show_north (window);
  lp_test_wait_true (lp_modelling_view_select_scenario (view, "Older"));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "166.7");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "modelling.edit-bases", NULL));
  dialog = LP_SCENARIO_BASES_DIALOG (lp_test_wait_toplevel (LP_TYPE_SCENARIO_BASES_DIALOG));
  frailty = lp_scenario_bases_dialog_get_key (dialog, "Frailty");
  g_assert_nonnull (frailty);
  g_assert_cmpstr (lp_edit_dialog_get_text (LP_EDIT_DIALOG (dialog), frailty), ==, "");
  lp_test_wait_label (GTK_WIDGET (dialog), "Frailty (as the pathway: registered)");
  before = file_checksum (path);
  lp_edit_dialog_set_text (LP_EDIT_DIALOG (dialog), frailty, "over 75");
  g_assert_false (lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)));
  g_assert_cmpstr (lp_edit_dialog_get_error (LP_EDIT_DIALOG (dialog), frailty), ==,
                   "“over 75” is not a population base: write registered, or an age band such as 75+ or 0-4");
  after = file_checksum (path);
  g_assert_cmpstr (after, ==, before);
  lp_edit_dialog_set_text (LP_EDIT_DIALOG (dialog), frailty, "75+");
  lp_test_save_png (GTK_WIDGET (dialog), "scenario-bases-dialog.png");
  g_assert_true (lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)));
  lp_test_wait_closed (dialog);
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "83.3");
  g_assert_cmpstr (lp_plan_get_undo_label (lp_window_get_plan (window)), ==, "Change population bases");

  /* Older against the base: only the base differs. */
  g_assert_true (lp_modelling_view_compare_with (view, "Base"));
  lp_test_wait_cmpstr (lp_modelling_view_get_compare_cell (view, "Frailty", 0), ==, "-83.3");
  lp_test_wait_cmpstr (lp_modelling_view_get_compare_cell (view, "Elective", 0), ==, "0.0");
  lp_test_save_png (GTK_WIDGET (window), "scenario-bases-compare-north.png");
  g_assert_true (lp_modelling_view_select_locality (view, "South"));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "250.0");
  lp_test_wait_cmpstr (lp_modelling_view_get_compare_cell (view, "Frailty", 0), ==, "+83.3");

  /* The base scenario itself still shares as the pathway. */
  g_assert_true (lp_modelling_view_select_scenario (view, "Base"));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "166.7");
  g_assert_true (lp_modelling_view_select_scenario (view, "Older"));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "250.0");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "166.7");
  lp_test_destroy_windows ();
}

/* The weights from the view's menu: none yet; Need made with two bands (a
 * third added and removed), a bad band refused under it; then Frailty
 * shared by them: North N1 4,375 + N2 5,125 of 15,000 weighted (S1 5,500),
 * 4,000 / 12 x 9,500 / 15,000 = 211.1 a month. */
static void
test_weights (void)
{
  g_autofree char *path = new_plan ("Weights.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  LpModellingView *view = show_north (window);
  g_autofree char *date = lp_format_date ("2018-04-01");
  g_autofree char *expected = g_strdup_printf ("Need: Weights by age band on the age profiles of %s · "
                                               "Illustrative: not published weights", date);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LpPopulationWeightsWindow *list;
  LpPopulationWeightsDialog *dialog;
  LpEditDialog *edit;

  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "166.7");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "modelling.population-weights", NULL));
  list = LP_POPULATION_WEIGHTS_WINDOW (lp_test_wait_toplevel (LP_TYPE_POPULATION_WEIGHTS_WINDOW));
  lp_test_wait_label (GTK_WIDGET (list), "No Weights Yet");
  lp_test_save_png (GTK_WIDGET (list), "population-weights-empty.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "weights-list.add", NULL));
  dialog = LP_POPULATION_WEIGHTS_DIALOG (lp_test_wait_toplevel (LP_TYPE_POPULATION_WEIGHTS_DIALOG));
  edit = LP_EDIT_DIALOG (dialog);
  g_assert_cmpuint (lp_population_weights_dialog_get_n_bands (dialog), ==, 2);
  lp_edit_dialog_set_text (edit, LP_FIELD_WEIGHTS_NAME, "Need");
  lp_edit_dialog_set_text (edit, LP_FIELD_WEIGHTS_NOTE, "Illustrative: not published weights");
  lp_edit_dialog_set_text (edit, lp_population_weights_dialog_band_key (dialog, 0), "0-74");
  lp_edit_dialog_set_text (edit, lp_population_weights_dialog_weight_key (dialog, 0), "1");
  lp_edit_dialog_set_text (edit, lp_population_weights_dialog_band_key (dialog, 1), "75++");
  lp_edit_dialog_set_text (edit, lp_population_weights_dialog_weight_key (dialog, 1), "3");
  lp_population_weights_dialog_add_band (dialog);
  g_assert_cmpuint (lp_population_weights_dialog_get_n_bands (dialog), ==, 3);
  lp_edit_dialog_set_text (edit, lp_population_weights_dialog_band_key (dialog, 2), "0-4");
  lp_edit_dialog_set_text (edit, lp_population_weights_dialog_weight_key (dialog, 2), "2");
  lp_population_weights_dialog_remove_band (dialog, 2);
  g_assert_cmpuint (lp_population_weights_dialog_get_n_bands (dialog), ==, 2);

  before = file_checksum (path);
  g_assert_false (lp_edit_dialog_save (edit));
  g_assert_cmpstr (lp_edit_dialog_get_error (edit, lp_population_weights_dialog_band_key (dialog, 1)), ==,
                   "“75++” is not an age band: write one such as 75+ or 0-74, and choose the sex beside it");
  lp_test_save_png (GTK_WIDGET (dialog), "population-weights-refused.png");
  after = file_checksum (path);
  g_assert_cmpstr (after, ==, before);
  lp_edit_dialog_set_text (edit, lp_population_weights_dialog_band_key (dialog, 1), "75+");
  lp_test_save_png (GTK_WIDGET (dialog), "population-weights-dialog.png");
  g_assert_true (lp_edit_dialog_save (edit));
  lp_test_wait_closed (dialog);
  g_assert_cmpstr (lp_plan_get_undo_label (lp_window_get_plan (window)), ==, "Add weights");
  lp_test_wait_cmpstr (first_row (list), ==, expected);
  lp_test_save_png (GTK_WIDGET (list), "population-weights-list.png");
  gtk_window_close (GTK_WINDOW (list));
  lp_test_wait_closed (list);

  /* Frailty shared by them, from the pathway's dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "modelling.edit-pathway-name", "s", "Frailty"));
  edit = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_PATHWAY_NAME_DIALOG));
  lp_edit_dialog_set_text (edit, LP_FIELD_POPULATION_BASE, "weighted need");
  lp_test_wait_label (GTK_WIDGET (edit), strchr (expected, ' ') + 1);
  g_assert_true (lp_edit_dialog_save (edit));
  lp_test_wait_closed (edit);
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "211.1");
  lp_test_wait_label (GTK_WIDGET (view),
                      "Shared by each pathway’s population base: Frailty by weighted Need; Elective by registered.");
  lp_test_save_png (GTK_WIDGET (window), "modelling-weighted-need.png");

  /* Renamed from the list: the pathway follows; removing them while
   * Frailty shares by them is refused with the reason. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "modelling.population-weights", NULL));
  list = LP_POPULATION_WEIGHTS_WINDOW (lp_test_wait_toplevel (LP_TYPE_POPULATION_WEIGHTS_WINDOW));
  {
    GtkWidget *title = lp_test_wait_label (GTK_WIDGET (list), "Need");
    GtkWidget *row = gtk_widget_get_ancestor (title, ADW_TYPE_ACTION_ROW);
    GtkWidget *remove;

    g_signal_emit_by_name (row, "activated");
    dialog = LP_POPULATION_WEIGHTS_DIALOG (lp_test_wait_toplevel (LP_TYPE_POPULATION_WEIGHTS_DIALOG));
    edit = LP_EDIT_DIALOG (dialog);
    g_assert_cmpstr (lp_edit_dialog_get_text (edit, LP_FIELD_WEIGHTS_NOTE), ==, "Illustrative: not published weights");
    g_assert_cmpuint (lp_population_weights_dialog_get_n_bands (dialog), ==, 2);
    g_assert_cmpstr (lp_edit_dialog_get_text (edit, lp_population_weights_dialog_band_key (dialog, 0)), ==, "0-74");
    g_assert_cmpstr (lp_edit_dialog_get_text (edit, lp_population_weights_dialog_weight_key (dialog, 1)), ==, "3");
    lp_edit_dialog_set_text (edit, LP_FIELD_WEIGHTS_NAME, "Need 2019");
    g_assert_true (lp_edit_dialog_save (edit));
    lp_test_wait_closed (dialog);
    g_assert_cmpstr (lp_plan_get_undo_label (lp_window_get_plan (window)), ==, "Edit weights");
    lp_test_wait_label (GTK_WIDGET (view), "Shared by each pathway’s population base: Frailty by weighted Need 2019; "
                                           "Elective by registered.");
    title = lp_test_wait_label (GTK_WIDGET (list), "Need 2019");
    remove = lp_test_find_type (gtk_widget_get_ancestor (title, ADW_TYPE_ACTION_ROW), GTK_TYPE_BUTTON);
    g_signal_emit_by_name (remove, "clicked");
    lp_test_wait_label (GTK_WIDGET (lp_test_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG)),
                        "Frailty is shared by the weights “Need 2019”: choose another base for it first");
  }
  lp_test_wait_cmpstr (lp_modelling_view_get_cell (view, "Frailty", 0), ==, "211.1");
  lp_test_destroy_windows ();
}

/* The Overview's older patients per locality, from the latest age
 * profiles: North 65+ 500, 75+ 500, 85+ 225 (N1 25 at 95+, N2 150 at 85-89
 * and 50 at 95+), South 1,500, 1,500, 0; a North practice without a
 * profile is named as not counted.  Without age profiles the group is
 * hidden. */
static void
test_overview_ages (void)
{
  g_autofree char *path = new_plan ("Overview ages.lpplan");
  g_autofree char *date = lp_format_date ("2018-04-01");
  g_autofree char *description = g_strdup_printf ("Patients aged 65 and over, 75 and over and 85 and over, "
                                                  "from the age profiles of %s", date);
  LpWindow *window;
  GtkWidget *overview;

  test_sql_on_file (path,
      "INSERT INTO practice (id, ods_code, name, locality_id) VALUES (13, 'N00003', 'North Three', 1);"
      "INSERT INTO list_size (practice_id, extract_date, patients) VALUES (13, '2018-04-01', 800);");
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  overview = lp_test_show_view (window, "overview");
  lp_test_wait_label (overview, "Older Patients");
  lp_test_wait_label (overview, description);
  lp_test_wait_label (overview, "65+ 500 · 75+ 500 · 85+ 225; 1 practice has no age profile and is not counted");
  lp_test_wait_label (overview, "65+ 1,500 · 75+ 1,500 · 85+ 0");
  lp_test_scroll_to (overview, 0.55);
  lp_test_save_png (GTK_WIDGET (window), "overview-older-patients.png");
  lp_test_destroy_windows ();

  /* A plan of many localities: one row for all of them.  21 of 100, 50
   * and 10, one practice without a profile: 2,100, 1,050 and 210. */
  {
    LpOverview many = { { 0, }, };
    g_autoptr(GPtrArray) rows = NULL;
    g_autofree char *words = NULL;
    const LpOverviewAgesRow *row;

    many.ages_extract = "2018-04-01";
    many.locality_ages = g_ptr_array_new_with_free_func (g_free);
    for (guint i = 0; i < 21; i++)
      {
        LpLocalityAges *one = g_new0 (LpLocalityAges, 1);

        one->aged[0] = 100, one->aged[1] = 50, one->aged[2] = 10;
        one->practices = 1;
        one->without_profile = i == 0;
        g_ptr_array_add (many.locality_ages, one);
      }
    rows = lp_overview_text_ages (&many, 20, &words);
    g_assert_cmpstr (words, ==, description);
    g_assert_cmpuint (rows->len, ==, 1);
    row = g_ptr_array_index (rows, 0);
    g_assert_cmpstr (row->title, ==, "All localities");
    g_assert_cmpstr (row->figures, ==,
                     "65+ 2,100 · 75+ 1,050 · 85+ 210; 1 practice has no age profile and is not counted");
    g_ptr_array_unref (many.locality_ages);
  }

  /* Without age profiles: no such group. */
  {
    g_autofree char *none = new_plan ("Overview no ages.lpplan");

    test_sql_on_file (none, "DELETE FROM age_profile");
    window = lp_test_open_window (none, LP_PLAN_OPEN_DEFAULT, 1024, 600);
    overview = lp_test_show_view (window, "overview");
    lp_test_wait_label (overview, "North");
    lp_test_wait_no_label (overview, "Older Patients");
    lp_test_destroy_windows ();
  }
}

/* The Practice Page of N00001: its older patients (50 at 75, 50 at 80, 25
 * at 95+: 65+ 125, 75+ 125, 85+ 25) and its PCN adjusted population; with
 * 2.5 GP FTE, 5,100 / 2.5 = 2,040 patients per GP FTE on it. */
static void
test_practice_page (void)
{
  g_autofree char *path = new_plan ("Practice ages.lpplan");
  g_autofree char *date = lp_format_date ("2018-04-01");
  g_autofree char *as_at = lp_format_date ("2023-01-01");
  g_autofree char *expected = NULL;
  LpWindow *window;
  LpPracticePageView *page;

  test_sql_on_file (path,
      "INSERT INTO population_weights (name, kind, source) VALUES ('PCN adjusted', 'imported', 'pcn.csv');"
      "INSERT INTO weighted_population VALUES ('PCN adjusted', 11, '2023-01-01', 5100);");
  expected = g_strdup_printf ("Patients aged 65 and over 125, 75 and over 125, 85 and over 25 (age profile of %s). "
                              "PCN adjusted population 5,100 (Imported from pcn.csv, as at %s).", date, as_at);
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  page = LP_PRACTICE_PAGE_VIEW (lp_test_show_view (window, "practice-page"));
  g_assert_true (lp_practice_page_view_select_practice (page, "N00001"));
  lp_test_wait_label (GTK_WIDGET (page), expected);
  lp_test_save_png (GTK_WIDGET (window), "practice-page-population.png");
  lp_test_destroy_windows ();

  /* Per GP FTE, from core, worded without a display. */
  {
    LpPracticeText text = { 0, };
    g_autoptr(GPtrArray) weighted = g_ptr_array_new ();
    LpPracticeWeighted one = { "PCN adjusted", "Imported from pcn.csv", 5100, 2040 };

    g_ptr_array_add (weighted, &one);
    lp_practice_text_set_population (&text, NULL, NULL, weighted, TRUE);
    g_assert_cmpstr (text.population, ==,
                     "PCN adjusted population 5,100 (Imported from pcn.csv): 2,040 patients per GP FTE.");
    lp_practice_text_set_population (&text, NULL, NULL, NULL, FALSE);
    g_assert_null (text.population);
    lp_practice_text_clear (&text);
  }
}

int
main (int   argc,
      char *argv[])
{
  lp_test_init (&argc, &argv);

  g_test_add_func ("/modelling-bases/pathway-base", test_pathway_base);
  g_test_add_func ("/modelling-bases/scenario-bases", test_scenario_bases);
  g_test_add_func ("/modelling-bases/weights", test_weights);
  g_test_add_func ("/modelling-bases/overview-ages", test_overview_ages);
  g_test_add_func ("/modelling-bases/practice-page", test_practice_page);
  return lp_test_run ();
}
