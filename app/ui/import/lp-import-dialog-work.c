/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import dialog's work, each piece on a worker thread
 * (lp-import-task.c): reading the first rows, a dry run that reports
 * exactly what the import would do with the options shown, and the import
 * itself.  A result arrives on the main thread and is used only if its
 * work has not been replaced or dropped meanwhile. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-import-dialog-private.h"
#include "lp-import-text.h"

#define PREVIEW_ROWS 5

static void lp_import_dialog_start_check (LpImportDialog *self);

/* A stopped spinner draws nothing but still takes room beside the text. */
static void
lp_import_dialog_spin (LpImportDialog *self,
                       gboolean        spinning)
{
  gtk_spinner_set_spinning (self->check_spinner, spinning);
  gtk_widget_set_visible (GTK_WIDGET (self->check_spinner), spinning);
}

/* A result is still wanted only if its work has not been replaced or
 * dropped since it started. */
static gboolean
lp_import_dialog_wanted (GAsyncResult *result,
                         GCancellable *current)
{
  return current != NULL && g_task_get_cancellable (G_TASK (result)) == current;
}

static void
lp_import_dialog_options (LpImportDialog  *self,
                          LpImportOptions *options,
                          gboolean         dry_run)
{
  static const char *const localities_from[] = { NULL, "pcn", "sub_icb" };
  const char *commissioner = gtk_editable_get_text (GTK_EDITABLE (self->commissioner_row));
  LpImportKind kind = self->peek != NULL ? self->peek->kind : LP_IMPORT_UNKNOWN;
  guint grouping = adw_combo_row_get_selected (self->localities_row);
  gboolean weighted = kind == LP_IMPORT_WEIGHTED_POPULATION;
  const char *as_at = gtk_editable_get_text (GTK_EDITABLE (self->as_at_row));

  *options = (LpImportOptions) {
    .kind = LP_IMPORT_UNKNOWN,
    .skip_bad_rows = gtk_switch_get_active (self->skip_switch),
    .add_new_practices = gtk_switch_get_active (self->add_switch),
    .commissioner = lp_import_text_has_commissioners (kind) && *commissioner != '\0' ? commissioner : NULL,
    .dry_run = dry_run,
    .localities_from = kind == LP_IMPORT_GP_REG_MAP && grouping < G_N_ELEMENTS (localities_from)
                         ? localities_from[grouping] : NULL,
    /* Core checks the name and the date as typed. */
    .weights_name = weighted ? gtk_editable_get_text (GTK_EDITABLE (self->weights_name_row)) : NULL,
    .as_at = weighted && *as_at != '\0' ? as_at : NULL,
  };
}

/* The kind decides the options: epraccur and the practice map bring
 * practices in, count files leave unknown ones out; epraccur and the map
 * have commissioners to choose from. */
static void
lp_import_dialog_apply_kind (LpImportDialog *self,
                             LpImportKind    kind)
{
  self->setting_up = TRUE;
  adw_action_row_set_subtitle (self->file_row, lp_import_text_kind (kind));
  gtk_widget_set_visible (GTK_WIDGET (self->add_row), lp_import_text_offers_add (kind));
  gtk_switch_set_active (self->add_switch, lp_import_text_adds_by_default (kind));
  gtk_widget_set_visible (GTK_WIDGET (self->commissioner_row), lp_import_text_has_commissioners (kind));
  gtk_widget_set_visible (GTK_WIDGET (self->localities_row), kind == LP_IMPORT_GP_REG_MAP);
  gtk_widget_set_visible (GTK_WIDGET (self->weights_name_row), kind == LP_IMPORT_WEIGHTED_POPULATION);
  gtk_widget_set_visible (GTK_WIDGET (self->as_at_row), kind == LP_IMPORT_WEIGHTED_POPULATION);
  self->setting_up = FALSE;
}

static void
lp_import_dialog_peek_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  LpImportDialog *self = LP_IMPORT_DIALOG (object);
  g_autoptr(LpImportPeek) peek = NULL;
  g_autoptr(GError) error = NULL;

  peek = lp_import_task_peek_finish (result, &error);
  if (!lp_import_dialog_wanted (result, self->peek_cancellable))
    return;
  g_clear_object (&self->peek_cancellable);
  if (peek == NULL)
    {
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      lp_import_dialog_show_failure (self, _("This File Cannot Be Imported"), self->error);
      return;
    }
  self->peek = g_steal_pointer (&peek);
  lp_import_dialog_apply_kind (self, self->peek->kind);
  lp_import_dialog_fill_grid (self);
  lp_import_dialog_start_check (self);
}

/* Every practice in England is rarely what a locality plan wants: with no
 * commissioner given, adding them waits for an explicit yes, which names
 * how many the check found. */
static guint
lp_import_dialog_practices_to_confirm (LpImportDialog *self)
{
  LpImportOptions options;

  if (self->check == NULL || self->peek == NULL)
    return 0;
  lp_import_dialog_options (self, &options, TRUE);
  if (!lp_import_text_has_commissioners (self->peek->kind) || !options.add_new_practices ||
      options.commissioner != NULL)
    return 0;
  return self->check->report->new_practices;
}

void
lp_import_dialog_update_import_button (LpImportDialog *self)
{
  guint to_confirm = lp_import_dialog_practices_to_confirm (self);

  gtk_widget_set_visible (GTK_WIDGET (self->all_row), to_confirm > 0);
  if (to_confirm > 0)
    {
      g_autofree char *title = lp_import_text_add_all (to_confirm);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->all_row), title);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            self->check != NULL &&
                            (to_confirm == 0 || gtk_check_button_get_active (self->all_check)));
}

static void
lp_import_dialog_show_check (LpImportDialog *self)
{
  g_auto(GStrv) sentences = NULL;
  g_autofree char *text = NULL;

  lp_import_dialog_spin (self, FALSE);
  lp_import_dialog_update_import_button (self);
  if (self->check == NULL)
    {
      text = g_strdup_printf (_("This file cannot be imported as it is: %s"), self->error->message);
      gtk_label_set_label (self->check_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->check_label), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_label), "error");
  sentences = lp_import_text_outcome (self->check->report, self->check->plan_practices);
  text = g_strjoinv ("\n", sentences);
  if (lp_import_dialog_practices_to_confirm (self) > 0)
    {
      /* The yes is at the foot of the options, which may be off screen. */
      g_autofree char *all = g_strconcat (text, "\n", _("No commissioner code is given: give one under Options, "
                                                         "or confirm there that every practice is wanted."), NULL);
      g_free (text);
      text = g_steal_pointer (&all);
    }
  gtk_label_set_label (self->check_label, text);
  lp_import_dialog_mark_used (self, self->check->report->used_columns);
}

static void
lp_import_dialog_check_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  LpImportDialog *self = LP_IMPORT_DIALOG (object);
  g_autoptr(LpImportOutcome) check = NULL;
  g_autoptr(GError) error = NULL;

  check = lp_import_task_run_finish (result, &error);
  if (!lp_import_dialog_wanted (result, self->check_cancellable))
    return;
  g_clear_object (&self->check_cancellable);
  g_clear_error (&self->error);
  self->check = g_steal_pointer (&check);
  self->error = g_steal_pointer (&error);
  lp_import_dialog_show_check (self);
}

/* A dry run with the options as they are now, replacing any still going. */
static void
lp_import_dialog_start_check (LpImportDialog *self)
{
  LpImportOptions options;

  lp_import_dialog_cancel_work (&self->check_cancellable);
  g_clear_pointer (&self->check, lp_import_outcome_free);
  self->check_cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->all_row), FALSE);
  gtk_check_button_set_active (self->all_check, FALSE);
  lp_import_dialog_spin (self, TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_label), "error");
  gtk_label_set_label (self->check_label, _("Checking every row of the file…"));
  lp_import_dialog_options (self, &options, TRUE);
  lp_import_task_run_async (self, self->plan_path, self->file_path, &options,
                            self->check_cancellable, NULL, NULL,
                            lp_import_dialog_check_cb, NULL);
}

static void
lp_import_dialog_options_changed (LpImportDialog *self)
{
  if (!self->setting_up && self->peek != NULL && self->outcome == NULL &&
      self->import_cancellable == NULL)
    lp_import_dialog_start_check (self);
}

static void
lp_import_dialog_progress_cb (guint64  rows_read,
                              guint64  bytes_read,
                              guint64  bytes_total,
                              gpointer user_data)
{
  LpImportDialog *self = user_data;
  g_autofree char *text = NULL;

  /* Progress comes at idle priority, so the last of it may arrive after
   * the import has answered, or after the dialog has closed. */
  if (self->import_cancellable == NULL || self->progress_bar == NULL)
    return;
  text = lp_import_text_progress (rows_read, bytes_read, bytes_total);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 lp_import_text_fraction (bytes_read, bytes_total));
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
lp_import_dialog_show_success (LpImportDialog *self)
{
  g_autofree char *text = lp_import_text_imported (self->outcome->report, self->file_name);

  gtk_widget_remove_css_class (GTK_WIDGET (self->done_icon), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->done_icon), "success");
  lp_import_dialog_add_facts (self);
  lp_import_dialog_add_problems (self);
  lp_import_dialog_show_done (self, "emblem-ok-symbolic", _("Import Complete"), text);
  /* The window's connection has not seen the worker's rows through its
   * views' models: it opens the file again, staying on the same view. */
  if (self->window != NULL)
    {
      lp_window_reload_after (self->window, g_steal_pointer (&self->outcome->history));
      lp_window_toast (self->window, text);
    }
}

static void
lp_import_dialog_import_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  LpImportDialog *self = LP_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  LpImportOutcome *outcome;

  outcome = lp_import_task_run_finish (result, &error);
  if (!lp_import_dialog_wanted (result, self->import_cancellable))
    {
      g_clear_pointer (&outcome, lp_import_outcome_free);
      return;
    }
  g_clear_object (&self->import_cancellable);
  g_clear_error (&self->error);
  self->outcome = outcome;
  if (outcome != NULL)
    lp_import_dialog_show_success (self);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->error = g_steal_pointer (&error);
      gtk_widget_remove_css_class (GTK_WIDGET (self->done_icon), "error");
      lp_import_dialog_show_done (self, "process-stop-symbolic", _("Import Cancelled"),
                                  lp_import_text_unchanged ());
    }
  else
    {
      self->error = g_steal_pointer (&error);
      lp_import_dialog_show_failure (self, _("Could Not Import the File"), self->error);
    }
}

/**
 * lp_import_dialog_start_import:
 *
 * Imports the file with the options shown, on a worker thread; the dialog
 * shows a progress bar until it ends.  Works whether or not the check
 * found the file importable: a file that cannot be imported ends on the
 * done page with the reason.
 */
void
lp_import_dialog_start_import (LpImportDialog *self)
{
  LpImportOptions options;

  g_return_if_fail (LP_IS_IMPORT_DIALOG (self));

  if (self->file_path == NULL || self->import_cancellable != NULL || self->outcome != NULL)
    return;
  /* A dry run still going would hold the plan's write lock. */
  lp_import_dialog_cancel_work (&self->check_cancellable);
  lp_import_dialog_cancel_work (&self->peek_cancellable);
  self->import_cancellable = g_cancellable_new ();
  adw_status_page_set_description (self->importing_page, self->file_name);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Starting…"));
  lp_import_dialog_set_page (self, "importing");
  lp_import_dialog_options (self, &options, FALSE);
  self->imported_with = options;
  self->imported_with.commissioner = NULL;   /* the entry's, which may change */
  self->imported_with.weights_name = NULL;
  self->imported_with.as_at = NULL;
  lp_import_task_run_async (self, self->plan_path, self->file_path, &options,
                            self->import_cancellable, lp_import_dialog_progress_cb, self,
                            lp_import_dialog_import_cb, NULL);
}

/**
 * lp_import_dialog_cancel_import:
 *
 * Asks the import to stop; it does at its next progress point, and the
 * dialog then says that the plan is unchanged.
 */
void
lp_import_dialog_cancel_import (LpImportDialog *self)
{
  g_return_if_fail (LP_IS_IMPORT_DIALOG (self));

  if (self->import_cancellable == NULL)
    return;
  g_cancellable_cancel (self->import_cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->progress_bar), FALSE);
  gtk_progress_bar_set_text (self->progress_bar, _("Cancelling…"));
}

static void
lp_import_dialog_import_clicked (LpImportDialog *self)
{
  lp_import_dialog_start_import (self);
}

static void
lp_import_dialog_stop_clicked (LpImportDialog *self)
{
  lp_import_dialog_cancel_import (self);
}

static void
lp_import_dialog_cancel_clicked (LpImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
lp_import_dialog_chooser_response (GtkNativeDialog *chooser,
                                   int              response,
                                   LpImportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        lp_import_dialog_set_file (self, file);
    }
  g_object_unref (chooser);
}

static void
lp_import_dialog_choose_clicked (LpImportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) data = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose a File to Import"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (data, _("CSV and ZIP files"));
  gtk_file_filter_add_suffix (data, "csv");
  gtk_file_filter_add_suffix (data, "zip");
  gtk_file_filter_add_mime_type (data, "text/csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), data);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect_object (chooser, "response", G_CALLBACK (lp_import_dialog_chooser_response),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Forgets the previous file, its rows and its check. */
static void
lp_import_dialog_reset (LpImportDialog *self)
{
  lp_import_dialog_cancel_work (&self->peek_cancellable);
  lp_import_dialog_cancel_work (&self->check_cancellable);
  g_clear_pointer (&self->peek, lp_import_peek_free);
  g_clear_pointer (&self->check, lp_import_outcome_free);
  g_clear_pointer (&self->file_path, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_error (&self->error);
  lp_import_dialog_clear_grid (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  lp_import_dialog_spin (self, TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_label), "error");
  gtk_label_set_label (self->check_label, _("Reading the file…"));
}

/**
 * lp_import_dialog_set_file:
 *
 * Shows what @file is and what importing it would do.  A file with no
 * local path (a remote location) cannot be read by the importer.
 */
void
lp_import_dialog_set_file (LpImportDialog *self,
                           GFile          *file)
{
  g_return_if_fail (LP_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->import_cancellable != NULL || self->outcome != NULL)
    return;
  lp_import_dialog_reset (self);
  self->file_path = g_file_get_path (file);
  self->file_name = self->file_path != NULL ? g_filename_display_basename (self->file_path)
                                            : g_file_get_parse_name (file);
  adw_window_title_set_subtitle (self->window_title, self->file_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), self->file_name);
  adw_action_row_set_subtitle (self->file_row, _("Reading the file…"));
  lp_import_dialog_set_page (self, "preview");
  if (self->file_path == NULL)
    {
      g_set_error_literal (&self->error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only files on this computer can be imported"));
      lp_import_dialog_show_failure (self, _("This File Cannot Be Imported"), self->error);
      return;
    }
  self->peek_cancellable = g_cancellable_new ();
  lp_import_task_peek_async (self, self->file_path, PREVIEW_ROWS, self->peek_cancellable,
                             lp_import_dialog_peek_cb, NULL);
}

void
lp_import_dialog_bind_callbacks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, lp_import_dialog_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, lp_import_dialog_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, lp_import_dialog_stop_clicked);
  gtk_widget_class_bind_template_callback (widget_class, lp_import_dialog_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, lp_import_dialog_options_changed);
  gtk_widget_class_bind_template_callback (widget_class, lp_import_dialog_update_import_button);
}
