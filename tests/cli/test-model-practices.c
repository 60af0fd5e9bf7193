/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One practice, one figure: every practice of the sample plan has the same
 * share of every modelled figure, per month, in the breakdown of all
 * localities, in its own locality's, on its practice page, in the
 * modelling-practices export and in `model --practices --csv`. */
#include <math.h>
#include <string.h>

#include "cli-test-util.h"
#include "lp-core.h"

#define N_PRACTICES 57

/* Core figures must agree to this; they are made by one function, so in
 * practice they agree to the last bit. */
#define EPSILON 1e-9

static LpPlan *
open_sample (void)
{
  g_autoptr(GError) error = NULL;
  LpPlan *plan = lp_plan_open (cli_sample_plan (), LP_PLAN_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return plan;
}

/* The breakdown for @locality (0: all localities) per month, by code. */
static GHashTable *
breakdown (LpPlan  *plan,
           gint64   locality,
           GArray  *horizons)
{
  LpModelQuery query = { .locality_id = locality, .per = LP_PER_MONTH };
  g_autoptr(GError) error = NULL;
  g_autoptr(LpModelTable) table = lp_plan_model (plan, &query, &error);
  g_autoptr(GPtrArray) practices = NULL;
  GHashTable *by_code = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify) lp_model_practice_free);

  g_assert_no_error (error);
  practices = lp_plan_model_practices (plan, &query, table, &error);
  g_assert_no_error (error);
  if (horizons != NULL)
    g_array_append_vals (horizons, table->horizons, table->n_horizons);
  while (practices->len > 0)
    {
      LpModelPractice *practice = g_ptr_array_steal_index (practices, practices->len - 1);

      g_assert_cmpuint (practice->rows->len, ==, table->rows->len);
      g_hash_table_insert (by_code, practice->ods_code, practice);
    }
  return by_code;
}

/* A CSV table's rows (each a GStrv) by their first field, the practice's
 * code. */
static GHashTable *
csv_by_code (GPtrArray *rows)
{
  GHashTable *by_code = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 1; i < rows->len; i++)
    g_hash_table_insert (by_code, (gpointer) cli_csv_cell (rows, i, 0), g_ptr_array_index (rows, i));
  return by_code;
}

static double
number (char  **row,
        guint   column)
{
  const char *text;

  g_assert_cmpuint (column, <, g_strv_length (row));
  text = row[column];
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  g_assert_true (end != text && *end == '\0');
  return value;
}

/* The export keeps every digit of a modelled figure: the very figure core
 * made, never another practice's share nor it rounded. */
static void
assert_exported (double exported,
                 double value)
{
  if (fabs (exported - value) > EPSILON)
    g_error ("exported %.17g is not %.17g", exported, value);
}

static void
assert_rows_equal (const LpModelRow *a,
                   const LpModelRow *b,
                   guint             n_horizons)
{
  g_assert_cmpstr (a->name, ==, b->name);
  for (guint h = 0; h < n_horizons; h++)
    {
      g_assert_cmpfloat_with_epsilon (a->activity[h], b->activity[h], EPSILON);
      g_assert_cmpfloat_with_epsilon (a->bed_days[h], b->bed_days[h], EPSILON);
    }
}

static GPtrArray *
export_practices (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "modelling-practices.csv", NULL);
  g_autoptr(CliRun) run = cli_run ("export", cli_sample_plan (), "modelling-practices", path, NULL);
  g_autofree char *text = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return cli_parse_csv (text);
}

static void
test_one_figure_everywhere (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autoptr(GArray) horizons = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) all = breakdown (plan, 0, horizons);
  g_autoptr(GHashTable) localities = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                            (GDestroyNotify) g_hash_table_unref);
  g_autoptr(CliTmpDir) dir = cli_make_tmp_dir ();
  g_autoptr(GPtrArray) exported = export_practices (dir);
  g_autoptr(CliRun) run = cli_run ("model", cli_sample_plan (), "--practices", "--csv", NULL);
  g_autoptr(GPtrArray) printed = NULL;
  g_autoptr(GHashTable) exported_rows = NULL;
  g_autoptr(GHashTable) printed_rows = NULL;
  GHashTableIter iter;
  gpointer value;
  guint n_horizons = horizons->len;

  g_assert_cmpint (run->status, ==, 0);
  printed = cli_parse_csv (run->out);
  g_assert_cmpuint (n_horizons, ==, 2);
  g_assert_cmpuint (g_hash_table_size (all), ==, N_PRACTICES);
  g_assert_cmpuint (exported->len, ==, 1 + N_PRACTICES);
  g_assert_cmpuint (printed->len, ==, 1 + N_PRACTICES);
  /* Both tables: code, practice, locality, list size, share (%), then
   * activity and bed days a horizon. */
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (exported, 0)), ==, 5 + 2 * n_horizons);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (printed, 0)), ==, 5 + 2 * n_horizons);
  g_assert_cmpstr (cli_csv_cell (printed, 0, 2), ==, "Locality");
  g_assert_cmpstr (cli_csv_cell (exported, 0, 2), ==, "Locality");
  exported_rows = csv_by_code (exported);
  printed_rows = csv_by_code (printed);

  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const LpModelPractice *a = value;
      GHashTable *own_breakdown = g_hash_table_lookup (localities, &a->locality_id);
      const LpModelPractice *b;
      g_autoptr(LpPracticeModel) c = NULL;
      g_autoptr(GError) error = NULL;
      char **d = g_hash_table_lookup (exported_rows, a->ods_code);
      char **e = g_hash_table_lookup (printed_rows, a->ods_code);

      if (own_breakdown == NULL)
        {
          own_breakdown = breakdown (plan, a->locality_id, NULL);
          g_hash_table_insert (localities, (gpointer) &a->locality_id, own_breakdown);
        }
      /* (b) its locality's breakdown */
      b = g_hash_table_lookup (own_breakdown, a->ods_code);
      g_assert_nonnull (b);
      g_assert_cmpint (b->list_size, ==, a->list_size);
      g_assert_cmpfloat_with_epsilon (b->share, a->share, EPSILON);
      for (guint i = 0; i < a->rows->len; i++)
        assert_rows_equal (g_ptr_array_index (a->rows, i), g_ptr_array_index (b->rows, i), n_horizons);
      for (guint h = 0; h < n_horizons; h++)
        {
          g_assert_cmpfloat_with_epsilon (a->activity[h], b->activity[h], EPSILON);
          g_assert_cmpfloat_with_epsilon (a->bed_days[h], b->bed_days[h], EPSILON);
        }

      /* (c) the practice page, per month */
      c = lp_plan_model_practice (plan, a->practice_id, 0, FALSE, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (c->locality, ==, a->locality);
      g_assert_cmpint (c->list_size, ==, a->list_size);
      g_assert_cmpfloat_with_epsilon (c->share, a->share, EPSILON);
      g_assert_cmpuint (c->rows->len, ==, a->rows->len);
      for (guint i = 0; i < a->rows->len; i++)
        {
          const LpModelRow *row = g_ptr_array_index (a->rows, i);
          const LpPracticeModelRow *page = g_ptr_array_index (c->rows, i);

          g_assert_cmpstr (page->name, ==, row->name);
          for (guint h = 0; h < n_horizons; h++)
            {
              g_assert_cmpfloat_with_epsilon (page->month_activity[h], row->activity[h], EPSILON);
              g_assert_cmpfloat_with_epsilon (page->month_bed_days[h], row->bed_days[h], EPSILON);
            }
        }

      /* (d) the export and (e) the CLI, column by column */
      g_assert_nonnull (d);
      g_assert_nonnull (e);
      g_assert_cmpstr (d[2], ==, a->locality);
      g_assert_cmpstr (e[2], ==, a->locality);
      g_assert_cmpfloat (number (d, 3), ==, (double) a->list_size);
      g_assert_cmpfloat (number (e, 3), ==, (double) a->list_size);
      assert_exported (number (d, 4), a->share * 100.0);
      g_assert_cmpfloat_with_epsilon (number (e, 4), a->share * 100.0, EPSILON);
      for (guint h = 0; h < n_horizons; h++)
        {
          assert_exported (number (d, 5 + 2 * h), a->activity[h]);
          assert_exported (number (d, 6 + 2 * h), a->bed_days[h]);
          g_assert_cmpfloat_with_epsilon (number (e, 5 + 2 * h), a->activity[h], EPSILON);
          g_assert_cmpfloat_with_epsilon (number (e, 6 + 2 * h), a->bed_days[h], EPSILON);
        }
    }
  g_assert_cmpuint (g_hash_table_size (localities), ==, 6);
}

/* The practices of all localities add up to the all-localities table,
 * which is the sum of the localities' tables. */
static void
test_practices_add_up_to_all (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  LpModelQuery query = { .per = LP_PER_MONTH };
  g_autoptr(LpModelTable) table = lp_plan_model (plan, &query, NULL);
  g_autoptr(GHashTable) all = breakdown (plan, 0, NULL);
  const LpModelRow *total = g_ptr_array_index (table->rows, table->rows->len - 1);
  double sum[LP_MODEL_MAX_HORIZONS] = { 0, };
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    for (guint h = 0; h < table->n_horizons; h++)
      sum[h] += ((LpModelPractice *) value)->activity[h];
  for (guint h = 0; h < table->n_horizons; h++)
    g_assert_cmpfloat_with_epsilon (sum[h], total->activity[h], 1e-9);
}

/* Baldock Abbey Surgery (North Herts, 11,970 of its 116,154 patients):
 * North Herts has no figures of its own, so it has 116,154 / 1,500,000 of
 * the STP's change, and the practice 11,970 / 1,500,000 of it.  Per month
 * (3 years = 36 months, 5 years = 60): activity 11,970 x 201,872 / 36 /
 * 1,500,000 = 44.7482933..., bed days 11,970 x 24,534 / 36 / 1,500,000 =
 * 5.43837; over 5 years 11,970 x 492,193 / 60 / 1,500,000 = 65.461669 and
 * 11,970 x 51,874 / 60 / 1,500,000 = 6.899242; its Frailty 11,970 x 11,231
 * / 36 / 1,500,000 = 2.4895...  The same in all localities (it read 43.9
 * there when the CCG's total was shared by list size directly). */
static void
test_baldock_abbey (void)
{
  g_autoptr(LpPlan) plan = open_sample ();
  g_autoptr(GHashTable) all = breakdown (plan, 0, NULL);
  g_autoptr(GHashTable) north_herts = breakdown (plan, lp_plan_find_locality (plan, "North Herts"), NULL);
  g_autoptr(CliRun) run = cli_run ("model", cli_sample_plan (), "--locality", "North Herts",
                                   "--practices", NULL);
  g_autoptr(GPtrArray) line = NULL;
  const LpModelPractice *views[] = {
    g_hash_table_lookup (all, "X06K08"), g_hash_table_lookup (north_herts, "X06K08"),
  };

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      const LpModelPractice *practice = views[v];
      const LpModelRow *frailty = g_ptr_array_index (practice->rows, 0);

      g_assert_cmpstr (practice->name, ==, "Baldock Abbey Surgery");
      g_assert_cmpstr (practice->locality, ==, "North Herts");
      g_assert_cmpint (practice->list_size, ==, 11970);
      g_assert_cmpfloat_with_epsilon (practice->share, 11970.0 / 116154.0, 1e-12);
      g_assert_cmpfloat_with_epsilon (practice->activity[0], 11970.0 * 201872 / 36 / 1500000, 1e-9);
      g_assert_cmpfloat_with_epsilon (practice->activity[0], 44.748293333333, 1e-9);
      g_assert_cmpfloat_with_epsilon (practice->bed_days[0], 5.43837, 1e-9);
      g_assert_cmpfloat_with_epsilon (practice->activity[1], 65.461669, 1e-9);
      g_assert_cmpfloat_with_epsilon (practice->bed_days[1], 6.899242, 1e-9);
      g_assert_cmpstr (frailty->name, ==, "Frailty");
      g_assert_cmpfloat_with_epsilon (frailty->activity[0], 11970.0 * 11231 / 36 / 1500000, 1e-9);
    }
  /* Read by a person: 44.7 a month, and 10.3% of North Herts. */
  g_assert_cmpint (run->status, ==, 0);
  line = cli_find_line (run->out, "X06K08");
  g_assert_nonnull (line);
  g_assert_cmpuint (line->len, >=, 5);
  g_assert_cmpstr (g_ptr_array_index (line, line->len - 4), ==, "44.7");
  g_assert_cmpstr (g_ptr_array_index (line, line->len - 5), ==, "10.3");
}

static void
test_practices_usage (void)
{
  g_autoptr(CliRun) run = cli_run ("model", cli_sample_plan (), "--practices", "--compare", "Base", NULL);

  g_assert_cmpint (run->status, ==, 2);
  cli_assert_one_line_error (run, "--practices and --compare cannot be used together");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model-practices/one-figure-everywhere", test_one_figure_everywhere);
  g_test_add_func ("/model-practices/add-up-to-all", test_practices_add_up_to_all);
  g_test_add_func ("/model-practices/baldock-abbey", test_baldock_abbey);
  g_test_add_func ("/model-practices/usage", test_practices_usage);
  return g_test_run ();
}
