/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One line of the merge window's list, made once and shown for any item
 * the list recycles it for: a heading, a change with its tick, or a
 * conflict with its three values — when copied, the plan's now, the
 * copy's — of which the user clicks the one to keep. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-merge-row.h"
#include "lp-merge-text.h"

struct _LpMergeRow
{
  GtkWidget    parent_instance;

  GtkWidget   *box;
  GtkWidget   *heading;
  GtkWidget   *check;
  GtkWidget   *check_label;
  GtkWidget   *conflict;
  GtkWidget   *subject;
  GtkWidget   *question;
  GtkWidget   *base;
  GtkWidget   *base_value;
  GtkWidget   *keep;
  GtkWidget   *keep_value;
  GtkWidget   *take;
  GtkWidget   *take_caption;
  GtkWidget   *take_value;

  LpMergeItem *item;
  gulong       item_handler;
  gboolean     updating;
};

G_DEFINE_FINAL_TYPE (LpMergeRow, lp_merge_row, GTK_TYPE_WIDGET)

static GtkWidget *
lp_merge_row_label (const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

/* A value with its caption above, as on a button or beside one. */
static GtkWidget *
lp_merge_row_value_box (const char  *caption,
                        GtkWidget  **caption_label,
                        GtkWidget  **value_label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = lp_merge_row_label ("caption");

  gtk_label_set_text (GTK_LABEL (top), caption);
  gtk_widget_add_css_class (top, "dim-label");
  *value_label = lp_merge_row_label (NULL);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), *value_label);
  if (caption_label != NULL)
    *caption_label = top;
  return box;
}

static void
lp_merge_row_show_item (LpMergeRow *self)
{
  LpMergeItem *item = self->item;
  LpMergeItemKind kind = item != NULL ? lp_merge_item_get_kind (item) : LP_MERGE_ITEM_HEADING;
  LpMergeChoice choice;
  gboolean decidable;

  gtk_widget_set_visible (self->heading, item != NULL && kind == LP_MERGE_ITEM_HEADING);
  gtk_widget_set_visible (self->check, kind == LP_MERGE_ITEM_CHANGE);
  gtk_widget_set_visible (self->conflict, kind == LP_MERGE_ITEM_CONFLICT);
  if (item == NULL)
    return;
  self->updating = TRUE;
  switch (kind)
    {
    case LP_MERGE_ITEM_HEADING:
      gtk_label_set_text (GTK_LABEL (self->heading), lp_merge_item_get_text (item));
      break;
    case LP_MERGE_ITEM_CHANGE:
      gtk_label_set_text (GTK_LABEL (self->check_label), lp_merge_item_get_text (item));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->check), lp_merge_item_get_included (item));
      break;
    case LP_MERGE_ITEM_CONFLICT:
      {
        const LpConflictWords *words = lp_merge_item_get_conflict_words (item);

        choice = lp_merge_item_get_choice (item);
        decidable = lp_merge_item_get_decidable (item);
        gtk_label_set_text (GTK_LABEL (self->subject), words->subject);
        gtk_label_set_text (GTK_LABEL (self->question),
                            decidable ? words->question : _("Left out with its change: the plan stays as it is."));
        gtk_label_set_text (GTK_LABEL (self->base_value), words->base_text);
        /* Against the plan as it is, nobody knows what it was. */
        gtk_widget_set_visible (self->base, lp_merge_item_get_has_base (item));
        gtk_label_set_text (GTK_LABEL (self->keep_value), words->plan_text);
        gtk_label_set_text (GTK_LABEL (self->take_value), words->copy_text);
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->keep), choice == LP_MERGE_KEEP_PLAN);
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->take), choice == LP_MERGE_TAKE_COPY);
        gtk_widget_set_sensitive (self->keep, decidable);
        gtk_widget_set_sensitive (self->take, decidable && lp_merge_item_get_can_take (item));
        gtk_widget_set_tooltip_text (self->take, lp_merge_item_get_can_take (item) ? NULL
                                     : _("The copy’s change would break a rule of the plan, so it can only be left out"));
        if (choice == LP_MERGE_UNDECIDED && decidable)
          gtk_widget_add_css_class (self->conflict, "lp-undecided");
        else
          gtk_widget_remove_css_class (self->conflict, "lp-undecided");
      }
      break;
    }
  self->updating = FALSE;
}

static void
lp_merge_row_item_notify (LpMergeRow *self)
{
  lp_merge_row_show_item (self);
}

static void
lp_merge_row_check_toggled (LpMergeRow *self)
{
  if (self->updating || self->item == NULL)
    return;
  lp_merge_item_set_included (self->item, gtk_check_button_get_active (GTK_CHECK_BUTTON (self->check)));
}

/* A choice, once made, is changed by clicking the other value: clicking
 * the chosen one again leaves it chosen. */
static void
lp_merge_row_choice_toggled (GtkToggleButton *button,
                             LpMergeRow      *self)
{
  if (self->updating || self->item == NULL)
    return;
  if (gtk_toggle_button_get_active (button))
    lp_merge_item_set_choice (self->item, GTK_WIDGET (button) == self->keep ? LP_MERGE_KEEP_PLAN : LP_MERGE_TAKE_COPY);
  else
    lp_merge_row_show_item (self);
}

void
lp_merge_row_set_item (LpMergeRow  *self,
                       LpMergeItem *item,
                       const char  *copy_name)
{
  g_return_if_fail (LP_IS_MERGE_ROW (self));

  if (self->item != NULL)
    g_clear_signal_handler (&self->item_handler, self->item);
  g_set_object (&self->item, item);
  if (item != NULL)
    {
      g_autofree char *caption = lp_merge_text_take_caption (copy_name != NULL ? copy_name : "");

      gtk_label_set_text (GTK_LABEL (self->take_caption), caption);
      self->item_handler = g_signal_connect_swapped (item, "notify", G_CALLBACK (lp_merge_row_item_notify), self);
    }
  lp_merge_row_show_item (self);
}

LpMergeItem *
lp_merge_row_get_item (LpMergeRow *self)
{
  g_return_val_if_fail (LP_IS_MERGE_ROW (self), NULL);
  return self->item;
}

GtkWidget *
lp_merge_row_get_check (LpMergeRow *self)
{
  g_return_val_if_fail (LP_IS_MERGE_ROW (self), NULL);
  return self->check;
}

GtkWidget *
lp_merge_row_get_keep (LpMergeRow *self)
{
  g_return_val_if_fail (LP_IS_MERGE_ROW (self), NULL);
  return self->keep;
}

GtkWidget *
lp_merge_row_get_take (LpMergeRow *self)
{
  g_return_val_if_fail (LP_IS_MERGE_ROW (self), NULL);
  return self->take;
}

static void
lp_merge_row_dispose (GObject *object)
{
  LpMergeRow *self = LP_MERGE_ROW (object);

  lp_merge_row_set_item (self, NULL, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (lp_merge_row_parent_class)->dispose (object);
}

static void
lp_merge_row_class_init (LpMergeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_merge_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lp-merge-row");
}

static void
lp_merge_row_init (LpMergeRow *self)
{
  GtkWidget *choices, *keep_box, *take_box;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->heading = lp_merge_row_label ("heading");
  gtk_widget_set_margin_top (self->heading, 18);
  gtk_widget_set_margin_bottom (self->heading, 6);
  gtk_box_append (GTK_BOX (self->box), self->heading);

  self->check_label = lp_merge_row_label (NULL);
  self->check = gtk_check_button_new ();
  gtk_check_button_set_child (GTK_CHECK_BUTTON (self->check), self->check_label);
  gtk_widget_set_margin_top (self->check, 3);
  gtk_widget_set_margin_bottom (self->check, 3);
  g_signal_connect_swapped (self->check, "toggled", G_CALLBACK (lp_merge_row_check_toggled), self);
  gtk_box_append (GTK_BOX (self->box), self->check);

  self->conflict = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->conflict, "card");
  gtk_widget_add_css_class (self->conflict, "lp-conflict");
  gtk_widget_set_margin_top (self->conflict, 6);
  gtk_widget_set_margin_bottom (self->conflict, 6);
  self->subject = lp_merge_row_label ("heading");
  self->question = lp_merge_row_label ("dim-label");
  gtk_box_append (GTK_BOX (self->conflict), self->subject);
  gtk_box_append (GTK_BOX (self->conflict), self->question);

  choices = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (choices), TRUE);
  gtk_widget_set_margin_top (choices, 6);
  self->base = lp_merge_row_value_box (_("When copied"), NULL, &self->base_value);
  gtk_widget_set_valign (self->base, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (self->base, 8);
  keep_box = lp_merge_row_value_box (_("Keep the plan’s"), NULL, &self->keep_value);
  take_box = lp_merge_row_value_box ("", &self->take_caption, &self->take_value);
  self->keep = gtk_toggle_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->keep), keep_box);
  self->take = gtk_toggle_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->take), take_box);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->take), GTK_TOGGLE_BUTTON (self->keep));
  g_signal_connect (self->keep, "toggled", G_CALLBACK (lp_merge_row_choice_toggled), self);
  g_signal_connect (self->take, "toggled", G_CALLBACK (lp_merge_row_choice_toggled), self);
  gtk_box_append (GTK_BOX (choices), self->base);
  gtk_box_append (GTK_BOX (choices), self->keep);
  gtk_box_append (GTK_BOX (choices), self->take);
  gtk_box_append (GTK_BOX (self->conflict), choices);
  gtk_box_append (GTK_BOX (self->box), self->conflict);
  lp_merge_row_show_item (self);
}

GtkWidget *
lp_merge_row_new (void)
{
  return g_object_new (LP_TYPE_MERGE_ROW, NULL);
}
