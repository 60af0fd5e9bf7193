/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Adding or editing a practice, with its latest list size.  What the user
 * typed goes to core as text (lp_plan_save_practice_form): core parses and
 * checks it, and on a refusal the reason appears under the field core
 * names while the dialog stays open and nothing is saved. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-edit-dialog.h"
#include "lp-field-errors.h"
#include "lp-practice-dialog.h"
#include "lp-view-common.h"
#include "lp-view-text.h"

struct _LpPracticeDialog
{
  AdwWindow      parent_instance;

  /* Template children */
  GtkLabel      *general_error;
  GtkWidget     *ods_code_row;
  GtkWidget     *name_row;
  GtkWidget     *postcode_row;
  AdwComboRow   *locality_row;
  AdwComboRow   *status_row;
  GtkWidget     *list_size_row;
  GtkWidget     *extract_date_row;
  GtkWidget     *close_date_row;
  GtkWidget     *notes_row;

  LpPlan        *plan;
  gint64         id;            /* 0 while adding */
  GArray        *locality_ids;  /* of each choice in locality_row */
  LpFieldErrors *errors;
};

G_DEFINE_FINAL_TYPE (LpPracticeDialog, lp_practice_dialog, ADW_TYPE_WINDOW)

static guint saved_signal;

static void
lp_practice_dialog_save_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  lp_practice_dialog_save (LP_PRACTICE_DIALOG (widget));
}

static void
lp_practice_dialog_dispose (GObject *object)
{
  LpPracticeDialog *self = LP_PRACTICE_DIALOG (object);

  g_clear_pointer (&self->errors, lp_field_errors_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_PRACTICE_DIALOG);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->locality_ids, g_array_unref);
  G_OBJECT_CLASS (lp_practice_dialog_parent_class)->dispose (object);
}

static void
lp_practice_dialog_class_init (LpPracticeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_practice_dialog_dispose;
  saved_signal = lp_edit_dialog_saved_signal (LP_TYPE_PRACTICE_DIALOG);

  lp_edit_dialog_class_setup (widget_class,
      "/org/localityplanner/LocalityPlanner/views/lp-practice-dialog.ui",
      lp_practice_dialog_save_action);
  gtk_widget_class_bind_template_child (widget_class, LpPracticeDialog, general_error);
  gtk_widget_class_bind_template_child (widget_class, LpPracticeDialog, ods_code_row);
  gtk_widget_class_bind_template_child (widget_class, LpPracticeDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LpPracticeDialog, postcode_row);
  gtk_widget_class_bind_template_child (widget_class, LpPracticeDialog, locality_row);
  gtk_widget_class_bind_template_child (widget_class, LpPracticeDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, LpPracticeDialog, list_size_row);
  gtk_widget_class_bind_template_child (widget_class, LpPracticeDialog, extract_date_row);
  gtk_widget_class_bind_template_child (widget_class, LpPracticeDialog, close_date_row);
  gtk_widget_class_bind_template_child (widget_class, LpPracticeDialog, notes_row);
}

static void
lp_practice_dialog_init (LpPracticeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->errors = lp_field_errors_new (self->general_error);
  lp_field_errors_add (self->errors, LP_FIELD_ODS_CODE, self->ods_code_row);
  lp_field_errors_add (self->errors, LP_FIELD_NAME, self->name_row);
  lp_field_errors_add (self->errors, LP_FIELD_POSTCODE, self->postcode_row);
  lp_field_errors_add (self->errors, LP_FIELD_LOCALITY, GTK_WIDGET (self->locality_row));
  lp_field_errors_add (self->errors, LP_FIELD_STATUS, GTK_WIDGET (self->status_row));
  lp_field_errors_add (self->errors, LP_FIELD_LIST_SIZE, self->list_size_row);
  lp_field_errors_add (self->errors, LP_FIELD_EXTRACT_DATE, self->extract_date_row);
  lp_field_errors_add (self->errors, LP_FIELD_CLOSE_DATE, self->close_date_row);
  lp_field_errors_add (self->errors, LP_FIELD_NOTES, self->notes_row);
}

static void
lp_practice_dialog_set_choices (LpPracticeDialog *self,
                                gint64            locality_id,
                                const char       *status)
{
  g_autoptr(GtkStringList) localities = NULL;

  localities = lp_view_common_locality_choices (self->plan, _("No locality"),
                                                &self->locality_ids);
  adw_combo_row_set_model (self->locality_row, G_LIST_MODEL (localities));
  adw_combo_row_set_selected (self->locality_row,
                              lp_view_common_find_id (self->locality_ids, locality_id));
  lp_edit_dialog_set_keys (self->status_row, lp_view_text_status_keys (),
                           lp_view_text_status_label, status);
}

/* The form starts from what the plan holds, list size and extract date
 * included, so that Save without changes changes nothing. */
static void
lp_practice_dialog_fill (LpPracticeDialog *self,
                         LpPractice       *practice)
{
  gint64 patients = lp_practice_get_list_size (practice);
  g_autofree char *list_size = patients >= 0 ? lp_format_count (patients) : NULL;
  g_autofree char *as_at = lp_format_date (lp_practice_get_list_size_date (practice));
  const char *close_date = lp_practice_get_close_date (practice);
  g_autofree char *closed_on = close_date != NULL ? lp_format_date (close_date) : NULL;

  lp_edit_dialog_set_text (self->ods_code_row, lp_practice_get_ods_code (practice));
  lp_edit_dialog_set_text (self->name_row, lp_practice_get_name (practice));
  lp_edit_dialog_set_text (self->postcode_row, lp_practice_get_postcode (practice));
  lp_edit_dialog_set_text (self->list_size_row, list_size);
  lp_edit_dialog_set_text (self->extract_date_row, patients >= 0 ? as_at : NULL);
  lp_edit_dialog_set_text (self->notes_row, lp_practice_get_notes (practice));
  lp_edit_dialog_set_text (self->close_date_row, closed_on);
  lp_practice_dialog_set_choices (self, lp_practice_get_locality_id (practice),
                                  lp_practice_get_status (practice));
}

/**
 * lp_practice_dialog_new:
 * @practice_id: the practice to edit, or 0 to add one
 * @locality_id: the locality a new practice starts in (0: none)
 *
 * Returns: (transfer none): the dialog, not yet shown; GTK holds it until
 *   it is closed
 */
LpPracticeDialog *
lp_practice_dialog_new (LpPlan *plan,
                        gint64  practice_id,
                        gint64  locality_id)
{
  LpPracticeDialog *self;
  g_autoptr(LpPractice) practice = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  self = g_object_new (LP_TYPE_PRACTICE_DIALOG, NULL);
  self->plan = g_object_ref (plan);
  self->id = practice_id;
  if (practice_id == 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Practice"));
      lp_practice_dialog_set_choices (self, locality_id, NULL);
      return self;
    }
  practice = lp_plan_get_practice (plan, practice_id, &error);
  if (practice == NULL)
    {
      lp_practice_dialog_set_choices (self, 0, NULL);
      lp_field_errors_show (self->errors, NULL, error->message);
      return self;
    }
  lp_practice_dialog_fill (self, practice);
  return self;
}

gint64
lp_practice_dialog_get_id (LpPracticeDialog *self)
{
  g_return_val_if_fail (LP_IS_PRACTICE_DIALOG (self), 0);

  return self->id;
}

/**
 * lp_practice_dialog_get_field:
 * @field: an LP_FIELD_* key
 *
 * Returns: (transfer none) (nullable): the field's row: an AdwEntryRow
 *   (a GtkEditable) or an AdwComboRow
 */
GtkWidget *
lp_practice_dialog_get_field (LpPracticeDialog *self,
                              const char       *field)
{
  g_return_val_if_fail (LP_IS_PRACTICE_DIALOG (self), NULL);

  return lp_field_errors_get_row (self->errors, field);
}

/**
 * lp_practice_dialog_get_error:
 * @field: (nullable): an LP_FIELD_* key, or %NULL for the general message
 *
 * Returns: (nullable): the message shown under the field, if any
 */
const char *
lp_practice_dialog_get_error (LpPracticeDialog *self,
                              const char       *field)
{
  g_return_val_if_fail (LP_IS_PRACTICE_DIALOG (self), NULL);

  return lp_field_errors_get_message (self->errors, field);
}

/* The form as typed: core does all the parsing and checking. */
static void
lp_practice_dialog_read_form (LpPracticeDialog *self,
                              LpPracticeForm   *form)
{
  guint locality = adw_combo_row_get_selected (self->locality_row);

  form->ods_code = lp_edit_dialog_get_text (self->ods_code_row);
  form->name = lp_edit_dialog_get_text (self->name_row);
  form->postcode = lp_edit_dialog_get_text (self->postcode_row);
  form->locality_id = locality < self->locality_ids->len
                      ? g_array_index (self->locality_ids, gint64, locality) : 0;
  form->status = lp_edit_dialog_get_key (self->status_row, lp_view_text_status_keys ());
  form->notes = lp_edit_dialog_get_text (self->notes_row);
  form->list_size = lp_edit_dialog_get_text (self->list_size_row);
  form->extract_date = lp_edit_dialog_get_text (self->extract_date_row);
  form->close_date = lp_edit_dialog_get_text (self->close_date_row);
}

/**
 * lp_practice_dialog_save:
 *
 * What Save does: hands the form to core; closes the dialog and emits
 * "saved" if core stored it, shows core's reason otherwise.
 *
 * Returns: whether the practice was saved
 */
gboolean
lp_practice_dialog_save (LpPracticeDialog *self)
{
  LpPracticeForm form;
  const char *bad_field = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (LP_IS_PRACTICE_DIALOG (self), FALSE);

  lp_practice_dialog_read_form (self, &form);
  lp_field_errors_clear (self->errors);
  id = lp_plan_save_practice_form (self->plan, self->id, &form, &bad_field, &error);
  if (id == 0)
    {
      lp_field_errors_show (self->errors, bad_field, error->message);
      return FALSE;
    }
  self->id = id;
  g_signal_emit (self, saved_signal, 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
