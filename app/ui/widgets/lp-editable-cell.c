/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The in-place editable cell (see lp-editable-cell.h): when a typed value
 * is committed, put back or marked as refused.
 *
 * A table of England's practices has two hundred rows alive in each list
 * (GTK 4.8 keeps that many around what is shown), so a cell shows its
 * value in a label drawn as a field and makes its entry only when it is
 * clicked or the focus reaches it: two hundred entries per column cost
 * the window about 9 MB. */
#include "config.h"

#include "lp-editable-cell.h"

struct _LpEditableCell
{
  GtkWidget                parent_instance;

  GtkLabel                *display;    /* shown until the entry is made */
  GtkEntry                *entry;      /* NULL until first needed */
  GtkEventControllerFocus *focus;      /* the entry's; NULL with it */
  GtkEventController      *keys;       /* the entry's; NULL with it */

  char                    *placeholder;
  char                    *label;      /* for screen readers */
  int                      width_chars, max_width_chars;
  float                    xalign;
  gboolean                 editable;

  char                    *value;      /* as set: what core holds */
  char                    *committed;  /* the text last committed, or NULL */
  char                    *error;      /* core's reason, while shown */
  guint                    left_id;    /* the commit after the focus left */
  gboolean                 typing;     /* typed into since set, not committed since */
  gboolean                 setting;    /* the cell itself is setting the entry's text */
};

G_DEFINE_FINAL_TYPE (LpEditableCell, lp_editable_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_ERROR,
  PROP_PLACEHOLDER_TEXT,
  PROP_WIDTH_CHARS,
  PROP_MAX_WIDTH_CHARS,
  PROP_XALIGN,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  COMMIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
lp_editable_cell_typed (LpEditableCell *self)
{
  if (self->entry == NULL)
    return self->value != NULL ? self->value : "";
  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

/* The value, or the placeholder dimmed where there is none. */
static void
lp_editable_cell_update_display (LpEditableCell *self)
{
  gboolean empty = self->value == NULL || *self->value == '\0';

  gtk_label_set_label (self->display, empty && self->placeholder != NULL ? self->placeholder
                                                                          : self->value != NULL ? self->value : "");
  if (empty)
    gtk_widget_add_css_class (GTK_WIDGET (self->display), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->display), "dim-label");
}

/* The widget that shows the cell now: the entry once made. */
static GtkWidget *
lp_editable_cell_shown (LpEditableCell *self)
{
  return self->entry != NULL ? GTK_WIDGET (self->entry) : GTK_WIDGET (self->display);
}

static void
lp_editable_cell_show_reason (LpEditableCell *self,
                              const char     *message)
{
  GtkWidget *entry = lp_editable_cell_shown (self);

  gtk_widget_set_tooltip_text (entry, message);
  if (message != NULL)
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (entry, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
lp_editable_cell_set_error (LpEditableCell *self,
                            const char     *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  lp_editable_cell_show_reason (self, message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* Hands what was typed to the owner, unless it is the value already
 * there: Enter on a figure as shown must not store it again rounded as
 * shown. */
static void
lp_editable_cell_commit (LpEditableCell *self)
{
  g_autoptr(LpEditableCell) hold = NULL;
  g_autofree char *typed = g_strdup (lp_editable_cell_typed (self));

  /* Committed or not, the typing is over: the next value set replaces it. */
  self->typing = FALSE;
  if (g_strcmp0 (typed, self->value) == 0)
    {
      lp_editable_cell_set_error (self, NULL);
      return;
    }
  g_free (self->committed);
  self->committed = g_strdup (typed);
  /* The owner may lay its table out again, and this cell with it. */
  hold = g_object_ref (self);
  g_signal_emit (self, signals[COMMIT], 0, typed);
}

static void
lp_editable_cell_activated (LpEditableCell *self)
{
  lp_editable_cell_commit (self);
}

/* Once the focus has settled: the table that holds the cell may be laid
 * out again as the focus leaves, and a cell no longer in a window has
 * nothing to commit. */
static gboolean
lp_editable_cell_left (gpointer data)
{
  LpEditableCell *self = data;

  self->left_id = 0;
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL || self->entry == NULL ||
      gtk_event_controller_focus_contains_focus (self->focus) || !self->editable)
    return G_SOURCE_REMOVE;
  /* The same refused text again would only be refused again. */
  if (g_strcmp0 (lp_editable_cell_typed (self), self->committed) != 0)
    lp_editable_cell_commit (self);
  return G_SOURCE_REMOVE;
}

static void
lp_editable_cell_focus_left (LpEditableCell *self)
{
  if (self->left_id == 0)
    self->left_id = g_idle_add_full (G_PRIORITY_DEFAULT, lp_editable_cell_left, g_object_ref (self),
                                     g_object_unref);
}

static gboolean
lp_editable_cell_key_pressed (LpEditableCell  *self,
                              guint            keyval,
                              guint            keycode,
                              GdkModifierType  state)
{
  if (keyval != GDK_KEY_Escape ||
      (g_strcmp0 (lp_editable_cell_typed (self), self->value) == 0 && self->error == NULL))
    return GDK_EVENT_PROPAGATE;
  /* Something to put back: this Escape is the cell's, not the window's. */
  self->typing = FALSE;
  lp_editable_cell_set_text (self, self->value);
  return GDK_EVENT_STOP;
}

/* A reason is about the text it refused. */
static void
lp_editable_cell_changed (LpEditableCell *self)
{
  if (!self->setting)
    self->typing = TRUE;
  if (g_strcmp0 (lp_editable_cell_typed (self), self->committed) != 0)
    lp_editable_cell_set_error (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/* The entry, as the cell's properties say, in place of the label. */
static void
lp_editable_cell_ensure_entry (LpEditableCell *self)
{
  if (self->entry != NULL)
    return;
  self->entry = GTK_ENTRY (gtk_entry_new ());
  self->setting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), self->value != NULL ? self->value : "");
  self->setting = FALSE;
  gtk_entry_set_placeholder_text (self->entry, self->placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), self->width_chars);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), self->max_width_chars);
  gtk_editable_set_alignment (GTK_EDITABLE (self->entry), self->xalign);
  gtk_editable_set_editable (GTK_EDITABLE (self->entry), self->editable);
  if (self->label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, self->label, -1);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (lp_editable_cell_activated), self);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (lp_editable_cell_changed), self);
  /* Before the entry sees it: Escape with something to put back is the cell's. */
  self->keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (self->keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (self->keys, "key-pressed", G_CALLBACK (lp_editable_cell_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), self->keys);
  self->focus = GTK_EVENT_CONTROLLER_FOCUS (gtk_event_controller_focus_new ());
  g_signal_connect_swapped (self->focus, "leave", G_CALLBACK (lp_editable_cell_focus_left), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), GTK_EVENT_CONTROLLER (self->focus));
  gtk_widget_set_visible (GTK_WIDGET (self->display), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->entry), GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  lp_editable_cell_show_reason (self, self->error);
}

static gboolean
lp_editable_cell_grab_focus (GtkWidget *widget)
{
  LpEditableCell *self = LP_EDITABLE_CELL (widget);

  if (self->entry == NULL && !self->editable)
    return GTK_WIDGET_CLASS (lp_editable_cell_parent_class)->grab_focus (widget);
  lp_editable_cell_ensure_entry (self);
  return gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/* The focus reaching the label (Tab) or a click on it: typing starts. */
static void
lp_editable_cell_focus_entered (LpEditableCell *self)
{
  if (self->entry == NULL && self->editable && gtk_widget_has_focus (GTK_WIDGET (self)))
    lp_editable_cell_grab_focus (GTK_WIDGET (self));
}

static void
lp_editable_cell_pressed (LpEditableCell *self)
{
  if (self->entry == NULL && self->editable)
    lp_editable_cell_grab_focus (GTK_WIDGET (self));
}

static void
lp_editable_cell_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LpEditableCell *self = LP_EDITABLE_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, lp_editable_cell_typed (self));
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, self->placeholder);
      break;
    case PROP_WIDTH_CHARS:
      g_value_set_int (value, self->width_chars);
      break;
    case PROP_MAX_WIDTH_CHARS:
      g_value_set_int (value, self->max_width_chars);
      break;
    case PROP_XALIGN:
      g_value_set_float (value, self->xalign);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_editable_cell_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LpEditableCell *self = LP_EDITABLE_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      lp_editable_cell_set_text (self, g_value_get_string (value));
      break;
    case PROP_PLACEHOLDER_TEXT:
      lp_editable_cell_set_placeholder_text (self, g_value_get_string (value));
      break;
    case PROP_WIDTH_CHARS:
      lp_editable_cell_set_width_chars (self, g_value_get_int (value));
      break;
    case PROP_MAX_WIDTH_CHARS:
      lp_editable_cell_set_max_width_chars (self, g_value_get_int (value));
      break;
    case PROP_XALIGN:
      lp_editable_cell_set_xalign (self, g_value_get_float (value));
      break;
    case PROP_EDITABLE:
      lp_editable_cell_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_editable_cell_dispose (GObject *object)
{
  LpEditableCell *self = LP_EDITABLE_CELL (object);

  g_clear_handle_id (&self->left_id, g_source_remove);
  /* The entry can outlive the cell a moment (the window keeps the widget
   * that had the focus until it moves the focus on): nothing the entry
   * does then may reach the cell. */
  if (self->entry != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->entry, self);
      g_signal_handlers_disconnect_by_data (self->focus, self);
      g_signal_handlers_disconnect_by_data (self->keys, self);
      gtk_widget_unparent (GTK_WIDGET (self->entry));
    }
  self->entry = NULL;
  self->focus = NULL;
  self->keys = NULL;
  if (self->display != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->display));
  self->display = NULL;
  G_OBJECT_CLASS (lp_editable_cell_parent_class)->dispose (object);
}

static void
lp_editable_cell_finalize (GObject *object)
{
  LpEditableCell *self = LP_EDITABLE_CELL (object);

  g_free (self->value);
  g_free (self->committed);
  g_free (self->error);
  g_free (self->placeholder);
  g_free (self->label);
  G_OBJECT_CLASS (lp_editable_cell_parent_class)->finalize (object);
}

static void
lp_editable_cell_class_init (LpEditableCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lp_editable_cell_get_property;
  object_class->set_property = lp_editable_cell_set_property;
  object_class->dispose = lp_editable_cell_dispose;
  object_class->finalize = lp_editable_cell_finalize;
  widget_class->grab_focus = lp_editable_cell_grab_focus;

  /**
   * LpEditableCell:text:
   *
   * What the cell shows; setting it sets the value as core holds it.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LpEditableCell:error:
   *
   * Core's reason for refusing what the cell shows, or %NULL.
   */
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WIDTH_CHARS] =
    g_param_spec_int ("width-chars", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_WIDTH_CHARS] =
    g_param_spec_int ("max-width-chars", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_XALIGN] =
    g_param_spec_float ("xalign", NULL, NULL, 0.0f, 1.0f, 0.0f,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LpEditableCell::commit:
   * @text: what was typed, as typed
   *
   * Emitted when Enter is pressed, or the focus leaves the cell, with
   * text other than the value set.  The handler hands @text to core; on
   * success the value core then holds comes back through
   * lp_editable_cell_set_text(), on a refusal core's reason through
   * lp_editable_cell_show_error().
   */
  signals[COMMIT] = g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lp_editable_cell_init (LpEditableCell *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->width_chars = self->max_width_chars = -1;
  self->editable = TRUE;
  self->display = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->display, 0.0f);
  gtk_label_set_single_line_mode (self->display, TRUE);
  gtk_label_set_ellipsize (self->display, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->display), "lp-cell-display");
  gtk_widget_set_parent (GTK_WIDGET (self->display), GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (lp_editable_cell_focus_entered), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (lp_editable_cell_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
lp_editable_cell_new (void)
{
  return g_object_new (LP_TYPE_EDITABLE_CELL, NULL);
}

/**
 * lp_editable_cell_set_text:
 * @text: (nullable): the value as core holds it, in words; %NULL for none
 *
 * Shows @text as the cell's value: what typing is compared with and
 * Escape goes back to.  Anything typed and any reason shown go, unless
 * someone is typing into the cell: figures that come back after a save
 * elsewhere must not take the text from under them, so the cell keeps
 * what they typed until they commit it or put it back.
 */
void
lp_editable_cell_set_text (LpEditableCell *self,
                           const char     *text)
{
  g_return_if_fail (LP_IS_EDITABLE_CELL (self));

  if (text == NULL)
    text = "";
  if (self->value != text)
    {
      g_free (self->value);
      self->value = g_strdup (text);
    }
  lp_editable_cell_update_display (self);
  if (self->typing && self->focus != NULL && gtk_event_controller_focus_contains_focus (self->focus))
    return;
  self->typing = FALSE;
  g_clear_pointer (&self->committed, g_free);
  if (self->entry != NULL && g_strcmp0 (lp_editable_cell_typed (self), text) != 0)
    {
      self->setting = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
      self->setting = FALSE;
    }
  lp_editable_cell_set_error (self, NULL);
}

/**
 * lp_editable_cell_get_text:
 *
 * Returns: what the cell shows: its value, or what was typed over it
 */
const char *
lp_editable_cell_get_text (LpEditableCell *self)
{
  g_return_val_if_fail (LP_IS_EDITABLE_CELL (self), NULL);

  return lp_editable_cell_typed (self);
}

/**
 * lp_editable_cell_show_error:
 * @message: core's reason for refusing what the cell shows
 *
 * Marks the cell as refused, with @message in its tooltip and for screen
 * readers, until the text changes.
 */
void
lp_editable_cell_show_error (LpEditableCell *self,
                             const char     *message)
{
  g_return_if_fail (LP_IS_EDITABLE_CELL (self));
  g_return_if_fail (message != NULL);

  lp_editable_cell_set_error (self, message);
}

void
lp_editable_cell_clear_error (LpEditableCell *self)
{
  g_return_if_fail (LP_IS_EDITABLE_CELL (self));

  lp_editable_cell_set_error (self, NULL);
}

/**
 * lp_editable_cell_get_error:
 *
 * Returns: (nullable): the reason shown, or %NULL
 */
const char *
lp_editable_cell_get_error (LpEditableCell *self)
{
  g_return_val_if_fail (LP_IS_EDITABLE_CELL (self), NULL);

  return self->error;
}

/**
 * lp_editable_cell_set_label:
 * @label: what a screen reader calls the cell ("Go-live date of Hitchin
 *   Bridge Family Practice")
 */
void
lp_editable_cell_set_label (LpEditableCell *self,
                            const char     *label)
{
  g_return_if_fail (LP_IS_EDITABLE_CELL (self));

  g_free (self->label);
  self->label = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (lp_editable_cell_shown (self)), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
}

void
lp_editable_cell_set_placeholder_text (LpEditableCell *self,
                                       const char     *text)
{
  g_return_if_fail (LP_IS_EDITABLE_CELL (self));

  if (g_strcmp0 (self->placeholder, text) == 0)
    return;
  g_free (self->placeholder);
  self->placeholder = g_strdup (text);
  lp_editable_cell_update_display (self);
  if (self->entry != NULL)
    gtk_entry_set_placeholder_text (self->entry, text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER_TEXT]);
}

void
lp_editable_cell_set_width_chars (LpEditableCell *self,
                                  int             n_chars)
{
  g_return_if_fail (LP_IS_EDITABLE_CELL (self));

  if (self->width_chars == n_chars)
    return;
  self->width_chars = n_chars;
  gtk_label_set_width_chars (self->display, n_chars);
  if (self->entry != NULL)
    gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), n_chars);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH_CHARS]);
}

void
lp_editable_cell_set_max_width_chars (LpEditableCell *self,
                                      int             n_chars)
{
  g_return_if_fail (LP_IS_EDITABLE_CELL (self));

  if (self->max_width_chars == n_chars)
    return;
  self->max_width_chars = n_chars;
  gtk_label_set_max_width_chars (self->display, n_chars);
  if (self->entry != NULL)
    gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), n_chars);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_WIDTH_CHARS]);
}

/**
 * lp_editable_cell_set_xalign:
 * @xalign: 0 to start the text at the left, 1 for figures at the right
 */
void
lp_editable_cell_set_xalign (LpEditableCell *self,
                             float           xalign)
{
  g_return_if_fail (LP_IS_EDITABLE_CELL (self));

  if (self->xalign == xalign)
    return;
  self->xalign = xalign;
  gtk_label_set_xalign (self->display, xalign);
  if (self->entry != NULL)
    gtk_editable_set_alignment (GTK_EDITABLE (self->entry), xalign);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_XALIGN]);
}

/**
 * lp_editable_cell_set_editable:
 * @editable: %FALSE to show the value only, as in a read-only plan
 */
void
lp_editable_cell_set_editable (LpEditableCell *self,
                               gboolean        editable)
{
  g_return_if_fail (LP_IS_EDITABLE_CELL (self));

  if (self->editable == !!editable)
    return;
  self->editable = !!editable;
  gtk_widget_set_focusable (GTK_WIDGET (self), self->entry == NULL && self->editable);
  if (self->editable)
    gtk_widget_remove_css_class (GTK_WIDGET (self->display), "read-only");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->display), "read-only");
  if (self->entry != NULL)
    gtk_editable_set_editable (GTK_EDITABLE (self->entry), editable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

void
lp_editable_cell_type (LpEditableCell *self,
                       const char     *typed)
{
  g_return_if_fail (LP_IS_EDITABLE_CELL (self));
  g_return_if_fail (typed != NULL);

  lp_editable_cell_grab_focus (GTK_WIDGET (self));
  lp_editable_cell_ensure_entry (self);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), typed);
}

void
lp_editable_cell_enter (LpEditableCell *self,
                        const char     *typed)
{
  g_return_if_fail (LP_IS_EDITABLE_CELL (self));
  g_return_if_fail (typed != NULL);

  lp_editable_cell_type (self, typed);
  g_signal_emit_by_name (self->entry, "activate");
}
