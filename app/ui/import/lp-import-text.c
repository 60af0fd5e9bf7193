/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import dialog's wording: what a file is, what a check found, what
 * an import did, and how far it has got.  Plain functions of core's
 * report, so a test reads them without a display. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lp-import-text.h"

/**
 * lp_import_text_kind:
 *
 * Returns: (transfer none): the kind of file in words, as a commissioner
 *   knows it: "NHS Digital practice list sizes"
 */
const char *
lp_import_text_kind (LpImportKind kind)
{
  switch (kind)
    {
    case LP_IMPORT_GP_REG_TOTALS:
      return _("NHS Digital practice list sizes");
    case LP_IMPORT_GP_REG_SINGLE_AGE:
      return _("NHS Digital list sizes by single year of age");
    case LP_IMPORT_GP_REG_QUINARY:
      return _("NHS Digital list sizes by five-year age band");
    case LP_IMPORT_GP_REG_MAP:
      return _("NHS Digital practice map");
    case LP_IMPORT_WORKFORCE_DETAILED:
      return _("NHS Digital GP workforce, detailed");
    case LP_IMPORT_WORKFORCE_HIGH_LEVEL:
      return _("NHS Digital GP workforce, high level");
    case LP_IMPORT_PCN_WORKFORCE:
      return _("NHS Digital Primary Care Network workforce");
    case LP_IMPORT_ODS_EPRACCUR:
      return _("ODS list of GP practices (epraccur)");
    case LP_IMPORT_PLAN_TABLE:
      return _("A table exported from Locality Planner");
    case LP_IMPORT_WEIGHTED_POPULATION:
      return _("Weighted population per practice (such as PCN adjusted populations)");
    case LP_IMPORT_UNKNOWN:
    default:
      return _("A file of an unknown kind");
    }
}

/* The app's own tables carry their practices whole; adding does not apply. */
gboolean
lp_import_text_offers_add (LpImportKind kind)
{
  /* A weighted population is a figure for practices the plan holds; the
   * PCN workforce file is by PCN, not by practice. */
  return kind != LP_IMPORT_PLAN_TABLE && kind != LP_IMPORT_UNKNOWN && kind != LP_IMPORT_WEIGHTED_POPULATION &&
         kind != LP_IMPORT_PCN_WORKFORCE;
}

/* The files that list every practice in England, each with its
 * commissioner, so that one commissioner's can be taken. */
gboolean
lp_import_text_has_commissioners (LpImportKind kind)
{
  return kind == LP_IMPORT_ODS_EPRACCUR || kind == LP_IMPORT_GP_REG_MAP;
}

/* The explicit yes to adding every practice of a national file. */
char *
lp_import_text_add_all (guint practices)
{
  g_autofree char *n = lp_format_count ((gint64) practices);

  /* Translators: %s is a number of practices, e.g. 8,204 */
  return g_strdup_printf (ngettext ("Yes, add all %s practice in England", "Yes, add all %s practices in England",
                                    practices), n);
}

/* The practice lists exist to bring practices in; a count file naming a
 * practice the plan lacks is more often another area's row to leave out. */
gboolean
lp_import_text_adds_by_default (LpImportKind kind)
{
  return kind == LP_IMPORT_ODS_EPRACCUR || kind == LP_IMPORT_GP_REG_MAP;
}

static char *
lp_import_text_rows_sentence (const LpImportReport *report)
{
  g_autofree char *read = lp_format_count ((gint64) report->rows_read);
  g_autofree char *imported = lp_format_count ((gint64) report->rows_imported);

  /* Translators: the first %s is the rows in the file, the second those to import */
  return g_strdup_printf (ngettext ("%s row; %s to import.", "%s rows; %s to import.",
                                    (gulong) report->rows_read),
                          read, imported);
}

static char *
lp_import_text_practices_sentence (guint    count,
                                   gboolean added)
{
  g_autofree char *n = lp_format_count (count);

  if (added)
    return g_strdup_printf (ngettext ("%s practice is not in the plan and will be added.",
                                      "%s practices are not in the plan and will be added.",
                                      count), n);
  return g_strdup_printf (ngettext ("%s practice is not in the plan and will be skipped.",
                                    "%s practices are not in the plan and will be skipped.",
                                    count), n);
}

static char *
lp_import_text_missing_sentence (guint missing,
                                 guint plan_practices)
{
  g_autofree char *n = lp_format_count (missing);
  g_autofree char *of = lp_format_count (plan_practices);

  if (missing == 0)
    return g_strdup (_("Every practice in the plan is in the file."));
  /* Translators: "54 of the plan’s 57 practices are not in the file." */
  return g_strdup_printf (ngettext ("%s of the plan’s %s practices is not in the file.",
                                    "%s of the plan’s %s practices are not in the file.",
                                    missing), n, of);
}

/* g_strv_builder_take() is newer than GLib 2.74. */
static void
lp_import_text_take (GStrvBuilder *builder,
                     char         *sentence)
{
  g_strv_builder_add (builder, sentence);
  g_free (sentence);
}

/**
 * lp_import_text_statuses:
 *
 * Returns: (transfer full) (nullable): the practices an ODS file brings, by
 *   status: "61 practices: 57 active, 3 closed, 1 dormant."; %NULL for the
 *   other kinds of file, which carry no status
 */
char *
lp_import_text_statuses (const LpImportReport *report)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  g_autofree char *list = NULL;
  g_autofree char *total = NULL;
  guint all;

  g_return_val_if_fail (report != NULL, NULL);

  if (report->kind != LP_IMPORT_ODS_EPRACCUR)
    return NULL;
  all = report->active_practices + report->closed_practices + report->dormant_practices +
        report->proposed_practices;
  {
    g_autofree char *active = lp_format_count (report->active_practices);
    g_autofree char *closed = lp_format_count (report->closed_practices);
    g_autofree char *dormant = lp_format_count (report->dormant_practices);

    /* Translators: a part of "61 practices: 57 active, 3 closed, 1 dormant." */
    lp_import_text_take (builder, g_strdup_printf (ngettext ("%s active", "%s active",
                                                             report->active_practices), active));
    /* Translators: a part of "61 practices: 57 active, 3 closed, 1 dormant." */
    lp_import_text_take (builder, g_strdup_printf (ngettext ("%s closed", "%s closed",
                                                             report->closed_practices), closed));
    /* Translators: a part of "61 practices: 57 active, 3 closed, 1 dormant." */
    lp_import_text_take (builder, g_strdup_printf (ngettext ("%s dormant", "%s dormant",
                                                             report->dormant_practices), dormant));
  }
  if (report->proposed_practices > 0)
    {
      g_autofree char *proposed = lp_format_count (report->proposed_practices);

      /* Translators: a part of "61 practices: 57 active, 3 closed, 1 dormant, 1 proposed." */
      lp_import_text_take (builder, g_strdup_printf (ngettext ("%s proposed", "%s proposed",
                                                               report->proposed_practices), proposed));
    }
  parts = g_strv_builder_end (builder);
  /* Translators: separates the parts of "57 active, 3 closed, 1 dormant" */
  list = g_strjoinv (_(", "), parts);
  total = lp_format_count (all);
  /* Translators: "61 practices: 57 active, 3 closed, 1 dormant." */
  return g_strdup_printf (ngettext ("%s practice: %s.", "%s practices: %s.", all), total, list);
}

/**
 * lp_import_text_outcome:
 * @report: a dry run's report
 * @plan_practices: how many practices the plan has
 *
 * Returns: (transfer full): what importing the file would do, one
 *   sentence each: "4 rows; 3 to import.", for an ODS file "3 practices:
 *   2 active, 1 closed, 0 dormant.", "1 practice is not in the plan
 *   and will be skipped.", "54 of the plan’s 57 practices are not in the
 *   file.", …
 */
GStrv
lp_import_text_outcome (const LpImportReport *report,
                        guint                 plan_practices)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (report != NULL, NULL);

  lp_import_text_take (builder, lp_import_text_rows_sentence (report));
  if (report->kind == LP_IMPORT_ODS_EPRACCUR)
    lp_import_text_take (builder, lp_import_text_statuses (report));
  if (report->rows_skipped > 0)
    {
      g_autofree char *n = lp_format_count ((gint64) report->rows_skipped);
      lp_import_text_take (builder, g_strdup_printf (ngettext ("%s bad row will be skipped and listed.",
                                                               "%s bad rows will be skipped and listed.",
                                                               (gulong) report->rows_skipped), n));
    }
  if (report->new_practices > 0)
    lp_import_text_take (builder, lp_import_text_practices_sentence (report->new_practices, TRUE));
  if (report->unknown_practices > 0)
    lp_import_text_take (builder, lp_import_text_practices_sentence (report->unknown_practices, FALSE));
  /* The PCN workforce file is by PCN: it names no practice. */
  if (plan_practices > 0 && report->missing_practices != NULL && report->kind != LP_IMPORT_PCN_WORKFORCE)
    lp_import_text_take (builder, lp_import_text_missing_sentence (report->missing_practices->len,
                                                                   plan_practices));
  if (report->localities_made != NULL)
    /* Translators: %s is what making localities from the map does, e.g.
     * "3 localities (3 new); 7 practices assigned; 1 practice has no PCN…" */
    lp_import_text_take (builder, g_strdup_printf (_("Localities: %s"), report->localities_made));
  if (report->latin1)
    g_strv_builder_add (builder, _("The file is not UTF-8; it will be read as Latin-1."));
  return g_strv_builder_end (builder);
}

/**
 * lp_import_text_imported:
 * @file_name: the imported file's name, for display
 *
 * Returns: (transfer full): what an import did, in a few words, for the
 *   toast and the summary's heading: "Imported 6,612 list sizes from
 *   gp-reg-pat-prac-all.csv"
 */
char *
lp_import_text_imported (const LpImportReport *report,
                         const char           *file_name)
{
  g_autofree char *n = NULL;
  gulong count;

  g_return_val_if_fail (report != NULL && file_name != NULL, NULL);

  count = (gulong) report->rows_imported;
  n = lp_format_count ((gint64) report->rows_imported);
  switch (report->kind)
    {
    case LP_IMPORT_GP_REG_TOTALS:
      return g_strdup_printf (ngettext ("Imported %s list size from %s", "Imported %s list sizes from %s",
                                        count), n, file_name);
    case LP_IMPORT_GP_REG_SINGLE_AGE:
    case LP_IMPORT_GP_REG_QUINARY:
      return g_strdup_printf (ngettext ("Imported %s list size by age from %s",
                                        "Imported %s list sizes by age from %s", count), n, file_name);
    case LP_IMPORT_GP_REG_MAP:
    case LP_IMPORT_ODS_EPRACCUR:
      return g_strdup_printf (ngettext ("Imported %s practice from %s", "Imported %s practices from %s",
                                        count), n, file_name);
    case LP_IMPORT_WORKFORCE_DETAILED:
    case LP_IMPORT_PCN_WORKFORCE:
      return g_strdup_printf (ngettext ("Imported %s row of PCN staff from %s",
                                        "Imported %s rows of PCN staff from %s", count), n, file_name);
    case LP_IMPORT_WORKFORCE_HIGH_LEVEL:
      return g_strdup_printf (ngettext ("Imported %s workforce figure from %s",
                                        "Imported %s workforce figures from %s", count), n, file_name);
    default:
      return g_strdup_printf (ngettext ("Imported %s row from %s", "Imported %s rows from %s",
                                        count), n, file_name);
    }
}

static void
lp_import_fact_free (LpImportFact *fact)
{
  g_free (fact->label);
  g_free (fact->value);
  g_free (fact);
}

static void
lp_import_text_add_fact (GPtrArray  *facts,
                         const char *label,
                         char       *value)
{
  LpImportFact *fact = g_new0 (LpImportFact, 1);

  fact->label = g_strdup (label);
  fact->value = value;
  g_ptr_array_add (facts, fact);
}

/**
 * lp_import_text_facts:
 * @options: what the import was asked to do
 *
 * Returns: (transfer full) (element-type LpImportFact): the summary after
 *   an import, a label and a value each: the rows read and imported
 *   always; bad rows skipped and practices added or left out when the
 *   options made them possible or they happened; an ODS file's
 *   practices by status; the plan's practices
 *   missing from the file, the extract date and the Latin-1 note when
 *   they apply
 */
GPtrArray *
lp_import_text_facts (const LpImportReport  *report,
                      const LpImportOptions *options)
{
  GPtrArray *facts = g_ptr_array_new_with_free_func ((GDestroyNotify) lp_import_fact_free);

  g_return_val_if_fail (report != NULL && options != NULL, facts);

  lp_import_text_add_fact (facts, _("Rows read"), lp_format_count ((gint64) report->rows_read));
  lp_import_text_add_fact (facts, _("Rows imported"), lp_format_count ((gint64) report->rows_imported));
  if (options->skip_bad_rows || report->rows_skipped > 0)
    lp_import_text_add_fact (facts, _("Bad rows skipped"), lp_format_count ((gint64) report->rows_skipped));
  if (options->add_new_practices || report->new_practices > 0)
    lp_import_text_add_fact (facts, _("Practices added"), lp_format_count (report->new_practices));
  if (!options->add_new_practices || report->unknown_practices > 0)
    lp_import_text_add_fact (facts, _("Practices not in the plan, skipped"),
                             lp_format_count (report->unknown_practices));
  if (report->missing_practices != NULL && report->missing_practices->len > 0)
    lp_import_text_add_fact (facts, _("Plan practices not in the file"),
                             lp_format_count (report->missing_practices->len));
  if (report->kind == LP_IMPORT_ODS_EPRACCUR)
    {
      /* Closed and dormant practices are kept, but the plan's counts leave
       * them out: say how many of each came in. */
      lp_import_text_add_fact (facts, _("Active practices"), lp_format_count (report->active_practices));
      lp_import_text_add_fact (facts, _("Closed practices"), lp_format_count (report->closed_practices));
      lp_import_text_add_fact (facts, _("Dormant practices"), lp_format_count (report->dormant_practices));
      if (report->proposed_practices > 0)
        lp_import_text_add_fact (facts, _("Proposed practices"), lp_format_count (report->proposed_practices));
    }
  if (report->extract_date != NULL)
    lp_import_text_add_fact (facts, _("Extract date"), lp_format_date (report->extract_date));
  if (report->latin1)
    lp_import_text_add_fact (facts, _("Characters"),
                             g_strdup (_("Read as Latin-1: the file is not UTF-8")));
  return facts;
}

/**
 * lp_import_text_problem_title:
 *
 * Returns: (transfer full): where a rejected row's problem is:
 *   "Line 14 · NUMBER_OF_PATIENTS · “12a”", or "Line 9" for a whole row
 */
char *
lp_import_text_problem_title (const LpImportProblem *problem)
{
  g_autofree char *line = NULL;

  g_return_val_if_fail (problem != NULL, NULL);

  line = g_strdup_printf (_("Line %llu"), (unsigned long long) problem->line);
  if (problem->column == NULL)
    return g_steal_pointer (&line);
  /* Translators: where a bad value is: line, column name and the value */
  return g_strdup_printf (_("%s · %s · “%s”"), line, problem->column,
                          problem->value != NULL ? problem->value : "");
}

static char *
lp_import_text_columns_used (const char * const *header,
                             const char * const *used_columns)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autofree char *list = NULL;

  /* In the file's order, as the preview shows them. */
  for (guint i = 0; header != NULL && header[i] != NULL; i++)
    if (g_strv_contains (used_columns, header[i]))
      g_strv_builder_add (builder, header[i]);
  names = g_strv_builder_end (builder);
  if (names[0] == NULL)
    return NULL;
  list = g_strjoinv (", ", names);
  return g_strdup_printf (_("Uses the columns %s."), list);
}

/**
 * lp_import_text_columns_note:
 * @header: (nullable): the file's header
 * @used_columns: (nullable): the columns the import reads, from a dry run
 * @shown: how many columns the preview shows
 * @total: how many the file has
 *
 * Returns: (transfer full) (nullable): the line under the preview: "Uses
 *   the columns EXTRACT_DATE, CODE, NUMBER_OF_PATIENTS. Showing the first
 *   12 of 836 columns.", or %NULL when there is nothing to say
 */
char *
lp_import_text_columns_note (const char * const *header,
                             const char * const *used_columns,
                             guint               shown,
                             guint               total)
{
  g_autofree char *used = NULL;
  g_autofree char *first = NULL;
  g_autofree char *of = NULL;
  g_autofree char *partial = NULL;

  if (used_columns != NULL)
    used = lp_import_text_columns_used (header, used_columns);
  if (shown < total)
    {
      first = lp_format_count (shown);
      of = lp_format_count (total);
      partial = g_strdup_printf (_("Showing the first %s of %s columns."), first, of);
    }
  if (used != NULL && partial != NULL)
    return g_strconcat (used, " ", partial, NULL);
  return g_strdup (used != NULL ? used : partial);
}

/* How far an import has read, from 0 to 1; 0 while the size is unknown. */
double
lp_import_text_fraction (guint64 bytes_read,
                         guint64 bytes_total)
{
  if (bytes_total == 0)
    return 0.0;
  return MIN ((double) bytes_read / (double) bytes_total, 1.0);
}

/**
 * lp_import_text_progress:
 *
 * Returns: (transfer full): the progress bar's text: "120,000 rows ·
 *   7.3 MB of 22.1 MB · 33 %"
 */
char *
lp_import_text_progress (guint64 rows_read,
                         guint64 bytes_read,
                         guint64 bytes_total)
{
  g_autofree char *rows = lp_format_count ((gint64) rows_read);
  g_autofree char *done = g_format_size (bytes_read);
  g_autofree char *total = g_format_size (bytes_total);
  guint percent = (guint) (lp_import_text_fraction (bytes_read, bytes_total) * 100.0);

  /* Translators: rows read, bytes read, of the file's size, and the percentage done */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row · %s of %s · %u %%",
                                       "%s rows · %s of %s · %u %%", (gulong) rows_read),
                          rows, done, total, percent);
}

/* After a failure or a cancel: the one thing the user needs to know. */
const char *
lp_import_text_unchanged (void)
{
  return _("Nothing was imported; the plan is unchanged.");
}

#define LP_IMPORT_TEXT_CELL_CHARS 40

/**
 * lp_import_text_cell:
 * @value: (nullable): a field of the file
 *
 * Returns: (transfer full): the field as the preview shows it, cut to 40
 *   characters: a damaged file's field can be megabytes long
 */
char *
lp_import_text_cell (const char *value)
{
  /* Enough bytes for 40 characters of any width, and one more to know. */
  gsize limit = LP_IMPORT_TEXT_CELL_CHARS * 4 + 1;
  gsize len;
  g_autofree char *valid = NULL;

  if (value == NULL)
    return g_strdup ("");
  len = strnlen (value, limit);
  valid = g_utf8_make_valid (value, (gssize) len);
  if (len < limit && g_utf8_strlen (valid, -1) <= LP_IMPORT_TEXT_CELL_CHARS)
    return g_steal_pointer (&valid);
  if (g_utf8_strlen (valid, -1) > LP_IMPORT_TEXT_CELL_CHARS - 1)
    {
      char *end = g_utf8_offset_to_pointer (valid, LP_IMPORT_TEXT_CELL_CHARS - 1);
      *end = '\0';
    }
  return g_strconcat (valid, "…", NULL);
}

/**
 * lp_import_text_more_problems:
 * @more: the rejected rows not listed
 *
 * Returns: (transfer full): the line after a long list of rejected rows
 */
char *
lp_import_text_more_problems (guint more)
{
  g_autofree char *n = lp_format_count (more);

  return g_strdup_printf (ngettext ("And %s more rejected row", "And %s more rejected rows", more), n);
}
