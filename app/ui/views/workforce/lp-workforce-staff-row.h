/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

/* Fills the choice row @key of a workforce editor with the plan's staff
 * roles (and their groups first if @groups_too), choosing @selected (a
 * code; NULL: the first), so that lp_edit_dialog_get_key() gives the code
 * chosen. */
void lp_workforce_staff_row_fill (LpEditDialog *dialog,
                                  const char   *key,
                                  gboolean      groups_too,
                                  const char   *selected);

G_END_DECLS
