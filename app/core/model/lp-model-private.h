/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Between lp-model.c (the arithmetic), lp-model-results.c (what is made
 * of its table) and the files that edit what it reads. */

#include "lp-model.h"

G_BEGIN_DECLS

LpModelTable *lp_model_run (LpPlan              *plan,
                            const LpModelQuery  *query,
                            GHashTable          *tables,
                            GError             **error);
void          lp_model_row_free (gpointer            row);
gint64        lp_pathway_find   (LpPlan              *plan,
                                 const char          *pathway,
                                 GError             **error);

G_END_DECLS
