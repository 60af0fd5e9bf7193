/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import dialog: choose a file, see what it is and what importing it
 * would do, import it with a progress bar and a Cancel button, then read
 * what was done.  This file holds the pages and what they show; the work
 * behind them, on worker threads, is in lp-import-dialog-work.c.  The
 * dialog is modal, so the window does not write to the plan while a
 * worker does. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-import-dialog-private.h"
#include "lp-import-text.h"

/* A workforce file has 800 columns; the first few say what it is. */
#define PREVIEW_COLUMNS  12
/* More rejected rows than this are counted, not listed: a list of
 * thousands helps nobody, and the command-line tool lists them all. */
#define PROBLEM_ROWS     200

G_DEFINE_FINAL_TYPE (LpImportDialog, lp_import_dialog, ADW_TYPE_WINDOW)

void
lp_import_dialog_set_page (LpImportDialog *self,
                           const char     *page)
{
  gboolean preview = g_str_equal (page, "preview");
  gboolean done = g_str_equal (page, "done");

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), preview || g_str_equal (page, "choose"));
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), preview);
  gtk_widget_set_visible (GTK_WIDGET (self->choose_button), preview);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), done);
  /* While importing, Cancel Import is the one way out. */
  gtk_window_set_deletable (GTK_WINDOW (self), !g_str_equal (page, "importing"));
  if (done)
    gtk_widget_grab_focus (GTK_WIDGET (self->close_button));
}

void
lp_import_dialog_cancel_work (GCancellable **cancellable)
{
  g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
}

/* The done page, after a failure, a cancel or a success. */
void
lp_import_dialog_show_done (LpImportDialog *self,
                            const char     *icon,
                            const char     *title,
                            const char     *text)
{
  gtk_image_set_from_icon_name (self->done_icon, icon);
  gtk_label_set_label (self->done_title, title);
  gtk_label_set_label (self->done_label, text);
  lp_import_dialog_set_page (self, "done");
}

void
lp_import_dialog_show_failure (LpImportDialog *self,
                               const char     *title,
                               const GError   *error)
{
  g_autofree char *text = NULL;

  /* Core's message names the file, line and column already. */
  text = g_strdup_printf ("%s\n\n%s", error->message, lp_import_text_unchanged ());
  gtk_widget_remove_css_class (GTK_WIDGET (self->done_icon), "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->done_icon), "error");
  lp_import_dialog_show_done (self, "dialog-error-symbolic", title, text);
}

static GtkWidget *
lp_import_dialog_cell (const char *text,
                       gboolean    header)
{
  g_autofree char *shown = lp_import_text_cell (text);
  GtkWidget *label = gtk_label_new (shown);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_add_css_class (label, "numeric");
  /* The full value, when the cell shows only its start. */
  if (g_strcmp0 (shown, text) != 0)
    gtk_widget_set_tooltip_text (label, text);
  return label;
}

void
lp_import_dialog_clear_grid (LpImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  g_ptr_array_set_size (self->header_labels, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_label), FALSE);
}

/* The first rows as a grid, the header row (if the file has one) bold. */
void
lp_import_dialog_fill_grid (LpImportDialog *self)
{
  const LpImportPeek *peek = self->peek;
  guint n_columns = 0, shown, top = 0;
  g_autofree char *note = NULL;

  lp_import_dialog_clear_grid (self);
  if (peek->header != NULL)
    n_columns = g_strv_length (peek->header);
  else if (peek->rows->len > 0)
    n_columns = g_strv_length (g_ptr_array_index (peek->rows, 0));
  shown = MIN (n_columns, PREVIEW_COLUMNS);
  self->n_columns = n_columns;
  self->n_shown = shown;
  for (guint i = 0; peek->header != NULL && i < shown; i++)
    {
      GtkWidget *label = lp_import_dialog_cell (peek->header[i], TRUE);

      gtk_grid_attach (self->preview_grid, label, (int) i, 0, 1, 1);
      g_ptr_array_add (self->header_labels, label);
      top = 1;
    }
  for (guint row = 0; row < peek->rows->len; row++)
    {
      GStrv fields = g_ptr_array_index (peek->rows, row);

      for (guint i = 0; i < shown && fields[i] != NULL; i++)
        gtk_grid_attach (self->preview_grid, lp_import_dialog_cell (fields[i], FALSE),
                         (int) i, (int) (top + row), 1, 1);
    }
  note = lp_import_text_columns_note ((const char * const *) peek->header, NULL, shown, n_columns);
  gtk_widget_set_visible (GTK_WIDGET (self->rows_group), peek->rows->len > 0);
  gtk_label_set_label (self->columns_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_label), note != NULL);
}

/* The columns the dry run read stand out in the header row. */
void
lp_import_dialog_mark_used (LpImportDialog *self,
                            GStrv           used_columns)
{
  g_autofree char *note = NULL;

  for (guint i = 0; i < self->header_labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (self->header_labels, i);
      const char *name = self->peek->header[i];

      if (used_columns != NULL && g_strv_contains ((const char * const *) used_columns, name))
        gtk_widget_add_css_class (label, "accent");
      else
        gtk_widget_remove_css_class (label, "accent");
    }
  note = lp_import_text_columns_note ((const char * const *) self->peek->header,
                                      (const char * const *) used_columns,
                                      self->n_shown, self->n_columns);
  gtk_label_set_label (self->columns_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_label), note != NULL);
}

void
lp_import_dialog_add_facts (LpImportDialog *self)
{
  g_autoptr(GPtrArray) facts = lp_import_text_facts (self->outcome->report,
                                                              &self->imported_with);

  for (guint i = 0; i < facts->len; i++)
    {
      LpImportFact *fact = g_ptr_array_index (facts, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value = gtk_label_new (fact->value);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fact->label);
      gtk_widget_add_css_class (value, "numeric");
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_xalign (GTK_LABEL (value), 1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      adw_preferences_group_add (self->facts_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->facts_group), TRUE);
}

static GtkWidget *
lp_import_dialog_problem_row (const char *title,
                              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  return row;
}

void
lp_import_dialog_add_problems (LpImportDialog *self)
{
  GPtrArray *problems = self->outcome->report->problems;

  for (guint i = 0; i < problems->len && i < PROBLEM_ROWS; i++)
    {
      LpImportProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *title = lp_import_text_problem_title (problem);

      GtkWidget *row = lp_import_dialog_problem_row (title, problem->reason != NULL
                                                            ? problem->reason : problem->message);

      /* The whole message, with the file's path, is a hover away. */
      gtk_widget_set_tooltip_text (row, problem->message);
      gtk_list_box_append (self->problems_list, row);
    }
  if (problems->len > PROBLEM_ROWS)
    {
      g_autofree char *more = lp_import_text_more_problems (problems->len - PROBLEM_ROWS);

      gtk_list_box_append (self->problems_list, lp_import_dialog_problem_row (more, NULL));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems->len > 0);
}

/* Closing while importing would leave the import running unseen: it is
 * cancelled instead, and the dialog stays to say the plan is unchanged. */
static gboolean
lp_import_dialog_close_request (GtkWindow *window)
{
  LpImportDialog *self = LP_IMPORT_DIALOG (window);

  if (self->import_cancellable != NULL)
    {
      lp_import_dialog_cancel_import (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (lp_import_dialog_parent_class)->close_request (window);
}

static void
lp_import_dialog_dispose (GObject *object)
{
  LpImportDialog *self = LP_IMPORT_DIALOG (object);

  /* The workers' answers are dropped once their cancellable is gone. */
  lp_import_dialog_cancel_work (&self->peek_cancellable);
  lp_import_dialog_cancel_work (&self->check_cancellable);
  lp_import_dialog_cancel_work (&self->import_cancellable);
  g_clear_weak_pointer (&self->window);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (lp_import_dialog_parent_class)->dispose (object);
}

static void
lp_import_dialog_finalize (GObject *object)
{
  LpImportDialog *self = LP_IMPORT_DIALOG (object);

  g_free (self->plan_path);
  g_free (self->file_path);
  g_free (self->file_name);
  g_clear_pointer (&self->peek, lp_import_peek_free);
  g_ptr_array_unref (self->header_labels);
  g_clear_pointer (&self->check, lp_import_outcome_free);
  g_clear_pointer (&self->outcome, lp_import_outcome_free);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (lp_import_dialog_parent_class)->finalize (object);
}

/* A window closed along with its parent keeps pointing at that parent
 * (GTK 4.8, with destroy-with-parent), and one closed while something
 * still holds it may outlive the parent: letting go of the parent as it
 * is taken off the screen, not when it is freed, leaves nothing dangling. */
static void
lp_import_dialog_unrealize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lp_import_dialog_parent_class)->unrealize (widget);
  gtk_window_set_transient_for (GTK_WINDOW (widget), NULL);
}

#define BIND_CHILD(name) \
  gtk_widget_class_bind_template_child (widget_class, LpImportDialog, name)

static void
lp_import_dialog_class_init (LpImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_import_dialog_dispose;
  object_class->finalize = lp_import_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = lp_import_dialog_close_request;
  widget_class->unrealize = lp_import_dialog_unrealize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lp-import-dialog.ui");
  BIND_CHILD (window_title);
  BIND_CHILD (cancel_button);
  BIND_CHILD (import_button);
  BIND_CHILD (close_button);
  BIND_CHILD (choose_button);
  BIND_CHILD (stack);
  BIND_CHILD (file_row);
  BIND_CHILD (rows_group);
  BIND_CHILD (preview_grid);
  BIND_CHILD (columns_label);
  BIND_CHILD (add_row);
  BIND_CHILD (add_switch);
  BIND_CHILD (skip_switch);
  BIND_CHILD (commissioner_row);
  BIND_CHILD (localities_row);
  BIND_CHILD (weights_name_row);
  BIND_CHILD (as_at_row);
  BIND_CHILD (all_row);
  BIND_CHILD (all_check);
  BIND_CHILD (check_spinner);
  BIND_CHILD (check_label);
  BIND_CHILD (importing_page);
  BIND_CHILD (progress_bar);
  BIND_CHILD (done_icon);
  BIND_CHILD (done_title);
  BIND_CHILD (done_label);
  BIND_CHILD (facts_group);
  BIND_CHILD (problems_group);
  BIND_CHILD (problems_list);
  lp_import_dialog_bind_callbacks (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lp_import_dialog_init (LpImportDialog *self)
{
  self->header_labels = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  lp_import_dialog_set_page (self, "choose");
}

/**
 * lp_import_dialog_new:
 * @window: the plan window to import into; it reloads the plan after an
 *   import
 * @file: (nullable): the file to import; %NULL starts with a button to
 *   choose one
 *
 * Returns: (transfer none): a modal dialog over @window, not yet shown
 */
LpImportDialog *
lp_import_dialog_new (LpWindow *window,
                      GFile    *file)
{
  LpImportDialog *self;
  LpPlan *plan;
  g_autofree char *organisation = NULL;

  g_return_val_if_fail (LP_IS_WINDOW (window), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  plan = lp_window_get_plan (window);
  g_return_val_if_fail (plan != NULL, NULL);

  self = g_object_new (LP_TYPE_IMPORT_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->plan_path = g_strdup (lp_plan_get_path (plan));
  /* epraccur lists every practice in England: the plan's own
   * commissioner is the sensible first choice. */
  organisation = lp_plan_dup_info (plan, "organisation_code");
  gtk_editable_set_text (GTK_EDITABLE (self->commissioner_row), organisation != NULL ? organisation : "");
  if (file != NULL)
    lp_import_dialog_set_file (self, file);
  return self;
}

const char *
lp_import_dialog_get_page (LpImportDialog *self)
{
  g_return_val_if_fail (LP_IS_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* Reading the file, checking it or importing it. */
gboolean
lp_import_dialog_is_busy (LpImportDialog *self)
{
  g_return_val_if_fail (LP_IS_IMPORT_DIALOG (self), FALSE);

  return self->peek_cancellable != NULL || self->check_cancellable != NULL ||
         self->import_cancellable != NULL;
}

LpImportKind
lp_import_dialog_get_kind (LpImportDialog *self)
{
  g_return_val_if_fail (LP_IS_IMPORT_DIALOG (self), LP_IMPORT_UNKNOWN);

  return self->peek != NULL ? self->peek->kind : LP_IMPORT_UNKNOWN;
}

/* The rows of the file in the preview grid, not counting its header. */
guint
lp_import_dialog_get_n_preview_rows (LpImportDialog *self)
{
  guint rows = 0;

  g_return_val_if_fail (LP_IS_IMPORT_DIALOG (self), 0);

  for (int top = 0; gtk_grid_get_child_at (self->preview_grid, 0, top) != NULL; top++)
    rows++;
  return self->header_labels->len > 0 && rows > 0 ? rows - 1 : rows;
}

/* The dry run's report, once it has run without error. */
const LpImportReport *
lp_import_dialog_get_check (LpImportDialog *self)
{
  g_return_val_if_fail (LP_IS_IMPORT_DIALOG (self), NULL);

  return self->check != NULL ? self->check->report : NULL;
}

/* The import's report, once it has succeeded. */
const LpImportReport *
lp_import_dialog_get_report (LpImportDialog *self)
{
  g_return_val_if_fail (LP_IS_IMPORT_DIALOG (self), NULL);

  return self->outcome != NULL ? self->outcome->report : NULL;
}

/* Why the file could not be read, checked or imported. */
const GError *
lp_import_dialog_get_error (LpImportDialog *self)
{
  g_return_val_if_fail (LP_IS_IMPORT_DIALOG (self), NULL);

  return self->error;
}

const char *
lp_import_dialog_get_check_text (LpImportDialog *self)
{
  g_return_val_if_fail (LP_IS_IMPORT_DIALOG (self), NULL);

  return gtk_label_get_label (self->check_label);
}

const char *
lp_import_dialog_get_done_text (LpImportDialog *self)
{
  g_return_val_if_fail (LP_IS_IMPORT_DIALOG (self), NULL);

  return gtk_label_get_label (self->done_label);
}

double
lp_import_dialog_get_fraction (LpImportDialog *self)
{
  g_return_val_if_fail (LP_IS_IMPORT_DIALOG (self), 0.0);

  return gtk_progress_bar_get_fraction (self->progress_bar);
}

GtkWidget *
lp_import_dialog_get_import_button (LpImportDialog *self)
{
  g_return_val_if_fail (LP_IS_IMPORT_DIALOG (self), NULL);

  return GTK_WIDGET (self->import_button);
}

