/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Recently used plans, kept in the app's settings as file URIs (a path
 * need not be UTF-8, a GSettings string must), so they are there in a
 * Flatpak sandbox and follow the settings wherever they go; also told to
 * GtkRecentManager so that the desktop's Recent files list them; and the
 * File ▸ Open Recent menu built from them. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-plan.h"
#include "lp-recent-plans.h"
#include "lp-settings.h"

/* Kept beyond what the menu shows, so that plans on a drive that is not
 * plugged in come back when it is. */
#define LP_RECENT_PLANS_KEPT 20

static GSettings *
lp_recent_plans_settings (void)
{
  static GSettings *settings;

  if (settings == NULL)
    settings = lp_settings_new ();
  return settings;
}

/**
 * lp_recent_plans_add:
 *
 * Remembers a plan that was just opened, created or saved: first in the
 * list, and once only.
 */
void
lp_recent_plans_add (const char *path)
{
  GSettings *settings = lp_recent_plans_settings ();
  g_autofree char *uri = NULL;
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) uris = NULL;
  guint kept = 1;

  g_return_if_fail (path != NULL);

  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    return;   /* a relative path: the callers give absolute ones */
  old = g_settings_get_strv (settings, LP_SETTINGS_RECENT_PLANS);
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && kept < LP_RECENT_PLANS_KEPT; i++)
    if (g_strcmp0 (old[i], uri) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        kept++;
      }
  uris = g_strv_builder_end (builder);
  g_settings_set_strv (settings, LP_SETTINGS_RECENT_PLANS, (const char *const *) uris);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/**
 * lp_recent_plans_list:
 *
 * Returns: (transfer full): the URIs of the @max plan files used most
 *   recently that still exist, newest first
 */
GStrv
lp_recent_plans_list (guint max)
{
  g_auto(GStrv) all = g_settings_get_strv (lp_recent_plans_settings (), LP_SETTINGS_RECENT_PLANS);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint listed = 0;

  for (guint i = 0; all[i] != NULL && listed < max; i++)
    {
      g_autofree char *path = g_filename_from_uri (all[i], NULL, NULL);

      if (path != NULL && g_str_has_suffix (path, LP_PLAN_FILE_SUFFIX) &&
          g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_strv_builder_add (builder, all[i]);
          listed++;
        }
    }
  return g_strv_builder_end (builder);
}

static void
lp_recent_plans_fill (GMenu *menu)
{
  g_auto(GStrv) plans = lp_recent_plans_list (LP_RECENT_PLANS_MAX);

  g_menu_remove_all (menu);
  for (guint i = 0; plans[i] != NULL; i++)
    {
      g_autofree char *path = g_filename_from_uri (plans[i], NULL, NULL);
      g_autofree char *label = g_filename_display_basename (path);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "app.open-recent", g_variant_new_string (plans[i]));
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
      menu = g_menu_new ();
      g_signal_connect_object (lp_recent_plans_settings (), "changed::" LP_SETTINGS_RECENT_PLANS,
                               G_CALLBACK (lp_recent_plans_fill), menu, G_CONNECT_SWAPPED);
      lp_recent_plans_fill (menu);
    }
  return G_MENU_MODEL (menu);
}
