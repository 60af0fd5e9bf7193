/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"
#include "lp-view.h"
#include "lp-practice-text.h"

G_BEGIN_DECLS

/* The Practice Page: a practice manager picks their practice (and a
 * scenario) and reads its share of every modelled change per month and
 * per week; Print and Save as PDF give the same page on paper. */
#define LP_TYPE_PRACTICE_PAGE_VIEW (lp_practice_page_view_get_type ())
G_DECLARE_FINAL_TYPE (LpPracticePageView, lp_practice_page_view, LP, PRACTICE_PAGE_VIEW, LpView)

GtkWidget  *lp_practice_page_view_new              (void);
void        lp_practice_page_view_set_access_preferences (LpPracticePageView *self,
                                                          gboolean            partial_counts,
                                                          guint               default_minutes);
void        lp_practice_page_view_set_weeks_365_7  (LpPracticePageView *self,
                                                    gboolean            exact);
gboolean    lp_practice_page_view_select_practice  (LpPracticePageView *self,
                                                    const char         *ods_code);

/* For tests: what the page shows. */
const char *lp_practice_page_view_get_title        (LpPracticePageView *self);
const char *lp_practice_page_view_get_cell         (LpPracticePageView *self,
                                                    const char         *row,
                                                    guint               column);
/* The page as it prints, for Print and Save as PDF (NULL: nothing shown). */
const LpPracticeText *lp_practice_page_view_get_text (LpPracticePageView *self);

G_END_DECLS
