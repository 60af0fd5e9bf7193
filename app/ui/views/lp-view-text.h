/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The words the data views show, worked out without a display so that
 * tests can check them directly. */

#include "lp-core.h"

G_BEGIN_DECLS

typedef enum {
  LP_VIEW_LOCALITIES,
  LP_VIEW_PRACTICES,
  LP_VIEW_CONTRACTS,
} LpViewKind;

char        *lp_view_text_count              (LpViewKind       kind,
                                              guint            shown,
                                              guint            total);
char        *lp_view_text_deleted            (LpViewKind       kind,
                                              const char      *what);
char        *lp_view_text_search_key         (const char *const *columns,
                                              gsize            n_columns);
char        *lp_view_text_search_fold        (const char      *text);
const char  *lp_view_text_contract_state     (LpContractState  state);
const char  *lp_view_text_contract_style     (LpContractState  state);
char        *lp_view_text_list_size          (gint64           patients);
char        *lp_view_text_months             (int              months);
char        *lp_view_text_as_at              (const char      *iso_date);
char        *lp_view_text_vulnerable         (const char      *services);
char        *lp_view_text_no_results         (LpViewKind       kind,
                                              const char      *search);

/* The choices of the practice status and provider sector fields: the keys
 * core stores, NULL-terminated, and the words shown for them. */
const char *const *lp_view_text_status_keys  (void);
const char  *lp_view_text_status_label       (const char      *status);
char        *lp_view_text_status_since       (const char      *status,
                                              const char      *close_date);
const char *const *lp_view_text_sector_keys  (void);
const char  *lp_view_text_sector_label       (const char      *sector);

G_END_DECLS
