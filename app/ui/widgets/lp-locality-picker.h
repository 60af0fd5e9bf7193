/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lp-core.h"

G_BEGIN_DECLS

/* The views' locality picker: "All localities" first (id 0), then each
 * locality by name.  The choices are read on a view's worker, compared
 * there with those offered, and offered on the main thread only when
 * they changed; they never change once made, so the worker and the view
 * share them by reference. */
typedef struct {
  GArray    *ids;     /* gint64 of each choice; 0: all localities */
  GPtrArray *names;   /* the words of each choice */
} LpLocalityChoices;

/* "All localities" alone: before any plan is read, or after it went. */
LpLocalityChoices *lp_locality_choices_new_all (void);
/* Safe on a worker with its own connection: it touches no widget. */
LpLocalityChoices *lp_locality_choices_read    (LpPlan                  *plan,
                                                GError                 **error);
LpLocalityChoices *lp_locality_choices_ref     (LpLocalityChoices       *choices);
void               lp_locality_choices_unref   (LpLocalityChoices       *choices);
gboolean           lp_locality_choices_equal   (const LpLocalityChoices *a,
                                                const LpLocalityChoices *b);
/* The name of the choice with *@id (all of them, and *@id 0, if it has
 * gone). */
const char        *lp_locality_choices_find    (const LpLocalityChoices *choices,
                                                gint64                  *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpLocalityChoices, lp_locality_choices_unref)

/* Offers @choices in place of those offered, @chosen kept chosen if it
 * is still there (else all of them; FALSE then). */
gboolean lp_locality_picker_offer  (GtkDropDown             *dropdown,
                                    const LpLocalityChoices *choices,
                                    gint64                   chosen);
/* The chosen locality's id; 0 for all of them. */
gint64   lp_locality_picker_id     (GtkDropDown             *dropdown,
                                    const LpLocalityChoices *choices);
/* Chooses the locality called @name; FALSE if the picker has none. */
gboolean lp_locality_picker_select (GtkDropDown             *dropdown,
                                    const char              *name);

G_END_DECLS
