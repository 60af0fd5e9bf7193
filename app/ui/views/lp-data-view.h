/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LpDataView: what the localities, practices and contracts views are.  A
 * table of one kind of row with its count, search, empty, loading and "no
 * results" pages and its add, edit and delete buttons (the template
 * lp-data-view.ui), kept in step with the plan: the rows are read on the
 * plan's worker and put into the table in one step, keeping the selected
 * row and, where the rows around it did not change, the scroll position.
 *
 * A subclass says in class_init what its rows are (the fields and vfuncs
 * below), and in its template its words, columns and own controls (see
 * lp-data-view.ui for the internal children it fills in).  The base
 * installs the actions "view.add", "view.edit" and "view.delete" and does
 * them through the editor and the deletion the subclass names. */

#include "lp-view.h"
#include "lp-view-text.h"

G_BEGIN_DECLS

#define LP_TYPE_DATA_VIEW (lp_data_view_get_type ())
G_DECLARE_DERIVABLE_TYPE (LpDataView, lp_data_view, LP, DATA_VIEW, LpView)

struct _LpDataViewClass
{
  LpViewClass  parent_class;

  /* What the rows are: the words of the count and toasts, and the type
   * of the row objects. */
  LpViewKind   kind;
  GType        row_type;

  /* On the worker, with its read-only connection: every row, in core's
   * order. */
  GListModel *(*list_rows)  (LpPlan        *reader,
                             GError       **error);
  /* On the worker: the row's text columns a search looks in, joined with
   * lp_view_text_search_key(). */
  char       *(*search_key) (gpointer       row);
  gint64      (*get_id)     (gpointer       row);

  /* On the worker: what the view shows beside the rows (the practices'
   * locality choices, the reference date contracts are judged from), or
   * %NULL for nothing; freed with extra_free.  %NULL vfunc: nothing. */
  gpointer    (*read_extra) (LpPlan        *reader,
                             GError       **error);
  GDestroyNotify extra_free;
  /* On the main thread, before the rows are shown: shows @extra (%NULL
   * when there is no plan).  Returns whether every row must be drawn
   * again because what a row shows depends on more than the row. */
  gboolean    (*show_extra) (LpDataView    *self,
                             gpointer       extra);
  /* Whether @row passes the view's own filter beside the search (the
   * practices' locality); %NULL: every row does. */
  gboolean    (*match)      (LpDataView    *self,
                             gpointer       row);

  /* On the main thread: the subclass's LpEditDialog for the row with @id
   * (0: a new row), not yet shown. */
  GtkWidget  *(*new_editor)   (LpDataView    *self,
                               LpPlan        *plan,
                               gint64         id);
  /* Deletes the row with @id through core, as one undo step. */
  gboolean    (*delete_row)   (LpPlan        *plan,
                               gint64         id,
                               GError       **error);
  /* The row's words in the toast that says it was deleted. */
  char       *(*deleted_name) (gpointer       row);

  /* Whether several rows can be selected (shift- and Ctrl-click, Ctrl+A);
   * edit and delete then act only while one row is. */
  gboolean    multi_select;
  /* On the main thread, when the selection or what can be edited
   * changed: the subclass's own actions' enabled states.  %NULL: none. */
  void        (*update_actions)     (LpDataView    *self);
  /* Deleting @row may need asking first (a locality with practices):
   * returns TRUE when the subclass has taken it over.  %NULL: never. */
  gboolean    (*delete_interactive) (LpDataView    *self,
                                     gpointer       row);

  /* Deleting the @rows selected, two or more (a view whose class sets
   * multi_select): the subclass asks first and deletes them in one step.
   * %NULL: delete acts only while one row is selected. */
  void        (*delete_rows)        (LpDataView    *self,
                                     GPtrArray     *rows);

  gpointer padding[1];
};

GListModel *lp_data_view_get_model     (LpDataView    *self);
gpointer    lp_data_view_get_selected  (LpDataView    *self);
GPtrArray  *lp_data_view_get_selected_rows (LpDataView *self);
guint       lp_data_view_get_n_selected (LpDataView  *self);
void        lp_data_view_select_id     (LpDataView    *self,
                                        gint64         id);
gboolean    lp_data_view_can_edit      (LpDataView    *self);
void        lp_data_view_report        (LpDataView    *self,
                                        const GError  *error);
void        lp_data_view_refilter      (LpDataView    *self,
                                        GtkFilterChange change);
void        lp_data_view_redraw_rows   (LpDataView    *self);

G_END_DECLS
