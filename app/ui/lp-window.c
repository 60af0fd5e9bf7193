/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan window: a header naming the plan and its size, and the plan's
 * localities.  Everything it shows is read by core on a worker thread
 * (lp-plan-loader.c) and worded by lp-summary-text.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-plan-loader.h"
#include "lp-summary-text.h"
#include "lp-window.h"

struct _LpWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwWindowTitle       *window_title;
  GtkRevealer          *read_only_revealer;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkColumnView        *column_view;
  GtkSortListModel     *sort_model;
  GtkLabel             *total_label;

  char                 *path;   /* NULL until known, e.g. for the sample */
  LpPlan               *plan;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (LpWindow, lp_window, ADW_TYPE_APPLICATION_WINDOW)

/* Template closures: the table's figures with thousands separators. */
static char *
lp_window_format_uint (gpointer unused,
                       guint    value)
{
  return lp_format_count (value);
}

static char *
lp_window_format_int64 (gpointer unused,
                        gint64   value)
{
  return lp_format_count (value);
}

static void
lp_window_show_plan (LpWindow   *self,
                     LpPlanLoad *load)
{
  g_autofree char *subtitle = lp_summary_text_subtitle (&load->summary);
  g_autofree char *total = lp_summary_text_total (&load->summary);

  g_set_object (&self->plan, load->plan);
  g_free (self->path);
  self->path = g_strdup (lp_plan_get_path (self->plan));

  gtk_window_set_title (GTK_WINDOW (self), load->display_name);
  adw_window_title_set_title (self->window_title, load->display_name);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_revealer_set_reveal_child (self->read_only_revealer,
                                 lp_plan_is_read_only (self->plan));
  gtk_sort_list_model_set_model (self->sort_model, load->localities);
  gtk_label_set_label (self->total_label, total);
  gtk_stack_set_visible_child_name (self->stack, "plan");
}

static void
lp_window_show_error (LpWindow     *self,
                      const GError *error)
{
  /* Core's messages already name the file and say what to do; the status
   * page shows them as they are. */
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
lp_window_load_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LpWindow *self = LP_WINDOW (object);
  g_autoptr(LpPlanLoad) load = NULL;
  g_autoptr(GError) error = NULL;

  load = lp_plan_load_finish (result, &error);
  /* Cancelled only when another load replaced this one or the window is
   * going away: either way this result is not wanted. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (load == NULL)
    lp_window_show_error (self, error);
  else
    lp_window_show_plan (self, load);
}

/* Nothing of a previous plan may linger beside a new one or an error. */
static void
lp_window_clear_plan (LpWindow *self)
{
  g_clear_object (&self->plan);
  gtk_sort_list_model_set_model (self->sort_model, NULL);
  gtk_label_set_label (self->total_label, "");
  gtk_revealer_set_reveal_child (self->read_only_revealer, FALSE);
  gtk_window_set_title (GTK_WINDOW (self), _("Locality Planner"));
  adw_window_title_set_title (self->window_title, _("Locality Planner"));
  adw_window_title_set_subtitle (self->window_title, "");
}

static void
lp_window_cancel_load (LpWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
lp_window_start_load (LpWindow        *self,
                      const char      *path,
                      LpPlanOpenFlags  flags)
{
  lp_window_cancel_load (self);
  self->cancellable = g_cancellable_new ();

  g_free (self->path);
  self->path = g_strdup (path);
  lp_window_clear_plan (self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  lp_plan_load_async (self, path, flags, self->cancellable,
                      lp_window_load_cb, NULL);
}

/**
 * lp_window_open:
 * @path: (nullable): a plan file; %NULL when the file has no local path,
 *   which shows the error page
 *
 * Opens the plan in the background; the window shows a spinner meanwhile,
 * then the plan, or why it could not be opened.
 */
void
lp_window_open (LpWindow        *self,
                const char      *path,
                LpPlanOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LP_IS_WINDOW (self));

  if (path != NULL)
    {
      lp_window_start_load (self, path, flags);
      return;
    }
  lp_window_cancel_load (self);
  lp_window_clear_plan (self);
  g_clear_pointer (&self->path, g_free);
  g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("Only plan files on this computer can be opened"));
  lp_window_show_error (self, error);
}

/**
 * lp_window_open_sample:
 *
 * Opens the user's copy of the sample plan, making it first if needed.
 */
void
lp_window_open_sample (LpWindow *self)
{
  g_return_if_fail (LP_IS_WINDOW (self));

  lp_window_start_load (self, NULL, LP_PLAN_OPEN_DEFAULT);
}

static void
lp_window_dispose (GObject *object)
{
  LpWindow *self = LP_WINDOW (object);

  lp_window_cancel_load (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_WINDOW);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (lp_window_parent_class)->dispose (object);
}

static void
lp_window_finalize (GObject *object)
{
  LpWindow *self = LP_WINDOW (object);

  g_free (self->path);
  G_OBJECT_CLASS (lp_window_parent_class)->finalize (object);
}

static void
lp_window_class_init (LpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_window_dispose;
  object_class->finalize = lp_window_finalize;

  /* The template's expressions look the type up by name. */
  g_type_ensure (LP_TYPE_LOCALITY);

  gtk_widget_class_set_template_from_resource (widget_class,
      RESOURCE_BASE "/ui/lp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, sort_model);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, total_label);
  gtk_widget_class_bind_template_callback (widget_class, lp_window_format_uint);
  gtk_widget_class_bind_template_callback (widget_class, lp_window_format_int64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
lp_window_init (LpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LpWindow *
lp_window_new (AdwApplication *application)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);

  return g_object_new (LP_TYPE_WINDOW, "application", application, NULL);
}

/**
 * lp_window_get_path:
 *
 * Returns: (nullable): the plan file shown or being opened; %NULL while
 *   the sample's copy is still being found
 */
const char *
lp_window_get_path (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  return self->path;
}

/**
 * lp_window_get_plan:
 *
 * Returns: (transfer none) (nullable): the open plan, once loaded
 */
LpPlan *
lp_window_get_plan (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  return self->plan;
}

gboolean
lp_window_is_loading (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * lp_window_get_locality_model:
 *
 * Returns: (transfer none): the rows of the localities table, in the
 *   order shown
 */
GListModel *
lp_window_get_locality_model (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (gtk_column_view_get_model (self->column_view));
}

const char *
lp_window_get_plan_title (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  return adw_window_title_get_title (self->window_title);
}

const char *
lp_window_get_plan_subtitle (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  return adw_window_title_get_subtitle (self->window_title);
}

const char *
lp_window_get_total_text (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  return gtk_label_get_label (self->total_label);
}

/**
 * lp_window_get_error_text:
 *
 * Returns: (nullable): why the plan could not be opened, or %NULL when the
 *   window is not showing the error page
 */
const char *
lp_window_get_error_text (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") != 0)
    return NULL;
  return adw_status_page_get_description (self->error_page);
}

gboolean
lp_window_shows_read_only (LpWindow *self)
{
  g_return_val_if_fail (LP_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->read_only_revealer);
}
