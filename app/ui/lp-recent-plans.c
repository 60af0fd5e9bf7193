/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Recently used plans, shared with the rest of the desktop through
 * GtkRecentManager, and the File ▸ Open Recent menu built from them. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-plan.h"
#include "lp-recent-plans.h"

/**
 * lp_recent_plans_add:
 *
 * Remembers a plan that was just opened, created or saved.
 */
void
lp_recent_plans_add (const char *path)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (path != NULL);

  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri != NULL)
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static int
lp_recent_plans_compare (gconstpointer a,
                         gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  /* Newest first. */
  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static gboolean
lp_recent_plans_is_plan (GtkRecentInfo *info)
{
  return g_str_has_suffix (gtk_recent_info_get_uri (info), LP_PLAN_FILE_SUFFIX)
         && gtk_recent_info_is_local (info) && gtk_recent_info_exists (info);
}

/**
 * lp_recent_plans_list:
 *
 * Returns: (transfer full) (element-type GtkRecentInfo): the @max plan
 *   files used most recently that still exist, newest first
 */
GPtrArray *
lp_recent_plans_list (GtkRecentManager *manager,
                      guint             max)
{
  GList *items = gtk_recent_manager_get_items (manager);
  GPtrArray *plans = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);

  for (GList *l = items; l != NULL; l = l->next)
    if (lp_recent_plans_is_plan (l->data))
      g_ptr_array_add (plans, gtk_recent_info_ref (l->data));
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (plans, lp_recent_plans_compare);
  if (plans->len > max)
    g_ptr_array_set_size (plans, max);
  return plans;
}

static void
lp_recent_plans_fill (GMenu            *menu,
                      GtkRecentManager *manager)
{
  g_autoptr(GPtrArray) plans = lp_recent_plans_list (manager, LP_RECENT_PLANS_MAX);

  g_menu_remove_all (menu);
  for (guint i = 0; i < plans->len; i++)
    {
      g_autofree char *path = g_filename_from_uri (gtk_recent_info_get_uri (plans->pdata[i]),
                                                   NULL, NULL);
      g_autofree char *label = path ? g_filename_display_basename (path) : NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (path == NULL)
        continue;
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "app.open-recent",
                                               g_variant_new_string (path));
      g_menu_append_item (menu, item);
    }
  /* An item with no action shows greyed out: the menu says why it is empty. */
  if (g_menu_model_get_n_items (G_MENU_MODEL (menu)) == 0)
    g_menu_append (menu, _("No Recent Plans"), NULL);
}

/**
 * lp_recent_plans_get_menu:
 *
 * One menu for the whole process, kept up to date as the recent list
 * changes; every window's Open Recent submenu shows it.
 *
 * Returns: (transfer none): the Open Recent items
 */
GMenuModel *
lp_recent_plans_get_menu (void)
{
  static GMenu *menu;

  if (menu == NULL)
    {
      GtkRecentManager *manager = gtk_recent_manager_get_default ();

      menu = g_menu_new ();
      g_signal_connect_object (manager, "changed", G_CALLBACK (lp_recent_plans_fill),
                               menu, G_CONNECT_SWAPPED);
      lp_recent_plans_fill (menu, manager);
    }
  return G_MENU_MODEL (menu);
}
