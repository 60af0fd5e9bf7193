/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-plan.h"

G_BEGIN_DECLS

/* What a user can set on a contract.  The provider is named: one that the
 * plan does not know yet is added (as @sector: "NHS", "Independent" or
 * "Other"; NULL = "NHS").  Dates are YYYY-MM-DD; the value is whole pounds
 * a year. */
typedef struct {
  const char *provider;
  const char *sector;
  const char *service;
  const char *start_date;
  const char *end_date;
  gint64      extension_months;
  gint64      annual_value_pounds;
  const char *notes;
} LpContractFields;

/* LpContract: one contract as read from the plan.  Read-only GObject
 * properties: "id", "provider-id", "provider", "sector", "service",
 * "start-date", "end-date", "length-months" (int), "extension-months",
 * "annual-value-pounds" (gint64), "notes" and "vulnerable-services". */
#define LP_TYPE_CONTRACT (lp_contract_get_type ())
G_DECLARE_FINAL_TYPE (LpContract, lp_contract, LP, CONTRACT, GObject)

gint64      lp_contract_get_id                  (LpContract *self);
gint64      lp_contract_get_provider_id         (LpContract *self);
const char *lp_contract_get_provider            (LpContract *self);
const char *lp_contract_get_sector              (LpContract *self);
const char *lp_contract_get_service             (LpContract *self);
const char *lp_contract_get_start_date          (LpContract *self);
const char *lp_contract_get_end_date            (LpContract *self);
gint64      lp_contract_get_extension_months    (LpContract *self);
gint64      lp_contract_get_annual_value_pounds (LpContract *self);
const char *lp_contract_get_notes               (LpContract *self);
/* Vulnerable services under this contract, joined with "; " ("" if none). */
const char *lp_contract_get_vulnerable_services (LpContract *self);
/* Whole months from start to end date (a contract 01/04/2017-31/03/2019 is 24). */
int         lp_contract_get_length_months       (LpContract *self);

GListModel *lp_plan_list_contracts  (LpPlan                 *plan,
                                     GError                **error);
LpContract *lp_plan_get_contract    (LpPlan                 *plan,
                                     gint64                  id,
                                     GError                **error);
gint64      lp_plan_add_contract    (LpPlan                 *plan,
                                     const LpContractFields *fields,
                                     GError                **error);
gboolean    lp_plan_update_contract (LpPlan                 *plan,
                                     gint64                  id,
                                     const LpContractFields *fields,
                                     GError                **error);
gboolean    lp_plan_delete_contract (LpPlan                 *plan,
                                     gint64                  id,
                                     GError                **error);
gint64      lp_plan_add_vulnerable_service (LpPlan      *plan,
                                            gint64       contract_id,
                                            const char  *service,
                                            GError     **error);

G_END_DECLS
