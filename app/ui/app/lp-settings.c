/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application's settings.  Run from the build tree, the schema is not
 * installed where GSettings looks, and g_settings_new() would abort; the
 * schema compiled beside the build is used then, so ./run.sh works without
 * setting GSETTINGS_SCHEMA_DIR. */
#include "config.h"

#include "lp-settings.h"

static GSettingsSchema *
lp_settings_find_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) build_source = NULL;
  GSettingsSchema *schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    return schema;
  build_source = g_settings_schema_source_new_from_directory (LP_BUILD_SCHEMA_DIR, source,
                                                              FALSE, NULL);
  if (build_source != NULL)
    schema = g_settings_schema_source_lookup (build_source, APP_ID, TRUE);
  return schema;
}

/**
 * lp_settings_new:
 *
 * Every window and the preferences share one backend, so a change made in
 * one is seen by all through GSettings' own change notification.
 *
 * Returns: (transfer full): the application's settings
 */
GSettings *
lp_settings_new (void)
{
  g_autoptr(GSettingsSchema) schema = lp_settings_find_schema ();

  /* No schema anywhere is a broken install, not a user error. */
  if (schema == NULL)
    g_error ("The settings schema %s is not installed", APP_ID);
  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * lp_settings_follow:
 * @owner: a view or window; the settings live as long as it does
 * @keys: (array zero-terminated=1): the keys @apply reads
 * @apply: called with @owner now, and again whenever one of @keys changes
 *
 * How a view keeps up with the preferences it depends on, without the
 * window passing each one along.
 */
void
lp_settings_follow (gpointer            owner,
                    const char * const *keys,
                    LpSettingsApplyFunc apply)
{
  GSettings *settings = lp_settings_new ();

  g_return_if_fail (G_IS_OBJECT (owner));

  g_object_set_data_full (G_OBJECT (owner), "lp-settings", settings, g_object_unref);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", keys[i], NULL);

      g_signal_connect_object (settings, signal, G_CALLBACK (apply), owner, G_CONNECT_SWAPPED);
    }
  apply (owner, NULL, settings);
}
