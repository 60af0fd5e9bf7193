/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application: one window per open plan; with no file given, the
 * user's copy of the sample plan. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-application-private.h"
#include "lp-preferences-window.h"
#include "lp-trace.h"
#include "lp-window.h"

struct _LpApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (LpApplication, lp_application, ADW_TYPE_APPLICATION)

/* Where the sample plan's figures come from, for the About window. */
static const char *const sample_sources[] = {
  N_("East and North Hertfordshire CCG, Operational Plan 2018-19 (April 2018)"),
  N_("Hertfordshire and West Essex STP, Sustainability and Transformation Plan (October 2016)"),
  NULL
};

static void
lp_application_about (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Locality Planner authors"), NULL };
  const char *sources[G_N_ELEMENTS (sample_sources)] = { NULL };
  AdwAboutWindow *about;

  for (guint i = 0; sample_sources[i] != NULL; i++)
    sources[i] = _(sample_sources[i]);
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Locality Planner"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Locality Planner authors"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© 2026 The Locality Planner authors"),
                        /* Translators: your names, one a line, as they are to be credited. */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Plan NHS locality commissioning offline: practices, "
                                      "localities, contracts, activity, extended access "
                                      "and workforce.\n\n"
                                      "The practices in the bundled sample plan are "
                                      "illustrative: their names, codes and list sizes are "
                                      "made up, and add up to the CCG’s published "
                                      "locality totals."),
                        NULL);
  adw_about_window_add_acknowledgement_section (about, _("Sample plan figures"), sources);
  gtk_window_present (GTK_WINDOW (about));
}

static void
lp_application_preferences (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWidget *preferences = lp_preferences_window_new (gtk_application_get_active_window (app));

  gtk_window_present (GTK_WINDOW (preferences));
}

/* The guide is installed as Mallard pages for Yelp, GNOME's help viewer. */
#define LP_HELP_URI "help:" GETTEXT_PACKAGE

static void
lp_application_help_shown (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) && LP_IS_WINDOW (source))
    {
      g_autofree char *message = g_strdup_printf (
          _("Could not open the user guide (%s); it needs Yelp, the GNOME help viewer"), error->message);
      lp_window_toast (LP_WINDOW (source), message);
    }
}

static void
lp_application_help (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_uri_full (window, LP_HELP_URI, GDK_CURRENT_TIME, NULL, lp_application_help_shown, NULL);
}

static void
lp_application_quit (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry lp_application_actions[] = {
  { .name = "new", .activate = lp_application_new_activated },
  { .name = "open", .activate = lp_application_open_activated },
  { .name = "open-recent", .activate = lp_application_open_recent_activated,
    .parameter_type = "s" },
  { .name = "preferences", .activate = lp_application_preferences },
  { .name = "about", .activate = lp_application_about },
  { .name = "help", .activate = lp_application_help },
  { .name = "quit", .activate = lp_application_quit },
};

static const struct {
  const char *action;
  const char *accels[2];
} lp_application_accels[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.help", { "F1", NULL } },
};

static void
lp_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (lp_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), lp_application_actions,
                                   G_N_ELEMENTS (lp_application_actions), app);
  for (gsize i = 0; i < G_N_ELEMENTS (lp_application_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           lp_application_accels[i].action,
                                           lp_application_accels[i].accels);
  /* Timings for the window benchmark; nothing unless LP_TRACE is set. */
  lp_trace_init (GTK_APPLICATION (app));
}

static void
lp_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* Started again with no file: bring back what is already open. */
  if (window == NULL)
    {
      window = GTK_WINDOW (lp_window_new (ADW_APPLICATION (app)));
      lp_window_open_sample (LP_WINDOW (window));
    }
  gtk_window_present (window);
}

/* A plan already open is brought forward, not opened a second time: two
 * windows editing one file would each show a stale picture of the other's
 * edits. */
/**
 * lp_application_find_window:
 *
 * Returns: (transfer none) (nullable): the window showing the plan file
 *   @path (or opening it), if any
 */
LpWindow *
lp_application_find_window (LpApplication *self,
                            const char    *path)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (LP_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      g_autoptr(GFile) open_file = NULL;

      if (!LP_IS_WINDOW (l->data) || lp_window_get_path (l->data) == NULL)
        continue;
      open_file = g_file_new_for_path (lp_window_get_path (l->data));
      if (g_file_equal (open_file, file))
        return l->data;
    }
  return NULL;
}

static void
lp_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  LpApplication *self = LP_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      LpWindow *window = path ? lp_application_find_window (self, path) : NULL;

      /* From the command line or the file manager there is no window to
       * stay in: a file that cannot be opened gets a window saying why. */
      if (window == NULL)
        {
          window = lp_window_new (ADW_APPLICATION (app));
          lp_window_open (window, path, LP_PLAN_OPEN_DEFAULT);
        }
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* --version answers at once, without a display or the running instance. */
static int
lp_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "locality-planner", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
lp_application_class_init (LpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = lp_application_startup;
  app_class->activate = lp_application_activate;
  app_class->open = lp_application_open;
  app_class->handle_local_options = lp_application_handle_local_options;
}

static void
lp_application_init (LpApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Show the version and quit"), NULL);
}

LpApplication *
lp_application_new (void)
{
  return g_object_new (LP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
