/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"
#include "lp-view.h"

G_BEGIN_DECLS

#define LP_TYPE_MODELLING_VIEW (lp_modelling_view_get_type ())
G_DECLARE_FINAL_TYPE (LpModellingView, lp_modelling_view, LP, MODELLING_VIEW, LpView)

GtkWidget  *lp_modelling_view_new                (void);
void        lp_modelling_view_set_weeks_365_7    (LpModellingView *self,
                                                  gboolean         exact);

/* For tests: they drive the view's own pickers, then read what it shows. */
gboolean    lp_modelling_view_select_locality    (LpModellingView *self,
                                                  const char      *name);
gboolean    lp_modelling_view_select_scenario    (LpModellingView *self,
                                                  const char      *name);
GListModel *lp_modelling_view_get_scenarios      (LpModellingView *self);
gint64      lp_modelling_view_get_scenario_id    (LpModellingView *self);
void        lp_modelling_view_set_per            (LpModellingView *self,
                                                  LpPer            per);
const char *lp_modelling_view_get_cell           (LpModellingView *self,
                                                  const char      *row_name,
                                                  guint            column);
const char *lp_modelling_view_get_compare_cell   (LpModellingView *self,
                                                  const char      *row_name,
                                                  guint            column);
gboolean    lp_modelling_view_compare_with       (LpModellingView *self,
                                                  const char      *scenario);
guint       lp_modelling_view_get_n_practices    (LpModellingView *self);
gboolean    lp_modelling_view_is_empty           (LpModellingView *self);
const char *lp_modelling_view_get_error          (LpModellingView *self);
/* The changes the scenario shown states itself, as the view lists them. */
guint       lp_modelling_view_get_n_changes      (LpModellingView *self);

G_END_DECLS
