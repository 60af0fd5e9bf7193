/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by lp-workforce-view.c (pickers, reload, edits) and
 * lp-workforce-view-grids.c (the tables). */

#include "lp-chart-view.h"
#include "lp-workforce-view.h"

G_BEGIN_DECLS

struct _LpWorkforceView
{
  AdwBin           parent_instance;

  AdwStatusPage   *empty_page;
  GtkLabel        *summary_label;
  GtkDropDown     *locality_dropdown;
  GtkDropDown     *group_dropdown;
  GtkDropDown     *role_dropdown;
  GtkLabel        *basis_label;
  GtkLabel        *rates_label;
  GtkLabel        *targets_label;
  GtkLabel        *note_label;
  GtkLabel        *chart_title;
  LpChartView     *chart_view;
  GtkGrid         *quarters_grid;
  GtkLabel        *per_gp_label;
  GtkLabel        *per_1000_label;
  GtkLabel        *practices_title;
  GtkGrid         *practices_grid;
  GtkLabel        *error_label;

  LpPlan          *plan;
  GArray          *locality_ids;    /* gint64 of each choice; 0: all */
  GStrv            role_codes;      /* of the role picker after "All roles" */
  LpWorkforceText  text;
  gboolean         has_text;
  gboolean         updating;
};

const char *lp_workforce_view_role      (LpWorkforceView *self);
void        lp_workforce_view_show_text (LpWorkforceView *self);
void        lp_workforce_view_show_error (LpWorkforceView *self,
                                          const char      *message);
gboolean    lp_workforce_view_save_movements (LpWorkforceView  *self,
                                              const char       *ods_code,
                                              const char       *joiners,
                                              const char       *leavers,
                                              const char      **bad_field);

G_END_DECLS
