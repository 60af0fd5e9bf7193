/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The layout the modelling view's form windows share: a header bar with
 * Cancel and Save ("window.close" and "dialog.save"; Enter saves, Escape
 * cancels), a preferences page, and core's reason in red under it when a
 * save is refused. */

/* Lays @page out in @window under @title and @subtitle; returns the error
 * label, hidden until lp_form_window_show_error(). */
GtkLabel *lp_form_window_build      (AdwWindow      *window,
                                     const char     *title,
                                     const char     *subtitle,
                                     GtkWidget      *page);
void      lp_form_window_show_error (GtkLabel       *label,
                                     const char     *message);
/* The error's text, or NULL when none shows. */
const char *lp_form_window_get_error (GtkLabel      *label);
void      lp_form_window_class_setup (GtkWidgetClass              *widget_class,
                                      GtkWidgetActionActivateFunc  save);

G_END_DECLS
