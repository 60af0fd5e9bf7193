/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The figures tables of the modelling, activity and practice views: a
 * GtkGrid of labels, laid out by margins rather than CSS of its own, with
 * rules between rows. */

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  LP_CELL_TEXT      = 0,
  LP_CELL_NUMERIC   = 1 << 0,   /* right-aligned, tabular figures */
  LP_CELL_BOLD      = 1 << 1,
  LP_CELL_DIM       = 1 << 2,
  LP_CELL_ELLIPSIZE = 1 << 3,   /* a long name ends in …, whole in its tooltip */
  LP_CELL_CENTER    = 1 << 4,
  LP_CELL_WRAP      = 1 << 5,   /* a name or heading over lines of ~15 characters */
  LP_CELL_TIGHT     = 1 << 6,   /* less room, for a wide table */
} LpCellStyle;

GtkWidget *lp_table_grid_cell  (GtkGrid     *grid,
                                const char  *text,
                                int          column,
                                int          row,
                                int          width,
                                LpCellStyle  style);
void       lp_table_grid_rule  (GtkGrid     *grid,
                                int          row,
                                int          width);
void       lp_table_grid_clear (GtkGrid     *grid);
/* Keeping the keyboard focus in a field of a grid laid out again. */
void       lp_table_grid_set_focus_key (GtkWidget  *cell,
                                        const char *key);
char      *lp_table_grid_get_focus_key (GtkGrid    *grid);
void       lp_table_grid_refocus       (GtkGrid    *grid,
                                        const char *key);

G_END_DECLS
