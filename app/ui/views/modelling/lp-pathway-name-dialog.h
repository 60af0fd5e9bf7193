/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

/* Renames a pathway, moves it to the table's other group, or chooses the
 * population base its changes are shared by ("Shared by": the bases the
 * plan can give are offered beside it, with where their figures come
 * from): saved by lp_plan_save_pathway_edit as one undoable step; an
 * empty name or another pathway's is refused under the name, a base core
 * cannot read under the base. */
#define LP_TYPE_PATHWAY_NAME_DIALOG (lp_pathway_name_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpPathwayNameDialog, lp_pathway_name_dialog, LP, PATHWAY_NAME_DIALOG, LpEditDialog)

LpPathwayNameDialog *lp_pathway_name_dialog_new (GtkWindow  *parent,
                                                 LpPlan     *plan,
                                                 const char *pathway);

G_END_DECLS
