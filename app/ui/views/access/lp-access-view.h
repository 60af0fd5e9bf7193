/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-access-text.h"
#include "lp-core.h"
#include "lp-view.h"

G_BEGIN_DECLS

/* Extended Access: coverage month by month against the trajectory, with a
 * chart, the capacity each locality needs and offers, and each practice's
 * planned provision, editable in place; the trajectory and capacity rules
 * are added, edited and removed through their dialogs.  Under a rule per
 * primary care network, the networks' and localities' minutes required
 * and offered instead of coverage, and the networks' sessions, edited
 * through their dialog (lp-pcn-access.h).  Core computes every figure
 * (lp_plan_access); lp-access-text words them. */
#define LP_TYPE_ACCESS_VIEW (lp_access_view_get_type ())
G_DECLARE_FINAL_TYPE (LpAccessView, lp_access_view, LP, ACCESS_VIEW, LpView)

GtkWidget          *lp_access_view_new                (void);
guint               lp_access_view_get_default_minutes (LpAccessView *self);
void                lp_access_view_set_default_minutes (LpAccessView *self,
                                                       guint         minutes);
void                lp_access_view_set_partial_counts (LpAccessView *self,
                                                       gboolean      partial);
gboolean            lp_access_view_select_locality    (LpAccessView *self,
                                                       const char   *name);

/* For tests: what the view shows, and typing into a practice's cells. */
const LpAccessText *lp_access_view_get_text           (LpAccessView *self);
gboolean            lp_access_view_enter_go_live      (LpAccessView *self,
                                                       const char   *ods_code,
                                                       const char   *typed);
/* @field: LP_FIELD_GO_LIVE, LP_FIELD_END_DATE, LP_FIELD_LEVEL or
 * LP_FIELD_MINUTES (lp-access-edit.h). */
gboolean            lp_access_view_enter_provision    (LpAccessView *self,
                                                       const char   *ods_code,
                                                       const char   *field,
                                                       const char   *typed);
/* The trajectory's and capacity rules' lists as shown (LpAccessTextTarget,
 * LpAccessTextRule), or NULL before the plan is read. */
GPtrArray          *lp_access_view_get_targets        (LpAccessView *self);
GPtrArray          *lp_access_view_get_rules          (LpAccessView *self);
const char         *lp_access_view_get_error          (LpAccessView *self);
/* The enhanced access sessions listed (LpAccessTextSession), and the
 * networks' heading and basis shown (their rows: below), or NULL. */
GPtrArray          *lp_access_view_get_sessions       (LpAccessView *self);
const LpAccessTextPcnMonth *lp_access_view_get_pcn_text (LpAccessView *self);
/* The networks' (or with @localities, the localities') rows shown: LpTextRow
 * of LpAccessTextPcn (LpAccessTextPcnLocality), or NULL. */
GPtrArray          *lp_access_view_get_pcn_rows       (LpAccessView *self,
                                                       gboolean      localities);
/* The view on one page, as Print Handout prints it; NULL if nothing shows. */
struct _LpHandout  *lp_access_view_handout            (LpAccessView *self);

G_END_DECLS
