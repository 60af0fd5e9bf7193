/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ODS GP practice file, epraccur.csv: no header, 27 quoted fields a
 * row, practices and other prescribing settings of every commissioner. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-import-private.h"
#include "lp-validate.h"

#define EPRACCUR_FIELDS 27

/* Field positions (0-based) in epraccur.csv. */
enum {
  ODS_CODE = 0,
  ODS_NAME = 1,
  ODS_POSTCODE = 9,
  ODS_CLOSE_DATE = 11,
  ODS_STATUS = 12,
  ODS_COMMISSIONER = 14,
  ODS_SETTING = 25,
};

static gboolean
lp_epraccur_bind (LpImporter  *importer,
                  GError     **error)
{
  for (int i = 0; i < EPRACCUR_FIELDS; i++)
    importer->columns[i] = i;
  return TRUE;
}

/* Older files write A, C, D, P; newer ones ACTIVE, INACTIVE, DORMANT. */
static const char *
lp_epraccur_status (const char *text)
{
  static const struct { const char *ods; const char *plan; } statuses[] = {
    { "A", "active" }, { "ACTIVE", "active" },
    { "C", "closed" }, { "CLOSED", "closed" }, { "INACTIVE", "closed" },
    { "D", "dormant" }, { "DORMANT", "dormant" },
    { "P", "proposed" }, { "PROPOSED", "proposed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_ascii_strcasecmp (statuses[i].ods, text) == 0)
      return statuses[i].plan;
  return NULL;
}

/* YYYYMMDD as YYYY-MM-DD; "" (still open) as NULL.  FALSE for anything
 * else, or a day that does not exist. */
static gboolean
lp_epraccur_date (const char  *text,
                  char       **iso)
{
  *iso = NULL;
  if (*text == '\0')
    return TRUE;
  if (strlen (text) != 8 || strspn (text, "0123456789") != 8)
    return FALSE;
  *iso = g_strdup_printf ("%.4s-%.2s-%.2s", text, text + 4, text + 6);
  if (lp_validate_date ("", *iso, NULL))
    return TRUE;
  g_clear_pointer (iso, g_free);
  return FALSE;
}

/* For the preview's "61 practices: 57 active, 3 closed, 1 dormant". */
static void
lp_epraccur_count_status (LpImportReport *report,
                          const char     *status)
{
  if (strcmp (status, "active") == 0)
    report->active_practices++;
  else if (strcmp (status, "closed") == 0)
    report->closed_practices++;
  else if (strcmp (status, "dormant") == 0)
    report->dormant_practices++;
  else
    report->proposed_practices++;
}

static gboolean
lp_epraccur_wanted (LpImporter *importer)
{
  const char *setting = lp_importer_get (importer, ODS_SETTING);
  const char *commissioner = importer->options->commissioner;

  /* Setting 4 (newer files: role RO76) is a GP practice; the rest are
   * prisons, walk-in centres and other prescribers. */
  if (g_strcmp0 (setting, "4") != 0 && g_ascii_strcasecmp (setting, "RO76") != 0)
    return FALSE;
  return commissioner == NULL || *commissioner == '\0' ||
         g_ascii_strcasecmp (lp_importer_get (importer, ODS_COMMISSIONER), commissioner) == 0;
}

static gboolean
lp_epraccur_row (LpImporter  *importer,
                 GError     **error)
{
  guint n_fields = lp_csv_reader_get_n_fields (importer->csv);
  const char *status;
  g_autofree char *close_date = NULL;
  gint64 practice;
  sqlite3_stmt *stmt;

  if (n_fields != EPRACCUR_FIELDS)
    {
      g_autofree char *why = g_strdup_printf (_("has %u fields where epraccur.csv has %d"), n_fields,
                                              EPRACCUR_FIELDS);
      return lp_importer_bad_row (importer, why, error);
    }
  if (!lp_epraccur_wanted (importer))
    return FALSE;
  if ((status = lp_epraccur_status (lp_importer_get (importer, ODS_STATUS))) == NULL)
    {
      g_autofree char *why = g_strdup_printf (_("“%s” is not a practice status (A, C, D, P, ACTIVE...)"),
                                              lp_importer_get (importer, ODS_STATUS));
      return lp_importer_bad_value (importer, ODS_STATUS, why, error);
    }
  if (!lp_epraccur_date (lp_importer_get (importer, ODS_CLOSE_DATE), &close_date))
    {
      g_autofree char *why = g_strdup_printf (_("“%s” is not a close date (expected YYYYMMDD, e.g. 20180815)"),
                                              lp_importer_get (importer, ODS_CLOSE_DATE));
      return lp_importer_bad_value (importer, ODS_CLOSE_DATE, why, error);
    }
  if ((practice = lp_importer_practice (importer, ODS_CODE, lp_importer_get (importer, ODS_NAME), error)) == 0 ||
      !lp_importer_first_time (importer, lp_importer_get (importer, ODS_CODE), ODS_CODE, error))
    return FALSE;
  stmt = lp_plan_prepare (importer->plan,
      "UPDATE practice SET name = ?2, postcode = ?3, status = ?4, commissioner = ?5, close_date = ?6 "
      "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, practice);
  sqlite3_bind_text (stmt, 2, lp_importer_get (importer, ODS_NAME), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, lp_importer_get (importer, ODS_POSTCODE), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, lp_importer_get (importer, ODS_COMMISSIONER), -1, SQLITE_TRANSIENT);
  /* A practice that reopened has no close date any more: clear it. */
  lp_stmt_bind_text (stmt, 6, close_date);
  if (!lp_importer_run (importer, stmt, "practice", error))
    return FALSE;
  lp_epraccur_count_status (importer->report, status);
  return TRUE;
}

static gboolean
lp_epraccur_finish (LpImporter  *importer,
                    GError     **error)
{
  lp_importer_report_missing_practices (importer);
  return TRUE;
}

const LpImportHandler lp_import_epraccur_handler = {
  LP_IMPORT_ODS_EPRACCUR, "ods-epraccur", FALSE, lp_epraccur_bind, lp_epraccur_row, lp_epraccur_finish,
};
