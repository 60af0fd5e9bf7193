/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean lp_view_rows_equal  (GObject    *a,
                              GObject    *b);
void     lp_view_rows_diff   (GPtrArray  *old,
                              GPtrArray  *fresh,
                              guint      *head,
                              guint      *tail);
void     lp_view_rows_update (GListStore *store,
                              GListModel *fresh);

G_END_DECLS
