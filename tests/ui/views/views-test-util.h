/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"
#include "lp-test-gtk.h"

G_BEGIN_DECLS

typedef gboolean (*ViewsMatchFunc) (GtkWidget *widget, gconstpointer data);

char      *views_test_copy_sample     (void);
void       views_test_wait_models     (GListModel     *shown);
void       views_test_wait_rows       (GListModel     *shown,
                                       guint           n_rows);
GtkWindow *views_test_window_new      (GtkWidget      *view);
void       views_test_save_png        (GtkWidget      *widget,
                                       const char     *name);
guint      views_test_count           (GtkWidget      *root,
                                       ViewsMatchFunc  match,
                                       gconstpointer   data);
gboolean   views_test_is_type         (GtkWidget      *widget,
                                       gconstpointer   gtype);
gint64     views_test_list_size_on_disk (const char   *path,
                                         const char   *ods_code);

G_END_DECLS
