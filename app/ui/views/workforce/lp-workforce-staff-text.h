/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-core.h"

G_BEGIN_DECLS

/* The words of the Workforce view's "Practice and PCN Staff" section,
 * built from core's lp_plan_workforce_staff() without a display. */

typedef struct {
  char     *employer;       /* "Practices" or "PCN · Stevenage North PCN" */
  char     *role;           /* "Clinical pharmacist" */
  char     *arrs;           /* "ARRS" for a role the scheme reimburses, else "" */
  char     *fte;            /* "1.60", "0.25 (25.0% of 1.00)", "missing" */
  gboolean  is_pcn;
} LpWorkforceTextStaff;

typedef struct {
  char  *group;             /* "Direct patient care" */
  char  *practices;         /* FTE: "0.50" */
  char  *pcns;
  char  *together;
  char  *per_fte;           /* patients per FTE, practices only: "52,000"; "–" without FTE */
  char  *per_fte_with_pcns; /* with the PCNs' staff too */
} LpWorkforceTextStaffGroup;

typedef struct {
  char       *title;        /* "Practice and PCN Staff"; "Staff by Role" before PCNs */
  char       *summary;      /* "Practices 9.50 FTE (June 2024) · PCNs 4.78 FTE, of it ARRS 4.53 (census June 2024)" */
  char       *note;         /* how PCN staff are counted here, the split PCNs named; NULL without PCNs */
  gboolean    offer_import; /* the selection has PCNs but no PCN staff is imported */
  gboolean    has_pcns;     /* the selection's practices are in PCNs: employers are told apart */
  GPtrArray  *rows;         /* LpWorkforceTextStaff: practices' roles, then each PCN's */
  GPtrArray  *groups;       /* LpWorkforceTextStaffGroup */
} LpWorkforceStaffText;

void      lp_workforce_staff_text_build (const LpWorkforceStaff *staff,
                                         LpWorkforceStaffText   *text);
void      lp_workforce_staff_text_clear (LpWorkforceStaffText   *text);
gpointer  lp_workforce_text_staff_copy  (gconstpointer           row);
void      lp_workforce_text_staff_free  (gpointer                row);
gboolean  lp_workforce_text_staff_equal (gconstpointer           a,
                                         gconstpointer           b);

G_END_DECLS
