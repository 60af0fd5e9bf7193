/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The part the localities, practices and contracts views share: a table
 * of one kind of row, its search bar, its empty and "no results" pages and
 * its count, kept in step with the plan.  Each view embeds an LpDataView
 * and its template names the shared children with the ids below. */

#include <adwaita.h>

#include "lp-core.h"
#include "lp-view-text.h"

G_BEGIN_DECLS

typedef struct {
  LpViewKind          kind;
  /* The tables (LpPlan::changed details) whose changes the rows show. */
  const char *const  *tables;
  GListModel        *(*list_rows) (LpPlan  *plan,
                                   GError **error);
  gint64             (*get_id)    (gpointer item);
} LpDataViewInfo;

typedef struct {
  /* Template children: ids "store", "filter_model", "sort_model",
   * "selection", "column_view", "stack", "count_label", "search_bar",
   * "search_entry", "no_results_page". */
  GListStore          *store;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;
  GtkColumnView       *column_view;
  GtkStack            *stack;
  GtkLabel            *count_label;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  AdwStatusPage       *no_results_page;

  const LpDataViewInfo *info;
  GtkWidget           *owner;
  LpPlan              *plan;
  gulong               changed_id;
  /* A row to select once the incremental filter and sort have placed it. */
  gint64               wanted_id;
  /* Called before every reload, for what only one view shows; returns
   * whether every row must be drawn again (what the rows show depends on
   * more than the row). */
  gboolean           (*prepare) (GtkWidget *owner);
} LpDataView;

void      lp_data_view_class_setup   (GtkWidgetClass       *widget_class,
                                      const char           *resource,
                                      gsize                 offset);
void      lp_data_view_init          (LpDataView           *self,
                                      GtkWidget            *owner,
                                      const LpDataViewInfo *info);
void      lp_data_view_dispose       (LpDataView           *self);
void      lp_data_view_set_plan      (LpDataView           *self,
                                      LpPlan               *plan);
void      lp_data_view_reload        (LpDataView           *self,
                                      gboolean              every_row);
void      lp_data_view_update_state  (LpDataView           *self);
void      lp_data_view_start_search  (LpDataView           *self);
gpointer  lp_data_view_get_selected  (LpDataView           *self);
void      lp_data_view_select_id     (LpDataView           *self,
                                      gint64                id);
gboolean  lp_data_view_can_edit      (LpDataView           *self);
void      lp_data_view_report        (LpDataView           *self,
                                      const GError         *error);

G_END_DECLS
