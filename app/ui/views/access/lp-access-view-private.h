/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by lp-access-view.c (pickers, reload, edits) and
 * lp-access-view-grids.c (the tables). */

#include "lp-access-view.h"
#include "lp-chart-view.h"

G_BEGIN_DECLS

struct _LpAccessView
{
  AdwBin          parent_instance;

  AdwStatusPage  *empty_page;
  GtkLabel       *summary_label;
  GtkDropDown    *locality_dropdown;
  GtkLabel       *basis_label;
  GtkLabel       *note_label;
  GtkLabel       *chart_title;
  LpChartView    *chart_view;
  GtkGrid        *months_grid;
  GtkLabel       *as_at_label;
  GtkGrid        *capacity_grid;
  GtkGrid        *practices_grid;
  GtkLabel       *error_label;

  LpPlan         *plan;
  GArray         *locality_ids;   /* gint64 of each choice; 0: all localities */
  LpAccessText    text;           /* what the view shows now */
  gboolean        has_text;
  GPtrArray      *practices;      /* LpAccessPractice from core, for edits */
  gboolean        partial_counts;
  guint           default_minutes;  /* the default capacity rule, a preference */
  gboolean        updating;
};

void lp_access_view_show_text  (LpAccessView *self);
void lp_access_view_show_error (LpAccessView *self,
                                const char   *message);

G_END_DECLS
