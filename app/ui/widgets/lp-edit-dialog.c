/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The base of every edit dialog (see lp-edit-dialog.h): the window, its
 * buttons and keys, the fields by core's keys, the save flow, and core's
 * reasons shown where the user looks for them (LpFieldErrors). */
#include "config.h"

#include "lp-edit-dialog.h"
#include "lp-field-errors.h"

typedef struct
{
  /* Template children */
  AdwWindowTitle     *window_title;
  AdwPreferencesPage *page;
  GtkLabel           *general_error;

  LpPlan             *plan;
  gint64              id;           /* the row edited; 0 while adding */
  char               *undo_label;
  LpFieldErrors      *errors;
  GPtrArray          *required;     /* the rows Save waits on, not owned */
  gboolean            unavailable;  /* nothing to save: the row is gone */
  gboolean            can_save;
} LpEditDialogPrivate;

static void lp_edit_dialog_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (LpEditDialog, lp_edit_dialog, ADW_TYPE_WINDOW,
                         G_ADD_PRIVATE (LpEditDialog)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, lp_edit_dialog_buildable_init))

enum {
  PROP_0,
  PROP_PLAN,
  PROP_ID,
  PROP_UNDO_LABEL,
  PROP_SUBTITLE,
  PROP_CAN_SAVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkBuildableIface *parent_buildable_iface;

/* A subclass's table of fields, kept on its GType. */
typedef struct {
  const LpEditField *fields;
  guint              n_fields;
} LpEditFields;

static GQuark
lp_edit_dialog_fields_quark (void)
{
  return g_quark_from_static_string ("lp-edit-dialog-fields");
}

/* The groups of a subclass's template go into the page. */
static void
lp_edit_dialog_buildable_add_child (GtkBuildable *buildable,
                                    GtkBuilder   *builder,
                                    GObject      *child,
                                    const char   *type)
{
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (LP_EDIT_DIALOG (buildable));

  if (ADW_IS_PREFERENCES_GROUP (child) && type == NULL && priv->page != NULL)
    adw_preferences_page_add (priv->page, ADW_PREFERENCES_GROUP (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
lp_edit_dialog_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = lp_edit_dialog_buildable_add_child;
}

static gboolean
lp_edit_dialog_row_is_filled (GtkWidget *row)
{
  if (GTK_IS_EDITABLE (row))
    return !lp_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (row)));
  if (ADW_IS_COMBO_ROW (row))
    return adw_combo_row_get_selected (ADW_COMBO_ROW (row)) != GTK_INVALID_LIST_POSITION;
  return TRUE;
}

/* Save is on while there is something core could take: a plan open for
 * writing, the row still there, and every required field filled.  Whether
 * what is typed is right is for core to say when Save is pressed. */
static void
lp_edit_dialog_update_can_save (LpEditDialog *self)
{
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);
  gboolean can_save = priv->plan != NULL && !lp_plan_is_read_only (priv->plan) && !priv->unavailable;

  for (guint i = 0; can_save && i < priv->required->len; i++)
    can_save = lp_edit_dialog_row_is_filled (g_ptr_array_index (priv->required, i));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", can_save);
  if (priv->can_save == can_save)
    return;
  priv->can_save = can_save;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SAVE]);
}

static void
lp_edit_dialog_save_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  lp_edit_dialog_save (LP_EDIT_DIALOG (widget));
}

/* The fields the subclasses' tables name, found in their templates. */
static void
lp_edit_dialog_constructed (GObject *object)
{
  LpEditDialog *self = LP_EDIT_DIALOG (object);
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);

  G_OBJECT_CLASS (lp_edit_dialog_parent_class)->constructed (object);

  for (GType type = G_OBJECT_TYPE (object); type != LP_TYPE_EDIT_DIALOG; type = g_type_parent (type))
    {
      LpEditFields *table = g_type_get_qdata (type, lp_edit_dialog_fields_quark ());

      for (guint i = 0; table != NULL && i < table->n_fields; i++)
        {
          const LpEditField *field = &table->fields[i];
          GObject *row = gtk_widget_get_template_child (GTK_WIDGET (self), type, field->row);

          if (!GTK_IS_WIDGET (row))
            {
              g_critical ("%s's template has no row “%s”", g_type_name (type), field->row);
              continue;
            }
          lp_edit_dialog_add_field (self, field->key, GTK_WIDGET (row), field->required);
        }
    }
  /* A read-only plan can be looked at, not changed. */
  if (priv->plan != NULL && lp_plan_is_read_only (priv->plan))
    gtk_widget_set_sensitive (GTK_WIDGET (priv->page), FALSE);
  lp_edit_dialog_update_can_save (self);
}

static void
lp_edit_dialog_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LpEditDialog *self = LP_EDIT_DIALOG (object);
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, priv->plan);
      break;
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, priv->undo_label);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, adw_window_title_get_subtitle (priv->window_title));
      break;
    case PROP_CAN_SAVE:
      g_value_set_boolean (value, priv->can_save);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_edit_dialog_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LpEditDialog *self = LP_EDIT_DIALOG (object);
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PLAN:
      priv->plan = g_value_dup_object (value);
      break;
    case PROP_ID:
      priv->id = g_value_get_int64 (value);
      break;
    case PROP_UNDO_LABEL:
      lp_edit_dialog_set_undo_label (self, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      lp_edit_dialog_set_subtitle (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_edit_dialog_dispose (GObject *object)
{
  LpEditDialog *self = LP_EDIT_DIALOG (object);
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);

  /* Before the rows go: it watches them. */
  g_clear_pointer (&priv->errors, lp_field_errors_free);
  g_clear_pointer (&priv->required, g_ptr_array_unref);
  /* Not gtk_widget_dispose_template (): GTK 4.8's looks the children of
   * the instance's own class up among this class's, and aborts for a
   * subclass with a template of its own.  The window lets go of its
   * content itself; the template's references go at finalize. */
  priv->window_title = NULL;
  priv->page = NULL;
  priv->general_error = NULL;
  g_clear_object (&priv->plan);
  G_OBJECT_CLASS (lp_edit_dialog_parent_class)->dispose (object);
}

static void
lp_edit_dialog_finalize (GObject *object)
{
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (LP_EDIT_DIALOG (object));

  g_free (priv->undo_label);
  G_OBJECT_CLASS (lp_edit_dialog_parent_class)->finalize (object);
}

/* A window closed along with its parent keeps pointing at that parent
 * (GTK 4.8, with destroy-with-parent), and one closed while something
 * still holds it may outlive the parent: letting go of the parent as it
 * is taken off the screen, not when it is freed, leaves nothing dangling. */
static void
lp_edit_dialog_unrealize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lp_edit_dialog_parent_class)->unrealize (widget);
  gtk_window_set_transient_for (GTK_WINDOW (widget), NULL);
}

static void
lp_edit_dialog_class_init (LpEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lp_edit_dialog_constructed;
  object_class->get_property = lp_edit_dialog_get_property;
  object_class->set_property = lp_edit_dialog_set_property;
  object_class->dispose = lp_edit_dialog_dispose;
  object_class->finalize = lp_edit_dialog_finalize;
  widget_class->unrealize = lp_edit_dialog_unrealize;

  /**
   * LpEditDialog:plan:
   *
   * The plan the dialog edits.
   */
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, LP_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * LpEditDialog:id:
   *
   * The row edited, 0 while adding one; once saved, the row saved.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);
  /**
   * LpEditDialog:undo-label:
   *
   * What Undo says the save did ("Edit practice").
   */
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LpEditDialog:subtitle:
   *
   * Under the title: what the edit belongs to, a scenario's name.
   */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LpEditDialog:can-save:
   *
   * Whether Save is on.
   */
  properties[PROP_CAN_SAVE] =
    g_param_spec_boolean ("can-save", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LpEditDialog::saved:
   * @id: the row saved
   *
   * Emitted once core has stored the form, just before the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/org/localityplanner/LocalityPlanner/widgets/lp-edit-dialog.ui");
  gtk_widget_class_bind_template_child_private (widget_class, LpEditDialog, window_title);
  gtk_widget_class_bind_template_child_private (widget_class, LpEditDialog, page);
  gtk_widget_class_bind_template_child_private (widget_class, LpEditDialog, general_error);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, lp_edit_dialog_save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.save", NULL);
}

static void
lp_edit_dialog_init (LpEditDialog *self)
{
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  priv->errors = lp_field_errors_new (priv->general_error);
  priv->required = g_ptr_array_new ();
  g_object_bind_property (self, "title", priv->window_title, "title", G_BINDING_SYNC_CREATE);
}

/**
 * lp_edit_dialog_class_add_fields:
 * @fields: (array length=n_fields): the fields of @klass's template, in a
 *   table that lasts as long as the program
 *
 * Declares the rows of @klass's template that hold the form, by core's
 * keys.  Call it after gtk_widget_class_set_template_from_resource().
 */
void
lp_edit_dialog_class_add_fields (LpEditDialogClass *klass,
                                 const LpEditField *fields,
                                 guint              n_fields)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpEditFields *table;

  g_return_if_fail (LP_IS_EDIT_DIALOG_CLASS (klass));
  g_return_if_fail (fields != NULL || n_fields == 0);

  /* Classes last as long as the program, and so does this. */
  table = g_new0 (LpEditFields, 1);
  table->fields = fields;
  table->n_fields = n_fields;
  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), lp_edit_dialog_fields_quark (), table);
  /* Declared, so that gtk_widget_get_template_child() finds them. */
  for (guint i = 0; i < n_fields; i++)
    gtk_widget_class_bind_template_child_full (widget_class, fields[i].row, FALSE, 0);
}

/**
 * lp_edit_dialog_present:
 * @from: (nullable): a widget in the window the dialog is for
 *
 * Shows the dialog, modal over @from's window.
 */
void
lp_edit_dialog_present (LpEditDialog *self,
                        GtkWidget    *from)
{
  GtkRoot *root;

  g_return_if_fail (LP_IS_EDIT_DIALOG (self));
  g_return_if_fail (from == NULL || GTK_IS_WIDGET (from));

  root = from != NULL ? gtk_widget_get_root (from) : NULL;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * lp_edit_dialog_get_plan:
 *
 * Returns: (transfer none): the plan edited
 */
LpPlan *
lp_edit_dialog_get_plan (LpEditDialog *self)
{
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);

  g_return_val_if_fail (LP_IS_EDIT_DIALOG (self), NULL);

  return priv->plan;
}

gint64
lp_edit_dialog_get_id (LpEditDialog *self)
{
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);

  g_return_val_if_fail (LP_IS_EDIT_DIALOG (self), 0);

  return priv->id;
}

const char *
lp_edit_dialog_get_undo_label (LpEditDialog *self)
{
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);

  g_return_val_if_fail (LP_IS_EDIT_DIALOG (self), NULL);

  return priv->undo_label;
}

/**
 * lp_edit_dialog_set_undo_label:
 * @label: (nullable): what Undo will say the save did ("Add practice");
 *   %NULL lets core name the step by the first row it changes
 */
void
lp_edit_dialog_set_undo_label (LpEditDialog *self,
                               const char   *label)
{
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);

  g_return_if_fail (LP_IS_EDIT_DIALOG (self));

  if (g_strcmp0 (priv->undo_label, label) == 0)
    return;
  g_free (priv->undo_label);
  priv->undo_label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
}

/**
 * lp_edit_dialog_set_save_label:
 * @label: the Save button's words, with a mnemonic ("_Move")
 *
 * For an editor whose save does more than save and should say what
 * ("_Delete and Move").
 */
void
lp_edit_dialog_set_save_label (LpEditDialog *self,
                               const char   *label)
{
  g_return_if_fail (LP_IS_EDIT_DIALOG (self));
  gtk_button_set_label (GTK_BUTTON (gtk_window_get_default_widget (GTK_WINDOW (self))), label);
}

/**
 * lp_edit_dialog_set_subtitle:
 * @subtitle: (nullable): shown under the title
 */
void
lp_edit_dialog_set_subtitle (LpEditDialog *self,
                             const char   *subtitle)
{
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);

  g_return_if_fail (LP_IS_EDIT_DIALOG (self));

  if (g_strcmp0 (adw_window_title_get_subtitle (priv->window_title), subtitle) == 0)
    return;
  adw_window_title_set_subtitle (priv->window_title, subtitle != NULL ? subtitle : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

gboolean
lp_edit_dialog_get_can_save (LpEditDialog *self)
{
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);

  g_return_val_if_fail (LP_IS_EDIT_DIALOG (self), FALSE);

  return priv->can_save;
}

/**
 * lp_edit_dialog_add_group:
 *
 * Adds a group of rows made at run time to the end of the page.
 */
void
lp_edit_dialog_add_group (LpEditDialog        *self,
                          AdwPreferencesGroup *group)
{
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);

  g_return_if_fail (LP_IS_EDIT_DIALOG (self));
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  adw_preferences_page_add (priv->page, group);
}

/**
 * lp_edit_dialog_add_field:
 * @key: core's name for the field, the key its save function gives back
 *   when it refuses the field
 * @row: an AdwEntryRow or AdwComboRow, already in a group of the page
 * @required: whether Save waits until the field holds something
 *
 * Makes @row a field of the form: its text is read by @key, Enter in it
 * saves, and core's reason for refusing it shows right under it.
 */
void
lp_edit_dialog_add_field (LpEditDialog *self,
                          const char   *key,
                          GtkWidget    *row,
                          gboolean      required)
{
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);

  g_return_if_fail (LP_IS_EDIT_DIALOG (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (GTK_IS_EDITABLE (row) || ADW_IS_COMBO_ROW (row));

  lp_field_errors_add (priv->errors, key, row);
  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  if (!required)
    return;
  g_ptr_array_add (priv->required, row);
  g_signal_connect_object (row, GTK_IS_EDITABLE (row) ? "changed" : "notify::selected",
                           G_CALLBACK (lp_edit_dialog_update_can_save), self, G_CONNECT_SWAPPED);
  lp_edit_dialog_update_can_save (self);
}

/**
 * lp_edit_dialog_get_field:
 * @key: a field's key
 *
 * Returns: (transfer none) (nullable): the field's row: an AdwEntryRow (a
 *   GtkEditable) or an AdwComboRow
 */
GtkWidget *
lp_edit_dialog_get_field (LpEditDialog *self,
                          const char   *key)
{
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);

  g_return_val_if_fail (LP_IS_EDIT_DIALOG (self), NULL);

  return lp_field_errors_get_row (priv->errors, key);
}

/**
 * lp_edit_dialog_get_text:
 *
 * Returns: what is typed in the field @key, as typed
 */
const char *
lp_edit_dialog_get_text (LpEditDialog *self,
                         const char   *key)
{
  GtkWidget *row = lp_edit_dialog_get_field (self, key);

  g_return_val_if_fail (GTK_IS_EDITABLE (row), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/**
 * lp_edit_dialog_set_text:
 * @text: (nullable): what the field shows; %NULL leaves it empty
 */
void
lp_edit_dialog_set_text (LpEditDialog *self,
                         const char   *key,
                         const char   *text)
{
  GtkWidget *row = lp_edit_dialog_get_field (self, key);

  g_return_if_fail (GTK_IS_EDITABLE (row));

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/**
 * lp_edit_dialog_set_keys:
 * @key: a choice field's key
 * @keys: the keys core knows, %NULL-terminated, lasting as long as the
 *   program
 * @label: the words shown for a key
 * @selected: (nullable): the key chosen at first; %NULL or an unknown key
 *   chooses the first
 *
 * Fills a choice row with the words for core's keys.
 */
void
lp_edit_dialog_set_keys (LpEditDialog      *self,
                         const char        *key,
                         const char *const *keys,
                         LpKeyLabelFunc     label,
                         const char        *selected)
{
  GtkWidget *row = lp_edit_dialog_get_field (self, key);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint position = 0;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (keys != NULL && label != NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      gtk_string_list_append (labels, label (keys[i]));
      if (g_strcmp0 (keys[i], selected) == 0)
        position = i;
    }
  g_object_set_data (G_OBJECT (row), "lp-keys", (gpointer) keys);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
}

/**
 * lp_edit_dialog_get_key:
 * @key: a choice field's key, filled by lp_edit_dialog_set_keys()
 *
 * Returns: (nullable): core's key for the choice made
 */
const char *
lp_edit_dialog_get_key (LpEditDialog *self,
                        const char   *key)
{
  GtkWidget *row = lp_edit_dialog_get_field (self, key);
  const char *const *keys;
  guint position;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), NULL);

  keys = g_object_get_data (G_OBJECT (row), "lp-keys");
  position = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
  g_return_val_if_fail (keys != NULL, NULL);
  return position < g_strv_length ((char **) keys) ? keys[position] : NULL;
}

/**
 * lp_edit_dialog_show_error:
 * @key: (nullable): the field the reason is about, or %NULL
 * @message: core's words
 *
 * Shows @message under the field @key, and moves the focus there so that
 * the correction can be typed at once; with no such field, at the top.
 */
void
lp_edit_dialog_show_error (LpEditDialog *self,
                           const char   *key,
                           const char   *message)
{
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);

  g_return_if_fail (LP_IS_EDIT_DIALOG (self));
  g_return_if_fail (message != NULL);

  lp_field_errors_show (priv->errors, key, message);
}

void
lp_edit_dialog_clear_errors (LpEditDialog *self)
{
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);

  g_return_if_fail (LP_IS_EDIT_DIALOG (self));

  lp_field_errors_clear (priv->errors);
}

/**
 * lp_edit_dialog_get_error:
 * @key: (nullable): a field's key, or %NULL for the reason at the top
 *
 * Returns: (nullable): the reason shown there, or %NULL if none is
 */
const char *
lp_edit_dialog_get_error (LpEditDialog *self,
                          const char   *key)
{
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);

  g_return_val_if_fail (LP_IS_EDIT_DIALOG (self), NULL);

  return lp_field_errors_get_message (priv->errors, key);
}

/**
 * lp_edit_dialog_set_unavailable:
 * @message: why: core's words
 *
 * For a row that could not be read (another window deleted it): says why
 * at the top, and leaves the fields and Save off.
 */
void
lp_edit_dialog_set_unavailable (LpEditDialog *self,
                                const char   *message)
{
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);

  g_return_if_fail (LP_IS_EDIT_DIALOG (self));
  g_return_if_fail (message != NULL);

  priv->unavailable = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (priv->page), FALSE);
  lp_field_errors_show (priv->errors, NULL, message);
  lp_edit_dialog_update_can_save (self);
}

/**
 * lp_edit_dialog_save:
 *
 * What Save does: hands the form to core as one undoable step under the
 * dialog's undo label.  If core stores it, emits "saved" and closes;
 * otherwise shows core's reason under the field it names, and the dialog
 * stays open with what was typed.
 *
 * Returns: whether the form was saved
 */
gboolean
lp_edit_dialog_save (LpEditDialog *self)
{
  LpEditDialogPrivate *priv = lp_edit_dialog_get_instance_private (self);
  LpEditDialogClass *klass = LP_EDIT_DIALOG_GET_CLASS (self);
  g_autoptr(LpEditDialog) hold = NULL;
  g_autoptr(GError) error = NULL;
  const char *bad_field = NULL;
  gint64 id;
  gboolean saved;

  g_return_val_if_fail (LP_IS_EDIT_DIALOG (self), FALSE);
  g_return_val_if_fail (klass->save != NULL, FALSE);
  g_return_val_if_fail (priv->plan != NULL, FALSE);

  /* "saved" handlers and closing may drop the last other reference. */
  hold = g_object_ref (self);
  id = priv->id;
  lp_field_errors_clear (priv->errors);
  lp_plan_set_step_label (priv->plan, priv->undo_label);
  saved = klass->save (self, &id, &bad_field, &error);
  lp_plan_set_step_label (priv->plan, NULL);
  if (!saved)
    {
      g_return_val_if_fail (error != NULL, FALSE);
      lp_field_errors_show (priv->errors, bad_field, error->message);
      return FALSE;
    }
  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
