/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LpView: what every view of the window is.  A view shows one open plan
 * (the "plan" property, which the window binds), is listed in the sidebar
 * under its "title" and "icon-name", and brings its figures up to date
 * only when a table it reads has changed, only while it is shown (or when
 * next shown), on a worker thread with its own connection to the plan.
 *
 * A subclass declares the tables it reads (lp_view_class_set_tables), and
 * in its refresh() starts its work with lp_view_run(): the work reads the
 * plan on the worker and returns what to show; the view shows it when it
 * comes back, unless a newer refresh has begun meanwhile. */

#include <adwaita.h>

#include "lp-core.h"

G_BEGIN_DECLS

#define LP_TYPE_VIEW (lp_view_get_type ())
G_DECLARE_DERIVABLE_TYPE (LpView, lp_view, LP, VIEW, GtkWidget)

/* Runs on the worker.  @reader is the view's read-only connection to the
 * plan, for the worker's use only.  Returns what the view will show, or
 * %NULL with @error set. */
typedef gpointer (*LpViewWorkFunc) (LpPlan        *reader,
                                    gpointer       input,
                                    GCancellable  *cancellable,
                                    GError       **error);
/* Runs on the main thread with the work's result (%NULL and @error when it
 * failed); the view keeps the result or frees it. */
typedef void     (*LpViewShowFunc) (LpView        *self,
                                    gpointer       result,
                                    const GError  *error);

struct _LpViewClass
{
  GtkWidgetClass parent_class;

  /* Reads the plan afresh: the plan was set, or one of the view's tables
   * changed.  Called on the main thread, only while the view is shown;
   * %NULL plan means none (show the empty state). */
  void     (*refresh)       (LpView  *self);
  /* Shows the view's search (Ctrl+F); %NULL when the view has none. */
  void     (*start_search)  (LpView  *self);
  /* Exports the view's table as on screen ("win.export-view"); %NULL
   * when the view has no table of its own to export. */
  void     (*export)        (LpView  *self);
  /* Prints what the view shows (Ctrl+P); %NULL when it prints nothing. */
  void     (*print)         (LpView  *self);

  gpointer padding[8];
};

void         lp_view_class_set_tables     (LpViewClass        *klass,
                                           const char * const *tables);

LpPlan      *lp_view_get_plan             (LpView             *self);
void         lp_view_set_plan             (LpView             *self,
                                           LpPlan             *plan);
const char  *lp_view_get_title            (LpView             *self);
const char  *lp_view_get_icon_name        (LpView             *self);
const char  *lp_view_get_export_name      (LpView             *self);
gboolean     lp_view_get_busy             (LpView             *self);
gboolean     lp_view_can_search           (LpView             *self);
gboolean     lp_view_can_export           (LpView             *self);
gboolean     lp_view_can_print            (LpView             *self);
void         lp_view_start_search         (LpView             *self);
void         lp_view_export               (LpView             *self);
void         lp_view_print                (LpView             *self);

void         lp_view_queue_refresh        (LpView             *self);
void         lp_view_run                  (LpView             *self,
                                           LpViewWorkFunc      work,
                                           gpointer            input,
                                           GDestroyNotify      input_free,
                                           GDestroyNotify      result_free,
                                           LpViewShowFunc      show);
guint        lp_view_get_generation       (LpView             *self);

G_END_DECLS
