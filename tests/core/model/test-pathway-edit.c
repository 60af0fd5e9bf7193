/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pathways and their changes made one at a time from a new plan, as the
 * modelling view's editors make them: added, edited and removed, each one
 * undoable step; bad input refused with its reason and the field it is
 * about, the file unchanged; and the model's figures from them, worked
 * out by hand. */
#include <string.h>

#include "core-test-util.h"

typedef struct {
  char    *dir;
  char    *path;
  LpPlan  *plan;
  gint64   north;
  gint64   south;
} Fixture;

static gint64
add_practice (Fixture    *f,
              const char *code,
              gint64      locality,
              gint64      patients)
{
  g_autoptr(GError) error = NULL;
  LpPracticeFields fields = { code, code, NULL, locality, NULL, NULL, NULL };
  gint64 id = lp_plan_add_practice (f->plan, &fields, &error);

  g_assert_no_error (error);
  g_assert_true (lp_plan_set_list_size (f->plan, id, "2019-04-01", patients, "test", &error));
  g_assert_no_error (error);
  return id;
}

/* North has 6,000 + 3,000 patients, South 6,000: 15,000 in all. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = test_tmp_dir ();
  f->plan = test_new_plan (f->dir);
  f->path = g_strdup (lp_plan_get_path (f->plan));
  f->north = lp_plan_add_locality (f->plan, &(LpLocalityFields) { "North", NULL, NULL }, &error);
  g_assert_no_error (error);
  f->south = lp_plan_add_locality (f->plan, &(LpLocalityFields) { "South", NULL, NULL }, &error);
  g_assert_no_error (error);
  add_practice (f, "A11111", f->north, 6000);
  add_practice (f, "B22222", f->north, 3000);
  add_practice (f, "C33333", f->south, 6000);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->plan);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Rows in the plan, through the plan's own connection: another one
 * would be taken for another program's change, which undo refuses. */
static gint64
count (Fixture *f, const char *table)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (table, "pathway"))
    {
      g_auto(GStrv) names = lp_plan_list_pathways (f->plan, &error);

      g_assert_no_error (error);
      return g_strv_length (names);
    }
  else
    {
      g_autoptr(GPtrArray) changes = lp_plan_list_pathway_changes (f->plan, 0, &error);

      g_assert_no_error (error);
      return changes->len;
    }
}

/* A row of the model's table for @locality (0: all), per @per. */
static const LpModelRow *
model_row (LpModelTable *table,
           const char   *name)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      const LpModelRow *row = g_ptr_array_index (table->rows, i);

      if (g_str_equal (row->name, name))
        return row;
    }
  g_assert_not_reached ();
}

static LpModelTable *
model (Fixture *f, gint64 locality, LpPer per)
{
  LpModelQuery query = { locality, 0, per };
  g_autoptr(GError) error = NULL;
  LpModelTable *table = lp_plan_model (f->plan, &query, &error);

  g_assert_no_error (error);
  return table;
}

static gint64
save (Fixture                    *f,
      gint64                      id,
      const LpPathwayChangeForm  *form,
      const char                 *bad_field,
      const char                 *message)
{
  g_autoptr(GError) error = NULL;
  const char *refused = NULL;
  gint64 saved;

  lp_plan_set_step_label (f->plan, id == 0 ? "Add pathway change" : "Edit pathway change");
  saved = lp_plan_save_pathway_change_form (f->plan, 0, id, form, &refused, &error);
  lp_plan_set_step_label (f->plan, NULL);
  if (message == NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpint (saved, !=, 0);
    }
  else
    {
      g_assert_error (error, LP_PLAN_ERROR, error->code);
      g_assert_cmpstr (error->message, ==, message);
      g_assert_cmpstr (refused, ==, bad_field);
      g_assert_cmpint (saved, ==, 0);
    }
  return saved;
}

/* Frailty, a new in-patient pathway, with 900 fewer admissions and 450
 * fewer bed days over 3 years for the CCG: 300 and 150 a year, shared by
 * list size, North 9,000 / 15,000 = 0.6, South 0.4. */
static void
test_add_change_new_pathway (Fixture *f, gconstpointer data)
{
  LpPathwayChangeForm form = { NULL, "Frailty", LP_PATHWAY_INPATIENT, LP_LEVEL_CCG, 0, "3",
                               LP_PATHWAY_OVER_HORIZON, "900", "450" };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpModelTable) all = NULL, north = NULL, south = NULL, weekly = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_auto(GStrv) names = NULL;
  const LpPathwayChange *change;
  gint64 id;

  g_assert_cmpint (count (f, "pathway"), ==, 0);
  id = save (f, 0, &form, NULL, NULL);
  g_assert_cmpint (count (f, "pathway"), ==, 1);
  g_assert_cmpint (count (f, "pathway_change"), ==, 1);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Add pathway change");

  changes = lp_plan_list_pathway_changes (f->plan, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpint (change->id, ==, id);
  g_assert_cmpstr (change->pathway, ==, "Frailty");
  g_assert_cmpint (change->category, ==, LP_PATHWAY_INPATIENT);
  g_assert_cmpint (change->level, ==, LP_LEVEL_CCG);
  g_assert_cmpint (change->locality_id, ==, 0);
  g_assert_null (change->locality);
  g_assert_cmpint (change->horizon_years, ==, 3);
  g_assert_cmpint (change->period, ==, LP_PATHWAY_OVER_HORIZON);
  g_assert_cmpfloat (change->activity, ==, 900);
  g_assert_cmpfloat (change->bed_days, ==, 450);
  names = lp_plan_list_pathways (f->plan, &error);
  g_assert_cmpstrv (names, ((const char *[]) { "Frailty", NULL }));

  all = model (f, 0, LP_PER_MONTH);
  g_assert_cmpuint (all->n_horizons, ==, 1);
  g_assert_cmpint (all->horizons[0], ==, 3);
  g_assert_cmpfloat_with_epsilon (model_row (all, "Frailty")->activity[0], 300.0 / 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (model_row (all, "Frailty")->bed_days[0], 150.0 / 12, 1e-9);
  north = model (f, f->north, LP_PER_MONTH);
  g_assert_cmpfloat_with_epsilon (model_row (north, "Frailty")->activity[0], 15.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (model_row (north, "Frailty")->bed_days[0], 7.5, 1e-9);
  south = model (f, f->south, LP_PER_MONTH);
  g_assert_cmpfloat_with_epsilon (model_row (south, "Frailty")->activity[0], 10.0, 1e-9);
  weekly = model (f, f->north, LP_PER_WEEK);
  g_assert_cmpfloat_with_epsilon (model_row (weekly, "Frailty")->activity[0], 180.0 / 52, 1e-9);

  /* One step: undo takes the pathway and its change away together. */
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "pathway"), ==, 0);
  g_assert_cmpint (count (f, "pathway_change"), ==, 0);
}

/* A locality's own figures per month, on an existing pathway; editing
 * keeps the change's id; removing is one step undone whole. */
static void
test_edit_remove_change (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  LpPathwayChangeForm form = { NULL, "Falls", LP_PATHWAY_INPATIENT, LP_LEVEL_LOCALITY, f->south, "5",
                               LP_PATHWAY_PER_MONTH, "5.5", "8.1" };
  g_autoptr(LpPathwayChange) edited = NULL;
  g_autoptr(LpModelTable) south = NULL;
  gint64 id, again;

  id = save (f, 0, &form, NULL, NULL);
  form = (LpPathwayChangeForm) { "Falls", NULL, 0, LP_LEVEL_LOCALITY, f->north, "3",
                                 LP_PATHWAY_PER_WEEK, "1,200", "" };
  again = save (f, id, &form, NULL, NULL);
  g_assert_cmpint (again, ==, id);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Edit pathway change");
  edited = lp_plan_get_pathway_change (f->plan, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (edited->level, ==, LP_LEVEL_LOCALITY);
  g_assert_cmpint (edited->locality_id, ==, f->north);
  g_assert_cmpstr (edited->locality, ==, "North");
  g_assert_cmpint (edited->horizon_years, ==, 3);
  g_assert_cmpint (edited->period, ==, LP_PATHWAY_PER_WEEK);
  g_assert_cmpfloat (edited->activity, ==, 1200);
  g_assert_cmpfloat (edited->bed_days, ==, 0);

  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_clear_pointer (&edited, lp_pathway_change_free);
  edited = lp_plan_get_pathway_change (f->plan, id, &error);
  g_assert_cmpint (edited->locality_id, ==, f->south);
  g_assert_cmpint (edited->horizon_years, ==, 5);
  g_assert_cmpfloat (edited->activity, ==, 5.5);
  south = model (f, f->south, LP_PER_MONTH);
  g_assert_cmpfloat_with_epsilon (model_row (south, "Falls")->activity[0], 5.5, 1e-9);
  g_assert_true (model_row (south, "Falls")->entered);

  lp_plan_set_step_label (f->plan, "Remove pathway change");
  g_assert_true (lp_plan_delete_pathway_change (f->plan, id, &error));
  lp_plan_set_step_label (f->plan, NULL);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "pathway_change"), ==, 0);
  g_assert_cmpint (count (f, "pathway"), ==, 1);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Remove pathway change");
  g_assert_false (lp_plan_delete_pathway_change (f->plan, id, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "pathway_change"), ==, 1);
}

/* Each bad input: its reason, its field, and the file as it was. */
static void
test_change_refused (Fixture *f, gconstpointer data)
{
  const LpPathwayChangeForm good = { NULL, "Frailty", LP_PATHWAY_INPATIENT, LP_LEVEL_CCG, 0, "3",
                                     LP_PATHWAY_OVER_HORIZON, "900", "" };
  static const struct {
    const char *pathway, *name, *horizon, *activity, *bed_days;
    LpPathwayLevel level;
    gint64 locality;
    const char *field, *message;
  } cases[] = {
    { NULL, "  ", "3", "900", "", LP_LEVEL_CCG, 0, LP_FIELD_PATHWAY_NAME,
      "Enter the pathway’s name, such as Frailty" },
    { NULL, "frailty", "3", "900", "", LP_LEVEL_CCG, 0, LP_FIELD_PATHWAY_NAME,
      "There is already a pathway called “frailty”" },
    { "Elective", NULL, "3", "900", "", LP_LEVEL_CCG, 0, LP_FIELD_PATHWAY,
      "There is no pathway “Elective”" },
    { "Frailty", NULL, "0", "900", "", LP_LEVEL_CCG, 0, LP_FIELD_HORIZON,
      "The horizon must be 1 to 50 years, not 0" },
    { "Frailty", NULL, "", "900", "", LP_LEVEL_CCG, 0, LP_FIELD_HORIZON,
      "Enter the horizon in years, such as 3" },
    { "Frailty", NULL, "three", "900", "", LP_LEVEL_CCG, 0, LP_FIELD_HORIZON,
      "The horizon must be a whole number of 0 or more, not “three”" },
    { "Frailty", NULL, "3", "lots", "", LP_LEVEL_CCG, 0, LP_FIELD_ACTIVITY,
      "Activity reduction must be a number such as 1.5, not “lots”" },
    { "Frailty", NULL, "3", "-900", "", LP_LEVEL_CCG, 0, LP_FIELD_ACTIVITY,
      "Activity reduction is how many fewer: type 900, not “-900”" },
    { "Frailty", NULL, "3", "900", "12a", LP_LEVEL_CCG, 0, LP_FIELD_BED_DAYS,
      "Reduced bed days must be a number such as 1.5, not “12a”" },
    { "Frailty", NULL, "3", "", " ", LP_LEVEL_CCG, 0, LP_FIELD_ACTIVITY,
      "Enter the reduction in activity, in bed days or both" },
    { "Frailty", NULL, "3", "900", "", LP_LEVEL_LOCALITY, 0, LP_FIELD_LEVEL,
      "Choose the locality the figures are for" },
    { "Frailty", NULL, "3", "900", "", LP_LEVEL_LOCALITY, 12345, LP_FIELD_LEVEL,
      "That locality is no longer in the plan: choose another" },
    /* The CCG's 3-year figure is there already. */
    { "Frailty", NULL, "3", "100", "", LP_LEVEL_CCG, 0, LP_FIELD_HORIZON,
      "Frailty already has a change over 3 years at this level: edit that one" },
  };
  g_autofree char *before = NULL;

  save (f, 0, &good, NULL, NULL);
  before = test_file_checksum (f->path);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LpPathwayChangeForm form = { cases[i].pathway, cases[i].name, LP_PATHWAY_INPATIENT, cases[i].level,
                                   cases[i].locality, cases[i].horizon, LP_PATHWAY_OVER_HORIZON,
                                   cases[i].activity, cases[i].bed_days };
      g_autofree char *after = NULL;

      g_test_message ("case %u: %s", i, cases[i].message);
      save (f, 0, &form, cases[i].field, cases[i].message);
      after = test_file_checksum (f->path);
      g_assert_cmpstr (after, ==, before);
    }
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Add pathway change");
}

/* Four horizons fill the table: a fifth is refused, an edit within them is not. */
static void
test_change_horizon_room (Fixture *f, gconstpointer data)
{
  const char *horizons[] = { "1", "2", "3", "5" };
  LpPathwayChangeForm form = { NULL, "Frailty", LP_PATHWAY_INPATIENT, LP_LEVEL_CCG, 0, NULL,
                               LP_PATHWAY_OVER_HORIZON, "10", "" };
  gint64 first = 0;

  for (guint i = 0; i < G_N_ELEMENTS (horizons); i++)
    {
      form.horizon = horizons[i];
      first = first != 0 ? first : save (f, 0, &form, NULL, NULL);
      if (i > 0)
        save (f, 0, &form, NULL, NULL);
      form.pathway = "Frailty";
      form.new_name = NULL;
    }
  form.horizon = "10";
  save (f, 0, &form, LP_FIELD_HORIZON, "The plan already models 4 horizons (1,2,3,5 years): use one of them");
  /* The 1-year change moved to 10 years still leaves four. */
  save (f, first, &form, NULL, NULL);
}

/* Pathways themselves: added, renamed, moved to the other group and
 * removed with their changes, each one step; bad names refused. */
static void
test_pathways_edited (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  LpPathwayChangeForm form = { "Frailty", NULL, 0, LP_LEVEL_CCG, 0, "3", LP_PATHWAY_OVER_HORIZON, "900", "" };
  g_auto(GStrv) names = NULL;
  LpPathwayCategory category;
  g_autofree char *before = NULL;

  g_assert_cmpint (lp_plan_add_pathway (f->plan, LP_PATHWAY_INPATIENT, "Frailty", &error), !=, 0);
  g_assert_no_error (error);
  g_assert_cmpint (lp_plan_add_pathway (f->plan, LP_PATHWAY_AE_OUTPATIENT, " Outpatients ", &error), !=, 0);
  g_assert_no_error (error);
  g_assert_cmpint (lp_plan_add_pathway (f->plan, LP_PATHWAY_INPATIENT, "Elective", &error), !=, 0);
  names = lp_plan_list_pathways (f->plan, &error);
  g_assert_cmpstrv (names, ((const char *[]) { "Frailty", "Elective", "Outpatients", NULL }));
  g_clear_pointer (&names, g_strfreev);
  save (f, 0, &form, NULL, NULL);

  before = test_file_checksum (f->path);
  g_assert_cmpint (lp_plan_add_pathway (f->plan, LP_PATHWAY_INPATIENT, "", &error), ==, 0);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Enter the pathway’s name, such as Frailty");
  g_clear_error (&error);
  g_assert_false (lp_plan_update_pathway (f->plan, "Elective", LP_PATHWAY_INPATIENT, "FRAILTY", &error));
  g_assert_cmpstr (error->message, ==, "There is already a pathway called “FRAILTY”");
  g_clear_error (&error);
  g_assert_false (lp_plan_delete_pathway (f->plan, "Nothing", &error));
  g_assert_cmpstr (error->message, ==, "There is no pathway “Nothing”");
  g_clear_error (&error);
  {
    g_autofree char *after = test_file_checksum (f->path);
    g_assert_cmpstr (after, ==, before);
  }

  g_assert_true (lp_plan_update_pathway (f->plan, "Frailty", LP_PATHWAY_AE_OUTPATIENT, "Frailty (A&E)", &error));
  g_assert_no_error (error);
  g_assert_true (lp_plan_get_pathway_category (f->plan, "Frailty (A&E)", &category, &error));
  g_assert_cmpint (category, ==, LP_PATHWAY_AE_OUTPATIENT);
  names = lp_plan_list_pathways (f->plan, &error);
  g_assert_cmpstrv (names, ((const char *[]) { "Elective", "Outpatients", "Frailty (A&E)", NULL }));
  g_clear_pointer (&names, g_strfreev);
  /* Its change follows it. */
  g_assert_cmpint (count (f, "pathway_change"), ==, 1);

  g_assert_true (lp_plan_delete_pathway (f->plan, "Frailty (A&E)", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "pathway"), ==, 2);
  g_assert_cmpint (count (f, "pathway_change"), ==, 0);
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_cmpint (count (f, "pathway"), ==, 3);
  g_assert_cmpint (count (f, "pathway_change"), ==, 1);
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_true (lp_plan_get_pathway_category (f->plan, "Frailty", &category, &error));
  g_assert_cmpint (category, ==, LP_PATHWAY_INPATIENT);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pathway-edit/add-change-new-pathway", test_add_change_new_pathway);
  ADD ("/pathway-edit/edit-remove-change", test_edit_remove_change);
  ADD ("/pathway-edit/refused", test_change_refused);
  ADD ("/pathway-edit/horizon-room", test_change_horizon_room);
  ADD ("/pathway-edit/pathways", test_pathways_edited);
  return g_test_run ();
}
