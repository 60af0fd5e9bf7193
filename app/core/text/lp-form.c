/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving edit dialogs.  Each field is checked in the order the dialog shows
 * it, so the first problem is reported against the field it belongs to;
 * then everything is saved in one transaction (one undo step). */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lp-contract.h"
#include "lp-form.h"
#include "lp-list-size.h"
#include "lp-locality.h"
#include "lp-plan-private.h"
#include "lp-practice.h"
#include "lp-validate.h"

static gboolean
lp_form_fail (const char **bad_field,
              const char  *field)
{
  if (bad_field != NULL)
    *bad_field = field;
  return FALSE;
}

/* A UNIQUE clash names the code or the name; anything else blames @other. */
static const char *
lp_form_constraint_field (const GError *error,
                          const char   *code_field,
                          const char   *other)
{
  if (g_error_matches (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT) &&
      strstr (error->message, _("code")) != NULL)
    return code_field;
  return other;
}

gint64
lp_plan_save_locality_form (LpPlan                *plan,
                            gint64                 id,
                            const LpLocalityForm  *form,
                            const char           **bad_field,
                            GError               **error)
{
  LpLocalityFields fields = { form->name, form->code, form->notes };
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), 0);
  g_return_val_if_fail (form != NULL, 0);

  if (!lp_validate_text (_("Locality name"), form->name, TRUE, LP_NAME_MAX_CHARS, error))
    return lp_form_fail (bad_field, LP_FIELD_NAME);
  if (!lp_validate_text (_("Locality code"), form->code, FALSE, 20, error))
    return lp_form_fail (bad_field, LP_FIELD_CODE);
  if (!lp_validate_text (_("Notes"), form->notes, FALSE, LP_NOTES_MAX_CHARS, error))
    return lp_form_fail (bad_field, LP_FIELD_NOTES);
  if (id == 0)
    id = lp_plan_add_locality (plan, &fields, &local_error);
  else if (!lp_plan_update_locality (plan, id, &fields, &local_error))
    id = 0;
  if (id == 0)
    {
      lp_form_fail (bad_field, lp_form_constraint_field (local_error, LP_FIELD_CODE, LP_FIELD_NAME));
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return id;
}

/* Checks the practice's fields, parsing the list size; on success
 * *patients is -1 when no list size was typed. */
static gboolean
lp_practice_form_check (LpPlan                *plan,
                        const LpPracticeForm  *form,
                        gint64                *patients,
                        const char           **bad_field,
                        GError               **error)
{
  g_autofree char *code = lp_normalise_ods_code (_("Practice code"), form->ods_code, error);
  static const char * const statuses[] = { "active", "closed", "dormant", "proposed", NULL };
  g_autoptr(LpLocality) locality = NULL;

  if (code == NULL)
    return lp_form_fail (bad_field, LP_FIELD_ODS_CODE);
  if (!lp_validate_text (_("Practice name"), form->name, TRUE, LP_NAME_MAX_CHARS, error))
    return lp_form_fail (bad_field, LP_FIELD_NAME);
  if (!lp_validate_text (_("Postcode"), form->postcode, FALSE, 10, error))
    return lp_form_fail (bad_field, LP_FIELD_POSTCODE);
  if (form->locality_id != 0 && (locality = lp_plan_get_locality (plan, form->locality_id, NULL)) == NULL)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("Locality: the chosen locality no longer exists")),
           lp_form_fail (bad_field, LP_FIELD_LOCALITY);
  if (form->status != NULL && !g_strv_contains (statuses, form->status))
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                        _("Status must be active, closed, dormant or proposed, not “%s”"), form->status),
           lp_form_fail (bad_field, LP_FIELD_STATUS);
  if (!lp_validate_text (_("Notes"), form->notes, FALSE, LP_NOTES_MAX_CHARS, error))
    return lp_form_fail (bad_field, LP_FIELD_NOTES);
  *patients = -1;
  if (!lp_text_is_blank (form->list_size) &&
      !lp_parse_count (_("List size"), form->list_size, patients, error))
    return lp_form_fail (bad_field, LP_FIELD_LIST_SIZE);
  return TRUE;
}

/* The extract a typed list size belongs to: the one typed, else the
 * practice's latest, else the first of this month. */
static char *
lp_practice_form_extract (LpPlan                *plan,
                          gint64                 id,
                          const LpPracticeForm  *form,
                          GError               **error)
{
  g_autoptr(LpPractice) practice = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (!lp_text_is_blank (form->extract_date))
    return lp_parse_date (_("As at"), form->extract_date, error);
  practice = id != 0 ? lp_plan_get_practice (plan, id, NULL) : NULL;
  if (practice != NULL && *lp_practice_get_list_size_date (practice) != '\0')
    return g_strdup (lp_practice_get_list_size_date (practice));
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-01");
}

static gint64
lp_practice_form_write (LpPlan                *plan,
                        gint64                 id,
                        const LpPracticeForm  *form,
                        gint64                 patients,
                        const char            *extract,
                        const char            *close_date,
                        const char           **bad_field,
                        GError               **error)
{
  LpPracticeFields fields = { form->ods_code, form->name, form->postcode, form->locality_id,
                              form->status, form->notes, close_date };
  gboolean ok;

  if (!lp_plan_begin_write (plan, error))
    return 0;
  if (id == 0)
    ok = (id = lp_plan_add_practice (plan, &fields, error)) != 0;
  else
    ok = lp_plan_update_practice (plan, id, &fields, error);
  if (!ok)
    {
      lp_plan_rollback (plan);
      return lp_form_fail (bad_field, LP_FIELD_ODS_CODE);
    }
  if (patients >= 0 && !lp_plan_set_list_size (plan, id, extract, patients, _("entered by hand"), error))
    {
      lp_plan_rollback (plan);
      return lp_form_fail (bad_field, LP_FIELD_LIST_SIZE);
    }
  return lp_plan_commit (plan, error) ? id : 0;
}

gint64
lp_plan_save_practice_form (LpPlan                *plan,
                            gint64                 id,
                            const LpPracticeForm  *form,
                            const char           **bad_field,
                            GError               **error)
{
  g_autofree char *extract = NULL;
  g_autofree char *close_date = NULL;
  gint64 patients = -1;

  g_return_val_if_fail (LP_IS_PLAN (plan), 0);
  g_return_val_if_fail (form != NULL, 0);

  if (!lp_practice_form_check (plan, form, &patients, bad_field, error))
    return 0;
  if (patients >= 0 && (extract = lp_practice_form_extract (plan, id, form, error)) == NULL)
    return lp_form_fail (bad_field, LP_FIELD_EXTRACT_DATE);
  if (!lp_text_is_blank (form->close_date) &&
      (close_date = lp_parse_date (_("Closed on"), form->close_date, error)) == NULL)
    return lp_form_fail (bad_field, LP_FIELD_CLOSE_DATE);
  return lp_practice_form_write (plan, id, form, patients, extract, close_date, bad_field, error);
}

/* Parses the contract's text fields into @fields, which borrows @start and
 * @end (owned by the caller). */
static gboolean
lp_contract_form_parse (const LpContractForm  *form,
                        LpContractFields      *fields,
                        char                 **start,
                        char                 **end,
                        const char           **bad_field,
                        GError               **error)
{
  if (!lp_validate_text (_("Provider"), form->provider, TRUE, LP_NAME_MAX_CHARS, error))
    return lp_form_fail (bad_field, LP_FIELD_PROVIDER);
  if (!lp_validate_text (_("Service"), form->service, TRUE, LP_NAME_MAX_CHARS, error))
    return lp_form_fail (bad_field, LP_FIELD_SERVICE);
  if ((*start = lp_parse_date (_("Start date"), form->start_date, error)) == NULL)
    return lp_form_fail (bad_field, LP_FIELD_START_DATE);
  if ((*end = lp_parse_date (_("End date"), form->end_date, error)) == NULL)
    return lp_form_fail (bad_field, LP_FIELD_END_DATE);
  if (!lp_text_is_blank (form->extension_months) &&
      !lp_parse_count (_("Extension (months)"), form->extension_months, &fields->extension_months, error))
    return lp_form_fail (bad_field, LP_FIELD_EXTENSION);
  if (!lp_parse_pounds (_("Annual value"), form->annual_value, &fields->annual_value_pounds, error))
    return lp_form_fail (bad_field, LP_FIELD_ANNUAL_VALUE);
  fields->provider = form->provider;
  fields->sector = form->sector;
  fields->service = form->service;
  fields->start_date = *start;
  fields->end_date = *end;
  fields->notes = form->notes;
  return TRUE;
}

/* Which field a domain error from saving a contract belongs to. */
static const char *
lp_contract_error_field (const GError *error)
{
  if (strstr (error->message, _("Sector")) != NULL)
    return LP_FIELD_SECTOR;
  if (strstr (error->message, _("End date")) != NULL)
    return LP_FIELD_END_DATE;
  if (strstr (error->message, _("Notes")) != NULL)
    return LP_FIELD_NOTES;
  return LP_FIELD_PROVIDER;
}

gint64
lp_plan_save_contract_form (LpPlan                *plan,
                            gint64                 id,
                            const LpContractForm  *form,
                            const char           **bad_field,
                            GError               **error)
{
  LpContractFields fields = { 0 };
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), 0);
  g_return_val_if_fail (form != NULL, 0);

  if (!lp_contract_form_parse (form, &fields, &start, &end, bad_field, error))
    return 0;
  if (id == 0)
    id = lp_plan_add_contract (plan, &fields, &local_error);
  else if (!lp_plan_update_contract (plan, id, &fields, &local_error))
    id = 0;
  if (id == 0)
    {
      lp_form_fail (bad_field, lp_contract_error_field (local_error));
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return id;
}
