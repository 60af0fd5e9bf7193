/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

/* Renames a pathway or moves it to the table's other group: its name and
 * its group, saved by lp_plan_update_pathway as one undoable step; an
 * empty name or another pathway's is refused under the name. */
#define LP_TYPE_PATHWAY_NAME_DIALOG (lp_pathway_name_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpPathwayNameDialog, lp_pathway_name_dialog, LP, PATHWAY_NAME_DIALOG, LpEditDialog)

LpPathwayNameDialog *lp_pathway_name_dialog_new (GtkWindow  *parent,
                                                 LpPlan     *plan,
                                                 const char *pathway);

G_END_DECLS
