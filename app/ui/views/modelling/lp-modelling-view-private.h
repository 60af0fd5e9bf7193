/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by lp-modelling-view.c (the table) and
 * lp-modelling-view-scenarios.c (the scenario picker and its edits). */

#include "lp-chart-view.h"
#include "lp-modelling-text.h"
#include "lp-modelling-view.h"

G_BEGIN_DECLS

struct _LpModellingView
{
  AdwBin          parent_instance;

  /* Template children; the bin's own child, a GtkStack of "empty" and
   * "table", is not bound: AdwBin unparents it itself on dispose. */
  AdwStatusPage  *empty_page;
  GtkLabel       *summary_label;
  GtkDropDown    *locality_dropdown;
  GtkDropDown    *scenario_dropdown;   /* LpScenario items, straight from core */
  GtkToggleButton *month_button;
  GtkToggleButton *week_button;
  GtkLabel       *convention_label;
  GtkGrid        *table_grid;
  GtkWidget      *legend_box;
  GtkLabel       *practices_title;
  GtkGrid        *practices_grid;
  GtkLabel       *chart_title;
  LpChartView    *chart_view;
  GtkDropDown    *compare_dropdown;   /* "No comparison", then each scenario */
  GtkWidget      *compare_box;
  GtkLabel       *compare_title;
  GtkLabel       *compare_caption;
  GtkGrid        *compare_grid;

  LpPlan         *plan;
  GArray         *locality_ids;   /* gint64 of each choice; 0: all localities */
  GHashTable     *grid_rows;      /* row name -> its row in table_grid */
  GHashTable     *compare_rows;   /* row name -> its row in compare_grid */
  GArray         *compare_ids;    /* gint64 scenario of each comparison choice; 0: none */
  guint           n_practices;
  gboolean        updating;       /* refilling a picker: no reload per step */
  gboolean        weeks_365_7;    /* a year of 365/7 weeks, not 52 */
  int             horizons[LP_MODEL_MAX_HORIZONS];   /* the table's, for the pathway dialog */
  guint           n_horizons;
  char           *error;
};

LpScenario *lp_modelling_view_scenario                 (LpModellingView *self);
void        lp_modelling_view_query                    (LpModellingView *self,
                                                        LpModelQuery    *query);
gboolean    lp_modelling_view_fill_grid                (GtkGrid               *grid,
                                                        const LpModellingText *text,
                                                        GHashTable            *rows);
/* What @grid shows in @column of the row @rows places @row_name at. */
const char *lp_modelling_view_grid_cell                (GtkGrid               *grid,
                                                        GHashTable            *rows,
                                                        const char            *row_name,
                                                        guint                  column);
void        lp_modelling_view_show_table               (LpModellingView       *self,
                                                        const LpModellingText *text);
/* lp-modelling-view-compare.c: the comparison with another scenario. */
void        lp_modelling_view_fill_compare             (LpModellingView       *self);
gboolean    lp_modelling_view_compute_compare          (LpModellingView       *self,
                                                        const LpModelQuery    *query,
                                                        const LpModelTable    *table,
                                                        LpModellingText       *compare,
                                                        GError               **error);
void        lp_modelling_view_show_compare             (LpModellingView       *self,
                                                        const LpModellingText *compare);
void        lp_modelling_view_show_practices           (LpModellingView       *self,
                                                        const LpModellingText *text);
void        lp_modelling_view_fill_scenarios           (LpModellingView *self);
void        lp_modelling_view_update_actions           (LpModellingView *self);
gboolean    lp_modelling_view_select_scenario_id       (LpModellingView *self,
                                                        gint64           id);
void        lp_modelling_view_scenario_activated       (GtkWidget       *widget,
                                                        const char      *action_name,
                                                        GVariant        *parameter);
void        lp_modelling_view_install_scenario_actions (GtkWidgetClass  *widget_class);

G_END_DECLS
