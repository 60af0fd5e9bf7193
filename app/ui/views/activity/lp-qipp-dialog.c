/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Adding or editing a QIPP programme: its name, and for the plan year its
 * saving at each point of delivery and, where the point of delivery
 * counts against an activity line, the activity it takes out.  Core reads
 * and saves the form (lp_plan_save_qipp_form) as one undo step;
 * LpEditDialog does the rest. */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lp-qipp-dialog.h"

typedef struct {
  char     *pod;
  char     *pod_name;
  char     *saving_key;
  char     *activity_key;   /* NULL: the point of delivery has no activity line */
} LpQippField;

struct _LpQippDialog
{
  LpEditDialog         parent_instance;

  /* Template children */
  AdwPreferencesGroup *savings_group;
  AdwPreferencesGroup *activity_group;

  char                *financial_year;
  GArray              *fields;   /* LpQippField, a point of delivery each */
};

G_DEFINE_FINAL_TYPE (LpQippDialog, lp_qipp_dialog, LP_TYPE_EDIT_DIALOG)

static gboolean
lp_qipp_dialog_save (LpEditDialog  *dialog,
                     gint64        *id,
                     const char   **bad_field,
                     GError       **error)
{
  LpQippDialog *self = LP_QIPP_DIALOG (dialog);
  g_autofree LpQippFormRow *rows = g_new0 (LpQippFormRow, MAX (self->fields->len, 1));

  for (guint i = 0; i < self->fields->len; i++)
    {
      const LpQippField *field = &g_array_index (self->fields, LpQippField, i);

      rows[i] = (LpQippFormRow) {
        field->pod, field->pod_name, lp_edit_dialog_get_text (dialog, field->saving_key),
        field->activity_key != NULL ? lp_edit_dialog_get_text (dialog, field->activity_key) : NULL,
        field->saving_key, field->activity_key,
      };
    }
  *id = lp_plan_save_qipp_form (lp_edit_dialog_get_plan (dialog), *id, self->financial_year,
                                lp_edit_dialog_get_text (dialog, LP_FIELD_NAME),
                                rows, self->fields->len, bad_field, error);
  return *id != 0;
}

static void
lp_qipp_dialog_add_row (LpQippDialog        *self,
                        AdwPreferencesGroup *group,
                        const char          *key,
                        const char          *title,
                        const char          *text)
{
  GtkWidget *row = adw_entry_row_new ();
  /* A row's title is markup: "A&E" must not break it. */
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
  adw_preferences_group_add (group, row);
  lp_edit_dialog_add_field (LP_EDIT_DIALOG (self), key, row, FALSE);
  lp_edit_dialog_set_text (LP_EDIT_DIALOG (self), key, text);
}

/* A saving row for every point of delivery; an activity row for those
 * whose reductions count against an activity line (not prescribing). */
static void
lp_qipp_dialog_fill (LpQippDialog          *self,
                     const LpQippProgramme *programme)
{
  lp_edit_dialog_set_text (LP_EDIT_DIALOG (self), LP_FIELD_NAME, programme->name);
  for (guint d = 0; d < programme->n_pods; d++)
    {
      LpQippField field = {
        g_strdup (programme->pod_codes[d]), g_strdup (programme->pod_names[d]),
        g_strdup_printf ("saving:%s", programme->pod_codes[d]),
        programme->pod_has_line[d] ? g_strdup_printf ("activity:%s", programme->pod_codes[d]) : NULL,
      };
      g_autofree char *saving = programme->saving[d] >= 0 ? lp_format_pounds (programme->saving[d]) : NULL;
      g_autofree char *activity = !isnan (programme->activity[d]) ? lp_format_tenths (programme->activity[d]) : NULL;

      g_array_append_val (self->fields, field);
      lp_qipp_dialog_add_row (self, self->savings_group, field.saving_key, field.pod_name, saving);
      if (field.activity_key != NULL)
        lp_qipp_dialog_add_row (self, self->activity_group, field.activity_key, field.pod_name, activity);
    }
}

static void
lp_qipp_field_clear (gpointer data)
{
  LpQippField *field = data;

  g_free (field->pod);
  g_free (field->pod_name);
  g_free (field->saving_key);
  g_free (field->activity_key);
}

static void
lp_qipp_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_QIPP_DIALOG);
  G_OBJECT_CLASS (lp_qipp_dialog_parent_class)->dispose (object);
}

static void
lp_qipp_dialog_finalize (GObject *object)
{
  LpQippDialog *self = LP_QIPP_DIALOG (object);

  g_array_unref (self->fields);
  g_free (self->financial_year);
  G_OBJECT_CLASS (lp_qipp_dialog_parent_class)->finalize (object);
}

static void
lp_qipp_dialog_class_init (LpQippDialogClass *klass)
{
  static const LpEditField fields[] = {
    { LP_FIELD_NAME, "name_row", TRUE },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = lp_qipp_dialog_dispose;
  object_class->finalize = lp_qipp_dialog_finalize;
  edit_class->save = lp_qipp_dialog_save;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lp-qipp-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LpQippDialog, savings_group);
  gtk_widget_class_bind_template_child (widget_class, LpQippDialog, activity_group);
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
}

static void
lp_qipp_dialog_init (LpQippDialog *self)
{
  self->fields = g_array_new (FALSE, FALSE, sizeof (LpQippField));
  g_array_set_clear_func (self->fields, lp_qipp_field_clear);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lp_qipp_dialog_new:
 * @programme_id: the programme to edit, or 0 to add one
 * @financial_year: the year its reductions are for, the plan's
 *
 * Returns: (transfer none): the dialog, not yet shown; GTK holds it until
 *   it is closed
 */
LpQippDialog *
lp_qipp_dialog_new (LpPlan     *plan,
                    gint64      programme_id,
                    const char *financial_year)
{
  g_auto(LpQippProgramme) programme = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  LpQippDialog *self;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (financial_year != NULL, NULL);

  /* TRANSLATORS: the QIPP dialog's subtitle; %s is a financial year, "2018/19" */
  subtitle = g_strdup_printf (_("Reductions in %s"), financial_year);
  self = g_object_new (LP_TYPE_QIPP_DIALOG, "plan", plan, "id", programme_id, "subtitle", subtitle, NULL);
  self->financial_year = g_strdup (financial_year);
  if (programme_id == 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New QIPP Programme"));
      lp_edit_dialog_set_undo_label (LP_EDIT_DIALOG (self), _("Add QIPP programme"));
    }
  if (!lp_plan_get_qipp_programme (plan, programme_id, financial_year, &programme, &error))
    {
      lp_edit_dialog_set_unavailable (LP_EDIT_DIALOG (self), error->message);
      return self;
    }
  lp_qipp_dialog_fill (self, &programme);
  return self;
}
