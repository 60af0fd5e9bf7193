/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-access-text.h"
#include "lp-access-view.h"
#include "lp-application.h"
#include "lp-editable-cell.h"
#include "lp-test-gtk.h"
#include "test-sql.h"
#include "lp-window.h"

G_BEGIN_DECLS

/* The application every test's windows belong to (made by lp_test_init). */
extern LpApplication *lp_test_app;

void        lp_test_init             (int              *argc,
                                      char           ***argv);
int         lp_test_run              (void);

/* Plan files: the test's own, and what one holds on disk. */
char       *lp_test_scratch_path     (const char       *name);
char       *lp_test_copy_sample      (const char       *name);
LpPlan     *lp_test_read_plan        (const char       *path);
guint       lp_test_count_localities (const char       *path);

/* The plan's window and its views. */
LpWindow   *lp_test_open_window      (const char       *path,
                                      LpPlanOpenFlags   flags,
                                      int               width,
                                      int               height);
void        lp_test_wait_loaded      (LpWindow         *window);
GtkWidget  *lp_test_show_view        (LpWindow         *window,
                                      const char       *name);
void        lp_test_wait_view        (GtkWidget        *view);
guint       lp_test_count_windows    (void);
void        lp_test_destroy_windows  (void);

/* PNGs for a person to look at, beside the test in the build tree. */
void        lp_test_save_png         (GtkWidget        *widget,
                                      const char       *name);
void        lp_test_save_pngs        (LpWindow         *window,
                                      const char       *name);

/* Saving through the file dialog, as a person does. */
GtkWindow  *lp_test_wait_save_dialog (void);
void        lp_test_save_in_dialog   (GtkWindow        *chooser,
                                      const char       *folder,
                                      const char       *name,
                                      const char       *expected);
void        lp_test_save_beside_test (GtkWindow        *chooser,
                                      const char       *name);

/* A view tested without LpWindow: in a window of its own, on a copy of
 * the sample plan (lp_test_view_open()), as the data views' tests are. */
typedef struct {
  char       *path;
  LpPlan     *plan;
  GtkWindow  *window;
  GtkWidget  *view;
  GListModel *shown;    /* a data view's rows: its model */
} LpTestView;

GtkWindow  *lp_test_window_new       (GtkWidget        *child);
void        lp_test_view_open        (LpTestView       *test,
                                      GtkWidget        *view,
                                      LpPlanOpenFlags   flags);
void        lp_test_view_close       (LpTestView       *test);
gboolean    lp_test_models_pending   (GListModel       *model);
void        lp_test_wait_models      (GListModel       *shown);
void        lp_test_wait_rows        (GListModel       *shown,
                                      guint             n_rows);
void        lp_test_sort_by          (GtkWidget        *view,
                                      const char       *title,
                                      GtkSortType       order);

/* What both tests of one view look for in it. */
const LpAccessTextMonth *lp_test_access_month (const LpAccessText *text,
                                               const char         *month);
/* The Extended Access view, shown and read once. */
LpAccessView            *lp_test_show_access  (LpWindow           *window);
/* @month's figures as the view shows them; NULL before it has read any. */
const LpAccessTextMonth *lp_test_access_month_shown (LpAccessView *view,
                                                     const char   *month);
GtkWidget      *lp_test_find_movement_cell (GtkWidget  *view,
                                            const char *code,
                                            const char *column);
LpEditableCell *lp_test_wait_movement_cell (GtkWidget  *view,
                                            const char *code,
                                            const char *column);

G_END_DECLS
