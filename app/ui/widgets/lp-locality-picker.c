/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The views' locality picker (see lp-locality-picker.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-locality-picker.h"

static LpLocalityChoices *
lp_locality_choices_new (void)
{
  LpLocalityChoices *choices = g_atomic_rc_box_new0 (LpLocalityChoices);
  gint64 all = 0;

  choices->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  choices->names = g_ptr_array_new_with_free_func (g_free);
  g_array_append_val (choices->ids, all);
  g_ptr_array_add (choices->names, g_strdup (_("All localities")));
  return choices;
}

LpLocalityChoices *
lp_locality_choices_new_all (void)
{
  return lp_locality_choices_new ();
}

/**
 * lp_locality_choices_read:
 *
 * Returns: (transfer full): the plan's localities as choices, or %NULL
 *   with @error set
 */
LpLocalityChoices *
lp_locality_choices_read (LpPlan  *plan,
                          GError **error)
{
  g_autoptr(GListModel) localities = lp_plan_list_localities (plan, error);
  LpLocalityChoices *choices;

  if (localities == NULL)
    return NULL;
  choices = lp_locality_choices_new ();
  for (guint i = 0; i < g_list_model_get_n_items (localities); i++)
    {
      g_autoptr(LpLocality) locality = g_list_model_get_item (localities, i);
      gint64 id = lp_locality_get_id (locality);

      g_ptr_array_add (choices->names, g_strdup (lp_locality_get_name (locality)));
      g_array_append_val (choices->ids, id);
    }
  return choices;
}

LpLocalityChoices *
lp_locality_choices_ref (LpLocalityChoices *choices)
{
  return g_atomic_rc_box_acquire (choices);
}

static void
lp_locality_choices_clear (gpointer data)
{
  LpLocalityChoices *choices = data;

  g_array_unref (choices->ids);
  g_ptr_array_unref (choices->names);
}

void
lp_locality_choices_unref (LpLocalityChoices *choices)
{
  g_atomic_rc_box_release_full (choices, lp_locality_choices_clear);
}

gboolean
lp_locality_choices_equal (const LpLocalityChoices *a,
                           const LpLocalityChoices *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->ids->len != b->ids->len)
    return FALSE;
  for (guint i = 0; i < a->ids->len; i++)
    if (g_array_index (a->ids, gint64, i) != g_array_index (b->ids, gint64, i) ||
        g_strcmp0 (g_ptr_array_index (a->names, i), g_ptr_array_index (b->names, i)) != 0)
      return FALSE;
  return TRUE;
}

const char *
lp_locality_choices_find (const LpLocalityChoices *choices,
                          gint64                  *id)
{
  for (guint i = 1; i < choices->ids->len; i++)
    if (g_array_index (choices->ids, gint64, i) == *id)
      return g_ptr_array_index (choices->names, i);
  *id = 0;
  return g_ptr_array_index (choices->names, 0);
}

gboolean
lp_locality_picker_offer (GtkDropDown             *dropdown,
                          const LpLocalityChoices *choices,
                          gint64                   chosen)
{
  g_autofree const char **strings = g_new0 (const char *, choices->names->len + 1);
  g_autoptr(GtkStringList) list = NULL;
  guint selected = 0;

  for (guint i = 0; i < choices->names->len; i++)
    {
      strings[i] = g_ptr_array_index (choices->names, i);
      if (g_array_index (choices->ids, gint64, i) == chosen)
        selected = i;
    }
  list = gtk_string_list_new (strings);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, selected);
  return selected > 0 || chosen == 0;
}

gint64
lp_locality_picker_id (GtkDropDown             *dropdown,
                       const LpLocalityChoices *choices)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected < choices->ids->len ? g_array_index (choices->ids, gint64, selected) : 0;
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
