/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Cells and rules of the views' figures tables. */
#include "config.h"

#include "lp-table-grid.h"

static void
lp_table_grid_wrap (GtkLabel    *label,
                    int          column,
                    LpCellStyle  style)
{
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_max_width_chars (label, column == 0 ? 20 : 10);
  /* Names take lines of about 15 characters, not one word each. */
  if (column == 0)
    gtk_widget_set_size_request (GTK_WIDGET (label), 120, -1);
  gtk_label_set_justify (label, (style & LP_CELL_NUMERIC) ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
  /* A heading of two lines sits on the rule below it. */
  gtk_widget_set_valign (GTK_WIDGET (label), (style & LP_CELL_DIM) ? GTK_ALIGN_END : GTK_ALIGN_CENTER);
}

/**
 * lp_table_grid_cell:
 * @width: how many columns the cell spans
 *
 * Room around each figure, as the published tables had: the margins make
 * the rows and columns.  A tight cell leaves less, so that a table of ten
 * columns fits beside the sidebar at 1280 pixels.
 *
 * Returns: (transfer none): the label, attached to @grid
 */
GtkWidget *
lp_table_grid_cell (GtkGrid     *grid,
                    const char  *text,
                    int          column,
                    int          row,
                    int          width,
                    LpCellStyle  style)
{
  GtkWidget *label = gtk_label_new (text);
  gboolean tight = (style & LP_CELL_TIGHT) != 0;

  gtk_widget_set_margin_start (label, column == 0 ? 18 : tight ? 2 : 12);
  gtk_widget_set_margin_end (label, tight ? 8 : 18);
  gtk_widget_set_margin_top (label, 7);
  gtk_widget_set_margin_bottom (label, 7);
  gtk_label_set_xalign (GTK_LABEL (label), (style & LP_CELL_CENTER) ? 0.5f
                                           : (style & LP_CELL_NUMERIC) ? 1.0f : 0.0f);
  if (style & LP_CELL_NUMERIC)
    gtk_widget_add_css_class (label, "numeric");
  if (style & LP_CELL_BOLD)
    gtk_widget_add_css_class (label, "heading");
  if (style & LP_CELL_DIM)
    gtk_widget_add_css_class (label, "dim-label");
  if (style & LP_CELL_ELLIPSIZE)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 34);
      gtk_widget_set_tooltip_text (label, text);
    }
  if (style & LP_CELL_WRAP)
    lp_table_grid_wrap (GTK_LABEL (label), column, style);
  gtk_grid_attach (grid, label, column, row, width, 1);
  return label;
}

void
lp_table_grid_rule (GtkGrid *grid,
                    int      row,
                    int      width)
{
  gtk_grid_attach (grid, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, row, width, 1);
}

void
lp_table_grid_clear (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/**
 * lp_table_grid_set_focus_key:
 * @cell: a field in a grid's cell
 * @key: what names the field when the grid is laid out again ("X06K01
 *   joiners")
 */
void
lp_table_grid_set_focus_key (GtkWidget  *cell,
                             const char *key)
{
  g_object_set_data_full (G_OBJECT (cell), "lp-focus-key", g_strdup (key), g_free);
}

/**
 * lp_table_grid_get_focus_key:
 *
 * Returns: (transfer full) (nullable): the key of the field in @grid that
 *   holds the keyboard focus, or %NULL
 */
char *
lp_table_grid_get_focus_key (GtkGrid *grid)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (grid));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  while (focus != NULL && gtk_widget_get_parent (focus) != GTK_WIDGET (grid))
    focus = gtk_widget_get_parent (focus);
  return focus != NULL ? g_strdup (g_object_get_data (G_OBJECT (focus), "lp-focus-key")) : NULL;
}

/**
 * lp_table_grid_refocus:
 * @key: (nullable): from lp_table_grid_get_focus_key() before the grid
 *   was laid out again
 *
 * A grid laid out again after an edit in it (a go-live date, joiners)
 * gives the keyboard focus back to the same field, so that the next one
 * can be typed at once.
 */
void
lp_table_grid_refocus (GtkGrid    *grid,
                       const char *key)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid));
       key != NULL && child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "lp-focus-key"), key) == 0)
      {
        gtk_widget_grab_focus (child);
        return;
      }
}
