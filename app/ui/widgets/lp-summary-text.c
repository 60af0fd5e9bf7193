/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sentences the window shows about a plan's summary.  They live apart
 * from the widgets so that a test can check the wording without a display. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-format.h"
#include "lp-summary-text.h"

/* ngettext() takes an unsigned long; any count past that range is plural. */
static gulong
lp_summary_text_plural_n (gint64 n)
{
  return n < 0 || (guint64) n > G_MAXULONG ? G_MAXULONG : (gulong) n;
}

/**
 * lp_summary_text_practices:
 *
 * Returns: (transfer full): "57 practices", "1 practice"
 */
char *
lp_summary_text_practices (guint practices)
{
  g_autofree char *count = lp_format_count (practices);

  return g_strdup_printf (ngettext ("%s practice", "%s practices", practices), count);
}

/**
 * lp_summary_text_patients:
 *
 * Returns: (transfer full): "596,907 registered patients"
 */
char *
lp_summary_text_patients (gint64 registered_patients)
{
  g_autofree char *count = lp_format_count (registered_patients);

  return g_strdup_printf (ngettext ("%s registered patient", "%s registered patients",
                                    lp_summary_text_plural_n (registered_patients)),
                          count);
}

/**
 * lp_summary_text_subtitle:
 *
 * Returns: (transfer full): the window subtitle,
 *   "57 practices · 596,907 registered patients"
 */
char *
lp_summary_text_subtitle (const LpPlanSummary *summary)
{
  g_autofree char *practices = NULL;
  g_autofree char *patients = NULL;

  g_return_val_if_fail (summary != NULL, NULL);

  practices = lp_summary_text_practices (summary->practices);
  patients = lp_summary_text_patients (summary->registered_patients);
  /* Translators: the window subtitle, "57 practices · 596,907 registered patients" */
  return g_strdup_printf (_("%s · %s"), practices, patients);
}

/**
 * lp_summary_text_total:
 *
 * Returns: (transfer full): the line under the localities table,
 *   "Total: 57 practices, 596,907 registered patients"
 */
char *
lp_summary_text_total (const LpPlanSummary *summary)
{
  g_autofree char *practices = NULL;
  g_autofree char *patients = NULL;

  g_return_val_if_fail (summary != NULL, NULL);

  practices = lp_summary_text_practices (summary->practices);
  patients = lp_summary_text_patients (summary->registered_patients);
  /* Translators: under the localities table, "Total: 57 practices, 596,907 registered patients" */
  return g_strdup_printf (_("Total: %s, %s"), practices, patients);
}

char *
lp_summary_text_localities (guint localities)
{
  g_autofree char *count = lp_format_count (localities);

  return g_strdup_printf (ngettext ("%s locality", "%s localities", localities), count);
}
