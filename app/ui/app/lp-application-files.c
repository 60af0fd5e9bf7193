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

typedef struct {
  GWeakRef    parent;    /* the window the dialog belongs to */
  const char *heading;   /* of the dialog if it fails */
} LpOpenRequest;

static LpOpenRequest *
lp_open_request_new (GtkWindow  *parent,
                     const char *heading)
{
  LpOpenRequest *request = g_new0 (LpOpenRequest, 1);

  g_weak_ref_init (&request->parent, parent);
  request->heading = heading;
  return request;
}

static void
lp_open_request_free (LpOpenRequest *request)
{
  g_weak_ref_clear (&request->parent);
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
  if (load == NULL)
    {
      lp_application_show_failure (self, parent, request->heading, error->message);
      return;
    }
  /* Asked for twice before the first open finished: one window still. */
  window = lp_application_find_window (self, lp_plan_get_path (load->plan));
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
                      lp_open_request_new (parent, _("Could Not Open the Plan")));
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
                        lp_open_request_new (parent, _("Could Not Make the Plan")));
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
