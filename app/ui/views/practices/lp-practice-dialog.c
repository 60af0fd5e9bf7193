/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Adding or editing a practice, with its latest list size and the day it
 * closes: its fields, and core's save function (lp_plan_save_practice_form),
 * which parses and checks what was typed; LpEditDialog does the rest. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-practice-dialog.h"
#include "lp-view-common.h"
#include "lp-view-text.h"

struct _LpPracticeDialog
{
  LpEditDialog  parent_instance;

  GArray       *locality_ids;  /* of each choice in the locality row */
};

G_DEFINE_FINAL_TYPE (LpPracticeDialog, lp_practice_dialog, LP_TYPE_EDIT_DIALOG)

static const LpEditField fields[] = {
  { LP_FIELD_ODS_CODE, "ods_code_row", TRUE },
  { LP_FIELD_NAME, "name_row", TRUE },
  { LP_FIELD_POSTCODE, "postcode_row", FALSE },
  { LP_FIELD_LOCALITY, "locality_row", FALSE },
  { LP_FIELD_STATUS, "status_row", FALSE },
  { LP_FIELD_CLOSE_DATE, "close_date_row", FALSE },
  { LP_FIELD_LIST_SIZE, "list_size_row", FALSE },
  { LP_FIELD_EXTRACT_DATE, "extract_date_row", FALSE },
  { LP_FIELD_NOTES, "notes_row", FALSE },
};

static gboolean
lp_practice_dialog_save (LpEditDialog  *dialog,
                         gint64        *id,
                         const char   **bad_field,
                         GError       **error)
{
  LpPracticeDialog *self = LP_PRACTICE_DIALOG (dialog);
  AdwComboRow *localities = ADW_COMBO_ROW (lp_edit_dialog_get_field (dialog, LP_FIELD_LOCALITY));
  guint locality = adw_combo_row_get_selected (localities);
  LpPracticeForm form = {
    .ods_code = lp_edit_dialog_get_text (dialog, LP_FIELD_ODS_CODE),
    .name = lp_edit_dialog_get_text (dialog, LP_FIELD_NAME),
    .postcode = lp_edit_dialog_get_text (dialog, LP_FIELD_POSTCODE),
    .locality_id = locality < self->locality_ids->len ? g_array_index (self->locality_ids, gint64, locality) : 0,
    .status = lp_edit_dialog_get_key (dialog, LP_FIELD_STATUS),
    .notes = lp_edit_dialog_get_text (dialog, LP_FIELD_NOTES),
    .list_size = lp_edit_dialog_get_text (dialog, LP_FIELD_LIST_SIZE),
    .extract_date = lp_edit_dialog_get_text (dialog, LP_FIELD_EXTRACT_DATE),
    .close_date = lp_edit_dialog_get_text (dialog, LP_FIELD_CLOSE_DATE),
  };

  *id = lp_plan_save_practice_form (lp_edit_dialog_get_plan (dialog), *id, &form, bad_field, error);
  return *id != 0;
}

static void
lp_practice_dialog_dispose (GObject *object)
{
  LpPracticeDialog *self = LP_PRACTICE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_PRACTICE_DIALOG);
  g_clear_pointer (&self->locality_ids, g_array_unref);
  G_OBJECT_CLASS (lp_practice_dialog_parent_class)->dispose (object);
}

static void
lp_practice_dialog_class_init (LpPracticeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = lp_practice_dialog_dispose;
  edit_class->save = lp_practice_dialog_save;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
      "/org/localityplanner/LocalityPlanner/views/lp-practice-dialog.ui");
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
}

static void
lp_practice_dialog_init (LpPracticeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
lp_practice_dialog_set_choices (LpPracticeDialog *self,
                                gint64            locality_id,
                                const char       *status)
{
  LpEditDialog *dialog = LP_EDIT_DIALOG (self);
  AdwComboRow *localities = ADW_COMBO_ROW (lp_edit_dialog_get_field (dialog, LP_FIELD_LOCALITY));
  g_autoptr(GtkStringList) names = NULL;

  g_clear_pointer (&self->locality_ids, g_array_unref);
  names = lp_view_common_locality_choices (lp_edit_dialog_get_plan (dialog), _("No locality"),
                                           &self->locality_ids);
  adw_combo_row_set_model (localities, G_LIST_MODEL (names));
  adw_combo_row_set_selected (localities, lp_view_common_find_id (self->locality_ids, locality_id));
  lp_edit_dialog_set_keys (dialog, LP_FIELD_STATUS, lp_view_text_status_keys (),
                           lp_view_text_status_label, status);
}

/* The form starts from what the plan holds, list size and extract date
 * included, so that Save without changes changes nothing. */
static void
lp_practice_dialog_fill (LpPracticeDialog *self,
                         LpPractice       *practice)
{
  LpEditDialog *dialog = LP_EDIT_DIALOG (self);
  gint64 patients = lp_practice_get_list_size (practice);
  g_autofree char *list_size = patients >= 0 ? lp_format_count (patients) : NULL;
  g_autofree char *as_at = lp_format_date (lp_practice_get_list_size_date (practice));
  const char *close_date = lp_practice_get_close_date (practice);
  g_autofree char *closed_on = close_date != NULL ? lp_format_date (close_date) : NULL;

  lp_edit_dialog_set_text (dialog, LP_FIELD_ODS_CODE, lp_practice_get_ods_code (practice));
  lp_edit_dialog_set_text (dialog, LP_FIELD_NAME, lp_practice_get_name (practice));
  lp_edit_dialog_set_text (dialog, LP_FIELD_POSTCODE, lp_practice_get_postcode (practice));
  lp_edit_dialog_set_text (dialog, LP_FIELD_LIST_SIZE, list_size);
  lp_edit_dialog_set_text (dialog, LP_FIELD_EXTRACT_DATE, patients >= 0 ? as_at : NULL);
  lp_edit_dialog_set_text (dialog, LP_FIELD_NOTES, lp_practice_get_notes (practice));
  lp_edit_dialog_set_text (dialog, LP_FIELD_CLOSE_DATE, closed_on);
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

  self = g_object_new (LP_TYPE_PRACTICE_DIALOG, "plan", plan, "id", practice_id, NULL);
  if (practice_id == 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Practice"));
      lp_edit_dialog_set_undo_label (LP_EDIT_DIALOG (self), _("Add practice"));
      lp_practice_dialog_set_choices (self, locality_id, NULL);
      return self;
    }
  practice = lp_plan_get_practice (plan, practice_id, &error);
  if (practice == NULL)
    {
      lp_practice_dialog_set_choices (self, 0, NULL);
      lp_edit_dialog_set_unavailable (LP_EDIT_DIALOG (self), error->message);
      return self;
    }
  lp_practice_dialog_fill (self, practice);
  return self;
}
