/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's views, as its template lists them: one list, from which
 * the sidebar, the Alt+1…9 shortcuts, the shortcuts window and the export
 * menu are made, so that adding a view is adding one line there. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-window-private.h"

/* The views before this one hold the plan's data; it and those after it
 * model the plan, and begin below a line of their own. */
#define LP_WINDOW_FIRST_MODEL_VIEW "modelling"

static GtkWidget *
lp_window_sidebar_row (LpView *view)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", lp_view_get_icon_name (view),
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);
  GtkWidget *label = gtk_label_new (lp_view_get_title (view));

  gtk_widget_set_name (row, gtk_widget_get_name (GTK_WIDGET (view)));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
lp_window_sidebar_header (GtkListBoxRow *row,
                          GtkListBoxRow *before,
                          gpointer       user_data)
{
  if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), LP_WINDOW_FIRST_MODEL_VIEW) == 0)
    {
      if (gtk_list_box_row_get_header (row) == NULL)
        gtk_list_box_row_set_header (row, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

static void
lp_window_add_shortcut (GtkShortcutController *controller,
                        guint                  index,
                        const char            *view)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_1 + index, GDK_ALT_MASK),
                                            gtk_named_action_new ("win.show-view"));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_string (view));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
lp_window_add_export_item (LpWindow *self,
                           LpView   *view)
{
  const char *name = lp_view_get_export_name (view);
  g_autofree char *label = NULL;
  g_autoptr(GMenuItem) item = NULL;

  if (name == NULL)
    return;
  /* Translators: a menu item under Export; %s is a view, "Practices" */
  label = g_strdup_printf (_("%s…"), lp_view_get_title (view));
  item = g_menu_item_new (label, NULL);
  g_menu_item_set_action_and_target (item, "win.export", "s", name);
  g_menu_append_item (self->export_views_menu, item);
}

static GtkWidget *
lp_window_find_named (GtkWidget  *root,
                      const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lp_window_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The shortcuts window's "Views" group lists the same keys. */
static void
lp_window_fill_help_overlay (LpWindow *self)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));
  GtkWidget *group;
  guint i = 0;

  if (overlay == NULL || g_object_get_data (G_OBJECT (overlay), "lp-views-listed") != NULL)
    return;
  group = lp_window_find_named (GTK_WIDGET (overlay), "views-group");
  if (group == NULL)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack));
       child != NULL && i < 9; child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *accel = NULL;
      GtkWidget *shortcut;

      if (!LP_IS_VIEW (child))
        continue;
      accel = g_strdup_printf ("<Alt>%u", ++i);
      shortcut = g_object_new (GTK_TYPE_SHORTCUTS_SHORTCUT,
                               "title", lp_view_get_title (LP_VIEW (child)),
                               "accelerator", accel,
                               NULL);
      gtk_box_append (GTK_BOX (group), shortcut);
    }
  g_object_set_data (G_OBJECT (overlay), "lp-views-listed", GINT_TO_POINTER (TRUE));
}

/**
 * lp_window_setup_views:
 *
 * Names each view's page, and makes the sidebar's rows, the Alt+number
 * shortcuts (in sidebar order) and the export menu's items from the views
 * the template lists.
 */
void
lp_window_setup_views (LpWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  guint index = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      LpView *view;
      GtkStackPage *page;

      if (!LP_IS_VIEW (child))
        continue;
      view = LP_VIEW (child);
      page = gtk_stack_get_page (self->view_stack, child);
      gtk_stack_page_set_name (page, gtk_widget_get_name (child));
      gtk_stack_page_set_title (page, lp_view_get_title (view));
      gtk_stack_page_set_icon_name (page, lp_view_get_icon_name (view));
      gtk_list_box_append (self->sidebar_list, lp_window_sidebar_row (view));
      if (index < 9)
        lp_window_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), index++,
                                gtk_widget_get_name (child));
      lp_window_add_export_item (self, view);
    }
  gtk_list_box_set_header_func (self->sidebar_list, lp_window_sidebar_header, NULL, NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  g_signal_connect_object (self, "notify::application",
                           G_CALLBACK (lp_window_fill_help_overlay), self, G_CONNECT_SWAPPED);
}

/**
 * lp_window_get_shown_view:
 *
 * Returns: (transfer none): the view on screen
 */
LpView *
lp_window_get_shown_view (LpWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->view_stack);

  return LP_IS_VIEW (child) ? LP_VIEW (child) : NULL;
}
