/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Activity Plan view's words and figures without a display
 * (lp-activity-text.c): a plan made by hand, the sample's published QIPP
 * totals, and how a typed forecast outturn is read. */
#include "config.h"


#include "lp-activity-text.h"
#include "lp-core.h"

static LpActivityLine *
make_line (const char *code,
           const char *name,
           double      baseline,
           gint64      growth_bp,
           gboolean    growth_set,
           double      qipp,
           double      plan,
           double      without_qipp)
{
  LpActivityLine *line = g_new0 (LpActivityLine, 1);

  line->code = g_strdup (code);
  line->name = g_strdup (name);
  line->unit = g_strdup ("admissions");
  line->baseline = baseline;
  /* In these hand-made lines a baseline of 0 stands for none given. */
  line->baseline_set = baseline > 0;
  line->growth_bp = growth_bp;
  line->growth_set = growth_set;
  line->qipp = qipp;
  line->plan = plan;
  line->without_qipp = without_qipp;
  for (int m = 0; m < 12; m++)
    line->per_month[m] = plan / 12;
  line->per_week = plan / 52;
  return line;
}

static void
line_free (gpointer data)
{
  LpActivityLine *line = data;

  g_free (line->code);
  g_free (line->name);
  g_free (line->unit);
  g_free (line);
}

/* Two programmes by two points of delivery; one cell saves nothing. */
static LpQippTable *
make_qipp (void)
{
  LpQippTable *qipp = g_new0 (LpQippTable, 1);
  gint64 savings[] = { 1000, 0, 250000, 12 };
  gint64 totals[] = { 1000, 250012 };

  qipp->n_pods = 2;
  qipp->pod_codes[0] = g_strdup ("AE");
  qipp->pod_names[0] = g_strdup ("A&E");
  qipp->pod_codes[1] = g_strdup ("NEL");
  qipp->pod_names[1] = g_strdup ("Non-elective");
  qipp->programmes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (qipp->programmes, g_strdup ("Frailty"));
  g_ptr_array_add (qipp->programmes, g_strdup ("Right Care"));
  qipp->programme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (qipp->programme_ids, (gint64[]) { 101, 102 }, 2);
  qipp->savings = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (qipp->savings, savings, G_N_ELEMENTS (savings));
  qipp->activity = g_array_new (FALSE, FALSE, sizeof (double));
  qipp->programme_totals = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (qipp->programme_totals, totals, G_N_ELEMENTS (totals));
  qipp->pod_totals[0] = 251000;
  qipp->pod_totals[1] = 12;
  qipp->total = 251012;
  return qipp;
}

static void
assert_hand_lines (const LpActivityText *text)
{
  const LpActivityTextLine *line = g_ptr_array_index (text->lines, 0);

  g_assert_cmpstr (line->name, ==, "Total Elective Admissions");
  g_assert_cmpstr (line->tooltip, ==, "Counted in admissions");
  g_assert_cmpstr (line->growth, ==, "3.5%");
  g_assert_cmpstr (line->growth_field, ==, "Growth for Total Elective Admissions");
  g_assert_cmpstr (line->baseline, ==, "12,000.0");
  g_assert_cmpstr (line->qipp, ==, "20.0");
  /* 12,000 x 1.035 with the QIPP inside it; 12,420 + 20 without. */
  g_assert_cmpstr (line->plan, ==, "12,420.0");
  g_assert_cmpstr (line->without_qipp, ==, "12,440.0");
  g_assert_cmpstr (line->per_month, ==, "1,035.0");
  g_assert_cmpstr (line->per_week, ==, "238.8");
  /* No forecast outturn: no plan, whatever the growth and QIPP, and no
   * figure without QIPP made of the QIPP alone. */
  line = g_ptr_array_index (text->lines, 1);
  g_assert_cmpstr (line->growth, ==, "-2.9%");
  g_assert_cmpstr (line->baseline, ==, "");
  g_assert_cmpstr (line->baseline_field, ==, "Forecast outturn for Total Non-Elective Admissions - +1 LoS");
  g_assert_cmpstr (line->qipp, ==, "1,494.0");
  g_assert_cmpstr (line->plan, ==, "–");
  g_assert_cmpstr (line->without_qipp, ==, "–");
  g_assert_cmpstr (line->per_month, ==, "–");
  g_assert_cmpstr (line->per_week, ==, "–");
  /* No rate stated and no programme against it. */
  line = g_ptr_array_index (text->lines, 2);
  g_assert_cmpstr (line->growth, ==, "");
  g_assert_cmpstr (line->qipp, ==, "–");
}

static void
test_activity_text_hand (void)
{
  LpActivityPlan plan = { (char *) "2018/19", FALSE, g_ptr_array_new_with_free_func (line_free) };
  g_autoptr(LpQippTable) qipp = make_qipp ();
  g_auto(LpActivityText) text = { 0, };
  const LpActivityTextProgramme *programme;

  g_ptr_array_add (plan.lines, make_line ("EL_TOTAL", "Total Elective Admissions", 12000, 350, TRUE,
                                          20, 12420, 12440));
  g_ptr_array_add (plan.lines, make_line ("NEL_1LOS", "Total Non-Elective Admissions - +1 LoS",
                                          0, -290, TRUE, 1494, 0, 1494));
  g_ptr_array_add (plan.lines, make_line ("RTT_NEW", "New RTT pathways", 0, 0, FALSE, 0, 0, 0));
  lp_activity_text_build (&plan, qipp, &text);
  g_ptr_array_unref (plan.lines);

  g_assert_cmpstr (text.summary, ==, "2018/19, base scenario: 3 activity lines");
  g_assert_cmpstr (text.month_heading, ==, "Per month");
  g_assert_true (g_str_has_suffix (text.convention, "Per month = a year / 12; per week = a year / 52."));
  g_assert_true (g_str_has_prefix (text.convention, "Plan = forecast outturn × (1 + growth): the growth is net "
                                                    "of QIPP. Without QIPP = plan + QIPP"));
  g_assert_true (text.has_baseline);
  g_assert_cmpuint (text.lines->len, ==, 3);
  assert_hand_lines (&text);

  g_assert_cmpuint (text.n_pods, ==, 2);
  g_assert_cmpstr (text.pods[1], ==, "Non-elective");
  programme = g_ptr_array_index (text.programmes, 0);
  g_assert_cmpint (programme->id, ==, 101);
  g_assert_cmpstr (programme->cells[0], ==, "£1,000");
  g_assert_cmpstr (programme->cells[1], ==, "–");
  g_assert_cmpstr (programme->total, ==, "£1,000");
  programme = g_ptr_array_index (text.programmes, 1);
  g_assert_cmpstr (programme->cells[1], ==, "£12");
  g_assert_cmpstr (text.pod_totals[0], ==, "£251,000");
  g_assert_cmpstr (text.total, ==, "£251,012");
}

static const LpActivityTextLine *
find_line (const LpActivityText *text,
           const char           *code)
{
  for (guint i = 0; i < text->lines->len; i++)
    if (g_str_equal (((LpActivityTextLine *) g_ptr_array_index (text->lines, i))->code, code))
      return g_ptr_array_index (text->lines, i);
  g_error ("no line %s", code);
}

/* The sample plan as the view would show it. */
static void
build_sample (LpActivityText *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = lp_plan_open (g_getenv ("LP_SAMPLE_PLAN"), LP_PLAN_OPEN_READ_ONLY, &error);
  g_autoptr(LpActivityPlan) activity = NULL;
  g_autoptr(LpQippTable) qipp = NULL;

  g_assert_no_error (error);
  activity = lp_plan_activity_plan (plan, 0, "2018/19", &error);
  g_assert_no_error (error);
  qipp = lp_plan_qipp_table (plan, 0, "2018/19", &error);
  g_assert_no_error (error);
  lp_activity_text_build (activity, qipp, text);
}

/* The sample's 15 published growth rates, and no forecast outturn yet. */
static void
test_activity_text_sample_lines (void)
{
  g_auto(LpActivityText) text = { 0, };

  build_sample (&text);
  g_assert_cmpuint (text.lines->len, ==, 15);
  g_assert_false (text.has_baseline);
  g_assert_cmpstr (find_line (&text, "NEL_0LOS")->name, ==, "Total Non-Elective Admissions - 0 LoS");
  g_assert_cmpstr (find_line (&text, "NEL_0LOS")->growth, ==, "13.3%");
  g_assert_cmpstr (find_line (&text, "NEL_1LOS")->growth, ==, "-2.9%");
  g_assert_cmpstr (find_line (&text, "EL_TOTAL")->qipp, ==, "1,185.0");
  g_assert_cmpstr (find_line (&text, "EL_TOTAL")->plan, ==, "–");
  g_assert_cmpstr (find_line (&text, "EL_TOTAL")->without_qipp, ==, "–");
}

/* The sample's QIPP totals as the CCG published them. */
static void
test_activity_text_sample_qipp (void)
{
  g_auto(LpActivityText) text = { 0, };
  const LpActivityTextProgramme *frailty = NULL;

  build_sample (&text);
  g_assert_cmpuint (text.n_pods, ==, 8);
  g_assert_cmpstr (text.pods[0], ==, "A&E");
  g_assert_cmpstr (text.pod_totals[0], ==, "£2,792,121");
  g_assert_cmpstr (text.total, ==, "£15,223,243");
  for (guint p = 0; p < text.programmes->len && frailty == NULL; p++)
    if (g_str_has_prefix (((LpActivityTextProgramme *) g_ptr_array_index (text.programmes, p))->name, "Frailty"))
      frailty = g_ptr_array_index (text.programmes, p);
  g_assert_nonnull (frailty);
  g_assert_cmpstr (frailty->total, ==, "£3,600,590");
  g_assert_cmpstr (frailty->cells[0], ==, "–");
}

/* The same lines again: the view keeps its rows; one fewer, it does not. */
static void
test_activity_text_same_lines (void)
{
  g_auto(LpActivityText) text = { 0, }, again = { 0, }, none = { 0, };

  build_sample (&text);
  build_sample (&again);
  g_assert_true (lp_activity_text_same_lines (&text, &again));
  g_assert_false (lp_activity_text_same_lines (&none, &again));
  g_ptr_array_remove_index (again.lines, 14);
  g_assert_false (lp_activity_text_same_lines (&text, &again));
}

/* A locality's lines: its own rate shown, the line's dimmed where it has
 * none, no QIPP of its own; and the whole plan's line made of six
 * localities', said so, its outturn locked with the reason. */
static void
test_activity_text_locality (void)
{
  LpActivityPlan stevenage = { (char *) "2018/19", FALSE, g_ptr_array_new_with_free_func (line_free), 5,
                               (char *) "Stevenage" };
  LpActivityPlan whole = { (char *) "2018/19", FALSE, g_ptr_array_new_with_free_func (line_free), 0, NULL };
  g_autoptr(LpQippTable) qipp = make_qipp ();
  g_auto(LpActivityText) text = { 0, };
  g_auto(LpActivityText) sum = { 0, };
  LpActivityLine *own;
  const LpActivityTextLine *line;

  g_ptr_array_add (stevenage.lines, make_line ("EL_TOTAL", "Total Elective Admissions", 30000, 350, TRUE,
                                               0, 31050, 31050));
  own = make_line ("NEL_TOTAL", "Total Non-Elective Admissions", 20000, 200, TRUE, 0, 20400, 20400);
  own->growth_own = TRUE;
  g_ptr_array_add (stevenage.lines, own);
  lp_activity_text_build (&stevenage, qipp, &text);
  g_assert_cmpint (text.locality_id, ==, 5);
  g_assert_cmpstr (text.summary, ==, "Stevenage, 2018/19, base scenario: 2 activity lines");
  line = g_ptr_array_index (text.lines, 0);
  g_assert_cmpstr (line->growth, ==, "");
  g_assert_cmpstr (line->growth_placeholder, ==, "3.5%");
  g_assert_cmpstr (line->growth_tooltip, ==, "The whole plan’s rate; type one for Stevenage alone");
  g_assert_cmpstr (line->growth_field, ==, "Growth for Total Elective Admissions in Stevenage");
  g_assert_cmpstr (line->baseline_field, ==, "Forecast outturn for Total Elective Admissions in Stevenage");
  g_assert_cmpstr (line->baseline, ==, "30,000.0");
  g_assert_false (line->baseline_locked);
  g_assert_cmpstr (line->qipp, ==, "–");
  g_assert_cmpstr (line->plan, ==, "31,050.0");
  g_assert_cmpstr (line->without_qipp, ==, "–");
  g_assert_null (line->note);
  line = g_ptr_array_index (text.lines, 1);
  g_assert_cmpstr (line->growth, ==, "2.0%");
  g_assert_cmpstr (line->growth_placeholder, ==, "–");

  own = make_line ("EL_TOTAL", "Total Elective Admissions", 50000, 350, TRUE, 1185, 51450, 52635);
  own->held_by_locality = TRUE;
  own->n_localities = 6;
  g_ptr_array_add (whole.lines, own);
  lp_activity_text_build (&whole, qipp, &sum);
  line = g_ptr_array_index (sum.lines, 0);
  g_assert_cmpstr (line->note, ==, "Sum of 6 localities");
  g_assert_true (line->baseline_locked);
  g_assert_cmpstr (line->baseline, ==, "50,000.0");
  g_assert_cmpstr (line->growth, ==, "3.5%");
  g_assert_cmpstr (line->plan, ==, "51,450.0");
  g_assert_cmpstr (line->per_month, ==, "4,287.5");
  g_assert_cmpstr (line->per_week, ==, "989.4");
  g_assert_cmpstr (line->without_qipp, ==, "52,635.0");
  g_assert_nonnull (line->baseline_tooltip);
  /* Another locality's lines are new rows, not new words in old ones. */
  g_assert_false (lp_activity_text_same_lines (&text, &sum));
  g_ptr_array_unref (stevenage.lines);
  g_ptr_array_unref (whole.lines);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/activity-text/hand", test_activity_text_hand);
  g_test_add_func ("/activity-text/sample-lines", test_activity_text_sample_lines);
  g_test_add_func ("/activity-text/sample-qipp", test_activity_text_sample_qipp);
  g_test_add_func ("/activity-text/same-lines", test_activity_text_same_lines);
  g_test_add_func ("/activity-text/locality", test_activity_text_locality);
  return g_test_run ();
}
