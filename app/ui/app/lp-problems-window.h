/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-check.h"

G_BEGIN_DECLS

#define LP_TYPE_PROBLEMS_WINDOW (lp_problems_window_get_type ())
G_DECLARE_FINAL_TYPE (LpProblemsWindow, lp_problems_window, LP, PROBLEMS_WINDOW, AdwWindow)

LpProblemsWindow *lp_problems_window_new         (GtkWindow         *parent,
                                                  const char        *path,
                                                  GPtrArray         *problems);
gboolean          lp_problems_window_save_report (LpProblemsWindow  *self,
                                                  const char        *dest_path,
                                                  GError           **error);

/* What the window shows, for tests: the problems' messages in the order
 * listed, and the list's rows (headings included). */
GStrv             lp_problems_window_dup_messages (LpProblemsWindow *self);
GListModel       *lp_problems_window_get_rows     (LpProblemsWindow *self);

G_END_DECLS
