/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"
#include "lp-window.h"

G_BEGIN_DECLS

#define LP_TYPE_IMPORT_DIALOG (lp_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpImportDialog, lp_import_dialog, LP, IMPORT_DIALOG, AdwWindow)

LpImportDialog       *lp_import_dialog_new             (LpWindow       *window,
                                                        GFile          *file);
void                  lp_import_dialog_set_file        (LpImportDialog *self,
                                                        GFile          *file);
void                  lp_import_dialog_start_import    (LpImportDialog *self);
void                  lp_import_dialog_cancel_import   (LpImportDialog *self);

/* What the dialog shows and is doing, for tests. */
const char           *lp_import_dialog_get_page        (LpImportDialog *self);
gboolean              lp_import_dialog_is_busy         (LpImportDialog *self);
LpImportKind          lp_import_dialog_get_kind        (LpImportDialog *self);
guint                 lp_import_dialog_get_n_preview_rows (LpImportDialog *self);
const LpImportReport *lp_import_dialog_get_check       (LpImportDialog *self);
const LpImportReport *lp_import_dialog_get_report      (LpImportDialog *self);
const GError         *lp_import_dialog_get_error       (LpImportDialog *self);
const char           *lp_import_dialog_get_check_text  (LpImportDialog *self);
const char           *lp_import_dialog_get_done_text   (LpImportDialog *self);
double                lp_import_dialog_get_fraction    (LpImportDialog *self);
GtkWidget            *lp_import_dialog_get_import_button (LpImportDialog *self);

G_END_DECLS
