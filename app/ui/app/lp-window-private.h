/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by lp-window.c (the plan and its pages) and lp-window-actions.c
 * (what the header bar, menu and shortcuts do). */

#include "lp-view.h"
#include "lp-window.h"

G_BEGIN_DECLS

struct _LpWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkSpinner           *loading_spinner;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *window_title;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GtkStack             *view_stack;
  GMenu                *recent_menu;
  GMenu                *export_views_menu;
  GtkRevealer          *damage_banner;
  GtkBox               *damage_box;
  GtkLabel             *damage_label;
  GtkButton            *recover_button;
  GtkButton            *open_other_button;

  char                 *path;   /* NULL until known, e.g. for the sample */
  LpPlan               *plan;
  LpPlanSteps          *steps_to_add;       /* another connection's steps, for the reloaded plan */
  GCancellable         *cancellable;        /* while a plan loads */
  GCancellable         *save_cancellable;   /* while Save As copies */
  GCancellable         *export_cancellable; /* while an export writes */
  GCancellable         *history_cancellable; /* while a copy of the plan is put back */
  GCancellable         *workshop_cancellable; /* while workshop copies are written */
  AdwToast             *restore_toast;      /* says so meanwhile */
  GSettings            *settings;
  GtkWindow            *import_dialog;      /* weak: the one import at a time */
  GtkWindow            *settings_dialog;    /* weak: the one Plan Settings dialog */

  /* A damaged plan (see lp-window-damaged.c): @path is the damaged file,
   * @plan a repaired copy of it in @damage_dir, read-only. */
  GPtrArray            *problems;           /* LpProblem; NULL for a sound plan */
  char                 *damage_dir;
  GCancellable         *repair_cancellable; /* while Repair into a Copy… writes */
  LpRepairReport       *repair_report;      /* the last repair's, for its Save Report… */
  gboolean              error_recoverable;  /* the error page offers Recover into a Copy… */
  GtkWindow            *problems_window;    /* weak: the one Show Problems window */
};

void     lp_window_class_install_actions (GtkWidgetClass *widget_class);
void     lp_window_class_install_export_actions (GtkWidgetClass *widget_class);
void     lp_window_class_install_settings_actions (GtkWidgetClass *widget_class);
void     lp_window_setup_drop            (LpWindow       *self);
void     lp_window_update_actions        (LpWindow       *self);
void     lp_window_update_history        (LpWindow       *self);
void     lp_window_show_error_dialog     (GtkWindow      *parent,
                                          const char     *heading,
                                          const char     *body);
LpView  *lp_window_get_shown_view        (LpWindow       *self);
void     lp_window_setup_views           (LpWindow       *self);
void     lp_window_restore_size          (LpWindow       *self);
void     lp_window_save_size             (LpWindow       *self);
void     lp_window_move_history_async    (LpWindow       *self,
                                          gboolean        undo);
void     lp_window_set_working           (LpWindow       *self,
                                          const char     *text);
gboolean lp_window_is_working            (LpWindow       *self);
void     lp_window_class_install_workshop_actions (GtkWidgetClass *widget_class);
void     lp_window_class_install_damage_actions (GtkWidgetClass *widget_class);
void     lp_window_take_damage           (LpWindow       *self,
                                          LpPlanLoad     *load);
void     lp_window_forget_damage         (LpWindow       *self);
void     lp_window_drop_damage           (LpWindow       *self);
void     lp_window_show_repaired         (LpWindow       *self,
                                          LpPlanLoad     *load);
void     lp_window_setup_damage          (LpWindow       *self);

G_END_DECLS
