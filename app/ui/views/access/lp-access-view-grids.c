/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Extended Access view's tables, laid out from lp-access-text's words:
 * month by month, capacity by locality, and the practices with their
 * go-live dates in fields.  Months behind the trajectory and capacity
 * shortfalls are in the error colour.  A go-live date is an editable cell:
 * what is typed goes to core as typed. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-access-view-private.h"
#include "lp-editable-cell.h"
#include "lp-table-grid.h"

void
lp_access_view_show_error (LpAccessView *self,
                           const char   *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
lp_access_view_headings (GtkGrid           *grid,
                         const char *const *titles)
{
  for (int c = 0; titles[c] != NULL; c++)
    lp_table_grid_cell (grid, titles[c], c, 0, 1, LP_CELL_DIM | (c > 0 ? LP_CELL_NUMERIC : 0));
}

static void
lp_access_view_months (LpAccessView *self)
{
  /* The month the target applies from sits beside it: a quarter's target
   * starts in the quarter's first month, which the target alone does not say. */
  const char *titles[] = { _("Month"), _("Target"), _("Target from"), _("Planned"), _("Actual"),
                           _("Behind by (points)"), _("Required min/week"), _("Offered min/week"), NULL };
  GtkGrid *grid = self->months_grid;

  lp_table_grid_clear (grid);
  lp_access_view_headings (grid, titles);
  for (guint i = 0; i < self->text.months->len; i++)
    {
      const LpAccessTextMonth *month = g_ptr_array_index (self->text.months, i);
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
          GtkWidget *cell = lp_table_grid_cell (grid, cells[c], c + 1, at, 1, LP_CELL_NUMERIC);

          if (month->behind && cells[c] == month->gap)
            gtk_widget_add_css_class (cell, "error");
        }
    }
}

static void
lp_access_view_capacity (LpAccessView *self)
{
  const char *titles[] = { _("Locality"), _("Patients"), _("Required min/week"), _("Offered min/week"),
                           _("Difference"), NULL };
  GtkGrid *grid = self->capacity_grid;

  lp_table_grid_clear (grid);
  lp_access_view_headings (grid, titles);
  for (guint i = 0; i < self->text.capacity->len; i++)
    {
      const LpAccessTextCapacity *row = g_ptr_array_index (self->text.capacity, i);
      int at = 2 + 2 * (int) i;
      GtkWidget *difference;

      lp_table_grid_rule (grid, at - 1, 5);
      gtk_widget_set_hexpand (lp_table_grid_cell (grid, row->locality, 0, at, 1, LP_CELL_TEXT), TRUE);
      lp_table_grid_cell (grid, row->population, 1, at, 1, LP_CELL_NUMERIC);
      lp_table_grid_cell (grid, row->required, 2, at, 1, LP_CELL_NUMERIC);
      lp_table_grid_cell (grid, row->offered, 3, at, 1, LP_CELL_NUMERIC);
      difference = lp_table_grid_cell (grid, row->difference, 4, at, 1, LP_CELL_NUMERIC);
      if (row->shortfall)
        gtk_widget_add_css_class (difference, "error");
    }
}

/* What the view shows core's refusal with is the cell itself as well. */
static void
lp_access_view_go_live_committed (LpEditableCell *cell,
                                  const char     *typed,
                                  LpAccessView   *self)
{
  const char *message;

  if (lp_access_view_enter_go_live (self, g_object_get_data (G_OBJECT (cell), "lp-ods-code"), typed))
    return;
  message = lp_access_view_get_error (self);
  if (message != NULL)
    lp_editable_cell_show_error (cell, message);
}

static GtkWidget *
lp_access_view_go_live_cell (LpAccessView               *self,
                             const LpAccessTextPractice *practice)
{
  LpEditableCell *cell = LP_EDITABLE_CELL (lp_editable_cell_new ());
  g_autofree char *label = g_strdup_printf (_("Go-live date of %s"), practice->name);

  lp_editable_cell_set_text (cell, practice->go_live);
  lp_editable_cell_set_width_chars (cell, 10);
  lp_editable_cell_set_placeholder_text (cell, _("DD/MM/YYYY"));
  lp_editable_cell_set_label (cell, label);
  gtk_widget_set_valign (GTK_WIDGET (cell), GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (GTK_WIDGET (cell), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (cell), 6);
  gtk_widget_set_sensitive (GTK_WIDGET (cell), !lp_plan_is_read_only (self->plan));
  g_object_set_data_full (G_OBJECT (cell), "lp-ods-code", g_strdup (practice->code), g_free);
  lp_table_grid_set_focus_key (GTK_WIDGET (cell), practice->code);
  g_signal_connect (cell, "commit", G_CALLBACK (lp_access_view_go_live_committed), self);
  return GTK_WIDGET (cell);
}

static void
lp_access_view_practices (LpAccessView *self)
{
  const char *titles[] = { _("Code"), _("Practice"), _("List size"), _("Go-live"), _("Level"),
                           _("Offered min/week"), _("Required min/week"), NULL };
  GtkGrid *grid = self->practices_grid;
  /* An edit lays the table out again: the focus stays in its field. */
  g_autofree char *focused = lp_table_grid_get_focus_key (grid);

  lp_table_grid_clear (grid);
  lp_access_view_headings (grid, titles);
  for (guint i = 0; i < self->text.practices->len; i++)
    {
      const LpAccessTextPractice *row = g_ptr_array_index (self->text.practices, i);
      int at = 2 + 2 * (int) i;
      GtkWidget *offered;

      lp_table_grid_rule (grid, at - 1, 7);
      lp_table_grid_cell (grid, row->code, 0, at, 1, LP_CELL_DIM);
      gtk_widget_set_hexpand (lp_table_grid_cell (grid, row->name, 1, at, 1, LP_CELL_ELLIPSIZE), TRUE);
      lp_table_grid_cell (grid, row->list_size, 2, at, 1, LP_CELL_NUMERIC);
      gtk_grid_attach (grid, lp_access_view_go_live_cell (self, row), 3, at, 1, 1);
      lp_table_grid_cell (grid, row->level, 4, at, 1, LP_CELL_TEXT);
      offered = lp_table_grid_cell (grid, row->offered, 5, at, 1, LP_CELL_NUMERIC);
      if (row->shortfall)
        gtk_widget_add_css_class (offered, "error");
      lp_table_grid_cell (grid, row->required, 6, at, 1, LP_CELL_NUMERIC);
    }
  lp_table_grid_refocus (grid, focused);
}

void
lp_access_view_show_text (LpAccessView *self)
{
  gtk_label_set_label (self->summary_label, self->text.summary);
  gtk_label_set_label (self->basis_label, self->text.basis);
  gtk_label_set_label (self->chart_title, self->text.chart->title);
  gtk_label_set_label (self->as_at_label, self->text.as_at);
  lp_chart_view_set_chart (self->chart_view, lp_chart_copy (self->text.chart));
  lp_access_view_months (self);
  lp_access_view_capacity (self);
  lp_access_view_practices (self);
}
