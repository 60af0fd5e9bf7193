/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Workshop copies, driven through the window as a person does: Prepare
 * Workshop Copies, then the merge window's ticks, clicks and buttons. */

#include "lp-merge-row.h"
#include "lp-merge-window.h"
#include "lp-window.h"

G_BEGIN_DECLS

char          *lp_test_workshop_try_prepare  (LpWindow           *window,
                                              const char         *names,
                                              const char         *folder);
void           lp_test_workshop_prepare      (LpWindow           *window,
                                              const char         *names,
                                              const char         *folder);
LpMergeWindow *lp_test_workshop_open_merge   (LpWindow           *window,
                                              const char * const *paths);
void           lp_test_workshop_wait_page    (LpMergeWindow      *merge,
                                              const char         *page);
LpMergeItem   *lp_test_workshop_find_item    (LpMergeWindow      *merge,
                                              LpMergeItemKind     kind,
                                              const char         *text);
guint          lp_test_workshop_count_items  (LpMergeWindow      *merge,
                                              LpMergeItemKind     kind);
LpMergeRow    *lp_test_workshop_row_of       (LpMergeWindow      *merge,
                                              LpMergeItem        *item);
void           lp_test_workshop_click        (GtkWidget          *button);
gboolean       lp_test_workshop_can_merge    (LpMergeWindow      *merge);
void           lp_test_workshop_press        (LpMergeWindow      *merge,
                                              const char         *action);

G_END_DECLS
