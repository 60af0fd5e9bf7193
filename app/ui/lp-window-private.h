/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by lp-window.c (the plan and its pages) and lp-window-actions.c
 * (what the header bar, menu and shortcuts do). */

#include "lp-access-view.h"
#include "lp-activity-view.h"
#include "lp-workforce-view.h"
#include "lp-practice-page-view.h"
#include "lp-contracts-view.h"
#include "lp-localities-view.h"
#include "lp-modelling-view.h"
#include "lp-overview-view.h"
#include "lp-practices-view.h"
#include "lp-window.h"

G_BEGIN_DECLS

struct _LpWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwWindowTitle       *loading_title;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *window_title;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GtkStack             *view_stack;
  LpOverviewView       *overview_view;
  LpLocalitiesView     *localities_view;
  LpPracticesView      *practices_view;
  LpContractsView      *contracts_view;
  LpModellingView      *modelling_view;
  LpActivityView       *activity_view;
  LpPracticePageView   *practice_page_view;
  LpAccessView         *access_view;
  LpWorkforceView      *workforce_view;
  GMenu                *recent_menu;

  char                 *path;   /* NULL until known, e.g. for the sample */
  LpPlan               *plan;
  GCancellable         *cancellable;        /* while a plan loads */
  GCancellable         *save_cancellable;   /* while Save As copies */
  GCancellable         *export_cancellable; /* while an export writes */
  GSettings            *settings;
  GtkWindow            *import_dialog;      /* weak: the one import at a time */
};

void     lp_window_class_install_actions (GtkWidgetClass *widget_class);
void     lp_window_class_install_export_actions (GtkWidgetClass *widget_class);
void     lp_window_setup_drop            (LpWindow       *self);
void     lp_window_update_actions        (LpWindow       *self);
void     lp_window_update_history        (LpWindow       *self);
void     lp_window_show_error_dialog     (GtkWindow      *parent,
                                          const char     *heading,
                                          const char     *body);
gboolean lp_window_view_has_search       (const char     *view);
void     lp_window_restore_size          (LpWindow       *self);
void     lp_window_save_size             (LpWindow       *self);

G_END_DECLS
