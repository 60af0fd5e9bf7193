/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's own wording, apart from the widgets so that a test can
 * check it without a display. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lp-plan.h"
#include "lp-window-text.h"

static char *
lp_window_text_shorten_home (const char *path,
                             const char *home_dir)
{
  g_autofree char *display = g_filename_display_name (path);
  gsize home_len = home_dir != NULL ? strlen (home_dir) : 0;

  /* "~/Documents/Plan.lpplan" reads faster than "/home/jo/Documents/…". */
  if (home_len > 1 && g_str_has_prefix (path, home_dir) && path[home_len] == G_DIR_SEPARATOR)
    {
      g_autofree char *rest = g_filename_display_name (path + home_len);
      return g_strconcat ("~", rest, NULL);
    }
  return g_steal_pointer (&display);
}

/**
 * lp_window_text_location:
 * @path: the plan file
 * @home_dir: (nullable): the user's home folder, shown as "~"
 *
 * Returns: (transfer full): the header's subtitle:
 *   "~/Plans/Herts.lpplan", or "Read-only · ~/Plans/Herts.lpplan"
 */
char *
lp_window_text_location (const char *path,
                         gboolean    read_only,
                         const char *home_dir)
{
  g_autofree char *where = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  where = lp_window_text_shorten_home (path, home_dir);
  if (!read_only)
    return g_steal_pointer (&where);
  /* Translators: the window subtitle for a plan that cannot be changed */
  return g_strdup_printf (_("Read-only · %s"), where);
}

/**
 * lp_window_text_copy_name:
 * @path: the open plan file
 *
 * Returns: (transfer full): the file name Save As suggests:
 *   "Herts copy.lpplan" for "…/Herts.lpplan"
 */
char *
lp_window_text_copy_name (const char *path)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  base = g_filename_display_basename (path);
  if (g_str_has_suffix (base, LP_PLAN_FILE_SUFFIX))
    base[strlen (base) - strlen (LP_PLAN_FILE_SUFFIX)] = '\0';
  /* Translators: the name Save As suggests; %s is the plan file's name */
  return g_strdup_printf (_("%s copy.lpplan"), base);
}

/**
 * lp_window_text_damage_banner:
 * @n_errors: the problems check finds that make the plan unsound
 *
 * Returns: (transfer full): the damaged plan's banner: "This plan has 3
 *   problems and cannot be changed until it is repaired"
 */
char *
lp_window_text_damage_banner (guint n_errors)
{
  return g_strdup_printf (ngettext ("This plan has %u problem and cannot be changed until it is repaired",
                                    "This plan has %u problems and cannot be changed until it is repaired",
                                    n_errors), n_errors);
}

static char *
lp_window_text_stem (const char *path)
{
  char *base = g_filename_display_basename (path);

  if (g_str_has_suffix (base, LP_PLAN_FILE_SUFFIX))
    base[strlen (base) - strlen (LP_PLAN_FILE_SUFFIX)] = '\0';
  return base;
}

/**
 * lp_window_text_repaired_name:
 * @path: the damaged plan
 * @recovered: %TRUE for a file SQLite found damaged, whose rows are
 *   recovered rather than repaired
 *
 * Returns: (transfer full): the name Repair into a Copy… suggests:
 *   "Herts (repaired).lpplan", or "Herts (recovered).lpplan"
 */
char *
lp_window_text_repaired_name (const char *path,
                              gboolean    recovered)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  stem = lp_window_text_stem (path);
  if (recovered)
    /* Translators: the name Recover into a Copy… suggests; %s is the damaged plan's name */
    return g_strdup_printf (_("%s (recovered).lpplan"), stem);
  /* Translators: the name Repair into a Copy… suggests; %s is the damaged plan's name */
  return g_strdup_printf (_("%s (repaired).lpplan"), stem);
}

/**
 * lp_window_text_report_name:
 * @path: the damaged plan
 * @repair: %TRUE for a repair's report, %FALSE for the list of problems
 *
 * Returns: (transfer full): "Herts problems.txt" or "Herts repair report.txt"
 */
char *
lp_window_text_report_name (const char *path,
                            gboolean    repair)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  stem = lp_window_text_stem (path);
  if (repair)
    /* Translators: a file name; %s is the plan's name */
    return g_strdup_printf (_("%s repair report.txt"), stem);
  /* Translators: a file name; %s is the plan's name */
  return g_strdup_printf (_("%s problems.txt"), stem);
}

/**
 * lp_window_text_problems_report:
 * @path: the plan checked
 * @problems: (element-type LpProblem): what check found
 *
 * Returns: (transfer full): the text Show Problems saves: a line naming
 *   the file, then each problem on a line of its own in check's words,
 *   as `locality-planner-cli check` prints them
 */
char *
lp_window_text_problems_report (const char *path,
                                GPtrArray  *problems)
{
  g_autofree char *display = NULL;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  display = g_filename_display_name (path);
  /* Translators: the first line of a saved list of problems; %s is the plan file */
  g_string_append_printf (text, _("Problems in %s\n"), display);
  for (guint i = 0; i < problems->len; i++)
    {
      const LpProblem *problem = g_ptr_array_index (problems, i);

      /* The same words as check's, so a report and check's output agree. */
      if (problem->severity == LP_PROBLEM_ERROR)
        g_string_append_printf (text, _("error: %s\n"), problem->message);
      else
        g_string_append_printf (text, _("warning: %s\n"), problem->message);
    }
  return g_string_free (text, FALSE);
}

/**
 * lp_window_text_repair_done:
 * @report: what a repair (or recovery) did
 *
 * Returns: (transfer full): the toast once the copy is open: "Repaired
 *   copy saved: 2 values cleared, 1 row left out", or for a recovery
 *   "Recovered copy saved: 1,204 rows kept"
 */
char *
lp_window_text_repair_done (const LpRepairReport *report)
{
  guint cleared = 0, left_out = 0;
  g_autofree char *cleared_text = NULL;
  g_autofree char *left_out_text = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  if (report->recovered)
    {
      gint64 kept = 0;
      g_autofree char *number = NULL;

      for (guint i = 0; report->tables != NULL && i < report->tables->len; i++)
        kept += ((const LpRepairTable *) g_ptr_array_index (report->tables, i))->rows_kept;
      number = g_strdup_printf ("%'" G_GINT64_FORMAT, kept);
      /* Translators: a toast; %s is a number of rows, "1,204" */
      return g_strdup_printf (ngettext ("Recovered copy saved: %s row kept",
                                        "Recovered copy saved: %s rows kept", (gulong) CLAMP (kept, 0, G_MAXLONG)),
                              number);
    }
  for (guint i = 0; report->steps != NULL && i < report->steps->len; i++)
    {
      const LpRepairStep *step = g_ptr_array_index (report->steps, i);

      cleared += step->action == LP_REPAIR_CLEARED;
      left_out += step->action == LP_REPAIR_LEFT_OUT;
    }
  if (cleared == 0 && left_out == 0)
    return g_strdup (_("Repaired copy saved: no value needed clearing"));
  /* Translators: part of "Repaired copy saved: 2 values cleared, 1 row left out" */
  cleared_text = g_strdup_printf (ngettext ("%u value cleared", "%u values cleared", cleared), cleared);
  /* Translators: part of "Repaired copy saved: 2 values cleared, 1 row left out" */
  left_out_text = g_strdup_printf (ngettext ("%u row left out", "%u rows left out", left_out), left_out);
  if (left_out == 0)
    /* Translators: a toast; %s is "2 values cleared" */
    return g_strdup_printf (_("Repaired copy saved: %s"), cleared_text);
  if (cleared == 0)
    return g_strdup_printf (_("Repaired copy saved: %s"), left_out_text);
  /* Translators: a toast; the first %s is "2 values cleared", the second "1 row left out" */
  return g_strdup_printf (_("Repaired copy saved: %s, %s"), cleared_text, left_out_text);
}
