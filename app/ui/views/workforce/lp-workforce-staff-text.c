/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The words of the Workforce view's practice and PCN staff (see
 * lp-workforce-staff-text.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lp-workforce-staff-text.h"

/* FTE to two decimals, as the PCN file gives it ("0.25"), with the
 * locale's separators. */
static char *
lp_staff_text_fte (double value)
{
  gint64 hundredths = (gint64) llround (fabs (value) * 100.0);
  g_autofree char *whole = lp_format_count (hundredths / 100);
  g_autofree char *zero = lp_format_tenths (0);
  /* lp_format_tenths writes "0" POINT "0": the point is between. */
  g_autofree char *point = g_strndup (zero + 1, strlen (zero) - 2);

  return g_strdup_printf ("%s%s%02d", whole, point, (int) (hundredths % 100));
}

static char *
lp_staff_text_per_fte (gint64 patients,
                       double per_fte)
{
  return per_fte > 0 && patients > 0 ? lp_format_count ((gint64) llround (per_fte)) : g_strdup ("–");
}

gpointer
lp_workforce_text_staff_copy (gconstpointer data)
{
  const LpWorkforceTextStaff *row = data;
  LpWorkforceTextStaff *copy = g_new0 (LpWorkforceTextStaff, 1);

  copy->employer = g_strdup (row->employer);
  copy->role = g_strdup (row->role);
  copy->arrs = g_strdup (row->arrs);
  copy->fte = g_strdup (row->fte);
  copy->is_pcn = row->is_pcn;
  return copy;
}

void
lp_workforce_text_staff_free (gpointer data)
{
  LpWorkforceTextStaff *row = data;

  g_free (row->employer);
  g_free (row->role);
  g_free (row->arrs);
  g_free (row->fte);
  g_free (row);
}

gboolean
lp_workforce_text_staff_equal (gconstpointer a,
                               gconstpointer b)
{
  const LpWorkforceTextStaff *x = a, *y = b;

  return g_str_equal (x->employer, y->employer) && g_str_equal (x->role, y->role) &&
         g_str_equal (x->arrs, y->arrs) && g_str_equal (x->fte, y->fte) && x->is_pcn == y->is_pcn;
}

static void
lp_workforce_text_staff_group_free (gpointer data)
{
  LpWorkforceTextStaffGroup *group = data;

  g_free (group->group);
  g_free (group->practices);
  g_free (group->pcns);
  g_free (group->together);
  g_free (group->per_fte);
  g_free (group->per_fte_with_pcns);
  g_free (group);
}

void
lp_workforce_staff_text_clear (LpWorkforceStaffText *text)
{
  g_clear_pointer (&text->title, g_free);
  g_clear_pointer (&text->summary, g_free);
  g_clear_pointer (&text->note, g_free);
  g_clear_pointer (&text->rows, g_ptr_array_unref);
  g_clear_pointer (&text->groups, g_ptr_array_unref);
}

/* "June 2024" for a census on its month's last day. */
static char *
lp_staff_text_month (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *midnight = g_strconcat (iso_date, "T00:00:00Z", NULL);

  date = g_date_time_new_from_iso8601 (midnight, NULL);
  return date != NULL ? g_date_time_format (date, "%B %Y") : g_strdup (iso_date);
}

static char *
lp_staff_text_row_fte (const LpWorkforceStaffRow *row)
{
  g_autofree char *fte = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *share = NULL;

  if (!row->has_fte)
    return g_strdup (_("missing"));
  fte = lp_staff_text_fte (row->fte);
  if (row->pcn_code == NULL || row->share >= 1 - 1e-9)
    return g_steal_pointer (&fte);
  whole = lp_staff_text_fte (row->share > 0 ? row->fte / row->share : 0);
  share = lp_format_share (row->share);
  /* Translators: a locality's share of a PCN's FTE: "0.25 (25.0% of 1.00)" */
  return g_strdup_printf (_("%s (%s of %s)"), fte, share, whole);
}

static void
lp_staff_text_note (const LpWorkforceStaff *staff,
                    LpWorkforceStaffText   *text)
{
  GString *note = g_string_new (_("PCN staff are those the PCN employs (most under the Additional Roles "
                                  "Reimbursement Scheme, marked ARRS); the practices’ own staff are counted "
                                  "apart, so no one is counted twice."));

  for (guint i = 0; i < staff->pcns->len; i++)
    {
      const LpWorkforcePcnShare *share = g_ptr_array_index (staff->pcns, i);
      g_autofree char *percent = NULL;
      g_autofree char *patients = NULL;
      g_autofree char *all = NULL;

      if (!lp_workforce_pcn_share_is_split (share))
        continue;
      percent = lp_format_share (share->share);
      patients = lp_format_count (share->patients);
      all = lp_format_count (share->pcn_patients);
      g_string_append_c (note, ' ');
      /* Translators: a PCN whose practices are in two localities: "Stevenage
       * South PCN also serves another locality: 25.0% of its staff are counted
       * here, by its practices' registered patients (6,000 of 24,000)." */
      g_string_append_printf (note, _("%s also serves another locality: %s of its staff are counted here, "
                                      "by its practices’ registered patients (%s of %s)."),
                              share->pcn_name, percent, patients, all);
    }
  text->note = g_string_free (note, FALSE);
}

/**
 * lp_workforce_staff_text_build:
 *
 * Words @staff into @text (cleared first by the caller).
 */
void
lp_workforce_staff_text_build (const LpWorkforceStaff *staff,
                               LpWorkforceStaffText   *text)
{
  g_autofree char *practice_fte = lp_staff_text_fte (staff->practice_fte);
  g_autofree char *practice_month = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);

  g_return_if_fail (staff != NULL && text != NULL);

  text->rows = g_ptr_array_new_with_free_func (lp_workforce_text_staff_free);
  text->groups = g_ptr_array_new_with_free_func (lp_workforce_text_staff_group_free);
  /* A plan from before PCNs (the sample's 2018) has one employer. */
  text->has_pcns = staff->pcns->len > 0;
  text->title = g_strdup (text->has_pcns ? _("Practice and PCN Staff") : _("Staff by Role"));
  text->offer_import = staff->pcns->len > 0 && staff->census_date == NULL;

  if (staff->practice_date != NULL)
    {
      practice_month = lp_staff_text_month (staff->practice_date);
      g_string_append_printf (summary, _("Practices %s FTE (%s)"), practice_fte, practice_month);
    }
  else
    g_string_append (summary, _("No practice FTE figures"));
  if (staff->census_date != NULL && staff->pcns->len > 0)
    {
      g_autofree char *pcn_fte = lp_staff_text_fte (staff->pcn_fte);
      g_autofree char *arrs_fte = lp_staff_text_fte (staff->arrs_fte);
      g_autofree char *together = lp_staff_text_fte (staff->practice_fte + staff->pcn_fte);
      g_autofree char *census = lp_staff_text_month (staff->census_date);

      /* Translators: follows "Practices 9.50 FTE (June 2024)" */
      g_string_append_printf (summary, _(" · PCNs %s FTE, of it ARRS %s (census %s) · together %s FTE"),
                              pcn_fte, arrs_fte, census, together);
    }
  if (staff->missing > 0)
    {
      g_autofree char *n = lp_format_count (staff->missing);

      g_string_append_printf (summary, ngettext (" · %s figure missing, not counted",
                                                 " · %s figures missing, not counted", staff->missing), n);
    }
  text->summary = g_strdup (summary->str);
  if (staff->pcns->len > 0 && staff->census_date != NULL)
    lp_staff_text_note (staff, text);

  for (guint i = 0; i < staff->rows->len; i++)
    {
      const LpWorkforceStaffRow *row = g_ptr_array_index (staff->rows, i);
      LpWorkforceTextStaff *words = g_new0 (LpWorkforceTextStaff, 1);

      words->is_pcn = row->pcn_code != NULL;
      /* Translators: who employs the staff of a row: a PCN, by name */
      words->employer = words->is_pcn ? g_strdup_printf (_("PCN · %s"), row->pcn_name) : g_strdup (_("Practices"));
      words->role = g_strdup (row->role_name);
      words->arrs = g_strdup (row->is_arrs && words->is_pcn ? _("ARRS") : "");
      words->fte = lp_staff_text_row_fte (row);
      g_ptr_array_add (text->rows, words);
    }
  for (guint i = 0; i < staff->groups->len; i++)
    {
      const LpWorkforceStaffGroup *group = g_ptr_array_index (staff->groups, i);
      LpWorkforceTextStaffGroup *words = g_new0 (LpWorkforceTextStaffGroup, 1);

      words->group = g_strdup (group->group_name);
      /* A group with only missing figures is not 0 FTE. */
      words->practices = group->has_practice_fte ? lp_staff_text_fte (group->practice_fte) : g_strdup ("–");
      words->pcns = group->has_pcn_fte ? lp_staff_text_fte (group->pcn_fte) : g_strdup ("–");
      words->together = group->has_practice_fte || group->has_pcn_fte
                        ? lp_staff_text_fte (group->practice_fte + group->pcn_fte) : g_strdup ("–");
      words->per_fte = lp_staff_text_per_fte (staff->patients, group->patients_per_practice_fte);
      words->per_fte_with_pcns = lp_staff_text_per_fte (staff->patients, group->patients_per_fte);
      g_ptr_array_add (text->groups, words);
    }
}
