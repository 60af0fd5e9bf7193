/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lp-core.h"

G_BEGIN_DECLS

/* The views' locality picker: "All localities", then each locality by
 * name; the gint64 id of each choice (0: all) is kept beside it. */
void     lp_locality_picker_reset  (GtkDropDown *dropdown,
                                    GArray     **ids,
                                    GPtrArray  **names);
/* The chosen locality's id; 0 for all of them. */
gint64   lp_locality_picker_id     (GtkDropDown *dropdown,
                                    GArray      *ids);
/* Chooses the locality called @name; FALSE if the picker has none. */
gboolean lp_locality_picker_select (GtkDropDown *dropdown,
                                    const char  *name);


/* For a view that reads the plan on its worker: the choices read there,
 * "All localities" first (@ids: 0) then each locality by name; the name
 * of the one with *@id among them (all of them, and *@id 0, if it has
 * gone); whether they are those offered already; and offering them,
 * with @chosen kept chosen if it is still there (else all; FALSE then). */
GPtrArray *lp_locality_picker_read  (LpPlan      *plan,
                                     GArray     **ids,
                                     GError     **error);
const char *lp_locality_picker_find (GArray      *ids,
                                     GPtrArray   *names,
                                     gint64      *id);
gboolean   lp_locality_picker_same  (GArray      *ids,
                                     GPtrArray   *names,
                                     GArray      *other_ids,
                                     GPtrArray   *other_names);
gboolean   lp_locality_picker_offer (GtkDropDown *dropdown,
                                     GArray      *ids,
                                     GPtrArray   *names,
                                     gint64       chosen);
void       lp_locality_picker_take  (GtkDropDown *dropdown,
                                     GArray     **ids,
                                     GPtrArray  **names,
                                     GArray     **read_ids,
                                     GPtrArray  **read_names,
                                     gint64       chosen);

G_END_DECLS
