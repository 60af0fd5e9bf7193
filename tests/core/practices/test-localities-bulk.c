/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Localities in bulk: making them from the practice map's PCNs and
 * Sub-ICBs (preview and apply), moving several practices at once, and
 * merging one locality into another; each one undo step. */
#include "config.h"

#include <string.h>

#include "core-test-util.h"

/* Ten practices; the map gives A81001-A81006 a PCN (three PCNs, one of
 * them named as an existing locality in another case), A81007 a Sub-ICB
 * but no PCN, A81008 neither; A81009 and A81010 are not in it.  A81005
 * is already in Stevenage. */
static const char map_csv[] =
  "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,"
  "SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME\n"
  "GP_PRAC_PAT_LIST,01JAN2024,A81001,ONE,SG1 1AA,U00001,NORTH PCN,06K,NHS EAST AND NORTH HERTFORDSHIRE\n"
  "GP_PRAC_PAT_LIST,01JAN2024,A81002,TWO,SG1 1AA,U00001,NORTH PCN,06K,NHS EAST AND NORTH HERTFORDSHIRE\n"
  "GP_PRAC_PAT_LIST,01JAN2024,A81003,THREE,SG1 1AA,U00001,NORTH PCN,06K,NHS EAST AND NORTH HERTFORDSHIRE\n"
  "GP_PRAC_PAT_LIST,01JAN2024,A81004,FOUR,SG1 1AA,U00002,SOUTH PCN,06K,NHS EAST AND NORTH HERTFORDSHIRE\n"
  "GP_PRAC_PAT_LIST,01JAN2024,A81005,FIVE,SG1 1AA,U00002,SOUTH PCN,06K,NHS EAST AND NORTH HERTFORDSHIRE\n"
  "GP_PRAC_PAT_LIST,01JAN2024,A81006,SIX,SG1 1AA,U00003,WEST PCN,06K,NHS EAST AND NORTH HERTFORDSHIRE\n"
  "GP_PRAC_PAT_LIST,01JAN2024,A81007,SEVEN,SG1 1AA,,,06K,NHS EAST AND NORTH HERTFORDSHIRE\n"
  "GP_PRAC_PAT_LIST,01JAN2024,A81008,EIGHT,SG1 1AA,,,,\n";

typedef struct {
  char    *dir;
  LpPlan  *plan;
  gint64   stevenage;
  gint64   west;
} Fixture;

static gint64
add_locality (LpPlan     *plan,
              const char *name)
{
  LpLocalityFields fields = { .name = name };
  g_autoptr(GError) error = NULL;
  gint64 id = lp_plan_add_locality (plan, &fields, &error);

  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *map = NULL;
  g_autoptr(LpImportReport) report = NULL;
  LpImportOptions options = { 0 };

  f->dir = test_tmp_dir ();
  f->plan = test_new_plan (f->dir);
  f->stevenage = add_locality (f->plan, "Stevenage");
  f->west = add_locality (f->plan, "West PCN");
  for (guint i = 1; i <= 10; i++)
    {
      g_autofree char *code = g_strdup_printf ("A810%02u", i);
      LpPracticeFields fields = { .ods_code = code, .name = code, .locality_id = i == 5 ? f->stevenage : 0 };

      lp_plan_add_practice (f->plan, &fields, &error);
      g_assert_no_error (error);
    }
  map = test_tmp_path (f->dir, "gp-reg-pat-prac-map.csv");
  test_write_file (map, map_csv, -1);
  report = lp_plan_import (f->plan, map, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_imported, ==, 8);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->plan);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

/* The name of the practice's locality, "" for none. */
static char *
locality_of (LpPlan     *plan,
             const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPractice) practice = lp_plan_get_practice (plan, lp_plan_find_practice (plan, code), &error);

  g_assert_no_error (error);
  return g_strdup (lp_practice_get_locality_name (practice));
}

static guint
n_localities (LpPlan *plan)
{
  g_autoptr(GListModel) localities = lp_plan_list_localities (plan, NULL);

  return g_list_model_get_n_items (localities);
}

#define assert_locality(plan, code, name) \
  G_STMT_START { g_autofree char *_l = locality_of (plan, code); g_assert_cmpstr (_l, ==, name); } G_STMT_END

static void
test_practice_groupings (Fixture *f, gconstpointer data)
{
  g_autoptr(LpPractice) one = lp_plan_get_practice (f->plan, lp_plan_find_practice (f->plan, "A81001"), NULL);
  g_autoptr(LpPractice) seven = lp_plan_get_practice (f->plan, lp_plan_find_practice (f->plan, "A81007"), NULL);
  g_autoptr(LpPractice) ten = lp_plan_get_practice (f->plan, lp_plan_find_practice (f->plan, "A81010"), NULL);

  g_assert_cmpstr (lp_practice_get_pcn (one), ==, "NORTH PCN");
  g_assert_cmpstr (lp_practice_get_sub_icb (one), ==, "NHS EAST AND NORTH HERTFORDSHIRE");
  g_assert_cmpstr (lp_practice_get_pcn (seven), ==, "");
  g_assert_cmpstr (lp_practice_get_sub_icb (seven), ==, "NHS EAST AND NORTH HERTFORDSHIRE");
  g_assert_cmpstr (lp_practice_get_pcn (ten), ==, "");
  g_assert_cmpstr (lp_practice_get_sub_icb (ten), ==, "");
}

/* What the Practices view's PCN and Sub-ICB filters offer. */
static void
test_grouping_names (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) unmapped = test_new_plan (dir);
  LpPracticeFields fields = { .ods_code = "B82001", .name = "B82001" };
  const char *const pcns[] = { "NORTH PCN", "SOUTH PCN", "WEST PCN", NULL };
  const char *const sub_icbs[] = { "NHS EAST AND NORTH HERTFORDSHIRE", NULL };
  g_autoptr(GError) error = NULL;
  gboolean some_without = FALSE;
  GStrv names;

  names = lp_plan_list_grouping_names (f->plan, "pcn", &some_without, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal ((const char *const *) names, pcns));
  g_assert_true (some_without);
  g_strfreev (names);

  some_without = FALSE;
  names = lp_plan_list_grouping_names (f->plan, "sub_icb", &some_without, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal ((const char *const *) names, sub_icbs));
  g_assert_true (some_without);
  g_strfreev (names);

  /* No practice: nothing, and none without. */
  some_without = TRUE;
  names = lp_plan_list_grouping_names (unmapped, "pcn", &some_without, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 0);
  g_assert_false (some_without);
  g_strfreev (names);

  /* Practices without the map: no name, every one without. */
  lp_plan_add_practice (unmapped, &fields, &error);
  g_assert_no_error (error);
  names = lp_plan_list_grouping_names (unmapped, "sub_icb", &some_without, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 0);
  g_assert_true (some_without);
  g_strfreev (names);
  g_clear_object (&unmapped);
  test_rm_rf (dir);
}

static void
test_preview_pcns (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  LpLocalitiesPreview preview;
  g_autofree char *text = NULL;
  g_autofree char *reassign = NULL;

  g_assert_true (lp_plan_preview_localities_from (f->plan, "pcn", FALSE, &preview, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (preview.n_new_localities, ==, 2);       /* NORTH, SOUTH */
  g_assert_cmpuint (preview.n_existing_localities, ==, 1);  /* WEST is "West PCN" */
  g_assert_cmpuint (preview.n_assigned, ==, 5);             /* A81001-4, A81006 */
  g_assert_cmpuint (preview.n_moved, ==, 0);
  g_assert_cmpuint (preview.n_ungrouped_unassigned, ==, 4); /* A81007-10 */
  g_assert_cmpuint (preview.n_ungrouped_kept, ==, 0);
  g_assert_cmpuint (preview.n_kept, ==, 1);                 /* A81005 in Stevenage */
  g_assert_cmpuint (preview.n_grouped, ==, 6);

  text = lp_plan_describe_localities_from (f->plan, "pcn", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "3 localities (2 new, 1 already in the plan); 5 practices assigned; "
                             "4 practices have no PCN and stay unassigned; "
                             "1 practice already in a locality keeps it.");
  reassign = lp_plan_describe_localities_from (f->plan, "pcn", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reassign, ==, "3 localities (2 new, 1 already in the plan); 5 practices assigned; "
                                 "1 practice moved from another locality; "
                                 "4 practices have no PCN and stay unassigned.");
  /* A preview writes nothing. */
  g_assert_cmpuint (n_localities (f->plan), ==, 2);
}

static void
test_make_from_pcns (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *again = NULL;
  guint made = 0;

  g_assert_true (lp_plan_make_localities_from (f->plan, "pcn", FALSE, &made, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (made, ==, 2);
  g_assert_cmpuint (n_localities (f->plan), ==, 4);
  assert_locality (f->plan, "A81001", "NORTH PCN");
  assert_locality (f->plan, "A81003", "NORTH PCN");
  assert_locality (f->plan, "A81004", "SOUTH PCN");
  assert_locality (f->plan, "A81005", "Stevenage");
  assert_locality (f->plan, "A81006", "West PCN");
  assert_locality (f->plan, "A81007", "");
  assert_locality (f->plan, "A81010", "");
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Make localities from PCNs");

  /* Nothing left to do: refused, saying why. */
  again = lp_plan_describe_localities_from (f->plan, "pcn", FALSE, &error);
  g_assert_cmpstr (again, ==, "Every practice with a PCN is already in a locality; choose to reassign them "
                              "to move them; 4 practices have no PCN and stay unassigned.");
  g_assert_false (lp_plan_make_localities_from (f->plan, "pcn", FALSE, &made, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  /* One undo step gives back the plan before it. */
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_localities (f->plan), ==, 2);
  assert_locality (f->plan, "A81001", "");
  assert_locality (f->plan, "A81006", "");
  assert_locality (f->plan, "A81005", "Stevenage");
}

static void
test_make_reassign (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  guint made = 0;

  g_assert_true (lp_plan_make_localities_from (f->plan, "pcn", TRUE, &made, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (made, ==, 2);
  assert_locality (f->plan, "A81005", "SOUTH PCN");
  g_assert_true (lp_plan_undo (f->plan, &error));
  assert_locality (f->plan, "A81005", "Stevenage");
}

static void
test_make_from_sub_icbs (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *after_pcns = NULL;
  guint made = 0;

  text = lp_plan_describe_localities_from (f->plan, "sub_icb", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "1 locality; 6 practices assigned; 3 practices have no Sub-ICB and stay unassigned; "
                             "1 practice already in a locality keeps it.");
  /* After the PCNs, only A81007 is left to place. */
  g_assert_true (lp_plan_make_localities_from (f->plan, "pcn", FALSE, &made, &error));
  after_pcns = lp_plan_describe_localities_from (f->plan, "sub_icb", FALSE, &error);
  g_assert_cmpstr (after_pcns, ==, "1 locality; 1 practice assigned; 3 practices have no Sub-ICB and stay unassigned; "
                                   "6 practices already in a locality keep it.");
  g_assert_true (lp_plan_make_localities_from (f->plan, "sub_icb", FALSE, &made, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (made, ==, 1);
  assert_locality (f->plan, "A81007", "NHS EAST AND NORTH HERTFORDSHIRE");
  assert_locality (f->plan, "A81001", "NORTH PCN");
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Make localities from Sub-ICBs");
}

static void
test_make_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autoptr(LpPlan) empty = test_new_plan (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint made = 7;

  g_assert_false (lp_plan_make_localities_from (f->plan, "icb", FALSE, &made, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Localities can be made from “pcn” or “sub_icb” groupings, not “icb”");
  g_clear_error (&error);
  g_assert_cmpuint (made, ==, 7);

  text = lp_plan_describe_localities_from (empty, "pcn", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "No practice has a PCN yet: import the practice map (gp-reg-pat-prac-map.csv) first.");
  g_assert_false (lp_plan_make_localities_from (empty, "pcn", FALSE, &made, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "No practice has a PCN yet: import the practice map (gp-reg-pat-prac-map.csv) first");
  g_assert_false (lp_plan_can_undo (empty));
  g_clear_object (&empty);
  test_rm_rf (dir);
}

static void
test_move (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { lp_plan_find_practice (f->plan, "A81001"), lp_plan_find_practice (f->plan, "A81005") };
  gint64 gone[] = { ids[0], 999 };
  g_autoptr(LpLocality) stevenage = NULL;

  g_assert_true (lp_plan_make_localities_from (f->plan, "pcn", FALSE, NULL, &error));
  g_assert_true (lp_plan_move_practices (f->plan, ids, G_N_ELEMENTS (ids), f->west, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Move 2 practices to West PCN");
  assert_locality (f->plan, "A81001", "West PCN");
  assert_locality (f->plan, "A81005", "West PCN");
  stevenage = lp_plan_get_locality (f->plan, f->stevenage, NULL);
  g_assert_cmpuint (lp_locality_get_practice_count (stevenage), ==, 0);

  /* Undo gives each practice its own locality back. */
  g_assert_true (lp_plan_undo (f->plan, &error));
  assert_locality (f->plan, "A81001", "NORTH PCN");
  assert_locality (f->plan, "A81005", "Stevenage");
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Make localities from PCNs");

  /* A practice that has gone, or a locality: nothing moves. */
  g_assert_false (lp_plan_move_practices (f->plan, gone, G_N_ELEMENTS (gone), f->west, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The practice no longer exists");
  g_clear_error (&error);
  assert_locality (f->plan, "A81001", "NORTH PCN");
  g_assert_false (lp_plan_move_practices (f->plan, ids, G_N_ELEMENTS (ids), 999, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (lp_plan_move_practices (f->plan, ids, 0, f->west, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Make localities from PCNs");

  /* To no locality. */
  g_assert_true (lp_plan_move_practices (f->plan, ids, 1, 0, &error));
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Take 1 practice out of its locality");
  assert_locality (f->plan, "A81001", "");
}

static void
test_merge (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 north;
  g_autoptr(LpLocality) stevenage = NULL;

  g_assert_true (lp_plan_make_localities_from (f->plan, "pcn", FALSE, NULL, &error));
  north = lp_plan_find_locality (f->plan, "NORTH PCN");
  g_assert_cmpint (north, !=, 0);

  text = lp_plan_describe_merge_locality (f->plan, north, f->stevenage, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "The 3 practices of “NORTH PCN” move to “Stevenage”, and “NORTH PCN” is deleted.");

  /* Into itself: refused, nothing written. */
  g_assert_null (lp_plan_describe_merge_locality (f->plan, north, north, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lp_plan_merge_locality (f->plan, north, north, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A locality cannot be merged into itself: choose another locality");
  g_clear_error (&error);
  g_assert_false (lp_plan_merge_locality (f->plan, north, 999, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (n_localities (f->plan), ==, 4);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Make localities from PCNs");

  g_assert_true (lp_plan_merge_locality (f->plan, north, f->stevenage, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Merge NORTH PCN into Stevenage");
  g_assert_cmpuint (n_localities (f->plan), ==, 3);
  g_assert_cmpint (lp_plan_find_locality (f->plan, "NORTH PCN"), ==, 0);
  stevenage = lp_plan_get_locality (f->plan, f->stevenage, NULL);
  g_assert_cmpuint (lp_locality_get_practice_count (stevenage), ==, 4);
  assert_locality (f->plan, "A81002", "Stevenage");

  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_cmpuint (n_localities (f->plan), ==, 4);
  g_assert_cmpint (lp_plan_find_locality (f->plan, "NORTH PCN"), ==, north);
  assert_locality (f->plan, "A81002", "NORTH PCN");
  assert_locality (f->plan, "A81005", "Stevenage");
}

/* A locality with figures of its own says they go with it. */
static void
test_merge_figures (void)
{
  TestSample f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) localities = NULL;
  gint64 from = 0, into = 0;
  g_autofree char *text = NULL;
  gint64 figures;

  test_sample_set_up (&f, NULL);
  figures = test_sql_int (f.path, "SELECT count (*) FROM apportionment_weight WHERE locality_id = "
                                  "(SELECT id FROM locality ORDER BY name LIMIT 1)");
  localities = lp_plan_list_localities (f.plan, NULL);
  from = lp_locality_get_id (g_list_model_get_item (localities, 0));
  into = lp_locality_get_id (g_list_model_get_item (localities, 1));
  text = lp_plan_describe_merge_locality (f.plan, from, into, &error);
  g_assert_no_error (error);
  if (figures > 0)
    g_assert_nonnull (strstr (text, "is deleted with it") != NULL ? text : strstr (text, "are deleted with it"));
  g_assert_true (lp_plan_merge_locality (f.plan, from, into, &error));
  g_assert_no_error (error);
  g_assert_true (lp_plan_undo (f.plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (f.path, "SELECT count (*) FROM apportionment_weight WHERE locality_id = "
                                         "(SELECT id FROM locality ORDER BY name LIMIT 1)"), ==, figures);
  test_sample_tear_down (&f, NULL);
}

static guint
n_practices (LpPlan *plan)
{
  g_autoptr(GListModel) practices = lp_plan_list_practices (plan, 0, NULL);

  return g_list_model_get_n_items (practices);
}

/* Several practices deleted at once: one undo step that brings back each
 * practice with its rows (its place in the practice map). */
static void
test_delete_several (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[] = {
    lp_plan_find_practice (f->plan, "A81001"), lp_plan_find_practice (f->plan, "A81005"),
    lp_plan_find_practice (f->plan, "A81009"),
  };
  gint64 gone[] = { lp_plan_find_practice (f->plan, "A81002"), 999 };
  g_autoptr(LpPractice) back = NULL;

  g_assert_cmpuint (n_practices (f->plan), ==, 10);
  g_assert_true (lp_plan_delete_practices (f->plan, ids, G_N_ELEMENTS (ids), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Delete 3 practices");
  g_assert_cmpuint (n_practices (f->plan), ==, 7);
  g_assert_cmpint (lp_plan_find_practice (f->plan, "A81001"), ==, 0);
  g_assert_cmpint (lp_plan_find_practice (f->plan, "A81005"), ==, 0);
  g_assert_cmpint (lp_plan_find_practice (f->plan, "A81009"), ==, 0);

  /* One undo brings all three back, each with its PCN and locality. */
  g_assert_true (lp_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_practices (f->plan), ==, 10);
  back = lp_plan_get_practice (f->plan, lp_plan_find_practice (f->plan, "A81001"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lp_practice_get_pcn (back), ==, "NORTH PCN");
  assert_locality (f->plan, "A81005", "Stevenage");
  g_assert_cmpint (lp_plan_find_practice (f->plan, "A81009"), >, 0);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), !=, "Delete 3 practices");

  /* One of them gone: nothing is deleted. */
  g_assert_false (lp_plan_delete_practices (f->plan, gone, G_N_ELEMENTS (gone), &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The practice no longer exists");
  g_clear_error (&error);
  g_assert_cmpuint (n_practices (f->plan), ==, 10);
  g_assert_cmpint (lp_plan_find_practice (f->plan, "A81002"), >, 0);

  /* None chosen. */
  g_assert_false (lp_plan_delete_practices (f->plan, NULL, 0, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Choose the practices to delete");
  g_assert_cmpuint (n_practices (f->plan), ==, 10);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/localities/bulk/practice-groupings", test_practice_groupings);
  ADD ("/localities/bulk/grouping-names", test_grouping_names);
  ADD ("/localities/bulk/preview-pcns", test_preview_pcns);
  ADD ("/localities/bulk/make-from-pcns", test_make_from_pcns);
  ADD ("/localities/bulk/make-reassign", test_make_reassign);
  ADD ("/localities/bulk/make-from-sub-icbs", test_make_from_sub_icbs);
  ADD ("/localities/bulk/make-refused", test_make_refused);
  ADD ("/localities/bulk/move", test_move);
  ADD ("/localities/bulk/merge", test_merge);
  ADD ("/localities/bulk/delete-several", test_delete_several);
  g_test_add_func ("/localities/bulk/merge-figures", test_merge_figures);
  return g_test_run ();
}
