/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

#define LP_TYPE_PCN_SESSION_DIALOG (lp_pcn_session_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpPcnSessionDialog, lp_pcn_session_dialog, LP, PCN_SESSION_DIALOG, LpEditDialog)

/* @session_id 0 adds a session, to @pcn_code if given (NULL: the first
 * network). */
LpPcnSessionDialog *lp_pcn_session_dialog_new (LpPlan     *plan,
                                               gint64      session_id,
                                               const char *pcn_code);

G_END_DECLS
