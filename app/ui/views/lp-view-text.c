/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The words of the data views: counts, cell texts, toasts.  Kept apart
 * from the widgets so that the tests check them without a display, and so
 * that the widgets only place what these functions say. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-format.h"
#include "lp-view-text.h"

/**
 * lp_view_text_count:
 * @shown: rows left by the search and filters
 * @total: rows in the plan
 *
 * Returns: (transfer full): "57 practices", or "7 of 57 practices" while a
 *   search or filter hides some
 */
char *
lp_view_text_count (LpViewKind kind,
                    guint      shown,
                    guint      total)
{
  g_autofree char *all = lp_format_count (total);
  g_autofree char *some = lp_format_count (shown);

  /* The plural follows the total: "1 of 57 practices".  The formats stay
   * literal so that the compiler checks them against their arguments. */
  switch (kind)
    {
    case LP_VIEW_LOCALITIES:
      if (shown == total)
        return g_strdup_printf (ngettext ("%s locality", "%s localities", total), all);
      return g_strdup_printf (ngettext ("%s of %s locality", "%s of %s localities", total),
                              some, all);
    case LP_VIEW_PRACTICES:
      if (shown == total)
        return g_strdup_printf (ngettext ("%s practice", "%s practices", total), all);
      return g_strdup_printf (ngettext ("%s of %s practice", "%s of %s practices", total),
                              some, all);
    case LP_VIEW_CONTRACTS:
    default:
      if (shown == total)
        return g_strdup_printf (ngettext ("%s contract", "%s contracts", total), all);
      return g_strdup_printf (ngettext ("%s of %s contract", "%s of %s contracts", total),
                              some, all);
    }
}

/**
 * lp_view_text_deleted:
 * @what: how the row is known: a practice's code, a locality's name, a
 *   contract's provider and service
 *
 * Returns: (transfer full): the toast after a delete ("Deleted practice X06K01")
 */
char *
lp_view_text_deleted (LpViewKind  kind,
                      const char *what)
{
  switch (kind)
    {
    case LP_VIEW_LOCALITIES:
      return g_strdup_printf (_("Deleted locality %s"), what);
    case LP_VIEW_PRACTICES:
      return g_strdup_printf (_("Deleted practice %s"), what);
    case LP_VIEW_CONTRACTS:
    default:
      return g_strdup_printf (_("Deleted contract %s"), what);
    }
}

/**
 * lp_view_text_search_key:
 * @columns: (array length=n_columns): a row's text columns; %NULL ones are
 *   left out
 *
 * The text a search matches against: the row's text columns, one a line,
 * so that a search cannot match across two columns.
 *
 * Returns: (transfer full): the joined columns
 */
char *
lp_view_text_search_key (const char *const *columns,
                         gsize               n_columns)
{
  GString *key = g_string_new (NULL);

  for (gsize i = 0; i < n_columns; i++)
    {
      if (columns[i] == NULL || *columns[i] == '\0')
        continue;
      if (key->len > 0)
        g_string_append_c (key, '\n');
      g_string_append (key, columns[i]);
    }
  return g_string_free (key, FALSE);
}

/**
 * lp_view_text_search_fold:
 * @text: a search key (lp_view_text_search_key()) or what the user typed
 *
 * Folds @text as GTK's own string filter does (Unicode normalisation and
 * case folding), so that "surgery" finds "Surgery" and "é" finds "é"
 * however either was typed; a search matches a row when its folded text
 * holds the folded search.
 *
 * Returns: (transfer full): the folded text
 */
char *
lp_view_text_search_fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

/**
 * lp_view_text_contract_state:
 *
 * Returns: the status cell's text: "Ending soon", "Ended", or "" for a
 *   contract that is running or has not started (those need no flag)
 */
const char *
lp_view_text_contract_state (LpContractState state)
{
  switch (state)
    {
    case LP_CONTRACT_ENDING_SOON:
      return _("Ending soon");
    case LP_CONTRACT_ENDED:
      return _("Ended");
    case LP_CONTRACT_NOT_STARTED:
    case LP_CONTRACT_CURRENT:
    default:
      return "";
    }
}

/**
 * lp_view_text_contract_style:
 *
 * Returns: (nullable): the style class of the status cell, or %NULL
 */
const char *
lp_view_text_contract_style (LpContractState state)
{
  switch (state)
    {
    case LP_CONTRACT_ENDING_SOON:
      return "warning";
    case LP_CONTRACT_ENDED:
      return "dim-label";
    case LP_CONTRACT_NOT_STARTED:
    case LP_CONTRACT_CURRENT:
    default:
      return NULL;
    }
}

/**
 * lp_view_text_list_size:
 * @patients: the latest list size, or -1 for a practice with none
 *
 * Returns: (transfer full): "12,326", or a dash when none is recorded
 */
char *
lp_view_text_list_size (gint64 patients)
{
  if (patients < 0)
    return g_strdup ("—");
  return lp_format_count (patients);
}

/**
 * lp_view_text_months:
 *
 * Returns: (transfer full): a contract's length, "24 months"
 */
char *
lp_view_text_months (int months)
{
  g_autofree char *count = lp_format_count (months);

  return g_strdup_printf (ngettext ("%s month", "%s months", months), count);
}

/**
 * lp_view_text_as_at:
 * @iso_date: (nullable): the extract the list size is from
 *
 * Returns: (transfer full): the list size cell's tooltip
 */
char *
lp_view_text_as_at (const char *iso_date)
{
  g_autofree char *date = NULL;

  if (iso_date == NULL || *iso_date == '\0')
    return g_strdup (_("No list size recorded"));
  date = lp_format_date (iso_date);
  return g_strdup_printf (_("As at %s"), date);
}

/**
 * lp_view_text_vulnerable:
 * @services: (nullable): the contract's vulnerable services, joined with "; "
 *
 * Returns: (transfer full) (nullable): the warning icon's tooltip, one
 *   service a line, or %NULL when there are none (no icon)
 */
char *
lp_view_text_vulnerable (const char *services)
{
  g_auto(GStrv) names = NULL;
  GString *text;

  if (services == NULL || *services == '\0')
    return NULL;
  names = g_strsplit (services, "; ", -1);
  text = g_string_new (ngettext ("Vulnerable service:", "Vulnerable services:",
                                 g_strv_length (names)));
  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (text, "\n• %s", names[i]);
  return g_string_free (text, FALSE);
}

/**
 * lp_view_text_no_results:
 * @search: (nullable): what the user searched for
 *
 * Returns: (transfer full): the description of the "No Results" page
 */
char *
lp_view_text_no_results (LpViewKind  kind,
                         const char *search)
{
  if (search == NULL || *search == '\0')
    {
      if (kind == LP_VIEW_PRACTICES)
        return g_strdup (_("This locality has no practices yet."));
      return g_strdup (_("Nothing matches the filter."));
    }
  switch (kind)
    {
    case LP_VIEW_LOCALITIES:
      return g_strdup_printf (_("No locality’s name or code contains “%s”."), search);
    case LP_VIEW_PRACTICES:
      return g_strdup_printf (_("No practice’s code, name, locality or postcode contains “%s”."), search);
    case LP_VIEW_CONTRACTS:
    default:
      return g_strdup_printf (_("No contract’s provider or service contains “%s”."), search);
    }
}

static const char *const status_keys[] = { "active", "closed", "dormant", "proposed", NULL };
static const char *const sector_keys[] = { "NHS", "Independent", "Other", NULL };

const char *const *
lp_view_text_status_keys (void)
{
  return status_keys;
}

/**
 * lp_view_text_status_label:
 *
 * Returns: how a practice status key reads ("Active"); an unknown key as it is
 */
const char *
lp_view_text_status_label (const char *status)
{
  if (status == NULL || g_str_equal (status, "active"))
    return C_("practice status", "Active");
  if (g_str_equal (status, "closed"))
    return C_("practice status", "Closed");
  if (g_str_equal (status, "dormant"))
    return C_("practice status", "Dormant");
  if (g_str_equal (status, "proposed"))
    return C_("practice status", "Proposed");
  return status;
}

/**
 * lp_view_text_status_since:
 *
 * Returns: (transfer full): a practice's status with its close date, where
 *   it has one: "Closed 15/08/2018", or "Active until 01/04/2019" for one
 *   still open that is to close; else its status alone
 */
char *
lp_view_text_status_since (const char *status,
                           const char *close_date)
{
  g_autofree char *date = NULL;

  if (close_date == NULL || *close_date == '\0')
    return g_strdup (lp_view_text_status_label (status));
  date = lp_format_date (close_date);
  if (g_strcmp0 (status, "closed") == 0 || g_strcmp0 (status, "dormant") == 0)
    /* TRANSLATORS: a practice's status and the day it closed: "Closed 15/08/2018" */
    return g_strdup_printf (C_("practice status", "%s %s"), lp_view_text_status_label (status), date);
  /* TRANSLATORS: a practice still open and the day it is to close: "Active until 01/04/2019" */
  return g_strdup_printf (C_("practice status", "%s until %s"), lp_view_text_status_label (status), date);
}

const char *const *
lp_view_text_sector_keys (void)
{
  return sector_keys;
}

/**
 * lp_view_text_sector_label:
 *
 * Returns: how a provider sector key reads; NHS is a name in every language
 */
const char *
lp_view_text_sector_label (const char *sector)
{
  if (sector == NULL || g_str_equal (sector, "NHS"))
    return "NHS";
  if (g_str_equal (sector, "Independent"))
    return C_("provider sector", "Independent");
  if (g_str_equal (sector, "Other"))
    return C_("provider sector", "Other");
  return sector;
}
