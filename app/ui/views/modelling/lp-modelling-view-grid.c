/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Locality Modelling view's pathway tables, laid out in grids from the
 * words lp-modelling-text made: the table as the STP published it, and
 * its comparison with another scenario.  A grid suits them: they hold a
 * row per pathway and a column per horizon, a screenful whatever the
 * plan's size (the practices and localities are column views, in
 * lp-modelling-view-tables.c). */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-modelling-view-private.h"
#include "lp-table-grid.h"

/* Two heading rows: each horizon over its activity and bed days columns,
 * as the published table groups them; @first is the first figure column.
 * Returns the next free row. */
static int
lp_modelling_view_headings (GtkGrid               *grid,
                            const LpModellingText *text,
                            int                    first,
                            const char            *bed_days)
{
  int width = first + 2 * (int) text->n_horizons;

  for (guint h = 0; h < text->n_horizons; h++)
    {
      GtkWidget *activity, *beds;

      lp_table_grid_cell (grid, text->horizons[h], first + 2 * (int) h, 0, 2,
                              LP_CELL_BOLD | LP_CELL_CENTER);
      activity = lp_table_grid_cell (grid, lp_modelling_text_activity_label (),
                                         first + 2 * (int) h, 1, 1, LP_CELL_NUMERIC | LP_CELL_DIM);
      beds = lp_table_grid_cell (grid, bed_days, first + 2 * (int) h + 1, 1, 1,
                                     LP_CELL_NUMERIC | LP_CELL_DIM);
      gtk_widget_set_tooltip_text (activity, text->columns[2 * h]);
      gtk_widget_set_tooltip_text (beds, text->columns[2 * h + 1]);
    }
  lp_table_grid_rule (grid, 2, width);
  return 3;
}

/* A pathway whose figures the locality entered itself carries a mark, so
 * a reader can tell its own plan from its share of a wider one. */
static void
lp_modelling_view_name_cell (GtkGrid              *grid,
                             const LpModellingRow *row,
                             int                   at)
{
  gboolean total = row->kind == LP_MODELLING_ROW_SUBTOTAL || row->kind == LP_MODELLING_ROW_TOTAL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (row->name);

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_tooltip_text (box, row->tooltip);
  if (total)
    gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  if (row->kind == LP_MODELLING_ROW_ENTERED)
    {
      GtkWidget *mark = gtk_image_new_from_icon_name ("document-edit-symbolic");

      gtk_image_set_pixel_size (GTK_IMAGE (mark), 12);
      gtk_widget_add_css_class (mark, "accent");
      gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      row->tooltip, -1);
      gtk_box_append (GTK_BOX (box), mark);
    }
  gtk_grid_attach (grid, box, 0, at, 1, 1);
}

/* The pathway table in @grid; @rows, if given, learns each row's place.
 * Returns whether any row holds a locality's own figures. */
gboolean
lp_modelling_view_fill_grid (GtkGrid               *grid,
                             const LpModellingText *text,
                             GHashTable            *rows)
{
  int width = 1 + 2 * (int) text->n_horizons;
  gboolean any_entered = FALSE, after_total = FALSE;
  int at;

  lp_table_grid_clear (grid);
  if (rows != NULL)
    g_hash_table_remove_all (rows);
  lp_table_grid_cell (grid, _("Pathway"), 0, 1, 1, LP_CELL_DIM);
  at = lp_modelling_view_headings (grid, text, 1, lp_modelling_text_bed_days_label ());
  for (guint i = 0; i < text->rows->len; i++)
    {
      const LpModellingRow *row = g_ptr_array_index (text->rows, i);
      gboolean total = row->kind == LP_MODELLING_ROW_SUBTOTAL || row->kind == LP_MODELLING_ROW_TOTAL;

      /* A total sits between rules; two totals in a row share one. */
      if (total && !after_total)
        lp_table_grid_rule (grid, at++, width);
      lp_modelling_view_name_cell (grid, row, at);
      for (int c = 0; c < 2 * (int) text->n_horizons; c++)
        lp_table_grid_cell (grid, row->cells[c], c + 1, at, 1,
                            LP_CELL_NUMERIC | (total ? LP_CELL_BOLD : 0));
      if (rows != NULL)
        g_hash_table_insert (rows, g_strdup (row->name), GINT_TO_POINTER (at));
      at++;
      if (total && i + 1 < text->rows->len)
        lp_table_grid_rule (grid, at++, width);
      any_entered |= row->kind == LP_MODELLING_ROW_ENTERED;
      after_total = total;
    }
  return any_entered;
}

void
lp_modelling_view_show_table (LpModellingView       *self,
                              const LpModellingText *text)
{
  gtk_widget_set_visible (self->legend_box, lp_modelling_view_fill_grid (self->table_grid, text,
                                                                         self->grid_rows));
}

const char *
lp_modelling_view_grid_cell (GtkGrid    *grid,
                             GHashTable *rows,
                             const char *row_name,
                             guint       column)
{
  gpointer row;
  GtkWidget *cell;

  if (!g_hash_table_lookup_extended (rows, row_name, NULL, &row))
    return NULL;
  cell = gtk_grid_get_child_at (grid, (int) column + 1, GPOINTER_TO_INT (row));
  return GTK_IS_LABEL (cell) ? gtk_label_get_label (GTK_LABEL (cell)) : NULL;
}
