/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Locality Modelling view's words and figures.  Core computes every
 * figure (lp_plan_model, lp_plan_model_practices); this file only rounds
 * them for display, one decimal place, so the view and its tests agree on
 * exactly what a cell says. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lp-format.h"
#include "lp-modelling-text.h"
#include "lp-population-base.h"

const char *
lp_modelling_text_activity_label (void)
{
  return _("Activity");
}

const char *
lp_modelling_text_bed_days_label (void)
{
  return _("Reduced bed days");
}

/* Stated on the view because the published tables used these divisors and
 * a reader comparing figures needs to know which. */
const char *
lp_modelling_text_convention (double weeks_per_year)
{
  if (weeks_per_year > 52.0)
    return _("Per week = a year / 52.14 (365 / 7); per month = a year / 12. "
             "Changes stated over 3 or 5 years are spread evenly over them.");
  return _("Per week = a year / 52; per month = a year / 12. "
           "Changes stated over 3 or 5 years are spread evenly over them.");
}

static void
lp_modelling_row_free (gpointer data)
{
  LpModellingRow *row = data;

  g_free (row->name);
  g_free (row->base);
  for (guint i = 0; i < LP_MODELLING_MAX_COLUMNS; i++)
    g_free (row->cells[i]);
  g_free (row);
}

static void
lp_modelling_practice_free (gpointer data)
{
  LpModellingPractice *practice = data;

  g_free (practice->code);
  g_free (practice->name);
  g_free (practice->list_size);
  g_free (practice->share);
  for (guint i = 0; i < LP_MODELLING_MAX_COLUMNS; i++)
    g_free (practice->cells[i]);
  g_free (practice);
}

/* Activity then bed days for each horizon: the published table's order. */
static void
lp_modelling_text_cells (guint         n_horizons,
                         const double *activity,
                         const double *bed_days,
                         char        **cells)
{
  for (guint h = 0; h < n_horizons; h++)
    {
      cells[2 * h] = lp_format_tenths (activity[h]);
      cells[2 * h + 1] = lp_format_tenths (bed_days[h]);
    }
}

static LpModellingRow *
lp_modelling_text_row (const LpModelTable *table,
                       const LpModelRow   *model_row)
{
  LpModellingRow *row = g_new0 (LpModellingRow, 1);

  row->name = g_strdup (model_row->name);
  row->base = g_strdup (model_row->base);
  switch (model_row->kind)
    {
    case LP_MODEL_ROW_PATHWAY:
      row->kind = model_row->entered ? LP_MODELLING_ROW_ENTERED : LP_MODELLING_ROW_SHARE;
      row->tooltip = model_row->entered ? _("Figures entered for this locality")
                                        : _("Share of the STP’s or CCG’s change");
      break;
    case LP_MODEL_ROW_SUBTOTAL:
      row->kind = LP_MODELLING_ROW_SUBTOTAL;
      row->tooltip = _("The sum of the rows above it, before rounding");
      break;
    case LP_MODEL_ROW_TOTAL:
    default:
      row->kind = LP_MODELLING_ROW_TOTAL;
      row->tooltip = _("Both subtotals together, before rounding");
      break;
    }
  lp_modelling_text_cells (table->n_horizons, model_row->activity, model_row->bed_days, row->cells);
  return row;
}

static LpModellingPractice *
lp_modelling_text_practice (const LpModelTable    *table,
                            const LpModelPractice *model_practice)
{
  LpModellingPractice *practice = g_new0 (LpModellingPractice, 1);

  practice->code = g_strdup (model_practice->ods_code);
  practice->name = g_strdup (model_practice->name);
  practice->list_size = lp_format_count (model_practice->list_size);
  practice->share = lp_format_share (model_practice->share);
  lp_modelling_text_cells (table->n_horizons, model_practice->activity,
                           model_practice->bed_days, practice->cells);
  return practice;
}

static void
lp_modelling_text_headings (const LpModelTable *table,
                            const char         *locality,
                            LpModellingText    *text)
{
  g_autofree char *population = lp_format_count (table->population);
  const char *per = table->per == LP_PER_MONTH ? _("per month")
                  : table->per == LP_PER_WEEK ? _("per week") : _("per year");

  for (guint h = 0; h < table->n_horizons; h++)
    {
      text->horizons[h] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years",
                                                        table->horizons[h]),
                                           table->horizons[h]);
      text->columns[2 * h] = g_strdup_printf (_("%s: activity"), text->horizons[h]);
      text->columns[2 * h + 1] = g_strdup_printf (_("%s: reduced bed days"), text->horizons[h]);
    }
  /* TRANSLATORS: "Lower Lea Valley: reductions per month, for 75,825 registered patients" */
  text->summary = g_strdup_printf (_("%s: reductions %s, for %s registered patients"),
                                   locality, per, population);
  /* TRANSLATORS: the practice list's title, e.g. "What this means for each practice, per week" */
  text->practices_title = g_strdup_printf (_("What this means for each practice, %s"), per);
}

/* The base every pathway is shared by, or each pathway's where they
 * differ: "Shared by population base: 75+." */
static char *
lp_modelling_text_bases (const LpModelTable *table)
{
  const char *base = lp_model_table_base (table);
  g_autoptr(GString) each = NULL;
  gboolean first = TRUE;

  if (base != NULL)
    /* TRANSLATORS: the population the STP's and CCG's changes are shared by: "registered", "75+" */
    return g_strdup_printf (_("Shared by population base: %s."), base);
  each = g_string_new (_("Shared by each pathway’s population base:"));
  for (guint i = 0; i < table->rows->len; i++)
    {
      const LpModelRow *row = g_ptr_array_index (table->rows, i);
      if (row->kind == LP_MODEL_ROW_PATHWAY)
        {
          g_string_append (each, first ? " " : "; ");
          /* TRANSLATORS: one pathway and its population base in a list: "Frailty by 75+" */
          g_string_append_printf (each, _("%s by %s"), row->name, row->base);
          first = FALSE;
        }
    }
  g_string_append (each, ".");
  return g_string_free (g_steal_pointer (&each), FALSE);
}

static const char *
lp_modelling_text_practices_caption (const LpModelTable *table)
{
  const char *base = lp_model_table_base (table);

  if (base == NULL)
    return _("Each practice’s share of each pathway, in proportion to its population on that "
             "pathway’s base; the Share column is of its list size.");
  if (!lp_population_base_is_registered (base))
    return _("Each practice’s share of the grand total, in proportion to its population on the "
             "base above; the Share column is of its list size.");
  return _("Each practice’s share of the grand total, in proportion to its list size.");
}

/**
 * lp_modelling_text_build:
 * @table: (nullable): the modelled table, or %NULL when it could not be made
 * @practices: (nullable) (element-type LpModelPractice): its practices
 * @locality: the name shown for the locality, e.g. "All localities"
 *
 * Fills @text; a table with no horizon means no pathway change was entered,
 * and @text is then empty.
 */
void
lp_modelling_text_build (const LpModelTable *table,
                         GPtrArray          *practices,
                         const char         *locality,
                         LpModellingText    *text)
{
  g_return_if_fail (locality != NULL && text != NULL);

  memset (text, 0, sizeof *text);
  text->rows = g_ptr_array_new_with_free_func (lp_modelling_row_free);
  text->practices = g_ptr_array_new_with_free_func (lp_modelling_practice_free);
  text->convention = lp_modelling_text_convention (table != NULL ? table->weeks_per_year : 52.0);
  text->empty = table == NULL || table->n_horizons == 0;
  if (text->empty)
    return;
  text->n_horizons = table->n_horizons;
  if (table->by_weights)
    text->sharing = table->weights_normalised
      ? _("The STP’s and CCG’s changes are shared by this scenario’s weights, each divided by "
          "their total as they do not add up to 1.")
      : _("The STP’s and CCG’s changes are shared by this scenario’s weights.");
  lp_modelling_text_headings (table, locality, text);
  text->bases = lp_modelling_text_bases (table);
  text->practices_caption = lp_modelling_text_practices_caption (table);
  for (guint i = 0; i < table->rows->len; i++)
    g_ptr_array_add (text->rows, lp_modelling_text_row (table, g_ptr_array_index (table->rows, i)));
  for (guint i = 0; practices != NULL && i < practices->len; i++)
    g_ptr_array_add (text->practices,
                     lp_modelling_text_practice (table, g_ptr_array_index (practices, i)));
}

/**
 * lp_modelling_text_localities:
 * @table: the table of all localities, for its horizons
 * @localities: (element-type LpModelLocality): from lp_plan_model_localities()
 *
 * Returns: (transfer full) (element-type LpModellingPractice): each
 *   locality's grand total, worded as a practice's share is, with its
 *   registered patients for a list size and neither code nor share
 */
GPtrArray *
lp_modelling_text_localities (const LpModelTable *table,
                              GPtrArray          *localities)
{
  GPtrArray *worded = g_ptr_array_new_with_free_func (lp_modelling_practice_free);

  g_return_val_if_fail (table != NULL, worded);

  for (guint i = 0; localities != NULL && i < localities->len; i++)
    {
      const LpModelLocality *locality = g_ptr_array_index (localities, i);
      LpModellingPractice *words = g_new0 (LpModellingPractice, 1);

      words->name = g_strdup (locality->name);
      words->list_size = lp_format_count (locality->population);
      lp_modelling_text_cells (table->n_horizons, locality->activity, locality->bed_days,
                               words->cells);
      g_ptr_array_add (worded, words);
    }
  return worded;
}

/* Over the chart, or the table of localities that stands in for it: the
 * chart's own title. */
char *
lp_modelling_text_localities_title (LpPer per)
{
  const char *per_words = per == LP_PER_MONTH ? _("per month")
                        : per == LP_PER_WEEK ? _("per week") : _("per year");

  /* TRANSLATORS: the chart's title, e.g. "Reductions per week by locality" */
  return g_strdup_printf (_("Reductions %s by locality"), per_words);
}

void
lp_modelling_text_clear (LpModellingText *text)
{
  for (guint h = 0; h < LP_MODEL_MAX_HORIZONS; h++)
    g_clear_pointer (&text->horizons[h], g_free);
  for (guint i = 0; i < LP_MODELLING_MAX_COLUMNS; i++)
    g_clear_pointer (&text->columns[i], g_free);
  g_clear_pointer (&text->summary, g_free);
  g_clear_pointer (&text->practices_title, g_free);
  g_clear_pointer (&text->bases, g_free);
  g_clear_pointer (&text->rows, g_ptr_array_unref);
  g_clear_pointer (&text->practices, g_ptr_array_unref);
  g_clear_pointer (&text->chart, lp_chart_free);
  text->n_horizons = 0;
}

/**
 * lp_modelling_text_set_scenario:
 * @scenario: the scenario modelled
 * @base: (nullable): the scenario it builds on; %NULL for the base scenario,
 *   which the summary then does not name
 *
 * Adds the scenario to the summary, so that a figure read off the screen
 * (or a PNG of it) says which assumptions made it.
 */
void
lp_modelling_text_set_scenario (LpModellingText *text,
                                const char      *scenario,
                                const char      *base)
{
  char *summary;

  g_return_if_fail (text != NULL && scenario != NULL);

  if (base == NULL || text->summary == NULL)
    return;
  /* TRANSLATORS: the summary, then a scenario and the one it builds on, e.g.
   * "…, for 75,825 registered patients, in scenario “Faster frailty”, built on Base" */
  summary = g_strdup_printf (_("%s, in scenario “%s”, built on %s"), text->summary, scenario, base);
  g_free (text->summary);
  text->summary = summary;
}

static void
lp_modelling_text_prompt_name (LpScenarioEdit    edit,
                               const char       *scenario,
                               LpScenarioPrompt *prompt)
{
  switch (edit)
    {
    case LP_SCENARIO_EDIT_NEW:
      prompt->heading = g_strdup (_("New Scenario"));
      prompt->body = g_strdup_printf (_("It builds on “%s”, so it shows the same figures until "
                                        "you change one of its assumptions."), scenario);
      prompt->response = _("_Create");
      prompt->name = g_strdup ("");
      prompt->failed = _("The Scenario Could Not Be Created");
      break;
    case LP_SCENARIO_EDIT_DUPLICATE:
      prompt->heading = g_strdup_printf (_("Duplicate “%s”"), scenario);
      prompt->body = g_strdup (_("The copy starts with every assumption the scenario states "
                                 "itself, and builds on the same scenario."));
      prompt->response = _("_Duplicate");
      /* TRANSLATORS: the name first offered for a copy of a scenario */
      prompt->name = g_strdup_printf (_("Copy of %s"), scenario);
      prompt->failed = _("The Scenario Could Not Be Duplicated");
      break;
    default:
      prompt->heading = g_strdup_printf (_("Rename “%s”"), scenario);
      prompt->body = g_strdup (_("Scenarios built on it keep building on it under its new name."));
      prompt->response = _("_Rename");
      prompt->name = g_strdup (scenario);
      prompt->failed = _("The Scenario Could Not Be Renamed");
      break;
    }
}

/**
 * lp_modelling_text_scenario_prompt:
 * @scenario: the selected scenario's name: the one to build on, copy,
 *   rename or delete
 *
 * Fills @prompt with the words of the dialog that asks for @edit.
 */
void
lp_modelling_text_scenario_prompt (LpScenarioEdit    edit,
                                   const char       *scenario,
                                   LpScenarioPrompt *prompt)
{
  g_return_if_fail (scenario != NULL && prompt != NULL);

  memset (prompt, 0, sizeof *prompt);
  if (edit != LP_SCENARIO_EDIT_DELETE)
    {
      lp_modelling_text_prompt_name (edit, scenario, prompt);
      return;
    }
  prompt->heading = g_strdup_printf (_("Delete “%s”?"), scenario);
  prompt->body = g_strdup (_("The assumptions this scenario states itself are deleted with it. "
                             "Undo brings them back."));
  prompt->response = _("_Delete");
  prompt->destructive = TRUE;
  prompt->failed = _("The Scenario Could Not Be Deleted");
}

void
lp_modelling_text_scenario_prompt_clear (LpScenarioPrompt *prompt)
{
  g_clear_pointer (&prompt->heading, g_free);
  g_clear_pointer (&prompt->body, g_free);
  g_clear_pointer (&prompt->name, g_free);
}

/* Core says why a name is refused; this only keeps the button from
 * offering a blank one. */
gboolean
lp_modelling_text_scenario_name_ok (const char *name)
{
  for (const char *p = name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}
