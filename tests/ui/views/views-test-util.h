/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"

G_BEGIN_DECLS

typedef gboolean (*ViewsMatchFunc) (GtkWidget *widget, gconstpointer data);

char      *views_test_copy_sample     (void);
void       views_test_wait_ms         (guint           ms);
void       views_test_wait_models     (GListModel     *shown);
GtkWindow *views_test_window_new      (GtkWidget      *view);
void       views_test_save_png        (GtkWidget      *widget,
                                       const char     *name);
GtkWidget *views_test_find            (GtkWidget      *root,
                                       ViewsMatchFunc  match,
                                       gconstpointer   data);
guint      views_test_count           (GtkWidget      *root,
                                       ViewsMatchFunc  match,
                                       gconstpointer   data);
gboolean   views_test_is_label        (GtkWidget      *widget,
                                       gconstpointer   text);
gboolean   views_test_is_type         (GtkWidget      *widget,
                                       gconstpointer   gtype);
GtkWindow *views_test_find_toplevel   (GType           type);
gint64     views_test_list_size_on_disk (const char   *path,
                                         const char   *ods_code);

G_END_DECLS
