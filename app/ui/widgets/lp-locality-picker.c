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

/**
 * lp_locality_picker_reset:
 * @ids: (inout): replaced by the one choice's id, 0
 * @names: (inout): replaced by its words
 *
 * Offers "All localities" alone: the choices before any plan is read, or
 * after it has gone.
 */
void
lp_locality_picker_reset (GtkDropDown  *dropdown,
                          GArray      **ids,
                          GPtrArray   **names)
{
  gint64 all = 0;

  g_clear_pointer (ids, g_array_unref);
  g_clear_pointer (names, g_ptr_array_unref);
  *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (*ids, all);
  *names = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (*names, g_strdup (_("All localities")));
  lp_locality_picker_offer (dropdown, *ids, *names, 0);
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

/**
 * lp_locality_picker_read:
 * @ids: (out): the id of each choice, 0 first
 *
 * Safe on a worker with its own connection: it touches no widget.
 *
 * Returns: (transfer full): the words of each choice, or %NULL with
 *   @error set
 */
GPtrArray *
lp_locality_picker_read (LpPlan  *plan,
                         GArray **ids,
                         GError **error)
{
  g_autoptr(GListModel) localities = lp_plan_list_localities (plan, error);
  GPtrArray *names;
  gint64 all = 0;

  if (localities == NULL)
    return NULL;
  names = g_ptr_array_new_with_free_func (g_free);
  *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_ptr_array_add (names, g_strdup (_("All localities")));
  g_array_append_val (*ids, all);
  for (guint i = 0; i < g_list_model_get_n_items (localities); i++)
    {
      g_autoptr(LpLocality) locality = g_list_model_get_item (localities, i);
      gint64 id = lp_locality_get_id (locality);

      g_ptr_array_add (names, g_strdup (lp_locality_get_name (locality)));
      g_array_append_val (*ids, id);
    }
  return names;
}

const char *
lp_locality_picker_find (GArray    *ids,
                         GPtrArray *names,
                         gint64    *id)
{
  for (guint i = 1; i < ids->len && i < names->len; i++)
    if (g_array_index (ids, gint64, i) == *id)
      return g_ptr_array_index (names, i);
  *id = 0;
  return g_ptr_array_index (names, 0);
}

gboolean
lp_locality_picker_same (GArray    *ids,
                         GPtrArray *names,
                         GArray    *other_ids,
                         GPtrArray *other_names)
{
  if (ids->len != other_ids->len || names->len != other_names->len)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) != g_array_index (other_ids, gint64, i) ||
        g_strcmp0 (g_ptr_array_index (names, i), g_ptr_array_index (other_names, i)) != 0)
      return FALSE;
  return TRUE;
}

gboolean
lp_locality_picker_offer (GtkDropDown *dropdown,
                          GArray      *ids,
                          GPtrArray   *names,
                          gint64       chosen)
{
  g_autofree const char **strings = g_new0 (const char *, names->len + 1);
  g_autoptr(GtkStringList) list = NULL;
  guint selected = 0;

  for (guint i = 0; i < names->len; i++)
    {
      strings[i] = g_ptr_array_index (names, i);
      if (i < ids->len && g_array_index (ids, gint64, i) == chosen)
        selected = i;
    }
  list = gtk_string_list_new (strings);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, selected);
  return selected > 0 || chosen == 0;
}

/**
 * lp_locality_picker_take:
 * @ids: (inout): the ids offered, replaced by those read
 * @names: (inout): the words offered, replaced by those read
 * @read_ids: (inout) (transfer full): the ids read on the worker; taken
 * @read_names: (inout) (transfer full): their words; taken
 *
 * Offers the choices a worker read in place of those offered, @chosen
 * kept chosen if it is still there.
 */
void
lp_locality_picker_take (GtkDropDown  *dropdown,
                         GArray      **ids,
                         GPtrArray   **names,
                         GArray      **read_ids,
                         GPtrArray   **read_names,
                         gint64        chosen)
{
  g_clear_pointer (ids, g_array_unref);
  g_clear_pointer (names, g_ptr_array_unref);
  *ids = g_steal_pointer (read_ids);
  *names = g_steal_pointer (read_names);
  lp_locality_picker_offer (dropdown, *ids, *names, chosen);
}
