/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The edit dialogs' shared behaviour: Save is the default (Enter in any
 * field), Escape cancels, and a choice row maps the words shown to the
 * keys core stores. */
#include "config.h"

#include "lp-edit-dialog.h"

/**
 * lp_edit_dialog_class_setup:
 * @save: what the "dialog.save" action (the Save button) does
 */
void
lp_edit_dialog_class_setup (GtkWidgetClass              *widget_class,
                            const char                  *resource,
                            GtkWidgetActionActivateFunc  save)
{
  gtk_widget_class_set_template_from_resource (widget_class, resource);
  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/**
 * lp_edit_dialog_saved_signal:
 *
 * Creates @type's "saved" signal: emitted with the row's id after Save
 * stored the form, just before the dialog closes.
 *
 * Returns: the signal's id
 */
guint
lp_edit_dialog_saved_signal (GType type)
{
  return g_signal_new ("saved", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                       G_TYPE_NONE, 1, G_TYPE_INT64);
}

const char *
lp_edit_dialog_get_text (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/**
 * lp_edit_dialog_set_text:
 * @text: (nullable): what the field shows; %NULL leaves it empty
 */
void
lp_edit_dialog_set_text (GtkWidget  *row,
                         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/**
 * lp_edit_dialog_set_keys:
 * @keys: the keys core knows, %NULL-terminated
 * @label: the words shown for a key
 * @selected: (nullable): the key chosen at first; %NULL or an unknown key
 *   chooses the first
 */
void
lp_edit_dialog_set_keys (AdwComboRow       *row,
                         const char *const *keys,
                         LpKeyLabelFunc     label,
                         const char        *selected)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint position = 0;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      gtk_string_list_append (labels, label (keys[i]));
      if (g_strcmp0 (keys[i], selected) == 0)
        position = i;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, position);
}

/**
 * lp_edit_dialog_get_key:
 *
 * Returns: the key of the choice made in @row
 */
const char *
lp_edit_dialog_get_key (AdwComboRow       *row,
                        const char *const *keys)
{
  guint position = adw_combo_row_get_selected (row);

  g_return_val_if_fail (position < g_strv_length ((char **) keys), keys[0]);
  return keys[position];
}
