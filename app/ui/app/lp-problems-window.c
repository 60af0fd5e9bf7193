/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Show Problems: every problem check finds in a damaged plan, in check's
 * own words, grouped by the table of the row at fault, with Save Report…
 * to keep them as text.  The list can be long (a script that wrote a bad
 * value into every row), so it is a GtkListView over a list model, with
 * each table's heading a row of its own (GTK 4.8 has no list sections). */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-problems-window.h"
#include "lp-report-save.h"
#include "lp-window-text.h"

/* One row of the list: a table's heading, or a problem under it. */
#define LP_TYPE_PROBLEM_ROW (lp_problem_row_get_type ())
G_DECLARE_FINAL_TYPE (LpProblemRow, lp_problem_row, LP, PROBLEM_ROW, GObject)

struct _LpProblemRow
{
  GObject            parent_instance;
  char              *heading;   /* set for a heading row */
  const LpProblem   *problem;   /* set for a problem row; owned by the window's array */
};

G_DEFINE_FINAL_TYPE (LpProblemRow, lp_problem_row, G_TYPE_OBJECT)

static void
lp_problem_row_finalize (GObject *object)
{
  g_free (LP_PROBLEM_ROW (object)->heading);
  G_OBJECT_CLASS (lp_problem_row_parent_class)->finalize (object);
}

static void
lp_problem_row_class_init (LpProblemRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lp_problem_row_finalize;
}

static void
lp_problem_row_init (LpProblemRow *self)
{
}

struct _LpProblemsWindow
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  GtkLabel        *intro_label;
  GtkListView     *list_view;
  GtkButton       *repair_button;

  char            *path;
  GPtrArray       *problems;   /* LpProblem, in the order shown */
  GListStore      *rows;       /* LpProblemRow */
};

G_DEFINE_FINAL_TYPE (LpProblemsWindow, lp_problems_window, ADW_TYPE_WINDOW)

/* Problems of the whole file first (they have no table), then by table,
 * each table's in check's order (a stable sort). */
static int
lp_problems_compare (gconstpointer a,
                     gconstpointer b)
{
  const LpProblem *pa = *(const LpProblem * const *) a;
  const LpProblem *pb = *(const LpProblem * const *) b;

  if (pa->table == NULL || pb->table == NULL)
    return (pa->table != NULL) - (pb->table != NULL);
  return g_strcmp0 (pa->table, pb->table);
}

static void
lp_problems_window_fill (LpProblemsWindow *self)
{
  const char *table_shown = NULL;
  gboolean first = TRUE;

  for (guint i = 0; i < self->problems->len; i++)
    {
      const LpProblem *problem = g_ptr_array_index (self->problems, i);
      g_autoptr(LpProblemRow) row = NULL;

      if (first || g_strcmp0 (problem->table, table_shown) != 0)
        {
          g_autoptr(LpProblemRow) heading = g_object_new (LP_TYPE_PROBLEM_ROW, NULL);

          if (problem->table != NULL)
            /* Translators: a heading over the problems of one table of the plan file;
             * %s is the table's name as check gives it, "list_size" */
            heading->heading = g_strdup_printf (_("Table %s"), problem->table);
          else
            heading->heading = g_strdup (_("The whole plan"));
          g_list_store_append (self->rows, heading);
          table_shown = problem->table;
          first = FALSE;
        }
      row = g_object_new (LP_TYPE_PROBLEM_ROW, NULL);
      row->problem = problem;
      g_list_store_append (self->rows, row);
    }
}

static void
lp_problems_window_setup_row (GtkSignalListItemFactory *factory,
                              GtkListItem              *item,
                              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
lp_problems_window_bind_row (GtkSignalListItemFactory *factory,
                             GtkListItem              *item,
                             gpointer                  user_data)
{
  LpProblemRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  gboolean heading = row->heading != NULL;

  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_widget_set_visible (icon, !heading);
  gtk_widget_set_margin_top (box, heading ? 18 : 6);
  if (heading)
    {
      gtk_label_set_text (GTK_LABEL (label), row->heading);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_tooltip_text (icon, NULL);
      return;
    }
  gtk_widget_remove_css_class (label, "heading");
  gtk_label_set_text (GTK_LABEL (label), row->problem->message);
  if (row->problem->severity == LP_PROBLEM_ERROR)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-error-symbolic");
      gtk_widget_set_tooltip_text (icon, _("Error"));
      gtk_widget_remove_css_class (icon, "warning");
      gtk_widget_add_css_class (icon, "error");
    }
  else
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-warning-symbolic");
      gtk_widget_set_tooltip_text (icon, _("Warning"));
      gtk_widget_remove_css_class (icon, "error");
      gtk_widget_add_css_class (icon, "warning");
    }
}

/**
 * lp_problems_window_save_report:
 * @dest_path: the text file to write; a file there is replaced
 *
 * Writes the problems as `locality-planner-cli check` prints them, under
 * a line naming the plan.
 */
gboolean
lp_problems_window_save_report (LpProblemsWindow  *self,
                                const char        *dest_path,
                                GError           **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (LP_IS_PROBLEMS_WINDOW (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  text = lp_window_text_problems_report (self->path, self->problems);
  return g_file_set_contents (dest_path, text, -1, error);
}

static void
lp_problems_window_save_activated (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LpProblemsWindow *self = LP_PROBLEMS_WINDOW (widget);
  g_autofree char *name = lp_window_text_report_name (self->path, FALSE);

  lp_report_save_ask (GTK_WINDOW (self), self->path, name,
                      lp_window_text_problems_report (self->path, self->problems));
}

/* The repair is the plan window's: this window closes for its file dialog. */
static void
lp_problems_window_repair_clicked (LpProblemsWindow *self,
                                  GtkButton        *button)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.repair-copy", NULL);
  gtk_window_close (GTK_WINDOW (self));
}

static void
lp_problems_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_PROBLEMS_WINDOW);
  G_OBJECT_CLASS (lp_problems_window_parent_class)->dispose (object);
}

static void
lp_problems_window_finalize (GObject *object)
{
  LpProblemsWindow *self = LP_PROBLEMS_WINDOW (object);

  g_clear_object (&self->rows);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self->path);
  G_OBJECT_CLASS (lp_problems_window_parent_class)->finalize (object);
}

static void
lp_problems_window_class_init (LpProblemsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_problems_window_dispose;
  object_class->finalize = lp_problems_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lp-problems-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LpProblemsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LpProblemsWindow, intro_label);
  gtk_widget_class_bind_template_child (widget_class, LpProblemsWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, LpProblemsWindow, repair_button);
  gtk_widget_class_bind_template_callback (widget_class, lp_problems_window_repair_clicked);

  gtk_widget_class_install_action (widget_class, "problems.save-report", NULL, lp_problems_window_save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "problems.save-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
lp_problems_window_init (LpProblemsWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (LP_TYPE_PROBLEM_ROW);
  g_signal_connect (factory, "setup", G_CALLBACK (lp_problems_window_setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (lp_problems_window_bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)))));
}

/**
 * lp_problems_window_new:
 * @parent: the plan's window, whose win.repair-copy the window's Repair
 *   into a Copy… button activates
 * @path: the damaged plan file
 * @problems: (element-type LpProblem): what check found in it
 */
LpProblemsWindow *
lp_problems_window_new (GtkWindow  *parent,
                        const char *path,
                        GPtrArray  *problems)
{
  LpProblemsWindow *self;
  g_autofree char *name = NULL;
  g_autofree char *intro = NULL;
  guint n_errors;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  self = g_object_new (LP_TYPE_PROBLEMS_WINDOW, "transient-for", parent, NULL);
  self->path = g_strdup (path);
  /* A copy of the list, in the order shown: the report is saved so too. */
  self->problems = g_ptr_array_new ();
  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (self->problems, g_ptr_array_index (problems, i));
  /* The problems themselves stay the array's: it is kept as long as this. */
  g_object_set_data_full (G_OBJECT (self), "lp-problems", g_ptr_array_ref (problems),
                          (GDestroyNotify) g_ptr_array_unref);
  g_ptr_array_sort (self->problems, lp_problems_compare);
  lp_problems_window_fill (self);

  name = g_filename_display_basename (path);
  adw_window_title_set_subtitle (self->window_title, name);
  n_errors = lp_problems_count_errors (problems);
  intro = g_strdup_printf (ngettext ("Check finds %u problem in “%s”. Until it is repaired, the plan is shown "
                                     "without the value or row at fault, and cannot be changed. Repair into a "
                                     "Copy… writes a new plan without them; this file is never changed.",
                                     "Check finds %u problems in “%s”. Until they are repaired, the plan is shown "
                                     "without the values or rows at fault, and cannot be changed. Repair into a "
                                     "Copy… writes a new plan without them; this file is never changed.",
                                     n_errors), n_errors, name);
  gtk_label_set_text (self->intro_label, intro);
  return self;
}

/**
 * lp_problems_window_dup_messages:
 *
 * Returns: (transfer full): the problems' messages, in the order listed
 */
GStrv
lp_problems_window_dup_messages (LpProblemsWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (LP_IS_PROBLEMS_WINDOW (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i++)
    {
      g_autoptr(LpProblemRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (row->problem != NULL)
        g_strv_builder_add (builder, row->problem->message);
    }
  return g_strv_builder_end (builder);
}

GListModel *
lp_problems_window_get_rows (LpProblemsWindow *self)
{
  g_return_val_if_fail (LP_IS_PROBLEMS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->rows);
}
