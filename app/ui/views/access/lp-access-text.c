/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Extended Access view's words, figures and chart (see
 * lp-access-text.h).  Core computes every figure; this file rounds and
 * words them. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lp-access-text.h"

static const char *const month_names[] = {
  N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
  N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
};

static const char *const long_month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

static gboolean
lp_access_text_split (const char *month,
                      int        *year,
                      int        *number)
{
  return month != NULL && sscanf (month, "%4d-%2d", year, number) == 2 && *number >= 1 && *number <= 12;
}

char *
lp_access_text_month (const char *month)
{
  int year, number;

  if (!lp_access_text_split (month, &year, &number))
    return g_strdup (month != NULL ? month : "");
  /* TRANSLATORS: a short month and its year, "Jul 2018" */
  return g_strdup_printf (_("%s %d"), _(month_names[number - 1]), year);
}

static char *
lp_access_text_long_month (const char *month)
{
  int year, number;

  if (!lp_access_text_split (month, &year, &number))
    return g_strdup (month != NULL ? month : "");
  /* TRANSLATORS: a month and its year, "October 2018" */
  return g_strdup_printf (_("%s %d"), _(long_month_names[number - 1]), year);
}

static char *
lp_access_text_percent (gboolean known,
                        double   fraction)
{
  return known ? lp_format_share (fraction) : g_strdup ("–");
}

static char *
lp_access_text_minutes_hours (double minutes)
{
  g_autofree char *figure = lp_format_tenths (minutes);
  g_autofree char *hours = lp_format_tenths (minutes / 60.0);

  /* TRANSLATORS: minutes a week, then the same in hours: "2,274.8 (37.9 h)" */
  return g_strdup_printf (_("%s (%s h)"), figure, hours);
}

static void
lp_access_text_month_free (gpointer data)
{
  LpAccessTextMonth *month = data;

  g_free (month->month);
  g_free (month->target);
  g_free (month->target_label);
  g_free (month->target_from);
  g_free (month->planned);
  g_free (month->actual);
  g_free (month->gap);
  g_free (month->required);
  g_free (month->offered);
  g_free (month);
}

void
lp_access_text_capacity_free (gpointer data)
{
  LpAccessTextCapacity *capacity = data;

  g_free (capacity->locality);
  g_free (capacity->population);
  g_free (capacity->required);
  g_free (capacity->offered);
  g_free (capacity->difference);
  g_free (capacity);
}

void
lp_access_text_practice_free (gpointer data)
{
  LpAccessTextPractice *practice = data;

  g_free (practice->code);
  g_free (practice->name);
  g_free (practice->list_size);
  g_free (practice->go_live);
  g_free (practice->level);
  g_free (practice->offered);
  g_free (practice->required);
  g_free (practice->end_date);
  g_free (practice->plan_level);
  g_free (practice->plan_minutes);
  g_free (practice);
}

gpointer
lp_access_text_capacity_copy (gconstpointer data)
{
  const LpAccessTextCapacity *capacity = data;
  LpAccessTextCapacity *copy = g_new0 (LpAccessTextCapacity, 1);

  copy->locality = g_strdup (capacity->locality);
  copy->population = g_strdup (capacity->population);
  copy->required = g_strdup (capacity->required);
  copy->offered = g_strdup (capacity->offered);
  copy->difference = g_strdup (capacity->difference);
  copy->shortfall = capacity->shortfall;
  return copy;
}

gboolean
lp_access_text_capacity_equal (gconstpointer a,
                               gconstpointer b)
{
  const LpAccessTextCapacity *x = a, *y = b;

  return g_strcmp0 (x->locality, y->locality) == 0 && g_strcmp0 (x->population, y->population) == 0 &&
         g_strcmp0 (x->required, y->required) == 0 && g_strcmp0 (x->offered, y->offered) == 0 &&
         g_strcmp0 (x->difference, y->difference) == 0 && x->shortfall == y->shortfall;
}

gpointer
lp_access_text_practice_copy (gconstpointer data)
{
  const LpAccessTextPractice *practice = data;
  LpAccessTextPractice *copy = g_new0 (LpAccessTextPractice, 1);

  copy->practice_id = practice->practice_id;
  copy->code = g_strdup (practice->code);
  copy->name = g_strdup (practice->name);
  copy->list_size = g_strdup (practice->list_size);
  copy->go_live = g_strdup (practice->go_live);
  copy->level = g_strdup (practice->level);
  copy->offered = g_strdup (practice->offered);
  copy->required = g_strdup (practice->required);
  copy->shortfall = practice->shortfall;
  copy->end_date = g_strdup (practice->end_date);
  copy->plan_level = g_strdup (practice->plan_level);
  copy->plan_minutes = g_strdup (practice->plan_minutes);
  return copy;
}

gboolean
lp_access_text_practice_equal (gconstpointer a,
                               gconstpointer b)
{
  const LpAccessTextPractice *x = a, *y = b;

  return x->practice_id == y->practice_id && g_strcmp0 (x->code, y->code) == 0 &&
         g_strcmp0 (x->name, y->name) == 0 && g_strcmp0 (x->list_size, y->list_size) == 0 &&
         g_strcmp0 (x->go_live, y->go_live) == 0 && g_strcmp0 (x->level, y->level) == 0 &&
         g_strcmp0 (x->offered, y->offered) == 0 && g_strcmp0 (x->required, y->required) == 0 &&
         x->shortfall == y->shortfall && g_strcmp0 (x->end_date, y->end_date) == 0 &&
         g_strcmp0 (x->plan_level, y->plan_level) == 0 && g_strcmp0 (x->plan_minutes, y->plan_minutes) == 0;
}

static LpAccessTextMonth *
lp_access_text_month_row (const LpAccessMonth *month)
{
  LpAccessTextMonth *row = g_new0 (LpAccessTextMonth, 1);

  row->month = lp_access_text_month (month->month);
  row->target = lp_access_text_percent (month->has_target, month->target);
  row->target_label = g_strdup (month->target_label);
  row->target_from = month->has_target ? lp_access_text_month (month->target_from) : g_strdup ("–");
  row->planned = lp_access_text_percent (TRUE, month->planned);
  row->actual = lp_access_text_percent (month->has_actual, month->actual);
  row->gap = month->behind ? lp_format_tenths (month->gap * 100.0) : g_strdup ("–");
  row->required = lp_format_tenths (month->required_minutes);
  row->offered = lp_format_count (month->offered_minutes);
  row->behind = month->behind;
  return row;
}

static LpAccessTextCapacity *
lp_access_text_capacity_row (const LpAccessCapacity *capacity)
{
  LpAccessTextCapacity *row = g_new0 (LpAccessTextCapacity, 1);
  double difference = (double) capacity->offered_minutes - capacity->required_minutes;
  g_autofree char *magnitude = lp_format_tenths (fabs (difference));

  row->locality = g_strdup (capacity->name);
  row->population = lp_format_count (capacity->population);
  row->required = lp_access_text_minutes_hours (capacity->required_minutes);
  row->offered = lp_access_text_minutes_hours ((double) capacity->offered_minutes);
  row->shortfall = difference < -1e-9;
  row->difference = g_strconcat (row->shortfall ? "-" : "+", magnitude, NULL);
  return row;
}

static const char *
lp_access_text_level (const char *level)
{
  if (g_strcmp0 (level, "full") == 0)
    return _("Full");
  if (g_strcmp0 (level, "partial") == 0)
    return _("Partial");
  if (g_strcmp0 (level, "none") == 0)
    return _("None");
  return "–";
}

static LpAccessTextPractice *
lp_access_text_practice_row (const LpAccessPractice *practice)
{
  LpAccessTextPractice *row = g_new0 (LpAccessTextPractice, 1);

  row->practice_id = practice->practice_id;
  row->code = g_strdup (practice->ods_code);
  row->name = g_strdup (practice->name);
  row->list_size = practice->list_size >= 0 ? lp_format_count (practice->list_size) : g_strdup ("–");
  row->go_live = practice->go_live != NULL ? lp_format_date (practice->go_live) : g_strdup ("");
  row->level = g_strdup (lp_access_text_level (practice->level));
  row->offered = lp_format_count (practice->offered_minutes);
  row->required = lp_format_tenths (practice->required_minutes);
  row->shortfall = practice->shortfall;
  row->end_date = practice->end_date != NULL ? lp_format_date (practice->end_date) : g_strdup ("");
  row->plan_level = g_strdup (practice->plan_level != NULL ? lp_access_text_level (practice->plan_level) : "");
  row->plan_minutes = practice->plan_level != NULL ? lp_format_count (practice->plan_minutes) : g_strdup ("");
  return row;
}

char *
lp_access_text_applies_from (LpPlan     *plan,
                             const char *period)
{
  g_autofree char *first_day = lp_plan_read_access_period (plan, period, NULL);

  return first_day != NULL ? lp_access_text_long_month (first_day) : NULL;
}

char *
lp_access_text_percent_typed (gint64 target_bp)
{
  char *text = lp_format_percent_bp (target_bp);

  if (g_str_has_suffix (text, "%"))
    text[strlen (text) - 1] = '\0';
  return text;
}

static void
lp_access_text_target_free (gpointer data)
{
  LpAccessTextTarget *target = data;

  g_free (target->period);
  g_free (target->target);
  g_free (target->from);
  g_free (target);
}

/**
 * lp_access_text_targets:
 *
 * Returns: (transfer full) (element-type LpAccessTextTarget): by month
 */
GPtrArray *
lp_access_text_targets (GPtrArray *targets)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (lp_access_text_target_free);

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      const LpAccessTargetRow *target = g_ptr_array_index (targets, i);
      LpAccessTextTarget *row = g_new0 (LpAccessTextTarget, 1);
      g_autofree char *month = lp_access_text_long_month (target->month);

      row->id = target->id;
      row->period = g_strdup (target->period);
      row->target = lp_format_percent_bp (target->target_bp);
      /* TRANSLATORS: the month a trajectory target applies from, "from July 2018" */
      row->from = g_strdup_printf (_("from %s"), month);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static void
lp_access_text_rule_free (gpointer data)
{
  LpAccessTextRule *rule = data;

  g_free (rule->name);
  g_free (rule->detail);
  g_free (rule->start);
  g_free (rule->minutes);
  g_free (rule);
}

/**
 * lp_access_text_rules:
 *
 * Returns: (transfer full) (element-type LpAccessTextRule): by start
 */
GPtrArray *
lp_access_text_rules (GPtrArray *rules)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (lp_access_text_rule_free);

  for (guint i = 0; rules != NULL && i < rules->len; i++)
    {
      const LpCapacityRuleRow *rule = g_ptr_array_index (rules, i);
      LpAccessTextRule *row = g_new0 (LpAccessTextRule, 1);

      row->id = rule->id;
      row->name = g_strdup (rule->name);
      row->start = lp_format_date (rule->start_date);
      row->minutes = lp_format_shortest (rule->minutes_per_1000);
      row->detail = g_strdup_printf (rule->round_to_quarter_hour
                                     /* TRANSLATORS: a capacity rule: its minutes and its start date */
                                     ? _("%s minutes a week per 1,000 patients from %s, rounded to the quarter hour")
                                     : _("%s minutes a week per 1,000 patients from %s"),
                                     row->minutes, row->start);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

const char *
lp_access_text_as_at_month (const LpAccessTable *table,
                            const char          *reference_date)
{
  const LpAccessMonth *last;

  g_return_val_if_fail (table != NULL && table->months->len > 0, NULL);

  last = g_ptr_array_index (table->months, table->months->len - 1);
  for (guint i = 0; reference_date != NULL && i < table->months->len; i++)
    {
      const LpAccessMonth *month = g_ptr_array_index (table->months, i);

      if (strncmp (month->month, reference_date, 7) == 0)
        return month->month;
    }
  return last->month;
}

/* The series: target (dashed), planned, actual; a month with no figure
 * is a gap in its line.  Behind-trajectory months are shaded. */
static LpChart *
lp_access_text_chart (const LpAccessTable *table,
                      const char          *locality)
{
  LpChart *chart = lp_chart_new (3, 1);

  chart->kind = LP_CHART_LINES;
  chart->maximum = 100;
  chart->unit = g_strdup ("%");
  chart->target_steps = TRUE;
  /* TRANSLATORS: the chart's title; %s is a locality, or all of them */
  chart->title = g_strdup_printf (_("Extended access coverage: %s"), locality);
  chart->series[0] = g_strdup (_("Target"));
  chart->series[1] = g_strdup (_("Planned"));
  chart->series[2] = g_strdup (_("Actual"));
  chart->marked_label = g_strdup (_("Behind the trajectory"));
  for (guint i = 0; i < table->months->len; i++)
    {
      const LpAccessMonth *month = g_ptr_array_index (table->months, i);
      double values[3] = { month->has_target ? month->target * 100 : NAN, month->planned * 100,
                           month->has_actual ? month->actual * 100 : NAN };
      const char *labels[3] = { "", "", "" };
      g_autofree char *name = lp_access_text_month (month->month);
      int year, number;

      lp_chart_add_category (chart, name, values, labels);
      lp_chart_mark_last (chart, month->behind);
      if (lp_access_text_split (month->month, &year, &number) && number == 4)
        {
          g_autofree char *section = g_strdup_printf ("%d/%02d", year, (year + 1) % 100);

          lp_chart_section_last (chart, section);
        }
    }
  return chart;
}

static char *
lp_access_text_summary (const LpAccessTable *table,
                        const char          *locality)
{
  const LpAccessMonth *last = g_ptr_array_index (table->months, table->months->len - 1);
  g_autofree char *population = lp_format_count (last->population);
  const char *full = NULL;

  for (guint i = 0; i < table->months->len && full == NULL; i++)
    if (((LpAccessMonth *) g_ptr_array_index (table->months, i))->planned >= 1.0 - 1e-12)
      full = ((LpAccessMonth *) g_ptr_array_index (table->months, i))->month;
  if (full != NULL)
    {
      g_autofree char *when = lp_access_text_long_month (full);

      /* TRANSLATORS: "Lower Lea Valley: 75,825 registered patients; all covered by the plan from October 2018" */
      return g_strdup_printf (_("%s: %s registered patients; all covered by the plan from %s"),
                              locality, population, when);
    }
  return g_strdup_printf (_("%s: %s registered patients; the plan does not yet cover them all"),
                          locality, population);
}

/* Each target with the month it applies from and the plan's own words,
 * so that a quarter's target is not taken to start at the quarter's end. */
static char *
lp_access_text_trajectory (const LpAccessTable *table)
{
  g_autoptr(GString) points = g_string_new (NULL);

  for (guint i = 0; i < table->targets->len; i++)
    {
      const LpAccessTarget *target = g_ptr_array_index (table->targets, i);
      g_autofree char *share = lp_format_share (target->target);
      g_autofree char *when = lp_access_text_long_month (target->month);
      g_autofree char *point = NULL;

      if (target->label != NULL)
        /* TRANSLATORS: a target and when it applies: "100.0% from October 2018 (2018/19 Q3)" */
        point = g_strdup_printf (_("%s from %s (%s)"), share, when, target->label);
      else
        /* TRANSLATORS: a target and when it applies: "100.0% from October 2018" */
        point = g_strdup_printf (_("%s from %s"), share, when);
      if (i > 0)
        /* TRANSLATORS: between two targets of the trajectory */
        g_string_append (points, _("; "));
      g_string_append (points, point);
    }
  if (table->targets->len == 0)
    return g_strdup (_("No coverage trajectory"));
  return g_strdup_printf (table->own_trajectory
                          /* TRANSLATORS: %s lists the targets, "21.0% from January 2018 (2017/18 Q4); …" */
                          ? _("The locality’s own trajectory: %s")
                          /* TRANSLATORS: %s lists the targets, "21.0% from January 2018 (2017/18 Q4); …" */
                          : _("The plan’s trajectory: %s"), points->str);
}

static char *
lp_access_text_basis (const LpAccessTable *table,
                      const char          *as_at_month,
                      gboolean             partial_counts,
                      const char          *trajectory)
{
  const LpAccessMonth *as_at = NULL;
  g_autofree char *extract = NULL;
  g_autofree char *when = lp_access_text_long_month (as_at_month);

  for (guint i = 0; i < table->months->len; i++)
    if (g_strcmp0 (((LpAccessMonth *) g_ptr_array_index (table->months, i))->month, as_at_month) == 0)
      as_at = g_ptr_array_index (table->months, i);
  extract = as_at != NULL && as_at->extract_date != NULL ? lp_format_date (as_at->extract_date) : g_strdup ("–");
  /* TRANSLATORS: what counts as covered, the list-size extract, and the capacity rule */
  return g_strdup_printf (_("Covered: %s. A month counts a practice live on its last day. "
                            "List sizes from the extract nearest before each month (%s in %s). "
                            "Capacity rule: %s. %s."),
                          partial_counts ? _("full and partial access") : _("full access only"),
                          extract, when,
                          as_at != NULL && as_at->rule != NULL ? as_at->rule : _("none"),
                          trajectory);
}

void
lp_access_text_build (const LpAccessTable *table,
                      GPtrArray           *capacity,
                      GPtrArray           *practices,
                      const char          *locality,
                      const char          *as_at_month,
                      gboolean             partial_counts,
                      LpAccessText        *text)
{
  g_autofree char *as_at = lp_access_text_long_month (as_at_month);

  g_return_if_fail (table != NULL && table->months->len > 0 && text != NULL);

  memset (text, 0, sizeof *text);
  text->months = g_ptr_array_new_with_free_func (lp_access_text_month_free);
  text->capacity = g_ptr_array_new_with_free_func (lp_access_text_capacity_free);
  text->practices = g_ptr_array_new_with_free_func (lp_access_text_practice_free);
  text->summary = lp_access_text_summary (table, locality);
  text->trajectory = lp_access_text_trajectory (table);
  text->basis = lp_access_text_basis (table, as_at_month, partial_counts, text->trajectory);
  /* TRANSLATORS: %s is a month, "October 2018" */
  text->as_at = g_strdup_printf (_("Capacity and practices as at %s"), as_at);
  for (guint i = 0; i < table->months->len; i++)
    {
      LpAccessTextMonth *row = lp_access_text_month_row (g_ptr_array_index (table->months, i));

      text->n_behind += row->behind;
      g_ptr_array_add (text->months, row);
    }
  for (guint i = 0; capacity != NULL && i < capacity->len; i++)
    g_ptr_array_add (text->capacity, lp_access_text_capacity_row (g_ptr_array_index (capacity, i)));
  for (guint i = 0; practices != NULL && i < practices->len; i++)
    g_ptr_array_add (text->practices, lp_access_text_practice_row (g_ptr_array_index (practices, i)));
  text->chart = lp_access_text_chart (table, locality);
}

void
lp_access_text_clear (LpAccessText *text)
{
  g_clear_pointer (&text->summary, g_free);
  g_clear_pointer (&text->basis, g_free);
  g_clear_pointer (&text->trajectory, g_free);
  g_clear_pointer (&text->as_at, g_free);
  g_clear_pointer (&text->months, g_ptr_array_unref);
  g_clear_pointer (&text->capacity, g_ptr_array_unref);
  g_clear_pointer (&text->practices, g_ptr_array_unref);
  g_clear_pointer (&text->chart, lp_chart_free);
}

/**
 * lp_access_text_trajectory_scope:
 * @locality: (nullable): the locality shown, or %NULL for the whole plan
 * @own: whether the list holds the locality's own trajectory
 *
 * Returns: (transfer full): what the trajectory's list is, in a sentence
 */
char *
lp_access_text_trajectory_scope (const char *locality,
                                 gboolean    own)
{
  if (locality == NULL)
    return g_strdup (_("The plan’s trajectory, for every locality without one of its own."));
  if (own)
    /* TRANSLATORS: %s is a locality's name */
    return g_strdup_printf (_("%s has its own trajectory, in place of the plan’s."), locality);
  /* TRANSLATORS: %s is a locality's name */
  return g_strdup_printf (_("%s follows the plan’s trajectory, below."), locality);
}

/**
 * lp_access_text_own_trajectory_button:
 *
 * Returns: (transfer full): "Give Stevenage Its Own Trajectory…"
 */
char *
lp_access_text_own_trajectory_button (const char *locality)
{
  /* TRANSLATORS: a button; %s is a locality's name */
  return g_strdup_printf (_("_Give %s Its Own Trajectory…"), locality);
}
