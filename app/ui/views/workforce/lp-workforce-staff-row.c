/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The staff choice of the workforce editors: the plan's groups and roles
 * are read from the plan, not fixed, so lp_edit_dialog_set_keys() (which
 * takes keys lasting as long as the program) is not used; the row keeps
 * its codes under the same name, and LpEditDialog reads them back. */
#include "config.h"

#include "lp-workforce-staff-row.h"

void
lp_workforce_staff_row_fill (LpEditDialog *dialog,
                             const char   *key,
                             gboolean      groups_too,
                             const char   *selected)
{
  GtkWidget *row = lp_edit_dialog_get_field (dialog, key);
  LpPlan *plan = lp_edit_dialog_get_plan (dialog);
  g_autoptr(GtkStringList) labels = NULL;
  g_auto(GStrv) names = NULL;
  GStrv codes = NULL;
  guint position = 0;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  if (plan == NULL ||
      !(groups_too ? lp_plan_list_staff_choices (plan, &codes, &names, NULL)
                   : lp_plan_list_staff_roles (plan, NULL, &codes, &names, NULL)))
    {
      codes = g_new0 (char *, 1);
      names = g_new0 (char *, 1);
    }
  labels = gtk_string_list_new ((const char *const *) names);
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], selected) == 0)
      position = i;
  g_object_set_data_full (G_OBJECT (row), "lp-keys", codes, (GDestroyNotify) g_strfreev);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
}
