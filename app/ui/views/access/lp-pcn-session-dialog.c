/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Adding or editing a primary care network's enhanced access session:
 * the network, the day, the times and dates as typed, handed to core
 * (lp_plan_save_pcn_session_form), which reads them and says what is
 * wrong under the field; LpEditDialog does the rest. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-access-edit.h"
#include "lp-format.h"
#include "lp-pcn-session-dialog.h"

struct _LpPcnSessionDialog
{
  LpEditDialog parent_instance;

  char **pcn_codes;     /* the networks offered, by name */
};

G_DEFINE_FINAL_TYPE (LpPcnSessionDialog, lp_pcn_session_dialog, LP_TYPE_EDIT_DIALOG)

static const LpEditField fields[] = {
  { LP_FIELD_PCN, "pcn_row", FALSE },
  { LP_FIELD_WEEKDAY, "weekday_row", FALSE },
  { LP_FIELD_START_TIME, "start_time_row", TRUE },
  { LP_FIELD_END_TIME, "end_time_row", TRUE },
  { LP_FIELD_START_DATE, "start_date_row", TRUE },
  { LP_FIELD_END_DATE, "end_date_row", FALSE },
};

/* ISO weekdays, as core stores them. */
static const char *const weekday_keys[] = { "1", "2", "3", "4", "5", "6", "7", NULL };

static const char *
lp_pcn_session_dialog_weekday_label (const char *key)
{
  static const char *const names[] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday"),
  };
  int day = key != NULL ? key[0] - '0' : 0;

  return day >= 1 && day <= 7 ? _(names[day - 1]) : "";
}

static const char *
lp_pcn_session_dialog_code_label (const char *key)
{
  return key;
}

static gboolean
lp_pcn_session_dialog_save (LpEditDialog  *dialog,
                            gint64        *id,
                            const char   **bad_field,
                            GError       **error)
{
  const char *weekday = lp_edit_dialog_get_key (dialog, LP_FIELD_WEEKDAY);
  LpPcnSessionForm form = {
    .pcn_code = lp_edit_dialog_get_key (dialog, LP_FIELD_PCN),
    .weekday = weekday != NULL ? weekday[0] - '0' : 0,
    .start_time = lp_edit_dialog_get_text (dialog, LP_FIELD_START_TIME),
    .end_time = lp_edit_dialog_get_text (dialog, LP_FIELD_END_TIME),
    .start_date = lp_edit_dialog_get_text (dialog, LP_FIELD_START_DATE),
    .end_date = lp_edit_dialog_get_text (dialog, LP_FIELD_END_DATE),
  };

  *id = lp_plan_save_pcn_session_form (lp_edit_dialog_get_plan (dialog), *id, &form, bad_field, error);
  return *id != 0;
}

static void
lp_pcn_session_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_PCN_SESSION_DIALOG);
  G_OBJECT_CLASS (lp_pcn_session_dialog_parent_class)->dispose (object);
}

static void
lp_pcn_session_dialog_finalize (GObject *object)
{
  g_strfreev (LP_PCN_SESSION_DIALOG (object)->pcn_codes);
  G_OBJECT_CLASS (lp_pcn_session_dialog_parent_class)->finalize (object);
}

static void
lp_pcn_session_dialog_class_init (LpPcnSessionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = lp_pcn_session_dialog_dispose;
  object_class->finalize = lp_pcn_session_dialog_finalize;
  edit_class->save = lp_pcn_session_dialog_save;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
      "/org/localityplanner/LocalityPlanner/ui/lp-pcn-session-dialog.ui");
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
}

static void
lp_pcn_session_dialog_init (LpPcnSessionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The networks by name, with their codes, keyed by code for core. */
static void
lp_pcn_session_dialog_offer_pcns (LpPcnSessionDialog *self,
                                  GPtrArray          *pcns,
                                  const char         *selected)
{
  LpEditDialog *dialog = LP_EDIT_DIALOG (self);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = lp_edit_dialog_get_field (dialog, LP_FIELD_PCN);
  guint position;

  for (guint i = 0; i < pcns->len; i++)
    {
      const LpPcnRow *pcn = g_ptr_array_index (pcns, i);
      g_autofree char *label = g_str_equal (pcn->name, pcn->code) ? g_strdup (pcn->code)
                               /* TRANSLATORS: a primary care network and its code */
                               : g_strdup_printf (_("%s (%s)"), pcn->name, pcn->code);

      g_strv_builder_add (codes, pcn->code);
      gtk_string_list_append (labels, label);
    }
  self->pcn_codes = g_strv_builder_end (codes);
  lp_edit_dialog_set_keys (dialog, LP_FIELD_PCN, (const char *const *) self->pcn_codes,
                           lp_pcn_session_dialog_code_label, selected);
  /* The same keys in the same order, worded with the networks' names. */
  position = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
}

/**
 * lp_pcn_session_dialog_new:
 *
 * Returns: (transfer none): the dialog, not yet shown; GTK holds it until
 *   it is closed
 */
LpPcnSessionDialog *
lp_pcn_session_dialog_new (LpPlan     *plan,
                           gint64      session_id,
                           const char *pcn_code)
{
  LpPcnSessionDialog *self;
  LpEditDialog *dialog;
  g_autoptr(LpPcnSessionRow) session = NULL;
  g_autoptr(GPtrArray) pcns = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  char weekday[2] = "1";

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  dialog = g_object_new (LP_TYPE_PCN_SESSION_DIALOG, "plan", plan, "id", session_id, NULL);
  self = LP_PCN_SESSION_DIALOG (dialog);
  if (session_id != 0)
    session = lp_plan_get_pcn_session (plan, session_id, &error);
  pcns = lp_plan_list_pcns (plan, error == NULL ? &error : NULL);
  if (pcns == NULL)
    pcns = g_ptr_array_new ();
  if (session != NULL)
    weekday[0] = (char) ('0' + CLAMP (session->weekday, 1, 7));
  lp_pcn_session_dialog_offer_pcns (self, pcns, session != NULL ? session->pcn_code : pcn_code);
  lp_edit_dialog_set_keys (dialog, LP_FIELD_WEEKDAY, weekday_keys, lp_pcn_session_dialog_weekday_label, weekday);
  if (session_id == 0 && error == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (dialog), _("New Enhanced Access Session"));
      lp_edit_dialog_set_undo_label (dialog, _("Add enhanced access session"));
      /* The network standard hours of a weekday evening, to start from. */
      lp_edit_dialog_set_text (dialog, LP_FIELD_START_TIME, "18:30");
      lp_edit_dialog_set_text (dialog, LP_FIELD_END_TIME, "20:00");
      return self;
    }
  if (session == NULL)
    {
      lp_edit_dialog_set_unavailable (dialog, error->message);
      return self;
    }
  start = lp_format_date (session->start_date);
  end = session->end_date[0] != '\0' ? lp_format_date (session->end_date) : g_strdup ("");
  lp_edit_dialog_set_text (dialog, LP_FIELD_START_TIME, session->start_time);
  lp_edit_dialog_set_text (dialog, LP_FIELD_END_TIME, session->end_time);
  lp_edit_dialog_set_text (dialog, LP_FIELD_START_DATE, start);
  lp_edit_dialog_set_text (dialog, LP_FIELD_END_DATE, end);
  return self;
}
