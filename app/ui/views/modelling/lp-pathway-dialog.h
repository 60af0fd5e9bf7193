/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-edit-dialog.h"

G_BEGIN_DECLS

/* Edits a scenario's pathway changes: which pathway, stated for the STP,
 * the CCG or the locality on screen, over the horizon or a year, month or
 * week, and the reductions for each horizon.  Save stores them as the
 * scenario's own (lp_plan_save_pathway_form, one undoable step); core's
 * reason shows under the figure it refuses, and the dialog stays open. */
#define LP_TYPE_PATHWAY_DIALOG (lp_pathway_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LpPathwayDialog, lp_pathway_dialog, LP, PATHWAY_DIALOG, LpEditDialog)

/* @locality_id 0: no locality on screen, so only the STP and the CCG. */
LpPathwayDialog *lp_pathway_dialog_new          (GtkWindow       *parent,
                                                 LpPlan          *plan,
                                                 LpScenario      *scenario,
                                                 gint64           locality_id,
                                                 const char      *locality,
                                                 const int       *horizons,
                                                 guint            n_horizons,
                                                 const char      *pathway);

/* For tests: the form as a person would fill it (Save is
 * lp_edit_dialog_save()), and what it shows. */
void             lp_pathway_dialog_choose       (LpPathwayDialog *self,
                                                 LpPathwayLevel   level,
                                                 LpPathwayPeriod  period);
void             lp_pathway_dialog_set_figures  (LpPathwayDialog *self,
                                                 guint            horizon,
                                                 const char      *activity,
                                                 const char      *bed_days);
const char      *lp_pathway_dialog_get_figure   (LpPathwayDialog *self,
                                                 guint            horizon,
                                                 gboolean         bed_days);
const char      *lp_pathway_dialog_get_error    (LpPathwayDialog *self,
                                                 guint            horizon,
                                                 gboolean         bed_days);

G_END_DECLS
