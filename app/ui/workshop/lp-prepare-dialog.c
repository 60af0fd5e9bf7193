/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prepare Workshop Copies: the names of the copies (one per group or
 * laptop) and the folder they go to.  Saving only checks what was typed,
 * with core's words under the field at fault; the copies are written
 * afterwards, off the main thread, by whoever listens to "saved"
 * (lp_window_prepare_workshop in lp-window-workshop.c). */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-prepare-dialog.h"

struct _LpPrepareDialog
{
  LpEditDialog  parent_instance;

  GStrv         names;   /* as checked by the last save */
  char         *folder;
};

G_DEFINE_FINAL_TYPE (LpPrepareDialog, lp_prepare_dialog, LP_TYPE_EDIT_DIALOG)

static const LpEditField fields[] = {
  { LP_PREPARE_FIELD_NAMES, "names_row", TRUE },
  { LP_PREPARE_FIELD_FOLDER, "folder_row", TRUE },
};

static gboolean
lp_prepare_dialog_save (LpEditDialog  *dialog,
                        gint64        *id,
                        const char   **bad_field,
                        GError       **error)
{
  LpPrepareDialog *self = LP_PREPARE_DIALOG (dialog);
  g_auto(GStrv) names = lp_workshop_split_names (lp_edit_dialog_get_text (dialog, LP_PREPARE_FIELD_NAMES));
  g_autofree char *folder = g_strstrip (g_strdup (lp_edit_dialog_get_text (dialog, LP_PREPARE_FIELD_FOLDER)));
  g_autoptr(GError) local_error = NULL;

  *id = 0;
  if (!lp_workshop_check_copies (folder, (const char * const *) names, g_strv_length (names), &local_error))
    {
      gboolean folder_fault = g_error_matches (local_error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND) ||
                              g_error_matches (local_error, LP_PLAN_ERROR, LP_PLAN_ERROR_READ_ONLY);

      *bad_field = folder_fault ? LP_PREPARE_FIELD_FOLDER : LP_PREPARE_FIELD_NAMES;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_strfreev (self->names);
  self->names = g_steal_pointer (&names);
  g_free (self->folder);
  self->folder = g_steal_pointer (&folder);
  return TRUE;
}

static void
lp_prepare_dialog_folder_chosen (GtkNativeDialog *chooser,
                                 int              response,
                                 LpPrepareDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        lp_edit_dialog_set_text (LP_EDIT_DIALOG (self), LP_PREPARE_FIELD_FOLDER, path);
    }
  g_object_unref (chooser);
}

static void
lp_prepare_dialog_choose_folder (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LpPrepareDialog *self = LP_PREPARE_DIALOG (widget);
  GtkFileChooserNative *chooser;
  const char *folder = lp_edit_dialog_get_text (LP_EDIT_DIALOG (self), LP_PREPARE_FIELD_FOLDER);

  chooser = gtk_file_chooser_native_new (_("Folder for the Workshop Copies"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (folder != NULL && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), file, NULL);
    }
  g_signal_connect_object (chooser, "response", G_CALLBACK (lp_prepare_dialog_folder_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
lp_prepare_dialog_finalize (GObject *object)
{
  LpPrepareDialog *self = LP_PREPARE_DIALOG (object);

  g_strfreev (self->names);
  g_free (self->folder);
  G_OBJECT_CLASS (lp_prepare_dialog_parent_class)->finalize (object);
}

static void
lp_prepare_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_PREPARE_DIALOG);
  G_OBJECT_CLASS (lp_prepare_dialog_parent_class)->dispose (object);
}

static void
lp_prepare_dialog_class_init (LpPrepareDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = lp_prepare_dialog_dispose;
  object_class->finalize = lp_prepare_dialog_finalize;
  edit_class->save = lp_prepare_dialog_save;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lp-prepare-dialog.ui");
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
  gtk_widget_class_install_action (widget_class, "prepare.choose-folder", NULL, lp_prepare_dialog_choose_folder);
}

static void
lp_prepare_dialog_init (LpPrepareDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lp_prepare_dialog_new:
 * @folder: (nullable): the folder offered at first
 *
 * Returns: (transfer none): the dialog, offering three copies named for
 *   workshop tables, not yet shown; GTK holds it until it is closed
 */
LpPrepareDialog *
lp_prepare_dialog_new (LpPlan     *plan,
                       const char *folder)
{
  LpPrepareDialog *self;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  self = g_object_new (LP_TYPE_PREPARE_DIALOG, "plan", plan, NULL);
  lp_edit_dialog_set_save_label (LP_EDIT_DIALOG (self), _("_Prepare"));
  /* Translators: the names offered for three workshop copies, separated by commas */
  lp_edit_dialog_set_text (LP_EDIT_DIALOG (self), LP_PREPARE_FIELD_NAMES, _("Table 1, Table 2, Table 3"));
  if (folder != NULL)
    lp_edit_dialog_set_text (LP_EDIT_DIALOG (self), LP_PREPARE_FIELD_FOLDER, folder);
  return self;
}

/* After "saved": the names and folder as checked. */
const char * const *
lp_prepare_dialog_get_names (LpPrepareDialog *self)
{
  g_return_val_if_fail (LP_IS_PREPARE_DIALOG (self), NULL);

  return (const char * const *) self->names;
}

const char *
lp_prepare_dialog_get_folder (LpPrepareDialog *self)
{
  g_return_val_if_fail (LP_IS_PREPARE_DIALOG (self), NULL);

  return self->folder;
}
