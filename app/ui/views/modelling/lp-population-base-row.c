/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A population base's field with the plan's choices (see
 * lp-population-base-row.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-population-base-row.h"

static void
lp_population_base_row_chosen (GtkListBox    *list,
                               GtkListBoxRow *item,
                               AdwEntryRow   *row)
{
  const char *name = g_object_get_data (G_OBJECT (item), "lp-base");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (row), name);
  gtk_editable_set_position (GTK_EDITABLE (row), -1);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* Where the typed base's figures come from; core reads the text. */
static void
lp_population_base_row_changed (GtkEditable  *row,
                                AdwActionRow *source_row)
{
  LpPlan *plan = g_object_get_data (G_OBJECT (source_row), "lp-plan");
  g_autofree char *source = plan != NULL
      ? lp_plan_describe_population_base (plan, gtk_editable_get_text (row), NULL) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (source_row), source != NULL);
  adw_action_row_set_subtitle (source_row, source != NULL ? source : "");
}

static GtkWidget *
lp_population_base_row_item (const LpPopulationBaseChoice *choice)
{
  GtkWidget *item = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (choice->name);
  GtkWidget *source = gtk_label_new (choice->source);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (source), 0);
  gtk_label_set_wrap (GTK_LABEL (source), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (source), 40);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (source, "dim-label");
  gtk_widget_add_css_class (source, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), source);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (item), box);
  g_object_set_data_full (G_OBJECT (item), "lp-base", g_strdup (choice->name), g_free);
  return item;
}

void
lp_population_base_row_setup (AdwEntryRow  *row,
                              AdwActionRow *source_row,
                              LpPlan       *plan,
                              GPtrArray    *choices)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *label = NULL;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row) && LP_IS_PLAN (plan));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), TRUE);
  for (guint i = 0; choices != NULL && i < choices->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), lp_population_base_row_item (g_ptr_array_index (choices, i)));
  g_signal_connect_object (list, "row-activated", G_CALLBACK (lp_population_base_row_chosen), row, 0);
  gtk_popover_set_child (GTK_POPOVER (popover), list);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-list-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* TRANSLATORS: %s is the field's title, such as Frailty */
  label = g_strdup_printf (_("Bases for “%s”"),
                           adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_widget_set_tooltip_text (button, _("Bases the plan can give"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_entry_row_add_suffix (row, button);
  if (source_row == NULL)
    return;
  g_object_set_data_full (G_OBJECT (source_row), "lp-plan", g_object_ref (plan), g_object_unref);
  g_signal_connect_object (row, "changed", G_CALLBACK (lp_population_base_row_changed), source_row, 0);
  lp_population_base_row_changed (GTK_EDITABLE (row), source_row);
}
