/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The typed domain API: adding, reading, changing and deleting localities,
 * practices, list sizes and contracts, and the errors a commissioner sees. */
#include "core-test-util.h"

typedef struct {
  char   *dir;
  LpPlan *plan;
  gint64  north_herts;
  gint64  stevenage;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  LpLocalityFields nh = { "North Herts", "NH", "care homes and frailty" };
  LpLocalityFields st = { "Stevenage", "ST", NULL };

  f->dir = test_tmp_dir ();
  f->plan = test_new_plan (f->dir);
  f->north_herts = lp_plan_add_locality (f->plan, &nh, NULL);
  f->stevenage = lp_plan_add_locality (f->plan, &st, NULL);
  g_assert_cmpint (f->north_herts, >, 0);
  g_assert_cmpint (f->stevenage, >, 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->plan);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

static gint64
add_practice (Fixture    *f,
              const char *code,
              gint64      locality,
              gint64      patients)
{
  g_autoptr(GError) error = NULL;
  LpPracticeFields fields = { code, "Test Surgery", "sg4 9zz", locality, NULL, NULL };
  gint64 id = lp_plan_add_practice (f->plan, &fields, &error);

  g_assert_no_error (error);
  if (patients >= 0)
    g_assert_true (lp_plan_set_list_size (f->plan, id, "2018-01-01", patients, "test", &error));
  g_assert_no_error (error);
  return id;
}

static void
test_locality_crud (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpLocality) locality = NULL;
  g_autoptr(GListModel) all = NULL;
  LpLocalityFields renamed = { "  North Hertfordshire ", "NH", NULL };

  add_practice (f, "X06K01", f->north_herts, 9000);
  add_practice (f, "X06K02", f->north_herts, 3000);
  locality = lp_plan_get_locality (f->plan, f->north_herts, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lp_locality_get_name (locality), ==, "North Herts");
  g_assert_cmpstr (lp_locality_get_code (locality), ==, "NH");
  g_assert_cmpstr (lp_locality_get_notes (locality), ==, "care homes and frailty");
  g_assert_cmpuint (lp_locality_get_practice_count (locality), ==, 2);
  g_assert_cmpint (lp_locality_get_registered_patients (locality), ==, 12000);
  {
    guint count = 0;
    gint64 patients = 0;

    g_object_get (locality, "practice-count", &count, "registered-patients", &patients, NULL);
    g_assert_cmpuint (count, ==, 2);
    g_assert_cmpint (patients, ==, 12000);
  }
  g_clear_object (&locality);

  g_assert_true (lp_plan_update_locality (f->plan, f->north_herts, &renamed, &error));
  locality = lp_plan_get_locality (f->plan, f->north_herts, &error);
  g_assert_cmpstr (lp_locality_get_name (locality), ==, "North Hertfordshire");
  g_assert_cmpint (lp_plan_find_locality (f->plan, "nh"), ==, f->north_herts);
  g_assert_cmpint (lp_plan_find_locality (f->plan, "stevenage"), ==, f->stevenage);
  g_assert_cmpint (lp_plan_find_locality (f->plan, "Nowhere"), ==, 0);

  all = lp_plan_list_localities (f->plan, &error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
  /* The names alone, for a choice of locality: in the same order. */
  {
    g_autoptr(GArray) ids = NULL;
    g_auto(GStrv) names = lp_plan_list_locality_names (f->plan, &ids, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (names), ==, 2);
    g_assert_cmpuint (ids->len, ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(LpLocality) listed = g_list_model_get_item (all, i);

        g_assert_cmpstr (names[i], ==, lp_locality_get_name (listed));
        g_assert_cmpint (g_array_index (ids, gint64, i), ==, lp_locality_get_id (listed));
      }
    g_assert_cmpstr (names[0], ==, "North Hertfordshire");
  }
  g_assert_true (lp_plan_delete_locality (f->plan, f->stevenage, &error));
  g_assert_no_error (error);
  g_assert_null (lp_plan_get_locality (f->plan, f->stevenage, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
}

static void
test_locality_errors (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  LpLocalityFields blank = { "   ", NULL, NULL };
  LpLocalityFields duplicate_name = { "Stevenage", NULL, NULL };
  LpLocalityFields duplicate_code = { "Hatfield", "ST", NULL };

  g_assert_cmpint (lp_plan_add_locality (f->plan, &blank, &error), ==, 0);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Locality name must not be empty");
  g_clear_error (&error);
  g_assert_cmpint (lp_plan_add_locality (f->plan, &duplicate_name, &error), ==, 0);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "There is already a locality called “Stevenage”");
  g_clear_error (&error);
  g_assert_cmpint (lp_plan_add_locality (f->plan, &duplicate_code, &error), ==, 0);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Another locality already has the code “ST”");
  g_clear_error (&error);

  /* A locality that still has practices is not deleted. */
  add_practice (f, "X06K01", f->stevenage, 100);
  g_assert_false (lp_plan_delete_locality (f->plan, f->stevenage, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "“Stevenage” still has 1 practice; move it to another locality first");
  g_assert_cmpint (lp_plan_find_locality (f->plan, "Stevenage"), ==, f->stevenage);
}

static void
test_practice_crud (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPractice) practice = NULL;
  g_autoptr(GListModel) in_stevenage = NULL;
  g_autoptr(GListModel) everywhere = NULL;
  gint64 id = add_practice (f, " x06k01 ", f->north_herts, 7000);
  LpPracticeFields closed = { "X06K01", "Hitchin Surgery", "SG4 9ZZ", f->stevenage, "closed", "merged" };

  practice = lp_plan_get_practice (f->plan, id, &error);
  g_assert_cmpstr (lp_practice_get_ods_code (practice), ==, "X06K01");
  g_assert_cmpstr (lp_practice_get_postcode (practice), ==, "SG4 9ZZ");
  g_assert_cmpstr (lp_practice_get_status (practice), ==, "active");
  g_assert_cmpstr (lp_practice_get_locality_name (practice), ==, "North Herts");
  g_assert_cmpint (lp_practice_get_list_size (practice), ==, 7000);
  g_assert_cmpstr (lp_practice_get_list_size_date (practice), ==, "2018-01-01");
  g_clear_object (&practice);

  g_assert_true (lp_plan_update_practice (f->plan, id, &closed, &error));
  practice = lp_plan_get_practice (f->plan, id, &error);
  g_assert_cmpstr (lp_practice_get_status (practice), ==, "closed");
  g_assert_cmpstr (lp_practice_get_notes (practice), ==, "merged");
  add_practice (f, "X06K02", f->north_herts, -1);
  in_stevenage = lp_plan_list_practices (f->plan, f->stevenage, &error);
  everywhere = lp_plan_list_practices (f->plan, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (in_stevenage), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (everywhere), ==, 2);
  g_assert_cmpint (lp_plan_find_practice (f->plan, "x06k02"), !=, 0);

  g_assert_true (lp_plan_delete_practice (f->plan, id, &error));
  g_assert_cmpint (lp_plan_find_practice (f->plan, "X06K01"), ==, 0);
  /* Its list sizes went with it. */
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan), "SELECT count(*) FROM list_size"), ==, 0);
  g_assert_false (lp_plan_delete_practice (f->plan, id, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
}

/* What a chooser lists: by name whatever its case, then code, with the
 * locality ("" for none); closed practices too. */
static void
test_practice_names (Fixture *f, gconstpointer data)
{
  const LpPracticeFields practices[] = {
    { "X06K03", "the Surgery", NULL, 0, NULL, NULL },
    { "X06K02", "Bridge Practice", NULL, 0, "closed", NULL },
    { "X06K01", "The Surgery", NULL, 0, NULL, NULL },
    { "X06K04", "Abbey Health", NULL, 0, NULL, NULL },
  };
  const char *expected[][3] = {
    { "X06K04", "Abbey Health", "Stevenage" },
    { "X06K02", "Bridge Practice", "North Herts" },
    { "X06K01", "The Surgery", "" },
    { "X06K03", "the Surgery", "North Herts" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) names = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (practices); i++)
    {
      LpPracticeFields fields = practices[i];

      fields.locality_id = i == 3 ? f->stevenage : i == 2 ? 0 : f->north_herts;
      g_assert_cmpint (lp_plan_add_practice (f->plan, &fields, &error), >, 0);
      g_assert_no_error (error);
    }
  names = lp_plan_list_practice_names (f->plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(LpPracticeName) name = g_list_model_get_item (names, i);

      g_assert_cmpstr (lp_practice_name_get_ods_code (name), ==, expected[i][0]);
      g_assert_cmpstr (lp_practice_name_get_name (name), ==, expected[i][1]);
      g_assert_cmpstr (lp_practice_name_get_locality_name (name), ==, expected[i][2]);
      g_assert_cmpint (lp_practice_name_get_id (name), ==, lp_plan_find_practice (f->plan, expected[i][0]));
    }
}

typedef struct {
  LpPracticeFields fields;
  int              code;
  const char      *message;
} BadPractice;

static void
test_practice_errors (Fixture *f, gconstpointer data)
{
  const BadPractice cases[] = {
    { { "A8400!", "Name", NULL, 0, NULL, NULL }, LP_PLAN_ERROR_INVALID,
      "Practice code “A8400!” is not valid: use 3 to 8 letters and digits, for example D81047" },
    { { "X06K01", "", NULL, 0, NULL, NULL }, LP_PLAN_ERROR_INVALID, "Practice name must not be empty" },
    { { "X06K01", "Name", NULL, 0, "open", NULL }, LP_PLAN_ERROR_INVALID,
      "Status must be active, closed, dormant or proposed, not “open”" },
    { { "X06K01", "Name", NULL, 424242, NULL, NULL }, LP_PLAN_ERROR_INVALID,
      "Locality: the chosen locality no longer exists" },
    { { "X06K01", "Bell\acourt", NULL, 0, NULL, NULL }, LP_PLAN_ERROR_INVALID,
      "Practice name contains a control character; remove it" },
    { { "X06K09", "Duplicate", NULL, 0, NULL, NULL }, LP_PLAN_ERROR_CONSTRAINT,
      "Another practice already has the code X06K09" },
  };

  add_practice (f, "X06K09", f->north_herts, 10);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_cmpint (lp_plan_add_practice (f->plan, &cases[i].fields, &error), ==, 0);
      g_assert_error (error, LP_PLAN_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan), "SELECT count(*) FROM practice"), ==, 1);
}

static void
test_hostile_text_stored_verbatim (Fixture *f, gconstpointer data)
{
  const char *sql_like = "'); DROP TABLE practice;--";
  const char *formula = "=HYPERLINK(\"http://example.invalid\",\"Click\")";
  LpPracticeFields fields = { "X06K05", sql_like, NULL, f->north_herts, NULL, formula };
  g_autoptr(GError) error = NULL;
  gint64 id = lp_plan_add_practice (f->plan, &fields, &error);
  g_autoptr(LpPractice) practice = lp_plan_get_practice (f->plan, id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (lp_practice_get_name (practice), ==, sql_like);
  g_assert_cmpstr (lp_practice_get_notes (practice), ==, formula);
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan), "SELECT count(*) FROM practice"), ==, 1);
}

static void
test_list_sizes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sizes = NULL;
  g_autoptr(LpListSize) newest = NULL;
  gint64 id = add_practice (f, "X06K01", f->north_herts, 7000);

  /* Re-importing an extract replaces its figure rather than adding to it. */
  g_assert_true (lp_plan_set_list_size (f->plan, id, "2018-01-01", 7100, "second import", &error));
  g_assert_true (lp_plan_set_list_size (f->plan, id, "2018-04-01", 7200, NULL, &error));
  sizes = lp_plan_list_list_sizes (f->plan, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (sizes), ==, 2);
  newest = g_list_model_get_item (sizes, 0);
  g_assert_cmpstr (lp_list_size_get_extract_date (newest), ==, "2018-04-01");
  g_assert_cmpint (lp_list_size_get_patients (newest), ==, 7200);

  g_assert_false (lp_plan_set_list_size (f->plan, id, "2018-01-01", -5, NULL, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "List size must be a whole number of 0 or more, not -5");
  g_clear_error (&error);
  g_assert_false (lp_plan_set_list_size (f->plan, id, "2018-02-31", 5, NULL, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Extract date: “2018-02-31” is not a real date");
  g_clear_error (&error);
  g_assert_false (lp_plan_set_list_size (f->plan, 12345, "2018-01-01", 5, NULL, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (lp_plan_delete_list_size (f->plan, id, "2018-04-01", &error));
  g_assert_false (lp_plan_delete_list_size (f->plan, id, "2018-04-01", &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
}

static void
test_contracts (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  LpContractFields enht = { "East and North Hertfordshire NHS Trust", "NHS", "Acute",
                            "2017-04-01", "2019-03-31", 0, 221961000, NULL };
  LpContractFields huc = { "Herts Urgent Care", "Independent", "Integrated Urgent Care",
                           "2017-06-29", "2022-06-28", 24, 9213000, "option 2 years extension" };
  gint64 a = lp_plan_add_contract (f->plan, &enht, &error);
  gint64 b = lp_plan_add_contract (f->plan, &huc, &error);
  g_autoptr(LpContract) acute = NULL;
  g_autoptr(LpContract) urgent = NULL;
  g_autoptr(GListModel) all = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (lp_plan_add_vulnerable_service (f->plan, a, "Dermatology", &error), !=, 0);
  g_assert_cmpint (lp_plan_add_vulnerable_service (f->plan, a, "Community Audiology", &error), !=, 0);
  acute = lp_plan_get_contract (f->plan, a, &error);
  urgent = lp_plan_get_contract (f->plan, b, &error);
  g_assert_cmpint (lp_contract_get_annual_value_pounds (acute), ==, 221961000);
  g_assert_cmpint (lp_contract_get_length_months (acute), ==, 24);
  g_assert_cmpint (lp_contract_get_length_months (urgent), ==, 60);
  g_assert_cmpint (lp_contract_get_extension_months (urgent), ==, 24);
  g_assert_cmpstr (lp_contract_get_sector (urgent), ==, "Independent");
  g_assert_cmpstr (lp_contract_get_vulnerable_services (acute), ==, "Community Audiology; Dermatology");
  g_assert_cmpstr (lp_contract_get_vulnerable_services (urgent), ==, "");
  all = lp_plan_list_contracts (f->plan, &error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
  {
    /* The properties list views bind to carry the same values. */
    g_autofree char *provider = NULL;
    int months = 0;
    gint64 value = 0, extension = 0;

    g_object_get (urgent, "provider", &provider, "length-months", &months,
                  "annual-value-pounds", &value, "extension-months", &extension, NULL);
    g_assert_cmpstr (provider, ==, "Herts Urgent Care");
    g_assert_cmpint (months, ==, 60);
    g_assert_cmpint (value, ==, 9213000);
    g_assert_cmpint (extension, ==, 24);
  }

  /* A second contract with a known provider reuses it. */
  enht.service = "Community Paediatrics";
  g_assert_cmpint (lp_plan_add_contract (f->plan, &enht, &error), !=, 0);
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan), "SELECT count(*) FROM provider"), ==, 2);
  g_assert_true (lp_plan_delete_contract (f->plan, a, &error));
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan), "SELECT count(*) FROM vulnerable_service"), ==, 0);
}

static void
test_contract_errors (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  LpContractFields backwards = { "ENHT", NULL, "Acute", "2019-04-01", "2019-03-31", 0, 5, NULL };
  LpContractFields bad_date = { "ENHT", NULL, "Acute", "2018-04-01", "31/03/2019", 0, 5, NULL };
  LpContractFields negative = { "ENHT", NULL, "Acute", "2018-04-01", "2019-03-31", 0, -1, NULL };
  LpContractFields sector = { "ENHT", "Charity", "Acute", "2018-04-01", "2019-03-31", 0, 5, NULL };

  g_assert_cmpint (lp_plan_add_contract (f->plan, &backwards, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "End date 2019-03-31 is before the start date 2019-04-01");
  g_clear_error (&error);
  g_assert_cmpint (lp_plan_add_contract (f->plan, &bad_date, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "End date must be a date written YYYY-MM-DD, not “31/03/2019”");
  g_clear_error (&error);
  g_assert_cmpint (lp_plan_add_contract (f->plan, &negative, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "Annual value must be 0 or more whole pounds");
  g_clear_error (&error);
  g_assert_cmpint (lp_plan_add_contract (f->plan, &sector, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "Sector must be NHS, Independent or Other, not “Charity”");
  /* Nothing half-written: no provider was left behind by the failures. */
  g_assert_cmpint (test_sql_int (lp_plan_get_path (f->plan), "SELECT count(*) FROM provider"), ==, 0);
}

static void
count_change (LpPlan *plan, const char *table, gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
test_changed_signal (Fixture *f, gconstpointer data)
{
  guint practice_changes = 0, any_changes = 0;

  g_signal_connect (f->plan, "changed::practice", G_CALLBACK (count_change), &practice_changes);
  g_signal_connect (f->plan, "changed", G_CALLBACK (count_change), &any_changes);
  add_practice (f, "X06K01", f->north_herts, 10);
  g_assert_cmpuint (practice_changes, ==, 1);
  g_assert_cmpuint (any_changes, ==, 2);   /* the practice and its list size */
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/domain/locality/crud", test_locality_crud);
  ADD ("/domain/locality/errors", test_locality_errors);
  ADD ("/domain/practice/crud", test_practice_crud);
  ADD ("/domain/practice/errors", test_practice_errors);
  ADD ("/domain/practice/names", test_practice_names);
  ADD ("/domain/practice/hostile-text", test_hostile_text_stored_verbatim);
  ADD ("/domain/list-size", test_list_sizes);
  ADD ("/domain/contract/crud", test_contracts);
  ADD ("/domain/contract/errors", test_contract_errors);
  ADD ("/domain/changed-signal", test_changed_signal);
#undef ADD
  return g_test_run ();
}
