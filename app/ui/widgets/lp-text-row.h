/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The rows of a view's long tables (every practice, every locality):
 * each row a small object around one struct of words from the view's
 * -text file, made on the view's worker and shown by a GtkColumnView
 * from a GListStore.
 *
 * The worker keeps the rows the table shows wherever their words have
 * not changed, so that showing a refresh replaces only the rows that
 * differ: an edit changes one row, and a field being typed in elsewhere
 * in the table is left alone.  The main thread brings the table's store
 * to the new rows a few at a time, frame by frame: on GTK 4.8 a column
 * view makes widgets for 200 rows around where it is scrolled, and
 * making (or dropping) them all at once would stall the window. */

#include <gtk/gtk.h>

#include "lp-table-grid.h"

G_BEGIN_DECLS

#define LP_TYPE_TEXT_ROW (lp_text_row_get_type ())
G_DECLARE_FINAL_TYPE (LpTextRow, lp_text_row, LP, TEXT_ROW, GObject)

LpTextRow          *lp_text_row_new           (gpointer        data,
                                               GDestroyNotify  data_free);
/* The row's words: the struct given to lp_text_row_new(). */
gpointer            lp_text_row_get           (LpTextRow      *self);

typedef gpointer (*LpTextRowCopy) (gconstpointer data);

/* On the worker.  @shown: (nullable): the LpTextRow the table shows;
 * @fresh: the structs read now.  Returns (transfer full) the LpTextRow
 * to show: @shown's where @equal says a run of them from the top or
 * from the bottom is unchanged, copies of @fresh's (made with @copy,
 * freed with @data_free) between. */
GPtrArray          *lp_text_rows_new          (GPtrArray      *shown,
                                               GPtrArray      *fresh,
                                               LpTextRowCopy   copy,
                                               GDestroyNotify  data_free,
                                               GEqualFunc      equal);
/* On the main thread: makes @store show @rows, what it can now and the
 * rest in the frames after, as they are drawn; a newer call takes over
 * from where the store has got to.  @scroller: the table's
 * GtkScrolledWindow. */
void                lp_text_rows_show         (GListStore     *store,
                                               GPtrArray      *rows,
                                               GtkWidget      *scroller);

/* A column of labels: each row's string at @text_offset in its struct;
 * with @flag_offset >= 0, @flag_class on the label while the gboolean
 * there is TRUE.  @style: LP_CELL_NUMERIC, _DIM, _ELLIPSIZE. */
GtkListItemFactory *lp_text_row_label_factory (gsize           text_offset,
                                               gssize          flag_offset,
                                               const char     *flag_class,
                                               LpCellStyle     style);
/* Appends a column of @factory's cells (taken) headed @title; with
 * @expand, it has the width the others leave. */
void                lp_text_row_add_column    (GtkColumnView      *view,
                                               const char         *title,
                                               GtkListItemFactory *factory,
                                               gboolean            expand);

G_END_DECLS
