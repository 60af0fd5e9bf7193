/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The file choosers for plan files: New Plan, Open, Save As and the
 * copies a damaged plan is repaired or recovered into.  Native
 * (the desktop portal inside Flatpak), and filtered to .lpplan files so
 * that a CSV is not picked by mistake. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-plan-chooser.h"

static void
lp_plan_chooser_add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) plans = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (plans, _("Locality Planner plans"));
  gtk_file_filter_add_suffix (plans, "lpplan");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, plans);
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, plans);
}

/**
 * lp_plan_chooser_new:
 * @suggested_name: (nullable): the file name offered when saving
 * @folder: (nullable): the folder to start in
 *
 * Returns: (transfer full): a file chooser; show it with
 *   gtk_native_dialog_show() and unref it in its "response" handler
 */
GtkFileChooserNative *
lp_plan_chooser_new (GtkWindow         *parent,
                     LpPlanChooserKind  kind,
                     const char        *suggested_name,
                     const char        *folder)
{
  static const struct {
    const char *title;
    const char *accept;
    GtkFileChooserAction action;
  } kinds[] = {
    [LP_PLAN_CHOOSER_OPEN] = { N_("Open a Plan"), N_("_Open"), GTK_FILE_CHOOSER_ACTION_OPEN },
    [LP_PLAN_CHOOSER_NEW] = { N_("New Plan"), N_("C_reate"), GTK_FILE_CHOOSER_ACTION_SAVE },
    [LP_PLAN_CHOOSER_SAVE_COPY] = { N_("Save a Copy"), N_("_Save"), GTK_FILE_CHOOSER_ACTION_SAVE },
    [LP_PLAN_CHOOSER_REPAIR_COPY] = { N_("Repair into a Copy"), N_("_Repair"), GTK_FILE_CHOOSER_ACTION_SAVE },
    [LP_PLAN_CHOOSER_RECOVER_COPY] = { N_("Recover into a Copy"), N_("_Recover"), GTK_FILE_CHOOSER_ACTION_SAVE },
  };
  GtkFileChooserNative *chooser;

  g_return_val_if_fail (kind <= LP_PLAN_CHOOSER_RECOVER_COPY, NULL);

  chooser = gtk_file_chooser_native_new (_(kinds[kind].title), parent, kinds[kind].action,
                                         _(kinds[kind].accept), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  lp_plan_chooser_add_filters (GTK_FILE_CHOOSER (chooser));
  if (folder != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), file, NULL);
    }
  if (suggested_name != NULL && kinds[kind].action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  return chooser;
}

/**
 * lp_plan_chooser_get_path:
 *
 * Returns: (transfer full) (nullable): the local path chosen, or %NULL for
 *   a file with no local path (a remote location)
 */
char *
lp_plan_chooser_get_path (GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  return file != NULL ? g_file_get_path (file) : NULL;
}
