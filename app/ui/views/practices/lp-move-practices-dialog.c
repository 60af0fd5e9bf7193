/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Moving the practices selected in the Practices view to one locality:
 * the locality to choose, and core's lp_plan_move_practices(), which
 * moves them all in one undo step ("Move 2 practices to Stevenage"). */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-move-practices-dialog.h"
#include "lp-view-common.h"

struct _LpMovePracticesDialog
{
  LpEditDialog          parent_instance;

  /* Template children */
  AdwPreferencesGroup  *practices_group;

  GArray               *practice_ids;
  GArray               *locality_ids;  /* of each choice; 0: no locality */
};

G_DEFINE_FINAL_TYPE (LpMovePracticesDialog, lp_move_practices_dialog, LP_TYPE_EDIT_DIALOG)

static const LpEditField fields[] = {
  { LP_FIELD_LOCALITY, "locality_row", FALSE },
};

static gboolean
lp_move_practices_dialog_save (LpEditDialog  *dialog,
                               gint64        *id,
                               const char   **bad_field,
                               GError       **error)
{
  LpMovePracticesDialog *self = LP_MOVE_PRACTICES_DIALOG (dialog);
  AdwComboRow *row = ADW_COMBO_ROW (lp_edit_dialog_get_field (dialog, LP_FIELD_LOCALITY));
  guint chosen = adw_combo_row_get_selected (row);
  gint64 locality_id = chosen < self->locality_ids->len ? g_array_index (self->locality_ids, gint64, chosen) : 0;

  if (!lp_plan_move_practices (lp_edit_dialog_get_plan (dialog), (const gint64 *) self->practice_ids->data,
                               self->practice_ids->len, locality_id, error))
    {
      /* A practice or the locality has gone: the reason shows at the top. */
      *bad_field = NULL;
      return FALSE;
    }
  /* "saved" carries the locality the practices went to (1 for none:
   * 0 would read as nothing saved). */
  *id = locality_id != 0 ? locality_id : 1;
  return TRUE;
}

static void
lp_move_practices_dialog_dispose (GObject *object)
{
  LpMovePracticesDialog *self = LP_MOVE_PRACTICES_DIALOG (object);

  /* No gtk_widget_dispose_template(): GTK 4.8's asserts on this class's
   * children as the edit dialog's base disposes them (see LpDataView);
   * they go with the widget tree. */
  g_clear_pointer (&self->practice_ids, g_array_unref);
  g_clear_pointer (&self->locality_ids, g_array_unref);
  G_OBJECT_CLASS (lp_move_practices_dialog_parent_class)->dispose (object);
}

static void
lp_move_practices_dialog_class_init (LpMovePracticesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LpEditDialogClass *edit_class = LP_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = lp_move_practices_dialog_dispose;
  edit_class->save = lp_move_practices_dialog_save;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
      "/org/localityplanner/LocalityPlanner/views/lp-move-practices-dialog.ui");
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), LpMovePracticesDialog, practices_group);
  lp_edit_dialog_class_add_fields (edit_class, fields, G_N_ELEMENTS (fields));
}

static void
lp_move_practices_dialog_init (LpMovePracticesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lp_edit_dialog_set_save_label (LP_EDIT_DIALOG (self), _("_Move"));
}

/* "A81001, A81002 and 3 more": enough to see which, short enough to fit. */
static char *
practices_named (const char * const *codes)
{
  guint n = g_strv_length ((char **) codes);
  guint shown = MIN (n, 6);
  g_autofree char *first = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) some = NULL;

  for (guint i = 0; i < shown; i++)
    g_strv_builder_add (builder, codes[i]);
  some = g_strv_builder_end (builder);
  first = g_strjoinv (", ", some);
  if (shown == n)
    return g_steal_pointer (&first);
  return g_strdup_printf (ngettext ("%s and %u more", "%s and %u more", n - shown), first, n - shown);
}

/**
 * lp_move_practices_dialog_new:
 * @practice_ids: (element-type gint64): the practices to move
 * @ods_codes: their codes, to say which they are
 * @locality_id: the locality chosen first (the view's filter), or 0 for
 *   the first locality
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
LpMovePracticesDialog *
lp_move_practices_dialog_new (LpPlan             *plan,
                              GArray             *practice_ids,
                              const char * const *ods_codes,
                              gint64              locality_id)
{
  LpMovePracticesDialog *self;
  AdwComboRow *row;
  g_autoptr(GtkStringList) names = NULL;
  g_autofree char *title = NULL;
  g_autofree char *named = NULL;
  guint n;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (practice_ids != NULL && practice_ids->len > 0, NULL);

  self = g_object_new (LP_TYPE_MOVE_PRACTICES_DIALOG, "plan", plan, NULL);
  self->practice_ids = g_array_ref (practice_ids);
  n = practice_ids->len;
  title = g_strdup_printf (ngettext ("Move %u Practice", "Move %u Practices", n), n);
  gtk_window_set_title (GTK_WINDOW (self), title);
  named = practices_named (ods_codes);
  adw_preferences_group_set_description (self->practices_group, named);

  row = ADW_COMBO_ROW (lp_edit_dialog_get_field (LP_EDIT_DIALOG (self), LP_FIELD_LOCALITY));
  names = lp_view_common_locality_choices (plan, _("No locality"), &self->locality_ids);
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  /* A locality rather than "No locality": moving is to somewhere. */
  if (locality_id == 0 && self->locality_ids->len > 1)
    locality_id = g_array_index (self->locality_ids, gint64, 1);
  adw_combo_row_set_selected (row, lp_view_common_find_id (self->locality_ids, locality_id));
  return self;
}
