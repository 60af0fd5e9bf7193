/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Extended Access view's tables, laid out from lp-access-text's words:
 * month by month (a grid: two years of months at most), and capacity by
 * locality and the practices with their go-live dates in fields (column
 * views: a plan of England's size has 1,250 localities and 6,500
 * practices).  Months behind the trajectory and capacity shortfalls are
 * in the error colour. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-access-view-private.h"
#include "lp-editable-cell.h"
#include "lp-table-grid.h"
#include "lp-view-common.h"

void
lp_access_view_show_error (LpAccessView *self,
                           const char   *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Headings over two lines where they are long, so that the months fit
 * beside the sidebar at 1024 pixels. */
static void
lp_access_view_headings (GtkGrid           *grid,
                         const char *const *titles)
{
  for (int c = 0; titles[c] != NULL; c++)
    lp_table_grid_cell (grid, titles[c], c, 0, 1,
                        LP_CELL_DIM | LP_CELL_WRAP | LP_CELL_TIGHT | (c > 0 ? LP_CELL_NUMERIC : 0));
}

static void
lp_access_view_months (LpAccessView       *self,
                       const LpAccessText *text)
{
  /* The month the target applies from sits beside it: a quarter's target
   * starts in the quarter's first month, which the target alone does not say. */
  const char *titles[] = { _("Month"), _("Target"), _("Target from"), _("Planned"), _("Actual"),
                           _("Behind by (points)"), _("Required min/week"), _("Offered min/week"), NULL };
  GtkGrid *grid = self->months_grid;

  lp_table_grid_clear (grid);
  lp_access_view_headings (grid, titles);
  for (guint i = 0; i < text->months->len; i++)
    {
      const LpAccessTextMonth *month = g_ptr_array_index (text->months, i);
      const char *cells[] = { month->target, month->target_from, month->planned, month->actual, month->gap,
                              month->required, month->offered };
      int at = 2 + 2 * (int) i;
      GtkWidget *name;

      lp_table_grid_rule (grid, at - 1, 8);
      name = lp_table_grid_cell (grid, month->month, 0, at, 1, month->behind ? LP_CELL_BOLD : LP_CELL_TEXT);
      gtk_widget_set_hexpand (name, TRUE);
      if (month->target_label != NULL)
        gtk_widget_set_tooltip_text (name, month->target_label);
      for (int c = 0; c < (int) G_N_ELEMENTS (cells); c++)
        {
          GtkWidget *cell = lp_table_grid_cell (grid, cells[c], c + 1, at, 1, LP_CELL_NUMERIC | LP_CELL_TIGHT);

          if (month->behind && cells[c] == month->gap)
            gtk_widget_add_css_class (cell, "error");
        }
    }
}

/* Core reads the date as typed; if it refuses, the cell shows why. */
static void
lp_access_view_go_live_committed (LpEditableCell *cell,
                                  const char     *typed,
                                  GtkListItem    *item)
{
  LpAccessView *self = g_object_get_data (G_OBJECT (cell), "lp-view");
  const LpAccessTextPractice *practice;
  const char *message;

  if (gtk_list_item_get_item (item) == NULL)
    return;
  practice = lp_text_row_get (gtk_list_item_get_item (item));
  if (lp_access_view_enter_go_live (self, practice->code, typed))
    return;
  message = lp_access_view_get_error (self);
  if (message != NULL)
    lp_editable_cell_show_error (cell, message);
}

static void
lp_access_view_go_live_setup (GtkSignalListItemFactory *factory,
                              GtkListItem              *item,
                              LpAccessView             *self)
{
  LpEditableCell *cell = LP_EDITABLE_CELL (lp_editable_cell_new ());

  /* Room for a date and no more: the practice's name has the rest. */
  lp_editable_cell_set_width_chars (cell, 10);
  lp_editable_cell_set_max_width_chars (cell, 10);
  lp_editable_cell_set_placeholder_text (cell, _("DD/MM/YYYY"));
  gtk_widget_set_valign (GTK_WIDGET (cell), GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (cell), "lp-view", self);
  g_object_set_data (G_OBJECT (cell), "lp-list-item", item);
  g_signal_connect (cell, "commit", G_CALLBACK (lp_access_view_go_live_committed), item);
  gtk_list_item_set_child (item, GTK_WIDGET (cell));
}

static void
lp_access_view_go_live_bind (GtkSignalListItemFactory *factory,
                             GtkListItem              *item,
                             LpAccessView             *self)
{
  LpEditableCell *cell = LP_EDITABLE_CELL (gtk_list_item_get_child (item));
  const LpAccessTextPractice *practice = lp_text_row_get (gtk_list_item_get_item (item));
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));
  g_autofree char *label = g_strdup_printf (_("Go-live date of %s"), practice->name);

  /* The cell leaves what is being typed in it be. */
  lp_editable_cell_set_text (cell, practice->go_live);
  lp_editable_cell_set_editable (cell, plan != NULL && !lp_plan_is_read_only (plan));
  lp_editable_cell_set_label (cell, label);
}

/* The go-live cell of each practice's row: what is typed plans the
 * practice from that date, through core; the table then follows the plan. */
static GtkListItemFactory *
lp_access_view_go_live_factory (LpAccessView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (lp_access_view_go_live_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (lp_access_view_go_live_bind), self);
  return factory;
}

#define CAPACITY(field) G_STRUCT_OFFSET (LpAccessTextCapacity, field)
#define PRACTICE(field) G_STRUCT_OFFSET (LpAccessTextPractice, field)

/* The columns of the capacity and practice tables; called once, from init. */
void
lp_access_view_setup_tables (LpAccessView *self)
{
  GtkColumnView *capacity = self->capacity_view;
  GtkColumnView *practices = self->practices_view;

  lp_view_common_ensure_css ();
  lp_text_row_add_column (capacity, _("Locality"),
                             lp_text_row_label_factory (CAPACITY (locality), -1, NULL, LP_CELL_ELLIPSIZE), TRUE);
  lp_text_row_add_column (capacity, _("Patients"),
                             lp_text_row_label_factory (CAPACITY (population), -1, NULL, LP_CELL_NUMERIC), FALSE);
  lp_text_row_add_column (capacity, _("Required min/week"),
                             lp_text_row_label_factory (CAPACITY (required), -1, NULL, LP_CELL_NUMERIC), FALSE);
  lp_text_row_add_column (capacity, _("Offered min/week"),
                             lp_text_row_label_factory (CAPACITY (offered), -1, NULL, LP_CELL_NUMERIC), FALSE);
  lp_text_row_add_column (capacity, _("Difference"),
                             lp_text_row_label_factory (CAPACITY (difference), CAPACITY (shortfall), "error",
                                                        LP_CELL_NUMERIC), FALSE);

  lp_text_row_add_column (practices, _("Code"),
                             lp_text_row_label_factory (PRACTICE (code), -1, NULL, LP_CELL_DIM), FALSE);
  lp_text_row_add_column (practices, _("Practice"),
                             lp_text_row_label_factory (PRACTICE (name), -1, NULL, LP_CELL_ELLIPSIZE), TRUE);
  lp_text_row_add_column (practices, _("List size"),
                             lp_text_row_label_factory (PRACTICE (list_size), -1, NULL, LP_CELL_NUMERIC), FALSE);
  lp_text_row_add_column (practices, _("Go-live"), lp_access_view_go_live_factory (self), FALSE);
  lp_text_row_add_column (practices, _("Level"),
                             lp_text_row_label_factory (PRACTICE (level), -1, NULL, LP_CELL_TEXT), FALSE);
  lp_text_row_add_column (practices, _("Offered min/week"),
                             lp_text_row_label_factory (PRACTICE (offered), PRACTICE (shortfall), "error",
                                                        LP_CELL_NUMERIC), FALSE);
  lp_text_row_add_column (practices, _("Required min/week"),
                             lp_text_row_label_factory (PRACTICE (required), -1, NULL, LP_CELL_NUMERIC), FALSE);
}

/* Empties the tables, with what was shown: nothing to compare with now. */
void
lp_access_view_clear_rows (LpAccessView *self)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  lp_text_rows_show (self->capacity_rows, none, gtk_widget_get_parent (GTK_WIDGET (self->capacity_view)));
  lp_text_rows_show (self->practice_rows, none, gtk_widget_get_parent (GTK_WIDGET (self->practices_view)));
  g_clear_pointer (&self->shown_capacity, g_ptr_array_unref);
  g_clear_pointer (&self->shown_practices, g_ptr_array_unref);
}

/* Only the rows that changed are replaced in the tables: a field being
 * typed in elsewhere is left as it is. */
void
lp_access_view_show_result (LpAccessView         *self,
                            const LpAccessResult *result)
{
  const LpAccessText *text = &result->text;

  gtk_label_set_label (self->summary_label, text->summary);
  gtk_label_set_label (self->basis_label, text->basis);
  gtk_label_set_label (self->chart_title, text->chart->title);
  gtk_label_set_label (self->as_at_label, text->as_at);
  lp_chart_view_set_chart (self->chart_view, lp_chart_copy (text->chart));
  lp_access_view_months (self, text);
  g_clear_pointer (&self->shown_capacity, g_ptr_array_unref);
  self->shown_capacity = g_ptr_array_ref (result->capacity_rows);
  lp_text_rows_show (self->capacity_rows, result->capacity_rows,
                     gtk_widget_get_parent (GTK_WIDGET (self->capacity_view)));
  g_clear_pointer (&self->shown_practices, g_ptr_array_unref);
  self->shown_practices = g_ptr_array_ref (result->practice_rows);
  lp_text_rows_show (self->practice_rows, result->practice_rows,
                     gtk_widget_get_parent (GTK_WIDGET (self->practices_view)));
}
