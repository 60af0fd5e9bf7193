/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"

G_BEGIN_DECLS

#define LP_TYPE_LOCALITY_DIALOG (lp_locality_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpLocalityDialog, lp_locality_dialog, LP, LOCALITY_DIALOG, AdwWindow)

LpLocalityDialog *lp_locality_dialog_new       (LpPlan           *plan,
                                                gint64            locality_id);
gint64            lp_locality_dialog_get_id    (LpLocalityDialog *self);
GtkWidget        *lp_locality_dialog_get_field (LpLocalityDialog *self,
                                                const char       *field);
const char       *lp_locality_dialog_get_error (LpLocalityDialog *self,
                                                const char       *field);
gboolean          lp_locality_dialog_save      (LpLocalityDialog *self);

G_END_DECLS
