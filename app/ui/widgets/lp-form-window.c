/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The form windows' shared layout (see lp-form-window.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-form-window.h"

static GtkWidget *
lp_form_window_header (AdwWindow  *window,
                       const char *title,
                       const char *subtitle)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, subtitle));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "dialog.save");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_window_set_default_widget (GTK_WINDOW (window), save);
  return header;
}

GtkLabel *
lp_form_window_build (AdwWindow  *window,
                      const char *title,
                      const char *subtitle,
                      GtkWidget  *page)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *error = gtk_label_new (NULL);

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_widget_set_margin_start (error, 24);
  gtk_widget_set_margin_end (error, 24);
  gtk_widget_set_margin_bottom (error, 18);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), lp_form_window_header (window, title, subtitle));
  gtk_box_append (GTK_BOX (box), page);
  gtk_box_append (GTK_BOX (box), error);
  adw_window_set_content (window, box);
  return GTK_LABEL (error);
}

void
lp_form_window_show_error (GtkLabel   *label,
                           const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

const char *
lp_form_window_get_error (GtkLabel *label)
{
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}

void
lp_form_window_class_setup (GtkWidgetClass              *widget_class,
                            GtkWidgetActionActivateFunc  save)
{
  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}
