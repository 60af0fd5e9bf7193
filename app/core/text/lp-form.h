/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Saving what a user typed into an edit dialog: every value arrives as
 * text, is parsed and checked here, and is saved in one transaction.  On
 * failure nothing is saved, @error says what is wrong in words for the
 * user, and @bad_field names the field to show it next to (one of the
 * LP_FIELD_* keys below). */

#include "lp-plan.h"

G_BEGIN_DECLS

#define LP_FIELD_NAME            "name"
#define LP_FIELD_CODE            "code"
#define LP_FIELD_NOTES           "notes"
#define LP_FIELD_ODS_CODE        "ods_code"
#define LP_FIELD_POSTCODE        "postcode"
#define LP_FIELD_LOCALITY        "locality"
#define LP_FIELD_STATUS          "status"
#define LP_FIELD_LIST_SIZE       "list_size"
#define LP_FIELD_EXTRACT_DATE    "extract_date"
#define LP_FIELD_CLOSE_DATE      "close_date"
#define LP_FIELD_PROVIDER        "provider"
#define LP_FIELD_SECTOR          "sector"
#define LP_FIELD_SERVICE         "service"
#define LP_FIELD_START_DATE      "start_date"
#define LP_FIELD_END_DATE        "end_date"
#define LP_FIELD_EXTENSION       "extension_months"
#define LP_FIELD_ANNUAL_VALUE    "annual_value"
#define LP_FIELD_JOINERS         "joiners"
#define LP_FIELD_LEAVERS         "leavers"

typedef struct {
  const char *name;
  const char *code;
  const char *notes;
} LpLocalityForm;

typedef struct {
  const char *ods_code;
  const char *name;
  const char *postcode;
  gint64      locality_id;    /* 0: no locality */
  const char *status;         /* "active", "closed", "dormant", "proposed" */
  const char *notes;
  /* The registered list size as typed ("7,250"); NULL or "" leaves the
   * practice's list sizes as they are. */
  const char *list_size;
  /* The extract the list size is for (DD/MM/YYYY or YYYY-MM-DD); NULL or
   * "" means the practice's latest extract, or the first of this month for
   * a practice that has none. */
  const char *extract_date;
  /* The day it closed or is to close (DD/MM/YYYY or YYYY-MM-DD); NULL or
   * "" for none.  A closed practice counts until then. */
  const char *close_date;
} LpPracticeForm;

typedef struct {
  const char *provider;
  const char *sector;          /* "NHS", "Independent", "Other" */
  const char *service;
  const char *start_date;      /* DD/MM/YYYY or YYYY-MM-DD */
  const char *end_date;
  const char *extension_months;
  const char *annual_value;    /* whole pounds: "£9,213,000" or "9213000" */
  const char *notes;
} LpContractForm;

/* @id 0 adds a new row.  Returns the row's id, or 0 with @error set. */
gint64 lp_plan_save_locality_form (LpPlan               *plan,
                                   gint64                id,
                                   const LpLocalityForm *form,
                                   const char          **bad_field,
                                   GError              **error);
gint64 lp_plan_save_practice_form (LpPlan               *plan,
                                   gint64                id,
                                   const LpPracticeForm *form,
                                   const char          **bad_field,
                                   GError              **error);
gint64 lp_plan_save_contract_form (LpPlan               *plan,
                                   gint64                id,
                                   const LpContractForm *form,
                                   const char          **bad_field,
                                   GError              **error);

G_END_DECLS
