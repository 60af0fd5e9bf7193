/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"
#include "lp-view.h"

G_BEGIN_DECLS

#define LP_TYPE_ACTIVITY_VIEW (lp_activity_view_get_type ())
G_DECLARE_FINAL_TYPE (LpActivityView, lp_activity_view, LP, ACTIVITY_VIEW, LpView)

/* The columns of an activity line after its name: two entries, then figures. */
typedef enum {
  LP_ACTIVITY_COLUMN_GROWTH,
  LP_ACTIVITY_COLUMN_BASELINE,
  LP_ACTIVITY_COLUMN_QIPP,
  LP_ACTIVITY_COLUMN_PLAN,
  LP_ACTIVITY_COLUMN_WITHOUT_QIPP,
  LP_ACTIVITY_COLUMN_MONTH,
  LP_ACTIVITY_COLUMN_WEEK,
  LP_ACTIVITY_N_COLUMNS
} LpActivityColumn;

GtkWidget  *lp_activity_view_new             (void);

/* For tests: they type into the view's own entries, then read what it shows. */
const char *lp_activity_view_get_line_cell   (LpActivityView   *self,
                                              const char       *line_name,
                                              LpActivityColumn  column);
const char *lp_activity_view_get_line_error  (LpActivityView   *self,
                                              const char       *line_name);
gboolean    lp_activity_view_type            (LpActivityView   *self,
                                              const char       *line_name,
                                              LpActivityColumn  column,
                                              const char       *typed);
gboolean    lp_activity_view_enter           (LpActivityView   *self,
                                              const char       *line_name,
                                              LpActivityColumn  column,
                                              const char       *typed);
gboolean    lp_activity_view_select_locality (LpActivityView   *self,
                                              const char       *name);
gint64      lp_activity_view_get_locality    (LpActivityView   *self);
const char *lp_activity_view_get_line_note   (LpActivityView   *self,
                                              const char       *line_name);
const char *lp_activity_view_get_line_tooltip (LpActivityView  *self,
                                              const char       *line_name,
                                              LpActivityColumn  column);
gboolean    lp_activity_view_is_line_editable (LpActivityView  *self,
                                              const char       *line_name,
                                              LpActivityColumn  column);
const char *lp_activity_view_get_qipp_cell   (LpActivityView   *self,
                                              const char       *programme,
                                              int               pod);

G_END_DECLS
