/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by lp-access-view.c (pickers, refresh on the worker, edits) and
 * lp-access-view-grids.c (the tables). */

#include "lp-access-view.h"
#include "lp-chart-view.h"
#include "lp-locality-picker.h"
#include "lp-text-row.h"

G_BEGIN_DECLS

/* One refresh's reading of the plan, made on the worker and shown whole. */
typedef struct {
  LpAccessText   text;
  gboolean       has_text;        /* FALSE: the plan has no months to count */
  GPtrArray     *practices;       /* LpAccessPractice from core, for edits */
  char          *note;            /* the plan's words on its access figures, or NULL */
  gint64         locality_id;     /* the locality counted; 0: all */
  GPtrArray     *capacity_rows;   /* LpTextRow to show, see lp-text-row.h */
  GPtrArray     *practice_rows;
  LpLocalityChoices *localities;  /* the locality choices read, or NULL if they are those offered */
  GPtrArray     *targets;         /* LpAccessTextTarget: the trajectory listed */
  gint64         targets_locality_id; /* whose it is: the locality's own, or 0: the plan's */
  char          *locality;        /* the locality counted, or NULL: all */
  GPtrArray     *rules;           /* LpAccessTextRule */
  gboolean       has_practices;   /* any practice in a locality to count */
  gboolean       has_trajectory;  /* a trajectory in force for the locality counted */
  gboolean       has_plan_year;   /* a reference date or financial year set */
  /* Enhanced access per primary care network, when a rule says so. */
  gboolean       has_pcn_rule;    /* a capacity rule applies per network */
  guint          n_pcns;          /* networks of the practice map */
  guint          n_sessions;      /* sessions of every network */
  gboolean       has_pcn_text;    /* pcn_text holds a month under a network rule */
  gboolean       pcn_as_at;       /* ... the month the lists are as at */
  LpAccessTextPcnMonth pcn_text;
  GPtrArray     *pcn_rows;        /* LpTextRow of LpAccessTextPcn */
  GPtrArray     *pcn_locality_rows; /* LpTextRow of LpAccessTextPcnLocality */
  GPtrArray     *sessions;        /* LpAccessTextSession of the networks shown */
} LpAccessResult;

struct _LpAccessView
{
  LpView          parent_instance;

  GtkStack       *content_stack;
  AdwStatusPage  *empty_page;
  GtkLabel       *summary_label;
  GtkDropDown    *locality_dropdown;
  GtkLabel       *basis_label;
  GtkLabel       *note_label;
  GtkLabel       *chart_title;
  LpChartView    *chart_view;
  GtkGrid        *months_grid;
  GtkLabel       *as_at_label;
  GtkColumnView  *capacity_view;
  GListStore     *capacity_rows;    /* LpTextRow of LpAccessTextCapacity */
  GtkColumnView  *practices_view;
  GListStore     *practice_rows;    /* LpTextRow of LpAccessTextPractice */
  GtkLabel       *error_label;
  GtkListBox     *targets_list;
  GtkLabel       *trajectory_scope_label;
  GtkButton      *own_trajectory_button;
  GtkListBox     *rules_list;
  GtkWidget      *empty_import_button;
  GtkWidget      *empty_add_target_button;
  GtkWidget      *empty_settings_button;
  GtkWidget      *pcn_section;
  GtkLabel       *pcn_heading;
  GtkLabel       *pcn_basis_label;
  GtkWidget      *pcn_empty_box;
  GtkLabel       *pcn_empty_label;
  GtkWidget      *pcn_import_button;
  GtkWidget      *pcn_add_session_button;
  GtkWidget      *add_session_button;
  GtkColumnView  *pcn_view;
  GListStore     *pcn_rows;         /* LpTextRow of LpAccessTextPcn */
  GtkWidget      *pcn_localities_label;
  GtkColumnView  *pcn_localities_view;
  GListStore     *pcn_locality_rows;
  GtkWidget      *sessions_label;
  GtkListBox     *sessions_list;

  LpAccessResult *result;           /* what the view shows; NULL: nothing */
  GPtrArray      *shown_capacity;   /* the LpTextRow capacity_rows shows (or is on its way to) */
  GPtrArray      *shown_practices;  /* the LpTextRow practice_rows shows (or is on its way to) */
  LpLocalityChoices  *localities;      /* offered in the locality picker */
  gboolean        partial_counts;
  guint           default_minutes;  /* the default capacity rule, a preference */
  gboolean        updating;
};

void lp_access_view_setup_tables (LpAccessView         *self);
void lp_access_view_show_result  (LpAccessView         *self,
                                  const LpAccessResult *result);
void lp_access_view_clear_rows   (LpAccessView         *self);
void lp_access_view_show_error   (LpAccessView         *self,
                                  const char           *message);
void lp_access_view_show_lists   (LpAccessView         *self,
                                  const LpAccessResult *result);
void lp_access_view_show_pcn     (LpAccessView         *self,
                                  const LpAccessResult *result);

G_END_DECLS
