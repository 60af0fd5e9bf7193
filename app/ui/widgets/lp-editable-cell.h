/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The app's one in-place editable table cell: a field that shows a value
 * as core holds it (a label drawn as a field until the focus reaches it,
 * then an entry).  Enter, or the focus leaving it, commits what was
 * typed if it differs from that value: the "commit" signal gives the text
 * as typed, for the cell's owner to hand to core.  Escape puts the value
 * back.  If core refuses, the owner calls lp_editable_cell_show_error()
 * with core's words: the cell is marked and says them in its tooltip until
 * the text changes.  A value set while someone is typing into the cell
 * leaves their typing be.  The cell keeps nothing but what it shows, so a
 * GtkColumnView's factory can bind it to row after row. */
#define LP_TYPE_EDITABLE_CELL (lp_editable_cell_get_type ())
G_DECLARE_FINAL_TYPE (LpEditableCell, lp_editable_cell, LP, EDITABLE_CELL, GtkWidget)

GtkWidget  *lp_editable_cell_new                  (void);
void        lp_editable_cell_set_text             (LpEditableCell *self,
                                                   const char     *text);
const char *lp_editable_cell_get_text             (LpEditableCell *self);
void        lp_editable_cell_show_error           (LpEditableCell *self,
                                                   const char     *message);
void        lp_editable_cell_clear_error          (LpEditableCell *self);
const char *lp_editable_cell_get_error            (LpEditableCell *self);

void        lp_editable_cell_set_label            (LpEditableCell *self,
                                                   const char     *label);
void        lp_editable_cell_set_placeholder_text (LpEditableCell *self,
                                                   const char     *text);
void        lp_editable_cell_set_width_chars      (LpEditableCell *self,
                                                   int             n_chars);
void        lp_editable_cell_set_max_width_chars  (LpEditableCell *self,
                                                   int             n_chars);
void        lp_editable_cell_set_xalign           (LpEditableCell *self,
                                                   float           xalign);
void        lp_editable_cell_set_editable         (LpEditableCell *self,
                                                   gboolean        editable);

/* For tests: with the focus in the cell, types @typed over what it shows,
 * as a person would; then, for _enter(), presses Enter. */
void        lp_editable_cell_type                 (LpEditableCell *self,
                                                   const char     *typed);
void        lp_editable_cell_enter                (LpEditableCell *self,
                                                   const char     *typed);

G_END_DECLS
