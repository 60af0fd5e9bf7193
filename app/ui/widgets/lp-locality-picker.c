/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The views' locality picker (see lp-locality-picker.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-locality-picker.h"

gint64
lp_locality_picker_id (GtkDropDown *dropdown,
                       GArray      *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

void
lp_locality_picker_fill (GtkDropDown *dropdown,
                         GArray      *ids,
                         LpPlan      *plan)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) { _("All localities"), NULL });
  g_autoptr(GListModel) localities = plan != NULL ? lp_plan_list_localities (plan, NULL) : NULL;
  gint64 chosen = lp_locality_picker_id (dropdown, ids), all = 0;
  guint selected = 0;

  g_array_set_size (ids, 0);
  g_array_append_val (ids, all);
  for (guint i = 0; localities != NULL && i < g_list_model_get_n_items (localities); i++)
    {
      g_autoptr(LpLocality) locality = g_list_model_get_item (localities, i);
      gint64 id = lp_locality_get_id (locality);

      if (id == chosen)
        selected = ids->len;
      gtk_string_list_append (names, lp_locality_get_name (locality));
      g_array_append_val (ids, id);
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, selected);
}

gboolean
lp_locality_picker_select (GtkDropDown *dropdown,
                           const char  *name)
{
  GListModel *names = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; names != NULL && i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return TRUE;
      }
  return FALSE;
}
