/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by lp-import-dialog.c (the dialog's pages and what they show)
 * and lp-import-dialog-work.c (the work behind them: reading, checking
 * and importing the file on worker threads). */

#include "lp-import-dialog.h"
#include "lp-import-task.h"

G_BEGIN_DECLS

struct _LpImportDialog
{
  AdwWindow            parent_instance;

  /* Template children */
  AdwWindowTitle      *window_title;
  GtkButton           *cancel_button;
  GtkButton           *import_button;
  GtkButton           *close_button;
  GtkButton           *choose_button;
  GtkStack            *stack;
  AdwActionRow        *file_row;
  AdwPreferencesGroup *rows_group;
  GtkGrid             *preview_grid;
  GtkLabel            *columns_label;
  AdwActionRow        *add_row;
  GtkSwitch           *add_switch;
  GtkSwitch           *skip_switch;
  AdwEntryRow         *commissioner_row;
  AdwComboRow         *localities_row;
  AdwEntryRow         *weights_name_row;
  AdwEntryRow         *as_at_row;
  AdwActionRow        *all_row;
  GtkCheckButton      *all_check;
  GtkSpinner          *check_spinner;
  GtkLabel            *check_label;
  AdwStatusPage       *importing_page;
  GtkProgressBar      *progress_bar;
  GtkImage            *done_icon;
  GtkLabel            *done_title;
  GtkLabel            *done_label;
  AdwPreferencesGroup *facts_group;
  AdwPreferencesGroup *problems_group;
  GtkListBox          *problems_list;

  LpWindow            *window;        /* weak: told to reload after an import */
  char                *plan_path;
  char                *file_path;
  char                *file_name;     /* for display */
  LpImportPeek        *peek;
  GPtrArray           *header_labels; /* GtkLabel of each column shown */
  guint                n_columns;     /* in the file */
  guint                n_shown;       /* in the preview */
  GCancellable        *peek_cancellable;
  GCancellable        *check_cancellable;
  GCancellable        *import_cancellable;
  LpImportOutcome     *check;         /* the dry run's */
  LpImportOutcome     *outcome;       /* the import's */
  LpImportOptions      imported_with; /* the import's options, without strings */
  GError              *error;         /* the last check's or the import's */
  gboolean             setting_up;    /* switches set by code: no new check */
};

void lp_import_dialog_set_page        (LpImportDialog  *self,
                                       const char      *page);
void lp_import_dialog_cancel_work     (GCancellable   **cancellable);
void lp_import_dialog_show_done       (LpImportDialog  *self,
                                       const char      *icon,
                                       const char      *title,
                                       const char      *text);
void lp_import_dialog_show_failure    (LpImportDialog  *self,
                                       const char      *title,
                                       const GError    *error);
void lp_import_dialog_clear_grid      (LpImportDialog  *self);
void lp_import_dialog_fill_grid       (LpImportDialog  *self);
void lp_import_dialog_mark_used       (LpImportDialog  *self,
                                       GStrv            used_columns);
void lp_import_dialog_add_facts       (LpImportDialog  *self);
void lp_import_dialog_add_problems    (LpImportDialog  *self);
void lp_import_dialog_bind_callbacks  (GtkWidgetClass  *widget_class);

void lp_import_dialog_update_import_button (LpImportDialog *self);

G_END_DECLS
