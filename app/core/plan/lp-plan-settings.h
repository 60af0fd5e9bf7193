/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The plan's settings as one form: its name, organisation, financial
 * years, reference ("as at") date, STP and allocation.  They are rows of
 * plan_info, named by the keys below, which are also the form's field
 * keys (LpEditDialog shows a refusal under the field core names). */

#include "lp-plan.h"

G_BEGIN_DECLS

#define LP_SETTING_NAME               "name"
#define LP_SETTING_ORGANISATION_CODE  "organisation_code"
#define LP_SETTING_ORGANISATION_NAME  "organisation_name"
#define LP_SETTING_FIRST_YEAR         "financial_year"
#define LP_SETTING_LAST_YEAR          "last_financial_year"
#define LP_SETTING_REFERENCE_DATE     "reference_date"
#define LP_SETTING_STP_NAME           "stp_name"
#define LP_SETTING_STP_POPULATION     "stp_population"
#define LP_SETTING_ALLOCATION         "allocation_pounds"

/* What the plan holds now; a setting it does not have is NULL or -1. */
typedef struct {
  char   *name;
  char   *organisation_code;
  char   *organisation_name;
  char   *first_year;        /* "2018/19" */
  char   *last_year;         /* "2019/20"; NULL: the plan is for one year */
  char   *reference_date;    /* YYYY-MM-DD */
  char   *stp_name;
  gint64  stp_population;
  gint64  allocation_pounds;
} LpPlanSettings;

/* Each field as typed; NULL or blank clears that setting. */
typedef struct {
  const char *name;
  const char *organisation_code;
  const char *organisation_name;
  const char *first_year;        /* "2018/19" or "2018-19" */
  const char *last_year;         /* blank: the same as the first */
  const char *reference_date;    /* DD/MM/YYYY or YYYY-MM-DD */
  const char *stp_name;
  const char *stp_population;    /* a whole number: "1,500,000" */
  const char *allocation;        /* whole pounds: "£746,254,000" */
} LpPlanSettingsForm;

gboolean lp_parse_financial_year      (const char            *field,
                                       const char            *text,
                                       guint                 *start_year,
                                       GError               **error);
char    *lp_format_financial_year     (guint                  start_year);

gboolean lp_plan_get_settings         (LpPlan                *plan,
                                       LpPlanSettings        *settings,
                                       GError               **error);
void     lp_plan_settings_clear       (LpPlanSettings        *settings);
/* Checks every field, then saves them all in one transaction (one undo
 * step); on a refusal nothing is saved and @bad_field is its key. */
gboolean lp_plan_save_settings_form   (LpPlan                *plan,
                                       const LpPlanSettingsForm *form,
                                       const char           **bad_field,
                                       GError               **error);
/* The first April and the last March the plan's financial years cover,
 * as YYYY-MM-DD; FALSE when the plan names no financial year. */
gboolean lp_plan_get_year_span        (LpPlan                *plan,
                                       char                   first_day[11],
                                       char                   last_day[11]);
/* Refuses a date (YYYY-MM-DD) before the plan: plans are written in the
 * year before their first, so the earliest is 1 April of that year.  A
 * plan without a financial year refuses nothing.  The message begins
 * with @field_label, as the editors show it under the field. */
gboolean lp_plan_check_date_in_plan   (LpPlan                *plan,
                                       const char            *iso_date,
                                       const char            *field_label,
                                       GError               **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LpPlanSettings, lp_plan_settings_clear)

G_END_DECLS
