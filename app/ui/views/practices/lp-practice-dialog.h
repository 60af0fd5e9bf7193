/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"

G_BEGIN_DECLS

#define LP_TYPE_PRACTICE_DIALOG (lp_practice_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpPracticeDialog, lp_practice_dialog, LP, PRACTICE_DIALOG, AdwWindow)

LpPracticeDialog *lp_practice_dialog_new       (LpPlan           *plan,
                                                gint64            practice_id,
                                                gint64            locality_id);
gint64            lp_practice_dialog_get_id    (LpPracticeDialog *self);
GtkWidget        *lp_practice_dialog_get_field (LpPracticeDialog *self,
                                                const char       *field);
const char       *lp_practice_dialog_get_error (LpPracticeDialog *self,
                                                const char       *field);
gboolean          lp_practice_dialog_save      (LpPracticeDialog *self);

G_END_DECLS
