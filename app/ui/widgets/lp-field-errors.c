/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Core's reason for refusing a form, shown where the user looks for it:
 * in a line directly under the field it names (core's bad_field key),
 * with the field itself marked in the error style.  A reason that names
 * no field (the disk is full) goes into the dialog's general label. */
#include "config.h"

#include "lp-field-errors.h"

typedef struct {
  char          *key;
  GtkWidget     *row;      /* the field: an AdwEntryRow or AdwComboRow */
  GtkWidget     *message;  /* the list row under it, hidden when fine */
  GtkLabel      *label;
} Field;

struct _LpFieldErrors
{
  GtkLabel  *general;
  GPtrArray *fields;
};

static void
field_free (gpointer data)
{
  Field *field = data;

  g_signal_handlers_disconnect_by_data (field->row, field);
  g_free (field->key);
  g_free (field);
}

/**
 * lp_field_errors_new:
 * @general: the label for reasons that name no field; hidden until used
 */
LpFieldErrors *
lp_field_errors_new (GtkLabel *general)
{
  LpFieldErrors *self = g_new0 (LpFieldErrors, 1);

  self->general = general;
  self->fields = g_ptr_array_new_with_free_func (field_free);
  return self;
}

void
lp_field_errors_free (LpFieldErrors *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->fields);
  g_free (self);
}

static void
field_hide (Field *field)
{
  gtk_widget_set_visible (field->message, FALSE);
  gtk_label_set_label (field->label, "");
  gtk_widget_remove_css_class (field->row, "error");
  gtk_accessible_reset_property (GTK_ACCESSIBLE (field->row),
                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Once the user changes a field its old reason no longer applies. */
static void
field_changed_cb (Field *field)
{
  field_hide (field);
}

static GtkWidget *
message_row_new (GtkLabel **label)
{
  GtkWidget *row = gtk_list_box_row_new ();

  *label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (*label, 0);
  gtk_label_set_wrap (*label, TRUE);
  gtk_label_set_wrap_mode (*label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (*label), "error");
  /* Close under the field, indented as the field's own title is. */
  gtk_widget_set_margin_top (GTK_WIDGET (*label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (*label), 8);
  gtk_widget_set_margin_start (GTK_WIDGET (*label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (*label), 12);
  gtk_widget_add_css_class (row, "lp-field-error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), GTK_WIDGET (*label));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_visible (row, FALSE);
  return row;
}

/**
 * lp_field_errors_add:
 * @key: core's name for the field (an LP_FIELD_* key)
 * @row: the field's row, already in its boxed list
 *
 * Puts a hidden message row under @row, in the same list.
 */
void
lp_field_errors_add (LpFieldErrors *self,
                     const char    *key,
                     GtkWidget     *row)
{
  Field *field = g_new0 (Field, 1);
  GtkWidget *list = gtk_widget_get_parent (row);

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  field->key = g_strdup (key);
  field->row = row;
  field->message = message_row_new (&field->label);
  gtk_list_box_insert (GTK_LIST_BOX (list), field->message,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  if (GTK_IS_EDITABLE (row))
    g_signal_connect_swapped (row, "changed", G_CALLBACK (field_changed_cb), field);
  else
    g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (field_changed_cb), field);
  g_ptr_array_add (self->fields, field);
}

static Field *
find_field (LpFieldErrors *self,
            const char    *key)
{
  for (guint i = 0; key != NULL && i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->key, key))
        return field;
    }
  return NULL;
}

/**
 * lp_field_errors_get_row:
 *
 * Returns: (transfer none) (nullable): the row of the field @key
 */
GtkWidget *
lp_field_errors_get_row (LpFieldErrors *self,
                         const char    *key)
{
  Field *field = find_field (self, key);

  return field != NULL ? field->row : NULL;
}

void
lp_field_errors_clear (LpFieldErrors *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    field_hide (g_ptr_array_index (self->fields, i));
  gtk_widget_set_visible (GTK_WIDGET (self->general), FALSE);
  gtk_label_set_label (self->general, "");
}

/* The focus scrolls the field into view, not the reason under it: once
 * the reason is laid out, scroll on just enough to show it too. */
static gboolean
message_reveal_tick (GtkWidget     *message,
                     GdkFrameClock *clock,
                     gpointer       data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (message, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport;
  GtkAdjustment *adjustment;
  double x, bottom;
  int height;

  if (scrolled == NULL || !gtk_widget_get_visible (message))
    return G_SOURCE_REMOVE;
  if ((height = gtk_widget_get_height (message)) == 0)
    return G_SOURCE_CONTINUE;   /* not laid out yet */
  viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  if (viewport != NULL &&
      gtk_widget_translate_coordinates (message, viewport, 0, height, &x, &bottom) &&
      bottom > gtk_widget_get_height (viewport))
    gtk_adjustment_set_value (adjustment,
                              gtk_adjustment_get_value (adjustment) + bottom - gtk_widget_get_height (viewport));
  return G_SOURCE_REMOVE;
}

/**
 * lp_field_errors_show:
 * @key: (nullable): the field core named, or %NULL
 * @message: core's words
 *
 * Shows @message under the field @key and moves the focus there, so that
 * the user can type the correction at once.
 */
void
lp_field_errors_show (LpFieldErrors *self,
                      const char    *key,
                      const char    *message)
{
  Field *field = find_field (self, key);

  if (field == NULL)
    {
      gtk_label_set_label (self->general, message);
      gtk_widget_set_visible (GTK_WIDGET (self->general), TRUE);
      return;
    }
  gtk_label_set_label (field->label, message);
  gtk_widget_set_visible (field->message, TRUE);
  gtk_widget_add_css_class (field->row, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_widget_grab_focus (field->row);
  gtk_widget_add_tick_callback (field->message, message_reveal_tick, NULL, NULL);
}

/**
 * lp_field_errors_get_message:
 * @key: (nullable): a field, or %NULL for the general label
 *
 * Returns: (nullable): the reason shown there, or %NULL if none is shown
 */
const char *
lp_field_errors_get_message (LpFieldErrors *self,
                             const char    *key)
{
  Field *field = find_field (self, key);
  GtkWidget *shown = field != NULL ? field->message : GTK_WIDGET (self->general);
  GtkLabel *label = field != NULL ? field->label : self->general;

  if (key != NULL && field == NULL)
    return NULL;
  return gtk_widget_get_visible (shown) ? gtk_label_get_label (label) : NULL;
}
