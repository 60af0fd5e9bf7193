/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The data views' words and row bookkeeping, without a display: counts,
 * search keys, status cells, tooltips, and the one-splice update that
 * keeps unchanged rows (and so the selection and scroll position). */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "lp-view-rows.h"
#include "lp-view-text.h"

typedef struct {
  LpViewKind  kind;
  guint       shown;
  guint       total;
  const char *expected;
} CountCase;

static const CountCase count_cases[] = {
  { LP_VIEW_PRACTICES, 57, 57, "57 practices" },
  { LP_VIEW_PRACTICES, 7, 57, "7 of 57 practices" },
  { LP_VIEW_PRACTICES, 1, 1, "1 practice" },
  { LP_VIEW_PRACTICES, 0, 1, "0 of 1 practice" },
  { LP_VIEW_LOCALITIES, 6, 6, "6 localities" },
  { LP_VIEW_LOCALITIES, 1, 1, "1 locality" },
  { LP_VIEW_LOCALITIES, 2, 6, "2 of 6 localities" },
  { LP_VIEW_CONTRACTS, 11, 11, "11 contracts" },
  { LP_VIEW_CONTRACTS, 0, 0, "0 contracts" },
  { LP_VIEW_CONTRACTS, 1234, 10000, "1,234 of 10,000 contracts" },
};

static void
test_count (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (count_cases); i++)
    {
      const CountCase *c = &count_cases[i];
      g_autofree char *text = lp_view_text_count (c->kind, c->shown, c->total);

      g_assert_cmpstr (text, ==, c->expected);
    }
}

static void
test_deleted (void)
{
  g_autofree char *practice = lp_view_text_deleted (LP_VIEW_PRACTICES, "X06K01");
  g_autofree char *locality = lp_view_text_deleted (LP_VIEW_LOCALITIES, "Stevenage");
  g_autofree char *contract = lp_view_text_deleted (LP_VIEW_CONTRACTS, "Acute (Ramsay)");

  g_assert_cmpstr (practice, ==, "Deleted practice X06K01");
  g_assert_cmpstr (locality, ==, "Deleted locality Stevenage");
  g_assert_cmpstr (contract, ==, "Deleted contract Acute (Ramsay)");
}

static void
test_search_key (void)
{
  const char *practice[] = { "X06K13", "Stevenage Park Lane Family Practice", "Stevenage", NULL };
  const char *blank[] = { NULL, "", NULL };
  g_autofree char *key = lp_view_text_search_key (practice, G_N_ELEMENTS (practice));
  g_autofree char *none = lp_view_text_search_key (blank, G_N_ELEMENTS (blank));

  /* One column a line: "K13S" must not match across code and name. */
  g_assert_cmpstr (key, ==, "X06K13\nStevenage Park Lane Family Practice\nStevenage");
  g_assert_cmpstr (none, ==, "");
}

typedef struct {
  const char *typed;
  const char *key;
  gboolean    found;
} FoldCase;

/* A search finds a row when the row's folded text holds the folded search,
 * as GTK's own string filter would have it. */
static const FoldCase fold_cases[] = {
  { "stevenage", "X06K13\nStevenage Park Lane Family Practice", TRUE },
  { "STEVENAGE", "X06K13\nStevenage Park Lane Family Practice", TRUE },
  { "x06k13", "X06K13\nStevenage Park Lane Family Practice", TRUE },
  { "sg1 5zq", "SG1 5ZQ", TRUE },
  /* "é" typed as one character finds it written as e and an accent. */
  { "caf\u00e9", "Cafe\u0301 Surgery", TRUE },
  { "STRASSE", "Stra\u00dfe Practice", TRUE },
  { "k13s", "X06K13\nStevenage", FALSE },
  { "surgery 2", "Surgery", FALSE },
};

static void
test_search_fold (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (fold_cases); i++)
    {
      g_autofree char *needle = lp_view_text_search_fold (fold_cases[i].typed);
      g_autofree char *haystack = lp_view_text_search_fold (fold_cases[i].key);

      g_test_message ("“%s” in “%s”", fold_cases[i].typed, fold_cases[i].key);
      g_assert_cmpint (strstr (haystack, needle) != NULL, ==, fold_cases[i].found);
    }
}

typedef struct {
  LpContractState  state;
  const char      *text;
  const char      *style;
} StateCase;

static const StateCase state_cases[] = {
  { LP_CONTRACT_ENDING_SOON, "Ending soon", "warning" },
  { LP_CONTRACT_ENDED, "Ended", "dim-label" },
  { LP_CONTRACT_CURRENT, "", NULL },
  { LP_CONTRACT_NOT_STARTED, "", NULL },
};

static void
test_contract_state (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (state_cases); i++)
    {
      g_assert_cmpstr (lp_view_text_contract_state (state_cases[i].state), ==, state_cases[i].text);
      g_assert_cmpstr (lp_view_text_contract_style (state_cases[i].state), ==, state_cases[i].style);
    }
}

static void
test_cells (void)
{
  g_autofree char *size = lp_view_text_list_size (12326);
  g_autofree char *no_size = lp_view_text_list_size (-1);
  g_autofree char *zero = lp_view_text_list_size (0);
  g_autofree char *as_at = lp_view_text_as_at ("2018-01-01");
  g_autofree char *never = lp_view_text_as_at ("");
  g_autofree char *one = lp_view_text_vulnerable ("Dermatology");
  g_autofree char *two = lp_view_text_vulnerable ("Dermatology; Community Audiology");
  g_autofree char *none = lp_view_text_vulnerable ("");
  g_autofree char *months = lp_view_text_months (24);
  g_autofree char *month = lp_view_text_months (1);

  g_assert_cmpstr (size, ==, "12,326");
  g_assert_cmpstr (no_size, ==, "—");
  g_assert_cmpstr (zero, ==, "0");
  g_assert_cmpstr (as_at, ==, "As at 01/01/2018");
  g_assert_cmpstr (never, ==, "No list size recorded");
  g_assert_cmpstr (one, ==, "Vulnerable service:\n• Dermatology");
  g_assert_cmpstr (two, ==, "Vulnerable services:\n• Dermatology\n• Community Audiology");
  g_assert_null (none);
  g_assert_cmpstr (months, ==, "24 months");
  g_assert_cmpstr (month, ==, "1 month");
}

static void
test_no_results (void)
{
  g_autofree char *search = lp_view_text_no_results (LP_VIEW_PRACTICES, "zzz");
  g_autofree char *filter = lp_view_text_no_results (LP_VIEW_PRACTICES, "");

  g_assert_cmpstr (search, ==, "No practice’s code, name, locality or postcode contains “zzz”.");
  g_assert_cmpstr (filter, ==, "This locality has no practices yet.");
}

static void
test_choices (void)
{
  const char *const *statuses = lp_view_text_status_keys ();
  const char *const *sectors = lp_view_text_sector_keys ();

  g_assert_cmpuint (g_strv_length ((char **) statuses), ==, 4);
  g_assert_cmpstr (statuses[0], ==, "active");
  g_assert_cmpstr (lp_view_text_status_label ("dormant"), ==, "Dormant");
  g_assert_cmpstr (lp_view_text_status_label (NULL), ==, "Active");
  g_assert_cmpstr (lp_view_text_status_label ("odd"), ==, "odd");
  {
    g_autofree char *closed = lp_view_text_status_since ("closed", "2018-08-15");
    g_autofree char *dormant = lp_view_text_status_since ("dormant", NULL);
    g_autofree char *closing = lp_view_text_status_since ("active", "2019-04-01");
    g_autofree char *open = lp_view_text_status_since ("active", NULL);

    g_assert_cmpstr (closed, ==, "Closed 15/08/2018");
    g_assert_cmpstr (dormant, ==, "Dormant");
    g_assert_cmpstr (closing, ==, "Active until 01/04/2019");
    g_assert_cmpstr (open, ==, "Active");
  }
  g_assert_cmpuint (g_strv_length ((char **) sectors), ==, 3);
  g_assert_cmpstr (lp_view_text_sector_label ("Independent"), ==, "Independent");
  g_assert_cmpstr (lp_view_text_sector_label (NULL), ==, "NHS");
}

/* The rows of a scratch copy of the sample, and a record of the one
 * change the store announces. */
typedef struct {
  char   *path;
  LpPlan *plan;
  guint   changes;
  guint   position, removed, added;
} RowsFixture;

static void
items_changed_cb (GListModel  *model,
                  guint        position,
                  guint        removed,
                  guint        added,
                  RowsFixture *f)
{
  f->changes++;
  f->position = position;
  f->removed = removed;
  f->added = added;
}

static GListStore *
rows_store (RowsFixture *f)
{
  g_autoptr(GListModel) localities = lp_plan_list_localities (f->plan, NULL);
  GListStore *store = g_list_store_new (LP_TYPE_LOCALITY);

  lp_view_rows_update (store, localities);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 6);
  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), f);
  return store;
}

static void
refresh (RowsFixture *f,
         GListStore  *store)
{
  g_autoptr(GListModel) localities = lp_plan_list_localities (f->plan, NULL);

  f->changes = 0;
  lp_view_rows_update (store, localities);
}

static gint64
locality_at (GListStore *store,
             guint       position)
{
  g_autoptr(LpLocality) locality = g_list_model_get_item (G_LIST_MODEL (store), position);

  return lp_locality_get_id (locality);
}

static void
check_rows_update (RowsFixture *f)
{
  g_autoptr(GListStore) store = rows_store (f);
  g_autoptr(LpLocality) kept = g_list_model_get_item (G_LIST_MODEL (store), 0);
  gint64 id = locality_at (store, 2);
  g_autoptr(LpLocality) third = lp_plan_get_locality (f->plan, id, NULL);
  LpLocalityFields fields = { lp_locality_get_name (third), lp_locality_get_code (third), "new notes" };
  g_autoptr(LpLocality) first_again = NULL;
  g_autoptr(LpLocality) third_again = NULL;

  refresh (f, store);   /* nothing changed: nothing announced */
  g_assert_cmpuint (f->changes, ==, 0);

  g_assert_true (lp_plan_update_locality (f->plan, id, &fields, NULL));
  refresh (f, store);
  g_assert_cmpuint (f->changes, ==, 1);
  g_assert_cmpuint (f->position, ==, 2);
  g_assert_cmpuint (f->removed, ==, 1);
  g_assert_cmpuint (f->added, ==, 1);
  /* The rows around it are the very same objects. */
  first_again = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_true (first_again == kept);
  third_again = g_list_model_get_item (G_LIST_MODEL (store), 2);
  g_assert_cmpstr (lp_locality_get_notes (third_again), ==, "new notes");
  g_assert_false (lp_view_rows_equal (G_OBJECT (third), G_OBJECT (third_again)));
}

static void
test_rows_update (void)
{
  RowsFixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lp-view-rows-XXXXXX", &error);
  g_autoptr(LpPlan) sample = lp_plan_open (g_getenv ("LP_SAMPLE_PLAN"), LP_PLAN_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  f.path = g_build_filename (dir, "Rows.lpplan", NULL);
  g_assert_true (lp_plan_save_copy (sample, f.path, &error));
  f.plan = lp_plan_open (f.path, LP_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  check_rows_update (&f);

  g_clear_object (&f.plan);
  g_assert_cmpint (g_remove (f.path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_free (f.path);
}

static GPtrArray *
practice_rows (LpPlan *plan,
               gint    left_out,
               gint    swapped)
{
  g_autoptr(GListModel) practices = lp_plan_list_practices (plan, 0, NULL);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (practices); i++)
    if ((gint) i != left_out)
      g_ptr_array_add (rows, g_list_model_get_item (practices, (gint) i == swapped ? i + 1 : i));
  return rows;
}

/* Only the run of rows between an unchanged start and an unchanged end is
 * to be replaced; rows read twice are equal, not the same objects. */
static void
test_rows_diff (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) sample = lp_plan_open (g_getenv ("LP_SAMPLE_PLAN"), LP_PLAN_OPEN_READ_ONLY, &error);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) all_again = NULL;
  g_autoptr(GPtrArray) without_tenth = NULL;
  g_autoptr(GPtrArray) sixth_changed = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  guint head, tail;

  g_assert_no_error (error);
  all = practice_rows (sample, -1, -1);
  all_again = practice_rows (sample, -1, -1);
  without_tenth = practice_rows (sample, 10, -1);
  sixth_changed = practice_rows (sample, -1, 5);
  g_assert_cmpuint (all->len, ==, 57);

  lp_view_rows_diff (all, all_again, &head, &tail);
  g_assert_cmpuint (head, ==, 57);
  g_assert_cmpuint (tail, ==, 0);
  lp_view_rows_diff (all, without_tenth, &head, &tail);   /* a delete */
  g_assert_cmpuint (head, ==, 10);
  g_assert_cmpuint (tail, ==, 46);
  lp_view_rows_diff (without_tenth, all, &head, &tail);   /* its undo */
  g_assert_cmpuint (head, ==, 10);
  g_assert_cmpuint (tail, ==, 46);
  lp_view_rows_diff (all, sixth_changed, &head, &tail);   /* an edit */
  g_assert_cmpuint (head, ==, 5);
  g_assert_cmpuint (tail, ==, 51);
  lp_view_rows_diff (none, all, &head, &tail);            /* the first read */
  g_assert_cmpuint (head + tail, ==, 0);
}

static void
test_rows_equal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) sample = lp_plan_open (g_getenv ("LP_SAMPLE_PLAN"), LP_PLAN_OPEN_READ_ONLY, &error);
  g_autoptr(GListModel) once = lp_plan_list_practices (sample, 0, NULL);
  g_autoptr(GListModel) twice = lp_plan_list_practices (sample, 0, NULL);
  g_autoptr(GObject) a = g_list_model_get_item (once, 0);
  g_autoptr(GObject) b = g_list_model_get_item (twice, 0);
  g_autoptr(GObject) c = g_list_model_get_item (twice, 1);

  g_assert_no_error (error);
  g_assert_true (a != b);
  g_assert_true (lp_view_rows_equal (a, b));
  g_assert_false (lp_view_rows_equal (a, c));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/view-text/count", test_count);
  g_test_add_func ("/view-text/deleted", test_deleted);
  g_test_add_func ("/view-text/search-key", test_search_key);
  g_test_add_func ("/view-text/search-fold", test_search_fold);
  g_test_add_func ("/view-text/contract-state", test_contract_state);
  g_test_add_func ("/view-text/cells", test_cells);
  g_test_add_func ("/view-text/no-results", test_no_results);
  g_test_add_func ("/view-text/choices", test_choices);
  g_test_add_func ("/view-rows/equal", test_rows_equal);
  g_test_add_func ("/view-rows/update", test_rows_update);
  g_test_add_func ("/view-rows/diff", test_rows_diff);
  return g_test_run ();
}
