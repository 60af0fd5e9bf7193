/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Locality Modelling view's long tables: each practice's share of the
 * grand total (6,500 rows for all of England's localities) and, when there
 * are too many localities to chart, each locality's grand total.  Column
 * views over the rows the worker made (LpModellingItem), so that only the
 * rows on screen have widgets; a click on a heading sorts by the figures
 * behind the column, not their rounded words. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-modelling-item.h"
#include "lp-modelling-view-private.h"

/* Rows put on screen at once: a screenful and more. */
#define LP_MODELLING_ROWS_STEP 32
/* The rows GTK 4.8's list widgets make widgets for, at most. */
#define LP_MODELLING_ROWS_MADE 208

/* GTK 4.8's column view keeps up to 200 rows of cells alive and makes
 * them afresh for new rows: a cell is a GtkInscription, which is cheaper
 * to make and to measure than a label, sized by characters. */
static void
lp_modelling_view_cell_setup (GtkSignalListItemFactory *factory,
                              GtkListItem              *list_item,
                              gpointer                  user_data)
{
  LpModellingColumn column = GPOINTER_TO_UINT (user_data);
  GtkInscription *cell = GTK_INSCRIPTION (gtk_inscription_new (NULL));

  switch (column)
    {
    case LP_MODELLING_COLUMN_NAME:
      gtk_inscription_set_min_chars (cell, 10);
      gtk_inscription_set_nat_chars (cell, 28);
      gtk_inscription_set_text_overflow (cell, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      break;
    case LP_MODELLING_COLUMN_CODE:
      gtk_inscription_set_min_chars (cell, 6);
      gtk_inscription_set_nat_chars (cell, 6);
      gtk_widget_add_css_class (GTK_WIDGET (cell), "dim-label");
      break;
    default:
      /* As wide as "1,234,567" patients, "100.0%" or "12,345.6" a month
       * needs, and no wider: the names get the rest. */
      gtk_inscription_set_min_chars (cell, column == LP_MODELLING_COLUMN_SIZE ? 8
                                           : column == LP_MODELLING_COLUMN_SHARE ? 5 : 6);
      gtk_inscription_set_nat_chars (cell, gtk_inscription_get_min_chars (cell));
      gtk_inscription_set_xalign (cell, 1);
      break;
    }
  gtk_widget_add_css_class (GTK_WIDGET (cell), "numeric");
  gtk_list_item_set_child (list_item, GTK_WIDGET (cell));
}

static void
lp_modelling_view_cell_bind (GtkSignalListItemFactory *factory,
                             GtkListItem              *list_item,
                             gpointer                  user_data)
{
  LpModellingColumn column = GPOINTER_TO_UINT (user_data);
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  const char *text = lp_modelling_item_get_text (gtk_list_item_get_item (list_item), column);

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  /* The whole of a name cut short. */
  if (column == LP_MODELLING_COLUMN_NAME)
    gtk_widget_set_tooltip_text (cell, text);
}

static int
lp_modelling_view_compare_items (gconstpointer a,
                                 gconstpointer b,
                                 gpointer      user_data)
{
  return lp_modelling_item_compare ((LpModellingItem *) a, (LpModellingItem *) b,
                                    GPOINTER_TO_UINT (user_data));
}

static void
lp_modelling_view_add_column (GtkColumnView     *view,
                              LpModellingColumn  column,
                              const char        *title)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  GtkSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (lp_modelling_view_cell_setup),
                    GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (lp_modelling_view_cell_bind),
                    GUINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  /* Names sort as words (collation keys made once per sort); figures by
   * their value. */
  if (column == LP_MODELLING_COLUMN_CODE || column == LP_MODELLING_COLUMN_NAME)
    sorter = GTK_SORTER (gtk_string_sorter_new (
        gtk_property_expression_new (LP_TYPE_MODELLING_ITEM, NULL,
                                     column == LP_MODELLING_COLUMN_CODE ? "code" : "name")));
  else
    sorter = GTK_SORTER (gtk_custom_sorter_new (lp_modelling_view_compare_items,
                                                GUINT_TO_POINTER (column), NULL));
  gtk_column_view_column_set_sorter (view_column, sorter);
  g_object_unref (sorter);
  if (column == LP_MODELLING_COLUMN_NAME)
    {
      gtk_column_view_column_set_expand (view_column, TRUE);
      gtk_column_view_column_set_resizable (view_column, TRUE);
    }
  gtk_column_view_append_column (view, view_column);
}

/* The columns before the figures; those follow the plan's horizons
 * (lp_modelling_view_figure_columns). */
void
lp_modelling_view_setup_tables (LpModellingView *self)
{
  lp_modelling_view_add_column (self->practices_view, LP_MODELLING_COLUMN_CODE, _("Code"));
  lp_modelling_view_add_column (self->practices_view, LP_MODELLING_COLUMN_NAME, _("Practice"));
  lp_modelling_view_add_column (self->practices_view, LP_MODELLING_COLUMN_SIZE, _("List size"));
  lp_modelling_view_add_column (self->practices_view, LP_MODELLING_COLUMN_SHARE, _("Share"));
  lp_modelling_view_add_column (self->localities_view, LP_MODELLING_COLUMN_NAME, _("Locality"));
  lp_modelling_view_add_column (self->localities_view, LP_MODELLING_COLUMN_SIZE,
                                _("Registered patients"));
}

/* A column for each horizon's activity and bed days, after the first
 * @n_fixed; a hidden column would still have its cells made, so the
 * columns are as many as the horizons.  Each heading puts the horizon over
 * its figure, as the pathway table's two heading rows do ("Bed days": the
 * narrower heading keeps a wide table within 1024 pixels). */
static void
lp_modelling_view_figure_columns (GtkColumnView      *view,
                                  guint               n_fixed,
                                  guint               n_horizons,
                                  const char * const *horizons)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  guint wanted = 2 * n_horizons;
  guint n;

  while ((n = g_list_model_get_n_items (columns)) > n_fixed + wanted)
    {
      g_autoptr(GtkColumnViewColumn) last = g_list_model_get_item (columns, n - 1);

      gtk_column_view_remove_column (view, last);
    }
  while ((n = g_list_model_get_n_items (columns)) < n_fixed + wanted)
    lp_modelling_view_add_column (view, LP_MODELLING_COLUMN_FIGURES + n - n_fixed, NULL);
  for (guint c = 0; c < wanted; c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, n_fixed + c);
      g_autofree char *title = g_strdup_printf ("%s\n%s", horizons[c / 2],
                                                c % 2 == 0 ? lp_modelling_text_activity_label ()
                                                           : _("Bed days"));

      gtk_column_view_column_set_title (column, title);
    }
}

static void
lp_modelling_view_swap_rows (GtkSliceListModel  *slice,
                             GListStore        **next,
                             gboolean           *swap)
{
  gtk_slice_list_model_set_model (slice, NULL);
  gtk_slice_list_model_set_size (slice, LP_MODELLING_ROWS_STEP);
  gtk_slice_list_model_set_model (slice, G_LIST_MODEL (*next));
  g_clear_object (next);
  *swap = FALSE;
}

/* A step of a table's change (lp_modelling_view_set_rows): fewer of the
 * old rows, or the new ones in their place, or more of them.  Returns
 * whether there is more to do. */
static gboolean
lp_modelling_view_step_rows (GtkSliceListModel  *slice,
                             GListStore        **next,
                             gboolean           *swap)
{
  GListModel *rows = gtk_slice_list_model_get_model (slice);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (slice));
  guint size = gtk_slice_list_model_get_size (slice);

  /* Rows past those with widgets go at no cost, then the others a few
   * steps at a time. */
  if (*swap && shown > LP_MODELLING_ROWS_STEP)
    {
      shown = MIN (shown, LP_MODELLING_ROWS_MADE);
      gtk_slice_list_model_set_size (slice, shown > 3 * LP_MODELLING_ROWS_STEP
                                            ? shown - 2 * LP_MODELLING_ROWS_STEP
                                            : LP_MODELLING_ROWS_STEP);
      return TRUE;
    }
  if (*swap)
    {
      lp_modelling_view_swap_rows (slice, next, swap);
      return TRUE;
    }
  if (rows == NULL || size >= g_list_model_get_n_items (rows))
    return FALSE;
  size += LP_MODELLING_ROWS_STEP;
  /* Past the rows a list has widgets for, the rest cost nothing. */
  gtk_slice_list_model_set_size (slice, size >= LP_MODELLING_ROWS_MADE ? G_MAXUINT : size);
  return TRUE;
}

static gboolean
lp_modelling_view_step (gpointer user_data)
{
  LpModellingView *self = user_data;
  /* One table a turn: the practices first. */
  if (lp_modelling_view_step_rows (self->practices_slice, &self->practices_next, &self->practices_swap) ||
      lp_modelling_view_step_rows (self->localities_slice, &self->localities_next, &self->localities_swap))
    return G_SOURCE_CONTINUE;
  self->step_source = 0;
  return G_SOURCE_REMOVE;
}

/* GTK 4.8's list widgets make the cells of up to 200 rows as soon as
 * their model changes, and unmake them as soon as they go: tens of
 * milliseconds each for a table of practices.  So @rows replace those on
 * screen a step at a time, from the turn of the main loop after the rest
 * of the result is shown, a turn each, frames drawn in between: the old
 * rows go down to a screenful, the new ones come in their place, then
 * more of them. */
static void
lp_modelling_view_set_rows (LpModellingView    *self,
                            GtkSliceListModel  *slice,
                            GListStore        **next,
                            gboolean           *swap,
                            GListStore         *rows)
{
  g_set_object (next, rows);
  *swap = TRUE;
  if (self->step_source == 0)
    self->step_source = g_idle_add (lp_modelling_view_step, self);
}

void
lp_modelling_view_show_practices (LpModellingView   *self,
                                  LpModellingResult *result)
{
  GListModel *columns = gtk_column_view_get_columns (self->practices_view);

  gtk_label_set_label (self->practices_title, result->text.practices_title);
  gtk_label_set_label (self->practices_caption, result->text.practices_caption != NULL ? result->text.practices_caption : "");
  /* Columns changed with rows in place would each make a cell per row. */
  if (g_list_model_get_n_items (columns) != LP_MODELLING_COLUMN_FIGURES + 2 * result->text.n_horizons)
    gtk_slice_list_model_set_model (self->practices_slice, NULL);
  lp_modelling_view_figure_columns (self->practices_view, LP_MODELLING_COLUMN_FIGURES,
                                    result->text.n_horizons, (const char * const *) result->text.horizons);
  lp_modelling_view_set_rows (self, self->practices_slice, &self->practices_next,
                              &self->practices_swap, result->practices);
}

/* Every locality's grand total: a chart for a handful of localities, a
 * table for more. */
void
lp_modelling_view_show_localities (LpModellingView   *self,
                                   LpModellingResult *result)
{
  g_autofree char *title = lp_modelling_text_localities_title (result->asked.query.per);

  gtk_label_set_label (self->chart_title, title);
  gtk_widget_set_visible (self->chart_box, result->localities == NULL);
  gtk_widget_set_visible (self->localities_box, result->localities != NULL);
  gtk_label_set_label (self->chart_caption, result->localities == NULL
      ? _("Every locality’s grand total in the scenario chosen, to compare them.")
      : _("Every locality’s grand total in the scenario chosen; click a heading to sort by it."));
  if (result->localities != NULL &&
      g_list_model_get_n_items (gtk_column_view_get_columns (self->localities_view)) != 2 + 2 * result->text.n_horizons)
    gtk_slice_list_model_set_model (self->localities_slice, NULL);
  if (result->localities != NULL)
    lp_modelling_view_figure_columns (self->localities_view, 2, result->text.n_horizons,
                                      (const char * const *) result->text.horizons);
  lp_modelling_view_set_rows (self, self->localities_slice, &self->localities_next,
                              &self->localities_swap, result->localities);
  lp_chart_view_set_chart (self->chart_view, g_steal_pointer (&result->text.chart));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "modelling.save-chart",
                                 lp_chart_view_get_chart (self->chart_view) != NULL);
}

/* Nothing modelled: no row of another plan or choice may stay. */
void
lp_modelling_view_clear_tables (LpModellingView *self)
{
  g_clear_handle_id (&self->step_source, g_source_remove);
  g_clear_object (&self->practices_next);
  g_clear_object (&self->localities_next);
  self->practices_swap = self->localities_swap = FALSE;
  self->has_totals = FALSE;
  gtk_slice_list_model_set_model (self->practices_slice, NULL);
  gtk_slice_list_model_set_model (self->localities_slice, NULL);
  lp_chart_view_set_chart (self->chart_view, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "modelling.save-chart", FALSE);
}

/* How many practices the table has, or will have once the rows shown
 * have given way; not yet all on screen perhaps. */
guint
lp_modelling_view_n_practices (LpModellingView *self)
{
  GListModel *rows = self->practices_swap ? G_LIST_MODEL (self->practices_next)
                                          : gtk_slice_list_model_get_model (self->practices_slice);

  return rows != NULL ? g_list_model_get_n_items (rows) : 0;
}
