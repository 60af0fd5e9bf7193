/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Contracts with providers, and the plan functions that edit them. */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "lp-contract.h"
#include "lp-plan-private.h"
#include "lp-validate.h"

struct _LpContract
{
  GObject  parent_instance;
  gint64   id;
  gint64   provider_id;
  char    *provider;
  char    *sector;
  char    *service;
  char    *start_date;
  char    *end_date;
  gint64   extension_months;
  gint64   annual_value_pounds;
  char    *notes;
  char    *vulnerable_services;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_PROVIDER_ID,
  PROP_PROVIDER,
  PROP_SECTOR,
  PROP_SERVICE,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_LENGTH_MONTHS,
  PROP_EXTENSION_MONTHS,
  PROP_ANNUAL_VALUE,
  PROP_NOTES,
  PROP_VULNERABLE_SERVICES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LpContract, lp_contract, G_TYPE_OBJECT)

static void
lp_contract_finalize (GObject *object)
{
  LpContract *self = LP_CONTRACT (object);

  g_free (self->provider);
  g_free (self->sector);
  g_free (self->service);
  g_free (self->start_date);
  g_free (self->end_date);
  g_free (self->notes);
  g_free (self->vulnerable_services);
  G_OBJECT_CLASS (lp_contract_parent_class)->finalize (object);
}

static void
lp_contract_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LpContract *self = LP_CONTRACT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_PROVIDER_ID: g_value_set_int64 (value, self->provider_id); break;
    case PROP_PROVIDER: g_value_set_string (value, self->provider); break;
    case PROP_SECTOR: g_value_set_string (value, self->sector); break;
    case PROP_SERVICE: g_value_set_string (value, self->service); break;
    case PROP_START_DATE: g_value_set_string (value, self->start_date); break;
    case PROP_END_DATE: g_value_set_string (value, self->end_date); break;
    case PROP_LENGTH_MONTHS: g_value_set_int (value, lp_contract_get_length_months (self)); break;
    case PROP_EXTENSION_MONTHS: g_value_set_int64 (value, self->extension_months); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_ANNUAL_VALUE: g_value_set_int64 (value, self->annual_value_pounds); break;
    case PROP_VULNERABLE_SERVICES: g_value_set_string (value, self->vulnerable_services); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_contract_class_init (LpContractClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lp_contract_finalize;
  object_class->get_property = lp_contract_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PROVIDER_ID] = g_param_spec_int64 ("provider-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PROVIDER] = g_param_spec_string ("provider", NULL, NULL, NULL, flags);
  properties[PROP_SECTOR] = g_param_spec_string ("sector", NULL, NULL, NULL, flags);
  properties[PROP_SERVICE] = g_param_spec_string ("service", NULL, NULL, NULL, flags);
  properties[PROP_START_DATE] = g_param_spec_string ("start-date", NULL, NULL, NULL, flags);
  properties[PROP_END_DATE] = g_param_spec_string ("end-date", NULL, NULL, NULL, flags);
  properties[PROP_LENGTH_MONTHS] = g_param_spec_int ("length-months", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_EXTENSION_MONTHS] =
    g_param_spec_int64 ("extension-months", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);
  properties[PROP_ANNUAL_VALUE] =
    g_param_spec_int64 ("annual-value-pounds", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_VULNERABLE_SERVICES] = g_param_spec_string ("vulnerable-services", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lp_contract_init (LpContract *self)
{
}

gint64 lp_contract_get_id (LpContract *self) { g_return_val_if_fail (LP_IS_CONTRACT (self), 0); return self->id; }
gint64 lp_contract_get_provider_id (LpContract *self) { g_return_val_if_fail (LP_IS_CONTRACT (self), 0); return self->provider_id; }
const char *lp_contract_get_provider (LpContract *self) { g_return_val_if_fail (LP_IS_CONTRACT (self), NULL); return self->provider; }
const char *lp_contract_get_sector (LpContract *self) { g_return_val_if_fail (LP_IS_CONTRACT (self), NULL); return self->sector; }
const char *lp_contract_get_service (LpContract *self) { g_return_val_if_fail (LP_IS_CONTRACT (self), NULL); return self->service; }
const char *lp_contract_get_start_date (LpContract *self) { g_return_val_if_fail (LP_IS_CONTRACT (self), NULL); return self->start_date; }
const char *lp_contract_get_end_date (LpContract *self) { g_return_val_if_fail (LP_IS_CONTRACT (self), NULL); return self->end_date; }
gint64 lp_contract_get_extension_months (LpContract *self) { g_return_val_if_fail (LP_IS_CONTRACT (self), 0); return self->extension_months; }
gint64 lp_contract_get_annual_value_pounds (LpContract *self) { g_return_val_if_fail (LP_IS_CONTRACT (self), 0); return self->annual_value_pounds; }
const char *lp_contract_get_notes (LpContract *self) { g_return_val_if_fail (LP_IS_CONTRACT (self), NULL); return self->notes; }
const char *lp_contract_get_vulnerable_services (LpContract *self) { g_return_val_if_fail (LP_IS_CONTRACT (self), NULL); return self->vulnerable_services; }

/* Whole months covered, counting the end date's day: 2017-04-01 to
 * 2019-03-31 is 24 months, 2017-06-29 to 2022-06-28 is 60. */
int
lp_contract_get_length_months (LpContract *self)
{
  guint sy, sm, sd, ey, em, ed;
  GDate end;
  int months;

  g_return_val_if_fail (LP_IS_CONTRACT (self), 0);

  if (sscanf (self->start_date, "%4u-%2u-%2u", &sy, &sm, &sd) != 3 ||
      sscanf (self->end_date, "%4u-%2u-%2u", &ey, &em, &ed) != 3 ||
      !g_date_valid_dmy (ed, em, ey))
    return 0;
  g_date_clear (&end, 1);
  g_date_set_dmy (&end, ed, em, ey);
  g_date_add_days (&end, 1);
  months = (int) (g_date_get_year (&end) * 12 + g_date_get_month (&end)) - (int) (sy * 12 + sm);
  if (g_date_get_day (&end) < sd)
    months--;
  return MAX (months, 0);
}

#define CONTRACT_COLUMNS \
  "SELECT c.id, c.provider_id, p.name, p.sector, c.service, c.start_date, c.end_date, " \
  "       c.extension_months, c.annual_value_pounds, c.notes, " \
  "       (SELECT ifnull (group_concat (service, '; '), '') FROM " \
  "          (SELECT service FROM vulnerable_service WHERE contract_id = c.id ORDER BY service)) " \
  "FROM contract AS c JOIN provider AS p ON p.id = c.provider_id "

static LpContract *
lp_contract_from_row (sqlite3_stmt *stmt)
{
  LpContract *self = g_object_new (LP_TYPE_CONTRACT, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->provider_id = sqlite3_column_int64 (stmt, 1);
  self->provider = g_strdup (lp_stmt_column_text (stmt, 2));
  self->sector = g_strdup (lp_stmt_column_text (stmt, 3));
  self->service = g_strdup (lp_stmt_column_text (stmt, 4));
  self->start_date = g_strdup (lp_stmt_column_text (stmt, 5));
  self->end_date = g_strdup (lp_stmt_column_text (stmt, 6));
  self->extension_months = sqlite3_column_int64 (stmt, 7);
  self->annual_value_pounds = sqlite3_column_int64 (stmt, 8);
  self->notes = g_strdup (lp_stmt_column_text (stmt, 9));
  self->vulnerable_services = g_strdup (lp_stmt_column_text (stmt, 10));
  return self;
}

/**
 * lp_plan_list_contracts:
 *
 * Returns: (transfer full): a list of #LpContract, largest annual value first
 */
GListModel *
lp_plan_list_contracts (LpPlan  *plan,
                        GError **error)
{
  g_autoptr(GListStore) store = g_list_store_new (LP_TYPE_CONTRACT);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  stmt = lp_plan_prepare (plan, CONTRACT_COLUMNS "ORDER BY c.annual_value_pounds DESC, p.name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LpContract) contract = lp_contract_from_row (stmt);
      g_list_store_append (store, contract);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the contracts")), NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

LpContract *
lp_plan_get_contract (LpPlan  *plan,
                      gint64   id,
                      GError **error)
{
  sqlite3_stmt *stmt;
  LpContract *contract = NULL;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  stmt = lp_plan_prepare (plan, CONTRACT_COLUMNS "WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    contract = lp_contract_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND, _("The contract no longer exists"));
  else if (rc != SQLITE_ROW)
    lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the contract"));
  return contract;
}

static gboolean
lp_contract_validate (const LpContractFields  *fields,
                      GError                 **error)
{
  static const char * const sectors[] = { "NHS", "Independent", "Other", NULL };

  if (!lp_validate_text (_("Provider"), fields->provider, TRUE, LP_NAME_MAX_CHARS, error) ||
      !lp_validate_text (_("Service"), fields->service, TRUE, LP_NAME_MAX_CHARS, error) ||
      !lp_validate_text (_("Notes"), fields->notes, FALSE, LP_NOTES_MAX_CHARS, error) ||
      !lp_validate_date (_("Start date"), fields->start_date, error) ||
      !lp_validate_date (_("End date"), fields->end_date, error))
    return FALSE;
  if (fields->sector != NULL && !g_strv_contains (sectors, fields->sector))
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("Sector must be NHS, Independent or Other, not “%s”"), fields->sector), FALSE;
  if (g_strcmp0 (fields->end_date, fields->start_date) < 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("End date %s is before the start date %s"),
                        fields->end_date, fields->start_date), FALSE;
  if (fields->annual_value_pounds < 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("Annual value must be 0 or more whole pounds")), FALSE;
  if (fields->extension_months < 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("Extension must be 0 or more months")), FALSE;
  return TRUE;
}

/* Returns the provider's id, adding the provider if the plan lacks it. */
static gint64
lp_contract_ensure_provider (LpPlan                  *plan,
                             const LpContractFields  *fields,
                             GError                 **error)
{
  g_autofree char *name = g_strstrip (g_strdup (fields->provider));
  sqlite3_stmt *stmt = lp_plan_prepare (plan, "SELECT id FROM provider WHERE name = ?1 COLLATE NOCASE", error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id != 0)
    return id;
  stmt = lp_plan_prepare (plan, "INSERT INTO provider (id, name, sector) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return 0;
  id = lp_id_new ();
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, fields->sector != NULL ? fields->sector : "NHS", -1, SQLITE_TRANSIENT);
  return lp_stmt_run (plan, stmt, _("add the provider"), error) ? id : 0;
}

static gboolean
lp_contract_write (LpPlan                  *plan,
                   const char              *sql,
                   gint64                   id,
                   const LpContractFields  *fields,
                   GError                 **error)
{
  g_autofree char *service = NULL;
  sqlite3_stmt *stmt;
  gint64 provider_id;

  if (!lp_contract_validate (fields, error) || !lp_plan_begin_write (plan, error))
    return FALSE;
  provider_id = lp_contract_ensure_provider (plan, fields, error);
  stmt = provider_id != 0 ? lp_plan_prepare (plan, sql, error) : NULL;
  if (stmt == NULL)
    return lp_plan_rollback (plan), FALSE;
  service = g_strstrip (g_strdup (fields->service));
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, provider_id);
  sqlite3_bind_text (stmt, 3, service, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, fields->start_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, fields->end_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, fields->extension_months);
  sqlite3_bind_int64 (stmt, 7, fields->annual_value_pounds);
  sqlite3_bind_text (stmt, 8, fields->notes != NULL ? fields->notes : "", -1, SQLITE_TRANSIENT);
  if (!lp_stmt_run (plan, stmt, _("save the contract"), error))
    return lp_plan_rollback (plan), FALSE;
  if (sqlite3_changes (lp_plan_get_db (plan)) == 0)
    {
      lp_plan_rollback (plan);
      return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                          _("The contract no longer exists")), FALSE;
    }
  if (!lp_plan_commit (plan, error))
    return FALSE;
  lp_plan_emit_changed (plan, "contract");
  return TRUE;
}

/**
 * lp_plan_add_contract:
 *
 * Returns: the new contract's id, or 0 with @error set
 */
gint64
lp_plan_add_contract (LpPlan                  *plan,
                      const LpContractFields  *fields,
                      GError                 **error)
{
  gint64 id = lp_id_new ();

  g_return_val_if_fail (LP_IS_PLAN (plan), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!lp_contract_write (plan,
                          "INSERT INTO contract (id, provider_id, service, start_date, end_date, "
                          "extension_months, annual_value_pounds, notes) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", id, fields, error))
    return 0;
  return id;
}

gboolean
lp_plan_update_contract (LpPlan                  *plan,
                         gint64                   id,
                         const LpContractFields  *fields,
                         GError                 **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  return lp_contract_write (plan,
                            "UPDATE contract SET provider_id = ?2, service = ?3, start_date = ?4, "
                            "end_date = ?5, extension_months = ?6, annual_value_pounds = ?7, notes = ?8 "
                            "WHERE id = ?1", id, fields, error);
}

gboolean
lp_plan_delete_contract (LpPlan  *plan,
                         gint64   id,
                         GError **error)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  return lp_plan_delete_row (plan, "DELETE FROM contract WHERE id = ?1", id, "contract",
                             _("delete the contract"), _("The contract no longer exists"), error);
}

/**
 * lp_plan_add_vulnerable_service:
 *
 * Flags @service, delivered under the contract, as vulnerable.
 *
 * Returns: the new row's id, or 0 with @error set
 */
gint64
lp_plan_add_vulnerable_service (LpPlan      *plan,
                                gint64       contract_id,
                                const char  *service,
                                GError     **error)
{
  g_autoptr(LpContract) contract = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 id = lp_id_new ();

  g_return_val_if_fail (LP_IS_PLAN (plan), 0);

  if (!lp_validate_text (_("Vulnerable service"), service, TRUE, LP_NAME_MAX_CHARS, error) ||
      (contract = lp_plan_get_contract (plan, contract_id, error)) == NULL ||
      !lp_plan_begin_write (plan, error))
    return 0;
  stmt = lp_plan_prepare (plan, "INSERT INTO vulnerable_service (id, contract_id, service) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return lp_plan_rollback (plan), 0;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, contract_id);
  sqlite3_bind_text (stmt, 3, service, -1, SQLITE_TRANSIENT);
  if (!lp_stmt_run (plan, stmt, _("save the vulnerable service"), &local_error))
    {
      lp_plan_rollback (plan);
      if (g_error_matches (local_error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT))
        g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT,
                     _("“%s” is already flagged as vulnerable for this contract"), service);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (!lp_plan_commit (plan, error))
    return 0;
  lp_plan_emit_changed (plan, "vulnerable_service");
  return id;
}
