/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LP_RECENT_PLANS_MAX 5

void        lp_recent_plans_add      (const char *path);
GMenuModel *lp_recent_plans_get_menu (void);
GStrv       lp_recent_plans_list     (guint       max);

G_END_DECLS
