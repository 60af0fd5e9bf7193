/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the Locality Modelling view's files: lp-modelling-view.c (the
 * pickers, refresh and show), -work.c (what runs on the plan's worker),
 * -grid.c (the pathway tables), -tables.c (the long tables of practices
 * and localities), -compare.c (the comparison) and -scenarios.c (the
 * scenario picker and its edits). */

#include "lp-chart-view.h"
#include "lp-modelling-text.h"
#include "lp-modelling-view.h"

G_BEGIN_DECLS

struct _LpModellingView
{
  LpView          parent_instance;

  GtkStack       *content_stack;     /* "loading", "empty" or "table" */
  AdwStatusPage  *empty_page;
  GtkWidget      *empty_actions;
  GtkWidget      *empty_add_button;
  GtkWidget      *empty_import_button;
  GtkWidget      *empty_scenario_box;
  GtkWidget      *empty_weights_button;
  GtkListBox     *changes_list;
  guint           n_changes;        /* the rows of changes_list that are changes */
  /* The rows still to add to changes_list, a few a frame. */
  GPtrArray      *rows_changes;
  GStrv           rows_pathways;
  guint           rows_next;
  guint           rows_source;
  GtkLabel       *summary_label;
  GtkDropDown    *locality_dropdown;
  GtkDropDown    *scenario_dropdown;   /* LpScenario items, straight from core */
  GtkToggleButton *month_button;
  GtkToggleButton *week_button;
  GtkLabel       *convention_label;
  GtkLabel       *bases_label;
  GtkLabel       *practices_caption;
  GtkGrid        *table_grid;
  GtkWidget      *legend_box;
  GtkLabel       *practices_title;
  GtkColumnView  *practices_view;
  GtkSliceListModel *practices_slice;
  GtkLabel       *chart_title;
  GtkLabel       *chart_caption;
  GtkWidget      *chart_box;
  LpChartView    *chart_view;
  GtkWidget      *localities_box;
  GtkColumnView  *localities_view;
  GtkSliceListModel *localities_slice;
  GtkDropDown    *compare_dropdown;   /* "No comparison", then each scenario */
  GtkWidget      *compare_box;
  GtkLabel       *compare_title;
  GtkLabel       *compare_caption;
  GtkGrid        *compare_grid;

  /* What the user chose, asked of the worker at the next refresh; the
   * pickers show it once the worker has read what they offer. */
  gint64          locality_id;    /* 0: all localities */
  gint64          scenario_id;    /* 0: the base */
  gint64          compare_id;     /* 0: no comparison */
  gboolean        weeks_365_7;    /* a year of 365/7 weeks, not 52 */

  GArray         *locality_ids;   /* gint64 of each locality choice; 0: all */
  char           *localities_key; /* the locality choices offered, to spot a change */
  guint           localities_changes;  /* plan_changes when they were read */
  char           *scenarios_key;
  GArray         *compare_ids;    /* gint64 scenario of each comparison choice; 0: none */
  GHashTable     *grid_rows;      /* row name -> its row in table_grid */
  GHashTable     *compare_rows;   /* row name -> its row in compare_grid */
  gboolean        updating;       /* filling a picker: not the user's choice */
  int             horizons[LP_MODEL_MAX_HORIZONS];   /* the table's, for the pathway dialog */
  guint           n_horizons;
  char           *error;

  /* The plan's changes are counted, so that what the worker read of an
   * earlier plan (the locality picker, every locality's totals) is read
   * again, and only then. */
  LpPlan         *watched;          /* the plan whose changes are counted */
  guint           plan_changes;
  /* Every locality's totals on screen, which do not depend on the locality
   * chosen: what they were made for, so that choosing another locality
   * does not make them again. */
  gboolean        has_totals;
  guint           totals_changes;   /* plan_changes when they were asked for */
  gint64          totals_scenario;
  LpPer           totals_per;
  gboolean        totals_weeks_365_7;
  /* The tables' rows change a step at a time (lp-modelling-view-tables.c):
   * the rows to show once those on screen have gone. */
  guint           step_source;
  GListStore     *practices_next;
  gboolean        practices_swap;
  GListStore     *localities_next;
  gboolean        localities_swap;
};

/* What a refresh asks the worker for: the pickers' choices and the
 * preferences, copied, since the worker must not read widgets. */
typedef struct {
  LpModelQuery  query;              /* locality, scenario, period, weeks a year */
  gint64        scenario_fallback;  /* shown if the scenario has gone: the one it built on */
  gint64        compare_id;         /* the scenario to compare with; 0: none */
  gboolean      totals;             /* every locality's totals are wanted */
  guint         plan_changes;       /* the plan as it was asked of */
  /* The locality chosen as the picker offers it, when the picker is up to
   * date with the plan; NULL: the worker reads the localities afresh. */
  char         *locality_name;
  guint         locality_position;
} LpModellingInput;

void        lp_modelling_input_free                    (LpModellingInput  *input);

/* What the worker made of it, all words and rows ready to show. */
typedef struct {
  LpModellingInput  asked;
  /* The choices as modelled: as asked unless one has gone from the plan. */
  gint64            locality_id;
  gint64            scenario_id;
  gint64            compare_id;
  GtkStringList    *locality_names;     /* "All localities", then each by name; NULL: not read */
  GArray           *locality_ids;       /* gint64 of each name; 0: all */
  char             *localities_key;
  guint             locality_position;  /* of @locality_id in the names */
  GListModel       *scenarios;          /* LpScenario, the base first */
  char             *scenarios_key;
  guint             scenario_position;  /* GTK_INVALID_LIST_POSITION: none */
  guint             compare_position;   /* 0: none, else 1 + the scenario's position */
  char             *error;              /* why the plan cannot be modelled; NULL: modelled */
  LpModellingText   text;               /* its practices' words are in @practices */
  LpModellingText   compare;            /* rows NULL: no comparison */
  int               horizons[LP_MODEL_MAX_HORIZONS];
  guint             n_horizons;
  GPtrArray        *changes;            /* LpPathwayChange the scenario states itself */
  GStrv             pathways;           /* every pathway, in the table's order */
  GListStore       *practices;          /* LpModellingItem */
  gboolean          totals;             /* every locality's totals were made: */
  GListStore       *localities;         /* LpModellingItem; NULL when text.chart shows them */
  gint64            work_us;            /* how long the worker took */
  gint64            work_cpu_us;        /* of its own time */
} LpModellingResult;

void        lp_modelling_result_free                   (LpModellingResult *result);
gint64      lp_modelling_thread_cpu_us                 (void);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpModellingResult, lp_modelling_result_free)

/* lp-modelling-view-work.c: on the worker, with its own connection. */
gpointer    lp_modelling_view_work                     (LpPlan        *reader,
                                                        gpointer       input,
                                                        GCancellable  *cancellable,
                                                        GError       **error);

LpScenario *lp_modelling_view_scenario                 (LpModellingView *self);
void        lp_modelling_view_query                    (LpModellingView *self,
                                                        LpModelQuery    *query);
/* lp-modelling-view-grid.c */
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
/* lp-modelling-view-tables.c: the practices and localities. */
void        lp_modelling_view_setup_tables             (LpModellingView       *self);
void        lp_modelling_view_show_practices           (LpModellingView       *self,
                                                        LpModellingResult     *result);
void        lp_modelling_view_show_localities          (LpModellingView       *self,
                                                        LpModellingResult     *result);
void        lp_modelling_view_clear_tables             (LpModellingView       *self);
guint       lp_modelling_view_n_practices              (LpModellingView       *self);
/* lp-modelling-view-compare.c: the comparison with another scenario. */
void        lp_modelling_view_fill_compare             (LpModellingView       *self,
                                                        guint                  position);
gint64      lp_modelling_view_compare_id               (LpModellingView       *self);
gboolean    lp_modelling_view_work_compare             (LpPlan                *reader,
                                                        const LpModelQuery    *query,
                                                        gint64                 other_id,
                                                        const char            *other_name,
                                                        const LpModelTable    *table,
                                                        LpModellingText       *compare,
                                                        GError               **error);
void        lp_modelling_view_show_compare             (LpModellingView       *self,
                                                        const LpModellingText *compare);
/* lp-modelling-view-scenarios.c */
void        lp_modelling_view_fill_scenarios           (LpModellingView   *self,
                                                        LpModellingResult *result);
void        lp_modelling_view_update_actions           (LpModellingView *self);
void        lp_modelling_view_stop_changes             (LpModellingView *self);
void        lp_modelling_view_show_changes             (LpModellingView *self,
                                                        GPtrArray       *changes,
                                                        GStrv            pathways);
gboolean    lp_modelling_view_select_scenario_id       (LpModellingView *self,
                                                        gint64           id);
void        lp_modelling_view_scenario_activated       (GtkWidget       *widget,
                                                        const char      *action_name,
                                                        GVariant        *parameter);
void        lp_modelling_view_install_scenario_actions (GtkWidgetClass  *widget_class);

G_END_DECLS
