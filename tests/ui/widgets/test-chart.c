/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The modelling chart without a display: its figures and words from the
 * sample plan, and the PNG and PDF files it is saved as. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "lp-chart-save.h"
#include "lp-core.h"
#include "lp-modelling-text.h"
#include "lp-test-pdf.h"

static LpChart *
sample_chart (LpPer per)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (g_getenv ("LP_SAMPLE_PLAN"), LP_PLAN_OPEN_READ_ONLY, &error);
  LpModelQuery query = { .per = per };
  g_autoptr(LpModelTable) all = NULL;
  g_autoptr(GPtrArray) localities = NULL;

  g_assert_no_error (error);
  localities = lp_plan_model_localities (plan, &query, &all, &error);
  g_assert_no_error (error);
  return lp_modelling_text_chart (all, localities, "Sample", "Base");
}

static guint
find_category (const LpChart *chart,
               const char    *name)
{
  for (guint i = 0; i < chart->categories->len; i++)
    if (g_strcmp0 (g_ptr_array_index (chart->categories, i), name) == 0)
      return i;
  g_assert_not_reached ();
}

/* Each locality's grand total, rounded as the table rounds it: Lower Lea
 * Valley's is the published 241.5 a month over 3 years. */
static void
test_chart_figures (void)
{
  g_autoptr(LpChart) month = sample_chart (LP_PER_MONTH);
  g_autoptr(LpChart) week = sample_chart (LP_PER_WEEK);
  guint llv = find_category (month, "Lower Lea Valley");

  g_assert_cmpstr (month->title, ==, "Reductions per month by locality");
  g_assert_cmpstr (week->title, ==, "Reductions per week by locality");
  g_assert_true (g_str_has_prefix (month->subtitle, "Sample, scenario “Base”\nPer week = a year / 52;"));
  g_assert_cmpuint (month->categories->len, ==, 6);
  g_assert_cmpuint (month->n_series, ==, 2);
  g_assert_cmpstr (month->series[0], ==, "3 years");
  g_assert_cmpstr (month->series[1], ==, "5 years");
  g_assert_cmpstr (month->panels[0], ==, "Activity");
  g_assert_cmpstr (month->panels[1], ==, "Reduced bed days");
  g_assert_cmpstr (lp_chart_get_label (month, llv, 0, 0), ==, "241.5");
  g_assert_cmpstr (lp_chart_get_label (month, llv, 0, 1), ==, "382.3");
  g_assert_cmpstr (lp_chart_get_label (month, llv, 1, 0), ==, "20.4");
  g_assert_cmpstr (lp_chart_get_label (month, llv, 1, 1), ==, "26.9");
  g_assert_cmpstr (lp_chart_get_label (week, llv, 0, 0), ==, "55.7");
  g_assert_cmpfloat_with_epsilon (lp_chart_get_value (week, llv, 0, 0) * 52,
                                  lp_chart_get_value (month, llv, 0, 0) * 12, 1e-9);
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* A PNG of twice the width asked for, a one-page PDF; a name that is
 * neither is refused, and a folder that is not there leaves no file. */
static void
test_chart_files (void)
{
  g_autoptr(LpChart) chart = sample_chart (LP_PER_MONTH);
  g_autofree char *dir = g_dir_make_tmp ("lp-chart-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.PDF", NULL);
  g_autofree char *missing = g_build_filename (dir, "nowhere", "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (lp_chart_write (chart, png, 760, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &bytes, &length, NULL));
  g_assert_cmpmem (bytes, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (read_be32 ((guchar *) bytes + 16), ==, 1520);   /* IHDR width */
  g_assert_cmpuint (read_be32 ((guchar *) bytes + 20), >, 600);     /* six localities' rows */
  g_clear_pointer (&bytes, g_free);

  g_assert_true (lp_chart_write (chart, pdf, 760, &error));
  lp_test_assert_one_page_pdf (pdf, NULL);

  g_assert_false (lp_chart_write (chart, svg, 760, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "must end in .png or .pdf"));
  g_clear_error (&error);
  g_assert_false (lp_chart_write (chart, missing, 760, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  {
    g_autofree char *expected = g_strdup_printf ("Could not write “%s”: No such file or directory", missing);

    g_assert_cmpstr (error->message, ==, expected);
  }
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* Written again, the PNG replaces the first; no hidden file is left
   * behind (the folder is removed below only if it is empty). */
  g_assert_true (lp_chart_write (chart, png, 380, &error));
  g_assert_true (g_file_get_contents (png, &bytes, &length, NULL));
  g_assert_cmpuint (read_be32 ((guchar *) bytes + 16), ==, 760);

  /* A name of 250 bytes, near the usual limit of 255, still fits. */
  {
    g_autofree char *stem = g_strnfill (246, 'a');
    g_autofree char *base = g_strconcat (stem, ".png", NULL);
    g_autofree char *long_name = g_build_filename (dir, base, NULL);

    g_assert_true (lp_chart_write (chart, long_name, 380, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_unlink (long_name), ==, 0);
  }

  g_assert_cmpint (g_unlink (png), ==, 0);
  g_assert_cmpint (g_unlink (pdf), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_chart_suffix (void)
{
  g_autofree char *a = lp_chart_save_with_suffix ("/tmp/chart", FALSE);
  g_autofree char *b = lp_chart_save_with_suffix ("/tmp/chart", TRUE);
  g_autofree char *c = lp_chart_save_with_suffix ("/tmp/Chart.PNG", TRUE);

  g_assert_cmpstr (a, ==, "/tmp/chart.png");
  g_assert_cmpstr (b, ==, "/tmp/chart.pdf");
  g_assert_cmpstr (c, ==, "/tmp/Chart.PNG");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/figures", test_chart_figures);
  g_test_add_func ("/chart/files", test_chart_files);
  g_test_add_func ("/chart/suffix", test_chart_suffix);
  return g_test_run ();
}
