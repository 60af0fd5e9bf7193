/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"
#include "lp-view.h"
#include "lp-workforce-staff-text.h"
#include "lp-workforce-text.h"

G_BEGIN_DECLS

/* Workforce: FTE quarter by quarter for a locality (or all) and a staff
 * group or role, against the target; ratios at the baseline; and each
 * practice's planned joiners and leavers, typed in place.  Core computes
 * every figure (lp_plan_workforce); lp-workforce-text words them. */
#define LP_TYPE_WORKFORCE_VIEW (lp_workforce_view_get_type ())
G_DECLARE_FINAL_TYPE (LpWorkforceView, lp_workforce_view, LP, WORKFORCE_VIEW, LpView)

GtkWidget             *lp_workforce_view_new             (void);
gboolean               lp_workforce_view_select_locality (LpWorkforceView *self,
                                                          const char      *name);
/* @group: "GP", "NURSE", "DPC", "ADMIN" or NULL for all staff; @role: a
 * role's code within it, or NULL. */
gboolean               lp_workforce_view_select          (LpWorkforceView *self,
                                                          const char      *group,
                                                          const char      *role);

/* For tests: what the view shows, and typing movements. */
const LpWorkforceText *lp_workforce_view_get_text        (LpWorkforceView *self);
gboolean               lp_workforce_view_enter_movements (LpWorkforceView *self,
                                                          const char      *ods_code,
                                                          const char      *joiners,
                                                          const char      *leavers);
const char            *lp_workforce_view_get_error       (LpWorkforceView *self);
/* The practice and PCN staff shown, or NULL. */
const LpWorkforceStaffText *lp_workforce_view_get_staff_text (LpWorkforceView *self);
/* The "Practice and PCN Staff" heading, to bring it into view. */
GtkWidget             *lp_workforce_view_get_staff_heading (LpWorkforceView *self);
/* The view on one page, as Print Summary prints it; NULL if nothing shows. */
struct _LpHandout     *lp_workforce_view_handout         (LpWorkforceView *self);

G_END_DECLS
