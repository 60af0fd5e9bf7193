/* SPDX-License-Identifier: GPL-3.0-or-later */
/* New Plan, Open and Open Recent.  The file is opened (or made) on a
 * worker thread first and a window is made only once that has worked, so
 * a file that is not a plan leaves the user where they were, with a
 * dialog saying why, instead of an empty window. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-application-private.h"
#include "lp-plan-chooser.h"
#include "lp-plan-loader.h"
#include "lp-window-text.h"

typedef struct {
  GWeakRef    parent;    /* the window the dialog belongs to */
  const char *heading;   /* of the dialog if it fails */
  char       *path;
} LpOpenRequest;

static LpOpenRequest *
lp_open_request_new (GtkWindow  *parent,
                     const char *heading,
                     const char *path)
{
  LpOpenRequest *request = g_new0 (LpOpenRequest, 1);

  g_weak_ref_init (&request->parent, parent);
  request->heading = heading;
  request->path = g_strdup (path);
  return request;
}

static void
lp_open_request_free (LpOpenRequest *request)
{
  g_weak_ref_clear (&request->parent);
  g_free (request->path);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpOpenRequest, lp_open_request_free)

static void
lp_application_show_failure (LpApplication *self,
                             GtkWindow     *parent,
                             const char    *heading,
                             const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  /* With no window left to belong to, the dialog keeps the app running. */
  if (parent == NULL)
    gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lp_application_recover_response (GtkNativeDialog *chooser,
                                 int              response,
                                 LpApplication   *self)
{
  const char *source = g_object_get_data (G_OBJECT (chooser), "lp-source");
  g_autofree char *path = NULL;
  LpWindow *window;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      path = lp_plan_chooser_get_path (GTK_FILE_CHOOSER_NATIVE (chooser));
      if (path == NULL || g_strcmp0 (path, source) == 0)
        lp_application_show_failure (self, gtk_native_dialog_get_transient_for (chooser),
                                     _("Could Not Recover the Plan"),
                                     path == NULL ? _("Plans can only be saved to a folder on this computer")
                                                  : _("The copy must be a new file: the damaged file itself is "
                                                      "never changed. Choose another name for the copy."));
      else
        {
          /* The window shows the recovery under way, then the copy, or
           * honestly that nothing could be read. */
          window = lp_window_new (ADW_APPLICATION (self));
          lp_window_recover_copy (window, source, path);
          gtk_window_present (GTK_WINDOW (window));
        }
    }
  g_application_release (G_APPLICATION (self));
  g_object_unref (chooser);
}

typedef struct {
  LpApplication *app;
  char          *path;
} LpRecoverOffer;

static void
lp_recover_offer_free (LpRecoverOffer *offer)
{
  g_application_release (G_APPLICATION (offer->app));
  g_object_unref (offer->app);
  g_free (offer->path);
  g_free (offer);
}

static void
lp_application_corrupt_response (AdwMessageDialog *dialog,
                                 const char       *response,
                                 LpRecoverOffer   *offer)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  GtkFileChooserNative *chooser;

  if (!g_str_equal (response, "recover"))
    return;
  name = lp_window_text_repaired_name (offer->path, TRUE);
  folder = g_path_get_dirname (offer->path);
  chooser = lp_plan_chooser_new (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                                 LP_PLAN_CHOOSER_RECOVER_COPY, name, folder);
  g_object_set_data_full (G_OBJECT (chooser), "lp-source", g_strdup (offer->path), g_free);
  /* Held until the file is chosen: no window may be left to keep the app. */
  g_application_hold (G_APPLICATION (offer->app));
  g_signal_connect_object (chooser, "response", G_CALLBACK (lp_application_recover_response), offer->app, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A file SQLite itself finds damaged: the refusal says so and offers to
 * read what rows it can into a new plan. */
static void
lp_application_show_corrupt (LpApplication *self,
                             GtkWindow     *parent,
                             const char    *path,
                             const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("The Plan File Is Damaged"), body);
  LpRecoverOffer *offer = g_new0 (LpRecoverOffer, 1);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "recover", _("_Recover into a Copy…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  if (parent == NULL)
    gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  offer->app = g_object_ref (self);
  offer->path = g_strdup (path);
  g_application_hold (G_APPLICATION (self));
  g_signal_connect_data (dialog, "response", G_CALLBACK (lp_application_corrupt_response), offer,
                         (GClosureNotify) (void (*) (void)) lp_recover_offer_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lp_application_loaded_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  LpApplication *self = LP_APPLICATION (object);
  g_autoptr(LpOpenRequest) request = user_data;
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&request->parent);
  g_autoptr(LpPlanLoad) load = NULL;
  g_autoptr(GError) error = NULL;
  LpWindow *window;

  g_application_release (G_APPLICATION (self));
  load = lp_plan_load_finish (result, &error);
  if (load == NULL && g_error_matches (error, LP_PLAN_LOAD_ERROR, LP_PLAN_LOAD_ERROR_CORRUPT))
    {
      lp_application_show_corrupt (self, parent, request->path, error->message);
      return;
    }
  if (load == NULL)
    {
      lp_application_show_failure (self, parent, request->heading, error->message);
      return;
    }
  /* Asked for twice before the first open finished: one window still. */
  window = lp_application_find_window (self, lp_plan_load_get_path (load));
  if (window == NULL)
    {
      window = lp_window_new (ADW_APPLICATION (self));
      lp_window_show_load (window, load);
    }
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * lp_application_open_plan:
 * @parent: (nullable): the window asking, which a failure's dialog
 *   belongs to; it keeps its own plan either way
 *
 * Opens @path in a new window, or brings forward the window that already
 * has it open.
 */
void
lp_application_open_plan (LpApplication *self,
                          const char    *path,
                          GtkWindow     *parent)
{
  LpWindow *window;

  g_return_if_fail (LP_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  window = lp_application_find_window (self, path);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }
  g_application_hold (G_APPLICATION (self));
  lp_plan_load_async (self, path, LP_PLAN_OPEN_DEFAULT, NULL, lp_application_loaded_cb,
                      lp_open_request_new (parent, _("Could Not Open the Plan"), path));
}

/**
 * lp_application_new_plan:
 * @path: where the new plan goes; it must not exist yet
 * @parent: (nullable): the window asking
 *
 * Makes a new, empty plan and opens it in a new window.
 */
void
lp_application_new_plan (LpApplication *self,
                         const char    *path,
                         GtkWindow     *parent)
{
  g_return_if_fail (LP_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  g_application_hold (G_APPLICATION (self));
  lp_plan_create_async (self, path, NULL, lp_application_loaded_cb,
                        lp_open_request_new (parent, _("Could Not Make the Plan"), path));
}

static void
lp_application_chooser_response (GtkNativeDialog *chooser,
                                 int              response,
                                 LpApplication   *self)
{
  g_autofree char *path = NULL;
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
  gboolean create = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "lp-create"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      path = lp_plan_chooser_get_path (GTK_FILE_CHOOSER_NATIVE (chooser));
      if (path == NULL)
        lp_application_show_failure (self, parent, _("Could Not Open the Plan"),
                                     _("Only plan files on this computer can be used"));
      else if (create)
        lp_application_new_plan (self, path, parent);
      else
        lp_application_open_plan (self, path, parent);
    }
  g_object_unref (chooser);
}

static void
lp_application_choose (LpApplication     *self,
                       LpPlanChooserKind  kind)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser;

  chooser = lp_plan_chooser_new (parent, kind,
                                 kind == LP_PLAN_CHOOSER_NEW ? _("New plan.lpplan") : NULL, NULL);
  g_object_set_data (G_OBJECT (chooser), "lp-create",
                     GINT_TO_POINTER (kind == LP_PLAN_CHOOSER_NEW));
  g_signal_connect_object (chooser, "response", G_CALLBACK (lp_application_chooser_response),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
lp_application_new_activated (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  lp_application_choose (LP_APPLICATION (user_data), LP_PLAN_CHOOSER_NEW);
}

void
lp_application_open_activated (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  lp_application_choose (LP_APPLICATION (user_data), LP_PLAN_CHOOSER_OPEN);
}

void
lp_application_open_recent_activated (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  LpApplication *self = LP_APPLICATION (user_data);
  /* The menu names plans by URI: a path need not be UTF-8. */
  g_autofree char *path = g_filename_from_uri (g_variant_get_string (parameter, NULL), NULL, NULL);

  if (path != NULL)
    lp_application_open_plan (self, path, gtk_application_get_active_window (GTK_APPLICATION (self)));
}
