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

static char *lp_access_text_base (const char *base);

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
  g_free (month->standard);
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
  row->pcn = month->pcn_rule;
  row->standard = month->pcn_rule ? lp_format_count (month->standard_minutes) : g_strdup ("–");
  if (month->pcn_rule)
    {
      /* Coverage of practices is counted only while a practice rule applies. */
      g_free (row->target);
      g_free (row->target_from);
      g_free (row->planned);
      g_free (row->actual);
      g_free (row->gap);
      row->target = g_strdup ("–");
      row->target_from = g_strdup ("–");
      row->planned = g_strdup ("–");
      row->actual = g_strdup ("–");
      row->gap = g_strdup ("–");
    }
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
      if (rule->per_pcn)
        {
          g_autofree char *base = lp_access_text_base (rule->population_base);

          row->detail = g_strdup_printf (rule->round_to_quarter_hour
                                         /* TRANSLATORS: a capacity rule per primary care network: its minutes,
                                          * its population base and its start date */
                                         ? _("%s minutes a week per 1,000 of %s from %s, per primary care network, "
                                             "rounded to the quarter hour")
                                         : _("%s minutes a week per 1,000 of %s from %s, per primary care network"),
                                         row->minutes, base, row->start);
        }
      else
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
      /* Months under a network rule have no coverage: gaps in the lines. */
      double values[3] = { month->has_target && !month->pcn_rule ? month->target * 100 : NAN,
                           month->pcn_rule ? NAN : month->planned * 100,
                           month->has_actual && !month->pcn_rule ? month->actual * 100 : NAN };
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

static gboolean
lp_access_text_pcn_month (const LpAccessTable *table,
                          const char          *month)
{
  for (guint i = 0; i < table->months->len; i++)
    {
      const LpAccessMonth *candidate = g_ptr_array_index (table->months, i);

      if (g_strcmp0 (candidate->month, month) == 0)
        return candidate->pcn_rule;
    }
  return FALSE;
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
      text->has_pcn_months |= row->pcn;
      g_ptr_array_add (text->months, row);
    }
  for (guint i = 0; capacity != NULL && i < capacity->len; i++)
    g_ptr_array_add (text->capacity, lp_access_text_capacity_row (g_ptr_array_index (capacity, i)));
  for (guint i = 0; practices != NULL && i < practices->len; i++)
    {
      LpAccessTextPractice *row = lp_access_text_practice_row (g_ptr_array_index (practices, i));

      /* A rule per network requires nothing of a practice alone. */
      if (lp_access_text_pcn_month (table, as_at_month))
        {
          g_free (row->required);
          row->required = g_strdup ("–");
        }
      g_ptr_array_add (text->practices, row);
    }
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

/* ---- Enhanced access per primary care network --------------------------- */

void
lp_access_text_pcn_free (gpointer data)
{
  LpAccessTextPcn *pcn = data;

  g_free (pcn->code);
  g_free (pcn->name);
  g_free (pcn->population);
  g_free (pcn->share);
  g_free (pcn->required);
  g_free (pcn->offered);
  g_free (pcn->standard);
  g_free (pcn->difference);
  g_free (pcn);
}

void
lp_access_text_pcn_locality_free (gpointer data)
{
  LpAccessTextPcnLocality *locality = data;

  g_free (locality->locality);
  g_free (locality->population);
  g_free (locality->required);
  g_free (locality->offered);
  g_free (locality->standard);
  g_free (locality->difference);
  g_free (locality);
}

static void
lp_access_text_session_free (gpointer data)
{
  LpAccessTextSession *session = data;

  g_free (session->pcn_code);
  g_free (session->title);
  g_free (session->detail);
  g_free (session);
}

void
lp_access_text_pcn_clear (LpAccessTextPcnMonth *text)
{
  g_clear_pointer (&text->heading, g_free);
  g_clear_pointer (&text->month, g_free);
  g_clear_pointer (&text->basis, g_free);
  g_clear_pointer (&text->pcns, g_ptr_array_unref);
  g_clear_pointer (&text->localities, g_ptr_array_unref);
}

static char *
lp_access_text_difference (double offered,
                           double required,
                           gboolean *shortfall)
{
  double difference = offered - required;
  g_autofree char *magnitude = lp_format_tenths (fabs (difference));

  /* A thousandth of a minute is below what anyone reads. */
  *shortfall = difference < -1e-3;
  return g_strconcat (*shortfall ? "-" : "+", magnitude, NULL);
}

/* "PCN adjusted population" for "weighted PCN adjusted", "registered
 * patients" for "registered". */
static char *
lp_access_text_base (const char *base)
{
  if (base != NULL && g_str_has_prefix (base, "weighted "))
    /* TRANSLATORS: a population base: the weights' own name, "PCN adjusted" */
    return g_strdup_printf (_("the weighted population “%s”"), base + strlen ("weighted "));
  return g_strdup (_("registered patients"));
}

/**
 * lp_access_text_pcn_build:
 * @locality: the locality shown, or %NULL for all
 */
void
lp_access_text_pcn_build (const LpPcnAccess    *access,
                          const char           *locality,
                          LpAccessTextPcnMonth *text)
{
  g_autofree char *month = lp_access_text_long_month (access->month);
  g_autofree char *base = lp_access_text_base (access->base);
  g_autofree char *minutes = lp_format_shortest (access->minutes_per_1000);

  memset (text, 0, sizeof *text);
  text->pcns = g_ptr_array_new_with_free_func (lp_access_text_pcn_free);
  text->localities = g_ptr_array_new_with_free_func (lp_access_text_pcn_locality_free);
  /* TRANSLATORS: a heading; %s is a month, "October 2022" */
  text->heading = g_strdup_printf (_("Enhanced Access by Network, %s"), month);
  text->month = g_strdup (month);
  text->basis = g_strdup_printf (access->round_to_quarter_hour
                                 /* TRANSLATORS: the rule's name, its minutes, the population base */
                                 ? _("%s: %s minutes a week per 1,000 of %s, rounded to the quarter hour, "
                                     "required of each primary care network. A network whose practices sit in "
                                     "more than one locality is shared among them by its practices’ shares "
                                     "of its population, so no minute is counted twice. Network standard hours "
                                     "are 18:30–20:00 on weekdays and 09:00–17:00 on Saturdays.")
                                 : _("%s: %s minutes a week per 1,000 of %s required of each primary care "
                                     "network. A network whose practices sit in more than one locality is "
                                     "shared among them by its practices’ shares of its population, so no "
                                     "minute is counted twice. Network standard hours are 18:30–20:00 on "
                                     "weekdays and 09:00–17:00 on Saturdays."),
                                 access->rule != NULL ? access->rule : "", minutes, base);
  for (guint i = 0; i < access->pcns->len; i++)
    {
      const LpPcnAccessPcn *pcn = g_ptr_array_index (access->pcns, i);
      LpAccessTextPcn *row = g_new0 (LpAccessTextPcn, 1);

      row->code = g_strdup (pcn->code);
      row->name = g_strdup (pcn->name);
      row->population = lp_format_count ((gint64) round (pcn->population));
      row->share = locality != NULL ? lp_format_share (pcn->locality_share) : g_strdup ("");
      row->required = lp_access_text_minutes_hours (pcn->required_minutes);
      row->offered = lp_access_text_minutes_hours ((double) pcn->offered_minutes);
      row->standard = lp_format_count (pcn->standard_minutes);
      row->difference = lp_access_text_difference ((double) pcn->offered_minutes, pcn->required_minutes,
                                                   &row->shortfall);
      g_ptr_array_add (text->pcns, row);
    }
  for (guint i = 0; i < access->localities->len; i++)
    {
      const LpPcnAccessLocality *share = g_ptr_array_index (access->localities, i);
      LpAccessTextPcnLocality *row = g_new0 (LpAccessTextPcnLocality, 1);

      row->locality = g_strdup (share->name);
      row->population = lp_format_count ((gint64) round (share->population));
      row->required = lp_access_text_minutes_hours (share->required_minutes);
      row->offered = lp_access_text_minutes_hours (share->offered_minutes);
      row->standard = lp_format_tenths (share->standard_minutes);
      row->difference = lp_access_text_difference (share->offered_minutes, share->required_minutes,
                                                   &row->shortfall);
      g_ptr_array_add (text->localities, row);
    }
}

const char *
lp_access_text_weekday (int weekday)
{
  static const char *const names[] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday"),
  };

  return weekday >= 1 && weekday <= 7 ? _(names[weekday - 1]) : "";
}

/**
 * lp_access_text_sessions:
 * @codes: (nullable): network codes to keep (a set), or %NULL for all
 *
 * Returns: (transfer full) (element-type LpAccessTextSession):
 */
GPtrArray *
lp_access_text_sessions (GPtrArray  *sessions,
                         GHashTable *codes)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (lp_access_text_session_free);

  for (guint i = 0; i < sessions->len; i++)
    {
      const LpPcnSessionRow *session = g_ptr_array_index (sessions, i);
      LpAccessTextSession *row;
      g_autofree char *from = NULL;
      g_autofree char *offered = NULL;
      g_autofree char *standard = NULL;

      if (codes != NULL && !g_hash_table_contains (codes, session->pcn_code))
        continue;
      row = g_new0 (LpAccessTextSession, 1);
      row->id = session->id;
      row->pcn_code = g_strdup (session->pcn_code);
      /* TRANSLATORS: a session: its network, day and times, "Riverside PCN · Monday 18:30–20:00" */
      row->title = g_strdup_printf (_("%s · %s %s–%s"), session->pcn_name, lp_access_text_weekday (session->weekday),
                                    session->start_time, session->end_time);
      from = lp_format_date (session->start_date);
      offered = lp_format_count (session->offered_minutes);
      standard = lp_format_count (session->standard_minutes);
      if (session->end_date[0] != '\0')
        {
          g_autofree char *until = lp_format_date (session->end_date);

          /* TRANSLATORS: minutes a week, those inside network standard hours, two dates */
          row->detail = g_strdup_printf (_("%s minutes a week, %s in network standard hours; from %s until %s"),
                                         offered, standard, from, until);
        }
      else
        /* TRANSLATORS: minutes a week, those inside network standard hours, a date */
        row->detail = g_strdup_printf (_("%s minutes a week, %s in network standard hours; from %s"),
                                       offered, standard, from);
      g_ptr_array_add (rows, row);
    }
  return rows;
}
